//! The window's generated bindings (`ui/src/bindings.ts`) match the Rust commands.

use std::collections::BTreeSet;
use std::path::Path;

/// Fails when a command's name, arguments or types changed without the bindings being
/// generated again; `FUMI_UPDATE_BINDINGS=1 cargo test --test tests bindings` writes them.
#[test]
fn the_committed_bindings_match_the_commands() {
    let committed = Path::new(env!("CARGO_MANIFEST_DIR")).join("ui/src/bindings.ts");
    if std::env::var_os("FUMI_UPDATE_BINDINGS").is_some() {
        fumi_app::bindings::export(&committed).expect("bindings written");
    }
    let dir = tempfile::tempdir().expect("temporary folder");
    let fresh = dir.path().join("bindings.ts");
    fumi_app::bindings::export(&fresh).expect("bindings generated");
    let fresh = std::fs::read_to_string(&fresh).expect("generated bindings read");
    let committed = std::fs::read_to_string(&committed).unwrap_or_default();
    assert!(
        fresh == committed,
        "ui/src/bindings.ts is stale: run `FUMI_UPDATE_BINDINGS=1 cargo test --test tests bindings` \
         and commit the result"
    );
    // The contract holds the commands the page calls, typed.
    for expected in ["saveDraft: (", "publishDraft: (", "export type Draft"] {
        assert!(fresh.contains(expected), "bindings lack {expected}");
    }
}

/// The catalog's message ids in `lang` ("en" or "ja").
fn catalog_ids(lang: &str) -> BTreeSet<String> {
    let path =
        Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("src-tauri/core/locales/{lang}.ftl"));
    let source = std::fs::read_to_string(&path).expect("catalog read");
    fumi_core::message::ids(&source).into_iter().collect()
}

/// Every `t.<word>` the page's modules name, and every `data-i18n…="<word>"` of index.html.
fn words_the_page_names() -> BTreeSet<String> {
    let ui = Path::new(env!("CARGO_MANIFEST_DIR")).join("ui");
    let mut sources = vec![std::fs::read_to_string(ui.join("index.html")).expect("page read")];
    for entry in std::fs::read_dir(ui.join("src")).expect("ui/src listed") {
        let path = entry.expect("entry").path();
        if path.extension().is_some_and(|e| e == "js") {
            let module = std::fs::read_to_string(&path).expect("module read");
            // Comments name words by way of example (i18n.js's `t.group[id]`): code only.
            let code = module.lines().filter(|line| {
                let line = line.trim_start();
                !(line.starts_with("//") || line.starts_with('*') || line.starts_with("/*"))
            });
            sources.push(code.collect::<Vec<_>>().join("\n"));
        }
    }
    let is_word = |c: char| c.is_ascii_alphanumeric() || c == '_' || c == '$';
    let mut words = BTreeSet::new();
    for source in &sources {
        for (at, _) in source.match_indices("t.") {
            let before = source[..at].chars().next_back();
            if before.is_some_and(|c| is_word(c) || c == '.') {
                continue;
            }
            let word: String = source[at + 2..]
                .chars()
                .take_while(|&c| is_word(c))
                .collect();
            if !word.is_empty() {
                words.insert(word);
            }
        }
        for attribute in [
            "data-i18n=\"",
            "data-i18n-placeholder=\"",
            "data-i18n-aria-label=\"",
        ] {
            for (at, _) in source.match_indices(attribute) {
                let rest = &source[at + attribute.len()..];
                words.insert(rest[..rest.find('"').expect("closing quote")].to_owned());
            }
        }
    }
    words
}

/// The window's words all come from the catalog, in both languages, and the catalog holds no
/// word the window never shows: a string added in one place only fails here.
#[test]
fn every_word_the_page_shows_is_in_both_catalogs_and_every_window_word_is_shown() {
    let named = words_the_page_names();
    assert!(
        named.contains("newDraft") && named.contains("menu"),
        "{named:?}"
    );
    let bindings =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("ui/src/bindings.ts"))
            .expect("bindings read");
    // The menu's ids, as `menu.rs` defines them, label through `t.menu[id]`.
    let menu_ids: BTreeSet<String> = bindings
        .lines()
        .filter(|line| line.starts_with("export const MENU_"))
        .flat_map(|line| {
            line.split('"')
                .skip(1)
                .step_by(2)
                .map(str::to_owned)
                .collect::<Vec<_>>()
        })
        .filter(|token| token != "id" && token != "accelerator" && !token.contains('+'))
        .collect();
    assert!(
        menu_ids.contains("new-draft") && menu_ids.contains("help"),
        "{menu_ids:?}"
    );

    for lang in ["en", "ja"] {
        let ids = catalog_ids(lang);
        let window: BTreeSet<&str> = ids.iter().filter_map(|id| id.strip_prefix("ui-")).collect();
        for word in &named {
            let single = window.contains(word.as_str());
            let group = window.iter().any(|id| id.starts_with(&format!("{word}-")));
            // `t.` also prefixes locals in some modules (`t.key` of an event, say): a name the
            // catalog lacks counts only when it reads like a word of the window.
            if !single && !group && word.chars().next().is_some_and(|c| c.is_ascii_lowercase()) {
                let local = [
                    "key", "length", "then", "target", "value", "name", "id", "at", "shown",
                ];
                assert!(
                    local.contains(&word.as_str()),
                    "the page shows t.{word}, which {lang}.ftl lacks (ui-{word})"
                );
            }
        }
        for id in &menu_ids {
            assert!(
                window.contains(format!("menu-{id}").as_str()),
                "{lang}.ftl lacks ui-menu-{id}"
            );
        }
        for id in &window {
            let shown = named.contains(*id)
                || id.split_once('-').is_some_and(|(group, rest)| {
                    named.contains(group) && (group != "menu" || menu_ids.contains(rest))
                });
            assert!(
                shown,
                "{lang}.ftl holds ui-{id}, which the window never shows"
            );
        }
    }
}
