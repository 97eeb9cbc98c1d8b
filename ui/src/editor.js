// The Markdown editor: CodeMirror 6 with GFM highlighting, soft wrapping, history and search.

import { Compartment, EditorState, Prec } from "@codemirror/state";
import { EditorView, keymap, drawSelection, highlightActiveLine, placeholder } from "@codemirror/view";
import { defaultKeymap, history, historyKeymap, indentWithTab } from "@codemirror/commands";
import { markdownKeymap, markdownLanguage, pasteURLAsLink } from "@codemirror/lang-markdown";
import { Language, LanguageSupport, syntaxHighlighting, HighlightStyle } from "@codemirror/language";
import { searchKeymap, highlightSelectionMatches } from "@codemirror/search";
import { tags } from "@lezer/highlight";
import { categoriesExtension } from "./categories.js";
import { footnoteMark, footnotes } from "./markdown-footnotes.js";

/**
 * GFM Markdown with front matter. Not lang-markdown's `markdown()`: it parses HTML inside
 * Markdown with HTML's, CSS's and JavaScript's own parsers, a quarter of the window's script
 * to load at every start, for nodes the editor's style below gives no colour anyway.
 * @param {import("@lezer/markdown").MarkdownExtension} extension
 */
function markdownSupport(extension) {
  const parser = /** @type {import("@lezer/markdown").MarkdownParser} */ (markdownLanguage.parser);
  const language = new Language(markdownLanguage.data, parser.configure(extension), [], "markdown");
  return new LanguageSupport(language, [pasteURLAsLink, Prec.high(keymap.of(markdownKeymap))]);
}

/** Whether the webview's spell checker marks English words (the system's dictionaries). */
const spelling = new Compartment();
/** @param {boolean} on */
const spellcheckAttribute = (on) => EditorView.contentAttributes.of({ spellcheck: String(on) });

const markdownStyle = HighlightStyle.define([
  { tag: tags.heading1, fontSize: "1.35em", fontWeight: "700" },
  { tag: tags.heading2, fontSize: "1.2em", fontWeight: "700" },
  { tag: [tags.heading3, tags.heading4, tags.heading5, tags.heading6], fontWeight: "700" },
  { tag: tags.strong, fontWeight: "700" },
  { tag: tags.emphasis, fontStyle: "italic" },
  { tag: tags.strikethrough, textDecoration: "line-through" },
  { tag: [tags.link, tags.url], color: "var(--accent)" },
  { tag: tags.monospace, fontFamily: "var(--mono)", color: "var(--code-fg)" },
  { tag: [tags.processingInstruction, tags.meta, tags.contentSeparator, footnoteMark], color: "var(--muted)" },
  { tag: tags.quote, color: "var(--muted)" },
]);

/**
 * The post's settings block at the top of a draft, between `---` lines: shown muted, not as the
 * setext heading Markdown would make of its last line. (While the closing line is not typed yet,
 * the rest of the draft is shown muted too: the parser cannot look further than one line ahead.)
 */
const frontMatter = {
  defineNodes: [{ name: "FrontMatter", block: true, style: tags.meta }],
  parseBlock: [
    {
      name: "FrontMatter",
      before: "HorizontalRule",
      parse(cx, line) {
        if (cx.lineStart !== 0 || line.text !== "---") return false;
        const start = cx.lineStart;
        while (cx.nextLine()) {
          if (line.text === "---") {
            cx.nextLine();
            break;
          }
        }
        cx.addElement(cx.elt("FrontMatter", start, cx.prevLineEnd()));
        return true;
      },
    },
  ],
};

/**
 * A paragraph longer than this many characters is shown as plain text: reading its inline
 * Markdown (emphasis, links, code) is one step the parser cannot pause, which for a 10 MB
 * paragraph took ≈340 ms at every key typed in it. The preview still draws it whole.
 */
const INLINE_LIMIT = 65536;

/** @type {import("@lezer/markdown").MarkdownConfig} */
const longParagraphs = {
  parseInline: [
    {
      name: "LongParagraph",
      before: "Escape",
      parse: (cx, _next, pos) => (pos === cx.offset && cx.end - cx.offset > INLINE_LIMIT ? cx.end : -1),
    },
  ],
};

/**
 * Creates the editor in `parent`.
 * `onImage(file)` keeps a pasted or dropped image and resolves with its Markdown URL.
 * @param {HTMLElement} parent
 * `newCategoryTitle(blog)` explains the mark on a category the selected blog does not have yet.
 * `onSelection(text)` hears the selected text when the selection changes ("" when none).
 * `more` are further extensions (the proofreader's).
 * @param {{onChange: (update: import("@codemirror/view").ViewUpdate) => void, onImage: (file: File) => Promise<string>, onSelection: (text: string) => void, onSpellingWanted: () => void, keys: import("@codemirror/view").KeyBinding[], placeholderText: string, newCategoryTitle: (blog: string) => string, more: import("@codemirror/state").Extension[]}} options
 */
export function createEditor(parent, { onChange, onImage, onSelection, onSpellingWanted, keys, placeholderText, newCategoryTitle, more }) {
  /** Inserts images at the cursor (or where they were dropped), one reference per line. */
  const insertImages = (view, files, at) => {
    const images = [...files].filter((f) => f.type.startsWith("image/"));
    if (!images.length) return false;
    (async () => {
      for (const file of images) {
        const url = await onImage(file).catch(() => null);
        if (!url) continue;
        const alt = file.name.replace(/\.[^.]+$/, "").replace(/[\[\]]/g, "");
        const pos = at ?? view.state.selection.main.head;
        const text = `![${alt}](${url})\n`;
        view.dispatch({ changes: { from: pos, insert: text }, selection: { anchor: pos + text.length } });
        at = at == null ? null : at + text.length;
      }
    })();
    return true;
  };
  let spellcheck = false;
  // The spell checker's dictionary is loaded when the author first writes with it on: a
  // window opened to read never loads it.
  let edited = false; // by the author: typed, pasted, dropped, composed or deleted
  let spellingWanted = false;
  const wantSpelling = () => {
    if (spellingWanted || !spellcheck || !edited) return;
    spellingWanted = true;
    onSpellingWanted();
  };
  const extensions = [
    history(),
    drawSelection(),
    highlightActiveLine(),
    highlightSelectionMatches(),
    EditorView.lineWrapping,
    markdownSupport([frontMatter, longParagraphs, footnotes]),
    syntaxHighlighting(markdownStyle),
    placeholder(placeholderText),
    categoriesExtension(newCategoryTitle),
    keymap.of([...keys, ...defaultKeymap, ...historyKeymap, ...searchKeymap, indentWithTab]),
    EditorView.contentAttributes.of({ autocorrect: "off", "aria-label": "Markdown" }),
    spelling.of(spellcheckAttribute(false)),
    EditorView.domEventHandlers({
      paste: (event, view) => insertImages(view, event.clipboardData?.files ?? [], null) && (event.preventDefault(), true),
      drop: (event, view) => {
        const at = view.posAtCoords({ x: event.clientX, y: event.clientY });
        return insertImages(view, event.dataTransfer?.files ?? [], at) && (event.preventDefault(), true);
      },
    }),
    EditorView.updateListener.of((update) => {
      if (update.docChanged) onChange(update);
      if (!edited && update.transactions.some((tr) => tr.isUserEvent("input") || tr.isUserEvent("delete"))) {
        edited = true;
        wantSpelling();
      }
      if (update.selectionSet || update.docChanged) {
        const { from, to } = update.state.selection.main;
        onSelection(update.state.sliceDoc(from, to));
      }
    }),
    ...more,
  ];
  // A key pressed inside an IME composition (or the Enter that confirms it, which WebKit
  // reports with keyCode 229) belongs to the input method: the editor must not run it as a
  // command, or confirming a conversion would insert a line. The text itself still arrives
  // through the composition.
  parent.addEventListener(
    "keydown",
    (event) => {
      if (event.isComposing || event.keyCode === 229) event.stopPropagation();
    },
    true,
  );
  const view = new EditorView({ parent, state: EditorState.create({ doc: "", extensions }) });
  return {
    view,
    /** Replaces the document with another draft's text, with a fresh undo history. */
    load(text) {
      view.setState(EditorState.create({ doc: text, extensions }));
      if (spellcheck) view.dispatch({ effects: spelling.reconfigure(spellcheckAttribute(true)) });
    },
    /** Turns the spell checker's marks on or off (a proofreading setting). */
    spellcheck(on) {
      spellcheck = on;
      view.dispatch({ effects: spelling.reconfigure(spellcheckAttribute(on)) });
      wantSpelling();
    },
    /** Makes the document `text` by one undoable change of the part that differs. */
    replaceText(text) {
      const old = view.state.doc.toString();
      const max = Math.min(old.length, text.length);
      let start = 0;
      while (start < max && old.charCodeAt(start) === text.charCodeAt(start)) start++;
      let end = 0;
      while (end < max - start && old.charCodeAt(old.length - 1 - end) === text.charCodeAt(text.length - 1 - end)) end++;
      view.dispatch({ changes: { from: start, to: old.length - end, insert: text.slice(start, text.length - end) } });
    },
    /** The document as CodeMirror holds it (lines, cheap to slice). */
    doc: () => view.state.doc,
    focus: () => view.focus(),
  };
}
