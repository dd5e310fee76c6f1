//! What the monitoring dashboard draws beyond the summaries: the period against the
//! one before it, runs and spend over time, and how run times spread. All from the
//! rollups, so a week over a million runs costs what an hour does.

use rusqlite::params;
use serde::{Deserialize, Serialize};

use super::metrics::{AggregatedMetrics, check_period};
use crate::clock::Timestamp;
use crate::error::Result;
use crate::money::Money;
use crate::rollup::{self, LEVELS, Totals};
use crate::store::Store;

/// Periods up to a week are drawn per minute (at most 10,080 points), longer ones
/// per hour (at most 9,600 for the longest period, 400 days).
const MINUTES_UP_TO_HOURS: f64 = 168.0;

/// Fine histogram bins per drawn bar: 7 bins of ×1.1 make each bar about ×2 wider
/// than the last (1 ms, 2 ms, 4 ms, …).
const BAR_BINS: usize = 7;

/// One time bucket with runs in it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct SeriesPoint {
    /// Start of the bucket, ms UTC.
    pub t: Timestamp,
    /// Runs.
    pub executions: i64,
    /// Of which failed.
    pub failures: i64,
    /// Spend on priced calls.
    pub cost: Money,
    /// All tokens.
    pub tokens: i64,
    /// Mean run time, seconds.
    pub avg_execution_time: f64,
}

/// Runs over time: buckets with runs in them, oldest first (a bucket that is not
/// listed had none).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct Series {
    /// Bucket width, ms (60,000 or 3,600,000).
    pub bucket_ms: i64,
    /// The buckets.
    pub points: Vec<SeriesPoint>,
}

/// One bar of the run-time distribution.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct DurationBar {
    /// Runs shorter than this many seconds (and at least as long as the bar before).
    pub upper: f64,
    /// How many.
    pub count: i64,
}

/// The dashboard's figures for one agent or all, over the last `periodHours`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct Dashboard {
    /// This period (`agentName` is `*` for all agents).
    pub current: AggregatedMetrics,
    /// The period of the same length just before, for the change.
    pub previous: AggregatedMetrics,
    /// Runs, failures, spend and time per bucket.
    pub series: Series,
    /// How run times spread over the period.
    pub durations: Vec<DurationBar>,
}

/// The dashboard for one agent (`Some`) or all over the last `period_hours`.
pub fn dashboard(store: &mut Store, agent: Option<&str>, period_hours: f64) -> Result<Dashboard> {
    let period_hours = check_period(period_hours)?;
    super::require_enabled(store)?;
    rollup::catch_up(store)?;
    let to = store.now_ms();
    let from = (to - (period_hours * 3_600_000.0).round() as i64).div_euclid(LEVELS[0]) * LEVELS[0];
    let before = from - (to - from);
    let name = agent.unwrap_or("*");

    let total = |from, to| -> Result<Totals> {
        let mut t = Totals::default();
        for part in rollup::totals_by_agent(store, agent, from, to)?.values() {
            t.merge(part);
        }
        Ok(t)
    };
    let now = total(from, to)?;
    let then = total(before, from)?;
    let durations = now
        .histogram
        .coarse(BAR_BINS)
        .into_iter()
        .map(|(upper_us, count)| DurationBar {
            upper: upper_us / 1e6,
            count: i64::try_from(count).unwrap_or(i64::MAX),
        })
        .collect();
    Ok(Dashboard {
        current: AggregatedMetrics::from_totals(name, period_hours, from, to, &now),
        previous: AggregatedMetrics::from_totals(name, period_hours, before, from, &then),
        series: series(store, agent, period_hours, from, to)?,
        durations,
    })
}

fn series(
    store: &Store,
    agent: Option<&str>,
    period_hours: f64,
    from: Timestamp,
    to: Timestamp,
) -> Result<Series> {
    let level = usize::from(period_hours > MINUTES_UP_TO_HOURS);
    let width = LEVELS[level];
    let start = from.div_euclid(width) * width;
    let points = store.read(|c| {
        let mut stmt = c.prepare_cached(
            "SELECT bucket_start, sum(executions), sum(successes), sum(cost_nanos),
                    sum(input_tokens + cached_input_tokens + output_tokens + reasoning_tokens),
                    sum(duration_sum_us)
             FROM metrics_rollups
             WHERE level = ?1 AND bucket_start >= ?2 AND bucket_start < ?3
               AND (?4 IS NULL OR agent = ?4)
             GROUP BY bucket_start ORDER BY bucket_start",
        )?;
        let rows = stmt.query_map(params![level as i64, start, to, agent], |r| {
            let executions: i64 = r.get(1)?;
            let duration_us: i64 = r.get(5)?;
            Ok(SeriesPoint {
                t: r.get(0)?,
                executions,
                failures: executions - r.get::<_, i64>(2)?,
                cost: Money::from_nanos(r.get(3)?),
                tokens: r.get(4)?,
                avg_execution_time: if executions == 0 {
                    0.0
                } else {
                    duration_us as f64 / executions as f64 / 1e6
                },
            })
        })?;
        rows.collect::<rusqlite::Result<Vec<_>>>()
    })?;
    Ok(Series {
        bucket_ms: width,
        points,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rollup::histogram::Histogram;

    #[test]
    fn coarse_bars_cover_every_run_once() {
        let mut h = Histogram::default();
        for us in [900, 1_000, 1_500, 40_000, 2_000_000, 2_100_000] {
            h.record(us);
        }
        let bars = h.coarse(BAR_BINS);
        assert_eq!(bars.iter().map(|b| b.1).sum::<u64>(), 6);
        assert!(bars.windows(2).all(|w| w[0].0 < w[1].0), "edges grow");
        // Each run is below its bar's upper edge and at or above the one before.
        assert!(bars.first().unwrap().0 > 1_000.0);
        assert!(bars.last().unwrap().0 >= 2_100_000.0);
        assert!(Histogram::default().coarse(BAR_BINS).is_empty());
    }
}
