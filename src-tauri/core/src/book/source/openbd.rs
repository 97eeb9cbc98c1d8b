//! openBD (`api.openbd.jp/v1/get?isbn=`): a JSON array with one element per ISBN asked, `null`
//! for a book it does not have. Each element has a `summary` (title, author, publisher,
//! pubdate, cover) and the publisher's ONIX record (contributors by role, page count).

use serde_json::Value;

use crate::model::book::BookFacts;

/// Reads openBD's answer for one ISBN; `None` when it does not have the book.
pub fn parse(body: &str) -> Result<Option<BookFacts>, String> {
    let value: Value = serde_json::from_str(body).map_err(|e| e.to_string())?;
    let items = value.as_array().ok_or("not a JSON array")?;
    let Some(item) = items.first() else {
        return Err("an empty array".into());
    };
    if item.is_null() {
        return Ok(None);
    }
    let summary = item.get("summary").ok_or("no summary")?;
    let text = |v: &Value, key: &str| {
        v.get(key)
            .and_then(Value::as_str)
            .unwrap_or("")
            .trim()
            .to_owned()
    };
    let mut title = text(summary, "title");
    let volume = text(summary, "volume");
    if !volume.is_empty() {
        title = format!("{title} {volume}");
    }
    let detail = item.pointer("/onix/DescriptiveDetail");
    // Authors proper (ONIX role A01), not translators or illustrators; the summary's one
    // string ("劉慈欣／著 大森望／訳") only when the record has no roles.
    let mut authors: Vec<String> = detail
        .and_then(|d| d.get("Contributor"))
        .and_then(Value::as_array)
        .map(|cs| {
            cs.iter()
                .filter(|c| {
                    c.get("ContributorRole")
                        .and_then(Value::as_array)
                        .is_some_and(|roles| roles.iter().any(|r| r == "A01"))
                })
                .filter_map(|c| c.pointer("/PersonName/content").and_then(Value::as_str))
                .map(|n| n.trim().to_owned())
                .filter(|n| !n.is_empty())
                .collect()
        })
        .unwrap_or_default();
    if authors.is_empty() {
        authors = text(summary, "author")
            .split([' ', '\u{3000}'])
            .filter(|part| {
                !part.contains("訳") && !part.contains("イラスト") && !part.contains("絵")
            })
            .map(|part| part.split('／').next().unwrap_or(part).trim().to_owned())
            .filter(|n| !n.is_empty())
            .collect();
    }
    let pages = detail
        .and_then(|d| d.get("Extent"))
        .and_then(Value::as_array)
        .and_then(|e| e.first())
        .and_then(|e| e.get("ExtentValue"))
        .and_then(|v| {
            v.as_str()
                .map(str::to_owned)
                .or_else(|| v.as_u64().map(|n| n.to_string()))
        })
        .and_then(|v| v.trim().parse().ok());
    let cover = text(summary, "cover");
    Ok(Some(BookFacts {
        title,
        authors,
        publisher: text(summary, "publisher"),
        published: date(&text(summary, "pubdate")),
        pages,
        cover_url: (!cover.is_empty()).then_some(cover),
    }))
}

/// openBD's dates (`20190704`, `201907`, `2019-07`, `2019`) as `2019-07-04`, `2019-07`, `2019`.
fn date(raw: &str) -> String {
    let digits: String = raw.chars().filter(char::is_ascii_digit).collect();
    match digits.len() {
        8 => format!("{}-{}-{}", &digits[..4], &digits[4..6], &digits[6..]),
        6 => format!("{}-{}", &digits[..4], &digits[4..]),
        4 => digits,
        _ => raw.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_summary_and_the_onix_authors_and_pages() {
        let body = r#"[{"onix":{"DescriptiveDetail":{"Contributor":[
            {"PersonName":{"content":"劉 慈欣"},"ContributorRole":["A01"]},
            {"PersonName":{"content":"大森 望"},"ContributorRole":["B06"]}],
            "Extent":[{"ExtentType":"11","ExtentValue":"448","ExtentUnit":"03"}]}},
            "summary":{"isbn":"9784152098702","title":"三体","volume":"","series":"","publisher":"早川書房",
            "pubdate":"20190704","cover":"https://cover.openbd.jp/9784152098702.jpg","author":"劉慈欣／著 大森望／訳"}}]"#;
        let facts = parse(body).expect("parse").expect("found");
        assert_eq!(facts.title, "三体");
        assert_eq!(facts.authors, ["劉 慈欣"]);
        assert_eq!(facts.publisher, "早川書房");
        assert_eq!(facts.published, "2019-07-04");
        assert_eq!(facts.pages, Some(448));
        assert_eq!(
            facts.cover_url.as_deref(),
            Some("https://cover.openbd.jp/9784152098702.jpg")
        );
    }

    #[test]
    fn without_roles_the_summary_author_without_translators() {
        let body = r#"[{"summary":{"title":"本","author":"著者名／著 訳者名／訳","publisher":"社","pubdate":"2019-07","cover":""}}]"#;
        let facts = parse(body).expect("parse").expect("found");
        assert_eq!(facts.authors, ["著者名"]);
        assert_eq!(facts.published, "2019-07");
        assert_eq!(facts.cover_url, None);
    }

    #[test]
    fn null_is_not_found_and_garbage_is_an_error() {
        assert_eq!(parse("[null]").expect("parse"), None);
        assert!(parse("<html>").is_err());
        assert!(parse("{}").is_err());
        assert!(parse("[]").is_err());
        assert!(parse(r#"[{"onix":{}}]"#).is_err());
    }
}
