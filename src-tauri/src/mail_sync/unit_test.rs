//! Unit tests of `mail_sync` (the background sync against Dovecot is in `mail_sync_test.rs`).

use std::sync::mpsc;

use serde_json::json;

use jobtrail_core::failsafe::Failsafe;
use jobtrail_core::mail::Security;

use super::idle::*;
use super::*;
use crate::commands_test::{app, invoke};
use fake::{FakeImap, Script};

#[test]
fn reconnections_back_off_from_half_a_minute_to_ten() {
    let mut backoff = Backoff::new(IDLE_HELD);
    let secs: Vec<u64> = (0..7).map(|_| backoff.failed().as_secs()).collect();
    assert_eq!(
        secs,
        [30, 60, 120, 240, 480, 600, 600],
        "no retry storm: the wait doubles and stops at 10 minutes"
    );
}

#[test]
fn a_moved_account_needs_a_new_idle_connection() {
    let a = MailAccount {
        name: "work".into(),
        host: "imap.example.com".into(),
        port: 993,
        security: Security::Tls,
        user: "me@example.com".into(),
        folders: vec!["INBOX".into(), "Jobs".into()],
        since: "2026-01-01".into(),
        enabled: true,
        last_sync_at: None,
        status: AccountStatus::Ok,
        error: None,
        error_code: None,
    };
    let key = IdleKey::of(&a);
    let mut later = a.clone();
    later.folders.push("Archive".into());
    later.last_sync_at = Some(5);
    assert_eq!(
        IdleKey::of(&later),
        key,
        "a sync or another watched folder keeps the connection"
    );
    later.folders.insert(0, "Jobs".into());
    assert_ne!(IdleKey::of(&later), key, "IDLE watches the first folder");
    let moved = MailAccount {
        host: "imap.other.example".into(),
        ..a
    };
    assert_ne!(
        IdleKey::of(&moved),
        key,
        "another server is another connection"
    );
}

#[test]
fn an_idle_connection_dropped_as_it_starts_keeps_backing_off() {
    let held = Duration::from_millis(400);
    let mut backoff = Backoff::new(held);
    backoff.failed();
    backoff.failed();
    let server = FakeImap::start(Script {
        idle_for: Duration::ZERO,
        ..Script::default()
    });
    let ended = idle_with(&server, &mut backoff);
    assert!(ended.is_err(), "the server closed the connection in IDLE");
    assert_eq!(
        backoff.failed(),
        Duration::from_secs(120),
        "logging in and EXAMINE worked, yet the connection did not hold: the wait \
         keeps growing instead of a fresh login every 30 s"
    );

    let server = FakeImap::start(Script {
        idle_for: held * 2,
        ..Script::default()
    });
    assert!(idle_with(&server, &mut backoff).is_err(), "closed in IDLE");
    assert_eq!(
        backoff.failed(),
        BACKOFF_FIRST,
        "an IDLE wait that held proves the connection: the waits start afresh"
    );
}

/// One `IDLE` connection to `server` until it ends.
fn idle_with(server: &FakeImap, backoff: &mut Backoff) -> mail::Result<IdleEnd> {
    let passwords: PasswordSource = Arc::new(|_| Ok(Password::new(fake::PASSWORD)));
    tauri::async_runtime::block_on(idle_once(
        &server.account("dropped"),
        &Failsafe::default(),
        &passwords,
        &Asks::default(),
        &AtomicBool::new(false),
        backoff,
    ))
}

#[test]
fn removing_an_account_waits_for_the_pass_syncing_it() {
    let (release, held) = mpsc::channel::<()>();
    let server = FakeImap::start(Script {
        hold_login: Some(held),
        login_ok: false,
        ..Script::default()
    });
    let dir = tempfile::tempdir().expect("tmp");
    let (app, w) = app(dir.path());
    app.mail_sync()
        .set_passwords(|_| Ok(Password::new(fake::PASSWORD)));
    // Not a name anyone's keychain holds: removing it reaches the real keychain.
    let name = "jobtrail-test-leaving";
    let account = server.account(name);
    app.state::<StoreState>()
        .with(|s| {
            let draft = mail::account::AccountDraft {
                name: account.name.clone(),
                host: account.host.clone(),
                port: Some(account.port),
                security: Some(Security::None),
                user: account.user.clone(),
                ..Default::default()
            };
            mail::account::add(s, &draft.validated(s.today())?)?;
            Ok(())
        })
        .expect("account stored");

    std::thread::scope(|scope| {
        // Dropped by a failing assertion too: the held login is then answered.
        let release = release;
        let (synced_tx, synced) = mpsc::channel();
        let (removed_tx, removed) = mpsc::channel();
        let w = &w;
        scope.spawn(move || {
            let _ = synced_tx.send(invoke(w, "sync_mail_now", json!({ "account": name })));
        });
        server
            .wait_for("LOGIN", Duration::from_secs(20))
            .expect("the pass logs in to the account");
        scope.spawn(move || {
            let _ = removed_tx.send(invoke(w, "remove_mail_account", json!({ "name": name })));
        });
        assert!(
            removed.recv_timeout(Duration::from_millis(700)).is_err(),
            "the account is not removed while a pass syncs it"
        );
        release.send(()).expect("the server waits");
        let reports = synced
            .recv_timeout(Duration::from_secs(20))
            .expect("the pass ends")
            .expect("a report");
        assert_eq!(reports[0]["error"]["code"], "authentication", "{reports}");
        let removed = removed
            .recv_timeout(Duration::from_secs(20))
            .expect("then the removal goes on");
        // Without a keychain here its entry cannot go, nor then the account.
        match removed {
            Ok(_) => assert_eq!(
                invoke(w, "list_mail_accounts", json!({})).expect("list"),
                json!([]),
                "removed once the pass ended"
            ),
            Err(e) => assert_ne!(e["code"], "not_found", "{e}"),
        }
    });
}

#[test]
fn a_pass_keeps_the_reports_of_accounts_it_did_not_sync() {
    let report = |account: &str, error: bool| FolderReport {
        account: account.into(),
        folder: "INBOX".into(),
        error: error.then(|| mail::sync::SyncError {
            code: "network".into(),
            message: "down".into(),
        }),
        ..FolderReport::default()
    };
    let mut status = MailSyncStatus::default();
    status.record(&[report("work", true), report("home", false)], None, 5);
    assert_eq!(status.last_run_at, Some(5), "home synced");
    status.record(&[report("home", true)], None, 9);
    assert_eq!(
        status.last_run_at,
        Some(5),
        "a pass in which every folder failed synced nothing: the time stays"
    );
    let kept: Vec<(&str, bool)> = status
        .last_reports
        .iter()
        .map(|r| (r.account.as_str(), r.error.is_some()))
        .collect();
    assert_eq!(
        kept,
        [("home", true), ("work", true)],
        "a pass of home alone leaves work's failure in view"
    );
}

/// A scripted IMAP server on loopback, for what Dovecot cannot be made to do:
/// stall a login, close the connection in `IDLE`.
mod fake {
    use std::io::{BufRead, BufReader, Write};
    use std::net::{TcpListener, TcpStream};
    use std::sync::mpsc;
    use std::time::Duration;

    use jobtrail_core::mail::{AccountStatus, MailAccount, Security};

    pub const PASSWORD: &str = "fake-secret";

    /// How the server answers.
    pub struct Script {
        /// The server answers `LOGIN` only once this sends or is dropped.
        pub hold_login: Option<mpsc::Receiver<()>>,
        /// Whether `LOGIN` works (else the password is refused).
        pub login_ok: bool,
        /// How long the server stays in `IDLE` before it closes the connection.
        pub idle_for: Duration,
    }

    impl Default for Script {
        fn default() -> Self {
            Self {
                hold_login: None,
                login_ok: true,
                idle_for: Duration::ZERO,
            }
        }
    }

    pub struct FakeImap {
        port: u16,
        /// Each command's name, as received.
        commands: mpsc::Receiver<String>,
    }

    impl FakeImap {
        /// Serves connections one after another until the test ends.
        pub fn start(mut script: Script) -> Self {
            let listener = TcpListener::bind("127.0.0.1:0").expect("a loopback port");
            let port = listener.local_addr().expect("bound").port();
            let (seen, commands) = mpsc::channel();
            std::thread::spawn(move || {
                for stream in listener.incoming().flatten() {
                    let _ = serve(stream, &mut script, &seen);
                }
            });
            Self { port, commands }
        }

        /// An account on this server.
        pub fn account(&self, name: &str) -> MailAccount {
            MailAccount {
                name: name.into(),
                host: "127.0.0.1".into(),
                port: self.port,
                security: Security::None,
                user: "me".into(),
                folders: vec!["INBOX".into()],
                since: "2026-01-01".into(),
                enabled: true,
                last_sync_at: None,
                status: AccountStatus::New,
                error: None,
                error_code: None,
            }
        }

        /// Waits until the server receives `command`.
        pub fn wait_for(&self, command: &str, limit: Duration) -> Result<(), String> {
            loop {
                match self.commands.recv_timeout(limit) {
                    Ok(c) if c == command => return Ok(()),
                    Ok(_) => {}
                    Err(e) => return Err(format!("no {command}: {e}")),
                }
            }
        }
    }

    fn serve(
        stream: TcpStream,
        script: &mut Script,
        seen: &mpsc::Sender<String>,
    ) -> std::io::Result<()> {
        let mut out = stream.try_clone()?;
        let mut lines = BufReader::new(stream);
        out.write_all(b"* OK fake IMAP ready\r\n")?;
        let mut line = String::new();
        loop {
            line.clear();
            if lines.read_line(&mut line)? == 0 {
                return Ok(());
            }
            let mut words = line.split_whitespace();
            let tag = words.next().unwrap_or("*").to_owned();
            let command = words.next().unwrap_or("").to_ascii_uppercase();
            let _ = seen.send(command.clone());
            let reply = match command.as_str() {
                "LOGIN" => {
                    if let Some(hold) = script.hold_login.take() {
                        let _ = hold.recv();
                    }
                    if script.login_ok {
                        format!("{tag} OK logged in\r\n")
                    } else {
                        format!("{tag} NO [AUTHENTICATIONFAILED] Authentication failed.\r\n")
                    }
                }
                "CAPABILITY" => format!("* CAPABILITY IMAP4rev1 IDLE\r\n{tag} OK done\r\n"),
                "EXAMINE" => format!(
                    "* FLAGS ()\r\n* 0 EXISTS\r\n* 0 RECENT\r\n* OK [UIDVALIDITY 7] ok\r\n\
                     * OK [UIDNEXT 1] ok\r\n{tag} OK [READ-ONLY] done\r\n"
                ),
                "IDLE" => {
                    out.write_all(b"+ idling\r\n")?;
                    std::thread::sleep(script.idle_for);
                    // Dropping both halves closes the connection.
                    return Ok(());
                }
                "LOGOUT" => {
                    out.write_all(format!("* BYE\r\n{tag} OK bye\r\n").as_bytes())?;
                    return Ok(());
                }
                _ => format!("{tag} BAD unknown command\r\n"),
            };
            out.write_all(reply.as_bytes())?;
        }
    }
}
