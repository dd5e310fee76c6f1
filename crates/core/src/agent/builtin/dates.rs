//! Dates as written in a message: ISO dates, "24 November", "Nov 24, 2026", weekdays
//! and relative days, with a following time kept.

const MONTHS: &[&str] = &[
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
];
const WEEKDAYS: &[&str] = &[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];
const RELATIVE: &[&str] = &[
    "today",
    "tomorrow",
    "next week",
    "this week",
    "end of the week",
];

/// Dates as written: ISO dates, "24 November", "Nov 24, 2026", weekdays and
/// relative days, with a following time ("at 10:00", "3pm") kept; at most 10.
pub(crate) fn dates_in(text: &str) -> Vec<String> {
    let words: Vec<&str> = text.split_whitespace().collect();
    let clean = |w: &str| {
        w.trim_matches(|c: char| !c.is_alphanumeric() && c != ':' && c != '-')
            .to_lowercase()
    };
    let is_day = |w: &str| {
        let d = w.trim_end_matches(|c: char| c.is_alphabetic());
        d.parse::<u8>().is_ok_and(|n| (1..=31).contains(&n))
    };
    let is_iso = |w: &str| {
        let p: Vec<&str> = w.split('-').collect();
        p.len() == 3 && p[0].len() == 4 && p.iter().all(|x| x.parse::<u16>().is_ok())
    };
    let is_time = |w: &str| {
        let w = w.trim_end_matches("am").trim_end_matches("pm");
        let (h, m) = w.split_once(':').unwrap_or((w, "00"));
        h.parse::<u8>().is_ok_and(|h| h <= 23)
            && m.len() == 2
            && m.parse::<u8>().is_ok_and(|m| m < 60)
    };
    // "next week" and the like: how many words the one at `i` spans.
    let relative_at = |i: usize| {
        RELATIVE.iter().map(|r| r.split(' ').count()).find(|&n| {
            let phrase: Vec<String> = words.iter().skip(i).take(n).map(|x| clean(x)).collect();
            phrase.len() == n && RELATIVE.contains(&phrase.join(" ").as_str())
        })
    };
    let mut out: Vec<String> = Vec::new();
    let mut i = 0;
    while i < words.len() && out.len() < 10 {
        let w = clean(words[i]);
        let next = words.get(i + 1).map(|n| clean(n)).unwrap_or_default();
        let mut len = if is_iso(&w) || WEEKDAYS.contains(&w.as_str()) {
            1
        } else if (MONTHS.contains(&w.as_str()) && is_day(&next))
            || (is_day(&w) && MONTHS.contains(&next.as_str()))
        {
            2
        } else {
            relative_at(i).unwrap_or_default()
        };
        if len == 0 {
            i += 1;
            continue;
        }
        // A year, a weekday's date and a time may follow.
        for _ in 0..3 {
            let Some(n) = words.get(i + len).map(|n| clean(n)) else {
                break;
            };
            let after = words.get(i + len + 1).map(|n| clean(n)).unwrap_or_default();
            if n.len() == 4 && n.parse::<u16>().is_ok_and(|y| (2000..=2100).contains(&y)) {
                len += 1;
            } else if (MONTHS.contains(&n.as_str()) && is_day(&after))
                || (is_day(&n) && MONTHS.contains(&after.as_str()))
                || (n == "at" && is_time(&after))
            {
                len += 2;
            } else if is_time(&n) && n.contains(':') {
                len += 1;
            } else {
                break;
            }
        }
        let phrase = words[i..i + len]
            .join(" ")
            .trim_matches(|c: char| !c.is_alphanumeric())
            .to_owned();
        if !out.contains(&phrase) {
            out.push(phrase);
        }
        i += len;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_are_found_as_written() {
        let text = "Could you do Tuesday, 1 December at 10:00? Otherwise Dec 3, 2026 or \
                    2026-12-04 works, or tomorrow. We have 3 candidates in May.";
        assert_eq!(
            dates_in(text),
            [
                "Tuesday, 1 December at 10:00",
                "Dec 3, 2026",
                "2026-12-04",
                "tomorrow"
            ]
        );
        assert!(dates_in("Thanks for applying.").is_empty());
    }

    #[test]
    fn odd_text_never_panics() {
        for t in [
            "",
            "at",
            "Monday at",
            "Dec",
            "1",
            "31 december 2026 at",
            "May 32",
            "2026-13-45",
        ] {
            let _ = dates_in(t);
        }
    }
}
