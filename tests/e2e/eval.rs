//! The Evaluate view on the real app: the held-out corpus through the built-in engine,
//! chosen as a folder, gives the same figures as the CLI and lists its wrong answers
//! with their explanations.

use anyhow::{Context, Result, ensure};
use jobtrail_e2e::{Desktop, exclusive};

#[tokio::test(flavor = "multi_thread")]
async fn evaluating_a_folder_on_the_builtin_engine_matches_the_cli() -> Result<()> {
    let _one = exclusive().await;
    let desktop = Desktop::start().await?;
    let set = std::fs::canonicalize(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/mail/holdout"),
    )?;
    let mut cli = desktop.cli()?;
    cli.args([
        "--json",
        "eval",
        "email-analyst",
        "--engine",
        "builtin",
        "--dir",
    ])
    .arg(&set);
    let out = tokio::task::spawn_blocking(move || cli.output()).await??;
    ensure!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let report: serde_json::Value = serde_json::from_slice(&out.stdout)?;
    let accuracy = report["results"][0]["accuracy"]
        .as_f64()
        .context("the CLI's accuracy")?;
    let wrong = report["results"][0]["wrong"].as_array().map_or(0, Vec::len);

    let app = desktop.launch().await?;
    app.testid("nav-eval").await?.click().await?;
    app.testid("eval-source-dir").await?.click().await?;
    app.testid("eval-dir")
        .await?
        .send_keys(&set.to_string_lossy())
        .await?;
    let engine = app.testid("eval-engine").await?;
    engine
        .find(fantoccini::Locator::Css("option[value='builtin']"))
        .await?
        .click()
        .await?;
    app.testid("eval-run").await?.click().await?;
    let shown = app.testid("eval-accuracy").await?.text().await?;
    let expected = format!("{}%", (accuracy * 100.0).round());
    ensure!(
        shown == expected,
        "the view shows {shown}, the CLI {expected}"
    );
    let rows = app.all("[data-testid='eval-wrong'] tbody tr").await?;
    ensure!(
        rows.len() == wrong,
        "{} wrong answers listed, {wrong} in the CLI's report",
        rows.len()
    );
    if let Some(first) = rows.first() {
        first
            .find(fantoccini::Locator::XPath(
                ".//button[normalize-space()='Why?']",
            ))
            .await?
            .click()
            .await?;
        app.wait_for("[role='dialog']").await?;
    }
    app.quit().await?;
    Ok(())
}
