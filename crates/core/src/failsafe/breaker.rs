//! Circuit breakers: after repeated failures a provider+model is left alone for a
//! while instead of being hammered, then probed, then trusted again.
//!
//! Closed counts consecutive service faults (network, timeout, 429, 5xx); at
//! `failure_threshold` it opens. Open refuses calls at once ([`CircuitOpen`], no
//! request, no cost) until `timeout` has passed, then turns half-open on the next
//! call. Half-open lets at most `half_open_max_calls` probes through at a time;
//! `success_threshold` successes close it, one failure opens it again.
//!
//! Every transition is logged, queued for the store and sent to subscribers (the
//! desktop app forwards them to the UI).

use std::collections::VecDeque;
use std::future::Future;
use std::sync::{Arc, Mutex, PoisonError};
use std::time::Duration;

use serde::{Deserialize, Serialize};
use tokio::sync::broadcast;

use super::category::Classified;
use crate::clock::{Clock, SystemClock, Timestamp};

/// A breaker's state.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum CircuitState {
    /// Calls go through; failures are counted.
    Closed,
    /// Calls are refused until the timeout passes.
    Open,
    /// A few probe calls test whether the service is back.
    HalfOpen,
}

impl CircuitState {
    /// The stored name.
    pub const fn as_str(self) -> &'static str {
        match self {
            CircuitState::Closed => "closed",
            CircuitState::Open => "open",
            CircuitState::HalfOpen => "half_open",
        }
    }

    /// The state stored as `name`.
    pub fn parse(name: &str) -> Option<Self> {
        [
            CircuitState::Closed,
            CircuitState::Open,
            CircuitState::HalfOpen,
        ]
        .into_iter()
        .find(|s| s.as_str() == name)
    }
}

impl std::fmt::Display for CircuitState {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// When a breaker opens and closes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct CircuitBreakerConfig {
    /// Consecutive failures that open the circuit (the spec's `circuit_breaker_threshold`).
    pub failure_threshold: u32,
    /// Successful probes that close it again.
    pub success_threshold: u32,
    /// How long it stays open before probing.
    #[serde(with = "millis")]
    #[cfg_attr(feature = "specta", specta(type = u64))]
    pub timeout: Duration,
    /// Probes allowed at the same time while half-open.
    pub half_open_max_calls: u32,
}

impl Default for CircuitBreakerConfig {
    /// The spec's example: open after 5 failures, close after 2 successes, probe after 60 s.
    fn default() -> Self {
        Self {
            failure_threshold: 5,
            success_threshold: 2,
            timeout: Duration::from_secs(60),
            half_open_max_calls: 1,
        }
    }
}

/// Most failures a threshold may ask for.
pub const MAX_THRESHOLD: u32 = 100;

impl CircuitBreakerConfig {
    /// Checks the thresholds (1 to 100), the timeout (1 ms to 24 h) and the probe count
    /// (1 to 100).
    pub fn validated(self) -> crate::Result<Self> {
        let range = 1..=MAX_THRESHOLD;
        if !range.contains(&self.failure_threshold) {
            return Err(crate::Error::invalid(
                "circuitBreakerThreshold",
                format!("must be between 1 and {MAX_THRESHOLD}"),
            ));
        }
        if !range.contains(&self.success_threshold) {
            return Err(crate::Error::invalid(
                "successThreshold",
                format!("must be between 1 and {MAX_THRESHOLD}"),
            ));
        }
        if self.timeout.is_zero() || self.timeout > Duration::from_secs(24 * 3600) {
            return Err(crate::Error::invalid(
                "timeout",
                "must be more than 0 and at most 24 hours",
            ));
        }
        if !range.contains(&self.half_open_max_calls) {
            return Err(crate::Error::invalid(
                "halfOpenMaxCalls",
                format!("must be between 1 and {MAX_THRESHOLD}"),
            ));
        }
        Ok(self)
    }
}

mod millis {
    use serde::{Deserialize, Deserializer, Serializer};
    use std::time::Duration;

    pub fn serialize<S: Serializer>(d: &Duration, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_u64(u64::try_from(d.as_millis()).unwrap_or(u64::MAX))
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Duration, D::Error> {
        u64::deserialize(d).map(Duration::from_millis)
    }
}

/// A change of state.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct Transition {
    /// The breaker's name (`provider/model`).
    pub circuit: String,
    /// State before.
    pub from: CircuitState,
    /// State after.
    pub to: CircuitState,
    /// When, ms UTC.
    pub at: Timestamp,
    /// Why, in words.
    pub reason: String,
}

/// A call refused because the circuit is open.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{circuit} is paused after repeated failures (circuit open until {})", crate::clock::to_rfc3339(*retry_at))]
pub struct CircuitOpen {
    /// The breaker's name.
    pub circuit: String,
    /// When the next probe may go through, ms UTC.
    pub retry_at: Timestamp,
}

/// What [`CircuitBreaker::execute`] returns on failure.
#[derive(Debug, thiserror::Error)]
pub enum BreakerError<E> {
    /// Refused without calling: the circuit is open (the spec's `CircuitBreakerError`).
    #[error(transparent)]
    Open(CircuitOpen),
    /// The call ran and failed.
    #[error(transparent)]
    Failed(E),
}

/// A breaker's state and counts (the spec's `get_stats()`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct CircuitStats {
    /// The breaker's name.
    pub circuit: String,
    /// Current state.
    pub state: CircuitState,
    /// Its configuration.
    pub config: CircuitBreakerConfig,
    /// Failures in a row while closed.
    pub consecutive_failures: u32,
    /// Successful probes while half-open.
    pub half_open_successes: u32,
    /// Calls let through.
    pub calls: u64,
    /// Of those, successes.
    pub successes: u64,
    /// Of those, service faults.
    pub failures: u64,
    /// Calls refused while open.
    pub rejected: u64,
    /// How many times it opened.
    pub times_opened: u64,
    /// When it last opened, ms UTC.
    pub opened_at: Option<Timestamp>,
    /// While open: when a probe may go through, ms UTC.
    pub retry_at: Option<Timestamp>,
    /// The last change of state.
    pub last_transition: Option<Transition>,
}

/// Where transitions go: a queue the owner saves, and live subscribers.
#[derive(Debug)]
pub(super) struct Sink {
    pub(super) pending: Mutex<VecDeque<Transition>>,
    pub(super) events: broadcast::Sender<Transition>,
}

/// Transitions kept for saving at most; older ones are dropped (and were logged).
const PENDING_LIMIT: usize = 1000;

impl Sink {
    pub(super) fn new() -> Arc<Self> {
        Arc::new(Self {
            pending: Mutex::new(VecDeque::new()),
            events: broadcast::channel(256).0,
        })
    }

    fn emit(&self, t: Transition) {
        tracing::warn!(circuit = %t.circuit, from = %t.from, to = %t.to, reason = %t.reason, "circuit breaker changed state");
        let mut q = self.pending.lock().unwrap_or_else(PoisonError::into_inner);
        if q.len() >= PENDING_LIMIT {
            q.pop_front();
        }
        q.push_back(t.clone());
        // No subscriber is fine: the app may not be listening.
        let _ = self.events.send(t);
    }
}

#[derive(Debug)]
struct Inner {
    config: CircuitBreakerConfig,
    state: CircuitState,
    consecutive_failures: u32,
    half_open_successes: u32,
    probes: u32,
    opened_at: Option<Timestamp>,
    calls: u64,
    successes: u64,
    failures: u64,
    rejected: u64,
    times_opened: u64,
    last_transition: Option<Transition>,
}

/// One circuit breaker (the spec's `CircuitBreaker`).
#[derive(Debug)]
pub struct CircuitBreaker {
    name: String,
    clock: Arc<dyn Clock>,
    inner: Mutex<Inner>,
    sink: Arc<Sink>,
}

impl CircuitBreaker {
    /// A closed breaker named `name` on the wall clock.
    pub fn new(name: impl Into<String>, config: CircuitBreakerConfig) -> Self {
        Self::with_clock(name, config, Arc::new(SystemClock))
    }

    /// A closed breaker whose timeout goes by `clock`.
    pub fn with_clock(
        name: impl Into<String>,
        config: CircuitBreakerConfig,
        clock: Arc<dyn Clock>,
    ) -> Self {
        Self::in_sink(name.into(), config, clock, Sink::new())
    }

    pub(super) fn in_sink(
        name: String,
        config: CircuitBreakerConfig,
        clock: Arc<dyn Clock>,
        sink: Arc<Sink>,
    ) -> Self {
        Self {
            name,
            clock,
            sink,
            inner: Mutex::new(Inner {
                config,
                state: CircuitState::Closed,
                consecutive_failures: 0,
                half_open_successes: 0,
                probes: 0,
                opened_at: None,
                calls: 0,
                successes: 0,
                failures: 0,
                rejected: 0,
                times_opened: 0,
                last_transition: None,
            }),
        }
    }

    /// Its name.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// Its state (an open breaker whose timeout passed reports open until the next
    /// call probes it).
    pub fn get_state(&self) -> CircuitState {
        self.lock().state
    }

    /// State and counts.
    pub fn get_stats(&self) -> CircuitStats {
        let i = self.lock();
        CircuitStats {
            circuit: self.name.clone(),
            state: i.state,
            config: i.config,
            consecutive_failures: i.consecutive_failures,
            half_open_successes: i.half_open_successes,
            calls: i.calls,
            successes: i.successes,
            failures: i.failures,
            rejected: i.rejected,
            times_opened: i.times_opened,
            opened_at: i.opened_at,
            retry_at: (i.state == CircuitState::Open)
                .then(|| i.opened_at.map(|t| t + millis_of(i.config.timeout)))
                .flatten(),
            last_transition: i.last_transition.clone(),
        }
    }

    /// Subscribes to this breaker's transitions (all of a registry's, for a
    /// registry's breaker).
    pub fn subscribe(&self) -> broadcast::Receiver<Transition> {
        self.sink.events.subscribe()
    }

    /// Asks to make a call: a permit to report its outcome on, or [`CircuitOpen`].
    pub fn acquire(&self) -> Result<Permit<'_>, CircuitOpen> {
        let now = self.clock.now_ms();
        let mut i = self.lock();
        if i.state == CircuitState::Open {
            let retry_at = i.opened_at.unwrap_or(now) + millis_of(i.config.timeout);
            if now < retry_at {
                i.rejected += 1;
                return Err(CircuitOpen {
                    circuit: self.name.clone(),
                    retry_at,
                });
            }
            self.change(
                &mut i,
                CircuitState::HalfOpen,
                now,
                "timeout passed; probing".into(),
            );
        }
        if i.state == CircuitState::HalfOpen {
            if i.probes >= i.config.half_open_max_calls {
                i.rejected += 1;
                return Err(CircuitOpen {
                    circuit: self.name.clone(),
                    retry_at: now,
                });
            }
            i.probes += 1;
        }
        i.calls += 1;
        Ok(Permit {
            breaker: self,
            probe: i.state == CircuitState::HalfOpen,
            done: false,
        })
    }

    /// Runs `op` through the breaker: refused at once while open; its outcome counted
    /// (service faults as failures, anything else as the service answering).
    pub async fn execute<T, E, F, Fut>(&self, op: F) -> Result<T, BreakerError<E>>
    where
        E: Classified,
        F: FnOnce() -> Fut,
        Fut: Future<Output = Result<T, E>>,
    {
        let permit = self.acquire().map_err(BreakerError::Open)?;
        let result = op().await;
        permit.record(&result);
        result.map_err(BreakerError::Failed)
    }

    /// Closes the breaker by hand (a person knows the service is back).
    pub fn reset(&self) {
        let now = self.clock.now_ms();
        let mut i = self.lock();
        if i.state != CircuitState::Closed {
            self.change(&mut i, CircuitState::Closed, now, "reset by hand".into());
        }
        i.consecutive_failures = 0;
    }

    fn on_success(&self, probe: bool) {
        let now = self.clock.now_ms();
        let mut i = self.lock();
        i.successes += 1;
        if probe {
            i.probes = i.probes.saturating_sub(1);
        }
        match i.state {
            CircuitState::Closed => i.consecutive_failures = 0,
            CircuitState::HalfOpen if probe => {
                i.half_open_successes += 1;
                if i.half_open_successes >= i.config.success_threshold {
                    let reason = format!("{} probe calls succeeded", i.half_open_successes);
                    self.change(&mut i, CircuitState::Closed, now, reason);
                }
            }
            _ => {}
        }
    }

    fn on_failure(&self, probe: bool, what: &str) {
        let now = self.clock.now_ms();
        let mut i = self.lock();
        i.failures += 1;
        if probe {
            i.probes = i.probes.saturating_sub(1);
        }
        match i.state {
            CircuitState::Closed => {
                i.consecutive_failures += 1;
                if i.consecutive_failures >= i.config.failure_threshold {
                    let reason = format!(
                        "{} failures in a row (last: {what})",
                        i.consecutive_failures
                    );
                    self.change(&mut i, CircuitState::Open, now, reason);
                }
            }
            CircuitState::HalfOpen if probe => {
                self.change(
                    &mut i,
                    CircuitState::Open,
                    now,
                    format!("probe call failed: {what}"),
                );
            }
            _ => {}
        }
    }

    fn change(&self, i: &mut Inner, to: CircuitState, now: Timestamp, reason: String) {
        let t = Transition {
            circuit: self.name.clone(),
            from: i.state,
            to,
            at: now,
            reason: crate::logging::redact(&reason).into_owned(),
        };
        i.state = to;
        match to {
            CircuitState::Open => {
                i.opened_at = Some(now);
                i.times_opened += 1;
                i.half_open_successes = 0;
            }
            CircuitState::HalfOpen => i.half_open_successes = 0,
            CircuitState::Closed => {
                i.consecutive_failures = 0;
                i.half_open_successes = 0;
                i.probes = 0;
            }
        }
        i.last_transition = Some(t.clone());
        self.sink.emit(t);
    }

    /// Puts the breaker back in a saved state (a new process resuming an open circuit).
    pub(super) fn restore(&self, state: CircuitState, since: Timestamp, last: Transition) {
        let mut i = self.lock();
        i.state = match state {
            // A half-open circuit of a past process has no probes in flight: it is open
            // until its next call probes again.
            CircuitState::HalfOpen => CircuitState::Open,
            s => s,
        };
        i.opened_at = (i.state == CircuitState::Open).then_some(since);
        i.last_transition = Some(last);
    }

    pub(super) fn set_config(&self, config: CircuitBreakerConfig) {
        self.lock().config = config;
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Inner> {
        self.inner.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

fn millis_of(d: Duration) -> i64 {
    i64::try_from(d.as_millis()).unwrap_or(i64::MAX)
}

/// Leave to make one call; report how it went with [`Permit::record`] (or
/// `success`/`failure`). A permit dropped unreported counts as a failure: the call
/// was abandoned, usually at its timeout.
#[derive(Debug)]
#[must_use = "report the call's outcome on the permit"]
pub struct Permit<'a> {
    breaker: &'a CircuitBreaker,
    probe: bool,
    done: bool,
}

impl Permit<'_> {
    /// The call succeeded (or failed in a way that shows the service is up).
    pub fn success(mut self) {
        self.done = true;
        self.breaker.on_success(self.probe);
    }

    /// The call failed because of the service.
    pub fn failure(mut self, what: &str) {
        self.done = true;
        self.breaker.on_failure(self.probe, what);
    }

    /// Reports a result: service faults are failures, everything else success.
    pub fn record<T, E: Classified>(self, result: &Result<T, E>) {
        match result {
            Err(e) if e.category().is_service_fault() => self.failure(&e.to_string()),
            _ => self.success(),
        }
    }
}

impl Drop for Permit<'_> {
    fn drop(&mut self) {
        if !self.done {
            self.breaker
                .on_failure(self.probe, "the call was abandoned before it answered");
        }
    }
}

#[cfg(test)]
#[path = "breaker_test.rs"]
mod tests;
