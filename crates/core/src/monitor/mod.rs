//! The performance monitor: every execution's time, tokens, cost and outcome,
//! aggregated per agent over any period from rollups (so a week over a million runs
//! costs what an hour does).

pub mod alerts;
pub mod dashboard;
pub mod health;
pub use crate::rollup::histogram;
pub mod maintenance;
pub mod metrics;

pub use alerts::{
    AlertThresholds, PerformanceAlert, Severity, get_performance_alerts, list_alerts,
};
pub use dashboard::{Dashboard, DurationBar, Series, SeriesPoint, dashboard};
pub use metrics::{
    AgentsSummary, AggregatedMetrics, RawMetric, get_aggregated_metrics, get_all_agents_summary,
    raw_metrics,
};

/// An error unless monitoring is on.
pub(crate) fn require_enabled(store: &crate::store::Store) -> crate::error::Result<()> {
    if crate::ledger::config::load(store)?.monitoring_enabled {
        Ok(())
    } else {
        Err(crate::error::Error::invalid(
            "monitoring",
            "is turned off (MONITORING_ENABLED=false or the monitoring settings); runs are still \
             recorded",
        ))
    }
}
