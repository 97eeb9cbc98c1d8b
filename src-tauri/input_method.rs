//! The input method in the webview. wry turns WebKitGTK's inline composition (preedit) off, so
//! that fcitx's own window draws the text being composed at the caret; then the page never
//! sees a composition: no `compositionstart`, the text arrives only when committed, and the
//! editor cannot tell that a shortcut was pressed in the middle of a conversion. Fumi turns it
//! back on: the text being converted shows inline, underlined, as in every GTK application, and
//! the candidate window follows the caret (tested with a real IBus + Mozc, `tests/window_ime.rs`).

/// Turns WebKitGTK's inline composition back on for the window's webview.
pub fn show_composition_inline(window: &tauri::WebviewWindow) {
    #[cfg(target_os = "linux")]
    if let Err(e) = window.with_webview(|webview| {
        use webkit2gtk::{InputMethodContextExt, WebViewExt};
        if let Some(context) = webview.inner().input_method_context() {
            context.set_enable_preedit(true);
        }
    }) {
        tracing::warn!(error = %e, "the input method's inline composition could not be turned on");
    }
    #[cfg(not(target_os = "linux"))]
    let _ = window;
}
