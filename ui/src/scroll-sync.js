// Scrolls the editor and the preview together by source line, both ways. The pane the author
// scrolls leads and the other follows; a follower's own scroll events are ignored until the
// author has stopped for a moment, so the two never chase each other.

/** How long after the author's last scroll the other pane may lead again. */
const LEAD_MS = 200;

/**
 * @param {import("@codemirror/view").EditorView} view the editor
 * @param {HTMLElement} pane the preview pane
 * @param {import("./preview.js").Preview} preview its blocks: source lines, tops and heights
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

  /** The last block that begins at or before source line `line` (fractional), or -1. */
  const blockAtLine = (line) => {
    let lo = 0, hi = preview.count - 1, found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (preview.lines(mid)[0] <= line) (found = mid), (lo = mid + 1);
      else hi = mid - 1;
    }
    return found;
  };

  view.scrollDOM.addEventListener("scroll", () => {
    if (!lead("editor")) return;
    const doc = view.state.doc;
    const y = view.scrollDOM.scrollTop - documentOrigin();
    const top = view.lineBlockAtHeight(y);
    const lineNumber = doc.lineAt(top.from).number - 1;
    const within = top.height ? (y - top.top) / top.height : 0;
    const line = lineNumber + Math.max(0, Math.min(within, 1));
    const found = blockAtLine(line);
    if (found < 0) {
      pane.scrollTop = 0;
      return;
    }
    const [start, count] = preview.lines(found);
    const fraction = Math.max(0, Math.min((line - start) / Math.max(count, 1), 1));
    pane.scrollTop = preview.top(found) + fraction * preview.height(found);
  });

  pane.addEventListener("scroll", () => {
    if (!lead("preview")) return;
    const y = pane.scrollTop;
    const found = preview.indexAt(y);
    const doc = view.state.doc;
    if (found < 0) {
      view.scrollDOM.scrollTop = 0;
      return;
    }
    const [start, count] = preview.lines(found);
    const height = preview.height(found);
    const fraction = height ? Math.max(0, Math.min((y - preview.top(found)) / height, 1)) : 0;
    const line = Math.min(doc.lines, Math.floor(start + fraction * count) + 1);
    view.scrollDOM.scrollTop = view.lineBlockAt(doc.line(line).from).top + documentOrigin();
  });
}
