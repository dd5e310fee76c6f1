//! What a run gives back: its answer or why there is none, with the stored execution
//! record, and the JSON form the CLI and the UI show.

use serde::{Deserialize, Serialize};

use super::llm::LlmError;
use crate::ledger::execution::ExecutionRecord;

/// Why a run produced no result.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum RunError {
    /// The LLM call failed.
    #[error(transparent)]
    Llm(#[from] LlmError),
    /// The model's answer does not fit the output schema or its checks.
    #[error("the model's answer is invalid: {0}")]
    InvalidOutput(String),
    /// The answer was cut at the token limit.
    #[error("the model's answer was cut off at the token limit; raise max tokens")]
    Truncated,
    /// The provider's content filter refused.
    #[error("the provider's content filter refused the request")]
    ContentFilter,
    /// Too many tool-call rounds.
    #[error("the model kept calling tools after {0} steps")]
    StepLimit(usize),
}

impl RunError {
    /// A stable name for the kind, stored with the execution.
    pub fn kind(&self) -> &'static str {
        match self {
            RunError::Llm(e) => e.kind(),
            RunError::InvalidOutput(_) => "invalid_output",
            RunError::Truncated => "truncated",
            RunError::ContentFilter => "content_policy",
            RunError::StepLimit(_) => "step_limit",
        }
    }
}

/// A finished run: its result and its stored record.
#[derive(Debug)]
pub struct AgentRun<O> {
    /// The output, or why there is none.
    pub result: Result<O, RunError>,
    /// The stored execution.
    pub execution: ExecutionRecord,
}

/// A finished run as the CLI and the UI show it (the JSON form of [`AgentRun`]):
/// `{ "output": O | null, "error": { "kind", "message" } | null, "execution": … }`.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct RunReport<O> {
    /// The output, when the run produced one.
    pub output: Option<O>,
    /// Why there is no output.
    pub error: Option<RunFailure>,
    /// The stored execution.
    pub execution: ExecutionRecord,
}

/// Why a run produced no output, as shown: [`RunError::kind`] and its message.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct RunFailure {
    /// [`RunError::kind`].
    pub kind: String,
    /// The error's message.
    pub message: String,
}

impl From<&RunError> for RunFailure {
    fn from(e: &RunError) -> Self {
        RunFailure {
            kind: e.kind().to_owned(),
            message: e.to_string(),
        }
    }
}

impl<O> From<AgentRun<O>> for RunReport<O> {
    fn from(run: AgentRun<O>) -> Self {
        let (output, error) = match run.result {
            Ok(o) => (Some(o), None),
            Err(e) => (None, Some(RunFailure::from(&e))),
        };
        RunReport {
            output,
            error,
            execution: run.execution,
        }
    }
}

/// Serialized as its [`RunReport`].
impl<O: Serialize> Serialize for AgentRun<O> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        RunReport {
            output: self.result.as_ref().ok(),
            error: self.result.as_ref().err().map(RunFailure::from),
            execution: self.execution.clone(),
        }
        .serialize(s)
    }
}
