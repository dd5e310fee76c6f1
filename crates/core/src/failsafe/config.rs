//! The spec's error-handling settings: retries and circuit breakers. `MAX_RETRIES`,
//! `RETRY_BACKOFF_MULTIPLIER` and `CIRCUIT_BREAKER_THRESHOLD` win over the stored values.

use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};
use crate::settings;
use crate::store::Store;

const FAILSAFE_KEY: &str = "failsafe.config";

/// Retries and circuit breakers: the spec's error-handling settings.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase", default)]
pub struct FailsafeConfig {
    /// Retries of a failed LLM call after the first attempt, 0 to 10 (`MAX_RETRIES`).
    pub max_retries: u32,
    /// Growth of the wait between retries, 1 to 10 (`RETRY_BACKOFF_MULTIPLIER`).
    pub retry_backoff_multiplier: f64,
    /// Failures in a row that open a provider+model's circuit, 1 to 100
    /// (`CIRCUIT_BREAKER_THRESHOLD`).
    pub circuit_breaker_threshold: u32,
}

impl Default for FailsafeConfig {
    /// The spec's defaults: 3 retries, multiplier 2.0, threshold 5.
    fn default() -> Self {
        Self {
            max_retries: 3,
            retry_backoff_multiplier: 2.0,
            circuit_breaker_threshold: 5,
        }
    }
}

impl FailsafeConfig {
    /// These settings with the environment's valid values over them (`MAX_RETRIES`,
    /// `RETRY_BACKOFF_MULTIPLIER`, `CIRCUIT_BREAKER_THRESHOLD`).
    pub fn with_env(self) -> Self {
        use super::{MAX_RETRIES_LIMIT, MAX_THRESHOLD, MULTIPLIER_RANGE};
        Self {
            max_retries: settings::env_number(
                "MAX_RETRIES",
                0.0..=f64::from(MAX_RETRIES_LIMIT),
                true,
            )
            .map_or(self.max_retries, |v| v as u32),
            retry_backoff_multiplier: settings::env_number(
                "RETRY_BACKOFF_MULTIPLIER",
                MULTIPLIER_RANGE,
                false,
            )
            .unwrap_or(self.retry_backoff_multiplier),
            circuit_breaker_threshold: settings::env_number(
                "CIRCUIT_BREAKER_THRESHOLD",
                1.0..=f64::from(MAX_THRESHOLD),
                true,
            )
            .map_or(self.circuit_breaker_threshold, |v| v as u32),
        }
    }

    /// Checks the ranges: retries 0–10, multiplier 1–10, threshold 1–100.
    pub fn validated(self) -> Result<Self> {
        use super::{MAX_RETRIES_LIMIT, MAX_THRESHOLD, MULTIPLIER_RANGE};
        if self.max_retries > MAX_RETRIES_LIMIT {
            return Err(Error::invalid(
                "maxRetries",
                format!("must be between 0 and {MAX_RETRIES_LIMIT}"),
            ));
        }
        if !self.retry_backoff_multiplier.is_finite()
            || !MULTIPLIER_RANGE.contains(&self.retry_backoff_multiplier)
        {
            return Err(Error::invalid(
                "retryBackoffMultiplier",
                "must be between 1 and 10",
            ));
        }
        if !(1..=MAX_THRESHOLD).contains(&self.circuit_breaker_threshold) {
            return Err(Error::invalid(
                "circuitBreakerThreshold",
                format!("must be between 1 and {MAX_THRESHOLD}"),
            ));
        }
        Ok(self)
    }
}

/// The retry and circuit-breaker settings in effect: the environment's values over the
/// stored ones over the spec's defaults.
pub fn load(store: &Store) -> Result<FailsafeConfig> {
    Ok(settings::get_json::<FailsafeConfig>(store, FAILSAFE_KEY)?
        .and_then(|c| c.validated().ok())
        .unwrap_or_default()
        .with_env())
}

/// Validates and stores the retry and circuit-breaker settings; returns the ones in
/// effect (environment variables still win).
pub fn save(store: &mut Store, c: FailsafeConfig) -> Result<FailsafeConfig> {
    let c = c.validated()?;
    settings::put_json(store, FAILSAFE_KEY, &c)?;
    tracing::info!(?c, "failsafe settings saved");
    Ok(c.with_env())
}
