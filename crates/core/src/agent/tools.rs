//! Tools agents can call: read-only views of the tracker.

use serde_json::{Value, json};

use super::llm::ToolSpec;
use super::runtime::Tool;
use crate::store::Store;
use crate::tracker::applications;

/// Finds applications by company or role text.
#[derive(Debug, Default, Clone, Copy)]
pub struct LookupApplications;

impl Tool for LookupApplications {
    fn spec(&self) -> ToolSpec {
        ToolSpec {
            name: "lookup_applications".into(),
            description: "Find the user's job applications whose company or role contains the given text (case-insensitive). Returns id, company, role and status.".into(),
            parameters: json!({
                "type": "object",
                "properties": {"query": {"type": "string", "description": "Company or role text"}},
                "required": ["query"],
                "additionalProperties": false
            }),
        }
    }

    fn call(&self, store: &Store, args: &Value) -> Result<Value, String> {
        let query = args["query"]
            .as_str()
            .map(str::trim)
            .filter(|q| !q.is_empty())
            .ok_or("query must be a non-empty string")?;
        let q = query.to_lowercase();
        let apps = applications::list(store).map_err(|e| e.to_string())?;
        let found: Vec<Value> = apps
            .iter()
            .filter(|a| {
                a.company.to_lowercase().contains(&q)
                    || a.role.to_lowercase().contains(&q)
                    || q.contains(&a.company.to_lowercase())
            })
            .take(20)
            .map(|a| json!({"id": a.id, "company": a.company, "role": a.role, "status": a.status}))
            .collect();
        Ok(json!({ "applications": found }))
    }
}

/// Reads one application's status timeline.
#[derive(Debug, Default, Clone, Copy)]
pub struct ReadTimeline;

impl Tool for ReadTimeline {
    fn spec(&self) -> ToolSpec {
        ToolSpec {
            name: "read_timeline".into(),
            description: "Read the status history of one job application, oldest first.".into(),
            parameters: json!({
                "type": "object",
                "properties": {"application_id": {"type": "integer"}},
                "required": ["application_id"],
                "additionalProperties": false
            }),
        }
    }

    fn call(&self, store: &Store, args: &Value) -> Result<Value, String> {
        let id = args["application_id"]
            .as_i64()
            .ok_or("application_id must be an integer")?;
        let changes = applications::timeline(store, id).map_err(|e| e.to_string())?;
        serde_json::to_value(changes).map_err(|e| e.to_string())
    }
}
