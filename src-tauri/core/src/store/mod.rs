//! Durable storage of drafts in one SQLite file (WAL mode), with revisions and full-text search.

mod blog_categories;
mod blog_styles;
mod blogs;
mod books;
mod drafts;
mod images;
mod library;
mod migrations;
mod page_cards;
mod pool;
mod queue;
mod revisions;

mod settings;
mod sync;

use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use rusqlite::Connection;

use crate::error::{Error, Result};
use crate::model::draft::Millis;
use crate::paths::DATABASE_FILE;

pub use migrations::SCHEMA_VERSION;
pub use pool::{Pool, Reader};

/// During continuous editing, autosaves keep at most one revision per this many milliseconds,
/// unless the settings say otherwise.
pub const REVISION_INTERVAL_MS: Millis = 30_000;

/// How long a write waits for another connection's lock before reporting the database as locked.
const BUSY_TIMEOUT: Duration = Duration::from_secs(2);

/// An open Fumi database.
pub struct Store {
    conn: Connection,
    path: PathBuf,
    /// While typing, at most one revision per this many milliseconds (a setting).
    revision_interval_ms: Millis,
}

impl Store {
    /// Opens (creating if needed) the database in `data_dir`, migrating it to the current schema.
    pub fn open(data_dir: &Path) -> Result<Store> {
        std::fs::create_dir_all(data_dir).map_err(|source| Error::DataDir {
            path: data_dir.to_path_buf(),
            source,
        })?;
        Store::open_file(&data_dir.join(DATABASE_FILE))
    }

    /// Opens (creating if needed) the database file at `path`, migrating it to the current schema.
    pub fn open_file(path: &Path) -> Result<Store> {
        let mut conn = Connection::open(path)
            .map_err(|e| Error::from_sqlite(path, "opening the database", e))?;
        configure(&conn).map_err(|e| Error::from_sqlite(path, "configuring the database", e))?;
        migrations::migrate(&mut conn, path)?;
        let mut store = Store {
            conn,
            path: path.to_path_buf(),
            revision_interval_ms: REVISION_INTERVAL_MS,
        };
        // The author's own interval, when they chose one.
        if let Ok(settings) = store.settings() {
            store.revision_interval_ms = settings.revision_interval_ms();
        }
        Ok(store)
    }

    /// Opens a read-only connection on the database file at `path`, which must exist at the
    /// current schema (the [`Pool`]'s writer made sure of it).
    pub(crate) fn open_reader(path: &Path) -> Result<Store> {
        let conn = Connection::open_with_flags(
            path,
            rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY | rusqlite::OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )
        .map_err(|e| Error::from_sqlite(path, "opening the database", e))?;
        conn.busy_timeout(BUSY_TIMEOUT)
            .and_then(|()| library::register_functions(&conn))
            .map_err(|e| Error::from_sqlite(path, "configuring the database", e))?;
        Ok(Store {
            conn,
            path: path.to_path_buf(),
            revision_interval_ms: REVISION_INTERVAL_MS,
        })
    }

    /// The database file's path.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Runs SQLite's full integrity check; `Ok(())` when the file is sound.
    pub fn integrity_check(&self) -> Result<()> {
        let report: String = self
            .conn
            .query_row("PRAGMA integrity_check", [], |r| r.get(0))
            .map_err(|e| self.err("checking the database", e))?;
        if report == "ok" {
            Ok(())
        } else {
            Err(Error::DatabaseCorrupt {
                path: self.path.clone(),
                detail: report,
            })
        }
    }

    /// Leaves this connection's checkpoints to another (the pool's checkpointer): a commit
    /// then never copies the write-ahead log into the database in the committer's time.
    pub(super) fn leave_checkpoints(&self) -> Result<()> {
        self.conn
            .pragma_update(None, "wal_autocheckpoint", 0)
            .map_err(|e| self.err("configuring the database", e))
    }

    /// Copies what it can of the write-ahead log into the database, waiting for no reader or
    /// writer (SQLite's passive checkpoint, what every commit did before).
    pub(super) fn checkpoint(&self) -> Result<()> {
        self.conn
            .query_row("PRAGMA wal_checkpoint(PASSIVE)", [], |_| Ok(()))
            .map_err(|e| self.err("checkpointing the database", e))
    }

    /// Maps an SQLite error on this database to the core's error.
    fn err(&self, action: &'static str, e: rusqlite::Error) -> Error {
        Error::from_sqlite(&self.path, action, e)
    }
}

/// Connection settings for a desktop app: WAL so readers never block the writer and a crash never
/// tears a commit; `synchronous=NORMAL` keeps every commit across an app crash (only an OS crash
/// can drop the last ones) at a fraction of FULL's cost.
fn configure(conn: &Connection) -> rusqlite::Result<()> {
    conn.busy_timeout(BUSY_TIMEOUT)?;
    // journal_mode answers with a row; a file that is not a database fails here, before any write.
    let _mode: String = conn.query_row("PRAGMA journal_mode = WAL", [], |r| r.get(0))?;
    conn.execute_batch("PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON;")?;
    library::register_functions(conn)
}

/// The current time in milliseconds since the Unix epoch.
pub(crate) fn now_ms() -> Millis {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_millis() as Millis)
        .unwrap_or(0)
}
