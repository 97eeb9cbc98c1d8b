//! Book reviews in the real window: a review started from an ISBN (fields filled, card in the
//! preview), the book edited by hand, a lookup that fails, the card inserted, My books.

use fantoccini::Client;
use fumi_core::Store;
use serde_json::Value;

use super::support::book_sources::BookSources;
use super::support::desktop::Desktop;
use super::window::{click, quit, save_screenshot, set_field, text, wait_for};
use super::window_desktop::choose_menu_item;

async fn value(window: &Client, id: &str) -> String {
    window
        .execute(
            "return document.getElementById(arguments[0]).value",
            vec![id.into()],
        )
        .await
        .expect("read a field")
        .as_str()
        .unwrap_or_default()
        .to_owned()
}

#[tokio::test]
async fn a_review_starts_from_an_isbn_and_its_card_follows_the_book() {
    let sources = BookSources::start();
    let data = tempfile::tempdir().expect("temp dir");
    let mut store = Store::open(data.path()).expect("store");
    let mut settings = store.settings().expect("settings");
    settings.book_sources = sources.endpoints();
    settings.affiliate_tag = "fumi-22".into();
    settings.welcomed = true;
    store.save_settings(&settings).expect("save");
    drop(store);

    let desktop = Desktop::start();
    let window = desktop.launch(data.path()).await;

    // File → New Book Review…: an ISBN as printed on the book.
    choose_menu_item(&window, "new-review").await;
    wait_for(
        &window,
        "the ISBN question",
        "!document.getElementById('dialog-input').hidden",
    )
    .await;
    set_field(&window, "dialog-input", "ISBN4-15-209870-8", "input").await;
    click(&window, "dialog-confirm").await;
    wait_for(
        &window,
        "the review",
        "document.getElementById('title').value === 'Review: 三体 by 劉 慈欣'",
    )
    .await;
    wait_for(
        &window,
        "the book panel",
        "!document.getElementById('book-panel').hidden",
    )
    .await;
    assert_eq!(value(&window, "book-isbn").await, "9784152098702");
    assert_eq!(value(&window, "book-title").await, "三体");
    assert_eq!(value(&window, "book-publisher").await, "早川書房");
    assert_eq!(value(&window, "book-pages").await, "448");
    // The card in the preview: the cover from Fumi's database, the link with the tag.
    wait_for(
        &window,
        "the card in the preview",
        "document.querySelector('#preview .fumi-book-card .fumi-book-cover')?.complete === true \
         && document.querySelector('#preview .fumi-book-card .fumi-book-cover').naturalWidth > 0",
    )
    .await;
    let href = window
        .execute(
            "return document.querySelector('#preview .fumi-book-buy').getAttribute('href')",
            vec![],
        )
        .await
        .expect("link");
    assert_eq!(
        href,
        Value::from("https://www.amazon.co.jp/dp/4152098708?tag=fumi-22")
    );
    save_screenshot(&window, "book-review").await;

    // Edited by hand: saved, and the card follows.
    set_field(&window, "book-title", "三体 I", "change").await;
    set_field(&window, "book-rating", "4", "change").await;
    set_field(&window, "book-finished", "2026-11-20", "change").await;
    wait_for(
        &window,
        "the card's new title",
        "document.querySelector('#preview .fumi-book-title')?.textContent === '三体 I'",
    )
    .await;

    // A lookup nobody can answer leaves what was typed and says why.
    set_field(&window, "book-isbn", "9780123456786", "input").await;
    click(&window, "book-lookup").await;
    wait_for(
        &window,
        "the lookup's failure",
        "document.getElementById('book-message').textContent.includes('No book database knows')",
    )
    .await;
    assert_eq!(value(&window, "book-title").await, "三体 I");
    // A typo in the ISBN is a message too, and nothing is lost.
    set_field(&window, "book-isbn", "9784152098703", "change").await;
    wait_for(
        &window,
        "the ISBN's check",
        "document.getElementById('book-message').textContent.includes('not a valid ISBN')",
    )
    .await;
    set_field(&window, "book-isbn", "9784152098702", "change").await;
    wait_for(
        &window,
        "the message cleared",
        "document.getElementById('book-message').textContent === ''",
    )
    .await;
    let store = Store::open(data.path()).expect("store");
    let reviewed = store.reviewed_books().expect("books");
    assert_eq!(reviewed.len(), 1);
    let review = reviewed[0].draft_id;
    let book = &reviewed[0].book;
    assert_eq!(
        (
            book.facts.title.as_str(),
            book.rating,
            book.finished_on.as_deref()
        ),
        ("三体 I", Some(4), Some("2026-11-20"))
    );
    drop(store);

    // A plain draft becomes a review: its book looked up from the panel, the card inserted.
    click(&window, "new-draft").await;
    wait_for(
        &window,
        "a new draft",
        "document.getElementById('title').value === ''",
    )
    .await;
    assert_eq!(
        window
            .execute(
                "return document.getElementById('book-panel').hidden",
                vec![]
            )
            .await
            .expect("read"),
        Value::Bool(true),
        "no book, no panel"
    );
    choose_menu_item(&window, "book").await;
    wait_for(
        &window,
        "the book panel",
        "!document.getElementById('book-panel').hidden",
    )
    .await;
    set_field(&window, "book-isbn", "4003101014", "input").await;
    click(&window, "book-lookup").await;
    wait_for(
        &window,
        "the book from NDL",
        "document.getElementById('book-title').value === 'こころ'",
    )
    .await;
    assert_eq!(
        text(&window, "book-message").await,
        "Filled in from NDL Search."
    );
    wait_for(
        &window,
        "the card's button",
        "!document.getElementById('book-insert-card').hidden",
    )
    .await;
    click(&window, "book-insert-card").await;
    wait_for(
        &window,
        "the second card",
        "document.querySelector('#preview .fumi-book-title')?.textContent === 'こころ'",
    )
    .await;

    // My books: both, the rated one first by rating; a click opens its review.
    choose_menu_item(&window, "my-books").await;
    wait_for(
        &window,
        "my books",
        "document.querySelectorAll('#books-list li').length === 2",
    )
    .await;
    set_field(&window, "books-sort", "rating", "change").await;
    wait_for(
        &window,
        "rated first",
        "document.querySelector('#books-list .books-title').textContent === '三体 I'",
    )
    .await;
    save_screenshot(&window, "my-books").await;
    window
        .execute(
            "document.querySelector('#books-list .books-open').click(); return true",
            vec![],
        )
        .await
        .expect("open");
    wait_for(
        &window,
        "the review opened",
        "!document.getElementById('books-dialog').open",
    )
    .await;
    wait_for(
        &window,
        "the review's title",
        "document.getElementById('title').value === 'Review: 三体 by 劉 慈欣'",
    )
    .await;
    let _ = review;
    quit(window, data.path()).await;
}
