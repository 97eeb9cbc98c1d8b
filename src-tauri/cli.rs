//! The command line: the same core as the window, usable without a display.

use std::io::{IsTerminal, Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use fumi_core::book::template::TemplateLanguage;
use fumi_core::book::{self, BookOrder, Isbn, review};
use fumi_core::draft_export::{self, DraftFormat};
use fumi_core::image::Image;
use fumi_core::library::{LibraryQuery, SortOrder};
use fumi_core::message::{self, Lang};
use fumi_core::paths::{DATA_DIR_ENV, LOGS_FOLDER, default_data_dir, default_log_dir};
use fumi_core::publish::queue::{self, PublishOutcome, Sent};
use fumi_core::publish::{self, Progress, PublishOptions, RemoteStatus};
use fumi_core::{
    Blog, BlogAuth, BlogKind, DraftId, DraftStatus, DraftSummary, Error, Renderer, SaveKind, Store,
    accounts, args, blogsync, front_matter,
};

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
    Drafts(DraftsCommand),
    /// Blog accounts (passwords are kept in the system keychain).
    #[command(subcommand)]
    Blogs(BlogsCommand),
    /// Publish a draft to a blog; publishing it again updates the same post.
    Publish {
        /// The draft's id.
        draft: DraftId,
        /// The blog's name (see `fumi blogs list`).
        #[arg(long)]
        blog: String,
        /// Publish for readers, or keep it a draft on the blog (default: the draft's `status:`
        /// setting, else publish).
        #[arg(long, value_enum)]
        status: Option<StatusArg>,
        /// The post's date, e.g. "2026-12-01 09:00" (local time) or RFC 3339; a future date
        /// schedules the post (default: the draft's `date:` setting).
        #[arg(long, value_name = "TIME")]
        at: Option<String>,
        /// Replace the post even if it was edited on the web since the last publish.
        #[arg(long)]
        overwrite: bool,
        /// Create the post again if it was deleted on the web.
        #[arg(long)]
        recreate: bool,
        /// Upload the files from this computer that the draft shows (listed when not allowed).
        #[arg(long)]
        allow_files: bool,
    },
    /// Take a draft's post off the blog's public pages (back to a draft there), or delete it.
    Unpublish {
        draft: DraftId,
        #[arg(long)]
        blog: String,
        /// Delete the post (into the blog's trash) and forget the link to it.
        #[arg(long)]
        delete: bool,
    },
    /// Import the blog's posts as drafts linked to them; with --draft, replace that draft's text
    /// with the blog's version of its post (the draft's text is kept as a revision).
    Pull {
        #[arg(long)]
        blog: String,
        #[arg(long, value_name = "ID")]
        draft: Option<DraftId>,
    },
    /// Move drafts in and out as blogsync files (Hatena Blog), keeping the link to their entries.
    #[command(subcommand)]
    Blogsync(BlogsyncCommand),
    /// Publishes waiting for their blog to answer: list them (the default), send them now, or
    /// cancel one.
    Queue {
        #[command(subcommand)]
        command: Option<QueueCommand>,
    },
    /// Write every draft as a Markdown file (title in the front matter) and every image into DIR
    /// (new or empty): DIR/drafts/NNNN-title.md, DIR/assets/<sha256>.<ext>.
    ExportAll { dir: PathBuf },
    /// Add every draft and image of an export-all folder to this data folder.
    ImportAll { dir: PathBuf },
    /// Books: look one up by ISBN, list the reviewed ones.
    #[command(subcommand)]
    Book(BookCommand),
    /// Book reviews.
    #[command(subcommand)]
    Review(ReviewCommand),
    /// Keep an image in Fumi's database; prints the Markdown that shows it.
    AddImage {
        /// An image file (PNG, JPEG, GIF, WebP…).
        file: PathBuf,
    },
    /// Render Markdown (a file, or standard input) to the preview's sanitized HTML.
    Render {
        /// Markdown file; `-` or nothing reads standard input.
        file: Option<PathBuf>,
        /// Print the stylesheet for highlighted code instead.
        #[arg(long, conflicts_with = "file")]
        theme_css: bool,
    },
}

#[derive(Subcommand)]
pub enum BlogsCommand {
    /// Add a blog after checking its address and password. The application password is read
    /// from standard input (or asked for at a terminal), never from the command line.
    Add {
        /// A short name for the blog, used by `fumi publish --blog`.
        name: String,
        /// The blog's home page, e.g. https://example.com/ (Hatena: the AtomPub root,
        /// https://blog.hatena.ne.jp/ID/BLOG/atom).
        #[arg(long)]
        url: String,
        #[arg(long)]
        user: String,
        #[arg(long, value_enum, default_value = "wordpress")]
        kind: KindArg,
        /// Hatena only: sign in with HTTP Basic instead of WSSE (https addresses only).
        #[arg(long)]
        basic_auth: bool,
    },
    /// List blogs: name, kind, user, address.
    List,
    /// Check that a blog answers and accepts its password.
    Test { name: String },
    /// List the blog's categories, one per line (new names may be used in `categories:` too).
    Categories { name: String },
    /// Remove a blog and its password (its posts stay on the blog).
    Remove { name: String },
}

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

#[derive(Subcommand)]
pub enum QueueCommand {
    /// Send every queued publish now, whatever its next attempt time.
    Send,
    /// Take a draft's queued publish out of the queue without sending it.
    Cancel {
        draft: DraftId,
        #[arg(long)]
        blog: String,
    },
}

#[derive(Subcommand)]
pub enum BlogsyncCommand {
    /// Print a draft as a blogsync file (Title, Category, Date, URL, EditURL, Draft, CustomPath).
    Export {
        draft: DraftId,
        /// The blog whose entry the file refers to.
        #[arg(long)]
        blog: String,
    },
    /// Make drafts from blogsync files, linked to their entries on the blog; prints their ids.
    Import {
        #[arg(required = true)]
        files: Vec<PathBuf>,
        #[arg(long)]
        blog: String,
    },
}

#[derive(Clone, Copy, clap::ValueEnum)]
pub enum KindArg {
    /// WordPress's REST API (application password).
    Wordpress,
    /// MetaWeblog over XML-RPC (`/xmlrpc.php`; WordPress, Movable Type, older hosts).
    Metaweblog,
    /// Hatena Blog: --url is the AtomPub root (https://blog.hatena.ne.jp/ID/BLOG/atom), --user
    /// the Hatena ID, the secret the API key (blog settings › 詳細設定 › AtomPub).
    Hatena,
}

#[derive(Clone, Copy, clap::ValueEnum)]
pub enum StatusArg {
    Publish,
    Draft,
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
    let lang = Lang::of_environment();
    eprintln!(
        "{}",
        message::text(lang, "cli-error", &args! { "message" => e.message(lang) })
    );
    let hint = match e {
        Error::RemotePostNotFound { .. } => Some("cli-hint-recreate"),
        Error::LocalFilesNeedConsent { .. } => Some("cli-hint-allow-files"),
        Error::BlogNotFound(_) => Some("cli-hint-blogs-list"),
        _ => None,
    };
    if let Some(hint) = hint {
        eprintln!("{}", message::text(lang, hint, &args! {}));
    }
    match e {
        // EX_TEMPFAIL: not done yet, and nothing for the author to fix.
        Error::PublishQueued { .. } => ExitCode::from(75),
        _ => ExitCode::FAILURE,
    }
}

fn execute(command: Command, data_dir: &Path) -> Result<(), Error> {
    let mut out = std::io::stdout().lock();
    match command {
        Command::Render {
            theme_css: true, ..
        } => print(&mut out, &fumi_core::render::theme_css()),
        Command::Render { file, .. } => {
            let markdown = read_input(file.as_deref())?;
            print(&mut out, &Renderer::new().render(&markdown).html)
        }
        Command::Blogs(command) => blogs(command, data_dir, &mut out),
        Command::Publish {
            draft,
            blog,
            status,
            at,
            overwrite,
            recreate,
            allow_files,
        } => {
            let mut store = Store::open(data_dir)?;
            let (blog, secret) = blog_and_secret(&mut store, blog)?;
            let options = PublishOptions {
                status: status.map(|s| match s {
                    StatusArg::Publish => RemoteStatus::Publish,
                    StatusArg::Draft => RemoteStatus::Draft,
                }),
                at: at.as_deref().map(front_matter::parse_date).transpose()?,
                overwrite,
                recreate,
                allow_local_files: allow_files,
            };
            let renderer = Renderer::new();
            let report = |p: Progress| {
                if let Progress::Images { done, total } = p {
                    eprint!("\rimages {done}/{total}");
                    if done == total {
                        eprintln!();
                    }
                }
            };
            let publication = match block_on(queue::publish_or_queue(
                &mut store, &renderer, &blog, &secret, draft, options, &report,
            ))? {
                PublishOutcome::Published { publication } => publication,
                PublishOutcome::Queued { job } => {
                    return Err(Error::PublishQueued {
                        reason: job.last_error,
                    });
                }
            };
            let scheduled = publication.remote_status.as_deref() == Some("future");
            print(
                &mut out,
                &format!(
                    "{}{}\n",
                    publication.remote_url.unwrap_or_default(),
                    if scheduled { " (scheduled)" } else { "" }
                ),
            )
        }
        Command::Unpublish {
            draft,
            blog,
            delete,
        } => {
            let mut store = Store::open(data_dir)?;
            let (blog, secret) = blog_and_secret(&mut store, blog)?;
            if delete {
                block_on(publish::delete_remote(&mut store, &blog, &secret, draft))
            } else {
                block_on(publish::unpublish_draft(&mut store, &blog, &secret, draft)).map(|_| ())
            }
        }
        Command::Pull { blog, draft } => {
            let mut store = Store::open(data_dir)?;
            let (blog, secret) = blog_and_secret(&mut store, blog)?;
            let renderer = Renderer::new();
            match draft {
                Some(id) => block_on(publish::take_remote(
                    &mut store, &renderer, &blog, &secret, id,
                )),
                None => {
                    let report =
                        block_on(publish::pull_posts(&mut store, &renderer, &blog, &secret))?;
                    let ids: Vec<String> =
                        report.imported.iter().map(|id| id.to_string()).collect();
                    print(
                        &mut out,
                        &format!(
                            "Imported {} posts as drafts{}{}; {} already linked.\n",
                            ids.len(),
                            if ids.is_empty() { "" } else { ": " },
                            ids.join(" "),
                            report.already_linked
                        ),
                    )
                }
            }
        }
        Command::ExportAll { dir } => {
            let moved = fumi_core::export::export_all(&Store::open(data_dir)?, &dir)?;
            print(&mut out, &moved_line(moved))
        }
        Command::ImportAll { dir } => {
            let moved = fumi_core::export::import_all(&mut Store::open(data_dir)?, &dir)?;
            print(&mut out, &moved_line(moved))
        }
        Command::Queue { command } => {
            let mut store = Store::open(data_dir)?;
            match command {
                None => {
                    let mut list = String::new();
                    for job in store.queued_publishes()? {
                        let blog = store.blog(job.blog_id)?.map(|b| b.name).unwrap_or_default();
                        list.push_str(&format!(
                            "{}\t{blog}\t{} attempts\t{}\n",
                            job.draft_id,
                            job.attempts,
                            job.last_error.text(Lang::of_environment())
                        ));
                    }
                    print(&mut out, &list)
                }
                Some(QueueCommand::Send) => {
                    let secret_of = accounts::secret;
                    let sent = block_on(queue::send_queued(
                        &mut store,
                        &Renderer::new(),
                        &secret_of,
                        i64::MAX,
                    ))?;
                    let mut lines = String::new();
                    for s in sent {
                        lines.push_str(&match s {
                            Sent::Published { draft_id, url, .. } => {
                                format!("{draft_id}\tpublished\t{}\n", url.unwrap_or_default())
                            }
                            Sent::Waiting {
                                draft_id, error, ..
                            } => {
                                let error = error.text(Lang::of_environment());
                                format!("{draft_id}\twaiting\t{error}\n")
                            }
                            Sent::Failed {
                                draft_id, error, ..
                            } => {
                                let error = error.text(Lang::of_environment());
                                format!("{draft_id}\tfailed\t{error}\n")
                            }
                        });
                    }
                    print(&mut out, &lines)
                }
                Some(QueueCommand::Cancel { draft, blog }) => {
                    let blog = store
                        .blog_by_name(&blog)?
                        .ok_or(Error::BlogNotFound(blog))?;
                    store.unqueue_publish(draft, blog.id)
                }
            }
        }
        Command::Blogsync(command) => {
            let mut store = Store::open(data_dir)?;
            match command {
                BlogsyncCommand::Export { draft, blog } => {
                    let blog = store
                        .blog_by_name(&blog)?
                        .ok_or(Error::BlogNotFound(blog))?;
                    print(&mut out, &blogsync::export(&store, &blog, draft)?)
                }
                BlogsyncCommand::Import { files, blog } => {
                    let blog = store
                        .blog_by_name(&blog)?
                        .ok_or(Error::BlogNotFound(blog))?;
                    let mut ids = String::new();
                    for file in files {
                        let text = read_input(Some(&file))?;
                        ids.push_str(&format!(
                            "{}\n",
                            blogsync::import(&mut store, &blog, &text)?
                        ));
                    }
                    print(&mut out, &ids)
                }
            }
        }
        Command::Book(BookCommand::Lookup { isbn }) => {
            let isbn: Isbn = isbn.parse()?;
            let mut store = Store::open(data_dir)?;
            let endpoints = store.settings()?.book_sources;
            let found = block_on(review::find(&mut store, &endpoints, &isbn))?;
            let f = &found.facts;
            let mut text = format!(
                "Title: {}\nAuthors: {}\nPublisher: {}\nPublished: {}\n",
                f.title,
                f.authors.join(", "),
                f.publisher,
                f.published
            );
            if let Some(pages) = f.pages {
                text.push_str(&format!("Pages: {pages}\n"));
            }
            text.push_str(&format!("ISBN: {isbn}\n"));
            if let Some(ten) = isbn.isbn10() {
                text.push_str(&format!("ISBN-10: {ten}\n"));
            }
            if let Some(cover) = &f.cover_url {
                text.push_str(&format!("Cover: {cover}\n"));
            }
            let cached = if found.cached {
                " (kept from an earlier lookup)"
            } else {
                ""
            };
            text.push_str(&format!("Source: {}{cached}\n", found.source));
            print(&mut out, &text)
        }
        Command::Book(BookCommand::List { sort }) => {
            let mut books = Store::open(data_dir)?.reviewed_books()?;
            book::sort(
                &mut books,
                match sort {
                    BookSortArg::Read => BookOrder::Read,
                    BookSortArg::Rating => BookOrder::Rating,
                    BookSortArg::Author => BookOrder::Author,
                },
            );
            let text: String = books
                .iter()
                .map(|b| {
                    format!(
                        "{}\t{}\t{}\t{}\t{}\n",
                        b.draft_id,
                        "★".repeat(usize::from(b.book.rating.unwrap_or(0))),
                        b.book
                            .finished_on
                            .as_deref()
                            .or(b.book.started_on.as_deref())
                            .unwrap_or(""),
                        b.book.facts.title,
                        b.book.facts.authors.join(", ")
                    )
                })
                .collect();
            print(&mut out, &text)
        }
        Command::Review(ReviewCommand::New { isbn }) => {
            let isbn: Isbn = isbn.parse()?;
            let mut store = Store::open(data_dir)?;
            let settings = store.settings()?;
            let language = TemplateLanguage::of(settings.language, &os_locale());
            let (draft, failure) = block_on(review::new_review(
                &mut store,
                &settings.book_sources,
                &isbn,
                language,
                &settings.review_template,
            ))?;
            if let Some(e) = failure {
                eprintln!("fumi: {e}");
            }
            print(&mut out, &format!("{}\n", draft.id))
        }
        Command::AddImage { file } => {
            let image = Image::read_file(&file)?;
            let reference = Store::open(data_dir)?.add_asset(&image)?;
            print(&mut out, &format!("![]({reference})\n"))
        }
        Command::Drafts(command) => {
            let mut store = Store::open(data_dir)?;
            match command {
                DraftsCommand::List {
                    trash,
                    status,
                    blog,
                    tag,
                    sort,
                } => {
                    let drafts = if trash {
                        store.list_trash()?
                    } else {
                        let blog = match blog {
                            Some(name) => Some(
                                store
                                    .blog_by_name(&name)?
                                    .ok_or(Error::BlogNotFound(name))?
                                    .id,
                            ),
                            None => None,
                        };
                        store.library(&LibraryQuery {
                            text: String::new(),
                            status: status.map(|s| match s {
                                LibraryStatusArg::Draft => DraftStatus::Draft,
                                LibraryStatusArg::Published => DraftStatus::Published,
                                LibraryStatusArg::Modified => DraftStatus::Modified,
                                LibraryStatusArg::Scheduled => DraftStatus::Scheduled,
                            }),
                            blog,
                            tag,
                            sort: match sort {
                                SortArg::Updated => SortOrder::Updated,
                                SortArg::Created => SortOrder::Created,
                            },
                        })?
                    };
                    print_summaries(&mut out, &drafts)
                }
                DraftsCommand::Tags => {
                    let text: String = store
                        .tags()?
                        .iter()
                        .map(|t| format!("{}\t{}\n", t.drafts, t.tag))
                        .collect();
                    print(&mut out, &text)
                }
                DraftsCommand::Search { query } => {
                    print_summaries(&mut out, &store.search(&query)?)
                }
                DraftsCommand::Show { id } => {
                    let d = store.draft(id)?;
                    let mut text = format!(
                        "Title: {}\nStatus: {}\nCreated: {}\nUpdated: {}\n",
                        d.title,
                        d.status,
                        timestamp(d.created_at),
                        timestamp(d.updated_at)
                    );
                    if let Some(at) = d.deleted_at {
                        text.push_str(&format!("Trashed: {}\n", timestamp(at)));
                    }
                    text.push('\n');
                    text.push_str(&d.body);
                    print(&mut out, &text)
                }
                DraftsCommand::New { title, file } => {
                    // Without a file, a piped standard input is the body; a terminal means "empty".
                    let body = match file {
                        None if std::io::stdin().is_terminal() => String::new(),
                        file => read_input(file.as_deref())?,
                    };
                    let draft = store.create_draft(&title, &body)?;
                    print(&mut out, &format!("{}\n", draft.id))
                }
                DraftsCommand::Edit { id, file, title } => {
                    let body = read_input(file.as_deref())?;
                    let title = match title {
                        Some(t) => t,
                        None => store.draft(id)?.title,
                    };
                    store.save_draft(id, &title, &body, SaveKind::Explicit)?;
                    Ok(())
                }
                DraftsCommand::Delete { id } => store.trash_draft(id),
                DraftsCommand::Restore { id } => store.restore_draft(id),
                DraftsCommand::Export { id, file, html } => {
                    let format = if html {
                        DraftFormat::Html
                    } else {
                        DraftFormat::Markdown
                    };
                    draft_export::export_draft(&store, &Renderer::new(), id, format, &file)
                }
            }
        }
    }
}

fn blogs(command: BlogsCommand, data_dir: &Path, out: &mut impl Write) -> Result<(), Error> {
    let mut store = Store::open(data_dir)?;
    match command {
        BlogsCommand::Add {
            name,
            url,
            user,
            kind,
            basic_auth,
        } => {
            let auth = if basic_auth {
                BlogAuth::Basic
            } else {
                BlogAuth::Default
            };
            let kind = match kind {
                KindArg::Wordpress => BlogKind::WordPress,
                KindArg::Metaweblog => BlogKind::MetaWeblog,
                KindArg::Hatena => BlogKind::Hatena,
            };
            accounts::check_name_free(&store, &name)?;
            let secret = read_secret()?;
            block_on(publish::test_connection(kind, auth, &url, &user, &secret))?;
            let blog = accounts::save_blog(&mut store, &name, kind, &url, &user, &secret)?;
            store.set_blog_auth(blog.id, auth)?;
            print(out, &format!("Added {name}: {url} as {user}.\n"))
        }
        BlogsCommand::List => {
            let text: String = store
                .blogs()?
                .iter()
                .map(|b| {
                    format!(
                        "{}\t{}\t{}\t{}\n",
                        b.name,
                        b.kind.as_str(),
                        b.user,
                        b.site_url
                    )
                })
                .collect();
            print(out, &text)
        }
        BlogsCommand::Test { name } => {
            let (blog, secret) = blog_and_secret(&mut store, name)?;
            block_on(publish::test_connection(
                blog.kind,
                blog.auth,
                &blog.site_url,
                &blog.user,
                &secret,
            ))?;
            print(
                out,
                &format!("{} answers and accepts the password.\n", blog.name),
            )
        }
        BlogsCommand::Categories { name } => {
            let (blog, secret) = blog_and_secret(&mut store, name)?;
            let names = block_on(publish::blog_categories(&blog, &secret))?;
            print(
                out,
                &names.iter().map(|n| format!("{n}\n")).collect::<String>(),
            )
        }
        BlogsCommand::Remove { name } => {
            let blog = store
                .blog_by_name(&name)?
                .ok_or(Error::BlogNotFound(name))?;
            accounts::remove_blog(&mut store, &blog)
        }
    }
}

/// The blog with this name and its secret from the keychain.
fn blog_and_secret(store: &mut Store, name: String) -> Result<(Blog, String), Error> {
    let blog = store
        .blog_by_name(&name)?
        .ok_or(Error::BlogNotFound(name))?;
    let secret = accounts::secret(store, &blog)?;
    Ok((blog, secret))
}

/// Reads a secret: a line of piped standard input, or typed without echo at a terminal.
fn read_secret() -> Result<String, Error> {
    let secret = if std::io::stdin().is_terminal() {
        rpassword::prompt_password("Application password: ")
    } else {
        let mut line = String::new();
        std::io::stdin().read_line(&mut line).map(|_| line)
    };
    secret
        .map(|s| s.trim_end_matches(['\r', '\n']).to_owned())
        .map_err(|source| Error::ReadFile {
            path: PathBuf::from("standard input"),
            source,
        })
}

/// Runs a publishing call to completion on a runtime of its own (the CLI is otherwise synchronous).
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

/// The locale the environment asks for (`LC_ALL`, `LC_MESSAGES`, `LANG`), as POSIX reads them.
fn os_locale() -> String {
    ["LC_ALL", "LC_MESSAGES", "LANG"]
        .iter()
        .filter_map(|k| std::env::var(k).ok())
        .find(|v| !v.is_empty())
        .unwrap_or_default()
}

/// Reads UTF-8 text from a file, or from standard input for `-` or no file.
/// Reads at most one byte more than a draft can hold, so a huge file is refused without being
/// read into memory.
fn read_input(file: Option<&Path>) -> Result<String, Error> {
    let (path, reader): (PathBuf, Box<dyn Read>) = match file {
        Some(path) if path != Path::new("-") => {
            let f = std::fs::File::open(path).map_err(|source| Error::ReadFile {
                path: path.to_path_buf(),
                source,
            })?;
            (path.to_path_buf(), Box::new(f))
        }
        _ => (PathBuf::from("standard input"), Box::new(std::io::stdin())),
    };
    fumi_core::draft::read_text(&path, reader)
}

/// What an export or an import moved, as one line.
fn moved_line(moved: fumi_core::export::Moved) -> String {
    format!("{} drafts, {} images\n", moved.drafts, moved.assets)
}

fn print_summaries(out: &mut impl Write, drafts: &[DraftSummary]) -> Result<(), Error> {
    let mut text = String::new();
    for d in drafts {
        let title = if d.title.is_empty() {
            "(untitled)"
        } else {
            &d.title
        };
        text.push_str(&format!(
            "{}\t{}\t{}\t{}\n",
            d.id,
            timestamp(d.updated_at),
            d.status,
            title
        ));
    }
    print(out, &text)
}

/// Writes to standard output; a closed pipe (`fumi drafts list | head`) is not an error.
fn print(out: &mut impl Write, text: &str) -> Result<(), Error> {
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        Err(source) => Err(Error::WriteFile {
            path: PathBuf::from("standard output"),
            source,
        }),
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
