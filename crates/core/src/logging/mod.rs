//! Logs, shared by the app and the CLI: JSON lines in daily files under
//! `<data dir>/logs/`, and stderr.
//!
//! - Every line is one JSON object: `timestamp` (RFC 3339, UTC, µs), `level`, `target`,
//!   `message`, then the fields of the event and of every span around it, flattened
//!   (so a line logged anywhere inside an agent run carries its `request_id` and
//!   `agent`; the `execution recorded` line adds `execution_id`), and `spans`: the
//!   enclosing span names, outermost first.
//! - Files: `jobtrail.log.YYYY-MM-DD` (UTC days), the last [`MAX_LOG_FILES`] kept.
//!   They are always JSON, so [`find_by_request_id`] can read them.
//! - stderr: JSON too, unless `STRUCTURED_LOGGING` is false (then compact lines).
//! - `LOG_LEVEL`: a level (`error`, `warn`, `info`, `debug`, `trace`, `off`; Python's
//!   `WARNING` and `CRITICAL` are understood) or a tracing filter such as
//!   `jobtrail_core=debug`. Unset: `info`, except the CLI's stderr, which stays at
//!   `warn` so command output stays clean.
//! - Invalid values are reported (a warning naming the variable and what it accepts)
//!   and the default is used; a log directory that cannot be written leaves stderr
//!   only. Logging never stops the app or a command.
//! - Secrets: API keys seen by the process ([`register_secret`], called by
//!   [`crate::secrets::ApiKey::new`]), bearer tokens and `sk-…` keys are replaced
//!   by `[redacted]` in every line written, whatever logged them.

use std::fmt;
use std::fs::File;
use std::io::{self, BufRead, BufReader, IsTerminal};
use std::path::{Path, PathBuf};

use serde_json::Value;
use tracing::{Level, Subscriber};
use tracing_appender::non_blocking::{NonBlockingBuilder, WorkerGuard};
use tracing_appender::rolling::{RollingFileAppender, Rotation};
use tracing_subscriber::filter::{EnvFilter, FilterExt, filter_fn};
use tracing_subscriber::layer::SubscriberExt;
use tracing_subscriber::registry::LookupSpan;
use tracing_subscriber::util::SubscriberInitExt;
use tracing_subscriber::{Layer, Registry};

/// Environment variable holding the log level or filter.
pub const LOG_LEVEL_ENV: &str = "LOG_LEVEL";
/// Environment variable choosing JSON (true, the default) or human-readable stderr.
pub const STRUCTURED_LOGGING_ENV: &str = "STRUCTURED_LOGGING";
/// Name of the log directory inside the data directory.
pub const LOG_DIR_NAME: &str = "logs";
/// Log file names: this, a dot and the UTC date (`jobtrail.log.2026-11-27`).
pub const LOG_FILE_PREFIX: &str = "jobtrail.log";
/// How many daily files are kept.
pub const MAX_LOG_FILES: usize = 14;

/// Lines queued for the log file's writer thread. The queue is allocated whole when
/// logging starts (tracing-appender's default, 128,000 lines, is 4 MiB resident for
/// the life of the app); a burst beyond it waits for the writer (`lossy(false)`), which
/// appends to a local file far faster than the app logs.
const LOG_QUEUE_LINES: usize = 2_048;

const LEVELS_HELP: &str =
    "use error, warn, info, debug, trace or off, or a filter such as jobtrail_core=debug";
const BOOL_HELP: &str = "use true or false (1/0, yes/no and on/off work too)";

/// The log directory of a data directory.
pub fn log_dir(data_dir: &Path) -> PathBuf {
    data_dir.join(LOG_DIR_NAME)
}

/// The log directory of the default data directory.
pub fn default_log_dir() -> crate::error::StoreResult<PathBuf> {
    crate::files::default_data_dir().map(|d| log_dir(&d))
}

/// Who is logging: decides the stderr default.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LogTarget {
    /// The desktop app: stderr and files at `LOG_LEVEL`, default `info`.
    App,
    /// The CLI: files at `LOG_LEVEL` (default `info`); stderr at `LOG_LEVEL` when it is
    /// set, else `warn`.
    Cli,
}

/// What to log where, from `LOG_LEVEL` and `STRUCTURED_LOGGING`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LogSettings {
    /// Filter for the log files (a valid `EnvFilter` directive list).
    pub file_filter: String,
    /// Filter for stderr.
    pub stderr_filter: String,
    /// JSON on stderr (else compact human-readable lines).
    pub structured: bool,
}

impl LogSettings {
    /// Settings from the environment, and the problems found in it.
    pub fn from_env(target: LogTarget) -> (Self, Vec<String>) {
        let level = std::env::var(LOG_LEVEL_ENV).ok();
        let structured = std::env::var(STRUCTURED_LOGGING_ENV).ok();
        Self::from_values(target, level.as_deref(), structured.as_deref())
    }

    /// Settings from the variables' values (`None`: unset), and the problems found: an
    /// invalid value is reported and its default used.
    pub fn from_values(
        target: LogTarget,
        log_level: Option<&str>,
        structured: Option<&str>,
    ) -> (Self, Vec<String>) {
        let mut problems = Vec::new();
        let stderr_default = match target {
            LogTarget::App => "info",
            LogTarget::Cli => "warn",
        };
        let level = match log_level.map(str::trim).filter(|v| !v.is_empty()) {
            None => None,
            Some(raw) => match parse_filter(raw) {
                Ok(f) => Some(f),
                Err(why) => {
                    problems.push(format!(
                        "{LOG_LEVEL_ENV} is not a valid filter: {why} ({LEVELS_HELP}); using info{}",
                        if target == LogTarget::Cli {
                            " (warn on stderr)"
                        } else {
                            ""
                        }
                    ));
                    None
                }
            },
        };
        let structured = match structured.map(str::trim).filter(|v| !v.is_empty()) {
            None => true,
            Some(raw) => parse_bool(raw).unwrap_or_else(|| {
                problems.push(format!(
                    "{STRUCTURED_LOGGING_ENV}={raw:?} is not a boolean: {BOOL_HELP}; using true"
                ));
                true
            }),
        };
        let settings = Self {
            file_filter: level.clone().unwrap_or_else(|| "info".to_owned()),
            stderr_filter: level.unwrap_or_else(|| stderr_default.to_owned()),
            structured,
        };
        (settings, problems)
    }
}

/// `true`/`false`, `1`/`0`, `yes`/`no`, `on`/`off`, in any case; else `None`.
pub fn parse_bool(value: &str) -> Option<bool> {
    match value.trim().to_ascii_lowercase().as_str() {
        "true" | "1" | "yes" | "on" => Some(true),
        "false" | "0" | "no" | "off" => Some(false),
        _ => None,
    }
}

/// Checks a `LOG_LEVEL` value and normalizes its level names. A bare word must be a
/// level (`EnvFilter` would take `verbose` as a target and silently log nothing).
/// `Err` says what is wrong, quoting the value.
fn parse_filter(raw: &str) -> Result<String, String> {
    let within = |d: &str| {
        if d == raw {
            String::new()
        } else {
            format!(" (in {raw:?})")
        }
    };
    let mut parts = Vec::new();
    for d in raw.split(',').map(str::trim).filter(|d| !d.is_empty()) {
        if d.contains('=') || d.contains('[') {
            parts.push(d.to_owned());
            continue;
        }
        let level = match d.to_ascii_lowercase().as_str() {
            l @ ("error" | "warn" | "info" | "debug" | "trace" | "off") => l.to_owned(),
            "warning" => "warn".to_owned(),
            "critical" | "fatal" => "error".to_owned(),
            _ => return Err(format!("{d:?} is not a log level{}", within(d))),
        };
        parts.push(level);
    }
    if parts.is_empty() {
        return Err(format!("{raw:?} names no level"));
    }
    let filter = parts.join(",");
    EnvFilter::builder()
        .parse(&filter)
        .map_err(|e| format!("{raw:?} cannot be read: {e}"))?;
    Ok(filter)
}

/// Keeps the log file writer alive: hold it until the process ends; dropping it
/// flushes the lines still buffered.
#[must_use = "dropping the guard stops file logging"]
#[derive(Debug, Default)]
pub struct LogGuard {
    _worker: Option<WorkerGuard>,
    log_dir: Option<PathBuf>,
}

impl LogGuard {
    /// The directory log files go to, if file logging is on.
    pub fn log_dir(&self) -> Option<&Path> {
        self.log_dir.as_deref()
    }
}

/// A subscriber ready to install, its guard, and the problems met building it.
pub struct Logging<S> {
    /// The subscriber (install with `try_init`, or `set_default` in tests).
    pub subscriber: S,
    /// Hold until exit.
    pub guard: LogGuard,
    /// Configuration problems, to report once the subscriber is installed.
    pub problems: Vec<String>,
}

impl<S> fmt::Debug for Logging<S> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Logging")
            .field("guard", &self.guard)
            .field("problems", &self.problems)
            .finish_non_exhaustive()
    }
}

/// Installs logging for the process from the environment: files in `log_dir` (none:
/// stderr only) and stderr. Problems are logged as warnings; nothing here fails.
pub fn init(target: LogTarget, log_dir: Option<PathBuf>) -> LogGuard {
    let (settings, mut problems) = LogSettings::from_env(target);
    let built = build(&settings, log_dir.as_deref(), true);
    problems.extend(built.problems);
    if built.subscriber.try_init().is_err() {
        problems.push("a logger was already installed; keeping it".to_owned());
    }
    for p in &problems {
        tracing::warn!("{p}");
    }
    built.guard
}

/// Builds the subscriber for `settings`: JSON files in `log_dir` if given and
/// writable, and stderr if `to_stderr`.
pub fn build(
    settings: &LogSettings,
    log_dir: Option<&Path>,
    to_stderr: bool,
) -> Logging<impl Subscriber + Send + Sync + 'static> {
    let mut problems = Vec::new();
    let mut guard = LogGuard::default();
    let mut layers: Vec<Box<dyn Layer<Registry> + Send + Sync>> = Vec::new();
    if let Some(dir) = log_dir {
        match file_writer(dir) {
            Ok((writer, worker)) => {
                layers.push(
                    JsonLayer::new(Redacting(writer))
                        .with_filter(level_filter(&settings.file_filter))
                        .boxed(),
                );
                guard = LogGuard {
                    _worker: Some(worker),
                    log_dir: Some(dir.to_owned()),
                };
            }
            Err(e) => problems.push(e),
        }
    }
    if to_stderr {
        let writer = Redacting(io::stderr);
        let layer = if settings.structured {
            JsonLayer::new(writer)
                .with_filter(level_filter(&settings.stderr_filter))
                .boxed()
        } else {
            tracing_subscriber::fmt::layer()
                .compact()
                .with_ansi(io::stderr().is_terminal())
                .with_writer(writer)
                .with_filter(level_filter(&settings.stderr_filter))
                .boxed()
        };
        layers.push(layer);
    }
    Logging {
        subscriber: tracing_subscriber::registry().with(layers),
        guard,
        problems,
    }
}

/// `directives` (already checked), plus Jobtrail's own spans up to `info` whatever
/// the level: a `warn` line inside an agent run still carries the run's request id.
fn level_filter<S: Subscriber + for<'a> LookupSpan<'a>>(
    directives: &str,
) -> impl tracing_subscriber::layer::Filter<S> + Send + Sync + 'static {
    let env = EnvFilter::builder()
        .parse(directives)
        .unwrap_or_else(|_| EnvFilter::new("info"));
    let our_spans = filter_fn(|m| {
        m.is_span() && m.target().starts_with("jobtrail") && *m.level() <= Level::INFO
    })
    .with_max_level_hint(Level::INFO);
    // The IMAP library's debug and trace lines quote the wire: the LOGIN command with
    // the password (escaped, so redaction cannot be relied on) and whole messages.
    // They are never logged, whatever the level asks.
    let no_wire = filter_fn(|m| {
        let wire = m.target().starts_with("async_imap") || m.target().starts_with("imap_proto");
        !wire || *m.level() <= Level::INFO
    });
    env.or(our_spans).and(no_wire)
}

fn file_writer(
    dir: &Path,
) -> Result<(tracing_appender::non_blocking::NonBlocking, WorkerGuard), String> {
    let fail = |e: &dyn fmt::Display| {
        format!(
            "cannot write log files in {}: {e}; logging to stderr only",
            dir.display()
        )
    };
    std::fs::create_dir_all(dir).map_err(|e| fail(&e))?;
    let appender = RollingFileAppender::builder()
        .rotation(Rotation::DAILY)
        .filename_prefix(LOG_FILE_PREFIX)
        .max_log_files(MAX_LOG_FILES)
        .build(dir)
        .map_err(|e| fail(&e))?;
    Ok(NonBlockingBuilder::default()
        .lossy(false)
        .buffered_lines_limit(LOG_QUEUE_LINES)
        .thread_name("jobtrail-log")
        .finish(appender))
}

mod json;
mod redact;

pub use json::JsonLayer;
pub use redact::{Redacting, RedactingWriter, redact, register_secret};

/// The log files in `dir`, oldest first (none if `dir` does not exist).
pub fn log_files(dir: &Path) -> io::Result<Vec<PathBuf>> {
    let entries = match std::fs::read_dir(dir) {
        Ok(e) => e,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => return Err(e),
    };
    let mut files = Vec::new();
    for entry in entries {
        let entry = entry?;
        let name = entry.file_name();
        let is_log = name
            .to_str()
            .is_some_and(|n| n.starts_with(LOG_FILE_PREFIX));
        if is_log && entry.file_type()?.is_file() {
            files.push(entry.path());
        }
    }
    // `jobtrail.log.YYYY-MM-DD`: the name orders by date.
    files.sort();
    Ok(files)
}

/// Every logged line of the run with `request_id`, oldest first. Lines that are not
/// JSON (a line being written, a foreign file) are skipped.
pub fn find_by_request_id(log_dir: &Path, request_id: &str) -> io::Result<Vec<Value>> {
    let mut found = Vec::new();
    if request_id.is_empty() {
        return Ok(found);
    }
    for path in log_files(log_dir)? {
        let file = match File::open(&path) {
            Ok(f) => f,
            // Pruned since it was listed.
            Err(e) if e.kind() == io::ErrorKind::NotFound => continue,
            Err(e) => return Err(e),
        };
        for line in BufReader::new(file).split(b'\n') {
            let line = line?;
            if !contains(&line, request_id.as_bytes()) {
                continue;
            }
            let Ok(value) = serde_json::from_slice::<Value>(&line) else {
                continue;
            };
            if value.get("request_id").and_then(Value::as_str) == Some(request_id) {
                found.push(value);
            }
        }
    }
    Ok(found)
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}

#[cfg(test)]
#[path = "logging_test.rs"]
mod tests;
