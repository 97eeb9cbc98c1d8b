//! What sync keeps in the database: each draft's name in the sync folder, the remote and how
//! its last sync went, and the conflicts waiting for the author (see `sync`).

use rusqlite::{OptionalExtension, params};

use super::{Store, now_ms};
use crate::error::{Error, Result};
use crate::message::Said;
use crate::model::blog::{BlogId, BlogKind};
use crate::model::draft::DraftId;
use crate::model::sync::{Posted, PostedMedia, SyncConflict, SyncRemote};

impl Store {
    /// The remote the drafts sync through, if sync is set up.
    pub fn sync_remote(&self) -> Result<Option<SyncRemote>> {
        self.conn
            .query_row(
                "SELECT url, secret_key, local_commit, synced_at, tried_at, error FROM sync_remote",
                [],
                |r| {
                    Ok(SyncRemote {
                        url: r.get(0)?,
                        secret_key: r.get(1)?,
                        local_commit: r.get(2)?,
                        synced_at: r.get(3)?,
                        tried_at: r.get(4)?,
                        error: r
                            .get::<_, Option<String>>(5)?
                            .map(|s| Said::from_stored(&s)),
                    })
                },
            )
            .optional()
            .map_err(|e| self.err("reading the sync remote", e))
    }

    /// Makes `url` the remote (a new remote starts with no sync done).
    pub fn set_sync_remote(&mut self, url: &str, secret_key: Option<&str>) -> Result<()> {
        self.conn
            .execute(
                "INSERT OR REPLACE INTO sync_remote (id, url, secret_key) VALUES (1, ?1, ?2)",
                params![url, secret_key],
            )
            .map_err(|e| self.err("setting the sync remote", e))?;
        Ok(())
    }

    /// Records the commit the database now matches.
    pub fn set_sync_commit(&mut self, commit: &str) -> Result<()> {
        self.conn
            .execute("UPDATE sync_remote SET local_commit = ?1", [commit])
            .map_err(|e| self.err("recording a sync", e))?;
        Ok(())
    }

    /// Records a try: it reached the remote (`error` none) or why it did not.
    pub fn record_sync_try(&mut self, error: Option<&Said>) -> Result<()> {
        let now = now_ms();
        let sql = match error {
            None => "UPDATE sync_remote SET tried_at = ?1, synced_at = ?1, error = NULL",
            Some(_) => "UPDATE sync_remote SET tried_at = ?1, error = ?2",
        };
        let done = match error.map(Said::to_stored) {
            None => self.conn.execute(sql, params![now]),
            Some(stored) => self.conn.execute(sql, params![now, stored]),
        };
        done.map_err(|e| self.err("recording a sync", e))?;
        Ok(())
    }

    /// Marks the drafts a sync wrote as matching the folder: each only if its count of changes
    /// is still the one written (a change made meanwhile stays to be sent).
    pub fn clear_sync_dirty(&mut self, written: &[(DraftId, i64)]) -> Result<()> {
        let path = self.path.clone();
        let err = |e| Error::from_sqlite(&path, "recording a sync", e);
        let tx = self.conn.transaction().map_err(err)?;
        for (id, count) in written {
            tx.execute(
                "UPDATE drafts SET sync_dirty = 0 WHERE id = ?1 AND sync_dirty = ?2",
                params![id, count],
            )
            .map_err(err)?;
        }
        tx.commit().map_err(err)
    }

    /// The names of drafts deleted for good here since the last sync.
    pub fn sync_purged(&self) -> Result<Vec<String>> {
        self.conn
            .prepare("SELECT sync_id FROM sync_purged ORDER BY sync_id")
            .and_then(|mut s| s.query_map([], |r| r.get(0))?.collect())
            .map_err(|e| self.err("recording a sync", e))
    }

    /// Forgets deleted names whose files a sync removed.
    pub fn clear_sync_purged(&mut self, names: &[String]) -> Result<()> {
        for name in names {
            self.conn
                .execute("DELETE FROM sync_purged WHERE sync_id = ?1", [name])
                .map_err(|e| self.err("recording a sync", e))?;
        }
        Ok(())
    }

    /// Marks every draft changed: the next sync writes them all (a new sync folder).
    pub fn mark_all_sync_dirty(&mut self) -> Result<()> {
        self.conn
            .execute("UPDATE drafts SET sync_dirty = 1", [])
            .map_err(|e| self.err("recording a sync", e))?;
        Ok(())
    }

    /// Every draft's name in the sync folder (trash included) and how many times it changed
    /// since the folder last matched it; drafts without a name get one.
    pub fn sync_ids(&mut self) -> Result<Vec<(DraftId, String, i64)>> {
        let unnamed: Vec<DraftId> = self
            .conn
            .prepare("SELECT id FROM drafts WHERE sync_id IS NULL")
            .and_then(|mut s| s.query_map([], |r| r.get(0))?.collect())
            .map_err(|e| self.err("naming drafts for sync", e))?;
        for id in unnamed {
            let name = new_sync_id()?;
            self.conn
                .execute(
                    "UPDATE drafts SET sync_id = ?2 WHERE id = ?1",
                    params![id, name],
                )
                .map_err(|e| self.err("naming drafts for sync", e))?;
        }
        self.conn
            .prepare("SELECT id, sync_id, sync_dirty FROM drafts ORDER BY id")
            .and_then(|mut s| {
                s.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
                    .collect()
            })
            .map_err(|e| self.err("naming drafts for sync", e))
    }

    /// The draft named `sync_id` in the sync folder, if this computer has it.
    pub fn draft_by_sync_id(&self, sync_id: &str) -> Result<Option<DraftId>> {
        self.conn
            .query_row("SELECT id FROM drafts WHERE sync_id = ?1", [sync_id], |r| {
                r.get(0)
            })
            .optional()
            .map_err(|e| self.err("finding a synced draft", e))
    }

    /// Keeps another computer's text of a draft for the author to choose (replacing an older
    /// one: the newer text holds the other computer's latest words).
    pub fn keep_sync_conflict(&mut self, draft: DraftId, title: &str, body: &str) -> Result<()> {
        self.conn
            .execute(
                "INSERT OR REPLACE INTO sync_conflicts (draft_id, title, body, found_at) VALUES (?1, ?2, ?3, ?4)",
                params![draft, title, body, now_ms()],
            )
            .map_err(|e| self.err("keeping another computer's text", e))?;
        Ok(())
    }

    /// The drafts with a conflict waiting.
    pub fn sync_conflict_drafts(&self) -> Result<Vec<DraftId>> {
        self.conn
            .prepare("SELECT draft_id FROM sync_conflicts ORDER BY found_at, draft_id")
            .and_then(|mut s| s.query_map([], |r| r.get(0))?.collect())
            .map_err(|e| self.err("reading sync conflicts", e))
    }

    /// A draft's conflict: its own text beside the other computer's.
    pub fn sync_conflict(&self, draft: DraftId) -> Result<Option<SyncConflict>> {
        let theirs: Option<(String, String, i64)> = self
            .conn
            .query_row(
                "SELECT title, body, found_at FROM sync_conflicts WHERE draft_id = ?1",
                [draft],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
            )
            .optional()
            .map_err(|e| self.err("reading sync conflicts", e))?;
        let Some((theirs_title, theirs_body, found_at)) = theirs else {
            return Ok(None);
        };
        let mine = self.draft(draft)?;
        Ok(Some(SyncConflict {
            draft_id: draft,
            mine_title: mine.title,
            mine_body: mine.body,
            theirs_title,
            // Drawn by `App::sync_conflict`: the store keeps texts, not their comparison.
            lines: Vec::new(),
            theirs_body,
            found_at,
        }))
    }

    /// Forgets a settled conflict.
    pub fn drop_sync_conflict(&mut self, draft: DraftId) -> Result<()> {
        self.conn
            .execute("DELETE FROM sync_conflicts WHERE draft_id = ?1", [draft])
            .map_err(|e| self.err("settling a sync conflict", e))?;
        Ok(())
    }
}

impl Store {
    /// The posts a draft became (those the blog answered), with each blog's kind and address.
    pub fn synced_publications(&self, draft: DraftId) -> Result<Vec<Posted>> {
        let posts: Vec<(BlogId, Posted)> = self
            .conn
            .prepare_cached(
                "SELECT b.kind, b.site_url, p.remote_id, p.remote_url, p.content_hash, p.remote_modified, p.remote_hash, b.id                  FROM publications p JOIN blogs b ON b.id = p.blog_id                  WHERE p.draft_id = ?1 AND p.remote_id IS NOT NULL ORDER BY b.site_url",
            )
            .and_then(|mut s| {
                s.query_map([draft], |r| {
                    let kind: String = r.get(0)?;
                    Ok(BlogKind::parse(&kind).map(|kind| {
                        let posted = Posted {
                            kind,
                            blog: r.get(1).unwrap_or_default(),
                            id: r.get(2).unwrap_or_default(),
                            url: r.get(3).unwrap_or_default(),
                            sent: r.get(4).unwrap_or_default(),
                            modified: r.get(5).unwrap_or_default(),
                            stored: r.get(6).unwrap_or_default(),
                            media: Vec::new(),
                        };
                        (r.get::<_, BlogId>(7).unwrap_or_default(), posted)
                    }))
                })?
                .filter_map(|row| row.transpose())
                .collect()
            })
            .map_err(|e| self.err("listing publications", e))?;
        if posts.is_empty() {
            return Ok(Vec::new());
        }
        let images = crate::image::asset_references(&self.draft(draft)?.body);
        posts
            .into_iter()
            .map(|(blog, mut posted)| {
                for sha256 in &images {
                    if let Some(media) = self.media(blog, sha256)? {
                        posted.media.push(PostedMedia {
                            sha256: sha256.clone(),
                            id: media.id,
                            url: media.url,
                        });
                    }
                }
                Ok(posted)
            })
            .collect()
    }

    /// Takes a post another computer recorded for a draft: linked to this computer's blog of
    /// the same kind and address, so publishing here updates that post. A blog this computer
    /// does not have is left alone (its own record, if any, stays).
    pub fn take_synced_publication(&mut self, draft: DraftId, posted: &Posted) -> Result<()> {
        let blog: Option<i64> = self
            .conn
            .query_row(
                "SELECT id FROM blogs WHERE kind = ?1 AND rtrim(site_url, '/') = rtrim(?2, '/') ORDER BY id",
                params![posted.kind.as_str(), posted.blog],
                |r| r.get(0),
            )
            .optional()
            .map_err(|e| self.err("linking a draft to a post", e))?;
        let Some(blog) = blog else {
            return Ok(());
        };
        // Unchanged records are not written: writing marks the draft changed again.
        self.conn
            .execute(
                "INSERT INTO publications (draft_id, blog_id, remote_id, remote_url, content_hash, remote_modified, remote_hash)                  VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)                  ON CONFLICT (draft_id, blog_id) DO UPDATE SET remote_id = ?3, remote_url = ?4, content_hash = ?5,                  remote_modified = ?6, remote_hash = ?7, last_error = NULL, create_started_at = NULL, update_sent = NULL                  WHERE remote_id IS NOT ?3 OR remote_url IS NOT ?4 OR content_hash IS NOT ?5                  OR remote_modified IS NOT ?6 OR remote_hash IS NOT ?7",
                params![
                    draft,
                    blog,
                    posted.id,
                    posted.url,
                    posted.sent,
                    posted.modified,
                    posted.stored
                ],
            )
            .map_err(|e| self.err("linking a draft to a post", e))?;
        // The images it uploaded there, kept unless this computer has its own record.
        for media in &posted.media {
            self.conn
                .execute(
                    "INSERT INTO media (blog_id, sha256, remote_id, url, uploaded_at) VALUES (?1, ?2, ?3, ?4, ?5)                      ON CONFLICT (blog_id, sha256) DO NOTHING",
                    params![blog, media.sha256, media.id, media.url, now_ms()],
                )
                .map_err(|e| self.err("recording an uploaded image", e))?;
        }
        Ok(())
    }
}

/// A new draft's name in the sync folder: 128 random bits, so two computers never pick the same.
fn new_sync_id() -> Result<String> {
    let mut bytes = [0u8; 16];
    getrandom::fill(&mut bytes).map_err(|e| Error::SyncFailed {
        detail: format!("no randomness for a draft's name: {e}"),
    })?;
    Ok(crate::image::hex(&bytes))
}
