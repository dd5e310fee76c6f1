//! `jobtrail logs REQUEST_ID`: every log line of one run, from the log files in
//! `<data dir>/logs/`.

use std::path::{Path, PathBuf};

use jobtrail_core::logging;
use serde_json::Value;

use crate::output::{CliError, Output};

/// The log directory: `<--data-dir>/logs`, else the default data directory's.
pub fn dir(data_dir: Option<&Path>) -> Result<PathBuf, CliError> {
    match data_dir {
        Some(d) => Ok(logging::log_dir(d)),
        None => Ok(logging::default_log_dir()?),
    }
}

/// Prints the lines logged with `request_id`, oldest first: text lines, or with
/// `--json` an array of the JSON lines as written.
pub fn run(data_dir: Option<&Path>, request_id: &str, out: &Output) -> Result<(), CliError> {
    let id = request_id.trim();
    if id.is_empty() {
        return Err(CliError::Usage(
            "give a request id (a run's `execution.requestId`)".into(),
        ));
    }
    let dir = dir(data_dir)?;
    let lines = logging::find_by_request_id(&dir, id).map_err(|e| {
        CliError::Internal(format!("cannot read the logs in {}: {e}", dir.display()))
    })?;
    out.print(&lines, || {
        if lines.is_empty() {
            format!(
                "No log lines with request id {id} in {} (files are kept {} days).",
                dir.display(),
                logging::MAX_LOG_FILES
            )
        } else {
            lines.iter().map(text_line).collect::<Vec<_>>().join("\n")
        }
    })
}

/// `timestamp level target message key=value…`.
fn text_line(line: &Value) -> String {
    let s = |k: &str| line.get(k).and_then(Value::as_str).unwrap_or("");
    let mut text = format!(
        "{} {:<5} {} {}",
        s("timestamp"),
        s("level"),
        s("target"),
        s("message")
    );
    if let Some(fields) = line.as_object() {
        for (k, v) in fields {
            if matches!(
                k.as_str(),
                "timestamp" | "level" | "target" | "message" | "spans"
            ) {
                continue;
            }
            text.push(' ');
            text.push_str(k);
            text.push('=');
            text.push_str(&value_text(v));
        }
    }
    text
}

/// Plain strings as they are; strings with spaces, quotes or `=`, and other values,
/// as JSON.
fn value_text(v: &Value) -> String {
    match v {
        Value::String(s)
            if !s.is_empty()
                && !s.contains(|c: char| c.is_whitespace() || c == '"' || c == '=') =>
        {
            s.clone()
        }
        other => other.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_line_as_text() {
        let line = serde_json::json!({
            "timestamp": "2026-11-27T10:00:00.000001Z",
            "level": "INFO",
            "target": "jobtrail_core::ledger::execution",
            "message": "execution recorded",
            "request_id": "req-1",
            "execution_id": 7,
            "cost": "$0.01",
            "note": "two words",
            "spans": ["agent_run"]
        });
        assert_eq!(
            text_line(&line),
            "2026-11-27T10:00:00.000001Z INFO  jobtrail_core::ledger::execution execution recorded \
             cost=$0.01 execution_id=7 note=\"two words\" request_id=req-1"
        );
    }
}
