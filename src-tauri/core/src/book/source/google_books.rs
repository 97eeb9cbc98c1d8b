//! Google Books (`googleapis.com/books/v1/volumes?q=isbn:`): a volumes list (`totalItems`,
//! `items[].volumeInfo` with `title`, `subtitle`, `authors`, `publisher`, `publishedDate`,
//! `pageCount`, `imageLinks.thumbnail`); no items when it does not have the book.

use serde_json::Value;

use crate::model::book::BookFacts;

/// Reads the first volume; `None` when there is none.
pub fn parse(body: &str) -> Result<Option<BookFacts>, String> {
    let v: Value = serde_json::from_str(body).map_err(|e| e.to_string())?;
    if !v.is_object() || v.get("kind").and_then(Value::as_str) != Some("books#volumes") {
        return Err("not a volumes list".into());
    }
    let Some(info) = v
        .get("items")
        .and_then(Value::as_array)
        .and_then(|items| items.first())
        .and_then(|item| item.get("volumeInfo"))
    else {
        return Ok(None);
    };
    let text = |key: &str| {
        info.get(key)
            .and_then(Value::as_str)
            .unwrap_or("")
            .trim()
            .to_owned()
    };
    let mut title = text("title");
    let subtitle = text("subtitle");
    if !subtitle.is_empty() {
        title = format!("{title}: {subtitle}");
    }
    let cover = info
        .pointer("/imageLinks/thumbnail")
        .and_then(Value::as_str)
        // Google answers http:// links to an https host.
        .map(|u| u.replacen("http://", "https://", 1));
    Ok(Some(BookFacts {
        title,
        authors: info
            .get("authors")
            .and_then(Value::as_array)
            .map(|a| {
                a.iter()
                    .filter_map(Value::as_str)
                    .map(|s| s.trim().to_owned())
                    .collect()
            })
            .unwrap_or_default(),
        publisher: text("publisher"),
        published: text("publishedDate"),
        pages: info
            .get("pageCount")
            .and_then(Value::as_u64)
            .and_then(|n| u32::try_from(n).ok()),
        cover_url: cover,
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_first_volume() {
        let body = r#"{"kind":"books#volumes","totalItems":1,"items":[{"kind":"books#volume","id":"x",
            "volumeInfo":{"title":"三体","authors":["劉慈欣"],"publisher":"早川書房","publishedDate":"2019-07-04",
            "pageCount":448,"imageLinks":{"thumbnail":"http://books.google.com/books/content?id=x&img=1"}}}]}"#;
        let facts = parse(body).expect("parse").expect("found");
        assert_eq!(facts.title, "三体");
        assert_eq!(facts.authors, ["劉慈欣"]);
        assert_eq!(facts.published, "2019-07-04");
        assert_eq!(facts.pages, Some(448));
        assert_eq!(
            facts.cover_url.as_deref(),
            Some("https://books.google.com/books/content?id=x&img=1")
        );
    }

    #[test]
    fn no_items_is_not_found_and_other_json_an_error() {
        assert_eq!(
            parse(r#"{"kind":"books#volumes","totalItems":0}"#).expect("parse"),
            None
        );
        assert!(parse(r#"{"error":{"code":403}}"#).is_err());
        assert!(parse("<html>").is_err());
    }
}
