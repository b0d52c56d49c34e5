//! The intake as a JSON Schema (`visitprep schema`), and the keys each table may have.

use std::collections::BTreeMap;

use schemars::transform::{RecursiveTransform, RestrictFormats};
use schemars::{generate::SchemaSettings, Schema};

use super::raw::RawIntake;
use crate::guide::Guide;

/// The JSON Schema (draft 2020-12) of an intake file, read as JSON: TOML dates and times are
/// strings there. Generated from the types the parser reads, so the two cannot drift apart.
pub fn json_schema() -> Schema {
    let mut schema = SchemaSettings::draft2020_12()
        .with(|s| s.inline_subschemas = true)
        .with_transform(RecursiveTransform(|s: &mut Schema| drop_null(s)))
        .with_transform(RestrictFormats::default())
        .into_generator()
        .into_root_schema_for::<RawIntake>();
    describe_answers(&mut schema);
    schema
}

/// TOML has no null: an optional field is left out, never set to null.
fn drop_null(schema: &mut Schema) {
    let Some(obj) = schema.as_object_mut() else {
        return;
    };
    if let Some(serde_json::Value::Array(types)) = obj.get_mut("type") {
        types.retain(|t| t != "null");
        if types.len() == 1 {
            let only = types.remove(0);
            obj.insert("type".into(), only);
        }
    }
    let null = serde_json::json!({ "type": "null" });
    if let Some(serde_json::Value::Array(any)) = obj.get_mut("anyOf") {
        any.retain(|s| *s != null);
        if any.len() == 1 {
            if let Some(serde_json::Value::Object(only)) = any.pop() {
                obj.remove("anyOf");
                for (k, v) in only {
                    obj.entry(k).or_insert(v);
                }
            }
        }
    }
}

/// Lists the built-in guides' question ids under `answers`, so an editor can offer them.
/// Other ids stay allowed: a guide file may have its own questions.
fn describe_answers(schema: &mut Schema) {
    let mut known: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for id in Guide::built_in_ids() {
        let Some(guide) = Guide::built_in(id) else {
            continue;
        };
        for q in &guide.doctor_questions {
            known
                .entry(q.id.clone())
                .or_default()
                .push(format!("{} {} (guide `{}`)", q.text, q.hint, guide.id));
        }
    }
    let Some(answers) = schema
        .as_object_mut()
        .and_then(|o| o.get_mut("properties"))
        .and_then(|p| p.get_mut("answers"))
        .and_then(|a| a.as_object_mut())
    else {
        return;
    };
    let ids: Vec<&str> = known.keys().map(String::as_str).collect();
    let description = answers
        .get("description")
        .and_then(|d| d.as_str())
        .unwrap_or_default()
        .to_string();
    answers.insert(
        "description".into(),
        format!(
            "{description}\n\nQuestion ids of the built-in guides: {}.",
            ids.join(", ")
        )
        .into(),
    );
    let properties: serde_json::Map<String, serde_json::Value> = known
        .into_iter()
        .map(|(id, texts)| {
            (
                id,
                serde_json::json!({ "type": "string", "description": texts.join("\n\n") }),
            )
        })
        .collect();
    answers.insert("properties".into(), properties.into());
}

/// Top-level keys, for suggestions and for spotting keys that fell into an array table.
pub(super) const TOP_LEVEL: &[&str] = &[
    "guide",
    "patient",
    "visit",
    "answers",
    "health",
    "medications",
    "diary",
    "questions",
    "checklist",
];

/// Keys of the plain tables: one of these inside `[[medications]]` was meant for its own table.
pub(super) const TABLE_KEYS: &[(&str, &[&str])] = &[
    (
        "patient",
        &[
            "name",
            "born",
            "sex",
            "pregnant",
            "pregnancy_week",
            "phone",
            "language",
            "emergency_contact",
            "needs",
            "filled_in_by",
        ],
    ),
    (
        "visit",
        &[
            "when",
            "clinic",
            "department",
            "doctor",
            "companion",
            "reason",
            "concerns",
            "goal",
        ],
    ),
    ("health", &["conditions", "allergies", "notes"]),
    ("questions", &["own", "skip"]),
    ("checklist", &["done"]),
];

/// The keys each table of the intake may have, read from the JSON Schema (itself generated
/// from the types serde reads), so the two never disagree.
pub(super) fn intake_schema() -> &'static serde_json::Value {
    static SCHEMA: std::sync::OnceLock<serde_json::Value> = std::sync::OnceLock::new();
    SCHEMA.get_or_init(|| serde_json::to_value(json_schema()).unwrap_or_default())
}
