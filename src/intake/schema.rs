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

/// The keys of one table of the intake, read from the schema: `""` for the top level, and
/// for `medications` or `diary` the keys of each entry. `answers` has none of its own: its
/// keys are the guide's question ids.
pub fn keys_of(table: &str) -> Vec<&'static str> {
    let schema = intake_schema();
    let node = if table.is_empty() {
        Some(schema)
    } else {
        schema
            .get("properties")
            .and_then(|p| p.get(table))
            .map(|t| t.get("items").unwrap_or(t))
    };
    match node
        .and_then(|n| n.get("properties"))
        .and_then(|p| p.as_object())
    {
        Some(properties) if table != "answers" => properties.keys().map(String::as_str).collect(),
        _ => Vec::new(),
    }
}

/// The tables written once, `[patient]`, whose keys are all known: a key of one of them
/// inside a `[[medications]]` entry was meant for it.
pub(super) fn plain_tables() -> Vec<&'static str> {
    tables_where(|t| t.get("additionalProperties") == Some(&serde_json::Value::Bool(false)))
}

/// The tables written once per entry, `[[medications]]`: every key after their header
/// belongs to the entry.
pub(super) fn array_tables() -> Vec<&'static str> {
    tables_where(|t| t.get("type").and_then(|t| t.as_str()) == Some("array"))
}

fn tables_where(test: impl Fn(&serde_json::Value) -> bool) -> Vec<&'static str> {
    intake_schema()
        .get("properties")
        .and_then(|p| p.as_object())
        .map(|p| {
            p.iter()
                .filter(|(_, t)| test(t))
                .map(|(k, _)| k.as_str())
                .collect()
        })
        .unwrap_or_default()
}

/// The keys each table of the intake may have, read from the JSON Schema (itself generated
/// from the types serde reads), so the two never disagree.
pub(super) fn intake_schema() -> &'static serde_json::Value {
    static SCHEMA: std::sync::OnceLock<serde_json::Value> = std::sync::OnceLock::new();
    SCHEMA.get_or_init(|| serde_json::to_value(json_schema()).unwrap_or_default())
}

/// Every key of the intake format: `guide`, `answers`, and each table's keys as `table.key`
/// (`medications.dose` for the key of every entry).
#[cfg(test)]
pub(crate) fn all_keys() -> std::collections::BTreeSet<String> {
    keys_of("")
        .into_iter()
        .flat_map(|table| {
            let keys = keys_of(table);
            if keys.is_empty() {
                vec![table.to_string()]
            } else {
                keys.into_iter().map(|k| format!("{table}.{k}")).collect()
            }
        })
        .collect()
}
