//! The intake file: what the patient wrote, read and checked against the contract in the
//! README. Every problem is reported with its line, column and field, all at once.

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::ops::Range;
use std::path::{Path, PathBuf};

use chrono::{NaiveDate, NaiveDateTime, NaiveTime};
use schemars::transform::{RecursiveTransform, RestrictFormats};
use schemars::{generate::SchemaSettings, json_schema, JsonSchema, Schema, SchemaGenerator};
use serde::Deserialize;
use toml::value::Datetime;
use toml::Spanned;

use crate::diagnostic::{did_you_mean, shorten, Diagnostic, Report, SourceFile};
use crate::guide::{self, Guide, GuideError};

/// Files larger than this are refused before parsing: no honest intake comes near it.
pub const MAX_INTAKE_BYTES: u64 = crate::input::MAX_TEXT_BYTES;

/// A checked intake, in the patient's terms.
#[derive(Debug, Clone, PartialEq)]
pub struct Intake {
    /// The `guide` value as written.
    pub guide: String,
    pub patient: Patient,
    pub visit: Visit,
    /// Doctor-question id → the patient's answer.
    pub answers: BTreeMap<String, String>,
    pub health: Health,
    pub medications: Vec<Medication>,
    pub diary: Vec<DiaryEntry>,
    pub own_questions: Vec<String>,
    pub skipped_questions: Vec<String>,
    pub checklist_done: Vec<String>,
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Patient {
    pub name: String,
    pub born: Option<NaiveDate>,
    pub sex: Option<String>,
    pub pregnant: bool,
    pub pregnancy_week: Option<u8>,
    pub phone: Option<String>,
    pub language: Option<String>,
    pub emergency_contact: Option<String>,
    /// Communication and access needs: glasses, a hearing aid, an interpreter, a wheelchair.
    pub needs: Vec<String>,
    /// Who filled in the intake, when it is not the patient.
    pub filled_in_by: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Visit {
    pub when: Option<VisitTime>,
    pub clinic: Option<String>,
    pub department: Option<String>,
    pub doctor: Option<String>,
    pub companion: Option<String>,
    pub reason: Option<String>,
    /// What worries the patient, most important first.
    pub concerns: Vec<String>,
    /// What the patient hopes to get from the visit.
    pub goal: Option<String>,
}

/// A visit is booked for a day, or for a day and a time.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum VisitTime {
    Day(NaiveDate),
    DayAndTime(NaiveDateTime),
}

impl VisitTime {
    pub fn date(&self) -> NaiveDate {
        match self {
            VisitTime::Day(d) => *d,
            VisitTime::DayAndTime(dt) => dt.date(),
        }
    }

    pub fn time(&self) -> Option<NaiveTime> {
        match self {
            VisitTime::Day(_) => None,
            VisitTime::DayAndTime(dt) => Some(dt.time()),
        }
    }
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Health {
    pub conditions: Vec<String>,
    pub allergies: Vec<String>,
    pub notes: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Medication {
    pub name: String,
    pub dose: Option<String>,
    pub how_often: Option<String>,
    pub reason: Option<String>,
    pub note: Option<String>,
    pub since: Option<NaiveDate>,
    pub as_needed: bool,
}

/// One night in the cramp log.
#[derive(Debug, Clone, PartialEq)]
pub struct DiaryEntry {
    pub night: NaiveDate,
    pub at: Option<NaiveTime>,
    pub minutes: Option<f64>,
    pub place: Option<String>,
    pub severity: Option<u8>,
    pub note: Option<String>,
}

/// Why an intake could not be used.
#[derive(Debug)]
pub enum IntakeError {
    /// The file itself, or its contents, break the contract.
    Invalid(Report),
    /// The guide it names is itself broken.
    Guide(Report),
}

impl std::fmt::Display for IntakeError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            IntakeError::Invalid(r) | IntakeError::Guide(r) => r.fmt(f),
        }
    }
}

impl std::error::Error for IntakeError {}

impl IntakeError {
    pub fn report(&self) -> &Report {
        match self {
            IntakeError::Invalid(r) | IntakeError::Guide(r) => r,
        }
    }
}

/// An intake with the guide it names.
#[derive(Debug, Clone)]
pub struct LoadedIntake {
    pub path: PathBuf,
    pub intake: Intake,
    pub guide: Guide,
}

/// How an intake read from standard input (`-`) is named in messages.
pub const STDIN_NAME: &str = "<stdin>";

/// Reads, parses and checks an intake file, and loads its guide. The path `-` reads the
/// intake from standard input; a guide path in it is then taken from the current folder.
pub fn load(path: &Path) -> Result<LoadedIntake, IntakeError> {
    load_with_warnings(path).map(|(loaded, _)| loaded)
}

/// As [`load`], with what is unlikely but possible (a pregnancy at 70, a template not yet
/// filled in), each warning in a report of its own file.
pub fn load_with_warnings(path: &Path) -> Result<(LoadedIntake, Report), IntakeError> {
    load_with_source(path).map(|(loaded, warnings, _)| (loaded, warnings))
}

/// As [`load_with_warnings`], also giving the file's text exactly as read (a sheet carries it).
pub fn load_with_source(path: &Path) -> Result<(LoadedIntake, Report, String), IntakeError> {
    let (shown, dir) = if path == Path::new("-") {
        (Path::new(STDIN_NAME), Path::new("."))
    } else if crate::input::is_stream(path) {
        // `/dev/stdin`, `<(...)`: a guide path is taken from the current folder, as for `-`.
        (path, Path::new("."))
    } else {
        (path, path.parent().unwrap_or(Path::new(".")))
    };
    let text = read_text(path, shown).map_err(IntakeError::Invalid)?;
    let (intake, guide, warnings) = parse_with_warnings(shown, &text, dir)?;
    Ok((
        LoadedIntake {
            path: path.to_path_buf(),
            intake,
            guide,
        },
        warnings,
        text,
    ))
}

/// The intake's bytes as text; `shown` is how the file is named in messages.
fn read_text(path: &Path, shown: &Path) -> Result<String, Report> {
    let fail = |message: String, help: &str| {
        Report::about_file(shown, Diagnostic::new(message).help(help.to_string()))
    };
    let read = if path == Path::new("-") {
        crate::input::read_from(std::io::stdin().lock(), MAX_INTAKE_BYTES)
    } else {
        crate::input::read(path, MAX_INTAKE_BYTES)
    };
    let bytes = read.map_err(|e| match e {
        crate::input::ReadError::Folder => fail(
            "this is a folder, not an intake file".into(),
            "name the intake's .toml file",
        ),
        crate::input::ReadError::TooLarge { .. } => fail(
            "the input is larger than 1 MiB; an intake may be at most 1 MiB".into(),
            "is this the right file? An intake is a short text file",
        ),
        crate::input::ReadError::Io(e) if e.kind() == std::io::ErrorKind::NotFound => fail(
            format!("cannot read the intake file: {e}"),
            "check the file name; `visitprep new -o intake.toml` writes one to fill in",
        ),
        other => fail(
            format!("cannot read the intake file: {other}"),
            "check the file's permissions",
        ),
    })?;
    String::from_utf8(bytes).map_err(|e| {
        let offset = e.utf8_error().valid_up_to();
        let text = String::from_utf8_lossy(e.as_bytes()).into_owned();
        let file = SourceFile {
            path: shown.to_path_buf(),
            text,
        };
        let (line, col) = file.line_col(offset);
        Report::single(
            file,
            Diagnostic::new(format!(
                "the file is not UTF-8 text (bad byte at line {line}, column {col})"
            ))
            .at(Some(offset..offset + 1))
            .help("save the file as UTF-8 text in your editor (\"Save as\" → encoding UTF-8)"),
        )
    })
}

/// Parses and checks intake text; `dir` is where a guide path is looked up.
pub fn parse(path: &Path, text: &str, dir: &Path) -> Result<(Intake, Guide), IntakeError> {
    parse_with_warnings(path, text, dir).map(|(intake, guide, _)| (intake, guide))
}

/// As [`parse`], with the warnings about what is unlikely but possible. When the intake is
/// refused, its report holds the warnings too, after the errors.
pub fn parse_with_warnings(
    path: &Path,
    text: &str,
    dir: &Path,
) -> Result<(Intake, Guide, Report), IntakeError> {
    let file = SourceFile {
        path: path.to_path_buf(),
        text: text.to_string(),
    };
    let syntax = |e: toml::de::Error| {
        IntakeError::Invalid(Report::single(file.clone(), explain_toml_error(&e, text)))
    };
    let table = toml::de::DeTable::parse(text).map_err(syntax)?;
    let mut problems = Vec::new();
    let raw: RawIntake = match RawIntake::deserialize(toml::de::Deserializer::from(table)) {
        Ok(raw) => raw,
        // serde stops at the first problem. Unknown keys are then taken out of every table
        // and reported all together, so a typo in one table does not hide the problems of
        // the others. (Only here: a valid intake never pays for the walk.)
        Err(_) => {
            let mut table = toml::de::DeTable::parse(text).map_err(syntax)?;
            problems = take_unknown_keys(table.get_mut());
            match RawIntake::deserialize(toml::de::Deserializer::from(table)) {
                Ok(raw) => raw,
                Err(e) => {
                    problems.push(explain_toml_error(&e, text));
                    return Err(IntakeError::Invalid(Report {
                        file,
                        diagnostics: problems,
                    }));
                }
            }
        }
    };

    let guide = match guide::resolve(raw.guide.get_ref(), dir) {
        Ok(g) => g,
        Err(GuideError::Invalid(report)) => return Err(IntakeError::Guide(report)),
        Err(GuideError::Unknown {
            reference,
            suggestion,
            file_missing,
        }) => {
            let known: Vec<&str> = Guide::built_in_ids().collect();
            let mut d = Diagnostic::new(if file_missing {
                format!("there is no guide file `{reference}`")
            } else {
                format!("unknown guide `{reference}`")
            })
            .at(Some(raw.guide.span()))
            .field("guide");
            d = match suggestion {
                Some(s) => d.label(format!("did you mean `{s}`?")),
                None if file_missing => d.label("no such file beside the intake"),
                None => d.label("not a built-in guide"),
            };
            d = d.help(format!(
                "the built-in guides are: {}; a guide file is named by its path, relative to the intake",
                known.join(", ")
            ));
            problems.push(d);
            return Err(IntakeError::Invalid(Report {
                file,
                diagnostics: problems,
            }));
        }
        Err(GuideError::NotAFile { kind, .. }) => {
            problems.push(
                Diagnostic::new(format!(
                    "the guide `{}` is {}, not a guide file",
                    raw.guide.get_ref(),
                    kind.described()
                ))
                .at(Some(raw.guide.span()))
                .field("guide")
                .help("name a guide's .toml file, relative to the intake, or a built-in guide"),
            );
            return Err(IntakeError::Invalid(Report {
                file,
                diagnostics: problems,
            }));
        }
    };

    let mut check = Checker {
        problems,
        warnings: Vec::new(),
    };
    check.plausibility(&raw, crate::generation_time().date());
    let intake = check.intake(raw, &guide);
    if check.problems.is_empty() {
        let warnings = Report {
            file,
            diagnostics: check.warnings,
        };
        Ok((intake, guide, warnings))
    } else {
        let mut diagnostics = check.problems;
        diagnostics.extend(check.warnings);
        Err(IntakeError::Invalid(Report { file, diagnostics }))
    }
}

// --- What serde reads. Spans are kept wherever a later check may need to point. ---
//
// The same types describe the file as a JSON Schema (`visitprep schema`), so an editor checks
// exactly what the parser accepts. `#[schemars(...)]` and doc comments only shape that schema;
// they do not change how serde reads the file.

/// A visitprep intake: what a patient wants the doctor to know, and to ask.
#[derive(Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(title = "visitprep intake")]
struct RawIntake {
    /// The guide to follow: a built-in guide id (see `visitprep guides`), or the path of a guide
    /// file, relative to the intake.
    #[schemars(with = "String", example = "nocturnal-leg-cramps")]
    guide: Spanned<String>,
    patient: RawPatient,
    #[serde(default)]
    visit: RawVisit,
    /// Answers to the guide's questions, keyed by question id. A question left out is printed
    /// with lines to write on.
    #[serde(default)]
    #[schemars(with = "BTreeMap<String, String>")]
    answers: BTreeMap<Spanned<String>, Spanned<String>>,
    #[serde(default)]
    health: RawHealth,
    /// The medicines you take, one `[[medications]]` block each. Keep these blocks at the end
    /// of the file: a line after `[[medications]]` belongs to that medicine.
    #[serde(default)]
    medications: Vec<RawMedication>,
    /// A symptom diary, one `[[diary]]` block for each night with symptoms.
    #[serde(default)]
    diary: Vec<RawDiaryEntry>,
    #[serde(default)]
    questions: RawQuestions,
    #[serde(default)]
    checklist: RawChecklist,
}

/// Who the sheet is for.
#[derive(Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
struct RawPatient {
    /// Full name, as on the health insurance card.
    #[schemars(with = "String", length(min = 1))]
    name: Spanned<String>,
    /// Date of birth, year-month-day without quotes; the age is worked out from it.
    #[schemars(with = "Option<SchemaDate>")]
    born: Option<Spanned<Datetime>>,
    sex: Option<String>,
    /// Pregnant now? Adds the pregnancy questions and advice.
    #[serde(default)]
    pregnant: bool,
    /// Current week of pregnancy; needs `pregnant = true`.
    #[schemars(with = "Option<i64>", range(min = 1, max = 45))]
    pregnancy_week: Option<Spanned<i64>>,
    phone: Option<String>,
    /// The language you prefer to speak with the doctor.
    language: Option<String>,
    /// Who to call in an emergency, with their phone number.
    emergency_contact: Option<String>,
    /// What helps you take part in the visit: glasses, a hearing aid, an interpreter, a
    /// wheelchair, easy-read information, more time.
    #[serde(default)]
    needs: Vec<String>,
    /// Who filled in this file, when it is not you: "Anna Example (daughter)".
    filled_in_by: Option<String>,
}

/// The appointment.
#[derive(Deserialize, Default, JsonSchema)]
#[serde(deny_unknown_fields)]
struct RawVisit {
    /// The day of the visit, or the day and time, without quotes and without a time zone:
    /// 2026-12-02 or 2026-12-02T09:30:00.
    #[schemars(with = "Option<SchemaVisitTime>")]
    when: Option<Spanned<Datetime>>,
    /// Hospital, clinic or practice.
    clinic: Option<String>,
    department: Option<String>,
    doctor: Option<String>,
    /// Who comes along (named on the checklist).
    companion: Option<String>,
    /// In one or two sentences: why you are going.
    reason: Option<String>,
    /// What worries you, most important first. The first three are on the sheet's first page.
    #[serde(default)]
    concerns: Vec<String>,
    /// What you hope to get from the visit.
    goal: Option<String>,
}

/// Other illnesses, allergies and notes.
#[derive(Deserialize, Default, JsonSchema)]
#[serde(deny_unknown_fields)]
struct RawHealth {
    #[serde(default)]
    conditions: Vec<String>,
    /// Allergies, and what happens.
    #[serde(default)]
    allergies: Vec<String>,
    /// Anything else the doctor should know.
    notes: Option<String>,
}

/// One medicine.
#[derive(Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
struct RawMedication {
    /// The medicine's name, as on the box.
    #[schemars(with = "String", length(min = 1))]
    name: Spanned<String>,
    /// How much each time, e.g. "12.5 mg".
    dose: Option<String>,
    how_often: Option<String>,
    /// What it is for.
    reason: Option<String>,
    note: Option<String>,
    /// Taken since this day, year-month-day without quotes.
    #[schemars(with = "Option<SchemaDate>")]
    since: Option<Spanned<Datetime>>,
    /// Only taken when needed.
    #[serde(default)]
    as_needed: bool,
}

/// One night in the symptom diary.
#[derive(Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
struct RawDiaryEntry {
    /// The night, year-month-day without quotes.
    #[schemars(with = "SchemaDate")]
    night: Spanned<Datetime>,
    /// Time of day without quotes, e.g. 03:10:00.
    #[schemars(with = "Option<SchemaTime>")]
    at: Option<Spanned<Datetime>>,
    /// How long it lasted, in minutes.
    #[schemars(with = "Option<f64>", extend("exclusiveMinimum" = 0))]
    minutes: Option<Spanned<f64>>,
    /// Where in the body.
    #[serde(rename = "where")]
    place: Option<String>,
    /// From 0 (no pain) to 10 (the worst pain you can imagine).
    #[schemars(with = "Option<i64>", range(min = 0, max = 10))]
    severity: Option<Spanned<i64>>,
    note: Option<String>,
}

/// Your own questions for the doctor.
#[derive(Deserialize, Default, JsonSchema)]
#[serde(deny_unknown_fields)]
struct RawQuestions {
    /// Questions in your own words, each printed with room for the answer.
    #[serde(default)]
    own: Vec<String>,
    /// Ids of the guide's suggested questions to leave off the sheet.
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    skip: Vec<Spanned<String>>,
}

/// The preparation checklist.
#[derive(Deserialize, Default, JsonSchema)]
#[serde(deny_unknown_fields)]
struct RawChecklist {
    /// Ids of the checklist items already done; they print ticked.
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    done: Vec<Spanned<String>>,
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

/// The JSON Schema (draft 2020-12) of an intake file, read as JSON: TOML dates and times are
/// strings there. Generated from the types the parser reads, so the two cannot drift apart.
pub fn json_schema() -> Schema {
    let mut schema = SchemaSettings::draft2020_12()
        .with(|s| s.inline_subschemas = true)
        .with_transform(RecursiveTransform(|s: &mut Schema| drop_null(s)))
        .with_transform(RestrictFormats::default())
        .into_generator()
        .into_root_schema_for::<RawIntake>();
    describe_answers(&mut schema);
    schema
}

/// TOML has no null: an optional field is left out, never set to null.
fn drop_null(schema: &mut Schema) {
    let Some(obj) = schema.as_object_mut() else {
        return;
    };
    if let Some(serde_json::Value::Array(types)) = obj.get_mut("type") {
        types.retain(|t| t != "null");
        if types.len() == 1 {
            let only = types.remove(0);
            obj.insert("type".into(), only);
        }
    }
    let null = serde_json::json!({ "type": "null" });
    if let Some(serde_json::Value::Array(any)) = obj.get_mut("anyOf") {
        any.retain(|s| *s != null);
        if any.len() == 1 {
            if let Some(serde_json::Value::Object(only)) = any.pop() {
                obj.remove("anyOf");
                for (k, v) in only {
                    obj.entry(k).or_insert(v);
                }
            }
        }
    }
}

/// Lists the built-in guides' question ids under `answers`, so an editor can offer them.
/// Other ids stay allowed: a guide file may have its own questions.
fn describe_answers(schema: &mut Schema) {
    let mut known: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for id in Guide::built_in_ids() {
        let Some(guide) = Guide::built_in(id) else {
            continue;
        };
        for q in &guide.doctor_questions {
            known
                .entry(q.id.clone())
                .or_default()
                .push(format!("{} {} (guide `{}`)", q.text, q.hint, guide.id));
        }
    }
    let Some(answers) = schema
        .as_object_mut()
        .and_then(|o| o.get_mut("properties"))
        .and_then(|p| p.get_mut("answers"))
        .and_then(|a| a.as_object_mut())
    else {
        return;
    };
    let ids: Vec<&str> = known.keys().map(String::as_str).collect();
    let description = answers
        .get("description")
        .and_then(|d| d.as_str())
        .unwrap_or_default()
        .to_string();
    answers.insert(
        "description".into(),
        format!(
            "{description}\n\nQuestion ids of the built-in guides: {}.",
            ids.join(", ")
        )
        .into(),
    );
    let properties: serde_json::Map<String, serde_json::Value> = known
        .into_iter()
        .map(|(id, texts)| {
            (
                id,
                serde_json::json!({ "type": "string", "description": texts.join("\n\n") }),
            )
        })
        .collect();
    answers.insert("properties".into(), properties.into());
}

/// Top-level keys, for suggestions and for spotting keys that fell into an array table.
const TOP_LEVEL: &[&str] = &[
    "guide",
    "patient",
    "visit",
    "answers",
    "health",
    "medications",
    "diary",
    "questions",
    "checklist",
];

/// Keys of the plain tables: one of these inside `[[medications]]` was meant for its own table.
const TABLE_KEYS: &[(&str, &[&str])] = &[
    (
        "patient",
        &[
            "name",
            "born",
            "sex",
            "pregnant",
            "pregnancy_week",
            "phone",
            "language",
            "emergency_contact",
            "needs",
            "filled_in_by",
        ],
    ),
    (
        "visit",
        &[
            "when",
            "clinic",
            "department",
            "doctor",
            "companion",
            "reason",
            "concerns",
            "goal",
        ],
    ),
    ("health", &["conditions", "allergies", "notes"]),
    ("questions", &["own", "skip"]),
    ("checklist", &["done"]),
];

/// Turns a toml/serde error into a diagnostic a non-programmer can act on.
fn explain_toml_error(e: &toml::de::Error, text: &str) -> Diagnostic {
    let message = e.message().trim().to_string();
    // The parser cannot place some errors (keys nested beyond its limit): name a line anyway.
    let span = e.span().or_else(|| guide::deepest_line(text));
    let table = span.as_ref().map(|s| enclosing_table(text, s.start));
    let mut d = Diagnostic::new(message.clone()).at(span.clone());

    if let Some(rest) = message.strip_prefix("unknown field `") {
        let (field, expected) = rest.split_once('`').unwrap_or((rest, ""));
        let candidates: Vec<&str> = expected
            .split('`')
            .skip(1)
            .step_by(2)
            .filter(|s| !s.is_empty())
            .collect();
        let within = table.clone().unwrap_or_default();
        let path = if within.is_empty() {
            field.to_string()
        } else {
            format!("{within}.{field}")
        };
        return unknown_field(field, &within, path, &candidates, span);
    }
    if let Some(rest) = message.strip_prefix("missing field `") {
        let field = rest.split('`').next().unwrap_or(rest);
        let within = table.unwrap_or_default();
        let (path, help) = match (within.as_str(), field) {
            ("", "patient") => (
                "patient".to_string(),
                "add a [patient] table with at least `name = \"Your Name\"`".to_string(),
            ),
            ("", "guide") => (
                "guide".to_string(),
                "add `guide = \"nocturnal-leg-cramps\"` (or `general`) as the first line"
                    .to_string(),
            ),
            ("", f) => (f.to_string(), format!("add `{f}`")),
            (t, f) => (
                format!("{t}.{f}"),
                format!("add `{f} = ...` to this {t} entry"),
            ),
        };
        let d = Diagnostic::new(format!("`{path}` is missing"))
            .at(if within.is_empty() { None } else { e.span() })
            .field(path);
        return d.help(help);
    }
    // Everything below concerns one value or key: name its field when the line shows it.
    let key = span.as_ref().and_then(|s| key_before(text, s.start));
    let within = table.unwrap_or_default();
    // In an array of tables, the entry too: `diary[2].severity`, as the other checks name it.
    let entry = match (within.as_str(), span.as_ref()) {
        ("medications" | "diary", Some(s)) => entry_index(text, &within, s.start),
        _ => None,
    };
    let path = key.as_ref().map(|k| match entry {
        _ if within.is_empty() => k.clone(),
        Some(i) => format!("{within}[{i}].{k}"),
        None => format!("{within}.{k}"),
    });
    if let Some(p) = &path {
        d = d.field(p.clone());
    }
    if message == "recursion limit" {
        d.message = "keys are nested too deeply (more than 80 levels)".into();
        return d.help("an intake needs at most two levels, like [patient] then name = \"...\"");
    }
    if message.starts_with("invalid type") {
        d.message = plain_types(&message);
        if let Some(k) = &key {
            d = d.help(type_help(k));
        }
        return d.label("wrong kind of value");
    }
    if message.contains("duplicate key") {
        let key_here = span
            .as_ref()
            .and_then(|s| text.get(s.clone()))
            .map(|k| k.trim().trim_matches('"').to_string())
            .filter(|k| !k.is_empty());
        if let Some(k) = key_here {
            let place = if within.is_empty() {
                "at the top of the file".to_string()
            } else {
                format!("in [{within}]")
            };
            d.message = format!("`{k}` appears twice {place}");
            d = d.field(if within.is_empty() {
                k
            } else {
                format!("{within}.{k}")
            });
        }
        return d
            .label("second time")
            .help("each key may appear once per table: remove one of the two, or merge them");
    }
    if message.contains("invalid basic string")
        || message.contains("unterminated")
        || message.contains("missing closing quote")
        || message.contains("invalid string")
    {
        return d.help("text goes between double quotes on one line: key = \"text\"; for several lines use three quotes \"\"\" ... \"\"\"");
    }
    if message.contains("date") || message.contains("time") {
        if let Some(written) = span.as_ref().and_then(|s| text.get(s.clone())) {
            let written = written.trim();
            d.message = match impossible_day(written) {
                Some(why) => format!("{} is not a real day: {why}", shorten(written, 40)),
                None => format!(
                    "{} is not a valid date or time: {message}",
                    shorten(written, 40)
                ),
            };
        }
        return d
            .label("not a real date or time")
            .help("write dates as year-month-day (1956-03-14) and times as 09:30:00, without quotes; check the day exists in that month");
    }
    d.help("see the intake reference in the README; `visitprep new` writes a file to start from")
}

/// A key the intake format does not have, in table `within` (`medications` for any of its
/// entries), with the keys that table does have.
fn unknown_field(
    field: &str,
    within: &str,
    path: String,
    candidates: &[&str],
    span: Option<Range<usize>>,
) -> Diagnostic {
    let field = shorten(field, 60);
    let d = Diagnostic::new(format!("unknown field `{field}`"))
        .at(span)
        .field(path);
    let array_table = within == "medications" || within == "diary";
    let belongs_to = TABLE_KEYS
        .iter()
        .find(|(_, keys)| keys.contains(&field.as_str()))
        .map(|(t, _)| *t);
    if array_table
        && !candidates.contains(&field.as_str())
        && (belongs_to.is_some() || TOP_LEVEL.contains(&field.as_str()))
    {
        let home = belongs_to.unwrap_or("the top of the file");
        let home = if belongs_to.is_some() {
            format!("[{home}]")
        } else {
            home.to_string()
        };
        return d
            .label(format!("this landed in the last [[{within}]] entry"))
            .help(format!(
                "in TOML, every key after a [[{within}]] line belongs to that entry until the next [table] line; \
                 move `{field}` above the first [[{within}]] line, into {home}"
            ));
    }
    match did_you_mean(&field, candidates.iter().copied()) {
        Some(s) => d
            .label(format!("did you mean `{s}`?"))
            .help(format!("rename `{field}` to `{s}`")),
        None => d
            .label("not part of the intake format")
            .help(if candidates.is_empty() {
                "remove it, or see the intake reference in the README".to_string()
            } else {
                format!("the known fields here are: {}", candidates.join(", "))
            }),
    }
}

/// The keys each table of the intake may have, read from the JSON Schema (itself generated
/// from the types serde reads), so the two never disagree.
fn intake_schema() -> &'static serde_json::Value {
    static SCHEMA: std::sync::OnceLock<serde_json::Value> = std::sync::OnceLock::new();
    SCHEMA.get_or_init(|| serde_json::to_value(json_schema()).unwrap_or_default())
}

/// Takes every key out of `table` that the intake format does not have, in every table and
/// every `[[medications]]` and `[[diary]]` entry, and describes each.
fn take_unknown_keys(table: &mut toml::de::DeTable<'_>) -> Vec<Diagnostic> {
    let mut problems = Vec::new();
    take_unknown_in(table, intake_schema(), "", "", &mut problems);
    problems
}

fn take_unknown_in(
    table: &mut toml::de::DeTable<'_>,
    schema: &serde_json::Value,
    within: &str,
    path: &str,
    problems: &mut Vec<Diagnostic>,
) {
    let Some(properties) = schema.get("properties").and_then(|p| p.as_object()) else {
        return;
    };
    let closed = schema.get("additionalProperties") == Some(&serde_json::Value::Bool(false));
    if closed {
        let candidates: Vec<&str> = properties.keys().map(String::as_str).collect();
        let all = std::mem::take(table);
        for (key, value) in all {
            let field = key.get_ref().as_ref();
            if properties.contains_key(field) {
                table.insert(key, value);
                continue;
            }
            let full = if path.is_empty() {
                shorten(field, 60)
            } else {
                format!("{path}.{}", shorten(field, 60))
            };
            problems.push(unknown_field(
                field,
                within,
                full,
                &candidates,
                Some(key.span()),
            ));
        }
    }
    for (key, value) in table.iter_mut() {
        let name = key.get_ref().as_ref();
        let Some(sub) = properties.get(name) else {
            continue;
        };
        let here = if path.is_empty() {
            name.to_string()
        } else {
            format!("{path}.{name}")
        };
        match value.get_mut() {
            toml::de::DeValue::Table(t) => take_unknown_in(t, sub, name, &here, problems),
            toml::de::DeValue::Array(items) => {
                let Some(item) = sub.get("items") else {
                    continue;
                };
                for (i, entry) in items.iter_mut().enumerate() {
                    if let toml::de::DeValue::Table(t) = entry.get_mut() {
                        take_unknown_in(t, item, name, &format!("{here}[{i}]"), problems);
                    }
                }
            }
            _ => {}
        }
    }
}

/// For a date written right (year-month-day) whose day the month does not have: why not,
/// in words ("February 1950 has 28 days").
fn impossible_day(written: &str) -> Option<String> {
    let date = written.get(..10)?;
    let mut parts = date.split('-');
    let (y, m, d) = (parts.next()?, parts.next()?, parts.next()?);
    if y.len() != 4 || m.len() != 2 || d.len() != 2 {
        return None;
    }
    let (y, m, d): (i32, u32, u32) = (y.parse().ok()?, m.parse().ok()?, d.parse().ok()?);
    let first = NaiveDate::from_ymd_opt(y, m, 1)?;
    let next = first.checked_add_months(chrono::Months::new(1))?;
    let days = next.signed_duration_since(first).num_days();
    if d == 0 || i64::from(d) > days {
        Some(format!("{} has {days} days", first.format("%B %Y")))
    } else {
        None
    }
}

/// serde's type names in words a patient knows.
fn plain_types(message: &str) -> String {
    // `integer `99999999999999999999` as i128`: a number beyond any whole-number type.
    if message.contains(" as i128") || message.contains(" as u128") {
        let expected = message
            .split_once(", expected ")
            .map_or("a smaller number".to_string(), |(_, e)| e.to_string());
        return plain_types(&format!("the number is far too large: expected {expected}"))
            .replace("expected expected", "expected");
    }
    message
        .replace("expected i64", "expected a whole number")
        .replace("expected u8", "expected a whole number")
        .replace("expected f64", "expected a number")
        .replace("expected a boolean", "expected true or false")
        .replace("expected a borrowed string", "expected text in quotes")
        .replace("expected a string", "expected text in quotes")
        .replace("expected a sequence", "expected a list in square brackets")
        .replace(
            "expected a TOML datetime",
            "expected a date (or time) without quotes, like 1956-03-14",
        )
        .replace(
            "expected a map",
            "expected a table, like [answers] with keys below it",
        )
        .replace("floating point `", "decimal number `")
        .replace("integer `", "whole number `")
        .replace("invalid type: ", "wrong kind of value: ")
}

fn type_help(key: &str) -> String {
    match key {
        "born" | "since" | "night" => {
            format!("`{key}` is a date written without quotes, like 2024-05-01")
        }
        "when" => "`when` is a date, or date and time, without quotes: 2026-12-02T09:30:00".into(),
        "at" => "`at` is a time without quotes, like 03:10:00".into(),
        "severity" => {
            "`severity` is a whole number from 0 (none) to 10 (worst), without quotes".into()
        }
        "minutes" => "`minutes` is a number without quotes, like 4 or 2.5".into(),
        "pregnancy_week" => {
            "`pregnancy_week` is a whole number from 1 to 45, without quotes".into()
        }
        "pregnant" | "as_needed" => format!("`{key}` is true or false, without quotes"),
        "conditions" | "allergies" | "own" | "skip" | "done" | "needs" | "concerns" => {
            format!("`{key}` is a list in square brackets: {key} = [\"first\", \"second\"]")
        }
        _ => format!("`{key}` is text between double quotes: {key} = \"...\""),
    }
}

/// The dotted name of the table a byte offset lies in, from the last `[table]` header above it.
fn enclosing_table(text: &str, offset: usize) -> String {
    // The line holding the offset counts: a span may point at the `[[table]]` header itself.
    let offset = offset.min(text.len());
    let line_end = text
        .get(offset..)
        .and_then(|rest| rest.find('\n'))
        .map_or(text.len(), |i| offset + i);
    let before = text.get(..line_end).unwrap_or(text);
    for line in before.lines().rev() {
        let t = line.trim();
        if let Some(inner) = t.strip_prefix("[[").and_then(|r| r.split("]]").next()) {
            return inner.trim().to_string();
        }
        if let Some(inner) = t.strip_prefix('[').and_then(|r| r.split(']').next()) {
            return inner.trim().to_string();
        }
    }
    String::new()
}

/// Which `[[table]]` entry a byte offset lies in, counting the headers above it.
fn entry_index(text: &str, table: &str, offset: usize) -> Option<usize> {
    let header = format!("[[{table}]]");
    let before = text.get(..offset.min(text.len()))?;
    before
        .lines()
        .filter(|l| l.trim().replace(' ', "") == header)
        .count()
        .checked_sub(1)
}

/// The key on the line of a value's span (`severity` in `severity = "high"`).
pub(crate) fn key_before(text: &str, offset: usize) -> Option<String> {
    let offset = offset.min(text.len());
    let line_start = text.get(..offset)?.rfind('\n').map_or(0, |i| i + 1);
    let line = text.get(line_start..offset)?;
    let key = line.split('=').next()?.trim().trim_matches('"');
    (!key.is_empty() && !key.contains(['[', ']', '{'])).then(|| key.to_string())
}

// --- Checks beyond types. Each problem is collected; all are reported together. ---

struct Checker {
    problems: Vec<Diagnostic>,
    /// What is possible but unlikely: shown, never silently accepted, never refused.
    warnings: Vec<Diagnostic>,
}

impl Checker {
    fn problem(&mut self, d: Diagnostic) {
        self.problems.push(d);
    }

    fn intake(&mut self, raw: RawIntake, guide: &Guide) -> Intake {
        let born = raw
            .patient
            .born
            .as_ref()
            .and_then(|b| self.date(b, "patient.born"));
        // Blank as printed: a name of only control characters is removed whole by `clean`.
        let name = clean(raw.patient.name.get_ref());
        if prints_blank(&name) {
            self.problem(
                Diagnostic::new("the patient's name is blank")
                    .at(Some(raw.patient.name.span()))
                    .field("patient.name")
                    .label("write a name here")
                    .help("the doctor needs to know whose sheet this is: name = \"Maria Example\""),
            );
        }
        let pregnancy_week = raw.patient.pregnancy_week.as_ref().and_then(|w| {
            let week = *w.get_ref();
            if (1..=45).contains(&week) {
                Some(week as u8)
            } else {
                self.problem(
                    Diagnostic::new(format!("pregnancy week {week} is not possible"))
                        .at(Some(w.span()))
                        .field("patient.pregnancy_week")
                        .label("must be from 1 to 45")
                        .help("write the current week of pregnancy, a whole number from 1 to 45"),
                );
                None
            }
        });
        if pregnancy_week.is_some() && !raw.patient.pregnant {
            let span = raw.patient.pregnancy_week.as_ref().map(|w| w.span());
            self.problem(
                Diagnostic::new("a pregnancy week is given, but `pregnant` is not true")
                    .at(span)
                    .field("patient.pregnancy_week")
                    .help("add `pregnant = true` to [patient], or remove `pregnancy_week`"),
            );
        }
        let when = raw.visit.when.as_ref().and_then(|w| self.visit_time(w));
        if let (Some(born), Some(when), Some(raw_when)) = (born, when, raw.visit.when.as_ref()) {
            if when.date() < born {
                self.problem(
                    Diagnostic::new(format!(
                        "the visit ({}) is before the birth date ({born})",
                        when.date()
                    ))
                    .at(Some(raw_when.span()))
                    .field("visit.when")
                    .label("before `patient.born`")
                    .help("check the year of the visit and of `born`"),
                );
            }
        }

        let mut answers = BTreeMap::new();
        for (id, answer) in raw.answers {
            if guide.doctor_question(id.get_ref()).is_none() {
                let ids: Vec<&str> = guide
                    .doctor_questions
                    .iter()
                    .map(|q| q.id.as_str())
                    .collect();
                let mut d = Diagnostic::new(format!(
                    "`{}` is not a question of the `{}` guide",
                    id.get_ref(),
                    guide.id
                ))
                .at(Some(id.span()))
                .field(format!("answers.{}", id.get_ref()));
                d = match did_you_mean(id.get_ref(), ids.iter().copied()) {
                    Some(s) => d
                        .label(format!("did you mean `{s}`?"))
                        .help(format!("rename it to `{s}`")),
                    None => d
                        .label("unknown question id")
                        .help(format!("the question ids are: {}", ids.join(", "))),
                };
                self.problem(d);
            } else {
                answers.insert(id.into_inner(), clean(answer.get_ref()));
            }
        }

        let mut medications = Vec::new();
        for (i, m) in raw.medications.into_iter().enumerate() {
            let name = clean(m.name.get_ref());
            if prints_blank(&name) {
                self.problem(
                    Diagnostic::new(format!("medication {} has a blank name", i + 1))
                        .at(Some(m.name.span()))
                        .field(format!("medications[{i}].name"))
                        .help("write the medicine's name as on the box, or remove this [[medications]] entry"),
                );
            }
            let since = m
                .since
                .as_ref()
                .and_then(|s| self.date(s, &format!("medications[{i}].since")));
            medications.push(Medication {
                name,
                dose: m.dose.as_deref().map(clean),
                how_often: m.how_often.as_deref().map(clean),
                reason: m.reason.as_deref().map(clean),
                note: m.note.as_deref().map(clean),
                since,
                as_needed: m.as_needed,
            });
        }

        let mut diary = Vec::new();
        for (i, e) in raw.diary.into_iter().enumerate() {
            let night = self.date(&e.night, &format!("diary[{i}].night"));
            let at =
                e.at.as_ref()
                    .and_then(|a| self.time(a, &format!("diary[{i}].at")));
            let minutes = e.minutes.as_ref().and_then(|m| {
                let v = *m.get_ref();
                if v > 0.0 && v.is_finite() {
                    Some(v)
                } else {
                    self.problem(
                        Diagnostic::new(format!("a cramp cannot last {} minutes", plain_number(v)))
                            .at(Some(m.span()))
                            .field(format!("diary[{i}].minutes"))
                            .label("must be more than 0")
                            .help("write how long the cramp lasted in minutes, e.g. 2 or 0.5"),
                    );
                    None
                }
            });
            let severity = e.severity.as_ref().and_then(|s| {
                let v = *s.get_ref();
                if (0..=10).contains(&v) {
                    Some(v as u8)
                } else {
                    self.problem(
                        Diagnostic::new(format!("severity {v} is outside the scale of 0 to 10"))
                            .at(Some(s.span()))
                            .field(format!("diary[{i}].severity"))
                            .label("must be from 0 to 10")
                            .help("0 is no pain and 10 the worst pain you can imagine"),
                    );
                    None
                }
            });
            if let Some(night) = night {
                diary.push(DiaryEntry {
                    night,
                    at,
                    minutes,
                    place: e.place.as_deref().map(clean),
                    severity,
                    note: e.note.as_deref().map(clean),
                });
            }
        }

        let patient_ids: Vec<&str> = guide
            .patient_questions
            .iter()
            .map(|q| q.id.as_str())
            .collect();
        let skipped = self.ids(
            &raw.questions.skip,
            &patient_ids,
            "questions.skip",
            "patient question",
        );
        let checklist_ids: Vec<&str> = guide.checklist.iter().map(|c| c.id.as_str()).collect();
        let done = self.ids(
            &raw.checklist.done,
            &checklist_ids,
            "checklist.done",
            "checklist item",
        );

        Intake {
            guide: raw.guide.into_inner(),
            patient: Patient {
                name,
                born,
                sex: raw.patient.sex.as_deref().map(clean),
                pregnant: raw.patient.pregnant,
                pregnancy_week,
                phone: raw.patient.phone.as_deref().map(clean),
                language: raw.patient.language.as_deref().map(clean),
                emergency_contact: raw.patient.emergency_contact.as_deref().map(clean),
                needs: raw.patient.needs.iter().map(|s| clean(s)).collect(),
                filled_in_by: raw.patient.filled_in_by.as_deref().map(clean),
            },
            visit: Visit {
                when,
                clinic: raw.visit.clinic.as_deref().map(clean),
                department: raw.visit.department.as_deref().map(clean),
                doctor: raw.visit.doctor.as_deref().map(clean),
                companion: raw.visit.companion.as_deref().map(clean),
                reason: raw.visit.reason.as_deref().map(clean),
                concerns: raw.visit.concerns.iter().map(|s| clean(s)).collect(),
                goal: raw.visit.goal.as_deref().map(clean),
            },
            answers,
            health: Health {
                conditions: raw.health.conditions.iter().map(|s| clean(s)).collect(),
                allergies: raw.health.allergies.iter().map(|s| clean(s)).collect(),
                notes: raw.health.notes.as_deref().map(clean),
            },
            medications,
            diary,
            own_questions: raw.questions.own.iter().map(|s| clean(s)).collect(),
            skipped_questions: skipped,
            checklist_done: done,
        }
    }

    fn ids(
        &mut self,
        given: &[Spanned<String>],
        known: &[&str],
        field: &str,
        what: &str,
    ) -> Vec<String> {
        let mut out = Vec::new();
        for (i, id) in given.iter().enumerate() {
            if known.contains(&id.get_ref().as_str()) {
                out.push(id.get_ref().clone());
                continue;
            }
            let mut d = Diagnostic::new(format!(
                "`{}` is not a {what} id of this guide",
                id.get_ref()
            ))
            .at(Some(id.span()))
            .field(format!("{field}[{i}]"));
            d = match did_you_mean(id.get_ref(), known.iter().copied()) {
                Some(s) => d
                    .label(format!("did you mean `{s}`?"))
                    .help(format!("rename it to `{s}`")),
                None => d
                    .label("unknown id")
                    .help(format!("the ids are: {}", known.join(", "))),
            };
            self.problem(d);
        }
        out
    }

    fn date(&mut self, value: &Spanned<Datetime>, field: &str) -> Option<NaiveDate> {
        let dt = value.get_ref();
        match (dt.date, dt.time) {
            (Some(d), None) => {
                match NaiveDate::from_ymd_opt(d.year.into(), d.month.into(), d.day.into()) {
                    Some(date) => Some(date),
                    None => {
                        self.impossible_date(value.span(), field, &dt.to_string());
                        None
                    }
                }
            }
            _ => {
                self.problem(
                    Diagnostic::new(format!("`{field}` must be a date only"))
                        .at(Some(value.span()))
                        .field(field)
                        .label("a date without a time")
                        .help("write it as year-month-day, without quotes: 2024-05-01"),
                );
                None
            }
        }
    }

    fn impossible_date(&mut self, span: Range<usize>, field: &str, written: &str) {
        self.problem(
            Diagnostic::new(format!("{written} is not a real date"))
                .at(Some(span))
                .field(field)
                .label("no such day in the calendar")
                .help("check the day and the month: year-month-day, like 1956-03-14"),
        );
    }

    fn visit_time(&mut self, value: &Spanned<Datetime>) -> Option<VisitTime> {
        let dt = value.get_ref();
        let bad_form = |this: &mut Checker| {
            this.problem(
                Diagnostic::new("`visit.when` must be a local date, or a date and time")
                    .at(Some(value.span()))
                    .field("visit.when")
                    .help("write 2026-12-02 or 2026-12-02T09:30:00, without quotes and without a time zone"),
            );
            None
        };
        if dt.offset.is_some() {
            return bad_form(self);
        }
        let date = match dt.date {
            Some(d) => match NaiveDate::from_ymd_opt(d.year.into(), d.month.into(), d.day.into()) {
                Some(date) => date,
                None => {
                    self.impossible_date(value.span(), "visit.when", &dt.to_string());
                    return None;
                }
            },
            None => return bad_form(self),
        };
        match dt.time {
            None => Some(VisitTime::Day(date)),
            Some(t) => match NaiveTime::from_hms_opt(
                t.hour.into(),
                t.minute.into(),
                t.second.unwrap_or(0).into(),
            ) {
                Some(time) => Some(VisitTime::DayAndTime(date.and_time(time))),
                None => bad_form(self),
            },
        }
    }

    fn time(&mut self, value: &Spanned<Datetime>, field: &str) -> Option<NaiveTime> {
        let dt = value.get_ref();
        match (dt.date, dt.time) {
            (None, Some(t)) => NaiveTime::from_hms_opt(
                t.hour.into(),
                t.minute.into(),
                t.second.unwrap_or(0).into(),
            ),
            _ => None,
        }
        .or_else(|| {
            self.problem(
                Diagnostic::new(format!("`{field}` must be a time of day"))
                    .at(Some(value.span()))
                    .field(field)
                    .help("write the time without quotes, like 03:10:00"),
            );
            None
        })
    }
}

// --- Plausibility: what cannot be is refused, what is unlikely is said. Kept apart from the
// checks of form above; each rule is listed in the README's intake table. ---

/// The earliest and latest years a date in an intake may have.
const YEARS: std::ops::RangeInclusive<i32> = 1900..=2200;
/// No one is older than this at a visit.
const OLDEST: i32 = 130;
/// One episode lasting longer than a day is a typo (hours for minutes, a digit too many).
const LONGEST_MINUTES: f64 = 24.0 * 60.0;
/// Pregnancy outside these ages is so rare that a typo is likelier.
const PREGNANCY_AGES: std::ops::RangeInclusive<i32> = 10..=60;

/// A date as written, when it is a real one; the checks of form report the others.
fn day_of(value: &Spanned<Datetime>) -> Option<NaiveDate> {
    let d = value.get_ref().date?;
    NaiveDate::from_ymd_opt(d.year.into(), d.month.into(), d.day.into())
}

/// A number as a person reads it: never hundreds of digits.
fn plain_number(v: f64) -> String {
    if v.is_finite() && v.abs() < 1e9 {
        format!("{v}")
    } else {
        format!("{v:e}")
    }
}

impl Checker {
    fn plausibility(&mut self, raw: &RawIntake, today: NaiveDate) {
        use chrono::Datelike;
        let mut dates: Vec<(&Spanned<Datetime>, String)> = Vec::new();
        if let Some(b) = &raw.patient.born {
            dates.push((b, "patient.born".into()));
        }
        if let Some(w) = &raw.visit.when {
            dates.push((w, "visit.when".into()));
        }
        for (i, m) in raw.medications.iter().enumerate() {
            if let Some(since) = &m.since {
                dates.push((since, format!("medications[{i}].since")));
            }
        }
        for (i, e) in raw.diary.iter().enumerate() {
            dates.push((&e.night, format!("diary[{i}].night")));
        }
        let mut out_of_range = false;
        for (value, field) in &dates {
            let Some(day) = day_of(value) else { continue };
            if !YEARS.contains(&day.year()) {
                out_of_range = true;
                self.problem(
                    Diagnostic::new(format!(
                        "{day} cannot be right: dates must be between {} and {}",
                        YEARS.start(),
                        YEARS.end()
                    ))
                    .at(Some(value.span()))
                    .field(field.as_str())
                    .label("check the year")
                    .help("write the date as year-month-day, with all four digits of the year"),
                );
            }
        }
        let visit = raw.visit.when.as_ref().and_then(day_of);
        let born = raw.patient.born.as_ref().and_then(day_of);
        if let (Some(born), Some(raw_born)) = (born, &raw.patient.born) {
            let (on, what) = match visit {
                Some(v) => (v, "at the visit"),
                None => (today, "today"),
            };
            let age = crate::sheet::age_on(born, on);
            if !out_of_range && age > OLDEST {
                self.problem(
                    Diagnostic::new(format!(
                        "the patient would be {age} years old {what}; no one is older than {OLDEST}"
                    ))
                    .at(Some(raw_born.span()))
                    .field("patient.born")
                    .label("check the year of birth")
                    .help("write the date of birth as year-month-day, e.g. 1956-03-14"),
                );
            }
            if visit.is_none() && born > today {
                self.problem(
                    Diagnostic::new(format!("the date of birth {born} is after today ({today})"))
                        .at(Some(raw_born.span()))
                        .field("patient.born")
                        .label("in the future")
                        .help("check the year of birth"),
                );
            }
            if raw.patient.pregnant && (0..=OLDEST).contains(&age) && !PREGNANCY_AGES.contains(&age)
            {
                self.warning(
                    Diagnostic::new(format!(
                        "a pregnancy at {age} years of age is unlikely; check `patient.born` and `patient.pregnant`"
                    ))
                    .at(Some(raw_born.span()))
                    .field("patient.born")
                    .label(format!("{age} years old {what}"))
                    .help("if both are right, nothing needs changing: the sheet prints them as written"),
                );
            }
            for (i, e) in raw.diary.iter().enumerate() {
                if day_of(&e.night).is_some_and(|night| night < born) {
                    self.problem(
                        Diagnostic::new(format!(
                            "diary night {} is before the birth date ({born})",
                            i + 1
                        ))
                        .at(Some(e.night.span()))
                        .field(format!("diary[{i}].night"))
                        .label("before `patient.born`")
                        .help("check the year of the night and of `born`"),
                    );
                }
            }
        }
        for (i, e) in raw.diary.iter().enumerate() {
            if let Some(m) = &e.minutes {
                let v = *m.get_ref();
                if v > LONGEST_MINUTES && v.is_finite() || v == f64::INFINITY {
                    self.problem(
                        Diagnostic::new(format!(
                            "{} minutes is more than a day (1440 minutes) for one cramp",
                            plain_number(v)
                        ))
                        .at(Some(m.span()))
                        .field(format!("diary[{i}].minutes"))
                        .label("at most 1440")
                        .help("write how long this one episode lasted, in minutes, e.g. 2 or 0.5"),
                    );
                }
            }
            if let (Some(visit), Some(night)) = (visit, day_of(&e.night)) {
                if night > visit {
                    self.warning(
                        Diagnostic::new(format!(
                            "diary night {} ({night}) is after the visit ({visit})",
                            i + 1
                        ))
                        .at(Some(e.night.span()))
                        .field(format!("diary[{i}].night"))
                        .label("after `visit.when`")
                        .help("check the year and month of the night and of the visit"),
                    );
                }
            }
        }
        for (i, m) in raw.medications.iter().enumerate() {
            let since = m.since.as_ref().and_then(|s| day_of(s).map(|d| (s, d)));
            if let (Some(visit), Some((raw_since, since))) = (visit, since) {
                if since > visit {
                    self.warning(
                        Diagnostic::new(format!(
                            "medication {} is taken since {since}, after the visit ({visit})",
                            i + 1
                        ))
                        .at(Some(raw_since.span()))
                        .field(format!("medications[{i}].since"))
                        .label("after `visit.when`")
                        .help("check the year and month of `since` and of the visit"),
                    );
                }
            }
        }
        if raw.patient.name.get_ref().trim() == crate::skeleton::NAME_TO_REPLACE {
            self.warning(
                Diagnostic::new(format!(
                    "`patient.name` is still \"{}\" from the template",
                    crate::skeleton::NAME_TO_REPLACE
                ))
                .at(Some(raw.patient.name.span()))
                .field("patient.name")
                .label("not filled in")
                .help("write the patient's name, as on the health insurance card"),
            );
        }
    }

    fn warning(&mut self, d: Diagnostic) {
        self.warnings.push(d.warning());
    }
}

/// True when text would print as nothing: only spaces and invisible format characters
/// (zero-width spaces and joiners, direction marks, the byte-order mark, soft hyphens).
pub fn prints_blank(text: &str) -> bool {
    text.chars().all(|c| {
        c.is_whitespace()
            || matches!(c,
                '\u{00AD}' | '\u{061C}' | '\u{180E}' | '\u{200B}'..='\u{200F}'
                | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{2064}' | '\u{2066}'..='\u{2069}'
                | '\u{FEFF}')
    })
}

/// Text as it will be printed: line breaks unified, tabs as spaces, control characters gone.
pub fn clean(text: &str) -> String {
    let text = text.replace("\r\n", "\n").replace('\r', "\n");
    text.chars()
        .filter_map(|c| match c {
            '\n' => Some('\n'),
            '\t' => Some(' '),
            c if c.is_control() => None,
            c => Some(c),
        })
        .collect::<String>()
        .trim_end()
        .to_string()
}

impl Intake {
    /// Every piece of text the patient wrote, with the field it came from.
    pub fn texts<'a>(&'a self) -> Vec<(String, &'a str)> {
        let mut out: Vec<(String, &str)> = Vec::new();
        let mut push = |field: String, text: Option<&'a String>| {
            if let Some(t) = text {
                out.push((field, t.as_str()));
            }
        };
        let p = &self.patient;
        push("patient.name".into(), Some(&p.name));
        push("patient.sex".into(), p.sex.as_ref());
        push("patient.phone".into(), p.phone.as_ref());
        push("patient.language".into(), p.language.as_ref());
        push(
            "patient.emergency_contact".into(),
            p.emergency_contact.as_ref(),
        );
        for (i, n) in p.needs.iter().enumerate() {
            push(format!("patient.needs[{i}]"), Some(n));
        }
        push("patient.filled_in_by".into(), p.filled_in_by.as_ref());
        let v = &self.visit;
        push("visit.clinic".into(), v.clinic.as_ref());
        push("visit.department".into(), v.department.as_ref());
        push("visit.doctor".into(), v.doctor.as_ref());
        push("visit.companion".into(), v.companion.as_ref());
        push("visit.reason".into(), v.reason.as_ref());
        for (i, c) in v.concerns.iter().enumerate() {
            push(format!("visit.concerns[{i}]"), Some(c));
        }
        push("visit.goal".into(), v.goal.as_ref());
        for (id, a) in &self.answers {
            push(format!("answers.{id}"), Some(a));
        }
        for (i, c) in self.health.conditions.iter().enumerate() {
            push(format!("health.conditions[{i}]"), Some(c));
        }
        for (i, c) in self.health.allergies.iter().enumerate() {
            push(format!("health.allergies[{i}]"), Some(c));
        }
        push("health.notes".into(), self.health.notes.as_ref());
        for (i, m) in self.medications.iter().enumerate() {
            push(format!("medications[{i}].name"), Some(&m.name));
            push(format!("medications[{i}].dose"), m.dose.as_ref());
            push(format!("medications[{i}].how_often"), m.how_often.as_ref());
            push(format!("medications[{i}].reason"), m.reason.as_ref());
            push(format!("medications[{i}].note"), m.note.as_ref());
        }
        for (i, e) in self.diary.iter().enumerate() {
            push(format!("diary[{i}].where"), e.place.as_ref());
            push(format!("diary[{i}].note"), e.note.as_ref());
        }
        for (i, q) in self.own_questions.iter().enumerate() {
            push(format!("questions.own[{i}]"), Some(q));
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse_str(text: &str) -> Result<(Intake, Guide), IntakeError> {
        parse(Path::new("intake.toml"), text, Path::new("."))
    }

    fn error_of(text: &str) -> String {
        parse_str(text).unwrap_err().report().render(false)
    }

    const MINIMAL: &str = "guide = \"nocturnal-leg-cramps\"\n[patient]\nname = \"Ann\"\n";

    #[test]
    fn minimal_intake_is_valid() {
        let (intake, guide) = parse_str(MINIMAL).unwrap();
        assert_eq!(intake.patient.name, "Ann");
        assert_eq!(guide.id, "nocturnal-leg-cramps");
    }

    #[test]
    fn misspelt_table_suggests_the_right_one() {
        let text = format!("{MINIMAL}[[medicaton]]\nname = \"x\"\n");
        let err = error_of(&text);
        assert!(err.contains("unknown field `medicaton`"), "{err}");
        assert!(err.contains("did you mean `medications`"), "{err}");
        assert!(err.contains("intake.toml:4:3"), "{err}");
    }

    #[test]
    fn bare_key_after_array_table_gets_its_own_hint() {
        let text = format!("{MINIMAL}[[medications]]\nname = \"x\"\nconditions = [\"asthma\"]\n");
        let err = error_of(&text);
        assert!(err.contains("last [[medications]] entry"), "{err}");
        assert!(err.contains("into [health]"), "{err}");
    }

    #[test]
    fn semantic_problems_are_all_reported_at_once() {
        let text = "guide = \"nocturnal-leg-cramps\"\n[patient]\nname = \" \"\npregnancy_week = 50\n\
                    [answers]\nsinse = \"x\"\n[[diary]]\nnight = 2026-11-01\nseverity = 12\nminutes = -3\n";
        let err = error_of(text);
        for expected in [
            "patient's name is blank",
            "pregnancy week 50",
            "did you mean `since`",
            "severity 12",
            "-3 minutes",
        ] {
            assert!(err.contains(expected), "missing {expected:?} in\n{err}");
        }
    }

    #[test]
    fn impossible_date_points_at_it() {
        let err = error_of("guide = \"general\"\n[patient]\nname = \"A\"\nborn = 1956-02-30\n");
        assert!(err.contains("intake.toml:4:8"), "{err}");
        assert!(err.contains("born = 1956-02-30"), "{err}");
        assert!(err.contains("help: write dates as"), "{err}");
    }

    #[test]
    fn wrong_type_names_the_field() {
        let text = format!("{MINIMAL}[[diary]]\nnight = 2026-11-01\nseverity = \"high\"\n");
        let err = error_of(&text);
        assert!(err.contains("diary[0].severity"), "{err}");
        assert!(err.contains("whole number from 0"), "{err}");
    }

    #[test]
    fn visit_before_birth_is_refused() {
        let text = "guide = \"general\"\n[patient]\nname = \"A\"\nborn = 1990-01-01\n[visit]\nwhen = 1980-01-01\n";
        assert!(error_of(text).contains("before the birth date"));
    }

    #[test]
    fn unknown_guide_lists_the_known_ones() {
        let err = error_of("guide = \"leg-cramps\"\n[patient]\nname = \"A\"\n");
        assert!(err.contains("unknown guide `leg-cramps`"), "{err}");
        assert!(err.contains("nocturnal-leg-cramps, general"), "{err}");
    }

    #[test]
    fn missing_patient_says_what_to_add() {
        let err = error_of("guide = \"general\"\n");
        assert!(err.contains("`patient` is missing"), "{err}");
        assert!(err.contains("add a [patient] table"), "{err}");
    }

    #[test]
    fn a_name_of_control_characters_is_blank() {
        // `clean` removes them, so the sheet would say whose it is with an empty name.
        let err = error_of("guide = \"general\"\n[patient]\nname = \"\\u0007\\t\"\n");
        assert!(err.contains("patient's name is blank"), "{err}");
        let text = format!("{MINIMAL}[[medications]]\nname = \"\\t\\u007f\"\n");
        let err = error_of(&text);
        assert!(err.contains("medication 1 has a blank name"), "{err}");
    }

    #[test]
    fn a_name_of_invisible_characters_is_blank() {
        let err = error_of("guide = \"general\"\n[patient]\nname = \"\\u200B\\uFEFF \\u2060\"\n");
        assert!(err.contains("patient's name is blank"), "{err}");
        assert!(!prints_blank("Zoë"));
    }

    #[test]
    fn impossible_days_are_named_and_numbers_kept_short() {
        assert_eq!(
            impossible_day("1950-02-30").as_deref(),
            Some("February 1950 has 28 days")
        );
        assert_eq!(
            impossible_day("2024-02-30").as_deref(),
            Some("February 2024 has 29 days")
        );
        assert_eq!(impossible_day("2024-02-29"), None);
        assert_eq!(impossible_day("1950-13-01"), None);
        assert_eq!(plain_number(2.5), "2.5");
        assert_eq!(plain_number(1e300), "1e300");
        assert_eq!(plain_number(-1e300), "-1e300");
    }

    #[test]
    fn plausibility_refuses_the_impossible_and_warns_of_the_unlikely() {
        let text =
            "guide = \"general\"\n[patient]\nname = \"A\"\nborn = 1950-01-01\npregnant = true\n\
                    [visit]\nwhen = 2026-12-02\n[[diary]]\nnight = 2027-01-01\nminutes = 2000\n";
        let err = parse_with_warnings(Path::new("t.toml"), text, Path::new(".")).unwrap_err();
        let report = err.report();
        assert_eq!(report.errors(), 1, "{}", report.render(false));
        let text = report.render(false);
        assert!(
            text.contains("error: 2000 minutes is more than a day"),
            "{text}"
        );
        assert!(text.contains("warning: a pregnancy at 76 years"), "{text}");
        assert!(
            text.contains("warning: diary night 1 (2027-01-01) is after the visit"),
            "{text}"
        );
    }

    #[test]
    fn unknown_keys_of_every_entry_are_all_reported() {
        let text = format!(
            "{MINIMAL}[[medications]]\nname = \"a\"\nextra = 1\n[[diary]]\nnight = 2026-11-01\nsevrity = 1\n[[diary]]\nnight = 2026-11-02\nwher = \"x\"\n"
        );
        let err = error_of(&text);
        for expected in ["medications[0].extra", "diary[0].sevrity", "diary[1].wher"] {
            assert!(err.contains(expected), "missing {expected} in\n{err}");
        }
    }

    #[test]
    fn type_errors_speak_no_rust() {
        for (value, words) in [
            (
                "born = \"1956-03-14\"",
                "expected a date (or time) without quotes",
            ),
            (
                "pregnancy_week = 2.5",
                "decimal number `2.5`, expected a whole number",
            ),
            ("pregnant = 1", "whole number `1`, expected true or false"),
        ] {
            let err = error_of(&format!("{MINIMAL}{value}\n"));
            assert!(err.contains(words), "{words:?} not in\n{err}");
            for jargon in [
                "TOML datetime",
                "floating point",
                "integer",
                "i64",
                "f64",
                "u8",
            ] {
                assert!(!err.contains(jargon), "{jargon:?} in\n{err}");
            }
        }
        let err = error_of("guide = \"general\"\nanswers = 5\n[patient]\nname = \"A\"\n");
        assert!(err.contains("expected a table"), "{err}");
    }

    #[test]
    fn text_is_cleaned_for_print() {
        assert_eq!(clean("a\tb\r\nc\u{7}d  \n"), "a b\ncd");
    }
}
