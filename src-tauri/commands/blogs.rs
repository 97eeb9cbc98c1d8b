//! Blogs and publishing: accounts, publish with progress, the draft's standing on each blog.
//!
//! Network work never holds the window's database connection: a publish opens its own, so
//! autosave goes on while a post uploads.

use fumi_core::publish::queue::{self, PublishOutcome, Sent};
use fumi_core::publish::{self, Progress, PublicationState, PublishOptions};
use fumi_core::{Blog, BlogAuth, BlogId, BlogKind, DraftId, accounts};
use tauri::ipc::Channel;
use tauri::{AppHandle, State};
use tauri_plugin_opener::OpenerExt;

use super::{Result, own_store};
use crate::ipc_error::IpcError;
use crate::window::AppState;

#[tauri::command(async)]
pub fn list_blogs(state: State<'_, AppState>) -> Result<Vec<Blog>> {
    Ok(state.store()?.blogs()?)
}

#[tauri::command]
pub async fn add_blog(
    state: State<'_, AppState>,
    kind: BlogKind,
    name: String,
    url: String,
    user: String,
    secret: String,
) -> Result<Blog> {
    accounts::check_name_free(&*state.store()?, &name)?;
    publish::test_connection(kind, BlogAuth::Default, &url, &user, &secret).await?;
    let mut store = state.store()?;
    Ok(accounts::save_blog(
        &mut store, &name, kind, &url, &user, &secret,
    )?)
}

#[tauri::command]
pub async fn test_blog(state: State<'_, AppState>, blog_id: BlogId) -> Result<()> {
    let (blog, secret) = accounts::blog_with_secret(&mut *state.store()?, blog_id)?;
    Ok(publish::test_connection(blog.kind, blog.auth, &blog.site_url, &blog.user, &secret).await?)
}

#[tauri::command(async)]
pub fn remove_blog(state: State<'_, AppState>, blog_id: BlogId) -> Result<()> {
    let mut store = state.store()?;
    let blog = store
        .blog(blog_id)?
        .ok_or_else(|| fumi_core::Error::BlogNotFound(blog_id.to_string()))?;
    Ok(accounts::remove_blog(&mut store, &blog)?)
}

#[tauri::command]
pub async fn publish_draft(
    state: State<'_, AppState>,
    draft_id: DraftId,
    blog_id: BlogId,
    overwrite: bool,
    recreate: bool,
    allow_files: bool,
    on_progress: Channel<Progress>,
) -> Result<PublishOutcome> {
    let mut store = own_store(&state)?;
    let (blog, secret) = accounts::blog_with_secret(&mut store, blog_id)?;
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
    Ok(queue::publish_or_queue(
        &mut store,
        &state.renderer,
        &blog,
        &secret,
        draft_id,
        options,
        &report,
    )
    .await?)
}

/// Sends every queued publish now (the author's "Send now").
#[tauri::command]
pub async fn send_queued_publishes(
    app: AppHandle,
    state: State<'_, AppState>,
) -> Result<Vec<Sent>> {
    state.startup_error().map_or(Ok(()), Err)?;
    crate::queue_sender::send(&app, &state.data_dir, i64::MAX).await
}

#[tauri::command]
pub async fn take_remote(
    state: State<'_, AppState>,
    draft_id: DraftId,
    blog_id: BlogId,
) -> Result<()> {
    let mut store = own_store(&state)?;
    let (blog, secret) = accounts::blog_with_secret(&mut store, blog_id)?;
    Ok(publish::take_remote(&mut store, &state.renderer, &blog, &secret, draft_id).await?)
}

#[tauri::command(async)]
pub fn publication_states(
    state: State<'_, AppState>,
    draft_id: DraftId,
) -> Result<Vec<PublicationState>> {
    Ok(publish::publication_states(
        &*state.store()?,
        &state.renderer,
        draft_id,
    )?)
}

/// Opens a published post in the author's browser (web addresses only).
#[tauri::command(async)]
pub fn open_in_browser(app: AppHandle, url: String) -> Result<()> {
    if !(url.starts_with("https://") || url.starts_with("http://")) {
        return Err(IpcError::not_a_web_address(&url));
    }
    app.opener()
        .open_url(url, None::<&str>)
        .map_err(|e| IpcError::from_system("open the browser", &e))
}
