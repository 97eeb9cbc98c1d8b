//! The MetaWeblog (XML-RPC) publisher against the same real WordPress, through `/xmlrpc.php`:
//! the same promises as over REST — images once, terms by name, one post per draft.

use fumi_core::image::Image;
use fumi_core::publish::metaweblog::MetaWeblog;
use fumi_core::publish::{self, Progress, PublishOptions, Publisher};
use fumi_core::{BlogKind, Renderer, SaveKind};
use serde_json::json;

use super::publish_wordpress::{
    BLUE_PNG, RED_PNG, publish, rest, rest_send, store_with_blog_of_kind, titles,
};
use super::support::REVIEW;
use super::support::wordpress::TestWordPress;

#[tokio::test]
async fn connect_finds_xmlrpc_through_rsd_and_checks_the_password() {
    let site = TestWordPress::start();
    let mw = MetaWeblog::connect(&site.url, &site.user, &site.password)
        .await
        .expect("connect");
    assert_eq!(mw.endpoint().as_str(), format!("{}xmlrpc.php", site.url));
    let err = MetaWeblog::connect(&site.url, &site.user, "wrong-wrong-wrong-wrong")
        .await
        .err()
        .expect("rejected");
    assert_eq!(err.code(), "blog_rejected_credentials", "{err}");
    assert!(
        err.to_string().contains("Incorrect username or password"),
        "{err}"
    );
}

#[tokio::test]
async fn a_review_with_images_and_terms_is_published_once_and_updated_over_xmlrpc() {
    let site = TestWordPress::start();
    let (dir, mut store, blog) = store_with_blog_of_kind(&site, BlogKind::MetaWeblog);
    rest_send(
        &site,
        reqwest::Method::POST,
        "wp/v2/categories",
        json!({"name": "読書"}),
    )
    .await;
    let cover = store
        .add_asset(&Image::from_bytes(RED_PNG.to_vec(), "表紙.png").expect("an image"))
        .expect("store");
    let photo = dir.path().join("写真.png");
    std::fs::write(&photo, BLUE_PNG).expect("write");
    let body = format!(
        "---\ncategories: [読書, 新しい棚]\ntags: [SF, 劉慈欣]\nslug: santai-xmlrpc\nexcerpt: 要約。\n---\n{REVIEW}\n![表紙]({cover})\n\n![写真]({})\n",
        photo.display()
    );
    let draft = store.create_draft("XML-RPCで公開", &body).expect("draft");

    let (p, steps) = publish(
        &mut store,
        &blog,
        &site,
        draft.id,
        PublishOptions::default(),
    )
    .await;
    let p = p.expect("publish");
    assert!(
        steps.contains(&Progress::Images { done: 2, total: 2 }),
        "{steps:?}"
    );
    let id = p.remote_id.clone().expect("id");
    let post = rest(&site, &format!("wp/v2/posts/{id}?context=edit")).await;
    assert_eq!(post["title"]["raw"], "XML-RPCで公開");
    assert_eq!(post["status"], "publish");
    assert_eq!(post["slug"], "santai-xmlrpc");
    assert_eq!(post["excerpt"]["raw"], "要約。");
    let html = post["content"]["raw"].as_str().expect("content");
    assert!(
        html.contains("<table") && html.contains("footnote"),
        "{html}"
    );
    assert_eq!(html.matches("/wp-content/uploads/").count(), 2, "{html}");
    assert_eq!(
        post["categories"].as_array().expect("ids").len(),
        2,
        "{post}"
    );
    assert_eq!(post["tags"].as_array().expect("ids").len(), 2, "{post}");

    store
        .save_draft(
            draft.id,
            "XML-RPCで公開",
            &format!("{body}\n追記。\n"),
            SaveKind::Explicit,
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
    assert_eq!(
        again.expect("again").remote_id.as_deref(),
        Some(id.as_str())
    );
    assert!(
        !steps.iter().any(|s| matches!(s, Progress::Images { .. })),
        "{steps:?}"
    );
    let post = rest(&site, &format!("wp/v2/posts/{id}?context=edit")).await;
    assert!(
        post["content"]["raw"]
            .as_str()
            .expect("content")
            .contains("追記。")
    );
    assert_eq!(
        rest(&site, "wp/v2/media")
            .await
            .as_array()
            .expect("media")
            .len(),
        2
    );
    assert_eq!(
        titles(&site)
            .await
            .iter()
            .filter(|t| *t == "XML-RPCで公開")
            .count(),
        1
    );
}

#[tokio::test]
async fn statuses_pull_and_a_deleted_post_over_xmlrpc() {
    let site = TestWordPress::start();
    let (_dir, mut store, blog) = store_with_blog_of_kind(&site, BlogKind::MetaWeblog);
    let soon = jiff::Timestamp::now() + jiff::SignedDuration::from_hours(48);
    let scheduled = store
        .create_draft(
            "予約（XML-RPC）",
            &format!("---\ndate: {soon}\n---\n来週。\n"),
        )
        .expect("draft");
    let (p, _) = publish(
        &mut store,
        &blog,
        &site,
        scheduled.id,
        PublishOptions::default(),
    )
    .await;
    assert_eq!(
        p.expect("scheduled").remote_status.as_deref(),
        Some("future")
    );
    let kept = store
        .create_draft("下書き（XML-RPC）", "---\nstatus: draft\n---\n途中。\n")
        .expect("draft");
    let (p, _) = publish(&mut store, &blog, &site, kept.id, PublishOptions::default()).await;
    let kept_id = p.expect("draft").remote_id.expect("id");
    assert_eq!(
        rest(&site, &format!("wp/v2/posts/{kept_id}?context=edit")).await["status"],
        "draft"
    );

    // Pull into another data folder: every post, linked.
    let (_other, mut other, other_blog) = store_with_blog_of_kind(&site, BlogKind::MetaWeblog);
    let report = publish::pull_posts(&mut other, &Renderer::new(), &other_blog, &site.password)
        .await
        .expect("pull");
    assert_eq!(report.imported.len(), titles(&site).await.len());

    // Deleted on the web: not silently recreated.
    rest_send(
        &site,
        reqwest::Method::DELETE,
        &format!("wp/v2/posts/{kept_id}"),
        json!({}),
    )
    .await;
    let (p, _) = publish(&mut store, &blog, &site, kept.id, PublishOptions::default()).await;
    assert_eq!(p.expect_err("gone").code(), "remote_post_not_found");
    let mw = MetaWeblog::connect(&site.url, &site.user, &site.password)
        .await
        .expect("connect");
    assert_eq!(
        mw.fetch_post("999999").await.expect_err("missing").code(),
        "remote_post_not_found"
    );
}
