//! Drafts and their revisions: the data types, and the size a draft may have.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

/// A draft's database id.
pub type DraftId = i64;

/// Milliseconds since the Unix epoch (UTC).
pub type Millis = i64;

/// The longest draft Fumi keeps (title and body): far beyond any post, short of what would make
/// the window and the database struggle.
pub const MAX_TEXT_BYTES: usize = 64 * 1024 * 1024;

/// Refuses a text over [`MAX_TEXT_BYTES`] before anything is stored.
pub fn check_size(name: &str, bytes: usize) -> crate::error::Result<()> {
    if bytes > MAX_TEXT_BYTES {
        return Err(crate::error::Error::TextTooLarge {
            name: name.to_owned(),
            limit_mb: MAX_TEXT_BYTES / (1024 * 1024),
        });
    }
    Ok(())
}

/// Where a draft stands in its life.
#[cfg_attr(feature = "bindings", derive(specta::Type))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DraftStatus {
    /// Not live on any blog (never sent, or kept as a draft there).
    Draft,
    /// Live on a blog, as the draft says now.
    Published,
    /// Live or scheduled on a blog, and saved since it was last sent.
    Modified,
    /// Waiting for its date on a blog.
    Scheduled,
}

impl DraftStatus {
    /// The value stored in the database.
    pub fn as_str(self) -> &'static str {
        match self {
            DraftStatus::Draft => "draft",
            DraftStatus::Published => "published",
            DraftStatus::Modified => "modified",
            DraftStatus::Scheduled => "scheduled",
        }
    }
}

impl fmt::Display for DraftStatus {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for DraftStatus {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        match s {
            "draft" => Ok(DraftStatus::Draft),
            "published" => Ok(DraftStatus::Published),
            "modified" => Ok(DraftStatus::Modified),
            "scheduled" => Ok(DraftStatus::Scheduled),
            other => Err(format!("unknown draft status {other:?}")),
        }
    }
}

/// A whole draft.
#[cfg_attr(feature = "bindings", derive(specta::Type))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Draft {
    pub id: DraftId,
    pub title: String,
    pub body: String,
    pub status: DraftStatus,
    pub created_at: Millis,
    pub updated_at: Millis,
    /// Set while the draft is in the trash.
    pub deleted_at: Option<Millis>,
    /// The length the author aims for, in characters.
    pub goal_chars: Option<u32>,
}

/// One row of the drafts list: enough to show and pick a draft without loading its body.
#[cfg_attr(feature = "bindings", derive(specta::Type))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DraftSummary {
    pub id: DraftId,
    pub title: String,
    /// The first characters of the body, on one line.
    pub excerpt: String,
    pub status: DraftStatus,
    pub created_at: Millis,
    pub updated_at: Millis,
    pub deleted_at: Option<Millis>,
    /// Its front matter's categories and tags, sorted.
    pub tags: Vec<String>,
}

/// A snapshot of a draft's text at some moment.
#[cfg_attr(feature = "bindings", derive(specta::Type))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Revision {
    pub id: i64,
    pub draft_id: DraftId,
    pub title: String,
    pub body: String,
    /// When the snapshotted text was last edited.
    pub edited_at: Millis,
    /// When the snapshot was taken.
    pub created_at: Millis,
}

/// Why a draft is being saved; decides whether a revision is taken.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SaveKind {
    /// Saved while typing: a revision at most every [`crate::store::REVISION_INTERVAL_MS`].
    Autosave,
    /// Saved on purpose (Save command, CLI edit): the text before and after are both kept.
    Explicit,
}
