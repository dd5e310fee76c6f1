//! Budgets: daily (the spec's `daily_budget`, also from `DAILY_BUDGET`), monthly and
//! per agent; `check_budget_status` with thresholds crossed and projections; and an
//! optional hard limit that keeps agents off paid models once a budget is spent.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::money::Money;
use super::summary::{forecasts, month_bounds, spent};
use crate::error::{Error, Result};
use crate::rollup::{self, LEVELS};
use crate::settings;
use crate::store::Store;

/// Percentages of a budget that raise an alert when crossed.
pub const THRESHOLDS: [u8; 4] = [50, 80, 90, 100];

/// Highest budget accepted: $1,000,000.
const MAX_BUDGET: Money = Money::from_micros(1_000_000_000_000);

/// The budgets set (none: unlimited).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase", default)]
pub struct Budgets {
    /// Per UTC day, all agents.
    pub daily_budget: Option<Money>,
    /// Per calendar month (UTC), all agents.
    pub monthly_budget: Option<Money>,
    /// Per UTC day, per agent.
    pub agent_daily_budgets: BTreeMap<String, Money>,
    /// Once a budget is spent, agents stop calling paid models and use their built-in
    /// engine (the run records why).
    pub hard_limit: bool,
}

impl Budgets {
    /// Checks the amounts: more than zero, at most $1,000,000.
    pub fn validated(self) -> Result<Self> {
        let check = |field: &'static str, m: Option<Money>| match m {
            Some(v) if v <= Money::ZERO => Err(Error::invalid(
                field,
                "must be more than $0 (leave it empty for no budget)",
            )),
            Some(v) if v > MAX_BUDGET => Err(Error::invalid(field, "must be at most $1,000,000")),
            _ => Ok(()),
        };
        check("dailyBudget", self.daily_budget)?;
        check("monthlyBudget", self.monthly_budget)?;
        for (agent, m) in &self.agent_daily_budgets {
            if crate::text::one_line("agentDailyBudgets", agent, 100)?.is_empty() {
                return Err(Error::invalid(
                    "agentDailyBudgets",
                    "an agent name is empty",
                ));
            }
            check("agentDailyBudgets", Some(*m))?;
        }
        Ok(self)
    }
}

/// The budgets in effect: the stored ones, with `DAILY_BUDGET` from the environment
/// over the stored daily budget (an invalid value is reported and ignored).
pub fn budgets(store: &Store) -> Result<Budgets> {
    let mut b = stored_budgets(store)?;
    if let Some(env) = daily_budget_from_env() {
        b.daily_budget = Some(env);
    }
    Ok(b)
}

/// `DAILY_BUDGET`, if set and valid (a warning names the problem otherwise).
pub fn daily_budget_from_env() -> Option<Money> {
    let raw = std::env::var("DAILY_BUDGET").ok()?;
    if raw.trim().is_empty() {
        return None;
    }
    match raw.parse::<Money>() {
        Ok(m) if m > Money::ZERO && m <= MAX_BUDGET => Some(m),
        Ok(_) => {
            tracing::warn!(value = %raw, "DAILY_BUDGET must be more than 0 and at most 1000000; ignored");
            None
        }
        Err(e) => {
            tracing::warn!(error = %e, "DAILY_BUDGET is not a dollar amount; ignored");
            None
        }
    }
}

/// Sets the budgets (the spec's `POST /costs/budget/set`).
pub fn set_budgets(store: &mut Store, b: Budgets) -> Result<Budgets> {
    let b = b.validated()?;
    store_budgets(store, &b)?;
    tracing::info!(daily = ?b.daily_budget.map(|m| m.to_string()), monthly = ?b.monthly_budget.map(|m| m.to_string()), hard_limit = b.hard_limit, "budgets saved");
    Ok(b)
}

/// One budget's standing.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct BudgetPeriod {
    /// `daily`, `monthly` or `agent:NAME`.
    pub scope: String,
    /// The budget.
    pub limit: Money,
    /// Spent so far in the period.
    pub spent: Money,
    /// Left (zero once over).
    pub remaining: Money,
    /// Spent as a percent of the budget.
    pub budget_used_percent: f64,
    /// Spend at the end of the period at the recent rate.
    pub projected: Money,
    /// Thresholds crossed (of 50, 80, 90, 100).
    pub thresholds_crossed: Vec<u8>,
    /// Whether the budget is spent.
    pub exceeded: bool,
}

fn period(scope: String, limit: Money, spent: Money, projected: Money) -> BudgetPeriod {
    let pct = spent.percent_of(limit);
    BudgetPeriod {
        scope,
        limit,
        spent,
        remaining: if spent >= limit {
            Money::ZERO
        } else {
            limit - spent
        },
        budget_used_percent: pct,
        projected,
        thresholds_crossed: THRESHOLDS
            .iter()
            .copied()
            .filter(|t| pct >= f64::from(*t))
            .collect(),
        exceeded: spent >= limit,
    }
}

/// Where every budget stands (the spec's `check_budget_status`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct BudgetStatus {
    /// The daily budget, if set.
    pub daily: Option<BudgetPeriod>,
    /// The monthly budget, if set.
    pub monthly: Option<BudgetPeriod>,
    /// Per-agent daily budgets.
    pub agents: Vec<BudgetPeriod>,
    /// Whether the hard limit is on.
    pub hard_limit: bool,
    /// Spent today, whatever the budgets.
    pub today_spent: Money,
    /// Spent this month.
    pub month_spent: Money,
    /// Today's and this month's spend projected from the recent rate.
    pub forecast: super::summary::Forecast,
    /// One sentence per crossed threshold, for people.
    pub alerts: Vec<String>,
}

const BUDGETS_KEY: &str = "cost.budgets";

/// The stored budgets (see [`budgets`] for the ones in effect).
pub fn stored_budgets(store: &Store) -> Result<Budgets> {
    Ok(settings::get_json::<Budgets>(store, BUDGETS_KEY)?
        .and_then(|b| b.validated().ok())
        .unwrap_or_default())
}

/// Stores budgets validated by [`set_budgets`].
fn store_budgets(store: &mut Store, b: &Budgets) -> Result<()> {
    settings::put_json(store, BUDGETS_KEY, b)
}

/// The spec's `check_budget_status()`.
pub fn check_budget_status(store: &mut Store) -> Result<BudgetStatus> {
    let b = budgets(store)?;
    let (f, by_agent) = forecasts(store)?;
    let daily = b
        .daily_budget
        .map(|l| period("daily".into(), l, f.today_spent, f.today_projected));
    let monthly = b
        .monthly_budget
        .map(|l| period("monthly".into(), l, f.month_spent, f.month_projected));
    let mut agents = Vec::new();
    for (agent, limit) in &b.agent_daily_budgets {
        let (spent, projected) = by_agent
            .get(agent)
            .map_or((Money::ZERO, Money::ZERO), |fa| {
                (fa.today_spent, fa.today_projected)
            });
        agents.push(period(format!("agent:{agent}"), *limit, spent, projected));
    }
    let alerts = daily
        .iter()
        .chain(monthly.iter())
        .chain(agents.iter())
        .filter_map(|p| {
            let t = p.thresholds_crossed.last()?;
            Some(format!(
                "{} budget: {:.0} % used ({} of {}){}",
                p.scope.replace("agent:", "agent "),
                p.budget_used_percent,
                p.spent,
                p.limit,
                if *t >= 100 { " — spent" } else { "" }
            ))
        })
        .collect();
    Ok(BudgetStatus {
        daily,
        monthly,
        agents,
        hard_limit: b.hard_limit,
        today_spent: f.today_spent,
        month_spent: f.month_spent,
        forecast: f,
        alerts,
    })
}

/// Why `agent` may not call a paid model now, if the hard limit is on and a budget
/// that covers it is spent.
pub fn paid_calls_blocked(store: &mut Store, agent: &str) -> Result<Option<String>> {
    let b = budgets(store)?;
    if !b.hard_limit || !crate::ledger::config::load(store)?.cost_tracking_enabled {
        return Ok(None);
    }
    rollup::catch_up(store)?;
    let now = store.now_ms();
    let day = LEVELS[2];
    let today = now.div_euclid(day) * day;
    if let Some(limit) = b.daily_budget
        && spent(store, None, today, now + 1)? >= limit
    {
        return Ok(Some(format!("the daily budget of {limit} is spent")));
    }
    if let Some(limit) = b.monthly_budget
        && spent(store, None, month_bounds(now).0, now + 1)? >= limit
    {
        return Ok(Some(format!("the monthly budget of {limit} is spent")));
    }
    if let Some(limit) = b.agent_daily_budgets.get(agent)
        && spent(store, Some(agent), today, now + 1)? >= *limit
    {
        return Ok(Some(format!("{agent}'s daily budget of {limit} is spent")));
    }
    Ok(None)
}
