//! Threads: the newest part of a message decides, the quoted history is context.
//!
//! A reply's history starts at the first `>` line, an attribution line ("On …, X
//! wrote:", "Am … schrieb …:", "Le … a écrit :", "El … escribió:", "Op … schreef …:",
//! "Il … ha scritto:", "Em … escreveu:"), an "-----Original Message-----" rule or an
//! Outlook header block ("From: … Sent: …", "Von: … Gesendet: …").

use super::text::fold;

/// A body split into its newest text and the quoted history.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Thread {
    /// What the sender wrote now.
    pub newest: String,
    /// Quoted earlier messages, `>` marks removed.
    pub quoted: String,
}

/// Verbs of attribution lines, folded.
const WROTE: &[&str] = &[
    "wrote",
    "schrieb",
    "a ecrit",
    "escribio",
    "schreef",
    "ha scritto",
    "escreveu",
    "skrev",
    "kirjoitti",
];

/// Header names that open a quoted Outlook block, folded, and the ones that follow.
const FROM_HEADERS: &[&str] = &["from:", "von:", "de:", "de :", "van:", "da:", "from :"];
const SENT_HEADERS: &[&str] = &[
    "sent:",
    "date:",
    "gesendet:",
    "datum:",
    "envoye :",
    "envoye:",
    "enviado:",
    "enviado el:",
    "verzonden:",
    "inviato:",
    "data:",
    "fecha:",
];

/// Splits `body` at the start of its quoted history.
pub(crate) fn split(body: &str) -> Thread {
    let lines: Vec<&str> = body.lines().collect();
    let folded: Vec<String> = lines.iter().map(|l| fold(l.trim())).collect();
    let cut = (0..lines.len()).find(|&i| opens_history(&folded, i));
    match cut {
        None => Thread {
            newest: unwrap(body.trim()),
            quoted: String::new(),
        },
        Some(i) => Thread {
            newest: unwrap(lines[..i].join("\n").trim()),
            quoted: unwrap(
                &lines[i..]
                    .iter()
                    .map(|l| l.trim_start().trim_start_matches(['>', ' ']))
                    .collect::<Vec<_>>()
                    .join("\n"),
            ),
        },
    }
}

/// Whether a line is a labelled field ("Event type: …", "Invitee: …"), a line of
/// its own in a template.
fn is_field(line: &str) -> bool {
    line.trim_start().split_once(':').is_some_and(|(label, _)| {
        !label.is_empty() && label.len() <= 25 && label.split_whitespace().count() <= 3
    })
}

/// Plain text as its writer typed it: a mail program wraps paragraphs at about 72
/// columns, which splits names and titles over two lines ("your application for
/// DevOps\nEngineer at …"). A line of wrapping width (55 to 80 characters) that runs
/// into a line of text is joined to it; short lines (greetings, signatures, lists)
/// and long ones (paragraphs from HTML, never wrapped) stay as they are.
fn unwrap(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut lines = text.lines().peekable();
    while let Some(line) = lines.next() {
        out.push_str(line);
        let width = line.trim_end().chars().count();
        // A line ending in a colon introduces what follows ("Estos son los datos del
        // aviso:" over a job card).
        let joins = (55..=80).contains(&width)
            && !is_field(line)
            && !line.trim_end().ends_with(':')
            && lines.peek().is_some_and(|next| {
                let next = next.trim_start();
                next.chars().next().is_some_and(char::is_alphanumeric) && !is_field(next)
            });
        out.push(if joins { ' ' } else { '\n' });
    }
    out.truncate(out.trim_end().len());
    out
}

/// Whether folded line `i` opens the quoted history.
fn opens_history(lines: &[String], i: usize) -> bool {
    let line = lines[i].as_str();
    if line.starts_with('>') {
        return true;
    }
    // "-----Original Message-----", "----- Forwarded message -----", "____".
    if (line.starts_with("-----") || line.starts_with("_____"))
        && line.chars().any(char::is_alphabetic)
    {
        return true;
    }
    // An attribution, possibly wrapped over two lines: "On Mon, 2 Mar 2026 at 10:12,
    // Alex <a@b> wrote:".
    let attribution = |l: &str| {
        l.len() < 240 && l.trim_end().ends_with(':') && WROTE.iter().any(|w| super::text::has(l, w))
    };
    if attribution(line) {
        return true;
    }
    if let Some(next) = lines.get(i + 1)
        && line.len() < 200
        && !line.is_empty()
        && starts_like_attribution(line)
        && attribution(&format!("{line} {next}"))
    {
        return true;
    }
    // An Outlook header block.
    if FROM_HEADERS.iter().any(|h| line.starts_with(h)) {
        return lines
            .iter()
            .skip(i + 1)
            .take(4)
            .any(|l| SENT_HEADERS.iter().any(|h| l.starts_with(h)));
    }
    false
}

/// Whether a line starts the way attributions do ("On", "Am", "Le", "El", "Op", "Il",
/// "Em", or a date).
fn starts_like_attribution(line: &str) -> bool {
    ["on ", "am ", "le ", "el ", "op ", "il ", "em ", "den "]
        .iter()
        .any(|p| line.starts_with(p))
        || line.starts_with(|c: char| c.is_ascii_digit())
}

/// Closing lines before a signature, folded ("Best,", "Mit freundlichen Grüßen").
pub(crate) const SIGN_OFFS: &[&str] = &[
    "best",
    "thanks",
    "thank you",
    "many thanks",
    "regards",
    "kind regards",
    "best regards",
    "cheers",
    "sincerely",
    "yours sincerely",
    "warm regards",
    "warmly",
    "best wishes",
    "all the best",
    "talk soon",
    "speak soon",
    "see you soon",
    "viele grusse",
    "mit freundlichen grussen",
    "freundliche grusse",
    "beste grusse",
    "herzliche grusse",
    "liebe grusse",
    "gruss",
    "cordialement",
    "bien cordialement",
    "bien a vous",
    "belle journee",
    "bonne journee",
    "a tres vite",
    "saludos",
    "un saludo",
    "saludos cordiales",
    "atentamente",
    "un abrazo",
    "met vriendelijke groet",
    "vriendelijke groet",
    "groeten",
    "groet",
    "hartelijke groet",
    "cordiali saluti",
    "saluti",
    "un saluto",
    "a presto",
    "atenciosamente",
    "cumprimentos",
    "com os melhores cumprimentos",
    "obrigado",
    "obrigada",
    "abracos",
    // Malay
    "sekian",
    "sekian terima kasih",
    "terima kasih",
    "salam hormat",
    "yang benar",
    "yang ikhlas",
    "wassalam",
    // Indonesian
    "hormat kami",
    "salam hangat",
    "salam",
    "salam sukses",
    "--",
];

/// Where the signature of `lines` starts: after the last closing line ("Best,") or
/// a "--" rule among the last lines; `lines.len()` when there is none.
pub(crate) fn signature_start(lines: &[&str]) -> usize {
    let from = lines.len().saturating_sub(10);
    (from..lines.len())
        .rev()
        .find(|&i| {
            let l = fold(lines[i].trim().trim_end_matches([',', '.', '!']));
            SIGN_OFFS.contains(&l.as_str())
        })
        .map_or(lines.len(), |i| i + 1)
}

/// Whether `subject` is a reply or a forward ("Re:", "AW:", "Fwd:", "RE :", "R:",
/// "Antw:", "SV:", "TR:", "WG:"), whose words belong to the thread, not to the newest
/// message.
pub(crate) fn is_reply(subject: &str) -> bool {
    let s = fold(subject.trim());
    [
        "re:", "re :", "aw:", "fwd:", "fw:", "r:", "antw:", "sv:", "tr:", "wg:", "rif:", "res:",
    ]
    .iter()
    .any(|p| s.starts_with(p))
}

/// `subject` without its reply and forward prefixes.
pub(crate) fn bare_subject(subject: &str) -> &str {
    let mut s = subject.trim();
    loop {
        let lower = s.to_ascii_lowercase();
        let Some(p) = [
            "re:", "re :", "aw:", "fwd:", "fw:", "antw:", "sv:", "tr:", "wg:", "rif:", "res:",
        ]
        .iter()
        .find(|p| lower.starts_with(*p)) else {
            return s;
        };
        s = s[p.len()..].trim_start();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quoted_history_is_cut_in_many_languages() {
        for (body, newest) in [
            (
                "Great news.\n\nOn Mon, 2 Mar 2026 at 10:12, Alex <a@b.c> wrote:\n> Hi",
                "Great news.",
            ),
            (
                "Ja.\nAm 3. März 2026 um 10:00 schrieb Katrin Sommer <k@s.de>:\n> Hallo",
                "Ja.",
            ),
            (
                "Oui.\nLe mar. 3 mars 2026 à 10:00, Claire <c@r.fr> a écrit :\n> Bonjour",
                "Oui.",
            ),
            (
                "Sí.\nEl mar, 3 mar 2026 a las 10:00, Lucía <l@c.es> escribió:\n> Hola",
                "Sí.",
            ),
            ("Ok.\n-----Original Message-----\nFrom: x", "Ok."),
            (
                "Ok.\nFrom: Dana <d@x.com>\nSent: Monday\nSubject: Hi",
                "Ok.",
            ),
            ("Ok.\n> quoted\n> more", "Ok."),
            (
                "Ok.\nOn Mon, 2 Mar 2026 at 10:12, Alex Morgan\n<alex@example.net> wrote:\n> Hi",
                "Ok.",
            ),
        ] {
            assert_eq!(split(body).newest, newest, "{body}");
        }
        let t = split("No history here.\nOn Friday we meet.");
        assert_eq!(t.newest, "No history here.\nOn Friday we meet.");
        assert!(t.quoted.is_empty());
    }

    #[test]
    fn reply_subjects_are_recognised() {
        assert!(is_reply("Re: Offer") && is_reply("AW: Ihre Bewerbung") && !is_reply("Offer"));
        assert_eq!(bare_subject("Re: RE: Fwd: Offer"), "Offer");
    }
}
