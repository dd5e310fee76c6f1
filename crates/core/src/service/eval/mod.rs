//! How good the agents are, and at what price: EmailAnalyst on a labelled set, per
//! engine or model. Each message is a dry run: the analyst runs, its run is recorded
//! and priced like any other (so budgets apply), and tagged as part of an evaluation
//! (table `evaluation_runs`); nothing is applied or queued for review.

pub mod report;
pub mod set;

use std::path::PathBuf;
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};

use rusqlite::params;
use serde::{Deserialize, Serialize};

use crate::agent::config::agent_config;
use crate::agent::email_analyst::EmailAnalyst;
use crate::agent::tasks;
use crate::agent::{RunSettings, Runtime};
use crate::cost::budget;
use crate::error::{Error, Result};
use crate::failsafe::Failsafe;
use crate::store::{Migration, Store};
use crate::tracker::analysis::EmailCategory;

pub use report::{EvalResult, Outcome};
pub use set::{Labelled, LabelledSet};

/// Which run was part of which evaluation, and what it should have answered.
pub(crate) const MIGRATION: Migration = Migration {
    id: "202612061100_evaluation_runs",
    sql: "
    CREATE TABLE evaluation_runs (
        execution_id INTEGER PRIMARY KEY REFERENCES executions (id) ON DELETE CASCADE,
        evaluation TEXT NOT NULL,
        item TEXT NOT NULL,
        expected TEXT NOT NULL
    ) STRICT;
    CREATE INDEX evaluation_runs_by_evaluation ON evaluation_runs (evaluation);
    ",
};

/// Where the labelled messages come from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase", tag = "kind", content = "dir")]
pub enum Source {
    /// `.eml` files in folders named by category.
    Dir(PathBuf),
    /// The person's own relabels and accepted proposals.
    Corrections,
}

/// Which engine answers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "lowercase")]
pub enum EngineChoice {
    /// The built-in rules: offline, free.
    Builtin,
    /// The configured model endpoint.
    Llm,
}

/// What to evaluate.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct EvalRequest {
    /// The labelled set.
    pub source: Source,
    /// The engine; the configured one when none (a model when an endpoint is set).
    pub engine: Option<EngineChoice>,
    /// Models to compare side by side (`llm` only); the agent's configured model when
    /// empty.
    #[serde(default)]
    pub models: Vec<String>,
}

/// A set's size by true category.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct SetSummary {
    /// The directory, or `corrections`.
    pub name: String,
    /// Messages.
    pub n: u32,
    /// Messages per true category.
    pub by_category: std::collections::BTreeMap<String, u32>,
    /// What the new-mail pre-filter would keep from the analyst.
    pub prefilter: Prefilter,
}

/// The new-mail pre-filter on a set: how much job mail it would keep from the
/// analyst (none, ideally) and how much other mail it spares it. Read as for mail
/// that names none of your tracked companies, the strictest case.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct Prefilter {
    /// Messages labelled with a job category.
    pub job_mail: u32,
    /// Of which the pre-filter would skip.
    pub job_skipped: u32,
    /// Messages labelled `other`.
    pub other_mail: u32,
    /// Of which the pre-filter would skip.
    pub other_skipped: u32,
    /// The job mails it would skip, by item (a file's path in the set, or `email N`).
    pub job_skipped_items: Vec<String>,
}

impl Prefilter {
    /// The pre-filter on `items`.
    pub fn of(items: &[Labelled]) -> Self {
        let mut p = Prefilter::default();
        for item in items {
            let skipped = !crate::agent::triage::triage(&item.input, &[]).job_related;
            if item.expected == EmailCategory::Other {
                p.other_mail += 1;
                p.other_skipped += u32::from(skipped);
            } else {
                p.job_mail += 1;
                if skipped {
                    p.job_skipped += 1;
                    p.job_skipped_items.push(item.item.clone());
                }
            }
        }
        p
    }
}

/// The evaluation's report: `{ sets, results }` (the CLI's `--json`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct EvalReport {
    /// The evaluation's id (its runs are tagged with it).
    pub evaluation: String,
    /// The labelled sets read.
    pub sets: Vec<SetSummary>,
    /// One per engine or model, in the order asked.
    pub results: Vec<EvalResult>,
}

/// How far an evaluation has got.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct EvalProgress {
    /// The engine or model running (`builtin`, a model name).
    pub target: String,
    /// Messages done for it.
    pub done: u32,
    /// Messages in the set.
    pub total: u32,
}

/// One engine or model to run the set through.
struct Target {
    engine: EngineChoice,
    model: Option<String>,
    runtime: Runtime,
}

/// The built-in engine's learned-words table for `sets`: what `learned_words.tsv`
/// holds when written from them (the example `learn_words` writes it from the sets
/// that have been read; sets kept back to measure new mail must stay out of it).
pub fn learned_words(sets: &[LabelledSet]) -> String {
    crate::agent::learned_table(
        sets.iter()
            .flat_map(|s| s.items.iter())
            .map(|i| (i.expected, &i.input)),
    )
}

/// Reads the set `req` names.
pub fn load(store: &Mutex<Store>, source: &Source) -> Result<LabelledSet> {
    match source {
        Source::Dir(dir) => set::from_dir(dir),
        Source::Corrections => set::from_corrections(&lock(store)),
    }
}

/// Runs the evaluation `req` asks for: every message through every engine or model,
/// calling `progress` after each.
#[tracing::instrument(skip_all, fields(source = ?req.source, engine = ?req.engine))]
pub async fn evaluate(
    store: &Mutex<Store>,
    failsafe: &Arc<Failsafe>,
    req: &EvalRequest,
    progress: &(dyn Fn(EvalProgress) + Send + Sync),
) -> Result<EvalReport> {
    let set = load(store, &req.source)?;
    let settings = {
        let s = lock(store);
        let c = agent_config(&s, <EmailAnalyst as crate::agent::Agent>::NAME)?;
        RunSettings {
            model: c.model,
            temperature: c.temperature,
            max_tokens: c.max_tokens,
        }
    };
    let targets = targets(store, failsafe, req, &settings)?;
    let evaluation = {
        let s = lock(store);
        format!(
            "eval-{}",
            crate::ledger::execution::new_request_id(s.now_ms())
        )
    };
    let total = u32::try_from(set.items.len()).unwrap_or(u32::MAX);
    let mut results = Vec::with_capacity(targets.len());
    for target in &targets {
        let name = target.model.clone().unwrap_or_else(|| "builtin".into());
        let mut settings = settings.clone();
        if target.model.is_some() {
            settings.model = target.model.clone();
        }
        let mut outcomes = Vec::with_capacity(set.items.len());
        let mut blocked = false;
        for (i, item) in set.items.iter().enumerate() {
            if target.engine == EngineChoice::Llm && !blocked {
                blocked = budget::paid_calls_blocked(
                    &mut lock(store),
                    <EmailAnalyst as crate::agent::Agent>::NAME,
                )?
                .is_some();
                if blocked {
                    tracing::warn!(
                        target = %name,
                        "the budget's hard limit is reached: the rest of the set is skipped"
                    );
                }
            }
            outcomes.push(if blocked {
                skipped(item)
            } else {
                run_one(store, target, &settings, item, &evaluation).await?
            });
            progress(EvalProgress {
                target: name.clone(),
                done: u32::try_from(i + 1).unwrap_or(u32::MAX),
                total,
            });
        }
        let engine = match target.engine {
            EngineChoice::Builtin => "builtin",
            EngineChoice::Llm => "llm",
        };
        results.push(report::score(engine, target.model.as_deref(), &outcomes));
    }
    let mut by_category = std::collections::BTreeMap::new();
    for item in &set.items {
        *by_category
            .entry(item.expected.as_str().to_owned())
            .or_insert(0u32) += 1;
    }
    Ok(EvalReport {
        evaluation,
        sets: vec![SetSummary {
            name: set.name.clone(),
            n: total,
            by_category,
            prefilter: Prefilter::of(&set.items),
        }],
        results,
    })
}

/// The engines and models to run, checked before any run: `llm` with no usable
/// endpoint is an error, never a silent fall-back to the built-in engine.
fn targets(
    store: &Mutex<Store>,
    failsafe: &Arc<Failsafe>,
    req: &EvalRequest,
    settings: &RunSettings,
) -> Result<Vec<Target>> {
    // The built-in engine needs no endpoint (nor a keychain lookup for one); otherwise
    // the runtime every agent task uses: the configured endpoint through the failsafe.
    let runtime = if req.engine == Some(EngineChoice::Builtin) {
        Runtime::new(None)
    } else {
        tasks::runtime(store, failsafe)?
    };
    let engine = req.engine.unwrap_or(if runtime.uses_model() {
        EngineChoice::Llm
    } else {
        EngineChoice::Builtin
    });
    match engine {
        EngineChoice::Builtin => {
            if !req.models.is_empty() {
                return Err(Error::invalid(
                    "model",
                    "models are compared with --engine llm; the built-in engine has none",
                ));
            }
            Ok(vec![Target {
                engine,
                model: None,
                runtime: Runtime::new(None),
            }])
        }
        EngineChoice::Llm => {
            if !runtime.uses_model() {
                return Err(Error::invalid(
                    "engine",
                    "no model endpoint is usable: set an API key (jobtrail key set) or a local base URL, or use --engine builtin",
                ));
            }
            let mut models: Vec<String> = Vec::new();
            for m in &req.models {
                let m = m.trim();
                if m.is_empty() || m.chars().any(|c| c.is_control() || c.is_whitespace()) {
                    return Err(Error::invalid(
                        "model",
                        format!("{m:?} is not a model name"),
                    ));
                }
                if !models.iter().any(|seen| seen == m) {
                    models.push(m.to_owned());
                }
            }
            if models.is_empty() {
                // The model the agent's settings name, as any run of it would ask.
                models.push(runtime.model_for::<EmailAnalyst>(settings));
            }
            Ok(models
                .into_iter()
                .map(|model| Target {
                    engine,
                    runtime: runtime.clone().with_model_override(model.clone()),
                    model: Some(model),
                })
                .collect())
        }
    }
}

/// One message through one target, its run tagged with the evaluation.
async fn run_one(
    store: &Mutex<Store>,
    target: &Target,
    settings: &RunSettings,
    item: &Labelled,
    evaluation: &str,
) -> Result<Outcome> {
    let run = target
        .runtime
        .run(store, &EmailAnalyst::default(), &item.input, settings)
        .await?;
    let id = run.execution.execution_id;
    lock(store).write(|tx| {
        tx.execute(
            "INSERT OR IGNORE INTO evaluation_runs (execution_id, evaluation, item, expected)
             VALUES (?1, ?2, ?3, ?4)",
            params![id, evaluation, item.item, item.expected.as_str()],
        )
    })?;
    Ok(Outcome {
        item: item.item.clone(),
        email_id: item.email_id,
        from: item.input.from.clone(),
        subject: item.input.subject.clone(),
        expected: item.expected,
        answer: run.result.ok().map(|a| report::Answer {
            category: a.category,
            confidence: a.confidence,
            company: a.company,
            role: a.role,
        }),
        execution_id: Some(id),
        duration_us: run.execution.duration_us,
        cost: run.execution.cost,
        skipped: false,
        truth: item
            .extraction
            .as_ref()
            .map(|e| (e.company.clone(), e.role.clone())),
    })
}

fn skipped(item: &Labelled) -> Outcome {
    Outcome {
        item: item.item.clone(),
        email_id: item.email_id,
        from: item.input.from.clone(),
        subject: item.input.subject.clone(),
        expected: item.expected,
        answer: None,
        execution_id: None,
        duration_us: 0,
        cost: crate::money::Money::ZERO,
        skipped: true,
        truth: None,
    }
}

fn lock(store: &Mutex<Store>) -> MutexGuard<'_, Store> {
    store.lock().unwrap_or_else(PoisonError::into_inner)
}
