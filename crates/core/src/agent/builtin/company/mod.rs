//! The employer a message is about, as a person would write it ("Lumen Grid", not
//! "Lumengrid"; "Northwind Analytics", not "Greenhouse-mail").
//!
//! Candidates come from the sender's display name (when a relay sends for an
//! employer, or the name matches the sender's domain), from phrases in the subject
//! and the text ("Thank you for applying to X", "X has invited you", "on behalf of
//! X", "the team at X", "chez X", "bei der X GmbH"), from signature lines and from
//! legal names ("X Ltd"). Each scores; a name that matches the sender's domain scores
//! more, unless the sender is a recruiting agency writing about a named client. Names
//! that extend one another ("Juniper & Vale", "Juniper & Vale Insurance") count as
//! one, written the longer way.

use super::names::{run_at, run_before, runs};
use super::people::{People, signs_off, spells};
use super::places::is_place;
use super::relays::{Relay, Sender, before_via, is_service_brand};
use super::text::{Folded, filled_lines, fold, has, squash, starts_word};
use addresses::{addressed_in, signer_domain};
pub(crate) use domain::matches_domain;
use domain::{key, spell_domain};
use job_sites::{before_recommendations, job_card_employers, labelled_employers};
use phrases::{brand_names, current_employers, phrase_candidates};
pub(crate) use words::is_legal;
use words::{
    AGENCY_NAMES, AGENCY_SIGNATURE, AGENCY_TEXT, GROUP_WORDS, INSTITUTION_WORDS, PASSING_ON,
    PUBLIC_BODY_ENDINGS, TEAM_WORDS, TITLE_WORDS, agency_name_ending, clean, legal_names,
    strip_legal,
};

mod addresses;
mod domain;
mod japanese;
mod job_sites;
mod phrases;
mod words;

/// A company named in a message and where it was read.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Named {
    pub name: String,
    pub score: f64,
    /// Where the winning reading came from, for the explanation.
    pub source: &'static str,
}

/// Where a phrase named a candidate.
const PHRASE: &str = "a phrase in the text";
/// Where a name written with its legal suffix was read ("Ostwind Energiehandel AG").
const LEGAL_NAME: &str = "a legal name";
/// Where a name spelled from the sender's domain came from ("Eact Agency").
const DOMAIN: &str = "the sender's domain";
/// Where a whole subject segment named a candidate.
const SUBJECT: &str = "the subject";

struct Candidate {
    name: String,
    score: f64,
    source: &'static str,
    /// Whether a phrase around it named it ("Pellow Foods have reviewed your CV").
    phrase: bool,
    /// Whether a whole subject segment names it ("Kiteline – offer confirmed!").
    subject: bool,
}

/// The employer of a message: `subject`, its newest text and quoted history, and its
/// sender.
pub(crate) fn company(
    subject: &str,
    newest: &str,
    quoted: &str,
    sender: &Sender,
    people: &People,
) -> Option<Named> {
    let subject = super::threads::bare_subject(subject);
    // A job site's "Similar jobs" below its message name other employers.
    let newest = if sender.relay == Relay::JobSite {
        before_recommendations(newest)
    } else {
        newest
    };
    let mut cands: Vec<Candidate> = Vec::new();
    let mut add = |raw: &str, score: f64, source: &'static str| {
        if let Some(name) = clean(raw) {
            cands.push(Candidate {
                name,
                score,
                source,
                phrase: source == PHRASE,
                subject: source == SUBJECT && score >= 2.0,
            });
        }
    };
    // The display name.
    // The display name, already cleaned (it may keep a leading "The").
    // A signing service shows who sent the envelope ("Hannah Cole via Docusign"); the
    // envelope's own name says whose document it is.
    let envelopes = envelope_names(subject);
    let display = display_candidate(sender, newest)
        .filter(|_| sender.relay != Relay::Signature || envelopes.is_empty());
    // Phrases in the subject, the newest text and (weakly) the history.
    for (text, factor) in [(subject, 1.2), (newest, 1.0), (quoted, 0.4)] {
        phrase_candidates(text, factor, &mut add);
    }
    // "Department: Department for Regional Growth": a public body's own line (an
    // employer's "Department: Digital Services" is a team).
    for line in newest.lines() {
        if let Some(body) = line.trim().strip_prefix("Department: ")
            && ["Department ", "Ministry ", "Office "]
                .iter()
                .any(|p| body.starts_with(p))
        {
            add(body, 3.5, PHRASE);
        }
    }
    // A signing service's envelope, named for the employer and the document:
    // "Please DocuSign: Kiteloop_Employment_Agreement_Almeida-Kowal".
    for name in &envelopes {
        add(name, 5.0, PHRASE);
    }
    // An assessment named for the employer: "your Revontuli Games test expires".
    for text in [subject, newest] {
        for name in named_tests(text) {
            add(name, 3.0, PHRASE);
        }
    }
    // A subject such as "New message from Clara Wolf (Quellwerk GmbH)": a person and
    // their employer.
    for (i, _) in subject.match_indices(" (") {
        let inner = subject[i + 2..].split(')').next().unwrap_or_default();
        // "Virtual onsite – Firmware Engineer, Surgical Robotics (Inès Dumont)": after
        // a role, the bracket names the candidate.
        let mut before = subject[..i]
            .rsplit(['–', '—', ':', '|'])
            .flat_map(|s| s.rsplit(" - "));
        let segment = before.next().unwrap_or_default();
        // Unless the bracket is plainly an organisation ("(Groupe Valpierre)").
        let organisation = fold(inner)
            .split_whitespace()
            .any(|w| GROUP_WORDS.contains(&w) || words::is_legal(w));
        // "Supply Chain Manager – Vandecasteele Frozen (Roeselare)": after a title, a
        // name and a bracket are the employer and where the job is.
        if before.next().is_some_and(super::role::is_title) && !organisation {
            continue;
        }
        if super::role::is_title(segment) && !organisation {
            continue;
        }
        // "Computer-Based Test (CBT)" spells out its abbreviation.
        let abbreviates = |p: &str| {
            let initials: String = p
                .split([' ', '-'])
                .filter_map(|w| w.chars().next())
                .flat_map(char::to_lowercase)
                .collect();
            initials == fold(inner.trim())
        };
        if run_before(subject, i)
            .is_some_and(|p| p.split_whitespace().count() >= 2 && !abbreviates(p))
            && run_at(inner, 0).is_some_and(|r| r.len() == inner.trim().len())
            && !inner.contains(['/', ','])
        {
            add(inner, 3.0, PHRASE);
        }
    }
    // In the text, a person, their employer in brackets, and what they do: "Ulrike
    // Brandtner (Mühlbach Logistik GmbH) bittet Sie…", "Jo Park (Tallow Foods) has
    // invited you".
    for (i, _) in newest.match_indices(" (") {
        let Some((inner, after)) = newest[i + 2..].split_once(')') else {
            continue;
        };
        let acts = ACTS.iter().any(|v| fold(after).starts_with(v));
        if acts
            && run_before(newest, i)
                .is_some_and(|p| (2..=3).contains(&p.split_whitespace().count()))
            && run_at(inner, 0).is_some_and(|r| r.len() == inner.trim().len())
            && !inner.contains(['/', ',', '@'])
        {
            add(inner, 3.5, PHRASE);
        }
        // "Sam Hartigan (Co-founder & CEO, Docket Labs)": a head of a firm and the firm
        // (not a partner and the practice: "Partner, Banking & Capital Markets Audit").
        if let Some((title, firm)) = inner.rsplit_once(", ")
            && fold(title)
                .split(|c: char| !c.is_alphanumeric() && c != '-')
                .any(|w| FIRM_HEADS.contains(&w))
            && run_before(newest, i)
                .is_some_and(|p| (2..=3).contains(&p.split_whitespace().count()))
            && run_at(firm, 0).is_some_and(|r| r.len() == firm.trim().len())
        {
            add(firm.trim(), 3.0, PHRASE);
        }
    }
    // "Ana Silva <> Strait Ledger | Hiring Manager conversation": the two sides of a
    // meeting, one of them the person invited.
    if let Some((left, right)) = subject.split_once("<>") {
        let left = left
            .rsplit([':', '|', '–', '—'])
            .next()
            .unwrap_or_default()
            .trim();
        let right = right
            .split(['|', '–', '—', '@', '('])
            .next()
            .unwrap_or_default()
            .trim();
        for side in [left, right] {
            // "Intro: Noor <> Elif (Loam Diagnostics)" introduces two people.
            if side.split_whitespace().count() >= 2
                && run_at(side, 0).is_some_and(|r| r.len() == side.len())
            {
                add(side, 3.0, PHRASE);
            }
        }
    }
    // Subject segments that are names ("Brightwater Logistics – 1st stage interview");
    // a quoted part is one title, whatever dashes it holds ('la oferta "Responsable de
    // RRHH – Zona Levante"').
    let unquoted = without_quoted(subject);
    // "APPOINTMENT LETTER - WATER ENGINEER II": a subject in capitals tells no name
    // from its other words.
    let shouted = !subject.chars().any(char::is_lowercase);
    let segments: Vec<&str> = unquoted
        .split([':', '–', '—', '|', '!', '?', '·'])
        .flat_map(|s| s.split(" - "))
        .filter(|_| !shouted)
        .collect();
    for (k, seg) in segments.iter().enumerate() {
        // "Thornbury Robotics (Jordan Lee)": the bracket names the candidate.
        let seg = seg.split(" (").next().unwrap_or(seg).trim();
        // "HR Business Partner - Shannonside Telecom, Limerick": after a title, a
        // name and where the job is.
        let after_title = k > 0 && super::role::is_title(segments[k - 1].trim());
        let seg = match seg.split_once(", ") {
            Some((name, _)) if after_title => name,
            _ => seg,
        };
        // "Analyste BI" heading a subject is the role, not the employer.
        if let Some(run) = run_at(seg, 0).filter(|r| !super::role::is_title(r)) {
            let whole = run.len() == seg.len();
            add(run, if whole { 2.0 } else { 1.2 }, SUBJECT);
        }
        // "Senior Engineer (Building Services) - Education Estates Agency": a public
        // body after the title, named in three words or more (not "Head Office").
        if after_title
            && let Some(run) = run_at(seg, 0).filter(|r| r.len() == seg.len())
            && run.split_whitespace().count() >= 3
            && (ends_with_one_of(run, INSTITUTION_WORDS)
                || ends_with_one_of(run, PUBLIC_BODY_ENDINGS))
        {
            add(run, 3.0, PHRASE);
        }
        // "Senior Data Engineer, Health Data Authority": a public body after the title.
        if let Some((title, body)) = seg.split_once(", ")
            && super::role::is_title(title)
            && let Some(run) = run_at(body, 0).filter(|r| r.len() == body.trim().len())
            && ends_with_one_of(run, INSTITUTION_WORDS)
        {
            add(run, 3.0, PHRASE);
        }
    }
    // Signature lines and legal names. Beside a title or a team on one line
    // ("Senior Recruiter | Krzemień Systems", "People & Talent, Quillmoth Labs") a
    // name is the writer's employer.
    let signed = signature_lines(newest);
    for (i, line) in signed.iter().enumerate() {
        // "Recruitment Officer" over "Calder & Aire Teaching Hospitals NHS Trust": the
        // line under a title names the writer's employer.
        let under_title = i > 0 && is_job_title(signed[i - 1]) && !signed[i - 1].contains(',');
        let segs: Vec<&str> = line
            .split(SIGNATURE_BREAKS)
            .flat_map(|s| s.split(" - "))
            .map(str::trim)
            .collect();
        let titled = segs.len() > 1 && segs.iter().any(|s| is_job_title(s));
        // "People Team" over "Nua Pharma · Central Park, Dublin 18": the first part of
        // the line under a team (under a title, that is a job card's employer and
        // place as often).
        let under_team = under_title
            && fold(signed[i - 1])
                .split_whitespace()
                .all(|w| TEAM_WORDS.contains(&w));
        for (k, seg) in segs.iter().enumerate() {
            if let Some(run) = run_at(seg, 0)
                && run.len() == seg.len()
                && !is_department(seg)
            {
                let beside = (titled || (under_title && segs.len() == 1) || (under_team && k == 0))
                    && !is_job_title(seg);
                add(run, if beside { 3.5 } else { 1.5 }, "the signature");
            }
        }
    }
    // A job site's card, or a tracker's (NHS Jobs): the title on one line, the
    // employer beside it on the next or the one before ("Junior Analytics Engineer" /
    // "Lúnasa Foods - Naas").
    // A tracker's alert lists many jobs: only a message with one card names its
    // employer so.
    let one_card = || {
        filled_lines(newest)
            .iter()
            .filter(|l| l.split_whitespace().count() <= 6 && super::role::is_title(l))
            .count()
            <= 2
    };
    if sender.relay == Relay::JobSite || (sender.relay == Relay::Tracking && one_card()) {
        for name in job_card_employers(newest) {
            add(name, 3.0, PHRASE);
        }
        for name in job_sites::relayed_writers_employers(newest) {
            add(name, 3.5, PHRASE);
        }
    }
    // A table's or a form's labelled line: "Company: Lebone Foods".
    for name in labelled_employers(newest) {
        add(name, 3.5, PHRASE);
    }
    for name in [subject, newest]
        .iter()
        .flat_map(|t| phrases::public_bodies(t))
    {
        add(&name, 3.0, PHRASE);
    }
    // A brand its group hires for is the employer, however often the group signs.
    let brands: Vec<String> = [subject, newest, quoted]
        .iter()
        .flat_map(|t| brand_names(t))
        .filter_map(clean)
        .collect();
    for b in &brands {
        add(b, 4.0, PHRASE);
    }
    let affiliated = affiliations(newest, sender);
    for name in &affiliated {
        add(name, 3.0, "the sender's profile line");
    }
    // A profile line names the person's employer as it calls itself: "Harrowgate
    // Talent" is an agency, not Harrowgate's talent team.
    let profile: Vec<String> = affiliated.into_iter().map(strip_legal).collect();
    for text in [newest, quoted] {
        for (name, _) in legal_names(text) {
            add(&name, 2.0, LEGAL_NAME);
        }
    }
    if let Some((name, score)) = display {
        cands.push(Candidate {
            name,
            score,
            source: "the sender's name",
            phrase: false,
            subject: false,
        });
    }
    // The person's current employer is not the one the message is about.
    let current: Vec<String> = [newest, quoted]
        .iter()
        .flat_map(|t| current_employers(t))
        .filter_map(clean)
        .map(|n| key(&n))
        .collect();
    // "Mirthe Bakker (Parcelwise)" as the sender ("… via DocuSign" too): a person and
    // their employer; a person's own bracket ("(External)") is none.
    let bracketed = sender.name.as_deref().and_then(|n| {
        let n = before_via(n).unwrap_or(n);
        let (person, org) = n.trim_end_matches(')').split_once(" (")?;
        let whole = run_at(org, 0).is_some_and(|r| r.len() == org.trim().len());
        ((2..=3).contains(&person.split_whitespace().count())
            && whole
            && !fold(org).starts_with("via ")
            && !["external", "contractor", "ext"].contains(&fold(org).as_str())
            && !is_service_brand(org))
        .then_some((person, org))
    });
    if let Some(name) = bracketed.and_then(|(_, org)| clean(org)) {
        cands.push(Candidate {
            name,
            score: 5.0,
            source: "the sender's name",
            phrase: true,
            subject: false,
        });
    }
    // Nor is the person a signing service sends for, whose address the text gives
    // ("Mirthe Bakker sent you a document" over "mirthe@parcelwise.nl").
    // A service that writes in its own name ("Dropbox Sign") names the person in its
    // text: "Wanjiru Kamau (w.kamau@shambadata.co.ke) has requested your signature".
    let signing_person: Option<String> = if sender.relay == Relay::Signature {
        sender
            .name
            .as_deref()
            .and_then(before_via)
            .map(str::to_owned)
            .or_else(|| {
                cands
                    .iter()
                    .find(|c| addressed_in(newest, &c.name))
                    .map(|c| c.name.clone())
            })
    } else {
        None
    };
    let signing_person = signing_person.as_deref();
    let signer = signing_person.filter(|n| addressed_in(newest, n)).map(key);
    // Nor the person a calendar invitation is for, whose address ends its subject
    // ("… (SGT) (ana.silva@example.com)").
    let invitee = subject
        .rsplit_once('(')
        .map(|(_, a)| a.trim_end_matches(')').trim())
        .filter(|a| a.contains('@') && !a.contains(' '));
    // Nor is a place ("Porto" from "Marketing Manager, Porto").
    cands.retain(|c| {
        !people.include(&c.name)
            && !current.contains(&key(&c.name))
            && !is_place(&c.name)
            // "Marketing Digital", "Civil & Infrastructure": a field of work.
            && !is_department(&c.name)
            && signer.as_deref() != Some(key(&c.name).as_str())
            && bracketed.is_none_or(|(person, _)| key(person) != key(&c.name))
            && invitee.is_none_or(|a| !spells(a, &c.name))
    });
    let mut merged = merge(cands);
    // "HPSA" (its recruitment team's sender name) and "Health Products Standards
    // Authority" (its signature) are one body, written out in full.
    let initials = |name: &str| -> String {
        // "Pan-Equatorial Development Bank" is "PEDB".
        fold(name)
            .split([' ', '-'])
            .filter(|w| !w.is_empty())
            .filter(|w| !["of", "for", "and", "&", "the", "de", "du", "des", "la"].contains(w))
            .filter_map(|w| w.chars().next())
            .collect()
    };
    for a in 0..merged.len() {
        let name = &merged[a].name;
        let acronym = name.len() >= 3 && is_initials(name);
        if !acronym {
            continue;
        }
        let short = fold(name);
        // "MFC" for "Mpumalanga Ferrochrome": the last word gives more than its
        // initial.
        let inside_last = |name: &str| {
            let first = initials(name);
            let last = fold(name)
                .split_whitespace()
                .next_back()
                .unwrap_or_default()
                .to_owned();
            let mut rest = last.chars().skip(1);
            first.len() >= 2
                && short.len() > first.len()
                && short.starts_with(&first)
                && short[first.len()..].chars().all(|c| rest.any(|l| l == c))
        };
        if let Some(b) = (0..merged.len()).find(|&b| {
            b != a
                && ((merged[b].name.split_whitespace().count() >= 3
                    && initials(&merged[b].name) == short)
                    || inside_last(&merged[b].name))
        }) {
            let moved = merged[a].score;
            merged[b].score += moved;
            merged[a].score = 0.0;
        }
    }
    // A signing service's sender writes from the employer's own address
    // ("marloes.timmer@havenlijn.nl" under her name): a name it spells is the employer.
    if let Some(label) = signing_person.and_then(|person| signer_domain(newest, person)) {
        for c in merged
            .iter_mut()
            .filter(|c| matches_domain(&c.name, &label))
        {
            c.score += 4.0;
        }
    }
    // The sender's domain: a name that matches it is the sender's own organisation.
    let label = sender.domain_label().map(squash);
    // The newest text and the history, folded once for the agency and client checks.
    let text = fold(&format!("{newest}\n{quoted}"));
    let agency = is_agency(sender, newest, &text);
    if let Some(label) = label.as_deref().filter(|l| l.len() >= 3) {
        // "Harbourline Edinburgh", a hotel of the "Harbourline Hotels" that signs at
        // harbourlinehotels.co.uk: a name and a city, the name the domain's, is an
        // office of the organisation the domain spells in full.
        let office = |name: &str| {
            name.rsplit_once(' ').is_some_and(|(stem, city)| {
                super::places::is_locality(city) && matches_domain(stem, label)
            })
        };
        if !agency
            && merged.iter().any(|c| office(&c.name))
            && let Some(full) = [newest, quoted]
                .iter()
                .flat_map(|t| runs(t))
                .filter_map(|(_, r)| clean(r))
                .find(|r| r.split_whitespace().count() > 1 && squash(r) == label)
        {
            for c in merged.iter_mut().filter(|c| office(&c.name)) {
                c.name = full.clone();
            }
            merged = merge(merged);
        }
        let domain_names: Vec<String> = merged
            .iter()
            .filter(|c| matches_domain(&c.name, label))
            .map(|c| c.name.clone())
            .collect();
        // An agency names its client in a phrase ("Pellow Foods have reviewed your CV")
        // or heads its subject with it ("Marquise Retail Group - great news!").
        // A subject's name counts when the text names it too ("Versicherung Hamburg"
        // in a subject is a trade and a place, not a client).
        // The text may name it short, as its own: "Elkhorn's hiring manager".
        let named_in_text = |name: &str| {
            let f = fold(name);
            has(&text, &f)
                || f.split_whitespace()
                    .next()
                    .filter(|w| w.len() >= 5)
                    .is_some_and(|w| has(&text, &format!("{w}'s")))
        };
        let has_other = merged.iter().any(|c| {
            !matches_domain(&c.name, label)
                && (c.phrase || c.source == LEGAL_NAME || (c.subject && named_in_text(&c.name)))
                && c.score >= 2.0
        });
        // An agency naming its client is not the employer, however often it names
        // itself ("Ich bin Personalberater bei der Datenhafen Personal GmbH").
        if agency && has_other {
            // Nor, when the subject heads with the client, is the agency's name in its
            // signature ("Rhein-Main Life Science Partners GmbH"), whatever its domain.
            let client_heads = merged.iter().any(|c| {
                c.subject && !matches_domain(&c.name, label) && has(&text, &fold(&c.name))
            });
            let signed = fold(&signature_lines(newest).join("\n"));
            let agencys_own = |c: &Candidate| {
                client_heads && c.phrase && !c.subject && has(&signed, &fold(&c.name))
            };
            merged.retain(|c| !domain_names.contains(&c.name) && !agencys_own(c));
            // "Fwd: Saltcote & Pryor – two questions": the client heads the subject, or
            // is written in full ("unterstütze die Ostwind Energiehandel AG").
            // "Ridgeway update" heads a message about "Ridgeway Outdoor".
            let subject_folded = fold(subject);
            let headed = |c: &Candidate| {
                c.phrase
                    && fold(&c.name)
                        .split_whitespace()
                        .next()
                        .is_some_and(|w| w.len() >= 4 && has(&subject_folded, w))
            };
            for c in merged
                .iter_mut()
                .filter(|c| c.subject || c.source == LEGAL_NAME || headed(c))
            {
                c.score += 1.0;
            }
        }
        for c in merged.iter_mut() {
            if domain_names.contains(&c.name) {
                c.score += 4.0;
                if !(agency && has_other) {
                    c.source = "the text, matching the sender's domain";
                }
            }
        }
        if agency && !has_other {
            // The agency writes for itself: its name as written in full
            // ("Bos Recruitment" for bosrecruitment.nl).
            // It may sign only in the history it quotes, and its name may hold a
            // trade its domain leaves out ("Obelisk Engineering Recruitment" at
            // obelisk-recruitment.co.uk).
            let head = |r: &str| {
                r.split_whitespace()
                    .next()
                    .map(squash)
                    .is_some_and(|w| w.len() >= 4 && label.starts_with(&w))
            };
            let sender_name = sender.name.as_deref().unwrap_or_default();
            if let Some(raw) = [newest, subject, sender_name, quoted]
                .iter()
                .flat_map(|t| runs(t))
                .map(|(_, r)| strip_legal(r))
                .find(|r| {
                    // "Northstack Recruitment" for northstack.co.uk.
                    squash(r) == label
                        || ((squash(r).starts_with(label) || head(r))
                            && agency_name_ending(&fold(r)))
                })
            {
                merged.push(Candidate {
                    name: raw,
                    score: 6.0,
                    source: "the agency's signature",
                    phrase: false,
                    subject: false,
                });
                merged = merge(merged);
            } else if domain_names.is_empty() {
                // Signed with a first name only: the agency's domain spells it
                // ("Peregrine Talent" at peregrinetalent.sg), unless its subject heads
                // with the client ("Re: Marlow Ainsworth – final stage").
                for c in merged.iter_mut().filter(|c| c.subject) {
                    c.score += 1.0;
                }
                merged.push(Candidate {
                    name: spell_domain(sender),
                    score: 2.5,
                    source: DOMAIN,
                    phrase: false,
                    subject: false,
                });
                merged = merge(merged);
            }
        }
        if domain_names.is_empty() && !agency {
            // The domain is the company's: find it as written ("Lumen Grid" for
            // lumengrid.io), or spell the domain out.
            let written = [subject, newest, quoted]
                .iter()
                .flat_map(|t| runs(t))
                .filter_map(|(_, r)| clean(r))
                .filter(|r| matches_domain(r, label))
                .max_by_key(|r| r.len());
            // "Saltmarsh Offshore Wind" at saltmarsh-ow.com: a name in the text that
            // starts with the domain's first word, rather than "Saltmarsh Ow".
            let first_part = sender
                .domain_label()
                .and_then(|l| l.split_once(['-', '_']))
                .map(|(first, _)| squash(first))
                .filter(|p| p.len() >= 5);
            let begun = || {
                let first_part = first_part.as_deref()?;
                [newest, subject]
                    .iter()
                    .flat_map(|t| runs(t))
                    .filter_map(|(_, r)| clean(r))
                    .find(|r| {
                        r.split_whitespace().count() > 1
                            && r.split_whitespace().next().map(squash).as_deref()
                                == Some(first_part)
                    })
            };
            // "Trasporti Bonetti S.r.l." signing from bonettilogistica.it: a name
            // the text puts forward, one of whose words the domain starts or ends
            // with, rather than the domain spelled.
            let stemmed = || {
                let label = label.trim_end_matches(|c: char| c.is_ascii_digit());
                merged
                    .iter()
                    .filter(|c| c.phrase || c.source == LEGAL_NAME || c.source == "the signature")
                    .filter(|c| (2..=4).contains(&c.name.split_whitespace().count()))
                    .filter(|c| {
                        c.name
                            .split_whitespace()
                            .map(squash)
                            .any(|w| w.len() >= 5 && (label.starts_with(&w) || label.ends_with(&w)))
                    })
                    .max_by(|a, b| {
                        a.score
                            .total_cmp(&b.score)
                            .then(b.name.len().cmp(&a.name.len()))
                    })
                    .map(|c| c.name.clone())
            };
            // A province's or a state's body ("hhsc.on.ca") is mostly known by
            // initials, which spelled out name nobody: only a name the text writes.
            let name = written
                .or_else(begun)
                .or_else(stemmed)
                .or_else(|| (!sender.under_subdivision()).then(|| spell_domain(sender)));
            if let Some(name) = name {
                merged.push(Candidate {
                    name,
                    score: 3.0,
                    source: DOMAIN,
                    phrase: false,
                    subject: false,
                });
                merged = merge(merged);
            }
        }
    }
    for c in merged.iter_mut() {
        if brands.iter().any(|b| key(b) == key(&c.name)) {
            c.score += 6.0;
        }
    }
    // "Altamire Group" sends for "Altamire Mobility", which a phrase names: the group's
    // weight goes to its company.
    let stem = |name: &str| {
        fold(name)
            .split_whitespace()
            .find(|w| !GROUP_WORDS.contains(w))
            .map(str::to_owned)
    };
    let is_group = |name: &str| {
        fold(name)
            .split_whitespace()
            .any(|w| GROUP_WORDS.contains(&w))
    };
    let groups: Vec<usize> = (0..merged.len())
        .filter(|&i| is_group(&merged[i].name))
        .collect();
    for g in groups {
        let Some(group_stem) = stem(&merged[g].name) else {
            continue;
        };
        if let Some(s) = (0..merged.len()).find(|&i| {
            i != g
                && merged[i].phrase
                && stem(&merged[i].name).as_deref() == Some(group_stem.as_str())
                && !is_group(&merged[i].name)
                // "Alcúdia" from a job card's place is a word of "Grupo Alcúdia Mar",
                // not its company.
                && !within(&merged[i].name, &merged[g].name)
        }) {
            let moved = merged[g].score;
            merged[s].score += moved;
            merged[g].score = 0.0;
        }
    }
    // A name the message keeps coming back to is what it is about ("Tallyfox came
    // back…", "Tallyfox ask everyone…"): each mention past the first adds a little to
    // a name a phrase or the subject put forward (people are named often too, and a
    // word mentioned often is not a name for that).
    let mentioned = format!("{subject}\n{newest}");
    for c in merged
        .iter_mut()
        .filter(|c| (c.phrase || c.subject) && c.score >= 2.5)
    {
        let extra = mentions(&mentioned, &c.name).saturating_sub(1).min(3);
        c.score += 0.5 * extra as f64;
    }
    // "Nilgiri Health" at nilgirihealth.com, which signs as "Nilgiri Healthcare
    // Services Private Limited": the name the domain spells exactly is the brand.
    let candidate_exact = label.as_deref().and_then(|l| {
        merged
            .iter()
            .find(|c| c.score >= 2.5 && key(&c.name) == l)
            .map(|c| c.name.clone())
    });
    let best = merged
        .into_iter()
        .filter(|c| c.score >= 2.5)
        .max_by(|a, b| {
            a.score
                .total_cmp(&b.score)
                .then(b.name.len().cmp(&a.name.len()))
        })?;
    // Only looked for in the text when the best reading is longer than the domain.
    let longer = label
        .as_deref()
        .filter(|l| key(&best.name).starts_with(l) && key(&best.name) != *l);
    let exact = longer.and_then(|l| {
        candidate_exact.or_else(|| {
            runs(newest)
                .into_iter()
                .filter_map(|(_, r)| clean(r))
                .find(|r| r.split_whitespace().count() > 1 && key(r) == l)
        })
    });
    let best = match exact {
        Some(name) => Candidate { name, ..best },
        None => best,
    };
    // "Sundial Health Research have just called me": a name mostly written short is
    // written in full somewhere, and that is its name.
    let short = fold(&best.name);
    // The words added are plain capitalised words of a name: not a title ("PMM"), a
    // team ("Careers Site"), a place or region ("Europe"), or another name joined on
    // ("and Kadri").
    let name_word = |w: &str| {
        let f = fold(w);
        let mut chars = w.chars();
        chars.next().is_some_and(char::is_uppercase)
            && chars.clone().count() >= 2
            && chars.all(char::is_lowercase)
            && !words::NOT_NAMES.contains(&f.as_str())
            && !TEAM_WORDS.contains(&f.as_str())
            && !TITLE_WORDS.contains(&f.as_str())
            && !words::COUNTRIES.contains(&f.as_str())
            && !super::places::is_locality(&f)
            && !super::role::is_title(w)
    };
    let written_in_full = [subject, newest]
        .iter()
        .flat_map(|t| runs(t))
        .filter_map(|(_, r)| clean(r))
        .filter(|r| {
            let Some(rest) = fold(r).starts_with(&format!("{short} ")).then(|| {
                r.split_whitespace()
                    .skip(best.name.split_whitespace().count())
            }) else {
                return false;
            };
            let extra: Vec<&str> = rest.collect();
            (1..=2).contains(&extra.len())
                && extra.iter().all(|w| name_word(w))
                && !people.include(r)
        })
        .max_by_key(|r| r.len());
    let best = match written_in_full {
        Some(name) => Candidate { name, ..best },
        None => best,
    };
    // "Great news from W&F" about "Wattle & Finch": initials the text spells out.
    let best = match spelled_out(&best.name, &[subject, newest]).filter(|n| !people.include(n)) {
        Some(name) => Candidate { name, ..best },
        None => best,
    };
    // A name the domain spells in full keeps its last word even when it is a team word
    // ("BrightPath Recruitment" at brightpath-recruitment.com).
    // The domain's whole label counts too: "Crossgate Talent" at crossgate-talent.com.
    let whole_label = sender.whole_domain_label().map(squash);
    let full = label.as_deref().and_then(|l| {
        [newest, subject]
            .iter()
            .flat_map(|t| runs(t))
            .map(|(_, r)| r.trim_end_matches(|c: char| !c.is_alphanumeric()))
            .find(|r| {
                let r = squash(r);
                (r == l || Some(&r) == whole_label.as_ref()) && r.starts_with(&squash(&best.name))
            })
            .map(str::to_owned)
    });
    // The profile line's own spelling, when the best reading is its name cut short.
    let full = full.or_else(|| {
        profile
            .iter()
            .find(|p| *p != &best.name && key(p).starts_with(&key(&best.name)))
            .cloned()
    });
    // An agency signs with its trade word, which cleaning left out: "Stormpetrel
    // Recruitment", not "Stormpetrel".
    let full = full.or_else(|| {
        agency
            .then(|| signature_lines(newest))?
            .iter()
            .flat_map(|l| runs(l))
            .map(|(_, r)| strip_legal(r))
            .find(|r| {
                key(r).starts_with(&key(&best.name))
                    && *r != best.name
                    && agency_name_ending(&fold(r))
            })
    });
    // A legal suffix the domain spells ("Cortile S.r.l" at cortile-srl.it) is no part
    // of the name.
    let name = strip_legal(&full.unwrap_or(best.name));
    // "Gantry Point Technologies Inc." signs a message that calls it "Gantry Point":
    // the trade or the group of a legal name is left out when the text mostly does
    // without it.
    let all = format!("{subject}\n{newest}\n{quoted}");
    let name = match name.rsplit_once(' ') {
        Some((short, trade))
            if [
                "technologies",
                "technology",
                "communications",
                "telecomunicaciones",
                "bedrywighede",
                "group",
                "holdings",
            ]
            .contains(&fold(trade).as_str())
                && mentions(&all, short) > mentions(&all, &name) =>
        {
            short.to_owned()
        }
        _ => name,
    };
    // "Arcwell India", "Arcwell Global Talent Acquisition": an office's country or a
    // global team is no part of the employer the text or the domain calls "Arcwell".
    let name = match name.rsplit_once(' ') {
        Some((short, place))
            if is_office(&fold(place))
                && (mentions(&all, short) > mentions(&all, &name)
                    || sender.whole_domain_label().map(squash) == Some(key(short)))
                && clean(short).is_some()
                // "PT Semesta Ritel Indonesia": the country in the legal name itself.
                && !legal_names(&all)
                    .iter()
                    .any(|(n, _)| clean(n).as_deref() == Some(name.as_str())) =>
        {
            short.to_owned()
        }
        _ => name,
    };
    let name = if agency {
        name
    } else {
        with_domain_trade(name, sender)
    };
    let name = written_out(&unshouted(&name));
    Some(Named {
        name,
        score: best.score,
        source: best.source,
    })
}

/// A name written in capitals as a person writes it ("AL BUSTAN MEDICAL COMPLEX" →
/// "Al Bustan Medical Complex"); short words of three letters or fewer stay as they
/// are ("NHS", "ICU"), but for the articles that open Arabic and Romance names.
fn unshouted(name: &str) -> String {
    let words: Vec<&str> = name.split(' ').collect();
    let long = words
        .iter()
        .filter(|w| w.chars().filter(|c| c.is_alphabetic()).count() >= 4)
        .count();
    if name.chars().any(char::is_lowercase) || words.len() < 2 || long < 2 {
        return name.to_owned();
    }
    words
        .iter()
        .map(|w| {
            let letters = w.chars().filter(|c| c.is_alphabetic()).count();
            if ["AL", "EL", "LA", "LE", "DE", "DA", "DI", "DU"].contains(w) || letters >= 4 {
                super::text::capitalise(&w.to_lowercase())
            } else {
                (*w).to_owned()
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// The titles of a firm's head, folded: "Sam Hartigan (Co-founder & CEO, Docket Labs)".
const FIRM_HEADS: &[&str] = &[
    "founder",
    "co-founder",
    "ceo",
    "cto",
    "coo",
    "president",
    "owner",
];

/// The name in `texts` whose words' initials are `short`, written as initials in
/// capitals ("W&F", "KWM"): "Wattle & Finch".
fn spelled_out(short: &str, texts: &[&str]) -> Option<String> {
    let letters: String = short.chars().filter(|c| *c != '&').collect();
    if !(2..=4).contains(&letters.chars().count())
        || !letters.chars().all(|c| c.is_ascii_uppercase())
    {
        return None;
    }
    texts
        .iter()
        .flat_map(|t| runs(t))
        .filter_map(|(_, r)| clean(r))
        .find(|r| {
            let initials: String = r
                .split_whitespace()
                .filter(|w| !["&", "and"].contains(w))
                .filter_map(|w| w.chars().next())
                .collect();
            r.split_whitespace().count() >= 2 && initials == letters
        })
}

/// A name with its abbreviated ending written out: "… NHS FT" is "… NHS Foundation
/// Trust", as the trust calls itself.
fn written_out(name: &str) -> String {
    match name.strip_suffix(" NHS FT") {
        Some(stem) => format!("{stem} NHS Foundation Trust"),
        None => name.to_owned(),
    }
}

/// Whether a name's last word, folded, says which country's office or which global
/// team writes ("Arcwell India", "Arcwell Global"); a city or a region is often part of
/// a brand ("Vellano Milano", "CliniRecruit Europe").
fn is_office(word: &str) -> bool {
    #[rustfmt::skip]
    const OFFICES: &[&str] = &[
        "global", "india", "usa", "us", "uk", "america", "canada", "australia", "china",
        "japan", "brasil", "brazil", "mexico", "malaysia", "indonesia", "philippines",
        "germany", "deutschland", "france", "spain", "espana", "italy", "italia",
        "netherlands", "nederland", "ireland", "poland", "polska", "portugal", "austria",
        "switzerland", "schweiz", "suisse", "denmark", "sweden", "norway", "finland",
    ];
    OFFICES.contains(&word)
}

/// Whether the last word of `name`, folded, is one of `words` ("Health Data
/// Authority" ends with an institution's word).
fn ends_with_one_of(name: &str, words: &[&str]) -> bool {
    fold(name)
        .split_whitespace()
        .next_back()
        .is_some_and(|w| words.contains(&w))
}

/// `name` with the trade word its own domain joins to it ("Brasa" at brasacreative.pt
/// is Brasa Creative, "Ondina" at ondinasalud.es Ondina Salud); as it is when the
/// domain spells it alone, sets the word apart ("tessellate-analytics") or puts it in
/// the top-level domain (".travel": people write the name either way).
fn with_domain_trade(name: String, sender: &Sender) -> String {
    #[rustfmt::skip]
    const TRADES: &[&str] = &[
        "creative", "salud", "health", "care", "travel", "studio", "labs", "energy",
        "energia", "energie", "foods", "games", "software", "media", "digital", "design",
        "logistics", "logistica", "logistik", "finance", "capital", "hotels", "hoteles",
        "clinic", "pharma", "analytics", "robotics", "mobility", "insurance", "retail",
        "payments", "pagos", "pagamentos", "seguros", "commerce", "learning",
    ];
    let Some(label) = sender.whole_domain_label().filter(|l| !l.contains('-')) else {
        return name;
    };
    let k = key(&name);
    let trade = match label.strip_prefix(k.as_str()) {
        Some(rest) if TRADES.contains(&rest) => rest,
        _ => return name,
    };
    if k.len() < 3 || fold(&name).split_whitespace().any(|w| w == trade) {
        return name;
    }
    format!("{name} {}", super::text::capitalise(trade))
}

/// How often `name` is written in `text` as whole words, case as written.
fn mentions(text: &str, name: &str) -> usize {
    text.match_indices(name)
        .filter(|&(i, _)| {
            starts_word(text, i)
                && !text[i + name.len()..]
                    .chars()
                    .next()
                    .is_some_and(char::is_alphanumeric)
        })
        .count()
}

/// Documents a signing envelope is named for, folded.
#[rustfmt::skip]
const ENVELOPE_DOCUMENTS: &[&str] = &[
    "employment", "offer", "contract", "agreement", "arbeitsvertrag", "vertrag", "contrato",
    "contrat", "contratto", "anstallningsavtal", "tyosopimus", "umowa", "arbeidsavtale",
];

/// Employers heading an envelope's name in `subject`: "Kiteloop_Employment_Agreement_…"
/// is Kiteloop's, "Blue_Harbour_Offer_Letter" Blue Harbour's.
fn envelope_names(subject: &str) -> Vec<String> {
    // "Please DocuSign: Brightmoor Health - Employment Agreement", "… has requested
    // your signature on "Shamba Data – Employment Agreement – C. Obi"".
    let document = subject
        .split_once(':')
        .filter(|(lead, _)| fold(lead).contains("sign"))
        .map(|(_, rest)| rest)
        .or_else(|| subject.split_once(" signature on ").map(|(_, rest)| rest))
        .map(|rest| rest.trim().trim_matches(['"', '“', '”', '\'']));
    let spaced = document
        .and_then(|rest| {
            [" - ", " – ", " — "]
                .iter()
                .find_map(|dash| rest.split_once(dash))
        })
        .filter(|(_, doc)| {
            fold(doc)
                .split_whitespace()
                .next()
                .is_some_and(|w| ENVELOPE_DOCUMENTS.contains(&w))
        })
        .map(|(name, _)| name.trim().to_owned());
    subject
        .split_whitespace()
        .filter(|t| t.contains('_'))
        .filter_map(|token| {
            let parts: Vec<&str> = token.split('_').collect();
            let doc = parts
                .iter()
                .position(|p| ENVELOPE_DOCUMENTS.contains(&fold(p).as_str()))?;
            let name = &parts[..doc];
            (!name.is_empty()
                && name.len() <= 4
                && name.iter().all(|p| p.starts_with(char::is_uppercase)))
            .then(|| name.join(" "))
        })
        .chain(spaced)
        .collect()
}

/// What an assessment is called after its employer's name, folded.
#[rustfmt::skip]
const TEST_WORDS: &[&str] = &[
    " test",
    " assessment",
    " challenge",
    " coding",
    " online test",
    " exercise",
    " assignment",
    " take-home",
    " case study",
];

/// Employers named before their test: "your Revontuli Games test", "your Kelda
/// assessment".
fn named_tests(text: &str) -> Vec<&str> {
    let f = Folded::new(text);
    let mut out = Vec::new();
    for (i, _) in f.text.match_indices("your ") {
        let at = f.slice(0, i + "your ".len()).len();
        if let Some(run) = run_at(text, at) {
            let after = fold(text.get(at + run.len()..).unwrap_or_default());
            if TEST_WORDS.iter().any(|w| after.starts_with(w)) {
                out.push(run);
            }
        }
    }
    out
}

/// What a person does right after their bracketed employer, folded.
const ACTS: &[&str] = &[
    " has ",
    " invited",
    " sent",
    " wants",
    " would",
    " is ",
    " asks",
    " bittet",
    " hat ",
    " ladt",
    " mochte",
    " heeft ",
    " nodigt",
    " vous ",
    " a envoye",
    " te ",
    " le ha",
    " ti ",
    " ha ",
    " convida",
    " solicita",
];

/// The display name as a company candidate: a relay's sender name ("Northwind
/// Analytics", "Sundial Travel via TestGorilla"), or a direct sender's that matches
/// its domain or names a team ("Heronsgate Genomics Talent").
fn display_candidate(sender: &Sender, newest: &str) -> Option<(String, f64)> {
    let full = sender.name.as_deref()?;
    if let Some(name) = caseless_organisation(full) {
        return Some((name, 5.0));
    }
    // "Orchid Biotech (via Lever)": the brackets are not the name.
    let raw = full.split(" (").next().unwrap_or(full).trim();
    let f = Folded::new(raw);
    let via = before_via(raw)
        .or_else(|| f.text.find(" at ").map(|i| f.slice(i + 4, f.text.len())))
        .or_else(|| f.text.find(" from ").map(|i| f.slice(i + 6, f.text.len())));
    let name = via.unwrap_or(raw);
    // "Faith Wairimu – Mwangaza Build" through a tracker, signed "Faith Wairimu": the
    // person and their employer.
    let name = [" – ", " - ", " | "]
        .iter()
        .find_map(|sep| name.split_once(sep))
        .and_then(|(a, b)| {
            let (a, b) = (a.trim(), b.trim());
            // "Carrières – CIUSSS du Haut-Saint-Maurice", "Service de la dotation – CHU
            // de l'Estuaire": a team and its employer.
            let team = |s: &str| {
                fold(s).split_whitespace().all(|w| {
                    TEAM_WORDS.contains(&w) || ["service", "la", "du", "des", "of"].contains(&w)
                })
            };
            // "EPSO - European Personnel Selection Office": the body as it signs.
            let spelt_by = |short: &str, long: &str| {
                is_initials(short)
                    && fold(long)
                        .split_whitespace()
                        .filter_map(|w| w.chars().next())
                        .collect::<String>()
                        == fold(short)
            };
            if spelt_by(a, b) {
                Some(a)
            } else if signs_off(newest, a) || team(a) {
                Some(b)
            } else if signs_off(newest, b) || team(b) {
                Some(a)
            } else {
                None
            }
        })
        .unwrap_or(name);
    if sender.is_person()
        || is_service_brand(name)
        || signs_off(newest, name)
        || addressed_in(newest, name)
    {
        return None;
    }
    let cleaned = clean(name)?;
    let had_team_word = key(&cleaned) != key(name);
    // "The Green Kitchen Company" keeps its article; "The Northwind Talent Team" not.
    let cleaned = if name.starts_with("The ") && !had_team_word {
        format!("The {cleaned}")
    } else {
        cleaned
    };
    match sender.relay {
        Relay::Tracking | Relay::Scheduling | Relay::Assessment | Relay::Signature => {
            Some((cleaned, 5.0))
        }
        Relay::Screening | Relay::JobSite => via.is_some().then_some((cleaned, 4.0)),
        Relay::Mailbox => None,
        Relay::Direct => {
            let label = sender.domain_label().map(squash).unwrap_or_default();
            // "EACT – Sélection" at eact-agency.eu: the body's initials, as it signs.
            let initials = is_initials(&cleaned) && label.starts_with(&fold(&cleaned));
            if matches_domain(&cleaned, &label) {
                Some((cleaned, 2.0))
            } else if initials {
                Some((cleaned, 3.5))
            } else if had_team_word {
                Some((cleaned, 3.0))
            } else {
                None
            }
        }
    }
}

/// The organisation in a sender's name written in a script without capitals, where
/// names cannot be told by their case: "طيران الواحات | التوظيف" (an airline and its
/// recruitment team), "نوف العتيبي – طيران الواحات" (a person and her airline). The
/// part that holds a word of an organisation, once the team's part is left out.
fn caseless_organisation(full: &str) -> Option<String> {
    // Recruitment, human resources, a recruitment portal, personnel affairs.
    const TEAMS: &[&str] = &[
        "التوظيف",
        "الموارد البشرية",
        "بوابة التوظيف",
        "شؤون الموظفين",
        "قسم التوظيف",
        "ادارة الموارد البشرية",
    ];
    // Airline, company, group, centre, services, authority, ministry, bank, hospital,
    // university, institution.
    const ORGANISATION: &[&str] = &[
        "طيران",
        "شركة",
        "الشركة",
        "مجموعة",
        "المركز",
        "مركز",
        "للخدمات",
        "الخدمات",
        "هيئة",
        "وزارة",
        "بنك",
        "مصرف",
        "مستشفى",
        "جامعة",
        "مؤسسة",
        "للطيران",
        "الطيران",
        "لصيانة",
    ];
    let letters = || full.chars().filter(|c| c.is_alphabetic());
    // "株式会社ソラトビ 採用チーム": a Japanese organisation beside its form.
    if let Some(name) = japanese::names(full)
        .first()
        .map(|(n, _)| *n)
        .or_else(|| japanese::beside_person(full))
    {
        return Some(name.to_owned());
    }
    if letters().next().is_none() || letters().any(|c| c.is_uppercase() || c.is_lowercase()) {
        return None;
    }
    let parts: Vec<&str> = full
        .split(['|', '–', '—', '-'])
        .map(str::trim)
        .filter(|p| !p.is_empty() && !TEAMS.contains(&fold(p).as_str()))
        .collect();
    let organisations: Vec<&&str> = parts
        .iter()
        .filter(|p| {
            fold(p)
                .split_whitespace()
                .any(|w| ORGANISATION.contains(&w))
        })
        .collect();
    match organisations.as_slice() {
        [one] => Some((**one).to_owned()),
        _ => None,
    }
}

/// Employers written beside a person: the profile line a job site puts under a
/// relayed person's name ("Gwen Castell" / "Talent Partner · Pebblestone Retail"), and
/// a scheduling tool's host line ("Host: Ruud Hendriks, Thornbury Robotics").
fn affiliations<'a>(newest: &'a str, sender: &Sender) -> Vec<&'a str> {
    let person = sender
        .name
        .as_deref()
        .filter(|_| sender.is_person())
        .map(|n| before_via(n).unwrap_or(n).trim());
    let lines = filled_lines(newest);
    let mut out = Vec::new();
    let whole = |seg: &'a str| run_at(seg, 0).filter(|r| r.len() == seg.len());
    for (i, line) in lines.iter().enumerate() {
        // Only a job site shows a profile line: under a direct sender's own name it is
        // their signature, which the signature rules read.
        if sender.relay == Relay::JobSite
            && person.is_some_and(|p| *line == p)
            && let Some(next) = lines.get(i + 1)
        {
            // "Talent Partner · Pebblestone Retail", "Recruiter at Pebblestone Retail".
            let segs: Vec<&str> = next.split(['·', '|']).map(str::trim).collect();
            let tail = if segs.len() > 1 {
                segs.get(1).copied()
            } else {
                next.split_once(" at ").map(|(_, r)| r.trim())
            };
            out.extend(tail.and_then(whole));
        }
        let folded = fold(line);
        if [
            "host:",
            "organizer:",
            "organiser:",
            "interviewer:",
            "interviewers:",
            "with:",
        ]
        .iter()
        .any(|l| folded.starts_with(l))
        {
            out.extend(line.split(',').skip(1).map(str::trim).filter_map(whole));
            // "With: Inês Carvalho (Sardinha Labs)".
            if let Some((_, inner)) = line.split_once(" (")
                && let Some(inner) = inner.strip_suffix(')')
            {
                out.extend(whole(inner.trim()));
            }
        }
    }
    out
}

/// What separates a signature line's parts ("Senior Recruiter | Krzemień Systems").
const SIGNATURE_BREAKS: [char; 6] = [',', '|', '·', '•', '–', '—'];

/// The signature of the newest text: the lines after its closing ("Best,"), or its
/// last lines.
fn signature_lines(newest: &str) -> Vec<&str> {
    let lines = filled_lines(newest);
    let start = super::threads::signature_start(&lines);
    let from = if start < lines.len() {
        start
    } else {
        lines.len().saturating_sub(6)
    };
    lines[from..]
        .iter()
        .copied()
        .filter(|l| l.len() <= 90 && !l.contains('@') && !l.contains("http"))
        .collect()
}

/// Merges candidates naming the same organisation: equal once squashed, or one the
/// other's first words ("Brackenhurst" and "Brackenhurst Energy"); the longer
/// spelling stays, the scores add up.
fn merge(cands: Vec<Candidate>) -> Vec<Candidate> {
    let mut out: Vec<Candidate> = Vec::new();
    for c in cands {
        let k = key(&c.name);
        let words = fold(&c.name);
        let words = words.strip_prefix("the ").unwrap_or(&words).to_owned();
        if let Some(m) = out.iter_mut().find(|m| {
            let mk = key(&m.name);
            let mw = fold(&m.name);
            let mw = mw.strip_prefix("the ").unwrap_or(&mw);
            mk == k
                || mw.starts_with(&format!("{words} "))
                || words.starts_with(&format!("{mw} "))
                || led_by_trade(mw, &words)
                || led_by_trade(&words, mw)
        }) {
            // A spelling written wins over one read from the domain ("EACT" over
            // "Eact Agency" for eact-agency.eu).
            let (spelt, was_spelt) = (c.source == DOMAIN, m.source == DOMAIN);
            if !spelt && (c.name.len() > m.name.len() || was_spelt) {
                m.name = c.name;
            }
            if c.score > m.score * 0.5 && c.score >= m.score {
                m.source = c.source;
            }
            m.score += c.score;
            m.phrase |= c.phrase;
            m.subject |= c.subject;
        } else {
            out.push(c);
        }
    }
    out
}

/// Whether `name` is written as initials: two to six capitals ("EACT", "HPSA").
fn is_initials(name: &str) -> bool {
    (2..=6).contains(&name.len()) && name.chars().all(|c| c.is_ascii_uppercase())
}

/// Whether `long` is `short` after the kind of place it is ("Hotel Palácio das
/// Janelas", "Palácio das Janelas"), both folded.
fn led_by_trade(long: &str, short: &str) -> bool {
    const LEADS: &[&str] = &[
        "hotel", "hospital", "clinica", "clinique", "klinik", "colegio",
    ];
    long.strip_suffix(short)
        .and_then(|lead| lead.strip_suffix(' '))
        .is_some_and(|lead| LEADS.contains(&lead))
}

/// Whether every word of `part` is a word of `whole`.
fn within(part: &str, whole: &str) -> bool {
    let whole = fold(whole);
    fold(part)
        .split_whitespace()
        .all(|w| whole.split_whitespace().any(|x| x == w))
}

/// Whether a signature segment is a job title or a team ("Senior Recruiter", "Talent
/// Acquisition", "People & Talent"), not a name.
fn is_job_title(seg: &str) -> bool {
    let f = fold(seg);
    let words: Vec<&str> = f
        .split(|c: char| !c.is_alphanumeric() && c != '-')
        .filter(|w| !w.is_empty())
        .collect();
    !words.is_empty()
        && (words.iter().any(|w| TITLE_WORDS.contains(w))
            || words.iter().all(|w| {
                TEAM_WORDS.contains(w) || ["and", "of", "und", "et", "y", "e"].contains(w)
            }))
}

/// Whether a signature segment is a field of work ("Data & Analytics", "Tech",
/// "Platform & Reliability") rather than a name: the specialism after a title.
fn is_department(seg: &str) -> bool {
    #[rustfmt::skip]
    const FIELDS: &[&str] = &[
        "tech", "technology", "data", "analytics", "platform", "reliability", "engineering",
        "ingenieria", "ingegneria", "engenharia", "devices", "vigilance", "pharmacovigilance",
        "safety", "quality", "regulatory", "affairs", "labelling", "compliance", "life",
        "sciences", "medicines", "hospitality",
        "infrastructure", "product", "design", "security", "finance", "sales", "marketing",
        "operations", "ml", "ai", "cloud", "devops", "backend", "frontend", "software", "it",
        "digital", "research", "innovation", "growth", "technical", "science", "emea", "dach",
        "benelux", "nordics", "europe", "iberia", "uk", "embedded", "robotics", "hardware",
        "firmware", "electronics", "automotive", "industrial", "fintech", "healthcare",
        "industry", "industrie", "ingenierie", "cyber", "security", "health", "informatics",
        "clinical", "nursing", "medical", "construction", "property", "&", "and", "/", "+",
        "civil", "renewables", "interim", "mining", "metals", "minerals", "resources",
        "mineral", "processing",
        "brand", "pricing", "risk", "strategy", "content", "performance", "lifecycle", "crm",
        "customer", "success", "commercial", "consumer", "retail", "ecommerce", "payments",
        "fraud", "nlp", "forecasting", "insight", "insights", "communications", "hiring",
        "partnerships", "b2b", "b2c", "saas", "enterprise", "mobile", "web", "quality",
        // "Senior Consultant – Finance & Accounting", "– BFSI Finance Hiring".
        "accounting", "accountancy", "audit", "tax", "treasury", "bfsi", "banking",
        "fp&a",
        // "Principal Consultant, Hotels & Resorts".
        "tourism", "hotels", "resorts", "leisure", "travel",
    ];
    let f = fold(seg);
    let words: Vec<&str> = f.split_whitespace().collect();
    !words.is_empty() && words.iter().all(|w| FIELDS.contains(w))
}

/// `s` with each quoted part ("…", “…”, «…») made a segment break; a quote left
/// open keeps what follows it.
fn without_quoted(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut quoted = String::new();
    let mut open: Option<char> = None;
    for c in s.chars() {
        match (open, c) {
            (None, '"') => open = Some('"'),
            (None, '“') => open = Some('”'),
            (None, '«') => open = Some('»'),
            (Some(close), c) if c == close => {
                open = None;
                quoted.clear();
                out.push('|');
            }
            (Some(_), c) => quoted.push(c),
            (None, c) => out.push(c),
        }
    }
    out.push_str(&quoted);
    out
}

/// Whether the sender is a recruiting agency (its text, signature or name says so).
/// `text` is the newest text and the quoted history, folded: the history is mostly the
/// agency's own earlier mail.
fn is_agency(sender: &Sender, newest: &str, text: &str) -> bool {
    if sender.relay != Relay::Direct {
        return false;
    }
    let signed = signature_lines(newest);
    let signature = fold(&format!(
        "{}\n{}",
        sender.name.as_deref().unwrap_or_default(),
        signed.join("\n")
    ));
    // "Bos Recruitment" is an agency; "Equipe de Recrutamento" an in-house team.
    let named = signature
        .lines()
        .flat_map(|l| l.split(SIGNATURE_BREAKS))
        .any(|l| {
            // "Kramer Finance Recruitment GmbH": the trade comes before the legal form.
            let l = strip_legal(l.trim());
            let l = l.as_str();
            // "Leiterin Personal" is a title: the head of the in-house HR team.
            let team = l
                .split_whitespace()
                .next()
                .is_some_and(|w| TEAM_WORDS.contains(&w) || super::role::is_title(w));
            // "Calderbrook Borough Council Recruitment": a public body's or a
            // university's own recruiting, not an agency.
            let institution = l.split_whitespace().any(|w| INSTITUTION_WORDS.contains(&w));
            // "EPSA e-Recruitment" is the body's own recruiting system.
            let system = l
                .split_whitespace()
                .last()
                .is_some_and(|w| w.starts_with("e-"));
            // "Harbor HR" at harborhr.pl: a firm named for HR is an agency; an
            // employer's "Acme HR" writes from acme.com.
            let hr_firm = l.ends_with(" hr")
                && sender.domain_label().map(squash).as_deref() == Some(squash(l).as_str());
            hr_firm
                || (!team
                    && !institution
                    && !system
                    && l.split_whitespace().count() >= 2
                    && AGENCY_NAMES.iter().any(|n| l.ends_with(n)))
        });
    // "tbx-recruit.be", "northstaffing.com": the domain says what the firm does.
    let trade_domain = sender.whole_domain_label().is_some_and(|l| {
        [
            "recruit",
            "staffing",
            "headhunt",
            "personalberatung",
            "rekrut",
            "rekryt",
            "recrut",
            "werwing",
            "manpower",
            "placement",
            "search",
            "talent",
            "exec",
            "associates",
        ]
        .iter()
        .any(|t| l.contains(t))
            // "cancerresearch" is no search firm.
            && !l.contains("research")
    });
    let signed_agency = AGENCY_SIGNATURE.iter().any(|m| has(&signature, m));
    // "Talent Acquisition, Hafenkran Logistik GmbH" at hafenkran.de: a recruiter signing
    // for the domain's own organisation passes the person on in-house.
    let in_house = !signed_agency
        && sender.domain_label().map(squash).is_some_and(|label| {
            signed.iter().any(|line| {
                let segs: Vec<&str> = line.split(SIGNATURE_BREAKS).map(str::trim).collect();
                segs.len() > 1
                    && segs.iter().any(|s| is_job_title(s))
                    && segs.iter().any(|s| {
                        let name = strip_legal(s);
                        !is_job_title(s)
                            && squash(&name).starts_with(&label)
                            && !agency_name_ending(&fold(&name))
                    })
            })
        });
    // "Recruitment Unit", "Recruitment Office": a body's own team signs, whatever its
    // sender's name ("HPSA Recruitment").
    let unit = signed.iter().any(|l| {
        let f = fold(l);
        [
            "recruitment unit",
            "recruitment office",
            "recruitment section",
            "hr unit",
        ]
        .iter()
        .any(|u| f == *u)
    });
    (named && !unit)
        || trade_domain
        || AGENCY_TEXT.iter().any(|m| has(text, m))
        || (!in_house && PASSING_ON.iter().any(|m| has(text, m)))
        || signed_agency
}

#[cfg(test)]
mod tests;
