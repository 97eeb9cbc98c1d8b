//! です・ます and だ・である in one post: each paragraph sentence's ending is classified, and
//! the post's less used style is flagged where it appears.

use std::ops::Range;

use super::Found;
use crate::message::Arg;
use crate::model::proofread::Rule;
use crate::proofread::sentences::is_quoted;

/// The style a sentence ends in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(in crate::proofread) enum Style {
    /// です・ます
    Polite,
    /// だ・である
    Plain,
}

const POLITE: [&str; 9] = [
    "です",
    "ます",
    "でした",
    "ました",
    "ません",
    "でしょう",
    "ましょう",
    "ください",
    "ませんでした",
];
const PLAIN: [&str; 9] = [
    "だ",
    "である",
    "だった",
    "であった",
    "だろう",
    "であろう",
    "ではない",
    "ではなかった",
    "のだ",
];
/// Sentence-final particles that leave the style as it was: ですね, だよ, ますか.
const FINAL_PARTICLES: [&str; 6] = ["よね", "ね", "よ", "か", "かな", "な"];

/// The ending of a sentence (its range) and its style, if it has a clear one. A sentence that
/// ends inside a quotation, or in a noun (体言止め), has none.
pub(in crate::proofread) fn ending(
    text: &str,
    sentence: Range<usize>,
    quoted: &[Range<usize>],
) -> Option<(Range<usize>, Style)> {
    let s = &text[sentence.clone()];
    let body = s.trim_end_matches(|c: char| "。．！？!?.」』）)　 \n".contains(c) || c == '…');
    if body.is_empty()
        || is_quoted(quoted, sentence.start + body.len() - 1)
        || s[body.len()..].contains(['」', '』'])
    {
        return None;
    }
    let stem = FINAL_PARTICLES
        .iter()
        .find_map(|p| body.strip_suffix(p).filter(|stem| !stem.is_empty()))
        .unwrap_or(body);
    let (style, len) = if let Some(p) = longest_suffix(stem, &POLITE) {
        (Style::Polite, p)
    } else {
        (Style::Plain, longest_suffix(stem, &PLAIN)?)
    };
    let end = sentence.start + stem.len();
    Some((end - len..end, style))
}

fn longest_suffix(text: &str, endings: &[&str]) -> Option<usize> {
    endings
        .iter()
        .filter(|e| text.ends_with(*e))
        .map(|e| e.len())
        .max()
}

/// The endings of the post's minority style (the later one to appear, on a tie).
pub(in crate::proofread) fn mixed(endings: &[(Range<usize>, Style)]) -> Vec<Found> {
    let count = |style| endings.iter().filter(|(_, s)| *s == style).count();
    let (polite, plain) = (count(Style::Polite), count(Style::Plain));
    if polite == 0 || plain == 0 {
        return Vec::new();
    }
    let first = endings.first().map(|(_, s)| *s);
    let minority = match polite.cmp(&plain) {
        std::cmp::Ordering::Less => Style::Polite,
        std::cmp::Ordering::Greater => Style::Plain,
        std::cmp::Ordering::Equal if first == Some(Style::Polite) => Style::Plain,
        std::cmp::Ordering::Equal => Style::Polite,
    };
    // The style's name is a word of the catalog, so each language names it its own way.
    let word = |style| {
        let (id, text) = match style {
            Style::Polite => ("proofread-style-polite", "です・ます"),
            Style::Plain => ("proofread-style-plain", "だ・である"),
        };
        Arg::Word {
            id: id.to_owned(),
            text: text.to_owned(),
        }
    };
    let majority = if minority == Style::Polite {
        Style::Plain
    } else {
        Style::Polite
    };
    endings
        .iter()
        .filter(|(_, s)| *s == minority)
        .map(|(range, _)| {
            Found::new(Rule::MixedStyle, range.clone())
                .with("style", word(minority))
                .with("post_style", word(majority))
                .with("post_count", polite.max(plain))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::super::tests::{flagged, not_flagged};
    use crate::model::proofread::Rule;

    #[test]
    fn the_less_used_style_is_flagged_where_it_ends_a_sentence() {
        flagged(
            Rule::MixedStyle,
            "面白い本です。何度も読みました。結末は衝撃だ。",
            "だ",
        );
        flagged(
            Rule::MixedStyle,
            "傑作である。強く勧める本だ。ぜひ読んでください。",
            "ください",
        );
    }

    #[test]
    fn quotations_nouns_headings_and_lists_have_no_style() {
        not_flagged(
            Rule::MixedStyle,
            "面白い本です。彼は「これは傑作だ。」と言いました。",
        );
        not_flagged(Rule::MixedStyle, "面白い本です。最高の一冊。");
        not_flagged(
            Rule::MixedStyle,
            "# 傑作だ\n\n面白い本です。\n\n- 読むべきだ\n",
        );
        not_flagged(
            Rule::MixedStyle,
            "面白い本ですね。もう読みましたか？良い本ですよ！",
        );
        flagged(
            Rule::MixedStyle,
            "面白い本ですね。もう読みましたか？良い本だよね。",
            "だ",
        );
    }
}
