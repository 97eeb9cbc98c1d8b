//! The WordPress publisher against a real WordPress on loopback.

use fumi_core::publish::wordpress::WordPress;
use fumi_core::publish::{OutgoingPost, RemoteStatus};
use fumi_core::{Error, Renderer};

use super::support::REVIEW;
use super::support::wordpress::TestWordPress;

fn review_post(status: RemoteStatus) -> OutgoingPost {
    OutgoingPost {
        title: "『三体』劉慈欣 を読んで".into(),
        html: Renderer::new().render(REVIEW).html,
        status,
    }
}

#[tokio::test]
async fn connect_discovers_the_rest_root_and_checks_the_password() {
    let site = TestWordPress::start();
    let wp = WordPress::connect(&site.url, &site.user, &site.password)
        .await
        .expect("connect");
    assert_eq!(wp.api_root().as_str(), format!("{}wp-json/", site.url));

    let err = WordPress::connect(&site.url, &site.user, "wrongwrongwrongwrongwrong")
        .await
        .err()
        .expect("rejected");
    assert_eq!(err.code(), "blog_rejected_credentials", "{err}");
    assert!(err.to_string().contains("application password"), "{err}");

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
    let site = TestWordPress::start();
    let wp = WordPress::connect(&site.url, &site.user, &site.password)
        .await
        .expect("connect");

    let created = wp
        .create_post(&review_post(RemoteStatus::Publish))
        .await
        .expect("create");
    assert_eq!(created.status, "publish");
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
    let site = TestWordPress::start();
    let wp = WordPress::connect(&site.url, &site.user, &site.password)
        .await
        .expect("connect");

    let draft = wp
        .create_post(&review_post(RemoteStatus::Draft))
        .await
        .expect("create a draft");
    assert_eq!(draft.status, "draft");

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
