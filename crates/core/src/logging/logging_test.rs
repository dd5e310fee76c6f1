//! Tests of `logging`.

#![allow(clippy::unwrap_used)]

use std::borrow::Cow;
use std::io::Write;
use std::sync::{Arc, Mutex};

use super::*;

#[derive(Clone, Default)]
struct Buffer(Arc<Mutex<Vec<u8>>>);

impl Write for Buffer {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.0.lock().unwrap().extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

impl Buffer {
    fn lines(&self) -> Vec<Value> {
        String::from_utf8(self.0.lock().unwrap().clone())
            .unwrap()
            .lines()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect()
    }
}

fn json_subscriber(buf: &Buffer, level: &str) -> impl Subscriber + Send + Sync {
    let buf = buf.clone();
    tracing_subscriber::registry().with(
        JsonLayer::new(Redacting(move || buf.clone())).with_filter(level_filter::<Registry>(level)),
    )
}

#[test]
fn the_imap_wire_is_never_logged_even_at_trace() {
    let buf = Buffer::default();
    tracing::subscriber::with_default(json_subscriber(&buf, "trace"), || {
        tracing::trace!(target: "async_imap::imap_stream", "encode: LOGIN \"me\" \"pass\"");
        tracing::debug!(target: "imap_proto::parser", "raw message");
        tracing::warn!(target: "async_imap::client", "connection lost");
        tracing::trace!(target: "jobtrail_core::mail::sync", "batch");
    });
    let messages: Vec<_> = buf.lines().iter().map(|l| l["message"].clone()).collect();
    assert_eq!(
        messages,
        ["connection lost", "batch"],
        "only the library's warnings and our own lines pass"
    );
}

#[test]
fn a_line_inside_a_run_carries_the_run_and_its_own_fields() {
    let buf = Buffer::default();
    tracing::subscriber::with_default(json_subscriber(&buf, "info"), || {
        let run = tracing::info_span!(
            target: "jobtrail_core::agent::runtime",
            "agent_run",
            agent = "email-analyst",
            request_id = "req-1"
        );
        let _in = run.enter();
        let call =
            tracing::info_span!(target: "jobtrail_core::agent::llm", "chat", model = "gpt-4o-mini");
        let _in_call = call.enter();
        tracing::info!(execution_id = 7_i64, success = true, "execution recorded");
    });
    let lines = buf.lines();
    assert_eq!(lines.len(), 1, "{lines:?}");
    let l = &lines[0];
    assert_eq!(l["level"], "INFO");
    assert_eq!(l["message"], "execution recorded");
    assert_eq!(l["target"], "jobtrail_core::logging::tests");
    assert_eq!(l["request_id"], "req-1");
    assert_eq!(l["agent"], "email-analyst");
    assert_eq!(l["model"], "gpt-4o-mini", "inner spans' fields too");
    assert_eq!(l["execution_id"], 7);
    assert_eq!(l["success"], true);
    assert_eq!(l["spans"], serde_json::json!(["agent_run", "chat"]));
    let ts = l["timestamp"].as_str().unwrap();
    assert!(
        chrono::DateTime::parse_from_rfc3339(ts).is_ok() && ts.ends_with('Z'),
        "{ts}"
    );
}

#[test]
fn a_warning_inside_a_run_keeps_the_request_id_at_level_warn() {
    let buf = Buffer::default();
    tracing::subscriber::with_default(json_subscriber(&buf, "warn"), || {
        let run = tracing::info_span!(target: "jobtrail_core::agent::runtime", "agent_run", request_id = "req-2");
        let _in = run.enter();
        tracing::info!("not at warn");
        tracing::warn!(kind = "timeout", "agent run failed");
    });
    let lines = buf.lines();
    assert_eq!(lines.len(), 1, "{lines:?}");
    assert_eq!(lines[0]["request_id"], "req-2");
    assert_eq!(lines[0]["level"], "WARN");
}

#[test]
fn fields_recorded_later_on_a_span_appear_and_reserved_keys_stay() {
    let buf = Buffer::default();
    tracing::subscriber::with_default(json_subscriber(&buf, "info"), || {
        let run = tracing::info_span!(
            target: "jobtrail_core::x",
            "agent_run",
            request_id = "req-3",
            execution_id = tracing::field::Empty,
            level = "mine"
        );
        let _in = run.enter();
        run.record("execution_id", 42_i64);
        tracing::info!(target: "custom", "done");
    });
    let l = &buf.lines()[0];
    assert_eq!(l["execution_id"], 42);
    assert_eq!(l["level"], "INFO", "a field cannot overwrite the level");
    assert_eq!(l["target"], "custom");
}

#[test]
fn log_level_values() {
    let s = |v: Option<&str>, t| LogSettings::from_values(t, v, None);
    let (cli, problems) = s(None, LogTarget::Cli);
    assert!(problems.is_empty());
    assert_eq!(
        (cli.file_filter.as_str(), cli.stderr_filter.as_str()),
        ("info", "warn")
    );
    let (app, _) = s(None, LogTarget::App);
    assert_eq!(
        (app.file_filter.as_str(), app.stderr_filter.as_str()),
        ("info", "info")
    );
    let (debug, _) = s(Some(" DEBUG "), LogTarget::Cli);
    assert_eq!(
        (debug.file_filter.as_str(), debug.stderr_filter.as_str()),
        ("debug", "debug")
    );
    assert_eq!(s(Some("WARNING"), LogTarget::App).0.file_filter, "warn");
    assert_eq!(s(Some("CRITICAL"), LogTarget::App).0.file_filter, "error");
    assert_eq!(
        s(Some("info,jobtrail_core=debug"), LogTarget::App)
            .0
            .file_filter,
        "info,jobtrail_core=debug"
    );
    for bad in ["verbose", "[[[not a filter", ",,", "jobtrail_core=loud"] {
        let (got, problems) = s(Some(bad), LogTarget::Cli);
        assert_eq!(
            (got.file_filter.as_str(), got.stderr_filter.as_str()),
            ("info", "warn"),
            "{bad}: defaults"
        );
        assert_eq!(problems.len(), 1, "{bad}");
        assert!(
            problems[0].starts_with("LOG_LEVEL is not a valid filter")
                && problems[0].contains("use error, warn, info, debug, trace or off"),
            "{}",
            problems[0]
        );
    }
}

#[test]
fn structured_logging_values() {
    let s = |v| LogSettings::from_values(LogTarget::App, None, v);
    for (v, want) in [
        (None, true),
        (Some(""), true),
        (Some("true"), true),
        (Some("TRUE"), true),
        (Some("1"), true),
        (Some("Yes"), true),
        (Some("false"), false),
        (Some(" False "), false),
        (Some("0"), false),
        (Some("no"), false),
        (Some("off"), false),
    ] {
        let (got, problems) = s(v);
        assert_eq!(got.structured, want, "{v:?}");
        assert!(problems.is_empty(), "{v:?}");
    }
    let (got, problems) = s(Some("maybe"));
    assert!(got.structured, "the default");
    assert_eq!(problems.len(), 1);
    assert!(
        problems[0].contains("STRUCTURED_LOGGING")
            && problems[0].contains("\"maybe\"")
            && problems[0].contains("true or false"),
        "{}",
        problems[0]
    );
}

#[test]
fn secrets_bearer_tokens_and_sk_keys_are_redacted() {
    register_secret("my-very-own-provider-key-42");
    register_secret("short");
    assert_eq!(
        redact("failed with key my-very-own-provider-key-42!"),
        "failed with key [redacted]!"
    );
    assert_eq!(redact("short stays"), "short stays");
    assert_eq!(
        redact(r#"{"authorization":"Bearer abc.def-ghi_jkl"}"#),
        r#"{"authorization":"Bearer [redacted]"}"#
    );
    assert_eq!(
        redact("Incorrect API key provided: sk-proj-ABCDEFGHIJKLMNOP1234."),
        "Incorrect API key provided: sk-[redacted]."
    );
    assert_eq!(
        redact("task-sk-not-a-key and sk-short"),
        "task-sk-not-a-key and sk-short"
    );
    assert!(matches!(redact("nothing here"), Cow::Borrowed(_)));
}

#[test]
fn the_human_readable_format_is_redacted_too() {
    let buf = Buffer::default();
    let writer = buf.clone();
    let sub = tracing_subscriber::registry().with(
        tracing_subscriber::fmt::layer()
            .compact()
            .with_ansi(false)
            .with_writer(Redacting(move || writer.clone())),
    );
    tracing::subscriber::with_default(sub, || {
        tracing::warn!(
            error = "401: Incorrect API key provided: sk-abcdefghijklmnopqrstuvwxyz",
            "call failed"
        );
    });
    let text = String::from_utf8(buf.0.lock().unwrap().clone()).unwrap();
    assert!(
        text.contains("call failed") && text.contains("sk-[redacted]"),
        "{text}"
    );
    assert!(!text.contains("abcdefghijklmnop"), "{text}");
}

#[test]
fn an_unwritable_log_dir_leaves_stderr_only() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("not-a-dir");
    std::fs::write(&file, "x").unwrap();
    let (settings, _) = LogSettings::from_values(LogTarget::Cli, None, None);
    let built = build(&settings, Some(&file.join("logs")), false);
    assert!(built.guard.log_dir().is_none());
    assert_eq!(built.problems.len(), 1);
    assert!(
        built.problems[0].contains("cannot write log files")
            && built.problems[0].contains("stderr only"),
        "{}",
        built.problems[0]
    );
}

#[test]
fn old_files_beyond_fourteen_are_removed_and_files_list_oldest_first() {
    let dir = tempfile::tempdir().unwrap();
    for day in 1..=20 {
        std::fs::write(
            dir.path().join(format!("jobtrail.log.2020-01-{day:02}")),
            "",
        )
        .unwrap();
    }
    std::fs::write(dir.path().join("other.txt"), "").unwrap();
    let (settings, _) = LogSettings::from_values(LogTarget::App, None, None);
    let built = build(&settings, Some(dir.path()), false);
    assert!(built.problems.is_empty(), "{:?}", built.problems);
    let files = log_files(dir.path()).unwrap();
    assert_eq!(files.len(), MAX_LOG_FILES, "{files:?}");
    let today = chrono::Utc::now()
        .format("jobtrail.log.%Y-%m-%d")
        .to_string();
    assert!(files.last().unwrap().ends_with(&today), "{files:?}");
    assert!(
        dir.path().join("other.txt").exists(),
        "other files are left alone"
    );
    assert!(log_files(&dir.path().join("missing")).unwrap().is_empty());
}

#[test]
fn find_by_request_id_reads_every_file_in_order_and_skips_other_lines() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("jobtrail.log.2026-01-02"),
        concat!(
            r#"{"message":"second","request_id":"req-a"}"#,
            "\n",
            r#"{"message":"req-a is mentioned","request_id":"req-b"}"#,
            "\n",
            "req-a but not JSON\n",
            r#"{"message":"cut off","request_id":"req-a""#,
        ),
    )
    .unwrap();
    std::fs::write(
        dir.path().join("jobtrail.log.2026-01-01"),
        concat!(r#"{"message":"first","request_id":"req-a"}"#, "\n"),
    )
    .unwrap();
    let found = find_by_request_id(dir.path(), "req-a").unwrap();
    let messages: Vec<&str> = found
        .iter()
        .map(|v| v["message"].as_str().unwrap())
        .collect();
    assert_eq!(messages, ["first", "second"]);
    assert!(find_by_request_id(dir.path(), "").unwrap().is_empty());
}
