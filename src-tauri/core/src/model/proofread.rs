//! The proofreader's rules, the author's choices for them, and what it finds.

use serde::{Deserialize, Serialize};

use crate::message::Args;

/// One check the proofreader can make; each can be switched off in Settings.
#[cfg_attr(feature = "bindings", derive(specta::Type))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Rule {
    /// A sentence longer than the author's limit.
    LongSentence,
    /// More 、 in one sentence than the author's limit.
    ManyCommas,
    /// です・ます and だ・である sentences in one post.
    MixedStyle,
    /// ら抜き言葉: 見れる for 見られる.
    RaNuki,
    /// 二重否定: ないことはない, なくもない.
    DoubleNegative,
    /// The same particle twice in a clause (私は今日は) or in a row (のの).
    DoubledParticle,
    /// A word typed twice (the the, ですです).
    DoubledWord,
    /// 表記ゆれ: one word written two ways in a post (出来る/できる, ２/2).
    Variants,
    /// Half-width katakana (ｶﾀｶﾅ).
    HalfWidthKana,
    /// A full-width space at the end of a line.
    TrailingWideSpace,
    /// A bracket 「」『』（）【】 opened and not closed, or closed by another kind.
    Brackets,
    /// English words checked by the webview's spell checker (the system's dictionaries).
    Spelling,
}

impl Rule {
    /// Every rule, in the order Settings lists them.
    pub const ALL: [Rule; 12] = [
        Rule::LongSentence,
        Rule::ManyCommas,
        Rule::MixedStyle,
        Rule::RaNuki,
        Rule::DoubleNegative,
        Rule::DoubledParticle,
        Rule::DoubledWord,
        Rule::Variants,
        Rule::HalfWidthKana,
        Rule::TrailingWideSpace,
        Rule::Brackets,
        Rule::Spelling,
    ];

    /// The rule's key in the message catalog (`proofread-<code>`), and in JSON.
    pub fn code(self) -> &'static str {
        match self {
            Rule::LongSentence => "long_sentence",
            Rule::ManyCommas => "many_commas",
            Rule::MixedStyle => "mixed_style",
            Rule::RaNuki => "ra_nuki",
            Rule::DoubleNegative => "double_negative",
            Rule::DoubledParticle => "doubled_particle",
            Rule::DoubledWord => "doubled_word",
            Rule::Variants => "variants",
            Rule::HalfWidthKana => "half_width_kana",
            Rule::TrailingWideSpace => "trailing_wide_space",
            Rule::Brackets => "brackets",
            Rule::Spelling => "spelling",
        }
    }
}

/// Characters a sentence may have before it is called long, when the author chose none.
pub const DEFAULT_MAX_SENTENCE_CHARS: u16 = 100;
/// 、 a sentence may have, when the author chose none (textlint's Japanese presets use 3).
pub const DEFAULT_MAX_COMMAS: u8 = 3;

fn default_max_sentence_chars() -> u16 {
    DEFAULT_MAX_SENTENCE_CHARS
}

fn default_max_commas() -> u8 {
    DEFAULT_MAX_COMMAS
}

/// The author's choices for the proofreader.
#[cfg_attr(feature = "bindings", derive(specta::Type))]
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(default)]
pub struct ProofreadSettings {
    /// The rules switched off (every other one runs).
    pub off: Vec<Rule>,
    /// A sentence with more characters than this is flagged.
    #[serde(default = "default_max_sentence_chars")]
    pub max_sentence_chars: u16,
    /// A sentence with more 、 than this is flagged.
    #[serde(default = "default_max_commas")]
    pub max_commas: u8,
}

impl ProofreadSettings {
    /// Whether `rule` runs.
    pub fn runs(&self, rule: Rule) -> bool {
        !self.off.contains(&rule)
    }
}

impl Default for ProofreadSettings {
    fn default() -> ProofreadSettings {
        ProofreadSettings {
            off: Vec::new(),
            max_sentence_chars: DEFAULT_MAX_SENTENCE_CHARS,
            max_commas: DEFAULT_MAX_COMMAS,
        }
    }
}

/// One thing the proofreader found. `from`..`to` count UTF-16 code units, as the editor (and
/// every LSP client) counts positions.
#[cfg_attr(feature = "bindings", derive(specta::Type))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Finding {
    pub rule: Rule,
    pub from: u32,
    pub to: u32,
    /// The text that would replace `from..to`, where one fix is clear.
    pub fix: Option<String>,
    /// The message's fields (`proofread-<rule>` in the catalog).
    pub args: Args,
}
