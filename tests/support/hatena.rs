//! A local Hatena Blog AtomPub server and Hatena Fotolife endpoint for the tests, written from
//! Hatena's published API documents (developer.hatena.ne.jp/ja/documents/blog/apis/atom and the
//! Fotolife Atom API), not from Fumi's client:
//!
//! - WSSE (`X-WSSE` UsernameToken: Base64 nonce, fresh `Created`, SHA-1 digest with the API
//!   key; a nonce is accepted once) or Basic with the Hatena ID and API key; else 401.
//! - `GET /{id}/{blog}/atom` service document; `GET|POST …/atom/entry` collection, 7 entries a
//!   page, newest first, `rel="next"` with an opaque cursor; `GET|PUT|DELETE …/atom/entry/{n}`;
//!   `GET …/atom/category`. POST answers 201 with `Location` and the stored entry.
//! - A draft without a custom URL gets a new `alternate` link on every request; a PUT without
//!   `app:draft` publishes the entry; a PUT keeps the entry's syntax (the blog's editing mode).
//! - 400 on malformed XML, 404 on unknown entries, 405 on other methods.
//! - `POST /atom/post`: Fotolife (Atom 0.3, base64 content) → 201 with `hatena:imageurl`.
//! - A public entry's page (`/blog/{blog}/entry/{id}`) as a reader gets it: the theme's
//!   stylesheet (which imports a base sheet), the blog's custom CSS in a `<style>`, and a script;
//!   the theme tries what a hostile stylesheet could (`expression()`, a `javascript:` URL, a
//!   `</style>` in a string), for the tests of the preview in the blog's look.
//!
//! The server runs on a thread of its own, so blocking tests (the CLI) can talk to it. With
//! [`TestHatena::behind_proxy`], every request passes a [`FaultProxy`].

use std::collections::HashSet;
use std::sync::{Arc, Mutex};

use axum::Router;
use axum::body::Bytes;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use base64::Engine;
use base64::engine::general_purpose::STANDARD as BASE64;
use serde::Deserialize;
use sha1::{Digest, Sha1};

use super::fault_proxy::FaultProxy;

/// Hatena's entries per page.
const PAGE_SIZE: usize = 7;

/// A running local Hatena blog.
pub struct TestHatena {
    /// The AtomPub root, as the blog's settings show it.
    pub root: String,
    pub user: String,
    pub api_key: String,
    pub proxy: Option<FaultProxy>,
    state: Arc<Mutex<Blog>>,
}

/// An entry as the server stores it.
#[derive(Debug, Clone)]
pub struct StoredEntry {
    pub id: String,
    pub title: String,
    pub content: String,
    /// The syntax the entry is written in: the blog's mode when it was created.
    pub content_type: String,
    pub categories: Vec<String>,
    pub draft: bool,
    pub scheduled: bool,
    pub custom_url: Option<String>,
    pub summary: String,
    pub updated: String,
    pub published: i64,
    pub edited: String,
}

/// An image stored by Fotolife.
#[derive(Debug, Clone)]
pub struct StoredImage {
    pub title: String,
    pub mime: String,
    pub bytes: Vec<u8>,
}

struct Blog {
    base: String,
    user: String,
    blog_id: String,
    api_key: String,
    /// The blog's editing mode: the content type of new entries.
    syntax: String,
    entries: Vec<StoredEntry>,
    images: Vec<StoredImage>,
    nonces: HashSet<String>,
    next_id: u64,
    requests: u64,
    /// Requests accepted with Basic rather than WSSE.
    basic_requests: u64,
}

impl TestHatena {
    /// Adds this blog to the data folder `data` as `name` through `fumi blogs add`, the API
    /// key typed in (the keychain the processes of `env` use keeps it).
    pub fn add_by_command(&self, data: &std::path::Path, name: &str, env: &[(&str, String)]) {
        let add = [
            "blogs", "add", name, "--kind", "hatena", "--url", &self.root, "--user", &self.user,
        ];
        let key = format!("{}\n", self.api_key);
        super::ok(super::fumi_env(data, &add, key.as_bytes(), env));
    }

    /// A Markdown-mode blog.
    pub fn start() -> TestHatena {
        TestHatena::start_with(false, "text/x-markdown")
    }

    /// A Markdown-mode blog that accepts only this API key.
    pub fn with_key(api_key: &str) -> TestHatena {
        TestHatena::start_keyed(false, "text/x-markdown", api_key)
    }

    /// A blog whose every request passes a [`FaultProxy`].
    pub fn behind_proxy() -> TestHatena {
        TestHatena::start_with(true, "text/x-markdown")
    }

    /// A blog in another editing mode (`text/html`, `text/x-hatena-syntax`).
    pub fn in_mode(syntax: &str) -> TestHatena {
        TestHatena::start_with(false, syntax)
    }

    fn start_with(proxied: bool, syntax: &str) -> TestHatena {
        TestHatena::start_keyed(proxied, syntax, "k3y-0f-7h3-bl0g")
    }

    fn start_keyed(proxied: bool, syntax: &str, api_key: &str) -> TestHatena {
        let server = std::net::TcpListener::bind("127.0.0.1:0").expect("a port");
        server.set_nonblocking(true).expect("non-blocking");
        let port = server.local_addr().expect("address").port();
        let public = proxied.then(|| std::net::TcpListener::bind("127.0.0.1:0").expect("a port"));
        let public_port = public
            .as_ref()
            .map_or(port, |l| l.local_addr().expect("address").port());
        let base = format!("http://127.0.0.1:{public_port}");
        let (user, blog_id) = ("fumi-tester", "fumi-tester.hatenablog.com");
        let state = Arc::new(Mutex::new(Blog {
            base: base.clone(),
            user: user.into(),
            blog_id: blog_id.into(),
            api_key: api_key.into(),
            syntax: syntax.into(),
            entries: Vec::new(),
            images: Vec::new(),
            nonces: HashSet::new(),
            next_id: 0,
            requests: 0,
            basic_requests: 0,
        }));
        let app = Router::new()
            .route("/{user}/{blog}/atom", get(service))
            .route("/{user}/{blog}/atom/entry", get(list).post(create))
            .route(
                "/{user}/{blog}/atom/entry/{id}",
                get(read).put(update).delete(remove),
            )
            .route("/{user}/{blog}/atom/category", get(categories))
            .route("/atom/post", post(fotolife))
            .route("/blog/{blog}/entry/{id}", get(public_entry))
            .route("/theme/{sheet}", get(theme_sheet))
            .with_state(state.clone());
        super::serve(server, app);
        TestHatena {
            root: format!("{base}/{user}/{blog_id}/atom"),
            user: user.into(),
            api_key: api_key.into(),
            proxy: public.map(|listener| FaultProxy::start(listener, port)),
            state,
        }
    }

    /// The entries as stored, newest first.
    pub fn entries(&self) -> Vec<StoredEntry> {
        let mut entries = self.state.lock().expect("state").entries.clone();
        entries.sort_by(|a, b| b.published.cmp(&a.published).then(b.id.cmp(&a.id)));
        entries
    }

    /// How many requests signed in with Basic.
    pub fn basic_requests(&self) -> u64 {
        self.state.lock().expect("state").basic_requests
    }

    /// The images Fotolife stored.
    pub fn images(&self) -> Vec<StoredImage> {
        self.state.lock().expect("state").images.clone()
    }

    /// Stores an entry as if written on the web (for pagination and web-edit tests).
    pub fn add_entry(&self, title: &str, content: &str) -> String {
        self.add_entry_in(title, content, &[])
    }

    /// Stores an entry in these categories as if written on the web.
    pub fn add_entry_in(&self, title: &str, content: &str, categories: &[&str]) -> String {
        let mut blog = self.state.lock().expect("state");
        let syntax = blog.syntax.clone();
        let entry = blog.new_entry(
            EntryIn {
                title: Some(title.into()),
                content: Some(ContentIn {
                    text: content.into(),
                }),
                categories: categories
                    .iter()
                    .map(|c| CategoryIn {
                        term: (*c).to_owned(),
                    })
                    .collect(),
                ..EntryIn::default()
            },
            syntax,
        );
        entry.id
    }

    /// Changes an entry as an edit on the web would.
    pub fn edit_on_web(&self, id: &str, content: &str) {
        let mut blog = self.state.lock().expect("state");
        if let Some(e) = blog.entries.iter_mut().find(|e| e.id == id) {
            e.content = content.into();
            e.edited = now_rfc3339();
        }
    }
}

#[derive(Debug, Default, Deserialize)]
struct EntryIn {
    title: Option<String>,
    content: Option<ContentIn>,
    updated: Option<String>,
    summary: Option<String>,
    #[serde(default, rename = "category")]
    categories: Vec<CategoryIn>,
    #[serde(rename = "control")]
    control: Option<ControlIn>,
    #[serde(rename = "custom-url")]
    custom_url: Option<String>,
}

#[derive(Debug, Default, Deserialize)]
struct ContentIn {
    #[serde(rename = "$text", default)]
    text: String,
}

#[derive(Debug, Deserialize)]
struct CategoryIn {
    #[serde(rename = "@term")]
    term: String,
}

#[derive(Debug, Default, Deserialize)]
struct ControlIn {
    draft: Option<String>,
    scheduled: Option<String>,
}

#[derive(Debug, Default, Deserialize)]
struct FotolifeIn {
    title: Option<String>,
    content: Option<FotolifeContent>,
}

#[derive(Debug, Default, Deserialize)]
struct FotolifeContent {
    #[serde(rename = "@type")]
    mime: Option<String>,
    #[serde(rename = "$text", default)]
    text: String,
}

/// Reads an entry document; element names are matched without their namespace prefix.
fn parse_entry<T: for<'de> Deserialize<'de>>(body: &[u8]) -> Result<T, StatusCode> {
    let text = std::str::from_utf8(body).map_err(|_| StatusCode::BAD_REQUEST)?;
    // serde matches local names: drop the prefixes (`app:draft` → `draft`).
    let unprefixed = text
        .replace("<app:", "<")
        .replace("</app:", "</")
        .replace("<hatenablog:", "<")
        .replace("</hatenablog:", "</")
        .replace("<dc:", "<")
        .replace("</dc:", "</");
    quick_xml::de::from_str(&unprefixed).map_err(|_| StatusCode::BAD_REQUEST)
}

/// A refusal as Hatena answers it: the status and its reason phrase as plain text.
fn refuse(status: StatusCode) -> Response {
    (status, status.to_string()).into_response()
}

fn not_found() -> Response {
    refuse(StatusCode::NOT_FOUND)
}

impl Blog {
    /// WSSE or Basic, as the API document describes.
    fn authorize(&mut self, headers: &HeaderMap) -> Result<(), StatusCode> {
        self.requests += 1;
        if let Some(wsse) = headers.get("x-wsse").and_then(|v| v.to_str().ok()) {
            let field = |name: &str| {
                wsse.split(&format!("{name}=\""))
                    .nth(1)
                    .and_then(|r| r.split('"').next())
                    .map(str::to_owned)
            };
            let (Some(user), Some(digest), Some(nonce), Some(created)) = (
                field("Username"),
                field("PasswordDigest"),
                field("Nonce"),
                field("Created"),
            ) else {
                return Err(StatusCode::UNAUTHORIZED);
            };
            let Ok(nonce_bytes) = BASE64.decode(&nonce) else {
                return Err(StatusCode::UNAUTHORIZED);
            };
            let fresh = created
                .parse::<jiff::Timestamp>()
                .is_ok_and(|c| (jiff::Timestamp::now() - c).get_seconds().abs() < 300);
            let mut expected = Sha1::new();
            expected.update(&nonce_bytes);
            expected.update(created.as_bytes());
            expected.update(self.api_key.as_bytes());
            let ok = user == self.user
                && fresh
                && BASE64.encode(expected.finalize()) == digest
                && self.nonces.insert(nonce);
            return if ok {
                Ok(())
            } else {
                Err(StatusCode::UNAUTHORIZED)
            };
        }
        if let Some(basic) = headers
            .get(header::AUTHORIZATION)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.strip_prefix("Basic "))
        {
            let expected = BASE64.encode(format!("{}:{}", self.user, self.api_key));
            return if basic == expected {
                self.basic_requests += 1;
                Ok(())
            } else {
                Err(StatusCode::UNAUTHORIZED)
            };
        }
        Err(StatusCode::UNAUTHORIZED)
    }

    fn blog_path_ok(&self, user: &str, blog: &str) -> bool {
        user == self.user && blog == self.blog_id
    }

    /// Signs the request in and checks it is for this blog; the status to refuse it with otherwise.
    fn admit(&mut self, headers: &HeaderMap, user: &str, blog: &str) -> Result<(), StatusCode> {
        self.authorize(headers)?;
        if self.blog_path_ok(user, blog) {
            Ok(())
        } else {
            Err(StatusCode::NOT_FOUND)
        }
    }

    fn collection_url(&self) -> String {
        format!("{}/{}/{}/atom/entry", self.base, self.user, self.blog_id)
    }

    fn new_entry(&mut self, input: EntryIn, content_type: String) -> StoredEntry {
        self.next_id += 1;
        let now = now_rfc3339();
        let published = jiff::Timestamp::now().as_millisecond() * 1000 + self.next_id as i64;
        let entry = StoredEntry {
            id: (13574176438000000000u64 + self.next_id).to_string(),
            title: input.title.unwrap_or_default(),
            content: input.content.map(|c| c.text).unwrap_or_default(),
            content_type,
            categories: input.categories.into_iter().map(|c| c.term).collect(),
            draft: input
                .control
                .as_ref()
                .and_then(|c| c.draft.as_deref())
                .is_some_and(|d| d.trim() == "yes"),
            scheduled: input
                .control
                .as_ref()
                .and_then(|c| c.scheduled.as_deref())
                .is_some_and(|d| d.trim() == "yes"),
            custom_url: input.custom_url.filter(|u| !u.is_empty()),
            summary: input.summary.unwrap_or_default(),
            updated: input.updated.unwrap_or_else(|| now.clone()),
            published,
            edited: now,
        };
        self.entries.push(entry.clone());
        entry
    }

    /// The entry document, as Hatena answers it.
    fn entry_xml(&mut self, e: &StoredEntry, root: bool) -> String {
        self.requests += 1;
        let blog_url = format!("{}/blog/{}", self.base, self.blog_id);
        let alternate = match (&e.custom_url, e.draft) {
            (Some(custom), _) => format!("{blog_url}/entry/{custom}"),
            // Temporary, and new on every request.
            (None, true) => format!("{blog_url}/draft/{}-{}", e.id, self.requests),
            (None, false) => format!("{blog_url}/entry/{}", e.id),
        };
        let ns = if root {
            " xmlns=\"http://www.w3.org/2005/Atom\" xmlns:app=\"http://www.w3.org/2007/app\" xmlns:hatena=\"http://www.hatena.ne.jp/info/xmlns#\" xmlns:hatenablog=\"http://www.hatena.ne.jp/info/xmlns#hatenablog\""
        } else {
            ""
        };
        let categories: String = e
            .categories
            .iter()
            .map(|c| format!("<category term=\"{}\" />", esc(c)))
            .collect();
        let preview = if e.draft {
            format!(
                "<link rel=\"preview\" href=\"{blog_url}/preview/{}\" />",
                e.id
            )
        } else {
            String::new()
        };
        let custom = e
            .custom_url
            .as_ref()
            .map(|c| format!("<hatenablog:custom-url>{}</hatenablog:custom-url>", esc(c)))
            .unwrap_or_default();
        format!(
            "<entry{ns}><id>tag:blog.hatena.ne.jp,2013:blog-{user}-17680117126980000000-{id}</id>\
             <link rel=\"edit\" href=\"{collection}/{id}\" />\
             <link rel=\"alternate\" type=\"text/html\" href=\"{alternate}\" />{preview}\
             <author><name>{user}</name></author><title>{title}</title>\
             <updated>{updated}</updated><published>{published}</published><app:edited>{edited}</app:edited>\
             <summary type=\"text\">{summary}</summary>\
             <content type=\"{content_type}\">{content}</content>\
             <hatena:formatted-content type=\"text/html\">{formatted}</hatena:formatted-content>\
             {categories}<app:control><app:draft>{draft}</app:draft>{scheduled}</app:control>{custom}</entry>",
            user = self.user,
            id = e.id,
            collection = self.collection_url(),
            title = esc(&e.title),
            updated = e.updated,
            published = jiff::Timestamp::from_microsecond(e.published)
                .map(|t| t.to_string())
                .unwrap_or_default(),
            edited = e.edited,
            summary = esc(&e.summary),
            content_type = e.content_type,
            content = esc(&e.content),
            formatted = esc(&if e.content_type == "text/x-markdown" {
                super::hatena_markdown::render(&e.content)
            } else {
                e.content.clone()
            }),
            draft = if e.draft { "yes" } else { "no" },
            scheduled = if e.scheduled {
                "<hatenablog:scheduled>yes</hatenablog:scheduled>"
            } else {
                ""
            },
        )
    }
}

fn esc(s: &str) -> String {
    quick_xml::escape::escape(s).into_owned()
}

fn now_rfc3339() -> String {
    jiff::Timestamp::now()
        .strftime("%Y-%m-%dT%H:%M:%S+00:00")
        .to_string()
}

fn atom(status: StatusCode, body: String) -> Response {
    (
        status,
        [(header::CONTENT_TYPE, "application/atom+xml; charset=utf-8")],
        format!("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n{body}"),
    )
        .into_response()
}

type Shared = State<Arc<Mutex<Blog>>>;

async fn service(
    State(s): Shared,
    Path((user, blog)): Path<(String, String)>,
    headers: HeaderMap,
) -> Response {
    let mut b = s.lock().expect("state");
    if let Err(status) = b.admit(&headers, &user, &blog) {
        return refuse(status);
    }
    let collection = b.collection_url();
    atom(
        StatusCode::OK,
        format!(
            "<service xmlns=\"http://www.w3.org/2007/app\" xmlns:atom=\"http://www.w3.org/2005/Atom\">\
             <workspace><atom:title>{blog}</atom:title><collection href=\"{collection}\">\
             <atom:title>{blog}</atom:title><accept>application/atom+xml;type=entry</accept></collection>\
             </workspace></service>"
        ),
    )
}

#[derive(Deserialize)]
struct PageQuery {
    page: Option<i64>,
}

async fn list(
    State(s): Shared,
    Path((user, blog)): Path<(String, String)>,
    Query(q): Query<PageQuery>,
    headers: HeaderMap,
) -> Response {
    let mut b = s.lock().expect("state");
    if let Err(status) = b.admit(&headers, &user, &blog) {
        return refuse(status);
    }
    let mut entries = b.entries.clone();
    entries.sort_by_key(|e| std::cmp::Reverse(e.published));
    // The cursor is the `published` of the last entry of the previous page.
    let rest: Vec<StoredEntry> = entries
        .into_iter()
        .filter(|e| q.page.is_none_or(|cursor| e.published < cursor))
        .collect();
    let page: Vec<StoredEntry> = rest.iter().take(PAGE_SIZE).cloned().collect();
    let collection = b.collection_url();
    let next = if rest.len() > PAGE_SIZE {
        page.last()
            .map(|last| {
                format!(
                    "<link rel=\"next\" href=\"{collection}?page={}\" />",
                    last.published
                )
            })
            .unwrap_or_default()
    } else {
        String::new()
    };
    let body: String = page.iter().map(|e| b.entry_xml(e, false)).collect();
    atom(
        StatusCode::OK,
        format!(
            "<feed xmlns=\"http://www.w3.org/2005/Atom\" xmlns:app=\"http://www.w3.org/2007/app\" \
             xmlns:hatena=\"http://www.hatena.ne.jp/info/xmlns#\" xmlns:hatenablog=\"http://www.hatena.ne.jp/info/xmlns#hatenablog\">\
             <link rel=\"first\" href=\"{collection}\" />{next}<title>{blog}</title>{body}</feed>"
        ),
    )
}

async fn create(
    State(s): Shared,
    Path((user, blog)): Path<(String, String)>,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let mut b = s.lock().expect("state");
    if let Err(status) = b.admit(&headers, &user, &blog) {
        return refuse(status);
    }
    let input: EntryIn = match parse_entry(&body) {
        Ok(i) => i,
        Err(status) => return refuse(status),
    };
    // The blog's editing mode decides the syntax, not the posted content type.
    let syntax = b.syntax.clone();
    let entry = b.new_entry(input, syntax);
    let location = format!("{}/{}", b.collection_url(), entry.id);
    let xml = b.entry_xml(&entry, true);
    let mut response = atom(StatusCode::CREATED, xml);
    if let Ok(v) = location.parse() {
        response.headers_mut().insert(header::LOCATION, v);
    }
    response
}

async fn read(
    State(s): Shared,
    Path((user, blog, id)): Path<(String, String, String)>,
    headers: HeaderMap,
) -> Response {
    let mut b = s.lock().expect("state");
    if let Err(status) = b.admit(&headers, &user, &blog) {
        return refuse(status);
    }
    let Some(entry) = b.entries.iter().find(|e| e.id == id).cloned() else {
        return not_found();
    };
    let xml = b.entry_xml(&entry, true);
    atom(StatusCode::OK, xml)
}

async fn update(
    State(s): Shared,
    Path((user, blog, id)): Path<(String, String, String)>,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let mut b = s.lock().expect("state");
    if let Err(status) = b.admit(&headers, &user, &blog) {
        return refuse(status);
    }
    let input: EntryIn = match parse_entry(&body) {
        Ok(i) => i,
        Err(status) => return refuse(status),
    };
    let Some(entry) = b.entries.iter_mut().find(|e| e.id == id) else {
        return not_found();
    };
    entry.title = input.title.unwrap_or_default();
    // The entry keeps its syntax whatever type the PUT names.
    entry.content = input.content.map(|c| c.text).unwrap_or_default();
    entry.categories = input.categories.into_iter().map(|c| c.term).collect();
    // Without app:draft the entry is published — a draft too.
    entry.draft = input
        .control
        .as_ref()
        .and_then(|c| c.draft.as_deref())
        .is_some_and(|d| d.trim() == "yes");
    entry.scheduled = input
        .control
        .as_ref()
        .and_then(|c| c.scheduled.as_deref())
        .is_some_and(|d| d.trim() == "yes");
    if let Some(updated) = input.updated {
        entry.updated = updated;
    }
    entry.summary = input.summary.unwrap_or_default();
    if let Some(custom) = input.custom_url {
        entry.custom_url = Some(custom).filter(|c| !c.is_empty());
    }
    entry.edited = now_rfc3339();
    let entry = entry.clone();
    let xml = b.entry_xml(&entry, true);
    atom(StatusCode::OK, xml)
}

async fn remove(
    State(s): Shared,
    Path((user, blog, id)): Path<(String, String, String)>,
    headers: HeaderMap,
) -> Response {
    let mut b = s.lock().expect("state");
    if let Err(status) = b.admit(&headers, &user, &blog) {
        return refuse(status);
    }
    let before = b.entries.len();
    b.entries.retain(|e| e.id != id);
    if b.entries.len() == before {
        return not_found();
    }
    StatusCode::OK.into_response()
}

async fn categories(
    State(s): Shared,
    Path((user, blog)): Path<(String, String)>,
    headers: HeaderMap,
) -> Response {
    let mut b = s.lock().expect("state");
    if let Err(status) = b.admit(&headers, &user, &blog) {
        return refuse(status);
    }
    let mut terms: Vec<String> = b
        .entries
        .iter()
        .flat_map(|e| e.categories.clone())
        .collect();
    terms.sort();
    terms.dedup();
    let body: String = terms
        .iter()
        .map(|t| format!("<atom:category term=\"{}\" />", esc(t)))
        .collect();
    (
        StatusCode::OK,
        [(header::CONTENT_TYPE, "application/atomcat+xml; charset=utf-8")],
        format!(
            "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<app:categories xmlns:app=\"http://www.w3.org/2007/app\" \
             xmlns:atom=\"http://www.w3.org/2005/Atom\" fixed=\"no\">{body}</app:categories>"
        ),
    )
        .into_response()
}

async fn fotolife(State(s): Shared, headers: HeaderMap, body: Bytes) -> Response {
    let mut b = s.lock().expect("state");
    if let Err(status) = b.authorize(&headers) {
        return refuse(status);
    }
    let input: FotolifeIn = match parse_entry(&body) {
        Ok(i) => i,
        Err(status) => return refuse(status),
    };
    let Some(content) = input.content else {
        return refuse(StatusCode::BAD_REQUEST);
    };
    let Ok(bytes) = BASE64.decode(content.text.split_whitespace().collect::<String>()) else {
        return refuse(StatusCode::BAD_REQUEST);
    };
    let mime = content.mime.unwrap_or_else(|| "image/png".into());
    b.images.push(StoredImage {
        title: input.title.unwrap_or_default(),
        mime: mime.clone(),
        bytes,
    });
    let id = format!("20261128{:06}", b.images.len());
    let ext = if mime.contains("jpeg") {
        "j"
    } else if mime.contains("gif") {
        "g"
    } else {
        "p"
    };
    let user = b.user.clone();
    let base = b.base.clone();
    let location = format!("{base}/atom/edit/{id}");
    let mut response = atom(
        StatusCode::CREATED,
        format!(
            "<entry xmlns=\"http://purl.org/atom/ns#\" xmlns:hatena=\"http://www.hatena.ne.jp/info/xmlns#\">\
             <title>image</title><link rel=\"service.edit\" type=\"application/x.atom+xml\" href=\"{location}\" />\
             <hatena:imageurl>{base}/images/{user}/{id}.png</hatena:imageurl>\
             <hatena:syntax>f:id:{user}:{id}{ext}:image</hatena:syntax></entry>"
        ),
    );
    if let Ok(v) = location.parse() {
        response.headers_mut().insert(header::LOCATION, v);
    }
    response
}

/// The theme's colours the tests look for in the preview's frame.
pub const THEME_PARAGRAPH: &str = "rgb(200, 0, 0)";
pub const THEME_BACKGROUND: &str = "rgb(250, 240, 230)";
pub const BASE_QUOTE_BORDER: &str = "rgb(0, 0, 255)";
pub const CUSTOM_HEADING_BORDER: &str = "rgb(0, 128, 0)";

/// A public entry's page, as a reader's browser gets it.
async fn public_entry(State(s): Shared, Path((blog, id)): Path<(String, String)>) -> Response {
    let b = s.lock().expect("state");
    let Some(entry) = b
        .entries
        .iter()
        .find(|e| e.id == id && !e.draft && blog == b.blog_id)
    else {
        return (StatusCode::NOT_FOUND, "no such entry").into_response();
    };
    let page = format!(
        "<!DOCTYPE html><html lang=\"ja\"><head><meta charset=\"utf-8\"><title>{title}</title>\
         <link rel=\"stylesheet\" href=\"/theme/fumi-test.css\">\
         <link rel=\"stylesheet\" href=\"/theme/print.css\" media=\"print\">\
         <style>.entry-content h2 {{ border-bottom: 3px solid {CUSTOM_HEADING_BORDER}; }}</style>\
         <script>parent.document.title = 'the page script ran';</script>\
         </head><body class=\"page-entry\"><div id=\"container\"><article class=\"entry\"><div class=\"entry-content hatenablog-entry\">{content}</div></article></div></body></html>",
        title = esc(&entry.title),
        content = super::hatena_markdown::render(&entry.content),
    );
    ([(header::CONTENT_TYPE, "text/html; charset=utf-8")], page).into_response()
}

/// The theme's stylesheets.
async fn theme_sheet(Path(sheet): Path<String>) -> Response {
    let css = match sheet.as_str() {
        "fumi-test.css" => format!(
            "@import url(\"/theme/base.css\");\n\
             body {{ background: {THEME_BACKGROUND}; }}\n\
             .entry-content p {{ color: {THEME_PARAGRAPH}; }}\n\
             .entry-content {{ font-size: 18px; }}\n\
             .x {{ width: expression(parent.document.title = 'expression ran'); }}\n\
             p {{ background-image: url(javascript:parent.document.title='the url ran'); }}\n\
             .entry-content::after {{ content: \"</style><script>parent.document.title = 'the style escaped'</script>\"; }}\n"
        ),
        "base.css" => {
            format!(".entry-content blockquote {{ border-left: 5px solid {BASE_QUOTE_BORDER}; }}\n")
        }
        "print.css" => "body { background: black; }\n".to_owned(),
        _ => return (StatusCode::NOT_FOUND, "no such sheet").into_response(),
    };
    ([(header::CONTENT_TYPE, "text/css; charset=utf-8")], css).into_response()
}
