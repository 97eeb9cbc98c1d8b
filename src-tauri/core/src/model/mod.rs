//! The data Fumi works with, and nothing else: no database, no network, no files. `store`
//! persists these types; `publish`, `book` and `App` work with them.

pub mod blog;
pub mod book;
pub mod diff;
pub mod draft;
pub mod first_screen;
pub mod isbn;
pub mod library;
pub mod page_card;
pub mod post;
pub mod proofread;
pub mod queue;
pub mod settings;
pub mod sync;
