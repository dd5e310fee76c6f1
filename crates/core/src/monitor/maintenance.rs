//! Scheduled upkeep: fold new runs into the rollups, prune raw records past the
//! retention, and re-check alerts. Each task's last run and last failure are kept
//! (table `task_runs`) for the health report.

use std::sync::{Mutex, PoisonError};

use rusqlite::params;
use serde::{Deserialize, Serialize};

use crate::clock::Timestamp;
use crate::error::Result;
use crate::rollup::{self, LEVELS};
use crate::store::{self, Migration, Store};

pub(crate) const MIGRATION: Migration = Migration {
    id: "202611280004_task_runs",
    sql: "
    CREATE TABLE task_runs (
        task TEXT PRIMARY KEY NOT NULL,
        last_run INTEGER NOT NULL,
        last_ok INTEGER,
        last_error TEXT,
        last_error_at INTEGER
    ) STRICT;
    ",
};

/// Minute rollups are kept this long (a week's window keeps minute-exact edges).
pub const MINUTE_ROLLUP_DAYS: i64 = 8;
/// Hour rollups are kept this long; day rollups forever.
pub const HOUR_ROLLUP_DAYS: i64 = 400;

/// Raw executions deleted per transaction.
const PRUNE_BATCH: i64 = 10_000;

/// What a prune removed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct PruneReport {
    /// Raw executions (with their LLM and tool calls).
    pub executions: usize,
    /// Minute and hour rollup rows past their own retention.
    pub rollups: usize,
    /// Handled errors older than the retention.
    #[serde(default)]
    pub errors: usize,
    /// When, ms UTC.
    pub at: Timestamp,
}

/// Deletes raw executions older than the retention that are already rolled up and
/// that nothing points at (an application's timeline or review item, or an email,
/// keeps its run as provenance), and rollups past their own retention.
pub fn prune(store: &mut Store) -> Result<PruneReport> {
    rollup::catch_up(store)?;
    let now = store.now_ms();
    let cutoff = retention_cutoff(store)?;
    let mut report = PruneReport {
        at: now,
        ..PruneReport::default()
    };
    loop {
        let n = prune_batch(store, cutoff)?;
        report.executions += n;
        if n < PRUNE_BATCH as usize {
            break;
        }
    }
    report.errors = store.write(|tx| crate::failsafe::errors::prune_in(tx, cutoff))?;
    report.rollups = store.write(|tx| {
        let minutes = tx.execute(
            "DELETE FROM metrics_rollups WHERE level = 0 AND bucket_start < ?1",
            [now - MINUTE_ROLLUP_DAYS * LEVELS[2]],
        )?;
        let hours = tx.execute(
            "DELETE FROM metrics_rollups WHERE level = 1 AND bucket_start < ?1",
            [now - HOUR_ROLLUP_DAYS * LEVELS[2]],
        )?;
        tx.execute(
            "UPDATE metrics_state SET last_prune = ?1 WHERE id = 1",
            [now],
        )?;
        Ok(minutes + hours)
    })?;
    tracing::info!(
        executions = report.executions,
        rollups = report.rollups,
        errors = report.errors,
        "metrics pruned"
    );
    Ok(report)
}

/// Raw executions that started before this are past the retention.
fn retention_cutoff(store: &Store) -> Result<Timestamp> {
    let config = crate::ledger::config::load(store)?;
    Ok(store.now_ms() - config.metrics_retention_hours * LEVELS[1])
}

/// Deletes up to [`PRUNE_BATCH`] prunable executions older than `cutoff`, in one
/// transaction; returns how many.
fn prune_batch(store: &mut Store, cutoff: Timestamp) -> store::Result<usize> {
    store.write(|tx| {
        tx.execute(
            "DELETE FROM executions WHERE id IN (
                SELECT e.id FROM executions e
                WHERE e.started_at < ?1
                  AND e.id <= (SELECT rolled_up_to FROM metrics_state WHERE id = 1)
                  AND NOT EXISTS (SELECT 1 FROM status_changes s WHERE s.execution_id = e.id)
                  AND NOT EXISTS (SELECT 1 FROM review_items r WHERE r.execution_id = e.id)
                  AND NOT EXISTS (SELECT 1 FROM emails m WHERE m.execution_id = e.id)
                LIMIT ?2)",
            params![cutoff, PRUNE_BATCH],
        )
    })
}

/// [`run_maintenance`] on a store others use too (the app's commands): a large
/// backlog (a million runs to fold, or to prune after the retention was shortened or
/// the app was closed for weeks) is worked off one batch per lock, so a command
/// waits for one batch, not for seconds. Then the pass itself runs, with little left.
pub fn run_maintenance_shared(store: &Mutex<Store>) -> store::Result<MaintenanceReport> {
    let lock = || store.lock().unwrap_or_else(PoisonError::into_inner);
    // `Mutex` is not fair: give a waiting command the chance to take the lock between
    // batches. A failing batch ends the batching; the pass below meets the same
    // failure and records it for the health report.
    let batches = |step: &mut dyn FnMut(&mut Store) -> store::Result<(usize, bool)>| {
        let mut done = 0;
        loop {
            match step(&mut lock()) {
                Ok((n, more)) => {
                    done += n;
                    if !more {
                        break;
                    }
                }
                Err(e) => {
                    tracing::warn!(error = %e, "upkeep batch failed");
                    break;
                }
            }
            std::thread::yield_now();
        }
        done
    };
    let folded = batches(&mut |s| {
        let n = rollup::catch_up_batch(s)?;
        Ok((n, n == rollup::BATCH as usize))
    });
    let pruned = batches(&mut |s| {
        let cutoff = retention_cutoff(s).map_err(|e| store::Error::Config(e.to_string()))?;
        let n = prune_batch(s, cutoff)?;
        Ok((n, n == PRUNE_BATCH as usize))
    });
    let mut report = run_maintenance(&mut lock())?;
    report.rolled_up += folded;
    if let Some(p) = report.pruned.as_mut() {
        p.executions += pruned;
    }
    Ok(report)
}

/// What one maintenance pass did.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct MaintenanceReport {
    /// Runs folded into the rollups.
    pub rolled_up: usize,
    /// The prune, if it ran.
    pub pruned: Option<PruneReport>,
    /// Active alerts after the check, if monitoring is on.
    pub active_alerts: Option<usize>,
    /// Tasks that failed, with why.
    pub failures: Vec<(String, String)>,
}

/// One pass of upkeep (the app runs it every few minutes). A failing task is
/// recorded and the others still run.
pub fn run_maintenance(store: &mut Store) -> store::Result<MaintenanceReport> {
    let mut report = MaintenanceReport::default();
    let monitoring = crate::ledger::config::load(store)
        .map(|c| c.monitoring_enabled)
        .unwrap_or(true);
    match rollup::catch_up(store) {
        Ok(n) => {
            report.rolled_up = n;
            record(store, "rollup", None)?;
        }
        Err(e) => fail(store, &mut report, "rollup", &e.to_string())?,
    }
    match prune(store) {
        Ok(p) => {
            report.pruned = Some(p);
            record(store, "prune", None)?;
        }
        Err(e) => fail(store, &mut report, "prune", &e.to_string())?,
    }
    if monitoring {
        let thresholds = crate::monitor::alerts::alert_thresholds(store).unwrap_or_default();
        match super::alerts::get_performance_alerts(store, &thresholds) {
            Ok(a) => {
                report.active_alerts = Some(a.len());
                record(store, "alerts", None)?;
            }
            Err(e) => fail(store, &mut report, "alerts", &e.to_string())?,
        }
    }
    Ok(report)
}

fn fail(
    store: &mut Store,
    report: &mut MaintenanceReport,
    task: &str,
    error: &str,
) -> store::Result<()> {
    tracing::error!(task, error, "background task failed");
    report.failures.push((task.to_owned(), error.to_owned()));
    record(store, task, Some(error))
}

fn record(store: &mut Store, task: &str, error: Option<&str>) -> store::Result<()> {
    let now = store.now_ms();
    store.write(|tx| {
        tx.execute(
            "INSERT INTO task_runs (task, last_run, last_ok, last_error, last_error_at)
             VALUES (?1, ?2, CASE WHEN ?3 IS NULL THEN ?2 END, ?3, CASE WHEN ?3 IS NULL THEN NULL ELSE ?2 END)
             ON CONFLICT (task) DO UPDATE SET last_run = excluded.last_run,
                 last_ok = coalesce(excluded.last_ok, task_runs.last_ok),
                 last_error = coalesce(excluded.last_error, task_runs.last_error),
                 last_error_at = coalesce(excluded.last_error_at, task_runs.last_error_at)",
            params![task, now, error],
        )
    })?;
    Ok(())
}

/// A background task's record.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct TaskRun {
    /// `rollup`, `prune`, `alerts`.
    pub task: String,
    /// Last run, ms UTC.
    pub last_run: Timestamp,
    /// Last success, ms UTC.
    pub last_ok: Option<Timestamp>,
    /// Last failure's message.
    pub last_error: Option<String>,
    /// When it failed, ms UTC.
    pub last_error_at: Option<Timestamp>,
}

/// Every task's record.
pub fn task_runs(store: &Store) -> store::Result<Vec<TaskRun>> {
    store.read(|c| {
        let mut stmt = c.prepare_cached(
            "SELECT task, last_run, last_ok, last_error, last_error_at FROM task_runs ORDER BY task",
        )?;
        let rows = stmt.query_map([], |r| {
            Ok(TaskRun {
                task: r.get(0)?,
                last_run: r.get(1)?,
                last_ok: r.get(2)?,
                last_error: r.get(3)?,
                last_error_at: r.get(4)?,
            })
        })?;
        rows.collect()
    })
}
