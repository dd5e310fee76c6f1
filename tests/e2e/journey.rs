//! A new user's first session, end to end on the real app: first launch, a mailbox
//! imported, the analyst run on the built-in engine, a proposal accepted in the review
//! queue, an explanation opened, the dashboard's numbers equal to the store's, a
//! budget set, costs exported to a file. Each main view is photographed on the way
//! (`target/e2e-screenshots/`).

use anyhow::{Context, Result, ensure};
use fantoccini::Locator;
use jobtrail_e2e::{Desktop, exclusive};
use serde_json::json;

use crate::applications::add;
use crate::dashboard::shoot;
use crate::inbox::{MBOX, email_row, eventually, import, query};

#[tokio::test(flavor = "multi_thread")]
async fn a_new_users_first_session() -> Result<()> {
    let _one = exclusive().await;
    let desktop = Desktop::start().await?;
    let files = tempfile::tempdir()?;
    let app = desktop.launch().await?;

    // First launch: nothing has run, so the tracker is home and says what to do.
    app.testid("empty-state").await?;
    shoot(&desktop, "01-first-launch").await?;
    add(&app, "Globex", "SRE").await?;

    // Import a mailbox and let the analyst read it (no key: the built-in engine).
    let mbox = files.path().join("jobs.mbox");
    std::fs::write(&mbox, MBOX)?;
    let report = import(&app, &mbox).await?;
    assert_eq!(report["imported"], 3, "{report}");
    app.testid("nav-inbox").await?.click().await?;
    app.testid("inbox-refresh").await?.click().await?;
    email_row(&app, "Interview for SRE")
        .await?
        .find(Locator::Css("[data-testid='analyse-button']"))
        .await?
        .click()
        .await?;
    app.testid("applied-change").await?;
    eventually(&desktop, "SELECT status FROM applications", "interview").await?;
    shoot(&desktop, "02-inbox-analysed").await?;

    // Why did it decide that?
    app.testid("why-button").await?.click().await?;
    // The panel opens at once and says "Loading the explanation…" until it has it.
    let panel = app.testid("explanation").await?;
    let mut why = panel.text().await?;
    let deadline = std::time::Instant::now() + jobtrail_e2e::WAIT;
    while why.contains("Loading") && std::time::Instant::now() < deadline {
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
        why = panel.text().await?;
    }
    ensure!(
        why.contains("Confidence") || why.contains("confidence"),
        "{why}"
    );
    shoot(&desktop, "03-explanation").await?;
    app.testid("explanation-close").await?.click().await?;

    // An offer waits in the review queue until accepted.
    email_row(&app, "Your offer")
        .await?
        .find(Locator::Css("[data-testid='analyse-button']"))
        .await?
        .click()
        .await?;
    app.testid("queued-item").await?;
    app.testid("nav-review").await?.click().await?;
    let item = app.testid("review-item").await?;
    shoot(&desktop, "04-review-queue").await?;
    item.find(Locator::Css("[data-testid='review-accept']"))
        .await?
        .click()
        .await?;
    eventually(&desktop, "SELECT status FROM applications", "offer").await?;

    // The dashboard counts what the store holds.
    app.testid("nav-dashboard").await?.click().await?;
    let runs: i64 = query(&desktop, "SELECT count(*) FROM executions")?;
    ensure!(runs >= 2, "two analyses at least: {runs}");
    let mut shown = String::new();
    for _ in 0..50 {
        shown = app.testid("card-executions-value").await?.text().await?;
        if shown.trim() == runs.to_string() {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(200)).await;
    }
    assert_eq!(shown.trim(), runs.to_string(), "executions card vs store");
    let analyst: i64 = query(
        &desktop,
        "SELECT count(*) FROM executions WHERE agent = 'email-analyst'",
    )?;
    let card = app.testid("agent-runs-email-analyst").await?.text().await?;
    assert_eq!(card.trim(), analyst.to_string());
    let success = app.testid("card-success-value").await?.text().await?;
    assert_eq!(success.trim(), "100.0 %");
    shoot(&desktop, "05-dashboard").await?;

    // Set a daily budget in the Budget view.
    app.testid("nav-budget").await?.click().await?;
    let daily = app.testid("daily-budget").await?;
    daily.clear().await?;
    daily.send_keys("2.50").await?;
    app.testid("budgets-save").await?.click().await?;
    app.testid("budgets-saved").await?;
    let status = app
        .invoke("get_budget_status", json!({}))
        .await?
        .map_err(|e| anyhow::anyhow!("{e}"))?;
    assert_eq!(status["daily"]["limit"], 2.5, "{status}");
    app.testid("gauge-daily").await?;
    shoot(&desktop, "06-budget").await?;

    // Export the costs (the command the Export button calls with the save dialog's path).
    let out = files.path().join("costs.csv");
    let done = app
        .invoke(
            "export_costs",
            json!({ "path": out.to_str().context("utf-8")?, "periodHours": 24.0, "format": "csv" }),
        )
        .await?
        .map_err(|e| anyhow::anyhow!("{e}"))?;
    assert_eq!(done["path"], out.to_str().context("utf-8")?);
    let csv = std::fs::read_to_string(&out)?;
    ensure!(csv.lines().count() >= 2, "a header and rows: {csv}");

    // The rest of the main views, for the record.
    app.testid("nav-applications").await?.click().await?;
    app.testid("layout-board").await?.click().await?;
    app.testid("board").await?;
    shoot(&desktop, "07-applications-board").await?;
    app.testid("nav-profile").await?.click().await?;
    shoot(&desktop, "08-profile").await?;
    app.testid("nav-settings").await?.click().await?;
    app.testid("api-key-form").await?;
    shoot(&desktop, "09-settings").await?;

    // The dashboard at the smallest and a large common screen size.
    app.testid("nav-dashboard").await?.click().await?;
    for (w, h) in [(1024, 768), (1920, 1080)] {
        app.client.set_window_rect(0, 0, w, h).await?;
        app.testid("summary-cards").await?;
        let width: f64 = app
            .client
            .execute(
                "return document.documentElement.scrollWidth - window.innerWidth",
                vec![],
            )
            .await?
            .as_f64()
            .context("a number")?;
        assert!(
            width <= 0.0,
            "no sideways scrolling at {w}x{h}: {width} px too wide"
        );
        shoot(&desktop, &format!("10-dashboard-{w}x{h}")).await?;
    }
    app.quit().await?;
    Ok(())
}
