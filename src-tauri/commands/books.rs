//! Books: the draft's book (edited by hand or looked up by ISBN), new reviews, My books.
//!
//! Lookups go to the network on a connection of their own, like publishing.

use fumi_core::DraftId;
use fumi_core::book::review;
use fumi_core::book::template::TemplateLanguage;
use fumi_core::model::book::{Book, BookOrder, Isbn, ReviewedBook};
use serde::Serialize;
use tauri::State;

use super::Result;
use crate::ipc_error::IpcError;
use crate::window::AppState;

#[tauri::command(async)]
#[specta::specta]
pub fn get_book(state: State<'_, AppState>, draft: DraftId) -> Result<Option<Book>> {
    Ok(state.app()?.book(draft)?)
}

/// Saves the book as the author typed it, the ISBN as typed (a typo is a message, and the
/// other fields are saved all the same).
#[tauri::command(async)]
#[specta::specta]
pub fn set_book(
    state: State<'_, AppState>,
    draft: DraftId,
    book: Book,
    isbn: String,
) -> Result<Book> {
    Ok(state.app()?.set_book(draft, book, &isbn)?)
}

/// Looks the ISBN up (Fumi's database first, then the book databases) and makes it the
/// draft's book.
#[tauri::command]
#[specta::specta]
pub async fn lookup_book(
    state: State<'_, AppState>,
    draft: DraftId,
    isbn: String,
) -> Result<review::Filled> {
    let isbn: Isbn = isbn.parse()?;
    Ok(state.app()?.lookup_book(draft, &isbn).await?)
}

/// A new review and, if the lookup failed, why (the review exists either way).
#[derive(specta::Type, Serialize)]
pub struct NewReview {
    draft: DraftId,
    lookup_error: Option<IpcError>,
}

/// Starts a review of the book with this ISBN from the template, in the window's language
/// (`ja` or `en`).
#[tauri::command]
#[specta::specta]
pub async fn new_review(
    state: State<'_, AppState>,
    isbn: String,
    language: String,
) -> Result<NewReview> {
    let isbn: Isbn = isbn.parse()?;
    let language = match language.as_str() {
        "ja" => TemplateLanguage::Ja,
        _ => TemplateLanguage::En,
    };
    let (draft, failure) = state.app()?.new_review(&isbn, language).await?;
    Ok(NewReview {
        draft: draft.id,
        lookup_error: failure.map(IpcError::from),
    })
}

#[tauri::command(async)]
#[specta::specta]
pub fn reviewed_books(state: State<'_, AppState>, order: BookOrder) -> Result<Vec<ReviewedBook>> {
    Ok(state.app()?.reviewed_books(order)?)
}
