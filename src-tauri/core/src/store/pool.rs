//! The database's connections for a long-lived process (the window): one writer and a few
//! readers. WAL lets readers run beside the writer, so no read (an export of every draft, a
//! history, an image) ever holds the connection an autosave needs, and no read waits behind
//! another.

use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard, PoisonError};
use std::time::Duration;

use crate::error::{Error, Result};
use crate::paths::DATABASE_FILE;

use super::Store;

/// At most this many reads run at once; more wait for one to end.
const MAX_READERS: u32 = 4;

/// How long a read waits for a free reader before the database is reported as busy.
const READER_WAIT: Duration = Duration::from_secs(30);

/// One writer and a pool of read-only connections on the same database file.
pub struct Pool {
    writer: Mutex<Store>,
    readers: r2d2::Pool<Readers>,
    path: PathBuf,
}

/// A read-only connection lent by the [`Pool`]; it goes back when dropped.
pub type Reader = r2d2::PooledConnection<Readers>;

impl Pool {
    /// Opens (creating and migrating if needed) the database in `data_dir`.
    pub fn open(data_dir: &Path) -> Result<Pool> {
        // The writer first: it creates the folder and the file, and migrates them, so every
        // reader opens a current schema.
        let writer = Store::open(data_dir)?;
        let path = data_dir.join(DATABASE_FILE);
        let readers = r2d2::Pool::builder()
            .max_size(MAX_READERS)
            // Readers are opened when first needed and kept; none is opened at start.
            .min_idle(Some(0))
            .idle_timeout(None)
            .max_lifetime(None)
            .connection_timeout(READER_WAIT)
            // The pool's housekeeping needs a thread; one is plenty for four connections.
            .thread_pool(std::sync::Arc::new(
                scheduled_thread_pool::ScheduledThreadPool::new(1),
            ))
            .build_unchecked(Readers { path: path.clone() });
        Ok(Pool {
            writer: Mutex::new(writer),
            readers,
            path,
        })
    }

    /// The writing connection, for one change (saves, deletes, settings).
    pub fn writer(&self) -> MutexGuard<'_, Store> {
        // A panic in another caller cannot leave the connection half-written (transactions
        // roll back on drop), so a poisoned lock is still safe to use.
        self.writer.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// A read-only connection of its own, for as long as the read takes.
    pub fn reader(&self) -> Result<Reader> {
        self.readers.get().map_err(|e| {
            tracing::warn!(error = %e, "no database reader became free");
            Error::DatabaseLocked {
                path: self.path.clone(),
            }
        })
    }

    /// The database file's path.
    pub fn path(&self) -> &Path {
        &self.path
    }
}

/// How the pool opens its read-only connections.
#[derive(Debug)]
pub struct Readers {
    path: PathBuf,
}

impl r2d2::ManageConnection for Readers {
    type Connection = Store;
    type Error = Error;

    fn connect(&self) -> Result<Store> {
        Store::open_reader(&self.path)
    }

    fn is_valid(&self, _store: &mut Store) -> Result<()> {
        Ok(())
    }

    fn has_broken(&self, _store: &mut Store) -> bool {
        false
    }
}
