//! The IPS's three required lists, problems, allergies and medicines, as Condition,
//! AllergyIntolerance and MedicationStatement resources. Each list has its IPS entry for
//! "none known", whose words the sections' narrative repeats, so they are named here once.

use serde_json::{json, Map, Value};

use super::coding::{coded, ABSENT_UNKNOWN, SNOMED};
use super::people::Context;
use crate::intake::Medication;

pub(super) const NO_KNOWN_ALLERGIES: &str = "No known allergies (patient-reported)";
pub(super) const NO_KNOWN_MEDICATIONS: &str = "No medicines (patient-reported)";
pub(super) const NO_KNOWN_PROBLEMS: &str = "No other illnesses (patient-reported)";

impl Context {
    pub(super) fn condition(&self, text: &str) -> Value {
        json!({
            "resourceType": "Condition",
            "clinicalStatus": coded(
                "http://terminology.hl7.org/CodeSystem/condition-clinical", "active", "Active"),
            "category": [coded(
                "http://terminology.hl7.org/CodeSystem/condition-category",
                "problem-list-item",
                "Problem List Item",
            )],
            "code": { "text": text },
            "subject": self.subject,
            "recordedDate": self.made,
            "asserter": self.source,
        })
    }

    pub(super) fn allergy(&self, text: &str) -> Value {
        json!({
            "resourceType": "AllergyIntolerance",
            "clinicalStatus": coded(
                "http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical",
                "active",
                "Active",
            ),
            "code": { "text": text },
            "patient": self.subject,
            "recordedDate": self.made,
            "asserter": self.source,
        })
    }

    /// IPS: an AllergyIntolerance coded SNOMED CT 716186003 "No known allergy".
    pub(super) fn no_known_allergy(&self) -> Value {
        json!({
            "resourceType": "AllergyIntolerance",
            "clinicalStatus": coded(
                "http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical",
                "active",
                "Active",
            ),
            "code": {
                "coding": [{ "system": SNOMED, "code": "716186003", "display": "No known allergy" }],
                "text": NO_KNOWN_ALLERGIES,
            },
            "patient": self.subject,
            "recordedDate": self.made,
            "asserter": self.source,
        })
    }

    /// IPS: a MedicationStatement coded `no-known-medications`.
    pub(super) fn no_known_medications(&self) -> Value {
        json!({
            "resourceType": "MedicationStatement",
            "status": "active",
            "medicationCodeableConcept": {
                "coding": [{
                    "system": ABSENT_UNKNOWN,
                    "code": "no-known-medications",
                    "display": "No known medications",
                }],
                "text": NO_KNOWN_MEDICATIONS,
            },
            "subject": self.subject,
            "dateAsserted": self.made,
            "informationSource": self.source,
        })
    }

    /// IPS: a Condition coded `no-known-problems`: a problem-list entry like any other,
    /// with the absent-unknown code in place of the patient's words.
    pub(super) fn no_known_problems(&self) -> Value {
        let mut condition = self.condition(NO_KNOWN_PROBLEMS);
        condition["code"] = json!({
            "coding": [{
                "system": ABSENT_UNKNOWN,
                "code": "no-known-problems",
                "display": "No known problems",
            }],
            "text": NO_KNOWN_PROBLEMS,
        });
        condition
    }

    pub(super) fn medication(&self, m: &Medication) -> Value {
        let mut r = json!({
            "resourceType": "MedicationStatement",
            "status": "active",
            "medicationCodeableConcept": { "text": m.name },
            "subject": self.subject,
            "dateAsserted": self.made,
            "informationSource": self.source,
        });
        if let Some(since) = m.since {
            r["effectivePeriod"] = json!({ "start": since.to_string() });
        }
        let how: Vec<&str> = [m.dose.as_deref(), m.how_often.as_deref()]
            .into_iter()
            .flatten()
            .filter(|s| !s.trim().is_empty())
            .collect();
        let mut dosage = Map::new();
        if !how.is_empty() {
            dosage.insert("text".into(), json!(how.join(", ")));
        }
        if m.as_needed {
            dosage.insert("asNeededBoolean".into(), json!(true));
        }
        if !dosage.is_empty() {
            r["dosage"] = json!([dosage]);
        }
        if let Some(reason) = &m.reason {
            r["reasonCode"] = json!([{ "text": reason }]);
        }
        if let Some(note) = &m.note {
            r["note"] = json!([{ "text": note }]);
        }
        r
    }
}
