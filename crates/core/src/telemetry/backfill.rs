//! `jobtrail telemetry export --since …`: the stored runs of a period sent with their
//! real times, for a person who connects a backend later. Idempotent per run: a run's
//! trace and span ids derive from the installation and execution ids, so sending a
//! week twice (or a run already sent live) gives the backend the same spans again,
//! which it keeps once.

use std::time::Instant;

use chrono::{NaiveDate, TimeZone, Utc};
use serde::{Deserialize, Serialize};

use super::spans::{self, SpanOptions};
use super::transport::{ExportFailure, Sender};
use super::{EXPORT_TIMEOUT, Telemetry, run};
use crate::clock::Timestamp;
use crate::store::Store;

/// Runs per export request.
const RUNS_PER_BATCH: usize = 100;

/// What a backfill sent.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct BackfillReport {
    /// The period's start, ms UTC.
    pub since: Timestamp,
    /// The traces URL.
    pub endpoint: String,
    /// Runs sent.
    pub runs: u64,
    /// Spans sent.
    pub spans: u64,
    /// How long it took, s.
    pub seconds: f64,
    /// Raw runs are kept this long (`metrics_retention_hours`).
    pub retention_hours: i64,
    /// Whether the period starts before the retention: older runs survive only as
    /// rollups, which have no spans to send.
    pub reaches_past_retention: bool,
}

impl BackfillReport {
    /// Runs per second.
    pub fn rate(&self) -> f64 {
        if self.seconds > 0.0 {
            self.runs as f64 / self.seconds
        } else {
            0.0
        }
    }
}

/// `7d`, `24h` or a date (`2026-12-01`, midnight UTC) as a start time before `now`.
pub fn parse_since(raw: &str, now: Timestamp) -> crate::Result<Timestamp> {
    let s = raw.trim();
    let bad = || {
        crate::Error::invalid(
            "since",
            format!("{s:?} is not a period: use 7d, 24h or a date such as 2026-12-01"),
        )
    };
    let amount = |digits: &str, unit_ms: i64| {
        digits
            .parse::<i64>()
            .ok()
            .filter(|n| *n > 0 && *n <= 100_000)
            .map(|n| now - n * unit_ms)
            .ok_or_else(bad)
    };
    if let Some(d) = s.strip_suffix('d') {
        return amount(d, 24 * 3_600_000);
    }
    if let Some(h) = s.strip_suffix('h') {
        return amount(h, 3_600_000);
    }
    let date = NaiveDate::parse_from_str(s, "%Y-%m-%d").map_err(|_| bad())?;
    let midnight = date.and_hms_opt(0, 0, 0).ok_or_else(bad)?;
    Ok(Utc.from_utc_datetime(&midnight).timestamp_millis())
}

impl Telemetry {
    /// Sends the stored runs started at or after `since`, in batches, waiting for each
    /// answer. Stops at the first failure, with what was sent by then in the error.
    pub fn backfill(
        &self,
        store: &Store,
        since: Timestamp,
    ) -> Result<BackfillReport, BackfillError> {
        let resolved = self.resolved();
        let retention_hours = crate::ledger::config::load(store)
            .map(|c| c.metrics_retention_hours)
            .unwrap_or(168);
        let now = store.now_ms();
        let ids = store
            .read(|c| run::ids_since(c, since))
            .map_err(|e| BackfillError::Store(e.to_string()))?;
        let opts = SpanOptions {
            installation_id: self.installation_id().to_owned(),
            content: resolved.content,
        };
        let started = Instant::now();
        let installation_id = self.installation_id().to_owned();
        // The sender has its own thread (it blocks on the network); this one reads
        // the store and builds the next batch meanwhile.
        let (tx, rx) = std::sync::mpsc::sync_channel::<(usize, Vec<_>)>(2);
        let sending = std::thread::spawn(
            move || -> Result<(String, u64, u64), (u64, ExportFailure)> {
                let sender = Sender::new(&resolved, &installation_id, EXPORT_TIMEOUT, true)
                    .map_err(|f| (0, f))?;
                let (mut runs, mut spans) = (0u64, 0u64);
                for (n, batch) in rx {
                    let count = batch.len() as u64;
                    sender.send(batch).map_err(|f| (runs, f))?;
                    runs += n as u64;
                    spans += count;
                }
                Ok((sender.endpoint.clone(), runs, spans))
            },
        );
        for chunk in ids.chunks(RUNS_PER_BATCH) {
            let mut batch = Vec::new();
            for id in chunk {
                if let Some(r) = store
                    .read(|c| run::load(c, *id))
                    .map_err(|e| BackfillError::Store(e.to_string()))?
                {
                    batch.extend(spans::build(&r, &opts));
                }
            }
            if tx.send((chunk.len(), batch)).is_err() {
                break; // The sender stopped on a failure: its answer says which.
            }
        }
        drop(tx);
        let (endpoint, runs, spans) = sending
            .join()
            .map_err(|_| BackfillError::Failed {
                sent_runs: 0,
                failure: ExportFailure::Other("the sender panicked".into()),
            })?
            .map_err(|(sent_runs, failure)| BackfillError::Failed { sent_runs, failure })?;
        Ok(BackfillReport {
            since,
            endpoint,
            runs,
            spans,
            seconds: started.elapsed().as_secs_f64(),
            retention_hours,
            // `--since 7d` against a 168 h retention is the same edge, though `since`
            // was computed a moment before `now`: a minute's grace.
            reaches_past_retention: since < now - retention_hours * 3_600_000 - 60_000,
        })
    }
}

/// Why a backfill stopped.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum BackfillError {
    /// The store could not be read.
    #[error("the store could not be read: {0}")]
    Store(String),
    /// The backend did not take a batch.
    #[error("{failure} ({sent_runs} runs were sent before)")]
    Failed {
        /// Runs sent before the failure.
        sent_runs: u64,
        /// What failed.
        failure: ExportFailure,
    },
}

impl BackfillError {
    /// The export failure, if that is what stopped it.
    pub fn failure(&self) -> Option<&ExportFailure> {
        match self {
            BackfillError::Failed { failure, .. } => Some(failure),
            BackfillError::Store(_) => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn periods_and_dates() {
        let now = 10 * 86_400_000;
        assert_eq!(parse_since("7d", now).ok(), Some(3 * 86_400_000));
        assert_eq!(parse_since("24h", now).ok(), Some(9 * 86_400_000));
        assert_eq!(parse_since("1970-01-02", now).ok(), Some(86_400_000));
        assert!(parse_since("7 days", now).is_err());
        assert!(parse_since("0d", now).is_err());
    }
}
