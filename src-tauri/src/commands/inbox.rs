//! Commands over imported email and the review queue.

use std::path::PathBuf;

use jobtrail_core::agent::AgentRun;
use jobtrail_core::agent::email_analyst::EmailAnalysis;
use jobtrail_core::agent::tasks;
use jobtrail_core::tracker::review::{self, Applied, ReviewItem};
use jobtrail_core::tracker::{emails, import};
use serde::Serialize;
use tauri::{AppHandle, Emitter, Manager, Runtime, State};

use crate::error::{ErrorCode, IpcError};
use crate::state::StoreState;

/// Most emails listed at once.
const LIST_LIMIT: usize = 500;
/// Most files in one import.
const MAX_FILES: usize = 1000;

#[tauri::command]
#[tracing::instrument(skip(state), err(Debug))]
pub async fn list_emails(
    state: State<'_, StoreState>,
) -> Result<Vec<emails::EmailSummary>, IpcError> {
    state.with(|s| Ok(emails::list(s, LIST_LIMIT)?))
}

#[tauri::command]
#[tracing::instrument(skip(state), err(Debug))]
pub async fn get_email(state: State<'_, StoreState>, id: i64) -> Result<emails::Email, IpcError> {
    state.with(|s| Ok(emails::get(s, id)?))
}

/// Imports the files off the async runtime (a large mailbox takes seconds) and
/// reports progress as `import-progress` events.
#[tauri::command]
#[tracing::instrument(skip_all, fields(files = paths.len()), err(Debug))]
pub async fn import_emails<R: Runtime>(
    app: AppHandle<R>,
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
    let worker = app.clone();
    tauri::async_runtime::spawn_blocking(move || {
        let state = worker.state::<StoreState>();
        state.with(|s| {
            Ok(import::import_files(s, &paths, &mut |p| {
                // The UI may be gone (window closed); the import goes on.
                let _ = worker.emit("import-progress", p);
            })?)
        })
    })
    .await
    .map_err(|e| IpcError::new(ErrorCode::Internal, format!("the import stopped: {e}")))?
}

/// An analysis run and what it changed, as the Inbox shows it.
#[derive(Debug, Serialize)]
pub struct AnalyzeResult {
    #[serde(flatten)]
    run: AgentRun<EmailAnalysis>,
    #[serde(flatten)]
    applied: Applied,
}

#[tauri::command]
#[tracing::instrument(skip(state), err(Debug))]
pub async fn analyze_email(
    state: State<'_, StoreState>,
    id: i64,
) -> Result<AnalyzeResult, IpcError> {
    let store = state.mutex()?;
    let runtime = tasks::runtime(store, state.failsafe())?;
    let done = tasks::analyze_email(store, &runtime, id).await?;
    Ok(AnalyzeResult {
        run: done.run,
        applied: done.applied,
    })
}

#[tauri::command]
#[tracing::instrument(skip(state), err(Debug))]
pub async fn list_review_items(
    state: State<'_, StoreState>,
    include_decided: Option<bool>,
) -> Result<Vec<ReviewItem>, IpcError> {
    state.with(|s| Ok(review::list(s, include_decided.unwrap_or(false))?))
}

#[tauri::command]
#[tracing::instrument(skip(state), err(Debug))]
pub async fn accept_review_item(
    state: State<'_, StoreState>,
    id: i64,
) -> Result<ReviewItem, IpcError> {
    state.with(|s| Ok(review::accept(s, id)?))
}

#[tauri::command]
#[tracing::instrument(skip(state), err(Debug))]
pub async fn reject_review_item(
    state: State<'_, StoreState>,
    id: i64,
) -> Result<ReviewItem, IpcError> {
    state.with(|s| Ok(review::reject(s, id)?))
}
