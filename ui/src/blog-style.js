// The preview in the blog's own look: a sandboxed frame (no scripts; its document's policy
// allows none either) holding the blog's stylesheets, its theme's post markup and the preview's
// blocks, kept in step with the live preview block by block. The blog's CSS lives only in the
// frame's document, so it cannot touch Fumi's window.

import { api } from "./api.js";

/** How old a kept look may be before it is read from the blog again (it stays shown meanwhile). */
const FRESH_MS = 24 * 60 * 60 * 1000;

export class BlogStyleView {
  /**
   * @param {HTMLElement} pane Fumi's own preview pane, hidden while the frame shows beside it
   * @param {import("./preview.js").Preview} preview the live preview whose blocks it shows
   * @param {(message: string) => void} onError says why the look could not be read
   * @param {() => string} label the frame's accessible name, in the language the window speaks then
   */
  constructor(pane, preview, onError, label) {
    this.pane = pane;
    this.label = label;
    /**
     * The frame, only while the blog's look shows (an idle frame in the page stalls
     * WebKitWebDriver's screenshots).
     * @type {HTMLIFrameElement | null}
     */
    this.frame = null;
    this.preview = preview;
    this.onError = onError;
    /** The element the blocks go in, once the frame's document is loaded; null otherwise. */
    this.container = null;
    /** Each block's nodes in the frame, in order (a block may be several top-level nodes). */
    this.nodes = /** @type {Node[][]} */ ([]);
    /** The blog asked for, or null when Fumi's own look is; the blog whose look the frame holds. */
    this.blogId = null;
    this.loadedFor = null;
    this.loadId = "";
    preview.onSplice = (start, removed, added) => this.splice(start, removed, added);
  }

  /**
   * Shows the preview in this blog's look: the look as last kept at once, read again from the
   * blog when there is none or it is old.
   * @param {number} blogId
   */
  async show(blogId) {
    this.blogId = blogId;
    try {
      const kept = await api.blogStyleFrame(blogId);
      if (this.blogId !== blogId) return;
      if (kept) this.load(kept);
      if (!kept || Date.now() - kept.read_at > FRESH_MS) {
        const read = await api.readBlogStyle(blogId);
        if (this.blogId === blogId) this.load(read);
      }
    } catch (error) {
      // Offline: the kept look stays; with none, Fumi's own look.
      this.onError(error.message);
      if (this.blogId === blogId && this.loadedFor !== blogId) this.hide();
    }
  }

  /** Back to Fumi's own look. */
  hide() {
    this.blogId = null;
    this.container = null;
    this.nodes = [];
    this.frame?.remove();
    this.frame = null;
    this.loadId = "";
    this.loadedFor = null;
    this.pane.hidden = false;
    this.preview.draw();
  }

  /** @param {import("./bindings.ts").BlogStyleFrame} look */
  load(look) {
    const id = `${look.page}@${look.read_at}`;
    if (id === this.loadId && this.container) return;
    this.loadId = id;
    this.container = null;
    this.frame?.remove();
    const frame = document.createElement("iframe");
    frame.id = "preview-frame";
    frame.className = "preview-frame";
    frame.setAttribute("sandbox", "allow-same-origin");
    frame.setAttribute("aria-label", this.label());
    this.pane.after(frame);
    this.frame = frame;
    this.pane.hidden = true;
    // Written into the frame's own blank document rather than navigated to (`srcdoc`): nothing
    // is loaded, so the window's policy of no frames holds, and the frame is ready at once.
    const doc = frame.contentDocument;
    doc?.open();
    doc?.write(look.document);
    doc?.close();
    const container = doc?.getElementById(look.blocks_id);
    // Never a blank pane: without its frame, Fumi's own look.
    if (!container) return this.hide();
    // (Links in the frame are inert by its own stylesheet: a sandbox without scripts runs no
    // listener, not even the window's.)
    this.loadedFor = this.blogId;
    this.container = container;
    this.nodes = [];
    this.splice(0, 0, this.preview.html);
  }

  /** Follows a change of the preview's blocks. */
  splice(start, removed, added) {
    const container = this.container;
    if (!container) return;
    for (const node of this.nodes.slice(start, start + removed).flat()) node.parentNode?.removeChild(node);
    const doc = container.ownerDocument;
    const made = added.map((html) => {
      const template = doc.createElement("template");
      // Sanitized by the core, as the preview's own blocks are.
      template.innerHTML = html;
      return [...template.content.childNodes];
    });
    let before = null;
    for (let i = start + removed; i < this.nodes.length && !before; i++) before = this.nodes[i][0] ?? null;
    for (const nodes of made) for (const node of nodes) container.insertBefore(node, before);
    this.nodes.splice(start, removed, ...made);
  }
}
