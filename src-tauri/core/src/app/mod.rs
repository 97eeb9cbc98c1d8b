//! `App`: the one API every caller uses — the window's commands, the CLI and the tests. Each
//! method is one thing the author does; callers only parse their input and show the result.

mod blog_style;
mod blogs;
mod books;
mod drafts;
mod first_screen;
mod page_cards;
mod preview;
mod proofread;
mod sync;

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, MutexGuard, OnceLock};

use crate::error::Result;
use crate::render::Renderer;
use crate::store::{Pool, Reader, Store};

/// Fumi on one data folder: its database connections and its renderer.
pub struct App {
    data_dir: PathBuf,
    pool: Pool,
    /// Built on first use: it loads every syntax definition, which a CLI command that renders
    /// nothing should not pay for.
    renderer: OnceLock<Arc<Renderer>>,
    /// The embedded pages being read, and those that could not be.
    card_reads: page_cards::CardReads,
    /// Held by a sync from start to end: one sync of a data folder at a time.
    sync_lock: Mutex<()>,
    /// The blocks of the draft last proofread, kept for the next keystroke's check.
    proofreader: Mutex<crate::proofread::Proofreader>,
}

impl App {
    /// Opens (creating and migrating if needed) the data in `data_dir`.
    pub fn open(data_dir: &Path) -> Result<App> {
        Ok(App {
            data_dir: data_dir.to_path_buf(),
            pool: Pool::open(data_dir)?,
            renderer: OnceLock::new(),
            card_reads: page_cards::CardReads::default(),
            sync_lock: Mutex::new(()),
            proofreader: Mutex::default(),
        })
    }

    /// Opens the data in `data_dir` with a renderer already built (the window's, which its
    /// preview shares even when the data cannot be opened).
    pub fn with_renderer(data_dir: &Path, renderer: Arc<Renderer>) -> Result<App> {
        let app = App::open(data_dir)?;
        let _ = app.renderer.set(renderer);
        Ok(app)
    }

    /// The data folder.
    pub fn data_dir(&self) -> &Path {
        &self.data_dir
    }

    /// The renderer of the preview and of published posts.
    pub fn renderer(&self) -> &Renderer {
        self.renderer.get_or_init(|| Arc::new(Renderer::new()))
    }

    /// The writing connection, held for one change.
    pub fn writer(&self) -> MutexGuard<'_, Store> {
        self.pool.writer()
    }

    /// A read-only connection, which never waits behind a write or another read.
    pub fn reader(&self) -> Result<Reader> {
        self.pool.reader()
    }

    /// A connection of its own for work that waits on the network (a publish, a lookup): it
    /// writes little, late and briefly, so the writer stays free for autosave meanwhile.
    pub fn connection(&self) -> Result<Store> {
        Store::open(&self.data_dir)
    }
}

#[cfg(test)]
mod tests {
    use super::App;
    use crate::model::book::BookOrder;
    use crate::model::draft::SaveKind;
    use crate::model::library::LibraryQuery;

    #[test]
    fn a_draft_written_through_the_app_is_read_back_by_its_readers() {
        let dir = tempfile::tempdir().expect("temp dir");
        let app = App::open(dir.path()).expect("open");
        let draft = app.create_draft("読書記録", "").expect("create");
        app.save_draft(
            draft.id,
            "読書記録",
            "# 読書記録\n\n天気の話。\n",
            SaveKind::Autosave,
        )
        .expect("save");
        // A reader sees the writer's commit at once.
        assert_eq!(
            app.draft(draft.id).expect("read").body,
            "# 読書記録\n\n天気の話。\n"
        );
        let found = app.search("天気").expect("search");
        assert_eq!(found.iter().map(|d| d.id).collect::<Vec<_>>(), [draft.id]);
        let listed = app.library(&LibraryQuery::default()).expect("library");
        assert_eq!(listed.len(), 1);

        app.trash_draft(draft.id).expect("trash");
        assert!(
            app.library(&LibraryQuery::default())
                .expect("library")
                .is_empty()
        );
        assert_eq!(app.trash().expect("trash").len(), 1);
        app.restore_draft(draft.id).expect("restore");
        assert!(
            app.reviewed_books(BookOrder::Read)
                .expect("books")
                .is_empty()
        );
    }

    #[test]
    fn the_first_screen_holds_the_list_and_the_newest_draft() {
        let dir = tempfile::tempdir().expect("temp dir");
        let app = App::open(dir.path()).expect("open");
        let empty = app.first_screen().expect("first screen");
        assert_eq!((empty.draft, empty.trash), (None, 0));
        assert!(empty.library.drafts.is_empty() && empty.blogs.is_empty());
        let old = app.create_draft("古い", "前の本").expect("create");
        let gone = app.create_draft("消した", "").expect("create");
        app.trash_draft(gone.id).expect("trash");
        let newest = app
            .create_draft("新しい", "---\ntags: [読書]\n---\n本文")
            .expect("create");
        let screen = app.first_screen().expect("first screen");
        assert_eq!(screen.draft.map(|d| d.body), Some(newest.body));
        assert_eq!(
            screen
                .library
                .drafts
                .iter()
                .map(|d| d.id)
                .collect::<Vec<_>>(),
            [newest.id, old.id]
        );
        assert_eq!(screen.trash, 1);
        assert_eq!(screen.tags.len(), 1);
        assert_eq!(screen.settings, app.settings().expect("settings"));
    }

    #[test]
    fn the_first_blog_is_the_default_else_the_last_used_else_the_first() {
        use crate::model::blog::BlogKind;
        let dir = tempfile::tempdir().expect("temp dir");
        let app = App::open(dir.path()).expect("open");
        assert!(
            app.first_screen()
                .expect("screen")
                .first_blog(None)
                .is_none()
        );
        let add = |name, kind| {
            app.writer()
                .add_blog(name, kind, "https://blog.example", "me", "key")
                .expect("blog")
                .id
        };
        // Listed by name, as the window lists them.
        let first = add("a 本の感想", BlogKind::WordPress);
        let hatena = add("b 日記", BlogKind::Hatena);
        let third = add("c 旅", BlogKind::MetaWeblog);
        let chosen = |last| {
            app.first_screen()
                .expect("screen")
                .first_blog(last)
                .map(|b| b.id)
        };
        assert_eq!(chosen(None), Some(first));
        assert_eq!(chosen(Some(hatena)), Some(hatena));
        assert_eq!(chosen(Some(9999)), Some(first), "a blog since removed");
        let mut settings = app.settings().expect("settings");
        settings.default_blog = Some(third);
        app.save_settings(&settings).expect("save");
        assert_eq!(chosen(Some(hatena)), Some(third));
    }

    #[test]
    fn warming_the_preview_highlights_the_newest_drafts_code() {
        let dir = tempfile::tempdir().expect("temp dir");
        let app = App::open(dir.path()).expect("open");
        assert!(!app.warm_preview().expect("warm"), "no draft to render");
        assert_eq!(app.renderer().highlighted_blocks(), 0);
        app.create_draft("古い", "```python\nprint(1)\n```\n")
            .expect("create");
        app.create_draft(
            "新しい",
            "本文\n\n```rust\nfn a() {}\n```\n\n```sh\nls\n```\n",
        )
        .expect("create");
        assert!(app.warm_preview().expect("warm"));
        assert_eq!(
            app.renderer().highlighted_blocks(),
            2,
            "the newest draft's two blocks, not the older one's"
        );
    }

    #[test]
    fn text_changed_under_the_editor_is_kept_beside_the_authors_as_a_conflict() {
        let dir = tempfile::tempdir().expect("temp dir");
        let app = App::open(dir.path()).expect("open");
        let draft = app.create_draft("題", "元の文。\n").expect("create");
        let seen = app.draft(draft.id).expect("read").updated_at;
        // Other hands (a sync) change the stored text while the editor holds the old one.
        std::thread::sleep(std::time::Duration::from_millis(2));
        app.save_draft(draft.id, "題", "届いた文。\n", SaveKind::Explicit)
            .expect("sync's save");
        let saved = app
            .save_draft_seen(
                draft.id,
                "題",
                "打った文。\n",
                SaveKind::Autosave,
                Some(seen),
            )
            .expect("the editor's save");
        assert_eq!(app.draft(draft.id).expect("read").body, "打った文。\n");
        let conflict = app
            .sync_conflict(draft.id)
            .expect("read")
            .expect("what arrived waits beside it");
        assert_eq!(conflict.theirs_body, "届いた文。\n");
        // In step again: the next save is an ordinary one.
        app.writer().drop_sync_conflict(draft.id).expect("settle");
        app.save_draft_seen(
            draft.id,
            "題",
            "打ち続けた文。\n",
            SaveKind::Autosave,
            Some(saved.updated_at),
        )
        .expect("save");
        assert!(app.sync_conflict(draft.id).expect("read").is_none());
    }

    #[test]
    fn reads_go_on_while_the_writer_is_held() {
        let dir = tempfile::tempdir().expect("temp dir");
        let app = App::open(dir.path()).expect("open");
        let draft = app.create_draft("t", "本文").expect("create");
        let writer = app.writer();
        // With the writing connection taken (a long save), every read still answers.
        assert_eq!(app.draft(draft.id).expect("read").body, "本文");
        assert_eq!(app.tags().expect("tags").len(), 0);
        drop(writer);
    }

    #[test]
    fn every_draft_exported_comes_back_in_another_data_folder() {
        let (from, to, out) = (
            tempfile::tempdir().expect("temp dir"),
            tempfile::tempdir().expect("temp dir"),
            tempfile::tempdir().expect("temp dir"),
        );
        let app = App::open(from.path()).expect("open");
        for i in 0..3 {
            app.create_draft(&format!("下書き{i}"), &format!("本文{i}\n"))
                .expect("create");
        }
        let folder = out.path().join("export");
        assert_eq!(app.export_all(&folder).expect("export").drafts, 3);
        let other = App::open(to.path()).expect("open");
        assert_eq!(other.import_all(&folder).expect("import").drafts, 3);
        let titles: Vec<String> = other
            .library(&LibraryQuery::default())
            .expect("library")
            .into_iter()
            .map(|d| d.title)
            .collect();
        assert_eq!(titles.len(), 3);
        assert!(titles.contains(&"下書き1".to_owned()), "{titles:?}");
    }
}
