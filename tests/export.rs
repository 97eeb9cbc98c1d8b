//! Export-all into a folder, import-all into an empty data folder: every draft and image comes
//! back byte for byte.

use super::support::{fumi, ok};

const RED_PNG: &[u8] = include_bytes!("support/images/red.png");

/// A data folder holding one image, and the image's Markdown reference.
fn data_with_an_image() -> (tempfile::TempDir, String) {
    let data = tempfile::tempdir().expect("temp dir");
    let image = data.path().join("表紙.png");
    std::fs::write(&image, RED_PNG).expect("image");
    let reference = ok(fumi(
        data.path(),
        &["add-image", image.to_str().expect("utf-8")],
        b"",
    ));
    (data, reference)
}

#[test]
fn export_all_then_import_all_round_trips_every_draft_and_image_byte_for_byte() {
    let (data, reference) = data_with_an_image();
    let bodies = [
        (
            "『三体』を読んで",
            format!("---\ncategories: [書評]\nslug: santai\n---\n# 三体\n\n{reference}本文。\n"),
        ),
        ("", "題名のない下書き。\n".to_owned()),
        (
            "a/b: \"quoted\"",
            "---\n---\n空のブロックから。\n".to_owned(),
        ),
        ("CRLF", "一行目\r\n二行目\r\n".to_owned()),
        ("空", String::new()),
    ];
    for (title, body) in &bodies {
        ok(fumi(
            data.path(),
            &["drafts", "new", "--title", title, "-"],
            body.as_bytes(),
        ));
    }
    let trashed = ok(fumi(
        data.path(),
        &["drafts", "new", "--title", "捨てた", "-"],
        b"x",
    ));
    ok(fumi(
        data.path(),
        &["drafts", "delete", trashed.trim()],
        b"",
    ));

    // The first draft is a review: its book (facts, rating, dates, cover) goes along.
    let book = fumi_core::model::book::Book {
        isbn: Some("9784152098702".parse().expect("isbn")),
        facts: fumi_core::model::book::BookFacts {
            title: "三体".into(),
            authors: vec!["劉慈欣".into()],
            publisher: "早川書房".into(),
            published: "2019-07-04".into(),
            pages: Some(448),
            cover_url: None,
        },
        rating: Some(5),
        started_on: Some("2026-11-01".into()),
        finished_on: Some("2026-11-20".into()),
        cover: Some(
            reference
                .trim()
                .trim_start_matches("![](")
                .trim_end_matches(')')
                .to_owned(),
        ),
    };
    {
        let mut store = fumi_core::Store::open(data.path()).expect("open");
        let first = store
            .list_drafts()
            .expect("list")
            .iter()
            .map(|d| d.id)
            .min()
            .expect("a draft");
        store.set_book(first, &book).expect("book");
    }

    let export = tempfile::tempdir().expect("temp dir");
    let dir = export.path().join("export");
    let dir_arg = dir.to_str().expect("utf-8");
    assert_eq!(
        ok(fumi(data.path(), &["export-all", dir_arg], b"")),
        "5 drafts, 1 images\n"
    );
    // Readable by other tools: the title is in the front matter.
    let first = std::fs::read_to_string(dir.join("drafts/0001-『三体』を読んで.md")).expect("file");
    assert!(
        first.starts_with("---\ntitle: \"『三体』を読んで\"\ncategories: [書評]\n"),
        "{first}"
    );
    // Never into a folder holding other files.
    let again = fumi(data.path(), &["export-all", dir_arg], b"");
    assert!(String::from_utf8_lossy(&again.stderr).contains("is not empty"));

    let fresh = tempfile::tempdir().expect("temp dir");
    assert_eq!(
        ok(fumi(fresh.path(), &["import-all", dir_arg], b"")),
        "5 drafts, 1 images\n"
    );
    let from = fumi_core::Store::open(data.path()).expect("open");
    let to = fumi_core::Store::open(fresh.path()).expect("open");
    let mut before: Vec<_> = from
        .list_drafts()
        .expect("list")
        .iter()
        .map(|s| from.draft(s.id).expect("draft"))
        .map(|d| (d.title, d.body))
        .collect();
    let mut after: Vec<_> = to
        .list_drafts()
        .expect("list")
        .iter()
        .map(|s| to.draft(s.id).expect("draft"))
        .map(|d| (d.title, d.body))
        .collect();
    before.sort();
    after.sort();
    assert_eq!(after, before, "every title and body, byte for byte");
    assert_eq!(
        to.asset_hashes().expect("hashes"),
        from.asset_hashes().expect("hashes")
    );
    let hash = &from.asset_hashes().expect("hashes")[0];
    assert_eq!(to.asset(hash).expect("image").bytes, RED_PNG);
    let books = to.reviewed_books().expect("books");
    assert_eq!(books.len(), 1);
    assert_eq!(books[0].review_title, "『三体』を読んで");
    assert_eq!(books[0].book, book, "the book, its rating, dates and cover");
}

#[test]
fn a_draft_exports_as_markdown_that_reads_back_and_as_html_that_stands_alone() {
    let (data, reference) = data_with_an_image();
    let body = format!("---\ntags: [SF]\n---\n# 三体 & <続編>\n\n{reference}\n本文𠮷。\n");
    let id = ok(fumi(
        data.path(),
        &["drafts", "new", "--title", "『三体』<書評>", "-"],
        body.as_bytes(),
    ));
    let id = id.trim();

    let md = data.path().join("out.md");
    ok(fumi(
        data.path(),
        &["drafts", "export", id, md.to_str().expect("utf-8")],
        b"",
    ));
    let text = std::fs::read_to_string(&md).expect("the Markdown file");
    assert!(
        text.starts_with("---\ntitle: \"『三体』<書評>\"\ntags: [SF]\n---\n"),
        "{text}"
    );
    // Opening the file with Fumi gives back the same title and body.
    let (title, back) = fumi_core::draft_file::from_markdown_file("out.md", &text);
    assert_eq!(
        (title.as_str(), back.as_str()),
        ("『三体』<書評>", body.as_str())
    );

    let html = data.path().join("out.html");
    ok(fumi(
        data.path(),
        &[
            "drafts",
            "export",
            id,
            html.to_str().expect("utf-8"),
            "--html",
        ],
        b"",
    ));
    let page = std::fs::read_to_string(&html).expect("the HTML file");
    assert!(page.starts_with("<!doctype html>"), "{page}");
    assert!(
        page.contains("<title>『三体』&lt;書評&gt;</title>"),
        "the title is escaped"
    );
    assert!(page.contains("本文𠮷。"));
    assert!(!page.contains("tags:"), "the front matter is not shown");
    assert!(
        !page.contains("fumi-asset:"),
        "no reference to Fumi's database is left"
    );
    assert!(
        page.contains("src=\"data:image/png;base64,"),
        "the image is inside the page"
    );
}
