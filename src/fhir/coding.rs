//! The code systems the Bundle names and the shapes FHIR writes codes and references in,
//! in one place so that every resource spells a system's URL the same way.

use serde_json::{json, Value};

const LOINC: &str = "http://loinc.org";
pub(super) const SNOMED: &str = "http://snomed.info/sct";
pub(super) const UCUM: &str = "http://unitsofmeasure.org";
pub(super) const LIST_EMPTY_REASON: &str =
    "http://terminology.hl7.org/CodeSystem/list-empty-reason";
/// The IPS's codes for "none known", where a list is known to be empty.
pub(super) const ABSENT_UNKNOWN: &str =
    "http://hl7.org/fhir/uv/ips/CodeSystem/absent-unknown-uv-ips";
pub(super) const DATA_ABSENT_REASON: &str =
    "http://hl7.org/fhir/StructureDefinition/data-absent-reason";

pub(super) fn reference(url: &str) -> Value {
    json!({ "reference": url })
}

pub(super) fn loinc(code: &str, display: &str) -> Value {
    json!({ "coding": [{ "system": LOINC, "code": code, "display": display }], "text": display })
}

pub(super) fn coded(system: &str, code: &str, display: &str) -> Value {
    json!({ "coding": [{ "system": system, "code": code, "display": display }] })
}
