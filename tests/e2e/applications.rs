//! Adding, changing and deleting applications through the window.

use std::time::Duration;

use anyhow::Result;
use fantoccini::Locator;
use jobtrail_e2e::{App, Desktop, exclusive};

use crate::stored_applications;

pub(crate) async fn add(app: &App, company: &str, role: &str) -> Result<()> {
    app.testid("add-open").await?.click().await?;
    app.testid("input-company")
        .await?
        .send_keys(company)
        .await?;
    app.testid("input-role").await?.send_keys(role).await?;
    app.testid("add-submit").await?.click().await?;
    app.client
        .wait()
        .at_most(jobtrail_e2e::WAIT)
        .for_element(Locator::XPath(&format!(
            "//tr[@data-testid='application-row'][contains(., '{company}')]"
        )))
        .await?;
    Ok(())
}

async fn row_texts(app: &App) -> Result<Vec<String>> {
    let mut out = Vec::new();
    for row in app.all("[data-testid='application-row']").await? {
        out.push(row.text().await?);
    }
    Ok(out)
}

#[tokio::test]
async fn added_application_is_listed_stored_and_survives_a_restart() -> Result<()> {
    let _one = exclusive().await;
    let desktop = Desktop::start().await?;
    let app = desktop.launch().await?;
    add(&app, "Acme Rockets", "Rust Engineer").await?;

    let rows = row_texts(&app).await?;
    assert_eq!(
        rows.len(),
        1,
        "exactly the one added application is listed: {rows:?}"
    );
    assert!(
        rows[0].contains("Acme Rockets") && rows[0].contains("Rust Engineer"),
        "the row shows company and role: {rows:?}"
    );
    assert_eq!(
        stored_applications(&desktop)?,
        vec![(
            "Acme Rockets".into(),
            "Rust Engineer".into(),
            "applied".into()
        )],
        "the application is in the SQLite file with the form's default status"
    );
    app.quit().await?;

    let app = desktop.launch().await?;
    app.testid("application-row").await?;
    let rows = row_texts(&app).await?;
    assert_eq!(
        rows.len(),
        1,
        "the restarted app lists what was stored: {rows:?}"
    );
    assert!(
        rows[0].contains("Acme Rockets"),
        "same application after restart: {rows:?}"
    );
    app.quit().await?;
    Ok(())
}

#[tokio::test]
async fn status_change_and_confirmed_delete_reach_the_database() -> Result<()> {
    let _one = exclusive().await;
    let desktop = Desktop::start().await?;
    let app = desktop.launch().await?;
    add(&app, "Globex", "SRE").await?;

    let select = app.testid("status-select").await?;
    select.select_by_value("interview").await?;
    let mut stored = Vec::new();
    for _ in 0..100 {
        stored = stored_applications(&desktop)?;
        if stored.first().map(|r| r.2.as_str()) == Some("interview") {
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    assert_eq!(
        stored,
        vec![("Globex".into(), "SRE".into(), "interview".into())],
        "choosing a status in the list stores it"
    );

    app.testid("delete-button").await?.click().await?;
    app.testid("confirm-dialog").await?;
    assert_eq!(
        stored_applications(&desktop)?.len(),
        1,
        "nothing is deleted before confirming"
    );
    app.testid("confirm-button").await?.click().await?;
    app.testid("empty-state").await?;
    assert!(
        stored_applications(&desktop)?.is_empty(),
        "confirmed delete removes the row"
    );
    app.quit().await?;
    Ok(())
}
