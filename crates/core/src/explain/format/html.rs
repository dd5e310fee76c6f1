//! HTML: a self-contained document whose Content Security Policy allows no script
//! at all, with every value escaped.

use super::sections::{Block, Bullet, Document};

/// `d` as an HTML page.
pub fn to_html(d: &Document) -> String {
    let hd = &d.header;
    let mut b = format!(
        "<h1>{}</h1>\n<p class=\"decision\"><strong>Decision:</strong> {}</p>\n\
         <p><strong>Confidence:</strong> {}</p>\n<p class=\"meta\">Execution #{} · {}</p>\n",
        h(&hd.title),
        h(&hd.decision),
        hd.confidence,
        hd.execution_id,
        h(&hd.created_at)
    );
    for section in &d.sections {
        b.push_str(&format!("<h2>{}</h2>\n", section.title));
        blocks(&mut b, &section.body, 1);
    }
    format!(
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n\
         <title>{}</title>\n<style>\n\
         body {{ font: 15px/1.5 system-ui, sans-serif; max-width: 46rem; margin: 2rem auto; padding: 0 1rem; color: #1d2430; }}\n\
         h1 {{ font-size: 1.5rem; }} h2 {{ font-size: 1.15rem; margin-top: 1.6rem; }} h3 {{ font-size: 1rem; }}\n\
         .meta {{ color: #5b6577; }} code {{ word-break: break-all; }} dt {{ font-weight: 600; }}\n\
         @media (prefers-color-scheme: dark) {{ body {{ background: #14181f; color: #e6e9ef; }} .meta {{ color: #9aa3b2; }} }}\n\
         </style>\n</head>\n<body>\n{b}</body>\n</html>\n",
        h(&hd.title)
    )
}

/// Each block as its element; a group's heading one level below its parent's.
fn blocks(b: &mut String, body: &[Block], depth: usize) {
    for block in body {
        match block {
            Block::Paragraph(p) => b.push_str(&format!("<p>{}</p>\n", h(p))),
            Block::Steps(steps) => {
                b.push_str("<ol>\n");
                for r in steps {
                    b.push_str(&format!(
                        "<li><strong>{}:</strong> {}</li>\n",
                        r.kind,
                        h(&r.text)
                    ));
                }
                b.push_str("</ol>\n");
            }
            Block::Bullets(bullets) => {
                b.push_str("<ul>\n");
                for i in bullets {
                    b.push_str(&match i {
                        Bullet::Item(i) => format!("<li>{}</li>\n", h(i)),
                        Bullet::Pro(p) => format!("<li>Pro: {}</li>\n", h(p)),
                        Bullet::Con(c) => format!("<li>Con: {}</li>\n", h(c)),
                        Bullet::Field(f) => format!(
                            "<li><strong>{}:</strong> {}</li>\n",
                            f.label.full,
                            h(&f.value)
                        ),
                    });
                }
                b.push_str("</ul>\n");
            }
            Block::Fields(fields) => {
                b.push_str("<dl>\n");
                for f in fields {
                    let value = if f.code {
                        format!("<code>{}</code>", h(&f.value))
                    } else {
                        h(&f.value)
                    };
                    b.push_str(&format!("<dt>{}</dt><dd>{value}</dd>\n", f.label.full));
                }
                b.push_str("</dl>\n");
            }
            Block::Group(g) => {
                let level = depth + 2;
                b.push_str(&format!(
                    "<h{level}>{} ({})</h{level}>\n",
                    h(&g.title),
                    h(&g.note)
                ));
                blocks(b, &g.body, depth + 1);
            }
        }
    }
}

/// HTML text: every character that could open markup or an attribute is escaped.
fn h(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            '`' => out.push_str("&#96;"),
            c if c.is_control() && c != '\n' && c != '\t' => {}
            c => out.push(c),
        }
    }
    out
}
