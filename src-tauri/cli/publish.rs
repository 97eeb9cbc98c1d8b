//! `fumi publish`, `unpublish`, `pull`, `queue` and `blogsync`: a draft and its posts.

use std::fmt;
use std::path::PathBuf;

use clap::Subcommand;
use fumi_core::message::Lang;
use fumi_core::model::post::PostState;
use fumi_core::model::queue::QueuedPublish;
use fumi_core::publish::queue::{PublishOutcome, Sent};
use fumi_core::publish::{BlogPreview, Progress, PublishOptions, PullReport, RemoteStatus};
use fumi_core::{App, DraftId, Error, Publication, args, front_matter};

use super::{block_on, input, print, say};

#[derive(clap::Args)]
pub struct PublishArgs {
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
}

#[derive(Clone, Copy, clap::ValueEnum)]
pub enum StatusArg {
    Publish,
    Draft,
}

#[derive(clap::Args)]
pub struct UnpublishArgs {
    draft: DraftId,
    #[arg(long)]
    blog: String,
    /// Delete the post (into the blog's trash) and forget the link to it.
    #[arg(long)]
    delete: bool,
}

#[derive(clap::Args)]
pub struct PreviewOnBlogArgs {
    draft: DraftId,
    #[arg(long)]
    blog: String,
}

#[derive(clap::Args)]
pub struct PullArgs {
    #[arg(long)]
    blog: String,
    #[arg(long, value_name = "ID")]
    draft: Option<DraftId>,
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

pub(super) fn publish(app: &App, args: PublishArgs) -> Result<(), Error> {
    let blog = app.blog_named(&args.blog)?;
    let options = PublishOptions {
        status: args.status.map(|s| match s {
            StatusArg::Publish => RemoteStatus::Publish,
            StatusArg::Draft => RemoteStatus::Draft,
        }),
        at: args
            .at
            .as_deref()
            .map(front_matter::parse_date)
            .transpose()?,
        overwrite: args.overwrite,
        recreate: args.recreate,
        allow_local_files: args.allow_files,
    };
    let report = |p: Progress| {
        if let Progress::Images { done, total } = p {
            eprint!("\rimages {done}/{total}");
            if done == total {
                eprintln!();
            }
        }
    };
    match block_on(app.publish(args.draft, blog.id, options, &report))? {
        PublishOutcome::Published { publication } => print(&Published(publication)),
        PublishOutcome::Queued { job } => Err(Error::PublishQueued {
            reason: job.last_error,
        }),
    }
}

pub(super) fn unpublish(app: &App, args: UnpublishArgs) -> Result<(), Error> {
    let blog = app.blog_named(&args.blog)?;
    if args.delete {
        block_on(app.delete_remote(args.draft, blog.id))
    } else {
        block_on(app.unpublish(args.draft, blog.id)).map(|_| ())
    }
}

pub(super) fn preview_on_blog(app: &App, args: PreviewOnBlogArgs) -> Result<(), Error> {
    let blog = app.blog_named(&args.blog)?;
    let preview = block_on(app.preview_on_blog(args.draft, blog.id))?;
    print(&OnBlog(blog.name, preview))
}

pub(super) fn pull(app: &App, args: PullArgs) -> Result<(), Error> {
    let blog = app.blog_named(&args.blog)?;
    match args.draft {
        Some(id) => block_on(app.take_remote(id, blog.id)),
        None => print(&Pulled(block_on(app.pull(blog.id))?)),
    }
}

pub(super) fn queue(app: &App, command: Option<QueueCommand>) -> Result<(), Error> {
    match command {
        None => {
            let blogs = app.blogs()?;
            let jobs = app
                .queued_publishes()?
                .into_iter()
                .map(|job| {
                    let blog = blogs.iter().find(|b| b.id == job.blog_id);
                    (blog.map(|b| b.name.clone()).unwrap_or_default(), job)
                })
                .collect();
            print(&Queued(jobs))
        }
        Some(QueueCommand::Send) => print(&SentList(block_on(app.send_queued(i64::MAX))?)),
        Some(QueueCommand::Cancel { draft, blog }) => {
            app.cancel_queued(draft, app.blog_named(&blog)?.id)
        }
    }
}

pub(super) fn blogsync(app: &App, command: BlogsyncCommand) -> Result<(), Error> {
    match command {
        BlogsyncCommand::Export { draft, blog } => {
            print(&app.blogsync_export(draft, app.blog_named(&blog)?.id)?)
        }
        BlogsyncCommand::Import { files, blog } => {
            let blog = app.blog_named(&blog)?.id;
            let mut ids = String::new();
            for file in files {
                let text = input::text(Some(&file))?;
                ids.push_str(&format!("{}\n", app.blogsync_import(blog, &text)?));
            }
            print(&ids)
        }
    }
}

/// The post's address, and whether it waits for its date.
struct Published(Publication);

impl fmt::Display for Published {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let url = self.0.remote_url.as_deref().unwrap_or_default();
        if self.0.remote_status == Some(PostState::Scheduled) {
            writeln!(f, "{url} {}", say("cli-scheduled", &args! {}))
        } else {
            writeln!(f, "{url}")
        }
    }
}

/// The blog's own HTML of a draft: a summary line, then its blocks, `!` before each that Fumi's
/// preview shows otherwise.
struct OnBlog(String, BlogPreview);

impl fmt::Display for OnBlog {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let OnBlog(blog, preview) = self;
        let line = say(
            "cli-blog-preview",
            &args! {
                "blog" => blog.as_str(),
                "differing" => preview.differing,
                "count" => preview.blocks.len(),
                "url" => preview.url.as_str(),
            },
        );
        writeln!(f, "{line}")?;
        for block in &preview.blocks {
            let mark = if block.differs { "!" } else { " " };
            for (i, text) in block.html.trim_end().lines().enumerate() {
                writeln!(f, "{} {text}", if i == 0 { mark } else { " " })?;
            }
        }
        Ok(())
    }
}

/// What a pull imported.
struct Pulled(PullReport);

impl fmt::Display for Pulled {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let ids: Vec<String> = self.0.imported.iter().map(|id| id.to_string()).collect();
        let line = say(
            "cli-pulled",
            &args! {
                "count" => ids.len(),
                "ids" => if ids.is_empty() { "none".to_owned() } else { ids.join(" ") },
                "linked" => self.0.already_linked,
            },
        );
        writeln!(f, "{line}")
    }
}

/// The queue, one publish per line: draft, blog, attempts, why it waits.
struct Queued(Vec<(String, QueuedPublish)>);

impl fmt::Display for Queued {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let lang = Lang::of_environment();
        for (blog, job) in &self.0 {
            let attempts = say("cli-attempts", &args! { "count" => job.attempts as usize });
            let why = job.last_error.text(lang);
            writeln!(f, "{}\t{blog}\t{attempts}\t{why}", job.draft_id)?;
        }
        Ok(())
    }
}

/// What sending the queue did, one publish per line.
struct SentList(Vec<Sent>);

impl fmt::Display for SentList {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let lang = Lang::of_environment();
        for sent in &self.0 {
            match sent {
                Sent::Published { draft_id, url, .. } => {
                    let url = url.as_deref().unwrap_or_default();
                    writeln!(f, "{draft_id}\tpublished\t{url}")?;
                }
                Sent::Waiting {
                    draft_id, error, ..
                } => writeln!(f, "{draft_id}\twaiting\t{}", error.text(lang))?,
                Sent::Failed {
                    draft_id, error, ..
                } => writeln!(f, "{draft_id}\tfailed\t{}", error.text(lang))?,
            }
        }
        Ok(())
    }
}
