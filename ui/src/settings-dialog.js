// The settings dialog: the window's language, theme, editor typeface, revisions, default blog
// and affiliate tag, and the author's data (saved in the database, so they follow
// the data folder). Saving reloads the window so every string is drawn in the new language.

import { api } from "./api.js";
import { t } from "./i18n.js";
import { modal } from "./dialogs.js";
import { byId, byIdAs, field } from "./dom.js";
import { PROOFREAD_RULES } from "./bindings.ts";


/** The book databases' settings and their fields. */
const SOURCES = [
  ["openbd", "settings-source-openbd"],
  ["ndl", "settings-source-ndl"],
  ["open_library", "settings-source-open-library"],
  ["google_books", "settings-source-google-books"],
];

export class SettingsDialog {
  /** `onImported()` refreshes what shows the drafts; `onSynced()` also the sync status. */
  constructor({ onImported, onSynced }) {
    this.onImported = onImported;
    this.onSynced = onSynced;
    this.el = modal("settings-dialog");
    byId("open-settings").addEventListener("click", () => this.open());
    byId("settings-cancel").addEventListener("click", () => this.el.close());
    byId("settings-open-data").addEventListener("click", () =>
      api.openFolder("data").catch((error) => this.say(error.message)),
    );
    // Only the system's folder picker fills the field: commands take the folder it granted
    // (a token), never a path typed into the page.
    this.folders = { export: null, import: null };
    for (const which of /** @type {const} */ (["export", "import"])) {
      byId(`${which}-choose`).addEventListener("click", async () => {
        const grant = await api.chooseFolder().catch((error) => this.say(error.message));
        if (grant) this.setFolder(which, grant);
      });
    }
    byId("export-all").addEventListener("click", () => this.exportAll());
    byId("import-all").addEventListener("click", () => this.importAll());
    byId("sync-set-up").addEventListener("click", () => this.setUpSync());
    byId("settings-form").addEventListener("submit", (event) => {
      event.preventDefault();
      this.save();
    });
  }

  /** The blogs to choose the default from, "the last one used" first. */
  async fillBlogs() {
    const select = byIdAs("settings-default-blog", HTMLSelectElement);
    const blogs = await api.listBlogs().catch(() => []);
    const option = (value, text) => Object.assign(document.createElement("option"), { value, textContent: text });
    select.replaceChildren(option("", t.lastUsedBlog), ...blogs.map((b) => option(String(b.id), b.name)));
    select.value = this.settings.default_blog == null ? "" : String(this.settings.default_blog);
  }

  say(text) {
    byId("data-message").textContent = text;
  }

  /**
   * Shows a granted folder in its field and keeps its token for the command.
   * @param {"export" | "import"} which
   * @param {import("./bindings.ts").PathGrant} grant
   */
  setFolder(which, grant) {
    this.folders[which] = grant;
    field(`${which}-dir`).value = grant.shown;
  }

  async exportAll() {
    const grant = this.folders.export;
    this.say("");
    if (!grant) return this.say(t.chooseFolderFirst);
    try {
      const moved = await api.exportAll(grant.token);
      this.say(t.exported({ drafts: moved.drafts, assets: moved.assets, dir: grant.shown }));
    } catch (error) {
      this.say(error.message);
    }
  }

  async importAll() {
    const grant = this.folders.import;
    this.say("");
    if (!grant) return this.say(t.chooseFolderFirst);
    try {
      const moved = await api.importAll(grant.token);
      this.say(t.imported({ drafts: moved.drafts, assets: moved.assets }));
      await this.onImported();
    } catch (error) {
      this.say(error.message);
    }
  }

  /** Checks the remote, keeps it (its token in the keychain), and syncs. */
  async setUpSync() {
    const message = byId("sync-message");
    const button = byIdAs("sync-set-up", HTMLButtonElement);
    const url = field("sync-url").value.trim();
    if (!url) return;
    message.textContent = t.syncing;
    button.disabled = true;
    try {
      const report = await api.setUpSync(url, field("sync-token").value);
      field("sync-token").value = "";
      message.textContent = t.syncSetUpDone({ sent: report.sent, received: report.received });
      await this.onSynced();
    } catch (error) {
      message.textContent = error.message;
    } finally {
      button.disabled = false;
    }
  }

  async open() {
    byId("settings-message").textContent = "";
    this.say("");
    try {
      const info = await api.appInfo();
      byId("settings-data-dir").textContent = info.data_dir;
      // Fumi's export folder is the first suggestion for both: what one computer exported there
      // (a synced or shared Documents folder) is what another imports.
      if (!this.folders.export) this.setFolder("export", info.export_dir);
      if (!this.folders.import) this.setFolder("import", info.export_dir);
      this.settings = await api.getSettings();
      field("settings-language").value = this.settings.language;
      field("settings-theme").value = this.settings.theme;
      field("settings-font").value = this.settings.editor_font;
      field("settings-font-size").value = String(this.settings.editor_font_size);
      const revisions = byIdAs("settings-revisions", HTMLSelectElement);
      revisions.value = String(this.settings.revision_interval_secs);
      if (!revisions.value) revisions.value = "30";
      await this.fillBlogs();
      field("settings-affiliate").value = this.settings.affiliate_tag;
      field("settings-hatena-book").value = this.settings.hatena_book_as_asin ? "asin" : "fumi";
      field("settings-review-template").value = this.settings.review_template ?? "";
      for (const [key, id] of SOURCES) field(id).value = this.settings.book_sources?.[key] ?? "";
      this.showProofreading(this.settings.proofreading);
      const sync = await api.syncStatus().catch(() => null);
      field("sync-url").value = sync?.remote ?? "";
      field("sync-token").value = "";
      byId("sync-message").textContent = "";
      if (!this.el.open) this.el.showModal();
      byId("settings-language").focus();
    } catch (error) {
      byId("settings-message").textContent = error.message;
      if (!this.el.open) this.el.showModal();
    }
  }

  /**
   * One switch per proofreading rule, and the two limits.
   * @param {import("./bindings.ts").ProofreadSettings} proofreading
   */
  showProofreading(proofreading) {
    const box = byId("settings-proofread-rules");
    box.replaceChildren(
      ...PROOFREAD_RULES.map((rule) => {
        const input = Object.assign(document.createElement("input"), { type: "checkbox", checked: !proofreading.off.includes(rule) });
        input.dataset.rule = rule;
        const label = document.createElement("label");
        label.append(input, " ", t.proofreadRule[rule]);
        return label;
      }),
    );
    field("settings-max-sentence").value = String(proofreading.max_sentence_chars);
    field("settings-max-commas").value = String(proofreading.max_commas);
  }

  /** @returns {import("./bindings.ts").ProofreadSettings} */
  proofreading() {
    const boxes = /** @type {NodeListOf<HTMLInputElement>} */ (byId("settings-proofread-rules").querySelectorAll("input[data-rule]"));
    const limit = (id, min, max, fallback) => Math.min(max, Math.max(min, Math.round(Number(field(id).value) || fallback)));
    return {
      off: [...boxes].filter((box) => !box.checked).map((box) => /** @type {import("./bindings.ts").Rule} */ (box.dataset.rule)),
      max_sentence_chars: limit("settings-max-sentence", 20, 1000, 100),
      max_commas: limit("settings-max-commas", 1, 20, 3),
    };
  }

  async save() {
    try {
      const size = Math.min(24, Math.max(12, Math.round(Number(field("settings-font-size").value) || 15)));
      await api.saveSettings({
        ...this.settings,
        language: field("settings-language").value,
        theme: field("settings-theme").value,
        editor_font: field("settings-font").value,
        editor_font_size: size,
        revision_interval_secs: Number(field("settings-revisions").value),
        default_blog: field("settings-default-blog").value ? Number(field("settings-default-blog").value) : null,
        affiliate_tag: field("settings-affiliate").value.trim(),
        hatena_book_as_asin: field("settings-hatena-book").value === "asin",
        review_template: field("settings-review-template").value,
        book_sources: Object.fromEntries(SOURCES.map(([key, id]) => [key, field(id).value.trim()])),
        proofreading: this.proofreading(),
      });
      // The text is saved on every keystroke, so a reload loses nothing.
      location.reload();
    } catch (error) {
      byId("settings-message").textContent = error.message;
    }
  }
}
