//! The native menu bar. Its structure and shortcuts live here, the one definition of its ids:
//! the page receives them as typed constants in `bindings.ts`. Its labels come from the UI, which
//! owns every string in both languages. Choosing an item emits `menu` with the item's id, and the
//! UI runs the same action its own shortcut would.

use std::collections::HashMap;

use serde::Serialize;

use tauri::menu::{Menu, MenuItemBuilder, Submenu, SubmenuBuilder};
use tauri::{AppHandle, Emitter, Wry};

/// The event the window receives when a menu item is chosen; its payload is the item's id.
pub const EVENT: &str = "menu";

/// One submenu: its id (for its label) and its items, `None` standing for a separator.
type Section = (
    &'static str,
    &'static [Option<(&'static str, Option<&'static str>)>],
);

/// Every menu item: id and accelerator. The UI handles each id (`ui/src/menu.js`; a missing
/// action fails its type check). No
/// accelerator may be one of the editor's own keys (CodeMirror's `Mod-Shift-k` deletes a line,
/// `Mod-Shift-l` selects matches): the menu would take it from the editor.
const SECTIONS: &[Section] = &[
    (
        "file",
        &[
            Some(("new-draft", Some("CmdOrCtrl+N"))),
            Some(("new-review", Some("CmdOrCtrl+Shift+N"))),
            Some(("save", Some("CmdOrCtrl+S"))),
            None,
            Some(("import-markdown", Some("CmdOrCtrl+O"))),
            Some(("export-markdown", Some("CmdOrCtrl+E"))),
            Some(("export-html", Some("CmdOrCtrl+Shift+E"))),
            None,
            Some(("settings", Some("CmdOrCtrl+,"))),
            None,
            Some(("quit", Some("CmdOrCtrl+Q"))),
        ],
    ),
    (
        "edit",
        &[
            Some(("find-in-draft", Some("CmdOrCtrl+F"))),
            Some(("find-in-drafts", Some("CmdOrCtrl+Shift+F"))),
            None,
            Some(("history", Some("CmdOrCtrl+Shift+H"))),
        ],
    ),
    (
        "view",
        &[
            Some(("toggle-preview", Some("CmdOrCtrl+Shift+P"))),
            Some(("focus-mode", Some("CmdOrCtrl+Shift+D"))),
            None,
            Some(("my-books", Some("CmdOrCtrl+Shift+M"))),
        ],
    ),
    (
        "post",
        &[
            Some(("publish", Some("CmdOrCtrl+Shift+Enter"))),
            Some(("book", Some("CmdOrCtrl+Shift+B"))),
            Some(("blogs", None)),
            Some(("refresh-cards", None)),
        ],
    ),
    (
        "help",
        &[
            Some(("open-logs", None)),
            Some(("open-data", None)),
            None,
            Some(("about", None)),
        ],
    ),
];

/// A menu item as the UI sees it: what to label and handle, and the shortcut it answers to
/// when the webview gets the key first.
#[derive(Serialize)]
pub struct Item {
    id: &'static str,
    accelerator: Option<&'static str>,
}

/// The sections' ids, in menu order: the page labels them.
pub fn sections() -> Vec<&'static str> {
    SECTIONS.iter().map(|(section, _)| *section).collect()
}

/// Every item, in menu order: the page labels each and runs its action.
pub fn items() -> Vec<Item> {
    SECTIONS
        .iter()
        .flat_map(|(_, items)| items.iter().flatten())
        .map(|(id, accelerator)| Item {
            id,
            accelerator: *accelerator,
        })
        .collect()
}

/// Builds the menu bar with `labels` (id → text; an id without a label shows the id) and makes
/// it the app's menu.
pub fn install(app: &AppHandle, labels: &HashMap<String, String>) -> tauri::Result<()> {
    let label = |id: &str| labels.get(id).map_or(id, String::as_str).to_owned();
    let menu = Menu::new(app)?;
    #[cfg(target_os = "macos")]
    menu.append(
        &SubmenuBuilder::new(app, "Fumi")
            .hide()
            .hide_others()
            .show_all()
            .build()?,
    )?;
    for (section, items) in SECTIONS {
        menu.append(&submenu(app, section, &label, items)?)?;
    }
    app.set_menu(menu)?;
    Ok(())
}

fn submenu(
    app: &AppHandle,
    section: &str,
    label: &dyn Fn(&str) -> String,
    items: &[Option<(&'static str, Option<&'static str>)>],
) -> tauri::Result<Submenu<Wry>> {
    let mut builder = SubmenuBuilder::new(app, label(section));
    if section == "edit" {
        builder = with_clipboard_items(builder);
    }
    for item in items {
        builder = match item {
            None => builder.separator(),
            Some((id, accelerator)) => {
                let mut item = MenuItemBuilder::with_id(*id, label(id));
                if let Some(accelerator) = accelerator {
                    item = item.accelerator(*accelerator);
                }
                builder.item(&item.build(app)?)
            }
        };
    }
    builder.build()
}

/// On macOS the clipboard and undo keys reach a webview only through the Edit menu's predefined
/// items; elsewhere the webview handles them itself (and GTK has no predefined undo).
#[cfg(target_os = "macos")]
fn with_clipboard_items(
    builder: SubmenuBuilder<'_, Wry, AppHandle>,
) -> SubmenuBuilder<'_, Wry, AppHandle> {
    builder
        .undo()
        .redo()
        .separator()
        .cut()
        .copy()
        .paste()
        .select_all()
        .separator()
}

#[cfg(not(target_os = "macos"))]
fn with_clipboard_items(
    builder: SubmenuBuilder<'_, Wry, AppHandle>,
) -> SubmenuBuilder<'_, Wry, AppHandle> {
    builder
}

/// Hands a chosen item to the window.
pub fn forward(app: &AppHandle, id: &str) {
    if let Err(e) = app.emit(EVENT, id) {
        tracing::warn!(error = %e, id, "menu item not delivered to the window");
    }
}
