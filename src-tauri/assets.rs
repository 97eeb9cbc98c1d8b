//! Images kept in Fumi's database, served to the preview through the `fumi-asset` scheme.

use fumi_core::image::LocalImage;
use tauri::http::{Response, StatusCode, header};
use tauri::{Manager, Runtime, UriSchemeContext};

use crate::window::AppState;

/// The scheme's name (WebKitGTK and WKWebView: `fumi-asset://localhost/…`; WebView2:
/// `http://fumi-asset.localhost/…`).
pub const SCHEME: &str = "fumi-asset";

/// Where the preview loads an image the draft shows as `fumi-asset:<sha256>`; `None` leaves other
/// URLs as they are.
pub fn preview_url(url: &str) -> Option<String> {
    let Some(LocalImage::Asset(hash)) = LocalImage::from_url(url) else {
        return None;
    };
    Some(if cfg!(windows) {
        format!("http://{SCHEME}.localhost/{hash}")
    } else {
        format!("{SCHEME}://localhost/{hash}")
    })
}

/// Answers the preview's request for an image by hash.
pub fn serve<R: Runtime>(
    ctx: UriSchemeContext<'_, R>,
    request: tauri::http::Request<Vec<u8>>,
) -> Response<Vec<u8>> {
    let hash = request
        .uri()
        .path()
        .trim_start_matches('/')
        .to_ascii_lowercase();
    let state = ctx.app_handle().state::<AppState>();
    let found = state.app().ok().and_then(|app| app.image(&hash).ok());
    let response = match found {
        Some(image) => Response::builder()
            .header(header::CONTENT_TYPE, image.mime)
            // The bytes of a hash never change.
            .header(header::CACHE_CONTROL, "max-age=31536000, immutable")
            .body(image.bytes),
        None => Response::builder()
            .status(StatusCode::NOT_FOUND)
            .body(Vec::new()),
    };
    response.unwrap_or_else(|_| Response::new(Vec::new()))
}
