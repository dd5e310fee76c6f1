//! Evaluation on labelled mail (the Evaluate view): the same as `jobtrail eval
//! email-analyst`, with progress as `eval-progress` events.

use jobtrail_core::service::eval::{self, EvalReport, EvalRequest};
use jobtrail_core::service::runs;
use tauri::State;

use crate::args::Arg;
use crate::error::IpcError;
use crate::events::{EvalProgressed, EventSink};
use crate::state::StoreState;
use crate::tray::Tray;
use crate::watch::Watch;

/// Runs EmailAnalyst over a labelled set (a folder of `.eml` files by category, or the
/// person's corrections) per engine or model; a dry run whose runs are recorded,
/// priced and tagged as an evaluation.
#[tauri::command]
#[specta::specta]
#[tracing::instrument(skip(state, events, tray, watch), err(Debug))]
pub async fn run_evaluation(
    state: State<'_, StoreState>,
    events: State<'_, EventSink>,
    tray: State<'_, Tray>,
    watch: State<'_, Watch>,
    request: Arg<EvalRequest>,
) -> Result<EvalReport, IpcError> {
    let request = request.get("request")?;
    if tray.paused() {
        return Err(runs::Error::Paused.into());
    }
    let store = state.mutex()?;
    let progress = |p: eval::EvalProgress| events.emit(EvalProgressed { progress: p });
    let report = eval::evaluate(store, state.failsafe(), &request, &progress).await;
    // Its runs were priced: budgets, alerts and the tray gauge look again.
    watch.poke();
    Ok(report?)
}
