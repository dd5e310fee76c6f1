//! `jobtrail failsafe …` and `jobtrail errors …`: retries, circuit breakers and the
//! errors the app handled (the failsafe's settings, stored circuits and error log).

use std::path::PathBuf;

use clap::Subcommand;
use jobtrail_core::clock::to_rfc3339;
use jobtrail_core::failsafe::{self, ErrorCategory, ErrorFilter, ErrorInfo, Severity, errors};
use jobtrail_core::{Store, Timestamp};

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
            let mut c = jobtrail_core::failsafe::config::load(store)?;
            if max_retries.is_some()
                || retry_backoff_multiplier.is_some()
                || circuit_breaker_threshold.is_some()
            {
                // Out of range either way: a value past u32 fails the core's validation,
                // which names the field and the range.
                let whole = |v: i64| u32::try_from(v).unwrap_or(u32::MAX);
                c.max_retries = max_retries.map_or(c.max_retries, whole);
                c.retry_backoff_multiplier =
                    retry_backoff_multiplier.unwrap_or(c.retry_backoff_multiplier);
                c.circuit_breaker_threshold =
                    circuit_breaker_threshold.map_or(c.circuit_breaker_threshold, whole);
                c = jobtrail_core::failsafe::config::save(store, c)?;
            }
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
            let since = since(store, since_hours)?;
            let s = failsafe::get_error_stats(store, since)?;
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
            let filter = ErrorFilter {
                since: since(store, since_hours)?,
                category: category.as_deref().map(parse_category).transpose()?,
                min_severity: severity.as_deref().map(parse_severity).transpose()?,
                limit: Some(limit),
                ..ErrorFilter::default()
            };
            let list = failsafe::list_errors(store, &filter)?;
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
        } => {
            let since = since(store, since_hours)?;
            match output {
                Some(path) => {
                    let json = failsafe::export_errors(store, &path, since)?;
                    let written = serde_json::from_str::<errors::ErrorExport>(&json)
                        .map_err(|e| CliError::Internal(format!("cannot read the export: {e}")))?
                        .errors
                        .len();
                    let view = serde_json::json!({ "written": written, "path": path });
                    out.print(&view, || {
                        format!("{written} errors written to {}", path.display())
                    })
                }
                None => {
                    let json = errors::errors_json(store, since)?;
                    crate::monitoring::write_export(None, |w| {
                        writeln!(w, "{json}").map_err(|e| jobtrail_core::Error::Invalid {
                            field: "path",
                            reason: format!("cannot write the export: {e}"),
                        })
                    })
                }
            }
        }
    }
}

/// The start of the last `hours` hours, ms UTC (`None`: all time).
fn since(store: &Store, hours: Option<f64>) -> Result<Option<Timestamp>, CliError> {
    Ok(failsafe::since_hours(store.now_ms(), hours)?)
}

/// " in the last H h", or nothing for all time.
fn scope(hours: Option<f64>) -> String {
    hours.map_or(String::new(), |h| format!(" in the last {h} h"))
}

fn parse_category(name: &str) -> Result<ErrorCategory, CliError> {
    ErrorCategory::parse(name.trim()).ok_or_else(|| {
        invalid(
            "category",
            name,
            ErrorCategory::ALL.iter().map(|c| c.as_str()),
        )
    })
}

fn parse_severity(name: &str) -> Result<Severity, CliError> {
    Severity::parse(name.trim())
        .ok_or_else(|| invalid("severity", name, Severity::ALL.iter().map(|s| s.as_str())))
}

fn invalid<'a>(
    field: &'static str,
    name: &str,
    accepted: impl Iterator<Item = &'a str>,
) -> CliError {
    jobtrail_core::Error::Invalid {
        field,
        reason: format!(
            "{name:?} is not a {field}; use one of: {}",
            accepted.collect::<Vec<_>>().join(", ")
        ),
    }
    .into()
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
