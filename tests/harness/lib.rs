//! The end-to-end harness: a private desktop for each test, with the real app in it.
//!
//! [`Desktop::start`] brings up Xvfb, a private D-Bus session with gnome-keyring
//! unlocked and a notification server (see `session.sh`), and tauri-driver with
//! WebKitWebDriver; every test gets its own data, keyring and config directories.
//! [`Desktop::launch`] starts the app over WebDriver. Dropping the desktop stops
//! every process it started, also when the test panics.

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use anyhow::{Context, Result, bail};
use fantoccini::{Client, ClientBuilder, Locator};
use hyper_util::client::legacy::connect::HttpConnector;
use nix::sys::signal::{Signal, killpg};
use nix::unistd::Pid;
use std::os::unix::process::CommandExt;

/// How long to wait for a process to come up or an element to appear.
pub const WAIT: Duration = Duration::from_secs(20);

/// The desktop app binary: `JOBTRAIL_APP_BIN`, else the workspace's debug build.
pub fn app_binary() -> Result<PathBuf> {
    let path = match std::env::var_os("JOBTRAIL_APP_BIN") {
        Some(p) => PathBuf::from(p),
        None => {
            let target = std::env::var_os("CARGO_TARGET_DIR")
                .map(PathBuf::from)
                .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../target"));
            target.join("debug/jobtrail-app")
        }
    };
    if !path.is_file() {
        bail!(
            "the app binary {} is missing: build it with the UI embedded first (`make app`)",
            path.display()
        );
    }
    Ok(path)
}

/// Serializes the e2e tests: each one runs a whole desktop, and two at once on a
/// 2-core machine only make both slow and flaky.
pub async fn exclusive() -> tokio::sync::MutexGuard<'static, ()> {
    static LOCK: tokio::sync::Mutex<()> = tokio::sync::Mutex::const_new(());
    LOCK.lock().await
}

/// A process group that is killed when dropped.
#[derive(Debug)]
struct Group {
    name: &'static str,
    child: Child,
}

impl Group {
    fn spawn(name: &'static str, cmd: &mut Command) -> Result<Self> {
        let child = cmd
            .process_group(0)
            .spawn()
            .with_context(|| format!("cannot start {name}; run scripts/setup.sh"))?;
        Ok(Self { name, child })
    }

    fn exited(&mut self) -> Option<std::process::ExitStatus> {
        self.child.try_wait().ok().flatten()
    }
}

impl Drop for Group {
    fn drop(&mut self) {
        let Ok(pid) = i32::try_from(self.child.id()) else {
            return;
        };
        let pgid = Pid::from_raw(pid);
        let _ = killpg(pgid, Signal::SIGTERM);
        let deadline = Instant::now() + Duration::from_secs(3);
        while Instant::now() < deadline {
            if self.exited().is_some() {
                break;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        // Whatever is left of the group (the app, WebKit's helpers) goes too.
        let _ = killpg(pgid, Signal::SIGKILL);
        let _ = self.child.wait();
        eprintln!("e2e: stopped {}", self.name);
    }
}

/// A program started by [`Desktop::spawn`]; dropping it stops it and its children.
#[derive(Debug)]
pub struct Running(Group);

impl Running {
    /// The program's process id.
    pub fn pid(&self) -> u32 {
        self.0.child.id()
    }

    /// Its exit status, once it has exited.
    pub fn exited(&mut self) -> Option<std::process::ExitStatus> {
        self.0.exited()
    }
}

/// A private desktop session with tauri-driver listening in it.
#[derive(Debug)]
pub struct Desktop {
    // Field order is drop order: the session (and the app in it) before the display.
    _session: Group,
    _xvfb: Group,
    driver_port: u16,
    app: PathBuf,
    root: tempfile::TempDir,
    /// The X display (`:93`).
    display: String,
}

impl Desktop {
    /// Starts Xvfb, the D-Bus session with keyring and notifications, and tauri-driver.
    pub async fn start() -> Result<Self> {
        Self::start_with(app_binary()?).await
    }

    /// [`Desktop::start`] for another build of the app (an installed package's binary).
    pub async fn start_with(app: PathBuf) -> Result<Self> {
        Self::start_full(app, &[]).await
    }

    /// [`Desktop::start`] with more environment variables for the app (`LOG_LEVEL`).
    pub async fn start_with_env(env: &[(&str, &str)]) -> Result<Self> {
        Self::start_full(app_binary()?, env).await
    }

    async fn start_full(app: PathBuf, env: &[(&str, &str)]) -> Result<Self> {
        let root = tempfile::Builder::new().prefix("jobtrail-e2e-").tempdir()?;
        for dir in [
            "data",
            "xdg-data",
            "xdg-config",
            "xdg-cache",
            "runtime",
            "home",
        ] {
            std::fs::create_dir_all(root.path().join(dir))?;
        }
        std::fs::set_permissions(
            root.path().join("runtime"),
            std::os::unix::fs::PermissionsExt::from_mode(0o700),
        )?;
        let (xvfb, display) = start_xvfb(root.path())?;
        let driver_port = free_port()?;
        let native_port = free_port()?;
        let session_script = Path::new(env!("CARGO_MANIFEST_DIR")).join("harness/session.sh");
        let r = root.path();
        let mut cmd = Command::new("dbus-run-session");
        cmd.arg("--")
            .arg("bash")
            .arg(&session_script)
            // The app must not reach a real provider from a developer's shell.
            .env_remove("OPENAI_API_KEY")
            .env_remove("OPENAI_BASE_URL")
            .env("DISPLAY", &display)
            .env("JOBTRAIL_DATA_DIR", r.join("data"))
            .env("HOME", r.join("home"))
            .env("XDG_DATA_HOME", r.join("xdg-data"))
            .env("XDG_CONFIG_HOME", r.join("xdg-config"))
            .env("XDG_CACHE_HOME", r.join("xdg-cache"))
            .env("XDG_RUNTIME_DIR", r.join("runtime"))
            .env("E2E_DRIVER_PORT", driver_port.to_string())
            .env("E2E_NATIVE_PORT", native_port.to_string())
            .env("E2E_NOTIFY_LOG", r.join("notifications.log"))
            .env("E2E_BUS_FILE", r.join("session-bus"))
            // The app runs as it ships: nothing here changes how WebKit draws, whether
            // it uses a GPU or how it sandboxes its processes, and neither may a
            // developer's shell. (WebKitGTK 4.1's bubblewrap sandbox is opt-in and must
            // be chosen before WebKit's first helper process, which wry starts with the
            // web view; Tauri does not turn it on, so the app ships without it and the
            // variable that disabled it here changed nothing.)
            .env_remove("WEBKIT_DISABLE_SANDBOX_THIS_IS_DANGEROUS")
            .env_remove("WEBKIT_DISABLE_COMPOSITING_MODE")
            .env_remove("WEBKIT_DISABLE_DMABUF_RENDERER")
            .env_remove("LIBGL_ALWAYS_SOFTWARE")
            .env_remove("JOBTRAIL_GPU")
            .env_remove("DBUS_SESSION_BUS_ADDRESS")
            .envs(env.iter().copied())
            .stdin(Stdio::null());
        // Everything the session prints, the app's stderr included, for the tests to
        // search (a secret must not be there) and for failures to quote.
        let log = std::fs::File::create(root.path().join("session.log"))?;
        cmd.stdout(log.try_clone()?).stderr(log);
        let mut session = Group::spawn("desktop session", &mut cmd)?;
        wait_for(
            || {
                if let Some(status) = session.exited() {
                    return Err(anyhow::anyhow!(
                        "the desktop session exited early ({status}): {}",
                        tail(&std::fs::read_to_string(r.join("session.log")).unwrap_or_default())
                    ));
                }
                // tauri-driver proxies to WebKitWebDriver: both must listen before the
                // first session, or the first request fails on a cold machine.
                Ok(
                    std::net::TcpStream::connect(("127.0.0.1", driver_port)).is_ok()
                        && std::net::TcpStream::connect(("127.0.0.1", native_port)).is_ok(),
                )
            },
            "tauri-driver and WebKitWebDriver to listen",
        )?;
        Ok(Self {
            _session: session,
            _xvfb: xvfb,
            display,
            driver_port,
            app,
            root,
        })
    }

    /// Saves the whole screen as a PNG, read from the X server. (WebKitWebDriver's own
    /// screenshot can wait forever for a repaint that an idle page never does.)
    pub fn screenshot(&self, path: &Path) -> Result<()> {
        use x11rb::connection::Connection;
        use x11rb::protocol::xproto::{ConnectionExt, ImageFormat};
        let (conn, screen) = x11rb::connect(Some(&self.display)).context("connect to Xvfb")?;
        let root = &conn.setup().roots[screen];
        let (w, h) = (root.width_in_pixels, root.height_in_pixels);
        let image = conn
            .get_image(ImageFormat::Z_PIXMAP, root.root, 0, 0, w, h, !0)?
            .reply()
            .context("read the screen")?;
        // 24-bit depth comes as 32 bits per pixel, blue first.
        let rgb: Vec<u8> = image
            .data
            .chunks_exact(4)
            .flat_map(|p| [p[2], p[1], p[0]])
            .collect();
        anyhow::ensure!(
            rgb.len() == usize::from(w) * usize::from(h) * 3,
            "unexpected image format"
        );
        let file = std::io::BufWriter::new(std::fs::File::create(path)?);
        let mut png = png::Encoder::new(file, u32::from(w), u32::from(h));
        png.set_color(png::ColorType::Rgb);
        png.set_depth(png::BitDepth::Eight);
        png.write_header()?.write_image_data(&rgb)?;
        Ok(())
    }

    /// What the session printed so far: tauri-driver's, WebKit's and the app's stdout
    /// and stderr (where a panic or crash report would go).
    pub fn session_log(&self) -> String {
        std::fs::read_to_string(self.root.path().join("session.log")).unwrap_or_default()
    }

    /// The directory every file of this desktop lives in (data, XDG dirs, home, logs).
    pub fn root(&self) -> &Path {
        self.root.path()
    }

    /// The app's data directory (`JOBTRAIL_DATA_DIR`).
    pub fn data_dir(&self) -> PathBuf {
        self.root.path().join("data")
    }

    /// A command for the `jobtrail` CLI inside this desktop session: same data dir,
    /// same keychain (the session bus), no provider from the developer's shell.
    pub fn cli(&self) -> Result<Command> {
        self.command(app_binary()?.with_file_name("jobtrail"))
    }

    /// A command for any program inside this desktop session (`secret-tool` to read
    /// the keychain the app wrote to), with the CLI's environment and the display.
    pub fn command(&self, program: impl AsRef<std::ffi::OsStr>) -> Result<Command> {
        let bin = program;
        let bus = std::fs::read_to_string(self.root.path().join("session-bus"))
            .context("the session did not publish its bus address")?;
        let r = self.root.path();
        let mut cmd = Command::new(bin);
        cmd.env_remove("OPENAI_API_KEY")
            .env_remove("OPENAI_BASE_URL")
            .env("DISPLAY", &self.display)
            .env("DBUS_SESSION_BUS_ADDRESS", bus)
            .env("JOBTRAIL_DATA_DIR", self.data_dir())
            .env("HOME", r.join("home"))
            .env("XDG_DATA_HOME", r.join("xdg-data"))
            .env("XDG_CONFIG_HOME", r.join("xdg-config"))
            .env("XDG_RUNTIME_DIR", r.join("runtime"));
        Ok(cmd)
    }

    /// Starts a program in this desktop as a person would (no WebDriver): the app
    /// itself from [`Desktop::command`], say. It and whatever it started are stopped
    /// when the returned value is dropped; its output goes to `<name>.log` in [`Desktop::root`].
    pub fn spawn(&self, name: &'static str, mut cmd: Command) -> Result<Running> {
        let log = std::fs::File::create(self.root.path().join(format!("{name}.log")))?;
        cmd.stdin(Stdio::null())
            .stdout(log.try_clone()?)
            .stderr(log);
        Ok(Running(Group::spawn(name, &mut cmd)?))
    }

    /// What the notification server received: one line per `Notify` call.
    pub fn notifications(&self) -> Vec<String> {
        std::fs::read_to_string(self.root.path().join("notifications.log"))
            .unwrap_or_default()
            .lines()
            .filter(|l| l.contains(" Notify "))
            .map(str::to_owned)
            .collect()
    }

    /// The SQLite file the app writes.
    pub fn database(&self) -> PathBuf {
        self.data_dir().join("jobtrail.db")
    }

    /// Launches the app in a new WebDriver session and waits for its UI to render.
    pub async fn launch(&self) -> Result<App> {
        let mut caps = serde_json::Map::new();
        caps.insert("browserName".into(), "wry".into());
        caps.insert(
            "tauri:options".into(),
            serde_json::json!({ "application": self.app }),
        );
        let client = ClientBuilder::new(HttpConnector::new())
            .capabilities(caps)
            .connect(&format!("http://127.0.0.1:{}", self.driver_port))
            .await
            .context("tauri-driver did not start the app")?;
        let app = App { client };
        if let Err(e) = app.wait_for("main.app-main").await {
            // Say what the page holds: a script error leaves it empty, the crash
            // screen names the error.
            let source = app.client.source().await.unwrap_or_default();
            // Importing the page's module again rethrows what stopped it, if anything did.
            let errors = app
                .client
                .execute_async(
                    "const done = arguments[0];
                     const s = document.querySelector('script[type=module]');
                     if (!s) { done('no module script'); return; }
                     const seen = [];
                     const keep = (e) => seen.push(String((e && (e.stack || e.message)) || e));
                     window.addEventListener('error', (e) => keep(e.error || e.message));
                     window.addEventListener('unhandledrejection', (e) => keep(e.reason));
                     const log = console.error;
                     console.error = (...a) => { keep(a.map(String).join(' ')); log(...a); };
                     // A fresh copy runs the app again, so what stopped it shows up here.
                     import(s.src + '?again').then(
                       () => setTimeout(() => done('loaded again; root: ' + document.getElementById('root').innerHTML.length + ' chars; errors: ' + seen.join(' | ')), 3000),
                       (e) => done(String((e && e.stack) || e)));",
                    vec![],
                )
                .await
                .unwrap_or_default();
            return Err(e.context(format!(
                "the app window did not render; errors: {errors}; page: {}; session log: {}",
                source.chars().take(2000).collect::<String>(),
                tail(&self.session_log())
            )));
        }
        Ok(app)
    }
}

/// The running app, driven over WebDriver.
#[derive(Debug)]
pub struct App {
    /// The WebDriver client, for anything the helpers below don't cover.
    pub client: Client,
}

impl App {
    /// Waits for an element matching `css`.
    pub async fn wait_for(&self, css: &str) -> Result<fantoccini::elements::Element> {
        self.client
            .wait()
            .at_most(WAIT)
            .for_element(Locator::Css(css))
            .await
            .with_context(|| format!("no element matches {css} within {WAIT:?}"))
    }

    /// Waits for the element with `data-testid`.
    pub async fn testid(&self, id: &str) -> Result<fantoccini::elements::Element> {
        self.wait_for(&format!("[data-testid='{id}']")).await
    }

    /// Every element matching `css` now.
    pub async fn all(&self, css: &str) -> Result<Vec<fantoccini::elements::Element>> {
        Ok(self.client.find_all(Locator::Css(css)).await?)
    }

    /// Calls a Tauri command from the page, as the UI does: `Ok(result)` or
    /// `Err(error)` with the value the command rejected with.
    pub async fn invoke(
        &self,
        command: &str,
        args: serde_json::Value,
    ) -> Result<std::result::Result<serde_json::Value, serde_json::Value>> {
        let out = self
            .client
            .execute_async(
                "const [cmd, args, done] = arguments;
                 window.__TAURI_INTERNALS__.invoke(cmd, args).then(
                   (v) => done({ ok: v === undefined ? null : v }),
                   (e) => done({ err: e }));",
                vec![command.into(), args],
            )
            .await
            .with_context(|| format!("invoke {command}"))?;
        Ok(match out.get("err") {
            Some(e) => Err(e.clone()),
            None => Ok(out.get("ok").cloned().unwrap_or_default()),
        })
    }

    /// Ends the WebDriver session, which quits the app.
    pub async fn quit(self) -> Result<()> {
        self.client.close().await?;
        Ok(())
    }
}

fn start_xvfb(root: &Path) -> Result<(Group, String)> {
    // Try display numbers until one is free; a taken one makes Xvfb exit at once.
    let base = 90 + (std::process::id() % 50);
    for n in base..base + 40 {
        if Path::new(&format!("/tmp/.X11-unix/X{n}")).exists()
            || Path::new(&format!("/tmp/.X{n}-lock")).exists()
        {
            continue;
        }
        let display = format!(":{n}");
        let mut xvfb = Group::spawn(
            "Xvfb",
            Command::new("Xvfb")
                .args([
                    display.as_str(),
                    "-screen",
                    "0",
                    "1920x1080x24",
                    "-nolisten",
                    "tcp",
                ])
                .stdin(Stdio::null())
                .stdout(Stdio::null())
                .stderr(std::fs::File::create(root.join("xvfb.log"))?),
        )?;
        let socket = format!("/tmp/.X11-unix/X{n}");
        let up = wait_for(
            || match xvfb.exited() {
                Some(_) => Err(anyhow::anyhow!("Xvfb exited")),
                None => Ok(Path::new(&socket).exists()),
            },
            "Xvfb",
        );
        if up.is_ok() {
            return Ok((xvfb, display));
        }
    }
    bail!("no free X display for Xvfb")
}

/// The last lines of a log, for an error message.
fn tail(log: &str) -> String {
    let lines: Vec<&str> = log.lines().collect();
    lines[lines.len().saturating_sub(40)..].join("\n")
}

fn free_port() -> Result<u16> {
    let l = std::net::TcpListener::bind(("127.0.0.1", 0))?;
    Ok(l.local_addr()?.port())
}

fn wait_for(mut ready: impl FnMut() -> Result<bool>, what: &str) -> Result<()> {
    let deadline = Instant::now() + WAIT;
    while Instant::now() < deadline {
        if ready()? {
            return Ok(());
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    bail!("timed out after {WAIT:?} waiting for {what}")
}
