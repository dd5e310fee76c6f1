//! People in a message, so that their names are not taken for employers: the
//! sender, the person greeted ("Hi Alex,"), the writer signing off ("Best,\nRachel
//! Kim") and people introduced with their employer ("Maya Chen (Kestrel Payments)").

use super::names::{run_at, run_before};
use super::relays::Sender;
use super::text::{filled_lines, fold, squash};

/// Whether a person named `name` signs the newest text with their first name
/// ("Best,\nMaya"): then the display name is a person's, not an employer's.
pub(super) fn signs_off(newest: &str, name: &str) -> bool {
    let words: Vec<&str> = name.split_whitespace().collect();
    let Some(first) = words
        .first()
        .filter(|w| w.chars().count() >= 3 && (2..=3).contains(&words.len()))
    else {
        return false;
    };
    let lines = filled_lines(newest);
    let tail = &lines[lines.len().saturating_sub(8)..];
    // "Maya", or "Maya Chen" over a title line ("Senior Recruiter, Acme").
    tail.iter()
        .any(|l| l.trim_end_matches([',', '.', '!']) == *first)
        || tail
            .windows(2)
            .any(|w| w[0].trim_end_matches(',') == name && title_line(w[1]))
}

/// Whether `line` is a person's title under their name ("Senior Recruiter, Acme"); a
/// team signing ("People Team") is not.
fn title_line(line: &str) -> bool {
    let folded = fold(line);
    let team = folded
        .trim_end_matches(['.', ','])
        .split_whitespace()
        .next_back()
        .is_some_and(|w| ["team", "equipo", "equipe"].contains(&w));
    // A title opens its line; a sentence may name one late ("Fraud alert: … any
    // stage of our recruitment process").
    let opening = folded
        .split_whitespace()
        .take(8)
        .collect::<Vec<_>>()
        .join(" ")
        + " ";
    !team && TITLE_LINE.iter().any(|t| super::text::has(&opening, t))
}

/// Words of a signature's title line.
#[rustfmt::skip]
const TITLE_LINE: &[&str] = &[
    "recruiter", "recruiting", "talent", "partner", "manager", "coordinator", "engineer",
    "head of", "director", "lead", "founder", "ceo", "cto", "hr ", "people", "acquisition",
    "consultant", "specialist", "advisor", "sourcer", "recruitment",
];

/// Greetings that open a message, folded.
#[rustfmt::skip]
const GREETINGS: &[&str] = &[
    "hi ", "hello ", "hey ", "dear ", "hallo ", "bonjour ", "hola ", "hoi ", "ciao ",
    "ola ", "beste ", "caro ", "cara ", "querido ", "querida ", "estimado ", "estimada ",
    "guten tag ", "liebe ", "lieber ", "buongiorno ", "bom dia ", "good morning ",
    "morning ", "sehr geehrte ", "sehr geehrter ", "geachte ", "gentile ", "egregio ",
    "cher ", "chere ", "kedves ", "buna ", "dobry den, ", "dobry den ", "hej ", "hei ",
    "tere ", "witam ", "dzien dobry ", "benvolgut ", "benvolguda ", "prezado ", "prezada ",
    "salam ", "assalamualaikum ", "salam sejahtera ",
];

/// Whether `line` greets by name alone: "Femke," or "Aisling Ó Briain:".
fn bare_name_greeting(line: &str) -> bool {
    let Some(name) = line.strip_suffix(',').or_else(|| line.strip_suffix(':')) else {
        return false;
    };
    let words: Vec<&str> = name.split_whitespace().collect();
    (1..=2).contains(&words.len())
        && words.iter().all(|w| {
            w.starts_with(char::is_uppercase) && w.chars().all(|c| c.is_alphabetic() || c == '-')
        })
}

/// The people of one message.
pub(super) struct People {
    /// The sender, when a person.
    sender: Option<String>,
    /// First names greeted at the top.
    greeted: Vec<String>,
    /// Full names introduced or signing off.
    named: Vec<String>,
}

impl People {
    /// The people of a message from `sender` whose newest text is `newest` and quoted
    /// history `quoted` (whose attribution lines name people: "On …, Mei-Ling
    /// Castellanos <mei@…> wrote:").
    pub fn of(sender: &Sender, newest: &str, quoted: &str) -> Self {
        let greeted = newest
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .take(3)
            .filter_map(|line| {
                let folded = fold(line);
                // "Femke," on a line of its own greets her too.
                let g = GREETINGS
                    .iter()
                    .find(|g| folded.starts_with(*g))
                    .map_or(0, |g| g.len());
                if g == 0 && !bare_name_greeting(line) {
                    return None;
                }
                // "Hi Mei-Ling," greets "mei-ling", the first word of her name;
                // "Sehr geehrte Frau Brouwer" her surname.
                folded[g..]
                    .split(|c: char| !c.is_alphanumeric() && c != '-')
                    .find(|w| !w.is_empty() && !TITLES.contains(w))
                    .map(str::to_owned)
            })
            .collect();
        People {
            sender: sender
                .is_person()
                .then(|| sender.name.as_deref().map(fold))
                .flatten(),
            greeted,
            named: people(newest, sender)
                .into_iter()
                .chain(people(&unquote(quoted), sender))
                .chain(quoted_authors(quoted))
                .collect(),
        }
    }

    /// Whether `name` is one of them (the greeted person's full name too).
    pub fn include(&self, name: &str) -> bool {
        let n = fold(name);
        let first = n.split_whitespace().next().unwrap_or_default();
        let is_sender = self
            .sender
            .as_deref()
            .is_some_and(|s| s == n || s.split_whitespace().any(|w| w == n));
        let is_named = self
            .named
            .iter()
            .any(|p| *p == n || p.split_whitespace().next() == Some(n.as_str()));
        // A greeted surname ("Frau Brouwer") ends the person's full name.
        let last = n.split_whitespace().next_back().unwrap_or_default();
        let surname = (2..=3).contains(&n.split_whitespace().count())
            && self.greeted.iter().any(|g| g == last);
        is_sender || is_named || surname || self.greeted.iter().any(|g| g == first)
    }
}

/// `quoted` history without its quotation marks ("> ").
fn unquote(quoted: &str) -> String {
    quoted
        .lines()
        .map(|l| l.trim_start_matches(['>', ' ']))
        .collect::<Vec<_>>()
        .join("\n")
}

/// Titles before a greeted name.
#[rustfmt::skip]
const TITLES: &[&str] = &[
    "herr", "frau", "mr", "mrs", "ms", "monsieur", "madame", "sr", "sra", "dr", "mevrouw",
    "meneer", "heer", "pani", "pan", "signora", "signor", "dott", "dottoressa", "senhora",
    "senor", "senora", "domnule", "doamna", "puan", "encik", "tuan", "cik",
];

/// People named in `text`: "Maya Chen (Kestrel Payments)" names a person and their
/// employer; the line after a sign-off ("Best,\nRachel Kim") names the writer.
fn people(text: &str, sender: &Sender) -> Vec<String> {
    let mut out = Vec::new();
    // "Maya Chen (Kestrel Payments) has invited you".
    for (i, _) in text.match_indices(" (") {
        // "Maya Chen (Kestrel Payments) has invited you"; with an address in the
        // bracket, only a name the address spells is a person's ("Ruth Kimani
        // (ruth.kimani@…) has requested", not "Emberlane Games (talent@…)").
        let inner = text[i + 2..].split(')').next().unwrap_or_default();
        let acts = text[i..].split_once(')').is_some_and(|(_, after)| {
            [
                " has ", " invited", " sent", " wants", " would", " is ", " from ", " te ha ",
                " vous a ", " ti ha ",
            ]
            .iter()
            .any(|v| after.starts_with(v))
        });
        // "Orchard Lane Cider (Bristol, UK) is hiring": an employer and where it is.
        let place = super::places::is_place(inner.split(',').next().unwrap_or_default());
        if acts
            && !place
            && let Some(run) = run_before(text, i)
            && (2..=3).contains(&run.split_whitespace().count())
            && (!inner.contains('@') || spells(inner, run))
        {
            out.push(fold(run));
        }
    }
    // "Hannah Okafor, Engineering Manager, viewed your profile": a name and a title.
    for (i, _) in text.match_indices(", ") {
        let title = text[i + 2..]
            .split([',', '\n', '.', ';', '!', '?'])
            .next()
            .unwrap_or_default();
        let folded = fold(title);
        if title.starts_with(char::is_uppercase)
            && title.split_whitespace().count() <= 5
            && TITLE_LINE.iter().any(|t| super::text::has(&folded, t))
            && let Some(run) = run_before(text, i)
            && (2..=3).contains(&run.split_whitespace().count())
        {
            out.push(fold(run));
        }
        // "Gabriela, our CEO", "Wei Jie, who leads the team": a person, whatever
        // their name's length.
        let about = ["our ", "their ", "who ", "the head", "head of "]
            .iter()
            .any(|p| folded.starts_with(p));
        let role = [
            "ceo", "founder", "cto", "coo", "cfo", "director", "head", "lead", "manager",
        ]
        .iter()
        .any(|t| super::text::has(&folded, t));
        // Not an organisation so placed ("Here at Kiteloop, our CTO…").
        let placed = |run: &str| {
            let start = i.saturating_sub(run.len());
            let before = fold(text.get(..start).unwrap_or_default());
            ["at", "from", "for", "join", "joining"]
                .iter()
                .any(|p| before.trim_end().ends_with(&format!(" {p}")))
        };
        if about
            && role
            && title.split_whitespace().count() <= 6
            && let Some(run) = run_before(text, i)
            && (1..=2).contains(&run.split_whitespace().count())
            && !placed(run)
        {
            out.push(fold(run));
        }
    }
    // "Lotte Mulder" over "Corporate Recruiter bij Gaslicht Energie"; not a job
    // site's card, where the employer the text sent the application to tops the role
    // ("Your application was sent to Rotaverde Travel" over "Rotaverde Travel" over
    // "Marketing Manager, Iberia").
    let all = filled_lines(text);
    let organisation = |run: &str| {
        ["to ", "at ", "in ", "with ", "bei ", "chez "]
            .iter()
            .any(|p| text.contains(&format!("{p}{run}")))
    };
    for pair in all.windows(2) {
        if let Some(run) = run_at(pair[0], 0)
            && run.len() == pair[0].len()
            && (2..=3).contains(&run.split_whitespace().count())
            && title_line(pair[1])
            && !organisation(run)
        {
            out.push(fold(run));
        }
    }
    // "Mira Castell" over "mira.castell@halvardfinch.com", as a signing service shows
    // who sent the document.
    for pair in all.windows(2) {
        if let Some(run) = run_at(pair[0], 0)
            && run.len() == pair[0].len()
            && (2..=3).contains(&run.split_whitespace().count())
            // The address's own local part, not a sentence around it ("Report …
            // to fraudalert@stanbridgebank.com").
            && pair[1]
                .split_whitespace()
                .find(|t| t.contains('@'))
                .is_some_and(|a| spells(a.trim_start_matches(['(', '<']), run))
        {
            out.push(fold(run));
        }
    }
    // The writer, under the closing line; not the organisation signing as itself.
    let display = sender.name.as_deref().map(squash).unwrap_or_default();
    let label = sender.domain_label().map(squash).unwrap_or_default();
    for pair in all.windows(2) {
        let closing = fold(pair[0].trim_end_matches([',', '.', '!']));
        if super::threads::SIGN_OFFS.contains(&closing.as_str())
            && let Some(run) = run_at(pair[1], 0)
            && run.len() == pair[1].trim_end_matches(',').len()
            && run.split_whitespace().count() <= 3
        {
            let sq = squash(run);
            // "Orbitalia Talent Team": a team signs, not a person.
            let team = fold(run).split_whitespace().next_back().is_some_and(|w| {
                [
                    "team",
                    "talent",
                    "recruiting",
                    "recruitment",
                    "acquisition",
                    "resources",
                    "careers",
                    "hr",
                    "rh",
                    "rrhh",
                    "equipo",
                    "equipe",
                    "recrutement",
                    "seleccion",
                ]
                .contains(&w)
            });
            let signs_as_itself = team
                || (!display.is_empty() && (display.starts_with(&sq) || sq.starts_with(&display)))
                || (label.len() >= 4 && sq.starts_with(&label[..label.len().min(8)]))
                || organisation(run);
            if !signs_as_itself {
                out.push(fold(run));
            }
        }
    }
    // A signing service's note from its sender: "Message from Beatrice Conti:".
    for line in text.lines() {
        let folded = fold(line.trim());
        let Some(name) = [
            "message from ",
            "nachricht von ",
            "message de ",
            "mensaje de ",
            "messaggio da ",
            "bericht van ",
            "mensagem de ",
        ]
        .iter()
        .find(|p| folded.starts_with(*p))
        .and_then(|p| line.trim().get(p.len()..))
        .and_then(|rest| rest.strip_suffix(':'))
        .map(|n| n.trim_end()) else {
            continue;
        };
        if run_at(name, 0).is_some_and(|r| r == name)
            && (2..=3).contains(&name.split_whitespace().count())
        {
            out.push(fold(name));
        }
    }
    // A calendar invitation's guest list: "Clara Tan - organiser".
    for line in text.lines() {
        let line = line.trim();
        let Some((name, role)) = line.rsplit_once(" - ").or_else(|| line.rsplit_once(" – "))
        else {
            continue;
        };
        if [
            "organiser",
            "organizer",
            "organisateur",
            "organisator",
            "organizador",
        ]
        .contains(&fold(role).as_str())
            && (2..=4).contains(&name.split_whitespace().count())
        {
            out.push(fold(name));
        }
    }
    out
}

/// The people a quoted history's attribution lines and header blocks name with their
/// address: "On Mon, 19 Jan 2026 at 09:12, Mei-Ling Castellanos <mei@…> wrote:",
/// "From: Mei-Ling Castellanos <mei@…>".
fn quoted_authors(quoted: &str) -> Vec<String> {
    quoted
        .lines()
        .filter_map(|line| {
            let (before, after) = line.split_once('<')?;
            if !after.contains('@') {
                return None;
            }
            // The last comma-separated part before the address, without a header name.
            let tail = before.rsplit(',').next()?.trim();
            let tail = tail.rsplit_once(':').map_or(tail, |(_, t)| t).trim();
            let words: Vec<&str> = tail.split_whitespace().collect();
            // A person's address spells their first or last name; a team's is generic
            // ("Northwind Talent <talent@…>").
            let local = squash(after.split('@').next().unwrap_or_default());
            let spelled = [words.first(), words.last()]
                .into_iter()
                .flatten()
                .any(|w| squash(w).len() >= 3 && spells(after, w));
            ((2..=3).contains(&words.len())
                && words.iter().all(|w| w.starts_with(char::is_uppercase))
                && spelled
                && !super::relays::GENERIC_ADDRESSES.contains(&local.as_str()))
            .then(|| fold(tail))
        })
        .collect()
}

/// Whether the local part of `address` spells every word of `name`
/// (`mira.castell@…` for "Mira Castell").
pub(super) fn spells(address: &str, name: &str) -> bool {
    let local = squash(address.split('@').next().unwrap_or_default());
    fold(name)
        .split_whitespace()
        .all(|w| squash(w).len() >= 2 && local.contains(&squash(w)))
}
