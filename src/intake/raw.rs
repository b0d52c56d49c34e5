//! What serde reads. Spans are kept wherever a later check may need to point.
//!
//! The same types describe the file as a JSON Schema (`visitprep schema`), so an editor checks
//! exactly what the parser accepts. `#[schemars(...)]` and doc comments only shape that schema;
//! they do not change how serde reads the file.

use std::borrow::Cow;
use std::collections::BTreeMap;

use schemars::{json_schema, JsonSchema, Schema, SchemaGenerator};
use serde::Deserialize;
use toml::value::Datetime;
use toml::Spanned;

/// A visitprep intake: what a patient wants the doctor to know, and to ask.
#[derive(Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(title = "visitprep intake")]
pub(super) struct RawIntake {
    /// The guide to follow: a built-in guide id (see `visitprep guides`), or the path of a guide
    /// file, relative to the intake.
    #[schemars(with = "String", example = "nocturnal-leg-cramps")]
    pub(super) guide: Spanned<String>,
    pub(super) patient: RawPatient,
    #[serde(default)]
    pub(super) visit: RawVisit,
    /// Answers to the guide's questions, keyed by question id. A question left out is printed
    /// with lines to write on.
    #[serde(default)]
    #[schemars(with = "BTreeMap<String, String>")]
    pub(super) answers: BTreeMap<Spanned<String>, Spanned<String>>,
    #[serde(default)]
    pub(super) health: RawHealth,
    /// The medicines you take, one `[[medications]]` block each. Keep these blocks at the end
    /// of the file: a line after `[[medications]]` belongs to that medicine.
    #[serde(default)]
    pub(super) medications: Vec<RawMedication>,
    /// A symptom diary, one `[[diary]]` block for each night with symptoms.
    #[serde(default)]
    pub(super) diary: Vec<RawDiaryEntry>,
    #[serde(default)]
    pub(super) questions: RawQuestions,
    #[serde(default)]
    pub(super) checklist: RawChecklist,
}

/// Who the sheet is for.
#[derive(Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(super) struct RawPatient {
    /// Full name, as on the health insurance card.
    #[schemars(with = "String", length(min = 1))]
    pub(super) name: Spanned<String>,
    /// Date of birth, year-month-day without quotes; the age is worked out from it.
    #[schemars(with = "Option<SchemaDate>")]
    pub(super) born: Option<Spanned<Datetime>>,
    pub(super) sex: Option<String>,
    /// Pregnant now? Adds the pregnancy questions and advice.
    #[serde(default)]
    pub(super) pregnant: bool,
    /// Current week of pregnancy; needs `pregnant = true`.
    #[schemars(with = "Option<i64>", range(min = 1, max = 45))]
    pub(super) pregnancy_week: Option<Spanned<i64>>,
    pub(super) phone: Option<String>,
    /// The language you prefer to speak with the doctor.
    pub(super) language: Option<String>,
    /// Who to call in an emergency, with their phone number.
    pub(super) emergency_contact: Option<String>,
    /// What helps you take part in the visit: glasses, a hearing aid, an interpreter, a
    /// wheelchair, easy-read information, more time.
    #[serde(default)]
    pub(super) needs: Vec<String>,
    /// Who filled in this file, when it is not you: "Anna Example (daughter)".
    pub(super) filled_in_by: Option<String>,
}

/// The appointment.
#[derive(Deserialize, Default, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(super) struct RawVisit {
    /// The day of the visit, or the day and time, without quotes and without a time zone:
    /// 2026-12-02 or 2026-12-02T09:30:00.
    #[schemars(with = "Option<SchemaVisitTime>")]
    pub(super) when: Option<Spanned<Datetime>>,
    /// Hospital, clinic or practice.
    pub(super) clinic: Option<String>,
    pub(super) department: Option<String>,
    pub(super) doctor: Option<String>,
    /// Who comes along (named on the checklist).
    pub(super) companion: Option<String>,
    /// In one or two sentences: why you are going.
    pub(super) reason: Option<String>,
    /// What worries you, most important first. The first three are on the sheet's first page.
    #[serde(default)]
    pub(super) concerns: Vec<String>,
    /// What you hope to get from the visit.
    pub(super) goal: Option<String>,
}

/// Other illnesses, allergies and notes.
#[derive(Deserialize, Default, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(super) struct RawHealth {
    #[serde(default)]
    pub(super) conditions: Vec<String>,
    /// Allergies, and what happens.
    #[serde(default)]
    pub(super) allergies: Vec<String>,
    /// Anything else the doctor should know.
    pub(super) notes: Option<String>,
}

/// One medicine.
#[derive(Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(super) struct RawMedication {
    /// The medicine's name, as on the box.
    #[schemars(with = "String", length(min = 1))]
    pub(super) name: Spanned<String>,
    /// How much each time, e.g. "12.5 mg".
    pub(super) dose: Option<String>,
    pub(super) how_often: Option<String>,
    /// What it is for.
    pub(super) reason: Option<String>,
    pub(super) note: Option<String>,
    /// Taken since this day, year-month-day without quotes.
    #[schemars(with = "Option<SchemaDate>")]
    pub(super) since: Option<Spanned<Datetime>>,
    /// Only taken when needed.
    #[serde(default)]
    pub(super) as_needed: bool,
}

/// One night in the symptom diary.
#[derive(Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(super) struct RawDiaryEntry {
    /// The night, year-month-day without quotes.
    #[schemars(with = "SchemaDate")]
    pub(super) night: Spanned<Datetime>,
    /// Time of day without quotes, e.g. 03:10:00.
    #[schemars(with = "Option<SchemaTime>")]
    pub(super) at: Option<Spanned<Datetime>>,
    /// How long it lasted, in minutes.
    #[schemars(with = "Option<f64>", extend("exclusiveMinimum" = 0))]
    pub(super) minutes: Option<Spanned<f64>>,
    /// Where in the body.
    #[serde(rename = "where")]
    pub(super) place: Option<String>,
    /// From 0 (no pain) to 10 (the worst pain you can imagine).
    #[schemars(with = "Option<i64>", range(min = 0, max = 10))]
    pub(super) severity: Option<Spanned<i64>>,
    pub(super) note: Option<String>,
}

/// Your own questions for the doctor.
#[derive(Deserialize, Default, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(super) struct RawQuestions {
    /// Questions in your own words, each printed with room for the answer.
    #[serde(default)]
    pub(super) own: Vec<String>,
    /// Ids of the guide's suggested questions to leave off the sheet.
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    pub(super) skip: Vec<Spanned<String>>,
}

/// The preparation checklist.
#[derive(Deserialize, Default, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(super) struct RawChecklist {
    /// Ids of the checklist items already done; they print ticked.
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    pub(super) done: Vec<Spanned<String>>,
}

/// A TOML local date (`1956-03-14`), which is a string once the file is seen as JSON.
struct SchemaDate;

impl JsonSchema for SchemaDate {
    fn inline_schema() -> bool {
        true
    }

    fn schema_name() -> Cow<'static, str> {
        "Date".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({ "type": "string", "format": "date" })
    }
}

/// A TOML local date, or local date and time (`2026-12-02T09:30:00`), never with a time zone.
struct SchemaVisitTime;

impl JsonSchema for SchemaVisitTime {
    fn inline_schema() -> bool {
        true
    }

    fn schema_name() -> Cow<'static, str> {
        "VisitTime".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "anyOf": [
                { "type": "string", "format": "date" },
                { "type": "string", "pattern": LOCAL_DATE_TIME }
            ]
        })
    }
}

/// A TOML local time (`03:10:00`). JSON Schema's `time` format demands a time zone, which a
/// TOML local time never has, so a pattern describes it.
struct SchemaTime;

impl JsonSchema for SchemaTime {
    fn inline_schema() -> bool {
        true
    }

    fn schema_name() -> Cow<'static, str> {
        "Time".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({ "type": "string", "pattern": LOCAL_TIME })
    }
}

const LOCAL_TIME: &str = r"^([01][0-9]|2[0-3]):[0-5][0-9](:[0-5][0-9](\.[0-9]+)?)?$";
const LOCAL_DATE_TIME: &str =
    r"^[0-9]{4}-[0-9]{2}-[0-9]{2}[Tt ]([01][0-9]|2[0-3]):[0-5][0-9](:[0-5][0-9](\.[0-9]+)?)?$";
