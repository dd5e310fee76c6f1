//! Runs exported over OTLP to a real backend (Arize Phoenix, shared by this test
//! binary; each test sends to a project of its own) and to a recording sink that keeps
//! the raw request bodies.

use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use jobtrail_core::Store;
use jobtrail_core::agent::email_analyst::{EmailAnalyst, EmailInput};
use jobtrail_core::agent::{RunSettings, Runtime};
use jobtrail_core::telemetry::{Telemetry, Tuning, config};
use jobtrail_llm_testserver::{Reply, TestServer, Usage};
use jobtrail_phoenix_testserver::Phoenix;
use jobtrail_phoenix_testserver::sink::Sink;
use serde_json::{Value, json};

use crate::{temp_store, test_client};

const EMAIL_TEXT: &str = "Unfortunately we have decided not to move forward";

fn email() -> EmailInput {
    EmailInput {
        from: "Acme Talent <talent@acme.com>".into(),
        subject: "Your application for Rust Engineer".into(),
        date: Some("Tue, 24 Nov 2026 09:00:00 +0000".into()),
        body: format!("{EMAIL_TEXT} with your application."),
    }
}

fn env(pairs: Vec<(&'static str, String)>) -> impl Fn(&str) -> Option<String> {
    move |name| {
        pairs
            .iter()
            .find(|(k, _)| *k == name)
            .map(|(_, v)| v.clone())
    }
}

/// Telemetry to `base` with the spans in Phoenix project `project`.
fn telemetry_to(store: &mut Store, base: &str, project: &str) -> Arc<Telemetry> {
    Telemetry::start_with_env(
        store,
        &env(vec![
            (config::ENV_ENDPOINT, base.to_owned()),
            (
                config::ENV_RESOURCE_ATTRIBUTES,
                format!("openinference.project.name={project}"),
            ),
        ]),
    )
    .unwrap()
}

fn analysis_reply() -> Reply {
    Reply::json(&json!({
        "category": "rejection", "urgency": "low", "company": "Acme",
        "role": "Rust Engineer", "dates": [], "contacts": [], "application_id": null,
        "proposed_status": "rejected", "summary": "Acme said no.", "confidence": 0.9
    }))
    .with_usage(Usage::new(500, 400, 60, 30))
}

fn attr<'a>(span: &'a Value, key: &str) -> &'a Value {
    &span["attributes"][key]
}

fn named<'a>(spans: &'a [Value], prefix: &str) -> Vec<&'a Value> {
    let mut v: Vec<&Value> = spans
        .iter()
        .filter(|s| s["name"].as_str().unwrap_or("").starts_with(prefix))
        .collect();
    v.sort_by_key(|s| s["start_time"].as_str().unwrap_or("").to_owned());
    v
}

fn one(store: &Mutex<Store>, sql: &str) -> i64 {
    store
        .lock()
        .unwrap()
        .conn()
        .query_row(sql, [], |r| r.get(0))
        .unwrap()
}

#[tokio::test]
async fn a_run_arrives_in_phoenix_as_agent_chat_and_tool_spans_with_the_stored_figures() {
    let phoenix = Phoenix::shared();
    let (_dir, mut store, _) = temp_store();
    let telemetry = telemetry_to(&mut store, &phoenix.base_url(), "structure");
    let store = Mutex::new(store);
    let server = TestServer::start().await.unwrap();
    server.script([
        Reply::tool_call("lookup_applications", &json!({"query": "Acme"}))
            .with_usage(Usage::new(300, 100, 20, 0)),
        analysis_reply(),
    ]);
    let settings = RunSettings {
        model: Some("gpt-4.1-mini".into()),
        ..RunSettings::default()
    };
    let run = Runtime::new(Some(test_client(&server)))
        .with_telemetry(telemetry.clone())
        .run(&store, &EmailAnalyst::default(), &email(), &settings)
        .await
        .unwrap();
    assert!(run.result.is_ok(), "{:?}", run.result.err());
    assert!(telemetry.flush(Duration::from_secs(10)), "flushed in time");
    let spans = phoenix
        .wait_for_spans("structure", 4, Duration::from_secs(30))
        .unwrap();
    assert_eq!(spans.len(), 4, "agent, 2 chat attempts, 1 tool: {spans:#?}");

    let agent = named(&spans, "invoke_agent ")[0];
    let mut chats = named(&spans, "chat ");
    // The test store's clock stands still: order the attempts by what they answered.
    chats.sort_by_key(|c| attr(c, "gen_ai.response.finish_reasons") != &json!(["tool_calls"]));
    let tools = named(&spans, "execute_tool ");
    assert_eq!(agent["name"], "invoke_agent email-analyst");
    assert_eq!(chats.len(), 2);
    assert_eq!(tools.len(), 1);
    assert_eq!(chats[0]["name"], "chat gpt-4.1-mini");
    assert_eq!(tools[0]["name"], "execute_tool lookup_applications");
    let root_id = agent["context"]["span_id"].clone();
    assert!(agent["parent_id"].is_null(), "the run is the trace's root");
    for s in chats.iter().chain(&tools) {
        assert_eq!(
            s["parent_id"], root_id,
            "attempts and tools are the run's children"
        );
        assert_eq!(s["context"]["trace_id"], agent["context"]["trace_id"]);
    }
    // Phoenix shows its own kinds, inferred from `gen_ai.operation.name`.
    assert_eq!(agent["span_kind"], "AGENT");
    assert_eq!(chats[0]["span_kind"], "LLM");
    assert_eq!(tools[0]["span_kind"], "TOOL");

    let e = &run.execution;
    assert_eq!(attr(agent, "gen_ai.operation.name"), "invoke_agent");
    assert_eq!(attr(agent, "gen_ai.agent.name"), "email-analyst");
    assert_eq!(attr(agent, "gen_ai.provider.name"), "test");
    assert_eq!(attr(agent, "jobtrail.execution.id"), e.execution_id);
    assert_eq!(attr(agent, "jobtrail.request.id"), e.request_id.as_str());
    assert_eq!(attr(agent, "jobtrail.engine"), "llm");
    assert_eq!(attr(agent, "jobtrail.circuit.state"), "closed");
    assert_eq!(
        attr(agent, "gen_ai.usage.input_tokens"),
        e.usage.input + e.usage.cached_input,
        "input tokens, cached ones included, as stored"
    );
    assert_eq!(
        attr(agent, "gen_ai.usage.output_tokens"),
        e.usage.output + e.usage.reasoning
    );
    assert_eq!(
        attr(agent, "gen_ai.usage.cache_read.input_tokens"),
        e.usage.cached_input
    );
    assert_eq!(
        attr(agent, "gen_ai.usage.reasoning.output_tokens"),
        e.usage.reasoning
    );
    assert!(e.cost.nanos() > 0, "gpt-4.1-mini has a price");
    assert_eq!(
        attr(agent, "jobtrail.cost.usd").as_f64(),
        Some(e.cost.dollars()),
        "the cost as stored"
    );
    let confidence: f64 = store
        .lock()
        .unwrap()
        .conn()
        .query_row("SELECT confidence FROM explanations", [], |r| r.get(0))
        .unwrap();
    assert_eq!(
        attr(agent, "jobtrail.explanation.confidence").as_f64(),
        Some(confidence)
    );
    assert!(
        attr(agent, "jobtrail.explanation.decision").is_null(),
        "the decision names the company: content only"
    );

    let chat_input: u64 = chats
        .iter()
        .map(|c| attr(c, "gen_ai.usage.input_tokens").as_u64().unwrap())
        .sum();
    assert_eq!(
        chat_input,
        e.usage.input + e.usage.cached_input,
        "attempts add up to the run"
    );
    let call_costs: f64 = chats
        .iter()
        .map(|c| attr(c, "jobtrail.cost.usd").as_f64().unwrap())
        .sum();
    assert!(
        (call_costs - e.cost.dollars()).abs() < 1e-12,
        "{call_costs} vs {}",
        e.cost
    );
    assert_eq!(attr(chats[0], "gen_ai.request.model"), "gpt-4.1-mini");
    assert_eq!(attr(chats[0], "gen_ai.response.id"), "chatcmpl-test");
    assert_eq!(
        attr(chats[0], "gen_ai.response.finish_reasons"),
        &json!(["tool_calls"])
    );
    assert_eq!(
        attr(chats[1], "gen_ai.response.finish_reasons"),
        &json!(["stop"])
    );
    assert_eq!(attr(chats[0], "server.address"), "127.0.0.1");
    assert!(attr(chats[0], "server.port").is_number());
    assert_eq!(attr(tools[0], "gen_ai.tool.name"), "lookup_applications");
    assert_eq!(attr(tools[0], "gen_ai.tool.call.id"), "call_0");

    let started_ms = one(&store, "SELECT started_at FROM executions");
    assert!(
        agent["start_time"]
            .as_str()
            .unwrap()
            .starts_with(&jobtrail_core::clock::to_rfc3339(started_ms)[..19]),
        "span times are the run's: {} vs {started_ms}",
        agent["start_time"]
    );
    let all = serde_json::to_string(&spans).unwrap();
    assert!(!all.contains(EMAIL_TEXT), "no email text by default");
    assert!(!all.contains("sk-test-1234"), "never the API key");
    assert!(
        attr(agent, "gen_ai.input.messages").is_null(),
        "no messages by default"
    );
}

#[tokio::test]
async fn retries_show_as_sibling_attempts() {
    let phoenix = Phoenix::shared();
    let (_dir, mut store, _) = temp_store();
    let telemetry = telemetry_to(&mut store, &phoenix.base_url(), "retries");
    let store = Mutex::new(store);
    let server = TestServer::start().await.unwrap();
    server.script([
        Reply::status(503, "overloaded"),
        Reply::status(503, "overloaded"),
        analysis_reply(),
    ]);
    let run = crate::test_runtime(&server)
        .with_telemetry(telemetry.clone())
        .run(
            &store,
            &EmailAnalyst::default(),
            &email(),
            &RunSettings::default(),
        )
        .await
        .unwrap();
    assert!(run.result.is_ok());
    assert_eq!(run.execution.llm_calls, 3);
    assert!(telemetry.flush(Duration::from_secs(10)));
    let spans = phoenix
        .wait_for_spans("retries", 4, Duration::from_secs(30))
        .unwrap();
    let chats = named(&spans, "chat ");
    assert_eq!(chats.len(), 3, "one span per attempt");
    let mut chats = chats;
    chats.sort_by_key(|c| attr(c, "jobtrail.llm.attempt").as_i64());
    let attempts: Vec<&Value> = chats
        .iter()
        .map(|c| attr(c, "jobtrail.llm.attempt"))
        .collect();
    assert_eq!(
        attempts,
        [&json!(0), &json!(1), &json!(2)],
        "numbered attempts"
    );
    for failed in &chats[..2] {
        assert_eq!(failed["status_code"], "ERROR");
        assert!(attr(failed, "error.type").is_string(), "{failed}");
        assert!(
            attr(failed, "gen_ai.usage.input_tokens").is_null(),
            "a failed attempt bills nothing"
        );
    }
    assert_eq!(chats[2]["status_code"], "UNSET");
    let parents: Vec<&Value> = chats.iter().map(|c| &c["parent_id"]).collect();
    assert!(
        parents.iter().all(|p| *p == parents[0]),
        "attempts are siblings"
    );
}

#[tokio::test]
async fn content_goes_only_when_turned_on_and_secrets_never() {
    let key = "sk-telemetry-secret-4321";
    let password = jobtrail_core::secrets::Password::new("mail-app-password-8765").unwrap();
    let mut input = email();
    input.body = format!("{EMAIL_TEXT}. {key} {}", password.expose());
    let server = TestServer::start().await.unwrap();
    let sink = Sink::start().unwrap();
    for content in [false, true] {
        let (_dir, mut store, _) = temp_store();
        let mut vars = vec![(config::ENV_ENDPOINT, sink.base_url())];
        if content {
            vars.push((config::ENV_CAPTURE_CONTENT, "true".to_owned()));
        }
        let telemetry = Telemetry::start_with_env(&mut store, &env(vars)).unwrap();
        let store = Mutex::new(store);
        server.script([
            Reply::tool_call("lookup_applications", &json!({"query": "Acme"})),
            analysis_reply(),
        ]);
        let run = crate::runtime_for(crate::client_with_key(&server, key))
            .with_telemetry(telemetry.clone())
            .run(
                &store,
                &EmailAnalyst::default(),
                &input,
                &RunSettings::default(),
            )
            .await
            .unwrap();
        assert!(run.result.is_ok());
        assert!(telemetry.flush(Duration::from_secs(10)));
        assert!(!sink.bodies().is_empty(), "spans were sent");
        assert_eq!(
            sink.received(EMAIL_TEXT.as_bytes()),
            content,
            "email text leaves only with content on (content: {content})"
        );
        assert!(
            !sink.received(key.as_bytes()),
            "never the API key (content: {content})"
        );
        assert!(
            !sink.received(password.expose().as_bytes()),
            "never a mail password (content: {content})"
        );
    }
    assert!(
        sink.received(b"gen_ai.input.messages"),
        "content on adds the messages"
    );
    assert!(
        sink.received(b"jobtrail.explanation.decision"),
        "and the explanation's decision"
    );
}

#[tokio::test]
async fn a_down_or_slow_backend_never_holds_a_run_and_drops_are_counted() {
    // Nothing listens on a port just freed: every export fails.
    let closed = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let (_dir, mut store, _) = temp_store();
    let telemetry = Telemetry::start_with_env(
        &mut store,
        &env(vec![(
            config::ENV_ENDPOINT,
            format!("http://127.0.0.1:{closed}"),
        )]),
    )
    .unwrap();
    let store = Mutex::new(store);
    let runtime = Runtime::new(None).with_telemetry(telemetry.clone());
    for _ in 0..20 {
        let run = runtime
            .run(
                &store,
                &EmailAnalyst::default(),
                &email(),
                &RunSettings::default(),
            )
            .await
            .unwrap();
        assert!(run.result.is_ok(), "the run is unaffected");
        assert!(telemetry.flush(Duration::from_secs(10)));
    }
    assert_eq!(
        one(&store, "SELECT count(*) FROM executions"),
        20,
        "every run is stored"
    );
    let stats = telemetry.stats();
    assert_eq!(
        stats.failed_spans, 20,
        "each run's span failed, counted: {stats:?}"
    );
    assert!(
        stats
            .last_error
            .as_deref()
            .unwrap_or("")
            .contains("unreachable"),
        "{stats:?}"
    );
    telemetry.save_errors(&mut store.lock().unwrap());
    assert_eq!(
        one(
            &store,
            "SELECT count(*) FROM error_log WHERE kind = 'telemetry_unreachable'"
        ),
        1,
        "one error-log entry per episode, not one per span"
    );

    // A backend that takes 3 s per answer, and a queue of 4 runs.
    let sink = Sink::start().unwrap();
    sink.set_delay(Duration::from_secs(3));
    let (_dir2, mut store2, _) = temp_store();
    let telemetry = Telemetry::start_tuned(
        &mut store2,
        &env(vec![(config::ENV_ENDPOINT, sink.base_url())]),
        Tuning {
            queue_runs: 4,
            ..Tuning::default()
        },
    )
    .unwrap();
    let store2 = Mutex::new(store2);
    let runtime = Runtime::new(None).with_telemetry(telemetry.clone());
    // One run first, and time for the sender to start sending it (it waits 200 ms for
    // more): the sender is then held by the slow backend while the next runs come.
    runtime
        .run(
            &store2,
            &EmailAnalyst::default(),
            &email(),
            &RunSettings::default(),
        )
        .await
        .unwrap();
    tokio::time::sleep(Duration::from_millis(600)).await;
    let started = Instant::now();
    for _ in 0..50 {
        runtime
            .run(
                &store2,
                &EmailAnalyst::default(),
                &email(),
                &RunSettings::default(),
            )
            .await
            .unwrap();
    }
    let took = started.elapsed();
    assert!(
        took < Duration::from_secs(2),
        "50 runs took {took:?} behind a 3 s backend"
    );
    assert!(
        telemetry.stats().dropped_spans > 0,
        "a full queue drops, counted: {:?}",
        telemetry.stats()
    );
}

#[tokio::test]
async fn a_backfilled_week_arrives_once_even_when_sent_twice() {
    let phoenix = Phoenix::shared();
    let (_dir, store, clock) = temp_store();
    let runtime = Runtime::new(None);
    let start = store.now_ms();
    let store_m = Mutex::new(store);
    for _ in 0..14 {
        runtime
            .run(
                &store_m,
                &EmailAnalyst::default(),
                &email(),
                &RunSettings::default(),
            )
            .await
            .unwrap();
        clock.advance(12 * 3_600_000);
    }
    let mut store = store_m.into_inner().unwrap();
    let telemetry = telemetry_to(&mut store, &phoenix.base_url(), "backfill");
    let since = jobtrail_core::telemetry::parse_since("7d", store.now_ms()).unwrap();
    assert!(since <= start, "the week holds every run");
    let first = telemetry.backfill(&store, since).unwrap();
    assert_eq!((first.runs, first.spans), (14, 14), "{first:?}");
    assert!(!first.reaches_past_retention);
    let second = telemetry.backfill(&store, since).unwrap();
    assert_eq!(second.runs, 14);
    phoenix
        .wait_for_spans("backfill", 14, Duration::from_secs(30))
        .unwrap();
    std::thread::sleep(Duration::from_secs(2));
    let spans = phoenix.spans("backfill").unwrap();
    assert_eq!(spans.len(), 14, "the same ids twice make one span each");
    let mut starts: Vec<&str> = spans
        .iter()
        .map(|s| s["start_time"].as_str().unwrap())
        .collect();
    starts.sort();
    assert_eq!(
        &starts[0][..19],
        &jobtrail_core::clock::to_rfc3339(start)[..19],
        "the runs' real times, not the export's"
    );
    let past = telemetry
        .backfill(
            &store,
            jobtrail_core::telemetry::parse_since("30d", store.now_ms()).unwrap(),
        )
        .unwrap();
    assert!(
        past.reaches_past_retention,
        "30 days reach past the 168 h of raw runs"
    );
}

#[tokio::test]
async fn otel_variables_win_over_the_settings() {
    let stored_sink = Sink::start().unwrap();
    let env_sink = Sink::start().unwrap();
    let (_dir, mut store, _) = temp_store();
    config::save(
        &mut store,
        config::TelemetrySettingsInput {
            endpoint: Some(stored_sink.base_url()),
            headers: vec![config::HeaderSetting {
                name: "x-team".into(),
                secret: false,
                value: Some("stored".into()),
            }],
            content: false,
        },
    )
    .unwrap();
    let telemetry = Telemetry::start_with_env(
        &mut store,
        &env(vec![
            (
                config::ENV_TRACES_ENDPOINT,
                format!("{}/v1/traces", env_sink.base_url()),
            ),
            (config::ENV_HEADERS, "x-team=from-env".to_owned()),
            (config::ENV_SERVICE_NAME, "coach-desk-7".to_owned()),
            (
                config::ENV_RESOURCE_ATTRIBUTES,
                "deployment.environment=bootcamp".to_owned(),
            ),
        ]),
    )
    .unwrap();
    let store = Mutex::new(store);
    Runtime::new(None)
        .with_telemetry(telemetry.clone())
        .run(
            &store,
            &EmailAnalyst::default(),
            &email(),
            &RunSettings::default(),
        )
        .await
        .unwrap();
    assert!(telemetry.flush(Duration::from_secs(10)));
    assert!(
        stored_sink.bodies().is_empty(),
        "the variable's endpoint wins"
    );
    assert!(
        env_sink.received(b"coach-desk-7"),
        "OTEL_SERVICE_NAME names the service"
    );
    assert!(
        env_sink.received(b"bootcamp"),
        "OTEL_RESOURCE_ATTRIBUTES adds to the resource"
    );
    assert!(
        env_sink.received(telemetry.installation_id().as_bytes()),
        "service.instance.id"
    );
    assert!(
        env_sink.headers().contains(&"x-team: from-env".to_owned()),
        "{:?}",
        env_sink.headers()
    );

    let (_dir, mut store, _) = temp_store();
    let off = Telemetry::start_with_env(
        &mut store,
        &env(vec![
            (config::ENV_ENDPOINT, env_sink.base_url()),
            (config::ENV_SDK_DISABLED, "true".to_owned()),
        ]),
    )
    .unwrap();
    assert!(!off.enabled(), "OTEL_SDK_DISABLED turns export off");
    let (_dir, mut store, _) = temp_store();
    let none = Telemetry::start_with_env(&mut store, &env(vec![])).unwrap();
    assert!(!none.enabled(), "no endpoint, no export");
}

#[tokio::test]
async fn a_test_span_reports_the_backends_answer() {
    let phoenix = Phoenix::shared();
    let (_dir, mut store, _) = temp_store();
    let now = store.now_ms();
    let ok = telemetry_to(&mut store, &phoenix.base_url(), "test-span").send_test_span(now);
    assert!(ok.ok, "{ok:?}");
    assert_eq!(ok.status, Some(200));
    let sink = Sink::start().unwrap();
    sink.set_status(401);
    let refused = telemetry_to(&mut store, &sink.base_url(), "x").send_test_span(now);
    assert!(!refused.ok);
    assert_eq!(refused.status, Some(401));
    assert!(refused.message.contains("credentials"), "{refused:?}");
}
