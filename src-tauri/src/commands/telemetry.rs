//! Settings → Telemetry: where runs are exported (OTLP), a test span, the counts.

use std::sync::Arc;

use jobtrail_core::telemetry::{
    self, Telemetry, TelemetrySettingsInput, TelemetryStatus, TestSpanAnswer,
};
use tauri::State;

use crate::args::Arg;
use crate::error::IpcError;
use crate::state::StoreState;

/// The app's telemetry (none when the store could not be opened).
#[derive(Debug, Clone)]
pub struct AppTelemetry(Option<Arc<Telemetry>>);

impl AppTelemetry {
    /// Telemetry for the app's store, with the process's `OTEL_*` variables.
    pub fn for_store(store: &StoreState) -> Self {
        Self(
            store
                .with(|s| Ok(Telemetry::start(s)?))
                .inspect_err(|e| tracing::warn!(error = %e.message, "telemetry could not start"))
                .ok(),
        )
    }

    /// Makes it the process's: every agent run of the app exports through it.
    pub fn install(&self) {
        if let Some(t) = &self.0 {
            telemetry::set_global(t.clone());
        }
    }

    /// Sends what is queued, within `limit` (the app is quitting).
    pub fn flush(&self, limit: std::time::Duration) {
        if let Some(t) = &self.0 {
            t.flush(limit);
        }
    }

    fn get(&self) -> Result<&Arc<Telemetry>, IpcError> {
        self.0
            .as_ref()
            .ok_or_else(|| IpcError::internal("telemetry is not available: the store did not open"))
    }
}

/// Where runs go, what decided it, and the export counts (dropped spans among them).
#[tauri::command]
#[specta::specta]
#[tracing::instrument(skip(state, telemetry), err(Debug))]
pub async fn get_telemetry_status(
    state: State<'_, StoreState>,
    telemetry: State<'_, AppTelemetry>,
) -> Result<TelemetryStatus, IpcError> {
    let t = telemetry.get()?;
    state.with(|s| Ok(t.status(s)?))
}

/// Saves the telemetry settings (secret header values to the keychain) and applies them.
#[tauri::command]
#[specta::specta]
#[tracing::instrument(skip(state, telemetry), err(Debug))]
pub async fn set_telemetry_settings(
    state: State<'_, StoreState>,
    telemetry: State<'_, AppTelemetry>,
    settings: Arg<TelemetrySettingsInput>,
) -> Result<TelemetryStatus, IpcError> {
    let settings = settings.get("settings")?;
    let t = telemetry.get()?;
    state.with(|s| {
        telemetry::config::save(s, settings)?;
        t.reconfigure(s)?;
        Ok(t.status(s)?)
    })
}

/// Sends one test span with the settings in effect; the backend's answer.
#[tauri::command]
#[specta::specta]
#[tracing::instrument(skip(state, telemetry), err(Debug))]
pub async fn send_test_span(
    state: State<'_, StoreState>,
    telemetry: State<'_, AppTelemetry>,
) -> Result<TestSpanAnswer, IpcError> {
    let t = telemetry.get()?.clone();
    let now = state.with(|s| Ok(s.now_ms()))?;
    // Up to 5 s on the network: off the async runtime's threads.
    tauri::async_runtime::spawn_blocking(move || t.send_test_span(now))
        .await
        .map_err(|e| IpcError::internal(format!("the test span was not sent: {e}")))
}
