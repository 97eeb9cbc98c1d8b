//! The command line: the same `App` as the window, usable without a display. Each command
//! group parses its arguments, calls one `App` method and prints the answer, a type with
//! `Display` (sentences from the message catalog, in the locale's language).

mod blogs;
mod books;
mod drafts;
mod files;
mod input;
mod proofread;
mod publish;
mod sync;

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use fumi_core::message::{self, Args as MessageArgs, Lang};
use fumi_core::paths::{DATA_DIR_ENV, LOGS_FOLDER, default_data_dir, default_log_dir};
use fumi_core::{App, Error, args};

/// Fumi: write long posts, preview them, publish them. With no command, opens the window.
#[derive(Parser)]
#[command(name = "fumi", version, about)]
pub struct Args {
    /// Folder holding Fumi's database (default: the platform's app-data folder).
    #[arg(long, global = true, env = DATA_DIR_ENV, value_name = "DIR")]
    data_dir: Option<PathBuf>,

    /// Markdown files to open in the window, each as a new draft (what the `.md` association
    /// passes).
    #[arg(value_name = "FILE")]
    pub open: Vec<PathBuf>,

    /// Passed by WebKitWebDriver when it launches the app for automated tests; ignored.
    #[arg(long, hide = true)]
    automation: bool,

    #[command(subcommand)]
    pub command: Option<Command>,
}

impl Args {
    /// The data folder: `--data-dir`, else `FUMI_DATA_DIR`, else the platform default.
    pub fn data_dir(&self) -> Result<PathBuf, Error> {
        match &self.data_dir {
            Some(dir) => Ok(dir.clone()),
            None => default_data_dir(),
        }
    }

    /// The files another launch of the window was given (its `argv`); none if it was not a
    /// window's launch.
    pub fn files_in(argv: &[String]) -> Vec<PathBuf> {
        match Args::try_parse_from(argv) {
            Ok(args) if args.command.is_none() => args.open,
            _ => Vec::new(),
        }
    }

    /// The log folder: `logs/` inside a data folder given explicitly (so each has its own), else
    /// the platform's log folder.
    pub fn log_dir(&self) -> Result<PathBuf, Error> {
        match &self.data_dir {
            Some(dir) => Ok(dir.join(LOGS_FOLDER)),
            None => default_log_dir(),
        }
    }
}

#[derive(Subcommand)]
pub enum Command {
    /// Work with drafts.
    #[command(subcommand)]
    Drafts(drafts::DraftsCommand),
    /// Blog accounts (passwords are kept in the system keychain).
    #[command(subcommand)]
    Blogs(blogs::BlogsCommand),
    /// Publish a draft to a blog; publishing it again updates the same post.
    Publish(publish::PublishArgs),
    /// Take a draft's post off the blog's public pages (back to a draft there), or delete it.
    Unpublish(publish::UnpublishArgs),
    /// Send a draft to a blog as its draft post (never a second one) and print the blog's own
    /// HTML of it, block by block, `!` marking the blocks Fumi's preview shows otherwise.
    PreviewOnBlog(publish::PreviewOnBlogArgs),
    /// Import the blog's posts as drafts linked to them; with --draft, replace that draft's text
    /// with the blog's version of its post (the draft's text is kept as a revision).
    Pull(publish::PullArgs),
    /// Move drafts in and out as blogsync files (Hatena Blog), keeping the link to their entries.
    #[command(subcommand)]
    Blogsync(publish::BlogsyncCommand),
    /// Publishes waiting for their blog to answer: list them (the default), send them now, or
    /// cancel one.
    Queue {
        #[command(subcommand)]
        command: Option<publish::QueueCommand>,
    },
    /// Write every draft as a Markdown file (title in the front matter) and every image into DIR
    /// (new or empty): DIR/drafts/NNNN-title.md, DIR/assets/<sha256>.<ext>.
    ExportAll { dir: PathBuf },
    /// Add every draft and image of an export-all folder to this data folder.
    ImportAll { dir: PathBuf },
    /// Books: look one up by ISBN, list the reviewed ones.
    #[command(subcommand)]
    Book(books::BookCommand),
    /// Book reviews.
    #[command(subcommand)]
    Review(books::ReviewCommand),
    /// Drafts on every computer through a git remote you already have.
    #[command(subcommand)]
    Sync(sync::SyncCommand),
    /// Keep an image in Fumi's database; prints the Markdown that shows it.
    AddImage {
        /// An image file (PNG, JPEG, GIF, WebP…).
        file: PathBuf,
    },
    /// Proofread Markdown (a file, or standard input) as the window does, under this data
    /// folder's settings: one finding a line, `LINE:COLUMN  rule  explanation  → fix`.
    Proofread {
        /// Markdown file; `-` or nothing reads standard input.
        file: Option<PathBuf>,
    },
    /// Render Markdown (a file, or standard input) to the preview's sanitized HTML.
    Render {
        /// Markdown file; `-` or nothing reads standard input.
        file: Option<PathBuf>,
        /// Render as this blog shows the draft: `hatena` (its notation, a line break per line),
        /// `wordpress`, or `plain` Markdown.
        #[arg(long, default_value = "plain", value_parser = ["plain", "hatena", "wordpress"])]
        flavor: String,
        /// Print the stylesheet for highlighted code instead.
        #[arg(long, conflicts_with = "file")]
        theme_css: bool,
    },
}

/// Runs one command; prints its errors as `fumi: message` and exits non-zero on failure.
pub fn run(command: Command, data_dir: &Path) -> ExitCode {
    match execute(command, data_dir) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => fail(&e),
    }
}

/// Reports an error to the author on standard error, in the locale's language, with what to
/// type next where the command line has its own way (a flag) to go on.
pub fn fail(e: &Error) -> ExitCode {
    tracing::warn!(code = e.code(), error = %e, "command failed");
    warn(e);
    let hint = match e {
        Error::RemotePostNotFound { .. } => Some("cli-hint-recreate"),
        Error::LocalFilesNeedConsent { .. } => Some("cli-hint-allow-files"),
        Error::BlogNotFound(_) => Some("cli-hint-blogs-list"),
        _ => None,
    };
    if let Some(hint) = hint {
        eprintln!("{}", say(hint, &args! {}));
    }
    match e {
        // EX_TEMPFAIL: not done yet, and nothing for the author to fix.
        Error::PublishQueued { .. } => ExitCode::from(75),
        _ => ExitCode::FAILURE,
    }
}

/// Prints an error as `fumi: message` on standard error (a failure, or a warning beside a
/// result).
fn warn(e: &Error) {
    let lang = Lang::of_environment();
    eprintln!(
        "{}",
        message::text(lang, "cli-error", &args! { "message" => e.message(lang) })
    );
}

/// A sentence of the catalog in the locale's language.
fn say(id: &str, args: &MessageArgs) -> String {
    message::text(Lang::of_environment(), id, args)
}

fn execute(command: Command, data_dir: &Path) -> Result<(), Error> {
    // Rendering needs no data folder (it works before any exists).
    if let Command::Render {
        file,
        flavor,
        theme_css,
    } = command
    {
        let flavor = fumi_core::render::Flavor::parse(&flavor).unwrap_or_default();
        return files::render(file.as_deref(), flavor, theme_css);
    }
    let app = App::open(data_dir)?;
    match command {
        Command::Drafts(command) => drafts::run(&app, command),
        Command::Blogs(command) => blogs::run(&app, command),
        Command::Publish(args) => publish::publish(&app, args),
        Command::Unpublish(args) => publish::unpublish(&app, args),
        Command::PreviewOnBlog(args) => publish::preview_on_blog(&app, args),
        Command::Pull(args) => publish::pull(&app, args),
        Command::Blogsync(command) => publish::blogsync(&app, command),
        Command::Queue { command } => publish::queue(&app, command),
        Command::ExportAll { dir } => print(&files::Moved(app.export_all(&dir)?)),
        Command::ImportAll { dir } => print(&files::Moved(app.import_all(&dir)?)),
        Command::Book(command) => books::book(&app, command),
        Command::Review(command) => books::review(&app, command),
        Command::Sync(command) => sync::run(&app, command),
        Command::AddImage { file } => files::add_image(&app, &file),
        Command::Proofread { file } => proofread::proofread(&app, file.as_deref()),
        // Answered above, without opening the data folder.
        Command::Render { .. } => Ok(()),
    }
}

/// Runs a network call to completion on a runtime of its own (the CLI is otherwise
/// synchronous).
fn block_on<T>(future: impl std::future::Future<Output = Result<T, Error>>) -> Result<T, Error> {
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .map_err(|source| Error::System {
            action: "start its network runtime",
            source,
        })?
        .block_on(future)
}

/// Writes an answer to standard output; a closed pipe (`fumi drafts list | head`) is not an
/// error.
fn print(answer: &impl std::fmt::Display) -> Result<(), Error> {
    let text = answer.to_string();
    let mut out = std::io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        Err(source) => Err(Error::WriteFile {
            path: PathBuf::from("standard output"),
            source,
        }),
    }
}
