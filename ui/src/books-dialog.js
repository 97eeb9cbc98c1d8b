// My books: every reviewed book, by date read, rating or author; a click opens its review.

import { api } from "./api.js";
import { lang, t } from "./i18n.js";
import { modal } from "./dialogs.js";
import { byId, byIdAs, field } from "./dom.js";


export class BooksDialog {
  constructor({ onOpen, onError }) {
    this.onOpen = onOpen;
    this.onError = onError;
    this.el = modal("books-dialog");
    byId("books-close").addEventListener("click", () => this.close());
    byId("books-sort").addEventListener("change", () => this.refresh());
  }

  async open() {
    const sort = byIdAs("books-sort", HTMLSelectElement);
    if (!sort.options.length) {
      for (const [value, label] of [["read", t.sortRead], ["rating", t.sortRating], ["author", t.sortAuthor]]) {
        const o = document.createElement("option");
        o.value = value;
        o.textContent = label;
        sort.append(o);
      }
    }
    if (!this.el.open) this.el.showModal();
    await this.refresh();
    byId("books-close").focus();
  }

  close() {
    this.el.close();
  }

  async refresh() {
    let books;
    try {
      books = await api.reviewedBooks(field("books-sort").value || "read");
    } catch (error) {
      this.onError(error);
      return;
    }
    byId("books-empty").hidden = books.length > 0;
    byId("books-list").replaceChildren(...books.map((b) => this.row(b)));
  }

  row(book) {
    const li = document.createElement("li");
    li.className = "books-row";
    li.dataset.draft = book.draft_id;
    const button = document.createElement("button");
    button.type = "button";
    button.className = "books-open";
    const title = document.createElement("span");
    title.className = "books-title";
    title.textContent = book.title || book.review_title;
    const authors = document.createElement("span");
    authors.className = "books-authors";
    authors.textContent = book.authors.join(lang === "ja" ? "、" : ", ");
    const stars = document.createElement("span");
    stars.className = "books-rating";
    stars.textContent = book.rating ? "★".repeat(book.rating) : "";
    stars.setAttribute("aria-label", book.rating ? `${book.rating}/5` : t.noRating);
    const read = document.createElement("span");
    read.className = "books-read";
    read.textContent = book.finished_on ?? book.started_on ?? "";
    const review = document.createElement("span");
    review.className = "books-review";
    review.textContent = book.review_title;
    button.append(title, authors, stars, read, review);
    button.addEventListener("click", () => {
      this.close();
      this.onOpen(book.draft_id);
    });
    li.append(button);
    return li;
  }
}
