//! The `fumi` command line against a temporary data folder.

use super::support::{REVIEW, fumi, fumi_env, ok};

#[test]
fn new_list_show_edit_search_round_trip() {
    let dir = tempfile::tempdir().expect("temp dir");
    let data = dir.path();
    let id = ok(fumi(
        data,
        &["drafts", "new", "--title", "『三体』を読んで", "-"],
        REVIEW.as_bytes(),
    ));
    let id = id.trim();
    assert!(id.parse::<i64>().is_ok(), "new prints the id: {id:?}");

    let list = ok(fumi(data, &["drafts", "list"], b""));
    assert!(
        list.starts_with(&format!("{id}\t")) && list.contains("『三体』を読んで"),
        "{list}"
    );

    let shown = ok(fumi(data, &["drafts", "show", id], b""));
    let (header, body) = shown.split_once("\n\n").expect("header, blank line, body");
    assert!(
        header.contains("Title: 『三体』を読んで") && header.contains("Status: draft"),
        "{header}"
    );
    assert_eq!(body, REVIEW);

    let file = dir.path().join("v2.md");
    std::fs::write(&file, "# 第二稿\n\n書き直した。\n").expect("write");
    ok(fumi(
        data,
        &["drafts", "edit", id, file.to_str().expect("utf-8 path")],
        b"",
    ));
    let shown = ok(fumi(data, &["drafts", "show", id], b""));
    assert!(shown.ends_with("\n\n# 第二稿\n\n書き直した。\n"), "{shown}");
    assert!(
        shown.contains("Title: 『三体』を読んで"),
        "edit keeps the title: {shown}"
    );

    let found = ok(fumi(data, &["drafts", "search", "書き直"], b""));
    assert!(found.starts_with(&format!("{id}\t")), "{found}");
    let found = ok(fumi(data, &["drafts", "search", "劉慈欣"], b""));
    assert_eq!(found, "", "the old text is no longer the draft's body");
}

#[test]
fn edit_keeps_the_replaced_text_as_a_revision() {
    let dir = tempfile::tempdir().expect("temp dir");
    let id = ok(fumi(
        dir.path(),
        &["drafts", "new", "--title", "t", "-"],
        "初稿".as_bytes(),
    ));
    ok(fumi(
        dir.path(),
        &["drafts", "edit", id.trim(), "-"],
        "第二稿".as_bytes(),
    ));
    let store = fumi_core::Store::open(dir.path()).expect("open");
    let bodies: Vec<String> = store
        .revisions(id.trim().parse().expect("id"))
        .expect("revisions")
        .into_iter()
        .map(|r| r.body)
        .collect();
    assert_eq!(bodies, vec!["第二稿", "初稿"]);
}

#[test]
fn delete_and_restore() {
    let dir = tempfile::tempdir().expect("temp dir");
    let id = ok(fumi(dir.path(), &["drafts", "new", "--title", "消す"], b""));
    let id = id.trim();
    ok(fumi(dir.path(), &["drafts", "delete", id], b""));
    assert_eq!(ok(fumi(dir.path(), &["drafts", "list"], b"")), "");
    assert!(ok(fumi(dir.path(), &["drafts", "list", "--trash"], b"")).contains("消す"));
    ok(fumi(dir.path(), &["drafts", "restore", id], b""));
    assert!(ok(fumi(dir.path(), &["drafts", "list"], b"")).contains("消す"));
}

#[test]
fn render_prints_sanitized_html() {
    let dir = tempfile::tempdir().expect("temp dir");
    let html = ok(fumi(
        dir.path(),
        &["render"],
        "# 題\n\n**太字**<script>alert(1)</script>\n".as_bytes(),
    ));
    assert!(html.contains("<strong") && html.contains("太字"), "{html}");
    assert!(!html.contains("<script"), "{html}");
    assert!(
        !dir.path().join("fumi.sqlite3").exists(),
        "render needs no database"
    );
}

#[test]
fn proofread_prints_each_finding_at_its_line_and_column_in_the_locales_language() {
    let data = tempfile::tempdir().expect("temp dir");
    let text = "# 感想\n\n𠮷野家でｶﾞｲﾄﾞを読んだ。\n\n> 引用の見れるは対象外。\n";
    let en = ok(fumi(data.path(), &["proofread", "-"], text.as_bytes()));
    assert_eq!(
        en,
        "3:5\thalf_width_kana\tHalf-width katakana 「ｶﾞｲﾄﾞ」: the full-width form is 「ガイド」.\t→ \"ガイド\"\n"
    );
    let ja = ok(fumi_env(
        data.path(),
        &["proofread"],
        text.as_bytes(),
        &[("LANG", "ja_JP.UTF-8".to_owned())],
    ));
    assert!(
        ja.starts_with("3:5\thalf_width_kana\t半角カタカナ「ｶﾞｲﾄﾞ」は全角の「ガイド」"),
        "{ja}"
    );
    // The REVIEW the other tests use is clean.
    assert_eq!(ok(fumi(data.path(), &["proofread"], REVIEW.as_bytes())), "");
}

#[test]
fn bad_input_gives_a_clear_error_and_a_failing_exit() {
    let dir = tempfile::tempdir().expect("temp dir");
    let data = dir.path();
    let cases: Vec<(Vec<&str>, &[u8], &str)> = vec![
        (
            vec!["drafts", "new", "--title", "t", "/no/such/file.md"],
            b"",
            "Cannot read /no/such/file.md",
        ),
        (
            vec!["drafts", "new", "--title", "t", "-"],
            b"ok \xff\xfe bad",
            "not UTF-8 text (invalid byte at offset 3)",
        ),
        (vec!["render", "-"], b"\xe6\x96", "not UTF-8"),
        (
            vec!["drafts", "show", "999"],
            b"",
            "There is no draft with id 999.",
        ),
        (
            vec!["drafts", "edit", "999", "-"],
            b"text",
            "There is no draft with id 999.",
        ),
        (
            vec!["drafts", "delete", "999"],
            b"",
            "There is no draft with id 999.",
        ),
        // A mistyped command is not taken for a file to open in the window.
        (
            vec!["pubish", "3"],
            b"",
            "pubish is neither a command nor a file",
        ),
    ];
    for (args, stdin, expected) in cases {
        let out = fumi(data, &args, stdin);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(!out.status.success(), "{args:?} must fail");
        assert!(
            stderr.starts_with("fumi: ") && stderr.contains(expected),
            "{args:?}: {stderr}"
        );
    }
    // A 1 GB file offered as a draft is refused (reading stops at the limit; the file is sparse).
    let huge = dir.path().join("huge.md");
    std::fs::File::create(&huge)
        .and_then(|f| f.set_len(1 << 30))
        .expect("a sparse 1 GB file");
    let out = fumi(
        data,
        &[
            "drafts",
            "new",
            "--title",
            "t",
            huge.to_str().expect("path"),
        ],
        b"",
    );
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success());
    assert!(stderr.contains("is larger than 64 MB"), "{stderr}");
    let out = fumi(data, &["drafts", "show", "not-a-number"], b"");
    assert_eq!(out.status.code(), Some(2), "usage errors exit 2");
    assert_eq!(
        ok(fumi(data, &["drafts", "list"], b"")),
        "",
        "nothing was created by the failures"
    );
}

#[test]
fn list_filters_by_tag_and_status_sorts_and_counts_tags() {
    let dir = tempfile::tempdir().expect("temp dir");
    let data = dir.path();
    let new = |title: &str, body: &str| {
        ok(fumi(
            data,
            &["drafts", "new", "--title", title, "-"],
            body.as_bytes(),
        ))
        .trim()
        .to_owned()
    };
    let first = new("一冊目", "---\ncategories: [読書]\ntags: [SF]\n---\n本文");
    let second = new("二冊目", "---\ntags: SF\n---\n本文");
    // Saved last, so it leads the default order but not the order of creation.
    ok(fumi(
        data,
        &["drafts", "edit", &first, "-"],
        b"---\ntags: [SF, \xe8\xaa\xad\xe6\x9b\xb8]\n---\n",
    ));

    let rows = |args: &[&str]| -> Vec<String> {
        ok(fumi(data, args, b""))
            .lines()
            .map(|l| l.split('\t').next().unwrap_or_default().to_owned())
            .collect()
    };
    assert_eq!(rows(&["drafts", "list"]), [first.clone(), second.clone()]);
    assert_eq!(
        rows(&["drafts", "list", "--sort", "created"]),
        [second.clone(), first.clone()]
    );
    assert_eq!(
        rows(&["drafts", "list", "--tag", "読書"]),
        std::slice::from_ref(&first)
    );
    assert_eq!(
        rows(&["drafts", "list", "--status", "draft", "--tag", "SF"]).len(),
        2
    );
    assert!(rows(&["drafts", "list", "--status", "published"]).is_empty());
    let listed = ok(fumi(data, &["drafts", "list"], b""));
    assert!(listed.contains("\tdraft\t二冊目"), "{listed}");
    assert_eq!(ok(fumi(data, &["drafts", "tags"], b"")), "2\tSF\n1\t読書\n");

    let out = fumi(data, &["drafts", "list", "--blog", "ない"], b"");
    assert!(!out.status.success());
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("ない"),
        "names the blog"
    );
}

#[test]
fn a_database_from_a_newer_fumi_is_refused() {
    let dir = tempfile::tempdir().expect("temp dir");
    let conn = rusqlite::Connection::open(dir.path().join("fumi.sqlite3")).expect("create");
    conn.execute_batch("PRAGMA user_version = 999;")
        .expect("future version");
    drop(conn);
    let out = fumi(dir.path(), &["drafts", "list"], b"");
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("newer version of Fumi"));
}

#[test]
fn data_dir_comes_from_the_environment_when_no_flag_is_given() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = std::process::Command::new(super::support::FUMI)
        .args(["drafts", "new", "--title", "env"])
        .env("FUMI_DATA_DIR", dir.path())
        .stdin(std::process::Stdio::null())
        .output()
        .expect("run");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(dir.path().join("fumi.sqlite3").exists());
}

#[test]
fn errors_speak_the_locales_language_from_the_catalog_with_the_command_lines_hint() {
    let dir = tempfile::tempdir().expect("temp dir");
    let data = dir.path();
    let id = String::from_utf8(fumi(data, &["drafts", "new", "--title", "t"], b"x").stdout)
        .expect("utf-8");
    let publish = ["publish", id.trim(), "--blog", "nope"];

    let out = fumi(data, &publish, b"");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(
        stderr,
        "fumi: There is no blog named “nope”.\n`fumi blogs list` shows the blogs.\n"
    );

    let japanese = [("LANG", "ja_JP.UTF-8".to_owned())];
    let out = fumi_env(data, &publish, b"", &japanese);
    assert!(!out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(
        stderr,
        "fumi: 「nope」という名前のブログはありません。\nブログの一覧は `fumi blogs list` で表示できます。\n"
    );
    // LC_ALL wins over LANG, as POSIX says.
    let out = fumi_env(
        data,
        &["drafts", "show", "999"],
        b"",
        &[
            ("LANG", "en_US.UTF-8".to_owned()),
            ("LC_ALL", "ja_JP.UTF-8".to_owned()),
        ],
    );
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        "fumi: ID 999 の下書きはありません。\n"
    );
}
