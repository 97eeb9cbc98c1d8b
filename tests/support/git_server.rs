//! A real git server on loopback: git's own `git http-backend` (smart HTTP, fetch and push)
//! run as CGI behind a small web server that asks for HTTP Basic sign-in, serving bare
//! repositories from a temporary folder. It can be stopped and started again on the same port
//! (a computer going offline and back), and counts the bytes pushed to it.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;

use axum::Router;
use axum::body::{Body, Bytes};
use axum::extract::{Request, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::Response;
use base64::Engine;
use tokio::io::AsyncWriteExt;

/// The sign-in the server accepts.
pub const USER: &str = "writer";
pub const TOKEN: &str = "t0k3n-0f-7h3-r3p0";

struct Shared {
    root: PathBuf,
    /// Whether every request is served without a sign-in (a benchmark's remote).
    open: bool,
    /// Bytes of request bodies to `git-receive-pack` (what pushes sent).
    pushed: AtomicU64,
}

/// The server and its repositories.
pub struct GitServer {
    /// `http://127.0.0.1:PORT`
    pub base: String,
    port: u16,
    _root: tempfile::TempDir,
    shared: Arc<Shared>,
    running: Mutex<Option<(tokio::sync::oneshot::Sender<()>, JoinHandle<()>)>>,
}

impl GitServer {
    pub fn start() -> GitServer {
        GitServer::start_with(false)
    }

    /// A server that asks no sign-in (for measuring, where no keychain runs).
    pub fn start_open() -> GitServer {
        GitServer::start_with(true)
    }

    fn start_with(open: bool) -> GitServer {
        let git = Command::new("git").arg("--version").output();
        assert!(
            git.is_ok_and(|o| o.status.success()),
            "git is missing: apt-get install git"
        );
        let root = tempfile::tempdir().expect("temp dir");
        let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("a port");
        let port = listener.local_addr().expect("address").port();
        let shared = Arc::new(Shared {
            root: root.path().to_path_buf(),
            open,
            pushed: AtomicU64::new(0),
        });
        let server = GitServer {
            base: format!("http://127.0.0.1:{port}"),
            port,
            _root: root,
            shared,
            running: Mutex::new(None),
        };
        server.serve(listener);
        server
    }

    /// A new empty bare repository; answers its address (without the sign-in).
    pub fn new_repo(&self, name: &str) -> String {
        let path = self.shared.root.join(format!("{name}.git"));
        let status = Command::new("git")
            .args(["init", "--bare", "--quiet", "--initial-branch=main"])
            .arg(&path)
            .status()
            .expect("git init");
        assert!(status.success());
        format!("{}/{name}.git", self.base)
    }

    /// The bare repository behind `name`, for checks with git itself.
    pub fn repo_path(&self, name: &str) -> PathBuf {
        self.shared.root.join(format!("{name}.git"))
    }

    /// Bytes pushed to the server so far.
    pub fn pushed_bytes(&self) -> u64 {
        self.shared.pushed.load(Ordering::SeqCst)
    }

    /// Stops answering (connections are refused) until [`GitServer::resume`].
    pub fn stop(&self) {
        if let Some((stop, thread)) = self.running.lock().expect("lock").take() {
            let _ = stop.send(());
            let _ = thread.join();
        }
    }

    /// Answers again, on the same port.
    pub fn resume(&self) {
        let listener =
            std::net::TcpListener::bind(("127.0.0.1", self.port)).expect("the same port again");
        self.serve(listener);
    }

    fn serve(&self, listener: std::net::TcpListener) {
        listener.set_nonblocking(true).expect("non-blocking");
        let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
        let app = Router::new().fallback(cgi).with_state(self.shared.clone());
        let thread = super::serve_until(listener, app, async {
            let _ = stopped.await;
        });
        *self.running.lock().expect("lock") = Some((stop, thread));
    }
}

impl Drop for GitServer {
    fn drop(&mut self) {
        self.stop();
    }
}

/// Whether the request signs in as [`USER`] with [`TOKEN`].
fn signed_in(headers: &HeaderMap) -> bool {
    let expected = base64::engine::general_purpose::STANDARD.encode(format!("{USER}:{TOKEN}"));
    headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v == format!("Basic {expected}"))
}

/// Runs `git http-backend` for the request, as a web server runs a CGI program.
async fn cgi(State(shared): State<Arc<Shared>>, request: Request) -> Response {
    if !shared.open && !signed_in(request.headers()) {
        return Response::builder()
            .status(StatusCode::UNAUTHORIZED)
            .header(header::WWW_AUTHENTICATE, "Basic realm=\"git\"")
            .body(Body::empty())
            .expect("response");
    }
    let (parts, body) = request.into_parts();
    let body: Bytes = axum::body::to_bytes(body, 64 << 20)
        .await
        .unwrap_or_default();
    if parts.uri.path().ends_with("/git-receive-pack") {
        shared.pushed.fetch_add(body.len() as u64, Ordering::SeqCst);
    }
    let header = |name: header::HeaderName| {
        parts
            .headers
            .get(name)
            .and_then(|v| v.to_str().ok())
            .unwrap_or("")
            .to_owned()
    };
    let mut child = tokio::process::Command::new("git")
        .arg("http-backend")
        .env_clear()
        .env("GIT_PROJECT_ROOT", &shared.root)
        .env("GIT_HTTP_EXPORT_ALL", "1")
        .env("PATH_INFO", parts.uri.path())
        .env("QUERY_STRING", parts.uri.query().unwrap_or(""))
        .env("REQUEST_METHOD", parts.method.as_str())
        .env("CONTENT_TYPE", header(header::CONTENT_TYPE))
        .env("CONTENT_LENGTH", body.len().to_string())
        .env("HTTP_CONTENT_ENCODING", header(header::CONTENT_ENCODING))
        .env(
            "GIT_PROTOCOL",
            header(header::HeaderName::from_static("git-protocol")),
        )
        .env("REMOTE_USER", USER)
        .env("REMOTE_ADDR", "127.0.0.1")
        .env("SERVER_PROTOCOL", "HTTP/1.1")
        .env("PATH", std::env::var_os("PATH").unwrap_or_default())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("git http-backend");
    let mut stdin = child.stdin.take().expect("stdin");
    let writer = tokio::spawn(async move {
        let _ = stdin.write_all(&body).await;
    });
    let output = child.wait_with_output().await.expect("http-backend output");
    let _ = writer.await;
    cgi_response(&output.stdout)
}

/// A CGI program's output (headers, a blank line, the body) as an HTTP response.
fn cgi_response(out: &[u8]) -> Response {
    let split = out
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .map(|at| (at, 4))
        .or_else(|| out.windows(2).position(|w| w == b"\n\n").map(|at| (at, 2)));
    let Some((at, gap)) = split else {
        return Response::builder()
            .status(StatusCode::INTERNAL_SERVER_ERROR)
            .body(Body::empty())
            .expect("response");
    };
    let mut response = Response::builder().status(StatusCode::OK);
    for line in String::from_utf8_lossy(&out[..at]).lines() {
        let Some((name, value)) = line.split_once(':') else {
            continue;
        };
        let value = value.trim();
        if name.eq_ignore_ascii_case("status") {
            let code = value
                .split(' ')
                .next()
                .and_then(|c| c.parse().ok())
                .unwrap_or(500);
            response = response.status(code);
        } else if let Ok(value) = HeaderValue::from_str(value) {
            response = response.header(name, value);
        }
    }
    response
        .body(Body::from(out[at + gap..].to_vec()))
        .expect("response")
}

/// Runs git in `dir` (a check of what the server holds); answers its standard output.
pub fn git(dir: &Path, args: &[&str]) -> String {
    let out = Command::new("git")
        .arg("-C")
        .arg(dir)
        .args(args)
        .output()
        .expect("git");
    assert!(
        out.status.success(),
        "git {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// Commits `files` (path, text) on top of what the bare repository `repo` holds and pushes them,
/// as another program writing to the author's repository would.
pub fn push_files(repo: &Path, files: &[(&str, &str)], message: &str) {
    let work = tempfile::tempdir().expect("temp dir");
    let repo = repo.to_str().expect("a UTF-8 path");
    git(work.path(), &["init", "--quiet", "--initial-branch=main"]);
    if !git(work.path(), &["ls-remote", repo, "refs/heads/main"]).is_empty() {
        git(work.path(), &["pull", "--quiet", repo, "main"]);
    }
    for (path, text) in files {
        let path = work.path().join(path);
        std::fs::create_dir_all(path.parent().expect("a folder")).expect("folder");
        std::fs::write(path, text).expect("file");
    }
    git(work.path(), &["add", "."]);
    let commit = [
        "-c",
        "user.name=t",
        "-c",
        "user.email=t@t",
        "commit",
        "--quiet",
        "-m",
    ];
    git(work.path(), &[&commit[..], &[message]].concat());
    git(work.path(), &["push", "--quiet", repo, "main"]);
}
