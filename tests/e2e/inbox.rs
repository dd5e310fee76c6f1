//! Email import, analysis, the review queue, provenance in the timeline, and job
//! matching, through the window against the app's SQLite file.

use std::time::Duration;

use anyhow::{Context, Result, bail};
use fantoccini::Locator;
use jobtrail_e2e::{App, Desktop, WAIT, exclusive};
use serde_json::json;

use crate::applications::add;

pub(crate) const MBOX: &str = "From talent@globex.com Tue Nov 24 09:00:00 2026
From: Globex Talent <talent@globex.com>
Subject: Interview for SRE
Message-ID: <interview-1@globex.com>
Date: Tue, 24 Nov 2026 09:00:00 +0000

We would like to schedule an interview with you next week.

From offers@globex.com Wed Nov 25 09:00:00 2026
From: Globex People <offers@globex.com>
Subject: Your offer
Message-ID: <offer-1@globex.com>
Date: Wed, 25 Nov 2026 09:00:00 +0000

We are pleased to offer you the SRE position.

From x@evil.example Thu Nov 26 09:00:00 2026
From: Mallory <x@evil.example>
Subject: Hello <b>there</b>
Date: Thu, 26 Nov 2026 09:00:00 +0000

<img src=x onerror=\"document.title='pwned'\"> <script>document.title='pwned'</script>

From nobody Thu Nov 26 10:00:00 2026

";

/// Imports through the same command the Import button calls after its file dialog
/// (a native dialog WebDriver cannot drive).
pub(crate) async fn import(app: &App, path: &std::path::Path) -> Result<serde_json::Value> {
    let v = app
        .client
        .execute_async(
            "const [paths, done] = arguments;
             window.__TAURI_INTERNALS__.invoke('import_emails', { paths })
               .then(done, (e) => done({ failedWith: e }));",
            vec![json!([path.to_str().context("utf-8 path")?])],
        )
        .await?;
    if v.get("failedWith").is_some() {
        bail!("import_emails failed: {v}");
    }
    Ok(v)
}

pub(crate) fn query<T: rusqlite::types::FromSql>(desktop: &Desktop, sql: &str) -> Result<T> {
    let conn = rusqlite::Connection::open_with_flags(
        desktop.database(),
        rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY,
    )?;
    Ok(conn.query_row(sql, [], |r| r.get(0))?)
}

/// Polls until `sql` returns `want` (the UI writes asynchronously).
pub(crate) async fn eventually(desktop: &Desktop, sql: &str, want: &str) -> Result<()> {
    let mut got = String::new();
    for _ in 0..100 {
        got = query::<Option<String>>(desktop, sql)?.unwrap_or_default();
        if got == want {
            return Ok(());
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    bail!("{sql} gave {got:?}, want {want:?}")
}

pub(crate) async fn email_row(app: &App, subject: &str) -> Result<fantoccini::elements::Element> {
    Ok(app
        .client
        .wait()
        .at_most(WAIT)
        .for_element(Locator::XPath(&format!(
            "//li[@data-testid='email-row'][contains(., '{subject}')]"
        )))
        .await?)
}

/// Opens an email from the list and returns its body's text. The list re-renders
/// when the view comes back (it reloads), so a click that lands mid-render is retried.
async fn open_email(app: &App, subject: &str) -> Result<String> {
    for _ in 0..3 {
        email_row(app, subject)
            .await?
            .find(Locator::Css(".email-row-main"))
            .await?
            .click()
            .await?;
        let shown = app
            .client
            .wait()
            .at_most(Duration::from_secs(5))
            .for_element(Locator::XPath(&format!(
                "//*[@data-testid='email-detail'][contains(., '{subject}')]//*[@data-testid='email-body']"
            )))
            .await;
        if let Ok(body) = shown {
            return Ok(body.text().await?);
        }
    }
    bail!("the email {subject:?} did not open")
}

#[tokio::test]
async fn imported_mail_is_analysed_applied_reviewed_and_traced() -> Result<()> {
    let _one = exclusive().await;
    let desktop = Desktop::start().await?;
    let files = tempfile::tempdir()?;
    let mbox = files.path().join("jobs.mbox");
    std::fs::write(&mbox, MBOX)?;
    let app = desktop.launch().await?;
    add(&app, "Globex", "SRE").await?;

    let report = import(&app, &mbox).await?;
    assert_eq!(report["imported"], 3, "{report}");
    assert_eq!(
        report["failed"], 1,
        "the empty message is reported: {report}"
    );

    app.testid("nav-inbox").await?.click().await?;
    app.testid("inbox-refresh").await?.click().await?;
    // The built-in engine (no key configured) moves Globex to interview at once...
    let row = email_row(&app, "Interview for SRE").await?;
    row.find(Locator::Css("[data-testid='analyse-button']"))
        .await?
        .click()
        .await?;
    let outcome = app.testid("applied-change").await?.text().await?;
    assert!(
        outcome.contains("interview"),
        "the applied change is shown: {outcome:?}"
    );
    eventually(&desktop, "SELECT status FROM applications", "interview").await?;
    // Why? opens the run's explanation: the rule that fired and the confidence cap.
    app.testid("why-button").await?.click().await?;
    // The panel opens at once, "Loading the explanation…" until its decision is shown.
    app.testid("explanation-decision").await?;
    let why = app.testid("explanation").await?.text().await?;
    assert!(
        why.contains("point to the interview invite rule") && why.contains("capped at 0.6"),
        "the explanation names its rule and its cap: {why:?}"
    );
    app.testid("explanation-close").await?.click().await?;
    let provenance: i64 = query(
        &desktop,
        "SELECT count(*) FROM status_changes c JOIN emails e ON e.id = c.email_id
         WHERE c.to_status = 'interview' AND c.origin = 'agent' AND c.execution_id IS NOT NULL
           AND e.subject = 'Interview for SRE'",
    )?;
    assert_eq!(provenance, 1, "the change names its email and its run");

    // ...but an offer waits for the user.
    let row = email_row(&app, "Your offer").await?;
    row.find(Locator::Css("[data-testid='analyse-button']"))
        .await?
        .click()
        .await?;
    app.testid("queued-item").await?;
    assert_eq!(
        query::<String>(&desktop, "SELECT status FROM applications")?,
        "interview"
    );
    app.testid("nav-review").await?.click().await?;
    let item = app.testid("review-item").await?;
    assert!(item.text().await?.contains("offer"));
    item.find(Locator::Css("[data-testid='review-accept']"))
        .await?
        .click()
        .await?;
    eventually(&desktop, "SELECT status FROM applications", "offer").await?;
    app.testid("review-empty").await?;

    // The timeline shows where the agent's changes came from.
    app.testid("nav-applications").await?.click().await?;
    app.testid("timeline-button").await?.click().await?;
    app.testid("timeline").await?;
    let mut provenance = Vec::new();
    for p in app.all("[data-testid='provenance']").await? {
        provenance.push(p.text().await?);
    }
    assert!(
        provenance.iter().any(|p| p.contains("Interview for SRE"))
            && provenance.iter().any(|p| p.contains("Your offer")),
        "both agent changes name their email: {provenance:?}"
    );
    app.testid("timeline-close").await?.click().await?;

    // Markup in an email is shown as text, never run or rendered.
    app.testid("nav-inbox").await?.click().await?;
    app.wait_for("[data-testid='inbox-refresh']:not([disabled])")
        .await?;
    let body = open_email(&app, "Hello").await?;
    assert!(
        body.contains("<img src=x"),
        "markup shows as text: {body:?}"
    );
    assert!(
        app.all("[data-testid='email-detail'] img, [data-testid='email-detail'] b")
            .await?
            .is_empty(),
        "no element was made from the email"
    );
    assert_eq!(app.client.title().await?, "Jobtrail", "no script ran");
    app.quit().await?;
    Ok(())
}

#[tokio::test]
async fn the_profile_is_saved_and_a_pasted_post_is_scored() -> Result<()> {
    let _one = exclusive().await;
    let desktop = Desktop::start().await?;
    let app = desktop.launch().await?;
    app.testid("nav-profile").await?.click().await?;
    app.testid("profile-skills")
        .await?
        .send_keys("Rust, SQL, Kubernetes")
        .await?;
    app.testid("profile-desiredRoles")
        .await?
        .send_keys("Backend Engineer")
        .await?;
    app.testid("profile-save").await?.click().await?;
    app.testid("profile-saved").await?;
    let stored: String = query(&desktop, "SELECT data FROM profile")?;
    let stored: serde_json::Value = serde_json::from_str(&stored)?;
    assert_eq!(stored["skills"], json!(["Rust", "SQL", "Kubernetes"]));

    app.testid("job-post-input")
        .await?
        .send_keys("Backend Engineer wanted. You know Rust, SQL and Kafka.")
        .await?;
    app.testid("job-match-button").await?.click().await?;
    let score: u32 = app
        .testid("job-match-score")
        .await?
        .text()
        .await?
        .trim()
        .parse()?;
    let matched = app.testid("matched-skills").await?.text().await?;
    let missing = app.testid("missing-skills").await?.text().await?;
    assert!(
        matched.contains("Rust") && matched.contains("SQL"),
        "{matched:?}"
    );
    assert!(missing.to_lowercase().contains("kafka"), "{missing:?}");
    assert!(
        (50..=100).contains(&score),
        "a good fit scores well: {score}"
    );
    let runs: i64 = query(
        &desktop,
        "SELECT count(*) FROM executions WHERE agent = 'job-match' AND engine = 'builtin' AND success = 1",
    )?;
    assert_eq!(runs, 1, "the run is recorded");
    app.quit().await?;
    Ok(())
}
