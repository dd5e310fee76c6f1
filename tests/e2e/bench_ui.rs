//! Figures for `make bench` (ignored in `make test`): how fast the dashboard draws a
//! week of minute-level data in the real app.

use std::time::{SystemTime, UNIX_EPOCH};

use anyhow::{Context, Result};
use jobtrail_e2e::{Desktop, exclusive};
use rusqlite::params;

/// One run per minute for a week, three agents taking turns.
const MINUTES: i64 = 7 * 24 * 60;

#[tokio::test(flavor = "multi_thread")]
#[ignore = "a benchmark: make bench runs it"]
async fn dashboard_draws_a_week_of_minutes() -> Result<()> {
    let _one = exclusive().await;
    let desktop = Desktop::start().await?;
    // The CLI creates the store (migrations); the runs go straight into its table.
    let mut init = desktop.cli()?;
    init.args(["--json", "apps", "list"]);
    let out = tokio::task::spawn_blocking(move || init.output()).await??;
    anyhow::ensure!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let now = i64::try_from(SystemTime::now().duration_since(UNIX_EPOCH)?.as_millis())?;
    {
        let mut db = rusqlite::Connection::open(desktop.database())?;
        let tx = db.transaction()?;
        {
            let mut insert = tx.prepare(
                "INSERT INTO executions (request_id, agent, engine, model, started_at, ended_at, duration_us, success,
                    input_tokens, output_tokens, llm_calls, cost_nanos)
                 VALUES (?1, ?2, 'llm', 'gpt-4o-mini', ?3, ?3 + 900, ?4, ?5, 1200, 300, 1, ?6)",
            )?;
            let agents = ["email-analyst", "job-match", "follow-up"];
            for i in 0..MINUTES {
                let start = now - (MINUTES - i) * 60_000;
                insert.execute(params![
                    format!("bench-{i}"),
                    agents[(i % 3) as usize],
                    start,
                    200_000 + (i * 7919) % 2_000_000,
                    i % 17 != 0,
                    360_000 + (i % 50) * 1000,
                ])?;
            }
        }
        tx.commit()?;
    }

    let app = desktop.launch().await?;
    app.testid("summary-cards").await?;
    // Click "1 week" and wait until the status line says so and two frames are drawn.
    let ms = app
        .client
        .execute_async(
            "const done = arguments[0];
             const t0 = performance.now();
             document.querySelector(\"[data-testid='period-1w']\").click();
             const check = () => {
               const s = document.querySelector('.dashboard-status');
               if (s && s.textContent.startsWith('The last week') && !s.textContent.includes('refreshing')) {
                 requestAnimationFrame(() => requestAnimationFrame(() => done(performance.now() - t0)));
               } else { setTimeout(check, 5); }
             };
             check();",
            vec![],
        )
        .await?
        .as_f64()
        .context("a duration")?;
    let shown = app.testid("card-executions-value").await?.text().await?;
    println!(
        "dashboard, 1 week of minute-level runs ({MINUTES} runs, {shown} shown): period switch to drawn charts in {ms:.0} ms"
    );
    app.quit().await?;
    Ok(())
}
