//! The `jobtrail` binary run as a script would run it, on real data directories.

#![allow(clippy::unwrap_used)] // a failed unwrap is a failed test

use std::os::unix::fs::PermissionsExt;
use std::path::Path;
use std::process::{Command, Output};

use serde_json::Value;

mod eval;
mod keychain;
mod keychain_unavailable;
mod mail;

const BIN: &str = env!("CARGO_BIN_EXE_jobtrail");
const EMAIL: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/cli/fixtures/interview.eml"
);

/// The binary, kept away from any real keychain: the session bus address points
/// nowhere, so keys come from the environment only.
fn bin() -> Command {
    let mut c = Command::new(BIN);
    c.env(
        "DBUS_SESSION_BUS_ADDRESS",
        "unix:path=/nonexistent/jobtrail-test-bus",
    );
    c
}

fn jobtrail(data: &Path, args: &[&str]) -> Output {
    bin()
        .arg("--data-dir")
        .arg(data)
        .args(args)
        .env_remove("JOBTRAIL_DATA_DIR")
        .output()
        .expect("run jobtrail")
}

fn json_ok(out: &Output) -> Value {
    assert!(
        out.status.success(),
        "command failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("stdout is JSON")
}

fn json_err(out: &Output, code: i32) -> Value {
    assert_eq!(
        out.status.code(),
        Some(code),
        "exit code; stderr: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    // Warnings logged on the way (a keychain that is not there) come before it.
    let stderr = String::from_utf8_lossy(&out.stderr);
    let last = stderr.lines().last().unwrap_or_default();
    let v: Value = serde_json::from_str(last).expect("stderr ends in JSON with --json");
    v["error"].clone()
}

#[test]
fn add_list_set_status_and_timeline_as_json() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let added = json_ok(&jobtrail(
        d,
        &[
            "--json",
            "apps",
            "add",
            "--company",
            "Acme",
            "--role",
            "Dev",
            "--status",
            "applied",
            "--url",
            "https://acme.example/jobs/1",
        ],
    ));
    let id = added["id"].as_i64().expect("id");
    assert_eq!(added["status"], "applied");
    assert_eq!(added["url"], "https://acme.example/jobs/1");

    let list = json_ok(&jobtrail(d, &["--json", "apps", "list"]));
    assert_eq!(
        list.as_array().map(Vec::len),
        Some(1),
        "one application: {list}"
    );
    assert_eq!(list[0]["company"], "Acme");

    let moved = json_ok(&jobtrail(
        d,
        &[
            "--json",
            "apps",
            "set-status",
            &id.to_string(),
            "interview",
            "--note",
            "phone screen went well",
        ],
    ));
    assert_eq!(moved["status"], "interview");

    let filtered = json_ok(&jobtrail(
        d,
        &["--json", "apps", "list", "--status", "offer"],
    ));
    assert_eq!(filtered, serde_json::json!([]), "the status filter applies");

    let timeline = json_ok(&jobtrail(
        d,
        &["--json", "apps", "timeline", &id.to_string()],
    ));
    assert_eq!(
        timeline.as_array().map(Vec::len),
        Some(2),
        "added + moved: {timeline}"
    );
    assert_eq!(timeline[1]["from"], "applied");
    assert_eq!(timeline[1]["to"], "interview");
    assert_eq!(timeline[1]["note"], "phone screen went well");
}

#[test]
fn text_output_reads_well() {
    let dir = tempfile::tempdir().unwrap();
    let out = jobtrail(dir.path(), &["apps", "list"]);
    assert!(out.status.success());
    assert!(
        String::from_utf8_lossy(&out.stdout).contains("No applications yet"),
        "empty list says what to do"
    );
    jobtrail(
        dir.path(),
        &["apps", "add", "--company", "Globex", "--role", "SRE"],
    );
    let out = String::from_utf8(jobtrail(dir.path(), &["apps", "list"]).stdout).unwrap();
    assert!(
        out.contains("STATUS") && out.contains("Globex") && out.contains("saved"),
        "a table: {out}"
    );
}

#[test]
fn invalid_input_names_the_field_and_exits_2() {
    let dir = tempfile::tempdir().unwrap();
    let err = json_err(
        &jobtrail(
            dir.path(),
            &["--json", "apps", "add", "--company", " ", "--role", "Dev"],
        ),
        2,
    );
    assert_eq!(err["code"], "invalid_input");
    assert_eq!(err["field"], "company");
    let err = json_err(
        &jobtrail(dir.path(), &["--json", "apps", "set-status", "1", "hired"]),
        2,
    );
    assert_eq!(err["field"], "status");
    assert!(
        err["message"].as_str().unwrap_or("").contains("interview"),
        "lists valid statuses: {err}"
    );
    let err = json_err(&jobtrail(dir.path(), &["--json", "apps", "delete", "1"]), 2);
    assert!(
        err["message"].as_str().unwrap_or("").contains("--yes"),
        "delete wants confirmation: {err}"
    );
}

#[test]
fn missing_application_exits_3() {
    let dir = tempfile::tempdir().unwrap();
    let err = json_err(
        &jobtrail(dir.path(), &["--json", "apps", "set-status", "99", "offer"]),
        3,
    );
    assert_eq!(err["code"], "not_found");
    let out = jobtrail(dir.path(), &["apps", "delete", "99", "--yes"]);
    assert_eq!(out.status.code(), Some(3));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no application with id 99"));
}

#[test]
fn the_data_dir_comes_from_the_environment_and_empty_is_an_error() {
    let dir = tempfile::tempdir().unwrap();
    let out = bin()
        .args(["apps", "add", "--company", "Env Co", "--role", "Dev"])
        .env("JOBTRAIL_DATA_DIR", dir.path())
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        dir.path().join("jobtrail.db").is_file(),
        "JOBTRAIL_DATA_DIR is used"
    );

    let out = bin()
        .args(["apps", "list"])
        .env("JOBTRAIL_DATA_DIR", "")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("JOBTRAIL_DATA_DIR is set but empty"),
        "an empty override is explained"
    );
}

#[test]
fn a_newer_database_is_refused_with_its_path() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("jobtrail.db");
    bump_schema(&db);
    let before = std::fs::read(&db).unwrap();
    let out = jobtrail(dir.path(), &["apps", "list"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr.contains(&db.display().to_string()) && stderr.contains("newer version"),
        "{stderr}"
    );
    assert_eq!(std::fs::read(&db).unwrap(), before, "left untouched");
}

/// Makes a Jobtrail database, then marks it as written by a far newer schema.
fn bump_schema(db: &Path) {
    assert!(
        jobtrail(db.parent().unwrap(), &["apps", "list"])
            .status
            .success()
    );
    rusqlite::Connection::open(db)
        .unwrap()
        .pragma_update(None, "user_version", 1000)
        .unwrap();
}

#[test]
fn a_read_only_data_dir_is_reported_and_nothing_is_written() {
    let root = tempfile::tempdir().unwrap();
    std::fs::set_permissions(root.path(), std::fs::Permissions::from_mode(0o755)).unwrap();
    let data = root.path().join("data");
    std::fs::create_dir(&data).unwrap();
    std::fs::set_permissions(&data, std::fs::Permissions::from_mode(0o555)).unwrap();

    // Root ignores permission bits, so as root the CLI runs as `nobody` (setpriv).
    let is_root = Command::new("id")
        .arg("-u")
        .output()
        .map(|o| o.stdout == b"0\n")
        .unwrap_or(false);
    let mut cmd = if is_root {
        let bin = root.path().join("jobtrail");
        std::fs::copy(BIN, &bin).unwrap();
        std::fs::set_permissions(&bin, std::fs::Permissions::from_mode(0o755)).unwrap();
        let mut c = Command::new("setpriv");
        c.args(["--reuid=65534", "--regid=65534", "--clear-groups"])
            .arg(bin);
        c
    } else {
        bin()
    };
    let out = cmd
        .arg("--data-dir")
        .arg(&data)
        .args(["apps", "add", "--company", "Acme", "--role", "Dev"])
        .env("HOME", root.path())
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("read-only"), "says why: {stderr}");
    assert!(
        stderr.contains(&data.join("jobtrail.db").display().to_string()),
        "names the file: {stderr}"
    );
    assert_eq!(
        std::fs::read_dir(&data).unwrap().count(),
        0,
        "nothing was written"
    );
}

mod agent_run {
    use super::*;
    use jobtrail_llm_testserver::{Reply, TestServer, Usage};

    #[test]
    fn without_a_key_the_builtin_engine_analyses_an_eml_file() {
        let dir = tempfile::tempdir().unwrap();
        let out = bin()
            .args(["--json", "--data-dir"])
            .arg(dir.path())
            .args(["agent", "run", "email-analyst", "--file", EMAIL])
            .env_remove("OPENAI_API_KEY")
            .env_remove("OPENAI_BASE_URL")
            .output()
            .unwrap();
        let v = json_ok(&out);
        assert_eq!(v["output"]["category"], "interview_invite", "{v}");
        assert_eq!(
            v["output"]["company"], "Acme",
            "company from the sender's domain"
        );
        assert_eq!(v["execution"]["engine"], "builtin");
        assert_eq!(v["execution"]["success"], true);
        assert!(v["execution"]["executionId"].as_i64().is_some());
    }

    #[tokio::test(flavor = "multi_thread")]
    async fn with_an_endpoint_the_model_answers_and_tokens_are_printed() {
        let server = TestServer::start().await.unwrap();
        server.script([Reply::json(&serde_json::json!({
            "category": "interview_invite", "urgency": "high", "company": "Acme", "role": "Rust Engineer",
            "dates": ["next week"], "contacts": [{"name": "Acme Talent", "email": "talent@acme.com"}],
            "application_id": null, "proposed_status": "interview",
            "summary": "Acme invites you to interview next week.", "confidence": 0.9
        }))
        .with_usage(Usage::new(900, 300, 120, 40))]);
        let dir = tempfile::tempdir().unwrap();
        let base = server.base_url();
        let data = dir.path().to_path_buf();
        let out = tokio::task::spawn_blocking(move || {
            bin()
                .args(["--json", "--data-dir"])
                .arg(&data)
                .args([
                    "agent",
                    "run",
                    "email-analyst",
                    "--file",
                    EMAIL,
                    "--model",
                    "gpt-4.1-mini",
                ])
                .env("OPENAI_API_KEY", "sk-cli-test")
                .env("OPENAI_BASE_URL", base)
                .output()
                .unwrap()
        })
        .await
        .unwrap();
        let v = json_ok(&out);
        assert_eq!(v["output"]["proposed_status"], "interview");
        let e = &v["execution"];
        assert_eq!(
            (e["engine"].as_str(), e["model"].as_str()),
            (Some("llm"), Some("gpt-4.1-mini"))
        );
        assert_eq!(
            e["usage"],
            serde_json::json!({"input": 600, "cachedInput": 300, "output": 80, "reasoning": 40})
        );
        let sent = &server.received()[0].body;
        let user = sent["messages"][1]["content"].as_str().unwrap();
        assert!(
            user.contains("Grüße"),
            "the quoted-printable latin-1 body reached the model decoded: {user}"
        );
    }

    #[tokio::test(flavor = "multi_thread")]
    async fn a_failed_run_is_recorded_and_exits_1() {
        let server = TestServer::start().await.unwrap();
        server.script([Reply::Unauthorized]);
        let dir = tempfile::tempdir().unwrap();
        let (base, data) = (server.base_url(), dir.path().to_path_buf());
        let out = tokio::task::spawn_blocking(move || {
            bin()
                .args(["--json", "--data-dir"])
                .arg(&data)
                .args(["agent", "run", "email-analyst", "--file", EMAIL])
                .env("OPENAI_API_KEY", "sk-wrong-key-9876")
                .env("OPENAI_BASE_URL", base)
                .output()
                .unwrap()
        })
        .await
        .unwrap();
        assert_eq!(out.status.code(), Some(1));
        let v: Value = serde_json::from_slice(&out.stdout).unwrap();
        assert_eq!(v["execution"]["success"], false);
        assert_eq!(v["execution"]["errorKind"], "authentication");
        let all = format!(
            "{}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(
            !all.contains("sk-wrong-key-9876"),
            "the key never appears in output"
        );
    }

    #[test]
    fn a_file_that_is_not_an_email_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let bad = dir.path().join("empty.eml");
        std::fs::write(&bad, "").unwrap();
        let out = jobtrail(
            dir.path(),
            &[
                "--json",
                "agent",
                "run",
                "email-analyst",
                "--file",
                bad.to_str().unwrap(),
            ],
        );
        let err = json_err(&out, 2);
        assert_eq!(err["field"], "email");
    }
}

#[test]
fn a_bad_log_level_is_reported_and_the_command_still_runs() {
    let dir = tempfile::tempdir().unwrap();
    let out = bin()
        .arg("--data-dir")
        .arg(dir.path())
        .args(["apps", "list"])
        .env("LOG_LEVEL", "[[[not a filter")
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "a bad LOG_LEVEL does not stop the command"
    );
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("LOG_LEVEL is not a valid filter"),
        "the user is told"
    );
}

#[test]
fn the_log_lines_of_a_run_are_found_by_its_request_id() {
    let dir = tempfile::tempdir().unwrap();
    let run = bin()
        .args(["--json", "--data-dir"])
        .arg(dir.path())
        .args(["agent", "run", "email-analyst", "--file", EMAIL])
        .env_remove("OPENAI_API_KEY")
        .env_remove("OPENAI_BASE_URL")
        .env_remove("LOG_LEVEL")
        .env_remove("STRUCTURED_LOGGING")
        .output()
        .unwrap();
    let run = json_ok(&run);
    let request_id = run["execution"]["requestId"].as_str().unwrap().to_owned();
    assert!(
        std::fs::read_dir(dir.path().join("logs"))
            .unwrap()
            .any(|f| f
                .unwrap()
                .file_name()
                .to_string_lossy()
                .starts_with("jobtrail.log.")),
        "a daily log file in <data dir>/logs"
    );

    let lines = json_ok(&jobtrail(dir.path(), &["--json", "logs", &request_id]));
    let lines = lines.as_array().unwrap();
    assert!(!lines.is_empty());
    assert!(
        lines.iter().all(|l| l["request_id"] == request_id.as_str()),
        "{lines:#?}"
    );
    let recorded = lines
        .iter()
        .find(|l| l["message"] == "execution recorded")
        .expect("the execution recorded line");
    assert_eq!(recorded["execution_id"], run["execution"]["executionId"]);
    assert_eq!(recorded["agent"], "email-analyst");
    assert_eq!(recorded["level"], "INFO");

    let text = jobtrail(dir.path(), &["logs", &request_id]);
    assert!(text.status.success());
    let text = String::from_utf8(text.stdout).unwrap();
    assert!(
        text.lines().any(|l| l.contains(" INFO ")
            && l.contains("execution recorded")
            && l.contains(&format!("request_id={request_id}"))),
        "{text}"
    );

    let none = json_ok(&jobtrail(dir.path(), &["--json", "logs", "req-unknown"]));
    assert_eq!(none, serde_json::json!([]));
    json_err(&jobtrail(dir.path(), &["--json", "logs", " "]), 2);
}

#[test]
fn structured_logging_chooses_json_or_text_on_stderr_and_nonsense_is_reported() {
    let dir = tempfile::tempdir().unwrap();
    let with = |structured: &str| {
        let out = bin()
            .arg("--data-dir")
            .arg(dir.path())
            .args(["apps", "list"])
            .env("LOG_LEVEL", "debug")
            .env("STRUCTURED_LOGGING", structured)
            .output()
            .unwrap();
        assert!(out.status.success());
        String::from_utf8(out.stderr).unwrap()
    };
    let json = with("true");
    assert!(!json.is_empty());
    for line in json.lines() {
        let v: Value = serde_json::from_str(line).unwrap_or_else(|_| panic!("not JSON: {line}"));
        assert!(
            v["timestamp"].is_string() && v["level"].is_string(),
            "{line}"
        );
    }
    let text = with("false");
    assert!(!text.is_empty());
    assert!(
        text.lines()
            .all(|l| serde_json::from_str::<Value>(l).is_err()),
        "{text}"
    );
    let bad = with("sometimes");
    assert!(
        bad.contains("STRUCTURED_LOGGING") && bad.contains("use true or false"),
        "{bad}"
    );
}

#[test]
fn by_default_the_cli_keeps_stderr_quiet_and_the_file_gets_info() {
    let dir = tempfile::tempdir().unwrap();
    let out = bin()
        .arg("--data-dir")
        .arg(dir.path())
        .args(["apps", "add", "--company", "Acme", "--role", "Dev"])
        .env_remove("LOG_LEVEL")
        .env_remove("STRUCTURED_LOGGING")
        .output()
        .unwrap();
    assert!(out.status.success());
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        "",
        "nothing below warn"
    );
    let mut logged = String::new();
    for f in std::fs::read_dir(dir.path().join("logs")).unwrap() {
        logged.push_str(&std::fs::read_to_string(f.unwrap().path()).unwrap());
    }
    assert!(
        logged.contains("\"message\":\"application added\""),
        "{logged}"
    );
}

mod inbox {
    use super::*;

    fn mbox(dir: &Path) -> std::path::PathBuf {
        let p = dir.join("jobs.mbox");
        let mut s = String::new();
        s.push_str("From talent@acme.com Tue Nov 24 09:00:00 2026\n");
        s.push_str(
            &std::fs::read_to_string(EMAIL)
                .unwrap()
                .replace("\r\n", "\n"),
        );
        s.push_str("\nFrom offers@globex.com Tue Nov 24 10:00:00 2026\n");
        s.push_str("From: Globex People <offers@globex.com>\nSubject: Your offer\nMessage-ID: <offer-1@globex.com>\n\nWe are pleased to offer you the position.\n");
        s.push_str("\nFrom nobody Tue Nov 24 11:00:00 2026\n\n");
        std::fs::write(&p, s).unwrap();
        p
    }

    #[test]
    fn import_list_analyse_and_review() {
        let dir = tempfile::tempdir().unwrap();
        let data = dir.path().join("data");
        let file = mbox(dir.path());
        let f = file.to_str().unwrap();

        // One malformed message: reported, exit 1, the rest imported.
        let out = jobtrail(&data, &["--json", "import", f]);
        assert_eq!(out.status.code(), Some(1));
        let report: Value = serde_json::from_slice(&out.stdout).unwrap();
        assert_eq!(report["imported"], 2, "{report}");
        assert_eq!(report["files"][0]["errors"][0]["index"], 3);
        let again: Value =
            serde_json::from_slice(&jobtrail(&data, &["--json", "import", f]).stdout).unwrap();
        assert_eq!(
            (again["imported"].as_u64(), again["duplicates"].as_u64()),
            (Some(0), Some(2))
        );

        json_ok(&jobtrail(
            &data,
            &[
                "--json",
                "apps",
                "add",
                "--company",
                "Globex",
                "--role",
                "SRE",
                "--status",
                "interview",
            ],
        ));
        let emails = json_ok(&jobtrail(&data, &["--json", "emails", "list"]));
        let offer = emails
            .as_array()
            .unwrap()
            .iter()
            .find(|e| e["subject"] == "Your offer")
            .unwrap();
        let id = offer["id"].as_i64().unwrap().to_string();

        let run = json_ok(&jobtrail(
            &data,
            &["--json", "agent", "run", "email-analyst", "--email-id", &id],
        ));
        assert_eq!(run["output"]["category"], "offer", "{run}");
        assert_eq!(
            run["queued"][0]["proposedStatus"], "offer",
            "offers wait for review: {run}"
        );
        assert_eq!(run["applied"].as_array().unwrap().len(), 0);

        let pending = json_ok(&jobtrail(&data, &["--json", "review", "list"]));
        let item = pending[0]["id"].as_i64().unwrap().to_string();
        let accepted = json_ok(&jobtrail(&data, &["--json", "review", "accept", &item]));
        assert_eq!(accepted["state"], "accepted");
        let apps = json_ok(&jobtrail(&data, &["--json", "apps", "list"]));
        assert_eq!(apps[0]["status"], "offer");
        let err = json_err(&jobtrail(&data, &["--json", "review", "reject", &item]), 2);
        assert!(
            err["message"]
                .as_str()
                .unwrap()
                .contains("already accepted"),
            "{err}"
        );
        json_err(&jobtrail(&data, &["--json", "review", "accept", "999"]), 3);
        json_err(&jobtrail(&data, &["--json", "emails", "show", "999"]), 3);

        let text = jobtrail(&data, &["emails", "list"]);
        assert!(String::from_utf8_lossy(&text.stdout).contains("Your offer"));
    }

    #[test]
    fn a_skipped_message_is_in_the_error_log() {
        let dir = tempfile::tempdir().unwrap();
        let data = dir.path().join("data");
        let file = mbox(dir.path());
        assert_eq!(
            jobtrail(&data, &["import", file.to_str().unwrap()])
                .status
                .code(),
            Some(1)
        );
        let s = json_ok(&jobtrail(&data, &["--json", "errors", "stats"]));
        assert_eq!(
            (s["totalErrors"].as_u64(), s["recovered"].as_u64()),
            (Some(1), Some(1)),
            "{s}"
        );
        assert_eq!(s["byStrategy"]["skip_and_continue"], 1);
        let list = json_ok(&jobtrail(
            &data,
            &["--json", "errors", "list", "--category", "validation"],
        ));
        assert_eq!(list[0]["kind"], "invalid_message", "{list}");
        let none = json_ok(&jobtrail(
            &data,
            &["--json", "errors", "list", "--severity", "medium"],
        ));
        assert_eq!(none, serde_json::json!([]), "a skipped message is low");
        let text =
            String::from_utf8_lossy(&jobtrail(&data, &["errors", "list"]).stdout).into_owned();
        assert!(
            text.contains("SEVERITY") && text.contains("skip_and_continue") && text.contains("yes"),
            "{text}"
        );
        let out = dir.path().join("errors.json");
        let written = json_ok(&jobtrail(
            &data,
            &["--json", "errors", "export", "-o", out.to_str().unwrap()],
        ));
        assert_eq!(written["written"], 1);
        let v: Value = serde_json::from_slice(&std::fs::read(&out).unwrap()).unwrap();
        assert_eq!(v["errors"][0]["recoveryStrategy"], "skip_and_continue");
    }

    #[test]
    fn job_match_and_follow_up_run_on_the_builtin_engine() {
        let dir = tempfile::tempdir().unwrap();
        let data = dir.path().join("data");
        let profile = dir.path().join("profile.json");
        std::fs::write(&profile, r#"{"name": "Sam", "skills": ["Rust", "SQL"], "desiredRoles": ["Backend Engineer"], "remote": true}"#).unwrap();
        json_ok(&jobtrail(
            &data,
            &[
                "--json",
                "profile",
                "set",
                "--file",
                profile.to_str().unwrap(),
            ],
        ));
        let post = dir.path().join("post.txt");
        std::fs::write(&post, "Backend Engineer (remote): Rust, SQL and Kafka.").unwrap();
        let run = json_ok(&jobtrail(
            &data,
            &[
                "--json",
                "agent",
                "run",
                "job-match",
                "--file",
                post.to_str().unwrap(),
            ],
        ));
        assert_eq!(
            run["output"]["matched_skills"],
            serde_json::json!(["Rust", "SQL"]),
            "{run}"
        );
        assert_eq!(run["execution"]["engine"], "builtin");

        let app = json_ok(&jobtrail(
            &data,
            &[
                "--json",
                "apps",
                "add",
                "--company",
                "Acme",
                "--role",
                "Rust Engineer",
                "--status",
                "applied",
            ],
        ));
        let id = app["id"].as_i64().unwrap().to_string();
        let draft = json_ok(&jobtrail(
            &data,
            &[
                "--json",
                "agent",
                "run",
                "follow-up",
                "--application-id",
                &id,
            ],
        ));
        assert!(
            draft["output"]["body"].as_str().unwrap().contains("Acme"),
            "{draft}"
        );
        let err = json_err(
            &jobtrail(&data, &["--json", "agent", "run", "follow-up"]),
            2,
        );
        assert!(
            err["message"]
                .as_str()
                .unwrap()
                .contains("--application-id")
        );

        std::fs::write(&profile, r#"{"minSalary": -5}"#).unwrap();
        let err = json_err(
            &jobtrail(
                &data,
                &[
                    "--json",
                    "profile",
                    "set",
                    "--file",
                    profile.to_str().unwrap(),
                ],
            ),
            2,
        );
        assert_eq!(err["field"], "minSalary");
    }

    #[test]
    fn settings_are_validated_and_an_absent_keychain_is_explained() {
        let dir = tempfile::tempdir().unwrap();
        let err = json_err(
            &jobtrail(
                dir.path(),
                &[
                    "--json",
                    "settings",
                    "agent",
                    "job-match",
                    "--temperature",
                    "7",
                ],
            ),
            2,
        );
        assert_eq!(err["field"], "temperature");
        let err = json_err(
            &jobtrail(
                dir.path(),
                &[
                    "--json",
                    "settings",
                    "provider",
                    "--base-url",
                    "localhost:1234",
                ],
            ),
            2,
        );
        assert_eq!(err["field"], "baseUrl");
        let v = json_ok(&jobtrail(
            dir.path(),
            &[
                "--json",
                "settings",
                "agent",
                "follow-up",
                "--model",
                "llama3.1",
                "--enabled",
                "false",
            ],
        ));
        let a = v["agents"]
            .as_array()
            .unwrap()
            .iter()
            .find(|a| a["agent"] == "follow-up")
            .unwrap()
            .clone();
        assert_eq!(
            (a["model"].as_str(), a["enabled"].as_bool()),
            (Some("llama3.1"), Some(false))
        );

        let err = json_err(&jobtrail(dir.path(), &["--json", "key", "status"]), 1);
        assert_eq!(err["code"], "keychain_unavailable", "{err}");
    }
}

mod costs_and_monitoring {
    use super::*;

    #[test]
    fn track_usage_prices_budgets_tips_and_metrics() {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path();
        // The spec's example: gpt-4o-mini, 1,000 input and 500 output tokens.
        let u = json_ok(&jobtrail(
            d,
            &[
                "--json",
                "costs",
                "track",
                "--agent",
                "CustomAgent",
                "--model",
                "gpt-4o-mini",
                "--input",
                "1000",
                "--output",
                "500",
            ],
        ));
        assert_eq!(u["totalCost"], 0.00045);
        assert_eq!(u["priced"], true);
        let text = jobtrail(
            d,
            &[
                "costs", "track", "--agent", "A", "--model", "my-local", "--input", "10",
                "--output", "1",
            ],
        );
        assert!(String::from_utf8_lossy(&text.stdout).contains("cost is unknown"));

        json_ok(&jobtrail(
            d,
            &[
                "--json", "prices", "set", "my-local", "--input", "0", "--output", "0", "--source",
                "local",
            ],
        ));
        let list = json_ok(&jobtrail(d, &["--json", "prices", "list"]));
        assert!(
            list.as_array()
                .unwrap()
                .iter()
                .any(|p| p["model"] == "my-local")
        );
        let err = json_err(
            &jobtrail(
                d,
                &[
                    "--json", "prices", "set", "x", "--input", "-1", "--output", "0",
                ],
            ),
            2,
        );
        assert!(
            err["message"].as_str().unwrap().contains("negative"),
            "{err}"
        );

        let total = json_ok(&jobtrail(
            d,
            &["--json", "costs", "total", "--period-hours", "24"],
        ));
        assert_eq!(total["totalCost"], 0.00045);
        assert_eq!(total["unpricedCalls"], 1);
        let agents = json_ok(&jobtrail(d, &["--json", "costs", "agents"]));
        assert_eq!(agents[0]["agentName"], "CustomAgent");

        json_ok(&jobtrail(
            d,
            &[
                "--json", "costs", "budget", "set", "--daily", "0.0005", "--agent", "A=0.01",
            ],
        ));
        let status = json_ok(&jobtrail(d, &["--json", "costs", "budget", "status"]));
        assert_eq!(
            status["daily"]["thresholdsCrossed"],
            serde_json::json!([50, 80, 90]),
            "$0.00045 of $0.0005"
        );
        assert_eq!(status["agents"][0]["scope"], "agent:A");
        let err = json_err(
            &jobtrail(d, &["--json", "costs", "budget", "set", "--daily", "NaN"]),
            2,
        );
        assert!(err["message"].as_str().unwrap().contains("--daily"));

        let metrics = json_ok(&jobtrail(
            d,
            &["--json", "monitoring", "agents", "--period-hours", "1"],
        ));
        assert_eq!(metrics["overall"]["totalExecutions"], 2);
        let one = json_ok(&jobtrail(
            d,
            &["--json", "monitoring", "agent", "CustomAgent"],
        ));
        assert_eq!(one["totalCost"], 0.00045);
        let raw = json_ok(&jobtrail(
            d,
            &["--json", "monitoring", "raw", "--limit", "1"],
        ));
        assert_eq!(raw.as_array().unwrap().len(), 1);
        let alerts = json_ok(&jobtrail(d, &["--json", "monitoring", "alerts"]));
        assert!(
            alerts
                .as_array()
                .unwrap()
                .iter()
                .any(|a| a["kind"] == "unpriced_model"),
            "{alerts}"
        );
        let err = json_err(
            &jobtrail(
                d,
                &["--json", "monitoring", "agents", "--period-hours", "-5"],
            ),
            2,
        );
        assert_eq!(err["field"], "periodHours");
        json_ok(&jobtrail(d, &["--json", "costs", "tips"]));
    }

    #[test]
    fn health_exports_upkeep_and_monitoring_settings() {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path();
        json_ok(&jobtrail(
            d,
            &[
                "--json", "costs", "track", "--agent", "A", "--model", "gpt-4o", "--input", "1000",
                "--output", "200",
            ],
        ));
        let h = json_ok(&jobtrail(d, &["--json", "monitoring", "health"]));
        assert_eq!(h["status"], "healthy");
        assert_eq!(h["rows"]["executions"], 1);
        let m = json_ok(&jobtrail(d, &["--json", "monitoring", "maintain"]));
        assert_eq!(m["rolledUp"], 1);

        let file = d.join("metrics.json");
        let out = jobtrail(
            d,
            &["monitoring", "export", "--output", file.to_str().unwrap()],
        );
        assert!(out.status.success());
        let v: Value = serde_json::from_slice(&std::fs::read(&file).unwrap()).unwrap();
        assert_eq!(v["schema"], "jobtrail.metrics-export");
        let csv = jobtrail(d, &["costs", "export", "--format", "csv"]);
        let text = String::from_utf8_lossy(&csv.stdout);
        assert!(
            text.lines()
                .nth(1)
                .unwrap()
                .contains(",A,gpt-4o,1,1,1000,0,200,0,0.004500000,0"),
            "{text}"
        );
        let err = json_err(
            &jobtrail(
                d,
                &[
                    "--json",
                    "monitoring",
                    "export",
                    "--output",
                    "/nonexistent/dir/x.json",
                ],
            ),
            2,
        );
        assert_eq!(err["field"], "path");

        let s = json_ok(&jobtrail(
            d,
            &[
                "--json",
                "monitoring",
                "settings",
                "--monitoring",
                "false",
                "--max-error-rate",
                "25",
            ],
        ));
        assert_eq!(s["monitoring"]["monitoringEnabled"], false);
        assert_eq!(s["alertThresholds"]["maxErrorRate"], 25.0);
        let err = json_err(&jobtrail(d, &["--json", "monitoring", "agents"]), 2);
        assert_eq!(err["field"], "monitoring");
        let err = json_err(
            &jobtrail(
                d,
                &["--json", "monitoring", "settings", "--max-error-rate", "-3"],
            ),
            2,
        );
        assert_eq!(err["field"], "maxErrorRate");
    }

    #[test]
    fn daily_budget_comes_from_the_environment_and_nonsense_is_ignored_with_a_warning() {
        let dir = tempfile::tempdir().unwrap();
        let run = |value: &str| {
            bin()
                .args(["--json", "--data-dir"])
                .arg(dir.path())
                .args(["costs", "budget", "status"])
                .env("DAILY_BUDGET", value)
                .output()
                .unwrap()
        };
        let ok = json_ok(&run("12.50"));
        assert_eq!(ok["daily"]["limit"], 12.5);
        let bad = run("-3");
        let v = json_ok(&bad);
        assert_eq!(v["daily"], Value::Null, "a negative budget is not used");
        assert!(
            String::from_utf8_lossy(&bad.stderr).contains("DAILY_BUDGET"),
            "the user is told"
        );
        let nan = run("NaN");
        assert!(String::from_utf8_lossy(&nan.stderr).contains("not a dollar amount"));
    }
}

mod failsafe_and_errors {
    use super::*;

    #[test]
    fn failsafe_settings_round_trip_and_out_of_range_values_are_refused() {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path();
        let before = json_ok(&jobtrail(d, &["--json", "failsafe", "settings"]));
        assert_eq!(before["circuitBreakerThreshold"], 5, "{before}");
        let changed = json_ok(&jobtrail(
            d,
            &[
                "--json",
                "failsafe",
                "settings",
                "--max-retries",
                "5",
                "--retry-backoff-multiplier",
                "1.5",
            ],
        ));
        assert_eq!(changed["maxRetries"], 5);
        assert_eq!(changed["retryBackoffMultiplier"], 1.5);
        assert_eq!(
            changed["circuitBreakerThreshold"], before["circuitBreakerThreshold"],
            "only the given fields change"
        );
        let shown = json_ok(&jobtrail(d, &["--json", "failsafe", "settings"]));
        assert_eq!(shown, changed, "stored");

        for (flag, value, field) in [
            ("--max-retries", "11", "maxRetries"),
            ("--max-retries", "-1", "maxRetries"),
            ("--retry-backoff-multiplier", "-1", "retryBackoffMultiplier"),
            (
                "--circuit-breaker-threshold",
                "0",
                "circuitBreakerThreshold",
            ),
        ] {
            let err = json_err(
                &jobtrail(d, &["--json", "failsafe", "settings", flag, value]),
                2,
            );
            assert_eq!(err["field"], field, "{flag} {value}: {err}");
        }
        let text = jobtrail(
            d,
            &["failsafe", "settings", "--circuit-breaker-threshold", "0"],
        );
        assert_eq!(text.status.code(), Some(2));
        assert!(
            String::from_utf8_lossy(&text.stderr).contains("circuitBreakerThreshold"),
            "the field is named"
        );
        let after = json_ok(&jobtrail(d, &["--json", "failsafe", "settings"]));
        assert_eq!(after, changed, "a refused change stores nothing");
    }

    #[test]
    fn environment_variables_set_the_defaults_and_bad_ones_are_reported() {
        let dir = tempfile::tempdir().unwrap();
        let run = |vars: &[(&str, &str)]| {
            let mut c = bin();
            c.arg("--data-dir")
                .arg(dir.path())
                .args(["--json", "failsafe", "settings"]);
            for (k, v) in vars {
                c.env(k, v);
            }
            c.output().unwrap()
        };
        let v = json_ok(&run(&[
            ("MAX_RETRIES", "7"),
            ("RETRY_BACKOFF_MULTIPLIER", "1.5"),
            ("CIRCUIT_BREAKER_THRESHOLD", "9"),
        ]));
        assert_eq!(
            (
                &v["maxRetries"],
                &v["retryBackoffMultiplier"],
                &v["circuitBreakerThreshold"]
            ),
            (
                &serde_json::json!(7),
                &serde_json::json!(1.5),
                &serde_json::json!(9)
            )
        );
        let bad = run(&[
            ("MAX_RETRIES", "2.5"),
            ("RETRY_BACKOFF_MULTIPLIER", "NaN"),
            ("CIRCUIT_BREAKER_THRESHOLD", "1000"),
        ]);
        let v = json_ok(&bad);
        assert_eq!(
            (
                &v["maxRetries"],
                &v["retryBackoffMultiplier"],
                &v["circuitBreakerThreshold"]
            ),
            (
                &serde_json::json!(3),
                &serde_json::json!(2.0),
                &serde_json::json!(5)
            ),
            "invalid values fall back to the spec's defaults"
        );
        let stderr = String::from_utf8_lossy(&bad.stderr);
        for name in [
            "MAX_RETRIES",
            "RETRY_BACKOFF_MULTIPLIER",
            "CIRCUIT_BREAKER_THRESHOLD",
        ] {
            assert!(stderr.contains(name), "{name} is reported: {stderr}");
        }
    }

    #[test]
    fn circuits_on_an_empty_store() {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path();
        let out = jobtrail(d, &["failsafe", "circuits"]);
        assert!(out.status.success());
        let text = String::from_utf8_lossy(&out.stdout);
        assert!(
            text.contains("No circuit has changed state yet") && text.contains("5 failures"),
            "{text}"
        );
        let v = json_ok(&jobtrail(d, &["--json", "failsafe", "circuits"]));
        assert_eq!(v["circuits"], serde_json::json!([]));
        assert_eq!(v["settings"]["circuitBreakerThreshold"], 5);
    }

    #[test]
    fn error_stats_list_and_export_on_an_empty_store() {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path();
        let s = json_ok(&jobtrail(d, &["--json", "errors", "stats"]));
        assert_eq!(s["totalErrors"], 0);
        assert_eq!(s["recoveryRate"], 100.0);
        let out = jobtrail(d, &["errors", "stats", "--since-hours", "24"]);
        assert!(String::from_utf8_lossy(&out.stdout).contains("No errors handled"));
        let err = json_err(
            &jobtrail(d, &["--json", "errors", "stats", "--since-hours", "-1"]),
            2,
        );
        assert_eq!(err["field"], "sinceHours");

        let list = json_ok(&jobtrail(d, &["--json", "errors", "list"]));
        assert_eq!(list, serde_json::json!([]));
        let err = json_err(
            &jobtrail(d, &["--json", "errors", "list", "--category", "nonsense"]),
            2,
        );
        assert_eq!(err["field"], "category");
        assert!(
            err["message"].as_str().unwrap().contains("rate_limit"),
            "the accepted names are listed: {err}"
        );
        let err = json_err(
            &jobtrail(d, &["--json", "errors", "list", "--severity", "huge"]),
            2,
        );
        assert_eq!(err["field"], "severity");

        let file = d.join("errors.json");
        let out = jobtrail(d, &["errors", "export", "-o", file.to_str().unwrap()]);
        assert!(out.status.success());
        assert!(String::from_utf8_lossy(&out.stdout).contains("0 errors written to"));
        let v: Value = serde_json::from_slice(&std::fs::read(&file).unwrap()).unwrap();
        assert_eq!(v["version"], 1);
        assert_eq!(v["errors"], serde_json::json!([]));
        let piped: Value =
            serde_json::from_slice(&jobtrail(d, &["errors", "export"]).stdout).unwrap();
        assert_eq!(piped["version"], 1, "without -o, standard output");
    }
}

#[test]
fn every_run_can_be_explained_in_four_formats() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let run = json_ok(&jobtrail(
        d,
        &["--json", "agent", "run", "email-analyst", "--file", EMAIL],
    ));
    let id = run["execution"]["executionId"]
        .as_i64()
        .unwrap()
        .to_string();
    let text = jobtrail(d, &["explain", &id]);
    let text = String::from_utf8_lossy(&text.stdout).into_owned();
    assert!(
        text.contains("point to the interview invite rule"),
        "{text}"
    );
    assert!(text.lines().all(|l| l.chars().count() <= 80));
    let md =
        String::from_utf8_lossy(&jobtrail(d, &["explain", &id, "--format", "markdown"]).stdout)
            .into_owned();
    assert!(md.starts_with("# Decision by email\\-analyst"), "{md}");
    let page = d.join("why.html");
    assert!(
        jobtrail(
            d,
            &[
                "explain",
                &id,
                "--format",
                "html",
                "-o",
                page.to_str().unwrap()
            ]
        )
        .status
        .success()
    );
    assert!(
        std::fs::read_to_string(&page)
            .unwrap()
            .contains("default-src 'none'")
    );
    let v = json_ok(&jobtrail(d, &["--json", "explain", &id]));
    assert_eq!(v["schema"], "jobtrail.explanation");
    assert_eq!(v["executionId"].as_i64().unwrap().to_string(), id);
    let s = json_ok(&jobtrail(d, &["--json", "explain", "--summary"]));
    assert!(
        s[0]["decision"]
            .as_str()
            .unwrap()
            .starts_with("interview invite")
    );
    json_err(&jobtrail(d, &["--json", "explain", "999"]), 3);
    json_err(&jobtrail(d, &["--json", "explain"]), 2);
    let bad = jobtrail(d, &["explain", &id, "--format", "pdf"]);
    assert_eq!(bad.status.code(), Some(2));
}

#[test]
fn a_relabelled_email_shows_in_the_calibration() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let out = jobtrail(d, &["--json", "import", EMAIL]);
    assert!(out.status.success());
    let id = json_ok(&jobtrail(d, &["--json", "emails", "list"]))[0]["id"]
        .as_i64()
        .unwrap()
        .to_string();
    json_ok(&jobtrail(
        d,
        &["--json", "agent", "run", "email-analyst", "--email-id", &id],
    ));
    let e = json_ok(&jobtrail(
        d,
        &["--json", "emails", "relabel", &id, "rejection"],
    ));
    assert_eq!(e["category"], "rejection");
    let c = json_ok(&jobtrail(d, &["--json", "calibration"]));
    assert_eq!(c[0]["agent"], "email-analyst");
    assert_eq!(
        (c[0]["decisions"].as_i64(), c[0]["corrected"].as_i64()),
        (Some(1), Some(1))
    );
    let text = String::from_utf8_lossy(&jobtrail(d, &["calibration"]).stdout).into_owned();
    assert!(text.contains("1 decisions, 1 corrected (100 %)"), "{text}");
    json_err(
        &jobtrail(d, &["--json", "emails", "relabel", &id, "spam"]),
        2,
    );
    json_err(
        &jobtrail(d, &["--json", "emails", "relabel", "999", "other"]),
        3,
    );
}
