//! What of a draft is the author's prose: the draft cut into blocks (each checked, and kept, on
//! its own), and each block's paragraphs, headings and cells as plain text that remembers where
//! every piece came from. Code, HTML, quotations (`>`), URLs and Hatena's notation are left out.

use std::ops::Range;

use comrak::nodes::{AstNode, NodeValue, Sourcepos};
use comrak::{Arena, Options, parse_document};

/// A run of lines checked as one: lines up to a blank line, a fenced code block kept whole.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Block<'a> {
    /// Where the block starts in the draft, in bytes.
    pub start: usize,
    pub text: &'a str,
}

/// The draft's blocks, after its settings block (front matter), in order.
pub(super) fn blocks(draft: &str) -> Vec<Block<'_>> {
    let body_start =
        crate::front_matter::block(draft).map_or(0, |(_, body)| draft.len() - body.len());
    let mut blocks = Vec::new();
    let mut start = None;
    let mut fence: Option<(u8, usize)> = None;
    let mut offset = body_start;
    for line in draft[body_start..].split_inclusive('\n') {
        let content = line.trim_end_matches(['\n', '\r']);
        let blank = content.trim().is_empty();
        if let Some((mark, len)) = fence {
            if fence_of(content).is_some_and(|(m, l)| m == mark && l >= len) {
                fence = None;
            }
        } else if blank {
            if let Some(s) = start.take() {
                blocks.push(Block {
                    start: s,
                    text: &draft[s..offset],
                });
            }
        } else {
            fence = fence_of(content);
        }
        if !blank || fence.is_some() {
            start.get_or_insert(offset);
        }
        offset += line.len();
    }
    if let Some(s) = start {
        blocks.push(Block {
            start: s,
            text: &draft[s..],
        });
    }
    blocks
}

/// The fence a line opens or closes (its character and length), up to three spaces in.
pub(super) fn fence_of(line: &str) -> Option<(u8, usize)> {
    let trimmed = line.trim_start_matches(' ');
    if line.len() - trimmed.len() > 3 {
        return None;
    }
    let mark = *trimmed.as_bytes().first()?;
    if mark != b'`' && mark != b'~' {
        return None;
    }
    let len = trimmed.bytes().take_while(|&b| b == mark).count();
    (len >= 3).then_some((mark, len))
}

/// Where a paragraph's text sits in the block.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(super) enum Kind {
    #[default]
    Paragraph,
    Heading,
    /// A list item's paragraph, or a table cell: often a fragment, not a sentence.
    Item,
}

/// One paragraph, heading or cell as text, with a map back to the block's bytes.
#[derive(Debug, Default)]
pub(super) struct Prose {
    pub kind: Kind,
    pub text: String,
    /// `(where in text, where in the block, length in the block)`, one per piece, in order.
    /// A piece whose text is not its source (an escape, an entity) maps as a whole.
    pieces: Vec<Piece>,
}

#[derive(Debug, Clone, Copy)]
struct Piece {
    text: usize,
    source: usize,
    source_len: usize,
    exact: bool,
}

impl Prose {
    /// The block's bytes a range of [`Prose::text`] came from.
    pub fn source(&self, range: Range<usize>) -> Range<usize> {
        let start = self.locate(range.start, false);
        let end = self.locate(range.end, true).max(start);
        start..end
    }

    /// [`Prose::source`] of `range`, and whether `block` holds there exactly what the text
    /// reads (no escape or entity resolved in between).
    pub fn source_as_written(&self, block: &str, range: Range<usize>) -> (Range<usize>, bool) {
        let source = self.source(range.clone());
        let as_written = block.get(source.clone()) == self.text.get(range);
        (source, as_written)
    }

    fn locate(&self, at: usize, end: bool) -> usize {
        let i = self
            .pieces
            .partition_point(|p| p.text <= at)
            .saturating_sub(1);
        // The end of a range at a piece's first byte belongs to the piece before.
        let i = if end && i > 0 && self.pieces[i].text == at {
            i - 1
        } else {
            i
        };
        let Some(piece) = self.pieces.get(i) else {
            return 0;
        };
        if piece.exact {
            (piece.source + (at - piece.text)).min(piece.source + piece.source_len)
        } else if end {
            piece.source + piece.source_len
        } else {
            piece.source
        }
    }

    fn push(&mut self, text: &str, source: usize, source_len: usize, exact: bool) {
        self.pieces.push(Piece {
            text: self.text.len(),
            source,
            source_len,
            exact,
        });
        self.text.push_str(text);
    }

    /// A line break or a left-out piece: words on either side stay apart, and nothing maps to it.
    fn push_gap(&mut self, gap: &str) {
        if !self.text.is_empty() && !self.text.ends_with(gap) {
            self.text.push_str(gap);
        }
    }
}

/// The prose of one block.
pub(super) fn of_block(block: &str) -> Vec<Prose> {
    let arena = Arena::new();
    let root = parse_document(&arena, block, &options());
    let lines = line_starts(block);
    let mut out = Vec::new();
    let mut current = None;
    walk(root, block, &lines, &mut current, &mut out);
    out
}

fn options() -> Options<'static> {
    let mut o = Options::default();
    o.extension.strikethrough = true;
    o.extension.table = true;
    o.extension.tasklist = true;
    o.extension.footnotes = true;
    o.extension.cjk_friendly_emphasis = true;
    o
}

fn line_starts(block: &str) -> Vec<usize> {
    std::iter::once(0)
        .chain(block.match_indices('\n').map(|(i, _)| i + 1))
        .collect()
}

/// The bytes of the block a node's source position covers.
fn span(pos: Sourcepos, lines: &[usize], len: usize) -> Option<Range<usize>> {
    let at = |line: usize, column: usize| Some(lines.get(line.checked_sub(1)?)? + column);
    let start = at(pos.start.line, pos.start.column.checked_sub(1)?)?;
    let end = at(pos.end.line, pos.end.column)?.min(len);
    (start <= end).then_some(start..end)
}

fn walk<'a>(
    node: &'a AstNode<'a>,
    block: &str,
    lines: &[usize],
    current: &mut Option<Prose>,
    out: &mut Vec<Prose>,
) {
    let data = node.data.borrow();
    let kind = match &data.value {
        NodeValue::BlockQuote
        | NodeValue::CodeBlock(_)
        | NodeValue::HtmlBlock(_)
        | NodeValue::HtmlInline(_)
        | NodeValue::Image(_)
        | NodeValue::FootnoteReference(_)
        | NodeValue::Raw(_) => return,
        NodeValue::Paragraph if in_item(node) => Some(Kind::Item),
        NodeValue::Paragraph => Some(Kind::Paragraph),
        NodeValue::Heading(_) => Some(Kind::Heading),
        NodeValue::TableCell => Some(Kind::Item),
        NodeValue::Text(text) => {
            if let Some(prose) = current.as_mut() {
                push_text(prose, text, span(data.sourcepos, lines, block.len()), block);
            }
            return;
        }
        NodeValue::Code(_) => {
            if let Some(prose) = current.as_mut() {
                prose.push_gap(" ");
            }
            return;
        }
        NodeValue::SoftBreak | NodeValue::LineBreak => {
            if let Some(prose) = current.as_mut() {
                prose.push_gap("\n");
            }
            return;
        }
        NodeValue::Link(link) if is_autolink(node, &link.url) => return,
        _ => None,
    };
    drop(data);
    if let Some(kind) = kind {
        let done = current.replace(Prose {
            kind,
            ..Prose::default()
        });
        out.extend(done.filter(|p| !p.text.is_empty()));
        for child in node.children() {
            walk(child, block, lines, current, out);
        }
        out.extend(current.take().filter(|p| !p.text.is_empty()));
    } else {
        for child in node.children() {
            walk(child, block, lines, current, out);
        }
    }
}

fn in_item<'a>(node: &'a AstNode<'a>) -> bool {
    node.ancestors().any(|a| {
        matches!(
            a.data.borrow().value,
            NodeValue::Item(_) | NodeValue::TaskItem(_)
        )
    })
}

/// A link whose text is its own address: nothing of the author's prose is in it.
fn is_autolink<'a>(node: &'a AstNode<'a>, url: &str) -> bool {
    let mut text = String::new();
    for d in node.descendants() {
        if let NodeValue::Text(t) = &d.data.borrow().value {
            text.push_str(t);
        }
    }
    text == url || url.strip_prefix("mailto:") == Some(&text)
}

/// A text node's pieces: all of it but URLs and Hatena's bracketed notation.
fn push_text(prose: &mut Prose, text: &str, span: Option<Range<usize>>, block: &str) {
    let exact = span.clone().filter(|s| block.get(s.clone()) == Some(text));
    let mut rest = 0;
    for left_out in left_out(text) {
        push_piece(
            prose,
            &text[rest..left_out.start],
            rest,
            exact.clone(),
            span.clone(),
        );
        prose.push_gap(" ");
        rest = left_out.end;
    }
    push_piece(prose, &text[rest..], rest, exact, span);
}

fn push_piece(
    prose: &mut Prose,
    piece: &str,
    at: usize,
    exact: Option<Range<usize>>,
    span: Option<Range<usize>>,
) {
    if piece.is_empty() {
        return;
    }
    match (exact, span) {
        (Some(exact), _) => prose.push(piece, exact.start + at, piece.len(), true),
        (None, Some(span)) => prose.push(piece, span.start, span.len(), false),
        (None, None) => prose.push(piece, 0, 0, false),
    }
}

/// The ranges of a text that are not prose: `http(s)://…` up to a space or a bracket, and
/// Hatena's `[…]` notation (`[https://…:embed]`, `[asin:…]`, `[f:id:…]`, `[tex:…]`, `[:contents]`).
fn left_out(text: &str) -> Vec<Range<usize>> {
    const NOTATION: [&str; 12] = [
        "[http://",
        "[https://",
        "[asin:",
        "[f:id:",
        "[tex:",
        "[:contents",
        "[isbn:",
        "[google:",
        "[wikipedia:",
        "[map:",
        "[amazon:",
        "[twitter:",
    ];
    let mut out = Vec::new();
    let mut i = 0;
    while i < text.len() {
        let rest = &text[i..];
        let end = if NOTATION.iter().any(|n| rest.starts_with(n)) {
            rest.find(']').map(|e| i + e + 1)
        } else if rest.starts_with("http://") || rest.starts_with("https://") {
            Some(
                i + rest
                    .find(|c: char| c.is_whitespace() || !c.is_ascii() || "<>\"'`)]".contains(c))
                    .unwrap_or(rest.len()),
            )
        } else {
            None
        };
        match end {
            Some(end) => {
                out.push(i..end);
                i = end;
            }
            None => i += rest.chars().next().map_or(1, char::len_utf8),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(block: &str) -> Vec<String> {
        of_block(block).into_iter().map(|p| p.text).collect()
    }

    #[test]
    fn blocks_are_cut_at_blank_lines_but_a_fence_holds_its_own() {
        let draft = "---\ntitle: 本\n---\n一行目\n二行目\n\n```\nコード\n\nまだコード\n```\n\n最後";
        let blocks = blocks(draft);
        let got: Vec<&str> = blocks.iter().map(|b| b.text).collect();
        assert_eq!(
            got,
            [
                "一行目\n二行目\n",
                "```\nコード\n\nまだコード\n```\n",
                "最後"
            ]
        );
        for b in &blocks {
            assert_eq!(&draft[b.start..b.start + b.text.len()], b.text);
        }
    }

    #[test]
    fn code_quotations_urls_and_notation_are_not_prose() {
        let got = texts(
            "本書は`コード`を含む。詳しくは https://example.com/a を参照。\n\n> 引用です。\n\n\
             [https://example.com/b:embed:cite]と[asin:4297125609:detail]\n\n\
             ```\nfn main() {}\n```",
        );
        assert_eq!(got, ["本書は を含む。詳しくは  を参照。", "と "]);
    }

    #[test]
    fn each_piece_maps_back_to_where_the_author_wrote_it() {
        let block = "# 見出し\n\n本書は**劉慈欣**の長編だ。\n二行目。";
        let prose = of_block(block);
        assert_eq!(prose[0].kind, Kind::Heading);
        let p = &prose[1];
        assert_eq!(p.text, "本書は劉慈欣の長編だ。\n二行目。");
        let at = p.text.find("劉慈欣").unwrap();
        assert_eq!(&block[p.source(at..at + "劉慈欣".len())], "劉慈欣");
        let at = p.text.find("二行目").unwrap();
        assert_eq!(&block[p.source(at..at + "二行目。".len())], "二行目。");
    }

    #[test]
    fn list_items_and_cells_are_items() {
        let prose = of_block("- 一つ目\n- 二つ目\n");
        assert!(prose.iter().all(|p| p.kind == Kind::Item));
        let prose = of_block("| 項目 | 内容 |\n|---|---|\n| 著者 | 劉慈欣 |\n");
        assert_eq!(prose.len(), 4);
        assert!(prose.iter().all(|p| p.kind == Kind::Item));
    }
}
