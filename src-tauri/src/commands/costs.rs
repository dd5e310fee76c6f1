//! The spec's cost-tracking endpoints (`/api/monitoring/costs/*`, `/export/costs`),
//! one command each, and the price table.

use jobtrail_core::cost::{
    self, BudgetStatus, Budgets, CostSummary, CostTip, ModelPrice, Money, PriceDraft, prices,
};
use jobtrail_core::service::{costs, export};
use tauri::State;

use super::ExportDone;
use crate::args::Arg;
use crate::error::IpcError;
use crate::state::StoreState;
use crate::watch::Watch;

/// Pokes the watcher when the command ends, whatever its outcome.
struct PokeOnDrop<'a>(&'a Watch);

impl Drop for PokeOnDrop<'_> {
    fn drop(&mut self) {
        self.0.poke();
    }
}

/// `GET /costs/agents?period_hours=24`: each agent's costs, most expensive first.
#[tauri::command]
#[specta::specta]
#[tracing::instrument(skip(state), err(Debug))]
pub async fn get_costs_by_agent(
    state: State<'_, StoreState>,
    period_hours: f64,
) -> Result<Vec<CostSummary>, IpcError> {
    state.with(|s| Ok(cost::get_all_agents_costs(s, period_hours)?))
}

/// `GET /costs/agents/{agent_name}?period_hours=24`.
#[tauri::command]
#[specta::specta]
#[tracing::instrument(skip(state), err(Debug))]
pub async fn get_agent_costs(
    state: State<'_, StoreState>,
    agent_name: String,
    period_hours: f64,
) -> Result<CostSummary, IpcError> {
    state.with(|s| Ok(cost::get_agent_summary(s, &agent_name, period_hours)?))
}

/// `GET /costs/total?period_hours=24`: all agents together, by model, agent and day.
#[tauri::command]
#[specta::specta]
#[tracing::instrument(skip(state), err(Debug))]
pub async fn get_total_costs(
    state: State<'_, StoreState>,
    period_hours: f64,
) -> Result<CostSummary, IpcError> {
    state.with(|s| Ok(cost::summary::summary(s, None, period_hours)?))
}

/// `GET /costs/budget/status`: spend against each budget, projections, thresholds.
#[tauri::command]
#[specta::specta]
#[tracing::instrument(skip(state), err(Debug))]
pub async fn get_budget_status(state: State<'_, StoreState>) -> Result<BudgetStatus, IpcError> {
    state.with(|s| Ok(cost::check_budget_status(s)?))
}

/// `GET /costs/optimization/tips` (over the last week unless a period is given).
#[tauri::command]
#[specta::specta]
#[tracing::instrument(skip(state), err(Debug))]
pub async fn get_optimization_tips(
    state: State<'_, StoreState>,
    period_hours: Option<f64>,
) -> Result<Vec<CostTip>, IpcError> {
    state.with(|s| {
        Ok(cost::get_cost_optimization_tips(
            s,
            period_hours.unwrap_or(168.0),
        )?)
    })
}

/// `POST /costs/budget/set?budget=10.00`: sets the daily budget (`null` removes it);
/// the other budgets stay.
#[tauri::command]
#[specta::specta]
#[tracing::instrument(skip(state, watch), err(Debug))]
pub async fn set_budget(
    state: State<'_, StoreState>,
    watch: State<'_, Watch>,
    budget: Arg<Option<Money>>,
) -> Result<Budgets, IpcError> {
    let budget = budget.get("budget")?;
    // The tray and the budget notices follow the new limit.
    let _poke = PokeOnDrop(&watch);
    state.with(|s| Ok(costs::set_daily_budget(s, budget)?))
}

/// Every budget at once: daily, monthly, per agent, and the hard limit.
#[tauri::command]
#[specta::specta]
#[tracing::instrument(skip(state, watch), err(Debug))]
pub async fn set_budgets(
    state: State<'_, StoreState>,
    watch: State<'_, Watch>,
    budgets: Arg<Budgets>,
) -> Result<Budgets, IpcError> {
    let budgets = budgets.get("budgets")?;
    let _poke = PokeOnDrop(&watch);
    state.with(|s| Ok(cost::set_budgets(s, budgets)?))
}

/// `GET /export/costs`: writes the cost report to `path` (chosen in the save dialog)
/// as `json` or `csv`.
#[tauri::command]
#[specta::specta]
#[tracing::instrument(skip(state), err(Debug))]
pub async fn export_costs(
    state: State<'_, StoreState>,
    path: String,
    period_hours: f64,
    format: Arg<export::Format>,
) -> Result<ExportDone, IpcError> {
    let format = format.get("format")?;
    let path = super::export_path(&path)?;
    state.with(|s| {
        export::to_file(&path, |w| export::export_costs(s, period_hours, format, w))?;
        Ok(ExportDone::of(&path))
    })
}

/// The price table, by model.
#[tauri::command]
#[specta::specta]
#[tracing::instrument(skip(state), err(Debug))]
pub async fn list_prices(state: State<'_, StoreState>) -> Result<Vec<ModelPrice>, IpcError> {
    state.with(|s| Ok(prices::list(s)?))
}

/// Adds or changes a model's price.
#[tauri::command]
#[specta::specta]
#[tracing::instrument(skip(state), err(Debug))]
pub async fn set_price(
    state: State<'_, StoreState>,
    price: Arg<PriceDraft>,
) -> Result<ModelPrice, IpcError> {
    let price = price.get("price")?;
    state.with(|s| Ok(prices::set(s, price)?))
}

/// Removes a model's price (its later calls are unpriced).
#[tauri::command]
#[specta::specta]
#[tracing::instrument(skip(state), err(Debug))]
pub async fn remove_price(state: State<'_, StoreState>, model: String) -> Result<(), IpcError> {
    state.with(|s| Ok(prices::remove(s, &model)?))
}
