//! The explanation formatter (the spec's `ExplanationFormatter.format`): Markdown,
//! HTML, plain text and JSON.
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

use serde::{Deserialize, Serialize};

use super::Explanation;
use crate::clock::to_rfc3339;

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

/// Formats `e` (the spec's `ExplanationFormatter.format`).
pub fn format(e: &Explanation, f: ExplanationFormat) -> String {
    match f {
        ExplanationFormat::Markdown => markdown(e),
        ExplanationFormat::Html => html(e),
        ExplanationFormat::PlainText => text(e),
        ExplanationFormat::Json => json(e),
    }
}

fn pct(c: f64) -> String {
    format!("{:.0} %", c * 100.0)
}

/// Markdown: characters that would start markup are escaped; each value stays on
/// its own line.
fn md(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\\' | '`' | '*' | '_' | '{' | '}' | '[' | ']' | '(' | ')' | '#' | '+' | '-' | '!'
            | '|' | '>' | '~' => {
                out.push('\\');
                out.push(c);
            }
            '<' => out.push_str("&lt;"),
            '&' => out.push_str("&amp;"),
            '\n' | '\r' => out.push(' '),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

fn markdown(e: &Explanation) -> String {
    let mut s = format!(
        "# Decision by {}\n\n**Decision:** {}\n\n**Confidence:** {}\n\n*Execution #{} · {}*\n",
        md(&e.agent_name),
        md(&e.decision),
        pct(e.confidence_score),
        e.execution_id,
        to_rfc3339(e.created_at)
    );
    s.push_str(&format!("\n## Summary\n\n{}\n", md(&e.summary())));
    if !e.reasoning_steps.is_empty() {
        s.push_str("\n## Reasoning steps\n\n");
        for r in &e.reasoning_steps {
            s.push_str(&format!(
                "{}. **{}:** {}\n",
                r.step,
                r.reasoning_type.label(),
                md(&r.content)
            ));
        }
    }
    if !e.tool_usages.is_empty() {
        s.push_str("\n## Tools used\n");
        for t in &e.tool_usages {
            s.push_str(&format!(
                "\n### {} ({})\n\n- **Why:** {}\n- **Inputs:** {}\n",
                md(&t.tool_name),
                if t.success { "succeeded" } else { "failed" },
                md(&t.reason),
                md(&t.inputs.to_string())
            ));
            if let Some(x) = &t.expected_outcome {
                s.push_str(&format!("- **Expected:** {}\n", md(x)));
            }
            s.push_str(&format!("- **Outcome:** {}\n", md(&t.actual_outcome)));
        }
    }
    if !e.alternatives.is_empty() {
        s.push_str("\n## Alternatives considered\n");
        for a in &e.alternatives {
            s.push_str(&format!(
                "\n### {} ({})\n\n",
                md(&a.description),
                pct(a.confidence)
            ));
            for p in &a.pros {
                s.push_str(&format!("- Pro: {}\n", md(p)));
            }
            for c in &a.cons {
                s.push_str(&format!("- Con: {}\n", md(c)));
            }
            s.push_str(&format!(
                "- **Not chosen because:** {}\n",
                md(&a.reason_not_chosen)
            ));
        }
    }
    for (title, items) in [
        ("Key factors", &e.key_factors),
        ("Assumptions", &e.assumptions),
        ("Limitations", &e.limitations),
        ("Missing from this explanation", &e.gaps),
    ] {
        if !items.is_empty() {
            s.push_str(&format!("\n## {title}\n\n"));
            for i in items {
                s.push_str(&format!("- {}\n", md(i)));
            }
        }
    }
    s
}

/// HTML text: every character that could open markup or an attribute is escaped.
fn h(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            '`' => out.push_str("&#96;"),
            c if c.is_control() && c != '\n' && c != '\t' => {}
            c => out.push(c),
        }
    }
    out
}

fn html(e: &Explanation) -> String {
    let mut b = String::new();
    b.push_str(&format!(
        "<h1>Decision by {}</h1>\n<p class=\"decision\"><strong>Decision:</strong> {}</p>\n\
         <p><strong>Confidence:</strong> {}</p>\n<p class=\"meta\">Execution #{} · {}</p>\n\
         <h2>Summary</h2>\n<p>{}</p>\n",
        h(&e.agent_name),
        h(&e.decision),
        pct(e.confidence_score),
        e.execution_id,
        h(&to_rfc3339(e.created_at)),
        h(&e.summary())
    ));
    if !e.reasoning_steps.is_empty() {
        b.push_str("<h2>Reasoning steps</h2>\n<ol>\n");
        for r in &e.reasoning_steps {
            b.push_str(&format!(
                "<li><strong>{}:</strong> {}</li>\n",
                r.reasoning_type.label(),
                h(&r.content)
            ));
        }
        b.push_str("</ol>\n");
    }
    if !e.tool_usages.is_empty() {
        b.push_str("<h2>Tools used</h2>\n");
        for t in &e.tool_usages {
            b.push_str(&format!(
                "<h3>{} ({})</h3>\n<dl>\n<dt>Why</dt><dd>{}</dd>\n<dt>Inputs</dt><dd><code>{}</code></dd>\n",
                h(&t.tool_name),
                if t.success { "succeeded" } else { "failed" },
                h(&t.reason),
                h(&t.inputs.to_string())
            ));
            if let Some(x) = &t.expected_outcome {
                b.push_str(&format!("<dt>Expected</dt><dd>{}</dd>\n", h(x)));
            }
            b.push_str(&format!(
                "<dt>Outcome</dt><dd>{}</dd>\n</dl>\n",
                h(&t.actual_outcome)
            ));
        }
    }
    if !e.alternatives.is_empty() {
        b.push_str("<h2>Alternatives considered</h2>\n");
        for a in &e.alternatives {
            b.push_str(&format!(
                "<h3>{} ({})</h3>\n<ul>\n",
                h(&a.description),
                pct(a.confidence)
            ));
            for p in &a.pros {
                b.push_str(&format!("<li>Pro: {}</li>\n", h(p)));
            }
            for c in &a.cons {
                b.push_str(&format!("<li>Con: {}</li>\n", h(c)));
            }
            b.push_str(&format!(
                "<li><strong>Not chosen because:</strong> {}</li>\n</ul>\n",
                h(&a.reason_not_chosen)
            ));
        }
    }
    for (title, items) in [
        ("Key factors", &e.key_factors),
        ("Assumptions", &e.assumptions),
        ("Limitations", &e.limitations),
        ("Missing from this explanation", &e.gaps),
    ] {
        if !items.is_empty() {
            b.push_str(&format!("<h2>{title}</h2>\n<ul>\n"));
            for i in items {
                b.push_str(&format!("<li>{}</li>\n", h(i)));
            }
            b.push_str("</ul>\n");
        }
    }
    format!(
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n\
         <title>Decision by {}</title>\n<style>\n\
         body {{ font: 15px/1.5 system-ui, sans-serif; max-width: 46rem; margin: 2rem auto; padding: 0 1rem; color: #1d2430; }}\n\
         h1 {{ font-size: 1.5rem; }} h2 {{ font-size: 1.15rem; margin-top: 1.6rem; }} h3 {{ font-size: 1rem; }}\n\
         .meta {{ color: #5b6577; }} code {{ word-break: break-all; }} dt {{ font-weight: 600; }}\n\
         @media (prefers-color-scheme: dark) {{ body {{ background: #14181f; color: #e6e9ef; }} .meta {{ color: #9aa3b2; }} }}\n\
         </style>\n</head>\n<body>\n{b}</body>\n</html>\n",
        h(&e.agent_name)
    )
}

/// Wraps `s` to `width` columns after `indent`, dropping control characters; a word
/// longer than a line is cut so nothing runs past the edge.
fn wrap(s: &str, indent: &str, width: usize) -> String {
    let room = width.saturating_sub(indent.chars().count()).max(20);
    let clean: String = s
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    for word in clean.split_whitespace() {
        let chars: Vec<char> = word.chars().collect();
        for piece in chars.chunks(room) {
            let piece: String = piece.iter().collect();
            let needed =
                line.chars().count() + usize::from(!line.is_empty()) + piece.chars().count();
            if !line.is_empty() && needed > room {
                lines.push(std::mem::take(&mut line));
            }
            if !line.is_empty() {
                line.push(' ');
            }
            line.push_str(&piece);
        }
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines.iter().map(|l| format!("{indent}{l}\n")).collect()
}

fn text(e: &Explanation) -> String {
    const W: usize = 80;
    let mut s = wrap(&format!("Decision by {}", e.agent_name), "", W);
    s.push_str(&"=".repeat(W.min(s.trim_end().chars().count().max(10))));
    s.push('\n');
    s.push_str(&wrap(&format!("Decision: {}", e.decision), "", W));
    s.push_str(&format!(
        "Confidence: {}   Execution #{}   {}\n\nSummary\n",
        pct(e.confidence_score),
        e.execution_id,
        to_rfc3339(e.created_at)
    ));
    s.push_str(&wrap(&e.summary(), "  ", W));
    if !e.reasoning_steps.is_empty() {
        s.push_str("\nReasoning steps\n");
        for r in &e.reasoning_steps {
            s.push_str(&wrap(
                &format!("{}. {}: {}", r.step, r.reasoning_type.label(), r.content),
                "  ",
                W,
            ));
        }
    }
    if !e.tool_usages.is_empty() {
        s.push_str("\nTools used\n");
        for t in &e.tool_usages {
            s.push_str(&wrap(
                &format!(
                    "{} ({})",
                    t.tool_name,
                    if t.success { "succeeded" } else { "failed" }
                ),
                "  ",
                W,
            ));
            s.push_str(&wrap(&format!("why: {}", t.reason), "    ", W));
            s.push_str(&wrap(&format!("inputs: {}", t.inputs), "    ", W));
            if let Some(x) = &t.expected_outcome {
                s.push_str(&wrap(&format!("expected: {x}"), "    ", W));
            }
            s.push_str(&wrap(&format!("outcome: {}", t.actual_outcome), "    ", W));
        }
    }
    if !e.alternatives.is_empty() {
        s.push_str("\nAlternatives considered\n");
        for a in &e.alternatives {
            s.push_str(&wrap(
                &format!("{} ({})", a.description, pct(a.confidence)),
                "  ",
                W,
            ));
            for p in &a.pros {
                s.push_str(&wrap(&format!("+ {p}"), "    ", W));
            }
            for c in &a.cons {
                s.push_str(&wrap(&format!("- {c}"), "    ", W));
            }
            s.push_str(&wrap(
                &format!("not chosen: {}", a.reason_not_chosen),
                "    ",
                W,
            ));
        }
    }
    for (title, items) in [
        ("Key factors", &e.key_factors),
        ("Assumptions", &e.assumptions),
        ("Limitations", &e.limitations),
        ("Missing from this explanation", &e.gaps),
    ] {
        if !items.is_empty() {
            s.push_str(&format!("\n{title}\n"));
            for i in items {
                s.push_str(&wrap(&format!("* {i}"), "  ", W));
            }
        }
    }
    s
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
