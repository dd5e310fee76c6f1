//! Rollups: per agent, model and minute, hour and day, the sums of every execution plus a
//! latency histogram (table `metrics_rollups`).
//!
//! Recording stays a plain insert; [`catch_up`] folds executions newer than the
//! watermark into the rollups in batches, and every query catches up first. A query
//! reads at most a few hundred rollup rows per agent whatever the number of raw
//! rows: minutes at the window's ragged edges, hours and days in between.

use std::collections::HashMap;

use rusqlite::{OptionalExtension, params};

pub mod histogram;

use crate::clock::Timestamp;
use crate::store::{self, Migration, Store};
use histogram::Histogram;

pub(crate) const MIGRATION: Migration = Migration {
    id: "202611280002_metrics_rollups",
    sql: "
    CREATE TABLE metrics_rollups (
        level INTEGER NOT NULL CHECK (level IN (0, 1, 2)),
        agent TEXT NOT NULL,
        model TEXT NOT NULL,
        bucket_start INTEGER NOT NULL,
        executions INTEGER NOT NULL,
        successes INTEGER NOT NULL,
        duration_sum_us INTEGER NOT NULL,
        duration_max_us INTEGER NOT NULL,
        input_tokens INTEGER NOT NULL,
        cached_input_tokens INTEGER NOT NULL,
        output_tokens INTEGER NOT NULL,
        reasoning_tokens INTEGER NOT NULL,
        cost_nanos INTEGER NOT NULL,
        failed_cost_nanos INTEGER NOT NULL,
        unpriced_calls INTEGER NOT NULL,
        llm_calls INTEGER NOT NULL,
        tool_calls INTEGER NOT NULL,
        histogram BLOB NOT NULL,
        PRIMARY KEY (level, agent, model, bucket_start)
    ) STRICT, WITHOUT ROWID;
    CREATE INDEX metrics_rollups_by_time ON metrics_rollups (level, bucket_start);

    CREATE TABLE metrics_state (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        rolled_up_to INTEGER NOT NULL,
        last_prune INTEGER
    ) STRICT;
    INSERT INTO metrics_state (id, rolled_up_to) VALUES (1, 0);
    ",
};

/// Bucket widths in ms: minute, hour, day.
pub const LEVELS: [i64; 3] = [60_000, 3_600_000, 86_400_000];

/// Executions folded per transaction.
pub(crate) const BATCH: i64 = 20_000;

/// Sums over a set of executions.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Totals {
    /// Executions.
    pub executions: i64,
    /// Of which succeeded.
    pub successes: i64,
    /// Sum of durations, µs.
    pub duration_sum_us: i64,
    /// Longest duration, µs.
    pub duration_max_us: i64,
    /// Uncached input tokens.
    pub input_tokens: i64,
    /// Cached input tokens.
    pub cached_input_tokens: i64,
    /// Output tokens (reasoning excluded).
    pub output_tokens: i64,
    /// Reasoning tokens.
    pub reasoning_tokens: i64,
    /// Cost of priced calls, nano-dollars.
    pub cost_nanos: i64,
    /// Of which spent on runs that failed.
    pub failed_cost_nanos: i64,
    /// LLM calls without a price.
    pub unpriced_calls: i64,
    /// LLM calls.
    pub llm_calls: i64,
    /// Tool calls.
    pub tool_calls: i64,
    /// Durations.
    pub histogram: Histogram,
}

impl Totals {
    /// Adds another set's sums.
    pub fn merge(&mut self, o: &Totals) {
        self.executions += o.executions;
        self.successes += o.successes;
        self.duration_sum_us += o.duration_sum_us;
        self.duration_max_us = self.duration_max_us.max(o.duration_max_us);
        self.input_tokens += o.input_tokens;
        self.cached_input_tokens += o.cached_input_tokens;
        self.output_tokens += o.output_tokens;
        self.reasoning_tokens += o.reasoning_tokens;
        self.cost_nanos += o.cost_nanos;
        self.failed_cost_nanos += o.failed_cost_nanos;
        self.unpriced_calls += o.unpriced_calls;
        self.llm_calls += o.llm_calls;
        self.tool_calls += o.tool_calls;
        self.histogram.merge(&o.histogram);
    }
}

/// Folds every execution past the watermark into the rollups. Returns how many.
pub fn catch_up(store: &mut Store) -> store::Result<usize> {
    let mut done = 0;
    loop {
        let n = catch_up_batch(store)?;
        done += n;
        if n < BATCH as usize {
            if done > 0 {
                tracing::debug!(executions = done, "metrics rolled up");
            }
            return Ok(done);
        }
    }
}

/// Folds up to [`BATCH`] executions past the watermark, in one transaction; returns
/// how many.
pub(crate) fn catch_up_batch(store: &mut Store) -> store::Result<usize> {
    // Queries catch up first: with nothing new this must not take the write lock.
    let behind: bool = store.read(|c| {
        c.prepare_cached(
            "SELECT coalesce((SELECT max(id) FROM executions), 0)
                    > (SELECT rolled_up_to FROM metrics_state WHERE id = 1)",
        )?
        .query_row([], |r| r.get(0))
    })?;
    if !behind {
        return Ok(0);
    }
    store.write(|tx| {
        let from: i64 = tx
            .prepare_cached("SELECT rolled_up_to FROM metrics_state WHERE id = 1")?
            .query_row([], |r| r.get(0))?;
        let mut stmt = tx.prepare_cached(
            "SELECT id, agent, started_at, duration_us, success, input_tokens,
                    cached_input_tokens, output_tokens, reasoning_tokens, cost_nanos,
                    unpriced_calls, llm_calls, tool_calls, coalesce(model, '')
             FROM executions WHERE id > ?1 ORDER BY id LIMIT ?2",
        )?;
        let mut acc: HashMap<(usize, String, String, Timestamp), Totals> = HashMap::new();
        let mut last = from;
        let mut n = 0;
        let mut rows = stmt.query(params![from, BATCH])?;
        while let Some(r) = rows.next()? {
            n += 1;
            last = r.get(0)?;
            let agent: String = r.get(1)?;
            let started: Timestamp = r.get(2)?;
            let duration: i64 = r.get(3)?;
            let model: String = r.get(13)?;
            let success: bool = r.get(4)?;
            let cost: i64 = r.get(9)?;
            let one = Totals {
                executions: 1,
                successes: i64::from(success),
                duration_sum_us: duration,
                duration_max_us: duration,
                input_tokens: r.get(5)?,
                cached_input_tokens: r.get(6)?,
                output_tokens: r.get(7)?,
                reasoning_tokens: r.get(8)?,
                cost_nanos: cost,
                failed_cost_nanos: if success { 0 } else { cost },
                unpriced_calls: r.get(10)?,
                llm_calls: r.get(11)?,
                tool_calls: r.get(12)?,
                histogram: {
                    let mut h = Histogram::default();
                    h.record(duration);
                    h
                },
            };
            for (level, width) in LEVELS.iter().enumerate() {
                let bucket = started.div_euclid(*width) * width;
                acc.entry((level, agent.clone(), model.clone(), bucket))
                    .or_default()
                    .merge(&one);
            }
        }
        drop(rows);
        drop(stmt);
        for ((level, agent, model, bucket), totals) in acc {
            upsert(tx, level, (&agent, &model), bucket, totals)?;
        }
        tx.prepare_cached("UPDATE metrics_state SET rolled_up_to = ?1 WHERE id = 1")?
            .execute([last])?;
        Ok(n)
    })
}

fn upsert(
    tx: &rusqlite::Transaction<'_>,
    level: usize,
    (agent, model): (&str, &str),
    bucket: Timestamp,
    mut totals: Totals,
) -> rusqlite::Result<()> {
    let existing = tx
        .prepare_cached(&format!(
            "SELECT {SUM_COLUMNS} FROM metrics_rollups
             WHERE level = ?1 AND agent = ?2 AND model = ?3 AND bucket_start = ?4"
        ))?
        .query_row(params![level as i64, agent, model, bucket], totals_from_row)
        .optional()?;
    if let Some(e) = existing {
        totals.merge(&e);
    }
    tx.prepare_cached(
        "INSERT OR REPLACE INTO metrics_rollups (level, agent, model, bucket_start, executions,
            successes, duration_sum_us, duration_max_us, input_tokens, cached_input_tokens,
            output_tokens, reasoning_tokens, cost_nanos, failed_cost_nanos, unpriced_calls,
            llm_calls, tool_calls, histogram)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18)",
    )?
    .execute(params![
        level as i64,
        agent,
        model,
        bucket,
        totals.executions,
        totals.successes,
        totals.duration_sum_us,
        totals.duration_max_us,
        totals.input_tokens,
        totals.cached_input_tokens,
        totals.output_tokens,
        totals.reasoning_tokens,
        totals.cost_nanos,
        totals.failed_cost_nanos,
        totals.unpriced_calls,
        totals.llm_calls,
        totals.tool_calls,
        totals.histogram.to_bytes(),
    ])?;
    Ok(())
}

const SUM_COLUMNS: &str = "executions, successes, duration_sum_us, duration_max_us, input_tokens, \
     cached_input_tokens, output_tokens, reasoning_tokens, cost_nanos, failed_cost_nanos, \
     unpriced_calls, llm_calls, tool_calls, histogram";

fn totals_from_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<Totals> {
    let bytes: Vec<u8> = r.get(13)?;
    Ok(Totals {
        executions: r.get(0)?,
        successes: r.get(1)?,
        duration_sum_us: r.get(2)?,
        duration_max_us: r.get(3)?,
        input_tokens: r.get(4)?,
        cached_input_tokens: r.get(5)?,
        output_tokens: r.get(6)?,
        reasoning_tokens: r.get(7)?,
        cost_nanos: r.get(8)?,
        failed_cost_nanos: r.get(9)?,
        unpriced_calls: r.get(10)?,
        llm_calls: r.get(11)?,
        tool_calls: r.get(12)?,
        // A damaged histogram loses its percentiles, not the sums beside it.
        histogram: Histogram::from_bytes(&bytes).unwrap_or_default(),
    })
}

/// The rollup ranges that tile `[from, to)`: minutes at the edges, then hours, then
/// days, so each range is read at the coarsest level that fits it exactly.
pub fn cover(from: Timestamp, to: Timestamp) -> Vec<(usize, Timestamp, Timestamp)> {
    let floor = |t: Timestamp, w: i64| t.div_euclid(w) * w;
    let ceil = |t: Timestamp, w: i64| -(-t).div_euclid(w) * w;
    let from = floor(from, LEVELS[0]);
    let mut out = Vec::new();
    let (h1, h2) = (ceil(from, LEVELS[1]), floor(to, LEVELS[1]));
    if h1 >= h2 {
        out.push((0, from, to));
        return out;
    }
    out.push((0, from, h1));
    let (d1, d2) = (ceil(h1, LEVELS[2]), floor(h2, LEVELS[2]));
    if d1 < d2 {
        out.push((1, h1, d1));
        out.push((2, d1, d2));
        out.push((1, d2, h2));
    } else {
        out.push((1, h1, h2));
    }
    out.push((0, h2, to));
    out.retain(|(_, a, b)| a < b);
    out
}

/// Totals per (agent, model) over `[from, to)`, for all agents or one. The model is
/// empty for runs without one (built-in engine, custom code).
pub fn totals_by_agent_model(
    store: &Store,
    agent: Option<&str>,
    from: Timestamp,
    to: Timestamp,
) -> store::Result<HashMap<(String, String), Totals>> {
    let mut out: HashMap<(String, String), Totals> = HashMap::new();
    store.read(|c| {
        let mut stmt = c.prepare_cached(&format!(
            "SELECT {SUM_COLUMNS}, agent, model FROM metrics_rollups
             WHERE level = ?1 AND bucket_start >= ?2 AND bucket_start < ?3
               AND (?4 IS NULL OR agent = ?4)"
        ))?;
        for (level, a, b) in cover(from, to) {
            let mut rows = stmt.query(params![level as i64, a, b, agent])?;
            while let Some(r) = rows.next()? {
                let key = (r.get(14)?, r.get(15)?);
                out.entry(key).or_default().merge(&totals_from_row(r)?);
            }
        }
        Ok(())
    })?;
    Ok(out)
}

/// Spend per agent over `[from, to)` in nano-dollars: sums only, computed by SQLite
/// (budgets ask this for several windows at once).
pub fn cost_by_agent(
    store: &Store,
    from: Timestamp,
    to: Timestamp,
) -> store::Result<HashMap<String, i64>> {
    let mut out: HashMap<String, i64> = HashMap::new();
    store.read(|c| {
        let mut stmt = c.prepare_cached(
            "SELECT agent, sum(cost_nanos) FROM metrics_rollups
             WHERE level = ?1 AND bucket_start >= ?2 AND bucket_start < ?3
             GROUP BY agent",
        )?;
        for (level, a, b) in cover(from, to) {
            let mut rows = stmt.query(params![level as i64, a, b])?;
            while let Some(r) = rows.next()? {
                *out.entry(r.get(0)?).or_default() += r.get::<_, i64>(1)?;
            }
        }
        Ok(())
    })?;
    Ok(out)
}

/// Totals per agent over `[from, to)` (all agents, or one).
pub fn totals_by_agent(
    store: &Store,
    agent: Option<&str>,
    from: Timestamp,
    to: Timestamp,
) -> store::Result<HashMap<String, Totals>> {
    let mut out: HashMap<String, Totals> = HashMap::new();
    for ((a, _), t) in totals_by_agent_model(store, agent, from, to)? {
        out.entry(a).or_default().merge(&t);
    }
    Ok(out)
}

/// Totals per day (UTC), agent and model over the days in `[from, to)`, oldest first.
pub fn daily_cells(
    store: &Store,
    from: Timestamp,
    to: Timestamp,
) -> store::Result<Vec<(Timestamp, String, String, Totals)>> {
    store.read(|c| {
        let mut stmt = c.prepare_cached(&format!(
            "SELECT {SUM_COLUMNS}, bucket_start, agent, model FROM metrics_rollups
             WHERE level = 2 AND bucket_start >= ?1 AND bucket_start < ?2
             ORDER BY bucket_start, agent, model"
        ))?;
        let rows = stmt.query_map(params![from, to], |r| {
            Ok((r.get(14)?, r.get(15)?, r.get(16)?, totals_from_row(r)?))
        })?;
        rows.collect()
    })
}

/// Totals per day (UTC) over the days that overlap `[from, to)`, oldest first.
pub fn daily(
    store: &Store,
    agent: Option<&str>,
    from: Timestamp,
    to: Timestamp,
) -> store::Result<Vec<(Timestamp, Totals)>> {
    let day = LEVELS[2];
    let start = from.div_euclid(day) * day;
    let mut out: Vec<(Timestamp, Totals)> = Vec::new();
    store.read(|c| {
        let mut stmt = c.prepare_cached(&format!(
            "SELECT {SUM_COLUMNS}, bucket_start FROM metrics_rollups
             WHERE level = 2 AND bucket_start >= ?1 AND bucket_start < ?2
               AND (?3 IS NULL OR agent = ?3)
             ORDER BY bucket_start"
        ))?;
        let mut rows = stmt.query(params![start, to, agent])?;
        while let Some(r) = rows.next()? {
            let b: Timestamp = r.get(14)?;
            let t = totals_from_row(r)?;
            match out.last_mut() {
                Some((last, acc)) if *last == b => acc.merge(&t),
                _ => out.push((b, t)),
            }
        }
        Ok(())
    })?;
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    const H: i64 = 3_600_000;
    const D: i64 = 24 * H;

    #[test]
    fn a_window_is_tiled_without_gaps_or_overlaps() {
        for (from, to) in [
            (5 * D + 7 * H + 61_000, 12 * D + 3 * H + 5_000),
            (D + 60_000, D + 2 * 60_000),
            (D + 30 * 60_000, D + H + 10 * 60_000),
            (D, 2 * D),
        ] {
            let tiles = cover(from, to);
            assert_eq!(tiles.first().unwrap().1, from.div_euclid(60_000) * 60_000);
            assert_eq!(tiles.last().unwrap().2, to);
            for w in tiles.windows(2) {
                assert_eq!(w[0].2, w[1].1, "{tiles:?}");
            }
            for (level, a, b) in &tiles {
                if *level > 0 {
                    assert_eq!(a % LEVELS[*level], 0);
                    assert_eq!(b % LEVELS[*level], 0);
                }
            }
            assert!(tiles.len() <= 5);
        }
    }
}
