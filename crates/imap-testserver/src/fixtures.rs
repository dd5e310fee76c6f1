//! Job-search mail of every MIME shape the importer meets, to seed a test mailbox.
//!
//! Real mailboxes mix plain and HTML mail, quoted-printable and base64 bodies,
//! non-UTF-8 charsets, attachments, mail without a Message-ID, job mail from applicant
//! tracking systems next to newsletters, and now and then something that is not an
//! email at all. Each fixture here is one of those, with its purpose beside it, so a
//! sync or classification test can say which shape it covers. Lines end in CRLF, as
//! IMAP stores them.

/// The name of [`seed_messages`]' malformed fixture, which the mail parser rejects.
pub const MALFORMED: &str = "malformed-no-headers";

/// The name of the Greenhouse interview invite (Globex, Backend Engineer).
pub const GREENHOUSE_INTERVIEW: &str = "greenhouse-interview";

/// Every fixture as (name, raw message), in a fixed order.
pub fn seed_messages() -> Vec<(String, Vec<u8>)> {
    vec![
        // The baseline: text/plain, UTF-8 in 8bit (umlauts, €, an en dash), a
        // recruiter following up on a call.
        ("plain-utf8".to_owned(), plain_utf8()),
        // text/plain and text/html alternatives: the parser must pick the text part,
        // not markup.
        ("multipart-alternative".to_owned(), multipart_alternative()),
        // quoted-printable with soft line breaks and =XX-encoded UTF-8: an offer.
        ("quoted-printable".to_owned(), quoted_printable()),
        // A base64 text body (as Workday sends): nothing readable without decoding.
        ("base64-body".to_owned(), base64_body()),
        // ISO-8859-1: encoded-words in From and Subject, Latin-1 bytes in the body
        // (not valid UTF-8). A German interview invitation.
        ("latin1-encoded-words".to_owned(), latin1_encoded_words()),
        // multipart/mixed with a PDF attachment: the text is the first part only.
        ("attachment".to_owned(), attachment()),
        // No Message-ID header: deduplication must not rely on one.
        ("no-message-id".to_owned(), no_message_id()),
        // The invite a classifier must find: Greenhouse, Globex, Backend Engineer.
        (GREENHOUSE_INTERVIEW.to_owned(), greenhouse_interview()),
        // An application-received confirmation from an applicant tracking system.
        ("application-received".to_owned(), application_received()),
        // A rejection.
        ("rejection".to_owned(), rejection()),
        // Bulk mail that is not about jobs at all (List-Unsubscribe, Precedence: bulk).
        ("newsletter".to_owned(), newsletter()),
        // Not an email: text lines with no header at all (a fragment a broken relay
        // stored). Dovecot accepts it; `jobtrail_core::tracker::mail::parse` rejects it
        // with "is not an email message (no headers found)" because mail-parser finds
        // no header field in it. No line holds a colon, so none passes for a header.
        (MALFORMED.to_owned(), malformed()),
    ]
}

/// The fixture called `name`.
pub fn by_name(name: &str) -> Option<Vec<u8>> {
    seed_messages()
        .into_iter()
        .find(|(n, _)| n == name)
        .map(|(_, raw)| raw)
}

/// `raw` with its `Date:` header set to now: new mail, as it arrives (the fixtures
/// carry fixed dates from the past).
pub fn dated_now(raw: &[u8]) -> Vec<u8> {
    let now = chrono::Utc::now().to_rfc2822();
    let text = String::from_utf8_lossy(raw);
    let mut out = String::with_capacity(text.len());
    for line in text.split_inclusive('\n') {
        if line.to_ascii_lowercase().starts_with("date:") {
            out.push_str(&format!("Date: {now}\r\n"));
        } else {
            out.push_str(line);
        }
    }
    out.into_bytes()
}

/// `\n` to `\r\n`.
fn crlf(text: &str) -> Vec<u8> {
    crlf_bytes(text.as_bytes())
}

fn crlf_bytes(bytes: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(bytes.len() + bytes.len() / 40);
    for &b in bytes {
        if b == b'\n' {
            out.push(b'\r');
        }
        out.push(b);
    }
    out
}

/// Standard base64 in 76-character lines, as mailers write it.
fn base64(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::new();
    for (i, chunk) in bytes.chunks(3).enumerate() {
        if i > 0 && i % 19 == 0 {
            out.push('\n');
        }
        let b = [
            chunk[0],
            chunk.get(1).copied().unwrap_or(0),
            chunk.get(2).copied().unwrap_or(0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for k in 0..4 {
            if k <= chunk.len() {
                out.push(char::from(ALPHABET[((n >> (18 - 6 * k)) & 0x3f) as usize]));
            } else {
                out.push('=');
            }
        }
    }
    out.push('\n');
    out
}

fn plain_utf8() -> Vec<u8> {
    crlf(
        "From: Jana Nowak <jana.nowak@initech.example>
To: Alex Doe <alex@jobseeker.example>
Subject: Follow-up on our call: Senior Rust Developer
Date: Tue, 04 Mar 2025 09:15:00 +0100
Message-ID: <20250304091500.4f2a@initech.example>
MIME-Version: 1.0
Content-Type: text/plain; charset=utf-8
Content-Transfer-Encoding: 8bit

Hallo Alex,

thanks for the call this morning. As discussed, the range for the Senior Rust
Developer role is 85.000–95.000 € a year plus equity.

Next step: a 45-minute technical interview with Jörg and Zoë. Could you send me
two or three slots for next week?

Viele Grüße
Jana Nowak, Talent Acquisition, Initech
",
    )
}

fn multipart_alternative() -> Vec<u8> {
    crlf(
        r#"From: Acme Corp Recruiting <recruiting@acme.example>
To: alex@jobseeker.example
Subject: Opportunity: Staff Engineer, Platform at Acme Corp
Date: Wed, 05 Mar 2025 14:02:11 +0000
Message-ID: <CAF=alt.0305.140211@mail.acme.example>
MIME-Version: 1.0
Content-Type: multipart/alternative; boundary="=_acme_alt_7d1f"

This is a multi-part message in MIME format.

--=_acme_alt_7d1f
Content-Type: text/plain; charset=utf-8
Content-Transfer-Encoding: 7bit

Hi Alex,

your profile caught our eye. We are hiring a Staff Engineer for our platform
team (remote, EU time zones). Would you be open to a 20-minute intro call?

Best,
Priya Raman, Acme Corp

--=_acme_alt_7d1f
Content-Type: text/html; charset=utf-8
Content-Transfer-Encoding: 7bit

<!DOCTYPE html>
<html><body style="font-family: sans-serif">
<p>Hi Alex,</p>
<p>your profile caught our eye. We are hiring a <b>Staff Engineer</b> for our
platform team (remote, EU time zones). Would you be open to a
<a href="https://acme.example/jobs/4711">20-minute intro call</a>?</p>
<p>Best,<br>Priya Raman, Acme Corp</p>
</body></html>

--=_acme_alt_7d1f--
"#,
    )
}

fn quoted_printable() -> Vec<u8> {
    crlf(
        "From: Umbrella People Team <people@umbrella.example>
To: Alex Doe <alex@jobseeker.example>
Subject: Your offer: Platform Engineer at Umbrella
Date: Thu, 13 Mar 2025 17:45:30 +0100
Message-ID: <offer-2025-0313-8812@umbrella.example>
MIME-Version: 1.0
Content-Type: text/plain; charset=utf-8
Content-Transfer-Encoding: quoted-printable

Dear Alex,

we are delighted to offer you the position of Platform Engineer at Umbrella, =
starting on 1 May 2025, with an annual salary of 92.000 =E2=82=AC.

Please confirm by 20 March. Your contact for questions is J=C3=BCrgen M=
=C3=BCller in People Operations.

Kind regards,
The Umbrella People Team
",
    )
}

fn base64_body() -> Vec<u8> {
    let body = "Dear Alex Doe,

the status of your application for Site Reliability Engineer (Req. 2025-118)
at Hooli has changed to: In Review.

You can follow its progress in Candidate Home.

Hooli Talent Acquisition
";
    let mut raw = crlf(
        "From: Hooli Careers <hooli@myworkday.example>
To: alex@jobseeker.example
Subject: Application status update: Site Reliability Engineer
Date: Mon, 17 Mar 2025 08:00:04 -0700
Message-ID: <wd.20250317.080004.118@myworkday.example>
MIME-Version: 1.0
Content-Type: text/plain; charset=utf-8
Content-Transfer-Encoding: base64

",
    );
    raw.extend(crlf(&base64(&crlf(body))));
    raw
}

fn latin1_encoded_words() -> Vec<u8> {
    let mut raw = crlf(
        "From: =?ISO-8859-1?Q?J=FCrgen_Wei=DF?= <personal@mueller-soehne.example>
To: Alex Doe <alex@jobseeker.example>
Subject: =?ISO-8859-1?Q?Ihre_Bewerbung_bei_M=FCller_&_S=F6hne:_Einladung?=
 =?ISO-8859-1?Q?_zum_Gespr=E4ch?=
Date: Fri, 21 Mar 2025 10:30:00 +0100
Message-ID: <4711.0321103000@mueller-soehne.example>
MIME-Version: 1.0
Content-Type: text/plain; charset=ISO-8859-1
Content-Transfer-Encoding: 8bit

",
    );
    // Latin-1 bytes: ü=FC, ö=F6, ä=E4, ß=DF.
    raw.extend(crlf_bytes(
        b"Sehr geehrter Herr Doe,\n\nvielen Dank f\xfcr Ihre Bewerbung als Softwareentwickler. Wir m\xf6chten\nSie gerne zu einem pers\xf6nlichen Gespr\xe4ch am 2. April einladen.\n\nMit freundlichen Gr\xfc\xdfen\nJ\xfcrgen Wei\xdf\nM\xfcller & S\xf6hne GmbH\n",
    ));
    raw
}

fn attachment() -> Vec<u8> {
    // The smallest PDF a viewer opens: what an attachment looks like on the wire.
    let pdf = b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 612 792]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n";
    let mut raw = crlf(
        r#"From: Vandelay Industries Hiring <hiring@vandelay.example>
To: alex@jobseeker.example
Subject: Take-home assignment: Data Engineer
Date: Tue, 25 Mar 2025 12:00:00 -0400
Message-ID: <th-0325-ab12@vandelay.example>
MIME-Version: 1.0
Content-Type: multipart/mixed; boundary="vandelay-mixed-01"

--vandelay-mixed-01
Content-Type: text/plain; charset=us-ascii

Hi Alex,

as promised, the take-home assignment for the Data Engineer role is attached.
Please send your solution within 7 days.

Art Vandelay

--vandelay-mixed-01
Content-Type: application/pdf; name="assignment.pdf"
Content-Disposition: attachment; filename="assignment.pdf"
Content-Transfer-Encoding: base64

"#,
    );
    raw.extend(crlf(&base64(pdf)));
    raw.extend(crlf("\n--vandelay-mixed-01--\n"));
    raw
}

fn no_message_id() -> Vec<u8> {
    crlf(
        "From: Tony Stark <tony@stark.example>
To: alex@jobseeker.example
Subject: Quick question about your availability
Date: Wed, 26 Mar 2025 19:12:44 -0700
MIME-Version: 1.0
Content-Type: text/plain; charset=us-ascii

Alex,

are you available to start in June for the Robotics Engineer role? A yes or no
is enough for now.

Tony
",
    )
}

fn greenhouse_interview() -> Vec<u8> {
    crlf(
        "From: Globex Recruiting <no-reply@greenhouse.io>
Reply-To: Hank Scorpio <hank.scorpio@globex.example>
To: Alex Doe <alex@jobseeker.example>
Subject: Interview invitation: Backend Engineer at Globex
Date: Thu, 27 Mar 2025 16:20:00 +0000
Message-ID: <gh.8f3e9a1c.interview@greenhouse.io>
MIME-Version: 1.0
Content-Type: text/plain; charset=utf-8
Content-Transfer-Encoding: 7bit

Hi Alex,

thank you for applying for the Backend Engineer position at Globex. We have
reviewed your application and we would like to invite you to an interview.

Please choose a time that suits you using the link below:
https://app.greenhouse.io/scheduling/8f3e9a1c

Best regards,
Hank Scorpio
Globex Corporation
",
    )
}

fn application_received() -> Vec<u8> {
    crlf(
        "From: Soylent Talent <no-reply@hire.lever.co>
To: alex@jobseeker.example
Subject: Thank you for applying to Soylent
Date: Mon, 10 Mar 2025 11:11:11 +0000
Message-ID: <lever.app.0310.5521@hire.lever.co>
MIME-Version: 1.0
Content-Type: text/plain; charset=utf-8

Hi Alex,

thank you for your interest in Soylent! We have received your application for
the Frontend Developer position and our team will review it shortly.

Soylent Talent Team
",
    )
}

fn rejection() -> Vec<u8> {
    crlf(
        "From: Pied Piper <noreply@candidates.workablemail.example>
To: alex@jobseeker.example
Subject: Your application to Pied Piper
Date: Fri, 28 Mar 2025 09:05:00 -0700
Message-ID: <workable.rej.0328.77@candidates.workablemail.example>
MIME-Version: 1.0
Content-Type: text/plain; charset=utf-8

Dear Alex,

thank you for your time and interest in the Compression Engineer role at Pied
Piper. After careful consideration we have decided to move forward with other
candidates whose experience more closely matches our needs.

We wish you the best in your search.

Pied Piper Hiring Team
",
    )
}

fn newsletter() -> Vec<u8> {
    crlf(
        "From: The Sourdough Weekly <news@sourdough-weekly.example>
To: alex@jobseeker.example
Subject: This week: rye starters and a no-knead focaccia
Date: Sat, 29 Mar 2025 07:00:00 +0000
Message-ID: <issue-212.2025-03-29@sourdough-weekly.example>
List-Id: The Sourdough Weekly <weekly.sourdough-weekly.example>
List-Unsubscribe: <https://sourdough-weekly.example/unsubscribe?u=alex>
Precedence: bulk
MIME-Version: 1.0
Content-Type: text/plain; charset=utf-8

Hello bakers,

this week we feed a rye starter twice a day and bake a no-knead focaccia with
rosemary from the balcony.

Happy baking!
The Sourdough Weekly
",
    )
}

fn malformed() -> Vec<u8> {
    crlf(
        "and so the second half of the message arrived without the first
the relay had dropped everything up to this line
there is no sender here and no subject either
",
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64_matches_rfc4648_vectors() {
        assert_eq!(base64(b""), "\n");
        assert_eq!(base64(b"f"), "Zg==\n");
        assert_eq!(base64(b"fo"), "Zm8=\n");
        assert_eq!(base64(b"foobar"), "Zm9vYmFy\n");
        let long = base64(&[0; 120]);
        assert!(long.lines().all(|l| l.len() <= 76), "lines stay within 76");
    }

    #[test]
    fn fixtures_end_lines_in_crlf() {
        for (name, raw) in seed_messages() {
            for (i, &b) in raw.iter().enumerate() {
                if b == b'\n' {
                    assert_eq!(raw.get(i.wrapping_sub(1)), Some(&b'\r'), "{name}: bare LF");
                }
            }
        }
    }
}
