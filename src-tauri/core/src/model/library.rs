//! What the drafts list asks for: words to find, a status, a blog, a tag and an order.

use serde::{Deserialize, Serialize};

use crate::model::blog::BlogId;
use crate::model::draft::DraftStatus;

/// A library query; every part is optional and they all must hold.
#[cfg_attr(feature = "bindings", derive(specta::Type))]
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(default)]
pub struct LibraryQuery {
    /// Words in the title or body, Japanese substrings of any length included.
    pub text: String,
    /// The draft's standing across its blogs.
    pub status: Option<DraftStatus>,
    /// Drafts posted on this blog.
    pub blog: Option<BlogId>,
    /// Drafts whose front matter has this category or tag.
    pub tag: Option<String>,
    pub sort: SortOrder,
}

/// The list's order, newest first.
#[cfg_attr(feature = "bindings", derive(specta::Type))]
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SortOrder {
    /// Last saved first.
    #[default]
    Updated,
    /// Last created first.
    Created,
}

/// A tag and how many drafts outside the trash carry it.
#[cfg_attr(feature = "bindings", derive(specta::Type))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TagCount {
    pub tag: String,
    pub drafts: u32,
}
