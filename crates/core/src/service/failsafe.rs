//! The failsafe as a person sees and steers it: its settings, the process's live
//! circuits beside the stored ones, closing a circuit by hand.

use serde::Serialize;

use crate::error::Result;
use crate::failsafe::{self, CircuitStats, Failsafe, FailsafeConfig, FailsafeStats, StoredCircuit};
use crate::store::Store;

/// The failsafe at a glance: settings, this process's retry counts and circuits, and
/// every circuit's last stored state.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct FailsafeStatus {
    /// The stored settings (the environment's over them).
    pub settings: FailsafeConfig,
    /// This process's retry policy, counts and circuits.
    pub live: FailsafeStats,
    /// Every circuit that ever changed state, as stored.
    pub stored: Vec<StoredCircuit>,
}

/// The failsafe at a glance, with `live` the process's own.
pub fn status(store: &Store, live: &Failsafe) -> Result<FailsafeStatus> {
    Ok(FailsafeStatus {
        settings: failsafe::config::load(store)?,
        live: live.stats(),
        stored: failsafe::stored_circuits(store)?,
    })
}

/// Closes `circuit` by hand (the person knows the provider is back) and stores the
/// transition; `None` when no circuit of that name is live or stored.
pub fn reset_circuit(
    store: &mut Store,
    live: &Failsafe,
    circuit: &str,
) -> Result<Option<CircuitStats>> {
    let breakers = live.breakers();
    let known = breakers.stats().iter().any(|c| c.circuit == circuit)
        || failsafe::stored_circuits(store)?
            .iter()
            .any(|c| c.circuit == circuit);
    if !known {
        return Ok(None);
    }
    let breaker = breakers.get(circuit);
    breaker.reset();
    live.save_transitions(store)?;
    Ok(Some(breaker.get_stats()))
}

/// Stores the retry and circuit-breaker settings and applies them to `live`; returns
/// what is in effect.
pub fn set_config(store: &mut Store, live: &Failsafe, c: FailsafeConfig) -> Result<FailsafeConfig> {
    let saved = failsafe::config::save(store, c)?;
    live.configure(&saved);
    Ok(saved)
}

/// Failsafe settings to change; `None` keeps the stored value.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct FailsafeChange {
    /// Retries of a failed LLM call after the first attempt.
    pub max_retries: Option<u32>,
    /// Growth of the wait between retries.
    pub retry_backoff_multiplier: Option<f64>,
    /// Failures in a row that open a provider+model's circuit.
    pub circuit_breaker_threshold: Option<u32>,
}

/// Stores the failsafe settings with `change` over them (validated as a whole);
/// returns what is in effect. Nothing is written when it changes nothing.
pub fn update_config(store: &mut Store, change: FailsafeChange) -> Result<FailsafeConfig> {
    let c = failsafe::config::load(store)?;
    if change == FailsafeChange::default() {
        return Ok(c);
    }
    failsafe::config::save(
        store,
        FailsafeConfig {
            max_retries: change.max_retries.unwrap_or(c.max_retries),
            retry_backoff_multiplier: change
                .retry_backoff_multiplier
                .unwrap_or(c.retry_backoff_multiplier),
            circuit_breaker_threshold: change
                .circuit_breaker_threshold
                .unwrap_or(c.circuit_breaker_threshold),
        },
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::failsafe::CircuitState;

    fn store() -> (tempfile::TempDir, Store) {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(dir.path()).unwrap();
        (dir, store)
    }

    #[test]
    fn a_circuit_is_reset_only_when_it_exists_and_the_reset_is_stored() {
        let (_dir, mut store) = store();
        let live = Failsafe::load(&store).unwrap();
        assert_eq!(
            reset_circuit(&mut store, &live, "openai/gpt-x").unwrap(),
            None,
            "an unknown circuit is not created by a reset"
        );
        assert!(
            live.breakers().stats().is_empty(),
            "asking about a circuit does not make one"
        );
        let breaker = live.breakers().get("openai/gpt-x");
        let threshold = failsafe::config::load(&store)
            .unwrap()
            .circuit_breaker_threshold;
        for _ in 0..threshold {
            breaker.acquire().expect("closed").failure("503");
        }
        assert_eq!(breaker.get_stats().state, CircuitState::Open);
        let stats = reset_circuit(&mut store, &live, "openai/gpt-x")
            .unwrap()
            .expect("a live circuit");
        assert_eq!(stats.state, CircuitState::Closed);
        let stored = failsafe::stored_circuits(&store).unwrap();
        assert_eq!(
            stored
                .iter()
                .map(|c| (c.circuit.as_str(), c.state))
                .collect::<Vec<_>>(),
            [("openai/gpt-x", CircuitState::Closed)],
            "the reset is stored, so another process resumes it closed"
        );

        // Another process knows the circuit from the store only.
        let other = Failsafe::load(&store).unwrap();
        assert!(
            reset_circuit(&mut store, &other, "openai/gpt-x")
                .unwrap()
                .is_some()
        );
        let s = status(&store, &other).unwrap();
        assert_eq!(s.stored.len(), 1);
        assert_eq!(s.settings, failsafe::config::load(&store).unwrap());
    }

    #[test]
    fn settings_change_as_given_and_reach_the_live_failsafe() {
        let (_dir, mut store) = store();
        let c = update_config(
            &mut store,
            FailsafeChange {
                max_retries: Some(1),
                ..FailsafeChange::default()
            },
        )
        .unwrap();
        let expected = FailsafeConfig {
            max_retries: 1,
            ..FailsafeConfig::default()
        };
        assert_eq!(
            c,
            expected.with_env(),
            "given: changed; the rest as they were"
        );
        assert_eq!(
            update_config(&mut store, FailsafeChange::default()).unwrap(),
            c
        );
        assert!(
            update_config(
                &mut store,
                FailsafeChange {
                    circuit_breaker_threshold: Some(0),
                    ..FailsafeChange::default()
                }
            )
            .is_err(),
            "validated"
        );

        let live = Failsafe::load(&store).unwrap();
        let saved = set_config(
            &mut store,
            &live,
            FailsafeConfig {
                max_retries: 2,
                ..c
            },
        )
        .unwrap();
        assert_eq!(
            live.stats().max_retries,
            saved.max_retries,
            "applied to the running failsafe"
        );
    }
}
