//! Private Secret Services for the CLI under test, each in a D-Bus session of its own,
//! so secrets go to a real keychain over the real protocol, never the developer's own:
//! - [`Keychain::shared`]: one unlocked gnome-keyring per test binary;
//! - [`Keychain::with_display`]: a gnome-keyring with a display of its own (Xvfb),
//!   whose login collection the test locks ([`Keychain::lock`]): a read then raises the
//!   real unlock prompt, which nobody answers;
//! - [`Keychain::none`]: a session bus with no Secret Service on it, nor any service it
//!   could start.
//!
//! Each session lives in a shell that waits on its stdin, a pipe only this process
//! holds: however the test process ends, the kernel closes the pipe, the shell stops
//! what it started (keyring, Xvfb) and `dbus-run-session` takes the bus down with it,
//! and with the bus whatever the bus started (the prompter). Statics are never dropped,
//! so that pipe is what ends the shared one; the others also end when dropped.

use std::path::{Path, PathBuf};
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::{Mutex, OnceLock, PoisonError};
use std::time::{Duration, Instant};

/// The keychain service name the core files entries under.
const SERVICE: &str = "app.jobtrail.desktop";

/// The login collection, which gnome-keyring's `--unlock` creates and unlocks.
const LOGIN: &str = "/org/freedesktop/secrets/collection/login";

/// `$1`: where to write the bus address once the keyring answers; `$2`: `display` to
/// give the session a display of its own first.
const SESSION: &str = r#"
set -u
pids=
trap 'kill $pids 2>/dev/null' EXIT
if [ "$2" = display ]; then
  # The first free display, so the keyring's unlock prompt really appears.
  Xvfb -displayfd 3 -nolisten tcp 3>"$1.display" >/dev/null 2>&1 &
  pids="$pids $!"
  for _ in $(seq 200); do [ -s "$1.display" ] && break; sleep 0.05; done
  [ -s "$1.display" ] || { echo "Xvfb did not start" >&2; exit 1; }
  DISPLAY=":$(cat "$1.display")"
  export DISPLAY
  # For the prompter the bus starts; no accessibility bus that could outlive it.
  dbus-update-activation-environment DISPLAY NO_AT_BRIDGE=1 GTK_A11Y=none
fi
printf 'jobtrail-test' | gnome-keyring-daemon --foreground --unlock --components=secrets \
  >/dev/null 2>&1 &
pids="$pids $!"
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
"#;

/// `$1`: where to write the bus address. Nothing else on the bus.
const EMPTY: &str = r#"
printf '%s' "$DBUS_SESSION_BUS_ADDRESS" > "$1.tmp" && mv "$1.tmp" "$1"
cat >/dev/null
"#;

/// A session bus that starts no service: no service directories at all.
const EMPTY_BUS_CONFIG: &str = r#"<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>session</type>
  <listen>unix:tmpdir=/tmp</listen>
  <auth>EXTERNAL</auth>
  <policy context="default">
    <allow send_destination="*" eavesdrop="true"/>
    <allow eavesdrop="true"/>
    <allow own="*"/>
  </policy>
</busconfig>
"#;

/// What a session runs.
enum Kind {
    Unlocked,
    WithDisplay,
    Empty,
}

/// A running session.
pub struct Keychain {
    bus: String,
    dir: PathBuf,
    session: Mutex<Option<(Child, ChildStdin)>>,
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
        match SHARED.get_or_init(|| start(Kind::Unlocked)) {
            Ok(k) => k,
            Err(e) => panic!("the test keychain did not start: {e}"),
        }
    }

    /// A session of its own whose keyring is unlocked until [`Keychain::lock`], with a
    /// display for the unlock prompt (Xvfb and gcr's prompter: `scripts/setup.sh`).
    pub fn with_display() -> Keychain {
        start(Kind::WithDisplay)
            .unwrap_or_else(|e| panic!("the keychain with a display did not start: {e}"))
    }

    /// A session bus with no Secret Service.
    pub fn none() -> Keychain {
        start(Kind::Empty).unwrap_or_else(|e| panic!("the empty session did not start: {e}"))
    }

    /// Locks the login collection, as a screen lock or a timeout would: the next read
    /// asks for its password.
    pub fn lock(&self) {
        let out = self
            .dbus_send(&[
                "--dest=org.freedesktop.secrets",
                "/org/freedesktop/secrets",
                "org.freedesktop.Secret.Service.Lock",
                &format!("array:objpath:{LOGIN}"),
            ])
            .output()
            .expect("run dbus-send");
        assert!(
            out.status.success(),
            "the keyring locks: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(self.locked(), "the login collection says it is locked");
    }

    /// Whether the login collection is locked (asked without unlocking it).
    pub fn locked(&self) -> bool {
        self.answers_true(&[
            "--dest=org.freedesktop.secrets",
            LOGIN,
            "org.freedesktop.DBus.Properties.Get",
            "string:org.freedesktop.Secret.Collection",
            "string:Locked",
        ])
    }

    /// Whether a client owns bus name `name` now.
    pub fn has_owner(&self, name: &str) -> bool {
        self.answers_true(&[
            "--dest=org.freedesktop.DBus",
            "/org/freedesktop/DBus",
            "org.freedesktop.DBus.NameHasOwner",
            &format!("string:{name}"),
        ])
    }

    fn answers_true(&self, args: &[&str]) -> bool {
        let out = self.dbus_send(args).output().expect("run dbus-send");
        out.status.success() && String::from_utf8_lossy(&out.stdout).contains("boolean true")
    }

    fn dbus_send(&self, args: &[&str]) -> Command {
        let mut c = Command::new("dbus-send");
        c.args(["--session", "--print-reply", "--reply-timeout=5000"])
            .args(args)
            .env("DBUS_SESSION_BUS_ADDRESS", &self.bus);
        c
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

impl Drop for Keychain {
    /// Closes the pipe the session waits on and waits for it to end (killing it after
    /// 10 s), so no session outlives its test.
    fn drop(&mut self) {
        let session = self
            .session
            .get_mut()
            .unwrap_or_else(PoisonError::into_inner)
            .take();
        if let Some((mut child, stdin)) = session {
            drop(stdin);
            let deadline = Instant::now() + Duration::from_secs(10);
            while matches!(child.try_wait(), Ok(None)) && Instant::now() < deadline {
                std::thread::sleep(Duration::from_millis(50));
            }
            let _ = child.kill();
            let _ = child.wait();
        }
    }
}

fn start(kind: Kind) -> Result<Keychain, String> {
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
    let mut cmd = Command::new("dbus-run-session");
    match kind {
        Kind::Unlocked | Kind::WithDisplay => {
            let display = if matches!(kind, Kind::WithDisplay) {
                "display"
            } else {
                ""
            };
            cmd.args(["--", "sh", "-c", SESSION, "jobtrail-test-keychain"])
                .arg(&bus_file)
                .arg(display);
        }
        Kind::Empty => {
            let config = dir.join("empty-bus.conf");
            std::fs::write(&config, EMPTY_BUS_CONFIG).map_err(|e| e.to_string())?;
            cmd.arg("--config-file")
                .arg(&config)
                .args(["--", "sh", "-c", EMPTY, "jobtrail-test-empty-bus"])
                .arg(&bus_file);
        }
    }
    let mut child = cmd
        .env("HOME", &dir)
        .env("XDG_DATA_HOME", dir.join("data"))
        .env("XDG_CONFIG_HOME", dir.join("config"))
        .env("XDG_CACHE_HOME", dir.join("cache"))
        .env("XDG_RUNTIME_DIR", &runtime)
        .env_remove("DISPLAY")
        .env_remove("WAYLAND_DISPLAY")
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
                session: Mutex::new(Some((child, stdin))),
            });
        }
        let log_text = || std::fs::read_to_string(&log).unwrap_or_default();
        if let Ok(Some(status)) = child.try_wait() {
            return Err(format!("the session ended ({status}): {}", log_text()));
        }
        if Instant::now() > deadline {
            drop(stdin);
            let _ = child.kill();
            let _ = child.wait();
            return Err(format!("no keyring within 30 s: {}", log_text()));
        }
        std::thread::sleep(Duration::from_millis(50));
    }
}
