// Scrolls the editor and the preview together by source line, both ways. The pane the author
// scrolls leads and the other follows; a follower's own scroll events are ignored until the
// author has stopped for a moment, so the two never chase each other.

/** How long after the author's last scroll the other pane may lead again. */
const LEAD_MS = 200;

/**
 * @param {import("@codemirror/view").EditorView} view the editor
 * @param {HTMLElement} pane the preview pane (positioned: blocks' offsetTop are within it)
 * @param {{blockLines: [number, number][]}} preview [first line, line count] per block
 */
export function syncScroll(view, pane, preview) {
  let leader = null;
  let timer = null;
  const lead = (who) => {
    if (leader && leader !== who) return false;
    leader = who;
    clearTimeout(timer);
    timer = setTimeout(() => (leader = null), LEAD_MS);
    return true;
  };

  /** Where CodeMirror's heights start within the scroller (below its paddings). */
  const documentOrigin = () =>
    view.documentTop - view.scrollDOM.getBoundingClientRect().top + view.scrollDOM.scrollTop;

  /** The last of `n` blocks for which `atOrBefore(i)` holds (they hold for a prefix), or -1. */
  const lastBlock = (n, atOrBefore) => {
    let lo = 0, hi = n - 1, found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (atOrBefore(mid)) (found = mid), (lo = mid + 1);
      else hi = mid - 1;
    }
    return found;
  };

  /** The element a block draws (blocks are boxless wrappers). */
  const blockElement = (i) => pane.children[i]?.firstElementChild ?? null;

  view.scrollDOM.addEventListener("scroll", () => {
    if (!lead("editor")) return;
    const doc = view.state.doc;
    const y = view.scrollDOM.scrollTop - documentOrigin();
    const top = view.lineBlockAtHeight(y);
    const lineNumber = doc.lineAt(top.from).number - 1;
    const within = top.height ? (y - top.top) / top.height : 0;
    const line = lineNumber + Math.max(0, Math.min(within, 1));
    const lines = preview.blockLines;
    const found = lastBlock(lines.length, (i) => lines[i][0] <= line);
    if (found < 0) {
      pane.scrollTop = 0;
      return;
    }
    const el = blockElement(found);
    if (!el) return;
    const [start, count] = lines[found];
    const fraction = Math.max(0, Math.min((line - start) / Math.max(count, 1), 1));
    pane.scrollTop = el.offsetTop + fraction * el.offsetHeight;
  });

  pane.addEventListener("scroll", () => {
    if (!lead("preview")) return;
    const y = pane.scrollTop;
    const found = lastBlock(pane.children.length, (i) => {
      const el = blockElement(i);
      return el !== null && el.offsetTop <= y;
    });
    const doc = view.state.doc;
    if (found < 0 || !preview.blockLines[found]) {
      view.scrollDOM.scrollTop = 0;
      return;
    }
    const el = blockElement(found);
    const [start, count] = preview.blockLines[found];
    const fraction = el.offsetHeight ? Math.max(0, Math.min((y - el.offsetTop) / el.offsetHeight, 1)) : 0;
    const line = Math.min(doc.lines, Math.floor(start + fraction * count) + 1);
    view.scrollDOM.scrollTop = view.lineBlockAt(doc.line(line).from).top + documentOrigin();
  });
}
