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
//!   [`crate::agent::llm::ApiKey::new`]), bearer tokens and `sk-…` keys are replaced
//!   by `[redacted]` in every line written, whatever logged them.

use std::borrow::Cow;
use std::fmt;
use std::fs::File;
use std::io::{self, BufRead, BufReader, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::sync::{PoisonError, RwLock};

use serde_json::{Map, Value};
use tracing::field::{Field, Visit};
use tracing::span::{Attributes, Id, Record};
use tracing::{Event, Level, Subscriber};
use tracing_appender::non_blocking::{NonBlockingBuilder, WorkerGuard};
use tracing_appender::rolling::{RollingFileAppender, Rotation};
use tracing_subscriber::filter::{EnvFilter, FilterExt, filter_fn};
use tracing_subscriber::fmt::MakeWriter;
use tracing_subscriber::layer::{Context, SubscriberExt};
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
        .thread_name("jobtrail-log")
        .finish(appender))
}

// ---------------------------------------------------------------------------------
// The JSON layer

/// The fields of a span, kept in its extensions for the lines logged inside it.
struct SpanFields(Map<String, Value>);

#[derive(Default)]
struct JsonVisitor(Map<String, Value>);

impl JsonVisitor {
    fn put(&mut self, field: &Field, value: Value) {
        self.0.insert(field.name().to_owned(), value);
    }
}

impl Visit for JsonVisitor {
    fn record_f64(&mut self, field: &Field, value: f64) {
        self.put(field, Value::from(value));
    }
    fn record_i64(&mut self, field: &Field, value: i64) {
        self.put(field, Value::from(value));
    }
    fn record_u64(&mut self, field: &Field, value: u64) {
        self.put(field, Value::from(value));
    }
    fn record_bool(&mut self, field: &Field, value: bool) {
        self.put(field, Value::from(value));
    }
    fn record_str(&mut self, field: &Field, value: &str) {
        self.put(field, Value::from(value));
    }
    fn record_error(&mut self, field: &Field, value: &(dyn std::error::Error + 'static)) {
        self.put(field, Value::from(value.to_string()));
    }
    fn record_debug(&mut self, field: &Field, value: &dyn fmt::Debug) {
        self.put(field, Value::from(format!("{value:?}")));
    }
}

/// Writes each event as one JSON line with the fields of its spans flattened in.
pub struct JsonLayer<W> {
    make_writer: W,
}

impl<W> JsonLayer<W> {
    /// A layer writing to `make_writer` (a file appender, stderr, a test buffer).
    pub fn new(make_writer: W) -> Self {
        Self { make_writer }
    }
}

impl<W> fmt::Debug for JsonLayer<W> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("JsonLayer")
    }
}

/// Keys every line has, which fields cannot override.
const RESERVED: [&str; 5] = ["timestamp", "level", "target", "message", "spans"];

impl<S, W> Layer<S> for JsonLayer<W>
where
    S: Subscriber + for<'a> LookupSpan<'a>,
    W: for<'w> MakeWriter<'w> + 'static,
{
    fn on_new_span(&self, attrs: &Attributes<'_>, id: &Id, ctx: Context<'_, S>) {
        let Some(span) = ctx.span(id) else { return };
        let mut ext = span.extensions_mut();
        // Another JSON layer (file and stderr) may have recorded them already.
        if ext.get_mut::<SpanFields>().is_none() {
            let mut v = JsonVisitor::default();
            attrs.record(&mut v);
            ext.insert(SpanFields(v.0));
        }
    }

    fn on_record(&self, id: &Id, values: &Record<'_>, ctx: Context<'_, S>) {
        let Some(span) = ctx.span(id) else { return };
        let mut ext = span.extensions_mut();
        if let Some(fields) = ext.get_mut::<SpanFields>() {
            let mut v = JsonVisitor(std::mem::take(&mut fields.0));
            values.record(&mut v);
            fields.0 = v.0;
        }
    }

    fn on_event(&self, event: &Event<'_>, ctx: Context<'_, S>) {
        let meta = event.metadata();
        let mut fields = Map::new();
        let mut spans = Vec::new();
        if let Some(scope) = ctx.event_scope(event) {
            for span in scope.from_root() {
                spans.push(Value::from(span.name()));
                if let Some(f) = span.extensions().get::<SpanFields>() {
                    fields.extend(f.0.iter().map(|(k, v)| (k.clone(), v.clone())));
                }
            }
        }
        let mut own = JsonVisitor::default();
        event.record(&mut own);
        let mut own = own.0;
        // Events from the `log` crate carry their real target as a field.
        let target = match own.remove("log.target") {
            Some(Value::String(t)) => t,
            _ => meta.target().to_owned(),
        };
        own.retain(|k, _| !k.starts_with("log."));
        let message = own.remove("message").unwrap_or_else(|| Value::from(""));
        fields.extend(own);
        for k in RESERVED {
            fields.remove(k);
        }

        let timestamp = chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Micros, true);
        let mut line = String::with_capacity(256);
        line.push('{');
        push_pair(&mut line, "timestamp", &Value::from(timestamp));
        push_pair(&mut line, "level", &Value::from(meta.level().as_str()));
        push_pair(&mut line, "target", &Value::from(target));
        push_pair(&mut line, "message", &message);
        for (k, v) in &fields {
            push_pair(&mut line, k, v);
        }
        if !spans.is_empty() {
            push_pair(&mut line, "spans", &Value::Array(spans));
        }
        line.push_str("}\n");
        let mut w = self.make_writer.make_writer_for(meta);
        let _ = w.write_all(line.as_bytes());
    }
}

fn push_pair(line: &mut String, key: &str, value: &Value) {
    if !line.ends_with('{') {
        line.push(',');
    }
    line.push_str(&Value::from(key).to_string());
    line.push(':');
    line.push_str(&value.to_string());
}

// ---------------------------------------------------------------------------------
// Secrets

static SECRETS: RwLock<Vec<String>> = RwLock::new(Vec::new());

/// Shortest value [`register_secret`] takes: shorter ones would redact ordinary words.
const MIN_SECRET_LEN: usize = 8;

/// Marks `secret` as never to be logged: every line written from now on has it
/// replaced by `[redacted]`. Values shorter than 8 characters are ignored.
pub fn register_secret(secret: &str) {
    let secret = secret.trim();
    if secret.len() < MIN_SECRET_LEN {
        return;
    }
    let mut all = SECRETS.write().unwrap_or_else(PoisonError::into_inner);
    if !all.iter().any(|s| s == secret) {
        all.push(secret.to_owned());
    }
}

/// `text` with registered secrets, bearer tokens and `sk-…` keys replaced by
/// `[redacted]`.
pub fn redact(text: &str) -> Cow<'_, str> {
    let mut out = Cow::Borrowed(text);
    {
        let secrets = SECRETS.read().unwrap_or_else(PoisonError::into_inner);
        for s in secrets.iter() {
            if out.contains(s.as_str()) {
                out = Cow::Owned(out.replace(s.as_str(), "[redacted]"));
            }
        }
    }
    let token_char = |c: char| c.is_ascii_alphanumeric() || "-._~+/=".contains(c);
    if let Some(r) = mask_after(&out, "Bearer ", 8, token_char) {
        out = Cow::Owned(r);
    }
    let key_char = |c: char| c.is_ascii_alphanumeric() || c == '-' || c == '_';
    if let Some(r) = mask_after(&out, "sk-", 16, key_char) {
        out = Cow::Owned(r);
    }
    out
}

/// Replaces runs of at least `min` `allowed` characters following `marker` (at a
/// word start) with `[redacted]`; `None` when there is nothing to replace.
fn mask_after(
    text: &str,
    marker: &str,
    min: usize,
    allowed: impl Fn(char) -> bool,
) -> Option<String> {
    let mut out = String::new();
    let mut rest = text;
    let mut changed = false;
    while let Some(at) = rest.find(marker) {
        let after = &rest[at + marker.len()..];
        let run = after.find(|c: char| !allowed(c)).unwrap_or(after.len());
        let word_start = rest[..at]
            .chars()
            .next_back()
            .is_none_or(|c| !(c.is_ascii_alphanumeric() || c == '-' || c == '_'));
        out.push_str(&rest[..at + marker.len()]);
        if word_start && run >= min {
            out.push_str("[redacted]");
            changed = true;
        } else {
            out.push_str(&after[..run]);
        }
        rest = &after[run..];
    }
    out.push_str(rest);
    changed.then_some(out)
}

/// A writer maker whose lines pass through [`redact`] before they are written.
#[derive(Debug, Clone)]
pub struct Redacting<M>(pub M);

impl<'a, M: MakeWriter<'a>> MakeWriter<'a> for Redacting<M> {
    type Writer = RedactingWriter<M::Writer>;

    fn make_writer(&'a self) -> Self::Writer {
        RedactingWriter {
            inner: self.0.make_writer(),
            buf: Vec::new(),
        }
    }

    fn make_writer_for(&'a self, meta: &tracing::Metadata<'_>) -> Self::Writer {
        RedactingWriter {
            inner: self.0.make_writer_for(meta),
            buf: Vec::new(),
        }
    }
}

/// Collects one formatted line, then writes it redacted (on flush or drop).
#[derive(Debug)]
pub struct RedactingWriter<W: Write> {
    inner: W,
    buf: Vec<u8>,
}

impl<W: Write> RedactingWriter<W> {
    fn write_out(&mut self) -> io::Result<()> {
        if self.buf.is_empty() {
            return Ok(());
        }
        let text = String::from_utf8_lossy(&self.buf);
        let result = self.inner.write_all(redact(&text).as_bytes());
        self.buf.clear();
        result
    }
}

impl<W: Write> Write for RedactingWriter<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.buf.extend_from_slice(buf);
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        self.write_out()?;
        self.inner.flush()
    }
}

impl<W: Write> Drop for RedactingWriter<W> {
    fn drop(&mut self) {
        let _ = self.write_out();
    }
}

// ---------------------------------------------------------------------------------
// Reading

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
mod tests {
    #![allow(clippy::unwrap_used)]

    use std::sync::{Arc, Mutex};

    use super::*;

    #[derive(Clone, Default)]
    struct Buffer(Arc<Mutex<Vec<u8>>>);

    impl Write for Buffer {
        fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
            self.0.lock().unwrap().extend_from_slice(buf);
            Ok(buf.len())
        }
        fn flush(&mut self) -> io::Result<()> {
            Ok(())
        }
    }

    impl Buffer {
        fn lines(&self) -> Vec<Value> {
            String::from_utf8(self.0.lock().unwrap().clone())
                .unwrap()
                .lines()
                .map(|l| serde_json::from_str(l).unwrap())
                .collect()
        }
    }

    fn json_subscriber(buf: &Buffer, level: &str) -> impl Subscriber + Send + Sync {
        let buf = buf.clone();
        tracing_subscriber::registry().with(
            JsonLayer::new(Redacting(move || buf.clone()))
                .with_filter(level_filter::<Registry>(level)),
        )
    }

    #[test]
    fn the_imap_wire_is_never_logged_even_at_trace() {
        let buf = Buffer::default();
        tracing::subscriber::with_default(json_subscriber(&buf, "trace"), || {
            tracing::trace!(target: "async_imap::imap_stream", "encode: LOGIN \"me\" \"pass\"");
            tracing::debug!(target: "imap_proto::parser", "raw message");
            tracing::warn!(target: "async_imap::client", "connection lost");
            tracing::trace!(target: "jobtrail_core::mail::sync", "batch");
        });
        let messages: Vec<_> = buf.lines().iter().map(|l| l["message"].clone()).collect();
        assert_eq!(
            messages,
            ["connection lost", "batch"],
            "only the library's warnings and our own lines pass"
        );
    }

    #[test]
    fn a_line_inside_a_run_carries_the_run_and_its_own_fields() {
        let buf = Buffer::default();
        tracing::subscriber::with_default(json_subscriber(&buf, "info"), || {
            let run = tracing::info_span!(
                target: "jobtrail_core::agent::runtime",
                "agent_run",
                agent = "email-analyst",
                request_id = "req-1"
            );
            let _in = run.enter();
            let call = tracing::info_span!(target: "jobtrail_core::agent::llm", "chat", model = "gpt-4o-mini");
            let _in_call = call.enter();
            tracing::info!(execution_id = 7_i64, success = true, "execution recorded");
        });
        let lines = buf.lines();
        assert_eq!(lines.len(), 1, "{lines:?}");
        let l = &lines[0];
        assert_eq!(l["level"], "INFO");
        assert_eq!(l["message"], "execution recorded");
        assert_eq!(l["target"], "jobtrail_core::logging::tests");
        assert_eq!(l["request_id"], "req-1");
        assert_eq!(l["agent"], "email-analyst");
        assert_eq!(l["model"], "gpt-4o-mini", "inner spans' fields too");
        assert_eq!(l["execution_id"], 7);
        assert_eq!(l["success"], true);
        assert_eq!(l["spans"], serde_json::json!(["agent_run", "chat"]));
        let ts = l["timestamp"].as_str().unwrap();
        assert!(
            chrono::DateTime::parse_from_rfc3339(ts).is_ok() && ts.ends_with('Z'),
            "{ts}"
        );
    }

    #[test]
    fn a_warning_inside_a_run_keeps_the_request_id_at_level_warn() {
        let buf = Buffer::default();
        tracing::subscriber::with_default(json_subscriber(&buf, "warn"), || {
            let run = tracing::info_span!(target: "jobtrail_core::agent::runtime", "agent_run", request_id = "req-2");
            let _in = run.enter();
            tracing::info!("not at warn");
            tracing::warn!(kind = "timeout", "agent run failed");
        });
        let lines = buf.lines();
        assert_eq!(lines.len(), 1, "{lines:?}");
        assert_eq!(lines[0]["request_id"], "req-2");
        assert_eq!(lines[0]["level"], "WARN");
    }

    #[test]
    fn fields_recorded_later_on_a_span_appear_and_reserved_keys_stay() {
        let buf = Buffer::default();
        tracing::subscriber::with_default(json_subscriber(&buf, "info"), || {
            let run = tracing::info_span!(
                target: "jobtrail_core::x",
                "agent_run",
                request_id = "req-3",
                execution_id = tracing::field::Empty,
                level = "mine"
            );
            let _in = run.enter();
            run.record("execution_id", 42_i64);
            tracing::info!(target: "custom", "done");
        });
        let l = &buf.lines()[0];
        assert_eq!(l["execution_id"], 42);
        assert_eq!(l["level"], "INFO", "a field cannot overwrite the level");
        assert_eq!(l["target"], "custom");
    }

    #[test]
    fn log_level_values() {
        let s = |v: Option<&str>, t| LogSettings::from_values(t, v, None);
        let (cli, problems) = s(None, LogTarget::Cli);
        assert!(problems.is_empty());
        assert_eq!(
            (cli.file_filter.as_str(), cli.stderr_filter.as_str()),
            ("info", "warn")
        );
        let (app, _) = s(None, LogTarget::App);
        assert_eq!(
            (app.file_filter.as_str(), app.stderr_filter.as_str()),
            ("info", "info")
        );
        let (debug, _) = s(Some(" DEBUG "), LogTarget::Cli);
        assert_eq!(
            (debug.file_filter.as_str(), debug.stderr_filter.as_str()),
            ("debug", "debug")
        );
        assert_eq!(s(Some("WARNING"), LogTarget::App).0.file_filter, "warn");
        assert_eq!(s(Some("CRITICAL"), LogTarget::App).0.file_filter, "error");
        assert_eq!(
            s(Some("info,jobtrail_core=debug"), LogTarget::App)
                .0
                .file_filter,
            "info,jobtrail_core=debug"
        );
        for bad in ["verbose", "[[[not a filter", ",,", "jobtrail_core=loud"] {
            let (got, problems) = s(Some(bad), LogTarget::Cli);
            assert_eq!(
                (got.file_filter.as_str(), got.stderr_filter.as_str()),
                ("info", "warn"),
                "{bad}: defaults"
            );
            assert_eq!(problems.len(), 1, "{bad}");
            assert!(
                problems[0].starts_with("LOG_LEVEL is not a valid filter")
                    && problems[0].contains("use error, warn, info, debug, trace or off"),
                "{}",
                problems[0]
            );
        }
    }

    #[test]
    fn structured_logging_values() {
        let s = |v| LogSettings::from_values(LogTarget::App, None, v);
        for (v, want) in [
            (None, true),
            (Some(""), true),
            (Some("true"), true),
            (Some("TRUE"), true),
            (Some("1"), true),
            (Some("Yes"), true),
            (Some("false"), false),
            (Some(" False "), false),
            (Some("0"), false),
            (Some("no"), false),
            (Some("off"), false),
        ] {
            let (got, problems) = s(v);
            assert_eq!(got.structured, want, "{v:?}");
            assert!(problems.is_empty(), "{v:?}");
        }
        let (got, problems) = s(Some("maybe"));
        assert!(got.structured, "the default");
        assert_eq!(problems.len(), 1);
        assert!(
            problems[0].contains("STRUCTURED_LOGGING")
                && problems[0].contains("\"maybe\"")
                && problems[0].contains("true or false"),
            "{}",
            problems[0]
        );
    }

    #[test]
    fn secrets_bearer_tokens_and_sk_keys_are_redacted() {
        register_secret("my-very-own-provider-key-42");
        register_secret("short");
        assert_eq!(
            redact("failed with key my-very-own-provider-key-42!"),
            "failed with key [redacted]!"
        );
        assert_eq!(redact("short stays"), "short stays");
        assert_eq!(
            redact(r#"{"authorization":"Bearer abc.def-ghi_jkl"}"#),
            r#"{"authorization":"Bearer [redacted]"}"#
        );
        assert_eq!(
            redact("Incorrect API key provided: sk-proj-ABCDEFGHIJKLMNOP1234."),
            "Incorrect API key provided: sk-[redacted]."
        );
        assert_eq!(
            redact("task-sk-not-a-key and sk-short"),
            "task-sk-not-a-key and sk-short"
        );
        assert!(matches!(redact("nothing here"), Cow::Borrowed(_)));
    }

    #[test]
    fn the_human_readable_format_is_redacted_too() {
        let buf = Buffer::default();
        let writer = buf.clone();
        let sub = tracing_subscriber::registry().with(
            tracing_subscriber::fmt::layer()
                .compact()
                .with_ansi(false)
                .with_writer(Redacting(move || writer.clone())),
        );
        tracing::subscriber::with_default(sub, || {
            tracing::warn!(
                error = "401: Incorrect API key provided: sk-abcdefghijklmnopqrstuvwxyz",
                "call failed"
            );
        });
        let text = String::from_utf8(buf.0.lock().unwrap().clone()).unwrap();
        assert!(
            text.contains("call failed") && text.contains("sk-[redacted]"),
            "{text}"
        );
        assert!(!text.contains("abcdefghijklmnop"), "{text}");
    }

    #[test]
    fn an_unwritable_log_dir_leaves_stderr_only() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("not-a-dir");
        std::fs::write(&file, "x").unwrap();
        let (settings, _) = LogSettings::from_values(LogTarget::Cli, None, None);
        let built = build(&settings, Some(&file.join("logs")), false);
        assert!(built.guard.log_dir().is_none());
        assert_eq!(built.problems.len(), 1);
        assert!(
            built.problems[0].contains("cannot write log files")
                && built.problems[0].contains("stderr only"),
            "{}",
            built.problems[0]
        );
    }

    #[test]
    fn old_files_beyond_fourteen_are_removed_and_files_list_oldest_first() {
        let dir = tempfile::tempdir().unwrap();
        for day in 1..=20 {
            std::fs::write(
                dir.path().join(format!("jobtrail.log.2020-01-{day:02}")),
                "",
            )
            .unwrap();
        }
        std::fs::write(dir.path().join("other.txt"), "").unwrap();
        let (settings, _) = LogSettings::from_values(LogTarget::App, None, None);
        let built = build(&settings, Some(dir.path()), false);
        assert!(built.problems.is_empty(), "{:?}", built.problems);
        let files = log_files(dir.path()).unwrap();
        assert_eq!(files.len(), MAX_LOG_FILES, "{files:?}");
        let today = chrono::Utc::now()
            .format("jobtrail.log.%Y-%m-%d")
            .to_string();
        assert!(files.last().unwrap().ends_with(&today), "{files:?}");
        assert!(
            dir.path().join("other.txt").exists(),
            "other files are left alone"
        );
        assert!(log_files(&dir.path().join("missing")).unwrap().is_empty());
    }

    #[test]
    fn find_by_request_id_reads_every_file_in_order_and_skips_other_lines() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(
            dir.path().join("jobtrail.log.2026-01-02"),
            concat!(
                r#"{"message":"second","request_id":"req-a"}"#,
                "\n",
                r#"{"message":"req-a is mentioned","request_id":"req-b"}"#,
                "\n",
                "req-a but not JSON\n",
                r#"{"message":"cut off","request_id":"req-a""#,
            ),
        )
        .unwrap();
        std::fs::write(
            dir.path().join("jobtrail.log.2026-01-01"),
            concat!(r#"{"message":"first","request_id":"req-a"}"#, "\n"),
        )
        .unwrap();
        let found = find_by_request_id(dir.path(), "req-a").unwrap();
        let messages: Vec<&str> = found
            .iter()
            .map(|v| v["message"].as_str().unwrap())
            .collect();
        assert_eq!(messages, ["first", "second"]);
        assert!(find_by_request_id(dir.path(), "").unwrap().is_empty());
    }
}
