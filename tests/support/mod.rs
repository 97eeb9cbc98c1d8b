//! Helpers shared by the integration tests.

pub mod book_sources;
pub mod desktop;
pub mod fault_proxy;
pub mod git_server;
pub mod hatena;
pub mod hatena_markdown;
pub mod input_method;
pub mod keyring;
pub mod page_site;
pub mod small_disk;
pub mod ssh_server;
pub mod wordpress;

use std::io::Write;
use std::path::Path;
use std::process::{Command, Output, Stdio};

/// The `fumi` binary cargo built for these tests.
pub const FUMI: &str = env!("CARGO_BIN_EXE_fumi");

/// Runs `fumi --data-dir DIR ARGS…` with `stdin` as its standard input.
pub fn fumi(data_dir: &Path, args: &[&str], stdin: &[u8]) -> Output {
    fumi_env(data_dir, args, stdin, &[])
}

/// [`fumi`] with extra environment variables.
pub fn fumi_env(data_dir: &Path, args: &[&str], stdin: &[u8], env: &[(&str, String)]) -> Output {
    let mut child = Command::new(FUMI)
        .arg("--data-dir")
        .arg(data_dir)
        .args(args)
        .env_remove("FUMI_DATA_DIR")
        // English unless a test asks for another locale.
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("LANG", "C.UTF-8")
        .envs(env.iter().map(|(k, v)| (k, v)))
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the fumi binary starts");
    let mut input = child.stdin.take().expect("stdin is piped");
    // A command that fails early (a full disk) may exit before reading its input.
    if let Err(e) = input.write_all(stdin) {
        assert_eq!(
            e.kind(),
            std::io::ErrorKind::BrokenPipe,
            "write to fumi's stdin: {e}"
        );
    }
    drop(input);
    child.wait_with_output().expect("fumi runs to the end")
}

/// Standard output of a run that must have succeeded.
pub fn ok(output: Output) -> String {
    assert!(
        output.status.success(),
        "fumi failed ({}): {}",
        output.status,
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).expect("fumi prints UTF-8")
}

/// Kills a process and everything in its process group (helpers are started as group leaders
/// so that their own children — WebKitWebDriver, PHP's workers — go with them).
pub fn kill_group(pid: u32) {
    let _ = Command::new("kill")
        .args(["-s", "KILL", "--", &format!("-{pid}")])
        .status();
}

/// The ids of every process running now (the numbered entries of `/proc`).
pub fn running_pids() -> Vec<u32> {
    let Ok(entries) = std::fs::read_dir("/proc") else {
        return Vec::new();
    };
    entries
        .filter_map(|e| e.ok()?.file_name().to_str()?.parse::<u32>().ok())
        .collect()
}

/// A Japanese book review with the constructs the renderer must get right.
pub const REVIEW: &str = include_str!("review.md");

/// Publishes through the core's workflow with `secret`, collecting its progress reports.
pub async fn publish_collecting(
    store: &mut fumi_core::Store,
    blog: &fumi_core::Blog,
    secret: &str,
    draft: fumi_core::DraftId,
    options: fumi_core::publish::PublishOptions,
) -> (
    Result<fumi_core::Publication, fumi_core::Error>,
    Vec<fumi_core::publish::Progress>,
) {
    let steps = std::sync::Mutex::new(Vec::new());
    let result = fumi_core::publish::publish_draft(
        store,
        &fumi_core::Renderer::new(),
        blog,
        secret,
        draft,
        options,
        &|p| steps.lock().expect("steps").push(p),
    )
    .await;
    (result, steps.into_inner().expect("steps"))
}

/// *Preview on the blog* of a draft over the network, as the window and the CLI ask it.
pub async fn preview_on_blog(
    store: &mut fumi_core::Store,
    blog: &fumi_core::Blog,
    secret: &str,
    draft: fumi_core::DraftId,
) -> Result<fumi_core::publish::BlogPreview, fumi_core::Error> {
    fumi_core::publish::preview_on_blog(
        store,
        &fumi_core::Renderer::new(),
        &fumi_core::publish::Network,
        blog,
        secret,
        draft,
        &fumi_core::model::page_card::PageCards::new(),
    )
    .await
}

/// Fails if `secret` appears in the database files or the logs of `data_dir` (it belongs in the
/// keychain), or if there are no logs to search.
pub fn assert_secret_absent(data_dir: &Path, secret: &str) {
    let logs: Vec<_> = std::fs::read_dir(data_dir.join("logs"))
        .map(|d| d.flatten().map(|e| e.path()).collect())
        .unwrap_or_default();
    let logged: usize = logs
        .iter()
        .map(|f| std::fs::metadata(f).map_or(0, |m| m.len() as usize))
        .sum();
    assert!(logged > 0, "the logs to search exist: {logs:?}");
    let files = ["fumi.sqlite3", "fumi.sqlite3-wal"]
        .iter()
        .map(|f| data_dir.join(f))
        .chain(logs);
    for file in files {
        let bytes = std::fs::read(&file).unwrap_or_default();
        assert!(
            !bytes.windows(secret.len()).any(|w| w == secret.as_bytes()),
            "the secret is in {}",
            file.display()
        );
    }
}

/// Serves `app` on `listener` (non-blocking) from a thread of its own, for as long as the tests run.
pub fn serve(listener: std::net::TcpListener, app: axum::Router) {
    serve_until(listener, app, std::future::pending());
}

/// [`serve`] until `stop` resolves; the thread ends then.
pub fn serve_until(
    listener: std::net::TcpListener,
    app: axum::Router,
    stop: impl std::future::Future<Output = ()> + Send + 'static,
) -> std::thread::JoinHandle<()> {
    std::thread::spawn(move || {
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .expect("runtime");
        runtime.block_on(async move {
            let listener = tokio::net::TcpListener::from_std(listener).expect("listener");
            let _ = axum::serve(listener, app)
                .with_graceful_shutdown(stop)
                .await;
        });
    })
}
