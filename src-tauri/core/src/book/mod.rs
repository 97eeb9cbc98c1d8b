//! Book reviews as first-class posts: the book a draft reviews, looked up by ISBN, shown as a
//! card where the author puts `[book]`, and a review template to start from.

pub mod card;
pub mod isbn;
pub mod lookup;
pub mod review;
pub mod source;
pub mod template;

use serde::{Deserialize, Serialize};

pub use isbn::Isbn;

use crate::draft::DraftId;
use crate::error::{Error, Result};
use crate::store::Store;

/// What a book database says about a book: the facts a lookup fills in.
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

/// Saves a draft's book as the author typed it, the ISBN as typed. An ISBN that is not valid
/// does not cost the other fields: they are saved with the ISBN kept before, and the ISBN's
/// error is returned for the author to read.
pub fn save_typed(
    store: &mut Store,
    draft_id: DraftId,
    mut book: Book,
    typed_isbn: &str,
) -> Result<Book> {
    let isbn = match typed_isbn.trim() {
        "" => Ok(None),
        typed => typed.parse::<Isbn>().map(Some),
    };
    match isbn {
        Ok(isbn) => {
            book.isbn = isbn;
            store.set_book(draft_id, &book)?;
            Ok(book)
        }
        Err(e) => {
            book.isbn = store.book(draft_id)?.and_then(|b| b.isbn);
            store.set_book(draft_id, &book)?;
            Err(e)
        }
    }
}

/// A reviewed book as "My books" lists it, with its review.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ReviewedBook {
    pub draft_id: DraftId,
    /// The review's title.
    pub review_title: String,
    #[serde(flatten)]
    pub book: Book,
}

/// How "My books" orders the books.
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
