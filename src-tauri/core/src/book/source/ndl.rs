//! National Diet Library Search's OpenSearch (`ndlsearch.ndl.go.jp/api/opensearch?isbn=`): an
//! RSS 2.0 feed whose items carry DC-NDL elements (`dc:title`, `dc:creator` as "姓, 名",
//! `dc:publisher`, `dcterms:issued` as "2018.7", `dc:extent` as "349p"); no item when the
//! library does not have the book.

use crate::model::book::BookFacts;
use crate::publish::atom;

/// Reads NDL Search's feed; `None` when it has no item.
pub fn parse(body: &str) -> Result<Option<BookFacts>, String> {
    // The element tree keeps local names: `dc:title` and the item's own `<title>` are both
    // "title", and they hold the same text.
    let rss = atom::parse(body)?;
    if rss.name != "rss" {
        return Err(format!("a <{}> document, not RSS", rss.name));
    }
    let channel = rss.child("channel").ok_or("no channel")?;
    let Some(item) = channel.child("item") else {
        return Ok(None);
    };
    let title = item.child_text("title").trim().to_owned();
    let authors = item
        .children("creator")
        .map(|c| name(c.text.trim()))
        .filter(|n| !n.is_empty())
        .collect();
    // A publisher "(発売)" only distributes the book.
    let publisher = item
        .children("publisher")
        .map(|p| p.text.trim())
        .find(|p| !p.is_empty() && !p.contains("(発売)"))
        .unwrap_or_default()
        .to_owned();
    let issued = item.child_text("issued");
    let published = issued
        .trim()
        .split('.')
        .enumerate()
        .map(|(i, part)| {
            if i == 0 {
                part.to_owned()
            } else {
                format!("{part:0>2}")
            }
        })
        .collect::<Vec<_>>()
        .join("-");
    let pages = item
        .child_text("extent")
        .trim()
        .split(|c: char| !c.is_ascii_digit())
        .next()
        .and_then(|n| n.parse().ok());
    Ok(Some(BookFacts {
        title,
        authors,
        publisher,
        published,
        pages,
        cover_url: None,
    }))
}

/// The catalogue's "姓, 名" as the name is written: 劉慈欣, Robert C Martin.
fn name(catalogued: &str) -> String {
    match catalogued.split_once(", ") {
        Some((family, given)) if family.is_ascii() => format!("{given} {family}"),
        Some((family, given)) => format!("{family}{given}"),
        None => catalogued.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const FEED: &str = r#"<rss xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:openSearch="http://a9.com/-/spec/opensearchrss/1.0/" xmlns:dcndl="http://ndl.go.jp/dcndl/terms/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" version="2.0"><channel>
        <title>9784152098702 - 国立国会図書館サーチ OpenSearch</title>
        <openSearch:totalResults>1</openSearch:totalResults>
        <item>
          <title>三体</title>
          <link>https://ndlsearch.ndl.go.jp/books/R100000002-I029749456</link>
          <author>劉, 慈欣,大森, 望,劉慈欣 著,大森望 訳</author>
          <dc:title>三体</dc:title>
          <dc:creator>劉, 慈欣</dc:creator>
          <dc:publisher>早川書房</dc:publisher>
          <dc:publisher>KADOKAWA (発売)</dc:publisher>
          <dcterms:issued>2019.7</dcterms:issued>
          <dc:extent>447p</dc:extent>
          <dc:identifier xsi:type="dcndl:ISBN">978-4-15-209870-2</dc:identifier>
        </item></channel></rss>"#;

    #[test]
    fn reads_the_first_item() {
        let facts = parse(FEED).expect("parse").expect("found");
        assert_eq!(facts.title, "三体");
        assert_eq!(facts.authors, ["劉慈欣"]);
        assert_eq!(facts.publisher, "早川書房");
        assert_eq!(facts.published, "2019-07");
        assert_eq!(facts.pages, Some(447));
        assert_eq!(name("Martin, Robert C"), "Robert C Martin");
    }

    #[test]
    fn no_item_is_not_found_and_other_documents_are_errors() {
        let empty = r#"<rss version="2.0"><channel><title>x</title><openSearch:totalResults xmlns:openSearch="http://a9.com/-/spec/opensearchrss/1.0/">0</openSearch:totalResults></channel></rss>"#;
        assert_eq!(parse(empty).expect("parse"), None);
        assert!(parse("<html><body>busy</body></html>").is_err());
        assert!(parse("not xml <<<").is_err());
    }
}
