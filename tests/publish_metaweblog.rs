//! The MetaWeblog (XML-RPC) publisher against the same real WordPress, through `/xmlrpc.php`:
//! the same promises as over REST — images once, terms by name, one post per draft.

use fumi_core::publish::metaweblog::MetaWeblog;
use fumi_core::publish::{self, PublishOptions, Publisher};
use fumi_core::{BlogKind, Renderer};
use serde_json::json;

use super::publish_wordpress::{
    publish, rest, rest_send, review_round_trip, store_with_blog_of_kind, titles,
};
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
    review_round_trip(BlogKind::MetaWeblog).await;
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
        p.expect("scheduled")
            .remote_status
            .as_ref()
            .map(|s| s.as_word()),
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
