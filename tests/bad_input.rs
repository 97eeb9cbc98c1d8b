//! Input that pushes the limits: a full disk under the CLI and under the window, and a 10 MB
//! paste. Each ends in a clear message or a normal save, with every word kept.

use std::time::Instant;

use super::support::desktop::Desktop;
use super::support::small_disk::SmallDisk;
use super::support::{fumi, ok};
use super::window::{
    new_draft, save_screenshot, type_in_editor, wait_for, wait_for_save_error, wait_for_saved,
};

/// Pastes `count` copies of `line` into the editor, built in the page (not sent over WebDriver).
async fn paste_repeated(window: &fantoccini::Client, line: &str, count: usize) {
    window
        .execute(
            "const data = new DataTransfer();
             data.setData('text/plain', arguments[0].repeat(arguments[1]));
             document.querySelector('.cm-content').dispatchEvent(
               new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
             return true;",
            vec![serde_json::json!(line), serde_json::json!(count)],
        )
        .await
        .expect("paste");
}

#[test]
fn the_cli_on_a_full_disk_says_so_and_keeps_the_saved_text() {
    let disk = SmallDisk::mount("2m");
    let data = disk.path().join("data");
    let id = ok(fumi(
        &data,
        &["drafts", "new", "--title", "満杯", "-"],
        "最初の文章。\n".as_bytes(),
    ));
    let id = id.trim();
    disk.fill();

    let long = "満杯の後に書いた文章。\n".repeat(20_000);
    let out = fumi(&data, &["drafts", "edit", id, "-"], long.as_bytes());
    assert!(!out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("is full"), "a clear message: {stderr}");

    disk.free();
    let shown = ok(fumi(&data, &["drafts", "show", id], b""));
    assert!(
        shown.ends_with("最初の文章。\n"),
        "the saved text is intact: {shown}"
    );
    fumi_core::Store::open(&data)
        .expect("open")
        .integrity_check()
        .expect("an intact database");
    ok(fumi(&data, &["drafts", "edit", id, "-"], long.as_bytes()));
}

#[tokio::test]
async fn a_full_disk_in_the_window_is_explained_and_the_text_saved_once_there_is_room() {
    let disk = SmallDisk::mount("8m");
    let data = disk.path().join("data");
    // A Japanese session: the author is told in Japanese, not in the core's English.
    let desktop = Desktop::start_in_locale("ja_JP.UTF-8");
    let window = desktop.launch(&data).await;
    new_draft(&window).await;
    type_in_editor(&window, "満杯の前に書いた。\n").await;
    wait_for_saved(&window).await;

    disk.fill();
    let line = "満杯でも消えない文章。\n";
    paste_repeated(&window, line, 8_000).await;
    let status = wait_for_save_error(&window).await;
    assert!(
        status.starts_with("保存できませんでした — ")
            && status.contains("のあるディスクがいっぱいです。空き容量を作ってください。"),
        "the author is told why, in Japanese: {status}"
    );
    save_screenshot(&window, "disk-full-ja").await;

    // Room again: the pending text is saved without the author doing anything.
    disk.free();
    wait_for_saved(&window).await;
    let shown = ok(fumi(&data, &["drafts", "show", "1"], b""));
    assert!(shown.contains("満杯の前に書いた。"));
    assert_eq!(
        shown.matches(line).count(),
        8_000,
        "every pasted line saved"
    );
    fumi_core::Store::open(&data)
        .expect("open")
        .integrity_check()
        .expect("an intact database");
}

#[tokio::test]
async fn a_10_mb_paste_is_saved_whole_and_the_window_keeps_responding() {
    let data = tempfile::tempdir().expect("temp dir");
    let desktop = Desktop::start();
    let window = desktop.launch(data.path()).await;
    new_draft(&window).await;

    // 10 MB of Japanese prose (three bytes a character).
    let line = "長い引用を貼り付けても、一文字も失われず、窓は応え続ける。\n";
    let count = 10 * 1024 * 1024 / line.len() + 1;
    let started = Instant::now();
    paste_repeated(&window, line, count).await;
    type_in_editor(&window, "末尾。").await;
    wait_for(
        &window,
        "the paste and the typing saved",
        "document.getElementById('save-state').dataset.saveState === 'saved'
         && document.querySelector('.cm-content').textContent.includes('末尾。')",
    )
    .await;
    let elapsed = started.elapsed();
    wait_for_saved(&window).await;
    let shown = ok(fumi(data.path(), &["drafts", "show", "1"], b""));
    assert_eq!(shown.matches(line).count(), count, "every line saved");
    assert!(
        shown.trim_end().ends_with("末尾。"),
        "typed after the paste"
    );
    eprintln!(
        "10 MB paste: pasted, typed after and saved in {:.1} s",
        elapsed.as_secs_f64()
    );
}
