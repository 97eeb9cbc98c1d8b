//! Bringing posts from a blog into Fumi: every post as a linked draft, or the blog's version of
//! one post into its draft.

use serde::Serialize;

use super::{Prepared, PublishOptions, Publisher, RemotePost, connect, known_media, outgoing};
use crate::error::Result;
use crate::front_matter::{self, FrontMatter, FrontMatterStatus};
use crate::model::blog::Blog;
use crate::model::draft::{DraftId, SaveKind};
use crate::render::Renderer;
use crate::store::Store;

/// What a pull did.
#[cfg_attr(feature = "bindings", derive(specta::Type))]
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct PullReport {
    /// Drafts made from posts Fumi did not know.
    pub imported: Vec<DraftId>,
    /// Posts already linked to a draft, left as they are.
    pub already_linked: usize,
}

/// Imports every post of the blog (all pages, drafts included) that no draft is linked to yet,
/// each as a new draft linked to its post: publishing that draft updates the post.
pub async fn pull_posts(
    store: &mut Store,
    renderer: &Renderer,
    blog: &Blog,
    secret: &str,
) -> Result<PullReport> {
    let blog_api = connect(blog, secret).await?;
    let mut report = PullReport::default();
    for post in blog_api.list_posts().await? {
        if store.draft_for_remote(blog.id, &post.id)?.is_some() {
            report.already_linked += 1;
            continue;
        }
        let draft = store.create_draft(&post.title, &draft_text(&post))?;
        link(store, renderer, blog, draft.id, &post)?;
        report.imported.push(draft.id);
    }
    Ok(report)
}

/// Replaces a draft's text with the blog's version of its post (the author's text is kept as a
/// revision), so the author can merge by hand and publish again.
pub async fn take_remote(
    store: &mut Store,
    renderer: &Renderer,
    blog: &Blog,
    secret: &str,
    draft_id: DraftId,
) -> Result<()> {
    let id = super::remote_id(store, blog, draft_id)?;
    let blog_api = connect(blog, secret).await?;
    let post = blog_api.fetch_post(&id).await?;
    store.save_draft(
        draft_id,
        &post.title,
        &draft_text(&post),
        SaveKind::Explicit,
    )?;
    link(store, renderer, blog, draft_id, &post)
}

/// Records the draft as in step with the post: publishing it unchanged sends the same content.
fn link(
    store: &mut Store,
    renderer: &Renderer,
    blog: &Blog,
    draft_id: DraftId,
    post: &RemotePost,
) -> Result<()> {
    let hash = local_content_hash(store, renderer, blog, draft_id)?;
    store.record_published(draft_id, blog.id, &hash, post)?;
    Ok(())
}

/// What publishing the draft now would send, as a hash, computed without the network (images
/// not yet on the blog make it differ, as they should).
pub fn local_content_hash(
    store: &Store,
    renderer: &Renderer,
    blog: &Blog,
    draft_id: DraftId,
) -> Result<String> {
    let prepared =
        Prepared::from_draft(store, renderer, blog, draft_id, PublishOptions::default())?;
    let (media, _missing) = known_media(store, blog, &prepared.images)?;
    Ok(outgoing(renderer, blog, &prepared, &media, PublishOptions::default()).content_hash())
}

/// A draft's text for a post: its settings as front matter, then its HTML (Markdown passes HTML
/// through, so the preview shows the post as the blog does).
fn draft_text(post: &RemotePost) -> String {
    let status = match post.status.is_public() {
        true => None,
        // Drafts, pending and private posts stay off the public pages when published again.
        _ => Some(FrontMatterStatus::Draft),
    };
    let fm = FrontMatter {
        slug: Some(post.slug.clone()).filter(|s| !s.is_empty()),
        excerpt: Some(post.excerpt.trim().to_owned()).filter(|s| !s.is_empty()),
        categories: post.categories.clone(),
        tags: post.tags.clone(),
        status,
        ..FrontMatter::default()
    };
    format!("{}{}", front_matter::to_block(&fm), post.html)
}
