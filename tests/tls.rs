//! TLS certificates are always checked: a blog behind a certificate no authority vouches for is
//! refused, for every blog kind, before any credential is sent.

use std::os::unix::process::CommandExt;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use super::support::keyring::SecretService;
use super::support::{fumi_env, kill_group};

#[test]
fn a_blog_with_a_self_signed_certificate_is_refused_by_every_kind() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (cert, key) = (dir.path().join("cert.pem"), dir.path().join("key.pem"));
    let made = Command::new("openssl")
        .args([
            "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
        ])
        .args([
            "-subj",
            "/CN=127.0.0.1",
            "-addext",
            "subjectAltName=IP:127.0.0.1",
        ])
        .arg("-keyout")
        .arg(&key)
        .arg("-out")
        .arg(&cert)
        .stderr(Stdio::null())
        .status()
        .expect("openssl is required (apt-get install openssl; run .ci/setup)");
    assert!(made.success(), "a self-signed certificate");
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .expect("a free port")
        .port();
    // An HTTPS server that would answer any request, were the handshake to succeed.
    let mut server = Command::new("openssl")
        .args(["s_server", "-quiet", "-www", "-accept", &port.to_string()])
        .arg("-cert")
        .arg(&cert)
        .arg("-key")
        .arg(&key)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .process_group(0)
        .spawn()
        .expect("openssl s_server starts");
    let started = Instant::now();
    while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
        assert!(
            started.elapsed() < Duration::from_secs(10),
            "s_server listens"
        );
        std::thread::sleep(Duration::from_millis(50));
    }

    let keychain = SecretService::start();
    let data = tempfile::tempdir().expect("temp dir");
    let url = format!("https://127.0.0.1:{port}/");
    for kind in ["wordpress", "metaweblog", "hatena"] {
        let args = [
            "blogs", "add", kind, "--kind", kind, "--url", &url, "--user", "me",
        ];
        let out = fumi_env(data.path(), &args, b"secret\n", &keychain.env());
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(!out.status.success(), "{kind}: refused");
        assert!(
            stderr.contains("is not trusted, so Fumi sent nothing"),
            "{kind}: the author is told it is the certificate: {stderr}"
        );
    }
    kill_group(server.id());
    let _ = server.wait();
}
