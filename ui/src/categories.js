// The selected blog's categories in the editor: offered as the author types the post's
// `categories:` (inline `[a, b]` or one `- a` per line), and each name the blog does not have
// yet marked as new (the blog creates it on publish).

import { autocompletion } from "@codemirror/autocomplete";
import { StateEffect } from "@codemirror/state";
import { Decoration, ViewPlugin } from "@codemirror/view";

/** The blog's names and its own name; `known` is false until the blog's list was read once. */
export const blogCategories = { names: /** @type {string[]} */ ([]), blog: "", known: false };

/** Tells the editor that `blogCategories` changed (the marks are drawn again). */
export const categoriesChanged = StateEffect.define();

/**
 * Where the post's categories are written: each name's range, and the range of the list itself
 * (where the cursor gets completions), or null when the draft has no settings block or no
 * `categories:` in it.
 * @param {import("@codemirror/state").Text} doc
 */
export function categoriesIn(doc) {
  if (doc.lines < 2 || doc.line(1).text !== "---") return null;
  /** @type {{from: number, to: number, name: string}[]} */
  const names = [];
  let list = null;
  for (let n = 2; n <= doc.lines; n++) {
    const line = doc.line(n);
    if (line.text === "---" || line.text === "...") break;
    const key = /^categories:[ \t]*/.exec(line.text);
    if (!key) continue;
    const rest = line.text.slice(key[0].length);
    if (rest.trim()) {
      // Inline: `categories: [a, b]` or `categories: a`.
      const open = rest.startsWith("[") ? 1 : 0;
      const close = rest.lastIndexOf("]");
      const end = open && close > 0 ? close : rest.length;
      list = { from: line.from + key[0].length + open, to: line.from + key[0].length + end };
      pushNames(names, line.text.slice(key[0].length + open, key[0].length + end), list.from);
    } else {
      // One `- name` per line under the key.
      list = { from: line.to, to: line.to };
      for (let m = n + 1; m <= doc.lines; m++) {
        const item = doc.line(m);
        const dash = /^[ \t]*-[ \t]*/.exec(item.text);
        if (!dash) break;
        pushNames(names, item.text.slice(dash[0].length), item.from + dash[0].length);
        list.to = item.to;
      }
    }
    break;
  }
  return list && { list, names };
}

/** The comma-separated names in `text` (which starts at `from`), each with its range. */
function pushNames(names, text, from) {
  let at = 0;
  for (const part of text.split(",")) {
    const lead = part.length - part.trimStart().length;
    const name = unquote(part.trim());
    if (name) names.push({ from: from + at + lead, to: from + at + lead + part.trim().length, name });
    at += part.length + 1;
  }
}

function unquote(text) {
  return /^(["']).*\1$/.test(text) ? text.slice(1, -1) : text;
}

const newMark = (title) => Decoration.mark({ class: "cm-new-category", attributes: { title } });

/**
 * The editor's side of the blog's categories: completions in the list, and a mark on names the
 * blog does not have. `newTitle(blog)` is the mark's tooltip, in the window's language.
 * @param {(blog: string) => string} newTitle
 */
export function categoriesExtension(newTitle) {
  const marks = (view) => {
    const found = blogCategories.known ? categoriesIn(view.state.doc) : null;
    if (!found) return Decoration.none;
    const known = new Set(blogCategories.names);
    const mark = newMark(newTitle(blogCategories.blog));
    return Decoration.set(found.names.filter((n) => !known.has(n.name)).map((n) => mark.range(n.from, n.to)));
  };
  const plugin = ViewPlugin.define(
    (view) => ({
      decorations: marks(view),
      update(update) {
        if (update.docChanged || update.transactions.some((tr) => tr.effects.some((e) => e.is(categoriesChanged)))) {
          this.decorations = marks(update.view);
        }
      },
    }),
    { decorations: (v) => v.decorations },
  );
  /** @param {import("@codemirror/autocomplete").CompletionContext} context */
  const complete = (context) => {
    const found = categoriesIn(context.state.doc);
    if (!found || context.pos < found.list.from || context.pos > found.list.to) return null;
    const line = context.state.doc.lineAt(context.pos);
    // The name being typed: back to the list's opening, a comma or an item's dash.
    const before = line.text.slice(0, context.pos - line.from);
    const start = Math.max(before.lastIndexOf(","), before.lastIndexOf("["), before.lastIndexOf("- ") + 1, before.indexOf(":") + 1) + 1;
    const typed = before.slice(start);
    const from = context.pos - typed.trimStart().length;
    if (!typed.trim() && !context.explicit) return null;
    const used = new Set(found.names.map((n) => n.name));
    return {
      from,
      options: blogCategories.names.filter((name) => !used.has(name)).map((name) => ({ label: name, type: "keyword" })),
      validFor: /^[^,\[\]]*$/,
    };
  };
  return [plugin, autocompletion({ override: [complete], activateOnTyping: true, icons: false })];
}
