//! The LLM client: chat completions with tools and structured output against OpenAI
//! or any OpenAI-compatible endpoint (Ollama, llama.cpp server, LM Studio, …).
//!
//! async-openai's own retry layer is replaced by a plain HTTP service, so each call
//! is exactly one HTTP request: retries belong to the failsafe, which counts them.
//! The service also keeps the status of failed responses and the wait they ask for
//! (`retry-after-ms`, else `Retry-After`), which the library would otherwise drop.

use std::fmt;
use std::sync::Arc;
use std::time::Duration;

use async_openai::Client;
use async_openai::config::OpenAIConfig;
use async_openai::error::OpenAIError;
use async_openai::middleware::HttpRequestFactory;
use async_openai::types::chat::{
    ChatCompletionMessageToolCall, ChatCompletionMessageToolCalls,
    ChatCompletionRequestAssistantMessageArgs, ChatCompletionRequestMessage,
    ChatCompletionRequestSystemMessageArgs, ChatCompletionRequestToolMessageArgs,
    ChatCompletionRequestUserMessageArgs, ChatCompletionTool, ChatCompletionTools,
    CreateChatCompletionResponse, FinishReason, FunctionCall, FunctionObject,
};
use serde::{Deserialize, Serialize};
use serde_json::Value;

pub use crate::secrets::ApiKey;

/// Where requests go.
#[derive(Debug, Clone)]
pub struct Endpoint {
    /// Provider name recorded with each execution (`openai`, `ollama`, …).
    pub provider: String,
    /// Base URL ending in `/v1`, without a trailing slash.
    pub base_url: String,
    /// The key, if the endpoint needs one.
    pub api_key: Option<ApiKey>,
    /// Deadline for one HTTP exchange.
    pub timeout: Duration,
}

/// One message of a conversation.
#[derive(Debug, Clone, PartialEq)]
pub enum Message {
    /// Instructions.
    System(String),
    /// The task.
    User(String),
    /// The model's earlier turn.
    Assistant {
        /// Text, if any.
        content: Option<String>,
        /// Tools it called.
        tool_calls: Vec<ToolCall>,
    },
    /// A tool's result.
    Tool {
        /// The call answered.
        call_id: String,
        /// The result as text (JSON).
        content: String,
    },
}

/// A tool the model may call.
#[derive(Debug, Clone)]
pub struct ToolSpec {
    /// Function name.
    pub name: String,
    /// What it does, for the model.
    pub description: String,
    /// JSON schema of its arguments.
    pub parameters: Value,
}

/// A tool call the model made.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct ToolCall {
    /// Call id, echoed in the tool message.
    pub id: String,
    /// Function name.
    pub name: String,
    /// Arguments as the model wrote them (JSON text, unchecked).
    pub arguments: String,
}

/// One chat-completion request.
#[derive(Debug, Clone)]
pub struct ChatRequest {
    /// Model id.
    pub model: String,
    /// Sampling temperature.
    pub temperature: Option<f32>,
    /// Completion token limit.
    pub max_tokens: Option<u32>,
    /// The conversation.
    pub messages: Vec<Message>,
    /// Tools offered.
    pub tools: Vec<ToolSpec>,
    /// Structured output: schema name and JSON schema.
    pub output_schema: Option<(String, Arc<Value>)>,
}

pub use crate::ledger::usage::{Finish, TokenUsage};

/// The model's answer.
#[derive(Debug, Clone)]
pub struct ChatResponse {
    /// The provider's id of the response (`chatcmpl-…`), when it gave one.
    pub id: Option<String>,
    /// Model that answered (as reported).
    pub model: String,
    /// Text, if any.
    pub content: Option<String>,
    /// Tool calls, if any.
    pub tool_calls: Vec<ToolCall>,
    /// Why it stopped.
    pub finish: Finish,
    /// Tokens billed.
    pub usage: TokenUsage,
}

/// A failed LLM call, classified by what can be done about it.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum LlmError {
    /// 429.
    #[error("rate limited by the provider{}", retry_after_note(retry_after.as_deref()))]
    RateLimited {
        /// The wait asked for, in `Retry-After`'s syntax (see
        /// [`asked_wait`](crate::failsafe::retry::asked_wait)).
        retry_after: Option<String>,
    },
    /// 401/403.
    #[error("the provider refused the API key (HTTP {status}); set a valid key")]
    Auth {
        /// HTTP status.
        status: u16,
    },
    /// 400 for a prompt longer than the model's context.
    #[error("the input is longer than the model's context window")]
    ContextLength,
    /// Another HTTP error.
    #[error("the provider answered HTTP {status}: {message}{}", retry_after_note(retry_after.as_deref()))]
    Http {
        /// HTTP status.
        status: u16,
        /// The provider's message.
        message: String,
        /// The wait asked for, in `Retry-After`'s syntax: a 5xx may ask for one too
        /// (an overloaded 503 does).
        retry_after: Option<String>,
    },
    /// No answer within the deadline.
    #[error("the provider did not answer in time")]
    Timeout,
    /// No connection.
    #[error("cannot reach the provider: {0}")]
    Connect(String),
    /// An answer that is not a valid chat completion.
    #[error("the provider's answer is not a valid chat completion: {0}")]
    InvalidResponse(String),
    /// Bad settings (URL, model).
    #[error("LLM settings are invalid: {0}")]
    Config(String),
    /// Refused without a request: the circuit breaker for this provider and model is
    /// open after repeated failures.
    #[error("{circuit} is paused after repeated failures (circuit open until {})", crate::clock::to_rfc3339(*retry_at))]
    CircuitOpen {
        /// The breaker's name (`provider/model`).
        circuit: String,
        /// When the breaker lets a probe call through, ms UTC.
        retry_at: crate::clock::Timestamp,
    },
}

impl LlmError {
    /// This error with any registered secret (the API key) and anything that looks
    /// like a key taken out of its text: a provider or proxy may quote the request's
    /// key back, and these messages are stored, logged, exported and shown.
    fn redacted(self) -> Self {
        let clean = |s: String| crate::logging::redact(&s).into_owned();
        match self {
            LlmError::Http {
                status,
                message,
                retry_after,
            } => LlmError::Http {
                status,
                message: clean(message),
                retry_after: retry_after.map(clean),
            },
            LlmError::Connect(m) => LlmError::Connect(clean(m)),
            LlmError::InvalidResponse(m) => LlmError::InvalidResponse(clean(m)),
            LlmError::Config(m) => LlmError::Config(clean(m)),
            LlmError::RateLimited { retry_after } => LlmError::RateLimited {
                retry_after: retry_after.map(clean),
            },
            other => other,
        }
    }

    /// A stable name for the kind, stored with executions.
    pub fn kind(&self) -> &'static str {
        match self {
            LlmError::RateLimited { .. } => "rate_limit",
            LlmError::Auth { .. } => "authentication",
            LlmError::ContextLength => "context_length",
            LlmError::Http { .. } => "http",
            LlmError::Timeout => "timeout",
            LlmError::Connect(_) => "network",
            LlmError::InvalidResponse(_) => "invalid_response",
            LlmError::Config(_) => "configuration",
            LlmError::CircuitOpen { .. } => "circuit_open",
        }
    }
}

fn retry_after_note(retry_after: Option<&str>) -> String {
    retry_after
        .map(|r| format!(" (retry after {r})"))
        .unwrap_or_default()
}

#[derive(Debug)]
struct HttpStatusError {
    status: u16,
    retry_after: Option<String>,
    body: String,
}

impl fmt::Display for HttpStatusError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "HTTP {}", self.status)
    }
}

impl std::error::Error for HttpStatusError {}

/// A chat-completions client for one endpoint.
#[derive(Clone)]
pub struct LlmClient {
    client: Client<OpenAIConfig>,
    endpoint: Endpoint,
}

impl fmt::Debug for LlmClient {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("LlmClient")
            .field("endpoint", &self.endpoint)
            .finish()
    }
}

impl LlmClient {
    /// A client for `endpoint`, making exactly one HTTP request per call.
    pub fn new(endpoint: Endpoint) -> Result<Self, LlmError> {
        let base = endpoint.base_url.trim().trim_end_matches('/').to_owned();
        if !(base.starts_with("http://") || base.starts_with("https://")) {
            return Err(LlmError::Config(format!(
                "base URL {base:?} must start with http:// or https://"
            )));
        }
        let http = reqwest::Client::builder()
            .timeout(endpoint.timeout)
            .connect_timeout(Duration::from_secs(10))
            .build()
            .map_err(|e| LlmError::Config(e.to_string()))?;
        let service_http = http.clone();
        let service = tower::service_fn(move |factory: HttpRequestFactory| {
            let http = service_http.clone();
            async move {
                let req = factory.build().await?;
                let resp = http.execute(req).await.map_err(OpenAIError::Reqwest)?;
                if resp.status().is_success() {
                    return Ok(resp);
                }
                let status = resp.status().as_u16();
                let header = |name: &str| resp.headers().get(name).and_then(|v| v.to_str().ok());
                let retry_after = crate::failsafe::retry::asked_wait(
                    header("retry-after-ms"),
                    header(reqwest::header::RETRY_AFTER.as_str()),
                );
                let body = resp.text().await.unwrap_or_default();
                Err(OpenAIError::Boxed(Box::new(HttpStatusError {
                    status,
                    retry_after,
                    body,
                })))
            }
        });
        // Base and key are set explicitly: OpenAIConfig::new() would also read OPENAI_* env vars.
        let key = endpoint.api_key.as_ref().map(ApiKey::expose).unwrap_or("");
        let config = OpenAIConfig::new().with_api_base(&base).with_api_key(key);
        // `with_http_service` must come last: it replaces the retrying executor.
        let client = Client::build(http, config).with_http_service(service);
        Ok(Self {
            client,
            endpoint: Endpoint {
                base_url: base,
                ..endpoint
            },
        })
    }

    /// The endpoint's provider name.
    pub fn provider(&self) -> &str {
        &self.endpoint.provider
    }

    /// The host and port calls go to (for traces' `server.address` / `server.port`).
    pub fn server(&self) -> (Option<String>, Option<u16>) {
        reqwest::Url::parse(&self.endpoint.base_url)
            .map(|u| (u.host_str().map(str::to_owned), u.port_or_known_default()))
            .unwrap_or((None, None))
    }

    /// What a call's trace span needs to know before it is sent: the server, and the
    /// state of the circuit that let it through.
    pub fn call_detail(&self, circuit: crate::failsafe::CircuitState) -> crate::ledger::CallDetail {
        let (server_address, server_port) = self.server();
        crate::ledger::CallDetail {
            server_address,
            server_port,
            circuit_state: Some(circuit.as_str().to_owned()),
            ..Default::default()
        }
    }

    /// Sends one chat-completion request.
    #[tracing::instrument(skip_all, fields(model = %req.model, provider = %self.endpoint.provider))]
    pub async fn chat(&self, req: &ChatRequest) -> Result<ChatResponse, LlmError> {
        let request = build_request(req)?;
        let resp: CreateChatCompletionResponse = self
            .client
            .chat()
            .create_byot(request)
            .await
            .map_err(|e| classify(e).redacted())?;
        let choice = resp
            .choices
            .into_iter()
            .next()
            .ok_or_else(|| LlmError::InvalidResponse("no choices".into()))?;
        let tool_calls = choice
            .message
            .tool_calls
            .unwrap_or_default()
            .into_iter()
            .filter_map(|c| match c {
                ChatCompletionMessageToolCalls::Function(f) => Some(ToolCall {
                    id: f.id,
                    name: f.function.name,
                    arguments: f.function.arguments,
                }),
                ChatCompletionMessageToolCalls::Custom(_) => None,
            })
            .collect();
        let usage = resp.usage.map(|u| {
            let cached = u
                .prompt_tokens_details
                .as_ref()
                .and_then(|d| d.cached_tokens)
                .unwrap_or(0);
            let reasoning = u
                .completion_tokens_details
                .as_ref()
                .and_then(|d| d.reasoning_tokens)
                .unwrap_or(0);
            TokenUsage {
                input: u64::from(u.prompt_tokens.saturating_sub(cached)),
                cached_input: u64::from(cached.min(u.prompt_tokens)),
                output: u64::from(u.completion_tokens.saturating_sub(reasoning)),
                reasoning: u64::from(reasoning.min(u.completion_tokens)),
            }
        });
        Ok(ChatResponse {
            id: (!resp.id.is_empty()).then_some(resp.id),
            model: resp.model,
            content: choice.message.content,
            tool_calls,
            finish: match choice.finish_reason {
                Some(FinishReason::Stop) => Finish::Stop,
                Some(FinishReason::Length) => Finish::Length,
                Some(FinishReason::ToolCalls) => Finish::ToolCalls,
                Some(FinishReason::ContentFilter) => Finish::ContentFilter,
                _ => Finish::Other,
            },
            usage: usage.unwrap_or_default(),
        })
    }
}

/// A chat-completion request's body, serialized as async-openai's
/// `CreateChatCompletionRequest` (the fields a [`ChatRequest`] sets, in its order) but
/// borrowing the output schema: copying that `Value` into the typed request, on every
/// call, cost more than all the rest of the conversion.
#[derive(Serialize)]
struct RequestBody<'a> {
    messages: Vec<ChatCompletionRequestMessage>,
    model: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    max_completion_tokens: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    response_format: Option<JsonSchemaFormat<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    temperature: Option<f32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    tools: Option<Vec<ChatCompletionTools>>,
}

/// `ResponseFormat::JsonSchema` (not strict, no description), the schema borrowed.
#[derive(Serialize)]
#[serde(tag = "type", rename = "json_schema")]
struct JsonSchemaFormat<'a> {
    json_schema: JsonSchemaBody<'a>,
}

#[derive(Serialize)]
struct JsonSchemaBody<'a> {
    name: &'a str,
    schema: &'a Value,
    strict: bool,
}

fn build_request(req: &ChatRequest) -> Result<RequestBody<'_>, LlmError> {
    let bad = |e: async_openai::error::OpenAIError| LlmError::Config(e.to_string());
    let mut messages: Vec<ChatCompletionRequestMessage> = Vec::with_capacity(req.messages.len());
    for m in &req.messages {
        messages.push(match m {
            Message::System(t) => ChatCompletionRequestSystemMessageArgs::default()
                .content(t.as_str())
                .build()
                .map_err(bad)?
                .into(),
            Message::User(t) => ChatCompletionRequestUserMessageArgs::default()
                .content(t.as_str())
                .build()
                .map_err(bad)?
                .into(),
            Message::Assistant {
                content,
                tool_calls,
            } => {
                let mut a = ChatCompletionRequestAssistantMessageArgs::default();
                if let Some(c) = content {
                    a.content(c.as_str());
                }
                if !tool_calls.is_empty() {
                    a.tool_calls(
                        tool_calls
                            .iter()
                            .map(|c| {
                                ChatCompletionMessageToolCalls::Function(
                                    ChatCompletionMessageToolCall {
                                        id: c.id.clone(),
                                        function: FunctionCall {
                                            name: c.name.clone(),
                                            arguments: c.arguments.clone(),
                                        },
                                    },
                                )
                            })
                            .collect::<Vec<_>>(),
                    );
                }
                a.build().map_err(bad)?.into()
            }
            Message::Tool { call_id, content } => ChatCompletionRequestToolMessageArgs::default()
                .tool_call_id(call_id.as_str())
                .content(content.as_str())
                .build()
                .map_err(bad)?
                .into(),
        });
    }
    let mut body = RequestBody {
        messages,
        model: &req.model,
        max_completion_tokens: req.max_tokens,
        response_format: None,
        temperature: req.temperature,
        tools: None,
    };
    if !req.tools.is_empty() {
        let mut tools = Vec::with_capacity(req.tools.len());
        for t in &req.tools {
            tools.push(ChatCompletionTools::Function(ChatCompletionTool {
                function: FunctionObject {
                    name: t.name.clone(),
                    description: Some(t.description.clone()),
                    parameters: Some(t.parameters.clone()),
                    strict: None,
                },
            }));
        }
        body.tools = Some(tools);
    }
    if let Some((name, schema)) = &req.output_schema {
        body.response_format = Some(JsonSchemaFormat {
            json_schema: JsonSchemaBody {
                name,
                schema,
                strict: false,
            },
        });
    }
    Ok(body)
}

fn classify(err: OpenAIError) -> LlmError {
    match err {
        OpenAIError::Boxed(b) => match b.downcast_ref::<HttpStatusError>() {
            Some(h) => {
                // Redacted before `provider_message` shortens it: a cut must not leave
                // part of a quoted key that the patterns no longer recognise.
                let message = provider_message(&crate::logging::redact(&h.body));
                match h.status {
                    429 => LlmError::RateLimited {
                        retry_after: h.retry_after.clone(),
                    },
                    401 | 403 => LlmError::Auth { status: h.status },
                    400 if message.contains("context length")
                        || h.body.contains("context_length_exceeded") =>
                    {
                        LlmError::ContextLength
                    }
                    status => LlmError::Http {
                        status,
                        message,
                        retry_after: h.retry_after.clone(),
                    },
                }
            }
            None => LlmError::InvalidResponse(b.to_string()),
        },
        OpenAIError::ApiError(api) => LlmError::Http {
            status: api.status_code.as_u16(),
            message: api.api_error.message,
            retry_after: None,
        },
        // A connect timeout sets both flags: check timeout first.
        OpenAIError::Reqwest(e) if e.is_timeout() => LlmError::Timeout,
        OpenAIError::Reqwest(e) if e.is_connect() => LlmError::Connect(e.to_string()),
        OpenAIError::Reqwest(e) => LlmError::Connect(e.to_string()),
        OpenAIError::JSONDeserialize(e, _) => LlmError::InvalidResponse(e.to_string()),
        other => LlmError::InvalidResponse(other.to_string()),
    }
}

/// The `error.message` of an OpenAI-style error body, else the body itself (shortened).
fn provider_message(body: &str) -> String {
    serde_json::from_str::<Value>(body)
        .ok()
        .and_then(|v| v["error"]["message"].as_str().map(str::to_owned))
        .unwrap_or_else(|| body.chars().take(300).collect())
}

#[cfg(test)]
mod tests {
    use async_openai::types::chat::{
        CreateChatCompletionRequestArgs, FunctionObjectArgs, ResponseFormat,
        ResponseFormatJsonSchema,
    };
    use serde_json::json;

    use super::*;

    /// What async-openai's typed request, built with its builders, sends for `req`.
    fn typed(req: &ChatRequest) -> String {
        let mut args = CreateChatCompletionRequestArgs::default();
        args.model(req.model.as_str())
            .messages(build_request(req).unwrap().messages);
        if let Some(t) = req.temperature {
            args.temperature(t);
        }
        if let Some(m) = req.max_tokens {
            args.max_completion_tokens(m);
        }
        if !req.tools.is_empty() {
            let tools = req.tools.iter().map(|t| {
                let function = FunctionObjectArgs::default()
                    .name(t.name.as_str())
                    .description(t.description.as_str())
                    .parameters(t.parameters.clone())
                    .build()
                    .unwrap();
                ChatCompletionTools::Function(ChatCompletionTool { function })
            });
            args.tools(tools.collect::<Vec<_>>());
        }
        if let Some((name, schema)) = &req.output_schema {
            args.response_format(ResponseFormat::JsonSchema {
                json_schema: ResponseFormatJsonSchema {
                    name: name.clone(),
                    description: None,
                    schema: (**schema).clone(),
                    strict: Some(false),
                },
            });
        }
        serde_json::to_string(&args.build().unwrap()).unwrap()
    }

    #[test]
    fn the_body_is_what_the_typed_request_sends() {
        let full = ChatRequest {
            model: "gpt-4o-mini".into(),
            temperature: Some(0.2),
            max_tokens: Some(800),
            messages: vec![
                Message::System("Be brief.".into()),
                Message::User("Analyse this email.".into()),
                Message::Assistant {
                    content: None,
                    tool_calls: vec![ToolCall {
                        id: "call_1".into(),
                        name: "lookup_applications".into(),
                        arguments: r#"{"query":"Acme"}"#.into(),
                    }],
                },
                Message::Tool {
                    call_id: "call_1".into(),
                    content: r#"{"applications":[]}"#.into(),
                },
            ],
            tools: vec![ToolSpec {
                name: "lookup_applications".into(),
                description: "Find applications.".into(),
                parameters: json!({"type": "object", "properties": {"query": {"type": "string"}}}),
            }],
            output_schema: Some((
                "email_analyst".into(),
                Arc::new(json!({"type": "object", "required": ["result"]})),
            )),
        };
        let minimal = ChatRequest {
            temperature: None,
            max_tokens: None,
            tools: Vec::new(),
            output_schema: None,
            ..full.clone()
        };
        for req in [full, minimal] {
            let body = serde_json::to_string(&build_request(&req).unwrap()).unwrap();
            assert_eq!(body, typed(&req));
        }
    }
}
