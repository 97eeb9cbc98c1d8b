// The blogs dialog: the accounts Fumi publishes to; add (after a connection test), test, remove.

import { api } from "./api.js";
import { t } from "./i18n.js";
import { confirmDialog, modal } from "./dialogs.js";
import { byId, byIdAs } from "./dom.js";


export class BlogsDialog {
  /** `onChange` runs after a blog was added or removed. */
  constructor({ onChange }) {
    this.onChange = onChange;
    this.el = {
      dialog: modal("blogs-dialog"),
      list: byId("blog-list"),
      empty: byId("blog-list-empty"),
      form: byIdAs("blog-form", HTMLFormElement),
      kind: byIdAs("blog-kind", HTMLSelectElement),
      name: byIdAs("blog-name", HTMLInputElement),
      url: byIdAs("blog-url", HTMLInputElement),
      user: byIdAs("blog-user", HTMLInputElement),
      secret: byIdAs("blog-secret", HTMLInputElement),
      message: byId("blog-form-message"),
      add: byIdAs("blog-add", HTMLButtonElement),
    };
    byId("blogs-close").addEventListener("click", () => this.close());
    this.el.kind.addEventListener("change", () => this.showKind());
    // However it closes (Escape too), the password never lingers in the page.
    this.el.dialog.addEventListener("close", () => (this.el.secret.value = ""));
    this.el.form.addEventListener("submit", (event) => {
      event.preventDefault();
      this.add();
    });
  }

  async open() {
    if (!this.el.dialog.open) this.el.dialog.showModal();
    this.say("");
    await this.refresh();
    this.el.name.focus();
  }

  /** Names the fields as the chosen kind of blog calls them. */
  showKind() {
    const hatena = this.el.kind.value === "hatena";
    byId("blog-url-label").textContent = hatena ? t.hatenaUrl : t.blogUrl;
    byId("blog-user-label").textContent = hatena ? t.hatenaUser : t.blogUser;
    byId("blog-secret-label").textContent = hatena ? t.hatenaSecret : t.blogSecret;
    byId("blog-hint").textContent = hatena ? t.hatenaHint : t.secretHint;
    this.el.url.placeholder = hatena ? "https://blog.hatena.ne.jp/ID/BLOG/atom" : "https://example.com/";
  }

  close() {
    this.el.dialog.close();
  }

  say(text, isError = false) {
    this.el.message.textContent = text;
    this.el.message.classList.toggle("error", isError);
  }

  async refresh() {
    let blogs = [];
    try {
      blogs = await api.listBlogs();
    } catch (error) {
      this.say(error.message, true);
    }
    this.el.empty.hidden = blogs.length > 0;
    this.el.list.replaceChildren(...blogs.map((blog) => this.item(blog)));
  }

  item(blog) {
    const li = document.createElement("li");
    li.className = "blog-item";
    li.dataset.blogId = blog.id;
    const name = document.createElement("span");
    name.className = "blog-item-name";
    name.textContent = blog.name;
    const where = document.createElement("span");
    where.className = "blog-item-where";
    where.textContent = `${blog.user} @ ${blog.site_url}`;
    const test = document.createElement("button");
    test.type = "button";
    test.className = "link-button";
    test.textContent = t.test;
    test.addEventListener("click", async () => {
      this.say(t.testing);
      try {
        await api.testBlog(blog.id);
        this.say(t.connectionOk({ name: blog.name }));
      } catch (error) {
        this.say(error.message, true);
      }
    });
    const remove = document.createElement("button");
    remove.type = "button";
    remove.className = "link-button";
    remove.textContent = t.remove;
    remove.addEventListener("click", async () => {
      if (!(await confirmDialog(t.confirmRemoveBlog({ name: blog.name }), t.remove, t.cancel))) return;
      try {
        await api.removeBlog(blog.id);
        await this.refresh();
        this.onChange();
      } catch (error) {
        this.say(error.message, true);
      }
    });
    li.append(name, where, test, remove);
    return li;
  }

  async add() {
    const fields = {
      kind: this.el.kind.value,
      name: this.el.name.value.trim(),
      url: this.el.url.value.trim(),
      user: this.el.user.value.trim(),
      secret: this.el.secret.value,
    };
    this.el.add.disabled = true;
    this.say(t.testing);
    try {
      const blog = await api.addBlog(fields);
      this.el.form.reset();
      this.say(t.added({ name: blog.name }));
      await this.refresh();
      this.onChange(blog);
    } catch (error) {
      // The fields stay as typed so the author can correct the one that is wrong.
      this.say(error.message, true);
    } finally {
      this.el.add.disabled = false;
    }
  }
}
