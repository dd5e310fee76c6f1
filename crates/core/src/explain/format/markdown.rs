//! Markdown: characters that would start markup are escaped; each value stays on
//! its own line.

use super::sections::{Block, Bullet, Document, Field};

/// `d` as Markdown.
pub fn to_markdown(d: &Document) -> String {
    let h = &d.header;
    let mut s = format!(
        "# {}\n\n**Decision:** {}\n\n**Confidence:** {}\n\n*Execution #{} · {}*\n",
        md(&h.title),
        md(&h.decision),
        h.confidence,
        h.execution_id,
        h.created_at
    );
    for section in &d.sections {
        s.push_str(&format!("\n## {}\n", section.title));
        blocks(&mut s, &section.body, 1);
    }
    s
}

/// Each block after a blank line; a group's heading one level below its parent's.
fn blocks(s: &mut String, body: &[Block], depth: usize) {
    for block in body {
        match block {
            Block::Paragraph(p) => s.push_str(&format!("\n{}\n", md(p))),
            Block::Steps(steps) => {
                s.push('\n');
                for r in steps {
                    s.push_str(&format!("{}. **{}:** {}\n", r.number, r.kind, md(&r.text)));
                }
            }
            Block::Bullets(bullets) => {
                s.push('\n');
                for b in bullets {
                    s.push_str(&match b {
                        Bullet::Item(i) => format!("- {}\n", md(i)),
                        Bullet::Pro(p) => format!("- Pro: {}\n", md(p)),
                        Bullet::Con(c) => format!("- Con: {}\n", md(c)),
                        Bullet::Field(f) => field(f),
                    });
                }
            }
            Block::Fields(fields) => {
                s.push('\n');
                for f in fields {
                    s.push_str(&field(f));
                }
            }
            Block::Group(g) => {
                s.push_str(&format!(
                    "\n{} {} ({})\n",
                    "#".repeat(depth + 2),
                    md(&g.title),
                    md(&g.note)
                ));
                blocks(s, &g.body, depth + 1);
            }
        }
    }
}

fn field(f: &Field) -> String {
    format!("- **{}:** {}\n", f.label.full, md(&f.value))
}

/// Escapes what would make markup: `<` and `&` become entities, other markup
/// characters get a backslash, line breaks become spaces, control characters go.
fn md(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\\' | '`' | '*' | '_' | '{' | '}' | '[' | ']' | '(' | ')' | '#' | '+' | '-' | '!'
            | '|' | '>' | '~' => {
                out.push('\\');
                out.push(c);
            }
            '<' => out.push_str("&lt;"),
            '&' => out.push_str("&amp;"),
            '\n' | '\r' => out.push(' '),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}
