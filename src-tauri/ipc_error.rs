//! How a core error crosses the IPC boundary: `{code, message}`, which the UI shows in place.

use serde::Serialize;

/// An error as the UI receives it.
#[derive(Debug, Clone, Serialize)]
pub struct IpcError {
    /// Stable machine-readable code (see `fumi_core::Error::code`).
    pub code: &'static str,
    /// A sentence for the author.
    pub message: String,
}

impl From<fumi_core::Error> for IpcError {
    fn from(e: fumi_core::Error) -> Self {
        IpcError {
            code: e.code(),
            message: e.to_string(),
        }
    }
}
