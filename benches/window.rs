//! What the author feels in the real window (release build, under Xvfb, driven by WebDriver):
//! cold start to an editable draft and the memory then held, each beside an empty Tauri app's
//! (`benches/empty-app`, built here with the same profile) as ratios; each keystroke's time to
//! the painted preview on a 35 KB review and a 1 MB document (and the review again with a
//! Hatena blog selected); and the memory the app and its webview hold after typing.
//! Run: `cargo bench --bench window` (after `.ci/setup`). Prints a table; no pass or fail.

use std::path::Path;
use std::time::{Duration, Instant};

use fantoccini::Client;
use fantoccini::actions::{InputSource, KeyAction, KeyActions};
use serde_json::Value;

#[allow(dead_code)]
#[path = "../tests/support/mod.rs"]
mod support;

use support::desktop::{Desktop, app_pids, wait_for_app_exit, wait_for_exit};
use support::hatena::TestHatena;
use support::keyring::SecretService;

#[path = "../src-tauri/core/benches/support/documents.rs"]
mod documents;

use documents::document;
use support::{fumi, ok};

/// Keystrokes typed per measurement, and the pause between them (a fast typist: 12 a second).
const KEYSTROKES: usize = 150;
const KEY_INTERVAL_MS: u64 = 80;

/// The empty draft the 10 MB paste goes into.
const PASTE_TITLE: &str = "10 MB paste";

/// Each keystroke's times, in milliseconds (the preview's performance measures).
struct Keystrokes {
    /// Until the patch is in the preview's DOM and laid out.
    ready: Vec<f64>,
    /// Until the frame that paints it.
    painted: Vec<f64>,
    /// From the frame where the editor showed it to the frame where the preview did.
    lag: Vec<f64>,
    /// How long the page waited for Rust's answer, for the edits sent while it waits.
    wait: Vec<f64>,
}

/// How a run's keystrokes reach the editor.
#[derive(Clone, Copy)]
enum Typing {
    /// `execCommand('insertText')` from a script in the page (Japanese text).
    Script,
    /// Real key events through WebDriver's actions (ASCII text): the webview's own input path.
    Keys,
}

/// The page's four measures of a keystroke, as a JS array of their names.
const MEASURES: &str =
    "['fumi-preview-ready', 'fumi-preview', 'fumi-preview-lag', 'fumi-preview-wait']";

/// Places the caret at the end of the editor line chosen by `line` (a JS expression over
/// `lines`, the editor's line elements drawn now, or `middle(test)`: the first that passes in
/// their lower half, else in all), types `prefix` there, and clears the measures.
const PREPARE: &str =
    "const names = MEASURES;
     const clear = () => names.forEach((n) => performance.clearMeasures(n));
     const c = document.querySelector('.cm-content'); c.focus();
     const lines = [...c.querySelectorAll('.cm-line')];
     const middle = (test) => lines.slice(Math.floor(lines.length / 2)).find(test) || lines.find(test);
     const at = LINE;
     if (!at) throw new Error(`no such line among ${lines.length}: ${lines.slice(0, 3).map(l => l.textContent).join(' | ')} … ${lines.slice(-3).map(l => l.textContent).join(' | ')}`);
     at.scrollIntoView({block: 'center'});
     const range = document.createRange(); range.selectNodeContents(at); range.collapse(false);
     getSelection().removeAllRanges(); getSelection().addRange(range);
     document.execCommand('insertText', false, PREFIX);";

/// Answers the four measures' durations, one list each.
const COLLECT: &str =
    "return MEASURES.map((n) => performance.getEntriesByName(n).map(e => e.duration));";

/// Types `KEYSTROKES` characters, one every `KEY_INTERVAL_MS`, at the end of the editor line
/// chosen by `line` (after `left` presses of the left arrow, with real keys), and answers every
/// keystroke's times.
async fn type_and_measure(
    window: &Client,
    line: &str,
    prefix: &str,
    typing: Typing,
    left: usize,
) -> Keystrokes {
    // The editor draws only the lines near its view: it is scrolled to the place first.
    let scroll = if line.contains("lines.length - 1") {
        1.0
    } else if line.contains("Math.floor") {
        0.5
    } else {
        0.0
    };
    window
        .execute(
            "const s = document.querySelector('.cm-scroller'); s.scrollTop = (s.scrollHeight - s.clientHeight) * arguments[0]; return true",
            vec![scroll.into()],
        )
        .await
        .expect("scroll");
    tokio::time::sleep(Duration::from_millis(300)).await;
    let prepare = PREPARE
        .replace("MEASURES", MEASURES)
        .replace("LINE", line)
        .replace("PREFIX", &format!("{prefix:?}"));
    let value = match typing {
        Typing::Script => {
            let script = format!(
                "const done = arguments[arguments.length - 1];
                 {prepare}
                 const text = '本書は面白い。読み終えてから数日、ずっと考えている。'.repeat(20);
                 let i = 0;
                 const next = () => {{
                   if (i === {KEYSTROKES}) {{
                     setTimeout(() => done(names.map((n) => performance.getEntriesByName(n).map(e => e.duration))), 1000);
                     return;
                   }}
                   document.execCommand('insertText', false, text[i++]);
                   setTimeout(next, {KEY_INTERVAL_MS});
                 }};
                 setTimeout(() => {{ clear(); next(); }}, 500);"
            );
            window
                .execute_async(&script, vec![])
                .await
                .expect("type and measure")
        }
        Typing::Keys => {
            window.execute(&prepare, vec![]).await.expect("prepare");
            let pause = KeyAction::Pause {
                duration: Duration::from_millis(KEY_INTERVAL_MS),
            };
            let mut keys = KeyActions::new("keyboard".into());
            for _ in 0..left {
                keys = keys
                    .then(KeyAction::Down { value: '\u{E012}' })
                    .then(KeyAction::Up { value: '\u{E012}' });
            }
            window.perform_actions(keys).await.expect("caret");
            tokio::time::sleep(Duration::from_millis(500)).await;
            window
                .execute(
                    &format!(
                        "{MEASURES}.forEach((n) => performance.clearMeasures(n)); return true"
                    ),
                    vec![],
                )
                .await
                .expect("clear");
            let text = "The quick brown fox jumps over the lazy dog. ".repeat(4);
            let mut keys = KeyActions::new("keyboard".into());
            for c in text.chars().take(KEYSTROKES) {
                keys = keys
                    .then(KeyAction::Down { value: c })
                    .then(KeyAction::Up { value: c })
                    .then(pause.clone());
            }
            window.perform_actions(keys).await.expect("type");
            tokio::time::sleep(Duration::from_millis(1000)).await;
            window
                .execute(&COLLECT.replace("MEASURES", MEASURES), vec![])
                .await
                .expect("collect")
        }
    };
    let lists: Vec<Vec<f64>> = value
        .as_array()
        .expect("four lists")
        .iter()
        .map(|list| {
            list.as_array()
                .expect("durations")
                .iter()
                .filter_map(Value::as_f64)
                .collect()
        })
        .collect();
    let [ready, painted, lag, wait] = <[Vec<f64>; 4]>::try_from(lists).expect("four lists");
    Keystrokes {
        ready,
        painted,
        lag,
        wait,
    }
}

/// Reports a typing run: its three times and how often the preview kept up with the editor.
fn report_typing(name: &str, keys: Keystrokes) {
    let same_frame = keys.lag.iter().filter(|&&ms| ms == 0.0).count();
    let share = 100.0 * same_frame as f64 / keys.lag.len().max(1) as f64;
    report(
        &format!("keystroke → preview painted, {name}"),
        keys.painted,
    );
    report("  of which keystroke → preview laid out", keys.ready);
    report("  preview's frame after the editor's", keys.lag);
    report(
        "  the page waiting for Rust (edits sent while it waits)",
        keys.wait,
    );
    println!("  keystrokes shown in the editor's frame: {share:.0}%");
}

fn percentile(sorted: &[f64], p: f64) -> f64 {
    if sorted.is_empty() {
        return f64::NAN;
    }
    let rank = ((p / 100.0) * (sorted.len() - 1) as f64).round() as usize;
    sorted[rank.min(sorted.len() - 1)]
}

fn report(name: &str, mut ms: Vec<f64>) {
    ms.sort_by(f64::total_cmp);
    println!(
        "{name:<58} n={:<4} p50 {:>7.2} ms   p95 {:>7.2} ms   max {:>7.2} ms",
        ms.len(),
        percentile(&ms, 50.0),
        percentile(&ms, 95.0),
        ms.last().copied().unwrap_or(f64::NAN)
    );
}

/// Memory of an app and every process it started (WebKit's web and network processes), in MiB:
/// resident (RSS) and proportional (PSS: shared pages divided among their users, so a library
/// both the app and its web process map is counted once).
struct Memory {
    rss: f64,
    pss: f64,
}

/// [`Memory`] of the processes of `binary` started on `data_dir`, and their children.
fn memory(binary: &str, data_dir: &Path) -> Memory {
    let roots = app_pids(binary, data_dir);
    let mut all = roots.clone();
    for _ in 0..3 {
        for pid in support::running_pids() {
            let Ok(stat) = std::fs::read_to_string(format!("/proc/{pid}/stat")) else {
                continue;
            };
            let ppid = stat
                .rsplit_once(')')
                .and_then(|(_, rest)| rest.split_whitespace().nth(1))
                .and_then(|p| p.parse::<u32>().ok());
            if ppid.is_some_and(|p| all.contains(&p)) && !all.contains(&pid) {
                all.push(pid);
            }
        }
    }
    let kib = |file: &str, field: &str| -> f64 {
        all.iter()
            .filter_map(|pid| std::fs::read_to_string(format!("/proc/{pid}/{file}")).ok())
            .filter_map(|text| {
                text.lines()
                    .find(|l| l.starts_with(field))
                    .and_then(|l| l.split_whitespace().nth(1))
                    .and_then(|v| v.parse::<u64>().ok())
            })
            .sum::<u64>() as f64
    };
    Memory {
        rss: kib("status", "VmRSS:") / 1024.0,
        pss: kib("smaps_rollup", "Pss:") / 1024.0,
    }
}

/// Memory is read this long after a window is ready, when the start's work has settled.
const SETTLE: Duration = Duration::from_secs(2);

/// Launches per start measurement.
const LAUNCHES: usize = 5;

/// Builds the empty Tauri app (`benches/empty-app`) with the release profile Fumi is built with.
fn build_empty_app() -> std::path::PathBuf {
    let status = std::process::Command::new(env!("CARGO"))
        .args(["build", "--release", "-p", "empty-tauri-app"])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .status()
        .expect("cargo runs");
    assert!(status.success(), "the empty Tauri app builds");
    Path::new(support::FUMI).with_file_name("empty-tauri-app")
}

/// A start measured `LAUNCHES` times: session request → `ready`, the page's own part of it and
/// of that its scripts' (see [`page_times`]), in milliseconds; and the memory held after it.
#[derive(Default)]
struct Launches {
    total: Vec<f64>,
    in_page: Vec<f64>,
    scripts: Vec<f64>,
    /// The steps the page marked (`fumi-start-*`), each launch's in order, as time since
    /// navigation began.
    steps: Vec<Vec<(String, f64)>>,
    memory: Vec<Memory>,
}

/// Launches `app` (whose processes' binary ends with `binary`) on `data_dir` `LAUNCHES` times
/// and measures each start until the page's `ready` condition holds, Fumi and the empty Tauri
/// app alike.
async fn measure_launches(
    desktop: &Desktop,
    app: &Path,
    binary: &str,
    data_dir: &Path,
    ready: &str,
) -> Launches {
    let args = [Path::new("--data-dir"), data_dir];
    let mut launches = Launches::default();
    for _ in 0..LAUNCHES {
        let start = Instant::now();
        let window = desktop.launch_app(app, &args).await;
        wait(&window, ready).await;
        launches.total.push(start.elapsed().as_secs_f64() * 1000.0);
        let (in_page, scripts) = page_times(&window).await;
        launches.in_page.push(in_page);
        launches.scripts.push(scripts);
        launches.steps.push(start_steps(&window).await);
        tokio::time::sleep(SETTLE).await;
        launches.memory.push(memory(binary, data_dir));
        let _ = window.close().await;
        wait_for_app_exit(binary, data_dir).await;
    }
    launches
}

/// Milliseconds since the page's navigation began, as the page counts them: now, and when its
/// scripts had run (`DOMContentLoaded` ended: the bundle fetched, parsed and its top level run;
/// what follows is the start's own work, its calls to Rust and the first drawing).
async fn page_times(window: &Client) -> (f64, f64) {
    let times = window
        .execute(
            "return [performance.now(), performance.getEntriesByType('navigation')[0]?.domContentLoadedEventEnd ?? NaN]",
            vec![],
        )
        .await
        .expect("read");
    let at = |i: usize| times[i].as_f64().unwrap_or(f64::NAN);
    (at(0), at(1))
}

/// The steps of its start the page marked (`fumi-start-*`), in the order they came.
async fn start_steps(window: &Client) -> Vec<(String, f64)> {
    let marks = window
        .execute(
            "return performance.getEntriesByType('mark').filter(m => m.name.startsWith('fumi-start-')).sort((a, b) => a.startTime - b.startTime).map(m => [m.name.slice(11), m.startTime])",
            vec![],
        )
        .await
        .expect("read");
    marks
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|m| Some((m[0].as_str()?.to_owned(), m[1].as_f64()?)))
        .collect()
}

/// Prints the median time of each step `launches` marked, and the time since the step before.
fn report_steps(launches: &Launches) {
    let Some(first) = launches.steps.first() else {
        return;
    };
    let mut before = 0.0;
    for (step, _) in first {
        let at = median(
            launches
                .steps
                .iter()
                .filter_map(|steps| steps.iter().find(|(s, _)| s == step).map(|(_, t)| *t))
                .collect(),
        );
        println!("  step {step:<16} at {at:>6.0} ms (+{:.0})", at - before);
        before = at;
    }
}

/// The median of `values`.
fn median(mut values: Vec<f64>) -> f64 {
    values.sort_by(f64::total_cmp);
    percentile(&values, 50.0)
}

/// A slow keystroke path must be measured, not cut off: scripts may run for minutes.
async fn allow_long_scripts(window: &Client) {
    window
        .update_timeouts(fantoccini::wd::TimeoutConfiguration::new(
            Some(Duration::from_secs(600)),
            None,
            None,
        ))
        .await
        .expect("script timeout");
}

async fn wait(window: &Client, condition: &str) {
    let start = Instant::now();
    loop {
        let v = window
            .execute(&format!("return !!({condition})"), vec![])
            .await
            .expect("a script");
        if v == Value::Bool(true) {
            return;
        }
        assert!(
            start.elapsed() < Duration::from_secs(120),
            "timed out: {condition}"
        );
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
}

async fn open_draft(window: &Client, title: &str) {
    open_draft_when(
        window,
        title,
        "document.querySelectorAll('#preview > .block').length > 5",
    )
    .await;
}

/// Opens the draft titled `title` from the list and waits until `ready` holds too.
async fn open_draft_when(window: &Client, title: &str, ready: &str) {
    wait(
        window,
        &format!("[...document.querySelectorAll('#drafts li')].some(li => li.textContent.includes({title:?}))"),
    )
    .await;
    window
        .execute(
            "[...document.querySelectorAll('#drafts li')].find(li => li.textContent.includes(arguments[0])).click(); return true",
            vec![title.into()],
        )
        .await
        .expect("open the draft");
    wait(
        window,
        &format!("document.getElementById('title').value === {title:?} && ({ready})"),
    )
    .await;
}

/// A 10 MB paste of short paragraphs into an empty draft, timed in the page from the paste:
/// until the preview painted it, and until it was saved (autosave waits 500 ms after the last
/// change, as it does for typing, then sends the text); then typing at its end, with real keys.
/// `one_paragraph`: the sentences a line each, which Markdown reads as one 10 MB paragraph.
async fn paste_row(window: &Client, one_paragraph: bool) {
    open_draft_when(window, PASTE_TITLE, "true").await;
    // A paragraph a sentence, or one paragraph: typing beside it re-renders that whole block, in
    // Rust and in the page.
    let line = match one_paragraph {
        false => "長い引用を貼り付けても、一文字も失われず、窓は応え続ける。\n\n",
        true => "長い引用を貼り付けても、一文字も失われず、窓は応え続ける。\n",
    };
    let count = 10 * 1024 * 1024 / line.len() + 1;
    let times = window
        .execute_async(
            "const [line, count, done] = arguments;
             performance.clearMeasures('fumi-preview');
             const state = document.getElementById('save-state');
             const data = new DataTransfer();
             data.setData('text/plain', line.repeat(count));
             const start = performance.now();
             document.querySelector('.cm-content').dispatchEvent(
               new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
             const handled = performance.now() - start;
             let previewed = null, saving = null, left = state.dataset.saveState !== 'saved';
             const poll = () => {
               const now = performance.now() - start;
               const shown = performance.getEntriesByName('fumi-preview')[0];
               if (shown && previewed === null) previewed = shown.startTime + shown.duration - start;
               const s = state.dataset.saveState;
               if (s !== 'saved') left = true;
               if (s === 'saving' && saving === null) saving = now;
               if (previewed !== null && left && s === 'saved') done([handled, previewed, saving ?? NaN, now]);
               else setTimeout(poll, 5);
             };
             setTimeout(poll, 5);",
            vec![line.into(), count.into()],
        )
        .await
        .expect("paste and wait");
    let at = |i: usize| times[i].as_f64().unwrap_or(f64::NAN);
    let shape = match one_paragraph {
        false => "a paragraph a sentence",
        true => "one paragraph",
    };
    println!(
        "10 MB paste ({shape}) into an empty draft: the editor took it in {:.0} ms, the preview painted it at {:.0} ms; the save began at {:.0} ms (autosave waits 500 ms) and ended at {:.0} ms",
        at(0),
        at(1),
        at(2),
        at(3)
    );
    let keys = type_and_measure(window, "lines[lines.length - 1]", "\n\n", Typing::Keys, 0).await;
    report_typing(
        "10 MB draft just pasted, keys, new paragraph at the end",
        keys,
    );
}

/// The places typed with real keys: a name, the editor line (see [`PREPARE`]), text typed
/// before the run, and left-arrow presses before it (to type inside a table cell).
const KEYED_PLACES: &[(&str, &str, &str, usize)] = &[
    (
        "front matter",
        "lines.find(l => l.textContent.startsWith('title:'))",
        "",
        0,
    ),
    (
        "first heading",
        "lines.find(l => l.textContent.startsWith('# '))",
        "",
        0,
    ),
    (
        "quote",
        "middle(l => l.textContent.startsWith('> '))",
        "",
        0,
    ),
    (
        "list item",
        "middle(l => l.textContent.startsWith('- [ ]'))",
        "",
        0,
    ),
    (
        "table cell",
        "middle(l => l.textContent.startsWith('| 評価'))",
        "",
        2,
    ),
    (
        "code block",
        "middle(l => l.textContent.includes(' * 2'))",
        "",
        0,
    ),
    (
        "new paragraph at the end",
        "lines[lines.length - 1]",
        "\n\n",
        0,
    ),
];

/// A draft of about `bytes` with the front matter a blog post carries.
fn with_front_matter(bytes: usize) -> String {
    format!(
        "---\ntitle: 三体\ncategories: [読書]\ntags: [SF, 劉慈欣]\n---\n{}",
        document(bytes)
    )
}

#[tokio::main(flavor = "current_thread")]
async fn main() {
    // `cargo bench` passes --bench; `cargo test --benches` would pass nothing: only the former runs.
    if !std::env::args().any(|a| a == "--bench") {
        return;
    }
    let data = tempfile::tempdir().expect("temp dir");
    ok(fumi(
        data.path(),
        &["drafts", "new", "--title", PASTE_TITLE, "-"],
        b"",
    ));
    ok(fumi(
        data.path(),
        &["drafts", "new", "--title", "1 MB", "-"],
        with_front_matter(1_000_000).as_bytes(),
    ));
    ok(fumi(
        data.path(),
        &["drafts", "new", "--title", "35 KB", "-"],
        with_front_matter(35_000).as_bytes(),
    ));
    let empty_app = build_empty_app();
    let desktop = Desktop::start();

    let fumi_starts = measure_launches(
        &desktop,
        Path::new(support::FUMI),
        "/fumi",
        data.path(),
        "document.querySelectorAll('#preview > .block').length > 5 && document.querySelector('.cm-content .cm-line')",
    )
    .await;
    let empty_data = tempfile::tempdir().expect("temp dir");
    let empty_starts = measure_launches(
        &desktop,
        &empty_app,
        "/empty-tauri-app",
        empty_data.path(),
        "document.readyState === 'complete' && document.getElementById('ready')",
    )
    .await;

    println!(
        "Fumi window benchmark (release build, Xvfb), {KEYSTROKES} keystrokes {KEY_INTERVAL_MS} ms apart per row"
    );
    let start_ratio = median(fumi_starts.total.clone()) / median(empty_starts.total.clone());
    let pss = |m: &[Memory]| median(m.iter().map(|m| m.pss).collect());
    let rss = |m: &[Memory]| median(m.iter().map(|m| m.rss).collect());
    let memory_ratio = pss(&fumi_starts.memory) / pss(&empty_starts.memory);
    for (name, launches) in [
        (
            "cold start: launch → 35 KB draft editable and previewed",
            &fumi_starts,
        ),
        ("empty Tauri app: launch → page loaded", &empty_starts),
    ] {
        report(name, launches.total.clone());
        report(
            "  of which page load → ready (in the page)",
            launches.in_page.clone(),
        );
        report(
            "  of which page load → its scripts run (DOMContentLoaded)",
            launches.scripts.clone(),
        );
    }
    println!(
        "memory {:.0} s after ready, median of {LAUNCHES} launches: Fumi (35 KB draft open) PSS {:.0} MiB, RSS {:.0} MiB; empty Tauri app PSS {:.0} MiB, RSS {:.0} MiB",
        SETTLE.as_secs_f64(),
        pss(&fumi_starts.memory),
        rss(&fumi_starts.memory),
        pss(&empty_starts.memory),
        rss(&empty_starts.memory),
    );
    println!("Fumi / empty Tauri app: start {start_ratio:.2}×, memory (PSS) {memory_ratio:.2}×");
    println!("Fumi's start, step by step (medians, since the page's navigation began):");
    report_steps(&fumi_starts);
    // `cargo bench --bench window -- start` measures the starts alone; `-- paste` the starts
    // and the 10 MB paste.
    let only = |part: &str| std::env::args().any(|a| a == part);
    if only("start") {
        return;
    }
    let window = desktop.launch(data.path()).await;
    allow_long_scripts(&window).await;
    if only("paste") || only("paste-paragraph") {
        paste_row(&window, only("paste-paragraph")).await;
        return;
    }
    for (title, label) in [("35 KB", "35 KB review"), ("1 MB", "1 MB document")] {
        open_draft(&window, title).await;
        // After a table row in the middle: the new paragraph's neighbours are a table and a
        // task list, so the edit is re-parsed locally.
        let middle = "lines.slice(Math.floor(lines.length / 2)).find(l => l.textContent.startsWith('| 評価'))";
        let keys = type_and_measure(&window, middle, "\n\n", Typing::Script, 0).await;
        report_typing(&format!("{label}, new paragraph"), keys);
        let footnoted = "lines.slice(Math.floor(lines.length / 2)).find(l => l.textContent.includes('[^') && !l.textContent.startsWith('[^'))";
        let keys = type_and_measure(&window, footnoted, "", Typing::Script, 0).await;
        report_typing(&format!("{label}, paragraph with a footnote"), keys);
        // A footnote's definition: its entry of the footnotes section redrawn alone, while the
        // page waits.
        let definition =
            "lines.slice(Math.floor(lines.length / 2)).find(l => l.textContent.startsWith('[^'))";
        let keys = type_and_measure(&window, definition, "", Typing::Script, 0).await;
        report_typing(&format!("{label}, footnote definition"), keys);
        // Everywhere else an author types, with the webview's own key events.
        for (place, line, prefix, left) in KEYED_PLACES {
            let keys = type_and_measure(&window, line, prefix, Typing::Keys, *left).await;
            report_typing(&format!("{label}, keys, {place}"), keys);
        }
    }
    println!(
        "memory (RSS of the app and its webview processes, after every row, 1 MB draft open): {:.0} MiB",
        memory("/fumi", data.path()).rss
    );
    paste_row(&window, false).await;
    let _ = window.close().await;
    wait_for_exit(data.path()).await;
    drop(desktop);
    hatena_rows().await;
}

/// The 35 KB review with a Hatena blog selected: Hatena's notation expanded and a line break
/// kept per line, in a data folder of its own (its blog is the one the bar offers).
async fn hatena_rows() {
    let keychain = SecretService::start();
    let env = keychain.env();
    let hatena = TestHatena::start();
    let data = tempfile::tempdir().expect("temp dir");
    hatena.add_by_command(data.path(), "hatena", &env);
    ok(fumi(
        data.path(),
        &["drafts", "new", "--title", "35 KB Hatena", "-"],
        document(35_000).as_bytes(),
    ));
    let desktop = Desktop::start_with("C.UTF-8", &env);
    let window = desktop.launch(data.path()).await;
    allow_long_scripts(&window).await;
    open_draft(&window, "35 KB Hatena").await;
    let middle =
        "lines.slice(Math.floor(lines.length / 2)).find(l => l.textContent.startsWith('| 評価'))";
    let keys = type_and_measure(&window, middle, "\n\n", Typing::Script, 0).await;
    report_typing("35 KB review with a Hatena blog, new paragraph", keys);
    let footnoted = "lines.slice(Math.floor(lines.length / 2)).find(l => l.textContent.includes('[^') && !l.textContent.startsWith('[^'))";
    let keys = type_and_measure(&window, footnoted, "", Typing::Script, 0).await;
    report_typing(
        "35 KB review with a Hatena blog, paragraph with a footnote",
        keys,
    );
    let _ = window.close().await;
    wait_for_exit(data.path()).await;
}
