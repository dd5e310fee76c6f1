//! `get_cost_optimization_tips`: advice computed from real usage, each with the
//! saving it would have made over the period.

use serde::{Deserialize, Serialize};

use super::money::Money;
use super::prices;
use crate::error::Result;
use crate::ledger::TokenUsage;
use crate::monitor::metrics::check_period;
use crate::rollup::{self, Totals};
use crate::store::Store;

/// One piece of advice.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct CostTip {
    /// The agent it is about.
    pub agent: String,
    /// `cheaper_model`, `output_heavy`, `low_cache_hits`, `failed_runs`.
    pub kind: String,
    /// What to do, in a sentence.
    pub message: String,
    /// What it would have saved over the period.
    pub potential_savings: Money,
    /// The period looked at, hours.
    pub period_hours: f64,
}

/// Cheaper siblings worth suggesting.
const CHEAPER: &[(&str, &str)] = &[
    ("gpt-4o", "gpt-4o-mini"),
    ("gpt-4-turbo", "gpt-4o-mini"),
    ("gpt-4.1", "gpt-4.1-mini"),
    ("gpt-4.1-mini", "gpt-4.1-nano"),
    ("gpt-5", "gpt-5-mini"),
    ("gpt-5-mini", "gpt-5-nano"),
    ("o3", "o4-mini"),
];

/// Below this a tip is not worth anyone's attention.
const MIN_SAVING: Money = Money::from_micros(1_000);

fn usage(t: &Totals) -> TokenUsage {
    let n = |v: i64| u64::try_from(v).unwrap_or(0);
    TokenUsage {
        input: n(t.input_tokens),
        cached_input: n(t.cached_input_tokens),
        output: n(t.output_tokens),
        reasoning: n(t.reasoning_tokens),
    }
}

/// Tips over the last `period_hours` (the spec's default view is a week), largest
/// saving first.
pub fn get_cost_optimization_tips(store: &mut Store, period_hours: f64) -> Result<Vec<CostTip>> {
    let period_hours = check_period(period_hours)?;
    super::require_enabled(store)?;
    rollup::catch_up(store)?;
    let (from, to) = super::summary::window(store, period_hours);
    let cells = rollup::totals_by_agent_model(store, None, from, to)?;
    let mut tips = Vec::new();
    for ((agent, model), t) in &cells {
        if model.is_empty() || t.cost_nanos == 0 {
            continue;
        }
        let cost = Money::from_nanos(t.cost_nanos);
        let Some(price) = prices::find(store, model)? else {
            continue;
        };
        let u = usage(t);
        // The same tokens on a cheaper sibling.
        if let Some((_, cheaper)) = CHEAPER.iter().find(|(m, _)| *m == price.model)
            && let Some(cp) = prices::find(store, cheaper)?
        {
            let saving = cost - cp.cost(&u).total;
            if saving >= MIN_SAVING {
                tips.push(CostTip {
                    agent: agent.clone(),
                    kind: "cheaper_model".into(),
                    message: format!(
                        "{agent} spent {cost} on {model}; the same tokens on {cheaper} would cost \
                         {}. Try {cheaper} in the agent's settings and compare its answers.",
                        cp.cost(&u).total
                    ),
                    potential_savings: saving,
                    period_hours,
                });
            }
        }
        // Output dominates the bill: shorter answers save most.
        let c = price.cost(&u);
        if c.output > c.input.scale(3, 2) && c.output >= MIN_SAVING.scale(4, 1) {
            tips.push(CostTip {
                agent: agent.clone(),
                kind: "output_heavy".into(),
                message: format!(
                    "{agent}: output is {:.0} % of its {model} spend. Ask for shorter answers or \
                     lower its max tokens; a quarter less output saves the amount shown.",
                    c.output.percent_of(c.total)
                ),
                potential_savings: c.output.scale(1, 4),
                period_hours,
            });
        }
        // Few cached prompt tokens: a stable prompt prefix is billed at the cached rate.
        let prompt = u.input + u.cached_input;
        let cached_rate = price.cached_input.unwrap_or(price.input);
        if prompt >= 10_000 && u.cached_input * 5 < prompt && cached_rate < price.input {
            let half = (prompt / 2).saturating_sub(u.cached_input);
            let micros = |m: Money| m.nanos() / 1000;
            let saving = Money::for_tokens(half, micros(price.input) - micros(cached_rate));
            if saving >= MIN_SAVING {
                tips.push(CostTip {
                    agent: agent.clone(),
                    kind: "low_cache_hits".into(),
                    message: format!(
                        "{agent}: only {:.0} % of its prompt tokens were cached. Keep the fixed \
                         instructions first and identical between runs so the provider can cache them.",
                        u.cached_input as f64 * 100.0 / prompt as f64
                    ),
                    potential_savings: saving,
                    period_hours,
                });
            }
        }
    }
    // Money spent on runs that failed, per agent.
    let mut failed: std::collections::BTreeMap<&str, i64> = Default::default();
    for ((agent, _), t) in &cells {
        *failed.entry(agent).or_default() += t.failed_cost_nanos;
    }
    for (agent, nanos) in failed {
        let wasted = Money::from_nanos(nanos);
        if wasted >= MIN_SAVING {
            tips.push(CostTip {
                agent: agent.to_owned(),
                kind: "failed_runs".into(),
                message: format!(
                    "{agent} spent {wasted} on runs that failed. Look at their errors: invalid \
                     answers may need a clearer prompt or a larger max tokens."
                ),
                potential_savings: wasted,
                period_hours,
            });
        }
    }
    tips.sort_by_key(|t| std::cmp::Reverse(t.potential_savings));
    Ok(tips)
}
