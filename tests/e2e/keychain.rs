//! The API key in a real OS keychain (gnome-keyring on the session bus): stored with
//! the CLI, used by the CLI and the app for their requests, and found in no file.

use std::io::Write;
use std::process::{Command, Output, Stdio};

use anyhow::{Context, Result, ensure};
use jobtrail_e2e::{Desktop, exclusive};
use jobtrail_llm_testserver::{Reply, TestServer};
use serde_json::{Value, json};

const KEY: &str = "sk-e2e-keychain-7c1d";

async fn run(mut cmd: Command, stdin: Option<&'static str>) -> Result<Output> {
    tokio::task::spawn_blocking(move || -> Result<Output> {
        let mut child = cmd
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .context("run jobtrail")?;
        if let (Some(input), Some(mut pipe)) = (stdin, child.stdin.take()) {
            pipe.write_all(input.as_bytes())?;
        }
        Ok(child.wait_with_output()?)
    })
    .await?
}

fn json_ok(out: &Output) -> Result<Value> {
    ensure!(
        out.status.success(),
        "jobtrail failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    Ok(serde_json::from_slice(&out.stdout)?)
}

fn match_reply(score: u8) -> Reply {
    Reply::json(&json!({
        "score": score, "matched_skills": ["Rust"], "missing_skills": [],
        "recommendation": "apply", "summary": "A close fit.", "confidence": 0.8
    }))
}

fn files_under(dir: &std::path::Path, out: &mut Vec<std::path::PathBuf>) -> Result<()> {
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        if path.is_dir() {
            files_under(&path, out)?;
        } else {
            out.push(path);
        }
    }
    Ok(())
}

#[tokio::test(flavor = "multi_thread")]
async fn a_key_in_the_keychain_is_used_by_cli_and_app_and_stored_nowhere_else() -> Result<()> {
    let _one = exclusive().await;
    let desktop = Desktop::start().await?;
    let server = TestServer::start().await?;

    let mut set = desktop.cli()?;
    set.args(["--json", "key", "set", "--provider", "local"]);
    let stored = json_ok(&run(set, Some(KEY)).await?)?;
    assert_eq!(
        stored["last4"], "7c1d",
        "only the last 4 characters are shown"
    );
    assert!(!stored.to_string().contains(KEY));

    let mut provider = desktop.cli()?;
    provider.args([
        "--json",
        "settings",
        "provider",
        "--provider",
        "local",
        "--base-url",
    ]);
    provider.arg(server.base_url());
    let settings = json_ok(&run(provider, None).await?)?;
    assert_eq!(settings["effective"]["keyStored"], true, "{settings}");

    // The CLI reads the key from the keychain for its request.
    let post = desktop.data_dir().join("post.txt");
    std::fs::write(&post, "Rust engineer, remote.")?;
    server.script([match_reply(88)]);
    let mut agent = desktop.cli()?;
    agent
        .args(["--json", "agent", "run", "job-match", "--file"])
        .arg(&post);
    let out = json_ok(&run(agent, None).await?)?;
    assert_eq!(out["output"]["score"], 88, "{out}");
    assert_eq!(out["execution"]["provider"], "local");
    let auth = server.received()[0].authorization.clone();
    assert_eq!(auth.as_deref(), Some(format!("Bearer {KEY}").as_str()));

    // So does the app.
    server.script([match_reply(91)]);
    let app = desktop.launch().await?;
    app.testid("nav-profile").await?.click().await?;
    app.testid("job-post-input")
        .await?
        .send_keys("Rust engineer")
        .await?;
    app.testid("job-match-button").await?.click().await?;
    let score = app.testid("job-match-score").await?.text().await?;
    assert_eq!(score.trim(), "91", "the app asked the configured provider");
    let auth = server.received()[1].authorization.clone();
    assert_eq!(auth.as_deref(), Some(format!("Bearer {KEY}").as_str()));
    app.quit().await?;

    // The key is in the keychain only: no file in the data dir holds it.
    let mut files = Vec::new();
    files_under(&desktop.data_dir(), &mut files)?;
    assert!(files.iter().any(|f| f.ends_with("jobtrail.db")));
    for f in &files {
        let bytes = std::fs::read(f)?;
        assert!(
            !bytes.windows(KEY.len()).any(|w| w == KEY.as_bytes()),
            "{} contains the key",
            f.display()
        );
    }

    let mut remove = desktop.cli()?;
    remove.args(["--json", "key", "remove", "--provider", "local"]);
    json_ok(&run(remove, None).await?)?;
    let mut status = desktop.cli()?;
    status.args(["--json", "key", "status", "--provider", "local"]);
    assert_eq!(json_ok(&run(status, None).await?)?["stored"], false);
    Ok(())
}

/// Every file the app could have written, except the keyring's own store.
fn written_files(desktop: &Desktop) -> Result<Vec<std::path::PathBuf>> {
    let mut files = Vec::new();
    files_under(&desktop.data_dir(), &mut files)?;
    let root = desktop.data_dir().parent().context("no root")?.to_owned();
    for dir in ["xdg-config", "xdg-cache", "home"] {
        files_under(&root.join(dir), &mut files)?;
    }
    let mut data = Vec::new();
    files_under(&root.join("xdg-data"), &mut data)?;
    files.extend(
        data.into_iter()
            .filter(|f| !f.components().any(|c| c.as_os_str() == "keyrings")),
    );
    Ok(files)
}

#[tokio::test(flavor = "multi_thread")]
async fn a_key_saved_in_the_settings_view_is_in_the_secret_service_and_in_no_file() -> Result<()> {
    const UI_KEY: &str = "sk-e2e-typed-in-the-ui-9f3a";
    let _one = exclusive().await;
    let desktop = Desktop::start().await?;
    let app = desktop.launch().await?;

    app.testid("nav-settings").await?.click().await?;
    let status = app.testid("api-key-status").await?;
    let mut shown = status.text().await?;
    for _ in 0..50 {
        if !shown.contains("Checking") {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
        shown = status.text().await?;
    }
    ensure!(
        shown.contains("No key stored"),
        "a new keychain has no key: {shown}"
    );
    app.testid("api-key-input").await?.send_keys(UI_KEY).await?;
    app.testid("api-key-save").await?.click().await?;
    let last4 = app.testid("api-key-last4").await?.text().await?;
    assert_eq!(last4.trim(), "9f3a");
    let page = app.wait_for("body").await?.text().await?;
    assert!(!page.contains(UI_KEY), "the page never shows the key");
    app.quit().await?;

    // The Secret Service holds it, under the app's service and the provider's name.
    let mut lookup = desktop.command("secret-tool")?;
    lookup.args([
        "lookup",
        "service",
        "app.jobtrail.desktop",
        "username",
        "openai",
    ]);
    let out = run(lookup, None).await?;
    ensure!(
        out.status.success(),
        "secret-tool: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(String::from_utf8_lossy(&out.stdout).trim(), UI_KEY);
    let mut status = desktop.cli()?;
    status.args(["--json", "key", "status", "--provider", "openai"]);
    let status = json_ok(&run(status, None).await?)?;
    assert_eq!(
        (&status["stored"], &status["last4"]),
        (&json!(true), &json!("9f3a"))
    );

    // And nothing the app wrote does: not the SQLite file, its WAL, the logs, the
    // webview's storage.
    let files = written_files(&desktop)?;
    assert!(
        files.iter().any(|f| f.ends_with("jobtrail.db")),
        "{files:?}"
    );
    assert!(
        files
            .iter()
            .any(|f| f.components().any(|c| c.as_os_str() == "logs")),
        "{files:?}"
    );
    for f in &files {
        let bytes = std::fs::read(f)?;
        assert!(
            !bytes.windows(UI_KEY.len()).any(|w| w == UI_KEY.as_bytes()),
            "{} contains the key",
            f.display()
        );
    }
    Ok(())
}
