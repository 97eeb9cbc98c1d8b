//! A real Japanese input method for the window tests: IBus with Mozc (Debian's `ibus-mozc`),
//! on the test's own X display, D-Bus session and home, with a fresh Mozc profile (so no
//! conversion learned in one run changes the next).
//!
//! Mozc's server refuses to run as root (it exits at once, silently), and IBus serves only
//! clients of its own user. So when the tests run as root (as CI does), the input method,
//! tauri-driver, WebKitWebDriver and Fumi all run as `nobody`, from copies of the drivers and the
//! app in a folder that user can read (cargo's bin folder and the build may sit in root's home);
//! run as anyone else, they run as that user.

use std::os::unix::fs::PermissionsExt;
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use tempfile::TempDir;

use super::desktop::PATIENCE;

/// `nobody`, whom root hands the input method to.
const NOBODY: u32 = 65534;

/// The user everything of the input method runs as: `nobody` for root, else the user itself.
pub fn user() -> u32 {
    use std::os::unix::fs::MetadataExt;
    match std::fs::metadata("/proc/self").map(|m| m.uid()) {
        Ok(0) | Err(_) => NOBODY,
        Ok(uid) => uid,
    }
}

/// Mozc's settings for IBus: on when a window gains focus (its default is off: direct input).
const MOZC_CONFIG: &str = r#"engines {
  name : "mozc-jp"
  longname : "Mozc"
  layout : "default"
  layout_variant : ""
  layout_option : ""
  rank : 80
}
active_on_launch: True
"#;

/// A running IBus with Mozc as its engine; stopped on drop.
pub struct InputMethod {
    dir: TempDir,
    /// The environment every program of the input method's user runs with.
    env: Vec<(String, String)>,
    ibus: Child,
    dbus_pid: Option<u32>,
}

impl InputMethod {
    /// Starts IBus and Mozc on `display`. Fails, never skips, when a part is missing.
    pub fn start(display: &str) -> InputMethod {
        for (tool, package) in [
            ("/usr/bin/ibus-daemon", "ibus"),
            ("/usr/lib/ibus-mozc/ibus-engine-mozc", "ibus-mozc"),
            ("/usr/lib/mozc/mozc_server", "mozc-server"),
            ("/usr/bin/setpriv", "util-linux"),
            ("/usr/bin/dbus-daemon", "dbus-daemon"),
        ] {
            assert!(
                Path::new(tool).is_file(),
                "{tool} is required for the input-method tests: apt-get install {package} (or run .ci/setup)"
            );
        }
        assert!(
            Path::new("/usr/lib/x86_64-linux-gnu/gtk-3.0/3.0.0/immodules/im-ibus.so").is_file()
                || Path::new("/usr/lib/aarch64-linux-gnu/gtk-3.0/3.0.0/immodules/im-ibus.so")
                    .is_file(),
            "GTK's IBus module is required: apt-get install ibus-gtk3 (or run .ci/setup)"
        );
        let dir = tempfile::tempdir().expect("temp dir");
        let home = dir.path().join("home");
        for sub in [".config/mozc", ".cache", ".local/share", "run"] {
            std::fs::create_dir_all(home.join(sub)).expect("the home's folders");
        }
        std::fs::write(home.join(".config/mozc/ibus_config.textproto"), MOZC_CONFIG)
            .expect("Mozc's settings");
        std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o755))
            .expect("the folder opened to the user");
        std::fs::set_permissions(home.join("run"), std::fs::Permissions::from_mode(0o700))
            .expect("the runtime folder");
        give_to_user(&home);
        let h = home.display().to_string();
        let mut env: Vec<(String, String)> = [
            ("HOME", h.clone()),
            ("XDG_CONFIG_HOME", format!("{h}/.config")),
            ("XDG_CACHE_HOME", format!("{h}/.cache")),
            ("XDG_DATA_HOME", format!("{h}/.local/share")),
            ("XDG_RUNTIME_DIR", format!("{h}/run")),
            ("DISPLAY", display.to_owned()),
            ("GTK_IM_MODULE", "ibus".to_owned()),
            ("XMODIFIERS", "@im=ibus".to_owned()),
            ("GSETTINGS_BACKEND", "memory".to_owned()),
            ("NO_AT_BRIDGE", "1".to_owned()),
            ("PATH", "/usr/local/bin:/usr/bin:/bin".to_owned()),
        ]
        .into_iter()
        .map(|(k, v)| (k.to_owned(), v))
        .collect();

        let bus = as_user(&env, "/usr/bin/dbus-daemon")
            .args(["--session", "--fork", "--print-address=1", "--print-pid=1"])
            .output()
            .expect("dbus-daemon starts");
        let printed = String::from_utf8_lossy(&bus.stdout);
        let mut lines = printed.lines();
        let address = lines.next().expect("the bus's address").to_owned();
        let dbus_pid = lines.next().and_then(|p| p.trim().parse().ok());
        env.push(("DBUS_SESSION_BUS_ADDRESS".to_owned(), address));

        // With its panel (no --panel=disable): the panel is IBus's own candidate window for
        // clients that draw no preedit, and a test sees which window shows the candidates.
        let ibus = as_user(&env, "/usr/bin/ibus-daemon")
            .args(["--replace", "--xim"])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .process_group(0)
            .spawn()
            .expect("ibus-daemon starts");
        let im = InputMethod {
            dir,
            env,
            ibus,
            dbus_pid,
        };
        let start = Instant::now();
        while !im.ibus_says(&["list-engine"]).contains("mozc-jp") {
            assert!(start.elapsed() < PATIENCE, "IBus never listed Mozc");
            std::thread::sleep(Duration::from_millis(200));
        }
        // `ibus engine NAME` exits 1 even when it switched: ask which engine is on instead.
        im.ibus_says(&["engine", "mozc-jp"]);
        let start = Instant::now();
        while im.ibus_says(&["engine"]).trim() != "mozc-jp" {
            assert!(start.elapsed() < PATIENCE, "IBus did not switch to Mozc");
            std::thread::sleep(Duration::from_millis(100));
        }
        im
    }

    fn ibus_says(&self, args: &[&str]) -> String {
        let out = self
            .command("/usr/bin/timeout")
            .arg("10")
            .arg("/usr/bin/ibus")
            .args(args)
            .output()
            .expect("ibus runs");
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    /// `program` run as the input method's user, in its environment (and nothing else of ours).
    pub fn command(&self, program: impl AsRef<Path>) -> Command {
        as_user(&self.env, program)
    }

    /// A copy of `program` that the input method's user can run (with its folder's other files).
    pub fn runnable(&self, program: &Path) -> PathBuf {
        let tools = self.dir.path().join("tools");
        std::fs::create_dir_all(&tools).expect("the tools folder");
        std::fs::set_permissions(&tools, std::fs::Permissions::from_mode(0o755)).expect("open it");
        let copy = tools.join(program.file_name().expect("a file name"));
        if !copy.exists() {
            std::fs::copy(program, &copy).expect("copy the program");
        }
        copy
    }

    /// A new empty folder the input method's user owns (a data folder for Fumi).
    pub fn folder(&self, name: &str) -> PathBuf {
        let folder = self.dir.path().join(name);
        std::fs::create_dir_all(&folder).expect("the folder");
        give_to_user(&folder);
        folder
    }
}

/// `program` run as [`user`] with exactly `env`.
fn as_user(env: &[(String, String)], program: impl AsRef<Path>) -> Command {
    let user = user();
    let mut command = if user == NOBODY {
        let mut c = Command::new("/usr/bin/setpriv");
        c.args([
            format!("--reuid={user}"),
            format!("--regid={user}"),
            "--clear-groups".to_owned(),
            "--".to_owned(),
        ])
        .arg(program.as_ref());
        c
    } else {
        Command::new(program.as_ref())
    };
    command.env_clear().envs(env.iter().map(|(k, v)| (k, v)));
    command
}

/// Hands a folder and everything in it to the input method's user.
fn give_to_user(path: &Path) {
    if user() != NOBODY {
        return;
    }
    let status = Command::new("chown")
        .args(["-R", &format!("{NOBODY}:{NOBODY}")])
        .arg(path)
        .status()
        .expect("chown runs");
    assert!(status.success(), "chown {}", path.display());
}

/// Every process started with this input method's home: Mozc's server and renderer leave IBus's
/// process group (they daemonize), and only their environment says whose they are.
fn started_in(home: &Path) -> Vec<u32> {
    let needle = format!("HOME={}\0", home.display());
    super::running_pids()
        .into_iter()
        .filter(|pid| {
            std::fs::read(format!("/proc/{pid}/environ"))
                .is_ok_and(|env| env.windows(needle.len()).any(|w| w == needle.as_bytes()))
        })
        .collect()
}

impl Drop for InputMethod {
    fn drop(&mut self) {
        super::kill_group(self.ibus.id());
        let _ = self.ibus.wait();
        if let Some(pid) = self.dbus_pid {
            let _ = Command::new("kill").arg(pid.to_string()).status();
        }
        for pid in started_in(&self.dir.path().join("home")) {
            let _ = Command::new("kill").arg(pid.to_string()).status();
        }
    }
}
