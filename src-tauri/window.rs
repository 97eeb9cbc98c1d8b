//! The desktop window: opens the store, registers the commands, runs the event loop.

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::{Arc, Mutex, PoisonError, TryLockError};

use fumi_core::model::draft::DraftId;
use fumi_core::render::Flavor;
use fumi_core::render::live::{LivePreview, OutOfStep, PreviewPatch};
use fumi_core::{App, Renderer};
use serde::Serialize;
use tauri::{AppHandle, Emitter, Manager};

use crate::ipc_error::IpcError;
use crate::path_grants::PathGrants;

/// What every command can reach.
pub(crate) struct AppState {
    /// Fumi on the data folder, or why it could not be opened (shown by the UI; the window
    /// still opens).
    app: Result<App, IpcError>,
    /// The renderer, shared with `app`: the preview works even without a database.
    pub(crate) renderer: Arc<Renderer>,
    /// The live preview of the draft in the editor.
    preview: Mutex<Option<LivePreview>>,
    pub(crate) data_dir: PathBuf,
    pub(crate) log_dir: PathBuf,
    /// Why a file Fumi was asked to open at start could not become a draft, if one could not.
    pub(crate) open_error: Mutex<Option<IpcError>>,
    /// The paths the author chose in dialogs, which commands take by token.
    pub(crate) paths: PathGrants,
}

impl AppState {
    /// Fumi on the data folder; or the reason there is none.
    pub(crate) fn app(&self) -> Result<&App, IpcError> {
        self.app.as_ref().map_err(Clone::clone)
    }

    /// Makes each file a new draft; answers the newest one.
    pub(crate) fn open_files(&self, paths: &[PathBuf]) -> Result<Option<DraftId>, IpcError> {
        Ok(self.app()?.open_files(paths)?)
    }

    /// Starts the live preview over `text`, as `flavor`'s blog shows it.
    pub(crate) fn open_preview(
        &self,
        text: &str,
        draft: Option<DraftId>,
        flavor: Flavor,
    ) -> PreviewPatch {
        // The draft's book card, drawn where the text says `[book]`.
        let card = match (draft, &self.app) {
            (Some(id), Ok(app)) => app.reader().ok().and_then(|store| {
                fumi_core::book::card::for_draft(&store, id, &crate::assets::preview_url, flavor)
            }),
            _ => None,
        };
        // The cards of the pages it embeds that Fumi has read (the others are drawn plain).
        let cards = self
            .app
            .as_ref()
            .ok()
            .and_then(|app| app.page_cards(text).ok())
            .unwrap_or_default();
        let (preview, patch) = LivePreview::for_flavor(
            &self.renderer,
            text,
            crate::assets::preview_url,
            card,
            flavor,
            cards,
        );
        *self.preview.lock().unwrap_or_else(PoisonError::into_inner) = Some(preview);
        patch
    }

    /// Applies an edit to the live preview; out of step, the UI opens it again.
    pub(crate) fn edit_preview(
        &self,
        base: u64,
        from: usize,
        to: usize,
        text: &str,
    ) -> Result<PreviewPatch, IpcError> {
        let mut preview = self.preview.lock().unwrap_or_else(PoisonError::into_inner);
        preview
            .as_mut()
            .ok_or(OutOfStep)
            .and_then(|p| p.edit(&self.renderer, base, from, to, text))
            .map_err(|OutOfStep| IpcError::preview_out_of_step())
    }

    /// The live preview's text at `version`, which the editor sent it edit by edit: read here,
    /// a long draft need not cross to Rust again (the proofreader's check).
    pub(crate) fn preview_text(&self, version: u64) -> Result<String, IpcError> {
        tracing::debug!(version, "reading the live preview's text");
        let preview = self.preview.lock().unwrap_or_else(PoisonError::into_inner);
        preview
            .as_ref()
            .ok_or(OutOfStep)
            .and_then(|p| p.text_at(version))
            .map_err(|OutOfStep| IpcError::preview_out_of_step())
    }

    /// Applies an edit to the live preview only if that is quick (see
    /// [`LivePreview::edit_if_quick`]); `None` when it is not, or while another edit is being
    /// applied (the window must not wait for it): the edit then goes to
    /// [`edit_preview`](Self::edit_preview).
    pub(crate) fn edit_preview_if_quick(
        &self,
        base: u64,
        from: usize,
        to: usize,
        text: &str,
    ) -> Result<Option<PreviewPatch>, IpcError> {
        let mut preview = match self.preview.try_lock() {
            Ok(preview) => preview,
            Err(TryLockError::Poisoned(poisoned)) => poisoned.into_inner(),
            Err(TryLockError::WouldBlock) => return Ok(None),
        };
        preview
            .as_mut()
            .ok_or(OutOfStep)
            .and_then(|p| p.edit_if_quick(&self.renderer, base, from, to, text))
            .map_err(|OutOfStep| IpcError::preview_out_of_step())
    }

    /// Why the store could not be opened, if it could not.
    pub(crate) fn startup_error(&self) -> Option<IpcError> {
        self.app.as_ref().err().cloned()
    }
}

/// Opens the window on the data in `data_dir` and runs until it is closed. The `open` files
/// become drafts; when a window already runs on `data_dir`, they are handed to it instead.
pub fn run(data_dir: PathBuf, log_dir: PathBuf, open: Vec<PathBuf>) -> ExitCode {
    let renderer = Arc::new(Renderer::new());
    let app = App::with_renderer(&data_dir, renderer.clone()).map_err(IpcError::from);
    // Without a database there is no queue to send (the window shows why).
    let send_queue = app.is_ok();
    let state = AppState {
        app,
        renderer,
        preview: Mutex::new(None),
        data_dir: data_dir.clone(),
        log_dir,
        open_error: Mutex::new(None),
        paths: PathGrants::default(),
    };
    // The same folder however it was written (relative, through a link) is the same instance.
    let instance = fumi_core::paths::instance_id(
        &std::fs::canonicalize(&data_dir).unwrap_or_else(|_| data_dir.clone()),
    );
    let window_state_file = data_dir.join("window-state.json");
    let result = tauri::Builder::default()
        // First: a second window on the same data hands its files over and exits before
        // anything else starts.
        .plugin(
            tauri_plugin_single_instance::Builder::new()
                .dbus_id(instance)
                .callback(|app, argv, cwd| open_from_another_launch(app, &argv, &cwd))
                .build(),
        )
        .plugin(crate::navigation::guard())
        .plugin(tauri_plugin_opener::init())
        .plugin(tauri_plugin_dialog::init())
        // The window's size and place, in the data folder (the plugin joins an absolute name
        // as is) so that every data folder has its own.
        .plugin(
            tauri_plugin_window_state::Builder::new()
                .with_filename(window_state_file.display().to_string())
                .build(),
        )
        .on_menu_event(|app, event| crate::menu::forward(app, event.id().as_ref()))
        .setup(move |app| {
            let state = app.state::<AppState>();
            *state
                .open_error
                .lock()
                .unwrap_or_else(PoisonError::into_inner) = state.open_files(&open).err();
            if send_queue {
                crate::queue_sender::start(app.handle().clone());
                warm_preview(app.handle().clone());
            }
            if let Some(window) = app.get_webview_window("main") {
                crate::input_method::show_composition_inline(&window);
            }
            Ok(())
        })
        .register_uri_scheme_protocol(crate::assets::SCHEME, crate::assets::serve)
        .register_uri_scheme_protocol(crate::preview_scheme::SCHEME, crate::preview_scheme::serve)
        .manage(state)
        .invoke_handler(crate::bindings::invoke_handler())
        .run(tauri::generate_context!("tauri.conf.json"));
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("fumi: the window could not start: {e}");
            ExitCode::FAILURE
        }
    }
}

/// Renders the draft the window opens first on a thread of its own while the page loads (its
/// script takes the webview ≈150 ms), so the first preview does not compile syntaxes.
fn warm_preview(handle: AppHandle) {
    let spawned = std::thread::Builder::new()
        .name("preview warm-up".into())
        .spawn(move || {
            let state = handle.state::<AppState>();
            if let Ok(app) = &state.app
                && let Err(e) = app.warm_preview()
            {
                tracing::warn!(error = %e, "the preview was not warmed");
            }
        });
    if let Err(e) = spawned {
        tracing::warn!(error = %e, "the preview warm-up did not start");
    }
}

/// What the window hears when Fumi is launched again on its data with files to open.
#[derive(Clone, Serialize)]
struct Opened {
    /// The newest draft made from the files, to show.
    draft: Option<DraftId>,
    /// Why a file could not become a draft.
    error: Option<IpcError>,
}

/// The single-instance hand-over: the other launch's files become drafts here, and the window
/// comes to the front to show them.
fn open_from_another_launch(app: &AppHandle, argv: &[String], cwd: &str) {
    let paths: Vec<PathBuf> = crate::cli::Args::files_in(argv)
        .into_iter()
        .map(|p| Path::new(cwd).join(p))
        .collect();
    tracing::info!(
        files = paths.len(),
        "launched again: opening its files here"
    );
    let opened = match app.state::<AppState>().open_files(&paths) {
        Ok(draft) => Opened { draft, error: None },
        Err(error) => Opened {
            draft: None,
            error: Some(error),
        },
    };
    if let Some(window) = app.get_webview_window("main") {
        let _ = window.unminimize();
        let _ = window.set_focus();
    }
    if let Err(e) = app.emit("opened-files", opened) {
        tracing::warn!(error = %e, "opened files not announced to the window");
    }
}
