//! The proofreader in the window: marks in the editor where the core finds something, explained
//! in the window's language, a fix applied only when the author picks it, a rule switched off
//! in Settings marking nothing more, and the spell checker's dictionary loaded only for writing.

use std::time::{Duration, Instant};

use serde_json::Value;

use super::support::desktop::{Desktop, PATIENCE, app_pids};
use super::support::{fumi, ok};
use super::window::{click, editor_text, quit, type_in_editor, wait_for};

/// A review with a slip of each kind the test looks at.
const DRAFT: &str = "# 感想\n\n朝早く起きれない日が続いた。ｶﾞｲﾄﾞを読んだ。\n\n映画は見れる。\n\n> 引用の中の見れるは作者の言葉だ。\n";

/// The texts of the editor's proofreading marks.
async fn marked(window: &fantoccini::Client) -> Vec<String> {
    let value = window
        .execute(
            "return [...document.querySelectorAll('.cm-lintRange')].map(e => e.textContent)",
            vec![],
        )
        .await
        .expect("read the marks");
    value
        .as_array()
        .expect("a list")
        .iter()
        .filter_map(Value::as_str)
        .map(str::to_owned)
        .collect()
}

/// Hovers the gutter's mark of the line holding `text`, and waits for its explanation.
async fn explain(window: &fantoccini::Client, text: &str) -> String {
    let hover = format!(
        "const line = [...document.querySelectorAll('.cm-line')].find(l => l.textContent.includes({text:?})); \
         const top = line.getBoundingClientRect().top; \
         const marker = [...document.querySelectorAll('.cm-lint-marker')].find(m => Math.abs(m.getBoundingClientRect().top - top) < 12); \
         marker.dispatchEvent(new MouseEvent('mouseover', {{bubbles: true}})); return true"
    );
    window
        .execute(&hover, vec![])
        .await
        .expect("hover the mark");
    wait_for(
        window,
        "the explanation",
        "document.querySelector('.cm-tooltip-lint')",
    )
    .await;
    let shown = window
        .execute(
            "return document.querySelector('.cm-tooltip-lint').textContent",
            vec![],
        )
        .await
        .expect("read the explanation");
    shown.as_str().expect("text").to_owned()
}

async fn proofread_in(locale: &str, ra_nuki: &str, fix_label: &str) {
    let desktop = Desktop::start_in_locale(locale);
    let data = tempfile::tempdir().expect("temp dir");
    ok(fumi(
        data.path(),
        &["drafts", "new", "--title", "校正", "-"],
        DRAFT.as_bytes(),
    ));
    let window = desktop.launch(data.path()).await;
    wait_for(
        &window,
        "the proofreader's marks",
        "document.querySelectorAll('.cm-lintRange').length >= 3",
    )
    .await;
    let marks = marked(&window).await;
    for slip in ["起きれない", "ｶﾞｲﾄﾞ", "見れる"] {
        assert!(
            marks.iter().any(|m| m == slip),
            "{slip} is not marked: {marks:?}"
        );
    }
    // The quotation is someone else's words.
    assert_eq!(
        marks.iter().filter(|m| *m == "見れる").count(),
        1,
        "{marks:?}"
    );

    let said = explain(&window, "起きれない").await;
    assert!(said.contains(ra_nuki), "{said}");
    assert!(said.contains(fix_label), "{said}");

    // The fix is applied when the author picks it, and only then.
    assert!(editor_text(&window).await.contains("起きれない"));
    window
        .execute(
            "[...document.querySelectorAll('.cm-tooltip-lint .cm-diagnosticAction')].find(b => b.textContent.includes('起きられない')).click(); return true",
            vec![],
        )
        .await
        .expect("pick the fix");
    wait_for(
        &window,
        "the fix in the text",
        "[...document.querySelectorAll('.cm-line')].some(l => l.textContent.includes('朝早く起きられない日'))",
    )
    .await;

    // Switched off in Settings, ら抜き marks nothing more.
    click(&window, "open-settings").await;
    wait_for(
        &window,
        "the rules",
        "document.querySelector('#settings-proofread-rules input[data-rule=ra_nuki]')",
    )
    .await;
    window
        .execute(
            "document.querySelector('#settings-proofread-rules input[data-rule=ra_nuki]').checked = false; \
             document.getElementById('settings-form').requestSubmit(); return true",
            vec![],
        )
        .await
        .expect("switch the rule off");
    // The window reloads with the setting; the half-width kana is still marked, 見れる is not.
    wait_for(
        &window,
        "the marks without ら抜き",
        "[...document.querySelectorAll('.cm-lintRange')].map(e => e.textContent).join('|') === 'ｶﾞｲﾄﾞ'",
    )
    .await;
}

#[tokio::test]
async fn the_proofreader_marks_slips_explains_them_in_japanese_and_fixes_only_on_request() {
    proofread_in("ja_JP.UTF-8", "ら抜き言葉", "「起きられない」に直す").await;
}

#[tokio::test]
async fn the_proofreader_explains_in_english_in_an_english_session() {
    proofread_in(
        "C.UTF-8",
        "drops the ら of the potential form",
        "Replace with “起きられない”",
    )
    .await;
}

/// Whether the app's process on `data` has mapped hunspell (the spell checker's dictionary).
fn spell_checker_loaded(data: &std::path::Path) -> bool {
    let pids = app_pids("/fumi", data);
    assert!(!pids.is_empty(), "the app runs");
    pids.iter().any(|pid| {
        std::fs::read_to_string(format!("/proc/{pid}/maps"))
            .is_ok_and(|maps| maps.contains("libhunspell"))
    })
}

#[tokio::test]
async fn the_spell_checker_loads_its_dictionary_when_the_author_first_writes() {
    let desktop = Desktop::start();
    let data = tempfile::tempdir().expect("temp dir");
    ok(fumi(
        data.path(),
        &["drafts", "new", "--title", "Notes", "-"],
        b"A draft to read.\n",
    ));
    let window = desktop.launch(data.path()).await;
    wait_for(
        &window,
        "the editor checking spelling",
        "document.querySelector('.cm-content')?.getAttribute('spellcheck') === 'true'",
    )
    .await;
    // Opened to read: no dictionary.
    tokio::time::sleep(Duration::from_secs(1)).await;
    assert!(!spell_checker_loaded(data.path()), "loaded before any edit");
    type_in_editor(&window, " Teh").await;
    let start = Instant::now();
    while !spell_checker_loaded(data.path()) {
        assert!(
            start.elapsed() < PATIENCE,
            "the first edit loads no dictionary"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    quit(window, data.path()).await;
}
