//! ISBN lookup: the public book databases asked in order until one knows the book, answers kept
//! in the database so a book is fetched once.

use std::time::Duration;

use reqwest::{Client, StatusCode};

use super::source::{self, Source};
use crate::capped_body::{BodyError, read_capped};
use crate::error::{Error, Result};
use crate::image::MAX_IMAGE_BYTES;
use crate::model::book::{Endpoints, Found, Isbn};

/// Why one database gave no answer.
#[derive(Debug)]
pub(super) enum Miss {
    /// It answered: it does not have the book.
    NotFound,
    /// It could not be asked, or its answer could not be read.
    Failed(String),
}

/// Asks the databases in order (openBD, NDL Search, Open Library, Google Books) and returns the
/// first answer. Not found anywhere, or not reachable: an error that says which, so the author
/// knows whether to check the number or to type the details.
pub async fn fetch(endpoints: &Endpoints, isbn: &Isbn) -> Result<Found> {
    let client = client(Duration::from_secs(15)).map_err(|detail| Error::BookLookupFailed {
        isbn: isbn.to_string(),
        detail,
    })?;
    let mut not_found = Vec::new();
    let mut failures = Vec::new();
    for src in Source::ALL {
        let endpoint = src.endpoint(endpoints);
        if endpoint.trim().is_empty() {
            continue;
        }
        match source::ask(src, &client, endpoint.trim_end_matches('/'), isbn).await {
            Ok(facts) => {
                tracing::info!(isbn = %isbn, source = src.name(), "book found");
                return Ok(Found {
                    isbn: isbn.clone(),
                    source: src.name().to_owned(),
                    facts,
                    cached: false,
                });
            }
            Err(Miss::NotFound) => not_found.push(src.name()),
            Err(Miss::Failed(detail)) => {
                tracing::warn!(isbn = %isbn, source = src.name(), %detail, "book lookup failed");
                failures.push(format!("{}: {detail}", src.name()));
            }
        }
    }
    if failures.is_empty() && not_found.is_empty() {
        return Err(Error::BookLookupFailed {
            isbn: isbn.to_string(),
            detail: "every book database's address is empty in the settings".into(),
        });
    }
    if failures.is_empty() {
        Err(Error::BookNotFound {
            isbn: isbn.to_string(),
            tried: format!("asked {}", not_found.join(", ")),
        })
    } else {
        Err(Error::BookLookupFailed {
            isbn: isbn.to_string(),
            detail: failures.join("; "),
        })
    }
}

/// The largest answer read from a book database: a record is a few KiB.
const MAX_RECORD_BYTES: usize = 8 * 1024 * 1024;

/// GETs a URL; a 404 is "not found", anything but a 200 a failure. Returns the body.
pub(super) async fn get(client: &Client, url: &str) -> std::result::Result<String, Miss> {
    let response = client
        .get(url)
        .send()
        .await
        .map_err(|e| Miss::Failed(connection_detail(&e)))?;
    match response.status() {
        StatusCode::OK => match read_capped(response, MAX_RECORD_BYTES).await {
            Ok(body) => Ok(String::from_utf8_lossy(&body).into_owned()),
            Err(BodyError::TooLarge) => Err(Miss::Failed(format!(
                "the answer is larger than {} MiB",
                MAX_RECORD_BYTES >> 20
            ))),
            Err(BodyError::Network(e)) => Err(Miss::Failed(connection_detail(&e))),
        },
        StatusCode::NOT_FOUND => Err(Miss::NotFound),
        status => Err(Miss::Failed(format!("HTTP {status}"))),
    }
}

/// Downloads a cover image (bounded like any image Fumi keeps).
pub async fn fetch_cover(url: &str) -> Result<Vec<u8>> {
    let failed = |detail: String| Error::BookLookupFailed {
        isbn: String::new(),
        detail,
    };
    let client = client(Duration::from_secs(20)).map_err(failed)?;
    let response = client
        .get(url)
        .send()
        .await
        .map_err(|e| failed(connection_detail(&e)))?;
    if !response.status().is_success() {
        return Err(failed(format!(
            "the cover answered HTTP {}",
            response.status()
        )));
    }
    // No more than an image Fumi keeps may hold is read, whatever the server sends.
    read_capped(response, MAX_IMAGE_BYTES)
        .await
        .map_err(|e| match e {
            BodyError::TooLarge => failed(format!(
                "the cover is larger than {} MB",
                MAX_IMAGE_BYTES / 1_000_000
            )),
            BodyError::Network(e) => failed(connection_detail(&e)),
        })
}

/// The HTTP client of lookups and covers: a short wait to connect (an author is waiting),
/// `timeout` for the whole request.
fn client(timeout: Duration) -> std::result::Result<Client, String> {
    crate::tls::client_builder()
        .connect_timeout(Duration::from_secs(5))
        .timeout(timeout)
        .user_agent(concat!("Fumi/", env!("CARGO_PKG_VERSION")))
        .build()
        .map_err(|e| e.to_string())
}

/// A reqwest error as a short phrase (the chain's innermost cause says the most).
fn connection_detail(e: &reqwest::Error) -> String {
    let mut detail = e.to_string();
    let mut source = std::error::Error::source(e);
    while let Some(s) = source {
        detail = s.to_string();
        source = s.source();
    }
    if e.is_timeout() {
        "no answer in time".to_owned()
    } else {
        detail
    }
}
