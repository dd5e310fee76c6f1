//! Exports (the spec's `export_metrics` and the cost report) as JSON with a
//! documented, versioned schema, or CSV.
//!
//! JSON `jobtrail.metrics-export` v1: `{ schema, version, exportedAt (ms UTC),
//! agentName (null: all), periodHours, agents: [AggregatedMetrics], overall:
//! AggregatedMetrics, executions: [RawMetric] }`. JSON `jobtrail.costs-export` v1:
//! `{ schema, version, exportedAt, periodHours, total: CostSummary, agents:
//! [CostSummary], budget: BudgetStatus, tips: [CostTip], prices: [ModelPrice] }`.
//! Money is in dollars. CSV has one row per run (metrics) or per day, agent and
//! model (costs); text that a spreadsheet would run as a formula is prefixed with `'`.

pub use crate::files::to_file;
use std::io::Write;

use serde::Serialize;

use crate::clock::{Timestamp, to_rfc3339};
use crate::cost::{self, BudgetStatus, CostSummary, CostTip, ModelPrice, Money};
use crate::error::{Error, Result};
use crate::monitor::metrics::{self, AggregatedMetrics, RawMetric};
use crate::rollup::{self, LEVELS};
use crate::store::Store;

/// The format of an export.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, serde::Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
// The name TypeScript gets (beside `ExplanationFormat`); the JSON is unchanged.
#[serde(rename = "ExportFormat", rename_all = "lowercase")]
pub enum Format {
    /// JSON with the versioned schema above.
    Json,
    /// Comma-separated values with a header row.
    Csv,
}

/// Most runs in one export.
pub const MAX_EXPORT_ROWS: i64 = 2_000_000;

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct MetricsExport<'a> {
    schema: &'static str,
    version: u32,
    exported_at: Timestamp,
    agent_name: Option<&'a str>,
    period_hours: f64,
    agents: Vec<AggregatedMetrics>,
    overall: AggregatedMetrics,
    executions: Vec<RawMetric>,
}

/// Writes the metrics of the last `period_hours` (one agent or all) to `out`.
pub fn export_metrics(
    store: &mut Store,
    agent: Option<&str>,
    period_hours: f64,
    format: Format,
    out: &mut dyn Write,
) -> Result<usize> {
    let summary = metrics::get_all_agents_summary(store, period_hours)?;
    let since = summary.overall.period_start;
    let runs = metrics::raw_since(store, agent, since, MAX_EXPORT_ROWS)?;
    let n = runs.len();
    let io = |e: std::io::Error| Error::invalid("path", format!("cannot write the export: {e}"));
    match format {
        Format::Json => {
            let (agents, overall) = match agent {
                Some(a) => {
                    let m = metrics::get_aggregated_metrics(store, a, period_hours)?;
                    (vec![m.clone()], m)
                }
                None => (summary.agents, summary.overall),
            };
            let doc = MetricsExport {
                schema: "jobtrail.metrics-export",
                version: 1,
                exported_at: store.now_ms(),
                agent_name: agent,
                period_hours,
                agents,
                overall,
                executions: runs,
            };
            write_json(out, &doc)?;
        }
        Format::Csv => {
            writeln!(
                out,
                "execution_id,request_id,agent,engine,provider,model,start_time,end_time,\
                 execution_time_s,success,input_tokens,cached_input_tokens,output_tokens,\
                 reasoning_tokens,cost_usd,unpriced_calls,tool_calls,error_kind,error_message"
            )
            .map_err(io)?;
            for r in &runs {
                let fields = [
                    r.execution_id.to_string(),
                    csv(&r.request_id),
                    csv(&r.agent_name),
                    csv(&format!("{:?}", r.engine).to_lowercase()),
                    csv(r.provider.as_deref().unwrap_or("")),
                    csv(r.model.as_deref().unwrap_or("")),
                    to_rfc3339(r.start_time),
                    to_rfc3339(r.end_time),
                    format!("{:.6}", r.execution_time),
                    r.success.to_string(),
                    r.input_tokens.to_string(),
                    r.cached_input_tokens.to_string(),
                    r.output_tokens.to_string(),
                    r.reasoning_tokens.to_string(),
                    dollars(r.cost),
                    r.unpriced_calls.to_string(),
                    r.tool_calls.to_string(),
                    csv(r.error_kind.as_deref().unwrap_or("")),
                    csv(r.error_message.as_deref().unwrap_or("")),
                ];
                writeln!(out, "{}", fields.join(",")).map_err(io)?;
            }
        }
    }
    Ok(n)
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct CostsExport {
    schema: &'static str,
    version: u32,
    exported_at: Timestamp,
    period_hours: f64,
    total: CostSummary,
    agents: Vec<CostSummary>,
    budget: BudgetStatus,
    tips: Vec<CostTip>,
    prices: Vec<ModelPrice>,
}

/// Writes the cost report of the last `period_hours` to `out`.
pub fn export_costs(
    store: &mut Store,
    period_hours: f64,
    format: Format,
    out: &mut dyn Write,
) -> Result<()> {
    let io = |e: std::io::Error| Error::invalid("path", format!("cannot write the export: {e}"));
    let total = cost::summary::summary(store, None, period_hours)?;
    match format {
        Format::Json => {
            let doc = CostsExport {
                schema: "jobtrail.costs-export",
                version: 1,
                exported_at: store.now_ms(),
                period_hours,
                agents: cost::get_all_agents_costs(store, period_hours)?,
                budget: cost::check_budget_status(store)?,
                tips: cost::get_cost_optimization_tips(store, period_hours)?,
                prices: cost::prices::list(store)?,
                total,
            };
            write_json(out, &doc)?;
        }
        Format::Csv => {
            writeln!(
                out,
                "date,agent,model,executions,llm_calls,input_tokens,cached_input_tokens,\
                 output_tokens,reasoning_tokens,cost_usd,unpriced_calls"
            )
            .map_err(io)?;
            let day = LEVELS[2];
            let from = total.period_start.div_euclid(day) * day;
            for (d, agent, model, t) in rollup::daily_cells(store, from, total.period_end)? {
                let fields = [
                    to_rfc3339(d).chars().take(10).collect(),
                    csv(&agent),
                    csv(if model.is_empty() { "builtin" } else { &model }),
                    t.executions.to_string(),
                    t.llm_calls.to_string(),
                    t.input_tokens.to_string(),
                    t.cached_input_tokens.to_string(),
                    t.output_tokens.to_string(),
                    t.reasoning_tokens.to_string(),
                    dollars(Money::from_nanos(t.cost_nanos)),
                    t.unpriced_calls.to_string(),
                ];
                writeln!(out, "{}", fields.join(",")).map_err(io)?;
            }
        }
    }
    Ok(())
}

fn write_json(out: &mut dyn Write, doc: &impl Serialize) -> Result<()> {
    let fail =
        |e: &dyn std::fmt::Display| Error::invalid("path", format!("cannot write the export: {e}"));
    serde_json::to_writer_pretty(&mut *out, doc).map_err(|e| fail(&e))?;
    writeln!(out).map_err(|e| fail(&e))
}

/// Dollars with 9 decimals: exact.
fn dollars(m: Money) -> String {
    let n = m.nanos();
    format!(
        "{}{}.{:09}",
        if n < 0 { "-" } else { "" },
        (n / 1_000_000_000).abs(),
        (n % 1_000_000_000).abs()
    )
}

/// One CSV field: quoted when needed; a leading `= + - @` (a formula to a
/// spreadsheet) is neutralised with `'`.
fn csv(s: &str) -> String {
    let s = if s.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{s}")
    } else {
        s.to_owned()
    };
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_fields_are_quoted_and_formulas_defused() {
        assert_eq!(csv("plain"), "plain");
        assert_eq!(csv("a,b"), "\"a,b\"");
        assert_eq!(csv("say \"hi\"\nthere"), "\"say \"\"hi\"\"\nthere\"");
        assert_eq!(csv("=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\"");
        assert_eq!(csv("-1+2"), "'-1+2");
        assert_eq!(dollars(Money::from_nanos(450_000)), "0.000450000");
        assert_eq!(dollars(Money::from_micros(12_500_000)), "12.500000000");
    }
}
