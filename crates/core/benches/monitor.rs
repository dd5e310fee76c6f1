//! Whether monitoring and cost queries stay fast however many runs are stored, and
//! how fast runs are recorded (issue 4's bar: each query under 20 ms over 1,000,000
//! executions, its cost not growing with the raw rows in the window; recording at
//! least 20,000 executions per second).
//!
//! For 10,000, 100,000 and 1,000,000 executions of 10 agents spread evenly over the
//! last 30 days (durations 10 ms–30 s log-uniform, 5 % failures, tokens by kind,
//! several models of which one has no price, 5 % built-in runs without a model), a
//! fresh store is filled with direct SQL in large transactions (data setup, not the
//! recording path; their LLM call rows are left out, as no query reads them), then
//! `rollup::catch_up` folds them once and is timed. Each query then runs 2 untimed
//! and 20 timed times (each call catches up first, which is then a no-op); the median
//! is printed per size and period, with the raw rows in each window and the rollup
//! rows the query reads, and the answers are checked against sums over the raw rows.
//! Budgets are set (daily, monthly and one per agent), so `check_budget_status` does
//! all its work (one pass over four windows for every scope).
//!
//! Recording is timed on the largest store through the real path: `start_execution`,
//! one `LlmCallRecord`, `end_execution` (one transaction, priced from the price
//! table). Below the bar, the same inserts are replayed with each piece timed (price
//! lookup, statement compilation, inserts, commit), then with statements and prices
//! cached, and batched several runs per transaction.
//!
//! The clock is a `ManualClock`, so windows and their ragged minute edges are the same
//! on every run, and the data too (fixed seed). No assertion is made on time: the
//! printed lines are the result; a wrong answer exits non-zero.
//! Run with `make bench`; `cargo test --benches` runs one small store as a smoke test.

mod common;
use common::{per_second, thousands};

use std::collections::HashMap;
use std::hint::black_box;
use std::process::ExitCode;
use std::sync::Arc;
use std::time::{Duration, Instant};

use chrono::{TimeZone, Utc};
use jobtrail_core::agent::llm::{Finish, TokenUsage};
use jobtrail_core::clock::{ManualClock, Timestamp, to_rfc3339};
use jobtrail_core::cost::{self, Budgets, ModelPrice, Money, prices};
use jobtrail_core::ledger::execution::{
    self, Engine, ExecutionHandle, LlmCallRecord, Outcome, new_request_id,
};
use jobtrail_core::monitor::{self, AlertThresholds};
use jobtrail_core::rollup;
use jobtrail_core::{Clock, Store};

/// Stores measured in a bench run.
const SIZES: [usize; 3] = [10_000, 100_000, 1_000_000];
/// The store of the smoke test.
const SMOKE_SIZE: usize = 2_000;
/// Periods asked about, hours.
const PERIODS: [f64; 3] = [1.0, 24.0, 168.0];
/// Timed calls per query and period (their median is printed), after the warm-ups.
const RUNS: usize = 20;
const WARMUPS: usize = 2;
/// Runs recorded through each recording path.
const RECORDINGS: usize = 20_000;
/// The issue's bars.
const QUERY_BAR_MS: f64 = 20.0;
const RECORDING_BAR_PER_SECOND: f64 = 20_000.0;
/// Executions written per setup transaction.
const SETUP_BATCH: usize = 50_000;
/// How far back the stored runs go.
const SPREAD_MS: i64 = 30 * 86_400_000;
const SEED: u64 = 0x006d_6f6e_6974_6f72;

/// Agents with their usual model and the one they sometimes use instead.
const AGENTS: [(&str, &str, &str); 10] = [
    ("email_analyst", "gpt-4o-mini", "gpt-4o"),
    ("job_match", "gpt-4.1-mini", "gpt-4.1"),
    ("follow_up", "gpt-4o-mini", "gpt-5-mini"),
    ("resume_tailor", "gpt-4o", "gpt-4o-mini"),
    ("cover_letter", "gpt-5-mini", "gpt-5"),
    ("interview_prep", "o4-mini", "gpt-4.1-mini"),
    ("company_research", "gpt-4.1", "gpt-4.1-mini"),
    ("salary_check", "gpt-5-nano", "gpt-5-mini"),
    ("inbox_triage", "gpt-4.1-nano", "gpt-4o-mini"),
    ("offer_compare", "gpt-5", "o3"),
];
/// A local model missing from the price table: its calls are unpriced.
const UNPRICED_MODEL: &str = "llama3.1-8b-local";

const INPUT_JSON: &str = r#"{"from":"Acme Talent <talent@acme.com>","subject":"Your application"}"#;
const OUTPUT_JSON: &str =
    r#"{"category":"interview_invite","urgency":"high","company":"Acme","confidence":0.91}"#;

/// The columns `end_execution` writes, in its order.
const INSERT_EXECUTION: &str = "INSERT INTO executions (request_id, agent, engine, provider, model, started_at, ended_at,
                duration_us, success, input_tokens, cached_input_tokens, output_tokens, reasoning_tokens,
                llm_calls, tool_calls, error_kind, error_message, input, output, cost_nanos,
                unpriced_calls, fallback_reason)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18,
                     ?19, ?20, ?21, ?22)";
const INSERT_LLM_CALL: &str = "INSERT INTO llm_calls (execution_id, seq, model, started_at, duration_us, input_tokens,
                    cached_input_tokens, output_tokens, reasoning_tokens, finish, error_kind, error_message,
                    cost_nanos)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)";
/// `prices::find_in`'s query, formatted on every call as it does.
fn find_sql() -> String {
    const COLUMNS: &str = "model, input_micros, cached_input_micros, output_micros, reasoning_micros, source, as_of, updated_at";
    format!(
        "SELECT {COLUMNS} FROM model_prices
         WHERE model = ?1 OR substr(?1, 1, length(model) + 1) = model || '-'
         ORDER BY model = ?1 DESC, length(model) DESC LIMIT 1"
    )
}
/// What the recorder reads from the settings in every transaction.
const SETTINGS_READ: &str = "SELECT value FROM settings WHERE key = ?1";

/// SplitMix64: deterministic and dependency-free.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// In `0..n`.
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }

    /// In `[0, 1)`.
    fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }
}

/// One generated run.
struct Run {
    agent: &'static str,
    /// `None`: answered by the built-in engine.
    model: Option<&'static str>,
    started_at: Timestamp,
    duration_us: i64,
    success: bool,
    usage: TokenUsage,
    llm_calls: i64,
    tool_calls: i64,
}

impl Run {
    /// Run `i` of `n` spread over the 30 days before `now`, in time order.
    fn generate(rng: &mut Rng, i: usize, n: usize, now: Timestamp) -> Self {
        let (agent, primary, secondary) = AGENTS[rng.below(AGENTS.len() as u64) as usize];
        let model = match rng.below(100) {
            0..80 => Some(primary),
            80..90 => Some(secondary),
            90..95 => Some(UNPRICED_MODEL),
            _ => None,
        };
        let offset = (i as i64 * SPREAD_MS + rng.below(SPREAD_MS as u64) as i64) / n as i64;
        // Log-uniform between 10 ms and 30 s.
        let duration_us = (10_000.0 * 3_000f64.powf(rng.unit())) as i64;
        let success = rng.below(100) >= 5;
        let (usage, llm_calls) = match model {
            None => (TokenUsage::default(), 0),
            Some(m) => {
                let calls = 1 + rng.below(3);
                let input = 300 + rng.below(3_700);
                let reasoning = m.starts_with('o') || m.starts_with("gpt-5");
                let usage = TokenUsage {
                    input: calls * input,
                    cached_input: match rng.below(2) {
                        0 => calls * input * rng.below(60) / 100,
                        _ => 0,
                    },
                    output: calls * (50 + rng.below(1_450)),
                    reasoning: if reasoning {
                        calls * rng.below(2_000)
                    } else {
                        0
                    },
                };
                (usage, calls as i64)
            }
        };
        Run {
            agent,
            model,
            started_at: now - SPREAD_MS + offset,
            duration_us,
            success,
            usage,
            llm_calls,
            tool_calls: rng.below(5) as i64,
        }
    }

    fn error(&self) -> Option<(&'static str, &'static str)> {
        match (self.success, self.duration_us % 2) {
            (true, _) => None,
            (false, 0) => Some(("timeout", "the model did not answer within 30 s")),
            (false, _) => Some(("invalid_output", "the answer did not match the schema")),
        }
    }
}

/// Each model's price, looked up once.
struct Pricing(HashMap<&'static str, Option<ModelPrice>>);

impl Pricing {
    fn load(store: &Store) -> Self {
        let models = AGENTS
            .iter()
            .flat_map(|(_, a, b)| [*a, *b])
            .chain([UNPRICED_MODEL]);
        Self(
            models
                .map(|m| (m, prices::find(store, m).expect("look up a price")))
                .collect(),
        )
    }

    /// The run's cost and how many of its calls are unpriced.
    fn cost(&self, run: &Run) -> (i64, i64) {
        match run.model.and_then(|m| self.0.get(m)) {
            None => (0, 0),
            Some(Some(p)) => (p.cost(&run.usage).total.nanos(), 0),
            Some(None) => (0, run.llm_calls),
        }
    }
}

fn tokens(v: u64) -> i64 {
    i64::try_from(v).unwrap_or(i64::MAX)
}

/// Binds `?1`, `?2`, … in order and runs the statement: the bench cannot name
/// rusqlite's types, and its tuples of parameters stop at 16.
macro_rules! execute_bound {
    ($stmt:ident; $($value:expr),+ $(,)?) => {{
        let mut index: usize = 0;
        $(
            index += 1;
            $stmt.raw_bind_parameter(index, $value)?;
        )+
        $stmt.raw_execute()
    }};
}

/// Runs [`INSERT_EXECUTION`] for `run` on a prepared statement, with its cost
/// (nano-dollars, unpriced calls).
macro_rules! insert_execution {
    ($stmt:ident, $run:expr, $request_id:expr, $cost:expr) => {{
        let run: &Run = $run;
        let (cost_nanos, unpriced): (i64, i64) = $cost;
        let error = run.error();
        execute_bound!($stmt;
            $request_id,
            run.agent,
            if run.model.is_some() { "llm" } else { "builtin" },
            run.model.map(|_| "openai"),
            run.model,
            run.started_at,
            run.started_at + run.duration_us / 1000,
            run.duration_us,
            run.success,
            tokens(run.usage.input),
            tokens(run.usage.cached_input),
            tokens(run.usage.output),
            tokens(run.usage.reasoning),
            run.llm_calls,
            run.tool_calls,
            error.map(|e| e.0),
            error.map(|e| e.1),
            INPUT_JSON,
            run.success.then_some(OUTPUT_JSON),
            cost_nanos,
            unpriced,
            None::<&str>,
        )
    }};
}

/// Runs [`INSERT_LLM_CALL`] for `run`'s single call on a prepared statement, with its
/// cost.
macro_rules! insert_llm_call {
    ($stmt:ident, $execution_id:expr, $run:expr, $cost:expr) => {{
        let run: &Run = $run;
        let (cost_nanos, unpriced): (i64, i64) = $cost;
        let error = run.error();
        $stmt.execute((
            $execution_id,
            0i64,
            run.model.unwrap_or(UNPRICED_MODEL),
            run.started_at,
            run.duration_us,
            tokens(run.usage.input),
            tokens(run.usage.cached_input),
            tokens(run.usage.output),
            tokens(run.usage.reasoning),
            run.success.then_some(Finish::Stop.as_str()),
            error.map(|e| e.0),
            error.map(|e| e.1),
            (unpriced == 0).then_some(cost_nanos),
        ))
    }};
}

/// A store of `n` generated runs, the clock at `now`.
fn fill(store: &mut Store, n: usize, now: Timestamp, pricing: &Pricing) {
    let mut rng = Rng(SEED);
    let mut i = 0;
    while i < n {
        let end = (i + SETUP_BATCH).min(n);
        store
            .write(|tx| {
                let mut stmt = tx.prepare_cached(INSERT_EXECUTION)?;
                for k in i..end {
                    let run = Run::generate(&mut rng, k, n, now);
                    insert_execution!(stmt, &run, format!("bench-{k:08}"), pricing.cost(&run))?;
                }
                Ok(())
            })
            .expect("insert the runs");
        i = end;
    }
}

#[derive(Clone, Copy, PartialEq)]
enum Query {
    CatchUp,
    AllAgentsSummary,
    AgentMetrics,
    CostSummary,
    Forecast,
    BudgetStatus,
    CostTips,
    PerformanceAlerts,
}

impl Query {
    fn label(self) -> &'static str {
        match self {
            Query::CatchUp => "rollup::catch_up (nothing new)",
            Query::AllAgentsSummary => "get_all_agents_summary",
            Query::AgentMetrics => "get_aggregated_metrics (1 agent)",
            Query::CostSummary => "cost::summary::summary (all)",
            Query::Forecast => "cost::summary::forecast (all)",
            Query::BudgetStatus => "cost::check_budget_status",
            Query::CostTips => "get_cost_optimization_tips",
            Query::PerformanceAlerts => "get_performance_alerts",
        }
    }

    fn run(self, store: &mut Store, hours: f64) {
        match self {
            Query::CatchUp => {
                black_box(rollup::catch_up(store).expect("catch up"));
            }
            Query::AllAgentsSummary => {
                black_box(monitor::get_all_agents_summary(store, hours).expect("summary"));
            }
            Query::AgentMetrics => {
                black_box(
                    monitor::get_aggregated_metrics(store, AGENTS[0].0, hours).expect("metrics"),
                );
            }
            Query::CostSummary => {
                black_box(cost::summary::summary(store, None, hours).expect("cost summary"));
            }
            Query::Forecast => {
                black_box(cost::summary::forecast(store, None).expect("forecast"));
            }
            Query::BudgetStatus => {
                black_box(cost::check_budget_status(store).expect("budget status"));
            }
            Query::CostTips => {
                black_box(cost::get_cost_optimization_tips(store, hours).expect("tips"));
            }
            Query::PerformanceAlerts => {
                black_box(
                    monitor::get_performance_alerts(store, &AlertThresholds::default())
                        .expect("alerts"),
                );
            }
        }
    }
}

/// A query and the window it is asked about.
struct Case {
    query: Query,
    period: &'static str,
    hours: f64,
}

fn cases() -> Vec<Case> {
    let mut out = vec![Case {
        query: Query::CatchUp,
        period: "-",
        hours: 0.0,
    }];
    for query in [
        Query::AllAgentsSummary,
        Query::AgentMetrics,
        Query::CostSummary,
    ] {
        for (period, hours) in ["1 h", "24 h", "168 h"].into_iter().zip(PERIODS) {
            out.push(Case {
                query,
                period,
                hours,
            });
        }
    }
    out.push(Case {
        query: Query::Forecast,
        period: "day+month",
        hours: 0.0,
    });
    out.push(Case {
        query: Query::BudgetStatus,
        period: "day+month",
        hours: 0.0,
    });
    out.push(Case {
        query: Query::CostTips,
        period: "168 h",
        hours: 168.0,
    });
    out.push(Case {
        query: Query::PerformanceAlerts,
        period: "1 h",
        hours: 1.0,
    });
    out
}

fn median_ms(runs: usize, warmups: usize, mut f: impl FnMut()) -> f64 {
    for _ in 0..warmups {
        f();
    }
    let mut times: Vec<f64> = (0..runs)
        .map(|_| {
            let started = Instant::now();
            f();
            started.elapsed().as_secs_f64() * 1e3
        })
        .collect();
    times.sort_by(f64::total_cmp);
    let mid = times.len() / 2;
    if times.len() % 2 == 1 {
        times[mid]
    } else {
        (times[mid - 1] + times[mid]) / 2.0
    }
}

/// The window a query over `hours` covers (as `monitor::metrics` computes it).
fn window(now: Timestamp, hours: f64) -> (Timestamp, Timestamp) {
    let from = now - (hours * 3_600_000.0).round() as i64;
    (from.div_euclid(60_000) * 60_000, now)
}

/// What a query over one window reads.
#[derive(Clone, Copy)]
struct WindowRows {
    /// Raw executions in the window (what a query over raw rows would read).
    raw: i64,
    /// Rollup rows in the window's cover, all agents.
    all: i64,
    /// Of which one agent's.
    one: i64,
    /// The most the cover can hold: its buckets × the (agent, model) pairs stored.
    cap: i64,
}

const ROLLUP_RANGE: &str = "SELECT count(*), coalesce(sum(agent = ?4), 0) FROM metrics_rollups
     WHERE level = ?1 AND bucket_start >= ?2 AND bucket_start < ?3";

/// Rollup rows in `[from, to)`'s cover: all agents', and `agent`'s.
fn rollup_rows(store: &Store, from: Timestamp, to: Timestamp, agent: &str) -> (i64, i64) {
    rollup::cover(from, to)
        .into_iter()
        .map(|(level, a, b)| {
            store
                .conn()
                .query_row(ROLLUP_RANGE, (level as i64, a, b, agent), |r| {
                    Ok((r.get::<_, i64>(0)?, r.get::<_, i64>(1)?))
                })
                .expect("count rollup rows")
        })
        .fold((0, 0), |(x, y), (a, b)| (x + a, y + b))
}

fn rows_read(store: &Store, hours: f64) -> WindowRows {
    let (from, to) = window(store.now_ms(), hours);
    let raw = store
        .conn()
        .query_row(
            "SELECT count(*) FROM executions WHERE started_at >= ?1 AND started_at < ?2",
            (from, to),
            |r| r.get(0),
        )
        .expect("count raw rows");
    let (all, one) = rollup_rows(store, from, to, AGENTS[0].0);
    let pairs: i64 = store
        .conn()
        .query_row(
            "SELECT count(*) FROM (SELECT DISTINCT agent, model FROM metrics_rollups)",
            [],
            |r| r.get(0),
        )
        .expect("count pairs");
    let buckets: i64 = rollup::cover(from, to)
        .iter()
        .map(|(level, a, b)| {
            let w = rollup::LEVELS[*level];
            b.div_euclid(w) - a.div_euclid(w) + i64::from(b.rem_euclid(w) != 0)
        })
        .sum();
    WindowRows {
        raw,
        all,
        one,
        cap: buckets * pairs,
    }
}

/// The summary's and the cost summary's figures against sums over the raw rows.
fn check_answers(store: &mut Store) -> Vec<String> {
    let mut wrong = Vec::new();
    for hours in PERIODS {
        let (from, to) = window(store.now_ms(), hours);
        let (runs, successes, cost, unpriced, agent_runs): (i64, i64, i64, i64, i64) = store
            .conn()
            .query_row(
                "SELECT count(*), coalesce(sum(success), 0), coalesce(sum(cost_nanos), 0),
                        coalesce(sum(unpriced_calls), 0),
                        coalesce(sum(agent = ?3), 0)
                 FROM executions WHERE started_at >= ?1 AND started_at < ?2",
                (from, to, AGENTS[0].0),
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?)),
            )
            .expect("sum the raw rows");
        let s = monitor::get_all_agents_summary(store, hours).expect("summary");
        let m = monitor::get_aggregated_metrics(store, AGENTS[0].0, hours).expect("metrics");
        let c = cost::summary::summary(store, None, hours).expect("cost summary");
        let got = [
            ("summary executions", s.overall.total_executions, runs),
            (
                "summary successes",
                s.overall.successful_executions,
                successes,
            ),
            ("summary cost (n$)", s.overall.total_cost.nanos(), cost),
            ("summary unpriced calls", s.overall.unpriced_calls, unpriced),
            ("agent executions", m.total_executions, agent_runs),
            ("cost summary cost (n$)", c.total_cost.nanos(), cost),
            ("cost summary executions", c.executions, runs),
        ];
        for (what, got, want) in got {
            if got != want {
                wrong.push(format!("{hours} h: {what} {got}, raw rows say {want}"));
            }
        }
    }
    wrong
}

/// Figures of one store.
struct Measured {
    size: usize,
    medians: Vec<f64>,
    rows: Vec<WindowRows>,
}

fn measure_size(
    n: usize,
    now: Timestamp,
    (runs, warmups): (usize, usize),
    wrong: &mut Vec<String>,
) -> (Measured, Store, ManualClock, tempfile::TempDir) {
    let dir = tempfile::tempdir().expect("temp dir");
    let clock = ManualClock::new(now);
    let mut store =
        Store::open_with_clock(dir.path(), Arc::new(clock.clone())).expect("open the store");
    let pricing = Pricing::load(&store);

    let started = Instant::now();
    fill(&mut store, n, now, &pricing);
    let setup = started.elapsed();
    let started = Instant::now();
    let folded = rollup::catch_up(&mut store).expect("catch up");
    let catch_up = started.elapsed();
    let levels: Vec<i64> = (0..3)
        .map(|level| {
            store
                .conn()
                .query_row(
                    "SELECT count(*) FROM metrics_rollups WHERE level = ?1",
                    [level],
                    |r| r.get(0),
                )
                .expect("count rollups")
        })
        .collect();
    println!(
        "{} executions: setup (direct SQL) {:.2} s; catch_up folded {} in {:.2} s — {} runs/s \
         → rollup rows: {} minute, {} hour, {} day",
        thousands(n),
        setup.as_secs_f64(),
        thousands(folded),
        catch_up.as_secs_f64(),
        thousands(per_second(folded, catch_up)),
        thousands(levels[0] as usize),
        thousands(levels[1] as usize),
        thousands(levels[2] as usize),
    );

    let daily = Money::from_micros(200_000_000);
    cost::set_budgets(
        &mut store,
        Budgets {
            daily_budget: Some(daily),
            monthly_budget: Some(Money::from_micros(5_000_000_000)),
            agent_daily_budgets: AGENTS
                .iter()
                .map(|(a, _, _)| ((*a).to_owned(), Money::from_micros(20_000_000)))
                .collect(),
            hard_limit: false,
        },
    )
    .expect("set budgets");

    for w in check_answers(&mut store) {
        wrong.push(format!("{}: {w}", thousands(n)));
    }
    let medians = cases()
        .iter()
        .map(|c| median_ms(runs, warmups, || c.query.run(&mut store, c.hours)))
        .collect();
    let rows = PERIODS.iter().map(|h| rows_read(&store, *h)).collect();
    (
        Measured {
            size: n,
            medians,
            rows,
        },
        store,
        clock,
        dir,
    )
}

fn print_queries(measured: &[Measured], (runs, warmups): (usize, usize)) {
    let cases = cases();
    println!();
    println!("median of {runs} calls after {warmups} warm-ups, ms (each call catches up first)");
    let mut header = format!("{:<34} {:<10}", "query", "period");
    for m in measured {
        header += &format!(" {:>10}", short(m.size));
    }
    println!("{header}");
    for (k, c) in cases.iter().enumerate() {
        let mut line = format!("{:<34} {:<10}", c.query.label(), c.period);
        for m in measured {
            line += &format!(" {:>10.3}", m.medians[k]);
        }
        println!("{line}");
    }

    println!();
    println!(
        "rows per window: raw executions in it → rollup rows read, all agents / one agent \
         (at most: buckets × agent-model pairs)"
    );
    for (p, hours) in PERIODS.iter().enumerate() {
        let mut line = format!("{:>6}", format!("{hours} h:"));
        for m in measured {
            let r = m.rows[p];
            line += &format!(
                "  {}: {} → {} / {} (≤ {})",
                short(m.size),
                thousands(r.raw as usize),
                thousands(r.all as usize),
                thousands(r.one as usize),
                thousands(r.cap as usize),
            );
        }
        println!("{line}");
    }

    println!();
    let mut seen: Vec<Query> = Vec::new();
    for c in &cases {
        if seen.contains(&c.query) {
            continue;
        }
        seen.push(c.query);
        let rows: Vec<(usize, &Case)> = cases
            .iter()
            .enumerate()
            .filter(|(_, d)| d.query == c.query)
            .collect();
        let worst = rows
            .iter()
            .flat_map(|(k, _)| measured.iter().map(move |m| m.medians[*k]))
            .fold(0.0, f64::max);
        let ratios = match measured.split_last() {
            Some((last, earlier)) if !earlier.is_empty() => earlier
                .iter()
                .map(|e| {
                    let each = rows
                        .iter()
                        .map(|(k, d)| {
                            format!("{} ×{:.2}", d.period, last.medians[*k] / e.medians[*k])
                        })
                        .collect::<Vec<_>>()
                        .join(", ");
                    format!("{}/{}: {each}", short(last.size), short(e.size))
                })
                .collect::<Vec<_>>()
                .join("; "),
            _ => "one size only".to_owned(),
        };
        println!(
            "{}: worst median {worst:.3} ms — under {QUERY_BAR_MS} ms: {}; {ratios}",
            c.query.label(),
            if worst < QUERY_BAR_MS { "yes" } else { "NO" },
        );
    }
}

/// `count` LLM runs to record, generated like the stored ones.
fn recording_runs(count: usize, now: Timestamp) -> Vec<Run> {
    let mut rng = Rng(SEED ^ 0xfeed);
    (0..count)
        .map(|i| {
            let mut run = Run::generate(&mut rng, i, count, now);
            if run.model.is_none() {
                // One LLM call per run: a built-in run becomes one of its agent's model.
                run.model = AGENTS.iter().find(|a| a.0 == run.agent).map(|a| a.1);
                run.usage = TokenUsage {
                    input: 1_200,
                    cached_input: 0,
                    output: 300,
                    reasoning: 0,
                };
            }
            run.llm_calls = 1;
            run
        })
        .collect()
}

/// A run as the runtime hands it over: its handle with one LLM call, and its outcome.
fn finished(store: &Store, run: &Run) -> (ExecutionHandle, Outcome) {
    let mut handle: ExecutionHandle = execution::start_execution(store, run.agent);
    let model = run.model.unwrap_or(UNPRICED_MODEL);
    let error = run.error().map(|(k, m)| (k.to_owned(), m.to_owned()));
    handle.llm_calls.push(LlmCallRecord {
        model: model.to_owned(),
        started_at: store.now_ms(),
        duration_us: run.duration_us,
        usage: run.usage,
        finish: run.success.then_some(Finish::Stop),
        error: error.clone(),
        detail: Default::default(),
    });
    let outcome = Outcome {
        engine: Some(Engine::Llm),
        provider: Some("openai".to_owned()),
        model: Some(model.to_owned()),
        success: run.success,
        error,
        input: Some(INPUT_JSON.to_owned()),
        output: run.success.then(|| OUTPUT_JSON.to_owned()),
        ..Outcome::default()
    };
    (handle, outcome)
}

/// The real path: `start_execution`, one LLM call, `end_execution`.
fn record_real(store: &mut Store, clock: &ManualClock, runs: &[Run]) -> Duration {
    let started = Instant::now();
    for run in runs {
        clock.advance(1);
        let (handle, outcome) = finished(store, run);
        black_box(execution::end_execution(store, handle, outcome).expect("record a run"));
    }
    started.elapsed()
}

/// The real batch API: `end_executions` with `batch` runs per transaction.
fn record_real_batched(
    store: &mut Store,
    clock: &ManualClock,
    runs: &[Run],
    batch: usize,
) -> Duration {
    let started = Instant::now();
    for chunk in runs.chunks(batch) {
        let done: Vec<_> = chunk
            .iter()
            .map(|run| {
                clock.advance(1);
                finished(store, run)
            })
            .collect();
        black_box(execution::end_executions(store, done).expect("record runs"));
    }
    started.elapsed()
}

/// Time per run of each piece of `end_execution`'s transaction, replayed.
#[derive(Default)]
struct Pieces {
    begin: Duration,
    settings: Duration,
    price: Duration,
    compile_execution: Duration,
    insert_execution: Duration,
    compile_llm_call: Duration,
    insert_llm_call: Duration,
    commit: Duration,
    /// Each commit, for the median (most) against the mean (with checkpoints).
    commits: Vec<Duration>,
}

/// `end_execution`'s transaction replayed with each piece timed: the settings read,
/// the price lookup (its SQL built and looked up in the statement cache per call, as
/// `prices::find_in` does), each INSERT compiled per call (as `Transaction::execute`
/// does) and run, and the commit.
fn record_pieces(store: &mut Store, clock: &ManualClock, runs: &[Run], p: &mut Pieces) -> Duration {
    let started = Instant::now();
    for run in runs {
        clock.advance(1);
        let now = store.now_ms();
        let request_id = new_request_id(now);
        let model = run.model.unwrap_or(UNPRICED_MODEL);
        let run = Run {
            started_at: now,
            ..*run
        };
        let t0 = Instant::now();
        let mut t_end = t0;
        store
            .write(|tx| {
                let t1 = Instant::now();
                p.begin += t1 - t0;
                let mut stmt = tx.prepare_cached(SETTINGS_READ)?;
                let mut rows = stmt.query(["monitoring.config"])?;
                let stored: Option<String> = match rows.next()? {
                    Some(r) => r.get(0)?,
                    None => None,
                };
                black_box(stored);
                drop(rows);
                drop(stmt);
                let t2 = Instant::now();
                p.settings += t2 - t1;
                let mut stmt = tx.prepare_cached(&find_sql())?;
                let mut rows = stmt.query([model.trim()])?;
                let price = match rows.next()? {
                    Some(r) => Some(ModelPrice {
                        model: r.get(0)?,
                        input: Money::from_micros(r.get(1)?),
                        cached_input: r.get::<_, Option<i64>>(2)?.map(Money::from_micros),
                        output: Money::from_micros(r.get(3)?),
                        reasoning: r.get::<_, Option<i64>>(4)?.map(Money::from_micros),
                        source: r.get(5)?,
                        as_of: r.get(6)?,
                        updated_at: r.get(7)?,
                    }),
                    None => None,
                };
                let cost = match price {
                    Some(p) => (p.cost(&run.usage).total.nanos(), 0),
                    None => (0, 1),
                };
                drop(rows);
                drop(stmt);
                let t3 = Instant::now();
                p.price += t3 - t2;
                let mut stmt = tx.prepare(INSERT_EXECUTION)?;
                let t4 = Instant::now();
                p.compile_execution += t4 - t3;
                insert_execution!(stmt, &run, request_id.as_str(), cost)?;
                let id = tx.last_insert_rowid();
                drop(stmt);
                let t5 = Instant::now();
                p.insert_execution += t5 - t4;
                let mut stmt = tx.prepare(INSERT_LLM_CALL)?;
                let t6 = Instant::now();
                p.compile_llm_call += t6 - t5;
                insert_llm_call!(stmt, id, &run, cost)?;
                drop(stmt);
                let t7 = Instant::now();
                p.insert_llm_call += t7 - t6;
                t_end = t7;
                Ok(())
            })
            .expect("record a run");
        let commit = t_end.elapsed();
        p.commit += commit;
        p.commits.push(commit);
    }
    started.elapsed()
}

/// The same inserts with statements compiled once, prices from memory, and `batch`
/// runs per transaction.
fn record_batched(
    store: &mut Store,
    clock: &ManualClock,
    runs: &[Run],
    pricing: &Pricing,
    batch: usize,
) -> Duration {
    let started = Instant::now();
    for chunk in runs.chunks(batch) {
        store
            .write(|tx| {
                let mut exec = tx.prepare_cached(INSERT_EXECUTION)?;
                let mut call = tx.prepare_cached(INSERT_LLM_CALL)?;
                for run in chunk {
                    clock.advance(1);
                    let now = clock.now_ms();
                    let run = Run {
                        started_at: now,
                        ..*run
                    };
                    let cost = pricing.cost(&run);
                    insert_execution!(exec, &run, new_request_id(now), cost)?;
                    let id = tx.last_insert_rowid();
                    insert_llm_call!(call, id, &run, cost)?;
                }
                Ok(())
            })
            .expect("record a batch");
    }
    started.elapsed()
}

fn print_recording(store: &mut Store, clock: &ManualClock, count: usize) {
    let pricing = Pricing::load(store);
    let runs = recording_runs(count, store.now_ms());
    println!();
    let real = record_real(store, clock, &runs);
    let rate = count as f64 / real.as_secs_f64();
    let stored: i64 = store
        .conn()
        .query_row("SELECT count(*) FROM executions", [], |r| r.get(0))
        .expect("count executions");
    println!(
        "recording through start_execution + 1 LlmCallRecord + end_execution, one transaction \
         each, on a store of {} executions: {} runs in {:.2} s — {} runs/s ({:.1} µs per run); \
         at least {} runs/s: {}",
        thousands(stored as usize - count),
        thousands(count),
        real.as_secs_f64(),
        thousands(rate.round() as usize),
        real.as_secs_f64() * 1e6 / count as f64,
        thousands(RECORDING_BAR_PER_SECOND as usize),
        if rate >= RECORDING_BAR_PER_SECOND {
            "yes"
        } else {
            "NO"
        },
    );
    let started = Instant::now();
    let folded = rollup::catch_up(store).expect("catch up");
    let took = started.elapsed();
    println!(
        "the next query's catch_up folds those {} runs first: {:.1} ms ({:.1} µs per run)",
        thousands(folded),
        took.as_secs_f64() * 1e3,
        took.as_secs_f64() * 1e6 / folded.max(1) as f64,
    );
    if rate >= RECORDING_BAR_PER_SECOND {
        return;
    }

    // The real path again, interleaved with its replay in blocks, so both see the same
    // store and the same checkpoints.
    let mut p = Pieces::default();
    let (mut real, mut replay) = (Duration::ZERO, Duration::ZERO);
    let block = (count / 20).max(1);
    for chunk in runs.chunks(block) {
        real += record_real(store, clock, chunk);
        replay += record_pieces(store, clock, chunk, &mut p);
    }
    let us = |d: Duration| d.as_secs_f64() * 1e6 / count as f64;
    let sum = p.begin
        + p.settings
        + p.price
        + p.compile_execution
        + p.insert_execution
        + p.compile_llm_call
        + p.insert_llm_call
        + p.commit;
    println!(
        "again, interleaved in blocks of {}: the real path {:.1} µs per run; the same \
         transaction replayed piece by piece {:.1} µs per run ({} runs/s), of which timed pieces \
         {:.1} µs:",
        thousands(block),
        us(real),
        us(replay),
        thousands(per_second(count, replay)),
        us(sum),
    );
    p.commits.sort();
    let median_commit = p.commits[p.commits.len() / 2];
    let slowest = p.commits.last().copied().unwrap_or_default();
    let slow = p.commits.iter().filter(|d| d.as_micros() >= 1_000).count();
    for (name, d) in [
        ("BEGIN IMMEDIATE", p.begin),
        ("settings read (monitoring config)", p.settings),
        ("price lookup (SQL built, cached statement)", p.price),
        ("compile INSERT executions", p.compile_execution),
        ("run INSERT executions (4 b-trees)", p.insert_execution),
        ("compile INSERT llm_calls", p.compile_llm_call),
        ("run INSERT llm_calls (2 b-trees)", p.insert_llm_call),
        ("COMMIT (WAL append, checkpoints)", p.commit),
    ] {
        println!(
            "  {name:<44} {:>7.2} µs  {:>5.1} %",
            us(d),
            d.as_secs_f64() * 100.0 / sum.as_secs_f64()
        );
    }
    println!(
        "  COMMIT: median {:.1} µs, mean {:.1} µs; {} of {} commits took 1 ms or more \
         (the slowest {:.1} ms): WAL checkpoints",
        median_commit.as_secs_f64() * 1e6,
        us(p.commit),
        thousands(slow),
        thousands(count),
        slowest.as_secs_f64() * 1e3,
    );
    for batch in [10, 100] {
        let d = record_real_batched(store, clock, &runs, batch);
        println!(
            "the real batch API end_executions, {batch:>5} runs per transaction: {} runs/s \
             ({:.1} µs per run); at least 20,000 runs/s: {}",
            thousands(per_second(count, d)),
            us(d),
            if per_second(count, d) >= 20_000 {
                "yes"
            } else {
                "NO"
            },
        );
    }
    for batch in [1, 10, 100, 1_000] {
        let d = record_batched(store, clock, &runs, &pricing, batch);
        println!(
            "batched path (statements compiled once, prices from memory), {batch:>5} runs per \
             transaction: {} runs/s ({:.1} µs per run)",
            thousands(per_second(count, d)),
            us(d),
        );
    }
}

fn short(n: usize) -> String {
    match n {
        n if n >= 1_000_000 && n.is_multiple_of(1_000_000) => format!("{}M", n / 1_000_000),
        n if n >= 1_000 && n.is_multiple_of(1_000) => format!("{}k", n / 1_000),
        n => n.to_string(),
    }
}

fn main() -> ExitCode {
    // `cargo bench` passes `--bench`; `cargo test --benches` runs one small store once.
    let full = std::env::args().any(|a| a == "--bench");
    let sizes: &[usize] = if full { &SIZES } else { &[SMOKE_SIZE] };
    let repeats = if full { (RUNS, WARMUPS) } else { (3, 1) };
    // Not on a minute or hour boundary, so every window has ragged edges.
    let now = Utc
        .with_ymd_and_hms(2026, 11, 28, 14, 37, 21)
        .single()
        .expect("a valid date")
        .timestamp_millis()
        + 500;
    println!(
        "monitor bench: executions of {} agents spread over the 30 days before {}",
        AGENTS.len(),
        to_rfc3339(now)
    );
    let mut wrong = Vec::new();
    let mut measured = Vec::new();
    let mut last = None;
    for &n in sizes {
        let (m, store, clock, dir) = measure_size(n, now, repeats, &mut wrong);
        measured.push(m);
        // Only the largest store is kept, for the recording figures.
        last = Some((store, clock, dir));
    }
    print_queries(&measured, repeats);
    if let Some((mut store, clock, _dir)) = last {
        let count = if full { RECORDINGS } else { RECORDINGS / 40 };
        print_recording(&mut store, &clock, count);
    }
    if wrong.is_empty() {
        return ExitCode::SUCCESS;
    }
    for w in wrong {
        eprintln!("monitor bench: wrong answer: {w}");
    }
    ExitCode::FAILURE
}
