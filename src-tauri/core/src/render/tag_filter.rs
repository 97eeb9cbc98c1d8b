//! GFM's disallowed raw HTML (github.github.com/gfm, "Disallowed Raw HTML"): the tags whose
//! content the browser reads as raw text, so that one unclosed `<style>` or `<textarea>` would
//! swallow the rest of the draft. Their `<` is escaped and they show as text. Fumi adds the
//! foreign and inert containers the sanitizer removes with everything inside (`<math>`, `<svg>`,
//! `<template>`, and MathML's `<mglyph>`/`<malignmark>`, which the HTML parser treats specially
//! even outside `<math>`): left unclosed, they too would take the rest of the draft with them.
//!
//! And any tag the sanitizer removes *with its content* outside those containers: ammonia drops
//! an element named like an SVG or MathML one (`<text>`, `<path>`, `<set>`, `<mi>`…, some 250
//! names) wherever it is, so `Set <path> in your shell` would lose everything after `Set`, and
//! on a line of its own, the rest of the post. Which names those are is asked of the sanitizer
//! itself, once per name, so the filter follows it whatever its version.

use std::borrow::Cow;
use std::collections::HashMap;
use std::sync::{LazyLock, Mutex, PoisonError};

/// The tags GFM filters, and the containers the sanitizer empties.
const DISALLOWED: [&str; 14] = [
    "title",
    "textarea",
    "style",
    "xmp",
    "iframe",
    "noembed",
    "noframes",
    "script",
    "plaintext",
    "math",
    "svg",
    "template",
    "mglyph",
    "malignmark",
];

/// Raw HTML with every disallowed tag's `<` escaped (`<style>` → `&lt;style>`).
pub(super) fn filter(html: &str) -> Cow<'_, str> {
    if !html.contains('<') {
        return Cow::Borrowed(html);
    }
    let mut out = String::with_capacity(html.len() + 8);
    let mut rest = html;
    while let Some(at) = rest.find('<') {
        out.push_str(&rest[..at]);
        let tag = &rest[at + 1..];
        let name = tag.strip_prefix('/').unwrap_or(tag);
        if is_disallowed(name) || loses_its_content(name) {
            out.push_str("&lt;");
        } else {
            out.push('<');
        }
        rest = tag;
    }
    out.push_str(rest);
    Cow::Owned(out)
}

/// Whether the text after `<` (or `</`) starts a disallowed tag name.
fn is_disallowed(text: &str) -> bool {
    DISALLOWED.iter().any(|tag| {
        text.len() >= tag.len()
            && text.is_char_boundary(tag.len())
            && text[..tag.len()].eq_ignore_ascii_case(tag)
            && text[tag.len()..]
                .chars()
                .next()
                .is_none_or(|c| c.is_ascii_whitespace() || c == '>' || c == '/')
    })
}

/// How many tag names the sanitizer's answers are kept for.
const MAX_ASKED: usize = 4096;

/// Whether the text after `<` (or `</`) starts a tag that the sanitizer removes with everything
/// inside it.
fn loses_its_content(text: &str) -> bool {
    let len = text
        .find(|c: char| !(c.is_ascii_alphanumeric() || c == '-'))
        .unwrap_or(text.len());
    let name = &text[..len];
    let ends_well = text[len..]
        .chars()
        .next()
        .is_none_or(|c| c.is_ascii_whitespace() || c == '>' || c == '/');
    if name.is_empty() || !name.starts_with(|c: char| c.is_ascii_alphabetic()) || !ends_well {
        return false;
    }
    // The HTML parser lowercases names; so does the cache.
    let name = name.to_ascii_lowercase();
    static ASKED: LazyLock<Mutex<HashMap<String, bool>>> = LazyLock::new(Default::default);
    static SANITIZER: LazyLock<ammonia::Builder<'static>> = LazyLock::new(super::sanitize::builder);
    let mut asked = ASKED.lock().unwrap_or_else(PoisonError::into_inner);
    if let Some(&loses) = asked.get(&name) {
        return loses;
    }
    let probe = format!("<{name}>kept</{name}>");
    let loses = !SANITIZER.clean(&probe).to_string().contains("kept");
    // A draft full of made-up tag names must not grow the cache without end.
    if asked.len() < MAX_ASKED {
        asked.insert(name, loses);
    }
    loses
}

#[cfg(test)]
mod tests {
    use super::filter;

    #[test]
    fn escapes_only_the_disallowed_tags() {
        assert_eq!(
            filter("<STYLE>x</style><strong>y</strong><textarea/><titled>"),
            "&lt;STYLE>x&lt;/style><strong>y</strong>&lt;textarea/><titled>"
        );
        assert_eq!(filter("no tags"), "no tags");
    }
}
