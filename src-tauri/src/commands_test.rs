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
