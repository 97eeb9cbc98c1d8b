//! The drafts list: full-text search in any script, filters by status, blog and tag, two orders;
//! and the index of tags those filters read.

use rusqlite::Transaction;
use rusqlite::types::Value;

use super::Store;
use super::drafts::{STATUS, SUMMARY_COLUMNS as COLUMNS};
use crate::error::Result;
use crate::model::draft::{DraftId, DraftSummary};
use crate::model::library::{LibraryQuery, SortOrder, TagCount};

/// The trigram index needs at least this many characters; shorter queries scan instead.
const TRIGRAM: usize = 3;

impl Store {
    /// The drafts outside the trash that match every part of `query`, in its order.
    pub fn library(&self, query: &LibraryQuery) -> Result<Vec<DraftSummary>> {
        let mut conditions = vec!["deleted_at IS NULL".to_owned()];
        let mut params: Vec<Value> = Vec::new();
        let mut bind = |conditions: &mut Vec<String>, sql: &str, value: Value| {
            params.push(value);
            conditions.push(sql.replace('?', &format!("?{}", params.len())));
        };
        let text = query.text.trim();
        if text.chars().count() >= TRIGRAM {
            // A quoted FTS5 string is matched as a substring by the trigram tokenizer.
            let phrase = format!("\"{}\"", text.replace('"', "\"\""));
            bind(
                &mut conditions,
                "id IN (SELECT rowid FROM drafts_fts WHERE drafts_fts MATCH ?)",
                phrase.into(),
            );
        } else if !text.is_empty() {
            let pattern = format!(
                "%{}%",
                text.replace('\\', "\\\\")
                    .replace('%', "\\%")
                    .replace('_', "\\_")
            );
            bind(
                &mut conditions,
                "(title LIKE ? ESCAPE '\\' OR body LIKE ? ESCAPE '\\')",
                pattern.into(),
            );
        }
        if let Some(status) = query.status {
            bind(
                &mut conditions,
                &format!("({STATUS}) = ?"),
                status.as_str().to_owned().into(),
            );
        }
        if let Some(blog) = query.blog {
            bind(
                &mut conditions,
                "EXISTS (SELECT 1 FROM publications p WHERE p.draft_id = drafts.id \
                 AND p.blog_id = ? AND p.remote_id IS NOT NULL)",
                blog.into(),
            );
        }
        if let Some(tag) = &query.tag {
            bind(
                &mut conditions,
                "id IN (SELECT draft_id FROM draft_tags WHERE tag = ?)",
                tag.clone().into(),
            );
        }
        let order = match query.sort {
            SortOrder::Updated => "updated_at DESC, id DESC",
            SortOrder::Created => "created_at DESC, id DESC",
        };
        self.summaries(
            &format!(
                "SELECT {COLUMNS} FROM drafts WHERE {} ORDER BY {order}",
                conditions.join(" AND ")
            ),
            rusqlite::params_from_iter(params),
        )
    }

    /// Lists the drafts outside the trash, most recently updated first.
    pub fn list_drafts(&self) -> Result<Vec<DraftSummary>> {
        self.library(&LibraryQuery::default())
    }

    /// Drafts outside the trash whose title or body contains `query` (case-insensitive for ASCII),
    /// most recently updated first. Finds Japanese substrings of any length: 「天気」 as well as 「読書会」.
    pub fn search(&self, query: &str) -> Result<Vec<DraftSummary>> {
        self.library(&LibraryQuery {
            text: query.to_owned(),
            ..LibraryQuery::default()
        })
    }

    /// Every tag on a draft outside the trash, with how many carry it, in the tags' order.
    pub fn tags(&self) -> Result<Vec<TagCount>> {
        let mut stmt = self
            .conn
            .prepare_cached(
                "SELECT tag, count(*) FROM draft_tags JOIN drafts ON drafts.id = draft_id \
                 WHERE deleted_at IS NULL GROUP BY tag ORDER BY tag",
            )
            .map_err(|e| self.err("listing tags", e))?;
        let rows = stmt
            .query_map([], |r| {
                Ok(TagCount {
                    tag: r.get(0)?,
                    drafts: r.get(1)?,
                })
            })
            .map_err(|e| self.err("listing tags", e))?;
        rows.collect::<rusqlite::Result<_>>()
            .map_err(|e| self.err("listing tags", e))
    }
}

/// Rewrites a draft's entries in the tag index (its `labels`, read from its text), inside the
/// saving transaction.
pub(super) fn index_tags(
    tx: &Transaction<'_>,
    id: DraftId,
    labels: &[String],
) -> rusqlite::Result<()> {
    tx.execute("DELETE FROM draft_tags WHERE draft_id = ?1", [id])?;
    let mut insert = tx.prepare_cached("INSERT INTO draft_tags (draft_id, tag) VALUES (?1, ?2)")?;
    for tag in labels {
        insert.execute(rusqlite::params![id, tag])?;
    }
    Ok(())
}

/// A draft's tags as its list row keeps them: sorted, joined by U+001F; none is NULL.
pub(super) fn joined_tags(labels: &[String]) -> Option<String> {
    let mut sorted: Vec<&str> = labels.iter().map(String::as_str).collect();
    sorted.sort_unstable();
    sorted.dedup();
    (!sorted.is_empty()).then(|| sorted.join("\u{1f}"))
}
