//! Mail accounts as typed: any draft is either stored exactly as checked or refused
//! with the field at fault, and the pre-filter reads any message without panicking.

use chrono::NaiveDate;
use jobtrail_core::agent::email_analyst::EmailInput;
use jobtrail_core::agent::triage::triage;
use jobtrail_core::mail::Error as MailError;
use jobtrail_core::mail::account::{self, AccountDraft, Security};
use proptest::prelude::*;
use proptest::test_runner::TestCaseError;

use super::{check, clear_error, hostile_string};
use crate::temp_store;

fn security() -> impl Strategy<Value = Option<Security>> {
    prop::option::of(prop::sample::select(vec![
        Security::Tls,
        Security::Starttls,
        Security::None,
    ]))
}

fn date_text() -> impl Strategy<Value = Option<String>> {
    prop::option::of(prop_oneof![
        hostile_string(),
        (1900i32..2200, 0u32..14, 0u32..33).prop_map(|(y, m, d)| format!("{y}-{m:02}-{d:02}")),
    ])
}

#[test]
fn any_account_draft_is_stored_as_checked_or_refused_with_its_field() {
    let (_dir, store, _clock) = temp_store();
    let store = std::cell::RefCell::new(store);
    let today = NaiveDate::from_ymd_opt(2026, 12, 6).expect("a date");
    let drafts = (
        prop_oneof![hostile_string(), "[a-zA-Z0-9_-]{1,34}"],
        prop_oneof![
            hostile_string(),
            Just("imap.example.com".to_owned()),
            Just("127.0.0.1".to_owned())
        ],
        prop::option::of(any::<u16>()),
        security(),
        prop_oneof![hostile_string(), "[a-z.@]{1,20}"],
        prop::collection::vec(hostile_string(), 0..4),
        date_text(),
    );
    check(
        256,
        drafts,
        |(name, host, port, security, user, folders, since)| {
            let draft = AccountDraft {
                name,
                host,
                port,
                security,
                user,
                folders,
                since,
                enabled: None,
            };
            match draft.validated(today) {
                Ok(c) => {
                    prop_assert!(!c.name.is_empty() && c.name.len() <= 32);
                    prop_assert!(c.port > 0);
                    prop_assert!(!c.folders.is_empty());
                    prop_assert!(c.since <= today);
                    prop_assert!(
                        c.security != Security::None || account::is_loopback(&c.host),
                        "clear text only to this machine: {c:?}"
                    );
                    let mut s = store.borrow_mut();
                    let _ = account::remove(&mut s, &c.name);
                    let stored = account::add(&mut s, &c)
                        .map_err(|e| TestCaseError::fail(format!("{c:?} not stored: {e}")))?;
                    prop_assert_eq!(&stored.host, &c.host);
                    prop_assert_eq!(&stored.folders, &c.folders);
                    prop_assert_eq!(stored.since, c.since.format("%Y-%m-%d").to_string());
                    Ok(())
                }
                Err(MailError::Invalid(e)) => clear_error(&e),
                Err(other) => Err(TestCaseError::fail(format!(
                    "expected a validation error, got {other:?}"
                ))),
            }
        },
    );
}

#[test]
fn the_pre_filter_reads_any_message() {
    let input = (
        hostile_string(),
        hostile_string(),
        hostile_string(),
        prop::collection::vec(hostile_string(), 0..3),
    );
    check(256, input, |(from, subject, body, companies)| {
        let t = triage(
            &EmailInput {
                from,
                subject,
                date: None,
                body,
            },
            &companies,
        );
        prop_assert!(!t.reason.is_empty(), "a verdict always says why");
        Ok(())
    });
}
