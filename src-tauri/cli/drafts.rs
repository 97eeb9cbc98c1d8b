//! `fumi drafts …`: the library, one draft, new, edit, trash, export.

use std::fmt;
use std::path::PathBuf;

use clap::Subcommand;
use fumi_core::draft_export::DraftFormat;
use fumi_core::model::library::{LibraryQuery, SortOrder, TagCount};
use fumi_core::{App, Draft, DraftId, DraftStatus, DraftSummary, Error, SaveKind, args};

use super::{input, print, say};

#[derive(Subcommand)]
pub enum DraftsCommand {
    /// List drafts, most recently updated first: id, last update, status, title.
    List {
        /// List the trash instead.
        #[arg(long, conflicts_with_all = ["status", "blog", "tag", "sort"])]
        trash: bool,
        /// Only drafts that stand so across their blogs.
        #[arg(long, value_enum)]
        status: Option<LibraryStatusArg>,
        /// Only drafts posted on this blog (its name).
        #[arg(long)]
        blog: Option<String>,
        /// Only drafts whose front matter has this category or tag.
        #[arg(long)]
        tag: Option<String>,
        /// The order, newest first.
        #[arg(long, value_enum, default_value = "updated")]
        sort: SortArg,
    },
    /// List the drafts' categories and tags, with how many drafts carry each.
    Tags,
    /// Print a draft: a few header lines, a blank line, then the Markdown body.
    Show { id: DraftId },
    /// Create a draft and print its id.
    New {
        #[arg(long, default_value = "")]
        title: String,
        /// Markdown file for the body; `-` reads standard input; nothing reads a piped standard
        /// input, or leaves the body empty at a terminal.
        file: Option<PathBuf>,
    },
    /// Replace a draft's body (and optionally its title), keeping the old text as a revision.
    Edit {
        id: DraftId,
        /// Markdown file for the body; `-` or nothing reads standard input.
        file: Option<PathBuf>,
        #[arg(long)]
        title: Option<String>,
    },
    /// Find drafts whose title or body contains the text (any script, any length).
    Search { query: String },
    /// Move a draft to the trash.
    Delete { id: DraftId },
    /// Bring a draft back from the trash.
    Restore { id: DraftId },
    /// Write a draft to a file: Markdown with its title in the front matter, or with `--html` a
    /// standalone HTML page with its images inside.
    Export {
        id: DraftId,
        file: PathBuf,
        #[arg(long)]
        html: bool,
    },
}

#[derive(Clone, Copy, clap::ValueEnum)]
pub enum LibraryStatusArg {
    /// Not live on any blog.
    Draft,
    /// Live, as the draft says now.
    Published,
    /// Live or scheduled, and saved since it was last sent.
    Modified,
    /// Waiting for its date on a blog.
    Scheduled,
}

#[derive(Clone, Copy, clap::ValueEnum)]
pub enum SortArg {
    Updated,
    Created,
}

pub(super) fn run(app: &App, command: DraftsCommand) -> Result<(), Error> {
    match command {
        DraftsCommand::List { trash: true, .. } => print(&Summaries(app.trash()?)),
        DraftsCommand::List {
            status,
            blog,
            tag,
            sort,
            ..
        } => {
            let blog = blog.map(|name| app.blog_named(&name)).transpose()?;
            let query = LibraryQuery {
                text: String::new(),
                status: status.map(|s| match s {
                    LibraryStatusArg::Draft => DraftStatus::Draft,
                    LibraryStatusArg::Published => DraftStatus::Published,
                    LibraryStatusArg::Modified => DraftStatus::Modified,
                    LibraryStatusArg::Scheduled => DraftStatus::Scheduled,
                }),
                blog: blog.map(|b| b.id),
                tag,
                sort: match sort {
                    SortArg::Updated => SortOrder::Updated,
                    SortArg::Created => SortOrder::Created,
                },
            };
            print(&Summaries(app.library(&query)?))
        }
        DraftsCommand::Tags => print(&Tags(app.tags()?)),
        DraftsCommand::Search { query } => print(&Summaries(app.search(&query)?)),
        DraftsCommand::Show { id } => print(&Page(app.draft(id)?)),
        DraftsCommand::New { title, file } => {
            let body = input::body(file.as_deref())?;
            print(&format!("{}\n", app.create_draft(&title, &body)?.id))
        }
        DraftsCommand::Edit { id, file, title } => {
            let body = input::text(file.as_deref())?;
            let title = match title {
                Some(t) => t,
                None => app.draft(id)?.title,
            };
            app.save_draft(id, &title, &body, SaveKind::Explicit)
                .map(|_| ())
        }
        DraftsCommand::Delete { id } => app.trash_draft(id),
        DraftsCommand::Restore { id } => app.restore_draft(id),
        DraftsCommand::Export { id, file, html } => {
            let format = if html {
                DraftFormat::Html
            } else {
                DraftFormat::Markdown
            };
            app.export_draft(id, format, &file)
        }
    }
}

/// Drafts, one per line: id, last update, status, title.
struct Summaries(Vec<DraftSummary>);

impl fmt::Display for Summaries {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for d in &self.0 {
            let title = if d.title.is_empty() {
                say("cli-untitled", &args! {})
            } else {
                d.title.clone()
            };
            writeln!(
                f,
                "{}\t{}\t{}\t{title}",
                d.id,
                timestamp(d.updated_at),
                d.status
            )?;
        }
        Ok(())
    }
}

/// One draft: header lines, a blank line, the Markdown body.
struct Page(Draft);

impl fmt::Display for Page {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let d = &self.0;
        writeln!(f, "Title: {}", d.title)?;
        writeln!(f, "Status: {}", d.status)?;
        writeln!(f, "Created: {}", timestamp(d.created_at))?;
        writeln!(f, "Updated: {}", timestamp(d.updated_at))?;
        if let Some(at) = d.deleted_at {
            writeln!(f, "Trashed: {}", timestamp(at))?;
        }
        writeln!(f)?;
        f.write_str(&d.body)
    }
}

/// Tags with how many drafts carry each.
struct Tags(Vec<TagCount>);

impl fmt::Display for Tags {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for t in &self.0 {
            writeln!(f, "{}\t{}", t.drafts, t.tag)?;
        }
        Ok(())
    }
}

/// Milliseconds since the epoch as a local RFC 3339 time.
fn timestamp(ms: i64) -> String {
    match jiff::Timestamp::from_millisecond(ms) {
        Ok(t) => t
            .to_zoned(jiff::tz::TimeZone::system())
            .strftime("%Y-%m-%d %H:%M:%S%:z")
            .to_string(),
        Err(_) => ms.to_string(),
    }
}
