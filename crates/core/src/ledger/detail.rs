//! What a run's trace needs beyond the counts: each LLM call's response id, answering
//! model, server and circuit state, each tool call's id and start, and the run's
//! circuit state at its end. Kept apart from the execution insert so that runs
//! without any of it (custom code, the built-in engine) cost nothing more to record.
//!
//! Runs recorded before this migration have none of it; their traces go without.

use rusqlite::params;

use super::execution::ExecutionHandle;
use crate::store::Migration;

/// The columns (additive; older rows keep NULLs).
pub(crate) const MIGRATION: Migration = Migration {
    id: "202612061200_trace_details",
    sql: "
    ALTER TABLE llm_calls ADD COLUMN response_id TEXT;
    ALTER TABLE llm_calls ADD COLUMN response_model TEXT;
    ALTER TABLE llm_calls ADD COLUMN server_address TEXT;
    ALTER TABLE llm_calls ADD COLUMN server_port INTEGER;
    ALTER TABLE llm_calls ADD COLUMN circuit_state TEXT;
    ALTER TABLE tool_calls ADD COLUMN call_id TEXT;
    ALTER TABLE tool_calls ADD COLUMN started_at INTEGER;
    ALTER TABLE executions ADD COLUMN circuit_state TEXT;
    ",
};

/// Writes the details of run `execution_id`, inserted just before in `tx`.
pub(crate) fn record_in(
    tx: &rusqlite::Transaction<'_>,
    execution_id: i64,
    handle: &ExecutionHandle,
    circuit_state: Option<&str>,
) -> rusqlite::Result<()> {
    for (seq, c) in handle.llm_calls.iter().enumerate() {
        let d = &c.detail;
        if d == &Default::default() {
            continue;
        }
        tx.prepare_cached(
            "UPDATE llm_calls SET response_id = ?3, response_model = ?4, server_address = ?5,
                server_port = ?6, circuit_state = ?7
             WHERE execution_id = ?1 AND seq = ?2",
        )?
        .execute(params![
            execution_id,
            seq as i64,
            d.response_id,
            d.response_model,
            d.server_address,
            d.server_port,
            d.circuit_state,
        ])?;
    }
    for (seq, t) in handle.tool_calls.iter().enumerate() {
        if t.call_id.is_none() && t.started_at.is_none() {
            continue;
        }
        tx.prepare_cached(
            "UPDATE tool_calls SET call_id = ?3, started_at = ?4 WHERE execution_id = ?1 AND seq = ?2",
        )?
        .execute(params![execution_id, seq as i64, t.call_id, t.started_at])?;
    }
    if let Some(state) = circuit_state {
        tx.prepare_cached("UPDATE executions SET circuit_state = ?2 WHERE id = ?1")?
            .execute(params![execution_id, state])?;
    }
    Ok(())
}

/// An LLM call's details for its trace span (all optional: a provider may not say).
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct CallDetail {
    /// The provider's id of the response (`chatcmpl-…`).
    pub response_id: Option<String>,
    /// The model that answered, as the provider reported it.
    pub response_model: Option<String>,
    /// The host the call went to.
    pub server_address: Option<String>,
    /// Its port.
    pub server_port: Option<u16>,
    /// The circuit breaker's state when the call was let through (`closed`, `half_open`).
    pub circuit_state: Option<String>,
}
