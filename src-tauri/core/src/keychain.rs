//! Blog secrets in the OS keychain (Keychain on macOS, Credential Manager on Windows, Secret
//! Service on Linux). They are never written to the database, a file or a log.
//!
//! Each entry is named by a random key kept in the blog's row (`blog/{key}`) and holds the
//! secret with the origin it belongs to: two data folders never share an entry, and a row that
//! points elsewhere than its secret's origin gets nothing.

use std::sync::Once;

use crate::error::{Error, Result};
use crate::model::blog::BlogId;
use crate::paths::APP_IDENTIFIER;

static STORE: Once = Once::new();

/// The keychain entry `name`; the first call installs the platform's store as keyring-core's
/// default.
fn entry(name: &str) -> Result<keyring_core::Entry> {
    STORE.call_once(|| {
        #[cfg(target_os = "linux")]
        let store = zbus_secret_service_keyring_store::Store::new()
            .map(|s| s as std::sync::Arc<keyring_core::CredentialStore>);
        #[cfg(target_os = "macos")]
        let store = apple_native_keyring_store::keychain::Store::new()
            .map(|s| s as std::sync::Arc<keyring_core::CredentialStore>);
        #[cfg(target_os = "windows")]
        let store = windows_native_keyring_store::Store::new()
            .map(|s| s as std::sync::Arc<keyring_core::CredentialStore>);
        // Without a store, every entry below fails with keyring-core's "no default store" error,
        // which is reported to the author like any keychain failure.
        if let Ok(store) = store {
            keyring_core::set_default_store(store);
        }
    });
    keyring_core::Entry::new(APP_IDENTIFIER, name).map_err(keychain)
}

/// Keeps secrets in memory (keyring-core's own mock store) instead of the OS keychain: the fast
/// tier's keychain. It must run before any entry is made, and then holds for the process.
#[cfg(test)]
pub(crate) fn use_memory_store() {
    STORE.call_once(|| {
        if let Ok(store) = keyring_core::mock::Store::new() {
            keyring_core::set_default_store(store);
        }
    });
}

/// A new random name for a blog's entry: 128 bits, so no two data folders ever share one.
pub fn new_key() -> Result<String> {
    let mut bytes = [0u8; 16];
    getrandom::fill(&mut bytes).map_err(|e| Error::Keychain {
        detail: format!("no randomness for a new entry's name: {e}"),
    })?;
    Ok(crate::image::hex(&bytes))
}

/// What an entry holds: the secret and the origin it belongs to.
#[derive(serde::Serialize, serde::Deserialize)]
struct Stored {
    origin: String,
    secret: String,
}

/// Stores (or replaces) a blog's secret under `key`, bound to the blog's origin
/// (`scheme://host[:port]`).
pub fn save_secret(key: &str, origin: &str, secret: &str) -> Result<()> {
    let stored = Stored {
        origin: origin.to_owned(),
        secret: secret.to_owned(),
    };
    let value = serde_json::to_string(&stored).map_err(|e| Error::Keychain {
        detail: e.to_string(),
    })?;
    entry(&format!("blog/{key}"))?
        .set_password(&value)
        .map_err(keychain)
}

/// Reads the secret under `key`; one stored for another origin than `origin` is refused.
pub fn load_secret(blog: BlogId, key: &str, origin: &str) -> Result<String> {
    let value = entry(&format!("blog/{key}"))?
        .get_password()
        .map_err(|e| match e {
            keyring_core::Error::NoEntry => Error::SecretMissing(blog),
            other => keychain(other),
        })?;
    let stored: Stored = serde_json::from_str(&value).map_err(|_| Error::SecretMissing(blog))?;
    if stored.origin != origin {
        return Err(Error::SecretForAnotherSite {
            blog,
            stored: stored.origin,
            site: origin.to_owned(),
        });
    }
    Ok(stored.secret)
}

/// Forgets the secret under `key`; a secret already gone is fine.
pub fn delete_secret(key: &str) -> Result<()> {
    delete(&format!("blog/{key}"))
}

/// Stores (or replaces) the sync remote's token under `key`, bound to the remote's origin.
pub fn save_sync_token(key: &str, origin: &str, token: &str) -> Result<()> {
    let value = serde_json::to_string(&Stored {
        origin: origin.to_owned(),
        secret: token.to_owned(),
    })
    .map_err(|e| Error::Keychain {
        detail: e.to_string(),
    })?;
    entry(&format!("sync/{key}"))?
        .set_password(&value)
        .map_err(keychain)
}

/// Reads the sync remote's token under `key`; one stored for another origin is not given out.
pub fn load_sync_token(key: &str, origin: &str) -> Result<String> {
    let missing = || Error::Keychain {
        detail: "the sync remote's token is not in the keychain; set it again in Settings → Sync"
            .into(),
    };
    let value = entry(&format!("sync/{key}"))?
        .get_password()
        .map_err(|e| match e {
            keyring_core::Error::NoEntry => missing(),
            other => keychain(other),
        })?;
    let stored: Stored = serde_json::from_str(&value).map_err(|_| missing())?;
    if stored.origin != origin {
        return Err(missing());
    }
    Ok(stored.secret)
}

/// Forgets the sync remote's token under `key`.
pub fn delete_sync_token(key: &str) -> Result<()> {
    delete(&format!("sync/{key}"))
}

/// The secret of a blog added before entries had random keys (`blog/{id}`), if any.
pub fn load_legacy_secret(blog: BlogId) -> Result<Option<String>> {
    match entry(&format!("blog/{blog}"))?.get_password() {
        Ok(secret) => Ok(Some(secret)),
        Err(keyring_core::Error::NoEntry) => Ok(None),
        Err(e) => Err(keychain(e)),
    }
}

/// Forgets a secret stored under a blog's id.
pub fn delete_legacy_secret(blog: BlogId) -> Result<()> {
    delete(&format!("blog/{blog}"))
}

fn delete(name: &str) -> Result<()> {
    match entry(name)?.delete_credential() {
        Ok(()) | Err(keyring_core::Error::NoEntry) => Ok(()),
        Err(e) => Err(keychain(e)),
    }
}

fn keychain(e: keyring_core::Error) -> Error {
    Error::Keychain {
        detail: e.to_string(),
    }
}
