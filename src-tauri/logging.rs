//! Structured logs (JSON lines) in the log folder, one file a day, the last seven kept; and a
//! panic hook that writes the panic there before the process ends.
//!
//! What is logged: starts, publishes and queue sends (draft and blog ids, outcome, time taken),
//! and every error shown to the author. Never a secret: secrets are not in any value logged
//! (the keychain is read only where a request is signed).

use std::path::Path;

use tracing_appender::rolling::{RollingFileAppender, Rotation};
use tracing_subscriber::EnvFilter;

/// Days of logs kept.
const KEEP_FILES: usize = 7;

/// Starts logging to `dir`. Logging is a help, never a reason not to start: a folder that cannot
/// be written leaves the app without logs (said once on stderr).
pub fn init(dir: &Path) {
    // The appender prunes old files when it starts, and says so on stderr if the folder is missing.
    let appender = match std::fs::create_dir_all(dir).and_then(|()| {
        RollingFileAppender::builder()
            .rotation(Rotation::DAILY)
            .filename_prefix("fumi")
            .filename_suffix("log")
            .max_log_files(KEEP_FILES)
            .build(dir)
            .map_err(std::io::Error::other)
    }) {
        Ok(appender) => appender,
        Err(e) => {
            eprintln!("fumi: no logs: {} cannot be written: {e}", dir.display());
            return;
        }
    };
    let filter = EnvFilter::try_from_env("FUMI_LOG").unwrap_or_else(|_| EnvFilter::new("info"));
    // Written as they happen (not through a background thread), so a crash loses nothing.
    let installed = tracing_subscriber::fmt()
        .json()
        .with_env_filter(filter)
        .with_writer(appender)
        .with_ansi(false)
        .try_init();
    if installed.is_err() {
        return;
    }
    let default_hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let location = info
            .location()
            .map(|l| format!("{}:{}", l.file(), l.line()))
            .unwrap_or_default();
        let message = info
            .payload()
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| info.payload().downcast_ref::<String>().cloned())
            .unwrap_or_default();
        tracing::error!(%location, %message, "panic");
        default_hook(info);
    }));
}
