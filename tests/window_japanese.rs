//! Japanese in the real webview: IME compositions (as the webview delivers them) never lose,
//! double or reorder characters, even with autosave and the preview running mid-composition;
//! the key that confirms a conversion is never a command; characters outside the BMP survive
//! typing and pasting; search finds Japanese substrings.

use std::time::Duration;

use fantoccini::Client;
use serde_json::Value;

use super::support::desktop::Desktop;
use super::support::{fumi, ok};
use super::window::{editor_text, new_draft, quit, type_in_editor, wait_for, wait_for_saved};

/// The script side of an IME: composition events around the preedit text's edits, as WebKit
/// sends them while the author converts (the preedit is typed with `insertText`, as WebKit's
/// own IME path does, so the editor sees the same DOM changes).
const IME: &str = r#"
window.__ime = async (steps) => {
  const content = document.querySelector('.cm-content');
  content.focus();
  const pause = (ms) => new Promise((r) => setTimeout(r, ms));
  for (const { preedits, commit, wait } of steps) {
    content.dispatchEvent(new CompositionEvent('compositionstart', { data: '', bubbles: true }));
    let shown = '';
    for (const preedit of preedits) {
      // The IME replaces its whole preedit each time: select it, then type the new one.
      const sel = window.getSelection();
      for (let i = 0; i < [...shown].length; i++) sel.modify('extend', 'backward', 'character');
      content.dispatchEvent(new CompositionEvent('compositionupdate', { data: preedit, bubbles: true }));
      document.execCommand('insertText', false, preedit);
      shown = preedit;
      await pause(wait ?? 30);
    }
    const sel = window.getSelection();
    for (let i = 0; i < [...shown].length; i++) sel.modify('extend', 'backward', 'character');
    document.execCommand('insertText', false, commit);
    content.dispatchEvent(new CompositionEvent('compositionend', { data: commit, bubbles: true }));
    // The Enter that confirmed the conversion arrives flagged as part of the composition.
    for (const init of [{ isComposing: true }, { keyCode: 229 }]) {
      content.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', code: 'Enter', bubbles: true, cancelable: true, ...init }));
    }
    await pause(20);
  }
  return true;
};
"#;

async fn compose(window: &Client, steps: Value) {
    window
        .execute(IME, vec![])
        .await
        .expect("install the IME script");
    let done = window
        .execute_async(
            "window.__ime(arguments[0]).then(() => arguments[arguments.length - 1](true))",
            vec![steps],
        )
        .await
        .expect("compose");
    assert_eq!(done, Value::Bool(true));
}

/// The draft's body as the database holds it.
fn saved_body(data: &std::path::Path) -> String {
    only_draft_body(|args| ok(fumi(data, args, b"")))
}

/// The body of the data folder's one draft, read through `fumi ARGS…` as `run` runs it.
pub(crate) fn only_draft_body(run: impl Fn(&[&str]) -> String) -> String {
    let list = run(&["drafts", "list"]);
    let id = list.split_whitespace().next().expect("a draft").to_owned();
    let shown = run(&["drafts", "show", &id]);
    shown
        .split_once("\n\n")
        .expect("header, blank line, body")
        .1
        .to_owned()
}

#[tokio::test]
async fn ime_compositions_keep_every_character_once_and_in_order() {
    let desktop = Desktop::start();
    let data = tempfile::tempdir().expect("temp dir");
    let window = desktop.launch(data.path()).await;
    new_draft(&window).await;
    type_in_editor(&window, "書評：").await;
    compose(
        &window,
        serde_json::json!([
            { "preedits": ["ほ", "ほん", "ほんしょ", "本書"], "commit": "本書" },
            { "preedits": ["は"], "commit": "は" },
            // A long conversion: autosave (500 ms) and the preview run in the middle of it.
            { "preedits": ["お", "おも", "おもし", "おもしろ", "おもしろい", "面白い"], "commit": "面白い", "wait": 250 },
            { "preedits": ["よしの", "𠮷野"], "commit": "𠮷野" },
            { "preedits": ["。"], "commit": "。" },
        ]),
    )
    .await;
    wait_for_saved(&window).await;
    let expected = "書評：本書は面白い𠮷野。";
    assert_eq!(
        editor_text(&window).await,
        expected,
        "no character lost, doubled or moved; the confirming Enter added no line"
    );
    assert_eq!(saved_body(data.path()), expected);
    wait_for(
        &window,
        "the preview of the composed text",
        &format!("document.getElementById('preview').textContent.trim() === '{expected}'"),
    )
    .await;

    // A conversion in the middle of a line.
    // Back over 面白い𠮷野。 (six characters; 𠮷 is one step, though two UTF-16 units).
    window
        .find(fantoccini::Locator::Css(".cm-content"))
        .await
        .expect("editor")
        .send_keys(&fantoccini::key::Key::Left.to_string().repeat(6))
        .await
        .expect("move the cursor");
    compose(
        &window,
        serde_json::json!([{ "preedits": ["とても", "迚も"], "commit": "とても" }]),
    )
    .await;
    wait_for_saved(&window).await;
    assert_eq!(saved_body(data.path()), "書評：本書はとても面白い𠮷野。");

    // The title field: the Enter that confirms a conversion does not jump to the body.
    window
        .execute(
            "const t = document.getElementById('title'); t.focus(); \
             t.dispatchEvent(new KeyboardEvent('keydown', {key: 'Enter', isComposing: true, bubbles: true, cancelable: true})); \
             t.dispatchEvent(new KeyboardEvent('keydown', {key: 'Enter', keyCode: 229, bubbles: true, cancelable: true})); \
             return true",
            vec![],
        )
        .await
        .expect("Enter in the title");
    tokio::time::sleep(Duration::from_millis(200)).await;
    let focused = window
        .execute("return document.activeElement.id", vec![])
        .await
        .expect("read");
    assert_eq!(focused, Value::from("title"));
    quit(window, data.path()).await;
}

#[tokio::test]
async fn japanese_beyond_the_bmp_survives_typing_and_pasting_and_search_finds_any_substring() {
    let desktop = Desktop::start();
    let data = tempfile::tempdir().expect("temp dir");
    let window = desktop.launch(data.path()).await;
    new_draft(&window).await;
    // Typed by script, as an input method commits it (WebKitWebDriver's keys drop 𠮷).
    window
        .execute(
            "document.querySelector('.cm-content').focus(); document.execCommand('insertText', false, '𠮷野家で🍚を食べた。'); return true",
            vec![],
        )
        .await
        .expect("type");
    // Pasted: a clipboard paste event carrying plain text.
    window
        .execute(
            "const data = new DataTransfer(); data.setData('text/plain', '\\n叱る𩸽と髙島屋。'); \
             document.querySelector('.cm-content').dispatchEvent(new ClipboardEvent('paste', {clipboardData: data, bubbles: true, cancelable: true})); return true",
            vec![],
        )
        .await
        .expect("paste");
    wait_for_saved(&window).await;
    let expected = "𠮷野家で🍚を食べた。\n叱る𩸽と髙島屋。";
    assert_eq!(editor_text(&window).await, expected);
    assert_eq!(saved_body(data.path()), expected);
    // 𠮷 is one character, 🍚 one: 𠮷野家で🍚を食べた。 10 + 叱る𩸽と髙島屋。 8.
    wait_for(
        &window,
        "the counts",
        "document.getElementById('counts').textContent.startsWith('18 chars')",
    )
    .await;

    // Another draft, so a search has something to leave out.
    new_draft(&window).await;
    type_in_editor(&window, "English only").await;
    wait_for_saved(&window).await;
    for query in ["𠮷", "𩸽と髙", "野家で🍚"] {
        window
            .execute(
                "const s = document.getElementById('search'); s.value = arguments[0]; s.dispatchEvent(new Event('input')); return true",
                vec![query.into()],
            )
            .await
            .expect("search");
        wait_for(
            &window,
            &format!("the draft found by {query}"),
            "document.querySelectorAll('#drafts li').length === 1 && document.querySelector('#drafts li').textContent.includes('𠮷野家')",
        )
        .await;
    }
    quit(window, data.path()).await;
}
