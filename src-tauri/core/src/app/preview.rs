//! The live preview's part of `App`: its renderer made ready before the window first asks.

use crate::error::Result;
use crate::model::library::LibraryQuery;
use crate::model::page_card::PageCards;
use crate::render::Flavor;
use crate::render::live::LivePreview;

use super::App;

impl App {
    /// Renders the draft the window will open first (the last saved) and drops it: the syntax
    /// definitions its code blocks use are compiled and the blocks highlighted, in the renderer
    /// the window shares, so its first preview costs what any later one does. The window runs
    /// this while its page loads its script. Returns whether a draft was rendered.
    pub fn warm_preview(&self) -> Result<bool> {
        let Some(newest) = self
            .reader()?
            .library_page(&LibraryQuery::default(), None, 1)?
            .drafts
            .into_iter()
            .next()
        else {
            return Ok(false);
        };
        let draft = self.draft(newest.id)?;
        // Code is highlighted alike in every flavor; cards and images are not what is slow.
        let _ = LivePreview::for_flavor(
            self.renderer(),
            &draft.body,
            |_| None,
            None,
            Flavor::Plain,
            PageCards::new(),
        );
        Ok(true)
    }
}
