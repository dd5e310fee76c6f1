//! The attribute and span names our traces use, in one place.
//!
//! The `gen_ai.*` names follow the current OpenTelemetry GenAI semantic conventions
//! (agent, inference and tool spans). The constants of the Rust semconv crate for
//! them are deprecated and lag the conventions, so the names are spelled here instead;
//! a rename in the conventions is a change to this file alone. `jobtrail.*` names are
//! ours: what a backend cannot know from the conventions (cost, the engine that
//! answered, the fallback, the circuit, the explanation).

// Operations (`gen_ai.operation.name`) and the span names built from them.
/// `gen_ai.operation.name` of the run's span.
pub const OP_INVOKE_AGENT: &str = "invoke_agent";
/// `gen_ai.operation.name` of an LLM attempt's span.
pub const OP_CHAT: &str = "chat";
/// `gen_ai.operation.name` of a tool call's span.
pub const OP_EXECUTE_TOOL: &str = "execute_tool";

// GenAI attributes.
/// The operation (`invoke_agent`, `chat`, `execute_tool`).
pub const GEN_AI_OPERATION_NAME: &str = "gen_ai.operation.name";
/// The provider (`openai`, `ollama`, …).
pub const GEN_AI_PROVIDER_NAME: &str = "gen_ai.provider.name";
/// The agent's name.
pub const GEN_AI_AGENT_NAME: &str = "gen_ai.agent.name";
/// The model asked.
pub const GEN_AI_REQUEST_MODEL: &str = "gen_ai.request.model";
/// The model that answered.
pub const GEN_AI_RESPONSE_MODEL: &str = "gen_ai.response.model";
/// The provider's response id.
pub const GEN_AI_RESPONSE_ID: &str = "gen_ai.response.id";
/// Why the model stopped (string array).
pub const GEN_AI_RESPONSE_FINISH_REASONS: &str = "gen_ai.response.finish_reasons";
/// Input tokens, cached ones included.
pub const GEN_AI_USAGE_INPUT_TOKENS: &str = "gen_ai.usage.input_tokens";
/// Output tokens, reasoning included.
pub const GEN_AI_USAGE_OUTPUT_TOKENS: &str = "gen_ai.usage.output_tokens";
/// Input tokens served from the provider's cache.
pub const GEN_AI_USAGE_CACHE_READ_INPUT_TOKENS: &str = "gen_ai.usage.cache_read.input_tokens";
/// Output tokens spent on reasoning.
pub const GEN_AI_USAGE_REASONING_OUTPUT_TOKENS: &str = "gen_ai.usage.reasoning.output_tokens";
/// The tool's name.
pub const GEN_AI_TOOL_NAME: &str = "gen_ai.tool.name";
/// The model's id for the tool call.
pub const GEN_AI_TOOL_CALL_ID: &str = "gen_ai.tool.call.id";
/// `function` for the agents' tools.
pub const GEN_AI_TOOL_TYPE: &str = "gen_ai.tool.type";
/// The tool call's arguments (content: opt-in).
pub const GEN_AI_TOOL_CALL_ARGUMENTS: &str = "gen_ai.tool.call.arguments";
/// The tool call's result (content: opt-in).
pub const GEN_AI_TOOL_CALL_RESULT: &str = "gen_ai.tool.call.result";
/// What the run was given, as messages (content: opt-in).
pub const GEN_AI_INPUT_MESSAGES: &str = "gen_ai.input.messages";
/// What the run answered, as messages (content: opt-in).
pub const GEN_AI_OUTPUT_MESSAGES: &str = "gen_ai.output.messages";

// General attributes.
/// The host an LLM call went to.
pub const SERVER_ADDRESS: &str = "server.address";
/// Its port.
pub const SERVER_PORT: &str = "server.port";
/// The failure's kind, on failed spans.
pub const ERROR_TYPE: &str = "error.type";

// Resource attributes.
/// Who sends the spans (`jobtrail` unless `OTEL_SERVICE_NAME` says otherwise).
pub const SERVICE_NAME: &str = "service.name";
/// The app's version.
pub const SERVICE_VERSION: &str = "service.version";
/// The installation (random, kept in the store).
pub const SERVICE_INSTANCE_ID: &str = "service.instance.id";

// Ours.
/// What the span's work cost, US dollars (priced calls only).
pub const JOBTRAIL_COST_USD: &str = "jobtrail.cost.usd";
/// LLM calls of the run to a model without a price (their cost is unknown, not zero).
pub const JOBTRAIL_UNPRICED_CALLS: &str = "jobtrail.cost.unpriced_calls";
/// The stored execution's id.
pub const JOBTRAIL_EXECUTION_ID: &str = "jobtrail.execution.id";
/// The run's request id, as in the logs.
pub const JOBTRAIL_REQUEST_ID: &str = "jobtrail.request.id";
/// Which engine answered (`llm`, `builtin`, `custom`).
pub const JOBTRAIL_ENGINE: &str = "jobtrail.engine";
/// Why the built-in engine answered although a model is configured.
pub const JOBTRAIL_FALLBACK_REASON: &str = "jobtrail.fallback.reason";
/// The circuit breaker's state (`closed`, `open`, `half_open`).
pub const JOBTRAIL_CIRCUIT_STATE: &str = "jobtrail.circuit.state";
/// The explanation's decision (content: it names the company and role).
pub const JOBTRAIL_DECISION: &str = "jobtrail.explanation.decision";
/// The explanation's confidence, 0 to 1.
pub const JOBTRAIL_CONFIDENCE: &str = "jobtrail.explanation.confidence";
/// The attempt's number within its model call, 0 first (retries are siblings).
pub const JOBTRAIL_ATTEMPT: &str = "jobtrail.llm.attempt";
/// Whether the run succeeded.
pub const JOBTRAIL_SUCCESS: &str = "jobtrail.success";
/// A test span sent from Settings or `jobtrail telemetry test`.
pub const JOBTRAIL_TEST: &str = "jobtrail.test";
