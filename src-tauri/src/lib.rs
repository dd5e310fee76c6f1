//! Jobtrail's desktop shell: a thin Tauri layer over `jobtrail-core`.
//!
//! Commands check their arguments, call the core and map its errors to [`IpcError`];
//! everything else lives in the core crate so the CLI and tests share it.

mod args;
mod commands;
#[cfg(test)]
mod commands_test;
mod environment;
mod error;
pub mod events;
#[cfg(test)]
mod hostile_ipc_test;
pub mod mail_sync;
#[cfg(test)]
mod mail_sync_test;
mod rendering;
mod runs;
mod scheduler;
#[cfg(test)]
mod security_test;
mod state;
pub mod tray;
mod watch;

pub use error::{ErrorCode, IpcError};
pub use state::StoreState;

use tauri::{Runtime, generate_handler};
use tauri_specta::{collect_commands, collect_events};

/// Calls `$with![…]` on every command the UI may use: one list for the app's invoke
/// handler ([`tauri::generate_handler`]) and the TypeScript bindings
/// ([`tauri_specta::collect_commands`]).
macro_rules! app_commands {
    ($with:ident) => {
        $with![
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
            commands::settings::get_settings,
            commands::settings::set_provider_settings,
            commands::settings::set_agent_config,
            commands::settings::set_monitoring_config,
            commands::settings::set_alert_thresholds,
            commands::settings::set_notification_settings,
            commands::settings::set_display_settings,
            commands::explain::get_explanation,
            commands::explain::export_explanation,
            commands::explain::relabel_email,
            commands::explain::get_calibration,
            commands::monitoring::get_performance_summary,
            commands::monitoring::get_dashboard,
            commands::monitoring::get_agent_performance,
            commands::monitoring::get_raw_metrics,
            commands::monitoring::get_performance_alerts,
            commands::monitoring::list_alert_history,
            commands::monitoring::get_monitoring_health,
            commands::monitoring::export_metrics,
            commands::costs::get_costs_by_agent,
            commands::costs::get_agent_costs,
            commands::costs::get_total_costs,
            commands::costs::get_budget_status,
            commands::costs::get_optimization_tips,
            commands::costs::set_budget,
            commands::costs::set_budgets,
            commands::costs::export_costs,
            commands::costs::list_prices,
            commands::costs::set_price,
            commands::costs::remove_price,
            commands::failsafe::get_failsafe_status,
            commands::failsafe::reset_circuit,
            commands::failsafe::set_failsafe_config,
            commands::failsafe::get_error_stats,
            commands::failsafe::list_errors,
            commands::failsafe::export_errors,
            commands::logs::get_execution_logs,
            commands::keychain::get_key_status,
            commands::keychain::set_api_key,
            commands::keychain::remove_api_key,
            commands::mail::list_mail_accounts,
            commands::mail::test_mail_account,
            commands::mail::add_mail_account,
            commands::mail::update_mail_account,
            commands::mail::remove_mail_account,
            commands::mail::set_mail_account_enabled,
            commands::mail::get_mail_settings,
            commands::mail::set_mail_settings,
            commands::mail::sync_mail_now,
            commands::mail::get_mail_sync_status,
            commands::eval::run_evaluation,
            commands::get_tray_state,
            commands::set_agents_paused,
            commands::telemetry::get_telemetry_status,
            commands::telemetry::set_telemetry_settings,
            commands::telemetry::send_test_span,
        ]
    };
}

/// The events the app emits (`mount_events` must know them before the first emit).
macro_rules! app_events {
    () => {
        collect_events![
            events::ExecutionFinished,
            events::CircuitChanged,
            events::ImportProgress,
            events::EvalProgressed,
            watch::NoticeShown,
            watch::AlertsChanged,
            tray::TrayChanged,
            mail_sync::MailSyncStarted,
            mail_sync::MailSyncProgress,
            mail_sync::MailSyncFinished,
        ]
    };
}

/// Every command and event the UI may use, with their types: the source of the
/// TypeScript bindings (`ui/src/bindings.ts`). Building it walks the types of every
/// command, so the running app does not: it registers its handler and events directly
/// ([`configure`]).
pub fn specta_builder<R: Runtime>() -> tauri_specta::Builder<R> {
    tauri_specta::Builder::<R>::new()
        .error_handling(tauri_specta::ErrorHandlingMode::Throw)
        .commands(app_commands!(collect_commands))
        .events(app_events!())
        // The agents and the limits of their settings, so the UI copies none of them.
        .constant(
            "AGENT_NAMES",
            jobtrail_core::agent::config::AGENTS
                .iter()
                .map(|(name, _)| *name)
                .collect::<Vec<_>>(),
        )
        .constant("AGENT_LIMITS", agent_limits())
        // Timestamps (ms) and counts stay far below 2^53.
        .dangerously_cast_bigints_to_number()
        // One type per Rust type: what the UI reads and what it sends differ only in
        // optional fields.
        .disable_serde_phases()
}

/// The ranges `set_agent_config` accepts, as the settings form shows them.
fn agent_limits() -> serde_json::Value {
    use jobtrail_core::agent::config::{MAX_MODEL_CHARS, MAX_TOKENS, TEMPERATURE};
    serde_json::json!({
        "temperature": { "min": TEMPERATURE.start(), "max": TEMPERATURE.end() },
        "maxTokens": { "min": MAX_TOKENS.start(), "max": MAX_TOKENS.end() },
        "modelChars": MAX_MODEL_CHARS,
    })
}

/// The TypeScript exporter the bindings are written with.
pub fn typescript() -> specta_typescript::Typescript {
    specta_typescript::Typescript::default()
        .header("// Generated from the Rust types by `make bindings`: do not edit by hand.\n")
}

/// Adds the app's state, commands and events to `builder`, on any runtime (tests pass
/// Tauri's mock builder); `setup` runs once the app exists (the real app starts its
/// background tasks there).
pub fn configure<R: Runtime>(
    builder: tauri::Builder<R>,
    store: StoreState,
    setup: impl FnOnce(&tauri::AppHandle<R>) + Send + 'static,
) -> tauri::Builder<R> {
    // Only the events' types: enough for `mount_events`, far less than every command's.
    let events = tauri_specta::Builder::<R>::new().events(app_events!());
    builder
        .manage(commands::telemetry::AppTelemetry::for_store(&store))
        .manage(store)
        .manage(events::EventSink::default())
        .manage(tray::Tray::default())
        .manage(watch::Watch::default())
        .manage(mail_sync::MailSync::default())
        .invoke_handler(app_commands!(generate_handler))
        .setup(move |app| {
            events.mount_events(app);
            tauri::Manager::state::<events::EventSink>(app).connect(app.handle().clone());
            events::forward_circuits(app.handle());
            setup(app.handle());
            Ok(())
        })
}

/// Starts the desktop app.
pub fn run() {
    use jobtrail_core::logging::{self, LogTarget};
    // First, before any thread or log file: WebKit's memory settings are read from the
    // environment, so the app starts itself again with them (see `environment`).
    let not_tuned =
        environment::start_tuned(|| rendering::gpu_acceleration(&StoreState::open_default()));
    // The event loop ends the process itself: the guard is dropped (flushing the log
    // file) on `RunEvent::Exit`.
    let mut logs = Some(logging::init(
        LogTarget::App,
        logging::default_log_dir().ok(),
    ));
    if let Some(e) = not_tuned {
        tracing::warn!(error = %e, "could not start again with WebKit's memory settings; running with its defaults");
    }
    let builder = tauri::Builder::default()
        // First: a second launch focuses this one's window and exits.
        .plugin(tauri_plugin_single_instance::init(|app, _args, _cwd| {
            tray::show_window(app);
        }))
        .plugin(tauri_plugin_window_state::Builder::default().build())
        .plugin(tauri_plugin_dialog::init())
        .on_window_event(|window, event| {
            // Closing the window keeps the app in the tray (budget gauge, notices);
            // Quit is in the tray menu.
            if let tauri::WindowEvent::CloseRequested { api, .. } = event
                && tauri::Manager::app_handle(window)
                    .tray_by_id("main")
                    .is_some()
            {
                api.prevent_close();
                let _ = window.hide();
            }
        });
    let store = StoreState::open_default();
    let gpu = rendering::gpu_acceleration(&store);
    let app = configure(builder, store, move |app| {
        if let Err(e) = rendering::create_main_window(app, gpu) {
            tracing::error!(error = %e, "the window could not be created");
            eprintln!("jobtrail: the window could not be created: {e}");
            app.exit(1);
            return;
        }
        if let Err(e) = tray::create(app) {
            tracing::warn!(error = %e, "no system tray; closing the window quits");
        }
        tauri::Manager::state::<commands::telemetry::AppTelemetry>(app).install();
        watch::start(app.clone());
        scheduler::start(app.clone());
        mail_sync::start(app.clone());
    });
    match app.build(tauri::generate_context!()) {
        Ok(app) => app.run(move |app, event| {
            if let tauri::RunEvent::Exit = event {
                // Spans of the last runs, if the backend answers within 2 s.
                tauri::Manager::state::<commands::telemetry::AppTelemetry>(app)
                    .flush(std::time::Duration::from_secs(2));
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

#[cfg(test)]
mod bindings {
    /// The committed bindings the UI imports.
    const COMMITTED: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../ui/src/bindings.ts");

    /// Fails when a command, argument, result, error or event type changed without the
    /// bindings being regenerated; `JOBTRAIL_WRITE_BINDINGS=1` (`make bindings`)
    /// rewrites them instead.
    #[test]
    fn typescript_bindings_match_the_rust_types() {
        let dir = tempfile::tempdir().expect("temp dir");
        let fresh_path = dir.path().join("bindings.ts");
        crate::specta_builder::<tauri::test::MockRuntime>()
            .export(crate::typescript(), &fresh_path)
            .expect("the bindings export");
        let fresh = std::fs::read_to_string(&fresh_path).expect("exported file");
        if std::env::var_os("JOBTRAIL_WRITE_BINDINGS").is_some() {
            std::fs::write(COMMITTED, &fresh).expect("write ui/src/bindings.ts");
            return;
        }
        let committed = std::fs::read_to_string(COMMITTED).unwrap_or_default();
        assert!(
            committed == fresh,
            "ui/src/bindings.ts is stale: run `make bindings` and commit the result"
        );
    }
}
