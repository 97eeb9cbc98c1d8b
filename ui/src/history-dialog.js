// A draft's history: its revisions (newest first), the chosen one against the text now, and
// "Restore this version" (the text it replaces stays in the history).

import { api } from "./api.js";
import { formatWhen, t } from "./i18n.js";
import { modal } from "./dialogs.js";
import { byId, byIdAs } from "./dom.js";


export class HistoryDialog {
  /**
   * `flush()` saves what is typed first; `onRestored(draft)` shows the restored text.
   */
  constructor({ flush, onRestored }) {
    this.flush = flush;
    this.onRestored = onRestored;
    this.el = modal("history-dialog");
    this.draftId = null;
    this.chosen = null;
    byId("history-close").addEventListener("click", () => this.close());
    byId("history-restore").addEventListener("click", () => this.restore());
  }

  close() {
    this.el.close();
  }

  say(text) {
    byId("history-message").textContent = text;
  }

  async open(draftId) {
    this.draftId = draftId;
    this.chosen = null;
    this.say("");
    byIdAs("history-restore", HTMLButtonElement).disabled = true;
    byId("revision-diff").replaceChildren();
    const list = byId("revision-list");
    list.replaceChildren();
    if (!this.el.open) this.el.showModal();
    try {
      await this.flush();
      const revisions = await api.listRevisions(draftId);
      if (!revisions.length) this.say(t.noRevisions);
      for (const revision of revisions) {
        const li = document.createElement("li");
        li.className = "revision";
        li.dataset.id = String(revision.id);
        li.setAttribute("role", "option");
        li.tabIndex = 0;
        const when = document.createElement("span");
        when.className = "revision-when";
        when.textContent = formatWhen(revision.edited_at);
        when.title = new Date(revision.edited_at).toLocaleString();
        const size = document.createElement("span");
        size.className = "revision-size";
        size.textContent = t.chars({ count: revision.chars });
        const title = document.createElement("span");
        title.className = "revision-title";
        title.textContent = revision.title || t.untitled;
        li.append(when, size, title);
        li.addEventListener("click", () => this.choose(revision.id));
        li.addEventListener("keydown", (event) => event.key === "Enter" && this.choose(revision.id));
        list.append(li);
      }
      list.querySelector("li")?.focus();
    } catch (error) {
      this.say(error.message);
    }
  }

  async choose(revisionId) {
    this.chosen = revisionId;
    for (const li of byId("revision-list").children) {
      li.setAttribute("aria-selected", String(li.getAttribute("data-id") === String(revisionId)));
    }
    try {
      const diff = await api.revisionDiff(this.draftId, revisionId);
      const pane = byId("revision-diff");
      const rows = [];
      if (diff.revision_title !== diff.current_title) {
        rows.push(diffLine("removed", [[true, diff.revision_title]]), diffLine("added", [[true, diff.current_title]]));
      }
      for (const l of diff.lines) rows.push(diffLine(l.change, l.pieces));
      if (diff.lines.every((l) => l.change === "same") && diff.revision_title === diff.current_title) this.say(t.sameAsNow);
      else this.say("");
      pane.replaceChildren(...rows);
      byIdAs("history-restore", HTMLButtonElement).disabled = false;
    } catch (error) {
      this.say(error.message);
    }
  }

  async restore() {
    if (this.chosen == null) return;
    try {
      await this.flush();
      const draft = await api.restoreRevision(this.draftId, this.chosen);
      this.close();
      await this.onRestored(draft);
    } catch (error) {
      this.say(error.message);
    }
  }
}

/** One diff line (removed, added or the same), what differs within it marked. */
export function diffLine(change, pieces) {
  const div = document.createElement("div");
  div.className = "diff-line";
  div.dataset.change = change;
  for (const [changed, text] of pieces) {
    const span = document.createElement(changed && change !== "same" ? "mark" : "span");
    span.textContent = text;
    div.append(span);
  }
  if (!pieces.length) div.append("\u200b");
  return div;
}
