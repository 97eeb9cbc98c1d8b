//! The renderer: snapshots of real documents, the sanitizer, and the shipped highlight theme.

use fumi_core::Renderer;

#[test]
fn japanese_review_snapshot() {
    let rendered = Renderer::new().render(super::support::REVIEW);
    insta::assert_snapshot!("japanese_review", rendered.html);
    // Code, table cells and footnotes are text the reader sees; markup, URLs of links are not.
    let counts = rendered.counts;
    assert_eq!(
        (counts.chars, counts.words, counts.reading_minutes),
        (235, 15, 1)
    );
}

#[test]
fn the_sanitizer_drops_scripts_handlers_and_javascript_urls() {
    let markdown = r#"# 見出し

[md link](javascript:alert(1)) and <javascript:alert(2)>

<script>alert("x")</script>
<img src="cover.png" onerror="alert('x')" alt="表紙">
<a href="javascript:alert('x')">リンク</a> <a href="JaVaScRiPt:alert(1)">mixed</a>
<div onclick="alert(1)" style="position:fixed">クリック</div>
<iframe src="https://example.com"></iframe><svg onload="alert(1)"></svg>
<form action="https://example.com"><input type="text" name="q"></form>
"#;
    let html = Renderer::new().render(markdown).html;
    // Escaped text may spell a payload out; what matters is what is in the tags.
    let tags = tags(&html).join(" ");
    for banned in [
        "script",
        "onerror",
        "onclick",
        "onload",
        "href=\"javascript",
        "iframe",
        "svg",
        "form",
        "type=\"text\"",
        "style=",
    ] {
        assert!(!tags.contains(banned), "{banned} survived: {html}");
    }
    assert!(
        html.contains("alt=\"表紙\""),
        "harmless attributes survive: {html}"
    );
    assert!(
        html.contains("id=\"h-見出し\""),
        "heading anchors survive: {html}"
    );
}

#[test]
fn shipped_highlight_css_matches_the_renderer() {
    let shipped = include_str!("../ui/src/highlight.css");
    assert!(
        shipped == fumi_core::render::theme_css(),
        "ui/src/highlight.css is stale: run `fumi render --theme-css > ui/src/highlight.css`"
    );
}

/// The inside of every tag of sanitized HTML, lower-cased: the sanitizer escapes every `<` of
/// text, so each literal `<` opens a real element.
fn tags(html: &str) -> Vec<String> {
    html.to_lowercase()
        .split('<')
        .skip(1)
        .map(|t| t.split('>').next().unwrap_or_default().to_owned())
        .collect()
}

/// OWASP-style XSS payloads, one per line (tests/support/xss-payloads.txt).
pub(crate) const XSS_PAYLOADS: &str = include_str!("support/xss-payloads.txt");

#[test]
fn no_payload_of_the_xss_corpus_survives_the_renderer() {
    let renderer = Renderer::new();
    let payloads: Vec<&str> = XSS_PAYLOADS.lines().filter(|l| !l.is_empty()).collect();
    assert!(payloads.len() >= 50, "{} payloads", payloads.len());
    // What is dangerous is in tags; a payload left as escaped text is harmless.
    let forbidden_tags = [
        "script", "iframe", "object", "embed", "svg", "math", "form", "meta", "base", "link",
        "style", "template", "noscript", "frame", "applet",
    ];
    let forbidden_in_tags = [
        "javascript:",
        "vbscript:",
        "data:text/html",
        "srcdoc",
        "formaction",
        "expression(",
        "id=\"title\"",
        "id=\"editor\"",
        "id=\"publish\"",
    ];
    for payload in &payloads {
        // Nothing an author types makes the text after it disappear.
        let html = renderer.render(&format!("{payload}\n\nAFTER\n")).html;
        assert!(
            html.contains("AFTER"),
            "{payload:?} swallowed what follows: {html}"
        );
        for tag in tags(&html) {
            let name = tag
                .trim_start_matches('/')
                .split([' ', '/'])
                .next()
                .unwrap_or_default();
            assert!(!forbidden_tags.contains(&name), "{payload:?} left <{tag}>");
            for bad in forbidden_in_tags {
                assert!(!tag.contains(bad), "{payload:?} left {bad:?} in <{tag}>");
            }
            // No event handler attribute, whatever its name.
            let handler = tag.split_whitespace().skip(1).find(|attr| {
                attr.split('=')
                    .next()
                    .is_some_and(|n| n.len() > 2 && n.starts_with("on"))
            });
            assert_eq!(handler, None, "{payload:?} left a handler in <{tag}>");
        }
    }
}
