//! The execution record: one row per agent run (or custom code measured with
//! [`start_execution`] / [`end_execution`]), with each LLM call and tool call in it.
//!
//! Monitoring, cost, explanations and the failsafe all add to this record; it is
//! written in one transaction when the run ends, so a run is either fully recorded
//! or not at all.

use std::collections::HashMap;
use std::time::Instant;

use rusqlite::params;
use serde::{Deserialize, Serialize};

use super::prices;
use super::usage::{Finish, TokenUsage};
use crate::clock::Timestamp;
use crate::money::Money;
use crate::store::{self, Migration, Store};

pub(crate) const MIGRATION: Migration = Migration {
    id: "202611272200_executions",
    sql: "
    CREATE TABLE executions (
        id INTEGER PRIMARY KEY,
        request_id TEXT NOT NULL UNIQUE,
        agent TEXT NOT NULL,
        engine TEXT NOT NULL CHECK (engine IN ('llm','builtin','custom')),
        provider TEXT,
        model TEXT,
        started_at INTEGER NOT NULL,
        ended_at INTEGER NOT NULL,
        duration_us INTEGER NOT NULL CHECK (duration_us >= 0),
        success INTEGER NOT NULL CHECK (success IN (0, 1)),
        input_tokens INTEGER NOT NULL DEFAULT 0,
        cached_input_tokens INTEGER NOT NULL DEFAULT 0,
        output_tokens INTEGER NOT NULL DEFAULT 0,
        reasoning_tokens INTEGER NOT NULL DEFAULT 0,
        llm_calls INTEGER NOT NULL DEFAULT 0,
        tool_calls INTEGER NOT NULL DEFAULT 0,
        error_kind TEXT,
        error_message TEXT,
        input TEXT,
        output TEXT
    ) STRICT;
    CREATE INDEX executions_by_agent_time ON executions (agent, started_at);
    CREATE INDEX executions_by_time ON executions (started_at);

    CREATE TABLE llm_calls (
        id INTEGER PRIMARY KEY,
        execution_id INTEGER NOT NULL REFERENCES executions (id) ON DELETE CASCADE,
        seq INTEGER NOT NULL,
        model TEXT NOT NULL,
        started_at INTEGER NOT NULL,
        duration_us INTEGER NOT NULL,
        input_tokens INTEGER NOT NULL DEFAULT 0,
        cached_input_tokens INTEGER NOT NULL DEFAULT 0,
        output_tokens INTEGER NOT NULL DEFAULT 0,
        reasoning_tokens INTEGER NOT NULL DEFAULT 0,
        finish TEXT,
        error_kind TEXT,
        error_message TEXT,
        UNIQUE (execution_id, seq)
    ) STRICT;

    CREATE TABLE tool_calls (
        id INTEGER PRIMARY KEY,
        execution_id INTEGER NOT NULL REFERENCES executions (id) ON DELETE CASCADE,
        seq INTEGER NOT NULL,
        tool TEXT NOT NULL,
        arguments TEXT NOT NULL,
        result TEXT,
        success INTEGER NOT NULL CHECK (success IN (0, 1)),
        duration_us INTEGER NOT NULL,
        UNIQUE (execution_id, seq)
    ) STRICT;
    ",
};

/// Cost columns: what each LLM call and each run cost, and how many calls had no price.
pub(crate) const COST_MIGRATION: Migration = Migration {
    id: "202611280001_execution_costs",
    sql: "
    ALTER TABLE executions ADD COLUMN cost_nanos INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE executions ADD COLUMN unpriced_calls INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE llm_calls ADD COLUMN cost_nanos INTEGER;
    ALTER TABLE executions ADD COLUMN fallback_reason TEXT;
    ",
};

/// Which engine produced a run's answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "lowercase")]
pub enum Engine {
    /// A language model.
    Llm,
    /// The deterministic built-in rules.
    Builtin,
    /// Custom code measured with `start_execution` / `end_execution`.
    Custom,
}

impl Engine {
    fn as_str(self) -> &'static str {
        match self {
            Engine::Llm => "llm",
            Engine::Builtin => "builtin",
            Engine::Custom => "custom",
        }
    }
}

/// One LLM call inside a run.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct LlmCallRecord {
    /// Model asked.
    pub model: String,
    /// When it started, ms UTC.
    pub started_at: Timestamp,
    /// How long it took, µs.
    pub duration_us: i64,
    /// Tokens billed.
    pub usage: TokenUsage,
    /// Why the model stopped, if it answered.
    pub finish: Option<Finish>,
    /// Error kind and message, if it failed.
    pub error: Option<(String, String)>,
    /// Response id, server and circuit state, for the run's trace.
    #[serde(default)]
    pub detail: super::detail::CallDetail,
}

/// One tool call inside a run.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct ToolCallRecord {
    /// Tool name.
    pub tool: String,
    /// Arguments as given.
    pub arguments: String,
    /// Result (JSON) or error text.
    pub result: String,
    /// Whether the tool succeeded.
    pub success: bool,
    /// How long it took, µs.
    pub duration_us: i64,
    /// The model's id for the call, which the result answers.
    #[serde(default)]
    pub call_id: Option<String>,
    /// When it started, ms UTC.
    #[serde(default)]
    pub started_at: Option<Timestamp>,
}

/// A run in progress: started by [`start_execution`], finished by [`end_execution`].
#[derive(Debug)]
pub struct ExecutionHandle {
    /// Correlates logs, LLM calls and the stored record.
    pub request_id: String,
    /// The agent (or custom task) name.
    pub agent: String,
    started_at: Timestamp,
    started: Instant,
    /// LLM calls so far.
    pub llm_calls: Vec<LlmCallRecord>,
    /// Tool calls so far.
    pub tool_calls: Vec<ToolCallRecord>,
}

/// How a run ended.
#[derive(Debug, Clone, Default)]
pub struct Outcome {
    /// Which engine answered.
    pub engine: Option<Engine>,
    /// Provider, for LLM runs.
    pub provider: Option<String>,
    /// Model, for LLM runs.
    pub model: Option<String>,
    /// Whether it produced a valid result.
    pub success: bool,
    /// Error kind and message on failure.
    pub error: Option<(String, String)>,
    /// What the run was given (shortened JSON), for the record.
    pub input: Option<String>,
    /// A cost measured by custom code; LLM calls are priced from the price table.
    pub cost: Option<Money>,
    /// Why the built-in engine answered although a model is configured.
    pub fallback_reason: Option<String>,
    /// The result as JSON.
    pub output: Option<String>,
    /// The run's explanation, stored with it (tool calls are added from the run).
    pub explanation: Option<crate::explain::Explanation>,
    /// Errors handled during the run (failed attempts, fallbacks), stored with it.
    pub errors: Vec<crate::failsafe::ErrorInfo>,
    /// Circuit breaker transitions to store with the run.
    pub circuit_transitions: Vec<crate::failsafe::Transition>,
    /// The state of the run's circuit when it ended (`closed`, `open`, `half_open`).
    pub circuit_state: Option<String>,
}

/// A finished, stored execution.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct ExecutionRecord {
    /// Row id.
    pub execution_id: i64,
    /// Correlation id.
    pub request_id: String,
    /// Agent name.
    pub agent: String,
    /// Engine that answered.
    pub engine: Engine,
    /// Provider, for LLM runs.
    pub provider: Option<String>,
    /// Model, for LLM runs.
    pub model: Option<String>,
    /// Start, ms UTC.
    pub started_at: Timestamp,
    /// End, ms UTC.
    pub ended_at: Timestamp,
    /// Duration in µs.
    pub duration_us: i64,
    /// Whether it succeeded.
    pub success: bool,
    /// Tokens over all LLM calls.
    pub usage: TokenUsage,
    /// Number of LLM calls.
    pub llm_calls: usize,
    /// Number of tool calls.
    pub tool_calls: usize,
    /// What the run cost (priced calls only).
    pub cost: Money,
    /// LLM calls whose model has no price: their cost is unknown, not zero.
    pub unpriced_calls: usize,
    /// Why the built-in engine answered although a model is configured.
    pub fallback_reason: Option<String>,
    /// Error kind, on failure.
    pub error_kind: Option<String>,
    /// Error message, on failure.
    pub error_message: Option<String>,
}

static SEQ: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);

/// A fresh request id: time, process and a counter, unique across runs and processes.
pub fn new_request_id(now: Timestamp) -> String {
    let n = SEQ.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    format!("req-{now:x}-{:x}-{n:x}", std::process::id())
}

/// Starts measuring a run of `agent` (the spec's `start_execution`).
pub fn start_execution(store: &Store, agent: &str) -> ExecutionHandle {
    let now = store.now_ms();
    ExecutionHandle {
        request_id: new_request_id(now),
        agent: agent.to_owned(),
        started_at: now,
        started: Instant::now(),
        llm_calls: Vec::new(),
        tool_calls: Vec::new(),
    }
}

/// Ends and stores a run (the spec's `end_execution`), in one transaction.
pub fn end_execution(
    store: &mut Store,
    handle: ExecutionHandle,
    outcome: Outcome,
) -> store::Result<ExecutionRecord> {
    let record = store.write(|tx| insert(tx, &mut HashMap::new(), handle, outcome))?;
    log_recorded(&record);
    Ok(record)
}

/// Ends and stores many runs in one transaction: what custom code measuring many
/// small tasks uses (one commit per run is the cost that dominates recording).
pub fn end_executions(
    store: &mut Store,
    runs: Vec<(ExecutionHandle, Outcome)>,
) -> store::Result<Vec<ExecutionRecord>> {
    let records = store.write(|tx| {
        let mut prices = HashMap::new();
        runs.into_iter()
            .map(|(h, o)| insert(tx, &mut prices, h, o))
            .collect::<rusqlite::Result<Vec<_>>>()
    })?;
    records.iter().for_each(log_recorded);
    Ok(records)
}

fn log_recorded(r: &ExecutionRecord) {
    if r.unpriced_calls > 0 {
        tracing::warn!(
            execution_id = r.execution_id,
            unpriced = r.unpriced_calls,
            "LLM calls to a model without a price: their cost is unknown; add it with `jobtrail prices set`"
        );
    }
    tracing::info!(
        execution_id = r.execution_id,
        request_id = %r.request_id,
        agent = %r.agent,
        success = r.success,
        duration_us = r.duration_us,
        tokens = r.usage.total(),
        cost = %r.cost,
        "execution recorded"
    );
}

/// Prices looked up in this transaction, by model.
type PriceCache = HashMap<String, Option<prices::ModelPrice>>;

fn insert(
    tx: &rusqlite::Transaction<'_>,
    price_cache: &mut PriceCache,
    handle: ExecutionHandle,
    outcome: Outcome,
) -> rusqlite::Result<ExecutionRecord> {
    let duration_us = i64::try_from(handle.started.elapsed().as_micros()).unwrap_or(i64::MAX);
    let ended_at = handle.started_at + duration_us / 1000;
    let mut usage = TokenUsage::default();
    for c in &handle.llm_calls {
        usage.add(c.usage);
    }
    let engine = outcome.engine.unwrap_or(Engine::Custom);
    // A provider may echo the key in its error text: stored errors are redacted too.
    let (error_kind, error_message) = outcome
        .error
        .clone()
        .map(|(k, m)| (k, crate::logging::redact(&m).into_owned()))
        .unzip();
    let tokens = |v: u64| i64::try_from(v).unwrap_or(i64::MAX);
    // Price each call at today's price table; a model without a price stays unpriced.
    // With cost tracking off nothing is priced and nothing counts as unpriced.
    let pricing = super::config::load_in(tx)?.cost_tracking_enabled;
    let mut call_costs = Vec::with_capacity(handle.llm_calls.len());
    for c in &handle.llm_calls {
        if !pricing {
            call_costs.push(Some(Money::ZERO));
            continue;
        }
        if !price_cache.contains_key(&c.model) {
            price_cache.insert(c.model.clone(), prices::find_in(tx, &c.model)?);
        }
        let price = price_cache.get(&c.model).and_then(Option::as_ref);
        call_costs.push(price.map(|p| p.cost(&c.usage).total));
    }
    let unpriced = call_costs.iter().filter(|c| c.is_none()).count();
    let cost = outcome
        .cost
        .unwrap_or_else(|| call_costs.iter().flatten().copied().sum());
    tx.prepare_cached(
        "INSERT INTO executions (request_id, agent, engine, provider, model, started_at, ended_at,
            duration_us, success, input_tokens, cached_input_tokens, output_tokens, reasoning_tokens,
            llm_calls, tool_calls, error_kind, error_message, input, output, cost_nanos,
            unpriced_calls, fallback_reason)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18,
                 ?19, ?20, ?21, ?22)",
    )?
    .execute(params![
        handle.request_id,
        handle.agent,
        engine.as_str(),
        outcome.provider,
        outcome.model,
        handle.started_at,
        ended_at,
        duration_us,
        outcome.success,
        tokens(usage.input),
        tokens(usage.cached_input),
        tokens(usage.output),
        tokens(usage.reasoning),
        handle.llm_calls.len() as i64,
        handle.tool_calls.len() as i64,
        error_kind,
        error_message,
        outcome.input,
        outcome.output,
        cost.nanos(),
        unpriced as i64,
        outcome.fallback_reason,
    ])?;
    let id = tx.last_insert_rowid();
    for (seq, (c, call_cost)) in handle.llm_calls.iter().zip(&call_costs).enumerate() {
        let (ek, em) = c
            .error
            .clone()
            .map(|(k, m)| (k, crate::logging::redact(&m).into_owned()))
            .unzip();
        tx.prepare_cached(
            "INSERT INTO llm_calls (execution_id, seq, model, started_at, duration_us, input_tokens,
                cached_input_tokens, output_tokens, reasoning_tokens, finish, error_kind, error_message,
                cost_nanos)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
        )?
        .execute(params![
            id,
            seq as i64,
            c.model,
            c.started_at,
            c.duration_us,
            tokens(c.usage.input),
            tokens(c.usage.cached_input),
            tokens(c.usage.output),
            tokens(c.usage.reasoning),
            c.finish.map(Finish::as_str),
            ek,
            em,
            call_cost.map(Money::nanos),
        ])?;
    }
    for (seq, t) in handle.tool_calls.iter().enumerate() {
        tx.prepare_cached(
            "INSERT INTO tool_calls (execution_id, seq, tool, arguments, result, success, duration_us)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        )?
        .execute(params![id, seq as i64, t.tool, t.arguments, t.result, t.success, t.duration_us])?;
    }
    super::detail::record_in(tx, id, &handle, outcome.circuit_state.as_deref())?;
    if !outcome.errors.is_empty() {
        let mut errors = outcome.errors;
        for e in &mut errors {
            e.context.execution_id = Some(id);
        }
        crate::failsafe::errors::save_in(tx, &errors)?;
    }
    crate::failsafe::save_transitions_in(tx, &outcome.circuit_transitions)?;
    if let Some(mut e) = outcome.explanation {
        e.execution_id = id;
        e.created_at = ended_at;
        for t in &handle.tool_calls {
            let mut inputs: serde_json::Value =
                serde_json::from_str(&t.arguments).unwrap_or_else(|_| t.arguments.clone().into());
            // The model states its reason as an extra argument the tool never sees.
            let reason = inputs
                .as_object_mut()
                .and_then(|o| o.remove("reason"))
                .and_then(|r| r.as_str().map(str::to_owned));
            e.add_tool_usage(crate::explain::ToolUsage {
                tool_name: t.tool.clone(),
                reason: reason.unwrap_or_else(|| "no reason stated".to_owned()),
                inputs,
                expected_outcome: None,
                actual_outcome: t.result.clone(),
                success: t.success,
            });
        }
        crate::explain::save_in(tx, &e)?;
    }
    Ok(ExecutionRecord {
        execution_id: id,
        request_id: handle.request_id,
        agent: handle.agent,
        engine,
        provider: outcome.provider,
        model: outcome.model,
        started_at: handle.started_at,
        ended_at,
        duration_us,
        success: outcome.success,
        usage,
        llm_calls: handle.llm_calls.len(),
        tool_calls: handle.tool_calls.len(),
        cost,
        unpriced_calls: unpriced,
        fallback_reason: outcome.fallback_reason,
        error_kind,
        error_message,
    })
}
