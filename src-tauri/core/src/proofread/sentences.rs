//! Sentences and quotations in a paragraph of Japanese (or English): a sentence ends at 。！？
//! (or `.`, `!`, `?` before a space) outside brackets, so 「そうだ。」と言った is one sentence.

use std::ops::Range;

const OPENERS: [char; 6] = ['「', '『', '（', '(', '【', '〔'];
const CLOSERS: [char; 6] = ['」', '』', '）', ')', '】', '〕'];

/// Whether a character ends a sentence wherever it stands.
fn ends_always(c: char) -> bool {
    matches!(c, '。' | '．' | '！' | '？')
}

/// Whether an ASCII mark ends a sentence: only before a space or the end (3.14, example.com).
fn ends_before_space(c: char) -> bool {
    matches!(c, '.' | '!' | '?')
}

/// The sentences of a paragraph, without the spaces between them.
pub(super) fn split(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut depth = 0usize;
    let mut start = None;
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if start.is_none() {
            if c.is_whitespace() {
                continue;
            }
            start = Some(i);
        }
        if OPENERS.contains(&c) {
            depth += 1;
        } else if CLOSERS.contains(&c) {
            depth = depth.saturating_sub(1);
        }
        let next = chars.peek().map(|&(_, n)| n);
        let ends = depth == 0
            && (ends_always(c) || ends_before_space(c) && next.is_none_or(char::is_whitespace));
        // ！？ and 。」 run on: the sentence ends after the last of them.
        let runs_on =
            next.is_some_and(|n| ends_always(n) || ends_before_space(n) && ends_before_space(c));
        if ends
            && !runs_on
            && let Some(s) = start.take()
        {
            out.push(s..i + c.len_utf8());
        }
    }
    if let Some(s) = start {
        let end = text.trim_end().len();
        if end > s {
            out.push(s..end);
        }
    }
    out
}

/// The ranges inside 「」 and 『』 (the brackets excluded): someone else's words, or a title.
pub(super) fn quoted(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut open: Vec<usize> = Vec::new();
    for (i, c) in text.char_indices() {
        match c {
            '「' | '『' => open.push(i + c.len_utf8()),
            '」' | '』' => {
                if let Some(start) = open.pop()
                    && open.is_empty()
                {
                    out.push(start..i);
                }
            }
            _ => {}
        }
    }
    if let Some(&start) = open.first() {
        out.push(start..text.len());
    }
    out
}

/// Whether `at` is inside one of the `quoted` ranges.
pub(super) fn is_quoted(quoted: &[Range<usize>], at: usize) -> bool {
    quoted.iter().any(|q| q.contains(&at))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sentences(text: &str) -> Vec<&str> {
        split(text).into_iter().map(|r| &text[r]).collect()
    }

    #[test]
    fn a_sentence_ends_at_a_full_stop_outside_brackets() {
        assert_eq!(
            sentences("彼は「そうだ。行こう。」と言った。本当に？　はい！！\n次の行"),
            [
                "彼は「そうだ。行こう。」と言った。",
                "本当に？",
                "はい！！",
                "次の行"
            ]
        );
    }

    #[test]
    fn ascii_marks_end_english_sentences_only_before_a_space() {
        assert_eq!(
            sentences("Pi is 3.14 at example.com. Really?! Yes"),
            ["Pi is 3.14 at example.com.", "Really?!", "Yes"]
        );
    }

    #[test]
    fn quotations_are_the_text_inside_the_outer_brackets() {
        let text = "彼は「『三体』だ」と言い、「続き";
        let q: Vec<&str> = quoted(text).into_iter().map(|r| &text[r]).collect();
        assert_eq!(q, ["『三体』だ", "続き"]);
    }
}
