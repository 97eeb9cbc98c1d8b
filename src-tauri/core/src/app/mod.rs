//! `App`: the one API every caller uses — the window's commands, the CLI and the tests. Each
//! method is one thing the author does; callers only parse their input and show the result.

mod blogs;
mod books;
mod drafts;

use std::path::{Path, PathBuf};
use std::sync::{Arc, MutexGuard, OnceLock};

use crate::error::Result;
use crate::render::Renderer;
use crate::store::{Pool, Reader, Store};

/// Fumi on one data folder: its database connections and its renderer.
pub struct App {
    data_dir: PathBuf,
    pool: Pool,
    /// Built on first use: it loads every syntax definition, which a CLI command that renders
    /// nothing should not pay for.
    renderer: OnceLock<Arc<Renderer>>,
}

impl App {
    /// Opens (creating and migrating if needed) the data in `data_dir`.
    pub fn open(data_dir: &Path) -> Result<App> {
        Ok(App {
            data_dir: data_dir.to_path_buf(),
            pool: Pool::open(data_dir)?,
            renderer: OnceLock::new(),
        })
    }

    /// Opens the data in `data_dir` with a renderer already built (the window's, which its
    /// preview shares even when the data cannot be opened).
    pub fn with_renderer(data_dir: &Path, renderer: Arc<Renderer>) -> Result<App> {
        let app = App::open(data_dir)?;
        let _ = app.renderer.set(renderer);
        Ok(app)
    }

    /// The data folder.
    pub fn data_dir(&self) -> &Path {
        &self.data_dir
    }

    /// The renderer of the preview and of published posts.
    pub fn renderer(&self) -> &Renderer {
        self.renderer.get_or_init(|| Arc::new(Renderer::new()))
    }

    /// The writing connection, held for one change.
    pub fn writer(&self) -> MutexGuard<'_, Store> {
        self.pool.writer()
    }

    /// A read-only connection, which never waits behind a write or another read.
    pub fn reader(&self) -> Result<Reader> {
        self.pool.reader()
    }

    /// A connection of its own for work that waits on the network (a publish, a lookup): it
    /// writes little, late and briefly, so the writer stays free for autosave meanwhile.
    pub fn connection(&self) -> Result<Store> {
        Store::open(&self.data_dir)
    }
}
