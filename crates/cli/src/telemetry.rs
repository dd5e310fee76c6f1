//! `jobtrail telemetry …`: send stored runs to an OpenTelemetry backend, send a test
//! span, show what is in effect. And for every other command: export its runs while
//! it works, and flush them (a few seconds at most) before the process exits.

use std::path::Path;
use std::sync::Arc;
use std::time::Duration;

use clap::Subcommand;
use jobtrail_core::Store;
use jobtrail_core::clock::to_rfc3339;
use jobtrail_core::telemetry::{self, BackfillError, Telemetry};

use crate::output::{CliError, Output};

/// How long the CLI waits for its spans to be sent before it exits.
const FLUSH_LIMIT: Duration = Duration::from_secs(3);

#[derive(Debug, Subcommand)]
pub enum TelemetryCommand {
    /// Send the stored runs of a period (their real times; safe to repeat: the
    /// backend gets the same span ids again).
    Export {
        /// 7d, 24h or a date (2026-12-01, from midnight UTC).
        #[arg(long)]
        since: String,
    },
    /// Send one test span and print the backend's answer.
    Test,
    /// Where runs go, what decided it, and the installation id.
    Status,
}

/// The process's telemetry for the command about to run: none when export is not
/// configured, or cannot start (the command goes on, without export).
pub fn install(store: &mut Store) -> Option<Arc<Telemetry>> {
    // Not configured: nothing to start, nothing written (the store may be read-only).
    if !Telemetry::configured(store) {
        return None;
    }
    match Telemetry::start(store) {
        Ok(t) => Some(telemetry::set_global(t)),
        Err(e) => {
            tracing::warn!(error = %e, "telemetry could not start; runs are not exported");
            None
        }
    }
}

/// Sends what the command's runs queued, within [`FLUSH_LIMIT`]; failures go to the
/// error log.
pub fn finish(t: &Telemetry, data_dir: Option<&Path>) {
    if !t.enabled() {
        return;
    }
    if !t.flush(FLUSH_LIMIT) {
        eprintln!(
            "jobtrail: some spans were not sent within {} s; `jobtrail telemetry export --since 24h` resends them",
            FLUSH_LIMIT.as_secs()
        );
    }
    let stats = t.stats();
    if stats.failed_spans > 0 || stats.dropped_spans > 0 {
        let reopened = match data_dir {
            Some(d) => Store::open(d),
            None => Store::open_default(),
        };
        if let Ok(mut store) = reopened {
            t.save_errors(&mut store);
        }
    }
}

pub fn run(cmd: TelemetryCommand, store: &mut Store, out: &Output) -> Result<(), CliError> {
    let t = Telemetry::start(store)?;
    match cmd {
        TelemetryCommand::Export { since } => {
            let since = telemetry::parse_since(&since, store.now_ms())?;
            let report = t.backfill(store, since).map_err(|e| match e {
                BackfillError::Store(m) => CliError::Internal(m),
                e => CliError::Internal(e.to_string()),
            })?;
            out.print(&report, || {
                let mut s = format!(
                    "Sent {} runs ({} spans) since {} to {} in {:.1} s ({:.0} runs/s).",
                    report.runs,
                    report.spans,
                    to_rfc3339(report.since),
                    report.endpoint,
                    report.seconds,
                    report.rate()
                );
                if report.reaches_past_retention {
                    s.push_str(&format!(
                        "\nRaw runs are kept {} h: runs before then survive only as rollups and were not sent.",
                        report.retention_hours
                    ));
                }
                s
            })
        }
        TelemetryCommand::Test => {
            let answer = t.send_test_span(store.now_ms());
            out.print(&answer, || {
                format!(
                    "{}: {}",
                    answer.endpoint.as_deref().unwrap_or("no endpoint"),
                    answer.message
                )
            })?;
            if answer.ok {
                Ok(())
            } else {
                Err(CliError::Failed)
            }
        }
        TelemetryCommand::Status => {
            let status = t.status(store)?;
            out.print(&status, || {
                let mut s = match &status.endpoint {
                    Some(e) if status.enabled => format!(
                        "Exporting runs to {e} (set by {}), content {}.",
                        status.endpoint_source.as_deref().unwrap_or("settings"),
                        if status.content { "on" } else { "off" }
                    ),
                    _ => "Export is off: set an endpoint (Settings → Telemetry or OTEL_EXPORTER_OTLP_ENDPOINT).".to_owned(),
                };
                s.push_str(&format!(
                    "\nservice.name {}, service.instance.id {}",
                    status.service_name, status.installation_id
                ));
                if !status.variables.is_empty() {
                    s.push_str(&format!("\nVariables set: {}", status.variables.join(", ")));
                }
                s
            })
        }
    }
}
