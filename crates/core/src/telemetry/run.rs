//! A stored run read back whole for its trace: the execution, each LLM attempt, each
//! tool call and the explanation's decision. What older runs lack reads as `None`.

use rusqlite::{Connection, OptionalExtension, params};

use crate::clock::Timestamp;
use crate::ledger::TokenUsage;

/// One stored run, as its trace needs it.
#[derive(Debug, Clone, PartialEq)]
pub struct StoredRun {
    /// Row id.
    pub execution_id: i64,
    /// Correlation id.
    pub request_id: String,
    /// Agent name.
    pub agent: String,
    /// `llm`, `builtin` or `custom`.
    pub engine: String,
    /// Provider, for LLM runs.
    pub provider: Option<String>,
    /// Model, for LLM runs.
    pub model: Option<String>,
    /// Start, ms UTC.
    pub started_at: Timestamp,
    /// Duration, µs.
    pub duration_us: i64,
    /// Whether it succeeded.
    pub success: bool,
    /// Tokens over all calls.
    pub usage: TokenUsage,
    /// Cost in nano-dollars (priced calls only).
    pub cost_nanos: i64,
    /// Calls to a model without a price.
    pub unpriced_calls: i64,
    /// Why the built-in engine answered.
    pub fallback_reason: Option<String>,
    /// Error kind, on failure.
    pub error_kind: Option<String>,
    /// Error message, on failure (content: it may quote the model).
    pub error_message: Option<String>,
    /// What the run was given (content).
    pub input: Option<String>,
    /// What it answered (content).
    pub output: Option<String>,
    /// The circuit's state at the end (recorded since the trace-details migration).
    pub circuit_state: Option<String>,
    /// The explanation's decision.
    pub decision: Option<String>,
    /// The explanation's confidence.
    pub confidence: Option<f64>,
    /// LLM attempts, in order.
    pub calls: Vec<StoredCall>,
    /// Tool calls, in order.
    pub tools: Vec<StoredTool>,
}

/// One stored LLM attempt.
#[derive(Debug, Clone, PartialEq)]
pub struct StoredCall {
    /// Model asked.
    pub model: String,
    /// Start, ms UTC.
    pub started_at: Timestamp,
    /// Duration, µs.
    pub duration_us: i64,
    /// Tokens.
    pub usage: TokenUsage,
    /// `stop`, `tool_calls`, … when it answered.
    pub finish: Option<String>,
    /// Error kind, when it failed.
    pub error_kind: Option<String>,
    /// Error message (content).
    pub error_message: Option<String>,
    /// Cost in nano-dollars; `None`: unpriced.
    pub cost_nanos: Option<i64>,
    /// The provider's response id.
    pub response_id: Option<String>,
    /// The model that answered.
    pub response_model: Option<String>,
    /// Host.
    pub server_address: Option<String>,
    /// Port.
    pub server_port: Option<i64>,
    /// Circuit state when let through.
    pub circuit_state: Option<String>,
}

/// One stored tool call.
#[derive(Debug, Clone, PartialEq)]
pub struct StoredTool {
    /// Tool name.
    pub tool: String,
    /// Arguments (content).
    pub arguments: String,
    /// Result (content).
    pub result: Option<String>,
    /// Whether it succeeded.
    pub success: bool,
    /// Duration, µs.
    pub duration_us: i64,
    /// The model's call id.
    pub call_id: Option<String>,
    /// Start, ms UTC.
    pub started_at: Option<Timestamp>,
}

fn tokens(v: i64) -> u64 {
    u64::try_from(v).unwrap_or(0)
}

/// Run `execution_id`, if it is stored.
pub fn load(conn: &Connection, execution_id: i64) -> rusqlite::Result<Option<StoredRun>> {
    let run = conn
        .prepare_cached(
            "SELECT e.id, e.request_id, e.agent, e.engine, e.provider, e.model, e.started_at,
                    e.duration_us, e.success, e.input_tokens, e.cached_input_tokens,
                    e.output_tokens, e.reasoning_tokens, e.cost_nanos, e.unpriced_calls,
                    e.fallback_reason, e.error_kind, e.error_message, e.input, e.output,
                    e.circuit_state, x.decision, x.confidence
             FROM executions e LEFT JOIN explanations x ON x.execution_id = e.id
             WHERE e.id = ?1",
        )?
        .query_row([execution_id], |r| {
            Ok(StoredRun {
                execution_id: r.get(0)?,
                request_id: r.get(1)?,
                agent: r.get(2)?,
                engine: r.get(3)?,
                provider: r.get(4)?,
                model: r.get(5)?,
                started_at: r.get(6)?,
                duration_us: r.get(7)?,
                success: r.get(8)?,
                usage: TokenUsage {
                    input: tokens(r.get(9)?),
                    cached_input: tokens(r.get(10)?),
                    output: tokens(r.get(11)?),
                    reasoning: tokens(r.get(12)?),
                },
                cost_nanos: r.get(13)?,
                unpriced_calls: r.get(14)?,
                fallback_reason: r.get(15)?,
                error_kind: r.get(16)?,
                error_message: r.get(17)?,
                input: r.get(18)?,
                output: r.get(19)?,
                circuit_state: r.get(20)?,
                decision: r.get(21)?,
                confidence: r.get(22)?,
                calls: Vec::new(),
                tools: Vec::new(),
            })
        })
        .optional()?;
    let Some(mut run) = run else {
        return Ok(None);
    };
    run.calls = conn
        .prepare_cached(
            "SELECT model, started_at, duration_us, input_tokens, cached_input_tokens,
                    output_tokens, reasoning_tokens, finish, error_kind, error_message, cost_nanos,
                    response_id, response_model, server_address, server_port, circuit_state
             FROM llm_calls WHERE execution_id = ?1 ORDER BY seq",
        )?
        .query_map(params![execution_id], |r| {
            Ok(StoredCall {
                model: r.get(0)?,
                started_at: r.get(1)?,
                duration_us: r.get(2)?,
                usage: TokenUsage {
                    input: tokens(r.get(3)?),
                    cached_input: tokens(r.get(4)?),
                    output: tokens(r.get(5)?),
                    reasoning: tokens(r.get(6)?),
                },
                finish: r.get(7)?,
                error_kind: r.get(8)?,
                error_message: r.get(9)?,
                cost_nanos: r.get(10)?,
                response_id: r.get(11)?,
                response_model: r.get(12)?,
                server_address: r.get(13)?,
                server_port: r.get(14)?,
                circuit_state: r.get(15)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    run.tools = conn
        .prepare_cached(
            "SELECT tool, arguments, result, success, duration_us, call_id, started_at
             FROM tool_calls WHERE execution_id = ?1 ORDER BY seq",
        )?
        .query_map(params![execution_id], |r| {
            Ok(StoredTool {
                tool: r.get(0)?,
                arguments: r.get(1)?,
                result: r.get(2)?,
                success: r.get(3)?,
                duration_us: r.get(4)?,
                call_id: r.get(5)?,
                started_at: r.get(6)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    Ok(Some(run))
}

/// The ids of the runs started at or after `since`, oldest first.
pub fn ids_since(conn: &Connection, since: Timestamp) -> rusqlite::Result<Vec<i64>> {
    conn.prepare_cached("SELECT id FROM executions WHERE started_at >= ?1 ORDER BY started_at, id")?
        .query_map([since], |r| r.get(0))?
        .collect()
}

/// The oldest stored run's start, if any run is stored.
pub fn oldest(conn: &Connection) -> rusqlite::Result<Option<Timestamp>> {
    conn.query_row("SELECT min(started_at) FROM executions", [], |r| r.get(0))
}
