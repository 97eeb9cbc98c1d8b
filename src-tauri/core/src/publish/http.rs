//! HTTP as every blog protocol speaks it: one client per blog (bounded waits, certificates
//! checked, redirects kept on the blog's origin), replies read through a size cap, and one
//! classification of what a reply's status means — so a busy blog (429, 503 with
//! `Retry-After`) is waited for, then queued, the same way for every kind.

use std::time::Duration;

use reqwest::header::{HeaderMap, RETRY_AFTER};
use reqwest::{Client, RequestBuilder, StatusCode, Url};

use super::origin::{self, BlogOrigin, Redirected};
use crate::capped_body::{BodyError, read_capped};
use crate::error::{Error, Result};

/// Waits before the 2nd, 3rd and 4th attempt of a request that failed in a way worth retrying.
pub(super) const BACKOFF: [Duration; 3] = [
    Duration::from_millis(500),
    Duration::from_secs(1),
    Duration::from_secs(2),
];

/// The longest `Retry-After` waited out in place; a longer one sends the publish to the queue.
const MAX_RETRY_AFTER: Duration = Duration::from_secs(30);

/// The largest reply read from a blog: far above any listing of long posts, far below what
/// would exhaust memory.
pub const MAX_REPLY_BYTES: usize = 128 * 1024 * 1024;

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
    /// blog's certificate was refused or a redirect left the blog.
    pub(super) fn network(url: &str, e: &reqwest::Error, maybe_applied: bool) -> Failure {
        let error = network_error(url, e);
        Failure {
            retry_after: matches!(error, Error::BlogUnreachable { .. }).then_some(Duration::ZERO),
            error,
            maybe_applied,
        }
    }

    /// A reply Fumi cannot read: not worth another attempt, but the request may have been
    /// acted on.
    pub(super) fn malformed(url: &Url, detail: String) -> Failure {
        Failure {
            error: Error::BlogMalformedReply {
                url: url.to_string(),
                detail,
            },
            retry_after: None,
            maybe_applied: true,
        }
    }
}

/// What the author is told about a request that got no answer.
pub(super) fn network_error(url: &str, e: &reqwest::Error) -> Error {
    let mut source = std::error::Error::source(e);
    while let Some(s) = source {
        if let Some(r) = s.downcast_ref::<Redirected>()
            && let Ok(origin) = BlogOrigin::of(url)
        {
            return origin.elsewhere(&r.to);
        }
        source = s.source();
    }
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

/// The origin of the blog at `site` and the HTTP client that carries its credentials: refused
/// over plain http off loopback; bounded waits, TLS certificates always checked, and redirects
/// followed only within the origin of the request they answer.
pub(super) fn client(site: &str) -> Result<(BlogOrigin, Client)> {
    let origin = BlogOrigin::of(site)?;
    origin.require_secure()?;
    let client = crate::tls::client_builder()
        .connect_timeout(Duration::from_secs(10))
        .timeout(request_timeout())
        .redirect(origin::redirect_policy())
        .user_agent(concat!("Fumi/", env!("CARGO_PKG_VERSION")))
        .build()
        .map_err(|e| Error::BlogUnreachable {
            url: origin.to_string(),
            detail: e.to_string(),
        })?;
    Ok((origin, client))
}

/// How long one request may take before it counts as lost: 60 s, or `FUMI_NETWORK_TIMEOUT_SECS`
/// for very slow links (and for tests of a stalled server).
fn request_timeout() -> Duration {
    std::env::var("FUMI_NETWORK_TIMEOUT_SECS")
        .ok()
        .and_then(|v| v.trim().parse().ok())
        .map_or(Duration::from_secs(60), Duration::from_secs)
}

/// A blog's answer, read whole (within [`MAX_REPLY_BYTES`]).
pub(super) struct Reply {
    pub(super) url: Url,
    pub(super) status: StatusCode,
    /// The server's `Retry-After`, in seconds or as a date, as a wait from now.
    pub(super) retry_after: Option<Duration>,
    pub(super) body: Vec<u8>,
}

/// How a reply's status reads, the same for every protocol.
pub(super) enum Verdict {
    /// 2xx.
    Success,
    /// 401 or 403: the credentials were refused.
    Rejected,
    /// Anything else: the protocol's own error, built by the caller and classified by
    /// [`Reply::failure`].
    Other,
}

impl Reply {
    /// Sends a request and reads its whole answer; a request that got no answer, or an answer
    /// larger than the cap, is a [`Failure`].
    pub(super) async fn send(
        request: RequestBuilder,
        url: &Url,
    ) -> std::result::Result<Reply, Failure> {
        let response = request.send().await.map_err(|e| {
            // A request refused before it connected was never seen by the blog.
            Failure::network(url.as_str(), &e, !e.is_connect())
        })?;
        let status = response.status();
        let retry_after = retry_after(response.headers());
        let body = read_capped(response, MAX_REPLY_BYTES)
            .await
            .map_err(|e| match e {
                BodyError::TooLarge => Failure::malformed(
                    url,
                    format!("the answer is larger than {} MiB", MAX_REPLY_BYTES >> 20),
                ),
                // The request reached the blog; only its answer was cut.
                BodyError::Network(e) => Failure::network(url.as_str(), &e, true),
            })?;
        Ok(Reply {
            url: url.clone(),
            status,
            retry_after,
            body,
        })
    }

    /// What the status says.
    pub(super) fn verdict(&self) -> Verdict {
        match self.status {
            s if s.is_success() => Verdict::Success,
            StatusCode::UNAUTHORIZED | StatusCode::FORBIDDEN => Verdict::Rejected,
            _ => Verdict::Other,
        }
    }

    /// The body as text (UTF-8, invalid bytes replaced).
    pub(super) fn text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }

    /// The start of the body, for a message: a server's short explanation.
    pub(super) fn excerpt(&self) -> String {
        self.text().trim().chars().take(200).collect()
    }

    /// The failure an error status amounts to. A busy blog (429, or 503 with `Retry-After`) is
    /// waited for when it asks for ≤ 30 s, and otherwise reported as busy, which queues a
    /// publish; other 5xx are retried with backoff and may come after the blog acted; `error`
    /// is the protocol's own description of anything else.
    pub(super) fn failure(&self, error: Error) -> Failure {
        let busy = self.status == StatusCode::TOO_MANY_REQUESTS
            || (self.status == StatusCode::SERVICE_UNAVAILABLE && self.retry_after.is_some());
        if busy {
            let wait = self.retry_after.unwrap_or(Duration::from_secs(1));
            return Failure {
                error: Error::BlogRateLimited {
                    url: self.url.to_string(),
                    retry_after: self.retry_after.map(|d| d.as_secs()),
                },
                retry_after: (wait <= MAX_RETRY_AFTER).then_some(wait),
                // A busy server refuses before doing any work.
                maybe_applied: false,
            };
        }
        let server = self.status.is_server_error();
        Failure {
            error: match self.verdict() {
                Verdict::Rejected => Error::BlogRejectedCredentials {
                    blog: host(&self.url),
                    detail: match self.excerpt() {
                        m if m.is_empty() => self.status.to_string(),
                        m => m,
                    },
                },
                _ => error,
            },
            retry_after: server.then_some(Duration::ZERO),
            maybe_applied: server,
        }
    }

    /// A plain `BlogHttp` error for this reply, for protocols whose error bodies carry no code.
    pub(super) fn plain_error(&self) -> Error {
        Error::BlogHttp {
            url: self.url.to_string(),
            status: self.status.as_u16(),
            code: String::new(),
            message: self.excerpt(),
            data: serde_json::Value::Null,
        }
    }
}

/// A URL's host and port, as the author typed them.
fn host(url: &Url) -> String {
    match (url.host_str(), url.port()) {
        (Some(h), Some(p)) => format!("{h}:{p}"),
        (Some(h), None) => h.to_owned(),
        _ => url.to_string(),
    }
}

/// `Retry-After` as a wait from now: delay-seconds, or an HTTP-date (RFC 9110 §10.2.3).
fn retry_after(headers: &HeaderMap) -> Option<Duration> {
    let value = headers.get(RETRY_AFTER)?.to_str().ok()?.trim();
    if let Ok(secs) = value.parse::<u64>() {
        return Some(Duration::from_secs(secs));
    }
    let at = jiff::fmt::rfc2822::parse(value).ok()?.timestamp();
    let wait = at.duration_since(jiff::Timestamp::now());
    Some(Duration::try_from(wait).unwrap_or(Duration::ZERO))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(value: &str) -> HeaderMap {
        let mut h = HeaderMap::new();
        h.insert(RETRY_AFTER, value.parse().unwrap());
        h
    }

    #[test]
    fn retry_after_reads_seconds_and_dates() {
        assert_eq!(retry_after(&headers("120")), Some(Duration::from_secs(120)));
        assert_eq!(
            retry_after(&headers("Sun, 06 Nov 1994 08:49:37 GMT")),
            Some(Duration::ZERO)
        );
        let soon = jiff::Timestamp::now() + jiff::SignedDuration::from_secs(90);
        let date = jiff::fmt::rfc2822::DateTimePrinter::new()
            .timestamp_to_rfc9110_string(&soon)
            .unwrap();
        let wait = retry_after(&headers(&date)).unwrap();
        assert!((85..=90).contains(&wait.as_secs()), "{date}: {wait:?}");
        assert_eq!(retry_after(&headers("soon")), None);
        assert_eq!(retry_after(&HeaderMap::new()), None);
    }

    fn reply(status: u16, retry: Option<u64>) -> Reply {
        Reply {
            url: Url::parse("https://blog.example/atom/entry").unwrap(),
            status: StatusCode::from_u16(status).unwrap(),
            retry_after: retry.map(Duration::from_secs),
            body: b"busy".to_vec(),
        }
    }

    #[test]
    fn every_protocol_reads_a_busy_blog_alike() {
        let f = reply(429, Some(5)).failure(Error::NoDataDir);
        assert_eq!(f.error.code(), "blog_rate_limited");
        assert!(f.error.is_transient());
        assert_eq!(f.retry_after, Some(Duration::from_secs(5)));
        assert!(!f.maybe_applied);
        // Longer than is worth waiting in place: no in-place retry, the queue takes it.
        let f = reply(429, Some(3600)).failure(Error::NoDataDir);
        assert_eq!(f.retry_after, None);
        assert!(f.error.to_string().contains("3600"), "{}", f.error);
        let f = reply(503, Some(10)).failure(Error::NoDataDir);
        assert_eq!(f.error.code(), "blog_rate_limited");
        let f = reply(503, None).failure(reply(503, None).plain_error());
        assert_eq!(f.error.code(), "blog_http");
        assert!(f.maybe_applied && f.retry_after.is_some());
        let f = reply(401, None).failure(Error::NoDataDir);
        assert_eq!(f.error.code(), "blog_rejected_credentials");
        assert!(f.retry_after.is_none());
        let f = reply(400, None).failure(Error::NoDataDir);
        assert_eq!(f.error.code(), "no_data_dir");
    }
}
