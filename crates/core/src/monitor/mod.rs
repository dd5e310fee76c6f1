//! The performance monitor: every execution's time, tokens, cost and outcome,
//! aggregated per agent over any period from rollups (so a week over a million runs
//! costs what an hour does).

pub mod alerts;
pub mod histogram;
pub mod metrics;
pub mod rollup;

pub use alerts::{
    AlertThresholds, PerformanceAlert, Severity, get_performance_alerts, list_alerts,
};
pub use metrics::{
    AgentsSummary, AggregatedMetrics, RawMetric, get_aggregated_metrics, get_all_agents_summary,
    raw_metrics,
};
