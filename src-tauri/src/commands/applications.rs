//! Commands over job applications.

use jobtrail_core::tracker::{
    self, Application, ApplicationDraft, NewApplication, Origin, Status, StatusChange,
};
use tauri::State;

use crate::args::Arg;
use crate::error::IpcError;
use crate::state::StoreState;

#[tauri::command]
#[specta::specta]
#[tracing::instrument(skip(state), err(Debug))]
pub async fn list_applications(state: State<'_, StoreState>) -> Result<Vec<Application>, IpcError> {
    state.with(|s| Ok(tracker::applications::list(s)?))
}

#[tauri::command]
#[specta::specta]
#[tracing::instrument(skip_all, err(Debug))]
pub async fn add_application(
    state: State<'_, StoreState>,
    draft: Arg<ApplicationDraft>,
) -> Result<Application, IpcError> {
    let draft = draft.get("draft")?;
    let new = NewApplication::try_from(draft)?;
    state.with(|s| Ok(tracker::applications::add(s, &new, Origin::User)?))
}

#[tauri::command]
#[specta::specta]
#[tracing::instrument(skip(state, note), err(Debug))]
pub async fn set_application_status(
    state: State<'_, StoreState>,
    id: i64,
    status: Arg<Status>,
    note: Option<String>,
) -> Result<Application, IpcError> {
    let status = status.get("status")?;
    state.with(|s| {
        Ok(tracker::applications::set_status(
            s,
            id,
            status,
            Origin::User,
            note.as_deref(),
        )?)
    })
}

#[tauri::command]
#[specta::specta]
#[tracing::instrument(skip(state), err(Debug))]
pub async fn delete_application(state: State<'_, StoreState>, id: i64) -> Result<(), IpcError> {
    state.with(|s| Ok(tracker::applications::delete(s, id)?))
}

#[tauri::command]
#[specta::specta]
#[tracing::instrument(skip(state), err(Debug))]
pub async fn application_timeline(
    state: State<'_, StoreState>,
    id: i64,
) -> Result<Vec<StatusChange>, IpcError> {
    state.with(|s| Ok(tracker::applications::timeline(s, id)?))
}
