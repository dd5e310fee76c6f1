//! The watcher: after each run, budget change and upkeep pass (and every minute),
//! shows the notices that are due as desktop notifications, tells the UI, and
//! refreshes the tray's budget gauge. Commands only poke it; the work happens here,
//! off the async runtime.

use std::sync::Arc;
use std::time::Duration;

use jobtrail_core::notices::{self, Notice};
use serde::{Deserialize, Serialize};
use tauri::{AppHandle, Manager, Runtime};

use crate::events::EventSink;
use crate::state::StoreState;

/// Wakes the watcher. Managed state.
#[derive(Debug, Clone, Default)]
pub struct Watch(Arc<tokio::sync::Notify>);

impl Watch {
    /// Asks for a check soon (several pokes make one check).
    pub fn poke(&self) {
        self.0.notify_one();
    }
}

/// A notice was shown (`notice-shown`), whether or not a notification server took it.
#[derive(Debug, Clone, Serialize, Deserialize, specta::Type, tauri_specta::Event)]
#[serde(rename_all = "camelCase")]
pub struct NoticeShown {
    /// The notice.
    pub notice: Notice,
    /// Whether the desktop showed it (false: no notification server; the app shows it).
    pub delivered: bool,
}

/// Longest time between checks when nothing pokes.
const EVERY: Duration = Duration::from_secs(60);

/// Starts the watcher for the app's lifetime; the first check runs at once.
pub fn start<R: Runtime>(app: AppHandle<R>) {
    let watch = app.state::<Watch>().inner().clone();
    tauri::async_runtime::spawn(async move {
        loop {
            let worker = app.clone();
            let checked = tauri::async_runtime::spawn_blocking(move || check(&worker)).await;
            if let Err(e) = checked {
                tracing::error!(error = %e, "the notice check stopped unexpectedly");
            }
            // A poke or the minute, whichever comes first.
            let _ = tokio::time::timeout(EVERY, watch.0.notified()).await;
        }
    });
}

fn check<R: Runtime>(app: &AppHandle<R>) {
    let state = app.state::<StoreState>();
    let due = match state.with(|s| Ok(notices::take_due(s)?)) {
        Ok(due) => due,
        // No store: the window already says why.
        Err(e) => {
            tracing::debug!(error = %e.message, "notice check skipped");
            return;
        }
    };
    let events = app.state::<EventSink>();
    for notice in due {
        let delivered = show(&notice);
        events.emit(NoticeShown { notice, delivered });
    }
    crate::tray::refresh(app);
}

/// Shows one desktop notification; without a notification server the app keeps
/// working and says so in the log.
fn show(notice: &Notice) -> bool {
    let mut n = notify_rust::Notification::new();
    n.appname("Jobtrail")
        .summary(&notice.title)
        .body(&notice.body)
        .icon("app.jobtrail.desktop");
    #[cfg(all(unix, not(target_os = "macos")))]
    n.urgency(if notice.urgent {
        notify_rust::Urgency::Critical
    } else {
        notify_rust::Urgency::Normal
    });
    match n.show() {
        Ok(_) => {
            tracing::info!(kind = notice.kind.as_str(), key = %notice.key, "notification shown");
            true
        }
        Err(e) => {
            tracing::warn!(error = %e, kind = notice.kind.as_str(), "no notification server; the notice is shown in the app only");
            false
        }
    }
}
