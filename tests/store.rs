//! The store against a real SQLite file in a temporary folder.

use fumi_core::store::{REVISION_INTERVAL_MS, SCHEMA_VERSION};
use fumi_core::{Error, SaveKind, Store};
use rusqlite::Connection;
use tempfile::TempDir;

fn open() -> (TempDir, Store) {
    let dir = tempfile::tempdir().expect("temp dir");
    let store = Store::open(dir.path()).expect("open a fresh store");
    (dir, store)
}

#[test]
fn text_survives_update_and_reopen() {
    let (dir, mut store) = open();
    let draft = store.create_draft("三体", "初稿").expect("create");
    store
        .save_draft(
            draft.id,
            "『三体』を読んで",
            super::support::REVIEW,
            SaveKind::Autosave,
        )
        .expect("save");
    drop(store);

    let store = Store::open(dir.path()).expect("reopen");
    let again = store.draft(draft.id).expect("load");
    assert_eq!(again.title, "『三体』を読んで");
    assert_eq!(again.body, super::support::REVIEW);
    assert!(again.updated_at >= again.created_at);
    store.integrity_check().expect("integrity");
}

#[test]
fn migrates_an_empty_database_to_the_current_schema() {
    let (_dir, store) = open();
    let conn = Connection::open(store.path()).expect("open file");
    let version: i64 = conn
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .expect("version");
    assert_eq!(version, SCHEMA_VERSION);
    let mode: String = conn
        .query_row("PRAGMA journal_mode", [], |r| r.get(0))
        .expect("mode");
    assert_eq!(mode, "wal");
    for table in ["drafts", "revisions", "drafts_fts"] {
        let n: i64 = conn
            .query_row(
                "SELECT count(*) FROM sqlite_schema WHERE name = ?1",
                [table],
                |r| r.get(0),
            )
            .expect("schema");
        assert_eq!(n, 1, "table {table} exists");
    }
}

#[test]
fn refuses_a_database_from_a_newer_fumi_and_leaves_it_alone() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("fumi.sqlite3");
    let conn = Connection::open(&path).expect("create");
    conn.execute_batch("CREATE TABLE future (x); PRAGMA user_version = 99;")
        .expect("future schema");
    drop(conn);

    let err = Store::open(dir.path())
        .err()
        .expect("a newer schema is refused");
    assert!(
        matches!(err, Error::SchemaTooNew { found: 99, .. }),
        "{err:?}"
    );
    assert!(err.to_string().contains("newer version of Fumi"), "{err}");

    let conn = Connection::open(&path).expect("reopen");
    let version: i64 = conn
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .expect("version");
    assert_eq!(version, 99, "the file was not touched");
    let tables: i64 = conn
        .query_row("SELECT count(*) FROM sqlite_schema", [], |r| r.get(0))
        .expect("schema");
    assert_eq!(tables, 1, "no table was added");
}

#[test]
fn a_file_that_is_not_a_database_is_reported_as_such() {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(
        dir.path().join("fumi.sqlite3"),
        "これはデータベースではありません".repeat(100),
    )
    .expect("write");
    let err = Store::open(dir.path()).err().expect("garbage is refused");
    assert_eq!(err.code(), "database_corrupt", "{err}");
}

#[test]
fn a_data_dir_that_cannot_be_created_is_reported() {
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("a-file");
    std::fs::write(&file, "x").expect("write");
    let err = Store::open(&file.join("data"))
        .err()
        .expect("a data dir under a file fails");
    assert_eq!(err.code(), "data_dir", "{err}");
}

#[test]
fn a_locked_database_fails_the_save_with_a_clear_error_and_keeps_the_old_text() {
    let (_dir, mut store) = open();
    let draft = store.create_draft("t", "before").expect("create");
    let other = Connection::open(store.path()).expect("second connection");
    other.execute_batch("BEGIN EXCLUSIVE").expect("lock");

    let err = store
        .save_draft(draft.id, "t", "after", SaveKind::Autosave)
        .expect_err("locked");
    assert_eq!(err.code(), "database_locked", "{err}");
    assert!(err.to_string().contains("still in the editor"), "{err}");

    other.execute_batch("ROLLBACK").expect("unlock");
    assert_eq!(store.draft(draft.id).expect("load").body, "before");
    store
        .save_draft(draft.id, "t", "after", SaveKind::Autosave)
        .expect("save once unlocked");
    assert_eq!(store.draft(draft.id).expect("load").body, "after");
}

#[test]
fn search_finds_japanese_substrings_of_any_length() {
    let (_dir, mut store) = open();
    let weather = store
        .create_draft("日記", "今日は天気が良いので読書会に行った。")
        .expect("create");
    let review = store
        .create_draft("『三体』を読んで", "劉慈欣のSF。Hello World")
        .expect("create");
    let trashed = store
        .create_draft("捨てた下書き", "天気の話")
        .expect("create");
    store.trash_draft(trashed.id).expect("trash");
    let latin = store
        .create_draft("Été", "ＡＢＣ順に並べた本棚")
        .expect("create");

    // Saved drafts are found before the index holds them (on their own text) and after.
    for pass in ["just saved", "indexed"] {
        if pass == "indexed" {
            assert_eq!(store.index_drafts().expect("index"), 4);
        }
        assert_eq!(
            found(&store, "éTÉ"),
            vec![latin.id],
            "{pass}: case in any script, as the index folds it"
        );
        assert_eq!(
            found(&store, "ａｂｃ順"),
            vec![latin.id],
            "{pass}: full-width"
        );
        let ids = |q: &str| found(&store, q);
        assert_eq!(ids("読書会"), vec![weather.id], "{pass}: 3+ characters");
        assert_eq!(
            ids("天気"),
            vec![weather.id],
            "{pass}: 2 characters; the trash is excluded"
        );
        assert_eq!(
            ids("体"),
            vec![review.id],
            "{pass}: 1 character, in a title"
        );
        assert_eq!(
            ids("hello world"),
            vec![review.id],
            "{pass}: ASCII is case-insensitive"
        );
        assert_eq!(ids("月曜"), Vec::<i64>::new());
        assert_eq!(ids("100%"), Vec::<i64>::new(), "LIKE wildcards are literal");
        assert_eq!(
            ids("\"引用\""),
            Vec::<i64>::new(),
            "quotes cannot break the query"
        );
    }
}

/// The drafts `store` finds for `query`, by id.
fn found(store: &Store, query: &str) -> Vec<i64> {
    let mut ids: Vec<i64> = store
        .search(query)
        .expect("search")
        .into_iter()
        .map(|d| d.id)
        .collect();
    ids.sort_unstable();
    ids
}

#[test]
fn short_searches_find_the_last_characters_and_follow_every_save() {
    let (_dir, mut store) = open();
    let coffee = store.create_draft("珈琲", "朝は散歩").expect("create");
    let ascii = store.create_draft("x", "Ab").expect("create");
    // More than 256 trigrams begin with の here: that search reads the drafts instead.
    let many: String = (0..300u32)
        .map(|i| format!("の{}", char::from_u32(0x4E00 + i).expect("a kanji")))
        .collect();
    let common = store.create_draft("多い", &many).expect("create");
    store.index_drafts().expect("index");
    let ids = found;
    assert_eq!(ids(&store, "珈琲"), vec![coffee.id], "a whole title of two");
    assert_eq!(
        ids(&store, "琲"),
        vec![coffee.id],
        "a title's last character"
    );
    assert_eq!(ids(&store, "散歩"), vec![coffee.id], "a body's last two");
    assert_eq!(ids(&store, "歩"), vec![coffee.id], "a body's last one");
    assert_eq!(ids(&store, "ab"), vec![ascii.id], "ASCII case-insensitive");
    assert_eq!(ids(&store, "B"), vec![ascii.id]);
    assert_eq!(ids(&store, "の"), vec![common.id], "past the index's limit");
    assert_eq!(ids(&store, "の丁"), vec![common.id]);
    assert_eq!(
        ids(&store, "歩朝"),
        Vec::<i64>::new(),
        "across the fields' ends"
    );
    assert_eq!(ids(&store, "\""), Vec::<i64>::new());

    // Saved twice before the index reads it again: the index's entry is of the first text.
    store
        .save_draft(coffee.id, "珈琲", "夜は読書", SaveKind::Autosave)
        .expect("save");
    store
        .save_draft(coffee.id, "珈琲", "夜は読書会", SaveKind::Autosave)
        .expect("save");
    for pass in ["just saved", "indexed"] {
        if pass == "indexed" {
            assert_eq!(
                store.index_drafts().expect("index"),
                1,
                "only the saved one"
            );
            assert_eq!(store.index_drafts().expect("index"), 0);
        }
        for gone in ["散歩", "歩", "朝は散"] {
            assert_eq!(
                ids(&store, gone),
                Vec::<i64>::new(),
                "{pass}: {gone} is gone"
            );
        }
        for new in ["書", "読書", "読書会", "書会"] {
            assert_eq!(ids(&store, new), vec![coffee.id], "{pass}: {new} is found");
        }
        assert_eq!(
            ids(&store, "琲"),
            vec![coffee.id],
            "{pass}: the title still"
        );
    }
    store.trash_draft(coffee.id).expect("trash");
    assert_eq!(
        ids(&store, "書"),
        Vec::<i64>::new(),
        "the trash is left out"
    );
    store.purge_draft(coffee.id).expect("purge");
    let in_index = |text: &str| -> i64 {
        Connection::open(store.path())
            .expect("open")
            .query_row(
                "SELECT count(*) FROM drafts_fts WHERE drafts_fts MATCH ?1",
                [format!("\"{text}\"")],
                |r| r.get(0),
            )
            .expect("count")
    };
    assert_eq!(in_index("読書会"), 0, "purged: out of the index");
    assert_eq!(in_index("の丁の"), 1, "the others stay");
}

#[test]
fn autosave_keeps_one_revision_per_interval_and_never_loses_an_idle_text() {
    let (_dir, mut store) = open();
    let d = store.create_draft("", "").expect("create");
    let t0 = 1_000_000;
    store
        .save_draft_at(d.id, "", "a", SaveKind::Autosave, t0)
        .expect("save");
    store
        .save_draft_at(d.id, "", "ab", SaveKind::Autosave, t0 + 500)
        .expect("save");
    store
        .save_draft_at(d.id, "", "abc", SaveKind::Autosave, t0 + 1000)
        .expect("save");
    // The first snapshot is taken of the text being overwritten ("a"); then none until 30 s pass.
    let bodies = |s: &Store| {
        s.revisions(d.id)
            .expect("revisions")
            .into_iter()
            .map(|r| r.body)
            .collect::<Vec<_>>()
    };
    assert_eq!(bodies(&store), vec!["a"]);
    store
        .save_draft_at(
            d.id,
            "",
            "abcd",
            SaveKind::Autosave,
            t0 + REVISION_INTERVAL_MS,
        )
        .expect("save");
    assert_eq!(
        bodies(&store),
        vec!["a"],
        "less than an interval since the last snapshot"
    );
    store
        .save_draft_at(
            d.id,
            "",
            "abcde",
            SaveKind::Autosave,
            t0 + 500 + REVISION_INTERVAL_MS,
        )
        .expect("save");
    assert_eq!(bodies(&store), vec!["abcd", "a"]);
    // Hours later the idle text "abcde" is snapshotted before the next edit replaces it.
    store
        .save_draft_at(d.id, "", "new day", SaveKind::Autosave, t0 + 3_600_000)
        .expect("save");
    assert_eq!(bodies(&store), vec!["abcde", "abcd", "a"]);
    assert_eq!(store.draft(d.id).expect("load").body, "new day");
}

#[test]
fn explicit_save_keeps_the_text_before_and_after() {
    let (_dir, mut store) = open();
    let d = store.create_draft("題", "一").expect("create");
    store
        .save_draft(d.id, "題", "二", SaveKind::Autosave)
        .expect("autosave");
    store
        .save_draft(d.id, "題", "三", SaveKind::Explicit)
        .expect("explicit");
    let bodies: Vec<String> = store
        .revisions(d.id)
        .expect("revisions")
        .into_iter()
        .map(|r| r.body)
        .collect();
    assert_eq!(bodies, vec!["三", "二", "一"]);
    store
        .save_draft(d.id, "題", "三", SaveKind::Explicit)
        .expect("explicit again");
    assert_eq!(
        store.revisions(d.id).expect("revisions").len(),
        3,
        "an unchanged text is not snapshotted twice"
    );
}

#[test]
fn trash_restore_and_purge() {
    let (_dir, mut store) = open();
    let d = store.create_draft("消す", "本文").expect("create");
    store.trash_draft(d.id).expect("trash");
    assert!(store.list_drafts().expect("list").is_empty());
    assert_eq!(store.list_trash().expect("trash")[0].id, d.id);
    store.restore_draft(d.id).expect("restore");
    assert_eq!(store.list_drafts().expect("list")[0].title, "消す");
    store.purge_draft(d.id).expect("purge");
    assert!(matches!(store.draft(d.id), Err(Error::DraftNotFound(_))));
    assert!(
        store.revisions(d.id).expect("revisions").is_empty(),
        "revisions go with the draft"
    );
    assert!(matches!(
        store.trash_draft(d.id),
        Err(Error::DraftNotFound(_))
    ));
}

#[test]
fn saving_an_unknown_draft_is_an_error_not_a_new_draft() {
    let (_dir, mut store) = open();
    let err = store
        .save_draft(42, "t", "b", SaveKind::Autosave)
        .expect_err("unknown id");
    assert!(matches!(err, Error::DraftNotFound(42)));
    assert!(store.list_drafts().expect("list").is_empty());
}

#[test]
fn the_list_shows_the_text_after_the_front_matter() {
    let (_dir, mut store) = open();
    store
        .create_draft(
            "設定つき",
            "---\ncategories: [読書]\nslug: a\n---\n本文の最初。\n",
        )
        .expect("create");
    store
        .create_draft("設定なし", "---\n\n本文\n")
        .expect("create");
    let list = store.list_drafts().expect("list");
    let excerpt = |title: &str| {
        list.iter()
            .find(|d| d.title == title)
            .expect("listed")
            .excerpt
            .clone()
    };
    assert_eq!(excerpt("設定つき"), "本文の最初。");
    // An opening line that is never closed is a thematic break: the text stays.
    assert_eq!(excerpt("設定なし"), "本文");
}

#[test]
fn settings_start_at_their_defaults_are_kept_and_set_the_revision_interval() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut store = Store::open(dir.path()).expect("open");
    let defaults = store.settings().expect("settings");
    assert_eq!(defaults, fumi_core::model::settings::Settings::default());
    assert_eq!(defaults.revision_interval_secs, 30);
    assert_eq!(defaults.editor_font_size, 15);

    let chosen = fumi_core::model::settings::Settings {
        language: fumi_core::model::settings::Language::Ja,
        theme: fumi_core::model::settings::Theme::Dark,
        revision_interval_secs: 300,
        affiliate_tag: "fumi-22".into(),
        welcomed: true,
        ..defaults
    };
    store.save_settings(&chosen).expect("save");
    drop(store);
    let mut store = Store::open(dir.path()).expect("reopen");
    assert_eq!(store.settings().expect("settings"), chosen);

    // Five minutes between revisions: a minute later, no second one.
    let d = store.create_draft("", "a").expect("create");
    let t0 = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .expect("clock")
        .as_millis() as i64
        + 1000;
    for (i, body) in ["ab", "abc", "abcd"].into_iter().enumerate() {
        store
            .save_draft_at(d.id, "", body, SaveKind::Autosave, t0 + 60_000 * i as i64)
            .expect("save");
    }
    assert_eq!(store.revisions(d.id).expect("revisions").len(), 1);
    store
        .save_draft_at(d.id, "", "abcde", SaveKind::Autosave, t0 + 300_000)
        .expect("save");
    assert_eq!(store.revisions(d.id).expect("revisions").len(), 2);
}
