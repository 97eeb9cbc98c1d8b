//! The TLS of every HTTP client Fumi makes: rustls with ring's cryptography, installed once as
//! the process's provider. reqwest's default, aws-lc-rs, offers the same suites to a blog and
//! weighs several megabytes more in the binary (BENCHMARKS.md, "Size").

use std::sync::Once;

/// A reqwest client builder whose TLS is rustls with ring.
pub(crate) fn client_builder() -> reqwest::ClientBuilder {
    static INSTALL: Once = Once::new();
    INSTALL.call_once(|| {
        // An error only says a provider is installed already (a host program chose one): it
        // is used as it is.
        let _ = rustls::crypto::ring::default_provider().install_default();
    });
    reqwest::Client::builder()
}
