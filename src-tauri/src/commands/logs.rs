//! The log lines of one run, found by its request id (shown under the run's
//! explanation and in an agent's detail).

use jobtrail_core::logging;
use jobtrail_core::service::logs::LogLine;
use tauri::State;

use crate::error::IpcError;
use crate::state::StoreState;

/// Most lines returned for one run: a run logs tens, not thousands.
const MAX_LINES: usize = 500;

/// Every log line of the run with `request_id`, oldest first (at most 500).
#[tauri::command]
#[specta::specta]
#[tracing::instrument(skip(state), err(Debug))]
pub async fn get_execution_logs(
    state: State<'_, StoreState>,
    request_id: String,
) -> Result<Vec<LogLine>, IpcError> {
    let id = request_id.trim().to_owned();
    if id.is_empty()
        || id.len() > 64
        || !id
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
    {
        return Err(IpcError::invalid(
            "requestId",
            "A request id is up to 64 letters, digits, - and _",
        ));
    }
    let Some(dir) = state.data_dir().map(|d| logging::log_dir(d)) else {
        return Ok(Vec::new());
    };
    let found =
        tauri::async_runtime::spawn_blocking(move || logging::find_by_request_id(&dir, &id))
            .await
            .map_err(|e| IpcError::internal(format!("the log search failed: {e}")))?
            .map_err(|e| IpcError::internal(format!("the logs cannot be read: {e}")))?;
    Ok(found
        .into_iter()
        .take(MAX_LINES)
        .map(LogLine::from)
        .collect())
}
