//! Tests of the evaluation's arithmetic.

use super::*;

fn outcome(expected: EmailCategory, got: Option<(EmailCategory, f64)>, ms: i64) -> Outcome {
    Outcome {
        item: format!("{expected}/x.eml"),
        email_id: None,
        from: "Jane <jane@lumengrid.io>".into(),
        subject: "Hello".into(),
        expected,
        answer: got.map(|(category, confidence)| Answer {
            category,
            confidence,
            company: Some("Lumen Grid".into()),
            role: None,
        }),
        execution_id: Some(1),
        duration_us: ms * 1000,
        cost: Money::from_micros(10),
        skipped: false,
        truth: Some((Some("lumen-grid".into()), Some("Backend Engineer".into()))),
    }
}

#[test]
fn counts_matrix_and_scores_add_up() {
    use EmailCategory::*;
    let mut outcomes = vec![
        outcome(Offer, Some((Offer, 0.9)), 10),
        outcome(Offer, Some((Rejection, 0.5)), 20),
        outcome(Rejection, Some((Rejection, 0.55)), 30),
        outcome(Other, None, 40),
    ];
    let mut skipped = outcome(Other, None, 0);
    skipped.skipped = true;
    skipped.execution_id = None;
    skipped.cost = Money::ZERO;
    outcomes.push(skipped);
    let r = score("llm", Some("m"), &outcomes);
    assert_eq!((r.n, r.correct, r.failed, r.skipped), (4, 2, 1, 1));
    assert_eq!(r.accuracy, Some(0.5));
    let total: u32 = r.confusion.matrix.iter().flatten().sum();
    assert_eq!(total, 3, "answered runs only");
    let offer = &r.per_category["offer"];
    assert_eq!(offer.support, 2);
    assert_eq!(offer.precision, Some(1.0));
    assert_eq!(offer.recall, Some(0.5));
    let rejection = &r.per_category["rejection"];
    assert_eq!(rejection.precision, Some(0.5));
    assert_eq!(rejection.recall, Some(1.0));
    assert_eq!(
        r.per_category["other"].support, 1,
        "a failed run still counts"
    );
    assert_eq!(r.per_category["other"].recall, Some(0.0));
    assert_eq!(r.cost, Money::from_micros(40));
    assert_eq!(r.cost_per_correct, Some(Money::from_micros(20)));
    assert_eq!((r.p50_ms, r.p95_ms), (Some(20.0), Some(40.0)));
    let band = |from: f64| r.calibration.iter().find(|b| b.from == from).unwrap();
    assert_eq!((band(0.8).n, band(0.8).correct), (1, 1));
    assert_eq!((band(0.4).n, band(0.4).correct), (2, 1));
    let ex = r.extraction.unwrap();
    assert_eq!((ex.n, ex.company, ex.role), (3, Some(1.0), Some(0.0)));
    assert_eq!(ex.misses.len(), 3, "each answer missed the role");
    assert_eq!(ex.misses[0].found.company.as_deref(), Some("Lumen Grid"));
    assert_eq!(
        ex.misses[0].expected.role.as_deref(),
        Some("Backend Engineer")
    );
    assert_eq!(r.wrong.len(), 2);
}

#[test]
fn names_compare_as_a_person_reads_them() {
    assert!(same_name(Some("Lumen Grid"), Some("lumengrid")));
    assert!(same_name(None, None));
    assert!(!same_name(Some("Halcyon Bank"), Some("Halcyonbank Inc")));
    assert!(!same_name(Some("Acme"), None));
}

#[test]
fn a_spelling_filed_under_the_same_employer_counts_apart_from_exact_names() {
    use EmailCategory::*;
    let named = |truth: &str, found: Option<&str>| {
        let mut o = outcome(Offer, Some((Offer, 0.9)), 10);
        o.truth = Some((Some(truth.into()), None));
        o.answer.as_mut().unwrap().company = found.map(Into::into);
        o
    };
    let r = score(
        "builtin",
        None,
        &[
            named("Isarwacht", Some("Isarwacht Versicherung")),
            named("Petrichor Labs", Some("Petrichor")),
            named("Lumen Grid", Some("lumengrid")),
            named("Sablon Verzekeringen", Some("Talentbridge Benelux")),
            named("Lumenfold", None),
        ],
    );
    let ex = r.extraction.unwrap();
    assert_eq!(ex.company, Some(0.2), "only lumengrid is the label's name");
    assert_eq!(
        ex.company_same_employer,
        Some(0.6),
        "a longer or shorter spelling goes to the same application; another firm or none does not"
    );
    assert_eq!(
        ex.misses.len(),
        4,
        "a same-employer spelling is still listed"
    );
}

#[test]
fn nothing_scored_has_no_rates() {
    let r = score("builtin", None, &[]);
    assert_eq!(r.accuracy, None);
    assert_eq!(r.cost_per_correct, None);
    assert_eq!(r.p50_ms, None);
    assert!(r.extraction.is_none());
}
