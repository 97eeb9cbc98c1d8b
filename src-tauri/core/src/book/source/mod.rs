//! The book databases, each answering in its own documented format.

pub mod google_books;
pub mod ndl;
pub mod open_library;
pub mod openbd;

use reqwest::Client;

use super::lookup::Miss;
use crate::model::book::Endpoints;
use crate::model::book::{BookFacts, Isbn};

/// One book database.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Source {
    OpenBd,
    Ndl,
    OpenLibrary,
    GoogleBooks,
}

impl Source {
    /// The order they are asked in: Japanese publishers' data first, then the national library,
    /// then the two international catalogues.
    pub const ALL: [Source; 4] = [
        Source::OpenBd,
        Source::Ndl,
        Source::OpenLibrary,
        Source::GoogleBooks,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Source::OpenBd => "openBD",
            Source::Ndl => "NDL Search",
            Source::OpenLibrary => "Open Library",
            Source::GoogleBooks => "Google Books",
        }
    }

    pub fn endpoint(self, endpoints: &Endpoints) -> &str {
        match self {
            Source::OpenBd => &endpoints.openbd,
            Source::Ndl => &endpoints.ndl,
            Source::OpenLibrary => &endpoints.open_library,
            Source::GoogleBooks => &endpoints.google_books,
        }
    }
}

/// Asks one database about one book.
pub(super) async fn ask(
    source: Source,
    client: &Client,
    endpoint: &str,
    isbn: &Isbn,
) -> Result<BookFacts, Miss> {
    let malformed = |e: String| Miss::Failed(format!("an answer Fumi cannot read ({e})"));
    let facts = match source {
        Source::OpenBd => {
            let body = super::lookup::get(client, &format!("{endpoint}?isbn={isbn}")).await?;
            openbd::parse(&body).map_err(malformed)?
        }
        Source::Ndl => {
            let body = super::lookup::get(client, &format!("{endpoint}?isbn={isbn}")).await?;
            ndl::parse(&body).map_err(malformed)?
        }
        Source::OpenLibrary => {
            let body = super::lookup::get(client, &format!("{endpoint}/isbn/{isbn}.json")).await?;
            let (mut facts, author_keys) = open_library::parse(&body).map_err(malformed)?;
            // Editions name their authors by key; each name is one more request.
            for key in author_keys {
                let body = super::lookup::get(client, &format!("{endpoint}{key}.json")).await?;
                facts
                    .authors
                    .push(open_library::author_name(&body).map_err(malformed)?);
            }
            Some(facts)
        }
        Source::GoogleBooks => {
            let body = super::lookup::get(client, &format!("{endpoint}?q=isbn:{isbn}")).await?;
            google_books::parse(&body).map_err(malformed)?
        }
    };
    facts.filter(|f| !f.title.is_empty()).ok_or(Miss::NotFound)
}
