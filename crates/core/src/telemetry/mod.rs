//! Every agent run exported as OpenTelemetry spans over OTLP/HTTP (protobuf), with the
//! GenAI semantic conventions, to the backend a team already runs (Langfuse, Phoenix,
//! Tempo, Jaeger, a Collector…). Off until an endpoint is set; metadata only unless
//! content is turned on.
//!
//! Spans are built from the stored run (the ledger), after it is recorded, not from
//! live instrumentation: the record already has every time, attempt, tool call,
//! token count and cost, so the live export and the backfill of past runs
//! (`jobtrail telemetry export`) share one code path and send identical spans with
//! identical ids, and a span never says something the local record does not.
//!
//! Never in the way: a run hands its execution id to a bounded queue and goes on; a
//! background thread reads the run back on a read-only connection of its own (WAL:
//! it never blocks the app's writes), builds the spans, batches and sends them. A full queue drops spans (counted); a failed export loses only the
//! copy (counted; the store keeps the run, and a backfill resends it). Failures are
//! classified and put in the error log once per episode — the first failure after a
//! success — not once per span.

pub mod backfill;
pub mod config;
pub mod run;
pub mod semconv;
pub mod spans;
mod transport;
mod worker;

use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex, OnceLock, PoisonError};
use std::time::{Duration, Instant};

use serde::{Deserialize, Serialize};

pub use backfill::BackfillError;
pub use backfill::{BackfillReport, parse_since};
pub use config::{HeaderSetting, Resolved, TelemetrySettings, TelemetrySettingsInput};
pub use transport::{Answer, ExportFailure};

use crate::clock::Timestamp;
use crate::failsafe::errors::{self, ErrorContext, ErrorInfo};
use crate::ledger::ExecutionRecord;
use crate::store::Store;

/// Runs waiting to be sent, at most; past it, a run's spans are dropped (counted).
pub const QUEUE_RUNS: usize = 2048;

/// How long one export may take before it counts as failed.
pub const EXPORT_TIMEOUT: Duration = Duration::from_secs(10);

/// How long "Send a test span" waits for the backend.
pub const TEST_TIMEOUT: Duration = Duration::from_secs(5);

const INSTALLATION_KEY: &str = "telemetry.installation_id";

/// The store's installation id: random, made on first use, kept in the store. Spans
/// carry it as `service.instance.id` and their ids derive from it.
pub fn installation_id(store: &mut Store) -> crate::Result<String> {
    if let Some(id) = crate::settings::get_json::<String>(store, INSTALLATION_KEY)? {
        return Ok(id);
    }
    let mut bytes = [0u8; 16];
    getrandom::fill(&mut bytes).map_err(|e| {
        crate::Error::invalid("installationId", format!("no randomness available: {e}"))
    })?;
    let id: String = bytes.iter().map(|b| format!("{b:02x}")).collect();
    crate::settings::put_json_if_absent(store, INSTALLATION_KEY, &id)?;
    // Another process may have made one first: theirs stands.
    Ok(crate::settings::get_json::<String>(store, INSTALLATION_KEY)?.unwrap_or(id))
}

/// Sizes and limits of the background sender (tests make them small).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Tuning {
    /// Runs waiting to be sent, at most.
    pub queue_runs: usize,
    /// How long one export may take.
    pub export_timeout: Duration,
}

impl Default for Tuning {
    fn default() -> Self {
        Self {
            queue_runs: QUEUE_RUNS,
            export_timeout: EXPORT_TIMEOUT,
        }
    }
}

/// Counts since the process started.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct ExportStats {
    /// Spans the backend accepted.
    pub exported_spans: u64,
    /// Spans dropped because the queue was full.
    pub dropped_spans: u64,
    /// Spans whose export failed (the runs stay stored; a backfill resends them).
    pub failed_spans: u64,
    /// The last failure, in words (cleared by a success).
    pub last_error: Option<String>,
}

#[derive(Debug, Default)]
struct Counters {
    exported: AtomicU64,
    dropped: AtomicU64,
    failed: AtomicU64,
    in_episode: AtomicBool,
    last_error: Mutex<Option<String>>,
    /// Failures classified by the worker, for the error log (the worker has no store).
    pending: Mutex<Vec<ErrorInfo>>,
}

impl Counters {
    fn succeeded(&self, spans: usize) {
        self.exported.fetch_add(spans as u64, Ordering::Relaxed);
        *self
            .last_error
            .lock()
            .unwrap_or_else(PoisonError::into_inner) = None;
        if self.in_episode.swap(false, Ordering::Relaxed) {
            tracing::info!("telemetry export works again");
        }
    }

    fn failed(&self, spans: usize, failure: &ExportFailure, endpoint: &str, now: Timestamp) {
        self.failed.fetch_add(spans as u64, Ordering::Relaxed);
        *self
            .last_error
            .lock()
            .unwrap_or_else(PoisonError::into_inner) = Some(failure.to_string());
        if !self.in_episode.swap(true, Ordering::Relaxed) {
            let context = ErrorContext::new("telemetry_export").with("endpoint", endpoint);
            let mut info = errors::classify(failure, context, now);
            info.recovery = Some(
                "runs stay stored; `jobtrail telemetry export --since …` resends them".to_owned(),
            );
            errors::log(&info);
            self.pending
                .lock()
                .unwrap_or_else(PoisonError::into_inner)
                .push(info);
        }
    }

    fn stats(&self) -> ExportStats {
        ExportStats {
            exported_spans: self.exported.load(Ordering::Relaxed),
            dropped_spans: self.dropped.load(Ordering::Relaxed),
            failed_spans: self.failed.load(Ordering::Relaxed),
            last_error: self
                .last_error
                .lock()
                .unwrap_or_else(PoisonError::into_inner)
                .clone(),
        }
    }
}

/// The export of this process: configuration, queue, background sender and counts.
#[derive(Debug)]
pub struct Telemetry {
    installation_id: String,
    enabled: AtomicBool,
    tuning: Tuning,
    state: Mutex<State>,
    counters: Arc<Counters>,
}

#[derive(Debug)]
struct State {
    resolved: Resolved,
    queue: Option<worker::Queue>,
}

static GLOBAL: OnceLock<Arc<Telemetry>> = OnceLock::new();

/// Makes `telemetry` the process's: runs of every runtime without one of its own
/// export through it. The first call wins.
pub fn set_global(telemetry: Arc<Telemetry>) -> Arc<Telemetry> {
    GLOBAL.get_or_init(|| telemetry).clone()
}

/// The process's telemetry, if the front end installed one.
pub fn global() -> Option<Arc<Telemetry>> {
    GLOBAL.get().cloned()
}

impl Telemetry {
    /// Telemetry for `store` with the stored settings and the process's `OTEL_*`
    /// variables over them. Starts the background sender only if export is on; never
    /// waits on the network or the keychain.
    pub fn start(store: &mut Store) -> crate::Result<Arc<Self>> {
        Self::start_with_env(store, &config::process_env)
    }

    /// [`Telemetry::start`] with the variables read from `env`.
    pub fn start_with_env(
        store: &mut Store,
        env: &dyn Fn(&str) -> Option<String>,
    ) -> crate::Result<Arc<Self>> {
        Self::start_tuned(store, env, Tuning::default())
    }

    /// [`Telemetry::start_with_env`] with the sender's sizes and limits.
    pub fn start_tuned(
        store: &mut Store,
        env: &dyn Fn(&str) -> Option<String>,
        tuning: Tuning,
    ) -> crate::Result<Arc<Self>> {
        let installation_id = installation_id(store)?;
        let resolved = config::resolve(&config::load(store)?, env);
        let t = Arc::new(Self {
            installation_id,
            enabled: AtomicBool::new(false),
            tuning,
            state: Mutex::new(State {
                resolved: resolved.clone(),
                queue: None,
            }),
            counters: Arc::default(),
        });
        t.apply(resolved, store, false);
        Ok(t)
    }

    /// Re-reads the settings (after Settings → Telemetry saved them): a new endpoint
    /// gets a new sender; the old one sends what it holds, then stops.
    pub fn reconfigure(&self, store: &Store) -> crate::Result<()> {
        self.reconfigure_with_env(store, &config::process_env)
    }

    /// [`Telemetry::reconfigure`] with the variables read from `env`.
    pub fn reconfigure_with_env(
        &self,
        store: &Store,
        env: &dyn Fn(&str) -> Option<String>,
    ) -> crate::Result<()> {
        let resolved = config::resolve(&config::load(store)?, env);
        // Always a new sender: a secret header's value may have changed in the keychain.
        self.apply(resolved, store, true);
        Ok(())
    }

    fn apply(&self, resolved: Resolved, store: &Store, restart: bool) {
        for p in &resolved.problems {
            tracing::warn!("telemetry: {p}");
        }
        let mut state = self.state.lock().unwrap_or_else(PoisonError::into_inner);
        let unchanged = state.resolved == resolved && state.queue.is_some() == resolved.enabled();
        if unchanged && !restart {
            return;
        }
        state.queue = None;
        if resolved.enabled() {
            tracing::info!(
                endpoint = resolved.endpoint.as_deref().unwrap_or_default(),
                content = resolved.content,
                "exporting runs over OTLP"
            );
            state.queue = Some(worker::Queue::start(
                store.reader(),
                resolved.clone(),
                self.installation_id.clone(),
                self.counters.clone(),
                store.clock(),
                self.tuning,
            ));
        }
        self.enabled.store(resolved.enabled(), Ordering::Relaxed);
        state.resolved = resolved;
    }

    /// Whether the settings and the process's variables turn export on for `store`
    /// (read only: what a command checks before it starts telemetry at all).
    pub fn configured(store: &Store) -> bool {
        config::load(store)
            .map(|s| config::resolve(&s, &config::process_env).enabled())
            .unwrap_or(false)
    }

    /// The installation id spans are sent with.
    pub fn installation_id(&self) -> &str {
        &self.installation_id
    }

    /// Whether runs are exported now.
    pub fn enabled(&self) -> bool {
        self.enabled.load(Ordering::Relaxed)
    }

    /// The configuration in effect.
    pub fn resolved(&self) -> Resolved {
        self.state
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .resolved
            .clone()
    }

    /// Queues run `execution`, just recorded: the sender's thread reads it back on a
    /// connection of its own and builds its spans. Never waits for the network or the
    /// disk; a full queue drops it (its spans counted). Also puts export failures classified since the last
    /// call into the error log.
    pub fn record(&self, store: &mut Store, execution: &ExecutionRecord) {
        self.save_errors(store);
        if !self.enabled() {
            return;
        }
        let state = self.state.lock().unwrap_or_else(PoisonError::into_inner);
        if let Some(q) = &state.queue {
            q.push(execution, &self.counters);
        }
    }

    /// Waits up to `limit` for the queued spans to be sent (the CLI, before it exits).
    /// `false` if some were still waiting when the time ran out.
    pub fn flush(&self, limit: Duration) -> bool {
        let deadline = Instant::now() + limit;
        // Waited on without the lock: runs of other threads keep queueing meanwhile.
        let queue = self
            .state
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .queue
            .clone();
        queue.is_none_or(|q| q.flush(deadline))
    }

    /// Export failures not yet in the error log go there now.
    pub fn save_errors(&self, store: &mut Store) {
        let pending: Vec<ErrorInfo> = std::mem::take(
            &mut *self
                .counters
                .pending
                .lock()
                .unwrap_or_else(PoisonError::into_inner),
        );
        if pending.is_empty() {
            return;
        }
        if let Err(e) = store.write(|tx| errors::save_in(tx, &pending)) {
            tracing::warn!(error = %e, "export failures could not be put in the error log");
        }
    }

    /// Counts since the process started.
    pub fn stats(&self) -> ExportStats {
        self.counters.stats()
    }

    /// Sends one test span now with the configuration in effect, and says what the
    /// backend answered. Blocks up to [`TEST_TIMEOUT`] (on a thread of its own, so it
    /// may be called from async code).
    pub fn send_test_span(&self, now: Timestamp) -> TestSpanAnswer {
        let resolved = self.resolved();
        let installation_id = self.installation_id.clone();
        let endpoint = resolved.endpoint.clone();
        let sent = std::thread::spawn(move || {
            let sender = transport::Sender::new(&resolved, &installation_id, TEST_TIMEOUT, false)?;
            sender.send(vec![worker::test_span(now)])
        })
        .join()
        .unwrap_or_else(|_| {
            Err(ExportFailure::Other(
                "the test span's sender panicked".into(),
            ))
        });
        TestSpanAnswer::from_result(endpoint, sent)
    }
}

/// What the backend answered to a test span.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct TestSpanAnswer {
    /// Whether the backend accepted it.
    pub ok: bool,
    /// The traces URL it went to.
    pub endpoint: Option<String>,
    /// The HTTP status, when one came.
    pub status: Option<u16>,
    /// The answer in words (with the start of the body on a refusal).
    pub message: String,
}

impl TestSpanAnswer {
    fn from_result(endpoint: Option<String>, sent: Result<Answer, ExportFailure>) -> Self {
        match sent {
            Ok(a) => Self {
                ok: true,
                message: format!(
                    "accepted (HTTP {})",
                    a.status.map_or_else(|| "?".to_owned(), |s| s.to_string())
                ),
                status: a.status,
                endpoint,
            },
            Err(f) => Self {
                ok: false,
                status: match &f {
                    ExportFailure::Unauthorized(s) | ExportFailure::Server(s) => Some(*s),
                    ExportFailure::Rejected(s, _) => Some(*s),
                    ExportFailure::NotFound => Some(404),
                    ExportFailure::RateLimited => Some(429),
                    _ => None,
                },
                message: f.to_string(),
                endpoint,
            },
        }
    }
}

/// Settings → Telemetry: the stored settings, what is in effect and why, the counts.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct TelemetryStatus {
    /// As stored (secret header values are never included).
    pub settings: TelemetrySettings,
    /// Whether runs are exported now.
    pub enabled: bool,
    /// The traces URL in effect.
    pub endpoint: Option<String>,
    /// What decided it: `settings` or a variable's name.
    pub endpoint_source: Option<String>,
    /// `service.name`.
    pub service_name: String,
    /// Whether messages are exported.
    pub content: bool,
    /// The `OTEL_*` variables set now (header values not shown).
    pub variables: Vec<String>,
    /// The installation id (`service.instance.id`).
    pub installation_id: String,
    /// Counts since the app started.
    pub stats: ExportStats,
}

impl Telemetry {
    /// The status for the settings page.
    pub fn status(&self, store: &mut Store) -> crate::Result<TelemetryStatus> {
        self.save_errors(store);
        let r = self.resolved();
        Ok(TelemetryStatus {
            settings: config::load(store)?,
            enabled: r.enabled(),
            endpoint: r.endpoint.clone(),
            endpoint_source: r.endpoint_source.clone(),
            service_name: r.service_name.clone(),
            content: r.content,
            variables: config::VARIABLES
                .iter()
                .filter(|v| config::process_env(v).is_some())
                .map(|v| (*v).to_owned())
                .collect(),
            installation_id: self.installation_id.clone(),
            stats: self.stats(),
        })
    }
}
