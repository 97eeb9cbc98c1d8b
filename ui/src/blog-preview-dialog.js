// *Preview on the blog*: the draft sent to the selected blog as its draft post (never a second
// one), and the blog's own HTML of it shown beside Fumi's preview, the blocks the blog draws
// otherwise marked.

import { api } from "./api.js";
import { t } from "./i18n.js";
import { modal } from "./dialogs.js";
import { byId } from "./dom.js";

export class BlogPreviewDialog {
  constructor() {
    this.el = modal("blog-preview-dialog");
    /** Where the author sees the draft post on the blog. */
    this.url = "";
    byId("blog-preview-close").addEventListener("click", () => this.el.close());
    byId("blog-preview-open").addEventListener("click", () => {
      if (this.url) api.openInBrowser(this.url).catch((error) => this.say(error.message));
    });
  }

  say(text) {
    byId("blog-preview-summary").textContent = text;
  }

  /**
   * Shows the blog's rendering of a preview the publish bar asked for.
   * @param {import("./bindings.ts").BlogPreview} preview
   * @param {string} blogName
   */
  show(preview, blogName) {
    this.url = preview.url;
    byId("blog-preview-open").hidden = !preview.url;
    this.say(preview.differing ? t.blogPreviewDiffers({ blog: blogName, count: preview.differing }) : t.blogPreviewSame({ blog: blogName }));
    byId("blog-preview-body").replaceChildren(
      ...preview.blocks.map((block) => {
        const div = document.createElement("div");
        div.className = "blog-block";
        if (block.differs) {
          div.dataset.differs = "true";
          div.title = t.blogBlockDiffers;
        }
        // Sanitized by the core as the preview's own HTML is.
        div.innerHTML = block.html;
        return div;
      }),
    );
    if (!this.el.open) this.el.showModal();
    byId("blog-preview-body").scrollTop = 0;
  }
}
