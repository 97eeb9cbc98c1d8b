//! Long sentences, and sentences with too many 、.

use std::ops::Range;

use super::Found;
use crate::model::proofread::{ProofreadSettings, Rule};

/// Flags each sentence over the author's limits.
pub(in crate::proofread) fn check(
    text: &str,
    sentences: &[Range<usize>],
    settings: &ProofreadSettings,
    found: &mut Vec<Found>,
) {
    for sentence in sentences {
        let s = &text[sentence.clone()];
        let chars = s.chars().filter(|c| !c.is_whitespace()).count();
        if chars > usize::from(settings.max_sentence_chars) {
            found.push(
                Found::new(Rule::LongSentence, sentence.clone())
                    .with("count", chars)
                    .with("limit", settings.max_sentence_chars),
            );
        }
        let commas: Vec<usize> = s.match_indices(['、', '，']).map(|(i, _)| i).collect();
        let limit = usize::from(settings.max_commas);
        if let Some(&first_over) = commas.get(limit) {
            // From the first 、 over the limit to the end: the part to rewrite.
            let at = sentence.start + first_over;
            found.push(
                Found::new(Rule::ManyCommas, at..sentence.end)
                    .with("count", commas.len())
                    .with("limit", limit),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::{flagged, not_flagged};
    use crate::model::proofread::Rule;

    #[test]
    fn a_sentence_over_the_limit_is_flagged_and_one_at_it_is_not() {
        let long = format!("{}。", "あ".repeat(99));
        not_flagged(Rule::LongSentence, &long);
        flagged(
            Rule::LongSentence,
            &format!("い{long}次の文。"),
            &format!("い{long}"),
        );
        not_flagged(
            Rule::LongSentence,
            &format!("{}。{}。", "あ".repeat(60), "い".repeat(60)),
        );
    }

    #[test]
    fn a_fourth_comma_is_flagged_from_itself_to_the_end() {
        not_flagged(Rule::ManyCommas, "一つ、二つ、三つ、そして終わり。");
        flagged(
            Rule::ManyCommas,
            "一つ、二つ、三つ、四つ、終わり。次。",
            "、終わり。",
        );
    }
}
