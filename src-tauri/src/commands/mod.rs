//! Tauri commands: validate, call the core, map the error.

pub mod agents;
pub mod applications;
pub mod costs;
pub mod eval;
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

use jobtrail_core::service::runs::Runner;
use serde::Serialize;
use tauri::State;

use crate::error::IpcError;
use crate::runs::AppRunHooks;
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

/// Starts runs on the app's store and failsafe, telling `hooks`.
fn runner<'a>(state: &'a StoreState, hooks: &'a AppRunHooks<'_>) -> Result<Runner<'a>, IpcError> {
    Ok(Runner::new(state.mutex()?, state.failsafe(), hooks))
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
