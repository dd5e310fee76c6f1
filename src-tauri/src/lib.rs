//! Jobtrail's desktop shell: a thin Tauri layer over `jobtrail-core`.
//!
//! Commands check their arguments, call the core and map its errors to [`IpcError`];
//! everything else lives in the core crate so the CLI and tests share it.

mod commands;
#[cfg(test)]
mod commands_test;
mod error;
mod scheduler;
mod state;

pub use error::{ErrorCode, IpcError};
pub use state::StoreState;

use tauri::Runtime;

/// Adds the app's state and commands to `builder`, on any runtime (tests pass
/// Tauri's mock builder).
pub fn configure<R: Runtime>(builder: tauri::Builder<R>, store: StoreState) -> tauri::Builder<R> {
    builder
        .manage(store)
        .invoke_handler(tauri::generate_handler![
            commands::app_info,
            commands::applications::list_applications,
            commands::applications::add_application,
            commands::applications::set_application_status,
            commands::applications::delete_application,
            commands::applications::application_timeline,
            commands::inbox::list_emails,
            commands::inbox::get_email,
            commands::inbox::import_emails,
            commands::inbox::analyze_email,
            commands::inbox::list_review_items,
            commands::inbox::accept_review_item,
            commands::inbox::reject_review_item,
            commands::agents::run_job_match,
            commands::agents::list_follow_ups_due,
            commands::agents::run_follow_up,
            commands::agents::get_profile,
            commands::agents::save_profile,
            commands::agents::get_settings,
            commands::agents::set_provider_settings,
            commands::agents::set_agent_config,
            commands::explain::get_explanation,
            commands::explain::export_explanation,
            commands::explain::relabel_email,
            commands::explain::get_calibration,
        ])
}

/// Starts the desktop app.
pub fn run() {
    use jobtrail_core::logging::{self, LogTarget};
    // The event loop ends the process itself: the guard is dropped (flushing the log
    // file) on `RunEvent::Exit`.
    let mut logs = Some(logging::init(
        LogTarget::App,
        logging::default_log_dir().ok(),
    ));
    let builder = tauri::Builder::default()
        .plugin(tauri_plugin_dialog::init())
        .setup(|app| {
            scheduler::start(app.handle().clone());
            Ok(())
        });
    match configure(builder, StoreState::open_default()).build(tauri::generate_context!()) {
        Ok(app) => app.run(move |_, event| {
            if let tauri::RunEvent::Exit = event {
                drop(logs.take());
            }
        }),
        Err(e) => {
            tracing::error!(error = %e, "the desktop app could not start");
            drop(logs.take());
            eprintln!("jobtrail: the desktop app could not start: {e}");
            std::process::exit(1);
        }
    }
}
