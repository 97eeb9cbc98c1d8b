//! A connection to a blog of any kind (the one place that matches on [`BlogKind`]), and the
//! HTTP settings every kind shares.

use std::time::Duration;

use reqwest::Client;

use super::hatena::Hatena;
use super::metaweblog::MetaWeblog;
use super::wordpress::WordPress;
use super::{OutgoingPost, Publisher, RemoteMedia, RemotePost, RemoteStatus};
use crate::blog::{BlogAuth, BlogKind};
use crate::error::{Error, Result};
use crate::image::Image;

/// Waits before the 2nd, 3rd and 4th attempt of a request that failed in a way worth retrying.
pub(super) const BACKOFF: [Duration; 3] = [
    Duration::from_millis(500),
    Duration::from_secs(1),
    Duration::from_secs(2),
];

/// Why one attempt at a request failed, and whether another may succeed.
pub(super) struct Failure {
    pub(super) error: Error,
    /// `Some` when another attempt may succeed (after that long at the least).
    pub(super) retry_after: Option<Duration>,
    /// Whether the server may have acted on the request (the answer, not the request, was lost).
    pub(super) maybe_applied: bool,
}

impl Failure {
    /// A request that got no answer: worth another attempt (after the backoff), unless the
    /// blog's certificate was refused.
    pub(super) fn network(url: &str, e: &reqwest::Error, maybe_applied: bool) -> Failure {
        let error = network_error(url, e);
        Failure {
            retry_after: (!matches!(error, Error::BlogCertificate { .. }))
                .then_some(Duration::ZERO),
            error,
            maybe_applied,
        }
    }
}

impl Failure {
    /// An error status from the blog: a 5xx or 429 is worth another attempt, and a 5xx may come
    /// after the blog acted on the request.
    pub(super) fn status(error: Error, status: reqwest::StatusCode) -> Failure {
        Failure {
            error,
            retry_after: (status.is_server_error()
                || status == reqwest::StatusCode::TOO_MANY_REQUESTS)
                .then_some(Duration::ZERO),
            maybe_applied: status.is_server_error(),
        }
    }
}

/// What the author is told about a request that got no answer.
pub(super) fn network_error(url: &str, e: &reqwest::Error) -> Error {
    let detail = describe(e);
    // TLS errors differ by backend; every one names the certificate.
    if detail.to_lowercase().contains("certificate") {
        Error::BlogCertificate {
            url: url.to_owned(),
            detail,
        }
    } else {
        Error::BlogUnreachable {
            url: url.to_owned(),
            detail,
        }
    }
}

/// What failed, in full: reqwest's Display hides the cause ("error sending request").
pub(super) fn describe(e: &reqwest::Error) -> String {
    let mut detail = e.to_string();
    let mut source = std::error::Error::source(e);
    while let Some(s) = source {
        detail = format!("{detail}: {s}");
        source = s.source();
    }
    detail
}

/// Runs `attempt` until it succeeds or fails in a way not worth retrying, waiting [`BACKOFF`]
/// (or the server's `Retry-After`) between attempts. A request that is not `idempotent` is
/// sent again only when the server cannot have acted on it.
pub(super) async fn with_retries<T, F, Fut>(idempotent: bool, mut attempt: F) -> Result<T>
where
    F: FnMut() -> Fut,
    Fut: std::future::Future<Output = std::result::Result<T, Failure>>,
{
    let mut waits = BACKOFF.iter();
    loop {
        let failure = match attempt().await {
            Ok(value) => return Ok(value),
            Err(failure) => failure,
        };
        match (failure.retry_after, waits.next()) {
            (Some(at_least), Some(&wait)) if idempotent || !failure.maybe_applied => {
                tokio::time::sleep(wait.max(at_least)).await
            }
            _ => return Err(failure.error),
        }
    }
}

/// The HTTP client every blog protocol uses: bounded waits, TLS certificates always checked.
pub(super) fn http_client(site: &str) -> Result<Client> {
    Client::builder()
        .connect_timeout(Duration::from_secs(10))
        .timeout(request_timeout())
        .user_agent(concat!("Fumi/", env!("CARGO_PKG_VERSION")))
        .build()
        .map_err(|e| Error::BlogUnreachable {
            url: site.to_owned(),
            detail: e.to_string(),
        })
}

/// How long one request may take before it counts as lost: 60 s, or `FUMI_NETWORK_TIMEOUT_SECS`
/// for very slow links (and for tests of a stalled server).
fn request_timeout() -> Duration {
    std::env::var("FUMI_NETWORK_TIMEOUT_SECS")
        .ok()
        .and_then(|v| v.trim().parse().ok())
        .map_or(Duration::from_secs(60), Duration::from_secs)
}

/// A checked connection to one blog.
pub enum Connection {
    WordPress(WordPress),
    MetaWeblog(MetaWeblog),
    Hatena(Hatena),
}

impl Connection {
    /// Connects with the blog kind's protocol and checks the credentials.
    pub async fn open(
        kind: BlogKind,
        auth: BlogAuth,
        site_url: &str,
        user: &str,
        secret: &str,
    ) -> Result<Connection> {
        Ok(match kind {
            BlogKind::WordPress => {
                Connection::WordPress(WordPress::connect(site_url, user, secret).await?)
            }
            BlogKind::MetaWeblog => {
                Connection::MetaWeblog(MetaWeblog::connect(site_url, user, secret).await?)
            }
            BlogKind::Hatena => {
                Connection::Hatena(Hatena::connect(site_url, user, secret, auth).await?)
            }
        })
    }
}

/// Calls the same method on whichever kind this is.
macro_rules! each {
    ($self:ident, $c:ident => $call:expr) => {
        match $self {
            Connection::WordPress($c) => $call.await,
            Connection::MetaWeblog($c) => $call.await,
            Connection::Hatena($c) => $call.await,
        }
    };
}

impl Publisher for Connection {
    async fn create_post(&self, post: &OutgoingPost, since: jiff::Timestamp) -> Result<RemotePost> {
        each!(self, c => c.create_post(post, since))
    }

    async fn update_post(&self, id: &str, post: &OutgoingPost) -> Result<RemotePost> {
        each!(self, c => c.update_post(id, post))
    }

    async fn fetch_post(&self, id: &str) -> Result<RemotePost> {
        each!(self, c => c.fetch_post(id))
    }

    async fn set_status(&self, id: &str, status: RemoteStatus) -> Result<RemotePost> {
        each!(self, c => c.set_status(id, status))
    }

    async fn delete_post(&self, id: &str) -> Result<()> {
        each!(self, c => c.delete_post(id))
    }

    async fn upload_media(&self, image: &Image) -> Result<RemoteMedia> {
        each!(self, c => c.upload_media(image))
    }

    async fn find_created(
        &self,
        post: &OutgoingPost,
        since: jiff::Timestamp,
    ) -> Result<Option<RemotePost>> {
        each!(self, c => c.find_created(post, since))
    }

    async fn categories(&self) -> Result<Vec<String>> {
        each!(self, c => c.categories())
    }

    async fn list_posts(&self) -> Result<Vec<RemotePost>> {
        each!(self, c => c.list_posts())
    }
}
