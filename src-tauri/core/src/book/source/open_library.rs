//! Open Library (`openlibrary.org/isbn/{isbn}.json`): the edition's JSON (`title`, `subtitle`,
//! `publishers`, `publish_date`, `number_of_pages`, `covers`), naming its authors by key
//! (`/authors/OL…A`), each read from `{key}.json` (`name`). Unknown ISBNs answer 404.

use serde_json::Value;

use crate::model::book::BookFacts;

/// Reads an edition: its facts (authors still empty) and its authors' keys.
pub fn parse(body: &str) -> Result<(BookFacts, Vec<String>), String> {
    let v: Value = serde_json::from_str(body).map_err(|e| e.to_string())?;
    let edition = v.as_object().ok_or("not a JSON object")?;
    let title = edition
        .get("title")
        .and_then(Value::as_str)
        .ok_or("no title")?
        .trim();
    let title = match edition.get("subtitle").and_then(Value::as_str) {
        Some(sub) if !sub.trim().is_empty() => format!("{title}: {}", sub.trim()),
        _ => title.to_owned(),
    };
    let keys = edition
        .get("authors")
        .and_then(Value::as_array)
        .map(|a| {
            a.iter()
                .filter_map(|x| x.get("key").and_then(Value::as_str))
                // Keys are paths on the same server; anything else is not followed.
                .filter(|k| k.starts_with("/authors/") && !k.contains(['?', '#', '.']))
                .map(str::to_owned)
                .collect()
        })
        .unwrap_or_default();
    let cover = edition
        .get("covers")
        .and_then(Value::as_array)
        .and_then(|c| c.iter().find_map(Value::as_i64))
        .filter(|id| *id > 0)
        .map(|id| format!("https://covers.openlibrary.org/b/id/{id}-L.jpg"));
    let facts = BookFacts {
        title,
        authors: Vec::new(),
        publisher: edition
            .get("publishers")
            .and_then(Value::as_array)
            .and_then(|p| p.first())
            .and_then(Value::as_str)
            .unwrap_or("")
            .trim()
            .to_owned(),
        published: edition
            .get("publish_date")
            .and_then(Value::as_str)
            .map(published)
            .unwrap_or_default(),
        pages: edition
            .get("number_of_pages")
            .and_then(Value::as_u64)
            .and_then(|n| u32::try_from(n).ok()),
        cover_url: cover,
    };
    Ok((facts, keys))
}

/// An author record's name.
pub fn author_name(body: &str) -> Result<String, String> {
    let v: Value = serde_json::from_str(body).map_err(|e| e.to_string())?;
    v.get("name")
        .and_then(Value::as_str)
        .map(|n| n.trim().to_owned())
        .filter(|n| !n.is_empty())
        .ok_or_else(|| "an author without a name".into())
}

/// Open Library's free-text dates ("October 1, 1988", "1988", "2019-07-04") as precisely as
/// they can be read: an ISO date as it is, otherwise the year.
fn published(raw: &str) -> String {
    let raw = raw.trim();
    if raw.parse::<jiff::civil::Date>().is_ok() {
        return raw.to_owned();
    }
    raw.split(|c: char| !c.is_ascii_digit())
        .find(|part| part.len() == 4)
        .unwrap_or(raw)
        .to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_an_edition_and_its_author_keys() {
        let body = r#"{"title":"The Three-Body Problem","subtitle":"","authors":[{"key":"/authors/OL7163476A"}],
            "publishers":["Tor Books"],"publish_date":"Nov 11, 2014","number_of_pages":400,"covers":[8231856],
            "isbn_13":["9780765377067"],"key":"/books/OL25782327M"}"#;
        let (facts, keys) = parse(body).expect("parse");
        assert_eq!(facts.title, "The Three-Body Problem");
        assert_eq!(keys, ["/authors/OL7163476A"]);
        assert_eq!(facts.publisher, "Tor Books");
        assert_eq!(facts.published, "2014");
        assert_eq!(facts.pages, Some(400));
        assert_eq!(
            facts.cover_url.as_deref(),
            Some("https://covers.openlibrary.org/b/id/8231856-L.jpg")
        );
        assert_eq!(
            author_name(r#"{"name":"Cixin Liu"}"#).expect("name"),
            "Cixin Liu"
        );
    }

    #[test]
    fn garbage_and_foreign_keys_are_refused() {
        assert!(parse("[]").is_err());
        assert!(parse("{}").is_err());
        let (_, keys) =
            parse(r#"{"title":"t","authors":[{"key":"https://evil.example/x"}]}"#).expect("parse");
        assert!(keys.is_empty());
        assert!(author_name("{}").is_err());
    }
}
