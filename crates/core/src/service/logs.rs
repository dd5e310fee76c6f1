//! The log lines of one run (`logging::find_by_request_id`) read for people: as
//! fields (the run's explanation and an agent's detail in the app) or as one text
//! line each (`jobtrail logs`).

use serde::Serialize;
use serde_json::Value;

/// One field of a log line beyond its time, level, target and message.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct LogField {
    /// The field's name.
    pub name: String,
    /// Its value: a string as it is, anything else as JSON.
    pub value: String,
}

/// One logged line of a run.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct LogLine {
    /// RFC 3339, UTC.
    pub timestamp: String,
    /// `ERROR` … `TRACE`.
    pub level: String,
    /// The module that logged it.
    pub target: String,
    /// What it says.
    pub message: String,
    /// The rest, in the order logged (nested values as JSON).
    pub fields: Vec<LogField>,
}

impl From<Value> for LogLine {
    /// A line as the logger wrote it; anything but a JSON object is kept whole as
    /// the message.
    fn from(value: Value) -> Self {
        let Value::Object(map) = value else {
            return Self {
                message: value.to_string(),
                ..Self::default()
            };
        };
        let text = |v: &Value| match v {
            Value::String(s) => s.clone(),
            other => other.to_string(),
        };
        let mut out = Self::default();
        for (name, v) in map {
            match name.as_str() {
                "timestamp" => out.timestamp = text(&v),
                "level" => out.level = text(&v),
                "target" => out.target = text(&v),
                "message" => out.message = text(&v),
                _ => out.fields.push(LogField {
                    name,
                    value: text(&v),
                }),
            }
        }
        out
    }
}

/// `timestamp level target message key=value…` (the span list left out).
pub fn text_line(line: &Value) -> String {
    let s = |k: &str| line.get(k).and_then(Value::as_str).unwrap_or("");
    let mut text = format!(
        "{} {:<5} {} {}",
        s("timestamp"),
        s("level"),
        s("target"),
        s("message")
    );
    if let Some(fields) = line.as_object() {
        for (k, v) in fields {
            if matches!(
                k.as_str(),
                "timestamp" | "level" | "target" | "message" | "spans"
            ) {
                continue;
            }
            text.push(' ');
            text.push_str(k);
            text.push('=');
            text.push_str(&value_text(v));
        }
    }
    text
}

/// Plain strings as they are; strings with spaces, quotes or `=`, and other values,
/// as JSON.
fn value_text(v: &Value) -> String {
    match v {
        Value::String(s)
            if !s.is_empty()
                && !s.contains(|c: char| c.is_whitespace() || c == '"' || c == '=') =>
        {
            s.clone()
        }
        other => other.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn line() -> Value {
        serde_json::json!({
            "timestamp": "2026-11-27T10:00:00.000001Z",
            "level": "INFO",
            "target": "jobtrail_core::ledger::execution",
            "message": "execution recorded",
            "request_id": "req-1",
            "execution_id": 7,
            "cost": "$0.01",
            "note": "two words",
            "spans": ["agent_run"]
        })
    }

    #[test]
    fn a_line_as_text() {
        assert_eq!(
            text_line(&line()),
            "2026-11-27T10:00:00.000001Z INFO  jobtrail_core::ledger::execution execution recorded \
             cost=$0.01 execution_id=7 note=\"two words\" request_id=req-1"
        );
    }

    #[test]
    fn a_line_as_fields() {
        let l = LogLine::from(line());
        assert_eq!(
            (l.timestamp.as_str(), l.level.as_str(), l.message.as_str()),
            ("2026-11-27T10:00:00.000001Z", "INFO", "execution recorded")
        );
        let fields: Vec<(&str, &str)> = l
            .fields
            .iter()
            .map(|f| (f.name.as_str(), f.value.as_str()))
            .collect();
        assert_eq!(
            fields,
            [
                ("cost", "$0.01"),
                ("execution_id", "7"),
                ("note", "two words"),
                ("request_id", "req-1"),
                ("spans", "[\"agent_run\"]"),
            ],
            "strings as they are, the rest as JSON"
        );
        assert_eq!(
            serde_json::to_value(LogLine::from(Value::from("not an object"))).unwrap(),
            serde_json::json!({
                "timestamp": "", "level": "", "target": "",
                "message": "\"not an object\"", "fields": []
            }),
            "the shape the app's log panel reads"
        );
    }
}
