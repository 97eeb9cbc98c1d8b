//! Publishing drafts to hosted blogs. Each blog kind is a module; they share these types.

pub mod wordpress;

use serde::Serialize;
use sha2::{Digest, Sha256};

use crate::blog::{Blog, BlogKind, Publication};
use crate::draft::DraftId;
use crate::error::{Error, Result};
use crate::render::Renderer;
use crate::store::Store;
use wordpress::WordPress;

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

/// Checks that a blog answers and accepts the credentials.
pub async fn test_connection(
    blog_kind: BlogKind,
    site_url: &str,
    user: &str,
    secret: &str,
) -> Result<()> {
    match blog_kind {
        BlogKind::WordPress => WordPress::connect(site_url, user, secret).await.map(|_| ()),
    }
}

/// Publishes a draft to a blog: the first time creates the post, every later time updates that
/// same post. Unless `overwrite`, an update first checks that nobody edited the post on the web
/// since Fumi's last publish. The outcome, success or failure, is recorded; the draft is never
/// changed.
pub async fn publish_draft(
    store: &mut Store,
    renderer: &Renderer,
    blog: &Blog,
    secret: &str,
    draft_id: DraftId,
    status: RemoteStatus,
    overwrite: bool,
) -> Result<Publication> {
    let draft = store.draft(draft_id)?;
    let post = OutgoingPost {
        title: draft.title,
        html: renderer.render(&draft.body).html,
        status,
    };
    let previous = store.publication(draft_id, blog.id)?;
    let sent = send(blog, secret, &post, previous.as_ref(), overwrite).await;
    match sent {
        Ok(remote) => store.record_published(draft_id, blog.id, &content_hash(&post), &remote),
        Err(e) => {
            // The failure is what the author must see; recording it is secondary.
            let _ = store.record_publish_failure(draft_id, blog.id, &e.to_string());
            Err(e)
        }
    }
}

async fn send(
    blog: &Blog,
    secret: &str,
    post: &OutgoingPost,
    previous: Option<&Publication>,
    overwrite: bool,
) -> Result<RemotePost> {
    // WordPress is the only kind so far: a new kind makes this line a compile error, on purpose.
    let BlogKind::WordPress = blog.kind;
    let wp = WordPress::connect(&blog.site_url, &blog.user, secret).await?;
    match previous.and_then(|p| p.remote_id.as_deref().map(|id| (id, p))) {
        Some((id, recorded)) => {
            if !overwrite {
                let current = wp.fetch_post(id).await?;
                let edited_on_web = recorded.remote_modified.as_deref()
                    != Some(current.modified.as_str())
                    || recorded.remote_hash.as_deref() != Some(current.fingerprint().as_str());
                if edited_on_web {
                    return Err(Error::RemoteChanged {
                        remote: current.modified,
                        recorded: recorded.remote_modified.clone().unwrap_or_default(),
                    });
                }
            }
            wp.update_post(id, post).await
        }
        None => wp.create_post(post).await,
    }
}

impl RemotePost {
    /// A hash of the title and body the blog holds, to notice edits made on the web.
    pub fn fingerprint(&self) -> String {
        sha256_hex(&[&self.title, &self.html])
    }
}

/// A stable fingerprint of what was sent, to tell later whether the draft changed since.
fn content_hash(post: &OutgoingPost) -> String {
    let status = match post.status {
        RemoteStatus::Draft => "draft",
        RemoteStatus::Publish => "publish",
    };
    sha256_hex(&[&post.title, &post.html, status])
}

/// SHA-256 of NUL-separated parts, in hex.
fn sha256_hex(parts: &[&str]) -> String {
    let mut h = Sha256::new();
    for part in parts {
        h.update(part.as_bytes());
        h.update([0]);
    }
    h.finalize().iter().map(|b| format!("{b:02x}")).collect()
}
