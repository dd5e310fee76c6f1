//! Command arguments that always reach the command: a value that does not fit its
//! type becomes an `invalid_input` error naming the field at fault (`dailyBudget`),
//! instead of Tauri's bare "invalid args" string the UI could not place.

use serde::de::DeserializeOwned;
use serde::{Deserialize, Deserializer};

use crate::error::IpcError;

/// An argument of type `T`, or why the value sent does not fit it. Its TypeScript
/// type is `T`'s.
#[derive(Debug)]
pub struct Arg<T>(Result<T, Misfit>);

/// Where and why a value did not fit.
#[derive(Debug)]
struct Misfit {
    path: String,
    reason: String,
}

impl<'de, T: DeserializeOwned> Deserialize<'de> for Arg<T> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let value = serde_json::Value::deserialize(d)?;
        Ok(Arg(serde_path_to_error::deserialize(value).map_err(|e| {
            Misfit {
                path: e.path().to_string(),
                reason: e.into_inner().to_string(),
            }
        })))
    }
}

impl<T: specta::Type> specta::Type for Arg<T> {
    fn definition(types: &mut specta::Types) -> specta::datatype::DataType {
        T::definition(types)
    }
}

impl<T> Arg<T> {
    /// The value, or an `invalid_input` error on the innermost field at fault (the
    /// argument `name` itself when the whole value is wrong).
    pub fn get(self, name: &str) -> Result<T, IpcError> {
        self.0.map_err(|m| {
            let field = m
                .path
                .rsplit('.')
                .find(|s| !s.is_empty() && !s.starts_with('['))
                .unwrap_or(name)
                .to_owned();
            let reason = m.reason.split(" at line ").next().unwrap_or("").to_owned();
            IpcError::invalid(&field, format!("{}: {reason}", label(&field)))
        })
    }
}

/// `dailyBudget` → `Daily budget`.
fn label(field: &str) -> String {
    let mut out = String::new();
    for (i, c) in field.chars().enumerate() {
        if i == 0 {
            out.extend(c.to_uppercase());
        } else if c.is_uppercase() {
            out.push(' ');
            out.extend(c.to_lowercase());
        } else {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use jobtrail_core::cost::{Budgets, Money};

    #[test]
    fn a_misfit_names_its_field() {
        let arg: Arg<Budgets> =
            serde_json::from_value(serde_json::json!({ "dailyBudget": -5 })).unwrap();
        let e = arg.get("budgets").unwrap_err();
        assert_eq!(e.field.as_deref(), Some("dailyBudget"));
        assert!(e.message.starts_with("Daily budget: "), "{}", e.message);
        assert!(e.message.contains("negative"), "{}", e.message);

        let arg: Arg<Option<Money>> = serde_json::from_value(serde_json::json!("ten")).unwrap();
        assert_eq!(
            arg.get("budget").unwrap_err().field.as_deref(),
            Some("budget")
        );

        let arg: Arg<Option<Money>> = serde_json::from_value(serde_json::json!(2.5)).unwrap();
        assert_eq!(arg.get("budget").unwrap().unwrap().to_string(), "$2.500000");
    }
}
