//! The Markdown renderer, with its sanitizer and tag filter, on any text an author could type.
#![no_main]

use std::sync::LazyLock;

use libfuzzer_sys::fuzz_target;

// Built once: its syntax sets take far longer to load than a render.
static RENDERER: LazyLock<fumi_core::Renderer> = LazyLock::new(fumi_core::Renderer::new);

fuzz_target!(|markdown: &str| {
    let rendered = RENDERER.render(markdown);
    // The sanitizer's promise, whatever the input: no script element survives.
    assert!(!rendered.html.to_ascii_lowercase().contains("<script"));
    // With a book card, `[book]` paragraphs anywhere (lists, quotes, tables) become the card.
    let card = r#"<div class="fumi-book-card">card</div>"#;
    let rendered = RENDERER.render_with_images(markdown, &|_| None, Some(card));
    assert!(!rendered.html.to_ascii_lowercase().contains("<script"));
});
