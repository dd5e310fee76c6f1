//! Every setting of the spec and the app: what is in effect, which ones an
//! environment variable decides, and the commands that change them.

use jobtrail_core::agent::config::{AgentConfig, AgentConfigDraft, ProviderSettings};
use jobtrail_core::ledger::MonitoringConfig;
use jobtrail_core::monitor::AlertThresholds;
use jobtrail_core::notices::NotificationSettings;
use jobtrail_core::service;
use jobtrail_core::service::settings::{DisplaySettings, Settings};
use tauri::State;

use crate::args::Arg;
use crate::error::IpcError;
use crate::state::StoreState;
use crate::watch::Watch;

/// Every setting in effect (`jobtrail settings show` reads the same snapshot).
#[tauri::command]
#[specta::specta]
#[tracing::instrument(skip(state), err(Debug))]
pub async fn get_settings(state: State<'_, StoreState>) -> Result<Settings, IpcError> {
    state.with(|s| Ok(service::settings::snapshot(s)?))
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
    state.with(|s| Ok(service::settings::set_display(s, config)?))
}
