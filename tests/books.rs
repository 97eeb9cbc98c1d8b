//! Book lookup against local stand-ins of openBD, NDL Search, Open Library and Google Books:
//! the order, the fallbacks past failures, the cache, and a review started from an ISBN.

use fumi_core::book::lookup;
use fumi_core::book::review;
use fumi_core::book::template::TemplateLanguage;
use fumi_core::model::book::Endpoints;
use fumi_core::model::book::{Book, Isbn};
use fumi_core::{Error, Store};

use super::support::book_sources::{BookSources, Db, Fault};

fn isbn(s: &str) -> Isbn {
    s.parse().expect("a valid ISBN")
}

#[tokio::test]
async fn each_database_is_asked_in_order_until_one_knows_the_book() {
    let sources = BookSources::start();
    let endpoints = sources.endpoints();

    // openBD has 三体: nobody else is asked.
    let found = lookup::fetch(&endpoints, &isbn("978-4-15-209870-2"))
        .await
        .expect("found");
    assert_eq!(found.source, "openBD");
    assert_eq!(found.facts.title, "三体");
    assert_eq!(
        found.facts.authors,
        ["劉 慈欣"],
        "the translator is not an author"
    );
    assert_eq!(found.facts.publisher, "早川書房");
    assert_eq!(found.facts.published, "2019-07-04");
    assert_eq!(found.facts.pages, Some(448));
    assert_eq!(
        found.facts.cover_url,
        Some(format!("{}/covers/9784152098702.png", sources.base))
    );
    assert_eq!(
        sources.take_requests(),
        ["/openbd/v1/get?isbn=9784152098702"]
    );

    // Only the National Diet Library has this one; an ISBN-10 is asked as ISBN-13.
    let found = lookup::fetch(&endpoints, &isbn("4003101014"))
        .await
        .expect("found");
    assert_eq!(found.source, "NDL Search");
    assert_eq!(
        (
            found.facts.title.as_str(),
            found.facts.authors.clone(),
            found.facts.published.as_str()
        ),
        ("こころ", vec!["夏目漱石".to_owned()], "1927-06")
    );
    assert_eq!(
        sources.take_requests(),
        [
            "/openbd/v1/get?isbn=9784003101018",
            "/ndl/api/opensearch?isbn=9784003101018"
        ]
    );

    // Open Library names authors by key: one more request each.
    let found = lookup::fetch(&endpoints, &isbn("9780765377067"))
        .await
        .expect("found");
    assert_eq!(found.source, "Open Library");
    assert_eq!(found.facts.authors, ["Cixin Liu"]);
    assert_eq!(found.facts.published, "2014");
    assert_eq!(
        sources.take_requests(),
        [
            "/openbd/v1/get?isbn=9780765377067",
            "/ndl/api/opensearch?isbn=9780765377067",
            "/openlibrary/isbn/9780765377067.json",
            "/openlibrary/authors/OL97807653770670A.json"
        ]
    );

    let found = lookup::fetch(&endpoints, &isbn("9780306406157"))
        .await
        .expect("found");
    assert_eq!(found.source, "Google Books");
    assert_eq!(found.facts.authors, ["A. Writer", "B. Writer"]);
    assert_eq!(sources.take_requests().len(), 4);
}

#[tokio::test]
async fn a_book_nobody_knows_says_so_and_names_every_database() {
    let sources = BookSources::start();
    let e = lookup::fetch(&sources.endpoints(), &isbn("9780123456786"))
        .await
        .expect_err("unknown");
    assert_eq!(e.code(), "book_not_found");
    let message = e.to_string();
    for name in ["openBD", "NDL Search", "Open Library", "Google Books"] {
        assert!(message.contains(name), "{message}");
    }
    assert!(message.contains("by hand"), "{message}");
}

#[tokio::test]
async fn a_failing_or_garbled_database_is_passed_over_and_named_when_nobody_answers() {
    let sources = BookSources::start();
    let endpoints = sources.endpoints();
    sources.fault(Db::OpenBd, Some(Fault::Garbage));
    sources.fault(Db::Ndl, Some(Fault::Status(503)));
    let found = lookup::fetch(&endpoints, &isbn("9784152098702"))
        .await
        .expect("found");
    assert_eq!(found.source, "Open Library");

    sources.fault(Db::OpenLibrary, Some(Fault::Status(500)));
    sources.fault(Db::GoogleBooks, Some(Fault::Status(429)));
    let e = lookup::fetch(&endpoints, &isbn("9784152098702"))
        .await
        .expect_err("nobody answers");
    assert_eq!(e.code(), "book_lookup_failed");
    let message = e.to_string();
    assert!(
        message.contains("openBD: an answer Fumi cannot read"),
        "{message}"
    );
    assert!(message.contains("NDL Search: HTTP 503"), "{message}");
    assert!(message.contains("Google Books: HTTP 429"), "{message}");

    // Not found in three and garbled in one is a failure too: the book may be in that one.
    sources.fault(Db::OpenLibrary, None);
    sources.fault(Db::GoogleBooks, None);
    sources.fault(Db::Ndl, None);
    let e = lookup::fetch(&endpoints, &isbn("9780123456786"))
        .await
        .expect_err("unknown");
    assert_eq!(e.code(), "book_lookup_failed");
}

#[tokio::test]
async fn offline_the_lookup_fails_clearly() {
    let closed = std::net::TcpListener::bind("127.0.0.1:0").expect("a port");
    let base = format!("http://{}", closed.local_addr().expect("address"));
    drop(closed);
    let endpoints = Endpoints {
        openbd: format!("{base}/openbd"),
        ndl: format!("{base}/ndl"),
        open_library: base.clone(),
        google_books: String::new(),
    };
    let e = lookup::fetch(&endpoints, &isbn("9784152098702"))
        .await
        .expect_err("offline");
    assert!(matches!(e, Error::BookLookupFailed { .. }), "{e:?}");
    assert!(e.to_string().contains("could not be reached"), "{e}");

    let none = Endpoints {
        openbd: String::new(),
        ndl: " ".into(),
        open_library: String::new(),
        google_books: String::new(),
    };
    let e = lookup::fetch(&none, &isbn("9784152098702"))
        .await
        .expect_err("nothing to ask");
    assert!(
        e.to_string().contains("address is empty in the settings"),
        "{e}"
    );
}

#[tokio::test]
async fn a_book_looked_up_once_comes_from_the_database_afterwards() {
    let sources = BookSources::start();
    let dir = tempfile::tempdir().expect("temp dir");
    let mut store = Store::open(dir.path()).expect("store");
    let three_body = isbn("9784152098702");
    let first = review::find(&mut store, &sources.endpoints(), &three_body)
        .await
        .expect("found");
    assert!(!first.cached);
    sources.take_requests();
    // Every database down: the answer kept in the database still comes.
    for db in [Db::OpenBd, Db::Ndl, Db::OpenLibrary, Db::GoogleBooks] {
        sources.fault(db, Some(Fault::Status(500)));
    }
    drop(store);
    let mut store = Store::open(dir.path()).expect("reopen");
    let again = review::find(&mut store, &sources.endpoints(), &three_body)
        .await
        .expect("cached");
    assert!(again.cached);
    assert_eq!(again.facts, first.facts);
    assert!(sources.take_requests().is_empty(), "no network");
}

#[tokio::test]
async fn filling_a_drafts_book_keeps_the_cover_and_the_authors_own_facts() {
    let sources = BookSources::start();
    let dir = tempfile::tempdir().expect("temp dir");
    let mut store = Store::open(dir.path()).expect("store");
    let draft = store.create_draft("感想", "[book]\n").expect("draft");
    store
        .set_book(
            draft.id,
            &Book {
                rating: Some(5),
                finished_on: Some("2026-11-20".into()),
                ..Book::default()
            },
        )
        .expect("the author's rating first");
    let book = review::fill(
        &mut store,
        &sources.endpoints(),
        draft.id,
        &isbn("9784152098702"),
    )
    .await
    .expect("fill")
    .book;
    assert_eq!(book.facts.title, "三体");
    assert_eq!(book.rating, Some(5));
    assert_eq!(book.finished_on.as_deref(), Some("2026-11-20"));
    let cover = book.cover.clone().expect("the cover is kept");
    let hash = cover.strip_prefix("fumi-asset:").expect("an asset");
    assert_eq!(
        store.asset(hash).expect("in the database").bytes,
        include_bytes!("support/images/blue.png")
    );
    assert_eq!(store.book(draft.id).expect("read"), Some(book));

    // Bad values the author types are refused, the book unchanged.
    let mut bad = store.book(draft.id).expect("read").expect("book");
    bad.rating = Some(6);
    assert_eq!(
        store.set_book(draft.id, &bad).expect_err("6 stars").code(),
        "bad_rating"
    );
    bad.rating = Some(4);
    bad.started_on = Some("11月".into());
    assert_eq!(
        store.set_book(draft.id, &bad).expect_err("date").code(),
        "bad_date"
    );
    assert_eq!(
        store.book(draft.id).expect("read").expect("book").rating,
        Some(5)
    );

    // An ISBN typo costs nothing else: the other fields are saved, the old ISBN kept.
    let mut typed = store.book(draft.id).expect("read").expect("book");
    typed.facts.title = "三体 I".into();
    let e = fumi_core::book::save_typed(&mut store, draft.id, typed, "978-4-15-209870-3")
        .expect_err("a typo");
    assert_eq!(e.code(), "bad_isbn");
    let kept = store.book(draft.id).expect("read").expect("book");
    assert_eq!(kept.facts.title, "三体 I");
    assert_eq!(kept.isbn, Some(isbn("9784152098702")));
}

#[tokio::test]
async fn a_new_review_starts_from_the_template_online_or_not() {
    let sources = BookSources::start();
    let dir = tempfile::tempdir().expect("temp dir");
    let mut store = Store::open(dir.path()).expect("store");
    let (draft, failure) = review::new_review(
        &mut store,
        &sources.endpoints(),
        &isbn("9784152098702"),
        TemplateLanguage::Ja,
        "",
    )
    .await
    .expect("review");
    assert!(failure.is_none());
    assert_eq!(draft.title, "「三体」劉 慈欣／著 を読みました");
    assert!(draft.body.contains("\n[book]\n"), "{}", draft.body);
    assert!(
        draft.body.contains("## こんな人におすすめ"),
        "{}",
        draft.body
    );
    let reviewed = store.reviewed_books().expect("my books");
    assert_eq!(reviewed.len(), 1);
    assert_eq!(reviewed[0].draft_id, draft.id);

    // Offline: the review still starts, with the ISBN, and the failure is there to show.
    for db in [Db::OpenBd, Db::Ndl, Db::OpenLibrary, Db::GoogleBooks] {
        sources.fault(db, Some(Fault::Status(503)));
    }
    let (draft, failure) = review::new_review(
        &mut store,
        &sources.endpoints(),
        &isbn("9780306406157"),
        TemplateLanguage::En,
        "",
    )
    .await
    .expect("review");
    assert_eq!(failure.expect("the failure").code(), "book_lookup_failed");
    assert_eq!(draft.title, "ISBN 9780306406157");
    assert!(draft.body.contains("## Who it is for"), "{}", draft.body);
    let book = store.book(draft.id).expect("read").expect("book");
    assert_eq!(book.isbn, Some(isbn("9780306406157")));
}

#[test]
fn the_command_line_looks_up_starts_reviews_and_lists_books() {
    use super::support::{fumi, ok};
    let sources = BookSources::start();
    let dir = tempfile::tempdir().expect("temp dir");
    let data = dir.path();
    let mut store = Store::open(data).expect("store");
    let mut settings = store.settings().expect("settings");
    settings.book_sources = sources.endpoints();
    settings.language = fumi_core::model::settings::Language::Ja;
    store.save_settings(&settings).expect("save");
    drop(store);

    let out = ok(fumi(data, &["book", "lookup", "4-15-209870-8"], b""));
    assert!(
        out.starts_with("Title: 三体\nAuthors: 劉 慈欣\nPublisher: 早川書房\n"),
        "{out}"
    );
    assert!(
        out.contains("ISBN: 9784152098702\nISBN-10: 4152098708\n"),
        "{out}"
    );
    assert!(out.ends_with("Source: openBD\n"), "{out}");
    let out = ok(fumi(data, &["book", "lookup", "9784152098702"], b""));
    assert!(
        out.ends_with("Source: openBD (kept from an earlier lookup)\n"),
        "{out}"
    );

    let bad = fumi(data, &["book", "lookup", "9784152098703"], b"");
    assert!(!bad.status.success());
    assert!(String::from_utf8_lossy(&bad.stderr).contains("not a valid ISBN"));
    let unknown = fumi(data, &["book", "lookup", "9780123456786"], b"");
    assert!(!unknown.status.success());
    assert!(String::from_utf8_lossy(&unknown.stderr).contains("No book database knows"));

    let id = ok(fumi(data, &["review", "new", "978-4-15-209870-2"], b""));
    let shown = ok(fumi(data, &["drafts", "show", id.trim()], b""));
    assert!(
        shown.contains("Title: 「三体」劉 慈欣／著 を読みました"),
        "{shown}"
    );
    assert!(shown.contains("## 手に取ったきっかけ"), "{shown}");
    let listed = ok(fumi(data, &["book", "list", "--sort", "author"], b""));
    assert_eq!(listed, format!("{}\t\t\t三体\t劉 慈欣\n", id.trim()));
}

/// Publishes, to the blog at `url` of `kind`, a draft whose text places the card, its book
/// filled from the local databases and an associate tag in the settings (and, with
/// `as_asin`, the card sent to Hatena as Hatena's own).
async fn publish_review_with_card(
    sources: &BookSources,
    kind: fumi_core::BlogKind,
    url: &str,
    user: &str,
    secret: &str,
    as_asin: bool,
) -> (tempfile::TempDir, Store, fumi_core::Publication) {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut store = Store::open(dir.path()).expect("store");
    let blog = store
        .add_blog("blog", kind, url, user, "test-key")
        .expect("blog");
    let mut settings = store.settings().expect("settings");
    settings.affiliate_tag = "fumi-22".into();
    settings.hatena_book_as_asin = as_asin;
    store.save_settings(&settings).expect("save");
    let draft = store
        .create_draft("『三体』を読んで", "冒頭。\n\n[book]\n\n感想。\n")
        .expect("draft");
    review::fill(
        &mut store,
        &sources.endpoints(),
        draft.id,
        &isbn("9784152098702"),
    )
    .await
    .expect("fill");
    let (published, _) = super::support::publish_collecting(
        &mut store,
        &blog,
        secret,
        draft.id,
        fumi_core::publish::PublishOptions::default(),
    )
    .await;
    (dir, store, published.expect("publish"))
}

fn assert_card(html: &str, cover_host: &str) {
    assert!(html.contains(r#"<div class="fumi-book-card""#), "{html}");
    assert!(html.contains("三体"), "{html}");
    assert!(html.contains("早川書房（2019年）"), "{html}");
    assert!(
        html.contains(r#"href="https://www.amazon.co.jp/dp/4152098708?tag=fumi-22""#),
        "{html}"
    );
    let cover = html
        .split(r#"<img class="fumi-book-cover" src=""#)
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .expect("the cover");
    assert!(
        cover.contains(cover_host),
        "the blog's copy of the cover: {cover}"
    );
    assert!(
        !html.contains("[book]") && !html.contains("fumi-asset"),
        "{html}"
    );
}

#[tokio::test]
async fn the_card_reaches_the_post_on_wordpress_and_on_hatena() {
    use super::support::hatena::TestHatena;
    use super::support::wordpress::TestWordPress;
    use fumi_core::BlogKind;

    let sources = BookSources::start();

    let site = TestWordPress::start();
    let (_dir, _store, published) = publish_review_with_card(
        &sources,
        BlogKind::WordPress,
        &site.url,
        &site.user,
        &site.password,
        true,
    )
    .await;
    let id = published.remote_id.expect("id");
    let post =
        super::publish_wordpress::rest(&site, &format!("wp/v2/posts/{id}?context=edit")).await;
    let html = post["content"]["raw"].as_str().expect("content");
    assert_card(html, "/wp-content/uploads/");
    assert!(
        html.find("冒頭") < html.find("fumi-book-card"),
        "in place: {html}"
    );

    let hatena = TestHatena::start();
    publish_review_with_card(
        &sources,
        BlogKind::Hatena,
        &hatena.root,
        &hatena.user,
        &hatena.api_key,
        false,
    )
    .await;
    let entry = hatena.entries().remove(0);
    assert_eq!(entry.content_type, "text/x-markdown");
    // Markdown mode: the card is an HTML block between the author's paragraphs.
    assert!(
        entry
            .content
            .starts_with("冒頭。\n\n<div class=\"fumi-book-card\""),
        "{}",
        entry.content
    );
    assert!(
        entry.content.ends_with("</div></div>\n\n感想。\n"),
        "{}",
        entry.content
    );
    assert_card(&entry.content, "/images/fumi-tester/");
}

#[tokio::test]
async fn on_hatena_the_card_can_go_as_hatenas_own_product_card() {
    use super::support::hatena::TestHatena;
    use fumi_core::BlogKind;
    use fumi_core::book::card::for_draft;
    use fumi_core::render::Flavor;

    let sources = BookSources::start();
    let hatena = TestHatena::start();
    let (_dir, store, published) = publish_review_with_card(
        &sources,
        BlogKind::Hatena,
        &hatena.root,
        &hatena.user,
        &hatena.api_key,
        true,
    )
    .await;
    // Hatena draws the card with the blog's own associate settings; Fumi's cover is not sent.
    let entry = hatena.entries().remove(0);
    assert_eq!(
        entry.content,
        "冒頭。\n\n[asin:4152098708:detail]\n\n感想。\n"
    );
    assert!(hatena.images().is_empty(), "the cover went to Fotolife");

    // The preview with the Hatena blog shows Hatena's product card; elsewhere Fumi's own.
    let draft = published.draft_id;
    let local = |src: &str| Some(format!("fumi-preview://{src}"));
    let hatena_card = for_draft(&store, draft, &local, Flavor::Hatena).expect("card");
    assert!(
        hatena_card.contains(r#"href="https://www.amazon.co.jp/dp/4152098708""#)
            && hatena_card.contains("劉 慈欣 / 早川書房 / 2019-07-04")
            && hatena_card.contains(r#"src="fumi-preview://fumi-asset:"#)
            && !hatena_card.contains("fumi-book-card"),
        "{hatena_card}"
    );
    let own = for_draft(&store, draft, &local, Flavor::WordPress).expect("card");
    assert!(own.contains(r#"<div class="fumi-book-card""#), "{own}");
}
