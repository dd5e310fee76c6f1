//! Tests of `breaker`.

use super::*;
use crate::agent::llm::LlmError;
use crate::clock::ManualClock;
use crate::failsafe::BreakerRegistry;

fn breaker(clock: &ManualClock) -> CircuitBreaker {
    let config = CircuitBreakerConfig {
        failure_threshold: 3,
        success_threshold: 2,
        timeout: Duration::from_secs(60),
        half_open_max_calls: 1,
    };
    CircuitBreaker::with_clock("openai/gpt-4o-mini", config, Arc::new(clock.clone()))
}

fn fail(b: &CircuitBreaker) {
    let r: Result<(), _> = Err(LlmError::Http {
        status: 503,
        message: "down".into(),
        retry_after: None,
    });
    b.acquire().expect("let through").record(&r);
}

#[test]
fn opens_probes_and_closes() {
    let clock = ManualClock::new(1_000_000);
    let b = breaker(&clock);
    let mut events = b.subscribe();
    fail(&b);
    fail(&b);
    assert_eq!(b.get_state(), CircuitState::Closed, "2 of 3 failures");
    fail(&b);
    assert_eq!(b.get_state(), CircuitState::Open);
    let refused = b.acquire().expect_err("open refuses");
    assert_eq!(refused.retry_at, 1_060_000);
    clock.advance(60_000);
    let probe = b.acquire().expect("a probe after the timeout");
    assert_eq!(b.get_state(), CircuitState::HalfOpen);
    assert!(b.acquire().is_err(), "only one probe at a time");
    probe.success();
    assert_eq!(b.get_state(), CircuitState::HalfOpen, "1 of 2 successes");
    b.acquire().expect("second probe").success();
    assert_eq!(b.get_state(), CircuitState::Closed);
    let seen: Vec<_> = std::iter::from_fn(|| events.try_recv().ok())
        .map(|t| (t.from, t.to))
        .collect();
    assert_eq!(
        seen,
        [
            (CircuitState::Closed, CircuitState::Open),
            (CircuitState::Open, CircuitState::HalfOpen),
            (CircuitState::HalfOpen, CircuitState::Closed)
        ]
    );
    let s = b.get_stats();
    assert_eq!(
        (s.calls, s.failures, s.successes, s.rejected, s.times_opened),
        (5, 3, 2, 2, 1)
    );
}

#[test]
fn a_failed_probe_reopens_and_a_success_resets_the_count() {
    let clock = ManualClock::new(0);
    let b = breaker(&clock);
    fail(&b);
    fail(&b);
    b.acquire().unwrap().success();
    fail(&b);
    fail(&b);
    assert_eq!(
        b.get_state(),
        CircuitState::Closed,
        "the success reset the count"
    );
    fail(&b);
    clock.advance(60_000);
    fail(&b);
    assert_eq!(b.get_state(), CircuitState::Open, "the probe failed");
    assert_eq!(b.get_stats().retry_at, Some(120_000));
}

#[test]
fn bad_requests_do_not_open_the_circuit() {
    let clock = ManualClock::new(0);
    let b = breaker(&clock);
    for _ in 0..5 {
        let r: Result<(), _> = Err(LlmError::Auth { status: 401 });
        b.acquire().unwrap().record(&r);
    }
    assert_eq!(
        b.get_state(),
        CircuitState::Closed,
        "a refused key says the service is up"
    );
}

#[test]
fn an_abandoned_call_is_a_failure() {
    let clock = ManualClock::new(0);
    let b = breaker(&clock);
    for _ in 0..3 {
        drop(b.acquire().unwrap());
    }
    assert_eq!(b.get_state(), CircuitState::Open);
}

#[tokio::test]
async fn execute_wraps_any_async_call() {
    let clock = ManualClock::new(0);
    let b = breaker(&clock);
    for _ in 0..3 {
        let r: Result<(), BreakerError<LlmError>> =
            b.execute(|| async { Err(LlmError::Timeout) }).await;
        assert!(matches!(r, Err(BreakerError::Failed(LlmError::Timeout))));
    }
    let refused: Result<u8, BreakerError<LlmError>> = b.execute(|| async { Ok(1) }).await;
    assert!(
        matches!(refused, Err(BreakerError::Open(_))),
        "the call never ran"
    );
    clock.advance(60_000);
    for _ in 0..2 {
        assert_eq!(
            b.execute(|| async { Ok::<_, LlmError>(7) }).await.unwrap(),
            7
        );
    }
    assert_eq!(b.get_state(), CircuitState::Closed);

    let registry = BreakerRegistry::new(CircuitBreakerConfig::default(), Arc::new(clock));
    let r: Result<u8, BreakerError<LlmError>> =
        registry.execute("search/api", || async { Ok(3) }).await;
    assert_eq!(r.unwrap(), 3);
    assert_eq!(
        registry.stats()[0].circuit,
        "search/api",
        "created by name on first use"
    );
}
