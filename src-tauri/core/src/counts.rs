//! Character and word counts of what the reader sees, correct for Japanese.
//!
//! Japanese is measured in characters (「本書は」 is 4); words are counted only in scripts that
//! separate words with spaces, so a Japanese review is not reported as "one word per line".

use comrak::nodes::{AstNode, NodeValue};
use serde::Serialize;
use unicode_segmentation::UnicodeSegmentation;

/// Counts of a text.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Counts {
    /// User-perceived characters (grapheme clusters), whitespace excluded: 𠮷 and 👍🏽 are one each.
    pub chars: usize,
    /// Words of space-separated scripts (Latin, Cyrillic, Hangul, …); CJK text adds none.
    pub words: usize,
}

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
    Counts { chars, words }
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
        assert_eq!(of_text("本書は"), Counts { chars: 3, words: 0 });
        assert_eq!(of_text("「本書は」"), Counts { chars: 5, words: 0 });
        assert_eq!(of_text("𠮷野家"), Counts { chars: 3, words: 0 });
        assert_eq!(
            of_text("読書　感想").chars,
            4,
            "the ideographic space is whitespace"
        );
    }

    #[test]
    fn english_counts_words_and_letters() {
        assert_eq!(
            of_text("Hello, brave new world."),
            Counts {
                chars: 20,
                words: 4
            }
        );
    }

    #[test]
    fn mixed_text_counts_latin_words_only() {
        assert_eq!(
            of_text("Rustの本を読んだ"),
            Counts {
                chars: 10,
                words: 1
            }
        );
        assert_eq!(of_text("👍🏽 ok"), Counts { chars: 3, words: 1 });
    }
}
