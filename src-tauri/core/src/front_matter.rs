//! The post's own settings, written by the author at the top of the draft between `---` lines:
//!
//! ```text
//! ---
//! categories: [読書, SF]
//! tags: 劉慈欣
//! slug: three-body
//! excerpt: 文化大革命から始まるSF。
//! date: 2026-12-01 09:00        # in the future: scheduled
//! status: draft                 # or publish (the default)
//! featured_image: /home/me/cover.jpg
//! ---
//! ```
//!
//! The block is YAML. The preview and the published post never show it.

use serde::{Deserialize, Deserializer, Serialize};

use crate::error::{Error, Result};

/// The settings a draft's front matter may carry; every key is optional.
#[cfg_attr(feature = "bindings", derive(specta::Type))]
#[derive(Debug, Default, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct FrontMatter {
    /// A title kept with the settings (Fumi's own export files, other tools' files); what is
    /// published is the draft's title.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// The last part of the post's address.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub slug: Option<String>,
    /// The summary blogs show in lists and feeds.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub excerpt: Option<String>,
    /// Category names; missing ones are created on the blog.
    #[serde(
        default,
        alias = "category",
        deserialize_with = "one_or_many",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub categories: Vec<String>,
    /// Tag names; missing ones are created on the blog.
    #[serde(
        default,
        alias = "tag",
        deserialize_with = "one_or_many",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub tags: Vec<String>,
    /// The post's date as typed (`2026-12-01 09:00`, local time, or RFC 3339); a future date
    /// schedules the post.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    /// `draft` keeps the post unpublished on the blog; `publish` (the default) shows it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<FrontMatterStatus>,
    /// An image (local path or `fumi-asset:` reference) shown as the post's featured image.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub featured_image: Option<String>,
}

/// The `status` key's values.
#[cfg_attr(feature = "bindings", derive(specta::Type))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum FrontMatterStatus {
    Draft,
    Publish,
}

/// A draft split into its front matter and the Markdown after it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Split<'a> {
    pub front_matter: FrontMatter,
    /// The Markdown body without the front matter block.
    pub body: &'a str,
}

/// The delimiter line that opens and closes the block (comrak hides the same block).
pub const DELIMITER: &str = "---";

/// Splits a draft into front matter and body. A draft without a block has default settings.
pub fn split(markdown: &str) -> Result<Split<'_>> {
    let Some((yaml, body)) = block(markdown) else {
        return Ok(Split {
            front_matter: FrontMatter::default(),
            body: markdown,
        });
    };
    let front_matter = if yaml.trim().is_empty() {
        FrontMatter::default()
    } else {
        serde_yaml_ng::from_str(yaml).map_err(|e| Error::FrontMatter {
            // +1: the opening `---` is line 1 of the draft.
            line: e.location().map(|l| l.line() + 1),
            detail: e.to_string(),
        })?
    };
    Ok(Split { front_matter, body })
}

/// Reads a date as authors write it: RFC 3339 with an offset, or a local date and time
/// (`2026-12-01 09:00`), or a local date (midnight).
pub fn parse_date(value: &str) -> Result<jiff::Timestamp> {
    let value = value.trim();
    let bad = || Error::BadDate {
        value: value.to_owned(),
    };
    if let Ok(t) = value.parse::<jiff::Timestamp>() {
        return Ok(t);
    }
    let civil = value
        .parse::<jiff::civil::DateTime>()
        .or_else(|_| {
            value
                .parse::<jiff::civil::Date>()
                .map(|d| d.to_datetime(jiff::civil::Time::midnight()))
        })
        .map_err(|_| bad())?;
    civil
        .to_zoned(jiff::tz::TimeZone::system())
        .map(|z| z.timestamp())
        .map_err(|_| bad())
}

/// Writes front matter back as a block, or nothing when every key is empty.
pub fn to_block(front_matter: &FrontMatter) -> String {
    if *front_matter == FrontMatter::default() {
        return String::new();
    }
    // Serializing plain strings and lists to YAML cannot fail.
    let yaml = serde_yaml_ng::to_string(front_matter).unwrap_or_default();
    let block = format!("{DELIMITER}\n{yaml}{DELIMITER}\n\n");
    if split(&block).is_ok_and(|read| read.front_matter == *front_matter) {
        return block;
    }
    // The YAML emitter takes U+0085, U+2028 and U+2029 for line breaks and may write them bare
    // in a block scalar, which then reads back otherwise. JSON is YAML too: one flow mapping,
    // with every character YAML would not take bare escaped.
    let json = serde_json::to_string(front_matter).unwrap_or_default();
    format!("{DELIMITER}\n{}\n{DELIMITER}\n\n", escape_for_yaml(&json))
}

/// JSON with the characters YAML 1.1 reads as line breaks or does not print escaped as `\uXXXX`
/// (a JSON string escape that YAML's double-quoted scalars read the same).
fn escape_for_yaml(json: &str) -> String {
    let mut out = String::with_capacity(json.len());
    for c in json.chars() {
        match c {
            '\u{7f}'..='\u{9f}' | '\u{2028}' | '\u{2029}' | '\u{fffe}' | '\u{ffff}' => {
                out.push_str(&format!("\\u{:04x}", c as u32));
            }
            _ => out.push(c),
        }
    }
    out
}

/// The YAML between the delimiter lines and the text after the closing one, if the draft starts
/// with a settings block: a `---` … `---` block that holds a YAML mapping (or nothing). A block
/// that is no mapping (`---`, a paragraph, `---`: a rule and a heading) is the author's text.
/// One that reads as a mapping gone wrong (its first line starts `key:`) stays settings, so that
/// a publish says where it is broken rather than printing it.
pub(crate) fn block(markdown: &str) -> Option<(&str, &str)> {
    let (yaml, body) = delimited(markdown)?;
    is_settings(yaml).then_some((yaml, body))
}

/// Whether the text of a delimited block is settings (see [`block`]).
fn is_settings(yaml: &str) -> bool {
    if yaml.trim().is_empty() {
        return true;
    }
    match serde_yaml_ng::from_str::<serde_yaml_ng::Value>(yaml) {
        Ok(value) => value.is_mapping(),
        Err(_) => yaml
            .lines()
            .map(str::trim)
            .find(|line| !line.is_empty() && !line.starts_with('#'))
            .is_some_and(starts_with_a_key),
    }
}

/// Whether a line opens with a YAML key (`featured_image:`, `tags:`).
fn starts_with_a_key(line: &str) -> bool {
    let key_len = line
        .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_' || c == '-'))
        .unwrap_or(line.len());
    key_len > 0 && line[key_len..].starts_with(':')
}

/// Any block between delimiter lines at the very start of the draft.
fn delimited(markdown: &str) -> Option<(&str, &str)> {
    let rest = markdown
        .strip_prefix(DELIMITER)?
        .strip_prefix('\n')
        .or_else(|| markdown.strip_prefix("---\r\n"))?;
    let mut offset = 0;
    for line in rest.split_inclusive('\n') {
        if line.trim_end_matches(['\r', '\n']) == DELIMITER {
            let body = &rest[offset + line.len()..];
            return Some((&rest[..offset], body));
        }
        offset += line.len();
    }
    None
}

/// Accepts `tags: 一冊` as well as `tags: [一冊, 二冊]`.
fn one_or_many<'de, D: Deserializer<'de>>(d: D) -> std::result::Result<Vec<String>, D::Error> {
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum OneOrMany {
        One(String),
        Many(Vec<String>),
    }
    Ok(match OneOrMany::deserialize(d)? {
        OneOrMany::One(s) => vec![s],
        OneOrMany::Many(v) => v,
    }
    .into_iter()
    .map(|s| s.trim().to_owned())
    .filter(|s| !s.is_empty())
    .collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_every_key() {
        let s = split("---\ncategories: [読書, SF]\ntags: 劉慈欣\nslug: three-body\nexcerpt: 要約\ndate: 2026-12-01 09:00\nstatus: draft\nfeatured_image: /tmp/c.png\n---\n# 本文\n").unwrap();
        assert_eq!(s.body, "# 本文\n");
        let f = s.front_matter;
        assert_eq!(f.categories, ["読書", "SF"]);
        assert_eq!(f.tags, ["劉慈欣"]);
        assert_eq!(f.slug.as_deref(), Some("three-body"));
        assert_eq!(f.date.as_deref(), Some("2026-12-01 09:00"));
        assert_eq!(f.status, Some(FrontMatterStatus::Draft));
        assert_eq!(f.featured_image.as_deref(), Some("/tmp/c.png"));
    }

    #[test]
    fn no_block_means_defaults_and_the_whole_text() {
        let s = split("# 本文\n---\nnot: front matter\n").unwrap();
        assert_eq!(s.front_matter, FrontMatter::default());
        assert_eq!(s.body, "# 本文\n---\nnot: front matter\n");
        // An opening line without a closing one is just a thematic break.
        assert_eq!(split("---\n本文").unwrap().body, "---\n本文");
    }

    #[test]
    fn a_typo_names_the_line() {
        let e = split("---\nslug: a\ncategries: [x]\n---\n").unwrap_err();
        assert_eq!(e.code(), "front_matter");
        let Error::FrontMatter { line, detail } = &e else {
            panic!("{e:?}")
        };
        assert_eq!(*line, Some(3), "{detail}");
        assert!(detail.contains("categries"), "{detail}");
    }

    #[test]
    fn dates_in_three_spellings() {
        assert_eq!(
            parse_date("2026-12-01T09:00:00+09:00").unwrap().to_string(),
            "2026-12-01T00:00:00Z"
        );
        assert!(parse_date("2026-12-01 09:00").is_ok());
        assert!(parse_date("2026-12-01").is_ok());
        assert_eq!(parse_date("来週").unwrap_err().code(), "bad_date");
    }

    #[test]
    fn round_trips_through_a_block() {
        let f = FrontMatter {
            categories: vec!["読書".into()],
            slug: Some("a".into()),
            ..FrontMatter::default()
        };
        let text = format!("{}本文", to_block(&f));
        assert_eq!(split(&text).unwrap().front_matter, f);
        assert_eq!(to_block(&FrontMatter::default()), "");
    }

    #[test]
    fn text_with_unicode_line_separators_round_trips_through_a_block() {
        // Found by the fuzz target: YAML's emitter wrote U+2028 bare in a block scalar.
        for f in [
            FrontMatter {
                excerpt: Some("5- c0\u{2028}\n\u{2028}ate89\u{2028}".into()),
                ..FrontMatter::default()
            },
            FrontMatter {
                excerpt: Some("一行目\u{2029}\n二行目\u{85}".into()),
                tags: vec!["一\u{2028}二".into()],
                ..FrontMatter::default()
            },
        ] {
            let text = format!("{}本文", to_block(&f));
            let read = split(&text).expect("the block parses");
            assert_eq!(read.front_matter, f, "{text:?}");
            assert_eq!(read.body.trim_start(), "本文");
        }
    }
}
