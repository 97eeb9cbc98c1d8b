// The publish bar above the editor: which blog, one Publish/Update button, progress, the post's
// link and a badge saying where the draft stands on that blog.

import { listen } from "@tauri-apps/api/event";
import { api } from "./api.js";
import { t } from "./i18n.js";
import { chooseDialog } from "./dialogs.js";
import { messageOf } from "./messages.js";
import { byId, byIdAs } from "./dom.js";
import { BlogPreviewDialog } from "./blog-preview-dialog.js";

const LAST_BLOG = "fumi.lastBlog";

export class PublishBar {
  /**
   * `flush()` saves pending text (a publish reads the draft from the database);
   * `onDraftReplaced(id)` reloads a draft whose text was replaced by the blog's version;
   * `openBlogs()` shows the blogs dialog.
   */
  /**
   * `onFlavorChange()` runs when the selected blog shows drafts otherwise (the preview is drawn
   * again as that blog shows it); `onBlogChange(blog)` when another blog (or none) is selected.
   */
  constructor({ flush, onDraftReplaced, openBlogs, onFlavorChange, onBlogChange }) {
    this.flush = flush;
    this.onDraftReplaced = onDraftReplaced;
    this.openBlogs = openBlogs;
    this.onFlavorChange = onFlavorChange;
    this.onBlogChange = onBlogChange;
    /** The blog `onBlogChange` last heard of. */
    this.shownBlog = undefined;
    /** The flavour the preview was last told about. */
    this.shownFlavor = "plain";
    /** The blog the settings offer for a draft not yet published anywhere. */
    this.defaultBlog = null;
    this.el = {
      select: byIdAs("blog-select", HTMLSelectElement),
      publish: byIdAs("publish", HTMLButtonElement),
      badge: byId("publish-badge"),
      progress: byId("publish-progress"),
      link: byIdAs("post-link", HTMLAnchorElement),
      sendNow: byIdAs("send-queued", HTMLButtonElement),
      previewOnBlog: byIdAs("preview-on-blog", HTMLButtonElement),
    };
    this.blogPreview = new BlogPreviewDialog();
    this.blogs = [];
    this.states = [];
    this.draftId = null;
    this.busy = false;
    this.refreshTimer = null;
    byId("manage-blogs").addEventListener("click", () => this.openBlogs());
    this.el.select.addEventListener("change", () => {
      localStorage.setItem(LAST_BLOG, this.el.select.value);
      this.render();
      this.noticeFlavor();
    });
    this.el.publish.addEventListener("click", () => (this.blogs.length ? this.publish() : this.openBlogs()));
    this.el.sendNow.addEventListener("click", () => this.sendQueued());
    this.el.previewOnBlog.addEventListener("click", () => this.previewOnBlog());
    // The window's queue sender reports each pass that sent or retried something.
    listen("publish-queue", async () => {
      await this.loadStates();
      this.render();
    });
    this.el.link.addEventListener("click", (event) => {
      event.preventDefault();
      api.openInBrowser(this.el.link.href).catch((error) => this.say(error.message, true));
    });
  }

  /**
   * Reloads the blogs (after the dialog changed them; `asked`: their list already asked of
   * Rust); `chosen` becomes the selected one.
   */
  async loadBlogs(chosen, asked = api.listBlogs()) {
    try {
      this.blogs = await asked;
    } catch (error) {
      this.blogs = [];
      this.say(error.message, true);
    }
    this.el.select.replaceChildren(
      ...this.blogs.map((b) => {
        const option = document.createElement("option");
        option.value = b.id;
        option.textContent = b.name;
        return option;
      }),
    );
    if (chosen) localStorage.setItem(LAST_BLOG, chosen.id);
    this.pickBlog();
    this.render();
    this.noticeFlavor();
  }

  /** Publishing acts on draft `id` from now on; `showDraft` reads and shows its standing. */
  takeDraft(id) {
    if (this.draftId === id) return;
    this.draftId = id;
    this.states = [];
    this.say("");
    this.render();
  }

  /** Shows the standing of another draft. */
  async showDraft(id) {
    this.draftId = id;
    this.say("");
    await this.loadStates();
    this.pickBlog();
    this.render();
    this.noticeFlavor();
  }

  /** Tells the preview when the selected blog shows drafts otherwise than before, and the
   * editor when another blog is selected. */
  noticeFlavor() {
    const blog = this.selectedBlog();
    if (blog?.id !== this.shownBlog) {
      this.shownBlog = blog?.id;
      this.onBlogChange(blog);
    }
    const flavor = this.flavor();
    if (flavor === this.shownFlavor) return;
    this.shownFlavor = flavor;
    this.onFlavorChange();
  }

  /** Recomputes the badge a little after edits (it renders the draft: not on every keystroke). */
  refreshSoon() {
    clearTimeout(this.refreshTimer);
    this.refreshTimer = setTimeout(async () => {
      await this.loadStates();
      this.render();
    }, 1500);
  }

  async loadStates() {
    if (this.draftId == null) return;
    try {
      this.states = await api.publicationStates(this.draftId);
    } catch {
      this.states = [];
    }
  }

  /** The blog the draft was published to, else the settings' default, else the one used last,
   * else the first. */
  pickBlog() {
    const known = (id) => id != null && this.blogs.some((b) => String(b.id) === String(id));
    const published = this.states.filter((s) => known(s.blog_id)).sort((a, b) => (b.published_at ?? 0) - (a.published_at ?? 0))[0];
    const last = localStorage.getItem(LAST_BLOG);
    const id = published?.blog_id ?? (known(this.defaultBlog) ? this.defaultBlog : known(last) ? last : this.blogs[0]?.id);
    if (id != null) this.el.select.value = String(id);
  }

  selectedBlog() {
    return this.blogs.find((b) => String(b.id) === this.el.select.value) ?? null;
  }

  /**
   * The blog the preview shows the draft as: the selected one (the draft's, else the settings'
   * default, else the last used); plain Markdown without any.
   * @returns {import("./bindings.ts").Flavor}
   */
  flavor() {
    const kind = this.selectedBlog()?.kind;
    return kind === "hatena" ? "hatena" : kind ? "wordpress" : "plain";
  }

  render() {
    const blog = this.selectedBlog();
    this.el.select.hidden = !blog;
    const state = blog ? this.states.find((s) => s.blog_id === blog.id) : null;
    const standing = state?.standing ?? "not_published";
    const hasPost = Boolean(state?.url);
    this.el.publish.textContent = !blog ? t.connectBlog : hasPost ? t.update : t.publish;
    this.el.publish.disabled = this.busy;
    this.el.badge.hidden = !blog;
    this.el.badge.dataset.standing = standing;
    const reason = state?.error ? messageOf(state.error) : "";
    const withReason = (standing === "failed" || standing === "queued") && reason;
    this.el.badge.textContent = withReason ? `${t.standing[standing]}: ${reason}` : t.standing[standing];
    this.el.badge.title = reason;
    this.el.sendNow.hidden = standing !== "queued";
    this.el.sendNow.disabled = this.busy;
    // A post readers see (or that waits for its date) is not sent as a draft to be previewed.
    this.el.previewOnBlog.hidden = !blog || standing === "published" || standing === "scheduled";
    this.el.previewOnBlog.disabled = this.busy;
    this.el.link.hidden = !hasPost;
    if (hasPost) {
      this.el.link.href = state.url;
      this.el.link.textContent = readable(state.url);
    }
  }

  say(text, isError = false) {
    this.el.progress.textContent = text;
    this.el.progress.classList.toggle("error", isError);
  }

  showProgress(p) {
    this.say(p.step === "images" ? t.images({ done: p.done, total: p.total }) : p.step === "sending" ? t.sending : t.connecting);
  }

  /** Publishes (or updates) the open draft to the selected blog; asks when the blog disagrees. */
  async publish(options = {}) {
    const blog = this.selectedBlog();
    const draftId = this.draftId;
    if (!blog || draftId == null || this.busy) return;
    this.busy = true;
    this.render();
    this.say(t.connecting);
    let next = null;
    try {
      await this.flush();
      const outcome = await api.publish(draftId, blog.id, options, (p) => this.showProgress(p));
      this.say(outcome.outcome === "queued" ? t.queued({ blog: blog.name }) : "");
    } catch (error) {
      this.say("");
      // The badge says what happened while the author decides what to do about it.
      await this.loadStates();
      this.render();
      next = await this.resolve(error, draftId, blog);
    } finally {
      this.busy = false;
      await this.loadStates();
      this.render();
    }
    if (next) await next();
  }

  /** Sends the open draft to the selected blog as its draft post and shows the blog's rendering. */
  async previewOnBlog() {
    const blog = this.selectedBlog();
    const draftId = this.draftId;
    if (!blog || draftId == null || this.busy) return;
    this.busy = true;
    this.render();
    this.say(t.previewingOnBlog({ blog: blog.name }));
    try {
      await this.flush();
      const preview = await api.previewOnBlog(draftId, blog.id);
      this.say("");
      this.blogPreview.show(preview, blog.name);
    } catch (error) {
      // Questions a publish asks (a web edit, local files) are answered by publishing: a
      // preview only says what stopped it.
      this.say(error.message, true);
    } finally {
      this.busy = false;
      await this.loadStates();
      this.render();
    }
  }

  /** Sends the queue now (the author is back online and does not want to wait). */
  async sendQueued() {
    if (this.busy) return;
    this.busy = true;
    this.render();
    this.say(t.connecting);
    try {
      const sent = await api.sendQueued();
      const mine = sent.find((s) => s.draft_id === this.draftId);
      this.say(mine && mine.result !== "published" ? messageOf(mine.error) : "", mine?.result === "failed");
    } catch (error) {
      this.say(error.message, true);
    } finally {
      this.busy = false;
      await this.loadStates();
      this.render();
    }
  }

  /** What to do after a failed publish: the author's choice for conflicts, else nothing. */
  async resolve(error, draftId, blog) {
    if (error.code === "remote_changed") {
      const choice = await chooseDialog(error.message, t.cancel, [
        { label: t.takeRemote, value: "take" },
        { label: t.overwrite, value: "overwrite", style: "danger" },
      ]);
      if (choice === "overwrite") return () => this.publish({ overwrite: true });
      if (choice === "take")
        return async () => {
          try {
            await api.takeRemote(draftId, blog.id);
            await this.onDraftReplaced(draftId);
          } catch (e) {
            this.say(e.message, true);
          }
        };
    } else if (error.code === "local_files_need_consent") {
      // The files are named in the message: the author sees what would leave the computer.
      const choice = await chooseDialog(error.message, t.cancel, [{ label: t.allowFiles, value: "allow", style: "primary" }]);
      if (choice === "allow") return () => this.publish({ allowFiles: true });
    } else if (error.code === "remote_post_not_found") {
      const choice = await chooseDialog(error.message, t.cancel, [{ label: t.createAgain, value: "recreate", style: "primary" }]);
      if (choice === "recreate") return () => this.publish({ recreate: true });
    }
    return null;
  }
}

/** A URL as a person reads it: no scheme, Japanese slugs decoded. */
function readable(url) {
  let text = url.replace(/^https?:\/\//, "");
  try {
    text = decodeURI(text);
  } catch {
    // Not valid percent-encoding: show it as it is.
  }
  return text;
}
