//! Agent runs as a person starts them, from the app or the command line: refused
//! while agents are paused, on a runtime for the configured endpoint through the
//! process's failsafe, and announced once stored. One function per kind of run.
//!
//! Whether agents are paused, and what a stored run tells, belong to the front end
//! (the app's tray and events): it passes them in as [`RunHooks`].

use std::sync::{Arc, Mutex};

use crate::agent::email_analyst::{EmailAnalysis, EmailInput};
use crate::agent::follow_up::FollowUpDraft;
use crate::agent::job_match::JobMatchResult;
use crate::agent::tasks::{self, Analysed};
use crate::agent::{AgentRun, ExecutionRecord, Runtime};
use crate::failsafe::Failsafe;
use crate::store::Store;

/// Why a run did not start (a run that started and failed is an `Ok` [`AgentRun`]
/// whose result says why).
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// All agents are paused.
    #[error("all agents are paused")]
    Paused,
    /// The input, the settings or the store refused the run.
    #[error(transparent)]
    Refused(#[from] crate::Error),
}

/// Result of starting a run.
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// What the front end says about runs: whether agents are paused, and what to do
/// once a run is stored. Both do nothing by default (the CLI's case).
pub trait RunHooks: Send + Sync {
    /// Whether agents are paused now: then no run starts.
    fn paused(&self) -> bool {
        false
    }

    /// After a run is stored, whether it succeeded or not.
    fn finished(&self, _execution: &ExecutionRecord) {}
}

/// Hooks that never pause and tell no one.
#[derive(Debug, Clone, Copy, Default)]
pub struct Unhooked;

impl RunHooks for Unhooked {}

/// Starts runs against one store and failsafe, for one front end.
pub struct Runner<'a> {
    store: &'a Mutex<Store>,
    failsafe: &'a Arc<Failsafe>,
    hooks: &'a dyn RunHooks,
    model: Option<String>,
}

impl<'a> Runner<'a> {
    /// Runs on `store` through `failsafe` (the process's), telling `hooks`.
    pub fn new(
        store: &'a Mutex<Store>,
        failsafe: &'a Arc<Failsafe>,
        hooks: &'a dyn RunHooks,
    ) -> Self {
        Self {
            store,
            failsafe,
            hooks,
            model: None,
        }
    }

    /// Uses `model` for these runs instead of the agent's setting (blank: the setting).
    pub fn with_model(mut self, model: Option<&str>) -> Self {
        self.model = model.map(str::to_owned);
        self
    }

    /// Refuses while paused; else a runtime for the configured endpoint.
    fn prepare(&self) -> Result<Runtime> {
        if self.hooks.paused() {
            return Err(Error::Paused);
        }
        let runtime = tasks::runtime(self.store, self.failsafe)?;
        Ok(match &self.model {
            Some(m) => runtime.with_model_override(m.as_str()),
            None => runtime,
        })
    }

    fn stored<O>(&self, run: AgentRun<O>) -> AgentRun<O> {
        self.hooks.finished(&run.execution);
        run
    }

    /// EmailAnalyst on stored email `email_id`, its proposals applied or queued for
    /// review.
    pub async fn analyze_email(&self, email_id: i64) -> Result<Analysed> {
        let runtime = self.prepare()?;
        let done = tasks::analyze_email(self.store, &runtime, email_id).await?;
        self.hooks.finished(&done.run.execution);
        Ok(done)
    }

    /// EmailAnalyst on a message that is not stored (an `.eml` file's bytes):
    /// nothing is applied.
    pub async fn analyze_message(&self, raw: &[u8]) -> Result<AgentRun<EmailAnalysis>> {
        let runtime = self.prepare()?;
        let input = EmailInput::from(crate::tracker::mail::parse(raw)?);
        let run = tasks::analyze_message(self.store, &runtime, &input).await?;
        Ok(self.stored(run))
    }

    /// JobMatch on a job post's text against the stored profile.
    pub async fn job_match(&self, post: &str) -> Result<AgentRun<JobMatchResult>> {
        let runtime = self.prepare()?;
        let run = tasks::job_match(self.store, &runtime, post).await?;
        Ok(self.stored(run))
    }

    /// FollowUp for application `application_id`.
    pub async fn follow_up(&self, application_id: i64) -> Result<AgentRun<FollowUpDraft>> {
        let runtime = self.prepare()?;
        let run = tasks::follow_up(self.store, &runtime, application_id).await?;
        Ok(self.stored(run))
    }
}

#[cfg(test)]
mod tests {
    use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

    use super::*;

    #[derive(Default)]
    struct Switch {
        paused: AtomicBool,
        finished: AtomicUsize,
    }

    impl RunHooks for Switch {
        fn paused(&self) -> bool {
            self.paused.load(Ordering::SeqCst)
        }
        fn finished(&self, execution: &ExecutionRecord) {
            assert!(execution.execution_id > 0, "told once stored");
            self.finished.fetch_add(1, Ordering::SeqCst);
        }
    }

    fn block_on<F: std::future::Future>(f: F) -> F::Output {
        tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .unwrap()
            .block_on(f)
    }

    const EML: &[u8] = b"From: Acme <jobs@acme.com>\r\nSubject: Interview\r\n\r\n\
        We would like to schedule an interview with you.\r\n";

    #[test]
    fn paused_runs_do_not_start_and_stored_runs_are_told() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(dir.path()).unwrap();
        let failsafe = Failsafe::load(&store).unwrap();
        let store = Mutex::new(store);
        let hooks = Switch::default();
        hooks.paused.store(true, Ordering::SeqCst);
        let runner = Runner::new(&store, &failsafe, &hooks);
        assert!(matches!(
            block_on(runner.job_match("Rust")),
            Err(Error::Paused)
        ));
        assert!(matches!(block_on(runner.follow_up(1)), Err(Error::Paused)));
        assert!(matches!(
            block_on(runner.analyze_email(1)),
            Err(Error::Paused)
        ));
        assert!(matches!(
            block_on(runner.analyze_message(EML)),
            Err(Error::Paused)
        ));
        let runs: i64 = store
            .lock()
            .unwrap()
            .conn()
            .query_row("SELECT count(*) FROM executions", [], |r| r.get(0))
            .unwrap();
        assert_eq!(runs, 0, "a paused run leaves no record");
        assert_eq!(hooks.finished.load(Ordering::SeqCst), 0);

        hooks.paused.store(false, Ordering::SeqCst);
        // No provider configured in a fresh store: the built-in engine answers.
        let run = block_on(runner.analyze_message(EML)).unwrap();
        assert!(run.result.is_ok(), "{:?}", run.result.err());
        let run = block_on(runner.job_match("Senior Rust engineer, remote")).unwrap();
        assert!(run.result.is_ok());
        assert_eq!(
            hooks.finished.load(Ordering::SeqCst),
            2,
            "each stored run told"
        );
        let err = block_on(runner.job_match("  ")).expect_err("no post");
        assert!(
            matches!(
                err,
                Error::Refused(crate::Error::Invalid { field: "post", .. })
            ),
            "{err}"
        );
        let err = block_on(runner.follow_up(404)).expect_err("no application");
        assert!(
            matches!(err, Error::Refused(crate::Error::NotFound { .. })),
            "{err}"
        );
        assert_eq!(
            hooks.finished.load(Ordering::SeqCst),
            2,
            "refused runs are not told"
        );
    }
}
