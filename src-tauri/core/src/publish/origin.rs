//! The origin a blog's credentials belong to. Every request that carries a secret, every
//! address a blog's answer names (a REST root, an RSD `apiLink`, a next page) and every redirect
//! stays on the origin the author gave; the one exception is http → https on the same host.
//!
//! Why: on an untrusted network, whoever answers the first plain-http request could otherwise
//! name a host of their own and receive the author's password there.

use std::fmt;
use std::net::IpAddr;

use reqwest::Url;
use reqwest::redirect::{Attempt, Policy};

use crate::error::{Error, Result};

/// The most redirects followed for one request (reqwest's own default).
const MAX_REDIRECTS: usize = 10;

/// The scheme, host and port a blog's credentials may go to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BlogOrigin {
    scheme: String,
    host: String,
    port: Option<u16>,
}

impl BlogOrigin {
    /// The origin of the address the author gave; only http and https addresses have one.
    pub fn of(site: &str) -> Result<BlogOrigin> {
        let url = Url::parse(site.trim()).map_err(|e| Error::BlogUnreachable {
            url: site.to_owned(),
            detail: e.to_string(),
        })?;
        Self::of_url(&url).ok_or_else(|| Error::BlogUnreachable {
            url: site.to_owned(),
            detail: "not an http or https address".into(),
        })
    }

    fn of_url(url: &Url) -> Option<BlogOrigin> {
        if !matches!(url.scheme(), "http" | "https") {
            return None;
        }
        Some(BlogOrigin {
            scheme: url.scheme().to_owned(),
            host: url.host_str()?.to_ascii_lowercase(),
            port: url.port_or_known_default(),
        })
    }

    /// Refuses to send credentials over plain http, except to this computer (loopback), where
    /// nothing crosses a network.
    pub fn require_secure(&self) -> Result<()> {
        if self.scheme == "https" || self.is_loopback() {
            Ok(())
        } else {
            Err(Error::InsecureConnection {
                url: self.to_string(),
            })
        }
    }

    /// Whether the host is this computer.
    pub fn is_loopback(&self) -> bool {
        let host = self.host.trim_start_matches('[').trim_end_matches(']');
        host == "localhost"
            || host.ends_with(".localhost")
            || host.parse::<IpAddr>().is_ok_and(|ip| ip.is_loopback())
    }

    /// Whether a request to `url` stays with this blog: the same scheme, host and port, or https
    /// on the same host.
    pub fn admits(&self, url: &Url) -> bool {
        match Self::of_url(url) {
            Some(other) if other.host == self.host => other == *self || other.scheme == "https",
            _ => false,
        }
    }

    /// `url` if this blog admits it; otherwise an error that names both hosts, before anything
    /// is sent there.
    pub fn confine(&self, url: Url) -> Result<Url> {
        if self.admits(&url) {
            Ok(url)
        } else {
            Err(self.elsewhere(&url))
        }
    }

    /// The error for an address off this origin.
    pub fn elsewhere(&self, url: &Url) -> Error {
        Error::BlogPointsElsewhere {
            site: self.to_string(),
            elsewhere: match (url.host_str(), url.port()) {
                (Some(h), Some(p)) => format!("{}://{h}:{p}", url.scheme()),
                (Some(h), None) => format!("{}://{h}", url.scheme()),
                _ => url.to_string(),
            },
        }
    }
}

/// A redirect policy that follows a redirect only within the origin of the request it answers
/// (or to its https): a cross-host redirect would otherwise carry headers reqwest does not know
/// are secret (`X-WSSE`) and, for 307 and 308, the request body with its password. Every request
/// Fumi makes is itself confined to the blog, so its redirects are too.
pub fn redirect_policy() -> Policy {
    Policy::custom(|attempt: Attempt| {
        let first = attempt.previous().first().and_then(BlogOrigin::of_url);
        if attempt.previous().len() >= MAX_REDIRECTS {
            attempt.error("too many redirects")
        } else if first.is_some_and(|o| o.admits(attempt.url())) {
            attempt.follow()
        } else {
            let to = attempt.url().clone();
            attempt.error(Redirected { to })
        }
    })
}

impl fmt::Display for BlogOrigin {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let default = match self.scheme.as_str() {
            "https" => Some(443),
            _ => Some(80),
        };
        match self.port {
            Some(p) if Some(p) != default => write!(f, "{}://{}:{p}", self.scheme, self.host),
            _ => write!(f, "{}://{}", self.scheme, self.host),
        }
    }
}

/// A redirect the policy refused; found again in a `reqwest::Error`'s causes to tell the author
/// where the blog tried to send Fumi.
#[derive(Debug)]
pub(super) struct Redirected {
    pub(super) to: Url,
}

impl fmt::Display for Redirected {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "redirected to another host: {}", self.to)
    }
}

impl std::error::Error for Redirected {}

#[cfg(test)]
mod tests {
    use super::*;

    fn url(s: &str) -> Url {
        Url::parse(s).unwrap()
    }

    #[test]
    fn admits_the_same_origin_and_the_https_of_its_host() {
        let o = BlogOrigin::of("http://Blog.Example/wp/").unwrap();
        assert!(o.admits(&url("http://blog.example/wp-json/")));
        assert!(o.admits(&url("http://blog.example:80/x")));
        assert!(o.admits(&url("https://blog.example/wp-json/")));
        assert!(!o.admits(&url("http://blog.example:8080/x")));
        assert!(!o.admits(&url("http://other.example/wp-json/")));
        assert!(!o.admits(&url("http://sub.blog.example/")));
        assert!(!o.admits(&url("ftp://blog.example/")));
        let s = BlogOrigin::of("https://blog.example").unwrap();
        assert!(!s.admits(&url("http://blog.example/")), "no downgrade");
        let l = BlogOrigin::of("http://127.0.0.1:8080").unwrap();
        assert!(!l.admits(&url("http://127.0.0.2:8080/")));
    }

    #[test]
    fn plain_http_is_only_for_this_computer() {
        for ok in [
            "https://blog.example",
            "http://127.0.0.1:9",
            "http://127.0.0.2",
            "http://localhost:80",
            "http://[::1]:9/",
        ] {
            BlogOrigin::of(ok).unwrap().require_secure().expect(ok);
        }
        for refused in [
            "http://blog.example",
            "http://192.168.1.2",
            "http://10.0.0.1:80",
        ] {
            let e = BlogOrigin::of(refused)
                .unwrap()
                .require_secure()
                .unwrap_err();
            assert_eq!(e.code(), "insecure_connection", "{refused}");
        }
        assert!(BlogOrigin::of("file:///etc/passwd").is_err());
    }

    #[test]
    fn an_address_elsewhere_names_both_hosts() {
        let o = BlogOrigin::of("http://127.0.0.1:8080/").unwrap();
        let e = o
            .confine(url("http://127.0.0.2:8080/wp-json/"))
            .unwrap_err();
        let text = e.to_string();
        assert!(text.contains("127.0.0.1:8080"), "{text}");
        assert!(text.contains("127.0.0.2:8080"), "{text}");
    }
}
