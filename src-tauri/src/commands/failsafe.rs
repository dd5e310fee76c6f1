//! Retries, circuit breakers and the error log.

use jobtrail_core::failsafe::{
    CircuitStats, ErrorCategory, ErrorInfo, ErrorStats, FailsafeConfig, Severity,
};
use jobtrail_core::service::errors::{self, ErrorQuery};
use jobtrail_core::service::failsafe::{self, FailsafeStatus};
use tauri::State;

use super::ExportDone;
use crate::args::Arg;
use crate::error::IpcError;
use crate::state::StoreState;

/// The failsafe at a glance: settings, this process's retry counts and circuits, and
/// every circuit's last stored state.
#[tauri::command]
#[specta::specta]
#[tracing::instrument(skip(state), err(Debug))]
pub async fn get_failsafe_status(state: State<'_, StoreState>) -> Result<FailsafeStatus, IpcError> {
    state.with(|s| Ok(failsafe::status(s, state.failsafe())?))
}

/// Closes a circuit by hand (the person knows the provider is back).
#[tauri::command]
#[specta::specta]
#[tracing::instrument(skip(state), err(Debug))]
pub async fn reset_circuit(
    state: State<'_, StoreState>,
    circuit: String,
) -> Result<CircuitStats, IpcError> {
    state
        .with(|s| Ok(failsafe::reset_circuit(s, state.failsafe(), &circuit)?))?
        .ok_or_else(|| IpcError::not_found(format!("no circuit named {circuit:?}")))
}

/// The retry and circuit-breaker settings (validated; stored values win over the
/// environment's).
#[tauri::command]
#[specta::specta]
#[tracing::instrument(skip(state), err(Debug))]
pub async fn set_failsafe_config(
    state: State<'_, StoreState>,
    config: Arg<FailsafeConfig>,
) -> Result<FailsafeConfig, IpcError> {
    let config = config.get("config")?;
    state.with(|s| Ok(failsafe::set_config(s, state.failsafe(), config)?))
}

/// `get_error_stats()`: totals by category, severity and strategy, and the recovery rate.
#[tauri::command]
#[specta::specta]
#[tracing::instrument(skip(state), err(Debug))]
pub async fn get_error_stats(
    state: State<'_, StoreState>,
    since_hours: Option<f64>,
) -> Result<ErrorStats, IpcError> {
    state.with(|s| Ok(errors::stats(s, since_hours)?))
}

/// Handled errors, newest first (100 unless a limit is given, at most 10,000).
#[tauri::command]
#[specta::specta]
#[tracing::instrument(skip(state), err(Debug))]
pub async fn list_errors(
    state: State<'_, StoreState>,
    since_hours: Option<f64>,
    category: Arg<Option<ErrorCategory>>,
    min_severity: Arg<Option<Severity>>,
    execution_id: Option<i64>,
    limit: Option<u32>,
) -> Result<Vec<ErrorInfo>, IpcError> {
    let query = ErrorQuery {
        since_hours,
        category: category.get("category")?,
        min_severity: min_severity.get("minSeverity")?,
        execution_id,
        limit: limit.map(|l| l.max(1) as usize),
    };
    state.with(|s| Ok(errors::list(s, &query)?))
}

/// `export_errors(path)`: the error history as JSON, to `path` (chosen in the save dialog).
#[tauri::command]
#[specta::specta]
#[tracing::instrument(skip(state), err(Debug))]
pub async fn export_errors(
    state: State<'_, StoreState>,
    path: String,
    since_hours: Option<f64>,
) -> Result<ExportDone, IpcError> {
    let path = super::export_path(&path)?;
    state.with(|s| {
        errors::export(s, &path, since_hours)?;
        Ok(ExportDone::of(&path))
    })
}
