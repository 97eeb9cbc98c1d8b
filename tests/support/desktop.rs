//! A real desktop for end-to-end tests: a private Xvfb display, tauri-driver in front of
//! WebKitWebDriver, and the debug `fumi` binary in the real webview.
//!
//! Every tool is required: a missing one fails the test with what to install, never skips it.

use std::io::{BufRead, BufReader};
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::{Mutex, MutexGuard};
use std::time::{Duration, Instant};

use fantoccini::{Client, ClientBuilder, Locator};
use serde_json::json;

use super::input_method::InputMethod;

/// One desktop at a time: two WebKit processes on a 2-core machine make timings flaky.
static ONE_AT_A_TIME: Mutex<()> = Mutex::new(());

/// How long any awaited condition in the window may take.
pub const PATIENCE: Duration = Duration::from_secs(20);

/// Xvfb and tauri-driver, stopped (process groups killed) on drop.
pub struct Desktop {
    xvfb: Child,
    driver: Child,
    driver_port: u16,
    /// The X display the window is on (`:N`), for tools that act like a person at it.
    pub display: String,
    /// The app the sessions launch.
    app: PathBuf,
    /// A real input method, which the driver, the app and the test's tools run beside.
    pub input_method: Option<InputMethod>,
    /// Dropped last (fields drop in order): the next desktop starts once this one is gone.
    _turn: MutexGuard<'static, ()>,
}

impl Desktop {
    /// Starts a private display and tauri-driver on free ports, in the C.UTF-8 locale.
    pub fn start() -> Desktop {
        Desktop::start_in_locale("C.UTF-8")
    }

    /// [`Desktop::start`] with the app in another locale (`ja_JP.UTF-8`; it must be generated).
    pub fn start_in_locale(locale: &str) -> Desktop {
        Desktop::start_with(locale, &[])
    }

    /// [`Desktop::start_in_locale`] with extra environment for the app (e.g. a private D-Bus
    /// session with its keychain).
    pub fn start_with(locale: &str, env: &[(&str, String)]) -> Desktop {
        Desktop::start_inner(locale, env, false)
    }

    /// A desktop with a real Japanese input method (IBus + Mozc, see [`InputMethod`]): the
    /// driver and the app run as its user, in `ja_JP.UTF-8`.
    pub fn start_with_input_method() -> Desktop {
        Desktop::start_inner("ja_JP.UTF-8", &[], true)
    }

    fn start_inner(locale: &str, env: &[(&str, String)], with_input_method: bool) -> Desktop {
        let turn = ONE_AT_A_TIME.lock().unwrap_or_else(|e| e.into_inner());
        let xvfb_bin = require("Xvfb", "apt-get install xvfb");
        let native = require("WebKitWebDriver", "apt-get install webkit2gtk-driver");
        let tauri_driver = require("tauri-driver", "cargo install tauri-driver --locked");

        let mut xvfb = Command::new(xvfb_bin)
            .args([
                "-displayfd",
                "1",
                "-screen",
                "0",
                "1400x900x24",
                "-nolisten",
                "tcp",
            ])
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .process_group(0)
            .spawn()
            .expect("Xvfb starts");
        let mut line = String::new();
        BufReader::new(xvfb.stdout.take().expect("Xvfb stdout"))
            .read_line(&mut line)
            .expect("Xvfb prints its display number");
        let display = format!(":{}", line.trim());

        let input_method = with_input_method.then(|| InputMethod::start(&display));
        let (mut command, app) = match &input_method {
            Some(im) => (
                im.command(im.runnable(&tauri_driver)),
                im.runnable(Path::new(super::FUMI)),
            ),
            None => (Command::new(tauri_driver), PathBuf::from(super::FUMI)),
        };
        let driver_port = free_port();
        let native_port = free_port();
        let driver = command
            .arg("--port")
            .arg(driver_port.to_string())
            .arg("--native-port")
            .arg(native_port.to_string())
            .arg("--native-driver")
            .arg(native)
            .env("DISPLAY", &display)
            .env("WEBKIT_DISABLE_DMABUF_RENDERER", "1")
            .env("LANG", locale)
            .env("LC_ALL", locale)
            .env_remove("LANGUAGE")
            .env("WEBKIT_DISABLE_COMPOSITING_MODE", "1")
            .env_remove("FUMI_DATA_DIR")
            .envs(env.iter().map(|(k, v)| (k, v)))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .process_group(0)
            .spawn()
            .expect("tauri-driver starts");
        let desktop = Desktop {
            _turn: turn,
            xvfb,
            driver,
            driver_port,
            display,
            app,
            input_method,
        };
        // tauri-driver listens at once but starts WebKitWebDriver beside it, and drops a session
        // request that arrives before WebKitWebDriver listens: wait for both.
        wait_for_port(driver_port);
        wait_for_port(native_port);
        desktop
    }

    /// Launches a Tauri app (Fumi, or the window benchmark's empty app) with `args` through
    /// tauri-driver and connects a WebDriver session to its window, once its page has loaded.
    pub async fn launch_app(&self, app: &Path, args: &[&Path]) -> Client {
        let mut caps = serde_json::Map::new();
        caps.insert(
            "tauri:options".into(),
            json!({ "application": app, "args": args }),
        );
        ClientBuilder::new(hyper_util::client::legacy::connect::HttpConnector::new())
            .capabilities(caps)
            .connect(&format!("http://127.0.0.1:{}", self.driver_port))
            .await
            .expect("a WebDriver session with the app's window")
    }

    /// Launches Fumi on `data_dir` and connects a WebDriver session to its window.
    pub async fn launch(&self, data_dir: &Path) -> Client {
        self.launch_with(data_dir, &[]).await
    }

    /// [`Desktop::launch`] with more arguments (a file to open).
    pub async fn launch_with(&self, data_dir: &Path, args: &[&Path]) -> Client {
        let mut all = vec![Path::new("--data-dir"), data_dir];
        all.extend_from_slice(args);
        let client = self.launch_app(&self.app, &all).await;
        client
            .wait()
            .at_most(PATIENCE)
            .for_element(Locator::Css("#save-state"))
            .await
            .expect("the window loads");
        // The page is there before the UI has read the settings and drawn its strings in their
        // language; tests begin once it has.
        let start = Instant::now();
        while client
            .execute(
                "return document.getElementById('new-draft').textContent === ''",
                vec![],
            )
            .await
            .expect("a script")
            == serde_json::Value::Bool(true)
        {
            assert!(start.elapsed() < PATIENCE, "the window's UI never started");
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
        client
    }
}

impl Drop for Desktop {
    fn drop(&mut self) {
        for child in [&mut self.driver, &mut self.xvfb] {
            super::kill_group(child.id());
            let _ = child.wait();
        }
    }
}

/// The pids of running `fumi` processes that were started on `data_dir`.
pub fn fumi_pids(data_dir: &Path) -> Vec<u32> {
    app_pids("/fumi", data_dir)
}

/// The processes of the binary whose path ends with `binary` (`/fumi`) started with `data_dir`
/// among their arguments.
pub fn app_pids(binary: &str, data_dir: &Path) -> Vec<u32> {
    let needle = data_dir.as_os_str().as_encoded_bytes();
    super::running_pids()
        .into_iter()
        .filter(|pid| {
            std::fs::read(format!("/proc/{pid}/cmdline")).is_ok_and(|cmd| {
                let args: Vec<&[u8]> = cmd.split(|b| *b == 0).collect();
                args.first().is_some_and(|a| a.ends_with(binary.as_bytes()))
                    && args.contains(&needle)
            })
        })
        .collect()
}

/// Waits until no `fumi` process runs on `data_dir`.
pub async fn wait_for_exit(data_dir: &Path) {
    wait_for_app_exit("/fumi", data_dir).await;
}

/// Waits until no process of `binary` (see [`app_pids`]) runs on `data_dir`.
pub async fn wait_for_app_exit(binary: &str, data_dir: &Path) {
    let start = Instant::now();
    while !app_pids(binary, data_dir).is_empty() {
        assert!(start.elapsed() < PATIENCE, "{binary} did not exit");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

/// Finds a tool on PATH (or in cargo's bin folder); fails the test with how to install it.
fn require(tool: &str, install: &str) -> PathBuf {
    let cargo_bin = std::env::var_os("CARGO_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".cargo")))
        .map(|c| c.join("bin"));
    std::env::var_os("PATH")
        .map(|p| std::env::split_paths(&p).collect::<Vec<_>>())
        .unwrap_or_default()
        .into_iter()
        .chain(cargo_bin)
        .map(|dir| dir.join(tool))
        .find(|p| p.is_file())
        .unwrap_or_else(|| {
            panic!("{tool} is required for the window tests: {install} (or run .ci/setup)")
        })
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .expect("a free port")
        .port()
}

fn wait_for_port(port: u16) {
    let start = Instant::now();
    while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
        assert!(
            start.elapsed() < PATIENCE,
            "the WebDriver did not listen on {port}"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
}
