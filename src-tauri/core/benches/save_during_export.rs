//! Autosave's latency while the author exports every draft: the p50/p99/max of a 35 KB save
//! made every 20 ms while export-all of 10,000 drafts runs on another thread, through one
//! shared connection (how the window held its database before the pool) and through `App`
//! (one writer, pooled readers). Run: `cargo bench -p fumi-core --bench save_during_export`.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use fumi_core::{App, SaveKind, Store};

#[path = "support/documents.rs"]
mod documents;

use documents::{document, section};

/// The drafts in the library.
const DRAFTS: usize = 10_000;
/// How often the author's draft is saved while the export runs.
const SAVE_EVERY: Duration = Duration::from_millis(20);
/// Exports run this many times, 200 ms apart; saves are timed throughout.
const EXPORTS: usize = 3;

fn main() {
    let dir = tempfile::tempdir().expect("temp dir");
    let draft = {
        let mut store = Store::open(dir.path()).expect("store");
        for i in 0..DRAFTS {
            store
                .create_draft(&format!("下書き {i}"), &section(i))
                .expect("draft");
        }
        store
            .create_draft("長い下書き", &document(35_000))
            .expect("draft")
            .id
    };
    let texts = [document(35_000), format!("{}あ", document(35_000))];

    let shared = Arc::new(Mutex::new(Store::open(dir.path()).expect("store")));
    let one = measure(
        dir.path(),
        "one connection",
        {
            let shared = shared.clone();
            move |out: &std::path::Path| {
                fumi_core::export::export_all(&shared.lock().expect("lock"), out).expect("export");
            }
        },
        {
            let shared = shared.clone();
            let texts = texts.clone();
            move |i: usize| {
                shared
                    .lock()
                    .expect("lock")
                    .save_draft(draft, "長い下書き", &texts[i % 2], SaveKind::Autosave)
                    .expect("save");
            }
        },
    );
    drop(shared);

    let app = Arc::new(App::open(dir.path()).expect("app"));
    let pooled = measure(
        dir.path(),
        "App (writer + readers)",
        {
            let app = app.clone();
            move |out: &std::path::Path| {
                app.export_all(out).expect("export");
            }
        },
        {
            let app = app.clone();
            move |i: usize| {
                app.save_draft(draft, "長い下書き", &texts[i % 2], SaveKind::Autosave)
                    .expect("save");
            }
        },
    );
    println!(
        "p99 ratio (one connection / App): {:.1}×",
        one.as_secs_f64() / pooled.as_secs_f64()
    );
}

/// Runs `export` [`EXPORTS`] times on a thread while `save` runs every [`SAVE_EVERY`]; prints
/// the saves' latencies and answers their p99.
fn measure(
    data: &std::path::Path,
    name: &str,
    export: impl Fn(&std::path::Path) + Send + 'static,
    save: impl Fn(usize),
) -> Duration {
    let exports_dir = data.join(format!("exports-{}", name.len()));
    let done = Arc::new(AtomicBool::new(false));
    let exporting = {
        let done = done.clone();
        std::thread::spawn(move || {
            let started = Instant::now();
            for n in 0..EXPORTS {
                export(&exports_dir.join(n.to_string()));
                // An author exports now and then, not back to back: waiting saves get their turn.
                std::thread::sleep(Duration::from_millis(200));
            }
            done.store(true, Ordering::SeqCst);
            (started.elapsed() - Duration::from_millis(200) * EXPORTS as u32) / EXPORTS as u32
        })
    };
    let mut latencies = Vec::new();
    while !done.load(Ordering::SeqCst) {
        let started = Instant::now();
        save(latencies.len());
        latencies.push(started.elapsed());
        std::thread::sleep(SAVE_EVERY);
    }
    let per_export = exporting.join().expect("export thread");
    latencies.sort();
    let at = |q: f64| latencies[((latencies.len() - 1) as f64 * q).round() as usize];
    println!(
        "{name}: export-all of {DRAFTS} drafts {:.0} ms each; {} saves of 35 KB: p50 {:.1} ms, p99 {:.1} ms, max {:.1} ms",
        per_export.as_secs_f64() * 1e3,
        latencies.len(),
        at(0.5).as_secs_f64() * 1e3,
        at(0.99).as_secs_f64() * 1e3,
        at(1.0).as_secs_f64() * 1e3,
    );
    at(0.99)
}
