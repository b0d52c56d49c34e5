//! The Bundle's entries and their ids, kept apart from what the resources say: an id
//! depends on a resource's content and place, so it is given only once the resource is
//! whole, and the Composition, made last because it points to every other entry, is moved
//! to the front where a FHIR document needs it.

use serde_json::{json, Value};

use super::id::Hash;
use crate::guide::Guide;
use crate::intake::Intake;

/// Collects the entries, giving each its id.
pub(super) struct Builder {
    /// Identifies the patient in every id, so two patients' Bundles share no ids.
    seed: Hash,
    /// When the Bundle is made: left out of the ids, so that exporting the same intake
    /// again gives its resources the same ids (a new Bundle, the same Patient).
    made: String,
    entries: Vec<(String, Value)>,
}

impl Builder {
    pub(super) fn new(intake: &Intake, made: &str) -> Builder {
        let born = intake
            .patient
            .born
            .map(|d| d.to_string())
            .unwrap_or_default();
        Builder {
            seed: Hash::new()
                .with(intake.patient.name.as_bytes())
                .with(born.as_bytes()),
            made: made.to_string(),
            entries: Vec::new(),
        }
    }

    /// Adds a resource with an id from its content and its place; returns its full URL.
    pub(super) fn add(&mut self, resource: Value) -> String {
        let hash = self
            .seed
            .with(&(self.entries.len() as u64).to_le_bytes())
            .with(resource.to_string().replace(&self.made, "").as_bytes());
        self.insert(hash.uuid(), resource)
    }

    /// Adds a resource that is the same for every patient (the guide's Questionnaire), so
    /// that its URL is the same in every Bundle made from that guide.
    pub(super) fn add_shared(&mut self, resource: Value, guide: &Guide) -> String {
        let hash = Hash::new()
            .with(guide.id.as_bytes())
            .with(resource.to_string().as_bytes());
        let id = hash.uuid();
        let mut resource = resource;
        resource["url"] = json!(format!("urn:uuid:{id}"));
        self.insert(id, resource)
    }

    fn insert(&mut self, id: String, mut resource: Value) -> String {
        if let Value::Object(map) = &mut resource {
            map.insert("id".into(), json!(id));
        }
        let url = format!("urn:uuid:{id}");
        self.entries.push((url.clone(), resource));
        url
    }

    /// The Bundle, with the Composition (the last one added) as its first entry.
    pub(super) fn finish(mut self, composition_url: String, made: &str) -> Value {
        let last = self.entries.pop();
        let entries: Vec<Value> = last
            .into_iter()
            .chain(self.entries)
            .map(|(url, resource)| json!({ "fullUrl": url, "resource": resource }))
            .collect();
        let id = Hash::new()
            .with(composition_url.as_bytes())
            .with(made.as_bytes())
            .uuid();
        json!({
            "resourceType": "Bundle",
            "id": id,
            "identifier": { "system": "urn:ietf:rfc:3986", "value": format!("urn:uuid:{id}") },
            "type": "document",
            "timestamp": made,
            "entry": entries,
        })
    }
}
