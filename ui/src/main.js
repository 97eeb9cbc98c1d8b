// Fumi's window: wires the drafts list, the editor, the preview and autosave together.

import { getCurrentWindow } from "@tauri-apps/api/window";
import { api, ipcError } from "./api.js";
import { Autosaver } from "./autosave.js";
import { createEditor } from "./editor.js";
import { proofreading } from "./proofreading.js";
import { blogCategories, categoriesChanged } from "./categories.js";
import { BlogStyleView } from "./blog-style.js";
import { DraftsList } from "./drafts-list.js";
import { Preview } from "./preview.js";
import { lang, t, translateDocument, useLanguage } from "./i18n.js";
import { confirmDialog, promptDialog, showToast } from "./dialogs.js";
import { BookPanel } from "./book-panel.js";
import { BooksDialog } from "./books-dialog.js";
import { BlogsDialog } from "./blogs-dialog.js";
import { PublishBar } from "./publish-bar.js";
import { AboutDialog } from "./about-dialog.js";
import { SettingsDialog } from "./settings-dialog.js";
import { useEditorFont, useTheme } from "./theme.js";
import { installMenu } from "./menu.js";
import { HistoryDialog } from "./history-dialog.js";
import { SyncLine } from "./sync.js";
import { syncScroll } from "./scroll-sync.js";
import { listen } from "@tauri-apps/api/event";
import { openSearchPanel } from "@codemirror/search";
import { byId, byIdAs } from "./dom.js";

// The bundle is parsed and every module this one imports has run (the window benchmark's
// account of a start).
performance.mark("fumi-start-modules-run");

// Element references are taken once: ids in author HTML can never shadow them later.
const el = {
  title: byIdAs("title", HTMLInputElement),
  editorArea: byId("editor-area"),
  emptyState: byId("empty-state"),
  emptyText: byId("empty-text"),
  banner: byId("banner"),
  saveState: byId("save-state"),
  counts: byId("counts"),
  search: byIdAs("search", HTMLInputElement),
  app: byId("app"),
  newDraft: byIdAs("new-draft", HTMLButtonElement),
  emptyNew: byIdAs("empty-new", HTMLButtonElement),
};

const appWindow = getCurrentWindow();
/** The draft in the editor: {id, title} or null. */
let current = null;

const autosaver = new Autosaver(async (text, explicit) => {
  const summary = await api.saveDraft(text, explicit);
  list.updateItem(summary);
  if (text.id === current?.id) {
    current.seen = summary.updated_at;
    publishBar.refreshSoon();
    readCards();
  }
  syncLine.saved();
}, showSaveState);

const syncLine = new SyncLine({
  flush: () => autosaver.flush(),
  openDraftId: () => current?.id ?? null,
  onReceived: () => showSynced(),
  say: (text) => showToast(text),
});

/**
 * Shows what a sync brought: the list, and the open draft's new text unless the author typed
 * meanwhile; a draft deleted elsewhere while open keeps what was typed as a new draft.
 */
async function showSynced() {
  await list.refresh();
  if (!current) {
    if (list.first()) await openDraft(list.first().id);
    return;
  }
  const id = current.id;
  const draft = await api.getDraft(id).catch(() => null);
  if (!draft) {
    // Deleted on another computer while open here: what was typed since becomes a new draft.
    const unsaved = autosaver.pending.get(id);
    autosaver.pending.delete(id);
    current = null;
    showEditor(false);
    if (unsaved) {
      const kept = await run(api.createDraft(unsaved.title, unsaved.body));
      await list.refresh();
      await openDraft(kept.id);
      showToast(t.syncDeletedWhileOpen);
    } else if (list.first()) await openDraft(list.first().id);
    return;
  }
  // Typing goes on: its save keeps what arrived beside it as a conflict (`seen`).
  if (autosaver.dirty) return;
  if (draft.title === el.title.value && draft.body === editor.doc().toString()) {
    current.seen = draft.updated_at;
    return;
  }
  current = null;
  await openDraft(id);
}

/**
 * Reads the cards of the pages the draft embeds (`again`: every one, as the author asks) in the
 * background, and draws the preview again when new ones came; typing never waits for it.
 * @param {boolean} [again]
 */
async function readCards(again = false) {
  const id = current?.id;
  const text = editor.doc().toString();
  if (id == null || publishBar.flavor() === "plain" || !text.includes(":embed")) return;
  const read = await api.readPageCards(text, again).catch((error) => {
    console.warn("The embedded pages could not be read.", error);
    return 0;
  });
  if (read > 0 && current?.id === id) preview.load(editor.doc());
}

const blogsDialog = new BlogsDialog({ onChange: (blog) => publishBar.loadBlogs(blog) });
const aboutDialog = new AboutDialog();
const settingsDialog = new SettingsDialog({
  onImported: () => list.refresh(),
  onSynced: async () => {
    await syncLine.start();
    await showSynced();
  },
});

const historyDialog = new HistoryDialog({
  flush: () => autosaver.flush(),
  onRestored: async (draft) => {
    current = null;
    await list.refresh();
    await openDraft(draft.id);
  },
});

const publishBar = new PublishBar({
  flush: () => autosaver.flush(),
  onDraftReplaced: async (id) => {
    // The blog's version replaced the draft's text in the database: show it.
    current = null;
    await openDraft(id);
  },
  openBlogs: () => blogsDialog.open(),
  onFlavorChange: () => current && preview.load(editor.doc()),
  onBlogChange: (blog) => {
    selectedBlog = blog;
    showBlogCategories(blog);
    showBlogStyle();
  },
});

const preview = new Preview(
  byId("preview"),
  {
    open: (text) => api.previewOpen(text, current?.id ?? null, publishBar.flavor()),
    edit: api.previewEdit,
    editNow: api.previewEditNow,
  },
  showCounts,
);

const editor = createEditor(byId("editor"), {
  placeholderText: "# …",
  onImage: (file) => run(api.addImage(file)),
  onChange: (update) => {
    if (!current) return;
    autosaver.change(snapshot(update.state.doc));
    preview.change(update);
  },
  onSelection: (text) => showSelectionCount(text),
  onSpellingWanted: () => api.startSpelling().catch(() => {}),
  keys: [],
  newCategoryTitle: (blog) => t.newCategory({ blog }),
  more: [proofreading(proofreadText)],
});

/**
 * The proofreader's findings in the editor's text: read from the live preview's copy when it
 * holds this very text (a long draft then crosses to Rust once per change, not twice), else sent.
 * @param {import("@codemirror/state").Text} doc
 */
async function proofreadText(doc) {
  const version = preview.versionOf(doc);
  if (version !== null) {
    try {
      return await api.proofreadPreview(version);
    } catch (error) {
      // The preview moved on meanwhile (another edit, another draft): the text is sent.
      if (error?.code !== "preview_out_of_step") throw error;
    }
  }
  return api.proofread(doc.toString());
}

syncScroll(editor.view, byId("preview"), preview);

/** The blog the publish bar has selected (its look and its categories are offered). */
let selectedBlog = /** @type {import("./bindings.ts").Blog | null} */ (null);
const blogStyle = new BlogStyleView(byId("preview"), preview, (message) => publishBar.say(message, true), () => t.blogStyle);
const styleToggle = byIdAs("blog-style-toggle", HTMLButtonElement);
// Each window starts in Fumi's own look: the webview's storage is shared by every data folder,
// and a look chosen for one must not hide another's preview.
styleToggle.addEventListener("click", () => {
  styleToggle.setAttribute("aria-pressed", String(styleToggle.getAttribute("aria-pressed") !== "true"));
  showBlogStyle();
});

/** The preview in the selected blog's look when the author asked for it, else in Fumi's. */
function showBlogStyle() {
  styleToggle.hidden = !selectedBlog;
  const on = styleToggle.getAttribute("aria-pressed") === "true" && selectedBlog;
  if (on && blogStyle.blogId !== selectedBlog.id) blogStyle.show(selectedBlog.id);
  else if (!on && blogStyle.blogId != null) blogStyle.hide();
}

/**
 * Offers the selected blog's categories in the editor: as last read at once, then read from the
 * blog again in the background when that list is old (offline: the old list stays).
 * @param {import("./bindings.ts").Blog | null} blog
 */
async function showBlogCategories(blog) {
  const show = (names, known) => {
    Object.assign(blogCategories, { names, blog: blog?.name ?? "", known });
    editor.view.dispatch({ effects: categoriesChanged.of(null) });
  };
  if (!blog) return show([], false);
  // A list that arrives after another blog was selected is not shown.
  const still = () => selectedBlog?.id === blog.id;
  try {
    const kept = await api.blogCategories(blog.id);
    if (still()) show(kept.names, !kept.stale || kept.names.length > 0);
    if (!kept.stale) return;
    const read = await api.readBlogCategories(blog.id);
    if (still()) show(read, true);
  } catch {
    // Offline or refused: the list as last read stays; publishing says what is wrong.
  }
}

const list = new DraftsList({
  listEl: byId("drafts"),
  headingEl: byId("list-heading"),
  emptyEl: byId("list-empty"),
  trashToggle: byId("toggle-trash"),
  filterEls: { status: byId("filter-status"), tag: byId("filter-tag"), blog: byId("filter-blog"), sort: byId("sort") },
  onOpen: (id) => openDraft(id),
  onTrash: (summary) => trashDraft(summary),
  onRestore: async (summary) => {
    await run(api.restoreDraft(summary.id));
    await list.refresh();
  },
  onPurge: async (summary) => {
    const ok = await confirmDialog(t.confirmDeleteForever({ title: summary.title || t.untitled }), t.deleteForever, t.cancel);
    if (!ok) return;
    await run(api.purgeDraft(summary.id));
    await list.refresh();
  },
  onError: showError,
});

const bookPanel = new BookPanel({
  // The card follows the book: the preview is drawn again with it.
  onChanged: () => current && preview.load(editor.doc()),
  insertMarker: () => {
    const view = editor.view;
    const at = view.state.doc.lineAt(view.state.selection.main.head);
    const text = `${at.length ? "\n\n" : ""}[book]\n\n`;
    view.dispatch({ changes: { from: at.to, insert: text }, selection: { anchor: at.to + text.length } });
    view.focus();
  },
  hasMarker: () => {
    for (const line of editor.doc().iterLines()) if (line.trim() === "[book]") return true;
    return false;
  },
});

const booksDialog = new BooksDialog({ onOpen: (id) => openDraft(id), onError: showError });

/** Asks for an ISBN and starts a review of that book from the template. */
async function newReview() {
  const isbn = await promptDialog(t.newReviewPrompt, "978-4-…", t.newReviewCreate, t.cancel);
  if (!isbn) return;
  await flushQuietly();
  const created = await run(api.newReview(isbn, lang)).catch(() => null);
  if (!created) return;
  list.leaveTrash();
  await list.refresh();
  await openDraft(created.draft);
  if (created.lookup_error) showError(t.reviewWithoutLookup({ reason: created.lookup_error.message }));
}

/** The open draft's text as the autosaver keeps it. */
function snapshot(doc = editor.doc()) {
  // The body is read when it is saved, not at every keystroke: a long draft's text is built once
  // per save instead of once per key.
  const id = current.id;
  return {
    id,
    title: el.title.value,
    get body() {
      return doc.toString();
    },
    // Read when sent: the stored text the editor last matched (after the previous save).
    get seen() {
      return current?.id === id ? current.seen : null;
    },
  };
}

function showWindowTitle() {
  appWindow.setTitle(`${el.title.value || t.untitled} — Fumi`).catch(() => {});
}

function showSaveState(state, error) {
  el.saveState.dataset.saveState = state;
  el.saveState.textContent =
    state === "saved" ? t.saved
    : state === "saving" ? t.saving
    : state === "dirty" ? t.unsaved
    : state === "error" ? t.saveFailed({ reason: error?.message ?? String(error) })
    : "";
  el.saveState.title = state === "error" ? el.saveState.textContent : "";
}

/** The counts of the text the preview last rendered, for the goal's progress. */
let lastCounts = null;

/** The counts of the editor's selection, while something is selected. */
let selectionCounts = null;

function showCounts(counts) {
  lastCounts = counts;
  const { chars, words, reading_minutes, manuscript_pages } = counts;
  const parts = [
    t.chars({ count: chars }),
    t.words({ count: words }),
    t.manuscriptPages({ pages: manuscript_pages }),
    t.reading({ minutes: reading_minutes }),
  ];
  const goal = current?.goal;
  if (goal) parts.push(t.goalProgress({ percent: Math.round((chars / goal) * 100), goal }));
  if (selectionCounts) parts.push(t.selectionCount({ chars: selectionCounts.chars, words: selectionCounts.words }));
  el.counts.textContent = parts.join(" · ");
  const progress = byIdAs("goal-progress", HTMLProgressElement);
  progress.hidden = !goal;
  if (goal) progress.value = Math.min(chars / goal, 1);
}

let selectionTimer = 0;
/** The selection counted last; a count that comes back after another selection is dropped. */
let selectionAsked = 0;
/** Counts the selection (in the core, as the draft is counted) a moment after it settles. */
function showSelectionCount(text) {
  clearTimeout(selectionTimer);
  const asked = ++selectionAsked;
  if (!text) {
    const shown = selectionCounts;
    selectionCounts = null;
    if (shown && lastCounts) showCounts(lastCounts);
    return;
  }
  selectionTimer = setTimeout(async () => {
    const counts = await api.countText(text).catch(() => null);
    if (asked !== selectionAsked) return;
    selectionCounts = counts;
    if (lastCounts) showCounts(lastCounts);
  }, 120);
}

/**
 * A status-bar field behind a button: the button shows it filled by `value()` (null: stay
 * closed); Enter hands its text to `commit`; Escape or leaving it closes it.
 */
function statusField(buttonId, inputId, value, commit) {
  const button = byId(buttonId);
  const input = byIdAs(inputId, HTMLInputElement);
  button.addEventListener("click", async () => {
    if (!current) return;
    const shown = await value();
    if (shown == null) return;
    input.value = shown;
    input.hidden = false;
    button.hidden = true;
    input.focus();
  });
  const done = () => {
    input.hidden = true;
    button.hidden = !current;
  };
  input.addEventListener("keydown", async (event) => {
    if (event.isComposing || event.keyCode === 229) return;
    if (event.key === "Escape") done();
    if (event.key !== "Enter" || !current) return;
    await commit(input.value);
    done();
  });
  input.addEventListener("blur", done);
}

// Goal…: a length in characters; empty clears it.
statusField("set-goal", "goal-input", () => current?.goal ?? "", async (typed) => {
  const goal = Number.parseInt(typed, 10);
  const value = Number.isFinite(goal) && goal > 0 ? goal : null;
  await run(api.setDraftGoal(current.id, value)).catch(() => {});
  current.goal = value;
  if (lastCounts) showCounts(lastCounts);
});

// Tags…: the front matter's `tags` as a list, written back into the text.
statusField(
  "edit-tags",
  "tags-input",
  async () => (await run(api.tagsOfText(editor.doc().toString())).catch(() => null))?.join(", "),
  async (typed) => {
    const tags = typed.split(/[,、，]/).map((x) => x.trim()).filter(Boolean);
    const text = await run(api.textWithTags(editor.doc().toString(), tags)).catch(() => null);
    // An edit like any other: undoable, autosaved, previewed.
    if (text != null) editor.replaceText(text);
  },
);

function showError(error) {
  el.banner.textContent = error?.message ?? String(error);
  el.banner.hidden = false;
}

/** Runs a command; shows its error in the banner and rethrows it. */
async function run(promise) {
  try {
    return await promise;
  } catch (error) {
    showError(error);
    throw error;
  }
}

function showEditor(visible) {
  el.editorArea.hidden = !visible;
  byId("open-history").hidden = byId("set-goal").hidden = byId("edit-tags").hidden = !visible;
  if (!visible) byId("goal-progress").hidden = byId("goal-input").hidden = byId("tags-input").hidden = true;
  el.emptyState.hidden = visible;
  if (!visible) {
    el.counts.textContent = "";
    showSaveState("idle");
  }
}

/** Saves what is pending without blocking the author: a failure is already on screen. */
async function flushQuietly() {
  try {
    await autosaver.flush();
  } catch {
    // The text stays pending in the autosaver and is retried; the status line says why.
  }
}

/**
 * Opens a draft in the editor (`read`: its text already asked of Rust; `opened`: its live
 * preview already opened in Rust, `{flavor, patch}`).
 */
async function openDraft(id, read, opened) {
  if (current?.id === id) return;
  await flushQuietly();
  const draft = await run(read ?? api.getDraft(id));
  startMark("draft-read");
  // Text typed but not yet saved for this draft (e.g. a save that failed) wins over the disk.
  const unsaved = autosaver.pending.get(id);
  current = { id: draft.id, goal: draft.goal_chars, seen: unsaved ? null : draft.updated_at };
  el.title.value = unsaved?.title ?? draft.title;
  editor.load(unsaved?.body ?? draft.body);
  startMark("editor-loaded");
  // Rust's preview is taken when it holds this very text in the flavor the bar chose.
  const doc = editor.doc();
  if (!(opened && !unsaved && opened.flavor === publishBar.flavor() && preview.adopt(doc, draft.body, opened.patch))) preview.load(doc);
  showEditor(true);
  list.select(id);
  showSaveState(unsaved ? "dirty" : "saved");
  showWindowTitle();
  // The book panel follows at once (it must not show another draft's book); publishing acts on
  // this draft at once, and its standing is read once the preview is drawn (the author reads
  // the preview first), or after a moment when typing keeps the preview busy.
  const bookShown = bookPanel.load(id);
  publishBar.takeDraft(id);
  startMark("shown");
  await Promise.race([preview.drawn(), new Promise((resolve) => setTimeout(resolve, 300))]);
  await Promise.all([publishBar.showDraft(id), bookShown]);
  readCards();
}

async function newDraft() {
  const focused = document.activeElement;
  await flushQuietly();
  const draft = await run(api.createDraft());
  list.leaveTrash();
  el.search.value = "";
  list.query = "";
  await list.refresh();
  await openDraft(draft.id);
  // The title, unless the author has already gone on to write: the draft shows before its bar
  // and book panel are read, and a click into the editor meanwhile keeps its keys.
  const moved = document.activeElement !== focused && el.editorArea.contains(document.activeElement);
  if (!moved) el.title.focus();
}

async function trashDraft(summary) {
  await flushQuietly();
  await run(api.trashDraft(summary.id));
  if (current?.id === summary.id) {
    current = null;
    showEditor(false);
  }
  await list.refresh();
  showToast(t.movedToTrash({ title: summary.title || t.untitled }), t.undo, async () => {
    await run(api.restoreDraft(summary.id));
    await list.refresh();
  });
  if (!current && list.first()) await openDraft(list.first().id);
}

async function saveNow() {
  try {
    if (current) autosaver.pending.set(current.id, snapshot());
    await autosaver.flush(true);
  } catch {
    // Shown in the status line; the text stays pending.
  }
}

/** Closes the window once every word is on disk; if saving fails, the author decides. */
async function closeWindow() {
  try {
    await bookPanel.flush();
    await autosaver.flush();
  } catch (error) {
    const close = await confirmDialog(t.closeUnsaved({ reason: error?.message ?? String(error) }), t.closeAnyway, t.keepOpen);
    if (!close) return;
  }
  // What was written here reaches the other computers if the remote answers quickly.
  await syncLine.last(3000);
  await appWindow.destroy();
}

el.title.addEventListener("input", () => {
  if (!current) return;
  autosaver.change(snapshot());
});
el.title.addEventListener("keydown", (event) => {
  // Enter that confirms an IME conversion is not "go to the body".
  if (event.isComposing || event.keyCode === 229) return;
  if (event.key === "Enter") {
    event.preventDefault();
    editor.focus();
  }
});
el.title.addEventListener("change", showWindowTitle);

let searchTimer = null;
el.search.addEventListener("input", () => {
  clearTimeout(searchTimer);
  searchTimer = setTimeout(() => {
    list.query = el.search.value;
    list.refresh();
  }, 150);
});

el.newDraft.addEventListener("click", () => newDraft());
byId("open-history").addEventListener("click", () => current && historyDialog.open(current.id));
el.emptyNew.addEventListener("click", () => newDraft());

/** What each menu item does (the menu's shortcuts run the same). */
const menuActions = {
  "new-draft": () => newDraft(),
  "new-review": () => newReview(),
  "my-books": () => booksDialog.open(),
  book: () => current && bookPanel.show(bookPanel.panel.hidden),
  save: () => saveNow(),
  "import-markdown": () => chooseAndOpenFiles(),
  "export-markdown": () => exportCurrent("markdown"),
  "export-html": () => exportCurrent("html"),
  settings: () => settingsDialog.open(),
  quit: () => closeWindow(),
  "find-in-draft": () => current && openSearchPanel(editor.view),
  "find-in-drafts": () => {
    list.leaveTrash();
    el.search.focus();
    el.search.select();
  },
  history: () => current && historyDialog.open(current.id),
  "toggle-preview": () => el.app.classList.toggle("preview-hidden"),
  "focus-mode": () => el.app.classList.toggle("focus-mode"),
  publish: () => current && publishBar.publish(),
  blogs: () => blogsDialog.open(),
  "refresh-cards": () => readCards(true),
  "open-logs": () => run(api.openFolder("logs")).catch(() => {}),
  "open-data": () => run(api.openFolder("data")).catch(() => {}),
  about: () => aboutDialog.open(),
};

document.addEventListener("keydown", (event) => {
  if (event.isComposing || event.keyCode === 229) return;
  if (event.key === "Escape" && el.app.classList.contains("focus-mode")) {
    el.app.classList.remove("focus-mode");
  } else if ((event.ctrlKey || event.metaKey) && !event.altKey && event.key.toLowerCase() === "w") {
    // Closing the window is a window convention, not a menu item.
    event.preventDefault();
    closeWindow();
  }
});

/** Shows the newest of the drafts just made from files (or why one could not be made). */
async function showOpened(draftId, error) {
  if (error) showError(error);
  if (draftId == null) return;
  list.leaveTrash();
  await list.refresh();
  await openDraft(draftId);
  showToast(t.openedFiles);
}

async function chooseAndOpenFiles() {
  const grants = await run(api.chooseMarkdownFiles());
  if (!grants.length) return;
  const draftId = await run(api.openFiles(grants.map((g) => g.token)));
  await showOpened(draftId);
}

/** Exports the open draft where the author chooses. */
async function exportCurrent(format) {
  if (!current) return;
  await flushQuietly();
  const extension = format === "html" ? "html" : "md";
  const name = `${(el.title.value || t.untitled).replace(/[\\/:*?"<>|]/g, "_")}.${extension}`;
  const grant = await run(api.chooseSaveFile(name));
  if (!grant) return;
  await run(api.exportDraft(current.id, format, grant.token));
  showToast(t.exportedDraft({ path: grant.shown }));
}

const isMarkdownFile = (file) => /\.(md|markdown)$/i.test(file.name) || file.type === "text/markdown";

// Markdown files dropped anywhere on the window become drafts; captured before the editor,
// which would otherwise paste their text in. Images still go to the editor.
document.addEventListener("dragover", (event) => {
  if (event.dataTransfer?.types.includes("Files")) event.preventDefault();
});
document.addEventListener(
  "drop",
  async (event) => {
    const files = [...(event.dataTransfer?.files ?? [])].filter(isMarkdownFile);
    if (!files.length) return;
    event.preventDefault();
    event.stopPropagation();
    let newest = null;
    for (const file of files) {
      try {
        newest = (await api.importMarkdown(file.name, await file.text())).id;
      } catch (error) {
        showError(error);
      }
    }
    await showOpened(newest);
  },
  true,
);

appWindow.onCloseRequested(async (event) => {
  // Always take over the close: destroy() runs once the text is safe (or the author says so).
  event.preventDefault();
  await closeWindow();
});

/** The first-run welcome, in place of the empty state: two sentences and two ways to begin. */
function showWelcome(settings) {
  const welcome = document.getElementById("welcome");
  el.emptyText.hidden = el.emptyNew.hidden = true;
  welcome.hidden = false;
  const begin = async (connect) => {
    welcome.hidden = true;
    el.emptyText.hidden = el.emptyNew.hidden = false;
    await run(api.saveSettings({ ...settings, welcomed: true }));
    await newDraft();
    if (connect) blogsDialog.open();
  };
  document.getElementById("welcome-write").addEventListener("click", () => begin(false), { once: true });
  document.getElementById("welcome-connect").addEventListener("click", () => begin(true), { once: true });
}

/** True until the first draft is open. */
let starting = true;

/** Marks a step of the start for the window benchmark, as time since the page's navigation. */
function startMark(step) {
  if (starting) performance.mark(`fumi-start-${step}`);
}

async function start() {
  startMark("scripts-run");
  // The first screen comes from Rust in one answer: on a busy machine each call costs the start
  // a round trip. Should it fail (a database read), each part is asked on its own, and says why.
  const page = /** @type {any} */ (window);
  const asked = page.fumiOpening ?? api.startWindow(null);
  // Not kept past the start: the answer holds the draft and its preview.
  page.fumiOpening = null;
  const opening = await asked.catch(() => null);
  const screen = opening?.screen ?? null;
  startMark("first-screen");
  // Preferences first: they choose the language everything is drawn in.
  const settings =
    screen?.settings ??
    (await api
      .getSettings()
      .catch(() => ({ language: "system", theme: "system", welcomed: true, editor_font: "sans", editor_font_size: 15, default_blog: null, proofreading: { off: [] } })));
  useLanguage(settings.language);
  useTheme(settings.theme);
  useEditorFont(settings.editor_font, settings.editor_font_size);
  editor.spellcheck(!settings.proofreading.off.includes("spelling"));
  publishBar.defaultBlog = settings.default_blog;
  translateDocument();
  // The preview's read-more divider (`<!-- more -->`) is labelled in the window's language.
  document.documentElement.style.setProperty("--read-more", JSON.stringify(t.readMore));
  bookPanel.translate();
  // The menu is built beside the start, not before it: nothing on screen waits for it.
  installMenu(menuActions).catch(showError);
  el.emptyText.textContent = t.emptyState;
  const info = opening ? api.localizedInfo(opening.info) : await api.appInfo();
  if (info.startup_error) {
    showError(t.startupError({ reason: info.startup_error.message }));
    el.newDraft.disabled = el.emptyNew.disabled = el.search.disabled = true;
    showEditor(false);
    return;
  }
  if (info.open_error) showError(info.open_error);
  // Fumi launched again on this data (a .md opened from the file manager) hands its files here;
  // the first screen does not wait for the registration's round trip.
  listen("opened-files", ({ payload }) => showOpened(payload.draft, payload.error && ipcError(payload.error))).catch(showError);
  await Promise.all([
    publishBar.loadBlogs(undefined, screen ? Promise.resolve(screen.blogs) : undefined),
    list.refresh(screen ? list.answered(screen) : undefined),
  ]);
  startMark("list");
  const first = list.first();
  if (first && screen?.draft?.id === first.id) await openDraft(first.id, Promise.resolve(screen.draft), opening.preview);
  else if (first) await openDraft(first.id);
  else {
    showEditor(false);
    if (!settings.welcomed) showWelcome(settings);
  }
  startMark("draft-open");
  starting = false;
  // Syncing starts once the window is usable; it never holds the start.
  syncLine.start().catch(showError);
}

start().catch(showError);
