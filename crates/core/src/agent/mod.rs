//! The agent runtime (the spec's BaseAgent) and the job tracker's agents.
//!
//! An agent declares only what is its own (name, prompt, tools, output type, default
//! model, built-in rules); [`Runtime::run`] does the rest for every agent: request id
//! and tracing span, the tool-call loop, output validation, the fallback to the
//! built-in engine, and the execution record.

mod builtin;
pub(crate) use builtin::learned_table;
pub mod config;
pub mod email_analyst;
pub mod endpoint;
pub mod explained;
mod failure;
pub mod follow_up;
pub mod job_match;
pub mod llm;
mod run;
mod runtime;
pub mod tasks;
pub mod tools;
pub mod triage;

/// How the analyst tells two spellings of one employer apart, for the eval's scoring.
pub(crate) use builtin::same_company;

pub use crate::ledger::execution::{
    Engine, ExecutionHandle, ExecutionRecord, Outcome, end_execution, end_executions,
    start_execution,
};
pub use runtime::{Agent, AgentRun, RunError, RunFailure, RunReport, RunSettings, Runtime, Tool};
