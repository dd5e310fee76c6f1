//! What is recorded about runs, and for how long: monitoring (rollups, metrics,
//! alerts) and cost tracking (pricing, budgets) on or off, and the retention of raw
//! execution records. The spec's `MONITORING_ENABLED`, `COST_TRACKING_ENABLED` and
//! `METRICS_RETENTION_HOURS` win over the stored values.

use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};
use crate::settings;
use crate::store::Store;

const MONITORING_KEY: &str = "monitoring.config";

/// Whether monitoring and cost tracking run, and how long raw records are kept.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase", default)]
pub struct MonitoringConfig {
    /// Rollups, metrics and alerts (`MONITORING_ENABLED`). Runs are recorded either
    /// way: they are the app's audit trail.
    pub monitoring_enabled: bool,
    /// Pricing of calls and budgets (`COST_TRACKING_ENABLED`).
    pub cost_tracking_enabled: bool,
    /// Raw execution records older than this are pruned (`METRICS_RETENTION_HOURS`);
    /// rollups keep the long-term history.
    pub metrics_retention_hours: i64,
}

impl Default for MonitoringConfig {
    /// The spec's defaults: on, on, 168 hours.
    fn default() -> Self {
        Self {
            monitoring_enabled: true,
            cost_tracking_enabled: true,
            metrics_retention_hours: 168,
        }
    }
}

impl MonitoringConfig {
    /// These settings with the environment's valid values over them (the spec's
    /// `MONITORING_ENABLED`, `COST_TRACKING_ENABLED`, `METRICS_RETENTION_HOURS`).
    pub fn with_env(self) -> Self {
        Self {
            monitoring_enabled: settings::env_bool("MONITORING_ENABLED")
                .unwrap_or(self.monitoring_enabled),
            cost_tracking_enabled: settings::env_bool("COST_TRACKING_ENABLED")
                .unwrap_or(self.cost_tracking_enabled),
            metrics_retention_hours: env_hours("METRICS_RETENTION_HOURS")
                .unwrap_or(self.metrics_retention_hours),
        }
    }
}

/// Longest retention accepted: 10 years.
const MAX_RETENTION_HOURS: i64 = 10 * 366 * 24;

impl MonitoringConfig {
    /// Checks the retention: 1 hour to 10 years.
    pub fn validated(self) -> Result<Self> {
        if !(1..=MAX_RETENTION_HOURS).contains(&self.metrics_retention_hours) {
            return Err(Error::invalid(
                "metricsRetentionHours",
                format!("must be between 1 and {MAX_RETENTION_HOURS}"),
            ));
        }
        Ok(self)
    }
}

pub(crate) fn env_hours(name: &str) -> Option<i64> {
    let raw = std::env::var(name).ok()?;
    match raw.trim().parse::<i64>() {
        Ok(h) if (1..=MAX_RETENTION_HOURS).contains(&h) => Some(h),
        _ if raw.trim().is_empty() => None,
        _ => {
            tracing::warn!(
                variable = name,
                value = %raw,
                "must be a whole number of hours from 1 to {MAX_RETENTION_HOURS}; the default is used"
            );
            None
        }
    }
}

/// The monitoring configuration in effect: the environment's values over the stored
/// ones over the spec's defaults.
pub fn load(store: &Store) -> Result<MonitoringConfig> {
    Ok(store.read(load_in)?)
}

/// [`load`] inside a transaction (the recorder asks for every run).
pub fn load_in(conn: &rusqlite::Connection) -> rusqlite::Result<MonitoringConfig> {
    Ok(
        settings::get_json_in::<MonitoringConfig>(conn, MONITORING_KEY)?
            .and_then(|c| c.validated().ok())
            .unwrap_or_default()
            .with_env(),
    )
}

/// Validates and stores the monitoring configuration; returns the one in effect
/// (environment variables still win).
pub fn save(store: &mut Store, c: MonitoringConfig) -> Result<MonitoringConfig> {
    let c = c.validated()?;
    settings::put_json(store, MONITORING_KEY, &c)?;
    tracing::info!(?c, "monitoring settings saved");
    Ok(c.with_env())
}
