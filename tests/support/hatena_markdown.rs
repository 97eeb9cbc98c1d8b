//! What the local Hatena blog answers as an entry's `hatena:formatted-content`: the entry's
//! Markdown rendered as Hatena Blog's Markdown mode renders it, written from Hatena's help pages
//! and its published pages (`../shared/notes/hatena-notation.md`), on pulldown-cmark — a
//! CommonMark implementation of its own, so the tests never compare Fumi's renderer with itself.
//!
//! - a newline inside a paragraph is a `<br />`; headings carry their text as their id;
//! - `[:contents]` alone: `<div class="table-of-contents">`, the headings nested by level;
//! - `<!-- more -->` stays the comment it is;
//! - `[URL:embed]` alone: Hatena's card frame (`hatenablog-parts.com/embed?url=…`), `:cite`
//!   adding `<cite class="hatena-citation">`; `[URL:title=TEXT]` and `[URL:cite]` links;
//! - `[asin:ASIN:detail]` alone: the product card (`hatena-asin-detail`);
//! - `((text))`: `*N` with the note in `<div class="footnote">` at the end;
//! - `[tex:…]` stays as written: MathJax draws it in the reader's browser.

use pulldown_cmark::{CowStr, Event, HeadingLevel, Options, Parser, Tag, TagEnd, TextMergeStream};

/// The HTML Hatena shows for an entry written in Markdown.
pub fn render(markdown: &str) -> String {
    let options = Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS;
    let events: Vec<Event<'_>> = TextMergeStream::new(Parser::new_ext(markdown, options)).collect();
    let headings = headings(&events);
    let mut notes: Vec<String> = Vec::new();
    let mut out: Vec<Event<'_>> = Vec::with_capacity(events.len());
    let mut in_code = false;
    let mut i = 0;
    while i < events.len() {
        // A paragraph that is one notation and nothing else is a block of its own.
        if let (
            Event::Start(Tag::Paragraph),
            Some(Event::Text(text)),
            Some(Event::End(TagEnd::Paragraph)),
        ) = (&events[i], events.get(i + 1), events.get(i + 2))
            && let Some(html) = block(text.trim(), &headings)
        {
            out.push(Event::Html(html.into()));
            i += 3;
            continue;
        }
        match &events[i] {
            Event::Start(Tag::CodeBlock(_)) => in_code = true,
            Event::End(TagEnd::CodeBlock) => in_code = false,
            _ => {}
        }
        match events[i].clone() {
            Event::SoftBreak => out.push(Event::HardBreak),
            Event::Start(Tag::Heading {
                level,
                classes,
                attrs,
                ..
            }) => {
                let text = heading_text(&events[i + 1..]);
                out.push(Event::Start(Tag::Heading {
                    level,
                    id: Some(CowStr::from(text)),
                    classes,
                    attrs,
                }));
            }
            Event::Text(text) if !in_code => {
                out.push(Event::InlineHtml(inline(&text, &mut notes).into()))
            }
            other => out.push(other),
        }
        i += 1;
    }
    let mut html = String::new();
    pulldown_cmark::html::push_html(&mut html, out.into_iter());
    if !notes.is_empty() {
        html.push_str("<div class=\"footnote\">\n");
        for (n, note) in notes.iter().enumerate() {
            let n = n + 1;
            html.push_str(&format!(
                "<p class=\"footnote\"><a href=\"#fn{n}\" name=\"f-{n}\" class=\"footnote-number\">*{n}</a><span class=\"footnote-delimiter\">:</span><span class=\"footnote-text\">{note}</span></p>\n"
            ));
        }
        html.push_str("</div>\n");
    }
    html
}

/// Every heading's level and text, in order.
fn headings(events: &[Event<'_>]) -> Vec<(usize, String)> {
    events
        .iter()
        .enumerate()
        .filter_map(|(i, e)| match e {
            Event::Start(Tag::Heading { level, .. }) => {
                Some((depth(*level), heading_text(&events[i + 1..])))
            }
            _ => None,
        })
        .collect()
}

fn depth(level: HeadingLevel) -> usize {
    level as usize
}

/// The text of the heading whose events follow.
fn heading_text(events: &[Event<'_>]) -> String {
    let mut text = String::new();
    for e in events {
        match e {
            Event::End(TagEnd::Heading(_)) => break,
            Event::Text(t) | Event::Code(t) => text.push_str(t),
            _ => {}
        }
    }
    text
}

/// The HTML of a notation that is a paragraph by itself.
fn block(text: &str, headings: &[(usize, String)]) -> Option<String> {
    let inner = text.strip_prefix('[')?.strip_suffix(']')?;
    if inner == ":contents" {
        return Some(contents(headings));
    }
    if let Some(asin) = inner
        .strip_prefix("asin:")
        .and_then(|a| a.strip_suffix(":detail"))
    {
        return Some(format!(
            "<div class=\"hatena-asin-detail\"><a href=\"https://www.amazon.co.jp/dp/{asin}?tag=hatena-22\" class=\"hatena-asin-detail-image-link\"><img src=\"https://m.media-amazon.com/images/I/{asin}.jpg\" class=\"hatena-asin-detail-image\" alt=\"\" title=\"\"></a><div class=\"hatena-asin-detail-info\"><p class=\"hatena-asin-detail-title\"><a href=\"https://www.amazon.co.jp/dp/{asin}?tag=hatena-22\">Amazon {asin}</a></p></div></div>\n"
        ));
    }
    let (url, cite) = if let Some(url) = inner
        .strip_suffix(":embed:cite")
        .or_else(|| inner.strip_suffix(":cite:embed"))
    {
        (url, true)
    } else {
        (inner.strip_suffix(":embed")?, false)
    };
    if !url.starts_with("http") {
        return None;
    }
    let frame = format!(
        "<iframe src=\"https://hatenablog-parts.com/embed?url={}\" title=\"\" class=\"embed-card embed-webcard\" scrolling=\"no\" frameborder=\"0\" style=\"display: block; width: 100%; height: 155px; max-width: 500px; margin: 10px 0px;\" loading=\"lazy\"></iframe>",
        percent(url)
    );
    Some(if cite {
        format!("{frame}{}\n", citation(url))
    } else {
        format!("{frame}\n")
    })
}

/// The table of contents: nested as the levels go, an outer item with no link standing for a
/// level the entry skips.
fn contents(headings: &[(usize, String)]) -> String {
    let top = headings.iter().map(|(l, _)| *l).min().unwrap_or(1);
    let mut html = String::from("<div class=\"table-of-contents\">\n<ul>\n");
    let mut level = top;
    let mut open_item = false;
    for (l, text) in headings {
        while level < *l {
            if !open_item {
                html.push_str("<li>");
            }
            html.push_str("<ul>\n");
            level += 1;
            open_item = false;
        }
        while level > *l {
            if open_item {
                html.push_str("</li>\n");
            }
            html.push_str("</ul>\n");
            level -= 1;
            open_item = true;
        }
        if open_item {
            html.push_str("</li>\n");
        }
        html.push_str(&format!("<li><a href=\"#{}\">{}</a>", esc(text), esc(text)));
        open_item = true;
    }
    while level > top {
        html.push_str("</li>\n</ul>\n");
        level -= 1;
    }
    if open_item {
        html.push_str("</li>\n");
    }
    html.push_str("</ul>\n</div>\n");
    html
}

/// A text run with its inline notation as HTML.
fn inline(text: &str, notes: &mut Vec<String>) -> String {
    let mut out = String::new();
    let mut rest = text;
    loop {
        let note = rest.find("((");
        let bracket = rest.find('[');
        match (note, bracket) {
            (Some(at), b) if b.is_none_or(|b| at < b) => {
                let Some(len) = rest[at + 2..].find("))") else {
                    break;
                };
                out.push_str(&esc(&rest[..at]));
                let note = &rest[at + 2..at + 2 + len];
                notes.push(esc(note));
                let n = notes.len();
                out.push_str(&format!(
                    "<a href=\"#f-{n}\" name=\"fn{n}\" title=\"{}\">*{n}</a>",
                    esc(note)
                ));
                rest = &rest[at + 2 + len + 2..];
            }
            (_, Some(at)) => {
                let Some(len) = rest[at..].find(']') else {
                    break;
                };
                let inner = &rest[at + 1..at + len];
                out.push_str(&esc(&rest[..at]));
                out.push_str(&link(inner).unwrap_or_else(|| esc(&rest[at..=at + len])));
                rest = &rest[at + len + 1..];
            }
            _ => break,
        }
    }
    out.push_str(&esc(rest));
    out
}

/// `[URL:title=TEXT]`, `[URL:title]`, `[URL:cite]` and `[URL:embed]` within a sentence.
fn link(inner: &str) -> Option<String> {
    if !inner.starts_with("http") {
        return None;
    }
    if let Some((url, title)) = inner.split_once(":title=") {
        return Some(format!("<a href=\"{}\">{}</a>", esc(url), esc(title)));
    }
    let url = ["title", "cite", "embed", "bookmark"]
        .iter()
        .fold(inner, |url, word| {
            url.strip_suffix(&format!(":{word}")).unwrap_or(url)
        });
    if url == inner {
        return None;
    }
    let mut html = format!("<a href=\"{}\">{}</a>", esc(url), esc(url));
    if inner.contains(":cite") {
        html.push_str(&citation(url));
    }
    Some(html)
}

fn citation(url: &str) -> String {
    let host = url
        .split("//")
        .nth(1)
        .and_then(|r| r.split('/').next())
        .unwrap_or(url);
    format!(
        "<cite class=\"hatena-citation\"><a href=\"{}\">{}</a></cite>",
        esc(url),
        esc(host)
    )
}

fn percent(s: &str) -> String {
    s.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                (b as char).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect()
}

fn esc(s: &str) -> String {
    quick_xml::escape::escape(s).into_owned()
}
