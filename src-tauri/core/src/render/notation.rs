//! Hatena Blog's notation in a draft, expanded before the Markdown parser reads it: line by
//! line, never inside code, and never changing how many lines there are (source positions and
//! the live preview count lines). What each becomes follows what Hatena's help pages and its
//! published pages show:
//!
//! - `[:contents]` alone in a paragraph: a table of contents (filled from the headings after
//!   parsing, see [`super::contents`]);
//! - `[URL:embed]`, `[URL:embed:cite]`, `[URL:cite:embed]` alone: a card (the page's own
//!   metadata when Fumi has read it); `[URL:title]`, `[URL:title=TEXT]`, `[URL:cite]`,
//!   `[URL:bookmark]`: a link;
//! - `[asin:ASIN:detail]` alone: a product card (a book's own, from the book databases, when
//!   the ASIN is an ISBN-10); `:image`, `:title` and inline: a link;
//! - `[f:id:USER:YYYYMMDDhhmmss(j|p|g)(:plain|:image)]`: the Fotolife image;
//! - `((text))`: a numbered footnote (`)((` and `))(` write the parentheses themselves);
//! - `<!-- more -->` alone: the read-more cut;
//! - `[tex:…]`: math, drawn as MathML (see [`super::mathml`]).

use std::borrow::Cow;
use std::collections::HashSet;

use comrak::nodes::NodeValue;
use comrak::{Arena, Options, parse_document};
use quick_xml::escape::escape;

use super::flavor::{Flavor, Output};
use crate::model::page_card::{PageCard, PageCards};

/// The class of the divider that stands for `<!-- more -->` in the sanitized HTML.
pub(crate) const MORE_CLASS: &str = "fumi-more";
/// The class of the paragraph that stands for an embed sent to WordPress (its URL alone).
pub(crate) const EMBED_CLASS: &str = "fumi-embed";
/// The placeholder `[:contents]` becomes until the headings are known.
pub(crate) const CONTENTS_PLACEHOLDER: &str = r#"<div class="table-of-contents"></div>"#;
/// How a block notation's line reads to the parser: a comment ends its HTML block on its own
/// line, as `<!-- more -->` does, where a `<div>` would run on to the next blank line and take
/// a heading or a list after it as raw text. [`Expanded::block`] gives the HTML it stands for.
const BLOCK_MARK: (&str, &str) = ("<!--fumi-block:", "-->");

/// A draft's Markdown with its notation expanded.
#[derive(Debug)]
pub(crate) struct Expanded<'a> {
    pub markdown: Cow<'a, str>,
    /// The footnotes `((…))` made, in order, as HTML.
    pub notes: Vec<String>,
    /// Whether a `[:contents]` placeholder is in the text.
    pub contents: bool,
    /// The HTML of each block notation, in order; the text holds a mark for each.
    blocks: Vec<String>,
}

impl Expanded<'_> {
    /// The HTML an HTML block of the expanded text stands for, if it is a block notation's mark.
    pub(crate) fn block(&self, literal: &str) -> Option<&str> {
        let (open, close) = BLOCK_MARK;
        let n: usize = literal
            .trim()
            .strip_prefix(open)?
            .strip_suffix(close)?
            .parse()
            .ok()?;
        self.blocks.get(n).map(String::as_str)
    }
}

/// Expands the notation of `flavor` in `markdown` (nothing for [`Flavor::Plain`]). Where the
/// code is, and which lines are paragraphs of their own, is what the Markdown parser (with
/// `options`) says, so that a part of a draft expands as it does within the whole.
pub(crate) fn expand<'a>(
    markdown: &'a str,
    flavor: Flavor,
    output: Output,
    options: &Options<'_>,
    cards: &PageCards,
) -> Expanded<'a> {
    let untouched = Expanded {
        markdown: Cow::Borrowed(markdown),
        notes: Vec::new(),
        contents: false,
        blocks: Vec::new(),
    };
    if !flavor.has_notation()
        || !(markdown.contains('[') || markdown.contains("((") || markdown.contains("<!--"))
    {
        return untouched;
    }
    let layout = Layout::of(markdown, options);
    let mut out = String::with_capacity(markdown.len() + 64);
    let mut notes = Vec::new();
    let mut contents = false;
    let mut blocks = Vec::new();
    for (i, line) in markdown.split_inclusive('\n').enumerate() {
        let text = line.trim_end_matches(['\n', '\r']);
        let ending = &line[text.len()..];
        let lone = layout.lone.contains(&i);
        if lone && let Some(block) = block_notation(text.trim(), output, cards) {
            contents |= block == CONTENTS_PLACEHOLDER;
            let (open, close) = BLOCK_MARK;
            out.push_str(&format!("{open}{}{close}", blocks.len()));
            out.push_str(ending);
            blocks.push(block);
        } else if layout.verbatim.contains(&i) {
            out.push_str(line);
        } else {
            out.push_str(&inline_notation(text, &mut notes));
            out.push_str(ending);
        }
    }
    Expanded {
        markdown: Cow::Owned(out),
        notes,
        contents,
        blocks,
    }
}

/// Which lines the notation leaves alone, and which stand alone, as the parser reads them.
struct Layout {
    /// Lines (0-based) of code, raw HTML and settings: never expanded.
    verbatim: HashSet<usize>,
    /// Lines that are a paragraph (or a one-line HTML block) by themselves.
    lone: HashSet<usize>,
}

impl Layout {
    fn of(markdown: &str, options: &Options<'_>) -> Layout {
        let arena = Arena::new();
        let root = parse_document(&arena, markdown, options);
        let mut layout = Layout {
            verbatim: HashSet::new(),
            lone: HashSet::new(),
        };
        for node in root.descendants() {
            let ast = node.data.borrow();
            let (first, last) = (
                ast.sourcepos.start.line.max(1) - 1,
                ast.sourcepos.end.line.max(1) - 1,
            );
            match &ast.value {
                NodeValue::CodeBlock(_) | NodeValue::FrontMatter(_) => {
                    layout.verbatim.extend(first..=last);
                }
                NodeValue::HtmlBlock(_) => {
                    layout.verbatim.extend(first..=last);
                    if first == last {
                        layout.lone.insert(first);
                    }
                }
                NodeValue::Paragraph if first == last => {
                    layout.lone.insert(first);
                }
                _ => {}
            }
        }
        layout
    }
}

/// The HTML of a notation that stands alone in its paragraph, if the line is one.
fn block_notation(line: &str, output: Output, cards: &PageCards) -> Option<String> {
    if is_more(line) {
        return Some(format!(r#"<hr class="{MORE_CLASS}">"#));
    }
    let inner = line.strip_prefix('[')?.strip_suffix(']')?;
    if inner == ":contents" {
        return Some(CONTENTS_PLACEHOLDER.to_owned());
    }
    if let Some(link) = WebLink::parse(inner)
        && link.embed
    {
        return Some(match output {
            Output::Published => format!(r#"<p class="{EMBED_CLASS}">{}</p>"#, escape(link.url)),
            Output::Preview => card(link.url, cards.get(link.url), link.cite),
        });
    }
    if let Some(asin) = Asin::parse(inner)
        && asin.form == "detail"
    {
        let url = asin.url();
        return Some(match cards.get(&url) {
            Some(book) => card(&url, Some(book), false),
            None => plain_card(&url, &format!("ASIN {}", asin.id)),
        });
    }
    None
}

/// Whether a line is the read-more cut, `<!-- more -->` (spaces optional).
fn is_more(line: &str) -> bool {
    line.strip_prefix("<!--")
        .and_then(|l| l.strip_suffix("-->"))
        .is_some_and(|word| word.trim() == "more")
}

/// A card for `url`: the page's own title, description, site and image when Fumi has read
/// them, else its address; and the citation link Hatena adds for `:cite`.
pub(crate) fn card(url: &str, page: Option<&PageCard>, cite: bool) -> String {
    let mut html = match page {
        Some(page) => {
            let image = page.image.as_deref().map_or_else(String::new, |src| {
                format!(
                    r#"<img class="fumi-card-image" src="{}" alt="">"#,
                    escape(src)
                )
            });
            format!(
                r#"<div class="fumi-card"><a href="{url}">{image}<span class="fumi-card-title">{title}</span><span class="fumi-card-description">{description}</span><span class="fumi-card-url">{site}</span></a></div>"#,
                url = escape(url),
                title = escape(&page.title),
                description = escape(&page.description),
                site = escape(&page.site),
            )
        }
        None => plain_card(url, &host_of(url)),
    };
    if cite {
        html.push_str(&citation(url));
    }
    html
}

/// A card that knows only the address (offline, or before the page was read).
fn plain_card(url: &str, title: &str) -> String {
    format!(
        r#"<div class="fumi-card"><a href="{url}"><span class="fumi-card-title">{title}</span><span class="fumi-card-url">{url}</span></a></div>"#,
        url = escape(url),
        title = escape(title),
    )
}

/// The cards the draft shows, each once: the pages it embeds (`[URL:embed]` alone in a
/// paragraph, outside code) and the books of its product cards (`[asin:ISBN-10:detail]`, the
/// card read from the book databases).
pub(crate) fn embedded_urls(markdown: &str, options: &Options<'_>) -> Vec<String> {
    if !markdown.contains(":embed") && !markdown.contains("asin:") {
        return Vec::new();
    }
    let layout = Layout::of(markdown, options);
    let mut urls: Vec<String> = Vec::new();
    for (i, line) in markdown.lines().enumerate() {
        if !layout.lone.contains(&i) || layout.verbatim.contains(&i) {
            continue;
        }
        let Some(inner) = line
            .trim()
            .strip_prefix('[')
            .and_then(|l| l.strip_suffix(']'))
        else {
            continue;
        };
        let url = if let Some(link) = WebLink::parse(inner).filter(|link| link.embed) {
            link.url.to_owned()
        } else if let Some(asin) = Asin::parse(inner).filter(|asin| asin.form == "detail")
            // Only a book's card can be read: Amazon refuses to be read.
            && crate::book::asin::isbn_of(&asin.url()).is_some()
        {
            asin.url()
        } else {
            continue;
        };
        if !urls.contains(&url) {
            urls.push(url);
        }
    }
    urls
}

/// Hatena's citation link: the page's host, linking to it.
fn citation(url: &str) -> String {
    format!(
        r#"<cite class="hatena-citation"><a href="{}">{}</a></cite>"#,
        escape(url),
        escape(host_of(url))
    )
}

fn host_of(url: &str) -> String {
    url::Url::parse(url)
        .ok()
        .and_then(|u| u.host_str().map(str::to_owned))
        .unwrap_or_else(|| url.to_owned())
}

/// A line with its inline notation expanded, outside code spans; footnotes go to `notes`.
fn inline_notation(line: &str, notes: &mut Vec<String>) -> String {
    if !(line.contains('[') || line.contains("((") || line.contains(")(")) {
        return line.to_owned();
    }
    let mut out = String::with_capacity(line.len() + 32);
    let mut rest = line;
    while let Some(at) = rest.find(['`', '[', '(', ')']) {
        out.push_str(&rest[..at]);
        let here = &rest[at..];
        // A code span: copied as it is, up to the same run of backticks.
        if here.starts_with('`') {
            let run = here.bytes().take_while(|&b| b == b'`').count();
            let fence = &here[..run];
            match here[run..].find(fence) {
                Some(end) => {
                    let span = run + end + run;
                    out.push_str(&here[..span]);
                    rest = &here[span..];
                }
                None => {
                    out.push_str(fence);
                    rest = &here[run..];
                }
            }
            continue;
        }
        // `)((` and `))(`: the parentheses as written, no footnote.
        if let Some(after) = here.strip_prefix(")((") {
            out.push_str("((");
            rest = after;
            continue;
        }
        if let Some(after) = here.strip_prefix("))(") {
            out.push_str("))");
            rest = after;
            continue;
        }
        if let Some(inner) = here.strip_prefix("((")
            && let Some(end) = inner.find("))")
            && end > 0
        {
            notes.push(escape(&inner[..end]).into_owned());
            out.push_str(&footnote_ref(notes.len(), &inner[..end]));
            rest = &inner[end + 2..];
            continue;
        }
        if here.starts_with('[')
            && let Some(end) = here.find(']')
            && let Some(html) = inline_bracket(&here[1..end])
        {
            out.push_str(&html);
            rest = &here[end + 1..];
            continue;
        }
        // Nothing here: the character itself.
        let c = here.chars().next().map_or(1, char::len_utf8);
        out.push_str(&here[..c]);
        rest = &here[c..];
    }
    out.push_str(rest);
    out
}

/// A footnote's reference: `*n`, the note as its title, as Hatena writes it.
fn footnote_ref(n: usize, text: &str) -> String {
    format!(
        r##"<a href="#fumi-fn-{n}" class="footnote" id="fumi-fnref-{n}" title="{}">*{n}</a>"##,
        escape(text)
    )
}

/// The footnotes of a post, as Hatena lists them at its end.
pub(crate) fn footnotes_html(notes: &[String]) -> String {
    let mut html = String::from(r#"<div class="footnote">"#);
    for (i, note) in notes.iter().enumerate() {
        let n = i + 1;
        html.push_str(&format!(
            r##"<p class="footnote"><a href="#fumi-fnref-{n}" id="fumi-fn-{n}" class="footnote-number">*{n}</a><span class="footnote-delimiter">:</span><span class="footnote-text">{note}</span></p>"##
        ));
    }
    html.push_str("</div>");
    html
}

/// The HTML of a bracketed inline notation (`inner` is between the brackets), if it is one.
fn inline_bracket(inner: &str) -> Option<String> {
    if let Some(tex) = inner.strip_prefix("tex:") {
        return Some(super::mathml::placeholder(tex));
    }
    if let Some(image) = fotolife(inner) {
        return Some(image);
    }
    if let Some(asin) = Asin::parse(inner) {
        return Some(markdown_link(&format!("ASIN {}", asin.id), &asin.url()));
    }
    let link = WebLink::parse(inner)?;
    let mut markdown = markdown_link(link.title.unwrap_or(link.url), link.url);
    if link.cite {
        markdown.push_str(&format!(
            r#"<cite class="hatena-citation">{}</cite>"#,
            markdown_link(&host_of(link.url), link.url)
        ));
    }
    Some(markdown)
}

/// A Markdown link showing `text` as written. Not raw `<a>` HTML: the parser reads the text
/// between raw tags as Markdown, and would link a URL there a second time inside the first.
fn markdown_link(text: &str, url: &str) -> String {
    let mut out = String::with_capacity(text.len() + url.len() + 6);
    out.push('[');
    for c in text.chars() {
        if c.is_ascii_punctuation() {
            out.push('\\');
        }
        out.push(c);
    }
    out.push_str("](<");
    for c in url.chars() {
        if matches!(c, '<' | '>' | '\\') {
            out.push('\\');
        }
        out.push(c);
    }
    out.push_str(">)");
    out
}

/// `[f:id:USER:YYYYMMDDhhmmss(j|p|g)…]`: the image on Hatena Fotolife's public CDN.
fn fotolife(inner: &str) -> Option<String> {
    let rest = inner.strip_prefix("f:id:")?;
    let mut parts = rest.split(':');
    let user = parts.next().filter(|u| {
        !u.is_empty()
            && u.chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
    })?;
    let id = parts.next()?;
    let (stamp, kind) = id.split_at_checked(id.len().checked_sub(1)?)?;
    if stamp.len() != 14 || !stamp.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let extension = match kind {
        "j" => "jpg",
        "p" => "png",
        "g" => "gif",
        _ => return None,
    };
    let first = user.chars().next()?;
    let src = format!(
        "https://cdn-ak.f.st-hatena.com/images/fotolife/{first}/{user}/{day}/{stamp}.{extension}",
        day = &stamp[..8]
    );
    // In a span, as Hatena writes it: a line holding a lone `<img>` would open an HTML block in
    // Markdown, and swallow the heading, list or code written on the next line.
    Some(format!(
        r#"<span itemscope itemtype="http://schema.org/Photograph"><img src="{}" alt="f:id:{}:{}" class="hatena-fotolife" itemprop="image"></span>"#,
        escape(&src),
        escape(user),
        escape(id)
    ))
}

/// `[asin:ASIN(:detail|:image|:title)]`.
struct Asin<'a> {
    id: &'a str,
    form: &'a str,
}

impl<'a> Asin<'a> {
    fn parse(inner: &'a str) -> Option<Asin<'a>> {
        let rest = inner.strip_prefix("asin:")?;
        let (id, form) = rest.split_once(':').unwrap_or((rest, "title"));
        let valid = id.len() == 10 && id.bytes().all(|b| b.is_ascii_alphanumeric());
        (valid && matches!(form, "detail" | "image" | "title")).then_some(Asin { id, form })
    }

    fn url(&self) -> String {
        crate::book::asin::product_url(self.id)
    }
}

/// `[URL:embed]`, `[URL:cite]`, `[URL:title]`, `[URL:title=TEXT]`, `[URL:bookmark]` and their
/// combinations.
struct WebLink<'a> {
    url: &'a str,
    embed: bool,
    cite: bool,
    title: Option<&'a str>,
}

impl<'a> WebLink<'a> {
    fn parse(inner: &'a str) -> Option<WebLink<'a>> {
        if !(inner.starts_with("https://") || inner.starts_with("http://")) {
            return None;
        }
        let (mut url, mut title) = (inner, None);
        // `:title=TEXT` runs to the end: TEXT may hold colons.
        if let Some(at) = inner.find(":title=") {
            url = &inner[..at];
            title = Some(&inner[at + ":title=".len()..]);
        }
        let (mut embed, mut cite, mut any) = (false, false, title.is_some());
        loop {
            if let Some(rest) = url.strip_suffix(":embed") {
                (url, embed) = (rest, true);
            } else if let Some(rest) = url.strip_suffix(":cite") {
                (url, cite) = (rest, true);
            } else if let Some(rest) = url
                .strip_suffix(":title")
                .or_else(|| url.strip_suffix(":bookmark"))
            {
                url = rest;
            } else {
                break;
            }
            any = true;
        }
        (any && !url.contains(char::is_whitespace)).then_some(WebLink {
            url,
            embed,
            cite,
            title,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hatena(markdown: &str) -> Expanded<'_> {
        expand(
            markdown,
            Flavor::Hatena,
            Output::Preview,
            &crate::render::options(),
            &PageCards::new(),
        )
    }

    #[test]
    fn the_line_count_never_changes() {
        let text = "[:contents]\n\n前半((脚注))です。\n\n<!-- more -->\n\n[https://example.com/a:embed:cite]\n\n[asin:4297125609:detail]\n";
        let expanded = hatena(text);
        assert_eq!(expanded.markdown.lines().count(), text.lines().count());
        assert!(expanded.contents);
        assert_eq!(expanded.notes, vec!["脚注".to_owned()]);
        assert!(
            expanded
                .blocks
                .iter()
                .any(|b| b.contains("hatena-citation")),
            "{:?}",
            expanded.blocks
        );
        assert!(expanded.blocks.iter().any(|b| b.contains(MORE_CLASS)));
        assert_eq!(
            expanded.block("<!--fumi-block:0-->\n"),
            Some(CONTENTS_PLACEHOLDER)
        );
    }

    #[test]
    fn code_is_left_as_written() {
        let text = "```\n((not a note)) [:contents]\n```\n\n`((inline))` and ((a note))\n\n    ((indented))\n";
        let expanded = hatena(text);
        assert_eq!(expanded.notes, vec!["a note".to_owned()]);
        assert!(expanded.markdown.contains("((not a note)) [:contents]"));
        assert!(expanded.markdown.contains("`((inline))`"));
        assert!(expanded.markdown.contains("    ((indented))"));
        assert!(!expanded.contents);
    }

    #[test]
    fn plain_is_untouched_and_escapes_keep_parentheses() {
        assert!(matches!(
            expand(
                "((x)) [:contents]",
                Flavor::Plain,
                Output::Preview,
                &crate::render::options(),
                &PageCards::new()
            )
            .markdown,
            Cow::Borrowed(_)
        ));
        let expanded = hatena("a)((b))(c\n");
        assert!(expanded.notes.is_empty());
        assert_eq!(expanded.markdown, "a((b))c\n");
    }

    #[test]
    fn fotolife_and_links() {
        let expanded = hatena(
            "[f:id:fumi-tester:20261206093000j:plain] [https://example.com/p:title=題名] [https://example.com/q:title]\n",
        );
        assert!(
            expanded.markdown.contains(
                "https://cdn-ak.f.st-hatena.com/images/fotolife/f/fumi-tester/20261206/20261206093000.jpg"
            ),
            "{}",
            expanded.markdown
        );
        assert!(
            expanded
                .markdown
                .contains("[題名](<https://example.com/p>)")
        );
        assert!(
            expanded
                .markdown
                .contains(r"[https\:\/\/example\.com\/q](<https://example.com/q>)")
        );
    }

    #[test]
    fn an_embed_is_sent_to_wordpress_as_its_url() {
        let expanded = expand(
            "[https://example.com/a?b=1&c:embed]\n",
            Flavor::WordPress,
            Output::Published,
            &crate::render::options(),
            &PageCards::new(),
        );
        assert_eq!(expanded.markdown, "<!--fumi-block:0-->\n");
        assert_eq!(
            expanded.blocks,
            ["<p class=\"fumi-embed\">https://example.com/a?b=1&amp;c</p>"]
        );
    }
}
