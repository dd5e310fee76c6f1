//! Corrections and calibration: when the user turns down an agent's proposal or
//! relabels an email, the correction is stored against the run (table
//! `corrections`); per agent, the share of decisions corrected and how often each
//! band of stated confidence was left standing.

use std::collections::BTreeMap;

use rusqlite::params;
use serde::{Deserialize, Serialize};

use crate::clock::Timestamp;
use crate::error::Result;
use crate::store::{Migration, Store};

pub(crate) const MIGRATION: Migration = Migration {
    id: "202611280006_corrections",
    sql: "
    CREATE TABLE corrections (
        id INTEGER PRIMARY KEY,
        execution_id INTEGER NOT NULL REFERENCES executions (id) ON DELETE CASCADE,
        kind TEXT NOT NULL CHECK (kind IN ('rejected_proposal','relabelled')),
        detail TEXT NOT NULL,
        created_at INTEGER NOT NULL
    ) STRICT;
    CREATE INDEX corrections_by_execution ON corrections (execution_id);
    ",
};

/// Records that the user corrected run `execution_id`, inside the caller's transaction.
pub(crate) fn record_in(
    tx: &rusqlite::Transaction<'_>,
    execution_id: i64,
    kind: &str,
    detail: &str,
    now: Timestamp,
) -> rusqlite::Result<()> {
    tx.execute(
        "INSERT INTO corrections (execution_id, kind, detail, created_at) VALUES (?1, ?2, ?3, ?4)",
        params![execution_id, kind, detail, now],
    )?;
    Ok(())
}

/// One band of stated confidence.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct Band {
    /// Lower bound (inclusive), 0–1.
    pub from: f64,
    /// Upper bound (exclusive; 1 inclusive for the last band).
    pub to: f64,
    /// Decisions stated in this band.
    pub decisions: i64,
    /// Of which the user corrected.
    pub corrected: i64,
    /// Share left standing (not corrected), 0–1; none without decisions.
    pub accuracy: Option<f64>,
    /// Mean stated confidence in the band.
    pub mean_confidence: Option<f64>,
}

/// An agent's record against the user's corrections.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct Calibration {
    /// Agent.
    pub agent: String,
    /// Explained decisions.
    pub decisions: i64,
    /// Of which corrected at least once.
    pub corrected: i64,
    /// `corrected / decisions`, 0–1.
    pub corrected_share: f64,
    /// Five bands of stated confidence, 0–0.2 … 0.8–1.
    pub bands: Vec<Band>,
}

/// Per agent (or one), the share corrected and the calibration table. A decision
/// counts as right unless the user corrected it.
pub fn calibration(store: &Store, agent: Option<&str>) -> Result<Vec<Calibration>> {
    let rows: Vec<(String, f64, bool)> = store.read(|c| {
        let mut stmt = c.prepare_cached(
            "SELECT x.agent, x.confidence,
                    EXISTS (SELECT 1 FROM corrections k WHERE k.execution_id = x.execution_id)
             FROM explanations x WHERE (?1 IS NULL OR x.agent = ?1)",
        )?;
        let rows = stmt.query_map([agent], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?;
        rows.collect()
    })?;
    let mut by_agent: BTreeMap<String, Vec<(f64, bool)>> = BTreeMap::new();
    for (a, c, corrected) in rows {
        by_agent.entry(a).or_default().push((c, corrected));
    }
    Ok(by_agent
        .into_iter()
        .map(|(agent, ds)| {
            let decisions = ds.len() as i64;
            let corrected = ds.iter().filter(|(_, k)| *k).count() as i64;
            let bands = (0..5)
                .map(|b| {
                    let (from, to) = (f64::from(b) * 0.2, f64::from(b + 1) * 0.2);
                    let inside: Vec<&(f64, bool)> = ds
                        .iter()
                        .filter(|(c, _)| *c >= from && (*c < to || (b == 4 && *c <= 1.0)))
                        .collect();
                    let n = inside.len() as i64;
                    let k = inside.iter().filter(|(_, x)| *x).count() as i64;
                    Band {
                        from,
                        to,
                        decisions: n,
                        corrected: k,
                        accuracy: (n > 0).then(|| (n - k) as f64 / n as f64),
                        mean_confidence: (n > 0)
                            .then(|| inside.iter().map(|(c, _)| c).sum::<f64>() / n as f64),
                    }
                })
                .collect();
            Calibration {
                agent,
                decisions,
                corrected,
                corrected_share: if decisions == 0 {
                    0.0
                } else {
                    corrected as f64 / decisions as f64
                },
                bands,
            }
        })
        .collect())
}
