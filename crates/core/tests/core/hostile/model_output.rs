//! Model output of any shape, and tool calls to unknown tools or with bad arguments.

use super::*;

/// A value for one field of an answer, and whether it is valid there (when known).
type FieldValue = BoxedStrategy<(Value, Option<bool>)>;

/// What the model answers, and whether that answer is valid (when known).
#[derive(Debug, Clone)]
struct Answer {
    text: String,
    valid: Option<bool>,
}

/// A field of a valid answer replaced: `Some(validity)` when the rules decide it.
fn mutated_answer(base: Value, fields: Vec<(&'static str, FieldValue)>) -> BoxedStrategy<Answer> {
    let n = fields.len();
    let (names, strategies): (Vec<_>, Vec<_>) = fields.into_iter().unzip();
    (
        0..n,
        strategies,
        any::<bool>(),
        any::<bool>(),
        prop::option::of(hostile_json()),
    )
        .prop_map(move |(i, values, wrapped, fenced, explanation)| {
            let mut v = base.clone();
            let (value, valid) = values[i].clone();
            v[names[i]] = value;
            let answer = if wrapped {
                json!({ "result": v, "explanation": explanation.unwrap_or(Value::Null) })
            } else {
                v
            };
            let text = if fenced {
                format!("```json\n{answer}\n```")
            } else {
                answer.to_string()
            };
            Answer { text, valid }
        })
        .boxed()
}

/// Answers that are not JSON, JSON of another shape, or a valid answer cut short.
fn broken_answers(valid: Value) -> BoxedStrategy<Answer> {
    let text = valid.to_string();
    prop_oneof![
        any::<String>().prop_map(|text| Answer { text, valid: None }),
        hostile_json().prop_map(|v| Answer {
            text: v.to_string(),
            valid: None
        }),
        (1..text.len()).prop_map(move |n| Answer {
            text: text[..n].to_owned(),
            valid: Some(false)
        }),
        Just(Answer {
            text: String::new(),
            valid: Some(false)
        }),
        Just(Answer {
            text: "null".into(),
            valid: Some(false)
        }),
    ]
    .boxed()
}

fn number_field(valid: impl Fn(&Value) -> bool + 'static) -> FieldValue {
    prop_oneof![
        prop::sample::select(vec![
            json!(7),
            json!(-3),
            json!(0),
            json!(1),
            json!(0.5),
            json!(100),
            json!(101),
            json!(255),
            json!(256),
            json!(1e308),
            json!(-0.0),
            json!("0.5"),
            json!(null),
            json!(u64::MAX)
        ]),
        hostile_f64()
            .prop_map(|f| serde_json::Number::from_f64(f).map_or(Value::Null, Value::Number)),
    ]
    .prop_map(move |v| {
        let ok = valid(&v);
        (v, Some(ok))
    })
    .boxed()
}

fn text_field(huge: bool) -> FieldValue {
    let sizes = if huge {
        vec![1usize, 10_000, 1_000_000]
    } else {
        vec![1usize, 100]
    };
    prop_oneof![
        hostile_string().prop_map(|s| {
            let ok = !s.trim().is_empty();
            (Value::String(s), Some(ok))
        }),
        (
            prop::sample::select(sizes),
            prop::sample::select(vec!["é", "a", "\u{0}", "🦀"])
        )
            .prop_map(|(n, c)| (Value::String(c.repeat(n)), Some(true))),
        hostile_json().prop_map(|v| {
            let ok = v.as_str().map(|s| !s.trim().is_empty());
            (v, ok.or(Some(false)))
        }),
    ]
    .boxed()
}

fn enum_field(values: &[&'static str]) -> FieldValue {
    let valid: Vec<&'static str> = values.to_vec();
    prop_oneof![
        prop::sample::select(valid.clone()).prop_map(|s| (json!(s), Some(true))),
        hostile_string().prop_map(move |s| {
            let ok = valid.contains(&s.as_str());
            (Value::String(s), Some(ok))
        }),
    ]
    .boxed()
}

fn anything() -> FieldValue {
    hostile_json().prop_map(|v| (v, None)).boxed()
}

/// A valid answer whose summary is 10 kB or 1 MB of unicode: stored whole.
fn enormous_summary(base: Value) -> BoxedStrategy<Answer> {
    (
        prop::sample::select(vec![10_000usize, 1_000_000]),
        prop::sample::select(vec!["é", "a", "🦀", "<b>"]),
    )
        .prop_map(move |(n, c)| {
            let mut v = base.clone();
            v["summary"] = Value::String(c.repeat(n / c.len()));
            Answer {
                text: v.to_string(),
                valid: Some(true),
            }
        })
        .boxed()
}

fn email_answer() -> BoxedStrategy<Answer> {
    let base = json!({
        "category": "interview_invite", "urgency": "high", "company": "Acme",
        "role": "Rust Engineer", "dates": [], "contacts": [], "application_id": null,
        "proposed_status": null, "summary": "Interview invitation from Acme.",
        "confidence": 0.9
    });
    let confidence = number_field(|v| v.as_f64().is_some_and(|c| (0.0..=1.0).contains(&c)));
    let fields = vec![
        ("confidence", confidence),
        ("summary", text_field(true)),
        (
            "category",
            enum_field(&[
                "application_received",
                "interview_invite",
                "assessment",
                "offer",
                "rejection",
                "recruiter_outreach",
                "follow_up_needed",
                "other",
            ]),
        ),
        ("urgency", enum_field(&["low", "medium", "high"])),
        ("application_id", anything()),
        ("dates", anything()),
        ("contacts", anything()),
        ("proposed_status", anything()),
        ("company", anything()),
    ];
    prop_oneof![
        3 => mutated_answer(base.clone(), fields),
        1 => broken_answers(base.clone()),
        1 => enormous_summary(base),
    ]
    .boxed()
}

fn job_match_answer() -> BoxedStrategy<Answer> {
    let base = json!({
        "score": 80, "matched_skills": ["rust"], "missing_skills": [],
        "recommendation": "apply", "summary": "A good fit.", "confidence": 0.7
    });
    let fields = vec![
        (
            "score",
            number_field(|v| v.as_u64().is_some_and(|s| s <= 100)),
        ),
        (
            "confidence",
            number_field(|v| v.as_f64().is_some_and(|c| (0.0..=1.0).contains(&c))),
        ),
        ("summary", text_field(true)),
        ("recommendation", enum_field(&["apply", "consider", "skip"])),
        ("matched_skills", anything()),
        ("missing_skills", anything()),
    ];
    prop_oneof![
        3 => mutated_answer(base.clone(), fields),
        1 => broken_answers(base.clone()),
        1 => enormous_summary(base),
    ]
    .boxed()
}

/// A store, the test server and a runtime on it, reused by every case of a property.
struct Bench {
    _dir: tempfile::TempDir,
    store: Mutex<Store>,
    server: TestServer,
    runtime: jobtrail_core::agent::Runtime,
    rt: tokio::runtime::Runtime,
}

fn bench() -> Bench {
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    let server = rt.block_on(TestServer::start()).unwrap();
    let runtime = test_runtime(&server);
    let (dir, mut store, _) = temp_store();
    crate::add_app(&mut store, "Acme", "Rust Engineer", "applied");
    Bench {
        _dir: dir,
        store: Mutex::new(store),
        server,
        runtime,
        rt,
    }
}

impl Bench {
    fn run<A: Agent>(
        &self,
        agent: &A,
        input: &A::Input,
        replies: Vec<Reply>,
    ) -> Result<AgentRun<A::Output>, TestCaseError> {
        let pending = self.server.pending();
        prop_assert_eq!(pending, 0, "replies left over from an earlier case");
        self.server.script(replies);
        let run = self
            .rt
            .block_on(
                self.runtime
                    .run(&self.store, agent, input, &RunSettings::default()),
            )
            .map_err(|e| TestCaseError::fail(format!("the run was not recorded: {e}")))?;
        prop_assert_eq!(
            self.server.pending(),
            0,
            "every scripted reply was asked for"
        );
        Ok(run)
    }
}

/// A run of `A` is recorded as it ended: a valid answer from the model, the built-in
/// engine's answer with the reason and the classified error, or a failure with its kind.
fn recorded<A: Agent>(
    agent: &A,
    store: &Store,
    executions_before: i64,
    run: &AgentRun<A::Output>,
    valid: Option<bool>,
) -> Result<(), TestCaseError> {
    prop_assert_eq!(
        int(store, "SELECT count(*) FROM executions"),
        executions_before + 1,
        "exactly one execution per run"
    );
    let e = &run.execution;
    type Row = (bool, String, Option<String>, Option<String>, Option<String>);
    let (success, engine, error_kind, fallback, output): Row = store
        .conn()
        .query_row(
            "SELECT success, engine, error_kind, fallback_reason, output
             FROM executions WHERE id = ?1",
            [e.execution_id],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?)),
        )
        .unwrap();
    prop_assert_eq!(success, e.success);
    let errors_logged = int1(
        store,
        "SELECT count(*) FROM error_log WHERE execution_id = ?1 AND kind <> '' AND category <> ''",
        e.execution_id,
    );
    match (&run.result, e.engine) {
        (Ok(out), Engine::Llm) => {
            prop_assert!(valid != Some(false), "an invalid answer was accepted");
            prop_assert!(success && engine == "llm");
            prop_assert!(agent.check(out).is_ok());
            let stored: Value = serde_json::from_str(output.as_deref().unwrap_or("null")).unwrap();
            let out = serde_json::to_value(out).unwrap();
            prop_assert!(
                stored == out,
                "the stored output differs:\n  stored {stored}\n  result {out}"
            );
        }
        (Ok(_), Engine::Builtin) => {
            prop_assert!(valid != Some(true), "a valid answer was not used");
            prop_assert!(success && engine == "builtin");
            prop_assert!(
                fallback.as_deref().is_some_and(|f| !f.trim().is_empty()),
                "no reason given"
            );
            prop_assert!(errors_logged >= 1, "the bad answer was not classified");
        }
        (Err(err), _) => {
            prop_assert!(!success);
            prop_assert_eq!(error_kind.as_deref(), Some(err.kind()));
            prop_assert!(!err.to_string().trim().is_empty());
        }
        (Ok(_), Engine::Custom) => prop_assert!(false, "an agent run recorded as custom code"),
    }
    Ok(())
}

fn email() -> EmailInput {
    EmailInput {
        from: "Acme Talent <talent@acme.com>".into(),
        subject: "Interview invitation".into(),
        date: None,
        body: "We would like to schedule an interview.".into(),
    }
}

/// The store answers as usual after a series of hostile runs.
fn still_usable(b: &Bench, runs: i64) {
    let store = lock(&b.store);
    assert!(int(&store, "SELECT count(*) FROM executions") >= runs);
    jobtrail_core::failsafe::list_errors(&store, &Default::default()).unwrap();
    prices::list(&store).unwrap();
    jobtrail_core::agent::config::agent_configs(&store).unwrap();
    let integrity: String = store
        .conn()
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap();
    assert_eq!(integrity, "ok");
}

#[test]
fn email_analyst_output_of_any_shape_is_recorded_and_classified() {
    let b = bench();
    let agent = EmailAnalyst::default();
    check(24, email_answer(), |answer| {
        let before = int(&lock(&b.store), "SELECT count(*) FROM executions");
        let run = b.run(&agent, &email(), vec![Reply::content(answer.text.clone())])?;
        recorded(&agent, &lock(&b.store), before, &run, answer.valid)
    });
    // A valid answer still goes through after all that.
    let before = int(&lock(&b.store), "SELECT count(*) FROM executions");
    let valid = json!({
        "category": "offer", "urgency": "high", "company": "Acme", "role": null,
        "dates": [], "contacts": [], "application_id": null, "proposed_status": null,
        "summary": "An offer.", "confidence": 0.8
    });
    let run = b.run(&agent, &email(), vec![Reply::json(&valid)]).unwrap();
    assert_eq!(run.execution.engine, Engine::Llm);
    recorded(&agent, &lock(&b.store), before, &run, Some(true)).unwrap();
    still_usable(&b, 25);
}

#[test]
fn job_match_output_of_any_shape_is_recorded_and_classified() {
    let b = bench();
    let agent = JobMatch;
    let input = (
        hostile_string(),
        prop::collection::vec(hostile_string(), 0..4),
    );
    check(
        20,
        (job_match_answer(), input),
        |(answer, (post, skills))| {
            let input = JobMatchInput {
                post,
                profile: Profile {
                    skills,
                    ..Profile::default()
                },
            };
            let before = int(&lock(&b.store), "SELECT count(*) FROM executions");
            let run = b.run(&agent, &input, vec![Reply::content(answer.text.clone())])?;
            recorded(&agent, &lock(&b.store), before, &run, answer.valid)?;
            if let Ok(out) = &run.result {
                let out: &JobMatchResult = out;
                prop_assert!(out.score <= 100 && (0.0..=1.0).contains(&out.confidence));
            }
            Ok(())
        },
    );
    still_usable(&b, 20);
}

/// Tool calls by any name with any arguments: each is recorded and answered with an
/// error when the tool is unknown or the arguments are not its own; nothing is written.
#[test]
fn tool_calls_to_unknown_tools_or_with_bad_arguments_are_recorded_as_failed() {
    let b = bench();
    let agent = EmailAnalyst::default();
    let known = ["lookup_applications", "read_timeline"];
    let name = prop_oneof![
        2 => prop::sample::select(known.to_vec()).prop_map(str::to_owned),
        2 => hostile_string(),
        1 => Just("delete_everything".to_owned()),
    ];
    let args = prop_oneof![
        hostile_json().prop_map(|v| v.to_string()),
        any::<String>(),
        prop::sample::select(vec![
            "{",
            "",
            "null",
            "{\"query\": \"Acme\"}",
            "{\"application_id\": 1}",
            "{\"application_id\": \"1\"}",
            "{\"query\": \"\"}"
        ])
        .prop_map(str::to_owned),
        (1usize..20_000).prop_map(|n| format!("{{\"query\": \"{}\"}}", "x".repeat(n))),
    ];
    let rounds = prop::collection::vec(prop::collection::vec((name, args), 1..4), 1..4);
    let last = prop_oneof![
        email_answer(),
        Just(Answer {
            text: String::new(),
            valid: Some(false)
        })
    ];
    check(16, (rounds, last), |(rounds, last)| {
        let mut replies: Vec<Reply> = rounds
            .iter()
            .map(|calls| Reply::ToolCalls {
                calls: calls.clone(),
                usage: Usage::new(80, 0, 15, 0),
            })
            .collect();
        replies.push(Reply::content(last.text.clone()));
        let store_apps = int(&lock(&b.store), "SELECT count(*) FROM applications");
        let before = int(&lock(&b.store), "SELECT count(*) FROM executions");
        let run = b.run(&agent, &email(), replies)?;
        let store = lock(&b.store);
        recorded(&agent, &store, before, &run, last.valid)?;
        let calls: Vec<(String, String)> = rounds.concat();
        prop_assert_eq!(run.execution.tool_calls, calls.len());
        let mut stmt = store
            .conn()
            .prepare("SELECT tool, success FROM tool_calls WHERE execution_id = ?1 ORDER BY seq")
            .unwrap();
        let rows: Vec<(String, bool)> = stmt
            .query_map([run.execution.execution_id], |r| Ok((r.get(0)?, r.get(1)?)))
            .unwrap()
            .map(Result::unwrap)
            .collect();
        prop_assert_eq!(rows.len(), calls.len());
        for ((tool, success), (name, args)) in rows.iter().zip(&calls) {
            prop_assert_eq!(tool, name, "the tool name is stored as called");
            let bad_args = serde_json::from_str::<Value>(args).is_err();
            if !known.contains(&name.as_str()) || bad_args {
                prop_assert!(!success, "{name:?}({args:?}) succeeded");
            }
        }
        prop_assert_eq!(
            int(&store, "SELECT count(*) FROM applications"),
            store_apps,
            "tools never write"
        );
        Ok(())
    });
    still_usable(&b, 16);
}
