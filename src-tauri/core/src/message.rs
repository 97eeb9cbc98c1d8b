//! Every message the author can meet, in Japanese and English, from one Fluent catalog
//! (`locales/{en,ja}.ftl`) that the CLI formats here and the window formats with the same files.
//! Errors carry their fields; the catalog turns a code and its fields into a sentence.

use std::collections::BTreeMap;
use std::sync::LazyLock;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use serde::{Deserialize, Serialize};

use crate::model::settings::Language;

/// The English catalog's source.
pub const EN_FTL: &str = include_str!("../locales/en.ftl");
/// The Japanese catalog's source.
pub const JA_FTL: &str = include_str!("../locales/ja.ftl");

/// A language Fumi speaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lang {
    Ja,
    En,
}

impl Lang {
    /// The language a locale name asks for (`ja_JP.UTF-8`, `ja-JP`, `en_US`): Japanese for
    /// `ja…`, else English.
    pub fn of_locale(locale: &str) -> Lang {
        if locale.to_ascii_lowercase().starts_with("ja") {
            Lang::Ja
        } else {
            Lang::En
        }
    }

    /// The language of the process's locale, as POSIX resolves it (`LC_ALL`, then
    /// `LC_MESSAGES`, then `LANG`); English when none is set.
    pub fn of_environment() -> Lang {
        ["LC_ALL", "LC_MESSAGES", "LANG"]
            .iter()
            .filter_map(|name| std::env::var(name).ok())
            .find(|value| !value.is_empty())
            .map_or(Lang::En, |locale| Lang::of_locale(&locale))
    }

    /// The language the settings choose, the system's when they leave it to the system.
    pub fn of_setting(language: Language) -> Lang {
        match language {
            Language::Ja => Lang::Ja,
            Language::En => Lang::En,
            Language::System => Lang::of_environment(),
        }
    }
}

/// One value a message is formatted with.
#[cfg_attr(feature = "bindings", derive(specta::Type))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum Arg {
    Text(String),
    Number(i64),
    /// A word of the catalog (`id`), read in the language of the message it is part of; `text`
    /// (English) where the catalog lacks it.
    Word {
        id: String,
        text: String,
    },
}

/// What Fumi was doing when something failed ("adding a blog"), as a word of the catalog
/// (`action-adding-a-blog`), so that a Japanese message names it in Japanese.
pub fn action(phrase: &str) -> Arg {
    let mut id = String::from("action");
    for part in phrase
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|part| !part.is_empty())
    {
        id.push('-');
        id.push_str(&part.to_ascii_lowercase());
    }
    Arg::Word {
        id,
        text: phrase.to_owned(),
    }
}

impl From<String> for Arg {
    fn from(s: String) -> Arg {
        Arg::Text(s)
    }
}
impl From<&str> for Arg {
    fn from(s: &str) -> Arg {
        Arg::Text(s.to_owned())
    }
}
impl From<&String> for Arg {
    fn from(s: &String) -> Arg {
        Arg::Text(s.clone())
    }
}
impl From<char> for Arg {
    fn from(c: char) -> Arg {
        Arg::Text(c.to_string())
    }
}
impl From<u64> for Arg {
    fn from(n: u64) -> Arg {
        Arg::Number(n as i64)
    }
}
impl From<usize> for Arg {
    fn from(n: usize) -> Arg {
        Arg::Number(n as i64)
    }
}
impl From<i64> for Arg {
    fn from(n: i64) -> Arg {
        Arg::Number(n)
    }
}
impl From<u16> for Arg {
    fn from(n: u16) -> Arg {
        Arg::Number(i64::from(n))
    }
}
impl From<u8> for Arg {
    fn from(n: u8) -> Arg {
        Arg::Number(i64::from(n))
    }
}

/// A message's fields by name, as the catalog's `{ $name }` placeables read them.
pub type Args = BTreeMap<String, Arg>;

/// Builds [`Args`] from `name => value` pairs.
#[macro_export]
macro_rules! args {
    ($($name:literal => $value:expr),* $(,)?) => {{
        #[allow(unused_mut)]
        let mut args = $crate::message::Args::new();
        $(args.insert($name.to_owned(), $crate::message::Arg::from($value));)*
        args
    }};
}

/// A message kept for later (why a publish failed, shown by its badge and by the queue): its
/// code and fields, so it is read in the language of whoever reads it, and its English text.
#[cfg_attr(feature = "bindings", derive(specta::Type))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Said {
    /// The catalog's message id; empty for a text kept by an earlier version.
    pub code: String,
    pub args: Args,
    /// The message in English.
    pub message: String,
}

impl Said {
    /// The message in `lang`.
    pub fn text(&self, lang: Lang) -> String {
        if self.code.is_empty() || !has(Lang::En, &self.code) {
            return self.message.clone();
        }
        text(lang, &self.code, &self.args)
    }

    /// How it is kept in the database (JSON).
    pub fn to_stored(&self) -> String {
        serde_json::to_string(self).unwrap_or_else(|_| self.message.clone())
    }

    /// Reads what [`to_stored`](Self::to_stored) kept; an earlier version's plain English text
    /// becomes a message without a code.
    pub fn from_stored(stored: &str) -> Said {
        serde_json::from_str(stored).unwrap_or_else(|_| Said {
            code: String::new(),
            args: Args::new(),
            message: stored.to_owned(),
        })
    }
}

impl std::fmt::Display for Said {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message)
    }
}

impl From<&crate::error::Error> for Said {
    fn from(e: &crate::error::Error) -> Said {
        Said {
            code: e.code().to_owned(),
            args: e.args(),
            message: e.to_string(),
        }
    }
}

static EN: LazyLock<FluentBundle<FluentResource>> = LazyLock::new(|| bundle("en", EN_FTL));
static JA: LazyLock<FluentBundle<FluentResource>> = LazyLock::new(|| bundle("ja", JA_FTL));

fn bundle(lang: &str, source: &str) -> FluentBundle<FluentResource> {
    let id = lang.parse().unwrap_or_default();
    let mut bundle = FluentBundle::new_concurrent(vec![id]);
    // Plain text out: no Unicode isolation marks around placeables (paths, URLs) in a terminal
    // or a test's comparison.
    bundle.set_use_isolating(false);
    // The catalogs are part of the build and checked by the tests: a syntax error cannot ship.
    let resource = FluentResource::try_new(source.to_owned()).unwrap_or_else(|(r, _)| r);
    let _ = bundle.add_resource(resource);
    bundle
}

/// Whether the catalog has a message with this id.
pub fn has(lang: Lang, id: &str) -> bool {
    catalog(lang).has_message(id)
}

/// The message `id` in `lang` with `args`; the English one if `lang` lacks it, and the id
/// itself (never a panic) if both do.
pub fn text(lang: Lang, id: &str, args: &Args) -> String {
    format(lang, id, args).unwrap_or_else(|| {
        if lang != Lang::En
            && let Some(text) = format(Lang::En, id, args)
        {
            return text;
        }
        tracing::warn!(id, "message missing from the catalog");
        id.to_owned()
    })
}

/// The message `id` formatted, with any problem (a missing field) logged; `None` if absent.
fn format(lang: Lang, id: &str, args: &Args) -> Option<String> {
    let (text, errors) = format_checked(lang, id, args)?;
    if !errors.is_empty() {
        tracing::warn!(id, ?errors, "message formatted with errors");
    }
    Some(text)
}

/// The message `id` formatted, and what went wrong formatting it (a field it names that
/// `args` lacks); `None` if the catalog has no such message.
pub fn format_checked(lang: Lang, id: &str, args: &Args) -> Option<(String, Vec<String>)> {
    let bundle = catalog(lang);
    let pattern = bundle.get_message(id)?.value()?;
    let mut fluent_args = FluentArgs::new();
    for (name, value) in args {
        let value = match value {
            Arg::Text(s) => FluentValue::from(s.as_str()),
            Arg::Number(n) => FluentValue::from(*n),
            Arg::Word { id, text } => FluentValue::from(
                bundle
                    .get_message(id)
                    .and_then(|word| word.value())
                    .map(|word| {
                        bundle
                            .format_pattern(word, None, &mut Vec::new())
                            .into_owned()
                    })
                    .unwrap_or_else(|| text.clone()),
            ),
        };
        fluent_args.set(name.as_str(), value);
    }
    let mut errors = Vec::new();
    let text = bundle.format_pattern(pattern, Some(&fluent_args), &mut errors);
    let errors = errors.iter().map(|e| e.to_string()).collect();
    Some((text.into_owned(), errors))
}

fn catalog(lang: Lang) -> &'static FluentBundle<FluentResource> {
    match lang {
        Lang::Ja => &JA,
        Lang::En => &EN,
    }
}

/// The ids of a catalog's messages, for the tests that keep the two catalogs in step.
pub fn ids(source: &str) -> Vec<String> {
    let resource = FluentResource::try_new(source.to_owned()).unwrap_or_else(|(r, _)| r);
    resource
        .entries()
        .filter_map(|entry| match entry {
            fluent_syntax::ast::Entry::Message(m) => Some(m.id.name.to_owned()),
            _ => None,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeSet;

    #[test]
    fn both_catalogs_hold_the_same_messages() {
        let en: BTreeSet<String> = ids(EN_FTL).into_iter().collect();
        let ja: BTreeSet<String> = ids(JA_FTL).into_iter().collect();
        assert!(en.len() > 50, "{en:?}");
        let only_en: Vec<_> = en.difference(&ja).collect();
        let only_ja: Vec<_> = ja.difference(&en).collect();
        assert!(only_en.is_empty(), "missing in ja.ftl: {only_en:?}");
        assert!(only_ja.is_empty(), "missing in en.ftl: {only_ja:?}");
    }

    #[test]
    fn both_catalogs_parse_without_errors() {
        for source in [EN_FTL, JA_FTL] {
            if let Err((_, errors)) = FluentResource::try_new(source.to_owned()) {
                panic!("{errors:?}");
            }
        }
    }

    #[test]
    fn a_kept_message_reads_in_either_language_and_old_plain_text_stays_as_it_was() {
        let error = crate::error::Error::BlogNameTaken("main".into());
        let kept = Said::from_stored(&Said::from(&error).to_stored());
        assert_eq!(
            kept.text(Lang::Ja),
            "「main」という名前のブログはすでにあります。別の名前にしてください。"
        );
        assert_eq!(kept.text(Lang::En), error.to_string());
        let old = Said::from_stored("Fumi could not reach https://b: refused.");
        assert_eq!(
            old.text(Lang::Ja),
            "Fumi could not reach https://b: refused."
        );
    }

    #[test]
    fn the_language_follows_the_locale() {
        assert_eq!(Lang::of_locale("ja_JP.UTF-8"), Lang::Ja);
        assert_eq!(Lang::of_locale("ja-JP"), Lang::Ja);
        assert_eq!(Lang::of_locale("en_US.UTF-8"), Lang::En);
        assert_eq!(Lang::of_locale("C"), Lang::En);
        assert_eq!(Lang::of_setting(Language::Ja), Lang::Ja);
        assert_eq!(Lang::of_setting(Language::En), Lang::En);
    }

    #[test]
    fn a_message_missing_in_japanese_falls_back_to_english_and_an_unknown_id_to_itself() {
        assert_eq!(
            text(Lang::Ja, "no-such-message", &Args::new()),
            "no-such-message"
        );
        assert_eq!(
            text(Lang::Ja, "blog_name_empty", &Args::new()),
            "ブログに短い名前を付けてください（例:「main」）。"
        );
    }

    /// Every phrase passed as an `action` in the sources (the store's `err("…")`,
    /// `from_sqlite(…, "…")`, `set_deleted(…, "…")`, `action: "…"`, the shell's
    /// `from_system("…")`).
    fn actions_in_the_sources() -> std::collections::BTreeSet<String> {
        fn scan(dir: &std::path::Path, found: &mut std::collections::BTreeSet<String>) {
            for entry in std::fs::read_dir(dir).expect("source folder listed") {
                let path = entry.expect("entry").path();
                if path.is_dir() {
                    if !path.ends_with("fuzz") && !path.ends_with("target") {
                        scan(&path, found);
                    }
                    continue;
                }
                if path.extension().is_none_or(|e| e != "rs") {
                    continue;
                }
                let source = std::fs::read_to_string(&path).expect("source read");
                for line in source.lines() {
                    let phrases_after = |marker: &str| {
                        line.match_indices(marker)
                            .filter(|(at, _)| {
                                let before = line[..*at].chars().next_back();
                                !before.is_some_and(|c| c.is_alphanumeric() || c == '_')
                            })
                            .filter_map(|(at, _)| {
                                let rest = &line[at + marker.len()..];
                                let rest = &rest[rest.find('"')? + 1..];
                                Some(rest[..rest.find('"')?].to_owned())
                            })
                            .collect::<Vec<_>>()
                    };
                    for marker in [
                        "err(",
                        "from_sqlite(",
                        "set_deleted(",
                        "action: ",
                        "from_system(",
                    ] {
                        // This test's own comments name the markers with "…".
                        found.extend(phrases_after(marker).into_iter().filter(|p| p != "…"));
                    }
                }
            }
        }
        let shell = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
        let mut found = std::collections::BTreeSet::new();
        scan(&shell, &mut found);
        found
    }

    #[test]
    fn every_action_reads_in_both_languages() {
        let actions = actions_in_the_sources();
        assert!(
            actions.contains("adding a blog") && actions.contains("create the folder"),
            "{actions:?}"
        );
        for phrase in &actions {
            let Arg::Word { id, .. } = action(phrase) else {
                unreachable!("an action is a word")
            };
            for lang in [Lang::En, Lang::Ja] {
                assert!(
                    has(lang, &id),
                    "the catalog ({lang:?}) lacks {id} for {phrase:?}"
                );
            }
        }
        let args = args! { "action" => action("adding a blog"), "detail" => "disk I/O error" };
        assert_eq!(
            text(Lang::Ja, "database", &args),
            "データベースのエラー（ブログの追加）: disk I/O error"
        );
        assert!(text(Lang::En, "database", &args).contains("adding a blog"));
        // A phrase the catalog lacks still reads, in English.
        let args = args! { "action" => action("juggling"), "detail" => "x" };
        assert!(text(Lang::Ja, "database", &args).contains("juggling"));
    }
}
