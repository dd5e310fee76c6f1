//! Mail sync from a real IMAP server (a throwaway Dovecot on loopback), three figures:
//!
//! 1. the first sync of a 10,000-message folder: messages per second and the syncing
//!    process's peak resident memory (it runs in a child process of its own, so the
//!    figure is the sync's alone; aims: ≥ 2,000 msg/s, < 100 MiB);
//! 2. an incremental sync with nothing new: log in, EXAMINE, done (median of 20;
//!    aim: < 50 ms);
//! 3. from an APPEND on the server to the application moving: IDLE wakes, the sync
//!    imports the message, the analyst (built-in engine) runs and the review rules
//!    move the application or queue the move (median of 5; aim: < 3 s).
//!
//! The code measured is the app's: the default batch limits and the same calls the
//! app's background sync makes. Counts are checked; a wrong one exits non-zero. No
//! assertion is made on time. `make bench` runs it; `cargo test --benches` runs a
//! tenth of the folder once as a smoke test.

mod common;
use common::{per_second, thousands};

use std::process::{Command, ExitCode};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use jobtrail_core::failsafe::Failsafe;
use jobtrail_core::mail::account::{self, AccountDraft, Security};
use jobtrail_core::mail::sync::{self, BatchLimits};
use jobtrail_core::secrets::{KeychainError, Password};
use jobtrail_core::service::mail::{SyncHooks, SyncRequest, sync_mail};
use jobtrail_core::tracker::{ApplicationDraft, NewApplication, Origin, applications, emails};
use jobtrail_core::{Store, SystemClock};
use jobtrail_imap_testserver::Dovecot;

const USER: &str = "bench";
const PASSWORD: &str = "bench password";
const FOLDER_SIZE: usize = 10_000;
const WORKER: &str = "JOBTRAIL_MAIL_BENCH_WORKER";

struct Stored;

impl SyncHooks for Stored {
    fn password(&self, _account: &str) -> Result<Option<Password>, KeychainError> {
        Ok(Password::new(PASSWORD))
    }
}

/// Message `n` of the folder: a mix of plain, HTML and base64 job mail, 1–4 KB.
fn message(n: usize) -> Vec<u8> {
    let company = ["Globex", "Initech", "Umbrella", "Hooli", "Vandelay"][n % 5];
    let filler =
        "We appreciate the time you took to tell us about your experience. ".repeat(1 + n % 40);
    let head = format!(
        "From: {company} Talent <talent@{}.example>\r\nTo: alex@example.com\r\n\
         Subject: Your application to {company} ({n})\r\n\
         Date: Mon, 30 Nov 2026 10:00:00 +0000\r\nMessage-ID: <bench-{n}@example.com>\r\n\
         MIME-Version: 1.0\r\n",
        company.to_lowercase()
    );
    let body = match n % 3 {
        0 => format!("Content-Type: text/plain; charset=utf-8\r\n\r\nHello Alex,\r\n{filler}\r\n"),
        1 => format!(
            "Content-Type: multipart/alternative; boundary=b{n}\r\n\r\n--b{n}\r\n\
             Content-Type: text/plain; charset=utf-8\r\n\r\nHello Alex,\r\n{filler}\r\n--b{n}\r\n\
             Content-Type: text/html; charset=utf-8\r\n\r\n<p>Hello Alex,</p><p>{filler}</p>\r\n--b{n}--\r\n"
        ),
        _ => {
            let text = format!("Hello Alex,\n{filler}\n");
            format!(
                "Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: base64\r\n\r\n{}\r\n",
                base64(text.as_bytes())
            )
        }
    };
    format!("{head}{body}").into_bytes()
}

fn base64(bytes: &[u8]) -> String {
    const A: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::new();
    for (i, c) in bytes.chunks(3).enumerate() {
        if i > 0 && i % 19 == 0 {
            out.push_str("\r\n");
        }
        let n = (u32::from(c[0]) << 16)
            | (u32::from(*c.get(1).unwrap_or(&0)) << 8)
            | u32::from(*c.get(2).unwrap_or(&0));
        for k in 0..4 {
            out.push(if k <= c.len() {
                char::from(A[((n >> (18 - 6 * k)) & 63) as usize])
            } else {
                '='
            });
        }
    }
    out
}

fn runtime() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("tokio")
}

/// One sync as the app runs it (default batch limits, no progress).
fn sync_once(
    rt: &tokio::runtime::Runtime,
    store: &Mutex<Store>,
    failsafe: &Failsafe,
    account: &jobtrail_core::mail::MailAccount,
    password: &Password,
) -> Vec<jobtrail_core::mail::FolderReport> {
    rt.block_on(sync::sync_account(
        store,
        failsafe,
        account,
        password,
        BatchLimits::default(),
        &mut |_| {},
    ))
    .expect("store")
}

fn account_in(store: &mut Store, server: &Dovecot) -> jobtrail_core::mail::MailAccount {
    let draft = AccountDraft {
        name: "bench".into(),
        host: server.host().into(),
        port: Some(server.plain_port()),
        security: Some(Security::None),
        user: USER.into(),
        ..AccountDraft::default()
    };
    let c = draft.validated(store.today()).expect("valid account");
    account::add(store, &c).expect("account")
}

/// The child: one first sync of the folder, then its time and peak memory on stdout.
fn worker(dir: &str) -> ExitCode {
    let store = Store::open(std::path::Path::new(dir)).expect("store");
    let account = account::get(&store, "bench").expect("account");
    let store = Mutex::new(store);
    let failsafe = Failsafe::default();
    let password = Password::new(PASSWORD).expect("password");
    let started = Instant::now();
    let reports = sync_once(&runtime(), &store, &failsafe, &account, &password);
    let elapsed = started.elapsed();
    let hwm_kib = std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmHWM:"))
                .and_then(|l| l.split_whitespace().nth(1)?.parse::<u64>().ok())
        })
        .unwrap_or(0);
    println!(
        "{} {} {}",
        reports[0].imported,
        elapsed.as_micros(),
        hwm_kib
    );
    ExitCode::SUCCESS
}

fn main() -> ExitCode {
    if let Ok(dir) = std::env::var(WORKER) {
        return worker(&dir);
    }
    let full = std::env::args().any(|a| a == "--bench");
    let size = if full { FOLDER_SIZE } else { FOLDER_SIZE / 10 };
    let server = Dovecot::start().expect("Dovecot (scripts/setup.sh installs it)");
    server.add_user(USER, PASSWORD).expect("user");
    server
        .append_many(USER, PASSWORD, "INBOX", (0..size).map(message))
        .expect("seed");
    let dir = tempfile::tempdir().expect("temp dir");
    let mut store = Store::open(dir.path()).expect("store");
    let account = account_in(&mut store, &server);
    drop(store);

    // 1. First sync, in a process of its own.
    let out = Command::new(std::env::current_exe().expect("exe"))
        .env(WORKER, dir.path())
        .output()
        .expect("worker");
    let text = String::from_utf8_lossy(&out.stdout);
    let figures: Vec<u64> = text
        .split_whitespace()
        .filter_map(|w| w.parse().ok())
        .collect();
    let [imported, micros, hwm_kib] = figures[..] else {
        eprintln!(
            "mail bench: the sync worker failed: {text} {}",
            String::from_utf8_lossy(&out.stderr)
        );
        return ExitCode::FAILURE;
    };
    if imported as usize != size {
        eprintln!("mail bench: imported {imported} of {size}");
        return ExitCode::FAILURE;
    }
    let elapsed = Duration::from_micros(micros);
    println!(
        "mail sync, first sync of {} messages from Dovecot on loopback: {:.2} s, {} msg/s, peak RSS {:.1} MiB",
        thousands(size),
        elapsed.as_secs_f64(),
        thousands(per_second(size, elapsed)),
        hwm_kib as f64 / 1024.0
    );

    // 2. Nothing new.
    let store = Mutex::new(Store::open(dir.path()).expect("store"));
    let failsafe = Arc::new(Failsafe::new(
        Default::default(),
        Default::default(),
        Arc::new(SystemClock),
    ));
    let password = Password::new(PASSWORD).expect("password");
    let rt = runtime();
    let mut times = Vec::new();
    for _ in 0..20 {
        let started = Instant::now();
        let r = sync_once(&rt, &store, &failsafe, &account, &password);
        times.push(started.elapsed());
        if r[0].fetched != 0 || r[0].error.is_some() {
            eprintln!("mail bench: an incremental sync fetched something: {r:?}");
            return ExitCode::FAILURE;
        }
    }
    times.sort();
    println!(
        "mail sync, incremental with nothing new (login, EXAMINE): median {:.1} ms, max {:.1} ms",
        times[times.len() / 2].as_secs_f64() * 1000.0,
        times[times.len() - 1].as_secs_f64() * 1000.0
    );

    // The app analyses what a first sync brings; the rounds below must each find only
    // their own new message, so the backlog is analysed first (timed on its own).
    let started = Instant::now();
    let backlog = rt
        .block_on(sync_mail(
            &store,
            &failsafe,
            &SyncRequest::default(),
            &mut Stored,
        ))
        .expect("sync");
    let done: usize = backlog.iter().map(|r| r.analysed + r.skipped).sum();
    if done != size {
        eprintln!("mail bench: the backlog was not analysed: {backlog:?}");
        return ExitCode::FAILURE;
    }
    println!(
        "mail sync, analysing the first sync's {} messages (pre-filter, built-in engine): {:.2} s",
        thousands(size),
        started.elapsed().as_secs_f64()
    );

    // 3. APPEND → IDLE → sync → analysis → the application moves.
    let mut latencies = Vec::new();
    for round in 0..5 {
        let company = format!("Benchcorp{round}");
        {
            let mut s = store.lock().expect("lock");
            let draft = ApplicationDraft {
                company: company.clone(),
                role: "Backend Engineer".into(),
                status: Some("applied".into()),
                ..ApplicationDraft::default()
            };
            let new = NewApplication::try_from(draft).expect("draft");
            applications::add(&mut s, &new, Origin::User).expect("application");
        }
        let mut conn = rt
            .block_on(sync::connect(&failsafe, &account, &password))
            .expect("connect");
        rt.block_on(conn.examine("INBOX")).expect("examine");
        let invite = format!(
            "From: {company} Recruiting <no-reply@greenhouse.io>\r\nTo: alex@example.com\r\n\
             Subject: Interview invitation: Backend Engineer at {company}\r\n\
             Message-ID: <idle-{round}-{}@example.com>\r\n\r\n\
             Hi Alex, thank you for applying for the Backend Engineer position at {company}.\r\n\
             We would like to invite you to an interview.\r\n",
            std::process::id()
        );
        let appended = std::thread::scope(|scope| {
            let append = scope.spawn(|| {
                std::thread::sleep(Duration::from_millis(300));
                let at = Instant::now();
                server
                    .append(USER, PASSWORD, "INBOX", invite.as_bytes(), &[])
                    .expect("append");
                at
            });
            let (conn, changed) = rt
                .block_on(conn.idle(Duration::from_secs(30)))
                .expect("idle");
            rt.block_on(conn.close());
            (append.join().expect("append thread"), changed)
        });
        let (at, changed) = appended;
        if !changed {
            eprintln!("mail bench: IDLE did not report the new message");
            return ExitCode::FAILURE;
        }
        let reports = rt
            .block_on(sync_mail(
                &store,
                &failsafe,
                &SyncRequest::default(),
                &mut Stored,
            ))
            .expect("sync");
        let latency = at.elapsed();
        let s = store.lock().expect("lock");
        let moved = applications::list(&s)
            .expect("list")
            .into_iter()
            .any(|a| a.company == company && a.status.to_string() != "applied");
        let queued = jobtrail_core::tracker::review::pending_count(&s).expect("review") > round;
        if reports.iter().map(|r| r.analysed).sum::<usize>() != 1 || !(moved || queued) {
            eprintln!("mail bench: the invite did not move its application: {reports:?}");
            return ExitCode::FAILURE;
        }
        drop(s);
        latencies.push(latency);
    }
    latencies.sort();
    println!(
        "mail sync, APPEND on the server to the application moving (IDLE, sync, built-in analysis): median {:.0} ms, max {:.0} ms",
        latencies[latencies.len() / 2].as_secs_f64() * 1000.0,
        latencies[latencies.len() - 1].as_secs_f64() * 1000.0
    );
    let total = emails::count(&store.lock().expect("lock")).expect("count");
    if total as usize != size + 5 {
        eprintln!("mail bench: {total} emails stored, expected {}", size + 5);
        return ExitCode::FAILURE;
    }
    ExitCode::SUCCESS
}
