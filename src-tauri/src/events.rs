//! Events pushed to the UI, so the dashboard is live without polling. Each is a type
//! (its name, kebab-cased, is the event name) exported to the TypeScript bindings.

use jobtrail_core::agent::ExecutionRecord;
use jobtrail_core::failsafe::Transition;
use jobtrail_core::tracker::import::Progress;
use serde::{Deserialize, Serialize};
use tauri::{AppHandle, Emitter, Manager, Runtime};
use tauri_specta::Event;

/// Where commands send events: the app's windows. Managed state (so commands need
/// not be generic over the runtime: tauri-specta collects concrete functions),
/// connected to the app once it exists; until then events are dropped.
#[derive(Clone, Default)]
pub struct EventSink(std::sync::Arc<std::sync::OnceLock<Emit>>);

type Emit = Box<dyn Fn(&'static str, serde_json::Value) + Send + Sync>;

impl EventSink {
    /// Sends later events to every window of `app` (the first connection stays).
    pub fn connect<R: Runtime>(&self, app: AppHandle<R>) {
        let _ = self.0.set(Box::new(move |name, payload| {
            if let Err(e) = app.emit(name, payload) {
                tracing::debug!(error = %e, event = name, "event not delivered");
            }
        }));
    }

    /// Sends `event` under its exported name; a window that is gone is not an error.
    pub fn emit<E: Event + Serialize>(&self, event: E) {
        let Some(emit) = self.0.get() else {
            tracing::debug!(event = E::NAME, "event before the app started; dropped");
            return;
        };
        match serde_json::to_value(&event) {
            Ok(payload) => emit(E::NAME, payload),
            Err(e) => tracing::error!(error = %e, event = E::NAME, "event not serializable"),
        }
    }
}

/// An agent run was stored (`execution-finished`).
#[derive(Debug, Clone, Serialize, Deserialize, specta::Type, Event)]
#[serde(rename_all = "camelCase")]
pub struct ExecutionFinished {
    /// The stored run.
    pub execution: ExecutionRecord,
}

/// A circuit breaker changed state (`circuit-changed`).
#[derive(Debug, Clone, Serialize, Deserialize, specta::Type, Event)]
#[serde(rename_all = "camelCase")]
pub struct CircuitChanged {
    /// The transition.
    pub transition: Transition,
}

/// An import read more messages (`import-progress`).
#[derive(Debug, Clone, Serialize, Deserialize, specta::Type, Event)]
#[serde(rename_all = "camelCase")]
pub struct ImportProgress {
    /// Where the import is.
    pub progress: Progress,
}

/// An evaluation ran one more message (`eval-progressed`).
#[derive(Debug, Clone, Serialize, Deserialize, specta::Type, Event)]
#[serde(rename_all = "camelCase")]
pub struct EvalProgressed {
    /// Where the evaluation is.
    pub progress: jobtrail_core::service::eval::EvalProgress,
}

/// Forwards the failsafe's breaker transitions as `circuit-changed` events for the
/// app's lifetime.
pub fn forward_circuits<R: Runtime>(app: &AppHandle<R>) {
    let mut transitions = app
        .state::<crate::StoreState>()
        .failsafe()
        .breakers()
        .subscribe();
    let sink = app.state::<EventSink>().inner().clone();
    tauri::async_runtime::spawn(async move {
        loop {
            match transitions.recv().await {
                Ok(transition) => sink.emit(CircuitChanged { transition }),
                Err(tokio::sync::broadcast::error::RecvError::Lagged(n)) => {
                    tracing::debug!(missed = n, "circuit events lagged");
                }
                Err(tokio::sync::broadcast::error::RecvError::Closed) => break,
            }
        }
    });
}
