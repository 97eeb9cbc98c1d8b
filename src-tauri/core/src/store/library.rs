//! The drafts list: full-text search in any script, filters by status, blog and tag, two orders;
//! and the index of tags those filters read.

use rusqlite::types::Value;
use rusqlite::{OptionalExtension, Transaction, TransactionBehavior};

use super::Store;
use super::drafts::{STATUS, SUMMARY_COLUMNS as COLUMNS};
use crate::error::{Error, Result};
use crate::model::draft::{DraftId, DraftSummary};
use crate::model::library::{LibraryPage, LibraryQuery, PageCursor, SortOrder, TagCount};

/// The trigram index matches a query of at least this many characters; a shorter one is
/// looked up among the trigrams it begins (see [`Store::short_query`]).
const TRIGRAM: usize = 3;

/// A short query begun by more trigrams than this (a common kana alone) scans the drafts instead:
/// matching that many trigrams costs more than reading every body.
const SHORT_QUERY_TRIGRAMS: usize = 256;

/// The rows a library query selects: its `WHERE` conditions and their parameters, numbered in
/// order.
struct Selection {
    conditions: Vec<String>,
    params: Vec<Value>,
}

impl Selection {
    /// Adds a condition whose parameters are written `?1`, `?2`…, numbered after those before.
    fn and(&mut self, sql: &str, values: Vec<Value>) {
        self.conditions.push(renumber(sql, self.params.len()));
        self.params.extend(values);
    }

    fn sql(&self) -> String {
        self.conditions.join(" AND ")
    }
}

impl Store {
    /// The drafts outside the trash that match every part of `query`, in its order.
    pub fn library(&self, query: &LibraryQuery) -> Result<Vec<DraftSummary>> {
        let selection = self.selection(query)?;
        let key = sort_key(query.sort);
        self.summaries(
            &format!(
                "SELECT {COLUMNS} FROM drafts WHERE {} ORDER BY {key} DESC, id DESC",
                selection.sql()
            ),
            rusqlite::params_from_iter(selection.params),
        )
    }

    /// At most `limit` of the drafts [`Store::library`] lists, those after `after` (from the
    /// first without it). A page lists only as many rows as it holds: the first page of a
    /// search matching every draft no longer reads and sends all of them.
    pub fn library_page(
        &self,
        query: &LibraryQuery,
        after: Option<PageCursor>,
        limit: usize,
    ) -> Result<LibraryPage> {
        let mut selection = self.selection(query)?;
        let key = sort_key(query.sort);
        if let Some(after) = after {
            // A row value, which the list's covering index answers as a range.
            selection.and(
                &format!("({key}, id) < (?1, ?2)"),
                vec![after.at.into(), after.id.into()],
            );
        }
        // One row more than the page tells whether another page follows.
        let mut drafts = self.summaries(
            &format!(
                "SELECT {COLUMNS} FROM drafts WHERE {} ORDER BY {key} DESC, id DESC LIMIT {}",
                selection.sql(),
                limit.saturating_add(1)
            ),
            rusqlite::params_from_iter(selection.params),
        )?;
        let more = drafts.len() > limit;
        drafts.truncate(limit);
        let next = match more {
            true => drafts.last().map(|d| PageCursor {
                at: query.sort.time_of(d),
                id: d.id,
            }),
            false => None,
        };
        Ok(LibraryPage { drafts, next })
    }

    /// How many drafts [`Store::library`] lists for `query`.
    pub fn library_count(&self, query: &LibraryQuery) -> Result<u32> {
        let selection = self.selection(query)?;
        self.one_of(
            "SELECT count(*) FROM drafts WHERE {}",
            selection,
            "counting drafts",
        )
    }

    /// Whether `query` selects draft `id` now: a draft just saved (not yet indexed for search
    /// included) may have come to match it, or stopped matching.
    pub fn library_has(&self, query: &LibraryQuery, id: DraftId) -> Result<bool> {
        let mut selection = self.selection(query)?;
        selection.and("id = ?1", vec![id.into()]);
        self.one_of(
            "SELECT EXISTS (SELECT 1 FROM drafts WHERE {})",
            selection,
            "matching a draft",
        )
    }

    /// The one value `sql` answers, its `{}` the selection's conditions; `doing` names the work in
    /// an error.
    fn one_of<T: rusqlite::types::FromSql>(
        &self,
        sql: &str,
        selection: Selection,
        doing: &'static str,
    ) -> Result<T> {
        let mut stmt = self
            .conn
            .prepare_cached(&sql.replace("{}", &selection.sql()))
            .map_err(|e| self.err(doing, e))?;
        stmt.query_row(rusqlite::params_from_iter(selection.params), |r| r.get(0))
            .map_err(|e| self.err(doing, e))
    }

    /// The conditions selecting the drafts outside the trash that match every part of `query`.
    fn selection(&self, query: &LibraryQuery) -> Result<Selection> {
        let mut selection = Selection {
            conditions: vec!["deleted_at IS NULL".to_owned()],
            params: Vec::new(),
        };
        let mut bind = |sql: &str, values: Vec<Value>| selection.and(sql, values);
        let text = query.text.trim();
        let text_match = match text.chars().count() {
            0 => None,
            n if n >= TRIGRAM => Some(TextMatch::Index(fts_string(text))),
            _ => Some(self.short_query(text)?),
        };
        // The index answers for the drafts it holds as they are; the few saved since it last read
        // them (`drafts_unindexed`) are matched on their own text, an index entry of theirs being
        // outdated.
        let like = "(title LIKE ?1 ESCAPE '\\' OR body LIKE ?1 ESCAPE '\\')";
        let unindexed = "SELECT draft_id FROM drafts_unindexed";
        // Folded as the index folds (any script's case), so a draft is found the same way
        // before and after it is indexed.
        let just_saved = format!(
            "SELECT id FROM drafts WHERE id IN ({unindexed}) \
             AND ({FOLDED_CONTAINS}(title, ?1) OR {FOLDED_CONTAINS}(body, ?1))"
        );
        match text_match {
            None => {}
            // One `IN` of rowids, which SQLite answers by looking each up.
            Some(TextMatch::Index(fts_query)) => bind(
                &format!(
                    "id IN (SELECT rowid FROM drafts_fts WHERE drafts_fts MATCH ?2 \
                     AND rowid NOT IN ({unindexed}) UNION ALL {just_saved})"
                ),
                vec![folded(text).into(), fts_query.into()],
            ),
            Some(TextMatch::Nothing) => {
                bind(&format!("id IN ({just_saved})"), vec![folded(text).into()])
            }
            Some(TextMatch::Scan) => bind(like, vec![like_pattern(text).into()]),
        }
        if let Some(status) = query.status {
            bind(
                &format!("({STATUS}) = ?1"),
                vec![status.as_str().to_owned().into()],
            );
        }
        if let Some(blog) = query.blog {
            bind(
                "EXISTS (SELECT 1 FROM publications p WHERE p.draft_id = drafts.id \
                 AND p.blog_id = ?1 AND p.remote_id IS NOT NULL)",
                vec![blog.into()],
            );
        }
        if let Some(tag) = &query.tag {
            bind(
                "id IN (SELECT draft_id FROM draft_tags WHERE tag = ?1)",
                vec![tag.clone().into()],
            );
        }
        Ok(selection)
    }

    /// Indexes for search one draft saved since the index last read it; false when none is
    /// left. A save only notes its draft (migration 0020): this runs when the author pauses,
    /// one draft per transaction, so a save never waits for more than one draft's indexing.
    pub fn index_next_draft(&mut self) -> Result<bool> {
        let path = self.path.clone();
        let err = |e| Error::from_sqlite(&path, "indexing drafts for search", e);
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(err)?;
        let next: Option<DraftId> = tx
            .query_row("SELECT draft_id FROM drafts_unindexed LIMIT 1", [], |r| {
                r.get(0)
            })
            .optional()
            .map_err(err)?;
        let Some(id) = next else {
            return Ok(false);
        };
        tx.execute("DELETE FROM drafts_fts WHERE rowid = ?1", [id])
            .map_err(err)?;
        // Each field ends in two U+0001, so its last characters begin trigrams too (0019).
        tx.execute(
            "INSERT INTO drafts_fts (rowid, title, body) \
             SELECT id, title || char(1, 1), body || char(1, 1) FROM drafts WHERE id = ?1",
            [id],
        )
        .map_err(err)?;
        tx.execute("DELETE FROM drafts_unindexed WHERE draft_id = ?1", [id])
            .map_err(err)?;
        tx.commit().map_err(err)?;
        Ok(true)
    }

    /// Indexes every draft saved since the index last read it; returns how many.
    pub fn index_drafts(&mut self) -> Result<usize> {
        let mut indexed = 0;
        while self.index_next_draft()? {
            indexed += 1;
        }
        Ok(indexed)
    }

    /// How to find a text of one or two characters: through the index, as any of the trigrams
    /// it begins (each field ends in two U+0001, so a text's last characters begin trigrams
    /// too); by a scan when the index cannot answer well (too many trigrams, or letters whose
    /// case the index folds otherwise than `LIKE`, ASCII case-insensitive, does).
    fn short_query(&self, text: &str) -> Result<TextMatch> {
        if text
            .chars()
            .any(|c| !c.is_ascii() && (c.is_uppercase() || c.is_lowercase()))
        {
            return Ok(TextMatch::Scan);
        }
        let from = text.to_ascii_lowercase();
        let to = format!("{from}\u{10FFFF}");
        let mut stmt = self
            .conn
            .prepare_cached(
                "SELECT term FROM drafts_fts_terms WHERE term >= ?1 AND term < ?2 LIMIT ?3",
            )
            .map_err(|e| self.err("listing drafts", e))?;
        let terms = stmt
            .query_map(
                rusqlite::params![from, to, SHORT_QUERY_TRIGRAMS as i64 + 1],
                |r| r.get::<_, String>(0),
            )
            .and_then(|rows| rows.collect::<rusqlite::Result<Vec<String>>>())
            .map_err(|e| self.err("listing drafts", e))?;
        Ok(match terms.len() {
            0 => TextMatch::Nothing,
            n if n > SHORT_QUERY_TRIGRAMS => TextMatch::Scan,
            _ => TextMatch::Index(
                terms
                    .iter()
                    .map(|t| fts_string(t))
                    .collect::<Vec<_>>()
                    .join(" OR "),
            ),
        })
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

/// The column the list is ordered by, newest first (the id orders drafts of the same moment).
fn sort_key(sort: SortOrder) -> &'static str {
    match sort {
        SortOrder::Updated => "updated_at",
        SortOrder::Created => "created_at",
    }
}

/// How a search's text is found.
enum TextMatch {
    /// This query of the trigram index.
    Index(String),
    /// By reading every title and body.
    Scan,
    /// Nowhere: no draft holds it.
    Nothing,
}

/// The SQL function telling whether a text, case-folded, holds an already folded query.
const FOLDED_CONTAINS: &str = "fumi_folded_contains";

/// `text` in lower case, in every script (as the trigram index folds it).
fn folded(text: &str) -> String {
    text.chars().flat_map(char::to_lowercase).collect()
}

/// Adds the functions searches use to a connection ([`FOLDED_CONTAINS`]).
pub(super) fn register_functions(conn: &rusqlite::Connection) -> rusqlite::Result<()> {
    use rusqlite::functions::FunctionFlags;
    conn.create_scalar_function(
        FOLDED_CONTAINS,
        2,
        FunctionFlags::SQLITE_UTF8 | FunctionFlags::SQLITE_DETERMINISTIC,
        |ctx| {
            let text = ctx.get_raw(0).as_str_or_null()?.unwrap_or_default();
            let query = ctx.get_raw(1).as_str_or_null()?.unwrap_or_default();
            Ok(folded(text).contains(query))
        },
    )
}

/// `text` as a `LIKE` pattern matching it anywhere (`\` escapes).
fn like_pattern(text: &str) -> String {
    format!(
        "%{}%",
        text.replace('\\', "\\\\")
            .replace('%', "\\%")
            .replace('_', "\\_")
    )
}

/// `sql` with each parameter `?n` written `?{n + by}`.
fn renumber(sql: &str, by: usize) -> String {
    let mut out = String::with_capacity(sql.len());
    let mut rest = sql;
    while let Some(at) = rest.find('?') {
        out.push_str(&rest[..=at]);
        rest = &rest[at + 1..];
        let digits = rest
            .find(|c: char| !c.is_ascii_digit())
            .unwrap_or(rest.len());
        match rest[..digits].parse::<usize>() {
            Ok(n) => out.push_str(&(n + by).to_string()),
            Err(_) => out.push_str(&rest[..digits]),
        }
        rest = &rest[digits..];
    }
    out.push_str(rest);
    out
}

/// `text` as an FTS5 string, which the trigram tokenizer matches as a substring.
fn fts_string(text: &str) -> String {
    format!("\"{}\"", text.replace('"', "\"\""))
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
