//! What one LLM call used and how it ended, as billed and recorded.

use serde::{Deserialize, Serialize};

/// Tokens by kind, as billed.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct TokenUsage {
    /// Prompt tokens not served from cache.
    pub input: u64,
    /// Prompt tokens served from the provider's cache.
    pub cached_input: u64,
    /// Completion tokens that are not reasoning.
    pub output: u64,
    /// Reasoning tokens.
    pub reasoning: u64,
}

impl TokenUsage {
    /// All tokens (saturating: counts are not trusted to be small).
    pub fn total(&self) -> u64 {
        self.input
            .saturating_add(self.cached_input)
            .saturating_add(self.output)
            .saturating_add(self.reasoning)
    }

    /// Adds another call's usage (saturating).
    pub fn add(&mut self, o: TokenUsage) {
        self.input = self.input.saturating_add(o.input);
        self.cached_input = self.cached_input.saturating_add(o.cached_input);
        self.output = self.output.saturating_add(o.output);
        self.reasoning = self.reasoning.saturating_add(o.reasoning);
    }
}

/// Why the model stopped.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum Finish {
    /// A complete answer.
    Stop,
    /// Cut at the token limit.
    Length,
    /// It wants tools run.
    ToolCalls,
    /// Refused by the provider's filter.
    ContentFilter,
    /// Anything else.
    Other,
}

impl Finish {
    /// The stored name (as the API spells it).
    pub const fn as_str(self) -> &'static str {
        match self {
            Finish::Stop => "stop",
            Finish::Length => "length",
            Finish::ToolCalls => "tool_calls",
            Finish::ContentFilter => "content_filter",
            Finish::Other => "other",
        }
    }
}
