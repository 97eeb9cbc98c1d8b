//! Syntax highlighting of fenced code, by CSS class so light and dark themes are pure CSS.

use std::borrow::Cow;
use std::collections::HashMap;
use std::fmt;
use std::sync::{Mutex, PoisonError};

use comrak::adapters::SyntaxHighlighterAdapter;
use syntect::highlighting::ThemeSet;
use syntect::html::{ClassStyle, ClassedHTMLGenerator, css_for_theme_with_class_style};
use syntect::parsing::SyntaxSet;
use syntect::util::LinesWithEndings;

/// Prefix of the highlighter's classes, so they cannot collide with the app's or the author's.
pub(super) const CLASS_PREFIX: &str = "hl-";

/// The classes' style: space-separated scopes, each with [`CLASS_PREFIX`].
const CLASS_STYLE: ClassStyle = ClassStyle::SpacedPrefixed {
    prefix: CLASS_PREFIX,
};

/// The highlighter comrak calls for fenced code: emits `<span class="hl-…">`, no inline styles.
pub(super) fn adapter() -> CachedAdapter {
    CachedAdapter {
        syntaxes: syntaxes(),
        cache: Mutex::new(HashMap::new()),
    }
}

/// The languages highlighted: syntect's default set trimmed by `build.rs`.
fn syntaxes() -> SyntaxSet {
    syntect::dumps::from_uncompressed_data(include_bytes!(concat!(
        env!("OUT_DIR"),
        "/syntaxes.packdump"
    )))
    // Written by this crate's build script with this syntect: never the author's data.
    .expect("the syntax set built with Fumi loads")
}

/// Highlighted code blocks kept by language and text: while the author types, every render
/// but the first finds the draft's unchanged code blocks here (highlighting is most of a
/// full render's time).
pub(super) struct CachedAdapter {
    syntaxes: SyntaxSet,
    cache: Mutex<HashMap<(Option<String>, String), String>>,
}

/// Enough for every code block of a very long draft; past it the cache starts over.
const CACHED_BLOCKS: usize = 4096;

impl SyntaxHighlighterAdapter for CachedAdapter {
    fn write_highlighted(
        &self,
        output: &mut dyn fmt::Write,
        lang: Option<&str>,
        code: &str,
    ) -> fmt::Result {
        let key = (lang.map(str::to_owned), code.to_owned());
        let mut cache = self.cache.lock().unwrap_or_else(PoisonError::into_inner);
        if let Some(html) = cache.get(&key) {
            return output.write_str(html);
        }
        let html = self.highlight(lang, code)?;
        output.write_str(&html)?;
        if cache.len() >= CACHED_BLOCKS {
            cache.clear();
        }
        cache.insert(key, html);
        Ok(())
    }

    fn write_pre_tag(
        &self,
        output: &mut dyn fmt::Write,
        _attributes: HashMap<&'static str, Cow<'_, str>>,
    ) -> fmt::Result {
        comrak::html::write_opening_tag(output, "pre", [("class", "syntax-highlighting")])
    }

    fn write_code_tag(
        &self,
        output: &mut dyn fmt::Write,
        attributes: HashMap<&'static str, Cow<'_, str>>,
    ) -> fmt::Result {
        comrak::html::write_opening_tag(output, "code", attributes)
    }
}

impl CachedAdapter {
    /// How many highlighted blocks are kept.
    pub(super) fn len(&self) -> usize {
        self.cache
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .len()
    }

    /// Highlights `code` in the language its fence names (the part before a comma), or the one
    /// its first line shows (`#!/bin/sh`); anything else is plain text. Drawn as comrak's own
    /// syntect plugin draws it, so the HTML the blogs received before is unchanged.
    fn highlight(&self, lang: Option<&str>, code: &str) -> Result<String, fmt::Error> {
        let token = match lang {
            Some(lang) if !lang.is_empty() => lang.split_once(',').map_or(lang, |(first, _)| first),
            _ => "Plain Text",
        };
        let syntax = self
            .syntaxes
            .find_syntax_by_token(token)
            // Its first line only: Oniguruma's `^` matches at every line's start.
            .or_else(|| {
                let first = code.lines().next().unwrap_or_default();
                self.syntaxes.find_syntax_by_first_line(first)
            })
            .unwrap_or_else(|| self.syntaxes.find_syntax_plain_text());
        let mut html =
            ClassedHTMLGenerator::new_with_class_style(syntax, &self.syntaxes, CLASS_STYLE);
        for line in LinesWithEndings::from(code) {
            if html
                .parse_html_for_line_which_includes_newline(line)
                .is_err()
            {
                // A syntax that fails on this text (a regex error): the text, escaped, unhighlighted.
                let mut plain = String::new();
                comrak::html::escape(&mut plain, code)?;
                return Ok(plain);
            }
        }
        Ok(html.finalize())
    }
}

/// The stylesheet for highlighted code: a light theme, and a dark one for a window whose root
/// says `data-theme="dark"` (the UI sets it from the OS or from the settings).
/// The UI ships it as `ui/src/highlight.css`; a test keeps that file in step with this function.
pub fn theme_css() -> String {
    let themes = ThemeSet::load_defaults();
    let css = |name: &str| {
        themes
            .themes
            .get(name)
            .and_then(|t| css_for_theme_with_class_style(t, CLASS_STYLE).ok())
            .unwrap_or_default()
    };
    // syntect writes a rule's selectors on the line that opens it.
    let dark: String = css("base16-ocean.dark")
        .lines()
        .map(|line| {
            if let Some(selectors) = line.strip_suffix('{').filter(|_| line.starts_with('.')) {
                let scoped: Vec<String> = selectors
                    .split(',')
                    .map(|s| format!(":root[data-theme=\"dark\"] {}", s.trim()))
                    .collect();
                format!("{} {{\n", scoped.join(", "))
            } else {
                format!("{line}\n")
            }
        })
        .collect();
    format!(
        "/* Generated by `fumi render --theme-css`; do not edit. */\n{}\n{dark}",
        css("InspiredGitHub"),
    )
}
