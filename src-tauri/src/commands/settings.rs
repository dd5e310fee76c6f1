//! Every setting of the spec and the app: what is in effect, which ones an
//! environment variable decides, and the commands that change them.

use jobtrail_core::agent::config::AgentConfig;
use jobtrail_core::agent::config::AgentConfigDraft;
use jobtrail_core::agent::config::ProviderSettings;
use jobtrail_core::agent::endpoint;
use jobtrail_core::cost::{self, Budgets};
use jobtrail_core::failsafe::FailsafeConfig;
use jobtrail_core::ledger::MonitoringConfig;
use jobtrail_core::mail::settings::{self as mail_settings, MailSettings};
use jobtrail_core::monitor::AlertThresholds;
use jobtrail_core::notices::NotificationSettings;
use jobtrail_core::service::settings::DisplaySettings;
use jobtrail_core::service::settings::EnvOverride;
use serde::Serialize;
use tauri::State;

use crate::args::Arg;
use crate::error::IpcError;
use crate::state::StoreState;
use crate::watch::Watch;

/// How the app logs; set by `LOG_LEVEL` and `STRUCTURED_LOGGING` at start.
#[derive(Debug, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct LoggingSettings {
    log_level: String,
    structured_logging: bool,
}

/// Every setting in effect.
#[derive(Debug, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct Settings {
    provider: ProviderSettings,
    /// The keychain entry the API key is read from (the provider name, or one derived
    /// from the base URL when none is set).
    key_provider: String,
    /// Whether `OPENAI_API_KEY` holds a key; used when the keychain has none. Never the key.
    env_api_key: bool,
    agents: Vec<AgentConfig>,
    monitoring: MonitoringConfig,
    alert_thresholds: AlertThresholds,
    failsafe: FailsafeConfig,
    budgets: Budgets,
    notifications: NotificationSettings,
    /// How often mail syncs and whether new job mail is analysed on its own.
    mail: MailSettings,
    /// How the window draws, from the next start (`JOBTRAIL_GPU` wins).
    display: DisplaySettings,
    logging: LoggingSettings,
    /// Settings an environment variable decides: shown, not editable, in the UI.
    env_overrides: Vec<EnvOverride>,
}

#[tauri::command]
#[specta::specta]
#[tracing::instrument(skip(state), err(Debug))]
pub async fn get_settings(state: State<'_, StoreState>) -> Result<Settings, IpcError> {
    use jobtrail_core::logging::{LOG_LEVEL_ENV, STRUCTURED_LOGGING_ENV, parse_bool};
    state.with(|s| {
        let provider = jobtrail_core::agent::config::provider(s)?;
        Ok(Settings {
            key_provider: endpoint::key_provider(&provider),
            env_api_key: endpoint::env_key_set(),
            provider,
            agents: jobtrail_core::agent::config::agent_configs(s)?,
            monitoring: jobtrail_core::ledger::config::load(s)?,
            alert_thresholds: jobtrail_core::monitor::alerts::alert_thresholds(s)?,
            failsafe: jobtrail_core::failsafe::config::load(s)?,
            budgets: cost::budget::budgets(s)?,
            notifications: jobtrail_core::notices::settings(s)?,
            mail: mail_settings::get(s)?,
            display: jobtrail_core::service::settings::display(s)?,
            logging: LoggingSettings {
                log_level: std::env::var(LOG_LEVEL_ENV)
                    .ok()
                    .filter(|v| !v.trim().is_empty())
                    .unwrap_or_else(|| "info".into()),
                structured_logging: std::env::var(STRUCTURED_LOGGING_ENV)
                    .ok()
                    .and_then(|v| parse_bool(&v))
                    .unwrap_or(true),
            },
            env_overrides: jobtrail_core::service::settings::env_overrides(),
        })
    })
}

#[tauri::command]
#[specta::specta]
#[tracing::instrument(skip(state), err(Debug))]
pub async fn set_provider_settings(
    state: State<'_, StoreState>,
    provider: Arg<ProviderSettings>,
) -> Result<ProviderSettings, IpcError> {
    let provider = provider.get("provider")?;
    state.with(|s| Ok(jobtrail_core::agent::config::set_provider(s, provider)?))
}

#[tauri::command]
#[specta::specta]
#[tracing::instrument(skip(state), err(Debug))]
pub async fn set_agent_config(
    state: State<'_, StoreState>,
    agent: String,
    config: Arg<AgentConfigDraft>,
) -> Result<AgentConfig, IpcError> {
    let config = config.get("config")?;
    state.with(|s| {
        Ok(jobtrail_core::agent::config::set_agent_config(
            s, &agent, config,
        )?)
    })
}

/// Monitoring, cost tracking and retention (the spec's `monitoring_enabled`,
/// `cost_tracking_enabled`, `metrics_retention_hours`); returns what is in effect.
#[tauri::command]
#[specta::specta]
#[tracing::instrument(skip(state), err(Debug))]
pub async fn set_monitoring_config(
    state: State<'_, StoreState>,
    config: Arg<MonitoringConfig>,
) -> Result<MonitoringConfig, IpcError> {
    let config = config.get("config")?;
    state.with(|s| Ok(jobtrail_core::ledger::config::save(s, config)?))
}

/// The default performance-alert thresholds.
#[tauri::command]
#[specta::specta]
#[tracing::instrument(skip(state), err(Debug))]
pub async fn set_alert_thresholds(
    state: State<'_, StoreState>,
    thresholds: Arg<AlertThresholds>,
) -> Result<AlertThresholds, IpcError> {
    let thresholds = thresholds.get("thresholds")?;
    state.with(|s| {
        Ok(jobtrail_core::monitor::alerts::set_alert_thresholds(
            s, thresholds,
        )?)
    })
}

/// Which desktop notifications to show.
#[tauri::command]
#[specta::specta]
#[tracing::instrument(skip(state, watch), err(Debug))]
pub async fn set_notification_settings(
    state: State<'_, StoreState>,
    watch: State<'_, Watch>,
    notifications: Arg<NotificationSettings>,
) -> Result<NotificationSettings, IpcError> {
    let notifications = notifications.get("notifications")?;
    let saved = state.with(|s| Ok(jobtrail_core::notices::set_settings(s, notifications)?))?;
    watch.poke();
    Ok(saved)
}

/// GPU acceleration of the window; applies at the next start. Returns what will be in
/// effect then (`JOBTRAIL_GPU` still wins).
#[tauri::command]
#[specta::specta]
#[tracing::instrument(skip(state), err(Debug))]
pub async fn set_display_settings(
    state: State<'_, StoreState>,
    config: Arg<DisplaySettings>,
) -> Result<DisplaySettings, IpcError> {
    let config = config.get("config")?;
    state.with(|s| Ok(jobtrail_core::service::settings::set_display(s, config)?))
}
