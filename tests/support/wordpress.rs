//! A real WordPress (Debian's package, MariaDB, PHP's server) on loopback, one per test, stopped
//! on drop. `.ci/setup` installs the packages and downloads the WordPress packages it unpacks.

use std::path::PathBuf;
use std::process::Command;

use tempfile::TempDir;

use super::fault_proxy::FaultProxy;
use super::kill_group;

/// A running WordPress with an application password for the user `author`.
pub struct TestWordPress {
    pub url: String,
    pub user: String,
    pub password: String,
    /// The proxy every request goes through, when started [`TestWordPress::behind_proxy`].
    pub proxy: Option<FaultProxy>,
    /// Process-group leaders: MariaDB, then PHP's server.
    pids: Vec<u32>,
    _dir: TempDir,
}

impl TestWordPress {
    /// Installs and starts a fresh site (≈4 s). Fails, never skips, when a tool is missing.
    pub fn start() -> TestWordPress {
        TestWordPress::start_with(false, "pretty")
    }

    /// A site whose every request (its own links point there) passes a [`FaultProxy`].
    pub fn behind_proxy() -> TestWordPress {
        TestWordPress::start_with(true, "pretty")
    }

    /// A site with plain permalinks: its REST root is `/?rest_route=/`.
    pub fn with_plain_permalinks() -> TestWordPress {
        TestWordPress::start_with(false, "plain")
    }

    fn start_with(proxied: bool, permalinks: &str) -> TestWordPress {
        let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
        let debs = root.join("target/wordpress-debs");
        assert!(
            std::fs::read_dir(&debs).is_ok_and(|mut d| d.next().is_some()),
            "WordPress packages missing in {}: run .ci/setup",
            debs.display()
        );
        let dir = tempfile::tempdir().expect("temp dir");
        let free_port = || {
            std::net::TcpListener::bind("127.0.0.1:0")
                .and_then(|l| l.local_addr())
                .expect("a free port")
                .port()
        };
        let port = free_port();
        let public = proxied.then(|| std::net::TcpListener::bind("127.0.0.1:0").expect("a port"));
        let public_port = public
            .as_ref()
            .map_or(port, |l| l.local_addr().expect("address").port());
        let out = Command::new("bash")
            .arg(root.join("tests/support/wordpress/start"))
            .arg(dir.path())
            .arg(port.to_string())
            .arg(&debs)
            .arg(public_port.to_string())
            .arg(permalinks)
            .output()
            .expect("run the WordPress start script");
        let stdout = String::from_utf8_lossy(&out.stdout);
        assert!(
            out.status.success(),
            "WordPress did not start (install php8.2-cli, mariadb-server-core…: run .ci/setup): {}\n{stdout}",
            String::from_utf8_lossy(&out.stderr)
        );
        let last = stdout.lines().last().unwrap_or_default();
        let field = |name: &str| {
            last.split_whitespace()
                .find_map(|kv| kv.strip_prefix(&format!("{name}=")))
                .unwrap_or_else(|| panic!("no {name} in the start script's output: {stdout}"))
                .to_owned()
        };
        TestWordPress {
            url: format!("http://127.0.0.1:{public_port}/"),
            proxy: public.map(|listener| FaultProxy::start(listener, port)),
            user: field("user"),
            password: field("password"),
            pids: field("pids")
                .split(',')
                .filter_map(|p| p.parse().ok())
                .collect(),
            _dir: dir,
        }
    }

    /// Stops the web server (the database keeps running), as a blog that went down would.
    pub fn stop_web_server(&self) {
        if let Some(&php) = self.pids.last() {
            kill_group(php);
        }
    }
}

impl Drop for TestWordPress {
    fn drop(&mut self) {
        for &pid in &self.pids {
            kill_group(pid);
        }
    }
}
