//! The monitoring dashboard on the real app: after runs recorded by the CLI, the app
//! opens on the dashboard and its figures equal the store's; an agent's detail lists
//! its runs. Screenshots of each view go to `target/e2e-screenshots/`.

use std::path::PathBuf;
use std::process::Output;

use anyhow::{Context, Result, ensure};
use jobtrail_e2e::{Desktop, exclusive};
use serde_json::Value;

/// Where the e2e suite leaves its screenshots (under the build output).
pub fn screenshot_dir() -> Result<PathBuf> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../target/e2e-screenshots");
    std::fs::create_dir_all(&dir)?;
    Ok(dir)
}

/// Saves a screenshot of the screen as `name.png`, once what is on it has been drawn.
pub async fn shoot(desktop: &Desktop, name: &str) -> Result<()> {
    tokio::time::sleep(std::time::Duration::from_millis(300)).await;
    desktop.screenshot(&screenshot_dir()?.join(format!("{name}.png")))
}

async fn cli(desktop: &Desktop, args: &[&str]) -> Result<Value> {
    let mut cmd = desktop.cli()?;
    cmd.args(args);
    let out: Output = tokio::task::spawn_blocking(move || cmd.output()).await??;
    ensure!(
        out.status.success(),
        "jobtrail {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).context("CLI JSON")
}

#[tokio::test(flavor = "multi_thread")]
async fn the_dashboard_shows_what_the_store_holds() -> Result<()> {
    let _one = exclusive().await;
    let desktop = Desktop::start().await?;
    // Runs of two agents on two models.
    for (agent, model, input, output) in [
        ("email-analyst", "gpt-4o-mini", "12000", "800"),
        ("email-analyst", "gpt-4o-mini", "9000", "600"),
        ("email-analyst", "gpt-4o", "4000", "300"),
        ("job-match", "gpt-4o", "20000", "1500"),
        ("job-match", "gpt-4o-mini", "3000", "200"),
    ] {
        cli(
            &desktop,
            &[
                "--json", "costs", "track", "--agent", agent, "--model", model, "--input", input,
                "--output", output,
            ],
        )
        .await?;
    }
    let store = cli(
        &desktop,
        &["--json", "monitoring", "agents", "--period-hours", "24"],
    )
    .await?;
    let runs = store["overall"]["totalExecutions"]
        .as_i64()
        .context("runs")?;
    assert_eq!(runs, 5);

    let app = desktop.launch().await?;
    // With runs stored, the app opens on the dashboard.
    app.testid("summary-cards").await?;
    shoot(&desktop, "dashboard").await?;
    app.client
        .execute(
            "document.querySelector(\"[data-testid='cost-by-model']\").scrollIntoView()",
            vec![],
        )
        .await?;
    shoot(&desktop, "dashboard-costs").await?;
    let shown = app.testid("card-executions-value").await?.text().await?;
    assert_eq!(shown.trim(), runs.to_string());
    let cost = store["overall"]["totalCost"].as_f64().context("cost")?;
    let card = app.testid("card-cost-value").await?.text().await?;
    assert!(
        card.contains(&format!("{cost:.2}")) || card.contains(&format!("{cost}")),
        "cost card {card:?} vs store {cost}"
    );
    let agent_runs = app.testid("agent-runs-email-analyst").await?.text().await?;
    assert_eq!(agent_runs.trim(), "3");
    let mut models = Vec::new();
    for label in app.all("[data-testid='cost-by-model'] .bar-label").await? {
        models.push(label.attr("title").await?.unwrap_or_default());
    }
    assert_eq!(models, ["gpt-4o", "gpt-4o-mini"], "costliest first");
    // The charts drew on a canvas (uPlot), not their text fallback.
    ensure!(
        !app.all("[data-testid='chart-runs'] canvas")
            .await?
            .is_empty(),
        "the runs chart has a canvas"
    );

    app.testid("agent-card-job-match").await?.click().await?;
    let rows = app.testid("agent-runs").await?.text().await?;
    assert!(rows.contains("gpt-4o"), "{rows}");
    shoot(&desktop, "agent-detail").await?;
    app.testid("agent-detail-back").await?.click().await?;

    app.testid("nav-settings").await?.click().await?;
    app.testid("api-key-form").await?;
    shoot(&desktop, "settings").await?;
    app.quit().await?;
    Ok(())
}
