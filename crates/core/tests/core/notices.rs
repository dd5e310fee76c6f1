//! Desktop notices: each budget threshold, alert episode and escalation is offered
//! once per period, and a setting turns each kind off.

use jobtrail_core::cost::{self, Money};
use jobtrail_core::failsafe::{self, ErrorContext};
use jobtrail_core::notices::NotificationSettings;
use jobtrail_core::notices::{self, NoticeKind};

use crate::temp_store;

fn money(s: &str) -> Money {
    s.parse().unwrap()
}

#[test]
fn a_budget_threshold_is_offered_once_then_the_next_one() {
    let (_dir, mut store, clock) = temp_store();
    cost::set_budgets(
        &mut store,
        cost::Budgets {
            daily_budget: Some(money("0.10")),
            ..Default::default()
        },
    )
    .unwrap();
    assert!(
        notices::take_due(&mut store).unwrap().is_empty(),
        "nothing spent"
    );

    // gpt-4o input is $2.50 per 1M tokens: 34,000 tokens = $0.085, 85 % of $0.10.
    cost::track_usage(&mut store, "job-match", "gpt-4o", 34_000, 0, 0, 0).unwrap();
    let due = notices::take_due(&mut store).unwrap();
    assert_eq!(due.len(), 1, "only the highest threshold crossed: {due:?}");
    assert_eq!(due[0].kind, NoticeKind::Budget);
    assert_eq!(due[0].title, "Today's budget is 80 % used");
    assert!(due[0].body.contains("85 %"), "{}", due[0].body);
    assert!(
        notices::take_due(&mut store).unwrap().is_empty(),
        "the same threshold is never offered twice"
    );

    cost::track_usage(&mut store, "job-match", "gpt-4o", 4_000, 0, 0, 0).unwrap();
    let due = notices::take_due(&mut store).unwrap();
    assert_eq!(due.len(), 1);
    assert_eq!(due[0].title, "Today's budget is 90 % used");

    // The next day the budget starts over, and so do its notices.
    clock.advance(24 * 3_600_000);
    cost::track_usage(&mut store, "job-match", "gpt-4o", 40_000, 0, 0, 0).unwrap();
    let due = notices::take_due(&mut store).unwrap();
    assert_eq!(due.len(), 1);
    assert_eq!(due[0].title, "Today's budget is spent");
    assert!(due[0].urgent);
}

#[test]
fn notices_a_person_turned_off_are_not_offered() {
    let (_dir, mut store, _) = temp_store();
    cost::set_budgets(
        &mut store,
        cost::Budgets {
            daily_budget: Some(money("0.01")),
            ..Default::default()
        },
    )
    .unwrap();
    jobtrail_core::notices::set_settings(
        &mut store,
        NotificationSettings {
            budget: false,
            ..NotificationSettings::default()
        },
    )
    .unwrap();
    cost::track_usage(&mut store, "job-match", "gpt-4o", 40_000, 0, 0, 0).unwrap();
    assert!(notices::take_due(&mut store).unwrap().is_empty());
}

#[test]
fn an_escalated_error_is_offered_once_a_day_per_kind() {
    let (_dir, mut store, _) = temp_store();
    let auth = jobtrail_core::agent::llm::LlmError::Auth { status: 401 };
    for _ in 0..3 {
        failsafe::handle_error(&mut store, &auth, ErrorContext::new("agent_run")).unwrap();
    }
    let due = notices::take_due(&mut store).unwrap();
    assert_eq!(due.len(), 1, "three refusals, one notice: {due:?}");
    assert_eq!(due[0].kind, NoticeKind::Escalation);
    assert_eq!(due[0].title, "The provider refused the API key");
    assert!(due[0].body.contains("3 times today"), "{}", due[0].body);
    failsafe::handle_error(&mut store, &auth, ErrorContext::new("agent_run")).unwrap();
    assert!(
        notices::take_due(&mut store).unwrap().is_empty(),
        "no storm"
    );
}

#[test]
fn an_unpriced_model_alert_is_offered_once_per_episode() {
    let (_dir, mut store, _) = temp_store();
    for _ in 0..3 {
        cost::track_usage(&mut store, "job-match", "my-local-model", 1_000, 100, 0, 0).unwrap();
    }
    let thresholds = jobtrail_core::monitor::alerts::alert_thresholds(&store).unwrap();
    jobtrail_core::monitor::get_performance_alerts(&mut store, &thresholds).unwrap();
    let due = notices::take_due(&mut store).unwrap();
    let unpriced: Vec<_> = due
        .iter()
        .filter(|n| n.kind == NoticeKind::Unpriced)
        .collect();
    assert_eq!(unpriced.len(), 1, "{due:?}");
    assert!(unpriced[0].body.contains("my-local-model") || unpriced[0].body.contains("price"));
    jobtrail_core::monitor::get_performance_alerts(&mut store, &thresholds).unwrap();
    assert!(
        notices::take_due(&mut store).unwrap().is_empty(),
        "same episode"
    );
}
