//! The core's error type: every failure an author can meet, with enough context to explain it.

use std::path::{Path, PathBuf};

use crate::args;
use crate::message::{self, Arg, Args, Lang};

use crate::model::draft::DraftId;

/// Result with the core's [`Error`].
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// Everything that can go wrong in the core. Each variant carries its fields; its message for the
/// author comes from the catalog ([`crate::message`]), keyed by [`Error::code`].
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The data folder could not be created or is not usable.
    DataDir {
        path: PathBuf,
        source: std::io::Error,
    },

    /// No data folder could be determined (no home directory, no `--data-dir`).
    NoDataDir,

    /// Another program holds a lock on the database for longer than we wait.
    DatabaseLocked { path: PathBuf },

    /// The database file is damaged or is not an SQLite database.
    DatabaseCorrupt { path: PathBuf, detail: String },

    /// The database or its folder cannot be written.
    DatabaseReadOnly { path: PathBuf, detail: String },

    /// The disk holding the database is full.
    DiskFull { path: PathBuf },

    /// The database was written by a newer Fumi; we refuse to touch it.
    SchemaTooNew {
        path: PathBuf,
        found: i64,
        known: i64,
    },

    /// Any other SQLite failure, with what we were doing at the time.
    Database {
        action: &'static str,
        source: rusqlite::Error,
    },

    /// A migration could not be applied.
    Migration { path: PathBuf, detail: String },

    /// The draft does not exist (or was deleted for good).
    DraftNotFound(DraftId),

    /// The revision is not in that draft's history.
    RevisionNotFound(i64),

    /// A file given by the author could not be read.
    ReadFile {
        path: PathBuf,
        source: std::io::Error,
    },

    /// A file could not be written.
    WriteFile {
        path: PathBuf,
        source: std::io::Error,
    },

    /// The blog could not be reached (DNS, refused connection, timeout, reset).
    BlogUnreachable { url: String, detail: String },

    /// The blog refused the credentials.
    BlogRejectedCredentials { blog: String, detail: String },

    /// The site answered but has no API Fumi can publish through.
    BlogNotWordPress { url: String },

    /// The blog answered with an error status.
    BlogHttp {
        url: String,
        status: u16,
        code: String,
        message: String,
        /// The `data` member of WordPress's error body (e.g. `term_id` of `term_exists`).
        data: serde_json::Value,
    },

    /// An XML-RPC blog answered with a fault.
    BlogFault {
        url: String,
        code: i64,
        message: String,
    },

    /// Credentials were to go over plain http to another computer.
    InsecureConnection { url: String },

    /// The blog's answer named another host (a discovered API, a redirect, a next page); nothing
    /// was sent there.
    BlogPointsElsewhere { site: String, elsewhere: String },

    /// The Hatena blog is written in Hatena notation, which Fumi does not produce.
    HatenaNotationMode,

    /// The blog's answer could not be understood.
    BlogMalformedReply { url: String, detail: String },

    /// The remote post no longer exists (deleted on the web).
    RemotePostNotFound { id: String },

    /// The system keychain could not be used.
    Keychain { detail: String },

    /// The keychain has no secret for this blog (removed outside Fumi).
    SecretMissing(i64),

    /// The keychain's secret for this blog belongs to another site than the blog's row names.
    SecretForAnotherSite {
        blog: i64,
        stored: String,
        site: String,
    },

    /// No blog has this name.
    BlogNotFound(String),

    /// A blog needs a name.
    BlogNameEmpty,

    /// A blog with this name exists already.
    BlogNameTaken(String),

    /// The post was edited on the web since Fumi last published it (or since the file it was
    /// imported from was pulled).
    RemoteChanged { remote: String, recorded: String },

    /// The blog did not keep some categories or tags of a post it saved.
    TermsDropped { names: String },

    /// The draft has no post on that blog.
    NotPublished { draft: DraftId, blog: String },

    /// *Preview on the blog* of a post readers can see (or that is scheduled): sending the
    /// draft there would change it for them.
    PreviewOfPublicPost { blog: String },

    /// The blog is busy (HTTP 429, or 503 with `Retry-After`) for longer than is worth waiting.
    BlogRateLimited {
        url: String,
        retry_after: Option<u64>,
    },

    /// The blog's TLS certificate is not trusted.
    BlogCertificate { url: String, detail: String },

    /// An export would mix with files already in its folder.
    ExportFolderNotEmpty(PathBuf),

    /// The preferences could not be written.
    Settings(String),

    /// A publish could not be sent now and waits in the queue (the CLI's report of it).
    PublishQueued { reason: message::Said },

    /// A queued publish of this draft is being sent right now.
    PublishInProgress,

    /// The operating system refused something Fumi needs (a thread, a runtime).
    System {
        action: &'static str,
        source: std::io::Error,
    },

    /// The draft's front matter block is not valid.
    FrontMatter { line: Option<usize>, detail: String },

    /// A date the author typed could not be read.
    BadDate { value: String },

    /// A file the draft shows as an image is not one.
    NotAnImage { name: String },

    /// The draft would upload files from this computer that the author has not allowed yet.
    LocalFilesNeedConsent { files: Vec<String> },

    /// A path that is not a regular file on this computer (a device, a FIFO, a network share).
    NotAFile { path: PathBuf },

    /// An image is over the size blogs accept.
    ImageTooLarge {
        name: String,
        bytes: usize,
        limit: usize,
    },

    /// The draft refers to an image that is not in the database.
    AssetNotFound(String),

    /// A text is larger than Fumi keeps in one draft.
    TextTooLarge { name: String, limit_mb: usize },

    /// What the author typed as an ISBN is not a valid one.
    BadIsbn { typed: String },

    /// No book database knows the ISBN.
    BookNotFound { isbn: String, tried: String },

    /// No book database could be asked (offline, or every one failed).
    BookLookupFailed { isbn: String, detail: String },

    /// An embedded page could not be read for its card (offline, gone, not a page).
    PageCardFailed { url: String, detail: String },

    /// The blog's page could not be read for its look (offline, gone, not a page).
    BlogStyleFailed { url: String, detail: String },

    /// A rating outside one to five stars.
    BadRating(u8),

    /// Sync has no remote yet.
    SyncNotSetUp,

    /// The sync remote could not be reached (offline, gone, not a git repository).
    SyncUnreachable { remote: String, detail: String },

    /// The sync remote refused the sign-in.
    SyncSignInRefused { remote: String },

    /// The sync remote refused what Fumi sent (a push it did not take).
    SyncRefused { remote: String, detail: String },

    /// The sync remote holds files that are not Fumi's drafts.
    SyncNotFumi { remote: String, found: String },

    /// The sync folder could not be read or written.
    SyncFailed { detail: String },

    /// A file given by the author is not UTF-8 text.
    NotUtf8 { path: PathBuf, offset: usize },
}

impl std::fmt::Display for Error {
    /// The English message (logs, and wherever no language is known).
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

impl Error {
    /// The message for the author in `lang`, from the catalog.
    pub fn message(&self, lang: Lang) -> String {
        let mut args = self.args();
        // The reason is itself a message, read in the same language.
        if let Error::PublishQueued { reason } = self {
            args.insert("reason".to_owned(), Arg::Text(reason.text(lang)));
        }
        message::text(lang, self.code(), &args)
    }

    /// The fields the message is formatted with (also sent to the window, which formats the
    /// same catalog in its own language).
    pub fn args(&self) -> Args {
        let path = |p: &Path| p.display().to_string();
        match self {
            Error::NoDataDir
            | Error::HatenaNotationMode
            | Error::BlogNameEmpty
            | Error::PublishInProgress => args! {},
            Error::DataDir { path: p, source }
            | Error::ReadFile { path: p, source }
            | Error::WriteFile { path: p, source } => {
                args! { "path" => path(p), "detail" => source.to_string() }
            }
            Error::DatabaseLocked { path: p } | Error::DiskFull { path: p } => {
                args! { "path" => path(p) }
            }
            Error::DatabaseCorrupt { path: p, detail }
            | Error::DatabaseReadOnly { path: p, detail }
            | Error::Migration { path: p, detail } => {
                args! { "path" => path(p), "detail" => detail.as_str() }
            }
            Error::SchemaTooNew {
                path: p,
                found,
                known,
            } => {
                args! { "path" => path(p), "found" => *found, "known" => *known }
            }
            Error::Database { action, source } => {
                args! { "action" => message::action(action), "detail" => source.to_string() }
            }
            Error::System { action, source } => {
                args! { "action" => message::action(action), "detail" => source.to_string() }
            }
            Error::DraftNotFound(id) => args! { "id" => id.to_string() },
            Error::RevisionNotFound(id) => args! { "id" => id.to_string() },
            Error::NotUtf8 { path: p, offset } => {
                args! { "path" => path(p), "offset" => *offset }
            }
            Error::TextTooLarge { name, limit_mb } => {
                args! { "name" => name.as_str(), "limit_mb" => *limit_mb }
            }
            Error::ExportFolderNotEmpty(p) => args! { "path" => path(p) },
            Error::FrontMatter { line, detail } => args! {
                "line" => line.map_or(Arg::from("none"), Arg::from),
                "detail" => detail.as_str(),
            },
            Error::BadDate { value } => args! { "value" => value.as_str() },
            Error::NotAnImage { name } => args! { "name" => name.as_str() },
            Error::NotAFile { path: p } => args! { "path" => path(p) },
            Error::ImageTooLarge { name, bytes, limit } => args! {
                "name" => name.as_str(),
                "mb" => bytes / 1_000_000,
                "limit_mb" => limit / 1_000_000,
            },
            Error::AssetNotFound(hash) => args! { "hash" => hash.as_str() },
            Error::LocalFilesNeedConsent { files } => args! { "files" => files.join(", ") },
            Error::BlogUnreachable { url, detail }
            | Error::BlogMalformedReply { url, detail }
            | Error::BlogCertificate { url, detail } => {
                args! { "url" => url.as_str(), "detail" => detail.as_str() }
            }
            Error::BlogRejectedCredentials { blog, detail } => {
                args! { "blog" => blog.as_str(), "detail" => detail.as_str() }
            }
            Error::BlogNotWordPress { url } | Error::InsecureConnection { url } => {
                args! { "url" => url.as_str() }
            }
            Error::BlogHttp {
                url,
                status,
                code,
                message,
                ..
            } => args! {
                "url" => url.as_str(),
                "status" => *status,
                "reply_code" => code.as_str(),
                "message" => message.as_str(),
            },
            Error::BlogFault { url, code, message } => args! {
                "url" => url.as_str(),
                "fault" => code.to_string(),
                "message" => message.as_str(),
            },
            Error::BlogRateLimited { url, retry_after } => args! {
                "url" => url.as_str(),
                "wait" => retry_after.map_or(Arg::from("none"), Arg::from),
            },
            Error::BlogPointsElsewhere { site, elsewhere } => {
                args! { "site" => site.as_str(), "elsewhere" => elsewhere.as_str() }
            }
            Error::RemotePostNotFound { id } => args! { "id" => id.as_str() },
            Error::RemoteChanged { remote, recorded } => {
                args! { "remote" => remote.as_str(), "recorded" => recorded.as_str() }
            }
            Error::TermsDropped { names } => args! { "names" => names.as_str() },
            Error::PreviewOfPublicPost { blog } => args! { "blog" => blog.as_str() },
            Error::NotPublished { draft, blog } => {
                args! { "draft" => draft.to_string(), "blog" => blog.as_str() }
            }
            Error::PublishQueued { reason } => args! { "reason" => reason.message.as_str() },
            Error::Keychain { detail } | Error::Settings(detail) => {
                args! { "detail" => detail.as_str() }
            }
            Error::SecretMissing(blog) => args! { "blog" => blog.to_string() },
            Error::SecretForAnotherSite { blog, stored, site } => args! {
                "blog" => blog.to_string(),
                "stored" => stored.as_str(),
                "site" => site.as_str(),
            },
            Error::BlogNotFound(name) | Error::BlogNameTaken(name) => {
                args! { "name" => name.as_str() }
            }
            Error::BadIsbn { typed } => args! { "typed" => typed.as_str() },
            Error::BookNotFound { isbn, tried } => {
                args! { "isbn" => isbn.as_str(), "tried" => tried.as_str() }
            }
            Error::BookLookupFailed { isbn, detail } => {
                args! { "isbn" => isbn.as_str(), "detail" => detail.as_str() }
            }
            Error::PageCardFailed { url, detail } | Error::BlogStyleFailed { url, detail } => {
                args! { "url" => url.as_str(), "detail" => detail.as_str() }
            }
            Error::BadRating(rating) => args! { "rating" => *rating },
            Error::SyncNotSetUp => args! {},
            Error::SyncUnreachable { remote, detail } | Error::SyncRefused { remote, detail } => {
                args! { "remote" => remote.as_str(), "detail" => detail.as_str() }
            }
            Error::SyncSignInRefused { remote } => args! { "remote" => remote.as_str() },
            Error::SyncNotFumi { remote, found } => {
                args! { "remote" => remote.as_str(), "found" => found.as_str() }
            }
            Error::SyncFailed { detail } => args! { "detail" => detail.as_str() },
        }
    }
    /// A stable, machine-readable code for the UI and scripts (`snake_case`).
    pub fn code(&self) -> &'static str {
        match self {
            Error::DataDir { .. } => "data_dir",
            Error::NoDataDir => "no_data_dir",
            Error::DatabaseLocked { .. } => "database_locked",
            Error::DatabaseCorrupt { .. } => "database_corrupt",
            Error::DatabaseReadOnly { .. } => "database_read_only",
            Error::DiskFull { .. } => "disk_full",
            Error::SchemaTooNew { .. } => "schema_too_new",
            Error::Database { .. } => "database",
            Error::Migration { .. } => "migration",
            Error::DraftNotFound(_) => "draft_not_found",
            Error::RevisionNotFound(_) => "revision_not_found",
            Error::ReadFile { .. } => "read_file",
            Error::WriteFile { .. } => "write_file",
            Error::NotUtf8 { .. } => "not_utf8",
            Error::TextTooLarge { .. } => "text_too_large",
            Error::FrontMatter { .. } => "front_matter",
            Error::BadDate { .. } => "bad_date",
            Error::NotAnImage { .. } => "not_an_image",
            Error::NotAFile { .. } => "not_a_file",
            Error::LocalFilesNeedConsent { .. } => "local_files_need_consent",
            Error::ImageTooLarge { .. } => "image_too_large",
            Error::AssetNotFound(_) => "asset_not_found",
            Error::BlogUnreachable { .. } => "blog_unreachable",
            Error::BlogRejectedCredentials { .. } => "blog_rejected_credentials",
            Error::BlogNotWordPress { .. } => "blog_not_wordpress",
            Error::BlogHttp { .. } => "blog_http",
            Error::BlogMalformedReply { .. } => "blog_malformed_reply",
            Error::BlogFault { .. } => "blog_fault",
            Error::HatenaNotationMode => "hatena_notation_mode",
            Error::InsecureConnection { .. } => "insecure_connection",
            Error::BlogPointsElsewhere { .. } => "blog_points_elsewhere",
            Error::RemotePostNotFound { .. } => "remote_post_not_found",
            Error::Keychain { .. } => "keychain",
            Error::System { .. } => "system",
            Error::SecretMissing(_) => "secret_missing",
            Error::SecretForAnotherSite { .. } => "secret_for_another_site",
            Error::BlogNotFound(_) => "blog_not_found",
            Error::BlogNameTaken(_) => "blog_name_taken",
            Error::BlogNameEmpty => "blog_name_empty",
            Error::RemoteChanged { .. } => "remote_changed",
            Error::TermsDropped { .. } => "terms_dropped",
            Error::NotPublished { .. } => "not_published",
            Error::PreviewOfPublicPost { .. } => "preview_of_public_post",
            Error::BlogRateLimited { .. } => "blog_rate_limited",
            Error::PublishInProgress => "publish_in_progress",
            Error::PublishQueued { .. } => "publish_queued",
            Error::BlogCertificate { .. } => "blog_certificate",
            Error::Settings(_) => "settings",
            Error::ExportFolderNotEmpty(_) => "export_folder_not_empty",
            Error::BadIsbn { .. } => "bad_isbn",
            Error::BookNotFound { .. } => "book_not_found",
            Error::BookLookupFailed { .. } => "book_lookup_failed",
            Error::PageCardFailed { .. } => "page_card_failed",
            Error::BlogStyleFailed { .. } => "blog_style_failed",
            Error::BadRating(_) => "bad_rating",
            Error::SyncNotSetUp => "sync_not_set_up",
            Error::SyncUnreachable { .. } => "sync_unreachable",
            Error::SyncSignInRefused { .. } => "sync_sign_in_refused",
            Error::SyncRefused { .. } => "sync_refused",
            Error::SyncNotFumi { .. } => "sync_not_fumi",
            Error::SyncFailed { .. } => "sync_failed",
        }
    }

    /// Whether the failure is the network's or the blog's and may pass by itself (the publish
    /// is queued), rather than something the author must fix.
    pub fn is_transient(&self) -> bool {
        match self {
            Error::BlogUnreachable { .. }
            | Error::BlogRateLimited { .. }
            | Error::BlogMalformedReply { .. } => true,
            Error::BlogHttp { status, .. } => *status >= 500,
            _ => false,
        }
    }

    /// How long the blog asked to be left alone, when it said so (a busy blog's `Retry-After`).
    pub fn retry_after_secs(&self) -> Option<u64> {
        match self {
            Error::BlogRateLimited { retry_after, .. } => *retry_after,
            _ => None,
        }
    }

    /// Classifies an SQLite failure on the database at `path` into the variant the author can act on.
    pub(crate) fn from_sqlite(
        path: &std::path::Path,
        action: &'static str,
        source: rusqlite::Error,
    ) -> Self {
        use rusqlite::ErrorCode as C;
        let path = path.to_path_buf();
        // SQLite reports a full disk as FULL while writing, but as "cannot grow the shared-memory
        // file" (IOERR_SHMSIZE) when a connection opens on a disk with no room left.
        if let rusqlite::Error::SqliteFailure(e, _) = &source
            && e.extended_code == rusqlite::ffi::SQLITE_IOERR_SHMSIZE
        {
            return Error::DiskFull { path };
        }
        match source.sqlite_error_code() {
            Some(C::DatabaseBusy | C::DatabaseLocked) => Error::DatabaseLocked { path },
            Some(C::DatabaseCorrupt | C::NotADatabase) => Error::DatabaseCorrupt {
                path,
                detail: source.to_string(),
            },
            Some(C::ReadOnly | C::CannotOpen | C::PermissionDenied) => Error::DatabaseReadOnly {
                path,
                detail: source.to_string(),
            },
            Some(C::DiskFull) => Error::DiskFull { path },
            _ => Error::Database { action, source },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::message::format_checked;

    /// One error of every kind, with fields as they come.
    fn one_of_each() -> Vec<Error> {
        let io = || std::io::Error::other("boom");
        let path = || PathBuf::from("/home/a/fumi.db");
        let sqlite = || rusqlite::Error::InvalidQuery;
        vec![
            Error::DataDir {
                path: path(),
                source: io(),
            },
            Error::NoDataDir,
            Error::DatabaseLocked { path: path() },
            Error::DatabaseCorrupt {
                path: path(),
                detail: "x".into(),
            },
            Error::DatabaseReadOnly {
                path: path(),
                detail: "x".into(),
            },
            Error::DiskFull { path: path() },
            Error::SchemaTooNew {
                path: path(),
                found: 20,
                known: 12,
            },
            Error::Database {
                action: "saving the draft",
                source: sqlite(),
            },
            Error::Migration {
                path: path(),
                detail: "x".into(),
            },
            Error::DraftNotFound(7),
            Error::RevisionNotFound(8),
            Error::ReadFile {
                path: path(),
                source: io(),
            },
            Error::WriteFile {
                path: path(),
                source: io(),
            },
            Error::BlogUnreachable {
                url: "https://b".into(),
                detail: "x".into(),
            },
            Error::BlogRejectedCredentials {
                blog: "main".into(),
                detail: "401".into(),
            },
            Error::BlogNotWordPress {
                url: "https://b".into(),
            },
            Error::BlogHttp {
                url: "https://b".into(),
                status: 500,
                code: "c".into(),
                message: "m".into(),
                data: serde_json::Value::Null,
            },
            Error::BlogFault {
                url: "https://b".into(),
                code: 4,
                message: "m".into(),
            },
            Error::InsecureConnection {
                url: "http://b".into(),
            },
            Error::BlogPointsElsewhere {
                site: "a".into(),
                elsewhere: "b".into(),
            },
            Error::HatenaNotationMode,
            Error::BlogMalformedReply {
                url: "https://b".into(),
                detail: "x".into(),
            },
            Error::RemotePostNotFound { id: "9".into() },
            Error::Keychain { detail: "x".into() },
            Error::SecretMissing(3),
            Error::SecretForAnotherSite {
                blog: 3,
                stored: "a".into(),
                site: "b".into(),
            },
            Error::BlogNotFound("main".into()),
            Error::BlogNameEmpty,
            Error::BlogNameTaken("main".into()),
            Error::RemoteChanged {
                remote: "r".into(),
                recorded: "d".into(),
            },
            Error::TermsDropped {
                names: "a, b".into(),
            },
            Error::NotPublished {
                draft: 7,
                blog: "main".into(),
            },
            Error::PreviewOfPublicPost {
                blog: "main".into(),
            },
            Error::BlogRateLimited {
                url: "https://b".into(),
                retry_after: Some(3600),
            },
            Error::BlogRateLimited {
                url: "https://b".into(),
                retry_after: None,
            },
            Error::BlogCertificate {
                url: "https://b".into(),
                detail: "x".into(),
            },
            Error::ExportFolderNotEmpty(path()),
            Error::Settings("x".into()),
            Error::PublishQueued {
                reason: message::Said::from(&Error::PublishInProgress),
            },
            Error::PublishInProgress,
            Error::System {
                action: "start its network runtime",
                source: io(),
            },
            Error::FrontMatter {
                line: Some(3),
                detail: "x".into(),
            },
            Error::FrontMatter {
                line: None,
                detail: "x".into(),
            },
            Error::BadDate { value: "x".into() },
            Error::NotAnImage {
                name: "a.txt".into(),
            },
            Error::LocalFilesNeedConsent {
                files: vec!["/a.png".into(), "/b.png".into()],
            },
            Error::NotAFile { path: path() },
            Error::ImageTooLarge {
                name: "a.png".into(),
                bytes: 30_000_000,
                limit: 20_000_000,
            },
            Error::AssetNotFound("ab".into()),
            Error::TextTooLarge {
                name: "a.md".into(),
                limit_mb: 10,
            },
            Error::BadIsbn { typed: "12".into() },
            Error::BookNotFound {
                isbn: "978".into(),
                tried: "openBD".into(),
            },
            Error::BookLookupFailed {
                isbn: "978".into(),
                detail: "x".into(),
            },
            Error::PageCardFailed {
                url: "https://e".into(),
                detail: "x".into(),
            },
            Error::BlogStyleFailed {
                url: "https://e".into(),
                detail: "x".into(),
            },
            Error::BadRating(9),
            Error::SyncNotSetUp,
            Error::SyncUnreachable {
                remote: "https://git.example/d.git".into(),
                detail: "x".into(),
            },
            Error::SyncSignInRefused {
                remote: "https://git.example/d.git".into(),
            },
            Error::SyncRefused {
                remote: "https://git.example/d.git".into(),
                detail: "x".into(),
            },
            Error::SyncNotFumi {
                remote: "https://git.example/d.git".into(),
                found: "src".into(),
            },
            Error::SyncFailed { detail: "x".into() },
            Error::NotUtf8 {
                path: path(),
                offset: 4,
            },
        ]
    }

    #[test]
    fn every_error_code_has_a_message_in_both_languages_with_every_field_it_names() {
        let errors = one_of_each();
        // Every code `code()` can answer is among the samples (read off this file's match).
        let source = include_str!("error.rs");
        let codes: std::collections::BTreeSet<&str> = source
            .lines()
            .filter(|l| l.trim_start().starts_with("Error::") && l.contains("=> \""))
            .filter_map(|l| l.split('"').nth(1))
            .collect();
        let sampled: std::collections::BTreeSet<&str> = errors.iter().map(Error::code).collect();
        assert_eq!(codes, sampled, "every kind of error has a sample here");
        for error in &errors {
            for lang in [Lang::En, Lang::Ja] {
                let (text, problems) = format_checked(lang, error.code(), &error.args())
                    .unwrap_or_else(|| panic!("{} has no {lang:?} message", error.code()));
                assert!(problems.is_empty(), "{}: {problems:?}", error.code());
                assert!(!text.contains('{'), "{}: {text}", error.code());
            }
        }
    }

    #[test]
    fn messages_read_in_the_language_asked_for() {
        let full = Error::DiskFull {
            path: PathBuf::from("/data/fumi.db"),
        };
        assert_eq!(
            full.message(Lang::Ja),
            "/data/fumi.db のあるディスクがいっぱいです。空き容量を作ってください。文章はエディタに残っています。"
        );
        assert_eq!(
            full.to_string(),
            "The disk holding /data/fumi.db is full. Free some space; your text is still in the editor."
        );
        let busy = Error::BlogRateLimited {
            url: "https://b".into(),
            retry_after: Some(3600),
        };
        assert!(busy.to_string().contains("wait 3600 seconds"), "{busy}");
        assert!(
            busy.message(Lang::Ja).contains("3600 秒待つ"),
            "{}",
            busy.message(Lang::Ja)
        );
        let front = Error::FrontMatter {
            line: Some(3),
            detail: "x".into(),
        };
        assert!(
            front.to_string().contains("a mistake on line 3: x"),
            "{front}"
        );
        let front = Error::FrontMatter {
            line: None,
            detail: "x".into(),
        };
        assert!(front.to_string().contains("has a mistake: x"), "{front}");
    }
}
