//! Characters a Japanese text should not hold: half-width katakana, a full-width space at the
//! end of a line, a hyphen standing for ー, and brackets left open or closed by another kind.

use std::ops::Range;

use unicode_normalization::UnicodeNormalization;

use super::Found;
use crate::model::proofread::Rule;
use crate::proofread::prose::fence_of;

/// Runs the character rules over a paragraph.
pub(in crate::proofread) fn check(text: &str, found: &mut Vec<Found>) {
    half_width_kana(text, found);
    hyphens_for_long_vowels(text, found);
    brackets(text, found);
}

fn half_width_kana(text: &str, found: &mut Vec<Found>) {
    let is_kana = |c: char| ('\u{FF65}'..='\u{FF9F}').contains(&c);
    let mut start = None;
    for (at, c) in text
        .char_indices()
        .chain(std::iter::once((text.len(), ' ')))
    {
        match (is_kana(c), start) {
            (true, None) => start = Some(at),
            (false, Some(s)) => {
                let run = &text[s..at];
                let fix: String = run.nfkc().collect();
                found.push(
                    Found::new(Rule::HalfWidthKana, s..at)
                        .with("text", run)
                        .with("fix", &fix)
                        .fix(fix),
                );
                start = None;
            }
            _ => {}
        }
    }
}

fn is_katakana(c: char) -> bool {
    ('\u{30A1}'..='\u{30FA}').contains(&c)
}

/// コ－ヒ－: a hyphen or minus after katakana where ー belongs.
fn hyphens_for_long_vowels(text: &str, found: &mut Vec<Found>) {
    let mut previous = None;
    for (at, c) in text.char_indices() {
        if matches!(c, '－' | '-' | '‐' | '−' | '―') && previous.is_some_and(is_katakana) {
            let next = text[at + c.len_utf8()..].chars().next();
            // ア-イ between two words stays (a hyphenated name uses ＝ or ・, but a range may not).
            if next.is_none_or(|n| !is_katakana(n) || c == '－') {
                found.push(
                    Found::new(Rule::Variants, at..at + c.len_utf8())
                        .with("why", "long_vowel")
                        .with("text", c)
                        .with("fix", "ー")
                        .fix("ー".to_owned()),
                );
            }
        }
        previous = Some(c);
    }
}

/// The brackets a Japanese text pairs.
const PAIRS: [(char, char); 5] = [
    ('「', '」'),
    ('『', '』'),
    ('（', '）'),
    ('【', '】'),
    ('〔', '〕'),
];

/// The bracket that closes `open`.
fn closer(open: char) -> char {
    PAIRS.iter().find(|(o, _)| *o == open).map_or(open, |p| p.1)
}

fn brackets(text: &str, found: &mut Vec<Found>) {
    let mut open: Vec<(usize, char)> = Vec::new();
    for (at, c) in text.char_indices() {
        if let Some(&(o, _)) = PAIRS.iter().find(|(o, _)| *o == c) {
            open.push((at, o));
        } else if let Some(&(o, _)) = PAIRS.iter().find(|(_, cl)| *cl == c) {
            match open.last() {
                Some(&(_, last)) if last == o => {
                    open.pop();
                }
                Some(&(start, last)) => {
                    found.push(bracket(start..at + c.len_utf8(), c, closer(last)));
                    open.pop();
                }
                None => found.push(bracket(at..at + c.len_utf8(), c, o)),
            }
        }
    }
    for (at, o) in open {
        found.push(bracket(at..at + o.len_utf8(), o, closer(o)));
    }
}

/// A bracket finding: `found` where `expected` belongs.
fn bracket(range: Range<usize>, found: char, expected: char) -> Found {
    Found::new(Rule::Brackets, range)
        .with("text", found)
        .with("expected", expected)
}

/// Full-width spaces at the ends of a block's lines (outside fenced code).
pub(in crate::proofread) fn trailing_wide_spaces(block: &str, found: &mut Vec<Found>) {
    let mut offset = 0;
    // The fence open here, as the block scanner reads fences: closed only by its own kind.
    let mut fence: Option<(u8, usize)> = None;
    for line in block.split_inclusive('\n') {
        let content = line.trim_end_matches(['\n', '\r']);
        let in_code = match (fence, fence_of(content)) {
            (Some((mark, len)), Some((m, l))) if m == mark && l >= len => {
                fence = None;
                true
            }
            (Some(_), _) => true,
            (None, Some(opened)) => {
                fence = Some(opened);
                true
            }
            (None, None) => false,
        };
        let kept = content.trim_end_matches('\u{3000}');
        if !in_code && kept.len() < content.len() && !kept.trim().is_empty() {
            found.push(
                Found::new(
                    Rule::TrailingWideSpace,
                    offset + kept.len()..offset + content.len(),
                )
                .fix(String::new()),
            );
        }
        offset += line.len();
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::{fixed, flagged, not_flagged};
    use crate::model::proofread::Rule;

    #[test]
    fn half_width_kana_is_flagged_with_its_full_width_form() {
        fixed(Rule::HalfWidthKana, "ｶﾞｲﾄﾞ本を読む", "ｶﾞｲﾄﾞ", "ガイド");
        not_flagged(Rule::HalfWidthKana, "ガイド本を読む");
    }

    #[test]
    fn a_trailing_full_width_space_is_flagged_outside_code() {
        fixed(
            Rule::TrailingWideSpace,
            "一行目\u{3000}\n二行目",
            "\u{3000}",
            "",
        );
        not_flagged(
            Rule::TrailingWideSpace,
            "\u{3000}字下げ\n\n```\ncode\u{3000}\n```",
        );
        // A fence holding another kind of fence line stays open until its own closes.
        not_flagged(
            Rule::TrailingWideSpace,
            "````\n~~~\ncode\u{3000}\n```\nmore\u{3000}\n````",
        );
    }

    #[test]
    fn a_hyphen_after_katakana_is_flagged() {
        fixed(Rule::Variants, "コ－ヒ－を飲む", "－", "ー");
        not_flagged(Rule::Variants, "コーヒーを飲む。SF-小説。");
    }

    #[test]
    fn brackets_left_open_or_closed_by_another_kind_are_flagged() {
        flagged(Rule::Brackets, "彼は「行こう』と言った。", "「行こう』");
        flagged(Rule::Brackets, "彼は「行こうと言った。", "「");
        flagged(Rule::Brackets, "行こう」と言った。", "」");
        not_flagged(Rule::Brackets, "『三体』（劉慈欣）の「黒暗森林」【再読】。");
    }
}
