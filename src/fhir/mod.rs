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

mod id;

use std::fmt::Write;

use chrono::{DateTime, NaiveDate, Utc};
use serde_json::{json, Map, Value};

use crate::guide::Guide;
use crate::intake::{DiaryEntry, Intake, LoadedIntake, Medication};
use id::Hash;

/// The media type of the Bundle's JSON.
pub const MIME_TYPE: &str = "application/fhir+json";

const LOINC: &str = "http://loinc.org";
const SNOMED: &str = "http://snomed.info/sct";
const UCUM: &str = "http://unitsofmeasure.org";
const LIST_EMPTY_REASON: &str = "http://terminology.hl7.org/CodeSystem/list-empty-reason";
/// The IPS's codes for "none known", where a list is known to be empty.
const ABSENT_UNKNOWN: &str = "http://hl7.org/fhir/uv/ips/CodeSystem/absent-unknown-uv-ips";
const DATA_ABSENT_REASON: &str = "http://hl7.org/fhir/StructureDefinition/data-absent-reason";

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
    let ctx = people(&mut b, intake, &made_text);
    let entries = reported(&mut b, &ctx, intake, guide, made);
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
        "section": sections(intake, guide, &entries),
    });
    let composition_url = b.add(composition);
    b.finish(composition_url, &made_text)
}

/// Adds the Patient, and the RelatedPerson who filled in the intake for them if someone
/// did; returns what the reported resources refer to.
fn people(b: &mut Builder, intake: &Intake, made_text: &str) -> Context {
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

/// The full URLs of the resources the Composition's sections point to.
struct Reported {
    conditions: Vec<String>,
    allergies: Vec<String>,
    medicines: Vec<String>,
    pregnancy: Option<String>,
    answers: Option<String>,
    nights: Vec<String>,
}

/// Adds a resource for everything the patient reported, and the guide's Questionnaire
/// their answers answer.
fn reported(
    b: &mut Builder,
    ctx: &Context,
    intake: &Intake,
    guide: &Guide,
    made: DateTime<Utc>,
) -> Reported {
    let h = &intake.health;
    // "None" said by the patient is a fact of its own, told the IPS way: one entry coded
    // "no known ...", never an empty list (unknown) nor an entry named "none".
    let conditions = if h.conditions.is_empty() && h.no_other_illnesses {
        vec![b.add(ctx.no_known_problems())]
    } else {
        h.conditions
            .iter()
            .map(|c| b.add(ctx.condition(c)))
            .collect()
    };
    let allergies = if h.allergies.is_empty() && h.no_known_allergies {
        vec![b.add(ctx.no_known_allergy())]
    } else {
        h.allergies.iter().map(|a| b.add(ctx.allergy(a))).collect()
    };
    let medicines = if intake.medications.is_empty() && h.no_medicines {
        vec![b.add(ctx.no_known_medications())]
    } else {
        intake
            .medications
            .iter()
            .map(|m| b.add(ctx.medication(m)))
            .collect()
    };
    let pregnancy = intake
        .patient
        .pregnant
        .then(|| b.add(ctx.pregnancy(intake.patient.pregnancy_week, made.date_naive())));

    let questionnaire = questionnaire(guide);
    let questionnaire_url = b.add_shared(questionnaire, guide);
    let answers =
        (!intake.answers.is_empty()).then(|| b.add(ctx.answers(intake, guide, &questionnaire_url)));
    let nights = intake
        .diary
        .iter()
        .map(|e| b.add(ctx.night(e, guide.diary_title())))
        .collect();
    Reported {
        conditions,
        allergies,
        medicines,
        pregnancy,
        answers,
        nights,
    }
}

/// The Composition's sections, each with its entries and the patient's words as its text.
fn sections(intake: &Intake, guide: &Guide, reported: &Reported) -> Vec<Value> {
    let mut sections = vec![
        section(
            "Problems",
            Some(("11450-4", "Problem list - Reported")),
            &reported.conditions,
            lines_or(
                intake.health.conditions.iter().map(|c| escape(c)).collect(),
                NO_KNOWN_PROBLEMS,
            ),
            "No other illnesses were listed.",
        ),
        section(
            "Allergies and intolerances",
            Some(("48765-2", "Allergies and adverse reactions Document")),
            &reported.allergies,
            lines_or(
                intake.health.allergies.iter().map(|a| escape(a)).collect(),
                NO_KNOWN_ALLERGIES,
            ),
            "No allergies were listed.",
        ),
        section(
            "Medication summary",
            Some(("10160-0", "History of Medication use Narrative")),
            &reported.medicines,
            lines_or(
                intake.medications.iter().map(medication_line).collect(),
                NO_KNOWN_MEDICATIONS,
            ),
            "No medicines were listed.",
        ),
    ];
    if let Some(p) = &reported.pregnancy {
        sections.push(section(
            "Pregnancy",
            Some(("10162-6", "History of pregnancies Narrative")),
            std::slice::from_ref(p),
            vec![pregnancy_line(intake.patient.pregnancy_week)],
            "",
        ));
    }
    if let Some(a) = &reported.answers {
        let lines = answered(intake, guide)
            .map(|(_, q, text)| format!("{}: {}", escape(q), escape(text)))
            .collect();
        sections.push(section(
            "Answers to the doctor's likely questions",
            None,
            std::slice::from_ref(a),
            lines,
            "",
        ));
    }
    if !reported.nights.is_empty() {
        let lines = intake.diary.iter().map(night_line).collect();
        sections.push(section(
            guide.diary_title(),
            None,
            &reported.nights,
            lines,
            "",
        ));
    }
    sections.extend(notes_section(intake));
    sections
}

const NO_KNOWN_ALLERGIES: &str = "No known allergies (patient-reported)";
const NO_KNOWN_MEDICATIONS: &str = "No medicines (patient-reported)";
const NO_KNOWN_PROBLEMS: &str = "No other illnesses (patient-reported)";

/// A section's lines, or the words of its one "none known" entry when it has no others.
fn lines_or(lines: Vec<String>, none: &str) -> Vec<String> {
    if lines.is_empty() {
        vec![none.to_string()]
    } else {
        lines
    }
}

/// The pregnancy section's text.
fn pregnancy_line(week: Option<u8>) -> String {
    match week {
        Some(w) => format!("Pregnant, week {w}"),
        None => "Pregnant".to_string(),
    }
}

/// Collects the entries, giving each its id.
struct Builder {
    /// Identifies the patient in every id, so two patients' Bundles share no ids.
    seed: Hash,
    /// When the Bundle is made: left out of the ids, so that exporting the same intake
    /// again gives its resources the same ids (a new Bundle, the same Patient).
    made: String,
    entries: Vec<(String, Value)>,
}

impl Builder {
    fn new(intake: &Intake, made: &str) -> Builder {
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
    fn add(&mut self, resource: Value) -> String {
        let hash = self
            .seed
            .with(&(self.entries.len() as u64).to_le_bytes())
            .with(resource.to_string().replace(&self.made, "").as_bytes());
        self.insert(hash.uuid(), resource)
    }

    /// Adds a resource that is the same for every patient (the guide's Questionnaire), so
    /// that its URL is the same in every Bundle made from that guide.
    fn add_shared(&mut self, resource: Value, guide: &Guide) -> String {
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
    fn finish(mut self, composition_url: String, made: &str) -> Value {
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

/// What every patient-reported resource refers to.
struct Context {
    subject: Value,
    /// The Patient, or the RelatedPerson who filled in the intake.
    source: Value,
    made: String,
}

impl Context {
    fn condition(&self, text: &str) -> Value {
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

    fn allergy(&self, text: &str) -> Value {
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
    fn no_known_allergy(&self) -> Value {
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
    fn no_known_medications(&self) -> Value {
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
    fn no_known_problems(&self) -> Value {
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

    fn medication(&self, m: &Medication) -> Value {
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

    /// The IPS pregnancy status: LOINC 82810-3 with SNOMED CT 77386006 "Pregnant".
    fn pregnancy(&self, week: Option<u8>, day: NaiveDate) -> Value {
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

    fn answers(&self, intake: &Intake, guide: &Guide, questionnaire: &str) -> Value {
        let items: Vec<Value> = answered(intake, guide)
            .map(|(id, q, a)| json!({ "linkId": id, "text": q, "answer": [{ "valueString": a }] }))
            .collect();
        let all = guide
            .doctor_questions
            .iter()
            .all(|q| intake.answers.contains_key(&q.id));
        json!({
            "resourceType": "QuestionnaireResponse",
            "questionnaire": questionnaire,
            // Questions left open are for the visit, to be answered there.
            "status": if all { "completed" } else { "in-progress" },
            "subject": self.subject,
            "authored": self.made,
            "author": self.source,
            "source": self.source,
            "item": items,
        })
    }

    fn night(&self, e: &DiaryEntry, title: &str) -> Value {
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

/// The guide's doctor questions as a Questionnaire of free-text items.
fn questionnaire(guide: &Guide) -> Value {
    let items: Vec<Value> = guide
        .doctor_questions
        .iter()
        .map(|q| json!({ "linkId": q.id, "text": q.text, "type": "text" }))
        .collect();
    json!({
        "resourceType": "Questionnaire",
        "name": guide_name(&guide.id),
        "title": guide.title,
        "status": "active",
        "subjectType": ["Patient"],
        "description": guide.summary,
        "item": items,
    })
}

/// A Questionnaire's `name` is an identifier that starts with a capital letter (FHIR's
/// que-0): the guide id in upper camel case.
fn guide_name(id: &str) -> String {
    let mut name = String::from("Visitprep");
    for word in id.split(|c: char| !c.is_ascii_alphanumeric()) {
        let mut chars = word.chars();
        if let Some(first) = chars.next() {
            name.push(first.to_ascii_uppercase());
            name.extend(chars);
        }
    }
    name
}

/// The answered questions in the guide's order: (id, question, answer).
fn answered<'a>(
    intake: &'a Intake,
    guide: &'a Guide,
) -> impl Iterator<Item = (&'a str, &'a str, &'a str)> {
    guide.doctor_questions.iter().filter_map(|q| {
        intake
            .answers
            .get(&q.id)
            .map(|a| (q.id.as_str(), q.text.as_str(), a.as_str()))
    })
}

/// The patient's own notes, reason for the visit and questions, as narrative only.
fn notes_section(intake: &Intake) -> Option<Value> {
    let mut lines = Vec::new();
    if let Some(reason) = &intake.visit.reason {
        lines.push(format!("Why I am going: {}", escape(reason)));
    }
    if let Some(notes) = &intake.health.notes {
        lines.push(format!("Also good to know: {}", escape(notes)));
    }
    for q in &intake.own_questions {
        lines.push(format!("My question: {}", escape(q)));
    }
    (!lines.is_empty()).then(|| {
        json!({
            "title": "Notes and questions from the patient",
            "text": narrative(&lines),
        })
    })
}

/// A Composition section: its entries, or why it has none; always a readable narrative.
/// `lines` are already escaped for XHTML.
fn section(
    title: &str,
    code: Option<(&str, &str)>,
    entries: &[String],
    lines: Vec<String>,
    empty: &str,
) -> Value {
    let mut s = json!({ "title": title });
    if let Some((code, display)) = code {
        s["code"] = loinc(code, display);
    }
    if entries.is_empty() {
        s["text"] = narrative(&[escape(empty)]);
        // The intake lists none: that is all that is known, not a finding that there are none.
        s["emptyReason"] = coded(LIST_EMPTY_REASON, "unavailable", "Unavailable");
    } else {
        s["text"] = narrative(&lines);
        s["entry"] = entries.iter().map(|u| reference(u)).collect();
    }
    s
}

fn medication_line(m: &Medication) -> String {
    let mut line = escape(&m.name);
    for part in [&m.dose, &m.how_often].into_iter().flatten() {
        let _ = write!(line, ", {}", escape(part));
    }
    if m.as_needed {
        line.push_str(", when needed");
    }
    if let Some(reason) = &m.reason {
        let _ = write!(line, " (for {})", escape(reason));
    }
    if let Some(since) = m.since {
        let _ = write!(line, ", since {since}");
    }
    line
}

fn night_line(e: &DiaryEntry) -> String {
    let mut line = e.night.to_string();
    if let Some(at) = e.at {
        let _ = write!(line, " at {}", at.format("%H:%M"));
    }
    if let Some(m) = e.minutes {
        let _ = write!(line, ", {m} min");
    }
    if let Some(p) = &e.place {
        let _ = write!(line, ", {}", escape(p));
    }
    if let Some(s) = e.severity {
        let _ = write!(line, ", severity {s} of 10");
    }
    if let Some(n) = &e.note {
        let _ = write!(line, ": {}", escape(n));
    }
    line
}

/// An XHTML narrative of one line a paragraph (FHIR's narrative rules allow `p`).
fn narrative(lines: &[String]) -> Value {
    let mut div = String::from("<div xmlns=\"http://www.w3.org/1999/xhtml\">");
    for line in lines {
        let _ = write!(div, "<p>{line}</p>");
    }
    div.push_str("</div>");
    json!({ "status": "generated", "div": div })
}

/// Text for XHTML: markup characters as entities, line breaks as `<br/>`.
fn escape(text: &str) -> String {
    crate::markup::escape(text).replace('\n', "<br/>")
}

fn reference(url: &str) -> Value {
    json!({ "reference": url })
}

fn loinc(code: &str, display: &str) -> Value {
    json!({ "coding": [{ "system": LOINC, "code": code, "display": display }], "text": display })
}

fn coded(system: &str, code: &str, display: &str) -> Value {
    json!({ "coding": [{ "system": system, "code": code, "display": display }] })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn narrative_text_is_escaped() {
        assert_eq!(escape("a<b & \"c\"\nd"), "a&lt;b &amp; &quot;c&quot;<br/>d");
    }

    #[test]
    fn questionnaire_names_are_identifiers() {
        assert_eq!(
            guide_name("nocturnal-leg-cramps"),
            "VisitprepNocturnalLegCramps"
        );
        assert_eq!(guide_name("general"), "VisitprepGeneral");
    }
}
