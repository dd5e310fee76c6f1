use jobtrail_core::tracker::applications::{self, MAX_SHORT_TEXT};
use jobtrail_core::tracker::{ApplicationDraft, Error, NewApplication, Origin, Status};

use crate::temp_store;

fn draft(company: &str, role: &str) -> ApplicationDraft {
    ApplicationDraft {
        company: company.into(),
        role: role.into(),
        ..Default::default()
    }
}

fn new(company: &str, role: &str) -> NewApplication {
    NewApplication::try_from(draft(company, role)).expect("valid draft")
}

fn invalid_field(d: ApplicationDraft) -> &'static str {
    match NewApplication::try_from(d) {
        Err(Error::Invalid { field, .. }) => field,
        other => panic!("expected a validation error, got {other:?}"),
    }
}

#[test]
fn drafts_are_validated_field_by_field() {
    assert_eq!(
        invalid_field(draft("", "Dev")),
        "company",
        "company is required"
    );
    assert_eq!(
        invalid_field(draft("   ", "Dev")),
        "company",
        "blank is empty"
    );
    assert_eq!(invalid_field(draft("Acme", "")), "role", "role is required");
    let long = "x".repeat(MAX_SHORT_TEXT + 1);
    assert_eq!(
        invalid_field(draft(&long, "Dev")),
        "company",
        "length is capped"
    );
    assert_eq!(
        invalid_field(draft("Ac\u{0}me", "Dev")),
        "company",
        "no control characters"
    );
    for url in ["ftp://x", "javascript:alert(1)", "https://", "http://a b"] {
        let d = ApplicationDraft {
            url: Some(url.into()),
            ..draft("Acme", "Dev")
        };
        assert_eq!(invalid_field(d), "url", "{url} is not a web address");
    }
    let d = ApplicationDraft {
        status: Some("hired".into()),
        ..draft("Acme", "Dev")
    };
    assert_eq!(invalid_field(d), "status", "unknown statuses are refused");
}

#[test]
fn status_names_parse_loosely_and_list_the_choices_when_wrong() {
    assert_eq!(" Interview ".parse::<Status>().unwrap(), Status::Interview);
    let err = "hired".parse::<Status>().unwrap_err().to_string();
    assert!(
        err.contains("saved") && err.contains("ghosted"),
        "the error lists valid statuses: {err}"
    );
    for s in Status::ALL {
        assert_eq!(
            s.as_str().parse::<Status>().unwrap(),
            s,
            "every status round-trips"
        );
    }
}

#[test]
fn added_application_is_listed_with_its_first_timeline_entry() {
    let (_dir, mut store, _) = temp_store();
    let app = applications::add(&mut store, &new(" Acme ", "Rust Engineer"), Origin::User).unwrap();
    assert_eq!(app.company, "Acme", "surrounding whitespace is trimmed");
    assert_eq!(app.status, Status::Saved, "status defaults to saved");
    assert_eq!(applications::list(&store).unwrap(), vec![app.clone()]);
    let timeline = applications::timeline(&store, app.id).unwrap();
    assert_eq!(timeline.len(), 1, "adding records the first status");
    assert_eq!(
        (timeline[0].from, timeline[0].to, timeline[0].origin),
        (None, Status::Saved, Origin::User)
    );
}

#[test]
fn payloads_are_stored_verbatim() {
    let (_dir, mut store, _) = temp_store();
    let company = "Robert'); DROP TABLE applications;--";
    let role = "<script>alert('x')</script> Ingénieur 日本語 🚀";
    let app = applications::add(&mut store, &new(company, role), Origin::User).unwrap();
    let got = applications::get(&store, app.id).unwrap();
    assert_eq!(
        (got.company.as_str(), got.role.as_str()),
        (company, role),
        "text is data, never SQL"
    );
}

#[test]
fn status_changes_are_recorded_once_with_time_and_note() {
    let (_dir, mut store, clock) = temp_store();
    let app = applications::add(&mut store, &new("Globex", "SRE"), Origin::User).unwrap();
    clock.advance(60_000);
    let moved = applications::set_status(
        &mut store,
        app.id,
        Status::Interview,
        Origin::User,
        Some("call on Monday"),
    )
    .unwrap();
    assert_eq!(moved.status, Status::Interview);
    assert_eq!(
        moved.updated_at,
        app.updated_at + 60_000,
        "updated_at follows the clock"
    );
    let again = applications::set_status(&mut store, app.id, Status::Interview, Origin::User, None)
        .unwrap();
    assert_eq!(
        again.updated_at, moved.updated_at,
        "the same status changes nothing"
    );
    let timeline = applications::timeline(&store, app.id).unwrap();
    assert_eq!(timeline.len(), 2, "one entry per real change: {timeline:?}");
    assert_eq!(timeline[1].from, Some(Status::Saved));
    assert_eq!(timeline[1].to, Status::Interview);
    assert_eq!(timeline[1].note.as_deref(), Some("call on Monday"));
}

#[test]
fn missing_ids_are_not_found() {
    let (_dir, mut store, _) = temp_store();
    assert!(matches!(
        applications::get(&store, 42),
        Err(Error::NotFound {
            what: "application",
            id: 42
        })
    ));
    assert!(matches!(
        applications::set_status(&mut store, 42, Status::Offer, Origin::User, None),
        Err(Error::NotFound {
            what: "application",
            id: 42
        })
    ));
    assert!(matches!(
        applications::delete(&mut store, 42),
        Err(Error::NotFound {
            what: "application",
            id: 42
        })
    ));
    assert!(matches!(
        applications::timeline(&store, 42),
        Err(Error::NotFound {
            what: "application",
            id: 42
        })
    ));
}

#[test]
fn delete_removes_the_timeline_too() {
    let (_dir, mut store, _) = temp_store();
    let app = applications::add(&mut store, &new("Initech", "Dev"), Origin::User).unwrap();
    applications::set_status(&mut store, app.id, Status::Applied, Origin::User, None).unwrap();
    applications::delete(&mut store, app.id).unwrap();
    assert!(applications::list(&store).unwrap().is_empty());
    let left: i64 = store
        .conn()
        .query_row("SELECT count(*) FROM status_changes", [], |r| r.get(0))
        .unwrap();
    assert_eq!(left, 0, "the timeline goes with its application");
}

#[test]
fn list_is_most_recently_changed_first() {
    let (_dir, mut store, clock) = temp_store();
    let a = applications::add(&mut store, &new("A", "Dev"), Origin::User).unwrap();
    clock.advance(1);
    let b = applications::add(&mut store, &new("B", "Dev"), Origin::User).unwrap();
    clock.advance(1);
    applications::set_status(&mut store, a.id, Status::Applied, Origin::User, None).unwrap();
    let order: Vec<_> = applications::list(&store)
        .unwrap()
        .into_iter()
        .map(|x| x.id)
        .collect();
    assert_eq!(order, vec![a.id, b.id], "the one changed last comes first");
}
