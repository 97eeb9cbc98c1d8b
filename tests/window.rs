//! End to end through the real webview: the debug app under Xvfb, driven by WebDriver.

use std::time::{Duration, Instant};

use fantoccini::key::Key;
use fantoccini::{Client, Locator};
use serde_json::Value;

use super::support::desktop::{Desktop, PATIENCE, fumi_pids, wait_for_exit};
use super::support::{fumi, ok};

const TITLE: &str = "三体を読んで";
/// Lines typed into the editor; each becomes a line of the draft.
const LINES: [&str; 7] = [
    "# 読書メモ",
    "",
    "本書は**面白い**。SFの傑作だ。",
    "",
    "| 書名 | 著者 |",
    "|---|---|",
    "| 三体 | 劉慈欣 |",
];

#[tokio::test]
async fn a_draft_typed_in_the_window_is_previewed_saved_and_still_there_after_quit() {
    let desktop = Desktop::start();
    let data = tempfile::tempdir().expect("temp dir");
    let window = desktop.launch(data.path()).await;

    new_draft(&window).await;
    let title = window
        .find(Locator::Id("title"))
        .await
        .expect("title field");
    title.send_keys(TITLE).await.expect("type the title");
    type_in_editor(&window, &LINES.join("\n")).await;

    wait_for(
        &window,
        "the heading in the preview",
        "document.querySelector('#preview h1')?.textContent === '読書メモ'",
    )
    .await;
    wait_for(
        &window,
        "bold text in the preview",
        "document.querySelector('#preview strong')?.textContent === '面白い'",
    )
    .await;
    wait_for(
        &window,
        "the table in the preview",
        "[...document.querySelectorAll('#preview td')].some(td => td.textContent === '劉慈欣')",
    )
    .await;
    wait_for_saved(&window).await;
    let counts = window
        .find(Locator::Id("counts"))
        .await
        .expect("counts")
        .text()
        .await
        .expect("text");
    // 読書メモ 4 + 本書は面白い。SFの傑作だ。 14 + table cells 9; "SF" is the one word.
    assert_eq!(counts, "27 chars · 1 word · 1 manuscript page · 1 min read");
    save_screenshot(&window, "window-typed").await;

    // Type more and quit at once, before the autosave delay: closing must still save it.
    type_in_editor(&window, "\n\n追記：閉じる直前の一文。").await;
    let editor = window
        .find(Locator::Css(".cm-content"))
        .await
        .expect("editor");
    // The window may be gone before WebDriver answers: the exit is checked instead.
    let _ = editor.send_keys(&(Key::Control + "q")).await;
    wait_for_exit(data.path()).await;
    let _ = window.close().await;

    let expected = format!("{}\n\n追記：閉じる直前の一文。", LINES.join("\n"));
    let shown = ok(fumi(data.path(), &["drafts", "show", "1"], b""));
    assert!(
        shown.ends_with(&format!("\n\n{expected}")),
        "saved on close: {shown}"
    );

    let window = desktop.launch(data.path()).await;
    wait_for(
        &window,
        "the draft to open",
        &format!("document.getElementById('title').value === {TITLE:?}"),
    )
    .await;
    let listed = window
        .execute(
            "return [...document.querySelectorAll('#drafts .draft-title')].map(e => e.textContent)",
            vec![],
        )
        .await
        .expect("read the drafts list");
    assert_eq!(
        listed,
        serde_json::json!([TITLE]),
        "the draft is listed once, by its title"
    );
    assert_eq!(editor_text(&window).await, expected);
    wait_for(
        &window,
        "the preview after relaunch",
        "document.querySelector('#preview h1')?.textContent === '読書メモ'",
    )
    .await;
    let _ = window.close().await;
}

#[tokio::test]
async fn text_saved_before_a_kill_is_there_after_relaunch() {
    let desktop = Desktop::start();
    let data = tempfile::tempdir().expect("temp dir");
    let window = desktop.launch(data.path()).await;

    new_draft(&window).await;
    let text = "強制終了の前に保存された文章。\n\nThe words typed before the crash.";
    type_in_editor(&window, text).await;
    wait_for_saved(&window).await;

    let pids = fumi_pids(data.path());
    assert_eq!(pids.len(), 1, "one Fumi process runs on the data dir");
    let status = std::process::Command::new("kill")
        .args(["-9", &pids[0].to_string()])
        .status()
        .expect("kill");
    assert!(status.success());
    wait_for_exit(data.path()).await;
    let _ = window.close().await;

    let window = desktop.launch(data.path()).await;
    wait_for(
        &window,
        "the draft to open",
        "!document.getElementById('editor-area').hidden",
    )
    .await;
    assert_eq!(editor_text(&window).await, text);
    let _ = window.close().await;
}

#[tokio::test]
async fn a_locked_database_shows_the_error_keeps_the_text_and_saves_once_free() {
    let desktop = Desktop::start();
    let data = tempfile::tempdir().expect("temp dir");
    let window = desktop.launch(data.path()).await;
    new_draft(&window).await;
    type_in_editor(&window, "ロック中でも消えない文章。").await;
    wait_for_saved(&window).await;

    // Another program takes the write lock; the next autosave must fail loudly, not silently.
    let other =
        rusqlite::Connection::open(data.path().join("fumi.sqlite3")).expect("open the database");
    other
        .execute_batch("BEGIN EXCLUSIVE")
        .expect("take the write lock");
    type_in_editor(&window, "追記。").await;
    let status = wait_for_save_error(&window).await;
    assert!(
        status.contains("locked by another program"),
        "the author is told why: {status}"
    );
    assert_eq!(
        editor_text(&window).await,
        "ロック中でも消えない文章。追記。",
        "the text stays in the editor"
    );
    save_screenshot(&window, "window-save-error").await;

    other.execute_batch("ROLLBACK").expect("release the lock");
    wait_for_saved(&window).await;
    let shown = ok(fumi(data.path(), &["drafts", "show", "1"], b""));
    assert!(
        shown.ends_with("\n\nロック中でも消えない文章。追記。"),
        "retried and saved: {shown}"
    );
    let _ = window.close().await;
}

#[tokio::test]
async fn a_damaged_database_is_explained_in_the_window() {
    let desktop = Desktop::start();
    let data = tempfile::tempdir().expect("temp dir");
    std::fs::write(
        data.path().join("fumi.sqlite3"),
        "壊れたファイル".repeat(200),
    )
    .expect("write garbage");
    let window = desktop.launch(data.path()).await;
    wait_for(
        &window,
        "the error banner",
        "!document.getElementById('banner').hidden",
    )
    .await;
    let banner = window
        .find(Locator::Id("banner"))
        .await
        .expect("banner")
        .text()
        .await
        .expect("text");
    assert!(
        banner.contains("damaged or is not a Fumi database"),
        "{banner}"
    );
    assert!(
        banner.contains("fumi.sqlite3"),
        "the banner names the file: {banner}"
    );
    let disabled = window
        .execute(
            "return document.getElementById('new-draft').disabled",
            vec![],
        )
        .await
        .expect("script");
    assert_eq!(
        disabled,
        Value::Bool(true),
        "nothing can be typed into a store that cannot save it"
    );
    let _ = window.close().await;
}

#[tokio::test]
async fn the_window_speaks_japanese_in_a_japanese_locale() {
    let desktop = Desktop::start_in_locale("ja_JP.UTF-8");
    let data = tempfile::tempdir().expect("temp dir");
    let window = desktop.launch(data.path()).await;
    let label = |id: &'static str| {
        let window = &window;
        async move {
            window
                .execute(
                    &format!("return document.getElementById('{id}').textContent"),
                    vec![],
                )
                .await
                .expect("script")
        }
    };
    assert_eq!(
        label("new-draft").await,
        "新規作成",
        "is ja_JP.UTF-8 generated? (.ci/setup does it)"
    );
    new_draft(&window).await;
    type_in_editor(&window, "本書は面白い。").await;
    wait_for_saved(&window).await;
    assert_eq!(label("save-state").await, "保存済み");
    assert_eq!(
        label("counts").await,
        "7字 · 0語 · 原稿用紙1枚 · 約1分で読めます"
    );
    // The selection is counted beside the draft.
    window
        .execute(
            "const s = getSelection(); s.selectAllChildren(document.querySelector('.cm-content')); \
             s.modify('move', 'backward', 'line'); s.modify('extend', 'forward', 'word'); return true",
            vec![],
        )
        .await
        .expect("select");
    wait_for(
        &window,
        "the selection's count",
        "/ · 選択中 [0-9]+字・0語$/.test(document.getElementById('counts').textContent)",
    )
    .await;
    let _ = window.close().await;
}

/// Clicks "New draft" and waits for the empty editor.
pub(crate) async fn new_draft(window: &Client) {
    click(window, "new-draft").await;
    wait_for(
        window,
        "the editor",
        "!document.getElementById('editor-area').hidden",
    )
    .await;
}

/// Types text into the CodeMirror editor; newlines are sent as the Enter key (WebKitWebDriver
/// drops "\n").
pub(crate) async fn type_in_editor(window: &Client, text: &str) {
    let editor = window
        .find(Locator::Css(".cm-content"))
        .await
        .expect("the CodeMirror editor");
    editor.click().await.expect("focus the editor");
    // Put the cursor at the end of the document, whatever was clicked.
    window
        .execute(
            "const v = document.querySelector('.cm-content'); v.focus(); return true;",
            vec![],
        )
        .await
        .expect("focus");
    editor
        .send_keys(&(Key::Control + &*Key::End.to_string()))
        .await
        .expect("go to the end");
    let keys = text.replace('\n', &Key::Enter.to_string());
    editor.send_keys(&keys).await.expect("type");
}

/// The editor's document, line by line as CodeMirror shows it.
pub(crate) async fn editor_text(window: &Client) -> String {
    let value = window
        .execute(
            // The placeholder of an empty editor is not text.
            "return [...document.querySelectorAll('.cm-content .cm-line')].map(l => [...l.childNodes].filter(n => !n.classList?.contains('cm-placeholder')).map(n => n.textContent).join('')).join('\\n')",
            vec![],
        )
        .await
        .expect("read the editor");
    value.as_str().expect("a string").to_owned()
}

/// Clicks the element with this id. The click is the element's own (`click()`): with a native
/// menu bar above the webview, WebKitWebDriver's pointer lands the bar's height too high.
pub(crate) async fn click(window: &Client, id: &str) {
    let clicked = window
        .execute(
            "const e = document.getElementById(arguments[0]); if (!e) return false; e.scrollIntoView({block: 'nearest'}); e.click(); return true",
            vec![id.into()],
        )
        .await
        .unwrap_or_else(|e| panic!("click #{id}: {e}"));
    assert_eq!(clicked, Value::Bool(true), "#{id} is not on the page");
}

/// Every block of the preview, in order, as the author sees them scrolling it from the top to
/// the end (the preview draws only the blocks near its visible part): each block's HTML, after
/// `visit` (JavaScript over the block's element `b`) has run on it.
pub(crate) async fn preview_blocks(window: &Client, visit: &str) -> Vec<String> {
    let script = format!(
        "const done = arguments[arguments.length - 1];
         const p = document.getElementById('preview');
         const frame = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
         (async () => {{
           p.scrollTop = 0; await frame();
           const seen = new Set(); const out = [];
           for (;;) {{
             for (const b of p.querySelectorAll(':scope > .block')) if (!seen.has(b)) {{
               seen.add(b); {visit}; out.push(b.innerHTML);
             }}
             if (p.scrollTop + p.clientHeight >= p.scrollHeight - 1) break;
             p.scrollTop += p.clientHeight / 2; await frame();
           }}
           done(out);
         }})();"
    );
    let value = window
        .execute_async(&script, vec![])
        .await
        .expect("read the preview");
    serde_json::from_value(value).expect("the blocks' HTML")
}

/// Closes the window and waits until Fumi has exited, ending the WebDriver session.
pub(crate) async fn quit(window: Client, data_dir: &std::path::Path) {
    let _ = window.close().await;
    wait_for_exit(data_dir).await;
}

/// Sets a field's value (a select's choice, an input's text) as the author would, then fires
/// `event` ("input" or "change") on it.
pub(crate) async fn set_field(window: &Client, id: &str, value: &str, event: &str) {
    window
        .execute(
            "const e = document.getElementById(arguments[0]); e.value = arguments[1]; e.dispatchEvent(new Event(arguments[2], {bubbles: true})); return true",
            vec![id.into(), value.into(), event.into()],
        )
        .await
        .unwrap_or_else(|e| panic!("set #{id}: {e}"));
}

/// The text of the element with this id.
pub(crate) async fn text(window: &Client, id: &str) -> String {
    window
        .execute(
            &format!("return document.getElementById('{id}').textContent"),
            vec![],
        )
        .await
        .expect("read")
        .as_str()
        .unwrap_or_default()
        .to_owned()
}

/// Whether a script failed only because the page it ran in was unloading.
fn page_unloading(error: &fantoccini::error::CmdError) -> bool {
    matches!(
        error,
        fantoccini::error::CmdError::Standard(e)
            if e.error == fantoccini::error::ErrorStatus::NoSuchFrame
    )
}

/// Waits until a save has failed; the status line's text, which says why.
pub(crate) async fn wait_for_save_error(window: &Client) -> String {
    wait_for(
        window,
        "the save error",
        "document.getElementById('save-state').dataset.saveState === 'error'",
    )
    .await;
    text(window, "save-state").await
}

pub(crate) async fn wait_for_saved(window: &Client) {
    wait_for(
        window,
        "\"Saved\"",
        "document.getElementById('save-state').dataset.saveState === 'saved'",
    )
    .await;
}

/// Polls a JavaScript condition until it holds; fails with the page's status line if it never does.
///
/// A poll that meets the page unloading (the window reloads after Settings are saved) is a
/// "not yet", not a failure: WebKit's driver answers it with `NoSuchFrame`.
pub(crate) async fn wait_for(window: &Client, what: &str, condition: &str) {
    let start = Instant::now();
    loop {
        let value = match window
            .execute(&format!("return !!({condition})"), vec![])
            .await
        {
            Ok(value) => value,
            Err(error) if page_unloading(&error) && start.elapsed() < PATIENCE => Value::Null,
            Err(error) => panic!("run a script: {error:?}"),
        };
        if value == Value::Bool(true) {
            return;
        }
        if start.elapsed() > PATIENCE {
            let status = window
                .execute("return document.getElementById('save-state').textContent + ' | ' + document.getElementById('banner').textContent", vec![])
                .await
                .unwrap_or(Value::Null);
            save_screenshot(window, "failure").await;
            panic!("timed out waiting for {what}; status line: {status}");
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

/// Keeps a screenshot under target/e2e-screenshots/ for a person to look at.
pub(crate) async fn save_screenshot(window: &Client, name: &str) {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("target/e2e-screenshots");
    // WebKitWebDriver can stall on a screenshot; it is a convenience, never worth a hang.
    if let Ok(Ok(png)) = tokio::time::timeout(Duration::from_secs(10), window.screenshot()).await {
        let _ = std::fs::create_dir_all(&dir);
        let _ = std::fs::write(dir.join(format!("{name}.png")), png);
    }
}

#[tokio::test]
async fn footnotes_in_the_editor_are_marked_as_notes_and_their_text_as_text() {
    let desktop = Desktop::start();
    let data = tempfile::tempdir().expect("temp dir");
    ok(fumi(
        data.path(),
        &["drafts", "new", "--title", "注", "-"],
        "# 題\n\n本文だ[^1]。参考[^note]も。全角[^注　一]。\n\n[^1]: 注の本文。**強調**も。\n[^note]: 二つ目の注。\n\n    その二段落目。\n[^3]:    揃えた注。\n[^注　一]: 全角空白の注。\n\n本文に戻る。\n\n    let code = 1;\n"
            .as_bytes(),
    ));
    let window = desktop.launch(data.path()).await;
    wait_for(
        &window,
        "the draft's notes",
        "[...document.querySelectorAll('.cm-line')].some(l => l.textContent.startsWith('[^note]'))",
    )
    .await;
    // The colour each piece of the editor's text is drawn in, by its text.
    let drawn = window
        .execute(
            "const colour = (text) => { \
               const walker = document.createTreeWalker(document.querySelector('.cm-content'), NodeFilter.SHOW_TEXT); \
               for (let n; (n = walker.nextNode()); ) if (n.data.includes(text)) return getComputedStyle(n.parentElement); \
               return null; }; \
             const of = (text) => colour(text)?.color ?? 'missing'; \
             return { mark: of('#'), text: of('本文だ'), ref: of('[^1]'), between: of('。参考'), \
                      label: of('[^note]:'), note: of('注の本文'), strong: colour('強調')?.fontWeight ?? 'missing', \
                      second: of('その二段落目'), font: colour('本文だ')?.fontFamily, secondFont: colour('その二段落目')?.fontFamily, \
                      codeFont: colour('let code')?.fontFamily, aligned: colour('揃えた注')?.fontFamily, \
                      wideRef: of('[^注　一]'), wideLabel: of('[^注　一]:') };",
            vec![],
        )
        .await
        .expect("read the editor's colours");
    let colour = |key: &str| drawn[key].as_str().unwrap_or("missing").to_owned();
    // Markers are drawn as the heading's `#` is (muted), the note's text as body text.
    assert_eq!(colour("ref"), colour("mark"), "{drawn}");
    assert_eq!(colour("label"), colour("mark"), "{drawn}");
    assert_eq!(colour("between"), colour("text"), "{drawn}");
    assert_eq!(colour("note"), colour("text"), "{drawn}");
    assert_ne!(colour("ref"), colour("text"), "{drawn}");
    assert_eq!(drawn["strong"], "700", "the note's emphasis: {drawn}");
    // A note's second paragraph (indented, after a blank line) is its text, not code.
    assert_eq!(colour("second"), colour("text"), "{drawn}");
    assert_eq!(drawn["secondFont"], drawn["font"], "{drawn}");
    assert_ne!(
        drawn["codeFont"], drawn["font"],
        "code outside a note is code: {drawn}"
    );
    // Text aligned four spaces after a label is the note's text (comrak takes the spaces).
    assert_eq!(drawn["aligned"], drawn["font"], "{drawn}");
    // An ideographic space is part of a label, as in comrak (an ASCII space is not).
    assert_eq!(colour("wideRef"), colour("mark"), "{drawn}");
    assert_eq!(colour("wideLabel"), colour("mark"), "{drawn}");
    quit(window, data.path()).await;
}

#[tokio::test]
async fn a_pasted_image_is_kept_in_the_database_and_shown_in_the_preview() {
    let desktop = Desktop::start();
    let data = tempfile::tempdir().expect("temp dir");
    let window = desktop.launch(data.path()).await;
    new_draft(&window).await;
    type_in_editor(&window, "表紙：\n").await;

    // What a paste from the clipboard delivers: a File in the event's DataTransfer.
    let png = include_bytes!("support/images/red.png").to_vec();
    window
        .execute(
            "const file = new File([new Uint8Array(arguments[0])], '表紙.png', { type: 'image/png' });
             const data = new DataTransfer();
             data.items.add(file);
             document.querySelector('.cm-content').dispatchEvent(
               new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
             return true;",
            vec![serde_json::json!(png)],
        )
        .await
        .expect("paste");
    wait_for(
        &window,
        "the image reference in the editor",
        "[...document.querySelectorAll('.cm-line')].some(l => l.textContent.startsWith('![表紙](fumi-asset:'))",
    )
    .await;
    wait_for(
        &window,
        "the image loaded in the preview",
        "[...document.querySelectorAll('#preview img')].some(i => i.complete && i.naturalWidth === 4)",
    )
    .await;
    wait_for_saved(&window).await;

    let listed = ok(fumi(data.path(), &["drafts", "list"], b""));
    let id = listed.split('\t').next().expect("an id");
    let shown = ok(fumi(data.path(), &["drafts", "show", id], b""));
    let hash = shown
        .split("fumi-asset:")
        .nth(1)
        .and_then(|rest| rest.split(')').next())
        .expect("a reference in the draft");
    let store = fumi_core::Store::open(data.path()).expect("open");
    assert_eq!(
        store
            .asset(hash)
            .expect("the image is in the database")
            .bytes,
        include_bytes!("support/images/red.png")
    );
}

#[tokio::test]
async fn no_payload_of_the_xss_corpus_runs_in_the_preview() {
    let desktop = Desktop::start();
    let data = tempfile::tempdir().expect("temp dir");
    // Every payload, its alert replaced by a canary that would show it ran.
    let corpus: Vec<String> = super::render::XSS_PAYLOADS
        .lines()
        .filter(|l| !l.is_empty())
        .map(|l| l.replace("alert(1)", "top.__xss=1"))
        .collect();
    let body = format!("{}\n\nEND-OF-CORPUS\n", corpus.join("\n\n"));
    ok(fumi(
        data.path(),
        &["drafts", "new", "--title", "XSS", "-"],
        body.as_bytes(),
    ));
    let window = desktop.launch(data.path()).await;
    wait_for(
        &window,
        "the corpus in the preview",
        "document.querySelector('#preview > .block')",
    )
    .await;
    let before = window.current_url().await.expect("url");
    // Provoke what the handlers wait for in every block, then give anything that would run
    // time to run.
    let blocks = preview_blocks(
        &window,
        "for (const e of b.querySelectorAll('*'))
           for (const t of ['mouseover', 'click', 'focus', 'toggle', 'load', 'error', 'begin'])
             e.dispatchEvent(new Event(t, { bubbles: true }))",
    )
    .await;
    assert!(
        blocks.last().is_some_and(|b| b.contains("END-OF-CORPUS")),
        "the whole corpus was previewed"
    );
    tokio::time::sleep(Duration::from_secs(1)).await;
    let state = window
        .execute(
            "return [typeof top.__xss, document.getElementById('title').tagName, document.getElementById('publish').tagName]",
            vec![],
        )
        .await
        .expect("read");
    assert_eq!(state, serde_json::json!(["undefined", "INPUT", "BUTTON"]));
    // In-page anchors (`#…`) may move the view; the window never leaves the app's page.
    let mut after = window.current_url().await.expect("url");
    after.set_fragment(None);
    assert_eq!(after, before, "the window never navigated");
}

#[tokio::test]
async fn about_shows_the_version_licence_and_where_the_data_and_logs_are() {
    let desktop = Desktop::start();
    let data = tempfile::tempdir().expect("temp dir");
    let window = desktop.launch(data.path()).await;
    click(&window, "about").await;
    wait_for(
        &window,
        "the About dialog",
        "document.getElementById('about-dialog').open && document.getElementById('about-version').textContent !== ''",
    )
    .await;
    let shown = window
        .execute(
            "return ['about-version', 'about-license', 'about-data-dir', 'about-log-dir'].map(id => document.getElementById(id).textContent)",
            vec![],
        )
        .await
        .expect("read the dialog");
    let data_dir = data.path().display().to_string();
    assert_eq!(
        shown,
        serde_json::json!([
            env!("CARGO_PKG_VERSION"),
            "MIT OR Apache-2.0",
            data_dir,
            format!("{data_dir}/logs")
        ])
    );
    // The window's start is in the logs the dialog points to.
    let logs = std::fs::read_dir(data.path().join("logs"))
        .expect("the logs folder")
        .flatten()
        .map(|f| std::fs::read_to_string(f.path()).unwrap_or_default())
        .collect::<String>();
    assert!(logs.contains("\"window\":true"), "{logs}");
}

#[tokio::test]
async fn a_markdown_file_opened_with_fumi_becomes_a_draft_and_a_bad_one_is_explained() {
    let desktop = Desktop::start();
    let data = tempfile::tempdir().expect("temp dir");
    let file = data.path().join("読書メモ.md");
    std::fs::write(&file, "# 読書メモ\n\nファイルから開いた。\n").expect("write");
    let window = desktop.launch_with(data.path(), &[&file]).await;
    wait_for(
        &window,
        "the file's draft",
        "document.getElementById('title').value === '読書メモ'",
    )
    .await;
    assert_eq!(
        editor_text(&window).await,
        "# 読書メモ\n\nファイルから開いた。\n"
    );
    quit(window, data.path()).await;

    // A file that is not UTF-8: the window opens anyway and says why the file is not there.
    let bad = data.path().join("shift_jis.md");
    std::fs::write(&bad, b"\x93\xc7\x8f\x91\n").expect("write");
    let window = desktop.launch_with(data.path(), &[&bad]).await;
    wait_for(
        &window,
        "the reason in the banner",
        "!document.getElementById('banner').hidden && document.getElementById('banner').textContent.includes('is not UTF-8 text')",
    )
    .await;
    assert_eq!(
        ok(fumi(data.path(), &["drafts", "list"], b""))
            .lines()
            .count(),
        1,
        "no draft made of it"
    );
}

#[tokio::test]
async fn the_first_run_welcomes_offers_a_blog_or_writing_and_then_steps_aside() {
    let desktop = Desktop::start();
    let data = tempfile::tempdir().expect("temp dir");
    let window = desktop.launch(data.path()).await;
    wait_for(
        &window,
        "the welcome",
        "!document.getElementById('welcome').hidden && document.getElementById('welcome-text').textContent.includes('one click publishes it')",
    )
    .await;
    // "Connect a blog": a first draft to write in, and the blogs dialog over it.
    click(&window, "welcome-connect").await;
    wait_for(
        &window,
        "the blogs dialog over a first draft",
        "document.getElementById('blogs-dialog').open && !document.getElementById('editor-area').hidden",
    )
    .await;
    quit(window, data.path()).await;

    // Answered once: the next start goes straight to the writing.
    let window = desktop.launch(data.path()).await;
    wait_for(
        &window,
        "the draft",
        "!document.getElementById('editor-area').hidden && document.getElementById('welcome').hidden",
    )
    .await;
    quit(window, data.path()).await;

    // "Start writing" in another data folder: straight into a new draft.
    let other = tempfile::tempdir().expect("temp dir");
    let window = desktop.launch(other.path()).await;
    wait_for(
        &window,
        "the welcome",
        "!document.getElementById('welcome').hidden",
    )
    .await;
    click(&window, "welcome-write").await;
    wait_for(
        &window,
        "the first draft",
        "!document.getElementById('editor-area').hidden && !document.getElementById('blogs-dialog').open",
    )
    .await;
    type_in_editor(&window, "最初の一行。").await;
    wait_for_saved(&window).await;
    assert!(ok(fumi(other.path(), &["drafts", "show", "1"], b"")).ends_with("最初の一行。"));
}

#[tokio::test]
async fn the_language_and_theme_chosen_in_settings_are_kept_across_restarts() {
    let desktop = Desktop::start();
    let data = tempfile::tempdir().expect("temp dir");
    let window = desktop.launch(data.path()).await;
    wait_for(
        &window,
        "English",
        "document.getElementById('new-draft').textContent === 'New draft'",
    )
    .await;
    click(&window, "open-settings").await;
    wait_for(
        &window,
        "the settings",
        "document.getElementById('settings-dialog').open",
    )
    .await;
    window
        .execute(
            "document.getElementById('settings-language').value = 'ja';
             document.getElementById('settings-theme').value = 'dark';
             document.getElementById('settings-font').value = 'serif';
             document.getElementById('settings-font-size').value = '20';
             document.getElementById('settings-save').click();
             return true;",
            vec![],
        )
        .await
        .expect("choose Japanese and save");
    wait_for(
        &window,
        "Japanese after the reload",
        "document.getElementById('new-draft').textContent === '新規作成'",
    )
    .await;
    quit(window, data.path()).await;

    let window = desktop.launch(data.path()).await;
    wait_for(
        &window,
        "Japanese and dark after a restart",
        "document.getElementById('new-draft').textContent === '新規作成' && document.documentElement.lang === 'ja'
         && document.documentElement.dataset.theme === 'dark'
         && getComputedStyle(document.body).backgroundColor === 'rgb(28, 29, 31)'
         && getComputedStyle(document.querySelector('.cm-scroller')).fontSize === '20px'
         && getComputedStyle(document.querySelector('.cm-scroller')).fontFamily.includes('Serif')",
    )
    .await;
}

#[tokio::test]
async fn every_draft_is_exported_from_the_settings_and_imported_into_another_data_folder() {
    // Fumi's suggested folder (a dated one in the home folder, without a Documents folder) is
    // where the export goes and where the other data folder imports from: the page cannot name
    // another without the system's folder picker.
    let home = tempfile::tempdir().expect("home");
    let desktop = Desktop::start_with("C.UTF-8", &[("HOME", home.path().display().to_string())]);
    let data = tempfile::tempdir().expect("temp dir");
    for (title, body) in [("一冊目", "# 一冊目\n\n感想。\n"), ("二冊目", "本文。\n")]
    {
        ok(fumi(
            data.path(),
            &["drafts", "new", "--title", title, "-"],
            body.as_bytes(),
        ));
    }
    let in_settings = |action: &str| {
        format!(
            "document.getElementById('open-settings').click();
             setTimeout(() => {{ {action} }}, 300);
             return true;"
        )
    };

    let window = desktop.launch(data.path()).await;
    window
        .execute(
            &in_settings("document.getElementById('export-all').click();"),
            vec![],
        )
        .await
        .expect("export");
    wait_for(
        &window,
        "the export's report",
        &format!(
            "document.getElementById('data-message').textContent.startsWith('Exported 2 drafts and 0 images to {}/Fumi export ')",
            home.path().display()
        ),
    )
    .await;
    quit(window, data.path()).await;

    let other = tempfile::tempdir().expect("temp dir");
    let window = desktop.launch(other.path()).await;
    window
        .execute(
            &in_settings("document.getElementById('import-all').click();"),
            vec![],
        )
        .await
        .expect("import");
    wait_for(
        &window,
        "the drafts in the list",
        "document.getElementById('data-message').textContent === 'Imported 2 drafts and 0 images.'
         && document.querySelectorAll('#drafts li').length === 2",
    )
    .await;
    let shown = ok(fumi(other.path(), &["drafts", "search", "感想"], b""));
    assert!(shown.contains("一冊目"), "{shown}");
}

#[tokio::test]
async fn the_live_preview_after_many_edits_equals_the_preview_drawn_whole() {
    let desktop = Desktop::start();
    let data = tempfile::tempdir().expect("temp dir");
    let review = super::support::REVIEW.repeat(3);
    ok(fumi(
        data.path(),
        &["drafts", "new", "--title", "長い書評", "-"],
        review.as_bytes(),
    ));
    let window = desktop.launch(data.path()).await;
    wait_for(
        &window,
        "the draft",
        "document.querySelectorAll('#preview > .block').length > 10",
    )
    .await;
    // Edits in the middle: a paragraph typed, a line turned into a heading, a code fence opened
    // and closed, a footnote added.
    window
        .execute(
            "const c = document.querySelector('.cm-content'); c.focus();
             const lines = [...c.querySelectorAll('.cm-line')];
             const at = lines[Math.floor(lines.length / 2)];
             const range = document.createRange(); range.selectNodeContents(at); range.collapse(false);
             getSelection().removeAllRanges(); getSelection().addRange(range);
             for (const t of ['\\n\\n新しい段落。', '\\n\\n## 見出し', '\\n\\n```', '\\ncode', '\\n```', '\\n\\n注を足す[^9]。\\n\\n[^9]: 新しい注。'])
               document.execCommand('insertText', false, t);
             return true",
            vec![],
        )
        .await
        .expect("edit");
    wait_for_saved(&window).await;
    // Typed into the last footnote's definition with the footnotes section in view: its entry
    // is redrawn in place.
    let section = window
        .execute_async(
            "const done = arguments[arguments.length - 1];
             const frame = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
             (async () => {
               const p = document.getElementById('preview');
               document.querySelector('.cm-scroller').scrollTop = 1e9;
               p.scrollTop = 1e9; await frame(); await frame();
               const c = document.querySelector('.cm-content'); c.focus();
               const at = [...c.querySelectorAll('.cm-line')].filter((l) => l.textContent.startsWith('[^1]')).pop();
               const range = document.createRange(); range.selectNodeContents(at); range.collapse(false);
               getSelection().removeAllRanges(); getSelection().addRange(range);
               const last = () => [...p.querySelectorAll(':scope > .block')].pop();
               const before = last().querySelector('section.footnotes');
               document.execCommand('insertText', false, '注に書き足す。');
               await frame(); await frame();
               done([last().innerHTML, before !== null && before === last().querySelector('section.footnotes')]);
             })();",
            vec![],
        )
        .await
        .expect("type in a definition");
    let (section, kept): (String, bool) = serde_json::from_value(section).expect("the section");
    assert!(
        kept,
        "the section was drawn before the keystroke and kept, its entry redrawn"
    );
    assert!(section.contains("注に書き足す。"), "{section}");
    wait_for_saved(&window).await;
    tokio::time::sleep(Duration::from_millis(500)).await;
    let live = preview_blocks(&window, "").await;
    // The same draft opened afresh is drawn whole.
    quit(window, data.path()).await;
    let window = desktop.launch(data.path()).await;
    wait_for(
        &window,
        "the draft",
        "document.querySelectorAll('#preview > .block').length > 10",
    )
    .await;
    tokio::time::sleep(Duration::from_millis(300)).await;
    let whole = preview_blocks(&window, "").await;
    assert!(
        live.iter()
            .any(|h| h.contains("<h2") && h.contains("見出し"))
    );
    assert!(live.last().is_some_and(|h| h.contains("新しい注。")));
    assert_eq!(live, whole);
    assert_eq!(Some(&section), whole.last());
    quit(window, data.path()).await;
}

#[tokio::test]
async fn a_keystroke_in_a_paragraph_is_previewed_before_the_page_does_anything_else() {
    let desktop = Desktop::start();
    let data = tempfile::tempdir().expect("temp dir");
    // Over 64 KiB, so that an edit which re-parses the whole draft is not waited for.
    let draft = format!(
        "# 題\n\n{}一段落目[^a]。\n\n二段落目。\n\n三段落目。\n\n[^a]: 注。\n",
        "前の段落。\n\n".repeat(6000)
    );
    ok(fumi(
        data.path(),
        &["drafts", "new", "--title", "注のある書評", "-"],
        draft.as_bytes(),
    ));
    let window = desktop.launch(data.path()).await;
    wait_for(&window, "the draft", "document.querySelector('.cm-line')").await;
    // The end of the draft, in the editor and (following it) in the preview. The editor moves
    // a little each time, as a wheel would: the preview follows a scroll, not a position.
    wait_for(
        &window,
        "the end of the draft in view",
        "(s => s.scrollTop = s.scrollHeight - s.clientHeight - (s.scrollTop % 2 ? 0 : 1))(document.querySelector('.cm-scroller')),
         [...document.querySelectorAll('.cm-line')].some(l => l.textContent.startsWith('三段落目'))
         && document.getElementById('preview').textContent.includes('注。')",
    )
    .await;
    // Types `text` at the end of the line that starts with `line`; answers whether the preview
    // shows it once the editor has taken the change (a microtask after it), before any task
    // (such as a command's answer) could run.
    let type_at = async |line: &str, text: &str| {
        window
            .execute_async(
                "const [line, text, done] = arguments;
                 const c = document.querySelector('.cm-content'); c.focus();
                 const at = [...c.querySelectorAll('.cm-line')].find(l => l.textContent.startsWith(line));
                 const range = document.createRange(); range.selectNodeContents(at); range.collapse(false);
                 getSelection().removeAllRanges(); getSelection().addRange(range);
                 document.execCommand('insertText', false, text);
                 Promise.resolve().then(() => done(document.getElementById('preview').textContent.includes(text)));",
                vec![line.into(), text.into()],
            )
            .await
            .expect("type")
    };
    // A paragraph: re-parsed around the keystroke while the page waits.
    for (i, key) in ["を", "読", "む"].into_iter().enumerate() {
        assert_eq!(
            type_at("二段落目", &format!("{key}{i}")).await,
            Value::Bool(true),
            "keystroke {i} in a paragraph"
        );
    }
    // A footnote's definition: its entry of the footnotes section redrawn alone, waited for.
    assert_eq!(
        type_at("[^a]", "を足す").await,
        Value::Bool(true),
        "a footnote's definition"
    );
    // A reference in it that names no footnote reaches the whole draft: that edit goes as a
    // command and shows a little later; then typing in the paragraph before the notes is
    // immediate again.
    assert_eq!(
        type_at("[^a]", "、[^z]も").await,
        Value::Bool(false),
        "a new reference in a long draft is not waited for"
    );
    wait_for(
        &window,
        "the edited footnote",
        "document.getElementById('preview').textContent.includes('注。を足す、[^z]も')",
    )
    .await;
    assert_eq!(
        type_at("三段落目", "続き").await,
        Value::Bool(true),
        "a paragraph after the footnote's edit"
    );
    wait_for_saved(&window).await;
    save_screenshot(&window, "quick-preview-notes").await;
    quit(window, data.path()).await;
}

#[tokio::test]
async fn a_long_preview_draws_only_the_blocks_near_its_view_and_its_footnote_links_still_work() {
    let desktop = Desktop::start();
    let data = tempfile::tempdir().expect("temp dir");
    // 1,000 blocks, the notes gathered at the end.
    let chapters: String = (1..=500)
        .map(|n| format!("## 第{n}章\n\n第{n}章の本文[^{n}]。\n\n"))
        .collect();
    let notes: String = (1..=500)
        .map(|n| format!("[^{n}]: 第{n}章の注。\n"))
        .collect();
    ok(fumi(
        data.path(),
        &["drafts", "new", "--title", "長い草稿", "-"],
        format!("{chapters}{notes}").as_bytes(),
    ));
    let window = desktop.launch(data.path()).await;
    wait_for(
        &window,
        "the preview",
        "document.querySelector('#preview h2')?.textContent === '第1章'",
    )
    .await;
    let drawn = window
        .execute(
            "const p = document.getElementById('preview');
             return [p.querySelectorAll(':scope > .block').length, p.scrollHeight > 20 * p.clientHeight]",
            vec![],
        )
        .await
        .expect("read");
    let drawn_blocks = drawn[0].as_u64().expect("a count");
    assert!(
        (4..200).contains(&drawn_blocks),
        "{drawn_blocks} of 1,001 blocks drawn"
    );
    assert_eq!(
        drawn[1],
        Value::Bool(true),
        "the pane is as tall as all of it"
    );

    // The first reference leads to its note, a thousand blocks down, and the note back to it.
    let at_top = |id: &str| {
        format!(
            "(() => {{ const p = document.getElementById('preview'); const e = document.getElementById('{id}');
               return !!e && Math.abs(e.getBoundingClientRect().top - p.getBoundingClientRect().top) < 3; }})()"
        )
    };
    window
        .execute(
            "document.querySelector('#preview sup.footnote-ref a').click(); return true",
            vec![],
        )
        .await
        .expect("click the reference");
    wait_for(&window, "the first note at the top", &at_top("fn-1")).await;
    save_screenshot(&window, "long-preview-notes").await;
    assert!(text(&window, "fn-1").await.contains("第1章の注。"));
    window
        .execute(
            "document.querySelector('#fn-1 .footnote-backref').click(); return true",
            vec![],
        )
        .await
        .expect("click the back reference");
    wait_for(&window, "the reference at the top", &at_top("fnref-1")).await;
    quit(window, data.path()).await;
}

#[tokio::test]
async fn the_editor_and_the_preview_scroll_together_by_source_line_without_chasing_each_other() {
    let desktop = Desktop::start();
    let data = tempfile::tempdir().expect("temp dir");
    let chapters: String = (1..=40)
        .map(|n| format!("## 第{n}章\n\n{}\n\n", "本書は面白い。".repeat(30)))
        .collect();
    ok(fumi(
        data.path(),
        &["drafts", "new", "--title", "章立て", "-"],
        chapters.as_bytes(),
    ));
    let window = desktop.launch(data.path()).await;
    wait_for(
        &window,
        "the preview",
        "document.querySelector('#preview h2')?.textContent === '第1章'",
    )
    .await;

    let heading_in_view = |pane: &str| {
        format!(
            "(() => {{ const p = document.getElementById('preview'); const top = p.getBoundingClientRect().top;
               const h = [...p.querySelectorAll('h2')].find(h => h.getBoundingClientRect().bottom > top + 1);
               return h && h.textContent.startsWith({pane:?}); }})()"
        )
    };
    // The editor scrolled, as by the wheel, until chapter 25's heading is its first line: the
    // preview shows chapter 25 at its top.
    let mut found = false;
    for _ in 0..400 {
        let top_line = window
            .execute(
                "const s = document.querySelector('.cm-scroller'); const r = s.getBoundingClientRect();
                 const left = document.querySelector('.cm-line').getBoundingClientRect().left;
                 const el = document.elementFromPoint(left + 20, r.top + 12);
                 const line = el && el.closest('.cm-line'); return line ? line.textContent : ''",
                vec![],
            )
            .await
            .expect("read");
        if top_line
            .as_str()
            .is_some_and(|t| t.starts_with("## 第25章"))
        {
            found = true;
            break;
        }
        window
            .execute(
                "document.querySelector('.cm-scroller').scrollTop += 40; return true",
                vec![],
            )
            .await
            .expect("scroll");
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
    assert!(found, "the editor reached chapter 25");
    wait_for(
        &window,
        "chapter 25 at the preview's top",
        &heading_in_view("第25章"),
    )
    .await;
    // The follower did not pull the leader back.
    tokio::time::sleep(Duration::from_millis(500)).await;
    let still = window
        .execute(
            "const s = document.querySelector('.cm-scroller'); const r = s.getBoundingClientRect();
             const left = document.querySelector('.cm-line').getBoundingClientRect().left;
             const el = document.elementFromPoint(left + 20, r.top + 12);
             return el.closest('.cm-line').textContent",
            vec![],
        )
        .await
        .expect("read");
    assert!(
        still.as_str().is_some_and(|t| t.starts_with("## 第25章")),
        "{still}"
    );

    // The other way: the preview scrolled up, as by the wheel, until chapter 10's heading is
    // drawn, then to it, brings the editor there.
    wait_for(
        &window,
        "the preview scrolled to chapter 10",
        "(() => { const p = document.getElementById('preview');
           const h = [...p.querySelectorAll('h2')].find(h => h.textContent.startsWith('第10章'));
           if (!h) { p.scrollTop -= 40; return false; }
           p.scrollTop += h.getBoundingClientRect().top - p.getBoundingClientRect().top; return true; })()",
    )
    .await;
    wait_for(
        &window,
        "chapter 10 at the editor's top",
        "(() => { const s = document.querySelector('.cm-scroller'); const r = s.getBoundingClientRect();
           const lines = [...document.querySelectorAll('.cm-line')].filter(l => l.getBoundingClientRect().bottom > r.top + 1);
           return lines.length && lines[0].textContent.startsWith('## 第10章'); })()",
    )
    .await;
    quit(window, data.path()).await;
}
