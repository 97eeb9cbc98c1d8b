//! Markdown to safe preview HTML, with the counts an author watches.
//!
//! One [`Renderer`] is built per process: the syntax highlighter loads its syntaxes once (≈25 ms)
//! and every render after that reuses it.

mod compare;
mod contents;
mod flavor;
mod highlight;
pub mod live;
mod marked;
mod mathml;
mod notation;
mod published;
mod sanitize;
mod tag_filter;

use std::borrow::Cow;

use comrak::nodes::{AstNode, NodeHtmlBlock, NodeValue};
use comrak::options::Plugins;
use comrak::{Arena, Options, format_html_with_plugins, parse_document};

use crate::book::card;
use crate::counts::{self, Counts};
use crate::model::page_card::{PageCard, PageCards};

pub use compare::BlogBlock;
pub use flavor::{Flavor, Output};
pub use highlight::theme_css;

/// The pages a draft embeds (`[URL:embed]` alone in a paragraph, outside code), each once: the
/// ones whose cards Fumi reads.
pub fn embedded_urls(markdown: &str) -> Vec<String> {
    notation::embedded_urls(markdown, &options())
}

/// The HTML of the card of `page` (as an embed or a product card shows it).
pub fn card_html(page: &PageCard) -> String {
    notation::card(&page.url, Some(page), false)
}

/// The result of rendering a draft.
#[cfg_attr(feature = "bindings", derive(specta::Type))]
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Rendered {
    /// Sanitized HTML: safe to insert into the preview.
    pub html: String,
    /// Characters and words of the text the reader sees.
    pub counts: Counts,
}

/// Renders Markdown the way the preview and the publishers see it.
pub struct Renderer {
    options: Options<'static>,
    /// The same options for a draft that opens with a block that is not settings: comrak would
    /// hide any `---` … `---` block, and a rule, a paragraph and a rule are the author's text.
    without_front_matter: Options<'static>,
    highlighter: highlight::CachedAdapter,
    sanitizer: ammonia::Builder<'static>,
}

impl Renderer {
    /// Builds the renderer (loads the highlighter's syntaxes: do it once).
    pub fn new() -> Renderer {
        let options = options();
        let mut without_front_matter = options.clone();
        without_front_matter.extension.front_matter_delimiter = None;
        Renderer {
            options,
            without_front_matter,
            highlighter: highlight::adapter(),
            sanitizer: sanitize::builder(),
        }
    }

    /// How many highlighted code blocks the renderer keeps for the next render.
    pub fn highlighted_blocks(&self) -> usize {
        self.highlighter.len()
    }

    /// Renders GFM Markdown to sanitized HTML and counts its text.
    pub fn render(&self, markdown: &str) -> Rendered {
        self.render_with_images(markdown, &|_| None, None)
    }

    /// Renders like [`Renderer::render`], replacing each image URL for which `image_url` answers
    /// (a publisher points local images at the blog's copies; the draft keeps its own), and
    /// each `[book]` line with `book_card` when the draft has a book.
    pub fn render_with_images(
        &self,
        markdown: &str,
        image_url: &dyn Fn(&str) -> Option<String>,
        book_card: Option<&str>,
    ) -> Rendered {
        self.render_for(
            markdown,
            Flavor::Plain,
            Output::Preview,
            image_url,
            book_card,
            &PageCards::new(),
        )
    }

    /// Renders a draft as `flavor`'s blog shows it: for the preview, or as the post the blog
    /// receives (no preview-only attributes, the blog's own markers). `cards` are the embedded
    /// pages Fumi has read (the others show their address).
    pub fn render_for(
        &self,
        markdown: &str,
        flavor: Flavor,
        output: Output,
        image_url: &dyn Fn(&str) -> Option<String>,
        book_card: Option<&str>,
        cards: &PageCards,
    ) -> Rendered {
        let options = self.options_as(markdown, flavor, output);
        let expanded = notation::expand(markdown, flavor, output, &options, cards);
        let text = &*expanded.markdown;
        let arena = Arena::new();
        let root = parse_document(&arena, text, &options);
        prepare(root, &expanded, image_url, book_card.is_some());
        if expanded.contents {
            contents::fill(root);
        }
        let counts = counts::of_document(root, options.render.hardbreaks);
        let mut html = self
            .sanitizer
            .clean(&self.format(root, &options))
            .to_string();
        if !expanded.notes.is_empty() {
            html.push('\n');
            html.push_str(
                &self
                    .sanitizer
                    .clean(&notation::footnotes_html(&expanded.notes))
                    .to_string(),
            );
        }
        let html = mathml::draw(&with_card(html, book_card));
        Rendered {
            html: match output {
                Output::Preview => html,
                Output::Published => published::for_the_blog(&html),
            },
            counts,
        }
    }

    /// The parse options for `markdown` rendered for `flavor` and `output`.
    fn options_as(
        &self,
        markdown: &str,
        flavor: Flavor,
        output: Output,
    ) -> Cow<'_, Options<'static>> {
        let options = self.options_for(markdown);
        if flavor == Flavor::Plain && output == Output::Preview {
            return Cow::Borrowed(options);
        }
        let mut options = options.clone();
        // Hatena's Markdown mode breaks the line where the author did; WordPress's wpautop
        // turns each remaining newline into a <br> too.
        options.render.hardbreaks = flavor.has_notation();
        options.render.sourcepos = output == Output::Preview;
        Cow::Owned(options)
    }

    /// The blog's own HTML of a post (as its API answered it) in blocks, sanitized like the
    /// preview, each marked where `preview` (this renderer's preview of the same text) has no
    /// block like it.
    pub fn compare_with_blog(&self, preview: &str, blog: &str) -> Vec<BlogBlock> {
        compare::compare(preview, blog, |html| self.sanitizer.clean(html).to_string())
    }

    /// The counts the preview shows for this Markdown, without rendering it.
    pub fn counts(&self, markdown: &str) -> Counts {
        let arena = Arena::new();
        let options = self.options_for(markdown);
        counts::of_document(
            parse_document(&arena, markdown, options),
            options.render.hardbreaks,
        )
    }

    /// The parse options for `markdown`: its settings block hidden, if it opens with one.
    fn options_for(&self, markdown: &str) -> &Options<'static> {
        if crate::front_matter::block(markdown).is_some() {
            &self.options
        } else {
            &self.without_front_matter
        }
    }

    /// A parsed node (a document, or one block of it) as HTML, before sanitizing.
    fn format<'a>(&self, node: &'a AstNode<'a>, options: &Options<'_>) -> String {
        let mut plugins = Plugins::default();
        plugins.render.codefence_syntax_highlighter = Some(&self.highlighter);
        let mut raw = String::new();
        // Writing into a String cannot fail; an Err here would be a comrak bug, so render what we have.
        let _ = format_html_with_plugins(node, options, &mut raw, &plugins);
        raw
    }

    /// The URLs of the images the Markdown shows, in order, each once.
    pub fn image_urls(&self, markdown: &str) -> Vec<String> {
        let arena = Arena::new();
        let root = parse_document(&arena, markdown, self.options_for(markdown));
        let mut urls: Vec<String> = Vec::new();
        for node in root.descendants() {
            if let NodeValue::Image(link) = &node.data.borrow().value
                && !urls.contains(&link.url)
            {
                urls.push(link.url.clone());
            }
        }
        urls
    }
}

impl Default for Renderer {
    fn default() -> Self {
        Renderer::new()
    }
}

/// Readies a parsed document for HTML: images pointed where `image_url` says, raw HTML
/// filtered so an unclosed `<style>` or `<textarea>` cannot swallow the rest of the draft, each
/// block notation's mark replaced by its HTML, and (with a book card to show) each `[book]`
/// paragraph made the card's slot.
fn prepare<'a>(
    root: &'a AstNode<'a>,
    expanded: &notation::Expanded<'_>,
    image_url: &dyn Fn(&str) -> Option<String>,
    card: bool,
) {
    let mut markers = Vec::new();
    for node in root.descendants() {
        if card && is_card_marker(node) {
            markers.push(node);
            continue;
        }
        match &mut node.data.borrow_mut().value {
            NodeValue::Image(link) => {
                if let Some(url) = image_url(&link.url) {
                    link.url = url;
                }
            }
            NodeValue::HtmlBlock(block) => {
                block.literal = match expanded.block(&block.literal) {
                    Some(html) => format!("{html}\n"),
                    None => tag_filter::filter(&block.literal).into_owned(),
                }
            }
            NodeValue::HtmlInline(html) => *html = tag_filter::filter(html).into_owned(),
            _ => {}
        }
    }
    // Changed after the walk: the tree may not change under its own iterator.
    for node in markers {
        for child in node.children().collect::<Vec<_>>() {
            child.detach();
        }
        node.data.borrow_mut().value = NodeValue::HtmlBlock(NodeHtmlBlock {
            block_type: 6,
            literal: format!("{}\n", card::SLOT),
        });
    }
}

/// Whether a node is a top-level paragraph saying only `[book]` (the card is a block of the
/// post, never inside a list or a quote).
fn is_card_marker<'a>(node: &'a AstNode<'a>) -> bool {
    if !matches!(node.data.borrow().value, NodeValue::Paragraph)
        || !node
            .parent()
            .is_some_and(|p| matches!(p.data.borrow().value, NodeValue::Document))
    {
        return false;
    }
    let mut text = String::new();
    for child in node.children() {
        match &child.data.borrow().value {
            NodeValue::Text(t) => text.push_str(t),
            _ => return false,
        }
    }
    card::is_marker(&text)
}

/// Sanitized HTML with the card (built by Fumi, every value escaped) in its slots.
fn with_card(html: String, card: Option<&str>) -> String {
    match card {
        Some(card) if html.contains(card::SLOT) => html.replace(card::SLOT, card),
        _ => html,
    }
}

/// GitHub-flavoured Markdown plus what long-form Japanese writing needs.
pub(crate) fn options() -> Options<'static> {
    let mut o = Options::default();
    o.extension.strikethrough = true;
    o.extension.table = true;
    o.extension.autolink = true;
    o.extension.tasklist = true;
    o.extension.footnotes = true;
    // The post's settings block is for the publishers, not the reader.
    o.extension.front_matter_delimiter = Some(crate::front_matter::DELIMITER.to_owned());
    // Headings get ids for in-page links; the prefix keeps them from clashing with the app's own.
    o.extension.header_id_prefix = Some(sanitize::HEADING_ID_PREFIX.to_owned());
    o.extension.header_id_prefix_in_href = true;
    // **強調。**の後に文字が続く — emphasis that plain CommonMark misses next to CJK punctuation.
    o.extension.cjk_friendly_emphasis = true;
    // Source positions let the preview scroll with the editor.
    o.render.sourcepos = true;
    o.render.tasklist_classes = true;
    // Authors embed HTML (book cards, embeds); it is passed through and then sanitized.
    o.render.r#unsafe = true;
    o
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renders_gfm() {
        let r = Renderer::new();
        let html = r.render("# 見出し\n\n~~消す~~ https://example.com\n\n- [x] 読了\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n注[^1]\n\n[^1]: 脚注\n").html;
        assert!(html.contains("<h1"), "{html}");
        assert!(html.contains("id=\"h-見出し\""), "{html}");
        assert!(html.contains("<del"), "{html}");
        assert!(html.contains("href=\"https://example.com\""), "{html}");
        assert!(
            html.contains("type=\"checkbox\"") && html.contains("checked"),
            "{html}"
        );
        assert!(html.contains("<table"), "{html}");
        assert!(html.contains("footnote"), "{html}");
        assert!(html.contains("data-sourcepos"), "{html}");
    }

    #[test]
    fn highlights_fenced_code_with_classes() {
        let html = Renderer::new().render("```rust\nfn main() {}\n```\n").html;
        assert!(html.contains("class=\"syntax-highlighting\""), "{html}");
        assert!(html.contains("<span class=\"hl-"), "{html}");
    }

    #[test]
    fn highlights_the_kept_languages_and_draws_the_others_plain() {
        let renderer = Renderer::new();
        for (lang, scope) in [
            ("sh", "hl-source hl-shell"),
            ("python", "hl-source hl-python"),
            ("js", "hl-source hl-js"),
            ("php", "hl-embedding hl-php"),
            ("yaml", "hl-source hl-yaml"),
        ] {
            let html = renderer
                .render(&format!("```{lang}\nx = 1 # <b>\n```\n"))
                .html;
            assert!(html.contains(scope), "{lang}: {html}");
        }
        // Lisp is one of the languages build.rs empties: plain text, still escaped.
        let html = renderer
            .render("```lisp\n(defun f (x) \"<b>\")\n```\n")
            .html;
        assert!(!html.contains("hl-lisp"), "{html}");
        assert!(
            html.contains("hl-text hl-plain\">(defun f (x) \"&lt;b&gt;\")"),
            "{html}"
        );
        assert!(html.contains("class=\"language-lisp\""), "{html}");
    }

    #[test]
    fn code_in_a_language_unknown_is_told_by_its_first_line_only() {
        let renderer = Renderer::new();
        let html = renderer.render("```script\n#!/bin/sh\necho hi\n```\n").html;
        assert!(html.contains("hl-source hl-shell"), "{html}");
        // A line further down that would open a script is the text's, not its language.
        let html = renderer
            .render("```script\nthe output:\n#!/bin/sh\n<?php echo 1; ?>\n```\n")
            .html;
        assert!(!html.contains("hl-shell"), "{html}");
        assert!(!html.contains("hl-php"), "{html}");
        assert!(html.contains("hl-text hl-plain"), "{html}");
    }

    #[test]
    fn front_matter_is_not_shown_or_counted() {
        let r = Renderer::new().render("---\ncategories: [読書]\n---\n本文\n");
        assert!(!r.html.contains("読書"), "{}", r.html);
        assert_eq!(r.counts.chars, 2);
    }

    /// The text a reader sees in `html`: tags dropped, the entities the renderer writes read.
    fn visible_text(html: &str) -> String {
        let mut text = String::new();
        let mut in_tag = false;
        for c in html.chars() {
            match c {
                '<' => in_tag = true,
                '>' if in_tag => in_tag = false,
                _ if !in_tag => text.push(c),
                _ => {}
            }
        }
        text.replace("&lt;", "<")
            .replace("&gt;", ">")
            .replace("&amp;", "&")
            .replace("&quot;", "\"")
    }

    #[test]
    fn a_tag_named_like_an_svg_or_mathml_element_loses_none_of_the_authors_words() {
        let names = include_str!("../../testdata/ammonia-foreign-element-names.txt");
        let names: Vec<&str> = names
            .lines()
            .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
            .collect();
        assert!(names.len() > 250, "{} names", names.len());
        let r = Renderer::new();
        for name in names {
            let in_a_sentence =
                format!("Set <{name}> in your shell, then restart.\n\nThe next paragraph stays.\n");
            let on_its_own_line =
                format!("Before it.\n\n<{name}>\n\nAfter the tag.\n\nThe last paragraph.\n");
            for (markdown, words) in [
                (
                    &in_a_sentence,
                    [
                        "Set",
                        "in your shell, then restart.",
                        "The next paragraph stays.",
                    ],
                ),
                (
                    &on_its_own_line,
                    ["Before it.", "After the tag.", "The last paragraph."],
                ),
            ] {
                let html = r.render(markdown).html;
                let (_, patch) = live::LivePreview::new(&r, markdown, |_| None, None);
                let live: String = patch.blocks.iter().map(|b| b.html.as_str()).collect();
                for (what, html) in [("render", &html), ("live preview", &live)] {
                    let text = visible_text(html);
                    for word in words {
                        assert!(
                            text.contains(word),
                            "<{name}>: the {what} lost {word:?}: {html}"
                        );
                    }
                }
            }
        }
    }

    #[test]
    fn a_draft_opening_with_a_rule_shows_the_paragraph_a_settings_block_would_hide() {
        let r = Renderer::new();
        let ruled = r.render("---\nA paragraph, not settings.\n\n---\n\nBody.\n");
        assert!(
            ruled.html.contains("A paragraph, not settings."),
            "{}",
            ruled.html
        );
        assert!(ruled.html.contains("<hr"), "{}", ruled.html);
        let heading = r.render("---\nA heading of the author's\n---\n\nBody.\n");
        assert!(
            heading.html.contains("A heading of the author"),
            "{}",
            heading.html
        );
        // Settings stay hidden, and so does a mapping gone wrong (the publish names its line).
        for settings in [
            "---\ncategories: [読書]\n---\n本文\n",
            "---\n---\n本文\n",
            "---\n# a comment\ntags: 一冊\n---\n本文\n",
            "---\ncategories: [読書\n---\n本文\n",
        ] {
            let html = r.render(settings).html;
            assert!(!html.contains("読書") && !html.contains("一冊"), "{html}");
            assert!(html.contains("本文"), "{html}");
        }
    }

    #[test]
    fn images_are_listed_and_rewritten() {
        let r = Renderer::new();
        let md = "![表紙](/tmp/a.png) ![](https://e.com/b.png) ![again](/tmp/a.png)";
        assert_eq!(r.image_urls(md), ["/tmp/a.png", "https://e.com/b.png"]);
        let html = r
            .render_with_images(
                md,
                &|u| (u == "/tmp/a.png").then(|| "https://blog/a.png".into()),
                None,
            )
            .html;
        assert!(html.contains("src=\"https://blog/a.png\""), "{html}");
        assert!(html.contains("src=\"https://e.com/b.png\""), "{html}");
        assert!(!html.contains("/tmp/a.png"), "{html}");
    }

    #[test]
    fn a_book_line_becomes_the_card_only_when_there_is_one() {
        let r = Renderer::new();
        let md = "前\n\n[book]\n\n文中の [book] はそのまま\n";
        let card = r#"<div class="fumi-book-card" style="x">三体</div>"#;
        let html = r.render_with_images(md, &|_| None, Some(card)).html;
        assert!(html.contains(card), "{html}");
        assert_eq!(html.matches("fumi-book-card").count(), 1, "{html}");
        let nested = r
            .render_with_images("- [book]\n\n> [book]\n", &|_| None, Some(card))
            .html;
        assert!(
            !nested.contains("fumi-book-card"),
            "only at the top level: {nested}"
        );
        assert!(html.contains("文中の [book] はそのまま"), "{html}");
        let without = r.render(md).html;
        assert!(
            without.contains("<p data-sourcepos=\"3:1-3:6\">[book]</p>"),
            "{without}"
        );
        // The author's own "card" markup is sanitized like any HTML.
        let forged = r
            .render(r#"<div class="fumi-book-card" style="position:fixed">x</div>"#)
            .html;
        assert!(!forged.contains("position:fixed"), "{forged}");
    }

    #[test]
    fn cjk_emphasis() {
        let html = Renderer::new()
            .render("**この本は重要です。**と思った")
            .html;
        assert!(html.contains("<strong"), "{html}");
    }

    #[test]
    fn a_post_for_wordpress_carries_its_cut_and_embed_as_wordpress_reads_them_and_no_preview_attributes()
     {
        let r = Renderer::new();
        let markdown = "[:contents]\n\n## 見出し\n\n一行目\n二行目\n\n<!-- more -->\n\n[https://www.youtube.com/watch?v=abc:embed]\n\n後半((注))。\n";
        let html = r
            .render_for(
                markdown,
                Flavor::WordPress,
                Output::Published,
                &|_| None,
                None,
                &PageCards::new(),
            )
            .html;
        assert!(html.contains("\n<!--more-->\n"), "{html}");
        assert!(
            html.contains("\nhttps://www.youtube.com/watch?v=abc\n"),
            "{html}"
        );
        assert!(html.contains("一行目<br>"), "{html}");
        assert!(
            html.contains(r#"<div class="table-of-contents">"#),
            "{html}"
        );
        assert!(
            html.contains(r#"<span class="footnote-text">注</span>"#),
            "{html}"
        );
        for preview_only in [
            "data-sourcepos",
            "aria-label",
            "data-heading-content",
            r#"class="anchor""#,
        ] {
            assert!(!html.contains(preview_only), "{preview_only} in {html}");
        }
        // The preview draws the same draft with its cut and card, and plain Markdown is as before.
        let preview = r
            .render_for(
                markdown,
                Flavor::Hatena,
                Output::Preview,
                &|_| None,
                None,
                &PageCards::new(),
            )
            .html;
        assert!(preview.contains(r#"<hr class="fumi-more">"#), "{preview}");
        assert!(preview.contains(r#"<div class="fumi-card">"#), "{preview}");
        let plain = r.render(markdown).html;
        assert!(
            plain.contains("[:contents]") && !plain.contains("<br"),
            "{plain}"
        );
    }

    #[test]
    fn a_block_notation_ends_its_block_on_its_own_line() {
        // Hatena authors write without blank lines: a heading, a list or the next paragraph right
        // after `[:contents]`, the cut or an embed is Markdown still, not raw text.
        let markdown = "[:contents]\n# 見出し\n前半です。\n<!-- more -->\n後半です。\n[https://example.com/a:embed]\n- 項目\n\n[https://www.example.com/b:cite] [https://example.com/c:title=*題*]\n\n[f:id:fumi:20261206093000j:plain]\n## 写真の後\n```rust\nfn main() {}\n```\n";
        for output in [Output::Preview, Output::Published] {
            let html = Renderer::new()
                .render_for(
                    markdown,
                    Flavor::Hatena,
                    output,
                    &|_| None,
                    None,
                    &PageCards::new(),
                )
                .html;
            assert!(html.contains("<h1"), "{html}");
            assert!(html.contains("前半です。</p>"), "{html}");
            assert!(html.contains("項目</li>"), "{html}");
            assert!(html.contains(r#"<h2 id="h-写真の後""#), "{html}");
            assert!(html.contains("<pre"), "{html}");
            assert!(!html.contains("fumi-block"), "{html}");
            // A link whose text is its own address is linked once, and a title shows as written.
            assert_eq!(html.matches("example.com/a\"").count(), 1, "{html}");
            assert_eq!(html.matches("www.example.com/b\"").count(), 2, "{html}");
            assert!(html.contains(">*題*</a>"), "{html}");
        }
    }
}
