//! What the window shows when it opens, read in one go.

use serde::Serialize;

use crate::model::blog::{Blog, BlogId};
use crate::model::draft::Draft;
use crate::model::library::{LibraryPage, TagCount};
use crate::model::settings::Settings;

/// The window's first screen: the author's preferences, the library as it opens and the draft
/// it opens on. One answer instead of six calls: on a busy machine each call costs the start a
/// round trip through the webview.
#[cfg_attr(feature = "bindings", derive(specta::Type))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FirstScreen {
    pub settings: Settings,
    pub blogs: Vec<Blog>,
    /// How many drafts are in the trash.
    pub trash: u32,
    /// The tags to filter by.
    pub tags: Vec<TagCount>,
    /// The list's first page, newest saved first.
    pub library: LibraryPage,
    /// The draft the window opens on: the one saved last (none in an empty library).
    pub draft: Option<Draft>,
}

impl FirstScreen {
    /// The blog the window's publish bar selects before the draft's publications are read:
    /// the settings' default, else `last_used`, else the first (none without blogs).
    pub fn first_blog(&self, last_used: Option<BlogId>) -> Option<&Blog> {
        let known = |id: BlogId| self.blogs.iter().find(|b| b.id == id);
        self.settings
            .default_blog
            .and_then(known)
            .or_else(|| last_used.and_then(known))
            .or_else(|| self.blogs.first())
    }
}
