//! The one layout of an explanation that every readable format renders: a header,
//! then titled sections of blocks, in reading order, with empty parts left out.
//!
//! Every `String` here may come from a model, an email or a person, and each
//! renderer escapes it; `&'static str` titles and labels, numbers, and the header's
//! confidence and time are written here and shown as they are.

use crate::clock::to_rfc3339;
use crate::explain::Explanation;

/// An explanation laid out for reading.
#[derive(Debug, Clone, PartialEq)]
pub struct Document {
    /// Who decided what, how sure, and when.
    pub header: Header,
    /// The summary first, then each part the explanation has.
    pub sections: Vec<Section>,
}

/// The top of the document.
#[derive(Debug, Clone, PartialEq)]
pub struct Header {
    /// `Decision by {agent}`.
    pub title: String,
    /// The decision, in a sentence.
    pub decision: String,
    /// The confidence as a percentage (`92 %`).
    pub confidence: String,
    /// The execution explained.
    pub execution_id: i64,
    /// When the explanation was written, RFC 3339 UTC.
    pub created_at: String,
}

/// A titled part of the document.
#[derive(Debug, Clone, PartialEq)]
pub struct Section {
    /// `Summary`, `Reasoning steps`, `Tools used`, …
    pub title: &'static str,
    /// What it holds, in order; never empty.
    pub body: Vec<Block>,
}

/// One piece of a section's body.
#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    /// Running text.
    Paragraph(String),
    /// Numbered steps of a kind each.
    Steps(Vec<Step>),
    /// A bulleted list.
    Bullets(Vec<Bullet>),
    /// Labelled values.
    Fields(Vec<Field>),
    /// A titled group one level down (one tool, one alternative).
    Group(Group),
}

/// One reasoning step.
#[derive(Debug, Clone, PartialEq)]
pub struct Step {
    /// Its number as stored.
    pub number: usize,
    /// Its kind (`Observation`, `Rule`, …).
    pub kind: &'static str,
    /// What it says.
    pub text: String,
}

/// One bullet of a list.
#[derive(Debug, Clone, PartialEq)]
pub enum Bullet {
    /// A plain item.
    Item(String),
    /// Something for an option.
    Pro(String),
    /// Something against it.
    Con(String),
    /// A labelled value among the items.
    Field(Field),
}

/// A value under a label.
#[derive(Debug, Clone, PartialEq)]
pub struct Field {
    /// What the value is.
    pub label: Label,
    /// The value.
    pub value: String,
    /// Machine text (a tool's JSON arguments), shown as code where the format can.
    pub code: bool,
}

/// A label in full (`Not chosen because`) and in the terse form plain text uses
/// (`not chosen`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Label {
    /// For headings and bold labels.
    pub full: &'static str,
    /// For plain text.
    pub terse: &'static str,
}

/// A titled group inside a section.
#[derive(Debug, Clone, PartialEq)]
pub struct Group {
    /// What the group is about (a tool's name, an option).
    pub title: String,
    /// A word after the title, in parentheses (`succeeded`, `35 %`).
    pub note: String,
    /// What it holds.
    pub body: Vec<Block>,
}

const WHY: Label = Label {
    full: "Why",
    terse: "why",
};
const INPUTS: Label = Label {
    full: "Inputs",
    terse: "inputs",
};
const EXPECTED: Label = Label {
    full: "Expected",
    terse: "expected",
};
const OUTCOME: Label = Label {
    full: "Outcome",
    terse: "outcome",
};
const NOT_CHOSEN: Label = Label {
    full: "Not chosen because",
    terse: "not chosen",
};

fn pct(c: f64) -> String {
    format!("{:.0} %", c * 100.0)
}

fn field(label: Label, value: &str) -> Field {
    Field {
        label,
        value: value.to_owned(),
        code: false,
    }
}

impl Document {
    /// Lays `e` out: header, summary, then reasoning steps, tools used, alternatives,
    /// key factors, assumptions, limitations and gaps, each only if there are any.
    pub fn of(e: &Explanation) -> Self {
        let header = Header {
            title: format!("Decision by {}", e.agent_name),
            decision: e.decision.clone(),
            confidence: pct(e.confidence_score),
            execution_id: e.execution_id,
            created_at: to_rfc3339(e.created_at),
        };
        let mut sections = vec![Section {
            title: "Summary",
            body: vec![Block::Paragraph(e.summary())],
        }];
        let steps = e.reasoning_steps.iter().map(|r| Step {
            number: r.step,
            kind: r.reasoning_type.label(),
            text: r.content.clone(),
        });
        let tools = e.tool_usages.iter().map(|t| {
            let mut fields = vec![
                field(WHY, &t.reason),
                Field {
                    code: true,
                    ..field(INPUTS, &t.inputs.to_string())
                },
            ];
            fields.extend(t.expected_outcome.as_deref().map(|x| field(EXPECTED, x)));
            fields.push(field(OUTCOME, &t.actual_outcome));
            Block::Group(Group {
                title: t.tool_name.clone(),
                note: (if t.success { "succeeded" } else { "failed" }).to_owned(),
                body: vec![Block::Fields(fields)],
            })
        });
        let alternatives = e.alternatives.iter().map(|a| {
            let bullets = a
                .pros
                .iter()
                .cloned()
                .map(Bullet::Pro)
                .chain(a.cons.iter().cloned().map(Bullet::Con))
                .chain([Bullet::Field(field(NOT_CHOSEN, &a.reason_not_chosen))]);
            Block::Group(Group {
                title: a.description.clone(),
                note: pct(a.confidence),
                body: vec![Block::Bullets(bullets.collect())],
            })
        });
        let parts: [(&'static str, Vec<Block>); 3] = [
            ("Reasoning steps", one(Block::Steps, steps.collect())),
            ("Tools used", tools.collect()),
            ("Alternatives considered", alternatives.collect()),
        ];
        let lists = [
            ("Key factors", &e.key_factors),
            ("Assumptions", &e.assumptions),
            ("Limitations", &e.limitations),
            ("Missing from this explanation", &e.gaps),
        ]
        .map(|(title, items)| {
            let items = items.iter().cloned().map(Bullet::Item).collect();
            (title, one(Block::Bullets, items))
        });
        sections.extend(
            parts
                .into_iter()
                .chain(lists)
                .filter(|(_, body)| !body.is_empty())
                .map(|(title, body)| Section { title, body }),
        );
        Document { header, sections }
    }
}

/// `items` as one block, or no block when there are none.
fn one<T>(block: fn(Vec<T>) -> Block, items: Vec<T>) -> Vec<Block> {
    if items.is_empty() {
        Vec::new()
    } else {
        vec![block(items)]
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::explain::{Alternative, ReasoningType};

    fn titles(d: &Document) -> Vec<&'static str> {
        d.sections.iter().map(|s| s.title).collect()
    }

    #[test]
    fn only_the_parts_an_explanation_has_become_sections_in_reading_order() {
        let mut e = Explanation::new(7, "job-match", "Apply", 0.8, 0).unwrap();
        let d = Document::of(&e);
        assert_eq!(titles(&d), ["Summary"]);
        assert_eq!(d.header.title, "Decision by job-match");
        assert_eq!(d.header.confidence, "80 %");
        assert_eq!(d.header.created_at, "1970-01-01T00:00:00.000Z");

        e.add_gap("no alternatives");
        e.add_alternative(Alternative {
            description: "Skip".into(),
            pros: vec!["saves time".into()],
            cons: vec![],
            confidence: 0.2,
            reason_not_chosen: "a strong fit".into(),
        })
        .unwrap();
        e.add_reasoning_step(ReasoningType::Rule, "Rust matched");
        let d = Document::of(&e);
        assert_eq!(
            titles(&d),
            [
                "Summary",
                "Reasoning steps",
                "Alternatives considered",
                "Missing from this explanation"
            ]
        );
        assert_eq!(
            d.sections[2].body,
            [Block::Group(Group {
                title: "Skip".into(),
                note: "20 %".into(),
                body: vec![Block::Bullets(vec![
                    Bullet::Pro("saves time".into()),
                    Bullet::Field(field(NOT_CHOSEN, "a strong fit")),
                ])],
            })]
        );
        assert_eq!(
            d.sections[1].body,
            [Block::Steps(vec![Step {
                number: 1,
                kind: "Rule",
                text: "Rust matched".into()
            }])]
        );
    }
}
