//! The commands through real IPC on Tauri's mock runtime: arguments as the UI sends
//! them, results and errors as the UI receives them.

use serde_json::{Value, json};
use tauri::ipc::{CallbackFn, InvokeBody};
use tauri::test::{INVOKE_KEY, MockRuntime, mock_builder, mock_context, noop_assets};
use tauri::webview::InvokeRequest;
use tauri::{WebviewWindow, WebviewWindowBuilder};

use crate::StoreState;

fn app(dir: &std::path::Path) -> (tauri::App<MockRuntime>, WebviewWindow<MockRuntime>) {
    let store = jobtrail_core::Store::open(dir).expect("open store");
    let app = crate::configure(mock_builder(), StoreState::from_store(store))
        .build(mock_context(noop_assets()))
        .expect("build app");
    let webview = WebviewWindowBuilder::new(&app, "main", Default::default())
        .build()
        .expect("webview");
    (app, webview)
}

fn invoke(w: &WebviewWindow<MockRuntime>, cmd: &str, args: Value) -> Result<Value, Value> {
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
