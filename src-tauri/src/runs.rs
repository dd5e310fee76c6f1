//! What an agent run tells the app and asks of it, wherever it starts (a command, a
//! mail sync pass): the tray's pause switch, and where a stored run is announced.

use jobtrail_core::agent::ExecutionRecord;
use jobtrail_core::service::runs::RunHooks;

use crate::events::{EventSink, ExecutionFinished};
use crate::tray::Tray;
use crate::watch::Watch;

/// The app's side of a run: none starts while the tray's pause switch is on; each
/// stored run goes to the UI (`execution-finished`) and to the watcher (budgets,
/// alerts, tray).
#[derive(Clone, Copy)]
pub struct AppRunHooks<'a> {
    events: &'a EventSink,
    watch: &'a Watch,
    tray: &'a Tray,
}

impl<'a> AppRunHooks<'a> {
    /// From the app's managed state.
    pub fn of(events: &'a EventSink, watch: &'a Watch, tray: &'a Tray) -> Self {
        Self {
            events,
            watch,
            tray,
        }
    }
}

impl RunHooks for AppRunHooks<'_> {
    fn paused(&self) -> bool {
        self.tray.paused()
    }

    fn finished(&self, execution: &ExecutionRecord) {
        self.events.emit(ExecutionFinished {
            execution: execution.clone(),
        });
        self.watch.poke();
    }
}
