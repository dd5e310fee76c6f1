//! Background sync against a real IMAP server (a throwaway Dovecot on loopback): the
//! pass shortly after start imports what is there, and `IDLE` brings a message
//! appended later within seconds, long before the interval would, syncing only the
//! account it watches; a pass that failed or panicked is shown as such.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
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
    // An hour between passes: only IDLE can bring the second message in time.
    add_account(&app, server, "idle", USER);

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

/// Stores account `name` for Dovecot user `user` (the password comes from the test).
fn add_account(
    app: &tauri::App<tauri::test::MockRuntime>,
    server: &Dovecot,
    name: &str,
    user: &str,
) {
    app.state::<crate::StoreState>()
        .with(|s| {
            let draft = AccountDraft {
                name: name.into(),
                host: server.host().into(),
                port: Some(server.plain_port()),
                security: Some(Security::None),
                user: user.into(),
                ..AccountDraft::default()
            };
            account::add(s, &draft.validated(s.today())?)?;
            // An hour between passes: the test says when a pass runs.
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
}

#[test]
fn a_pass_in_which_every_folder_failed_did_not_sync_mail() {
    let server = Dovecot::shared();
    server.add_user("app-when-ok", "right").expect("test user");
    server.add_user("app-when-bad", "right").expect("test user");
    let dir = tempfile::tempdir().expect("tmp");
    let (app, w) = app(dir.path());
    app.mail_sync()
        .set_passwords(|name| Ok(Password::new(if name == "ok" { "right" } else { "wrong" })));
    add_account(&app, server, "ok", "app-when-ok");
    add_account(&app, server, "bad", "app-when-bad");
    let status = || invoke(&w, "get_mail_sync_status", json!({})).expect("status");

    invoke(&w, "sync_mail_now", json!({"account": "bad"})).expect("a report");
    assert_eq!(
        status()["lastRunAt"],
        Value::Null,
        "the only folder failed: mail was never synced, whatever the Inbox says"
    );
    invoke(&w, "sync_mail_now", json!({"account": "ok"})).expect("a report");
    let synced = status()["lastRunAt"].clone();
    assert!(synced.is_i64(), "a folder synced: {synced}");
    std::thread::sleep(Duration::from_millis(5));
    invoke(&w, "sync_mail_now", json!({"account": "bad"})).expect("a report");
    let after = status();
    assert_eq!(
        after["lastRunAt"], synced,
        "a failed pass leaves the time: {after}"
    );
    let reports: Vec<(&Value, bool)> = after["lastReports"]
        .as_array()
        .expect("reports")
        .iter()
        .map(|r| (&r["account"], r["error"].is_null()))
        .collect();
    assert_eq!(
        reports,
        [(&json!("bad"), false), (&json!("ok"), true)],
        "each account's latest pass, the one that failed included: {after}"
    );
}

#[test]
fn a_panic_in_a_pass_ends_that_pass_not_background_sync() {
    let server = Dovecot::shared();
    server.add_user("app-panic", "right").expect("test user");
    server
        .append("app-panic", "right", "INBOX", &message(1), &[])
        .expect("seeded");
    let dir = tempfile::tempdir().expect("tmp");
    let (app, w) = app(dir.path());
    let asked = Arc::new(AtomicUsize::new(0));
    let count = asked.clone();
    app.mail_sync().set_passwords(move |_| {
        if count.fetch_add(1, Ordering::SeqCst) == 0 {
            panic!("a bug in the first pass");
        }
        Ok(Password::new("right"))
    });
    add_account(&app, server, "panics", "app-panic");
    crate::mail_sync::start(app.handle().clone());
    app.mail_sync().poke();

    let status = || invoke(&w, "get_mail_sync_status", json!({})).expect("status");
    wait_for("the first pass panics", Duration::from_secs(30), || {
        asked.load(Ordering::SeqCst) > 0
    });
    wait_for(
        "the pass that panicked is not shown as running",
        Duration::from_secs(10),
        || status()["running"] == false,
    );
    assert!(
        status()["lastError"]
            .as_str()
            .is_some_and(|e| e.contains("stopped unexpectedly")),
        "the Inbox says the pass stopped: {}",
        status()
    );
    app.mail_sync().poke();
    wait_for(
        "background sync goes on: the next pass imports the mail",
        Duration::from_secs(30),
        || {
            invoke(&w, "list_emails", json!({}))
                .expect("list")
                .as_array()
                .is_some_and(|e| e.len() == 1)
        },
    );
}

#[test]
fn new_mail_announced_by_idle_syncs_that_account_alone() {
    let server = Dovecot::shared();
    server
        .add_user("app-idle-one", PASSWORD)
        .expect("test user");
    server
        .add_user("app-idle-other", PASSWORD)
        .expect("test user");
    let dir = tempfile::tempdir().expect("tmp");
    let (app, w) = app(dir.path());
    let asked: Arc<Mutex<Vec<String>>> = Arc::default();
    let log = asked.clone();
    app.mail_sync().set_passwords(move |name| {
        log.lock().expect("log").push(name.to_owned());
        Ok(Password::new(PASSWORD))
    });
    add_account(&app, server, "one", "app-idle-one");
    add_account(&app, server, "other", "app-idle-other");
    crate::mail_sync::start(app.handle().clone());
    app.mail_sync().poke();
    wait_for(
        "both accounts wait in IDLE after the first pass",
        Duration::from_secs(30),
        || {
            invoke(&w, "get_mail_sync_status", json!({})).expect("status")["idleAccounts"]
                == json!(["one", "other"])
        },
    );
    let logins = |name: &str| {
        asked
            .lock()
            .expect("log")
            .iter()
            .filter(|n| *n == name)
            .count()
    };
    let other_before = logins("other");

    server
        .append("app-idle-one", PASSWORD, "INBOX", &message(7), &[])
        .expect("appended");
    wait_for(
        "IDLE announces the message and a pass imports it",
        Duration::from_secs(15),
        || {
            invoke(&w, "list_emails", json!({}))
                .expect("list")
                .as_array()
                .is_some_and(|e| e.len() == 1)
        },
    );
    wait_for("the pass ends", Duration::from_secs(10), || {
        invoke(&w, "get_mail_sync_status", json!({})).expect("status")["running"] == false
    });
    assert_eq!(
        logins("other"),
        other_before,
        "new mail in one account is no reason to log in to the other"
    );
}
