//! A publish waiting in the queue for its blog.

use serde::Serialize;

use crate::message::Said;
use crate::model::blog::BlogId;
use crate::model::draft::{DraftId, Millis};
use crate::model::post::RemoteStatus;

/// A publish waiting for its blog.
#[cfg_attr(feature = "bindings", derive(specta::Type))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct QueuedPublish {
    pub draft_id: DraftId,
    pub blog_id: BlogId,
    /// The title and body to send: the draft as it was when the author pressed Publish.
    pub title: String,
    #[serde(skip)]
    pub body: String,
    pub status: Option<RemoteStatus>,
    pub at_ms: Option<Millis>,
    pub overwrite: bool,
    pub recreate: bool,
    pub queued_at: Millis,
    /// Sending attempts made from the queue so far.
    pub attempts: u32,
    pub next_attempt_at: Millis,
    /// Why it could not be sent yet.
    pub last_error: Said,
}
