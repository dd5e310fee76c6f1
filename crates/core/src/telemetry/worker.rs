//! The background sender: a bounded queue of runs' spans, one thread that batches
//! them and sends each batch with a time limit. Dropping the [`Queue`] lets the thread
//! send what it holds and end.

use std::sync::Arc;
use std::sync::atomic::Ordering;
use std::sync::mpsc::{self, RecvTimeoutError, SyncSender, TrySendError};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use opentelemetry::KeyValue;
use opentelemetry::trace::{
    SpanContext, SpanId, SpanKind, Status, TraceFlags, TraceId, TraceState,
};
use opentelemetry_sdk::trace::{SpanData, SpanEvents, SpanLinks};

use super::config::Resolved;
use super::run;
use super::spans::{self, SpanOptions};
use super::transport::Sender;
use super::{Counters, Tuning, semconv as sc};
use crate::clock::{Clock, Timestamp};
use crate::ledger::ExecutionRecord;

/// Spans per export, at most.
const BATCH_SPANS: usize = 512;

/// How long spans wait for company before they are sent.
const LINGER: Duration = Duration::from_millis(200);

enum Job {
    /// A run just recorded, by execution id: read back and turned into spans here, off
    /// the run's thread.
    Run(i64),
    Flush(SyncSender<()>),
}

/// The queue in front of the background sender.
#[derive(Debug, Clone)]
pub(super) struct Queue {
    tx: SyncSender<Job>,
}

impl std::fmt::Debug for Job {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Job::Run(id) => write!(f, "Run({id})"),
            Job::Flush(_) => f.write_str("Flush"),
        }
    }
}

impl Queue {
    /// Starts the sender thread for `resolved`.
    pub(super) fn start(
        reader: crate::store::Result<rusqlite::Connection>,
        resolved: Resolved,
        installation_id: String,
        counters: Arc<Counters>,
        clock: Arc<dyn Clock>,
        tuning: Tuning,
    ) -> Self {
        let (tx, rx) = mpsc::sync_channel::<Job>(tuning.queue_runs.max(1));
        if let Err(e) = &reader {
            tracing::warn!(error = %e, "the store cannot be read for export; runs are not exported");
        }
        let spawned = std::thread::Builder::new()
            .name("otlp-export".into())
            .spawn(move || {
                // Built on the thread: reading secret headers from the keychain may wait.
                let sender = Sender::new(&resolved, &installation_id, tuning.export_timeout, true);
                let endpoint = resolved.endpoint.clone().unwrap_or_default();
                let options = SpanOptions {
                    installation_id,
                    content: resolved.content,
                };
                let mut batch: Vec<SpanData> = Vec::new();
                let send = |batch: &mut Vec<SpanData>| {
                    if batch.is_empty() {
                        return;
                    }
                    let spans = std::mem::take(batch);
                    let n = spans.len();
                    match sender
                        .as_ref()
                        .map_err(Clone::clone)
                        .and_then(|s| s.send(spans))
                    {
                        Ok(_) => counters.succeeded(n),
                        Err(f) => counters.failed(n, &f, &endpoint, clock.now_ms()),
                    }
                };
                loop {
                    let wait = if batch.is_empty() {
                        Duration::from_secs(3600)
                    } else {
                        LINGER
                    };
                    match rx.recv_timeout(wait) {
                        Ok(Job::Run(id)) => {
                            batch.extend(read_back(&reader, id, &options));
                            if batch.len() >= BATCH_SPANS {
                                send(&mut batch);
                            }
                        }
                        Ok(Job::Flush(done)) => {
                            send(&mut batch);
                            let _ = done.send(());
                        }
                        Err(RecvTimeoutError::Timeout) => send(&mut batch),
                        Err(RecvTimeoutError::Disconnected) => {
                            send(&mut batch);
                            break;
                        }
                    }
                }
            });
        if let Err(e) = spawned {
            tracing::warn!(error = %e, "the export thread could not start; runs are not exported");
        }
        Self { tx }
    }

    /// Queues one run's spans; a full queue (or a stopped sender) drops them, counted.
    pub(super) fn push(&self, execution: &ExecutionRecord, counters: &Counters) {
        let n = (1 + execution.llm_calls + execution.tool_calls) as u64;
        match self.tx.try_send(Job::Run(execution.execution_id)) {
            Ok(()) => {}
            Err(TrySendError::Full(_)) | Err(TrySendError::Disconnected(_)) => {
                if counters.dropped.fetch_add(n, Ordering::Relaxed) == 0 {
                    tracing::warn!(
                        "the export queue is full: spans are dropped (the runs stay stored)"
                    );
                }
            }
        }
    }

    /// Sends what is queued, waiting until `deadline` at most.
    pub(super) fn flush(&self, deadline: Instant) -> bool {
        let (done_tx, done_rx) = mpsc::sync_channel(1);
        let mut job = Job::Flush(done_tx);
        loop {
            match self.tx.try_send(job) {
                Ok(()) => break,
                Err(TrySendError::Full(j)) => {
                    if Instant::now() >= deadline {
                        return false;
                    }
                    job = j;
                    std::thread::sleep(Duration::from_millis(5));
                }
                Err(TrySendError::Disconnected(_)) => return true,
            }
        }
        done_rx
            .recv_timeout(deadline.saturating_duration_since(Instant::now()))
            .is_ok()
    }
}

/// Run `id`'s spans, read back on the sender's own connection (none when it was
/// pruned already or cannot be read).
fn read_back(
    reader: &crate::store::Result<rusqlite::Connection>,
    id: i64,
    options: &SpanOptions,
) -> Vec<SpanData> {
    let Ok(conn) = reader else {
        return Vec::new();
    };
    match run::load(conn, id) {
        Ok(Some(run)) => spans::build(&run, options),
        Ok(None) => Vec::new(),
        Err(e) => {
            tracing::warn!(error = %e, execution_id = id, "a run could not be read back for export");
            Vec::new()
        }
    }
}

/// The span "Send a test span" sends: its own random trace, now.
pub(super) fn test_span(now: Timestamp) -> SpanData {
    let mut bytes = [0u8; 24];
    if getrandom::fill(&mut bytes).is_err() {
        bytes[..8].copy_from_slice(&now.to_be_bytes());
    }
    let mut t = [0u8; 16];
    t.copy_from_slice(&bytes[..16]);
    t[15] |= 1;
    let mut s = [0u8; 8];
    s.copy_from_slice(&bytes[16..]);
    s[7] |= 1;
    let start = UNIX_EPOCH + Duration::from_millis(u64::try_from(now).unwrap_or(0));
    SpanData {
        span_context: SpanContext::new(
            TraceId::from_bytes(t),
            SpanId::from_bytes(s),
            TraceFlags::SAMPLED,
            false,
            TraceState::default(),
        ),
        parent_span_id: SpanId::INVALID,
        parent_span_is_remote: false,
        span_kind: SpanKind::Internal,
        name: "jobtrail test span".into(),
        start_time: start,
        end_time: start.max(SystemTime::UNIX_EPOCH) + Duration::from_millis(1),
        attributes: vec![KeyValue::new(sc::JOBTRAIL_TEST, true)],
        dropped_attributes_count: 0,
        events: SpanEvents::default(),
        links: SpanLinks::default(),
        status: Status::Unset,
        instrumentation_scope: super::spans::scope(),
    }
}
