//! Character and word counts of what the reader sees, correct for Japanese.
//!
//! Japanese is measured in characters (「本書は」 is 4); words are counted only in scripts that
//! separate words with spaces, so a Japanese review is not reported as "one word per line".

use comrak::nodes::{AstNode, NodeValue};
use serde::Serialize;
use unicode_segmentation::UnicodeSegmentation;

/// Counts of a text.
#[cfg_attr(feature = "bindings", derive(specta::Type))]
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Counts {
    /// User-perceived characters (grapheme clusters), whitespace excluded: 𠮷 and 👍🏽 are one each.
    pub chars: usize,
    /// Words of space-separated scripts (Latin, Cyrillic, Hangul, …); CJK text adds none.
    pub words: usize,
    /// Minutes a reader needs, rounded up: Japanese and Chinese at 500 characters a minute,
    /// other scripts at 230 words a minute; 0 for an empty text.
    pub reading_minutes: usize,
    /// 原稿用紙: pages of 400 squares (20 × 20) the text fills, each paragraph starting a new
    /// line one square in, as a manuscript is counted.
    pub manuscript_pages: usize,
    /// Characters of scripts written without spaces, which the reading time is made of.
    #[serde(skip)]
    cjk_chars: usize,
    /// Lines of 20 squares, which the pages are made of.
    #[serde(skip)]
    manuscript_lines: usize,
}

/// Squares in a line of a manuscript page (原稿用紙), and lines in a page.
pub const MANUSCRIPT_SQUARES: usize = 20;

/// Characters of Japanese a reader reads in a minute.
pub const CJK_CHARS_PER_MINUTE: usize = 500;
/// Words of English a reader reads in a minute.
pub const WORDS_PER_MINUTE: usize = 230;

/// Counts a plain text; each line is a paragraph of the manuscript.
pub fn of_text(text: &str) -> Counts {
    let squares = |line: &str| {
        line.graphemes(true)
            .filter(|g| !g.chars().all(char::is_whitespace))
            .count()
    };
    let (mut chars, mut manuscript_lines) = (0, 0);
    for line in text.split('\n') {
        let n = squares(line);
        chars += n;
        if n > 0 {
            // One square of indent, then the paragraph's characters, 20 to a line.
            manuscript_lines += (n + 1).div_ceil(MANUSCRIPT_SQUARES);
        }
    }
    let words = text
        .unicode_words()
        .filter(|w| !w.chars().any(is_cjk))
        .count();
    let cjk_chars = text.chars().filter(|&c| is_cjk(c)).count();
    with_reading_time(chars, words, cjk_chars, manuscript_lines)
}

/// The counts of texts put together (the blocks of a draft).
pub fn sum(parts: impl IntoIterator<Item = Counts>) -> Counts {
    let (chars, words, cjk, lines) = parts.into_iter().fold((0, 0, 0, 0), |(c, w, j, l), p| {
        (
            c + p.chars,
            w + p.words,
            j + p.cjk_chars,
            l + p.manuscript_lines,
        )
    });
    with_reading_time(chars, words, cjk, lines)
}

fn with_reading_time(
    chars: usize,
    words: usize,
    cjk_chars: usize,
    manuscript_lines: usize,
) -> Counts {
    // cjk/500 + words/230 minutes over one denominator, so the sum is rounded up only once.
    let per = CJK_CHARS_PER_MINUTE * WORDS_PER_MINUTE;
    let parts = cjk_chars * WORDS_PER_MINUTE + words * CJK_CHARS_PER_MINUTE;
    let reading_minutes = if chars == 0 {
        0
    } else {
        parts.div_ceil(per).max(1)
    };
    Counts {
        chars,
        words,
        reading_minutes,
        manuscript_pages: manuscript_lines.div_ceil(MANUSCRIPT_SQUARES),
        cjk_chars,
        manuscript_lines,
    }
}

/// Counts the visible text of a parsed Markdown document: markup, URLs and raw HTML are left out.
/// `hard_breaks`: every newline in a paragraph breaks the line, as it does on a Hatena blog.
pub fn of_document<'a>(root: &'a AstNode<'a>, hard_breaks: bool) -> Counts {
    let mut text = String::new();
    for node in root.descendants() {
        match &node.data.borrow().value {
            NodeValue::Text(t) => text.push_str(t),
            NodeValue::Code(c) => text.push_str(&c.literal),
            NodeValue::CodeBlock(c) => text.push_str(&c.literal),
            // Keep words on either side of a break apart; a block starts a manuscript paragraph.
            NodeValue::SoftBreak if !hard_breaks => text.push(' '),
            NodeValue::SoftBreak
            | NodeValue::LineBreak
            | NodeValue::Paragraph
            | NodeValue::Heading(_)
            | NodeValue::TableCell
            | NodeValue::Item(_) => text.push('\n'),
            _ => {}
        }
    }
    of_text(&text)
}

/// Whether a character belongs to a script written without spaces between words.
fn is_cjk(c: char) -> bool {
    matches!(c as u32,
        0x3040..=0x30FF      // hiragana, katakana
        | 0x31F0..=0x31FF    // katakana phonetic extensions
        | 0x3400..=0x4DBF    // CJK extension A
        | 0x4E00..=0x9FFF    // CJK unified ideographs
        | 0xF900..=0xFAFF    // CJK compatibility ideographs
        | 0xFF66..=0xFF9F    // half-width katakana
        | 0x20000..=0x3134F  // CJK extensions B–H (𠮷)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn japanese_counts_characters() {
        assert_eq!((of_text("本書は").chars, of_text("本書は").words), (3, 0));
        assert_eq!(of_text("「本書は」").chars, 5);
        assert_eq!(of_text("𠮷野家").chars, 3);
        assert_eq!(
            of_text("読書　感想").chars,
            4,
            "the ideographic space is whitespace"
        );
    }

    #[test]
    fn english_counts_words_and_letters() {
        let c = of_text("Hello, brave new world.");
        assert_eq!((c.chars, c.words, c.reading_minutes), (20, 4, 1));
    }

    #[test]
    fn mixed_text_counts_latin_words_only() {
        let c = of_text("Rustの本を読んだ");
        assert_eq!((c.chars, c.words, c.reading_minutes), (10, 1, 1));
        assert_eq!((of_text("👍🏽 ok").chars, of_text("👍🏽 ok").words), (3, 1));
    }

    #[test]
    fn manuscript_pages_count_20_squares_a_line_and_a_new_line_per_paragraph() {
        assert_eq!(of_text("").manuscript_pages, 0);
        // 19 characters and the indent fill one line; 20 need two.
        assert_eq!(of_text(&"本".repeat(19)).manuscript_lines, 1);
        assert_eq!(of_text(&"本".repeat(20)).manuscript_lines, 2);
        // 400 characters in one paragraph: 401 squares, 21 lines, 2 pages.
        assert_eq!(of_text(&"本".repeat(400)).manuscript_pages, 2);
        // Twenty one-character paragraphs fill one page exactly; the 21st starts another.
        assert_eq!(of_text(&vec!["本"; 20].join("\n")).manuscript_pages, 1);
        assert_eq!(of_text(&vec!["本"; 21].join("\n")).manuscript_pages, 2);
        let parts = [of_text(&"本".repeat(200)), of_text(&"本".repeat(200))];
        assert_eq!(
            sum(parts).manuscript_lines,
            22,
            "each block's paragraphs start a line"
        );
    }

    #[test]
    fn reading_time_is_500_japanese_characters_or_230_words_a_minute() {
        assert_eq!(of_text("").reading_minutes, 0);
        assert_eq!(of_text("本").reading_minutes, 1, "any text takes a minute");
        assert_eq!(of_text(&"本".repeat(1000)).reading_minutes, 2);
        assert_eq!(of_text(&"本".repeat(1001)).reading_minutes, 3, "rounded up");
        assert_eq!(of_text(&"word ".repeat(460)).reading_minutes, 2);
        // Both scripts add up: 1 minute of Japanese and 1 of English.
        let mixed = format!("{}{}", "本".repeat(500), " word".repeat(230));
        assert_eq!(of_text(&mixed).reading_minutes, 2);
    }
}
