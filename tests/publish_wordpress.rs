//! The WordPress publisher against a real WordPress on loopback.

use fumi_core::publish::wordpress::WordPress;
use fumi_core::publish::{OutgoingPost, RemoteStatus};
use fumi_core::{Error, Renderer};

use super::support::keyring::SecretService;
use super::support::wordpress::TestWordPress;
use super::support::{REVIEW, fumi_env, ok};

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
    }
}

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
    let (site, wp) = connected().await;

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
        status: RemoteStatus::Publish,
    };
    web_edit.title.push_str("（改）");
    wp.update_post(&remote.id, &web_edit)
        .await
        .expect("edit on the web");
    let out = run(&["publish", id, "--blog", "test"], b"");
    assert!(!out.status.success());
    assert!(
        String::from_utf8_lossy(&out.stderr)
            .contains("changed on the blog since Fumi last published it")
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
    for file in ["fumi.sqlite3", "fumi.sqlite3-wal"] {
        let bytes = std::fs::read(data.path().join(file)).unwrap_or_default();
        assert!(
            !bytes
                .windows(site.password.len())
                .any(|w| w == site.password.as_bytes()),
            "secret in {file}"
        );
    }
    ok(run(&["blogs", "remove", "test"], b""));
    assert_eq!(ok(run(&["blogs", "list"], b"")), "");
}
