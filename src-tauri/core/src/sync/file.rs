//! A draft as a file of the sync folder: blogsync's header (`Title`, `Category`, `Date`,
//! `Draft`; blogsync and Hatena's GitHub workflows read it) with Fumi's own fields under `Fumi`,
//! then the draft's text exactly as the author wrote it, front matter and all. The header is
//! written from the draft and read back only for its title and Fumi's fields: the text is the
//! truth, so a file read gives back exactly the draft that was written.

use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};
use crate::front_matter::{self, FrontMatterStatus};
use crate::model::blog::BlogKind;
use crate::model::sync::Posted;

/// What a sync file holds of a draft.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DraftFile {
    pub title: String,
    pub body: String,
    /// In the trash on the computer that wrote it.
    pub trashed: bool,
    /// The length the author aims for, in characters.
    pub goal_chars: Option<u32>,
    /// The posts the draft became: another computer updates them, never makes new ones.
    pub published: Vec<Posted>,
}

/// blogsync's header, in its own key names and order, and Fumi's part.
#[derive(Debug, Default, Serialize, Deserialize)]
struct Header {
    #[serde(rename = "Title", default)]
    title: String,
    #[serde(rename = "Category", default, skip_serializing_if = "Vec::is_empty")]
    category: Vec<String>,
    #[serde(rename = "Date", default, skip_serializing_if = "Option::is_none")]
    date: Option<String>,
    #[serde(rename = "URL", default, skip_serializing_if = "Option::is_none")]
    url: Option<String>,
    #[serde(rename = "EditURL", default, skip_serializing_if = "Option::is_none")]
    edit_url: Option<String>,
    #[serde(rename = "Draft", default, skip_serializing_if = "std::ops::Not::not")]
    draft: bool,
    #[serde(rename = "Fumi", default, skip_serializing_if = "Own::is_empty")]
    fumi: Own,
}

/// Fumi's own fields (blogsync ignores keys it does not know).
#[derive(Debug, Default, Serialize, Deserialize)]
struct Own {
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    trashed: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    goal: Option<u32>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    published: Vec<Posted>,
}

impl Own {
    fn is_empty(&self) -> bool {
        !self.trashed && self.goal.is_none() && self.published.is_empty()
    }
}

impl DraftFile {
    /// The file's text.
    pub fn write(&self) -> String {
        // A draft whose front matter does not read still syncs: the header just says less.
        let fm = front_matter::split(&self.body)
            .map(|s| s.front_matter)
            .unwrap_or_default();
        // blogsync's own link to the Hatena entry, for blogsync and Hatena's workflows.
        let hatena = self.published.iter().find(|p| p.kind == BlogKind::Hatena);
        let header = Header {
            title: self.title.clone(),
            category: fm.categories.iter().chain(&fm.tags).cloned().collect(),
            date: fm.date,
            url: hatena.and_then(|p| p.url.clone()),
            edit_url: hatena.map(|p| p.id.clone()),
            draft: fm.status == Some(FrontMatterStatus::Draft),
            fumi: Own {
                trashed: self.trashed,
                goal: self.goal_chars,
                published: self.published.clone(),
            },
        };
        // Strings, lists and numbers always serialize.
        let yaml = serde_yaml_ng::to_string(&header).unwrap_or_default();
        // blogsync leaves a blank line after the header; reading takes exactly that one away.
        format!("---\n{yaml}---\n\n{}", self.body)
    }

    /// Reads a file this module wrote (or one edited by hand in the same shape).
    pub fn read(text: &str) -> Result<DraftFile> {
        let bad = |detail: String| Error::FrontMatter {
            line: Some(1),
            detail,
        };
        let (yaml, rest) = front_matter::block(text)
            .ok_or_else(|| bad("a synced draft starts with a --- header".into()))?;
        let header: Header = serde_yaml_ng::from_str(yaml).map_err(|e| Error::FrontMatter {
            line: e.location().map(|l| l.line() + 1),
            detail: e.to_string(),
        })?;
        Ok(DraftFile {
            title: header.title,
            body: rest.strip_prefix('\n').unwrap_or(rest).to_owned(),
            trashed: header.fumi.trashed,
            goal_chars: header.fumi.goal,
            published: header.fumi.published,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn round_trip(file: DraftFile) {
        let text = file.write();
        assert_eq!(DraftFile::read(&text).expect("read"), file, "{text}");
    }

    #[test]
    fn a_draft_comes_back_exactly_as_written() {
        round_trip(DraftFile {
            title: "『三体』を読んで".into(),
            body: "---\ncategories: [読書, SF]\nstatus: draft\n---\n\n本文。\n".into(),
            trashed: false,
            goal_chars: Some(4000),
            published: vec![Posted {
                blog: "https://blog.hatena.ne.jp/u/b/atom".into(),
                kind: BlogKind::Hatena,
                id: "https://blog.hatena.ne.jp/u/b/atom/entry/1".into(),
                url: Some("https://b.hatenablog.com/entry/1".into()),
                sent: Some("ab".into()),
                modified: Some("2026-12-06T00:00:00Z".into()),
                stored: None,
                media: vec![crate::model::sync::PostedMedia {
                    sha256: "ab".repeat(32),
                    id: "hatena:syntax:1".into(),
                    url: "https://cdn-ak.f.st-hatena.com/images/1.png".into(),
                }],
            }],
        });
        for body in [
            "",
            "\n",
            "\n\n冒頭の空行\n",
            "---\n",
            "no newline at the end",
        ] {
            round_trip(DraftFile {
                title: String::new(),
                body: body.into(),
                trashed: true,
                goal_chars: None,
                published: Vec::new(),
            });
        }
    }

    #[test]
    fn the_header_is_blogsyncs() {
        let text = DraftFile {
            title: "題".into(),
            body: "---\ncategories: 読書\ntags: [SF]\ndate: 2026-12-01 09:00\nstatus: draft\n---\n本文\n"
                .into(),
            trashed: false,
            goal_chars: None,
            published: Vec::new(),
        }
        .write();
        assert!(
            text.starts_with(
                "---\nTitle: 題\nCategory:\n- 読書\n- SF\nDate: 2026-12-01 09:00\nDraft: true\n---\n\n---\ncategories"
            ),
            "{text}"
        );
    }
}
