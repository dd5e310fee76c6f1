//! `jobtrail mail …` against a real Dovecot (plain loopback and TLS with a test CA)
//! and a real Secret Service in a private D-Bus session.
//!
//! The keychain and the server are shared by the whole test binary: each test uses
//! its own account names (the keychain entries are `mail:NAME`) and server users.

use std::io::Write;
use std::process::{Command, Output, Stdio};

use jobtrail_imap_testserver::{Dovecot, fixtures};
use serde_json::Value;

use super::keychain::Keychain;
use super::{BIN, json_err, json_ok};

/// One person's Jobtrail: a data dir and XDG dirs of its own, the shared keychain.
struct Cli {
    dir: tempfile::TempDir,
}

impl Cli {
    fn new() -> Self {
        Self {
            dir: tempfile::tempdir().unwrap(),
        }
    }

    fn command(&self, args: &[&str]) -> Command {
        let mut c = Command::new(BIN);
        c.arg("--data-dir")
            .arg(self.dir.path().join("jobtrail"))
            .args(args)
            .env_remove("JOBTRAIL_DATA_DIR")
            .env_remove("SSL_CERT_FILE")
            .env_remove("SSL_CERT_DIR");
        Keychain::shared().apply(&mut c, self.dir.path());
        c
    }

    /// Runs with `stdin` as standard input (the password), else none.
    fn run_with(&self, mut c: Command, stdin: Option<&str>) -> Output {
        c.stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped());
        let mut child = c.spawn().expect("run jobtrail");
        let mut pipe = child.stdin.take().unwrap();
        if let Some(s) = stdin {
            pipe.write_all(s.as_bytes()).unwrap();
        }
        drop(pipe);
        child.wait_with_output().unwrap()
    }

    fn run(&self, args: &[&str], stdin: Option<&str>) -> Output {
        self.run_with(self.command(args), stdin)
    }

    /// `mail add NAME` over plain loopback to the test server.
    fn add_plain(&self, name: &str, user: &str, password: &str) -> Output {
        let port = Dovecot::shared().plain_port().to_string();
        self.run(
            &[
                "--json",
                "mail",
                "add",
                name,
                "--host",
                Dovecot::shared().host(),
                "--port",
                &port,
                "--security",
                "none",
                "--user",
                user,
            ],
            Some(&format!("{password}\n")),
        )
    }

    fn accounts(&self) -> Value {
        json_ok(&self.run(&["--json", "mail", "list"], None))
    }

    fn sync(&self, args: &[&str]) -> (Output, Value) {
        let mut all = vec!["--json", "mail", "sync"];
        all.extend_from_slice(args);
        let out = self.run(&all, None);
        let v = serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
            panic!(
                "mail sync prints a JSON array on stdout ({e}); stderr: {}",
                String::from_utf8_lossy(&out.stderr)
            )
        });
        (out, v)
    }
}

/// A server user with every fixture in INBOX; returns the malformed one's UID.
fn seeded_user(user: &str, password: &str) -> u32 {
    let server = Dovecot::shared();
    server.add_user(user, password).unwrap();
    let mut malformed = None;
    for (name, raw) in fixtures::seed_messages() {
        let uid = server.append(user, password, "INBOX", &raw, &[]).unwrap();
        if name == fixtures::MALFORMED {
            malformed = Some(uid);
        }
    }
    malformed.expect("the fixtures hold a malformed message")
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

fn one_folder(reports: &Value) -> &Value {
    let list = reports.as_array().expect("an array");
    assert_eq!(list.len(), 1, "one account with one folder: {reports}");
    &list[0]
}

#[test]
fn a_refused_password_is_never_kept() {
    let cli = Cli::new();
    Dovecot::shared()
        .add_user("cli-refused", "right-pass")
        .unwrap();
    let err = json_err(&cli.add_plain("refused", "cli-refused", "wrong-pass"), 1);
    assert_eq!(
        err["code"], "authentication",
        "a refused login is an authentication error: {err}"
    );
    assert_eq!(
        cli.accounts(),
        serde_json::json!([]),
        "no account is stored for a password that does not work"
    );
    assert_eq!(
        Keychain::shared().lookup("mail:refused"),
        None,
        "nor is the password kept in the keychain"
    );
}

#[test]
fn plain_loopback_sync_imports_every_fixture_once_and_then_only_new_mail() {
    let cli = Cli::new();
    let malformed_uid = seeded_user("cli-plain", "plain-pass");
    let fixture_count = fixtures::seed_messages().len();

    let added = json_ok(&cli.add_plain("Plain", "cli-plain", "plain-pass"));
    assert_eq!(added["name"], "plain", "names are lowercased: {added}");
    assert_eq!(added["security"], "none");
    assert_eq!(
        added["folders"],
        serde_json::json!(["INBOX"]),
        "the default folder"
    );
    let list = cli.accounts();
    assert_eq!(
        list.as_array().map(Vec::len),
        Some(1),
        "one account: {list}"
    );
    for key in [
        "name",
        "host",
        "port",
        "security",
        "user",
        "folders",
        "since",
        "enabled",
        "lastSyncAt",
        "status",
        "error",
    ] {
        assert!(
            list[0].get(key).is_some(),
            "`mail list --json` has {key}: {list}"
        );
    }
    assert_eq!(list[0]["status"], "new", "never synced yet");

    let folders = json_ok(&cli.run(&["--json", "mail", "test", "plain"], None));
    assert!(
        folders
            .as_array()
            .unwrap()
            .iter()
            .any(|f| f["name"] == "INBOX"),
        "`mail test` logs in with the stored password and lists the folders: {folders}"
    );

    let (out, reports) = cli.sync(&["plain", "--no-analyse"]);
    assert!(
        out.status.success(),
        "a malformed message is no failure: {}",
        stderr(&out)
    );
    let r = one_folder(&reports);
    assert_eq!(r["account"], "plain");
    assert_eq!(r["folder"], "INBOX");
    assert_eq!(r["fetched"], fixture_count, "every message is fetched: {r}");
    assert_eq!(
        r["imported"],
        fixture_count - 1,
        "all but the malformed one are imported: {r}"
    );
    assert_eq!(r["duplicates"], 0, "{r}");
    assert_eq!(r["malformed"], 1, "{r}");
    assert_eq!(
        r["malformedMessages"][0]["uid"], malformed_uid,
        "the malformed message is named by its UID: {r}"
    );
    assert_eq!(
        (r["analysed"].as_u64(), r["skipped"].as_u64()),
        (Some(0), Some(0)),
        "--no-analyse: {r}"
    );
    assert!(r["uidValidity"].as_u64().is_some(), "{r}");
    assert_eq!(
        r["lastUid"], fixture_count,
        "the watermark is the last UID: {r}"
    );
    assert_eq!(r["error"], Value::Null, "{r}");
    let emails = json_ok(&cli.run(&["--json", "emails", "list"], None));
    assert_eq!(
        emails.as_array().map(Vec::len),
        Some(fixture_count - 1),
        "the mail is in the store"
    );

    let (out, reports) = cli.sync(&["plain", "--no-analyse"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let r = one_folder(&reports);
    assert_eq!(
        (r["fetched"].as_u64(), r["imported"].as_u64()),
        (Some(0), Some(0)),
        "a second sync fetches nothing: {r}"
    );

    let raw = fixtures::by_name(fixtures::GREENHOUSE_INTERVIEW).unwrap();
    let raw = String::from_utf8(raw)
        .unwrap()
        .replace("Message-ID: <", "Message-ID: <again-");
    let uid = Dovecot::shared()
        .append("cli-plain", "plain-pass", "INBOX", raw.as_bytes(), &[])
        .unwrap();
    let out = cli.run(&["mail", "sync", "--no-analyse"], None);
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(
        text.trim(),
        "plain/INBOX: 1 new, 0 already there",
        "new mail is picked up, one line per folder (UID {uid})"
    );

    let list = cli.run(&["mail", "list"], None);
    let text = String::from_utf8_lossy(&list.stdout);
    assert!(
        text.contains("plain") && text.contains("ok") && text.contains("last sync just now"),
        "the text list shows status and last sync: {text}"
    );

    let off = json_ok(&cli.run(&["--json", "mail", "disable", "plain"], None));
    assert_eq!(off["enabled"], false);
    let (out, reports) = cli.sync(&[]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(
        reports,
        serde_json::json!([]),
        "a disabled account is left out"
    );
    let on = json_ok(&cli.run(&["--json", "mail", "enable", "plain"], None));
    assert_eq!(on["enabled"], true);
    let (_, reports) = cli.sync(&["--no-analyse"]);
    assert_eq!(
        one_folder(&reports)["imported"],
        0,
        "enabled again: {reports}"
    );
}

#[test]
fn new_job_mail_is_analysed_and_newsletters_cost_nothing() {
    let cli = Cli::new();
    seeded_user("cli-analyse", "analyse-pass");
    json_ok(&cli.add_plain("analyse", "cli-analyse", "analyse-pass"));
    let (out, reports) = cli.sync(&["analyse"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let r = one_folder(&reports);
    let (analysed, skipped, imported) = (
        r["analysed"].as_u64().unwrap(),
        r["skipped"].as_u64().unwrap(),
        r["imported"].as_u64().unwrap(),
    );
    assert_eq!(
        analysed + skipped,
        imported,
        "every new message is analysed or skipped by the pre-filter: {r}"
    );
    assert!(skipped >= 1, "the newsletter needs no model call: {r}");
    assert!(analysed >= 1, "the interview invite is analysed: {r}");
}

#[test]
fn tls_is_checked_against_the_trusted_roots_and_ssl_cert_file() {
    let cli = Cli::new();
    let server = Dovecot::shared();
    server.add_user("cli-tls", "tls-pass").unwrap();
    server
        .append(
            "cli-tls",
            "tls-pass",
            "INBOX",
            &fixtures::by_name(fixtures::GREENHOUSE_INTERVIEW).unwrap(),
            &[],
        )
        .unwrap();
    let port = server.tls_port().to_string();
    let args = [
        "--json",
        "mail",
        "add",
        "tls",
        "--host",
        "localhost",
        "--port",
        &port,
        "--security",
        "tls",
        "--user",
        "cli-tls",
    ];
    let err = json_err(&cli.run(&args, Some("tls-pass")), 1);
    assert!(
        err["message"]
            .as_str()
            .unwrap_or("")
            .to_lowercase()
            .contains("certificate"),
        "a certificate from an unknown CA is never accepted: {err}"
    );
    assert_eq!(err["code"], "tls", "{err}");
    assert_eq!(cli.accounts(), serde_json::json!([]), "nothing is stored");

    let mut c = cli.command(&args);
    c.env("SSL_CERT_FILE", server.ca_pem_path());
    let added = json_ok(&cli.run_with(c, Some("tls-pass")));
    assert_eq!(
        (added["security"].as_str(), added["port"].as_u64()),
        (Some("tls"), Some(u64::from(server.tls_port())))
    );

    let mut c = cli.command(&["--json", "mail", "sync", "tls", "--no-analyse"]);
    c.env("SSL_CERT_FILE", server.ca_pem_path());
    let out = cli.run_with(c, None);
    assert!(out.status.success(), "{}", stderr(&out));
    let reports: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(
        one_folder(&reports)["imported"],
        1,
        "synced over TLS: {reports}"
    );

    // STARTTLS on the plain port: the same certificate check after the upgrade.
    let plain = server.plain_port().to_string();
    let args = [
        "--json",
        "mail",
        "add",
        "starttls",
        "--host",
        "localhost",
        "--port",
        &plain,
        "--security",
        "starttls",
        "--user",
        "cli-tls",
    ];
    let err = json_err(&cli.run(&args, Some("tls-pass")), 1);
    assert_eq!(
        err["code"], "tls",
        "STARTTLS checks the certificate too: {err}"
    );
    let mut c = cli.command(&args);
    c.env("SSL_CERT_FILE", server.ca_pem_path());
    let added = json_ok(&cli.run_with(c, Some("tls-pass")));
    assert_eq!(added["security"], "starttls", "{added}");
}

#[test]
fn bad_input_exits_2_and_unknown_accounts_exit_3() {
    let cli = Cli::new();
    let err = json_err(
        &cli.run(
            &[
                "--json",
                "mail",
                "add",
                "remote",
                "--host",
                "imap.example.com",
                "--security",
                "none",
                "--user",
                "me",
            ],
            Some("pw"),
        ),
        2,
    );
    assert_eq!(
        err["field"], "security",
        "no password crosses a network in clear text: {err}"
    );
    let err = json_err(
        &cli.run(
            &[
                "--json",
                "mail",
                "add",
                "no spaces",
                "--host",
                "localhost",
                "--user",
                "me",
            ],
            Some("pw"),
        ),
        2,
    );
    assert_eq!(err["field"], "name", "{err}");
    let err = json_err(
        &cli.run(
            &[
                "--json",
                "mail",
                "add",
                "nopass",
                "--host",
                "localhost",
                "--user",
                "me",
            ],
            Some("\n"),
        ),
        2,
    );
    assert_eq!(
        err["field"], "password",
        "an empty password is bad input: {err}"
    );
    let err = json_err(
        &cli.run(
            &["--json", "mail", "settings", "--interval-minutes", "0"],
            None,
        ),
        2,
    );
    assert_eq!(err["field"], "intervalMinutes", "{err}");
    let settings = json_ok(&cli.run(
        &[
            "--json",
            "mail",
            "settings",
            "--interval-minutes",
            "15",
            "--auto-analyse",
            "false",
        ],
        None,
    ));
    assert_eq!(
        settings,
        serde_json::json!({ "intervalMinutes": 15, "autoAnalyse": false }),
        "settings are saved and shown"
    );
    for cmd in ["sync", "test", "remove", "password", "disable"] {
        let err = json_err(&cli.run(&["--json", "mail", cmd, "nosuch"], Some("pw")), 3);
        assert_eq!(
            err["code"], "not_found",
            "mail {cmd} of an unknown account: {err}"
        );
    }
    assert_eq!(cli.accounts(), serde_json::json!([]), "nothing was stored");
}

#[test]
fn remove_deletes_the_keychain_entry_and_keeps_the_mail() {
    let cli = Cli::new();
    seeded_user("cli-remove", "remove pass");
    json_ok(&cli.add_plain("removed", "cli-remove", "remove pass"));
    assert_eq!(
        Keychain::shared().lookup("mail:removed").as_deref(),
        Some("remove pass"),
        "the password is in the keychain under mail:NAME, without the newline"
    );
    let (out, _) = cli.sync(&["removed", "--no-analyse"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let imported = json_ok(&cli.run(&["--json", "emails", "list"], None));

    let out = cli.run(&["mail", "remove", "removed"], None);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(cli.accounts(), serde_json::json!([]), "the account is gone");
    assert_eq!(
        Keychain::shared().lookup("mail:removed"),
        None,
        "and its password with it"
    );
    assert_eq!(
        json_ok(&cli.run(&["--json", "emails", "list"], None)),
        imported,
        "the imported mail stays"
    );
}

#[test]
fn a_new_password_recovers_an_account_the_server_refused() {
    let cli = Cli::new();
    seeded_user("cli-recover", "old-pass");
    json_ok(&cli.add_plain("recover", "cli-recover", "old-pass"));
    // The app password stops working (revoked, or replaced on another machine).
    Keychain::shared().store("mail:recover", "revoked-pass");

    let (out, reports) = cli.sync(&["recover"]);
    assert_eq!(
        out.status.code(),
        Some(1),
        "a folder that did not sync fails the command: {}",
        stderr(&out)
    );
    let r = one_folder(&reports);
    assert_eq!(
        r["error"]["code"], "authentication",
        "the refused password is named in the report: {r}"
    );
    assert_eq!(cli.accounts()[0]["status"], "needs_password");
    let text = cli.run(&["mail", "sync", "recover"], None);
    assert_eq!(text.status.code(), Some(1));
    assert!(
        String::from_utf8_lossy(&text.stdout).starts_with("recover/INBOX: 0 new")
            && stderr(&text).contains("authentication"),
        "text: the folder line, then the error: {} / {}",
        String::from_utf8_lossy(&text.stdout),
        stderr(&text)
    );
    let (out, reports) = cli.sync(&[]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(
        reports,
        serde_json::json!([]),
        "an account waiting for a password is not tried again and again"
    );

    let err = json_err(
        &cli.run(
            &["--json", "mail", "password", "recover"],
            Some("still-wrong"),
        ),
        1,
    );
    assert_eq!(
        err["code"], "authentication",
        "a new password is checked first: {err}"
    );
    assert_eq!(
        cli.accounts()[0]["status"],
        "needs_password",
        "still stopped"
    );

    let saved = json_ok(&cli.run(
        &["--json", "mail", "password", "recover"],
        Some("old-pass\n"),
    ));
    assert_eq!(
        saved["status"], "new",
        "a working password clears the stop: {saved}"
    );
    assert_eq!(
        Keychain::shared().lookup("mail:recover").as_deref(),
        Some("old-pass"),
        "the working password replaced the refused one"
    );
    let (out, reports) = cli.sync(&["--no-analyse"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(
        one_folder(&reports)["imported"],
        fixtures::seed_messages().len() - 1,
        "it syncs again: {reports}"
    );
    assert_eq!(cli.accounts()[0]["status"], "ok");
}
