//! Stop and restart, and no Dovecot outliving the process or value that started it.

use std::net::TcpStream;
use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

use jobtrail_imap_testserver::{Dovecot, fixtures};

use crate::user;

/// What the child process (this binary again) does: `shared` or `smoke`.
const CHILD_ENV: &str = "JOBTRAIL_IMAP_TESTSERVER_CHILD";

/// Run by the tests below in a child process only.
#[test]
#[ignore = "run in a child process by the lifetime tests"]
fn child_process() {
    match std::env::var(CHILD_ENV).as_deref() {
        Ok("shared") => {
            let server = Dovecot::shared();
            user(server, "child");
            println!(
                "SERVER port={} pgid={} dir={}",
                server.plain_port(),
                server.process_group().unwrap(),
                server.dir().display()
            );
            // The test process ends here without dropping the static.
        }
        Ok("smoke") => {
            let server = Dovecot::start().unwrap();
            let (u, p) = user(&server, "smoke");
            let raw = fixtures::by_name("plain-utf8").unwrap();
            server.append(&u, &p, "INBOX", &raw, &["\\Seen"]).unwrap();
            assert_eq!(server.flags(&u, &p, "INBOX").unwrap().len(), 1);
            println!("SMOKE ok");
        }
        other => println!("nothing to do for {other:?}"),
    }
}

fn run_child(mode: &str, wrap: Option<&[&str]>, exe: &Path) -> String {
    let mut cmd = match wrap {
        Some([program, args @ ..]) => {
            let mut cmd = Command::new(program);
            cmd.args(args).arg(exe);
            cmd
        }
        _ => Command::new(exe),
    };
    let out = cmd
        .args([
            "--exact",
            "lifetime::child_process",
            "--ignored",
            "--nocapture",
        ])
        .env(CHILD_ENV, mode)
        .output()
        .expect("the test binary runs again");
    let stdout = String::from_utf8_lossy(&out.stdout).into_owned();
    assert!(
        out.status.success(),
        "the child test passes: {stdout}{}",
        String::from_utf8_lossy(&out.stderr)
    );
    stdout
}

/// Processes whose process group is `pgid`.
fn group_members(pgid: u32) -> Vec<String> {
    let mut members = Vec::new();
    for entry in std::fs::read_dir("/proc").unwrap().flatten() {
        let Ok(stat) = std::fs::read_to_string(entry.path().join("stat")) else {
            continue;
        };
        // pid (comm) state ppid pgrp ...: comm may hold spaces, so split after `)`.
        let Some((head, rest)) = stat.rsplit_once(')') else {
            continue;
        };
        if rest.split_whitespace().nth(2) == Some(&pgid.to_string()) {
            members.push(head.to_owned());
        }
    }
    members
}

fn wait_until(what: &str, mut done: impl FnMut() -> bool) {
    let deadline = Instant::now() + Duration::from_secs(15);
    while !done() {
        assert!(Instant::now() < deadline, "{what} within 15 s");
        std::thread::sleep(Duration::from_millis(50));
    }
}

fn assert_gone(port: u16, pgid: u32, dir: &Path) {
    wait_until("the port refuses connections", || {
        TcpStream::connect(("127.0.0.1", port)).is_err()
    });
    wait_until("no process of the server's group is left", || {
        group_members(pgid).is_empty()
    });
    wait_until("the temp dir is removed", || !dir.exists());
}

#[test]
fn the_shared_server_dies_with_the_test_process() {
    let exe = std::env::current_exe().unwrap();
    let out = run_child("shared", None, &exe);
    let line = out
        .lines()
        .find_map(|l| l.strip_prefix("SERVER "))
        .unwrap_or_else(|| panic!("the child reports its server: {out}"));
    let field = |key: &str| {
        line.split(' ')
            .find_map(|kv| kv.strip_prefix(&format!("{key}=")))
            .unwrap()
            .to_owned()
    };
    let port: u16 = field("port").parse().unwrap();
    let pgid: u32 = field("pgid").parse().unwrap();
    assert_gone(port, pgid, Path::new(&field("dir")));
}

#[test]
fn a_dropped_server_leaves_nothing_behind() {
    let server = Dovecot::start().unwrap();
    let (port, pgid, dir) = (
        server.plain_port(),
        server.process_group().unwrap(),
        server.dir().to_owned(),
    );
    assert!(
        !group_members(pgid).is_empty(),
        "the server runs in its group"
    );
    drop(server);
    assert_gone(port, pgid, &dir);
}

#[test]
fn stop_and_restart_keep_ports_users_and_mail() {
    let mut server = Dovecot::start().unwrap();
    let (u, p) = user(&server, "restart");
    let raw = fixtures::by_name("rejection").unwrap();
    let uid = server.append(&u, &p, "INBOX", &raw, &["$Job"]).unwrap();
    let validity = server.uid_validity(&u, &p, "INBOX").unwrap();
    let (plain, tls) = (server.plain_port(), server.tls_port());

    server.stop().unwrap();
    assert!(!server.is_running());
    for port in [plain, tls] {
        assert!(
            TcpStream::connect(("127.0.0.1", port)).is_err(),
            "a stopped server refuses connections on {port}"
        );
    }
    assert!(server.login(&u, &p).is_err(), "no login while stopped");
    server.stop().expect("stopping twice is fine");

    server.restart().unwrap();
    assert_eq!((server.plain_port(), server.tls_port()), (plain, tls));
    assert_eq!(server.uid_validity(&u, &p, "INBOX").unwrap(), validity);
    assert_eq!(
        server.flags(&u, &p, "INBOX").unwrap(),
        vec![(uid, vec!["$Job".to_owned()])],
        "mail and flags survive the restart"
    );
    server
        .restart()
        .expect("restarting a running server works too");
    assert_eq!(server.count(&u, &p, "INBOX").unwrap(), 1);
}

/// CI runs as root; a developer does not. Both must work, so as root the smoke test
/// also runs as `nobody` (through `setpriv`), where everything runs as that user.
#[test]
fn it_also_runs_as_an_ordinary_user() {
    if !is_root() {
        eprintln!("not root: this whole suite already runs as an ordinary user");
        return;
    }
    let Ok(setpriv) = which("setpriv") else {
        panic!("setpriv (util-linux) is needed to run as nobody");
    };
    // `nobody` cannot read our target dir everywhere: run a world-readable copy.
    let dir = tempfile::tempdir().unwrap();
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o755)).unwrap();
    let exe = dir.path().join("imap-tests");
    std::fs::copy(std::env::current_exe().unwrap(), &exe).unwrap();
    let setpriv = setpriv.to_string_lossy().into_owned();
    let wrap = [
        setpriv.as_str(),
        "--reuid=nobody",
        "--regid=nogroup",
        "--clear-groups",
    ];
    let out = run_child("smoke", Some(&wrap), &exe);
    assert!(
        out.contains("SMOKE ok"),
        "the smoke test ran as nobody: {out}"
    );
}

fn is_root() -> bool {
    std::fs::read_to_string("/proc/self/status")
        .unwrap()
        .lines()
        .find_map(|l| l.strip_prefix("Uid:"))
        .and_then(|ids| ids.split_whitespace().nth(1))
        == Some("0")
}

fn which(program: &str) -> Result<std::path::PathBuf, ()> {
    std::env::var_os("PATH")
        .into_iter()
        .flat_map(|p| std::env::split_paths(&p).collect::<Vec<_>>())
        .chain(["/usr/bin".into(), "/bin".into()])
        .map(|d| d.join(program))
        .find(|p| p.is_file())
        .ok_or(())
}
