//! MetaWeblog (with the Blogger and Movable Type extensions) over XML-RPC: WordPress's
//! `/xmlrpc.php`, Movable Type and the many older hosts that speak it.

use reqwest::{Client, Url};

use super::http::{self, Failure, Reply, Verdict, with_retries};
use super::xmlrpc::{self, Response, Value};
use super::{OutgoingPost, Publisher, RemoteMedia, RemotePost, RemoteStatus};
use crate::error::{Error, Result};
use crate::image::Image;
use crate::model::post::{PostState, parse_blog_time};

/// How many recent posts are asked for when listing (MetaWeblog has no pages).
const LIST_LIMIT: i64 = 1000;

/// A connection to one MetaWeblog endpoint, credentials checked.
pub struct MetaWeblog {
    http: Client,
    endpoint: Url,
    blog_id: String,
    user: String,
    password: String,
}

impl MetaWeblog {
    /// Finds the endpoint (the site's RSD, or `…/xmlrpc.php`) and checks the credentials. The
    /// endpoint must be on the site's own origin (or its https), and reached over https unless
    /// the site is on this computer: the password, sent in every call's body, goes nowhere else.
    pub async fn connect(site: &str, user: &str, password: &str) -> Result<MetaWeblog> {
        let (origin, http) = http::client(site)?;
        let site_url = Url::parse(site).map_err(|e| Error::BlogUnreachable {
            url: site.to_owned(),
            detail: e.to_string(),
        })?;
        let (endpoint, rsd_blog_id) = discover(&http, &site_url).await;
        let endpoint = origin.confine(endpoint)?;
        let mut mw = MetaWeblog {
            http,
            endpoint,
            blog_id: rsd_blog_id.unwrap_or_default(),
            user: user.to_owned(),
            password: password.to_owned(),
        };
        let blogs = mw
            .call(
                "blogger.getUsersBlogs",
                vec![s(""), s(user), s(password)],
                true,
            )
            .await?;
        if mw.blog_id.is_empty() {
            mw.blog_id = match &blogs {
                Value::Array(items) => items.first().map(|b| b.text_of("blogid")),
                _ => None,
            }
            .unwrap_or_else(|| "1".into());
        }
        Ok(mw)
    }

    /// The XML-RPC endpoint in use.
    pub fn endpoint(&self) -> &Url {
        &self.endpoint
    }

    /// The post struct MetaWeblog takes (`description` is the HTML body).
    fn post_struct(&self, post: &OutgoingPost, categories: Vec<String>) -> Value {
        let mut members = vec![
            ("title", s(&post.title)),
            ("description", s(&post.html)),
            (
                "categories",
                Value::Array(categories.iter().map(|c| s(c)).collect()),
            ),
            ("mt_keywords", s(&post.tags.join(","))),
            ("mt_excerpt", s(post.excerpt.as_deref().unwrap_or(""))),
            ("post_status", s(post.status.as_str())),
        ];
        if let Some(slug) = &post.slug {
            members.push(("wp_slug", s(slug)));
        }
        if let Some(date) = post.date {
            let iso = date.strftime("%Y%m%dT%H:%M:%SZ").to_string();
            members.push(("dateCreated", Value::DateTime(iso.clone())));
            members.push(("date_created_gmt", Value::DateTime(iso)));
        }
        if let Some(media) = &post.featured_media {
            members.push(("wp_post_thumbnail", s(&media.id)));
        }
        Value::Struct(
            members
                .into_iter()
                .map(|(k, v)| (k.to_owned(), v))
                .collect(),
        )
    }

    /// The category names to send: existing ones as the blog spells them, missing ones created
    /// (through WordPress's `wp.newCategory`; other hosts keep only categories they have).
    async fn category_names(&self, names: &[String]) -> Result<Vec<String>> {
        if names.is_empty() {
            return Ok(Vec::new());
        }
        let known = self.known_categories().await?;
        let mut chosen = Vec::with_capacity(names.len());
        for name in names {
            if let Some(k) = known
                .iter()
                .find(|k| k.to_lowercase() == name.to_lowercase())
            {
                chosen.push(k.clone());
                continue;
            }
            // A host without wp.newCategory answers a fault: the name is sent anyway and the
            // check after saving reports it as dropped.
            let _ = self
                .call(
                    "wp.newCategory",
                    vec![
                        s(&self.blog_id),
                        s(&self.user),
                        s(&self.password),
                        Value::structure([("name", s(name))]),
                    ],
                    true,
                )
                .await;
            chosen.push(name.clone());
        }
        Ok(chosen)
    }

    /// The blog's categories, from `metaWeblog.getCategories`.
    async fn known_categories(&self) -> Result<Vec<String>> {
        let known = self
            .call(
                "metaWeblog.getCategories",
                vec![s(&self.blog_id), s(&self.user), s(&self.password)],
                true,
            )
            .await?;
        Ok(match known {
            Value::Array(items) => items
                .iter()
                .map(|c| {
                    let name = c.text_of("categoryName");
                    if name.is_empty() {
                        c.text_of("title")
                    } else {
                        name
                    }
                })
                .collect(),
            _ => Vec::new(),
        })
    }

    /// Reads the post back and notes the categories and tags it did not keep.
    async fn saved(&self, id: &str, post: &OutgoingPost) -> Result<RemotePost> {
        let mut remote = self.fetch_post(id).await?;
        let lower = |v: &[String]| v.iter().map(|x| x.to_lowercase()).collect::<Vec<_>>();
        let (cats, tags) = (lower(&remote.categories), lower(&remote.tags));
        remote.dropped_terms = post
            .categories
            .iter()
            .filter(|c| !cats.contains(&c.to_lowercase()))
            .chain(
                post.tags
                    .iter()
                    .filter(|t| !tags.contains(&t.to_lowercase())),
            )
            .cloned()
            .collect();
        Ok(remote)
    }

    /// Calls a method, retrying (with backoff) what may be retried.
    async fn call(&self, method: &str, params: Vec<Value>, idempotent: bool) -> Result<Value> {
        let body = xmlrpc::method_call(method, &params);
        with_retries(idempotent, || self.attempt(&body)).await
    }

    async fn attempt(&self, body: &str) -> std::result::Result<Value, Failure> {
        let url = self.endpoint.to_string();
        let request = self
            .http
            .post(self.endpoint.clone())
            .header(reqwest::header::CONTENT_TYPE, "text/xml; charset=utf-8")
            .body(body.to_owned());
        let reply = Reply::send(request, &self.endpoint).await?;
        if !matches!(reply.verdict(), Verdict::Success) {
            return Err(reply.failure(reply.plain_error()));
        }
        let text = reply.text();
        match xmlrpc::parse_response(&text) {
            Ok(Response::Value(v)) => Ok(v),
            Ok(Response::Fault { code, message }) => Err(Failure {
                error: match code {
                    403 => Error::BlogRejectedCredentials {
                        blog: self.endpoint.host_str().unwrap_or_default().to_owned(),
                        detail: message,
                    },
                    _ => Error::BlogFault { url, code, message },
                },
                retry_after: None,
                maybe_applied: false,
            }),
            Err(detail) => Err(Failure {
                error: Error::BlogMalformedReply { url, detail },
                retry_after: None,
                maybe_applied: true,
            }),
        }
    }

    /// A post's struct as the blog answers `metaWeblog.getPost`.
    async fn get_post(&self, id: &str) -> Result<Value> {
        self.call(
            "metaWeblog.getPost",
            vec![s(id), s(&self.user), s(&self.password)],
            true,
        )
        .await
        .map_err(|e| post_missing(id, e))
    }

    async fn recent_posts(&self, limit: i64) -> Result<Vec<RemotePost>> {
        let posts = self
            .call(
                "metaWeblog.getRecentPosts",
                vec![
                    s(&self.blog_id),
                    s(&self.user),
                    s(&self.password),
                    Value::Int(limit),
                ],
                true,
            )
            .await?;
        Ok(match posts {
            Value::Array(items) => items.iter().map(remote_post).collect(),
            _ => Vec::new(),
        })
    }
}

impl Publisher for MetaWeblog {
    async fn create_post(&self, post: &OutgoingPost, since: jiff::Timestamp) -> Result<RemotePost> {
        let categories = self.category_names(&post.categories).await?;
        let params = vec![
            s(&self.blog_id),
            s(&self.user),
            s(&self.password),
            self.post_struct(post, categories),
            Value::Bool(post.status == RemoteStatus::Publish),
        ];
        let id = match self.call("metaWeblog.newPost", params, false).await {
            Ok(id) => id.text().unwrap_or_default(),
            Err(e) => {
                // The answer may have been lost after the post was made: look before failing.
                if let Some(found) = self.find_created(post, since).await.ok().flatten() {
                    return Ok(found);
                }
                return Err(e);
            }
        };
        self.saved(&id, post).await
    }

    async fn update_post(&self, id: &str, post: &OutgoingPost) -> Result<RemotePost> {
        let categories = self.category_names(&post.categories).await?;
        let mut fields = self.post_struct(post, categories);
        // WordPress refuses (404 "Invalid attachment ID.") to set the featured image the post
        // already has, and then saves nothing: send it only when it changes.
        if let (Some(media), Value::Struct(members)) = (&post.featured_media, &mut fields) {
            let current = self.get_post(id).await?;
            if current.text_of("wp_post_thumbnail") == media.id {
                members.remove("wp_post_thumbnail");
            }
        }
        self.call(
            "metaWeblog.editPost",
            vec![
                s(id),
                s(&self.user),
                s(&self.password),
                fields,
                Value::Bool(post.status == RemoteStatus::Publish),
            ],
            true,
        )
        .await
        .map_err(|e| post_missing(id, e))?;
        self.saved(id, post).await
    }

    async fn fetch_post(&self, id: &str) -> Result<RemotePost> {
        let post = remote_post(&self.get_post(id).await?);
        if post.status == PostState::Trash {
            return Err(Error::RemotePostNotFound { id: id.to_owned() });
        }
        Ok(post)
    }

    async fn set_status(&self, id: &str, status: RemoteStatus) -> Result<RemotePost> {
        // editPost replaces the whole post: send it back as it is, with the new status.
        let current = self.fetch_post(id).await?;
        let post = OutgoingPost {
            title: current.title,
            html: current.html,
            status,
            slug: Some(current.slug).filter(|s| !s.is_empty()),
            excerpt: Some(current.excerpt),
            categories: current.categories,
            tags: current.tags,
            ..OutgoingPost::default()
        };
        self.update_post(id, &post).await
    }

    async fn delete_post(&self, id: &str) -> Result<()> {
        self.call(
            "blogger.deletePost",
            vec![
                s(""),
                s(id),
                s(&self.user),
                s(&self.password),
                Value::Bool(true),
            ],
            true,
        )
        .await
        .map(|_| ())
        .map_err(|e| post_missing(id, e))
    }

    async fn upload_media(&self, image: &Image) -> Result<RemoteMedia> {
        let file = Value::structure([
            ("name", s(&image.file_name)),
            ("type", s(&image.mime)),
            ("bits", Value::Base64(image.bytes.clone())),
        ]);
        let answer = self
            .call(
                "metaWeblog.newMediaObject",
                vec![s(&self.blog_id), s(&self.user), s(&self.password), file],
                true,
            )
            .await?;
        let url = answer.text_of("url");
        if url.is_empty() {
            return Err(Error::BlogMalformedReply {
                url: self.endpoint.to_string(),
                detail: "newMediaObject answered without a url".into(),
            });
        }
        Ok(RemoteMedia {
            // WordPress answers the attachment's id; other hosts only a URL.
            id: Some(answer.text_of("id"))
                .filter(|i| !i.is_empty())
                .unwrap_or_else(|| url.clone()),
            url,
        })
    }

    async fn find_created(
        &self,
        post: &OutgoingPost,
        since: jiff::Timestamp,
    ) -> Result<Option<RemotePost>> {
        Ok(self
            .recent_posts(20)
            .await?
            .into_iter()
            .find(|p| post.made(p, p.modified, since)))
    }

    async fn categories(&self) -> Result<Vec<String>> {
        self.known_categories().await
    }

    async fn list_posts(&self) -> Result<Vec<RemotePost>> {
        self.recent_posts(LIST_LIMIT).await
    }
}

/// The endpoint and blog id from the site's RSD document; `…/xmlrpc.php` when there is none.
async fn discover(http: &Client, site: &Url) -> (Url, Option<String>) {
    let fallback = || {
        if site.path().ends_with(".php") {
            site.clone()
        } else {
            site.join("xmlrpc.php").unwrap_or_else(|_| site.clone())
        }
    };
    let Some(html) = fetch_text(http, site.clone()).await else {
        return (fallback(), None);
    };
    let Some(rsd) = edit_uri(&html).and_then(|href| site.join(&href).ok()) else {
        return (fallback(), None);
    };
    let Some(rsd) = fetch_text(http, rsd).await else {
        return (fallback(), None);
    };
    match metaweblog_api(&rsd) {
        Some((link, blog_id)) => (site.join(&link).unwrap_or_else(|_| fallback()), blog_id),
        None => (fallback(), None),
    }
}

/// A page's text for discovery (no credentials are sent); `None` when it cannot be read.
async fn fetch_text(http: &Client, url: Url) -> Option<String> {
    let reply = Reply::send(http.get(url.clone()), &url).await.ok()?;
    Some(reply.text())
}

/// The `href` of `<link rel="EditURI" …>` in a home page.
fn edit_uri(html: &str) -> Option<String> {
    html.split("<link").skip(1).find_map(|tag| {
        let tag = &tag[..tag.find('>')?];
        if !tag.contains("EditURI") {
            return None;
        }
        let href = tag.split("href=").nth(1)?;
        let quote = href.chars().next()?;
        let rest = &href[1..];
        Some(rest[..rest.find(quote)?].replace("&amp;", "&"))
    })
}

/// `apiLink` and `blogID` of the MetaWeblog API in an RSD document.
fn metaweblog_api(rsd: &str) -> Option<(String, Option<String>)> {
    let mut reader = quick_xml::Reader::from_str(rsd);
    loop {
        match reader.read_event().ok()? {
            quick_xml::events::Event::Empty(e) | quick_xml::events::Event::Start(e)
                if e.name().as_ref() == b"api" =>
            {
                let attr = |name: &[u8]| {
                    e.attributes()
                        .flatten()
                        .find(|a| a.key.as_ref() == name)
                        .and_then(|a| a.unescape_value().ok().map(|v| v.into_owned()))
                };
                if attr(b"name").as_deref() == Some("MetaWeblog") {
                    return Some((attr(b"apiLink")?, attr(b"blogID")));
                }
            }
            quick_xml::events::Event::Eof => return None,
            _ => {}
        }
    }
}

/// A post struct (from getPost or getRecentPosts) as a [`RemotePost`].
fn remote_post(v: &Value) -> RemotePost {
    let more = v.text_of("mt_text_more");
    let mut html = v.text_of("description");
    if !more.is_empty() {
        html = format!("{html}<!--more-->{more}");
    }
    let categories = match v.get("categories") {
        Some(Value::Array(items)) => items.iter().filter_map(Value::text).collect(),
        _ => Vec::new(),
    };
    let tags = v
        .text_of("mt_keywords")
        .split(',')
        .map(|t| t.trim().to_owned())
        .filter(|t| !t.is_empty())
        .collect();
    let link = v.text_of("permaLink");
    let mut status = v.text_of("post_status");
    // WordPress reports a scheduled post as `publish` over XML-RPC; its date tells.
    let scheduled =
        parse_blog_time(&v.text_of("date_created_gmt")).is_some_and(|d| d > jiff::Timestamp::now());
    if status == "publish" && scheduled {
        status = "future".into();
    }
    RemotePost {
        id: v.text_of("postid"),
        url: if link.is_empty() {
            v.text_of("link")
        } else {
            link
        },
        title: v.text_of("title"),
        html,
        // XML-RPC answers with the stored HTML only.
        rendered: None,
        status: PostState::from_word(&status),
        modified: parse_blog_time(&v.text_of("date_modified_gmt")),
        slug: v.text_of("wp_slug"),
        excerpt: v.text_of("mt_excerpt"),
        categories,
        tags,
        dropped_terms: Vec::new(),
    }
}

/// "No such post" faults as the typed error (a 404 about anything else, e.g. an attachment,
/// stays what it is).
fn post_missing(id: &str, e: Error) -> Error {
    match e {
        Error::BlogFault {
            code: 404,
            ref message,
            ..
        } if !message.to_lowercase().contains("attachment") => {
            Error::RemotePostNotFound { id: id.to_owned() }
        }
        other => other,
    }
}

fn s(text: &str) -> Value {
    Value::String(text.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_the_endpoint_in_a_home_page_and_its_rsd() {
        let html = r#"<head><link rel="EditURI" type="application/rsd+xml" title="RSD" href="https://e.com/xmlrpc.php?rsd&amp;x=1" /></head>"#;
        assert_eq!(
            edit_uri(html).as_deref(),
            Some("https://e.com/xmlrpc.php?rsd&x=1")
        );
        let rsd = r#"<?xml version="1.0"?><rsd version="1.0"><service><apis>
            <api name="WordPress" blogID="1" preferred="true" apiLink="https://e.com/xmlrpc.php" />
            <api name="MetaWeblog" blogID="7" preferred="false" apiLink="https://e.com/xmlrpc.php" />
            </apis></service></rsd>"#;
        assert_eq!(
            metaweblog_api(rsd),
            Some(("https://e.com/xmlrpc.php".into(), Some("7".into())))
        );
        assert_eq!(
            parse_blog_time("20261128T15:40:00").map(|t| t.to_string()),
            Some("2026-11-28T15:40:00Z".into())
        );
    }
}
