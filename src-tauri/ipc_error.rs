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
        tracing::warn!(code = e.code(), error = %e, "error shown in the window");
        IpcError {
            code: e.code(),
            message: e.to_string(),
        }
    }
}

impl IpcError {
    /// A link that is not a web address (never handed to the system).
    pub fn not_a_web_address(url: &str) -> Self {
        IpcError {
            code: "not_a_web_address",
            message: format!("{url} is not a web address."),
        }
    }

    /// A preview edit for another version of the text than the preview holds.
    pub fn preview_out_of_step() -> Self {
        IpcError {
            code: "preview_out_of_step",
            message: "The preview lost step with the editor; it is drawn again.".into(),
        }
    }

    /// An image command called without the image's bytes.
    pub fn not_an_image_upload() -> Self {
        IpcError {
            code: "not_an_image",
            message: "Fumi received no image bytes to keep.".into(),
        }
    }

    /// A command named a path no dialog granted.
    pub fn path_not_granted() -> Self {
        IpcError {
            code: "path_not_granted",
            message: "Choose the file or folder again with the Choose… button.".into(),
        }
    }

    /// The system refused something the window asked for.
    pub fn from_system(action: &str, e: &dyn std::fmt::Display) -> Self {
        IpcError {
            code: "system",
            message: format!("Fumi could not {action}: {e}"),
        }
    }
}
