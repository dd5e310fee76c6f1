//! `jobtrail` with the `OTEL_*` variables set delivers its runs' spans before it
//! exits; `jobtrail telemetry export` backfills a period once, however often it runs.

use std::time::Duration;

use jobtrail_llm_testserver::{Reply, TestServer, Usage};
use jobtrail_phoenix_testserver::Phoenix;
use serde_json::json;

use crate::{EMAIL, bin, json_ok};

fn otel(cmd: &mut std::process::Command, phoenix: &Phoenix, project: &str) {
    cmd.env("OTEL_EXPORTER_OTLP_ENDPOINT", phoenix.base_url())
        .env(
            "OTEL_RESOURCE_ATTRIBUTES",
            format!("openinference.project.name={project}"),
        );
}

#[tokio::test(flavor = "multi_thread")]
async fn an_agent_run_with_the_variables_set_delivers_its_spans_before_exit() {
    let phoenix = Phoenix::shared();
    let server = TestServer::start().await.unwrap();
    server.script([Reply::json(&json!({
        "category": "interview_invite", "urgency": "high", "company": "Acme",
        "role": "Rust Engineer", "dates": [], "contacts": [], "application_id": null,
        "proposed_status": "interview",
        "summary": "Acme invites you to interview next week.", "confidence": 0.9
    }))
    .with_usage(Usage::new(900, 300, 120, 40))]);
    let dir = tempfile::tempdir().unwrap();
    let (base, data) = (server.base_url(), dir.path().to_path_buf());
    let out = tokio::task::spawn_blocking(move || {
        let mut cmd = bin();
        cmd.args(["--json", "--data-dir"])
            .arg(&data)
            .args(["agent", "run", "email-analyst", "--file", EMAIL])
            .env("OPENAI_API_KEY", "sk-cli-otel-test")
            .env("OPENAI_BASE_URL", base);
        otel(&mut cmd, Phoenix::shared(), "cli-run");
        cmd.output().unwrap()
    })
    .await
    .unwrap();
    let v = json_ok(&out);
    // No waiting here: the process has exited, so its spans were sent before it did
    // (Phoenix may take a moment to insert them).
    let spans = phoenix
        .wait_for_spans("cli-run", 2, Duration::from_secs(15))
        .unwrap();
    let agent = spans
        .iter()
        .find(|s| s["name"] == "invoke_agent email-analyst")
        .expect("the run's span");
    assert_eq!(
        agent["attributes"]["jobtrail.execution.id"],
        v["execution"]["executionId"]
    );
    assert_eq!(agent["attributes"]["gen_ai.usage.input_tokens"], 900);
    assert!(
        !serde_json::to_string(&spans)
            .unwrap()
            .contains("sk-cli-otel-test"),
        "never the API key"
    );
}

#[test]
fn telemetry_export_backfills_a_period_once_and_says_when_it_reaches_past_retention() {
    let phoenix = Phoenix::shared();
    let dir = tempfile::tempdir().unwrap();
    for _ in 0..3 {
        // No key, no model: the built-in engine answers and the run is stored.
        let out = bin()
            .args(["--json", "--data-dir"])
            .arg(dir.path())
            .args(["agent", "run", "email-analyst", "--file", EMAIL])
            .env_remove("OPENAI_API_KEY")
            .env_remove("OPENAI_BASE_URL")
            .output()
            .unwrap();
        json_ok(&out);
    }
    for _ in 0..2 {
        let mut cmd = bin();
        cmd.args(["--json", "--data-dir"]).arg(dir.path()).args([
            "telemetry",
            "export",
            "--since",
            "7d",
        ]);
        otel(&mut cmd, phoenix, "cli-backfill");
        let report = json_ok(&cmd.output().unwrap());
        assert_eq!(report["runs"], 3, "{report}");
        assert_eq!(report["reachesPastRetention"], false);
    }
    phoenix
        .wait_for_spans("cli-backfill", 3, Duration::from_secs(15))
        .unwrap();
    std::thread::sleep(Duration::from_secs(2));
    assert_eq!(
        phoenix.spans("cli-backfill").unwrap().len(),
        3,
        "sent twice, kept once"
    );

    let mut cmd = bin();
    cmd.args(["--data-dir"])
        .arg(dir.path())
        .args(["telemetry", "export", "--since", "30d"]);
    otel(&mut cmd, phoenix, "cli-backfill");
    let out = cmd.output().unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(text.contains("Raw runs are kept 168 h"), "{text}");

    let off = bin()
        .args(["--json", "--data-dir"])
        .arg(dir.path())
        .args(["telemetry", "export", "--since", "7d"])
        .output()
        .unwrap();
    assert_eq!(
        off.status.code(),
        Some(1),
        "no endpoint: nothing to send to"
    );
    assert!(String::from_utf8_lossy(&off.stderr).contains("export is off"));
}
