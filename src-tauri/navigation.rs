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
/// `http(s)://tauri.localhost` (Windows). The UI is always the bundle embedded at build time
/// (there is no dev server), so nothing else is.
pub fn is_own(url: &Url) -> bool {
    matches!(
        (url.scheme(), url.host_str()),
        ("tauri", Some("localhost")) | ("http" | "https", Some("tauri.localhost"))
    )
}
