//! Posts and images as they travel between Fumi and a blog.

use serde::Serialize;

use sha2::{Digest, Sha256};

/// Whether a post goes out to readers or stays a draft on the blog.
#[cfg_attr(feature = "bindings", derive(specta::Type))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum RemoteStatus {
    /// Saved on the blog, not visible to readers.
    Draft,
    /// Visible to readers (from its date on, if that is in the future).
    #[default]
    Publish,
}

impl RemoteStatus {
    /// The status word blogs use (`draft`, `publish`).
    pub fn as_str(self) -> &'static str {
        match self {
            RemoteStatus::Draft => "draft",
            RemoteStatus::Publish => "publish",
        }
    }
}

/// A post as Fumi sends it.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct OutgoingPost {
    pub title: String,
    /// The rendered, sanitized HTML body, its images pointing at the blog's copies.
    pub html: String,
    /// The Markdown body (front matter left out), its images pointing at the blog's copies, for
    /// blogs that render Markdown themselves (Hatena's Markdown mode).
    pub markdown: String,
    pub status: RemoteStatus,
    /// The post's date; a future date with [`RemoteStatus::Publish`] schedules it.
    pub date: Option<jiff::Timestamp>,
    pub slug: Option<String>,
    pub excerpt: Option<String>,
    /// Category names, as the author wrote them.
    pub categories: Vec<String>,
    /// Tag names, as the author wrote them.
    pub tags: Vec<String>,
    /// The blog's copy of the featured image.
    pub featured_media: Option<RemoteMedia>,
}

impl OutgoingPost {
    /// Whether the post waits for its date before readers see it.
    pub fn is_scheduled(&self) -> bool {
        self.status == RemoteStatus::Publish
            && self.date.is_some_and(|d| d > jiff::Timestamp::now())
    }

    /// Whether `remote` is most likely the post a create of `self`, begun at `since`, made: the
    /// same title, and the same body (as HTML or Markdown) or a modification since the attempt.
    /// `modified` is the remote modification time as the blog kind reads it.
    pub(crate) fn made(
        &self,
        remote: &RemotePost,
        modified: Option<jiff::Timestamp>,
        since: jiff::Timestamp,
    ) -> bool {
        // Clocks differ between here and the blog: allow a minute.
        let since = since - jiff::SignedDuration::from_secs(60);
        remote.title == self.title
            && (remote.html == self.html
                || remote.html == self.markdown
                || modified.is_some_and(|m| m >= since))
    }

    /// The [`RemotePost::fingerprint`]s the blog holds once it stored this post, as HTML or as
    /// Markdown (space-separated).
    pub fn fingerprints(&self) -> String {
        format!(
            "{} {}",
            sha256_hex(&[&self.title, &self.html]),
            sha256_hex(&[&self.title, &self.markdown])
        )
    }

    /// A fingerprint of everything sent, to tell later whether the draft changed since.
    pub fn content_hash(&self) -> String {
        let status = self.status.as_str();
        let date = self.date.map(|d| d.to_string()).unwrap_or_default();
        let media = self
            .featured_media
            .as_ref()
            .map(|m| m.id.as_str())
            .unwrap_or("");
        sha256_hex(&[
            &self.title,
            &self.html,
            status,
            &date,
            self.slug.as_deref().unwrap_or(""),
            self.excerpt.as_deref().unwrap_or(""),
            &self.categories.join("\u{1f}"),
            &self.tags.join("\u{1f}"),
            media,
        ])
    }
}

/// Where a post stands on its blog, as its answer said (WordPress's words; Hatena's and
/// MetaWeblog's answers are read into them as they arrive). The database keeps the word.
#[cfg_attr(feature = "bindings", derive(specta::Type))]
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
#[serde(into = "String")]
pub enum PostState {
    /// Public.
    #[default]
    Published,
    /// Public from its date on.
    Scheduled,
    Draft,
    /// Waiting for an editor's review.
    Pending,
    Private,
    /// In the blog's trash: gone, for Fumi.
    Trash,
    /// A word Fumi does not know (a plugin's status), kept as the blog said it.
    Other(String),
}

impl PostState {
    /// The state a blog's status word names.
    pub fn from_word(word: &str) -> PostState {
        match word {
            "publish" => PostState::Published,
            "future" => PostState::Scheduled,
            "draft" => PostState::Draft,
            "pending" => PostState::Pending,
            "private" => PostState::Private,
            "trash" => PostState::Trash,
            other => PostState::Other(other.to_owned()),
        }
    }

    /// The word the database keeps (WordPress's).
    pub fn as_word(&self) -> &str {
        match self {
            PostState::Published => "publish",
            PostState::Scheduled => "future",
            PostState::Draft => "draft",
            PostState::Pending => "pending",
            PostState::Private => "private",
            PostState::Trash => "trash",
            PostState::Other(word) => word,
        }
    }

    /// Whether readers see it now or will from its date.
    pub fn is_public(&self) -> bool {
        matches!(self, PostState::Published | PostState::Scheduled)
    }
}

impl From<PostState> for String {
    fn from(state: PostState) -> String {
        state.as_word().to_owned()
    }
}

impl std::fmt::Display for PostState {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_word())
    }
}

/// A blog's time as any of the kinds writes it: RFC 3339 (Hatena's `edited`), a UTC time
/// without a zone (WordPress's `modified_gmt`), or XML-RPC's `20261128T15:40:00`; `None` for
/// anything else (an empty field).
pub fn parse_blog_time(text: &str) -> Option<jiff::Timestamp> {
    let text = text.trim();
    let utc = |dt: jiff::civil::DateTime| dt.to_zoned(jiff::tz::TimeZone::UTC).ok();
    text.parse::<jiff::Timestamp>()
        .ok()
        .or_else(|| text.parse().ok().and_then(utc).map(|z| z.timestamp()))
        .or_else(|| {
            jiff::civil::DateTime::strptime("%Y%m%dT%H:%M:%S", text.trim_end_matches('Z'))
                .ok()
                .and_then(utc)
                .map(|z| z.timestamp())
        })
}

/// A post as the blog holds it.
#[cfg_attr(feature = "bindings", derive(specta::Type))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Default)]
pub struct RemotePost {
    /// The blog's id for the post (a string: some blogs' ids exceed 64 bits).
    pub id: String,
    /// Where readers (or, for drafts, the author) find it.
    pub url: String,
    pub title: String,
    /// The stored HTML body.
    pub html: String,
    /// The post as the blog shows it, where its answer carries that: Hatena's
    /// `hatena:formatted-content`, WordPress's `content.rendered`.
    pub rendered: Option<String>,
    /// Where the post stands on the blog, read from its answer.
    pub status: PostState,
    /// The blog's last-modified time, read from its answer, for noticing edits made on the web.
    // jiff serializes a timestamp as an RFC 3339 string.
    #[cfg_attr(feature = "bindings", specta(type = Option<String>))]
    pub modified: Option<jiff::Timestamp>,
    pub slug: String,
    pub excerpt: String,
    /// Category names, when the blog's answer carried them.
    pub categories: Vec<String>,
    /// Tag names, when the blog's answer carried them.
    pub tags: Vec<String>,
    /// Category and tag names that were sent but that the blog did not keep.
    pub dropped_terms: Vec<String>,
}

impl RemotePost {
    /// A hash of the title and body the blog holds, to notice edits made on the web.
    pub fn fingerprint(&self) -> String {
        sha256_hex(&[&self.title, &self.html])
    }
}

/// An image in a blog's media library.
#[cfg_attr(feature = "bindings", derive(specta::Type))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RemoteMedia {
    /// The blog's id for the image.
    pub id: String,
    /// Where the blog serves it.
    pub url: String,
}

/// SHA-256 of NUL-separated parts, in hex.
pub(crate) fn sha256_hex(parts: &[&str]) -> String {
    let mut h = Sha256::new();
    for part in parts {
        h.update(part.as_bytes());
        h.update([0]);
    }
    crate::image::hex(&h.finalize())
}

#[cfg(test)]
mod tests {
    use super::PostState;

    #[test]
    fn a_blog_time_reads_in_each_kinds_format() {
        let at: jiff::Timestamp = "2026-11-28T15:40:00Z".parse().expect("time");
        for text in [
            "2026-11-28T15:40:00Z",
            "2026-11-29T00:40:00+09:00",
            "2026-11-28T15:40:00",
            "20261128T15:40:00",
            "20261128T15:40:00Z",
        ] {
            assert_eq!(super::parse_blog_time(text), Some(at), "{text}");
        }
        assert_eq!(super::parse_blog_time(""), None);
        assert_eq!(super::parse_blog_time("yesterday"), None);
    }

    #[test]
    fn a_status_word_reads_as_a_state_and_back_unknown_ones_kept() {
        for word in [
            "publish", "future", "draft", "pending", "private", "trash", "archived",
        ] {
            assert_eq!(PostState::from_word(word).as_word(), word);
        }
        assert_eq!(PostState::from_word("future"), PostState::Scheduled);
        assert!(PostState::Scheduled.is_public() && !PostState::Private.is_public());
        assert_eq!(
            PostState::from_word("archived"),
            PostState::Other("archived".into())
        );
    }
}
