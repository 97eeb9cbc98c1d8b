//! The desktop window: opens the store, registers the commands, runs the event loop.

use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::{Mutex, MutexGuard, PoisonError};

use fumi_core::{Renderer, Store};

use crate::commands;
use crate::ipc_error::IpcError;

/// What every command can reach.
pub(crate) struct AppState {
    /// The open store, or why it could not be opened (shown by the UI; the window still opens).
    store: Result<Mutex<Store>, IpcError>,
    pub(crate) renderer: Renderer,
    pub(crate) data_dir: PathBuf,
    pub(crate) log_dir: PathBuf,
    /// Why the file Fumi was asked to open could not become a draft, if it could not.
    pub(crate) open_error: Option<IpcError>,
}

impl AppState {
    /// The store, locked for one command; or the reason there is none.
    pub(crate) fn store(&self) -> Result<MutexGuard<'_, Store>, IpcError> {
        match &self.store {
            // A panic in another command cannot leave the connection half-written (transactions
            // roll back on drop), so a poisoned lock is still safe to use.
            Ok(store) => Ok(store.lock().unwrap_or_else(PoisonError::into_inner)),
            Err(e) => Err(e.clone()),
        }
    }

    /// Why the store could not be opened, if it could not.
    pub(crate) fn startup_error(&self) -> Option<IpcError> {
        self.store.as_ref().err().cloned()
    }
}

/// Opens the window on the data in `data_dir` and runs until it is closed.
pub fn run(data_dir: PathBuf, log_dir: PathBuf, open: Vec<PathBuf>) -> ExitCode {
    let mut store = Store::open(&data_dir).map_err(IpcError::from);
    // Files opened with Fumi become new drafts; the newest is the one the window opens first.
    // The window shows why the first that could not be opened was refused.
    let open_error = match &mut store {
        Ok(store) => {
            let errors: Vec<_> = open
                .iter()
                .filter_map(|path| {
                    fumi_core::draft::read_file(path)
                        .and_then(|(title, body)| store.create_draft(&title, &body))
                        .err()
                })
                .collect();
            errors.into_iter().next().map(IpcError::from)
        }
        Err(_) => None,
    };
    let store = store.map(Mutex::new);
    // Without a database there is no queue to send (the window shows why).
    let send_queue = store.is_ok();
    let state = AppState {
        store,
        renderer: Renderer::new(),
        data_dir: data_dir.clone(),
        log_dir,
        open_error,
    };
    let result = tauri::Builder::default()
        .plugin(tauri_plugin_opener::init())
        .setup(move |app| {
            if send_queue {
                crate::queue_sender::start(app.handle().clone(), data_dir);
            }
            Ok(())
        })
        .register_uri_scheme_protocol(crate::assets::SCHEME, crate::assets::serve)
        .manage(state)
        .invoke_handler(tauri::generate_handler![
            commands::app_info,
            commands::open_folder,
            commands::get_settings,
            commands::save_settings,
            commands::export_all,
            commands::import_all,
            commands::list_drafts,
            commands::list_trash,
            commands::search_drafts,
            commands::create_draft,
            commands::get_draft,
            commands::save_draft,
            commands::trash_draft,
            commands::restore_draft,
            commands::purge_draft,
            commands::render_markdown,
            commands::add_image,
            commands::list_blogs,
            commands::add_blog,
            commands::test_blog,
            commands::remove_blog,
            commands::publish_draft,
            commands::send_queued_publishes,
            commands::take_remote,
            commands::publication_states,
            commands::open_in_browser,
        ])
        .run(tauri::generate_context!("tauri.conf.json"));
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("fumi: the window could not start: {e}");
            ExitCode::FAILURE
        }
    }
}
