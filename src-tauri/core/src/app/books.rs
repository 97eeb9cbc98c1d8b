//! Books: the draft's book (typed or looked up by ISBN), new reviews, My books.

use crate::book;
use crate::book::review::{self, Filled};
use crate::book::template::TemplateLanguage;
use crate::error::{Error, Result};
use crate::model::book::Found;
use crate::model::book::{Book, BookOrder, Isbn, ReviewedBook};
use crate::model::draft::{Draft, DraftId};

use super::App;

impl App {
    /// A draft's book, if it has one.
    pub fn book(&self, draft: DraftId) -> Result<Option<Book>> {
        self.reader()?.book(draft)
    }

    /// Saves the book as the author typed it, the ISBN as typed (a typo is the error, and the
    /// other fields are saved all the same).
    pub fn set_book(&self, draft: DraftId, book: Book, isbn: &str) -> Result<Book> {
        book::save_typed(&mut self.writer(), draft, book, isbn)
    }

    /// Looks the ISBN up (Fumi's database first, then the book databases) and makes it the
    /// draft's book. The network is waited for on a connection of its own.
    pub async fn lookup_book(&self, draft: DraftId, isbn: &Isbn) -> Result<Filled> {
        let mut store = self.connection()?;
        let endpoints = store.settings()?.book_sources;
        review::fill(&mut store, &endpoints, draft, isbn).await
    }

    /// Looks a book up by ISBN (Fumi's database first, then the book databases), keeping the
    /// answer for the next time.
    pub async fn lookup(&self, isbn: &Isbn) -> Result<Found> {
        let mut store = self.connection()?;
        let endpoints = store.settings()?.book_sources;
        review::find(&mut store, &endpoints, isbn).await
    }

    /// A new review of the book with this ISBN from the template (the author's own, else
    /// Fumi's in `language`), and why the lookup failed if it did: the review exists either way.
    pub async fn new_review(
        &self,
        isbn: &Isbn,
        language: TemplateLanguage,
    ) -> Result<(Draft, Option<Error>)> {
        let mut store = self.connection()?;
        let settings = store.settings()?;
        review::new_review(
            &mut store,
            &settings.book_sources,
            isbn,
            language,
            &settings.review_template,
        )
        .await
    }

    /// The books of every review, in `order`.
    pub fn reviewed_books(&self, order: BookOrder) -> Result<Vec<ReviewedBook>> {
        let mut books = self.reader()?.reviewed_books()?;
        crate::model::book::sort(&mut books, order);
        Ok(books)
    }
}
