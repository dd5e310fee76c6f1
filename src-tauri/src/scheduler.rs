//! Background upkeep while the app runs: every few minutes, fold new runs into the
//! rollups, prune records past the retention and re-check alerts. A failure is
//! logged and recorded for the health report; the next pass tries again.

use std::time::Duration;

use jobtrail_core::monitor::maintenance;
use tauri::{AppHandle, Manager, Runtime};

use crate::state::StoreState;

/// Time between passes.
const EVERY: Duration = Duration::from_secs(5 * 60);

/// Wait before the first pass: the window's first queries go first.
const FIRST_AFTER: Duration = Duration::from_secs(20);

/// Starts the upkeep loop; the first pass runs shortly after start.
pub fn start<R: Runtime>(app: AppHandle<R>) {
    tauri::async_runtime::spawn(async move {
        let mut tick = tokio::time::interval_at(tokio::time::Instant::now() + FIRST_AFTER, EVERY);
        tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        loop {
            tick.tick().await;
            let app_for_watch = app.clone();
            let app = app.clone();
            let pass = tauri::async_runtime::spawn_blocking(move || {
                let state = app.state::<StoreState>();
                // No store: the window already says why; nothing to keep up.
                let store = state.mutex().ok()?;
                Some(maintenance::run_maintenance_shared(store))
            })
            .await;
            // Alerts may have opened or closed: notices and the tray follow.
            app_for_watch.state::<crate::watch::Watch>().poke();
            match pass {
                Ok(Some(Ok(report))) if report.failures.is_empty() => {
                    tracing::debug!(?report, "upkeep done");
                }
                Ok(Some(Ok(report))) => {
                    tracing::warn!(failures = ?report.failures, "upkeep had failures")
                }
                Ok(Some(Err(e))) => tracing::warn!(error = %e, "upkeep failed"),
                Ok(None) => tracing::debug!("upkeep skipped: no store"),
                Err(e) => tracing::error!(error = %e, "upkeep task stopped unexpectedly"),
            }
        }
    });
}
