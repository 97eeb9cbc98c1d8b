//! `[tex:…]` drawn as MathML Core (math-core), which the webview and every current browser
//! render without a script: in the preview and in the post a WordPress blog receives. The
//! notation leaves a placeholder holding the TeX; after sanitizing, each becomes the MathML
//! math-core writes (never the author's own markup, which the sanitizer has already seen).

use std::panic::AssertUnwindSafe;
use std::sync::LazyLock;

use math_core::{LatexToMathML, MathCoreConfig, MathDisplay};
use quick_xml::escape::{escape, unescape};

/// The class of the placeholder `[tex:…]` becomes until it is drawn.
pub(crate) const TEX_CLASS: &str = "fumi-tex";

static CONVERTER: LazyLock<Option<LatexToMathML>> =
    LazyLock::new(|| LatexToMathML::new(MathCoreConfig::default()).ok());

/// The placeholder for `tex`, before sanitizing.
pub(crate) fn placeholder(tex: &str) -> String {
    format!(r#"<span class="{TEX_CLASS}">{}</span>"#, escape(tex))
}

/// Sanitized HTML with each placeholder replaced by its MathML; TeX math-core cannot read
/// stays visible as written.
pub(crate) fn draw(html: &str) -> String {
    super::marked::replace(html, "span", TEX_CLASS, |text| {
        // The sanitizer writes the text back with entities; an unreadable one leaves it as is.
        let tex = unescape(text).map_or_else(|_| text.to_owned(), |t| t.into_owned());
        convert(&tex)
    })
}

/// The MathML of `tex`, or `None` when math-core cannot read it.
fn convert(tex: &str) -> Option<String> {
    // An unclosed group is an error math-core reports, except after an unknown command, where
    // it trips one of its own assertions (in builds with them): it is never handed one.
    if !groups_balance(tex) {
        return None;
    }
    let converter = CONVERTER.as_ref()?;
    // Any other such slip in math-core must not take the preview down with it: the formula
    // then stays as written.
    std::panic::catch_unwind(AssertUnwindSafe(|| {
        converter
            .convert_with_local_counter(tex, MathDisplay::Inline)
            .ok()
    }))
    .ok()
    .flatten()
}

/// Whether every `{` is closed by a `}` (escaped braces aside).
fn groups_balance(tex: &str) -> bool {
    let mut depth = 0usize;
    let mut escaped = false;
    for c in tex.chars() {
        match c {
            _ if escaped => escaped = false,
            '\\' => escaped = true,
            '{' => depth += 1,
            '}' => match depth.checked_sub(1) {
                Some(d) => depth = d,
                None => return false,
            },
            _ => {}
        }
    }
    depth == 0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tex_becomes_mathml_and_what_cannot_be_read_stays_as_written() {
        let html = format!(
            "<p>{} と {}</p>",
            placeholder(r"e^{i\pi}+1=0"),
            placeholder(r"\nosuch{x}")
        );
        let drawn = draw(&html);
        assert!(drawn.contains("<math><msup><mi>e</mi>"), "{drawn}");
        assert!(
            drawn.contains(r#"<span class="fumi-tex">\nosuch{x}</span>"#),
            "{drawn}"
        );
        // Found by fuzzing: an unknown command in an unclosed group (math-core asserts there).
        let unclosed = draw(&placeholder(r"e^{i\ptes"));
        assert!(
            unclosed.contains(r#"<span class="fumi-tex">e^{i\ptes</span>"#),
            "{unclosed}"
        );
        let less = draw(&placeholder("a<b"));
        assert!(less.contains("<mo>&lt;</mo>"), "{less}");
    }
}
