//! The monitoring system's health (the spec's `GET /api/monitoring/health`).

use serde::{Deserialize, Serialize};

use super::maintenance::{self, TaskRun};
use crate::clock::Timestamp;
use crate::error::Result;
use crate::ledger::config::MonitoringConfig;
use crate::store::Store;

/// Rows per table.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct RowCounts {
    /// Runs.
    pub executions: i64,
    /// LLM calls.
    pub llm_calls: i64,
    /// Tool calls.
    pub tool_calls: i64,
    /// Rollup rows.
    pub rollups: i64,
    /// Alert episodes.
    pub alerts: i64,
    /// Emails.
    pub emails: i64,
    /// Applications.
    pub applications: i64,
}

/// How the monitoring system is doing.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct Health {
    /// `healthy`, or `degraded` when a background task's last run failed.
    pub status: String,
    /// The configuration in effect.
    pub config: MonitoringConfig,
    /// The database file.
    pub store_path: String,
    /// Its size with the write-ahead log, bytes.
    pub store_bytes: u64,
    /// Rows per table.
    pub rows: RowCounts,
    /// Runs recorded but not yet in the rollups.
    pub pending_rollup: i64,
    /// Last prune, ms UTC.
    pub last_prune: Option<Timestamp>,
    /// Oldest raw run kept, ms UTC.
    pub oldest_record: Option<Timestamp>,
    /// Newest run, ms UTC.
    pub newest_record: Option<Timestamp>,
    /// Alerts active now.
    pub active_alerts: i64,
    /// Background tasks and their last outcome.
    pub tasks: Vec<TaskRun>,
}

/// The health report.
pub fn health(store: &Store) -> Result<Health> {
    let config = crate::ledger::config::load(store)?;
    let count = |table: &str| -> Result<i64> {
        Ok(store
            .read(|c| c.query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0)))?)
    };
    let rows = RowCounts {
        executions: count("executions")?,
        llm_calls: count("llm_calls")?,
        tool_calls: count("tool_calls")?,
        rollups: count("metrics_rollups")?,
        alerts: count("alerts")?,
        emails: count("emails")?,
        applications: count("applications")?,
    };
    let (pending, last_prune, oldest, newest, active): (
        i64,
        Option<i64>,
        Option<i64>,
        Option<i64>,
        i64,
    ) = store.read(|c| {
        c.query_row(
            "SELECT (SELECT count(*) FROM executions
                          WHERE id > (SELECT rolled_up_to FROM metrics_state WHERE id = 1)),
                        (SELECT last_prune FROM metrics_state WHERE id = 1),
                        (SELECT min(started_at) FROM executions),
                        (SELECT max(started_at) FROM executions),
                        (SELECT count(*) FROM alerts WHERE ended_at IS NULL)",
            [],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?)),
        )
    })?;
    let path = store.path();
    let size = |p: std::path::PathBuf| std::fs::metadata(p).map(|m| m.len()).unwrap_or(0);
    let mut wal = path.as_os_str().to_owned();
    wal.push("-wal");
    let tasks = maintenance::task_runs(store)?;
    let degraded = tasks.iter().any(|t| {
        t.last_error_at
            .is_some_and(|e| t.last_ok.is_none_or(|ok| e >= ok))
    });
    Ok(Health {
        status: if degraded { "degraded" } else { "healthy" }.into(),
        config,
        store_path: path.display().to_string(),
        store_bytes: size(path.to_path_buf()) + size(wal.into()),
        rows,
        pending_rollup: pending,
        last_prune,
        oldest_record: oldest,
        newest_record: newest,
        active_alerts: active,
        tasks,
    })
}
