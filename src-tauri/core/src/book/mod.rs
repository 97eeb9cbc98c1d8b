//! Book reviews as first-class posts: the book a draft reviews, looked up by ISBN, shown as a
//! card where the author puts `[book]`, and a review template to start from.

pub mod asin;
pub mod card;
pub mod lookup;
pub mod review;
pub mod source;
pub mod template;

use crate::error::Result;
use crate::model::book::{Book, Isbn};
use crate::model::draft::DraftId;
use crate::store::Store;

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
