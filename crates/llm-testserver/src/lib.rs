//! A real OpenAI-compatible HTTP server for tests: `POST /v1/chat/completions` on
//! 127.0.0.1 with a random port.
//!
//! Tests script what it answers, one [`Reply`] per request in order, including the
//! faults real providers produce (429 with Retry-After, 5xx, 401, context-length
//! 400s, slow and hung responses, malformed JSON, streams cut mid-way). Any reply can
//! carry extra headers ([`Reply::with_header`]: `Retry-After` on a 503,
//! `retry-after-ms` as OpenAI sends it). Every request body is recorded so tests can
//! check what the client sent.

use std::collections::VecDeque;
use std::net::SocketAddr;
use std::sync::{Arc, Mutex, PoisonError};
use std::time::Duration;

use axum::Router;
use axum::body::Body;
use axum::extract::State;
use axum::http::{HeaderMap, HeaderName, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::post;
use bytes::Bytes;
use futures::StreamExt;
use serde::{Deserialize, Serialize};
use serde_json::{Value, json};

/// Token counts a reply reports in `usage`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Usage {
    /// Prompt tokens, cached ones included.
    pub prompt: u32,
    /// Of the prompt tokens, how many were served from the provider's cache.
    pub cached: u32,
    /// Completion tokens, reasoning ones included.
    pub completion: u32,
    /// Of the completion tokens, how many were reasoning.
    pub reasoning: u32,
}

impl Usage {
    /// Usage with the given counts.
    pub const fn new(prompt: u32, cached: u32, completion: u32, reasoning: u32) -> Self {
        Self {
            prompt,
            cached,
            completion,
            reasoning,
        }
    }
}

/// One scripted answer.
#[derive(Debug, Clone)]
pub enum Reply {
    /// The assistant answers with this text (for structured output: the JSON text).
    Content { text: String, usage: Usage },
    /// The assistant calls tools: (function name, arguments as JSON text).
    ToolCalls {
        calls: Vec<(String, String)>,
        usage: Usage,
    },
    /// The answer is cut at max tokens (`finish_reason: "length"`).
    Truncated { text: String, usage: Usage },
    /// 429 with this `Retry-After` value (seconds or an HTTP date), if any.
    RateLimited { retry_after: Option<String> },
    /// Any status with an OpenAI-style error body.
    Status { status: u16, message: String },
    /// 401, as for a bad API key.
    Unauthorized,
    /// 400 `context_length_exceeded`.
    ContextLength,
    /// This status with an error message quoting the request's whole `Authorization`
    /// header, as a careless provider or proxy might: the client must not keep it.
    EchoAuthorization { status: u16 },
    /// 200 with a body that is not JSON.
    MalformedJson,
    /// Waits, then gives the inner reply.
    Slow { delay: Duration, then: Box<Reply> },
    /// Never answers (until the client gives up or the server stops).
    Hang,
    /// For streaming requests: sends part of the content, then drops the connection.
    CutStream { text: String },
    /// The inner reply with these response headers added, replacing any of the same
    /// name; see [`Reply::with_header`].
    WithHeaders {
        headers: Vec<(String, String)>,
        reply: Box<Reply>,
    },
}

impl Reply {
    /// A text answer with default usage.
    pub fn content(text: impl Into<String>) -> Self {
        Reply::Content {
            text: text.into(),
            usage: Usage::new(100, 0, 20, 0),
        }
    }

    /// A JSON answer (structured output) with default usage.
    pub fn json(value: &Value) -> Self {
        Reply::content(value.to_string())
    }

    /// One tool call with default usage.
    pub fn tool_call(name: &str, args: &Value) -> Self {
        Reply::ToolCalls {
            calls: vec![(name.to_owned(), args.to_string())],
            usage: Usage::new(80, 0, 15, 0),
        }
    }

    /// This status with an OpenAI-style error body.
    pub fn status(status: u16, message: impl Into<String>) -> Self {
        Reply::Status {
            status,
            message: message.into(),
        }
    }

    /// This reply with other usage figures (for the variants that carry usage).
    pub fn with_usage(mut self, u: Usage) -> Self {
        self.set_usage(u);
        self
    }

    fn set_usage(&mut self, u: Usage) {
        match self {
            Reply::Content { usage, .. }
            | Reply::ToolCalls { usage, .. }
            | Reply::Truncated { usage, .. } => *usage = u,
            Reply::WithHeaders { reply, .. } => reply.set_usage(u),
            _ => {}
        }
    }

    /// This reply with one more response header, for any reply:
    /// `Reply::status(503, "overloaded").with_header("Retry-After", "1")`. A name or
    /// value HTTP does not allow is left out of the response.
    pub fn with_header(self, name: impl Into<String>, value: impl Into<String>) -> Self {
        let header = (name.into(), value.into());
        match self {
            Reply::WithHeaders { mut headers, reply } => {
                headers.push(header);
                Reply::WithHeaders { headers, reply }
            }
            reply => Reply::WithHeaders {
                headers: vec![header],
                reply: Box::new(reply),
            },
        }
    }
}

/// A request the server received.
#[derive(Debug, Clone)]
pub struct Received {
    /// The `Authorization` header, if any.
    pub authorization: Option<String>,
    /// The JSON body (or `Value::Null` if it was not JSON).
    pub body: Value,
}

#[derive(Debug, Default)]
struct Shared {
    script: VecDeque<Reply>,
    fallback: Option<Reply>,
    received: Vec<Received>,
}

type SharedState = Arc<Mutex<Shared>>;

/// A running test server; stops when dropped.
#[derive(Debug)]
pub struct TestServer {
    addr: SocketAddr,
    shared: SharedState,
    stop: Option<tokio::sync::oneshot::Sender<()>>,
}

impl TestServer {
    /// Starts a server on 127.0.0.1 with a random port, on the current tokio runtime.
    pub async fn start() -> std::io::Result<Self> {
        let shared = SharedState::default();
        let app = Router::new()
            .route("/v1/chat/completions", post(chat_completions))
            .with_state(shared.clone());
        let listener = tokio::net::TcpListener::bind(("127.0.0.1", 0)).await?;
        let addr = listener.local_addr()?;
        let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
        tokio::spawn(async move {
            let _ = axum::serve(listener, app)
                .with_graceful_shutdown(async {
                    let _ = stopped.await;
                })
                .await;
        });
        Ok(Self {
            addr,
            shared,
            stop: Some(stop),
        })
    }

    /// The base URL clients use, ending in `/v1`.
    pub fn base_url(&self) -> String {
        format!("http://{}/v1", self.addr)
    }

    /// Queues replies, answered in order, one per request.
    pub fn script(&self, replies: impl IntoIterator<Item = Reply>) {
        self.lock().script.extend(replies);
    }

    /// Drops the replies not used yet; returns how many.
    pub fn clear_script(&self) -> usize {
        let mut s = self.lock();
        let n = s.script.len();
        s.script.clear();
        n
    }

    /// The reply given when the script is used up (else a 500 saying so).
    pub fn set_fallback(&self, reply: Reply) {
        self.lock().fallback = Some(reply);
    }

    /// Every request received so far.
    pub fn received(&self) -> Vec<Received> {
        self.lock().received.clone()
    }

    /// How many scripted replies are still unused.
    pub fn pending(&self) -> usize {
        self.lock().script.len()
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Shared> {
        self.shared.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

impl Drop for TestServer {
    fn drop(&mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
    }
}

async fn chat_completions(
    State(shared): State<SharedState>,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let body: Value = serde_json::from_slice(&body).unwrap_or(Value::Null);
    let reply = {
        let mut s = shared.lock().unwrap_or_else(PoisonError::into_inner);
        s.received.push(Received {
            authorization: headers
                .get(header::AUTHORIZATION)
                .and_then(|v| v.to_str().ok())
                .map(str::to_owned),
            body: body.clone(),
        });
        s.script.pop_front().or_else(|| s.fallback.clone())
    };
    let Some(reply) = reply else {
        return error(
            StatusCode::INTERNAL_SERVER_ERROR,
            "server_error",
            "the test server has no scripted reply left",
        );
    };
    let request = Request {
        model: body["model"].as_str().unwrap_or("test-model").to_owned(),
        stream: body["stream"].as_bool().unwrap_or(false),
        authorization: headers
            .get(header::AUTHORIZATION)
            .and_then(|v| v.to_str().ok())
            .unwrap_or("none")
            .to_owned(),
    };
    answer(reply, request).await
}

/// What a reply may echo of the request it answers.
#[derive(Debug, Clone)]
struct Request {
    model: String,
    stream: bool,
    authorization: String,
}

fn answer(reply: Reply, request: Request) -> futures::future::BoxFuture<'static, Response> {
    Box::pin(async move {
        let Request {
            model,
            stream,
            authorization: auth,
        } = request.clone();
        match reply {
            Reply::Slow { delay, then } => {
                tokio::time::sleep(delay).await;
                answer(*then, request).await
            }
            Reply::WithHeaders { headers, reply } => {
                let mut r = answer(*reply, request).await;
                for (name, value) in headers {
                    if let (Ok(name), Ok(value)) =
                        (HeaderName::try_from(name), HeaderValue::try_from(value))
                    {
                        r.headers_mut().insert(name, value);
                    }
                }
                r
            }
            Reply::Hang => {
                futures::future::pending::<()>().await;
                StatusCode::GATEWAY_TIMEOUT.into_response()
            }
            Reply::RateLimited { retry_after } => {
                let mut r = error(
                    StatusCode::TOO_MANY_REQUESTS,
                    "rate_limit_exceeded",
                    "Rate limit reached; try again later",
                );
                if let Some(v) = retry_after.and_then(|v| HeaderValue::from_str(&v).ok()) {
                    r.headers_mut().insert(header::RETRY_AFTER, v);
                }
                r
            }
            Reply::Status { status, message } => {
                let code =
                    StatusCode::from_u16(status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
                error(code, "server_error", &message)
            }
            Reply::Unauthorized => error(
                StatusCode::UNAUTHORIZED,
                "invalid_api_key",
                "Incorrect API key provided",
            ),
            Reply::ContextLength => error(
                StatusCode::BAD_REQUEST,
                "context_length_exceeded",
                "This model's maximum context length is 8192 tokens. However, your messages resulted in 9000 tokens.",
            ),
            Reply::MalformedJson => (
                StatusCode::OK,
                [(header::CONTENT_TYPE, "application/json")],
                "{\"id\": \"chatcmpl-broken\", \"choices\": [",
            )
                .into_response(),
            Reply::CutStream { text } => cut_stream(&model, &text),
            Reply::EchoAuthorization { status } => error(
                StatusCode::from_u16(status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR),
                "invalid_request_error",
                &format!(
                    "Request with Authorization {auth} was refused (key {})",
                    auth.strip_prefix("Bearer ").unwrap_or(&auth)
                ),
            ),
            Reply::Content { text, usage } if stream => sse(&model, &text, usage),
            Reply::Content { text, usage } => completion(
                &model,
                json!({"role": "assistant", "content": text}),
                "stop",
                usage,
            ),
            Reply::Truncated { text, usage } => completion(
                &model,
                json!({"role": "assistant", "content": text}),
                "length",
                usage,
            ),
            Reply::ToolCalls { calls, usage } => {
                let calls: Vec<Value> = calls
                    .iter()
                    .enumerate()
                    .map(|(i, (name, args))| json!({"id": format!("call_{i}"), "type": "function", "function": {"name": name, "arguments": args}}))
                    .collect();
                completion(
                    &model,
                    json!({"role": "assistant", "content": null, "tool_calls": calls}),
                    "tool_calls",
                    usage,
                )
            }
        }
    })
}

fn usage_json(u: Usage) -> Value {
    json!({
        "prompt_tokens": u.prompt,
        "completion_tokens": u.completion,
        "total_tokens": u.prompt + u.completion,
        "prompt_tokens_details": {"cached_tokens": u.cached, "audio_tokens": 0},
        "completion_tokens_details": {"reasoning_tokens": u.reasoning, "audio_tokens": 0,
            "accepted_prediction_tokens": 0, "rejected_prediction_tokens": 0}
    })
}

fn completion(model: &str, message: Value, finish: &str, usage: Usage) -> Response {
    let body = json!({
        "id": "chatcmpl-test",
        "object": "chat.completion",
        "created": 1_780_000_000,
        "model": model,
        "choices": [{"index": 0, "message": message, "finish_reason": finish, "logprobs": null}],
        "usage": usage_json(usage),
        "system_fingerprint": "fp_test"
    });
    (StatusCode::OK, axum::Json(body)).into_response()
}

fn error(status: StatusCode, code: &str, message: &str) -> Response {
    let body = json!({"error": {"message": message, "type": "invalid_request_error", "param": null, "code": code}});
    (status, axum::Json(body)).into_response()
}

fn chunk(model: &str, delta: Value, finish: Option<&str>) -> String {
    let v = json!({
        "id": "chatcmpl-test", "object": "chat.completion.chunk", "created": 1_780_000_000, "model": model,
        "choices": [{"index": 0, "delta": delta, "finish_reason": finish}]
    });
    format!("data: {v}\n\n")
}

fn sse(model: &str, text: &str, usage: Usage) -> Response {
    let mut events = vec![chunk(
        model,
        json!({"role": "assistant", "content": ""}),
        None,
    )];
    let chars: Vec<char> = text.chars().collect();
    for piece in chars.chunks(8) {
        events.push(chunk(
            model,
            json!({"content": piece.iter().collect::<String>()}),
            None,
        ));
    }
    events.push(chunk(model, json!({}), Some("stop")));
    let usage_chunk = json!({"id": "chatcmpl-test", "object": "chat.completion.chunk", "created": 1_780_000_000,
        "model": model, "choices": [], "usage": usage_json(usage)});
    events.push(format!("data: {usage_chunk}\n\n"));
    events.push("data: [DONE]\n\n".to_owned());
    let stream = futures::stream::iter(
        events
            .into_iter()
            .map(|e| Ok::<_, std::io::Error>(Bytes::from(e))),
    );
    Response::builder()
        .header(header::CONTENT_TYPE, "text/event-stream")
        .body(Body::from_stream(stream))
        .unwrap_or_else(|_| StatusCode::INTERNAL_SERVER_ERROR.into_response())
}

fn cut_stream(model: &str, text: &str) -> Response {
    let first = chunk(model, json!({"role": "assistant", "content": text}), None);
    // The pause lets the first chunk reach the client before the connection drops.
    let cut = futures::stream::once(async {
        tokio::time::sleep(Duration::from_millis(50)).await;
        Err(std::io::Error::new(
            std::io::ErrorKind::ConnectionReset,
            "cut by the test server",
        ))
    });
    let stream = futures::stream::iter([Ok(Bytes::from(first))]).chain(cut);
    Response::builder()
        .header(header::CONTENT_TYPE, "text/event-stream")
        .body(Body::from_stream(stream))
        .unwrap_or_else(|_| StatusCode::INTERNAL_SERVER_ERROR.into_response())
}
