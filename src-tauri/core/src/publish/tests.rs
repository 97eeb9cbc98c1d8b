//! The publishing workflow against a blog held in memory (a fake [`Connector`] and
//! [`Publisher`]): create once, update in place, send nothing unchanged, never overwrite a web
//! edit unasked, find a create whose answer was lost, recreate a deleted post only when asked;
//! and the queue: a blog that is down gets the publish later, once, with the text the author
//! published. No server, no keychain (secrets are the test's own): the fast tier. Each blog
//! kind's own wire format is tested against its server in `tests/`.

use std::ops::Deref;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};

use super::queue::{PublishOutcome, Sent, publish_or_queue, send_queued};
use super::*;
use crate::model::blog::BlogKind;
use crate::model::post::PostState;

/// A blog in memory, counting what it was asked to do. Clones are connections to the same blog.
#[derive(Clone, Default)]
struct MemoryBlog(Arc<Remote>);

/// What the blog in memory holds and how it behaves.
#[derive(Default)]
struct Remote {
    posts: Mutex<Vec<RemotePost>>,
    creates: AtomicUsize,
    updates: AtomicUsize,
    /// The next create is made but its answer is lost (the connection drops).
    lose_next_create_answer: AtomicBool,
    /// Unreachable: every connection fails as a network failure does.
    down: AtomicBool,
    /// Refuses the credentials, as a blog does after the author revoked them.
    refusing: AtomicBool,
}

impl Deref for MemoryBlog {
    type Target = Remote;

    fn deref(&self) -> &Remote {
        &self.0
    }
}

impl Connector for MemoryBlog {
    type Connection = MemoryBlog;

    async fn connect(&self, blog: &Blog, secret: &str) -> Result<MemoryBlog> {
        if self.down.load(Ordering::SeqCst) {
            return Err(Error::BlogUnreachable {
                url: blog.site_url.clone(),
                detail: "connection refused".into(),
            });
        }
        if self.refusing.load(Ordering::SeqCst) || secret != SECRET {
            return Err(Error::BlogRejectedCredentials {
                blog: blog.name.clone(),
                detail: "401 Unauthorized".into(),
            });
        }
        Ok(self.clone())
    }
}

/// The secret the blog in memory accepts.
const SECRET: &str = "application password";

impl MemoryBlog {
    fn posts(&self) -> std::sync::MutexGuard<'_, Vec<RemotePost>> {
        self.posts
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    fn stored(post: &OutgoingPost, id: String, modified: usize) -> RemotePost {
        RemotePost {
            url: format!("https://memory.example/{id}"),
            id,
            title: post.title.clone(),
            html: post.html.clone(),
            status: PostState::from_word(post.status.as_str()),
            modified: format!("2026-12-06T00:00:{modified:02}Z").parse().ok(),
            ..RemotePost::default()
        }
    }

    /// Someone edits the post on the web.
    fn edit_on_web(&self, id: &str) {
        let mut posts = self.posts();
        let post = posts.iter_mut().find(|p| p.id == id).expect("the post");
        post.html.push_str("<p>added on the web</p>");
        post.modified = "2026-12-06T09:00:00Z".parse().ok();
    }
}

impl Publisher for MemoryBlog {
    async fn create_post(
        &self,
        post: &OutgoingPost,
        _since: jiff::Timestamp,
    ) -> Result<RemotePost> {
        let n = self.creates.fetch_add(1, Ordering::SeqCst) + 1;
        let stored = MemoryBlog::stored(post, n.to_string(), n);
        self.posts().push(stored.clone());
        if self.lose_next_create_answer.swap(false, Ordering::SeqCst) {
            return Err(Error::BlogUnreachable {
                url: "https://memory.example".into(),
                detail: "the connection dropped".into(),
            });
        }
        Ok(stored)
    }

    async fn update_post(&self, id: &str, post: &OutgoingPost) -> Result<RemotePost> {
        let n = self.updates.fetch_add(1, Ordering::SeqCst) + 1;
        let mut posts = self.posts();
        let slot = posts
            .iter_mut()
            .find(|p| p.id == id)
            .ok_or_else(|| Error::RemotePostNotFound { id: id.into() })?;
        *slot = MemoryBlog::stored(post, id.to_owned(), 10 + n);
        Ok(slot.clone())
    }

    async fn fetch_post(&self, id: &str) -> Result<RemotePost> {
        self.posts()
            .iter()
            .find(|p| p.id == id)
            .cloned()
            .ok_or_else(|| Error::RemotePostNotFound { id: id.into() })
    }

    async fn set_status(&self, id: &str, status: RemoteStatus) -> Result<RemotePost> {
        let mut posts = self.posts();
        let post = posts
            .iter_mut()
            .find(|p| p.id == id)
            .ok_or_else(|| Error::RemotePostNotFound { id: id.into() })?;
        post.status = PostState::from_word(status.as_str());
        Ok(post.clone())
    }

    async fn delete_post(&self, id: &str) -> Result<()> {
        self.posts().retain(|p| p.id != id);
        Ok(())
    }

    async fn upload_media(&self, image: &Image) -> Result<RemoteMedia> {
        Ok(RemoteMedia {
            id: image.sha256.clone(),
            url: format!("https://memory.example/media/{}", image.sha256),
        })
    }

    async fn find_created(
        &self,
        post: &OutgoingPost,
        since: jiff::Timestamp,
    ) -> Result<Option<RemotePost>> {
        Ok(self
            .posts()
            .iter()
            .find(|p| post.made(p, None, since))
            .cloned())
    }

    async fn categories(&self) -> Result<Vec<String>> {
        Ok(Vec::new())
    }

    async fn list_posts(&self) -> Result<Vec<RemotePost>> {
        Ok(self.posts().clone())
    }
}

/// A data folder with one draft and one blog account.
struct Bench {
    _dir: tempfile::TempDir,
    store: Store,
    renderer: Renderer,
    blog: Blog,
    draft: DraftId,
}

impl Bench {
    fn new() -> Bench {
        let dir = tempfile::tempdir().expect("temp dir");
        let mut store = Store::open(dir.path()).expect("store");
        let blog = store
            .add_blog(
                "memory",
                BlogKind::WordPress,
                "https://memory.example",
                "me",
                "key",
            )
            .expect("blog");
        let draft = store
            .create_draft("読書記録", "# 読書記録\n\n面白かった。\n")
            .expect("draft")
            .id;
        Bench {
            _dir: dir,
            store,
            renderer: Renderer::new(),
            blog,
            draft,
        }
    }

    /// What a publish by hand does, through the blog in memory.
    async fn publish(&mut self, to: &MemoryBlog, options: PublishOptions) -> Result<Publication> {
        let version = Version::from(self.store.draft(self.draft)?);
        publish_version(
            &mut self.store,
            &self.renderer,
            to,
            &self.blog,
            SECRET,
            self.draft,
            &version,
            options,
            &|_| {},
        )
        .await
    }

    /// What *Preview on the blog* does, through the blog in memory.
    async fn preview(&mut self, to: &MemoryBlog) -> Result<BlogPreview> {
        preview_on_blog(
            &mut self.store,
            &self.renderer,
            to,
            &self.blog,
            SECRET,
            self.draft,
            &PageCards::new(),
        )
        .await
    }

    /// What the Publish button does: publish now, or queue when the blog is down.
    async fn publish_or_queue(&mut self, to: &MemoryBlog) -> Result<PublishOutcome> {
        publish_or_queue(
            &mut self.store,
            &self.renderer,
            to,
            &self.blog,
            SECRET,
            self.draft,
            PublishOptions::default(),
            &|_| {},
        )
        .await
    }

    /// What the queue's sender does, reading secrets through `secret_of`.
    async fn send_queued(
        &mut self,
        to: &MemoryBlog,
        secret_of: &(dyn Fn(&mut Store, &Blog) -> Result<String> + Send + Sync),
    ) -> Vec<Sent> {
        send_queued(&mut self.store, &self.renderer, to, secret_of, i64::MAX)
            .await
            .expect("the queue read")
    }

    fn write(&mut self, body: &str) {
        self.store
            .save_draft(
                self.draft,
                "読書記録",
                body,
                crate::model::draft::SaveKind::Explicit,
            )
            .expect("save");
    }
}

fn run<T>(future: impl std::future::Future<Output = T>) -> T {
    tokio::runtime::Builder::new_current_thread()
        .build()
        .expect("runtime")
        .block_on(future)
}

#[test]
fn a_second_publish_updates_the_same_post_and_an_unchanged_one_sends_nothing() {
    run(async {
        let mut bench = Bench::new();
        let blog = MemoryBlog::default();
        let first = bench
            .publish(&blog, PublishOptions::default())
            .await
            .expect("publish");
        assert_eq!(first.remote_id.as_deref(), Some("1"));
        assert_eq!(blog.creates.load(Ordering::SeqCst), 1);

        bench.write("# 読書記録\n\n面白かった。二度目。\n");
        let second = bench
            .publish(&blog, PublishOptions::default())
            .await
            .expect("update");
        assert_eq!(second.remote_id, first.remote_id, "the same post");
        assert_eq!(
            blog.creates.load(Ordering::SeqCst),
            1,
            "never a second post"
        );
        assert_eq!(blog.updates.load(Ordering::SeqCst), 1);
        assert!(blog.posts()[0].html.contains("二度目"));

        bench
            .publish(&blog, PublishOptions::default())
            .await
            .expect("again");
        assert_eq!(
            blog.updates.load(Ordering::SeqCst),
            1,
            "nothing changed, nothing sent"
        );
        assert_eq!(blog.posts().len(), 1);
    });
}

#[test]
fn a_post_edited_on_the_web_is_overwritten_only_when_the_author_says_so() {
    run(async {
        let mut bench = Bench::new();
        let blog = MemoryBlog::default();
        let first = bench
            .publish(&blog, PublishOptions::default())
            .await
            .expect("publish");
        blog.edit_on_web(first.remote_id.as_deref().expect("id"));
        bench.write("# 読書記録\n\n書き直した。\n");

        let refused = bench.publish(&blog, PublishOptions::default()).await;
        let e = refused.expect_err("a web edit is not overwritten silently");
        assert_eq!(e.code(), "remote_changed");
        assert!(
            blog.posts()[0].html.contains("added on the web"),
            "the blog's version stays"
        );
        let kept = bench
            .store
            .publication(bench.draft, bench.blog.id)
            .expect("read")
            .expect("recorded");
        assert_eq!(
            kept.last_error.expect("the reason kept").code,
            "remote_changed"
        );

        let overwrite = PublishOptions {
            overwrite: true,
            ..PublishOptions::default()
        };
        bench.publish(&blog, overwrite).await.expect("overwrite");
        assert!(blog.posts()[0].html.contains("書き直した"));
        assert_eq!(blog.creates.load(Ordering::SeqCst), 1);
    });
}

#[test]
fn a_create_whose_answer_was_lost_is_found_on_the_blog_not_made_twice() {
    run(async {
        let mut bench = Bench::new();
        let blog = MemoryBlog::default();
        blog.lose_next_create_answer.store(true, Ordering::SeqCst);
        let lost = bench.publish(&blog, PublishOptions::default()).await;
        assert_eq!(lost.expect_err("no answer").code(), "blog_unreachable");
        assert_eq!(blog.posts().len(), 1, "the blog made the post all the same");

        let found = bench
            .publish(&blog, PublishOptions::default())
            .await
            .expect("publish");
        assert_eq!(
            found.remote_id.as_deref(),
            Some("1"),
            "the post made before"
        );
        assert_eq!(
            blog.creates.load(Ordering::SeqCst),
            1,
            "never created twice"
        );
        assert_eq!(blog.posts().len(), 1);
    });
}

#[test]
fn a_post_deleted_on_the_web_is_created_again_only_when_asked() {
    run(async {
        let mut bench = Bench::new();
        let blog = MemoryBlog::default();
        let first = bench
            .publish(&blog, PublishOptions::default())
            .await
            .expect("publish");
        blog.posts().clear();
        bench.write("# 読書記録\n\n消された後で。\n");

        let gone = bench.publish(&blog, PublishOptions::default()).await;
        assert_eq!(gone.expect_err("gone").code(), "remote_post_not_found");
        assert!(blog.posts().is_empty(), "nothing created unasked");

        let recreate = PublishOptions {
            recreate: true,
            ..PublishOptions::default()
        };
        let again = bench.publish(&blog, recreate).await.expect("recreate");
        assert_ne!(again.remote_id, first.remote_id, "a new post");
        assert_eq!(blog.posts().len(), 1);
    });
}

/// The keychain, answering every blog with the secret the blog in memory accepts.
fn unlocked(_: &mut Store, _: &Blog) -> Result<String> {
    Ok(SECRET.to_owned())
}

/// The keychain, still locked (as at start-up before the author unlocks it).
fn locked(_: &mut Store, _: &Blog) -> Result<String> {
    Err(Error::Keychain {
        detail: "the collection is locked".into(),
    })
}

#[test]
fn a_publish_to_a_blog_that_is_down_is_queued_and_sent_once_with_the_text_published() {
    run(async {
        let mut bench = Bench::new();
        let blog = MemoryBlog::default();
        blog.down.store(true, Ordering::SeqCst);
        let outcome = bench
            .publish_or_queue(&blog)
            .await
            .expect("queued, not failed");
        assert!(
            matches!(outcome, PublishOutcome::Queued { .. }),
            "{outcome:?}"
        );
        assert_eq!(bench.store.queued_publishes().expect("queue").len(), 1);

        // The author goes on writing; the queue sends what they pressed Publish on.
        bench.write("# 読書記録\n\n面白かった。\n\n公開の後に書いた段落。\n");
        let still_down = bench.send_queued(&blog, &unlocked).await;
        assert!(
            matches!(still_down.as_slice(), [Sent::Waiting { .. }]),
            "{still_down:?}"
        );
        assert_eq!(bench.store.queued_publishes().expect("queue").len(), 1);

        blog.down.store(false, Ordering::SeqCst);
        let sent = bench.send_queued(&blog, &unlocked).await;
        assert!(
            matches!(sent.as_slice(), [Sent::Published { url: Some(_), .. }]),
            "{sent:?}"
        );
        assert!(bench.store.queued_publishes().expect("queue").is_empty());
        assert_eq!(blog.creates.load(Ordering::SeqCst), 1);
        let posted = blog.posts()[0].html.clone();
        assert!(posted.contains("面白かった"), "{posted}");
        assert!(
            !posted.contains("公開の後に書いた"),
            "the queue sent text written after Publish: {posted}"
        );

        // Sending again finds nothing to send.
        assert!(bench.send_queued(&blog, &unlocked).await.is_empty());
        assert_eq!(
            blog.creates.load(Ordering::SeqCst),
            1,
            "never a second post"
        );
    });
}

#[test]
fn a_locked_keychain_keeps_a_queued_publish_waiting_and_a_refusal_takes_it_out() {
    run(async {
        let mut bench = Bench::new();
        let blog = MemoryBlog::default();
        blog.down.store(true, Ordering::SeqCst);
        bench.publish_or_queue(&blog).await.expect("queued");
        blog.down.store(false, Ordering::SeqCst);

        let waiting = bench.send_queued(&blog, &locked).await;
        match waiting.as_slice() {
            [Sent::Waiting { error, .. }] => assert_eq!(error.code, "keychain"),
            other => panic!("a locked keychain should leave the job waiting: {other:?}"),
        }
        assert_eq!(bench.store.queued_publishes().expect("queue").len(), 1);
        assert_eq!(blog.creates.load(Ordering::SeqCst), 0);

        // The blog now refuses the credentials: the author must act, so the job leaves the
        // queue and the draft's publication says why.
        blog.refusing.store(true, Ordering::SeqCst);
        let failed = bench.send_queued(&blog, &unlocked).await;
        match failed.as_slice() {
            [Sent::Failed { error, .. }] => assert_eq!(error.code, "blog_rejected_credentials"),
            other => panic!("a refusal should take the job out: {other:?}"),
        }
        assert!(bench.store.queued_publishes().expect("queue").is_empty());
        let publication = bench
            .store
            .publication(bench.draft, bench.blog.id)
            .expect("read")
            .expect("the failure is recorded on the draft");
        assert_eq!(
            publication.last_error.map(|said| said.code),
            Some("blog_rejected_credentials".to_owned())
        );
        assert_eq!(blog.creates.load(Ordering::SeqCst), 0);
    });
}

#[test]
fn preview_on_the_blog_keeps_one_draft_post_and_leaves_a_public_one_alone() {
    run(async {
        let mut bench = Bench::new();
        let blog = MemoryBlog::default();
        let first = bench.preview(&blog).await.expect("preview");
        assert_eq!(first.differing, 0, "{first:?}");
        assert!(first.blocks.iter().any(|b| b.html.contains("面白かった")));
        assert_eq!(blog.posts()[0].status, PostState::Draft);

        bench.write("# 読書記録\n\n面白かった。二度目。\n");
        let second = bench.preview(&blog).await.expect("preview again");
        assert!(second.blocks.iter().any(|b| b.html.contains("二度目")));
        assert_eq!(
            blog.creates.load(Ordering::SeqCst),
            1,
            "one post on the blog"
        );
        assert_eq!(blog.updates.load(Ordering::SeqCst), 1);

        // Publishing makes that same post public; previewing it then would change it for readers.
        bench
            .publish(&blog, PublishOptions::default())
            .await
            .expect("publish");
        assert_eq!(blog.posts().len(), 1);
        assert_eq!(blog.posts()[0].status, PostState::Published);
        let refused = bench.preview(&blog).await;
        assert!(
            matches!(refused, Err(Error::PreviewOfPublicPost { .. })),
            "{refused:?}"
        );
        assert_eq!(blog.updates.load(Ordering::SeqCst), 2, "nothing sent");
    });
}
