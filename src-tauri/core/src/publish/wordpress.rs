//! WordPress through its REST API (`/wp/v2`), authenticated with an application password.

use std::collections::BTreeMap;
use std::sync::{Mutex, PoisonError};

use reqwest::{Client, Method, RequestBuilder, Url};
use serde::Deserialize;
use serde::de::DeserializeOwned;
use serde_json::{Value, json};

use super::http::{self, BACKOFF, Failure, Reply, Verdict, network_error, with_retries};
use super::{OutgoingPost, Publisher, RemoteMedia, RemotePost, RemoteStatus};
use crate::error::{Error, Result};
use crate::image::Image;
use crate::model::post::{PostState, parse_blog_time};

/// The `rel` of the REST API's root in a WordPress site's `Link` header.
const API_REL: &str = "https://api.w.org/";

/// Posts per page when listing (WordPress's maximum).
const PAGE_SIZE: u32 = 100;

/// The REST root found for each site (by its URL as the blog records it) in this process.
/// Finding it reads the site's home page, the slowest page a publish would ask for, and a
/// site's REST root does not move while Fumi runs; a checking [`WordPress::connect`] and an
/// answer that is not the REST API's look again.
static API_ROOTS: Mutex<BTreeMap<String, Url>> = Mutex::new(BTreeMap::new());

/// [`API_ROOTS`], locked (a panic while it was held left nothing half-written in it).
fn api_roots() -> std::sync::MutexGuard<'static, BTreeMap<String, Url>> {
    API_ROOTS.lock().unwrap_or_else(PoisonError::into_inner)
}

/// A connection to one WordPress site.
pub struct WordPress {
    http: Client,
    /// The site's URL as the blog records it (the key of its cached REST root).
    site: String,
    /// The REST root: `…/wp-json/`, or `…/?rest_route=/` on sites with plain permalinks.
    api: Url,
    user: String,
    password: String,
}

/// A request body.
enum Body<'a> {
    None,
    Json(Value),
    File(&'a Image),
}

impl WordPress {
    /// Finds the site's REST API from its home page and checks the credentials against it.
    /// The API must be on the site's own origin (or its https), and reached over https unless
    /// the site is on this computer: the password goes nowhere else.
    pub async fn connect(site: &str, user: &str, password: &str) -> Result<WordPress> {
        api_roots().remove(site);
        let wp = Self::open(site, user, password).await?;
        let _me: Value = wp.get("wp/v2/users/me").await?;
        Ok(wp)
    }

    /// Opens a connection to a blog added before, without a request of its own: the REST root
    /// is the one found last in this process (else found now, as [`WordPress::connect`] does),
    /// and the credentials are checked by the first call, as WordPress checks every call.
    pub async fn open(site: &str, user: &str, password: &str) -> Result<WordPress> {
        let (origin, http) = http::client(site)?;
        let known = api_roots().get(site).cloned();
        let api = match known {
            Some(api) => api,
            None => {
                let api = origin.confine(discover(&http, site).await?)?;
                api_roots().insert(site.to_owned(), api.clone());
                api
            }
        };
        Ok(WordPress {
            http,
            site: site.to_owned(),
            api,
            user: user.to_owned(),
            password: password.to_owned(),
        })
    }

    /// The REST root in use.
    pub fn api_root(&self) -> &Url {
        &self.api
    }

    /// Every post, asking for `per_page` at a time (all pages are read).
    pub async fn list_posts_by(&self, per_page: u32) -> Result<Vec<RemotePost>> {
        let mut posts = Vec::new();
        for page in 1.. {
            let batch: Vec<WpPost> = match self
                .get(&format!(
                    "wp/v2/posts?status=any&context=edit&_embed=wp:term&orderby=id&order=asc&per_page={per_page}&page={page}"
                ))
                .await
            {
                Ok(batch) => batch,
                // The previous page was full and the last.
                Err(Error::BlogHttp { code, .. }) if code == "rest_post_invalid_page_number" => break,
                Err(e) => return Err(e),
            };
            let last = batch.len() < per_page as usize;
            posts.extend(batch.into_iter().map(RemotePost::from));
            if last {
                break;
            }
        }
        Ok(posts)
    }

    /// The ids of the terms of a taxonomy (`categories`, `tags`) with these names, creating the
    /// missing ones.
    async fn term_ids(&self, taxonomy: &str, names: &[String]) -> Result<Vec<u64>> {
        let mut ids = Vec::with_capacity(names.len());
        for name in names {
            let found: Vec<WpTerm> = self
                .get(&format!(
                    "wp/v2/{taxonomy}?per_page=100&search={}",
                    encode(name)
                ))
                .await?;
            let exact = found
                .iter()
                .find(|t| unescape(&t.name) == *name)
                .or_else(|| {
                    found
                        .iter()
                        .find(|t| unescape(&t.name).to_lowercase() == name.to_lowercase())
                });
            let id = match exact {
                Some(term) => term.id,
                None => self.create_term(taxonomy, name).await?,
            };
            ids.push(id);
        }
        Ok(ids)
    }

    /// Creates a term; one that exists already (a race, or a name the search missed) is reused.
    async fn create_term(&self, taxonomy: &str, name: &str) -> Result<u64> {
        let created = self
            .call::<WpTerm>(
                Method::POST,
                &format!("wp/v2/{taxonomy}"),
                Body::Json(json!({ "name": name })),
            )
            .await;
        match created {
            Ok(term) => Ok(term.id),
            Err(Error::BlogHttp {
                ref code, ref data, ..
            }) if code == "term_exists" => {
                data.get("term_id").and_then(Value::as_u64).ok_or_else(|| {
                    Error::BlogMalformedReply {
                        url: self.endpoint(&format!("wp/v2/{taxonomy}")).to_string(),
                        detail: "term_exists without a term_id".into(),
                    }
                })
            }
            Err(e) => Err(e),
        }
    }

    /// The JSON WordPress takes for a post, names resolved to ids.
    async fn post_json(&self, post: &OutgoingPost) -> Result<(Value, Vec<u64>, Vec<u64>)> {
        let categories = self.term_ids("categories", &post.categories).await?;
        let tags = self.term_ids("tags", &post.tags).await?;
        let mut body = json!({
            "title": post.title,
            "content": post.html,
            "status": match (post.status, post.is_scheduled()) {
                (RemoteStatus::Draft, _) => "draft",
                (RemoteStatus::Publish, true) => "future",
                (RemoteStatus::Publish, false) => "publish",
            },
            "excerpt": post.excerpt.clone().unwrap_or_default(),
            "tags": tags,
            "featured_media": post.featured_media.as_ref().and_then(|m| m.id.parse::<u64>().ok()).unwrap_or(0),
        });
        // No categories means the blog's default one, as on WordPress's own editor.
        if !categories.is_empty() {
            body["categories"] = json!(categories);
        }
        if let Some(slug) = &post.slug {
            body["slug"] = json!(slug);
        }
        if let Some(date) = post.date {
            body["date_gmt"] = json!(date.strftime("%Y-%m-%dT%H:%M:%S").to_string());
        }
        Ok((body, categories, tags))
    }

    /// Checks that the saved post kept the terms sent (WordPress drops unknown ids silently).
    fn saved(saved: WpPost, post: &OutgoingPost, categories: &[u64], tags: &[u64]) -> RemotePost {
        let mut dropped = Vec::new();
        for (names, ids, kept) in [
            (&post.categories, categories, &saved.categories),
            (&post.tags, tags, &saved.tags),
        ] {
            for (name, id) in names.iter().zip(ids) {
                if !kept.contains(id) {
                    dropped.push(name.clone());
                }
            }
        }
        let mut remote = RemotePost::from(saved);
        remote.dropped_terms = dropped;
        remote
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

    async fn get<T: DeserializeOwned>(&self, route: &str) -> Result<T> {
        self.call(Method::GET, route, Body::None).await
    }

    /// Sends a request, retrying with backoff what is worth retrying (unreachable, 5xx, 429).
    /// Only for requests that leave the same state when sent twice: creates go through
    /// [`Publisher::create_post`], which looks for the post before sending again.
    async fn call<T: DeserializeOwned>(
        &self,
        method: Method,
        route: &str,
        body: Body<'_>,
    ) -> Result<T> {
        with_retries(true, || self.attempt(method.clone(), route, &body)).await
    }

    /// Sends one authenticated request and decodes the JSON answer, mapping WordPress's errors.
    async fn attempt<T: DeserializeOwned>(
        &self,
        method: Method,
        route: &str,
        body: &Body<'_>,
    ) -> std::result::Result<T, Failure> {
        let url = self.endpoint(route);
        let mut request: RequestBuilder = self
            .http
            .request(method, url.clone())
            .basic_auth(&self.user, Some(&self.password));
        match body {
            Body::None => {}
            Body::Json(value) => request = request.json(value),
            Body::File(image) => {
                request = request
                    .header(reqwest::header::CONTENT_TYPE, &image.mime)
                    .header(
                        reqwest::header::CONTENT_DISPOSITION,
                        content_disposition(&image.file_name),
                    )
                    .body(image.bytes.clone())
            }
        }
        let reply = Reply::send(request, &url).await?;
        if let Verdict::Success = reply.verdict() {
            return serde_json::from_slice(&reply.body)
                .map_err(|e| Failure::malformed(&url, e.to_string()));
        }
        let wp: WpError = serde_json::from_slice(&reply.body).unwrap_or_else(|_| WpError {
            code: String::new(),
            message: reply.excerpt(),
            data: Value::Null,
        });
        if reply.status == reqwest::StatusCode::NOT_FOUND && wp.code.is_empty() {
            // Not the REST API answering: the next connection finds the root again.
            api_roots().remove(&self.site);
        }
        Err(reply.failure(Error::BlogHttp {
            url: url.to_string(),
            status: reply.status.as_u16(),
            code: wp.code,
            message: wp.message,
            data: wp.data,
        }))
    }
}

impl Publisher for WordPress {
    async fn create_post(&self, post: &OutgoingPost, since: jiff::Timestamp) -> Result<RemotePost> {
        let (body, categories, tags) = self.post_json(post).await?;
        let mut waits = BACKOFF.iter();
        loop {
            let failure = match self
                .attempt::<WpPost>(Method::POST, "wp/v2/posts", &Body::Json(body.clone()))
                .await
            {
                Ok(saved) => return Ok(Self::saved(saved, post, &categories, &tags)),
                Err(failure) => failure,
            };
            let Some((at_least, &wait)) = failure.retry_after.zip(waits.next()) else {
                return Err(failure.error);
            };
            tokio::time::sleep(wait.max(at_least)).await;
            // The post may exist although its answer was lost: never send it a second time.
            if failure.maybe_applied
                && let Some(found) = self.find_created(post, since).await?
            {
                return Ok(found);
            }
        }
    }

    async fn update_post(&self, id: &str, post: &OutgoingPost) -> Result<RemotePost> {
        let (body, categories, tags) = self.post_json(post).await?;
        let saved: WpPost = self
            .call(
                Method::POST,
                &format!("wp/v2/posts/{}", path_id(id)?),
                Body::Json(body),
            )
            .await
            .map_err(|e| post_missing(id, e))?;
        Ok(Self::saved(saved, post, &categories, &tags))
    }

    async fn fetch_post(&self, id: &str) -> Result<RemotePost> {
        self.get::<WpPost>(&format!(
            "wp/v2/posts/{}?context=edit&_embed=wp:term",
            path_id(id)?
        ))
        .await
        .map_err(|e| post_missing(id, e))
        .and_then(|p| {
            // A post deleted on the web usually waits in the blog's trash: it is gone for us.
            if p.status == "trash" {
                Err(Error::RemotePostNotFound { id: id.to_owned() })
            } else {
                Ok(RemotePost::from(p))
            }
        })
    }

    async fn set_status(&self, id: &str, status: RemoteStatus) -> Result<RemotePost> {
        let status = status.as_str();
        self.call::<WpPost>(
            Method::POST,
            &format!("wp/v2/posts/{}", path_id(id)?),
            Body::Json(json!({ "status": status })),
        )
        .await
        .map(RemotePost::from)
        .map_err(|e| post_missing(id, e))
    }

    async fn delete_post(&self, id: &str) -> Result<()> {
        self.call::<Value>(
            Method::DELETE,
            &format!("wp/v2/posts/{}", path_id(id)?),
            Body::None,
        )
        .await
        .map(|_| ())
        .map_err(|e| post_missing(id, e))
    }

    async fn upload_media(&self, image: &Image) -> Result<RemoteMedia> {
        // A repeated upload after a lost answer costs a duplicate file in the library, never a
        // wrong post: the media table then records one of the two.
        let media: WpMedia = self
            .call(Method::POST, "wp/v2/media", Body::File(image))
            .await?;
        Ok(RemoteMedia {
            id: media.id.to_string(),
            url: media.source_url,
        })
    }

    async fn find_created(
        &self,
        post: &OutgoingPost,
        since: jiff::Timestamp,
    ) -> Result<Option<RemotePost>> {
        let candidates: Vec<WpPost> = self
            .get(&format!(
                "wp/v2/posts?status=any&context=edit&_embed=wp:term&orderby=id&order=desc&per_page=20&search={}",
                encode(&post.title)
            ))
            .await?;
        Ok(candidates.into_iter().map(RemotePost::from).find(|p| {
            // WordPress's modified_gmt has no zone designator.
            post.made(p, p.modified, since)
        }))
    }

    async fn categories(&self) -> Result<Vec<String>> {
        let terms: Vec<WpTerm> = self
            .get(&format!(
                "wp/v2/categories?per_page={PAGE_SIZE}&orderby=count&order=desc"
            ))
            .await?;
        Ok(terms.iter().map(|t| unescape(&t.name)).collect())
    }

    async fn list_posts(&self) -> Result<Vec<RemotePost>> {
        self.list_posts_by(PAGE_SIZE).await
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
        .map_err(|e| network_error(home.as_str(), &e))?;
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
        // Deleting a post already in the blog's trash.
        Error::BlogHttp { status: 410, .. } => Error::RemotePostNotFound { id: id.to_owned() },
        other => other,
    }
}

/// `attachment; filename*=UTF-8''…`: RFC 6266, so Japanese file names survive.
fn content_disposition(file_name: &str) -> String {
    let ascii: String = file_name
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || ".-_".contains(c) {
                c
            } else {
                '_'
            }
        })
        .collect();
    let encoded: String = url::form_urlencoded::byte_serialize(file_name.as_bytes())
        .collect::<String>()
        .replace('+', "%20");
    format!("attachment; filename=\"{ascii}\"; filename*=UTF-8''{encoded}")
}

/// A query-string value, percent-encoded.
fn encode(value: &str) -> String {
    url::form_urlencoded::byte_serialize(value.as_bytes()).collect()
}

/// Term names come back HTML-escaped (`A &amp; B`).
fn unescape(name: &str) -> String {
    name.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#039;", "'")
        .replace("&amp;", "&")
}

/// A post id as WordPress uses it: digits only, so it can go into a path safely.
fn path_id(id: &str) -> Result<&str> {
    if !id.is_empty() && id.bytes().all(|b| b.is_ascii_digit()) {
        Ok(id)
    } else {
        Err(Error::RemotePostNotFound { id: id.to_owned() })
    }
}

#[derive(Deserialize)]
struct WpError {
    #[serde(default)]
    code: String,
    #[serde(default)]
    message: String,
    #[serde(default)]
    data: Value,
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
    #[serde(default)]
    slug: String,
    title: WpText,
    content: WpText,
    #[serde(default)]
    excerpt: Option<WpText>,
    #[serde(default)]
    categories: Vec<u64>,
    #[serde(default)]
    tags: Vec<u64>,
    #[serde(default, rename = "_embedded")]
    embedded: Option<WpEmbedded>,
}

#[derive(Deserialize)]
struct WpText {
    /// Present with `context=edit` and in answers to writes.
    raw: Option<String>,
    #[serde(default)]
    rendered: String,
}

#[derive(Deserialize)]
struct WpEmbedded {
    /// One list per taxonomy.
    #[serde(default, rename = "wp:term")]
    terms: Vec<Vec<WpTerm>>,
}

#[derive(Deserialize)]
struct WpTerm {
    id: u64,
    #[serde(default)]
    name: String,
    #[serde(default)]
    taxonomy: String,
}

#[derive(Deserialize)]
struct WpMedia {
    id: u64,
    source_url: String,
}

/// Decodes one post as the REST API answers it (the entry point the fuzzer drives).
pub fn parse_post(json: &[u8]) -> std::result::Result<RemotePost, serde_json::Error> {
    serde_json::from_slice::<WpPost>(json).map(RemotePost::from)
}

impl From<WpPost> for RemotePost {
    fn from(p: WpPost) -> Self {
        let terms: Vec<WpTerm> = p
            .embedded
            .map(|e| e.terms.into_iter().flatten().collect())
            .unwrap_or_default();
        let names = |taxonomy: &str| -> Vec<String> {
            terms
                .iter()
                .filter(|t| t.taxonomy == taxonomy)
                .map(|t| unescape(&t.name))
                .collect()
        };
        RemotePost {
            id: p.id.to_string(),
            url: p.link,
            title: p.title.raw.unwrap_or(p.title.rendered),
            rendered: Some(p.content.rendered.clone()),
            html: p.content.raw.unwrap_or(p.content.rendered),
            status: PostState::from_word(&p.status),
            modified: parse_blog_time(&p.modified_gmt),
            slug: p.slug,
            excerpt: p
                .excerpt
                .map(|e| e.raw.unwrap_or(e.rendered))
                .unwrap_or_default(),
            categories: names("category"),
            tags: names("post_tag"),
            dropped_terms: Vec::new(),
        }
    }
}
