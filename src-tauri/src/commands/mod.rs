//! Tauri commands: validate, call the core, map the error.

pub mod agents;
pub mod applications;
pub mod explain;
pub mod inbox;

use serde::Serialize;
use tauri::State;

use crate::error::IpcError;
use crate::state::StoreState;

/// Facts about this installation the UI shows in its footer and about box.
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct AppInfo {
    version: &'static str,
    data_dir: Option<String>,
    database: Option<String>,
    store_error: Option<IpcError>,
}

#[tauri::command]
pub async fn app_info(state: State<'_, StoreState>) -> Result<AppInfo, IpcError> {
    let database = state.with(|s| Ok(s.path().display().to_string()));
    Ok(AppInfo {
        version: env!("CARGO_PKG_VERSION"),
        data_dir: state.data_dir().map(|d| d.display().to_string()),
        database: database.as_ref().ok().cloned(),
        store_error: database.err(),
    })
}
