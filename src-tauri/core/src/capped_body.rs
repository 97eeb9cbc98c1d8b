//! An HTTP reply's body read through a hard limit: a server (a blog, a book database) can never
//! make Fumi hold more than it expects, whatever length it announces or sends.

/// Why a body was not read whole.
pub(crate) enum BodyError {
    /// Longer than the limit, announced or sent.
    TooLarge,
    /// The connection failed before the body ended.
    Network(reqwest::Error),
}

/// The whole body of `response`, refused past `limit` bytes (before reading, when the server
/// announces its length; else as soon as the bytes pass it).
pub(crate) async fn read_capped(
    mut response: reqwest::Response,
    limit: usize,
) -> Result<Vec<u8>, BodyError> {
    if response.content_length().is_some_and(|n| n > limit as u64) {
        return Err(BodyError::TooLarge);
    }
    let mut body = Vec::new();
    while let Some(chunk) = response.chunk().await.map_err(BodyError::Network)? {
        if body.len() + chunk.len() > limit {
            return Err(BodyError::TooLarge);
        }
        body.extend_from_slice(&chunk);
    }
    Ok(body)
}
