//! How a core error crosses the IPC boundary: `{code, message, args}`. The UI formats the message
//! for `code` with `args` from the same catalog in its own language; `message` (English) is what
//! it shows if its catalog lacks the code.

use fumi_core::args;
use fumi_core::message::{self, Args, Lang};
use serde::Serialize;

/// An error as the UI receives it.
#[derive(specta::Type, Debug, Clone, Serialize)]
pub struct IpcError {
    /// Stable machine-readable code (see `fumi_core::Error::code`), the catalog's message id.
    pub code: &'static str,
    /// The message in English, for logs and as the UI's fallback.
    pub message: String,
    /// The message's fields.
    pub args: Args,
}

impl From<fumi_core::Error> for IpcError {
    fn from(e: fumi_core::Error) -> Self {
        tracing::warn!(code = e.code(), error = %e, "error shown in the window");
        IpcError {
            code: e.code(),
            message: e.to_string(),
            args: e.args(),
        }
    }
}

impl IpcError {
    /// An error of the window's own, its message from the catalog.
    fn own(code: &'static str, args: Args) -> Self {
        IpcError {
            code,
            message: message::text(Lang::En, code, &args),
            args,
        }
    }

    /// A link that is not a web address (never handed to the system).
    pub fn not_a_web_address(url: &str) -> Self {
        IpcError::own("not_a_web_address", args! { "url" => url })
    }

    /// A preview edit for another version of the text than the preview holds.
    pub fn preview_out_of_step() -> Self {
        IpcError::own("preview_out_of_step", args! {})
    }

    /// An image command called without the image's bytes.
    pub fn not_an_image_upload() -> Self {
        IpcError::own("not_an_image_upload", args! {})
    }

    /// A command named a path no dialog granted.
    pub fn path_not_granted() -> Self {
        IpcError::own("path_not_granted", args! {})
    }

    /// The system refused something the window asked for.
    pub fn from_system(action: &str, e: &dyn std::fmt::Display) -> Self {
        IpcError::own(
            "system",
            args! { "action" => message::action(action), "detail" => e.to_string() },
        )
    }
}
