//! What the CLI and the app ask of the agents, in one place: each task loads its
//! input from the store, runs the agent with the stored settings and, for the
//! analyst, applies its proposals under the review rules.

use std::borrow::Cow;
use std::sync::{Arc, Mutex, PoisonError};

use super::email_analyst::{EmailAnalysis, EmailAnalyst, EmailInput};
use super::endpoint;
use super::follow_up::{FollowUp, FollowUpDraft, FollowUpInput};
use super::job_match::{JobMatch, JobMatchInput, JobMatchResult, MAX_POST_CHARS};
use super::llm::{LlmClient, TokenUsage};
use super::runtime::{Agent, AgentRun, RunSettings, Runtime};
use crate::cost::{Money, budget, prices};
use crate::failsafe::{ErrorCategory, Failsafe};
use crate::store::Store;
use crate::tracker::review::{self, Applied};
use crate::tracker::{Error, Result, applications, emails, follow_ups, profile};

/// A runtime for the configured endpoint (the built-in engine when there is none),
/// going through the process's `failsafe` with the stored retry and breaker settings.
pub fn runtime(store: &Mutex<Store>, failsafe: &Arc<Failsafe>) -> Result<Runtime> {
    let (endpoint, config) = {
        let s = lock(store);
        let endpoint = endpoint::configured(&s).map_err(|e| Error::invalid("baseUrl", e))?;
        (endpoint, crate::failsafe::config::load(&s)?)
    };
    failsafe.configure(&config);
    let llm = endpoint
        .map(LlmClient::new)
        .transpose()
        .map_err(|e| Error::invalid("provider", e.to_string()))?;
    Ok(Runtime::new(llm).with_failsafe(failsafe.clone()))
}

/// The stored settings for agent `A`; an error if the user turned it off.
pub fn run_settings<A: Agent>(store: &Store) -> Result<RunSettings> {
    let c = crate::agent::config::agent_config(store, A::NAME)?;
    if !c.enabled {
        return Err(Error::invalid(
            "agent",
            format!("{} is turned off in the agent settings", A::NAME),
        ));
    }
    Ok(RunSettings {
        model: c.model,
        temperature: c.temperature,
        max_tokens: c.max_tokens,
    })
}

/// `runtime`, or the built-in engine when the hard budget limit keeps `A` off paid
/// models (a model priced at $0, such as a local one, is never blocked).
fn budgeted<'r, A: Agent>(
    store: &Mutex<Store>,
    runtime: &'r Runtime,
    settings: &RunSettings,
) -> Result<Cow<'r, Runtime>> {
    if !runtime.uses_model() {
        return Ok(Cow::Borrowed(runtime));
    }
    let mut s = lock(store);
    let free = prices::find(&s, &runtime.model_for::<A>(settings))?
        .is_some_and(|p| p.cost(&FULL).total == Money::ZERO);
    if free {
        return Ok(Cow::Borrowed(runtime));
    }
    Ok(match budget::paid_calls_blocked(&mut s, A::NAME)? {
        Some(reason) => Cow::Owned(
            Runtime::builtin_because(
                ErrorCategory::BudgetExceeded,
                format!("{reason} and the hard limit is on"),
            )
            .with_failsafe(runtime.failsafe().clone()),
        ),
        None => Cow::Borrowed(runtime),
    })
}

/// One token of each kind, to tell a free price from a paid one.
const FULL: TokenUsage = TokenUsage {
    input: 1,
    cached_input: 1,
    output: 1,
    reasoning: 1,
};

/// An analysis run on a stored email and what it changed.
#[derive(Debug)]
pub struct Analysed {
    /// The run.
    pub run: AgentRun<EmailAnalysis>,
    /// Changes applied and proposals queued (empty when the run failed).
    pub applied: Applied,
}

/// Runs EmailAnalyst on a message that is not stored (a file): nothing is applied.
pub async fn analyze_message(
    store: &Mutex<Store>,
    runtime: &Runtime,
    input: &EmailInput,
) -> Result<AgentRun<EmailAnalysis>> {
    let settings = run_settings::<EmailAnalyst>(&lock(store))?;
    let runtime = budgeted::<EmailAnalyst>(store, runtime, &settings)?;
    Ok(runtime
        .run(store, &EmailAnalyst::default(), input, &settings)
        .await?)
}

/// Runs EmailAnalyst on stored email `email_id` and applies its proposals.
pub async fn analyze_email(
    store: &Mutex<Store>,
    runtime: &Runtime,
    email_id: i64,
) -> Result<Analysed> {
    let input = EmailInput::from(&emails::get(&lock(store), email_id)?);
    let run = analyze_message(store, runtime, &input).await?;
    let applied = match &run.result {
        Ok(analysis) => review::apply_analysis(
            &mut lock(store),
            email_id,
            run.execution.execution_id,
            analysis,
        )?,
        Err(_) => Applied::default(),
    };
    Ok(Analysed { run, applied })
}

/// Runs JobMatch on a pasted post against the stored profile.
pub async fn job_match(
    store: &Mutex<Store>,
    runtime: &Runtime,
    post: &str,
) -> Result<AgentRun<JobMatchResult>> {
    let post = post.trim();
    if post.is_empty() {
        return Err(Error::invalid("post", "paste the job post's text first"));
    }
    if post.chars().count() > MAX_POST_CHARS {
        return Err(Error::invalid(
            "post",
            format!("is longer than {MAX_POST_CHARS} characters"),
        ));
    }
    let (input, settings) = {
        let s = lock(store);
        let input = JobMatchInput {
            post: post.to_owned(),
            profile: profile::get(&s)?,
        };
        (input, run_settings::<JobMatch>(&s)?)
    };
    let runtime = budgeted::<JobMatch>(store, runtime, &settings)?;
    Ok(runtime.run(store, &JobMatch, &input, &settings).await?)
}

/// Runs FollowUp for application `application_id`.
pub async fn follow_up(
    store: &Mutex<Store>,
    runtime: &Runtime,
    application_id: i64,
) -> Result<AgentRun<FollowUpDraft>> {
    let (input, settings) = {
        let s = lock(store);
        let application = applications::get(&s, application_id)?;
        let quiet = (s.now_ms() - follow_ups::last_activity(&s, &application)?).max(0);
        let input = FollowUpInput {
            days_since_activity: quiet / (24 * 60 * 60 * 1000),
            sender_name: profile::get(&s)?.name,
            contact_name: latest_sender_name(&s, application_id)?,
            application,
        };
        (input, run_settings::<FollowUp>(&s)?)
    };
    let runtime = budgeted::<FollowUp>(store, runtime, &settings)?;
    Ok(runtime
        .run(store, &FollowUp::default(), &input, &settings)
        .await?)
}

fn latest_sender_name(store: &Store, application_id: i64) -> Result<Option<String>> {
    use rusqlite::OptionalExtension;
    let from: Option<String> = store.read(|c| {
        c.query_row(
            "SELECT from_addr FROM emails WHERE application_id = ?1
             ORDER BY coalesce(sent_at, imported_at) DESC LIMIT 1",
            [application_id],
            |r| r.get(0),
        )
        .optional()
    })?;
    Ok(from.and_then(|f| {
        let name = f.split('<').next().unwrap_or("").trim().trim_matches('"');
        (!name.is_empty() && !name.contains('@')).then(|| name.to_owned())
    }))
}

fn lock(store: &Mutex<Store>) -> std::sync::MutexGuard<'_, Store> {
    store.lock().unwrap_or_else(PoisonError::into_inner)
}
