//! Cost tracking: exact money, the price table, and what each run cost.
//!
//! Every LLM call is priced when its run is recorded (see `ledger::execution`), at
//! the price table's rates for its model: uncached input, cached input, output and
//! reasoning tokens each at their own rate, none counted twice. A model without a
//! price makes the call *unpriced*: counted and reported, never taken as free.

pub mod budget;
pub mod summary;
pub mod tips;
mod track;

pub use crate::ledger::prices::{self, Cost, ModelPrice, PriceDraft};
pub use crate::money::{self, Money};
pub use budget::{BudgetPeriod, BudgetStatus, Budgets, check_budget_status, set_budgets};
pub use summary::{CostSummary, Forecast, get_agent_summary, get_all_agents_costs};
pub use tips::{CostTip, get_cost_optimization_tips};
pub use track::{UsageRecord, track_usage};

/// An error unless cost tracking is on.
pub(crate) fn require_enabled(store: &crate::store::Store) -> crate::error::Result<()> {
    if crate::ledger::config::load(store)?.cost_tracking_enabled {
        Ok(())
    } else {
        Err(crate::error::Error::invalid(
            "costTracking",
            "is turned off (COST_TRACKING_ENABLED=false or the monitoring settings)",
        ))
    }
}
