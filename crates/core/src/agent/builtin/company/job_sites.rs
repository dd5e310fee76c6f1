//! A job site's mail: the employers of its cards ("Junior Analytics Engineer" over
//! "Lúnasa Foods - Naas"), and where its own message ends and its other jobs begin.

use super::super::names::run_at;
use super::super::role::is_title;
use super::super::text::{filled_lines, fold};

/// The employers of a job site's cards: the name heading the line after or before a
/// line that is a job title.
pub(super) fn job_card_employers<'a>(newest: &'a str) -> Vec<&'a str> {
    let lines = filled_lines(newest);
    // "Lúnasa Foods - Naas, County Kildare" → "Lúnasa Foods"; "Oriel Santé — Nantes".
    let first_segment = |line: &'a str| -> &'a str {
        let end = [",", "|", "·", "•", " - ", " – ", " — "]
            .iter()
            .filter_map(|sep| line.find(sep))
            .min()
            .unwrap_or(line.len());
        line[..end].trim_end()
    };
    let mut out = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        // "Commissioning Engineer (HVAC)": the bracket belongs to the title.
        let title = first_segment(line);
        let title = title.split(" (").next().unwrap_or(title);
        if title.split_whitespace().count() > 6
            || !is_title(title)
            || run_at(title, 0).is_none_or(|r| r.len() != title.len())
        {
            continue;
        }
        // "FP&A Analyst – Lulwa Retail Group, Dubai": the title, the employer and
        // where, on one line ("Security Engineer – SOC & Cloud" is one title).
        if let Some((_, rest)) = [" – ", " - ", " — ", " | "]
            .iter()
            .find_map(|sep| line.split_once(sep))
            .filter(|(head, rest)| head.trim() == first_segment(line) && rest.contains(", "))
        {
            let seg = first_segment(rest).trim_end_matches('.');
            if let Some(run) = run_at(seg, 0)
                && run.len() == seg.len()
                && !is_title(run)
            {
                out.push(run);
            }
        }
        for j in [i + 1, i.wrapping_sub(1)] {
            let Some(other) = lines.get(j) else {
                continue;
            };
            // "Vistaran Infotech Ltd.": the legal form's full stop ends the line.
            // "Lanterna Tech (Gruppo Lanterna)": the group in brackets is not read.
            let seg = first_segment(other).trim_end_matches('.');
            let seg = seg.split(" (").next().unwrap_or(seg);
            if let Some(run) = run_at(seg, 0)
                && run.len() == seg.len()
                && !is_title(run)
            {
                out.push(run);
            }
        }
    }
    out
}

/// The organisation a job site's relayed message names beside its writer: "From: Jaco
/// Meyer, Alpha Minerals Recruitment".
pub(super) fn relayed_writers_employers(newest: &str) -> Vec<&str> {
    filled_lines(newest)
        .into_iter()
        .filter_map(|line| {
            let rest = line.trim().strip_prefix("From: ")?;
            let (person, org) = rest.split_once(", ")?;
            let org = org.trim().trim_end_matches('.');
            // A person's name, then a name of capitalised words and nothing else.
            (!person.contains('@')
                && (2..=3).contains(&person.split_whitespace().count())
                && run_at(org, 0).is_some_and(|r| r.len() == org.len())
                && !is_title(org))
            .then_some(org)
        })
        .collect()
}

/// Employers a line names by its label, as a job site's or a tracker's table does
/// ("Company: Lebone Foods", "Arbeitgeber: Rheinhafen AG"; a table's cells come apart
/// by a space or a tab).
pub(super) fn labelled_employers(text: &str) -> Vec<&str> {
    const LABELS: &[&str] = &[
        "company name",
        "hiring company",
        "company",
        "employer",
        "organisation",
        "organization",
        "empresa",
        "entreprise",
        "societe",
        "unternehmen",
        "arbeitgeber",
        "azienda",
        "werkgever",
        "bedrijf",
        "pracodawca",
        "empregador",
        "werkgewer",
        "maatskappy",
        "majikan",
        "syarikat",
    ];
    let mut out = Vec::new();
    for line in filled_lines(text) {
        let folded = fold(line);
        let Some(label) = LABELS.iter().find(|l| folded.starts_with(*l)) else {
            continue;
        };
        // Folding keeps the letters' count, not their bytes: step over the label's
        // words in the line itself.
        let words = label.split_whitespace().count();
        let Some(rest) = line
            .splitn(words + 1, char::is_whitespace)
            .nth(words)
            .map(|r| r.trim_start_matches([':', ' ', '\t']))
        else {
            continue;
        };
        let head = line[..line.len() - rest.len()].trim_end();
        // The label is a word of its own ("Company:", not "Companyname").
        if fold(head.trim_end_matches([':', ' ', '\t'])) != *label {
            continue;
        }
        let rest = rest.trim().trim_end_matches('.');
        if let Some(run) = run_at(rest, 0)
            && run.len() == rest.len()
            && !is_title(run)
        {
            out.push(run);
        }
    }
    out
}

/// `text` up to a job site's list of other jobs ("Similar jobs", "Jobs you may like").
pub(super) fn before_recommendations(text: &str) -> &str {
    const HEADINGS: &[&str] = &[
        "similar jobs",
        "jobs you may like",
        "jobs you might like",
        "jobs you might also like",
        "you might also like",
        "you may also like",
        "jobs for you",
        "more jobs",
        "recommended jobs",
        "recommended for you",
        "more jobs like this",
        "other jobs you",
        "people also applied",
    ];
    let mut at = 0;
    for line in text.split_inclusive('\n') {
        let f = fold(line.trim());
        if at > 0 && HEADINGS.iter().any(|h| f.starts_with(h)) {
            return &text[..at];
        }
        at += line.len();
    }
    text
}
