//! Fumi's core: everything the app does, with no window and no IPC.
//!
//! The desktop shell and the CLI are both thin adapters over this crate. Nothing here knows about
//! Tauri, JSON or the webview; errors are typed values that the edges turn into messages.

pub mod accounts;
mod app;
pub mod blog;
pub mod blogsync;
pub mod book;
mod capped_body;
pub mod counts;
pub mod draft;
pub mod draft_export;
pub mod error;
pub mod export;
pub mod front_matter;
pub mod history;
pub mod image;
pub mod keychain;
pub mod library;
pub mod markdown_file;
pub mod message;
pub mod paths;
pub mod publish;
pub mod render;
pub mod settings;
pub mod store;
pub mod tags;

pub use app::App;
pub use blog::{Blog, BlogAuth, BlogId, BlogKind, Publication};
pub use counts::Counts;
pub use draft::{Draft, DraftId, DraftStatus, DraftSummary, Revision, SaveKind};
pub use error::{Error, Result};
pub use render::{Rendered, Renderer};
pub use store::Store;
