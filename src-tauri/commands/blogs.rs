//! Blogs and publishing: accounts, publish with progress, the draft's standing on each blog.
//!
//! Network work never holds the window's database connection: a publish opens its own, so
//! autosave goes on while a post uploads.

use fumi_core::model::blog::{BlogCategories, BlogStyleFrame};
use fumi_core::publish::queue::{PublishOutcome, Sent};
use fumi_core::publish::{BlogPreview, Progress, PublicationState, PublishOptions};
use fumi_core::{Blog, BlogAuth, BlogId, BlogKind, DraftId};
use tauri::ipc::Channel;
use tauri::{AppHandle, State};
use tauri_plugin_opener::OpenerExt;

use super::Result;
use crate::ipc_error::IpcError;
use crate::window::AppState;

#[tauri::command(async)]
#[specta::specta]
pub fn list_blogs(state: State<'_, AppState>) -> Result<Vec<Blog>> {
    Ok(state.app()?.blogs()?)
}

#[tauri::command]
#[specta::specta]
pub async fn add_blog(
    state: State<'_, AppState>,
    kind: BlogKind,
    name: String,
    url: String,
    user: String,
    secret: String,
) -> Result<Blog> {
    Ok(state
        .app()?
        .add_blog(&name, kind, BlogAuth::Default, &url, &user, &secret)
        .await?)
}

#[tauri::command]
#[specta::specta]
pub async fn test_blog(state: State<'_, AppState>, blog_id: BlogId) -> Result<()> {
    Ok(state.app()?.test_blog(blog_id).await?)
}

#[tauri::command(async)]
#[specta::specta]
pub fn remove_blog(state: State<'_, AppState>, blog_id: BlogId) -> Result<()> {
    Ok(state.app()?.remove_blog(blog_id)?)
}

#[tauri::command]
#[specta::specta]
pub async fn publish_draft(
    state: State<'_, AppState>,
    draft_id: DraftId,
    blog_id: BlogId,
    overwrite: bool,
    recreate: bool,
    allow_files: bool,
    on_progress: Channel<Progress>,
) -> Result<PublishOutcome> {
    let options = PublishOptions {
        overwrite,
        recreate,
        allow_local_files: allow_files,
        ..PublishOptions::default()
    };
    let report = |p: Progress| {
        // The window may have closed mid-publish; the publish goes on regardless.
        let _ = on_progress.send(p);
    };
    Ok(state
        .app()?
        .publish(draft_id, blog_id, options, &report)
        .await?)
}

/// Sends every queued publish now (the author's "Send now").
#[tauri::command]
#[specta::specta]
pub async fn send_queued_publishes(
    app: AppHandle,
    state: State<'_, AppState>,
) -> Result<Vec<Sent>> {
    state.app()?;
    crate::queue_sender::send(&app, i64::MAX).await
}

#[tauri::command]
#[specta::specta]
pub async fn take_remote(
    state: State<'_, AppState>,
    draft_id: DraftId,
    blog_id: BlogId,
) -> Result<()> {
    Ok(state.app()?.take_remote(draft_id, blog_id).await?)
}

#[tauri::command(async)]
#[specta::specta]
pub fn blog_categories(state: State<'_, AppState>, blog_id: BlogId) -> Result<BlogCategories> {
    Ok(state.app()?.blog_categories(blog_id)?)
}

#[tauri::command]
#[specta::specta]
pub async fn read_blog_categories(
    state: State<'_, AppState>,
    blog_id: BlogId,
) -> Result<Vec<String>> {
    Ok(state.app()?.read_blog_categories(blog_id).await?)
}

#[tauri::command(async)]
#[specta::specta]
pub fn blog_style_frame(
    state: State<'_, AppState>,
    blog_id: BlogId,
) -> Result<Option<BlogStyleFrame>> {
    Ok(state.app()?.blog_style_frame(blog_id)?)
}

#[tauri::command]
#[specta::specta]
pub async fn read_blog_style(
    state: State<'_, AppState>,
    blog_id: BlogId,
) -> Result<BlogStyleFrame> {
    Ok(state.app()?.read_blog_style(blog_id).await?)
}

#[tauri::command]
#[specta::specta]
pub async fn preview_on_blog(
    state: State<'_, AppState>,
    draft_id: DraftId,
    blog_id: BlogId,
) -> Result<BlogPreview> {
    Ok(state.app()?.preview_on_blog(draft_id, blog_id).await?)
}

#[tauri::command(async)]
#[specta::specta]
pub fn publication_states(
    state: State<'_, AppState>,
    draft_id: DraftId,
) -> Result<Vec<PublicationState>> {
    Ok(state.app()?.publication_states(draft_id)?)
}

/// Opens a published post in the author's browser (web addresses only).
#[tauri::command(async)]
#[specta::specta]
pub fn open_in_browser(app: AppHandle, url: String) -> Result<()> {
    if !(url.starts_with("https://") || url.starts_with("http://")) {
        return Err(IpcError::not_a_web_address(&url));
    }
    app.opener()
        .open_url(url, None::<&str>)
        .map_err(|e| IpcError::from_system("open the browser", &e))
}
