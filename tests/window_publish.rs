//! Publishing from the real window to the real WordPress: add the blog in the blogs dialog,
//! click Publish, see the link and the badge; edit, publish again: still one post.

use fantoccini::{Client, Locator};
use serde_json::json;

use super::publish_wordpress::{count_titled, rest, rest_send};
use super::support::desktop::{Desktop, fumi_pids, wait_for_exit};
use super::support::fault_proxy::Fault;
use super::support::hatena::TestHatena;
use super::support::keyring::SecretService;
use super::support::wordpress::TestWordPress;
use super::support::{assert_secret_absent, fumi, ok};
use super::window::{click, save_screenshot, text, type_in_editor, wait_for, wait_for_saved};

const TITLE: &str = "窓から公開する書評";

#[tokio::test]
async fn a_blog_added_in_the_window_gets_one_post_that_publish_updates() {
    let site = TestWordPress::start();
    let keychain = SecretService::start();
    let desktop = Desktop::start_with("C.UTF-8", &keychain.env());
    let data = tempfile::tempdir().expect("temp dir");
    ok(fumi(
        data.path(),
        &["drafts", "new", "--title", TITLE, "-"],
        "---\ncategories: [読書]\n---\n# 窓から\n\n本文です。\n".as_bytes(),
    ));
    let window = desktop.launch(data.path()).await;
    wait_for(
        &window,
        "the draft",
        "document.getElementById('publish').textContent === 'Connect a blog to publish'",
    )
    .await;

    // Add the blog: a wrong password is refused with WordPress's reason, then the right one.
    click(&window, "publish").await;
    wait_for(
        &window,
        "the blogs dialog",
        "document.getElementById('blogs-dialog').open",
    )
    .await;
    fill(&window, "blog-name", "test").await;
    fill(&window, "blog-url", &site.url).await;
    fill(&window, "blog-user", &site.user).await;
    fill(&window, "blog-secret", "wrong-password-wrong").await;
    click(&window, "blog-add").await;
    wait_for(
        &window,
        "the rejection",
        "document.getElementById('blog-form-message').textContent.includes('rejected the user name or application password')",
    )
    .await;
    window
        .find(Locator::Id("blog-secret"))
        .await
        .expect("field")
        .clear()
        .await
        .expect("clear");
    fill(&window, "blog-secret", &site.password).await;
    click(&window, "blog-add").await;
    wait_for(
        &window,
        "the blog in the list",
        "document.querySelectorAll('#blog-list .blog-item').length === 1",
    )
    .await;
    click(&window, "blogs-close").await;

    // Publish: progress, then the link and the badge.
    wait_for(
        &window,
        "the Publish button",
        "document.getElementById('publish').textContent === 'Publish'",
    )
    .await;
    click(&window, "publish").await;
    wait_for(
        &window,
        "the published badge",
        "document.getElementById('publish-badge').dataset.standing === 'published'",
    )
    .await;
    let link = text(&window, "post-link").await;
    assert!(link.starts_with("127.0.0.1:"), "{link}");
    assert_eq!(text(&window, "publish").await, "Update");

    // Edit: the badge says so; Update sends it to the same post.
    type_in_editor(&window, "\n追記：窓から更新。").await;
    wait_for_saved(&window).await;
    wait_for(
        &window,
        "the modified badge",
        "document.getElementById('publish-badge').dataset.standing === 'modified'",
    )
    .await;
    click(&window, "publish").await;
    wait_for(
        &window,
        "published again",
        "document.getElementById('publish-badge').dataset.standing === 'published'",
    )
    .await;
    assert_eq!(count_titled(&site, TITLE).await, 1, "one post on the blog");
    let posts = rest(&site, "wp/v2/posts?context=edit&search=%E7%AA%93").await;
    let post = &posts[0];
    assert!(
        post["content"]["raw"]
            .as_str()
            .expect("content")
            .contains("追記：窓から更新。")
    );

    // Someone edits the post on the web: Update asks before overwriting.
    let id = post["id"].as_u64().expect("id");
    rest_send(
        &site,
        reqwest::Method::POST,
        &format!("wp/v2/posts/{id}"),
        json!({"content": "<p>ウェブで直した</p>"}),
    )
    .await;
    click(&window, "publish").await;
    wait_for(
        &window,
        "the conflict question",
        "document.getElementById('dialog').open",
    )
    .await;
    wait_for(
        &window,
        "the failed badge with the reason",
        "document.getElementById('publish-badge').dataset.standing === 'failed' && document.getElementById('publish-badge').textContent.includes('differs from the version Fumi last knew')",
    )
    .await;
    click(&window, "dialog-confirm").await;
    wait_for(
        &window,
        "overwritten",
        "document.getElementById('publish-badge').dataset.standing === 'published'",
    )
    .await;
    let post = rest(&site, &format!("wp/v2/posts/{id}?context=edit")).await;
    assert!(
        post["content"]["raw"]
            .as_str()
            .expect("content")
            .contains("追記：窓から更新。")
    );
    assert_eq!(count_titled(&site, TITLE).await, 1);
    // The password typed into the dialog went to the keychain only.
    assert_secret_absent(data.path(), &site.password);
    // Last: WebKitWebDriver's session may not survive a stalled screenshot.
    save_screenshot(&window, "published").await;
}

async fn fill(window: &Client, id: &str, value: &str) {
    window
        .find(Locator::Id(id))
        .await
        .unwrap_or_else(|e| panic!("#{id}: {e}"))
        .send_keys(value)
        .await
        .unwrap_or_else(|e| panic!("type into #{id}: {e}"));
}

/// An element's text as the page holds it (WebDriver's getText misses ellipsized text).

#[tokio::test]
async fn a_draft_is_published_to_hatena_from_the_window() {
    let hatena = TestHatena::start();
    let keychain = SecretService::start();
    let desktop = Desktop::start_with("C.UTF-8", &keychain.env());
    let data = tempfile::tempdir().expect("temp dir");
    // A photo by its path on this computer, as a pulled or imported draft may name one.
    let photo = data.path().join("写真.png");
    std::fs::write(&photo, include_bytes!("support/images/red.png")).expect("photo");
    let body = format!(
        "---\ncategories: [読書]\nslug: from-the-window\n---\n# はてなへ\n\n窓から公開。\n\n![写真]({})\n",
        photo.display()
    );
    ok(fumi(
        data.path(),
        &["drafts", "new", "--title", "はてなへ", "-"],
        body.as_bytes(),
    ));
    let window = desktop.launch(data.path()).await;
    click(&window, "manage-blogs").await;
    wait_for(
        &window,
        "the blogs dialog",
        "document.getElementById('blogs-dialog').open",
    )
    .await;
    window
        .execute(
            "const kind = document.getElementById('blog-kind');
             kind.value = 'hatena';
             kind.dispatchEvent(new Event('change'));
             return true;",
            vec![],
        )
        .await
        .expect("choose Hatena");
    assert_eq!(text(&window, "blog-user-label").await, "Hatena ID");
    assert_eq!(text(&window, "blog-secret-label").await, "API key");
    fill(&window, "blog-name", "hatena").await;
    fill(&window, "blog-url", &hatena.root).await;
    fill(&window, "blog-user", &hatena.user).await;
    fill(&window, "blog-secret", &hatena.api_key).await;
    click(&window, "blog-add").await;
    wait_for(
        &window,
        "the blog in the list",
        "document.querySelectorAll('#blog-list .blog-item').length === 1",
    )
    .await;
    click(&window, "blogs-close").await;

    wait_for(
        &window,
        "the Publish button",
        "document.getElementById('publish').textContent === 'Publish'",
    )
    .await;
    click(&window, "publish").await;
    // Before anything is read or sent, the author sees which file would leave the computer.
    wait_for(
        &window,
        "the question naming the photo",
        &format!(
            "document.getElementById('dialog').open && document.getElementById('dialog-text').textContent.includes({:?})",
            photo.display().to_string()
        ),
    )
    .await;
    assert!(hatena.entries().is_empty() && hatena.images().is_empty());
    click(&window, "dialog-confirm").await;
    wait_for(
        &window,
        "the published badge",
        "document.getElementById('publish-badge').dataset.standing === 'published'",
    )
    .await;
    let link = text(&window, "post-link").await;
    assert!(link.ends_with("/entry/from-the-window"), "{link}");
    let entries = hatena.entries();
    assert_eq!(entries.len(), 1);
    assert!(
        entries[0]
            .content
            .starts_with("# はてなへ\n\n窓から公開。\n\n![写真](http"),
        "{}",
        entries[0].content
    );
    assert_eq!(entries[0].categories, ["読書"]);
    assert_eq!(hatena.images().len(), 1, "the photo, once allowed");

    // Another file named later is asked about in turn; the question as the author sees it is
    // the last screenshot (WebKitWebDriver's session may not survive a stalled one).
    let second = data.path().join("二枚目.png");
    std::fs::write(&second, include_bytes!("support/images/red.png")).expect("photo");
    type_in_editor(&window, &format!("\n![二枚目]({})", second.display())).await;
    wait_for_saved(&window).await;
    click(&window, "publish").await;
    wait_for(
        &window,
        "the question naming only the new file",
        &format!(
            "document.getElementById('dialog').open && document.getElementById('dialog-text').textContent.includes({:?}) \
             && !document.getElementById('dialog-text').textContent.includes({:?})",
            second.display().to_string(),
            photo.display().to_string()
        ),
    )
    .await;
    save_screenshot(&window, "publish-local-files").await;
}

/// A Hatena blog behind a fault proxy, added with the CLI on a real keychain, one draft, and
/// the window open on that draft in `locale` (its Publish button labelled `publish`).
pub(crate) struct HatenaDraftOpen {
    pub(crate) window: Client,
    pub(crate) data: tempfile::TempDir,
    pub(crate) desktop: Desktop,
    pub(crate) _keychain: SecretService,
    pub(crate) hatena: TestHatena,
}

pub(crate) async fn hatena_draft_open(
    locale: &str,
    title: &str,
    body: &str,
    publish: &str,
) -> HatenaDraftOpen {
    hatena_draft_open_on(TestHatena::behind_proxy(), locale, title, body, publish).await
}

/// [`hatena_draft_open`] on a local Hatena the test prepared.
pub(crate) async fn hatena_draft_open_on(
    hatena: TestHatena,
    locale: &str,
    title: &str,
    body: &str,
    publish: &str,
) -> HatenaDraftOpen {
    let keychain = SecretService::start();
    let env = keychain.env();
    let desktop = Desktop::start_with(locale, &env);
    let data = tempfile::tempdir().expect("temp dir");
    hatena.add_by_command(data.path(), "hatena", &env);
    ok(fumi(
        data.path(),
        &["drafts", "new", "--title", title, "-"],
        body.as_bytes(),
    ));
    let window = desktop.launch(data.path()).await;
    // The draft open in the editor, as the author sees it before pressing Publish (the bar is
    // labelled as soon as the blogs are read, which can be before the draft is open).
    wait_for(
        &window,
        "the draft and the Publish button",
        &format!(
            "!document.getElementById('editor-area').hidden \
             && document.getElementById('title').value === {title:?} \
             && document.getElementById('publish').textContent === {publish:?}"
        ),
    )
    .await;
    HatenaDraftOpen {
        window,
        data,
        desktop,
        _keychain: keychain,
        hatena,
    }
}

#[tokio::test]
async fn a_rejected_publish_is_explained_in_japanese_in_a_japanese_session() {
    // Every part bound: the display, the keychain and the data live until the test ends.
    let HatenaDraftOpen {
        window,
        data: _data,
        desktop: _desktop,
        _keychain,
        hatena,
    } = hatena_draft_open(
        "ja_JP.UTF-8",
        "鍵が変わった",
        "# 鍵が変わった\n\n本文。\n",
        "公開",
    )
    .await;
    let proxy = hatena.proxy.as_ref().expect("proxy");
    // The API key was changed on Hatena's side: every request is refused with 401.
    for _ in 0..1000 {
        proxy.inject_nth(0, Fault::Status(401, None));
    }
    click(&window, "publish").await;
    wait_for(
        &window,
        "the failed badge",
        "document.getElementById('publish-badge').dataset.standing === 'failed'",
    )
    .await;
    // The badge reads the reason kept in the database (code and fields) in the window's language.
    let told = text(&window, "publish-badge").await;
    assert!(
        told.starts_with("失敗: ")
            && told.contains("がユーザー名またはアプリケーションパスワードを受け付けませんでした"),
        "the message in the author's language: {told}"
    );
    assert!(hatena.entries().is_empty(), "nothing was created");
    // No screenshot here: after a publish WebKitWebDriver's snapshots stall (the page itself
    // answers scripts); the badge's text above is what the author sees.
}

#[tokio::test]
async fn a_publish_while_offline_waits_in_the_window_and_goes_out_at_the_next_start() {
    let HatenaDraftOpen {
        window,
        data,
        desktop,
        _keychain,
        hatena,
    } = hatena_draft_open(
        "C.UTF-8",
        "圏外から",
        "# 圏外から\n\n電車の中で書いた。\n",
        "Publish",
    )
    .await;
    let proxy = hatena.proxy.as_ref().expect("proxy");

    // Offline: the publish waits, the author is told, and the draft stays as it was.
    for _ in 0..1000 {
        proxy.inject_nth(0, Fault::DropRequest);
    }
    click(&window, "publish").await;
    wait_for(
        &window,
        "the queued badge",
        "document.getElementById('publish-badge').dataset.standing === 'queued'",
    )
    .await;
    let told = text(&window, "publish-progress").await;
    assert!(told.contains("cannot be reached"), "{told}");
    let badge = text(&window, "publish-badge").await;
    assert!(badge.starts_with("Waiting to send: "), "{badge}");

    // "Send now" while still offline: still waiting, with the reason.
    click(&window, "send-queued").await;
    wait_for(
        &window,
        "the retry's answer",
        "document.getElementById('publish-progress').textContent.includes('could not reach')",
    )
    .await;
    assert_eq!(
        ok(fumi(data.path(), &["queue"], b"")).lines().count(),
        1,
        "one job queued"
    );
    assert!(hatena.entries().is_empty());

    // The author closes Fumi; the network comes back; the next start sends it, once.
    for pid in fumi_pids(data.path()) {
        let _ = std::process::Command::new("kill")
            .arg(pid.to_string())
            .status();
    }
    wait_for_exit(data.path()).await;
    // Ends the WebDriver session (WebKitWebDriver holds one at a time).
    let _ = window.close().await;
    proxy.clear();
    let window = desktop.launch(data.path()).await;
    wait_for(
        &window,
        "the published badge after the start-up send",
        "document.getElementById('publish-badge').dataset.standing === 'published'",
    )
    .await;
    assert!(!text(&window, "post-link").await.is_empty());
    let entries = hatena.entries();
    assert_eq!(entries.len(), 1, "exactly one entry");
    assert_eq!(entries[0].content, "# 圏外から\n\n電車の中で書いた。\n");
    assert_eq!(
        ok(fumi(data.path(), &["queue"], b"")),
        "",
        "the queue is empty"
    );
    save_screenshot(&window, "window-queue-sent").await;
}
