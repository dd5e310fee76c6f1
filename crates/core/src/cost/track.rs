//! `track_usage`: the spec's manual cost tracking, recorded like any other usage.

use serde::{Deserialize, Serialize};

use super::money::Money;
use crate::clock::Timestamp;
use crate::error::{Error, Result};
use crate::ledger::TokenUsage;
use crate::ledger::execution::{self, Engine, LlmCallRecord, Outcome};
use crate::store::Store;
use crate::text;

/// What one tracked usage cost.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct UsageRecord {
    /// The execution it was recorded as.
    pub execution_id: i64,
    /// Agent (or task) name.
    pub agent_name: String,
    /// Model.
    pub model: String,
    /// When, ms UTC.
    pub timestamp: Timestamp,
    /// Prompt tokens, cached ones included.
    pub input_tokens: u64,
    /// Of which served from the provider's cache.
    pub cached_input_tokens: u64,
    /// Completion tokens, reasoning included.
    pub output_tokens: u64,
    /// Of which reasoning.
    pub reasoning_tokens: u64,
    /// Input cost (cached tokens at the cached rate).
    pub input_cost: Money,
    /// Output cost (reasoning at its rate, else the output rate).
    pub output_cost: Money,
    /// Both.
    pub total_cost: Money,
    /// Whether the model has a price; when not, the costs above are unknown.
    pub priced: bool,
}

/// Records usage the runtime did not see (the spec's `track_usage`). Counts follow
/// the providers' convention: `input` includes `cached`, `output` includes
/// `reasoning`.
#[tracing::instrument(skip(store))]
pub fn track_usage(
    store: &mut Store,
    agent: &str,
    model: &str,
    input: u64,
    output: u64,
    cached: u64,
    reasoning: u64,
) -> Result<UsageRecord> {
    let agent = text::one_line("agent", agent, 100)?;
    let model = text::one_line("model", model, 100)?;
    if agent.is_empty() {
        return Err(Error::invalid("agent", "is required"));
    }
    if model.is_empty() {
        return Err(Error::invalid("model", "is required"));
    }
    if cached > input {
        return Err(Error::invalid(
            "cached",
            "cannot be more than the input tokens",
        ));
    }
    if reasoning > output {
        return Err(Error::invalid(
            "reasoning",
            "cannot be more than the output tokens",
        ));
    }
    let usage = TokenUsage {
        input: input - cached,
        cached_input: cached,
        output: output - reasoning,
        reasoning,
    };
    let price = super::prices::find(store, &model)?;
    let cost = price.as_ref().map(|p| p.cost(&usage)).unwrap_or_default();
    let mut handle = execution::start_execution(store, &agent);
    handle.llm_calls.push(LlmCallRecord {
        model: model.clone(),
        started_at: store.now_ms(),
        duration_us: 0,
        usage,
        finish: None,
        error: None,
        detail: Default::default(),
    });
    let record = execution::end_execution(
        store,
        handle,
        Outcome {
            engine: Some(Engine::Custom),
            model: Some(model.clone()),
            success: true,
            ..Outcome::default()
        },
    )?;
    Ok(UsageRecord {
        execution_id: record.execution_id,
        agent_name: agent,
        model,
        timestamp: record.started_at,
        input_tokens: input,
        cached_input_tokens: cached,
        output_tokens: output,
        reasoning_tokens: reasoning,
        input_cost: cost.input,
        output_cost: cost.output,
        total_cost: cost.total,
        priced: price.is_some(),
    })
}
