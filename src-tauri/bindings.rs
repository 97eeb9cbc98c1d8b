//! The window's typed contract: every command, generated as TypeScript into
//! `ui/src/bindings.ts` from the commands' own Rust signatures, so the page and Rust cannot
//! drift apart. `tests/bindings.rs` fails when the committed file is stale.

use std::path::Path;
use std::sync::LazyLock;

use tauri::ipc::Invoke;
use tauri_specta::{Builder, ErrorHandlingMode, collect_commands};

use crate::commands;

/// The commands the page calls through the generated bindings.
fn builder() -> Builder<tauri::Wry> {
    Builder::<tauri::Wry>::new()
        // A failure rejects the promise, as `invoke` does; `api.js` turns it into `{code, message}`.
        .error_handling(ErrorHandlingMode::Throw)
        // Ids and counts are 64-bit in Rust but reach the page as JSON numbers, which JavaScript
        // reads as `number` whatever the type says; no id or count comes near 2^53.
        .dangerously_cast_bigints_to_number()
        // The menu's ids, defined once in `menu.rs`, typed in the page.
        .constant("MENU_SECTIONS", crate::menu::sections())
        .constant("MENU_ITEMS", crate::menu::items())
        // The proofreader's rules, in the order Settings lists them.
        .constant("PROOFREAD_RULES", fumi_core::model::proofread::Rule::ALL)
        .commands(collect_commands![
            commands::app_info,
            commands::start_window,
            commands::install_menu,
            commands::choose_folder,
            commands::choose_markdown_files,
            commands::open_files,
            commands::choose_save_file,
            commands::import_markdown,
            commands::export_draft,
            commands::list_revisions,
            commands::revision_diff,
            commands::restore_revision,
            commands::set_draft_goal,
            commands::open_folder,
            commands::get_settings,
            commands::save_settings,
            commands::export_all,
            commands::import_all,
            commands::get_book,
            commands::set_book,
            commands::lookup_book,
            commands::new_review,
            commands::reviewed_books,
            commands::library_page,
            commands::library_count,
            commands::library_has,
            commands::list_tags,
            commands::tags_of_text,
            commands::text_with_tags,
            commands::proofread,
            commands::proofread_preview,
            commands::count_text,
            commands::list_trash,
            commands::trash_count,
            commands::start_spelling,
            commands::create_draft,
            commands::get_draft,
            commands::save_draft,
            commands::trash_draft,
            commands::restore_draft,
            commands::purge_draft,
            commands::preview_open,
            commands::preview_edit,
            commands::read_page_cards,
            commands::list_blogs,
            commands::add_blog,
            commands::test_blog,
            commands::remove_blog,
            commands::publish_draft,
            commands::send_queued_publishes,
            commands::take_remote,
            commands::preview_on_blog,
            commands::blog_categories,
            commands::read_blog_categories,
            commands::blog_style_frame,
            commands::read_blog_style,
            commands::publication_states,
            commands::open_in_browser,
            commands::sync_status,
            commands::sync_now,
            commands::set_up_sync,
            commands::sync_conflict,
            commands::resolve_sync_conflict,
        ])
}

/// Every command's handler: the typed ones, and `add_image`, whose body is the image's raw bytes
/// (not JSON, so it has no typed binding; `api.js` calls it by name).
pub(crate) fn invoke_handler() -> impl Fn(Invoke<tauri::Wry>) -> bool + Send + Sync + 'static {
    // `invoke_handler` borrows its builder for as long as the handler lives: the window's life.
    static BUILDER: LazyLock<Builder<tauri::Wry>> = LazyLock::new(builder);
    let typed = BUILDER.invoke_handler();
    let raw: Box<dyn Fn(Invoke<tauri::Wry>) -> bool + Send + Sync> =
        Box::new(tauri::generate_handler![commands::add_image]);
    move |invoke| {
        if invoke.message.command() == "add_image" {
            raw(invoke)
        } else {
            typed(invoke)
        }
    }
}

/// Writes the bindings to `path`: how `ui/src/bindings.ts` is made (and checked).
pub fn export(path: &Path) -> Result<(), String> {
    let typescript = specta_typescript::Typescript::default()
        .header("// Generated from the Rust commands by src-tauri/bindings.rs; do not edit.\n");
    builder()
        .export(typescript, path)
        .map_err(|e| e.to_string())
}
