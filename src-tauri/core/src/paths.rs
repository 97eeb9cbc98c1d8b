//! Where Fumi keeps its data.

use std::path::{Path, PathBuf};

use crate::error::{Error, Result};

/// The app's permanent reverse-DNS identifier; the data and log folders derive from it.
pub const APP_IDENTIFIER: &str = "jp.fumi.desktop";

/// Environment variable that overrides the data folder (the `--data-dir` flag wins over it).
pub const DATA_DIR_ENV: &str = "FUMI_DATA_DIR";

/// File name of the database inside the data folder.
pub const DATABASE_FILE: &str = "fumi.sqlite3";

/// Name of the folder of log files inside a data folder given with `--data-dir`.
pub const LOGS_FOLDER: &str = "logs";

/// The platform's log folder for Fumi, the same one Tauri's `app_log_dir` resolves to
/// (`~/.local/share/jp.fumi.desktop/logs` on Linux, `~/Library/Logs/jp.fumi.desktop` on macOS,
/// `%LOCALAPPDATA%\jp.fumi.desktop\logs` on Windows).
pub fn default_log_dir() -> Result<PathBuf> {
    #[cfg(target_os = "macos")]
    let dir = dirs::home_dir().map(|h| h.join("Library/Logs").join(APP_IDENTIFIER));
    #[cfg(not(target_os = "macos"))]
    let dir = dirs::data_local_dir().map(|d| d.join(APP_IDENTIFIER).join(LOGS_FOLDER));
    dir.ok_or(Error::NoDataDir)
}

/// Where an export goes unless the author says otherwise: a dated folder in Documents (or home).
pub fn default_export_dir() -> PathBuf {
    let date = jiff::Zoned::now().date();
    dirs::document_dir()
        .or_else(dirs::home_dir)
        .unwrap_or_default()
        .join(format!("Fumi export {date}"))
}

/// The platform's app-data folder for Fumi, the same one Tauri's `app_data_dir` resolves to
/// (`~/.local/share/jp.fumi.desktop` on Linux, `~/Library/Application Support/…` on macOS,
/// `%APPDATA%\…` on Windows), so the window and the CLI always share one database.
pub fn default_data_dir() -> Result<PathBuf> {
    dirs::data_dir()
        .map(|d| d.join(APP_IDENTIFIER))
        .ok_or(Error::NoDataDir)
}

/// The name one running window holds for a data folder (a D-Bus name on Linux), so that opening
/// a file while Fumi runs on the same folder hands it to that window; other folders (profiles,
/// tests) get windows of their own.
pub fn instance_id(data_dir: &Path) -> String {
    use sha2::{Digest, Sha256};
    let digest = Sha256::digest(data_dir.as_os_str().as_encoded_bytes());
    let hex: String = digest[..8].iter().map(|b| format!("{b:02x}")).collect();
    format!("{APP_IDENTIFIER}.i{hex}")
}
