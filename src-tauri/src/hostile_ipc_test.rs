//! Every command, as listed in the generated bindings, called over real IPC with
//! hostile arguments: wrong types, negative, huge, non-finite-looking and empty values,
//! unicode tricks, SQL and HTML payloads, a megabyte of text, paths to folders. Each
//! call must answer, with a result or an error the UI can show (`code` and a
//! `message`), and the data already stored must come through untouched.

use serde_json::{Value, json};

use crate::commands_test::{app, invoke};

/// `(command, argument names)` for every command in `ui/src/bindings.ts`, so a new
/// command is covered without touching this test.
fn commands() -> Vec<(String, Vec<String>)> {
    let bindings = include_str!("../../ui/src/bindings.ts");
    let mut out = Vec::new();
    for part in bindings.split("__TAURI_INVOKE<").skip(1) {
        let Some((_, rest)) = part.split_once(">(\"") else {
            continue;
        };
        let Some((name, rest)) = rest.split_once('"') else {
            continue;
        };
        let args = rest
            .strip_prefix(", { ")
            .and_then(|r| r.split_once(" })"))
            .map(|(list, _)| list.split(", ").map(str::to_owned).collect())
            .unwrap_or_default();
        out.push((name.to_owned(), args));
    }
    out
}

fn hostile() -> Vec<Value> {
    vec![
        json!(null),
        json!(-1),
        json!(0),
        json!(-1e308),
        json!(1e308),
        json!(i64::MAX),
        json!(u64::MAX),
        json!(9_007_199_254_740_993_u64),
        json!(0.5),
        json!(""),
        json!("   "),
        json!("NaN"),
        json!("-Infinity"),
        json!("'); DROP TABLE applications; --"),
        json!("<script>alert(1)</script><img src=x onerror=alert(2)>"),
        json!("\u{202e}gnp.exe\u{0}\u{1b}[31m\u{fffd}𝕁"),
        json!("/"),
        json!("x".repeat(1 << 20)),
        json!(true),
        json!([]),
        json!(["/", 1, null]),
        json!({}),
        json!({"__proto__": {"admin": true}, "company": "<b>x</b>", "budget": -5}),
    ]
}

/// What is wrong with an answer, if anything.
fn fault(cmd: &str, args: &Value, answer: Result<Value, Value>) -> Option<String> {
    let e = answer.err()?;
    // Tauri's own refusal of an argument that does not fit the command's signature
    // names the argument and why; the UI turns it into an `invalid_input` error on
    // that field (`toIpcError`).
    if let Some(text) = e.as_str() {
        let prefix = "invalid args `";
        let fits = text.starts_with(prefix) && text.contains(&format!("` for command `{cmd}`: "));
        return (!fits).then(|| {
            format!(
                "{cmd}: an error the UI cannot place: {}",
                &text[..text.len().min(200)]
            )
        });
    }
    let shown = |v: &Value| v.as_str().is_some_and(|s| !s.trim().is_empty());
    let brief = |v: &Value| v.to_string().chars().take(160).collect::<String>();
    if !(shown(&e["code"]) && shown(&e["message"])) {
        return Some(format!(
            "{cmd}({}) failed without a code and message the UI can show: {}",
            brief(args),
            brief(&e)
        ));
    }
    if e["message"]
        .as_str()
        .is_some_and(|m| m.chars().count() > 1_000)
    {
        return Some(format!(
            "{cmd}({}): the error echoes the input back instead of saying what is wrong",
            brief(args)
        ));
    }
    None
}

#[test]
fn every_command_answers_hostile_arguments_with_a_result_or_a_clear_error() {
    let dir = tempfile::tempdir().expect("tmp");
    let (_app, w) = app(dir.path());
    let app_row = invoke(
        &w,
        "add_application",
        json!({"draft": {"company": "Acme", "role": "Rust Engineer", "status": "applied"}}),
    )
    .expect("seeded");
    let commands = commands();
    assert!(
        commands.len() > 50,
        "the bindings list the commands: {}",
        commands.len()
    );
    let values = hostile();
    let mut calls = 0;
    let mut faults = Vec::new();
    for (cmd, names) in &commands {
        // Every argument the same hostile value, then one at a time with the rest absent.
        for v in &values {
            let all: serde_json::Map<String, Value> =
                names.iter().map(|n| (n.clone(), v.clone())).collect();
            let args = Value::Object(all);
            faults.extend(fault(cmd, &args, invoke(&w, cmd, args.clone())));
            calls += 1;
            if names.len() > 1 {
                for n in names {
                    let args = json!({ n.as_str(): v });
                    faults.extend(fault(cmd, &args, invoke(&w, cmd, args.clone())));
                    calls += 1;
                }
            }
        }
    }
    assert!(calls > 1_000, "{calls} calls");
    assert!(
        faults.is_empty(),
        "{} of {calls} calls answered badly; the first ones:\n{}",
        faults.len(),
        faults[..faults.len().min(15)].join("\n")
    );

    // What was stored before is still there, as it was, and the file is sound.
    let list = invoke(&w, "list_applications", json!({})).expect("list");
    let still = list
        .as_array()
        .and_then(|a| a.iter().find(|x| x["id"] == app_row["id"]))
        .expect("the seeded application survives");
    for field in ["company", "role", "status", "createdAt"] {
        assert_eq!(still[field], app_row[field], "{field}");
    }
    let store = jobtrail_core::Store::open(dir.path()).expect("reopen");
    let ok: String = store
        .conn()
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .expect("check");
    assert_eq!(ok, "ok");
}
