//! Mail sync against a real IMAP server: a throwaway Dovecot on loopback, shared by the
//! tests of this binary (each test has a user of its own).

use std::collections::BTreeSet;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use jobtrail_core::Store;
use jobtrail_core::failsafe::{CircuitBreakerConfig, Failsafe, RetryPolicy};
use jobtrail_core::mail::account::{self, AccountDraft, Security};
use jobtrail_core::mail::sync::{self, BatchLimits, FolderReport};
use jobtrail_core::mail::{AccountStatus, MailAccount};
use jobtrail_core::secrets::{KeychainError, Password};
use jobtrail_core::service::mail::{SyncHooks, SyncRequest, sync_mail};
use jobtrail_core::tracker::emails;
use jobtrail_imap_testserver::{Dovecot, fixtures};

use crate::temp_store;

const PASSWORD: &str = "app password 1";

/// A new user on the shared server, named after the test.
fn user(name: &str) -> String {
    let user = format!("{name}-{}", std::process::id());
    Dovecot::shared()
        .add_user(&user, PASSWORD)
        .expect("add user");
    user
}

/// A failsafe whose waits are short: a network fault costs milliseconds, not seconds.
fn fast_failsafe() -> Arc<Failsafe> {
    let policy = RetryPolicy {
        max_retries: 2,
        initial_delay: Duration::from_millis(10),
        max_delay: Duration::from_millis(50),
        ..RetryPolicy::default()
    };
    Arc::new(Failsafe::new(
        policy,
        CircuitBreakerConfig::default(),
        Arc::new(jobtrail_core::SystemClock),
    ))
}

/// An account over plain IMAP on loopback (allowed: the password stays on this machine).
fn add_account(store: &mut Store, server: &Dovecot, user: &str, folders: &[&str]) -> MailAccount {
    let draft = AccountDraft {
        name: "work".into(),
        host: server.host().into(),
        port: Some(server.plain_port()),
        security: Some(Security::None),
        user: user.into(),
        folders: folders.iter().map(|f| (*f).to_owned()).collect(),
        ..AccountDraft::default()
    };
    let config = draft.validated(store.today()).expect("valid account");
    account::add(store, &config).expect("account stored")
}

fn password() -> Password {
    Password::new(PASSWORD).expect("password")
}

fn sync_now(
    store: &Mutex<Store>,
    failsafe: &Failsafe,
    account: &MailAccount,
    password: &Password,
    limits: BatchLimits,
) -> Vec<FolderReport> {
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("runtime");
    rt.block_on(sync::sync_account(
        store,
        failsafe,
        account,
        password,
        limits,
        &mut |_| {},
    ))
    .expect("the store works")
}

/// One sync with the test password and the app's batch limits.
fn sync_once(
    store: &Mutex<Store>,
    failsafe: &Failsafe,
    account: &MailAccount,
) -> Vec<FolderReport> {
    sync_now(
        store,
        failsafe,
        account,
        &password(),
        BatchLimits::default(),
    )
}

fn stored_keys(store: &Store) -> Vec<String> {
    store
        .read(|c| {
            let mut stmt = c.prepare("SELECT dedup_key FROM emails ORDER BY dedup_key")?;
            let rows = stmt.query_map([], |r| r.get(0))?;
            rows.collect()
        })
        .expect("read")
}

#[test]
fn a_first_sync_imports_every_shape_a_second_nothing_and_new_mail_next() {
    let server = Dovecot::shared();
    let user = user("first-sync");
    let seed = fixtures::seed_messages();
    let mut malformed_uid = 0;
    for (i, (name, raw)) in seed.iter().enumerate() {
        // Some read, some flagged, some untouched: all of it must stay so.
        let flags: &[&str] = match i % 3 {
            0 => &["\\Seen"],
            1 => &["\\Flagged", "$Job"],
            _ => &[],
        };
        let uid = server.append(&user, PASSWORD, "INBOX", raw, flags).unwrap();
        if name == fixtures::MALFORMED {
            malformed_uid = uid;
        }
    }
    let flags_before = server.flags(&user, PASSWORD, "INBOX").unwrap();
    let (_dir, mut store, _clock) = temp_store();
    let account = add_account(&mut store, server, &user, &["INBOX"]);
    let store = Mutex::new(store);
    let failsafe = fast_failsafe();

    let first = sync_once(&store, &failsafe, &account);
    assert_eq!(first.len(), 1, "one report per folder");
    let r = &first[0];
    assert_eq!(r.error, None, "the sync worked: {r:?}");
    assert_eq!(r.fetched, seed.len(), "every message was downloaded");
    assert_eq!(
        r.imported,
        seed.len() - 1,
        "all but the malformed one stored"
    );
    assert_eq!(r.malformed, 1, "the malformed one is reported");
    assert_eq!(
        r.malformed_messages[0].uid, malformed_uid,
        "by its UID: {:?}",
        r.malformed_messages
    );
    assert_eq!(r.last_uid, Some(malformed_uid.max(seed.len() as u32)));
    let s = store.lock().unwrap();
    let list = emails::list(&s, 100).unwrap();
    assert_eq!(list.len(), seed.len() - 1);
    assert!(
        list.iter()
            .all(|e| e.account.as_deref() == Some("work") && e.folder.as_deref() == Some("INBOX")),
        "each email says which account and folder it came from"
    );
    let latin1 = list
        .iter()
        .find(|e| e.from.contains("ller"))
        .expect("the ISO-8859-1 mail is there");
    assert!(
        latin1.subject.chars().any(|c| "äöüÄÖÜß".contains(c)),
        "its encoded-words are decoded: {:?}",
        latin1.subject
    );
    let logged: i64 = s
        .read(|c| {
            c.query_row(
                "SELECT count(*) FROM error_log WHERE operation = 'mail_sync'
                 AND kind = 'invalid_message' AND message LIKE ?1",
                [format!("%UID {malformed_uid}%")],
                |r| r.get(0),
            )
        })
        .unwrap();
    assert_eq!(
        logged, 1,
        "the skipped message is in the error log with its UID"
    );
    assert_eq!(
        account::get(&s, "work").unwrap().status,
        AccountStatus::Ok,
        "the account is marked synced"
    );
    drop(s);

    let second = sync_once(&store, &failsafe, &account);
    assert_eq!(
        (
            second[0].fetched,
            second[0].imported,
            second[0].error.clone()
        ),
        (0, 0, None),
        "nothing new, nothing fetched"
    );

    let new_uid = server
        .append(
            &user,
            PASSWORD,
            "INBOX",
            &fixtures::by_name("rejection").unwrap().replace_id("late-1"),
            &[],
        )
        .unwrap();
    let third = sync_once(&store, &failsafe, &account);
    assert_eq!((third[0].fetched, third[0].imported), (1, 1), "{third:?}");
    assert_eq!(third[0].last_uid, Some(new_uid));

    assert_eq!(
        server.flags(&user, PASSWORD, "INBOX").unwrap()[..flags_before.len()],
        flags_before[..],
        "the server's flags (\\Seen included) are as they were"
    );
}

/// A message with its Message-ID replaced, so it is a different message.
trait ReplaceId {
    fn replace_id(&self, id: &str) -> Vec<u8>;
}

impl ReplaceId for Vec<u8> {
    fn replace_id(&self, id: &str) -> Vec<u8> {
        let text = String::from_utf8_lossy(self);
        let mut out = String::new();
        for line in text.split_inclusive('\n') {
            if line.to_ascii_lowercase().starts_with("message-id:") {
                out.push_str(&format!("Message-ID: <{id}@test.example>\r\n"));
            } else {
                out.push_str(line);
            }
        }
        out.into_bytes()
    }
}

#[test]
fn a_recreated_folder_is_read_again_without_duplicating_anything() {
    let server = Dovecot::shared();
    let user = user("uidvalidity");
    let seed = fixtures::seed_messages();
    for (_, raw) in &seed {
        server.append(&user, PASSWORD, "Jobs", raw, &[]).ok();
    }
    // "Jobs" does not exist until created.
    server.create_folder(&user, PASSWORD, "Jobs").unwrap();
    for (_, raw) in &seed {
        server.append(&user, PASSWORD, "Jobs", raw, &[]).unwrap();
    }
    let (_dir, mut store, _clock) = temp_store();
    let account = add_account(&mut store, server, &user, &["Jobs"]);
    let store = Mutex::new(store);
    let failsafe = fast_failsafe();
    let first = sync_once(&store, &failsafe, &account);
    let keys = stored_keys(&store.lock().unwrap());
    assert_eq!(first[0].imported, seed.len() - 1);

    let old = first[0].uid_validity.unwrap();
    let new = server.recreate_folder(&user, PASSWORD, "Jobs").unwrap();
    assert_ne!(old, new, "the folder has a new UIDVALIDITY");
    for (_, raw) in &seed {
        server.append(&user, PASSWORD, "Jobs", raw, &[]).unwrap();
    }
    let again = sync_once(&store, &failsafe, &account);
    let r = &again[0];
    assert!(r.rescanned, "a changed UIDVALIDITY means a rescan: {r:?}");
    assert_eq!(r.uid_validity, Some(new));
    assert_eq!(r.fetched, seed.len(), "every message was read again");
    assert_eq!(r.imported, 0, "nothing was stored twice");
    assert_eq!(
        r.duplicates,
        seed.len() - 1,
        "all recognised as already stored"
    );
    assert_eq!(
        stored_keys(&store.lock().unwrap()),
        keys,
        "the store is unchanged"
    );
    let mark = sync::watermark(&store.lock().unwrap(), "work", "Jobs")
        .unwrap()
        .unwrap();
    assert_eq!(
        mark.uid_validity, new,
        "the watermark follows the new UIDVALIDITY"
    );
}

#[test]
fn gmails_all_mail_folder_syncs_and_a_message_in_two_folders_is_stored_once() {
    let server = Dovecot::shared();
    let user = user("gmail");
    let invite = fixtures::by_name(fixtures::GREENHOUSE_INTERVIEW).unwrap();
    server
        .create_folder(&user, PASSWORD, "[Gmail]/All Mail")
        .unwrap();
    server
        .append(&user, PASSWORD, "INBOX", &invite, &[])
        .unwrap();
    server
        .append(&user, PASSWORD, "[Gmail]/All Mail", &invite, &[])
        .unwrap();
    let (_dir, mut store, _clock) = temp_store();
    let account = add_account(&mut store, server, &user, &["INBOX", "[Gmail]/All Mail"]);
    let store = Mutex::new(store);
    let reports = sync_now(
        &store,
        &fast_failsafe(),
        &account,
        &password(),
        BatchLimits::default(),
    );
    assert_eq!(reports.len(), 2);
    assert!(reports.iter().all(|r| r.error.is_none()), "{reports:?}");
    assert_eq!(reports[0].imported, 1);
    assert_eq!(
        (
            reports[1].fetched,
            reports[1].imported,
            reports[1].duplicates
        ),
        (1, 0, 1),
        "All Mail holds the same message: recognised, not stored again"
    );
}

#[test]
fn a_refused_password_stops_the_account_after_one_attempt() {
    let server = Dovecot::shared();
    let user = user("refused");
    let (_dir, mut store, _clock) = temp_store();
    let account = add_account(&mut store, server, &user, &["INBOX"]);
    let store = Mutex::new(store);
    let wrong = Password::new("not the password").unwrap();
    let reports = sync_now(
        &store,
        &fast_failsafe(),
        &account,
        &wrong,
        BatchLimits::default(),
    );
    let error = reports[0].error.clone().expect("the sync failed");
    assert_eq!(error.code, "authentication", "{error:?}");
    assert!(
        !error.message.contains("not the password"),
        "the password is never shown"
    );
    let s = store.lock().unwrap();
    let a = account::get(&s, "work").unwrap();
    assert_eq!(a.status, AccountStatus::NeedsPassword, "the account stops");
    assert_eq!(a.error_code.as_deref(), Some("authentication"));
    let logged: i64 = s
        .read(|c| {
            c.query_row(
                "SELECT count(*) FROM error_log WHERE kind = 'imap_login_refused'
                 AND strategy = 'escalate_to_admin'",
                [],
                |r| r.get(0),
            )
        })
        .unwrap();
    assert_eq!(logged, 1, "one classified error, escalated to the person");
    drop(s);
    // Dovecot logs a failed login when the connection ends: wait for the line, then
    // a while longer for any retry. The whole log is read: other tests share it.
    let failed_logins = || {
        std::fs::read_to_string(server.log_path())
            .unwrap()
            .lines()
            .filter(|l| l.contains(&format!("user=<{user}>")) && l.contains("auth failed"))
            .count()
    };
    for _ in 0..50 {
        if failed_logins() > 0 {
            break;
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    std::thread::sleep(Duration::from_secs(1));
    assert_eq!(
        failed_logins(),
        1,
        "a refused password is never retried: {}",
        server.log_tail()
    );

    // Background sync (no account named) leaves a stopped account alone.
    let rt = tokio::runtime::Runtime::new().unwrap();
    let mut hooks = FixedPassword(Some(wrong));
    let again = rt
        .block_on(sync_mail(
            &store,
            &fast_failsafe(),
            &SyncRequest::default(),
            &mut hooks,
        ))
        .unwrap();
    assert!(
        again.is_empty(),
        "a stopped account is not tried again: {again:?}"
    );

    // Synced by name (the person asked), the refusal is announced once, per account.
    let named = SyncRequest {
        account: Some("work".into()),
        analyse: Some(false),
    };
    rt.block_on(sync_mail(&store, &fast_failsafe(), &named, &mut hooks))
        .unwrap();
    rt.block_on(sync_mail(&store, &fast_failsafe(), &named, &mut hooks))
        .unwrap();
    let due = jobtrail_core::notices::check(&mut store.lock().unwrap())
        .unwrap()
        .due;
    let refusals: Vec<_> = due
        .iter()
        .filter(|n| n.key.starts_with("mail-auth:work:"))
        .collect();
    assert_eq!(refusals.len(), 1, "one notice for the episode: {due:?}");
    assert!(
        refusals[0].title.contains("refused the password"),
        "{}",
        refusals[0].title
    );
}

/// Hooks that answer with a fixed password instead of the keychain.
struct FixedPassword(Option<Password>);

impl SyncHooks for FixedPassword {
    fn password(&self, _account: &str) -> Result<Option<Password>, KeychainError> {
        Ok(self.0.clone())
    }
}

#[test]
fn a_server_stopped_mid_sync_loses_nothing_and_the_next_sync_finishes() {
    let server = Dovecot::start().unwrap();
    let user = "mid-sync";
    server.add_user(user, PASSWORD).unwrap();
    let total = 1500;
    server
        .append_many(user, PASSWORD, "INBOX", (0..total).map(bulk_message))
        .unwrap();
    let (_dir, mut store, _clock) = temp_store();
    let account = add_account(&mut store, &server, user, &["INBOX"]);
    let store = Mutex::new(store);
    let failsafe = fast_failsafe();
    let limits = BatchLimits {
        messages: 100,
        bytes: u64::MAX,
    };
    let server = Mutex::new(server);
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    let mut batches = 0;
    let first = rt
        .block_on(sync::sync_account(
            &store,
            &failsafe,
            &account,
            &password(),
            limits,
            &mut |_| {
                batches += 1;
                if batches == 3 {
                    server.lock().unwrap().stop().unwrap();
                }
            },
        ))
        .unwrap();
    let error = first[0]
        .error
        .clone()
        .expect("the stopped server fails the sync");
    assert!(
        ["network", "timeout", "external_service"].contains(&error.code.as_str()),
        "a connection failure: {error:?}"
    );
    let kept = emails::count(&store.lock().unwrap()).unwrap();
    assert!(
        (300..total as i64).contains(&kept),
        "the whole batches before the stop are kept ({kept})"
    );
    let mark = sync::watermark(&store.lock().unwrap(), "work", "INBOX")
        .unwrap()
        .unwrap();
    assert_eq!(
        i64::from(mark.last_uid),
        kept,
        "the watermark is exactly what was stored"
    );
    assert_eq!(
        account::get(&store.lock().unwrap(), "work").unwrap().status,
        AccountStatus::Error,
        "the account shows the error until the next sync"
    );

    server.lock().unwrap().restart().unwrap();
    let second = rt
        .block_on(sync::sync_account(
            &store,
            &failsafe,
            &account,
            &password(),
            limits,
            &mut |_| {},
        ))
        .unwrap();
    assert_eq!(second[0].error, None, "{second:?}");
    assert_eq!(
        second[0].fetched as i64,
        total as i64 - kept,
        "only what was missing is fetched"
    );
    assert_eq!(
        emails::count(&store.lock().unwrap()).unwrap(),
        total as i64,
        "nothing lost"
    );
}

/// The n-th message of a bulk mailbox.
pub fn bulk_message(n: usize) -> Vec<u8> {
    format!(
        "From: Recruiter {n} <r{n}@example.com>\r\nTo: me@example.com\r\n\
         Subject: Opportunity {n}\r\nDate: Mon, 1 Dec 2026 10:00:00 +0000\r\n\
         Message-ID: <bulk-{n}@example.com>\r\n\r\nHello, a role for you. ({n})\r\n"
    )
    .into_bytes()
}

/// Worker of the SIGKILL test: syncs in small batches until killed.
#[test]
#[ignore = "run by a_sync_killed_at_any_moment_resumes_without_loss_or_duplicates"]
fn sigkill_worker() {
    let (Ok(dir), Ok(port), Ok(user)) = (
        std::env::var("JOBTRAIL_MAIL_WORKER_DIR"),
        std::env::var("JOBTRAIL_MAIL_WORKER_PORT"),
        std::env::var("JOBTRAIL_MAIL_WORKER_USER"),
    ) else {
        return;
    };
    let store = Store::open(std::path::Path::new(&dir)).unwrap();
    let account = account::get(&store, "work").unwrap();
    assert_eq!(account.port.to_string(), port);
    let store = Mutex::new(store);
    let limits = BatchLimits {
        messages: 10,
        bytes: u64::MAX,
    };
    let _ = user;
    sync_now(&store, &fast_failsafe(), &account, &password(), limits);
}

#[test]
fn a_sync_killed_at_any_moment_resumes_without_loss_or_duplicates() {
    use std::process::Command;
    let server = Dovecot::shared();
    let user = user("sigkill");
    let total = 2000;
    server
        .append_many(&user, PASSWORD, "INBOX", (0..total).map(bulk_message))
        .unwrap();
    let dir = tempfile::tempdir().unwrap();
    {
        let mut store = Store::open(dir.path()).unwrap();
        add_account(&mut store, server, &user, &["INBOX"]);
    }
    let seed: u64 = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(7, |d| d.as_nanos() as u64);
    let mut rng = seed;
    let mut killed_mid_way = 0;
    for round in 0..8 {
        rng = rng
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        // The first kill comes within 60 ms, before any sync of 2,000 messages can end
        // (a whole one takes about 120 ms here); the others anywhere up to 320 ms.
        let span = if round == 0 { 40 } else { 300 };
        let after = Duration::from_millis(20 + (rng >> 33) % span);
        let mut child = Command::new(std::env::current_exe().unwrap())
            .args(["mail::sigkill_worker", "--exact", "--ignored", "--quiet"])
            .env("JOBTRAIL_MAIL_WORKER_DIR", dir.path())
            .env("JOBTRAIL_MAIL_WORKER_PORT", server.plain_port().to_string())
            .env("JOBTRAIL_MAIL_WORKER_USER", &user)
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(after);
        if child.try_wait().unwrap().is_none() {
            killed_mid_way += 1;
        }
        let _ = child.kill(); // SIGKILL
        child.wait().unwrap();
        let store = Store::open(dir.path()).unwrap();
        let stored = emails::count(&store).unwrap();
        let mark = sync::watermark(&store, "work", "INBOX").unwrap();
        let last = mark.map_or(0, |m| i64::from(m.last_uid));
        assert_eq!(
            stored, last,
            "round {round} (seed {seed}): the watermark matches the stored messages exactly"
        );
    }
    // The last sync runs to the end.
    let store = Mutex::new(Store::open(dir.path()).unwrap());
    let account = account::get(&store.lock().unwrap(), "work").unwrap();
    let done = sync_now(
        &store,
        &fast_failsafe(),
        &account,
        &password(),
        BatchLimits::default(),
    );
    assert_eq!(done[0].error, None);
    let s = store.lock().unwrap();
    let keys: BTreeSet<String> = stored_keys(&s).into_iter().collect();
    let expected: BTreeSet<String> = (0..total)
        .map(|n| format!("mid:bulk-{n}@example.com"))
        .collect();
    assert_eq!(
        keys, expected,
        "every message once, none lost (seed {seed})"
    );
    assert!(
        killed_mid_way > 0,
        "at least one worker was killed mid-sync (seed {seed})"
    );
}

#[test]
fn new_job_mail_is_analysed_newsletters_cost_nothing_and_a_move_is_announced() {
    use jobtrail_core::notices::{self, NoticeKind};
    let server = Dovecot::shared();
    let user = user("daily-loop");
    for name in [fixtures::GREENHOUSE_INTERVIEW, "newsletter"] {
        let raw = fixtures::dated_now(&fixtures::by_name(name).unwrap());
        server.append(&user, PASSWORD, "INBOX", &raw, &[]).unwrap();
    }
    let (_dir, mut store, _clock) = temp_store();
    crate::add_app(&mut store, "Globex", "Backend Engineer", "applied");
    add_account(&mut store, server, &user, &["INBOX"]);
    let store = Mutex::new(store);
    let rt = tokio::runtime::Runtime::new().unwrap();
    let mut hooks = FixedPassword(Some(password()));
    let reports = rt
        .block_on(sync_mail(
            &store,
            &fast_failsafe(),
            &SyncRequest::default(),
            &mut hooks,
        ))
        .unwrap();
    assert_eq!(reports.len(), 1);
    let r = &reports[0];
    assert_eq!((r.imported, r.analysed, r.skipped), (2, 1, 1), "{r:?}");
    let mut s = store.lock().unwrap();
    let list = emails::list(&s, 10).unwrap();
    let newsletter = list
        .iter()
        .find(|e| e.category.is_none())
        .expect("one not analysed");
    assert!(
        newsletter
            .skipped_reason
            .as_deref()
            .is_some_and(|r| r.starts_with("not job-related")),
        "the newsletter says why no model looked at it: {newsletter:?}"
    );
    let runs: i64 = s
        .read(|c| c.query_row("SELECT count(*) FROM executions", [], |r| r.get(0)))
        .unwrap();
    assert_eq!(runs, 1, "only the job mail ran the analyst");
    let due = notices::check(&mut s).unwrap().due;
    let moved: Vec<_> = due
        .iter()
        .filter(|n| n.kind == NoticeKind::JobMail)
        .collect();
    assert_eq!(moved.len(), 1, "one notice for the message: {due:?}");
    assert!(
        moved[0].title.starts_with("Globex: interview invite — "),
        "it names the company and what happened: {}",
        moved[0].title
    );
    assert!(
        notices::check(&mut s).unwrap().due.is_empty(),
        "and it is never shown twice"
    );
}

#[test]
fn old_mail_of_a_first_sync_is_analysed_without_a_notice_each_and_mail_left_behind_is_picked_up() {
    use jobtrail_core::notices::{self, NoticeKind};
    let server = Dovecot::shared();
    let user = user("backlog");
    // Mail from months ago, as a first sync reaching back 90 days finds it.
    for name in [
        fixtures::GREENHOUSE_INTERVIEW,
        "rejection",
        "application-received",
    ] {
        let raw = fixtures::by_name(name).unwrap();
        server.append(&user, PASSWORD, "INBOX", &raw, &[]).unwrap();
    }
    let (_dir, mut store, _clock) = temp_store();
    crate::add_app(&mut store, "Globex", "Backend Engineer", "applied");
    add_account(&mut store, server, &user, &["INBOX"]);
    let store = Mutex::new(store);
    let rt = tokio::runtime::Runtime::new().unwrap();

    // Agents paused: the mail is imported, not analysed.
    struct Paused(Password);
    impl SyncHooks for Paused {
        fn paused(&self) -> bool {
            true
        }
        fn password(&self, _: &str) -> Result<Option<Password>, KeychainError> {
            Ok(Some(self.0.clone()))
        }
    }
    let mut paused = Paused(password());
    let first = rt
        .block_on(sync_mail(
            &store,
            &fast_failsafe(),
            &SyncRequest::default(),
            &mut paused,
        ))
        .unwrap();
    assert_eq!((first[0].imported, first[0].analysed), (3, 0), "{first:?}");

    // Resumed: the next pass (nothing new on the server) analyses what was left.
    let mut hooks = FixedPassword(Some(password()));
    let resumed = rt
        .block_on(sync_mail(
            &store,
            &fast_failsafe(),
            &SyncRequest::default(),
            &mut hooks,
        ))
        .unwrap();
    assert_eq!(resumed[0].imported, 0);
    assert_eq!(
        resumed[0].analysed, 3,
        "mail left behind is analysed: {resumed:?}"
    );
    let mut s = store.lock().unwrap();
    assert_ne!(
        jobtrail_core::tracker::applications::list(&s).unwrap()[0]
            .status
            .to_string(),
        "applied",
        "the old invite still moved its application"
    );
    let job_mail: Vec<_> = notices::check(&mut s)
        .unwrap()
        .due
        .into_iter()
        .filter(|n| n.kind == NoticeKind::JobMail)
        .collect();
    assert!(
        job_mail.is_empty(),
        "months-old mail raises no notice each: {job_mail:?}"
    );
}
