//! The spec's performance-monitoring endpoints (`/api/monitoring/performance/*`,
//! `/health`, `/export/metrics`), one command each, same parameters and shapes.

use jobtrail_core::cost::Money;
use jobtrail_core::monitor::health::{self, Health};
use jobtrail_core::monitor::{
    self, AgentsSummary, AggregatedMetrics, Dashboard, PerformanceAlert, RawMetric,
};
use jobtrail_core::service::export;
use jobtrail_core::service::monitoring::{self, ThresholdChange};
use tauri::State;

use super::ExportDone;
use crate::args::Arg;
use crate::error::IpcError;
use crate::state::StoreState;

/// `GET /performance/agents?period_hours=24`: every agent's metrics and the total.
#[tauri::command]
#[specta::specta]
#[tracing::instrument(skip(state), err(Debug))]
pub async fn get_performance_summary(
    state: State<'_, StoreState>,
    period_hours: f64,
) -> Result<AgentsSummary, IpcError> {
    state.with(|s| Ok(monitor::get_all_agents_summary(s, period_hours)?))
}

/// The dashboard's figures for one agent or all: the period against the one before,
/// runs and spend over time (per minute up to a week, per hour beyond), and the
/// spread of run times.
#[tauri::command]
#[specta::specta]
#[tracing::instrument(skip(state), err(Debug))]
pub async fn get_dashboard(
    state: State<'_, StoreState>,
    agent_name: Option<String>,
    period_hours: f64,
) -> Result<Dashboard, IpcError> {
    state.with(|s| Ok(monitor::dashboard(s, agent_name.as_deref(), period_hours)?))
}

/// `GET /performance/agents/{agent_name}?period_hours=24`.
#[tauri::command]
#[specta::specta]
#[tracing::instrument(skip(state), err(Debug))]
pub async fn get_agent_performance(
    state: State<'_, StoreState>,
    agent_name: String,
    period_hours: f64,
) -> Result<AggregatedMetrics, IpcError> {
    state.with(|s| {
        Ok(monitor::get_aggregated_metrics(
            s,
            &agent_name,
            period_hours,
        )?)
    })
}

/// `GET /performance/agents/{agent_name}/raw?limit=100` (all agents without a name),
/// newest first.
#[tauri::command]
#[specta::specta]
#[tracing::instrument(skip(state), err(Debug))]
pub async fn get_raw_metrics(
    state: State<'_, StoreState>,
    agent_name: Option<String>,
    limit: i64,
) -> Result<Vec<RawMetric>, IpcError> {
    state.with(|s| Ok(monitor::raw_metrics(s, agent_name.as_deref(), limit)?))
}

/// `GET /performance/alerts?max_error_rate=10&max_avg_execution_time=30`: checks now
/// against the stored thresholds, each given one overriding its stored value, and
/// returns the active alerts.
#[tauri::command]
#[specta::specta]
#[tracing::instrument(skip(state), err(Debug))]
pub async fn get_performance_alerts(
    state: State<'_, StoreState>,
    max_error_rate: Option<f64>,
    max_avg_execution_time: Option<f64>,
    max_p95_execution_time: Option<f64>,
    max_avg_cost: Arg<Option<Money>>,
) -> Result<Vec<PerformanceAlert>, IpcError> {
    let change = ThresholdChange {
        max_error_rate,
        max_avg_execution_time,
        max_p95_execution_time,
        max_avg_cost: max_avg_cost.get("maxAvgCost")?,
    };
    state.with(|s| Ok(monitoring::check_alerts(s, change)?))
}

/// Alerts that have ended as well as active ones, newest first (at most 10,000).
#[tauri::command]
#[specta::specta]
#[tracing::instrument(skip(state), err(Debug))]
pub async fn list_alert_history(
    state: State<'_, StoreState>,
    limit: i64,
) -> Result<Vec<PerformanceAlert>, IpcError> {
    state.with(|s| Ok(monitor::list_alerts(s, false, limit)?))
}

/// `GET /health`.
#[tauri::command]
#[specta::specta]
#[tracing::instrument(skip(state), err(Debug))]
pub async fn get_monitoring_health(state: State<'_, StoreState>) -> Result<Health, IpcError> {
    state.with(|s| Ok(health::health(s)?))
}

/// `GET /export/metrics?agent_name=…`: writes the export to `path` (chosen in the
/// save dialog) as `json` or `csv`.
#[tauri::command]
#[specta::specta]
#[tracing::instrument(skip(state), err(Debug))]
pub async fn export_metrics(
    state: State<'_, StoreState>,
    path: String,
    agent_name: Option<String>,
    period_hours: f64,
    format: Arg<export::Format>,
) -> Result<ExportDone, IpcError> {
    let format = format.get("format")?;
    let path = super::export_path(&path)?;
    state.with(|s| {
        export::to_file(&path, |w| {
            export::export_metrics(s, agent_name.as_deref(), period_hours, format, w).map(drop)
        })?;
        Ok(ExportDone::of(&path))
    })
}
