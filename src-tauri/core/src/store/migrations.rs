//! The schema and its migrations. Append new migrations; never edit a released one.

use std::path::Path;

use rusqlite::{Connection, Transaction};
use rusqlite_migration::{M, Migrations};

use crate::error::{Error, Result};

/// The migrations, in order; the schema version is their count (SQLite's `user_version`).
fn migrations() -> Vec<M<'static>> {
    vec![
        M::up(include_str!("migrations/0001_drafts.sql")),
        M::up(include_str!("migrations/0002_blogs.sql")),
        M::up(include_str!("migrations/0003_images.sql")),
        M::up(include_str!("migrations/0004_blog_auth.sql")),
        M::up(include_str!("migrations/0005_publish_queue.sql")),
        M::up(include_str!("migrations/0006_update_sent.sql")),
        M::up(include_str!("migrations/0007_settings.sql")),
        M::up(include_str!("migrations/0008_goal.sql")),
        // The labels live in YAML, which SQL cannot read: the index of existing drafts is filled here.
        M::up_with_hook(
            include_str!("migrations/0009_library.sql"),
            |tx: &Transaction| {
                for (id, body) in bodies(tx)? {
                    super::library::index_tags(tx, id, &crate::tags::labels(&body))?;
                }
                Ok(())
            },
        ),
        M::up(include_str!("migrations/0010_books.sql")),
        M::up(include_str!("migrations/0011_blog_secret_key.sql")),
        M::up(include_str!("migrations/0012_local_file_consent.sql")),
        M::up(include_str!("migrations/0013_page_cards.sql")),
        M::up(include_str!("migrations/0014_blog_categories.sql")),
        M::up(include_str!("migrations/0015_blog_styles.sql")),
        M::up(include_str!("migrations/0016_sync.sql")),
        M::up(include_str!("migrations/0017_sync_publications.sql")),
        // The excerpt and the tags are Rust's reading of the body: filled here too.
        M::up_with_hook(
            include_str!("migrations/0018_draft_list.sql"),
            |tx: &Transaction| {
                let mut update =
                    tx.prepare("UPDATE drafts SET excerpt = ?2, tags = ?3 WHERE id = ?1")?;
                for (id, body) in bodies(tx)? {
                    let tags = super::library::joined_tags(&crate::tags::labels(&body));
                    update.execute(rusqlite::params![id, super::drafts::excerpt(&body), tags])?;
                }
                Ok(())
            },
        ),
        M::up(include_str!("migrations/0019_short_search.sql")),
        M::up(include_str!("migrations/0020_index_after_save.sql")),
    ]
}

/// Every draft's id and text, for a migration that fills what Rust reads from the text.
fn bodies(tx: &Transaction) -> rusqlite::Result<Vec<(i64, String)>> {
    tx.prepare("SELECT id, body FROM drafts")?
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect()
}

/// The schema version this build writes.
pub const SCHEMA_VERSION: i64 = 20;

/// Brings the database to [`SCHEMA_VERSION`], refusing one written by a newer Fumi.
pub(super) fn migrate(conn: &mut Connection, path: &Path) -> Result<()> {
    let found: i64 = conn
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .map_err(|e| Error::from_sqlite(path, "reading the schema version", e))?;
    if found > SCHEMA_VERSION {
        return Err(Error::SchemaTooNew {
            path: path.to_path_buf(),
            found,
            known: SCHEMA_VERSION,
        });
    }
    Migrations::new(migrations())
        .to_latest(conn)
        .map_err(|e| match e {
            rusqlite_migration::Error::RusqliteError { err, .. } => {
                Error::from_sqlite(path, "upgrading the database", err)
            }
            other => Error::Migration {
                path: path.to_path_buf(),
                detail: other.to_string(),
            },
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_schema_version_counts_the_migrations() {
        assert_eq!(SCHEMA_VERSION, migrations().len() as i64);
    }

    #[test]
    fn migrations_are_valid() {
        assert!(Migrations::new(migrations()).validate().is_ok());
    }

    #[test]
    fn drafts_written_before_the_short_search_are_found_by_it() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("fumi.db");
        let mut conn = Connection::open(&path).expect("open");
        Migrations::new(migrations())
            .to_version(&mut conn, 18)
            .expect("schema 18");
        conn.execute(
            "INSERT INTO drafts (title, body, created_at, updated_at) \
             VALUES ('珈琲', '朝の散歩', 0, 0)",
            [],
        )
        .expect("a draft of schema 18");
        drop(conn);
        let store = crate::store::Store::open_file(&path).expect("migrated");
        for query in ["珈琲", "琲", "散歩", "歩", "の散歩"] {
            assert_eq!(store.search(query).expect("search").len(), 1, "{query}");
        }
        assert!(store.search("朝歩").expect("search").is_empty());
    }
}
