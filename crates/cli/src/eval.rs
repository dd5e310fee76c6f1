//! `jobtrail eval email-analyst …`: how often the analyst is right on a labelled set,
//! and at what price, per engine or model.

use std::fmt::Write as _;
use std::io::IsTerminal;
use std::path::PathBuf;
use std::sync::{Arc, Mutex};

use clap::{Args, Subcommand, ValueEnum};
use jobtrail_core::Store;
use jobtrail_core::failsafe::Failsafe;
use jobtrail_core::service::eval::{self, EngineChoice, EvalReport, EvalRequest, Source};

use crate::output::{CliError, Output};

#[derive(Debug, Subcommand)]
pub enum EvalCommand {
    /// EmailAnalyst on labelled mail: accuracy, per-category precision/recall/F1, the
    /// confusion matrix, cost, run times and calibration. A dry run: no application
    /// changes and nothing is queued; each run is recorded and priced as an evaluation.
    EmailAnalyst(EvalArgs),
}

#[derive(Debug, Args)]
#[command(group(clap::ArgGroup::new("source").required(true).args(["dir", "from_corrections"])))]
pub struct EvalArgs {
    /// A set: .eml files in folders named by category (application_received,
    /// interview_invite, assessment, offer, rejection, recruiter_outreach,
    /// follow_up_needed, other), with an optional labels.json of company and role.
    #[arg(long, value_name = "DIR")]
    dir: Option<PathBuf>,
    /// Your own corrections: relabelled emails and accepted proposals.
    #[arg(long)]
    from_corrections: bool,
    /// The engine (default: the configured one).
    #[arg(long, value_enum)]
    engine: Option<Engine>,
    /// A model to compare (repeat for several side by side; --engine llm).
    #[arg(long = "model", value_name = "MODEL")]
    models: Vec<String>,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum Engine {
    /// The built-in rules (offline, free).
    Builtin,
    /// The configured model endpoint.
    Llm,
}

pub fn run(cmd: EvalCommand, store: Store, out: &Output) -> Result<(), CliError> {
    let EvalCommand::EmailAnalyst(args) = cmd;
    let req = EvalRequest {
        source: match args.dir {
            Some(dir) => Source::Dir(dir),
            None => Source::Corrections,
        },
        engine: args.engine.map(|e| match e {
            Engine::Builtin => EngineChoice::Builtin,
            Engine::Llm => EngineChoice::Llm,
        }),
        models: args.models,
    };
    let store = Mutex::new(store);
    let failsafe = Arc::new(Failsafe::default());
    let tokio = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .map_err(|e| CliError::Internal(format!("cannot start the async runtime: {e}")))?;
    // Progress on stderr, only for a person watching.
    let tty = std::io::stderr().is_terminal() && !out.json;
    let progress = move |p: eval::EvalProgress| {
        if tty {
            eprint!("\r{}: {}/{}", p.target, p.done, p.total);
            if p.done == p.total {
                eprintln!();
            }
        }
    };
    let report = tokio.block_on(eval::evaluate(&store, &failsafe, &req, &progress))?;
    out.print(&report, || text(&report))
}

fn pct(v: Option<f64>) -> String {
    v.map_or_else(|| "–".into(), |v| format!("{:.0} %", v * 100.0))
}

fn text(r: &EvalReport) -> String {
    let mut s = String::new();
    for set in &r.sets {
        let p = &set.prefilter;
        let _ = writeln!(
            s,
            "Set {}: {} messages; the new-mail pre-filter would skip {} of {} job mails and {} of {} others",
            set.name, set.n, p.job_skipped, p.job_mail, p.other_skipped, p.other_mail
        );
        if !p.job_skipped_items.is_empty() {
            let _ = writeln!(
                s,
                "  job mail it would skip: {}",
                p.job_skipped_items.join(", ")
            );
        }
    }
    let _ = writeln!(
        s,
        "\n{:<28} {:>5} {:>9} {:>10} {:>12} {:>8} {:>8} {:>8} {:>9} {:>8}",
        "engine / model",
        "n",
        "accuracy",
        "cost",
        "per correct",
        "p50 ms",
        "p95 ms",
        "company",
        "employer",
        "role"
    );
    for res in &r.results {
        let name = match &res.model {
            Some(m) => format!("{} {m}", res.engine),
            None => res.engine.clone(),
        };
        let ms = |v: Option<f64>| v.map_or_else(|| "–".into(), |v| format!("{v:.1}"));
        let _ = writeln!(
            s,
            "{:<28} {:>5} {:>9} {:>10} {:>12} {:>8} {:>8} {:>8} {:>9} {:>8}",
            crate::output::clip(&name, 28),
            res.n,
            pct(res.accuracy),
            res.cost.to_string(),
            res.cost_per_correct
                .map_or_else(|| "–".into(), |m| m.to_string()),
            ms(res.p50_ms),
            ms(res.p95_ms),
            pct(res.extraction.as_ref().and_then(|e| e.company)),
            pct(res
                .extraction
                .as_ref()
                .and_then(|e| e.company_same_employer)),
            pct(res.extraction.as_ref().and_then(|e| e.role)),
        );
        if res.skipped > 0 {
            let _ = writeln!(
                s,
                "  {} skipped: the budget's hard limit was reached",
                res.skipped
            );
        }
    }
    if r.results.iter().any(|res| res.extraction.is_some()) {
        let _ = writeln!(
            s,
            "company: named as labelled; employer: that or another spelling of it the \
             analyst files under the same application (\"Isarwacht Versicherung\" for \"Isarwacht\")"
        );
    }
    for res in &r.results {
        let name = res.model.as_deref().unwrap_or(&res.engine);
        let _ = writeln!(s, "\n{name}: per category");
        let _ = writeln!(
            s,
            "  {:<22} {:>7} {:>9} {:>7} {:>7}",
            "category", "support", "precision", "recall", "F1"
        );
        for (cat, c) in &res.per_category {
            let _ = writeln!(
                s,
                "  {:<22} {:>7} {:>9} {:>7} {:>7}",
                cat,
                c.support,
                pct(c.precision),
                pct(c.recall),
                pct(c.f1)
            );
        }
        let _ = writeln!(s, "  confusion (rows expected, columns predicted):");
        let short: Vec<String> = res
            .confusion
            .labels
            .iter()
            .map(|l| l.chars().take(6).collect())
            .collect();
        let _ = writeln!(
            s,
            "  {:<22} {}",
            "",
            short
                .iter()
                .map(|l| format!("{l:>6}"))
                .collect::<Vec<_>>()
                .join(" ")
        );
        for (label, row) in res.confusion.labels.iter().zip(&res.confusion.matrix) {
            let cells: Vec<String> = row.iter().map(|n| format!("{n:>6}")).collect();
            let _ = writeln!(s, "  {label:<22} {}", cells.join(" "));
        }
        let _ = writeln!(s, "  calibration (stated confidence → right):");
        for b in res.calibration.iter().filter(|b| b.n > 0) {
            let _ = writeln!(
                s,
                "    {:.1}–{:.1}: {} answers, {} right",
                b.from,
                b.to,
                b.n,
                pct(b.accuracy)
            );
        }
        if !res.wrong.is_empty() {
            let _ = writeln!(s, "  wrong ({}), with the run to explain:", res.wrong.len());
            for w in res.wrong.iter().take(20) {
                let _ = writeln!(
                    s,
                    "    {}: expected {}, got {}{}",
                    w.message.item,
                    w.expected,
                    w.predicted
                        .map_or_else(|| "no answer".into(), |p| p.to_string()),
                    w.message
                        .execution_id
                        .map_or_else(String::new, |id| format!(" (jobtrail explain {id})"))
                );
            }
            if res.wrong.len() > 20 {
                let _ = writeln!(
                    s,
                    "    … and {} more (--json lists all)",
                    res.wrong.len() - 20
                );
            }
        }
        let misses = res.extraction.as_ref().map_or(&[][..], |e| &e.misses[..]);
        if !misses.is_empty() {
            let _ = writeln!(s, "  company or role wrong ({}):", misses.len());
            let show = |v: &Option<String>| v.as_deref().unwrap_or("–").to_owned();
            for m in misses.iter().take(20) {
                let _ = writeln!(
                    s,
                    "    {}: expected {} / {}, got {} / {}",
                    m.message.item,
                    show(&m.expected.company),
                    show(&m.expected.role),
                    show(&m.found.company),
                    show(&m.found.role),
                );
            }
            if misses.len() > 20 {
                let _ = writeln!(s, "    … and {} more (--json lists all)", misses.len() - 20);
            }
        }
    }
    s.trim_end().to_owned()
}
