//! Retries, circuit breakers and the error log.

use jobtrail_core::failsafe::FailsafeConfig;
use jobtrail_core::failsafe::{
    self, CircuitStats, ErrorCategory, ErrorFilter, ErrorInfo, ErrorStats, FailsafeStats, Severity,
    StoredCircuit,
};
use serde::Serialize;
use tauri::State;

use super::ExportDone;
use crate::args::Arg;
use crate::error::IpcError;
use crate::state::StoreState;

/// The failsafe at a glance: settings, this process's retry counts and circuits, and
/// every circuit's last stored state.
#[derive(Debug, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct FailsafeStatus {
    settings: FailsafeConfig,
    live: FailsafeStats,
    stored: Vec<StoredCircuit>,
}

#[tauri::command]
#[specta::specta]
#[tracing::instrument(skip(state), err(Debug))]
pub async fn get_failsafe_status(state: State<'_, StoreState>) -> Result<FailsafeStatus, IpcError> {
    state.with(|s| {
        Ok(FailsafeStatus {
            settings: jobtrail_core::failsafe::config::load(s)?,
            live: state.failsafe().stats(),
            stored: failsafe::stored_circuits(s)?,
        })
    })
}

/// Closes a circuit by hand (the person knows the provider is back).
#[tauri::command]
#[specta::specta]
#[tracing::instrument(skip(state), err(Debug))]
pub async fn reset_circuit(
    state: State<'_, StoreState>,
    circuit: String,
) -> Result<CircuitStats, IpcError> {
    let breakers = state.failsafe().breakers();
    if !breakers.stats().iter().any(|c| c.circuit == circuit)
        && !state
            .with(|s| Ok(failsafe::stored_circuits(s)?))?
            .iter()
            .any(|c| c.circuit == circuit)
    {
        return Err(IpcError::not_found(format!("no circuit named {circuit:?}")));
    }
    let breaker = breakers.get(&circuit);
    breaker.reset();
    state.with(|s| Ok(state.failsafe().save_transitions(s)?))?;
    Ok(breaker.get_stats())
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
    let saved = state.with(|s| Ok(jobtrail_core::failsafe::config::save(s, config)?))?;
    state.failsafe().configure(&saved);
    Ok(saved)
}

fn since(state: &StoreState, hours: Option<f64>) -> Result<Option<i64>, IpcError> {
    state.with(|s| Ok(failsafe::since_hours(s.now_ms(), hours)?))
}

/// `get_error_stats()`: totals by category, severity and strategy, and the recovery rate.
#[tauri::command]
#[specta::specta]
#[tracing::instrument(skip(state), err(Debug))]
pub async fn get_error_stats(
    state: State<'_, StoreState>,
    since_hours: Option<f64>,
) -> Result<ErrorStats, IpcError> {
    let since = since(&state, since_hours)?;
    state.with(|s| Ok(failsafe::get_error_stats(s, since)?))
}

/// Handled errors, newest first.
#[tauri::command]
#[specta::specta]
#[tracing::instrument(skip(state), err(Debug))]
pub async fn list_errors(
    state: State<'_, StoreState>,
    since_hours: Option<f64>,
    category: Option<String>,
    min_severity: Option<String>,
    execution_id: Option<i64>,
    limit: Option<u32>,
) -> Result<Vec<ErrorInfo>, IpcError> {
    let category = category
        .map(|c| {
            ErrorCategory::parse(&c).ok_or_else(|| {
                IpcError::invalid("category", format!("There is no error category {c:?}"))
            })
        })
        .transpose()?;
    let min_severity = min_severity
        .map(|c| {
            Severity::parse(&c).ok_or_else(|| {
                IpcError::invalid(
                    "minSeverity",
                    "Severity must be low, medium, high or critical",
                )
            })
        })
        .transpose()?;
    let filter = ErrorFilter {
        since: since(&state, since_hours)?,
        category,
        min_severity,
        execution_id,
        limit: Some(limit.unwrap_or(100).clamp(1, 10_000) as usize),
    };
    state.with(|s| Ok(failsafe::list_errors(s, &filter)?))
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
    let since = since(&state, since_hours)?;
    state.with(|s| {
        failsafe::export_errors(s, &path, since)?;
        Ok(ExportDone::of(&path))
    })
}
