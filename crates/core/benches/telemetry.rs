//! What exporting runs over OTLP costs a run, and how fast stored runs backfill.
//!
//! - Export on against off: the same `Runtime::run` of EmailAnalyst (two chat
//!   completions from the in-process test server, one tool call, one stored
//!   execution), with telemetry sending to a local Arize Phoenix, without, and sending
//!   to a bare OTLP sink (what the export costs the run itself, without a backend
//!   ingesting on the same two cores), interleaved run by run. The bar: at
//!   most 1.05× per run.
//! - Backfill: 5,000 stored runs (two LLM calls and a tool call each) sent to Phoenix
//!   by `Telemetry::backfill`, in runs per second (reading, building and sending; the
//!   backend's own insertion happens after it answers).
//!
//! Phoenix is started by the bench (installed by `scripts/setup.sh`). No assertion is
//! made on time: the printed lines are the result. Run with `make bench`.

use std::sync::Mutex;
use std::time::{Duration, Instant};

use jobtrail_core::Store;
use jobtrail_core::agent::email_analyst::{EmailAnalyst, EmailInput};
use jobtrail_core::agent::llm::{Endpoint, LlmClient};
use jobtrail_core::agent::{RunSettings, Runtime};
use jobtrail_core::ledger::execution::{Outcome, end_executions, start_execution};
use jobtrail_core::ledger::{Engine, LlmCallRecord, TokenUsage, ToolCallRecord};
use jobtrail_core::telemetry::{Telemetry, config};
use jobtrail_llm_testserver::{Reply, TestServer, Usage};
use jobtrail_phoenix_testserver::Phoenix;
use jobtrail_phoenix_testserver::sink::Sink;
use serde_json::json;

fn main() {
    let full = std::env::args().any(|a| a == "--bench");
    let (runs, warmup, backfill_runs) = if full { (500, 30, 5_000) } else { (3, 1, 50) };
    let phoenix = Phoenix::start().expect("Phoenix starts (scripts/setup.sh installs it)");
    let rt = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .expect("tokio runtime");
    let dir = tempfile::tempdir().expect("temp dir");
    let mut store = Store::open(dir.path()).expect("store");
    let telemetry = Telemetry::start_with_env(&mut store, &|name| match name {
        config::ENV_ENDPOINT => Some(phoenix.base_url()),
        config::ENV_RESOURCE_ATTRIBUTES => Some("openinference.project.name=bench".into()),
        _ => None,
    })
    .expect("telemetry");
    let sink = Sink::start().expect("sink");
    let to_sink = Telemetry::start_with_env(&mut store, &|name| {
        (name == config::ENV_ENDPOINT).then(|| sink.base_url())
    })
    .expect("telemetry");
    let store = Mutex::new(store);
    let input = EmailInput {
        from: "Acme Talent <talent@acme.com>".into(),
        subject: "Your application for Rust Engineer".into(),
        date: None,
        body: "Unfortunately we have decided not to move forward with your application.".into(),
    };
    let answer = json!({
        "category": "rejection", "urgency": "low", "company": "Acme", "role": "Rust Engineer",
        "dates": [], "contacts": [], "application_id": null, "proposed_status": "rejected",
        "summary": "Acme said no.", "confidence": 0.9
    });
    let (off, on, bare, last) = rt.block_on(async {
        let server = TestServer::start().await.expect("test server");
        let client = || {
            LlmClient::new(Endpoint {
                provider: "bench".into(),
                base_url: server.base_url(),
                api_key: None,
                timeout: Duration::from_secs(10),
            })
            .expect("client")
        };
        let plain = Runtime::new(Some(client()));
        let exporting = Runtime::new(Some(client())).with_telemetry(telemetry.clone());
        let sinking = Runtime::new(Some(client())).with_telemetry(to_sink.clone());
        server.script(
            std::iter::repeat_n(
                [
                    Reply::tool_call("lookup_applications", &json!({"query": "Acme"})),
                    Reply::json(&answer).with_usage(Usage::new(500, 100, 60, 0)),
                ],
                3 * (runs + warmup),
            )
            .flatten(),
        );
        let agent = EmailAnalyst::default();
        let settings = RunSettings::default();
        let one = |r: &Runtime| {
            let r = r.clone();
            let (store, agent, input, settings) = (&store, &agent, &input, &settings);
            async move {
                let started = Instant::now();
                let run = r.run(store, agent, input, settings).await.expect("stored");
                assert!(run.execution.success, "{:?}", run.result.err());
                started.elapsed()
            }
        };
        for _ in 0..warmup {
            one(&plain).await;
            one(&exporting).await;
            one(&sinking).await;
        }
        let (mut off, mut on, mut bare) = (Vec::new(), Vec::new(), Vec::new());
        for _ in 0..runs {
            off.push(one(&plain).await);
            on.push(one(&exporting).await);
            bare.push(one(&sinking).await);
        }
        server.script([
            Reply::tool_call("lookup_applications", &json!({"query": "Acme"})),
            Reply::json(&answer),
        ]);
        let last = plain
            .run(&store, &agent, &input, &settings)
            .await
            .expect("stored");
        (off, on, bare, last.execution)
    });
    // What export adds on the run's own thread: queueing the run's id (the sender's
    // thread reads it back, builds the spans and sends them).
    let record_ns = {
        let mut s = store.lock().expect("store");
        let n = 2_000u32;
        let started = Instant::now();
        for _ in 0..n {
            to_sink.record(&mut s, &last);
        }
        started.elapsed().as_secs_f64() * 1e9 / f64::from(n)
    };
    to_sink.flush(Duration::from_secs(30));
    let flushed = telemetry.flush(Duration::from_secs(30));
    let stats = telemetry.stats();
    let (off_mean, on_mean, bare_mean) = (mean(&off), mean(&on), mean(&bare));
    let (off_median, on_median, bare_median) = (median(off), median(on), median(bare));
    println!();
    println!(
        "{runs} interleaved runs each (2 chat completions, 1 tool call), OTLP export to a local Phoenix:"
    );
    println!(
        "export on vs off: mean {} vs {} per run ({:.3}×), median {} vs {} ({:.3}×)",
        show(on_mean),
        show(off_mean),
        on_mean / off_mean,
        show(on_median),
        show(off_median),
        on_median / off_median
    );
    println!(
        "export on, to a bare OTLP sink, vs off: mean {} ({:.3}×), median {} ({:.3}×)",
        show(bare_mean),
        bare_mean / off_mean,
        show(bare_median),
        bare_median / off_median
    );
    println!("on the run's thread, export costs {record_ns:.0} ns per run (queueing its id)");
    println!(
        "spans sent to Phoenix {}, dropped {}, failed {} (flushed: {flushed})",
        stats.exported_spans, stats.dropped_spans, stats.failed_spans
    );

    // Backfill: a separate store of recorded runs.
    let dir = tempfile::tempdir().expect("temp dir");
    let mut store = Store::open(dir.path()).expect("store");
    let mut batch = Vec::with_capacity(backfill_runs);
    for i in 0..backfill_runs {
        let mut h = start_execution(&store, "email-analyst");
        for finish in [
            jobtrail_core::ledger::Finish::ToolCalls,
            jobtrail_core::ledger::Finish::Stop,
        ] {
            h.llm_calls.push(LlmCallRecord {
                model: "gpt-4.1-mini".into(),
                started_at: store.now_ms(),
                duration_us: 800,
                usage: TokenUsage {
                    input: 400,
                    cached_input: 100,
                    output: 60,
                    reasoning: 0,
                },
                finish: Some(finish),
                error: None,
                detail: Default::default(),
            });
        }
        h.tool_calls.push(ToolCallRecord {
            tool: "lookup_applications".into(),
            arguments: "{\"query\":\"Acme\"}".into(),
            result: "[]".into(),
            success: true,
            duration_us: 120,
            call_id: Some(format!("call_{i}")),
            started_at: Some(store.now_ms()),
        });
        let outcome = Outcome {
            engine: Some(Engine::Llm),
            provider: Some("openai".into()),
            model: Some("gpt-4.1-mini".into()),
            success: true,
            ..Outcome::default()
        };
        batch.push((h, outcome));
    }
    end_executions(&mut store, batch).expect("recorded");
    let backfilling = Telemetry::start_with_env(&mut store, &|name| match name {
        config::ENV_ENDPOINT => Some(phoenix.base_url()),
        config::ENV_RESOURCE_ATTRIBUTES => Some("openinference.project.name=bench-backfill".into()),
        _ => None,
    })
    .expect("telemetry");
    let report = backfilling.backfill(&store, 0).expect("backfill");
    println!(
        "backfill: {} runs ({} spans) in {:.2} s: {:.0} runs/s",
        report.runs,
        report.spans,
        report.seconds,
        report.rate()
    );
}

/// Mean in µs.
fn mean(times: &[Duration]) -> f64 {
    times.iter().map(|d| d.as_secs_f64() * 1e6).sum::<f64>() / times.len() as f64
}

/// Median in µs.
fn median(mut times: Vec<Duration>) -> f64 {
    times.sort_unstable();
    times[times.len() / 2].as_secs_f64() * 1e6
}

/// µs as `812 µs` or `1.21 ms`.
fn show(us: f64) -> String {
    if us >= 1000.0 {
        format!("{:.2} ms", us / 1000.0)
    } else {
        format!("{us:.0} µs")
    }
}
