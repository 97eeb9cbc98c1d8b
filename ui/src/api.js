// The Rust commands, as promises. Every rejection is normalized to {code, message}.

import { invoke } from "@tauri-apps/api/core";

async function call(command, args) {
  try {
    return await invoke(command, args);
  } catch (e) {
    if (e && typeof e === "object" && "message" in e) throw { code: e.code ?? "unknown", message: String(e.message) };
    throw { code: "ipc", message: String(e) };
  }
}

export const api = {
  appInfo: () => call("app_info"),
  listDrafts: () => call("list_drafts"),
  listTrash: () => call("list_trash"),
  search: (query) => call("search_drafts", { query }),
  createDraft: (title = "", body = "") => call("create_draft", { title, body }),
  getDraft: (id) => call("get_draft", { id }),
  saveDraft: ({ id, title, body }, explicit = false) => call("save_draft", { id, title, body, explicit }),
  trashDraft: (id) => call("trash_draft", { id }),
  restoreDraft: (id) => call("restore_draft", { id }),
  purgeDraft: (id) => call("purge_draft", { id }),
  render: (markdown) => call("render_markdown", { markdown }),
};
