//! What the drafts list asks for: words to find, a status, a blog, a tag and an order.

use serde::{Deserialize, Serialize};

use crate::model::blog::BlogId;
use crate::model::draft::{DraftId, DraftStatus, DraftSummary, Millis};

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

/// Drafts in a page of the library: a screenful several times over, so the list asks again
/// only when the author scrolls far.
pub const LIBRARY_PAGE: usize = 200;

/// Where a page of the library begins: after this row, in the query's order. The list hands
/// back the one its last page gave.
#[cfg_attr(feature = "bindings", derive(specta::Type))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct PageCursor {
    /// The row's time in the query's order (saved or created).
    pub at: Millis,
    pub id: DraftId,
}

/// A page of the library, in the query's order.
#[cfg_attr(feature = "bindings", derive(specta::Type))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct LibraryPage {
    pub drafts: Vec<DraftSummary>,
    /// Where the next page begins; none after the last.
    pub next: Option<PageCursor>,
}

impl SortOrder {
    /// A draft's time in this order.
    pub fn time_of(self, draft: &DraftSummary) -> Millis {
        match self {
            SortOrder::Updated => draft.updated_at,
            SortOrder::Created => draft.created_at,
        }
    }
}

/// A tag and how many drafts outside the trash carry it.
#[cfg_attr(feature = "bindings", derive(specta::Type))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TagCount {
    pub tag: String,
    pub drafts: u32,
}
