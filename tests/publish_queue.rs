//! The publish queue against the local Hatena behind the fault proxy: a publish while the blog
//! is down waits with the text the author published, is sent once the blog answers, and is
//! never sent twice.

use fumi_core::publish::queue::{PublishOutcome, Sent, publish_or_queue, send_queued};
use fumi_core::publish::{Network, PublishOptions, Standing, publication_states};
use fumi_core::{Blog, DraftId, Renderer, SaveKind, Store};

use super::publish_hatena::store_with;
use super::support::fault_proxy::Fault;
use super::support::hatena::TestHatena;

/// Publishes by hand (the window's button, `fumi publish`): sent now, or queued.
async fn publish(
    store: &mut Store,
    blog: &Blog,
    hatena: &TestHatena,
    draft: DraftId,
) -> PublishOutcome {
    publish_or_queue(
        store,
        &Renderer::new(),
        &Network,
        blog,
        &hatena.api_key,
        draft,
        PublishOptions::default(),
        &|_| {},
    )
    .await
    .expect("sent or queued, never an error for an outage")
}

fn standing(store: &Store, draft: DraftId) -> Standing {
    publication_states(store, &Renderer::new(), draft).expect("states")[0].standing
}

/// Every request of the blog fails as when the network is down.
fn go_offline(hatena: &TestHatena) {
    let proxy = hatena.proxy.as_ref().expect("proxy");
    for _ in 0..1000 {
        proxy.inject_nth(0, Fault::DropRequest);
    }
}

#[tokio::test]
async fn a_publish_while_offline_waits_and_is_sent_once_when_the_blog_answers() {
    let hatena = TestHatena::behind_proxy();
    let proxy = hatena.proxy.as_ref().expect("proxy");
    let (_dir, mut store, blog) = store_with(&hatena);
    let renderer = Renderer::new();
    let key = hatena.api_key.clone();
    let secret_of = move |_: &mut Store, _: &Blog| Ok(key.clone());
    let draft = store
        .create_draft("電車の中で", "圏外で書いた書評。\n")
        .expect("draft");

    go_offline(&hatena);
    let outcome = publish(&mut store, &blog, &hatena, draft.id).await;
    let PublishOutcome::Queued { job } = outcome else {
        panic!("queued: {outcome:?}")
    };
    assert!(
        job.last_error.message.contains("could not reach"),
        "{}",
        job.last_error
    );
    assert_eq!(standing(&store, draft.id), Standing::Queued);

    // The author goes on writing; the queue keeps what they published.
    store
        .save_draft(
            draft.id,
            "電車の中で",
            "圏外で書いた書評。続きも。\n",
            SaveKind::Autosave,
        )
        .expect("edit");

    // Not due yet, then due but still offline: it waits, counted.
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .expect("clock")
        .as_millis() as i64;
    let sent = send_queued(&mut store, &renderer, &Network, &secret_of, now)
        .await
        .expect("send");
    assert!(sent.is_empty(), "nothing due: {sent:?}");
    let sent = send_queued(&mut store, &renderer, &Network, &secret_of, i64::MAX)
        .await
        .expect("send");
    assert!(matches!(sent[..], [Sent::Waiting { .. }]), "{sent:?}");
    let waiting = store.queued_publishes().expect("queue");
    assert_eq!(waiting.len(), 1);
    assert_eq!(waiting[0].attempts, 1);
    assert!(waiting[0].next_attempt_at > now + 30_000);
    assert!(hatena.entries().is_empty());

    // Back online, and the create's answer is lost on the way: found, not made twice.
    proxy.clear();
    proxy.inject(
        "POST",
        &format!("/{}/fumi-tester.hatenablog.com/atom/entry", hatena.user),
        Fault::DropAnswer,
        1,
    );
    let mut sends = 0;
    while !store.queued_publishes().expect("queue").is_empty() {
        sends += 1;
        assert!(sends <= 3, "sent within three attempts");
        send_queued(&mut store, &renderer, &Network, &secret_of, i64::MAX)
            .await
            .expect("send");
    }
    let entries = hatena.entries();
    assert_eq!(entries.len(), 1, "exactly one entry");
    assert_eq!(
        entries[0].content, "圏外で書いた書評。\n",
        "what the author published"
    );
    assert_eq!(
        store.draft(draft.id).expect("draft").body,
        "圏外で書いた書評。続きも。\n",
        "the later writing is untouched"
    );
    assert_eq!(standing(&store, draft.id), Standing::Modified);

    // Sending again finds nothing to do.
    let sent = send_queued(&mut store, &renderer, &Network, &secret_of, i64::MAX)
        .await
        .expect("send");
    assert!(sent.is_empty());
    assert_eq!(hatena.entries().len(), 1);
}

#[tokio::test]
async fn a_trashed_drafts_publish_waits_until_it_is_restored() {
    let hatena = TestHatena::behind_proxy();
    let (_dir, mut store, blog) = store_with(&hatena);
    let renderer = Renderer::new();
    let draft = store.create_draft("やめた書評", "本文\n").expect("draft");
    go_offline(&hatena);
    let queued = publish(&mut store, &blog, &hatena, draft.id).await;
    assert!(matches!(queued, PublishOutcome::Queued { .. }));
    hatena.proxy.as_ref().expect("proxy").clear();

    store.trash_draft(draft.id).expect("trash");
    let sent = send_queued(
        &mut store,
        &renderer,
        &Network,
        &|_: &mut Store, _: &Blog| Ok(hatena.api_key.clone()),
        i64::MAX,
    )
    .await
    .expect("send");
    assert!(sent.is_empty(), "not sent from the trash");
    assert!(hatena.entries().is_empty());
    assert_eq!(
        store.queued_publishes().expect("queue").len(),
        1,
        "still waiting"
    );

    store.restore_draft(draft.id).expect("restore");
    let sent = send_queued(
        &mut store,
        &renderer,
        &Network,
        &|_: &mut Store, _: &Blog| Ok(hatena.api_key.clone()),
        i64::MAX,
    )
    .await
    .expect("send");
    assert_eq!(sent.len(), 1);
    assert_eq!(hatena.entries().len(), 1);
}

#[tokio::test]
async fn a_job_has_one_sender_and_a_refusal_leaves_the_queue_with_its_reason() {
    let hatena = TestHatena::behind_proxy();
    let proxy = hatena.proxy.as_ref().expect("proxy");
    let (dir, mut store, blog) = store_with(&hatena);
    let renderer = Renderer::new();
    let draft = store.create_draft("順番待ち", "本文\n").expect("draft");

    go_offline(&hatena);
    let queued = publish(&mut store, &blog, &hatena, draft.id).await;
    assert!(matches!(queued, PublishOutcome::Queued { .. }));

    // A second process (the CLI beside the window) cannot take a job another sender holds,
    // nor can a publish by hand replace it while it may be on the wire.
    let mut other = Store::open(dir.path()).expect("second connection");
    let held = store
        .claim_queued_publish("window", i64::MAX, 60_000)
        .expect("claim");
    assert!(held.is_some());
    assert!(
        other
            .claim_queued_publish("cli", i64::MAX, 60_000)
            .expect("claim")
            .is_none()
    );
    let e = other
        .unqueue_publish(draft.id, blog.id)
        .expect_err("held by the window");
    assert_eq!(e.code(), "publish_in_progress");
    assert!(e.to_string().contains("being sent"));
    store
        .release_queued_publish(
            &held.expect("job"),
            "window",
            &fumi_core::message::Said::from(&e),
            0,
        )
        .expect("release");

    // The blog answers but refuses the key: the author must act, so the job leaves the queue
    // and the reason shows on the draft.
    proxy.clear();
    let sent = send_queued(
        &mut store,
        &renderer,
        &Network,
        &|_: &mut Store, _: &Blog| Ok("wrong-key".into()),
        i64::MAX,
    )
    .await
    .expect("send");
    assert!(matches!(sent[..], [Sent::Failed { .. }]), "{sent:?}");
    assert!(store.queued_publishes().expect("queue").is_empty());
    assert_eq!(standing(&store, draft.id), Standing::Failed);
    assert!(hatena.entries().is_empty());

    // A publish by hand replaces a queued one.
    go_offline(&hatena);
    publish(&mut store, &blog, &hatena, draft.id).await;
    proxy.clear();
    let outcome = publish(&mut store, &blog, &hatena, draft.id).await;
    assert!(matches!(outcome, PublishOutcome::Published { .. }));
    assert!(store.queued_publishes().expect("queue").is_empty());
    assert_eq!(hatena.entries().len(), 1);
}

#[tokio::test]
async fn a_busy_hatena_keeps_the_publish_in_the_queue_until_it_answers() {
    let hatena = TestHatena::behind_proxy();
    let proxy = hatena.proxy.as_ref().expect("proxy");
    let (_dir, mut store, blog) = store_with(&hatena);
    let key = hatena.api_key.clone();
    let secret_of = move |_: &mut Store, _: &Blog| Ok(key.clone());
    let draft = store
        .create_draft("混雑", "混んでいる日の書評。\n")
        .expect("draft");

    // Every request answered 429, asking for an hour.
    for _ in 0..1000 {
        proxy.inject_nth(0, Fault::Status(429, Some(3600)));
    }
    let outcome = publish(&mut store, &blog, &hatena, draft.id).await;
    let PublishOutcome::Queued { job } = outcome else {
        panic!("a busy blog queues the publish: {outcome:?}")
    };
    assert!(
        job.last_error.message.contains("busy"),
        "{}",
        job.last_error
    );
    assert!(
        job.last_error.message.contains("3600 seconds"),
        "{}",
        job.last_error
    );
    assert!(
        job.next_attempt_at >= job.queued_at + 3_600_000,
        "not retried before the blog asked: {job:?}"
    );
    assert_eq!(standing(&store, draft.id), Standing::Queued);

    // Still busy when the queue tries: it waits again, no sooner than asked.
    let sent = send_queued(&mut store, &Renderer::new(), &Network, &secret_of, i64::MAX)
        .await
        .expect("send");
    assert!(matches!(sent[..], [Sent::Waiting { .. }]), "{sent:?}");
    assert_eq!(store.queued_publishes().expect("queue").len(), 1);

    // The blog recovers: the publish goes out, once.
    proxy.clear();
    let sent = send_queued(&mut store, &Renderer::new(), &Network, &secret_of, i64::MAX)
        .await
        .expect("send");
    assert!(matches!(sent[..], [Sent::Published { .. }]), "{sent:?}");
    assert!(store.queued_publishes().expect("queue").is_empty());
    let entries = hatena.entries();
    assert_eq!(entries.len(), 1);
    assert_eq!(entries[0].content, "混んでいる日の書評。\n");
}
