//! Sync in the real window: the status line tells how the last sync went, and a draft changed
//! on two computers in the same lines opens the conflict screen, where the author's choice
//! leaves the other text as a revision.

use super::support::desktop::Desktop;
use super::support::git_server::GitServer;
use super::support::keyring::SecretService;
use super::sync::{edit, two_computers_with};
use super::window::{click, editor_text, quit, wait_for};

#[tokio::test]
async fn the_conflict_screen_shows_both_texts_and_the_choice_keeps_the_other_as_a_revision() {
    let keychain = SecretService::start();
    let server = GitServer::start();
    let (a, on_a, b, on_b) = two_computers_with(
        &keychain,
        &server,
        "window",
        "最初の一文。\n\n同じ文を二台で直す。\n",
    );
    edit(
        &a,
        on_a,
        "同じ文を二台で直す。",
        "同じ文をノートパソコンで直した。",
    );
    edit(
        &b,
        on_b,
        "同じ文を二台で直す。",
        "同じ文をデスクトップで直した。",
    );
    a.sync();

    // B opens its window: the sync at start finds the clash and the status line says so.
    let desktop = Desktop::start_with("ja_JP.UTF-8", &keychain.env());
    let window = desktop.launch(b.data.path()).await;
    wait_for(
        &window,
        "the conflict in the status line",
        "document.getElementById('sync-state').dataset.syncState === 'conflict'",
    )
    .await;
    let label = super::window::text(&window, "sync-state").await;
    assert_eq!(label, "競合している下書き 1 件");
    click(&window, "sync-state").await;
    wait_for(
        &window,
        "the conflict screen with both texts",
        "document.getElementById('conflict-dialog').open \
         && document.querySelector('#conflict-mine mark')?.textContent.includes('デスクトップ') \
         && document.querySelector('#conflict-theirs mark')?.textContent.includes('ノートパソコン')",
    )
    .await;

    // The author takes the laptop's sentence: the editor shows it, the desktop's is history.
    click(&window, "conflict-take-theirs").await;
    wait_for(
        &window,
        "the dialog closed and the status line calm",
        "!document.getElementById('conflict-dialog').open \
         && document.getElementById('sync-state').dataset.syncState !== 'conflict'",
    )
    .await;
    wait_for(
        &window,
        "the chosen text in the editor",
        "document.querySelector('.cm-content').textContent.includes('ノートパソコンで直した')",
    )
    .await;
    assert!(
        editor_text(&window)
            .await
            .contains("ノートパソコンで直した")
    );
    quit(window, b.data.path()).await;
    let app = b.app();
    let revisions = app.writer().revisions(on_b).expect("revisions");
    assert!(
        revisions
            .iter()
            .any(|r| r.body.contains("デスクトップで直した")),
        "this computer's text is a revision"
    );
    assert!(app.sync_status().expect("status").conflicts.is_empty());
}
