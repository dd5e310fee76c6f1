//! The performance monitor's questions (the spec's `get_aggregated_metrics`,
//! `get_all_agents_summary`, raw metrics), answered from the rollups.

use serde::{Deserialize, Serialize};

use crate::clock::Timestamp;
use crate::error::{Error, Result};
use crate::ledger::execution::Engine;
use crate::money::Money;
use crate::rollup::{self, Totals};
use crate::store::Store;

/// Longest period asked about: 400 days.
pub const MAX_PERIOD_HOURS: f64 = 400.0 * 24.0;

/// What an agent did over a period.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct AggregatedMetrics {
    /// Agent name.
    pub agent_name: String,
    /// The period, hours back from `periodEnd`.
    pub period_hours: f64,
    /// Start of the period (aligned to the minute), ms UTC.
    pub period_start: Timestamp,
    /// End of the period (now), ms UTC.
    pub period_end: Timestamp,
    /// Runs.
    pub total_executions: i64,
    /// Runs that succeeded.
    pub successful_executions: i64,
    /// Runs that failed.
    pub failed_executions: i64,
    /// Percent of runs that succeeded (0 with no runs).
    pub success_rate: f64,
    /// Percent that failed.
    pub error_rate: f64,
    /// Mean run time, seconds.
    pub avg_execution_time: f64,
    /// Median run time, seconds (±5 %).
    pub p50_execution_time: f64,
    /// 95th percentile, seconds (±5 %).
    pub p95_execution_time: f64,
    /// 99th percentile, seconds (±5 %).
    pub p99_execution_time: f64,
    /// Longest run, seconds (exact).
    pub max_execution_time: f64,
    /// All tokens.
    pub total_tokens: i64,
    /// Uncached input tokens.
    pub input_tokens: i64,
    /// Cached input tokens.
    pub cached_input_tokens: i64,
    /// Output tokens (reasoning excluded).
    pub output_tokens: i64,
    /// Reasoning tokens.
    pub reasoning_tokens: i64,
    /// Mean tokens per run.
    pub avg_tokens_per_execution: f64,
    /// Cost of priced calls.
    pub total_cost: Money,
    /// Mean cost per run.
    pub avg_cost: Money,
    /// LLM calls to models without a price (their cost is not in `totalCost`).
    pub unpriced_calls: i64,
    /// LLM calls.
    pub llm_calls: i64,
    /// Tool calls.
    pub total_tool_calls: i64,
}

fn rate(part: i64, whole: i64) -> f64 {
    if whole == 0 {
        0.0
    } else {
        part as f64 * 100.0 / whole as f64
    }
}

impl AggregatedMetrics {
    pub(crate) fn from_totals(
        agent: &str,
        period_hours: f64,
        from: Timestamp,
        to: Timestamp,
        t: &Totals,
    ) -> Self {
        let n = t.executions;
        let secs = |us: f64| us / 1e6;
        let q = |p: f64| secs(t.histogram.quantile(p, t.duration_max_us).unwrap_or(0.0));
        let tokens = t.input_tokens + t.cached_input_tokens + t.output_tokens + t.reasoning_tokens;
        let cost = Money::from_nanos(t.cost_nanos);
        Self {
            agent_name: agent.to_owned(),
            period_hours,
            period_start: from,
            period_end: to,
            total_executions: n,
            successful_executions: t.successes,
            failed_executions: n - t.successes,
            success_rate: rate(t.successes, n),
            error_rate: rate(n - t.successes, n),
            avg_execution_time: if n == 0 {
                0.0
            } else {
                secs(t.duration_sum_us as f64 / n as f64)
            },
            p50_execution_time: q(0.5),
            p95_execution_time: q(0.95),
            p99_execution_time: q(0.99),
            max_execution_time: secs(t.duration_max_us as f64),
            total_tokens: tokens,
            input_tokens: t.input_tokens,
            cached_input_tokens: t.cached_input_tokens,
            output_tokens: t.output_tokens,
            reasoning_tokens: t.reasoning_tokens,
            avg_tokens_per_execution: if n == 0 {
                0.0
            } else {
                tokens as f64 / n as f64
            },
            total_cost: cost,
            avg_cost: cost.scale(1, n),
            unpriced_calls: t.unpriced_calls,
            llm_calls: t.llm_calls,
            total_tool_calls: t.tool_calls,
        }
    }
}

/// Checks a period in hours: positive, finite, at most [`MAX_PERIOD_HOURS`].
pub fn check_period(period_hours: f64) -> Result<f64> {
    if period_hours.is_finite() && period_hours > 0.0 && period_hours <= MAX_PERIOD_HOURS {
        Ok(period_hours)
    } else {
        Err(Error::invalid(
            "periodHours",
            format!("must be more than 0 and at most {MAX_PERIOD_HOURS} (400 days)"),
        ))
    }
}

fn window(store: &Store, period_hours: f64) -> (Timestamp, Timestamp) {
    let to = store.now_ms();
    let from = to - (period_hours * 3_600_000.0).round() as i64;
    (from.div_euclid(60_000) * 60_000, to)
}

/// One agent's metrics over the last `period_hours` (the spec's
/// `get_aggregated_metrics`). An agent with no runs gets zeros, not an error.
pub fn get_aggregated_metrics(
    store: &mut Store,
    agent: &str,
    period_hours: f64,
) -> Result<AggregatedMetrics> {
    let period_hours = check_period(period_hours)?;
    super::require_enabled(store)?;
    rollup::catch_up(store)?;
    let (from, to) = window(store, period_hours);
    let totals = rollup::totals_by_agent(store, Some(agent), from, to)?;
    let t = totals.get(agent).cloned().unwrap_or_default();
    Ok(AggregatedMetrics::from_totals(
        agent,
        period_hours,
        from,
        to,
        &t,
    ))
}

/// Every agent with runs in the period, and all of them together.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct AgentsSummary {
    /// The period, hours.
    pub period_hours: f64,
    /// Per agent, most runs first.
    pub agents: Vec<AggregatedMetrics>,
    /// All agents together (`agentName` is `*`).
    pub overall: AggregatedMetrics,
}

/// The spec's `get_all_agents_summary`.
pub fn get_all_agents_summary(store: &mut Store, period_hours: f64) -> Result<AgentsSummary> {
    let period_hours = check_period(period_hours)?;
    super::require_enabled(store)?;
    rollup::catch_up(store)?;
    let (from, to) = window(store, period_hours);
    let by_agent = rollup::totals_by_agent(store, None, from, to)?;
    let mut overall = Totals::default();
    let mut agents: Vec<AggregatedMetrics> = by_agent
        .iter()
        .map(|(name, t)| {
            overall.merge(t);
            AggregatedMetrics::from_totals(name, period_hours, from, to, t)
        })
        .collect();
    agents.sort_by(|a, b| {
        b.total_executions
            .cmp(&a.total_executions)
            .then_with(|| a.agent_name.cmp(&b.agent_name))
    });
    Ok(AgentsSummary {
        period_hours,
        agents,
        overall: AggregatedMetrics::from_totals("*", period_hours, from, to, &overall),
    })
}

/// One stored execution, as raw metrics list it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct RawMetric {
    /// Execution id.
    pub execution_id: i64,
    /// Correlation id (finds its log lines).
    pub request_id: String,
    /// Agent.
    pub agent_name: String,
    /// Engine.
    pub engine: Engine,
    /// Provider.
    pub provider: Option<String>,
    /// Model.
    pub model: Option<String>,
    /// Start, ms UTC.
    pub start_time: Timestamp,
    /// End, ms UTC.
    pub end_time: Timestamp,
    /// Duration, seconds (µs precision).
    pub execution_time: f64,
    /// Whether it succeeded.
    pub success: bool,
    /// All tokens.
    pub tokens_used: i64,
    /// Uncached input tokens.
    pub input_tokens: i64,
    /// Cached input tokens.
    pub cached_input_tokens: i64,
    /// Output tokens.
    pub output_tokens: i64,
    /// Reasoning tokens.
    pub reasoning_tokens: i64,
    /// Cost of its priced calls.
    pub cost: Money,
    /// Calls without a price.
    pub unpriced_calls: i64,
    /// Tool calls.
    pub tool_calls: i64,
    /// Error kind.
    pub error_kind: Option<String>,
    /// Error message.
    pub error_message: Option<String>,
}

/// Most raw metrics returned at once.
pub const MAX_RAW_LIMIT: i64 = 10_000;

/// The latest `limit` executions (of one agent, or all), newest first.
pub fn raw_metrics(store: &Store, agent: Option<&str>, limit: i64) -> Result<Vec<RawMetric>> {
    if !(1..=MAX_RAW_LIMIT).contains(&limit) {
        return Err(Error::invalid(
            "limit",
            format!("must be between 1 and {MAX_RAW_LIMIT}"),
        ));
    }
    raw_since(store, agent, Timestamp::MIN, limit)
}

/// Executions started at or after `since` (of one agent, or all), newest first.
pub(crate) fn raw_since(
    store: &Store,
    agent: Option<&str>,
    since: Timestamp,
    limit: i64,
) -> Result<Vec<RawMetric>> {
    Ok(store.read(|c| {
        let mut stmt = c.prepare_cached(
            "SELECT id, request_id, agent, engine, provider, model, started_at, ended_at,
                    duration_us, success, input_tokens, cached_input_tokens, output_tokens,
                    reasoning_tokens, cost_nanos, unpriced_calls, tool_calls, error_kind,
                    error_message
             FROM executions WHERE (?1 IS NULL OR agent = ?1) AND started_at >= ?3
             ORDER BY id DESC LIMIT ?2",
        )?;
        let rows = stmt.query_map(rusqlite::params![agent, limit, since], |r| {
            let engine: String = r.get(3)?;
            let (i, ci, o, re): (i64, i64, i64, i64) =
                (r.get(10)?, r.get(11)?, r.get(12)?, r.get(13)?);
            Ok(RawMetric {
                execution_id: r.get(0)?,
                request_id: r.get(1)?,
                agent_name: r.get(2)?,
                engine: serde_json::from_value(engine.into()).unwrap_or(Engine::Custom),
                provider: r.get(4)?,
                model: r.get(5)?,
                start_time: r.get(6)?,
                end_time: r.get(7)?,
                execution_time: r.get::<_, i64>(8)? as f64 / 1e6,
                success: r.get(9)?,
                tokens_used: i + ci + o + re,
                input_tokens: i,
                cached_input_tokens: ci,
                output_tokens: o,
                reasoning_tokens: re,
                cost: Money::from_nanos(r.get(14)?),
                unpriced_calls: r.get(15)?,
                tool_calls: r.get(16)?,
                error_kind: r.get(17)?,
                error_message: r.get(18)?,
            })
        })?;
        rows.collect()
    })?)
}
