//! The failsafe: retries with backoff, circuit breakers and error handling, wired
//! into every agent run by the runtime and usable on any async function.
//!
//! How a run recovers, by the error's [`RecoveryStrategy`]:
//! - retry with backoff (network, timeout, 429, 5xx) within the [`RetryPolicy`];
//! - when retries run out or the circuit is open: graceful degradation, the
//!   built-in engine answers and the run and its explanation say why;
//! - invalid, cut-off or filtered model output, or a prompt too long for the model:
//!   fall back to the built-in engine at once;
//! - a refused key: no retry, the run fails asking for a new key (escalate to admin);
//! - invalid settings or input: fail fast with the field to fix;
//! - a bad message in a bulk import: skip and continue, reported with the import.
//!
//! Every handled error is kept in `error_log` ([`errors`]); breaker transitions in
//! `circuit_transitions`, from which a new process resumes an open circuit.

pub mod breaker;
pub mod category;
pub mod config;
pub mod errors;
pub mod registry;
pub mod retry;

use std::sync::Arc;
use std::time::Duration;

use rusqlite::params;
use serde::{Deserialize, Serialize};

pub use breaker::{
    BreakerError, CircuitBreaker, CircuitBreakerConfig, CircuitOpen, CircuitState, CircuitStats,
    MAX_THRESHOLD, Permit, Transition,
};
pub use category::{Classified, ErrorCategory, RecoveryStrategy, Severity, Skipped};
pub use errors::{
    ErrorContext, ErrorFilter, ErrorInfo, ErrorStats, export_errors, get_error_stats, handle_error,
    list_errors, since_hours,
};
pub use registry::BreakerRegistry;
pub use retry::{
    AttemptFailure, AttemptTimedOut, BackoffStrategy, MAX_RETRIES_LIMIT, MULTIPLIER_RANGE,
    RetryHandler, RetryPolicy, RetryStats, with_retry,
};

use crate::clock::{Clock, SystemClock, Timestamp};
use crate::store::{self, Store};
pub use config::FailsafeConfig;

/// The retry handler and breaker registry the runtime shares across runs: one per
/// process (the desktop app keeps it for its lifetime).
#[derive(Debug)]
pub struct Failsafe {
    retry: RetryHandler,
    breakers: BreakerRegistry,
}

impl Default for Failsafe {
    /// The spec's defaults on the wall clock.
    fn default() -> Self {
        Self::new(
            RetryPolicy::default(),
            CircuitBreakerConfig::default(),
            Arc::new(SystemClock),
        )
    }
}

impl Failsafe {
    /// A failsafe with this policy and breaker configuration, timed by `clock`.
    pub fn new(policy: RetryPolicy, breakers: CircuitBreakerConfig, clock: Arc<dyn Clock>) -> Self {
        Self {
            retry: RetryHandler::with_clock(policy, clock.clone()),
            breakers: BreakerRegistry::new(breakers, clock),
        }
    }

    /// The failsafe for a process: the stored settings applied, on the store's clock,
    /// with each circuit resumed in its last stored state.
    pub fn load(store: &Store) -> crate::Result<Arc<Self>> {
        let failsafe = Self::new(
            RetryPolicy::default(),
            CircuitBreakerConfig::default(),
            store.clock(),
        );
        failsafe.configure(&config::load(store)?);
        failsafe.breakers.restore(last_transitions(store)?);
        Ok(Arc::new(failsafe))
    }

    /// Applies the user's settings: retries, backoff multiplier, breaker threshold.
    pub fn configure(&self, c: &FailsafeConfig) {
        self.retry.set_policy(RetryPolicy {
            max_retries: c.max_retries,
            backoff_multiplier: c.retry_backoff_multiplier,
            ..self.retry.policy()
        });
        self.breakers.set_config(CircuitBreakerConfig {
            failure_threshold: c.circuit_breaker_threshold,
            ..self.breakers.config()
        });
    }

    /// The retry handler.
    pub fn retry(&self) -> &RetryHandler {
        &self.retry
    }

    /// The circuit breakers.
    pub fn breakers(&self) -> &BreakerRegistry {
        &self.breakers
    }

    /// Everything at a glance: the policy, retry counts and every circuit.
    pub fn stats(&self) -> FailsafeStats {
        let p = self.retry.policy();
        FailsafeStats {
            max_retries: p.max_retries,
            backoff_strategy: p.backoff_strategy,
            backoff_multiplier: p.backoff_multiplier,
            initial_delay_ms: p.initial_delay.as_millis() as u64,
            max_delay_ms: p.max_delay.as_millis() as u64,
            attempt_timeout_ms: p.attempt_timeout.map(|d| d.as_millis() as u64),
            retry: self.retry.stats(),
            circuits: self.breakers.stats(),
        }
    }

    /// Stores the breaker transitions not yet stored (the runtime does this with each
    /// run; other users of the registry call it themselves).
    pub fn save_transitions(&self, store: &mut Store) -> store::Result<usize> {
        let pending = self.breakers.take_transitions();
        if pending.is_empty() {
            return Ok(0);
        }
        store.write(|tx| save_transitions_in(tx, &pending))?;
        Ok(pending.len())
    }

    /// The state of the circuit of `provider` and `model` now.
    pub fn circuit_state(&self, provider: &str, model: &str) -> CircuitState {
        self.breakers
            .get(&circuit_name(provider, model))
            .get_state()
    }
}

/// The breaker name of a provider and model: `openai/gpt-4o-mini`.
pub fn circuit_name(provider: &str, model: &str) -> String {
    format!("{provider}/{model}")
}

/// A process's failsafe at a glance.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct FailsafeStats {
    /// Retries after the first attempt.
    pub max_retries: u32,
    /// How waits grow.
    pub backoff_strategy: BackoffStrategy,
    /// Growth factor.
    pub backoff_multiplier: f64,
    /// First wait, ms.
    pub initial_delay_ms: u64,
    /// Longest wait, ms.
    pub max_delay_ms: u64,
    /// Longest wait for one attempt, ms.
    pub attempt_timeout_ms: Option<u64>,
    /// What the retry handler did.
    pub retry: RetryStats,
    /// Every circuit this process used.
    pub circuits: Vec<CircuitStats>,
}

pub(crate) fn save_transitions_in(
    tx: &rusqlite::Connection,
    transitions: &[Transition],
) -> rusqlite::Result<()> {
    let mut stmt = tx.prepare_cached(
        "INSERT INTO circuit_transitions (circuit, from_state, to_state, at, reason)
         VALUES (?1, ?2, ?3, ?4, ?5)",
    )?;
    for t in transitions {
        stmt.execute(params![
            t.circuit,
            t.from.as_str(),
            t.to.as_str(),
            t.at,
            t.reason
        ])?;
    }
    Ok(())
}

fn last_transitions(store: &Store) -> store::Result<Vec<Transition>> {
    Ok(stored_circuits(store)?
        .into_iter()
        .map(|c| c.last_transition)
        .collect())
}

/// A circuit as the store knows it: its last transition and history.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct StoredCircuit {
    /// The breaker's name.
    pub circuit: String,
    /// Its state after the last transition.
    pub state: CircuitState,
    /// The last transition.
    pub last_transition: Transition,
    /// How many times it opened (within the retention).
    pub times_opened: u64,
    /// While open: when a probe may go through, ms UTC (by the current setting).
    pub retry_at: Option<Timestamp>,
}

/// Every circuit that ever changed state, by name (what `jobtrail failsafe circuits`
/// shows for processes that have ended).
pub fn stored_circuits(store: &Store) -> store::Result<Vec<StoredCircuit>> {
    let timeout = CircuitBreakerConfig::default().timeout;
    store.read(|c| {
        let mut stmt = c.prepare_cached(
            "SELECT t.circuit, t.from_state, t.to_state, t.at, t.reason,
                    (SELECT count(*) FROM circuit_transitions o
                     WHERE o.circuit = t.circuit AND o.to_state = 'open')
             FROM circuit_transitions t
             WHERE t.id IN (SELECT max(id) FROM circuit_transitions GROUP BY circuit)
             ORDER BY t.circuit",
        )?;
        let rows = stmt.query_map([], |r| {
            let from: String = r.get(1)?;
            let to: String = r.get(2)?;
            let t = Transition {
                circuit: r.get(0)?,
                from: CircuitState::parse(&from).unwrap_or(CircuitState::Closed),
                to: CircuitState::parse(&to).unwrap_or(CircuitState::Closed),
                at: r.get(3)?,
                reason: r.get(4)?,
            };
            Ok(StoredCircuit {
                circuit: t.circuit.clone(),
                state: t.to,
                retry_at: (t.to == CircuitState::Open).then(|| t.at + millis(timeout)),
                times_opened: r.get::<_, i64>(5)? as u64,
                last_transition: t,
            })
        })?;
        rows.collect()
    })
}

fn millis(d: Duration) -> i64 {
    i64::try_from(d.as_millis()).unwrap_or(i64::MAX)
}
