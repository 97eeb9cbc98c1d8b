//! The window never leaves Fumi's own page: a link followed, a URL or file dropped on the page,
//! or the context menu's *Open Link* would otherwise load a web page with the app's IPC beside
//! it. Links the author means to visit go to the system browser through the opener plugin.

use tauri::plugin::{Builder, TauriPlugin};
use tauri::{Runtime, Url};

/// The plugin that refuses every navigation away from the app's own origin.
pub fn guard<R: Runtime>() -> TauriPlugin<R> {
    Builder::new("navigation-guard")
        .on_navigation(|_webview, url| {
            let allowed = is_own(url);
            if !allowed {
                tracing::warn!(%url, "navigation away from the app refused");
            }
            allowed
        })
        .build()
}

/// Whether a URL is the app's own page: `tauri://localhost` (Linux, macOS) or
/// `http(s)://tauri.localhost` (Windows); in a debug build also the UI's dev server on loopback.
pub fn is_own(url: &Url) -> bool {
    match (url.scheme(), url.host_str()) {
        ("tauri", Some("localhost")) => true,
        ("http" | "https", Some("tauri.localhost")) => true,
        ("http", Some("localhost" | "127.0.0.1")) => cfg!(debug_assertions) && url.port().is_some(),
        _ => false,
    }
}
