//! Budgets as the front ends change them: some budgets named, the others kept as
//! stored (read, merge, write in one place).

use crate::cost::{self, Budgets, Money};
use crate::error::Result;
use crate::store::Store;

/// Budgets to change; what is not named keeps its stored value.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct BudgetChange {
    /// The daily budget: `Some(None)` removes it.
    pub daily: Option<Option<Money>>,
    /// The monthly budget: `Some(None)` removes it.
    pub monthly: Option<Option<Money>>,
    /// Per-agent daily budgets, in order: an amount sets one, `None` removes it.
    pub agents: Vec<(String, Option<Money>)>,
    /// Stop calling paid models once a budget is spent.
    pub hard_limit: Option<bool>,
}

/// Stores the stored budgets with `change` over them (validated as a whole); returns
/// what was stored. `DAILY_BUDGET` is not written back: it only decides while set.
pub fn update_budgets(store: &mut Store, change: BudgetChange) -> Result<Budgets> {
    let mut b = cost::budget::stored_budgets(store)?;
    if let Some(d) = change.daily {
        b.daily_budget = d;
    }
    if let Some(m) = change.monthly {
        b.monthly_budget = m;
    }
    for (name, amount) in change.agents {
        let name = name.trim().to_owned();
        match amount {
            Some(m) => b.agent_daily_budgets.insert(name, m),
            None => b.agent_daily_budgets.remove(&name),
        };
    }
    if let Some(h) = change.hard_limit {
        b.hard_limit = h;
    }
    cost::set_budgets(store, b)
}

/// Sets the daily budget (`None` removes it); the other budgets stay (the spec's
/// `POST /costs/budget/set?budget=10.00`).
pub fn set_daily_budget(store: &mut Store, daily: Option<Money>) -> Result<Budgets> {
    update_budgets(
        store,
        BudgetChange {
            daily: Some(daily),
            ..BudgetChange::default()
        },
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_change_keeps_every_budget_it_does_not_name() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = Store::open(dir.path()).unwrap();
        let ten = Money::from_micros(10_000_000);
        let two = Money::from_micros(2_000_000);
        let b = update_budgets(
            &mut store,
            BudgetChange {
                monthly: Some(Some(ten)),
                agents: vec![(" job-match ".into(), Some(two))],
                hard_limit: Some(true),
                ..BudgetChange::default()
            },
        )
        .unwrap();
        assert_eq!(b.monthly_budget, Some(ten));
        assert_eq!(
            b.agent_daily_budgets.get("job-match"),
            Some(&two),
            "agent names are trimmed"
        );

        let b = set_daily_budget(&mut store, Some(two)).unwrap();
        assert_eq!(b.daily_budget, Some(two));
        assert_eq!(b.monthly_budget, Some(ten), "the monthly budget stays");
        assert!(b.hard_limit, "the hard limit stays");
        assert_eq!(b.agent_daily_budgets.len(), 1, "agent budgets stay");
        assert_eq!(cost::budget::stored_budgets(&store).unwrap(), b, "stored");

        let b = update_budgets(
            &mut store,
            BudgetChange {
                daily: Some(None),
                agents: vec![("job-match".into(), None)],
                ..BudgetChange::default()
            },
        )
        .unwrap();
        assert_eq!(b.daily_budget, None, "removed");
        assert!(b.agent_daily_budgets.is_empty(), "removed");
        assert_eq!(b.monthly_budget, Some(ten));

        let err = set_daily_budget(&mut store, Some(Money::ZERO)).expect_err("zero");
        assert!(matches!(err, crate::Error::Invalid { .. }), "{err}");
        assert_eq!(
            cost::budget::stored_budgets(&store).unwrap(),
            b,
            "a refused change leaves the budgets as they were"
        );
    }
}
