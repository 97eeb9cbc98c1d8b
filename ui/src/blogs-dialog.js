// The blogs dialog: the accounts Fumi publishes to; add (after a connection test), test, remove.

import { api } from "./api.js";
import { t } from "./i18n.js";
import { confirmDialog } from "./dialogs.js";

const $ = (id) => document.getElementById(id);

export class BlogsDialog {
  /** `onChange` runs after a blog was added or removed. */
  constructor({ onChange }) {
    this.onChange = onChange;
    this.el = {
      backdrop: $("blogs-dialog"),
      list: $("blog-list"),
      empty: $("blog-list-empty"),
      form: $("blog-form"),
      kind: $("blog-kind"),
      name: $("blog-name"),
      url: $("blog-url"),
      user: $("blog-user"),
      secret: $("blog-secret"),
      message: $("blog-form-message"),
      add: $("blog-add"),
    };
    $("blogs-close").addEventListener("click", () => this.close());
    this.el.kind.addEventListener("change", () => this.showKind());
    this.el.backdrop.addEventListener("keydown", (event) => {
      if (event.key === "Escape") this.close();
    });
    this.el.form.addEventListener("submit", (event) => {
      event.preventDefault();
      this.add();
    });
  }

  async open() {
    this.el.backdrop.hidden = false;
    this.say("");
    await this.refresh();
    this.el.name.focus();
  }

  /** Names the fields as the chosen kind of blog calls them. */
  showKind() {
    const hatena = this.el.kind.value === "hatena";
    $("blog-url-label").textContent = hatena ? t.hatenaUrl : t.blogUrl;
    $("blog-user-label").textContent = hatena ? t.hatenaUser : t.blogUser;
    $("blog-secret-label").textContent = hatena ? t.hatenaSecret : t.blogSecret;
    $("blog-hint").textContent = hatena ? t.hatenaHint : t.secretHint;
    this.el.url.placeholder = hatena ? "https://blog.hatena.ne.jp/ID/BLOG/atom" : "https://example.com/";
  }

  close() {
    this.el.backdrop.hidden = true;
    // The password never lingers in the page.
    this.el.secret.value = "";
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
        this.say(t.connectionOk(blog.name));
      } catch (error) {
        this.say(error.message, true);
      }
    });
    const remove = document.createElement("button");
    remove.type = "button";
    remove.className = "link-button";
    remove.textContent = t.remove;
    remove.addEventListener("click", async () => {
      if (!(await confirmDialog(t.confirmRemoveBlog(blog.name), t.remove, t.cancel))) return;
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
      this.say(t.added(blog.name));
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
