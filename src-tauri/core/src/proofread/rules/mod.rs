//! The rules, by concern. Each reads a paragraph's text (or a block's lines) and adds what it
//! finds, in the coordinates it was given.

pub(super) mod characters;
pub(super) mod length;
pub(super) mod style;
pub(super) mod variants;
pub(super) mod wording;

use std::ops::Range;

use crate::message::Arg;
use crate::model::proofread::Rule;

/// A finding before it is placed in the draft: a byte range of the text it was found in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Found {
    pub rule: Rule,
    pub range: Range<usize>,
    pub fix: Option<String>,
    pub args: Vec<(&'static str, Arg)>,
}

impl Found {
    pub fn new(rule: Rule, range: Range<usize>) -> Found {
        Found {
            rule,
            range,
            fix: None,
            args: Vec::new(),
        }
    }

    /// Adds a field of the message.
    pub fn with(mut self, name: &'static str, value: impl Into<Arg>) -> Found {
        self.args.push((name, value.into()));
        self
    }

    /// Sets the text that would replace the range.
    pub fn fix(mut self, fix: String) -> Found {
        self.fix = Some(fix);
        self
    }
}

#[cfg(test)]
pub(super) mod tests {
    use crate::model::proofread::{Finding, ProofreadSettings, Rule};

    /// The text a finding covers (its UTF-16 range read back).
    fn covered(text: &str, f: &Finding) -> String {
        let units: Vec<u16> = text.encode_utf16().collect();
        String::from_utf16_lossy(&units[f.from as usize..f.to as usize])
    }

    fn of_rule(rule: Rule, text: &str) -> Vec<Finding> {
        crate::proofread::check(text, &ProofreadSettings::default())
            .into_iter()
            .filter(|f| f.rule == rule)
            .collect()
    }

    /// Asserts that `rule` flags exactly `what` somewhere in `text`.
    pub fn flagged(rule: Rule, text: &str, what: &str) {
        let found = of_rule(rule, text);
        assert!(
            found.iter().any(|f| covered(text, f) == what),
            "{rule:?} should flag {what:?} in {text:?}; found {:?}",
            found.iter().map(|f| covered(text, f)).collect::<Vec<_>>()
        );
    }

    /// Asserts that `rule` flags `what` in `text` with `fix` as its replacement.
    pub fn fixed(rule: Rule, text: &str, what: &str, fix: &str) {
        flagged(rule, text, what);
        let found = of_rule(rule, text);
        assert!(
            found
                .iter()
                .any(|f| covered(text, f) == what && f.fix.as_deref() == Some(fix)),
            "{rule:?} should offer {fix:?} for {what:?} in {text:?}; found {found:?}"
        );
    }

    /// Asserts that `rule` flags nothing in `text`.
    pub fn not_flagged(rule: Rule, text: &str) {
        let found = of_rule(rule, text);
        assert!(
            found.is_empty(),
            "{rule:?} should flag nothing in {text:?}; flagged {:?}",
            found.iter().map(|f| covered(text, f)).collect::<Vec<_>>()
        );
    }
}
