//! Agent runs end to end: built-in engine, and a real HTTP exchange with the
//! OpenAI-compatible test server, checked in what lands in SQLite.

use std::sync::Mutex;

use jobtrail_core::Store;
use jobtrail_core::agent::email_analyst::{
    BUILTIN_MAX_CONFIDENCE, EmailAnalysis, EmailAnalyst, EmailCategory, EmailInput,
};
use jobtrail_core::agent::llm::{LlmError, TokenUsage};
use jobtrail_core::agent::{
    Engine, Outcome, RunError, RunSettings, Runtime, end_execution, start_execution,
};
use jobtrail_core::tracker::Status;
use jobtrail_llm_testserver::{Reply, TestServer, Usage};
use serde_json::json;

use crate::{temp_store, test_client};

fn rejection() -> EmailInput {
    EmailInput {
        from: "Acme Talent <talent@acme.com>".into(),
        subject: "Your application for Rust Engineer".into(),
        date: Some("Tue, 24 Nov 2026 09:00:00 +0000".into()),
        body: "Unfortunately we have decided not to move forward with your application.".into(),
    }
}

fn store_with_acme() -> (tempfile::TempDir, Mutex<Store>, i64) {
    let (dir, mut store, _) = temp_store();
    let app = crate::add_app(&mut store, "Acme", "Rust Engineer", "applied");
    (dir, Mutex::new(store), app.id)
}

fn analysis(app_id: i64) -> EmailAnalysis {
    EmailAnalysis {
        category: EmailCategory::Rejection,
        urgency: jobtrail_core::agent::email_analyst::Urgency::Low,
        company: Some("Acme".into()),
        role: Some("Rust Engineer".into()),
        dates: vec![],
        contacts: vec![],
        application_id: Some(app_id),
        proposed_status: Some(Status::Rejected),
        summary: "Acme turned the application down.".into(),
        confidence: 0.92,
        requisition: None,
    }
}

fn count(store: &Mutex<Store>, sql: &str) -> i64 {
    store
        .lock()
        .unwrap()
        .conn()
        .query_row(sql, [], |r| r.get(0))
        .unwrap()
}

#[tokio::test]
async fn without_a_model_the_builtin_engine_answers_and_is_recorded() {
    let (_dir, store, app_id) = store_with_acme();
    let run = Runtime::new(None)
        .run(
            &store,
            &EmailAnalyst::default(),
            &rejection(),
            &RunSettings::default(),
        )
        .await
        .unwrap();
    let out = run.result.expect("the built-in engine always answers");
    assert_eq!(out.category, EmailCategory::Rejection);
    assert_eq!(out.application_id, Some(app_id), "linked by company");
    assert_eq!(out.proposed_status, Some(Status::Rejected));
    assert!(
        out.confidence <= BUILTIN_MAX_CONFIDENCE,
        "built-in confidence is capped"
    );
    assert_eq!(run.execution.engine, Engine::Builtin);
    assert_eq!(
        run.execution.usage,
        TokenUsage::default(),
        "no tokens, no cost"
    );
    assert_eq!(
        count(
            &store,
            "SELECT count(*) FROM executions WHERE engine = 'builtin' AND success = 1"
        ),
        1
    );
}

#[tokio::test]
async fn a_tool_round_then_structured_output_is_recorded_with_tokens_by_kind() {
    let (_dir, store, app_id) = store_with_acme();
    let server = TestServer::start().await.unwrap();
    server.script([
        Reply::tool_call("lookup_applications", &json!({"query": "Acme"}))
            .with_usage(Usage::new(300, 100, 20, 0)),
        Reply::json(&serde_json::to_value(analysis(app_id)).unwrap())
            .with_usage(Usage::new(500, 400, 60, 30)),
    ]);
    let settings = RunSettings {
        model: Some("gpt-4.1-mini".into()),
        temperature: Some(0.1),
        max_tokens: Some(800),
    };
    let run = Runtime::new(Some(test_client(&server)))
        .run(&store, &EmailAnalyst::default(), &rejection(), &settings)
        .await
        .unwrap();
    assert_eq!(
        run.result.as_ref().expect("valid answer"),
        &analysis(app_id)
    );
    let e = &run.execution;
    assert_eq!(
        (e.engine, e.provider.as_deref(), e.model.as_deref()),
        (Engine::Llm, Some("test"), Some("gpt-4.1-mini"))
    );
    assert_eq!(
        e.usage,
        TokenUsage {
            input: 200 + 100,
            cached_input: 100 + 400,
            output: 20 + 30,
            reasoning: 30
        },
        "tokens by kind, summed over calls"
    );
    assert_eq!((e.llm_calls, e.tool_calls), (2, 1));

    let got = server.received();
    assert_eq!(got.len(), 2, "exactly one HTTP request per LLM call");
    assert_eq!(got[0].authorization.as_deref(), Some("Bearer sk-test-1234"));
    assert_eq!(got[0].body["model"], "gpt-4.1-mini");
    assert_eq!(
        got[0].body["response_format"]["type"], "json_schema",
        "structured output is requested"
    );
    let tool_msg = &got[1].body["messages"][3];
    assert_eq!(tool_msg["role"], "tool");
    assert!(
        tool_msg["content"]
            .as_str()
            .unwrap()
            .contains("Rust Engineer"),
        "the tool's real result went back to the model: {tool_msg}"
    );

    assert_eq!(count(&store, "SELECT count(*) FROM llm_calls"), 2);
    assert_eq!(
        count(&store, "SELECT sum(cached_input_tokens) FROM llm_calls"),
        500
    );
    assert_eq!(
        count(
            &store,
            "SELECT count(*) FROM tool_calls WHERE tool = 'lookup_applications' AND success = 1"
        ),
        1
    );
}

#[tokio::test]
async fn invalid_and_truncated_answers_fall_back_and_are_classified() {
    let (_dir, store, _) = store_with_acme();
    let server = TestServer::start().await.unwrap();
    server.script([
        Reply::json(&json!({"category": "rejection"})),
        Reply::Truncated {
            text: "{\"category\": \"rej".into(),
            usage: Usage::new(10, 0, 800, 0),
        },
        Reply::content("{\"not\": json"),
    ]);
    let runtime = crate::test_runtime(&server);
    let agent = EmailAnalyst::default();
    let mut reasons = Vec::new();
    for _ in 0..3 {
        let run = runtime
            .run(&store, &agent, &rejection(), &RunSettings::default())
            .await
            .unwrap();
        let out = run.result.expect("the built-in engine answers instead");
        assert_eq!(out.category, EmailCategory::Rejection);
        assert_eq!(run.execution.engine, Engine::Builtin);
        assert_eq!(
            run.execution.llm_calls, 1,
            "the model's call stays on record"
        );
        reasons.push(run.execution.fallback_reason.unwrap());
    }
    assert!(
        reasons[0].starts_with("the model's answer is invalid"),
        "{reasons:?}"
    );
    assert!(
        reasons[1].contains("cut off at the token limit"),
        "{reasons:?}"
    );
    assert!(
        reasons[2].starts_with("the model's answer is invalid"),
        "{reasons:?}"
    );
    assert_eq!(server.received().len(), 3, "output faults are not retried");
    assert_eq!(
        count(
            &store,
            "SELECT count(*) FROM error_log WHERE category = 'invalid_model_output'
               AND strategy = 'fallback_to_defaults' AND recovered = 1
               AND kind IN ('invalid_output', 'truncated') AND execution_id IS NOT NULL"
        ),
        3,
        "each bad answer is classified and stored with its run"
    );
    assert_eq!(
        count(&store, "SELECT sum(output_tokens) FROM executions"),
        2 * 20 + 800,
        "the bad answers' tokens are still counted"
    );
}

#[tokio::test]
async fn provider_errors_are_classified_and_never_retried_by_the_client() {
    let server = TestServer::start().await.unwrap();
    server.script([
        Reply::RateLimited {
            retry_after: Some("12".into()),
        },
        Reply::status(503, "overloaded").with_header("Retry-After", "2"),
        Reply::Unauthorized,
        Reply::ContextLength,
        Reply::MalformedJson,
        Reply::status(529, "overloaded")
            .with_header("Retry-After", "9")
            .with_header("retry-after-ms", "1250"),
    ]);
    let llm = test_client(&server);
    let request = jobtrail_core::agent::llm::ChatRequest {
        model: "gpt-4o-mini".into(),
        temperature: None,
        max_tokens: None,
        messages: vec![jobtrail_core::agent::llm::Message::User("hi".into())],
        tools: Vec::new(),
        output_schema: None,
    };
    let mut errors = Vec::new();
    for _ in 0..6 {
        errors.push(llm.chat(&request).await.unwrap_err());
    }
    assert_eq!(
        errors[0],
        LlmError::RateLimited {
            retry_after: Some("12".into())
        }
    );
    assert_eq!(
        errors[1],
        LlmError::Http {
            status: 503,
            message: "overloaded".into(),
            retry_after: Some("2".into())
        },
        "a 5xx keeps the wait it asks for, as a 429 does"
    );
    assert_eq!(
        errors[1].to_string(),
        "the provider answered HTTP 503: overloaded (retry after 2)"
    );
    assert!(matches!(errors[2], LlmError::Auth { status: 401 }));
    assert_eq!(errors[3], LlmError::ContextLength);
    assert!(matches!(errors[4], LlmError::InvalidResponse(_)));
    assert_eq!(
        errors[5],
        LlmError::Http {
            status: 529,
            message: "overloaded".into(),
            retry_after: Some("1.250".into())
        },
        "retry-after-ms wins over Retry-After, kept as seconds"
    );
    assert_eq!(
        server.received().len(),
        6,
        "one request per call: retries belong to the failsafe, not the client"
    );
    assert_eq!(server.pending(), 0);
}

#[tokio::test]
async fn a_provider_quoting_the_key_back_leaves_it_in_no_stored_message() {
    const KEY: &str = "echoed-back-by-the-provider-77aa";
    let server = TestServer::start().await.unwrap();
    let (dir, store, _) = temp_store();
    let store = Mutex::new(store);
    let runtime = crate::runtime_for(crate::client_with_key(&server, KEY));
    for status in [400, 500, 500, 500, 500, 401] {
        server.script([Reply::EchoAuthorization { status }]);
    }
    for _ in 0..2 {
        let run = runtime
            .run(
                &store,
                &EmailAnalyst::default(),
                &rejection(),
                &RunSettings::default(),
            )
            .await
            .unwrap();
        let message = run.execution.error_message.clone().unwrap_or_default()
            + &run.execution.fallback_reason.clone().unwrap_or_default();
        assert!(!message.contains(KEY), "{message}");
    }
    assert!(
        server
            .received()
            .iter()
            .all(|r| r.authorization.as_deref() == Some(&format!("Bearer {KEY}"))),
        "the key was sent"
    );
    let quoted = count(
        &store,
        "SELECT count(*) FROM llm_calls WHERE error_message LIKE '%[redacted]%'",
    );
    assert!(
        quoted >= 2,
        "the provider's message is kept, key taken out: {quoted}"
    );
    drop(store);
    for entry in std::fs::read_dir(dir.path()).unwrap() {
        let path = entry.unwrap().path();
        if path.is_file() {
            let bytes = std::fs::read(&path).unwrap();
            assert!(
                !bytes.windows(KEY.len()).any(|w| w == KEY.as_bytes()),
                "{} holds the key",
                path.display()
            );
        }
    }
}

#[tokio::test]
async fn unknown_tools_are_reported_to_the_model_and_steps_are_bounded() {
    let (_dir, store, _) = store_with_acme();
    let server = TestServer::start().await.unwrap();
    server.set_fallback(Reply::tool_call("delete_everything", &json!({})));
    let run = crate::test_runtime(&server)
        .with_max_steps(3)
        .run(
            &store,
            &EmailAnalyst::default(),
            &rejection(),
            &RunSettings::default(),
        )
        .await
        .unwrap();
    assert!(run.result.is_ok(), "the built-in engine answers instead");
    assert_eq!(
        run.execution.fallback_reason.as_deref(),
        Some(RunError::StepLimit(3).to_string().as_str())
    );
    assert_eq!(server.received().len(), 3, "the loop stops at the limit");
    assert_eq!(
        count(
            &store,
            "SELECT count(*) FROM tool_calls WHERE tool = 'delete_everything' AND success = 0"
        ),
        3,
        "each unknown tool call is recorded as failed"
    );
    assert_eq!(
        count(&store, "SELECT count(*) FROM applications"),
        1,
        "nothing was deleted"
    );
}

#[test]
fn custom_code_is_measured_with_start_and_end_execution() {
    let (_dir, mut store, _) = temp_store();
    let handle = start_execution(&store, "nightly-digest");
    let record = end_execution(
        &mut store,
        handle,
        Outcome {
            success: true,
            ..Outcome::default()
        },
    )
    .unwrap();
    assert_eq!(record.engine, Engine::Custom);
    assert!(record.duration_us >= 0);
    assert!(record.request_id.starts_with("req-"));
    let n: i64 = store
        .conn()
        .query_row(
            "SELECT count(*) FROM executions WHERE agent = 'nightly-digest'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(n, 1);
}
