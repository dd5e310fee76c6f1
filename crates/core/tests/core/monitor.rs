//! Aggregates from rollups equal the same sums taken over the raw rows.

use jobtrail_core::Store;
use jobtrail_core::cost::Money;
use jobtrail_core::monitor;
use jobtrail_core::rollup;
use jobtrail_core::tracker::Error;
use rusqlite::params;

use crate::temp_store;

#[derive(Debug, Clone)]
struct Row {
    agent: &'static str,
    started_at: i64,
    duration_us: i64,
    success: bool,
    tokens: [i64; 4],
    cost_nanos: i64,
    tool_calls: i64,
}

/// A small deterministic generator (no dependency for one test).
struct Lcg(u64);
impl Lcg {
    fn next(&mut self, n: u64) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (self.0 >> 33) % n
    }
}

fn insert(store: &Store, rows: &[Row]) {
    let c = store.conn();
    for r in rows {
        c.execute(
            "INSERT INTO executions (request_id, agent, engine, started_at, ended_at, duration_us, success,
                input_tokens, cached_input_tokens, output_tokens, reasoning_tokens, llm_calls, tool_calls,
                cost_nanos)
             VALUES (lower(hex(randomblob(8))), ?1, 'llm', ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, 1, ?10, ?11)",
            params![
                r.agent,
                r.started_at,
                r.started_at + r.duration_us / 1000,
                r.duration_us,
                r.success,
                r.tokens[0],
                r.tokens[1],
                r.tokens[2],
                r.tokens[3],
                r.tool_calls,
                r.cost_nanos
            ],
        )
        .unwrap();
    }
}

fn generate(rng: &mut Lcg, now: i64, n: usize) -> Vec<Row> {
    let agents = ["email-analyst", "job-match", "follow-up"];
    (0..n)
        .map(|_| Row {
            agent: agents[rng.next(3) as usize],
            started_at: now - rng.next(10 * 24 * 3_600_000) as i64,
            duration_us: 1_000 + rng.next(5_000_000) as i64,
            success: rng.next(10) != 0,
            tokens: [
                rng.next(2000) as i64,
                rng.next(500) as i64,
                rng.next(300) as i64,
                rng.next(100) as i64,
            ],
            cost_nanos: rng.next(2_000_000) as i64,
            tool_calls: rng.next(3) as i64,
        })
        .collect()
}

fn check(store: &mut Store, rows: &[Row], agent: &str, hours: f64) {
    let m = monitor::get_aggregated_metrics(store, agent, hours).unwrap();
    let mine: Vec<&Row> = rows
        .iter()
        .filter(|r| {
            r.agent == agent && r.started_at >= m.period_start && r.started_at < m.period_end
        })
        .collect();
    let n = mine.len() as i64;
    assert_eq!(m.total_executions, n, "{agent} {hours}h");
    assert_eq!(
        m.successful_executions,
        mine.iter().filter(|r| r.success).count() as i64
    );
    let tokens: i64 = mine.iter().map(|r| r.tokens.iter().sum::<i64>()).sum();
    assert_eq!(m.total_tokens, tokens);
    assert_eq!(
        m.cached_input_tokens,
        mine.iter().map(|r| r.tokens[1]).sum::<i64>()
    );
    assert_eq!(
        m.total_cost,
        Money::from_nanos(mine.iter().map(|r| r.cost_nanos).sum())
    );
    assert_eq!(
        m.total_tool_calls,
        mine.iter().map(|r| r.tool_calls).sum::<i64>()
    );
    let mut d: Vec<i64> = mine.iter().map(|r| r.duration_us).collect();
    d.sort_unstable();
    if let Some(&max) = d.last() {
        assert_eq!(m.max_execution_time, max as f64 / 1e6);
        let sum: i64 = d.iter().sum();
        assert!((m.avg_execution_time - sum as f64 / n as f64 / 1e6).abs() < 1e-9);
        for (q, got) in [
            (0.5, m.p50_execution_time),
            (0.95, m.p95_execution_time),
            (0.99, m.p99_execution_time),
        ] {
            let exact = d[((q * n as f64).ceil() as usize).max(1) - 1] as f64 / 1e6;
            assert!(
                (got - exact).abs() / exact < 0.05,
                "{agent} {hours}h p{q}: {got} vs {exact}"
            );
        }
        assert!((m.error_rate + m.success_rate - 100.0).abs() < 1e-9);
    }
}

#[test]
fn aggregates_from_rollups_equal_sums_over_raw_rows() {
    let (_dir, mut store, clock) = temp_store();
    let now = store.now_ms();
    let mut rng = Lcg(7);
    let mut rows = generate(&mut rng, now, 3_000);
    insert(&store, &rows);
    for agent in ["email-analyst", "job-match", "follow-up"] {
        for hours in [1.0, 24.0, 168.0, 0.25, 30.5] {
            check(&mut store, &rows, agent, hours);
        }
    }
    // New runs after a query are folded in by the next one.
    clock.advance(90 * 60_000);
    let now = store.now_ms();
    let more = generate(&mut rng, now, 500);
    insert(&store, &more);
    rows.extend(more);
    check(&mut store, &rows, "job-match", 24.0);
    let summary = monitor::get_all_agents_summary(&mut store, 168.0).unwrap();
    let total: i64 = summary.agents.iter().map(|a| a.total_executions).sum();
    assert_eq!(summary.overall.total_executions, total);
    assert_eq!(summary.agents.len(), 3);
    assert!(
        summary
            .agents
            .windows(2)
            .all(|w| w[0].total_executions >= w[1].total_executions)
    );
    assert_eq!(
        rollup::catch_up(&mut store).unwrap(),
        0,
        "nothing left to fold"
    );

    let none = monitor::get_aggregated_metrics(&mut store, "nobody", 24.0).unwrap();
    assert_eq!((none.total_executions, none.success_rate), (0, 0.0));
    for bad in [0.0, -1.0, f64::NAN, f64::INFINITY, 1e9] {
        assert!(matches!(
            monitor::get_aggregated_metrics(&mut store, "job-match", bad),
            Err(Error::Invalid {
                field: "periodHours",
                ..
            })
        ));
    }
}

#[test]
fn the_dashboard_compares_periods_and_its_series_add_up_to_the_raw_rows() {
    let (_dir, mut store, _clock) = temp_store();
    let now = store.now_ms();
    let rows = generate(&mut Lcg(11), now, 4_000);
    insert(&store, &rows);
    for (agent, hours, bucket) in [
        (None, 24.0, 60_000),
        (Some("job-match"), 1.0, 60_000),
        (None, 168.0, 60_000),
        (Some("follow-up"), 200.0, 3_600_000),
    ] {
        let d = monitor::dashboard(&mut store, agent, hours).unwrap();
        let within = |from: i64, to: i64| -> Vec<&Row> {
            rows.iter()
                .filter(|r| agent.is_none_or(|a| r.agent == a))
                .filter(|r| r.started_at >= from && r.started_at < to)
                .collect()
        };
        let (from, to) = (d.current.period_start, d.current.period_end);
        let mine = within(from, to);
        assert_eq!(d.current.agent_name, agent.unwrap_or("*"));
        assert_eq!(
            d.current.total_executions,
            mine.len() as i64,
            "{agent:?} {hours}"
        );
        assert_eq!(d.previous.period_end, from);
        assert_eq!(d.previous.period_start, from - (to - from));
        let earlier = within(d.previous.period_start, from);
        assert_eq!(d.previous.total_executions, earlier.len() as i64);
        assert_eq!(
            d.previous.total_cost,
            Money::from_nanos(earlier.iter().map(|r| r.cost_nanos).sum())
        );

        // Series: the bucket width for the period; buckets hold the period's runs
        // (the first bucket may start before the period at hour resolution).
        assert_eq!(d.series.bucket_ms, bucket);
        assert!(d.series.points.windows(2).all(|w| w[0].t < w[1].t));
        let series_from = from.div_euclid(bucket) * bucket;
        let in_series = within(series_from, to);
        assert_eq!(
            d.series.points.iter().map(|p| p.executions).sum::<i64>(),
            in_series.len() as i64
        );
        assert_eq!(
            d.series.points.iter().map(|p| p.failures).sum::<i64>(),
            in_series.iter().filter(|r| !r.success).count() as i64
        );
        assert_eq!(
            d.series.points.iter().map(|p| p.cost).sum::<Money>(),
            Money::from_nanos(in_series.iter().map(|r| r.cost_nanos).sum())
        );
        let first = &d.series.points[0];
        let runs: Vec<&&Row> = in_series
            .iter()
            .filter(|r| r.started_at.div_euclid(bucket) * bucket == first.t)
            .collect();
        let avg = runs.iter().map(|r| r.duration_us).sum::<i64>() as f64 / runs.len() as f64 / 1e6;
        assert!((first.avg_execution_time - avg).abs() < 1e-9);

        // Every run of the period is in one bar of the distribution.
        assert_eq!(
            d.durations.iter().map(|b| b.count).sum::<i64>(),
            mine.len() as i64
        );
        let longest = mine.iter().map(|r| r.duration_us).max().unwrap() as f64 / 1e6;
        assert!(d.durations.last().unwrap().upper >= longest);
    }
    assert!(matches!(
        monitor::dashboard(&mut store, None, 0.0),
        Err(Error::Invalid {
            field: "periodHours",
            ..
        })
    ));
    let empty = monitor::dashboard(&mut store, Some("nobody"), 24.0).unwrap();
    assert!(empty.series.points.is_empty() && empty.durations.is_empty());
}

#[test]
fn raw_metrics_are_newest_first_and_bounded() {
    let (_dir, store, _) = temp_store();
    let now = store.now_ms();
    let rows = generate(&mut Lcg(3), now, 50);
    insert(&store, &rows);
    let raw = monitor::raw_metrics(&store, Some("job-match"), 5).unwrap();
    assert!(raw.len() <= 5 && raw.iter().all(|r| r.agent_name == "job-match"));
    assert!(
        raw.windows(2)
            .all(|w| w[0].execution_id > w[1].execution_id)
    );
    assert_eq!(monitor::raw_metrics(&store, None, 100).unwrap().len(), 50);
    for bad in [0, -1, 10_001] {
        assert!(matches!(
            monitor::raw_metrics(&store, None, bad),
            Err(Error::Invalid { field: "limit", .. })
        ));
    }
}

#[test]
fn alerts_open_once_persist_and_clear_as_episodes() {
    use jobtrail_core::monitor::{AlertThresholds, Severity, get_performance_alerts, list_alerts};
    let (_dir, mut store, clock) = temp_store();
    let now = store.now_ms();
    let failing: Vec<Row> = (0..10)
        .map(|i| Row {
            agent: "email-analyst",
            started_at: now - 60_000 * (i + 1),
            duration_us: 2_000_000,
            success: i % 2 == 0,
            tokens: [100, 0, 10, 0],
            cost_nanos: 1_000,
            tool_calls: 0,
        })
        .collect();
    insert(&store, &failing);
    let t = AlertThresholds::default();
    let alerts = get_performance_alerts(&mut store, &t).unwrap();
    assert_eq!(alerts.len(), 1, "{alerts:?}");
    let a = &alerts[0];
    assert_eq!(
        (a.kind.as_str(), a.severity),
        ("error_rate", Severity::Critical),
        "50 % ≥ 2 × 10 %"
    );
    assert!(a.message.contains("50.0 %"), "{}", a.message);

    clock.advance(10 * 60_000);
    let again = get_performance_alerts(&mut store, &t).unwrap();
    assert_eq!(again[0].id, a.id, "a persisting condition stays one alert");
    assert!(again[0].updated_at > a.updated_at);

    // An hour later the window holds no failures: the alert ends.
    clock.advance(2 * 3_600_000);
    assert!(get_performance_alerts(&mut store, &t).unwrap().is_empty());
    let history = list_alerts(&store, false, 10).unwrap();
    assert_eq!(history.len(), 1);
    assert!(history[0].ended_at.is_some());

    // A call to a model without a price is always worth an alert.
    let now = store.now_ms();
    store
        .conn()
        .execute(
            "INSERT INTO executions (request_id, agent, engine, started_at, ended_at, duration_us, success,
                llm_calls, unpriced_calls)
             VALUES ('r-unpriced', 'job-match', 'llm', ?1, ?1, 1000, 1, 1, 1)",
            [now - 1000],
        )
        .unwrap();
    let alerts = get_performance_alerts(&mut store, &t).unwrap();
    assert_eq!(alerts.len(), 1);
    assert_eq!(alerts[0].kind, "unpriced_model");

    let bad = AlertThresholds {
        max_error_rate: Some(f64::NAN),
        ..AlertThresholds::default()
    };
    assert!(matches!(
        get_performance_alerts(&mut store, &bad),
        Err(Error::Invalid {
            field: "maxErrorRate",
            ..
        })
    ));
    let bad = AlertThresholds {
        period_hours: -1.0,
        ..AlertThresholds::default()
    };
    assert!(get_performance_alerts(&mut store, &bad).is_err());
}

#[test]
fn turned_off_monitoring_and_cost_tracking_say_so_and_runs_are_still_recorded() {
    use jobtrail_core::cost;
    use jobtrail_core::ledger::MonitoringConfig;
    let (_dir, mut store, _) = temp_store();
    let on = jobtrail_core::ledger::config::load(&store).unwrap();
    jobtrail_core::ledger::config::save(
        &mut store,
        MonitoringConfig {
            monitoring_enabled: false,
            cost_tracking_enabled: false,
            ..on
        },
    )
    .unwrap();
    let u = cost::track_usage(&mut store, "A", "gpt-4o", 1000, 100, 0, 0).unwrap();
    let (cost_nanos, unpriced): (i64, i64) = store
        .conn()
        .query_row(
            "SELECT cost_nanos, unpriced_calls FROM executions WHERE id = ?1",
            [u.execution_id],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    assert_eq!(
        (cost_nanos, unpriced),
        (0, 0),
        "nothing priced while cost tracking is off"
    );
    assert!(matches!(
        monitor::get_all_agents_summary(&mut store, 24.0),
        Err(Error::Invalid {
            field: "monitoring",
            ..
        })
    ));
    assert!(matches!(
        cost::summary::summary(&mut store, None, 24.0),
        Err(Error::Invalid {
            field: "costTracking",
            ..
        })
    ));
    assert!(matches!(
        jobtrail_core::ledger::config::save(
            &mut store,
            MonitoringConfig {
                metrics_retention_hours: 0,
                ..on
            }
        ),
        Err(Error::Invalid {
            field: "metricsRetentionHours",
            ..
        })
    ));
}

#[test]
fn pruning_keeps_runs_that_are_provenance_and_history_in_rollups() {
    use jobtrail_core::monitor::{health, maintenance};
    let (_dir, mut store, clock) = temp_store();
    let now = store.now_ms();
    let old: Vec<Row> = (0..30)
        .map(|i| Row {
            agent: "job-match",
            started_at: now - 10 * 24 * 3_600_000 + i * 1000,
            duration_us: 5_000,
            success: true,
            tokens: [10, 0, 5, 0],
            cost_nanos: 100,
            tool_calls: 0,
        })
        .collect();
    insert(&store, &old);
    // One old run is an application's provenance.
    store
        .conn()
        .execute_batch(
            "INSERT INTO applications (company, role, status, created_at, updated_at) VALUES ('Acme', 'Dev', 'applied', 0, 0);
             INSERT INTO status_changes (application_id, to_status, at, origin, execution_id) VALUES (1, 'applied', 0, 'agent', 1);",
        )
        .unwrap();
    let before = monitor::get_aggregated_metrics(&mut store, "job-match", 24.0 * 30.0).unwrap();
    let report = maintenance::run_maintenance(&mut store).unwrap();
    assert!(report.failures.is_empty(), "{report:?}");
    assert_eq!(
        report.pruned.unwrap().executions,
        29,
        "all but the provenance run"
    );
    let left: i64 = store
        .conn()
        .query_row("SELECT count(*) FROM executions", [], |r| r.get(0))
        .unwrap();
    assert_eq!(left, 1);
    let after = monitor::get_aggregated_metrics(&mut store, "job-match", 24.0 * 30.0).unwrap();
    assert_eq!(
        after.total_executions, before.total_executions,
        "history survives in the rollups"
    );
    assert_eq!(after.total_cost, before.total_cost);

    clock.advance(60_000);
    let h = health::health(&store).unwrap();
    assert_eq!(h.status, "healthy");
    assert_eq!((h.rows.executions, h.pending_rollup), (1, 0));
    assert!(h.last_prune.is_some() && h.store_bytes > 0);
    assert!(
        h.tasks
            .iter()
            .any(|t| t.task == "prune" && t.last_ok.is_some())
    );
}

/// The app's pass: a backlog bigger than a batch (new runs to fold, old ones to prune)
/// is worked off with the store's lock taken per batch, to the same end state as the
/// single-owner pass.
#[test]
fn the_shared_pass_works_off_a_large_backlog_in_batches() {
    use jobtrail_core::monitor::maintenance;
    let (_dir, store, _) = temp_store();
    let now = store.now_ms();
    let rows: Vec<Row> = (0..45_000)
        .map(|i| Row {
            agent: "job-match",
            // Two thirds past the week's retention, a third within it.
            started_at: now - 21 * 24 * 3_600_000 + i * 40_000,
            duration_us: 5_000,
            success: true,
            tokens: [10, 0, 5, 0],
            cost_nanos: 100,
            tool_calls: 0,
        })
        .collect();
    insert(&store, &rows);
    let within = rows
        .iter()
        .filter(|r| r.started_at >= now - 7 * 24 * 3_600_000)
        .count() as i64;
    let store = std::sync::Mutex::new(store);
    let report = maintenance::run_maintenance_shared(&store).unwrap();
    assert!(report.failures.is_empty(), "{report:?}");
    assert_eq!(
        report.rolled_up, 45_000,
        "folded batch by batch, and counted"
    );
    let mut s = store.lock().unwrap();
    let left: i64 = s
        .conn()
        .query_row("SELECT count(*) FROM executions", [], |r| r.get(0))
        .unwrap();
    assert_eq!(left, within, "exactly the runs past the retention are gone");
    assert_eq!(
        report.pruned.unwrap().executions as i64,
        45_000 - within,
        "the report counts the batches"
    );
    let all = monitor::get_aggregated_metrics(&mut s, "job-match", 24.0 * 30.0).unwrap();
    assert_eq!(
        all.total_executions, 45_000,
        "history survives in the rollups"
    );
}

#[test]
fn exports_follow_their_schema_in_json_and_csv() {
    use jobtrail_core::cost;
    use jobtrail_core::service::export::{self, Format};
    let (_dir, mut store, _) = temp_store();
    cost::track_usage(&mut store, "email-analyst", "gpt-4o-mini", 1000, 500, 0, 0).unwrap();
    cost::track_usage(&mut store, "=cmd|' /C calc'!A0", "gpt-4o", 10, 10, 0, 0).unwrap();
    let mut json = Vec::new();
    let n = export::export_metrics(&mut store, None, 24.0, Format::Json, &mut json).unwrap();
    assert_eq!(n, 2);
    let v: serde_json::Value = serde_json::from_slice(&json).unwrap();
    assert_eq!(
        (v["schema"].as_str(), v["version"].as_u64()),
        (Some("jobtrail.metrics-export"), Some(1))
    );
    assert_eq!(v["overall"]["totalExecutions"], 2);
    assert_eq!(v["executions"].as_array().unwrap().len(), 2);

    let mut csv = Vec::new();
    export::export_metrics(
        &mut store,
        Some("email-analyst"),
        24.0,
        Format::Csv,
        &mut csv,
    )
    .unwrap();
    let text = String::from_utf8(csv).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 2, "{text}");
    assert!(lines[0].starts_with("execution_id,request_id,agent"));
    assert!(
        lines[1].contains(",0.000450000,"),
        "exact dollars: {}",
        lines[1]
    );

    let mut costs_csv = Vec::new();
    export::export_costs(&mut store, 24.0, Format::Csv, &mut costs_csv).unwrap();
    let text = String::from_utf8(costs_csv).unwrap();
    assert!(
        text.contains("'=cmd"),
        "a formula in a name is defused: {text}"
    );
    let mut costs_json = Vec::new();
    export::export_costs(&mut store, 24.0, Format::Json, &mut costs_json).unwrap();
    let v: serde_json::Value = serde_json::from_slice(&costs_json).unwrap();
    assert_eq!(v["schema"], "jobtrail.costs-export");
    assert!(v["prices"].as_array().unwrap().len() >= 12);
    assert!(v["total"]["totalCost"].as_f64().unwrap() > 0.0);
}
