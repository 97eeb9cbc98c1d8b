//! Desktop conventions in the real window: the native menu and its shortcuts (never during an
//! IME composition), one window per data folder, Markdown files dropped on the window, and the
//! window's size kept across launches.

use std::process::Command;
use std::time::{Duration, Instant};

use fantoccini::Client;
use fantoccini::Locator;
use fantoccini::key::Key;

use super::support::desktop::{Desktop, PATIENCE, wait_for_exit};
use super::support::keyring::SecretService;
use super::support::{FUMI, fumi, ok};
use super::window::{editor_text, new_draft, quit, type_in_editor, wait_for, wait_for_saved};

const PREVIEW_SHOWN: &str =
    "getComputedStyle(document.getElementById('preview')).display !== 'none'";

/// Sends the `menu` event with an item's id, as the native menu does; the script does not wait
/// for the event's delivery (after Quit there is no window left to answer).
async fn emit_menu_event(
    window: &Client,
    id: &str,
) -> Result<serde_json::Value, fantoccini::error::CmdError> {
    window
        .execute(
            "window.__TAURI_INTERNALS__.invoke('plugin:event|emit', {event: 'menu', payload: arguments[0]}); return true",
            vec![id.into()],
        )
        .await
}

/// Chooses a menu item the way the native menu does; its effect is awaited by the caller.
pub(crate) async fn choose_menu_item(window: &Client, id: &str) {
    emit_menu_event(window, id)
        .await
        .expect("emit the menu event");
}

/// Presses keys at the X display with xdotool, as a person at the keyboard would: they reach
/// GTK first, so the native menu's accelerators see them.
fn press_at_display(desktop: &Desktop, keys: &str) {
    let xdotool = |args: &[&str]| {
        Command::new("xdotool")
            .args(args)
            .env("DISPLAY", &desktop.display)
            .output()
            .expect("xdotool runs (apt-get install xdotool)")
    };
    let found = xdotool(&["search", "--name", "— Fumi$"]);
    let window = String::from_utf8_lossy(&found.stdout)
        .lines()
        .next()
        .map(str::to_owned)
        .expect("the Fumi window on the display");
    let focused = xdotool(&["windowfocus", "--sync", &window]);
    assert!(focused.status.success(), "{focused:?}");
    let pressed = xdotool(&["key", "--clearmodifiers", keys]);
    assert!(pressed.status.success(), "{pressed:?}");
}

#[tokio::test]
async fn the_menu_and_its_shortcuts_run_their_actions_but_never_during_an_ime_composition() {
    let desktop = Desktop::start();
    let data = tempfile::tempdir().expect("temp dir");
    let window = desktop.launch(data.path()).await;
    new_draft(&window).await;
    type_in_editor(&window, "本文").await;
    wait_for(&window, "the preview", PREVIEW_SHOWN).await;

    // The native accelerator, pressed at the display: GTK's menu takes it.
    press_at_display(&desktop, "ctrl+shift+p");
    wait_for(
        &window,
        "the preview hidden by the menu's shortcut",
        &format!("!({PREVIEW_SHOWN})"),
    )
    .await;
    // What is typed while the preview is hidden is there when it comes back.
    type_in_editor(&window, "と続き").await;

    // The same shortcut when the webview gets the key first (a moment later: a key within
    // 100 ms of the menu's is taken for the same press delivered twice).
    tokio::time::sleep(Duration::from_millis(300)).await;
    window
        .find(Locator::Css(".cm-content"))
        .await
        .expect("editor")
        .send_keys(&(Key::Control + &*Key::Shift.to_string() + "p"))
        .await
        .expect("press");

    wait_for(&window, "the preview shown again", PREVIEW_SHOWN).await;
    wait_for(
        &window,
        "the text typed meanwhile in the preview",
        "document.querySelector('#preview p')?.textContent === '本文と続き'",
    )
    .await;

    // The key that confirms a conversion (isComposing, or keyCode 229 from older IMEs) is
    // not a shortcut: neither the menu's nor the editor's.
    for composing in ["isComposing: true", "keyCode: 229"] {
        window
            .execute(
                &format!(
                    "document.querySelector('.cm-content').dispatchEvent(new KeyboardEvent('keydown', \
                     {{key: 'p', ctrlKey: true, shiftKey: true, bubbles: true, cancelable: true, {composing}}})); \
                     document.querySelector('.cm-content').dispatchEvent(new KeyboardEvent('keydown', \
                     {{key: 'n', ctrlKey: true, bubbles: true, cancelable: true, {composing}}})); return true"
                ),
                vec![],
            )
            .await
            .expect("dispatch");
        tokio::time::sleep(Duration::from_millis(300)).await;
        let shown = window
            .execute(&format!("return {PREVIEW_SHOWN}"), vec![])
            .await
            .expect("read");
        assert_eq!(
            shown,
            serde_json::Value::Bool(true),
            "{composing}: the preview was toggled"
        );
        let drafts = window
            .execute(
                "return document.querySelectorAll('#drafts li').length",
                vec![],
            )
            .await
            .expect("read");
        assert_eq!(
            drafts,
            serde_json::json!(1),
            "{composing}: a draft was created"
        );
    }

    // Menu items: focus mode (Escape leaves it), find across drafts, about.
    choose_menu_item(&window, "focus-mode").await;
    wait_for(
        &window,
        "focus mode",
        "document.getElementById('app').classList.contains('focus-mode') && \
         getComputedStyle(document.querySelector('.sidebar')).visibility === 'hidden'",
    )
    .await;
    window
        .find(Locator::Css(".cm-content"))
        .await
        .expect("editor")
        .send_keys(&Key::Escape.to_string())
        .await
        .expect("press Escape");
    wait_for(
        &window,
        "focus mode left",
        "!document.getElementById('app').classList.contains('focus-mode')",
    )
    .await;
    choose_menu_item(&window, "find-in-drafts").await;
    wait_for(
        &window,
        "the search box focused",
        "document.activeElement.id === 'search'",
    )
    .await;
    choose_menu_item(&window, "about").await;
    wait_for(
        &window,
        "the About dialog",
        "document.getElementById('about-dialog').open",
    )
    .await;
    // A native modal dialog: the page behind it is inert, Tab keeps the focus inside, and
    // Escape closes it.
    const FOCUS_IN_MODAL: &str = "const d = document.getElementById('about-dialog'); \
         return d.matches(':modal') && d.contains(document.activeElement)";
    for press in 0..6 {
        let inside = window
            .execute(FOCUS_IN_MODAL, vec![])
            .await
            .expect("read the focus");
        assert_eq!(
            inside,
            serde_json::json!(true),
            "after {press} Tab presses the focus left the modal About dialog"
        );
        window
            .active_element()
            .await
            .expect("the focused element")
            .send_keys(&Key::Tab.to_string())
            .await
            .expect("press Tab");
    }
    window
        .active_element()
        .await
        .expect("the focused element")
        .send_keys(&Key::Escape.to_string())
        .await
        .expect("press Escape");
    wait_for(
        &window,
        "the About dialog closed by Escape",
        "!document.getElementById('about-dialog').open",
    )
    .await;
    assert_eq!(
        editor_text(&window).await,
        "本文と続き",
        "no menu action touched the text"
    );
    quit(window, data.path()).await;
}

#[tokio::test]
async fn a_file_opened_while_fumi_runs_goes_to_the_running_window() {
    // The hand-over runs over D-Bus: a private session bus, as a desktop session has.
    let session = SecretService::start();
    let env = session.env();
    let desktop = Desktop::start_with("C.UTF-8", &env);
    let data = tempfile::tempdir().expect("temp dir");
    let window = desktop.launch(data.path()).await;
    new_draft(&window).await;
    type_in_editor(&window, "書きかけ").await;
    wait_for_saved(&window).await;

    let file = data.path().join("あとで読む.md");
    std::fs::write(&file, "# あとで読む\n\n二つ目の起動から。\n").expect("write");
    let mut second = Command::new(FUMI)
        .arg("--data-dir")
        .arg(data.path())
        .arg(&file)
        .env("DISPLAY", &desktop.display)
        .envs(env.iter().map(|(k, v)| (k, v)))
        .spawn()
        .expect("a second fumi runs");
    // It hands the file over and exits; a second window would never exit on its own.
    let start = Instant::now();
    let status = loop {
        if let Some(status) = second.try_wait().expect("wait") {
            break status;
        }
        if start.elapsed() > PATIENCE {
            let _ = second.kill();
            panic!("the second launch opened a window of its own instead of handing over");
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    };
    assert!(status.success(), "{status:?}");
    wait_for(
        &window,
        "the file's draft in the running window",
        "document.getElementById('title').value === 'あとで読む'",
    )
    .await;
    assert_eq!(
        editor_text(&window).await,
        "# あとで読む\n\n二つ目の起動から。\n"
    );
    let titles = ok(fumi(data.path(), &["drafts", "list"], b""));
    assert_eq!(
        titles.matches("あとで読む").count(),
        1,
        "made once, not by both launches: {titles}"
    );
    assert_eq!(titles.lines().count(), 2, "{titles}");
    quit(window, data.path()).await;
}

#[tokio::test]
async fn a_markdown_file_dropped_on_the_window_becomes_a_draft() {
    let desktop = Desktop::start();
    let data = tempfile::tempdir().expect("temp dir");
    let window = desktop.launch(data.path()).await;
    new_draft(&window).await;
    type_in_editor(&window, "元の下書き").await;
    wait_for_saved(&window).await;

    // A drop as the webview delivers it from the file manager: a DataTransfer holding a File,
    // dropped onto the editor (which must not paste the file's text into the open draft).
    window
        .execute(
            "const data = new DataTransfer(); \
             data.items.add(new File(['---\\ntitle: \"落とした本\"\\n---\\n本文𠮷。\\n'], 'dropped.md', {type: 'text/markdown'})); \
             document.querySelector('.cm-content').dispatchEvent(new DragEvent('drop', {dataTransfer: data, bubbles: true, cancelable: true})); \
             return true",
            vec![],
        )
        .await
        .expect("drop");
    wait_for(
        &window,
        "the dropped file's draft",
        "document.getElementById('title').value === '落とした本'",
    )
    .await;
    assert_eq!(editor_text(&window).await, "本文𠮷。\n");
    let list = ok(fumi(data.path(), &["drafts", "list"], b""));
    assert_eq!(list.lines().count(), 2, "{list}");
    let first = list
        .lines()
        .find(|l| !l.contains("落とした本"))
        .expect("the first draft");
    let id = first.split_whitespace().next().expect("id");
    assert!(
        ok(fumi(data.path(), &["drafts", "show", id], b"")).ends_with("\n\n元の下書き"),
        "the open draft was not touched"
    );
    quit(window, data.path()).await;
}

#[tokio::test]
async fn the_window_comes_back_at_the_size_it_was_left() {
    let desktop = Desktop::start();
    let data = tempfile::tempdir().expect("temp dir");
    let window = desktop.launch(data.path()).await;
    window.set_window_size(1000, 700).await.expect("resize");
    wait_for(
        &window,
        "the new size",
        "window.outerWidth === 1000 || window.innerWidth === 1000",
    )
    .await;
    let before = window.get_window_size().await.expect("size");
    // File → Quit, as the author leaves (the WebDriver session's own close skips the app's exit).
    // The script's answer may never come: the window is gone.
    let _ = emit_menu_event(&window, "quit").await;
    wait_for_exit(data.path()).await;
    quit(window, data.path()).await;

    let window = desktop.launch(data.path()).await;
    let start = Instant::now();
    loop {
        let after = window.get_window_size().await.expect("size");
        if after == before {
            break;
        }
        assert!(
            start.elapsed() < PATIENCE,
            "size {after:?}, left at {before:?}"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    quit(window, data.path()).await;
}

#[tokio::test]
async fn an_earlier_version_is_compared_with_the_text_now_and_restored_as_a_new_revision() {
    let desktop = Desktop::start();
    let data = tempfile::tempdir().expect("temp dir");
    let window = desktop.launch(data.path()).await;
    new_draft(&window).await;
    type_in_editor(&window, "本書は面白い。").await;
    let content = window
        .find(Locator::Css(".cm-content"))
        .await
        .expect("editor");
    // An explicit save keeps the text as a revision.
    content
        .send_keys(&(Key::Control + "s"))
        .await
        .expect("save");
    wait_for_saved(&window).await;
    type_in_editor(&window, "\n続編も読む。").await;
    content
        .send_keys(&(Key::Control + "s"))
        .await
        .expect("save");
    wait_for_saved(&window).await;

    choose_menu_item(&window, "history").await;
    wait_for(
        &window,
        "the revisions",
        "document.querySelectorAll('#revision-list li').length === 2",
    )
    .await;
    // The older one (listed last) against the text now: the new line is marked as added.
    window
        .execute(
            "document.querySelector('#revision-list li:last-child').click(); return true",
            vec![],
        )
        .await
        .expect("choose");
    wait_for(
        &window,
        "the diff",
        "[...document.querySelectorAll('.diff-line[data-change=\"added\"]')].some(l => l.textContent === '続編も読む。')",
    )
    .await;
    crate::window::click(&window, "history-restore").await;
    // The dialog closes before the editor reloads the draft: wait for the text itself.
    wait_for(
        &window,
        "the restored text in the editor",
        "!document.getElementById('history-dialog').open \
         && document.querySelector('.cm-content').textContent === '本書は面白い。'",
    )
    .await;
    assert_eq!(editor_text(&window).await, "本書は面白い。");
    let list = ok(fumi(data.path(), &["drafts", "list"], b""));
    let id = list.split_whitespace().next().expect("id").to_owned();
    assert!(ok(fumi(data.path(), &["drafts", "show", &id], b"")).ends_with("\n\n本書は面白い。"));

    // The text the restore replaced is still in the history.
    choose_menu_item(&window, "history").await;
    wait_for(
        &window,
        "the history after restoring",
        "document.querySelectorAll('#revision-list li').length === 3",
    )
    .await;
    quit(window, data.path()).await;
}

#[tokio::test]
async fn a_target_length_shows_progress_in_characters_and_is_kept() {
    let desktop = Desktop::start();
    let data = tempfile::tempdir().expect("temp dir");
    let window = desktop.launch(data.path()).await;
    new_draft(&window).await;
    type_in_editor(&window, "本書は面白い。").await;
    wait_for_saved(&window).await;
    crate::window::click(&window, "set-goal").await;
    let input = window
        .find(Locator::Id("goal-input"))
        .await
        .expect("goal field");
    input
        .send_keys(&format!("20{}", Key::Enter))
        .await
        .expect("type the goal");
    wait_for(
        &window,
        "the progress",
        "document.getElementById('counts').textContent === '7 chars · 0 words · 1 manuscript page · 1 min read · 35% of 20 chars' \
         && document.getElementById('goal-progress').value === 0.35",
    )
    .await;
    quit(window, data.path()).await;

    let window = desktop.launch(data.path()).await;
    wait_for(
        &window,
        "the goal after a restart",
        "document.getElementById('counts').textContent.endsWith('35% of 20 chars')",
    )
    .await;
    quit(window, data.path()).await;
}
