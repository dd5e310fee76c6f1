//! The MIME fixtures: Dovecot takes every one, and each has the shape it claims.

use jobtrail_imap_testserver::{Dovecot, fixtures};
use mail_parser::{MessageParser, MimeHeaders};

use crate::user;

#[test]
fn dovecot_accepts_every_fixture_the_malformed_one_included() {
    let server = Dovecot::shared();
    let (u, p) = user(server, "fixtures");
    let all = fixtures::seed_messages();
    for (name, raw) in &all {
        server
            .append(&u, &p, "INBOX", raw, &[])
            .unwrap_or_else(|e| panic!("{name} is stored: {e:#}"));
    }
    assert_eq!(server.count(&u, &p, "INBOX").unwrap() as usize, all.len());
}

/// `jobtrail_core::tracker::mail::parse`'s rules, restated on mail-parser: no headers
/// found, or no sender, subject or text.
fn rejected_by_core_rules(raw: &[u8]) -> Option<&'static str> {
    let Some(msg) = MessageParser::default().parse(raw) else {
        return Some("no headers found");
    };
    let from = msg.from().and_then(|a| a.first()).is_some();
    let subject = msg.subject().is_some_and(|s| !s.is_empty());
    let text = msg.body_text(0).is_some_and(|b| !b.trim().is_empty());
    (!from && !subject && !text).then_some("no sender, subject or text")
}

#[test]
fn only_the_malformed_fixture_is_rejected_and_for_having_no_headers() {
    for (name, raw) in fixtures::seed_messages() {
        let verdict = rejected_by_core_rules(&raw);
        if name == fixtures::MALFORMED {
            assert_eq!(
                verdict,
                Some("no headers found"),
                "{name} trips the header rule"
            );
        } else {
            assert_eq!(verdict, None, "{name} parses");
        }
    }
}

fn parsed(name: &str) -> mail_parser::Message<'static> {
    let raw = fixtures::by_name(name).unwrap();
    MessageParser::default().parse(&raw).unwrap().into_owned()
}

fn text(msg: &mail_parser::Message<'_>) -> String {
    msg.body_text(0).unwrap().into_owned()
}

#[test]
fn each_fixture_has_the_shape_it_claims() {
    let invite = parsed(fixtures::GREENHOUSE_INTERVIEW);
    let from = invite.from().unwrap().first().unwrap();
    assert_eq!(from.address(), Some("no-reply@greenhouse.io"));
    assert_eq!(
        invite.subject(),
        Some("Interview invitation: Backend Engineer at Globex")
    );
    assert!(text(&invite).contains("we would like to invite you to an interview"));

    let alt = parsed("multipart-alternative");
    assert_eq!(alt.html_body_count(), 1, "an HTML alternative exists");
    assert!(!text(&alt).contains("<p>"), "the text part is picked");

    let qp = parsed("quoted-printable");
    let body = text(&qp);
    assert!(
        body.contains("92.000 €") && body.contains("Jürgen Müller"),
        "{body}"
    );
    assert!(
        body.contains("Umbrella, starting"),
        "soft line breaks join: {body}"
    );

    assert!(text(&parsed("base64-body")).contains("has changed to: In Review"));

    let latin1 = parsed("latin1-encoded-words");
    assert_eq!(
        latin1.subject(),
        Some("Ihre Bewerbung bei Müller & Söhne: Einladung zum Gespräch")
    );
    assert_eq!(
        latin1.from().unwrap().first().unwrap().name(),
        Some("Jürgen Weiß")
    );
    assert!(text(&latin1).contains("Mit freundlichen Grüßen"));
    let raw = fixtures::by_name("latin1-encoded-words").unwrap();
    assert!(
        std::str::from_utf8(&raw).is_err(),
        "the raw body is not UTF-8"
    );

    let attachment = parsed("attachment");
    assert_eq!(attachment.attachment_count(), 1);
    assert_eq!(
        attachment.attachment(0).unwrap().attachment_name(),
        Some("assignment.pdf")
    );
    assert!(
        attachment
            .attachment(0)
            .unwrap()
            .contents()
            .starts_with(b"%PDF-1.4")
    );

    assert_eq!(parsed("no-message-id").message_id(), None);
    for name in [
        "plain-utf8",
        "application-received",
        "rejection",
        "newsletter",
    ] {
        assert!(
            parsed(name).message_id().is_some(),
            "{name} has a Message-ID"
        );
    }
    assert!(text(&parsed("rejection")).contains("move forward with other"));
    assert!(text(&parsed("application-received")).contains("received your application"));
    assert!(parsed("newsletter").header("List-Unsubscribe").is_some());
}
