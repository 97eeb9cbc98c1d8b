//! The `fumi-preview` URI scheme: the live preview's edits, answered while the webview waits.
//!
//! A command's answer reaches the page only after the webview has drawn the frame that shows
//! the keystroke in the editor, so the preview would always be one frame late. A synchronous
//! request to this scheme is answered before that frame. Only quick edits are applied here (the
//! blocks around the edit, or a draft of at most 64 KiB, re-parsed: microseconds to 3 ms); any
//! other is declined at once (`204`) and goes to the `preview_edit` command, off the window's
//! thread.

use serde::Deserialize;
use tauri::http::{Request, Response, StatusCode, header};
use tauri::{Manager, Runtime, UriSchemeContext};

use crate::window::AppState;

/// The scheme's name (WebKitGTK and WKWebView: `fumi-preview://localhost/edit`; WebView2:
/// `http://fumi-preview.localhost/edit`).
pub const SCHEME: &str = "fumi-preview";

/// An edit as the `preview_edit` command takes it: old lines `from..to` of version `base`
/// become `text`.
#[derive(Deserialize)]
struct Edit {
    base: u64,
    from: usize,
    to: usize,
    text: String,
}

/// Answers an edit (a JSON body): `200` with the patch, `204` when it is left to the command,
/// `409` with `{code, message}` when the preview is out of step, `400` for a malformed body,
/// `403` for anything but a POST from the app's own page.
pub fn serve<R: Runtime>(
    ctx: UriSchemeContext<'_, R>,
    request: Request<Vec<u8>>,
) -> Response<Vec<u8>> {
    // Only the app's own page may edit the preview: a POST, from the app's origin when the
    // webview names one.
    let origin = request
        .headers()
        .get(header::ORIGIN)
        .and_then(|o| o.to_str().ok())
        .map(str::to_owned);
    let own_origin = origin
        .as_deref()
        .is_none_or(|o| tauri::Url::parse(o).is_ok_and(|u| crate::navigation::is_own(&u)));
    if request.method() != tauri::http::Method::POST || !own_origin {
        return Response::builder()
            .status(StatusCode::FORBIDDEN)
            .body(Vec::new())
            .unwrap_or_else(|_| Response::new(Vec::new()));
    }
    let state = ctx.app_handle().state::<AppState>();
    let answer = serde_json::from_slice::<Edit>(request.body())
        .map(|edit| state.edit_preview_if_quick(edit.base, edit.from, edit.to, &edit.text));
    let (status, body) = match answer {
        Ok(Ok(Some(patch))) => (StatusCode::OK, serde_json::to_vec(&patch)),
        Ok(Ok(None)) => (StatusCode::NO_CONTENT, Ok(Vec::new())),
        Ok(Err(e)) => (StatusCode::CONFLICT, serde_json::to_vec(&e)),
        Err(_) => (StatusCode::BAD_REQUEST, Ok(Vec::new())),
    };
    Response::builder()
        .status(status)
        .header(header::CONTENT_TYPE, "application/json")
        // The page's origin (tauri://localhost) differs from the scheme's: the answer is for
        // that origin alone.
        .header(
            header::ACCESS_CONTROL_ALLOW_ORIGIN,
            origin.as_deref().unwrap_or("tauri://localhost"),
        )
        .body(body.unwrap_or_default())
        .unwrap_or_else(|_| Response::new(Vec::new()))
}
