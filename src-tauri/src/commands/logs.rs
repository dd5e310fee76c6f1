//! The log lines of one run, found by its request id (shown under the run's
//! explanation and in an agent's detail).

use jobtrail_core::logging;
use serde::Serialize;
use tauri::State;

use crate::error::IpcError;
use crate::state::StoreState;

/// Most lines returned for one run: a run logs tens, not thousands.
const MAX_LINES: usize = 500;

/// One field of a log line beyond its time, level, target and message.
#[derive(Debug, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct LogField {
    name: String,
    value: String,
}

/// One logged line of a run.
#[derive(Debug, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct LogLine {
    /// RFC 3339, UTC.
    timestamp: String,
    /// `ERROR` … `TRACE`.
    level: String,
    /// The module that logged it.
    target: String,
    message: String,
    /// The rest, in the order logged (nested values as JSON).
    fields: Vec<LogField>,
}

fn line(value: serde_json::Value) -> LogLine {
    let serde_json::Value::Object(map) = value else {
        return LogLine {
            timestamp: String::new(),
            level: String::new(),
            target: String::new(),
            message: value.to_string(),
            fields: Vec::new(),
        };
    };
    let text = |v: &serde_json::Value| match v {
        serde_json::Value::String(s) => s.clone(),
        other => other.to_string(),
    };
    let mut out = LogLine {
        timestamp: String::new(),
        level: String::new(),
        target: String::new(),
        message: String::new(),
        fields: Vec::new(),
    };
    for (name, v) in map {
        match name.as_str() {
            "timestamp" => out.timestamp = text(&v),
            "level" => out.level = text(&v),
            "target" => out.target = text(&v),
            "message" => out.message = text(&v),
            _ => out.fields.push(LogField {
                name,
                value: text(&v),
            }),
        }
    }
    out
}

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
    Ok(found.into_iter().take(MAX_LINES).map(line).collect())
}
