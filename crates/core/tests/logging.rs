//! Logs of real agent runs (through the OpenAI-compatible test server) in the log
//! files: correlated by request id, found again by it, and never holding the key.

#![allow(clippy::unwrap_used)] // a failed unwrap is a failed test

use std::sync::{Arc, Mutex};
use std::time::Duration;

use jobtrail_core::agent::email_analyst::{
    EmailAnalysis, EmailAnalyst, EmailCategory, EmailInput, Urgency,
};
use jobtrail_core::agent::llm::{ApiKey, Endpoint, LlmClient};
use jobtrail_core::agent::{RunSettings, Runtime};
use jobtrail_core::logging::{self, LogSettings, LogTarget};
use jobtrail_llm_testserver::{Reply, TestServer};
use serde_json::{Value, json};

use jobtrail_core::Store;
use jobtrail_core::clock::ManualClock;

/// A store in a fresh temporary directory. This test is its own binary: tracing's
/// callsite cache is process-wide, and tests running beside it without a subscriber
/// could make it miss lines.
fn temp_store() -> (tempfile::TempDir, Store, ManualClock) {
    let dir = tempfile::tempdir().expect("temp dir");
    let clock = ManualClock::new(1_780_000_000_000);
    let store = Store::open_with_clock(dir.path(), Arc::new(clock.clone())).expect("open store");
    (dir, store, clock)
}

/// Recognisable, and not shaped like an `sk-` key: only its registration hides it.
const KEY: &str = "jt-test-key-7c1d9f2e4b";

fn email() -> EmailInput {
    EmailInput {
        from: "Acme Talent <talent@acme.com>".into(),
        subject: "Your application for Rust Engineer".into(),
        date: None,
        body: "Unfortunately we have decided not to move forward.".into(),
    }
}

fn answer() -> Value {
    serde_json::to_value(EmailAnalysis {
        category: EmailCategory::Rejection,
        urgency: Urgency::Low,
        company: Some("Acme".into()),
        role: Some("Rust Engineer".into()),
        dates: vec![],
        contacts: vec![],
        application_id: None,
        proposed_status: None,
        summary: "Acme said no.".into(),
        confidence: 0.9,
        requisition: None,
    })
    .unwrap()
}

#[tokio::test]
async fn every_line_of_a_run_carries_its_request_id_and_no_line_holds_the_key() {
    let (_data, store, _) = temp_store();
    let store = Mutex::new(store);
    let logs = tempfile::tempdir().unwrap();
    let (settings, problems) = LogSettings::from_values(LogTarget::App, Some("trace"), None);
    assert!(problems.is_empty());
    let built = logging::build(&settings, Some(logs.path()), false);
    assert!(built.problems.is_empty(), "{:?}", built.problems);
    let default = tracing::subscriber::set_default(built.subscriber);

    let server = TestServer::start().await.unwrap();
    server.script([
        Reply::tool_call("lookup_applications", &json!({"query": "Acme"})),
        Reply::json(&answer()),
        Reply::Status {
            status: 400,
            message: format!("the key {KEY} may not use this model"),
        },
    ]);
    let llm = LlmClient::new(Endpoint {
        provider: "test".into(),
        base_url: server.base_url(),
        api_key: ApiKey::new(KEY),
        timeout: Duration::from_secs(5),
    })
    .unwrap();
    let runtime = Runtime::new(Some(llm));
    let agent = EmailAnalyst::default();
    let settings = RunSettings::default();
    let ok = runtime
        .run(&store, &agent, &email(), &settings)
        .await
        .unwrap();
    assert!(ok.result.is_ok(), "{:?}", ok.result);
    let failed = runtime
        .run(&store, &agent, &email(), &settings)
        .await
        .unwrap();
    assert!(failed.result.is_err());
    assert_eq!(
        server.received()[0].authorization.as_deref(),
        Some(format!("Bearer {KEY}").as_str())
    );
    drop(default);
    drop(built.guard); // flushes the file writer

    // One run's lines, and only its lines.
    let lines = logging::find_by_request_id(logs.path(), &ok.execution.request_id).unwrap();
    assert!(lines.len() >= 2, "{lines:#?}");
    for l in &lines {
        assert_eq!(l["request_id"], ok.execution.request_id.as_str(), "{l}");
        assert_eq!(l["agent"], "email-analyst", "{l}");
        for key in ["timestamp", "level", "target", "message"] {
            assert!(l[key].is_string(), "{key} in {l}");
        }
    }
    let recorded = lines
        .iter()
        .find(|l| l["message"] == "execution recorded")
        .expect("the execution recorded line");
    assert_eq!(recorded["execution_id"], ok.execution.execution_id);
    assert!(
        lines
            .iter()
            .any(|l| l["message"] == "tool call" && l["tool"] == "lookup_applications"),
        "the tool call is correlated: {lines:#?}"
    );
    assert!(
        lines
            .iter()
            .any(|l| l["model"].is_string() && l["spans"].as_array().is_some_and(|s| s.len() >= 2)),
        "lines inside the LLM call carry its span too: {lines:#?}"
    );

    let other = logging::find_by_request_id(logs.path(), &failed.execution.request_id).unwrap();
    assert!(
        other.iter().any(|l| l["message"] == "agent run failed"),
        "{other:#?}"
    );
    assert!(
        other
            .iter()
            .all(|l| l["request_id"] == failed.execution.request_id.as_str())
    );
    assert_ne!(ok.execution.request_id, failed.execution.request_id);

    // The provider echoed the key; the log says [redacted] instead.
    let mut all = String::new();
    for f in logging::log_files(logs.path()).unwrap() {
        all.push_str(&std::fs::read_to_string(f).unwrap());
    }
    assert!(!all.contains(KEY), "the key is in the logs");
    assert!(
        all.contains("the key [redacted] may not use this model"),
        "{other:#?}"
    );
    // …and so does the stored run.
    let stored = failed.execution.error_message.clone().unwrap_or_default();
    assert!(
        !stored.contains(KEY) && stored.contains("[redacted]"),
        "{stored}"
    );
    let in_db: String = store
        .lock()
        .unwrap()
        .conn()
        .query_row(
            "SELECT group_concat(coalesce(error_message, ''), ' ') FROM executions",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert!(!in_db.contains(KEY));
}
