//! Blog accounts and publication records.

use rusqlite::{OptionalExtension, Row, params};

use super::{Store, now_ms};
use crate::error::{Error, Result};
use crate::message::Said;
use crate::model::blog::{Blog, BlogAuth, BlogId, BlogKind, Publication};
use crate::model::draft::DraftId;
use crate::model::post::RemotePost;
use crate::model::post::{PostState, parse_blog_time};

const BLOG_COLUMNS: &str = "id, name, kind, site_url, user, created_at, auth, secret_key";
const PUBLICATION_COLUMNS: &str = "draft_id, blog_id, remote_id, remote_url, content_hash, remote_modified, \
     remote_hash, published_at, last_error, create_started_at, remote_status, update_sent";

impl Store {
    /// Adds a blog account; its name must be new. `secret_key` names its keychain entry.
    pub fn add_blog(
        &mut self,
        name: &str,
        kind: BlogKind,
        site_url: &str,
        user: &str,
        secret_key: &str,
    ) -> Result<Blog> {
        self.add_blog_signing_in(name, kind, BlogAuth::Default, site_url, user, secret_key)
    }

    /// Adds a blog account that signs in with `auth`, in one write.
    pub fn add_blog_signing_in(
        &mut self,
        name: &str,
        kind: BlogKind,
        auth: BlogAuth,
        site_url: &str,
        user: &str,
        secret_key: &str,
    ) -> Result<Blog> {
        if self.blog_by_name(name)?.is_some() {
            return Err(Error::BlogNameTaken(name.to_owned()));
        }
        self.conn
            .execute(
                "INSERT INTO blogs (name, kind, auth, site_url, user, created_at, secret_key) \
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                params![
                    name,
                    kind.as_str(),
                    auth.as_str(),
                    site_url,
                    user,
                    now_ms(),
                    secret_key
                ],
            )
            .map_err(|e| self.err("adding a blog", e))?;
        self.blog_by_name(name)?
            .ok_or_else(|| Error::BlogNotFound(name.to_owned()))
    }

    /// Sets how Fumi authenticates to a blog.
    pub fn set_blog_auth(&mut self, id: BlogId, auth: BlogAuth) -> Result<()> {
        self.conn
            .execute(
                "UPDATE blogs SET auth = ?2 WHERE id = ?1",
                params![id, auth.as_str()],
            )
            .map_err(|e| self.err("changing a blog's sign-in", e))?;
        Ok(())
    }

    /// Records the keychain entry of a blog added before entries had random keys.
    pub fn set_blog_secret_key(&mut self, id: BlogId, secret_key: &str) -> Result<()> {
        self.conn
            .execute(
                "UPDATE blogs SET secret_key = ?2 WHERE id = ?1",
                params![id, secret_key],
            )
            .map_err(|e| self.err("recording a blog's keychain entry", e))?;
        Ok(())
    }

    /// All blog accounts, by name.
    pub fn blogs(&self) -> Result<Vec<Blog>> {
        let mut stmt = self
            .conn
            .prepare_cached(&format!("SELECT {BLOG_COLUMNS} FROM blogs ORDER BY name"))
            .map_err(|e| self.err("listing blogs", e))?;
        let rows = stmt
            .query_map([], blog)
            .map_err(|e| self.err("listing blogs", e))?;
        rows.collect::<rusqlite::Result<_>>()
            .map_err(|e| self.err("listing blogs", e))
    }

    /// The blog with this id, if any.
    pub fn blog(&self, id: BlogId) -> Result<Option<Blog>> {
        self.conn
            .query_row(
                &format!("SELECT {BLOG_COLUMNS} FROM blogs WHERE id = ?1"),
                [id],
                blog,
            )
            .optional()
            .map_err(|e| self.err("loading a blog", e))
    }

    /// The blog with this name, if any.
    pub fn blog_by_name(&self, name: &str) -> Result<Option<Blog>> {
        self.conn
            .query_row(
                &format!("SELECT {BLOG_COLUMNS} FROM blogs WHERE name = ?1"),
                [name],
                blog,
            )
            .optional()
            .map_err(|e| self.err("loading a blog", e))
    }

    /// Removes a blog account and its publication records (the remote posts stay on the blog).
    pub fn remove_blog(&mut self, id: BlogId) -> Result<()> {
        self.conn
            .execute("DELETE FROM blogs WHERE id = ?1", [id])
            .map_err(|e| self.err("removing a blog", e))?;
        Ok(())
    }

    /// What a draft became on a blog, if it was ever sent there.
    pub fn publication(&self, draft_id: DraftId, blog_id: BlogId) -> Result<Option<Publication>> {
        self.conn
            .query_row(
                &format!("SELECT {PUBLICATION_COLUMNS} FROM publications WHERE draft_id = ?1 AND blog_id = ?2"),
                [draft_id, blog_id],
                publication,
            )
            .optional()
            .map_err(|e| self.err("loading a publication", e))
    }

    /// Records a successful publish: what was sent (`content_hash`) and what the blog then held.
    pub fn record_published(
        &mut self,
        draft_id: DraftId,
        blog_id: BlogId,
        content_hash: &str,
        remote: &RemotePost,
    ) -> Result<Publication> {
        self.conn
            .execute(
                "INSERT INTO publications (draft_id, blog_id, remote_id, remote_url, content_hash, remote_modified, \
                 remote_hash, published_at, last_error, create_started_at, remote_status) \
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, NULL, NULL, ?9) \
                 ON CONFLICT (draft_id, blog_id) DO UPDATE SET remote_id = ?3, remote_url = ?4, content_hash = ?5, \
                 remote_modified = ?6, remote_hash = ?7, published_at = ?8, last_error = NULL, \
                 create_started_at = NULL, remote_status = ?9, update_sent = NULL",
                params![
                    draft_id,
                    blog_id,
                    remote.id,
                    remote.url,
                    content_hash,
                    remote.modified.map(|t| t.to_string()),
                    remote.fingerprint(),
                    now_ms(),
                    remote.status.as_word()
                ],
            )
            .map_err(|e| self.err("recording a publish", e))?;
        self.publication(draft_id, blog_id)?
            .ok_or(Error::DraftNotFound(draft_id))
    }

    /// Records why a publish failed, keeping what an earlier success recorded.
    pub fn record_publish_failure(
        &mut self,
        draft_id: DraftId,
        blog_id: BlogId,
        error: &Said,
    ) -> Result<()> {
        let error = error.to_stored();
        self.conn
            .execute(
                "INSERT INTO publications (draft_id, blog_id, last_error) VALUES (?1, ?2, ?3) \
                 ON CONFLICT (draft_id, blog_id) DO UPDATE SET last_error = ?3",
                params![draft_id, blog_id, error],
            )
            .map_err(|e| self.err("recording a failed publish", e))?;
        Ok(())
    }

    /// Links a draft to a post that exists on the blog (from an imported file): publishing the
    /// draft updates that post. Nothing is known of the post's state yet.
    pub fn link_publication(
        &mut self,
        draft_id: DraftId,
        blog_id: BlogId,
        remote_id: &str,
        remote_url: &str,
        remote_hash: &str,
    ) -> Result<()> {
        self.conn
            .execute(
                "INSERT INTO publications (draft_id, blog_id, remote_id, remote_url, remote_hash) \
                 VALUES (?1, ?2, ?3, ?4, ?5) \
                 ON CONFLICT (draft_id, blog_id) DO UPDATE SET remote_id = ?3, remote_url = ?4, \
                 remote_modified = NULL, remote_hash = ?5",
                params![draft_id, blog_id, remote_id, remote_url, remote_hash],
            )
            .map_err(|e| self.err("linking a draft to a post", e))?;
        Ok(())
    }

    /// Notes that a create is about to be sent; returns the time noted.
    pub fn record_create_started(&mut self, draft_id: DraftId, blog_id: BlogId) -> Result<i64> {
        let now = now_ms();
        self.conn
            .execute(
                "INSERT INTO publications (draft_id, blog_id, create_started_at) VALUES (?1, ?2, ?3) \
                 ON CONFLICT (draft_id, blog_id) DO UPDATE SET create_started_at = ?3",
                params![draft_id, blog_id, now],
            )
            .map_err(|e| self.err("recording a publish", e))?;
        Ok(now)
    }

    /// Records, before an update is sent, the fingerprints the blog will hold if it applies it.
    pub fn record_update_started(
        &mut self,
        draft_id: DraftId,
        blog_id: BlogId,
        fingerprints: &str,
    ) -> Result<()> {
        self.conn
            .execute(
                "UPDATE publications SET update_sent = ?3 WHERE draft_id = ?1 AND blog_id = ?2",
                params![draft_id, blog_id, fingerprints],
            )
            .map_err(|e| self.err("recording a publish", e))?;
        Ok(())
    }

    /// Records the post's state on the blog after a change other than a publish (unpublish),
    /// keeping what was last sent.
    pub fn record_remote_state(
        &mut self,
        draft_id: DraftId,
        blog_id: BlogId,
        remote: &RemotePost,
    ) -> Result<Publication> {
        self.conn
            .execute(
                "UPDATE publications SET remote_url = ?3, remote_modified = ?4, remote_hash = ?5, \
                 remote_status = ?6, last_error = NULL WHERE draft_id = ?1 AND blog_id = ?2",
                params![
                    draft_id,
                    blog_id,
                    remote.url,
                    remote.modified.map(|t| t.to_string()),
                    remote.fingerprint(),
                    remote.status.as_word()
                ],
            )
            .map_err(|e| self.err("recording a post's state", e))?;
        self.publication(draft_id, blog_id)?
            .ok_or(Error::DraftNotFound(draft_id))
    }

    /// Forgets what a draft became on a blog (its post was deleted there).
    pub fn forget_publication(&mut self, draft_id: DraftId, blog_id: BlogId) -> Result<()> {
        self.conn
            .execute(
                "DELETE FROM publications WHERE draft_id = ?1 AND blog_id = ?2",
                params![draft_id, blog_id],
            )
            .map_err(|e| self.err("forgetting a publication", e))?;
        Ok(())
    }

    /// Every publication record of a draft, one per blog it was sent to.
    pub fn publications(&self, draft_id: DraftId) -> Result<Vec<Publication>> {
        let mut stmt = self
            .conn
            .prepare_cached(&format!(
                "SELECT {PUBLICATION_COLUMNS} FROM publications WHERE draft_id = ?1 ORDER BY blog_id"
            ))
            .map_err(|e| self.err("listing publications", e))?;
        let rows = stmt
            .query_map([draft_id], publication)
            .map_err(|e| self.err("listing publications", e))?;
        rows.collect::<rusqlite::Result<_>>()
            .map_err(|e| self.err("listing publications", e))
    }

    /// The draft linked to a post of the blog, if any.
    pub fn draft_for_remote(&self, blog_id: BlogId, remote_id: &str) -> Result<Option<DraftId>> {
        self.conn
            .query_row(
                "SELECT draft_id FROM publications WHERE blog_id = ?1 AND remote_id = ?2",
                params![blog_id, remote_id],
                |r| r.get(0),
            )
            .optional()
            .map_err(|e| self.err("finding a post's draft", e))
    }
}

fn publication(r: &Row<'_>) -> rusqlite::Result<Publication> {
    Ok(Publication {
        draft_id: r.get(0)?,
        blog_id: r.get(1)?,
        remote_id: r.get(2)?,
        remote_url: r.get(3)?,
        content_hash: r.get(4)?,
        remote_modified: r
            .get::<_, Option<String>>(5)?
            .as_deref()
            .and_then(parse_blog_time),
        remote_hash: r.get(6)?,
        published_at: r.get(7)?,
        last_error: r
            .get::<_, Option<String>>(8)?
            .as_deref()
            .map(Said::from_stored),
        create_started_at: r.get(9)?,
        remote_status: r
            .get::<_, Option<String>>(10)?
            .as_deref()
            .map(PostState::from_word),
        update_sent: r.get(11)?,
    })
}

fn blog(r: &Row<'_>) -> rusqlite::Result<Blog> {
    let kind: String = r.get(2)?;
    Ok(Blog {
        id: r.get(0)?,
        name: r.get(1)?,
        kind: BlogKind::parse(&kind).ok_or_else(|| {
            rusqlite::Error::FromSqlConversionFailure(
                2,
                rusqlite::types::Type::Text,
                format!("unknown blog kind {kind:?}").into(),
            )
        })?,
        site_url: r.get(3)?,
        user: r.get(4)?,
        created_at: r.get(5)?,
        auth: BlogAuth::parse(&r.get::<_, String>(6)?),
        secret_key: r.get(7)?,
    })
}
