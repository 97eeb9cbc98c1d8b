//! What publishing costs against the real WordPress on loopback: the first publish of a 35 KB
//! review with 5 images (every image uploaded), and publishing it again unchanged (no image
//! uploaded). Run: `cargo bench --bench publish` (after `.ci/setup`, which fetches WordPress).

use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use criterion::{Criterion, criterion_group, criterion_main};
use fumi_core::image::Image;
use fumi_core::publish::{self, Progress, PublishOptions};
use fumi_core::{Blog, BlogKind, DraftId, Renderer, Store};

#[allow(dead_code)]
#[path = "../tests/support/mod.rs"]
mod support;

use support::wordpress::TestWordPress;

/// The images of the review: five different PNGs of ≈100 KB (a valid image, then filler bytes
/// after its end, as cameras and editors leave metadata there).
fn images() -> Vec<Image> {
    let png = include_bytes!("../tests/support/images/red.png");
    (0..5u8)
        .map(|n| {
            let mut bytes = png.to_vec();
            bytes.extend(std::iter::repeat_n(n, 100_000));
            Image::from_bytes(bytes, &format!("photo-{n}.png")).expect("an image")
        })
        .collect()
}

/// A ≈35 KB Japanese review showing the five images.
fn review(images: &[String]) -> String {
    let mut doc = String::from("---\ncategories: [読書]\ntags: [SF]\n---\n");
    let mut n = 0;
    while doc.len() < 35_000 {
        n += 1;
        doc.push_str(&format!(
            "## 第{n}章\n\n本書は**劉慈欣**による長編で、第{n}章では物語が大きく動く[^{n}]。\n\n\
             | 項目 | 内容 |\n|:---|---:|\n| 章 | {n} |\n\n[^{n}]: 第{n}章の注。\n\n"
        ));
        if let Some(image) = images.get(n - 1) {
            doc.push_str(&format!("![第{n}章の写真]({image})\n\n"));
        }
    }
    doc
}

/// A fresh data folder with the blog and the review: nothing uploaded yet.
fn fresh(site: &TestWordPress) -> (tempfile::TempDir, Store, Blog, DraftId) {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut store = Store::open(dir.path()).expect("open");
    let refs: Vec<String> = images()
        .iter()
        .map(|i| store.add_asset(i).expect("store an image"))
        .collect();
    let blog = store
        .add_blog(
            "bench",
            BlogKind::WordPress,
            &site.url,
            &site.user,
            "bench-key",
        )
        .expect("blog");
    let draft = store
        .create_draft("ベンチマークの書評", &review(&refs))
        .expect("draft");
    (dir, store, blog, draft.id)
}

fn bench(c: &mut Criterion) {
    let site = TestWordPress::start();
    let runtime = tokio::runtime::Runtime::new().expect("runtime");
    let renderer = Renderer::new();
    let uploads = AtomicUsize::new(0);
    let count_uploads = |p: Progress| {
        if let Progress::Images { done, total } = p
            && done == total
        {
            uploads.fetch_add(total, Ordering::Relaxed);
        }
    };
    let publish = |store: &mut Store, blog: &Blog, draft: DraftId| {
        runtime
            .block_on(publish::publish_draft(
                store,
                &renderer,
                blog,
                &site.password,
                draft,
                PublishOptions::default(),
                &count_uploads,
            ))
            .expect("publish")
    };
    let mut group = c.benchmark_group("publish");
    group
        .sample_size(10)
        .measurement_time(Duration::from_secs(30));

    group.bench_function("35KB+5 images, first publish", |b| {
        b.iter_custom(|iters| {
            let mut spent = Duration::ZERO;
            for _ in 0..iters {
                let (_dir, mut store, blog, draft) = fresh(&site);
                let start = Instant::now();
                publish(&mut store, &blog, draft);
                spent += start.elapsed();
            }
            spent
        })
    });
    let first_uploads = uploads.swap(0, Ordering::Relaxed);

    let (_dir, mut store, blog, draft) = fresh(&site);
    publish(&mut store, &blog, draft);
    uploads.store(0, Ordering::Relaxed);
    group.bench_function("35KB+5 images, unchanged re-publish", |b| {
        b.iter(|| publish(&mut store, &blog, draft))
    });
    group.finish();
    let republish_uploads = uploads.load(Ordering::Relaxed);
    println!(
        "images uploaded: first publishes {first_uploads} (5 each); re-publishes {republish_uploads}"
    );
    assert_eq!(
        republish_uploads, 0,
        "an unchanged re-publish uploads no image"
    );
}

criterion_group!(benches, bench);
criterion_main!(benches);
