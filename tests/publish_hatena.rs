//! The Hatena publisher against the local Hatena (tests/support/hatena.rs): Markdown mode, images
//! through Fotolife, custom URLs, drafts and their preview URLs, schedules, pull across pages,
//! lost answers, and the blog's other editing modes.

use fumi_core::image::Image;
use fumi_core::publish::hatena::Hatena;
use fumi_core::publish::{self, Progress, PublishOptions, RemoteStatus};
use fumi_core::{Blog, BlogAuth, BlogKind, DraftId, Error, Publication, Renderer, SaveKind, Store};

use super::support::fault_proxy::Fault;
use super::support::hatena::TestHatena;
use super::support::keyring::SecretService;
use super::support::{REVIEW, fumi_env, ok, publish_collecting};

const RED_PNG: &[u8] = include_bytes!("support/images/red.png");

/// A data folder with the local Hatena added as the blog `hatena`.
pub(crate) fn store_with(hatena: &TestHatena) -> (tempfile::TempDir, Store, Blog) {
    let data = tempfile::tempdir().expect("temp dir");
    let mut store = Store::open(data.path()).expect("open");
    let blog = store
        .add_blog(
            "hatena",
            BlogKind::Hatena,
            &hatena.root,
            &hatena.user,
            "test-key",
        )
        .expect("blog");
    (data, store, blog)
}

/// Publishes to the local Hatena, collecting the progress reports.
async fn publish_to(
    store: &mut Store,
    blog: &Blog,
    hatena: &TestHatena,
    draft: DraftId,
    options: PublishOptions,
) -> (Result<Publication, Error>, Vec<Progress>) {
    publish_collecting(store, blog, &hatena.api_key, draft, options).await
}

#[tokio::test]
async fn the_api_key_is_checked_and_the_server_speaks_hatenas_protocol() {
    let hatena = TestHatena::start();
    let ok = Hatena::connect(
        &hatena.root,
        &hatena.user,
        &hatena.api_key,
        BlogAuth::Default,
    )
    .await;
    assert!(ok.is_ok(), "{:?}", ok.err());
    let err = Hatena::connect(&hatena.root, &hatena.user, "not-the-key", BlogAuth::Default)
        .await
        .err()
        .expect("rejected");
    assert_eq!(err.code(), "blog_rejected_credentials", "{err}");

    // The server side of the protocol: Basic works, a bad document is 400, other methods 405.
    let http = reqwest::Client::new();
    let basic = http
        .get(&hatena.root)
        .basic_auth(&hatena.user, Some(&hatena.api_key))
        .send()
        .await
        .expect("GET");
    assert_eq!(basic.status(), 200);
    let bad = http
        .post(format!("{}/entry", hatena.root))
        .basic_auth(&hatena.user, Some(&hatena.api_key))
        .body("<entry><title>")
        .send()
        .await
        .expect("POST");
    assert_eq!(bad.status(), 400);
    let patch = http
        .patch(format!("{}/entry", hatena.root))
        .basic_auth(&hatena.user, Some(&hatena.api_key))
        .send()
        .await
        .expect("PATCH");
    assert_eq!(patch.status(), 405);
}

#[tokio::test]
async fn a_review_goes_out_as_markdown_with_its_image_on_fotolife_and_updates_in_place() {
    let hatena = TestHatena::start();
    let (_dir, mut store, blog) = store_with(&hatena);
    let cover = store
        .add_asset(&Image::from_bytes(RED_PNG.to_vec(), "表紙.png").expect("image"))
        .expect("store");
    let body = format!(
        "---\ncategories: [読書, SF]\nslug: santai-review\n---\n{REVIEW}\n![表紙]({cover})\n"
    );
    let draft = store
        .create_draft("『三体』を読んで", &body)
        .expect("draft");

    let (p, steps) = publish_to(
        &mut store,
        &blog,
        &hatena,
        draft.id,
        PublishOptions::default(),
    )
    .await;
    let p = p.expect("publish");
    assert!(
        steps.contains(&Progress::Images { done: 1, total: 1 }),
        "{steps:?}"
    );
    let entries = hatena.entries();
    assert_eq!(entries.len(), 1);
    let entry = &entries[0];
    assert_eq!(entry.title, "『三体』を読んで");
    assert_eq!(entry.content_type, "text/x-markdown");
    assert!(
        entry.content.starts_with("# 『三体』劉慈欣 を読んで"),
        "the Markdown, not HTML: {}",
        entry.content
    );
    assert!(
        entry.content.contains("![表紙](http://127.0.0.1:"),
        "{}",
        entry.content
    );
    assert!(!entry.content.contains("fumi-asset") && !entry.content.contains("categories:"));
    assert_eq!(entry.categories, ["読書", "SF"]);
    assert_eq!(entry.custom_url.as_deref(), Some("santai-review"));
    assert!(!entry.draft);
    assert_eq!(hatena.images().len(), 1);
    assert_eq!(hatena.images()[0].bytes, RED_PNG);
    assert_eq!(
        (
            hatena.images()[0].title.as_str(),
            hatena.images()[0].mime.as_str()
        ),
        ("表紙.png", "image/png")
    );
    let url = p.remote_url.expect("url");
    assert!(url.ends_with("/entry/santai-review"), "{url}");
    assert!(
        p.remote_id.expect("id").contains("/atom/entry/"),
        "keyed by the member URI"
    );

    store
        .save_draft(
            draft.id,
            "『三体』を読んで",
            &format!("{body}\n追記。\n"),
            SaveKind::Explicit,
        )
        .expect("edit");
    let (again, steps) = publish_to(
        &mut store,
        &blog,
        &hatena,
        draft.id,
        PublishOptions::default(),
    )
    .await;
    again.expect("again");
    assert!(
        !steps.iter().any(|s| matches!(s, Progress::Images { .. })),
        "{steps:?}"
    );
    assert_eq!(hatena.entries().len(), 1, "the same entry");
    assert!(hatena.entries()[0].content.contains("追記。"));
    assert_eq!(hatena.images().len(), 1, "no image uploaded twice");
    // The blog's category document lists what the entry brought.
    let categories = publish::blog_categories(&blog, &hatena.api_key)
        .await
        .expect("categories");
    assert_eq!(categories, ["SF", "読書"]);

    // Edited on the web: the next publish stops.
    hatena.edit_on_web(&entry.id, "ウェブで直した");
    let (p, _) = publish_to(
        &mut store,
        &blog,
        &hatena,
        draft.id,
        PublishOptions::default(),
    )
    .await;
    assert_eq!(p.expect_err("conflict").code(), "remote_changed");
}

#[tokio::test]
async fn drafts_have_a_preview_url_schedules_wait_and_pull_reads_every_page() {
    let hatena = TestHatena::start();
    let (_dir, mut store, blog) = store_with(&hatena);
    let draft = store
        .create_draft("下書き", "---\nstatus: draft\n---\n途中。\n")
        .expect("draft");
    let (p, _) = publish_to(
        &mut store,
        &blog,
        &hatena,
        draft.id,
        PublishOptions::default(),
    )
    .await;
    let p = p.expect("as a draft");
    assert_eq!(p.remote_status.as_ref().map(|s| s.as_word()), Some("draft"));
    assert!(
        p.remote_url.expect("url").contains("/preview/"),
        "the shareable preview URL"
    );
    assert!(hatena.entries()[0].draft);
    let out = PublishOptions {
        status: Some(RemoteStatus::Publish),
        ..PublishOptions::default()
    };
    let (p, _) = publish_to(&mut store, &blog, &hatena, draft.id, out).await;
    assert_eq!(
        p.expect("published")
            .remote_status
            .as_ref()
            .map(|s| s.as_word()),
        Some("publish")
    );
    assert!(!hatena.entries()[0].draft);

    let soon = jiff::Timestamp::now() + jiff::SignedDuration::from_hours(48);
    let scheduled = store
        .create_draft("予約", &format!("---\ndate: {soon}\n---\n来週。\n"))
        .expect("draft");
    let (p, _) = publish_to(
        &mut store,
        &blog,
        &hatena,
        scheduled.id,
        PublishOptions::default(),
    )
    .await;
    assert_eq!(
        p.expect("scheduled")
            .remote_status
            .as_ref()
            .map(|s| s.as_word()),
        Some("future")
    );
    let entry = hatena
        .entries()
        .into_iter()
        .find(|e| e.title == "予約")
        .expect("stored");
    assert!(entry.draft && entry.scheduled, "{entry:?}");
    assert_eq!(
        entry.updated,
        soon.strftime("%Y-%m-%dT%H:%M:%S+00:00").to_string()
    );

    // 20 entries written on the web: 3 pages of 7.
    for n in 1..=18 {
        hatena.add_entry(&format!("過去の記事{n}"), &format!("本文{n}"));
    }
    let (_other, mut other, other_blog) = store_with(&hatena);
    let report = publish::pull_posts(&mut other, &Renderer::new(), &other_blog, &hatena.api_key)
        .await
        .expect("pull");
    assert_eq!(report.imported.len(), 20);
}

#[tokio::test]
async fn a_lost_answer_makes_no_second_entry_and_an_outage_loses_nothing() {
    let hatena = TestHatena::behind_proxy();
    let proxy = hatena.proxy.as_ref().expect("proxy");
    let (_dir, mut store, blog) = store_with(&hatena);
    let draft = store.create_draft("一度だけ", "本文\n").expect("draft");
    let collection = format!("/{}/fumi-tester.hatenablog.com/atom/entry", hatena.user);

    proxy.inject(
        "GET",
        &format!("/{}/fumi-tester.hatenablog.com/atom", hatena.user),
        Fault::DropRequest,
        100,
    );
    let (p, _) = publish_to(
        &mut store,
        &blog,
        &hatena,
        draft.id,
        PublishOptions::default(),
    )
    .await;
    assert_eq!(p.expect_err("down").code(), "blog_unreachable");
    assert_eq!(store.draft(draft.id).expect("draft").body, "本文\n");
    proxy.clear();

    // A slow service document, then the create's answer lost.
    proxy.inject(
        "GET",
        &format!("/{}/fumi-tester.hatenablog.com/atom", hatena.user),
        Fault::Slow(1500),
        1,
    );
    proxy.inject("POST", &collection, Fault::DropAnswer, 1);
    let (p, _) = publish_to(
        &mut store,
        &blog,
        &hatena,
        draft.id,
        PublishOptions::default(),
    )
    .await;
    p.expect("publish");
    assert_eq!(hatena.entries().len(), 1, "one entry");
    let seen = proxy.seen();
    let post_at = seen
        .iter()
        .position(|r| *r == format!("POST {collection}"))
        .expect("the create was sent");
    assert_eq!(
        seen.iter()
            .filter(|r| **r == format!("POST {collection}"))
            .count(),
        1,
        "once"
    );
    assert!(
        seen[post_at + 1..].contains(&format!("GET {collection}")),
        "the lost answer made Fumi look for the entry: {seen:?}"
    );
    proxy.inject(
        "PUT",
        &format!("{collection}/{}", hatena.entries()[0].id),
        Fault::Status(500, None),
        1,
    );
    store
        .save_draft(draft.id, "一度だけ", "更新\n", SaveKind::Explicit)
        .expect("edit");
    let (p, _) = publish_to(
        &mut store,
        &blog,
        &hatena,
        draft.id,
        PublishOptions::default(),
    )
    .await;
    p.expect("retried");
    assert_eq!(hatena.entries()[0].content, "更新\n");
}

#[tokio::test]
async fn html_mode_gets_html_and_hatena_notation_is_refused_before_sending() {
    let html_blog = TestHatena::in_mode("text/html");
    html_blog.add_entry("既存", "<p>既存</p>");
    let (_dir, mut store, blog) = store_with(&html_blog);
    let draft = store.create_draft("見たまま", "**太字**\n").expect("draft");
    let (p, _) = publish_to(
        &mut store,
        &blog,
        &html_blog,
        draft.id,
        PublishOptions::default(),
    )
    .await;
    p.expect("publish");
    let entry = html_blog
        .entries()
        .into_iter()
        .find(|e| e.title == "見たまま")
        .expect("stored");
    assert!(entry.content.contains("<strong"), "{}", entry.content);

    let notation = TestHatena::in_mode("text/x-hatena-syntax");
    notation.add_entry("既存", "*見出し");
    let (_dir, mut store, blog) = store_with(&notation);
    let draft = store.create_draft("記法", "本文\n").expect("draft");
    let (p, _) = publish_to(
        &mut store,
        &blog,
        &notation,
        draft.id,
        PublishOptions::default(),
    )
    .await;
    assert_eq!(p.expect_err("refused").code(), "hatena_notation_mode");
    assert_eq!(notation.entries().len(), 1, "nothing sent");
}

#[tokio::test]
async fn a_blogsync_file_round_trip_keeps_the_link_to_the_entry() {
    let hatena = TestHatena::start();
    let keychain = SecretService::start();
    let env = keychain.env();
    let data = tempfile::tempdir().expect("temp dir");
    hatena.add_by_command(data.path(), "h", &env);
    let text = "---\ncategories: [読書]\nslug: round-trip\n---\n本文\n";
    let id = ok(fumi_env(
        data.path(),
        &["drafts", "new", "--title", "往復書簡", "-"],
        text.as_bytes(),
        &env,
    ));
    let id = id.trim();
    ok(fumi_env(
        data.path(),
        &["publish", id, "--blog", "h"],
        b"",
        &env,
    ));
    let edit_url = format!("{}/entry/{}", hatena.root, hatena.entries()[0].id);

    let file = ok(fumi_env(
        data.path(),
        &["blogsync", "export", id, "--blog", "h"],
        b"",
        &env,
    ));
    assert!(
        file.starts_with("---\nTitle: 往復書簡\nCategory:\n- 読書\n"),
        "{file}"
    );
    assert!(file.contains(&format!("EditURL: {edit_url}\n")), "{file}");
    assert!(
        file.contains("CustomPath: round-trip\n") && file.ends_with("---\n\n本文\n"),
        "{file}"
    );

    // A blogsync user moves in: an empty data folder imports the file and updates the entry.
    let other = tempfile::tempdir().expect("temp dir");
    hatena.add_by_command(other.path(), "h", &env);
    let path = other.path().join("entry.md");
    std::fs::write(&path, &file).expect("write");
    let import = |folder: &std::path::Path| {
        let args = [
            "blogsync",
            "import",
            path.to_str().expect("path"),
            "--blog",
            "h",
        ];
        ok(fumi_env(folder, &args, b"", &env)).trim().to_owned()
    };
    let imported = import(other.path());
    let imported = imported.as_str();
    // Written on in Fumi, then published: the file matched the blog, so no question.
    ok(fumi_env(
        other.path(),
        &["drafts", "edit", imported, "-"],
        "---\ncategories: [読書]\nslug: round-trip\n---\n本文\n追記。\n".as_bytes(),
        &env,
    ));
    ok(fumi_env(
        other.path(),
        &["publish", imported, "--blog", "h"],
        b"",
        &env,
    ));
    let entries = hatena.entries();
    assert_eq!(entries.len(), 1, "the same entry, not a new one");
    assert_eq!(entries[0].content, "本文\n追記。\n");
    assert_eq!(entries[0].custom_url.as_deref(), Some("round-trip"));
    let again = ok(fumi_env(
        other.path(),
        &["blogsync", "export", imported, "--blog", "h"],
        b"",
        &env,
    ));
    assert!(again.contains(&format!("EditURL: {edit_url}\n")), "{again}");

    // The first file is stale now (the entry was updated since): imported elsewhere, its first
    // publish asks before replacing the blog's version, which it never does unasked.
    let third = tempfile::tempdir().expect("temp dir");
    hatena.add_by_command(third.path(), "h", &env);
    let stale = import(third.path());
    let asked = fumi_env(third.path(), &["publish", &stale, "--blog", "h"], b"", &env);
    assert!(!asked.status.success(), "{asked:?}");
    let said = String::from_utf8_lossy(&asked.stderr);
    assert!(
        said.contains("differs from the version Fumi last knew"),
        "{said}"
    );
    assert_eq!(
        hatena.entries()[0].content,
        "本文\n追記。\n",
        "the blog's version kept"
    );
    ok(fumi_env(
        third.path(),
        &["publish", &stale, "--blog", "h", "--overwrite"],
        b"",
        &env,
    ));
    assert_eq!(hatena.entries()[0].content, "本文\n");
}

#[tokio::test]
async fn basic_sign_in_works_and_never_goes_out_in_clear_text() {
    let hatena = TestHatena::start();
    let (_dir, mut store, blog) = store_with(&hatena);
    store.set_blog_auth(blog.id, BlogAuth::Basic).expect("set");
    let blog = store.blog(blog.id).expect("query").expect("blog");
    let draft = store.create_draft("ベーシック", "本文\n").expect("draft");
    let (p, _) = publish_to(
        &mut store,
        &blog,
        &hatena,
        draft.id,
        PublishOptions::default(),
    )
    .await;
    p.expect("publish with Basic");
    assert_eq!(hatena.entries().len(), 1);
    assert!(hatena.basic_requests() > 0);

    let err = Hatena::connect("http://blog.example/u/b/atom", "u", "key", BlogAuth::Basic)
        .await
        .err()
        .expect("refused");
    assert_eq!(err.code(), "insecure_connection", "{err}");
}

#[tokio::test]
async fn the_local_hatena_behaves_as_the_api_document_says() {
    let hatena = TestHatena::start();
    let http = reqwest::Client::new();
    let send = |method: reqwest::Method, url: String, body: &'static str| {
        http.request(method, url)
            .basic_auth(&hatena.user, Some(&hatena.api_key))
            .body(body)
            .send()
    };
    let draft = "<?xml version=\"1.0\"?><entry xmlns=\"http://www.w3.org/2005/Atom\" xmlns:app=\"http://www.w3.org/2007/app\">\
                 <title>下書き</title><content type=\"text/plain\">本文</content>\
                 <app:control><app:draft>yes</app:draft></app:control></entry>";
    let created = send(
        reqwest::Method::POST,
        format!("{}/entry", hatena.root),
        draft,
    )
    .await
    .expect("POST");
    assert_eq!(created.status(), 201);
    let member = created.headers()["location"]
        .to_str()
        .expect("location")
        .to_owned();
    let alternate = |xml: &str| {
        xml.split("rel=\"alternate\" type=\"text/html\" href=\"")
            .nth(1)
            .and_then(|r| r.split('"').next())
            .map(str::to_owned)
    };
    let first = send(reqwest::Method::GET, member.clone(), "")
        .await
        .expect("GET")
        .text()
        .await
        .expect("body");
    let second = send(reqwest::Method::GET, member.clone(), "")
        .await
        .expect("GET")
        .text()
        .await
        .expect("body");
    assert_ne!(
        alternate(&first),
        alternate(&second),
        "a draft's public URL changes on every request"
    );
    assert!(
        first.contains("<content type=\"text/x-markdown\">"),
        "the blog's mode, not the POST's type"
    );

    // A PUT without app:draft publishes; the entry keeps its syntax.
    let put = "<?xml version=\"1.0\"?><entry xmlns=\"http://www.w3.org/2005/Atom\"><title>下書き</title>\
               <content type=\"text/html\">&lt;p&gt;本文&lt;/p&gt;</content></entry>";
    let updated = send(reqwest::Method::PUT, member.clone(), put)
        .await
        .expect("PUT");
    assert_eq!(updated.status(), 200);
    let entry = &hatena.entries()[0];
    assert!(!entry.draft, "published by a PUT without app:draft");
    assert_eq!(entry.content_type, "text/x-markdown");

    let missing = send(reqwest::Method::GET, format!("{}/entry/1", hatena.root), "")
        .await
        .expect("GET");
    assert_eq!(missing.status(), 404);
    let deleted = send(reqwest::Method::DELETE, member.clone(), "")
        .await
        .expect("DELETE");
    assert_eq!(deleted.status(), 200);
    assert!(hatena.entries().is_empty());
}

/// *Preview on the blog*: the post as the issue's Hatena author writes it, sent as one draft
/// entry, and the entry's `hatena:formatted-content` (rendered by the local Hatena from Hatena's
/// documented output, not by Fumi) set beside Fumi's Hatena preview block by block.
#[tokio::test]
async fn preview_on_the_blog_shows_hatenas_own_html_beside_fumis_with_one_draft_entry() {
    let hatena = TestHatena::start();
    let (_data, mut store, blog) = store_with(&hatena);
    let text = "[:contents]\n\n# 前半\n\n前半です。\n一文ずつ改行します。\n\n<!-- more -->\n\n## 後半\n\n後半です((脚注です))。\n\n[https://example.com/article:embed:cite]\n\n[https://example.com/page:title=記事の題]を読んだ。\n\n[tex:e^{i\\pi}+1=0]\n\n- 項目一\n- 項目二\n\n[asin:4297125609:detail]\n";
    let draft = store
        .create_draft("ブログで確かめる", text)
        .expect("draft")
        .id;
    let preview = async |store: &mut Store| {
        super::support::preview_on_blog(store, &blog, &hatena.api_key, draft).await
    };
    let shown = preview(&mut store).await.expect("preview on the blog");
    let entries = hatena.entries();
    assert_eq!(entries.len(), 1);
    assert!(entries[0].draft, "a draft entry, not a public one");
    assert!(shown.url.contains("/preview/"), "{}", shown.url);
    let blog_html: String = shown.blocks.iter().map(|b| b.html.as_str()).collect();
    for shown_by_hatena in [
        "table-of-contents",
        "前半です。<br>",
        "footnote-text",
        r#"<div class="fumi-card"><a href="https://example.com/article""#,
        "hatena-citation",
        "記事の題</a>",
    ] {
        assert!(
            blog_html.contains(shown_by_hatena),
            "{shown_by_hatena} in {blog_html}"
        );
    }
    // Everything Fumi draws as Hatena does lines up; the product card (Hatena's, from Amazon)
    // is the one block Fumi's preview draws otherwise, and it is marked.
    let differing: Vec<&str> = shown
        .blocks
        .iter()
        .filter(|b| b.differs)
        .map(|b| b.html.as_str())
        .collect();
    assert_eq!(differing.len(), 1, "{differing:#?}");
    assert!(differing[0].contains("4297125609"), "{differing:?}");
    assert_eq!(shown.differing, 1);

    // Again after an edit: the same entry, updated.
    store
        .save_draft(
            draft,
            "ブログで確かめる",
            &text.replace("前半です。", "前半を書き直した。"),
            SaveKind::Explicit,
        )
        .expect("save");
    let again = preview(&mut store).await.expect("preview again");
    assert!(
        again
            .blocks
            .iter()
            .any(|b| b.html.contains("前半を書き直した。"))
    );
    assert_eq!(hatena.entries().len(), 1, "still one entry");

    // Published, the entry is public: previewing would change it for readers, so it is refused.
    let (published, _) =
        publish_to(&mut store, &blog, &hatena, draft, PublishOptions::default()).await;
    published.expect("publish");
    assert!(!hatena.entries()[0].draft);
    let refused = preview(&mut store).await.expect_err("refused");
    assert_eq!(refused.code(), "preview_of_public_post");
    assert_eq!(hatena.entries().len(), 1);
}

/// `fumi preview-on-blog`: the same, from the command line, the differing block marked `!`.
#[tokio::test]
async fn the_command_line_prints_the_blogs_rendering_with_the_differing_block_marked() {
    let hatena = TestHatena::start();
    let data = tempfile::tempdir().expect("temp dir");
    let keychain = SecretService::start();
    let env = keychain.env();
    let add = [
        "blogs",
        "add",
        "h",
        "--kind",
        "hatena",
        "--url",
        &hatena.root,
        "--user",
        &hatena.user,
    ];
    ok(fumi_env(
        data.path(),
        &add,
        format!("{}\n", hatena.api_key).as_bytes(),
        &env,
    ));
    let id = ok(fumi_env(
        data.path(),
        &["drafts", "new", "--title", "確かめる", "-"],
        "# 見出し\n\n本文です。\n\n[asin:4297125609:detail]\n".as_bytes(),
        &env,
    ));
    let env_en: Vec<(&str, String)> = env
        .iter()
        .cloned()
        .chain([("LC_ALL", "en_US.UTF-8".to_owned())])
        .collect();
    let out = ok(fumi_env(
        data.path(),
        &["preview-on-blog", id.trim(), "--blog", "h"],
        b"",
        &env_en,
    ));
    assert!(
        out.starts_with("1 of 3 blocks show otherwise on h"),
        "{out}"
    );
    let marked: Vec<&str> = out.lines().filter(|l| l.starts_with('!')).collect();
    assert_eq!(marked.len(), 1, "{out}");
    assert!(marked[0].contains("Amazon 4297125609"), "{out}");
    assert!(
        out.lines()
            .any(|l| l.starts_with("  <h1>") || l.starts_with("  <h1 ")),
        "{out}"
    );
    assert_eq!(hatena.entries().len(), 1);
    assert!(hatena.entries()[0].draft);
}
