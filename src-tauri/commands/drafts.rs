//! Drafts: the library, open, save, trash, tags; the live preview; history; goal; files in and out.

use fumi_core::draft_export::DraftFormat;
use fumi_core::history::{Diff, RevisionSummary};
use fumi_core::image::Image;
use fumi_core::model::draft::Millis;
use fumi_core::model::library::{LibraryPage, LibraryQuery, PageCursor, TagCount};
use fumi_core::model::proofread::Finding;
use fumi_core::render::Flavor;
use fumi_core::render::live::PreviewPatch;
use fumi_core::{Counts, Draft, DraftId, DraftSummary, SaveKind};
use tauri::State;

use super::Result;
use crate::ipc_error::IpcError;
use crate::window::AppState;

#[tauri::command(async)]
#[specta::specta]
pub fn library_page(
    state: State<'_, AppState>,
    query: LibraryQuery,
    after: Option<PageCursor>,
) -> Result<LibraryPage> {
    Ok(state.app()?.library_page(&query, after)?)
}

#[tauri::command(async)]
#[specta::specta]
pub fn library_count(state: State<'_, AppState>, query: LibraryQuery) -> Result<u32> {
    Ok(state.app()?.library_count(&query)?)
}

#[tauri::command(async)]
#[specta::specta]
pub fn library_has(state: State<'_, AppState>, query: LibraryQuery, id: DraftId) -> Result<bool> {
    Ok(state.app()?.library_has(&query, id)?)
}

#[tauri::command(async)]
#[specta::specta]
pub fn list_tags(state: State<'_, AppState>) -> Result<Vec<TagCount>> {
    Ok(state.app()?.tags()?)
}

/// The front matter's own tags of a draft's text.
#[tauri::command]
#[specta::specta]
pub fn tags_of_text(body: String) -> Vec<String> {
    fumi_core::tags::tags(&body)
}

/// The draft's text with its front matter's tags replaced (the window applies it as an edit).
#[tauri::command]
#[specta::specta]
pub fn text_with_tags(body: String, tags: Vec<String>) -> String {
    fumi_core::tags::with_tags(&body, &tags)
}

/// What the proofreader finds in the draft's text (the editor's diagnostics).
#[tauri::command(async)]
#[specta::specta]
pub fn proofread(state: State<'_, AppState>, text: String) -> Result<Vec<Finding>> {
    Ok(state.app()?.proofread(&text)?)
}

/// The counts of a piece of text as written: the editor's selection.
#[tauri::command]
#[specta::specta]
pub fn count_text(text: String) -> Counts {
    fumi_core::counts::of_text(&text)
}

#[tauri::command(async)]
#[specta::specta]
pub fn list_trash(state: State<'_, AppState>) -> Result<Vec<DraftSummary>> {
    Ok(state.app()?.trash()?)
}

#[tauri::command(async)]
#[specta::specta]
pub fn trash_count(state: State<'_, AppState>) -> Result<u32> {
    Ok(state.app()?.trash_count()?)
}

#[tauri::command(async)]
#[specta::specta]
pub fn create_draft(state: State<'_, AppState>, title: String, body: String) -> Result<Draft> {
    Ok(state.app()?.create_draft(&title, &body)?)
}

#[tauri::command(async)]
#[specta::specta]
pub fn get_draft(state: State<'_, AppState>, id: DraftId) -> Result<Draft> {
    Ok(state.app()?.draft(id)?)
}

#[tauri::command(async)]
#[specta::specta]
pub fn save_draft(
    state: State<'_, AppState>,
    id: DraftId,
    title: String,
    body: String,
    explicit: bool,
    seen: Option<Millis>,
) -> Result<DraftSummary> {
    let kind = if explicit {
        SaveKind::Explicit
    } else {
        SaveKind::Autosave
    };
    Ok(state
        .app()?
        .save_draft_seen(id, &title, &body, kind, seen)?)
}

#[tauri::command(async)]
#[specta::specta]
pub fn trash_draft(state: State<'_, AppState>, id: DraftId) -> Result<()> {
    Ok(state.app()?.trash_draft(id)?)
}

#[tauri::command(async)]
#[specta::specta]
pub fn restore_draft(state: State<'_, AppState>, id: DraftId) -> Result<()> {
    Ok(state.app()?.restore_draft(id)?)
}

#[tauri::command(async)]
#[specta::specta]
pub fn purge_draft(state: State<'_, AppState>, id: DraftId) -> Result<()> {
    Ok(state.app()?.purge_draft(id)?)
}

/// What the proofreader finds in the text the live preview holds at `version` (the editor's,
/// when the preview has caught up with it): the draft does not cross to Rust a second time.
#[tauri::command(async)]
#[specta::specta]
pub fn proofread_preview(state: State<'_, AppState>, version: u64) -> Result<Vec<Finding>> {
    let text = state.preview_text(version)?;
    Ok(state.app()?.proofread(&text)?)
}

/// Starts the live preview of a draft's text, as `flavor`'s blog shows it: the patch draws all
/// of it.
#[tauri::command(async)]
#[specta::specta]
pub fn preview_open(
    state: State<'_, AppState>,
    text: String,
    draft: Option<DraftId>,
    flavor: Flavor,
) -> PreviewPatch {
    state.open_preview(&text, draft, flavor)
}

/// Reads the pages a draft's text embeds for their cards (`again`: every one, as the author
/// asks); answers how many cards are new, after which the window draws the preview again.
#[tauri::command(async)]
#[specta::specta]
pub async fn read_page_cards(state: State<'_, AppState>, text: String, again: bool) -> Result<u32> {
    let read = state.app()?.read_page_cards(&text, again).await?;
    Ok(u32::try_from(read).unwrap_or(u32::MAX))
}

/// Applies an edit (old lines `from..to` of version `base` become `text`) to the live preview.
#[tauri::command(async)]
#[specta::specta]
pub fn preview_edit(
    state: State<'_, AppState>,
    base: u64,
    from: usize,
    to: usize,
    text: String,
) -> Result<PreviewPatch> {
    state.edit_preview(base, from, to, &text)
}

/// Keeps a pasted or dropped image (the raw request body; its name in `x-file-name`, URI-encoded)
/// and returns the reference to put in the Markdown.
#[tauri::command(async)]
pub fn add_image(state: State<'_, AppState>, request: tauri::ipc::Request<'_>) -> Result<String> {
    let tauri::ipc::InvokeBody::Raw(bytes) = request.body() else {
        return Err(IpcError::not_an_image_upload());
    };
    let name = request
        .headers()
        .get("x-file-name")
        .and_then(|v| v.to_str().ok())
        .and_then(percent_decode)
        .unwrap_or_default();
    let image = Image::from_bytes(bytes.clone(), &name)?;
    Ok(state.app()?.add_image(&image)?)
}

fn percent_decode(s: &str) -> Option<String> {
    url::form_urlencoded::parse(format!("n={s}").as_bytes())
        .next()
        .map(|(_, v)| v.into_owned())
}

/// Makes a Markdown file's text (dropped on the window) a new draft.
#[tauri::command(async)]
#[specta::specta]
pub fn import_markdown(state: State<'_, AppState>, name: String, text: String) -> Result<Draft> {
    Ok(state.app()?.import_markdown(&name, &text)?)
}

/// Writes a draft as Markdown or as a standalone HTML page to the granted file `path`.
#[tauri::command(async)]
#[specta::specta]
pub fn export_draft(
    state: State<'_, AppState>,
    id: DraftId,
    format: DraftFormat,
    path: String,
) -> Result<()> {
    let path = state.paths.path(&path)?;
    Ok(state.app()?.export_draft(id, format, &path)?)
}

/// A draft's revisions, newest first.
#[tauri::command(async)]
#[specta::specta]
pub fn list_revisions(state: State<'_, AppState>, id: DraftId) -> Result<Vec<RevisionSummary>> {
    Ok(state.app()?.revisions(id)?)
}

/// How a revision differs from the draft's text now.
#[tauri::command(async)]
#[specta::specta]
pub fn revision_diff(state: State<'_, AppState>, id: DraftId, revision: i64) -> Result<Diff> {
    Ok(state.app()?.revision_diff(id, revision)?)
}

/// Makes a revision the draft's text again (the replaced text stays in the history).
#[tauri::command(async)]
#[specta::specta]
pub fn restore_revision(state: State<'_, AppState>, id: DraftId, revision: i64) -> Result<Draft> {
    Ok(state.app()?.restore_revision(id, revision)?)
}

/// Sets or clears the draft's target length in characters.
#[tauri::command(async)]
#[specta::specta]
pub fn set_draft_goal(state: State<'_, AppState>, id: DraftId, goal: Option<u32>) -> Result<()> {
    Ok(state.app()?.set_goal(id, goal)?)
}
