//! Monitoring settings and alert checks as the front ends change them: a partial
//! change (the flags given, the arguments sent) over what is stored, in one place.

use crate::error::Result;
use crate::ledger::MonitoringConfig;
use crate::ledger::config as monitoring_config;
use crate::money::Money;
use crate::monitor::alerts::{self, AlertThresholds, PerformanceAlert};
use crate::store::Store;

/// Alert thresholds to use instead of the stored ones; `None` keeps the stored value.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct ThresholdChange {
    /// Highest acceptable error rate, percent.
    pub max_error_rate: Option<f64>,
    /// Highest acceptable mean run time, seconds.
    pub max_avg_execution_time: Option<f64>,
    /// Highest acceptable 95th-percentile run time, seconds.
    pub max_p95_execution_time: Option<f64>,
    /// Highest acceptable mean cost per run.
    pub max_avg_cost: Option<Money>,
}

impl ThresholdChange {
    /// Whether it changes nothing.
    pub fn is_empty(&self) -> bool {
        *self == Self::default()
    }

    /// `stored` with each value given here in its place.
    pub fn over(self, stored: AlertThresholds) -> AlertThresholds {
        AlertThresholds {
            max_error_rate: self.max_error_rate.or(stored.max_error_rate),
            max_avg_execution_time: self
                .max_avg_execution_time
                .or(stored.max_avg_execution_time),
            max_p95_execution_time: self
                .max_p95_execution_time
                .or(stored.max_p95_execution_time),
            max_avg_cost: self.max_avg_cost.or(stored.max_avg_cost),
            ..stored
        }
    }
}

/// Checks now against the stored thresholds with `change` over them (for this check
/// only) and returns the active alerts (the spec's `GET /performance/alerts`).
pub fn check_alerts(store: &mut Store, change: ThresholdChange) -> Result<Vec<PerformanceAlert>> {
    let thresholds = change.over(alerts::alert_thresholds(store)?);
    alerts::get_performance_alerts(store, &thresholds)
}

/// Stores the default thresholds with `change` over them; returns what is in effect.
/// Nothing is written when it changes nothing.
pub fn update_thresholds(store: &mut Store, change: ThresholdChange) -> Result<AlertThresholds> {
    let stored = alerts::alert_thresholds(store)?;
    if change.is_empty() {
        return Ok(stored);
    }
    alerts::set_alert_thresholds(store, change.over(stored))
}

/// Monitoring settings to change; `None` keeps the stored value.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct MonitoringChange {
    /// Record metrics and raise alerts.
    pub monitoring_enabled: Option<bool>,
    /// Price calls and enforce budgets.
    pub cost_tracking_enabled: Option<bool>,
    /// Keep raw run records this many hours.
    pub metrics_retention_hours: Option<i64>,
}

/// Stores the monitoring settings with `change` over them; returns what is in effect.
/// Nothing is written when it changes nothing.
pub fn update_monitoring(store: &mut Store, change: MonitoringChange) -> Result<MonitoringConfig> {
    let c = monitoring_config::load(store)?;
    if change == MonitoringChange::default() {
        return Ok(c);
    }
    monitoring_config::save(
        store,
        MonitoringConfig {
            monitoring_enabled: change.monitoring_enabled.unwrap_or(c.monitoring_enabled),
            cost_tracking_enabled: change
                .cost_tracking_enabled
                .unwrap_or(c.cost_tracking_enabled),
            metrics_retention_hours: change
                .metrics_retention_hours
                .unwrap_or(c.metrics_retention_hours),
        },
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn store() -> (tempfile::TempDir, Store) {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(dir.path()).unwrap();
        (dir, store)
    }

    #[test]
    fn a_change_replaces_only_the_values_it_gives() {
        let stored = AlertThresholds {
            max_error_rate: Some(10.0),
            max_avg_execution_time: Some(30.0),
            max_p95_execution_time: None,
            max_avg_cost: Some(Money::from_micros(50_000)),
            period_hours: 2.0,
            min_executions: 7,
        };
        let change = ThresholdChange {
            max_error_rate: Some(5.0),
            max_p95_execution_time: Some(60.0),
            ..ThresholdChange::default()
        };
        let t = change.over(stored.clone());
        assert_eq!(t.max_error_rate, Some(5.0), "given: replaced");
        assert_eq!(t.max_avg_execution_time, Some(30.0), "not given: kept");
        assert_eq!(t.max_p95_execution_time, Some(60.0), "turned on");
        assert_eq!(t.max_avg_cost, stored.max_avg_cost);
        assert_eq!(
            (t.period_hours, t.min_executions),
            (2.0, 7),
            "what a change cannot name stays"
        );
        assert!(ThresholdChange::default().is_empty());
        assert!(!change.is_empty());
        assert_eq!(ThresholdChange::default().over(stored.clone()), stored);
    }

    #[test]
    fn thresholds_and_monitoring_are_written_only_when_changed() {
        let (_dir, mut store) = store();
        let before = alerts::alert_thresholds(&store).unwrap();
        assert_eq!(
            update_thresholds(&mut store, ThresholdChange::default()).unwrap(),
            before
        );
        let saved = update_thresholds(
            &mut store,
            ThresholdChange {
                max_avg_execution_time: Some(12.0),
                ..ThresholdChange::default()
            },
        )
        .unwrap();
        assert_eq!(saved.max_avg_execution_time, Some(12.0));
        assert_eq!(saved.max_error_rate, before.max_error_rate);
        assert_eq!(alerts::alert_thresholds(&store).unwrap(), saved, "stored");
        let err = update_thresholds(
            &mut store,
            ThresholdChange {
                max_error_rate: Some(-1.0),
                ..ThresholdChange::default()
            },
        )
        .expect_err("validated like a whole set");
        assert!(
            matches!(err, crate::Error::Invalid { .. }),
            "an invalid value names its field: {err}"
        );

        let c = update_monitoring(
            &mut store,
            MonitoringChange {
                metrics_retention_hours: Some(48),
                ..MonitoringChange::default()
            },
        )
        .unwrap();
        assert_eq!(c.metrics_retention_hours, 48);
        assert!(c.monitoring_enabled, "not given: kept");
        assert_eq!(
            update_monitoring(&mut store, MonitoringChange::default()).unwrap(),
            c,
            "nothing to change: what is stored"
        );
    }

    #[test]
    fn an_alert_check_uses_the_change_for_that_check_only() {
        let (_dir, mut store) = store();
        let stored = alerts::alert_thresholds(&store).unwrap();
        let active = check_alerts(
            &mut store,
            ThresholdChange {
                max_error_rate: Some(1.0),
                ..ThresholdChange::default()
            },
        )
        .unwrap();
        assert!(active.is_empty(), "no runs, no alerts: {active:?}");
        assert_eq!(
            alerts::alert_thresholds(&store).unwrap(),
            stored,
            "a check stores nothing"
        );
    }
}
