//! End-to-end tests of the desktop app: real window, real WebView, real SQLite file.

use anyhow::{Context, Result};
use jobtrail_e2e::{Desktop, exclusive};

mod applications;
mod bench_ui;
mod dashboard;
mod desktop;
mod display;
mod eval;
mod inbox;
mod journey;
mod keychain;
mod mail;
mod package;
mod secrets;

/// Rows of `applications` in the app's SQLite file, read as a separate process would.
fn stored_applications(desktop: &Desktop) -> Result<Vec<(String, String, String)>> {
    let conn = rusqlite::Connection::open_with_flags(
        desktop.database(),
        rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY,
    )
    .context("the app did not create its database")?;
    let mut stmt = conn.prepare("SELECT company, role, status FROM applications ORDER BY id")?;
    let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?;
    Ok(rows.collect::<Result<_, _>>()?)
}

#[tokio::test]
async fn window_opens_with_an_empty_state() -> Result<()> {
    let _one = exclusive().await;
    let desktop = Desktop::start().await?;
    let app = desktop.launch().await?;
    let title = app.client.title().await?;
    assert_eq!(title, "Jobtrail", "the window shows the app's own page");
    let empty = app.testid("empty-state").await?;
    let text = empty.text().await?;
    assert!(
        text.contains("No applications yet"),
        "a new user is told what to do, got {text:?}"
    );
    assert!(
        app.all("[data-testid='application-row']").await?.is_empty(),
        "a fresh data dir has no applications"
    );
    app.quit().await?;
    Ok(())
}

#[tokio::test]
async fn a_data_file_that_is_not_a_database_is_shown_not_overwritten() -> Result<()> {
    let _one = exclusive().await;
    let desktop = Desktop::start().await?;
    let garbage = b"not a database, and it must survive\n".repeat(100);
    std::fs::write(desktop.database(), &garbage)?;
    let app = desktop.launch().await?;
    let banner = app.testid("store-error").await?.text().await?;
    assert!(
        banner.contains("could not be opened") && banner.contains("jobtrail.db"),
        "the window says what is wrong and names the file: {banner:?}"
    );
    app.quit().await?;
    assert_eq!(
        std::fs::read(desktop.database())?,
        garbage,
        "the file is left as it was"
    );
    Ok(())
}
