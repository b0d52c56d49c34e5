//! The intake as HL7 FHIR R4, for the clinic's record system: a `document` Bundle shaped as
//! an International Patient Summary (IPS).
//!
//! Everything in it is what the patient (or whoever filled in the intake for them) reported,
//! and says so: the Patient or a RelatedPerson is the Composition's author, each Condition's
//! and AllergyIntolerance's asserter, each MedicationStatement's information source and each
//! Observation's performer. The patient's words stay words (`CodeableConcept.text`): a code
//! is written only where it is certain, which is the document and section codes of the IPS
//! (LOINC), the pregnancy status (LOINC and SNOMED CT, as the IPS uses them) and FHIR's own
//! code systems.
//!
//! The output is deterministic: the same intake, guide and time give the same bytes. Every
//! resource id is a UUID derived from the resource's content and place.

mod builder;
mod coding;
mod id;
mod lists;
mod narrative;
mod observations;
mod people;
mod questionnaire;
mod reported;
mod sections;

use chrono::{DateTime, Utc};
use serde_json::{json, Value};

use crate::guide::Guide;
use crate::intake::{Intake, LoadedIntake};
use builder::Builder;
use coding::loinc;

/// The media type of the Bundle's JSON.
pub const MIME_TYPE: &str = "application/fhir+json";

/// The intake as an HL7 FHIR R4 document Bundle (JSON), made at `made`.
pub fn bundle_of(loaded: &LoadedIntake, made: DateTime<Utc>) -> Vec<u8> {
    bundle_json(&loaded.intake, &loaded.guide, made)
}

/// The Bundle as JSON text: pretty-printed, keys in a fixed order, ending in a line break.
pub fn bundle_json(intake: &Intake, guide: &Guide, made: DateTime<Utc>) -> Vec<u8> {
    let mut text = serde_json::to_vec_pretty(&bundle(intake, guide, made))
        // A `Value` holds only strings, numbers, arrays and objects keyed by strings.
        .unwrap_or_default();
    text.push(b'\n');
    text
}

/// The Bundle: a Composition first, then the resources it points to.
pub fn bundle(intake: &Intake, guide: &Guide, made: DateTime<Utc>) -> Value {
    let made_text = made.format("%Y-%m-%dT%H:%M:%SZ").to_string();
    let mut b = Builder::new(intake, &made_text);
    let ctx = people::people(&mut b, intake, &made_text);
    let entries = reported::reported(&mut b, &ctx, intake, guide, made);
    let composition = json!({
        "resourceType": "Composition",
        // The language of the sheet this summary goes with, as the patient chose it.
        "language": intake.sheet_language().tag(),
        "status": "final",
        "type": loinc("60591-5", "Patient summary Document"),
        "subject": ctx.subject,
        "date": made_text,
        "author": [ctx.source],
        "title": format!("Patient summary: {}", intake.patient.name),
        "section": sections::sections(intake, guide, &entries),
    });
    let composition_url = b.add(composition);
    b.finish(composition_url, &made_text)
}
