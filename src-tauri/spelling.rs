//! The webview's spell checker, for the English in a draft (a proofreading rule the author can
//! switch off, which sets the editor's `spellcheck` attribute). WebKitGTK keeps it off unless
//! the application turns it on, and then reads the system's hunspell dictionaries through
//! enchant; WebKit on macOS and WebView2 on Windows check spelling on their own.

/// Turns the checker on for the window's webview, in English, once. Asked when the author first
/// writes in the editor: its dictionary (hunspell's, ≈5 MB in the app) is loaded then, so a
/// window opened to read never loads it.
pub fn enable(window: &tauri::WebviewWindow) {
    use std::sync::atomic::{AtomicBool, Ordering};
    static ENABLED: AtomicBool = AtomicBool::new(false);
    if ENABLED.load(Ordering::Relaxed) {
        return;
    }
    #[cfg(target_os = "linux")]
    match window.with_webview(|webview| {
        use webkit2gtk::{WebContextExt, WebViewExt};
        if let Some(context) = webview.inner().context() {
            context.set_spell_checking_languages(&["en_US"]);
            context.set_spell_checking_enabled(true);
        }
    }) {
        Ok(()) => ENABLED.store(true, Ordering::Relaxed),
        Err(e) => tracing::warn!(error = %e, "the spell checker could not be turned on"),
    }
    #[cfg(not(target_os = "linux"))]
    let _ = window;
}
