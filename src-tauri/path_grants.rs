//! Paths the author chose in a system dialog, handed to the page as tokens: the page shows the
//! path but can name only what a dialog (or Fumi itself) granted, so script in the page could
//! never read or write an arbitrary file through a command.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Mutex, PoisonError};

use serde::Serialize;

use crate::ipc_error::IpcError;

/// A chosen path as the page receives it.
#[derive(specta::Type, Debug, Clone, Serialize)]
pub struct PathGrant {
    /// What the page sends back to a command to mean this path.
    pub token: String,
    /// The path, for the author to read.
    pub shown: String,
}

/// The paths granted in this window's life, by token.
#[derive(Default)]
pub struct PathGrants {
    granted: Mutex<HashMap<String, PathBuf>>,
}

impl PathGrants {
    /// Grants a path the author chose (or Fumi proposes) and answers its token.
    pub fn grant(&self, path: &Path) -> PathGrant {
        let mut bytes = [0u8; 16];
        // Without the OS's randomness a token is still unique in this window (the count).
        let mut granted = self.granted.lock().unwrap_or_else(PoisonError::into_inner);
        if getrandom::fill(&mut bytes).is_err() {
            bytes[..8].copy_from_slice(&(granted.len() as u64).to_le_bytes());
        }
        let token: String = bytes.iter().map(|b| format!("{b:02x}")).collect();
        granted.insert(token.clone(), path.to_path_buf());
        PathGrant {
            token,
            shown: path.display().to_string(),
        }
    }

    /// The path a token stands for; any other string is refused.
    pub fn path(&self, token: &str) -> Result<PathBuf, IpcError> {
        self.granted
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .get(token)
            .cloned()
            .ok_or_else(IpcError::path_not_granted)
    }
}
