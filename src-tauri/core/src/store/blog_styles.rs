//! Each blog's look as last read (see `blog_style`).

use rusqlite::{OptionalExtension, params};

use super::Store;
use crate::error::Result;
use crate::model::blog::{BlogId, BlogStyle};

impl Store {
    /// The blog's look as last read; `None` if never read.
    pub fn blog_style(&self, blog: BlogId) -> Result<Option<BlogStyle>> {
        self.conn
            .query_row(
                "SELECT page, css, read_at FROM blog_styles WHERE blog_id = ?1",
                [blog],
                |r| {
                    Ok(BlogStyle {
                        page: r.get(0)?,
                        css: r.get(1)?,
                        read_at: r.get(2)?,
                    })
                },
            )
            .optional()
            .map_err(|e| self.err("reading the blog's look", e))
    }

    /// Keeps the blog's look as just read.
    pub fn keep_blog_style(&mut self, blog: BlogId, style: &BlogStyle) -> Result<()> {
        self.conn
            .execute(
                "INSERT OR REPLACE INTO blog_styles (blog_id, page, css, read_at) VALUES (?1, ?2, ?3, ?4)",
                params![blog, style.page, style.css, style.read_at],
            )
            .map_err(|e| self.err("keeping the blog's look", e))?;
        Ok(())
    }
}
