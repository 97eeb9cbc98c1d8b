//! The core's error type: every failure an author can meet, with enough context to explain it.

use std::path::PathBuf;

use crate::draft::DraftId;

/// Result with the core's [`Error`].
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// Everything that can go wrong in the core. Each variant's message is written for the author.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The data folder could not be created or is not usable.
    #[error("Fumi cannot use its data folder {path}: {source}")]
    DataDir {
        path: PathBuf,
        source: std::io::Error,
    },

    /// No data folder could be determined (no home directory, no `--data-dir`).
    #[error("Fumi cannot find a folder for its data on this system; start it with --data-dir DIR")]
    NoDataDir,

    /// Another program holds a lock on the database for longer than we wait.
    #[error(
        "The database {path} is locked by another program; close it and try again. Your text is still in the editor."
    )]
    DatabaseLocked { path: PathBuf },

    /// The database file is damaged or is not an SQLite database.
    #[error(
        "The database {path} is damaged or is not a Fumi database ({detail}). Fumi did not change it; restore it from a backup or choose another data folder."
    )]
    DatabaseCorrupt { path: PathBuf, detail: String },

    /// The database or its folder cannot be written.
    #[error(
        "Fumi cannot write to {path} ({detail}). Check the folder's permissions. Your text is still in the editor."
    )]
    DatabaseReadOnly { path: PathBuf, detail: String },

    /// The disk holding the database is full.
    #[error("The disk holding {path} is full. Free some space; your text is still in the editor.")]
    DiskFull { path: PathBuf },

    /// The database was written by a newer Fumi; we refuse to touch it.
    #[error(
        "The database {path} was written by a newer version of Fumi (schema {found}; this version knows up to {known}). Update Fumi; nothing was changed."
    )]
    SchemaTooNew {
        path: PathBuf,
        found: i64,
        known: i64,
    },

    /// Any other SQLite failure, with what we were doing at the time.
    #[error("Database error while {action}: {source}")]
    Database {
        action: &'static str,
        source: rusqlite::Error,
    },

    /// A migration could not be applied.
    #[error("Fumi could not upgrade the database {path}: {detail}")]
    Migration { path: PathBuf, detail: String },

    /// The draft does not exist (or was deleted for good).
    #[error("There is no draft with id {0}.")]
    DraftNotFound(DraftId),

    /// The revision is not in that draft's history.
    #[error("That revision is no longer in this draft's history (revision {0}).")]
    RevisionNotFound(i64),

    /// A file given by the author could not be read.
    #[error("Cannot read {path}: {source}")]
    ReadFile {
        path: PathBuf,
        source: std::io::Error,
    },

    /// A file could not be written.
    #[error("Cannot write {path}: {source}")]
    WriteFile {
        path: PathBuf,
        source: std::io::Error,
    },

    /// The blog could not be reached (DNS, refused connection, timeout, reset).
    #[error(
        "Fumi could not reach {url}: {detail}. Check the address and your connection; your draft is unchanged."
    )]
    BlogUnreachable { url: String, detail: String },

    /// The blog refused the credentials.
    #[error(
        "{blog} rejected the user name or application password ({detail}). Create a new application password in the blog's profile page and enter it again."
    )]
    BlogRejectedCredentials { blog: String, detail: String },

    /// The site answered but has no API Fumi can publish through.
    #[error(
        "{url} does not look like a WordPress site with the REST API enabled (no api.w.org link)."
    )]
    BlogNotWordPress { url: String },

    /// The blog answered with an error status.
    #[error("{url} answered {status}: {message} ({code})")]
    BlogHttp {
        url: String,
        status: u16,
        code: String,
        message: String,
        /// The `data` member of WordPress's error body (e.g. `term_id` of `term_exists`).
        data: serde_json::Value,
    },

    /// An XML-RPC blog answered with a fault.
    #[error("{url} refused: {message} (fault {code})")]
    BlogFault {
        url: String,
        code: i64,
        message: String,
    },

    /// Credentials were to go over plain http to another computer.
    #[error(
        "Fumi will not send your password or API key in clear text to {url}: enter the blog's https address."
    )]
    InsecureConnection { url: String },

    /// The blog's answer named another host (a discovered API, a redirect, a next page); nothing
    /// was sent there.
    #[error(
        "{site} sent Fumi to another host, {elsewhere}; Fumi sent it nothing, and your password stays with {site}. If your blog really lives at {elsewhere}, add it with that address."
    )]
    BlogPointsElsewhere { site: String, elsewhere: String },

    /// The Hatena blog is written in Hatena notation, which Fumi does not produce.
    #[error(
        "This Hatena blog is in はてな記法 (Hatena notation) mode. Switch it to Markdown (or 見たまま) in the blog's settings (基本設定 › 編集モード) and publish again; nothing was sent."
    )]
    HatenaNotationMode,

    /// The blog's answer could not be understood.
    #[error("{url} sent an answer Fumi cannot read: {detail}")]
    BlogMalformedReply { url: String, detail: String },

    /// The remote post no longer exists (deleted on the web).
    #[error(
        "The post {id} no longer exists on the blog; it may have been deleted on the web. Choose \"Create again\" (fumi publish --recreate) to publish it anew."
    )]
    RemotePostNotFound { id: String },

    /// The system keychain could not be used.
    #[error("Fumi cannot use the system keychain, where blog passwords are kept: {detail}")]
    Keychain { detail: String },

    /// The keychain has no secret for this blog (removed outside Fumi).
    #[error("The keychain holds no password for blog {0}; add the blog again.")]
    SecretMissing(i64),

    /// The keychain's secret for this blog belongs to another site than the blog's row names.
    #[error(
        "The password kept for blog {blog} belongs to {stored}, not to {site}; Fumi sent it nowhere. Add the blog's password again."
    )]
    SecretForAnotherSite {
        blog: i64,
        stored: String,
        site: String,
    },

    /// No blog has this name.
    #[error("There is no blog named {0:?}; `fumi blogs list` shows them.")]
    BlogNotFound(String),

    /// A blog needs a name.
    #[error("Give the blog a short name, e.g. \"main\".")]
    BlogNameEmpty,

    /// A blog with this name exists already.
    #[error("A blog named {0:?} exists already; choose another name.")]
    BlogNameTaken(String),

    /// The post was edited on the web since Fumi last published it (or since the file it was
    /// imported from was pulled).
    #[error(
        "The post on the blog differs from the version Fumi last knew — the one it published, or the file the draft was imported from (last modified there {remote}). Publishing now would overwrite the blog's version: overwrite it, or take the blog's version into the draft first."
    )]
    RemoteChanged { remote: String, recorded: String },

    /// The blog did not keep some categories or tags of a post it saved.
    #[error("The post was saved, but the blog did not keep these categories or tags: {names}.")]
    TermsDropped { names: String },

    /// The draft has no post on that blog.
    #[error("Draft {draft} has not been published to {blog}.")]
    NotPublished { draft: DraftId, blog: String },

    /// The blog is busy (HTTP 429, or 503 with `Retry-After`) for longer than is worth waiting.
    #[error("{url} is busy and asked Fumi to wait {}. Your draft is unchanged; a publish waits in Fumi's queue and is sent again by itself after that.", retry_after.map(|s| format!("{s} seconds")).unwrap_or_else(|| "a while".into()))]
    BlogRateLimited {
        url: String,
        retry_after: Option<u64>,
    },

    /// The blog's TLS certificate is not trusted.
    #[error(
        "The certificate of {url} is not trusted, so Fumi sent nothing there ({detail}). If the blog really uses a certificate of its own, add it to the system's trusted certificates."
    )]
    BlogCertificate { url: String, detail: String },

    /// An export would mix with files already in its folder.
    #[error("{} is not empty; export into a new or empty folder.", .0.display())]
    ExportFolderNotEmpty(PathBuf),

    /// The preferences could not be written.
    #[error("Fumi could not save the settings: {0}")]
    Settings(String),

    /// A publish could not be sent now and waits in the queue (the CLI's report of it).
    #[error(
        "{reason} The publish is queued: Fumi sends it when the blog answers (the open window does so by itself; `fumi queue send` sends it now)."
    )]
    PublishQueued { reason: String },

    /// A queued publish of this draft is being sent right now.
    #[error(
        "This draft is being sent to the blog from the publish queue right now; try again in a moment."
    )]
    PublishInProgress,

    /// The operating system refused something Fumi needs (a thread, a runtime).
    #[error("Fumi could not {action}: {source}")]
    System {
        action: &'static str,
        source: std::io::Error,
    },

    /// The draft's front matter block is not valid.
    #[error("The settings block at the top of the draft (between the --- lines) has a mistake{}: {detail}", line.map(|l| format!(" on line {l}")).unwrap_or_default())]
    FrontMatter { line: Option<usize>, detail: String },

    /// A date the author typed could not be read.
    #[error(
        "{value:?} is not a date Fumi understands; write it like 2026-12-01 09:00 or 2026-12-01T09:00:00+09:00."
    )]
    BadDate { value: String },

    /// A file the draft shows as an image is not one.
    #[error("{name} is not an image Fumi can publish (PNG, JPEG, GIF, WebP, AVIF…).")]
    NotAnImage { name: String },

    /// The draft would upload files from this computer that the author has not allowed yet.
    #[error("Publishing uploads these files from this computer to the blog: {}. Allow them for this draft (fumi publish --allow-files), or remove them from the text.", .files.join(", "))]
    LocalFilesNeedConsent { files: Vec<String> },

    /// A path that is not a regular file on this computer (a device, a FIFO, a network share).
    #[error("{} is not a file on this computer, so Fumi did not read it; use an image file.", .path.display())]
    NotAFile { path: PathBuf },

    /// An image is over the size blogs accept.
    #[error("{name} is {} MB; images up to {} MB can be published. Make it smaller and try again.", bytes / 1_000_000, limit / 1_000_000)]
    ImageTooLarge {
        name: String,
        bytes: usize,
        limit: usize,
    },

    /// The draft refers to an image that is not in the database.
    #[error(
        "The draft shows the image fumi-asset:{0}, which is not in Fumi's database; paste it again."
    )]
    AssetNotFound(String),

    /// A text is larger than Fumi keeps in one draft.
    #[error(
        "{name} is larger than {limit_mb} MB, more than one draft can hold; split it and try again. Nothing was changed."
    )]
    TextTooLarge { name: String, limit_mb: usize },

    /// What the author typed as an ISBN is not a valid one.
    #[error(
        "{typed:?} is not a valid ISBN: type its 13 digits (978-…) or 10 characters, hyphens optional, and check the last digit."
    )]
    BadIsbn { typed: String },

    /// No book database knows the ISBN.
    #[error(
        "No book database knows ISBN {isbn} ({tried}). Check the number, or fill in the book's details by hand."
    )]
    BookNotFound { isbn: String, tried: String },

    /// No book database could be asked (offline, or every one failed).
    #[error(
        "The book databases could not be reached for ISBN {isbn}: {detail}. Fill in the book's details by hand, or try again when online."
    )]
    BookLookupFailed { isbn: String, detail: String },

    /// A rating outside one to five stars.
    #[error("A rating is one to five stars; {0} is not.")]
    BadRating(u8),

    /// A file given by the author is not UTF-8 text.
    #[error(
        "{path} is not UTF-8 text (invalid byte at offset {offset}); save it as UTF-8 and try again."
    )]
    NotUtf8 { path: PathBuf, offset: usize },
}

impl Error {
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
            Error::BlogRateLimited { .. } => "blog_rate_limited",
            Error::PublishInProgress => "publish_in_progress",
            Error::PublishQueued { .. } => "publish_queued",
            Error::BlogCertificate { .. } => "blog_certificate",
            Error::Settings(_) => "settings",
            Error::ExportFolderNotEmpty(_) => "export_folder_not_empty",
            Error::BadIsbn { .. } => "bad_isbn",
            Error::BookNotFound { .. } => "book_not_found",
            Error::BookLookupFailed { .. } => "book_lookup_failed",
            Error::BadRating(_) => "bad_rating",
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
