//! The intake as read from the file, value by value (see `walk`), before the checks of
//! meaning. Spans are kept wherever a later check may need to point; a value of the wrong
//! kind is reported and left out, so a required one is an `Option` here.
//!
//! The same types describe the file as a JSON Schema (`visitprep schema`), so an editor checks
//! what the reader accepts. `#[schemars(...)]`, `#[serde(...)]` and doc comments only shape
//! that schema.

use std::borrow::Cow;
use std::collections::BTreeMap;

use chrono::{NaiveDate, NaiveTime};
use schemars::{json_schema, JsonSchema, Schema, SchemaGenerator};
use toml::Spanned;

use super::VisitTime;

/// A visitprep intake: what a patient wants the doctor to know, and to ask.
#[derive(Default, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(title = "visitprep intake")]
pub(super) struct RawIntake {
    /// The guide to follow: a built-in guide id (see `visitprep guides`), or the path of a guide
    /// file, relative to the intake.
    #[schemars(with = "String", required, example = "nocturnal-leg-cramps")]
    pub(super) guide: Option<Spanned<String>>,
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
#[derive(Default, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(super) struct RawPatient {
    /// Full name, as on the health insurance card.
    #[schemars(with = "String", required, length(min = 1))]
    pub(super) name: Option<Spanned<String>>,
    /// Date of birth, year-month-day without quotes (1950-04-04), or as you write it, in
    /// quotes: "4 April 1950", "April 4, 1950". The age is worked out from it.
    #[schemars(with = "Option<SchemaDate>")]
    pub(super) born: Option<Spanned<NaiveDate>>,
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
#[derive(Default, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(super) struct RawVisit {
    /// The day of the visit, or the day and time, without quotes and without a time zone
    /// (2026-12-02 or 2026-12-02T09:30:00), or as you write it, in quotes: "2 December 2026
    /// at 9:30am", "2026-12-02 9:30am".
    #[schemars(with = "Option<SchemaVisitTime>")]
    pub(super) when: Option<Spanned<VisitTime>>,
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
    /// The language the sheet prints its own words in: "en" (English), "es" (Spanish) or
    /// "fr" (French), or its name ("Spanish", "español"). Without it, the language of
    /// `patient.language` when the sheet has it, else English.
    #[schemars(with = "Option<String>", example = &"es")]
    pub(super) sheet_language: Option<Spanned<String>>,
}

/// Other illnesses, allergies and notes.
#[derive(Default, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(super) struct RawHealth {
    /// Other illnesses, one string each; `["none"]` is read as `no_other_illnesses = true`.
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    pub(super) conditions: Vec<Spanned<String>>,
    /// Allergies, and what happens; `["none"]` is read as `no_known_allergies = true`.
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    pub(super) allergies: Vec<Spanned<String>>,
    /// Anything else the doctor should know.
    pub(super) notes: Option<String>,
    /// You have no known allergies: printed as "No known allergies", never as an allergy.
    /// Leave `allergies` empty then.
    #[serde(default)]
    #[schemars(with = "bool")]
    pub(super) no_known_allergies: Option<Spanned<bool>>,
    /// You take no medicines at all: leave out the `[[medications]]` blocks then.
    #[serde(default)]
    #[schemars(with = "bool")]
    pub(super) no_medicines: Option<Spanned<bool>>,
    /// You have no other illnesses: leave `conditions` empty then.
    #[serde(default)]
    #[schemars(with = "bool")]
    pub(super) no_other_illnesses: Option<Spanned<bool>>,
}

/// One medicine.
#[derive(Default, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(super) struct RawMedication {
    /// The medicine's name, as on the box.
    #[schemars(with = "String", required, length(min = 1))]
    pub(super) name: Option<Spanned<String>>,
    /// How much each time, e.g. "12.5 mg".
    pub(super) dose: Option<String>,
    pub(super) how_often: Option<String>,
    /// What it is for.
    pub(super) reason: Option<String>,
    pub(super) note: Option<String>,
    /// Taken since this day, year-month-day without quotes, or as you write it, in quotes.
    #[schemars(with = "Option<SchemaDate>")]
    pub(super) since: Option<Spanned<NaiveDate>>,
    /// Only taken when needed.
    #[serde(default)]
    pub(super) as_needed: bool,
}

/// One night in the symptom diary.
#[derive(Default, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(super) struct RawDiaryEntry {
    /// The night, year-month-day without quotes, or as you write it, in quotes.
    #[schemars(with = "SchemaDate", required)]
    pub(super) night: Option<Spanned<NaiveDate>>,
    /// Time of day without quotes, e.g. 03:10:00, or in quotes as you write it: "3:10am".
    #[schemars(with = "Option<SchemaTime>")]
    pub(super) at: Option<Spanned<NaiveTime>>,
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
#[derive(Default, JsonSchema)]
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
#[derive(Default, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(super) struct RawChecklist {
    /// Ids of the checklist items already done; they print ticked.
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    pub(super) done: Vec<Spanned<String>>,
}

/// A TOML local date (`1956-03-14`), which is a string once the file is seen as JSON, or a
/// date as people write it ("4 April 1950", "April 4, 1950", "1950-4-4").
struct SchemaDate;

impl JsonSchema for SchemaDate {
    fn inline_schema() -> bool {
        true
    }

    fn schema_name() -> Cow<'static, str> {
        "Date".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "anyOf": [
                { "type": "string", "format": "date" },
                { "type": "string", "pattern": format!("^\\s*({})\\.?\\s*$", written_date()) }
            ]
        })
    }
}

/// A TOML local date, or local date and time (`2026-12-02T09:30:00`), never with a time zone;
/// or a day and time as people write them ("2 December 2026 at 9:30am").
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
                { "type": "string", "pattern": LOCAL_DATE_TIME },
                {
                    "type": "string",
                    "pattern": format!(
                        "^\\s*({})((\\s+|[Tt])({}\\s+)?({}))?\\.?\\s*$",
                        written_date(),
                        any_case("at"),
                        written_time()
                    )
                }
            ]
        })
    }
}

/// A TOML local time (`03:10:00`), or a time as people write it ("3:10am"). JSON Schema's
/// `time` format demands a time zone, which a TOML local time never has, so a pattern
/// describes it.
struct SchemaTime;

impl JsonSchema for SchemaTime {
    fn inline_schema() -> bool {
        true
    }

    fn schema_name() -> Cow<'static, str> {
        "Time".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "anyOf": [
                { "type": "string", "pattern": LOCAL_TIME },
                { "type": "string", "pattern": format!("^\\s*({})\\s*$", written_time()) }
            ]
        })
    }
}

const LOCAL_TIME: &str = r"^([01][0-9]|2[0-3]):[0-5][0-9](:[0-5][0-9](\.[0-9]+)?)?$";
const LOCAL_DATE_TIME: &str =
    r"^[0-9]{4}-[0-9]{2}-[0-9]{2}[Tt ]([01][0-9]|2[0-3]):[0-5][0-9](:[0-5][0-9](\.[0-9]+)?)?$";

/// A word in any case, for a JSON Schema pattern (which has no flag for that): `[Mm][Aa][Yy]`.
fn any_case(word: &str) -> String {
    word.chars()
        .map(|c| format!("[{}{}]", c.to_ascii_uppercase(), c.to_ascii_lowercase()))
        .collect()
}

/// The dates the intake's reader takes as written (`dates::read_date` without a today), as
/// a pattern: wider than the reader where a pattern cannot tell (31 April, a numeric date
/// that reads two ways), which `visitprep check` then reports.
fn written_date() -> String {
    let month = [
        ("jan", "uary"),
        ("feb", "ruary"),
        ("mar", "ch"),
        ("apr", "il"),
        ("may", ""),
        ("jun", "e"),
        ("jul", "y"),
        ("aug", "ust"),
        ("sep", "tember"),
        ("oct", "ober"),
        ("nov", "ember"),
        ("dec", "ember"),
    ]
    .iter()
    .map(|(short, rest)| match (*short, *rest) {
        (s, "") => any_case(s),
        ("sep", r) => format!(
            "{}({}({})?)?",
            any_case("sep"),
            any_case("t"),
            any_case(&r[1..])
        ),
        (s, r) => format!("{}({})?", any_case(s), any_case(r)),
    })
    .collect::<Vec<_>>()
    .join("|");
    let weekday = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
        .iter()
        .map(|d| any_case(d))
        .collect::<Vec<_>>()
        .join("|");
    let day = r"[0-9]{1,2}([Ss][Tt]|[Nn][Dd]|[Rr][Dd]|[Tt][Hh])?";
    let year = "[1-9][0-9]{3}";
    format!(
        r"(({weekday})[A-Za-z]*\.?,?\s+)?({day}\s+({of}\s+)?({month})\.?,?\s+{year}|({month})\.?\s+{day},?\s+{year})|[0-9]{{4}}[-/.][0-9]{{1,2}}[-/.][0-9]{{1,2}}|[0-9]{{1,2}}[-/.][0-9]{{1,2}}[-/.][0-9]{{4}}",
        of = any_case("of"),
    )
}

/// The times of day the reader takes (`dates::read_time`), as a pattern.
fn written_time() -> String {
    let half = r"\s*[AaPp]\.?[Mm]\.?";
    format!(
        r"[0-9]{{1,2}}{half}|[0-9]{{1,2}}[:.][0-9]{{2}}([:.][0-9]{{2}})?({half})?|{}|{}|{}",
        any_case("noon"),
        any_case("midday"),
        any_case("midnight")
    )
}
