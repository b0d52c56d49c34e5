//! What the patient observed, as Observations: the IPS pregnancy status, and each night of
//! the symptom diary. Apart from the lists because an Observation is of a day and has a
//! performer, where a list entry is a standing statement with an asserter.

use chrono::NaiveDate;
use serde_json::{json, Value};

use super::coding::{coded, loinc, SNOMED, UCUM};
use super::people::Context;
use crate::intake::DiaryEntry;

impl Context {
    /// The IPS pregnancy status: LOINC 82810-3 with SNOMED CT 77386006 "Pregnant".
    pub(super) fn pregnancy(&self, week: Option<u8>, day: NaiveDate) -> Value {
        let mut r = json!({
            "resourceType": "Observation",
            "status": "final",
            "code": loinc("82810-3", "Pregnancy status"),
            "subject": self.subject,
            "effectiveDateTime": day.to_string(),
            "performer": [self.source],
            "valueCodeableConcept": {
                "coding": [{ "system": SNOMED, "code": "77386006", "display": "Pregnant" }],
                "text": "Pregnant",
            },
        });
        if let Some(w) = week {
            r["component"] = json!([{
                "code": { "text": "Week of pregnancy" },
                "valueQuantity": { "value": w, "unit": "wk", "system": UCUM, "code": "wk" },
            }]);
        }
        r
    }

    pub(super) fn night(&self, e: &DiaryEntry, title: &str) -> Value {
        let mut components = Vec::new();
        if let Some(at) = e.at {
            components.push(json!({
                "code": { "text": "Time of night" },
                "valueTime": at.format("%H:%M:%S").to_string(),
            }));
        }
        if let Some(minutes) = e.minutes {
            components.push(json!({
                "code": { "text": "How long it lasted" },
                "valueQuantity": { "value": minutes, "unit": "min", "system": UCUM, "code": "min" },
            }));
        }
        if let Some(place) = &e.place {
            components.push(json!({
                "code": { "text": "Where in the body" },
                "valueString": place,
            }));
        }
        if let Some(severity) = e.severity {
            components.push(json!({
                "code": { "text": "Severity, from 0 (no pain) to 10 (the worst pain imaginable)" },
                "valueInteger": severity,
            }));
        }
        let mut r = json!({
            "resourceType": "Observation",
            "status": "final",
            "category": [coded(
                "http://terminology.hl7.org/CodeSystem/observation-category", "survey", "Survey")],
            "code": { "text": title },
            "subject": self.subject,
            // A time of day in FHIR needs a time zone, which the intake does not know: the
            // night is a date, and the time a component of its own.
            "effectiveDateTime": e.night.to_string(),
            "performer": [self.source],
        });
        if !components.is_empty() {
            r["component"] = json!(components);
        }
        if let Some(note) = &e.note {
            r["note"] = json!([{ "text": note }]);
        }
        r
    }
}
