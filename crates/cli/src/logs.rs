//! `jobtrail logs REQUEST_ID`: every log line of one run, from the log files in
//! `<data dir>/logs/`.

use std::path::{Path, PathBuf};

use jobtrail_core::logging;
use jobtrail_core::service::logs::text_line;

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
