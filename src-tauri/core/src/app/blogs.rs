//! Blogs and publishing: accounts, publish (or queue), the queue, pulls, a draft's standings.

use crate::error::{Error, Result};
use crate::model::blog::{Blog, BlogAuth, BlogCategories, BlogId, BlogKind, Publication};
use crate::model::draft::{DraftId, Millis};
use crate::model::queue::QueuedPublish;
use crate::publish::PublicationState;
use crate::publish::queue::{self, PublishOutcome, Sent};
use crate::publish::{self, BlogPreview, Progress, PublishOptions, PullReport};
use crate::store::now_ms;
use crate::{accounts, blogsync};

use super::App;

/// How long a blog's category list is offered without being read again.
const CATEGORIES_FRESH_MS: Millis = 60 * 60 * 1000;

impl App {
    /// Every blog account.
    pub fn blogs(&self) -> Result<Vec<Blog>> {
        self.reader()?.blogs()
    }

    /// The blog with this name.
    pub fn blog_named(&self, name: &str) -> Result<Blog> {
        self.reader()?
            .blog_by_name(name)?
            .ok_or_else(|| Error::BlogNotFound(name.to_owned()))
    }

    /// Adds a blog account: the name checked first (before the author waits for the network),
    /// then the connection tested, then the row and the keychain secret saved together.
    pub async fn add_blog(
        &self,
        name: &str,
        kind: BlogKind,
        auth: BlogAuth,
        site_url: &str,
        user: &str,
        secret: &str,
    ) -> Result<Blog> {
        accounts::check_name_free(&*self.reader()?, name)?;
        publish::test_connection(kind, auth, site_url, user, secret).await?;
        // The keychain may ask the author to unlock it: not while holding autosave's writer.
        accounts::save_blog(
            &mut self.connection()?,
            name,
            kind,
            auth,
            site_url,
            user,
            secret,
        )
    }

    /// Checks that a blog answers and accepts its stored credentials.
    pub async fn test_blog(&self, blog: BlogId) -> Result<()> {
        let (blog, secret) = self.blog_with_secret(blog)?;
        publish::test_connection(blog.kind, blog.auth, &blog.site_url, &blog.user, &secret).await
    }

    /// The blog's category names as last read (no network), and whether to read them again.
    pub fn blog_categories(&self, blog: BlogId) -> Result<BlogCategories> {
        let kept = self.reader()?.blog_categories(blog)?;
        let stale = kept
            .as_ref()
            .is_none_or(|(_, at)| now_ms().saturating_sub(*at) > CATEGORIES_FRESH_MS);
        Ok(BlogCategories {
            names: kept.map(|(names, _)| names).unwrap_or_default(),
            stale,
        })
    }

    /// Reads the blog's category names from the blog, keeps them, and answers them.
    pub async fn read_blog_categories(&self, blog: BlogId) -> Result<Vec<String>> {
        let (blog, secret) = self.blog_with_secret(blog)?;
        let names = publish::blog_categories(&blog, &secret).await?;
        self.writer().keep_blog_categories(blog.id, &names)?;
        Ok(names)
    }

    /// Removes a blog account and its secret (its posts stay on the blog).
    pub fn remove_blog(&self, blog: BlogId) -> Result<()> {
        // The keychain may ask to be unlocked: not on autosave's writer.
        let mut store = self.connection()?;
        let blog = store
            .blog(blog)?
            .ok_or_else(|| Error::BlogNotFound(blog.to_string()))?;
        accounts::remove_blog(&mut store, &blog)
    }

    /// Publishes a draft now, or queues it when the blog or the network is down.
    pub async fn publish(
        &self,
        draft: DraftId,
        blog: BlogId,
        options: PublishOptions,
        progress: &(dyn Fn(Progress) + Send + Sync),
    ) -> Result<PublishOutcome> {
        let mut store = self.connection()?;
        let (blog, secret) = accounts::blog_with_secret(&mut store, blog)?;
        queue::publish_or_queue(
            &mut store,
            self.renderer(),
            &publish::Network,
            &blog,
            &secret,
            draft,
            options,
            progress,
        )
        .await
    }

    /// Sends the draft to the blog as a draft post (the one it has there, never a second) and
    /// answers the blog's own HTML of it beside Fumi's preview.
    pub async fn preview_on_blog(&self, draft: DraftId, blog: BlogId) -> Result<BlogPreview> {
        let mut store = self.connection()?;
        let (blog, secret) = accounts::blog_with_secret(&mut store, blog)?;
        let cards = self.page_cards(&store.draft(draft)?.body)?;
        publish::preview_on_blog(
            &mut store,
            self.renderer(),
            &publish::Network,
            &blog,
            &secret,
            draft,
            &cards,
        )
        .await
    }

    /// Sends the queued publishes due by `due_by` (`Millis::MAX`: every one).
    pub async fn send_queued(&self, due_by: Millis) -> Result<Vec<Sent>> {
        let mut store = self.connection()?;
        queue::send_queued(
            &mut store,
            self.renderer(),
            &publish::Network,
            &accounts::secret,
            due_by,
        )
        .await
    }

    /// Takes a draft's post off the blog's public pages (back to a draft there).
    pub async fn unpublish(&self, draft: DraftId, blog: BlogId) -> Result<Publication> {
        let mut store = self.connection()?;
        let (blog, secret) = accounts::blog_with_secret(&mut store, blog)?;
        publish::unpublish_draft(&mut store, &blog, &secret, draft).await
    }

    /// Deletes a draft's post from the blog (into its trash) and forgets the link to it.
    pub async fn delete_remote(&self, draft: DraftId, blog: BlogId) -> Result<()> {
        let mut store = self.connection()?;
        let (blog, secret) = accounts::blog_with_secret(&mut store, blog)?;
        publish::delete_remote(&mut store, &blog, &secret, draft).await
    }

    /// Imports the blog's posts that no draft is linked to yet.
    pub async fn pull(&self, blog: BlogId) -> Result<PullReport> {
        let mut store = self.connection()?;
        let (blog, secret) = accounts::blog_with_secret(&mut store, blog)?;
        publish::pull_posts(&mut store, self.renderer(), &blog, &secret).await
    }

    /// Replaces a draft's text with the blog's version of its post (the draft's text is kept
    /// as a revision).
    pub async fn take_remote(&self, draft: DraftId, blog: BlogId) -> Result<()> {
        let mut store = self.connection()?;
        let (blog, secret) = accounts::blog_with_secret(&mut store, blog)?;
        publish::take_remote(&mut store, self.renderer(), &blog, &secret, draft).await
    }

    /// The publishes waiting in the queue.
    pub fn queued_publishes(&self) -> Result<Vec<QueuedPublish>> {
        self.reader()?.queued_publishes()
    }

    /// Takes a draft's publish out of the queue without sending it.
    pub fn cancel_queued(&self, draft: DraftId, blog: BlogId) -> Result<()> {
        self.writer().unqueue_publish(draft, blog)
    }

    /// A draft as a blogsync file for the blog's entry.
    pub fn blogsync_export(&self, draft: DraftId, blog: BlogId) -> Result<String> {
        let store = self.reader()?;
        let blog = store
            .blog(blog)?
            .ok_or_else(|| Error::BlogNotFound(blog.to_string()))?;
        blogsync::export(&store, &blog, draft)
    }

    /// A draft made from a blogsync file, linked to its entry on the blog.
    pub fn blogsync_import(&self, blog: BlogId, text: &str) -> Result<DraftId> {
        let mut store = self.writer();
        let blog = store
            .blog(blog)?
            .ok_or_else(|| Error::BlogNotFound(blog.to_string()))?;
        blogsync::import(&mut store, &blog, text)
    }

    /// The draft's standing on every blog it was sent to.
    pub fn publication_states(&self, draft: DraftId) -> Result<Vec<PublicationState>> {
        publish::publication_states(&*self.reader()?, self.renderer(), draft)
    }

    /// A blog and its secret from the keychain, on a connection of its own (reading an old
    /// entry moves it to a key of its own, recorded in the blog's row): the keychain may ask
    /// the author to unlock it, and autosave's writer must not wait for that.
    fn blog_with_secret(&self, blog: BlogId) -> Result<(Blog, String)> {
        accounts::blog_with_secret(&mut self.connection()?, blog)
    }
}
