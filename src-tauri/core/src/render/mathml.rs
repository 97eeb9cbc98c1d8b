//! `[tex:…]` drawn as MathML Core (math-core), which the webview and every current browser
//! render without a script: in the preview and in the post a WordPress blog receives. The
//! notation leaves a placeholder holding the TeX; after sanitizing, each becomes the MathML
//! math-core writes (never the author's own markup, which the sanitizer has already seen).

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
    let open = format!(r#"<span class="{TEX_CLASS}">"#);
    if !html.contains(&open) {
        return html.to_owned();
    }
    let mut out = String::with_capacity(html.len() * 2);
    let mut rest = html;
    while let Some(at) = rest.find(&open) {
        out.push_str(&rest[..at]);
        let after = &rest[at + open.len()..];
        let Some(end) = after.find("</span>") else {
            out.push_str(&rest[at..]);
            rest = "";
            break;
        };
        // The sanitizer writes the text back with entities; an unreadable one leaves it as is.
        let tex =
            unescape(&after[..end]).map_or_else(|_| after[..end].to_owned(), |t| t.into_owned());
        match CONVERTER
            .as_ref()
            .and_then(|c| c.convert_with_local_counter(&tex, MathDisplay::Inline).ok())
        {
            Some(mathml) => out.push_str(&mathml),
            None => out.push_str(&rest[at..at + open.len() + end + "</span>".len()]),
        }
        rest = &after[end + "</span>".len()..];
    }
    out.push_str(rest);
    out
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
        let less = draw(&placeholder("a<b"));
        assert!(less.contains("<mo>&lt;</mo>"), "{less}");
    }
}
