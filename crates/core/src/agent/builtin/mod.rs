//! The EmailAnalyst's built-in engine: what a job-search email means, read by rules,
//! offline and free, for people with no model configured (and whenever the model
//! cannot answer).
//!
//! - [`threads`] cuts the quoted history off a reply: the newest text decides.
//! - [`relays`] reads the sender: an applicant-tracking system, a scheduling,
//!   assessment, e-signature or screening service, a job site, a mailbox, or the
//!   employer (or its agency) itself.
//! - [`signals`] weighs the cues of `cues` (English, German, French, Spanish, Dutch,
//!   Italian, Portuguese) found in the subject and the newest text, with what the
//!   sender and the text's shape imply: no single phrase decides.
//! - [`learned`] adds what mail worded like this one usually was in the labelled
//!   corpus's read sets (words counted per category, `make learn-words`): one signal
//!   among the others, which reaches wordings no cue lists.
//! - `company` and `role` read the employer and the role as written, `dates` the
//!   dates; a company is then matched to the person's applications.

mod company;
mod cues;
pub(crate) mod dates;
mod learned;
mod names;
mod negation;
mod people;
mod places;
pub(crate) mod relays;
mod requests;
mod role;
pub(crate) mod signals;
mod text;
pub(crate) mod threads;

pub(crate) use crate::tracker::analysis::EmailCategory;
use crate::tracker::analysis::EmailInput;
use crate::tracker::applications::Application;

use company::Named;
use relays::{Relay, Sender};
use signals::Verdict;
pub(crate) use text::{fold, starts_word};
use text::{has, squash};
use threads::Thread;

/// Everything the engine read in one message.
#[derive(Debug, Clone)]
pub(crate) struct Reading {
    pub verdict: Verdict,
    pub thread: Thread,
    /// The employer as written, and where it was read.
    pub company: Option<Named>,
    pub role: Option<String>,
    pub requisition: Option<String>,
    /// The application it belongs to, and why.
    pub linked: Option<(Application, &'static str)>,
    /// 0 to `cap`.
    pub confidence: f64,
}

/// Reads `e`; `apps` are the person's applications, to link it to; confidence is
/// capped at `cap`.
pub(crate) fn read(e: &EmailInput, apps: &[Application], cap: f64) -> Reading {
    let thread = threads::split(&e.body);
    let sender = Sender::read(&e.from);
    let verdict = signals::weigh(&e.subject, &thread.newest, &sender);
    let category = verdict.category;
    // The people the message names: never its employer, nor a role's specialism.
    let people = people::People::of(&sender, &thread.newest, &thread.quoted);
    let mut company =
        company::company(&e.subject, &thread.newest, &thread.quoted, &sender, &people);
    if category == EmailCategory::Other
        && (verdict.elsewhere
            || !about_an_employer(e, &thread, &sender, verdict.about_life)
            || company
                .as_ref()
                .is_some_and(|c| relays::names_no_employer(&c.name)))
    {
        company = None;
    }
    let role = if category == EmailCategory::Other && company.is_none() {
        None
    } else {
        role::role(
            &e.subject,
            &thread.newest,
            &thread.quoted,
            sender.name.as_deref(),
            company.as_ref().map(|c| c.name.as_str()),
            category != EmailCategory::Other,
        )
    };
    // "Site Manager Cold Storage – Femke Brouwer": the candidate's name, not a
    // specialism.
    let role = role.map(|r| role::without_suffix(r, |s| people.include(s)));
    let requisition = role
        .as_ref()
        .and_then(|_| role::requisition(&e.subject, &thread.newest, &thread.quoted));
    let linked = link(apps, company.as_ref(), role.as_deref(), &sender, e, &thread);
    let confidence = confidence(&verdict, linked.is_some()).min(cap);
    Reading {
        verdict,
        thread,
        company,
        role,
        requisition,
        linked,
        confidence,
    }
}

/// The learned-words table for `messages` (each with its true category), read as the
/// engine reads mail: the subject and the newest text.
pub(crate) fn learned_table<'a>(
    messages: impl IntoIterator<Item = (EmailCategory, &'a EmailInput)>,
) -> String {
    let read: Vec<(EmailCategory, &str, String)> = messages
        .into_iter()
        .map(|(c, e)| (c, e.subject.as_str(), threads::split(&e.body).newest))
        .collect();
    learned::table(read.iter().map(|(c, s, n)| (*c, *s, n.as_str())))
}

/// The category of `e` and the signals behind it (the pre-filter's question).
pub(crate) fn classify(e: &EmailInput) -> Verdict {
    let thread = threads::split(&e.body);
    signals::weigh(&e.subject, &thread.newest, &Sender::read(&e.from))
}

/// Words of mail about one's own application process.
#[rustfmt::skip]
const EMPLOYER_CONTEXT: &[&str] = &[
    "your application", "you applied", "you recently applied", "you interviewed",
    "you recently interviewed", "you recently went through", "hiring process",
    "recruitment process", "application process", "your candidacy", "careers account",
    "candidate account", "gesolliciteerd", "sollicitatieproces", "sollicitatie-ervaring",
    "ihre bewerbung", "bewerbungsprozess", "votre candidature", "processus de recrutement",
    "tu candidatura", "proceso de seleccion", "la tua candidatura", "processo di selezione",
    "a sua candidatura", "a tua candidatura", "processo de recrutamento",
    "viewed your profile", "viewed your application", "looked at your profile",
    "bekeek je profiel", "hat ihr profil", "a consulte votre profil", "ha visto il tuo profilo",
    "visualizou o seu perfil", "ha visto tu perfil", "hiring at", "related to hiring",
    "your interview at", "interview experience", "recently interview for",
    "visited your profile", "checked out your profile", "a recruiter at",
    // Brazil: "nosso processo seletivo", "sua candidatura", "um recrutador da X".
    "nosso processo seletivo", "sua candidatura", "visualizou seu perfil", "recrutador da",
];

/// How automatic answers open their subject, folded.
#[rustfmt::skip]
const AUTO_REPLIES: &[&str] = &[
    "automatic reply", "auto-reply", "autoreply", "out of office", "reponse automatique",
    "automatische antwort", "respuesta automatica", "risposta automatica",
    "automatisch antwoord", "resposta automatica", "abwesenheitsnotiz",
];

/// Whether mail filed as `other` still concerns one employer (an applicant-tracking
/// system's password reset, a withdrawal, a candidate survey, a talent community),
/// so naming the employer helps; newsletters, alerts and life's paperwork
/// (`about_life`) name none.
fn about_an_employer(e: &EmailInput, thread: &Thread, sender: &Sender, about_life: bool) -> bool {
    let text = fold(&format!("{}\n{}", e.subject, thread.newest));
    // "Halcyon Bank Careers", "Northwind Talent Team", "Careers at Lumen Grid"; not a
    // newsletter that has such a word in its title ("The Hiring Loop").
    let team_name = sender.name.as_deref().map(fold).is_some_and(|n| {
        let words: Vec<&str> = n.split_whitespace().collect();
        words.iter().enumerate().any(|(i, w)| {
            let next = words.get(i + 1).copied();
            ["careers", "talent", "recruiting", "recruitment", "hiring"].contains(w)
                && matches!(
                    next,
                    None | Some("team" | "at" | "@" | "acquisition" | "community")
                )
        })
    });
    // A webinar or a letting agent says "your application" too.
    let elsewhere = sender.is_bulk_mailer() || about_life;
    // An out-of-office answer from someone at the employer, to the person's own mail
    // about a role ("Automatic reply: Re: Offer – Customer Success Manager").
    let subject = fold(&e.subject);
    let auto_reply = AUTO_REPLIES.iter().any(|p| subject.starts_with(p))
        && sender.relay == Relay::Direct
        && signals::speaks_of_hiring(&subject);
    // A person at the employer writing about a role by its title ("Re: Head of Customer
    // Success – Aisling"), even where no cue says what about it.
    let titled = sender.relay == Relay::Direct
        && sender.is_person()
        && role::is_title(threads::bare_subject(&e.subject));
    // A tracking system's job alert names many employers, none of them the one.
    (sender.relay == Relay::Tracking && !sender.is_bulk_mailer())
        || (!elsewhere
            && (auto_reply
                || titled
                || (team_name && sender.relay == Relay::Direct)
                || EMPLOYER_CONTEXT.iter().any(|p| has(&text, p))))
}

/// The application `e` belongs to: the same company (fuzzily: "Lumen Grid" is
/// `lumengrid.io`), or a company the text names; among several, the one whose role
/// matches.
fn link(
    apps: &[Application],
    company: Option<&Named>,
    role: Option<&str>,
    sender: &Sender,
    e: &EmailInput,
    thread: &Thread,
) -> Option<(Application, &'static str)> {
    let text = fold(&format!("{}\n{}", e.subject, thread.newest));
    let label = sender.domain_label().unwrap_or_default();
    let mut best: Option<(u8, &Application, &'static str)> = None;
    for a in apps {
        let why = if company.is_some_and(|c| same_company(&c.name, &a.company)) {
            Some((3, "its company is named"))
        } else if company::matches_domain(&a.company, label) {
            Some((2, "the sender's domain is its company's"))
        } else if squash(&a.company).len() >= 3 && has(&text, &fold(a.company.trim())) {
            Some((1, "the text names its company"))
        } else {
            None
        };
        let Some((rank, why)) = why else { continue };
        let role_bonus = role.is_some_and(|r| squash(r) == squash(&a.role));
        let rank = rank * 2 + u8::from(role_bonus);
        if best.as_ref().is_none_or(|b| rank > b.0) {
            best = Some((rank, a, why));
        }
    }
    best.map(|(_, a, why)| (a.clone(), why))
}

/// Whether two spellings name one company: equal once squashed ("Lumen Grid",
/// "lumengrid"), or one starts with the other's whole words ("Brackenhurst",
/// "Brackenhurst Energy").
pub(crate) fn same_company(a: &str, b: &str) -> bool {
    let (sa, sb) = (squash(a), squash(b));
    if sa.is_empty() || sb.is_empty() {
        return false;
    }
    let (fa, fb) = (fold(a), fold(b));
    sa == sb
        || (sa.len() >= 4 && fb.starts_with(&format!("{fa} ")))
        || (sb.len() >= 4 && fa.starts_with(&format!("{fb} ")))
}

/// How sure the rules are: the winning score and its margin over the runner-up
/// (`other` included), a little more when an application matched.
fn confidence(v: &Verdict, linked: bool) -> f64 {
    let best = v.score(v.category);
    let runner = v.runner_up.map_or(0.0, |r| r.1).max(0.0);
    let base = if v.category == EmailCategory::Other {
        let job = v.runner_up.map_or(0.0, |r| r.1);
        if best >= 4.0 && job < signals::MIN_SCORE {
            0.55
        } else if job < 1.5 {
            0.45
        } else {
            0.3
        }
    } else {
        let margin = (best - runner).max(0.0);
        0.25 + 0.03 * best.min(10.0) + 0.025 * margin.min(8.0)
    };
    let linked_bonus = if linked { 0.05 } else { 0.0 };
    ((base + linked_bonus) * 100.0).round() / 100.0
}

#[cfg(test)]
#[path = "mod_test.rs"]
mod tests;
