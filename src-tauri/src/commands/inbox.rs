//! Commands over imported email and the review queue.

use std::path::PathBuf;

use jobtrail_core::agent::RunReport;
use jobtrail_core::agent::email_analyst::EmailAnalysis;
use jobtrail_core::tracker::review::{self, Applied, ReviewItem};
use jobtrail_core::tracker::{emails, import};
use serde::Serialize;
use tauri::State;

use crate::error::{ErrorCode, IpcError};
use crate::events::EventSink;
use crate::runs::AppRunHooks;
use crate::state::StoreState;
use crate::tray::Tray;
use crate::watch::Watch;

/// Most emails listed at once.
const LIST_LIMIT: usize = 500;
/// Most files in one import.
const MAX_FILES: usize = 1000;

#[tauri::command]
#[specta::specta]
#[tracing::instrument(skip(state), err(Debug))]
pub async fn list_emails(
    state: State<'_, StoreState>,
) -> Result<Vec<emails::EmailSummary>, IpcError> {
    state.with(|s| Ok(emails::list(s, LIST_LIMIT)?))
}

#[tauri::command]
#[specta::specta]
#[tracing::instrument(skip(state), err(Debug))]
pub async fn get_email(state: State<'_, StoreState>, id: i64) -> Result<emails::Email, IpcError> {
    state.with(|s| Ok(emails::get(s, id)?))
}

/// Imports the files off the async runtime (a large mailbox takes seconds) and
/// reports progress as `import-progress` events.
#[tauri::command]
#[specta::specta]
#[tracing::instrument(skip_all, fields(files = paths.len()), err(Debug))]
pub async fn import_emails(
    state: State<'_, StoreState>,
    events: State<'_, EventSink>,
    paths: Vec<String>,
) -> Result<import::ImportReport, IpcError> {
    if paths.is_empty() {
        return Err(IpcError::invalid("paths", "choose at least one file"));
    }
    if paths.len() > MAX_FILES {
        return Err(IpcError::invalid(
            "paths",
            format!("import at most {MAX_FILES} files at once"),
        ));
    }
    let paths: Vec<PathBuf> = paths.into_iter().map(PathBuf::from).collect();
    let state = state.inner().clone();
    let events = events.inner().clone();
    tauri::async_runtime::spawn_blocking(move || {
        state.with(|s| {
            Ok(import::import_files(s, &paths, &mut |p| {
                // The UI may be gone (window closed); the import goes on.
                events.emit(crate::events::ImportProgress { progress: p });
            })?)
        })
    })
    .await
    .map_err(|e| IpcError::new(ErrorCode::Internal, format!("the import stopped: {e}")))?
}

/// An analysis run and what it changed, as the Inbox shows it.
#[derive(Debug, Serialize, specta::Type)]
pub struct AnalyzeResult {
    #[serde(flatten)]
    run: RunReport<EmailAnalysis>,
    #[serde(flatten)]
    applied: Applied,
}

#[tauri::command]
#[specta::specta]
#[tracing::instrument(skip(events, watch, tray, state), err(Debug))]
pub async fn analyze_email(
    events: State<'_, EventSink>,
    watch: State<'_, Watch>,
    tray: State<'_, Tray>,
    state: State<'_, StoreState>,
    id: i64,
) -> Result<AnalyzeResult, IpcError> {
    let hooks = AppRunHooks::of(&events, &watch, &tray);
    let done = super::runner(&state, &hooks)?.analyze_email(id).await?;
    Ok(AnalyzeResult {
        run: done.run.into(),
        applied: done.applied,
    })
}

#[tauri::command]
#[specta::specta]
#[tracing::instrument(skip(state), err(Debug))]
pub async fn list_review_items(
    state: State<'_, StoreState>,
    include_decided: Option<bool>,
) -> Result<Vec<ReviewItem>, IpcError> {
    state.with(|s| Ok(review::list(s, include_decided.unwrap_or(false))?))
}

#[tauri::command]
#[specta::specta]
#[tracing::instrument(skip(state), err(Debug))]
pub async fn accept_review_item(
    state: State<'_, StoreState>,
    id: i64,
) -> Result<ReviewItem, IpcError> {
    state.with(|s| Ok(review::accept(s, id)?))
}

#[tauri::command]
#[specta::specta]
#[tracing::instrument(skip(state), err(Debug))]
pub async fn reject_review_item(
    state: State<'_, StoreState>,
    id: i64,
) -> Result<ReviewItem, IpcError> {
    state.with(|s| Ok(review::reject(s, id)?))
}
