//! Publishing drafts to hosted blogs. Each blog kind is a module implementing [`Publisher`];
//! the workflow here — images once, create once, update in place, never overwrite a web edit
//! unasked — is written once for all of them.

pub(crate) mod atom;
mod connection;
pub mod hatena;
mod http;
pub mod metaweblog;
pub mod origin;
mod preview;
mod publisher;
mod pull;
pub mod queue;
mod state;
#[cfg(test)]
mod tests;
pub mod wordpress;
pub mod xmlrpc;

use std::collections::HashMap;

use futures_util::StreamExt;
use futures_util::stream::FuturesUnordered;

pub use crate::model::post::{OutgoingPost, RemoteMedia, RemotePost, RemoteStatus};
pub use preview::{BlogPreview, preview_on_blog};
pub use publisher::Publisher;
pub use pull::{PullReport, local_content_hash, pull_posts, take_remote};
pub use state::{PublicationState, Standing, publication_states};

use crate::book::{asin, card};
use crate::error::{Error, Result};
use crate::front_matter::{self, FrontMatterStatus};
use crate::image::{ASSET_SCHEME, Image, LocalImage};
use crate::model::blog::{Blog, BlogAuth, BlogKind, Publication};
use crate::model::book::Book;
use crate::model::draft::DraftId;
use crate::model::page_card::PageCards;
use crate::model::settings::Settings;
use crate::render::{Flavor, Output, Renderer};
use crate::store::Store;
use connection::Connection;
pub use connection::{Connector, Network};

/// How the author asked for a publish.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct PublishOptions {
    /// Overrides the front matter's `status`.
    pub status: Option<RemoteStatus>,
    /// Overrides the front matter's `date` (a future time schedules the post).
    pub at: Option<jiff::Timestamp>,
    /// Replace the post even if it was edited on the web since the last publish.
    pub overwrite: bool,
    /// Create the post again if it was deleted on the web.
    pub recreate: bool,
    /// The author saw the local files the draft uploads and allows them (remembered for the
    /// draft, so a queued send or a later update needs no second yes).
    pub allow_local_files: bool,
}

/// Where a publish is, for a progress display.
#[cfg_attr(feature = "bindings", derive(specta::Type))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(tag = "step", rename_all = "snake_case")]
pub enum Progress {
    /// Reaching the blog and checking the password.
    Connecting,
    /// Uploading images: `done` of `total` (images already on the blog are not counted).
    Images { done: usize, total: usize },
    /// Sending the post itself.
    Sending,
}

/// Checks that a blog answers and accepts the credentials.
pub async fn test_connection(
    blog_kind: BlogKind,
    auth: BlogAuth,
    site_url: &str,
    user: &str,
    secret: &str,
) -> Result<()> {
    Connection::open(blog_kind, auth, site_url, user, secret)
        .await
        .map(|_| ())
}

/// Connects to a blog account over the network.
async fn connect(blog: &Blog, secret: &str) -> Result<Connection> {
    Network.connect(blog, secret).await
}

/// Publishes a draft to a blog: the first time creates the post, every later time updates that
/// same post. Images are uploaded once per blog. Unless asked to overwrite, an update first
/// checks that nobody edited the post on the web since. The outcome, success or failure, is
/// recorded; the draft itself is never changed.
pub async fn publish_draft(
    store: &mut Store,
    renderer: &Renderer,
    blog: &Blog,
    secret: &str,
    draft_id: DraftId,
    options: PublishOptions,
    progress: &(dyn Fn(Progress) + Send + Sync),
) -> Result<Publication> {
    let version = Version::from(store.draft(draft_id)?);
    publish_version(
        store, renderer, &Network, blog, secret, draft_id, &version, options, progress,
    )
    .await
}

/// The title and body of a draft as the author asked to publish them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Version {
    pub title: String,
    pub body: String,
}

impl From<crate::model::draft::Draft> for Version {
    fn from(draft: crate::model::draft::Draft) -> Version {
        Version {
            title: draft.title,
            body: draft.body,
        }
    }
}

/// [`publish_draft`] with the text given rather than read: a queued publish sends what the
/// author pressed Publish on, whatever they wrote since.
#[allow(clippy::too_many_arguments)]
async fn publish_version(
    store: &mut Store,
    renderer: &Renderer,
    connector: &impl Connector,
    blog: &Blog,
    secret: &str,
    draft_id: DraftId,
    version: &Version,
    options: PublishOptions,
    progress: &(dyn Fn(Progress) + Send + Sync),
) -> Result<Publication> {
    let outcome = async {
        let prepared = Prepared::from_version(store, renderer, blog, draft_id, version, options)?;
        progress(Progress::Connecting);
        let blog_api = connector.connect(blog, secret).await?;
        send(
            store, renderer, &blog_api, blog, draft_id, prepared, options, progress,
        )
        .await
    }
    .await;
    record(store, blog, draft_id, outcome)
}

/// Records a publish's outcome on the draft's publication (the post, or why it failed) and
/// answers the publication; a post whose blog dropped some terms is saved but reported.
fn record(
    store: &mut Store,
    blog: &Blog,
    draft_id: DraftId,
    outcome: Result<(String, RemotePost)>,
) -> Result<Publication> {
    match &outcome {
        Ok((_, remote)) => tracing::info!(
            draft = draft_id,
            blog = blog.id,
            kind = blog.kind.as_str(),
            remote = %remote.id,
            status = %remote.status,
            "published"
        ),
        Err(e) => tracing::warn!(
            draft = draft_id,
            blog = blog.id,
            kind = blog.kind.as_str(),
            code = e.code(),
            error = %e,
            "publish failed"
        ),
    }
    match outcome {
        Ok((hash, remote)) => {
            // With terms missing on the blog, the next publish must send again, not skip.
            let sent = if remote.dropped_terms.is_empty() {
                hash
            } else {
                String::new()
            };
            let publication = store.record_published(draft_id, blog.id, &sent, &remote)?;
            if remote.dropped_terms.is_empty() {
                Ok(publication)
            } else {
                let e = Error::TermsDropped {
                    names: remote.dropped_terms.join(", "),
                };
                let _ = store.record_publish_failure(draft_id, blog.id, &(&e).into());
                Err(e)
            }
        }
        Err(e) => {
            // The failure is what the author must see; recording it is secondary.
            let _ = store.record_publish_failure(draft_id, blog.id, &(&e).into());
            Err(e)
        }
    }
}

/// A blog's time as a message shows it: in the computer's time zone, to the second.
fn shown_time(at: Option<jiff::Timestamp>) -> String {
    at.map(|t| {
        t.to_zoned(jiff::tz::TimeZone::system())
            .strftime("%Y-%m-%d %H:%M:%S")
            .to_string()
    })
    .unwrap_or_default()
}

/// Refuses to read files on this computer that the author has not allowed this draft to upload
/// (a path in a pulled or imported draft, a featured image): the error lists them, so the author
/// sees exactly what would leave the computer. `allow` records the author's yes.
fn check_local_files(store: &Store, draft_id: DraftId, urls: &[String], allow: bool) -> Result<()> {
    let mut files: Vec<String> = urls
        .iter()
        .filter(|u| matches!(LocalImage::from_url(u), Some(LocalImage::File(_))))
        .cloned()
        .collect();
    files.sort();
    files.dedup();
    if files.is_empty() {
        return Ok(());
    }
    if allow {
        return store.allow_local_files(draft_id, &files);
    }
    let allowed = store.allowed_local_files(draft_id)?;
    files.retain(|f| !allowed.contains(f));
    if files.is_empty() {
        Ok(())
    } else {
        Err(Error::LocalFilesNeedConsent { files })
    }
}

/// A draft read and checked before anything goes over the network.
struct Prepared {
    title: String,
    body: String,
    front_matter: front_matter::FrontMatter,
    /// The post's date: the author's override, else the front matter's, read once.
    date: Option<jiff::Timestamp>,
    /// Local images (featured image and book cover included), each with its bytes, keyed by
    /// their URL.
    images: Vec<(String, Image)>,
    /// The draft's book, when the text places its card.
    book: Option<Book>,
    /// The author's associate tag for the card's purchase link.
    affiliate_tag: String,
    /// The line of Hatena's own product card the book goes as, when the author sends it that
    /// way (see [`crate::model::settings::Settings::hatena_book_as_asin`]).
    hatena_asin: Option<String>,
}

impl Prepared {
    fn from_draft(
        store: &Store,
        renderer: &Renderer,
        blog: &Blog,
        draft_id: DraftId,
        options: PublishOptions,
    ) -> Result<Prepared> {
        let version = Version::from(store.draft(draft_id)?);
        Prepared::from_version(store, renderer, blog, draft_id, &version, options)
    }

    fn from_version(
        store: &Store,
        renderer: &Renderer,
        blog: &Blog,
        draft_id: DraftId,
        version: &Version,
        options: PublishOptions,
    ) -> Result<Prepared> {
        let split = front_matter::split(&version.body)?;
        let front_matter = split.front_matter;
        let date = match (options.at, &front_matter.date) {
            (Some(at), _) => Some(at),
            (None, Some(d)) => Some(front_matter::parse_date(d)?),
            (None, None) => None,
        };
        let mut urls = renderer.image_urls(split.body);
        urls.extend(front_matter.featured_image.clone());
        // The book card's cover goes to the blog like the draft's own images.
        let book = store.book(draft_id)?.filter(|b| !b.is_empty());
        let has_marker = split.body.lines().any(card::is_marker);
        let book = book.filter(|_| has_marker);
        let settings = match &book {
            Some(_) => store.settings()?,
            None => Settings::default(),
        };
        let hatena_asin = book
            .as_ref()
            .filter(|_| blog.kind == BlogKind::Hatena && settings.hatena_book_as_asin)
            .and_then(asin::notation);
        // A cover is always one of Fumi's own assets: one from an imported book file could
        // name any path. Hatena's own card brings its own cover.
        urls.extend(
            book.as_ref()
                .filter(|_| hatena_asin.is_none())
                .and_then(|b| b.cover.clone())
                .filter(|c| c.starts_with(ASSET_SCHEME)),
        );
        check_local_files(store, draft_id, &urls, options.allow_local_files)?;
        let mut images: Vec<(String, Image)> = Vec::new();
        for url in urls {
            if images.iter().any(|(u, _)| *u == url) {
                continue;
            }
            let image = match LocalImage::from_url(&url) {
                Some(LocalImage::Asset(hash)) => store.asset(&hash)?,
                Some(LocalImage::File(path)) => Image::read_file(&path)?,
                None => continue,
            };
            images.push((url, image));
        }
        Ok(Prepared {
            title: version.title.clone(),
            body: split.body.to_owned(),
            front_matter,
            date,
            images,
            book,
            affiliate_tag: settings.affiliate_tag,
            hatena_asin,
        })
    }

    /// The book card's HTML as the blog shows it, the cover where `cover_src` finds it.
    fn card(&self, cover_src: &dyn Fn(&str) -> Option<String>) -> Option<String> {
        let book = self.book.as_ref()?;
        let as_asin = self.hatena_asin.is_some();
        Some(card::for_blog(
            book,
            cover_src,
            &self.affiliate_tag,
            as_asin,
        ))
    }
}

/// Uploads what is missing, then creates or updates the post. Returns what to record.
#[allow(clippy::too_many_arguments)]
async fn send<P: Publisher>(
    store: &mut Store,
    renderer: &Renderer,
    blog_api: &P,
    blog: &Blog,
    draft_id: DraftId,
    prepared: Prepared,
    options: PublishOptions,
    progress: &(dyn Fn(Progress) + Send + Sync),
) -> Result<(String, RemotePost)> {
    let previous = store.publication(draft_id, blog.id)?;
    let mut existing = previous
        .as_ref()
        .and_then(|p| p.remote_id.clone().map(|id| (id, p)));

    // Check for web edits and deleted posts before uploading anything.
    let mut unchanged_remote = None;
    if let Some((id, recorded)) = &existing {
        match blog_api.fetch_post(id).await {
            Ok(current) => {
                // An update of Fumi's own whose answer was lost is no web edit. A link from an
                // imported blogsync file has no modified time, only the fingerprint of the
                // entry as the file held it; a link with neither has nothing to compare.
                let fingerprint = current.fingerprint();
                let own_update = recorded
                    .update_sent
                    .as_deref()
                    .is_some_and(|sent| sent.split(' ').any(|f| f == fingerprint));
                let hash_differs = recorded
                    .remote_hash
                    .as_deref()
                    .is_some_and(|h| h != fingerprint);
                let edited_on_web = !own_update
                    && match recorded.remote_modified {
                        Some(modified) => {
                            Some(modified) != current.modified
                                || recorded.remote_hash.is_none()
                                || hash_differs
                        }
                        None => hash_differs,
                    };
                if edited_on_web && !options.overwrite {
                    return Err(Error::RemoteChanged {
                        remote: shown_time(current.modified),
                        recorded: shown_time(recorded.remote_modified),
                    });
                }
                if !edited_on_web {
                    unchanged_remote = Some(current);
                }
            }
            Err(Error::RemotePostNotFound { .. }) if options.recreate => existing = None,
            Err(e) => return Err(e),
        }
    }

    let media = upload_images(store, blog_api, blog, &prepared.images, progress).await?;
    let post = outgoing(renderer, blog, &prepared, &media, options);
    let hash = post.content_hash();
    // The blog holds exactly what this publish would send: nothing to do.
    if let Some(current) = unchanged_remote
        && previous.as_ref().and_then(|p| p.content_hash.as_deref()) == Some(hash.as_str())
    {
        return Ok((hash, current));
    }
    progress(Progress::Sending);
    // The post to update: the recorded one, or one a create whose answer never came (a crash,
    // a lost connection) may have made, found rather than made a second time.
    let target = match existing {
        Some((id, _)) => Some(id),
        None => match previous.as_ref().and_then(|p| p.create_started_at) {
            Some(started) => {
                let since = jiff::Timestamp::from_millisecond(started)
                    .unwrap_or(jiff::Timestamp::UNIX_EPOCH);
                blog_api
                    .find_created(&post, since)
                    .await?
                    .map(|found| found.id)
            }
            None => None,
        },
    };
    let remote = match target {
        Some(id) => {
            store.record_update_started(draft_id, blog.id, &post.fingerprints())?;
            blog_api.update_post(&id, &post).await?
        }
        None => {
            let started = store.record_create_started(draft_id, blog.id)?;
            let since =
                jiff::Timestamp::from_millisecond(started).unwrap_or(jiff::Timestamp::UNIX_EPOCH);
            blog_api.create_post(&post, since).await?
        }
    };
    Ok((hash, remote))
}

/// Local image URLs mapped to the blog's copies.
type MediaByUrl = HashMap<String, RemoteMedia>;

/// The blog copies Fumi knows of for these images, and the images the blog lacks.
fn known_media<'a>(
    store: &Store,
    blog: &Blog,
    images: &'a [(String, Image)],
) -> Result<(MediaByUrl, Vec<&'a (String, Image)>)> {
    let mut media = HashMap::new();
    let mut missing = Vec::new();
    for entry in images {
        match store.media(blog.id, &entry.1.sha256)? {
            Some(m) => {
                media.insert(entry.0.clone(), m);
            }
            None => missing.push(entry),
        }
    }
    Ok((media, missing))
}

/// How many images go up at once: a blog's server works on several requests side by side,
/// and more would only queue there.
const UPLOADS_AT_ONCE: usize = 3;

/// Uploads the images the blog does not have yet, the first alone and then [`UPLOADS_AT_ONCE`]
/// at a time; returns every local URL's blog copy. Each upload is recorded as it lands: after a
/// failure, the uploads already under way are waited for and kept, so a publish tried again
/// sends none twice.
async fn upload_images<P: Publisher>(
    store: &mut Store,
    blog_api: &P,
    blog: &Blog,
    images: &[(String, Image)],
    progress: &(dyn Fn(Progress) + Send + Sync),
) -> Result<MediaByUrl> {
    let (mut media, missing) = known_media(store, blog, images)?;
    let total = missing.len();
    if total == 0 {
        return Ok(media);
    }
    progress(Progress::Images { done: 0, total });
    // The same bytes under two URLs are uploaded once.
    let mut urls_by_bytes: Vec<(&Image, Vec<&String>)> = Vec::new();
    for (url, image) in missing {
        match urls_by_bytes
            .iter_mut()
            .find(|(i, _)| i.sha256 == image.sha256)
        {
            Some((_, urls)) => urls.push(url),
            None => urls_by_bytes.push((image, vec![url])),
        }
    }
    let mut waiting = urls_by_bytes.into_iter();
    let mut running = FuturesUnordered::new();
    let upload = |(image, urls)| async move { (image, urls, blog_api.upload_media(image).await) };
    // The first goes alone: WordPress makes the month's folder (`uploads/2026/12`) at a month's
    // first upload, and two uploads making it side by side fail one with a 500 ("Unable to
    // create directory"; seen on a fresh site in this project's CI).
    running.extend(waiting.next().map(upload));
    let mut done = 0;
    let mut failure = None;
    while let Some((image, urls, uploaded)) = running.next().await {
        match uploaded {
            Ok(m) => {
                store.record_media(blog.id, &image.sha256, &m)?;
                done += urls.len();
                progress(Progress::Images { done, total });
                for url in urls {
                    media.insert(url.clone(), m.clone());
                }
            }
            Err(e) => {
                failure.get_or_insert(e);
            }
        }
        if failure.is_none() {
            let free = UPLOADS_AT_ONCE.saturating_sub(running.len());
            running.extend(waiting.by_ref().take(free).map(upload));
        }
    }
    match failure {
        Some(e) => Err(e),
        None => Ok(media),
    }
}

/// The post to send: the body rendered with the blog's image URLs, the front matter applied.
fn outgoing(
    renderer: &Renderer,
    blog: &Blog,
    prepared: &Prepared,
    media: &MediaByUrl,
    options: PublishOptions,
) -> OutgoingPost {
    let fm = &prepared.front_matter;
    let blog_url = |url: &str| media.get(url).map(|m| m.url.clone());
    let card = prepared.card(&blog_url);
    // What the blog stores and shows: its own notation expanded, nothing of the preview's.
    let html = renderer
        .render_for(
            &prepared.body,
            Flavor::of(blog.kind),
            Output::Published,
            &blog_url,
            card.as_deref(),
            // A blog reads an embed itself: Fumi sends no card.
            &PageCards::new(),
        )
        .html;
    // The blank line that usually follows the front matter is not part of the post.
    let body = prepared.body.trim_start_matches(['\r', '\n']).to_owned();
    let markdown = media.iter().fold(body, |md, (local, m)| {
        md.replace(&format!("]({local}"), &format!("]({}", m.url))
    });
    // Markdown blogs (Hatena) get the card as the HTML block it is, or as Hatena's own.
    let markdown = match prepared.hatena_asin.clone().or(card) {
        Some(card) => card::in_markdown(&markdown, &card),
        None => markdown,
    };
    let status = options.status.unwrap_or(match fm.status {
        Some(FrontMatterStatus::Draft) => RemoteStatus::Draft,
        Some(FrontMatterStatus::Publish) | None => RemoteStatus::Publish,
    });
    OutgoingPost {
        title: prepared.title.clone(),
        html,
        markdown,
        status,
        date: prepared.date,
        slug: fm.slug.clone(),
        excerpt: fm.excerpt.clone(),
        categories: fm.categories.clone(),
        tags: fm.tags.clone(),
        featured_media: fm
            .featured_image
            .as_ref()
            .and_then(|url| media.get(url).cloned()),
    }
}

/// The blog's category names, to choose from (new names are allowed too).
pub async fn blog_categories(blog: &Blog, secret: &str) -> Result<Vec<String>> {
    connect(blog, secret).await?.categories().await
}

/// A public page of the blog that shows a post in its design (see [`Publisher::public_page`]).
pub async fn public_page(blog: &Blog, secret: &str) -> Result<String> {
    let page = connect(blog, secret).await?.public_page().await?;
    Ok(page.unwrap_or_else(|| blog.site_url.clone()))
}

/// Takes a published post off the blog's public pages (back to a draft there).
pub async fn unpublish_draft(
    store: &mut Store,
    blog: &Blog,
    secret: &str,
    draft_id: DraftId,
) -> Result<Publication> {
    let id = remote_id(store, blog, draft_id)?;
    let blog_api = connect(blog, secret).await?;
    let remote = blog_api.set_status(&id, RemoteStatus::Draft).await?;
    store.record_remote_state(draft_id, blog.id, &remote)
}

/// Deletes a draft's post from the blog (into its trash) and forgets the link to it.
pub async fn delete_remote(
    store: &mut Store,
    blog: &Blog,
    secret: &str,
    draft_id: DraftId,
) -> Result<()> {
    let id = remote_id(store, blog, draft_id)?;
    let blog_api = connect(blog, secret).await?;
    match blog_api.delete_post(&id).await {
        Ok(()) | Err(Error::RemotePostNotFound { .. }) => {
            store.forget_publication(draft_id, blog.id)
        }
        Err(e) => Err(e),
    }
}

/// The remote id of a draft's post on a blog, or why there is none.
fn remote_id(store: &Store, blog: &Blog, draft_id: DraftId) -> Result<String> {
    store
        .publication(draft_id, blog.id)?
        .and_then(|p| p.remote_id)
        .ok_or_else(|| Error::NotPublished {
            draft: draft_id,
            blog: blog.name.clone(),
        })
}
