//! The author's preferences, stored as one JSON value.

use rusqlite::{OptionalExtension, params};

use super::Store;
use crate::error::{Error, Result};
use crate::model::settings::Settings;

/// The row that holds the preferences.
const KEY: &str = "app";

impl Store {
    /// The preferences; defaults where none were saved (or the saved ones cannot be read).
    pub fn settings(&self) -> Result<Settings> {
        let value: Option<String> = self
            .conn
            .query_row(
                "SELECT value FROM settings WHERE key = ?1",
                params![KEY],
                |r| r.get(0),
            )
            .optional()
            .map_err(|e| self.err("reading the settings", e))?;
        // Preferences are never worth refusing to start over.
        Ok(value
            .and_then(|v| serde_json::from_str(&v).ok())
            .unwrap_or_default())
    }

    /// Saves the preferences.
    pub fn save_settings(&mut self, settings: &Settings) -> Result<()> {
        let value = serde_json::to_string(settings).map_err(|e| Error::Settings(e.to_string()))?;
        self.conn
            .execute(
                "INSERT INTO settings (key, value) VALUES (?1, ?2) \
                 ON CONFLICT (key) DO UPDATE SET value = ?2",
                params![KEY, value],
            )
            .map_err(|e| self.err("saving the settings", e))?;
        self.revision_interval_ms = settings.revision_interval_ms();
        Ok(())
    }
}
