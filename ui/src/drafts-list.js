// The sidebar: the library (search, filters by status, blog and tag, two orders) or the trash.

import { api } from "./api.js";
import { formatWhen, t } from "./i18n.js";

/** Rows drawn at once; more are drawn as the author scrolls near the end (10,000 drafts stay quick). */
const PAGE = 200;

export class DraftsList {
  constructor({ listEl, headingEl, emptyEl, trashToggle, filterEls, onOpen, onTrash, onRestore, onPurge, onError }) {
    this.listEl = listEl;
    this.headingEl = headingEl;
    this.emptyEl = emptyEl;
    this.trashToggle = trashToggle;
    this.filterEls = filterEls;
    this.onOpen = onOpen;
    this.onTrash = onTrash;
    this.onRestore = onRestore;
    this.onPurge = onPurge;
    this.onError = onError;
    this.showingTrash = false;
    this.query = "";
    this.filters = { status: null, blog: null, tag: null, sort: "updated" };
    /** The rows asked of Rust so far (the library comes a page at a time), and where the next page begins. */
    this.items = [];
    this.next = null;
    /** The query those rows answer, which the next page asks again. */
    this.asked = null;
    /** How many rows the search finds, once Rust has counted them. */
    this.total = null;
    /** Counts refreshes, so an answer to an older one is dropped; `shown` is the refresh the
     * rows come from, `loading` the one whose next page is being asked. */
    this.generation = 0;
    this.shown = 0;
    this.loading = null;
    this.drawn = 0;
    /** Per draft, its latest question "does it match?" (numbered by `asks`). */
    this.saves = new Map();
    this.asks = 0;
    /** Drafts saved after the newest refresh was asked, newest last: its answer may have been
     * read before their saves, so they are placed again once it is drawn (and counted). */
    this.savedSince = new Map();
    this.selected = null;
    this.trashCount = 0;
    this.blogs = [];
    trashToggle.addEventListener("click", () => {
      this.showingTrash = !this.showingTrash;
      this.refresh();
    });
    for (const [key, select] of Object.entries(filterEls)) {
      select.addEventListener("change", () => {
        this.filters[key] = select.value === "" ? null : key === "blog" ? Number(select.value) : select.value;
        this.refresh();
      });
    }
    // The rows after the first page are drawn when the end of the list comes into view.
    this.sentinel = document.createElement("li");
    this.sentinel.className = "drafts-more";
    this.sentinel.setAttribute("aria-hidden", "true");
    this.observer = new IntersectionObserver((entries) => {
      if (entries.some((e) => e.isIntersecting)) this.drawMore();
    }, { root: listEl, rootMargin: "400px" });
  }

  leaveTrash() {
    this.showingTrash = false;
  }

  first() {
    return this.showingTrash ? null : this.items[0] ?? null;
  }

  /** Whether the list shows less than every draft, newest saved first. */
  narrowed() {
    const f = this.filters;
    return Boolean(this.query.trim() || f.status || f.blog || f.tag);
  }

  /**
   * Asks Rust for what the list shows (the trash, the tags and blogs to filter by, the first
   * page and a search's count); `refresh` draws the answers.
   */
  ask() {
    const generation = this.nextGeneration();
    const query = this.listQuery();
    // A search's count reads every match; its first page is drawn without waiting for it.
    const counted = !this.showingTrash && this.narrowed() ? api.libraryCount(query) : null;
    // The drafts view needs only the trash's count; the trash view, the trash itself.
    const shown = this.showingTrash
      ? api.listTrash().then((trash) => ({ trashCount: trash.length, items: trash, next: null }))
      : Promise.all([api.trashCount(), api.libraryPage(query, null)]).then(([trashCount, page]) => ({ trashCount, items: page.drafts, next: page.next }));
    const answers = Promise.all([shown, api.listTags(), api.listBlogs()]).then(([list, tags, blogs]) => ({ ...list, tags, blogs }));
    // Answers never drawn (a newer refresh came first) fail quietly.
    counted?.catch(() => {});
    answers.catch(() => {});
    return { generation, query, counted, answers };
  }

  /** The library as the window's first screen (`api.startWindow`) brought it, for `refresh`. */
  answered(screen) {
    const answers = { trashCount: screen.trash, items: screen.library.drafts, next: screen.library.next, tags: screen.tags, blogs: screen.blogs };
    return { generation: this.nextGeneration(), query: this.listQuery(), counted: null, answers: Promise.resolve(answers) };
  }

  /** Numbers a new refresh; the drafts saved before it are in its answer. */
  nextGeneration() {
    this.savedSince.clear();
    return ++this.generation;
  }

  /** The library query the search box and the filters make. */
  listQuery() {
    return { text: this.query, ...this.filters };
  }

  /** Reloads the list (and the tags and blogs to filter by) from the database. */
  async refresh({ generation, query, counted, answers } = this.ask()) {
    try {
      const { trashCount, items, next, tags, blogs } = await answers;
      if (generation !== this.generation) return;
      this.shown = generation;
      this.trashCount = trashCount;
      this.items = items;
      this.next = next;
      this.total = this.next ? null : this.items.length;
      this.asked = query;
      this.blogs = blogs;
      this.fillFilters(tags, blogs);
    } catch (error) {
      if (generation === this.generation) this.onError(error);
      return;
    }
    this.render();
    // Saves the answer may predate are placed again, after the count it came with (which
    // predates them too).
    const placeSaved = () => {
      if (generation !== this.generation) return;
      const saved = [...this.savedSince.values()];
      this.savedSince.clear();
      for (const summary of saved) this.updateItem(summary);
    };
    if (!counted) {
      placeSaved();
      return;
    }
    counted.then(
      (total) => {
        if (generation !== this.generation) return;
        this.total = total;
        this.renderHeading();
        placeSaved();
      },
      (error) => {
        if (generation !== this.generation) return;
        this.onError(error);
        placeSaved();
      },
    );
  }

  /** Asks for the page after the rows asked so far (one request at a time), then draws on. */
  async loadMore() {
    // The rows shown, not a refresh still on its way, say which query's page comes next.
    const generation = this.shown;
    if (!this.next || this.loading === generation) return;
    this.loading = generation;
    let page;
    try {
      page = await api.libraryPage(this.asked, this.next);
    } catch (error) {
      if (generation === this.shown) this.onError(error);
      return;
    } finally {
      if (this.loading === generation) this.loading = null;
    }
    if (generation !== this.shown) return;
    // A draft saved meanwhile has moved to the top, and may come again further down.
    const listed = new Set(this.items.map((d) => d.id));
    this.items.push(...page.drafts.filter((d) => !listed.has(d.id)));
    this.next = page.next;
    this.drawMore();
  }

  /** The filters' choices, keeping the chosen one even when nothing carries it any more. */
  fillFilters(tags, blogs) {
    const { status, tag, blog, sort } = this.filterEls;
    const options = (select, choices, chosen) => {
      select.replaceChildren(
        ...choices.map(([value, label]) => {
          const o = document.createElement("option");
          o.value = value;
          o.textContent = label;
          return o;
        }),
      );
      select.value = chosen == null ? "" : String(chosen);
    };
    options(status, [["", t.anyStatus], ...["draft", "published", "modified", "scheduled"].map((s) => [s, t.libraryStatus[s]])], this.filters.status);
    const tagChoices = tags.map((x) => [x.tag, `${x.tag} (${x.drafts})`]);
    if (this.filters.tag && !tags.some((x) => x.tag === this.filters.tag)) tagChoices.unshift([this.filters.tag, `${this.filters.tag} (0)`]);
    options(tag, [["", t.anyTag], ...tagChoices], this.filters.tag);
    options(blog, [["", t.anyBlog], ...blogs.map((b) => [String(b.id), b.name])], this.filters.blog);
    blog.hidden = blogs.length === 0;
    options(sort, [["updated", t.sortUpdated], ["created", t.sortCreated]], this.filters.sort);
    for (const select of Object.values(this.filterEls)) select.disabled = this.showingTrash;
  }

  renderHeading() {
    // Until the count comes (a few milliseconds), the rows found so far, and more.
    const count = this.total ?? `${this.items.length}+`;
    this.headingEl.textContent = this.showingTrash ? t.trash : this.narrowed() ? t.searchResults({ count }) : t.drafts;
  }

  render() {
    const narrowed = this.narrowed();
    this.renderHeading();
    this.trashToggle.textContent = this.showingTrash ? t.backToDrafts : t.showTrash({ count: this.trashCount });
    this.emptyEl.hidden = this.items.length > 0;
    this.emptyEl.textContent = this.showingTrash ? t.trashEmpty : narrowed ? t.noResults : t.noDrafts;
    this.listEl.replaceChildren();
    this.drawn = 0;
    this.drawMore();
  }

  drawMore() {
    if (this.drawn >= this.items.length) {
      this.loadMore();
      return;
    }
    const next = this.items.slice(this.drawn, this.drawn + PAGE);
    this.drawn += next.length;
    this.observer.unobserve(this.sentinel);
    this.sentinel.remove();
    this.listEl.append(...next.map((d) => this.itemElement(d)));
    if (this.drawn < this.items.length || this.next) {
      this.listEl.append(this.sentinel);
      // Observed afresh, so the next report is the sentinel's state now: a scroll to the end
      // that outran the last report still draws the next page.
      this.observer.observe(this.sentinel);
    }
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
    const meta = document.createElement("div");
    meta.className = "draft-meta";
    li.append(title, excerpt, when, meta);
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
    const at = draft.deleted_at ?? (this.filters.sort === "created" ? draft.created_at : draft.updated_at);
    when.textContent = formatWhen(at);
    when.dateTime = new Date(at).toISOString();
    const meta = li.querySelector(".draft-meta");
    const parts = [];
    if (draft.status !== "draft") {
      const status = document.createElement("span");
      status.className = "draft-status";
      status.dataset.status = draft.status;
      status.textContent = t.libraryStatus[draft.status];
      parts.push(status);
    }
    for (const tag of draft.tags) {
      const chip = document.createElement("span");
      chip.className = "draft-tag";
      chip.textContent = `#${tag}`;
      parts.push(chip);
    }
    meta.replaceChildren(...parts);
    meta.hidden = parts.length === 0;
  }

  /** Marks the open draft. */
  select(id) {
    this.selected = id;
    for (const li of this.listEl.children) {
      if (li.dataset.id) li.setAttribute("aria-selected", String(Number(li.dataset.id) === id));
    }
  }

  /**
   * Shows a just-saved draft's new title, excerpt, time and tags. Newest saved first, it moves to
   * the top: in a search or a filter, if it matches as it is now (typing may have just made it
   * match); one that no longer matches keeps its row until the list is asked again, so the open
   * draft does not vanish from under the author.
   */
  updateItem(summary) {
    // A refresh on its way may answer with the draft as it was before this save; once it is
    // drawn, a newer save answers for itself.
    this.savedSince.delete(summary.id);
    if (this.generation !== this.shown) this.savedSince.set(summary.id, summary);
    if (this.showingTrash) return;
    const byEdit = this.filters.sort === "updated";
    if (!byEdit || !this.narrowed()) {
      this.place(summary, byEdit);
      return;
    }
    const generation = this.shown;
    const ask = ++this.asks;
    this.saves.set(summary.id, ask);
    api.libraryHas(this.asked, summary.id).then(
      (matches) => {
        // A newer save of the draft, or a newer list, answers for itself.
        if (generation !== this.generation || this.saves.get(summary.id) !== ask) return;
        const listed = this.items.some((d) => d.id === summary.id);
        this.place(summary, matches);
        if (!matches || listed) return;
        if (this.next === null) {
          // Every match was listed: this one is one more.
          this.total = (this.total ?? 0) + 1;
          this.renderHeading();
          return;
        }
        // It may lie beyond the pages loaded, counted already: counted again.
        api.libraryCount(this.asked).then((total) => {
          if (generation !== this.generation) return;
          this.total = total;
          this.renderHeading();
        }, () => {});
      },
      (error) => generation === this.generation && this.onError(error),
    );
  }

  /**
   * Puts a just-saved draft's row in the list: first when it `leads`, else where it was (a
   * draft not listed is only added when it leads: the pages after the cursor will not bring it).
   */
  place(summary, leads) {
    const index = this.items.findIndex((d) => d.id === summary.id);
    if (index < 0) {
      if (leads) {
        this.items.unshift(summary);
        this.drawn += 1;
        this.listEl.prepend(this.itemElement(summary));
        this.emptyEl.hidden = true;
      }
      return;
    }
    const tagsChanged = this.items[index].tags.join("\u001f") !== summary.tags.join("\u001f");
    this.items.splice(index, 1);
    if (leads) this.items.unshift(summary);
    else this.items.splice(index, 0, summary);
    const li = this.listEl.querySelector(`li[data-id="${summary.id}"]`);
    if (li) {
      this.fill(li, summary);
      if (leads && this.listEl.firstElementChild !== li) this.listEl.prepend(li);
    }
    // The tag filter's counts follow the front matter as it is edited.
    if (tagsChanged) api.listTags().then((tags) => this.fillFilters(tags, this.blogs), () => {});
  }
}
