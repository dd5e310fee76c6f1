//! Settings that belong to the app as a whole: how the window draws, and which
//! environment variables decide a setting whatever is stored.

use serde::{Deserialize, Serialize};

use crate::error::Result;
use crate::settings;
use crate::store::Store;

const DISPLAY_KEY: &str = "display.config";

/// A setting an environment variable decides, whatever is stored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct EnvOverride {
    /// The setting, as the settings forms name it (`maxRetries`, `dailyBudget`).
    pub setting: String,
    /// The variable (`MAX_RETRIES`).
    pub variable: String,
    /// Its value.
    pub value: String,
}

/// The spec's environment variables that are set to a valid value now, and the
/// settings they decide. An invalid value decides nothing (it is reported).
pub fn env_overrides() -> Vec<EnvOverride> {
    use crate::failsafe::{MAX_RETRIES_LIMIT, MAX_THRESHOLD, MULTIPLIER_RANGE};
    use crate::ledger::config::env_hours;
    use crate::settings::{env_bool, env_number};
    let mut out = Vec::new();
    let mut add = |setting: &str, variable: &str, valid: bool| {
        if valid && let Ok(value) = std::env::var(variable) {
            out.push(EnvOverride {
                setting: setting.to_owned(),
                variable: variable.to_owned(),
                value: value.trim().to_owned(),
            });
        }
    };
    add(
        "monitoringEnabled",
        "MONITORING_ENABLED",
        env_bool("MONITORING_ENABLED").is_some(),
    );
    add(
        "costTrackingEnabled",
        "COST_TRACKING_ENABLED",
        env_bool("COST_TRACKING_ENABLED").is_some(),
    );
    add(
        "metricsRetentionHours",
        "METRICS_RETENTION_HOURS",
        env_hours("METRICS_RETENTION_HOURS").is_some(),
    );
    add(
        "dailyBudget",
        "DAILY_BUDGET",
        crate::cost::budget::daily_budget_from_env().is_some(),
    );
    add(
        "maxRetries",
        "MAX_RETRIES",
        env_number("MAX_RETRIES", 0.0..=f64::from(MAX_RETRIES_LIMIT), true).is_some(),
    );
    add(
        "retryBackoffMultiplier",
        "RETRY_BACKOFF_MULTIPLIER",
        env_number("RETRY_BACKOFF_MULTIPLIER", MULTIPLIER_RANGE, false).is_some(),
    );
    add(
        "circuitBreakerThreshold",
        "CIRCUIT_BREAKER_THRESHOLD",
        env_number(
            "CIRCUIT_BREAKER_THRESHOLD",
            1.0..=f64::from(MAX_THRESHOLD),
            true,
        )
        .is_some(),
    );
    add("gpuAcceleration", GPU_ENV, env_bool(GPU_ENV).is_some());
    let set = |v: &str| std::env::var(v).is_ok_and(|x| !x.trim().is_empty());
    add(
        "logLevel",
        crate::logging::LOG_LEVEL_ENV,
        set(crate::logging::LOG_LEVEL_ENV),
    );
    add(
        "structuredLogging",
        crate::logging::STRUCTURED_LOGGING_ENV,
        crate::logging::parse_bool(
            &std::env::var(crate::logging::STRUCTURED_LOGGING_ENV).unwrap_or_default(),
        )
        .is_some(),
    );
    out
}

/// `JOBTRAIL_GPU`: GPU acceleration on (`1`) or off (`0`) whatever is stored.
pub const GPU_ENV: &str = "JOBTRAIL_GPU";

/// How the desktop window draws; read once, when the app starts.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase", default)]
pub struct DisplaySettings {
    /// GPU compositing of the window's page (WebKitGTK's hardware acceleration). Off
    /// by default: without a GPU driver it draws the same page through a software
    /// OpenGL renderer, for about 120 MiB more memory.
    pub gpu_acceleration: bool,
}

impl DisplaySettings {
    /// These settings with `JOBTRAIL_GPU` over them when it holds a valid boolean.
    pub fn with_env(self) -> Self {
        Self {
            gpu_acceleration: settings::env_bool(GPU_ENV).unwrap_or(self.gpu_acceleration),
        }
    }
}

/// The display settings in effect: `JOBTRAIL_GPU` over the stored ones (off by default).
pub fn display(store: &Store) -> Result<DisplaySettings> {
    Ok(settings::get_json::<DisplaySettings>(store, DISPLAY_KEY)?
        .unwrap_or_default()
        .with_env())
}

/// Stores the display settings; returns the ones in effect at the next start
/// (`JOBTRAIL_GPU` still wins).
pub fn set_display(store: &mut Store, d: DisplaySettings) -> Result<DisplaySettings> {
    settings::put_json(store, DISPLAY_KEY, &d)?;
    tracing::info!(?d, "display settings saved; they apply at the next start");
    Ok(d.with_env())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gpu_acceleration_is_off_until_stored_and_garbage_reads_as_off() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = Store::open(dir.path()).unwrap();
        let env = settings::env_bool(GPU_ENV);
        let expect = |stored: bool| env.unwrap_or(stored);
        assert_eq!(
            display(&store).unwrap().gpu_acceleration,
            expect(false),
            "off by default: no GPU driver is the common case this guards"
        );
        let on = DisplaySettings {
            gpu_acceleration: true,
        };
        assert_eq!(
            set_display(&mut store, on).unwrap().gpu_acceleration,
            expect(true)
        );
        assert_eq!(
            display(&store).unwrap().gpu_acceleration,
            expect(true),
            "stored as given"
        );
        for garbage in ["nonsense", "{\"gpuAcceleration\": \"yes\"}", "[]"] {
            store
                .conn()
                .execute(
                    "UPDATE settings SET value = ?1 WHERE key = ?2",
                    [garbage, DISPLAY_KEY],
                )
                .unwrap();
            assert_eq!(
                display(&store).unwrap().gpu_acceleration,
                expect(false),
                "an unreadable value is the default, not an error: {garbage}"
            );
        }
    }
}
