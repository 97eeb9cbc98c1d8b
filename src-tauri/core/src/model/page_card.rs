//! What a page says of itself, for the card of an embed (`[URL:embed]`).

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use super::draft::Millis;

/// A page's own title, description, site name and image (Open Graph, or its `<title>`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PageCard {
    pub url: String,
    pub title: String,
    pub description: String,
    pub site: String,
    /// The page's image (absolute URL), if it names one.
    pub image: Option<String>,
    pub fetched_at: Millis,
}

/// The cards known for a draft's embeds, by URL.
pub type PageCards = HashMap<String, PageCard>;
