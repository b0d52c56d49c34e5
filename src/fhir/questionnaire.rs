//! The guide's doctor questions as a Questionnaire, and the patient's answers as the
//! QuestionnaireResponse to it. The Questionnaire is the guide's, not the patient's: it is
//! the same in every Bundle made from that guide, so a record system can match answers to
//! the same questions across patients.

use serde_json::{json, Value};

use super::people::Context;
use crate::guide::Guide;
use crate::intake::Intake;

/// The guide's doctor questions as a Questionnaire of free-text items.
pub(super) fn questionnaire(guide: &Guide) -> Value {
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

impl Context {
    pub(super) fn answers(&self, intake: &Intake, guide: &Guide, questionnaire: &str) -> Value {
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
}

/// The answered questions in the guide's order: (id, question, answer).
pub(super) fn answered<'a>(
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn questionnaire_names_are_identifiers() {
        assert_eq!(
            guide_name("nocturnal-leg-cramps"),
            "VisitprepNocturnalLegCramps"
        );
        assert_eq!(guide_name("general"), "VisitprepGeneral");
    }
}
