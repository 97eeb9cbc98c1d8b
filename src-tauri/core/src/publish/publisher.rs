//! What every blog kind implements, so the publishing workflow is written once.

use std::future::Future;

use super::{OutgoingPost, RemoteMedia, RemotePost, RemoteStatus};
use crate::error::Result;
use crate::image::Image;

/// A connection to one blog, credentials checked.
pub trait Publisher {
    /// Creates a post, once: on an answer that may have been lost it looks for the post it may
    /// have created (made after `since`) before sending again.
    fn create_post(
        &self,
        post: &OutgoingPost,
        since: jiff::Timestamp,
    ) -> impl Future<Output = Result<RemotePost>> + Send;

    /// Replaces an existing post with `post`.
    fn update_post(
        &self,
        id: &str,
        post: &OutgoingPost,
    ) -> impl Future<Output = Result<RemotePost>> + Send;

    /// Reads a post as stored.
    fn fetch_post(&self, id: &str) -> impl Future<Output = Result<RemotePost>> + Send;

    /// Changes only a post's status (unpublish: back to draft).
    fn set_status(
        &self,
        id: &str,
        status: RemoteStatus,
    ) -> impl Future<Output = Result<RemotePost>> + Send;

    /// Deletes a post (into the blog's trash where it has one).
    fn delete_post(&self, id: &str) -> impl Future<Output = Result<()>> + Send;

    /// Uploads an image to the blog's media library.
    fn upload_media(&self, image: &Image) -> impl Future<Output = Result<RemoteMedia>> + Send;

    /// Looks for a post made from `post` after `since` (a create whose answer was lost).
    fn find_created(
        &self,
        post: &OutgoingPost,
        since: jiff::Timestamp,
    ) -> impl Future<Output = Result<Option<RemotePost>>> + Send;

    /// The blog's category names (new ones may still be used: blogs create them).
    fn categories(&self) -> impl Future<Output = Result<Vec<String>>> + Send;

    /// Every post on the blog, all pages, drafts included.
    fn list_posts(&self) -> impl Future<Output = Result<Vec<RemotePost>>> + Send;

    /// A public page of the blog that shows a post in the blog's design (its newest post), when
    /// the blog's address alone does not lead there; `None`: the blog's own address does.
    fn public_page(&self) -> impl Future<Output = Result<Option<String>>> + Send {
        async { Ok(None) }
    }
}
