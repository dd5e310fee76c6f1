//! Tests of `account`.

use super::*;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 12, 6).expect("a date")
}

fn draft() -> AccountDraft {
    AccountDraft {
        name: "Work".into(),
        host: "imap.example.com".into(),
        user: "me@example.com".into(),
        ..AccountDraft::default()
    }
}

#[test]
fn defaults_are_tls_993_inbox_and_ninety_days() {
    let c = draft().validated(today()).expect("valid");
    assert_eq!(c.name, "work", "names are lowercased");
    assert_eq!((c.security, c.port), (Security::Tls, 993));
    assert_eq!(c.folders, ["INBOX"]);
    assert_eq!(c.since.to_string(), "2026-09-07");
    let s = AccountDraft {
        security: Some(Security::Starttls),
        ..draft()
    };
    assert_eq!(s.validated(today()).expect("valid").port, 143);
}

#[test]
fn clear_text_only_reaches_this_machine() {
    let none = |host: &str| AccountDraft {
        host: host.into(),
        security: Some(Security::None),
        ..draft()
    };
    for remote in ["imap.example.com", "10.0.0.2", "::2"] {
        let e = none(remote).validated(today()).expect_err("refused");
        assert!(e.to_string().contains("security"), "{remote}: {e}");
    }
    for local in ["localhost", "127.0.0.1", "127.1.2.3", "::1", "[::1]"] {
        assert!(
            none(local).validated(today()).is_ok(),
            "{local} is this machine"
        );
    }
}

#[test]
fn bad_fields_name_the_field() {
    let cases: [(AccountDraft, &str); 8] = [
        (
            AccountDraft {
                name: "no spaces".into(),
                ..draft()
            },
            "name",
        ),
        (
            AccountDraft {
                name: "x".repeat(33),
                ..draft()
            },
            "name",
        ),
        (
            AccountDraft {
                host: "imap://x".into(),
                ..draft()
            },
            "host",
        ),
        (
            AccountDraft {
                host: "imap.gmail.com:993".into(),
                ..draft()
            },
            "host",
        ),
        (
            AccountDraft {
                port: Some(0),
                ..draft()
            },
            "port",
        ),
        (
            AccountDraft {
                user: " ".into(),
                ..draft()
            },
            "user",
        ),
        (
            AccountDraft {
                since: Some("2027-01-01".into()),
                ..draft()
            },
            "since",
        ),
        (
            AccountDraft {
                folders: vec!["a\u{7}".into()],
                ..draft()
            },
            "folders",
        ),
    ];
    for (d, field) in cases {
        let e = d.validated(today()).expect_err("invalid");
        assert!(
            matches!(&e, Error::Invalid(crate::Error::Invalid { field: f, .. }) if *f == field),
            "{field}: {e}"
        );
    }
}

#[test]
fn folders_keep_their_order_once_and_gmail_names_pass() {
    let d = AccountDraft {
        folders: vec![
            "inbox".into(),
            "[Gmail]/All Mail".into(),
            " INBOX ".into(),
            "".into(),
        ],
        ..draft()
    };
    assert_eq!(
        d.validated(today()).expect("valid").folders,
        ["INBOX", "[Gmail]/All Mail"]
    );
}
