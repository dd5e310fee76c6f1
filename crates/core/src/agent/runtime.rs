//! `Runtime::run`: one agent run, from prompt to stored execution record.

use std::collections::BTreeMap;
use std::sync::{Arc, Mutex, PoisonError};
use std::time::Instant;

use schemars::JsonSchema;
use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::Value;
use tracing::Instrument;

use super::explained;
use super::llm::{ChatRequest, ChatResponse, Finish, LlmClient, LlmError, Message, ToolSpec};
use crate::explain::Explanation;
use crate::failsafe::{
    self, Classified, ErrorCategory, ErrorContext, ErrorInfo, Failsafe, RecoveryStrategy, errors,
};
use crate::ledger::execution::{
    self, Engine, ExecutionHandle, LlmCallRecord, Outcome, ToolCallRecord,
};
use crate::store::{self, Store};

pub use super::run::{AgentRun, RunError, RunFailure, RunReport};

/// A tool an agent offers the model. Tools read (never write) the store.
pub trait Tool: Sync {
    /// Name, description and argument schema shown to the model.
    fn spec(&self) -> ToolSpec;
    /// Runs the tool; an `Err` is reported back to the model as the result.
    fn call(&self, store: &Store, args: &Value) -> Result<Value, String>;
}

/// What an agent is: everything else comes from the runtime.
pub trait Agent: Sync {
    /// What a run is given.
    type Input: Serialize + Sync;
    /// What a run produces (structured output).
    type Output: Serialize + DeserializeOwned + JsonSchema;
    /// Stable name (`email-analyst`, …).
    const NAME: &'static str;
    /// Model used when the settings name none.
    const DEFAULT_MODEL: &'static str;
    /// Instructions for the model.
    fn system_prompt(&self) -> String;
    /// The task for one input.
    fn user_prompt(&self, input: &Self::Input) -> String;
    /// Tools offered to the model.
    fn tools(&self) -> Vec<&dyn Tool> {
        Vec::new()
    }
    /// The deterministic built-in engine: same output type, no model.
    fn builtin(&self, store: &Store, input: &Self::Input) -> Self::Output;
    /// Why the built-in engine answered as it did: which rules fired, why the
    /// confidence is capped.
    fn builtin_explanation(&self, input: &Self::Input, output: &Self::Output) -> Explanation;
    /// Checks beyond the schema (ranges, consistency); `Err` names the problem.
    fn check(&self, _output: &Self::Output) -> Result<(), String> {
        Ok(())
    }
}

/// Per-run model settings.
#[derive(Debug, Clone, Default)]
pub struct RunSettings {
    /// Model; the agent's default when `None`.
    pub model: Option<String>,
    /// Sampling temperature.
    pub temperature: Option<f32>,
    /// Completion token limit per call.
    pub max_tokens: Option<u32>,
}

/// Runs agents. Without an LLM client every agent uses its built-in engine.
#[derive(Debug, Clone)]
pub struct Runtime {
    llm: Option<LlmClient>,
    max_steps: usize,
    model_override: Option<String>,
    refusal: Option<Refusal>,
    failsafe: Arc<Failsafe>,
    telemetry: Option<Arc<crate::telemetry::Telemetry>>,
}

/// Why a model may not be used now, although one is configured.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("{reason}")]
struct Refusal {
    category: ErrorCategory,
    reason: String,
}

impl Classified for Refusal {
    fn category(&self) -> ErrorCategory {
        self.category
    }

    fn strategy(&self) -> RecoveryStrategy {
        RecoveryStrategy::GracefulDegradation
    }
}

impl Runtime {
    /// A runtime over `llm` (none: built-in engine only), allowing 6 tool rounds, with
    /// the default failsafe. Give it the process's failsafe with [`Runtime::with_failsafe`]
    /// so circuits and retry counts carry over between runs.
    pub fn new(llm: Option<LlmClient>) -> Self {
        Self {
            llm,
            max_steps: 6,
            model_override: None,
            refusal: None,
            failsafe: Arc::new(Failsafe::default()),
            telemetry: None,
        }
    }

    /// A runtime on the built-in engine because a model may not be used now (a spent
    /// budget); every run records `reason` and an error of `category`.
    pub fn builtin_because(category: ErrorCategory, reason: impl Into<String>) -> Self {
        Self {
            refusal: Some(Refusal {
                category,
                reason: reason.into(),
            }),
            ..Self::new(None)
        }
    }

    /// Uses `failsafe` (retry policy, circuit breakers) for every run.
    pub fn with_failsafe(mut self, failsafe: Arc<Failsafe>) -> Self {
        self.failsafe = failsafe;
        self
    }

    /// Exports every run to `telemetry` (else to the process's, if one is installed).
    pub fn with_telemetry(mut self, telemetry: Arc<crate::telemetry::Telemetry>) -> Self {
        self.telemetry = Some(telemetry);
        self
    }

    /// The failsafe runs go through.
    pub fn failsafe(&self) -> &Arc<Failsafe> {
        &self.failsafe
    }

    /// Whether runs go to a model.
    pub fn uses_model(&self) -> bool {
        self.llm.is_some()
    }

    /// The model a run of `A` with `settings` would ask.
    pub fn model_for<A: Agent>(&self, settings: &RunSettings) -> String {
        self.model_override
            .clone()
            .or_else(|| settings.model.clone())
            .unwrap_or_else(|| A::DEFAULT_MODEL.to_owned())
    }

    /// Uses `model` for every run, whatever the settings say (the CLI's `--model`).
    pub fn with_model_override(mut self, model: impl Into<String>) -> Self {
        let model = model.into();
        self.model_override = (!model.trim().is_empty()).then(|| model.trim().to_owned());
        self
    }

    /// Changes the tool-round limit.
    pub fn with_max_steps(mut self, steps: usize) -> Self {
        self.max_steps = steps.max(1);
        self
    }

    /// Runs `agent` on `input` and stores the execution. Only a store failure is an
    /// `Err`; a failed run is recorded and returned in [`AgentRun::result`].
    pub async fn run<A: Agent>(
        &self,
        store: &Mutex<Store>,
        agent: &A,
        input: &A::Input,
        settings: &RunSettings,
    ) -> store::Result<AgentRun<A::Output>> {
        let handle = execution::start_execution(&lock(store), A::NAME);
        let span =
            tracing::info_span!("agent_run", agent = A::NAME, request_id = %handle.request_id);
        self.run_in(store, agent, input, settings, handle)
            .instrument(span)
            .await
    }

    async fn run_in<A: Agent>(
        &self,
        store: &Mutex<Store>,
        agent: &A,
        input: &A::Input,
        settings: &RunSettings,
        mut handle: ExecutionHandle,
    ) -> store::Result<AgentRun<A::Output>> {
        let input_json = serde_json::to_string(input).ok().map(|s| shorten(&s, 4000));
        let mut errors = Vec::new();
        let (result, mut outcome) = match &self.llm {
            None => {
                let reason = self.refusal.as_ref().map(|r| {
                    let context = self.error_context::<A>(&handle, None, None);
                    errors.push(errors::classify(r, context, lock(store).now_ms()));
                    r.reason.clone()
                });
                let (out, outcome) = builtin(store, agent, input, reason);
                (Ok(out), outcome)
            }
            Some(llm) => {
                let model = self.model_for::<A>(settings);
                let circuit = failsafe::circuit_name(llm.provider(), &model);
                let answer = self
                    .llm_loop(
                        store,
                        agent,
                        input,
                        settings,
                        llm,
                        &circuit,
                        &mut handle,
                        &mut errors,
                    )
                    .await;
                if let Err(e) = &answer
                    && !matches!(e, RunError::Llm(_))
                {
                    // LLM call failures were classified attempt by attempt; this one
                    // is about the answer.
                    let context = self.error_context::<A>(&handle, Some(&circuit), None);
                    errors.push(errors::classify(e, context, lock(store).now_ms()));
                }
                let llm_outcome = |explanation| Outcome {
                    engine: Some(Engine::Llm),
                    provider: Some(llm.provider().to_owned()),
                    model: Some(model.clone()),
                    explanation,
                    ..Outcome::default()
                };
                match answer {
                    Ok((out, x)) => (Ok(out), llm_outcome(Some(x))),
                    Err(e) if e.retryable() || Classified::strategy(&e).falls_back() => {
                        let reason = fallback_reason(&e, &circuit, &errors);
                        let (out, outcome) = builtin(store, agent, input, Some(reason));
                        let outcome = Outcome {
                            provider: Some(llm.provider().to_owned()),
                            model: Some(model.clone()),
                            ..outcome
                        };
                        (Ok(out), outcome)
                    }
                    Err(e) => (Err(e), llm_outcome(None)),
                }
            }
        };
        let recovery = match (&result, outcome.engine) {
            (Ok(_), Some(Engine::Builtin)) => Some("the built-in engine answered"),
            (Ok(_), _) => Some("a retry succeeded"),
            (Err(_), _) => None,
        };
        for e in &mut errors {
            e.recovered = recovery.is_some();
            e.recovery = recovery.map(str::to_owned);
            errors::log(e);
        }
        outcome.errors = errors;
        outcome.success = result.is_ok();
        outcome.input = input_json;
        match &result {
            Ok(out) => outcome.output = serde_json::to_string(out).ok(),
            Err(e) => {
                tracing::warn!(error = %e, kind = e.kind(), "agent run failed");
                outcome.error = Some((e.kind().to_owned(), e.to_string()));
            }
        }
        outcome.circuit_transitions = self.failsafe.breakers().take_transitions();
        let model = self.model_for::<A>(settings);
        outcome.circuit_state = (self.llm.as_ref()).map(|l| {
            self.failsafe
                .circuit_state(l.provider(), &model)
                .as_str()
                .into()
        });
        let execution = execution::end_execution(&mut lock(store), handle, outcome)?;
        if let Some(t) = self.telemetry.clone().or_else(crate::telemetry::global) {
            t.record(&mut lock(store), &execution);
        }
        Ok(AgentRun { result, execution })
    }

    fn error_context<A: Agent>(
        &self,
        handle: &ExecutionHandle,
        circuit: Option<&str>,
        attempt: Option<u32>,
    ) -> ErrorContext {
        ErrorContext {
            agent: Some(A::NAME.to_owned()),
            circuit: circuit.map(str::to_owned),
            request_id: Some(handle.request_id.clone()),
            attempt,
            ..ErrorContext::new("agent_run")
        }
    }

    #[allow(clippy::too_many_arguments)]
    async fn llm_loop<A: Agent>(
        &self,
        store: &Mutex<Store>,
        agent: &A,
        input: &A::Input,
        settings: &RunSettings,
        llm: &LlmClient,
        circuit: &str,
        handle: &mut ExecutionHandle,
        errors: &mut Vec<ErrorInfo>,
    ) -> Result<(A::Output, Explanation), RunError> {
        let tools = agent.tools();
        let schema = answer_schema::<A::Output>()?;
        let mut request = ChatRequest {
            model: self.model_for::<A>(settings),
            temperature: settings.temperature,
            max_tokens: settings.max_tokens,
            messages: vec![
                Message::System(format!(
                    "{}\n\n{}",
                    agent.system_prompt(),
                    explained::INSTRUCTIONS
                )),
                Message::User(agent.user_prompt(input)),
            ],
            tools: tools
                .iter()
                .map(|t| explained::with_reason(t.spec()))
                .collect(),
            output_schema: Some((A::NAME.replace('-', "_"), schema)),
        };
        for _step in 0..self.max_steps {
            let resp = self
                .call_model::<A>(store, llm, &request, circuit, handle, errors)
                .await?;
            if !resp.tool_calls.is_empty() {
                request.messages.push(Message::Assistant {
                    content: resp.content.clone(),
                    tool_calls: resp.tool_calls.clone(),
                });
                for call in &resp.tool_calls {
                    let started_at = lock(store).now_ms();
                    let started = Instant::now();
                    let result = run_tool(
                        &tools,
                        &request.tools,
                        &lock(store),
                        &call.name,
                        &call.arguments,
                    );
                    let (success, text) = match result {
                        Ok(v) => (true, v.to_string()),
                        Err(e) => (false, serde_json::json!({ "error": e }).to_string()),
                    };
                    tracing::debug!(tool = %call.name, success, "tool call");
                    handle.tool_calls.push(ToolCallRecord {
                        tool: call.name.clone(),
                        arguments: shorten(&call.arguments, 4000),
                        result: shorten(&text, 4000),
                        success,
                        duration_us: i64::try_from(started.elapsed().as_micros())
                            .unwrap_or(i64::MAX),
                        call_id: Some(call.id.clone()),
                        started_at: Some(started_at),
                    });
                    request.messages.push(Message::Tool {
                        call_id: call.id.clone(),
                        content: text,
                    });
                }
                continue;
            }
            return match resp.finish {
                Finish::Length => Err(RunError::Truncated),
                Finish::ContentFilter => Err(RunError::ContentFilter),
                _ => {
                    let text = resp.content.unwrap_or_default();
                    let (out, explanation) =
                        explained::parse_answer::<A::Output>(A::NAME, strip_fences(&text))
                            .map_err(RunError::InvalidOutput)?;
                    agent.check(&out).map_err(RunError::InvalidOutput)?;
                    Ok((out, explanation))
                }
            };
        }
        Err(RunError::StepLimit(self.max_steps))
    }

    /// One model call under the failsafe: each attempt passes the circuit breaker,
    /// is recorded (an attempt cut at its timeout too) and, when it fails, classified.
    async fn call_model<A: Agent>(
        &self,
        store: &Mutex<Store>,
        llm: &LlmClient,
        request: &ChatRequest,
        circuit: &str,
        handle: &mut ExecutionHandle,
        errors: &mut Vec<ErrorInfo>,
    ) -> Result<ChatResponse, LlmError> {
        let breaker = self.failsafe.breakers().get(circuit);
        // Each attempt's record and start, written before the request so that an
        // attempt cut at its timeout is still on record.
        let attempts: Mutex<Vec<(LlmCallRecord, Instant)>> = Mutex::new(Vec::new());
        let context = |attempt| self.error_context::<A>(handle, Some(circuit), Some(attempt));
        let result = self
            .failsafe
            .retry()
            .execute_observed(
                |_| {
                    let (breaker, attempts) = (&breaker, &attempts);
                    async move {
                        let permit = breaker.acquire()?;
                        let slot = {
                            let record = LlmCallRecord {
                                model: request.model.clone(),
                                started_at: lock(store).now_ms(),
                                duration_us: 0,
                                usage: Default::default(),
                                finish: None,
                                error: Some((
                                    LlmError::Timeout.kind().to_owned(),
                                    LlmError::Timeout.to_string(),
                                )),
                                detail: llm.call_detail(breaker.get_state()),
                            };
                            let mut a = lock(attempts);
                            a.push((record, Instant::now()));
                            a.len() - 1
                        };
                        let answer = llm.chat(request).await;
                        permit.record(&answer);
                        let mut a = lock(attempts);
                        let (record, started) = &mut a[slot];
                        record.duration_us = micros_since(*started);
                        match &answer {
                            Ok(r) => {
                                record.usage = r.usage;
                                record.finish = Some(r.finish);
                                record.error = None;
                                record.detail.response_id = r.id.clone();
                                record.detail.response_model = Some(r.model.clone());
                            }
                            Err(e) => record.error = Some((e.kind().to_owned(), e.to_string())),
                        }
                        answer
                    }
                },
                |failure| {
                    if failure.timed_out
                        && let Some((record, started)) = lock(&attempts).last_mut()
                    {
                        record.duration_us = micros_since(*started);
                    }
                    let mut info = errors::classify(
                        failure.error,
                        context(failure.attempt),
                        lock(store).now_ms(),
                    );
                    if failure.retry_in.is_none() && failure.error.retryable() {
                        // Out of retries: the run goes on with the built-in engine.
                        info.recovery_strategy = RecoveryStrategy::GracefulDegradation;
                    }
                    errors.push(info);
                },
            )
            .await;
        handle.llm_calls.extend(
            attempts
                .into_inner()
                .unwrap_or_else(PoisonError::into_inner)
                .into_iter()
                .map(|(record, _)| record),
        );
        result
    }
}

/// The answer schema for output `O` (wrapped with the explanation), derived once per
/// type: deriving it costs more than all the rest of a run's own work.
fn answer_schema<O: JsonSchema>() -> Result<Arc<Value>, RunError> {
    static SCHEMAS: Mutex<BTreeMap<&'static str, Arc<Value>>> = Mutex::new(BTreeMap::new());
    let key = std::any::type_name::<O>();
    if let Some(schema) = lock(&SCHEMAS).get(key) {
        return Ok(schema.clone());
    }
    let schema = serde_json::to_value(schemars::schema_for!(O))
        .map_err(|e| RunError::InvalidOutput(format!("output schema: {e}")))?;
    let schema = Arc::new(explained::wrap_schema(schema));
    lock(&SCHEMAS).insert(key, schema.clone());
    Ok(schema)
}

/// The built-in engine's answer, and the outcome saying why it answered.
fn builtin<A: Agent>(
    store: &Mutex<Store>,
    agent: &A,
    input: &A::Input,
    fallback_reason: Option<String>,
) -> (A::Output, Outcome) {
    match &fallback_reason {
        Some(reason) => tracing::warn!(reason = %reason, "using the built-in engine"),
        None => tracing::info!("no LLM configured; using the built-in engine"),
    }
    let out = agent.builtin(&lock(store), input);
    let mut explanation = agent.builtin_explanation(input, &out);
    if let Some(reason) = &fallback_reason {
        explanation.add_assumptions(&[format!("The built-in engine answered because {reason}.")]);
    }
    let outcome = Outcome {
        engine: Some(Engine::Builtin),
        fallback_reason,
        explanation: Some(explanation),
        ..Outcome::default()
    };
    (out, outcome)
}

/// Why a failed model run fell back, in words that follow "because".
fn fallback_reason(e: &RunError, circuit: &str, errors: &[ErrorInfo]) -> String {
    if !e.retryable() || matches!(e, RunError::Llm(LlmError::CircuitOpen { .. })) {
        return e.to_string();
    }
    let attempts = errors
        .last()
        .and_then(|i| i.context.attempt)
        .map_or(1, |a| a + 1);
    let times = if attempts == 1 {
        "once".to_owned()
    } else {
        format!("{attempts} times")
    };
    format!("{circuit} was tried {times} and failed ({e})")
}

fn micros_since(started: Instant) -> i64 {
    i64::try_from(started.elapsed().as_micros()).unwrap_or(i64::MAX)
}

/// Runs the tool called `name`; `specs` are the `tools`' specs, in the same order (a
/// tool builds its spec afresh on every `spec()` call).
fn run_tool(
    tools: &[&dyn Tool],
    specs: &[ToolSpec],
    store: &Store,
    name: &str,
    arguments: &str,
) -> Result<Value, String> {
    let (tool, _) = tools
        .iter()
        .zip(specs)
        .find(|(_, s)| s.name == name)
        .ok_or_else(|| format!("there is no tool named {name:?}"))?;
    let args: Value =
        serde_json::from_str(arguments).map_err(|e| format!("arguments are not JSON: {e}"))?;
    tool.call(store, &args)
}

/// Some models wrap JSON in Markdown fences even when asked not to.
fn strip_fences(s: &str) -> &str {
    let t = s.trim();
    t.strip_prefix("```json")
        .or_else(|| t.strip_prefix("```"))
        .and_then(|r| r.strip_suffix("```"))
        .map(str::trim)
        .unwrap_or(t)
}

fn shorten(s: &str, max: usize) -> String {
    if s.len() <= max {
        return s.to_owned();
    }
    let mut end = max;
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    format!("{}…", &s[..end])
}

fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    // SQLite transactions roll back on panic, so a poisoned lock holds a consistent store.
    m.lock().unwrap_or_else(PoisonError::into_inner)
}
