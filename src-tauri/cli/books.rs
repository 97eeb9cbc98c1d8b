//! `fumi book …` and `fumi review …`: lookups by ISBN, My books, new reviews.

use std::fmt;

use clap::Subcommand;
use fumi_core::book::template::TemplateLanguage;
use fumi_core::message::Lang;
use fumi_core::model::book::Found;
use fumi_core::model::book::{BookOrder, Isbn, ReviewedBook};
use fumi_core::{App, Error, args};

use super::{block_on, print, say, warn};

#[derive(Subcommand)]
pub enum BookCommand {
    /// Look a book up by ISBN (10 or 13 digits, hyphens optional) in openBD, NDL Search, Open
    /// Library and Google Books, in that order; answers are kept, so a second lookup is offline.
    Lookup { isbn: String },
    /// List the reviewed books: review id, rating, date read, title, authors.
    List {
        #[arg(long, value_enum, default_value = "read")]
        sort: BookSortArg,
    },
}

#[derive(Clone, Copy, clap::ValueEnum)]
pub enum BookSortArg {
    /// Last finished (or started) first.
    Read,
    /// Most stars first.
    Rating,
    /// By the first author's name.
    Author,
}

#[derive(Subcommand)]
pub enum ReviewCommand {
    /// Start a review of the book with this ISBN from the review template (in the settings'
    /// language); prints the new draft's id. Offline, the review starts with the ISBN alone.
    New { isbn: String },
}

pub(super) fn book(app: &App, command: BookCommand) -> Result<(), Error> {
    match command {
        BookCommand::Lookup { isbn } => {
            let isbn: Isbn = isbn.parse()?;
            print(&Looked(block_on(app.lookup(&isbn))?))
        }
        BookCommand::List { sort } => {
            let order = match sort {
                BookSortArg::Read => BookOrder::Read,
                BookSortArg::Rating => BookOrder::Rating,
                BookSortArg::Author => BookOrder::Author,
            };
            print(&Books(app.reviewed_books(order)?))
        }
    }
}

pub(super) fn review(app: &App, command: ReviewCommand) -> Result<(), Error> {
    let ReviewCommand::New { isbn } = command;
    let isbn: Isbn = isbn.parse()?;
    let settings = app.settings()?;
    let language = TemplateLanguage::from(Lang::of_setting(settings.language));
    let (draft, failure) = block_on(app.new_review(&isbn, language))?;
    // The review exists either way; why the lookup failed is said beside its id.
    if let Some(e) = failure {
        warn(&e);
    }
    print(&format!("{}\n", draft.id))
}

/// A looked-up book: field lines, then where the answer came from.
struct Looked(Found);

impl fmt::Display for Looked {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let Found {
            isbn,
            source,
            facts,
            cached,
        } = &self.0;
        writeln!(f, "Title: {}", facts.title)?;
        writeln!(f, "Authors: {}", facts.authors.join(", "))?;
        writeln!(f, "Publisher: {}", facts.publisher)?;
        writeln!(f, "Published: {}", facts.published)?;
        if let Some(pages) = facts.pages {
            writeln!(f, "Pages: {pages}")?;
        }
        writeln!(f, "ISBN: {isbn}")?;
        if let Some(ten) = isbn.isbn10() {
            writeln!(f, "ISBN-10: {ten}")?;
        }
        if let Some(cover) = &facts.cover_url {
            writeln!(f, "Cover: {cover}")?;
        }
        if *cached {
            writeln!(f, "Source: {source} {}", say("cli-kept", &args! {}))
        } else {
            writeln!(f, "Source: {source}")
        }
    }
}

/// Reviewed books, one per line: review id, stars, date read, title, authors.
struct Books(Vec<ReviewedBook>);

impl fmt::Display for Books {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for b in &self.0 {
            writeln!(
                f,
                "{}\t{}\t{}\t{}\t{}",
                b.draft_id,
                "★".repeat(usize::from(b.book.rating.unwrap_or(0))),
                b.book
                    .finished_on
                    .as_deref()
                    .or(b.book.started_on.as_deref())
                    .unwrap_or(""),
                b.book.facts.title,
                b.book.facts.authors.join(", ")
            )?;
        }
        Ok(())
    }
}
