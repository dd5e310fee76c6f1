//! Commands that run agents, and the profile they use.

use jobtrail_core::agent::RunReport;
use jobtrail_core::agent::follow_up::FollowUpDraft;
use jobtrail_core::agent::job_match::JobMatchResult;
use jobtrail_core::tracker::follow_ups::{self, FollowUpDue};
use jobtrail_core::tracker::profile::{self, Profile, ProfileDraft};
use tauri::State;

use crate::args::Arg;
use crate::error::IpcError;
use crate::events::EventSink;
use crate::runs::AppRunHooks;
use crate::state::StoreState;
use crate::tray::Tray;
use crate::watch::Watch;

/// A JobMatch run (a named type: the bindings cannot name a generic result).
#[derive(Debug, serde::Serialize, specta::Type)]
pub struct JobMatchRun {
    #[serde(flatten)]
    run: RunReport<JobMatchResult>,
}

/// A FollowUp run.
#[derive(Debug, serde::Serialize, specta::Type)]
pub struct FollowUpRun {
    #[serde(flatten)]
    run: RunReport<FollowUpDraft>,
}

#[tauri::command]
#[specta::specta]
#[tracing::instrument(skip_all, err(Debug))]
pub async fn run_job_match(
    events: State<'_, EventSink>,
    watch: State<'_, Watch>,
    tray: State<'_, Tray>,
    state: State<'_, StoreState>,
    post: String,
) -> Result<JobMatchRun, IpcError> {
    let hooks = AppRunHooks::of(&events, &watch, &tray);
    let run = super::runner(&state, &hooks)?.job_match(&post).await?;
    Ok(JobMatchRun { run: run.into() })
}

#[tauri::command]
#[specta::specta]
#[tracing::instrument(skip(state), err(Debug))]
pub async fn list_follow_ups_due(
    state: State<'_, StoreState>,
    days: i64,
) -> Result<Vec<FollowUpDue>, IpcError> {
    state.with(|s| Ok(follow_ups::due(s, days)?))
}

#[tauri::command]
#[specta::specta]
#[tracing::instrument(skip(events, watch, tray, state), err(Debug))]
pub async fn run_follow_up(
    events: State<'_, EventSink>,
    watch: State<'_, Watch>,
    tray: State<'_, Tray>,
    state: State<'_, StoreState>,
    application_id: i64,
) -> Result<FollowUpRun, IpcError> {
    let hooks = AppRunHooks::of(&events, &watch, &tray);
    let run = super::runner(&state, &hooks)?
        .follow_up(application_id)
        .await?;
    Ok(FollowUpRun { run: run.into() })
}

#[tauri::command]
#[specta::specta]
#[tracing::instrument(skip(state), err(Debug))]
pub async fn get_profile(state: State<'_, StoreState>) -> Result<Profile, IpcError> {
    state.with(|s| Ok(profile::get(s)?))
}

#[tauri::command]
#[specta::specta]
#[tracing::instrument(skip_all, err(Debug))]
pub async fn save_profile(
    state: State<'_, StoreState>,
    draft: Arg<ProfileDraft>,
) -> Result<Profile, IpcError> {
    let draft = draft.get("draft")?;
    state.with(|s| Ok(profile::save(s, draft)?))
}
