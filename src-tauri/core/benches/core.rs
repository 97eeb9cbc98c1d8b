//! What an author feels: render time of a long review and of a huge document, save time of a
//! long draft, list, filter and search time over a large library. Run: `cargo bench -p fumi-core`.

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use fumi_core::model::library::{LIBRARY_PAGE, LibraryQuery, SortOrder};
use fumi_core::model::post::RemotePost;
use fumi_core::render::Flavor;
use fumi_core::render::live::LivePreview;
use fumi_core::{BlogKind, DraftStatus, Renderer, SaveKind, Store};

#[path = "support/documents.rs"]
mod documents;

use documents::{document, section};

fn render(c: &mut Criterion) {
    let renderer = Renderer::new();
    let mut group = c.benchmark_group("render");
    for (name, bytes) in [("35KB", 35_000), ("1MB", 1_000_000)] {
        let doc = document(bytes);
        group.bench_function(name, |b| b.iter(|| renderer.render(black_box(&doc))));
    }
    group.finish();
}

/// Opening a draft's live preview: the whole draft parsed, every block and footnote formatted
/// and sanitized (nothing cached yet).
fn live_preview_open(c: &mut Criterion) {
    let renderer = Renderer::new();
    let mut group = c.benchmark_group("live preview open");
    group.sample_size(20);
    for (name, bytes) in [("35KB", 35_000), ("1MB", 1_000_000)] {
        let doc = document(bytes);
        group.bench_function(name, |b| {
            b.iter(|| LivePreview::new(&renderer, black_box(&doc), |_| None, None))
        });
    }
    group.finish();
}

/// One keystroke in a live preview: a character typed into a table in the middle of the
/// draft and into a paragraph holding a footnote reference (both re-parse the blocks around
/// them), and into a footnote's definition (parsed alone, its entry of the footnotes section
/// redrawn).
fn live_preview(c: &mut Criterion) {
    let renderer = Renderer::new();
    let mut group = c.benchmark_group("live preview keystroke");
    for (name, bytes) in [("35KB", 35_000), ("1MB", 1_000_000)] {
        let doc = document(bytes);
        let lines: Vec<&str> = doc.split('\n').collect();
        let middle = lines.len() / 2;
        let plain = (middle..lines.len())
            .find(|&i| lines[i].starts_with("| 評価"))
            .expect("a table row");
        let footnoted = (middle..lines.len())
            .find(|&i| lines[i].contains("[^") && !lines[i].starts_with("[^"))
            .expect("a footnote reference");
        let definition = (middle..lines.len())
            .find(|&i| lines[i].starts_with("[^"))
            .expect("a footnote definition");
        for (kind, line) in [
            ("table far from footnotes", plain),
            ("paragraph with a footnote", footnoted),
            ("footnote definition", definition),
        ] {
            let (mut live, _) = LivePreview::new(&renderer, &doc, |_| None, None);
            let texts = [format!("{}あ", lines[line]), lines[line].to_owned()];
            let mut i = 0;
            group.bench_function(format!("{name}/{kind}"), |b| {
                b.iter(|| {
                    i += 1;
                    let base = live.version();
                    live.edit(&renderer, base, line, line + 1, black_box(&texts[i % 2]))
                        .expect("edit")
                })
            });
        }
    }
    group.finish();
}

/// One keystroke in the 35 KB review's live preview with a Hatena blog selected: in a
/// paragraph of a draft without notation (its blocks re-parsed, notation looked for around
/// them), and of the same draft with `[:contents]` and a `((note))` (drawn whole each time).
fn live_preview_hatena(c: &mut Criterion) {
    let renderer = Renderer::new();
    let mut group = c.benchmark_group("live preview keystroke, Hatena blog");
    let plain = document(35_000);
    let noted = format!("[:contents]\n\n冒頭の段落((最初の注))。\n\n{plain}");
    for (name, doc) in [("35KB", &plain), ("35KB with contents and notes", &noted)] {
        let lines: Vec<&str> = doc.split('\n').collect();
        let middle = lines.len() / 2;
        let line = (middle..lines.len())
            .find(|&i| lines[i].contains("[^") && !lines[i].starts_with("[^"))
            .expect("a paragraph");
        let (mut live, _) = LivePreview::for_flavor(
            &renderer,
            doc,
            |_| None,
            None,
            Flavor::Hatena,
            Default::default(),
        );
        let texts = [format!("{}あ", lines[line]), lines[line].to_owned()];
        let mut i = 0;
        group.bench_function(name, |b| {
            b.iter(|| {
                i += 1;
                let base = live.version();
                live.edit(&renderer, base, line, line + 1, black_box(&texts[i % 2]))
                    .expect("edit")
            })
        });
    }
    group.finish();
}

fn save(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut store = Store::open(dir.path()).expect("store");
    let draft = store.create_draft("長い下書き", "").expect("draft");
    // Alternate two texts so every save really writes (and reindexes) 35 KB.
    let texts = [document(35_000), format!("{}追記。", document(35_000))];
    let mut i = 0;
    c.bench_function("save/35KB", |b| {
        b.iter(|| {
            i += 1;
            store
                .save_draft(draft.id, "長い下書き", &texts[i % 2], SaveKind::Autosave)
                .expect("save")
        })
    });
    // The work a save leaves for the author's pause: indexing the text for search.
    c.bench_function("save/35KB and its indexing", |b| {
        b.iter(|| {
            i += 1;
            store
                .save_draft(draft.id, "長い下書き", &texts[i % 2], SaveKind::Autosave)
                .expect("save");
            store.index_next_draft().expect("index")
        })
    });
}

fn search(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut store = Store::open(dir.path()).expect("store");
    let words = [
        "天気",
        "読書会",
        "珈琲",
        "散歩",
        "映画",
        "旅行",
        "料理",
        "音楽",
    ];
    let blog = store
        .add_blog(
            "bench",
            BlogKind::WordPress,
            "https://bench.example",
            "me",
            "bench-key",
        )
        .expect("blog");
    for i in 0..10_000 {
        let topic = words[i % words.len()];
        // Every draft tagged with its topic; every third published, so statuses have rows to read.
        let body = format!(
            "---\ntags: [{topic}]\n---\n{}{}についての記録 #{i}。",
            section(i),
            topic
        );
        let draft = store
            .create_draft(&format!("下書き {i} {topic}"), &body)
            .expect("draft");
        if i % 3 == 0 {
            let sent = RemotePost {
                id: i.to_string(),
                status: fumi_core::model::post::PostState::Published,
                ..RemotePost::default()
            };
            store
                .record_published(draft.id, blog.id, "h", &sent)
                .expect("record");
        }
    }
    let indexing = std::time::Instant::now();
    let indexed = store.index_drafts().expect("index");
    println!(
        "index/10k drafts: {indexed} drafts indexed for search in {:.2} s",
        indexing.elapsed().as_secs_f64()
    );
    c.bench_function("list/10k drafts", |b| {
        b.iter(|| store.list_drafts().expect("list"))
    });
    let mut group = c.benchmark_group("library/10k drafts");
    group.sample_size(20);
    let query = |f: fn(&mut LibraryQuery)| {
        let mut q = LibraryQuery::default();
        f(&mut q);
        q
    };
    let by_tag = query(|q| q.tag = Some("珈琲".into()));
    group.bench_function("by tag", |b| {
        b.iter(|| store.library(black_box(&by_tag)).expect("library"))
    });
    let by_status = query(|q| q.status = Some(DraftStatus::Published));
    group.bench_function("by status", |b| {
        b.iter(|| store.library(black_box(&by_status)).expect("library"))
    });
    let by_created = query(|q| q.sort = SortOrder::Created);
    group.bench_function("sorted by creation", |b| {
        b.iter(|| store.library(black_box(&by_created)).expect("library"))
    });
    group.bench_function("tag counts", |b| b.iter(|| store.tags().expect("tags")));
    group.finish();
    let mut group = c.benchmark_group("search/10k drafts");
    group.sample_size(20);
    group.bench_function("3+ chars (trigram index)", |b| {
        b.iter(|| store.search(black_box("読書会について")).expect("search"))
    });
    group.bench_function("2 chars", |b| {
        b.iter(|| store.search(black_box("珈琲")).expect("search"))
    });
    group.bench_function("1 char", |b| {
        b.iter(|| store.search(black_box("琲")).expect("search"))
    });
    group.bench_function("1 char in every draft", |b| {
        b.iter(|| store.search(black_box("の")).expect("search"))
    });
    group.bench_function("no match", |b| {
        b.iter(|| store.search(black_box("存在しない語句")).expect("search"))
    });
    group.finish();
    // What the window asks: the first page of the list (200 rows), and the count beside it.
    let mut group = c.benchmark_group("search page/10k drafts");
    group.sample_size(20);
    for (name, text) in [
        ("3+ chars", "読書会について"),
        ("2 chars", "珈琲"),
        ("1 char", "琲"),
        ("1 char in every draft", "の"),
        ("no match", "存在しない語句"),
    ] {
        let query = LibraryQuery {
            text: text.into(),
            ..LibraryQuery::default()
        };
        group.bench_function(format!("first page, {name}"), |b| {
            b.iter(|| {
                store
                    .library_page(black_box(&query), None, LIBRARY_PAGE)
                    .expect("page")
            })
        });
        group.bench_function(format!("count, {name}"), |b| {
            b.iter(|| store.library_count(black_box(&query)).expect("count"))
        });
    }
    group.bench_function("first page, whole list", |b| {
        b.iter(|| {
            store
                .library_page(black_box(&LibraryQuery::default()), None, LIBRARY_PAGE)
                .expect("page")
        })
    });
    group.finish();
    let mut group = c.benchmark_group("search/10k drafts");
    group.sample_size(20);
    // The draft being written is saved, not yet indexed: it is matched on its own text.
    let open_draft = store
        .create_draft("書きかけ", &document(35_000))
        .expect("draft");
    group.bench_function("3+ chars, the open draft just saved", |b| {
        b.iter(|| store.search(black_box("読書会について")).expect("search"))
    });
    group.bench_function("2 chars, the open draft just saved", |b| {
        b.iter(|| store.search(black_box("珈琲")).expect("search"))
    });
    group.finish();
    store.purge_draft(open_draft.id).expect("purge");
    // Autosave's tail in a large library: a percentile, which criterion does not report. First
    // through a bare `Store` (which checkpoints in its commits), then through `App`'s pool (whose
    // own connection checkpoints every 2 s). 20 ms apart, a pace between the two checkpoints
    // (autosave's own is a save 500 ms after typing stops).
    let texts = [document(35_000), format!("{}追記。", document(35_000))];
    let draft = store.create_draft("長い下書き", "").expect("draft");
    let mut save = |i: usize| {
        store
            .save_draft(draft.id, "長い下書き", &texts[i % 2], SaveKind::Autosave)
            .map(drop)
    };
    report_saves("a bare Store", &mut save);
    drop(store);
    let app = fumi_core::App::open(dir.path()).expect("app");
    let draft = app.create_draft("長い下書き", "").expect("draft");
    let mut save = |i: usize| {
        app.save_draft(draft.id, "長い下書き", &texts[i % 2], SaveKind::Autosave)
            .map(drop)
    };
    report_saves("App (its pool)", &mut save);
}

/// Times 400 saves of a 35 KB draft and prints their median and 99th percentile.
fn report_saves(how: &str, save: &mut dyn FnMut(usize) -> fumi_core::Result<()>) {
    let mut times: Vec<f64> = (0..400)
        .map(|i| {
            std::thread::sleep(std::time::Duration::from_millis(20));
            let start = std::time::Instant::now();
            save(i).expect("save");
            start.elapsed().as_secs_f64() * 1000.0
        })
        .collect();
    times.sort_by(f64::total_cmp);
    println!(
        "save/35KB in 10k drafts through {how}: p50 {:.2} ms, p99 {:.2} ms, max {:.2} ms (400 saves)",
        times[times.len() / 2],
        times[times.len() * 99 / 100],
        times[times.len() - 1]
    );
}

/// The proofreader over the 35 KB review and the 1 MB document: a first check reads every
/// block; a keystroke's check reads the one block it changed (the others are kept), which is
/// what the window pays while the author types.
fn proofread(c: &mut Criterion) {
    use fumi_core::model::proofread::ProofreadSettings;
    use fumi_core::proofread::Proofreader;
    let settings = ProofreadSettings::default();
    let mut group = c.benchmark_group("proofread");
    for (name, bytes) in [("35KB", 35_000), ("1MB", 1_000_000)] {
        let doc = document(bytes);
        group.bench_function(format!("{name}/whole draft"), |b| {
            b.iter(|| fumi_core::proofread::check(black_box(&doc), &settings))
        });
        // A character typed in a paragraph in the middle, then taken out again.
        let middle = doc.len() / 2;
        let at = doc
            .match_indices("本書は")
            .map(|(i, _)| i)
            .find(|&i| i >= middle)
            .expect("a paragraph");
        let typed = format!("{}あ{}", &doc[..at], &doc[at..]);
        let texts = [typed, doc.clone()];
        let mut reader = Proofreader::default();
        reader.check(&doc, &settings);
        let mut i = 0;
        group.bench_function(format!("{name}/keystroke"), |b| {
            b.iter(|| {
                i += 1;
                reader.check(black_box(&texts[i % 2]), &settings)
            })
        });
    }
    group.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(30);
    targets = render, live_preview_open, live_preview, live_preview_hatena, save, search, proofread
}
criterion_main!(benches);
