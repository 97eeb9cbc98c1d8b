//! Each blog's category names as the blog last listed them (see `App::blog_categories`).

use rusqlite::{OptionalExtension, params};

use super::{Store, now_ms};
use crate::error::Result;
use crate::model::blog::BlogId;
use crate::model::draft::Millis;

impl Store {
    /// The blog's category names as last read, and when; `None` if never read.
    pub fn blog_categories(&self, blog: BlogId) -> Result<Option<(Vec<String>, Millis)>> {
        let row: Option<(String, Millis)> = self
            .conn
            .query_row(
                "SELECT names, read_at FROM blog_categories WHERE blog_id = ?1",
                [blog],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()
            .map_err(|e| self.err("reading the blog's categories", e))?;
        // A list that no longer reads is as good as none: it is read from the blog again.
        Ok(row.and_then(|(names, at)| Some((serde_json::from_str(&names).ok()?, at))))
    }

    /// Keeps the blog's category names as just read.
    pub fn keep_blog_categories(&mut self, blog: BlogId, names: &[String]) -> Result<()> {
        let json = serde_json::to_string(names).unwrap_or_else(|_| "[]".to_owned());
        self.conn
            .execute(
                "INSERT OR REPLACE INTO blog_categories (blog_id, names, read_at) VALUES (?1, ?2, ?3)",
                params![blog, json, now_ms()],
            )
            .map_err(|e| self.err("keeping the blog's categories", e))?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::blog::BlogKind;

    #[test]
    fn a_blogs_categories_are_kept_replaced_and_go_with_the_blog() {
        let dir = tempfile::tempdir().expect("temp dir");
        let mut store = Store::open(dir.path()).expect("open");
        let blog = store
            .add_blog(
                "b",
                BlogKind::Hatena,
                "https://blog.hatena.ne.jp/u/b/atom",
                "u",
                "k",
            )
            .expect("blog");
        assert_eq!(store.blog_categories(blog.id).expect("read"), None);
        let names = ["読書".to_owned(), "SF".to_owned()];
        store.keep_blog_categories(blog.id, &names).expect("keep");
        let (kept, at) = store.blog_categories(blog.id).expect("read").expect("kept");
        assert_eq!(kept, names);
        assert!(at > 0);
        store
            .keep_blog_categories(blog.id, &["日記".to_owned()])
            .expect("replace");
        assert_eq!(
            store
                .blog_categories(blog.id)
                .expect("read")
                .map(|(n, _)| n),
            Some(vec!["日記".to_owned()])
        );
        store.remove_blog(blog.id).expect("remove");
        assert_eq!(store.blog_categories(blog.id).expect("read"), None);
    }
}
