//! 校正: the proofreader. It reads the author's prose (not code, quotations, URLs or notation),
//! never changes it, and says what it finds with a fix where one is clear. No dictionary: every
//! rule is a list of forms or the shape of the text, so it runs anywhere in microseconds.
//!
//! A draft is checked block by block (the text between blank lines) and each block's result is
//! kept, so while the author types only the changed block is read again; the rules that look at
//! the whole post (mixed styles, 表記ゆれ) then combine what every block recorded.

mod prose;
mod rules;
mod sentences;

use std::collections::HashMap;
use std::ops::Range;
use std::sync::Arc;

use crate::model::proofread::{Finding, ProofreadSettings};
use prose::Kind;
use rules::style::{self, Style};
use rules::variants::{self, Spelling};
use rules::{Found, characters, length, wording};

/// Checks a whole draft once.
pub fn check(draft: &str, settings: &ProofreadSettings) -> Vec<Finding> {
    Proofreader::default().check(draft, settings)
}

/// A proofreader that remembers each block it has read, for the next check of the same draft.
#[derive(Debug, Default)]
pub struct Proofreader {
    settings: Option<ProofreadSettings>,
    blocks: HashMap<String, Arc<Facts>>,
}

/// What one block holds: its own findings, and what the whole-post rules need from it.
#[derive(Debug, Default)]
struct Facts {
    found: Vec<Found>,
    endings: Vec<(Range<usize>, Style)>,
    spellings: Vec<Spelling>,
}

impl Proofreader {
    /// The findings in `draft`, in order; blocks unchanged since the last check are not read again.
    pub fn check(&mut self, draft: &str, settings: &ProofreadSettings) -> Vec<Finding> {
        if self.settings.as_ref() != Some(settings) {
            self.blocks.clear();
            self.settings = Some(settings.clone());
        }
        let mut kept: HashMap<String, Arc<Facts>> = HashMap::with_capacity(self.blocks.len());
        let mut found = Vec::new();
        let mut endings = Vec::new();
        let mut spellings = Vec::new();
        for block in prose::blocks(draft) {
            // A kept block moves over with its key; only a block read anew is copied.
            let (key, facts) = match self.blocks.remove_entry(block.text) {
                Some(entry) => entry,
                None => match kept.get(block.text) {
                    Some(facts) => (block.text.to_owned(), Arc::clone(facts)),
                    None => (
                        block.text.to_owned(),
                        Arc::new(facts_of(block.text, settings)),
                    ),
                },
            };
            let shift = |r: &Range<usize>| r.start + block.start..r.end + block.start;
            found.extend(facts.found.iter().map(|f| Found {
                range: shift(&f.range),
                ..f.clone()
            }));
            endings.extend(facts.endings.iter().map(|(r, s)| (shift(r), *s)));
            spellings.extend(facts.spellings.iter().map(|s| Spelling {
                range: shift(&s.range),
                ..s.clone()
            }));
            kept.insert(key, facts);
        }
        self.blocks = kept;
        found.extend(style::mixed(&endings));
        found.extend(variants::mixed(&spellings, |r| {
            draft.get(r).unwrap_or_default().to_owned()
        }));
        found.retain(|f| settings.runs(f.rule));
        placed(draft, found)
    }
}

/// Reads one block.
fn facts_of(block: &str, settings: &ProofreadSettings) -> Facts {
    let mut facts = Facts::default();
    characters::trailing_wide_spaces(block, &mut facts.found);
    for prose in prose::of_block(block) {
        let text = prose.text.as_str();
        let sentences = sentences::split(text);
        let quoted = sentences::quoted(text);
        let mut found = Vec::new();
        length::check(text, &sentences, settings, &mut found);
        wording::check(text, &quoted, &mut found);
        characters::check(text, &mut found);
        for mut f in found {
            let (source, as_written) = prose.source_as_written(block, f.range.clone());
            // A fix is offered only where the text is exactly what the author wrote there.
            if !as_written {
                f.fix = None;
            }
            f.range = source;
            facts.found.push(f);
        }
        if prose.kind == Kind::Paragraph {
            for sentence in &sentences {
                if let Some((range, s)) = style::ending(text, sentence.clone(), &quoted) {
                    facts.endings.push((prose.source(range), s));
                }
            }
        }
        for mut s in variants::spellings(text, |at| !sentences::is_quoted(&quoted, at)) {
            let (source, as_written) = prose.source_as_written(block, s.range.clone());
            // Counted and flagged only where the text is what the author wrote there: where an
            // escape or an entity was resolved, the source is not the word (and a fix would
            // replace more than the word).
            if as_written {
                s.range = source;
                facts.spellings.push(s);
            }
        }
    }
    facts
}

/// The findings in the draft's order, their byte ranges turned into UTF-16 positions.
fn placed(draft: &str, mut found: Vec<Found>) -> Vec<Finding> {
    found.sort_by_key(|f| (f.range.start, f.range.end));
    found.dedup_by(|a, b| a.rule == b.rule && a.range == b.range);
    let mut bytes: Vec<usize> = found
        .iter()
        .flat_map(|f| [f.range.start, f.range.end])
        .collect();
    bytes.sort_unstable();
    bytes.dedup();
    let mut units = Vec::with_capacity(bytes.len());
    let mut next = bytes.iter().peekable();
    let mut unit = 0u32;
    for (at, c) in draft
        .char_indices()
        .chain(std::iter::once((draft.len(), '\0')))
    {
        while next.peek().is_some_and(|&&b| b <= at) {
            next.next();
            units.push(unit);
        }
        unit += c.len_utf16() as u32;
    }
    let position = |byte: usize| {
        units[bytes
            .partition_point(|&b| b < byte)
            .min(units.len().saturating_sub(1))]
    };
    found
        .into_iter()
        .map(|f| Finding {
            rule: f.rule,
            from: position(f.range.start),
            to: position(f.range.end),
            fix: f.fix,
            args: f
                .args
                .into_iter()
                .map(|(name, value)| (name.to_owned(), value))
                .collect(),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::proofread::Rule;

    /// Five real reviews, each well written: whatever is flagged in them is a false positive.
    const SAMPLES: [(&str, &str); 5] = [
        ("kokoro.md", include_str!("samples/kokoro.md")),
        ("rust-book.md", include_str!("samples/rust-book.md")),
        ("santai-hatena.md", include_str!("samples/santai-hatena.md")),
        (
            "review.md",
            include_str!("../../../../tests/support/review.md"),
        ),
        (
            "hatena-review.md",
            include_str!("../../fuzz/corpus/notation/hatena-review.md"),
        ),
    ];

    #[test]
    fn the_sample_reviews_have_nothing_flagged() {
        for (name, text) in SAMPLES {
            let found = check(text, &ProofreadSettings::default());
            let shown: Vec<String> = found
                .iter()
                .map(|f| {
                    let units: Vec<u16> = text.encode_utf16().collect();
                    format!(
                        "{:?} {:?}",
                        f.rule,
                        String::from_utf16_lossy(&units[f.from as usize..f.to as usize])
                    )
                })
                .collect();
            assert!(found.is_empty(), "{name}: {shown:#?}");
        }
    }

    /// A draft with one of everything the proofreader flags.
    const FAULTY: &str = "私は今日は休みます。子供と子ども。見れる。ないことはない。ですです。ｶﾅ。コ－ヒ－。\
                          一つ、二つ、三つ、四つ、五つ。結論だ。「開いたまま。\u{3000}\n";

    #[test]
    fn every_finding_is_said_in_both_languages_with_every_field_its_message_names() {
        use crate::message::{Lang, format_checked, has};
        let settings = ProofreadSettings {
            max_sentence_chars: 10,
            ..ProofreadSettings::default()
        };
        let found = check(FAULTY, &settings);
        let rules: std::collections::BTreeSet<Rule> = found.iter().map(|f| f.rule).collect();
        let every: std::collections::BTreeSet<Rule> = Rule::ALL
            .into_iter()
            .filter(|r| *r != Rule::Spelling)
            .collect();
        assert_eq!(rules, every, "the faulty draft shows every rule");
        for f in &found {
            for lang in [Lang::En, Lang::Ja] {
                let id = format!("proofread-{}", f.rule.code());
                let (text, errors) =
                    format_checked(lang, &id, &f.args).unwrap_or_else(|| panic!("{id} missing"));
                assert!(errors.is_empty(), "{id} in {lang:?}: {errors:?} ({text})");
            }
        }
        for rule in Rule::ALL {
            for lang in [Lang::En, Lang::Ja] {
                assert!(
                    has(lang, &format!("ui-proofreadRule-{}", rule.code())),
                    "{rule:?}'s name in {lang:?}"
                );
            }
        }
    }

    #[test]
    fn positions_count_utf16_units_as_the_editor_does() {
        // 𠮷 is two UTF-16 units; the finding after it starts at 3 + 2.
        let draft = "𠮷の本ｶﾅ";
        let found = check(draft, &ProofreadSettings::default());
        assert_eq!(found.len(), 1);
        assert_eq!((found[0].from, found[0].to), (4, 6));
    }

    #[test]
    fn a_rule_switched_off_finds_nothing() {
        let settings = ProofreadSettings {
            off: vec![Rule::HalfWidthKana],
            ..ProofreadSettings::default()
        };
        assert!(check("ｶﾅ", &settings).is_empty());
    }

    #[test]
    fn a_second_check_reads_only_the_changed_block_and_finds_the_same() {
        let draft = "面白い本です。\n\n結末は衝撃だ。\n\n何度も読みました。";
        let mut reader = Proofreader::default();
        let settings = ProofreadSettings::default();
        let first = reader.check(draft, &settings);
        assert_eq!(first.len(), 1, "{first:?}");
        let kept: Vec<*const Facts> = reader.blocks.values().map(Arc::as_ptr).collect();
        let edited = draft.replace("何度も", "二度");
        let second = reader.check(&edited, &settings);
        assert_eq!(second, check(&edited, &settings));
        let still: Vec<*const Facts> = reader.blocks.values().map(Arc::as_ptr).collect();
        assert_eq!(
            kept.iter().filter(|p| still.contains(p)).count(),
            2,
            "two blocks kept, one read again"
        );
    }
}
