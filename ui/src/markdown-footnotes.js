// Footnotes in the editor's Markdown, read as the preview reads them (comrak's GFM footnotes):
// `[^label]` refers to a note and `[^label]: text` at a line's start defines one. Without this
// the editor's parser took a reference for a link and a definition for a link reference,
// colouring the note's text as a URL and leaving its emphasis plain; and a note's second
// paragraph, indented after a blank line, for code.

import { Tag } from "@lezer/highlight";

/** The highlighting tag of a footnote's marker (`[^1]` in the text, `[^1]:` before its note). */
export const footnoteMark = Tag.define();

/** A reference as comrak reads one: a label without brackets, ASCII spaces or tabs (a
 * definition's label cannot hold them); an ideographic space is the label's. */
const LABEL = /^\[\^[^\][ \t\r\n]+\]/;
/** The start of a definition as comrak scans it: a label without `]`, ASCII spaces or tabs,
 * and a colon. */
const DEFINITION = /^\[\^[^\] \t\r\n]+\]:/;

/** How far a note's later lines are indented (comrak: four columns, a blank line between its paragraphs). */
const NOTE_INDENT = 4;

/** @type {import("@lezer/markdown").MarkdownConfig} */
export const footnotes = {
  defineNodes: [
    { name: "FootnoteReference", style: footnoteMark },
    {
      name: "FootnoteDefinition",
      block: true,
      // A note holds blocks, as a list item does: the lines indented as its text is, so a
      // second paragraph is the note's, not code; and, as comrak reads it, a line with nothing
      // at all on it (a line of a few spaces, or a quote's bare `>`, ends the note).
      composite(_cx, line, indent) {
        if (line.indent < line.baseIndent + indent) return line.text.length === 0;
        line.moveBaseColumn(line.baseIndent + indent);
        return true;
      },
    },
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
      // Its label, then its text read as any blocks are.
      parse(cx, line) {
        // Indented four columns it is code.
        if (line.indent - line.baseIndent >= NOTE_INDENT) return false;
        const found = DEFINITION.exec(line.text.slice(line.pos));
        if (!found) return false;
        const from = cx.lineStart + line.pos;
        cx.startComposite("FootnoteDefinition", line.pos, NOTE_INDENT);
        cx.addElement(cx.elt("FootnoteLabel", from, from + found[0].length));
        // The spaces after the colon are the label's (comrak's): text aligned after it is text.
        line.moveBase(line.skipSpace(line.pos + found[0].length));
        return null;
      },
      // The next definition begins a note of its own, as in the preview.
      endLeaf: (_cx, line) => line.indent - line.baseIndent < NOTE_INDENT && DEFINITION.test(line.text.slice(line.pos)),
    },
  ],
  // Not GFM: the preview draws `^x^`, `~x~` and `:name:` as written.
  remove: ["Superscript", "Subscript", "Emoji"],
};
