//! A real, throwaway Arize Phoenix on loopback, for Jobtrail's telemetry tests.
//!
//! Export is tested against a backend people run, not a mock: Phoenix takes OTLP/HTTP
//! (protobuf) at `/v1/traces`, stores spans by project (the resource attribute
//! `openinference.project.name`, else `default`) and gives them back, attributes and
//! all, at `GET /v1/projects/{project}/spans`. It comes from PyPI, pinned, in a
//! virtualenv under the build directory (`scripts/setup.sh` installs it) and runs
//! offline with its working dir in a temp dir.
//!
//! It takes about 15–20 s to start, so a test binary shares one ([`Phoenix::shared`])
//! and its tests keep apart by each sending to a project of its own.
//!
//! No Phoenix may outlive its test process, yet statics are never dropped. So it runs
//! under a watchdog shell reading a pipe whose write end only the test process holds:
//! when that process ends, however it ends, the kernel closes the pipe and the
//! watchdog stops Phoenix, kills its process group and deletes the temp dir.
//!
//! [`sink::Sink`] is the other half: a bare OTLP endpoint that records the raw
//! request bodies (to search what left the machine byte by byte) and can be made slow
//! or failing.

pub mod sink;

use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::os::unix::process::CommandExt;
use std::path::PathBuf;
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::OnceLock;
use std::time::{Duration, Instant};

use anyhow::{Context, Result, bail, ensure};
use serde_json::Value;

/// The pinned Phoenix release (`scripts/setup.sh` installs the same).
pub const PHOENIX_VERSION: &str = "20.26.1";

/// How long Phoenix may take to answer `/healthz` after it is started.
const START_TIMEOUT: Duration = Duration::from_secs(120);

/// `$1` phoenix binary, `$2` temp dir. EOF on stdin (the test process is gone, or
/// dropped the server) stops Phoenix and removes the temp dir; `kill -KILL 0` takes
/// whatever is left in the process group, which is ours alone.
const WATCHDOG: &str = r#"
dir=$2
exec 3<&0
"$1" serve </dev/null 3<&- &
phoenix=$!
{
  read -r order <&3
  kill -TERM "$phoenix" 2>/dev/null
} &
reader=$!
wait "$phoenix"
kill "$reader" 2>/dev/null
wait "$reader"
rm -rf -- "$dir"
kill -KILL 0
"#;

/// A running Phoenix with its temp dir (or one already running elsewhere on loopback).
#[derive(Debug)]
pub struct Phoenix {
    /// The watchdog and its pipe; `None` for a Phoenix this crate did not start.
    process: Option<(Child, Option<ChildStdin>)>,
    port: u16,
    log: PathBuf,
    _dir: Option<tempfile::TempDir>,
}

/// Where the virtualenv's `phoenix` is: `JOBTRAIL_PHOENIX`, else
/// `target/phoenix/bin/phoenix` of this workspace.
pub fn phoenix_binary() -> PathBuf {
    if let Some(p) = std::env::var_os("JOBTRAIL_PHOENIX") {
        return PathBuf::from(p);
    }
    let target = std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../target"));
    target.join("phoenix/bin/phoenix")
}

/// Two distinct free ports: both are held while the second is picked, since a port
/// let go is often the next one handed out.
fn free_ports() -> Result<(u16, u16)> {
    let first = TcpListener::bind("127.0.0.1:0")?;
    let second = TcpListener::bind("127.0.0.1:0")?;
    Ok((first.local_addr()?.port(), second.local_addr()?.port()))
}

impl Phoenix {
    /// The server shared by every test in this test binary, started on first use.
    ///
    /// # Panics
    ///
    /// When Phoenix cannot start (not installed: run `scripts/setup.sh`); every test
    /// that asks gets the same message.
    ///
    /// `JOBTRAIL_PHOENIX_PORT` names a Phoenix already running on 127.0.0.1 to use
    /// instead (it is left running, spans and all, to look at after the tests).
    pub fn shared() -> &'static Phoenix {
        static SHARED: OnceLock<Result<Phoenix, String>> = OnceLock::new();
        let start = || match std::env::var("JOBTRAIL_PHOENIX_PORT")
            .ok()
            .and_then(|p| p.parse().ok())
        {
            Some(port) => Ok(Phoenix {
                process: None,
                port,
                log: PathBuf::new(),
                _dir: None,
            }),
            None => Self::start(),
        };
        match SHARED.get_or_init(|| start().map_err(|e| format!("{e:#}"))) {
            Ok(p) => p,
            Err(e) => panic!("the shared test Phoenix did not start: {e}"),
        }
    }

    /// Starts a private Phoenix on free loopback ports.
    pub fn start() -> Result<Self> {
        let binary = phoenix_binary();
        ensure!(
            binary.exists(),
            "{} is missing: run scripts/setup.sh (it installs arize-phoenix=={PHOENIX_VERSION} in a virtualenv)",
            binary.display()
        );
        let dir = tempfile::Builder::new()
            .prefix("jobtrail-phoenix-")
            .tempdir()
            .context("cannot create Phoenix's temp dir")?;
        let log = dir.path().join("phoenix.log");
        let (port, grpc_port) = free_ports()?;
        let out = std::fs::File::create(&log)?;
        let mut child = Command::new("sh")
            .arg("-c")
            .arg(WATCHDOG)
            .arg("jobtrail-phoenix-watchdog")
            .arg(&binary)
            .arg(dir.path())
            .env("PHOENIX_WORKING_DIR", dir.path())
            .env("PHOENIX_HOST", "127.0.0.1")
            .env("PHOENIX_PORT", port.to_string())
            .env("PHOENIX_GRPC_PORT", grpc_port.to_string())
            .env("PHOENIX_TELEMETRY_ENABLED", "false")
            // Whatever the developer's shell says, this Phoenix sends nothing anywhere.
            .env_remove("OTEL_EXPORTER_OTLP_ENDPOINT")
            .env_remove("PHOENIX_COLLECTOR_ENDPOINT")
            .env_remove("PHOENIX_SQL_DATABASE_URL")
            .stdin(Stdio::piped())
            .stdout(out.try_clone()?)
            .stderr(out)
            .process_group(0)
            .spawn()
            .context("cannot run sh to start Phoenix")?;
        let stdin = child.stdin.take();
        let mut server = Self {
            process: Some((child, stdin)),
            port,
            log,
            _dir: Some(dir),
        };
        let deadline = Instant::now() + START_TIMEOUT;
        loop {
            let exited = match &mut server.process {
                Some((child, _)) => child.try_wait()?,
                None => None,
            };
            if let Some(status) = exited {
                bail!(
                    "Phoenix exited at start ({status}); its log ends:\n{}",
                    server.log_tail()
                );
            }
            if server.get("/healthz").is_ok_and(|(s, _)| s == 200) {
                return Ok(server);
            }
            if Instant::now() > deadline {
                bail!(
                    "Phoenix did not come up within {START_TIMEOUT:?}; its log ends:\n{}",
                    server.log_tail()
                );
            }
            std::thread::sleep(Duration::from_millis(250));
        }
    }

    /// `http://127.0.0.1:PORT`: the base URL, as `OTEL_EXPORTER_OTLP_ENDPOINT` takes it.
    pub fn base_url(&self) -> String {
        format!("http://127.0.0.1:{}", self.port)
    }

    /// The end of Phoenix's log, for failure messages.
    pub fn log_tail(&self) -> String {
        let text = std::fs::read_to_string(&self.log).unwrap_or_default();
        let lines: Vec<&str> = text.lines().collect();
        lines[lines.len().saturating_sub(30)..].join("\n")
    }

    /// A GET on the REST API: status and body.
    pub fn get(&self, path: &str) -> Result<(u16, String)> {
        let mut s = TcpStream::connect(("127.0.0.1", self.port))?;
        s.set_read_timeout(Some(Duration::from_secs(30)))?;
        // HTTP/1.0: the answer ends with the connection, never chunked.
        write!(
            s,
            "GET {path} HTTP/1.0\r\nHost: 127.0.0.1\r\nAccept: application/json\r\n\r\n"
        )?;
        let mut raw = Vec::new();
        s.read_to_end(&mut raw)?;
        let text = String::from_utf8_lossy(&raw);
        let (head, body) = text.split_once("\r\n\r\n").context("no HTTP header end")?;
        let status = head
            .split_whitespace()
            .nth(1)
            .and_then(|s| s.parse().ok())
            .context("no HTTP status")?;
        Ok((status, body.to_owned()))
    }

    /// Every span of `project` (none when the project does not exist yet).
    pub fn spans(&self, project: &str) -> Result<Vec<Value>> {
        let mut out = Vec::new();
        let mut cursor: Option<String> = None;
        loop {
            let path = match &cursor {
                Some(c) => format!("/v1/projects/{project}/spans?limit=1000&cursor={c}"),
                None => format!("/v1/projects/{project}/spans?limit=1000"),
            };
            let (status, body) = self.get(&path)?;
            if status == 404 {
                return Ok(out);
            }
            ensure!(status == 200, "GET {path}: HTTP {status}: {body}");
            let page: Value = serde_json::from_str(&body).context("spans are not JSON")?;
            if let Some(data) = page["data"].as_array() {
                out.extend(data.iter().cloned());
            }
            match page["next_cursor"].as_str() {
                Some(c) if !c.is_empty() => cursor = Some(c.to_owned()),
                _ => return Ok(out),
            }
        }
    }

    /// The spans of `project` once there are at least `count` (Phoenix inserts in the
    /// background), or an error after `limit`.
    pub fn wait_for_spans(
        &self,
        project: &str,
        count: usize,
        limit: Duration,
    ) -> Result<Vec<Value>> {
        let deadline = Instant::now() + limit;
        loop {
            let spans = self.spans(project)?;
            if spans.len() >= count {
                return Ok(spans);
            }
            if Instant::now() > deadline {
                bail!(
                    "{} of {count} spans in project {project} after {limit:?}",
                    spans.len()
                );
            }
            std::thread::sleep(Duration::from_millis(200));
        }
    }
}

impl Drop for Phoenix {
    fn drop(&mut self) {
        let Some((mut child, stdin)) = self.process.take() else {
            return;
        };
        drop(stdin);
        let deadline = Instant::now() + Duration::from_secs(15);
        while Instant::now() < deadline {
            if matches!(child.try_wait(), Ok(Some(_))) {
                return;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        // Not reaped yet, so the group id cannot have been reused.
        if let Ok(pgid) = i32::try_from(child.id()) {
            let _ = nix::sys::signal::killpg(
                nix::unistd::Pid::from_raw(pgid),
                nix::sys::signal::Signal::SIGKILL,
            );
        }
        let _ = child.wait();
    }
}
