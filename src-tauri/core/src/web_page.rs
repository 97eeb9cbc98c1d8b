//! Public web pages read without credentials (an embedded page's card, a blog's stylesheets):
//! http(s) only, at most five redirects, a size limit, 15 seconds.

use std::time::Duration;

use url::Url;

use crate::capped_body::{BodyError, read_capped};

/// Reads `url` as text (invalid UTF-8 replaced); answers where it was read from (after
/// redirects) and the text, or what went wrong in words for a message.
pub(crate) async fn read(url: &Url, max_bytes: usize) -> Result<(Url, String), String> {
    if !matches!(url.scheme(), "http" | "https") {
        return Err("not a web address".into());
    }
    let client = crate::tls::client_builder()
        .connect_timeout(Duration::from_secs(5))
        .timeout(Duration::from_secs(15))
        .redirect(reqwest::redirect::Policy::limited(5))
        .user_agent(concat!("Fumi/", env!("CARGO_PKG_VERSION")))
        .build()
        .map_err(|e| e.to_string())?;
    let response = client
        .get(url.clone())
        .send()
        .await
        .map_err(|e| e.to_string())?;
    if !response.status().is_success() {
        return Err(format!("HTTP {}", response.status()));
    }
    let at = response.url().clone();
    match read_capped(response, max_bytes).await {
        Ok(body) => Ok((at, String::from_utf8_lossy(&body).into_owned())),
        Err(BodyError::TooLarge) => Err("too large".into()),
        Err(BodyError::Network(e)) => Err(e.to_string()),
    }
}
