//! The book card: cover, title, authors, publisher and a purchase link, placed where the
//! author writes `[book]` on a line of its own. Fumi builds its HTML (every value escaped) and
//! puts it in after sanitizing, so its inline styles reach the blog, where Fumi's stylesheet
//! does not.

use quick_xml::escape::escape;

use super::Book;
use crate::model::draft::DraftId;
use crate::render::Flavor;
use crate::store::Store;

/// The line an author writes where the card goes.
pub const MARKER: &str = "[book]";

/// What stands in the sanitized HTML where the card goes; replaced by the card afterwards.
pub const SLOT: &str = r#"<div class="fumi-book-card-slot"></div>"#;

/// Whether a line (or a paragraph's whole text) is the card's marker.
pub fn is_marker(text: &str) -> bool {
    text.trim() == MARKER
}

/// Markdown with each marker paragraph (a `[book]` line between blank lines, outside code
/// fences, not indented as code) replaced by `card`, for blogs that take Markdown: they pass the
/// card's HTML block through.
pub fn in_markdown(markdown: &str, card: &str) -> String {
    let lines: Vec<&str> = markdown.split_inclusive('\n').collect();
    let blank = |i: Option<&&str>| i.is_none_or(|l| l.trim().is_empty());
    let mut fence: Option<&str> = None;
    let mut out = String::with_capacity(markdown.len());
    for (i, line) in lines.iter().enumerate() {
        let trimmed = line.trim_start();
        match fence {
            Some(open) if trimmed.starts_with(open) => fence = None,
            Some(_) => {}
            None if trimmed.starts_with("```") => fence = Some("```"),
            None if trimmed.starts_with("~~~") => fence = Some("~~~"),
            None if is_marker(line)
                && !line.starts_with("    ")
                && !line.starts_with('\t')
                && blank(i.checked_sub(1).and_then(|p| lines.get(p)))
                && blank(lines.get(i + 1)) =>
            {
                out.push_str(card);
                out.push('\n');
                continue;
            }
            None => {}
        }
        out.push_str(line);
    }
    out
}

/// The card's HTML; `cover_src` is where the page finds the cover (the preview's asset URL,
/// the blog's copy); `affiliate_tag` goes into the purchase link when there is one.
pub fn html(book: &Book, cover_src: Option<&str>, affiliate_tag: &str) -> String {
    let facts = &book.facts;
    let japanese = facts
        .title
        .chars()
        .chain(facts.authors.iter().flat_map(|a| a.chars()))
        .any(|c| matches!(c, '\u{3040}'..='\u{30ff}' | '\u{3400}'..='\u{9fff}'));
    let mut out = String::from(
        r#"<div class="fumi-book-card" style="display:flex;gap:16px;align-items:flex-start;border:1px solid #d8d4cc;border-radius:8px;padding:12px 16px;margin:1.2em 0;max-width:36em;line-height:1.6">"#,
    );
    if let Some(src) = cover_src {
        out.push_str(&format!(
            r#"<img class="fumi-book-cover" src="{}" alt="{}" style="width:96px;height:auto;flex:none;margin:0;box-shadow:0 1px 4px rgba(0,0,0,.25)">"#,
            escape(src),
            escape(&facts.title)
        ));
    }
    out.push_str(r#"<div class="fumi-book-info">"#);
    out.push_str(&format!(
        r#"<div class="fumi-book-title" style="font-weight:bold;font-size:1.1em">{}</div>"#,
        escape(&facts.title)
    ));
    if !facts.authors.is_empty() {
        let separator = if japanese { "、" } else { ", " };
        out.push_str(&format!(
            r#"<div class="fumi-book-authors">{}</div>"#,
            escape(facts.authors.join(separator))
        ));
    }
    let year = facts.published.get(..4).unwrap_or("");
    let publisher = match (facts.publisher.is_empty(), year.is_empty()) {
        (false, false) if japanese => format!("{}（{year}年）", facts.publisher),
        (false, false) => format!("{}, {year}", facts.publisher),
        (false, true) => facts.publisher.clone(),
        (true, false) => year.to_owned(),
        (true, true) => String::new(),
    };
    if !publisher.is_empty() {
        out.push_str(&format!(
            r#"<div class="fumi-book-publisher" style="color:#6b665e;font-size:.9em">{}</div>"#,
            escape(&publisher)
        ));
    }
    if let Some(link) = purchase_link(book, affiliate_tag) {
        out.push_str(&format!(
            r#"<a class="fumi-book-buy" href="{}" rel="nofollow sponsored noopener" style="display:inline-block;margin-top:6px">{}</a>"#,
            escape(&link),
            if japanese { "Amazonで見る" } else { "View on Amazon" }
        ));
    }
    out.push_str("</div></div>");
    out
}

/// The card of a draft's book as `flavor`'s blog shows it, its cover where `cover_src` says,
/// with the settings' associate tag; nothing when the draft has no book (or it cannot be read:
/// the card is not worth an error where the text itself renders).
pub fn for_draft(
    store: &Store,
    draft_id: DraftId,
    cover_src: &dyn Fn(&str) -> Option<String>,
    flavor: Flavor,
) -> Option<String> {
    let book = store.book(draft_id).ok()??;
    if book.is_empty() {
        return None;
    }
    let settings = store.settings().unwrap_or_default();
    let as_asin = flavor == Flavor::Hatena && settings.hatena_book_as_asin;
    Some(for_blog(&book, cover_src, &settings.affiliate_tag, as_asin))
}

/// The book's card as its blog shows it: Hatena's own product card when `as_asin` (and the book
/// has an ISBN-10), else Fumi's, its cover where `cover_src` finds it.
pub fn for_blog(
    book: &Book,
    cover_src: &dyn Fn(&str) -> Option<String>,
    affiliate_tag: &str,
    as_asin: bool,
) -> String {
    if as_asin && let Some(card) = super::asin::card(book, cover_src) {
        return card;
    }
    let cover = book.cover.as_deref().and_then(cover_src);
    html(book, cover.as_deref(), affiliate_tag)
}

/// Amazon.co.jp's page for the ISBN (a search for ISBNs without an ISBN-10), with the author's
/// associate tag when they set one.
pub fn purchase_link(book: &Book, affiliate_tag: &str) -> Option<String> {
    let isbn = book.isbn.as_ref()?;
    let tag = affiliate_tag.trim();
    let tag: String = url::form_urlencoded::byte_serialize(tag.as_bytes()).collect();
    Some(match (isbn.isbn10(), tag.is_empty()) {
        (Some(ten), true) => format!("https://www.amazon.co.jp/dp/{ten}"),
        (Some(ten), false) => format!("https://www.amazon.co.jp/dp/{ten}?tag={tag}"),
        (None, true) => format!("https://www.amazon.co.jp/s?k={isbn}"),
        (None, false) => format!("https://www.amazon.co.jp/s?k={isbn}&tag={tag}"),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::book::BookFacts;

    fn three_body() -> Book {
        Book {
            isbn: Some("9784152098702".parse().expect("isbn")),
            facts: BookFacts {
                title: "三体".into(),
                authors: vec!["劉慈欣".into(), "大森望".into()],
                publisher: "早川書房".into(),
                published: "2019-07-04".into(),
                pages: Some(448),
                cover_url: None,
            },
            ..Book::default()
        }
    }

    #[test]
    fn the_link_carries_the_tag_only_when_there_is_one() {
        assert_eq!(
            purchase_link(&three_body(), "").as_deref(),
            Some("https://www.amazon.co.jp/dp/4152098708")
        );
        assert_eq!(
            purchase_link(&three_body(), " fumi-22 ").as_deref(),
            Some("https://www.amazon.co.jp/dp/4152098708?tag=fumi-22")
        );
        assert_eq!(
            purchase_link(&three_body(), "a&b=c").as_deref(),
            Some("https://www.amazon.co.jp/dp/4152098708?tag=a%26b%3Dc")
        );
        assert_eq!(purchase_link(&Book::default(), "t"), None);
    }

    #[test]
    fn markdown_gets_the_card_on_marker_lines_outside_code() {
        let md = "[book]\n\n```\n[book]\n```\n\n  [book]\n後\n\n    [book]\n\n  [book]\n";
        assert_eq!(
            in_markdown(md, "<div>card</div>"),
            "<div>card</div>\n\n```\n[book]\n```\n\n  [book]\n後\n\n    [book]\n\n<div>card</div>\n"
        );
    }

    #[test]
    fn every_value_is_escaped() {
        let mut book = three_body();
        book.facts.title = r#"<script>"x"</script>"#.into();
        let html = html(&book, Some(r#"x" onerror="alert(1)"#), "");
        assert!(!html.contains("<script>"), "{html}");
        assert!(!html.contains(r#"" onerror"#), "{html}");
        assert!(html.contains("&lt;script&gt;&quot;x&quot;"), "{html}");
    }

    #[test]
    fn a_japanese_book_reads_in_japanese() {
        let html = html(&three_body(), Some("fumi-asset://localhost/abc"), "fumi-22");
        assert!(html.contains("劉慈欣、大森望"), "{html}");
        assert!(html.contains("早川書房（2019年）"), "{html}");
        assert!(html.contains("Amazonで見る"), "{html}");
        assert!(
            html.contains(r#"src="fumi-asset://localhost/abc""#),
            "{html}"
        );
    }
}
