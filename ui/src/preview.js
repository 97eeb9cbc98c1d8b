// Keeps the preview in step with the editor without ever holding up typing. Rust holds the
// text and its rendering as blocks (render::live); the editor's changes go over as line
// edits, and only the blocks they change come back and are repainted. At most one request is
// in flight; edits made meanwhile are composed and sent together.
//
// Each keystroke's time to the painted preview is recorded as a `fumi-preview` performance
// measure (the benchmark reads them).

/** How many keystroke measures are kept. */
const KEPT_MEASURES = 5000;

export class Preview {
  /**
   * @param {HTMLElement} element the preview pane
   * @param {{open: (text: string) => Promise<Patch>, edit: (base: number, from: number, to: number, text: string) => Promise<Patch>}} backend
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
    /** Keystrokes not yet painted: [sequence, time]. */
    this.keys = [];
    this.sequence = 0;
    /** [first line, line count] of each block, in order (for scroll sync). */
    this.blockLines = [];
    // Links in the preview must never navigate the app's own window away.
    element.addEventListener("click", (event) => {
      const link = event.target.closest?.("a[href]");
      if (!link) return;
      event.preventDefault();
      const href = link.getAttribute("href");
      if (href.startsWith("#")) {
        const target = element.querySelector(`[id="${CSS.escape(decodeURIComponent(href.slice(1)))}"]`);
        target?.scrollIntoView({ block: "start", behavior: "smooth" });
      }
    });
  }

  /** Shows another text (a draft opened): drawn whole. */
  load(doc) {
    this.doc = doc;
    this.synced = null;
    this.changes = null;
    this.keys = [];
    this.pump();
  }

  /** Takes an editor update that changed the text. */
  change(update) {
    this.doc = update.state.doc;
    if (this.synced) this.changes = this.changes ? this.changes.compose(update.changes) : update.changes;
    this.keys.push([++this.sequence, performance.now()]);
    this.pump();
  }

  async pump() {
    if (this.running) return;
    this.running = true;
    try {
      while (this.doc && (this.synced === null || this.changes)) {
        const doc = this.doc;
        const sequence = this.sequence;
        let patch;
        try {
          patch = this.synced === null || this.version === null ? await this.open(doc) : await this.edit(doc);
        } catch (error) {
          if (error?.code === "preview_out_of_step") {
            this.synced = null;
            continue;
          }
          this.element.textContent = error?.message ?? String(error);
          this.synced = doc;
          this.changes = null;
          continue;
        }
        this.apply(patch);
        this.painted(sequence);
      }
    } finally {
      this.running = false;
    }
  }

  open(doc) {
    this.changes = null;
    this.synced = doc;
    this.element.replaceChildren();
    this.blockLines = [];
    return this.backend.open(doc.toString());
  }

  /** Sends the composed changes as one line edit: old lines [from, to) become `text`. */
  edit(doc) {
    let fromA = Infinity, toA = -1, fromB = Infinity, toB = -1;
    this.changes.iterChangedRanges((a0, a1, b0, b1) => {
      fromA = Math.min(fromA, a0);
      toA = Math.max(toA, a1);
      fromB = Math.min(fromB, b0);
      toB = Math.max(toB, b1);
    });
    const old = this.synced;
    this.changes = null;
    this.synced = doc;
    if (toA < 0) return Promise.resolve(null);
    const from = old.lineAt(fromA).number - 1;
    const to = old.lineAt(toA).number;
    const text = doc.sliceString(doc.lineAt(fromB).from, doc.lineAt(toB).to);
    return this.backend.edit(this.version, from, to, text);
  }

  /** Replaces the blocks the patch names; the blocks after them move by its line delta. */
  apply(patch) {
    if (!patch) return;
    this.version = patch.version;
    const { start, removed } = patch;
    const children = this.element.children;
    const before = children[start + removed] ?? null;
    for (let i = 0; i < removed; i++) children[start].remove();
    for (const b of patch.blocks) {
      const div = document.createElement("div");
      div.className = "block";
      div.innerHTML = b.html;
      this.element.insertBefore(div, before);
    }
    // The source lines of each block, kept here rather than in the DOM: a line added near the
    // top of a long draft moves thousands of blocks, which must not cost a DOM write each.
    this.blockLines.splice(start, removed, ...patch.blocks.map((b) => [b.line, b.lines]));
    if (patch.line_delta) {
      for (let i = start + patch.blocks.length; i < this.blockLines.length; i++) this.blockLines[i][0] += patch.line_delta;
    }
    this.onCounts(patch.counts);
  }

  /** Records, at the next frame, how long each keystroke up to `sequence` took to show. */
  painted(sequence) {
    const shown = this.keys.filter(([s]) => s <= sequence);
    this.keys = this.keys.filter(([s]) => s > sequence);
    if (!shown.length) return;
    requestAnimationFrame(() => {
      const end = performance.now();
      for (const [, start] of shown) performance.measure("fumi-preview", { start, end });
      if (performance.getEntriesByName("fumi-preview").length > KEPT_MEASURES) performance.clearMeasures("fumi-preview");
    });
  }
}
