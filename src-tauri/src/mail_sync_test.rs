//! Background sync against a real IMAP server (a throwaway Dovecot on loopback): the
//! pass shortly after start imports what is there, and `IDLE` brings a message
//! appended later within seconds, long before the interval would.

use std::time::{Duration, Instant};

use jobtrail_core::mail::Security;
use jobtrail_core::mail::account::{self, AccountDraft};
use jobtrail_core::mail::settings::{self, MailSettings};
use jobtrail_core::secrets::Password;
use jobtrail_imap_testserver::Dovecot;
use serde_json::{Value, json};
use tauri::Manager;

use crate::commands_test::{app, invoke};
use crate::mail_sync::MailSyncExt;

const USER: &str = "app-idle";
const PASSWORD: &str = "idle-secret";

fn message(n: u32) -> Vec<u8> {
    format!(
        "From: Jane Recruiter <jane@globex.test>\r\nTo: {USER}@example.test\r\n\
         Subject: Message {n}\r\nMessage-ID: <idle-{n}@globex.test>\r\n\
         Date: Mon, 7 Dec 2026 10:00:00 +0000\r\n\r\nHello {n}\r\n"
    )
    .into_bytes()
}

/// Waits until `ok`, at most `limit`; how long it took.
fn wait_for(what: &str, limit: Duration, mut ok: impl FnMut() -> bool) -> Duration {
    let start = Instant::now();
    while !ok() {
        assert!(start.elapsed() < limit, "{what}: not within {limit:?}");
        std::thread::sleep(Duration::from_millis(50));
    }
    start.elapsed()
}

#[test]
fn the_pass_at_start_imports_and_idle_brings_new_mail_within_seconds() {
    let server = Dovecot::shared();
    server.add_user(USER, PASSWORD).expect("test user");
    server
        .append(USER, PASSWORD, "INBOX", &message(1), &[])
        .expect("seeded");
    let dir = tempfile::tempdir().expect("tmp");
    let (app, w) = app(dir.path());
    // The keychain is the desktop's; this test gives the password itself.
    app.mail_sync()
        .set_passwords(|_| Ok(Password::new(PASSWORD)));
    app.state::<crate::StoreState>()
        .with(|s| {
            let draft = AccountDraft {
                name: "idle".into(),
                host: server.host().into(),
                port: Some(server.plain_port()),
                security: Some(Security::None),
                user: USER.into(),
                ..AccountDraft::default()
            };
            let config = draft.validated(s.today())?;
            account::add(s, &config)?;
            // An hour between passes: only IDLE can bring the second message in time.
            settings::set(
                s,
                MailSettings {
                    interval_minutes: 60,
                    auto_analyse: false,
                },
            )?;
            Ok(())
        })
        .expect("account stored");

    crate::mail_sync::start(app.handle().clone());
    let emails = || -> Vec<Value> {
        invoke(&w, "list_emails", json!({}))
            .expect("list")
            .as_array()
            .cloned()
            .unwrap_or_default()
    };
    wait_for(
        "the pass shortly after start imports the message already there",
        Duration::from_secs(30),
        || emails().len() == 1,
    );
    wait_for(
        "an IDLE connection waits on the inbox",
        Duration::from_secs(30),
        || {
            invoke(&w, "get_mail_sync_status", json!({})).expect("status")["idleAccounts"]
                == json!(["idle"])
        },
    );

    server
        .append(USER, PASSWORD, "INBOX", &message(2), &[])
        .expect("appended");
    let took = wait_for(
        "IDLE announces the new message and a pass imports it",
        Duration::from_secs(15),
        || emails().len() == 2,
    );
    eprintln!("APPEND on the server → in the Inbox: {took:?}");
    for e in emails() {
        assert_eq!(
            (&e["account"], &e["folder"]),
            (&json!("idle"), &json!("INBOX")),
            "each email says where it came from: {e}"
        );
    }
    let status = invoke(&w, "get_mail_sync_status", json!({})).expect("status");
    assert_eq!(status["running"], false, "{status}");
    assert!(
        status["lastReports"][0]["error"].is_null(),
        "the last pass synced cleanly: {status}"
    );
}

#[test]
fn a_refused_password_stops_the_account_and_its_idle_connection() {
    let server = Dovecot::shared();
    server.add_user("app-refused", "right").expect("test user");
    let dir = tempfile::tempdir().expect("tmp");
    let (app, w) = app(dir.path());
    app.mail_sync()
        .set_passwords(|_| Ok(Password::new("wrong")));
    app.state::<crate::StoreState>()
        .with(|s| {
            let draft = AccountDraft {
                name: "refused".into(),
                host: server.host().into(),
                port: Some(server.plain_port()),
                security: Some(Security::None),
                user: "app-refused".into(),
                ..AccountDraft::default()
            };
            let config = draft.validated(s.today())?;
            account::add(s, &config)?;
            Ok(())
        })
        .expect("account stored");
    crate::mail_sync::start(app.handle().clone());

    let reports = invoke(&w, "sync_mail_now", json!({"account": "refused"})).expect("a report");
    assert_eq!(
        reports[0]["error"]["code"], "authentication",
        "the folder says why: {reports}"
    );
    let accounts = invoke(&w, "list_mail_accounts", json!({})).expect("list");
    assert_eq!(accounts[0]["status"], "needs_password", "{accounts}");
    // Background passes leave it alone until a new password is given.
    let again = invoke(&w, "sync_mail_now", json!({})).expect("all accounts");
    assert_eq!(again, json!([]), "a stopped account is not tried again");
    let status = invoke(&w, "get_mail_sync_status", json!({})).expect("status");
    assert_eq!(
        status["idleAccounts"],
        json!([]),
        "no IDLE for it: {status}"
    );
}
