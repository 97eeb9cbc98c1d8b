//! The author's preferences. They live in the database, so they travel with the data folder.

use serde::{Deserialize, Serialize};

/// The language of the window.
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
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Theme {
    /// As the operating system is set, following it when it changes.
    #[default]
    System,
    Light,
    Dark,
}

/// Every preference; a missing one (from an older Fumi) takes its default.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    pub language: Language,
    pub theme: Theme,
    /// Whether the author has answered the first-run welcome.
    pub welcomed: bool,
}
