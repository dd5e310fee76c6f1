//! Email: the parser and the importer, on hostile bytes and files.

use super::*;

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
