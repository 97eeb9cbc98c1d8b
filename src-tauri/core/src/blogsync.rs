//! Files in blogsync's format (github.com/x-motemen/blogsync, `entry.go`): Markdown with a YAML
//! header of `Title`, `Category`, `Date`, `URL`, `EditURL`, `Draft` and `CustomPath`. Exporting
//! and importing keeps the link to the Hatena entry (`EditURL`), so blogsync users move in and out
//! without losing it.

use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};
use crate::front_matter::{self, FrontMatter, FrontMatterStatus};
use crate::model::blog::{Blog, BlogKind};
use crate::model::draft::DraftId;
use crate::model::post::RemotePost;
use crate::store::Store;

/// blogsync's header, in its own key names and order.
#[derive(Debug, Default, Clone, PartialEq, Eq, Serialize, Deserialize)]
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
    #[serde(
        rename = "PreviewURL",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    preview_url: Option<String>,
    #[serde(rename = "Draft", default, skip_serializing_if = "std::ops::Not::not")]
    draft: bool,
    #[serde(
        rename = "CustomPath",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    custom_path: Option<String>,
}

/// A draft as a blogsync file for `blog` (its entry's URLs when the draft was published there).
pub fn export(store: &Store, blog: &Blog, draft_id: DraftId) -> Result<String> {
    let draft = store.draft(draft_id)?;
    let split = front_matter::split(&draft.body)?;
    let fm = split.front_matter;
    let publication = store.publication(draft_id, blog.id)?;
    let date = fm
        .date
        .as_deref()
        .map(front_matter::parse_date)
        .transpose()?
        .map(|t| {
            t.to_zoned(jiff::tz::TimeZone::system())
                .strftime("%Y-%m-%dT%H:%M:%S%:z")
                .to_string()
        });
    let header = Header {
        title: draft.title,
        category: fm.categories.iter().chain(&fm.tags).cloned().collect(),
        date,
        url: publication.as_ref().and_then(|p| p.remote_url.clone()),
        edit_url: publication.and_then(|p| p.remote_id),
        preview_url: None,
        draft: fm.status == Some(FrontMatterStatus::Draft),
        custom_path: fm.slug,
    };
    // Serializing strings and lists to YAML cannot fail.
    let yaml = serde_yaml_ng::to_string(&header).unwrap_or_default();
    Ok(format!(
        "---\n{yaml}---\n\n{}",
        split.body.trim_start_matches('\n')
    ))
}

/// A blogsync file read: the draft it becomes, and its link to the Hatena entry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    pub title: String,
    /// The draft's text: the header's settings as front matter, then the entry's Markdown.
    pub body: String,
    /// The entry's AtomPub address, when the file was pulled from the blog.
    pub edit_url: Option<String>,
    /// The entry's public (or preview) address.
    pub url: String,
    /// The entry's Markdown as blogsync last pulled it.
    pub content: String,
}

impl Entry {
    /// Reads a blogsync file.
    pub fn read(text: &str) -> Result<Entry> {
        let (yaml, body) = front_matter::block(text).ok_or(Error::FrontMatter {
            line: Some(1),
            detail: "a blogsync file starts with a --- header".into(),
        })?;
        let header: Header = serde_yaml_ng::from_str(yaml).map_err(|e| Error::FrontMatter {
            line: e.location().map(|l| l.line() + 1),
            detail: e.to_string(),
        })?;
        let fm = FrontMatter {
            slug: header.custom_path.filter(|s| !s.is_empty()),
            categories: header.category,
            date: header.date,
            status: header.draft.then_some(FrontMatterStatus::Draft),
            ..FrontMatter::default()
        };
        let content = body.trim_start_matches('\n').to_owned();
        Ok(Entry {
            body: format!("{}{content}", front_matter::to_block(&fm)),
            title: header.title,
            edit_url: header.edit_url.filter(|u| !u.is_empty()),
            url: header.preview_url.or(header.url).unwrap_or_default(),
            content,
        })
    }

    /// Links a draft made from this entry to it on `blog`, so publishing it updates the entry.
    pub fn link(&self, store: &mut Store, draft: DraftId, blog: &Blog) -> Result<()> {
        let Some(edit_url) = &self.edit_url else {
            return Ok(());
        };
        // The file holds the entry as blogsync last pulled it: the first publish compares the
        // blog's entry with that, so a later edit on the web is never overwritten unasked.
        let pulled = RemotePost {
            title: self.title.clone(),
            html: self.content.clone(),
            ..RemotePost::default()
        };
        store.link_publication(draft, blog.id, edit_url, &self.url, &pulled.fingerprint())
    }

    /// The author's Hatena blog this entry belongs to: the one whose AtomPub root its
    /// `EditURL` is under.
    pub fn blog_among<'b>(&self, blogs: &'b [Blog]) -> Option<&'b Blog> {
        let edit_url = self.edit_url.as_deref()?;
        blogs.iter().find(|b| {
            b.kind == BlogKind::Hatena
                && edit_url.starts_with(&format!("{}/", b.site_url.trim_end_matches('/')))
        })
    }
}

/// Makes a draft from a blogsync file; with an `EditURL`, the draft is linked to that entry of
/// `blog`, so publishing it updates the entry.
pub fn import(store: &mut Store, blog: &Blog, text: &str) -> Result<DraftId> {
    let entry = Entry::read(text)?;
    let draft = store.create_draft(&entry.title, &entry.body)?;
    entry.link(store, draft.id, blog)?;
    Ok(draft.id)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_blogsyncs_header() {
        let text = "---\nTitle: '所内 #2'\nCategory:\n- 日記\nDate: 2012-12-18T00:00:00+09:00\nURL: https://b.hatenablog.com/entry/2012/12/18/000000\nEditURL: https://blog.hatena.ne.jp/u/b/atom/entry/12921228815728100025\nDraft: true\nCustomPath: 2012/12/18/000000\n---\n\n本文\n";
        let (yaml, body) = front_matter::block(text).unwrap();
        let h: Header = serde_yaml_ng::from_str(yaml).unwrap();
        assert_eq!(h.title, "所内 #2");
        assert_eq!(h.category, ["日記"]);
        assert!(h.draft);
        assert_eq!(
            h.edit_url.as_deref(),
            Some("https://blog.hatena.ne.jp/u/b/atom/entry/12921228815728100025")
        );
        assert_eq!(body, "\n本文\n");
    }
}
