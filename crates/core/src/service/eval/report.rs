//! The arithmetic of an evaluation: accuracy, per-category precision/recall/F1, the
//! confusion matrix, cost per correct answer, run-time percentiles, calibration and
//! extraction accuracy, from one outcome per message. Pure: no store, no runs.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::money::Money;
use crate::tracker::analysis::EmailCategory;

/// What one message's run gave.
#[derive(Debug, Clone)]
pub struct Outcome {
    /// The message (`offer/3.eml`, `email:12`).
    pub item: String,
    /// The stored email, for items from the corrections.
    pub email_id: Option<i64>,
    /// The message's sender and subject, to recognise it.
    pub from: String,
    /// Its subject.
    pub subject: String,
    /// The true category.
    pub expected: EmailCategory,
    /// The analyst's answer; none when the run failed or was skipped.
    pub answer: Option<Answer>,
    /// The run, when one was recorded.
    pub execution_id: Option<i64>,
    /// Its duration, µs.
    pub duration_us: i64,
    /// What it cost.
    pub cost: Money,
    /// Not run: the budget's hard limit was reached before it.
    pub skipped: bool,
    /// The true company and role, where labelled: (company, role).
    pub truth: Option<(Option<String>, Option<String>)>,
}

/// The part of an analysis the evaluation scores.
#[derive(Debug, Clone)]
pub struct Answer {
    /// The category given.
    pub category: EmailCategory,
    /// Stated confidence, 0–1.
    pub confidence: f64,
    /// Company named.
    pub company: Option<String>,
    /// Role named.
    pub role: Option<String>,
}

/// One engine's (or model's) results on a set.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct EvalResult {
    /// `builtin` or `llm`.
    pub engine: String,
    /// The model, for `llm`.
    pub model: Option<String>,
    /// Messages scored (run, answered or failed; skipped ones are not).
    pub n: u32,
    /// Answers that matched, over `n` (a failed run counts as wrong).
    pub correct: u32,
    /// `correct / n`, 0–1; none when nothing was scored.
    pub accuracy: Option<f64>,
    /// Runs that failed (no answer).
    pub failed: u32,
    /// Messages not run because the budget's hard limit was reached.
    pub skipped: u32,
    /// Precision, recall and F1 per category, by category name.
    pub per_category: BTreeMap<String, CategoryScore>,
    /// Rows are expected, columns predicted, in `labels` order; failed runs are not
    /// in it.
    pub confusion: Confusion,
    /// What the runs cost, in dollars.
    pub cost: Money,
    /// `cost / correct`; none with no correct answer.
    pub cost_per_correct: Option<Money>,
    /// Median run time, ms.
    pub p50_ms: Option<f64>,
    /// 95th percentile run time, ms.
    pub p95_ms: Option<f64>,
    /// How often it was right per band of stated confidence.
    pub calibration: Vec<ConfidenceBand>,
    /// Company and role accuracy, where the set labels them.
    pub extraction: Option<ExtractionScore>,
    /// Every wrong or failed answer, to open its email and explanation.
    pub wrong: Vec<WrongAnswer>,
}

/// One category's scores.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct CategoryScore {
    /// Messages of this category in the set (scored ones).
    pub support: u32,
    /// Of the answers naming it, the share that were right; none when never named.
    pub precision: Option<f64>,
    /// Of the messages of it, the share found; none when the set has none.
    pub recall: Option<f64>,
    /// Harmonic mean of the two; none when either is none or both are 0.
    pub f1: Option<f64>,
}

/// The confusion matrix: `matrix[expected][predicted]` counts.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct Confusion {
    /// Category names, in row and column order.
    pub labels: Vec<String>,
    /// Counts, rows = expected, columns = predicted.
    pub matrix: Vec<Vec<u32>>,
}

/// Accuracy within one band of stated confidence.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct ConfidenceBand {
    /// Lower bound, inclusive.
    pub from: f64,
    /// Upper bound, exclusive (1 inclusive for the last band).
    pub to: f64,
    /// Answers stated in this band.
    pub n: u32,
    /// Of which right.
    pub correct: u32,
    /// `correct / n`; none when empty.
    pub accuracy: Option<f64>,
    /// Mean stated confidence in the band; none when empty.
    pub mean_confidence: Option<f64>,
}

/// Extraction accuracy over the labelled messages that were answered.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct ExtractionScore {
    /// Messages with labels and an answer.
    pub n: u32,
    /// Share with the right company (none = none counts as right), 0–1.
    pub company: Option<f64>,
    /// Share whose company the analyst would file under the labelled employer, 0–1:
    /// the right company, or a spelling that is the same company to its application
    /// matching ("Isarwacht Versicherung" for "Isarwacht"), so no second application.
    pub company_same_employer: Option<f64>,
    /// Share with the right role, 0–1.
    pub role: Option<f64>,
    /// Every answer whose company or role was wrong, to see what the engine read.
    pub misses: Vec<ExtractionMiss>,
}

/// An answer that named the wrong company or role (its category may be right).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct ExtractionMiss {
    /// The message and its run.
    #[serde(flatten)]
    pub message: EvalMessage,
    /// The labelled company and role.
    pub expected: Extracted,
    /// What the engine named.
    pub found: Extracted,
}

/// A message of a set as a report lists it, with the run that read it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct EvalMessage {
    /// The message.
    pub item: String,
    /// The stored email, for items from the corrections.
    pub email_id: Option<i64>,
    /// Its sender.
    pub from: String,
    /// Its subject.
    pub subject: String,
    /// The run, to open its explanation.
    pub execution_id: Option<i64>,
}

impl EvalMessage {
    fn of(o: &Outcome) -> Self {
        EvalMessage {
            item: o.item.clone(),
            email_id: o.email_id,
            from: o.from.clone(),
            subject: o.subject.clone(),
            execution_id: o.execution_id,
        }
    }
}

/// A company and a role, either possibly absent.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct Extracted {
    /// The company.
    pub company: Option<String>,
    /// The role.
    pub role: Option<String>,
}

/// An answer that was wrong, or a run that failed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct WrongAnswer {
    /// The message and its run.
    #[serde(flatten)]
    pub message: EvalMessage,
    /// True category.
    pub expected: EmailCategory,
    /// What was answered; none when the run failed.
    pub predicted: Option<EmailCategory>,
    /// Stated confidence.
    pub confidence: Option<f64>,
}

/// Calibration bands: fifths of the 0–1 range.
const BANDS: [(f64, f64); 5] = [(0.0, 0.2), (0.2, 0.4), (0.4, 0.6), (0.6, 0.8), (0.8, 1.0)];

/// Scores `outcomes` for one engine or model.
pub fn score(engine: &str, model: Option<&str>, outcomes: &[Outcome]) -> EvalResult {
    let labels: Vec<EmailCategory> = EmailCategory::ALL.to_vec();
    let index = |c: EmailCategory| labels.iter().position(|l| *l == c).unwrap_or(0);
    let mut matrix = vec![vec![0u32; labels.len()]; labels.len()];
    let (mut n, mut correct, mut failed, mut skipped) = (0u32, 0u32, 0u32, 0u32);
    let mut cost = Money::ZERO;
    let mut durations = Vec::new();
    let mut bands = vec![(0u32, 0u32, 0f64); BANDS.len()];
    let (mut ex_n, mut ex_company, mut ex_employer, mut ex_role) = (0u32, 0u32, 0u32, 0u32);
    let mut wrong = Vec::new();
    let mut misses = Vec::new();
    for o in outcomes {
        if o.skipped {
            skipped += 1;
            continue;
        }
        n += 1;
        cost += o.cost;
        if o.execution_id.is_some() {
            durations.push(o.duration_us);
        }
        let Some(a) = &o.answer else {
            failed += 1;
            wrong.push(WrongAnswer {
                message: EvalMessage::of(o),
                expected: o.expected,
                predicted: None,
                confidence: None,
            });
            continue;
        };
        let right = a.category == o.expected;
        matrix[index(o.expected)][index(a.category)] += 1;
        if right {
            correct += 1;
        } else {
            wrong.push(WrongAnswer {
                message: EvalMessage::of(o),
                expected: o.expected,
                predicted: Some(a.category),
                confidence: Some(a.confidence),
            });
        }
        let c = a.confidence.clamp(0.0, 1.0);
        let b = BANDS
            .iter()
            .position(|(from, to)| c >= *from && (c < *to || *to >= 1.0))
            .unwrap_or(BANDS.len() - 1);
        bands[b].0 += 1;
        bands[b].1 += u32::from(right);
        bands[b].2 += c;
        if let Some((company, role)) = &o.truth {
            let company_right = same_name(company.as_deref(), a.company.as_deref());
            let role_right = same_name(role.as_deref(), a.role.as_deref());
            ex_n += 1;
            ex_company += u32::from(company_right);
            ex_employer +=
                u32::from(company_right || same_employer(company.as_deref(), a.company.as_deref()));
            ex_role += u32::from(role_right);
            if !(company_right && role_right) {
                misses.push(ExtractionMiss {
                    message: EvalMessage::of(o),
                    expected: Extracted {
                        company: company.clone(),
                        role: role.clone(),
                    },
                    found: Extracted {
                        company: a.company.clone(),
                        role: a.role.clone(),
                    },
                });
            }
        }
    }
    let per_category = labels
        .iter()
        .enumerate()
        .map(|(i, c)| {
            let support: u32 = matrix[i].iter().sum::<u32>()
                + outcomes
                    .iter()
                    .filter(|o| !o.skipped && o.answer.is_none() && o.expected == *c)
                    .count() as u32;
            let named: u32 = matrix.iter().map(|row| row[i]).sum();
            let hit = matrix[i][i];
            let precision = ratio(hit, named);
            let recall = ratio(hit, support);
            let f1 = match (precision, recall) {
                (Some(p), Some(r)) if p + r > 0.0 => Some(2.0 * p * r / (p + r)),
                _ => None,
            };
            (
                c.as_str().to_owned(),
                CategoryScore {
                    support,
                    precision,
                    recall,
                    f1,
                },
            )
        })
        .collect();
    durations.sort_unstable();
    EvalResult {
        engine: engine.to_owned(),
        model: model.map(str::to_owned),
        n,
        correct,
        accuracy: ratio(correct, n),
        failed,
        skipped,
        per_category,
        confusion: Confusion {
            labels: labels.iter().map(|c| c.as_str().to_owned()).collect(),
            matrix,
        },
        cost,
        cost_per_correct: (correct > 0).then(|| cost.scale(1, i64::from(correct))),
        p50_ms: percentile_ms(&durations, 0.50),
        p95_ms: percentile_ms(&durations, 0.95),
        calibration: BANDS
            .iter()
            .zip(bands)
            .map(|((from, to), (n, correct, sum))| ConfidenceBand {
                from: *from,
                to: *to,
                n,
                correct,
                accuracy: ratio(correct, n),
                mean_confidence: (n > 0).then(|| sum / f64::from(n)),
            })
            .collect(),
        extraction: (ex_n > 0).then(|| ExtractionScore {
            n: ex_n,
            company: ratio(ex_company, ex_n),
            company_same_employer: ratio(ex_employer, ex_n),
            role: ratio(ex_role, ex_n),
            misses,
        }),
        wrong,
    }
}

fn ratio(a: u32, b: u32) -> Option<f64> {
    (b > 0).then(|| f64::from(a) / f64::from(b))
}

/// Nearest-rank percentile of sorted µs durations, in ms.
fn percentile_ms(sorted_us: &[i64], p: f64) -> Option<f64> {
    if sorted_us.is_empty() {
        return None;
    }
    let rank = ((p * sorted_us.len() as f64).ceil() as usize).clamp(1, sorted_us.len());
    Some(sorted_us[rank - 1] as f64 / 1000.0)
}

/// Whether two names are the same as a person reads them: case, spacing and
/// punctuation aside ("Lumen Grid" = "lumen-grid"), none equal to none.
pub fn same_name(truth: Option<&str>, answer: Option<&str>) -> bool {
    let norm = |s: &str| -> String {
        s.chars()
            .filter(|c| c.is_alphanumeric())
            .flat_map(char::to_lowercase)
            .collect()
    };
    match (truth, answer) {
        (None, None) => true,
        (Some(t), Some(a)) => norm(t) == norm(a) && !norm(t).is_empty(),
        (None, Some(a)) => norm(a).is_empty(),
        (Some(t), None) => norm(t).is_empty(),
    }
}

/// Whether the analyst takes two spellings for one employer when it links mail to an
/// application, so a different spelling of the label files the mail in the same place.
fn same_employer(truth: Option<&str>, answer: Option<&str>) -> bool {
    truth
        .zip(answer)
        .is_some_and(|(t, a)| crate::agent::same_company(t, a))
}

#[cfg(test)]
#[path = "report_test.rs"]
mod tests;
