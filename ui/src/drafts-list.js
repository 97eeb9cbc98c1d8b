// The sidebar: drafts (or search results, or the trash), newest first.

import { api } from "./api.js";
import { formatWhen, t } from "./i18n.js";

export class DraftsList {
  constructor({ listEl, headingEl, emptyEl, trashToggle, onOpen, onTrash, onRestore, onPurge, onError }) {
    Object.assign(this, { listEl, headingEl, emptyEl, trashToggle, onOpen, onTrash, onRestore, onPurge, onError });
    this.showingTrash = false;
    this.query = "";
    this.items = [];
    this.selected = null;
    this.trashCount = 0;
    trashToggle.addEventListener("click", () => {
      this.showingTrash = !this.showingTrash;
      this.refresh();
    });
  }

  leaveTrash() {
    this.showingTrash = false;
  }

  first() {
    return this.showingTrash ? null : this.items[0] ?? null;
  }

  /** Reloads the list from the database. */
  async refresh() {
    try {
      const trash = await api.listTrash();
      this.trashCount = trash.length;
      if (this.showingTrash) this.items = trash;
      else this.items = this.query.trim() ? await api.search(this.query) : await api.listDrafts();
    } catch (error) {
      this.onError(error);
      return;
    }
    this.render();
  }

  render() {
    this.headingEl.textContent = this.showingTrash
      ? t.trash
      : this.query.trim() ? t.searchResults(this.items.length) : t.drafts;
    this.trashToggle.textContent = this.showingTrash ? t.backToDrafts : t.showTrash(this.trashCount);
    this.emptyEl.hidden = this.items.length > 0;
    this.emptyEl.textContent = this.showingTrash ? t.trashEmpty : this.query.trim() ? t.noResults : t.noDrafts;
    this.listEl.replaceChildren(...this.items.map((d) => this.itemElement(d)));
  }

  itemElement(draft) {
    const li = document.createElement("li");
    li.className = "draft-item";
    li.dataset.id = draft.id;
    li.setAttribute("role", "option");
    li.setAttribute("aria-selected", String(draft.id === this.selected));
    const title = document.createElement("div");
    title.className = "draft-title";
    const excerpt = document.createElement("div");
    excerpt.className = "draft-excerpt";
    const when = document.createElement("time");
    when.className = "draft-when";
    li.append(title, excerpt, when);
    this.fill(li, draft);

    const actions = document.createElement("div");
    actions.className = "draft-actions";
    const button = (label, cls, handler) => {
      const b = document.createElement("button");
      b.type = "button";
      b.className = `icon-button ${cls}`;
      b.title = label;
      b.setAttribute("aria-label", label);
      b.addEventListener("click", (event) => {
        event.stopPropagation();
        handler(this.items.find((d) => d.id === draft.id) ?? draft);
      });
      actions.append(b);
    };
    if (this.showingTrash) {
      button(t.restore, "restore", this.onRestore);
      button(t.deleteForever, "purge", this.onPurge);
    } else {
      button(t.moveToTrash, "trash", this.onTrash);
      li.addEventListener("click", () => this.onOpen(draft.id));
    }
    li.append(actions);
    return li;
  }

  fill(li, draft) {
    li.querySelector(".draft-title").textContent = draft.title || t.untitled;
    li.querySelector(".draft-title").classList.toggle("untitled", !draft.title);
    li.querySelector(".draft-excerpt").textContent = draft.excerpt;
    const when = li.querySelector(".draft-when");
    const at = draft.deleted_at ?? draft.updated_at;
    when.textContent = formatWhen(at);
    when.dateTime = new Date(at).toISOString();
  }

  /** Marks the open draft. */
  select(id) {
    this.selected = id;
    for (const li of this.listEl.children) li.setAttribute("aria-selected", String(Number(li.dataset.id) === id));
  }

  /** Shows a just-saved draft's new title, excerpt and time, moving it to the top. */
  updateItem(summary) {
    const index = this.items.findIndex((d) => d.id === summary.id);
    if (index < 0 || this.showingTrash) return;
    this.items.splice(index, 1);
    this.items.unshift(summary);
    const li = this.listEl.querySelector(`li[data-id="${summary.id}"]`);
    if (!li) return;
    this.fill(li, summary);
    if (!this.query.trim() && this.listEl.firstElementChild !== li) this.listEl.prepend(li);
  }
}
