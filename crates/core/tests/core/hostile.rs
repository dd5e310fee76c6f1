//! Hostile and broken input, as property tests: whatever comes in, the core answers
//! with a clear error (an `Err` whose message names the problem, or a documented
//! fallback such as the built-in engine), never panics, and loses no data.
//!
//! Covered:
//! - email: [`mail::parse`] on arbitrary bytes, on mutated valid messages, on hostile
//!   MIME (broken boundaries, bad charsets, base64 garbage, huge lines, deep nesting)
//!   and on out-of-range dates; [`import::import_files`] on generated `.mbox`/`.eml`
//!   files mixing well-formed and broken messages (every well-formed one is stored
//!   whole, broken ones are reported by position, a second import adds nothing) and on
//!   garbage files;
//! - settings: every setter with NaN, infinities, negative and huge numbers, empty,
//!   unicode, SQL and HTML strings (an `Ok` reads back as saved, an `Err` is a
//!   validation error that leaves the stored value unchanged); garbage in the settings
//!   table reads as valid settings; the environment-derived settings, in a child
//!   process per case (the workspace forbids `unsafe`, so this process cannot
//!   `set_var`);
//! - the price table: `prices::set` with hostile drafts, and `ModelPrice::cost` /
//!   `TokenUsage` on any token counts up to `u64::MAX`;
//! - model output: agents run against the real test server with invalid JSON, JSON of
//!   the wrong schema, out-of-range numbers, 1 MB strings and tool calls to unknown
//!   tools or with bad arguments; every run is recorded and classified, and the store
//!   stays usable.
//!
//! Case counts are fixed and modest (16 to 256 per property: fewest where each case is
//! an HTTP round trip or a child process, since those cost milliseconds, not
//! microseconds), so the module runs in a few seconds in a debug build on a 2-core
//! machine; `PROPTEST_CASES` does not change them. Nothing is written to the source
//! tree (`failure_persistence: None`): a failure prints its smallest input, and
//! `PROPTEST_RNG_SEED=<n>` makes a run reproducible.

use std::cell::RefCell;
use std::path::Path;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Mutex, MutexGuard, PoisonError};

use jobtrail_core::agent::email_analyst::{EmailAnalyst, EmailInput};
use jobtrail_core::agent::execution::LlmCallRecord;
use jobtrail_core::agent::job_match::{JobMatch, JobMatchInput, JobMatchResult};
use jobtrail_core::agent::llm::TokenUsage;
use jobtrail_core::agent::{Agent, AgentRun, Engine, Outcome, RunSettings};
use jobtrail_core::cost::Money;
use jobtrail_core::cost::budget::{self, Budgets};
use jobtrail_core::cost::prices::{self, ModelPrice, PriceDraft};
use jobtrail_core::monitor::alerts::AlertThresholds;
use jobtrail_core::settings::{
    self, AgentConfigDraft, FailsafeConfig, MonitoringConfig, NotificationSettings,
    ProviderSettings,
};
use jobtrail_core::tracker::profile::Profile;
use jobtrail_core::tracker::{import, mail};
use jobtrail_core::{Error, Store};
use jobtrail_llm_testserver::{Reply, TestServer, Usage};
use proptest::prelude::*;
use proptest::test_runner::{Config as ProptestConfig, TestCaseError, TestRunner};
use serde_json::{Value, json};

use crate::{temp_store, test_runtime};

// ---------------------------------------------------------------------------------
// Harness

/// `cases` cases, nothing written to the source tree, bounded shrinking.
fn config(cases: u32) -> ProptestConfig {
    ProptestConfig {
        cases,
        failure_persistence: None,
        max_shrink_iters: 512,
        ..ProptestConfig::default()
    }
}

/// Runs `test` on `cases` values of `strategy`; a failure (or panic) fails the test
/// with the smallest input found.
fn check<S: Strategy>(
    cases: u32,
    strategy: S,
    test: impl Fn(S::Value) -> Result<(), TestCaseError>,
) {
    let mut runner = TestRunner::new(config(cases));
    if let Err(e) = runner.run(&strategy, test) {
        panic!("{e}");
    }
}

/// A unique token per generated message or value, so shared stores never collide.
fn token() -> String {
    static NEXT: AtomicUsize = AtomicUsize::new(0);
    format!("tk{}x", NEXT.fetch_add(1, Ordering::Relaxed))
}

fn lock(store: &Mutex<Store>) -> MutexGuard<'_, Store> {
    store.lock().unwrap_or_else(PoisonError::into_inner)
}

/// An integer query with no parameters (NULL reads as 0).
fn int(store: &Store, sql: &str) -> i64 {
    store
        .conn()
        .query_row(sql, [], |r| r.get::<_, Option<i64>>(0))
        .unwrap()
        .unwrap_or(0)
}

/// An integer query with one parameter, `?1` (NULL reads as 0).
fn int1(store: &Store, sql: &str, p: i64) -> i64 {
    store
        .conn()
        .query_row(sql, [p], |r| r.get::<_, Option<i64>>(0))
        .unwrap()
        .unwrap_or(0)
}

/// A validation error a person can act on: `Invalid`, naming a field and a reason.
fn clear_error(e: &Error) -> Result<(), TestCaseError> {
    match e {
        Error::Invalid { field, reason } => {
            prop_assert!(!field.is_empty() && !reason.trim().is_empty(), "{e:?}");
            prop_assert!(!e.sentence().trim().is_empty());
            Ok(())
        }
        other => Err(TestCaseError::fail(format!(
            "expected a validation error, got {other:?} ({other})"
        ))),
    }
}

const SQL: &str = "'); DROP TABLE executions;--";
const SQL_NO_SPACE: &str = "');DROP/**/TABLE/**/executions;--";
const HTML: &str = "<script>alert(1)</script>";

/// Strings people and attackers type: arbitrary unicode (control characters too),
/// empty, blank, SQL and HTML payloads, right-to-left overrides, long runs.
fn hostile_string() -> BoxedStrategy<String> {
    prop_oneof![
        4 => any::<String>(),
        2 => "\\PC{0,16}",
        1 => Just(String::new()),
        1 => "[ \t\r\n]{1,4}",
        1 => prop::sample::select(vec![
            SQL, SQL_NO_SPACE, HTML, "gpt-4o", "🦀", "\u{202e}evil", "a\u{0}b", "\u{1b}[31mred",
        ])
            .prop_map(str::to_owned),
        1 => (
            any::<String>(),
            prop::sample::select(vec![SQL, HTML, "\u{0}", "\u{feff}", "Ω≈ç√"]),
        )
            .prop_map(|(a, b)| format!("{a}{b}")),
        1 => (1usize..3000, prop::sample::select(vec!["é", "a", "𝕏", " "]))
            .prop_map(|(n, c)| c.repeat(n)),
    ]
    .boxed()
}

/// Numbers a form or a hand-edited file can hold: NaN, infinities, signed zeros,
/// extremes, and values around the valid ranges.
fn hostile_f64() -> BoxedStrategy<f64> {
    prop_oneof![
        2 => any::<f64>(),
        2 => prop::sample::select(vec![
            f64::NAN, f64::INFINITY, f64::NEG_INFINITY, -0.0, 0.0, -1.0, 1.0, 2.0, 7.0, -3.0,
            2.000_000_000_1, 1e308, -1e308, f64::MIN_POSITIVE, f64::EPSILON, 10.0, 10.5, 100.0,
            86_400.0, 9_600.0,
        ]),
        3 => -10.0..300.0f64,
    ]
    .boxed()
}

fn hostile_i64() -> BoxedStrategy<i64> {
    prop_oneof![
        any::<i64>(),
        prop::sample::select(vec![
            i64::MIN,
            -1,
            0,
            1,
            2,
            100,
            101,
            200_000,
            200_001,
            87_840,
            87_841,
            i64::MAX
        ]),
        -10i64..300_000,
    ]
    .boxed()
}

/// Amounts: any nano-dollar value (negative, sub-micro, past every limit) and
/// ordinary ones.
fn hostile_money() -> BoxedStrategy<Money> {
    prop_oneof![
        2 => any::<i64>().prop_map(Money::from_nanos),
        2 => (-1_000i64..2_000_000_000_000).prop_map(Money::from_micros),
        1 => (1i64..1_000_000).prop_map(Money::from_nanos),
        1 => prop::sample::select(vec![
            Money::ZERO, Money::from_nanos(-1), Money::from_nanos(1), Money::from_nanos(999),
            Money::from_micros(1), Money::from_micros(10_000_000_000),
            Money::from_micros(10_000_000_001), Money::from_micros(1_000_000_000_000),
            Money::from_micros(1_000_000_000_001), Money::from_nanos(i64::MAX),
            Money::from_nanos(i64::MIN), Money::from_micros(-1), Money::from_micros(-2_500_000),
        ]),
    ]
    .boxed()
}

/// Any JSON value, nested a few levels, with hostile strings and extreme numbers.
fn hostile_json() -> BoxedStrategy<Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<u64>().prop_map(Value::from),
        hostile_f64()
            .prop_map(|f| serde_json::Number::from_f64(f).map_or(Value::Null, Value::Number)),
        hostile_string().prop_map(Value::String),
    ];
    leaf.prop_recursive(3, 24, 4, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(Value::Array),
            prop::collection::btree_map(
                prop_oneof![hostile_string(), "[a-z_]{1,12}".boxed()],
                inner,
                0..4
            )
            .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
    .boxed()
}

// ---------------------------------------------------------------------------------
// 1. Email: the parser and the importer

/// How a well-formed message's body is encoded.
#[derive(Debug, Clone, Copy)]
enum Body {
    Plain,
    Base64,
    QuotedPrintable,
    Latin1,
    Multipart,
    Html,
}

/// A well-formed message with hostile but legal content.
#[derive(Debug, Clone)]
struct GoodMail {
    with_message_id: bool,
    name: String,
    subject: String,
    encoded_subject: bool,
    lines: Vec<String>,
    body: Body,
}

/// A well-formed message as written, with what must come out of it.
struct Rendered {
    raw: Vec<u8>,
    message_id: Option<String>,
    address: String,
    subject: String,
    /// Text the parsed body must contain (newlines as `\n`).
    body: String,
}

fn good_mail() -> impl Strategy<Value = GoodMail> {
    let word = "[\\p{L}\\p{N}\\p{S}\\p{P}]{1,10}";
    let latin1_line = "[a-zA-Z0-9 àéîõüßÆ¿]{0,40}";
    let any_line = "\\PC{0,60}";
    (
        any::<bool>(),
        "[\\p{L}\\p{N} .'-]{0,20}",
        prop::collection::vec(word, 0..5),
        any::<bool>(),
        prop_oneof![
            Just(Body::Plain),
            Just(Body::Base64),
            Just(Body::QuotedPrintable),
            Just(Body::Latin1),
            Just(Body::Multipart),
            Just(Body::Html),
        ],
        prop::collection::vec(any_line, 0..6),
        prop::collection::vec(latin1_line, 0..6),
    )
        .prop_map(
            |(mid, name, words, encoded, body, lines, latin1)| GoodMail {
                with_message_id: mid,
                name: name.replace(['"', '\\'], ""),
                // "=?" would start an encoded word.
                subject: words.join(" ").replace("=?", "="),
                encoded_subject: encoded,
                lines: if matches!(body, Body::Latin1) {
                    latin1
                } else {
                    lines
                },
                body,
            },
        )
}

fn base64(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::new();
    for chunk in bytes.chunks(3) {
        let b = [
            chunk[0],
            *chunk.get(1).unwrap_or(&0),
            *chunk.get(2).unwrap_or(&0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(char::from(ALPHABET[(n >> (18 - 6 * i)) as usize & 63]));
            } else {
                out.push('=');
            }
        }
    }
    out
}

fn wrap(s: &str, width: usize, nl: &str) -> String {
    s.as_bytes()
        .chunks(width)
        .map(|c| String::from_utf8_lossy(c).into_owned())
        .collect::<Vec<_>>()
        .join(nl)
}

fn quoted_printable(text: &str, nl: &str) -> String {
    let mut out = String::new();
    for (i, line) in text.split('\n').enumerate() {
        if i > 0 {
            out.push_str(nl);
        }
        let bytes = line.as_bytes();
        let mut col = 0;
        for (j, &b) in bytes.iter().enumerate() {
            let last = j + 1 == bytes.len();
            let piece = if (b == b' ' && !last) || ((33..=126).contains(&b) && b != b'=') {
                char::from(b).to_string()
            } else {
                format!("={b:02X}")
            };
            if col + piece.len() > 72 {
                out.push('=');
                out.push_str(nl);
                col = 0;
            }
            col += piece.len();
            out.push_str(&piece);
        }
    }
    out
}

fn html_escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

impl GoodMail {
    fn render(&self, nl: &str) -> Rendered {
        let tok = token();
        let address = format!("{tok}@hostile.test");
        let subject = if self.subject.is_empty() {
            tok.clone()
        } else {
            format!("{tok} {}", self.subject)
        };
        let message_id = self
            .with_message_id
            .then(|| format!("{tok}.id@hostile.test"));
        let text = std::iter::once(tok.clone())
            .chain(self.lines.iter().cloned())
            .collect::<Vec<_>>()
            .join("\n");
        let mut head = format!(
            "From: \"{}\" <{address}>{nl}To: me@example.org{nl}",
            self.name
        );
        if self.encoded_subject {
            head += &format!("Subject: =?UTF-8?B?{}?={nl}", base64(subject.as_bytes()));
        } else {
            head += &format!("Subject: {subject}{nl}");
        }
        head += &format!("Date: Tue, 24 Nov 2026 09:00:00 +0000{nl}MIME-Version: 1.0{nl}");
        if let Some(mid) = &message_id {
            head += &format!("Message-ID: <{mid}>{nl}");
        }
        let crlf_text = text.replace('\n', nl);
        let (content, body, expected): (String, Vec<u8>, String) = match self.body {
            Body::Plain => (
                "Content-Type: text/plain; charset=utf-8".into(),
                format!("Content-Transfer-Encoding: 8bit{nl}{nl}{crlf_text}{nl}").into_bytes(),
                text.clone(),
            ),
            Body::Base64 => (
                "Content-Type: text/plain; charset=utf-8".into(),
                format!(
                    "Content-Transfer-Encoding: base64{nl}{nl}{}{nl}",
                    wrap(&base64(text.as_bytes()), 76, nl)
                )
                .into_bytes(),
                text.clone(),
            ),
            Body::QuotedPrintable => (
                "Content-Type: text/plain; charset=utf-8".into(),
                format!(
                    "Content-Transfer-Encoding: quoted-printable{nl}{nl}{}{nl}",
                    quoted_printable(&text, nl)
                )
                .into_bytes(),
                text.clone(),
            ),
            Body::Latin1 => {
                let mut b = format!("Content-Transfer-Encoding: 8bit{nl}{nl}").into_bytes();
                b.extend(
                    crlf_text
                        .chars()
                        .map(|c| u8::try_from(u32::from(c)).unwrap_or(b'?')),
                );
                b.extend(nl.as_bytes());
                (
                    "Content-Type: text/plain; charset=iso-8859-1".into(),
                    b,
                    text.clone(),
                )
            }
            Body::Multipart => {
                let boundary = format!("=_b{tok}_");
                let html = format!("<p>{}</p>", html_escape(&tok));
                (
                    format!("Content-Type: multipart/alternative; boundary=\"{boundary}\""),
                    format!(
                        "{nl}This is a multi-part message.{nl}--{boundary}{nl}\
                         Content-Type: text/plain; charset=utf-8{nl}{nl}{crlf_text}{nl}\
                         --{boundary}{nl}Content-Type: text/html; charset=utf-8{nl}{nl}{html}{nl}\
                         --{boundary}--{nl}"
                    )
                    .into_bytes(),
                    text.clone(),
                )
            }
            Body::Html => (
                "Content-Type: text/html; charset=utf-8".into(),
                format!(
                    "{nl}<html><body><p>{}</p><p>{}</p></body></html>{nl}",
                    tok,
                    html_escape(&self.lines.join(" ")),
                )
                .into_bytes(),
                // HTML is reduced to text: only the token is sure to come out as is.
                tok.clone(),
            ),
        };
        let mut raw = format!("{head}{content}{nl}").into_bytes();
        raw.extend(body);
        Rendered {
            raw,
            message_id,
            address,
            subject,
            body: expected,
        }
    }
}

/// The parsed message holds what was written.
fn holds(parsed: &mail::ParsedMail, r: &Rendered) -> Result<(), TestCaseError> {
    prop_assert_eq!(&parsed.subject, &r.subject);
    prop_assert!(
        parsed.from.contains(&r.address),
        "{:?} lost {}",
        parsed.from,
        r.address
    );
    prop_assert_eq!(&parsed.message_id, &r.message_id);
    let date = parsed
        .date
        .as_deref()
        .and_then(|d| chrono::DateTime::parse_from_rfc3339(d).ok());
    prop_assert_eq!(
        date.map(|d| d.timestamp()),
        Some(1_795_510_800),
        "{:?}",
        parsed.date
    );
    let body = parsed.body.replace("\r\n", "\n");
    prop_assert!(
        body.contains(&r.body),
        "the body lost text:\n  expected {:?}\n  got      {:?}",
        r.body,
        body
    );
    Ok(())
}

/// What `parse` may answer: a message with something in it, or a clear `email` error.
fn parse_is_sound(raw: &[u8]) -> Result<(), TestCaseError> {
    match mail::parse(raw) {
        Ok(m) => {
            prop_assert!(
                !(m.from.is_empty() && m.subject.is_empty() && m.body.trim().is_empty()),
                "an empty message was accepted: {m:?}"
            );
            if let Some(d) = &m.date {
                prop_assert!(
                    chrono::DateTime::parse_from_rfc3339(d).is_ok(),
                    "date {d:?}"
                );
            }
        }
        Err(e) => {
            clear_error(&e)?;
            prop_assert!(e.to_string().starts_with("email: "), "{e}");
        }
    }
    Ok(())
}

#[test]
fn parse_never_panics_on_arbitrary_bytes() {
    check(256, prop::collection::vec(any::<u8>(), 0..2048), |raw| {
        parse_is_sound(&raw)
    });
    // Text that looks like headers, with control characters, NULs and long values.
    let header = (
        prop_oneof![
            prop::sample::select(vec![
                "From",
                "To",
                "Subject",
                "Date",
                "Message-ID",
                "Content-Type",
                "Content-Transfer-Encoding",
                "MIME-Version",
                "Received",
                "Reply-To",
            ])
            .prop_map(str::to_owned),
            hostile_string(),
        ],
        hostile_string(),
    );
    let message = (
        prop::collection::vec(header, 0..8),
        prop::sample::select(vec!["\r\n", "\n", "\r", ""]),
        hostile_string(),
    );
    check(256, message, |(headers, nl, body)| {
        let mut raw = String::new();
        for (name, value) in &headers {
            raw += &format!("{name}: {value}{nl}");
        }
        raw += nl;
        raw += &body;
        parse_is_sound(raw.as_bytes())
    });
}

#[test]
fn well_formed_messages_with_hostile_content_parse_without_loss() {
    check(
        192,
        (good_mail(), prop::sample::select(vec!["\r\n", "\n"])),
        |(m, nl)| {
            let r = m.render(nl);
            let parsed = mail::parse(&r.raw).map_err(|e| TestCaseError::fail(format!("{e}")))?;
            holds(&parsed, &r)
        },
    );
}

/// A `Date` header with fields out of range (day 0, month 13, hour 25, a bogus zone)
/// gives no date rather than an invalid one.
#[test]
fn out_of_range_dates_are_dropped_not_stored_invalid() {
    let date = (
        prop::sample::select(vec!["Mon, ", "", "Xyz, "]),
        0u32..40,
        prop::sample::select(vec!["Jan", "Feb", "Apr", "Jun", "Dec", "Foo", "13"]),
        prop::sample::select(vec![0u32, 99, 1969, 2024, 2026, 9999, 65_535, 100_000]),
        0u32..30,
        0u32..70,
        0u32..70,
        prop::sample::select(vec!["+0000", "-1200", "+9999", "GMT", "XYZ", "+2460", ""]),
    );
    check(128, date, |(dow, d, mon, y, h, m, sec, zone)| {
        let raw = format!(
            "From: a@b.example\r\nSubject: s\r\nDate: {dow}{d} {mon} {y} {h:02}:{m:02}:{sec:02} {zone}\r\n\r\nbody\r\n"
        );
        let parsed = mail::parse(raw.as_bytes()).map_err(|e| TestCaseError::fail(e.to_string()))?;
        if let Some(date) = &parsed.date {
            prop_assert!(
                chrono::DateTime::parse_from_rfc3339(date).is_ok(),
                "an invalid date was kept: {date:?}"
            );
        }
        Ok(())
    });
}

/// What to do to a valid message's bytes.
#[derive(Debug, Clone)]
enum Mutation {
    Insert(usize, Vec<u8>),
    Delete(usize, usize),
    Truncate(usize),
    Flip(usize, u8),
    HugeLine(usize, usize),
}

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        3 => (any::<usize>(), prop::collection::vec(any::<u8>(), 1..32))
            .prop_map(|(i, b)| Mutation::Insert(i, b)),
        2 => (
            any::<usize>(),
            prop::sample::select(vec![
                b"\r".to_vec(), b"\n".to_vec(), b"\0".to_vec(), b"\r\n\r\n".to_vec(),
                b"\xff\xfe".to_vec(), b"=?".to_vec(), b"--".to_vec(),
            ]),
        )
            .prop_map(|(i, b)| Mutation::Insert(i, b)),
        2 => (any::<usize>(), 1usize..64).prop_map(|(i, n)| Mutation::Delete(i, n)),
        1 => any::<usize>().prop_map(Mutation::Truncate),
        2 => (any::<usize>(), any::<u8>()).prop_map(|(i, b)| Mutation::Flip(i, b)),
        1 => (any::<usize>(), prop::sample::select(vec![1_000usize, 100_000, 1_000_000]))
            .prop_map(|(i, n)| Mutation::HugeLine(i, n)),
    ]
}

fn mutate(raw: &mut Vec<u8>, m: &Mutation) {
    let at = |i: usize, raw: &Vec<u8>| {
        if raw.is_empty() {
            0
        } else {
            i % (raw.len() + 1)
        }
    };
    match m {
        Mutation::Insert(i, b) => {
            let i = at(*i, raw);
            raw.splice(i..i, b.iter().copied());
        }
        Mutation::Delete(i, n) => {
            let i = at(*i, raw);
            let end = (i + n).min(raw.len());
            raw.drain(i..end);
        }
        Mutation::Truncate(i) => {
            let i = at(*i, raw);
            raw.truncate(i);
        }
        Mutation::Flip(i, b) => {
            if !raw.is_empty() {
                let i = i % raw.len();
                raw[i] = *b;
            }
        }
        Mutation::HugeLine(i, n) => {
            let i = at(*i, raw);
            raw.splice(i..i, std::iter::repeat_n(b'A', *n));
        }
    }
}

#[test]
fn mutated_valid_messages_parse_or_fail_clearly() {
    check(
        128,
        (good_mail(), prop::collection::vec(mutation(), 1..6)),
        |(m, mutations)| {
            let mut raw = m.render("\r\n").raw;
            for mu in &mutations {
                mutate(&mut raw, mu);
            }
            parse_is_sound(&raw)
        },
    );
}

/// Hostile MIME: boundaries that never come or never close, empty boundaries, deep
/// nesting, unknown charsets, base64 garbage, unknown encodings, bad encoded words.
#[test]
fn hostile_mime_structures_parse_or_fail_clearly() {
    let parts = (
        prop::sample::select(vec![
            "\"b1\"",
            "\"\"",
            "b1",
            "\"b2\"",
            "\"b1\"; boundary=\"b2\"",
            "\"\u{0}\"",
        ]),
        prop::sample::select(vec![
            "utf-8",
            "x-bogus",
            "\"\"",
            "iso-8859-1",
            "utf-16",
            "utf-7",
            "\u{1}\u{2}",
            "gb18030",
        ]),
        prop::sample::select(vec![
            "base64",
            "quoted-printable",
            "7bit",
            "x-uuencode",
            "bogus",
            "binary",
        ]),
        prop::collection::vec(any::<u8>(), 0..256),
        0usize..300,
        any::<bool>(),
        prop::sample::select(vec![
            "=?x-bogus?B?!!!?=",
            "=?UTF-8?Q?caf=C3?=",
            "=?UTF-8?B?////?=",
            "=?=?=?",
            "=??B??=",
            "Plain",
        ]),
    );
    check(
        96,
        parts,
        |(boundary, charset, encoding, payload, depth, close, subject)| {
            let mut raw = format!(
                "From: a@b.example\r\nSubject: {subject}\r\nMIME-Version: 1.0\r\n\
                 Content-Type: multipart/mixed; boundary={boundary}\r\n\r\n"
            )
            .into_bytes();
            // Nested multiparts, each opening a new boundary that may never close.
            for level in 0..depth {
                raw.extend(
                    format!(
                        "--b1\r\nContent-Type: multipart/mixed; boundary=\"n{level}\"\r\n\r\n--n{level}\r\n"
                    )
                    .bytes(),
                );
            }
            raw.extend(
                format!(
                    "--b1\r\nContent-Type: text/plain; charset={charset}\r\n\
                     Content-Transfer-Encoding: {encoding}\r\n\r\n"
                )
                .bytes(),
            );
            raw.extend(&payload);
            raw.extend(b"\r\n==garbage==\r\n");
            if close {
                raw.extend(b"--b1--\r\n");
            }
            parse_is_sound(&raw)
        },
    );
}

#[test]
fn oversized_messages_are_refused_by_size_and_the_rest_still_imports() {
    let (dir, mut store, _) = temp_store();
    let good = GoodMail {
        with_message_id: true,
        name: "Ok".into(),
        subject: "fine".into(),
        encoded_subject: false,
        lines: vec!["text".into()],
        body: Body::Plain,
    };
    let (a, b) = (good.render("\n"), good.render("\n"));
    let mut huge = b"From: big@hostile.test\nSubject: big\n\n".to_vec();
    huge.resize(mail::MAX_MESSAGE_BYTES + 10, b'A'); // one 25 MiB line
    huge.push(b'\n');
    let mut mbox = Vec::new();
    for m in [&a.raw, &huge, &b.raw] {
        mbox.extend(b"From x@hostile.test Tue Nov 24 09:00:00 2026\n");
        mbox.extend(m.iter());
        mbox.extend(b"\n");
    }
    let mbox_path = dir.path().join("huge.mbox");
    std::fs::write(&mbox_path, &mbox).unwrap();
    let eml_path = dir.path().join("huge.eml");
    std::fs::write(&eml_path, &huge).unwrap();
    let report = import::import_files(&mut store, &[&mbox_path, &eml_path], &mut |_| {}).unwrap();
    assert_eq!(
        (report.imported, report.duplicates, report.failed),
        (2, 0, 2),
        "{report:?}"
    );
    for (file, index) in [(&report.files[0], 2), (&report.files[1], 1)] {
        assert_eq!(file.errors.len(), 1, "{file:?}");
        assert_eq!(file.errors[0].index, index);
        assert!(
            file.errors[0].reason.contains("larger than 25 MiB"),
            "{file:?}"
        );
    }
    drop(huge);
    assert!(mail::parse(&vec![b'x'; mail::MAX_MESSAGE_BYTES + 1]).is_err());
}

/// One entry of a generated mailbox.
#[derive(Debug, Clone)]
enum Entry {
    Good(GoodMail),
    /// Known to have no sender, subject or text.
    Broken(&'static [u8]),
    /// The previous well-formed message again, byte for byte.
    Repeat,
}

const BROKEN: &[&[u8]] = &[
    b"",
    b"\n",
    b"\r\n\r\n",
    b"X-Empty: \n\n",
    b"From: \nSubject: \n\n \n",
];

fn entry() -> impl Strategy<Value = Entry> {
    prop_oneof![
        5 => good_mail().prop_map(Entry::Good),
        2 => prop::sample::select(BROKEN).prop_map(Entry::Broken),
        1 => Just(Entry::Repeat),
    ]
}

/// A file to import: an mbox of entries, or one `.eml`.
#[derive(Debug, Clone)]
struct FileSpec {
    mbox: bool,
    crlf: bool,
    entries: Vec<Entry>,
}

fn file_spec() -> impl Strategy<Value = FileSpec> {
    (
        any::<bool>(),
        any::<bool>(),
        prop::collection::vec(entry(), 1..7),
    )
        .prop_map(|(mbox, crlf, mut entries)| {
            if !mbox {
                entries.truncate(1);
                if matches!(entries[0], Entry::Repeat) {
                    entries[0] = Entry::Broken(b"");
                }
            }
            FileSpec {
                mbox,
                crlf,
                entries,
            }
        })
}

/// mboxrd quoting: a body line `>*From ` gets one more `>`, which reading removes.
fn mbox_quote(raw: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(raw.len() + 16);
    for line in raw.split_inclusive(|&b| b == b'\n') {
        let gt = line.iter().take_while(|&&b| b == b'>').count();
        if line[gt..].starts_with(b"From ") {
            out.push(b'>');
        }
        out.extend_from_slice(line);
    }
    if !out.ends_with(b"\n") {
        out.push(b'\n');
    }
    out
}

/// What a written file must import as.
#[derive(Default)]
struct Expected {
    new: Vec<Rendered>,
    duplicates: usize,
    broken: Vec<usize>,
}

fn write_file(dir: &Path, spec: &FileSpec) -> (std::path::PathBuf, Expected) {
    let nl = if spec.crlf { "\r\n" } else { "\n" };
    let mut out = Vec::new();
    let mut expected = Expected::default();
    let mut last: Option<Vec<u8>> = None;
    for (i, e) in spec.entries.iter().enumerate() {
        let raw = match e {
            Entry::Good(m) => {
                let r = m.render(nl);
                let raw = r.raw.clone();
                last = Some(raw.clone());
                expected.new.push(r);
                raw
            }
            Entry::Repeat => match &last {
                Some(raw) => {
                    expected.duplicates += 1;
                    raw.clone()
                }
                None => {
                    expected.broken.push(i + 1);
                    Vec::new()
                }
            },
            Entry::Broken(b) => {
                expected.broken.push(i + 1);
                b.to_vec()
            }
        };
        if spec.mbox {
            out.extend(format!("From sender@hostile.test Tue Nov 24 09:00:00 2026{nl}").bytes());
            out.extend(mbox_quote(&raw));
            out.extend(nl.bytes());
        } else {
            out = raw;
        }
    }
    let path = dir.join(format!(
        "{}.{}",
        token(),
        if spec.mbox { "mbox" } else { "eml" }
    ));
    std::fs::write(&path, &out).unwrap();
    (path, expected)
}

#[test]
fn imports_store_every_well_formed_message_once_and_report_the_rest_by_position() {
    let (dir, store, _) = temp_store();
    let store = RefCell::new(store);
    check(48, prop::collection::vec(file_spec(), 1..4), |specs| {
        let mut store = store.borrow_mut();
        let (paths, expected): (Vec<_>, Vec<_>) =
            specs.iter().map(|s| write_file(dir.path(), s)).unzip();
        let logged_before = int(&store, "SELECT count(*) FROM error_log");
        let mut progress = 0;
        let report = import::import_files(&mut store, &paths, &mut |_| progress += 1)
            .map_err(|e| TestCaseError::fail(format!("store failure: {e}")))?;
        prop_assert!(progress >= paths.len());
        prop_assert_eq!(report.files.len(), paths.len());
        let mut total_broken = 0;
        for (file, exp) in report.files.iter().zip(&expected) {
            prop_assert!(file.error.is_none(), "{file:?}");
            prop_assert_eq!(file.imported, exp.new.len(), "{:?}", file);
            prop_assert_eq!(file.duplicates, exp.duplicates, "{:?}", file);
            let indices: Vec<usize> = file.errors.iter().map(|e| e.index).collect();
            prop_assert_eq!(&indices, &exp.broken);
            for e in &file.errors {
                prop_assert!(
                    e.reason.starts_with("email: ") && e.reason.len() > 8,
                    "{e:?}"
                );
            }
            total_broken += exp.broken.len();
            // Every well-formed message is stored with its subject, sender and text.
            for r in &exp.new {
                let (from, body): (String, String) = store
                    .conn()
                    .query_row(
                        "SELECT from_addr, body FROM emails WHERE subject = ?1",
                        [&r.subject],
                        |row| Ok((row.get(0)?, row.get(1)?)),
                    )
                    .map_err(|e| TestCaseError::fail(format!("{:?} not stored: {e}", r.subject)))?;
                prop_assert!(from.contains(&r.address));
                prop_assert!(body.replace("\r\n", "\n").contains(&r.body), "{body:?}");
            }
        }
        prop_assert_eq!(report.failed, total_broken);
        prop_assert_eq!(
            int(&store, "SELECT count(*) FROM error_log"),
            logged_before + total_broken as i64,
            "each skipped message is in the error log"
        );

        let again = import::import_files(&mut store, &paths, &mut |_| {})
            .map_err(|e| TestCaseError::fail(format!("store failure: {e}")))?;
        prop_assert_eq!(again.imported, 0, "a second import adds nothing");
        prop_assert_eq!(again.duplicates, report.imported + report.duplicates);
        prop_assert_eq!(again.failed, report.failed);
        Ok(())
    });
}

/// How many messages the importer sees in a file: mbox entries, or one.
fn messages_in(bytes: &[u8]) -> usize {
    if bytes.starts_with(b"From ") {
        bytes
            .split_inclusive(|&b| b == b'\n')
            .filter(|l| l.starts_with(b"From "))
            .count()
    } else {
        1
    }
}

#[test]
fn garbage_files_import_what_they_can_and_count_every_message() {
    let (dir, store, _) = temp_store();
    let store = RefCell::new(store);
    let chunk = prop_oneof![
        prop::collection::vec(any::<u8>(), 0..200),
        Just(b"From \n".to_vec()),
        Just(b"From x Tue Nov 24 09:00:00 2026\n".to_vec()),
        Just(b"From \xff\xfe 99 Zzz 99 99:99:99 65536\n".to_vec()),
        Just(b">From quoted\n".to_vec()),
        "\\PC{0,80}\n".prop_map(String::into_bytes),
        good_mail().prop_map(|m| m.render("\n").raw),
    ];
    let file = prop::collection::vec(chunk, 0..8).prop_map(|c| c.concat());
    check(96, prop::collection::vec(file, 1..4), |files| {
        let mut store = store.borrow_mut();
        let paths: Vec<_> = files
            .iter()
            .map(|bytes| {
                let p = dir.path().join(format!("{}.mbox", token()));
                std::fs::write(&p, bytes).unwrap();
                p
            })
            .collect();
        let report = import::import_files(&mut store, &paths, &mut |_| {})
            .map_err(|e| TestCaseError::fail(format!("store failure: {e}")))?;
        for (file, bytes) in report.files.iter().zip(&files) {
            prop_assert!(file.error.is_none(), "{file:?}");
            let n = messages_in(bytes);
            prop_assert_eq!(
                file.imported + file.duplicates + file.errors.len(),
                n,
                "{:?}",
                file
            );
            prop_assert!(file.errors.windows(2).all(|w| w[0].index < w[1].index));
            prop_assert!(
                file.errors
                    .iter()
                    .all(|e| (1..=n).contains(&e.index) && !e.reason.trim().is_empty())
            );
        }
        let again = import::import_files(&mut store, &paths, &mut |_| {})
            .map_err(|e| TestCaseError::fail(format!("store failure: {e}")))?;
        prop_assert_eq!(again.imported, 0);
        prop_assert_eq!(again.duplicates, report.imported + report.duplicates);
        Ok(())
    });
}

// ---------------------------------------------------------------------------------
// 2. Settings

/// Whether a setting read back is the one saved. Exact, except that `f64` fields may
/// come back a few ULPs off: serde_json is built without its `float_roundtrip` feature,
/// so its parser rounds some 17-digit or extreme values (1.4557315896154441e-137 reads
/// as 1.455731589615444e-137).
trait ReadsBack: std::fmt::Debug {
    fn reads_back(&self, saved: &Self) -> bool;
}

macro_rules! exact {
    ($($t:ty),*) => {$(
        impl ReadsBack for $t {
            fn reads_back(&self, saved: &Self) -> bool {
                self == saved
            }
        }
    )*};
}
exact!(
    ProviderSettings,
    settings::AgentConfig,
    Budgets,
    MonitoringConfig,
    NotificationSettings
);

fn ulp_close(a: f64, b: f64) -> bool {
    a == b || (a.signum() == b.signum() && a.to_bits().abs_diff(b.to_bits()) <= 4)
}

/// JSON equal but for floats a few ULPs apart (see [`ReadsBack`]).
fn json_close(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Number(x), Value::Number(y)) if x.is_f64() || y.is_f64() => {
            matches!((x.as_f64(), y.as_f64()), (Some(x), Some(y)) if ulp_close(x, y))
        }
        (Value::Array(x), Value::Array(y)) => {
            x.len() == y.len() && x.iter().zip(y).all(|(x, y)| json_close(x, y))
        }
        (Value::Object(x), Value::Object(y)) => {
            x.len() == y.len()
                && x.iter()
                    .all(|(k, v)| y.get(k).is_some_and(|w| json_close(v, w)))
        }
        _ => a == b,
    }
}

fn ulp_close_opt(a: Option<f64>, b: Option<f64>) -> bool {
    match (a, b) {
        (Some(a), Some(b)) => ulp_close(a, b),
        (a, b) => a.is_none() && b.is_none(),
    }
}

impl ReadsBack for FailsafeConfig {
    fn reads_back(&self, s: &Self) -> bool {
        self.max_retries == s.max_retries
            && self.circuit_breaker_threshold == s.circuit_breaker_threshold
            && ulp_close(self.retry_backoff_multiplier, s.retry_backoff_multiplier)
    }
}

impl ReadsBack for AlertThresholds {
    fn reads_back(&self, s: &Self) -> bool {
        ulp_close_opt(self.max_error_rate, s.max_error_rate)
            && ulp_close_opt(self.max_avg_execution_time, s.max_avg_execution_time)
            && ulp_close_opt(self.max_p95_execution_time, s.max_p95_execution_time)
            && self.max_avg_cost == s.max_avg_cost
            && ulp_close(self.period_hours, s.period_hours)
            && self.min_executions == s.min_executions
    }
}

/// `set` either stores what `get` reads back, or refuses with a validation error and
/// leaves the stored value as it was.
fn stored_or_refused<T: ReadsBack>(
    store: &mut Store,
    get: impl Fn(&Store) -> jobtrail_core::Result<T>,
    set: impl FnOnce(&mut Store) -> jobtrail_core::Result<T>,
) -> Result<Option<T>, TestCaseError> {
    let before = get(store).map_err(|e| TestCaseError::fail(format!("read failed: {e}")))?;
    match set(store) {
        Ok(saved) => {
            let read = get(store).map_err(|e| TestCaseError::fail(format!("read failed: {e}")))?;
            prop_assert!(
                read.reads_back(&saved),
                "what was saved does not read back:\n  saved {saved:?}\n  read  {read:?}"
            );
            Ok(Some(saved))
        }
        Err(e) => {
            clear_error(&e)?;
            let read = get(store).map_err(|e| TestCaseError::fail(format!("read failed: {e}")))?;
            prop_assert!(
                read.reads_back(&before),
                "a refused value changed the stored one:\n  before {before:?}\n  after  {read:?}"
            );
            Ok(None)
        }
    }
}

fn url_like() -> BoxedStrategy<String> {
    prop_oneof![
        hostile_string(),
        (
            prop::sample::select(vec![
                "http://",
                "https://",
                "HTTP://",
                "ftp://",
                "http:/",
                "",
                " https://"
            ]),
            hostile_string(),
            prop::sample::select(vec!["", "/", "//", "/v1/", " ", "\u{0}"]),
        )
            .prop_map(|(a, b, c)| format!("{a}{b}{c}")),
        "https?://[a-z0-9.:-]{0,30}(/[a-z0-9]{0,8}){0,3}/{0,2}",
        (
            "https?://[a-z0-9.:-]{1,20}",
            prop::sample::select(vec![
                "\u{0}",
                "\u{1b}[31m",
                "\u{7f}",
                "\u{85}",
                "\u{9b}",
                "\u{1}"
            ]),
            "[a-z0-9/]{0,10}",
        )
            .prop_map(|(a, c, b)| format!("{a}{c}{b}")),
    ]
    .boxed()
}

#[test]
fn provider_settings_are_stored_exactly_or_refused_clearly() {
    let (_dir, store, _) = temp_store();
    let store = RefCell::new(store);
    let seed = ProviderSettings {
        provider: Some("seed".into()),
        base_url: Some("http://localhost:11434/v1".into()),
    };
    settings::set_provider(&mut store.borrow_mut(), seed).unwrap();
    let strategy = (
        prop::option::of(prop_oneof![
            hostile_string(),
            "[A-Za-z0-9._:-]{0,45}".boxed()
        ]),
        prop::option::of(url_like()),
    );
    check(256, strategy, |(provider, base_url)| {
        if let Some(raw) = &base_url {
            match settings::check_base_url(raw) {
                Ok(u) => {
                    prop_assert!(
                        u.starts_with("http://") || u.starts_with("https://"),
                        "{u:?}"
                    );
                    prop_assert!(!u.ends_with('/') && u.len() <= 2048, "{u:?}");
                    prop_assert!(
                        !u.chars().any(|c| c.is_whitespace() || c.is_control()),
                        "a base URL with spaces or control characters was accepted: {u:?}"
                    );
                    prop_assert_eq!(settings::check_base_url(&u).ok(), Some(u.clone()));
                }
                Err(e) => clear_error(&e)?,
            }
        }
        let draft = ProviderSettings {
            provider: provider.clone(),
            base_url: base_url.clone(),
        };
        let saved = stored_or_refused(&mut store.borrow_mut(), settings::provider, |s| {
            settings::set_provider(s, draft)
        })?;
        if let Some(saved) = saved {
            let typed = |v: &Option<String>| {
                v.as_deref()
                    .map(str::trim)
                    .filter(|v| !v.is_empty())
                    .map(str::to_owned)
            };
            prop_assert_eq!(
                saved.provider,
                typed(&provider).map(|p| p.to_ascii_lowercase())
            );
            prop_assert_eq!(
                saved.base_url,
                typed(&base_url).map(|u| u.trim_end_matches('/').to_owned())
            );
        }
        Ok(())
    });
}

#[test]
fn agent_settings_are_stored_exactly_or_refused_clearly() {
    let (_dir, store, _) = temp_store();
    let store = RefCell::new(store);
    let agent = prop_oneof![
        3 => prop::sample::select(settings::AGENTS.iter().map(|(a, _)| *a).collect::<Vec<_>>())
            .prop_map(str::to_owned),
        1 => hostile_string(),
    ];
    let draft = (
        prop::option::of(prop_oneof![hostile_string(), "[a-z0-9.:/-]{1,20}".boxed()]),
        prop::option::of(hostile_f64()),
        prop::option::of(hostile_i64()),
        prop::option::of(any::<bool>()),
    )
        .prop_map(
            |(model, temperature, max_tokens, enabled)| AgentConfigDraft {
                model,
                temperature,
                max_tokens,
                enabled,
            },
        );
    check(256, (agent, draft), |(agent, draft)| {
        let mut store = store.borrow_mut();
        let known = settings::AGENTS.iter().any(|(a, _)| *a == agent);
        if !known {
            let e = settings::set_agent_config(&mut store, &agent, draft).unwrap_err();
            clear_error(&e)?;
            prop_assert!(settings::agent_config(&store, &agent).is_err());
            return Ok(());
        }
        let expected = draft.clone();
        let saved = stored_or_refused(
            &mut store,
            |s| settings::agent_config(s, &agent),
            |s| settings::set_agent_config(s, &agent, draft),
        )?;
        if let Some(c) = saved {
            let model = expected
                .model
                .as_deref()
                .map(str::trim)
                .filter(|m| !m.is_empty());
            prop_assert_eq!(c.model.as_deref(), model);
            prop_assert_eq!(c.temperature, expected.temperature.map(|t| t as f32));
            prop_assert!(c.temperature.is_none_or(|t| (0.0..=2.0).contains(&t)));
            prop_assert_eq!(c.max_tokens.map(i64::from), expected.max_tokens);
            prop_assert_eq!(c.enabled, expected.enabled.unwrap_or(true));
        }
        Ok(())
    });
}

fn budgets_strategy() -> impl Strategy<Value = Budgets> {
    (
        prop::option::of(hostile_money()),
        prop::option::of(hostile_money()),
        prop::collection::btree_map(
            prop_oneof![hostile_string(), Just("email-analyst".to_owned())],
            hostile_money(),
            0..3,
        ),
        any::<bool>(),
    )
        .prop_map(|(daily, monthly, agents, hard)| Budgets {
            daily_budget: daily,
            monthly_budget: monthly,
            agent_daily_budgets: agents,
            hard_limit: hard,
        })
}

#[test]
fn budgets_are_stored_exactly_or_refused_clearly() {
    let (_dir, store, _) = temp_store();
    let store = RefCell::new(store);
    let seed = Budgets {
        daily_budget: Some("2.50".parse().unwrap()),
        ..Budgets::default()
    };
    budget::set_budgets(&mut store.borrow_mut(), seed).unwrap();
    check(256, budgets_strategy(), |b| {
        let expected = b.clone();
        let saved = stored_or_refused(&mut store.borrow_mut(), settings::budgets, |s| {
            budget::set_budgets(s, b)
        })?;
        if let Some(saved) = saved {
            prop_assert_eq!(saved.daily_budget, expected.daily_budget);
            prop_assert_eq!(saved.monthly_budget, expected.monthly_budget);
            prop_assert_eq!(saved.hard_limit, expected.hard_limit);
            prop_assert_eq!(saved.agent_daily_budgets, expected.agent_daily_budgets);
        }
        Ok(())
    });
}

#[test]
fn monitoring_failsafe_alert_and_notification_settings_are_stored_exactly_or_refused() {
    let (_dir, store, _) = temp_store();
    let store = RefCell::new(store);
    let monitoring =
        (any::<bool>(), any::<bool>(), hostile_i64()).prop_map(|(m, c, h)| MonitoringConfig {
            monitoring_enabled: m,
            cost_tracking_enabled: c,
            metrics_retention_hours: h,
        });
    let failsafe = (
        prop_oneof![any::<u32>(), 0u32..12],
        hostile_f64(),
        prop_oneof![any::<u32>(), 0u32..102],
    )
        .prop_map(|(r, m, t)| FailsafeConfig {
            max_retries: r,
            retry_backoff_multiplier: m,
            circuit_breaker_threshold: t,
        });
    let alerts = (
        prop::option::of(hostile_f64()),
        prop::option::of(hostile_f64()),
        prop::option::of(hostile_f64()),
        prop::option::of(hostile_money()),
        hostile_f64(),
        hostile_i64(),
    )
        .prop_map(|(e, a, p, c, h, n)| AlertThresholds {
            max_error_rate: e,
            max_avg_execution_time: a,
            max_p95_execution_time: p,
            max_avg_cost: c,
            period_hours: h,
            min_executions: n,
        });
    let notifications = any::<[bool; 4]>().prop_map(|[b, p, u, e]| NotificationSettings {
        budget: b,
        performance: p,
        unpriced: u,
        escalations: e,
    });
    check(
        256,
        (monitoring, failsafe, alerts, notifications),
        |(m, f, a, n)| {
            let mut store = store.borrow_mut();
            if let Some(saved) = stored_or_refused(&mut store, settings::monitoring, |s| {
                settings::set_monitoring(s, m)
            })? {
                // The environment may decide the flags; the retention is ours.
                prop_assert!(saved.validated().is_ok());
            }
            if let Some(saved) = stored_or_refused(&mut store, settings::failsafe, |s| {
                settings::set_failsafe(s, f)
            })? {
                prop_assert!(saved.validated().is_ok());
            }
            if let Some(saved) = stored_or_refused(&mut store, settings::alert_thresholds, |s| {
                settings::set_alert_thresholds(s, a.clone())
            })? {
                prop_assert_eq!(saved, a, "the thresholds are stored as given");
            }
            let saved = stored_or_refused(&mut store, settings::notifications, |s| {
                settings::set_notifications(s, n)
            })?;
            prop_assert_eq!(saved, Some(n));
            Ok(())
        },
    );
}

/// A hand-edited or older database: whatever text a setting holds, reading it gives a
/// valid value (the default when unreadable), never an error or a panic.
#[test]
fn garbage_in_the_settings_table_reads_as_valid_settings() {
    let (_dir, store, _) = temp_store();
    let store = RefCell::new(store);
    let keys = vec![
        "llm.provider",
        "monitoring.alert_thresholds",
        "cost.budgets",
        "monitoring.config",
        "failsafe.config",
        "notifications.config",
    ];
    let value = prop_oneof![
        hostile_string(),
        hostile_json().prop_map(|v| v.to_string()),
        Just(r#"{"maxRetries": 1e9, "retryBackoffMultiplier": "NaN"}"#.to_owned()),
        Just(r#"{"dailyBudget": -5, "hardLimit": "yes"}"#.to_owned()),
        Just(r#"{"metricsRetentionHours": -1}"#.to_owned()),
        Just(r#"{"periodHours": 0, "minExecutions": 0}"#.to_owned()),
        Just(r#"{"baseUrl": "ftp://x", "provider": "a b"}"#.to_owned()),
    ];
    check(128, (prop::sample::select(keys), value), |(key, value)| {
        let store = store.borrow_mut();
        store
            .conn()
            .execute(
                "INSERT INTO settings (key, value, updated_at) VALUES (?1, ?2, 0)
                 ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                [key, value.as_str()],
            )
            .unwrap();
        let fail = |e: Error| TestCaseError::fail(format!("{key}: {e}"));
        settings::provider(&store)
            .map_err(fail)?
            .validated()
            .map_err(fail)?;
        settings::budgets(&store)
            .map_err(fail)?
            .validated()
            .map_err(fail)?;
        settings::monitoring(&store)
            .map_err(fail)?
            .validated()
            .map_err(fail)?;
        settings::failsafe(&store)
            .map_err(fail)?
            .validated()
            .map_err(fail)?;
        settings::alert_thresholds(&store)
            .map_err(fail)?
            .validated()
            .map_err(fail)?;
        settings::notifications(&store).map_err(fail)?;
        Ok(())
    });
}

/// The variables the environment-derived settings read.
const ENV_VARS: &[&str] = &[
    "MONITORING_ENABLED",
    "COST_TRACKING_ENABLED",
    "METRICS_RETENTION_HOURS",
    "DAILY_BUDGET",
    "MAX_RETRIES",
    "RETRY_BACKOFF_MULTIPLIER",
    "CIRCUIT_BREAKER_THRESHOLD",
];
const ENV_CHILD: &str = "JOBTRAIL_HOSTILE_ENV_CHILD";

/// Environment values: hostile strings (no NUL: the OS cannot hold one), numbers
/// around the limits, and bytes that are not UTF-8.
fn env_value() -> impl Strategy<Value = Option<std::ffi::OsString>> {
    use std::os::unix::ffi::OsStringExt;
    prop::option::of(prop_oneof![
        3 => prop::sample::select(vec![
            "", " ", "true", " TRUE ", "yes", "off", "0", "1", "2", "3", " 10 ", "11", "-1", "1.5",
            "2e0", "+3", "NaN", "inf", "-inf", "1e309", "0x10", "168", "87840", "87841", "0.5",
            "$2.50", "1000000", "1000000.000000001", "0.0000000001", "-0", "٣",
        ])
        .prop_map(std::ffi::OsString::from),
        2 => hostile_string().prop_map(|s| std::ffi::OsString::from(s.replace('\0', ""))),
        1 => prop::collection::vec(any::<u8>().prop_filter("no NUL", |b| *b != 0), 1..12)
            .prop_map(std::ffi::OsString::from_vec),
    ])
}

/// The environment-derived settings under hostile values. The workspace forbids
/// `unsafe`, so `std::env::set_var` is out: each case runs [`env_child`] in a child
/// process with the variables set, where it checks the settings in effect.
#[test]
fn env_values_are_used_when_valid_and_otherwise_ignored() {
    let exe = std::env::current_exe().unwrap();
    check(
        24,
        prop::collection::vec(env_value(), ENV_VARS.len()),
        |values| {
            let mut cmd = std::process::Command::new(&exe);
            cmd.args([
                "hostile::env_child",
                "--exact",
                "--ignored",
                "--nocapture",
                "--test-threads=1",
            ])
            .env(ENV_CHILD, "1");
            for (name, value) in ENV_VARS.iter().zip(&values) {
                match value {
                    Some(v) => cmd.env(name, v),
                    None => cmd.env_remove(name),
                };
            }
            let out = cmd
                .output()
                .map_err(|e| TestCaseError::fail(e.to_string()))?;
            let stdout = String::from_utf8_lossy(&out.stdout);
            prop_assert!(
                out.status.success() && stdout.contains("1 passed"),
                "child failed:\n{stdout}\n{}",
                String::from_utf8_lossy(&out.stderr)
            );
            Ok(())
        },
    );
}

/// Run by [`env_values_are_used_when_valid_and_otherwise_ignored`] in a child process.
#[test]
#[ignore = "run in a child process with its environment set"]
fn env_child() {
    if std::env::var_os(ENV_CHILD).is_none() {
        return;
    }
    use jobtrail_core::failsafe::{MAX_RETRIES_LIMIT, MAX_THRESHOLD, MULTIPLIER_RANGE};
    use jobtrail_core::logging::parse_bool;
    // The documented rules, written out: a valid value is used, anything else ignored.
    let raw = |n: &str| std::env::var(n).ok().filter(|v| !v.trim().is_empty());
    let boolean = |n: &str| raw(n).and_then(|v| parse_bool(&v));
    let number = |n: &str, lo: f64, hi: f64, whole: bool| {
        raw(n)
            .and_then(|v| v.trim().parse::<f64>().ok())
            .filter(|v| v.is_finite() && (lo..=hi).contains(v) && (!whole || v.fract() == 0.0))
    };
    let hours = raw("METRICS_RETENTION_HOURS")
        .and_then(|v| v.trim().parse::<i64>().ok())
        .filter(|h| (1..=10 * 366 * 24).contains(h));
    let max_budget: Money = "1000000".parse().unwrap();
    let daily = raw("DAILY_BUDGET")
        .and_then(|v| v.parse::<Money>().ok())
        .filter(|m| *m > Money::ZERO && *m <= max_budget);
    let defaults = (MonitoringConfig::default(), FailsafeConfig::default());
    let monitoring = MonitoringConfig {
        monitoring_enabled: boolean("MONITORING_ENABLED").unwrap_or(defaults.0.monitoring_enabled),
        cost_tracking_enabled: boolean("COST_TRACKING_ENABLED")
            .unwrap_or(defaults.0.cost_tracking_enabled),
        metrics_retention_hours: hours.unwrap_or(defaults.0.metrics_retention_hours),
    };
    let retries = number("MAX_RETRIES", 0.0, f64::from(MAX_RETRIES_LIMIT), true);
    let multiplier = number(
        "RETRY_BACKOFF_MULTIPLIER",
        *MULTIPLIER_RANGE.start(),
        *MULTIPLIER_RANGE.end(),
        false,
    );
    let threshold = number(
        "CIRCUIT_BREAKER_THRESHOLD",
        1.0,
        f64::from(MAX_THRESHOLD),
        true,
    );
    let failsafe = FailsafeConfig {
        max_retries: retries.map_or(defaults.1.max_retries, |v| v as u32),
        retry_backoff_multiplier: multiplier.unwrap_or(defaults.1.retry_backoff_multiplier),
        circuit_breaker_threshold: threshold
            .map_or(defaults.1.circuit_breaker_threshold, |v| v as u32),
    };

    assert_eq!(
        settings::env_bool("MONITORING_ENABLED"),
        boolean("MONITORING_ENABLED")
    );
    assert_eq!(MonitoringConfig::default().with_env(), monitoring);
    assert_eq!(FailsafeConfig::default().with_env(), failsafe);
    assert_eq!(budget::daily_budget_from_env(), daily);
    // Through the store too: stored values under the environment's.
    let (_dir, mut store, _) = temp_store();
    assert_eq!(settings::monitoring(&store).unwrap(), monitoring);
    assert!(settings::monitoring(&store).unwrap().validated().is_ok());
    assert_eq!(settings::failsafe(&store).unwrap(), failsafe);
    assert!(settings::failsafe(&store).unwrap().validated().is_ok());
    assert_eq!(budget::budgets(&store).unwrap().daily_budget, daily);
    // Ok, or (cost tracking off) a clear error.
    if let Err(e) = budget::check_budget_status(&mut store) {
        assert!(matches!(e, Error::Invalid { .. }), "{e:?}");
    }
    // The overrides listed are exactly the variables holding a valid value.
    let listed: Vec<String> = settings::env_overrides()
        .into_iter()
        .map(|o| o.variable)
        .filter(|v| ENV_VARS.contains(&v.as_str()))
        .collect();
    let valid = [
        boolean("MONITORING_ENABLED").is_some(),
        boolean("COST_TRACKING_ENABLED").is_some(),
        hours.is_some(),
        daily.is_some(),
        retries.is_some(),
        multiplier.is_some(),
        threshold.is_some(),
    ];
    let expected: Vec<String> = ENV_VARS
        .iter()
        .zip(valid)
        .filter(|(_, ok)| *ok)
        .map(|(v, _)| (*v).to_owned())
        .collect();
    assert_eq!(listed, expected);
}

#[test]
fn parse_bool_accepts_only_the_documented_words() {
    check(
        256,
        prop_oneof![
            hostile_string(),
            "[ ]?(?i:true|false|yes|no|on|off|1|0)[ ]?".boxed()
        ],
        |s| {
            let words = ["true", "1", "yes", "on", "false", "0", "no", "off"];
            let lower = s.trim().to_ascii_lowercase();
            let expected = words.iter().position(|w| *w == lower).map(|i| i < 4);
            prop_assert_eq!(jobtrail_core::logging::parse_bool(&s), expected);
            Ok(())
        },
    );
}

// ---------------------------------------------------------------------------------
// 3. The price table and cost arithmetic

#[test]
fn prices_are_stored_exactly_or_refused_and_the_table_survives() {
    let (_dir, store, _) = temp_store();
    let store = RefCell::new(store);
    let model = prop_oneof![
        2 => hostile_string(),
        3 => "[a-z0-9.:-]{1,30}".boxed(),
        1 => prop::sample::select(vec!["gpt-4o", "gpt-4o-mini", SQL_NO_SPACE, HTML])
            .prop_map(str::to_owned)
            .boxed(),
    ];
    // Mostly whole micro-dollars, in the valid range or negative, so the other checks
    // pass often enough for the range checks to be reached.
    let price = || {
        prop_oneof![
            1 => hostile_money(),
            3 => (0i64..=10_000_000_000).prop_map(Money::from_micros),
            1 => (-10_000_000_000i64..0).prop_map(Money::from_micros),
        ]
    };
    let draft = (
        model,
        prop::option::weighted(0.9, price()),
        prop::option::of(price()),
        prop::option::weighted(0.9, price()),
        prop::option::of(price()),
        prop::option::of(hostile_string()),
    )
        .prop_map(
            |(model, input, cached_input, output, reasoning, source)| PriceDraft {
                model,
                input,
                cached_input,
                output,
                reasoning,
                source,
            },
        );
    check(256, draft, |draft| {
        let mut store = store.borrow_mut();
        let before = prices::list(&store).map_err(|e| TestCaseError::fail(e.to_string()))?;
        match prices::set(&mut store, draft.clone()) {
            Ok(p) => {
                prop_assert_eq!(p.model.as_str(), draft.model.trim());
                prop_assert_eq!(Some(p.input), draft.input);
                prop_assert_eq!(p.cached_input, draft.cached_input);
                prop_assert_eq!(Some(p.output), draft.output);
                prop_assert_eq!(p.reasoning, draft.reasoning);
                let source = draft.source.as_deref().map(str::trim).unwrap_or("");
                prop_assert_eq!(
                    p.source.as_str(),
                    if source.is_empty() {
                        "entered by you"
                    } else {
                        source
                    }
                );
                for m in [p.input, p.output] {
                    prop_assert!(m >= Money::ZERO, "a negative price was stored: {p:?}");
                }
                let after = prices::list(&store).map_err(|e| TestCaseError::fail(e.to_string()))?;
                prop_assert_eq!(after.iter().filter(|q| **q == p).count(), 1);
                prop_assert_eq!(prices::find(&store, &p.model).unwrap(), Some(p.clone()));
                // Every other row is untouched.
                let others = |l: &[ModelPrice]| {
                    l.iter()
                        .filter(|q| q.model != p.model)
                        .cloned()
                        .collect::<Vec<_>>()
                };
                prop_assert_eq!(others(&after), others(&before));
            }
            Err(e) => {
                clear_error(&e)?;
                let after = prices::list(&store).map_err(|e| TestCaseError::fail(e.to_string()))?;
                prop_assert_eq!(after, before, "a refused price changed the table");
            }
        }
        // SQL in a model name is data, not SQL.
        prop_assert!(int(&store, "SELECT count(*) FROM executions") >= 0);
        Ok(())
    });
}

fn usage(max: u64) -> impl Strategy<Value = TokenUsage> {
    let n = prop_oneof![0..=max, Just(max), Just(0u64)];
    (n.clone(), n.clone(), n.clone(), n).prop_map(|(input, cached_input, output, reasoning)| {
        TokenUsage {
            input,
            cached_input,
            output,
            reasoning,
        }
    })
}

#[test]
fn cost_arithmetic_never_panics_or_wraps() {
    let price = (
        hostile_money(),
        prop::option::of(hostile_money()),
        hostile_money(),
        prop::option::of(hostile_money()),
    )
        .prop_map(|(input, cached_input, output, reasoning)| ModelPrice {
            model: "m".into(),
            input,
            cached_input,
            output,
            reasoning,
            source: String::new(),
            as_of: String::new(),
            updated_at: 0,
        });
    check(
        256,
        (price, usage(u64::MAX), usage(u64::MAX)),
        |(p, u, extra)| {
            let c = p.cost(&u);
            prop_assert_eq!(c.total, c.input + c.output);
            let total = u128::from(u.input)
                + u128::from(u.cached_input)
                + u128::from(u.output)
                + u128::from(u.reasoning);
            prop_assert_eq!(u128::from(u.total()), total.min(u128::from(u64::MAX)));
            let non_negative = [Some(p.input), p.cached_input, Some(p.output), p.reasoning]
                .iter()
                .flatten()
                .all(|m| *m >= Money::ZERO);
            if non_negative {
                prop_assert!(c.input >= Money::ZERO && c.output >= Money::ZERO);
                prop_assert!(c.total >= c.input && c.total >= c.output, "{c:?}");
                // More tokens never cost less (no wrap-around).
                let mut more = u;
                more.add(extra);
                prop_assert!(p.cost(&more).total >= c.total);
            }
            Ok(())
        },
    );
}

/// Calls with any usage a provider can report (u32 per kind) are priced and stored.
#[test]
fn recorded_calls_with_extreme_usage_are_priced_and_stored() {
    let (_dir, store, _) = temp_store();
    let store = RefCell::new(store);
    let call = (
        prop::sample::select(vec![
            "gpt-4o",
            "gpt-4o-mini-2024-07-18",
            "unpriced-model",
            "",
        ]),
        usage(u64::from(u32::MAX)),
    );
    check(48, prop::collection::vec(call, 0..6), |calls| {
        let mut store = store.borrow_mut();
        let mut handle = jobtrail_core::agent::start_execution(&store, "hostile-usage");
        let mut expected = Money::ZERO;
        let mut unpriced = 0;
        for (model, u) in &calls {
            match prices::find(&store, model).unwrap() {
                Some(p) => expected += p.cost(u).total,
                None => unpriced += 1,
            }
            handle.llm_calls.push(LlmCallRecord {
                model: (*model).to_owned(),
                started_at: 0,
                duration_us: 0,
                usage: *u,
                finish: None,
                error: None,
            });
        }
        let record = jobtrail_core::agent::end_execution(
            &mut store,
            handle,
            Outcome {
                success: true,
                ..Outcome::default()
            },
        )
        .map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert_eq!(record.cost, expected);
        prop_assert_eq!(record.unpriced_calls, unpriced);
        prop_assert_eq!(
            int1(
                &store,
                "SELECT cost_nanos FROM executions WHERE id = ?1",
                record.execution_id
            ),
            expected.nanos()
        );
        prices::list(&store).map_err(|e| TestCaseError::fail(e.to_string()))?;
        Ok(())
    });
}

// ---------------------------------------------------------------------------------
// 4. Model output

/// A value for one field of an answer, and whether it is valid there (when known).
type FieldValue = BoxedStrategy<(Value, Option<bool>)>;

/// What the model answers, and whether that answer is valid (when known).
#[derive(Debug, Clone)]
struct Answer {
    text: String,
    valid: Option<bool>,
}

/// A field of a valid answer replaced: `Some(validity)` when the rules decide it.
fn mutated_answer(base: Value, fields: Vec<(&'static str, FieldValue)>) -> BoxedStrategy<Answer> {
    let n = fields.len();
    let (names, strategies): (Vec<_>, Vec<_>) = fields.into_iter().unzip();
    (
        0..n,
        strategies,
        any::<bool>(),
        any::<bool>(),
        prop::option::of(hostile_json()),
    )
        .prop_map(move |(i, values, wrapped, fenced, explanation)| {
            let mut v = base.clone();
            let (value, valid) = values[i].clone();
            v[names[i]] = value;
            let answer = if wrapped {
                json!({ "result": v, "explanation": explanation.unwrap_or(Value::Null) })
            } else {
                v
            };
            let text = if fenced {
                format!("```json\n{answer}\n```")
            } else {
                answer.to_string()
            };
            Answer { text, valid }
        })
        .boxed()
}

/// Answers that are not JSON, JSON of another shape, or a valid answer cut short.
fn broken_answers(valid: Value) -> BoxedStrategy<Answer> {
    let text = valid.to_string();
    prop_oneof![
        any::<String>().prop_map(|text| Answer { text, valid: None }),
        hostile_json().prop_map(|v| Answer {
            text: v.to_string(),
            valid: None
        }),
        (1..text.len()).prop_map(move |n| Answer {
            text: text[..n].to_owned(),
            valid: Some(false)
        }),
        Just(Answer {
            text: String::new(),
            valid: Some(false)
        }),
        Just(Answer {
            text: "null".into(),
            valid: Some(false)
        }),
    ]
    .boxed()
}

fn number_field(valid: impl Fn(&Value) -> bool + 'static) -> FieldValue {
    prop_oneof![
        prop::sample::select(vec![
            json!(7),
            json!(-3),
            json!(0),
            json!(1),
            json!(0.5),
            json!(100),
            json!(101),
            json!(255),
            json!(256),
            json!(1e308),
            json!(-0.0),
            json!("0.5"),
            json!(null),
            json!(u64::MAX)
        ]),
        hostile_f64()
            .prop_map(|f| serde_json::Number::from_f64(f).map_or(Value::Null, Value::Number)),
    ]
    .prop_map(move |v| {
        let ok = valid(&v);
        (v, Some(ok))
    })
    .boxed()
}

fn text_field(huge: bool) -> FieldValue {
    let sizes = if huge {
        vec![1usize, 10_000, 1_000_000]
    } else {
        vec![1usize, 100]
    };
    prop_oneof![
        hostile_string().prop_map(|s| {
            let ok = !s.trim().is_empty();
            (Value::String(s), Some(ok))
        }),
        (
            prop::sample::select(sizes),
            prop::sample::select(vec!["é", "a", "\u{0}", "🦀"])
        )
            .prop_map(|(n, c)| (Value::String(c.repeat(n)), Some(true))),
        hostile_json().prop_map(|v| {
            let ok = v.as_str().map(|s| !s.trim().is_empty());
            (v, ok.or(Some(false)))
        }),
    ]
    .boxed()
}

fn enum_field(values: &[&'static str]) -> FieldValue {
    let valid: Vec<&'static str> = values.to_vec();
    prop_oneof![
        prop::sample::select(valid.clone()).prop_map(|s| (json!(s), Some(true))),
        hostile_string().prop_map(move |s| {
            let ok = valid.contains(&s.as_str());
            (Value::String(s), Some(ok))
        }),
    ]
    .boxed()
}

fn anything() -> FieldValue {
    hostile_json().prop_map(|v| (v, None)).boxed()
}

/// A valid answer whose summary is 10 kB or 1 MB of unicode: stored whole.
fn enormous_summary(base: Value) -> BoxedStrategy<Answer> {
    (
        prop::sample::select(vec![10_000usize, 1_000_000]),
        prop::sample::select(vec!["é", "a", "🦀", "<b>"]),
    )
        .prop_map(move |(n, c)| {
            let mut v = base.clone();
            v["summary"] = Value::String(c.repeat(n / c.len()));
            Answer {
                text: v.to_string(),
                valid: Some(true),
            }
        })
        .boxed()
}

fn email_answer() -> BoxedStrategy<Answer> {
    let base = json!({
        "category": "interview_invite", "urgency": "high", "company": "Acme",
        "role": "Rust Engineer", "dates": [], "contacts": [], "application_id": null,
        "proposed_status": null, "summary": "Interview invitation from Acme.",
        "confidence": 0.9
    });
    let confidence = number_field(|v| v.as_f64().is_some_and(|c| (0.0..=1.0).contains(&c)));
    let fields = vec![
        ("confidence", confidence),
        ("summary", text_field(true)),
        (
            "category",
            enum_field(&[
                "application_received",
                "interview_invite",
                "assessment",
                "offer",
                "rejection",
                "recruiter_outreach",
                "follow_up_needed",
                "other",
            ]),
        ),
        ("urgency", enum_field(&["low", "medium", "high"])),
        ("application_id", anything()),
        ("dates", anything()),
        ("contacts", anything()),
        ("proposed_status", anything()),
        ("company", anything()),
    ];
    prop_oneof![
        3 => mutated_answer(base.clone(), fields),
        1 => broken_answers(base.clone()),
        1 => enormous_summary(base),
    ]
    .boxed()
}

fn job_match_answer() -> BoxedStrategy<Answer> {
    let base = json!({
        "score": 80, "matched_skills": ["rust"], "missing_skills": [],
        "recommendation": "apply", "summary": "A good fit.", "confidence": 0.7
    });
    let fields = vec![
        (
            "score",
            number_field(|v| v.as_u64().is_some_and(|s| s <= 100)),
        ),
        (
            "confidence",
            number_field(|v| v.as_f64().is_some_and(|c| (0.0..=1.0).contains(&c))),
        ),
        ("summary", text_field(true)),
        ("recommendation", enum_field(&["apply", "consider", "skip"])),
        ("matched_skills", anything()),
        ("missing_skills", anything()),
    ];
    prop_oneof![
        3 => mutated_answer(base.clone(), fields),
        1 => broken_answers(base.clone()),
        1 => enormous_summary(base),
    ]
    .boxed()
}

/// A store, the test server and a runtime on it, reused by every case of a property.
struct Bench {
    _dir: tempfile::TempDir,
    store: Mutex<Store>,
    server: TestServer,
    runtime: jobtrail_core::agent::Runtime,
    rt: tokio::runtime::Runtime,
}

fn bench() -> Bench {
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    let server = rt.block_on(TestServer::start()).unwrap();
    let runtime = test_runtime(&server);
    let (dir, mut store, _) = temp_store();
    crate::add_app(&mut store, "Acme", "Rust Engineer", "applied");
    Bench {
        _dir: dir,
        store: Mutex::new(store),
        server,
        runtime,
        rt,
    }
}

impl Bench {
    fn run<A: Agent>(
        &self,
        agent: &A,
        input: &A::Input,
        replies: Vec<Reply>,
    ) -> Result<AgentRun<A::Output>, TestCaseError> {
        let pending = self.server.pending();
        prop_assert_eq!(pending, 0, "replies left over from an earlier case");
        self.server.script(replies);
        let run = self
            .rt
            .block_on(
                self.runtime
                    .run(&self.store, agent, input, &RunSettings::default()),
            )
            .map_err(|e| TestCaseError::fail(format!("the run was not recorded: {e}")))?;
        prop_assert_eq!(
            self.server.pending(),
            0,
            "every scripted reply was asked for"
        );
        Ok(run)
    }
}

/// A run of `A` is recorded as it ended: a valid answer from the model, the built-in
/// engine's answer with the reason and the classified error, or a failure with its kind.
fn recorded<A: Agent>(
    agent: &A,
    store: &Store,
    executions_before: i64,
    run: &AgentRun<A::Output>,
    valid: Option<bool>,
) -> Result<(), TestCaseError> {
    prop_assert_eq!(
        int(store, "SELECT count(*) FROM executions"),
        executions_before + 1,
        "exactly one execution per run"
    );
    let e = &run.execution;
    type Row = (bool, String, Option<String>, Option<String>, Option<String>);
    let (success, engine, error_kind, fallback, output): Row = store
        .conn()
        .query_row(
            "SELECT success, engine, error_kind, fallback_reason, output
             FROM executions WHERE id = ?1",
            [e.execution_id],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?)),
        )
        .unwrap();
    prop_assert_eq!(success, e.success);
    let errors_logged = int1(
        store,
        "SELECT count(*) FROM error_log WHERE execution_id = ?1 AND kind <> '' AND category <> ''",
        e.execution_id,
    );
    match (&run.result, e.engine) {
        (Ok(out), Engine::Llm) => {
            prop_assert!(valid != Some(false), "an invalid answer was accepted");
            prop_assert!(success && engine == "llm");
            prop_assert!(agent.check(out).is_ok());
            let stored: Value = serde_json::from_str(output.as_deref().unwrap_or("null")).unwrap();
            let out = serde_json::to_value(out).unwrap();
            prop_assert!(
                json_close(&stored, &out),
                "the stored output differs:\n  stored {stored}\n  result {out}"
            );
        }
        (Ok(_), Engine::Builtin) => {
            prop_assert!(valid != Some(true), "a valid answer was not used");
            prop_assert!(success && engine == "builtin");
            prop_assert!(
                fallback.as_deref().is_some_and(|f| !f.trim().is_empty()),
                "no reason given"
            );
            prop_assert!(errors_logged >= 1, "the bad answer was not classified");
        }
        (Err(err), _) => {
            prop_assert!(!success);
            prop_assert_eq!(error_kind.as_deref(), Some(err.kind()));
            prop_assert!(!err.to_string().trim().is_empty());
        }
        (Ok(_), Engine::Custom) => prop_assert!(false, "an agent run recorded as custom code"),
    }
    Ok(())
}

fn email() -> EmailInput {
    EmailInput {
        from: "Acme Talent <talent@acme.com>".into(),
        subject: "Interview invitation".into(),
        date: None,
        body: "We would like to schedule an interview.".into(),
    }
}

/// The store answers as usual after a series of hostile runs.
fn still_usable(b: &Bench, runs: i64) {
    let store = lock(&b.store);
    assert!(int(&store, "SELECT count(*) FROM executions") >= runs);
    jobtrail_core::failsafe::list_errors(&store, &Default::default()).unwrap();
    prices::list(&store).unwrap();
    settings::agent_configs(&store).unwrap();
    let integrity: String = store
        .conn()
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap();
    assert_eq!(integrity, "ok");
}

#[test]
fn email_analyst_output_of_any_shape_is_recorded_and_classified() {
    let b = bench();
    let agent = EmailAnalyst::default();
    check(24, email_answer(), |answer| {
        let before = int(&lock(&b.store), "SELECT count(*) FROM executions");
        let run = b.run(&agent, &email(), vec![Reply::content(answer.text.clone())])?;
        recorded(&agent, &lock(&b.store), before, &run, answer.valid)
    });
    // A valid answer still goes through after all that.
    let before = int(&lock(&b.store), "SELECT count(*) FROM executions");
    let valid = json!({
        "category": "offer", "urgency": "high", "company": "Acme", "role": null,
        "dates": [], "contacts": [], "application_id": null, "proposed_status": null,
        "summary": "An offer.", "confidence": 0.8
    });
    let run = b.run(&agent, &email(), vec![Reply::json(&valid)]).unwrap();
    assert_eq!(run.execution.engine, Engine::Llm);
    recorded(&agent, &lock(&b.store), before, &run, Some(true)).unwrap();
    still_usable(&b, 25);
}

#[test]
fn job_match_output_of_any_shape_is_recorded_and_classified() {
    let b = bench();
    let agent = JobMatch;
    let input = (
        hostile_string(),
        prop::collection::vec(hostile_string(), 0..4),
    );
    check(
        20,
        (job_match_answer(), input),
        |(answer, (post, skills))| {
            let input = JobMatchInput {
                post,
                profile: Profile {
                    skills,
                    ..Profile::default()
                },
            };
            let before = int(&lock(&b.store), "SELECT count(*) FROM executions");
            let run = b.run(&agent, &input, vec![Reply::content(answer.text.clone())])?;
            recorded(&agent, &lock(&b.store), before, &run, answer.valid)?;
            if let Ok(out) = &run.result {
                let out: &JobMatchResult = out;
                prop_assert!(out.score <= 100 && (0.0..=1.0).contains(&out.confidence));
            }
            Ok(())
        },
    );
    still_usable(&b, 20);
}

/// Tool calls by any name with any arguments: each is recorded and answered with an
/// error when the tool is unknown or the arguments are not its own; nothing is written.
#[test]
fn tool_calls_to_unknown_tools_or_with_bad_arguments_are_recorded_as_failed() {
    let b = bench();
    let agent = EmailAnalyst::default();
    let known = ["lookup_applications", "read_timeline"];
    let name = prop_oneof![
        2 => prop::sample::select(known.to_vec()).prop_map(str::to_owned),
        2 => hostile_string(),
        1 => Just("delete_everything".to_owned()),
    ];
    let args = prop_oneof![
        hostile_json().prop_map(|v| v.to_string()),
        any::<String>(),
        prop::sample::select(vec![
            "{",
            "",
            "null",
            "{\"query\": \"Acme\"}",
            "{\"application_id\": 1}",
            "{\"application_id\": \"1\"}",
            "{\"query\": \"\"}"
        ])
        .prop_map(str::to_owned),
        (1usize..20_000).prop_map(|n| format!("{{\"query\": \"{}\"}}", "x".repeat(n))),
    ];
    let rounds = prop::collection::vec(prop::collection::vec((name, args), 1..4), 1..4);
    let last = prop_oneof![
        email_answer(),
        Just(Answer {
            text: String::new(),
            valid: Some(false)
        })
    ];
    check(16, (rounds, last), |(rounds, last)| {
        let mut replies: Vec<Reply> = rounds
            .iter()
            .map(|calls| Reply::ToolCalls {
                calls: calls.clone(),
                usage: Usage::new(80, 0, 15, 0),
            })
            .collect();
        replies.push(Reply::content(last.text.clone()));
        let store_apps = int(&lock(&b.store), "SELECT count(*) FROM applications");
        let before = int(&lock(&b.store), "SELECT count(*) FROM executions");
        let run = b.run(&agent, &email(), replies)?;
        let store = lock(&b.store);
        recorded(&agent, &store, before, &run, last.valid)?;
        let calls: Vec<(String, String)> = rounds.concat();
        prop_assert_eq!(run.execution.tool_calls, calls.len());
        let mut stmt = store
            .conn()
            .prepare("SELECT tool, success FROM tool_calls WHERE execution_id = ?1 ORDER BY seq")
            .unwrap();
        let rows: Vec<(String, bool)> = stmt
            .query_map([run.execution.execution_id], |r| Ok((r.get(0)?, r.get(1)?)))
            .unwrap()
            .map(Result::unwrap)
            .collect();
        prop_assert_eq!(rows.len(), calls.len());
        for ((tool, success), (name, args)) in rows.iter().zip(&calls) {
            prop_assert_eq!(tool, name, "the tool name is stored as called");
            let bad_args = serde_json::from_str::<Value>(args).is_err();
            if !known.contains(&name.as_str()) || bad_args {
                prop_assert!(!success, "{name:?}({args:?}) succeeded");
            }
        }
        prop_assert_eq!(
            int(&store, "SELECT count(*) FROM applications"),
            store_apps,
            "tools never write"
        );
        Ok(())
    });
    still_usable(&b, 16);
}

/// A hand-edited agent row: values no form accepts are ignored on read (the
/// provider's default applies) instead of reaching a request as `inf` or a wrapped
/// integer.
#[test]
fn out_of_range_agent_settings_in_the_table_are_ignored() {
    let (_dir, store, _) = temp_store();
    for (temperature, max_tokens) in [
        (1e300, -5_i64),
        (-0.5, 0),
        (f64::NAN, 1 << 40),
        (2.5, 200_001),
    ] {
        store
            .conn()
            .execute(
                "INSERT INTO agent_configs (agent, model, temperature, max_tokens, enabled, updated_at)
                 VALUES ('job-match', 'gpt-4o', ?1, ?2, 1, 0)
                 ON CONFLICT (agent) DO UPDATE SET temperature = excluded.temperature,
                     max_tokens = excluded.max_tokens",
                rusqlite::params![temperature, max_tokens],
            )
            .unwrap();
        let c = settings::agent_config(&store, "job-match").unwrap();
        assert_eq!(
            (c.temperature, c.max_tokens),
            (None, None),
            "{temperature} {max_tokens}"
        );
        assert_eq!(c.model.as_deref(), Some("gpt-4o"), "the valid fields stay");
    }
}
