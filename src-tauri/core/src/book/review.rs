//! A review's book filled in from the databases, and a new review started from an ISBN.

use serde::Serialize;

use super::lookup;
use super::template::{self, TemplateLanguage};
use super::{Book, Isbn};
use crate::error::{Error, Result};
use crate::image::Image;
use crate::model::book::Endpoints;
use crate::model::book::Found;
use crate::model::draft::{Draft, DraftId};
use crate::store::Store;

/// The book for `isbn`: from Fumi's database if it was looked up before, else from the book
/// databases (and kept).
pub async fn find(store: &mut Store, endpoints: &Endpoints, isbn: &Isbn) -> Result<Found> {
    if let Some(found) = store.cached_lookup(isbn)? {
        return Ok(found);
    }
    let found = lookup::fetch(endpoints, isbn).await?;
    store.cache_lookup(&found)?;
    Ok(found)
}

/// Looks `isbn` up and makes it the draft's book: the looked-up facts replace the old ones; the
/// author's rating and reading dates stay. The cover is downloaded into Fumi's database; a
/// cover that cannot be fetched leaves the card without one, it does not fail the lookup.
pub async fn fill(
    store: &mut Store,
    endpoints: &Endpoints,
    draft_id: DraftId,
    isbn: &Isbn,
) -> Result<Filled> {
    store.draft(draft_id)?;
    let found = find(store, endpoints, isbn).await?;
    let (source, cached) = (found.source, found.cached);
    let mut book = store.book(draft_id)?.unwrap_or_default();
    let same_book = book.isbn.as_ref() == Some(isbn);
    book.isbn = Some(isbn.clone());
    book.facts = found.facts;
    if !same_book || book.cover.is_none() {
        book.cover = match &book.facts.cover_url {
            Some(url) => keep_cover(store, url, isbn).await,
            None => None,
        };
    }
    store.set_book(draft_id, &book)?;
    Ok(Filled {
        book,
        source,
        cached,
    })
}

/// A draft's book as a lookup filled it, and where the facts came from.
#[cfg_attr(feature = "bindings", derive(specta::Type))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Filled {
    pub book: Book,
    /// The database that answered ("openBD"…).
    pub source: String,
    /// Whether the answer was kept from an earlier lookup.
    pub cached: bool,
}

/// Downloads a cover into the database; its reference, or nothing if it cannot be had.
async fn keep_cover(store: &mut Store, url: &str, isbn: &Isbn) -> Option<String> {
    let kept = async {
        let bytes = lookup::fetch_cover(url).await?;
        let image = Image::from_bytes(bytes, &format!("{isbn}.jpg"))?;
        store.add_asset(&image)
    }
    .await;
    match kept {
        Ok(reference) => Some(reference),
        Err(e) => {
            tracing::warn!(%isbn, url, error = %e, "the cover could not be kept");
            None
        }
    }
}

/// A new review of the book with this ISBN, from the template. The lookup's failure (offline,
/// unknown ISBN) does not stop it: the review starts with the ISBN alone, and the failure is
/// returned beside it for the author to read.
pub async fn new_review(
    store: &mut Store,
    endpoints: &Endpoints,
    isbn: &Isbn,
    language: TemplateLanguage,
    own_template: &str,
) -> Result<(Draft, Option<Error>)> {
    // Looked up before the draft exists, so a slow lookup never shows an empty draft.
    let (book, failure) = match find(store, endpoints, isbn).await {
        Ok(found) => {
            let cover = match &found.facts.cover_url {
                Some(url) => keep_cover(store, url, isbn).await,
                None => None,
            };
            let book = Book {
                isbn: Some(isbn.clone()),
                facts: found.facts,
                cover,
                ..Book::default()
            };
            (book, None)
        }
        Err(e) => {
            let book = Book {
                isbn: Some(isbn.clone()),
                ..Book::default()
            };
            (book, Some(e))
        }
    };
    let (title, body) = template::new_review(&book, language, own_template);
    let title = if book.facts.title.is_empty() {
        format!("ISBN {isbn}")
    } else {
        title
    };
    let draft = store.create_draft(&title, &body)?;
    store.set_book(draft.id, &book)?;
    Ok((draft, failure))
}
