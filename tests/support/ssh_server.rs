//! A real SSH git server on loopback: OpenSSH's `sshd` on a private port with a generated host
//! key, letting in one generated client key, serving bare repositories from a temporary folder
//! through git's own `git-upload-pack` / `git-receive-pack`. The client's home (its key and a
//! `known_hosts` naming the server's key) is a folder of its own, given to Fumi as `HOME`.

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use super::desktop::PATIENCE;

/// The server, stopped on drop.
pub struct SshServer {
    dir: tempfile::TempDir,
    port: u16,
    sshd: Child,
    user: String,
}

impl SshServer {
    /// Starts `sshd`; fails, never skips, when OpenSSH is missing.
    pub fn start() -> SshServer {
        let sshd = Path::new("/usr/sbin/sshd");
        assert!(
            sshd.is_file(),
            "sshd is required for the SSH sync test: apt-get install openssh-server (or run .ci/setup)"
        );
        let dir = tempfile::tempdir().expect("temp dir");
        let d = dir.path();
        keygen(&d.join("host_ed25519"));
        let home = d.join("home");
        std::fs::create_dir_all(home.join(".ssh")).expect("the client's .ssh");
        keygen(&home.join(".ssh/id_ed25519"));
        std::fs::copy(home.join(".ssh/id_ed25519.pub"), d.join("authorized_keys"))
            .expect("authorize the client's key");
        std::fs::create_dir_all(d.join("repos")).expect("the repositories' folder");
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .and_then(|l| l.local_addr())
            .expect("a free port")
            .port();
        trust(&home, port, &d.join("host_ed25519.pub"));
        let config = d.join("sshd_config");
        std::fs::write(
            &config,
            format!(
                "Port {port}\nListenAddress 127.0.0.1\nHostKey {host}\nAuthorizedKeysFile {keys}\n\
                 PidFile none\nStrictModes no\nUsePAM no\nPasswordAuthentication no\n\
                 KbdInteractiveAuthentication no\nPubkeyAuthentication yes\n\
                 PermitRootLogin prohibit-password\n",
                host = d.join("host_ed25519").display(),
                keys = d.join("authorized_keys").display(),
            ),
        )
        .expect("sshd_config");
        // Run as root, sshd separates privileges into this (empty) folder.
        let _ = std::fs::create_dir_all("/run/sshd");
        let child = Command::new(sshd)
            .args(["-D", "-e", "-f"])
            .arg(&config)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("sshd starts");
        let start = Instant::now();
        while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
            assert!(start.elapsed() < PATIENCE, "sshd did not listen on {port}");
            std::thread::sleep(Duration::from_millis(50));
        }
        let user = String::from_utf8(
            Command::new("id")
                .arg("-un")
                .output()
                .expect("id runs")
                .stdout,
        )
        .expect("a user name")
        .trim()
        .to_owned();
        SshServer {
            dir,
            port,
            sshd: child,
            user,
        }
    }

    /// A new empty bare repository, as an `ssh://` address.
    pub fn new_repo(&self, name: &str) -> String {
        let path = self.dir.path().join("repos").join(format!("{name}.git"));
        let out = Command::new("git")
            .args(["init", "--quiet", "--bare", "--initial-branch=main"])
            .arg(&path)
            .output()
            .expect("git runs");
        assert!(out.status.success(), "git init: {out:?}");
        format!(
            "ssh://{}@127.0.0.1:{}{}",
            self.user,
            self.port,
            path.display()
        )
    }

    /// The client's home: its key, and `known_hosts` with the server's.
    pub fn client_home(&self) -> PathBuf {
        self.dir.path().join("home")
    }

    /// A home whose `known_hosts` names another key for the server (a server not the one trusted).
    pub fn home_trusting_another_key(&self) -> PathBuf {
        let home = self.dir.path().join("home-other");
        std::fs::create_dir_all(home.join(".ssh")).expect(".ssh");
        for file in ["id_ed25519", "id_ed25519.pub"] {
            std::fs::copy(
                self.client_home().join(".ssh").join(file),
                home.join(".ssh").join(file),
            )
            .expect("the client's key");
        }
        keygen(&home.join("impostor"));
        trust(&home, self.port, &home.join("impostor.pub"));
        home
    }
}

/// Writes the home's `known_hosts`: the server on loopback at `port` has the key in `public_key`.
fn trust(home: &Path, port: u16, public_key: &Path) {
    let public = std::fs::read_to_string(public_key).expect("a public key");
    let mut fields = public.split_whitespace();
    let (kind, key) = (
        fields.next().expect("key type"),
        fields.next().expect("key"),
    );
    std::fs::write(
        home.join(".ssh/known_hosts"),
        format!("[127.0.0.1]:{port} {kind} {key}\n"),
    )
    .expect("known_hosts");
}

fn keygen(path: &Path) {
    let out = Command::new("ssh-keygen")
        .args(["-q", "-t", "ed25519", "-N", "", "-f"])
        .arg(path)
        .output()
        .expect("ssh-keygen runs (apt-get install openssh-client)");
    assert!(out.status.success(), "ssh-keygen: {out:?}");
}

impl Drop for SshServer {
    fn drop(&mut self) {
        let _ = self.sshd.kill();
        let _ = self.sshd.wait();
    }
}
