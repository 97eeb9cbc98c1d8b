//! `fumi sync …`: drafts on every computer through a git remote (tokens read from standard
//! input or typed, never arguments).

use clap::Subcommand;
use fumi_core::model::draft::DraftId;
use fumi_core::model::sync::{Resolution, SyncReport};
use fumi_core::{App, Error, args};

use super::{input, print, say};

#[derive(Subcommand)]
pub enum SyncCommand {
    /// Sync the drafts through a git remote: an HTTPS address (with --token) or an SSH one
    /// (your SSH agent or key). An empty remote gets this computer's drafts; one with drafts
    /// brings them here.
    Setup {
        /// The repository, e.g. https://github.com/me/drafts.git or git@host:me/drafts.git.
        url: String,
        /// Sign in with a token (or password), read from standard input or asked for; kept in
        /// the system keychain for this remote only.
        #[arg(long)]
        token: bool,
    },
    /// Sync now: send this computer's changes, bring the others'.
    Now,
    /// Where the drafts sync, when they last did, and the drafts waiting for a choice.
    Status,
    /// Settle a draft changed on two computers in the same lines; the text not chosen is kept
    /// as a revision.
    Resolve {
        draft: DraftId,
        #[arg(long, value_enum)]
        keep: Side,
    },
}

#[derive(Clone, Copy, clap::ValueEnum)]
pub enum Side {
    /// This computer's text.
    Mine,
    /// The other computer's text.
    Theirs,
}

pub(super) fn run(app: &App, command: SyncCommand) -> Result<(), Error> {
    match command {
        SyncCommand::Setup { url, token } => {
            let token = if token { Some(input::secret()?) } else { None };
            report(&app.set_up_sync(&url, token.as_deref())?)
        }
        SyncCommand::Now => report(&app.sync_now()?),
        SyncCommand::Status => {
            let status = app.sync_status()?;
            let Some(remote) = status.remote else {
                return Err(Error::SyncNotSetUp);
            };
            let when = status.synced_at.map_or_else(
                || say("cli-sync-never", &args! {}),
                |at| {
                    jiff::Timestamp::from_millisecond(at)
                        .map(|t| t.to_string())
                        .unwrap_or_default()
                },
            );
            let mut out = say(
                "cli-sync-status",
                &args! { "remote" => remote, "when" => when },
            );
            out.push('\n');
            if let Some(error) = status.error {
                out.push_str(&error.text(fumi_core::message::Lang::of_environment()));
                out.push('\n');
            }
            for draft in status.conflicts {
                out.push_str(&say("cli-sync-conflict", &args! { "draft" => draft }));
                out.push('\n');
            }
            print(&out)
        }
        SyncCommand::Resolve { draft, keep } => {
            let resolution = match keep {
                Side::Mine => Resolution::KeepMine,
                Side::Theirs => Resolution::TakeTheirs,
            };
            let draft = app.resolve_sync_conflict(draft, resolution)?;
            print(&format!(
                "{}\n",
                say(
                    "cli-sync-resolved",
                    &args! { "draft" => draft.id, "title" => draft.title }
                )
            ))
        }
    }
}

/// Prints what a sync did, then each draft that needs the author.
fn report(report: &SyncReport) -> Result<(), Error> {
    let mut out = say(
        "cli-sync-report",
        &args! {
            "sent" => report.sent,
            "received" => report.received,
            "deleted" => report.deleted,
        },
    );
    out.push('\n');
    for draft in &report.conflicts {
        out.push_str(&say("cli-sync-conflict", &args! { "draft" => *draft }));
        out.push('\n');
    }
    for draft in &report.kept {
        out.push_str(&say("cli-sync-kept", &args! { "draft" => *draft }));
        out.push('\n');
    }
    for path in &report.unread {
        out.push_str(&say("cli-sync-unread", &args! { "path" => path.as_str() }));
        out.push('\n');
    }
    print(&out)
}
