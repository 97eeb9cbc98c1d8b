//! WordPress through its REST API (`/wp/v2`), authenticated with an application password.

use std::time::Duration;

use reqwest::{Client, Method, RequestBuilder, StatusCode, Url};
use serde::Deserialize;
use serde::de::DeserializeOwned;
use serde_json::json;

use super::{OutgoingPost, RemotePost, RemoteStatus};
use crate::error::{Error, Result};

/// The `rel` of the REST API's root in a WordPress site's `Link` header.
const API_REL: &str = "https://api.w.org/";

/// A connection to one WordPress site, credentials checked.
pub struct WordPress {
    http: Client,
    /// The REST root: `…/wp-json/`, or `…/?rest_route=/` on sites with plain permalinks.
    api: Url,
    user: String,
    password: String,
}

impl WordPress {
    /// Finds the site's REST API from its home page and checks the credentials against it.
    pub async fn connect(site: &str, user: &str, password: &str) -> Result<WordPress> {
        let http = Client::builder()
            .connect_timeout(Duration::from_secs(10))
            .timeout(Duration::from_secs(60))
            .user_agent(concat!("Fumi/", env!("CARGO_PKG_VERSION")))
            .build()
            .map_err(|e| Error::BlogUnreachable {
                url: site.to_owned(),
                detail: e.to_string(),
            })?;
        let api = discover(&http, site).await?;
        let wp = WordPress {
            http,
            api,
            user: user.to_owned(),
            password: password.to_owned(),
        };
        let _me: serde_json::Value = wp.call(Method::GET, "wp/v2/users/me", None).await?;
        Ok(wp)
    }

    /// The REST root in use.
    pub fn api_root(&self) -> &Url {
        &self.api
    }

    /// Creates a post.
    pub async fn create_post(&self, post: &OutgoingPost) -> Result<RemotePost> {
        let body = post_json(post);
        self.call::<WpPost>(Method::POST, "wp/v2/posts", Some(body))
            .await
            .map(RemotePost::from)
    }

    /// Replaces the title, body and status of an existing post.
    pub async fn update_post(&self, id: &str, post: &OutgoingPost) -> Result<RemotePost> {
        let body = post_json(post);
        self.call::<WpPost>(
            Method::POST,
            &format!("wp/v2/posts/{}", path_id(id)?),
            Some(body),
        )
        .await
        .map(RemotePost::from)
        .map_err(|e| post_missing(id, e))
    }

    /// Reads a post as stored (raw HTML, not the theme's rendering).
    pub async fn fetch_post(&self, id: &str) -> Result<RemotePost> {
        self.call::<WpPost>(
            Method::GET,
            &format!("wp/v2/posts/{}?context=edit", path_id(id)?),
            None,
        )
        .await
        .map(RemotePost::from)
        .map_err(|e| post_missing(id, e))
    }

    /// The URL of a route (`wp/v2/posts?x=y`), in whichever form the site's REST root takes.
    fn endpoint(&self, route: &str) -> Url {
        let (path, query) = route.split_once('?').unwrap_or((route, ""));
        let mut url = self.api.clone();
        if url.query_pairs().any(|(k, _)| k == "rest_route") {
            let others: Vec<(String, String)> = url
                .query_pairs()
                .filter(|(k, _)| k != "rest_route")
                .map(|(k, v)| (k.into(), v.into()))
                .collect();
            let mut pairs = url.query_pairs_mut();
            pairs
                .clear()
                .extend_pairs(others)
                .append_pair("rest_route", &format!("/{path}"));
            drop(pairs);
        } else if let Ok(joined) = url.join(path) {
            url = joined;
        }
        if !query.is_empty() {
            let extra: Vec<(String, String)> = url::form_urlencoded::parse(query.as_bytes())
                .map(|(k, v)| (k.into(), v.into()))
                .collect();
            url.query_pairs_mut().extend_pairs(extra);
        }
        url
    }

    /// Sends one authenticated request and decodes the JSON answer, mapping WordPress's errors.
    async fn call<T: DeserializeOwned>(
        &self,
        method: Method,
        route: &str,
        body: Option<serde_json::Value>,
    ) -> Result<T> {
        let url = self.endpoint(route);
        let mut request: RequestBuilder = self
            .http
            .request(method, url.clone())
            .basic_auth(&self.user, Some(&self.password));
        if let Some(body) = body {
            request = request.json(&body);
        }
        let response = request.send().await.map_err(|e| unreachable(&url, &e))?;
        let status = response.status();
        let bytes = response.bytes().await.map_err(|e| unreachable(&url, &e))?;
        if status.is_success() {
            return serde_json::from_slice(&bytes).map_err(|e| Error::BlogMalformedReply {
                url: url.to_string(),
                detail: e.to_string(),
            });
        }
        let wp: WpError = serde_json::from_slice(&bytes).unwrap_or_else(|_| WpError {
            code: String::new(),
            message: String::from_utf8_lossy(&bytes).chars().take(200).collect(),
        });
        Err(match status {
            StatusCode::UNAUTHORIZED | StatusCode::FORBIDDEN => Error::BlogRejectedCredentials {
                blog: host(&self.api),
                detail: if wp.message.is_empty() {
                    status.to_string()
                } else {
                    wp.message
                },
            },
            _ => Error::BlogHttp {
                url: url.to_string(),
                status: status.as_u16(),
                code: wp.code,
                message: wp.message,
            },
        })
    }
}

/// Finds the REST root in the `Link` header of the site's home page.
async fn discover(http: &Client, site: &str) -> Result<Url> {
    let home = Url::parse(site).map_err(|e| Error::BlogUnreachable {
        url: site.to_owned(),
        detail: e.to_string(),
    })?;
    let response = http
        .get(home.clone())
        .send()
        .await
        .map_err(|e| unreachable(&home, &e))?;
    response
        .headers()
        .get_all(reqwest::header::LINK)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .find_map(|link| {
            let (target, params) = link.trim().split_once(';')?;
            let is_api = params
                .split(';')
                .any(|p| p.trim().trim_start_matches("rel=").trim_matches('"') == API_REL);
            is_api
                .then(|| {
                    Url::parse(target.trim().trim_start_matches('<').trim_end_matches('>')).ok()
                })
                .flatten()
        })
        .ok_or(Error::BlogNotWordPress {
            url: home.to_string(),
        })
}

/// WordPress's "no such post" as the typed error; other errors pass through.
fn post_missing(id: &str, e: Error) -> Error {
    match e {
        Error::BlogHttp {
            status: 404,
            ref code,
            ..
        } if code == "rest_post_invalid_id" => Error::RemotePostNotFound { id: id.to_owned() },
        other => other,
    }
}

fn post_json(post: &OutgoingPost) -> serde_json::Value {
    let status = match post.status {
        RemoteStatus::Draft => "draft",
        RemoteStatus::Publish => "publish",
    };
    json!({ "title": post.title, "content": post.html, "status": status })
}

/// A post id as WordPress uses it: digits only, so it can go into a path safely.
fn path_id(id: &str) -> Result<&str> {
    if !id.is_empty() && id.bytes().all(|b| b.is_ascii_digit()) {
        Ok(id)
    } else {
        Err(Error::RemotePostNotFound { id: id.to_owned() })
    }
}

fn unreachable(url: &Url, e: &reqwest::Error) -> Error {
    // reqwest's Display hides the cause ("error sending request"); the source says what failed.
    let mut detail = e.to_string();
    let mut source = std::error::Error::source(e);
    while let Some(s) = source {
        detail = format!("{detail}: {s}");
        source = s.source();
    }
    Error::BlogUnreachable {
        url: url.to_string(),
        detail,
    }
}

fn host(url: &Url) -> String {
    url.host_str()
        .map(|h| match url.port() {
            Some(p) => format!("{h}:{p}"),
            None => h.to_owned(),
        })
        .unwrap_or_else(|| url.to_string())
}

#[derive(Deserialize)]
struct WpError {
    #[serde(default)]
    code: String,
    #[serde(default)]
    message: String,
}

#[derive(Deserialize)]
struct WpPost {
    id: u64,
    #[serde(default)]
    link: String,
    #[serde(default)]
    status: String,
    #[serde(default)]
    modified_gmt: String,
    title: WpText,
    content: WpText,
}

#[derive(Deserialize)]
struct WpText {
    /// Present with `context=edit` and in answers to writes.
    raw: Option<String>,
    #[serde(default)]
    rendered: String,
}

impl From<WpPost> for RemotePost {
    fn from(p: WpPost) -> Self {
        RemotePost {
            id: p.id.to_string(),
            url: p.link,
            title: p.title.raw.unwrap_or(p.title.rendered),
            html: p.content.raw.unwrap_or(p.content.rendered),
            status: p.status,
            modified: p.modified_gmt,
        }
    }
}
