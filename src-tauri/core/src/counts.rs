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
    /// Characters of scripts written without spaces, which the reading time is made of.
    #[serde(skip)]
    cjk_chars: usize,
}

/// Characters of Japanese a reader reads in a minute.
pub const CJK_CHARS_PER_MINUTE: usize = 500;
/// Words of English a reader reads in a minute.
pub const WORDS_PER_MINUTE: usize = 230;

/// Counts a plain text.
pub fn of_text(text: &str) -> Counts {
    let chars = text
        .graphemes(true)
        .filter(|g| !g.chars().all(char::is_whitespace))
        .count();
    let words = text
        .unicode_words()
        .filter(|w| !w.chars().any(is_cjk))
        .count();
    let cjk_chars = text.chars().filter(|&c| is_cjk(c)).count();
    with_reading_time(chars, words, cjk_chars)
}

/// The counts of texts put together (the blocks of a draft).
pub fn sum(parts: impl IntoIterator<Item = Counts>) -> Counts {
    let (chars, words, cjk) = parts.into_iter().fold((0, 0, 0), |(c, w, j), p| {
        (c + p.chars, w + p.words, j + p.cjk_chars)
    });
    with_reading_time(chars, words, cjk)
}

fn with_reading_time(chars: usize, words: usize, cjk_chars: usize) -> Counts {
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
        cjk_chars,
    }
}

/// Counts the visible text of a parsed Markdown document: markup, URLs and raw HTML are left out.
pub fn of_document<'a>(root: &'a AstNode<'a>) -> Counts {
    let mut text = String::new();
    for node in root.descendants() {
        match &node.data.borrow().value {
            NodeValue::Text(t) => text.push_str(t),
            NodeValue::Code(c) => text.push_str(&c.literal),
            NodeValue::CodeBlock(c) => text.push_str(&c.literal),
            // Keep words on either side of a break or block boundary apart.
            NodeValue::SoftBreak
            | NodeValue::LineBreak
            | NodeValue::Paragraph
            | NodeValue::Heading(_)
            | NodeValue::TableCell
            | NodeValue::Item(_) => text.push(' '),
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
