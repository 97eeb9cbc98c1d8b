//! The preview kept live while the author types, fast on long drafts: the draft is held as
//! lines and its rendering as top-level blocks; an edit re-parses only the blocks around it
//! (when nothing outside them can change their meaning) and answers with the blocks that
//! changed, so the window repaints those alone.
//!
//! Footnotes are numbered in order of first reference across the whole draft, so a re-parsed
//! window keeps the numbers its references had; that holds while the window refers to the same
//! footnotes in the same order. Anything else that ties distant parts of a draft together — a
//! footnote reference added, taken out or reordered, a footnote definition edited (or a line
//! joining or leaving one), link reference definitions, fenced code or raw HTML that may now
//! run on — makes the edit re-parse the whole draft instead; its blocks' sanitized HTML and
//! highlighted code are then found in caches, so that path stays far cheaper than a full
//! render. Either way the result equals rendering the whole draft block by block (a test
//! checks this on random edits).
//!
//! A window may hold footnote definitions it does not change (the footnotes section, drawn
//! from them, stays as it is): the lines of every shown definition are known, and an edit on
//! them, before or after it, goes to a full parse — unless it stays inside one definition and
//! nothing else can change: then that definition alone is parsed and its entry of the
//! footnotes section redrawn (see [`Section`]).
//!
//! [`LivePreview::edit_if_quick`] applies an edit only when it costs little (at most 64 KiB
//! re-parsed), so the window can wait for it and paint the preview in the keystroke's frame;
//! any other edit leaves the preview untouched and goes to [`LivePreview::edit`].

use std::collections::{HashMap, HashSet};
use std::sync::Arc;

use comrak::nodes::{Ast, AstNode, LineColumn, NodeFootnoteDefinition, NodeValue};
use comrak::{Arena, Options, parse_document};
use serde::Serialize;

use super::flavor::{Flavor, Output};
use super::{Renderer, contents, mathml, notation, prepare, with_card};
use crate::counts::{self, Counts};
use crate::model::page_card::PageCards;

/// How many blocks an edit's re-parse may grow to on each side before a full parse is cheaper.
const MAX_WINDOW_GROWTH: usize = 8;

/// The most text [`LivePreview::edit_if_quick`] re-parses, the blocks around an edit or a
/// whole draft: a full parse of 64 KiB takes about 3 ms, the blocks around an edit microseconds.
const MAX_QUICK_BYTES: usize = 64 * 1024;

/// What an edit's re-parse may cost.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Cost {
    /// Whatever the edit needs: the blocks around it, or the whole draft.
    Any,
    /// At most [`MAX_QUICK_BYTES`] of text (a preview's `quick_bytes`).
    Quick,
}

/// A draft's live preview.
pub struct LivePreview {
    /// The blog the preview shows the draft as.
    flavor: Flavor,
    /// The embedded pages Fumi has read, for their cards.
    cards: PageCards,
    options: Options<'static>,
    /// `options` for text that opens with no settings block (see [`Renderer`]'s).
    without_front_matter: Options<'static>,
    /// Where the preview finds local images (the window's own URL scheme).
    image_url: fn(&str) -> Option<String>,
    /// The card shown where the draft says `[book]`, when it has a book.
    book_card: Option<String>,
    lines: Vec<String>,
    /// How many lines define a link reference: while any does, a `[` may link anywhere.
    link_definitions: usize,
    /// The lines of each footnote definition the footnotes section shows (and of those a
    /// window re-parsed), in order: an edit that touches one redraws its entry or the whole
    /// draft.
    definitions: Vec<Lines>,
    blocks: Vec<Block>,
    version: u64,
    /// Raw block HTML → sanitized HTML and counts, for the blocks a full parse finds unchanged.
    rendered: HashMap<Arc<str>, (Arc<str>, Counts)>,
    /// The most text [`LivePreview::edit_if_quick`] re-parses ([`MAX_QUICK_BYTES`]).
    quick_bytes: usize,
    /// Put between the footnotes section's entries when it is formatted, to cut it into them:
    /// raw HTML no author can type (it holds 128 random bits).
    marker: String,
}

#[derive(Debug, Clone)]
struct Block {
    /// First line (0-based) and one past the last.
    start: usize,
    end: usize,
    // Shared with the cache: a full parse of a long draft copies no block's HTML.
    raw: Arc<str>,
    html: Arc<str>,
    counts: Counts,
    /// The footnote references in the block, in order.
    footnote_refs: Vec<FootnoteRef>,
    /// Whether this is the footnotes section (the definitions, gathered at the end).
    is_footnotes: bool,
    /// The footnotes section's entries, each drawn on its own (see [`Section`]); `None` for
    /// any other block.
    section: Option<Box<Section>>,
}

impl Block {
    /// Whether the block is a paragraph (or raw HTML opening with one): nothing after a blank
    /// line below it, or before one above it, changes it.
    fn is_paragraph(&self) -> bool {
        self.raw.starts_with("<p>") || self.raw.starts_with("<p ")
    }
}

/// The footnotes section drawn entry by entry, so an edit of one definition redraws that entry
/// alone: the block's HTML is `head`, every note's, then `tail` (raw and sanitized alike).
#[derive(Debug, Clone)]
struct Section {
    head_raw: Arc<str>,
    tail_raw: Arc<str>,
    head_html: Arc<str>,
    tail_html: Arc<str>,
    notes: Vec<Note>,
}

/// One entry of the footnotes section.
#[derive(Debug, Clone)]
struct Note {
    /// The footnote's name, as the parser gives it to the section.
    name: String,
    /// Its definition's lines.
    lines: Lines,
    total_references: u32,
    /// The footnote references in the definition itself, in order.
    refs: Vec<FootnoteRef>,
    /// How many definitions it draws: itself and any written inside it (each is numbered
    /// in the section, so they number the entries after it).
    definitions: usize,
    /// Whether it holds a heading: heading ids are made unique across the whole section
    /// (`h-注`, `h-注-1`), so such an entry is never formatted alone.
    has_heading: bool,
    raw: Arc<str>,
    html: Arc<str>,
    /// The length of `html` in UTF-16 units, as the page indexes its strings.
    html_utf16: usize,
    counts: Counts,
}

impl Section {
    fn raw(&self) -> Arc<str> {
        self.joined(&self.head_raw, |n| &n.raw, &self.tail_raw)
    }

    fn html(&self) -> Arc<str> {
        self.joined(&self.head_html, |n| &n.html, &self.tail_html)
    }

    fn joined(&self, head: &str, part: impl Fn(&Note) -> &Arc<str>, tail: &str) -> Arc<str> {
        let len = head.len() + self.notes.iter().map(|n| part(n).len()).sum::<usize>() + tail.len();
        let mut out = String::with_capacity(len);
        out.push_str(head);
        for note in &self.notes {
            out.push_str(part(note));
        }
        out.push_str(tail);
        out.into()
    }

    fn counts(&self) -> Counts {
        counts::sum(self.notes.iter().map(|n| n.counts))
    }
}

/// Lines `start .. end` of the draft (0-based).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Lines {
    start: usize,
    end: usize,
}

impl Lines {
    fn meets(self, other: Lines) -> bool {
        self.start < other.end && other.start < self.end
    }

    /// These lines after an edit that replaced the lines before `old_end` and moved the rest
    /// by `delta`: moved when they begin at or after `old_end`, else as they were.
    fn moved(self, old_end: usize, delta: isize) -> Lines {
        match self.start >= old_end {
            true => Lines {
                start: self.start.saturating_add_signed(delta),
                end: self.end.saturating_add_signed(delta),
            },
            false => self,
        }
    }
}

/// A parse's blocks and the lines of the footnote definitions it found.
#[derive(Default)]
struct Parsed {
    blocks: Vec<Block>,
    definitions: Vec<Lines>,
}

/// A footnote reference as rendered: the footnote's name, its number, and which reference to
/// that footnote it is.
#[derive(Debug, Clone, PartialEq, Eq)]
struct FootnoteRef {
    name: String,
    ix: u32,
    ref_num: u32,
}

/// What the window must change: blocks `start .. start + removed` give way to `blocks`; the
/// blocks after them move by `line_delta` lines.
#[cfg_attr(feature = "bindings", derive(specta::Type))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PreviewPatch {
    /// The text's version after this patch; the next edit names it.
    pub version: u64,
    pub start: usize,
    pub removed: usize,
    pub blocks: Vec<PreviewBlock>,
    pub line_delta: isize,
    /// Counts of the whole draft.
    pub counts: Counts,
    /// One entry of the footnotes section drawn again in place (an edit inside its
    /// definition); applied after the blocks above.
    pub note: Option<NotePatch>,
}

/// The footnotes section's block keeps its place; its entry `index` (the `index`-th of the
/// `count` items of its list, when the list shows that many) becomes `html`, which in the
/// block's HTML replaces the `len` UTF-16 units at `at`. The block now spans `lines` source
/// lines from `line`.
#[cfg_attr(feature = "bindings", derive(specta::Type))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct NotePatch {
    pub block: usize,
    pub index: usize,
    pub count: usize,
    pub html: String,
    pub at: usize,
    pub len: usize,
    pub line: usize,
    pub lines: usize,
}

/// One top-level block: sanitized HTML and the source lines it comes from (for scroll sync).
#[cfg_attr(feature = "bindings", derive(specta::Type))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PreviewBlock {
    pub html: String,
    /// First line, 0-based.
    pub line: usize,
    /// Number of source lines.
    pub lines: usize,
}

/// The lines an edit replaced (old numbering) and wrote (new numbering), each at least the
/// line at the edit, and how far it moved the lines after it.
#[derive(Debug, Clone, Copy)]
struct Edit {
    old: Lines,
    new: Lines,
    delta: isize,
}

/// An edit that does not apply to the text the preview holds (the window must start over).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutOfStep;

impl LivePreview {
    /// The preview of `text`, and the patch that draws all of it; `image_url` points local
    /// images where the preview can load them; `book_card` is the draft's book card.
    pub fn new(
        renderer: &Renderer,
        text: &str,
        image_url: fn(&str) -> Option<String>,
        book_card: Option<String>,
    ) -> (LivePreview, PreviewPatch) {
        LivePreview::for_flavor(
            renderer,
            text,
            image_url,
            book_card,
            Flavor::Plain,
            PageCards::new(),
        )
    }

    /// The preview of `text` as `flavor`'s blog shows it, with the cards of the pages Fumi has
    /// read (see [`LivePreview::new`]).
    pub fn for_flavor(
        renderer: &Renderer,
        text: &str,
        image_url: fn(&str) -> Option<String>,
        book_card: Option<String>,
        flavor: Flavor,
        cards: PageCards,
    ) -> (LivePreview, PreviewPatch) {
        let mut options = renderer.options.clone();
        // Block positions are tracked here; per-element positions would go stale as lines move.
        options.render.sourcepos = false;
        // Hatena and WordPress keep the author's line breaks.
        options.render.hardbreaks = flavor.has_notation();
        let mut without_front_matter = options.clone();
        without_front_matter.extension.front_matter_delimiter = None;
        let lines = lines_of(text);
        let mut preview = LivePreview {
            flavor,
            cards,
            options,
            without_front_matter,
            image_url,
            book_card,
            link_definitions: lines.iter().filter(|l| defines_link(l)).count(),
            lines,
            definitions: Vec::new(),
            blocks: Vec::new(),
            version: 0,
            rendered: HashMap::new(),
            quick_bytes: MAX_QUICK_BYTES,
            marker: unguessable_marker(),
        };
        let patch = preview.reparse_all(renderer, 0);
        (preview, patch)
    }

    /// The text's current version.
    pub fn version(&self) -> u64 {
        self.version
    }

    /// The text at `version`, as the editor holds it (lines joined by `\n`); [`OutOfStep`] when
    /// the preview is at another version.
    pub fn text_at(&self, version: u64) -> Result<String, OutOfStep> {
        if version != self.version {
            return Err(OutOfStep);
        }
        Ok(self.text())
    }

    /// Applies an edit made to version `base`: old lines `from .. to` become the lines of
    /// `text`. Answers the patch, or [`OutOfStep`] when `base` is not the current version.
    pub fn edit(
        &mut self,
        renderer: &Renderer,
        base: u64,
        from: usize,
        to: usize,
        text: &str,
    ) -> Result<PreviewPatch, OutOfStep> {
        match self.apply(renderer, base, from, to, text, Cost::Any)? {
            Some(patch) => Ok(patch),
            // Not reached: at any cost the edit is always applied.
            None => Ok(self.reparse_all(renderer, 0)),
        }
    }

    /// Applies the edit as [`edit`](Self::edit) does, but only when that is quick enough for
    /// the window to wait for it: the blocks around the edit re-parsed, or a whole draft of at
    /// most 64 KiB. Otherwise leaves the preview as it was and answers `None`; the edit then
    /// goes to [`edit`](Self::edit).
    pub fn edit_if_quick(
        &mut self,
        renderer: &Renderer,
        base: u64,
        from: usize,
        to: usize,
        text: &str,
    ) -> Result<Option<PreviewPatch>, OutOfStep> {
        self.apply(renderer, base, from, to, text, Cost::Quick)
    }

    /// Applies the edit if it costs what `cost` allows; `None` (only for `Cost::Quick`)
    /// leaves the preview as it was.
    fn apply(
        &mut self,
        renderer: &Renderer,
        base: u64,
        from: usize,
        to: usize,
        text: &str,
        cost: Cost,
    ) -> Result<Option<PreviewPatch>, OutOfStep> {
        if base != self.version || from > to || to > self.lines.len() {
            return Err(OutOfStep);
        }
        let new_lines = lines_of(text);
        let delta = new_lines.len() as isize - (to - from) as isize;
        // Taking out a footnote or a definition reaches as far as putting one in. A draft that
        // opens with `---` has front matter up to the next `---` line, wherever that is; an
        // edit inside that block may make it settings or the author's text, so it is re-parsed
        // in a window only if the window runs from the first line past the closing one (new
        // lines `.. closing`).
        let front_matter = |lines: &[String]| lines.first().is_some_and(|l| is_delimiter(l));
        // The closing line is the first `---` exactly (as the parser reads it), or one with
        // spaces after it (as an edit may make it): the later of the two, and the window must
        // hold a line after it, or the parser may not read the block as settings.
        let closing = front_matter(&self.lines)
            .then(|| {
                let first = |exact: bool| {
                    self.lines.iter().skip(1).position(|l| {
                        is_delimiter(l) && (!exact || l == crate::front_matter::DELIMITER)
                    })
                };
                first(false).max(first(true))
            })
            .flatten()
            .map(|at| at + 1)
            // An edit of the closing line itself moves the block (`moves_front_matter`); one
            // before it leaves it at `line + delta`, never before the edit.
            .filter(|&line| from <= line && to <= line)
            .map(|line| line.saturating_add_signed(delta) + 2);
        let moves_front_matter = (front_matter(&self.lines) || front_matter(&new_lines))
            && (from == 0
                || self.lines[from..to]
                    .iter()
                    .chain(&new_lines)
                    .any(|l| is_delimiter(l)));
        // Notes are numbered across the draft and the contents list every heading: while the
        // draft has either, every edit draws it whole (a draft of 64 KiB in ≤ 3 ms).
        let notation_ties = self.flavor.has_notation()
            && self
                .lines
                .iter()
                .chain(&new_lines)
                .any(|l| notation_reaches_elsewhere(l));
        let removed_ties =
            self.lines[from..to].iter().any(|l| reaches_elsewhere(l)) || notation_ties;
        let limit = self.quick_bytes;
        let quick = |lines: &[String]| lines.iter().map(String::len).sum::<usize>() <= limit;
        if cost == Cost::Quick && text.len() > limit {
            return Ok(None);
        }
        let link_definitions = self.link_definitions;
        self.link_definitions -= self.lines[from..to]
            .iter()
            .filter(|l| defines_link(l))
            .count();
        self.link_definitions += new_lines.iter().filter(|l| defines_link(l)).count();
        let added = new_lines.len();
        let old_lines: Vec<String> = self.lines.splice(from..to, new_lines).collect();
        let edit = Edit {
            old: Lines {
                start: from,
                end: to.max(from + 1),
            },
            new: Lines {
                start: from,
                end: (from + added).max(from + 1),
            },
            delta,
        };
        // An edit inside one footnote's definition redraws that footnote alone.
        let note = match moves_front_matter || notation_ties || to == from {
            true => None,
            false => self.reparse_note(renderer, edit, &old_lines, cost),
        };
        let window = if note.is_some() || removed_ties || moves_front_matter {
            None
        } else {
            self.window(from, to, delta)
        };
        let nearby = window
            .filter(|&(_, _, start, end)| {
                closing.is_none_or(|closing| start == 0 && end >= closing)
            })
            .filter(|&(_, _, start, end)| cost == Cost::Any || quick(&self.lines[start..end]))
            .and_then(|(first, last, start, end)| {
                self.reparse_window(renderer, first, last, start, end, edit)
            })
            .or(note);
        Ok(match nearby {
            Some(patch) => Some(patch),
            None if cost == Cost::Any || quick(&self.lines) => {
                Some(self.reparse_all(renderer, delta))
            }
            None => {
                // Left as it was, for `edit` to apply in full.
                self.lines.splice(from..from + added, old_lines);
                self.link_definitions = link_definitions;
                None
            }
        })
    }

    /// How many footnotes sections end the blocks.
    fn sections(&self) -> usize {
        self.blocks
            .iter()
            .rev()
            .take_while(|b| b.is_footnotes)
            .count()
    }

    /// The old blocks `first ..= last` to re-parse for an edit of old lines `from .. to`, with
    /// the new lines `start .. end` they now span; `None` when only a full parse is safe.
    fn window(&self, from: usize, to: usize, delta: isize) -> Option<(usize, usize, usize, usize)> {
        let n = self.blocks.len();
        // The footnotes sections stand for definitions anywhere in the draft, not for the
        // lines after the last block: an edit there re-parses from that block to the end.
        let sections = self.sections();
        let last_block = (n - sections).checked_sub(1)?;
        // The blocks the edit touches, and one more on each side: a list or a quote beside the
        // edit may change with it across a blank line (loose or tight, its extent). A paragraph
        // may not, so it is left out (a 10 MB paragraph before a new one is not parsed again).
        let touched_first = self
            .blocks
            .iter()
            .position(|b| b.end > from)
            .unwrap_or(n - 1);
        let touched_last = self
            .blocks
            .iter()
            .rposition(|b| b.start < to.max(from + 1))
            .unwrap_or(0)
            .max(touched_first);
        let to_the_end = touched_last > last_block;
        let touched_first = touched_first.min(last_block);
        let touched_last = touched_last.min(last_block);
        let paragraph = |i: usize| self.blocks[i].is_paragraph();
        let mut first = match touched_first.checked_sub(1) {
            Some(before) if !paragraph(before) => before,
            _ => touched_first,
        };
        let mut last = match touched_last + 1 {
            after if after <= last_block && !paragraph(after) => after,
            _ => touched_last,
        };
        for _ in 0..=MAX_WINDOW_GROWTH {
            let start = self.blocks[first].start.min(from);
            let old_end = if to_the_end || last == n - 1 {
                self.lines.len() as isize - delta
            } else {
                self.blocks[last].end as isize
            };
            let end = (old_end.max(to as isize) + delta) as usize;
            let end = end.min(self.lines.len());
            let lines = &self.lines[start..end];
            // A window opening with `---` would be read as front matter, which only the draft's
            // first line can open.
            // A footnote definition may stay in the window: its lines are checked after the
            // window is parsed (see `reparse_window`).
            if (start > 0 && lines.first().is_some_and(|l| is_delimiter(l)))
                || lines
                    .iter()
                    .any(|l| reaches_elsewhere(l) && !defines_footnote(l))
                || (self.link_definitions > 0 && lines.iter().any(|l| may_use_link_reference(l)))
                || !fences_balanced(lines)
            {
                return None;
            }
            // An empty definition (`[^a]:` alone) runs over the blank lines up to the next
            // text: where the window's text begins decides where it ends.
            if start > 0
                && is_blank(&self.lines[start - 1])
                && self.definitions.iter().any(|d| d.end == start)
            {
                return None;
            }
            let mut grew = false;
            // The line before must be blank, and the window must not begin as a continuation
            // of what precedes it. Before the first block that can only be a footnote
            // definition (no block holds one), so a full parse decides.
            let continues = start == 0
                || !is_blank(&self.lines[start - 1])
                || lines.first().is_some_and(|l| may_continue(l));
            if first > 0 && continues {
                first -= 1;
                grew = true;
            } else if first == 0 && start > 0 && continues {
                return None;
            }
            // The line after must be empty (not only blank: see `spaces_only`), and what
            // follows must not continue the window's last block (an indented paragraph or
            // another item of a list).
            if !to_the_end && last < n - 1 {
                let next = self.lines[end..].iter().find(|l| !is_blank(l));
                if self.lines.get(end).is_some_and(|l| !l.is_empty())
                    || next.is_some_and(|l| may_continue(l))
                {
                    if last == last_block {
                        return None;
                    }
                    last += 1;
                    grew = true;
                }
            }
            if !grew {
                return Some((first, last, start, end));
            }
        }
        None
    }

    /// Re-parses the new lines `start .. end` in place of the old blocks `first ..= last`;
    /// `None` when their footnote references changed (a full parse must number them) or the
    /// edit touched a footnote definition's lines, as they were or as they are now.
    fn reparse_window(
        &mut self,
        renderer: &Renderer,
        first: usize,
        last: usize,
        start: usize,
        end: usize,
        edit: Edit,
    ) -> Option<PreviewPatch> {
        let delta = edit.delta;
        if self.definitions.iter().any(|d| d.meets(edit.old)) {
            return None;
        }
        let text = self.lines[start..end].join("\n");
        let refs: Vec<FootnoteRef> = self.blocks[first..=last]
            .iter()
            .flat_map(|b| b.footnote_refs.iter().cloned())
            .collect();
        let Parsed {
            blocks: new,
            definitions,
        } = self.blocks_of(renderer, &text, start, Some(&refs))?;
        // The window's definitions must be the ones it had, moved with their lines: none
        // made, lost, grown or shrunk by the edit.
        let moved = |d: &Lines| d.moved(edit.old.end, delta);
        let old_end = (end as isize - delta) as usize;
        let before = self.definitions.partition_point(|d| d.start < start);
        let after = self.definitions.partition_point(|d| d.start < old_end);
        if definitions.iter().any(|d| d.meets(edit.new))
            || !definitions
                .iter()
                .copied()
                .eq(self.definitions[before..after].iter().map(moved))
        {
            return None;
        }
        for d in &mut self.definitions[before..] {
            *d = moved(d);
        }
        // (The sections are the last blocks.)
        for section in self
            .blocks
            .iter_mut()
            .rev()
            .take_while(|b| b.is_footnotes)
            .filter_map(|b| b.section.as_deref_mut())
        {
            for note in &mut section.notes {
                note.lines = moved(&note.lines);
            }
        }
        for block in &mut self.blocks[last + 1..] {
            block.start = (block.start as isize + delta) as usize;
            block.end = (block.end as isize + delta) as usize;
        }
        let patch_blocks = new.iter().map(PreviewBlock::from).collect();
        self.blocks.splice(first..=last, new);
        // The footnotes section begins where the block before it ends, as a full parse has it.
        if let [.., before, section] = &mut self.blocks[..]
            && section.is_footnotes
        {
            section.start = before.end;
        }
        self.version += 1;
        Some(PreviewPatch {
            version: self.version,
            start: first,
            removed: last - first + 1,
            blocks: patch_blocks,
            line_delta: delta,
            counts: self.counts(),
            note: None,
        })
    }

    /// Redraws the one footnote whose definition holds the whole edit (old lines `edit.old`,
    /// `old_lines` before it), when nothing else can change: the same label, its own
    /// references as they were, a blank line or the next definition after it, nothing in it
    /// that reaches elsewhere (raw HTML, link definitions, an open fence, a heading, a
    /// definition inside it). `None` leaves the preview as it was for a wider parse to decide.
    fn reparse_note(
        &mut self,
        renderer: &Renderer,
        edit: Edit,
        old_lines: &[String],
        cost: Cost,
    ) -> Option<PreviewPatch> {
        // Most edits are nowhere near a definition (kept in order: found by bisection).
        let nearest = self
            .definitions
            .partition_point(|d| d.end <= edit.old.start);
        if !self
            .definitions
            .get(nearest)
            .is_some_and(|d| d.start <= edit.old.start && edit.old.end <= d.end)
        {
            return None;
        }
        // The sections are the last blocks.
        let s = self.blocks.iter().rposition(|b| b.section.is_some())?;
        let section = self.blocks[s].section.as_deref()?;
        let index = section
            .notes
            .iter()
            .position(|n| n.lines.start <= edit.old.start && edit.old.end <= n.lines.end)?;
        let note = section.notes[index].clone();
        // The page finds an entry by its place among the list's items: each entry up to this
        // one must be one item (a definition written inside another closes it in HTML).
        if note.has_heading || section.notes[..=index].iter().any(|n| n.definitions != 1) {
            return None;
        }
        let drawn_before: usize = section.notes[..index].iter().map(|n| n.definitions).sum();
        // Where the entry's HTML is in the block's, as the page counts (UTF-16 units).
        let at = section.head_html.encode_utf16().count()
            + section.notes[..index]
                .iter()
                .map(|n| n.html_utf16)
                .sum::<usize>();
        let len = note.html_utf16;

        let old = note.lines;
        // The definition's lines are the entry's (the same parse found both).
        if self
            .definitions
            .iter()
            .any(|d| d.meets(edit.old) && *d != old)
        {
            return None;
        }
        let new = Lines {
            start: old.start,
            end: old.end.checked_add_signed(edit.delta)?,
        };
        let lines = self.lines.get(new.start..new.end)?;
        let label = |line: &str| {
            line.strip_prefix("[^")
                .and_then(|l| l.split_once("]:"))
                .map(|(label, _)| label.to_owned())
        };
        let first = lines.first()?;
        // The definition's own blocks: its first line after the label, the others without the
        // indent that continues it.
        let body = |lines: &[String], first_is_label: bool| -> Vec<String> {
            let mut body: Vec<String> = lines.iter().map(|l| without_indent(l, 4)).collect();
            if let Some(line) = body.first_mut().filter(|_| first_is_label) {
                *line = after_containers(line, true).to_owned();
            }
            body
        };
        let new_body = body(lines, true);
        let old_body = body(old_lines, edit.old.start == old.start);
        if edit.old.start == old.start && label(old_lines.first()?) != label(first)
            || label(first).is_none()
            || lines[1..].iter().any(|l| defines_footnote(l))
            || new_body
                .iter()
                .chain(&old_body)
                .any(|l| l.trim_start().starts_with('<') || defines_link(l))
            || (self.link_definitions > 0 && lines.iter().any(|l| may_use_link_reference(l)))
            || !fences_balanced(&new_body)
            // What follows ends it as it did: an empty line (not only blank: see
            // `spaces_only`), or the next definition (as authors list them at the end, one a
            // line).
            || self
                .lines
                .get(new.end)
                .is_some_and(|l| !l.is_empty() && !defines_footnote(l))
            || (cost == Cost::Quick
                && lines.iter().map(String::len).sum::<usize>() > self.quick_bytes)
            // The stand-ins after it would end the draft's unterminated last line.
            || (new.end == self.lines.len() && lines.last().is_some_and(|l| bare_markers(l)))
            // Parsed alone, its last line is followed by stand-ins or nothing, not the draft.
            || lines.last().is_some_and(|l| spaces_only(l))
        {
            return None;
        }
        // The definition parsed alone, its references' footnotes stood in for.
        let text = lines.join("\n");
        let parsed = with_stand_in_definitions(&text)?;
        let mut options = self.without_front_matter.clone();
        options.parse.leave_footnote_definitions = true;
        let expanded =
            notation::expand(&parsed, self.flavor, Output::Preview, &options, &self.cards);
        let arena = Arena::new();
        let root = parse_document(&arena, &expanded.markdown, &options);
        prepare(root, &expanded, &self.image_url, self.book_card.is_some());
        let mut children = root.children();
        let def = children.next()?;
        let pos = def.data.borrow().sourcepos;
        // It must end where its lines do: else it has taken the stand-ins in.
        if pos.start.line != 1
            || pos.end.line > lines.len()
            || children.any(|c| c.data.borrow().sourcepos.start.line <= lines.len())
        {
            return None;
        }
        let new = definition_lines(def, new.start, lines.len());
        match def.data.borrow_mut().value {
            NodeValue::FootnoteDefinition(ref mut d) => {
                d.name.clone_from(&note.name);
                d.total_references = note.total_references;
            }
            _ => return None,
        }
        let mut was = note.refs.iter();
        for d in def.descendants() {
            if let NodeValue::FootnoteReference(ref mut r) = d.data.borrow_mut().value {
                let old = was.next().filter(|was| was.name == r.name)?;
                r.ix = old.ix;
                r.ref_num = old.ref_num;
            }
        }
        if was.next().is_some() {
            return None;
        }
        // Formatted after as many definitions as the section draws before it: its back-links
        // name its number.
        let doc = new_node(&arena, NodeValue::Document);
        for _ in 0..drawn_before {
            doc.append(new_node(
                &arena,
                NodeValue::FootnoteDefinition(NodeFootnoteDefinition {
                    name: String::new(),
                    total_references: 0,
                }),
            ));
        }
        def.detach();
        for node in [
            new_node(&arena, NodeValue::Raw(self.marker.clone())),
            def,
            new_node(&arena, NodeValue::Raw(self.marker.clone())),
        ] {
            doc.append(node);
        }
        let out = renderer.format(doc, &self.options);
        let raw = out.split(self.marker.as_str()).nth(1)?;
        let raw = &raw[raw.find("<li")?..];
        let redrawn = self.note(renderer, def, raw, new)?;
        // A definition written inside it would renumber the entries after it; a heading would
        // take its id from the whole section.
        if redrawn.definitions != note.definitions || redrawn.has_heading {
            return None;
        }
        let html = redrawn.html.to_string();

        // Nothing declined past this point: the preview takes the edit.
        let delta = edit.delta;
        for d in &mut self.definitions {
            *d = match *d == old {
                true => new,
                false => d.moved(old.end, delta),
            };
        }
        let first_after = self
            .blocks
            .iter()
            .position(|b| !b.is_footnotes && b.start >= old.end)
            .unwrap_or(s);
        for block in &mut self.blocks[first_after..] {
            let lines = Lines {
                start: block.start,
                end: block.end,
            }
            .moved(old.end, delta);
            (block.start, block.end) = (lines.start, lines.end);
        }
        // The sections (the last blocks) run from the block before them to the end, as a full
        // parse has them.
        let total = self.lines.len();
        let sections = self.sections();
        for i in self.blocks.len() - sections..self.blocks.len() {
            self.blocks[i].start = i.checked_sub(1).map_or(0, |b| self.blocks[b].end);
            self.blocks[i].end = total;
        }
        let block = &mut self.blocks[s];
        let count = block.section.as_ref().map_or(0, |s| s.notes.len());
        if let Some(section) = block.section.as_deref_mut() {
            for (i, n) in section.notes.iter_mut().enumerate() {
                match i == index {
                    true => *n = redrawn.clone(),
                    false => n.lines = n.lines.moved(old.end, delta),
                }
            }
            // The replaced entry leaves the cache unless another entry still shows it (only a
            // whole parse trims the cache, and typing in a footnote may never make one).
            if !section.notes.iter().any(|n| n.raw == note.raw) {
                self.rendered.remove(&note.raw);
            }
            block.raw = section.raw();
            block.html = section.html();
            block.counts = section.counts();
        }
        let note = NotePatch {
            block: s,
            index,
            count,
            html,
            at,
            len,
            line: block.start,
            lines: block.end - block.start,
        };
        self.version += 1;
        Some(PreviewPatch {
            version: self.version,
            start: first_after,
            removed: 0,
            blocks: Vec::new(),
            line_delta: delta,
            counts: self.counts(),
            note: Some(note),
        })
    }

    /// The text, as the preview holds it.
    fn text(&self) -> String {
        self.lines.join("\n")
    }

    /// Parses the whole text again; the patch holds only the blocks that differ.
    fn reparse_all(&mut self, renderer: &Renderer, delta: isize) -> PreviewPatch {
        let text = self.text();
        let Parsed {
            blocks: new,
            definitions,
        } = self.blocks_of(renderer, &text, 0, None).unwrap_or_default();
        self.definitions = definitions;
        let same_start = self
            .blocks
            .iter()
            .zip(&new)
            .take_while(|(a, b)| a.raw == b.raw && a.start == b.start && a.end == b.end)
            .count();
        let same_end = self.blocks[same_start..]
            .iter()
            .rev()
            .zip(new[same_start..].iter().rev())
            .take_while(|(a, b)| {
                a.raw == b.raw
                    && a.start as isize + delta == b.start as isize
                    && a.end as isize + delta == b.end as isize
            })
            .count();
        let removed = self.blocks.len() - same_start - same_end;
        let patch_blocks = new[same_start..new.len() - same_end]
            .iter()
            .map(PreviewBlock::from)
            .collect();
        // Past twice the draft's blocks, keep only what the draft shows now.
        let notes = |b: &Block| b.section.as_ref().map_or(0, |s| s.notes.len());
        if self.rendered.len() > 2 * new.iter().map(|b| 1 + notes(b)).sum::<usize>() + 256 {
            let shown: HashSet<&Arc<str>> = new
                .iter()
                .flat_map(|b| {
                    let notes = b
                        .section
                        .iter()
                        .flat_map(|s| s.notes.iter().map(|n| &n.raw));
                    std::iter::once(&b.raw).chain(notes)
                })
                .collect();
            self.rendered.retain(|raw, _| shown.contains(raw));
        }
        self.blocks = new;
        self.version += 1;
        PreviewPatch {
            version: self.version,
            start: same_start,
            removed,
            blocks: patch_blocks,
            line_delta: delta,
            counts: self.counts(),
            note: None,
        }
    }

    /// The top-level blocks of `text`, whose first line is line `offset` of the draft.
    ///
    /// `window` is `None` for the whole draft. For a window of it, the footnote references
    /// its old blocks had: the window's references take their numbers, and `None` is the
    /// answer when they are not the same footnotes in the same order.
    fn blocks_of(
        &mut self,
        renderer: &Renderer,
        text: &str,
        offset: usize,
        window: Option<&[FootnoteRef]>,
    ) -> Option<Parsed> {
        let text_lines = text.split('\n').count();
        let last_line = text.rsplit('\n').next().unwrap_or_default();
        if window.is_some() && spaces_only(last_line) {
            return None;
        }
        let arena = Arena::new();
        // A window's last line may be followed by another in the draft: the parser reads a
        // line at the end of its text differently (`1.` is text there, an empty item before
        // a newline), so the window's text ends as the draft's does.
        let ends_draft = offset + text_lines >= self.lines.len();
        let terminated;
        let text = match window {
            Some(_) if !ends_draft => {
                terminated = format!("{text}\n");
                terminated.as_str()
            }
            _ => text,
        };
        // The window's footnotes are defined elsewhere in the draft: stand-in definitions after
        // it make its references resolve (those that name no footnote show as different
        // references, which sends the edit to a full parse).
        let parsed = match window {
            Some(_) => with_stand_in_definitions(text)?,
            None => std::borrow::Cow::Borrowed(text),
        };
        // Stand-ins after the draft's unterminated last line would end that line.
        if parsed.len() > text.len() && ends_draft && bare_markers(last_line) {
            return None;
        }
        // Only the draft's first line can open its settings, and only when they are settings.
        let options = if offset == 0 && crate::front_matter::block(&parsed).is_some() {
            &self.options
        } else {
            &self.without_front_matter
        };
        // A window's definitions stay where they are written, referred to in it or not, so
        // their lines can be read.
        let in_place;
        let options = if window.is_some() {
            let mut leaving = options.clone();
            leaving.parse.leave_footnote_definitions = true;
            in_place = leaving;
            &in_place
        } else {
            options
        };
        let expanded =
            notation::expand(&parsed, self.flavor, Output::Preview, options, &self.cards);
        let root = parse_document(&arena, &expanded.markdown, options);
        prepare(root, &expanded, &self.image_url, self.book_card.is_some());
        if expanded.contents {
            contents::fill(root);
        }
        // Footnote definitions (gathered at the end by the parser) render as one section.
        let footnotes = new_node(&arena, NodeValue::Document);
        let mut nodes: Vec<&AstNode<'_>> = Vec::new();
        let mut definitions = Vec::new();
        for child in root.children().collect::<Vec<_>>() {
            let pos = child.data.borrow().sourcepos;
            if matches!(child.data.borrow().value, NodeValue::FootnoteDefinition(_)) {
                child.detach();
                footnotes.append(child);
                // (A window's stand-ins come after its text.)
                if pos.start.line <= text_lines {
                    definitions.push(definition_lines(child, offset, text_lines));
                }
            } else if pos.start.line <= text_lines {
                // A block the window left open (code, a list item's code, raw HTML) has taken
                // the stand-ins in: what follows the window in the draft decides how it ends.
                if window.is_some() && pos.end.line > text_lines {
                    return None;
                }
                nodes.push(child);
            }
        }
        if let Some(old) = window {
            let mut old = old.iter();
            for node in &nodes {
                for d in node.descendants() {
                    if let NodeValue::FootnoteReference(ref mut r) = d.data.borrow_mut().value {
                        let was = old.next().filter(|was| was.name == r.name)?;
                        r.ix = was.ix;
                        r.ref_num = was.ref_num;
                    }
                }
            }
            if old.next().is_some() {
                return None;
            }
        }
        let mut blocks = Vec::with_capacity(nodes.len() + 1);
        for node in nodes {
            let pos = node.data.borrow().sourcepos;
            let start = pos.start.line.max(1) - 1;
            let end = pos.end.line.max(pos.start.line).max(1);
            blocks.push(self.block(renderer, node, offset + start, offset + end));
        }
        if window.is_none() && footnotes.first_child().is_some() {
            let start = blocks.last().map_or(offset, |b| b.end);
            let end = offset + text_lines;
            let section = match self.section(renderer, &arena, footnotes, offset, text_lines) {
                Some(section) => Block {
                    start,
                    end,
                    raw: section.raw(),
                    html: section.html(),
                    counts: section.counts(),
                    footnote_refs: footnote_refs(footnotes),
                    is_footnotes: true,
                    section: Some(Box::new(section)),
                },
                None => Block {
                    is_footnotes: true,
                    ..self.block(renderer, footnotes, start, end)
                },
            };
            blocks.push(section);
        }
        // Hatena's `((…))` notes, listed at the end as the blog lists them.
        if window.is_none() && !expanded.notes.is_empty() {
            let raw: Arc<str> = notation::footnotes_html(&expanded.notes).into();
            let html: Arc<str> = renderer.sanitizer.clean(&raw).to_string().into();
            blocks.push(Block {
                start: blocks.last().map_or(offset, |b| b.end),
                end: offset + text_lines,
                raw,
                html,
                counts: Counts::default(),
                footnote_refs: Vec::new(),
                is_footnotes: true,
                section: None,
            });
        }
        definitions.sort_unstable_by_key(|d| d.start);
        Some(Parsed {
            blocks,
            definitions,
        })
    }

    /// The footnotes section of a full parse, entry by entry (`footnotes` holds the
    /// definitions, in order); `None` when it cannot be cut into them.
    fn section<'a>(
        &mut self,
        renderer: &Renderer,
        arena: &'a Arena<'a>,
        footnotes: &'a AstNode<'a>,
        offset: usize,
        text_lines: usize,
    ) -> Option<Section> {
        // Formatted once with a marker before each entry and after the last.
        let definitions: Vec<&AstNode<'_>> = footnotes.children().collect();
        let mut markers = Vec::with_capacity(definitions.len() + 1);
        for definition in &definitions {
            let marker = new_node(arena, NodeValue::Raw(self.marker.clone()));
            definition.insert_before(marker);
            markers.push(marker);
        }
        let marker = new_node(arena, NodeValue::Raw(self.marker.clone()));
        footnotes.append(marker);
        markers.push(marker);
        let raw = renderer.format(footnotes, &self.options);
        for marker in markers {
            marker.detach();
        }
        // Before the first marker nothing; after the last the section's end; between them each
        // entry, the first after the section's start.
        let mut parts = raw.split(self.marker.as_str());
        if parts.next() != Some("") {
            return None;
        }
        let parts: Vec<&str> = parts.collect();
        let (tail, entries) = parts.split_last()?;
        if entries.len() != definitions.len() {
            return None;
        }
        let head = &entries.first()?[..entries.first()?.find("<li")?];
        let shell = renderer
            .sanitizer
            .clean(&format!("{head}{tail}"))
            .to_string();
        let (head_html, tail_html) = shell.split_at(shell.find("</ol>")?);
        let mut notes = Vec::with_capacity(entries.len());
        for (definition, entry) in definitions.into_iter().zip(entries) {
            let entry = entry.strip_prefix(head).unwrap_or(entry);
            let lines = definition_lines(definition, offset, text_lines);
            notes.push(self.note(renderer, definition, entry, lines)?);
        }
        Some(Section {
            head_raw: head.into(),
            tail_raw: (*tail).into(),
            head_html: head_html.into(),
            tail_html: tail_html.into(),
            notes,
        })
    }

    /// The section's entry formatted from `definition` as `raw`.
    fn note<'a>(
        &mut self,
        renderer: &Renderer,
        definition: &'a AstNode<'a>,
        raw: &str,
        lines: Lines,
    ) -> Option<Note> {
        let (name, total_references) = match &definition.data.borrow().value {
            NodeValue::FootnoteDefinition(d) => (d.name.clone(), d.total_references),
            _ => return None,
        };
        let raw: Arc<str> = raw.into();
        let (html, counts) = self.sanitized(renderer, &raw, definition);
        let definitions = definition
            .descendants()
            .filter(|d| matches!(d.data.borrow().value, NodeValue::FootnoteDefinition(_)))
            .count();
        let has_heading = definition
            .descendants()
            .any(|d| matches!(d.data.borrow().value, NodeValue::Heading(_)));
        Some(Note {
            name,
            lines,
            total_references,
            refs: footnote_refs(definition),
            definitions,
            has_heading,
            raw,
            html_utf16: html.encode_utf16().count(),
            html,
            counts,
        })
    }

    /// `raw`, the HTML formatted from `node`, sanitized (from the cache when it is there), and
    /// the counts of its text.
    fn sanitized<'a>(
        &mut self,
        renderer: &Renderer,
        raw: &Arc<str>,
        node: &'a AstNode<'a>,
    ) -> (Arc<str>, Counts) {
        if let Some(known) = self.rendered.get(raw) {
            return known.clone();
        }
        let clean = renderer.sanitizer.clean(raw).to_string();
        let known = (
            Arc::from(mathml::draw(&with_card(clean, self.book_card.as_deref()))),
            counts::of_document(node, self.options.render.hardbreaks),
        );
        self.rendered.insert(raw.clone(), known.clone());
        known
    }

    fn block<'a>(
        &mut self,
        renderer: &Renderer,
        node: &'a AstNode<'a>,
        start: usize,
        end: usize,
    ) -> Block {
        let raw: Arc<str> = renderer.format(node, &self.options).into();
        let (html, counts) = self.sanitized(renderer, &raw, node);
        Block {
            start,
            end,
            counts,
            raw,
            html,
            footnote_refs: footnote_refs(node),
            is_footnotes: false,
            section: None,
        }
    }

    fn counts(&self) -> Counts {
        counts::sum(self.blocks.iter().map(|b| b.counts))
    }
}

impl From<&Block> for PreviewBlock {
    fn from(b: &Block) -> PreviewBlock {
        PreviewBlock {
            html: b.html.to_string(),
            line: b.start,
            lines: b.end - b.start,
        }
    }
}

/// The lines of `text`, split where Markdown (and the editor) ends a line: `\n`, `\r\n` or `\r`.
fn lines_of(text: &str) -> Vec<String> {
    if !text.contains('\r') {
        return text.split('\n').map(str::to_owned).collect();
    }
    text.replace("\r\n", "\n")
        .split(['\n', '\r'])
        .map(str::to_owned)
        .collect()
}

/// A node to put into a parsed tree.
fn new_node<'a>(arena: &'a Arena<'a>, value: NodeValue) -> &'a AstNode<'a> {
    let position = LineColumn { line: 1, column: 1 };
    arena.alloc(AstNode::new(std::cell::RefCell::new(Ast::new(
        value, position,
    ))))
}

/// The draft's lines a footnote definition parsed from `text_lines` lines at line `offset`
/// spans.
fn definition_lines<'a>(definition: &'a AstNode<'a>, offset: usize, text_lines: usize) -> Lines {
    let pos = definition.data.borrow().sourcepos;
    Lines {
        start: offset + pos.start.line.max(1) - 1,
        end: offset + pos.end.line.max(pos.start.line).min(text_lines),
    }
}

/// Raw HTML holding 128 random bits, which no author types by chance or on purpose.
fn unguessable_marker() -> String {
    use std::hash::{BuildHasher, Hasher};
    // Each `RandomState` is seeded from the system's randomness (then stepped per thread).
    let random = || {
        std::collections::hash_map::RandomState::new()
            .build_hasher()
            .finish()
    };
    format!("<!--fumi-note-{:016x}{:016x}-->", random(), random())
}

/// Whether a line holds notation whose rendering depends on the rest of the draft: a `((…))`
/// note (numbered across it) or `[:contents]` (every heading).
fn notation_reaches_elsewhere(line: &str) -> bool {
    line.contains("((") || line.contains("[:contents]")
}

/// The line that opens and closes front matter.
fn is_delimiter(line: &str) -> bool {
    line.trim_end() == crate::front_matter::DELIMITER
}

fn is_blank(line: &str) -> bool {
    // Spaces and tabs only, as Markdown reads it: a line of `　` (U+3000) is text.
    line.bytes().all(|b| b == b' ' || b == b'\t')
}

/// Syntax whose meaning reaches text elsewhere in the draft: footnote and link reference
/// definitions, and raw HTML (whose blocks may run past blank lines).
fn reaches_elsewhere(line: &str) -> bool {
    let t = after_containers(line, false);
    line.trim_start().starts_with('<') || (t.starts_with('[') && t.contains("]:")) || ends_label(t)
}

/// Whether the line may end a link definition's label begun on an earlier line (`[foo` /
/// `bar]: /u`): a `]:` with no bracket before it but escaped ones (`\]`), as a label holds none.
fn ends_label(t: &str) -> bool {
    let Some(at) = t.find("]:") else {
        return false;
    };
    let mut before = t[..at].chars();
    while let Some(c) = before.next() {
        match c {
            '\\' => {
                before.next();
            }
            '[' | ']' => return false,
            _ => {}
        }
    }
    true
}

/// Whether the line holds only the markers of quotes, list items and footnote definitions
/// (`1.`, `> 1.`, `[^a]: 1.`): on the draft's unterminated last line the parser reads a bare
/// ordered marker as text, before a newline as an empty item.
fn bare_markers(line: &str) -> bool {
    !is_blank(line) && after_containers(line, true).is_empty()
}

/// Whether the line is blank but not empty (spaces or tabs): the parser counts such a line in
/// the extent of a list before it when text or the end of the draft follows, not when an
/// empty line does (`- a` / `\t` / `b`: the list runs over two lines; `- a` / `\t` / `` /
/// `b`: one), so a window neither ends on one nor stops before one.
fn spaces_only(line: &str) -> bool {
    !line.is_empty() && is_blank(line)
}

/// Whether the line begins a footnote definition of the draft's own (not in a quote or list).
fn defines_footnote(line: &str) -> bool {
    line.starts_with("[^") && line.contains("]:")
}

/// Whether the line may begin or end a link reference definition (also in a quote, a list
/// item or a footnote).
fn defines_link(line: &str) -> bool {
    let t = after_containers(line, true);
    (t.starts_with('[') && !t.starts_with("[^") && t.contains("]:")) || ends_label(t)
}

/// The line after the markers of the quotes and list items it is in (and of the footnote
/// definitions, if `footnotes`): where a definition on it would begin.
fn after_containers(line: &str, footnotes: bool) -> &str {
    // Markdown's spaces: a `　` (U+3000) after a marker is text.
    fn spaces(t: &str) -> &str {
        t.trim_start_matches([' ', '\t'])
    }
    let mut t = spaces(line);
    loop {
        let digits = t.chars().take_while(char::is_ascii_digit).count();
        let bullet = t.starts_with(['-', '*', '+']) && t[1..].starts_with([' ', '\t']);
        let marker = if t.starts_with('>') || bullet {
            1
        } else if digits > 0 && t[digits..].starts_with(['.', ')']) {
            digits + 1
        } else if let Some(end) = t.find("]:").filter(|_| footnotes && t.starts_with("[^")) {
            end + 2
        } else {
            break;
        };
        t = spaces(&t[marker..]);
    }
    t
}

/// The line without up to `columns` leading spaces (a tab counts as four).
fn without_indent(line: &str, columns: usize) -> String {
    let mut left = columns;
    let rest = line.trim_start_matches(|c| {
        let width = if c == '\t' { 4 } else { 1 };
        let take = matches!(c, ' ' | '\t') && width <= left;
        if take {
            left -= width;
        }
        take
    });
    rest.to_owned()
}

/// Whether the line has a `[` that may name a link reference defined elsewhere.
fn may_use_link_reference(line: &str) -> bool {
    line.match_indices('[')
        .any(|(at, _)| !line[at + 1..].starts_with('^'))
}

/// The footnote references under `node`, in document order (the order the parser numbers them).
fn footnote_refs<'a>(node: &'a AstNode<'a>) -> Vec<FootnoteRef> {
    node.descendants()
        .filter_map(|d| match &d.data.borrow().value {
            NodeValue::FootnoteReference(r) => Some(FootnoteRef {
                name: r.name.clone(),
                ix: r.ix,
                ref_num: r.ref_num,
            }),
            _ => None,
        })
        .collect()
}

/// `text` followed by a definition for every footnote label it may name (`[^label]`); `None`
/// when a label is more than letters, digits, `-` and `_` (a stand-in for it could parse as
/// something else).
fn with_stand_in_definitions(text: &str) -> Option<std::borrow::Cow<'_, str>> {
    let mut labels: Vec<&str> = Vec::new();
    for (at, _) in text.match_indices("[^") {
        let rest = &text[at + 2..];
        let label = rest.split(']').next().unwrap_or_default();
        if label.len() == rest.len() {
            continue; // no `]`: not a reference
        }
        if label.is_empty()
            || !label
                .chars()
                .all(|c| c.is_alphanumeric() || c == '-' || c == '_')
        {
            return None;
        }
        if !labels.contains(&label) {
            labels.push(label);
        }
    }
    if labels.is_empty() {
        return Some(std::borrow::Cow::Borrowed(text));
    }
    let mut out = String::with_capacity(text.len() + labels.len() * 16);
    out.push_str(text);
    for label in labels {
        out.push_str("\n\n[^");
        out.push_str(label);
        out.push_str("]: .");
    }
    Some(std::borrow::Cow::Owned(out))
}

/// Whether every code fence opened in `lines` is closed there (an open one would swallow
/// the rest of the draft); false also when a fence opens in a quote, a list item or a footnote.
fn fences_balanced(lines: &[String]) -> bool {
    let mut open: Option<(char, usize)> = None;
    for line in lines {
        // A fence after a container's marker (`- ```rust`, `> ````) ends with its container,
        // where the window may not reach; telling a marker from text takes the parser. Inside
        // a fence already open such a line is its text.
        let inside = after_containers(line, true);
        if inside.len() < line.trim_start().len() {
            if open.is_none() && fence_run(inside).is_some() {
                return false;
            }
            continue;
        }
        let t = line.trim_start_matches(' ');
        if line.len() - t.len() > 3 {
            continue;
        }
        let Some((c, run)) = fence_run(t) else {
            continue;
        };
        let rest = &t[run..];
        match open {
            // A backtick fence's info string has no backtick (else the line is text).
            None if c == '`' && rest.contains('`') => {}
            None => open = Some((c, run)),
            Some((oc, orun)) if oc == c && run >= orun && is_blank(rest) => open = None,
            Some(_) => {}
        }
    }
    open.is_none()
}

/// The fence character and run a line begins with, if it begins with three or more.
fn fence_run(t: &str) -> Option<(char, usize)> {
    let c = t.chars().next().filter(|c| *c == '`' || *c == '~')?;
    let run = t.chars().take_while(|x| *x == c).count();
    (run >= 3).then_some((c, run))
}

/// Whether a line may belong to the block before it across a blank line: indented text (a
/// list item's paragraph or code), or another list item.
fn may_continue(line: &str) -> bool {
    if line.starts_with([' ', '\t']) {
        return true;
    }
    let t = line.trim_start();
    if t.starts_with(['-', '*', '+']) {
        return true;
    }
    let digits = t.chars().take_while(char::is_ascii_digit).count();
    digits > 0 && t[digits..].starts_with(['.', ')'])
}

#[cfg(test)]
mod tests {
    use super::*;

    const REVIEW: &str = "---\ntags: [SF]\n---\n# 『三体』を読んで\n\n本書は**劉慈欣**の長編だ[^1]。\n\n## 基本情報\n\n| 項目 | 内容 |\n|---|---|\n| 著者 | 劉慈欣 |\n\n- 第一部\n- 第二部\n\n  続きの段落。\n\n> 「物理学は存在しない」\n\n```rust\nfn main() {}\n```\n\n終わり。\nすぐ次の行。\n\n[^1]: 注。\n";

    /// What could be typed: characters, lines that start blocks, lines that tie blocks together.
    const PIECES: &[&str] = &[
        "あ",
        "本",
        "x",
        "",
        "\n",
        "\n\n",
        "## 見出し",
        "- 項目",
        "1. 番号",
        "  字下げ",
        "```",
        "~~~",
        "> 引用",
        "===",
        "---",
        "| a | b |",
        "|---|---|",
        "[^1]",
        "[^2]: 注",
        "<div>",
        "</div>",
        "[ref]: https://example.com",
        "[ref]",
        "**強調",
        "*",
        "\t",
        "𠮷",
        "　",
    ];

    /// A small deterministic generator, so a failure can be replayed.
    struct Lcg(u64);
    impl Lcg {
        fn next(&mut self, n: usize) -> usize {
            self.0 = self
                .0
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            ((self.0 >> 33) as usize) % n.max(1)
        }
    }

    impl LivePreview {
        /// Every block's sanitized HTML, in order: the whole preview.
        fn html(&self) -> String {
            self.blocks.iter().map(|b| &*b.html).collect()
        }
    }

    fn full(renderer: &Renderer, text: &str) -> (String, Vec<(usize, usize)>, Counts) {
        full_as(renderer, text, Flavor::Plain)
    }

    fn full_as(
        renderer: &Renderer,
        text: &str,
        flavor: Flavor,
    ) -> (String, Vec<(usize, usize)>, Counts) {
        let (p, patch) =
            LivePreview::for_flavor(renderer, text, |_| None, None, flavor, PageCards::new());
        (
            p.html(),
            p.blocks.iter().map(|b| (b.start, b.end)).collect(),
            patch.counts,
        )
    }

    #[test]
    fn every_edit_gives_what_rendering_the_whole_text_gives() {
        edits_give_what_the_whole_text_gives(Flavor::Plain, PIECES, 40);
    }

    #[test]
    fn with_hatena_notation_every_edit_gives_what_rendering_the_whole_text_gives() {
        let pieces: Vec<&str> = PIECES
            .iter()
            .copied()
            .chain([
                "((注))",
                "((",
                "))",
                "[:contents]",
                "\n[:contents]\n",
                "<!-- more -->",
                "\n[https://example.com/a:embed]\n",
                "[asin:4297125609:detail]",
                "[f:id:fumi:20261206093000j:plain]",
            ])
            .collect();
        edits_give_what_the_whole_text_gives(Flavor::Hatena, &pieces, 20);
    }

    fn edits_give_what_the_whole_text_gives(flavor: Flavor, pieces: &[&str], seeds: u64) {
        let renderer = Renderer::new();
        for seed in std::env::var("LIVE_SEED")
            .ok()
            .and_then(|s| s.parse().ok())
            .map_or(0..seeds, |s: u64| s..s + 1)
        {
            let mut rng = Lcg(seed);
            let mut doc = String::new();
            for _ in 0..(1 + rng.next(4)) {
                doc.push_str(REVIEW);
            }
            let (mut live, _) =
                LivePreview::for_flavor(&renderer, &doc, |_| None, None, flavor, PageCards::new());
            // A budget this small declines many edits, as 64 KiB does in a long draft.
            live.quick_bytes = 60 + rng.next(400);
            let mut shown: Vec<String> = live.blocks.iter().map(|b| b.html.to_string()).collect();
            for step in 0..60 {
                let lines = live.lines.len();
                let from = rng.next(lines);
                let to = (from + rng.next(3)).min(lines).max(from + 1).min(lines);
                // Keep most of the edited lines, changing a part of them, as typing does.
                let old = live.lines[from..to].join("\n");
                let cut = rng.next(old.chars().count() + 1);
                let kept: String = old.chars().take(cut).collect();
                let rest: String = old.chars().skip(cut + rng.next(2)).collect();
                let text = format!("{kept}{}{rest}", pieces[rng.next(pieces.len())]);
                let base = live.version();
                // As the window does half the time: quick first, in full when declined.
                let quick = if rng.next(2) == 0 {
                    declined_or_applied(&renderer, &mut live, from, to, &text)
                } else {
                    None
                };
                let patch = quick.unwrap_or_else(|| {
                    live.edit(&renderer, base, from, to, &text)
                        .expect("an edit of the current version applies")
                });
                apply(&mut shown, &patch);
                let (html, ranges, counts) = full_as(&renderer, &live.text(), flavor);
                let context = format!(
                    "seed {seed} step {step}: lines {from}..{to} ← {text:?}\n{}",
                    live.text()
                );
                assert_eq!(live.html(), html, "{context}");
                assert_eq!(shown.concat(), html, "the patched window: {context}");
                assert_eq!(
                    live.blocks
                        .iter()
                        .map(|b| (b.start, b.end))
                        .collect::<Vec<_>>(),
                    ranges,
                    "{context}"
                );
                assert_eq!(patch.counts, counts, "{context}");
                let whole = LivePreview::for_flavor(
                    &renderer,
                    &live.text(),
                    |_| None,
                    None,
                    flavor,
                    PageCards::new(),
                )
                .0;
                assert_eq!(live.definitions, whole.definitions, "{context}");
                assert_eq!(notes(&live), notes(&whole), "{context}");
            }
        }
    }

    /// Each footnote's name, lines and HTML, as the section holds them.
    fn notes(live: &LivePreview) -> Vec<(String, Lines, Arc<str>, usize)> {
        live.blocks
            .iter()
            .flat_map(|b| b.section.iter().flat_map(|s| &s.notes))
            .map(|n| (n.name.clone(), n.lines, n.html.clone(), n.html_utf16))
            .collect()
    }

    /// What the window does with a patch: the blocks it names replaced, then the footnote
    /// entry, cut in where the patch says (in UTF-16 units, as the page's strings count).
    fn apply(shown: &mut Vec<String>, patch: &PreviewPatch) {
        shown.splice(
            patch.start..patch.start + patch.removed,
            patch.blocks.iter().map(|b| b.html.clone()),
        );
        if let Some(note) = &patch.note {
            let mut units: Vec<u16> = shown[note.block].encode_utf16().collect();
            units.splice(note.at..note.at + note.len, note.html.encode_utf16());
            shown[note.block] = String::from_utf16(&units).expect("whole characters");
        }
    }

    #[test]
    fn typing_in_a_paragraph_repaints_only_the_blocks_around_it() {
        let renderer = Renderer::new();
        let doc = "# 題\n\n一段落目。\n\n二段落目。\n\n三段落目。\n\n四段落目。\n";
        let (mut live, _) = LivePreview::new(&renderer, doc, |_| None, None);
        let base = live.version();
        let patch = live
            .edit(&renderer, base, 4, 5, "二段落目を書き足す。")
            .expect("applies");
        assert!(patch.removed <= 3 && patch.start >= 1, "{patch:?}");
        assert!(patch.blocks.iter().any(|b| b.html.contains("書き足す")));
        assert_eq!(
            live.edit(&renderer, base, 0, 1, "x"),
            Err(OutOfStep),
            "an old version is refused"
        );
    }

    /// Tries `edit_if_quick`; when it declines, checks that the preview is as it was.
    fn declined_or_applied(
        renderer: &Renderer,
        live: &mut LivePreview,
        from: usize,
        to: usize,
        text: &str,
    ) -> Option<PreviewPatch> {
        let (base, before, html, links) = (
            live.version(),
            live.text(),
            live.html(),
            live.link_definitions,
        );
        let patch = live
            .edit_if_quick(renderer, base, from, to, text)
            .expect("an edit of the current version applies");
        if patch.is_none() {
            assert_eq!(
                (
                    live.version(),
                    live.text(),
                    live.html(),
                    live.link_definitions
                ),
                (base, before, html, links),
                "a declined edit leaves the preview as it was"
            );
        }
        patch
    }

    #[test]
    fn the_text_is_read_back_at_its_version_only() {
        let renderer = Renderer::new();
        let (mut live, _) = LivePreview::new(&renderer, "一。\r\n\n二。", |_| None, None);
        let first = live.version();
        assert_eq!(live.text_at(first).expect("current"), "一。\n\n二。");
        live.edit(&renderer, first, 2, 3, "二を直す。\n三。")
            .expect("edit");
        assert_eq!(
            live.text_at(live.version()).expect("current"),
            "一。\n\n二を直す。\n三。"
        );
        assert!(
            live.text_at(first).is_err(),
            "an older version is out of step"
        );
    }

    #[test]
    fn an_edit_is_applied_while_the_window_waits_only_when_that_is_quick() {
        let renderer = Renderer::new();
        let notes = "# 題\n\n一[^a]。\n\n二。\n\n三。\n\n[^a]: 注a。\n";
        // A short draft: even an edit that re-parses it whole is quick.
        let (mut live, _) = LivePreview::new(&renderer, notes, |_| None, None);
        declined_or_applied(&renderer, &mut live, 8, 9, "[^a]: 注を直す。").expect("quick");
        assert_eq!(live.html(), full(&renderer, &live.text()).0);
        // A draft over 64 KiB (the notes after 6,000 paragraphs).
        let long = format!("{}{notes}", "前の段落。\n\n".repeat(6000));
        let (mut live, _) = LivePreview::new(&renderer, &long, |_| None, None);
        let at = 12_000;
        let quick = |live: &mut LivePreview, line: usize, text: &str| {
            declined_or_applied(&renderer, live, at + line, at + line + 1, text)
        };
        // Typing in a paragraph: the blocks around it, as `edit` would.
        let patch = quick(&mut live, 4, "二を書き足す。").expect("a paragraph");
        assert!(patch.blocks.iter().any(|b| b.html.contains("書き足す")));
        // The last paragraph, just before the footnotes section, too.
        quick(&mut live, 6, "三を書く。").expect("the paragraph before the notes");
        // Typing in a footnote's definition: that footnote alone.
        let patch = quick(&mut live, 8, "[^a]: 注を直す。").expect("a definition");
        assert!(patch.blocks.is_empty(), "{patch:?}");
        let note = patch.note.expect("the footnote redrawn");
        assert!(note.html.contains("注を直す。") && note.html.contains("fnref-a"));
        assert_eq!(live.html(), full(&renderer, &live.text()).0);
        // Its label changed, a new reference, a long paste: the whole draft, declined.
        assert_eq!(quick(&mut live, 8, "[^b]: 注を直す。"), None);
        assert_eq!(quick(&mut live, 4, "二[^a]。"), None);
        assert_eq!(quick(&mut live, 4, &"長い段落。".repeat(5000)), None);
        // The edit then applies in full.
        let base = live.version();
        live.edit(&renderer, base, at + 4, at + 5, "二[^a]。")
            .expect("applies");
        assert_eq!(live.html(), full(&renderer, &live.text()).0);
        assert!(live.html().contains(r##"id="fnref-a-2""##));
    }

    /// The preview of `doc` after old lines `from .. to` become `text`, checked against the
    /// edited text rendered whole.
    fn edited(doc: &str, from: usize, to: usize, text: &str) -> LivePreview {
        let renderer = Renderer::new();
        let (mut live, _) = LivePreview::new(&renderer, doc, |_| None, None);
        let base = live.version();
        live.edit(&renderer, base, from, to, text).expect("applies");
        let whole = LivePreview::new(&renderer, &live.text(), |_| None, None).0;
        assert_eq!(live.html(), whole.html());
        let lines = |p: &LivePreview| -> Vec<(usize, usize)> {
            p.blocks.iter().map(|b| (b.start, b.end)).collect()
        };
        assert_eq!(lines(&live), lines(&whole), "the blocks' lines");
        assert_eq!(
            live.definitions, whole.definitions,
            "the definitions' lines"
        );
        live
    }

    #[test]
    fn a_window_that_would_open_with_a_thematic_break_is_not_taken_for_front_matter() {
        let doc = "\n---\ntitle\n---\n# 見出し\n本文\n---\n# 題\n\n段落。\n";
        edited(doc, 7, 8, "題を書き換える");
    }

    #[test]
    fn settings_closed_by_a_later_exact_delimiter_are_read_as_a_full_parse_reads_them() {
        // `--- ` (a space after it) closes nothing; the block runs to the later `---`.
        let doc = "---\nHello\n--- \n\npara\n---\n\nmore\n";
        edited(doc, 1, 2, "title: x");
    }

    #[test]
    fn settings_taken_out_whole_as_an_undo_does_leave_the_text_alone() {
        let doc = "---\ntags: [新刊, 読書]\n---\n\n思いつき";
        edited(doc, 0, 5, "思いつき");
        edited(doc, 0, 3, "");
    }

    #[test]
    fn a_line_after_a_footnote_definition_before_the_first_block_is_parsed_with_it() {
        // The new line continues the definition (lazily): it is no paragraph of its own.
        edited("[^2]: 注\n\n> 引用\n", 1, 2, "続き");
    }

    #[test]
    fn a_fence_in_a_list_item_or_a_quote_ends_where_markdown_ends_it() {
        // The fence runs to its item's end, over the blank lines a window would cut off.
        let doc = "# 題\n\n段落\n\n- 第一部\n- ```二部\n\n  \n\n続き\n";
        edited(doc, 2, 3, "段落を書く");
        edited(doc, 9, 10, "続きを書く");
        edited("> ```\n> a\n\n\n段落\n", 4, 5, "段落を書く");
        // The item's fence ends with the item, where a fence outside it opens to the draft's end:
        // a window holding both, and a footnote reference, must not give its stand-ins to it.
        let doc = "本文[^1]。\n\n- 第一部\n- 第二部\n\n ~~~ 続き\n\n```rust\nfn main() {}\n```\n\n終わり\n\n[^1]: 注。\n";
        edited(doc, 3, 4, "- ```二部");
        // A quote's fence ends with the quote: the fence after it opens to the draft's end.
        let doc = "段落\n\n> ```引用\n\n```rust\nfn main() {}\n```\n\n終わり\n\n```\n後\n```\n";
        edited(doc, 4, 5, "```rust```");
        // Outside any container, `- ```` is the code's text, not its end.
        edited(
            "段落\n\n```\n- ```\n\n\n```\n\n終わり\n",
            0,
            1,
            "段落を書く",
        );
    }

    #[test]
    fn a_line_of_ideographic_space_is_text_not_a_blank_line() {
        // `　` (U+3000) continues a paragraph: the paragraph beside an edit is not parted by it.
        edited("# 見出し\n　\n本文\n", 0, 1, "見出し");
        edited("本文\n　\n# 見出し\n", 2, 3, "見出し");
        // Nor does it close a fence after its backticks.
        edited("段落\n\n```\nx\n```\n\n終わり\n", 4, 5, "```　");
    }

    #[test]
    fn what_only_looks_like_a_list_marker_opens_no_fence_the_window_trusts() {
        // `1.```` is a paragraph and `2. ```` after text continues it: the indented fence line
        // after either opens a fence to the draft's end.
        edited("段落\n\n1.```\n  x\n\n終わり\n", 3, 4, "  ```");
        edited("段落\n\nテキスト\n2. ```\n   y\n\n終わり\n", 4, 5, "   ```");
    }

    #[test]
    fn a_bare_ordered_marker_reads_as_the_whole_draft_reads_it() {
        // Before a newline `1.` is an empty item; a window ending on it ends the same way.
        edited("> 引用\n\n1.\n\n段落\n", 0, 1, "> 引用を書く");
        // On the draft's unterminated last line it is text, even with stand-ins after it.
        edited("本文[^1]。\n\n[^1]: 注\n\n1.", 0, 1, "本文を書く[^1]。");
        edited("本文[^1]。\n\n[^1]: 注\n\n- 1.", 0, 1, "本文を書く[^1]。");
        // The same in a footnote's definition, redrawn alone.
        edited("本文[^a]。\n\n[^a]: x", 2, 3, "[^a]: 1.");
        edited("本文[^a]。\n\n[^a]: 注\n\n    1.", 4, 5, "    1.");
    }

    #[test]
    fn a_line_of_spaces_or_tabs_after_a_list_counts_in_it_as_the_whole_draft_counts_it() {
        // Before text, a list runs over such a line (its lines as the preview scrolls by).
        edited("段落\n\n本文\n\t\n行。\n", 2, 3, "- 本文");
        // At the end of the draft too, but not before the stand-ins a window adds.
        edited("本文[^1]。\n\n[^1]: - 項目\n", 3, 4, "\t");
        // A definition redrawn alone: a list made in it reaches the line after it, and its
        // last line is its own at the end of the draft, not before stand-ins.
        edited("本文[^1]。\n\n[^1]: 項目\n\t\n段落\n", 2, 3, "[^1]: - 項目");
        edited(
            "本文[^1][^2]。\n\n[^2]: 注\n\n[^1]: - 項目[^2]\n\t",
            4,
            5,
            "[^1]: - 項目を書く[^2]",
        );
    }

    #[test]
    fn an_empty_definition_runs_over_the_blank_lines_up_to_the_text_after_it() {
        // `[^1]:` with nothing after it ends on the last blank line before the next text.
        edited("本文[^1]。\n\n[^1]:\n\n注。\n", 4, 5, "\n\n注。");
    }

    #[test]
    fn a_line_break_is_counted_as_hatena_shows_it_however_it_was_typed() {
        // Two spaces or none before the newline: Hatena breaks the line either way, so the
        // HTML is the same, and so must the manuscript's lines be.
        let renderer = Renderer::new();
        let doc = "一行目  \n二行目\n";
        let (mut live, _) = LivePreview::for_flavor(
            &renderer,
            doc,
            |_| None,
            None,
            Flavor::Hatena,
            PageCards::new(),
        );
        let base = live.version();
        let patch = live.edit(&renderer, base, 0, 1, "一行目").expect("applies");
        let (_, _, counts) = full_as(&renderer, &live.text(), Flavor::Hatena);
        assert_eq!(patch.counts, counts);
        // Without Hatena's breaks the two lines are one paragraph's line.
        assert_ne!(full(&renderer, &live.text()).2, counts);
    }

    #[test]
    fn a_last_line_of_ideographic_spaces_is_text_not_bare_markers() {
        // `　` (U+3000) is text to Markdown: a window ending the draft on it is taken.
        let renderer = Renderer::new();
        let doc = "[^1]: 注\n\n前の段落。\n\n本文[^1]。\n　";
        let (mut live, _) = LivePreview::new(&renderer, doc, |_| None, None);
        live.quick_bytes = 30;
        let base = live.version();
        let patch = live
            .edit_if_quick(&renderer, base, 4, 5, "本文を書く[^1]。")
            .expect("in step");
        assert!(patch.is_some(), "declined");
        assert_eq!(live.html(), full(&renderer, &live.text()).0);
    }

    #[test]
    fn a_link_definition_whose_label_runs_over_lines_is_seen() {
        // `[foo` / `bar]: /u` defines `[foo bar]`: typing by its reference needs it.
        edited(
            "[foo\nbar]: /u\n\n見る [foo bar]。\n",
            3,
            4,
            "見た [foo bar]。",
        );
        // Opening its label makes the reference below a link.
        edited("foo\nbar]: /u\n\n見る [foo bar]。\n", 0, 1, "[foo");
        // A label may hold escaped brackets.
        edited(
            "[foo\nb\\]ar]: /u\n\n見る [foo b\\]ar]。\n",
            3,
            4,
            "見た [foo b\\]ar]。",
        );
    }

    #[test]
    fn a_carriage_return_ends_a_line_as_in_markdown() {
        let doc = "---\rtags: [SF]\r\n---\n# 題\n";
        assert_eq!(lines_of(doc).len(), 5);
        let live = edited(doc, 3, 4, "# 新しい題\r\r本文");
        assert_eq!(live.lines.len(), 7);
    }

    #[test]
    fn typing_beside_a_definition_at_the_end_and_in_front_matter_stays_in_the_window() {
        let renderer = Renderer::new();
        let doc = "---\ntitle: 題\n---\n# 題\n\n一[^a]。\n\n```rust\nlet x = 1;\n```\n\n[^a]: 注a。\n\n二。\n\n[^b]: 注b。\n\n三[^b][^c]。\n\n[^c]: 末尾の注。\n";
        let (mut live, _) = LivePreview::new(&renderer, doc, |_| None, None);
        let blocks = live.blocks.len();
        // Quick below the draft's size: a window fits, never the whole draft.
        live.quick_bytes = doc.len() - 20;
        let typed = |live: &mut LivePreview, from: usize, to: usize, text: &str| {
            let base = live.version();
            let patch = live
                .edit_if_quick(&renderer, base, from, to, text)
                .expect("in step")
                .unwrap_or_else(|| panic!("{text:?} on line {from} went to a full parse"));
            assert_eq!(live.html(), full(&renderer, &live.text()).0, "{text:?}");
            patch
        };
        // In code, with a definition after it; in the settings; in the line before a definition.
        let patch = typed(&mut live, 8, 9, "let x = 12;");
        assert!(patch.removed < blocks, "{patch:?}");
        typed(&mut live, 1, 2, "title: 題名");
        typed(&mut live, 13, 14, "二を書き足す。");
        // A new paragraph after the last definition, and typing in it.
        let end = live.lines.len();
        typed(&mut live, end - 1, end, "\n四。");
        let end = live.lines.len();
        typed(&mut live, end - 1, end, "四を書き足す。");
        assert!(live.html().contains("末尾の注") && live.html().contains("四を書き足す"));
        // On a definition: that footnote; joining a line to one: the whole draft.
        let patch = typed(&mut live, 11, 12, "[^a]: 注aを直す。");
        assert!(patch.blocks.is_empty() && patch.note.is_some(), "{patch:?}");
        let base = live.version();
        assert_eq!(
            live.edit_if_quick(&renderer, base, 12, 13, "続き"),
            Ok(None)
        );
        let patch = live.edit(&renderer, base, 12, 13, "続き").expect("applies");
        assert!(
            patch
                .blocks
                .iter()
                .any(|b| b.html.contains("注aを直す。\n続き")),
            "{patch:?}"
        );
        assert_eq!(live.html(), full(&renderer, &live.text()).0);
    }

    #[test]
    fn typing_beside_a_footnote_keeps_its_number_and_repaints_only_the_blocks_around_it() {
        let renderer = Renderer::new();
        let doc =
            "# 題\n\n一[^a]。\n\n二[^b]と[^a]。\n\n三。\n\n[^b]: 注b。\n\n四。\n\n[^a]: 注a。\n";
        let (mut live, _) = LivePreview::new(&renderer, doc, |_| None, None);
        let base = live.version();
        let patch = live
            .edit(&renderer, base, 4, 5, "二を書き足す[^b]と[^a]。")
            .expect("applies");
        // The paragraph alone: blank lines part it from its neighbours.
        assert_eq!((patch.start, patch.removed), (2, 1), "{patch:?}");
        let html: String = patch.blocks.iter().map(|b| b.html.as_str()).collect();
        assert!(
            html.contains(
                r##"href="#fn-b" id="fnref-b" data-footnote-ref="" rel="noopener noreferrer">2<"##
            ) && html
                .contains(r##"id="fnref-a-2" data-footnote-ref="" rel="noopener noreferrer">1<"##),
            "{html}"
        );
        assert_eq!(live.html(), full(&renderer, &live.text()).0);
        // The last line typed on, with the definitions above it: the footnotes stay.
        let base = live.version();
        let end = live.lines.len();
        live.edit(&renderer, base, end - 1, end, "五。")
            .expect("applies");
        assert!(live.html().contains("注b。"));
        assert_eq!(live.html(), full(&renderer, &live.text()).0);
    }

    #[test]
    fn a_definition_holding_a_heading_or_another_definition_is_drawn_whole() {
        let renderer = Renderer::new();
        // Heading ids are unique across the section (`h-注`, `h-注-1`); a definition inside
        // another closes the outer item in HTML, so the page could not find the entries after it.
        let doc = "一[^a]と[^b]と[^c]。\n\n[^a]: 注a\n\n    ## 注\n\n[^b]: 注b\n\n    ## 注\n\n[^c]: 注c\n\n    [^d]: 内側\n";
        let (mut live, _) = LivePreview::new(&renderer, doc, |_| None, None);
        live.quick_bytes = 30;
        for (line, text) in [(6, "[^b]: 注bを直す"), (10, "[^c]: 注cを直す")] {
            let base = live.version();
            assert_eq!(
                live.edit_if_quick(&renderer, base, line, line + 1, text),
                Ok(None),
                "{text}"
            );
            live.edit(&renderer, base, line, line + 1, text)
                .expect("applies");
            assert_eq!(live.html(), full(&renderer, &live.text()).0);
        }
        assert!(live.html().contains(r#"id="h-注-1""#), "{}", live.html());
    }

    #[test]
    fn definitions_one_a_line_are_each_redrawn_alone() {
        let renderer = Renderer::new();
        let doc = "一[^c]と[^d]。\n\n二。\n\n[^c]: 注c。\n[^d]: 注d。\n";
        let (mut live, _) = LivePreview::new(&renderer, doc, |_| None, None);
        live.quick_bytes = 30;
        for (line, text) in [(4, "[^c]: 注cを直す。"), (5, "[^d]: 注dを直す。")] {
            let base = live.version();
            let patch = live
                .edit_if_quick(&renderer, base, line, line + 1, text)
                .expect("in step");
            assert!(patch.is_some_and(|p| p.note.is_some()), "{text} alone");
            assert_eq!(live.html(), full(&renderer, &live.text()).0);
        }
    }

    #[test]
    fn typing_in_a_footnote_definition_redraws_that_footnote_alone() {
        let renderer = Renderer::new();
        let doc = "# 題\n\n一[^a]と[^b]。\n\n[^a]: 注a、[^b]を見よ。\n\n二[^a]。\n\n[^b]: 注b。\n  続き。\n\n三。\n";
        let (mut live, patch) = LivePreview::new(&renderer, doc, |_| None, None);
        // Quick below the draft's size: a full parse is declined.
        live.quick_bytes = 80;
        let mut shown: Vec<String> = patch.blocks.iter().map(|b| b.html.clone()).collect();
        let mut typed = |live: &mut LivePreview, from: usize, to: usize, text: &str| {
            let base = live.version();
            let patch = live
                .edit_if_quick(&renderer, base, from, to, text)
                .expect("in step");
            let patch = patch.unwrap_or_else(|| panic!("{text:?} on line {from} was declined"));
            apply(&mut shown, &patch);
            let whole = full(&renderer, &live.text());
            assert_eq!(
                (live.html(), shown.concat()),
                (whole.0.clone(), whole.0),
                "{text:?}"
            );
            patch
        };
        // The second entry (b is numbered 2), its second line: b's back-link keeps its number.
        let patch = typed(&mut live, 9, 10, "  続きを書き足す。𠮷");
        let note = patch.note.expect("b redrawn");
        assert_eq!((note.index, patch.line_delta), (1, 0), "{note:?}");
        assert!(note.html.contains("Back to reference 2"), "{}", note.html);
        // A line added to a's definition, which refers to b: the blocks after it move down.
        let patch = typed(&mut live, 4, 5, "[^a]: 注a、[^b]を見よ。\n  二行目。");
        assert_eq!(
            (patch.note.map(|n| n.index), patch.line_delta),
            (Some(0), 1)
        );
        assert_eq!(patch.start, 2, "the paragraph after a's definition moves");
        assert_eq!(live.blocks[2].start, 7);
        // Taking b's reference out of a's definition renumbers nothing but is declined: the
        // references the definition holds decide the numbers.
        let base = live.version();
        assert_eq!(
            live.edit_if_quick(&renderer, base, 4, 5, "[^a]: 注a。"),
            Ok(None)
        );
        let base = live.version();
        // A blank line then an unindented one ends the definition: a new paragraph, declined.
        assert_eq!(
            live.edit_if_quick(&renderer, base, 5, 6, "\n新しい段落"),
            Ok(None)
        );
    }
}
