//! Performance alerts (the spec's `get_performance_alerts`): each agent's recent
//! metrics against thresholds. Alerts are stored as episodes with when they started
//! and ended (table `alerts`), so the UI and notifications show active and past ones
//! and a condition that persists is one alert, not one per check.

use rusqlite::{OptionalExtension, params};
use serde::{Deserialize, Serialize};

use super::metrics::{self, AggregatedMetrics};
use crate::clock::Timestamp;
use crate::error::{Error, Result};
use crate::money::Money;
use crate::settings;
use crate::store::{Migration, Store};

pub(crate) const MIGRATION: Migration = Migration {
    id: "202611280003_alerts",
    sql: "
    CREATE TABLE alerts (
        id INTEGER PRIMARY KEY,
        agent TEXT NOT NULL,
        kind TEXT NOT NULL,
        severity TEXT NOT NULL CHECK (severity IN ('warning','critical')),
        message TEXT NOT NULL,
        value REAL NOT NULL,
        threshold REAL NOT NULL,
        started_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL,
        ended_at INTEGER
    ) STRICT;
    CREATE UNIQUE INDEX alerts_one_open ON alerts (agent, kind) WHERE ended_at IS NULL;
    CREATE INDEX alerts_by_start ON alerts (started_at DESC);
    ",
};

/// What to compare each agent's recent metrics against; `None` turns a check off.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase", default)]
pub struct AlertThresholds {
    /// Highest acceptable error rate, percent.
    pub max_error_rate: Option<f64>,
    /// Highest acceptable mean run time, seconds.
    pub max_avg_execution_time: Option<f64>,
    /// Highest acceptable 95th-percentile run time, seconds.
    pub max_p95_execution_time: Option<f64>,
    /// Highest acceptable mean cost per run.
    pub max_avg_cost: Option<Money>,
    /// The recent period looked at, hours.
    pub period_hours: f64,
    /// Fewer runs than this in the period raise no rate or time alert (one failure
    /// in two runs is not a trend).
    pub min_executions: i64,
}

impl Default for AlertThresholds {
    /// The spec's example thresholds over the last hour.
    fn default() -> Self {
        Self {
            max_error_rate: Some(10.0),
            max_avg_execution_time: Some(30.0),
            max_p95_execution_time: Some(60.0),
            max_avg_cost: Some(Money::from_micros(500_000)),
            period_hours: 1.0,
            min_executions: 3,
        }
    }
}

impl AlertThresholds {
    /// Checks every field: non-negative finite numbers (a cost of at most $1,000,000), a
    /// valid period.
    pub fn validated(self) -> Result<Self> {
        let check = |field: &'static str, v: Option<f64>, max: f64| match v {
            Some(x) if !(x.is_finite() && (0.0..=max).contains(&x)) => Err(Error::invalid(
                field,
                format!("must be between 0 and {max}"),
            )),
            _ => Ok(()),
        };
        check("maxErrorRate", self.max_error_rate, 100.0)?;
        check("maxAvgExecutionTime", self.max_avg_execution_time, 86_400.0)?;
        check("maxP95ExecutionTime", self.max_p95_execution_time, 86_400.0)?;
        if let Some(cost) = self.max_avg_cost
            && !(Money::ZERO..=Money::from_micros(1_000_000_000_000)).contains(&cost)
        {
            return Err(Error::invalid(
                "maxAvgCost",
                "must be between $0 and $1,000,000",
            ));
        }
        metrics::check_period(self.period_hours)?;
        if !(1..=1_000_000).contains(&self.min_executions) {
            return Err(Error::invalid(
                "minExecutions",
                "must be between 1 and 1000000",
            ));
        }
        Ok(self)
    }
}

/// How bad an alert is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
// The name TypeScript gets (`failsafe::Severity` is `Severity`); the JSON is unchanged.
#[serde(rename = "AlertSeverity", rename_all = "lowercase")]
pub enum Severity {
    /// Over the threshold.
    Warning,
    /// At least twice the threshold (or an unpriced model: spend is unknown).
    Critical,
}

/// An alert raised now, or an episode from the history.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct PerformanceAlert {
    /// Stored episode id.
    pub id: i64,
    /// Agent.
    pub agent_name: String,
    /// `error_rate`, `avg_execution_time`, `p95_execution_time`, `avg_cost`, `unpriced_model`.
    pub kind: String,
    /// Warning or critical.
    pub severity: Severity,
    /// A sentence for the person.
    pub message: String,
    /// The measured value (percent, seconds, dollars or calls).
    pub value: f64,
    /// The threshold it crossed.
    pub threshold: f64,
    /// First seen, ms UTC.
    pub started_at: Timestamp,
    /// Last confirmed, ms UTC.
    pub updated_at: Timestamp,
    /// Cleared, ms UTC; none while active.
    pub ended_at: Option<Timestamp>,
}

struct Firing {
    kind: &'static str,
    value: f64,
    threshold: f64,
    message: String,
}

fn firing(m: &AggregatedMetrics, t: &AlertThresholds) -> Vec<Firing> {
    let mut out = Vec::new();
    let enough = m.total_executions >= t.min_executions;
    let name = &m.agent_name;
    let hours = t.period_hours;
    if let (true, Some(max)) = (enough, t.max_error_rate)
        && m.error_rate > max
    {
        out.push(Firing {
            kind: "error_rate",
            value: m.error_rate,
            threshold: max,
            message: format!(
                "{name}: {:.1} % of {} runs failed in the last {hours} h (limit {max} %)",
                m.error_rate, m.total_executions
            ),
        });
    }
    if let (true, Some(max)) = (enough, t.max_avg_execution_time)
        && m.avg_execution_time > max
    {
        out.push(Firing {
            kind: "avg_execution_time",
            value: m.avg_execution_time,
            threshold: max,
            message: format!(
                "{name}: runs took {:.1} s on average in the last {hours} h (limit {max} s)",
                m.avg_execution_time
            ),
        });
    }
    if let (true, Some(max)) = (enough, t.max_p95_execution_time)
        && m.p95_execution_time > max
    {
        out.push(Firing {
            kind: "p95_execution_time",
            value: m.p95_execution_time,
            threshold: max,
            message: format!(
                "{name}: 5 % of runs took over {:.1} s in the last {hours} h (limit {max} s)",
                m.p95_execution_time
            ),
        });
    }
    if let Some(max) = t.max_avg_cost
        && m.total_executions > 0
        && m.avg_cost > max
    {
        out.push(Firing {
            kind: "avg_cost",
            value: m.avg_cost.dollars(),
            threshold: max.dollars(),
            message: format!(
                "{name}: runs cost {} on average in the last {hours} h (limit {max})",
                m.avg_cost
            ),
        });
    }
    if m.unpriced_calls > 0 {
        out.push(Firing {
            kind: "unpriced_model",
            value: m.unpriced_calls as f64,
            threshold: 0.0,
            message: format!(
                "{name}: {} calls in the last {hours} h went to a model without a price, so \
                 their cost is unknown; add its price under Prices",
                m.unpriced_calls
            ),
        });
    }
    out
}

/// Checks every agent's recent metrics, opens an episode for each new alert,
/// refreshes the open ones and closes those that cleared. Returns the active alerts.
pub fn get_performance_alerts(
    store: &mut Store,
    thresholds: &AlertThresholds,
) -> Result<Vec<PerformanceAlert>> {
    let thresholds = thresholds.clone().validated()?;
    let summary = metrics::get_all_agents_summary(store, thresholds.period_hours)?;
    let now = store.now_ms();
    let fired: Vec<(String, Firing)> = summary
        .agents
        .iter()
        .flat_map(|m| {
            firing(m, &thresholds)
                .into_iter()
                .map(|f| (m.agent_name.clone(), f))
        })
        .collect();
    store.write(|tx| {
        let mut open = tx.prepare_cached(
            "SELECT id FROM alerts WHERE agent = ?1 AND kind = ?2 AND ended_at IS NULL",
        )?;
        let mut still: Vec<i64> = Vec::new();
        for (agent, f) in &fired {
            let severity = if f.kind == "unpriced_model" || f.value >= 2.0 * f.threshold {
                "critical"
            } else {
                "warning"
            };
            let id: Option<i64> = open.query_row(params![agent, f.kind], |r| r.get(0)).optional()?;
            let id = match id {
                Some(id) => {
                    tx.execute(
                        "UPDATE alerts SET value = ?1, threshold = ?2, message = ?3, severity = ?4,
                                updated_at = ?5 WHERE id = ?6",
                        params![f.value, f.threshold, f.message, severity, now, id],
                    )?;
                    id
                }
                None => {
                    tx.execute(
                        "INSERT INTO alerts (agent, kind, severity, message, value, threshold,
                                             started_at, updated_at)
                         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?7)",
                        params![agent, f.kind, severity, f.message, f.value, f.threshold, now],
                    )?;
                    tracing::warn!(agent = %agent, kind = f.kind, message = %f.message, "alert raised");
                    tx.last_insert_rowid()
                }
            };
            still.push(id);
        }
        let ids = still.iter().map(i64::to_string).collect::<Vec<_>>().join(",");
        let cleared = tx.execute(
            &format!("UPDATE alerts SET ended_at = ?1 WHERE ended_at IS NULL AND id NOT IN ({ids})"),
            [now],
        )?;
        if cleared > 0 {
            tracing::info!(cleared, "alerts cleared");
        }
        Ok(())
    })?;
    list_alerts(store, true, 1000)
}

/// Stored alerts: active ones, or all, newest first.
pub fn list_alerts(store: &Store, active_only: bool, limit: i64) -> Result<Vec<PerformanceAlert>> {
    if !(1..=10_000).contains(&limit) {
        return Err(Error::invalid("limit", "must be between 1 and 10000"));
    }
    Ok(store.read(|c| {
        let mut stmt = c.prepare_cached(
            "SELECT id, agent, kind, severity, message, value, threshold, started_at, updated_at,
                    ended_at
             FROM alerts WHERE (?1 = 0 OR ended_at IS NULL) ORDER BY started_at DESC, id DESC
             LIMIT ?2",
        )?;
        let rows = stmt.query_map(params![active_only, limit], |r| {
            let severity: String = r.get(3)?;
            Ok(PerformanceAlert {
                id: r.get(0)?,
                agent_name: r.get(1)?,
                kind: r.get(2)?,
                severity: if severity == "critical" {
                    Severity::Critical
                } else {
                    Severity::Warning
                },
                message: r.get(4)?,
                value: r.get(5)?,
                threshold: r.get(6)?,
                started_at: r.get(7)?,
                updated_at: r.get(8)?,
                ended_at: r.get(9)?,
            })
        })?;
        rows.collect()
    })?)
}
const ALERTS_KEY: &str = "monitoring.alert_thresholds";

/// The default alert thresholds (the spec's example values until changed).
pub fn alert_thresholds(store: &Store) -> Result<AlertThresholds> {
    Ok(settings::get_json::<AlertThresholds>(store, ALERTS_KEY)?
        .and_then(|t| t.validated().ok())
        .unwrap_or_default())
}

/// Validates and stores the default alert thresholds.
pub fn set_alert_thresholds(store: &mut Store, t: AlertThresholds) -> Result<AlertThresholds> {
    let t = t.validated()?;
    settings::put_json(store, ALERTS_KEY, &t)?;
    Ok(t)
}
