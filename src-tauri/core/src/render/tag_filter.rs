//! GFM's disallowed raw HTML (github.github.com/gfm, "Disallowed Raw HTML"): the tags whose
//! content the browser reads as raw text, so that one unclosed `<style>` or `<textarea>` would
//! swallow the rest of the draft. Their `<` is escaped and they show as text. Fumi adds the
//! foreign and inert containers the sanitizer removes with everything inside (`<math>`, `<svg>`,
//! `<template>`, and MathML's `<mglyph>`/`<malignmark>`, which the HTML parser treats specially
//! even outside `<math>`): left unclosed, they too would take the rest of the draft with them.

use std::borrow::Cow;

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
        if is_disallowed(name) {
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
