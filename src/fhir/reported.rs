//! One resource for each thing the patient reported, added in a fixed order (their place is
//! part of their ids), and where each went, so the Composition's sections can point to them.

use chrono::{DateTime, Utc};

use super::builder::Builder;
use super::people::Context;
use super::questionnaire::questionnaire;
use crate::guide::Guide;
use crate::intake::Intake;

/// The full URLs of the resources the Composition's sections point to.
pub(super) struct Reported {
    pub(super) conditions: Vec<String>,
    pub(super) allergies: Vec<String>,
    pub(super) medicines: Vec<String>,
    pub(super) pregnancy: Option<String>,
    pub(super) answers: Option<String>,
    pub(super) nights: Vec<String>,
}

/// Adds a resource for everything the patient reported, and the guide's Questionnaire
/// their answers answer.
pub(super) fn reported(
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
