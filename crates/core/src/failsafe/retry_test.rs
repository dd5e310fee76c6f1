//! Tests of `retry`.

use super::*;

fn policy(strategy: BackoffStrategy) -> RetryPolicy {
    RetryPolicy {
        backoff_strategy: strategy,
        ..RetryPolicy::default()
    }
}

#[test]
fn waits_grow_as_the_strategy_says() {
    let secs = |p: &RetryPolicy, n, r| p.delay(n, r).as_secs_f64();
    let p = policy(BackoffStrategy::Exponential);
    assert_eq!(
        [secs(&p, 0, 0.5), secs(&p, 1, 0.5), secs(&p, 2, 0.5)],
        [1.0, 2.0, 4.0]
    );
    assert_eq!(secs(&p, 20, 0.5), 60.0, "capped at max_delay");
    let p = policy(BackoffStrategy::Linear);
    assert_eq!([secs(&p, 0, 0.0), secs(&p, 2, 0.0)], [1.0, 3.0]);
    let p = policy(BackoffStrategy::Fixed);
    assert_eq!([secs(&p, 0, 0.9), secs(&p, 5, 0.1)], [1.0, 1.0]);
    let p = policy(BackoffStrategy::ExponentialJitter);
    assert_eq!(
        [secs(&p, 2, 0.0), secs(&p, 2, 0.999_999)].map(f64::round),
        [2.0, 4.0]
    );
    let p = policy(BackoffStrategy::Jitter);
    assert_eq!([secs(&p, 3, 0.0), secs(&p, 3, 1.0)], [0.5, 1.5]);
    let p = RetryPolicy {
        backoff_multiplier: 3.0,
        ..policy(BackoffStrategy::Exponential)
    };
    assert_eq!(secs(&p, 2, 0.0), 9.0, "the multiplier is the base");
}

#[test]
fn retry_after_in_seconds_and_as_a_date() {
    let now = chrono::DateTime::parse_from_rfc3339("2026-10-21T07:27:50Z")
        .unwrap()
        .timestamp_millis();
    assert_eq!(parse_retry_after("7", now), Some(Duration::from_secs(7)));
    assert_eq!(
        parse_retry_after(" 1.5 ", now),
        Some(Duration::from_millis(1500))
    );
    assert_eq!(
        parse_retry_after("Wed, 21 Oct 2026 07:28:00 GMT", now),
        Some(Duration::from_secs(10))
    );
    assert_eq!(
        parse_retry_after("Wed, 21 Oct 2026 07:00:00 GMT", now),
        Some(Duration::ZERO),
        "a date already past means retry now"
    );
    assert_eq!(
        parse_retry_after("Wednesday, 21-Oct-26 07:28:00 GMT", now),
        Some(Duration::from_secs(10)),
        "the obsolete RFC 850 form"
    );
    assert_eq!(
        parse_retry_after("Wed Oct 21 07:28:00 2026", now),
        Some(Duration::from_secs(10)),
        "the obsolete asctime form"
    );
    assert_eq!(
        parse_retry_after("0.0001", now),
        Some(Duration::from_millis(1)),
        "rounded up to the clock's millisecond, never down"
    );
    assert_eq!(
        parse_retry_after("0.3", now),
        Some(Duration::from_millis(300)),
        "decimals are exact, not float-rounded below"
    );
    assert_eq!(
        parse_retry_after("99999999999999999999999999999999999999999", now),
        Some(Duration::from_millis(u64::MAX)),
        "a huge wait stays huge (and ends the retries), it is not ignored"
    );
    for bad in ["soon", "-3", "+3", "", ".", "1.2.3", "1e3"] {
        assert_eq!(parse_retry_after(bad, now), None, "{bad:?}");
    }
}

#[test]
fn retry_after_ms_wins_and_reads_as_seconds() {
    assert_eq!(
        asked_wait(Some("1500"), Some("9")).as_deref(),
        Some("1.500")
    );
    assert_eq!(asked_wait(Some("2000"), None).as_deref(), Some("2"));
    assert_eq!(
        asked_wait(Some("0.5"), None).as_deref(),
        Some("0.001"),
        "a fraction of a millisecond rounds up"
    );
    assert_eq!(
        asked_wait(Some("later"), Some("9")).as_deref(),
        Some("9"),
        "an unreadable retry-after-ms leaves Retry-After"
    );
    assert_eq!(asked_wait(None, Some("9")).as_deref(), Some("9"));
    assert_eq!(asked_wait(None, None), None);
}

#[test]
fn jitter_only_adds_to_an_asked_wait() {
    let asked = Duration::from_millis(1_000);
    for strategy in BackoffStrategy::ALL {
        let p = policy(strategy);
        for r in [0.0, 0.3, 0.999_999, 1.0] {
            let wait = p.delay_at_least(asked, r);
            assert!(
                wait >= asked && wait <= asked.mul_f64(1.1),
                "{strategy:?} at {r}: {wait:?}"
            );
        }
    }
    let p = policy(BackoffStrategy::ExponentialJitter);
    assert!(p.delay_at_least(asked, 0.9) > asked, "spread out");
    assert_eq!(
        p.delay_at_least(Duration::from_secs(59), 0.9),
        Duration::from_secs(60),
        "the spread stops at max_delay"
    );
    assert_eq!(
        policy(BackoffStrategy::Fixed).delay_at_least(asked, 0.9),
        asked,
        "without jitter, exactly as asked"
    );
}

#[test]
fn policies_are_checked() {
    let ok = RetryPolicy::default().validated();
    assert!(ok.is_ok());
    let bad = |p: RetryPolicy| p.validated().unwrap_err().to_string();
    assert!(
        bad(RetryPolicy {
            max_retries: 11,
            ..RetryPolicy::default()
        })
        .starts_with("maxRetries")
    );
    assert!(
        bad(RetryPolicy {
            backoff_multiplier: f64::NAN,
            ..RetryPolicy::default()
        })
        .starts_with("retryBackoffMultiplier")
    );
    assert!(
        bad(RetryPolicy {
            retry_on: vec![ErrorCategory::Authentication],
            ..RetryPolicy::default()
        })
        .contains("authentication errors cannot succeed")
    );
    assert!(
        bad(RetryPolicy {
            initial_delay: Duration::from_secs(90),
            ..RetryPolicy::default()
        })
        .starts_with("initialDelay")
    );
}

/// Any error type can be retried: say what category it is.
#[derive(Debug, PartialEq)]
enum FetchError {
    Reset,
    NotFound,
    Slow,
    /// Busy, come back after this `Retry-After`.
    Busy(&'static str),
}

impl std::fmt::Display for FetchError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{self:?}")
    }
}

impl Classified for FetchError {
    fn category(&self) -> ErrorCategory {
        match self {
            FetchError::Reset => ErrorCategory::Network,
            FetchError::NotFound => ErrorCategory::Validation,
            FetchError::Slow => ErrorCategory::Timeout,
            FetchError::Busy(_) => ErrorCategory::ExternalService,
        }
    }

    fn retry_after(&self) -> Option<&str> {
        match self {
            FetchError::Busy(after) => Some(after),
            _ => None,
        }
    }
}

impl From<AttemptTimedOut> for FetchError {
    fn from(_: AttemptTimedOut) -> Self {
        FetchError::Slow
    }
}

fn handler(clock: &crate::clock::ManualClock) -> RetryHandler {
    RetryHandler::with_clock(
        RetryPolicy {
            backoff_strategy: BackoffStrategy::Linear,
            attempt_timeout: Some(Duration::from_millis(50)),
            ..RetryPolicy::default()
        },
        Arc::new(clock.clone()),
    )
}

#[tokio::test]
async fn any_async_function_is_retried_and_counted() {
    let clock = crate::clock::ManualClock::new(0);
    let h = handler(&clock);
    let mut seen = Vec::new();
    let out = h
        .execute_observed(
            |attempt| async move {
                if attempt < 2 {
                    Err(FetchError::Reset)
                } else {
                    Ok(attempt * 10)
                }
            },
            |f| seen.push((f.attempt, f.retry_in)),
        )
        .await;
    assert_eq!(out, Ok(20));
    assert_eq!(
        seen,
        [
            (0, Some(Duration::from_secs(1))),
            (1, Some(Duration::from_secs(2)))
        ],
        "linear waits, announced before each retry"
    );
    assert_eq!(
        clock.now_ms(),
        3_000,
        "the waits went by the clock, not by sleeping"
    );

    let not_found: Result<u32, _> = h.execute(|_| async { Err(FetchError::NotFound) }).await;
    assert_eq!(not_found, Err(FetchError::NotFound));
    let hung: Result<u32, _> = h
        .execute(|_| async {
            futures_pending().await;
            Ok(1)
        })
        .await;
    assert_eq!(
        hung,
        Err(FetchError::Slow),
        "each attempt cut at 50 ms, then given up"
    );
    let stats = h.stats();
    assert_eq!(
        (
            stats.calls,
            stats.attempts,
            stats.succeeded_after_retry,
            stats.not_retried,
            stats.exhausted
        ),
        (3, 3 + 1 + 4, 1, 1, 1)
    );

    let decorated: Result<&str, FetchError> =
        with_retry(RetryPolicy::default(), |_| async { Ok("first try") }).await;
    assert_eq!(decorated, Ok("first try"));
}

#[tokio::test]
async fn a_retry_never_comes_before_the_asked_wait() {
    let clock = crate::clock::ManualClock::new(0);
    // The default policy jitters its waits down to half: the asked wait must not.
    let h = RetryHandler::with_clock(RetryPolicy::default(), Arc::new(clock.clone()));
    for _ in 0..50 {
        let mut seen = Vec::new();
        let before = clock.now_ms();
        let out = h
            .execute_observed(
                |attempt| async move {
                    match attempt {
                        0 => Err(FetchError::Busy("1")),
                        1 => Err(FetchError::Busy("0.25")),
                        _ => Ok(()),
                    }
                },
                |f| seen.push(f.retry_in.unwrap_or_default()),
            )
            .await;
        assert_eq!(out, Ok(()));
        assert!(
            (1_000..=1_100).contains(&seen[0].as_millis())
                && (250..=275).contains(&seen[1].as_millis()),
            "at least the asked 1 s and 250 ms, at most 10 % more: {seen:?}"
        );
        assert!(clock.now_ms() - before >= 1_250);
    }
    let too_long: Result<(), _> = h.execute(|_| async { Err(FetchError::Busy("61")) }).await;
    assert_eq!(too_long, Err(FetchError::Busy("61")));
    assert_eq!(
        (h.stats().attempts, h.stats().exhausted),
        (50 * 3 + 1, 1),
        "a wait past max_delay ends the retries at once"
    );
}

async fn futures_pending() {
    std::future::pending::<()>().await;
}
