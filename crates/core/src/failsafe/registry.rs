//! The breakers of a process by name (one per provider+model in the runtime), sharing
//! one configuration and one stream of state changes.

use std::collections::BTreeMap;
use std::future::Future;
use std::sync::{Arc, Mutex, PoisonError, RwLock};

use tokio::sync::broadcast;

use super::breaker::*;
use super::category::Classified;
use crate::clock::Clock;

/// Named breakers sharing one configuration and one transition stream (one per
/// provider+model in the runtime).
#[derive(Debug)]
pub struct BreakerRegistry {
    clock: Arc<dyn Clock>,
    config: RwLock<CircuitBreakerConfig>,
    breakers: Mutex<BTreeMap<String, Arc<CircuitBreaker>>>,
    sink: Arc<Sink>,
}

impl BreakerRegistry {
    /// An empty registry.
    pub fn new(config: CircuitBreakerConfig, clock: Arc<dyn Clock>) -> Self {
        Self {
            clock,
            config: RwLock::new(config),
            breakers: Mutex::new(BTreeMap::new()),
            sink: Sink::new(),
        }
    }

    /// The breaker named `name`, created closed on first use.
    pub fn get(&self, name: &str) -> Arc<CircuitBreaker> {
        let mut map = self.breakers.lock().unwrap_or_else(PoisonError::into_inner);
        map.entry(name.to_owned())
            .or_insert_with(|| {
                Arc::new(CircuitBreaker::in_sink(
                    name.to_owned(),
                    self.config(),
                    self.clock.clone(),
                    self.sink.clone(),
                ))
            })
            .clone()
    }

    /// Runs `op` through the breaker named `name`, created on first use (the spec's
    /// `@with_circuit_breaker(name, config)`).
    pub async fn execute<T, E, F, Fut>(&self, name: &str, op: F) -> Result<T, BreakerError<E>>
    where
        E: Classified,
        F: FnOnce() -> Fut,
        Fut: Future<Output = Result<T, E>>,
    {
        self.get(name).execute(op).await
    }

    /// The configuration new and existing breakers use.
    pub fn config(&self) -> CircuitBreakerConfig {
        *self.config.read().unwrap_or_else(PoisonError::into_inner)
    }

    /// Changes the configuration of every breaker, present and future.
    pub fn set_config(&self, config: CircuitBreakerConfig) {
        *self.config.write().unwrap_or_else(PoisonError::into_inner) = config;
        for b in self.all() {
            b.set_config(config);
        }
    }

    /// Every breaker, by name.
    pub fn all(&self) -> Vec<Arc<CircuitBreaker>> {
        let map = self.breakers.lock().unwrap_or_else(PoisonError::into_inner);
        map.values().cloned().collect()
    }

    /// Every breaker's state and counts, by name.
    pub fn stats(&self) -> Vec<CircuitStats> {
        self.all().iter().map(|b| b.get_stats()).collect()
    }

    /// Live transitions of all breakers.
    pub fn subscribe(&self) -> broadcast::Receiver<Transition> {
        self.sink.events.subscribe()
    }

    /// Transitions not yet saved, oldest first.
    pub fn take_transitions(&self) -> Vec<Transition> {
        let mut q = self
            .sink
            .pending
            .lock()
            .unwrap_or_else(PoisonError::into_inner);
        q.drain(..).collect()
    }

    /// Restores breakers to their last saved transitions.
    pub(crate) fn restore(&self, last: Vec<Transition>) {
        for t in last {
            self.get(&t.circuit).restore(t.to, t.at, t.clone());
        }
    }
}
