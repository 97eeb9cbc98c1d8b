//! The library: filters by status, blog and tag, two orders, and the tag index kept from the
//! drafts' front matter — against a real SQLite file.

use fumi_core::model::library::{LibraryQuery, SortOrder};
use fumi_core::model::post::RemotePost;
use fumi_core::{BlogKind, DraftId, DraftStatus, SaveKind, Store};
use rusqlite::Connection;

fn ids(store: &Store, query: LibraryQuery) -> Vec<DraftId> {
    store
        .library(&query)
        .expect("library")
        .iter()
        .map(|d| d.id)
        .collect()
}

fn sent(status: &str) -> RemotePost {
    RemotePost {
        id: format!("remote-{status}"),
        url: "https://blog.example/p".into(),
        status: fumi_core::model::post::PostState::from_word(status),
        ..RemotePost::default()
    }
}

#[test]
fn filters_by_status_blog_and_tag_and_sorts_both_ways() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut store = Store::open(dir.path()).expect("open");
    let books = store
        .add_blog(
            "books",
            BlogKind::WordPress,
            "https://books.example",
            "me",
            "k1",
        )
        .expect("blog");
    let diary = store
        .add_blog(
            "diary",
            BlogKind::Hatena,
            "https://diary.example",
            "me",
            "k2",
        )
        .expect("blog");
    let live = store
        .create_draft(
            "三体",
            "---\ncategories: [読書]\ntags: [SF, 劉慈欣]\n---\n本文",
        )
        .expect("draft");
    let edited = store
        .create_draft("火星の人", "---\ntags: SF\n---\n本文")
        .expect("draft");
    let scheduled = store.create_draft("来週の本", "予告").expect("draft");
    let on_blog_as_draft = store.create_draft("下書き", "途中").expect("draft");
    let never_sent = store
        .create_draft("メモ", "---\ntags: [メモ]\n---\n")
        .expect("draft");

    store
        .record_published(live.id, books.id, "h", &sent("publish"))
        .expect("record");
    store
        .record_published(edited.id, diary.id, "h", &sent("publish"))
        .expect("record");
    store
        .record_published(scheduled.id, books.id, "h", &sent("future"))
        .expect("record");
    store
        .record_published(on_blog_as_draft.id, books.id, "h", &sent("draft"))
        .expect("record");
    // Saved a minute after it was sent.
    let later = store.draft(edited.id).expect("draft").updated_at + 60_000;
    store
        .save_draft_at(
            edited.id,
            "火星の人",
            "---\ntags: SF\n---\n加筆",
            SaveKind::Autosave,
            later,
        )
        .expect("save");

    let status = |s| LibraryQuery {
        status: Some(s),
        ..LibraryQuery::default()
    };
    assert_eq!(ids(&store, status(DraftStatus::Published)), [live.id]);
    assert_eq!(ids(&store, status(DraftStatus::Modified)), [edited.id]);
    assert_eq!(ids(&store, status(DraftStatus::Scheduled)), [scheduled.id]);
    assert_eq!(
        ids(&store, status(DraftStatus::Draft)),
        [never_sent.id, on_blog_as_draft.id]
    );
    assert_eq!(
        store.summary(edited.id).expect("row").status,
        DraftStatus::Modified
    );
    assert_eq!(
        store.draft(live.id).expect("draft").status,
        DraftStatus::Published
    );

    let blog = |b| LibraryQuery {
        blog: Some(b),
        ..LibraryQuery::default()
    };
    assert_eq!(ids(&store, blog(diary.id)), [edited.id]);
    assert_eq!(
        ids(&store, blog(books.id)),
        [on_blog_as_draft.id, scheduled.id, live.id]
    );

    let tag = |t: &str, text: &str| LibraryQuery {
        tag: Some(t.into()),
        text: text.into(),
        ..LibraryQuery::default()
    };
    // Categories count as tags; the edited draft was saved last, so it leads.
    assert_eq!(ids(&store, tag("SF", "")), [edited.id, live.id]);
    assert_eq!(ids(&store, tag("読書", "")), [live.id]);
    assert_eq!(ids(&store, tag("SF", "加筆")), [edited.id]);
    assert_eq!(
        ids(&store, tag("SF", "三")),
        [live.id],
        "a one-character search"
    );
    assert!(ids(&store, tag("ない", "")).is_empty());
    assert_eq!(
        store.summary(live.id).expect("row").tags,
        ["SF", "劉慈欣", "読書"]
    );

    // Every part at once.
    let all = LibraryQuery {
        text: "本文".into(),
        status: Some(DraftStatus::Published),
        blog: Some(books.id),
        tag: Some("劉慈欣".into()),
        sort: SortOrder::Created,
    };
    assert_eq!(ids(&store, all), [live.id]);

    let by = |sort| LibraryQuery {
        sort,
        ..LibraryQuery::default()
    };
    assert_eq!(
        ids(&store, by(SortOrder::Created)),
        [
            never_sent.id,
            on_blog_as_draft.id,
            scheduled.id,
            edited.id,
            live.id
        ]
    );
    assert_eq!(ids(&store, by(SortOrder::Updated))[0], edited.id);

    // The counts leave the trash out; a save that drops a tag drops it from the index.
    let counts = |store: &Store| -> Vec<(String, u32)> {
        store
            .tags()
            .expect("tags")
            .into_iter()
            .map(|t| (t.tag, t.drafts))
            .collect()
    };
    assert_eq!(
        counts(&store),
        [
            ("SF".to_owned(), 2),
            ("メモ".to_owned(), 1),
            ("劉慈欣".to_owned(), 1),
            ("読書".to_owned(), 1)
        ]
    );
    store.trash_draft(never_sent.id).expect("trash");
    store
        .save_draft(edited.id, "火星の人", "加筆", SaveKind::Autosave)
        .expect("save");
    assert_eq!(
        counts(&store),
        [
            ("SF".to_owned(), 1),
            ("劉慈欣".to_owned(), 1),
            ("読書".to_owned(), 1)
        ]
    );
    assert!(
        ids(&store, tag("メモ", "")).is_empty(),
        "trashed drafts stay out"
    );
}

#[test]
fn upgrading_indexes_the_tags_and_excerpts_of_existing_drafts() {
    let dir = tempfile::tempdir().expect("temp dir");
    let store = Store::open(dir.path()).expect("open");
    let path = store.path().to_path_buf();
    drop(store);
    // The database as schema 8 left it: drafts with front matter, no tag index (nor books).
    let conn = Connection::open(&path).expect("open file");
    conn.execute_batch(
        "DROP INDEX drafts_list_by_updated; DROP INDEX drafts_list_by_created;
         ALTER TABLE drafts DROP COLUMN excerpt; ALTER TABLE drafts DROP COLUMN tags;
         CREATE INDEX drafts_by_updated ON drafts (deleted_at, updated_at DESC);
         DROP TRIGGER publications_insert_sync_dirty; DROP TRIGGER publications_update_sync_dirty;
         DROP TRIGGER publications_delete_sync_dirty;
         DROP TRIGGER drafts_sync_purged; DROP TABLE sync_purged;
         DROP TRIGGER books_insert_sync_dirty; DROP TRIGGER books_update_sync_dirty;
         DROP TRIGGER books_delete_sync_dirty;
         DROP TABLE sync_conflicts; DROP TABLE sync_remote; DROP TRIGGER drafts_sync_dirty;
         DROP INDEX drafts_by_sync_id; ALTER TABLE drafts DROP COLUMN sync_id; ALTER TABLE drafts DROP COLUMN sync_dirty;
         DROP TABLE blog_styles; DROP TABLE blog_categories; DROP TABLE page_cards; DROP TABLE local_file_consent; ALTER TABLE blogs DROP COLUMN secret_key;
         DROP TABLE book_lookups; DROP TABLE books;
         DROP TABLE draft_tags; DROP INDEX drafts_by_created;
         DROP TABLE drafts_fts_terms; DROP TRIGGER drafts_fts_insert; DROP TRIGGER drafts_fts_update;
         DROP TRIGGER drafts_fts_delete; DROP TABLE drafts_unindexed; DROP TABLE drafts_fts;
         CREATE VIRTUAL TABLE drafts_fts USING fts5 (
             title, body, content = 'drafts', content_rowid = 'id', tokenize = 'trigram'
         );
         CREATE TRIGGER drafts_fts_insert AFTER INSERT ON drafts BEGIN
             INSERT INTO drafts_fts (rowid, title, body) VALUES (new.id, new.title, new.body);
         END;
         CREATE TRIGGER drafts_fts_delete AFTER DELETE ON drafts BEGIN
             INSERT INTO drafts_fts (drafts_fts, rowid, title, body) VALUES ('delete', old.id, old.title, old.body);
         END;
         CREATE TRIGGER drafts_fts_update AFTER UPDATE OF title, body ON drafts BEGIN
             INSERT INTO drafts_fts (drafts_fts, rowid, title, body) VALUES ('delete', old.id, old.title, old.body);
             INSERT INTO drafts_fts (rowid, title, body) VALUES (new.id, new.title, new.body);
         END;
         PRAGMA user_version = 8;
         INSERT INTO drafts (title, body, created_at, updated_at)
             VALUES ('三体', '---' || char(10) || 'tags: [SF, 読書]' || char(10) || '---' || char(10) || '本文', 1, 1),
                    ('壊れた', '---' || char(10) || 'tags: [' || char(10) || '---' || char(10), 2, 2);",
    )
    .expect("downgrade");
    drop(conn);

    let store = Store::open(dir.path()).expect("upgrade");
    let tagged = store
        .library(&LibraryQuery {
            tag: Some("読書".into()),
            ..LibraryQuery::default()
        })
        .expect("library");
    assert_eq!(tagged.len(), 1);
    assert_eq!(tagged[0].title, "三体");
    assert_eq!(tagged[0].tags, ["SF", "読書"]);
    assert_eq!(
        tagged[0].excerpt, "本文",
        "the list's excerpt, after the front matter"
    );
    assert_eq!(
        store.tags().expect("tags").len(),
        2,
        "the broken block has none"
    );
    let found = store.search("本文").expect("search");
    assert_eq!(found.len(), 1, "the text's last characters, indexed again");
    assert_eq!(found[0].title, "三体");
}

/// Pages read one after another list what the whole query lists, in its order, drafts saved in
/// the same millisecond included; the count is the whole list's.
#[test]
fn pages_follow_one_another_and_count_the_whole_list() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut store = Store::open(dir.path()).expect("open");
    for i in 0..23 {
        let body = match i % 3 {
            0 => format!("珈琲の話 {i}"),
            _ => format!("散歩 {i}"),
        };
        store
            .create_draft(&format!("下書き {i}"), &body)
            .expect("draft");
    }
    // Ties in both orders, which only the id can break.
    let conn = Connection::open(store.path()).expect("db");
    conn.execute_batch("UPDATE drafts SET updated_at = 1000 + id / 4, created_at = 2000 - id / 5;")
        .expect("ties");
    drop(conn);
    store.index_drafts().expect("index");
    for sort in [SortOrder::Updated, SortOrder::Created] {
        for text in ["", "珈琲", "の", "下書き"] {
            let query = LibraryQuery {
                text: text.into(),
                sort,
                ..LibraryQuery::default()
            };
            let whole = ids(&store, query.clone());
            let mut paged = Vec::new();
            let mut after = None;
            loop {
                let page = store.library_page(&query, after, 4).expect("page");
                assert!(page.drafts.len() <= 4);
                paged.extend(page.drafts.iter().map(|d| d.id));
                match page.next {
                    Some(next) => after = Some(next),
                    None => break,
                }
            }
            assert_eq!(paged, whole, "{sort:?} {text:?}");
            assert_eq!(
                store.library_count(&query).expect("count") as usize,
                whole.len()
            );
        }
    }
    let coffee = LibraryQuery {
        text: "珈琲".into(),
        ..LibraryQuery::default()
    };
    assert_eq!(store.library_count(&coffee).expect("count"), 8);
    let first = store.library_page(&coffee, None, 8).expect("page");
    assert_eq!(first.drafts.len(), 8);
    assert_eq!(first.next, None, "no page after the last");

    // A draft saved between two pages moves to the top: the next page neither repeats nor
    // skips any of the others.
    let query = LibraryQuery::default();
    let first = store.library_page(&query, None, 5).expect("page");
    let moved = store
        .library_page(&query, first.next, 5)
        .expect("page")
        .drafts[2]
        .id;
    store
        .save_draft(moved, "動いた", "新しい本文", SaveKind::Autosave)
        .expect("save");
    let mut seen: Vec<DraftId> = first.drafts.iter().map(|d| d.id).collect();
    let mut after = first.next;
    while let Some(cursor) = after {
        let page = store.library_page(&query, Some(cursor), 5).expect("page");
        seen.extend(page.drafts.iter().map(|d| d.id));
        after = page.next;
    }
    let mut others = ids(&store, query);
    others.retain(|id| *id != moved);
    seen.retain(|id| *id != moved);
    others.sort_unstable();
    seen.sort_unstable();
    assert_eq!(seen, others, "each other draft listed once");
}

#[test]
fn a_draft_is_asked_whether_it_matches_as_it_is_now() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut store = Store::open(dir.path()).expect("open");
    let memo = store.create_draft("メモ", "散歩の途中で").expect("draft");
    let review = store
        .create_draft("三体", "---\ntags: [SF]\n---\n本文")
        .expect("draft");
    store.index_drafts().expect("index");
    let dog = LibraryQuery {
        text: "犬".into(),
        ..LibraryQuery::default()
    };
    let walk = LibraryQuery {
        text: "散歩の".into(),
        ..LibraryQuery::default()
    };
    let sf = LibraryQuery {
        tag: Some("SF".into()),
        ..LibraryQuery::default()
    };
    assert!(!store.library_has(&dog, memo.id).expect("has"));
    assert!(store.library_has(&walk, memo.id).expect("has"));
    assert!(!store.library_has(&walk, review.id).expect("has"));
    assert!(store.library_has(&sf, review.id).expect("has"));
    assert!(!store.library_has(&sf, memo.id).expect("has"));

    // Saved, not yet indexed for search: it matches by its new text and tags at once.
    store
        .save_draft(
            memo.id,
            "メモ",
            "---\ntags: [SF]\n---\n犬と散歩",
            SaveKind::Autosave,
        )
        .expect("save");
    assert!(store.library_has(&dog, memo.id).expect("has"));
    assert!(!store.library_has(&walk, memo.id).expect("has"));
    assert!(store.library_has(&sf, memo.id).expect("has"));
    // A draft in the trash matches nothing.
    store.trash_draft(memo.id).expect("trash");
    assert!(!store.library_has(&dog, memo.id).expect("has"));
    assert!(
        !store
            .library_has(&LibraryQuery::default(), memo.id)
            .expect("has")
    );
}
