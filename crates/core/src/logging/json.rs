//! The JSON layer: each event as one line with the fields of its spans flattened in.

use std::fmt;
use std::io::Write;

use serde_json::{Map, Value};
use tracing::field::{Field, Visit};
use tracing::span::{Attributes, Id, Record};
use tracing::{Event, Subscriber};
use tracing_subscriber::Layer;
use tracing_subscriber::fmt::MakeWriter;
use tracing_subscriber::layer::Context;
use tracing_subscriber::registry::LookupSpan;

// ---------------------------------------------------------------------------------
// The JSON layer

/// The fields of a span, kept in its extensions for the lines logged inside it.
struct SpanFields(Map<String, Value>);

#[derive(Default)]
struct JsonVisitor(Map<String, Value>);

impl JsonVisitor {
    fn put(&mut self, field: &Field, value: Value) {
        self.0.insert(field.name().to_owned(), value);
    }
}

impl Visit for JsonVisitor {
    fn record_f64(&mut self, field: &Field, value: f64) {
        self.put(field, Value::from(value));
    }
    fn record_i64(&mut self, field: &Field, value: i64) {
        self.put(field, Value::from(value));
    }
    fn record_u64(&mut self, field: &Field, value: u64) {
        self.put(field, Value::from(value));
    }
    fn record_bool(&mut self, field: &Field, value: bool) {
        self.put(field, Value::from(value));
    }
    fn record_str(&mut self, field: &Field, value: &str) {
        self.put(field, Value::from(value));
    }
    fn record_error(&mut self, field: &Field, value: &(dyn std::error::Error + 'static)) {
        self.put(field, Value::from(value.to_string()));
    }
    fn record_debug(&mut self, field: &Field, value: &dyn fmt::Debug) {
        self.put(field, Value::from(format!("{value:?}")));
    }
}

/// Writes each event as one JSON line with the fields of its spans flattened in.
pub struct JsonLayer<W> {
    make_writer: W,
}

impl<W> JsonLayer<W> {
    /// A layer writing to `make_writer` (a file appender, stderr, a test buffer).
    pub fn new(make_writer: W) -> Self {
        Self { make_writer }
    }
}

impl<W> fmt::Debug for JsonLayer<W> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("JsonLayer")
    }
}

/// Keys every line has, which fields cannot override.
const RESERVED: [&str; 5] = ["timestamp", "level", "target", "message", "spans"];

impl<S, W> Layer<S> for JsonLayer<W>
where
    S: Subscriber + for<'a> LookupSpan<'a>,
    W: for<'w> MakeWriter<'w> + 'static,
{
    fn on_new_span(&self, attrs: &Attributes<'_>, id: &Id, ctx: Context<'_, S>) {
        let Some(span) = ctx.span(id) else { return };
        let mut ext = span.extensions_mut();
        // Another JSON layer (file and stderr) may have recorded them already.
        if ext.get_mut::<SpanFields>().is_none() {
            let mut v = JsonVisitor::default();
            attrs.record(&mut v);
            ext.insert(SpanFields(v.0));
        }
    }

    fn on_record(&self, id: &Id, values: &Record<'_>, ctx: Context<'_, S>) {
        let Some(span) = ctx.span(id) else { return };
        let mut ext = span.extensions_mut();
        if let Some(fields) = ext.get_mut::<SpanFields>() {
            let mut v = JsonVisitor(std::mem::take(&mut fields.0));
            values.record(&mut v);
            fields.0 = v.0;
        }
    }

    fn on_event(&self, event: &Event<'_>, ctx: Context<'_, S>) {
        let meta = event.metadata();
        let mut fields = Map::new();
        let mut spans = Vec::new();
        if let Some(scope) = ctx.event_scope(event) {
            for span in scope.from_root() {
                spans.push(Value::from(span.name()));
                if let Some(f) = span.extensions().get::<SpanFields>() {
                    fields.extend(f.0.iter().map(|(k, v)| (k.clone(), v.clone())));
                }
            }
        }
        let mut own = JsonVisitor::default();
        event.record(&mut own);
        let mut own = own.0;
        // Events from the `log` crate carry their real target as a field.
        let target = match own.remove("log.target") {
            Some(Value::String(t)) => t,
            _ => meta.target().to_owned(),
        };
        own.retain(|k, _| !k.starts_with("log."));
        let message = own.remove("message").unwrap_or_else(|| Value::from(""));
        fields.extend(own);
        for k in RESERVED {
            fields.remove(k);
        }

        let timestamp = chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Micros, true);
        let mut line = String::with_capacity(256);
        line.push('{');
        push_pair(&mut line, "timestamp", &Value::from(timestamp));
        push_pair(&mut line, "level", &Value::from(meta.level().as_str()));
        push_pair(&mut line, "target", &Value::from(target));
        push_pair(&mut line, "message", &message);
        for (k, v) in &fields {
            push_pair(&mut line, k, v);
        }
        if !spans.is_empty() {
            push_pair(&mut line, "spans", &Value::Array(spans));
        }
        line.push_str("}\n");
        let mut w = self.make_writer.make_writer_for(meta);
        let _ = w.write_all(line.as_bytes());
    }
}

fn push_pair(line: &mut String, key: &str, value: &Value) {
    if !line.ends_with('{') {
        line.push(',');
    }
    line.push_str(&Value::from(key).to_string());
    line.push(':');
    line.push_str(&value.to_string());
}

// ---------------------------------------------------------------------------------
// Secrets
