//! Cost summaries (the spec's `get_agent_summary` and totals): per agent or overall,
//! by model and by agent, a daily series, and a forecast from the recent rate. All
//! from the monitor's rollups, so a month costs what an hour does.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::money::Money;
use crate::clock::Timestamp;
use crate::error::Result;
use crate::monitor::metrics::check_period;
use crate::rollup::{self, LEVELS, Totals};
use crate::store::Store;

/// Spend and tokens for one model or one agent.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct Breakdown {
    /// Model or agent name (`builtin` for runs without a model).
    pub name: String,
    /// Cost of priced calls.
    pub cost: Money,
    /// LLM calls.
    pub calls: i64,
    /// All tokens.
    pub tokens: i64,
    /// Calls without a price.
    pub unpriced_calls: i64,
}

/// One day's spend (UTC).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct DailyCost {
    /// The day, `YYYY-MM-DD`.
    pub date: String,
    /// Its start, ms UTC.
    pub day_start: Timestamp,
    /// Spend.
    pub cost: Money,
    /// LLM calls.
    pub calls: i64,
}

/// What an agent (or all of them) cost over a period.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct CostSummary {
    /// Agent, or `*` for all.
    pub agent_name: String,
    /// The period, hours.
    pub period_hours: f64,
    /// Start (aligned to the minute), ms UTC.
    pub period_start: Timestamp,
    /// End (now), ms UTC.
    pub period_end: Timestamp,
    /// Spend on priced calls.
    pub total_cost: Money,
    /// LLM calls.
    pub total_calls: i64,
    /// Runs.
    pub executions: i64,
    /// Mean cost per LLM call.
    pub avg_cost_per_call: Money,
    /// Uncached input tokens.
    pub input_tokens: i64,
    /// Cached input tokens.
    pub cached_input_tokens: i64,
    /// Output tokens (reasoning excluded).
    pub output_tokens: i64,
    /// Reasoning tokens.
    pub reasoning_tokens: i64,
    /// All tokens.
    pub total_tokens: i64,
    /// Calls to models without a price (their cost is not in `totalCost`).
    pub unpriced_calls: i64,
    /// Spend on runs that failed.
    pub failed_cost: Money,
    /// By model, costliest first.
    pub by_model: Vec<Breakdown>,
    /// By agent, costliest first.
    pub by_agent: Vec<Breakdown>,
    /// Per day over the period, oldest first (days without spend included).
    pub daily: Vec<DailyCost>,
}

fn breakdown(map: BTreeMap<String, Totals>) -> Vec<Breakdown> {
    let mut out: Vec<Breakdown> = map
        .into_iter()
        .map(|(name, t)| Breakdown {
            name,
            cost: Money::from_nanos(t.cost_nanos),
            calls: t.llm_calls,
            tokens: t.input_tokens + t.cached_input_tokens + t.output_tokens + t.reasoning_tokens,
            unpriced_calls: t.unpriced_calls,
        })
        .collect();
    out.sort_by(|a, b| b.cost.cmp(&a.cost).then_with(|| a.name.cmp(&b.name)));
    out
}

pub(crate) fn window(store: &Store, period_hours: f64) -> (Timestamp, Timestamp) {
    let to = store.now_ms();
    let from = to - (period_hours * 3_600_000.0).round() as i64;
    (from.div_euclid(LEVELS[0]) * LEVELS[0], to)
}

/// The cost summary of one agent (`Some`) or all (`None`) over the last `period_hours`.
pub fn summary(store: &mut Store, agent: Option<&str>, period_hours: f64) -> Result<CostSummary> {
    let period_hours = check_period(period_hours)?;
    super::require_enabled(store)?;
    rollup::catch_up(store)?;
    let (from, to) = window(store, period_hours);
    let cells = rollup::totals_by_agent_model(store, agent, from, to)?;
    let mut total = Totals::default();
    let mut by_model: BTreeMap<String, Totals> = BTreeMap::new();
    let mut by_agent: BTreeMap<String, Totals> = BTreeMap::new();
    for ((a, m), t) in &cells {
        total.merge(t);
        let model = if m.is_empty() { "builtin" } else { m.as_str() };
        by_model.entry(model.to_owned()).or_default().merge(t);
        by_agent.entry(a.clone()).or_default().merge(t);
    }
    let days = rollup::daily(store, agent, from, to)?;
    let day = LEVELS[2];
    let mut daily = Vec::new();
    let mut d = from.div_euclid(day) * day;
    let mut it = days.into_iter().peekable();
    while d < to {
        let t = match it.peek() {
            Some((start, _)) if *start == d => it.next().map(|(_, t)| t).unwrap_or_default(),
            _ => Totals::default(),
        };
        daily.push(DailyCost {
            date: crate::clock::to_rfc3339(d).chars().take(10).collect(),
            day_start: d,
            cost: Money::from_nanos(t.cost_nanos),
            calls: t.llm_calls,
        });
        d += day;
    }
    let cost = Money::from_nanos(total.cost_nanos);
    Ok(CostSummary {
        agent_name: agent.unwrap_or("*").to_owned(),
        period_hours,
        period_start: from,
        period_end: to,
        total_cost: cost,
        total_calls: total.llm_calls,
        executions: total.executions,
        avg_cost_per_call: cost.scale(1, total.llm_calls),
        input_tokens: total.input_tokens,
        cached_input_tokens: total.cached_input_tokens,
        output_tokens: total.output_tokens,
        reasoning_tokens: total.reasoning_tokens,
        total_tokens: total.input_tokens
            + total.cached_input_tokens
            + total.output_tokens
            + total.reasoning_tokens,
        unpriced_calls: total.unpriced_calls,
        failed_cost: Money::from_nanos(total.failed_cost_nanos),
        by_model: breakdown(by_model),
        by_agent: breakdown(by_agent),
        daily,
    })
}

/// The spec's `get_agent_summary(agent, period_hours)`.
pub fn get_agent_summary(store: &mut Store, agent: &str, period_hours: f64) -> Result<CostSummary> {
    summary(store, Some(agent), period_hours)
}

/// Every agent's cost summary (agents with runs in the period), costliest first.
pub fn get_all_agents_costs(store: &mut Store, period_hours: f64) -> Result<Vec<CostSummary>> {
    let total = summary(store, None, period_hours)?;
    total
        .by_agent
        .iter()
        .map(|b| summary(store, Some(&b.name), period_hours))
        .collect()
}

/// Spend so far and where it is heading.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct Forecast {
    /// Spent today (UTC).
    pub today_spent: Money,
    /// Today's spend at the recent rate by midnight UTC.
    pub today_projected: Money,
    /// Spent this calendar month (UTC).
    pub month_spent: Money,
    /// This month's spend at the recent daily rate by its end.
    pub month_projected: Money,
    /// Spend per hour over the last 3 hours.
    pub recent_hourly_rate: Money,
    /// Mean spend per day over the last 7 days.
    pub recent_daily_rate: Money,
}

/// Start of the UTC month holding `t`, and of the next one.
pub(crate) fn month_bounds(t: Timestamp) -> (Timestamp, Timestamp) {
    use chrono::{Datelike, TimeZone, Utc};
    let now = Utc.timestamp_millis_opt(t).single().unwrap_or_default();
    let start = Utc
        .with_ymd_and_hms(now.year(), now.month(), 1, 0, 0, 0)
        .single()
        .unwrap_or_default();
    let (y, m) = if now.month() == 12 {
        (now.year() + 1, 1)
    } else {
        (now.year(), now.month() + 1)
    };
    let next = Utc
        .with_ymd_and_hms(y, m, 1, 0, 0, 0)
        .single()
        .unwrap_or_default();
    (start.timestamp_millis(), next.timestamp_millis())
}

/// Spend of one agent (or all) in `[from, to)`.
pub(crate) fn spent(
    store: &Store,
    agent: Option<&str>,
    from: Timestamp,
    to: Timestamp,
) -> Result<Money> {
    let by_agent = rollup::cost_by_agent(store, from, to)?;
    Ok(Money::from_nanos(match agent {
        Some(a) => by_agent.get(a).copied().unwrap_or(0),
        None => by_agent.values().sum(),
    }))
}

/// Today's and this month's spend, projected from the recent rate.
pub fn forecast(store: &mut Store, agent: Option<&str>) -> Result<Forecast> {
    let (overall, by_agent) = forecasts(store)?;
    Ok(match agent {
        None => overall,
        Some(a) => by_agent.get(a).cloned().unwrap_or_default(),
    })
}

/// The forecast overall and for every agent, from one pass over four windows
/// (today, this month, the last 3 hours, the last 7 days).
pub fn forecasts(store: &mut Store) -> Result<(Forecast, BTreeMap<String, Forecast>)> {
    super::require_enabled(store)?;
    rollup::catch_up(store)?;
    let now = store.now_ms();
    let (hour, day) = (LEVELS[1], LEVELS[2]);
    let today = now.div_euclid(day) * day;
    let (month, next_month) = month_bounds(now);
    let windows = [
        rollup::cost_by_agent(store, today, now + 1)?,
        rollup::cost_by_agent(store, month, now + 1)?,
        rollup::cost_by_agent(store, now - 3 * hour, now + 1)?,
        rollup::cost_by_agent(store, now - 7 * day, now + 1)?,
    ];
    let make = |get: &dyn Fn(&std::collections::HashMap<String, i64>) -> i64| {
        let [t, m, h3, d7] = windows.each_ref().map(|w| Money::from_nanos(get(w)));
        let hourly = h3.scale(1, 3);
        let daily = d7.scale(1, 7);
        Forecast {
            today_spent: t,
            today_projected: t + hourly.scale(today + day - now, hour),
            month_spent: m,
            month_projected: m + daily.scale(next_month - now, day),
            recent_hourly_rate: hourly,
            recent_daily_rate: daily,
        }
    };
    let overall = make(&|w| w.values().sum());
    let agents: std::collections::BTreeSet<&String> =
        windows.iter().flat_map(|w| w.keys()).collect();
    let by_agent = agents
        .into_iter()
        .map(|a| (a.clone(), make(&|w| w.get(a).copied().unwrap_or(0))))
        .collect();
    Ok((overall, by_agent))
}
