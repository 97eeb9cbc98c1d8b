//! The IPC commands: one-line delegations to the core. They run off the main thread (`async`)
//! so a slow disk or network never freezes the window.

mod blogs;
mod books;
mod drafts;
mod sync;

use std::collections::HashMap;
use std::path::PathBuf;

use fumi_core::DraftId;
use fumi_core::model::blog::BlogId;
use fumi_core::model::first_screen::FirstScreen;
use fumi_core::render::Flavor;
use fumi_core::render::live::PreviewPatch;

use serde::Serialize;
use tauri::{AppHandle, State};
use tauri_plugin_dialog::DialogExt;
use tauri_plugin_opener::OpenerExt;

pub use blogs::*;
pub use books::*;
pub use drafts::*;
pub use sync::*;

use crate::ipc_error::IpcError;
use crate::path_grants::PathGrant;
use crate::window::AppState;

type Result<T> = std::result::Result<T, IpcError>;

/// What the UI needs to know at start, and what the About dialog shows.
#[derive(specta::Type, Serialize)]
pub struct AppInfo {
    version: &'static str,
    license: &'static str,
    data_dir: String,
    log_dir: String,
    /// Where the settings suggest exporting to.
    export_dir: PathGrant,
    /// Set when the database could not be opened; the UI shows it instead of the drafts.
    startup_error: Option<IpcError>,
    /// Set when the file Fumi was started with could not be opened as a draft.
    open_error: Option<IpcError>,
}

/// Turns the spell checker on: the editor asks at the author's first edit with it on.
#[tauri::command(async)]
#[specta::specta]
pub fn start_spelling(window: tauri::WebviewWindow) {
    crate::spelling::enable(&window);
}

#[tauri::command(async)]
#[specta::specta]
pub fn app_info(state: State<'_, AppState>) -> AppInfo {
    info(&state)
}

/// What the window opens on, in one answer: the app's state, what the data shows (none when
/// the database could not be opened: `info.startup_error` says why) and the newest draft's
/// preview, opened as the live preview.
#[derive(specta::Type, Serialize)]
pub struct WindowStart {
    info: AppInfo,
    screen: Option<FirstScreen>,
    preview: Option<OpenedPreview>,
}

/// A live preview opened for the window, and the flavor it was drawn in.
#[derive(specta::Type, Serialize)]
pub struct OpenedPreview {
    flavor: Flavor,
    patch: PreviewPatch,
}

/// `last_blog`: the blog the window used last (its own memory), which decides the preview's
/// flavor when the settings name no default; the page opens the preview again if it chose
/// another.
#[tauri::command(async)]
#[specta::specta]
pub fn start_window(state: State<'_, AppState>, last_blog: Option<BlogId>) -> Result<WindowStart> {
    let screen = match state.app() {
        Ok(app) => Some(app.first_screen()?),
        Err(_) => None,
    };
    let preview = screen.as_ref().and_then(|screen| {
        let draft = screen.draft.as_ref()?;
        let flavor = screen
            .first_blog(last_blog)
            .map_or(Flavor::Plain, |b| Flavor::of(b.kind));
        Some(OpenedPreview {
            flavor,
            patch: state.open_preview(&draft.body, Some(draft.id), flavor),
        })
    });
    Ok(WindowStart {
        info: info(&state),
        screen,
        preview,
    })
}

fn info(state: &AppState) -> AppInfo {
    AppInfo {
        version: env!("CARGO_PKG_VERSION"),
        license: env!("CARGO_PKG_LICENSE"),
        data_dir: state.data_dir.display().to_string(),
        log_dir: state.log_dir.display().to_string(),
        export_dir: state.paths.grant(&fumi_core::paths::default_export_dir()),
        startup_error: state.startup_error(),
        open_error: state
            .open_error
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .clone(),
    }
}

/// A folder of Fumi's that the author may open in the file manager: only these two, never a
/// path from the UI.
#[derive(specta::Type, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Folder {
    Data,
    Logs,
}

/// Opens the data or the logs folder in the system's file manager.
#[tauri::command(async)]
#[specta::specta]
pub fn open_folder(app: AppHandle, state: State<'_, AppState>, folder: Folder) -> Result<()> {
    let path = match folder {
        Folder::Data => &state.data_dir,
        Folder::Logs => &state.log_dir,
    };
    std::fs::create_dir_all(path).map_err(|e| IpcError::from_system("create the folder", &e))?;
    app.opener()
        .open_path(path.display().to_string(), None::<&str>)
        .map_err(|e| IpcError::from_system("open the folder", &e))
}

/// The author's preferences.
#[tauri::command(async)]
#[specta::specta]
pub fn get_settings(state: State<'_, AppState>) -> Result<fumi_core::model::settings::Settings> {
    Ok(state.app()?.settings()?)
}

/// Saves the author's preferences.
#[tauri::command(async)]
#[specta::specta]
pub fn save_settings(
    state: State<'_, AppState>,
    settings: fumi_core::model::settings::Settings,
) -> Result<()> {
    Ok(state.app()?.save_settings(&settings)?)
}

/// Writes every draft and image into the granted folder `dir` (new or empty).
#[tauri::command(async)]
#[specta::specta]
pub fn export_all(state: State<'_, AppState>, dir: String) -> Result<fumi_core::export::Moved> {
    let dir = state.paths.path(&dir)?;
    Ok(state.app()?.export_all(&dir)?)
}

/// Adds every draft and image of an export in the granted folder `dir`.
#[tauri::command(async)]
#[specta::specta]
pub fn import_all(state: State<'_, AppState>, dir: String) -> Result<fumi_core::export::Moved> {
    let dir = state.paths.path(&dir)?;
    Ok(state.app()?.import_all(&dir)?)
}

/// Builds the native menu bar with the UI's labels (id → text, in the UI's language).
#[tauri::command]
#[specta::specta]
pub fn install_menu(app: AppHandle, labels: HashMap<String, String>) -> Result<()> {
    crate::menu::install(&app, &labels).map_err(|e| IpcError::from_system("build the menu", &e))
}

/// Makes each granted Markdown file a new draft; answers the newest one's id.
#[tauri::command(async)]
#[specta::specta]
pub fn open_files(state: State<'_, AppState>, paths: Vec<String>) -> Result<Option<DraftId>> {
    let paths = paths
        .iter()
        .map(|token| state.paths.path(token))
        .collect::<Result<Vec<PathBuf>>>()?;
    state.open_files(&paths)
}

/// Asks the author for Markdown files to open with the system's file picker.
#[tauri::command(async)]
#[specta::specta]
pub fn choose_markdown_files(app: AppHandle, state: State<'_, AppState>) -> Vec<PathGrant> {
    app.dialog()
        .file()
        .add_filter("Markdown", &["md", "markdown", "txt"])
        .blocking_pick_files()
        .unwrap_or_default()
        .into_iter()
        .filter_map(|p| p.into_path().ok())
        .map(|p| state.paths.grant(&p))
        .collect()
}

/// Asks the author for a folder with the system's folder picker; `None` if they cancel.
#[tauri::command(async)]
#[specta::specta]
pub fn choose_folder(app: AppHandle, state: State<'_, AppState>) -> Option<PathGrant> {
    let path = app
        .dialog()
        .file()
        .blocking_pick_folder()?
        .into_path()
        .ok()?;
    Some(state.paths.grant(&path))
}

/// Asks the author where to save a file, suggesting `name`; `None` if they cancel.
#[tauri::command(async)]
#[specta::specta]
pub fn choose_save_file(
    app: AppHandle,
    state: State<'_, AppState>,
    name: String,
) -> Option<PathGrant> {
    let path = app
        .dialog()
        .file()
        .set_file_name(name)
        .blocking_save_file()?
        .into_path()
        .ok()?;
    Some(state.paths.grant(&path))
}
