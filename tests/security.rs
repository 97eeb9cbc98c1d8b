//! A blog's password never leaves its blog: discovery, paging and redirects that point at
//! another host (127.0.0.2 beside a blog on 127.0.0.1) receive nothing; plain http to another
//! computer is refused; two data folders never read each other's keychain entries; a reply too
//! large is refused without exhausting memory.

use std::net::TcpListener;
use std::sync::{Arc, Mutex};

use axum::Router;
use axum::body::Body;
use axum::extract::Request;
use axum::http::{StatusCode, header};
use axum::response::Response;
use axum::routing::{any, get};
use fumi_core::BlogAuth;
use fumi_core::publish::Publisher;
use fumi_core::publish::hatena::Hatena;
use fumi_core::publish::metaweblog::MetaWeblog;
use fumi_core::publish::wordpress::WordPress;

use super::support::desktop::Desktop;
use super::support::hatena::TestHatena;
use super::support::keyring::SecretService;
use super::support::{fumi_env, ok, serve};
use super::window::{new_draft, quit, wait_for};

/// A host that should never be reached with credentials: it records every request it gets.
struct Elsewhere {
    base: String,
    seen: Arc<Mutex<Vec<String>>>,
}

impl Elsewhere {
    /// Listens on 127.0.0.2, another host than the blogs' 127.0.0.1.
    fn start() -> Elsewhere {
        let listener = TcpListener::bind("127.0.0.2:0").expect("127.0.0.2 is on the loopback");
        listener.set_nonblocking(true).expect("non-blocking");
        let base = format!(
            "http://127.0.0.2:{}",
            listener.local_addr().expect("addr").port()
        );
        let seen: Arc<Mutex<Vec<String>>> = Arc::default();
        let record = seen.clone();
        let app = Router::new().fallback(any(move |request: Request| {
            let record = record.clone();
            async move {
                let (parts, body) = request.into_parts();
                let body = axum::body::to_bytes(body, 1 << 20)
                    .await
                    .unwrap_or_default();
                record.lock().expect("seen").push(format!(
                    "{} {} {:?} {}",
                    parts.method,
                    parts.uri,
                    parts.headers,
                    String::from_utf8_lossy(&body)
                ));
                StatusCode::OK
            }
        }));
        serve(listener, app);
        Elsewhere { base, seen }
    }

    fn seen(&self) -> Vec<String> {
        self.seen.lock().expect("seen").clone()
    }
}

/// Serves `app` on 127.0.0.1 and answers its base URL.
fn blog(app: Router) -> String {
    let listener = TcpListener::bind("127.0.0.1:0").expect("a port");
    listener.set_nonblocking(true).expect("non-blocking");
    let base = format!(
        "http://127.0.0.1:{}",
        listener.local_addr().expect("addr").port()
    );
    serve(listener, app);
    base
}

#[tokio::test]
async fn a_wordpress_api_discovered_on_another_host_gets_no_password() {
    let elsewhere = Elsewhere::start();
    let link = format!("<{}/wp-json/>; rel=\"https://api.w.org/\"", elsewhere.base);
    let site = blog(Router::new().route(
        "/",
        get(move || async move { ([(header::LINK, link)], "<html>home</html>") }),
    ));
    let err = WordPress::connect(&format!("{site}/"), "author", "app pass word")
        .await
        .err()
        .expect("refused");
    assert_eq!(err.code(), "blog_points_elsewhere", "{err}");
    let text = err.to_string();
    assert!(
        text.contains(&site) && text.contains(&elsewhere.base),
        "{text}"
    );
    assert!(elsewhere.seen().is_empty(), "{:?}", elsewhere.seen());
}

#[tokio::test]
async fn a_metaweblog_api_link_on_another_host_gets_no_password() {
    let elsewhere = Elsewhere::start();
    let api = format!("{}/xmlrpc.php", elsewhere.base);
    let site = blog(
        Router::new()
            .route(
                "/",
                get(|| async {
                    r#"<html><head><link rel="EditURI" type="application/rsd+xml" href="/rsd.xml"></head></html>"#
                }),
            )
            .route(
                "/rsd.xml",
                get(move || async move {
                    format!(
                        r#"<?xml version="1.0"?><rsd version="1.0"><service><apis><api name="MetaWeblog" blogID="1" preferred="true" apiLink="{api}"/></apis></service></rsd>"#
                    )
                }),
            ),
    );
    let err = MetaWeblog::connect(&format!("{site}/"), "author", "s3cret-pw")
        .await
        .err()
        .expect("refused");
    assert_eq!(err.code(), "blog_points_elsewhere", "{err}");
    assert!(elsewhere.seen().is_empty(), "{:?}", elsewhere.seen());
}

/// An AtomPub root whose service document and feed are fine and whose feed names `next`.
fn hatena_with_next(next: String) -> String {
    blog(
        Router::new()
            .route(
                "/u/b/atom",
                get(|| async {
                    r#"<?xml version="1.0"?><service xmlns="http://www.w3.org/2007/app"><workspace/></service>"#
                }),
            )
            .route(
                "/u/b/atom/entry",
                get(move || async move {
                    format!(
                        r#"<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><link rel="next" href="{next}"/></feed>"#
                    )
                }),
            ),
    )
}

#[tokio::test]
async fn a_hatena_next_page_on_another_host_gets_no_wsse() {
    let elsewhere = Elsewhere::start();
    let root = hatena_with_next(format!("{}/u/b/atom/entry?page=2", elsewhere.base));
    let hatena = Hatena::connect(
        &format!("{root}/u/b/atom"),
        "u",
        "api-key",
        BlogAuth::Default,
    )
    .await
    .expect("the blog itself is fine");
    let err = hatena.list_posts().await.expect_err("refused");
    assert_eq!(err.code(), "blog_points_elsewhere", "{err}");
    assert!(elsewhere.seen().is_empty(), "{:?}", elsewhere.seen());
}

#[tokio::test]
async fn a_redirect_to_another_host_carries_neither_wsse_nor_the_body() {
    let elsewhere = Elsewhere::start();
    let target = elsewhere.base.clone();
    // Every request is sent on with 307, which would repeat the method and the body.
    let root = blog(Router::new().fallback(any(move |request: Request| {
        let to = format!("{target}{}", request.uri());
        async move {
            Response::builder()
                .status(StatusCode::TEMPORARY_REDIRECT)
                .header(header::LOCATION, to)
                .body(Body::empty())
                .expect("response")
        }
    })));
    for auth in [BlogAuth::Default, BlogAuth::Basic] {
        let err = Hatena::connect(&format!("{root}/u/b/atom"), "u", "api-key", auth)
            .await
            .err()
            .expect("refused");
        assert_eq!(err.code(), "blog_points_elsewhere", "{err}");
    }
    let err = WordPress::connect(&format!("{root}/"), "author", "pw")
        .await
        .err()
        .expect("refused");
    assert_eq!(err.code(), "blog_points_elsewhere", "{err}");
    assert!(elsewhere.seen().is_empty(), "{:?}", elsewhere.seen());
}

#[tokio::test]
async fn plain_http_to_another_computer_is_refused_for_every_kind() {
    // Nothing is sent: the address is refused before any connection.
    let wp = WordPress::connect("http://blog.example/", "u", "pw")
        .await
        .err();
    let mw = MetaWeblog::connect("http://blog.example/", "u", "pw")
        .await
        .err();
    let hb = Hatena::connect("http://blog.example/u/b/atom", "u", "k", BlogAuth::Default)
        .await
        .err();
    for err in [wp, mw, hb] {
        let err = err.expect("refused");
        assert_eq!(err.code(), "insecure_connection", "{err}");
    }
}

#[tokio::test]
async fn a_reply_of_a_gigabyte_is_refused_without_reading_it_whole() {
    // A home page sent in chunks without a length: 1 GiB if read to the end.
    let listener = TcpListener::bind("127.0.0.1:0").expect("a port");
    let site = format!(
        "http://127.0.0.1:{}",
        listener.local_addr().expect("addr").port()
    );
    std::thread::spawn(move || {
        for stream in listener.incoming().flatten() {
            std::thread::spawn(move || endless_page(stream));
        }
    });
    let started = std::time::Instant::now();
    let err = MetaWeblog::connect(&format!("{site}/blog/"), "u", "pw")
        .await
        .err()
        .expect("refused");
    // Discovery gave up on the page; the XML-RPC call then met the same answer and said so.
    assert!(
        err.to_string().contains("larger than"),
        "{err} after {:?}",
        started.elapsed()
    );
}

/// Answers one request with 1 GiB of chunked body, or until the client hangs up.
fn endless_page(mut stream: std::net::TcpStream) {
    use std::io::{BufRead, BufReader, Write};
    let mut reader = BufReader::new(stream.try_clone().expect("clone"));
    let mut line = String::new();
    while reader.read_line(&mut line).is_ok_and(|n| n > 2) {
        line.clear();
    }
    let _ = stream.write_all(
        b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nTransfer-Encoding: chunked\r\n\r\n",
    );
    let chunk = vec![b'x'; 1 << 20];
    let header = format!("{:x}\r\n", chunk.len());
    for _ in 0..1024 {
        let sent = stream
            .write_all(header.as_bytes())
            .and_then(|()| stream.write_all(&chunk))
            .and_then(|()| stream.write_all(b"\r\n"));
        if sent.is_err() {
            return;
        }
    }
    let _ = stream.write_all(b"0\r\n\r\n");
}

#[test]
fn two_data_folders_never_see_each_others_secrets() {
    let keychain = SecretService::start();
    let env = keychain.env();
    // Two blogs on two servers, each the first (id 1) of its own data folder.
    let (first, second) = (
        TestHatena::with_key("key-of-the-first"),
        TestHatena::with_key("key-of-the-second"),
    );
    let folders = [
        tempfile::tempdir().expect("dir"),
        tempfile::tempdir().expect("dir"),
    ];
    for (folder, site) in folders.iter().zip([&first, &second]) {
        let add = [
            "blogs", "add", "b", "--kind", "hatena", "--url", &site.root, "--user", &site.user,
        ];
        ok(fumi_env(
            folder.path(),
            &add,
            format!("{}\n", site.api_key).as_bytes(),
            &env,
        ));
    }
    // Each folder publishes with its own key, to its own blog.
    for (folder, site) in folders.iter().zip([&first, &second]) {
        let run = |args: &[&str], stdin: &[u8]| fumi_env(folder.path(), args, stdin, &env);
        let id = ok(run(
            &["drafts", "new", "--title", "鍵", "-"],
            "本文\n".as_bytes(),
        ));
        ok(run(&["publish", id.trim(), "--blog", "b"], b""));
        assert_eq!(site.entries().len(), 1, "published with its own key");
    }
}

#[tokio::test]
async fn the_window_never_leaves_its_own_page_and_the_preview_scheme_answers_only_it() {
    let elsewhere = Elsewhere::start();
    let desktop = Desktop::start();
    let data = tempfile::tempdir().expect("temp dir");
    let window = desktop.launch(data.path()).await;
    new_draft(&window).await;
    // What a dropped link or the context menu's "Open Link" does: navigate the page.
    window
        .execute(
            "location.href = arguments[0]; return true",
            vec![format!("{}/a-page", elsewhere.base).into()],
        )
        .await
        .expect("navigate");
    tokio::time::sleep(std::time::Duration::from_millis(1500)).await;
    let url = window.current_url().await.expect("url");
    assert_eq!(url.scheme(), "tauri", "still Fumi's page: {url}");
    wait_for(
        &window,
        "Fumi's own page",
        "document.getElementById('app') !== null",
    )
    .await;
    assert!(elsewhere.seen().is_empty(), "{:?}", elsewhere.seen());

    // The preview's scheme: the page's own POST is answered, anything else is not.
    let status = |method: &str| {
        let script = format!(
            "const x = new XMLHttpRequest(); x.open('{method}', 'fumi-preview://localhost/edit', false); \
             try {{ x.send(JSON.stringify({{base: 0, from: 0, to: 0, text: ''}})); return x.status }} \
             catch (e) {{ return -1 }}"
        );
        let window = &window;
        async move {
            window
                .execute(&script, vec![])
                .await
                .expect("request")
                .as_i64()
                .expect("a status")
        }
    };
    let post = status("POST").await;
    assert!(
        [200, 204, 409].contains(&post),
        "the page's own POST: {post}"
    );
    let get = status("GET").await;
    // Refused before the body is read (403), or unreadable to the page (-1); never looked at.
    assert!([403, -1].contains(&get), "a GET is refused: {get}");
    quit(window, data.path()).await;
}

/// Calls a command as the page does; answers `{ok: value}` or `{err: {code, message}}`.
async fn invoke(
    window: &fantoccini::Client,
    command: &str,
    args: serde_json::Value,
) -> serde_json::Value {
    window
        .execute_async(
            "const done = arguments[arguments.length - 1]; \
             window.__TAURI_INTERNALS__.invoke(arguments[0], arguments[1]) \
               .then((v) => done({ok: v ?? null}), (e) => done({err: e}))",
            vec![command.into(), args],
        )
        .await
        .expect("invoke")
}

#[tokio::test]
async fn commands_take_only_paths_the_author_chose_in_a_dialog() {
    let home = tempfile::tempdir().expect("home");
    let desktop = Desktop::start_with("C.UTF-8", &[("HOME", home.path().display().to_string())]);
    let data = tempfile::tempdir().expect("temp dir");
    let window = desktop.launch(data.path()).await;
    new_draft(&window).await;
    let elsewhere = tempfile::tempdir().expect("another folder");
    let raw = elsewhere.path().join("taken").display().to_string();
    let md = elsewhere.path().join("a.md");
    std::fs::write(&md, "# 外から\n").expect("write");
    let md = md.display().to_string();
    // The first draft of a new data folder.
    let id = 1;
    for (command, args) in [
        ("export_all", serde_json::json!({ "dir": raw })),
        ("import_all", serde_json::json!({ "dir": raw })),
        ("open_files", serde_json::json!({ "paths": [md] })),
        (
            "export_draft",
            serde_json::json!({ "id": id, "format": "markdown", "path": raw }),
        ),
    ] {
        let answer = invoke(&window, command, args).await;
        assert_eq!(
            answer["err"]["code"], "path_not_granted",
            "{command}: {answer}"
        );
    }
    assert!(
        !elsewhere.path().join("taken").exists(),
        "nothing written where the page said"
    );

    // What Fumi itself proposes (the settings' export folder) is granted, and works.
    let info = invoke(&window, "app_info", serde_json::json!({})).await;
    let grant = &info["ok"]["export_dir"];
    let shown = grant["shown"].as_str().expect("a path to show");
    assert!(
        shown.starts_with(&home.path().display().to_string()),
        "{shown}"
    );
    let answer = invoke(
        &window,
        "export_all",
        serde_json::json!({ "dir": grant["token"] }),
    )
    .await;
    assert!(answer.get("ok").is_some(), "{answer}");
    assert!(
        std::path::Path::new(shown).join("drafts").is_dir(),
        "exported into {shown}"
    );
    quit(window, data.path()).await;
}

/// Runs `secret-tool` (libsecret's client) on the test's keychain: how an entry in the form of
/// Fumi's earlier versions (`blog/{id}`, the secret alone) is made and looked for.
fn secret_tool(env: &[(&str, String)], args: &[&str], stdin: &str) -> std::process::Output {
    use std::io::Write;
    let mut child = std::process::Command::new("secret-tool")
        .args(args)
        .envs(env.iter().map(|(k, v)| (k, v)))
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("secret-tool runs (apt-get install libsecret-tools; run .ci/setup)");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(stdin.as_bytes())
        .expect("write");
    child.wait_with_output().expect("secret-tool ends")
}

/// A data folder whose blog 1 was added before keychain entries had keys of their own: its row
/// has no key, and its secret is `blog/1`.
fn as_added_by_an_earlier_version(
    folder: &std::path::Path,
    env: &[(&str, String)],
    site: &TestHatena,
) {
    let add = [
        "blogs", "add", "b", "--kind", "hatena", "--url", &site.root, "--user", &site.user,
    ];
    ok(fumi_env(
        folder,
        &add,
        format!("{}\n", site.api_key).as_bytes(),
        env,
    ));
    let db = rusqlite::Connection::open(folder.join("fumi.sqlite3")).expect("database");
    let key: String = db
        .query_row("SELECT secret_key FROM blogs WHERE id = 1", [], |r| {
            r.get(0)
        })
        .expect("the new key");
    db.execute("UPDATE blogs SET secret_key = NULL WHERE id = 1", [])
        .expect("forget the key");
    let user = format!("blog/{key}");
    let cleared = secret_tool(
        env,
        &["clear", "service", "jp.fumi.desktop", "username", &user],
        "",
    );
    assert!(cleared.status.success(), "{cleared:?}");
    let stored = secret_tool(
        env,
        &[
            "store",
            "--label=Fumi",
            "service",
            "jp.fumi.desktop",
            "username",
            "blog/1",
        ],
        &site.api_key,
    );
    assert!(stored.status.success(), "{stored:?}");
}

#[test]
fn an_earlier_versions_secret_moves_to_a_key_of_its_own_only_in_the_default_data_folder() {
    let keychain = SecretService::start();
    let xdg = tempfile::tempdir().expect("data home");
    let mut env = keychain.env();
    env.push(("XDG_DATA_HOME", xdg.path().display().to_string()));
    let legacy = |env: &[(&str, String)]| {
        secret_tool(
            env,
            &["lookup", "service", "jp.fumi.desktop", "username", "blog/1"],
            "",
        )
    };

    // The platform's data folder: the old entry is used once, then kept under a key of its own.
    let default = xdg.path().join("jp.fumi.desktop");
    let site = TestHatena::with_key("key-of-the-default-folder");
    as_added_by_an_earlier_version(&default, &env, &site);
    let id = ok(fumi_env(
        &default,
        &["drafts", "new", "--title", "移行", "-"],
        "本文\n".as_bytes(),
        &env,
    ));
    ok(fumi_env(
        &default,
        &["publish", id.trim(), "--blog", "b"],
        b"",
        &env,
    ));
    assert_eq!(site.entries().len(), 1, "published with the moved secret");
    assert!(!legacy(&env).status.success(), "the old entry is gone");
    let db = rusqlite::Connection::open(default.join("fumi.sqlite3")).expect("database");
    let key: Option<String> = db
        .query_row("SELECT secret_key FROM blogs WHERE id = 1", [], |r| {
            r.get(0)
        })
        .expect("row");
    assert!(key.is_some_and(|k| k.len() == 32), "a key of its own");

    // Another data folder whose blog 1 has no key never reads an old entry, which might be the
    // default folder's: it asks for the password again and sends nothing.
    let other_site = TestHatena::with_key("key-of-the-other-folder");
    let other = tempfile::tempdir().expect("another folder");
    as_added_by_an_earlier_version(other.path(), &env, &other_site);
    let id = ok(fumi_env(
        other.path(),
        &["drafts", "new", "--title", "別", "-"],
        "本文\n".as_bytes(),
        &env,
    ));
    let refused = fumi_env(
        other.path(),
        &["publish", id.trim(), "--blog", "b"],
        b"",
        &env,
    );
    assert!(!refused.status.success(), "{refused:?}");
    let said = String::from_utf8_lossy(&refused.stderr);
    assert!(said.contains("holds no password for blog 1"), "{said}");
    assert!(other_site.entries().is_empty());
    assert!(legacy(&env).status.success(), "left where it was");
}
