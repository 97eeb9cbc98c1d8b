//! Drafts: the library, open, save, trash, history, files in and out, settings.

use std::path::{Path, PathBuf};

use crate::draft_export::{self, DraftFormat};
use crate::error::Result;
use crate::export::{self, Moved};
use crate::history::{self, Diff, RevisionSummary};
use crate::image::Image;
use crate::model::draft::{Draft, DraftId, DraftSummary, Millis, SaveKind};
use crate::model::library::{LIBRARY_PAGE, LibraryPage, LibraryQuery, PageCursor, TagCount};
use crate::model::settings::Settings;

use super::App;

impl App {
    /// The drafts the query selects, in its order.
    pub fn library(&self, query: &LibraryQuery) -> Result<Vec<DraftSummary>> {
        self.reader()?.library(query)
    }

    /// The first page of the drafts the query selects, or the one after `after`
    /// ([`LIBRARY_PAGE`] drafts at most).
    pub fn library_page(
        &self,
        query: &LibraryQuery,
        after: Option<PageCursor>,
    ) -> Result<LibraryPage> {
        self.reader()?.library_page(query, after, LIBRARY_PAGE)
    }

    /// How many drafts the query selects.
    pub fn library_count(&self, query: &LibraryQuery) -> Result<u32> {
        self.reader()?.library_count(query)
    }

    /// Whether the query selects draft `id` as it is now.
    pub fn library_has(&self, query: &LibraryQuery, id: DraftId) -> Result<bool> {
        self.reader()?.library_has(query, id)
    }

    /// The drafts whose title or body holds `query` (any script, any length).
    pub fn search(&self, query: &str) -> Result<Vec<DraftSummary>> {
        self.reader()?.search(query)
    }

    /// Every tag in use, with how many drafts carry it.
    pub fn tags(&self) -> Result<Vec<TagCount>> {
        self.reader()?.tags()
    }

    /// The drafts in the trash.
    pub fn trash(&self) -> Result<Vec<DraftSummary>> {
        self.reader()?.list_trash()
    }

    /// How many drafts the trash holds.
    pub fn trash_count(&self) -> Result<u32> {
        self.reader()?.trash_count()
    }

    /// A new draft.
    pub fn create_draft(&self, title: &str, body: &str) -> Result<Draft> {
        self.writer().create_draft(title, body)
    }

    /// A draft with its text.
    pub fn draft(&self, id: DraftId) -> Result<Draft> {
        self.reader()?.draft(id)
    }

    /// Saves a draft's text (an autosave, or the author's explicit save).
    pub fn save_draft(
        &self,
        id: DraftId,
        title: &str,
        body: &str,
        kind: SaveKind,
    ) -> Result<DraftSummary> {
        self.writer().save_draft(id, title, body, kind)
    }

    /// Saves the editor's text, which was last in step with the stored draft at `seen` (its
    /// `updated_at`). If the stored text changed since by other hands (a sync, the command
    /// line), the author's text is saved all the same and the other waits beside it as a
    /// conflict: neither is lost, and the author chooses.
    pub fn save_draft_seen(
        &self,
        id: DraftId,
        title: &str,
        body: &str,
        kind: SaveKind,
        seen: Option<Millis>,
    ) -> Result<DraftSummary> {
        let mut store = self.writer();
        // Only the time is read on every save; the text only when it moved on without us.
        if let Some(seen) = seen
            && store.updated_at(id)? != seen
        {
            let stored = store.draft(id)?;
            if stored.title != title || stored.body != body {
                store.keep_sync_conflict(id, &stored.title, &stored.body)?;
            }
        }
        store.save_draft(id, title, body, kind)
    }

    /// Moves a draft to the trash.
    pub fn trash_draft(&self, id: DraftId) -> Result<()> {
        self.writer().trash_draft(id)
    }

    /// Takes a draft out of the trash.
    pub fn restore_draft(&self, id: DraftId) -> Result<()> {
        self.writer().restore_draft(id)
    }

    /// Deletes a trashed draft for good.
    pub fn purge_draft(&self, id: DraftId) -> Result<()> {
        self.writer().purge_draft(id)
    }

    /// Sets or clears a draft's target length in characters.
    pub fn set_goal(&self, id: DraftId, goal: Option<u32>) -> Result<()> {
        self.writer().set_goal(id, goal)
    }

    /// Keeps an image in the database; answers the reference the Markdown shows it by.
    pub fn add_image(&self, image: &Image) -> Result<String> {
        self.writer().add_asset(image)
    }

    /// An image kept in the database, by the hash of its bytes.
    pub fn image(&self, hash: &str) -> Result<Image> {
        self.reader()?.asset(hash)
    }

    /// Makes a Markdown file's text a new draft (its title from the front matter or the name).
    pub fn import_markdown(&self, name: &str, text: &str) -> Result<Draft> {
        let (title, body) = crate::draft_file::from_markdown_file(name, text);
        self.create_draft(&title, &body)
    }

    /// Makes each file a new draft; answers the newest one (the last), and stops at nothing:
    /// the first file refused is the error once every other file is in.
    pub fn open_files(&self, paths: &[PathBuf]) -> Result<Option<DraftId>> {
        let mut newest = None;
        let mut first_error = None;
        for path in paths {
            match crate::draft_file::read_file(path)
                .and_then(|(title, body)| self.create_draft(&title, &body))
            {
                Ok(draft) => newest = Some(draft.id),
                Err(e) => {
                    first_error.get_or_insert(e);
                }
            }
        }
        match first_error {
            Some(e) => Err(e),
            None => Ok(newest),
        }
    }

    /// Writes a draft as Markdown or as a standalone HTML page.
    pub fn export_draft(&self, id: DraftId, format: DraftFormat, path: &Path) -> Result<()> {
        draft_export::export_draft(&*self.reader()?, self.renderer(), id, format, path)
    }

    /// A draft's revisions, newest first.
    pub fn revisions(&self, id: DraftId) -> Result<Vec<RevisionSummary>> {
        history::revisions(&*self.reader()?, self.renderer(), id)
    }

    /// How a revision differs from the draft's text now.
    pub fn revision_diff(&self, id: DraftId, revision: i64) -> Result<Diff> {
        history::diff(&*self.reader()?, id, revision)
    }

    /// Makes a revision the draft's text again (the replaced text stays in the history).
    pub fn restore_revision(&self, id: DraftId, revision: i64) -> Result<Draft> {
        history::restore(&mut self.writer(), id, revision)
    }

    /// The author's preferences.
    pub fn settings(&self) -> Result<Settings> {
        self.reader()?.settings()
    }

    /// Saves the author's preferences.
    pub fn save_settings(&self, settings: &Settings) -> Result<()> {
        self.writer().save_settings(settings)
    }

    /// Writes every draft and image into `dir` (new or empty), reading beside autosave.
    pub fn export_all(&self, dir: &Path) -> Result<Moved> {
        export::export_all(&*self.reader()?, dir)
    }

    /// Adds every draft and image of an export in `dir`, on a connection of its own: each
    /// draft is its own short write, so autosave goes on between them.
    pub fn import_all(&self, dir: &Path) -> Result<Moved> {
        export::import_all(&mut self.connection()?, dir)
    }
}
