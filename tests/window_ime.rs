//! Japanese typed through a real input method: IBus with Mozc converting romaji typed at the X
//! display (xdotool), its candidate window, the Enter that confirms, Escape that cancels, and
//! the window's shortcuts pressed mid-conversion. See `support::input_method` for why it all runs
//! as `nobody`.

use std::process::Command;
use std::time::{Duration, Instant};

use fantoccini::Client;
use serde_json::Value;

use super::support::desktop::{Desktop, PATIENCE};
use super::support::input_method::InputMethod;
use super::support::ok;
use super::window::{editor_text, new_draft, wait_for};
use super::window_japanese::only_draft_body;

/// The preview is showing (Ctrl+Shift+P hides it).
const PREVIEW_SHOWN: &str = "!document.getElementById('app').classList.contains('preview-hidden')";

/// Runs xdotool at the desktop's display (as the input method's user: it is an X client like
/// any other, and may then also read the input method's windows).
fn xdotool(desktop: &Desktop, args: &[&str]) -> String {
    let out = Command::new("xdotool")
        .args(args)
        .env("DISPLAY", &desktop.display)
        .output()
        .expect("xdotool runs (apt-get install xdotool)");
    assert!(out.status.success(), "xdotool {args:?}: {out:?}");
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// Types romaji (and keys) as a person at the keyboard: each key goes through GTK to IBus.
fn type_keys(desktop: &Desktop, romaji: &str) {
    xdotool(desktop, &["type", "--delay", "60", romaji]);
}

fn press(desktop: &Desktop, key: &str) {
    xdotool(desktop, &["key", "--clearmodifiers", key]);
}

/// The Fumi window, given the keyboard (no window manager runs: with focus following the
/// pointer, Mozc's candidate window could take it), with the editor focused at its end.
async fn focus_editor(desktop: &Desktop, window: &Client) -> String {
    let found = xdotool(
        desktop,
        &["search", "--sync", "--onlyvisible", "--name", "Fumi$"],
    );
    let id = found.lines().last().expect("the Fumi window").to_owned();
    xdotool(desktop, &["windowfocus", "--sync", &id]);
    window
        .execute(
            "document.querySelector('.cm-content').focus(); return true",
            vec![],
        )
        .await
        .expect("focus the editor");
    press(desktop, "ctrl+End");
    id
}

async fn wait_for_text(window: &Client, what: &str, expected: &str) {
    let start = Instant::now();
    loop {
        let text = editor_text(window).await;
        if text == expected {
            return;
        }
        assert!(
            start.elapsed() < PATIENCE,
            "{what}: the editor holds {text:?}, not {expected:?}"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

/// The draft's body as saved in the database (read by the CLI, as the data's owner).
fn saved_body(im: &InputMethod, data: &std::path::Path) -> String {
    let fumi = im.runnable(std::path::Path::new(super::support::FUMI));
    only_draft_body(|args| {
        ok(im
            .command(&fumi)
            .arg("--data-dir")
            .arg(data)
            .args(args)
            .env("LANG", "C.UTF-8")
            .output()
            .expect("fumi runs"))
    })
}

async fn wait_for_saved(im: &InputMethod, data: &std::path::Path, expected: &str) {
    let start = Instant::now();
    loop {
        let body = saved_body(im, data);
        if body == expected {
            return;
        }
        assert!(
            start.elapsed() < PATIENCE,
            "the saved draft holds {body:?}, not {expected:?}"
        );
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
}

/// The geometry (x, y, width, height) of each visible window of an X class.
fn visible_windows(desktop: &Desktop, class: &str) -> Vec<(i64, i64, i64, i64)> {
    let out = Command::new("xdotool")
        .args(["search", "--onlyvisible", "--classname", class])
        .env("DISPLAY", &desktop.display)
        .output()
        .expect("xdotool runs");
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .filter_map(|id| geometry(desktop, id))
        .filter(|&(_, _, w, h)| w > 1 && h > 1)
        .collect()
}

/// A window's place and size on the screen (x, y, width, height), as xdotool reads it.
fn geometry(desktop: &Desktop, window: &str) -> Option<(i64, i64, i64, i64)> {
    let shown = xdotool(desktop, &["getwindowgeometry", "--shell", window]);
    let field = |name: &str| {
        shown
            .lines()
            .find_map(|l| l.strip_prefix(&format!("{name}=")))
            .and_then(|v| v.parse().ok())
    };
    Some((field("X")?, field("Y")?, field("WIDTH")?, field("HEIGHT")?))
}

/// Where the caret is on the screen: the page's caret rectangle, placed by the X window's own
/// position (the webview fills the window below the native menu bar).
async fn caret_on_screen(desktop: &Desktop, window: &Client, x_window: &str) -> (i64, i64) {
    let (x, y, _, height) = geometry(desktop, x_window).expect("the window's geometry");
    let caret = window
        .execute(
            "const r = getSelection().getRangeAt(0).getBoundingClientRect(); \
             return [r.right, r.bottom, innerHeight]",
            vec![],
        )
        .await
        .expect("the caret's rectangle");
    let n = |i: usize| caret[i].as_f64().expect("a number") as i64;
    let webview_top = y + height - n(2);
    (x + n(0), webview_top + n(1))
}

#[tokio::test]
async fn japanese_typed_through_ibus_and_mozc_is_committed_once_and_a_cancelled_conversion_leaves_nothing()
 {
    let desktop = Desktop::start_with_input_method();
    let im = desktop.input_method.as_ref().expect("an input method");
    let data = im.folder("data");
    let window = desktop.launch(&data).await;
    new_draft(&window).await;
    let x_window = focus_editor(&desktop, &window).await;

    // Mozc starts its candidate window's process at the first reading of a session, and that
    // reading's window can come too late: start it with a reading cancelled at once.
    type_keys(&desktop, "a");
    wait_for_text(&window, "a first reading", "あ").await;
    let start = Instant::now();
    while !Command::new("pgrep")
        .args([
            "-u",
            &super::support::input_method::user().to_string(),
            "-x",
            "mozc_renderer",
        ])
        .status()
        .is_ok_and(|s| s.success())
    {
        assert!(start.elapsed() < PATIENCE, "Mozc's renderer never started");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    press(&desktop, "Escape");
    wait_for_text(&window, "the first reading cancelled", "").await;

    // The reading shows inline, in the editor, while it is composed; Mozc's candidates show
    // beside the caret.
    type_keys(&desktop, "nihongo");
    wait_for_text(&window, "the reading composed inline", "にほんご").await;
    let start = Instant::now();
    let candidates = loop {
        let shown = visible_windows(&desktop, "mozc_renderer");
        if let Some(&first) = shown.first() {
            break first;
        }
        assert!(
            start.elapsed() < PATIENCE,
            "Mozc's candidate window never showed"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    };
    let (caret_x, caret_y) = caret_on_screen(&desktop, &window, &x_window).await;
    let (x, y, _, _) = candidates;
    assert!(
        (x - caret_x).abs() < 160 && (0..80).contains(&(y - caret_y)),
        "the candidates at ({x}, {y}) are not beside the caret at ({caret_x}, {caret_y})"
    );

    // Space converts, Enter confirms: 日本語, once, and the Enter made no new line.
    press(&desktop, "space");
    wait_for_text(&window, "the conversion", "日本語").await;
    press(&desktop, "Return");
    tokio::time::sleep(Duration::from_millis(300)).await;
    wait_for_text(&window, "the confirmed conversion", "日本語").await;
    wait_for_saved(im, &data, "日本語").await;

    // A conversion cancelled with Escape leaves nothing behind.
    type_keys(&desktop, "kyanseru");
    wait_for_text(&window, "a second reading", "日本語きゃんせる").await;
    press(&desktop, "Escape");
    wait_for_text(&window, "the cancelled reading gone", "日本語").await;
    tokio::time::sleep(Duration::from_millis(700)).await;
    assert_eq!(editor_text(&window).await, "日本語");
    wait_for_saved(im, &data, "日本語").await;
}

#[tokio::test]
async fn shortcuts_pressed_mid_conversion_do_nothing_and_a_sentence_typed_with_pauses_arrives_whole()
 {
    let desktop = Desktop::start_with_input_method();
    let im = desktop.input_method.as_ref().expect("an input method");
    let data = im.folder("data");
    let window = desktop.launch(&data).await;
    new_draft(&window).await;
    focus_editor(&desktop, &window).await;

    // Save, publish and hide-the-preview, pressed while a reading is being composed: the
    // window's accelerators get these keys before the input method, and must leave them.
    type_keys(&desktop, "tesuto");
    wait_for_text(&window, "a reading", "てすと").await;
    for shortcut in ["ctrl+s", "ctrl+shift+Return", "ctrl+shift+p"] {
        press(&desktop, shortcut);
    }
    tokio::time::sleep(Duration::from_millis(500)).await;
    let shown = window
        .execute(&format!("return {PREVIEW_SHOWN}"), vec![])
        .await
        .expect("read");
    assert_eq!(
        shown,
        Value::Bool(true),
        "Ctrl+Shift+P hid the preview mid-conversion"
    );
    assert_eq!(
        editor_text(&window).await,
        "てすと",
        "the reading survived the shortcuts"
    );
    press(&desktop, "Return");
    wait_for_text(&window, "the reading confirmed as it was", "てすと").await;
    // Outside a conversion the same shortcut works (so the test above could fail).
    press(&desktop, "ctrl+shift+p");
    wait_for(
        &window,
        "the preview hidden",
        &format!("!({PREVIEW_SHOWN})"),
    )
    .await;
    press(&desktop, "ctrl+shift+p");
    wait_for(&window, "the preview shown", PREVIEW_SHOWN).await;

    // A sentence typed as a person would: phrase by phrase, pausing mid-reading and after each
    // conversion long enough for autosave, the preview and the drafts list to run meanwhile.
    let phrases = [
        ("nihongo", true, "日本語"),
        ("no", false, "の"),
        ("bunshouwo", false, "ぶんしょうを"),
        (",", false, "、"),
        ("yukkurito", false, "ゆっくりと"),
        ("kaiteimasu", false, "かいています"),
        (".", false, "。"),
    ];
    let mut expected = String::from("てすと");
    for (romaji, convert, committed) in phrases {
        type_keys(&desktop, romaji);
        tokio::time::sleep(Duration::from_millis(700)).await;
        if convert {
            press(&desktop, "space");
            tokio::time::sleep(Duration::from_millis(700)).await;
        }
        press(&desktop, "Return");
        expected.push_str(committed);
        wait_for_text(&window, &format!("after {romaji:?}"), &expected).await;
    }
    wait_for_saved(im, &data, &expected).await;
    wait_for(
        &window,
        "the sentence in the preview",
        &format!("document.querySelector('#preview p')?.textContent === {expected:?}"),
    )
    .await;
}
