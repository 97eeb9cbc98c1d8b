//! Images kept in the database, and each blog's copies of images.

use std::collections::HashSet;

use rusqlite::{OptionalExtension, params};

use super::{Store, now_ms};
use crate::error::{Error, Result};
use crate::image::{ASSET_SCHEME, Image};
use crate::model::blog::BlogId;
use crate::model::draft::DraftId;
use crate::model::post::RemoteMedia;

impl Store {
    /// The local files the author allowed this draft to upload.
    pub fn allowed_local_files(&self, draft_id: DraftId) -> Result<HashSet<String>> {
        let mut stmt = self
            .conn
            .prepare_cached("SELECT path FROM local_file_consent WHERE draft_id = ?1")
            .map_err(|e| self.err("reading the files a draft may upload", e))?;
        let rows = stmt
            .query_map([draft_id], |r| r.get(0))
            .map_err(|e| self.err("reading the files a draft may upload", e))?;
        rows.collect::<rusqlite::Result<_>>()
            .map_err(|e| self.err("reading the files a draft may upload", e))
    }

    /// Records that the author allowed this draft to upload these local files.
    pub fn allow_local_files(&self, draft_id: DraftId, paths: &[String]) -> Result<()> {
        for path in paths {
            self.conn
                .execute(
                    "INSERT OR IGNORE INTO local_file_consent (draft_id, path, allowed_at) VALUES (?1, ?2, ?3)",
                    params![draft_id, path, now_ms()],
                )
                .map_err(|e| self.err("allowing a draft to upload files", e))?;
        }
        Ok(())
    }

    /// Keeps an image in the database (once per content) and returns how a draft refers to it.
    pub fn add_asset(&mut self, image: &Image) -> Result<String> {
        self.conn
            .execute(
                "INSERT OR IGNORE INTO assets (sha256, mime, file_name, bytes, created_at) VALUES (?1, ?2, ?3, ?4, ?5)",
                params![image.sha256, image.mime, image.file_name, image.bytes, now_ms()],
            )
            .map_err(|e| self.err("storing an image", e))?;
        Ok(format!("{ASSET_SCHEME}{}", image.sha256))
    }

    /// An image kept in the database, by the hash a draft refers to it with.
    pub fn asset(&self, sha256: &str) -> Result<Image> {
        self.conn
            .query_row(
                "SELECT sha256, mime, file_name, bytes FROM assets WHERE sha256 = ?1",
                [sha256],
                |r| {
                    Ok(Image {
                        sha256: r.get(0)?,
                        mime: r.get(1)?,
                        file_name: r.get(2)?,
                        bytes: r.get(3)?,
                    })
                },
            )
            .optional()
            .map_err(|e| self.err("loading an image", e))?
            .ok_or_else(|| Error::AssetNotFound(sha256.to_owned()))
    }

    /// The hashes of every image kept in the database.
    pub fn asset_hashes(&self) -> Result<Vec<String>> {
        let mut statement = self
            .conn
            .prepare("SELECT sha256 FROM assets ORDER BY sha256")
            .map_err(|e| self.err("listing images", e))?;
        statement
            .query_map([], |r| r.get(0))
            .and_then(|rows| rows.collect())
            .map_err(|e| self.err("listing images", e))
    }

    /// The blog's copy of an image, if Fumi uploaded it there before.
    pub fn media(&self, blog_id: BlogId, sha256: &str) -> Result<Option<RemoteMedia>> {
        self.conn
            .query_row(
                "SELECT remote_id, url FROM media WHERE blog_id = ?1 AND sha256 = ?2",
                params![blog_id, sha256],
                |r| {
                    Ok(RemoteMedia {
                        id: r.get(0)?,
                        url: r.get(1)?,
                    })
                },
            )
            .optional()
            .map_err(|e| self.err("loading an uploaded image", e))
    }

    /// Remembers that an image now lives on the blog, so it is never uploaded there again.
    pub fn record_media(
        &mut self,
        blog_id: BlogId,
        sha256: &str,
        media: &RemoteMedia,
    ) -> Result<()> {
        self.conn
            .execute(
                "INSERT INTO media (blog_id, sha256, remote_id, url, uploaded_at) VALUES (?1, ?2, ?3, ?4, ?5) \
                 ON CONFLICT (blog_id, sha256) DO UPDATE SET remote_id = ?3, url = ?4, uploaded_at = ?5",
                params![blog_id, sha256, media.id, media.url, now_ms()],
            )
            .map_err(|e| self.err("recording an uploaded image", e))?;
        Ok(())
    }
}
