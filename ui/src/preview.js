// Keeps the preview in step with the editor: at most one render in flight, and after it the
// newest text only, so fast typing never queues up stale renders.

export class Preview {
  /**
   * @param {HTMLElement} element the preview pane
   * @param {(markdown: string) => Promise<{html: string, counts: {chars:number, words:number}}>} render
   * @param {(counts: {chars:number, words:number}) => void} onCounts
   */
  constructor(element, render, onCounts) {
    this.element = element;
    this.render = render;
    this.onCounts = onCounts;
    this.next = null;
    this.running = false;
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

  /** Asks for the preview of this text. */
  update(markdown) {
    this.next = markdown;
    if (!this.running) this.pump();
  }

  async pump() {
    this.running = true;
    try {
      while (this.next !== null) {
        const markdown = this.next;
        this.next = null;
        try {
          const { html, counts } = await this.render(markdown);
          this.element.innerHTML = html;
          this.onCounts(counts);
        } catch (error) {
          this.element.textContent = error.message ?? String(error);
        }
      }
    } finally {
      this.running = false;
    }
  }
}
