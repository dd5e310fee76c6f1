//! Every setting in one snapshot, for the Settings view and `jobtrail settings show`:
//! each part read from the module that owns it, so neither front end assembles it.
//! Also the settings that belong to the app as a whole: how the window draws, and
//! which environment variables decide a setting whatever is stored.

use serde::{Deserialize, Serialize};

use crate::agent::config::{self as agent_config, AgentConfig, ProviderSettings};
use crate::agent::endpoint;
use crate::cost::Budgets;
use crate::error::Result;
use crate::failsafe::FailsafeConfig;
use crate::ledger::MonitoringConfig;
use crate::logging::{LogSettings, LogTarget};
use crate::mail::settings::MailSettings;
use crate::monitor::AlertThresholds;
use crate::notices::NotificationSettings;
use crate::settings;
use crate::store::Store;

/// Every setting in effect.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct Settings {
    /// The LLM provider as stored (empty: the defaults).
    pub provider: ProviderSettings,
    /// The keychain entry the API key is read from (the provider name, or one derived
    /// from the base URL when none is set).
    pub key_provider: String,
    /// Whether `OPENAI_API_KEY` holds a key; used when the keychain has none. Never the key.
    pub env_api_key: bool,
    /// Every agent's model settings.
    pub agents: Vec<AgentConfig>,
    /// Monitoring, cost tracking and retention.
    pub monitoring: MonitoringConfig,
    /// The default performance-alert thresholds.
    pub alert_thresholds: AlertThresholds,
    /// Retries and circuit breakers.
    pub failsafe: FailsafeConfig,
    /// The budgets in effect (`DAILY_BUDGET` over the stored daily one).
    pub budgets: Budgets,
    /// Which desktop notifications to show.
    pub notifications: NotificationSettings,
    /// How often mail syncs and whether new job mail is analysed on its own.
    pub mail: MailSettings,
    /// How the window draws, from the next start (`JOBTRAIL_GPU` wins).
    pub display: DisplaySettings,
    /// How this process logs.
    pub logging: LoggingSettings,
    /// Settings an environment variable decides: shown, not editable, in the UI.
    pub env_overrides: Vec<EnvOverride>,
}

/// Every setting in effect now, each from the module that owns it.
pub fn snapshot(store: &Store) -> Result<Settings> {
    let provider = agent_config::provider(store)?;
    Ok(Settings {
        key_provider: endpoint::key_provider(&provider),
        env_api_key: endpoint::env_key_set(),
        provider,
        agents: agent_config::agent_configs(store)?,
        monitoring: crate::ledger::config::load(store)?,
        alert_thresholds: crate::monitor::alerts::alert_thresholds(store)?,
        failsafe: crate::failsafe::config::load(store)?,
        budgets: crate::cost::budget::budgets(store)?,
        notifications: crate::notices::settings(store)?,
        mail: crate::mail::settings::get(store)?,
        display: display(store)?,
        logging: logging(),
        env_overrides: env_overrides(),
    })
}

/// How the process logs; set by `LOG_LEVEL` and `STRUCTURED_LOGGING` at start.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct LoggingSettings {
    /// The level (or filter) of the log files: `LOG_LEVEL` as the logger read it,
    /// `info` when it is unset or invalid.
    pub log_level: String,
    /// JSON lines on stderr (`STRUCTURED_LOGGING`, true unless it says false).
    pub structured_logging: bool,
}

/// The logging settings in effect, as [`crate::logging`] reads the environment (an
/// invalid value counts as its default, as it did when logging started).
pub fn logging() -> LoggingSettings {
    let (s, _problems) = LogSettings::from_env(LogTarget::App);
    LoggingSettings {
        log_level: s.file_filter,
        structured_logging: s.structured,
    }
}

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
    fn the_snapshot_holds_every_part_under_the_names_the_ui_reads() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(dir.path()).unwrap();
        let s = snapshot(&store).unwrap();
        assert_eq!(s.agents.len(), 3, "every agent, configured or not");
        assert_eq!(
            s.monitoring,
            crate::ledger::config::load(&store).unwrap(),
            "each part is its owner's"
        );
        assert_eq!(s.mail, crate::mail::settings::get(&store).unwrap());
        let json = serde_json::to_value(&s).unwrap();
        let keys: Vec<&str> = json
            .as_object()
            .unwrap()
            .keys()
            .map(String::as_str)
            .collect();
        let mut want = vec![
            "provider",
            "keyProvider",
            "envApiKey",
            "agents",
            "monitoring",
            "alertThresholds",
            "failsafe",
            "budgets",
            "notifications",
            "mail",
            "display",
            "logging",
            "envOverrides",
        ];
        want.sort_unstable();
        assert_eq!(keys, want, "the Settings view reads these fields");
        assert_eq!(
            json["logging"].as_object().map(|o| o.len()),
            Some(2),
            "logLevel and structuredLogging: {json}"
        );
    }

    #[test]
    fn logging_settings_are_what_the_logger_reads() {
        let (expected, _) = LogSettings::from_env(LogTarget::App);
        let l = logging();
        assert_eq!(l.log_level, expected.file_filter);
        assert_eq!(l.structured_logging, expected.structured);
        let (defaults, problems) = LogSettings::from_values(LogTarget::App, None, None);
        assert!(problems.is_empty());
        assert_eq!(
            (defaults.file_filter.as_str(), defaults.structured),
            ("info", true),
            "unset: info, JSON"
        );
    }

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
