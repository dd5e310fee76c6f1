//! Decision explanations (the spec's decision explainer): for each execution, the
//! decision and its confidence, reasoning steps, tools used and why, alternatives,
//! key factors, assumptions, limitations, and any gap where a model's explanation
//! was missing or invalid. Stored in table `explanations`, one row per execution.

pub mod feedback;
pub mod format;

use rusqlite::{OptionalExtension, params};
use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::clock::Timestamp;
use crate::error::{Error, Result};
use crate::store::{Migration, Store};

pub(crate) const MIGRATION: Migration = Migration {
    id: "202611280005_explanations",
    sql: "
    CREATE TABLE explanations (
        execution_id INTEGER PRIMARY KEY REFERENCES executions (id) ON DELETE CASCADE,
        agent TEXT NOT NULL,
        decision TEXT NOT NULL,
        confidence REAL NOT NULL CHECK (confidence >= 0 AND confidence <= 1),
        created_at INTEGER NOT NULL,
        body TEXT NOT NULL
    ) STRICT;
    CREATE INDEX explanations_by_agent ON explanations (agent, created_at);
    ",
};

/// The spec's reasoning types, and the ones the agents need besides.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum ReasoningType {
    /// Something seen in the input.
    Observation,
    /// An inference.
    Thought,
    /// Something done (a tool call, a lookup).
    Action,
    /// The conclusion.
    Decision,
    /// A rule of the built-in engine that fired.
    Rule,
    /// A check of an earlier step.
    Verification,
}

impl ReasoningType {
    /// A word for people.
    pub fn label(self) -> &'static str {
        match self {
            ReasoningType::Observation => "Observation",
            ReasoningType::Thought => "Thought",
            ReasoningType::Action => "Action",
            ReasoningType::Decision => "Decision",
            ReasoningType::Rule => "Rule",
            ReasoningType::Verification => "Verification",
        }
    }
}

/// One step of the reasoning.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct ReasoningStep {
    /// Position, from 1.
    pub step: usize,
    /// What kind of step.
    pub reasoning_type: ReasoningType,
    /// What it says.
    pub content: String,
}

/// A tool used, why, and what came of it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct ToolUsage {
    /// Tool name.
    pub tool_name: String,
    /// Why it was called.
    pub reason: String,
    /// Its arguments.
    pub inputs: Value,
    /// What was expected, if said.
    pub expected_outcome: Option<String>,
    /// What it returned (shortened).
    pub actual_outcome: String,
    /// Whether it succeeded.
    pub success: bool,
}

/// An option considered and not chosen.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct Alternative {
    /// The option.
    pub description: String,
    /// For it.
    pub pros: Vec<String>,
    /// Against it.
    pub cons: Vec<String>,
    /// How likely it seemed, 0 to 1.
    pub confidence: f64,
    /// Why it lost.
    pub reason_not_chosen: String,
}

/// One decision, explained.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct Explanation {
    /// The execution explained.
    pub execution_id: i64,
    /// The agent.
    pub agent_name: String,
    /// What was decided, in a sentence.
    pub decision: String,
    /// 0 to 1.
    pub confidence_score: f64,
    /// When it was written, ms UTC.
    pub created_at: Timestamp,
    /// Step by step.
    pub reasoning_steps: Vec<ReasoningStep>,
    /// Tools, with reasons and outcomes.
    pub tool_usages: Vec<ToolUsage>,
    /// Options not chosen.
    pub alternatives: Vec<Alternative>,
    /// What weighed most.
    pub key_factors: Vec<String>,
    /// What was taken for granted.
    pub assumptions: Vec<String>,
    /// What it cannot know or do.
    pub limitations: Vec<String>,
    /// What the explanation lacks (a model left a part out or gave it invalid).
    pub gaps: Vec<String>,
}

/// Longest text kept in one field, in characters; longer text is shortened with `…`.
pub const MAX_TEXT: usize = 4_000;
/// Most entries kept in one list.
pub const MAX_ITEMS: usize = 50;

fn clean(s: &str) -> String {
    let s = s.trim();
    if s.chars().count() <= MAX_TEXT {
        return s.to_owned();
    }
    let mut out: String = s.chars().take(MAX_TEXT - 1).collect();
    out.push('…');
    out
}

fn check_confidence(field: &'static str, c: f64) -> Result<f64> {
    if c.is_finite() && (0.0..=1.0).contains(&c) {
        Ok(c)
    } else {
        Err(Error::invalid(field, "must be between 0 and 1"))
    }
}

impl Explanation {
    /// An explanation with a decision and nothing else yet.
    pub fn new(
        execution_id: i64,
        agent: &str,
        decision: &str,
        confidence: f64,
        now: Timestamp,
    ) -> Result<Self> {
        let decision = clean(decision);
        if decision.is_empty() {
            return Err(Error::invalid("decision", "is required"));
        }
        Ok(Self {
            execution_id,
            agent_name: clean(agent),
            decision,
            confidence_score: check_confidence("confidenceScore", confidence)?,
            created_at: now,
            reasoning_steps: Vec::new(),
            tool_usages: Vec::new(),
            alternatives: Vec::new(),
            key_factors: Vec::new(),
            assumptions: Vec::new(),
            limitations: Vec::new(),
            gaps: Vec::new(),
        })
    }

    /// An explanation for a run not yet stored: the recorder sets the execution id
    /// and the time, and adds the tools the run called. An out-of-range confidence
    /// is clamped and named as a gap rather than refused.
    pub fn draft(agent: &str, decision: &str, confidence: f64) -> Self {
        let mut gaps = Vec::new();
        let confidence = if confidence.is_finite() && (0.0..=1.0).contains(&confidence) {
            confidence
        } else {
            gaps.push(format!(
                "the stated confidence {confidence} was not between 0 and 1"
            ));
            0.0
        };
        let decision = clean(decision);
        if decision.is_empty() {
            gaps.push("no decision was stated".to_owned());
        }
        Self {
            execution_id: 0,
            agent_name: clean(agent),
            decision: if decision.is_empty() {
                "(not stated)".to_owned()
            } else {
                decision
            },
            confidence_score: confidence,
            created_at: 0,
            reasoning_steps: Vec::new(),
            tool_usages: Vec::new(),
            alternatives: Vec::new(),
            key_factors: Vec::new(),
            assumptions: Vec::new(),
            limitations: Vec::new(),
            gaps,
        }
    }

    /// Adds a reasoning step (numbered in order).
    pub fn add_reasoning_step(&mut self, reasoning_type: ReasoningType, content: &str) {
        if self.reasoning_steps.len() < MAX_ITEMS {
            self.reasoning_steps.push(ReasoningStep {
                step: self.reasoning_steps.len() + 1,
                reasoning_type,
                content: clean(content),
            });
        }
    }

    /// Adds a tool usage.
    pub fn add_tool_usage(&mut self, usage: ToolUsage) {
        if self.tool_usages.len() < MAX_ITEMS {
            self.tool_usages.push(ToolUsage {
                tool_name: clean(&usage.tool_name),
                reason: clean(&usage.reason),
                expected_outcome: usage.expected_outcome.as_deref().map(clean),
                actual_outcome: clean(&usage.actual_outcome),
                ..usage
            });
        }
    }

    /// Adds an alternative; its confidence must be 0 to 1.
    pub fn add_alternative(&mut self, alt: Alternative) -> Result<()> {
        check_confidence("confidence", alt.confidence)?;
        if self.alternatives.len() < MAX_ITEMS {
            self.alternatives.push(Alternative {
                description: clean(&alt.description),
                pros: list(&alt.pros),
                cons: list(&alt.cons),
                reason_not_chosen: clean(&alt.reason_not_chosen),
                ..alt
            });
        }
        Ok(())
    }

    /// Adds key factors.
    pub fn add_key_factors(&mut self, items: &[impl AsRef<str>]) {
        extend(&mut self.key_factors, items);
    }

    /// Adds assumptions.
    pub fn add_assumptions(&mut self, items: &[impl AsRef<str>]) {
        extend(&mut self.assumptions, items);
    }

    /// Adds limitations.
    pub fn add_limitations(&mut self, items: &[impl AsRef<str>]) {
        extend(&mut self.limitations, items);
    }

    /// Names something the explanation lacks.
    pub fn add_gap(&mut self, gap: &str) {
        extend(&mut self.gaps, &[gap]);
    }

    /// One paragraph for people (the spec's `generate_summary`).
    pub fn summary(&self) -> String {
        let mut s = format!(
            "{} decided: {} (confidence {:.0} %).",
            self.agent_name,
            self.decision.trim_end_matches('.'),
            self.confidence_score * 100.0
        );
        if let Some(d) = self
            .reasoning_steps
            .iter()
            .rev()
            .find(|s| s.reasoning_type == ReasoningType::Decision)
            && d.content != self.decision
        {
            s.push_str(&format!(" {}", sentence(&d.content)));
        }
        if !self.key_factors.is_empty() {
            s.push_str(&format!(" Key factors: {}.", joined(&self.key_factors)));
        }
        if !self.tool_usages.is_empty() {
            let tools: Vec<&str> = self
                .tool_usages
                .iter()
                .map(|t| t.tool_name.as_str())
                .collect();
            s.push_str(&format!(" Tools used: {}.", tools.join(", ")));
        }
        if let Some(best) = self
            .alternatives
            .iter()
            .max_by(|a, b| a.confidence.total_cmp(&b.confidence))
        {
            s.push_str(&format!(
                " Also considered: {} ({:.0} %), not chosen because {}.",
                best.description.trim_end_matches('.'),
                best.confidence * 100.0,
                lower_first(best.reason_not_chosen.trim_end_matches('.'))
            ));
        }
        if !self.limitations.is_empty() {
            s.push_str(&format!(" Limitations: {}.", joined(&self.limitations)));
        }
        if !self.gaps.is_empty() {
            s.push_str(&format!(
                " Missing from the explanation: {}.",
                joined(&self.gaps)
            ));
        }
        s
    }
}

/// Items joined with `; `, each without its own final full stop.
fn joined(items: &[String]) -> String {
    items
        .iter()
        .map(|i| i.trim().trim_end_matches('.'))
        .collect::<Vec<_>>()
        .join("; ")
}

fn sentence(s: &str) -> String {
    let s = s.trim();
    if s.ends_with(['.', '!', '?']) {
        s.to_owned()
    } else {
        format!("{s}.")
    }
}

fn lower_first(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) if c.clone().next().is_some_and(char::is_lowercase) => {
            f.to_lowercase().chain(c).collect()
        }
        Some(f) => std::iter::once(f).chain(c).collect(),
        None => String::new(),
    }
}

fn list(items: &[String]) -> Vec<String> {
    items
        .iter()
        .map(|s| clean(s))
        .filter(|s| !s.is_empty())
        .take(MAX_ITEMS)
        .collect()
}

fn extend(into: &mut Vec<String>, items: &[impl AsRef<str>]) {
    for item in items {
        let item = clean(item.as_ref());
        if !item.is_empty() && into.len() < MAX_ITEMS && !into.contains(&item) {
            into.push(item);
        }
    }
}

/// Stores (or replaces) an execution's explanation, in the caller's transaction.
pub(crate) fn save_in(tx: &rusqlite::Transaction<'_>, e: &Explanation) -> rusqlite::Result<()> {
    let body = serde_json::to_string(e)
        .map_err(|err| rusqlite::Error::ToSqlConversionFailure(Box::new(err)))?;
    tx.prepare_cached(
        "INSERT INTO explanations (execution_id, agent, decision, confidence, created_at, body)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)
         ON CONFLICT (execution_id) DO UPDATE SET agent = excluded.agent,
             decision = excluded.decision, confidence = excluded.confidence, body = excluded.body",
    )?
    .execute(params![
        e.execution_id,
        e.agent_name,
        e.decision,
        e.confidence_score,
        e.created_at,
        body
    ])?;
    Ok(())
}

/// Stores (or replaces) an execution's explanation (the spec's `create_explanation`
/// and `add_*` calls, made on an [`Explanation`] and saved here). The execution must
/// exist.
pub fn save(store: &mut Store, e: &Explanation) -> Result<()> {
    let exists: bool = store.read(|c| {
        c.query_row(
            "SELECT EXISTS (SELECT 1 FROM executions WHERE id = ?1)",
            [e.execution_id],
            |r| r.get(0),
        )
    })?;
    if !exists {
        return Err(Error::not_found("execution", e.execution_id));
    }
    store.write(|tx| save_in(tx, e))?;
    Ok(())
}

/// The spec's `create_explanation`: a new explanation for stored run
/// `execution_id`, saved at once; add to it and [`save`] again.
pub fn create_explanation(
    store: &mut Store,
    agent_name: &str,
    execution_id: i64,
    decision: &str,
    confidence_score: f64,
) -> Result<Explanation> {
    let e = Explanation::new(
        execution_id,
        agent_name,
        decision,
        confidence_score,
        store.now_ms(),
    )?;
    save(store, &e)?;
    Ok(e)
}

/// The spec's `get_explanation`.
pub fn get_explanation(store: &Store, execution_id: i64) -> Result<Explanation> {
    get(store, execution_id)
}

/// An execution's explanation.
pub fn get(store: &Store, execution_id: i64) -> Result<Explanation> {
    let body: Option<String> = store.read(|c| {
        c.query_row(
            "SELECT body FROM explanations WHERE execution_id = ?1",
            [execution_id],
            |r| r.get(0),
        )
        .optional()
    })?;
    let body = body.ok_or(Error::not_found("explanation for execution", execution_id))?;
    serde_json::from_str(&body).map_err(|e| {
        Error::invalid(
            "explanation",
            format!("the stored explanation cannot be read: {e}"),
        )
    })
}

/// The latest `limit` explanations, newest first.
pub fn recent(store: &Store, limit: i64) -> Result<Vec<Explanation>> {
    let bodies: Vec<String> = store.read(|c| {
        let mut stmt = c.prepare_cached(
            "SELECT body FROM explanations ORDER BY created_at DESC, execution_id DESC LIMIT ?1",
        )?;
        let rows = stmt.query_map([limit.clamp(1, 1000)], |r| r.get(0))?;
        rows.collect()
    })?;
    // One unreadable row does not hide the others.
    Ok(bodies
        .iter()
        .filter_map(|b| serde_json::from_str(b).ok())
        .collect())
}

/// The spec's `generate_summary(execution_id)`.
pub fn generate_summary(store: &Store, execution_id: i64) -> Result<String> {
    Ok(get(store, execution_id)?.summary())
}
