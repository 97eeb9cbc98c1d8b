// The native menu bar and its shortcuts. Rust builds the bar (structure and accelerators); this
// labels it in the UI's language and runs each item's action, whether the menu was clicked,
// the system caught the accelerator, or the webview got the key first.

import { listen } from "@tauri-apps/api/event";
import { api } from "./api.js";
import { MENU_ITEMS, MENU_SECTIONS } from "./bindings.ts";
import { t } from "./i18n.js";

/** @typedef {typeof MENU_ITEMS[number]["id"]} MenuAction An item's id, as `menu.rs` defines it. */
/** @typedef {typeof MENU_SECTIONS[number]} MenuSection A submenu's id. */

/** "CmdOrCtrl+Shift+P" → {mod, shift, key}, as a keydown event shows it. */
function parseAccelerator(accelerator) {
  const parts = accelerator.split("+");
  return {
    mod: parts.includes("CmdOrCtrl"),
    shift: parts.includes("Shift"),
    key: parts[parts.length - 1].toLowerCase(),
  };
}

function matches(shortcut, event) {
  return (
    shortcut.mod === (event.ctrlKey || event.metaKey) &&
    shortcut.shift === event.shiftKey &&
    !event.altKey &&
    shortcut.key === event.key.toLowerCase()
  );
}

/**
 * Installs the menu and its shortcuts.
 * @param {Record<MenuAction, () => void>} actions one per menu item
 */
export async function installMenu(actions) {
  /** @type {(MenuAction | MenuSection)[]} */
  const ids = [...MENU_SECTIONS, ...MENU_ITEMS.map((item) => item.id)];
  await api.installMenu(Object.fromEntries(ids.map((id) => [id, t.menu[id] ?? id])));
  const shortcuts = MENU_ITEMS
    .filter((item) => item.accelerator)
    .map((item) => ({ id: item.id, ...parseAccelerator(item.accelerator) }));

  let last = { id: null, source: null, at: 0 };
  const run = (id, source) => {
    // One key press delivered both to the webview and to the menu (never the case on GTK,
    // whose accelerators take the key) still runs once; two presses always run twice.
    const now = performance.now();
    const echo = last.id === id && last.source !== source && now - last.at < 100;
    last = { id, source, at: now };
    if (!echo) actions[id]?.();
  };

  await listen("menu", (event) => run(event.payload, "menu"));
  // Capture phase: the editor's own bindings (e.g. its Mod-f) never see a menu shortcut.
  document.addEventListener(
    "keydown",
    (event) => {
      // A key that confirms an IME conversion is never a command.
      if (event.isComposing || event.keyCode === 229) return;
      const hit = shortcuts.find((shortcut) => matches(shortcut, event));
      if (!hit) return;
      event.preventDefault();
      event.stopPropagation();
      run(hit.id, "key");
    },
    true,
  );
}
