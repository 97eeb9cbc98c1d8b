//! Books: what a database says about one, the book a review is of, My books and its orders.

use serde::{Deserialize, Serialize};

pub use crate::model::isbn::Isbn;

use crate::error::{Error, Result};
use crate::model::draft::DraftId;

/// What a book database says about a book: the facts a lookup fills in.
#[cfg_attr(feature = "bindings", derive(specta::Type))]
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct BookFacts {
    pub title: String,
    pub authors: Vec<String>,
    pub publisher: String,
    /// As precise as the source knows it: `2019-07-04`, `2019-07` or `2019`.
    pub published: String,
    pub pages: Option<u32>,
    /// Where the source keeps the cover image, if it has one.
    pub cover_url: Option<String>,
}

/// The book a draft reviews: the looked-up facts, editable by hand, and the author's own.
#[cfg_attr(feature = "bindings", derive(specta::Type))]
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Book {
    pub isbn: Option<Isbn>,
    #[serde(flatten)]
    pub facts: BookFacts,
    /// One to five stars.
    pub rating: Option<u8>,
    /// `YYYY-MM-DD`.
    pub started_on: Option<String>,
    pub finished_on: Option<String>,
    /// The cover kept in Fumi's database (`fumi-asset:<sha256>`), shown by cards.
    pub cover: Option<String>,
}

impl Book {
    /// Refuses what cannot be stored: a rating outside 1–5, a date not written `YYYY-MM-DD`.
    pub fn check(&self) -> Result<()> {
        if let Some(r) = self.rating
            && !(1..=5).contains(&r)
        {
            return Err(Error::BadRating(r));
        }
        for date in [&self.started_on, &self.finished_on].into_iter().flatten() {
            if date.parse::<jiff::civil::Date>().is_err() {
                return Err(Error::BadDate {
                    value: date.clone(),
                });
            }
        }
        Ok(())
    }

    /// Whether nothing is known about the book yet.
    pub fn is_empty(&self) -> bool {
        self.isbn.is_none() && self.facts.title.is_empty()
    }
}

/// A reviewed book as "My books" lists it, with its review.
#[cfg_attr(feature = "bindings", derive(specta::Type))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ReviewedBook {
    pub draft_id: DraftId,
    /// The review's title.
    pub review_title: String,
    #[serde(flatten)]
    pub book: Book,
}

/// How "My books" orders the books.
#[cfg_attr(feature = "bindings", derive(specta::Type))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum BookOrder {
    /// Last finished (or started) first; unread last.
    Read,
    /// Most stars first; unrated last.
    Rating,
    /// By the first author's name, then the title.
    Author,
}

/// Orders reviewed books; ties keep the order they came in (most recently read first).
pub fn sort(books: &mut [ReviewedBook], order: BookOrder) {
    let read = |b: &ReviewedBook| {
        b.book
            .finished_on
            .clone()
            .or_else(|| b.book.started_on.clone())
    };
    match order {
        BookOrder::Read => books.sort_by_key(|b| std::cmp::Reverse(read(b))),
        BookOrder::Rating => books.sort_by_key(|b| std::cmp::Reverse(b.book.rating)),
        BookOrder::Author => books.sort_by(|a, b| {
            let key = |x: &ReviewedBook| {
                (
                    x.book.facts.authors.first().cloned().unwrap_or_default(),
                    x.book.facts.title.clone(),
                )
            };
            key(a).cmp(&key(b))
        }),
    }
}

/// A book found: which database answered (or the cache) and what it said.
#[cfg_attr(feature = "bindings", derive(specta::Type))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Found {
    pub isbn: Isbn,
    /// The database's name as the author knows it ("openBD", "NDL Search"…).
    pub source: String,
    pub facts: BookFacts,
    /// Whether the answer came from Fumi's database rather than the network.
    pub cached: bool,
}

/// Where each book database answers; settings, so tests and authors behind proxies can point
/// them elsewhere. An empty endpoint skips that database.
#[cfg_attr(feature = "bindings", derive(specta::Type))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Endpoints {
    /// openBD's `get` (`…/v1/get?isbn=`): Japanese publishers' own data, with covers.
    pub openbd: String,
    /// National Diet Library Search's OpenSearch (`…/api/opensearch?isbn=`).
    pub ndl: String,
    /// Open Library's root (`…/isbn/{isbn}.json`, `…/authors/{id}.json`).
    pub open_library: String,
    /// Google Books' volumes (`…/books/v1/volumes?q=isbn:`).
    pub google_books: String,
}

impl Default for Endpoints {
    fn default() -> Self {
        Endpoints {
            openbd: "https://api.openbd.jp/v1/get".into(),
            ndl: "https://ndlsearch.ndl.go.jp/api/opensearch".into(),
            open_library: "https://openlibrary.org".into(),
            google_books: "https://www.googleapis.com/books/v1/volumes".into(),
        }
    }
}
