//! The renderer: snapshots of real documents, the sanitizer, and the shipped highlight theme.

use fumi_core::{Counts, Renderer};

#[test]
fn japanese_review_snapshot() {
    let rendered = Renderer::new().render(super::support::REVIEW);
    insta::assert_snapshot!("japanese_review", rendered.html);
    // Code, table cells and footnotes are text the reader sees; markup, URLs of links are not.
    assert_eq!(
        rendered.counts,
        Counts {
            chars: 235,
            words: 15
        }
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
    let lower = html.to_lowercase();
    for banned in [
        "<script",
        "onerror",
        "onclick",
        "onload",
        "href=\"javascript",
        "<iframe",
        "<svg",
        "<form",
        "type=\"text\"",
        "style=",
    ] {
        assert!(!lower.contains(banned), "{banned} survived: {html}");
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
