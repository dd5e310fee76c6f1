//! The desktop integration on the real app: budget notifications on the session bus
//! (once per threshold), the tray's budget gauge, and typed errors for bad input.

use std::time::{Duration, Instant};

use anyhow::{Context, Result, bail, ensure};
use jobtrail_e2e::{Desktop, exclusive};
use serde_json::json;

/// Polls `check` until it returns `Some`, for up to 15 s.
async fn eventually<T>(what: &str, mut check: impl AsyncFnMut() -> Result<Option<T>>) -> Result<T> {
    let start = Instant::now();
    loop {
        if let Some(v) = check().await? {
            return Ok(v);
        }
        if start.elapsed() > Duration::from_secs(15) {
            bail!("timed out waiting for {what}");
        }
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn crossing_80_percent_notifies_once_and_the_tray_shows_the_spend() -> Result<()> {
    let _one = exclusive().await;
    let desktop = Desktop::start().await?;
    // $0.085 spent today: 34,000 gpt-4o input tokens at $2.50 per 1M.
    let mut track = desktop.cli()?;
    track.args([
        "--json",
        "costs",
        "track",
        "--agent",
        "job-match",
        "--model",
        "gpt-4o",
        "--input",
        "34000",
        "--output",
        "0",
    ]);
    let out = tokio::task::spawn_blocking(move || track.output()).await??;
    ensure!(
        out.status.success(),
        "costs track: {}",
        String::from_utf8_lossy(&out.stderr)
    );

    let app = desktop.launch().await?;

    // Bad input comes back as the typed error the UI shows next to the field.
    let err = app
        .invoke("set_budget", json!({ "budget": -5 }))
        .await?
        .expect_err("a negative budget is refused");
    assert_eq!(err["code"], "invalid_input", "{err}");
    assert_eq!(err["field"], "budget", "{err}");
    assert!(
        err["message"].as_str().is_some_and(|m| !m.is_empty()),
        "{err}"
    );
    let err = app
        .invoke("list_errors", json!({ "sinceHours": null, "category": "nonsense", "minSeverity": null, "executionId": null, "limit": null }))
        .await?
        .expect_err("an unknown category is refused");
    assert_eq!(
        (&err["code"], &err["field"]),
        (&json!("invalid_input"), &json!("category"))
    );

    // A $0.10 daily budget: $0.085 is 85 %, past the 80 % threshold.
    app.invoke("set_budget", json!({ "budget": 0.1 }))
        .await?
        .map_err(|e| anyhow::anyhow!("set_budget failed: {e}"))?;
    let notes = eventually("the budget notification", async || {
        let n = desktop.notifications();
        Ok((!n.is_empty()).then_some(n))
    })
    .await?;
    assert!(
        notes[0].contains("Jobtrail") && notes[0].contains("80 % used"),
        "the notification names the threshold: {notes:?}"
    );

    let tray = eventually("the tray gauge", async || {
        let t = app
            .invoke("get_tray_state", json!({}))
            .await?
            .map_err(|e| anyhow::anyhow!("get_tray_state failed: {e}"))?;
        Ok((t["title"] == "$0.085 / $0.10").then_some(t))
    })
    .await
    .context("the tray title shows today's spend against the budget")?;
    assert_eq!(tray["level"], "warning", "{tray}");
    assert_eq!(tray["detail"], "Today: $0.085 of $0.10 (85 %)", "{tray}");

    // The same threshold again (another check, another budget save): no second one.
    app.invoke("set_budget", json!({ "budget": 0.1 }))
        .await?
        .map_err(|e| anyhow::anyhow!("{e}"))?;
    tokio::time::sleep(Duration::from_secs(2)).await;
    let notes = desktop.notifications();
    assert_eq!(
        notes.len(),
        1,
        "exactly one notification for 80 %: {notes:?}"
    );

    // The window's header shows the same gauge (live, from the tray's event).
    let gauge = eventually("the header gauge", async || {
        let text = app.testid("spend-gauge").await?.text().await?;
        Ok(text.contains("$0.085 / $0.10").then_some(text))
    })
    .await?;
    assert!(gauge.contains("$0.085 / $0.10"), "{gauge}");

    // Pausing all agents from the header: the tray knows, and runs are refused with
    // their own code while paused.
    app.testid("pause-agents").await?.click().await?;
    let paused = eventually("the pause", async || {
        let t = app
            .invoke("get_tray_state", json!({}))
            .await?
            .map_err(|e| anyhow::anyhow!("{e}"))?;
        Ok((t["paused"] == true).then_some(t))
    })
    .await?;
    assert_eq!(paused["paused"], true);
    let label = app.testid("pause-agents").await?.text().await?;
    assert_eq!(label.trim(), "Resume agents");
    let err = app
        .invoke("run_job_match", json!({ "post": "Rust engineer" }))
        .await?
        .expect_err("a paused agent does not run");
    assert_eq!(err["code"], "agents_paused", "{err}");
    app.quit().await?;
    Ok(())
}
