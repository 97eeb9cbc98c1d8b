//! The book each review is about, and the book databases' answers kept for next time.

use rusqlite::{OptionalExtension, Row, params};

use super::{Store, now_ms};
use crate::error::Result;
use crate::model::book::Found;
use crate::model::book::{Book, BookFacts, Isbn, ReviewedBook};
use crate::model::draft::DraftId;

const BOOK_COLUMNS: &str = "isbn, title, authors, publisher, published, pages, cover_url, \
     rating, started_on, finished_on, cover";

impl Store {
    /// The book a draft reviews, if it has one.
    pub fn book(&self, draft_id: DraftId) -> Result<Option<Book>> {
        self.conn
            .query_row(
                &format!("SELECT {BOOK_COLUMNS} FROM books WHERE draft_id = ?1"),
                [draft_id],
                |r| book(r, 0),
            )
            .optional()
            .map_err(|e| self.err("loading the draft's book", e))
    }

    /// Sets the book a draft reviews (an empty book removes it).
    pub fn set_book(&mut self, draft_id: DraftId, book: &Book) -> Result<()> {
        book.check()?;
        self.draft(draft_id)?;
        if book.is_empty() && book.rating.is_none() && book.cover.is_none() {
            self.conn
                .execute("DELETE FROM books WHERE draft_id = ?1", [draft_id])
                .map_err(|e| self.err("removing the draft's book", e))?;
            return Ok(());
        }
        let f = &book.facts;
        self.conn
            .execute(
                &format!(
                    "INSERT OR REPLACE INTO books (draft_id, {BOOK_COLUMNS}) \
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)"
                ),
                params![
                    draft_id,
                    book.isbn.as_ref().map(Isbn::as_str),
                    f.title.trim(),
                    f.authors
                        .iter()
                        .map(|a| a.trim())
                        .filter(|a| !a.is_empty())
                        .collect::<Vec<_>>()
                        .join("\n"),
                    f.publisher.trim(),
                    f.published.trim(),
                    f.pages,
                    f.cover_url,
                    book.rating,
                    book.started_on,
                    book.finished_on,
                    book.cover,
                ],
            )
            .map_err(|e| self.err("saving the draft's book", e))?;
        Ok(())
    }

    /// Every reviewed book outside the trash, with its review's title, most recently read first.
    pub fn reviewed_books(&self) -> Result<Vec<ReviewedBook>> {
        let mut stmt = self
            .conn
            .prepare_cached(&format!(
                "SELECT drafts.id, drafts.title, {} FROM books \
                 JOIN drafts ON drafts.id = books.draft_id WHERE deleted_at IS NULL \
                 ORDER BY coalesce(finished_on, started_on, '') DESC, drafts.updated_at DESC",
                // Both tables have a title.
                BOOK_COLUMNS
                    .split(", ")
                    .map(|c| format!("books.{c}"))
                    .collect::<Vec<_>>()
                    .join(", ")
            ))
            .map_err(|e| self.err("listing books", e))?;
        let rows = stmt
            .query_map([], |r| {
                Ok(ReviewedBook {
                    draft_id: r.get(0)?,
                    review_title: r.get(1)?,
                    book: book(r, 2)?,
                })
            })
            .map_err(|e| self.err("listing books", e))?;
        rows.collect::<rusqlite::Result<_>>()
            .map_err(|e| self.err("listing books", e))
    }

    /// A book database's answer kept from an earlier lookup.
    pub fn cached_lookup(&self, isbn: &Isbn) -> Result<Option<Found>> {
        let row: Option<(String, String)> = self
            .conn
            .query_row(
                "SELECT source, facts FROM book_lookups WHERE isbn = ?1",
                [isbn.as_str()],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()
            .map_err(|e| self.err("reading the book cache", e))?;
        // An answer this build cannot read is looked up again, not an error.
        Ok(row.and_then(|(source, facts)| {
            Some(Found {
                isbn: isbn.clone(),
                source,
                facts: serde_json::from_str::<BookFacts>(&facts).ok()?,
                cached: true,
            })
        }))
    }

    /// Keeps a book database's answer.
    pub fn cache_lookup(&mut self, found: &Found) -> Result<()> {
        // Plain strings and numbers always serialize.
        let facts = serde_json::to_string(&found.facts).unwrap_or_default();
        self.conn
            .execute(
                "INSERT OR REPLACE INTO book_lookups (isbn, source, facts, fetched_at) VALUES (?1, ?2, ?3, ?4)",
                params![found.isbn.as_str(), found.source, facts, now_ms()],
            )
            .map_err(|e| self.err("keeping a book's facts", e))?;
        Ok(())
    }
}

/// A book from [`BOOK_COLUMNS`] starting at column `i`. Values that no longer read (an ISBN
/// written by hand into the file) are left out rather than failing the list.
fn book(r: &Row<'_>, i: usize) -> rusqlite::Result<Book> {
    let authors: String = r.get(i + 2)?;
    Ok(Book {
        isbn: r.get::<_, Option<String>>(i)?.and_then(|s| s.parse().ok()),
        facts: BookFacts {
            title: r.get(i + 1)?,
            authors: authors
                .lines()
                .filter(|a| !a.is_empty())
                .map(str::to_owned)
                .collect(),
            publisher: r.get(i + 3)?,
            published: r.get(i + 4)?,
            pages: r.get(i + 5)?,
            cover_url: r.get(i + 6)?,
        },
        rating: r.get(i + 7)?,
        started_on: r.get(i + 8)?,
        finished_on: r.get(i + 9)?,
        cover: r.get(i + 10)?,
    })
}
