// The book a review is about: its facts (looked up by ISBN or typed), the author's rating and
// reading dates, and the card's marker. Every change is saved; a lookup that fails leaves what
// was typed and says why.

import { api } from "./api.js";
import { lang, t } from "./i18n.js";
import { byId, byIdAs, field } from "./dom.js";


/** Where the window loads an image kept in Fumi's database (its own URL scheme). */
function assetSrc(reference) {
  const hash = reference.slice("fumi-asset:".length);
  return navigator.userAgent.includes("Windows") ? `http://fumi-asset.localhost/${hash}` : `fumi-asset://localhost/${hash}`;
}

const FIELDS = ["book-title", "book-authors", "book-publisher", "book-published", "book-pages", "book-rating", "book-started", "book-finished"];

export class BookPanel {
  /**
   * `onChanged()` redraws the preview (the card follows the book); `insertMarker()` puts a
   * `[book]` line at the cursor; `hasMarker()` tells whether the text has one.
   */
  constructor({ onChanged, insertMarker, hasMarker }) {
    this.onChanged = onChanged;
    this.insertMarker = insertMarker;
    this.hasMarker = hasMarker;
    this.panel = byId("book-panel");
    this.toggle = byId("toggle-book");
    this.draft = null;
    this.book = null;
    this.saveTimer = null;
    this.toggle.addEventListener("click", () => this.show(this.panel.hidden));
    byId("book-lookup").addEventListener("click", () => this.lookUp());
    byId("book-isbn").addEventListener("keydown", (event) => {
      if (event.key === "Enter" && !event.isComposing && event.keyCode !== 229) this.lookUp();
    });
    byId("book-isbn").addEventListener("change", () => this.saveSoon(0));
    for (const id of FIELDS) {
      byId(id).addEventListener("input", () => this.saveSoon(600));
      byId(id).addEventListener("change", () => this.saveSoon(0));
    }
    byId("book-insert-card").addEventListener("click", () => {
      this.insertMarker();
      byId("book-insert-card").hidden = true;
    });
  }

  /** Fills the rating choices in the UI language. */
  translate() {
    const rating = byIdAs("book-rating", HTMLSelectElement);
    rating.replaceChildren(
      ...["", "1", "2", "3", "4", "5"].map((value) => {
        const o = document.createElement("option");
        o.value = value;
        o.textContent = value ? "★".repeat(Number(value)) : t.noRating;
        return o;
      }),
    );
  }

  show(visible) {
    this.panel.hidden = !visible;
    this.toggle.setAttribute("aria-expanded", String(visible));
    if (visible) byId("book-insert-card").hidden = !this.book || this.hasMarker();
  }

  /** Shows another draft's book; the panel opens by itself for a review. */
  async load(draftId) {
    await this.flush();
    this.draft = draftId;
    this.book = null;
    byId("book-message").textContent = "";
    let book = null;
    try {
      book = await api.getBook(draftId);
    } catch (error) {
      byId("book-message").textContent = error.message;
    }
    if (this.draft !== draftId) return;
    this.fill(book);
    this.show(Boolean(book));
  }

  fill(book) {
    this.book = book;
    const f = book ?? {};
    field("book-isbn").value = f.isbn ?? "";
    field("book-title").value = f.title ?? "";
    field("book-authors").value = (f.authors ?? []).join(lang === "ja" ? "、" : ", ");
    field("book-publisher").value = f.publisher ?? "";
    field("book-published").value = f.published ?? "";
    field("book-pages").value = f.pages ?? "";
    field("book-rating").value = f.rating ? String(f.rating) : "";
    field("book-started").value = f.started_on ?? "";
    field("book-finished").value = f.finished_on ?? "";
    const cover = byIdAs("book-cover", HTMLImageElement);
    cover.hidden = !f.cover;
    if (f.cover) cover.src = assetSrc(f.cover);
    byId("book-insert-card").hidden = !book || this.hasMarker();
  }

  /** The fields as a book (the ISBN travels apart, as typed, and is checked by Fumi). */
  fromFields() {
    const text = (id) => field(id).value.trim();
    const pages = Number.parseInt(text("book-pages"), 10);
    return {
      title: text("book-title"),
      authors: text("book-authors").split(/[,、，]/).map((a) => a.trim()).filter(Boolean),
      publisher: text("book-publisher"),
      published: text("book-published"),
      pages: Number.isFinite(pages) && pages > 0 ? pages : null,
      cover_url: this.book?.cover_url ?? null,
      rating: text("book-rating") ? Number(text("book-rating")) : null,
      started_on: text("book-started") || null,
      finished_on: text("book-finished") || null,
      cover: this.book?.cover ?? null,
    };
  }

  saveSoon(delay) {
    clearTimeout(this.saveTimer);
    this.saveTimer = setTimeout(() => this.save(), delay);
  }

  /** Saves what is pending now (before another draft opens). */
  async flush() {
    if (this.saveTimer === null) return;
    clearTimeout(this.saveTimer);
    await this.save();
  }

  async save() {
    this.saveTimer = null;
    if (this.draft === null) return;
    const draft = this.draft;
    try {
      this.book = await api.setBook(draft, this.fromFields(), field("book-isbn").value);
      if (draft === this.draft) byId("book-message").textContent = "";
      this.onChanged();
    } catch (error) {
      // What was typed stays in the fields; the message says what to fix.
      if (draft === this.draft) byId("book-message").textContent = error.message;
    }
  }

  async lookUp() {
    const isbn = field("book-isbn").value.trim();
    if (!isbn || this.draft === null) return;
    const draft = this.draft;
    const button = byIdAs("book-lookup", HTMLButtonElement);
    button.disabled = true;
    byId("book-message").textContent = t.lookingUp;
    try {
      await this.flush();
      const { book, source } = await api.lookupBook(draft, isbn);
      if (draft !== this.draft) return;
      this.fill(book);
      byId("book-message").textContent = t.foundIn({ source });
      this.onChanged();
    } catch (error) {
      if (draft === this.draft) byId("book-message").textContent = error.message;
    } finally {
      button.disabled = false;
    }
  }
}
