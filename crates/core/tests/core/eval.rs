//! Evaluation on labelled mail: the report's arithmetic agrees with the runs it
//! recorded (counts, matrix sums, cost), nothing is applied, several models compare
//! side by side through a real HTTP server, and a budget's hard limit stops the model
//! runs mid-way.

use std::path::Path;
use std::sync::{Arc, Mutex};

use jobtrail_core::Store;
use jobtrail_core::agent::config::{ProviderSettings, set_provider};
use jobtrail_core::cost::budget::{Budgets, set_budgets};
use jobtrail_core::failsafe::Failsafe;
use jobtrail_core::ledger::prices::{self, PriceDraft};
use jobtrail_core::money::Money;
use jobtrail_core::service::eval::{self, EngineChoice, EvalRequest, Source};
use jobtrail_llm_testserver::{Reply, TestServer};
use serde_json::json;

/// A small set: two offers, a rejection, a newsletter, with labels for one offer.
fn write_set(dir: &Path) {
    let msg = |from: &str, subject: &str, body: &str| {
        format!(
            "From: {from}\r\nTo: alex@example.net\r\nSubject: {subject}\r\nDate: Mon, 2 Nov 2026 10:00:00 +0000\r\n\r\n{body}\r\n"
        )
    };
    let files = [
        (
            "offer/1.eml",
            msg(
                "Jane <jane@lumengrid.io>",
                "Your offer from Lumen Grid",
                "We are pleased to offer you the Backend Engineer position at Lumen Grid.",
            ),
        ),
        (
            "offer/2.eml",
            msg(
                "Sam <sam@halcyon.example>",
                "Welcome aboard",
                "Please find your contract attached; we look forward to working with you.",
            ),
        ),
        (
            "rejection/1.eml",
            msg(
                "HR <hr@acme.example>",
                "Your application",
                "Unfortunately we have decided not to move forward with your application.",
            ),
        ),
        (
            "other/1.eml",
            msg(
                "News <news@letters.example>",
                "Weekly digest",
                "Top stories this week.",
            ),
        ),
    ];
    for (path, body) in files {
        let p = dir.join(path);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, body).unwrap();
    }
    std::fs::write(
        dir.join("labels.json"),
        json!({ "offer/1.eml": { "company": "Lumen Grid", "role": "Backend Engineer" } })
            .to_string(),
    )
    .unwrap();
}

fn count(store: &Mutex<Store>, sql: &str) -> i64 {
    store
        .lock()
        .unwrap()
        .conn()
        .query_row(sql, [], |r| r.get(0))
        .unwrap()
}

fn request(dir: &Path, engine: EngineChoice, models: &[&str]) -> EvalRequest {
    EvalRequest {
        source: Source::Dir(dir.to_path_buf()),
        engine: Some(engine),
        models: models.iter().map(|m| (*m).to_owned()).collect(),
    }
}

#[tokio::test]
async fn the_builtin_report_adds_up_and_changes_nothing() {
    let (_dir, store, _clock) = crate::temp_store();
    let set = tempfile::tempdir().unwrap();
    write_set(set.path());
    let store = Mutex::new(store);
    let seen = Mutex::new(Vec::new());
    let report = eval::evaluate(
        &store,
        &Arc::new(Failsafe::default()),
        &request(set.path(), EngineChoice::Builtin, &[]),
        &|p| seen.lock().unwrap().push((p.done, p.total)),
    )
    .await
    .unwrap();
    assert_eq!(report.sets[0].n, 4);
    assert_eq!(report.sets[0].by_category["offer"], 2);
    let r = &report.results[0];
    assert_eq!((r.engine.as_str(), r.n, r.skipped), ("builtin", 4, 0));
    let answered: u32 = r.confusion.matrix.iter().flatten().sum();
    assert_eq!(
        answered + r.failed,
        r.n,
        "every scored run is in the matrix or failed"
    );
    let diagonal: u32 = (0..r.confusion.labels.len())
        .map(|i| r.confusion.matrix[i][i])
        .sum();
    assert_eq!(diagonal, r.correct);
    assert_eq!(r.wrong.len() as u32, r.n - r.correct);
    let support: u32 = r.per_category.values().map(|c| c.support).sum();
    assert_eq!(support, r.n);
    let banded: u32 = r.calibration.iter().map(|b| b.n).sum();
    assert_eq!(banded, answered);
    assert_eq!(r.cost, Money::ZERO);
    assert_eq!(r.extraction.as_ref().map(|e| e.n), Some(1));
    assert_eq!(*seen.lock().unwrap().last().unwrap(), (4, 4));
    assert_eq!(
        count(&store, "SELECT count(*) FROM evaluation_runs"),
        4,
        "each run is tagged as part of the evaluation"
    );
    assert_eq!(count(&store, "SELECT count(*) FROM executions"), 4);
    assert_eq!(
        count(&store, "SELECT count(*) FROM applications")
            + count(&store, "SELECT count(*) FROM review_items")
            + count(&store, "SELECT count(*) FROM emails"),
        0,
        "a dry run: nothing applied, queued or stored as mail"
    );
}

#[tokio::test]
async fn models_compare_side_by_side_and_the_hard_limit_skips_the_rest() {
    let server = TestServer::start().await.unwrap();
    let (_dir, store, _clock) = crate::temp_store();
    let set = tempfile::tempdir().unwrap();
    write_set(set.path());
    let mut store = store;
    set_provider(
        &mut store,
        ProviderSettings {
            provider: Some("test".into()),
            base_url: Some(server.base_url()),
        },
    )
    .unwrap();
    for model in ["model-a", "model-b"] {
        prices::set(
            &mut store,
            PriceDraft {
                model: model.into(),
                input: Some("1000".parse().unwrap()),
                output: Some("1000".parse().unwrap()),
                ..Default::default()
            },
        )
        .unwrap();
    }
    // Every answer says "offer": right for two of the four.
    server.set_fallback(Reply::json(&json!({
        "category": "offer", "urgency": "high", "company": "Lumen Grid",
        "role": "Backend Engineer", "dates": [], "contacts": [], "application_id": null,
        "proposed_status": null, "summary": "An offer.", "confidence": 0.9,
        "explanation": {"decision": "offer", "confidence": 0.9, "reasoning_steps": [],
            "alternatives": [], "key_factors": [], "assumptions": [], "limitations": []}
    })));
    let store = Mutex::new(store);
    let failsafe = Arc::new(Failsafe::default());
    let report = eval::evaluate(
        &store,
        &failsafe,
        &request(set.path(), EngineChoice::Llm, &["model-a", "model-b"]),
        &|_| {},
    )
    .await
    .unwrap();
    let models: Vec<_> = report.results.iter().map(|r| r.model.clone()).collect();
    assert_eq!(models, [Some("model-a".into()), Some("model-b".into())]);
    let recorded: i64 = count(
        &store,
        "SELECT coalesce(sum(e.cost_nanos), 0) FROM executions e JOIN evaluation_runs v ON v.execution_id = e.id",
    );
    let reported: i64 = report.results.iter().map(|r| r.cost.nanos()).sum();
    assert_eq!(
        reported, recorded,
        "the report's cost is what the runs cost"
    );
    assert!(reported > 0, "model runs are priced");
    for r in &report.results {
        assert_eq!(r.n, 4);
        assert_eq!(
            r.cost_per_correct
                .map(|m| m.nanos() * i64::from(r.correct))
                .is_some(),
            r.correct > 0
        );
    }

    // A spent daily budget with the hard limit: no model run, all skipped.
    set_budgets(
        &mut store.lock().unwrap(),
        Budgets {
            daily_budget: Some("0.000001".parse().unwrap()),
            hard_limit: true,
            ..Default::default()
        },
    )
    .unwrap();
    let before = count(&store, "SELECT count(*) FROM executions");
    let report = eval::evaluate(
        &store,
        &failsafe,
        &request(set.path(), EngineChoice::Llm, &["model-a"]),
        &|_| {},
    )
    .await
    .unwrap();
    let r = &report.results[0];
    assert_eq!(
        (r.n, r.skipped),
        (0, 4),
        "skipped, not run on the built-in engine"
    );
    assert_eq!(count(&store, "SELECT count(*) FROM executions"), before);
}

#[tokio::test]
async fn bad_sets_and_a_missing_model_are_refused_before_any_run() {
    let (_dir, store, _clock) = crate::temp_store();
    let store = Mutex::new(store);
    let failsafe = Arc::new(Failsafe::default());
    let set = tempfile::tempdir().unwrap();
    write_set(set.path());
    std::fs::create_dir(set.path().join("interviews")).unwrap();
    let err = eval::evaluate(
        &store,
        &failsafe,
        &request(set.path(), EngineChoice::Builtin, &[]),
        &|_| {},
    )
    .await
    .unwrap_err()
    .to_string();
    assert!(
        err.contains("interviews") && err.contains("interview_invite"),
        "{err}"
    );
    std::fs::remove_dir(set.path().join("interviews")).unwrap();

    let corrections = EvalRequest {
        source: Source::Corrections,
        engine: Some(EngineChoice::Builtin),
        models: vec![],
    };
    let err = eval::evaluate(&store, &failsafe, &corrections, &|_| {})
        .await
        .unwrap_err()
        .to_string();
    assert!(err.contains("no corrections"), "{err}");
    assert_eq!(count(&store, "SELECT count(*) FROM executions"), 0);
}
