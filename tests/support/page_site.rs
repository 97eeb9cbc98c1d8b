//! A web page on loopback with Open Graph metadata, as a blog post an author embeds; it counts
//! the requests it answers.

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

use axum::Router;
use axum::extract::State;
use axum::response::Html;
use axum::routing::get;

/// The site, and how many times its page was read.
pub struct PageSite {
    /// The embedded page's address.
    pub page: String,
    reads: Arc<AtomicUsize>,
}

impl PageSite {
    pub fn start() -> PageSite {
        let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("a port");
        listener.set_nonblocking(true).expect("non-blocking");
        let base = format!(
            "http://127.0.0.1:{}",
            listener.local_addr().expect("address").port()
        );
        let reads = Arc::new(AtomicUsize::new(0));
        let app = Router::new()
            .route("/articles/three-body", get(page))
            .route("/images/cover.png", get(cover))
            .with_state(reads.clone());
        super::serve(listener, app);
        PageSite {
            page: format!("{base}/articles/three-body"),
            reads,
        }
    }

    /// How many times the page was read.
    pub fn reads(&self) -> usize {
        self.reads.load(Ordering::SeqCst)
    }
}

async fn cover() -> (
    [(axum::http::header::HeaderName, &'static str); 1],
    &'static [u8],
) {
    (
        [(axum::http::header::CONTENT_TYPE, "image/png")],
        include_bytes!("images/red.png"),
    )
}

async fn page(State(reads): State<Arc<AtomicUsize>>) -> Html<&'static str> {
    reads.fetch_add(1, Ordering::SeqCst);
    Html(
        r#"<!doctype html><html lang="ja"><head><meta charset="utf-8">
<title>三体を読む - 読書記録</title>
<meta property="og:title" content="『三体』劉慈欣を読む">
<meta property="og:description" content="文化大革命から始まるSF。">
<meta property="og:site_name" content="読書記録">
<meta property="og:image" content="/images/cover.png">
</head><body><p>本文</p></body></html>"#,
    )
}
