//! Drafts on every computer: two data folders are two computers, syncing through a real git
//! server on loopback (`git http-backend` behind HTTP Basic sign-in), each through the `fumi`
//! command with its token in a real keychain; and through OpenSSH's `sshd` with a key.

use fumi_core::App;
use fumi_core::image::Image;
use fumi_core::model::book::Book;
use fumi_core::model::draft::{DraftId, SaveKind};

use super::support::git_server::{GitServer, TOKEN, USER, git, push_files};
use super::support::keyring::SecretService;
use super::support::ssh_server::SshServer;
use super::support::{fumi_env, ok};

const RED_PNG: &[u8] = include_bytes!("support/images/red.png");

/// A computer: its data folder, using the shared keychain.
pub(crate) struct Computer<'k> {
    pub(crate) data: tempfile::TempDir,
    keychain: &'k SecretService,
}

impl<'k> Computer<'k> {
    pub(crate) fn new(keychain: &'k SecretService) -> Computer<'k> {
        Computer {
            data: tempfile::tempdir().expect("temp dir"),
            keychain,
        }
    }

    pub(crate) fn app(&self) -> App {
        App::open(self.data.path()).expect("open")
    }

    pub(crate) fn fumi(&self, args: &[&str], stdin: &[u8]) -> std::process::Output {
        fumi_env(self.data.path(), args, stdin, &self.keychain.env())
    }

    /// `fumi sync setup URL --token`, the token typed in.
    pub(crate) fn set_up(&self, url: &str) -> String {
        ok(self.fumi(
            &["sync", "setup", url, "--token"],
            format!("{TOKEN}\n").as_bytes(),
        ))
    }

    pub(crate) fn sync(&self) -> String {
        ok(self.fumi(&["sync", "now"], b""))
    }

    /// The draft titled `title` here.
    pub(crate) fn draft(&self, title: &str) -> fumi_core::model::draft::Draft {
        let app = self.app();
        let id = app
            .search(title)
            .expect("search")
            .into_iter()
            .chain(app.trash().expect("trash"))
            .find(|d| d.title == title)
            .unwrap_or_else(|| panic!("no draft {title} here"))
            .id;
        app.draft(id).expect("draft")
    }
}

/// The remote's address with the user name (the token is asked for, never in the address).
pub(crate) fn remote(server: &GitServer, name: &str) -> String {
    server
        .new_repo(name)
        .replace("http://", &format!("http://{USER}@"))
}

#[test]
fn drafts_their_images_and_books_reach_the_other_computer_and_edits_come_back() {
    let keychain = SecretService::start();
    let server = GitServer::start();
    let url = remote(&server, "drafts");

    // Computer A: a review with an image and its book.
    let a = Computer::new(&keychain);
    let (review, image) = {
        let app = a.app();
        let image = app
            .writer()
            .add_asset(&Image::from_bytes(RED_PNG.to_vec(), "表紙.png").expect("image"))
            .expect("asset");
        let draft = app
            .create_draft(
                "『三体』を読んで",
                &format!("---\ncategories: [読書]\n---\n\n冒頭の段落。\n\n![表紙]({image})\n\n二つ目の段落。\n"),
            )
            .expect("draft");
        let mut book = Book::default();
        book.facts.title = "三体".into();
        book.facts.authors = vec!["劉 慈欣".into()];
        book.rating = Some(5);
        app.writer().set_book(draft.id, &book).expect("book");
        (draft.id, image)
    };
    let out = a.set_up(&url);
    assert!(out.contains("1 drafts sent"), "{out}");

    // Computer B, set up with drafts of its own: both sets end up on both computers.
    let b = Computer::new(&keychain);
    b.app()
        .create_draft("Bのメモ", "電車で書いた。\n")
        .expect("draft");
    let out = b.set_up(&url);
    assert!(out.contains("1 received"), "{out}");
    let there = b.draft("『三体』を読んで");
    assert_eq!(there.body, a.app().draft(review).expect("draft").body);
    let app = b.app();
    assert_eq!(
        app.book(there.id)
            .expect("book")
            .expect("the book came")
            .facts
            .title,
        "三体"
    );
    let hash = image.strip_prefix("fumi-asset:").expect("an asset URL");
    assert_eq!(
        app.writer().asset(hash).expect("the image came").bytes,
        RED_PNG
    );
    drop(app);
    assert!(a.sync().contains("1 received"), "B's own draft reaches A");
    assert_eq!(a.draft("Bのメモ").body, "電車で書いた。\n");

    // Edited on B, synced: A shows it, its old text kept as a revision.
    b.app()
        .save_draft(
            there.id,
            "『三体』を読んで",
            &there
                .body
                .replace("二つ目の段落。", "二つ目の段落を書き直した。"),
            SaveKind::Autosave,
        )
        .expect("edit on B");
    assert!(b.sync().contains("1 drafts sent"));
    assert!(a.sync().contains("1 received"));
    let app = a.app();
    assert!(
        app.draft(review)
            .expect("draft")
            .body
            .contains("書き直した")
    );
    let revisions = app.writer().revisions(review).expect("revisions");
    assert!(
        revisions.iter().any(|r| r.body.contains("二つ目の段落。")),
        "A's old text is a revision"
    );
    drop(app);

    // Trash travels too, and so does a deletion for good.
    b.app().trash_draft(there.id).expect("trash on B");
    b.sync();
    a.sync();
    assert!(a.app().draft(review).expect("draft").deleted_at.is_some());
    b.app().writer().purge_draft(there.id).expect("purge on B");
    assert!(b.sync().contains("1 drafts sent"));
    assert!(a.sync().contains("1 deleted"));
    assert!(a.app().draft(review).is_err(), "deleted on A too");

    // The token never entered the repository, in any commit.
    let history = git(&server.repo_path("drafts"), &["log", "--all", "-p"]);
    assert!(
        history.contains("電車で書いた。"),
        "the history holds the drafts"
    );
    assert!(
        !history.contains(TOKEN),
        "the token is in the repository's history"
    );
    // Nothing was forced: every commit of A and B is an ancestor of the branch.
    let count = git(
        &server.repo_path("drafts"),
        &["rev-list", "--count", "main"],
    );
    assert!(
        count.trim().parse::<u32>().expect("a count") >= 6,
        "{count}"
    );
}

/// Two computers synced with one draft, `text`; answers them and the draft's id on each.
pub(crate) fn two_computers_with<'k>(
    keychain: &'k SecretService,
    server: &GitServer,
    name: &str,
    text: &str,
) -> (Computer<'k>, DraftId, Computer<'k>, DraftId) {
    let url = remote(server, name);
    let a = Computer::new(keychain);
    let on_a = a.app().create_draft("二台で書く", text).expect("draft").id;
    a.set_up(&url);
    let b = Computer::new(keychain);
    b.set_up(&url);
    let on_b = b.draft("二台で書く").id;
    (a, on_a, b, on_b)
}

pub(crate) fn edit(computer: &Computer<'_>, draft: DraftId, from: &str, to: &str) {
    let app = computer.app();
    let body = app.draft(draft).expect("draft").body;
    assert!(body.contains(from), "{body}");
    app.save_draft(
        draft,
        "二台で書く",
        &body.replace(from, to),
        SaveKind::Autosave,
    )
    .expect("edit");
}

#[test]
fn edits_to_different_paragraphs_merge_and_the_same_sentence_waits_for_the_author() {
    let keychain = SecretService::start();
    let server = GitServer::start();
    let text = "一段落目の文。\n\n二段落目の文。\n\n三段落目の文。\n";
    let (a, on_a, b, on_b) = two_computers_with(&keychain, &server, "merge", text);

    // Different paragraphs: merged line by line, on both computers.
    edit(&a, on_a, "一段落目の文。", "一段落目をAで直した。");
    edit(&b, on_b, "三段落目の文。", "三段落目をBで直した。");
    a.sync();
    let out = b.sync();
    assert!(out.contains("1 received"), "{out}");
    a.sync();
    let merged = "一段落目をAで直した。\n\n二段落目の文。\n\n三段落目をBで直した。\n";
    assert_eq!(a.app().draft(on_a).expect("A").body, merged);
    assert_eq!(b.app().draft(on_b).expect("B").body, merged);

    // The same sentence: B keeps its own text, A's waits beside it.
    edit(&a, on_a, "二段落目の文。", "二段落目はAの言葉。");
    edit(&b, on_b, "二段落目の文。", "二段落目はBの言葉。");
    a.sync();
    let out = b.sync();
    assert!(
        out.contains(&format!("Draft {on_b} was changed on another computer")),
        "{out}"
    );
    let app = b.app();
    assert!(app.draft(on_b).expect("B").body.contains("Bの言葉"));
    let conflict = app.sync_conflict(on_b).expect("read").expect("a conflict");
    assert!(conflict.theirs_body.contains("Aの言葉"), "{conflict:?}");
    assert!(conflict.mine_body.contains("Bの言葉"));
    assert_eq!(app.sync_status().expect("status").conflicts, [on_b]);
    drop(app);
    let status = ok(b.fumi(&["sync", "status"], b""));
    assert!(status.contains(&format!("Draft {on_b}")), "{status}");

    // The author takes A's text: B's stays as a revision, and A hears of the choice.
    ok(b.fumi(
        &["sync", "resolve", &on_b.to_string(), "--keep", "theirs"],
        b"",
    ));
    let app = b.app();
    assert!(app.draft(on_b).expect("B").body.contains("Aの言葉"));
    assert!(
        app.writer()
            .revisions(on_b)
            .expect("revisions")
            .iter()
            .any(|r| r.body.contains("Bの言葉")),
        "the text not chosen is a revision"
    );
    assert!(app.sync_status().expect("status").conflicts.is_empty());
    drop(app);
    b.sync();
    a.sync();
    assert_eq!(
        a.app().draft(on_a).expect("A").body,
        b.app().draft(on_b).expect("B").body
    );

    // Deleted on A, edited on B: the draft comes back, and the author is told.
    a.app().writer().purge_draft(on_a).expect("purge on A");
    edit(&b, on_b, "三段落目をBで直した。", "三段落目をまた直した。");
    b.sync();
    let out = a.sync();
    assert!(out.contains("was deleted on one computer"), "{out}");
    assert!(a.draft("二台で書く").body.contains("また直した"));
}

#[test]
fn offline_saves_go_on_and_the_next_sync_delivers_everything() {
    let keychain = SecretService::start();
    let server = GitServer::start();
    let (a, on_a, b, on_b) =
        two_computers_with(&keychain, &server, "offline", "オフラインの前。\n");

    server.stop();
    edit(&a, on_a, "オフラインの前。", "電車の中で書いた。");
    let failed = a.fumi(&["sync", "now"], b"");
    assert!(!failed.status.success());
    let said = String::from_utf8_lossy(&failed.stderr);
    assert!(
        said.contains("could not be reached") && said.contains("Your drafts are safe here"),
        "{said}"
    );
    // The status says so, and the draft is as typed.
    let status = ok(a.fumi(&["sync", "status"], b""));
    assert!(status.contains("could not be reached"), "{status}");
    assert!(a.app().draft(on_a).expect("A").body.contains("電車の中"));

    server.resume();
    assert!(a.sync().contains("1 drafts sent"));
    let status = ok(a.fumi(&["sync", "status"], b""));
    assert!(!status.contains("could not be reached"), "{status}");
    b.sync();
    assert_eq!(b.app().draft(on_b).expect("B").body, "電車の中で書いた。\n");
    // What the incremental syncs pushed is small beside the first.
    assert!(server.pushed_bytes() > 0);
}

#[test]
fn a_wrong_token_and_a_repository_that_is_not_fumis_are_clear_and_change_nothing() {
    let keychain = SecretService::start();
    let server = GitServer::start();
    let url = remote(&server, "refused");
    let a = Computer::new(&keychain);
    a.app()
        .create_draft("残る下書き", "本文。\n")
        .expect("draft");
    let refused = a.fumi(&["sync", "setup", &url, "--token"], b"not-the-token\n");
    assert!(!refused.status.success());
    let said = String::from_utf8_lossy(&refused.stderr);
    assert!(said.contains("refused the sign-in"), "{said}");
    assert!(
        a.app().sync_status().expect("status").remote.is_none(),
        "nothing kept"
    );

    // A repository of something else.
    let other = server.repo_path("refused");
    push_files(&other, &[("src/main.rs", "fn main() {}\n")], "code");
    let strange = a.fumi(
        &["sync", "setup", &url, "--token"],
        format!("{TOKEN}\n").as_bytes(),
    );
    assert!(!strange.status.success());
    let said = String::from_utf8_lossy(&strange.stderr);
    assert!(said.contains("not Fumi's drafts (src)"), "{said}");
    // The other repository is as it was.
    let log = git(&other, &["log", "--format=%s", "main"]);
    assert_eq!(log.trim(), "code");
    assert_eq!(a.draft("残る下書き").body, "本文。\n");
}

#[test]
fn a_post_published_on_one_computer_is_updated_from_the_other_never_made_twice() {
    use super::support::hatena::TestHatena;

    let keychain = SecretService::start();
    let server = GitServer::start();
    let hatena = TestHatena::start();
    let url = remote(&server, "published");
    // Each computer has the blog with its own keychain entry; the post's record travels.
    let add_blog = |computer: &Computer<'_>| {
        hatena.add_by_command(computer.data.path(), "hatena", &keychain.env())
    };
    let a = Computer::new(&keychain);
    add_blog(&a);
    let image = a
        .app()
        .add_image(&Image::from_bytes(RED_PNG.to_vec(), "挿絵.png").expect("image"))
        .expect("image kept");
    let first = format!("最初の本文。\n\n![挿絵]({image})\n");
    let on_a = a
        .app()
        .create_draft("一度だけの記事", &first)
        .expect("draft")
        .id;
    ok(a.fumi(&["publish", &on_a.to_string(), "--blog", "hatena"], b""));
    assert_eq!(hatena.entries().len(), 1);
    assert_eq!(hatena.images().len(), 1);
    a.set_up(&url);
    // The file carries blogsync's link to the entry.
    let tracked = git(
        &server.repo_path("published"),
        &["grep", "-h", "EditURL", "main"],
    );
    assert!(tracked.contains("/atom/entry/"), "{tracked}");

    let b = Computer::new(&keychain);
    add_blog(&b);
    b.set_up(&url);
    let on_b = b.draft("一度だけの記事").id;
    edit_to(
        &b,
        on_b,
        &first.replace("本文。", "本文。\nBで書き足した。"),
    );
    ok(b.fumi(&["publish", &on_b.to_string(), "--blog", "hatena"], b""));
    let entries = hatena.entries();
    assert_eq!(
        entries.len(),
        1,
        "B updated A's entry instead of making one"
    );
    assert!(entries[0].content.contains("Bで書き足した。"));
    // The image A uploaded travelled with the post's record: B points at it, uploads nothing.
    assert_eq!(hatena.images().len(), 1, "B uploaded the image again");

    // And back: A updates the same entry, B's update not taken for an edit on the web.
    b.sync();
    a.sync();
    edit_to(
        &a,
        on_a,
        &first.replace("本文。", "本文。\nBで書き足した。\nAでまた直した。"),
    );
    ok(a.fumi(&["publish", &on_a.to_string(), "--blog", "hatena"], b""));
    let entries = hatena.entries();
    assert_eq!(entries.len(), 1);
    assert!(entries[0].content.contains("Aでまた直した。"));
}

fn edit_to(computer: &Computer<'_>, draft: DraftId, body: &str) {
    let app = computer.app();
    let title = app.draft(draft).expect("draft").title;
    app.save_draft(draft, &title, body, SaveKind::Autosave)
        .expect("edit");
}

#[test]
fn keeping_mine_or_saving_a_merge_keeps_every_text_in_the_history() {
    use fumi_core::model::sync::Resolution;

    let keychain = SecretService::start();
    let server = GitServer::start();
    let (a, on_a, b, on_b) = two_computers_with(&keychain, &server, "choices", "元の文。\n");
    let clash = |mine: &str, theirs: &str| {
        let now_a = a.app().draft(on_a).expect("A").body;
        let now_b = b.app().draft(on_b).expect("B").body;
        edit_to(&a, on_a, &format!("{now_a}{theirs}\n"));
        edit_to(&b, on_b, &format!("{now_b}{mine}\n"));
        a.sync();
        b.sync();
        assert!(b.app().sync_conflict(on_b).expect("read").is_some());
    };
    let history = || -> Vec<String> {
        b.app()
            .writer()
            .revisions(on_b)
            .expect("revisions")
            .into_iter()
            .map(|r| r.body)
            .collect()
    };

    clash("Bの一文。", "Aの一文。");
    let kept = b
        .app()
        .resolve_sync_conflict(on_b, Resolution::KeepMine)
        .expect("keep mine");
    assert_eq!(kept.body, "元の文。\nBの一文。\n");
    assert!(
        history().iter().any(|h| h.contains("Aの一文。")),
        "A's text is history"
    );
    b.sync();
    a.sync();
    assert_eq!(
        a.app().draft(on_a).expect("A").body,
        "元の文。\nBの一文。\n"
    );

    clash("Bの二文目。", "Aの二文目。");
    let merged = "元の文。\nBの一文。\nAの二文目。Bの二文目。\n";
    let saved = b
        .app()
        .resolve_sync_conflict(
            on_b,
            Resolution::Merged {
                title: "二台で書く".into(),
                body: merged.into(),
            },
        )
        .expect("merge");
    assert_eq!(saved.body, merged);
    let history = history();
    assert!(
        history.iter().any(|h| h.ends_with("Aの二文目。\n")),
        "{history:?}"
    );
    assert!(
        history.iter().any(|h| h.ends_with("Bの二文目。\n")),
        "{history:?}"
    );
    b.sync();
    a.sync();
    assert_eq!(a.app().draft(on_a).expect("A").body, merged);
}

#[test]
fn a_sync_killed_at_any_moment_is_finished_by_the_next_and_loses_nothing() {
    let kills: usize = std::env::var("FUMI_SYNC_KILLS")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(50);
    let keychain = SecretService::start();
    let server = GitServer::start();
    let (a, on_a, b, _) = two_computers_with(&keychain, &server, "killed", "始まり。\n");
    let on_b = b
        .app()
        .create_draft("Bの下書き", "Bで始めた。\n")
        .expect("draft")
        .id;
    for k in 0..kills {
        // Each round changes something on A: a line, sometimes a new draft.
        let body = a.app().draft(on_a).expect("A").body;
        edit_to(&a, on_a, &format!("{body}{k}回目。\n"));
        if k % 5 == 0 {
            a.app()
                .create_draft(&format!("Aの下書き{k}"), &format!("{k}番目の下書き。\n"))
                .expect("draft");
        }
        // B sends changes now and then, so A's cut-off syncs have merges to do.
        if k % 7 == 0 {
            let body = b.app().draft(on_b).expect("B").body;
            edit_to(&b, on_b, &format!("{body}B{k}。\n"));
            b.sync();
        }
        let mut sync = std::process::Command::new(super::support::FUMI)
            .arg("--data-dir")
            .arg(a.data.path())
            .args(["sync", "now"])
            .envs(keychain.env().iter().map(|(k, v)| (k, v)))
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .expect("fumi sync");
        std::thread::sleep(std::time::Duration::from_millis((k as u64 * 37) % 400));
        let _ = sync.kill();
        let _ = sync.wait();
    }
    // The next syncs finish what was cut off.
    a.sync();
    b.sync();
    a.sync();
    let texts = |computer: &Computer<'_>| -> Vec<(String, String)> {
        let app = computer.app();
        let mut all: Vec<(String, String)> = app
            .search("")
            .expect("drafts")
            .into_iter()
            .map(|d| {
                let draft = app.draft(d.id).expect("draft");
                (draft.title, draft.body)
            })
            .collect();
        all.sort();
        all
    };
    let on_a_texts = texts(&a);
    assert_eq!(on_a_texts, texts(&b), "both computers hold the same drafts");
    let titles: Vec<&str> = on_a_texts.iter().map(|(t, _)| t.as_str()).collect();
    let mut unique = titles.clone();
    unique.dedup();
    assert_eq!(titles, unique, "no draft twice");
    assert_eq!(titles.len(), 2 + kills.div_ceil(5), "{titles:?}");
    let main = a.app().draft(on_a).expect("A").body;
    for k in 0..kills {
        assert!(
            main.contains(&format!("\n{k}回目。\n")),
            "round {k} lost: {main}"
        );
    }
    let folder = a.data.path().join("sync");
    assert!(git(&folder, &["status", "--porcelain"]).trim().is_empty());
    git(&folder, &["fsck", "--no-progress"]);
}

#[test]
fn a_file_this_computer_cannot_read_is_left_for_the_one_that_wrote_it() {
    let keychain = SecretService::start();
    let server = GitServer::start();
    let (a, on_a, _b, _) = two_computers_with(&keychain, &server, "unread", "読める下書き。\n");
    // Another computer (a newer Fumi, a hand edit) pushes a file this one cannot read.
    let repo = server.repo_path("unread");
    push_files(
        &repo,
        &[(
            "drafts/ff/ffff0000.md",
            "---\nTitle: [読めない\n---\n\n本文。\n",
        )],
        "unread",
    );
    a.sync();
    edit_to(&a, on_a, "読める下書きを直した。\n");
    assert!(a.sync().contains("1 drafts sent"));
    let files = git(&repo, &["ls-tree", "-r", "--name-only", "main"]);
    assert!(files.contains("drafts/ff/ffff0000.md"), "{files}");
}

#[test]
fn a_remote_that_asks_no_sign_in_syncs_through_the_app_itself() {
    let server = GitServer::start_open();
    let url = server.new_repo("open");
    let (a, b) = (
        tempfile::tempdir().expect("temp dir"),
        tempfile::tempdir().expect("temp dir"),
    );
    let app_a = App::open(a.path()).expect("open");
    app_a.create_draft("鍵のない道", "本文。\n").expect("draft");
    assert_eq!(app_a.set_up_sync(&url, None).expect("set up").sent, 1);
    let app_b = App::open(b.path()).expect("open");
    assert_eq!(app_b.set_up_sync(&url, None).expect("set up").received, 1);
    let status = app_b.sync_status().expect("status");
    assert_eq!(status.remote.as_deref(), Some(url.as_str()));
    assert!(status.synced_at.is_some() && status.error.is_none());
    // A password in the address is refused before anything is kept.
    let with_password = url.replace("http://", "http://me:secret@");
    let refused = app_b
        .set_up_sync(&with_password, None)
        .expect_err("refused");
    assert_eq!(refused.code(), "sync_failed");
    assert_eq!(
        app_b.sync_status().expect("status").remote.as_deref(),
        Some(url.as_str())
    );
}

#[test]
fn two_computers_sync_over_ssh_with_a_key_and_a_server_whose_key_is_not_the_known_one_is_refused() {
    let server = SshServer::start();
    let url = server.new_repo("drafts");
    // The key and known_hosts in a home of their own; no agent.
    let fumi_with_home = |data: &std::path::Path, args: &[&str], home: &std::path::Path| {
        fumi_env(
            data,
            args,
            b"",
            &[
                ("HOME", home.display().to_string()),
                ("SSH_AUTH_SOCK", String::new()),
            ],
        )
    };
    let (a, b) = (
        tempfile::tempdir().expect("temp dir"),
        tempfile::tempdir().expect("temp dir"),
    );
    let id = App::open(a.path())
        .expect("open")
        .create_draft("海を渡る", "一行目。\n")
        .expect("draft")
        .id;
    let home = server.client_home();
    ok(fumi_with_home(a.path(), &["sync", "setup", &url], &home));
    ok(fumi_with_home(b.path(), &["sync", "setup", &url], &home));
    let app_b = App::open(b.path()).expect("open");
    let on_b = app_b.search("海を渡る").expect("search");
    assert_eq!(on_b.len(), 1, "the draft crossed over SSH");
    app_b
        .save_draft(
            on_b[0].id,
            "海を渡る",
            "一行目。\n二行目はBで。\n",
            SaveKind::Explicit,
        )
        .expect("edit on B");
    ok(fumi_with_home(b.path(), &["sync", "now"], &home));
    ok(fumi_with_home(a.path(), &["sync", "now"], &home));
    assert_eq!(
        App::open(a.path())
            .expect("open")
            .draft(id)
            .expect("draft")
            .body,
        "一行目。\n二行目はBで。\n"
    );

    // A server whose key is not the one known_hosts names is not trusted: nothing is sent.
    let c = tempfile::tempdir().expect("temp dir");
    App::open(c.path())
        .expect("open")
        .create_draft("届かない", "本文。\n")
        .expect("draft");
    let refused = fumi_with_home(
        c.path(),
        &["sync", "setup", &url],
        &server.home_trusting_another_key(),
    );
    let said = String::from_utf8_lossy(&refused.stderr);
    assert!(
        !refused.status.success() && said.contains("hostkey"),
        "{said}"
    );
    ok(fumi_with_home(a.path(), &["sync", "now"], &home));
    assert!(
        App::open(a.path())
            .expect("open")
            .search("届かない")
            .expect("search")
            .is_empty(),
        "a draft reached the remote through an untrusted server"
    );
}

#[test]
fn a_blogsync_repository_as_the_remote_gives_its_entries_as_drafts_linked_to_them() {
    use super::support::hatena::TestHatena;

    let keychain = SecretService::start();
    let server = GitServer::start();
    let hatena = TestHatena::start();
    // Someone who keeps their blog with blogsync: an entry on the blog, and its file (as
    // `blogsync pull` writes it) in their repository beside the repository's own files.
    let writer = Computer::new(&keychain);
    hatena.add_by_command(writer.data.path(), "hatena", &keychain.env());
    let posted = writer
        .app()
        .create_draft(
            "ブログの記事",
            "---\ncategories: [読書]\n---\nウェブで公開した本文。\n",
        )
        .expect("draft")
        .id;
    ok(writer.fumi(&["publish", &posted.to_string(), "--blog", "hatena"], b""));
    let file = ok(writer.fumi(
        &[
            "blogsync",
            "export",
            &posted.to_string(),
            "--blog",
            "hatena",
        ],
        b"",
    ));
    assert!(file.contains("EditURL:"), "{file}");
    let url = remote(&server, "blogsync");
    push_files(
        &server.repo_path("blogsync"),
        &[
            (
                "blogsync.yaml",
                "example.hatenablog.com:\n  local_root: entries\n",
            ),
            (
                "entries/example.hatenablog.com/entry/2026/12/01/090000.md",
                &file,
            ),
            ("README.md", "# My blog\n"),
            (".github/workflows/push.yml", "name: push\n"),
        ],
        "blogsync pull",
    );

    // Fumi, with that Hatena blog, takes the repository: the entry is a draft linked to it.
    let a = Computer::new(&keychain);
    hatena.add_by_command(a.data.path(), "hatena", &keychain.env());
    a.set_up(&url);
    let draft = a.draft("ブログの記事");
    assert!(
        draft.body.contains("ウェブで公開した本文。"),
        "{}",
        draft.body
    );
    assert!(draft.body.contains("読書"), "{}", draft.body);
    edit_to(
        &a,
        draft.id,
        &draft.body.replace("本文。", "本文。Fumiで書き足した。"),
    );
    ok(a.fumi(&["publish", &draft.id.to_string(), "--blog", "hatena"], b""));
    let entries = hatena.entries();
    assert_eq!(entries.len(), 1, "the entry was updated, not made again");
    assert!(entries[0].content.contains("Fumiで書き足した。"));

    // The repository keeps its own files as they were, Fumi's folders beside them; a second
    // sync (and a second computer) makes no second draft of the entry.
    a.sync();
    let tree = git(
        &server.repo_path("blogsync"),
        &["ls-tree", "-r", "--name-only", "main"],
    );
    for own in [
        "blogsync.yaml",
        "README.md",
        ".github/workflows/push.yml",
        "entries/example.hatenablog.com/entry/2026/12/01/090000.md",
    ] {
        assert!(tree.lines().any(|l| l == own), "{own} is gone: {tree}");
    }
    assert!(tree.lines().any(|l| l.starts_with("drafts/")), "{tree}");
    let b = Computer::new(&keychain);
    b.set_up(&url);
    let on_b: Vec<_> = b.app().search("ブログの記事").expect("search");
    assert_eq!(
        on_b.len(),
        1,
        "one draft of the entry on the second computer"
    );
    assert!(b.draft("ブログの記事").body.contains("Fumiで書き足した。"));
}

#[tokio::test]
async fn a_post_published_on_the_real_wordpress_from_one_computer_is_updated_from_the_other() {
    use super::publish_wordpress::{count_titled, rest};
    use super::support::wordpress::TestWordPress;

    let keychain = SecretService::start();
    let server = GitServer::start();
    let site = TestWordPress::start();
    let url = remote(&server, "wordpress");
    let password = format!("{}\n", site.password);
    let add_blog = |computer: &Computer<'_>| {
        ok(computer.fumi(
            &[
                "blogs", "add", "wp", "--url", &site.url, "--user", &site.user,
            ],
            password.as_bytes(),
        ))
    };
    let title = "二台のパソコンから";
    let a = Computer::new(&keychain);
    add_blog(&a);
    let on_a = a
        .app()
        .create_draft(title, "Aで書いた本文。\n")
        .expect("draft")
        .id;
    ok(a.fumi(&["publish", &on_a.to_string(), "--blog", "wp"], b""));
    a.set_up(&url);

    let b = Computer::new(&keychain);
    add_blog(&b);
    b.set_up(&url);
    let on_b = b.draft(title).id;
    edit_to(&b, on_b, "Aで書いた本文。\nBで書き足した。\n");
    ok(b.fumi(&["publish", &on_b.to_string(), "--blog", "wp"], b""));
    assert_eq!(count_titled(&site, title).await, 1, "B made a second post");
    let posts = rest(&site, "wp/v2/posts?status=any&context=edit&per_page=100").await;
    let post = posts
        .as_array()
        .expect("posts")
        .iter()
        .find(|p| p["title"]["raw"] == title)
        .expect("the post");
    assert!(
        post["content"]["raw"]
            .as_str()
            .is_some_and(|c| c.contains("Bで書き足した。")),
        "{post}"
    );
}
