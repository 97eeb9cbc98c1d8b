//! The cards of the pages a draft embeds, and of the books of its product cards: read from the
//! pages (or the book databases) once, kept in the database, and read again only when the
//! author asks.

use std::collections::{HashMap, HashSet};
use std::sync::{Mutex, PoisonError};
use std::time::{Duration, Instant};

use super::App;
use crate::error::Result;
use crate::model::page_card::PageCards;
use crate::store::now_ms;

/// How long a page that could not be read is left alone before it is tried again unasked.
const RETRY_AFTER: Duration = Duration::from_secs(10 * 60);

/// The pages being read now, and when each page that could not be read was last tried.
#[derive(Default)]
pub(super) struct CardReads {
    reading: Mutex<HashSet<String>>,
    failed: Mutex<HashMap<String, Instant>>,
}

impl App {
    /// The kept cards of the pages `text` embeds (the preview draws the others plain).
    pub fn page_cards(&self, text: &str) -> Result<PageCards> {
        let urls = crate::render::embedded_urls(text);
        if urls.is_empty() {
            return Ok(PageCards::new());
        }
        self.reader()?.page_cards(&urls)
    }

    /// Reads the pages `text` embeds whose cards are not kept yet (`again`: every one, as the
    /// author asks) and keeps their cards; answers how many cards are new. A page already being
    /// read, or one that failed in the last ten minutes, is skipped unless asked again; a page
    /// that cannot be read leaves its card plain and is not an error.
    pub async fn read_page_cards(&self, text: &str, again: bool) -> Result<usize> {
        let urls = crate::render::embedded_urls(text);
        let kept = if again {
            PageCards::new()
        } else {
            self.reader()?.page_cards(&urls)?
        };
        let mut read = 0;
        for url in urls.into_iter().filter(|u| !kept.contains_key(u)) {
            let book = crate::book::asin::isbn_of(&url);
            if !self.claim_card_read(&url, again) {
                continue;
            }
            let card = match book {
                Some(isbn) => self
                    .lookup(&isbn)
                    .await
                    .map(|found| crate::book::asin::page_card(&url, &found.facts, now_ms())),
                None => crate::page_card::fetch(&url, now_ms()).await,
            };
            self.card_reads
                .reading
                .lock()
                .unwrap_or_else(PoisonError::into_inner)
                .remove(&url);
            match card {
                Ok(card) => {
                    self.writer().keep_page_card(&card)?;
                    read += 1;
                }
                Err(e) => {
                    tracing::info!(url, error = %e, "page card not read");
                    self.card_reads
                        .failed
                        .lock()
                        .unwrap_or_else(PoisonError::into_inner)
                        .insert(url, Instant::now());
                }
            }
        }
        Ok(read)
    }

    /// Whether this call may read `url` now (no other is reading it; it did not just fail).
    fn claim_card_read(&self, url: &str, again: bool) -> bool {
        let failed_lately = self
            .card_reads
            .failed
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .get(url)
            .is_some_and(|at| at.elapsed() < RETRY_AFTER);
        if failed_lately && !again {
            return false;
        }
        self.card_reads
            .reading
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .insert(url.to_owned())
    }
}
