//! The commands through real IPC on Tauri's mock runtime: arguments as the UI sends
//! them, results and errors as the UI receives them.

use serde_json::{Value, json};
use tauri::ipc::{CallbackFn, InvokeBody};
use tauri::test::{INVOKE_KEY, MockRuntime, mock_builder, mock_context, noop_assets};
use tauri::webview::InvokeRequest;
use tauri::{WebviewWindow, WebviewWindowBuilder};

use crate::StoreState;

pub(crate) fn app(dir: &std::path::Path) -> (tauri::App<MockRuntime>, WebviewWindow<MockRuntime>) {
    let store = jobtrail_core::Store::open(dir).expect("open store");
    let app = crate::configure(mock_builder(), StoreState::from_store(store), |_| {})
        .build(mock_context(noop_assets()))
        .expect("build app");
    let webview = WebviewWindowBuilder::new(&app, "main", Default::default())
        .build()
        .expect("webview");
    (app, webview)
}

pub(crate) fn invoke(
    w: &WebviewWindow<MockRuntime>,
    cmd: &str,
    args: Value,
) -> Result<Value, Value> {
    tauri::test::get_ipc_response(
        w,
        InvokeRequest {
            cmd: cmd.into(),
            callback: CallbackFn(0),
            error: CallbackFn(1),
            url: "tauri://localhost".parse().expect("url"),
            body: InvokeBody::Json(args),
            headers: Default::default(),
            invoke_key: INVOKE_KEY.to_string(),
        },
    )
    .map(|b| b.deserialize::<Value>().expect("json body"))
}

#[test]
fn add_list_and_change_status_over_ipc() {
    let dir = tempfile::tempdir().expect("tmp");
    let (_app, w) = app(dir.path());
    let added = invoke(
        &w,
        "add_application",
        json!({"draft": {"company": "Acme", "role": "Dev", "status": "applied", "url": ""}}),
    )
    .expect("added");
    assert_eq!(added["company"], "Acme");
    assert_eq!(added["url"], Value::Null, "an empty URL is no URL");
    assert!(
        added["createdAt"].as_i64().is_some(),
        "fields are camelCase"
    );

    let list = invoke(&w, "list_applications", json!({})).expect("list");
    assert_eq!(list.as_array().map(Vec::len), Some(1));

    let id = added["id"].clone();
    let moved = invoke(
        &w,
        "set_application_status",
        json!({"id": id, "status": "offer"}),
    )
    .expect("moved");
    assert_eq!(moved["status"], "offer");
    let timeline = invoke(&w, "application_timeline", json!({"id": id})).expect("timeline");
    assert_eq!(timeline.as_array().map(Vec::len), Some(2));
    invoke(&w, "delete_application", json!({"id": id})).expect("deleted");
    assert_eq!(
        invoke(&w, "list_applications", json!({})).expect("list"),
        json!([])
    );
}

#[test]
fn errors_cross_ipc_as_code_message_field() {
    let dir = tempfile::tempdir().expect("tmp");
    let (_app, w) = app(dir.path());
    let err = invoke(
        &w,
        "add_application",
        json!({"draft": {"company": "", "role": "Dev"}}),
    )
    .expect_err("empty company");
    assert_eq!(err["code"], "invalid_input");
    assert_eq!(err["field"], "company");
    assert!(
        err["message"].as_str().is_some_and(|m| !m.is_empty()),
        "a message to show: {err}"
    );

    let err = invoke(
        &w,
        "set_application_status",
        json!({"id": 5, "status": "offer"}),
    )
    .expect_err("missing id");
    assert_eq!(
        err,
        json!({"code": "not_found", "message": "no application with id 5"})
    );

    let err = invoke(
        &w,
        "set_application_status",
        json!({"id": 5, "status": "<b>hired</b>"}),
    )
    .expect_err("bad status");
    assert_eq!(err["field"], "status");
}

#[test]
fn app_info_names_the_data_dir() {
    let dir = tempfile::tempdir().expect("tmp");
    let (_app, w) = app(dir.path());
    let info = invoke(&w, "app_info", json!({})).expect("info");
    assert_eq!(info["storeError"], Value::Null);
    assert_eq!(info["dataDir"], json!(dir.path().display().to_string()));
}

#[test]
fn import_analyse_review_and_timeline_over_ipc() {
    let dir = tempfile::tempdir().expect("tmp");
    let (_app, w) = app(&dir.path().join("data"));
    let mail = dir.path().join("offer.eml");
    std::fs::write(
        &mail,
        "From: Globex <offers@globex.com>\r\nSubject: Your offer\r\nMessage-ID: <o1@globex.com>\r\n\r\nWe are pleased to offer you the job.\r\n",
    )
    .expect("write");
    let err = invoke(&w, "import_emails", json!({"paths": []})).expect_err("empty");
    assert_eq!(err["field"], "paths");
    let report = invoke(
        &w,
        "import_emails",
        json!({"paths": [mail.to_str().expect("utf-8"), "/nonexistent/x.mbox"]}),
    )
    .expect("import");
    assert_eq!(
        (report["imported"].as_u64(), report["failed"].as_u64()),
        (Some(1), Some(1))
    );
    assert!(
        report["files"][1]["error"]
            .as_str()
            .expect("error")
            .contains("/nonexistent/x.mbox")
    );

    invoke(
        &w,
        "add_application",
        json!({"draft": {"company": "Globex", "role": "SRE", "status": "interview"}}),
    )
    .expect("added");
    let emails = invoke(&w, "list_emails", json!({})).expect("list");
    let id = emails[0]["id"].clone();
    assert_eq!(emails[0]["subject"], "Your offer");
    let done = invoke(&w, "analyze_email", json!({"id": id})).expect("analyse");
    assert_eq!(done["output"]["category"], "offer", "{done}");
    assert_eq!(done["execution"]["engine"], "builtin");
    assert_eq!(done["error"], Value::Null);
    let item = done["queued"][0].clone();
    assert_eq!(item["proposedStatus"], "offer", "{done}");

    let pending =
        invoke(&w, "list_review_items", json!({"includeDecided": false})).expect("review");
    assert_eq!(pending.as_array().map(Vec::len), Some(1));
    let accepted = invoke(&w, "accept_review_item", json!({"id": item["id"]})).expect("accept");
    assert_eq!(accepted["state"], "accepted");
    let err = invoke(&w, "reject_review_item", json!({"id": item["id"]})).expect_err("decided");
    assert_eq!(err["code"], "invalid_input");

    let app_id = accepted["applicationId"].clone();
    let timeline = invoke(&w, "application_timeline", json!({"id": app_id})).expect("timeline");
    let last = timeline
        .as_array()
        .and_then(|t| t.last())
        .expect("entry")
        .clone();
    assert_eq!(
        (last["to"].as_str(), last["origin"].as_str()),
        (Some("offer"), Some("agent"))
    );
    assert_eq!(last["emailSubject"], "Your offer");
    assert_eq!(last["executionId"], done["execution"]["executionId"]);
    let email = invoke(&w, "get_email", json!({"id": id})).expect("email");
    assert_eq!(email["analysis"]["category"], "offer");
    assert!(
        email["body"]
            .as_str()
            .expect("body")
            .contains("pleased to offer")
    );
}

#[test]
fn profile_job_match_follow_up_and_settings_over_ipc() {
    let dir = tempfile::tempdir().expect("tmp");
    let (_app, w) = app(dir.path());
    let err = invoke(&w, "save_profile", json!({"draft": {"minSalary": -1}})).expect_err("bad");
    assert_eq!(err["field"], "minSalary");
    let saved = invoke(
        &w,
        "save_profile",
        json!({"draft": {"name": "Sam", "skills": ["Rust", "SQL"], "desiredRoles": ["Backend Engineer"], "remote": true}}),
    )
    .expect("saved");
    assert_eq!(saved["skills"], json!(["Rust", "SQL"]));
    assert!(saved["updatedAt"].as_i64().is_some());

    let run = invoke(
        &w,
        "run_job_match",
        json!({"post": "Backend Engineer: Rust, SQL, Kafka. Remote."}),
    )
    .expect("match");
    assert_eq!(
        run["output"]["matched_skills"],
        json!(["Rust", "SQL"]),
        "{run}"
    );
    assert!(run["output"]["score"].as_u64().expect("score") >= 70);
    let err = invoke(&w, "run_job_match", json!({"post": " "})).expect_err("empty post");
    assert_eq!(err["field"], "post");

    let app = invoke(
        &w,
        "add_application",
        json!({"draft": {"company": "Acme", "role": "Dev", "status": "applied"}}),
    )
    .expect("added");
    let due = invoke(&w, "list_follow_ups_due", json!({"days": 7})).expect("due");
    assert_eq!(due, json!([]), "a new application is not due");
    let err = invoke(&w, "list_follow_ups_due", json!({"days": -3})).expect_err("bad days");
    assert_eq!(err["field"], "days");
    let draft = invoke(&w, "run_follow_up", json!({"applicationId": app["id"]})).expect("draft");
    assert!(
        draft["output"]["body"]
            .as_str()
            .expect("body")
            .contains("Sam"),
        "{draft}"
    );

    let err = invoke(
        &w,
        "set_agent_config",
        json!({"agent": "job-match", "config": {"temperature": 9}}),
    )
    .expect_err("bad temperature");
    assert_eq!(err["field"], "temperature");
    invoke(
        &w,
        "set_agent_config",
        json!({"agent": "job-match", "config": {"enabled": false}}),
    )
    .expect("saved");
    let err = invoke(&w, "run_job_match", json!({"post": "Rust"})).expect_err("disabled");
    assert_eq!(err["field"], "agent");
    let settings = invoke(&w, "get_settings", json!({})).expect("settings");
    assert_eq!(settings["agents"].as_array().map(Vec::len), Some(3));
}

#[test]
fn an_analysis_is_explained_and_exported_over_ipc() {
    let dir = tempfile::tempdir().expect("tmp");
    let (_app, w) = app(&dir.path().join("data"));
    let mail = dir.path().join("m.eml");
    std::fs::write(
        &mail,
        "From: Acme <jobs@acme.com>\r\nSubject: Interview <b>now</b>\r\n\r\nWe would like to schedule an interview.\r\n",
    )
    .expect("write");
    invoke(
        &w,
        "import_emails",
        json!({"paths": [mail.to_str().expect("utf-8")]}),
    )
    .expect("import");
    let id = invoke(&w, "list_emails", json!({})).expect("list")[0]["id"].clone();
    let done = invoke(&w, "analyze_email", json!({"id": id})).expect("analyse");
    let exec = done["execution"]["executionId"].clone();
    let view = invoke(&w, "get_explanation", json!({"executionId": exec})).expect("explanation");
    assert!(
        view["explanation"]["decision"]
            .as_str()
            .expect("decision")
            .starts_with("interview invite")
    );
    assert!(
        view["summary"]
            .as_str()
            .expect("summary")
            .contains("confidence")
    );
    assert_eq!(
        view["explanation"]["reasoningSteps"][0]["reasoningType"],
        "rule"
    );

    let page = dir.path().join("why.html");
    let written = invoke(
        &w,
        "export_explanation",
        json!({"executionId": exec, "format": "html", "path": page.to_str().expect("utf-8")}),
    )
    .expect("export");
    assert_eq!(written.as_str(), page.to_str());
    let html = std::fs::read_to_string(&page).expect("page");
    assert!(html.contains("default-src 'none'") && html.contains("interview invite"));
    let err = invoke(
        &w,
        "export_explanation",
        json!({"executionId": exec, "format": "json", "path": "relative.json"}),
    )
    .expect_err("relative");
    assert_eq!(err["field"], "path");
    let relabelled = invoke(
        &w,
        "relabel_email",
        json!({"id": id, "category": "rejection"}),
    )
    .expect("relabel");
    assert_eq!(relabelled["category"], "rejection");
    let err = invoke(&w, "relabel_email", json!({"id": id, "category": "spam"})).expect_err("bad");
    assert_eq!(err["field"], "category");
    let calibration = invoke(&w, "get_calibration", json!({})).expect("calibration");
    assert_eq!(calibration[0]["corrected"], 1);
    let err = invoke(&w, "get_explanation", json!({"executionId": 999})).expect_err("none");
    assert_eq!(err["code"], "not_found");
    let err = invoke(
        &w,
        "export_explanation",
        json!({"executionId": exec, "format": "pdf", "path": "/tmp/x.pdf"}),
    )
    .expect_err("bad format");
    assert_eq!(err["field"], "format");
}

#[test]
fn a_runs_log_lines_are_found_by_its_request_id() {
    let dir = tempfile::tempdir().expect("tmp");
    let logs = dir.path().join("logs");
    std::fs::create_dir_all(&logs).expect("logs dir");
    std::fs::write(
        logs.join("jobtrail.log.2026-11-28"),
        concat!(
            r#"{"timestamp":"2026-11-28T10:00:00Z","level":"INFO","target":"jobtrail_core::agent","message":"run started","request_id":"req-1","agent":"job-match"}"#,
            "\n",
            r#"{"timestamp":"2026-11-28T10:00:01Z","level":"INFO","target":"jobtrail_core::agent","message":"other run","request_id":"req-2"}"#,
            "\n",
            "not json, skipped req-1\n",
            r#"{"timestamp":"2026-11-28T10:00:02Z","level":"WARN","target":"jobtrail_core::failsafe","message":"retrying","request_id":"req-1","attempt":2}"#,
            "\n",
        ),
    )
    .expect("log file");
    let (_app, w) = app(dir.path());
    let lines = invoke(&w, "get_execution_logs", json!({"requestId": "req-1"})).expect("lines");
    let lines = lines.as_array().expect("array");
    assert_eq!(lines.len(), 2);
    assert_eq!(lines[0]["message"], "run started");
    assert_eq!(lines[1]["level"], "WARN");
    assert!(
        lines[1]["fields"]
            .as_array()
            .expect("fields")
            .contains(&json!({"name": "attempt", "value": "2"}))
    );
    for bad in [
        "",
        "req 1",
        "x'; DROP TABLE executions; --",
        &"a".repeat(65),
    ] {
        let err = invoke(&w, "get_execution_logs", json!({"requestId": bad})).expect_err(bad);
        assert_eq!(
            (&err["code"], &err["field"]),
            (&json!("invalid_input"), &json!("requestId"))
        );
    }
}

#[test]
fn mail_accounts_settings_and_sync_over_ipc() {
    use std::sync::{Arc, Mutex};
    use tauri::Listener;

    let dir = tempfile::tempdir().expect("tmp");
    let (app, w) = app(dir.path());
    // The event loop's setup connects the sink in the app; tests do not run that loop.
    tauri::Manager::state::<crate::events::EventSink>(&app).connect(app.handle().clone());
    let heard: Arc<Mutex<Vec<(String, Value)>>> = Arc::default();
    for name in ["mail-sync-started", "mail-sync-finished"] {
        let heard = heard.clone();
        app.listen_any(name, move |e| {
            let payload = serde_json::from_str(e.payload()).expect("json payload");
            heard.lock().expect("lock").push((name.to_owned(), payload));
        });
    }

    assert_eq!(
        invoke(&w, "list_mail_accounts", json!({})).expect("list"),
        json!([])
    );
    assert_eq!(
        invoke(&w, "get_mail_settings", json!({})).expect("settings"),
        json!({"intervalMinutes": 5, "autoAnalyse": true}),
        "sync every 5 minutes and analyse new job mail, by default"
    );
    let e = invoke(
        &w,
        "set_mail_settings",
        json!({"settings": {"intervalMinutes": 0, "autoAnalyse": true}}),
    )
    .expect_err("0 minutes");
    assert_eq!(
        (&e["code"], &e["field"]),
        (&json!("invalid_input"), &json!("intervalMinutes"))
    );
    let saved = invoke(
        &w,
        "set_mail_settings",
        json!({"settings": {"intervalMinutes": 15, "autoAnalyse": false}}),
    )
    .expect("saved");
    assert_eq!(saved, json!({"intervalMinutes": 15, "autoAnalyse": false}));

    let draft = json!({"name": "work", "host": "imap.example.com", "user": "me@example.com"});
    let field = |cmd: &str, args: Value| {
        let e = invoke(&w, cmd, args).expect_err("refused");
        assert_eq!(e["code"], "invalid_input", "{cmd}: {e}");
        e["field"].as_str().unwrap_or_default().to_owned()
    };
    assert_eq!(
        field(
            "add_mail_account",
            json!({"draft": {"name": "no spaces", "host": "h", "user": "u"}, "password": "pw"})
        ),
        "name"
    );
    assert_eq!(
        field(
            "add_mail_account",
            json!({"draft": draft, "password": "\n"})
        ),
        "password",
        "an empty password is asked for, not sent"
    );
    assert_eq!(
        field(
            "add_mail_account",
            json!({"draft": {"name": "w", "host": "imap.example.com", "user": "u", "security": "none"}, "password": "pw"})
        ),
        "security",
        "clear text only to this machine"
    );
    assert_eq!(
        field("test_mail_account", json!({"draft": draft})),
        "password",
        "a new account is tested with the password typed"
    );
    let e = invoke(&w, "remove_mail_account", json!({"name": "nope"})).expect_err("unknown");
    assert_eq!(e["code"], "not_found");
    let e = invoke(
        &w,
        "set_mail_account_enabled",
        json!({"name": "nope", "enabled": false}),
    )
    .expect_err("unknown");
    assert_eq!(e["code"], "not_found");
    let e = invoke(&w, "sync_mail_now", json!({"account": "nope"})).expect_err("unknown");
    assert_eq!(e["code"], "not_found");

    assert_eq!(
        invoke(&w, "sync_mail_now", json!({})).expect("synced"),
        json!([]),
        "no accounts, nothing to sync"
    );
    let status = invoke(&w, "get_mail_sync_status", json!({})).expect("status");
    assert_eq!(status["running"], false);
    assert_eq!(status["accounts"], 0);
    assert_eq!(
        status["lastRunAt"],
        Value::Null,
        "a pass that synced no folder did not sync mail: {status}"
    );
    let heard = heard.lock().expect("lock").clone();
    let names: Vec<&str> = heard.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(
        names,
        [
            "mail-sync-started",
            "mail-sync-finished",
            "mail-sync-started",
            "mail-sync-finished"
        ],
        "each pass, the refused one too, says it started and finished"
    );
    assert_eq!(heard[3].1, json!({"reports": [], "error": null}));
}

#[test]
fn a_mail_server_that_is_not_there_fails_fast_and_never_echoes_the_password() {
    let dir = tempfile::tempdir().expect("tmp");
    let (_app, w) = app(dir.path());
    let draft =
        json!({"name": "local", "host": "127.0.0.1", "port": 1, "security": "none", "user": "me"});
    let started = std::time::Instant::now();
    for cmd in ["test_mail_account", "add_mail_account"] {
        let e = invoke(
            &w,
            cmd,
            json!({"draft": draft, "password": "hunter2-secret"}),
        )
        .expect_err("nothing listens on port 1");
        assert_eq!(e["code"], "internal", "{cmd}: {e}");
        let message = e["message"].as_str().unwrap_or_default();
        assert!(
            message.contains("127.0.0.1:1"),
            "{cmd} names the server: {message}"
        );
        assert!(
            !e.to_string().contains("hunter2"),
            "{cmd} echoes the password: {e}"
        );
    }
    assert!(
        started.elapsed() < std::time::Duration::from_secs(10),
        "a refused connection is not retried: {:?}",
        started.elapsed()
    );
    assert_eq!(
        invoke(&w, "list_mail_accounts", json!({})).expect("list"),
        json!([]),
        "an account whose login failed is not kept"
    );
}

#[test]
fn gpu_acceleration_is_off_until_turned_on_over_ipc() {
    let dir = tempfile::tempdir().expect("tmp");
    let (_app, w) = app(dir.path());
    // `JOBTRAIL_GPU` decides when set; the test process normally has none.
    let env = jobtrail_core::settings::env_bool(jobtrail_core::service::settings::GPU_ENV);
    let settings = invoke(&w, "get_settings", json!({})).expect("settings");
    assert_eq!(
        settings["display"]["gpuAcceleration"],
        env.unwrap_or(false),
        "off by default: {settings}"
    );
    let saved = invoke(
        &w,
        "set_display_settings",
        json!({"config": {"gpuAcceleration": true}}),
    )
    .expect("saved");
    assert_eq!(saved["gpuAcceleration"], env.unwrap_or(true));
    let settings = invoke(&w, "get_settings", json!({})).expect("settings");
    assert_eq!(
        settings["display"]["gpuAcceleration"],
        env.unwrap_or(true),
        "stored for the next start"
    );
    let err = invoke(
        &w,
        "set_display_settings",
        json!({"config": {"gpuAcceleration": "yes"}}),
    )
    .expect_err("not a boolean");
    assert_eq!(err["code"], "invalid_input", "{err}");
}

#[test]
fn paused_agents_refuse_every_run_and_enum_arguments_name_their_field() {
    let dir = tempfile::tempdir().expect("tmp");
    let (_app, w) = app(dir.path());
    invoke(&w, "set_agents_paused", json!({"paused": true})).expect("paused");
    for (cmd, args) in [
        ("run_job_match", json!({"post": "Rust"})),
        ("run_follow_up", json!({"applicationId": 1})),
        ("analyze_email", json!({"id": 1})),
    ] {
        let err = invoke(&w, cmd, args).expect_err("paused");
        assert_eq!(err["code"], "agents_paused", "{cmd}: {err}");
    }
    let raw = invoke(
        &w,
        "get_raw_metrics",
        json!({"agentName": null, "limit": 10}),
    );
    assert_eq!(
        raw.expect("runs"),
        json!([]),
        "a refused run leaves no record"
    );
    invoke(&w, "set_agents_paused", json!({"paused": false})).expect("resumed");
    invoke(&w, "run_job_match", json!({"post": "Rust"})).expect("runs again");

    for (cmd, args, field) in [
        (
            "list_errors",
            json!({"sinceHours": null, "category": "spam", "minSeverity": null, "executionId": null, "limit": null}),
            "category",
        ),
        (
            "list_errors",
            json!({"sinceHours": null, "category": null, "minSeverity": "huge", "executionId": null, "limit": null}),
            "minSeverity",
        ),
        (
            "export_costs",
            json!({"path": "/tmp/c.pdf", "periodHours": 24, "format": "pdf"}),
            "format",
        ),
    ] {
        let err = invoke(&w, cmd, args).expect_err("not one of the enum's names");
        assert_eq!(err["field"], field, "{cmd}: {err}");
    }
    let listed = invoke(
        &w,
        "list_errors",
        json!({"sinceHours": 1, "category": "network", "minSeverity": "low", "executionId": null, "limit": 0}),
    );
    assert_eq!(listed.expect("typed filters"), json!([]));
}
