//! The crash harness: type into the real window and `kill -9` it at varied moments, then check
//! the database and the words. `FUMI_CRASH_KILLS=200 cargo test --test tests crash -- --nocapture`
//! runs the full version; the suite runs 10 kills.

use std::time::Duration;

use super::support::desktop::{Desktop, fumi_pids, wait_for_exit};
use super::window::{editor_text, new_draft, type_in_editor, wait_for};

/// How long after the last keystroke each kill comes, in turn (ms). Autosave writes 500 ms after
/// the last keystroke; kills before that may lose the last chunk, later ones must lose nothing.
const DELAYS_MS: [u64; 5] = [0, 150, 400, 900, 1500];

#[tokio::test]
async fn killing_the_window_mid_typing_never_damages_the_database_or_loses_saved_words() {
    let kills: usize = std::env::var("FUMI_CRASH_KILLS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(10);
    let desktop = Desktop::start();
    let data = tempfile::tempdir().expect("temp dir");
    let mut window = desktop.launch(data.path()).await;
    new_draft(&window).await;
    let mut expected = String::new();
    let mut lost_chunks = 0;

    for kill in 0..kills {
        let chunk = format!("{kill}回目の文章。");
        type_in_editor(&window, &chunk).await;
        let typed = format!("{expected}{chunk}");
        let delay = DELAYS_MS[kill % DELAYS_MS.len()];
        tokio::time::sleep(Duration::from_millis(delay)).await;
        for pid in fumi_pids(data.path()) {
            let _ = std::process::Command::new("kill")
                .args(["-s", "KILL", &pid.to_string()])
                .status();
        }
        wait_for_exit(data.path()).await;
        let _ = window.close().await;

        // The database is sound and holds a prefix of what was typed: at most the last chunk lost.
        let store = fumi_core::Store::open(data.path()).expect("the database opens");
        store.integrity_check().expect("PRAGMA integrity_check");
        let saved = store.list_drafts().expect("list");
        let saved = saved
            .first()
            .map(|d| store.draft(d.id).expect("draft").body)
            .unwrap_or_default();
        drop(store);
        assert!(
            saved == typed || saved == expected,
            "kill {kill} after {delay} ms: saved {saved:?}, typed {typed:?}"
        );
        if delay >= 900 {
            assert_eq!(saved, typed, "kill {kill}: saved long before the kill");
        }
        if saved != typed {
            lost_chunks += 1;
        }
        expected = saved;

        window = desktop.launch(data.path()).await;
        wait_for(
            &window,
            "the draft to open",
            "!document.getElementById('editor-area').hidden",
        )
        .await;
        assert_eq!(
            editor_text(&window).await,
            expected,
            "kill {kill}: the window shows what was saved"
        );
    }
    let _ = window.close().await;
    println!(
        "{kills} kills: {lost_chunks} lost their last chunk (all within 500 ms of typing), 0 damaged databases"
    );
}
