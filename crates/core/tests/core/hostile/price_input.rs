//! The price table and cost arithmetic, on hostile drafts and token counts.

use super::*;

#[test]
fn prices_are_stored_exactly_or_refused_and_the_table_survives() {
    let (_dir, store, _) = temp_store();
    let store = RefCell::new(store);
    let model = prop_oneof![
        2 => hostile_string(),
        3 => "[a-z0-9.:-]{1,30}".boxed(),
        1 => prop::sample::select(vec!["gpt-4o", "gpt-4o-mini", SQL_NO_SPACE, HTML])
            .prop_map(str::to_owned)
            .boxed(),
    ];
    // Mostly whole micro-dollars, in the valid range or negative, so the other checks
    // pass often enough for the range checks to be reached.
    let price = || {
        prop_oneof![
            1 => hostile_money(),
            3 => (0i64..=10_000_000_000).prop_map(Money::from_micros),
            1 => (-10_000_000_000i64..0).prop_map(Money::from_micros),
        ]
    };
    let draft = (
        model,
        prop::option::weighted(0.9, price()),
        prop::option::of(price()),
        prop::option::weighted(0.9, price()),
        prop::option::of(price()),
        prop::option::of(hostile_string()),
    )
        .prop_map(
            |(model, input, cached_input, output, reasoning, source)| PriceDraft {
                model,
                input,
                cached_input,
                output,
                reasoning,
                source,
            },
        );
    check(256, draft, |draft| {
        let mut store = store.borrow_mut();
        let before = prices::list(&store).map_err(|e| TestCaseError::fail(e.to_string()))?;
        match prices::set(&mut store, draft.clone()) {
            Ok(p) => {
                prop_assert_eq!(p.model.as_str(), draft.model.trim());
                prop_assert_eq!(Some(p.input), draft.input);
                prop_assert_eq!(p.cached_input, draft.cached_input);
                prop_assert_eq!(Some(p.output), draft.output);
                prop_assert_eq!(p.reasoning, draft.reasoning);
                let source = draft.source.as_deref().map(str::trim).unwrap_or("");
                prop_assert_eq!(
                    p.source.as_str(),
                    if source.is_empty() {
                        "entered by you"
                    } else {
                        source
                    }
                );
                for m in [p.input, p.output] {
                    prop_assert!(m >= Money::ZERO, "a negative price was stored: {p:?}");
                }
                let after = prices::list(&store).map_err(|e| TestCaseError::fail(e.to_string()))?;
                prop_assert_eq!(after.iter().filter(|q| **q == p).count(), 1);
                prop_assert_eq!(prices::find(&store, &p.model).unwrap(), Some(p.clone()));
                // Every other row is untouched.
                let others = |l: &[ModelPrice]| {
                    l.iter()
                        .filter(|q| q.model != p.model)
                        .cloned()
                        .collect::<Vec<_>>()
                };
                prop_assert_eq!(others(&after), others(&before));
            }
            Err(e) => {
                clear_error(&e)?;
                let after = prices::list(&store).map_err(|e| TestCaseError::fail(e.to_string()))?;
                prop_assert_eq!(after, before, "a refused price changed the table");
            }
        }
        // SQL in a model name is data, not SQL.
        prop_assert!(int(&store, "SELECT count(*) FROM executions") >= 0);
        Ok(())
    });
}

fn usage(max: u64) -> impl Strategy<Value = TokenUsage> {
    let n = prop_oneof![0..=max, Just(max), Just(0u64)];
    (n.clone(), n.clone(), n.clone(), n).prop_map(|(input, cached_input, output, reasoning)| {
        TokenUsage {
            input,
            cached_input,
            output,
            reasoning,
        }
    })
}

#[test]
fn cost_arithmetic_never_panics_or_wraps() {
    let price = (
        hostile_money(),
        prop::option::of(hostile_money()),
        hostile_money(),
        prop::option::of(hostile_money()),
    )
        .prop_map(|(input, cached_input, output, reasoning)| ModelPrice {
            model: "m".into(),
            input,
            cached_input,
            output,
            reasoning,
            source: String::new(),
            as_of: String::new(),
            updated_at: 0,
        });
    check(
        256,
        (price, usage(u64::MAX), usage(u64::MAX)),
        |(p, u, extra)| {
            let c = p.cost(&u);
            prop_assert_eq!(c.total, c.input + c.output);
            let total = u128::from(u.input)
                + u128::from(u.cached_input)
                + u128::from(u.output)
                + u128::from(u.reasoning);
            prop_assert_eq!(u128::from(u.total()), total.min(u128::from(u64::MAX)));
            let non_negative = [Some(p.input), p.cached_input, Some(p.output), p.reasoning]
                .iter()
                .flatten()
                .all(|m| *m >= Money::ZERO);
            if non_negative {
                prop_assert!(c.input >= Money::ZERO && c.output >= Money::ZERO);
                prop_assert!(c.total >= c.input && c.total >= c.output, "{c:?}");
                // More tokens never cost less (no wrap-around).
                let mut more = u;
                more.add(extra);
                prop_assert!(p.cost(&more).total >= c.total);
            }
            Ok(())
        },
    );
}

/// Calls with any usage a provider can report (u32 per kind) are priced and stored.
#[test]
fn recorded_calls_with_extreme_usage_are_priced_and_stored() {
    let (_dir, store, _) = temp_store();
    let store = RefCell::new(store);
    let call = (
        prop::sample::select(vec![
            "gpt-4o",
            "gpt-4o-mini-2024-07-18",
            "unpriced-model",
            "",
        ]),
        usage(u64::from(u32::MAX)),
    );
    check(48, prop::collection::vec(call, 0..6), |calls| {
        let mut store = store.borrow_mut();
        let mut handle = jobtrail_core::agent::start_execution(&store, "hostile-usage");
        let mut expected = Money::ZERO;
        let mut unpriced = 0;
        for (model, u) in &calls {
            match prices::find(&store, model).unwrap() {
                Some(p) => expected += p.cost(u).total,
                None => unpriced += 1,
            }
            handle.llm_calls.push(LlmCallRecord {
                model: (*model).to_owned(),
                started_at: 0,
                duration_us: 0,
                usage: *u,
                finish: None,
                error: None,
                detail: Default::default(),
            });
        }
        let record = jobtrail_core::agent::end_execution(
            &mut store,
            handle,
            Outcome {
                success: true,
                ..Outcome::default()
            },
        )
        .map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert_eq!(record.cost, expected);
        prop_assert_eq!(record.unpriced_calls, unpriced);
        prop_assert_eq!(
            int1(
                &store,
                "SELECT cost_nanos FROM executions WHERE id = ?1",
                record.execution_id
            ),
            expected.nanos()
        );
        prices::list(&store).map_err(|e| TestCaseError::fail(e.to_string()))?;
        Ok(())
    });
}
