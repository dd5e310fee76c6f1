//! The explanation formatter (the spec's `ExplanationFormatter.format`): Markdown,
//! HTML, plain text and JSON.
//!
//! The three readable formats share one layout: `sections` builds a document of
//! titled sections and blocks (paragraph, numbered steps, bullets, labelled fields,
//! groups) from an explanation once, and `markdown`, `html` and `text` each only
//! render that document.
//!
//! Everything in an explanation may come from a model, an email or a person, so
//! HTML escapes every value and is a self-contained document whose Content Security
//! Policy allows no script at all; Markdown escapes the characters that would make
//! markup; plain text wraps at 80 columns and drops control characters.
//!
//! JSON schema `jobtrail.explanation` v1: `{ schema, version, executionId, agentName,
//! decision, confidenceScore (0–1), createdAt (ms UTC), reasoningSteps: [{ step,
//! reasoningType, content }], toolUsages: [{ toolName, reason, inputs, expectedOutcome,
//! actualOutcome, success }], alternatives: [{ description, pros, cons, confidence,
//! reasonNotChosen }], keyFactors, assumptions, limitations, gaps, summary }`.

mod html;
mod markdown;
mod sections;
mod text;

use serde::{Deserialize, Serialize};

use self::html::to_html;
use self::markdown::to_markdown;
use self::sections::Document;
use self::text::to_text;
use super::Explanation;

/// An output format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum ExplanationFormat {
    /// Markdown.
    Markdown,
    /// A self-contained, script-free HTML document.
    Html,
    /// Plain text at 80 columns.
    PlainText,
    /// JSON (schema `jobtrail.explanation` v1).
    Json,
}

impl std::str::FromStr for ExplanationFormat {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.trim().to_ascii_lowercase().as_str() {
            "markdown" | "md" => Ok(Self::Markdown),
            "html" => Ok(Self::Html),
            "text" | "plain_text" | "plain" | "txt" => Ok(Self::PlainText),
            "json" => Ok(Self::Json),
            _ => Err(format!(
                "{s:?} is not a format: use markdown, html, text or json"
            )),
        }
    }
}

/// Formats `e` (the spec's `ExplanationFormatter.format`). Markdown, HTML and plain
/// text render the same `sections::Document` of `e`; JSON is the explanation itself.
pub fn format(e: &Explanation, f: ExplanationFormat) -> String {
    match f {
        ExplanationFormat::Markdown => to_markdown(&Document::of(e)),
        ExplanationFormat::Html => to_html(&Document::of(e)),
        ExplanationFormat::PlainText => to_text(&Document::of(e)),
        ExplanationFormat::Json => json(e),
    }
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct JsonDoc<'a> {
    schema: &'static str,
    version: u32,
    #[serde(flatten)]
    explanation: &'a Explanation,
    summary: String,
}

fn json(e: &Explanation) -> String {
    let doc = JsonDoc {
        schema: "jobtrail.explanation",
        version: 1,
        explanation: e,
        summary: e.summary(),
    };
    // Only non-finite floats fail, and confidences are checked on the way in.
    serde_json::to_string_pretty(&doc).unwrap_or_else(|err| {
        serde_json::json!({ "schema": "jobtrail.explanation", "version": 1, "error": err.to_string() })
            .to_string()
    })
}
