//! Sync through a git remote (the real `git http-backend` on loopback): the first sync of a
//! library to an empty remote, then a sync after one edit, at 1,000 and 10,000 drafts (200
//! images each): time and bytes pushed. The second must not grow with the library.
//! Run: `cargo bench --bench sync`. Prints a table; no pass or fail.

use std::time::Instant;

use fumi_core::App;
use fumi_core::image::Image;
use fumi_core::model::draft::SaveKind;

#[allow(dead_code)]
#[path = "../tests/support/mod.rs"]
mod support;

use support::git_server::GitServer;

/// Incremental syncs measured per size (the median is reported).
const EDITS: usize = 7;
const IMAGES: usize = 200;

fn main() {
    // `cargo bench` passes --bench; `cargo test --benches` would pass nothing: only the former runs.
    if !std::env::args().any(|a| a == "--bench") {
        return;
    }
    println!(
        "Fumi sync benchmark: git http-backend on loopback, {IMAGES} images of 40 KB per library"
    );
    for drafts in [1_000, 10_000] {
        measure(drafts);
    }
}

fn measure(drafts: usize) {
    let server = GitServer::start_open();
    let url = server.new_repo(&format!("library-{drafts}"));
    let data = tempfile::tempdir().expect("temp dir");
    let app = App::open(data.path()).expect("open");
    let mut first_id = None;
    {
        let mut store = app.writer();
        for i in 0..IMAGES {
            // A PNG signature, then bytes of its own: every image is a different file.
            let mut bytes = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR".to_vec();
            bytes.extend(
                (0..40_000u32)
                    .map(|b| (b.wrapping_mul(31).wrapping_add(i as u32 * 7919) % 251) as u8),
            );
            store
                .add_asset(&Image::from_bytes(bytes, &format!("image-{i}.png")).expect("image"))
                .expect("asset");
        }
        for i in 0..drafts {
            let body = format!(
                "---\ncategories: [読書]\n---\n\n# {i}冊目の感想\n\n{}\n",
                "読み終えて、しばらく考えていた。登場人物の選択が最後まで効いてくる。\n\n"
                    .repeat(40)
            );
            let draft = store
                .create_draft(&format!("{i}冊目を読んで"), &body)
                .expect("draft");
            first_id.get_or_insert(draft.id);
        }
    }
    let started = Instant::now();
    let report = app.set_up_sync(&url, None).expect("first sync");
    let first = started.elapsed();
    let first_bytes = server.pushed_bytes();
    assert_eq!(report.sent, drafts);

    let id = first_id.expect("a draft");
    let mut times = Vec::new();
    let mut bytes = Vec::new();
    for edit in 0..EDITS {
        let body = app.draft(id).expect("draft").body;
        app.save_draft(
            id,
            "0冊目を読んで",
            &format!("{body}追記{edit}。\n"),
            SaveKind::Autosave,
        )
        .expect("edit");
        let before = server.pushed_bytes();
        let started = Instant::now();
        let report = app.sync_now().expect("sync");
        times.push(started.elapsed().as_secs_f64() * 1000.0);
        bytes.push(server.pushed_bytes() - before);
        assert_eq!(report.sent, 1);
    }
    times.sort_by(f64::total_cmp);
    bytes.sort();
    println!(
        "{drafts:>6} drafts: first sync {:>8.0} ms, {:>6.1} MB pushed | after one edit: median {:>6.1} ms (min {:.1}, max {:.1}), {} bytes pushed",
        first.as_secs_f64() * 1000.0,
        first_bytes as f64 / 1e6,
        times[times.len() / 2],
        times[0],
        times[times.len() - 1],
        bytes[bytes.len() / 2],
    );
}
