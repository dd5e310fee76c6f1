//! The live mailbox in the real window: an IMAP account added in Settings against a
//! real Dovecot over TLS (its test CA trusted through `SSL_CERT_FILE`, as a company CA
//! would be), its mail in the Inbox, and new job mail moving its application with a
//! notification on the session bus.

use std::time::Duration;

use anyhow::{Result, bail};
use fantoccini::Locator;
use jobtrail_e2e::{App, Desktop, exclusive};
use jobtrail_imap_testserver::{Dovecot, fixtures};

use crate::applications::add;
use crate::inbox::{email_row, eventually, query};

const PASSWORD: &str = "e2e app password";

async fn type_into(app: &App, testid: &str, text: &str) -> Result<()> {
    let field = app.testid(testid).await?;
    field.clear().await?;
    field.send_keys(text).await?;
    Ok(())
}

/// Polls the notification log for a line holding `text`.
async fn notified(desktop: &Desktop, text: &str) -> Result<String> {
    for _ in 0..100 {
        if let Some(line) = desktop
            .notifications()
            .into_iter()
            .find(|l| l.contains(text))
        {
            return Ok(line);
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    bail!(
        "no notification with {text:?}: {:?}",
        desktop.notifications()
    )
}

#[tokio::test]
async fn an_account_added_in_settings_brings_its_mail_and_new_job_mail_moves_its_application()
-> Result<()> {
    let _one = exclusive().await;
    let server = Dovecot::shared();
    let user = format!("e2e-{}", std::process::id());
    server.add_user(&user, PASSWORD)?;
    for name in ["rejection", "newsletter"] {
        let raw = fixtures::by_name(name).expect("fixture");
        server.append(&user, PASSWORD, "INBOX", &raw, &["\\Seen"])?;
    }
    let flags_before = server.flags(&user, PASSWORD, "INBOX")?;
    let ca = server.ca_pem_path().to_string_lossy().into_owned();
    let desktop =
        Desktop::start_with_env(&[("SSL_CERT_FILE", ca.as_str()), ("LOG_LEVEL", "trace")]).await?;
    let app = desktop.launch().await?;
    add(&app, "Globex", "Backend Engineer").await?;

    // Settings → Mail accounts → Add: test the connection, then save.
    app.testid("nav-settings").await?.click().await?;
    app.testid("mail-add").await?.click().await?;
    type_into(&app, "mail-name", "work").await?;
    type_into(&app, "mail-host", "localhost").await?;
    app.testid("mail-security")
        .await?
        .find(Locator::Css("option[value='tls']"))
        .await?
        .click()
        .await?;
    type_into(&app, "mail-port", &server.tls_port().to_string()).await?;
    type_into(&app, "mail-user", &user).await?;
    type_into(&app, "mail-password", PASSWORD).await?;
    app.testid("mail-test").await?.click().await?;
    let folder = app.testid("mail-test-folder").await?.text().await?;
    assert!(
        folder.contains("INBOX"),
        "Test connection logs in over TLS and lists the folders: {folder:?}"
    );
    app.testid("mail-save").await?.click().await?;
    let row = app.testid("mail-account-row").await?;
    assert!(row.text().await?.contains("work"), "the account is listed");
    let stored: String = query(&desktop, "SELECT host FROM mail_accounts")?;
    assert_eq!(stored, "localhost");
    let leaked: i64 = query(
        &desktop,
        &format!("SELECT count(*) FROM settings WHERE value LIKE '%{PASSWORD}%'"),
    )?;
    assert_eq!(leaked, 0, "the password is not in the store");

    // The first sync brings the mail; the newsletter costs nothing.
    eventually(&desktop, "SELECT CAST(count(*) AS TEXT) FROM emails", "2").await?;
    app.testid("nav-inbox").await?.click().await?;
    // Read as the DOM holds it: WebKitWebDriver gives no text for spans inside the
    // row's button.
    let mut origins = String::new();
    for _ in 0..100 {
        let found = app
            .client
            .execute(
                "return [...document.querySelectorAll(\"[data-testid='email-origin']\")]
                   .map((e) => e.textContent).join('\\n');",
                vec![],
            )
            .await?;
        origins = found.as_str().unwrap_or_default().to_owned();
        if !origins.is_empty() {
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    assert!(
        origins.contains("work") && origins.contains("INBOX"),
        "emails say which account and folder they came from: {origins:?}"
    );
    app.testid("mail-sync-status").await?;

    // New job mail arrives: IDLE brings it, the analyst moves Globex, the person is told.
    let invite =
        fixtures::dated_now(&fixtures::by_name(fixtures::GREENHOUSE_INTERVIEW).expect("fixture"));
    server.append(&user, PASSWORD, "INBOX", &invite, &[])?;
    eventually(&desktop, "SELECT status FROM applications", "interview").await?;
    let line = notified(&desktop, "Globex: interview invite").await?;
    assert!(
        line.contains("moved to interview"),
        "the notification says what happened: {line}"
    );
    email_row(&app, "Interview invitation: Backend Engineer at Globex").await?;

    assert_eq!(
        server.flags(&user, PASSWORD, "INBOX")?[..flags_before.len()],
        flags_before[..],
        "the server's flags are untouched"
    );
    app.quit().await?;

    // The password is in the keychain and nowhere else: no file the app wrote (store,
    // WAL, logs, webview storage), nothing it printed at trace level.
    let mut written = Vec::new();
    crate::secrets::files_under(desktop.root(), &mut written)?;
    written.retain(|f| !f.components().any(|c| c.as_os_str() == "keyrings"));
    let needle = PASSWORD.as_bytes();
    let holds = |bytes: &[u8]| bytes.windows(needle.len()).any(|w| w == needle);
    for f in &written {
        if let Ok(bytes) = std::fs::read(f)
            && holds(&bytes)
        {
            let text = String::from_utf8_lossy(&bytes);
            let at = text.find(PASSWORD).unwrap_or(0);
            let from = text.floor_char_boundary(at.saturating_sub(600));
            let to = text.ceil_char_boundary((at + 100).min(text.len()));
            panic!(
                "{} contains the mail password: …{}…",
                f.display(),
                &text[from..to]
            );
        }
    }
    assert!(
        !holds(desktop.session_log().as_bytes()),
        "the app never printed the mail password"
    );
    let stored = desktop
        .command("secret-tool")?
        .args(["search", "--all", "service", "app.jobtrail.desktop"])
        .output()?;
    let listing = String::from_utf8_lossy(&stored.stdout);
    assert!(
        listing.contains("mail:work"),
        "the password is in the keychain under mail:work: {listing}"
    );
    Ok(())
}
