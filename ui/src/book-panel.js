// The book a review is about: its facts (looked up by ISBN or typed), the author's rating and
// reading dates, and the card's marker. Every change is saved; a lookup that fails leaves what
// was typed and says why.

import { api } from "./api.js";
import { lang, t } from "./i18n.js";

const $ = (id) => document.getElementById(id);

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
    Object.assign(this, { onChanged, insertMarker, hasMarker });
    this.panel = $("book-panel");
    this.toggle = $("toggle-book");
    this.draft = null;
    this.book = null;
    this.saveTimer = null;
    this.toggle.addEventListener("click", () => this.show(this.panel.hidden));
    $("book-lookup").addEventListener("click", () => this.lookUp());
    $("book-isbn").addEventListener("keydown", (event) => {
      if (event.key === "Enter" && !event.isComposing && event.keyCode !== 229) this.lookUp();
    });
    $("book-isbn").addEventListener("change", () => this.saveSoon(0));
    for (const id of FIELDS) {
      $(id).addEventListener("input", () => this.saveSoon(600));
      $(id).addEventListener("change", () => this.saveSoon(0));
    }
    $("book-insert-card").addEventListener("click", () => {
      this.insertMarker();
      $("book-insert-card").hidden = true;
    });
  }

  /** Fills the rating choices in the UI language. */
  translate() {
    const rating = $("book-rating");
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
    if (visible) $("book-insert-card").hidden = !this.book || this.hasMarker();
  }

  /** Shows another draft's book; the panel opens by itself for a review. */
  async load(draftId) {
    await this.flush();
    this.draft = draftId;
    this.book = null;
    $("book-message").textContent = "";
    let book = null;
    try {
      book = await api.getBook(draftId);
    } catch (error) {
      $("book-message").textContent = error.message;
    }
    if (this.draft !== draftId) return;
    this.fill(book);
    this.show(Boolean(book));
  }

  fill(book) {
    this.book = book;
    const f = book ?? {};
    $("book-isbn").value = f.isbn ?? "";
    $("book-title").value = f.title ?? "";
    $("book-authors").value = (f.authors ?? []).join(lang === "ja" ? "、" : ", ");
    $("book-publisher").value = f.publisher ?? "";
    $("book-published").value = f.published ?? "";
    $("book-pages").value = f.pages ?? "";
    $("book-rating").value = f.rating ? String(f.rating) : "";
    $("book-started").value = f.started_on ?? "";
    $("book-finished").value = f.finished_on ?? "";
    const cover = $("book-cover");
    cover.hidden = !f.cover;
    if (f.cover) cover.src = assetSrc(f.cover);
    $("book-insert-card").hidden = !book || this.hasMarker();
  }

  /** The fields as a book (the ISBN travels apart, as typed, and is checked by Fumi). */
  fromFields() {
    const text = (id) => $(id).value.trim();
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
      this.book = await api.setBook(draft, this.fromFields(), $("book-isbn").value);
      if (draft === this.draft) $("book-message").textContent = "";
      this.onChanged();
    } catch (error) {
      // What was typed stays in the fields; the message says what to fix.
      if (draft === this.draft) $("book-message").textContent = error.message;
    }
  }

  async lookUp() {
    const isbn = $("book-isbn").value.trim();
    if (!isbn || this.draft === null) return;
    const draft = this.draft;
    const button = $("book-lookup");
    button.disabled = true;
    $("book-message").textContent = t.lookingUp;
    try {
      await this.flush();
      const { book, source } = await api.lookupBook(draft, isbn);
      if (draft !== this.draft) return;
      this.fill(book);
      $("book-message").textContent = t.foundIn(source);
      this.onChanged();
    } catch (error) {
      if (draft === this.draft) $("book-message").textContent = error.message;
    } finally {
      button.disabled = false;
    }
  }
}
