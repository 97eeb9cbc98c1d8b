// Keeps the preview in step with the editor without ever holding up typing. Rust holds the
// text and its rendering as blocks (render::live); the editor's changes go over as line
// edits, and only the blocks they change come back.
//
// An edit that re-parses only the blocks around it, or a draft of at most 64 KiB, takes Rust
// microseconds to 3 ms: it is sent while the page waits (`editNow`), so the preview is patched
// in the keystroke's own frame; so is one inside a footnote's definition, whose entry of the
// footnotes section is redrawn alone (`applyNote`). Any other (in a long draft: a footnote
// added or renamed, a long paste; an edit while one is under way) goes as a command, off the
// page's thread, and shows a frame or more later.
//
// Only the blocks near the visible part of the pane are in the DOM; spacers stand for the
// rest. A long draft's preview is tens of thousands of boxes, and the webview re-lays them all
// out after any change; a window of them costs the same at 35 KB and at 1 MB. A block's height
// is measured when it is drawn and estimated until then; the block at the top of the pane stays
// where it is when measuring moves the ones above it.
//
// Each keystroke is timed in performance measures the benchmark reads: `fumi-preview-ready`
// until its patch is in the DOM and laid out, `fumi-preview` until the frame that paints it,
// and `fumi-preview-lag` from the frame where the editor showed it to that frame (zero when
// the preview kept up with the editor); `fumi-preview-wait` is how long the page waited for
// Rust's answer to an edit sent while it waits.

/** How many keystroke measures are kept. */
const KEEP_MEASURES = 5000;

/** How far beyond the visible part blocks are drawn, in pane heights, above and below. */
const OVERSCAN = 1;

/** Estimated height per character of a block's HTML until its first measure, in pixels. */
const FIRST_PX_PER_CHAR = 0.3;

/**
 * One top-level block: its HTML, source lines, measured height (null until drawn) and its
 * element while drawn.
 * @typedef {{html: string, line: number, lines: number, height: number | null, el: HTMLElement | null}} Block
 */
/**
 * @typedef {import("./bindings.ts").PreviewPatch} Patch What Rust answers an open or an edit.
 */

/** Marks a step of opening the preview for the window benchmark's account of a start (the
 * latest draft opened). */
function startMark(step) {
  performance.clearMarks(`fumi-start-${step}`);
  performance.mark(`fumi-start-${step}`);
  if (step === "preview-drawn") requestAnimationFrame(() => setTimeout(() => startMark("preview-painted")));
}

export class Preview {
  /**
   * @param {HTMLElement} element the preview pane (scrolls; positioned)
   * @param {{open: (text: string) => Promise<Patch>, edit: (base: number, from: number, to: number, text: string) => Promise<Patch>, editNow: (base: number, from: number, to: number, text: string) => Patch | null}} backend
   * @param {(counts: {chars:number, words:number, reading_minutes:number}) => void} onCounts
   */
  constructor(element, backend, onCounts) {
    this.element = element;
    this.backend = backend;
    this.onCounts = onCounts;
    /** The text Rust has (a CodeMirror Text), its version, and the editor's text now. */
    this.synced = null;
    this.version = null;
    this.doc = null;
    /** Changes from `synced` to `doc` not yet sent (a CodeMirror ChangeSet). */
    this.changes = null;
    this.running = false;
    /** Who waits for `drawn`. */
    this.whenDrawn = [];
    /** Keystrokes not yet painted: {sequence, start, frame (the editor's, once painted)}. */
    this.keys = [];
    this.sequence = 0;
    /** @type {Block[]} every block of the draft, in order */
    this.blocks = [];
    /** Prefix sums of the blocks' heights (null when a height changed). */
    this.offsets = null;
    /** Measured pixels and HTML characters so far, for estimating blocks not yet drawn. */
    this.measuredPx = 0;
    this.measuredChars = 0;
    this.topSpacer = spacer();
    this.bottomSpacer = spacer();
    this.width = 0;
    /** Where the first block begins within the pane (its top padding), read when measuring. */
    this.origin = 0;
    /**
     * Told of every change to the blocks: `(start, removed, added HTML)` (a second view of them,
     * the blog's look, follows it).
     * @type {((start: number, removed: number, added: string[]) => void) | null}
     */
    this.onSplice = null;
    this.clear();

    element.addEventListener("scroll", () => this.draw());
    // A new width re-wraps every block: all heights are measured again.
    new ResizeObserver(() => {
      if (element.clientWidth !== this.width) {
        this.width = element.clientWidth;
        for (const b of this.blocks) b.height = null;
        this.offsets = null;
      }
      this.draw();
    }).observe(element);
    // An image that loads changes its block's height.
    element.addEventListener("load", () => this.draw(), true);
    // Links in the preview must never navigate the app's own window away.
    element.addEventListener("click", (event) => {
      const link = event.target instanceof Element ? event.target.closest("a[href]") : null;
      if (!link) return;
      event.preventDefault();
      const href = link.getAttribute("href");
      if (href.startsWith("#")) this.reveal(decodeURIComponent(href.slice(1)));
    });
  }

  /** Shows another text (a draft opened): rendered afresh. */
  load(doc) {
    this.doc = doc;
    this.synced = null;
    this.changes = null;
    this.keys = [];
    this.pump();
  }

  /**
   * The version at which Rust holds `doc`, the editor's text; null while an edit is on its way
   * or not yet sent.
   * @param {import("@codemirror/state").Text} doc
   */
  versionOf(doc) {
    return this.synced === doc && !this.changes && !this.running ? this.version : null;
  }

  /** Takes an editor update that changed the text. */
  change(update) {
    this.doc = update.state.doc;
    if (this.synced) this.changes = this.changes ? this.changes.compose(update.changes) : update.changes;
    const key = { sequence: ++this.sequence, start: performance.now(), frame: null };
    requestAnimationFrame((time) => (key.frame = time));
    this.keys.push(key);
    if (!this.editNow()) this.pump();
  }

  /**
   * Applies the editor's changes at once when Rust can (see the top); false leaves them to
   * `pump`. Only when nothing is in flight, so edits stay in order.
   */
  editNow() {
    if (this.running || !this.synced || this.version === null || !this.changes) return false;
    const doc = this.doc;
    const edit = this.lineEdit(doc);
    if (!edit) return false;
    const start = performance.now();
    let patch;
    try {
      patch = this.backend.editNow(this.version, edit.from, edit.to, edit.text);
    } catch (error) {
      if (error?.code === "preview_out_of_step") this.synced = null;
      return false;
    }
    if (!patch) return false;
    performance.measure("fumi-preview-wait", { start });
    this.synced = doc;
    this.changes = null;
    this.apply(patch);
    this.painted(this.sequence);
    return true;
  }

  /**
   * Shows `doc` from a preview Rust opened without being asked (the window's first screen) of
   * `text`, answering `patch`; false (nothing done) when that is not `doc`'s text or an answer
   * is awaited.
   * @param {import("@codemirror/state").Text} doc
   * @param {string} text
   * @param {Patch} patch
   */
  adopt(doc, text, patch) {
    if (this.running || doc.length !== text.length || doc.toString() !== text) return false;
    this.doc = doc;
    this.synced = doc;
    this.changes = null;
    this.keys = [];
    this.clear();
    startMark("preview-answered");
    this.apply(patch);
    startMark("preview-drawn");
    return true;
  }

  /** Resolves once Rust's answers to every change so far are drawn (or failed). */
  drawn() {
    return this.running ? new Promise((resolve) => this.whenDrawn.push(resolve)) : Promise.resolve();
  }

  async pump() {
    if (this.running) return;
    this.running = true;
    try {
      while (this.doc && (this.synced === null || this.changes)) {
        const doc = this.doc;
        const sequence = this.sequence;
        let patch;
        const opening = this.synced === null || this.version === null;
        try {
          patch = opening ? await this.open(doc) : await this.edit(doc);
        } catch (error) {
          if (error?.code === "preview_out_of_step") {
            this.synced = null;
            continue;
          }
          this.clear();
          this.element.append(error?.message ?? String(error));
          this.synced = doc;
          this.changes = null;
          // Rust's copy is not this text: nothing may read it by version (see `versionOf`).
          this.version = null;
          continue;
        }
        if (opening) startMark("preview-answered");
        this.apply(patch);
        if (opening) startMark("preview-drawn");
        this.painted(sequence);
      }
    } finally {
      this.running = false;
      for (const resolve of this.whenDrawn.splice(0)) resolve();
    }
  }

  open(doc) {
    this.changes = null;
    this.synced = doc;
    this.clear();
    return this.backend.open(doc.toString());
  }

  /** Sends the composed changes as one line edit. */
  edit(doc) {
    const edit = this.lineEdit(doc);
    this.changes = null;
    this.synced = doc;
    return edit ? this.backend.edit(this.version, edit.from, edit.to, edit.text) : Promise.resolve(null);
  }

  /** The changes from `synced` to `doc` as one line edit: old lines [from, to) become `text`. */
  lineEdit(doc) {
    let fromA = Infinity, toA = -1, fromB = Infinity, toB = -1;
    this.changes.iterChangedRanges((a0, a1, b0, b1) => {
      fromA = Math.min(fromA, a0);
      toA = Math.max(toA, a1);
      fromB = Math.min(fromB, b0);
      toB = Math.max(toB, b1);
    });
    if (toA < 0) return null;
    const old = this.synced;
    return {
      from: old.lineAt(fromA).number - 1,
      to: old.lineAt(toA).number,
      text: doc.sliceString(doc.lineAt(fromB).from, doc.lineAt(toB).to),
    };
  }

  /** No blocks: the pane holds only its two spacers. */
  clear() {
    this.onSplice?.(0, this.blocks?.length ?? 0, []);
    this.blocks = [];
    this.offsets = null;
    this.topSpacer.style.height = this.bottomSpacer.style.height = "0px";
    this.element.replaceChildren(this.topSpacer, this.bottomSpacer);
  }

  /** Replaces the blocks the patch names; the blocks after them move by its line delta. */
  apply(patch) {
    if (!patch) return;
    this.version = patch.version;
    const { start, removed } = patch;
    for (let i = start; i < start + removed; i++) this.blocks[i].el?.remove();
    const added = patch.blocks.map((b) => ({ html: b.html, line: b.line, lines: b.lines, height: null, el: null }));
    this.blocks.splice(start, removed, ...added);
    this.onSplice?.(start, removed, patch.blocks.map((b) => b.html));
    if (patch.line_delta) {
      for (let i = start + added.length; i < this.blocks.length; i++) this.blocks[i].line += patch.line_delta;
    }
    if (patch.note) this.applyNote(patch.note);
    this.offsets = null;
    this.draw();
    this.onCounts(patch.counts);
  }

  /**
   * Redraws one entry of the footnotes section in place: a long draft's section is hundreds of
   * kilobytes, and only the entry whose definition was edited changed.
   * @param {import("./bindings.ts").NotePatch} note
   */
  applyNote(note) {
    const b = this.blocks[note.block];
    b.html = b.html.slice(0, note.at) + note.html + b.html.slice(note.at + note.len);
    b.line = note.line;
    b.lines = note.lines;
    if (b.el) {
      // Found by its place, when the list shows one item per entry (raw HTML in a footnote may
      // close or open items); else the block is drawn again from its HTML.
      const items = b.el.querySelector(":scope > section.footnotes > ol")?.children;
      if (items?.length === note.count) items[note.index].outerHTML = note.html.trimEnd();
      else b.el.innerHTML = b.html;
    }
    this.onSplice?.(note.block, 1, [b.html]);
  }

  /** Every block's HTML, in order. */
  get html() {
    return this.blocks.map((b) => b.html);
  }

  /** How many blocks the draft has. */
  get count() {
    return this.blocks.length;
  }

  /** Block `i`'s [first source line, line count]. */
  lines(i) {
    const b = this.blocks[i];
    return [b.line, b.lines];
  }

  /** Where block `i` begins within the pane (its scroll coordinates); `count` is the end. */
  top(i) {
    if (!this.offsets) {
      const estimate = this.measuredChars ? this.measuredPx / this.measuredChars : FIRST_PX_PER_CHAR;
      const offsets = new Float64Array(this.blocks.length + 1);
      for (let k = 0; k < this.blocks.length; k++) {
        const b = this.blocks[k];
        offsets[k + 1] = offsets[k] + (b.height ?? Math.round(b.html.length * estimate));
      }
      this.offsets = offsets;
    }
    return this.origin + this.offsets[Math.max(0, Math.min(i, this.blocks.length))];
  }

  /** Block `i`'s height (measured, or estimated until drawn). */
  height(i) {
    return this.top(i + 1) - this.top(i);
  }

  /** The last block that begins at or above `y`, or -1. */
  indexAt(y) {
    let lo = 0, hi = this.blocks.length - 1, found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (this.top(mid) <= y) (found = mid), (lo = mid + 1);
      else hi = mid - 1;
    }
    return found;
  }

  /**
   * Puts in the DOM the blocks near the visible part and only those, measures them, and keeps
   * the block at the pane's top in place if heights above it changed.
   */
  draw() {
    const pane = this.element;
    const view = pane.clientHeight;
    // A hidden pane has nothing to show and nothing to measure; it is drawn when shown.
    if (!view || !this.blocks.length) return;
    for (let round = 0; round < 3; round++) {
      const y = pane.scrollTop;
      const anchor = Math.max(0, this.indexAt(y));
      const anchorOffset = y - this.top(anchor);
      const first = Math.max(0, this.indexAt(y - OVERSCAN * view));
      const end = Math.min(this.blocks.length, this.indexAt(y + (1 + OVERSCAN) * view) + 1);
      this.show(first, end);
      if (!this.measure(first, end)) return;
      const top = this.top(anchor) + anchorOffset;
      if (Math.abs(top - pane.scrollTop) >= 1) pane.scrollTop = top;
    }
  }

  /** Leaves exactly blocks `first .. end` in the DOM, in order, between the spacers. */
  show(first, end) {
    for (let i = 0; i < this.blocks.length; i++) {
      const b = this.blocks[i];
      if (b.el && (i < first || i >= end)) {
        b.el.remove();
        b.el = null;
      }
    }
    /** @type {HTMLElement} */
    let previous = this.topSpacer;
    for (let i = first; i < end; i++) {
      const b = this.blocks[i];
      if (!b.el) {
        b.el = document.createElement("div");
        b.el.className = "block";
        b.el.innerHTML = b.html;
      }
      b.el.classList.toggle("first", i === 0);
      if (previous.nextSibling !== b.el) previous.after(b.el);
      previous = b.el;
    }
    this.topSpacer.style.height = `${this.top(first) - this.top(0)}px`;
    this.bottomSpacer.style.height = `${this.top(this.blocks.length) - this.top(end)}px`;
  }

  /** Measures blocks `first .. end` as drawn; answers whether any height changed. */
  measure(first, end) {
    let changed = this.origin !== this.topSpacer.offsetTop;
    this.origin = this.topSpacer.offsetTop;
    // In the whole preview the first drawn block's top margin would collapse into the block
    // above; the spacer keeps it whole. Taken out of the spacer, the block sits where its top
    // says.
    if (first > 0) {
      const margin = this.blocks[first].el.offsetTop - (this.origin + this.topSpacer.offsetHeight);
      if (margin > 0) this.topSpacer.style.height = `${Math.max(0, this.top(first) - this.top(0) - margin)}px`;
    }
    for (let i = first; i < end; i++) {
      const b = this.blocks[i];
      const next = i + 1 < end ? this.blocks[i + 1].el : this.bottomSpacer;
      const height = next.offsetTop - b.el.offsetTop;
      if (b.height === height) continue;
      if (b.height === null) {
        this.measuredPx += height;
        this.measuredChars += b.html.length;
      }
      b.height = height;
      changed = true;
    }
    if (changed) this.offsets = null;
    return changed;
  }

  /** Scrolls the element with this id (a footnote, a heading) to the pane's top. */
  reveal(id) {
    const escaped = { "&": "&amp;", '"': "&quot;", "<": "&lt;", ">": "&gt;" };
    const needle = `id="${id.replace(/[&"<>]/g, (c) => escaped[c])}"`;
    const i = this.blocks.findIndex((b) => b.html.includes(needle));
    if (i < 0) return;
    this.element.scrollTop = this.top(i);
    this.draw();
    this.blocks[i].el?.querySelector(`[id="${CSS.escape(id)}"]`)?.scrollIntoView({ block: "start" });
  }

  /** Records how long each keystroke up to `sequence` took to show (see the top). */
  painted(sequence) {
    const shown = this.keys.filter((k) => k.sequence <= sequence);
    this.keys = this.keys.filter((k) => k.sequence > sequence);
    if (!shown.length) return;
    const ready = performance.now();
    for (const { start } of shown) performance.measure("fumi-preview-ready", { start, end: ready });
    requestAnimationFrame((time) => {
      const end = performance.now();
      for (const { start, frame } of shown) {
        performance.measure("fumi-preview", { start, end });
        performance.measure("fumi-preview-lag", { start: frame ?? time, end: time });
      }
      if (performance.getEntriesByName("fumi-preview").length > KEEP_MEASURES) {
        for (const name of ["fumi-preview-ready", "fumi-preview", "fumi-preview-lag", "fumi-preview-wait"]) {
          performance.clearMeasures(name);
        }
      }
    });
  }
}

/** An empty box standing for blocks not drawn. */
function spacer() {
  const el = document.createElement("div");
  el.className = "spacer";
  el.setAttribute("aria-hidden", "true");
  return el;
}
