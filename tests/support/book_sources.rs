//! Local stand-ins for the four book databases Fumi asks, answering in each one's documented
//! format: openBD's JSON array (`[null]` when unknown), NDL Search's OpenSearch RSS (no
//! `<item>` when unknown), Open Library's edition JSON with author keys (404 when unknown) and
//! Google Books' volumes list (`totalItems: 0` when unknown). Each database can be made to
//! fail (an HTTP status, or a reply that is not its format); every request is recorded.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use axum::Router;
use axum::extract::{Path, Query, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use fumi_core::model::book::Endpoints;

/// The four databases.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Db {
    OpenBd,
    Ndl,
    OpenLibrary,
    GoogleBooks,
}

/// How a database answers every request.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fault {
    /// This status and an error page.
    Status(u16),
    /// 200 with a body that is not the database's format.
    Garbage,
}

/// A book some databases know.
#[derive(Debug, Clone)]
pub struct Entry {
    pub title: &'static str,
    /// As the database lists them.
    pub authors: &'static [&'static str],
    pub publisher: &'static str,
    pub pages: u32,
    pub known_by: &'static [Db],
}

/// The catalogue: 三体 everywhere; one book in each database alone but openBD.
pub fn catalogue() -> HashMap<&'static str, Entry> {
    HashMap::from([
        (
            "9784152098702",
            Entry {
                title: "三体",
                authors: &["劉 慈欣"],
                publisher: "早川書房",
                pages: 448,
                known_by: &[Db::OpenBd, Db::Ndl, Db::OpenLibrary, Db::GoogleBooks],
            },
        ),
        (
            "9784003101018",
            Entry {
                title: "こころ",
                authors: &["夏目, 漱石"],
                publisher: "岩波書店",
                pages: 330,
                known_by: &[Db::Ndl],
            },
        ),
        (
            "9780765377067",
            Entry {
                title: "The Three-Body Problem",
                authors: &["Cixin Liu"],
                publisher: "Tor Books",
                pages: 400,
                known_by: &[Db::OpenLibrary, Db::GoogleBooks],
            },
        ),
        (
            "9780306406157",
            Entry {
                title: "Signals and Noise",
                authors: &["A. Writer", "B. Writer"],
                publisher: "Plenum",
                pages: 212,
                known_by: &[Db::GoogleBooks],
            },
        ),
    ])
}

struct Shared {
    base: String,
    books: HashMap<&'static str, Entry>,
    faults: HashMap<Db, Fault>,
    requests: Vec<String>,
}

type S = Arc<Mutex<Shared>>;

/// The four databases on one loopback port.
pub struct BookSources {
    pub base: String,
    state: S,
}

impl BookSources {
    pub fn start() -> BookSources {
        let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("a port");
        listener.set_nonblocking(true).expect("non-blocking");
        let base = format!(
            "http://127.0.0.1:{}",
            listener.local_addr().expect("address").port()
        );
        let state = Arc::new(Mutex::new(Shared {
            base: base.clone(),
            books: catalogue(),
            faults: HashMap::new(),
            requests: Vec::new(),
        }));
        let app = Router::new()
            .route("/openbd/v1/get", get(openbd))
            .route("/ndl/api/opensearch", get(ndl))
            .route("/openlibrary/isbn/{file}", get(open_library_edition))
            .route("/openlibrary/authors/{file}", get(open_library_author))
            .route("/google/books/v1/volumes", get(google_books))
            .route("/covers/{file}", get(cover))
            .with_state(state.clone());
        super::serve(listener, app);
        BookSources { base, state }
    }

    /// The endpoints to put in the settings.
    pub fn endpoints(&self) -> Endpoints {
        Endpoints {
            openbd: format!("{}/openbd/v1/get", self.base),
            ndl: format!("{}/ndl/api/opensearch", self.base),
            open_library: format!("{}/openlibrary", self.base),
            google_books: format!("{}/google/books/v1/volumes", self.base),
        }
    }

    /// Makes a database fail every request from now on (or answer again, with `None`).
    pub fn fault(&self, db: Db, fault: Option<Fault>) {
        let mut s = self.state.lock().expect("state");
        match fault {
            Some(f) => s.faults.insert(db, f),
            None => s.faults.remove(&db),
        };
    }

    /// The paths asked so far (query included), and forgets them.
    pub fn take_requests(&self) -> Vec<String> {
        std::mem::take(&mut self.state.lock().expect("state").requests)
    }
}

/// Records the request; the fault to answer with, or the entry the ISBN names.
fn ask(
    state: &S,
    db: Db,
    path: String,
    isbn: &str,
) -> Result<Option<(Entry, String)>, Box<Response>> {
    let mut s = state.lock().expect("state");
    s.requests.push(path);
    match s.faults.get(&db) {
        Some(Fault::Status(code)) => {
            let status = StatusCode::from_u16(*code).expect("status");
            return Err(Box::new(
                (status, "<html><body>Service Unavailable</body></html>").into_response(),
            ));
        }
        Some(Fault::Garbage) => {
            return Err(Box::new(
                (
                    StatusCode::OK,
                    [(header::CONTENT_TYPE, "text/html")],
                    "<html><head><title>Maintenance</title></head><body>メンテナンス中</body></html>",
                )
                    .into_response(),
            ));
        }
        None => {}
    }
    Ok(s.books
        .get(isbn)
        .filter(|e| e.known_by.contains(&db))
        .map(|e| (e.clone(), s.base.clone())))
}

fn json(body: String) -> Response {
    (
        [(header::CONTENT_TYPE, "application/json; charset=utf-8")],
        body,
    )
        .into_response()
}

async fn openbd(State(state): State<S>, Query(q): Query<HashMap<String, String>>) -> Response {
    let isbn = q.get("isbn").cloned().unwrap_or_default();
    match ask(
        &state,
        Db::OpenBd,
        format!("/openbd/v1/get?isbn={isbn}"),
        &isbn,
    ) {
        Err(r) => *r,
        Ok(None) => json("[null]".into()),
        Ok(Some((e, base))) => {
            let contributors: Vec<_> = e
                .authors
                .iter()
                .map(|a| serde_json::json!({"SequenceNumber": "1", "ContributorRole": ["A01"], "PersonName": {"content": a, "collationkey": ""}}))
                .chain(std::iter::once(serde_json::json!({"SequenceNumber": "2", "ContributorRole": ["B06"], "PersonName": {"content": "大森 望"}})))
                .collect();
            json(
                serde_json::json!([{
                    "onix": {
                        "RecordReference": isbn,
                        "DescriptiveDetail": {
                            "TitleDetail": {"TitleType": "01", "TitleElement": {"TitleElementLevel": "01", "TitleText": {"content": e.title}}},
                            "Contributor": contributors,
                            "Extent": [{"ExtentType": "11", "ExtentValue": e.pages.to_string(), "ExtentUnit": "03"}]
                        },
                        "PublishingDetail": {"Imprint": {"ImprintName": e.publisher}, "PublishingDate": [{"PublishingDateRole": "01", "Date": "20190704"}]}
                    },
                    "hanmoto": {"datemodified": "2019-07-01 10:00:00"},
                    "summary": {
                        "isbn": isbn, "title": e.title, "volume": "", "series": "",
                        "publisher": e.publisher, "pubdate": "20190704",
                        "cover": format!("{base}/covers/{isbn}.png"),
                        "author": format!("{}／著 大森望／訳", e.authors.join(" ").replace(' ', ""))
                    }
                }])
                .to_string(),
            )
        }
    }
}

async fn ndl(State(state): State<S>, Query(q): Query<HashMap<String, String>>) -> Response {
    let isbn = q.get("isbn").cloned().unwrap_or_default();
    let item = match ask(
        &state,
        Db::Ndl,
        format!("/ndl/api/opensearch?isbn={isbn}"),
        &isbn,
    ) {
        Err(r) => return *r,
        Ok(None) => String::new(),
        Ok(Some((e, _))) => {
            let creators: String = e
                .authors
                .iter()
                .map(|a| format!("<dc:creator>{a}</dc:creator>"))
                .collect();
            format!(
                "<item><title>{t}</title><link>https://ndlsearch.ndl.go.jp/books/R1</link>\
                 <author>{a}</author><category>図書</category><dc:title>{t}</dc:title>{creators}\
                 <dc:publisher>{p}</dc:publisher><dcterms:issued>1927.6</dcterms:issued>\
                 <dc:extent>{n}p</dc:extent><dc:identifier xsi:type=\"dcndl:ISBN\">{isbn}</dc:identifier></item>",
                t = e.title,
                a = e.authors.join(","),
                p = e.publisher,
                n = e.pages,
            )
        }
    };
    let total = usize::from(!item.is_empty());
    (
        [(header::CONTENT_TYPE, "application/rss+xml; charset=utf-8")],
        format!(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss xmlns:dc=\"http://purl.org/dc/elements/1.1/\" \
             xmlns:openSearch=\"http://a9.com/-/spec/opensearchrss/1.0/\" xmlns:dcndl=\"http://ndl.go.jp/dcndl/terms/\" \
             xmlns:dcterms=\"http://purl.org/dc/terms/\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" version=\"2.0\">\
             <channel><title>{isbn} - 国立国会図書館サーチ OpenSearch</title><link>https://ndlsearch.ndl.go.jp/api/opensearch?isbn={isbn}</link>\
             <description>Search results for isbn={isbn}</description><language>ja</language>\
             <openSearch:totalResults>{total}</openSearch:totalResults><openSearch:startIndex>1</openSearch:startIndex>\
             <openSearch:itemsPerPage>200</openSearch:itemsPerPage>{item}</channel></rss>"
        ),
    )
        .into_response()
}

async fn open_library_edition(State(state): State<S>, Path(file): Path<String>) -> Response {
    let isbn = file.trim_end_matches(".json").to_owned();
    match ask(
        &state,
        Db::OpenLibrary,
        format!("/openlibrary/isbn/{file}"),
        &isbn,
    ) {
        Err(r) => *r,
        // Open Library answers an unknown ISBN with its 404 page.
        Ok(None) => (
            StatusCode::NOT_FOUND,
            "<html><body>Page not found</body></html>",
        )
            .into_response(),
        Ok(Some((e, _))) => {
            let authors: Vec<_> = (0..e.authors.len())
                .map(|i| serde_json::json!({"key": format!("/authors/OL{isbn}{i}A")}))
                .collect();
            json(
                serde_json::json!({
                    "title": e.title, "authors": authors, "publishers": [e.publisher],
                    "publish_date": "Nov 11, 2014", "number_of_pages": e.pages, "covers": [8231856],
                    "isbn_13": [isbn], "key": "/books/OL25782327M", "type": {"key": "/type/edition"}
                })
                .to_string(),
            )
        }
    }
}

async fn open_library_author(State(state): State<S>, Path(file): Path<String>) -> Response {
    // /authors/OL{isbn}{i}A.json: the i-th author of the book with that ISBN.
    let key = file
        .trim_end_matches(".json")
        .trim_start_matches("OL")
        .trim_end_matches('A');
    let (isbn, index) = key.split_at(13.min(key.len()));
    match ask(
        &state,
        Db::OpenLibrary,
        format!("/openlibrary/authors/{file}"),
        isbn,
    ) {
        Err(r) => *r,
        Ok(None) => (StatusCode::NOT_FOUND, "not found").into_response(),
        Ok(Some((e, _))) => {
            let name = index.parse::<usize>().ok().and_then(|i| e.authors.get(i));
            match name {
                Some(name) => json(
                    serde_json::json!({"name": name, "key": format!("/authors/{key}A")})
                        .to_string(),
                ),
                None => (StatusCode::NOT_FOUND, "not found").into_response(),
            }
        }
    }
}

async fn google_books(
    State(state): State<S>,
    Query(q): Query<HashMap<String, String>>,
) -> Response {
    let query = q.get("q").cloned().unwrap_or_default();
    let isbn = query.strip_prefix("isbn:").unwrap_or_default().to_owned();
    match ask(
        &state,
        Db::GoogleBooks,
        format!("/google/books/v1/volumes?q={query}"),
        &isbn,
    ) {
        Err(r) => *r,
        Ok(None) => json(serde_json::json!({"kind": "books#volumes", "totalItems": 0}).to_string()),
        Ok(Some((e, base))) => json(
            serde_json::json!({
                "kind": "books#volumes", "totalItems": 1,
                "items": [{"kind": "books#volume", "id": "zyTCAlFPjgYC", "volumeInfo": {
                    "title": e.title, "authors": e.authors, "publisher": e.publisher,
                    "publishedDate": "1989-01-01", "pageCount": e.pages,
                    "industryIdentifiers": [{"type": "ISBN_13", "identifier": isbn}],
                    "imageLinks": {"thumbnail": format!("{base}/covers/{isbn}.png")}
                }}]
            })
            .to_string(),
        ),
    }
}

async fn cover(State(state): State<S>, Path(file): Path<String>) -> Response {
    state
        .lock()
        .expect("state")
        .requests
        .push(format!("/covers/{file}"));
    (
        [(header::CONTENT_TYPE, "image/png")],
        include_bytes!("images/blue.png").as_slice(),
    )
        .into_response()
}
