//! Full-text search over titles and bodies, in any script.

use super::Store;
use super::drafts::SUMMARY_COLUMNS as COLUMNS;
use crate::draft::DraftSummary;
use crate::error::Result;

/// The trigram index needs at least this many characters; shorter queries scan instead.
const TRIGRAM: usize = 3;

impl Store {
    /// Drafts outside the trash whose title or body contains `query` (case-insensitive for ASCII),
    /// most recently updated first. Finds Japanese substrings of any length: 「天気」 as well as 「読書会」.
    pub fn search(&self, query: &str) -> Result<Vec<DraftSummary>> {
        let query = query.trim();
        if query.is_empty() {
            return self.list_drafts();
        }
        if query.chars().count() >= TRIGRAM {
            // A quoted FTS5 string is matched as a substring by the trigram tokenizer.
            let phrase = format!("\"{}\"", query.replace('"', "\"\""));
            self.summaries(
                &format!(
                    "SELECT {COLUMNS} FROM drafts WHERE deleted_at IS NULL AND id IN \
                     (SELECT rowid FROM drafts_fts WHERE drafts_fts MATCH ?1) \
                     ORDER BY updated_at DESC, id DESC"
                ),
                [phrase],
            )
        } else {
            let pattern = format!(
                "%{}%",
                query
                    .replace('\\', "\\\\")
                    .replace('%', "\\%")
                    .replace('_', "\\_")
            );
            self.summaries(
                &format!(
                    "SELECT {COLUMNS} FROM drafts WHERE deleted_at IS NULL \
                     AND (title LIKE ?1 ESCAPE '\\' OR body LIKE ?1 ESCAPE '\\') \
                     ORDER BY updated_at DESC, id DESC"
                ),
                [pattern],
            )
        }
    }
}
