//! The publish queue: a publish that fails because the blog or the network is down waits here,
//! with the text the author pressed Publish on, and is sent when the blog answers again.
//!
//! Invariants: a job is sent by one sender at a time (claims in the database); sending uses the
//! same workflow as a publish by hand, so a lost answer is found on the blog, never created
//! twice; a job leaves the queue only when sent or when it fails for a reason the author must
//! fix (the publication then records that reason).

use serde::Serialize;

use super::{Connector, PublishOptions, Version, publish_version};
use crate::error::{Error, Result};
use crate::model::blog::{Blog, BlogId, Publication};
use crate::model::draft::{DraftId, Millis};
use crate::model::queue::QueuedPublish;
use crate::publish::Progress;
use crate::render::Renderer;
use crate::store::{Store, now_ms};

/// The wait before the first retry; each later one waits twice as long, up to [`MAX_WAIT_MS`].
const FIRST_WAIT_MS: Millis = 30_000;
/// The longest wait between two attempts.
const MAX_WAIT_MS: Millis = 15 * 60_000;
/// How long a sender may hold a job before another may take it (a crashed sender's job).
const LEASE_MS: Millis = 10 * 60_000;

impl QueuedPublish {
    fn options(&self) -> PublishOptions {
        PublishOptions {
            status: self.status,
            at: self
                .at_ms
                .and_then(|ms| jiff::Timestamp::from_millisecond(ms).ok()),
            overwrite: self.overwrite,
            recreate: self.recreate,
            // What was allowed when the author published is recorded with the draft.
            allow_local_files: false,
        }
    }
}

/// What became of a publish the author asked for.
#[cfg_attr(feature = "bindings", derive(specta::Type))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "outcome", rename_all = "snake_case")]
pub enum PublishOutcome {
    /// The post is on the blog.
    Published { publication: Publication },
    /// The blog could not be reached; the publish waits in the queue.
    Queued { job: QueuedPublish },
}

/// Publishes a draft now, or queues it when the blog or the network is down. A publish by hand
/// replaces a queued one for the same blog.
#[allow(clippy::too_many_arguments)]
pub async fn publish_or_queue(
    store: &mut Store,
    renderer: &Renderer,
    connector: &impl Connector,
    blog: &Blog,
    secret: &str,
    draft_id: DraftId,
    options: PublishOptions,
    progress: &(dyn Fn(Progress) + Send + Sync),
) -> Result<PublishOutcome> {
    store.unqueue_publish(draft_id, blog.id)?;
    let version = Version::from(store.draft(draft_id)?);
    let sent = publish_version(
        store, renderer, connector, blog, secret, draft_id, &version, options, progress,
    )
    .await;
    match sent {
        Ok(publication) => Ok(PublishOutcome::Published { publication }),
        Err(e) if e.is_transient() => {
            let now = now_ms();
            let job = QueuedPublish {
                draft_id,
                blog_id: blog.id,
                title: version.title,
                body: version.body,
                status: options.status,
                at_ms: options.at.map(|t| t.as_millisecond()),
                overwrite: options.overwrite,
                recreate: options.recreate,
                queued_at: now,
                attempts: 0,
                next_attempt_at: now + wait_for(&e, 0),
                last_error: (&e).into(),
            };
            store.queue_publish(&job)?;
            tracing::info!(draft = draft_id, blog = blog.id, "publish queued");
            Ok(PublishOutcome::Queued { job })
        }
        Err(e) => Err(e),
    }
}

/// What sending one queued job came to.
#[cfg_attr(feature = "bindings", derive(specta::Type))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "result", rename_all = "snake_case")]
pub enum Sent {
    /// On the blog now.
    Published {
        draft_id: DraftId,
        blog_id: BlogId,
        url: Option<String>,
    },
    /// Still unreachable; tried again later.
    Waiting {
        draft_id: DraftId,
        blog_id: BlogId,
        error: crate::message::Said,
    },
    /// Failed for a reason the author must fix; taken out of the queue.
    Failed {
        draft_id: DraftId,
        blog_id: BlogId,
        error: crate::message::Said,
    },
}

/// Sends every queued job due by `due_by` (`Millis::MAX`: all of them, as at start-up or when
/// the author asks). `secret_of` reads a blog's secret (from the keychain:
/// [`crate::accounts::secret`]; a test's own secrets otherwise).
pub async fn send_queued(
    store: &mut Store,
    renderer: &Renderer,
    connector: &impl Connector,
    secret_of: &(dyn Fn(&mut Store, &Blog) -> Result<String> + Send + Sync),
    due_by: Millis,
) -> Result<Vec<Sent>> {
    let claim = claim_token();
    let mut report = Vec::new();
    while let Some(job) = store.claim_queued_publish(&claim, due_by, LEASE_MS)? {
        let (draft_id, blog_id) = (job.draft_id, job.blog_id);
        let Some(blog) = store.blog(blog_id)? else {
            // The blog was removed; its jobs went with it (ON DELETE CASCADE) but for this one.
            store.finish_queued_publish(&job, &claim)?;
            continue;
        };
        let version = Version {
            title: job.title.clone(),
            body: job.body.clone(),
        };
        let (sent, transient) = match secret_of(store, &blog) {
            Ok(secret) => {
                let sent = publish_version(
                    store,
                    renderer,
                    connector,
                    &blog,
                    &secret,
                    draft_id,
                    &version,
                    job.options(),
                    &|_| {},
                )
                .await;
                let transient = sent.as_ref().is_err_and(Error::is_transient);
                (sent, transient)
            }
            // A keychain still locked at start-up is worth waiting for too.
            Err(e) => (Err(e), true),
        };
        match sent {
            Ok(publication) => {
                store.finish_queued_publish(&job, &claim)?;
                report.push(Sent::Published {
                    draft_id,
                    blog_id,
                    url: publication.remote_url,
                });
            }
            Err(e) if transient => {
                let next = now_ms() + wait_for(&e, job.attempts + 1);
                store.release_queued_publish(&job, &claim, &(&e).into(), next)?;
                report.push(Sent::Waiting {
                    draft_id,
                    blog_id,
                    error: (&e).into(),
                });
            }
            Err(e) => {
                store.finish_queued_publish(&job, &claim)?;
                report.push(Sent::Failed {
                    draft_id,
                    blog_id,
                    error: (&e).into(),
                });
            }
        }
    }
    for sent in &report {
        tracing::info!(?sent, "queued publish tried");
    }
    Ok(report)
}

/// The wait after the `attempts`-th failed attempt (0: the publish by hand): 30 s, 1 min,
/// 2 min… up to 15 min, and never sooner than a busy blog asked.
fn wait_for(error: &Error, attempts: u32) -> Millis {
    let backoff = FIRST_WAIT_MS
        .saturating_mul(1 << attempts.min(10))
        .min(MAX_WAIT_MS);
    let asked = error.retry_after_secs().map_or(0, |s| {
        Millis::try_from(s.saturating_mul(1000)).unwrap_or(Millis::MAX)
    });
    backoff.max(asked)
}

/// A token naming this sender in the queue's claims.
fn claim_token() -> String {
    let mut bytes = [0u8; 8];
    // Without randomness the process id still tells senders apart.
    let _ = getrandom::fill(&mut bytes);
    format!("{}-{}", std::process::id(), u64::from_le_bytes(bytes))
}
