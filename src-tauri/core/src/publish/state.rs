//! What the author is told about a draft on each blog: published, modified since, failed…

use serde::Serialize;

use super::local_content_hash;
use crate::error::Result;
use crate::model::blog::{BlogId, Publication};
use crate::model::draft::{DraftId, Millis};
use crate::model::post::PostState;
use crate::render::Renderer;
use crate::store::Store;

/// A draft's standing on one blog.
#[cfg_attr(feature = "bindings", derive(specta::Type))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Standing {
    /// Never sent there successfully.
    NotPublished,
    /// Readers see what the draft says now.
    Published,
    /// Waiting for its date on the blog.
    Scheduled,
    /// Kept as a draft (or pending/private) on the blog.
    DraftOnBlog,
    /// The draft changed since the last publish.
    Modified,
    /// The last attempt failed; `error` says why.
    Failed,
    /// Waiting in the publish queue for the blog to answer; `error` says what happened.
    Queued,
}

/// A draft's publication on one blog, as the window shows it.
#[cfg_attr(feature = "bindings", derive(specta::Type))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PublicationState {
    pub blog_id: BlogId,
    pub standing: Standing,
    pub url: Option<String>,
    pub error: Option<crate::message::Said>,
    pub published_at: Option<Millis>,
}

/// The draft's standing on every blog it was sent to.
pub fn publication_states(
    store: &Store,
    renderer: &Renderer,
    draft_id: DraftId,
) -> Result<Vec<PublicationState>> {
    store
        .publications(draft_id)?
        .into_iter()
        .map(|p| {
            // A queued publish says why it is still waiting (its latest attempt).
            let (standing, error) = match store.queued_publish(p.draft_id, p.blog_id)? {
                Some(job) => (Standing::Queued, Some(job.last_error)),
                None => (standing(store, renderer, &p)?, p.last_error),
            };
            Ok(PublicationState {
                blog_id: p.blog_id,
                standing,
                url: p.remote_url,
                error,
                published_at: p.published_at,
            })
        })
        .collect()
}

/// The standing of a publication with nothing queued for it.
fn standing(store: &Store, renderer: &Renderer, p: &Publication) -> Result<Standing> {
    if p.last_error.is_some() {
        return Ok(Standing::Failed);
    }
    if p.remote_id.is_none() {
        return Ok(Standing::NotPublished);
    }
    let Some(blog) = store.blog(p.blog_id)? else {
        return Ok(Standing::NotPublished);
    };
    // A draft that cannot be prepared (a settings mistake, a missing image) differs from what
    // was sent, by definition.
    let now = local_content_hash(store, renderer, &blog, p.draft_id).ok();
    if now.as_deref() != p.content_hash.as_deref() {
        return Ok(Standing::Modified);
    }
    Ok(match &p.remote_status {
        Some(PostState::Scheduled) => Standing::Scheduled,
        Some(PostState::Published) | None => Standing::Published,
        Some(_) => Standing::DraftOnBlog,
    })
}
