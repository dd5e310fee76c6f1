//! The API key never leaves the keychain: a recognisable key is saved through the
//! app, every feature is used with it (imports, all three agents through a provider
//! that even quotes the key back in its errors, reviews, budgets, prices, every
//! export, logs at trace level, the dashboard), and then every file the app wrote,
//! everything it printed and every event it sent the window are searched for it.

use anyhow::{Context, Result, ensure};
use jobtrail_e2e::{App, Desktop, exclusive};
use jobtrail_llm_testserver::{Reply, TestServer};
use serde_json::{Value, json};

use crate::inbox::{MBOX, import};

/// No `sk-` prefix: the key must be kept out by the app knowing its key, not by the
/// log redaction's pattern for OpenAI-style keys.
const KEY: &str = "e2e-SECRET-needle-5b2e-no-prefix";

/// Every event the backend sends the window, kept in the page for the test to read.
const EVENTS: [&str; 6] = [
    "alerts-changed",
    "circuit-changed",
    "execution-finished",
    "import-progress",
    "notice-shown",
    "tray-changed",
];

async fn call(app: &App, command: &str, args: Value) -> Result<Value> {
    app.invoke(command, args)
        .await?
        .map_err(|e| anyhow::anyhow!("{command}: {e}"))
}

fn analysis(company: &str) -> Reply {
    Reply::json(&json!({
        "result": {
            "category": "interview_invite", "urgency": "high", "company": company,
            "role": "SRE", "dates": [], "contacts": [], "application_id": null,
            "proposed_status": "interview", "summary": "An interview invitation.",
            "confidence": 0.9
        },
        "explanation": {
            "decision": "An interview invitation", "confidence": 0.9,
            "reasoning_steps": [{"type": "observation", "content": "It asks for a time."}],
            "alternatives": [], "key_factors": ["'schedule an interview'"],
            "assumptions": [], "limitations": ["One email only"]
        }
    }))
}

pub(crate) fn files_under(dir: &std::path::Path, out: &mut Vec<std::path::PathBuf>) -> Result<()> {
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        let kind = std::fs::symlink_metadata(&path)?.file_type();
        if kind.is_dir() {
            files_under(&path, out)?;
        } else if kind.is_file() {
            // Sockets and pipes (the keyring's, the bus's) hold no data at rest.
            out.push(path);
        }
    }
    Ok(())
}

#[tokio::test(flavor = "multi_thread")]
async fn a_key_used_by_every_feature_is_in_no_file_log_export_or_event() -> Result<()> {
    let _one = exclusive().await;
    // Trace-level logs: the most the app ever writes about a request.
    let desktop =
        Desktop::start_with_env(&[("LOG_LEVEL", "trace"), ("RUST_BACKTRACE", "1")]).await?;
    let server = TestServer::start().await?;
    let app = desktop.launch().await?;
    let listen = EVENTS
        .iter()
        .map(|e| {
            format!(
                "window.__TAURI_INTERNALS__.invoke('plugin:event|listen', {{ event: '{e}', target: {{ kind: 'Any' }},
                   handler: window.__TAURI_INTERNALS__.transformCallback((m) => window.__seen.push(m)) }})"
            )
        })
        .collect::<Vec<_>>()
        .join(",");
    app.client
        .execute_async(
            &format!("const done = arguments[0]; window.__seen = []; Promise.all([{listen}]).then(() => done(true), (e) => done(String(e)));"),
            vec![],
        )
        .await?;

    // The key goes in as the Settings form saves it; the provider is the test server.
    call(
        &app,
        "set_api_key",
        json!({ "provider": "local", "key": KEY }),
    )
    .await?;
    call(
        &app,
        "set_provider_settings",
        json!({ "provider": { "provider": "local", "baseUrl": server.base_url() } }),
    )
    .await?;

    // Mail in, analysed by the model (a tool round, then the answer), the new
    // application accepted from the review queue.
    let files = desktop.root().join("home");
    let mbox = files.join("mail.mbox");
    std::fs::write(&mbox, MBOX)?;
    import(&app, &mbox).await?;
    let emails = call(&app, "list_emails", json!({})).await?;
    let first = emails
        .as_array()
        .and_then(|a| a.iter().find(|e| e["subject"] == "Interview for SRE"))
        .context("the imported email")?["id"]
        .clone();
    server.script([
        Reply::tool_call(
            "lookup_applications",
            &json!({"query": "Globex", "reason": "to find the application"}),
        ),
        analysis("Globex"),
    ]);
    let analysed = call(&app, "analyze_email", json!({ "id": first })).await?;
    ensure!(analysed["output"].is_object(), "{analysed}");
    let execution = analysed["execution"]["executionId"].clone();
    let request_id = analysed["execution"]["requestId"].clone();
    let items = call(
        &app,
        "list_review_items",
        json!({ "includeDecided": false }),
    )
    .await?;
    for item in items.as_array().context("review items")? {
        call(&app, "accept_review_item", json!({ "id": item["id"] })).await?;
    }
    let apps = call(&app, "list_applications", json!({})).await?;
    let app_id = apps[0]["id"].clone();

    // The other agents, and faults: a provider that quotes the key in its errors, a
    // refused key, server errors (retries, the circuit), a rate limit.
    call(
        &app,
        "save_profile",
        json!({ "draft": { "name": "Ada", "headline": "SRE", "skills": ["Rust", "Linux"],
            "yearsExperience": 6, "experience": "Ran fleets.", "locations": ["Berlin"],
            "remote": true } }),
    )
    .await?;
    server.script([Reply::json(&json!({
        "score": 80, "matched_skills": ["Rust"], "missing_skills": [],
        "recommendation": "apply", "summary": "A close fit.", "confidence": 0.8
    }))]);
    call(
        &app,
        "run_job_match",
        json!({ "post": "SRE, Rust, remote" }),
    )
    .await?;
    server.script([Reply::json(&json!({
        "application_id": app_id, "subject": "Following up", "body": "Hello again.",
        "confidence": 0.7
    }))]);
    call(&app, "run_follow_up", json!({ "applicationId": app_id })).await?;
    for fault in [
        Reply::EchoAuthorization { status: 400 },
        Reply::EchoAuthorization { status: 401 },
        Reply::EchoAuthorization { status: 500 },
        Reply::Unauthorized,
    ] {
        server.script([fault.clone(), fault.clone(), fault.clone(), fault]);
        let run = call(&app, "run_job_match", json!({ "post": "SRE, Rust" })).await?;
        ensure!(
            !run["error"].is_null() || run["execution"]["fallbackReason"].is_string(),
            "{run}"
        );
    }
    let auths: Vec<_> = server
        .received()
        .into_iter()
        .filter_map(|r| r.authorization)
        .collect();
    ensure!(
        auths.len() >= 6 && auths.iter().all(|a| a == &format!("Bearer {KEY}")),
        "every request carried the key: {auths:?}"
    );

    // Budgets, prices, the dashboard, logs, errors, and every export.
    call(&app, "set_budget", json!({ "budget": 0.0001 })).await?;
    call(
        &app,
        "set_price",
        json!({ "price": { "model": "gpt-4o-mini", "input": 0.2, "cachedInput": 0.1, "output": 0.8 } }),
    )
    .await?;
    call(
        &app,
        "get_dashboard",
        json!({ "agentName": null, "periodHours": 24.0 }),
    )
    .await?;
    call(
        &app,
        "get_raw_metrics",
        json!({ "agentName": null, "limit": 100 }),
    )
    .await?;
    call(&app, "get_settings", json!({})).await?;
    call(&app, "get_failsafe_status", json!({})).await?;
    call(
        &app,
        "get_execution_logs",
        json!({ "requestId": request_id }),
    )
    .await?;
    let errors = call(
        &app,
        "list_errors",
        json!({ "sinceHours": null, "category": null, "minSeverity": null, "executionId": null, "limit": 100 }),
    )
    .await?;
    ensure!(
        errors.as_array().is_some_and(|e| e.len() >= 3),
        "the faults were logged: {errors}"
    );
    let path = |name: &str| files.join(name).to_string_lossy().into_owned();
    for format in ["json", "csv"] {
        call(
            &app,
            "export_metrics",
            json!({ "path": path(&format!("metrics.{format}")), "agentName": null, "periodHours": 24.0, "format": format }),
        )
        .await?;
    }
    for format in ["json", "csv"] {
        call(
            &app,
            "export_costs",
            json!({ "path": path(&format!("costs.{format}")), "periodHours": 24.0, "format": format }),
        )
        .await?;
    }
    call(
        &app,
        "export_errors",
        json!({ "path": path("errors.json"), "sinceHours": null }),
    )
    .await?;
    for format in ["json", "markdown", "html"] {
        call(
            &app,
            "export_explanation",
            json!({ "executionId": execution, "format": format, "path": path(&format!("explanation.{format}")) }),
        )
        .await?;
    }
    // Let the watcher raise what is due (budget notices, alerts) before reading events.
    tokio::time::sleep(std::time::Duration::from_secs(3)).await;
    let events = app
        .client
        .execute("return JSON.stringify(window.__seen)", vec![])
        .await?;
    let events = events.as_str().unwrap_or_default().to_owned();
    ensure!(
        events.contains("execution-finished") && events.contains("tray-changed"),
        "the window heard the app's events: {}",
        &events[..events.len().min(500)]
    );
    let page = app.wait_for("body").await?.text().await?;
    app.quit().await?;

    // Search everything: files in the data dir (SQLite, WAL, logs), exports, the
    // webview's storage and caches, everything printed, the events and the page.
    let mut written = Vec::new();
    files_under(desktop.root(), &mut written)?;
    // The keyring's own file is where the key belongs (encrypted).
    written.retain(|f| !f.components().any(|c| c.as_os_str() == "keyrings"));
    for must in [
        "jobtrail.db",
        "metrics.csv",
        "explanation.html",
        "session.log",
    ] {
        ensure!(
            written.iter().any(|f| f.ends_with(must)),
            "{must} was written: {written:?}"
        );
    }
    ensure!(
        written
            .iter()
            .any(|f| f.components().any(|c| c.as_os_str() == "logs")),
        "the log files are searched too"
    );
    let printed = desktop.session_log();
    ensure!(
        printed.contains("jobtrail_core") && printed.contains("TRACE"),
        "the app's trace-level stderr is in the session log: {}",
        &printed[printed.len().saturating_sub(2000)..]
    );
    let needle = KEY.as_bytes();
    let holds = |bytes: &[u8]| bytes.windows(needle.len()).any(|w| w == needle);
    for f in &written {
        match std::fs::read(f) {
            Ok(bytes) => ensure!(!holds(&bytes), "{} contains the key", f.display()),
            // A runtime file removed since the listing holds nothing any more.
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(e) => return Err(e.into()),
        }
    }
    ensure!(!holds(events.as_bytes()), "an event carried the key");
    ensure!(!holds(page.as_bytes()), "the page shows the key");
    Ok(())
}
