//! Markdown, HTML and plain text pinned byte for byte for a rich explanation, a bare
//! one and a hostile one (the expected output is in `golden/`, so an intended change
//! of output shows there); and `<script>` and `&` in every field stay inert.

use jobtrail_core::explain::format::{ExplanationFormat, format};
use jobtrail_core::explain::{Alternative, Explanation, ReasoningType, ToolUsage};
use serde_json::json;

/// 2026-05-28T20:26:40.123Z.
const AT: i64 = 1_780_000_000_123;

/// Every part filled, with text that needs escaping, wrapping and cutting.
fn rich() -> Explanation {
    let mut e = Explanation::new(
        42,
        "email-analyst",
        "Offer from *Acme* [Zürich] — reply by Friday",
        0.875,
        AT,
    )
    .unwrap();
    e.add_reasoning_step(
        ReasoningType::Observation,
        "The subject says \"Offer\" and the body names a salary (CHF 120'000), a start date and a contact at talent@acme.example who signs as Head of Talent.",
    );
    e.add_reasoning_step(
        ReasoningType::Rule,
        "\"offer\" matched the offer rule\nline two\tafter a tab",
    );
    e.add_reasoning_step(
        ReasoningType::Action,
        "Looked up https://jobs.acme.example/careers/openings/senior-rust-engineer-zurich-2026-reference-0042 in the tracker",
    );
    e.add_reasoning_step(ReasoningType::Thought, "Salary > ask; 100% remote? No.");
    e.add_reasoning_step(
        ReasoningType::Verification,
        "Application #7 is at `interview`",
    );
    e.add_reasoning_step(ReasoningType::Decision, "An offer: urgent.");
    e.add_tool_usage(ToolUsage {
        tool_name: "lookup_applications".into(),
        reason: "to find the application Acme's email is about".into(),
        inputs: json!({"query": "Acme", "limit": 5, "tags": ["rust", "zürich"]}),
        expected_outcome: Some("one open application at Acme".into()),
        actual_outcome: "#7 Acme — Senior Rust Engineer (interview)".into(),
        success: true,
    });
    e.add_tool_usage(ToolUsage {
        tool_name: "read_timeline".into(),
        reason: "to see when the last interview was".into(),
        inputs: json!({"application_id": 7}),
        expected_outcome: None,
        actual_outcome: "timed out after 5 s".into(),
        success: false,
    });
    e.add_alternative(Alternative {
        description: "Interview invite (a second round)".into(),
        pros: vec![
            "mentions \"next steps\"".into(),
            "the last stage was an interview".into(),
        ],
        cons: vec!["a salary is named: offers do, invites rarely".into()],
        confidence: 0.25,
        reason_not_chosen: "A salary and a start date mean an offer.".into(),
    })
    .unwrap();
    e.add_alternative(Alternative {
        description: "Other".into(),
        pros: vec![],
        cons: vec![],
        confidence: 0.05,
        reason_not_chosen: "nothing points to it".into(),
    })
    .unwrap();
    e.add_key_factors(&[
        "a salary (CHF)",
        "a start date",
        "sender: talent@acme.example",
    ]);
    e.add_assumptions(&["the sender's domain is Acme's"]);
    e.add_limitations(&[
        "one email only; earlier mail in the thread was not read, so a withdrawn offer would be missed",
    ]);
    e.add_gap("the model gave no alternatives of its own");
    e
}

/// A decision and nothing else, by an agent whose name wraps the plain-text heading.
fn bare() -> Explanation {
    let agent =
        "job-match (a custom agent with a name long enough to wrap the heading of plain text)";
    Explanation::new(3, agent, "Skip", 0.0, 0).unwrap()
}

const PAYLOAD: &str = "<script>alert('a&b')</script> & \"q\" `t` &amp;";

/// `<script>` and `&` in every field a person or a model can fill.
fn hostile() -> Explanation {
    let p = |field: &str| format!("{field} {PAYLOAD}");
    let mut e = Explanation::new(9, &p("agent"), &p("decision"), 0.5, AT).unwrap();
    e.add_reasoning_step(ReasoningType::Observation, &p("step"));
    e.add_tool_usage(ToolUsage {
        tool_name: p("tool"),
        reason: p("reason"),
        inputs: json!({ "q": p("inputs") }),
        expected_outcome: Some(p("expected")),
        actual_outcome: p("outcome"),
        success: true,
    });
    e.add_alternative(Alternative {
        description: p("alternative"),
        pros: vec![p("pro")],
        cons: vec![p("con")],
        confidence: 0.1,
        reason_not_chosen: p("not-chosen"),
    })
    .unwrap();
    e.add_key_factors(&[p("factor")]);
    e.add_assumptions(&[p("assumption")]);
    e.add_limitations(&[p("limitation")]);
    e.add_gap(&p("gap"));
    e
}

const FIELDS: [&str; 16] = [
    "agent",
    "decision",
    "step",
    "tool",
    "reason",
    "inputs",
    "expected",
    "outcome",
    "alternative",
    "pro",
    "con",
    "not-chosen",
    "factor",
    "assumption",
    "limitation",
    "gap",
];

type Example = (
    &'static str,
    fn() -> Explanation,
    ExplanationFormat,
    &'static str,
);

const PINNED: [Example; 9] = [
    (
        "rich.md",
        rich,
        ExplanationFormat::Markdown,
        include_str!("golden/rich.md"),
    ),
    (
        "rich.html",
        rich,
        ExplanationFormat::Html,
        include_str!("golden/rich.html"),
    ),
    (
        "rich.txt",
        rich,
        ExplanationFormat::PlainText,
        include_str!("golden/rich.txt"),
    ),
    (
        "bare.md",
        bare,
        ExplanationFormat::Markdown,
        include_str!("golden/bare.md"),
    ),
    (
        "bare.html",
        bare,
        ExplanationFormat::Html,
        include_str!("golden/bare.html"),
    ),
    (
        "bare.txt",
        bare,
        ExplanationFormat::PlainText,
        include_str!("golden/bare.txt"),
    ),
    (
        "hostile.md",
        hostile,
        ExplanationFormat::Markdown,
        include_str!("golden/hostile.md"),
    ),
    (
        "hostile.html",
        hostile,
        ExplanationFormat::Html,
        include_str!("golden/hostile.html"),
    ),
    (
        "hostile.txt",
        hostile,
        ExplanationFormat::PlainText,
        include_str!("golden/hostile.txt"),
    ),
];

#[test]
fn every_format_is_pinned_byte_for_byte() {
    for (name, example, fmt, want) in PINNED {
        let got = format(&example(), fmt);
        if got == want {
            continue;
        }
        let mut lines = got.split_inclusive('\n').zip(want.split_inclusive('\n'));
        match lines.position(|(g, w)| g != w) {
            Some(n) => panic!(
                "golden/{name} differs first at line {}:\n got: {:?}\nwant: {:?}",
                n + 1,
                got.split_inclusive('\n').nth(n).unwrap_or_default(),
                want.split_inclusive('\n').nth(n).unwrap_or_default(),
            ),
            None => panic!(
                "golden/{name}: {} lines written, {} pinned",
                got.lines().count(),
                want.lines().count()
            ),
        }
    }
}

/// Every `&` in `s` opens one of `entities`.
fn ampersands_are_entities(s: &str, entities: &[&str]) -> bool {
    s.match_indices('&')
        .all(|(i, _)| entities.iter().any(|e| s[i + 1..].starts_with(e)))
}

#[test]
fn script_and_ampersand_in_every_field_stay_inert() {
    let e = hostile();
    let html = format(&e, ExplanationFormat::Html);
    assert!(!html.to_ascii_lowercase().contains("<script"), "{html}");
    assert!(
        ampersands_are_entities(&html, &["amp;", "lt;", "gt;", "quot;", "#39;", "#96;"]),
        "{html}"
    );
    let escaped = "&lt;script&gt;alert(&#39;a&amp;b&#39;)&lt;/script&gt; &amp; &quot;q&quot; &#96;t&#96; &amp;amp;";
    for field in FIELDS {
        let inputs = field == "inputs";
        let want = if inputs {
            // JSON quotes the value and escapes its own quotes first.
            "inputs &lt;script&gt;alert(&#39;a&amp;b&#39;)&lt;/script&gt; &amp; \\&quot;q\\&quot;"
                .to_owned()
        } else {
            format!("{field} {escaped}")
        };
        assert!(html.contains(&want), "{field} is not escaped as expected");
    }
    assert!(html.contains(&format!("<title>Decision by agent {escaped}</title>")));

    let md = format(&e, ExplanationFormat::Markdown);
    assert!(!md.to_ascii_lowercase().contains("<script"), "{md}");
    assert!(ampersands_are_entities(&md, &["amp;", "lt;"]), "{md}");
    for field in FIELDS {
        let field = field.replace('-', "\\-");
        assert!(
            md.contains(&format!("{field} &lt;script\\>")),
            "{field} in {md}"
        );
    }

    // Plain text is not markup: every value arrives as written.
    let text = format(&e, ExplanationFormat::PlainText);
    for field in FIELDS.iter().filter(|f| **f != "inputs") {
        let value = format!("{field} {PAYLOAD}");
        assert!(
            text.replace("\n    ", " ")
                .replace("\n  ", " ")
                .contains(&value),
            "{value} in {text}"
        );
    }
}
