// Footnotes in the editor's Markdown, read as the preview reads them (comrak's GFM footnotes):
// `[^label]` refers to a note and `[^label]: text` at a line's start defines one. Without this
// the editor's parser took a reference for a link and a definition for a link reference,
// colouring the note's text as a URL and leaving its emphasis plain.

import { Tag } from "@lezer/highlight";

/** The highlighting tag of a footnote's marker (`[^1]` in the text, `[^1]:` before its note). */
export const footnoteMark = Tag.define();

/** A footnote's label as comrak accepts one: no spaces, no brackets. */
const LABEL = /^\[\^[^\s[\]]+\]/;
/** The start of a definition: its label and a colon. */
const DEFINITION = /^\[\^[^\s[\]]+\]:/;

/** @type {import("@lezer/markdown").MarkdownConfig} */
export const footnotes = {
  defineNodes: [
    { name: "FootnoteReference", style: footnoteMark },
    { name: "FootnoteDefinition", block: true },
    { name: "FootnoteLabel", style: footnoteMark },
  ],
  parseInline: [
    {
      name: "FootnoteReference",
      before: "Link",
      parse(cx, next, pos) {
        // `[` then `^`.
        if (next !== 91 || cx.char(pos + 1) !== 94) return -1;
        const found = LABEL.exec(cx.slice(pos, Math.min(cx.end, pos + 1000)));
        return found ? cx.addElement(cx.elt("FootnoteReference", pos, pos + found[0].length)) : -1;
      },
    },
  ],
  parseBlock: [
    {
      name: "FootnoteDefinition",
      before: "LinkReference",
      // A definition's paragraph: its label, then its text read as any paragraph's.
      leaf: (_cx, leaf) =>
        DEFINITION.test(leaf.content)
          ? {
              nextLine: () => false,
              finish(cx, leaf) {
                const label = DEFINITION.exec(leaf.content)?.[0].length ?? 0;
                const from = leaf.start;
                const to = from + leaf.content.length;
                const text = cx.parser.parseInline(leaf.content.slice(label), from + label);
                cx.addLeafElement(leaf, cx.elt("FootnoteDefinition", from, to, [cx.elt("FootnoteLabel", from, from + label), ...text]));
                return true;
              },
            }
          : null,
      // The next definition begins a note of its own, as in the preview.
      endLeaf: (_cx, line) => DEFINITION.test(line.text.slice(line.pos)),
    },
  ],
  // Not GFM: the preview draws `^x^`, `~x~` and `:name:` as written.
  remove: ["Superscript", "Subscript", "Emoji"],
};
