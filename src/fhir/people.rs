//! Who the summary is about and who told it: the Patient, and the RelatedPerson when
//! someone else filled in the intake. Every other resource points back to these two, so
//! they are added first and handed on as a [`Context`].

use serde_json::{json, Value};

use super::builder::Builder;
use super::coding::{coded, reference, DATA_ABSENT_REASON};
use crate::intake::Intake;

/// What every patient-reported resource refers to.
pub(super) struct Context {
    pub(super) subject: Value,
    /// The Patient, or the RelatedPerson who filled in the intake.
    pub(super) source: Value,
    pub(super) made: String,
}

/// Adds the Patient, and the RelatedPerson who filled in the intake for them if someone
/// did; returns what the reported resources refer to.
pub(super) fn people(b: &mut Builder, intake: &Intake, made_text: &str) -> Context {
    let subject = b.add(patient(intake));
    let source = match &intake.patient.filled_in_by {
        Some(who) if !who.trim().is_empty() => b.add(json!({
            "resourceType": "RelatedPerson",
            "patient": reference(&subject),
            "name": [{ "text": who }],
        })),
        _ => subject.clone(),
    };
    Context {
        subject: reference(&subject),
        source: reference(&source),
        made: made_text.to_string(),
    }
}

fn patient(intake: &Intake) -> Value {
    let p = &intake.patient;
    let mut r = json!({
        "resourceType": "Patient",
        "name": [{ "text": p.name }],
    });
    match p.born {
        Some(born) => r["birthDate"] = json!(born.to_string()),
        // The IPS requires a birth date; saying why it is missing is how FHIR leaves it out.
        None => {
            r["_birthDate"] = json!({
                "extension": [{ "url": DATA_ABSENT_REASON, "valueCode": "unknown" }],
            })
        }
    }
    // Only the two words that name an administrative gender exactly become the code.
    if let Some(sex) = &p.sex {
        let sex = sex.trim().to_lowercase();
        if sex == "female" || sex == "male" {
            r["gender"] = json!(sex);
        }
    }
    if let Some(phone) = &p.phone {
        r["telecom"] = json!([{ "system": "phone", "value": phone }]);
    }
    if let Some(language) = &p.language {
        r["communication"] = json!([{ "language": { "text": language }, "preferred": true }]);
    }
    if let Some(contact) = &p.emergency_contact {
        r["contact"] = json!([{
            "relationship": [coded(
                "http://terminology.hl7.org/CodeSystem/v2-0131", "C", "Emergency Contact")],
            "name": { "text": contact },
        }]);
    }
    r
}
