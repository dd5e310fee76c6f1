//! Explanations from models: the runtime asks every model for `{ result,
//! explanation }` and for a `reason` with each tool call, then keeps what is valid of
//! the explanation and names what is missing, without failing a valid result.

use schemars::JsonSchema;
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use serde_json::{Value, json};

use super::llm::ToolSpec;
use crate::explain::{Alternative, Explanation, ReasoningType};

/// Added to every agent's instructions.
pub const INSTRUCTIONS: &str = "Answer with a JSON object {\"result\": …, \"explanation\": …}: \
    `result` follows the task's schema; `explanation` gives your decision in one sentence, \
    your confidence from 0 to 1, your reasoning steps (observation, thought, action, \
    decision), the alternatives you considered with pros, cons, confidence and why you did \
    not choose them, the key factors, your assumptions and your limitations. When you call a \
    tool, add a short `reason` argument saying why.";

/// The explanation a model is asked for.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct ModelExplanation {
    /// The decision, in one sentence.
    pub decision: String,
    /// 0 to 1.
    pub confidence: f64,
    /// Step by step.
    pub reasoning_steps: Vec<ModelStep>,
    /// Options considered and not chosen.
    pub alternatives: Vec<ModelAlternative>,
    /// What weighed most.
    pub key_factors: Vec<String>,
    /// What was taken for granted.
    pub assumptions: Vec<String>,
    /// What the answer cannot know or do.
    pub limitations: Vec<String>,
}

/// One reasoning step.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct ModelStep {
    /// observation, thought, action or decision.
    #[serde(rename = "type")]
    pub kind: ReasoningType,
    /// The step.
    pub content: String,
}

/// One alternative.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct ModelAlternative {
    /// The option.
    pub description: String,
    /// For it.
    pub pros: Vec<String>,
    /// Against it.
    pub cons: Vec<String>,
    /// 0 to 1.
    pub confidence: f64,
    /// Why not.
    pub reason_not_chosen: String,
}

/// The answer schema: the agent's output under `result`, the explanation beside it.
pub fn wrap_schema(output: Value) -> Value {
    let explanation = serde_json::to_value(schemars::schema_for!(ModelExplanation))
        .unwrap_or_else(|_| json!({"type": "object"}));
    json!({
        "type": "object",
        "properties": { "result": output, "explanation": explanation },
        "required": ["result", "explanation"]
    })
}

/// A tool's spec with an optional `reason` argument the runtime records and the
/// tool never needs.
pub fn with_reason(mut spec: ToolSpec) -> ToolSpec {
    if let Some(props) = spec
        .parameters
        .get_mut("properties")
        .and_then(Value::as_object_mut)
    {
        props.insert(
            "reason".into(),
            json!({"type": "string", "description": "Why you call this tool, in one sentence"}),
        );
    }
    spec
}

/// Parses a model's answer: `{result, explanation}`, or (models that ignore the
/// wrapper) the bare result. The result must be valid; of the explanation, what is
/// valid is kept and the rest named as gaps.
pub fn parse_answer<O: DeserializeOwned + Serialize>(
    agent: &str,
    text: &str,
) -> Result<(O, Explanation), String> {
    let value: Value = serde_json::from_str(text).map_err(|e| e.to_string())?;
    let (out, expl): (O, Option<&Value>) = match value.get("result") {
        Some(r)
            if value.get("explanation").is_some()
                || value.as_object().is_some_and(|o| o.len() == 1) =>
        {
            (
                serde_json::from_value(r.clone()).map_err(|e| format!("result: {e}"))?,
                value.get("explanation"),
            )
        }
        _ => (
            serde_json::from_value(value.clone()).map_err(|e| e.to_string())?,
            None,
        ),
    };
    let x = explanation(agent, expl, &out);
    Ok((out, x))
}

/// The explanation from `v`, falling back on the result's own `summary` and
/// `confidence` fields for the decision and the confidence.
fn explanation<O: Serialize>(agent: &str, v: Option<&Value>, out: &O) -> Explanation {
    let result = serde_json::to_value(out).unwrap_or(Value::Null);
    let Some(v) = v.filter(|v| v.is_object()) else {
        let mut x = Explanation::draft(
            agent,
            result["summary"].as_str().unwrap_or(""),
            result["confidence"].as_f64().unwrap_or(0.0),
        );
        x.add_gap("the model gave no explanation");
        return x;
    };
    let decision = v["decision"]
        .as_str()
        .or_else(|| result["summary"].as_str())
        .unwrap_or("");
    let confidence = v["confidence"]
        .as_f64()
        .or_else(|| result["confidence"].as_f64())
        .unwrap_or(f64::NAN);
    let mut x = Explanation::draft(agent, decision, confidence);
    if v["decision"].as_str().is_none() {
        x.add_gap("the model stated no decision; its summary is used");
    }
    match v["reasoning_steps"].as_array() {
        Some(steps) => {
            let mut bad = 0;
            for s in steps {
                match serde_json::from_value::<ModelStep>(s.clone()) {
                    Ok(s) => x.add_reasoning_step(s.kind, &s.content),
                    Err(_) => bad += 1,
                }
            }
            if bad > 0 {
                x.add_gap(&format!("{bad} reasoning steps were not valid"));
            }
        }
        None => x.add_gap("the model gave no reasoning steps"),
    }
    if let Some(alts) = v["alternatives"].as_array() {
        let mut bad = 0;
        for a in alts {
            let ok = serde_json::from_value::<ModelAlternative>(a.clone())
                .ok()
                .and_then(|a| {
                    x.add_alternative(Alternative {
                        description: a.description,
                        pros: a.pros,
                        cons: a.cons,
                        confidence: a.confidence,
                        reason_not_chosen: a.reason_not_chosen,
                    })
                    .ok()
                });
            if ok.is_none() {
                bad += 1;
            }
        }
        if bad > 0 {
            x.add_gap(&format!("{bad} alternatives were not valid"));
        }
    }
    let strings = |key: &str| -> Vec<String> {
        v[key]
            .as_array()
            .map(|a| {
                a.iter()
                    .filter_map(|s| s.as_str().map(str::to_owned))
                    .collect()
            })
            .unwrap_or_default()
    };
    x.add_key_factors(&strings("key_factors"));
    x.add_assumptions(&strings("assumptions"));
    x.add_limitations(&strings("limitations"));
    if x.key_factors.is_empty() {
        x.add_gap("the model named no key factors");
    }
    x
}
