//! Publishing drafts to hosted blogs. Each blog kind is a module; they share these types.

pub mod wordpress;

use serde::Serialize;

/// Whether a post goes out now or stays a draft on the blog.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum RemoteStatus {
    /// Saved on the blog, not visible to readers.
    Draft,
    /// Visible to readers.
    Publish,
}

/// A post as Fumi sends it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutgoingPost {
    pub title: String,
    /// The rendered, sanitized HTML body.
    pub html: String,
    pub status: RemoteStatus,
}

/// A post as the blog holds it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RemotePost {
    /// The blog's id for the post (a string: some blogs' ids exceed 64 bits).
    pub id: String,
    /// Where readers (or, for drafts, the author) find it.
    pub url: String,
    pub title: String,
    /// The stored HTML body.
    pub html: String,
    /// The blog's own status word (`publish`, `draft`, …).
    pub status: String,
    /// The blog's last-modified time, verbatim, for detecting edits made on the web.
    pub modified: String,
}
