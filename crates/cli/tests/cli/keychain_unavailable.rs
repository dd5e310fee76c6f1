//! A keychain that does not answer (locked, its unlock prompt up on a display nobody
//! looks at) or is not there at all: a cron job or a script must still end. Runs go on
//! without the keychain's key, with a warning; `key` and `mail` commands that need it
//! fail with `keychain_unavailable` and exit 1; all within seconds.

use std::io::{Read, Write};
use std::path::PathBuf;
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

use jobtrail_imap_testserver::Dovecot;
use jobtrail_llm_testserver::{Reply, TestServer};

use super::keychain::Keychain;
use super::{BIN, EMAIL, json_err, json_ok};

/// What the CLI prints on stderr when a run goes on without the keychain.
const WARNING: &str = "the keychain did not answer: is it locked?";

/// Longer than any command here may take (the keychain limit is 1 s, or none is needed;
/// the default limit is 30 s).
const QUICK: Duration = Duration::from_secs(6);

/// One person's Jobtrail: a data dir and XDG dirs of its own.
struct Person {
    home: tempfile::TempDir,
    /// `JOBTRAIL_KEYCHAIN_TIMEOUT_MS` for [`Person::quick`], if any.
    limit_ms: Option<&'static str>,
}

impl Person {
    fn new(limit_ms: Option<&'static str>) -> Self {
        Self {
            home: tempfile::tempdir().unwrap(),
            limit_ms,
        }
    }

    fn data(&self) -> PathBuf {
        self.home.path().join("jobtrail")
    }

    /// `jobtrail ARGS` against `keychain`, without any key or endpoint from the
    /// developer's environment.
    fn command(&self, keychain: &Keychain, args: &[&str]) -> Command {
        let mut c = Command::new(BIN);
        c.arg("--data-dir")
            .arg(self.data())
            .args(args)
            .env_remove("JOBTRAIL_DATA_DIR")
            .env_remove("JOBTRAIL_KEYCHAIN_TIMEOUT_MS")
            .env_remove("OPENAI_API_KEY")
            .env_remove("OPENAI_BASE_URL")
            .env_remove("LOG_LEVEL")
            .env_remove("STRUCTURED_LOGGING");
        keychain.apply(&mut c, self.home.path());
        c
    }

    /// Runs `c` with `stdin` as its input, and how long it took. A command that has
    /// not ended after 60 s is killed and the test fails: it hung.
    fn run(c: &mut Command, stdin: Option<&str>) -> (Output, Duration) {
        let started = Instant::now();
        let mut child = c
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("run jobtrail");
        let mut pipe = child.stdin.take().unwrap();
        if let Some(s) = stdin {
            pipe.write_all(s.as_bytes()).unwrap();
        }
        drop(pipe);
        let drain = |mut r: Box<dyn Read + Send>| {
            std::thread::spawn(move || {
                let mut buf = Vec::new();
                let _ = r.read_to_end(&mut buf);
                buf
            })
        };
        let stdout = drain(Box::new(child.stdout.take().unwrap()));
        let stderr = drain(Box::new(child.stderr.take().unwrap()));
        let status = loop {
            if let Some(status) = child.try_wait().unwrap() {
                break status;
            }
            if started.elapsed() > Duration::from_secs(60) {
                let _ = child.kill();
                let _ = child.wait();
                panic!("{c:?} hung for 60 s");
            }
            std::thread::sleep(Duration::from_millis(20));
        };
        let out = Output {
            status,
            stdout: stdout.join().unwrap(),
            stderr: stderr.join().unwrap(),
        };
        (out, started.elapsed())
    }

    /// `jobtrail --json ARGS` with this person's keychain limit; fails the test if it
    /// took longer than [`QUICK`].
    fn quick(&self, keychain: &Keychain, args: &[&str], stdin: Option<&str>) -> Output {
        let mut c = self.command(keychain, &[&["--json"], args].concat());
        if let Some(ms) = self.limit_ms {
            c.env("JOBTRAIL_KEYCHAIN_TIMEOUT_MS", ms);
        }
        let (out, took) = Self::run(&mut c, stdin);
        assert!(
            took < QUICK,
            "{args:?} ends within seconds, not when the keychain answers: took {took:?}; stderr: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        out
    }

    /// `mail add NAME` to the test server for server user `user`.
    fn add_mail_account(&self, keychain: &Keychain, name: &str, user: &str, password: &str) {
        let server = Dovecot::shared();
        server.add_user(user, password).unwrap();
        let port = server.plain_port().to_string();
        let args = [
            "--json",
            "mail",
            "add",
            name,
            "--host",
            server.host(),
            "--port",
            &port,
            "--security",
            "none",
            "--user",
            user,
        ];
        let (out, _) = Self::run(
            &mut self.command(keychain, &args),
            Some(&format!("{password}\n")),
        );
        json_ok(&out);
    }
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// What every command that needs the keychain does when it cannot have it, and what
/// the others do: the same with a locked keychain and with none.
fn commands_fail_and_runs_go_on(keychain: &Keychain, me: &Person, account: &str, why: &str) {
    let out = me.quick(
        keychain,
        &["agent", "run", "email-analyst", "--file", EMAIL],
        None,
    );
    let v = json_ok(&out);
    assert_eq!(
        v["execution"]["engine"], "builtin",
        "{why}: the run goes on, on the built-in engine: {v}"
    );
    assert_eq!(v["output"]["category"], "interview_invite", "{v}");
    assert!(
        stderr(&out).contains(WARNING),
        "{why}: the run says why it had no key: {}",
        stderr(&out)
    );

    let unavailable = |args: &[&str], stdin: Option<&str>, what: &str| {
        let err = json_err(&me.quick(keychain, args, stdin), 1);
        assert_eq!(
            err["code"], "keychain_unavailable",
            "{why}: {what} fails and says the keychain is the cause: {err}"
        );
        err
    };
    unavailable(&["key", "status"], None, "key status");
    unavailable(&["key", "set"], Some("sk-new-key-5678\n"), "key set");
    unavailable(&["key", "remove"], None, "key remove");
    unavailable(&["mail", "test", account], None, "mail test");
    unavailable(&["mail", "remove", account], None, "mail remove");

    let accounts = json_ok(&me.quick(keychain, &["mail", "list"], None));
    assert_eq!(
        accounts[0]["name"], account,
        "{why}: a command that needs no password works, and the failed remove kept the account: {accounts}"
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn a_locked_keychain_whose_prompt_nobody_answers_never_hangs_a_command() {
    let keychain = Keychain::with_display();
    let me = Person::new(Some("1000"));
    // Before the lock: a key and a mail account with its password, in the keychain.
    let (out, _) = Person::run(
        &mut me.command(&keychain, &["--json", "key", "set"]),
        Some("sk-stored-key-1234\n"),
    );
    assert_eq!(json_ok(&out)["last4"], "1234", "the key is stored");
    me.add_mail_account(&keychain, "vault", "locked-keychain-user", "vault-pass");

    keychain.lock();
    commands_fail_and_runs_go_on(&keychain, &me, "vault", "a locked keychain");
    assert!(
        keychain.has_owner("org.gnome.keyring.SystemPrompter"),
        "the unlock prompt is up on the display: the keychain was waiting for a person"
    );
    assert!(keychain.locked(), "and nobody unlocked it");

    // OPENAI_API_KEY is used without asking the keychain at all: with the full 30 s
    // limit, the run still ends at once.
    let server = TestServer::start().await.unwrap();
    server.script([Reply::json(&serde_json::json!({
        "category": "interview_invite", "urgency": "high", "company": "Acme", "role": "Rust Engineer",
        "dates": [], "contacts": [], "application_id": null, "proposed_status": "interview",
        "summary": "Acme invites you to interview.", "confidence": 0.9
    }))]);
    let mut c = me.command(
        &keychain,
        &["--json", "agent", "run", "email-analyst", "--file", EMAIL],
    );
    c.env("OPENAI_API_KEY", "sk-env-key-9876")
        .env("OPENAI_BASE_URL", server.base_url());
    let (out, took) = tokio::task::spawn_blocking(move || Person::run(&mut c, None))
        .await
        .unwrap();
    let v = json_ok(&out);
    assert!(
        took < QUICK,
        "the keychain is not asked when OPENAI_API_KEY is set: took {took:?}"
    );
    assert_eq!(v["execution"]["engine"], "llm", "the model answered: {v}");
    assert_eq!(
        server.received()[0].authorization.as_deref(),
        Some("Bearer sk-env-key-9876"),
        "with the environment's key, not the keychain's"
    );
    assert!(
        !stderr(&out).contains(WARNING),
        "nothing to warn about: {}",
        stderr(&out)
    );
}

#[test]
fn without_a_secret_service_commands_fail_at_once_and_runs_go_on() {
    // No limit set: the default 30 s would show; an absent service answers at once.
    let me = Person::new(None);
    // The account is made while a keychain is there; then it is gone.
    me.add_mail_account(Keychain::shared(), "gone", "no-keychain-user", "gone-pass");
    let keychain = Keychain::none();
    assert!(
        !keychain.has_owner("org.freedesktop.secrets"),
        "nothing on the bus provides a Secret Service"
    );
    commands_fail_and_runs_go_on(&keychain, &me, "gone", "no Secret Service");
}
