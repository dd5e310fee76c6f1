//! Settings: every setter, the settings table and the environment, on hostile values.

use super::*;

/// `set` either stores what `get` reads back exactly (floats too: serde_json is built
/// with `float_roundtrip`), or refuses with a validation error and leaves the stored
/// value as it was.
fn stored_or_refused<T: std::fmt::Debug + PartialEq>(
    store: &mut Store,
    get: impl Fn(&Store) -> jobtrail_core::Result<T>,
    set: impl FnOnce(&mut Store) -> jobtrail_core::Result<T>,
) -> Result<Option<T>, TestCaseError> {
    let before = get(store).map_err(|e| TestCaseError::fail(format!("read failed: {e}")))?;
    match set(store) {
        Ok(saved) => {
            let read = get(store).map_err(|e| TestCaseError::fail(format!("read failed: {e}")))?;
            prop_assert!(
                read == saved,
                "what was saved does not read back:\n  saved {saved:?}\n  read  {read:?}"
            );
            Ok(Some(saved))
        }
        Err(e) => {
            clear_error(&e)?;
            let read = get(store).map_err(|e| TestCaseError::fail(format!("read failed: {e}")))?;
            prop_assert!(
                read == before,
                "a refused value changed the stored one:\n  before {before:?}\n  after  {read:?}"
            );
            Ok(None)
        }
    }
}

fn url_like() -> BoxedStrategy<String> {
    prop_oneof![
        hostile_string(),
        (
            prop::sample::select(vec![
                "http://",
                "https://",
                "HTTP://",
                "ftp://",
                "http:/",
                "",
                " https://"
            ]),
            hostile_string(),
            prop::sample::select(vec!["", "/", "//", "/v1/", " ", "\u{0}"]),
        )
            .prop_map(|(a, b, c)| format!("{a}{b}{c}")),
        "https?://[a-z0-9.:-]{0,30}(/[a-z0-9]{0,8}){0,3}/{0,2}",
        (
            "https?://[a-z0-9.:-]{1,20}",
            prop::sample::select(vec![
                "\u{0}",
                "\u{1b}[31m",
                "\u{7f}",
                "\u{85}",
                "\u{9b}",
                "\u{1}"
            ]),
            "[a-z0-9/]{0,10}",
        )
            .prop_map(|(a, c, b)| format!("{a}{c}{b}")),
    ]
    .boxed()
}

#[test]
fn provider_settings_are_stored_exactly_or_refused_clearly() {
    let (_dir, store, _) = temp_store();
    let store = RefCell::new(store);
    let seed = ProviderSettings {
        provider: Some("seed".into()),
        base_url: Some("http://localhost:11434/v1".into()),
    };
    jobtrail_core::agent::config::set_provider(&mut store.borrow_mut(), seed).unwrap();
    let strategy = (
        prop::option::of(prop_oneof![
            hostile_string(),
            "[A-Za-z0-9._:-]{0,45}".boxed()
        ]),
        prop::option::of(url_like()),
    );
    check(256, strategy, |(provider, base_url)| {
        if let Some(raw) = &base_url {
            match jobtrail_core::agent::config::check_base_url(raw) {
                Ok(u) => {
                    prop_assert!(
                        u.starts_with("http://") || u.starts_with("https://"),
                        "{u:?}"
                    );
                    prop_assert!(!u.ends_with('/') && u.len() <= 2048, "{u:?}");
                    prop_assert!(
                        !u.chars().any(|c| c.is_whitespace() || c.is_control()),
                        "a base URL with spaces or control characters was accepted: {u:?}"
                    );
                    prop_assert_eq!(
                        jobtrail_core::agent::config::check_base_url(&u).ok(),
                        Some(u.clone())
                    );
                }
                Err(e) => clear_error(&e)?,
            }
        }
        let draft = ProviderSettings {
            provider: provider.clone(),
            base_url: base_url.clone(),
        };
        let saved = stored_or_refused(
            &mut store.borrow_mut(),
            jobtrail_core::agent::config::provider,
            |s| jobtrail_core::agent::config::set_provider(s, draft),
        )?;
        if let Some(saved) = saved {
            let typed = |v: &Option<String>| {
                v.as_deref()
                    .map(str::trim)
                    .filter(|v| !v.is_empty())
                    .map(str::to_owned)
            };
            prop_assert_eq!(
                saved.provider,
                typed(&provider).map(|p| p.to_ascii_lowercase())
            );
            prop_assert_eq!(
                saved.base_url,
                typed(&base_url).map(|u| u.trim_end_matches('/').to_owned())
            );
        }
        Ok(())
    });
}

#[test]
fn agent_settings_are_stored_exactly_or_refused_clearly() {
    let (_dir, store, _) = temp_store();
    let store = RefCell::new(store);
    let agent = prop_oneof![
        3 => prop::sample::select(jobtrail_core::agent::config::AGENTS.iter().map(|(a, _)| *a).collect::<Vec<_>>())
            .prop_map(str::to_owned),
        1 => hostile_string(),
    ];
    let draft = (
        prop::option::of(prop_oneof![hostile_string(), "[a-z0-9.:/-]{1,20}".boxed()]),
        prop::option::of(hostile_f64()),
        prop::option::of(hostile_i64()),
        prop::option::of(any::<bool>()),
    )
        .prop_map(
            |(model, temperature, max_tokens, enabled)| AgentConfigDraft {
                model,
                temperature,
                max_tokens,
                enabled,
            },
        );
    check(256, (agent, draft), |(agent, draft)| {
        let mut store = store.borrow_mut();
        let known = jobtrail_core::agent::config::AGENTS
            .iter()
            .any(|(a, _)| *a == agent);
        if !known {
            let e = jobtrail_core::agent::config::set_agent_config(&mut store, &agent, draft)
                .unwrap_err();
            clear_error(&e)?;
            prop_assert!(jobtrail_core::agent::config::agent_config(&store, &agent).is_err());
            return Ok(());
        }
        let expected = draft.clone();
        let saved = stored_or_refused(
            &mut store,
            |s| jobtrail_core::agent::config::agent_config(s, &agent),
            |s| jobtrail_core::agent::config::set_agent_config(s, &agent, draft),
        )?;
        if let Some(c) = saved {
            let model = expected
                .model
                .as_deref()
                .map(str::trim)
                .filter(|m| !m.is_empty());
            prop_assert_eq!(c.model.as_deref(), model);
            prop_assert_eq!(c.temperature, expected.temperature.map(|t| t as f32));
            prop_assert!(c.temperature.is_none_or(|t| (0.0..=2.0).contains(&t)));
            prop_assert_eq!(c.max_tokens.map(i64::from), expected.max_tokens);
            prop_assert_eq!(c.enabled, expected.enabled.unwrap_or(true));
        }
        Ok(())
    });
}

fn budgets_strategy() -> impl Strategy<Value = Budgets> {
    (
        prop::option::of(hostile_money()),
        prop::option::of(hostile_money()),
        prop::collection::btree_map(
            prop_oneof![hostile_string(), Just("email-analyst".to_owned())],
            hostile_money(),
            0..3,
        ),
        any::<bool>(),
    )
        .prop_map(|(daily, monthly, agents, hard)| Budgets {
            daily_budget: daily,
            monthly_budget: monthly,
            agent_daily_budgets: agents,
            hard_limit: hard,
        })
}

#[test]
fn budgets_are_stored_exactly_or_refused_clearly() {
    let (_dir, store, _) = temp_store();
    let store = RefCell::new(store);
    let seed = Budgets {
        daily_budget: Some("2.50".parse().unwrap()),
        ..Budgets::default()
    };
    budget::set_budgets(&mut store.borrow_mut(), seed).unwrap();
    check(256, budgets_strategy(), |b| {
        let expected = b.clone();
        let saved = stored_or_refused(
            &mut store.borrow_mut(),
            jobtrail_core::cost::budget::stored_budgets,
            |s| budget::set_budgets(s, b),
        )?;
        if let Some(saved) = saved {
            prop_assert_eq!(saved.daily_budget, expected.daily_budget);
            prop_assert_eq!(saved.monthly_budget, expected.monthly_budget);
            prop_assert_eq!(saved.hard_limit, expected.hard_limit);
            prop_assert_eq!(saved.agent_daily_budgets, expected.agent_daily_budgets);
        }
        Ok(())
    });
}

#[test]
fn monitoring_failsafe_alert_and_notification_settings_are_stored_exactly_or_refused() {
    let (_dir, store, _) = temp_store();
    let store = RefCell::new(store);
    let monitoring =
        (any::<bool>(), any::<bool>(), hostile_i64()).prop_map(|(m, c, h)| MonitoringConfig {
            monitoring_enabled: m,
            cost_tracking_enabled: c,
            metrics_retention_hours: h,
        });
    let failsafe = (
        prop_oneof![any::<u32>(), 0u32..12],
        hostile_f64(),
        prop_oneof![any::<u32>(), 0u32..102],
    )
        .prop_map(|(r, m, t)| FailsafeConfig {
            max_retries: r,
            retry_backoff_multiplier: m,
            circuit_breaker_threshold: t,
        });
    let alerts = (
        prop::option::of(hostile_f64()),
        prop::option::of(hostile_f64()),
        prop::option::of(hostile_f64()),
        prop::option::of(hostile_money()),
        hostile_f64(),
        hostile_i64(),
    )
        .prop_map(|(e, a, p, c, h, n)| AlertThresholds {
            max_error_rate: e,
            max_avg_execution_time: a,
            max_p95_execution_time: p,
            max_avg_cost: c,
            period_hours: h,
            min_executions: n,
        });
    let notifications = any::<[bool; 5]>().prop_map(|[b, p, u, e, j]| NotificationSettings {
        budget: b,
        performance: p,
        unpriced: u,
        escalations: e,
        job_mail: j,
    });
    check(
        256,
        (monitoring, failsafe, alerts, notifications),
        |(m, f, a, n)| {
            let mut store = store.borrow_mut();
            if let Some(saved) =
                stored_or_refused(&mut store, jobtrail_core::ledger::config::load, |s| {
                    jobtrail_core::ledger::config::save(s, m)
                })?
            {
                // The environment may decide the flags; the retention is ours.
                prop_assert!(saved.validated().is_ok());
            }
            if let Some(saved) =
                stored_or_refused(&mut store, jobtrail_core::failsafe::config::load, |s| {
                    jobtrail_core::failsafe::config::save(s, f)
                })?
            {
                prop_assert!(saved.validated().is_ok());
            }
            if let Some(saved) = stored_or_refused(
                &mut store,
                jobtrail_core::monitor::alerts::alert_thresholds,
                |s| jobtrail_core::monitor::alerts::set_alert_thresholds(s, a.clone()),
            )? {
                prop_assert_eq!(saved, a, "the thresholds are stored as given");
            }
            let saved = stored_or_refused(&mut store, jobtrail_core::notices::settings, |s| {
                jobtrail_core::notices::set_settings(s, n)
            })?;
            prop_assert_eq!(saved, Some(n));
            Ok(())
        },
    );
}

/// A hand-edited or older database: whatever text a setting holds, reading it gives a
/// valid value (the default when unreadable), never an error or a panic.
#[test]
fn garbage_in_the_settings_table_reads_as_valid_settings() {
    let (_dir, store, _) = temp_store();
    let store = RefCell::new(store);
    let keys = vec![
        "llm.provider",
        "monitoring.alert_thresholds",
        "cost.budgets",
        "monitoring.config",
        "failsafe.config",
        "notifications.config",
    ];
    let value = prop_oneof![
        hostile_string(),
        hostile_json().prop_map(|v| v.to_string()),
        Just(r#"{"maxRetries": 1e9, "retryBackoffMultiplier": "NaN"}"#.to_owned()),
        Just(r#"{"dailyBudget": -5, "hardLimit": "yes"}"#.to_owned()),
        Just(r#"{"metricsRetentionHours": -1}"#.to_owned()),
        Just(r#"{"periodHours": 0, "minExecutions": 0}"#.to_owned()),
        Just(r#"{"baseUrl": "ftp://x", "provider": "a b"}"#.to_owned()),
    ];
    check(128, (prop::sample::select(keys), value), |(key, value)| {
        let store = store.borrow_mut();
        store
            .conn()
            .execute(
                "INSERT INTO settings (key, value, updated_at) VALUES (?1, ?2, 0)
                 ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                [key, value.as_str()],
            )
            .unwrap();
        let fail = |e: Error| TestCaseError::fail(format!("{key}: {e}"));
        jobtrail_core::agent::config::provider(&store)
            .map_err(fail)?
            .validated()
            .map_err(fail)?;
        jobtrail_core::cost::budget::stored_budgets(&store)
            .map_err(fail)?
            .validated()
            .map_err(fail)?;
        jobtrail_core::ledger::config::load(&store)
            .map_err(fail)?
            .validated()
            .map_err(fail)?;
        jobtrail_core::failsafe::config::load(&store)
            .map_err(fail)?
            .validated()
            .map_err(fail)?;
        jobtrail_core::monitor::alerts::alert_thresholds(&store)
            .map_err(fail)?
            .validated()
            .map_err(fail)?;
        jobtrail_core::notices::settings(&store).map_err(fail)?;
        Ok(())
    });
}

/// The variables the environment-derived settings read.
const ENV_VARS: &[&str] = &[
    "MONITORING_ENABLED",
    "COST_TRACKING_ENABLED",
    "METRICS_RETENTION_HOURS",
    "DAILY_BUDGET",
    "MAX_RETRIES",
    "RETRY_BACKOFF_MULTIPLIER",
    "CIRCUIT_BREAKER_THRESHOLD",
];
const ENV_CHILD: &str = "JOBTRAIL_HOSTILE_ENV_CHILD";

/// Environment values: hostile strings (no NUL: the OS cannot hold one), numbers
/// around the limits, and bytes that are not UTF-8.
fn env_value() -> impl Strategy<Value = Option<std::ffi::OsString>> {
    use std::os::unix::ffi::OsStringExt;
    prop::option::of(prop_oneof![
        3 => prop::sample::select(vec![
            "", " ", "true", " TRUE ", "yes", "off", "0", "1", "2", "3", " 10 ", "11", "-1", "1.5",
            "2e0", "+3", "NaN", "inf", "-inf", "1e309", "0x10", "168", "87840", "87841", "0.5",
            "$2.50", "1000000", "1000000.000000001", "0.0000000001", "-0", "٣",
        ])
        .prop_map(std::ffi::OsString::from),
        2 => hostile_string().prop_map(|s| std::ffi::OsString::from(s.replace('\0', ""))),
        1 => prop::collection::vec(any::<u8>().prop_filter("no NUL", |b| *b != 0), 1..12)
            .prop_map(std::ffi::OsString::from_vec),
    ])
}

/// The environment-derived settings under hostile values. The workspace forbids
/// `unsafe`, so `std::env::set_var` is out: each case runs [`env_child`] in a child
/// process with the variables set, where it checks the settings in effect.
#[test]
fn env_values_are_used_when_valid_and_otherwise_ignored() {
    let exe = std::env::current_exe().unwrap();
    check(
        24,
        prop::collection::vec(env_value(), ENV_VARS.len()),
        |values| {
            let mut cmd = std::process::Command::new(&exe);
            cmd.args([
                "hostile::settings_input::env_child",
                "--exact",
                "--ignored",
                "--nocapture",
                "--test-threads=1",
            ])
            .env(ENV_CHILD, "1");
            for (name, value) in ENV_VARS.iter().zip(&values) {
                match value {
                    Some(v) => cmd.env(name, v),
                    None => cmd.env_remove(name),
                };
            }
            let out = cmd
                .output()
                .map_err(|e| TestCaseError::fail(e.to_string()))?;
            let stdout = String::from_utf8_lossy(&out.stdout);
            prop_assert!(
                out.status.success() && stdout.contains("1 passed"),
                "child failed:\n{stdout}\n{}",
                String::from_utf8_lossy(&out.stderr)
            );
            Ok(())
        },
    );
}

/// Run by [`env_values_are_used_when_valid_and_otherwise_ignored`] in a child process.
#[test]
#[ignore = "run in a child process with its environment set"]
fn env_child() {
    if std::env::var_os(ENV_CHILD).is_none() {
        return;
    }
    use jobtrail_core::failsafe::{MAX_RETRIES_LIMIT, MAX_THRESHOLD, MULTIPLIER_RANGE};
    use jobtrail_core::logging::parse_bool;
    // The documented rules, written out: a valid value is used, anything else ignored.
    let raw = |n: &str| std::env::var(n).ok().filter(|v| !v.trim().is_empty());
    let boolean = |n: &str| raw(n).and_then(|v| parse_bool(&v));
    let number = |n: &str, lo: f64, hi: f64, whole: bool| {
        raw(n)
            .and_then(|v| v.trim().parse::<f64>().ok())
            .filter(|v| v.is_finite() && (lo..=hi).contains(v) && (!whole || v.fract() == 0.0))
    };
    let hours = raw("METRICS_RETENTION_HOURS")
        .and_then(|v| v.trim().parse::<i64>().ok())
        .filter(|h| (1..=10 * 366 * 24).contains(h));
    let max_budget: Money = "1000000".parse().unwrap();
    let daily = raw("DAILY_BUDGET")
        .and_then(|v| v.parse::<Money>().ok())
        .filter(|m| *m > Money::ZERO && *m <= max_budget);
    let defaults = (MonitoringConfig::default(), FailsafeConfig::default());
    let monitoring = MonitoringConfig {
        monitoring_enabled: boolean("MONITORING_ENABLED").unwrap_or(defaults.0.monitoring_enabled),
        cost_tracking_enabled: boolean("COST_TRACKING_ENABLED")
            .unwrap_or(defaults.0.cost_tracking_enabled),
        metrics_retention_hours: hours.unwrap_or(defaults.0.metrics_retention_hours),
    };
    let retries = number("MAX_RETRIES", 0.0, f64::from(MAX_RETRIES_LIMIT), true);
    let multiplier = number(
        "RETRY_BACKOFF_MULTIPLIER",
        *MULTIPLIER_RANGE.start(),
        *MULTIPLIER_RANGE.end(),
        false,
    );
    let threshold = number(
        "CIRCUIT_BREAKER_THRESHOLD",
        1.0,
        f64::from(MAX_THRESHOLD),
        true,
    );
    let failsafe = FailsafeConfig {
        max_retries: retries.map_or(defaults.1.max_retries, |v| v as u32),
        retry_backoff_multiplier: multiplier.unwrap_or(defaults.1.retry_backoff_multiplier),
        circuit_breaker_threshold: threshold
            .map_or(defaults.1.circuit_breaker_threshold, |v| v as u32),
    };

    assert_eq!(
        settings::env_bool("MONITORING_ENABLED"),
        boolean("MONITORING_ENABLED")
    );
    assert_eq!(MonitoringConfig::default().with_env(), monitoring);
    assert_eq!(FailsafeConfig::default().with_env(), failsafe);
    assert_eq!(budget::daily_budget_from_env(), daily);
    // Through the store too: stored values under the environment's.
    let (_dir, mut store, _) = temp_store();
    assert_eq!(
        jobtrail_core::ledger::config::load(&store).unwrap(),
        monitoring
    );
    assert!(
        jobtrail_core::ledger::config::load(&store)
            .unwrap()
            .validated()
            .is_ok()
    );
    assert_eq!(
        jobtrail_core::failsafe::config::load(&store).unwrap(),
        failsafe
    );
    assert!(
        jobtrail_core::failsafe::config::load(&store)
            .unwrap()
            .validated()
            .is_ok()
    );
    assert_eq!(budget::budgets(&store).unwrap().daily_budget, daily);
    // Ok, or (cost tracking off) a clear error.
    if let Err(e) = budget::check_budget_status(&mut store) {
        assert!(matches!(e, Error::Invalid { .. }), "{e:?}");
    }
    // The overrides listed are exactly the variables holding a valid value.
    let listed: Vec<String> = jobtrail_core::service::settings::env_overrides()
        .into_iter()
        .map(|o| o.variable)
        .filter(|v| ENV_VARS.contains(&v.as_str()))
        .collect();
    let valid = [
        boolean("MONITORING_ENABLED").is_some(),
        boolean("COST_TRACKING_ENABLED").is_some(),
        hours.is_some(),
        daily.is_some(),
        retries.is_some(),
        multiplier.is_some(),
        threshold.is_some(),
    ];
    let expected: Vec<String> = ENV_VARS
        .iter()
        .zip(valid)
        .filter(|(_, ok)| *ok)
        .map(|(v, _)| (*v).to_owned())
        .collect();
    assert_eq!(listed, expected);
}

#[test]
fn parse_bool_accepts_only_the_documented_words() {
    check(
        256,
        prop_oneof![
            hostile_string(),
            "[ ]?(?i:true|false|yes|no|on|off|1|0)[ ]?".boxed()
        ],
        |s| {
            let words = ["true", "1", "yes", "on", "false", "0", "no", "off"];
            let lower = s.trim().to_ascii_lowercase();
            let expected = words.iter().position(|w| *w == lower).map(|i| i < 4);
            prop_assert_eq!(jobtrail_core::logging::parse_bool(&s), expected);
            Ok(())
        },
    );
}

/// A hand-edited agent row: values no form accepts are ignored on read (the
/// provider's default applies) instead of reaching a request as `inf` or a wrapped
/// integer.
#[test]
fn out_of_range_agent_settings_in_the_table_are_ignored() {
    let (_dir, store, _) = temp_store();
    for (temperature, max_tokens) in [
        (1e300, -5_i64),
        (-0.5, 0),
        (f64::NAN, 1 << 40),
        (2.5, 200_001),
    ] {
        store
            .conn()
            .execute(
                "INSERT INTO agent_configs (agent, model, temperature, max_tokens, enabled, updated_at)
                 VALUES ('job-match', 'gpt-4o', ?1, ?2, 1, 0)
                 ON CONFLICT (agent) DO UPDATE SET temperature = excluded.temperature,
                     max_tokens = excluded.max_tokens",
                rusqlite::params![temperature, max_tokens],
            )
            .unwrap();
        let c = jobtrail_core::agent::config::agent_config(&store, "job-match").unwrap();
        assert_eq!(
            (c.temperature, c.max_tokens),
            (None, None),
            "{temperature} {max_tokens}"
        );
        assert_eq!(c.model.as_deref(), Some("gpt-4o"), "the valid fields stay");
    }
}
