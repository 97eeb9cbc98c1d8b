// The Rust commands, as promises. Every command comes typed from `bindings.ts` (generated from
// the Rust signatures); every rejection is normalized to {code, message}, the message in the UI's
// language.

import { Channel, convertFileSrc, invoke } from "@tauri-apps/api/core";
import { commands } from "./bindings.ts";
import { messageOf } from "./messages.js";

/** @typedef {{code: string, message: string}} UiError A failure as the window shows it. */

/**
 * Waits for a command, its failure rethrown as a {@link UiError}.
 * @template T
 * @param {Promise<T>} pending
 * @returns {Promise<T>}
 */
async function call(pending) {
  try {
    return await pending;
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

/** The app's state with its errors as {code, message}, in the window's language now. */
function localizedInfo(info) {
  return { ...info, startup_error: localized(info.startup_error), open_error: localized(info.open_error) };
}

export const api = {
  appInfo: async () => localizedInfo(await call(commands.appInfo())),
  /**
   * What the window opens on, in one answer: `{info, screen, preview}` (`screen`: settings,
   * blogs, trash count, tags, the list's first page and the newest draft, null without a
   * database; `preview`: that draft's live preview, opened in the flavor of the settings'
   * default blog, else of `lastBlog`, else of the first blog). `info`'s errors are raw:
   * `localizedInfo` them once the language is chosen.
   */
  startWindow: (lastBlog) => call(commands.startWindow(lastBlog)),
  localizedInfo,
  getSettings: () => call(commands.getSettings()),
  /** `dir`: the token of a folder granted by `chooseFolder` (or `appInfo().export_dir`). */
  exportAll: (dir) => call(commands.exportAll(dir)),
  importAll: (dir) => call(commands.importAll(dir)),
  saveSettings: (settings) => call(commands.saveSettings(settings)),
  /** Opens Fumi's "data" or "logs" folder in the file manager. */
  openFolder: (folder) => call(commands.openFolder(folder)),
  installMenu: (labels) => call(commands.installMenu(labels)),
  /** The system's pickers: each resolves with grants, `{token, shown}` (commands take the token,
   *  the page shows `shown`), or null (or []) when the author cancels. */
  chooseFolder: () => call(commands.chooseFolder()),
  chooseSaveFile: (name) => call(commands.chooseSaveFile(name)),
  chooseMarkdownFiles: () => call(commands.chooseMarkdownFiles()),
  /** Makes Markdown files (granted tokens, or a dropped file's name and text) new drafts. */
  openFiles: (tokens) => call(commands.openFiles(tokens)),
  importMarkdown: (name, text) => call(commands.importMarkdown(name, text)),
  /** Writes a draft to the granted file `path` (a token) as "markdown" or "html". */
  exportDraft: (id, format, path) => call(commands.exportDraft(id, format, path)),
  /** Sets the draft's target length in characters; null clears it. */
  setDraftGoal: (id, goal) => call(commands.setDraftGoal(id, goal)),
  listRevisions: (id) => call(commands.listRevisions(id)),
  revisionDiff: (id, revision) => call(commands.revisionDiff(id, revision)),
  restoreRevision: (id, revision) => call(commands.restoreRevision(id, revision)),
  /** A page of the drafts matching {text, status, blog, tag, sort} (every part may be empty), after the cursor `after` (null: the first); `{drafts, next}`. */
  libraryPage: (query, after) => call(commands.libraryPage(query, after)),
  /** How many drafts the query matches. */
  libraryCount: (query) => call(commands.libraryCount(query)),
  /** Whether the query matches the draft as it is now (saved a moment ago, say). */
  libraryHas: (query, id) => call(commands.libraryHas(query, id)),
  listTags: () => call(commands.listTags()),
  proofread: (text) => call(commands.proofread(text)),
  /** The proofreader's findings in the text the live preview holds at `version`. */
  proofreadPreview: (version) => call(commands.proofreadPreview(version)),
  countText: (text) => call(commands.countText(text)),
  /** The front matter's own `tags` of a text, and the text with them replaced. */
  tagsOfText: (body) => call(commands.tagsOfText(body)),
  textWithTags: (body, tags) => call(commands.textWithTags(body, tags)),
  listTrash: () => call(commands.listTrash()),
  trashCount: () => call(commands.trashCount()),
  startSpelling: () => call(commands.startSpelling()),
  /** The draft's book (or null); saved as typed (the ISBN apart, checked by Fumi). */
  getBook: (draft) => call(commands.getBook(draft)),
  setBook: (draft, book, isbn) => call(commands.setBook(draft, book, isbn)),
  /** Looks an ISBN up and makes it the draft's book: {book, source, cached}. */
  lookupBook: (draft, isbn) => call(commands.lookupBook(draft, isbn)),
  /** A review from the template: {draft, lookup_error}. */
  newReview: async (isbn, language) => {
    const created = await call(commands.newReview(isbn, language));
    return { ...created, lookup_error: localized(created.lookup_error) };
  },
  /** The reviewed books, by "read", "rating" or "author". */
  reviewedBooks: (order) => call(commands.reviewedBooks(order)),
  createDraft: (title = "", body = "") => call(commands.createDraft(title, body)),
  getDraft: (id) => call(commands.getDraft(id)),
  /**
   * Saves the editor's text; `seen` is the stored draft's `updated_at` the editor last matched
   * (text changed since by other hands is kept beside it as a conflict).
   * @param {{id: number, title: string, body: string, seen?: number | null}} text
   */
  saveDraft: ({ id, title, body, seen }, explicit = false) =>
    call(commands.saveDraft(id, title, body, explicit, seen ?? null)),
  trashDraft: (id) => call(commands.trashDraft(id)),
  restoreDraft: (id) => call(commands.restoreDraft(id)),
  purgeDraft: (id) => call(commands.purgeDraft(id)),
  /** The live preview: the whole text, then line edits (old lines [from, to) become `text`). */
  /**
   * The live preview as a blog shows the draft.
   * @param {string} text
   * @param {number | null} draft
   * @param {import("./bindings.ts").Flavor} flavor
   */
  previewOpen: (text, draft = null, flavor = "plain") => call(commands.previewOpen(text, draft, flavor)),
  /** Reads the pages the text embeds for their cards; resolves with how many cards are new. */
  readPageCards: (text, again = false) => call(commands.readPageCards(text, again)),
  previewEdit: (base, from, to, text) => call(commands.previewEdit(base, from, to, text)),
  previewEditNow,
  /** Keeps an image (a File) in the database; resolves with the reference for the Markdown. Its
   *  body is the raw bytes, so it is the one command outside the generated bindings. */
  addImage: async (file) =>
    call(
      /** @type {Promise<string>} */ (
        invoke("add_image", new Uint8Array(await file.arrayBuffer()), {
          headers: { "x-file-name": encodeURIComponent(file.name || "image") },
        })
      ),
    ),
  listBlogs: () => call(commands.listBlogs()),
  addBlog: ({ kind, name, url, user, secret }) => call(commands.addBlog(kind, name, url, user, secret)),
  testBlog: (blogId) => call(commands.testBlog(blogId)),
  removeBlog: (blogId) => call(commands.removeBlog(blogId)),
  /** Publishes; `onProgress` receives {step, done?, total?} while it runs. */
  publish: (draftId, blogId, { overwrite = false, recreate = false, allowFiles = false } = {}, onProgress = () => {}) => {
    const channel = new Channel();
    channel.onmessage = onProgress;
    return call(commands.publishDraft(draftId, blogId, overwrite, recreate, allowFiles, channel));
  },
  /** Sends every queued publish now; resolves with what became of each. */
  sendQueued: () => call(commands.sendQueuedPublishes()),
  takeRemote: (draftId, blogId) => call(commands.takeRemote(draftId, blogId)),
  previewOnBlog: (draftId, blogId) => call(commands.previewOnBlog(draftId, blogId)),
  /** The blog's categories as last read (no network), and whether to read them again. */
  blogCategories: (blogId) => call(commands.blogCategories(blogId)),
  /** The preview's frame in the blog's look as last read, or null. */
  blogStyleFrame: (blogId) => call(commands.blogStyleFrame(blogId)),
  /** Reads the blog's look from its public page and keeps it. */
  readBlogStyle: (blogId) => call(commands.readBlogStyle(blogId)),
  /** Reads the blog's categories from the blog and keeps them. */
  readBlogCategories: (blogId) => call(commands.readBlogCategories(blogId)),
  publicationStates: (draftId) => call(commands.publicationStates(draftId)),
  openInBrowser: (url) => call(commands.openInBrowser(url)),
  /** Where the drafts sync, when they last did, and the drafts waiting for a choice. */
  syncStatus: () => call(commands.syncStatus()),
  /** Syncs now; resolves with what it did. */
  syncNow: () => call(commands.syncNow()),
  /** Makes `url` the sync remote (a token for HTTPS), then syncs. */
  setUpSync: (url, token) => call(commands.setUpSync(url, token || null)),
  syncConflict: (draftId) => call(commands.syncConflict(draftId)),
  /** Settles a conflict: {choice: "keep_mine" | "take_theirs"} or {choice: "merged", title, body}. */
  resolveSyncConflict: (draftId, resolution) => call(commands.resolveSyncConflict(draftId, resolution)),
};
