//! The schema and its migrations. Append new migrations; never edit a released one.

use std::path::Path;

use rusqlite::Connection;
use rusqlite_migration::{M, Migrations};

use crate::error::{Error, Result};

/// The migrations, in order; the schema version is their count (SQLite's `user_version`).
const MIGRATIONS: &[M<'static>] = &[
    M::up(include_str!("migrations/0001_drafts.sql")),
    M::up(include_str!("migrations/0002_blogs.sql")),
    M::up(include_str!("migrations/0003_images.sql")),
    M::up(include_str!("migrations/0004_blog_auth.sql")),
    M::up(include_str!("migrations/0005_publish_queue.sql")),
    M::up(include_str!("migrations/0006_update_sent.sql")),
    M::up(include_str!("migrations/0007_settings.sql")),
    M::up(include_str!("migrations/0008_goal.sql")),
];

/// The schema version this build writes.
pub const SCHEMA_VERSION: i64 = MIGRATIONS.len() as i64;

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
    Migrations::from_slice(MIGRATIONS)
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
    fn migrations_are_valid() {
        assert!(Migrations::from_slice(MIGRATIONS).validate().is_ok());
    }
}
