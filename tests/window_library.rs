//! The library in the real window: filters by status, blog and tag, both orders, tags edited
//! from the status bar, and a long list drawn a page at a time.

use fantoccini::Client;
use fantoccini::key::Key;
use fumi_core::model::post::RemotePost;
use fumi_core::{BlogKind, Store};
use serde_json::Value;

use super::support::desktop::Desktop;
use super::window::{click, quit, set_field, text, type_in_editor, wait_for, wait_for_saved};

async fn wait_for_titles(window: &Client, expected: &[&str]) {
    let script = format!(
        "JSON.stringify([...document.querySelectorAll('#drafts .draft-title')].map(e => e.textContent)) === {}",
        serde_json::to_string(&serde_json::to_string(expected).expect("json")).expect("json")
    );
    wait_for(window, &format!("the list {expected:?}"), &script).await;
}

/// Opens the listed draft titled `title` and waits for the editor to hold it.
async fn open_row(window: &Client, title: &str) {
    window
        .execute(
            "[...document.querySelectorAll('#drafts li.draft-item')].find(li => li.querySelector('.draft-title').textContent === arguments[0]).click(); return true",
            vec![title.into()],
        )
        .await
        .expect("open");
    wait_for(
        window,
        &format!("{title} open"),
        &format!("document.getElementById('title').value === {title:?}"),
    )
    .await;
}

#[tokio::test]
async fn the_sidebar_filters_by_status_blog_and_tag_sorts_and_edits_tags() {
    let data = tempfile::tempdir().expect("temp dir");
    let mut store = Store::open(data.path()).expect("store");
    let blog = store
        .add_blog(
            "本の感想",
            BlogKind::WordPress,
            "https://books.example",
            "me",
            "test-key",
        )
        .expect("blog");
    // Created oldest first; the published one is saved last, so it leads the list.
    let memo = store.create_draft("メモ", "思いつき").expect("draft");
    store
        .create_draft("火星の人", "---\ntags: [SF]\n---\n本文")
        .expect("draft");
    let review = store
        .create_draft("三体", "---\ncategories: [読書]\ntags: [SF]\n---\n本文")
        .expect("draft");
    store
        .record_published(
            review.id,
            blog.id,
            "h",
            &RemotePost {
                id: "1".into(),
                url: "https://books.example/1".into(),
                status: fumi_core::model::post::PostState::Published,
                ..RemotePost::default()
            },
        )
        .expect("record");
    drop(store);

    let desktop = Desktop::start();
    let window = desktop.launch(data.path()).await;
    wait_for_titles(&window, &["三体", "火星の人", "メモ"]).await;
    // Each row says where it stands and what it is tagged with.
    let meta = window
        .execute(
            "return document.querySelector('#drafts li .draft-meta').textContent",
            vec![],
        )
        .await
        .expect("meta");
    assert_eq!(meta, Value::from("Published#SF#読書"));

    set_field(&window, "filter-tag", "SF", "change").await;
    wait_for_titles(&window, &["三体", "火星の人"]).await;
    assert_eq!(text(&window, "list-heading").await, "2 found");
    set_field(&window, "filter-status", "published", "change").await;
    wait_for_titles(&window, &["三体"]).await;
    set_field(&window, "filter-status", "draft", "change").await;
    wait_for_titles(&window, &["火星の人"]).await;
    set_field(&window, "filter-tag", "", "change").await;
    wait_for_titles(&window, &["火星の人", "メモ"]).await;
    set_field(&window, "filter-status", "", "change").await;
    set_field(&window, "filter-blog", &blog.id.to_string(), "change").await;
    wait_for_titles(&window, &["三体"]).await;
    set_field(&window, "filter-blog", "", "change").await;
    set_field(&window, "sort", "created", "change").await;
    wait_for_titles(&window, &["三体", "火星の人", "メモ"]).await;

    // Tags from the status bar: written into the front matter as an edit of the text.
    open_row(&window, "メモ").await;
    click(&window, "edit-tags").await;
    wait_for(
        &window,
        "the tags field",
        "!document.getElementById('tags-input').hidden",
    )
    .await;
    window
        .execute(
            "const i = document.getElementById('tags-input'); i.value = '新刊、読書'; return true",
            vec![],
        )
        .await
        .expect("type tags");
    let input = window
        .find(fantoccini::Locator::Id("tags-input"))
        .await
        .expect("the tags field");
    input
        .send_keys(&Key::Enter.to_string())
        .await
        .expect("Enter");
    wait_for(
        &window,
        "the tags in the text",
        "document.querySelector('.cm-content').textContent.startsWith('---tags: [新刊, 読書]---')",
    )
    .await;
    wait_for_saved(&window).await;
    wait_for(
        &window,
        "the tag filter's new counts",
        "[...document.getElementById('filter-tag').options].map(o => o.textContent).join('|') === 'Any tag|SF (2)|新刊 (1)|読書 (2)'",
    )
    .await;
    let store = Store::open(data.path()).expect("store");
    let memo = store.draft(memo.id).expect("memo");
    assert_eq!(memo.body, "---\ntags: [新刊, 読書]\n---\n\n思いつき");
    drop(store);
    // Undo takes the edit back like any other.
    window
        .execute(
            "document.querySelector('.cm-content').focus(); return true",
            vec![],
        )
        .await
        .expect("focus");
    let editor = window
        .find(fantoccini::Locator::Css(".cm-content"))
        .await
        .expect("editor");
    editor.send_keys(&(Key::Control + "z")).await.expect("undo");
    wait_for(
        &window,
        "the text without tags",
        "document.querySelector('.cm-content').textContent === '思いつき'",
    )
    .await;
    quit(window, data.path()).await;
}

/// The trash's count at the list's foot, with its Unicode isolation marks taken out.
const TRASH_TOGGLE: &str =
    "document.getElementById('toggle-trash').textContent.replace(/[\\u2068\\u2069]/g, '')";

/// Clicks the row's button of class `action` in the list's row `row`.
async fn click_row_button(window: &Client, row: usize, action: &str) {
    let clicked = window
        .execute(
            "const b = document.querySelectorAll('#drafts li')[arguments[0]]?.querySelector('.icon-button.' + arguments[1]); b?.click(); return !!b",
            vec![row.into(), action.into()],
        )
        .await
        .expect("click a row's button");
    assert_eq!(
        clicked,
        Value::Bool(true),
        "row {row} has no {action} button"
    );
}

#[tokio::test]
async fn a_trashed_draft_is_counted_listed_in_the_trash_and_restored() {
    let data = tempfile::tempdir().expect("temp dir");
    let mut store = Store::open(data.path()).expect("store");
    store.create_draft("メモ", "思いつき").expect("draft");
    store.create_draft("三体", "本文").expect("draft");
    drop(store);

    let desktop = Desktop::start();
    let window = desktop.launch(data.path()).await;
    wait_for_titles(&window, &["三体", "メモ"]).await;
    assert_eq!(
        window
            .execute(&format!("return {TRASH_TOGGLE}"), vec![])
            .await
            .expect("toggle"),
        Value::from("Trash (0)")
    );
    click_row_button(&window, 1, "trash").await;
    wait_for_titles(&window, &["三体"]).await;
    wait_for(
        &window,
        "the trash counted",
        &format!("{TRASH_TOGGLE} === 'Trash (1)'"),
    )
    .await;
    click(&window, "toggle-trash").await;
    wait_for_titles(&window, &["メモ"]).await;
    assert_eq!(text(&window, "list-heading").await, "Trash");
    click_row_button(&window, 0, "restore").await;
    wait_for_titles(&window, &[]).await;
    click(&window, "toggle-trash").await;
    wait_for(
        &window,
        "the trash empty again",
        &format!("{TRASH_TOGGLE} === 'Trash (0)'"),
    )
    .await;
    wait_for(
        &window,
        "both drafts listed",
        "document.querySelectorAll('#drafts .draft-title').length === 2",
    )
    .await;
    quit(window, data.path()).await;
}

/// Scrolls the list of 450 drafts to its end twice, each time waiting for the next page
/// (`rows` counts the rows drawn).
async fn scroll_to_the_end(window: &Client, rows: &str) {
    for expected in [400, 450] {
        window
            .execute(
                "const l = document.getElementById('drafts'); l.scrollTop = l.scrollHeight; return true",
                vec![],
            )
            .await
            .expect("scroll");
        wait_for(window, "the next page", &format!("{rows} === {expected}")).await;
    }
}

#[tokio::test]
async fn a_long_library_is_drawn_a_page_at_a_time_as_the_author_scrolls() {
    let data = tempfile::tempdir().expect("temp dir");
    let mut store = Store::open(data.path()).expect("store");
    for i in 0..450 {
        store
            .create_draft(&format!("下書き{i}"), "本文")
            .expect("draft");
    }
    drop(store);
    let desktop = Desktop::start();
    let window = desktop.launch(data.path()).await;
    let rows = "document.querySelectorAll('#drafts li.draft-item').length";
    wait_for(&window, "the first page", &format!("{rows} === 200")).await;
    // The first screen was asked by the page's inline script (the CSP lets it run), before the
    // window's own script.
    let asked_early = window
        .execute(
            "return performance.getEntriesByName('fumi-start-first-screen-asked').length",
            vec![],
        )
        .await
        .expect("read");
    assert_eq!(asked_early, Value::from(1));
    scroll_to_the_end(&window, rows).await;
    // The newest first, the oldest last.
    let ends = window
        .execute(
            "const t = [...document.querySelectorAll('#drafts .draft-title')]; return t[0].textContent + '|' + t[t.length - 1].textContent",
            vec![],
        )
        .await
        .expect("read");
    assert_eq!(ends, Value::from("下書き449|下書き0"));

    // A search matching every draft comes a page at a time too; its heading counts them all.
    let search = |text: &str| {
        format!(
            "document.getElementById('drafts').scrollTop = 0; const s = document.getElementById('search'); s.value = {text:?}; s.dispatchEvent(new Event('input')); return true"
        )
    };
    window.execute(&search("書"), vec![]).await.expect("search");
    let heading = "document.getElementById('list-heading').textContent";
    wait_for(
        &window,
        "the count of every match",
        &format!("{heading} === '450 found' && {rows} === 200"),
    )
    .await;
    scroll_to_the_end(&window, rows).await;
    let distinct = window
        .execute(
            "return new Set([...document.querySelectorAll('#drafts li.draft-item')].map(li => li.dataset.id)).size",
            vec![],
        )
        .await
        .expect("read");
    assert_eq!(distinct, Value::from(450), "each draft listed once");

    // The oldest draft, found and opened, then the search cleared: it is beyond the first page,
    // and once saved it leads the list.
    window
        .execute(&search("下書き0"), vec![])
        .await
        .expect("search");
    wait_for(&window, "the oldest draft alone", &format!("{rows} === 1")).await;
    open_row(&window, "下書き0").await;
    window.execute(&search(""), vec![]).await.expect("clear");
    let first_title = "document.querySelector('#drafts .draft-title').textContent";
    wait_for(
        &window,
        "the first page again",
        &format!("{rows} === 200 && {first_title} === '下書き449'"),
    )
    .await;
    type_in_editor(&window, "追記").await;
    wait_for_saved(&window).await;
    wait_for(
        &window,
        "the saved draft leading the list",
        &format!("{first_title} === '下書き0' && {rows} === 201"),
    )
    .await;

    // An old draft saved in a search matching every draft leads it; the search's count, which
    // held it already beyond the first page, stays.
    window
        .execute(&search("下書き5"), vec![])
        .await
        .expect("search");
    wait_for(&window, "the drafts 5 and 50-59", &format!("{rows} === 11")).await;
    open_row(&window, "下書き5").await;
    window.execute(&search("書"), vec![]).await.expect("search");
    wait_for(
        &window,
        "every draft found, draft 5 beyond the first page",
        &format!("{heading} === '450 found' && {rows} === 200 && {first_title} === '下書き0'"),
    )
    .await;
    type_in_editor(&window, "追記").await;
    wait_for_saved(&window).await;
    wait_for(
        &window,
        "draft 5 leading the search",
        &format!("{first_title} === '下書き5'"),
    )
    .await;
    // The count is asked again; give a wrong one time to show.
    tokio::time::sleep(std::time::Duration::from_millis(500)).await;
    assert_eq!(text(&window, "list-heading").await, "450 found");
    quit(window, data.path()).await;
}

/// A data folder with three drafts, saved in this order: 散歩, 犬の本 and 猫の本 (both of
/// which have 犬 in them).
fn three_drafts_two_with_dogs() -> tempfile::TempDir {
    let data = tempfile::tempdir().expect("temp dir");
    let mut store = Store::open(data.path()).expect("store");
    store.create_draft("散歩", "公園を歩いた。").expect("draft");
    store.create_draft("犬の本", "犬が好き。").expect("draft");
    store.create_draft("猫の本", "猫と犬。").expect("draft");
    data
}

#[tokio::test]
async fn a_search_shows_the_draft_being_typed_once_it_matches_newest_saved_first() {
    let data = three_drafts_two_with_dogs();
    let desktop = Desktop::start();
    let window = desktop.launch(data.path()).await;
    wait_for_titles(&window, &["猫の本", "犬の本", "散歩"]).await;
    open_row(&window, "散歩").await;
    set_field(&window, "search", "犬", "input").await;
    wait_for_titles(&window, &["猫の本", "犬の本"]).await;
    assert_eq!(text(&window, "list-heading").await, "2 found");

    // The open draft does not match the search until the author types the word into it.
    type_in_editor(&window, "犬に会った。").await;
    wait_for_saved(&window).await;
    wait_for_titles(&window, &["散歩", "猫の本", "犬の本"]).await;
    wait_for(
        &window,
        "the search's count with it",
        "document.getElementById('list-heading').textContent === '3 found'",
    )
    .await;

    // A listed draft saved in a search leads it too.
    open_row(&window, "犬の本").await;
    type_in_editor(&window, "追記").await;
    wait_for_saved(&window).await;
    wait_for_titles(&window, &["犬の本", "散歩", "猫の本"]).await;
    quit(window, data.path()).await;
}

#[tokio::test]
async fn a_draft_saved_while_the_list_is_asked_again_is_placed_once_the_list_comes() {
    let data = three_drafts_two_with_dogs();
    let desktop = Desktop::start();
    let window = desktop.launch(data.path()).await;
    set_field(&window, "search", "犬", "input").await;
    wait_for_titles(&window, &["猫の本", "犬の本"]).await;
    open_row(&window, "犬の本").await;

    // The list's next page is held on its way to the page for two seconds (Rust has read it at
    // once), so the save below lands between the list's question and its answer.
    window
        .execute(
            r#"const fetch = window.fetch;
            window.fetch = (url, init) => {
              const reply = fetch(url, init);
              if (!String(url).endsWith("/library_page")) return reply;
              window.fetch = fetch;
              window.fumiListAsked = true;
              return reply.then((r) => new Promise((done) => setTimeout(() => { window.fumiListAnswered = true; done(r); }, 2000)));
            };
            return true"#,
            vec![],
        )
        .await
        .expect("hold the list's answer");
    set_field(&window, "search", "犬", "input").await;
    wait_for(
        &window,
        "the list asked again",
        "window.fumiListAsked === true",
    )
    .await;
    type_in_editor(&window, "追記").await;
    wait_for(
        &window,
        "the draft saved",
        "document.querySelector('.cm-content').textContent.includes('追記') && document.getElementById('save-state').dataset.saveState === 'saved'",
    )
    .await;
    let answered = window
        .execute("return window.fumiListAnswered === true", vec![])
        .await
        .expect("read");
    assert_eq!(
        answered,
        Value::Bool(false),
        "the save came before the list's answer"
    );

    // The answer predates the save; the saved draft still leads the search once it is drawn.
    wait_for(
        &window,
        "the held answer",
        "window.fumiListAnswered === true",
    )
    .await;
    wait_for_titles(&window, &["犬の本", "猫の本"]).await;
    assert_eq!(text(&window, "list-heading").await, "2 found");
    quit(window, data.path()).await;
}
