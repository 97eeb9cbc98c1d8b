//! Fumi's core: everything the app does, with no window and no IPC.
//!
//! The desktop shell and the CLI are both thin adapters over this crate. Nothing here knows about
//! Tauri, JSON or the webview; errors are typed values that the edges turn into messages.

pub mod accounts;
mod app;
pub mod blog_style;
pub mod blogsync;
pub mod book;
mod capped_body;
pub mod counts;
pub mod draft_export;
pub mod draft_file;
pub mod error;
pub mod export;
pub mod front_matter;
pub mod history;
mod html_scan;
pub mod image;
pub mod keychain;
pub mod markdown_file;
pub mod message;
pub mod model;
pub mod page_card;
pub mod paths;
pub mod proofread;
pub mod publish;
pub mod render;
pub mod store;
pub mod sync;
pub mod tags;
mod tls;
mod web_page;

pub use app::App;
pub use counts::Counts;
pub use error::{Error, Result};
pub use model::blog::{Blog, BlogAuth, BlogId, BlogKind, Publication};
pub use model::draft::{Draft, DraftId, DraftStatus, DraftSummary, Revision, SaveKind};
pub use render::{Rendered, Renderer};
pub use store::Store;
