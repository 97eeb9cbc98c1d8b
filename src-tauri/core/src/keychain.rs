//! Blog secrets in the OS keychain (Keychain on macOS, Credential Manager on Windows, Secret
//! Service on Linux). They are never written to the database, a file or a log.

use std::sync::Once;

use crate::blog::BlogId;
use crate::error::{Error, Result};
use crate::paths::APP_IDENTIFIER;

static STORE: Once = Once::new();

/// The keychain entry of a blog's secret; the first call installs the platform's store as
/// keyring-core's default.
fn entry(blog: BlogId) -> Result<keyring_core::Entry> {
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
    keyring_core::Entry::new(APP_IDENTIFIER, &format!("blog/{blog}")).map_err(keychain)
}

/// Stores (or replaces) a blog's secret.
pub fn save_secret(blog: BlogId, secret: &str) -> Result<()> {
    entry(blog)?.set_password(secret).map_err(keychain)
}

/// Reads a blog's secret.
pub fn load_secret(blog: BlogId) -> Result<String> {
    entry(blog)?.get_password().map_err(|e| match e {
        keyring_core::Error::NoEntry => Error::SecretMissing(blog),
        other => keychain(other),
    })
}

/// Forgets a blog's secret; a secret already gone is fine.
pub fn delete_secret(blog: BlogId) -> Result<()> {
    match entry(blog)?.delete_credential() {
        Ok(()) | Err(keyring_core::Error::NoEntry) => Ok(()),
        Err(e) => Err(keychain(e)),
    }
}

fn keychain(e: keyring_core::Error) -> Error {
    Error::Keychain {
        detail: e.to_string(),
    }
}
