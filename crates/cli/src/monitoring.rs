//! `jobtrail monitoring …`: the performance monitor (the spec's
//! `/api/monitoring/performance/*` endpoints, one to one).

use clap::Subcommand;
use jobtrail_core::Store;
use jobtrail_core::monitor::{self, AggregatedMetrics, AlertThresholds};
use jobtrail_core::settings;

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
            let mut t: AlertThresholds = settings::alert_thresholds(store)?;
            t.max_error_rate = max_error_rate.or(t.max_error_rate);
            t.max_avg_execution_time = max_avg_execution_time.or(t.max_avg_execution_time);
            t.max_p95_execution_time = max_p95_execution_time.or(t.max_p95_execution_time);
            if let Some(c) = max_avg_cost {
                t.max_avg_cost = Some(
                    c.parse()
                        .map_err(|e| CliError::Usage(format!("--max-avg-cost: {e}")))?,
                );
            }
            let active = monitor::get_performance_alerts(store, &t)?;
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
    }
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
