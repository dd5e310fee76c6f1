//! A stored run as OpenTelemetry spans (GenAI conventions):
//!
//! ```text
//! invoke_agent {agent}    INTERNAL  the run: agent, engine, totals, cost, explanation
//! ├── chat {model}        CLIENT    one per LLM attempt; a retry is a sibling attempt
//! ├── execute_tool {name} INTERNAL  one per tool call
//! └── chat {model}        CLIENT    …
//! ```
//!
//! Tool spans are children of the agent span, beside the chat spans, as the
//! conventions lay out an agent's loop: the tool runs after the chat call that asked
//! for it has ended, so it cannot sit inside it.
//!
//! Times are the run's recorded times. Ids come from the installation id and the
//! execution id (a hash), so the same run always gets the same trace and span ids on
//! one machine — exporting it again is idempotent — and two machines never share one.
//! Metadata only unless `content` is on (the messages, tool arguments and results,
//! error messages that may quote the model, and the explanation's decision, which
//! names the company and role); every string leaving passes the log redaction
//! (the API key and mail passwords are registered secrets), whatever the mode.

use std::borrow::Cow;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use opentelemetry::trace::{
    SpanContext, SpanId, SpanKind, Status, TraceFlags, TraceId, TraceState,
};
use opentelemetry::{Array, InstrumentationScope, KeyValue, StringValue, Value};
use opentelemetry_sdk::trace::{SpanData, SpanEvents, SpanLinks};
use sha2::{Digest, Sha256};

use super::run::{StoredCall, StoredRun, StoredTool};
use super::semconv as sc;
use crate::clock::Timestamp;
use crate::ledger::TokenUsage;
use crate::money::Money;

/// What the spans are built with besides the run.
#[derive(Debug, Clone)]
pub struct SpanOptions {
    /// The installation id (the ids' seed).
    pub installation_id: String,
    /// Whether messages go along.
    pub content: bool,
}

/// The run's trace id.
pub fn trace_id(installation_id: &str, execution_id: i64) -> TraceId {
    let h = digest(installation_id, execution_id, "trace", 0);
    let mut b = [0u8; 16];
    b.copy_from_slice(&h[..16]);
    if b == [0; 16] {
        b[15] = 1;
    }
    TraceId::from_bytes(b)
}

fn span_id(installation_id: &str, execution_id: i64, kind: &str, seq: usize) -> SpanId {
    let h = digest(installation_id, execution_id, kind, seq);
    let mut b = [0u8; 8];
    b.copy_from_slice(&h[..8]);
    if b == [0; 8] {
        b[7] = 1;
    }
    SpanId::from_bytes(b)
}

fn digest(installation_id: &str, execution_id: i64, kind: &str, seq: usize) -> [u8; 32] {
    let mut h = Sha256::new();
    h.update(b"jobtrail.trace.v1\0");
    h.update(installation_id.as_bytes());
    h.update(b"\0");
    h.update(execution_id.to_be_bytes());
    h.update(kind.as_bytes());
    h.update((seq as u64).to_be_bytes());
    h.finalize().into()
}

fn time(ms: Timestamp) -> SystemTime {
    UNIX_EPOCH + Duration::from_millis(u64::try_from(ms).unwrap_or(0))
}

fn after(start: SystemTime, us: i64) -> SystemTime {
    start + Duration::from_micros(u64::try_from(us).unwrap_or(0))
}

fn text(s: &str) -> Value {
    Value::String(crate::logging::redact(s).into_owned().into())
}

fn int(v: u64) -> Value {
    Value::I64(i64::try_from(v).unwrap_or(i64::MAX))
}

fn usd(nanos: i64) -> Value {
    Value::F64(Money::from_nanos(nanos).dollars())
}

fn usage_attrs(attrs: &mut Vec<KeyValue>, u: &TokenUsage) {
    attrs.push(KeyValue::new(
        sc::GEN_AI_USAGE_INPUT_TOKENS,
        int(u.input.saturating_add(u.cached_input)),
    ));
    attrs.push(KeyValue::new(
        sc::GEN_AI_USAGE_OUTPUT_TOKENS,
        int(u.output.saturating_add(u.reasoning)),
    ));
    attrs.push(KeyValue::new(
        sc::GEN_AI_USAGE_CACHE_READ_INPUT_TOKENS,
        int(u.cached_input),
    ));
    attrs.push(KeyValue::new(
        sc::GEN_AI_USAGE_REASONING_OUTPUT_TOKENS,
        int(u.reasoning),
    ));
}

/// One message in the conventions' JSON form: `{role, parts: [{type: text, content}]}`.
fn messages(role: &str, content: &str, finish: Option<&str>) -> Value {
    let mut m = serde_json::json!({
        "role": role,
        "parts": [{ "type": "text", "content": crate::logging::redact(content) }],
    });
    if let Some(f) = finish {
        m["finish_reason"] = f.into();
    }
    Value::String(serde_json::Value::Array(vec![m]).to_string().into())
}

/// The instrumentation scope of every span.
pub fn scope() -> InstrumentationScope {
    InstrumentationScope::builder("jobtrail")
        .with_version(env!("CARGO_PKG_VERSION"))
        .build()
}

struct Builder<'a> {
    run: &'a StoredRun,
    opts: &'a SpanOptions,
    trace: TraceId,
    root: SpanId,
    scope: InstrumentationScope,
}

impl Builder<'_> {
    #[allow(clippy::too_many_arguments)]
    fn span(
        &self,
        id: SpanId,
        parent: SpanId,
        kind: SpanKind,
        name: String,
        start: SystemTime,
        end: SystemTime,
        attributes: Vec<KeyValue>,
        status: Status,
    ) -> SpanData {
        SpanData {
            span_context: SpanContext::new(
                self.trace,
                id,
                TraceFlags::SAMPLED,
                false,
                TraceState::default(),
            ),
            parent_span_id: parent,
            parent_span_is_remote: false,
            span_kind: kind,
            name: Cow::Owned(name),
            start_time: start,
            end_time: end.max(start),
            attributes,
            dropped_attributes_count: 0,
            events: SpanEvents::default(),
            links: SpanLinks::default(),
            status,
            instrumentation_scope: self.scope.clone(),
        }
    }

    fn agent(&self) -> SpanData {
        let r = self.run;
        let mut a = vec![
            KeyValue::new(sc::GEN_AI_OPERATION_NAME, sc::OP_INVOKE_AGENT),
            KeyValue::new(sc::GEN_AI_AGENT_NAME, text(&r.agent)),
            KeyValue::new(sc::JOBTRAIL_EXECUTION_ID, r.execution_id),
            KeyValue::new(sc::JOBTRAIL_REQUEST_ID, text(&r.request_id)),
            KeyValue::new(sc::JOBTRAIL_ENGINE, text(&r.engine)),
            KeyValue::new(sc::JOBTRAIL_SUCCESS, r.success),
            KeyValue::new(sc::JOBTRAIL_COST_USD, usd(r.cost_nanos)),
            KeyValue::new(sc::JOBTRAIL_UNPRICED_CALLS, r.unpriced_calls),
        ];
        if let Some(p) = &r.provider {
            a.push(KeyValue::new(sc::GEN_AI_PROVIDER_NAME, text(p)));
        }
        if let Some(m) = &r.model {
            a.push(KeyValue::new(sc::GEN_AI_REQUEST_MODEL, text(m)));
        }
        usage_attrs(&mut a, &r.usage);
        if let Some(f) = &r.fallback_reason {
            a.push(KeyValue::new(sc::JOBTRAIL_FALLBACK_REASON, text(f)));
        }
        if let Some(c) = &r.circuit_state {
            a.push(KeyValue::new(sc::JOBTRAIL_CIRCUIT_STATE, text(c)));
        }
        // The decision names the company, the role, a draft's subject: content.
        if let Some(d) = r.decision.as_ref().filter(|_| self.opts.content) {
            a.push(KeyValue::new(sc::JOBTRAIL_DECISION, text(d)));
        }
        if let Some(c) = r.confidence {
            a.push(KeyValue::new(sc::JOBTRAIL_CONFIDENCE, c));
        }
        if let Some(k) = &r.error_kind {
            a.push(KeyValue::new(sc::ERROR_TYPE, text(k)));
        }
        if self.opts.content {
            if let Some(i) = &r.input {
                a.push(KeyValue::new(
                    sc::GEN_AI_INPUT_MESSAGES,
                    messages("user", i, None),
                ));
            }
            if let Some(o) = &r.output {
                a.push(KeyValue::new(
                    sc::GEN_AI_OUTPUT_MESSAGES,
                    messages("assistant", o, Some("stop")),
                ));
            }
        }
        let status = match (&r.error_kind, r.success) {
            (_, true) => Status::Unset,
            (kind, false) => {
                Status::error(self.describe(kind.as_deref(), r.error_message.as_deref()))
            }
        };
        let start = time(r.started_at);
        self.span(
            self.root,
            SpanId::INVALID,
            SpanKind::Internal,
            format!("{} {}", sc::OP_INVOKE_AGENT, r.agent),
            start,
            after(start, r.duration_us),
            a,
            status,
        )
    }

    /// A failure's description: its kind, and its message only with content on (a
    /// model's invalid answer is quoted in it).
    fn describe(&self, kind: Option<&str>, message: Option<&str>) -> String {
        let kind = kind.unwrap_or("error");
        match message.filter(|_| self.opts.content) {
            Some(m) => format!("{kind}: {}", crate::logging::redact(m)),
            None => kind.to_owned(),
        }
    }

    fn chat(&self, seq: usize, attempt: i64, c: &StoredCall) -> SpanData {
        let r = self.run;
        let mut a = vec![
            KeyValue::new(sc::GEN_AI_OPERATION_NAME, sc::OP_CHAT),
            KeyValue::new(sc::GEN_AI_REQUEST_MODEL, text(&c.model)),
            KeyValue::new(sc::JOBTRAIL_ATTEMPT, attempt),
        ];
        if let Some(p) = &r.provider {
            a.push(KeyValue::new(sc::GEN_AI_PROVIDER_NAME, text(p)));
        }
        if let Some(m) = &c.response_model {
            a.push(KeyValue::new(sc::GEN_AI_RESPONSE_MODEL, text(m)));
        }
        if let Some(id) = &c.response_id {
            a.push(KeyValue::new(sc::GEN_AI_RESPONSE_ID, text(id)));
        }
        if let Some(f) = &c.finish {
            a.push(KeyValue::new(
                sc::GEN_AI_RESPONSE_FINISH_REASONS,
                Value::Array(Array::String(vec![StringValue::from(f.clone())])),
            ));
        }
        if c.error_kind.is_none() {
            usage_attrs(&mut a, &c.usage);
        }
        if let Some(n) = c.cost_nanos {
            a.push(KeyValue::new(sc::JOBTRAIL_COST_USD, usd(n)));
        }
        if let Some(h) = &c.server_address {
            a.push(KeyValue::new(sc::SERVER_ADDRESS, text(h)));
        }
        if let Some(p) = c.server_port {
            a.push(KeyValue::new(sc::SERVER_PORT, p));
        }
        if let Some(s) = &c.circuit_state {
            a.push(KeyValue::new(sc::JOBTRAIL_CIRCUIT_STATE, text(s)));
        }
        let status = match &c.error_kind {
            Some(k) => {
                a.push(KeyValue::new(sc::ERROR_TYPE, text(k)));
                Status::error(self.describe(Some(k), c.error_message.as_deref()))
            }
            None => Status::Unset,
        };
        let start = time(c.started_at);
        self.span(
            span_id(&self.opts.installation_id, r.execution_id, "chat", seq),
            self.root,
            SpanKind::Client,
            format!("{} {}", sc::OP_CHAT, c.model),
            start,
            after(start, c.duration_us),
            a,
            status,
        )
    }

    fn tool(&self, seq: usize, start: SystemTime, t: &StoredTool) -> SpanData {
        let mut a = vec![
            KeyValue::new(sc::GEN_AI_OPERATION_NAME, sc::OP_EXECUTE_TOOL),
            KeyValue::new(sc::GEN_AI_TOOL_NAME, text(&t.tool)),
            KeyValue::new(sc::GEN_AI_TOOL_TYPE, "function"),
        ];
        if let Some(id) = &t.call_id {
            a.push(KeyValue::new(sc::GEN_AI_TOOL_CALL_ID, text(id)));
        }
        if self.opts.content {
            a.push(KeyValue::new(
                sc::GEN_AI_TOOL_CALL_ARGUMENTS,
                text(&t.arguments),
            ));
            if let Some(res) = &t.result {
                a.push(KeyValue::new(sc::GEN_AI_TOOL_CALL_RESULT, text(res)));
            }
        }
        let status = if t.success {
            Status::Unset
        } else {
            a.push(KeyValue::new(sc::ERROR_TYPE, "tool_error"));
            Status::error("tool_error")
        };
        self.span(
            span_id(
                &self.opts.installation_id,
                self.run.execution_id,
                "tool",
                seq,
            ),
            self.root,
            SpanKind::Internal,
            format!("{} {}", sc::OP_EXECUTE_TOOL, t.tool),
            start,
            after(start, t.duration_us),
            a,
            status,
        )
    }
}

/// The run's spans: the agent span first, then its attempts and tool calls.
pub fn build(run: &StoredRun, opts: &SpanOptions) -> Vec<SpanData> {
    let b = Builder {
        run,
        opts,
        trace: trace_id(&opts.installation_id, run.execution_id),
        root: span_id(&opts.installation_id, run.execution_id, "agent", 0),
        scope: scope(),
    };
    let mut out = Vec::with_capacity(1 + run.calls.len() + run.tools.len());
    out.push(b.agent());
    // An attempt's number: how many failed attempts came straight before it.
    let mut attempt = 0;
    for (seq, c) in run.calls.iter().enumerate() {
        out.push(b.chat(seq, attempt, c));
        attempt = if c.error_kind.is_some() {
            attempt + 1
        } else {
            0
        };
    }
    // Runs recorded before tool starts were kept: laid end to end after the first
    // attempt that asked for tools (else from the run's start).
    let mut cursor = run
        .calls
        .iter()
        .find(|c| c.finish.as_deref() == Some("tool_calls"))
        .map(|c| after(time(c.started_at), c.duration_us))
        .unwrap_or_else(|| time(run.started_at));
    for (seq, t) in run.tools.iter().enumerate() {
        let start = t.started_at.map(time).unwrap_or(cursor);
        cursor = after(start, t.duration_us);
        out.push(b.tool(seq, start, t));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_stable_per_installation_and_differ_across_installations() {
        assert_eq!(trace_id("a", 1), trace_id("a", 1));
        assert_ne!(
            trace_id("a", 1),
            trace_id("b", 1),
            "two machines never share a trace"
        );
        assert_ne!(trace_id("a", 1), trace_id("a", 2));
        assert_ne!(span_id("a", 1, "chat", 0), span_id("a", 1, "chat", 1));
        assert_ne!(span_id("a", 1, "chat", 0), span_id("a", 1, "tool", 0));
    }
}
