//! The price table (table `model_prices`): what each model charges per million
//! tokens, by kind, with where the figure came from. Seeded, editable, and a model
//! missing from it is *unpriced*, never silently free.

use rusqlite::{OptionalExtension, Row, params};
use serde::{Deserialize, Serialize};

use super::usage::TokenUsage;
use crate::clock::Timestamp;
use crate::error::{Error, Result};
use crate::money::Money;
use crate::store::{Migration, Store};
use crate::text;

pub(crate) const MIGRATION: Migration = Migration {
    id: "202611280000_model_prices",
    // Prices in micro-dollars per 1M tokens. Cached input and reasoning fall back to
    // the input and output rates when NULL. gpt-4o … gpt-3.5-turbo: the spec's table.
    sql: "
    CREATE TABLE model_prices (
        model TEXT PRIMARY KEY NOT NULL,
        input_micros INTEGER NOT NULL CHECK (input_micros >= 0),
        cached_input_micros INTEGER CHECK (cached_input_micros >= 0),
        output_micros INTEGER NOT NULL CHECK (output_micros >= 0),
        reasoning_micros INTEGER CHECK (reasoning_micros >= 0),
        source TEXT NOT NULL,
        as_of TEXT NOT NULL,
        updated_at INTEGER NOT NULL
    ) STRICT;
    INSERT INTO model_prices VALUES
        ('gpt-4o',         2500000, 1250000, 10000000, NULL, 'spec (phase-10 guide)', '2026-11-27', 0),
        ('gpt-4o-mini',     150000,   75000,   600000, NULL, 'spec (phase-10 guide)', '2026-11-27', 0),
        ('gpt-4-turbo',   10000000,    NULL, 30000000, NULL, 'spec (phase-10 guide)', '2026-11-27', 0),
        ('gpt-3.5-turbo',   500000,    NULL,  1500000, NULL, 'spec (phase-10 guide)', '2026-11-27', 0),
        ('gpt-4.1',        2000000,  500000,  8000000, NULL, 'https://openai.com/api/pricing/', '2026-11-27', 0),
        ('gpt-4.1-mini',    400000,  100000,  1600000, NULL, 'https://openai.com/api/pricing/', '2026-11-27', 0),
        ('gpt-4.1-nano',    100000,   25000,   400000, NULL, 'https://openai.com/api/pricing/', '2026-11-27', 0),
        ('o3',             2000000,  500000,  8000000, NULL, 'https://openai.com/api/pricing/', '2026-11-27', 0),
        ('o4-mini',        1100000,  275000,  4400000, NULL, 'https://openai.com/api/pricing/', '2026-11-27', 0),
        ('gpt-5',          1250000,  125000, 10000000, NULL, 'https://openai.com/api/pricing/', '2026-11-27', 0),
        ('gpt-5-mini',      250000,   25000,  2000000, NULL, 'https://openai.com/api/pricing/', '2026-11-27', 0),
        ('gpt-5-nano',       50000,    5000,   400000, NULL, 'https://openai.com/api/pricing/', '2026-11-27', 0);
    ",
};

/// One model's prices, per million tokens.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct ModelPrice {
    /// Model name (a dated snapshot such as `gpt-4o-mini-2024-07-18` uses its base's price).
    pub model: String,
    /// Uncached input.
    pub input: Money,
    /// Cached input; the input price when none.
    pub cached_input: Option<Money>,
    /// Output.
    pub output: Money,
    /// Reasoning; the output price when none.
    pub reasoning: Option<Money>,
    /// Where the figures come from.
    pub source: String,
    /// The date they were read, `YYYY-MM-DD`.
    pub as_of: String,
    /// Last edited, ms UTC (0 for seeded rows).
    pub updated_at: Timestamp,
}

/// What a call cost, by kind of token.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct Cost {
    /// Uncached and cached input.
    pub input: Money,
    /// Output and reasoning.
    pub output: Money,
    /// Everything.
    pub total: Money,
}

impl ModelPrice {
    /// The cost of `usage` (whose kinds do not overlap: input excludes cached input,
    /// output excludes reasoning), so no token is counted twice.
    pub fn cost(&self, usage: &TokenUsage) -> Cost {
        let micros = |m: Money| m.nanos() / 1000;
        let input = Money::for_tokens(usage.input, micros(self.input))
            + Money::for_tokens(
                usage.cached_input,
                micros(self.cached_input.unwrap_or(self.input)),
            );
        let output = Money::for_tokens(usage.output, micros(self.output))
            + Money::for_tokens(
                usage.reasoning,
                micros(self.reasoning.unwrap_or(self.output)),
            );
        Cost {
            input,
            output,
            total: input + output,
        }
    }
}

/// A price as typed: checked by [`set`].
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase", default)]
pub struct PriceDraft {
    /// Model name.
    pub model: String,
    /// Input, $ per 1M tokens.
    pub input: Option<Money>,
    /// Cached input, $ per 1M tokens (empty: the input price).
    pub cached_input: Option<Money>,
    /// Output, $ per 1M tokens.
    pub output: Option<Money>,
    /// Reasoning, $ per 1M tokens (empty: the output price).
    pub reasoning: Option<Money>,
    /// Where the figures come from (default: "entered by you").
    pub source: Option<String>,
}

/// Highest price per 1M tokens accepted: $10,000.
const MAX_PRICE: Money = Money::from_micros(10_000_000_000);

fn check_price(field: &'static str, m: Option<Money>, required: bool) -> Result<Option<Money>> {
    match m {
        None if required => Err(Error::invalid(
            field,
            "is required ($ per 1M tokens; 0 for a free local model)",
        )),
        Some(p) if p < Money::ZERO => Err(Error::invalid(field, "cannot be negative")),
        Some(p) if p > MAX_PRICE => {
            Err(Error::invalid(field, "is more than $10,000 per 1M tokens"))
        }
        Some(p) if p.nanos() % 1000 != 0 => Err(Error::invalid(field, "has more than 6 decimals")),
        other => Ok(other),
    }
}

const COLUMNS: &str = "model, input_micros, cached_input_micros, output_micros, reasoning_micros, source, as_of, updated_at";

fn from_row(r: &Row<'_>) -> rusqlite::Result<ModelPrice> {
    let money = |i: usize| -> rusqlite::Result<Option<Money>> {
        Ok(r.get::<_, Option<i64>>(i)?.map(Money::from_micros))
    };
    Ok(ModelPrice {
        model: r.get(0)?,
        input: money(1)?.unwrap_or_default(),
        cached_input: money(2)?,
        output: money(3)?.unwrap_or_default(),
        reasoning: money(4)?,
        source: r.get(5)?,
        as_of: r.get(6)?,
        updated_at: r.get(7)?,
    })
}

/// Every priced model, by name.
pub fn list(store: &Store) -> Result<Vec<ModelPrice>> {
    let sql = format!("SELECT {COLUMNS} FROM model_prices ORDER BY model");
    Ok(store.read(|c| {
        let mut stmt = c.prepare_cached(&sql)?;
        let rows = stmt.query_map([], from_row)?;
        rows.collect()
    })?)
}

/// The price for `model`: its own row, else the longest priced name it starts with
/// followed by `-` (dated snapshots: `gpt-4o-mini-2024-07-18` → `gpt-4o-mini`), else
/// `None` (unpriced).
pub fn find(store: &Store, model: &str) -> Result<Option<ModelPrice>> {
    Ok(store.read(|c| find_in(c, model))?)
}

/// [`find`] on a connection or inside a transaction.
pub(crate) fn find_in(
    conn: &rusqlite::Connection,
    model: &str,
) -> rusqlite::Result<Option<ModelPrice>> {
    // A model's own row first, by its key: runs price their calls with this, and the
    // prefix search below reads and sorts the whole table.
    let exact = format!("SELECT {COLUMNS} FROM model_prices WHERE model = ?1");
    if let Some(p) = conn
        .prepare_cached(&exact)?
        .query_row([model.trim()], from_row)
        .optional()?
    {
        return Ok(Some(p));
    }
    let sql = format!(
        "SELECT {COLUMNS} FROM model_prices
         WHERE model = ?1 OR substr(?1, 1, length(model) + 1) = model || '-'
         ORDER BY model = ?1 DESC, length(model) DESC LIMIT 1"
    );
    let mut stmt = conn.prepare_cached(&sql)?;
    stmt.query_row([model.trim()], from_row).optional()
}

/// Adds or replaces a model's prices.
pub fn set(store: &mut Store, draft: PriceDraft) -> Result<ModelPrice> {
    let model = text::one_line("model", &draft.model, 100)?;
    if model.is_empty() || model.contains(char::is_whitespace) {
        return Err(Error::invalid(
            "model",
            "must be a model name without spaces",
        ));
    }
    let input = check_price("input", draft.input, true)?.unwrap_or_default();
    let cached = check_price("cachedInput", draft.cached_input, false)?;
    let output = check_price("output", draft.output, true)?.unwrap_or_default();
    let reasoning = check_price("reasoning", draft.reasoning, false)?;
    let source = text::one_line("source", draft.source.as_deref().unwrap_or(""), 200)?;
    let source = if source.is_empty() {
        "entered by you".to_owned()
    } else {
        source
    };
    let now = store.now_ms();
    let as_of = crate::clock::to_rfc3339(now)
        .chars()
        .take(10)
        .collect::<String>();
    let micros = |m: Money| m.nanos() / 1000;
    store.write(|tx| {
        tx.execute(
            "INSERT INTO model_prices (model, input_micros, cached_input_micros, output_micros,
                                       reasoning_micros, source, as_of, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)
             ON CONFLICT (model) DO UPDATE SET input_micros = excluded.input_micros,
                 cached_input_micros = excluded.cached_input_micros,
                 output_micros = excluded.output_micros,
                 reasoning_micros = excluded.reasoning_micros, source = excluded.source,
                 as_of = excluded.as_of, updated_at = excluded.updated_at",
            params![
                model,
                micros(input),
                cached.map(micros),
                micros(output),
                reasoning.map(micros),
                source,
                as_of,
                now
            ],
        )
    })?;
    tracing::info!(model, "price saved");
    find(store, &model)?.ok_or(Error::not_found("price", 0))
}

/// Removes a model's prices (its calls become unpriced).
pub fn remove(store: &mut Store, model: &str) -> Result<()> {
    let n = store
        .write(|tx| tx.execute("DELETE FROM model_prices WHERE model = ?1", [model.trim()]))?;
    if n == 0 {
        return Err(Error::invalid(
            "model",
            format!("{model:?} has no price to remove"),
        ));
    }
    Ok(())
}
