//! One store, many hands at once, as on a person's machine: the app's agent runs, its
//! dashboard, tray and scheduler share one connection behind a lock, while the CLI
//! (another process, so another connection) imports, edits applications, records runs
//! and changes settings. No caller may see "database is locked", and nothing written
//! may be lost.

use std::sync::{Arc, Mutex};
use std::thread;

use jobtrail_core::Store;
use jobtrail_core::agent::config::AgentConfigDraft;
use jobtrail_core::agent::email_analyst::{EmailAnalyst, EmailInput};
use jobtrail_core::agent::{RunSettings, Runtime};
use jobtrail_core::cost::{self, Budgets, Money};
use jobtrail_core::ledger::execution::{Outcome, end_executions, start_execution};
use jobtrail_core::monitor::{self, maintenance, metrics};
use jobtrail_core::notices;
use jobtrail_core::tracker::{Origin, Status, applications, import};

const APP_RUNNERS: usize = 4;
const RUNS_EACH: usize = 100;
const CLI_ROUNDS: usize = 150;
const BATCHES: usize = 100;
const BATCH: usize = 20;

/// Errors any hand saw; the test fails if there is one.
type Errors = Arc<Mutex<Vec<String>>>;

fn note<T, E: std::fmt::Display>(errors: &Errors, what: &str, r: Result<T, E>) -> Option<T> {
    r.map_err(|e| errors.lock().unwrap().push(format!("{what}: {e}")))
        .ok()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn the_app_the_cli_and_the_scheduler_share_one_store_without_lock_errors() {
    let dir = tempfile::tempdir().unwrap();
    let app = Arc::new(Mutex::new(Store::open(dir.path()).unwrap()));
    let errors: Errors = Arc::default();

    // The CLI importing mail, adding applications and moving them along, and saving
    // an agent setting each round (its own connection).
    let cli = {
        let (dir, errors) = (dir.path().to_path_buf(), errors.clone());
        thread::spawn(move || {
            let mut s = Store::open(&dir).unwrap();
            for i in 0..CLI_ROUNDS {
                let mbox = dir.join(format!("cli-{i}.mbox"));
                std::fs::write(&mbox, mbox_text(i)).unwrap();
                note(
                    &errors,
                    "import",
                    import::import_files(&mut s, &[&mbox], &mut |_| {}),
                );
                let app = crate::add_app(&mut s, &format!("Company {i}"), "Engineer", "applied");
                note(
                    &errors,
                    "set_status",
                    applications::set_status(&mut s, app.id, Status::Screening, Origin::User, None),
                );
                note(
                    &errors,
                    "set_agent_config",
                    jobtrail_core::agent::config::set_agent_config(
                        &mut s,
                        "email-analyst",
                        AgentConfigDraft {
                            temperature: Some(i as f64 / 100.0),
                            ..AgentConfigDraft::default()
                        },
                    ),
                );
            }
        })
    };
    // Custom code recording runs in batches, and changing the budget (another process).
    let recorder = {
        let (dir, errors) = (dir.path().to_path_buf(), errors.clone());
        thread::spawn(move || {
            let mut s = Store::open(&dir).unwrap();
            for i in 0..BATCHES {
                let runs = (0..BATCH)
                    .map(|_| {
                        let h = start_execution(&s, "custom-task");
                        (
                            h,
                            Outcome {
                                success: true,
                                cost: Some(Money::from_micros(7)),
                                ..Outcome::default()
                            },
                        )
                    })
                    .collect();
                note(&errors, "end_executions", end_executions(&mut s, runs));
                note(
                    &errors,
                    "set_budgets",
                    cost::set_budgets(
                        &mut s,
                        Budgets {
                            daily_budget: Some(Money::from_micros(1_000 * (i as i64 + 1))),
                            ..Budgets::default()
                        },
                    ),
                );
            }
        })
    };
    // The CLI reading the dashboard figures (its reads fold new runs into the rollups,
    // which writes).
    let reader = {
        let (dir, errors) = (dir.path().to_path_buf(), errors.clone());
        thread::spawn(move || {
            let mut s = Store::open(&dir).unwrap();
            for _ in 0..200 {
                note(
                    &errors,
                    "summary",
                    metrics::get_all_agents_summary(&mut s, 24.0),
                );
                note(&errors, "budget", cost::check_budget_status(&mut s));
            }
        })
    };
    // The app's scheduler, tray and dashboard, on the app's connection.
    let scheduler = {
        let (app, errors) = (app.clone(), errors.clone());
        thread::spawn(move || {
            for _ in 0..200 {
                note(
                    &errors,
                    "maintenance",
                    maintenance::run_maintenance_shared(&app),
                );
                let mut s = app.lock().unwrap();
                note(&errors, "notices", notices::check(&mut s));
                note(&errors, "dashboard", monitor::dashboard(&mut s, None, 24.0));
                drop(s);
                thread::yield_now();
            }
        })
    };
    // The app's agent runs, several at once.
    let runtime = Arc::new(Runtime::new(None));
    let mut runners = Vec::new();
    for r in 0..APP_RUNNERS {
        let (app, errors, runtime) = (app.clone(), errors.clone(), runtime.clone());
        runners.push(tokio::spawn(async move {
            for i in 0..RUNS_EACH {
                let email = EmailInput {
                    from: "Acme Talent <talent@acme.com>".into(),
                    subject: format!("Interview invitation {r}-{i}"),
                    date: None,
                    body: "We would like to schedule an interview with you next week.".into(),
                };
                let run = runtime
                    .run(
                        &app,
                        &EmailAnalyst::default(),
                        &email,
                        &RunSettings::default(),
                    )
                    .await;
                if let Some(run) = note(&errors, "agent run", run)
                    && let Err(e) = run.result
                {
                    errors
                        .lock()
                        .unwrap()
                        .push(format!("agent run result: {e}"));
                }
            }
        }));
    }
    for r in runners {
        r.await.unwrap();
    }
    for t in [cli, recorder, reader, scheduler] {
        t.join().unwrap();
    }

    let errors = errors.lock().unwrap();
    assert!(
        errors.is_empty(),
        "{} errors, first: {:?}",
        errors.len(),
        errors.first()
    );

    // Nothing lost.
    let mut s = app.lock().unwrap();
    let int = |s: &Store, sql: &str| -> i64 { s.conn().query_row(sql, [], |r| r.get(0)).unwrap() };
    assert_eq!(
        int(&s, "SELECT count(*) FROM executions"),
        (APP_RUNNERS * RUNS_EACH + BATCHES * BATCH) as i64
    );
    assert_eq!(
        int(&s, "SELECT count(*) FROM explanations"),
        int(
            &s,
            "SELECT count(*) FROM executions WHERE agent = 'email-analyst'"
        )
    );
    assert_eq!(
        int(&s, "SELECT count(*) FROM emails"),
        (CLI_ROUNDS * 2) as i64
    );
    assert_eq!(
        int(
            &s,
            "SELECT count(*) FROM applications WHERE status = 'screening'"
        ),
        CLI_ROUNDS as i64
    );
    assert_eq!(
        jobtrail_core::agent::config::agent_config(&s, "email-analyst")
            .unwrap()
            .temperature,
        Some((CLI_ROUNDS - 1) as f32 / 100.0),
        "the last saved setting stands"
    );
    assert_eq!(
        cost::budget::budgets(&s).unwrap().daily_budget,
        Some(Money::from_micros(1_000 * BATCHES as i64))
    );
    let summary = metrics::get_all_agents_summary(&mut s, 24.0).unwrap();
    assert_eq!(
        summary.overall.total_executions,
        int(&s, "SELECT count(*) FROM executions"),
        "every run is in the rollups exactly once"
    );
    assert_eq!(
        summary.overall.total_cost.nanos(),
        int(&s, "SELECT sum(cost_nanos) FROM executions")
    );
}

fn mbox_text(round: usize) -> String {
    (0..2)
        .map(|k| {
            format!(
                "From a@acme.com Mon Nov 30 10:00:00 2026\nFrom: a@acme.com\nSubject: Update {round}-{k}\n\
                 Message-ID: <c{round}-{k}@concurrency.test>\n\nHello {round} {k}.\n\n"
            )
        })
        .collect()
}
