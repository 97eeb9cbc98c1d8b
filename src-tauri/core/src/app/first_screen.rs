//! The window's first screen, read through one connection.

use crate::error::Result;
use crate::model::first_screen::FirstScreen;
use crate::model::library::{LIBRARY_PAGE, LibraryQuery};

use super::App;

impl App {
    /// What the window shows when it opens (see [`FirstScreen`]).
    pub fn first_screen(&self) -> Result<FirstScreen> {
        let store = self.reader()?;
        let library = store.library_page(&LibraryQuery::default(), None, LIBRARY_PAGE)?;
        let draft = match library.drafts.first() {
            Some(newest) => Some(store.draft(newest.id)?),
            None => None,
        };
        Ok(FirstScreen {
            settings: store.settings()?,
            blogs: store.blogs()?,
            trash: store.trash_count()?,
            tags: store.tags()?,
            library,
            draft,
        })
    }
}
