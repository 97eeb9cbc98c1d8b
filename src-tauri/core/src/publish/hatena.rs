//! Hatena Blog through its AtomPub API (developer.hatena.ne.jp/ja/documents/blog/apis/atom),
//! images through Hatena Fotolife's Atom API, both authenticated with WSSE.
//!
//! The blog's account is its AtomPub root (`https://blog.hatena.ne.jp/{id}/{blog}/atom`), the
//! Hatena ID and the API key. A post's remote id is its member (edit) URI, never its public URL:
//! drafts get a new public URL on every request.

use base64::Engine;
use base64::engine::general_purpose::STANDARD as BASE64;
use quick_xml::escape::escape;
use reqwest::{Client, Method, StatusCode, Url};

use sha1::{Digest, Sha1};

use super::atom::{self, Element};
use super::http::{self, Failure, Reply, Verdict, with_retries};
use super::origin::BlogOrigin;
use super::{OutgoingPost, Publisher, RemoteMedia, RemotePost, RemoteStatus};
use crate::error::{Error, Result};
use crate::image::Image;
use crate::model::blog::BlogAuth;
use crate::model::post::{PostState, parse_blog_time};

/// The syntax a Hatena blog is written in (its editing mode; a PUT keeps an entry's syntax).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Syntax {
    Markdown,
    /// 見たまま (WYSIWYG) and HTML modes: Fumi sends its rendered HTML.
    Html,
    /// はてな記法: Fumi cannot write it.
    HatenaNotation,
}

/// A connection to one Hatena blog, credentials checked.
pub struct Hatena {
    http: Client,
    /// Where the credentials may go: the AtomPub root's origin.
    origin: BlogOrigin,
    /// The AtomPub root, ending in `/atom`.
    root: Url,
    user: String,
    api_key: String,
    fotolife: Url,
    syntax: Syntax,
    auth: BlogAuth,
}

impl Hatena {
    /// Reads the service document to check the credentials, then the blog's syntax from its
    /// newest entry (a blog without entries is taken to be in Markdown mode).
    pub async fn connect(root: &str, user: &str, api_key: &str, auth: BlogAuth) -> Result<Hatena> {
        // WSSE's digest, and Basic's key itself, never cross a network in clear text.
        let (origin, http) = http::client(root)?;
        let root = Url::parse(root.trim_end_matches('/')).map_err(|e| Error::BlogUnreachable {
            url: root.to_owned(),
            detail: e.to_string(),
        })?;
        let mut hatena = Hatena {
            auth,
            origin,
            fotolife: fotolife_endpoint(&root),
            http,
            root,
            user: user.to_owned(),
            api_key: api_key.to_owned(),
            syntax: Syntax::Markdown,
        };
        hatena.get_xml(hatena.root.clone(), "service").await?;
        let feed = hatena.get_xml(hatena.collection(), "feed").await?;
        if let Some(kind) = feed
            .children("entry")
            .next()
            .and_then(|e| e.child("content"))
            .and_then(|c| c.attr("type"))
        {
            hatena.syntax = match kind {
                "text/x-markdown" => Syntax::Markdown,
                "text/x-hatena-syntax" => Syntax::HatenaNotation,
                _ => Syntax::Html,
            };
        }
        Ok(hatena)
    }

    /// The blog's syntax as detected.
    pub fn syntax(&self) -> Syntax {
        self.syntax
    }

    /// Every entry, following `rel="next"` until the last page.
    pub async fn entries(&self) -> Result<Vec<RemotePost>> {
        let mut posts = Vec::new();
        let mut page = Some(self.collection());
        while let Some(url) = page {
            let feed = self.get_xml(url, "feed").await?;
            posts.extend(feed.children("entry").map(remote_post));
            // A next page elsewhere would receive the credentials: refused, naming both hosts.
            page = match feed
                .link("next")
                .and_then(|href| self.root.join(&href).ok())
            {
                Some(next) => Some(self.origin.confine(next)?),
                None => None,
            };
        }
        Ok(posts)
    }

    fn collection(&self) -> Url {
        Url::parse(&format!("{}/entry", self.root)).unwrap_or_else(|_| self.root.clone())
    }

    /// A member URI of this blog, refused otherwise: the credentials go nowhere else.
    fn member(&self, id: &str) -> Result<Url> {
        let prefix = format!("{}/entry/", self.root);
        match id.strip_prefix(&prefix) {
            Some(rest) if !rest.is_empty() && !rest.contains(['/', '?', '#']) => {
                Url::parse(id).map_err(|_| Error::RemotePostNotFound { id: id.to_owned() })
            }
            _ => Err(Error::RemotePostNotFound { id: id.to_owned() }),
        }
    }

    /// The entry document Hatena takes; `app:draft` is always explicit (a PUT without it
    /// publishes a draft).
    fn entry_xml(&self, post: &OutgoingPost) -> Result<String> {
        let (content_type, content) = match self.syntax {
            Syntax::Markdown => ("text/x-markdown", &post.markdown),
            Syntax::Html => ("text/html", &post.html),
            Syntax::HatenaNotation => return Err(Error::HatenaNotationMode),
        };
        let scheduled = post.is_scheduled();
        let draft = post.status == RemoteStatus::Draft || scheduled;
        let mut xml = String::from(
            "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<entry xmlns=\"http://www.w3.org/2005/Atom\" \
             xmlns:app=\"http://www.w3.org/2007/app\" \
             xmlns:hatenablog=\"http://www.hatena.ne.jp/info/xmlns#hatenablog\">\n",
        );
        xml.push_str(&format!("<title>{}</title>\n", escape(&post.title)));
        xml.push_str(&format!(
            "<author><name>{}</name></author>\n",
            escape(&self.user)
        ));
        xml.push_str(&format!(
            "<content type=\"{content_type}\">{}</content>\n",
            escape(content.as_str())
        ));
        if let Some(date) = post.date {
            xml.push_str(&format!(
                "<updated>{}</updated>\n",
                date.strftime("%Y-%m-%dT%H:%M:%S+00:00")
            ));
        }
        if let Some(summary) = &post.excerpt {
            xml.push_str(&format!("<summary>{}</summary>\n", escape(summary)));
        }
        for term in post.categories.iter().chain(&post.tags) {
            xml.push_str(&format!("<category term=\"{}\" />\n", escape(term)));
        }
        xml.push_str(&format!(
            "<app:control><app:draft>{}</app:draft><app:preview>{}</app:preview>{}</app:control>\n",
            yes_no(draft),
            yes_no(draft),
            if scheduled {
                "<hatenablog:scheduled>yes</hatenablog:scheduled>"
            } else {
                ""
            }
        ));
        if let Some(slug) = &post.slug {
            xml.push_str(&format!(
                "<hatenablog:custom-url>{}</hatenablog:custom-url>\n",
                escape(slug)
            ));
        }
        xml.push_str("</entry>\n");
        Ok(xml)
    }

    /// Reads a document whose root must be `root`: any other well-formed XML (a proxy's XHTML
    /// error page) is a reply Fumi cannot read, never an empty feed or an entry without an id.
    async fn get_xml(&self, url: Url, root: &str) -> Result<Element> {
        let (_, text) = self.request(Method::GET, url.clone(), None, true).await?;
        let doc = atom::parse(&text).map_err(|detail| Error::BlogMalformedReply {
            url: url.to_string(),
            detail,
        })?;
        if doc.name != root {
            return Err(Error::BlogMalformedReply {
                url: url.to_string(),
                detail: format!("expected <{root}>, got <{}>", doc.name),
            });
        }
        Ok(doc)
    }

    /// Sends a request with WSSE, retrying (with backoff) what may be retried.
    async fn request(
        &self,
        method: Method,
        url: Url,
        body: Option<&str>,
        idempotent: bool,
    ) -> Result<(StatusCode, String)> {
        with_retries(idempotent, || {
            self.attempt(method.clone(), url.clone(), body)
        })
        .await
    }

    async fn attempt(
        &self,
        method: Method,
        url: Url,
        body: Option<&str>,
    ) -> std::result::Result<(StatusCode, String), Failure> {
        // Every request carries the credentials: only to this blog, or to its Fotolife.
        if url != self.fotolife && !self.origin.admits(&url) {
            return Err(Failure {
                error: self.origin.elsewhere(&url),
                retry_after: None,
                maybe_applied: false,
            });
        }
        let mut request = self.http.request(method, url.clone());
        request = match self.auth {
            BlogAuth::Default => request
                .header("X-WSSE", wsse(&self.user, &self.api_key))
                .header(
                    reqwest::header::AUTHORIZATION,
                    "WSSE profile=\"UsernameToken\"",
                ),
            BlogAuth::Basic => request.basic_auth(&self.user, Some(&self.api_key)),
        };
        if let Some(body) = body {
            request = request
                .header(
                    reqwest::header::CONTENT_TYPE,
                    "application/atom+xml; charset=utf-8",
                )
                .body(body.to_owned());
        }
        let reply = Reply::send(request, &url).await?;
        match reply.verdict() {
            Verdict::Success => Ok((reply.status, reply.text())),
            _ => Err(reply.failure(reply.plain_error())),
        }
    }

    /// Sends an entry (POST to the collection or PUT to a member) and reads back the stored one.
    async fn send_entry(
        &self,
        method: Method,
        url: Url,
        post: &OutgoingPost,
        idempotent: bool,
    ) -> Result<RemotePost> {
        let xml = self.entry_xml(post)?;
        let (_, text) = self
            .request(method, url.clone(), Some(&xml), idempotent)
            .await?;
        let entry = atom::parse(&text).map_err(|detail| Error::BlogMalformedReply {
            url: url.to_string(),
            detail,
        })?;
        entry_post(&entry, &url)
    }
}

impl Publisher for Hatena {
    async fn create_post(&self, post: &OutgoingPost, since: jiff::Timestamp) -> Result<RemotePost> {
        match self
            .send_entry(Method::POST, self.collection(), post, false)
            .await
        {
            Ok(created) => Ok(created),
            Err(e) => match self.find_created(post, since).await.ok().flatten() {
                // The answer was lost after Hatena stored the entry.
                Some(found) => Ok(found),
                None => Err(e),
            },
        }
    }

    async fn update_post(&self, id: &str, post: &OutgoingPost) -> Result<RemotePost> {
        let url = self.member(id)?;
        self.send_entry(Method::PUT, url, post, true)
            .await
            .map_err(|e| missing(id, e))
    }

    async fn fetch_post(&self, id: &str) -> Result<RemotePost> {
        let url = self.member(id)?;
        let entry = self
            .get_xml(url.clone(), "entry")
            .await
            .map_err(|e| missing(id, e))?;
        entry_post(&entry, &url)
    }

    async fn set_status(&self, id: &str, status: RemoteStatus) -> Result<RemotePost> {
        let url = self.member(id)?;
        let current = self
            .get_xml(url.clone(), "entry")
            .await
            .map_err(|e| missing(id, e))?;
        let remote = entry_post(&current, &url)?;
        let post = OutgoingPost {
            title: remote.title,
            // Send back what the blog holds, in the syntax it holds it.
            markdown: remote.html.clone(),
            html: remote.html,
            status,
            slug: Some(remote.slug).filter(|s| !s.is_empty()),
            excerpt: Some(remote.excerpt).filter(|s| !s.is_empty()),
            categories: remote.categories,
            ..OutgoingPost::default()
        };
        self.send_entry(Method::PUT, url, &post, true)
            .await
            .map_err(|e| missing(id, e))
    }

    async fn delete_post(&self, id: &str) -> Result<()> {
        let url = self.member(id)?;
        self.request(Method::DELETE, url, None, true)
            .await
            .map(|_| ())
            .map_err(|e| missing(id, e))
    }

    async fn upload_media(&self, image: &Image) -> Result<RemoteMedia> {
        // Fotolife speaks Atom 0.3.
        let xml = format!(
            "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<entry xmlns=\"http://purl.org/atom/ns#\">\
             <title>{}</title><content mode=\"base64\" type=\"{}\">{}</content>\
             <dc:subject xmlns:dc=\"http://purl.org/dc/elements/1.1/\">Hatena Blog</dc:subject></entry>",
            escape(&image.file_name),
            escape(&image.mime),
            BASE64.encode(&image.bytes)
        );
        let (_, text) = self
            .request(Method::POST, self.fotolife.clone(), Some(&xml), true)
            .await?;
        let entry = atom::parse(&text).map_err(|detail| Error::BlogMalformedReply {
            url: self.fotolife.to_string(),
            detail,
        })?;
        let url = entry.child_text("imageurl");
        if url.is_empty() {
            return Err(Error::BlogMalformedReply {
                url: self.fotolife.to_string(),
                detail: "Fotolife answered without hatena:imageurl".into(),
            });
        }
        let syntax = entry.child_text("syntax");
        Ok(RemoteMedia {
            id: if syntax.is_empty() {
                url.clone()
            } else {
                syntax
            },
            url,
        })
    }

    async fn find_created(
        &self,
        post: &OutgoingPost,
        since: jiff::Timestamp,
    ) -> Result<Option<RemotePost>> {
        let feed = self.get_xml(self.collection(), "feed").await?;
        Ok(feed
            .children("entry")
            .map(remote_post)
            .find(|p| post.made(p, p.modified, since)))
    }

    async fn categories(&self) -> Result<Vec<String>> {
        let url =
            Url::parse(&format!("{}/category", self.root)).unwrap_or_else(|_| self.root.clone());
        let doc = self.get_xml(url, "categories").await?;
        Ok(doc
            .children("category")
            .filter_map(|c| c.attr("term").map(str::to_owned))
            .collect())
    }

    async fn list_posts(&self) -> Result<Vec<RemotePost>> {
        self.entries().await
    }

    /// The newest public entry on the collection's first page (the AtomPub root is not the
    /// blog's address); else the blog's top page, `https://{blog id}/`.
    async fn public_page(&self) -> Result<Option<String>> {
        let feed = self.get_xml(self.collection(), "feed").await?;
        let newest = feed
            .children("entry")
            .map(remote_post)
            .find(|p| p.status == PostState::Published && !p.url.is_empty())
            .map(|p| p.url);
        let top = || {
            let blog_id = self.root.path_segments()?.nth(1)?.to_owned();
            blog_id.contains('.').then(|| format!("https://{blog_id}/"))
        };
        Ok(newest.or_else(top))
    }
}

/// Fotolife's post endpoint: `f.hatena.ne.jp` for Hatena itself; the same origin as the AtomPub
/// root for anything else (a proxy, a mirror, the test server).
fn fotolife_endpoint(root: &Url) -> Url {
    let base = if root.host_str() == Some("blog.hatena.ne.jp") {
        "https://f.hatena.ne.jp/".to_owned()
    } else {
        root.join("/").map(|u| u.to_string()).unwrap_or_default()
    };
    Url::parse(&format!("{base}atom/post")).unwrap_or_else(|_| root.clone())
}

/// An `X-WSSE` header: `PasswordDigest = Base64(SHA1(nonce + created + api_key))`.
fn wsse(user: &str, api_key: &str) -> String {
    let mut nonce = [0u8; 20];
    // Without the OS's randomness a nonce still differs per request: the time in nanoseconds.
    if getrandom::fill(&mut nonce).is_err() {
        let t = jiff::Timestamp::now().as_nanosecond().to_le_bytes();
        nonce[..16].copy_from_slice(&t);
    }
    let created = jiff::Timestamp::now()
        .strftime("%Y-%m-%dT%H:%M:%SZ")
        .to_string();
    let mut digest = Sha1::new();
    digest.update(nonce);
    digest.update(created.as_bytes());
    digest.update(api_key.as_bytes());
    format!(
        "UsernameToken Username=\"{user}\", PasswordDigest=\"{}\", Nonce=\"{}\", Created=\"{created}\"",
        BASE64.encode(digest.finalize()),
        BASE64.encode(nonce)
    )
}

/// The entries of an Atom feed, or the one entry of an entry document (the entry point the
/// fuzzer drives).
pub fn parse_entries(xml: &str) -> std::result::Result<Vec<RemotePost>, String> {
    let root = atom::parse(xml)?;
    match root.name.as_str() {
        "entry" => Ok(vec![remote_post(&root)]),
        "feed" => Ok(root.children("entry").map(remote_post).collect()),
        other => Err(format!("expected an Atom feed or entry, got <{other}>")),
    }
}

/// The post an entry document describes; an entry without an edit link cannot be updated later,
/// so it is a reply Fumi cannot use, not a post without an id.
fn entry_post(root: &Element, url: &Url) -> Result<RemotePost> {
    let post = remote_post(root);
    if root.name != "entry" || post.id.is_empty() {
        return Err(Error::BlogMalformedReply {
            url: url.to_string(),
            detail: format!(
                "expected an Atom entry with an edit link, got <{}>",
                root.name
            ),
        });
    }
    Ok(post)
}

/// An entry as a [`RemotePost`]; its id is the member URI.
fn remote_post(entry: &Element) -> RemotePost {
    let control = entry.child("control");
    let flag = |name: &str| control.is_some_and(|c| c.child_text(name).trim() == "yes");
    let draft = flag("draft");
    let status = match (draft, flag("scheduled")) {
        (true, true) => "future",
        (true, false) => "draft",
        (false, _) => "publish",
    };
    let alternate = entry.link("alternate").unwrap_or_default();
    RemotePost {
        id: entry.link("edit").unwrap_or_default(),
        // A draft's public URL changes on every request; its preview URL is the one to share.
        url: if draft {
            entry.link("preview").unwrap_or(alternate)
        } else {
            alternate
        },
        title: entry.child_text("title"),
        html: entry.child_text("content"),
        rendered: entry.child("formatted-content").map(|c| c.text.clone()),
        status: PostState::from_word(status),
        modified: parse_blog_time(&entry.child_text("edited")),
        slug: entry.child_text("custom-url"),
        excerpt: entry.child_text("summary"),
        categories: entry
            .children("category")
            .filter_map(|c| c.attr("term").map(str::to_owned))
            .collect(),
        tags: Vec::new(),
        dropped_terms: Vec::new(),
    }
}

fn yes_no(b: bool) -> &'static str {
    if b { "yes" } else { "no" }
}

/// Hatena's 404 on a member as the typed error.
fn missing(id: &str, e: Error) -> Error {
    match e {
        Error::BlogHttp { status: 404, .. } => Error::RemotePostNotFound { id: id.to_owned() },
        other => other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wsse_digest_follows_the_spec() {
        let header = wsse("fumi", "key");
        let field = |name: &str| {
            header
                .split(&format!("{name}=\""))
                .nth(1)
                .and_then(|r| r.split('"').next())
                .unwrap()
                .to_owned()
        };
        let nonce = BASE64.decode(field("Nonce")).unwrap();
        let mut d = Sha1::new();
        d.update(&nonce);
        d.update(field("Created").as_bytes());
        d.update(b"key");
        assert_eq!(field("PasswordDigest"), BASE64.encode(d.finalize()));
        assert!(header.starts_with("UsernameToken Username=\"fumi\""));
    }

    #[test]
    fn fotolife_is_hatenas_own_host_or_the_roots_origin() {
        let real = Url::parse("https://blog.hatena.ne.jp/fumi/fumi.hatenablog.com/atom").unwrap();
        assert_eq!(
            fotolife_endpoint(&real).as_str(),
            "https://f.hatena.ne.jp/atom/post"
        );
        let local = Url::parse("http://127.0.0.1:9/fumi/b.example/atom").unwrap();
        assert_eq!(
            fotolife_endpoint(&local).as_str(),
            "http://127.0.0.1:9/atom/post"
        );
    }
}
