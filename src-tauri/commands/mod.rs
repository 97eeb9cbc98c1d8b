//! The IPC commands: one-line delegations to the core. They run off the main thread (`async`)
//! so a slow disk or network never freezes the window.

mod blogs;
mod drafts;

use serde::Serialize;
use tauri::State;

pub use blogs::*;
pub use drafts::*;

use crate::ipc_error::IpcError;
use crate::window::AppState;

type Result<T> = std::result::Result<T, IpcError>;

/// What the UI needs to know at start.
#[derive(Serialize)]
pub struct AppInfo {
    version: &'static str,
    data_dir: String,
    /// Set when the database could not be opened; the UI shows it instead of the drafts.
    startup_error: Option<IpcError>,
}

#[tauri::command(async)]
pub fn app_info(state: State<'_, AppState>) -> AppInfo {
    AppInfo {
        version: env!("CARGO_PKG_VERSION"),
        data_dir: state.data_dir.display().to_string(),
        startup_error: state.startup_error(),
    }
}
