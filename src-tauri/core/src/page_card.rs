//! The card of an embedded page (`[URL:embed]`), as Hatena draws it: the page's own title,
//! description, site name and image, read from its Open Graph metadata (else its `<title>`).
//! A page is read once and its card kept in the database; reading it again is the author's
//! choice.

use std::cell::RefCell;

use crate::error::{Error, Result};
use crate::html_scan::{TagsAndText, scan};
use crate::model::draft::Millis;
use crate::model::page_card::PageCard;
use crate::web_page;
use html5ever::tendril::StrTendril;
use html5ever::tokenizer::{Tag, TagKind, TokenSinkResult, states::RawKind};

/// The largest page read for a card.
const MAX_PAGE_BYTES: usize = 2 * 1024 * 1024;

/// Reads `url` and makes its card.
pub async fn fetch(url: &str, now: Millis) -> Result<PageCard> {
    let failed = |detail: String| Error::PageCardFailed {
        url: url.to_owned(),
        detail,
    };
    let parsed = url::Url::parse(url).map_err(|e| failed(e.to_string()))?;
    // Pages are a few hundred KiB; one larger is not read (its card shows the address).
    let (at, html) = web_page::read(&parsed, MAX_PAGE_BYTES)
        .await
        .map_err(failed)?;
    Ok(read(url, &at, &html, now))
}

/// The card of the page at `url` whose HTML is `html` (`at`: where it was read, for relative
/// image addresses).
pub fn read(url: &str, at: &url::Url, html: &str, now: Millis) -> PageCard {
    let meta = Meta::of(html);
    let host = at.host_str().unwrap_or_default().to_owned();
    let title = meta
        .get("og:title")
        .or_else(|| meta.get("twitter:title"))
        .or_else(|| (!meta.title.trim().is_empty()).then(|| meta.title.trim().to_owned()))
        .unwrap_or_else(|| url.to_owned());
    PageCard {
        url: url.to_owned(),
        title,
        description: meta
            .get("og:description")
            .or_else(|| meta.get("description"))
            .unwrap_or_default(),
        site: meta.get("og:site_name").unwrap_or(host),
        image: meta
            .get("og:image")
            .or_else(|| meta.get("twitter:image"))
            .and_then(|src| at.join(&src).ok())
            .filter(|u| matches!(u.scheme(), "http" | "https"))
            .map(String::from),
        fetched_at: now,
    }
}

/// A page's `<title>` and its `<meta>` values by `property` or `name`, first one kept.
#[derive(Default)]
struct Meta {
    title: String,
    values: Vec<(String, String)>,
}

impl Meta {
    fn of(html: &str) -> Meta {
        let sink = Sink {
            meta: RefCell::new(Meta::default()),
            in_title: RefCell::new(false),
        };
        scan(html, sink).meta.into_inner()
    }

    fn get(&self, key: &str) -> Option<String> {
        self.values
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(key))
            .map(|(_, v)| v.trim().to_owned())
            .filter(|v| !v.is_empty())
    }
}

/// Collects `<title>` and `<meta>` as the tokenizer meets them (no tree is built).
struct Sink {
    meta: RefCell<Meta>,
    in_title: RefCell<bool>,
}

impl TagsAndText for Sink {
    fn text(&self, text: &StrTendril) {
        if *self.in_title.borrow() {
            self.meta.borrow_mut().title.push_str(text);
        }
    }

    fn tag(&self, tag: &Tag) -> TokenSinkResult<()> {
        let name = &*tag.name;
        if tag.kind == TagKind::EndTag {
            if name == "title" {
                *self.in_title.borrow_mut() = false;
            }
            return TokenSinkResult::Continue;
        }
        match name {
            "title" => {
                *self.in_title.borrow_mut() = true;
                TokenSinkResult::RawData(RawKind::Rcdata)
            }
            // Their text is not markup: read as the browser reads it.
            "script" => TokenSinkResult::RawData(RawKind::ScriptData),
            "style" | "noscript" | "noframes" | "xmp" | "iframe" | "noembed" => {
                TokenSinkResult::RawData(RawKind::Rawtext)
            }
            "meta" => {
                let attribute = |key: &str| -> Option<StrTendril> {
                    tag.attrs
                        .iter()
                        .find(|a| &*a.name.local == key)
                        .map(|a| a.value.clone())
                };
                if let (Some(key), Some(content)) = (
                    attribute("property").or_else(|| attribute("name")),
                    attribute("content"),
                ) {
                    self.meta
                        .borrow_mut()
                        .values
                        .push((key.to_string(), content.to_string()));
                }
                TokenSinkResult::Continue
            }
            _ => TokenSinkResult::Continue,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_open_graph_metadata_makes_the_card_and_the_title_stands_in() {
        let at = url::Url::parse("https://example.com/articles/1").expect("url");
        let html = r#"<!doctype html><html><head><title>Page &amp; title</title>
            <script>var s = "<meta property='og:title' content='no'>";</script>
            <meta property="og:title" content="『三体』を読む">
            <meta name="description" content="SFの傑作。">
            <meta property="og:site_name" content="読書記録">
            <meta property="og:image" content="/img/cover.jpg">
            </head><body></body></html>"#;
        let card = read("https://example.com/articles/1", &at, html, 7);
        assert_eq!(card.title, "『三体』を読む");
        assert_eq!(card.description, "SFの傑作。");
        assert_eq!(card.site, "読書記録");
        assert_eq!(
            card.image.as_deref(),
            Some("https://example.com/img/cover.jpg")
        );
        let bare = read(
            "https://example.com/x",
            &at,
            "<title>Page &amp; title</title>",
            7,
        );
        assert_eq!(bare.title, "Page & title");
        assert_eq!(bare.site, "example.com");
        assert_eq!(bare.image, None);
        let javascript = read(
            "https://example.com/x",
            &at,
            r#"<meta property="og:image" content="javascript:alert(1)">"#,
            7,
        );
        assert_eq!(javascript.image, None);
    }
}
