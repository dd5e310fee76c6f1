//! A private Secret Service for the CLI under test: one D-Bus session with an unlocked
//! gnome-keyring per test binary, so passwords go to a real keychain over the real
//! protocol, never the developer's own.
//!
//! The session lives in a shell that waits on its stdin, a pipe only this process
//! holds: however the test process ends, the kernel closes the pipe, the shell stops
//! the keyring and `dbus-run-session` takes the bus down with it. Statics are never
//! dropped, so that pipe is what ends it.

use std::path::{Path, PathBuf};
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::{Mutex, OnceLock};
use std::time::{Duration, Instant};

/// The keychain service name the core files entries under.
const SERVICE: &str = "app.jobtrail.desktop";

/// `$1`: where to write the bus address once the keyring answers.
const SESSION: &str = r#"
set -u
printf 'jobtrail-test' | gnome-keyring-daemon --foreground --unlock --components=secrets \
  >/dev/null 2>&1 &
keyring=$!
has_owner() {
  dbus-send --session --print-reply --dest=org.freedesktop.DBus /org/freedesktop/DBus \
    org.freedesktop.DBus.NameHasOwner "string:$1" 2>/dev/null | grep -q 'boolean true'
}
for _ in $(seq 200); do has_owner org.freedesktop.secrets && break; sleep 0.05; done
has_owner org.freedesktop.secrets || { echo "the Secret Service did not start" >&2; exit 1; }
# It must really store and return a secret, not just own its bus name.
printf 'probe' | secret-tool store --label='jobtrail test probe' service jobtrail-test-probe
[ "$(secret-tool lookup service jobtrail-test-probe)" = probe ] \
  || { echo "the keyring is locked" >&2; exit 1; }
secret-tool clear service jobtrail-test-probe
printf '%s' "$DBUS_SESSION_BUS_ADDRESS" > "$1.tmp" && mv "$1.tmp" "$1"
# Until the test process is gone (EOF on stdin).
cat >/dev/null
kill "$keyring" 2>/dev/null
"#;

/// The running session.
pub struct Keychain {
    bus: String,
    dir: PathBuf,
    _session: Mutex<(Child, ChildStdin)>,
}

impl Keychain {
    /// The session shared by every test of this binary, started on first use.
    ///
    /// # Panics
    ///
    /// When it cannot start (dbus, gnome-keyring or libsecret-tools missing: run
    /// `scripts/setup.sh`).
    pub fn shared() -> &'static Keychain {
        static SHARED: OnceLock<Result<Keychain, String>> = OnceLock::new();
        match SHARED.get_or_init(start) {
            Ok(k) => k,
            Err(e) => panic!("the test keychain did not start: {e}"),
        }
    }

    /// Replaces the secret of keychain user `user` behind the CLI's back, with the
    /// attributes the `keyring` crate files it under.
    pub fn store(&self, user: &str, secret: &str) {
        let mut child = self
            .secret_tool()
            .args([
                "store",
                "--label",
                "jobtrail test",
                "service",
                SERVICE,
                "username",
                user,
            ])
            .args(["target", "default", "application", "rust-keyring"])
            .stdin(Stdio::piped())
            .spawn()
            .expect("run secret-tool");
        let mut stdin = child.stdin.take().expect("a stdin pipe");
        std::io::Write::write_all(&mut stdin, secret.as_bytes()).expect("write the secret");
        drop(stdin);
        assert!(
            child.wait().expect("secret-tool ends").success(),
            "secret-tool store"
        );
    }

    fn secret_tool(&self) -> Command {
        let mut c = Command::new("secret-tool");
        c.env("DBUS_SESSION_BUS_ADDRESS", &self.bus)
            .env("XDG_RUNTIME_DIR", self.dir.join("runtime"));
        c
    }

    /// Runs `cmd` against this keychain, with XDG dirs of its own under `home`.
    pub fn apply(&self, cmd: &mut Command, home: &Path) {
        cmd.env("DBUS_SESSION_BUS_ADDRESS", &self.bus)
            .env("XDG_DATA_HOME", home.join("data"))
            .env("XDG_CONFIG_HOME", home.join("config"))
            .env("XDG_CACHE_HOME", home.join("cache"))
            .env("XDG_STATE_HOME", home.join("state"));
    }

    /// The secret stored for keychain user `user` (like `mail:work`), read with
    /// `secret-tool` (another client than the one under test).
    pub fn lookup(&self, user: &str) -> Option<String> {
        let out = self
            .secret_tool()
            .args(["lookup", "service", SERVICE, "username", user])
            .output()
            .expect("run secret-tool");
        out.status
            .success()
            .then(|| String::from_utf8_lossy(&out.stdout).into_owned())
    }
}

fn start() -> Result<Keychain, String> {
    // Kept: the keyring's files must outlive every test, and the session removes
    // nothing it did not make; the OS cleans the temp dir.
    let dir = tempfile::Builder::new()
        .prefix("jobtrail-cli-keychain-")
        .tempdir()
        .map_err(|e| e.to_string())?
        .keep();
    let runtime = dir.join("runtime");
    std::fs::create_dir_all(&runtime).map_err(|e| e.to_string())?;
    std::fs::set_permissions(
        &runtime,
        std::os::unix::fs::PermissionsExt::from_mode(0o700),
    )
    .map_err(|e| e.to_string())?;
    let bus_file = dir.join("bus");
    let log = dir.join("session.log");
    let mut child = Command::new("dbus-run-session")
        .args(["--", "sh", "-c", SESSION, "jobtrail-test-keychain"])
        .arg(&bus_file)
        .env("HOME", &dir)
        .env("XDG_DATA_HOME", dir.join("data"))
        .env("XDG_CONFIG_HOME", dir.join("config"))
        .env("XDG_CACHE_HOME", dir.join("cache"))
        .env("XDG_RUNTIME_DIR", &runtime)
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(std::fs::File::create(&log).map_err(|e| e.to_string())?)
        .spawn()
        .map_err(|e| format!("cannot run dbus-run-session (install dbus): {e}"))?;
    let stdin = child.stdin.take().ok_or("no stdin pipe")?;
    let deadline = Instant::now() + Duration::from_secs(30);
    loop {
        if let Ok(bus) = std::fs::read_to_string(&bus_file) {
            return Ok(Keychain {
                bus,
                dir,
                _session: Mutex::new((child, stdin)),
            });
        }
        let log_text = || std::fs::read_to_string(&log).unwrap_or_default();
        if let Ok(Some(status)) = child.try_wait() {
            return Err(format!("the session ended ({status}): {}", log_text()));
        }
        if Instant::now() > deadline {
            let _ = child.kill();
            return Err(format!("no keyring within 30 s: {}", log_text()));
        }
        std::thread::sleep(Duration::from_millis(50));
    }
}
