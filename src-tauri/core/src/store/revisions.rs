//! Snapshots of a draft's text over time.

use rusqlite::{Connection, OptionalExtension, params};

use super::Store;
use crate::error::{Error, Result};
use crate::model::draft::{DraftId, Millis, Revision};

const COLUMNS: &str = "id, draft_id, title, body, edited_at, created_at";

impl Store {
    /// A draft's revisions, newest first.
    pub fn revisions(&self, draft_id: DraftId) -> Result<Vec<Revision>> {
        let mut stmt = self
            .conn
            .prepare_cached(&format!(
                "SELECT {COLUMNS} FROM revisions WHERE draft_id = ?1 ORDER BY id DESC"
            ))
            .map_err(|e| self.err("listing revisions", e))?;
        let rows = stmt
            .query_map([draft_id], revision)
            .map_err(|e| self.err("listing revisions", e))?;
        rows.collect::<rusqlite::Result<_>>()
            .map_err(|e| self.err("listing revisions", e))
    }

    /// One revision of a draft.
    pub fn revision(&self, draft_id: DraftId, id: i64) -> Result<Revision> {
        self.conn
            .prepare_cached(&format!(
                "SELECT {COLUMNS} FROM revisions WHERE draft_id = ?1 AND id = ?2"
            ))
            .and_then(|mut stmt| stmt.query_row([draft_id, id], revision).optional())
            .map_err(|e| self.err("reading a revision", e))?
            .ok_or(Error::RevisionNotFound(id))
    }
}

/// The newest revision of a draft, if any.
pub(super) fn newest(conn: &Connection, draft_id: DraftId) -> rusqlite::Result<Option<Revision>> {
    conn.prepare_cached(&format!(
        "SELECT {COLUMNS} FROM revisions WHERE draft_id = ?1 ORDER BY id DESC LIMIT 1"
    ))?
    .query_row([draft_id], revision)
    .optional()
}

/// Stores a snapshot.
pub(super) fn insert(
    conn: &Connection,
    draft_id: DraftId,
    title: &str,
    body: &str,
    edited_at: Millis,
    created_at: Millis,
) -> rusqlite::Result<()> {
    conn.prepare_cached(
        "INSERT INTO revisions (draft_id, title, body, edited_at, created_at) VALUES (?1, ?2, ?3, ?4, ?5)",
    )?
    .execute(params![draft_id, title, body, edited_at, created_at])?;
    Ok(())
}

fn revision(r: &rusqlite::Row<'_>) -> rusqlite::Result<Revision> {
    Ok(Revision {
        id: r.get(0)?,
        draft_id: r.get(1)?,
        title: r.get(2)?,
        body: r.get(3)?,
        edited_at: r.get(4)?,
        created_at: r.get(5)?,
    })
}
