//! The publish queue: publishes waiting for their blog to answer, each claimed by one sender at
//! a time so that two senders (a window and the CLI) never send the same job twice.

use rusqlite::{OptionalExtension, Row, params};

use super::{Store, now_ms};
use crate::error::{Error, Result};
use crate::message::Said;
use crate::model::blog::BlogId;
use crate::model::draft::{DraftId, Millis};
use crate::model::post::RemoteStatus;
use crate::model::queue::QueuedPublish;

const COLUMNS: &str = "draft_id, blog_id, title, body, status, at_ms, overwrite, recreate, \
     queued_at, attempts, next_attempt_at, last_error";

impl Store {
    /// Queues a publish, replacing any queued for the same draft and blog (the newer text wins).
    pub fn queue_publish(&mut self, job: &QueuedPublish) -> Result<()> {
        self.conn
            .execute(
                "INSERT INTO publish_queue (draft_id, blog_id, title, body, status, at_ms, overwrite, \
                 recreate, queued_at, attempts, next_attempt_at, last_error) \
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12) \
                 ON CONFLICT (draft_id, blog_id) DO UPDATE SET title = ?3, body = ?4, status = ?5, \
                 at_ms = ?6, overwrite = ?7, recreate = ?8, queued_at = ?9, attempts = ?10, \
                 next_attempt_at = ?11, last_error = ?12, claim = NULL, claimed_until = NULL",
                params![
                    job.draft_id,
                    job.blog_id,
                    job.title,
                    job.body,
                    job.status.map(RemoteStatus::as_str),
                    job.at_ms,
                    job.overwrite,
                    job.recreate,
                    job.queued_at,
                    job.attempts,
                    job.next_attempt_at,
                    job.last_error.to_stored(),
                ],
            )
            .map_err(|e| self.err("queueing a publish", e))?;
        Ok(())
    }

    /// Every queued publish, oldest first.
    pub fn queued_publishes(&self) -> Result<Vec<QueuedPublish>> {
        let mut statement = self
            .conn
            .prepare(&format!(
                "SELECT {COLUMNS} FROM publish_queue ORDER BY queued_at"
            ))
            .map_err(|e| self.err("reading the publish queue", e))?;
        statement
            .query_map([], job)
            .and_then(|rows| rows.collect())
            .map_err(|e| self.err("reading the publish queue", e))
    }

    /// The publish queued for this draft and blog, if any.
    pub fn queued_publish(
        &self,
        draft_id: DraftId,
        blog_id: BlogId,
    ) -> Result<Option<QueuedPublish>> {
        self.conn
            .query_row(
                &format!(
                    "SELECT {COLUMNS} FROM publish_queue WHERE draft_id = ?1 AND blog_id = ?2"
                ),
                params![draft_id, blog_id],
                job,
            )
            .optional()
            .map_err(|e| self.err("reading the publish queue", e))
    }

    /// Removes a queued publish (the author publishes again, or cancels it). Refused while a
    /// sender holds it: it may be on the wire.
    pub fn unqueue_publish(&mut self, draft_id: DraftId, blog_id: BlogId) -> Result<()> {
        self.conn
            .execute(
                "DELETE FROM publish_queue WHERE draft_id = ?1 AND blog_id = ?2 \
                 AND (claimed_until IS NULL OR claimed_until < ?3)",
                params![draft_id, blog_id, now_ms()],
            )
            .map_err(|e| self.err("removing a queued publish", e))?;
        match self.queued_publish(draft_id, blog_id)? {
            Some(_) => Err(Error::PublishInProgress),
            None => Ok(()),
        }
    }

    /// Claims the oldest job due by `due_by` that no live sender holds, for `lease_ms`. A job
    /// released under the same `claim` is not taken again: one pass tries each job once. A
    /// trashed draft's job waits: it goes out if the draft is restored, and with it if purged.
    pub fn claim_queued_publish(
        &mut self,
        claim: &str,
        due_by: Millis,
        lease_ms: Millis,
    ) -> Result<Option<QueuedPublish>> {
        let now = now_ms();
        // One statement, so two senders cannot both take the same job.
        self.conn
            .query_row(
                &format!(
                    "UPDATE publish_queue SET claim = ?1, claimed_until = ?2 WHERE rowid = \
                     (SELECT rowid FROM publish_queue WHERE next_attempt_at <= ?3 \
                      AND (claimed_until IS NULL OR claimed_until < ?4) \
                      AND (claim IS NULL OR claim != ?1) \
                      AND draft_id IN (SELECT id FROM drafts WHERE deleted_at IS NULL) \
                      ORDER BY queued_at LIMIT 1) \
                     RETURNING {COLUMNS}"
                ),
                params![claim, now + lease_ms, due_by, now],
                job,
            )
            .optional()
            .map_err(|e| self.err("claiming a queued publish", e))
    }

    /// Removes a job its sender finished (sent, or failed for a reason the author must fix).
    /// A job queued again meanwhile lost the claim and stays.
    pub fn finish_queued_publish(&mut self, job: &QueuedPublish, claim: &str) -> Result<()> {
        self.conn
            .execute(
                "DELETE FROM publish_queue WHERE draft_id = ?1 AND blog_id = ?2 AND claim = ?3",
                params![job.draft_id, job.blog_id, claim],
            )
            .map_err(|e| self.err("removing a sent publish from the queue", e))?;
        Ok(())
    }

    /// Releases a job that could not be sent yet, to be tried again at `next_attempt_at`.
    pub fn release_queued_publish(
        &mut self,
        job: &QueuedPublish,
        claim: &str,
        error: &Said,
        next_attempt_at: Millis,
    ) -> Result<()> {
        let error = error.to_stored();
        self.conn
            .execute(
                "UPDATE publish_queue SET attempts = attempts + 1, last_error = ?4, \
                 next_attempt_at = ?5, claimed_until = NULL \
                 WHERE draft_id = ?1 AND blog_id = ?2 AND claim = ?3",
                params![job.draft_id, job.blog_id, claim, error, next_attempt_at],
            )
            .map_err(|e| self.err("rescheduling a queued publish", e))?;
        Ok(())
    }
}

fn job(row: &Row<'_>) -> rusqlite::Result<QueuedPublish> {
    let status: Option<String> = row.get(4)?;
    Ok(QueuedPublish {
        draft_id: row.get(0)?,
        blog_id: row.get(1)?,
        title: row.get(2)?,
        body: row.get(3)?,
        status: status.map(|s| {
            if s == "draft" {
                RemoteStatus::Draft
            } else {
                RemoteStatus::Publish
            }
        }),
        at_ms: row.get(5)?,
        overwrite: row.get(6)?,
        recreate: row.get(7)?,
        queued_at: row.get(8)?,
        attempts: row.get(9)?,
        next_attempt_at: row.get(10)?,
        last_error: Said::from_stored(&row.get::<_, String>(11)?),
    })
}
