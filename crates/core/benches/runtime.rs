//! What `Runtime::run` costs on top of the HTTP exchanges it makes (the bar: under
//! 0.3 ms per run), and the floor under it: one SQLite commit.
//!
//! Both run cases make the same two chat completions against the same in-process
//! OpenAI-compatible test server on loopback: a `lookup_applications` tool call, then
//! the final JSON answer.
//! - `bare`: async-openai alone, sending byte for byte the requests the runtime sends
//!   (the agent's prompts with the runtime's explanation instructions, its tools with
//!   their `reason` argument, the answer schema with the explanation; checked at every
//!   start), the tool result answered from a constant.
//! - `runtime`: `Runtime::run` of EmailAnalyst through `LlmClient`, which adds the
//!   request id and span, the answer schema, request conversion, the real tool call on
//!   SQLite, output parsing and checks, the explanation, and the transaction that
//!   stores the execution.
//! - `floor`: one commit of a row like the run's execution row into `executions`,
//!   through `Store::write` as the run's record goes: the least a stored run costs.
//!
//! The difference between the first two is Jobtrail's overhead. Criterion's estimates
//! cannot be read back programmatically, so after its groups an interleaved loop of
//! the cases prints the figures, medians and means (means include SQLite's WAL
//! checkpoints: the commit that fills the WAL to 1,000 pages copies it back into the
//! database). No assertion is made on time: the printed lines are the result.
//! Run with `make bench`.

use std::hint::black_box;
use std::sync::Mutex;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

use async_openai::Client;
use async_openai::config::OpenAIConfig;
use async_openai::types::chat::{
    ChatCompletionMessageToolCalls, ChatCompletionRequestAssistantMessageArgs,
    ChatCompletionRequestSystemMessageArgs, ChatCompletionRequestToolMessageArgs,
    ChatCompletionRequestUserMessageArgs, ChatCompletionTool, ChatCompletionTools,
    CreateChatCompletionRequest, CreateChatCompletionRequestArgs, FunctionObjectArgs,
    ResponseFormat, ResponseFormatJsonSchema,
};
use criterion::Criterion;
use jobtrail_core::Store;
use jobtrail_core::agent::email_analyst::{
    EmailAnalysis, EmailAnalyst, EmailCategory, EmailInput, Urgency,
};
use jobtrail_core::agent::explained;
use jobtrail_core::agent::llm::{Endpoint, LlmClient};
use jobtrail_core::agent::tools::LookupApplications;
use jobtrail_core::agent::{Agent, Engine, RunSettings, Runtime, Tool};
use jobtrail_core::tracker::{ApplicationDraft, NewApplication, Origin, Status, applications};
use jobtrail_llm_testserver::{Reply, TestServer};
use serde_json::json;

/// Runs per case in the interleaved loop that prints the summary.
const SUMMARY_RUNS: usize = 200;
/// Untimed runs per case before that loop.
const SUMMARY_WARMUP_RUNS: usize = 20;

/// What every measurement shares: the tokio runtime, the SQLite store, the agent, its
/// input, the scripted replies and the bare cases' first requests.
struct Fixture {
    rt: tokio::runtime::Runtime,
    store: Mutex<Store>,
    _dir: tempfile::TempDir,
    agent: EmailAnalyst,
    input: EmailInput,
    settings: RunSettings,
    replies: [Reply; 2],
    /// The runtime's first request, as the bare case sends it.
    bare_first: CreateChatCompletionRequest,
    /// The same without what the runtime adds to ask for an explanation.
    plain_first: CreateChatCompletionRequest,
    /// What `lookup_applications` answers for Acme, sent back by the bare case.
    tool_result: String,
}

impl Fixture {
    fn new() -> Self {
        // Multi-thread, like the app's: the test server answers on the workers while
        // the measured client runs in `block_on`.
        let rt = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(2)
            .enable_all()
            .build()
            .expect("tokio runtime");
        let dir = tempfile::tempdir().expect("temp dir");
        let mut store = Store::open(dir.path()).expect("open the store");
        let new = NewApplication::try_from(ApplicationDraft {
            company: "Acme".into(),
            role: "Rust Engineer".into(),
            status: Some("applied".into()),
            ..Default::default()
        })
        .expect("a valid application");
        let app = applications::add(&mut store, &new, Origin::User).expect("add Acme");
        let query = json!({"query": "Acme"});
        let tool_result = LookupApplications
            .call(&store, &query)
            .expect("lookup_applications answers")
            .to_string();
        let answer = EmailAnalysis {
            category: EmailCategory::Rejection,
            urgency: Urgency::Low,
            company: Some("Acme".into()),
            role: Some("Rust Engineer".into()),
            dates: vec![],
            contacts: vec![],
            application_id: Some(app.id),
            proposed_status: Some(Status::Rejected),
            summary: "Acme turned the application down.".into(),
            confidence: 0.92,
            requisition: None,
        };
        let answer = serde_json::to_value(answer).expect("the answer as JSON");
        let agent = EmailAnalyst::default();
        let input = EmailInput {
            from: "Acme Talent <talent@acme.com>".into(),
            subject: "Your application for Rust Engineer".into(),
            date: Some("Tue, 24 Nov 2026 09:00:00 +0000".into()),
            body: "Unfortunately we have decided not to move forward with your application.".into(),
        };
        let bare_first = bare_first_request(&agent, &input, true);
        let plain_first = bare_first_request(&agent, &input, false);
        Self {
            rt,
            store: Mutex::new(store),
            _dir: dir,
            agent,
            input,
            settings: RunSettings::default(),
            replies: [
                Reply::tool_call("lookup_applications", &query),
                Reply::json(&answer),
            ],
            bare_first,
            plain_first,
            tool_result,
        }
    }

    /// Queues the two replies of `runs` runs.
    fn script(&self, server: &TestServer, runs: usize) {
        server.script(std::iter::repeat_n(&self.replies, runs).flatten().cloned());
    }
}

/// The request `Runtime::run` sends first, built with async-openai directly: the
/// agent's prompts, tools and output schema, the default model and settings, and (with
/// `explained`) what the runtime adds to ask for an explanation.
fn bare_first_request(
    agent: &EmailAnalyst,
    input: &EmailInput,
    explained: bool,
) -> CreateChatCompletionRequest {
    let tools = agent
        .tools()
        .iter()
        .map(|t| {
            let spec = if explained {
                explained::with_reason(t.spec())
            } else {
                t.spec()
            };
            let function = FunctionObjectArgs::default()
                .name(spec.name)
                .description(spec.description)
                .parameters(spec.parameters)
                .build()
                .expect("a function definition");
            ChatCompletionTools::Function(ChatCompletionTool { function })
        })
        .collect::<Vec<_>>();
    let mut schema = serde_json::to_value(schemars::schema_for!(EmailAnalysis)).expect("schema");
    let mut system = agent.system_prompt();
    if explained {
        schema = explained::wrap_schema(schema);
        system = format!("{system}\n\n{}", explained::INSTRUCTIONS);
    }
    CreateChatCompletionRequestArgs::default()
        .model(EmailAnalyst::DEFAULT_MODEL)
        .messages([
            ChatCompletionRequestSystemMessageArgs::default()
                .content(system)
                .build()
                .expect("system message")
                .into(),
            ChatCompletionRequestUserMessageArgs::default()
                .content(agent.user_prompt(input))
                .build()
                .expect("user message")
                .into(),
        ])
        .tools(tools)
        .response_format(ResponseFormat::JsonSchema {
            json_schema: ResponseFormatJsonSchema {
                name: EmailAnalyst::NAME.replace('-', "_"),
                description: None,
                schema,
                strict: Some(false),
            },
        })
        .build()
        .expect("the first request")
}

/// One test server and a client of each kind on it. A fresh one per criterion sample
/// keeps the server's record of received requests small.
struct Harness {
    // Clients first: they drop (closing their connections) before the server stops.
    bare: Client<OpenAIConfig>,
    runtime: Runtime,
    server: TestServer,
    /// The warm-up run's `executions` row, which the floor case stores again.
    row: Vec<rusqlite::types::Value>,
}

/// Floor rows stored so far (their request ids must differ).
static FLOOR_ROWS: AtomicU64 = AtomicU64::new(0);

impl Harness {
    /// Starts a server and makes one run of each kind, untimed, so both clients hold
    /// an open connection and every later run is measured warm; checks that both
    /// kinds sent the same requests.
    async fn start(f: &Fixture) -> Self {
        let server = TestServer::start().await.expect("start the test server");
        let bare = Client::with_config(
            OpenAIConfig::new()
                .with_api_base(server.base_url())
                .with_api_key("sk-bench"),
        );
        let llm = LlmClient::new(Endpoint {
            provider: "bench".into(),
            base_url: server.base_url(),
            api_key: None,
            timeout: Duration::from_secs(10),
        })
        .expect("an LLM client");
        let mut harness = Self {
            bare,
            runtime: Runtime::new(Some(llm)),
            server,
            row: Vec::new(),
        };
        f.script(&harness.server, 2);
        harness.bare_run(f).await;
        harness.runtime_run(f).await;
        let sent = harness.server.received();
        assert!(
            sent.len() == 4 && sent[0].body == sent[2].body && sent[1].body == sent[3].body,
            "the bare case must send the runtime's requests"
        );
        harness.row = lock(&f.store)
            .conn()
            .query_row(
                "SELECT * FROM executions ORDER BY id DESC LIMIT 1",
                [],
                |r| (0..r.as_ref().column_count()).map(|i| r.get(i)).collect(),
            )
            .expect("the warm-up run's execution row");
        harness
    }

    /// The two exchanges with async-openai alone, the runtime's requests.
    async fn bare_run(&self, f: &Fixture) {
        self.bare_exchange(f, &f.bare_first).await;
    }

    /// The same exchanges without the explanation's instructions, tool argument and
    /// schema: what asking for an explanation costs on the wire and the server.
    async fn plain_run(&self, f: &Fixture) {
        self.bare_exchange(f, &f.plain_first).await;
    }

    /// Call, answer the tool call from a constant, call.
    async fn bare_exchange(&self, f: &Fixture, first_request: &CreateChatCompletionRequest) {
        let first = self
            .bare
            .chat()
            .create(first_request.clone())
            .await
            .expect("bare: the first call answers");
        let calls = first
            .choices
            .into_iter()
            .next()
            .and_then(|c| c.message.tool_calls)
            .expect("bare: the first answer is a tool call");
        let mut second = first_request.clone();
        let ids: Vec<String> = calls
            .iter()
            .filter_map(|c| match c {
                ChatCompletionMessageToolCalls::Function(f) => Some(f.id.clone()),
                ChatCompletionMessageToolCalls::Custom(_) => None,
            })
            .collect();
        second.messages.push(
            ChatCompletionRequestAssistantMessageArgs::default()
                .tool_calls(calls)
                .build()
                .expect("assistant message")
                .into(),
        );
        for id in ids {
            second.messages.push(
                ChatCompletionRequestToolMessageArgs::default()
                    .tool_call_id(id)
                    .content(f.tool_result.as_str())
                    .build()
                    .expect("tool message")
                    .into(),
            );
        }
        let answer = self
            .bare
            .chat()
            .create(second)
            .await
            .expect("bare: the second call answers");
        let content = answer
            .choices
            .into_iter()
            .next()
            .and_then(|c| c.message.content)
            .expect("bare: the second answer has content");
        black_box(content);
    }

    /// One `Runtime::run` of EmailAnalyst: two LLM calls, one tool call, one stored
    /// execution.
    async fn runtime_run(&self, f: &Fixture) {
        let run = self
            .runtime
            .run(&f.store, &f.agent, &f.input, &f.settings)
            .await
            .expect("runtime: the execution is stored");
        let e = &run.execution;
        assert!(
            e.success && e.engine == Engine::Llm && (e.llm_calls, e.tool_calls) == (2, 1),
            "runtime: expected a successful LLM run with 2 calls and 1 tool call, got {e:?} ({:?})",
            run.result.as_ref().err()
        );
        black_box(run.result.ok());
    }

    /// The floor: the warm-up run's execution row stored again (a fresh id and
    /// request id), one row in one transaction through `Store::write`.
    fn floor_commit(&self, f: &Fixture) {
        let n = FLOOR_ROWS.fetch_add(1, Ordering::Relaxed);
        let mut row = self.row.clone();
        row[0] = rusqlite::types::Value::Null;
        row[1] = rusqlite::types::Value::Text(format!("floor-{n}"));
        let sql = format!(
            "INSERT INTO executions VALUES ({})",
            vec!["?"; row.len()].join(", ")
        );
        lock(&f.store)
            .write(|tx| {
                tx.prepare_cached(&sql)?
                    .execute(rusqlite::params_from_iter(&row))
            })
            .expect("floor: the row is stored");
    }
}

fn lock(store: &Mutex<Store>) -> std::sync::MutexGuard<'_, Store> {
    store.lock().expect("the store's lock")
}

/// The measured cases.
#[derive(Debug, Clone, Copy)]
enum Case {
    Bare,
    Runtime,
    Floor,
}

impl Harness {
    async fn run(&self, case: Case, f: &Fixture) {
        match case {
            Case::Bare => self.bare_run(f).await,
            Case::Runtime => self.runtime_run(f).await,
            Case::Floor => self.floor_commit(f),
        }
    }
}

fn agent_run(c: &mut Criterion, f: &Fixture) {
    let mut group = c.benchmark_group("agent_run");
    for (name, case) in [
        ("bare", Case::Bare),
        ("runtime", Case::Runtime),
        ("floor", Case::Floor),
    ] {
        group.bench_function(name, |b| b.iter_custom(|iters| measure(f, case, iters)));
    }
    group.finish();
}

/// Time of `iters` runs of `case` on a fresh, warm harness, replies scripted beforehand.
fn measure(f: &Fixture, case: Case, iters: u64) -> Duration {
    let runs = usize::try_from(iters).expect("iteration count fits in usize");
    f.rt.block_on(async {
        let harness = Harness::start(f).await;
        if !matches!(case, Case::Floor) {
            f.script(&harness.server, runs);
        }
        let started = Instant::now();
        for _ in 0..runs {
            harness.run(case, f).await;
        }
        started.elapsed()
    })
}

/// The cases interleaved on one harness, each run timed, then the figures printed.
fn print_overhead(f: &Fixture) {
    let [bare, runtime, floor, plain] = f.rt.block_on(async {
        let harness = Harness::start(f).await;
        f.script(&harness.server, 3 * (SUMMARY_WARMUP_RUNS + SUMMARY_RUNS));
        for _ in 0..SUMMARY_WARMUP_RUNS {
            harness.bare_run(f).await;
            harness.runtime_run(f).await;
            harness.floor_commit(f);
            harness.plain_run(f).await;
        }
        let mut times: [Vec<Duration>; 4] = Default::default();
        for _ in 0..SUMMARY_RUNS {
            let started = Instant::now();
            harness.bare_run(f).await;
            times[0].push(started.elapsed());
            let started = Instant::now();
            harness.runtime_run(f).await;
            times[1].push(started.elapsed());
            let started = Instant::now();
            harness.floor_commit(f);
            times[2].push(started.elapsed());
            let started = Instant::now();
            harness.plain_run(f).await;
            times[3].push(started.elapsed());
        }
        times.map(|t| Figure::of(&t))
    });
    let size = |r: &CreateChatCompletionRequest| serde_json::to_vec(r).map_or(0, |v| v.len());
    let extra_bytes = size(&f.bare_first).saturating_sub(size(&f.plain_first));
    println!();
    println!(
        "{SUMMARY_RUNS} interleaved runs of each case (2 chat completions and 1 tool call per run), median (mean):"
    );
    println!("  bare call     async-openai alone, the runtime's requests   {bare}");
    println!("  Runtime::run  the same exchanges through the runtime       {runtime}");
    println!(
        "Jobtrail's overhead per run (Runtime::run − bare call): {}",
        runtime.minus(bare)
    );
    println!("Floor, one SQLite WAL commit of a comparable execution row: {floor}");
    println!(
        "Asking for an explanation adds {extra_bytes} bytes to each request: without it the bare call takes {} less.",
        bare.minus(plain)
    );
}

/// A case's median and mean, in µs.
#[derive(Debug, Clone, Copy)]
struct Figure {
    median: f64,
    mean: f64,
}

impl Figure {
    fn of(times: &[Duration]) -> Self {
        Self {
            median: median(times.to_vec()),
            mean: mean(times),
        }
    }

    fn minus(self, other: Figure) -> Figure {
        Figure {
            median: self.median - other.median,
            mean: self.mean - other.mean,
        }
    }
}

impl std::fmt::Display for Figure {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} ({})", show(self.median), show(self.mean))
    }
}

/// Mean in µs.
fn mean(times: &[Duration]) -> f64 {
    let total: f64 = times.iter().map(|d| d.as_secs_f64() * 1e6).sum();
    total / times.len() as f64
}

/// Median in µs.
fn median(mut times: Vec<Duration>) -> f64 {
    times.sort_unstable();
    let n = times.len();
    let mid = if n % 2 == 1 {
        times[n / 2]
    } else {
        (times[n / 2 - 1] + times[n / 2]) / 2
    };
    mid.as_secs_f64() * 1e6
}

/// µs as `812 µs` or `1.21 ms`.
fn show(us: f64) -> String {
    if us.abs() >= 1000.0 {
        format!("{:.2} ms", us / 1000.0)
    } else {
        format!("{us:.0} µs")
    }
}

fn main() {
    let fixture = Fixture::new();
    let mut criterion = Criterion::default().configure_from_args();
    agent_run(&mut criterion, &fixture);
    criterion.final_summary();
    // Only a real bench run (`cargo bench` passes `--bench`); `cargo test --benches`
    // runs each case once as a smoke test and skips the summary.
    if std::env::args().any(|a| a == "--bench") {
        print_overhead(&fixture);
    }
}
