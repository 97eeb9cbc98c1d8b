// The Rust commands, as promises. Every rejection is normalized to {code, message}, the message
// in the UI's language.

import { Channel, convertFileSrc, invoke } from "@tauri-apps/api/core";
import { messageOf } from "./messages.js";

async function call(command, args, options) {
  try {
    return await invoke(command, args, options);
  } catch (e) {
    throw ipcError(e);
  }
}

/**
 * A failure as {code, message}: Rust's `IpcError` with its message from the catalog in the UI's
 * language, anything else as an "ipc" error.
 */
export function ipcError(e) {
  if (e && typeof e === "object" && "message" in e) return { code: e.code ?? "unknown", message: messageOf(e) };
  return { code: "ipc", message: String(e) };
}

/** An `IpcError` that came as a value (not a rejection), in the UI's language; null stays null. */
function localized(e) {
  return e ? ipcError(e) : e;
}

/** Where quick preview edits go: the `fumi-preview` scheme (src-tauri/preview_scheme.rs). */
const previewEditUrl = convertFileSrc("edit", "fumi-preview");
/** Cleared when the webview cannot make that request; the command then takes every edit. */
let previewSchemeWorks = true;

/**
 * Applies a preview edit while the page waits, when Rust can apply it at once (at most 3 ms):
 * the patch then reaches the DOM before the frame that shows the keystroke. Answers the patch,
 * or null when the edit must go to `previewEdit`; throws {code, message} when out of step.
 */
function previewEditNow(base, from, to, text) {
  if (!previewSchemeWorks) return null;
  const request = new XMLHttpRequest();
  try {
    request.open("POST", previewEditUrl, false);
    request.send(JSON.stringify({ base, from, to, text }));
  } catch (e) {
    previewSchemeWorks = false;
    console.warn("The preview's quick edits are unavailable; every edit goes through the command.", e);
    return null;
  }
  let answer = null;
  // A garbled answer leaves the edit to the command, which finds the preview out of step and
  // draws it again.
  try {
    answer = request.status === 200 || request.status === 409 ? JSON.parse(request.responseText) : null;
  } catch {
    return null;
  }
  if (request.status === 409) throw ipcError(answer);
  return answer;
}

export const api = {
  appInfo: async () => {
    const info = await call("app_info");
    return { ...info, startup_error: localized(info.startup_error), open_error: localized(info.open_error) };
  },
  getSettings: () => call("get_settings"),
  /** `dir`: the token of a folder granted by `chooseFolder` (or `appInfo().export_dir`). */
  exportAll: (dir) => call("export_all", { dir }),
  importAll: (dir) => call("import_all", { dir }),
  saveSettings: (settings) => call("save_settings", { settings }),
  /** Opens Fumi's "data" or "logs" folder in the file manager. */
  openFolder: (folder) => call("open_folder", { folder }),
  menuItems: () => call("menu_items"),
  installMenu: (labels) => call("install_menu", { labels }),
  /** The system's pickers: each resolves with grants, `{token, shown}` (commands take the token,
   *  the page shows `shown`), or null (or []) when the author cancels. */
  chooseFolder: () => call("choose_folder"),
  chooseSaveFile: (name) => call("choose_save_file", { name }),
  chooseMarkdownFiles: () => call("choose_markdown_files"),
  /** Makes Markdown files (granted tokens, or a dropped file's name and text) new drafts. */
  openFiles: (tokens) => call("open_files", { paths: tokens }),
  importMarkdown: (name, text) => call("import_markdown", { name, text }),
  /** Writes a draft to the granted file `path` (a token) as "markdown" or "html". */
  exportDraft: (id, format, path) => call("export_draft", { id, format, path }),
  /** Sets the draft's target length in characters; null clears it. */
  setDraftGoal: (id, goal) => call("set_draft_goal", { id, goal }),
  listRevisions: (id) => call("list_revisions", { id }),
  revisionDiff: (id, revision) => call("revision_diff", { id, revision }),
  restoreRevision: (id, revision) => call("restore_revision", { id, revision }),
  /** The drafts matching {text, status, blog, tag, sort}; every part may be empty. */
  library: (query) => call("library", { query }),
  listTags: () => call("list_tags"),
  /** The front matter's own `tags` of a text, and the text with them replaced. */
  tagsOfText: (body) => call("tags_of_text", { body }),
  textWithTags: (body, tags) => call("text_with_tags", { body, tags }),
  listTrash: () => call("list_trash"),
  /** The draft's book (or null); saved as typed (the ISBN apart, checked by Fumi). */
  getBook: (draft) => call("get_book", { draft }),
  setBook: (draft, book, isbn) => call("set_book", { draft, book, isbn }),
  /** Looks an ISBN up and makes it the draft's book: {book, source, cached}. */
  lookupBook: (draft, isbn) => call("lookup_book", { draft, isbn }),
  /** A review from the template: {draft, lookup_error}. */
  newReview: async (isbn, language) => {
    const created = await call("new_review", { isbn, language });
    return { ...created, lookup_error: localized(created.lookup_error) };
  },
  /** The reviewed books, by "read", "rating" or "author". */
  reviewedBooks: (order) => call("reviewed_books", { order }),
  createDraft: (title = "", body = "") => call("create_draft", { title, body }),
  getDraft: (id) => call("get_draft", { id }),
  saveDraft: ({ id, title, body }, explicit = false) => call("save_draft", { id, title, body, explicit }),
  trashDraft: (id) => call("trash_draft", { id }),
  restoreDraft: (id) => call("restore_draft", { id }),
  purgeDraft: (id) => call("purge_draft", { id }),
  /** The live preview: the whole text, then line edits (old lines [from, to) become `text`). */
  previewOpen: (text, draft = null) => call("preview_open", { text, draft }),
  previewEdit: (base, from, to, text) => call("preview_edit", { base, from, to, text }),
  previewEditNow,
  /** Keeps an image (a File) in the database; resolves with the reference for the Markdown. */
  addImage: async (file) =>
    call("add_image", new Uint8Array(await file.arrayBuffer()), { headers: { "x-file-name": encodeURIComponent(file.name || "image") } }),
  listBlogs: () => call("list_blogs"),
  addBlog: ({ kind, name, url, user, secret }) => call("add_blog", { kind, name, url, user, secret }),
  testBlog: (blogId) => call("test_blog", { blogId }),
  removeBlog: (blogId) => call("remove_blog", { blogId }),
  /** Publishes; `onProgress` receives {step, done?, total?} while it runs. */
  publish: (draftId, blogId, { overwrite = false, recreate = false, allowFiles = false } = {}, onProgress = () => {}) => {
    const channel = new Channel();
    channel.onmessage = onProgress;
    return call("publish_draft", { draftId, blogId, overwrite, recreate, allowFiles, onProgress: channel });
  },
  /** Sends every queued publish now; resolves with what became of each. */
  sendQueued: () => call("send_queued_publishes"),
  takeRemote: (draftId, blogId) => call("take_remote", { draftId, blogId }),
  publicationStates: (draftId) => call("publication_states", { draftId }),
  openInBrowser: (url) => call("open_in_browser", { url }),
};
