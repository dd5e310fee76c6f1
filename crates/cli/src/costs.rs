//! `jobtrail costs …` and `jobtrail prices …`: the cost tracker (the spec's
//! `/api/monitoring/costs/*` endpoints, one to one) and the price table.

use clap::Subcommand;
use jobtrail_core::Store;
use jobtrail_core::cost::{self, CostSummary, Money, PriceDraft, prices};
use jobtrail_core::service::costs::{BudgetChange, update_budgets};

use crate::output::{CliError, Output, clip};

fn money(flag: &str, raw: &str) -> Result<Money, CliError> {
    raw.parse()
        .map_err(|e| CliError::Usage(format!("{flag}: {e}")))
}

#[derive(Debug, Subcommand)]
pub enum CostsCommand {
    /// Cost summary for every agent.
    Agents {
        #[arg(long, default_value_t = 24.0, allow_hyphen_values = true)]
        period_hours: f64,
    },
    /// Cost summary for one agent.
    Agent {
        name: String,
        #[arg(long, default_value_t = 24.0, allow_hyphen_values = true)]
        period_hours: f64,
    },
    /// Total cost across agents, by model and by agent, per day.
    Total {
        #[arg(long, default_value_t = 24.0, allow_hyphen_values = true)]
        period_hours: f64,
    },
    /// Budgets.
    #[command(subcommand)]
    Budget(BudgetCommand),
    /// Cost optimization tips from real usage.
    Tips {
        #[arg(long, default_value_t = 168.0, allow_hyphen_values = true)]
        period_hours: f64,
    },
    /// Export the cost report as JSON (versioned schema) or CSV (per day, agent, model).
    Export {
        #[arg(long, default_value_t = 720.0, allow_hyphen_values = true)]
        period_hours: f64,
        #[arg(long, value_enum, default_value = "json")]
        format: crate::monitoring::ExportFormat,
        /// Write to this file instead of standard output.
        #[arg(long, short)]
        output: Option<std::path::PathBuf>,
    },
    /// Record usage the agents did not make (the spec's manual `track_usage`).
    Track {
        #[arg(long)]
        agent: String,
        #[arg(long)]
        model: String,
        /// Prompt tokens, cached ones included.
        #[arg(long)]
        input: u64,
        /// Completion tokens, reasoning included.
        #[arg(long)]
        output: u64,
        /// Of the input, served from cache.
        #[arg(long, default_value_t = 0)]
        cached: u64,
        /// Of the output, reasoning.
        #[arg(long, default_value_t = 0)]
        reasoning: u64,
    },
}

#[derive(Debug, Subcommand)]
pub enum BudgetCommand {
    /// Spent, limit, percent used, remaining, projection and thresholds crossed.
    Status,
    /// Set budgets (dollars; `none` removes one). Unnamed budgets keep their values.
    Set {
        /// Daily budget (the spec's `budget`).
        #[arg(long, allow_hyphen_values = true)]
        daily: Option<String>,
        /// Monthly budget.
        #[arg(long, allow_hyphen_values = true)]
        monthly: Option<String>,
        /// A per-agent daily budget: AGENT=DOLLARS (repeatable; AGENT=none removes).
        #[arg(long = "agent", value_name = "AGENT=DOLLARS")]
        agents: Vec<String>,
        /// Stop calling paid models once a budget is spent.
        #[arg(long)]
        hard_limit: Option<bool>,
    },
}

fn optional_money(flag: &str, raw: &str) -> Result<Option<Money>, CliError> {
    if raw.trim().eq_ignore_ascii_case("none") {
        Ok(None)
    } else {
        money(flag, raw).map(Some)
    }
}

pub fn costs(cmd: CostsCommand, store: &mut Store, out: &Output) -> Result<(), CliError> {
    match cmd {
        CostsCommand::Agents { period_hours } => {
            let all = cost::get_all_agents_costs(store, period_hours)?;
            out.print(&all, || {
                if all.is_empty() {
                    return format!("No spend in the last {period_hours} h.");
                }
                all.iter().map(line).collect::<Vec<_>>().join("\n")
            })
        }
        CostsCommand::Agent { name, period_hours } => {
            let s = cost::get_agent_summary(store, &name, period_hours)?;
            out.print(&s, || detail(&s))
        }
        CostsCommand::Total { period_hours } => {
            let s = cost::summary::summary(store, None, period_hours)?;
            out.print(&s, || detail(&s))
        }
        CostsCommand::Budget(BudgetCommand::Status) => {
            let s = cost::check_budget_status(store)?;
            out.print(&s, || {
                let mut t = format!(
                    "today {} (heading for {})  ·  this month {} (heading for {})",
                    s.today_spent,
                    s.forecast.today_projected,
                    s.month_spent,
                    s.forecast.month_projected
                );
                for p in s
                    .daily
                    .iter()
                    .chain(s.monthly.iter())
                    .chain(s.agents.iter())
                {
                    t.push_str(&format!(
                        "\n{:<20} {} of {} ({:.1} %), {} left, heading for {}{}",
                        p.scope,
                        p.spent,
                        p.limit,
                        p.budget_used_percent,
                        p.remaining,
                        p.projected,
                        if p.exceeded { "  SPENT" } else { "" }
                    ));
                }
                if s.daily.is_none() && s.monthly.is_none() && s.agents.is_empty() {
                    t.push_str("\nNo budget set: `jobtrail costs budget set --daily 10`.");
                }
                if s.hard_limit {
                    t.push_str(
                        "\nHard limit on: agents use their built-in engine once a budget is spent.",
                    );
                }
                t
            })
        }
        CostsCommand::Budget(BudgetCommand::Set {
            daily,
            monthly,
            agents,
            hard_limit,
        }) => {
            let change = BudgetChange {
                daily: daily.map(|d| optional_money("--daily", &d)).transpose()?,
                monthly: monthly
                    .map(|m| optional_money("--monthly", &m))
                    .transpose()?,
                agents: agents
                    .iter()
                    .map(|a| {
                        let (name, amount) = a.split_once('=').ok_or_else(|| {
                            CliError::Usage(format!("--agent {a:?}: write AGENT=DOLLARS"))
                        })?;
                        Ok((name.to_owned(), optional_money("--agent", amount)?))
                    })
                    .collect::<Result<_, CliError>>()?,
                hard_limit,
            };
            let b = update_budgets(store, change)?;
            out.print(&b, || {
                format!(
                    "daily {}, monthly {}, {} agent budgets, hard limit {}",
                    b.daily_budget.map_or("none".into(), |m| m.to_string()),
                    b.monthly_budget.map_or("none".into(), |m| m.to_string()),
                    b.agent_daily_budgets.len(),
                    if b.hard_limit { "on" } else { "off" }
                )
            })
        }
        CostsCommand::Tips { period_hours } => {
            let tips = cost::get_cost_optimization_tips(store, period_hours)?;
            out.print(&tips, || {
                if tips.is_empty() {
                    return "No tips: nothing to save on the recent usage.".into();
                }
                tips.iter()
                    .map(|t| {
                        format!(
                            "{}: {}\n  potential savings: {}",
                            t.agent, t.message, t.potential_savings
                        )
                    })
                    .collect::<Vec<_>>()
                    .join("\n")
            })
        }
        CostsCommand::Export {
            period_hours,
            format,
            output,
        } => {
            crate::monitoring::write_export(output.as_deref(), |w| {
                jobtrail_core::service::export::export_costs(store, period_hours, format.into(), w)
            })?;
            if let Some(path) = output {
                eprintln!("exported the cost report to {}", path.display());
            }
            Ok(())
        }
        CostsCommand::Track {
            agent,
            model,
            input,
            output,
            cached,
            reasoning,
        } => {
            let u = cost::track_usage(store, &agent, &model, input, output, cached, reasoning)?;
            out.print(&u, || {
                if u.priced {
                    format!(
                        "{} on {}: input {} + output {} = {}",
                        u.agent_name, u.model, u.input_cost, u.output_cost, u.total_cost
                    )
                } else {
                    format!(
                        "{} on {}: recorded, but {} has no price, so its cost is unknown \
                         (`jobtrail prices set {} --input … --output …`)",
                        u.agent_name, u.model, u.model, u.model
                    )
                }
            })
        }
    }
}

fn line(s: &CostSummary) -> String {
    format!(
        "{:<16} {:>12}  {:>6} calls  {:>12}/call{}",
        clip(&s.agent_name, 16),
        s.total_cost.to_string(),
        s.total_calls,
        s.avg_cost_per_call.to_string(),
        if s.unpriced_calls > 0 {
            format!("  ({} unpriced)", s.unpriced_calls)
        } else {
            String::new()
        }
    )
}

fn detail(s: &CostSummary) -> String {
    let mut t = line(s);
    for m in &s.by_model {
        t.push_str(&format!(
            "\n  model {:<18} {:>12}  {:>6} calls",
            clip(&m.name, 18),
            m.cost.to_string(),
            m.calls
        ));
    }
    if s.agent_name == "*" {
        for a in &s.by_agent {
            t.push_str(&format!(
                "\n  agent {:<18} {:>12}  {:>6} calls",
                clip(&a.name, 18),
                a.cost.to_string(),
                a.calls
            ));
        }
    }
    for d in &s.daily {
        t.push_str(&format!("\n  {} {:>12}", d.date, d.cost.to_string()));
    }
    t
}

#[derive(Debug, Subcommand)]
pub enum PricesCommand {
    /// The price table ($ per 1M tokens).
    List,
    /// Add or change a model's prices ($ per 1M tokens; 0 for a free local model).
    Set {
        model: String,
        #[arg(long, allow_hyphen_values = true)]
        input: String,
        #[arg(long, allow_hyphen_values = true)]
        output: String,
        /// Cached input (default: the input price).
        #[arg(long, allow_hyphen_values = true)]
        cached_input: Option<String>,
        /// Reasoning (default: the output price).
        #[arg(long, allow_hyphen_values = true)]
        reasoning: Option<String>,
        /// Where the figures come from.
        #[arg(long)]
        source: Option<String>,
    },
    /// Remove a model's prices (its calls become unpriced).
    Remove { model: String },
}

pub fn prices(cmd: PricesCommand, store: &mut Store, out: &Output) -> Result<(), CliError> {
    match cmd {
        PricesCommand::List => {
            let list = prices::list(store)?;
            out.print(&list, || {
                let mut t = format!(
                    "{:<16} {:>9} {:>9} {:>9} {:>9}  {}\n",
                    "MODEL", "INPUT", "CACHED", "OUTPUT", "REASON", "SOURCE"
                );
                let d = |m: Money| format!("{:.3}", m.dollars());
                for p in &list {
                    t.push_str(&format!(
                        "{:<16} {:>9} {:>9} {:>9} {:>9}  {} ({})\n",
                        clip(&p.model, 16),
                        d(p.input),
                        p.cached_input.map_or("=input".into(), d),
                        d(p.output),
                        p.reasoning.map_or("=output".into(), d),
                        p.source,
                        p.as_of
                    ));
                }
                t.trim_end().to_owned()
            })
        }
        PricesCommand::Set {
            model,
            input,
            output,
            cached_input,
            reasoning,
            source,
        } => {
            let draft = PriceDraft {
                model,
                input: Some(money("--input", &input)?),
                output: Some(money("--output", &output)?),
                cached_input: cached_input
                    .map(|c| money("--cached-input", &c))
                    .transpose()?,
                reasoning: reasoning.map(|r| money("--reasoning", &r)).transpose()?,
                source,
            };
            let p = prices::set(store, draft)?;
            out.print(&p, || {
                format!(
                    "{}: input {} output {} per 1M tokens",
                    p.model, p.input, p.output
                )
            })
        }
        PricesCommand::Remove { model } => {
            prices::remove(store, &model)?;
            out.print(&serde_json::json!({ "removed": model }), || {
                format!("removed {model}")
            })
        }
    }
}
