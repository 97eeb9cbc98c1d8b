//! Creating, reading, saving and trashing drafts.

use rusqlite::{OptionalExtension, Row, params};

use super::library::joined_tags;
use super::{Store, now_ms};
use crate::error::{Error, Result};
use crate::model::draft::{
    Draft, DraftId, DraftStatus, DraftSummary, Millis, SaveKind, check_size,
};
use crate::tags;

/// Characters of the body shown in the drafts list.
const EXCERPT_CHARS: usize = 80;
/// How much of the body the excerpt is cleaned from.
const HEAD_CHARS: usize = 200;

/// A draft's [`DraftStatus`] from its publications, for a row of `drafts`. "Modified" compares
/// times, not texts (hashing every draft would not scale to the list): saved after it was last
/// sent to a blog where it is live or scheduled. A macro, so that `concat!` can build on it.
macro_rules! status_sql {
    () => {
        // One pass over the draft's publications (max() of no rows is NULL: a draft).
        "(SELECT CASE \
             WHEN max(coalesce(p.remote_status, 'publish') IN ('publish', 'future') \
                 AND p.published_at < drafts.updated_at) THEN 'modified' \
             WHEN max(p.remote_status = 'future') THEN 'scheduled' \
             WHEN max(coalesce(p.remote_status, 'publish') = 'publish') THEN 'published' \
             ELSE 'draft' END \
         FROM publications p WHERE p.draft_id = drafts.id AND p.remote_id IS NOT NULL)"
    };
}

/// [`status_sql!`] as a constant.
pub(super) const STATUS: &str = status_sql!();

/// The third column is the draft's [`excerpt`], kept with its body; the last, its tags joined
/// by U+001F. None reads the body: a list reads the list's covering indexes.
pub(super) const SUMMARY_COLUMNS: &str = concat!(
    "id, title, excerpt, (",
    status_sql!(),
    "), created_at, updated_at, deleted_at, tags"
);

impl Store {
    /// Creates a draft and returns it. A draft created with text gets its first revision at once.
    pub fn create_draft(&mut self, title: &str, body: &str) -> Result<Draft> {
        self.create_draft_named(title, body, None)
    }

    /// [`Store::create_draft`] with its name in the sync folder (a draft from another computer),
    /// in the same transaction: a crash never leaves it unnamed, to be named twice.
    pub fn create_draft_named(
        &mut self,
        title: &str,
        body: &str,
        sync_id: Option<&str>,
    ) -> Result<Draft> {
        check_size("The draft", title.len() + body.len())?;
        let now = now_ms();
        let labels = tags::labels(body);
        let path = self.path.clone();
        let err = |e| Error::from_sqlite(&path, "creating a draft", e);
        let tx = self.conn.transaction().map_err(err)?;
        tx.execute(
            "INSERT INTO drafts (title, body, created_at, updated_at, sync_id, excerpt, tags) \
             VALUES (?1, ?2, ?3, ?3, ?4, ?5, ?6)",
            params![
                title,
                body,
                now,
                sync_id,
                excerpt(body),
                joined_tags(&labels)
            ],
        )
        .map_err(err)?;
        let id = tx.last_insert_rowid();
        super::library::index_tags(&tx, id, &labels).map_err(err)?;
        if !title.is_empty() || !body.is_empty() {
            super::revisions::insert(&tx, id, title, body, now, now).map_err(err)?;
        }
        tx.commit().map_err(err)?;
        self.draft(id)
    }

    /// When a draft's text was last changed.
    pub fn updated_at(&self, id: DraftId) -> Result<Millis> {
        self.conn
            .query_row("SELECT updated_at FROM drafts WHERE id = ?1", [id], |r| {
                r.get(0)
            })
            .optional()
            .map_err(|e| self.err("loading a draft", e))?
            .ok_or(Error::DraftNotFound(id))
    }

    /// Loads one draft, in the trash or not.
    pub fn draft(&self, id: DraftId) -> Result<Draft> {
        self.conn
            .query_row(
                &format!("SELECT id, title, body, ({STATUS}), created_at, updated_at, deleted_at, goal_chars FROM drafts WHERE id = ?1"),
                [id],
                |r| {
                    Ok(Draft {
                        id: r.get(0)?,
                        title: r.get(1)?,
                        body: r.get(2)?,
                        status: status(r, 3)?,
                        created_at: r.get(4)?,
                        updated_at: r.get(5)?,
                        deleted_at: r.get(6)?,
                        goal_chars: r.get(7)?,
                    })
                },
            )
            .optional()
            .map_err(|e| self.err("loading a draft", e))?
            .ok_or(Error::DraftNotFound(id))
    }

    /// The list row of one draft.
    pub fn summary(&self, id: DraftId) -> Result<DraftSummary> {
        self.summaries(
            &format!("SELECT {SUMMARY_COLUMNS} FROM drafts WHERE id = ?1"),
            [id],
        )?
        .pop()
        .ok_or(Error::DraftNotFound(id))
    }

    /// How many drafts are in the trash.
    pub fn trash_count(&self) -> Result<u32> {
        self.conn
            .query_row(
                "SELECT count(*) FROM drafts WHERE deleted_at IS NOT NULL",
                [],
                |r| r.get(0),
            )
            .map_err(|e| self.err("counting the trash", e))
    }

    /// Lists the drafts in the trash, most recently deleted first.
    pub fn list_trash(&self) -> Result<Vec<DraftSummary>> {
        self.summaries(
            &format!("SELECT {SUMMARY_COLUMNS} FROM drafts WHERE deleted_at IS NOT NULL ORDER BY deleted_at DESC, id DESC"),
            [],
        )
    }

    /// Saves the author's text, keeping revisions as [`SaveKind`] says. Returns its list row.
    pub fn save_draft(
        &mut self,
        id: DraftId,
        title: &str,
        body: &str,
        kind: SaveKind,
    ) -> Result<DraftSummary> {
        self.save_draft_at(id, title, body, kind, now_ms())
    }

    /// [`Store::save_draft`] at a given time (milliseconds since the epoch).
    ///
    /// Revision policy: before the stored text is overwritten it is snapshotted if no revision
    /// holds it yet and the newest revision is at least [`super::REVISION_INTERVAL_MS`] old — so
    /// continuous typing leaves one snapshot per interval and an idle draft's last text is never
    /// lost to the next session's edits. An explicit save snapshots the old text regardless, and
    /// the new text too.
    pub fn save_draft_at(
        &mut self,
        id: DraftId,
        title: &str,
        body: &str,
        kind: SaveKind,
        now: Millis,
    ) -> Result<DraftSummary> {
        check_size("The draft", title.len() + body.len())?;
        let path = self.path.clone();
        let err = |e| Error::from_sqlite(&path, "saving the draft", e);
        let tx = self.conn.transaction().map_err(err)?;
        let stored: Option<(String, String, Millis)> = tx
            .query_row(
                "SELECT title, body, updated_at FROM drafts WHERE id = ?1",
                [id],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
            )
            .optional()
            .map_err(err)?;
        let Some((old_title, old_body, old_updated)) = stored else {
            return Err(Error::DraftNotFound(id));
        };
        let changed = old_title != title || old_body != body;
        let newest = super::revisions::newest(&tx, id).map_err(err)?;
        let old_is_kept = newest
            .as_ref()
            .is_some_and(|r| r.title == old_title && r.body == old_body);
        let interval_passed = newest
            .as_ref()
            .is_none_or(|r| now - r.created_at >= self.revision_interval_ms);
        let old_is_empty = old_title.is_empty() && old_body.is_empty();
        if changed
            && !old_is_kept
            && !old_is_empty
            && (kind == SaveKind::Explicit || interval_passed)
        {
            super::revisions::insert(&tx, id, &old_title, &old_body, old_updated, now)
                .map_err(err)?;
        }
        if changed {
            if old_body == body {
                tx.execute(
                    "UPDATE drafts SET title = ?2, updated_at = ?3 WHERE id = ?1",
                    params![id, title, now],
                )
                .map_err(err)?;
            } else {
                let labels = tags::labels(body);
                tx.execute(
                    "UPDATE drafts SET title = ?2, body = ?3, updated_at = ?4, excerpt = ?5, \
                     tags = ?6 WHERE id = ?1",
                    params![id, title, body, now, excerpt(body), joined_tags(&labels)],
                )
                .map_err(err)?;
                super::library::index_tags(&tx, id, &labels).map_err(err)?;
            }
        }
        if kind == SaveKind::Explicit {
            let newest = super::revisions::newest(&tx, id).map_err(err)?;
            if newest.is_none_or(|r| r.title != title || r.body != body) {
                let edited = if changed { now } else { old_updated };
                super::revisions::insert(&tx, id, title, body, edited, now).map_err(err)?;
            }
        }
        tx.commit().map_err(err)?;
        self.summary(id)
    }

    /// Sets (or with `None` clears) the length the author aims for, in characters.
    pub fn set_goal(&mut self, id: DraftId, goal_chars: Option<u32>) -> Result<()> {
        let changed = self
            .conn
            .execute(
                "UPDATE drafts SET goal_chars = ?2 WHERE id = ?1",
                params![id, goal_chars],
            )
            .map_err(|e| self.err("setting the draft's goal", e))?;
        if changed == 0 {
            return Err(Error::DraftNotFound(id));
        }
        Ok(())
    }

    /// Moves a draft to the trash; it can be restored until it is purged.
    pub fn trash_draft(&mut self, id: DraftId) -> Result<()> {
        self.set_deleted(id, Some(now_ms()), "moving a draft to the trash")
    }

    /// Brings a draft back from the trash.
    pub fn restore_draft(&mut self, id: DraftId) -> Result<()> {
        self.set_deleted(id, None, "restoring a draft")
    }

    /// Deletes a draft and its revisions for good.
    pub fn purge_draft(&mut self, id: DraftId) -> Result<()> {
        let n = self
            .conn
            .execute("DELETE FROM drafts WHERE id = ?1", [id])
            .map_err(|e| self.err("deleting a draft", e))?;
        if n == 0 {
            Err(Error::DraftNotFound(id))
        } else {
            Ok(())
        }
    }

    fn set_deleted(&mut self, id: DraftId, at: Option<Millis>, action: &'static str) -> Result<()> {
        let n = self
            .conn
            .execute(
                "UPDATE drafts SET deleted_at = ?2 WHERE id = ?1",
                params![id, at],
            )
            .map_err(|e| self.err(action, e))?;
        if n == 0 {
            Err(Error::DraftNotFound(id))
        } else {
            Ok(())
        }
    }

    /// Runs a query selecting [`SUMMARY_COLUMNS`] and collects the rows.
    pub(super) fn summaries(
        &self,
        sql: &str,
        params: impl rusqlite::Params,
    ) -> Result<Vec<DraftSummary>> {
        let mut stmt = self
            .conn
            .prepare_cached(sql)
            .map_err(|e| self.err("listing drafts", e))?;
        let rows = stmt
            .query_map(params, summary)
            .map_err(|e| self.err("listing drafts", e))?;
        rows.collect::<rusqlite::Result<_>>()
            .map_err(|e| self.err("listing drafts", e))
    }
}

fn summary(r: &Row<'_>) -> rusqlite::Result<DraftSummary> {
    Ok(DraftSummary {
        id: r.get(0)?,
        title: r.get(1)?,
        excerpt: r.get(2)?,
        status: status(r, 3)?,
        created_at: r.get(4)?,
        updated_at: r.get(5)?,
        deleted_at: r.get(6)?,
        tags: r
            .get::<_, Option<String>>(7)?
            .map(|t| t.split('\u{1f}').map(str::to_owned).collect())
            .unwrap_or_default(),
    })
}

/// The first words of a body after its front matter (the post's settings are not what the
/// author recognizes a draft by), on one line, without the Markdown markup a reader never sees.
pub(super) fn excerpt(body: &str) -> String {
    let head: String = after_front_matter(body).chars().take(HEAD_CHARS).collect();
    let joined = head
        .lines()
        .map(|l| l.trim().trim_start_matches(['#', '>', '-', '*', '+', ' ']))
        .map(|l| {
            l.strip_prefix("[ ] ")
                .or_else(|| l.strip_prefix("[x] "))
                .unwrap_or(l)
        })
        // Table rules, code fences, the book card's marker and a line of Hatena notation (the
        // contents, a card, an image) carry no words.
        .filter(|l| {
            !l.starts_with("```")
                && !crate::book::card::is_marker(l)
                && !l.chars().all(|c| matches!(c, '|' | '-' | ':' | ' '))
                && !is_notation_line(l)
        })
        .map(|l| {
            without_notes_or_comments(&without_images(l))
                .replace(['*', '`', '~'], "")
                .replace('|', " ")
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
        })
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join(" ");
    joined.chars().take(EXCERPT_CHARS).collect()
}

/// The body after a leading `---` front matter block, or all of it.
fn after_front_matter(body: &str) -> &str {
    body.strip_prefix("---\n")
        .and_then(|rest| rest.find("\n---").map(|end| &rest[end + 4..]))
        .map_or(body, |after| after.strip_prefix('\n').unwrap_or(after))
}

/// Whether a line is only a bracketed notation of Hatena's (`[:contents]`, `[URL:embed]`,
/// `[asin:…]`, `[f:id:…]`, `[tex:…]`).
fn is_notation_line(line: &str) -> bool {
    line.strip_prefix('[')
        .and_then(|l| l.strip_suffix(']'))
        .is_some_and(|inner| {
            [":", "http://", "https://", "asin:", "f:id:", "tex:"]
                .iter()
                .any(|p| inner.starts_with(p))
        })
}

/// A line without HTML comments (`<!-- more -->`) and Hatena's `((notes))`.
fn without_notes_or_comments(line: &str) -> String {
    let mut out = line.to_owned();
    for (open, close) in [("<!--", "-->"), ("((", "))")] {
        while let Some(start) = out.find(open) {
            let Some(len) = out[start..].find(close) else {
                break;
            };
            out.replace_range(start..start + len + close.len(), "");
        }
    }
    out
}

/// A line without its images' markup (`![alt](url)` keeps only its alt text).
fn without_images(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    let mut rest = line;
    while let Some(start) = rest.find("![") {
        let after = &rest[start + 2..];
        let Some((alt, tail)) = after.split_once("](") else {
            break;
        };
        let Some(close) = tail.find(')') else {
            break;
        };
        out.push_str(&rest[..start]);
        out.push_str(alt);
        rest = &tail[close + 1..];
    }
    out.push_str(rest);
    out
}

fn status(r: &Row<'_>, i: usize) -> rusqlite::Result<DraftStatus> {
    let s: String = r.get(i)?;
    s.parse().map_err(|e: String| {
        rusqlite::Error::FromSqlConversionFailure(i, rusqlite::types::Type::Text, e.into())
    })
}

#[cfg(test)]
mod tests {
    use super::excerpt;

    #[test]
    fn excerpt_shows_text_not_hatenas_notation_or_comments() {
        assert_eq!(
            excerpt(
                "[:contents]\n\n前半です((脚注))。\n<!-- more -->\n[https://example.com:embed]\n[asin:4297125609:detail]\n後半。"
            ),
            "前半です。 後半。"
        );
    }

    #[test]
    fn excerpt_skips_markup_and_joins_lines() {
        assert_eq!(
            excerpt("# 本書は\n\n- **面白い**\n- [ ] 次巻\n"),
            "本書は 面白い 次巻"
        );
        assert_eq!(
            excerpt("| 書名 | 著者 |\n|---|:--:|\n```rust\nlet x_y = 1;\n```"),
            "書名 著者 let x_y = 1;"
        );
        assert_eq!(
            excerpt("![表紙](fumi-asset:abc) 本文 ![](/tmp/a.png)"),
            "表紙 本文"
        );
        assert_eq!(excerpt("[book]\n\n## この本について\n"), "この本について");
    }
}
