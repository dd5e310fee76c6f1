//! How fast a large mailbox imports, and whether every message is counted right.
//!
//! Generates a job search's mbox (mboxrd quoting) in a temp dir: 10,000 distinct
//! messages (applications received, interview invites, rejections, recruiter outreach,
//! offers, job alerts) from varied senders, plain, multipart/alternative with HTML,
//! quoted-printable, base64 and ISO-8859-1, some CRLF, about 10% without Message-ID and
//! some with body lines starting `From ` or `>From `. Interleaved with them: 20 messages
//! that cannot be read, 100 copies of earlier messages with a Message-ID and 50 of
//! earlier ones without. The mailbox is the same on every run (fixed seed).
//!
//! It is imported into a fresh store, then again. Each import's time is printed; the
//! counts are checked (imported, duplicates, failed, rows stored, `From ` lines
//! unquoted) and a wrong count exits non-zero. No assertion is made on time.
//! Run with `make bench`; `cargo test --benches` imports a tenth of the mailbox once as
//! a smoke test.

mod common;
use common::{per_second, thousands};

use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::Path;
use std::process::ExitCode;
use std::time::Instant;

use chrono::{DateTime, FixedOffset, TimeZone, Utc};
use jobtrail_core::Store;
use jobtrail_core::tracker::{emails, import};

/// Distinct messages in a bench run (a tenth of that in the smoke test).
const UNIQUE: usize = 10_000;
/// Messages that cannot be read.
const MALFORMED: usize = 20;
/// Copies of earlier messages that have a Message-ID.
const COPIES_WITH_ID: usize = 100;
/// Byte-for-byte copies of earlier messages without one.
const COPIES_WITHOUT_ID: usize = 50;
/// Percentage of distinct messages without a Message-ID.
const WITHOUT_ID_PERCENT: u64 = 10;
const SEED: u64 = 0x6a6f_6274_7261_696c;

/// The mailbox's owner: every message is to, or quotes, them.
const ME: (&str, &str) = ("Alex Morgan", "alex.morgan@example.com");

/// SplitMix64: deterministic, dependency-free and good enough to vary text.
struct Rng(u64);

impl Rng {
    /// The generator of distinct message `i`: its first draw is whether it has a
    /// Message-ID, so the layout can ask without rendering it.
    fn for_message(i: usize) -> Self {
        Self(SEED ^ (i as u64).wrapping_mul(0x9e37_79b9_7f4a_7c15))
    }

    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// In `0..n`.
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }

    fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }
}

fn has_message_id(i: usize) -> bool {
    !Rng::for_message(i).chance(WITHOUT_ID_PERCENT)
}

struct Company {
    name: &'static str,
    domain: &'static str,
    /// Where its recruiters write from, and its city.
    city: &'static str,
}

#[rustfmt::skip]
const COMPANIES: &[Company] = &[
    Company { name: "Acme", domain: "acme.com", city: "Berlin" },
    Company { name: "Globex", domain: "globex.io", city: "London" },
    Company { name: "Initech", domain: "initech.com", city: "Austin" },
    Company { name: "Umbrella Health", domain: "umbrella-health.com", city: "Boston" },
    Company { name: "Hooli", domain: "hooli.xyz", city: "Palo Alto" },
    Company { name: "Pied Piper", domain: "piedpiper.com", city: "San Francisco" },
    Company { name: "Stark Industries", domain: "starkindustries.com", city: "New York" },
    Company { name: "Wayne Enterprises", domain: "wayne.co", city: "Chicago" },
    Company { name: "Soylent Foods", domain: "soylent.example", city: "Portland" },
    Company { name: "Cyberdyne Systems", domain: "cyberdyne.ai", city: "Seattle" },
    Company { name: "Tyrell", domain: "tyrell.tech", city: "Los Angeles" },
    Company { name: "Massive Dynamic", domain: "massivedynamic.com", city: "Toronto" },
    Company { name: "Nordlicht Energie", domain: "nordlicht.de", city: "Hamburg" },
    Company { name: "Société Lumière", domain: "lumiere.fr", city: "Paris" },
    Company { name: "Café Digital", domain: "cafedigital.es", city: "Madrid" },
    Company { name: "Fjord Analytics", domain: "fjord.no", city: "Oslo" },
    Company { name: "Vandelay Industries", domain: "vandelay.com", city: "Newark" },
    Company { name: "Oceanic Airlines", domain: "oceanic-air.com", city: "Sydney" },
    Company { name: "Blue Sun", domain: "bluesun.dev", city: "Remote" },
    Company { name: "Aperture Science", domain: "aperture.science", city: "Cleveland" },
    Company { name: "Black Mesa", domain: "blackmesa.org", city: "Albuquerque" },
    Company { name: "Wonka Labs", domain: "wonkalabs.com", city: "Zürich" },
    Company { name: "Gringotts Fintech", domain: "gringotts.finance", city: "Edinburgh" },
    Company { name: "Monarch Robotics", domain: "monarch-robotics.com", city: "Munich" },
    Company { name: "Kramerica", domain: "kramerica.net", city: "Dublin" },
    Company { name: "Dunder Mifflin", domain: "dundermifflin.com", city: "Scranton" },
    Company { name: "Bluth Company", domain: "bluth.co", city: "Newport Beach" },
    Company { name: "Prestige Worldwide", domain: "prestige.world", city: "Amsterdam" },
];

#[rustfmt::skip]
const ROLES: &[&str] = &[
    "Senior Rust Engineer", "Backend Engineer (Go)", "Staff Platform Engineer",
    "Data Engineer", "Site Reliability Engineer", "Engineering Manager, Payments",
    "Frontend Engineer (React)", "Machine Learning Engineer", "Security Engineer",
    "Product Engineer", "Embedded Software Engineer", "DevOps Engineer",
    "Full-Stack Developer", "iOS Engineer", "Solutions Architect",
    "Principal Engineer, Infrastructure", "Software Engineer II", "Developer Advocate",
];

/// Recruiters' names; the accented ones are in ISO-8859-1's range.
#[rustfmt::skip]
const PEOPLE: &[&str] = &[
    "Sarah Chen", "Marcus Johnson", "Priya Patel", "Tom Becker", "Laura Rossi",
    "José García", "Zoë Williams", "François Dubois", "Jürgen Müller", "Renée Dupré",
    "Søren Nielsen", "Aoife O'Brien", "Kwame Mensah", "Mei Lin", "Daniel Schwarz",
    "Olivia Brown", "Rafael Núñez", "Hannah Kim", "Björn Larsson", "Fatima Haddad",
];

/// Applicant tracking systems that send on a company's behalf.
const ATS: &[&str] = &[
    "greenhouse.io",
    "lever.co",
    "myworkday.com",
    "ashbyhq.com",
    "smartrecruiters.com",
];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Received,
    Interview,
    Rejection,
    Outreach,
    Offer,
    Alert,
}

impl Kind {
    fn pick(rng: &mut Rng) -> Self {
        match rng.below(100) {
            0..=29 => Self::Received,
            30..=49 => Self::Interview,
            50..=71 => Self::Rejection,
            72..=89 => Self::Outreach,
            90..=92 => Self::Offer,
            _ => Self::Alert,
        }
    }
}

/// What a distinct message says, before it is encoded.
struct Letter {
    message_id: Option<String>,
    in_reply_to: Option<String>,
    sender: (String, String),
    subject: String,
    date: DateTime<FixedOffset>,
    paragraphs: Vec<String>,
    /// The applicant's earlier mail, quoted under the text.
    quote: Option<String>,
}

/// How a distinct message is encoded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Shape {
    Plain,
    QuotedPrintable,
    Base64,
    Latin1,
    Alternative,
    HtmlOnly,
}

/// Distinct message `i`, ready to write: its bytes (LF or CRLF, unquoted) and what the
/// import should make of its text.
struct Generated {
    raw: Vec<u8>,
    envelope: String,
    /// Lines of the text body starting with `From ` and with `>From `.
    from_lines: usize,
    quoted_from_lines: usize,
}

/// What a message is about, drawn before it is written.
struct Topic {
    kind: Kind,
    company: &'static Company,
    role: &'static str,
    /// The recruiter writing, or named in the signature.
    person: &'static str,
    /// The application's reference at the company.
    reference: String,
}

fn letter(i: usize, rng: &mut Rng) -> Letter {
    let with_id = !rng.chance(WITHOUT_ID_PERCENT);
    let kind = Kind::pick(rng);
    let company = rng.pick(COMPANIES);
    let (role, person) = (*rng.pick(ROLES), *rng.pick(PEOPLE));
    let topic = Topic {
        kind,
        company,
        role,
        person,
        reference: format!("R{:05}", 10_000 + rng.below(90_000)),
    };
    // A year of job search, newest last, in the senders' time zones.
    let offsets = [0, -5, -8, 1, 2, 10];
    let zone = FixedOffset::east_opt(3600 * rng.pick(&offsets))
        .unwrap_or(FixedOffset::east_opt(0).expect("UTC is a valid offset"));
    let secs = 1_735_689_600 + (i as i64) * 3_150 + rng.below(3_000) as i64;
    let date = zone
        .timestamp_opt(secs, 0)
        .single()
        .expect("a fixed offset maps every instant once");
    let ats = *rng.pick(ATS);
    let sender = match kind {
        Kind::Received | Kind::Rejection if rng.chance(60) => (
            format!("{} Recruiting", company.name),
            format!("no-reply@{ats}"),
        ),
        Kind::Alert => (
            "Job Alerts".to_owned(),
            "alerts@jobs-board.example".to_owned(),
        ),
        _ => (
            person.to_owned(),
            format!("{}@{}", ascii_login(person), company.domain),
        ),
    };
    let c = company.name;
    let subject = subject(&topic, rng);
    let mut paragraphs = vec![greeting(rng)];
    let main = topic_paragraphs(&topic, rng);
    let keep = 1 + rng.below(main.len());
    paragraphs.extend(main.into_iter().take(keep));
    // Company boilerplate makes bodies range from a few hundred bytes to a few KB.
    for _ in 0..rng.below(5) {
        paragraphs.push(filler(rng, company));
    }
    // Lines an mbox must quote: a sentence starting with "From", a forwarded header.
    if rng.chance(3) {
        paragraphs.push(format!(
            "From our side, the next step would be a short call with the hiring manager \
             for the {role} team."
        ));
    }
    if rng.chance(1) {
        paragraphs.push(format!(
            ">From the forwarded thread:\nFrom {} Mon Jan 5 09:00:00 2026",
            sender.1
        ));
    }
    let signature = match kind {
        Kind::Alert => {
            "Job Alerts — manage your alerts at https://jobs-board.example/alerts".to_owned()
        }
        _ if sender.1.starts_with("no-reply") => format!("The {c} Recruiting Team"),
        _ => format!(
            "Best regards,\n{person}\nTalent Acquisition, {c}\n{}",
            company.city
        ),
    };
    paragraphs.push(signature);
    let reply = matches!(kind, Kind::Interview | Kind::Outreach) && rng.chance(30);
    let quote = reply.then(|| {
        format!(
            "On {}, {} <{}> wrote:\nThanks for reaching out! I would be happy to talk about \
             the {role} role. I am available most afternoons next week.\n\nBest,\nAlex",
            (date - chrono::Duration::days(2)).format("%a, %b %e, %Y at %H:%M"),
            ME.0,
            ME.1
        )
    });
    let message_id = with_id.then(|| match rng.below(3) {
        0 => format!("<{:016x}.{i}@{ats}>", rng.next()),
        1 => format!("<CA+{:x}{i:05}x@mail.gmail.com>", rng.next()),
        _ => format!("<{i}.{:08x}@mail.{}>", rng.next() as u32, company.domain),
    });
    let in_reply_to = reply.then(|| format!("<{:x}@mail.example.com>", rng.next()));
    Letter {
        message_id,
        in_reply_to,
        sender,
        subject,
        date,
        paragraphs,
        quote,
    }
}

fn subject(topic: &Topic, rng: &mut Rng) -> String {
    let Topic {
        company,
        role,
        person,
        reference,
        ..
    } = topic;
    let c = company.name;
    let first = person.split(' ').next().unwrap_or(person);
    match topic.kind {
        Kind::Received => match rng.below(4) {
            0 => format!("Thank you for applying to {c}"),
            1 => format!("Your application for {role} at {c}"),
            2 => format!("{c}: application received – {role}"),
            _ => format!("We’ve received your application ({role}, ref {reference})"),
        },
        Kind::Interview => match rng.below(4) {
            0 => format!("Interview invitation: {role} at {c}"),
            1 => format!("Next steps with {c} — let’s schedule a call"),
            2 => format!("Re: {role} – technical interview"),
            _ => format!("Invitation: {c} onsite interview in {}", company.city),
        },
        Kind::Rejection => match rng.below(3) {
            0 => format!("Your application to {c}"),
            1 => format!("Update on your {role} application"),
            _ => format!("{c} – {role}: application status"),
        },
        Kind::Outreach => match rng.below(4) {
            0 => format!("{first} from {c} – {role} opportunity"),
            1 => format!("Exciting {role} role at {c}"),
            2 => "Quick question about your next move".to_owned(),
            _ => "Re: Open to new opportunities?".to_owned(),
        },
        Kind::Offer => format!("Offer letter – {role} at {c}"),
        Kind::Alert => format!("{} new jobs matching \"{role}\"", 2 + rng.below(40)),
    }
}

fn greeting(rng: &mut Rng) -> String {
    match rng.below(3) {
        0 => "Hi Alex,".to_owned(),
        1 => format!("Dear {},", ME.0),
        _ => "Hello Alex,".to_owned(),
    }
}

/// What the sender has to say, in order; the letter keeps the first one or more.
fn topic_paragraphs(topic: &Topic, rng: &mut Rng) -> Vec<String> {
    let Topic {
        company,
        role,
        reference,
        ..
    } = topic;
    let c = company.name;
    match topic.kind {
        Kind::Received => vec![
            format!(
                "Thank you for your interest in {c} and for applying to the {role} position \
                 (reference {reference}). We have received your application and our \
                 recruiting team is reviewing it now."
            ),
            "Because of the number of applications we receive, it can take up to two \
             weeks before we get back to you. If your experience is a match for the role, \
             a member of the team will reach out to arrange a first conversation."
                .to_owned(),
            format!(
                "You can check the status of your application at any time on our careers \
                 site: https://careers.{}/applications/{reference}",
                company.domain
            ),
        ],
        Kind::Interview => vec![
            format!(
                "Thanks for your application to the {role} role. The team enjoyed reading \
                 about your background, and we would love to invite you to a {} interview.",
                rng.pick(&[
                    "45-minute technical",
                    "30-minute introductory",
                    "system design",
                    "pair-programming"
                ])
            ),
            format!(
                "Could you let me know which of these slots work for you? {} at 10:00, {} \
                 at 14:30 or {} at 16:00 ({} time). The call will be on Google Meet; the \
                 link will follow in the calendar invitation.",
                rng.pick(&["Monday", "Tuesday"]),
                rng.pick(&["Wednesday", "Thursday"]),
                rng.pick(&["Thursday", "Friday"]),
                company.city
            ),
            "Please have a look at the attached interview guide beforehand. There is no \
             need to prepare anything else; we will talk through a problem together and \
             leave time for your questions about the team and the product."
                .to_owned(),
        ],
        Kind::Rejection => vec![
            format!(
                "Thank you for taking the time to apply for the {role} position at {c}, and \
                 for your patience while we reviewed your application."
            ),
            "Unfortunately, after careful consideration we have decided not to move \
             forward with your application at this time. This was a difficult decision, as \
             we received many strong applications."
                .to_owned(),
            "We will keep your résumé on file and may reach out if a position opens that \
             matches your profile. We wish you every success in your search."
                .to_owned(),
        ],
        Kind::Outreach => vec![
            format!(
                "I came across your profile and was impressed by your work on open-source \
                 Rust tooling. I’m hiring for a {role} at {c} in {}, and I think your \
                 experience could be a great fit.",
                company.city
            ),
            format!(
                "The team is {} engineers, ships weekly and owns its services end to end. \
                 The salary range is €{}k–€{}k plus equity, with flexible remote work.",
                4 + rng.below(30),
                70 + rng.below(30),
                110 + rng.below(40)
            ),
            "Would you be open to a quick 20-minute chat this week? Happy to share more \
             details about the role and the interview process."
                .to_owned(),
        ],
        Kind::Offer => vec![
            format!(
                "On behalf of everyone at {c}, I’m delighted to offer you the position of \
                 {role}. Please find the offer letter and the contract attached."
            ),
            format!(
                "The offer includes a base salary of €{},000, a signing bonus, 30 days of \
                 paid vacation and a yearly learning budget. We would like you to start on \
                 the first of next month, if that suits you.",
                90 + rng.below(60)
            ),
            "Please let us know your decision within five working days. Do not hesitate \
             to call me if you have any questions."
                .to_owned(),
        ],
        Kind::Alert => (0..2 + rng.below(6))
            .map(|_| {
                let other = rng.pick(COMPANIES);
                format!(
                    "{} — {} ({}). Posted {} days ago. https://jobs-board.example/view/{}",
                    rng.pick(ROLES),
                    other.name,
                    other.city,
                    1 + rng.below(14),
                    100_000 + rng.below(900_000)
                )
            })
            .collect(),
    }
}

fn filler(rng: &mut Rng, company: &Company) -> String {
    let c = company.name;
    match rng.below(6) {
        0 => format!(
            "About {c}: founded in {}, {c} builds software that helps teams around the \
             world move faster. We are {} people across {} offices, and we are proud to be \
             certified as a great place to work for the third year in a row.",
            1990 + rng.below(33),
            50 + rng.below(5_000),
            1 + rng.below(12)
        ),
        1 => "Our benefits include private health insurance, a pension plan with employer \
              matching, a home-office budget, parental leave beyond the legal minimum and \
              a yearly team offsite. We support relocation and visa sponsorship."
            .to_owned(),
        2 => format!(
            "{c} is an equal opportunity employer. We celebrate diversity and are committed \
             to creating an inclusive environment for all employees. If you need an \
             accommodation during the process, reply to this email and we will help."
        ),
        3 => format!(
            "Privacy notice: we process your personal data to assess your application, in \
             line with our candidate privacy policy (https://{}/privacy). You can ask us to \
             delete your data at any time.",
            company.domain
        ),
        4 => "Tip: keep an eye on your spam folder — calendar invitations and assessment \
              links sometimes end up there. Add us to your contacts to be sure."
            .to_owned(),
        _ => format!(
            "This message was sent to {} because you applied for a position at {c}. \
             To stop receiving these emails, unsubscribe at https://{}/unsubscribe?u={:x}.",
            ME.1,
            company.domain,
            rng.next()
        ),
    }
}

/// A person's name as a mailbox login: `jürgen müller` → `jurgen.muller`.
fn ascii_login(name: &str) -> String {
    name.chars()
        .filter_map(|ch| match ch {
            ' ' => Some('.'),
            'á' | 'à' | 'ä' => Some('a'),
            'é' | 'è' | 'ë' => Some('e'),
            'í' => Some('i'),
            'ó' | 'ö' | 'ø' => Some('o'),
            'ú' | 'ü' => Some('u'),
            'ñ' => Some('n'),
            'ç' => Some('c'),
            'Ø' => Some('o'),
            c if c.is_ascii_alphanumeric() => Some(c.to_ascii_lowercase()),
            _ => None,
        })
        .collect()
}

/// Text for an ISO-8859-1 message: what is outside Latin-1 becomes ASCII.
fn latin1(text: &str) -> Vec<u8> {
    let mut out = Vec::with_capacity(text.len());
    for ch in text.chars() {
        match ch {
            '’' | '‘' => out.push(b'\''),
            '“' | '”' => out.push(b'"'),
            '–' | '—' => out.push(b'-'),
            '€' => out.extend_from_slice(b"EUR "),
            c if u32::from(c) <= 0xff => out.push(u32::from(c) as u8),
            _ => out.push(b'?'),
        }
    }
    out
}

/// The plain-text body, wrapped at 72 columns as mail clients send it.
fn text_body(letter: &Letter) -> String {
    let mut out = String::new();
    for p in &letter.paragraphs {
        for line in p.split('\n') {
            wrap(line, 72, &mut out);
        }
        out.push('\n');
    }
    if let Some(quote) = &letter.quote {
        for line in quote.split('\n') {
            out.push_str(if line.is_empty() { ">" } else { "> " });
            out.push_str(line);
            out.push('\n');
        }
    }
    out
}

fn wrap(line: &str, width: usize, out: &mut String) {
    let mut len = 0;
    for word in line.split(' ') {
        if len > 0 && len + 1 + word.chars().count() > width {
            out.push('\n');
            len = 0;
        } else if len > 0 {
            out.push(' ');
            len += 1;
        }
        out.push_str(word);
        len += word.chars().count();
    }
    out.push('\n');
}

fn html_body(letter: &Letter) -> String {
    let mut out = String::from(
        "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><style>body{font-family:\
         Helvetica,Arial,sans-serif;color:#222}.btn{background:#0b5fff;color:#fff;\
         padding:8px 16px;border-radius:4px}</style></head>\n<body><table width=\"100%\" \
         cellpadding=\"0\" cellspacing=\"0\"><tr><td>\n",
    );
    for p in &letter.paragraphs {
        out.push_str("<p>");
        out.push_str(&escape_html(p).replace('\n', "<br>\n"));
        out.push_str("</p>\n");
    }
    if let Some(quote) = &letter.quote {
        out.push_str("<blockquote style=\"border-left:2px solid #ccc;padding-left:8px\">");
        out.push_str(&escape_html(quote).replace('\n', "<br>\n"));
        out.push_str("</blockquote>\n");
    }
    out.push_str(
        "<p><a class=\"btn\" href=\"https://careers.example.com/portal\">View your \
         application</a></p>\n</td></tr></table></body></html>\n",
    );
    out
}

fn escape_html(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// Base64 on one line.
fn base64(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [
            chunk[0],
            chunk.get(1).copied().unwrap_or(0),
            chunk.get(2).copied().unwrap_or(0),
        ];
        let v = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for k in 0..4 {
            if k <= chunk.len() {
                out.push(ALPHABET[((v >> (18 - 6 * k)) & 63) as usize] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

/// A base64 body: 76 columns, newline-terminated.
fn base64_body(bytes: &[u8]) -> String {
    let flat = base64(bytes);
    let mut out = String::with_capacity(flat.len() + flat.len() / 76 + 1);
    for line in flat.as_bytes().chunks(76) {
        out.push_str(std::str::from_utf8(line).unwrap_or_default());
        out.push('\n');
    }
    out
}

/// Quoted-printable (RFC 2045) of LF-separated text, soft breaks at 76 columns.
fn quoted_printable(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len() * 11 / 10);
    for line in bytes.split(|&b| b == b'\n') {
        let mut col = 0;
        for (k, &b) in line.iter().enumerate() {
            let last = k + 1 == line.len();
            let literal =
                ((b'!'..=b'~').contains(&b) && b != b'=') || ((b == b' ' || b == b'\t') && !last);
            let piece = if literal {
                (b as char).to_string()
            } else {
                format!("={b:02X}")
            };
            if col + piece.len() > 75 {
                out.push_str("=\n");
                col = 0;
            }
            out.push_str(&piece);
            col += piece.len();
        }
        out.push('\n');
    }
    out.pop(); // the split's last piece is after the final newline
    out
}

/// A header value, as an RFC 2047 encoded word when it is not ASCII.
fn header_text(value: &str, latin: bool, rng: &mut Rng) -> String {
    if value.is_ascii() {
        return value.to_owned();
    }
    if latin {
        let q: String = latin1(value)
            .iter()
            .map(|&b| match b {
                b' ' => "_".to_owned(),
                b'!'..=b'~' if !b"=?_\"".contains(&b) => (b as char).to_string(),
                _ => format!("={b:02X}"),
            })
            .collect();
        format!("=?ISO-8859-1?Q?{q}?=")
    } else if rng.chance(50) {
        format!("=?UTF-8?B?{}?=", base64(value.as_bytes()))
    } else {
        // RFC 6532: raw UTF-8 in headers, as many modern senders do.
        value.to_owned()
    }
}

fn render(i: usize) -> Generated {
    let mut rng = Rng::for_message(i);
    let mut letter = letter(i, &mut rng);
    let shape = match rng.below(100) {
        0..=39 => Shape::Plain,
        40..=51 => Shape::QuotedPrintable,
        52..=59 => Shape::Base64,
        60..=69 => Shape::Latin1,
        70..=94 => Shape::Alternative,
        _ => Shape::HtmlOnly,
    };
    let latin = shape == Shape::Latin1;
    if shape == Shape::HtmlOnly {
        // What HTML becomes as text is the parser's business: no `From ` lines to count.
        letter.paragraphs.retain(|p| !p.contains("From "));
    }
    let text = text_body(&letter);
    let (from_lines, quoted_from_lines) = if shape == Shape::HtmlOnly {
        (0, 0)
    } else {
        (
            text.lines().filter(|l| l.starts_with("From ")).count(),
            text.lines().filter(|l| l.starts_with(">From ")).count(),
        )
    };
    let mut raw = headers(&letter, latin, &mut rng).into_bytes();
    raw.extend_from_slice(&mime_body(i, shape, &letter, &text, &mut rng));
    if !raw.ends_with(b"\n") {
        raw.push(b'\n');
    }
    // Some exports (Windows clients) use CRLF throughout.
    if rng.chance(5) {
        raw = crlf(&raw);
    }
    let envelope = format!(
        "{} {}",
        letter.sender.1,
        letter
            .date
            .with_timezone(&Utc)
            .format("%a %b %e %H:%M:%S %Y")
    );
    Generated {
        raw,
        envelope,
        from_lines,
        quoted_from_lines,
    }
}

/// The message's headers, `MIME-Version` last (the body adds its content headers).
fn headers(letter: &Letter, latin: bool, rng: &mut Rng) -> String {
    let (name, address) = &letter.sender;
    let mut h = String::new();
    h.push_str(&format!("Return-Path: <{address}>\n"));
    h.push_str(&format!("Delivered-To: {}\n", ME.1));
    let domain = address.split('@').nth(1).unwrap_or("example.com");
    for hop in 0..1 + rng.below(3) {
        h.push_str(&format!(
            "Received: from mail-{hop}{:x}.{domain} (mail.{domain} [203.0.113.{}])\n\
             \tby mx.example.com with ESMTPS id {:x}\n\tfor <{}>; {}\n",
            rng.below(256),
            rng.below(255),
            rng.next(),
            ME.1,
            letter.date.to_rfc2822()
        ));
    }
    if rng.chance(60) {
        let sig = base64_body(&rng.next().to_le_bytes().repeat(24));
        h.push_str(&format!(
            "DKIM-Signature: v=1; a=rsa-sha256; c=relaxed/relaxed; d={domain}; s=s1;\n\
             \th=from:to:subject:date:message-id; bh={}=;\n\tb={}\n",
            &sig[..43],
            sig.trim_end().replace('\n', "\n\t")
        ));
    }
    let display = header_text(name, latin, rng);
    if display.is_ascii() && display.contains(['\'', ',']) {
        h.push_str(&format!("From: \"{display}\" <{address}>\n"));
    } else {
        h.push_str(&format!("From: {display} <{address}>\n"));
    }
    h.push_str(&format!("To: {} <{}>\n", ME.0, ME.1));
    h.push_str(&format!(
        "Subject: {}\n",
        header_text(&letter.subject, latin, rng)
    ));
    h.push_str(&format!("Date: {}\n", letter.date.to_rfc2822()));
    if let Some(id) = &letter.message_id {
        h.push_str(&format!("Message-ID: {id}\n"));
    }
    if let Some(id) = &letter.in_reply_to {
        h.push_str(&format!("In-Reply-To: {id}\nReferences: {id}\n"));
    }
    if rng.chance(40) {
        h.push_str(&format!(
            "List-Unsubscribe: <https://{domain}/unsubscribe/{:x}>\n",
            rng.next()
        ));
    }
    h.push_str("MIME-Version: 1.0\n");
    h
}

/// The content headers and body of `text` (and its HTML) encoded as `shape`.
fn mime_body(i: usize, shape: Shape, letter: &Letter, text: &str, rng: &mut Rng) -> Vec<u8> {
    let mut raw = Vec::new();
    match shape {
        Shape::Plain => {
            let cte = if text.is_ascii() { "7bit" } else { "8bit" };
            raw.extend_from_slice(
                format!(
                    "Content-Type: text/plain; charset=utf-8; format=flowed\n\
                     Content-Transfer-Encoding: {cte}\n\n{text}"
                )
                .as_bytes(),
            );
        }
        Shape::QuotedPrintable => {
            raw.extend_from_slice(
                format!(
                    "Content-Type: text/plain; charset=\"UTF-8\"\n\
                     Content-Transfer-Encoding: quoted-printable\n\n{}",
                    quoted_printable(text.as_bytes())
                )
                .as_bytes(),
            );
        }
        Shape::Base64 => {
            raw.extend_from_slice(
                format!(
                    "Content-Type: text/plain; charset=UTF-8\n\
                     Content-Transfer-Encoding: base64\n\n{}",
                    base64_body(text.as_bytes())
                )
                .as_bytes(),
            );
        }
        Shape::Latin1 => {
            let body = latin1(text);
            if rng.chance(60) {
                raw.extend_from_slice(
                    b"Content-Type: text/plain; charset=ISO-8859-1\n\
                      Content-Transfer-Encoding: 8bit\n\n",
                );
                raw.extend_from_slice(&body);
            } else {
                raw.extend_from_slice(
                    format!(
                        "Content-Type: text/plain; charset=iso-8859-1\n\
                         Content-Transfer-Encoding: quoted-printable\n\n{}",
                        quoted_printable(&body)
                    )
                    .as_bytes(),
                );
            }
        }
        Shape::Alternative => {
            let boundary = format!("=_jt_alt_{i:08x}_{:x}", rng.next() as u32);
            let (text_cte, text_part) = if rng.chance(50) {
                ("quoted-printable", quoted_printable(text.as_bytes()))
            } else {
                ("8bit", text.to_owned())
            };
            let html = html_body(letter);
            let (html_cte, html_part) = if rng.chance(60) {
                ("quoted-printable", quoted_printable(html.as_bytes()))
            } else {
                ("base64", base64_body(html.as_bytes()))
            };
            raw.extend_from_slice(
                format!(
                    "Content-Type: multipart/alternative;\n\tboundary=\"{boundary}\"\n\n\
                     This is a multi-part message in MIME format.\n\n\
                     --{boundary}\nContent-Type: text/plain; charset=utf-8\n\
                     Content-Transfer-Encoding: {text_cte}\n\n{text_part}\n\
                     --{boundary}\nContent-Type: text/html; charset=utf-8\n\
                     Content-Transfer-Encoding: {html_cte}\n\n{html_part}\n\
                     --{boundary}--\n"
                )
                .as_bytes(),
            );
        }
        Shape::HtmlOnly => {
            raw.extend_from_slice(
                format!(
                    "Content-Type: text/html; charset=utf-8\n\
                     Content-Transfer-Encoding: quoted-printable\n\n{}",
                    quoted_printable(html_body(letter).as_bytes())
                )
                .as_bytes(),
            );
        }
    }
    raw
}

fn crlf(raw: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(raw.len() + raw.len() / 40);
    for &b in raw {
        if b == b'\n' {
            out.push(b'\r');
        }
        out.push(b);
    }
    out
}

/// Messages that must be reported as unreadable: no headers, or nothing to show.
const MALFORMED_BODIES: &[&str] = &[
    "",
    "\n\n",
    "   \n\t\n",
    "X-Mailer: broken-exporter 0.1\nX-Spam-Flag: YES\n\n",
    "MIME-Version: 1.0\nContent-Type: text/plain; charset=utf-8\n\n   \n",
];

/// One message of the mailbox, in file order.
#[derive(Debug, Clone, Copy)]
enum Entry {
    Unique(usize),
    Malformed(usize),
    Copy(usize),
}

/// The file order: distinct messages in date order, the others spread among them, each
/// copy after its original.
fn layout(unique: usize) -> Vec<Entry> {
    let mut rng = Rng(SEED);
    let mut extras: Vec<(usize, Entry)> = Vec::new();
    for k in 0..MALFORMED {
        extras.push((1 + rng.below(unique), Entry::Malformed(k)));
    }
    for (count, with_id) in [(COPIES_WITH_ID, true), (COPIES_WITHOUT_ID, false)] {
        for _ in 0..count {
            let original = loop {
                let j = rng.below(unique);
                if has_message_id(j) == with_id {
                    break j;
                }
            };
            // Anywhere after the original: sometimes in the same batch, mostly later.
            let after = original + 1 + rng.below(unique - original);
            extras.push((after, Entry::Copy(original)));
        }
    }
    extras.sort_by_key(|&(after, _)| after);
    let mut extras = extras.into_iter().peekable();
    let mut entries = Vec::with_capacity(unique + MALFORMED + COPIES_WITH_ID + COPIES_WITHOUT_ID);
    for i in 0..unique {
        entries.push(Entry::Unique(i));
        while let Some((_, e)) = extras.next_if(|&(after, _)| after == i + 1) {
            entries.push(e);
        }
    }
    entries
}

/// What was written, and so what the import must report.
struct Mailbox {
    messages: usize,
    unique: usize,
    bytes: u64,
    /// Distinct messages whose text has a line starting `From `, and `>From `.
    with_from_line: usize,
    with_quoted_from_line: usize,
}

/// Writes the mailbox with mboxrd quoting: a body line `>*From ` gains one `>`.
fn write_mbox(path: &Path, unique: usize) -> std::io::Result<Mailbox> {
    let mut out = BufWriter::with_capacity(1 << 20, File::create(path)?);
    let entries = layout(unique);
    let mut mailbox = Mailbox {
        messages: entries.len(),
        unique,
        bytes: 0,
        with_from_line: 0,
        with_quoted_from_line: 0,
    };
    for entry in entries {
        let (envelope, raw) = match entry {
            Entry::Unique(i) => {
                let g = render(i);
                mailbox.with_from_line += usize::from(g.from_lines > 0);
                mailbox.with_quoted_from_line += usize::from(g.quoted_from_lines > 0);
                (g.envelope, g.raw)
            }
            Entry::Copy(i) => {
                let g = render(i);
                (g.envelope, g.raw)
            }
            Entry::Malformed(k) => (
                "MAILER-DAEMON Thu Jan  1 00:00:00 2026".to_owned(),
                MALFORMED_BODIES[k % MALFORMED_BODIES.len()]
                    .as_bytes()
                    .to_vec(),
            ),
        };
        writeln!(out, "From {envelope}")?;
        for line in raw.split_inclusive(|&b| b == b'\n') {
            if line
                .iter()
                .position(|&b| b != b'>')
                .is_some_and(|n| line[n..].starts_with(b"From "))
            {
                out.write_all(b">")?;
            }
            out.write_all(line)?;
        }
        out.write_all(b"\n")?;
    }
    out.flush()?;
    mailbox.bytes = std::fs::metadata(path)?.len();
    Ok(mailbox)
}

/// Stored emails whose body has a line starting with `prefix`.
fn bodies_with_line(store: &Store, prefix: &str) -> jobtrail_core::store::Result<i64> {
    store.read(|c| {
        c.query_row(
            "SELECT count(*) FROM emails
             WHERE substr(body, 1, length(?1)) = ?1 OR instr(body, char(10) || ?1) > 0",
            [prefix],
            |r| r.get(0),
        )
    })
}

/// Peak resident memory since the last [`reset_peak_rss`], in MiB (Linux only).
fn peak_rss_mib() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kib: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kib / 1024.0)
}

/// Resets the peak to the current RSS (Linux 4.0+); false where that is not possible.
fn reset_peak_rss() -> bool {
    std::fs::write("/proc/self/clear_refs", "5").is_ok()
}

fn main() -> ExitCode {
    // `cargo bench` passes `--bench`; `cargo test --benches` runs a smaller mailbox once.
    let full = std::env::args().any(|a| a == "--bench");
    let unique = if full { UNIQUE } else { UNIQUE / 10 };
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("inbox.mbox");
    let mailbox = write_mbox(&path, unique).expect("write the mailbox");
    let mut store = Store::open(dir.path()).expect("open the store");
    let rss_reset = reset_peak_rss();

    let started = Instant::now();
    let first = import::import_files(&mut store, &[&path], &mut |_| {}).expect("the import runs");
    let elapsed = started.elapsed();
    println!(
        "mbox import: {} messages ({:.1} MiB) in {:.2} s — {} msg/s; imported {}, \
         duplicates {}, failed {}",
        thousands(mailbox.messages),
        mailbox.bytes as f64 / (1024.0 * 1024.0),
        elapsed.as_secs_f64(),
        thousands(per_second(mailbox.messages, elapsed)),
        thousands(first.imported),
        thousands(first.duplicates),
        thousands(first.failed),
    );
    let stored = emails::count(&store).expect("count the emails");
    let with_from = bodies_with_line(&store, "From ").expect("count From lines");
    let with_quoted_from = bodies_with_line(&store, ">From ").expect("count >From lines");

    let started = Instant::now();
    let second =
        import::import_files(&mut store, &[&path], &mut |_| {}).expect("the re-import runs");
    let elapsed = started.elapsed();
    println!(
        "re-import: {} new, {} duplicates in {:.2} s — {} msg/s",
        thousands(second.imported),
        thousands(second.duplicates),
        elapsed.as_secs_f64(),
        thousands(per_second(mailbox.messages, elapsed)),
    );
    match peak_rss_mib() {
        Some(mib) if rss_reset => println!("peak RSS during the imports: {mib:.1} MiB"),
        Some(mib) => println!("peak RSS: {mib:.1} MiB"),
        None => {}
    }

    let copies = COPIES_WITH_ID + COPIES_WITHOUT_ID;
    let unique = mailbox.unique;
    let checks = [
        (
            first.imported == unique,
            format!("imported {} messages, expected {unique}", first.imported),
        ),
        (
            first.duplicates == copies,
            format!("{} duplicates, expected {copies}", first.duplicates),
        ),
        (
            first.failed == MALFORMED,
            format!("{} failed, expected {MALFORMED}", first.failed),
        ),
        (
            usize::try_from(stored).ok() == Some(first.imported),
            format!("{stored} emails stored after importing {}", first.imported),
        ),
        (
            usize::try_from(with_from).ok() == Some(mailbox.with_from_line),
            format!(
                "{with_from} bodies with a `From ` line, expected {} (mboxrd quoting undone)",
                mailbox.with_from_line
            ),
        ),
        (
            usize::try_from(with_quoted_from).ok() == Some(mailbox.with_quoted_from_line),
            format!(
                "{with_quoted_from} bodies with a `>From ` line, expected {}",
                mailbox.with_quoted_from_line
            ),
        ),
        (
            second.imported == 0,
            format!(
                "re-import stored {} new messages, expected 0",
                second.imported
            ),
        ),
        (
            // Every readable message is now a duplicate, the in-file copies included.
            second.duplicates == unique + copies,
            format!(
                "re-import: {} duplicates, expected {}",
                second.duplicates,
                unique + copies
            ),
        ),
        (
            second.failed == MALFORMED,
            format!("re-import: {} failed, expected {MALFORMED}", second.failed),
        ),
    ];
    let wrong: Vec<&String> = checks
        .iter()
        .filter(|(ok, _)| !ok)
        .map(|(_, m)| m)
        .collect();
    if wrong.is_empty() {
        return ExitCode::SUCCESS;
    }
    for message in wrong {
        eprintln!("import bench: wrong count: {message}");
    }
    for e in first
        .files
        .iter()
        .flat_map(|f| &f.errors)
        .take(MALFORMED + 10)
    {
        eprintln!("  message {}: {}", e.index, e.reason);
    }
    ExitCode::FAILURE
}
