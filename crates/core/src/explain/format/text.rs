//! Plain text: wrapped at 80 columns, control characters dropped, each level of the
//! document indented two spaces further.

use super::sections::{Block, Bullet, Document, Field};

const W: usize = 80;

/// `d` as plain text.
pub fn to_text(d: &Document) -> String {
    let h = &d.header;
    let mut s = wrap(&h.title, "", W);
    s.push_str(&"=".repeat(W.min(s.trim_end().chars().count().max(10))));
    s.push('\n');
    s.push_str(&wrap(&format!("Decision: {}", h.decision), "", W));
    s.push_str(&format!(
        "Confidence: {}   Execution #{}   {}\n",
        h.confidence, h.execution_id, h.created_at
    ));
    for section in &d.sections {
        s.push_str(&format!("\n{}\n", section.title));
        blocks(&mut s, &section.body, 1);
    }
    s
}

/// Each block indented two spaces a level; a group's body one level below its title.
fn blocks(s: &mut String, body: &[Block], depth: usize) {
    let indent = "  ".repeat(depth);
    for block in body {
        match block {
            Block::Paragraph(p) => s.push_str(&wrap(p, &indent, W)),
            Block::Steps(steps) => {
                for r in steps {
                    let line = format!("{}. {}: {}", r.number, r.kind, r.text);
                    s.push_str(&wrap(&line, &indent, W));
                }
            }
            Block::Bullets(bullets) => {
                for b in bullets {
                    let line = match b {
                        Bullet::Item(i) => format!("* {i}"),
                        Bullet::Pro(p) => format!("+ {p}"),
                        Bullet::Con(c) => format!("- {c}"),
                        Bullet::Field(f) => field(f),
                    };
                    s.push_str(&wrap(&line, &indent, W));
                }
            }
            Block::Fields(fields) => {
                for f in fields {
                    s.push_str(&wrap(&field(f), &indent, W));
                }
            }
            Block::Group(g) => {
                s.push_str(&wrap(&format!("{} ({})", g.title, g.note), &indent, W));
                blocks(s, &g.body, depth + 1);
            }
        }
    }
}

fn field(f: &Field) -> String {
    format!("{}: {}", f.label.terse, f.value)
}

/// Wraps `s` to `width` columns after `indent`, dropping control characters; a word
/// longer than a line is cut so nothing runs past the edge.
fn wrap(s: &str, indent: &str, width: usize) -> String {
    let room = width.saturating_sub(indent.chars().count()).max(20);
    let clean: String = s
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    for word in clean.split_whitespace() {
        let chars: Vec<char> = word.chars().collect();
        for piece in chars.chunks(room) {
            let piece: String = piece.iter().collect();
            let needed =
                line.chars().count() + usize::from(!line.is_empty()) + piece.chars().count();
            if !line.is_empty() && needed > room {
                lines.push(std::mem::take(&mut line));
            }
            if !line.is_empty() {
                line.push(' ');
            }
            line.push_str(&piece);
        }
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines.iter().map(|l| format!("{indent}{l}\n")).collect()
}
