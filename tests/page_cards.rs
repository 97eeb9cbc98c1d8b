//! The cards of embedded pages: read once from the page's own metadata, kept across restarts,
//! and plain (the address) when the page cannot be read.

use fumi_core::App;
use fumi_core::render::{Flavor, Output};

use super::support::page_site::PageSite;

/// The preview of `text` with a Hatena blog selected, the kept `cards` drawn.
fn hatena_preview(app: &App, text: &str, cards: &fumi_core::model::page_card::PageCards) -> String {
    app.renderer()
        .render_for(
            text,
            Flavor::Hatena,
            Output::Preview,
            &|_| None,
            None,
            cards,
        )
        .html
}

#[tokio::test]
async fn a_card_is_read_once_kept_across_restarts_and_plain_when_the_page_cannot_be_read() {
    let site = PageSite::start();
    let data = tempfile::tempdir().expect("temp dir");
    let text = format!("感想です。\n\n[{}:embed:cite]\n", site.page);

    let app = App::open(data.path()).expect("open");
    assert_eq!(app.read_page_cards(&text, false).await.expect("read"), 1);
    // Kept: typing on (each save asks again) never reads the page a second time.
    for _ in 0..3 {
        assert_eq!(app.read_page_cards(&text, false).await.expect("read"), 0);
    }
    assert_eq!(site.reads(), 1, "the page was read more than once");
    drop(app);

    // After a restart the card is still there, drawn from the page's own words.
    let app = App::open(data.path()).expect("open again");
    let cards = app.page_cards(&text).expect("cards");
    let card = cards.get(&site.page).expect("the kept card");
    assert_eq!(card.title, "『三体』劉慈欣を読む");
    assert_eq!(card.site, "読書記録");
    let image = format!(
        "{}images/cover.png",
        &site.page[..site.page.find("articles").expect("path")]
    );
    assert_eq!(card.image.as_deref(), Some(image.as_str()));
    let html = hatena_preview(&app, &text, &cards);
    assert!(html.contains("『三体』劉慈欣を読む"), "{html}");
    assert!(html.contains("文化大革命から始まるSF。"), "{html}");
    assert!(html.contains(&format!(r#"src="{image}""#)), "{html}");
    assert!(html.contains("hatena-citation"), "{html}");
    // Asked again, the page is read again.
    assert_eq!(app.read_page_cards(&text, true).await.expect("read"), 1);
    assert_eq!(site.reads(), 2);

    // A page that cannot be read: no error, no card, the address shown; not tried again at
    // every save.
    let closed = std::net::TcpListener::bind("127.0.0.1:0").expect("a port");
    let gone = format!(
        "http://127.0.0.1:{}/gone",
        closed.local_addr().expect("addr").port()
    );
    drop(closed);
    let offline = format!("[{gone}:embed]\n");
    assert_eq!(app.read_page_cards(&offline, false).await.expect("read"), 0);
    let cards = app.page_cards(&offline).expect("cards");
    assert!(cards.is_empty());
    let html = hatena_preview(&app, &offline, &cards);
    assert!(
        html.contains(r#"<div class="fumi-card">"#) && html.contains(&gone),
        "{html}"
    );
}

#[tokio::test]
async fn a_product_card_of_a_book_is_drawn_from_the_book_databases_and_others_stay_plain() {
    use super::support::book_sources::BookSources;

    let sources = BookSources::start();
    let data = tempfile::tempdir().expect("temp dir");
    let app = App::open(data.path()).expect("open");
    let mut settings = app.settings().expect("settings");
    settings.book_sources = sources.endpoints();
    app.save_settings(&settings).expect("save");
    // 三体's ISBN-10 is its ASIN; B0… is a product that is not a book.
    let text = "読みました。\n\n[asin:4152098708:detail]\n\n[asin:B08XYZ1234:detail]\n";

    assert_eq!(app.read_page_cards(text, false).await.expect("read"), 1);
    assert_eq!(
        sources.take_requests(),
        ["/openbd/v1/get?isbn=9784152098702"],
        "only the book is looked up, once"
    );
    assert_eq!(app.read_page_cards(text, false).await.expect("read"), 0);
    assert!(sources.take_requests().is_empty(), "looked up again");

    let cards = app.page_cards(text).expect("cards");
    let html = hatena_preview(&app, text, &cards);
    let book = &html[..html.find("B08XYZ1234").expect("the other product")];
    assert!(
        book.contains(r#"href="https://www.amazon.co.jp/dp/4152098708""#),
        "{html}"
    );
    for shown in ["三体", "劉 慈欣 / 早川書房 / 2019-07-04", "Amazon"] {
        assert!(book.contains(shown), "{shown} missing: {html}");
    }
    assert!(
        book.contains(&format!(
            r#"src="{}/covers/9784152098702.png""#,
            sources.base
        )),
        "{html}"
    );
    assert!(
        html.contains(r#"<span class="fumi-card-title">ASIN B08XYZ1234</span>"#),
        "{html}"
    );
}
