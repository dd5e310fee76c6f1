//! `jobtrail monitoring …`: the performance monitor (the spec's
//! `/api/monitoring/performance/*` endpoints, one to one).

use std::path::PathBuf;

use clap::Subcommand;
use jobtrail_core::Store;
use jobtrail_core::clock::to_rfc3339;
use jobtrail_core::cost::Money;
use jobtrail_core::monitor::{self, AggregatedMetrics, health, maintenance};
use jobtrail_core::service::export;
use jobtrail_core::service::monitoring::{self, MonitoringChange, ThresholdChange};

use crate::output::{CliError, Output, clip};

#[derive(Debug, Subcommand)]
pub enum MonitoringCommand {
    /// Performance summary for all agents.
    Agents {
        #[arg(long, default_value_t = 24.0, allow_hyphen_values = true)]
        period_hours: f64,
    },
    /// Performance metrics for one agent.
    Agent {
        name: String,
        #[arg(long, default_value_t = 24.0, allow_hyphen_values = true)]
        period_hours: f64,
    },
    /// Raw execution records, newest first.
    Raw {
        /// Only this agent.
        name: Option<String>,
        #[arg(long, default_value_t = 100)]
        limit: i64,
    },
    /// Performance alerts: checks now against the thresholds (the stored defaults,
    /// overridden by the options) and lists the active ones.
    Alerts {
        /// Highest error rate, percent.
        #[arg(long)]
        max_error_rate: Option<f64>,
        /// Highest mean run time, seconds.
        #[arg(long)]
        max_avg_execution_time: Option<f64>,
        /// Highest 95th-percentile run time, seconds.
        #[arg(long)]
        max_p95_execution_time: Option<f64>,
        /// Highest mean cost per run, dollars.
        #[arg(long)]
        max_avg_cost: Option<String>,
        /// Also list alerts that have ended.
        #[arg(long)]
        history: bool,
    },
    /// Health of the monitoring system: settings, store size, rows, last prune, tasks.
    Health,
    /// Export metrics (runs and aggregates) as JSON or CSV.
    Export {
        /// Only this agent.
        name: Option<String>,
        #[arg(long, default_value_t = 168.0, allow_hyphen_values = true)]
        period_hours: f64,
        #[arg(long, value_enum, default_value = "json")]
        format: ExportFormat,
        /// Write to this file instead of standard output.
        #[arg(long, short)]
        output: Option<PathBuf>,
    },
    /// Run upkeep now: fold new runs into the rollups, prune old records, check alerts.
    Maintain,
    /// Show or change monitoring settings and the default alert thresholds.
    Settings {
        /// Record metrics and raise alerts.
        #[arg(long)]
        monitoring: Option<bool>,
        /// Price calls and enforce budgets.
        #[arg(long)]
        cost_tracking: Option<bool>,
        /// Keep raw run records this many hours.
        #[arg(long, allow_hyphen_values = true)]
        retention_hours: Option<i64>,
        /// Default alert threshold: error rate, percent.
        #[arg(long, allow_hyphen_values = true)]
        max_error_rate: Option<f64>,
        /// Default alert threshold: mean run time, seconds.
        #[arg(long, allow_hyphen_values = true)]
        max_avg_execution_time: Option<f64>,
        /// Default alert threshold: 95th-percentile run time, seconds.
        #[arg(long, allow_hyphen_values = true)]
        max_p95_execution_time: Option<f64>,
        /// Default alert threshold: mean cost per run, dollars.
        #[arg(long, allow_hyphen_values = true)]
        max_avg_cost: Option<String>,
    },
}

/// JSON (versioned schema) or CSV.
#[derive(Debug, Clone, Copy, clap::ValueEnum)]
pub enum ExportFormat {
    Json,
    Csv,
}

impl From<ExportFormat> for export::Format {
    fn from(f: ExportFormat) -> Self {
        match f {
            ExportFormat::Json => export::Format::Json,
            ExportFormat::Csv => export::Format::Csv,
        }
    }
}

/// Runs an export into `output` (a file) or standard output.
pub fn write_export(
    output: Option<&std::path::Path>,
    write: impl FnOnce(&mut dyn std::io::Write) -> jobtrail_core::Result<()>,
) -> Result<(), CliError> {
    match output {
        Some(path) => Ok(export::to_file(path, write)?),
        None => {
            let stdout = std::io::stdout();
            let mut lock = stdout.lock();
            Ok(write(&mut lock)?)
        }
    }
}

pub fn run(cmd: MonitoringCommand, store: &mut Store, out: &Output) -> Result<(), CliError> {
    match cmd {
        MonitoringCommand::Agents { period_hours } => {
            let s = monitor::get_all_agents_summary(store, period_hours)?;
            out.print(&s, || {
                if s.agents.is_empty() {
                    return format!("No runs in the last {period_hours} h.");
                }
                let mut t = header();
                for m in s.agents.iter().chain([&s.overall]) {
                    t.push_str(&row(m));
                }
                t.trim_end().to_owned()
            })
        }
        MonitoringCommand::Agent { name, period_hours } => {
            let m = monitor::get_aggregated_metrics(store, &name, period_hours)?;
            out.print(&m, || {
                format!("{}{}", header(), row(&m)).trim_end().to_owned()
            })
        }
        MonitoringCommand::Raw { name, limit } => {
            let raw = monitor::raw_metrics(store, name.as_deref(), limit)?;
            out.print(&raw, || {
                raw.iter()
                    .map(|r| {
                        format!(
                            "#{:<6} {:<14} {:<8} {:>9.3} s  {:>7} tok  {}  {}",
                            r.execution_id,
                            clip(&r.agent_name, 14),
                            if r.success { "ok" } else { "failed" },
                            r.execution_time,
                            r.tokens_used,
                            r.cost,
                            r.request_id
                        )
                    })
                    .collect::<Vec<_>>()
                    .join("\n")
            })
        }
        MonitoringCommand::Alerts {
            max_error_rate,
            max_avg_execution_time,
            max_p95_execution_time,
            max_avg_cost,
            history,
        } => {
            let change = ThresholdChange {
                max_error_rate,
                max_avg_execution_time,
                max_p95_execution_time,
                max_avg_cost: max_avg_cost.as_deref().map(avg_cost).transpose()?,
            };
            let active = monitoring::check_alerts(store, change)?;
            let alerts = if history {
                monitor::list_alerts(store, false, 1000)?
            } else {
                active
            };
            out.print(&alerts, || {
                if alerts.is_empty() {
                    return "No alerts.".into();
                }
                alerts
                    .iter()
                    .map(|a| {
                        format!(
                            "{:<8} {}{}",
                            format!("{:?}", a.severity).to_lowercase(),
                            a.message,
                            if a.ended_at.is_some() { " (ended)" } else { "" }
                        )
                    })
                    .collect::<Vec<_>>()
                    .join("\n")
            })
        }
        MonitoringCommand::Health => {
            let h = health::health(store)?;
            out.print(&h, || {
                let mut t = format!(
                    "{}: monitoring {}, cost tracking {}, raw records kept {} h\n{} ({:.1} MiB)\n\
                     {} runs ({} waiting for rollup), {} LLM calls, {} rollup rows, {} active alerts",
                    h.status,
                    on_off(h.config.monitoring_enabled),
                    on_off(h.config.cost_tracking_enabled),
                    h.config.metrics_retention_hours,
                    h.store_path,
                    h.store_bytes as f64 / 1_048_576.0,
                    h.rows.executions,
                    h.pending_rollup,
                    h.rows.llm_calls,
                    h.rows.rollups,
                    h.active_alerts
                );
                for task in &h.tasks {
                    t.push_str(&format!(
                        "\ntask {:<7} last run {}{}",
                        task.task,
                        to_rfc3339(task.last_run),
                        task.last_error
                            .as_ref()
                            .map(|e| format!(", last error: {e}"))
                            .unwrap_or_default()
                    ));
                }
                t
            })
        }
        MonitoringCommand::Export {
            name,
            period_hours,
            format,
            output,
        } => {
            let mut rows = 0;
            write_export(output.as_deref(), |w| {
                rows =
                    export::export_metrics(store, name.as_deref(), period_hours, format.into(), w)?;
                Ok(())
            })?;
            if let Some(path) = output {
                eprintln!("exported {rows} runs to {}", path.display());
            }
            Ok(())
        }
        MonitoringCommand::Maintain => {
            let r = maintenance::run_maintenance(store)?;
            out.print(&r, || {
                format!(
                    "rolled up {} runs; pruned {} old runs and {} rollup rows; {} active alerts{}",
                    r.rolled_up,
                    r.pruned.as_ref().map_or(0, |p| p.executions),
                    r.pruned.as_ref().map_or(0, |p| p.rollups),
                    r.active_alerts.map_or("-".into(), |n| n.to_string()),
                    r.failures
                        .iter()
                        .map(|(t, e)| format!("\nfailed: {t}: {e}"))
                        .collect::<String>()
                )
            })?;
            if r.failures.is_empty() {
                Ok(())
            } else {
                Err(CliError::Failed)
            }
        }
        MonitoringCommand::Settings {
            monitoring,
            cost_tracking,
            retention_hours,
            max_error_rate,
            max_avg_execution_time,
            max_p95_execution_time,
            max_avg_cost,
        } => {
            let c = monitoring::update_monitoring(
                store,
                MonitoringChange {
                    monitoring_enabled: monitoring,
                    cost_tracking_enabled: cost_tracking,
                    metrics_retention_hours: retention_hours,
                },
            )?;
            let change = ThresholdChange {
                max_error_rate,
                max_avg_execution_time,
                max_p95_execution_time,
                max_avg_cost: max_avg_cost.as_deref().map(avg_cost).transpose()?,
            };
            let t = monitoring::update_thresholds(store, change)?;
            let view = serde_json::json!({ "monitoring": c, "alertThresholds": t });
            out.print(&view, || {
                format!(
                    "monitoring {}, cost tracking {}, raw records kept {} h\nalerts over the last {} h: \
                     error rate > {} %, mean time > {} s, p95 > {} s, mean cost > {}",
                    on_off(c.monitoring_enabled),
                    on_off(c.cost_tracking_enabled),
                    c.metrics_retention_hours,
                    t.period_hours,
                    t.max_error_rate.map_or("-".into(), |v| v.to_string()),
                    t.max_avg_execution_time.map_or("-".into(), |v| v.to_string()),
                    t.max_p95_execution_time.map_or("-".into(), |v| v.to_string()),
                    t.max_avg_cost.map_or("-".into(), |v| v.to_string()),
                )
            })
        }
    }
}

/// `--max-avg-cost` in dollars.
fn avg_cost(raw: &str) -> Result<Money, CliError> {
    raw.parse()
        .map_err(|e| CliError::Usage(format!("--max-avg-cost: {e}")))
}

fn on_off(b: bool) -> &'static str {
    if b { "on" } else { "off" }
}

fn header() -> String {
    format!(
        "{:<16} {:>6} {:>7} {:>8} {:>8} {:>8} {:>9} {:>12}\n",
        "AGENT", "RUNS", "OK %", "AVG s", "P95 s", "MAX s", "TOKENS", "COST"
    )
}

fn row(m: &AggregatedMetrics) -> String {
    format!(
        "{:<16} {:>6} {:>7.1} {:>8.3} {:>8.3} {:>8.3} {:>9} {:>12}\n",
        if m.agent_name == "*" {
            "all agents".to_owned()
        } else {
            clip(&m.agent_name, 16)
        },
        m.total_executions,
        m.success_rate,
        m.avg_execution_time,
        m.p95_execution_time,
        m.max_execution_time,
        m.total_tokens,
        m.total_cost.to_string()
    )
}
