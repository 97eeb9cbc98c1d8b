//! The author's preferences. They live in the database, so they travel with the data folder.

use serde::{Deserialize, Serialize};

/// The language of the window.
#[cfg_attr(feature = "bindings", derive(specta::Type))]
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Language {
    /// The operating system's language (Japanese if it prefers Japanese, else English).
    #[default]
    System,
    Ja,
    En,
}

/// Light or dark.
#[cfg_attr(feature = "bindings", derive(specta::Type))]
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Theme {
    /// As the operating system is set, following it when it changes.
    #[default]
    System,
    Light,
    Dark,
}

/// The typeface of the editor.
#[cfg_attr(feature = "bindings", derive(specta::Type))]
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EditorFont {
    #[default]
    Sans,
    Serif,
    Mono,
}

/// The editor's text size in pixels, when none was chosen.
pub const DEFAULT_EDITOR_FONT_SIZE: u8 = 15;

fn default_editor_font_size() -> u8 {
    DEFAULT_EDITOR_FONT_SIZE
}

/// Seconds between two revisions kept while typing, when none was chosen.
pub const DEFAULT_REVISION_INTERVAL_SECS: u32 = 30;

fn default_revision_interval_secs() -> u32 {
    DEFAULT_REVISION_INTERVAL_SECS
}

/// Every preference; a missing one (from an older Fumi) takes its default.
#[cfg_attr(feature = "bindings", derive(specta::Type))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    pub language: Language,
    pub theme: Theme,
    pub editor_font: EditorFont,
    /// Pixels; the UI offers 12 to 24.
    #[serde(default = "default_editor_font_size")]
    pub editor_font_size: u8,
    /// While typing, at most one revision per this many seconds. (Autosave itself stays at half
    /// a second after the last keystroke: that is what bounds what a crash can lose.)
    #[serde(default = "default_revision_interval_secs")]
    pub revision_interval_secs: u32,
    /// The blog the publish bar offers for a draft not yet published anywhere (else the last
    /// one used).
    pub default_blog: Option<crate::model::blog::BlogId>,
    /// The author's affiliate tag for the purchase links of book cards (empty: plain links).
    pub affiliate_tag: String,
    /// On Hatena, the `[book]` card goes as Hatena's own product card, `[asin:ISBN-10:detail]`,
    /// so the blog's own associate settings apply (a book without an ISBN-10 keeps Fumi's card).
    pub hatena_book_as_asin: bool,
    /// Whether the author has answered the first-run welcome.
    pub welcomed: bool,
    /// Where the book databases answer ISBN lookups.
    pub book_sources: crate::model::book::Endpoints,
    /// The author's own review template (`{title}`, `{authors}`, `{publisher}`, `{isbn}` filled
    /// in); empty: Fumi's own, in the window's language.
    pub review_template: String,
    /// Which proofreading rules run, and their limits.
    pub proofreading: crate::model::proofread::ProofreadSettings,
}

impl Settings {
    /// [`Settings::revision_interval_secs`] in milliseconds, as the store compares times.
    pub fn revision_interval_ms(&self) -> crate::model::draft::Millis {
        crate::model::draft::Millis::from(self.revision_interval_secs) * 1000
    }
}

impl Default for Settings {
    fn default() -> Settings {
        Settings {
            language: Language::default(),
            theme: Theme::default(),
            editor_font: EditorFont::default(),
            editor_font_size: DEFAULT_EDITOR_FONT_SIZE,
            revision_interval_secs: DEFAULT_REVISION_INTERVAL_SECS,
            default_blog: None,
            affiliate_tag: String::new(),
            hatena_book_as_asin: false,
            welcomed: false,
            book_sources: crate::model::book::Endpoints::default(),
            review_template: String::new(),
            proofreading: crate::model::proofread::ProofreadSettings::default(),
        }
    }
}
