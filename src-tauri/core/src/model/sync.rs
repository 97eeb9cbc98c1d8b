//! Drafts on every computer, through a git remote: where the drafts sync, how the last sync
//! went, and what a sync did.

use serde::{Deserialize, Serialize};

use super::blog::BlogKind;
use super::draft::{DraftId, Millis};
use crate::message::Said;

/// The git remote the drafts sync through, as this computer keeps it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SyncRemote {
    /// `https://…` (with a token in the keychain) or an SSH address (`ssh://…`, `user@host:path`).
    pub url: String,
    /// The keychain entry of the HTTPS token; none for SSH, or a remote needing no sign-in.
    pub secret_key: Option<String>,
    /// The commit the database matches: what the last sync left in the sync folder.
    pub local_commit: Option<String>,
    pub synced_at: Option<Millis>,
    pub tried_at: Option<Millis>,
    /// Why the last try did not reach the remote (cleared by one that did).
    pub error: Option<Said>,
}

/// What the status line shows.
#[cfg_attr(feature = "bindings", derive(specta::Type))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SyncStatus {
    /// The remote, without any sign-in part; none when sync is not set up.
    pub remote: Option<String>,
    /// When a sync last reached the remote.
    pub synced_at: Option<Millis>,
    /// Why the last try did not (offline is the common reason, and nothing is lost).
    pub error: Option<Said>,
    /// The drafts whose text differs on another computer, waiting for the author.
    pub conflicts: Vec<DraftId>,
}

/// What one sync did.
#[cfg_attr(feature = "bindings", derive(specta::Type))]
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct SyncReport {
    /// Drafts changed here and sent.
    pub sent: usize,
    /// Drafts added or changed from another computer (merged line by line where both changed).
    pub received: usize,
    /// Drafts deleted on another computer.
    pub deleted: usize,
    /// Drafts changed on both computers in the same lines: this computer's text stays, the
    /// other is kept for the author to choose ([`SyncConflict`]).
    pub conflicts: Vec<DraftId>,
    /// Drafts deleted on one computer and edited on the other: they stay, and the author is told.
    pub kept: Vec<DraftId>,
    /// Files from another computer this one could not take (left in the folder for it).
    pub unread: Vec<String>,
}

/// A draft's other text, from another computer, waiting for the author's choice.
#[cfg_attr(feature = "bindings", derive(specta::Type))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SyncConflict {
    pub draft_id: DraftId,
    /// This computer's title and text (the draft's own).
    pub mine_title: String,
    pub mine_body: String,
    /// The other computer's.
    pub theirs_title: String,
    pub theirs_body: String,
    pub found_at: Millis,
    /// The two bodies line by line: `Removed` lines are only this computer's, `Added` only the
    /// other's.
    pub lines: Vec<super::diff::DiffLine>,
}

/// How the author settles a conflict; the text not chosen is kept as a revision.
#[cfg_attr(feature = "bindings", derive(specta::Type))]
#[derive(Debug, Clone, PartialEq, Eq, serde::Deserialize)]
#[serde(tag = "choice", rename_all = "snake_case")]
pub enum Resolution {
    KeepMine,
    TakeTheirs,
    /// The author's own merge of the two.
    Merged {
        title: String,
        body: String,
    },
}

/// A post a draft became on a blog, as another computer needs it to update that post (and to
/// notice an edit made on the web since).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Posted {
    /// The blog's address and kind: each computer has its own row (and secret) for it.
    pub blog: String,
    pub kind: BlogKind,
    /// The blog's id of the post (Hatena: the member URI, blogsync's `EditURL`).
    pub id: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// Hash of what was last sent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sent: Option<String>,
    /// The blog's modification time after that send (RFC 3339).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub modified: Option<String>,
    /// Hash of the title and body the blog stored then.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stored: Option<String>,
    /// The blog's copies of the draft's images, so another computer never uploads them again.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub media: Vec<PostedMedia>,
}

/// An image of the draft as the blog keeps it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PostedMedia {
    /// The image's SHA-256 (its name in Fumi's database).
    pub sha256: String,
    /// The blog's id for it.
    pub id: String,
    /// Where the blog serves it.
    pub url: String,
}
