//! The WordPress publisher against a real WordPress on loopback.

use fumi_core::image::Image;
use fumi_core::publish::wordpress::WordPress;
use fumi_core::publish::{self, OutgoingPost, Progress, PublishOptions, Publisher, RemoteStatus};
use fumi_core::{Blog, BlogKind, DraftId, Error, Renderer, Store};
use serde_json::{Value, json};

use super::support::fault_proxy::Fault;

use super::support::keyring::SecretService;
use super::support::wordpress::TestWordPress;
use super::support::{REVIEW, assert_secret_absent, fumi_env, ok, publish_collecting};

/// A fresh WordPress and a checked connection to it.
async fn connected() -> (TestWordPress, WordPress) {
    let site = TestWordPress::start();
    let wp = WordPress::connect(&site.url, &site.user, &site.password)
        .await
        .expect("connect");
    (site, wp)
}

fn review_post(status: RemoteStatus) -> OutgoingPost {
    OutgoingPost {
        title: "『三体』劉慈欣 を読んで".into(),
        html: Renderer::new().render(REVIEW).html,
        status,
        ..OutgoingPost::default()
    }
}

/// Reads a REST route of the site as the test's own client (not Fumi's).
pub(crate) async fn rest(site: &TestWordPress, route: &str) -> Value {
    let response = reqwest::Client::new()
        .get(format!("{}wp-json/{route}", site.url))
        .basic_auth(&site.user, Some(&site.password))
        .send()
        .await
        .expect("GET");
    assert!(
        response.status().is_success(),
        "GET {route}: {}",
        response.status()
    );
    response.json().await.expect("JSON")
}

/// Writes to a REST route as the test's own client, as someone working on the web would.
pub(crate) async fn rest_send(
    site: &TestWordPress,
    method: reqwest::Method,
    route: &str,
    body: Value,
) -> Value {
    reqwest::Client::new()
        .request(method, format!("{}wp-json/{route}", site.url))
        .basic_auth(&site.user, Some(&site.password))
        .json(&body)
        .send()
        .await
        .expect("send")
        .json()
        .await
        .expect("JSON")
}

/// Titles of every post on the site, drafts and trash included.
pub(crate) async fn titles(site: &TestWordPress) -> Vec<String> {
    rest(site, "wp/v2/posts?status=any&context=edit&per_page=100")
        .await
        .as_array()
        .expect("array")
        .iter()
        .filter_map(|p| p["title"]["raw"].as_str().map(str::to_owned))
        .collect()
}

/// How many posts on the site (drafts and trash included) have this title.
pub(crate) async fn count_titled(site: &TestWordPress, title: &str) -> usize {
    titles(site).await.iter().filter(|t| *t == title).count()
}

/// A data folder with the site added as the blog `test`.
fn store_with_blog(site: &TestWordPress) -> (tempfile::TempDir, Store, Blog) {
    store_with_blog_of_kind(site, BlogKind::WordPress)
}

/// A data folder with the site added as the blog `test`, spoken to with `kind`'s protocol.
pub(crate) fn store_with_blog_of_kind(
    site: &TestWordPress,
    kind: BlogKind,
) -> (tempfile::TempDir, Store, Blog) {
    let data = tempfile::tempdir().expect("temp dir");
    let mut store = Store::open(data.path()).expect("open");
    let blog = store
        .add_blog("test", kind, &site.url, &site.user, "test-key")
        .expect("add blog");
    (data, store, blog)
}

/// Publishes to the test WordPress, collecting the progress reports.
pub(crate) async fn publish(
    store: &mut Store,
    blog: &Blog,
    site: &TestWordPress,
    draft: DraftId,
    options: PublishOptions,
) -> (Result<fumi_core::Publication, Error>, Vec<Progress>) {
    publish_collecting(store, blog, &site.password, draft, options).await
}

const RED_PNG: &[u8] = include_bytes!("support/images/red.png");
const BLUE_PNG: &[u8] = include_bytes!("support/images/blue.png");

#[tokio::test]
async fn connect_discovers_the_rest_root_and_checks_the_password() {
    let (site, wp) = connected().await;
    assert_eq!(wp.api_root().as_str(), format!("{}wp-json/", site.url));

    let err = WordPress::connect(&site.url, &site.user, "wrongwrongwrongwrongwrong")
        .await
        .err()
        .expect("rejected");
    assert_eq!(err.code(), "blog_rejected_credentials", "{err}");
    assert!(err.to_string().contains("application password"), "{err}");

    // A blog added before whose password was revoked since: a publish asks nothing before its
    // own calls (three image uploads at once here), and the first refusal is the same error.
    let (_dir, mut store, blog) = store_with_blog(&site);
    let image = store
        .add_asset(&Image::from_bytes(RED_PNG.to_vec(), "赤.png").expect("an image"))
        .expect("store the image");
    let text = format!("![赤]({image})\n");
    let draft = store.create_draft("取り消された", &text).expect("draft");
    let (p, _) = publish_collecting(
        &mut store,
        &blog,
        "wrongwrongwrongwrongwrong",
        draft.id,
        PublishOptions::default(),
    )
    .await;
    assert_eq!(p.expect_err("revoked").code(), "blog_rejected_credentials");
    assert_eq!(store.draft(draft.id).expect("draft").body, text);

    // A static page of the same server: no api.w.org link.
    let err = WordPress::connect(
        &format!("{}readme.html", site.url),
        &site.user,
        &site.password,
    )
    .await
    .err();
    assert!(
        matches!(err, Some(Error::BlogNotWordPress { .. })),
        "{err:?}"
    );
}

#[tokio::test]
async fn a_post_is_created_then_updated_in_place() {
    let (site, wp) = connected().await;

    let created = wp
        .create_post(&review_post(RemoteStatus::Publish), jiff::Timestamp::now())
        .await
        .expect("create");
    assert_eq!(created.status.as_word(), "publish");
    let stored = wp.fetch_post(&created.id).await.expect("fetch");
    assert_eq!(stored.title, "『三体』劉慈欣 を読んで");
    assert!(
        stored
            .html
            .contains("<td data-sourcepos=\"9:11-9:21\" align=\"right\">劉慈欣</td>"),
        "{}",
        stored.html
    );
    assert!(stored.html.contains("footnote"), "{}", stored.html);

    let mut edited = review_post(RemoteStatus::Publish);
    edited.html.push_str("<p>追記：再読した。</p>");
    let updated = wp.update_post(&created.id, &edited).await.expect("update");
    assert_eq!(updated.id, created.id, "the same post, not a new one");
    assert!(
        wp.fetch_post(&created.id)
            .await
            .expect("fetch")
            .html
            .ends_with("<p>追記：再読した。</p>")
    );

    // Only the sample post WordPress installs and ours exist.
    let posts: serde_json::Value = reqwest::Client::new()
        .get(format!(
            "{}wp-json/wp/v2/posts?status=publish,draft&context=edit",
            site.url
        ))
        .basic_auth(&site.user, Some(&site.password))
        .send()
        .await
        .expect("list")
        .json()
        .await
        .expect("json");
    let titles: Vec<&str> = posts
        .as_array()
        .expect("array")
        .iter()
        .filter_map(|p| p["title"]["raw"].as_str())
        .collect();
    assert_eq!(
        titles
            .iter()
            .filter(|t| **t == "『三体』劉慈欣 を読んで")
            .count(),
        1,
        "{titles:?}"
    );
}

#[tokio::test]
async fn drafts_missing_posts_and_a_stopped_server_give_typed_errors() {
    let (site, wp) = connected().await;

    let draft = wp
        .create_post(&review_post(RemoteStatus::Draft), jiff::Timestamp::now())
        .await
        .expect("create a draft");
    assert_eq!(draft.status.as_word(), "draft");

    let err = wp
        .update_post("999999", &review_post(RemoteStatus::Draft))
        .await
        .expect_err("missing");
    assert!(
        matches!(&err, Error::RemotePostNotFound { id } if id == "999999"),
        "{err:?}"
    );

    site.stop_web_server();
    let err = wp.fetch_post(&draft.id).await.expect_err("server down");
    assert_eq!(err.code(), "blog_unreachable", "{err}");
    assert!(err.to_string().contains("your draft is unchanged"), "{err}");
}

#[tokio::test]
async fn the_cli_adds_a_blog_publishes_once_and_updates_the_same_post() {
    let site = TestWordPress::start();
    let keychain = SecretService::start();
    let env = keychain.env();
    let data = tempfile::tempdir().expect("temp dir");
    let run = |args: &[&str], stdin: &[u8]| fumi_env(data.path(), args, stdin, &env);

    // A wrong password is refused before anything is stored.
    let out = run(
        &[
            "blogs", "add", "test", "--url", &site.url, "--user", &site.user,
        ],
        b"not-the-password\n",
    );
    assert!(!out.status.success());
    assert!(
        String::from_utf8_lossy(&out.stderr)
            .contains("rejected the user name or application password")
    );
    assert_eq!(ok(run(&["blogs", "list"], b"")), "");

    let secret = format!("{}\n", site.password);
    ok(run(
        &[
            "blogs", "add", "test", "--url", &site.url, "--user", &site.user,
        ],
        secret.as_bytes(),
    ));
    assert_eq!(
        ok(run(&["blogs", "list"], b"")),
        format!("test\twordpress\t{}\t{}\n", site.user, site.url)
    );
    assert!(ok(run(&["blogs", "test", "test"], b"")).contains("accepts the password"));

    let id = ok(run(
        &["drafts", "new", "--title", "『三体』劉慈欣 を読んで", "-"],
        REVIEW.as_bytes(),
    ));
    let id = id.trim();
    let url = ok(run(&["publish", id, "--blog", "test"], b""));
    assert!(
        url.starts_with(&site.url),
        "prints the post's address: {url}"
    );

    ok(run(
        &["drafts", "edit", id, "-"],
        format!("{REVIEW}\n追記：二度目の公開。\n").as_bytes(),
    ));
    let again = ok(run(&["publish", id, "--blog", "test"], b""));
    assert_eq!(again, url, "the same post");

    let wp = WordPress::connect(&site.url, &site.user, &site.password)
        .await
        .expect("connect");
    let store = fumi_core::Store::open(data.path()).expect("open");
    let blog = store.blog_by_name("test").expect("query").expect("blog");
    let publication = store
        .publication(id.parse().expect("id"), blog.id)
        .expect("query")
        .expect("recorded");
    let remote = wp
        .fetch_post(publication.remote_id.as_deref().expect("remote id"))
        .await
        .expect("fetch");
    assert!(
        remote.html.contains("追記：二度目の公開。"),
        "updated in place: {}",
        remote.html
    );
    assert_eq!(publication.last_error, None);

    // Someone edits the post on the web: the next publish stops instead of overwriting.
    let mut web_edit = OutgoingPost {
        title: remote.title.clone(),
        html: "<p>ウェブで編集</p>".into(),
        ..OutgoingPost::default()
    };
    web_edit.title.push_str("（改）");
    wp.update_post(&remote.id, &web_edit)
        .await
        .expect("edit on the web");
    let out = run(&["publish", id, "--blog", "test"], b"");
    assert!(!out.status.success());
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("differs from the version Fumi last knew")
    );
    ok(run(&["publish", id, "--blog", "test", "--overwrite"], b""));
    assert!(
        wp.fetch_post(&remote.id)
            .await
            .expect("fetch")
            .html
            .contains("追記：二度目の公開。")
    );

    // The password is in the keychain only: not in the database file or its WAL.
    drop(store);
    assert_secret_absent(data.path(), &site.password);
    // The logs say what happened, as JSON lines.
    let log = std::fs::read_dir(data.path().join("logs"))
        .expect("logs")
        .flatten()
        .map(|f| std::fs::read_to_string(f.path()).unwrap_or_default())
        .collect::<String>();
    let published = log
        .lines()
        .filter_map(|l| serde_json::from_str::<Value>(l).ok())
        .filter(|l| l["fields"]["message"] == "published" && l["fields"]["kind"] == "wordpress")
        .count();
    assert!(published >= 2, "every publish logged: {log}");
    // The blog's categories, for the author to pick from.
    let categories = ok(run(&["blogs", "categories", "test"], b""));
    assert!(
        categories.lines().any(|c| c == "Uncategorized"),
        "{categories}"
    );

    // Scheduling, unpublishing and pulling from the command line.
    let scheduled = ok(run(
        &["publish", id, "--blog", "test", "--at", "2030-01-01 09:00"],
        b"",
    ));
    assert!(scheduled.trim_end().ends_with("(scheduled)"), "{scheduled}");
    ok(run(&["unpublish", id, "--blog", "test"], b""));
    assert_eq!(
        rest(&site, &format!("wp/v2/posts/{}?context=edit", remote.id)).await["status"],
        "draft"
    );
    let other = tempfile::tempdir().expect("temp dir");
    let pulled = fumi_env(
        other.path(),
        &[
            "blogs", "add", "test", "--url", &site.url, "--user", &site.user,
        ],
        secret.as_bytes(),
        &env,
    );
    ok(pulled);
    let report = ok(fumi_env(
        other.path(),
        &["pull", "--blog", "test"],
        b"",
        &env,
    ));
    assert!(
        report.starts_with("Imported 2 posts as drafts: 1 2; 0 already linked."),
        "{report}"
    );
    let listed = ok(fumi_env(
        other.path(),
        &["drafts", "search", "三体"],
        b"",
        &env,
    ));
    assert!(listed.contains("『三体』劉慈欣 を読んで"), "{listed}");
    ok(fumi_env(
        other.path(),
        &["blogs", "remove", "test"],
        b"",
        &env,
    ));

    ok(run(&["blogs", "remove", "test"], b""));
    assert_eq!(ok(run(&["blogs", "list"], b"")), "");
}

#[tokio::test]
async fn a_review_with_images_and_terms_is_published_once_and_updated_in_place() {
    review_round_trip(BlogKind::WordPress).await;
}

/// Publishes a Japanese review with two images, two categories (one new), tags, slug, excerpt
/// and a featured image with `kind`'s protocol; reads it back over REST; edits and publishes
/// again: the same post, no image uploaded twice.
pub(crate) async fn review_round_trip(kind: BlogKind) {
    let site = TestWordPress::start();
    let (dir, mut store, blog) = store_with_blog_of_kind(&site, kind);
    // One of the two categories exists already; the other is created by the publish.
    let existing = rest_send(
        &site,
        reqwest::Method::POST,
        "wp/v2/categories",
        json!({"name": "読書"}),
    )
    .await;
    let cover = store
        .add_asset(&Image::from_bytes(RED_PNG.to_vec(), "表紙.png").expect("an image"))
        .expect("store the image");
    let photo = dir.path().join("写真.png");
    std::fs::write(&photo, BLUE_PNG).expect("write the photo");
    let body = format!(
        "---\ncategories: [読書, 新しい棚]\ntags: [SF, 劉慈欣]\nslug: santai\nexcerpt: 文化大革命から始まるSF。\nfeatured_image: {cover}\n---\n{REVIEW}\n![表紙]({cover})\n\n![写真]({})\n",
        photo.display()
    );
    let draft = store
        .create_draft("『三体』を読んで", &body)
        .expect("draft");

    // A file on this computer is uploaded only once the author has seen it named and said yes.
    let (asked, _) = publish(
        &mut store,
        &blog,
        &site,
        draft.id,
        PublishOptions::default(),
    )
    .await;
    let asked = asked.expect_err("the photo needs the author's yes");
    assert_eq!(asked.code(), "local_files_need_consent", "{asked}");
    assert!(
        asked.to_string().contains(&photo.display().to_string()),
        "{asked}"
    );
    let allow = PublishOptions {
        allow_local_files: true,
        ..PublishOptions::default()
    };
    let (published, steps) = publish(&mut store, &blog, &site, draft.id, allow).await;
    let published = published.expect("publish");
    assert!(
        steps.contains(&Progress::Images { done: 2, total: 2 }),
        "{steps:?}"
    );
    let id = published.remote_id.clone().expect("remote id");

    let post = rest(&site, &format!("wp/v2/posts/{id}?context=edit")).await;
    assert_eq!(post["title"]["raw"], "『三体』を読んで");
    assert_eq!(post["status"], "publish");
    assert_eq!(post["slug"], "santai");
    assert_eq!(post["excerpt"]["raw"], "文化大革命から始まるSF。");
    let html = post["content"]["raw"].as_str().expect("content");
    assert!(
        html.contains("<table") && html.contains("footnote"),
        "{html}"
    );
    assert_eq!(html.matches("/wp-content/uploads/").count(), 2, "{html}");
    assert!(
        !html.contains("fumi-asset") && !html.contains("写真.png\""),
        "{html}"
    );
    assert_ne!(post["featured_media"], 0);

    let category_names: Vec<String> = rest(&site, "wp/v2/categories?per_page=100")
        .await
        .as_array()
        .expect("array")
        .iter()
        .filter(|c| {
            post["categories"]
                .as_array()
                .expect("ids")
                .contains(&c["id"])
        })
        .map(|c| c["name"].as_str().expect("name").to_owned())
        .collect();
    assert_eq!(category_names.len(), 2, "{category_names:?}");
    assert!(
        category_names.contains(&"読書".to_owned())
            && category_names.contains(&"新しい棚".to_owned())
    );
    assert!(
        post["categories"]
            .as_array()
            .expect("ids")
            .contains(&existing["id"]),
        "reused, not duplicated"
    );
    assert_eq!(post["tags"].as_array().expect("tags").len(), 2);
    assert_eq!(
        rest(&site, "wp/v2/media")
            .await
            .as_array()
            .expect("media")
            .len(),
        2
    );
    // The draft keeps its own references.
    assert_eq!(store.draft(draft.id).expect("draft").body, body);

    // Edit and publish again: the same post, no image uploaded again.
    store
        .save_draft(
            draft.id,
            "『三体』を読んで",
            &format!("{body}\n追記：再読。\n"),
            fumi_core::SaveKind::Explicit,
        )
        .expect("edit");
    let (again, steps) = publish(
        &mut store,
        &blog,
        &site,
        draft.id,
        PublishOptions::default(),
    )
    .await;
    let again = again.expect("publish again");
    assert_eq!(again.remote_id.as_deref(), Some(id.as_str()));
    assert!(
        !steps.iter().any(|s| matches!(s, Progress::Images { .. })),
        "{steps:?}"
    );
    let post = rest(&site, &format!("wp/v2/posts/{id}?context=edit")).await;
    assert!(
        post["content"]["raw"]
            .as_str()
            .expect("content")
            .contains("追記：再読。")
    );
    assert_eq!(
        rest(&site, "wp/v2/media")
            .await
            .as_array()
            .expect("media")
            .len(),
        2
    );
    assert_eq!(count_titled(&site, "『三体』を読んで").await, 1);
}

#[tokio::test]
async fn scheduled_and_draft_statuses() {
    let site = TestWordPress::start();
    let (_dir, mut store, blog) = store_with_blog(&site);
    let soon = jiff::Timestamp::now() + jiff::SignedDuration::from_hours(48);
    let scheduled = store
        .create_draft("予約投稿", &format!("---\ndate: {soon}\n---\n来週の本。\n"))
        .expect("draft");
    let (p, _) = publish(
        &mut store,
        &blog,
        &site,
        scheduled.id,
        PublishOptions::default(),
    )
    .await;
    let p = p.expect("publish");
    assert_eq!(
        p.remote_status.as_ref().map(|s| s.as_word()),
        Some("future")
    );
    let post = rest(
        &site,
        &format!("wp/v2/posts/{}?context=edit", p.remote_id.expect("id")),
    )
    .await;
    assert_eq!(
        post["date_gmt"],
        soon.strftime("%Y-%m-%dT%H:%M:%S").to_string()
    );

    // The front matter says draft; the author's option overrides it.
    let kept = store
        .create_draft("下書きのまま", "---\nstatus: draft\n---\n途中。\n")
        .expect("draft");
    let (p, _) = publish(&mut store, &blog, &site, kept.id, PublishOptions::default()).await;
    assert_eq!(
        p.expect("publish")
            .remote_status
            .as_ref()
            .map(|s| s.as_word()),
        Some("draft")
    );
    let options = PublishOptions {
        status: Some(RemoteStatus::Publish),
        ..PublishOptions::default()
    };
    let (p, _) = publish(&mut store, &blog, &site, kept.id, options).await;
    assert_eq!(
        p.expect("publish")
            .remote_status
            .as_ref()
            .map(|s| s.as_word()),
        Some("publish")
    );

    // A mistake in the settings stops the publish before anything is sent, and says where.
    let broken = store
        .create_draft("壊れた設定", "---\ncategories: [a\n---\n本文\n")
        .expect("draft");
    let (p, _) = publish(
        &mut store,
        &blog,
        &site,
        broken.id,
        PublishOptions::default(),
    )
    .await;
    let e = p.expect_err("refused");
    assert_eq!(e.code(), "front_matter", "{e}");
    assert!(!titles(&site).await.contains(&"壊れた設定".to_owned()));
}

#[tokio::test]
async fn pull_imports_every_page_as_linked_drafts() {
    let (site, wp) = connected().await;
    for n in 1..=3 {
        let post = OutgoingPost {
            title: format!("過去の記事{n}"),
            html: format!("<p>本文{n}</p>"),
            categories: vec!["読書".into()],
            status: if n == 3 {
                RemoteStatus::Draft
            } else {
                RemoteStatus::Publish
            },
            ..OutgoingPost::default()
        };
        wp.create_post(&post, jiff::Timestamp::now())
            .await
            .expect("create");
    }
    // Three of ours and WordPress's sample post, two per page.
    assert_eq!(wp.list_posts_by(2).await.expect("list").len(), 4);

    let (_dir, mut store, blog) = store_with_blog(&site);
    let renderer = Renderer::new();
    let report = publish::pull_posts(&mut store, &renderer, &blog, &site.password)
        .await
        .expect("pull");
    assert_eq!(report.imported.len(), 4);
    let drafts = store.search("過去の記事").expect("search");
    assert_eq!(drafts.len(), 3);
    let third = store.search("過去の記事3").expect("search")[0].id;
    let body = store.draft(third).expect("draft").body;
    assert!(
        body.starts_with("---\ncategories:\n- 読書\nstatus: draft\n---\n"),
        "{body}"
    );
    assert!(body.ends_with("<p>本文3</p>"), "{body}");

    let again = publish::pull_posts(&mut store, &renderer, &blog, &site.password)
        .await
        .expect("pull again");
    assert_eq!((again.imported.len(), again.already_linked), (0, 4));

    // A pulled draft publishes onto its own post, still a draft there.
    let (p, _) = publish(&mut store, &blog, &site, third, PublishOptions::default()).await;
    let p = p.expect("publish");
    assert_eq!(p.remote_status.as_ref().map(|s| s.as_word()), Some("draft"));
    assert_eq!(titles(&site).await.len(), 4);
}

#[tokio::test]
async fn lost_answers_errors_and_outages_never_duplicate_or_lose_anything() {
    let site = TestWordPress::behind_proxy();
    let proxy = site.proxy.as_ref().expect("proxy");
    let (_dir, mut store, blog) = store_with_blog(&site);
    let draft = store
        .create_draft("一度だけ", "障害に強い記事。\n")
        .expect("draft");

    // The blog is down: a clear error, recorded, and the draft as it was.
    proxy.inject("GET", "/", Fault::DropRequest, 100);
    let (p, _) = publish(
        &mut store,
        &blog,
        &site,
        draft.id,
        PublishOptions::default(),
    )
    .await;
    let e = p.expect_err("unreachable");
    assert_eq!(e.code(), "blog_unreachable", "{e}");
    let record = store
        .publication(draft.id, blog.id)
        .expect("query")
        .expect("recorded");
    assert!(record.last_error.expect("error").code == "blog_unreachable");
    assert_eq!(
        store.draft(draft.id).expect("draft").body,
        "障害に強い記事。\n"
    );
    proxy.clear();

    // The create's answer lost, then the search for it rate limited: one post, found instead
    // of made twice.
    proxy.inject("POST", "/wp-json/wp/v2/posts", Fault::DropAnswer, 1);
    proxy.inject(
        "GET",
        "/wp-json/wp/v2/posts",
        Fault::Status(429, Some(1)),
        1,
    );
    let (p, _) = publish(
        &mut store,
        &blog,
        &site,
        draft.id,
        PublishOptions::default(),
    )
    .await;
    let id = p.expect("publish").remote_id.expect("id");
    assert_eq!(count_titled(&site, "一度だけ").await, 1);
    assert_eq!(
        proxy
            .seen()
            .iter()
            .filter(|r| *r == "POST /wp-json/wp/v2/posts")
            .count(),
        1,
        "the create was sent once"
    );

    // A 500 on the update is retried.
    store
        .save_draft(
            draft.id,
            "一度だけ",
            "更新した。\n",
            fumi_core::SaveKind::Explicit,
        )
        .expect("edit");
    proxy.inject(
        "POST",
        &format!("/wp-json/wp/v2/posts/{id}"),
        Fault::Status(500, None),
        1,
    );
    let (p, _) = publish(
        &mut store,
        &blog,
        &site,
        draft.id,
        PublishOptions::default(),
    )
    .await;
    assert_eq!(p.expect("publish").remote_id.as_deref(), Some(id.as_str()));

    // A reply that is not JSON is a typed error.
    proxy.inject(
        "GET",
        &format!("/wp-json/wp/v2/posts/{id}"),
        Fault::Garbage,
        1,
    );
    let (p, _) = publish(
        &mut store,
        &blog,
        &site,
        draft.id,
        PublishOptions::default(),
    )
    .await;
    assert_eq!(p.expect_err("garbage").code(), "blog_malformed_reply");

    // The REST root is found from the home page once; an answer that is not the REST API's (a
    // web server's 404 page) makes the next publish look for it again.
    let home_pages = || proxy.seen().iter().filter(|r| *r == "GET /").count();
    let before = home_pages();
    proxy.inject(
        "GET",
        &format!("/wp-json/wp/v2/posts/{id}"),
        Fault::Page(404),
        1,
    );
    let (p, _) = publish(
        &mut store,
        &blog,
        &site,
        draft.id,
        PublishOptions::default(),
    )
    .await;
    assert_eq!(p.expect_err("a 404 page").code(), "blog_http");
    assert_eq!(home_pages(), before, "the REST root was remembered");
    let (p, _) = publish(
        &mut store,
        &blog,
        &site,
        draft.id,
        PublishOptions::default(),
    )
    .await;
    p.expect("published through the REST root found again");
    assert_eq!(home_pages(), before + 1);

    // The create's answer is lost and the blog fails every search: the publish fails, but the
    // next one finds the post the first one made.
    let second = store
        .create_draft("二度と作らない", "本文\n")
        .expect("draft");
    proxy.inject("POST", "/wp-json/wp/v2/posts", Fault::DropAnswer, 1);
    proxy.inject("GET", "/wp-json/wp/v2/posts", Fault::Status(500, None), 100);
    let (p, _) = publish(
        &mut store,
        &blog,
        &site,
        second.id,
        PublishOptions::default(),
    )
    .await;
    assert!(p.is_err());
    proxy.clear();
    assert_eq!(count_titled(&site, "二度と作らない").await, 1);
    let (p, _) = publish(
        &mut store,
        &blog,
        &site,
        second.id,
        PublishOptions::default(),
    )
    .await;
    p.expect("publish");
    assert_eq!(count_titled(&site, "二度と作らない").await, 1);
}

#[tokio::test]
async fn a_post_deleted_on_the_web_is_created_again_only_when_asked_and_unpublish_and_delete() {
    let site = TestWordPress::start();
    let (_dir, mut store, blog) = store_with_blog(&site);
    let draft = store.create_draft("消される記事", "本文\n").expect("draft");
    let (p, _) = publish(
        &mut store,
        &blog,
        &site,
        draft.id,
        PublishOptions::default(),
    )
    .await;
    let first = p.expect("publish").remote_id.expect("id");
    rest_send(
        &site,
        reqwest::Method::DELETE,
        &format!("wp/v2/posts/{first}"),
        json!({}),
    )
    .await;

    let (p, _) = publish(
        &mut store,
        &blog,
        &site,
        draft.id,
        PublishOptions::default(),
    )
    .await;
    let e = p.expect_err("gone");
    assert_eq!(e.code(), "remote_post_not_found", "{e}");
    let options = PublishOptions {
        recreate: true,
        ..PublishOptions::default()
    };
    let (p, _) = publish(&mut store, &blog, &site, draft.id, options).await;
    let second = p.expect("recreated").remote_id.expect("id");
    assert_ne!(second, first);

    let p = publish::unpublish_draft(&mut store, &blog, &site.password, draft.id)
        .await
        .expect("unpublish");
    assert_eq!(p.remote_status.as_ref().map(|s| s.as_word()), Some("draft"));
    assert_eq!(
        rest(&site, &format!("wp/v2/posts/{second}?context=edit")).await["status"],
        "draft"
    );

    publish::delete_remote(&mut store, &blog, &site.password, draft.id)
        .await
        .expect("delete");
    assert_eq!(
        rest(&site, &format!("wp/v2/posts/{second}?context=edit")).await["status"],
        "trash"
    );
    assert!(
        store
            .publication(draft.id, blog.id)
            .expect("query")
            .is_none()
    );
}

#[tokio::test]
async fn a_site_with_plain_permalinks_is_reached_through_rest_route() {
    let site = TestWordPress::with_plain_permalinks();
    let wp = WordPress::connect(&site.url, &site.user, &site.password)
        .await
        .expect("connect");
    assert!(
        wp.api_root().as_str().contains("rest_route="),
        "{}",
        wp.api_root()
    );
    let post = OutgoingPost {
        title: "パーマリンクなし".into(),
        html: "<p>本文</p>".into(),
        categories: vec!["読書 & 映画".into()],
        ..OutgoingPost::default()
    };
    let created = wp
        .create_post(&post, jiff::Timestamp::now())
        .await
        .expect("create");
    assert!(created.dropped_terms.is_empty());
    let fetched = wp.fetch_post(&created.id).await.expect("fetch");
    assert_eq!(fetched.categories, ["読書 & 映画"]);
    // The same name again finds the term instead of failing on a duplicate.
    wp.update_post(&created.id, &post).await.expect("update");
}

#[tokio::test]
async fn a_draft_with_hatenas_notation_reaches_wordpress_as_wordpress_reads_it() {
    let site = TestWordPress::start();
    let (_data, mut store, blog) = store_with_blog(&site);
    let body = "[:contents]\n\n## 前半\n\n一文目。\n二文目。\n\n<!-- more -->\n\n## 後半\n\n後半です((脚注です))。\n\n[https://www.youtube.com/watch?v=dQw4w9WgXcQ:embed]\n";
    let draft = store.create_draft("記法の記事", body).expect("draft").id;
    let (published, _) = publish(&mut store, &blog, &site, draft, PublishOptions::default()).await;
    let id = published.expect("published").remote_id.expect("remote id");
    let post = rest(&site, &format!("wp/v2/posts/{id}?context=edit")).await;
    let raw = post["content"]["raw"].as_str().expect("raw content");
    assert!(raw.contains("\n<!--more-->\n"), "{raw}");
    assert!(
        raw.contains("\nhttps://www.youtube.com/watch?v=dQw4w9WgXcQ\n"),
        "the embed's URL alone on its line: {raw}"
    );
    assert!(raw.contains(r#"<div class="table-of-contents">"#), "{raw}");
    assert!(raw.contains(r##"<a href="#h-後半""##), "{raw}");
    assert!(
        raw.contains(r#"<span class="footnote-text">脚注です</span>"#),
        "{raw}"
    );
    assert!(raw.contains("一文目。<br>"), "{raw}");
    for preview_only in [
        "data-sourcepos",
        "aria-label",
        "data-heading-content",
        r#"class="anchor""#,
    ] {
        assert!(
            !raw.contains(preview_only),
            "{preview_only} sent to the blog: {raw}"
        );
    }
    // WordPress reads the cut as its own: it keeps the marker, and the excerpt it makes for
    // lists and feeds stops there.
    let rendered = post["content"]["rendered"]
        .as_str()
        .expect("rendered content");
    assert!(rendered.contains("<!--more-->"), "{rendered}");
    assert!(!rendered.contains("data-sourcepos"), "{rendered}");
    let excerpt = post["excerpt"]["rendered"].as_str().expect("excerpt");
    assert!(
        excerpt.contains("一文目") && !excerpt.contains("後半です"),
        "the excerpt did not stop at the cut: {excerpt}"
    );
}

/// *Preview on the blog* on the real WordPress: one draft post, its `content.rendered` (after
/// WordPress's own filters) set beside Fumi's preview with no block unlike it; an edit made on
/// the web stops it as it stops a publish.
#[tokio::test]
async fn preview_on_the_blog_reads_wordpress_own_rendering_of_one_draft_post() {
    let site = TestWordPress::start();
    let (_data, mut store, blog) = store_with_blog(&site);
    let text = "# 感想\n\n一行目\n二行目\n\n- 項目一\n- 項目二\n\n> 引用した一節\n\n| 書名 | 著者 |\n|---|---|\n| 三体 | 劉慈欣 |\n";
    let draft = store
        .create_draft("ブログで確かめる", text)
        .expect("draft")
        .id;
    let preview = async |store: &mut Store| {
        super::support::preview_on_blog(store, &blog, &site.password, draft).await
    };
    let shown = preview(&mut store).await.expect("preview on the blog");
    let posts = rest(&site, "wp/v2/posts?status=draft&context=edit").await;
    let posts = posts.as_array().expect("posts");
    assert_eq!(posts.len(), 1, "{posts:?}");
    assert_eq!(posts[0]["status"], "draft");
    let differing: Vec<&str> = shown
        .blocks
        .iter()
        .filter(|b| b.differs)
        .map(|b| b.html.as_str())
        .collect();
    assert!(differing.is_empty(), "{differing:#?}");
    assert!(shown.blocks.len() >= 5, "{:#?}", shown.blocks);

    // Someone changes the post on the web: it is not overwritten unasked.
    let id = posts[0]["id"].as_u64().expect("id");
    rest_send(
        &site,
        reqwest::Method::POST,
        &format!("wp/v2/posts/{id}"),
        json!({ "content": "<p>ウェブで書き換えた</p>" }),
    )
    .await;
    let edited = preview(&mut store)
        .await
        .expect_err("an edit on the web stops it");
    assert_eq!(edited.code(), "remote_changed", "{edited}");
    let posts = rest(&site, "wp/v2/posts?status=draft&context=edit").await;
    assert_eq!(posts.as_array().map(Vec::len), Some(1));
}
