//! Prices, cost arithmetic against hand-computed figures, and costs recorded with
//! every run.

use std::sync::Mutex;

use jobtrail_core::agent::config::AgentConfigDraft;
use jobtrail_core::agent::llm::TokenUsage;
use jobtrail_core::agent::tasks;
use jobtrail_core::cost::{self, Money, PriceDraft, prices};
use jobtrail_core::tracker::Error;
use jobtrail_llm_testserver::{Reply, TestServer, Usage};
use serde_json::json;

use crate::temp_store;

/// 1,000 uncached input, 2,000 cached input, 300 output and 700 reasoning tokens,
/// priced by hand from each seeded model's $/1M rates (n$ = 10⁻⁹ $).
const HAND_COMPUTED: &[(&str, i64)] = &[
    // 1000×2500 + 2000×1250 + 300×10000 + 700×10000
    ("gpt-4o", 15_000_000),
    // 1000×150 + 2000×75 + 300×600 + 700×600
    ("gpt-4o-mini", 900_000),
    // no cached rate: 1000×10000 + 2000×10000 + 300×30000 + 700×30000
    ("gpt-4-turbo", 60_000_000),
    // 1000×500 + 2000×500 + 300×1500 + 700×1500
    ("gpt-3.5-turbo", 3_000_000),
    // 1000×2000 + 2000×500 + 300×8000 + 700×8000
    ("gpt-4.1", 11_000_000),
    // 1000×400 + 2000×100 + 300×1600 + 700×1600
    ("gpt-4.1-mini", 2_200_000),
    // 1000×100 + 2000×25 + 300×400 + 700×400
    ("gpt-4.1-nano", 550_000),
    ("o3", 11_000_000),
    // 1000×1100 + 2000×275 + 300×4400 + 700×4400
    ("o4-mini", 6_050_000),
    // 1000×1250 + 2000×125 + 300×10000 + 700×10000
    ("gpt-5", 11_500_000),
    // 1000×250 + 2000×25 + 300×2000 + 700×2000
    ("gpt-5-mini", 2_300_000),
    // 1000×50 + 2000×5 + 300×400 + 700×400
    ("gpt-5-nano", 460_000),
];

#[test]
fn every_seeded_model_costs_what_its_rates_say() {
    let (_dir, store, _) = temp_store();
    let usage = TokenUsage {
        input: 1_000,
        cached_input: 2_000,
        output: 300,
        reasoning: 700,
    };
    let seeded = prices::list(&store).unwrap();
    assert_eq!(
        seeded.len(),
        HAND_COMPUTED.len(),
        "every seeded model has a case"
    );
    for (model, nanos) in HAND_COMPUTED {
        let price = prices::find(&store, model).unwrap().unwrap();
        let cost = price.cost(&usage);
        assert_eq!(cost.total, Money::from_nanos(*nanos), "{model}");
        assert_eq!(cost.input + cost.output, cost.total);
        assert!(!price.source.is_empty() && price.as_of.len() == 10);
    }
}

#[test]
fn the_spec_example_and_dated_snapshots() {
    let (_dir, mut store, _) = temp_store();
    // The spec: gpt-4o-mini, 1,000 input and 500 output → $0.00015 + $0.0003.
    let u = cost::track_usage(&mut store, "CustomAgent", "gpt-4o-mini", 1000, 500, 0, 0).unwrap();
    assert_eq!(u.input_cost, "0.00015".parse().unwrap());
    assert_eq!(u.output_cost, "0.0003".parse().unwrap());
    assert_eq!(u.total_cost, "0.00045".parse().unwrap());
    assert!(u.priced);
    // Provider convention: input includes cached, output includes reasoning.
    let u = cost::track_usage(
        &mut store,
        "CustomAgent",
        "gpt-4o-mini-2024-07-18",
        3000,
        1000,
        2000,
        700,
    )
    .unwrap();
    assert_eq!(
        u.total_cost,
        Money::from_nanos(900_000),
        "same as the hand-computed case"
    );
    let recorded: i64 = store
        .conn()
        .query_row(
            "SELECT cost_nanos FROM executions WHERE id = ?1",
            [u.execution_id],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(recorded, 900_000, "recorded like any other usage");
    assert!(matches!(
        cost::track_usage(&mut store, "A", "gpt-4o", 10, 10, 11, 0),
        Err(Error::Invalid {
            field: "cached",
            ..
        })
    ));
}

#[test]
fn an_unknown_model_is_unpriced_not_free_until_it_gets_a_price() {
    let (_dir, mut store, _) = temp_store();
    let u = cost::track_usage(&mut store, "A", "llama3.1:8b", 1000, 100, 0, 0).unwrap();
    assert!(!u.priced);
    let unpriced: i64 = store
        .conn()
        .query_row(
            "SELECT unpriced_calls FROM executions WHERE id = ?1",
            [u.execution_id],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(unpriced, 1);

    let p = prices::set(
        &mut store,
        PriceDraft {
            model: "llama3.1:8b".into(),
            input: Some(Money::ZERO),
            output: Some(Money::ZERO),
            source: Some("local model".into()),
            ..Default::default()
        },
    )
    .unwrap();
    assert_eq!(p.as_of.len(), 10);
    let u = cost::track_usage(&mut store, "A", "llama3.1:8b", 1000, 100, 0, 0).unwrap();
    assert!(u.priced && u.total_cost == Money::ZERO);

    for (draft, field) in [
        (
            PriceDraft {
                model: "m".into(),
                output: Some(Money::ZERO),
                ..Default::default()
            },
            "input",
        ),
        (
            PriceDraft {
                model: "has space".into(),
                input: Some(Money::ZERO),
                output: Some(Money::ZERO),
                ..Default::default()
            },
            "model",
        ),
        (
            PriceDraft {
                model: "m".into(),
                input: Some("20000".parse().unwrap()),
                output: Some(Money::ZERO),
                ..Default::default()
            },
            "input",
        ),
        (
            PriceDraft {
                model: "m".into(),
                input: Some(Money::from_nanos(1)),
                output: Some(Money::ZERO),
                ..Default::default()
            },
            "input",
        ),
    ] {
        match prices::set(&mut store, draft) {
            Err(Error::Invalid { field: f, .. }) => assert_eq!(f, field),
            other => panic!("expected a {field} error, got {other:?}"),
        }
    }
}

#[tokio::test]
async fn a_model_run_is_priced_per_call_with_cached_and_reasoning_rates() {
    let server = TestServer::start().await.unwrap();
    let (_dir, mut store, _) = temp_store();
    jobtrail_core::agent::config::set_agent_config(
        &mut store,
        "job-match",
        AgentConfigDraft {
            model: Some("o4-mini".into()),
            ..Default::default()
        },
    )
    .unwrap();
    let store = Mutex::new(store);
    server.script([Reply::content(
        json!({
            "score": 60, "matched_skills": [], "missing_skills": [], "recommendation": "consider",
            "summary": "Some fit.", "confidence": 0.6
        })
        .to_string(),
    )
    // prompt 3000 of which 2000 cached; completion 1000 of which 700 reasoning
    .with_usage(Usage::new(3000, 2000, 1000, 700))]);
    let runtime = crate::test_runtime(&server);
    let run = tasks::job_match(&store, &runtime, "Rust").await.unwrap();
    // o4-mini: 1000×1100 + 2000×275 + 300×4400 + 700×4400 n$
    assert_eq!(run.execution.cost, Money::from_nanos(6_050_000));
    assert_eq!(run.execution.unpriced_calls, 0);
    let s = store.lock().unwrap();
    let (exec, call): (i64, i64) = s
        .conn()
        .query_row(
            "SELECT e.cost_nanos, c.cost_nanos FROM executions e JOIN llm_calls c ON c.execution_id = e.id
             WHERE e.id = ?1",
            [run.execution.execution_id],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    assert_eq!((exec, call), (6_050_000, 6_050_000));
}

#[test]
fn summaries_break_spend_down_by_model_agent_and_day() {
    let (_dir, mut store, clock) = temp_store();
    cost::track_usage(&mut store, "email-analyst", "gpt-4o", 10_000, 1_000, 0, 0).unwrap(); // 0.025 + 0.01
    cost::track_usage(
        &mut store,
        "email-analyst",
        "gpt-4o-mini",
        10_000,
        1_000,
        0,
        0,
    )
    .unwrap(); // 0.0015 + 0.0006
    clock.advance(26 * 3_600_000);
    cost::track_usage(&mut store, "job-match", "gpt-4o-mini", 20_000, 0, 0, 0).unwrap(); // 0.003
    cost::track_usage(&mut store, "job-match", "llama3", 5_000, 0, 0, 0).unwrap(); // unpriced

    let total = cost::summary::summary(&mut store, None, 48.0).unwrap();
    assert_eq!(total.total_cost, "0.0401".parse().unwrap());
    assert_eq!(
        (total.total_calls, total.unpriced_calls, total.executions),
        (4, 1, 4)
    );
    assert_eq!(total.by_model[0].name, "gpt-4o");
    assert_eq!(total.by_model[0].cost, "0.035".parse().unwrap());
    assert_eq!(
        total
            .by_agent
            .iter()
            .map(|b| b.name.as_str())
            .collect::<Vec<_>>(),
        ["email-analyst", "job-match"]
    );
    assert!(total.daily.len() >= 2);
    assert_eq!(
        total.daily.iter().map(|d| d.cost).sum::<Money>(),
        total.total_cost,
        "the days add up"
    );
    assert_eq!(total.avg_cost_per_call, "0.010025".parse().unwrap());

    let recent = cost::get_agent_summary(&mut store, "email-analyst", 24.0).unwrap();
    assert_eq!(
        recent.total_cost,
        Money::ZERO,
        "26 hours ago is outside the last 24"
    );
    let all = cost::get_all_agents_costs(&mut store, 48.0).unwrap();
    assert_eq!(all.len(), 2);
}

#[test]
fn budgets_report_thresholds_and_refuse_nonsense() {
    let (_dir, mut store, _) = temp_store();
    assert!(matches!(
        cost::set_budgets(
            &mut store,
            cost::Budgets {
                daily_budget: Some(Money::ZERO),
                ..Default::default()
            }
        ),
        Err(Error::Invalid {
            field: "dailyBudget",
            ..
        })
    ));
    cost::set_budgets(
        &mut store,
        cost::Budgets {
            daily_budget: Some("0.01".parse().unwrap()),
            monthly_budget: Some("1".parse().unwrap()),
            agent_daily_budgets: [("job-match".to_owned(), "0.001".parse().unwrap())].into(),
            hard_limit: false,
        },
    )
    .unwrap();
    cost::track_usage(&mut store, "email-analyst", "gpt-4o-mini", 55_000, 0, 0, 0).unwrap(); // $0.00825
    let s = cost::check_budget_status(&mut store).unwrap();
    let daily = s.daily.unwrap();
    assert_eq!(daily.spent, "0.00825".parse().unwrap());
    assert_eq!(daily.thresholds_crossed, [50, 80]);
    assert!((daily.budget_used_percent - 82.5).abs() < 1e-9);
    assert_eq!(daily.remaining, "0.00175".parse().unwrap());
    assert!(!daily.exceeded);
    assert_eq!(s.monthly.unwrap().thresholds_crossed, Vec::<u8>::new());
    assert_eq!(s.agents[0].spent, Money::ZERO);
    assert!(
        s.alerts[0].contains("daily budget: 82 % used"),
        "{:?}",
        s.alerts
    );

    cost::track_usage(&mut store, "job-match", "gpt-4o-mini", 20_000, 0, 0, 0).unwrap(); // $0.003
    let s = cost::check_budget_status(&mut store).unwrap();
    assert!(s.daily.unwrap().exceeded);
    assert_eq!(s.agents[0].thresholds_crossed, [50, 80, 90, 100]);
}

#[tokio::test]
async fn with_the_hard_limit_a_spent_budget_keeps_agents_off_paid_models() {
    let server = TestServer::start().await.unwrap();
    let (_dir, mut store, _) = temp_store();
    cost::set_budgets(
        &mut store,
        cost::Budgets {
            daily_budget: Some("0.001".parse().unwrap()),
            hard_limit: true,
            ..Default::default()
        },
    )
    .unwrap();
    cost::track_usage(&mut store, "job-match", "gpt-4o-mini", 10_000, 0, 0, 0).unwrap(); // $0.0015
    let store = Mutex::new(store);
    let runtime = crate::test_runtime(&server);
    let run = tasks::job_match(&store, &runtime, "Rust").await.unwrap();
    assert!(run.result.is_ok());
    assert_eq!(run.execution.engine, jobtrail_core::agent::Engine::Builtin);
    let why = run.execution.fallback_reason.unwrap();
    assert!(why.contains("daily budget of $0.001000 is spent"), "{why}");
    assert!(server.received().is_empty(), "no paid call was made");

    // A model priced at $0 (a local one) is never blocked.
    prices::set(
        &mut store.lock().unwrap(),
        PriceDraft {
            model: "local-llama".into(),
            input: Some(Money::ZERO),
            output: Some(Money::ZERO),
            ..Default::default()
        },
    )
    .unwrap();
    jobtrail_core::agent::config::set_agent_config(
        &mut store.lock().unwrap(),
        "job-match",
        AgentConfigDraft {
            model: Some("local-llama".into()),
            ..Default::default()
        },
    )
    .unwrap();
    server.script([Reply::content(
        json!({
            "score": 50, "matched_skills": [], "missing_skills": [], "recommendation": "consider",
            "summary": "ok", "confidence": 0.5
        })
        .to_string(),
    )]);
    let run = tasks::job_match(&store, &runtime, "Rust").await.unwrap();
    assert_eq!(run.execution.engine, jobtrail_core::agent::Engine::Llm);
}

#[test]
fn tips_name_the_agent_and_the_saving() {
    let (_dir, mut store, _) = temp_store();
    // gpt-4o: 100k input ($0.25) + 50k output ($0.50); on gpt-4o-mini $0.015 + $0.03.
    cost::track_usage(&mut store, "email-analyst", "gpt-4o", 100_000, 50_000, 0, 0).unwrap();
    let tips = cost::get_cost_optimization_tips(&mut store, 168.0).unwrap();
    let cheaper = tips.iter().find(|t| t.kind == "cheaper_model").unwrap();
    assert_eq!(cheaper.agent, "email-analyst");
    assert_eq!(cheaper.potential_savings, "0.705".parse().unwrap());
    assert!(
        cheaper.message.contains("gpt-4o-mini"),
        "{}",
        cheaper.message
    );
    let output = tips.iter().find(|t| t.kind == "output_heavy").unwrap();
    assert_eq!(
        output.potential_savings,
        "0.125".parse().unwrap(),
        "a quarter of $0.50"
    );
    let cache = tips.iter().find(|t| t.kind == "low_cache_hits").unwrap();
    // Half of 100k prompt tokens at (2.50 − 1.25) $/1M.
    assert_eq!(cache.potential_savings, "0.0625".parse().unwrap());
    assert!(
        tips.windows(2)
            .all(|w| w[0].potential_savings >= w[1].potential_savings)
    );
    assert!(cost::get_cost_optimization_tips(&mut store, -1.0).is_err());
}
