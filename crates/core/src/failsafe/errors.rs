//! The error handler: every error the app recovers from (or cannot) gets an id, a
//! category, a severity and a recovery strategy, and is kept in `error_log` for the
//! statistics, the dashboard and exports.

use std::collections::BTreeMap;
use std::path::Path;

use rusqlite::{OptionalExtension, params};
use serde::{Deserialize, Serialize};

use super::category::{Classified, ErrorCategory, RecoveryStrategy, Severity};
use crate::clock::Timestamp;
use crate::store::{self, Migration, Store};

pub(crate) const MIGRATION: Migration = Migration {
    id: "202611281000_error_log",
    sql: "
    CREATE TABLE error_log (
        id INTEGER PRIMARY KEY,
        error_id TEXT NOT NULL UNIQUE,
        occurred_at INTEGER NOT NULL,
        category TEXT NOT NULL,
        severity TEXT NOT NULL,
        strategy TEXT NOT NULL,
        kind TEXT NOT NULL,
        message TEXT NOT NULL,
        operation TEXT NOT NULL,
        agent TEXT,
        circuit TEXT,
        request_id TEXT,
        execution_id INTEGER REFERENCES executions (id) ON DELETE SET NULL,
        attempt INTEGER,
        recovered INTEGER NOT NULL CHECK (recovered IN (0, 1)),
        recovery TEXT,
        details TEXT
    ) STRICT;
    CREATE INDEX error_log_by_time ON error_log (occurred_at);
    CREATE INDEX error_log_by_execution ON error_log (execution_id);

    CREATE TABLE circuit_transitions (
        id INTEGER PRIMARY KEY,
        circuit TEXT NOT NULL,
        from_state TEXT NOT NULL,
        to_state TEXT NOT NULL,
        at INTEGER NOT NULL,
        reason TEXT NOT NULL
    ) STRICT;
    CREATE INDEX circuit_transitions_by_circuit ON circuit_transitions (circuit, id);
    ",
};

/// Where an error happened (the spec's `context` dict, with the fields the app uses
/// named).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct ErrorContext {
    /// What was being done: `agent_run`, `email_import`, `settings`, …
    pub operation: String,
    /// The agent, for agent runs.
    pub agent: Option<String>,
    /// The circuit (`provider/model`), for LLM calls.
    pub circuit: Option<String>,
    /// The run's request id.
    pub request_id: Option<String>,
    /// The stored execution, once there is one.
    pub execution_id: Option<i64>,
    /// Attempt number, 0 first, for retried calls.
    pub attempt: Option<u32>,
    /// Anything else worth keeping (file, message position, …).
    #[serde(default, skip_serializing_if = "serde_json::Map::is_empty")]
    pub details: serde_json::Map<String, serde_json::Value>,
}

impl ErrorContext {
    /// A context for `operation`.
    pub fn new(operation: impl Into<String>) -> Self {
        Self {
            operation: operation.into(),
            ..Self::default()
        }
    }

    /// Adds a detail.
    pub fn with(mut self, key: &str, value: impl Into<serde_json::Value>) -> Self {
        self.details.insert(key.to_owned(), value.into());
        self
    }
}

/// A handled error (the spec's `error_info`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct ErrorInfo {
    /// Unique id, quoted in logs and the UI.
    pub error_id: String,
    /// When, ms UTC.
    pub occurred_at: Timestamp,
    /// What kind of failure.
    pub category: ErrorCategory,
    /// How bad.
    pub severity: Severity,
    /// What is done about it.
    pub recovery_strategy: RecoveryStrategy,
    /// The finer kind (`rate_limit`, `http`, `circuit_open`, …).
    pub kind: String,
    /// The error, redacted.
    pub message: String,
    /// Where it happened.
    pub context: ErrorContext,
    /// Whether the work still got done (by a retry, the built-in engine, or by
    /// skipping the item).
    pub recovered: bool,
    /// How it was recovered, in words.
    pub recovery: Option<String>,
}

static SEQ: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);

/// Classifies `error` without storing it: id, category, severity, strategy. Nothing
/// is recovered yet, except an item skipped by a bulk operation.
pub fn classify(error: &dyn Classified, context: ErrorContext, now: Timestamp) -> ErrorInfo {
    let n = SEQ.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let category = error.category();
    let strategy = error.strategy();
    let skipped = strategy == RecoveryStrategy::SkipAndContinue;
    ErrorInfo {
        error_id: format!("err-{now:x}-{:x}-{n:x}", std::process::id()),
        occurred_at: now,
        category,
        severity: category.severity(),
        recovery_strategy: strategy,
        kind: error.kind().to_owned(),
        message: crate::logging::redact(&error.to_string()).into_owned(),
        context,
        recovered: skipped,
        recovery: skipped.then(|| "skipped; the rest went on".to_owned()),
    }
}

/// Classifies `error`, logs it and stores it (the spec's `handle_error`).
pub fn handle_error(
    store: &mut Store,
    error: &dyn Classified,
    context: ErrorContext,
) -> store::Result<ErrorInfo> {
    let info = classify(error, context, store.now_ms());
    log(&info);
    store.write(|tx| save_in(tx, std::slice::from_ref(&info)))?;
    Ok(info)
}

/// Logs a handled error at the level its severity calls for.
pub(crate) fn log(info: &ErrorInfo) {
    let fields = (
        info.error_id.as_str(),
        info.category.as_str(),
        info.recovery_strategy.as_str(),
    );
    match info.severity {
        Severity::Low => {
            tracing::info!(error_id = fields.0, category = fields.1, strategy = fields.2, error = %info.message, "error handled")
        }
        Severity::Medium => {
            tracing::warn!(error_id = fields.0, category = fields.1, strategy = fields.2, error = %info.message, "error handled")
        }
        Severity::High | Severity::Critical => {
            tracing::error!(error_id = fields.0, category = fields.1, strategy = fields.2, severity = info.severity.as_str(), error = %info.message, "error handled")
        }
    }
}

/// Stores handled errors in a transaction (the runtime's, with its execution).
pub(crate) fn save_in(tx: &rusqlite::Connection, infos: &[ErrorInfo]) -> rusqlite::Result<()> {
    let mut stmt = tx.prepare_cached(
        "INSERT INTO error_log (error_id, occurred_at, category, severity, strategy, kind, message,
            operation, agent, circuit, request_id, execution_id, attempt, recovered, recovery, details)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16)",
    )?;
    for i in infos {
        let c = &i.context;
        let details = (!c.details.is_empty())
            .then(|| serde_json::Value::Object(c.details.clone()).to_string());
        stmt.execute(params![
            i.error_id,
            i.occurred_at,
            i.category.as_str(),
            i.severity.as_str(),
            i.recovery_strategy.as_str(),
            i.kind,
            i.message,
            c.operation,
            c.agent,
            c.circuit,
            c.request_id,
            c.execution_id,
            c.attempt,
            i.recovered,
            i.recovery,
            details,
        ])?;
    }
    Ok(())
}

/// Which errors to list or count.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ErrorFilter {
    /// From this time on, ms UTC.
    pub since: Option<Timestamp>,
    /// Only this category.
    pub category: Option<ErrorCategory>,
    /// Only this severity or worse.
    pub min_severity: Option<Severity>,
    /// Only this run's.
    pub execution_id: Option<i64>,
    /// At most this many, newest first (all when `None`).
    pub limit: Option<usize>,
}

/// Handled errors, newest first.
pub fn list_errors(store: &Store, filter: &ErrorFilter) -> store::Result<Vec<ErrorInfo>> {
    let severities: Vec<&str> = Severity::ALL
        .into_iter()
        .filter(|s| filter.min_severity.is_none_or(|m| *s >= m))
        .map(Severity::as_str)
        .collect();
    let limit = filter
        .limit
        .map_or(-1, |l| i64::try_from(l).unwrap_or(i64::MAX));
    store.read(|c| {
        let mut stmt = c.prepare_cached(
            "SELECT error_id, occurred_at, category, severity, strategy, kind, message, operation,
                    agent, circuit, request_id, execution_id, attempt, recovered, recovery, details
             FROM error_log
             WHERE (?1 IS NULL OR occurred_at >= ?1) AND (?2 IS NULL OR category = ?2)
               AND (?3 IS NULL OR execution_id = ?3)
               AND severity IN (SELECT value FROM json_each(?4))
             ORDER BY occurred_at DESC, id DESC LIMIT ?5",
        )?;
        let rows = stmt.query_map(
            params![
                filter.since,
                filter.category.map(ErrorCategory::as_str),
                filter.execution_id,
                serde_json::to_string(&severities).unwrap_or_else(|_| "[]".into()),
                limit
            ],
            row,
        )?;
        rows.collect()
    })
}

/// One handled error by id.
pub fn get_error(store: &Store, error_id: &str) -> store::Result<Option<ErrorInfo>> {
    store.read(|c| {
        c.query_row(
            "SELECT error_id, occurred_at, category, severity, strategy, kind, message, operation,
                    agent, circuit, request_id, execution_id, attempt, recovered, recovery, details
             FROM error_log WHERE error_id = ?1",
            [error_id],
            row,
        )
        .optional()
    })
}

fn row(r: &rusqlite::Row<'_>) -> rusqlite::Result<ErrorInfo> {
    let category: String = r.get(2)?;
    let severity: String = r.get(3)?;
    let strategy: String = r.get(4)?;
    let details: Option<String> = r.get(15)?;
    Ok(ErrorInfo {
        error_id: r.get(0)?,
        occurred_at: r.get(1)?,
        category: ErrorCategory::parse(&category).unwrap_or(ErrorCategory::Internal),
        severity: Severity::parse(&severity).unwrap_or(Severity::Medium),
        recovery_strategy: RecoveryStrategy::parse(&strategy).unwrap_or(RecoveryStrategy::FailFast),
        kind: r.get(5)?,
        message: r.get(6)?,
        context: ErrorContext {
            operation: r.get(7)?,
            agent: r.get(8)?,
            circuit: r.get(9)?,
            request_id: r.get(10)?,
            execution_id: r.get(11)?,
            attempt: r.get(12)?,
            details: details
                .and_then(|d| serde_json::from_str(&d).ok())
                .unwrap_or_default(),
        },
        recovered: r.get(13)?,
        recovery: r.get(14)?,
    })
}

/// Totals of handled errors (the spec's `get_error_stats()`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct ErrorStats {
    /// From this time on (all time when `None`).
    pub since: Option<Timestamp>,
    /// Errors handled.
    pub total_errors: u64,
    /// Of those, recovered (retried, fell back, skipped).
    pub recovered: u64,
    /// `recovered / total_errors` in percent (100 with no errors).
    pub recovery_rate: f64,
    /// Count by category name; every category present, zeros included.
    pub by_category: BTreeMap<String, u64>,
    /// Count by severity name; every severity present.
    pub by_severity: BTreeMap<String, u64>,
    /// Count by recovery strategy name; every strategy present.
    pub by_strategy: BTreeMap<String, u64>,
    /// The newest error, if any.
    pub last_error: Option<ErrorInfo>,
}

/// Longest look-back accepted: 10 years.
const MAX_SINCE_HOURS: f64 = 10.0 * 366.0 * 24.0;

/// The start of the last `hours` hours, ms UTC; `None` (all time) stays `None`.
/// Refuses spans that are not above 0 or longer than 10 years (field `sinceHours`).
pub fn since_hours(now: Timestamp, hours: Option<f64>) -> crate::Result<Option<Timestamp>> {
    let Some(h) = hours else { return Ok(None) };
    if !h.is_finite() || h <= 0.0 || h > MAX_SINCE_HOURS {
        return Err(crate::Error::Invalid {
            field: "sinceHours",
            reason: "must be a number of hours above 0 and at most 10 years".into(),
        });
    }
    Ok(Some(now - (h * 3_600_000.0) as i64))
}

/// Totals by category, severity and strategy and the recovery rate, since `since`.
pub fn get_error_stats(store: &Store, since: Option<Timestamp>) -> store::Result<ErrorStats> {
    let mut stats = ErrorStats {
        since,
        by_category: ErrorCategory::ALL
            .iter()
            .map(|c| (c.as_str().to_owned(), 0))
            .collect(),
        by_severity: Severity::ALL
            .iter()
            .map(|s| (s.as_str().to_owned(), 0))
            .collect(),
        by_strategy: RecoveryStrategy::ALL
            .iter()
            .map(|s| (s.as_str().to_owned(), 0))
            .collect(),
        ..ErrorStats::default()
    };
    let rows: Vec<(String, String, String, bool, u64)> = store.read(|c| {
        let mut stmt = c.prepare_cached(
            "SELECT category, severity, strategy, recovered, count(*) FROM error_log
             WHERE ?1 IS NULL OR occurred_at >= ?1
             GROUP BY category, severity, strategy, recovered",
        )?;
        let rows = stmt.query_map([since], |r| {
            Ok((
                r.get(0)?,
                r.get(1)?,
                r.get(2)?,
                r.get(3)?,
                r.get::<_, i64>(4)? as u64,
            ))
        })?;
        rows.collect()
    })?;
    for (category, severity, strategy, recovered, n) in rows {
        stats.total_errors += n;
        if recovered {
            stats.recovered += n;
        }
        *stats.by_category.entry(category).or_default() += n;
        *stats.by_severity.entry(severity).or_default() += n;
        *stats.by_strategy.entry(strategy).or_default() += n;
    }
    stats.recovery_rate = if stats.total_errors == 0 {
        100.0
    } else {
        (stats.recovered as f64 * 1000.0 / stats.total_errors as f64).round() / 10.0
    };
    stats.last_error = list_errors(
        store,
        &ErrorFilter {
            since,
            limit: Some(1),
            ..ErrorFilter::default()
        },
    )?
    .pop();
    Ok(stats)
}

/// The export file's shape, version 1.
#[derive(Debug, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct ErrorExport {
    /// Format version.
    pub version: u32,
    /// When, RFC 3339.
    pub exported_at: String,
    /// Totals over the exported errors.
    pub stats: ErrorStats,
    /// The errors, newest first.
    pub errors: Vec<ErrorInfo>,
}

/// The error history since `since`, with its totals.
pub fn error_export(store: &Store, since: Option<Timestamp>) -> store::Result<ErrorExport> {
    Ok(ErrorExport {
        version: 1,
        exported_at: crate::clock::to_rfc3339(store.now_ms()),
        stats: get_error_stats(store, since)?,
        errors: list_errors(
            store,
            &ErrorFilter {
                since,
                ..ErrorFilter::default()
            },
        )?,
    })
}

fn to_json(export: &ErrorExport) -> store::Result<String> {
    serde_json::to_string_pretty(export).map_err(|e| store::Error::Config(e.to_string()))
}

/// The error history since `since` as pretty JSON.
pub fn errors_json(store: &Store, since: Option<Timestamp>) -> store::Result<String> {
    to_json(&error_export(store, since)?)
}

/// Writes the error history to `path` as JSON (the spec's `export_errors`); returns
/// what was written.
pub fn export_errors(
    store: &Store,
    path: &Path,
    since: Option<Timestamp>,
) -> crate::Result<ErrorExport> {
    let export = error_export(store, since)?;
    let json = to_json(&export)?;
    crate::files::to_file(path, |w| {
        std::io::Write::write_all(w, json.as_bytes()).map_err(|e| {
            crate::Error::invalid("path", format!("cannot write {}: {e}", path.display()))
        })
    })?;
    Ok(export)
}

/// Errors older than `before` are removed (with the raw records they explain).
pub(crate) fn prune_in(tx: &rusqlite::Connection, before: Timestamp) -> rusqlite::Result<usize> {
    let errors = tx.execute("DELETE FROM error_log WHERE occurred_at < ?1", [before])?;
    // Keep each circuit's last transition: it is the state a new process resumes.
    tx.execute(
        "DELETE FROM circuit_transitions WHERE at < ?1
           AND id NOT IN (SELECT max(id) FROM circuit_transitions GROUP BY circuit)",
        [before],
    )?;
    Ok(errors)
}
