//! `jobtrail explain`: why an agent run decided what it did.

use std::path::PathBuf;

use jobtrail_core::Store;
use jobtrail_core::explain::format::{ExplanationFormat, format};
use jobtrail_core::explain::{self, Explanation};

use crate::output::{CliError, Output, clip};

/// Most recent explanations listed by `explain --summary` without an id.
const RECENT: i64 = 20;

pub fn run(
    store: &Store,
    execution_id: Option<i64>,
    format_name: &str,
    summary: bool,
    output: Option<PathBuf>,
    out: &Output,
) -> Result<(), CliError> {
    let fmt: ExplanationFormat = if out.json {
        ExplanationFormat::Json
    } else {
        format_name.parse().map_err(CliError::Usage)?
    };
    let Some(id) = execution_id else {
        if !summary {
            return Err(CliError::Usage(
                "name an execution id (see `jobtrail monitoring raw`), or use --summary for the latest".into(),
            ));
        }
        let recent = explain::recent(store, RECENT)?;
        return out.print(&recent, || {
            if recent.is_empty() {
                return "No explanations yet: run an agent first.".into();
            }
            recent
                .iter()
                .map(|e| format!("#{:<6} {}", e.execution_id, clip(&e.summary(), 200)))
                .collect::<Vec<_>>()
                .join("\n")
        });
    };
    let e: Explanation = explain::get(store, id)?;
    if summary {
        return out.print(
            &serde_json::json!({ "executionId": id, "summary": e.summary() }),
            || e.summary(),
        );
    }
    let text = format(&e, fmt);
    match output {
        Some(path) => {
            std::fs::write(&path, &text).map_err(|err| {
                CliError::Usage(format!("cannot write {}: {err}", path.display()))
            })?;
            eprintln!(
                "wrote the explanation of execution #{id} to {}",
                path.display()
            );
            Ok(())
        }
        None => {
            print!("{text}");
            if !text.ends_with('\n') {
                println!();
            }
            Ok(())
        }
    }
}

/// `jobtrail calibration [AGENT]`.
pub fn calibration(store: &Store, agent: Option<&str>, out: &Output) -> Result<(), CliError> {
    let table = explain::feedback::calibration(store, agent)?;
    out.print(&table, || {
        if table.is_empty() {
            return "No explained decisions yet.".into();
        }
        let mut t = String::new();
        for c in &table {
            t.push_str(&format!(
                "{}: {} decisions, {} corrected ({:.0} %)\n",
                c.agent,
                c.decisions,
                c.corrected,
                c.corrected_share * 100.0
            ));
            for b in c.bands.iter().filter(|b| b.decisions > 0) {
                t.push_str(&format!(
                    "  stated {:.0}–{:.0} %: {} decisions, right {:.0} % (mean stated {:.0} %)\n",
                    b.from * 100.0,
                    b.to * 100.0,
                    b.decisions,
                    b.accuracy.unwrap_or(0.0) * 100.0,
                    b.mean_confidence.unwrap_or(0.0) * 100.0
                ));
            }
        }
        t.trim_end().to_owned()
    })
}
