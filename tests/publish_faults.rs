//! Many publishes through random faults, with the real CLI against the real WordPress and the
//! local Hatena: exactly one remote post per draft, the remote text always one the author
//! published, every failure a message, no local edit lost.
//!
//! `FUMI_FAULT_PUBLISHES=N` publishes N times to each blog (the suite: 12);
//! `FUMI_FAULT_SEED=S` replays a run.

use std::collections::BTreeMap;
use std::time::Instant;

use super::publish_wordpress::rest;
use super::support::fault_proxy::{Fault, FaultProxy};
use super::support::hatena::TestHatena;
use super::support::keyring::SecretService;
use super::support::wordpress::TestWordPress;
use super::support::{fumi_env, ok};

/// Drafts published in turn; few enough that each is published many times.
const DRAFTS: usize = 3;
/// The request timeout the CLI runs with, so that a stall counts as lost within seconds.
const TIMEOUT_SECS: u64 = 2;

/// The blog under test, as the test sees it (not through Fumi).
enum Site {
    WordPress(TestWordPress),
    Hatena(TestHatena),
}

impl Site {
    fn proxy(&self) -> &FaultProxy {
        match self {
            Site::WordPress(s) => s.proxy.as_ref(),
            Site::Hatena(s) => s.proxy.as_ref(),
        }
        .expect("started behind the proxy")
    }

    /// `fumi blogs add` arguments and the secret to type.
    fn add_args(&self) -> (Vec<String>, String) {
        let (kind, url, user, secret) = match self {
            Site::WordPress(s) => ("wordpress", &s.url, &s.user, &s.password),
            Site::Hatena(s) => ("hatena", &s.root, &s.user, &s.api_key),
        };
        let args = [
            "blogs", "add", "test", "--kind", kind, "--url", url, "--user", user,
        ];
        (
            args.iter().map(|a| a.to_string()).collect(),
            format!("{secret}\n"),
        )
    }

    /// The bodies of every remote post (drafts and trash included) with this title.
    async fn bodies_titled(&self, title: &str) -> Vec<String> {
        match self {
            Site::WordPress(s) => rest(s, "wp/v2/posts?status=any&context=edit&per_page=100")
                .await
                .as_array()
                .expect("array")
                .iter()
                .filter(|p| p["title"]["raw"] == title)
                .map(|p| p["content"]["raw"].as_str().unwrap_or_default().to_owned())
                .collect(),
            Site::Hatena(s) => s
                .entries()
                .into_iter()
                .filter(|e| e.title == title)
                .map(|e| e.content)
                .collect(),
        }
    }
}

/// A fault drawn at random, or none.
fn random_fault(rng: &mut fastrand::Rng) -> Option<Fault> {
    Some(match rng.u8(0..9) {
        0 => return None,
        1 => Fault::DropRequest,
        2 | 3 => Fault::DropAnswer,
        4 => Fault::Status(500, None),
        5 => Fault::Status(503, None),
        6 => Fault::Status(429, Some(1)),
        7 => Fault::Garbage,
        _ => Fault::Slow((TIMEOUT_SECS + 1) * 1000),
    })
}

fn fault_name(fault: Option<Fault>) -> String {
    match fault {
        None => "none".into(),
        Some(Fault::Status(code, _)) => code.to_string(),
        Some(Fault::Slow(_)) => "stall past the timeout".into(),
        Some(f) => format!("{f:?}"),
    }
}

/// The text that tells one version of a draft from another, in the Markdown and in the HTML.
fn version_mark(draft: usize, version: usize) -> String {
    format!("版{draft}-{version}号")
}

async fn publish_through_random_faults(site: Site) {
    let publishes: usize = std::env::var("FUMI_FAULT_PUBLISHES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(12);
    let seed: u64 = std::env::var("FUMI_FAULT_SEED")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or_else(|| fastrand::u64(..));
    let mut rng = fastrand::Rng::with_seed(seed);
    let label = match site {
        Site::WordPress(_) => "WordPress",
        Site::Hatena(_) => "Hatena",
    };
    eprintln!("{label}: {publishes} publishes, FUMI_FAULT_SEED={seed}");

    let keychain = SecretService::start();
    let mut env = keychain.env();
    env.push(("FUMI_NETWORK_TIMEOUT_SECS", TIMEOUT_SECS.to_string()));
    let data = tempfile::tempdir().expect("temp dir");
    let run = |args: &[&str], stdin: &[u8]| fumi_env(data.path(), args, stdin, &env);
    let (add, secret) = site.add_args();
    let add: Vec<&str> = add.iter().map(String::as_str).collect();
    ok(run(&add, secret.as_bytes()));

    let titles: Vec<String> = (0..DRAFTS).map(|d| format!("障害の中の記事 {d}")).collect();
    let ids: Vec<String> = titles
        .iter()
        .map(|t| {
            ok(run(&["drafts", "new", "--title", t, "-"], b"start\n"))
                .trim()
                .to_owned()
        })
        .collect();
    // The versions of each draft the author has published successfully, and the last one tried.
    let mut published: Vec<Option<usize>> = vec![None; DRAFTS];
    let mut tried: Vec<Vec<usize>> = vec![Vec::new(); DRAFTS];
    let mut outcomes: BTreeMap<String, (usize, usize)> = BTreeMap::new();
    let started = Instant::now();

    for version in 0..publishes {
        let d = rng.usize(0..DRAFTS);
        let body = format!("{}\n\n障害に強い公開の記録。\n", version_mark(d, version));
        ok(run(&["drafts", "edit", &ids[d], "-"], body.as_bytes()));
        // Up to three faults on this publish's first eight requests: sometimes more than its
        // retries can absorb.
        let fault = random_fault(&mut rng);
        if let Some(fault) = fault {
            for _ in 0..rng.usize(1..=3) {
                site.proxy().inject_nth(rng.usize(0..8), fault);
            }
        }
        let out = run(&["publish", &ids[d], "--blog", "test"], b"");
        site.proxy().clear();
        tried[d].push(version);
        let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
        let tally = outcomes.entry(fault_name(fault)).or_default();
        if out.status.success() {
            tally.0 += 1;
            published[d] = Some(version);
        } else {
            tally.1 += 1;
            assert!(
                stderr.starts_with("fumi: ") && stderr.len() > 12 && !stderr.contains("panicked"),
                "a failure is a message for the author: {stderr:?}"
            );
        }

        // The draft is what the author wrote, whatever happened on the wire.
        assert!(ok(run(&["drafts", "show", &ids[d]], b"")).contains(&body));
        // Never two posts; the one there is a version the author published (or was publishing).
        let remote = site.bodies_titled(&titles[d]).await;
        assert!(
            remote.len() <= 1,
            "{label} draft {d} after version {version} ({}): {} posts",
            fault_name(fault),
            remote.len()
        );
        if let Some(v) = published[d] {
            let text = remote.first().expect("a published draft has its post");
            let shown: Vec<usize> = tried[d]
                .iter()
                .copied()
                .filter(|t| text.contains(&version_mark(d, *t)))
                .collect();
            assert!(
                shown.len() == 1 && shown[0] >= v,
                "{label} draft {d}: the post shows versions {shown:?}, last published {v}"
            );
        }
    }

    // With the faults gone, one more publish of each draft brings every post up to date.
    for d in 0..DRAFTS {
        let out = run(&["publish", &ids[d], "--blog", "test"], b"");
        ok(out);
        let remote = site.bodies_titled(&titles[d]).await;
        assert_eq!(remote.len(), 1, "{label}: exactly one post for draft {d}");
        let last = tried[d].last().copied();
        if let Some(last) = last {
            assert!(remote[0].contains(&version_mark(d, last)), "{}", remote[0]);
        }
    }
    eprintln!(
        "{label}: {publishes} publishes in {:.0} s; by fault (succeeded, failed with a message): {outcomes:?}; duplicates: 0",
        started.elapsed().as_secs_f64()
    );
}

#[tokio::test]
async fn wordpress_publishes_through_random_faults_without_duplicates() {
    publish_through_random_faults(Site::WordPress(TestWordPress::behind_proxy())).await;
}

#[tokio::test]
async fn hatena_publishes_through_random_faults_without_duplicates() {
    publish_through_random_faults(Site::Hatena(TestHatena::behind_proxy())).await;
}
