//! Tauri commands: validate, call the core, map the error.

pub mod agents;
pub mod applications;
pub mod costs;
pub mod explain;
pub mod failsafe;
pub mod inbox;
pub mod keychain;
pub mod logs;
pub mod mail;
pub mod monitoring;
pub mod settings;
pub mod telemetry;

use std::path::{Path, PathBuf};

use jobtrail_core::service::export::Format;

use serde::Serialize;
use tauri::State;

use crate::error::IpcError;
use crate::state::StoreState;

/// Facts about this installation the UI shows in its footer and about box.
#[derive(Debug, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct AppInfo {
    version: &'static str,
    data_dir: Option<String>,
    database: Option<String>,
    store_error: Option<IpcError>,
}

#[tauri::command]
#[specta::specta]
pub async fn app_info(state: State<'_, StoreState>) -> Result<AppInfo, IpcError> {
    let database = state.with(|s| Ok(s.path().display().to_string()));
    Ok(AppInfo {
        version: env!("CARGO_PKG_VERSION"),
        data_dir: state.data_dir().map(|d| d.display().to_string()),
        database: database.as_ref().ok().cloned(),
        store_error: database.err(),
    })
}

/// What a command that runs an agent needs besides the store: where events go, the
/// watcher to poke (budgets, alerts, tray) and whether agents are paused.
#[derive(Clone)]
pub struct RunHooks {
    events: crate::events::EventSink,
    watch: crate::watch::Watch,
}

impl RunHooks {
    /// From the app's managed state.
    fn of(events: &crate::events::EventSink, watch: &crate::watch::Watch) -> Self {
        Self {
            events: events.clone(),
            watch: watch.clone(),
        }
    }
}

/// Refuses to start a run while all agents are paused (tray or toolbar).
fn check_not_paused(tray: &crate::tray::Tray) -> Result<(), IpcError> {
    if tray.paused() {
        return Err(IpcError::new(
            crate::error::ErrorCode::AgentsPaused,
            "All agents are paused. Resume them from the tray menu or the toolbar to run one.",
        ));
    }
    Ok(())
}

/// Tells the UI a run was stored (`execution-finished`), lets the watcher check
/// budgets, alerts and the tray, and hands back the run's report.
fn finished<O>(
    hooks: &RunHooks,
    run: jobtrail_core::agent::AgentRun<O>,
) -> jobtrail_core::agent::RunReport<O> {
    hooks.events.emit(crate::events::ExecutionFinished {
        execution: run.execution.clone(),
    });
    hooks.watch.poke();
    run.into()
}

/// What the tray shows: today's spend against the daily budget, and whether agents
/// are paused.
#[tauri::command]
#[specta::specta]
pub async fn get_tray_state(
    tray: State<'_, crate::tray::Tray>,
) -> Result<crate::tray::TrayState, IpcError> {
    Ok(tray.state())
}

/// Pauses or resumes all agents (as the tray menu does).
#[tauri::command]
#[specta::specta]
#[tracing::instrument(skip(tray, watch), err(Debug))]
pub async fn set_agents_paused(
    tray: State<'_, crate::tray::Tray>,
    watch: State<'_, crate::watch::Watch>,
    paused: bool,
) -> Result<crate::tray::TrayState, IpcError> {
    tray.set_paused(paused);
    watch.poke();
    let mut state = tray.state();
    state.paused = paused;
    Ok(state)
}

/// A file written by an export command.
#[derive(Debug, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct ExportDone {
    /// Where it was written.
    path: String,
    /// Its size.
    bytes: u64,
}

impl ExportDone {
    fn of(path: &Path) -> Self {
        Self {
            path: path.display().to_string(),
            bytes: std::fs::metadata(path).map_or(0, |m| m.len()),
        }
    }
}

/// `json` or `csv`.
fn export_format(raw: &str) -> Result<Format, IpcError> {
    match raw.trim().to_ascii_lowercase().as_str() {
        "json" => Ok(Format::Json),
        "csv" => Ok(Format::Csv),
        _ => Err(IpcError::invalid("format", "Format must be json or csv")),
    }
}

/// An absolute path in an existing folder (what the save dialog returns).
fn export_path(raw: &str) -> Result<PathBuf, IpcError> {
    let path = PathBuf::from(raw.trim());
    if raw.trim().is_empty() || !path.is_absolute() {
        return Err(IpcError::invalid("path", "Choose where to save the file"));
    }
    if path.is_dir() {
        return Err(IpcError::invalid(
            "path",
            "Choose a file name, not a folder",
        ));
    }
    match path.parent() {
        Some(dir) if dir.is_dir() => Ok(path),
        _ => Err(IpcError::invalid(
            "path",
            "The folder to save in does not exist",
        )),
    }
}
