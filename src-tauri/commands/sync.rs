//! Drafts on every computer: the sync remote, syncing, and conflicts. A sync waits on the
//! network on a thread of its own (`async`), never on the window's.

use fumi_core::DraftId;
use fumi_core::model::draft::Draft;
use fumi_core::model::sync::{Resolution, SyncConflict, SyncReport, SyncStatus};
use tauri::State;

use super::Result;
use crate::window::AppState;

#[tauri::command(async)]
#[specta::specta]
pub fn sync_status(state: State<'_, AppState>) -> Result<SyncStatus> {
    Ok(state.app()?.sync_status()?)
}

#[tauri::command(async)]
#[specta::specta]
pub fn sync_now(state: State<'_, AppState>) -> Result<SyncReport> {
    Ok(state.app()?.sync_now()?)
}

#[tauri::command(async)]
#[specta::specta]
pub fn set_up_sync(
    state: State<'_, AppState>,
    url: String,
    token: Option<String>,
) -> Result<SyncReport> {
    Ok(state.app()?.set_up_sync(&url, token.as_deref())?)
}

#[tauri::command(async)]
#[specta::specta]
pub fn sync_conflict(
    state: State<'_, AppState>,
    draft_id: DraftId,
) -> Result<Option<SyncConflict>> {
    Ok(state.app()?.sync_conflict(draft_id)?)
}

#[tauri::command(async)]
#[specta::specta]
pub fn resolve_sync_conflict(
    state: State<'_, AppState>,
    draft_id: DraftId,
    resolution: Resolution,
) -> Result<Draft> {
    Ok(state.app()?.resolve_sync_conflict(draft_id, resolution)?)
}
