//! `jobtrail failsafe …` and `jobtrail errors …`: retries, circuit breakers and the
//! errors the app handled (the failsafe's settings, stored circuits and error log).

use std::path::PathBuf;

use clap::Subcommand;
use jobtrail_core::Store;
use jobtrail_core::clock::to_rfc3339;
use jobtrail_core::failsafe::{self, ErrorInfo};
use jobtrail_core::service::{self, errors::ErrorQuery, failsafe::FailsafeChange};

use crate::output::{CliError, Output, clip};

#[derive(Debug, Subcommand)]
pub enum FailsafeCommand {
    /// Every circuit breaker that has changed state: its state, since when, how often
    /// it opened and why.
    Circuits,
    /// Show or change the retry and circuit-breaker settings.
    Settings {
        /// Retries of a failed LLM call after the first attempt, 0 to 10.
        #[arg(long, allow_hyphen_values = true)]
        max_retries: Option<i64>,
        /// Growth of the wait between retries, 1 to 10.
        #[arg(long, allow_hyphen_values = true)]
        retry_backoff_multiplier: Option<f64>,
        /// Failures in a row that open a provider+model's circuit, 1 to 100.
        #[arg(long, allow_hyphen_values = true)]
        circuit_breaker_threshold: Option<i64>,
    },
}

#[derive(Debug, Subcommand)]
pub enum ErrorsCommand {
    /// Totals: recovered, recovery rate, counts by category, severity and strategy.
    Stats {
        /// Only the last this many hours (default: all time).
        #[arg(long, allow_hyphen_values = true)]
        since_hours: Option<f64>,
    },
    /// Handled errors, newest first.
    List {
        /// Only the last this many hours (default: all time).
        #[arg(long, allow_hyphen_values = true)]
        since_hours: Option<f64>,
        /// Only this category: network, timeout, rate_limit, authentication, validation,
        /// resource, configuration, external_service, context_length, content_policy,
        /// invalid_model_output, budget_exceeded, internal.
        #[arg(long)]
        category: Option<String>,
        /// Only this severity or worse: low, medium, high, critical.
        #[arg(long)]
        severity: Option<String>,
        /// At most this many.
        #[arg(long, default_value_t = 50)]
        limit: usize,
    },
    /// Export the error history (with its totals) as JSON.
    Export {
        /// Only the last this many hours (default: all time).
        #[arg(long, allow_hyphen_values = true)]
        since_hours: Option<f64>,
        /// Write to this file instead of standard output.
        #[arg(long, short)]
        output: Option<PathBuf>,
    },
}

pub fn failsafe(cmd: FailsafeCommand, store: &mut Store, out: &Output) -> Result<(), CliError> {
    match cmd {
        FailsafeCommand::Circuits => {
            let config = jobtrail_core::failsafe::config::load(store)?;
            let circuits = failsafe::stored_circuits(store)?;
            let view = serde_json::json!({ "settings": config, "circuits": circuits });
            out.print(&view, || {
                if circuits.is_empty() {
                    return format!(
                        "No circuit has changed state yet; a provider+model's circuit opens after \
                         {} failures in a row.",
                        config.circuit_breaker_threshold
                    );
                }
                let mut t = format!(
                    "{:<28} {:<9} {:<24} {:>6}  {:<24}  {}\n",
                    "CIRCUIT", "STATE", "SINCE", "OPENED", "RETRY AT", "REASON"
                );
                for c in &circuits {
                    t.push_str(&format!(
                        "{:<28} {:<9} {:<24} {:>6}  {:<24}  {}\n",
                        clip(&c.circuit, 28),
                        c.state.as_str(),
                        to_rfc3339(c.last_transition.at),
                        c.times_opened,
                        c.retry_at.map_or("-".into(), to_rfc3339),
                        clip(&c.last_transition.reason, 60)
                    ));
                }
                t.trim_end().to_owned()
            })
        }
        FailsafeCommand::Settings {
            max_retries,
            retry_backoff_multiplier,
            circuit_breaker_threshold,
        } => {
            // Out of range either way: a value past u32 fails the core's validation,
            // which names the field and the range.
            let whole = |v: i64| u32::try_from(v).unwrap_or(u32::MAX);
            let change = FailsafeChange {
                max_retries: max_retries.map(whole),
                retry_backoff_multiplier,
                circuit_breaker_threshold: circuit_breaker_threshold.map(whole),
            };
            let c = service::failsafe::update_config(store, change)?;
            out.print(&c, || {
                format!(
                    "up to {} retries of a failed LLM call, the wait growing ×{} each time\n\
                     a provider+model's circuit opens after {} failures in a row",
                    c.max_retries, c.retry_backoff_multiplier, c.circuit_breaker_threshold
                )
            })
        }
    }
}

pub fn errors(cmd: ErrorsCommand, store: &Store, out: &Output) -> Result<(), CliError> {
    match cmd {
        ErrorsCommand::Stats { since_hours } => {
            let s = service::errors::stats(store, since_hours)?;
            out.print(&s, || {
                if s.total_errors == 0 {
                    return format!("No errors handled{}.", scope(since_hours));
                }
                let counts = |m: &std::collections::BTreeMap<String, u64>| {
                    m.iter()
                        .filter(|(_, n)| **n > 0)
                        .map(|(k, n)| format!("{k} {n}"))
                        .collect::<Vec<_>>()
                        .join(", ")
                };
                let mut t = format!(
                    "{} errors handled{}, {} recovered ({} %)\nby category: {}\nby severity: {}\n\
                     by strategy: {}",
                    s.total_errors,
                    scope(since_hours),
                    s.recovered,
                    s.recovery_rate,
                    counts(&s.by_category),
                    counts(&s.by_severity),
                    counts(&s.by_strategy)
                );
                if let Some(e) = &s.last_error {
                    t.push_str(&format!(
                        "\nlast: {} at {}: {}",
                        e.error_id,
                        to_rfc3339(e.occurred_at),
                        clip(&e.message, 100)
                    ));
                }
                t
            })
        }
        ErrorsCommand::List {
            since_hours,
            category,
            severity,
            limit,
        } => {
            let query = ErrorQuery {
                since_hours,
                category: category.as_deref().map(str::parse).transpose()?,
                min_severity: severity.as_deref().map(str::parse).transpose()?,
                limit: Some(limit),
                execution_id: None,
            };
            let list = service::errors::list(store, &query)?;
            out.print(&list, || {
                if list.is_empty() {
                    return format!("No errors{}.", scope(since_hours));
                }
                let mut t = format!(
                    "{:<24} {:<8} {:<20} {:<20} {:<9} {:<14} {}\n",
                    "TIME", "SEVERITY", "CATEGORY", "STRATEGY", "RECOVERED", "AGENT", "MESSAGE"
                );
                for e in &list {
                    t.push_str(&row(e));
                }
                t.trim_end().to_owned()
            })
        }
        ErrorsCommand::Export {
            since_hours,
            output,
        } => match output {
            Some(path) => {
                let written = service::errors::export(store, &path, since_hours)?
                    .errors
                    .len();
                let view = serde_json::json!({ "written": written, "path": path });
                out.print(&view, || {
                    format!("{written} errors written to {}", path.display())
                })
            }
            None => {
                let json = service::errors::to_json(store, since_hours)?;
                crate::monitoring::write_export(None, |w| {
                    writeln!(w, "{json}").map_err(|e| jobtrail_core::Error::Invalid {
                        field: "path",
                        reason: format!("cannot write the export: {e}"),
                    })
                })
            }
        },
    }
}

/// " in the last H h", or nothing for all time.
fn scope(hours: Option<f64>) -> String {
    hours.map_or(String::new(), |h| format!(" in the last {h} h"))
}

fn row(e: &ErrorInfo) -> String {
    format!(
        "{:<24} {:<8} {:<20} {:<20} {:<9} {:<14} {}\n",
        to_rfc3339(e.occurred_at),
        e.severity.as_str(),
        clip(e.category.as_str(), 20),
        clip(e.recovery_strategy.as_str(), 20),
        if e.recovered { "yes" } else { "no" },
        clip(e.context.agent.as_deref().unwrap_or("-"), 14),
        clip(&e.message, 60)
    )
}
