//! Explanations: the spec's example built, stored, read back, summarised and
//! formatted; hostile content stays inert in every format.

use jobtrail_core::agent::{Engine, Outcome, end_execution, start_execution};
use jobtrail_core::explain::format::{ExplanationFormat, format};
use jobtrail_core::explain::{self, Alternative, Explanation, ReasoningType, ToolUsage};
use jobtrail_core::tracker::Error;
use serde_json::json;

use crate::temp_store;

mod format;

fn recorded(store: &mut jobtrail_core::Store) -> i64 {
    let h = start_execution(store, "EmailAnalystAgent");
    end_execution(
        store,
        h,
        Outcome {
            engine: Some(Engine::Custom),
            success: true,
            ..Outcome::default()
        },
    )
    .unwrap()
    .execution_id
}

/// The spec's example, step by step.
fn spec_example(id: i64) -> Explanation {
    let mut e = Explanation::new(
        id,
        "EmailAnalystAgent",
        "Email classified as job offer with high urgency",
        0.92,
        0,
    )
    .unwrap();
    e.add_reasoning_step(
        ReasoningType::Observation,
        "Email contains keywords: 'offer', 'salary', 'start date'",
    );
    e.add_reasoning_step(
        ReasoningType::Thought,
        "Multiple positive indicators suggest this is a job offer",
    );
    e.add_reasoning_step(
        ReasoningType::Decision,
        "Classified as job offer with urgent flag",
    );
    e.add_tool_usage(ToolUsage {
        tool_name: "sentiment_analyzer".into(),
        reason: "To determine tone and urgency of email".into(),
        inputs: json!({"text": "email body"}),
        expected_outcome: Some("Positive sentiment with high urgency".into()),
        actual_outcome: "Positive (0.85), Urgent (0.92)".into(),
        success: true,
    });
    e.add_alternative(Alternative {
        description: "Classify as informational email".into(),
        pros: vec!["Safer default classification".into()],
        cons: vec!["Might miss time-sensitive opportunities".into()],
        confidence: 0.35,
        reason_not_chosen: "Strong indicators suggest job offer, not general info".into(),
    })
    .unwrap();
    e.add_key_factors(&[
        "Presence of salary information",
        "Explicit job title mentioned",
        "Sender from HR department",
    ]);
    e.add_assumptions(&[
        "Email sender domain is legitimate",
        "Email content is in English",
    ]);
    e.add_limitations(&[
        "Cannot verify authenticity of offer",
        "Limited context about previous communications",
    ]);
    e
}

#[test]
fn the_spec_example_is_stored_summarised_and_formatted() {
    let (_dir, mut store, _) = temp_store();
    let id = recorded(&mut store);
    let created = explain::create_explanation(
        &mut store,
        "EmailAnalystAgent",
        id,
        "Email classified as job offer with high urgency",
        0.92,
    )
    .unwrap();
    assert_eq!(explain::get_explanation(&store, id).unwrap(), created);
    let e = spec_example(id);
    explain::save(&mut store, &e).unwrap();
    let back = explain::get_explanation(&store, id).unwrap();
    assert_eq!(back, e);
    let summary = explain::generate_summary(&store, id).unwrap();
    assert!(summary.starts_with("EmailAnalystAgent decided: Email classified as job offer with high urgency (confidence 92 %)."), "{summary}");
    assert!(
        summary.contains("Tools used: sentiment_analyzer."),
        "{summary}"
    );
    assert!(summary.contains("Also considered: Classify as informational email (35 %), not chosen because strong indicators"), "{summary}");

    let md = format(&e, ExplanationFormat::Markdown);
    assert!(md.contains("**Decision:** Email classified as job offer with high urgency"));
    assert!(md.contains("3. **Decision:** Classified as job offer with urgent flag"));
    assert!(md.contains(
        "- **Not chosen because:** Strong indicators suggest job offer, not general info"
    ));
    let text = format(&e, ExplanationFormat::PlainText);
    assert!(text.lines().all(|l| l.chars().count() <= 80), "{text}");
    assert!(text.contains("1. Observation: Email contains keywords"));
    let v: serde_json::Value = serde_json::from_str(&format(&e, ExplanationFormat::Json)).unwrap();
    assert_eq!(
        (v["schema"].as_str(), v["version"].as_u64()),
        (Some("jobtrail.explanation"), Some(1))
    );
    assert_eq!(v["reasoningSteps"][1]["reasoningType"], "thought");
    assert_eq!(
        v["toolUsages"][0]["actualOutcome"],
        "Positive (0.85), Urgent (0.92)"
    );
    assert_eq!(v["alternatives"][0]["confidence"], 0.35);
    assert_eq!(v["keyFactors"].as_array().unwrap().len(), 3);
    let html = format(&e, ExplanationFormat::Html);
    assert!(
        html.contains("<li><strong>Observation:</strong> Email contains keywords: &#39;offer&#39;")
    );
}

#[test]
fn hostile_content_is_inert_in_html_and_markdown() {
    let payloads = [
        "<script>alert(1)</script>",
        "<img src=x onerror=alert(1)>",
        "\"><svg onload=alert(1)>",
        "</li></ol><iframe src=javascript:alert(1)>",
        "<a href='javascript:alert(1)'>click</a>",
        "`${alert(1)}` <!-- <style>body{display:none}</style>",
        "\u{0}\u{1b}[31m\u{202e}reversed",
    ];
    let long = "<b>".repeat(10_000);
    let lossy = String::from_utf8_lossy(b"caf\xe9 <script>\xff\xfe</script>").into_owned();
    let mut e = Explanation::new(1, "<script>agent</script>", payloads[0], 0.5, 0).unwrap();
    let all: Vec<&str> = payloads
        .iter()
        .copied()
        .chain([long.as_str(), lossy.as_str()])
        .collect();
    for p in all {
        e.add_reasoning_step(ReasoningType::Observation, p);
        e.add_key_factors(&[p]);
        e.add_tool_usage(ToolUsage {
            tool_name: p.to_string(),
            reason: p.to_string(),
            inputs: json!({ "q": p }),
            expected_outcome: Some(p.to_string()),
            actual_outcome: p.to_string(),
            success: false,
        });
    }
    let html = format(&e, ExplanationFormat::Html);
    let body = &html[html.find("<body>").unwrap()..];
    // Every tag in the body is one the formatter writes: no value opened a tag, so an
    // attribute such as onerror= can only appear as text.
    const OURS: &[&str] = &[
        "body", "h1", "h2", "h3", "p>", "p ", "strong", "ol", "ul", "li", "dl", "dt", "dd", "code",
        "/",
    ];
    for (i, _) in body.match_indices('<') {
        let rest = &body[i + 1..];
        assert!(
            OURS.iter().any(|t| rest.starts_with(t)),
            "a foreign tag at {}",
            &body[i..(i + 40).min(body.len())]
        );
    }
    for tag in [
        "<script", "<img", "<svg", "<iframe", "<a ", "<style", "<b>", "<!--",
    ] {
        let opened = body.matches(tag).count();
        assert_eq!(opened, 0, "{tag} appears {opened} times in the body");
    }
    assert!(html.contains("Content-Security-Policy\" content=\"default-src 'none'"));
    assert!(!html.contains('\u{0}') && !html.contains('\u{1b}'));
    assert!(body.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    assert!(
        body.contains("caf\u{fffd}"),
        "non-UTF-8 input arrives as replacement characters"
    );
    // Very long text is cut, not dropped.
    assert!(e.reasoning_steps.iter().any(|s| s.content.ends_with('…')));

    let md = format(&e, ExplanationFormat::Markdown);
    assert!(
        !md.contains("<script") && !md.contains("<img") && !md.contains("<iframe"),
        "raw HTML is escaped in Markdown"
    );
    let text = format(&e, ExplanationFormat::PlainText);
    assert!(text.lines().all(|l| l.chars().count() <= 80));
    assert!(!text.contains('\u{1b}'));
}

#[test]
fn bad_input_is_refused_and_a_missing_execution_is_named() {
    let (_dir, mut store, _) = temp_store();
    assert!(matches!(
        Explanation::new(1, "a", " ", 0.5, 0),
        Err(Error::Invalid {
            field: "decision",
            ..
        })
    ));
    for c in [-0.1, 1.1, f64::NAN] {
        assert!(matches!(
            Explanation::new(1, "a", "x", c, 0),
            Err(Error::Invalid {
                field: "confidenceScore",
                ..
            })
        ));
    }
    let mut e = Explanation::new(999, "a", "x", 0.5, 0).unwrap();
    assert!(
        e.add_alternative(Alternative {
            description: "y".into(),
            pros: vec![],
            cons: vec![],
            confidence: 2.0,
            reason_not_chosen: "z".into()
        })
        .is_err()
    );
    assert!(matches!(
        explain::save(&mut store, &e),
        Err(Error::NotFound {
            what: "execution",
            id: 999
        })
    ));
    assert!(matches!(
        explain::get(&store, 999),
        Err(Error::NotFound { .. })
    ));
    e.add_gap("the model gave no reasoning steps");
    assert!(
        e.summary()
            .contains("Missing from the explanation: the model gave no reasoning steps.")
    );
}

#[tokio::test]
async fn every_builtin_run_is_explained_with_its_rules_and_cap() {
    use jobtrail_core::agent::email_analyst::{EmailAnalyst, EmailInput};
    use jobtrail_core::agent::{RunSettings, Runtime, tasks};
    use jobtrail_core::tracker::profile::{self, ProfileDraft};

    use std::sync::Mutex;

    let (_dir, mut store, _) = temp_store();
    let app = crate::add_app(&mut store, "Acme", "Dev", "applied");
    profile::save(
        &mut store,
        ProfileDraft {
            skills: vec!["Rust".into()],
            ..Default::default()
        },
    )
    .unwrap();
    let store = Mutex::new(store);
    let rt = Runtime::new(None);
    let email = EmailInput {
        from: "Acme Talent <talent@acme.com>".into(),
        subject: "Next steps".into(),
        date: None,
        body: "We would like to schedule an interview.".into(),
    };
    let run = rt
        .run(
            &store,
            &EmailAnalyst::default(),
            &email,
            &RunSettings::default(),
        )
        .await
        .unwrap();
    {
        let s = store.lock().unwrap();
        let e = explain::get(&s, run.execution.execution_id).unwrap();
        assert!(
            e.decision.starts_with("interview invite from Acme"),
            "{}",
            e.decision
        );
        let rule = &e.reasoning_steps[0].content;
        assert!(
            rule.contains("\"schedule an interview\" in the text")
                && rule.contains("point to the interview invite rule"),
            "{:?}",
            e.reasoning_steps
        );
        assert!(
            e.reasoning_steps
                .iter()
                .any(|r| r.content.contains(&format!("application #{}", app.id)))
        );
        assert!(e.limitations[0].contains("capped at 0.6"));
        assert!((e.confidence_score - run.result.as_ref().unwrap().confidence).abs() < 1e-9);
    }

    let m = tasks::job_match(&store, &rt, "Rust and Go developer")
        .await
        .unwrap();
    let e = explain::get(&store.lock().unwrap(), m.execution.execution_id).unwrap();
    assert!(
        e.key_factors.contains(&"has Rust".to_owned())
            && e.key_factors.contains(&"lacks go".to_owned()),
        "{:?}",
        e.key_factors
    );
    let f = tasks::follow_up(&store, &rt, app.id).await.unwrap();
    let e = explain::get(&store.lock().unwrap(), f.execution.execution_id).unwrap();
    assert!(e.decision.contains("for Acme (Dev)"), "{}", e.decision);
    for fmt in [
        ExplanationFormat::Markdown,
        ExplanationFormat::Html,
        ExplanationFormat::PlainText,
        ExplanationFormat::Json,
    ] {
        assert!(format(&e, fmt).contains("Acme"), "{fmt:?}");
    }
}

#[tokio::test]
async fn a_model_run_keeps_the_valid_parts_of_its_explanation_and_names_the_gaps() {
    use jobtrail_core::agent::RunSettings;
    use jobtrail_core::agent::email_analyst::{EmailAnalyst, EmailInput};
    use jobtrail_llm_testserver::{Reply, TestServer};
    use std::sync::Mutex;

    let server = TestServer::start().await.unwrap();
    let (_dir, store, _) = temp_store();
    let store = Mutex::new(store);
    let analysis = json!({
        "category": "rejection", "urgency": "low", "company": "Acme", "role": null, "dates": [],
        "contacts": [], "application_id": null, "proposed_status": null,
        "summary": "Acme said no.", "confidence": 0.9
    });
    server.script([
        Reply::tool_call("lookup_applications", &json!({"query": "Acme", "reason": "to find the application Acme's email is about"})),
        Reply::json(&json!({
            "result": analysis,
            "explanation": {
                "decision": "A rejection from Acme",
                "confidence": 0.9,
                "reasoning_steps": [
                    {"type": "observation", "content": "It says 'unfortunately'."},
                    {"type": "guess", "content": "not a valid type"},
                    {"type": "decision", "content": "Rejection."}
                ],
                "alternatives": [{"description": "Other", "pros": [], "cons": [], "confidence": 7, "reason_not_chosen": "x"}],
                "key_factors": ["'unfortunately'", 42],
                "assumptions": ["English"],
                "limitations": ["One email only"]
            }
        })),
        Reply::json(&analysis),
    ]);
    let rt = crate::test_runtime(&server);
    let email = EmailInput {
        from: "a@acme.com".into(),
        subject: "Re".into(),
        date: None,
        body: "Unfortunately…".into(),
    };
    let run = rt
        .run(
            &store,
            &EmailAnalyst::default(),
            &email,
            &RunSettings::default(),
        )
        .await
        .unwrap();
    assert!(run.result.is_ok(), "{:?}", run.result);
    let e = explain::get(&store.lock().unwrap(), run.execution.execution_id).unwrap();
    assert_eq!(e.decision, "A rejection from Acme");
    assert_eq!(
        e.reasoning_steps.len(),
        2,
        "the invalid step is dropped: {:?}",
        e.reasoning_steps
    );
    assert_eq!(e.key_factors, ["'unfortunately'"]);
    assert!(
        e.gaps
            .iter()
            .any(|g| g.contains("1 reasoning steps were not valid")),
        "{:?}",
        e.gaps
    );
    assert!(
        e.gaps
            .iter()
            .any(|g| g.contains("1 alternatives were not valid")),
        "{:?}",
        e.gaps
    );
    assert_eq!(e.tool_usages.len(), 1);
    assert_eq!(
        e.tool_usages[0].reason,
        "to find the application Acme's email is about"
    );
    assert!(
        e.tool_usages[0].inputs.get("reason").is_none(),
        "the reason is not an input"
    );
    assert!(e.tool_usages[0].success);
    let sent = &server.received()[0].body;
    assert!(
        sent["tools"][0]["function"]["parameters"]["properties"]["reason"].is_object(),
        "tools ask for a reason"
    );
    assert!(
        sent["response_format"]["json_schema"]["schema"]["properties"]["explanation"].is_object()
    );

    // A model that ignores the wrapper: the result counts, the gap is named.
    let run = rt
        .run(
            &store,
            &EmailAnalyst::default(),
            &email,
            &RunSettings::default(),
        )
        .await
        .unwrap();
    let e = explain::get(&store.lock().unwrap(), run.execution.execution_id).unwrap();
    assert_eq!(e.gaps, ["the model gave no explanation"]);
    assert_eq!(e.decision, "Acme said no.");
    assert!((e.confidence_score - 0.9).abs() < 1e-9);
}

#[tokio::test]
async fn rejections_and_relabels_count_against_the_run_in_the_calibration() {
    use jobtrail_core::agent::email_analyst::EmailCategory;
    use jobtrail_core::agent::{Runtime, tasks};
    use jobtrail_core::explain::feedback;
    use jobtrail_core::tracker::{emails, import, review};
    use std::sync::Mutex;

    let (dir, store, _) = temp_store();
    let store = Mutex::new(store);
    let mail = |n: &str, subject: &str, body: &str| {
        let p = dir.path().join(n);
        std::fs::write(&p, format!("From: jobs@globex.com\r\nSubject: {subject}\r\nMessage-ID: <{n}@globex>\r\n\r\n{body}\r\n")).unwrap();
        p
    };
    let files = [
        mail("a", "Offer", "We are pleased to offer you the job."),
        mail(
            "b",
            "Hello",
            "Would you be open to a chat about an opportunity?",
        ),
    ];
    import::import_files(&mut store.lock().unwrap(), &files, &mut |_| {}).unwrap();
    let rt = Runtime::new(None);
    let list = emails::list(&store.lock().unwrap(), 10).unwrap();
    let mut runs = Vec::new();
    for e in &list {
        runs.push(tasks::analyze_email(&store, &rt, e.id).await.unwrap());
    }
    let offer = runs
        .iter()
        .find(|r| r.run.result.as_ref().unwrap().category == EmailCategory::Offer)
        .unwrap();
    let queued = &offer.applied.queued[0];
    let mut s = store.lock().unwrap();
    review::reject(&mut s, queued.id).unwrap();
    let outreach = list.iter().find(|e| e.subject == "Hello").unwrap();
    let relabelled = emails::relabel(&mut s, outreach.id, EmailCategory::Other).unwrap();
    assert_eq!(relabelled.summary.category, Some(EmailCategory::Other));

    let table = feedback::calibration(&s, Some("email-analyst")).unwrap();
    assert_eq!(table.len(), 1);
    let c = &table[0];
    assert_eq!((c.decisions, c.corrected), (2, 2), "{c:?}");
    assert!((c.corrected_share - 1.0).abs() < 1e-9);
    let band = c.bands.iter().find(|b| b.decisions > 0).unwrap();
    assert_eq!(band.accuracy, Some(0.0));
    let detail: String = s
        .conn()
        .query_row(
            "SELECT group_concat(detail, ' | ') FROM corrections",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert!(
        detail.contains("a proposed new application was rejected"),
        "{detail}"
    );
    assert!(
        detail.contains("relabelled from recruiter_outreach to other"),
        "{detail}"
    );
}

#[tokio::test]
async fn job_match_and_follow_up_runs_through_a_model_are_explained_in_every_format() {
    use jobtrail_core::agent::tasks;

    use jobtrail_llm_testserver::{Reply, TestServer};
    use std::sync::Mutex;

    let server = TestServer::start().await.unwrap();
    let (_dir, mut store, _) = temp_store();
    let app = crate::add_app(&mut store, "Initech", "SRE", "interview");
    let store = Mutex::new(store);
    let why = |decision: &str| {
        json!({
            "decision": decision, "confidence": 0.8,
            "reasoning_steps": [{"type": "observation", "content": "The post asks for Rust."}],
            "alternatives": [], "key_factors": ["Rust"], "assumptions": [], "limitations": ["One post"]
        })
    };
    server.script([
        Reply::json(&json!({
            "result": {"score": 81, "matched_skills": ["Rust"], "missing_skills": [], "recommendation": "apply",
                       "summary": "Strong fit.", "confidence": 0.8},
            "explanation": why("Apply: a strong fit")
        })),
        Reply::tool_call("read_timeline", &json!({"application_id": app.id, "reason": "to see the stage"})),
        Reply::json(&json!({
            "result": {"application_id": app.id, "subject": "Following up", "body": "Dear Initech team, …", "confidence": 0.7},
            "explanation": why("A short follow-up after the interview")
        })),
    ]);
    let rt = crate::test_runtime(&server);
    let m = tasks::job_match(&store, &rt, "Rust SRE").await.unwrap();
    let f = tasks::follow_up(&store, &rt, app.id).await.unwrap();
    let s = store.lock().unwrap();
    for (run, decision) in [
        (&m.execution, "Apply: a strong fit"),
        (&f.execution, "A short follow-up after the interview"),
    ] {
        let e = explain::get(&s, run.execution_id).unwrap();
        assert_eq!(e.decision, decision);
        assert!(e.gaps.is_empty(), "{:?}", e.gaps);
        for fmt in [
            ExplanationFormat::Markdown,
            ExplanationFormat::Html,
            ExplanationFormat::PlainText,
            ExplanationFormat::Json,
        ] {
            let out = format(&e, fmt);
            assert!(out.contains("The post asks for Rust"), "{fmt:?}: {out}");
        }
    }
    let e = explain::get(&s, f.execution.execution_id).unwrap();
    assert_eq!(e.tool_usages[0].reason, "to see the stage");
    assert!(e.tool_usages[0].actual_outcome.contains("interview"));
}
