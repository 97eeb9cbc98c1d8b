//! Which blog a draft is rendered for: the notation it understands and how it breaks lines.

use crate::model::blog::BlogKind;

/// How a blog shows a draft.
#[cfg_attr(feature = "bindings", derive(specta::Type))]
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Flavor {
    /// GitHub-flavoured Markdown as Fumi always rendered it: no notation, soft line breaks.
    #[default]
    Plain,
    /// Hatena Blog's Markdown mode: its notation (`[:contents]`, `((…))`, cards, Fotolife
    /// images, `<!-- more -->`) and a line break wherever the author broke a line.
    Hatena,
    /// WordPress (and MetaWeblog blogs): the same notation, sent as what WordPress understands
    /// (`<!--more-->`, an embed's URL alone on its line); WordPress's `wpautop` keeps line breaks.
    #[serde(rename = "wordpress")]
    WordPress,
}

impl Flavor {
    /// The flavour of a blog of this kind.
    pub fn of(kind: BlogKind) -> Flavor {
        match kind {
            BlogKind::Hatena => Flavor::Hatena,
            BlogKind::WordPress | BlogKind::MetaWeblog => Flavor::WordPress,
        }
    }

    /// Reads `plain`, `hatena` or `wordpress`.
    pub fn parse(word: &str) -> Option<Flavor> {
        match word {
            "plain" => Some(Flavor::Plain),
            "hatena" => Some(Flavor::Hatena),
            "wordpress" => Some(Flavor::WordPress),
            _ => None,
        }
    }

    /// Whether the blog's notation is read.
    pub(crate) fn has_notation(self) -> bool {
        self != Flavor::Plain
    }
}

/// What the HTML is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Output {
    /// The window's preview: source positions for scrolling, cards and dividers drawn.
    Preview,
    /// The post as sent to the blog: no preview-only attributes, markers as the blog reads
    /// them.
    Published,
}
