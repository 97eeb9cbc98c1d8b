//! *Preview on the blog*: the draft sent as the draft post it already has there (or as a new
//! draft post, which a later publish updates), and the blog's own HTML of it read back and set
//! beside Fumi's preview, block by block.

use super::{
    Connector, Prepared, PublishOptions, Publisher, RemoteStatus, Version, publish_version,
};
use crate::error::{Error, Result};
use crate::model::blog::Blog;
use crate::model::draft::DraftId;
use crate::model::page_card::PageCards;
use crate::model::post::PostState;
use crate::render::{BlogBlock, Flavor, Output, Renderer};
use crate::store::Store;

/// The blog's own rendering of a draft.
#[cfg_attr(feature = "bindings", derive(specta::Type))]
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct BlogPreview {
    /// Where the author sees the draft post on the blog, signed in.
    pub url: String,
    /// The blog's HTML of the post in blocks, those unlike Fumi's preview marked.
    pub blocks: Vec<BlogBlock>,
    /// How many blocks differ.
    pub differing: usize,
}

/// Sends the draft to `blog` as a draft post (the one it already has there, never a second)
/// and answers the blog's own HTML of it. A post that readers see, or that is scheduled, is
/// left alone: previewing must not change it for them.
#[allow(clippy::too_many_arguments)]
pub async fn preview_on_blog(
    store: &mut Store,
    renderer: &Renderer,
    connector: &impl Connector,
    blog: &Blog,
    secret: &str,
    draft_id: DraftId,
    cards: &PageCards,
) -> Result<BlogPreview> {
    // A queued publish may be creating the post right now: a preview beside it could make a
    // second one.
    if store.queued_publish(draft_id, blog.id)?.is_some() {
        return Err(Error::PublishInProgress);
    }
    let publication = store.publication(draft_id, blog.id)?;
    if let Some(p) = &publication
        && p.remote_id.is_some()
        && p.remote_status != Some(PostState::Draft)
    {
        return Err(Error::PreviewOfPublicPost {
            blog: blog.name.clone(),
        });
    }
    let version = Version::from(store.draft(draft_id)?);
    let options = PublishOptions {
        status: Some(RemoteStatus::Draft),
        ..PublishOptions::default()
    };
    let sent = publish_version(
        store,
        renderer,
        connector,
        blog,
        secret,
        draft_id,
        &version,
        options,
        &|_| {},
    )
    .await?;
    let id = sent.remote_id.ok_or_else(|| Error::NotPublished {
        draft: draft_id,
        blog: blog.name.clone(),
    })?;
    let remote = connector
        .connect(blog, secret)
        .await?
        .fetch_post(&id)
        .await?;
    let local = local_preview(store, renderer, blog, draft_id, &version, cards)?;
    let blocks =
        renderer.compare_with_blog(&local, remote.rendered.as_deref().unwrap_or(&remote.html));
    Ok(BlogPreview {
        url: remote.url,
        differing: blocks.iter().filter(|b| b.differs).count(),
        blocks,
    })
}

/// Fumi's preview of the text sent, as the window draws it for this blog.
fn local_preview(
    store: &Store,
    renderer: &Renderer,
    blog: &Blog,
    draft_id: DraftId,
    version: &Version,
    cards: &PageCards,
) -> Result<String> {
    let prepared = Prepared::from_version(
        store,
        renderer,
        blog,
        draft_id,
        version,
        PublishOptions::default(),
    )?;
    let card = prepared.card(&|_| None);
    Ok(renderer
        .render_for(
            &prepared.body,
            Flavor::of(blog.kind),
            Output::Preview,
            &|_| None,
            card.as_deref(),
            cards,
        )
        .html)
}
