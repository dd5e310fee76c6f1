//! Commands over run explanations.

use jobtrail_core::agent::email_analyst::EmailCategory;
use jobtrail_core::explain::feedback::{self, Calibration};
use jobtrail_core::explain::format::{ExplanationFormat, format};
use jobtrail_core::explain::{self, Explanation};
use jobtrail_core::tracker::emails::{self, EmailSummary};
use serde::Serialize;
use tauri::State;

use crate::args::Arg;
use crate::error::IpcError;
use crate::state::StoreState;

/// An explanation and its one-paragraph summary.
#[derive(Debug, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct ExplanationView {
    explanation: Explanation,
    summary: String,
}

#[tauri::command]
#[specta::specta]
#[tracing::instrument(skip(state), err(Debug))]
pub async fn get_explanation(
    state: State<'_, StoreState>,
    execution_id: i64,
) -> Result<ExplanationView, IpcError> {
    let explanation = state.with(|s| Ok(explain::get(s, execution_id)?))?;
    Ok(ExplanationView {
        summary: explanation.summary(),
        explanation,
    })
}

/// Writes the explanation to `path` (chosen in the save dialog) in `format`.
#[tauri::command]
#[specta::specta]
#[tracing::instrument(skip(state), err(Debug))]
pub async fn export_explanation(
    state: State<'_, StoreState>,
    execution_id: i64,
    format: Arg<ExplanationFormat>,
    path: String,
) -> Result<String, IpcError> {
    let format = format.get("format")?;
    let path = super::export_path(&path)?;
    let explanation = state.with(|s| Ok(explain::get(s, execution_id)?))?;
    std::fs::write(&path, self::format(&explanation, format))
        .map_err(|e| IpcError::invalid("path", format!("cannot write {}: {e}", path.display())))?;
    Ok(path.display().to_string())
}

/// Corrects an email's category; the analysis run that got it wrong is corrected.
#[tauri::command]
#[specta::specta]
#[tracing::instrument(skip(state), err(Debug))]
pub async fn relabel_email(
    state: State<'_, StoreState>,
    id: i64,
    category: Arg<EmailCategory>,
) -> Result<EmailSummary, IpcError> {
    let category = category.get("category")?;
    state.with(|s| Ok(emails::relabel(s, id, category)?.summary))
}

/// Per agent: the share of decisions corrected and the calibration by confidence band.
#[tauri::command]
#[specta::specta]
#[tracing::instrument(skip(state), err(Debug))]
pub async fn get_calibration(state: State<'_, StoreState>) -> Result<Vec<Calibration>, IpcError> {
    state.with(|s| Ok(feedback::calibration(s, None)?))
}
