//! The ledger: the shared record of what each agent run was. Executions, the LLM
//! calls and tool calls in them, token usage by kind, the engine that answered, the
//! model prices that turn usage into cost, and what is recorded and for how long.
//! The agent runtime writes it; cost, monitoring, rollups and exports read it.

pub mod config;
pub mod detail;
pub mod execution;
pub mod prices;
pub mod usage;

pub use config::MonitoringConfig;
pub use detail::CallDetail;
pub use execution::{Engine, ExecutionRecord, LlmCallRecord, Outcome, ToolCallRecord};
pub use usage::{Finish, TokenUsage};
