//! A real Secret Service for keychain tests: a private D-Bus session with gnome-keyring,
//! unlocked, in a temporary home. Processes started with [`SecretService::env`] use it.

use std::io::{BufRead, BufReader, Write};
use std::os::unix::process::CommandExt;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use tempfile::TempDir;

/// A D-Bus session bus with an unlocked gnome-keyring on it; stopped on drop.
pub struct SecretService {
    bus: Child,
    keyring: Child,
    address: String,
    home: TempDir,
}

impl SecretService {
    /// Starts the bus and the keyring. Fails, never skips, when they are not installed.
    pub fn start() -> SecretService {
        let home = tempfile::tempdir().expect("temp dir");
        let mut bus = Command::new("dbus-daemon")
            .args(["--session", "--nofork", "--print-address=1"])
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .process_group(0)
            .spawn()
            .unwrap_or_else(|e| {
                panic!("dbus-daemon is required (apt-get install dbus-daemon; run .ci/setup): {e}")
            });
        let mut address = String::new();
        BufReader::new(bus.stdout.take().expect("stdout"))
            .read_line(&mut address)
            .expect("bus address");
        let address = address.trim().to_owned();

        let mut keyring = Command::new("gnome-keyring-daemon")
            .args(["--foreground", "--unlock", "--components=secrets"])
            .env("DBUS_SESSION_BUS_ADDRESS", &address)
            .env("HOME", home.path())
            .env("XDG_DATA_HOME", home.path().join("data"))
            .env("XDG_RUNTIME_DIR", home.path())
            .stdin(Stdio::piped())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .process_group(0)
            .spawn()
            .unwrap_or_else(|e| panic!("gnome-keyring-daemon is required (apt-get install gnome-keyring; run .ci/setup): {e}"));
        let mut stdin = keyring.stdin.take().expect("stdin");
        stdin
            .write_all(b"keyring-password")
            .expect("unlock password");
        drop(stdin);
        let service = SecretService {
            bus,
            keyring,
            address,
            home,
        };
        service.wait_until_ready();
        service
    }

    /// Environment for a child process that should use this keychain.
    pub fn env(&self) -> Vec<(&'static str, String)> {
        vec![
            ("DBUS_SESSION_BUS_ADDRESS", self.address.clone()),
            ("XDG_RUNTIME_DIR", self.home.path().display().to_string()),
        ]
    }

    fn wait_until_ready(&self) {
        let start = Instant::now();
        loop {
            let owned = Command::new("dbus-send")
                .args([
                    "--session",
                    "--print-reply",
                    "--dest=org.freedesktop.DBus",
                    "/org/freedesktop/DBus",
                    "org.freedesktop.DBus.NameHasOwner",
                    "string:org.freedesktop.secrets",
                ])
                .env("DBUS_SESSION_BUS_ADDRESS", &self.address)
                .output()
                .map(|o| String::from_utf8_lossy(&o.stdout).contains("boolean true"))
                .unwrap_or(false);
            if owned {
                return;
            }
            assert!(
                start.elapsed() < Duration::from_secs(10),
                "gnome-keyring did not join the bus"
            );
            std::thread::sleep(Duration::from_millis(50));
        }
    }
}

impl Drop for SecretService {
    fn drop(&mut self) {
        for child in [&mut self.keyring, &mut self.bus] {
            super::kill_group(child.id());
            let _ = child.wait();
        }
    }
}
