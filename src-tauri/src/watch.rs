//! The watcher: after each run, budget change and upkeep pass (and every minute),
//! shows the notices that are due as desktop notifications, tells the UI (notices,
//! alerts raised and cleared) and refreshes the tray's budget gauge, all from one
//! read of the store. Commands only poke it; the work happens here, off the async
//! runtime.

use std::collections::BTreeSet;
use std::sync::{Arc, Mutex, PoisonError};
use std::time::Duration;

use jobtrail_core::monitor::PerformanceAlert;
use jobtrail_core::notices::{self, Notice};
use serde::{Deserialize, Serialize};
use tauri::{AppHandle, Manager, Runtime};

use crate::events::EventSink;
use crate::state::StoreState;

/// Wakes the watcher, and remembers which alerts it last saw active. Managed state.
#[derive(Debug, Clone, Default)]
pub struct Watch {
    wake: Arc<tokio::sync::Notify>,
    alerts: Arc<Mutex<BTreeSet<i64>>>,
}

impl Watch {
    /// Asks for a check soon (several pokes make one check).
    pub fn poke(&self) {
        self.wake.notify_one();
    }
}

/// Performance alerts were raised or cleared (`alerts-changed`).
#[derive(Debug, Clone, Serialize, Deserialize, specta::Type, tauri_specta::Event)]
#[serde(rename_all = "camelCase")]
pub struct AlertsChanged {
    /// Ids of the alerts raised since the last check.
    pub raised: Vec<i64>,
    /// Ids of the alerts cleared since the last check.
    pub cleared: Vec<i64>,
    /// Every active alert now, newest first.
    pub active: Vec<PerformanceAlert>,
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
            let _ = tokio::time::timeout(EVERY, watch.wake.notified()).await;
        }
    });
}

fn check<R: Runtime>(app: &AppHandle<R>) {
    let state = app.state::<StoreState>();
    let check = match state.with(|s| Ok(notices::check(s)?)) {
        Ok(check) => check,
        // No store: the window already says why.
        Err(e) => {
            tracing::debug!(error = %e.message, "notice check skipped");
            return;
        }
    };
    let events = app.state::<EventSink>();
    for notice in check.due {
        let delivered = show(&notice);
        events.emit(NoticeShown { notice, delivered });
    }
    let active: BTreeSet<i64> = check.active_alerts.iter().map(|a| a.id).collect();
    let seen = app.state::<Watch>();
    let mut last = seen.alerts.lock().unwrap_or_else(PoisonError::into_inner);
    if *last != active {
        events.emit(AlertsChanged {
            raised: active.difference(&last).copied().collect(),
            cleared: last.difference(&active).copied().collect(),
            active: check.active_alerts,
        });
        *last = active;
    }
    drop(last);
    crate::tray::show_status(app, Ok(&check.budget));
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
