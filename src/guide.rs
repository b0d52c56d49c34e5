//! Condition guides: what a doctor is likely to ask about one symptom, what the patient may
//! ask, how to prepare, and what the condition's source material says about causes, tests,
//! departments and medicines. Built-in guides live in `templates/`; a guide can also be a file.

use std::collections::HashSet;
use std::path::Path;

use serde::Deserialize;

use crate::diagnostic::{did_you_mean, Diagnostic, Report, SourceFile};
use crate::input::{Kind, ReadError};

/// The guides compiled into the binary, by id.
pub const BUILT_IN: &[(&str, &str)] = &[
    (
        "nocturnal-leg-cramps",
        include_str!("../templates/nocturnal-leg-cramps.toml"),
    ),
    ("general", include_str!("../templates/general.toml")),
];

#[derive(Debug, Clone, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Guide {
    pub id: String,
    pub title: String,
    pub summary: String,
    /// Where the summary comes from (see [`Source`]).
    #[serde(default)]
    pub summary_source: Option<String>,
    /// The article the guide's statements come from: its title and where to find it.
    #[serde(default)]
    pub source_article: Option<String>,
    /// What the patient's `[[diary]]` log is called on the sheet.
    #[serde(default)]
    pub diary_title: Option<String>,
    #[serde(default)]
    pub departments: Vec<String>,
    /// Where the list of departments comes from.
    #[serde(default)]
    pub departments_source: Option<String>,
    /// A short part on the patient's pages: what the condition is, who gets it, its causes.
    #[serde(default)]
    pub about: Vec<AboutItem>,
    pub doctor_questions: Vec<DoctorQuestion>,
    #[serde(default)]
    pub patient_questions: Vec<PatientQuestion>,
    #[serde(default)]
    pub checklist: Vec<ChecklistItem>,
    #[serde(default)]
    pub seek_care: Vec<Advice>,
    #[serde(default)]
    pub tests: Vec<Test>,
    #[serde(default)]
    pub causes: Causes,
    #[serde(default)]
    pub medication_flags: Vec<MedicationFlag>,
    #[serde(default)]
    pub department_hints: Vec<DepartmentHint>,
    #[serde(default)]
    pub good_to_know: Vec<Note>,
}

/// A summary label is set in a narrow column on the first page.
pub const MAX_SUMMARY_LABEL: usize = 24;

#[derive(Debug, Clone, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct DoctorQuestion {
    pub id: String,
    pub text: String,
    #[serde(default)]
    pub hint: String,
    #[serde(default)]
    pub when: Condition,
    #[serde(default)]
    pub source: Option<String>,
    /// A short label ("Since", "Getting worse?"): the answer then stands on the sheet's first
    /// page, the summary, under this label.
    #[serde(default)]
    pub summary: Option<String>,
}

#[derive(Debug, Clone, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct PatientQuestion {
    pub id: String,
    pub text: String,
    #[serde(default)]
    pub when: Condition,
    #[serde(default)]
    pub source: Option<String>,
}

#[derive(Debug, Clone, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct ChecklistItem {
    pub id: String,
    /// May contain `{companion}`, replaced by the companion's name.
    pub text: String,
    #[serde(default)]
    pub when: Condition,
    #[serde(default)]
    pub source: Option<String>,
}

#[derive(Debug, Clone, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Advice {
    pub text: String,
    #[serde(default)]
    pub when: Condition,
    #[serde(default)]
    pub source: Option<String>,
}

#[derive(Debug, Clone, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Test {
    pub name: String,
    pub why: String,
    #[serde(default)]
    pub source: Option<String>,
}

#[derive(Debug, Clone, Default, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Causes {
    #[serde(default)]
    pub everyday: Vec<Cause>,
    #[serde(default)]
    pub diseases: Vec<Cause>,
}

/// One cause: written as a plain string, or as `{ text = "…", source = "…" }` to name its source.
#[derive(Debug, Clone, PartialEq)]
pub struct Cause {
    pub text: String,
    pub source: Option<String>,
}

impl<'de> Deserialize<'de> for Cause {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Cause, D::Error> {
        #[derive(Deserialize)]
        #[serde(deny_unknown_fields)]
        struct Sourced {
            text: String,
            #[serde(default)]
            source: Option<String>,
        }
        struct CauseVisitor;
        impl<'de> serde::de::Visitor<'de> for CauseVisitor {
            type Value = Cause;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a string, or a table with `text` and `source`")
            }
            fn visit_str<E: serde::de::Error>(self, text: &str) -> Result<Cause, E> {
                Ok(Cause {
                    text: text.to_string(),
                    source: None,
                })
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(self, map: A) -> Result<Cause, A::Error> {
                let sourced =
                    Sourced::deserialize(serde::de::value::MapAccessDeserializer::new(map))?;
                Ok(Cause {
                    text: sourced.text,
                    source: sourced.source,
                })
            }
        }
        deserializer.deserialize_any(CauseVisitor)
    }
}

/// Which of the guide's causes an `[[about]]` item lists under its text.
#[derive(Debug, Clone, Copy, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub enum CauseKind {
    Everyday,
    Diseases,
}

/// One part of "About this condition" on the patient's pages.
#[derive(Debug, Clone, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct AboutItem {
    pub title: String,
    pub text: String,
    /// The guide's causes of this kind, listed under the text.
    #[serde(default)]
    pub causes: Option<CauseKind>,
    #[serde(default)]
    pub source: Option<String>,
    #[serde(default)]
    pub when: Condition,
}

/// A class of medicines the source links to the symptom, recognised by generic name.
#[derive(Debug, Clone, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct MedicationFlag {
    pub id: String,
    pub class: String,
    pub names: Vec<String>,
    pub explanation: String,
    #[serde(default)]
    pub source: Option<String>,
}

#[derive(Debug, Clone, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct DepartmentHint {
    pub department: String,
    pub why: String,
    #[serde(default)]
    pub when: Condition,
    #[serde(default)]
    pub source: Option<String>,
}

#[derive(Debug, Clone, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Note {
    pub title: String,
    pub text: String,
    #[serde(default)]
    pub when: Condition,
    #[serde(default)]
    pub source: Option<String>,
}

/// When a guide item applies. Every key that is set must hold; an empty condition always holds.
#[derive(Debug, Clone, Default, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Condition {
    pub pregnant: Option<bool>,
    pub has_medications: Option<bool>,
    pub companion: Option<bool>,
    /// Words, any of which must start a word of the patient's own text.
    #[serde(default)]
    pub mentions: Vec<String>,
}

impl Condition {
    /// When the condition holds, in words: "pregnant; mentions diabetes or low calcium".
    pub fn describe(&self) -> String {
        let yes_no = |v: bool, yes: &str, no: &str| if v { yes } else { no }.to_string();
        let mut parts = Vec::new();
        parts.extend(self.pregnant.map(|p| yes_no(p, "pregnant", "not pregnant")));
        parts.extend(
            self.has_medications
                .map(|m| yes_no(m, "takes medicines", "takes no medicines")),
        );
        parts.extend(
            self.companion
                .map(|c| yes_no(c, "someone comes along", "nobody comes along")),
        );
        if !self.mentions.is_empty() {
            parts.push(format!("mentions {}", self.mentions.join(" or ")));
        }
        parts.join("; ")
    }
}

impl ChecklistItem {
    /// The item as printed, with the companion named where the guide asks for it.
    pub fn text_for(&self, companion: Option<&str>) -> String {
        self.text
            .replace("{companion}", companion.unwrap_or("your companion"))
    }
}

/// What a guide's conditions are tested against: facts from the intake, in the guide's terms.
#[derive(Debug, Clone, Default)]
pub struct Facts {
    pub pregnant: bool,
    pub has_medications: bool,
    pub companion: bool,
    /// The patient's own free text (conditions, notes, reason, answers), lower-cased.
    pub own_words: String,
}

impl Facts {
    pub fn holds(&self, condition: &Condition) -> bool {
        condition.pregnant.is_none_or(|p| p == self.pregnant)
            && condition
                .has_medications
                .is_none_or(|m| m == self.has_medications)
            && condition.companion.is_none_or(|c| c == self.companion)
            && (condition.mentions.is_empty()
                || condition
                    .mentions
                    .iter()
                    .any(|word| mentions_word(&self.own_words, word)))
    }
}

/// True when `word` (case-insensitive) starts a word somewhere in `text`.
pub fn mentions_word(text: &str, word: &str) -> bool {
    let text = text.to_lowercase();
    let word = word.to_lowercase();
    if word.is_empty() {
        return false;
    }
    text.match_indices(&word).any(|(i, _)| {
        text[..i]
            .chars()
            .next_back()
            .is_none_or(|c| !c.is_alphanumeric())
    })
}

/// True when `booked`, as the patient wrote it, names the department `name`. A guide writes a
/// department plain words first, its term after: "Neurology" and "nerves and the brain" both
/// name "Nerves and the brain (neurology)".
pub fn same_department(name: &str, booked: &str) -> bool {
    let norm = |s: &str| s.trim().to_lowercase();
    let booked = norm(booked);
    if booked.is_empty() {
        return false;
    }
    let name = norm(name);
    let (plain, term) = match name.rsplit_once('(') {
        Some((plain, term)) => (
            plain.trim().to_string(),
            term.trim_end_matches(')').trim().to_string(),
        ),
        None => (name.clone(), name.clone()),
    };
    booked == name || booked == plain || booked == term
}

/// True when `phrase` appears in `text` as whole words, ignoring case and punctuation:
/// "Atorvastatin 20 mg" contains "atorvastatin", "Lipitor (atorvastatin)" does too.
pub fn contains_whole_words(text: &str, phrase: &str) -> bool {
    let words = |s: &str| -> Vec<String> {
        s.split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(str::to_lowercase)
            .collect()
    };
    let haystack = words(text);
    let needle = words(phrase);
    !needle.is_empty()
        && haystack
            .windows(needle.len())
            .any(|w| w == needle.as_slice())
}

impl Guide {
    /// A built-in guide by id.
    pub fn built_in(id: &str) -> Option<Guide> {
        // Parsed once per process and then copied: a batch names the same guide hundreds
        // of times, and copying is a tenth of the cost of parsing.
        static PARSED: [std::sync::OnceLock<Guide>; BUILT_IN.len()] =
            [const { std::sync::OnceLock::new() }; BUILT_IN.len()];
        let i = BUILT_IN.iter().position(|(known, _)| *known == id)?;
        let guide = PARSED[i].get_or_init(|| {
            let (known, text) = BUILT_IN[i];
            Guide::parse(Path::new(&format!("templates/{known}.toml")), text)
                .unwrap_or_else(|report| panic!("built-in guide is invalid:\n{report}"))
        });
        Some(guide.clone())
    }

    pub fn built_in_ids() -> impl Iterator<Item = &'static str> {
        BUILT_IN.iter().map(|(id, _)| *id)
    }

    /// A guide file on disk. Its problems are told by line and column without quoting it:
    /// a guide path may name any file, and its lines are not ours to print.
    pub fn load(path: &Path) -> Result<Guide, Report> {
        let fail = |message: String| Report::about_file(path, Diagnostic::new(message));
        let bytes =
            crate::input::read(path, crate::input::MAX_GUIDE_BYTES).map_err(|e| match e {
                ReadError::TooLarge { limit } => fail(format!(
                    "the guide file is larger than {}",
                    crate::input::size_in_words(limit)
                ))
                .with_help("is this the right file? A guide is a short text file"),
                ReadError::Folder => fail("this is a folder, not a guide file".into()),
                other => fail(format!("cannot read the guide: {other}")),
            })?;
        let text = String::from_utf8(bytes).map_err(|e| {
            let file = SourceFile {
                path: path.to_path_buf(),
                text: String::from_utf8_lossy(e.as_bytes()).into_owned(),
            };
            let at = e.utf8_error().valid_up_to();
            Report::single(
                file,
                Diagnostic::new("the guide file is not UTF-8 text").at(Some(at..at + 1)),
            )
            .without_quotes()
        })?;
        Guide::parse(path, &text).map_err(Report::without_quotes)
    }

    pub fn parse(path: &Path, text: &str) -> Result<Guide, Report> {
        let file = SourceFile {
            path: path.to_path_buf(),
            text: text.to_string(),
        };
        let guide: Guide = toml::from_str(text).map_err(|e| {
            let span = e.span().or_else(|| deepest_line(text));
            let mut d = Diagnostic::new(format!(
                "this guide is not valid: {}",
                without_values(e.message().trim())
                    .replace("recursion limit", "keys are nested too deeply")
            ));
            // The key is named, never its value: a guide path may name any file.
            let key = span
                .as_ref()
                .and_then(|s| crate::intake::key_before(text, s.start))
                .filter(|k| {
                    k.len() <= 60
                        && k.chars()
                            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | '.'))
                });
            if let Some(key) = key {
                d = d.field(crate::diagnostic::shorten(&key, 60));
            }
            Report::single(file.clone(), d.at(span))
        })?;
        let mut diagnostics: Vec<Diagnostic> =
            guide.problems().into_iter().map(Diagnostic::new).collect();
        diagnostics.extend(unknown_placeholders(text));
        if diagnostics.is_empty() {
            Ok(guide)
        } else {
            Err(Report { file, diagnostics })
        }
    }

    fn problems(&self) -> Vec<String> {
        let mut problems = Vec::new();
        if self.doctor_questions.is_empty() {
            problems.push("a guide needs at least one `[[doctor_questions]]`".to_string());
        }
        let lists: [(&str, Vec<&str>); 4] = [
            (
                "doctor_questions",
                self.doctor_questions
                    .iter()
                    .map(|q| q.id.as_str())
                    .collect(),
            ),
            (
                "patient_questions",
                self.patient_questions
                    .iter()
                    .map(|q| q.id.as_str())
                    .collect(),
            ),
            (
                "checklist",
                self.checklist.iter().map(|c| c.id.as_str()).collect(),
            ),
            (
                "medication_flags",
                self.medication_flags
                    .iter()
                    .map(|m| m.id.as_str())
                    .collect(),
            ),
        ];
        for (list, ids) in lists {
            let mut seen = HashSet::new();
            for id in ids {
                if id.trim().is_empty() {
                    problems.push(format!("an item in `{list}` has an empty id"));
                } else if !seen.insert(id) {
                    problems.push(format!("the id `{id}` appears twice in `{list}`"));
                }
            }
        }
        for q in &self.doctor_questions {
            if let Some(label) = &q.summary {
                if label.trim().is_empty() {
                    problems.push(format!(
                        "doctor question `{}` has an empty `summary` label",
                        q.id
                    ));
                } else if label.chars().count() > MAX_SUMMARY_LABEL {
                    problems.push(format!(
                        "the `summary` label of doctor question `{}` is longer than {MAX_SUMMARY_LABEL} characters: it is a short label for the first page",
                        q.id
                    ));
                }
            }
        }
        for statement in self.statements() {
            let blank = statement
                .source
                .is_some_and(|src| source_parts(src).next().is_none());
            if blank {
                problems.push(format!(
                    "a `source` in {} is empty: name the section of the article it comes from, or write \"{PRACTICAL}\" (or leave the key out)",
                    statement.section.name()
                ));
            }
        }
        for item in &self.checklist {
            if item.text.contains("{companion}") && item.when.companion != Some(true) {
                problems.push(format!(
                    "checklist item `{}` uses {{companion}} but lacks `when = {{ companion = true }}`",
                    item.id
                ));
            }
        }
        problems
    }

    pub fn diary_title(&self) -> &str {
        self.diary_title.as_deref().unwrap_or("My symptom diary")
    }

    pub fn doctor_question(&self, id: &str) -> Option<&DoctorQuestion> {
        self.doctor_questions.iter().find(|q| q.id == id)
    }
}

/// The source of a step the article does not state but that is plainly safe to take
/// (bring your card, call the emergency number).
pub const PRACTICAL: &str = "practical";

/// The parts of a `source` value, which `;` separates:
/// "Cause of symptoms: Cold stimulation; practical" names a section and a practical step.
pub fn source_parts(source: &str) -> impl Iterator<Item = &str> {
    source.split(';').map(str::trim).filter(|p| !p.is_empty())
}

/// The parts of a guide, as the patient meets them and a reviewer reads them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Section {
    Summary,
    About,
    DoctorQuestions,
    PatientQuestions,
    Checklist,
    SeekCare,
    Tests,
    Causes,
    Medicines,
    /// The departments that treat the condition, and those the patient's words point to.
    Departments,
    GoodToKnow,
}

impl Section {
    pub fn name(self) -> &'static str {
        match self {
            Section::Summary => "Summary",
            Section::About => "About this condition",
            Section::DoctorQuestions => "Questions the doctor may ask",
            Section::PatientQuestions => "Questions you may ask",
            Section::Checklist => "Before you leave home",
            Section::SeekCare => "When to get care promptly",
            Section::Tests => "Examinations and tests",
            Section::Causes => "Causes",
            Section::Medicines => "Medicines that can play a part",
            Section::Departments => "Which department",
            Section::GoodToKnow => "Good to know",
        }
    }
}

/// One thing a guide tells the patient, with where it comes from.
#[derive(Debug, Clone, PartialEq)]
pub struct Statement<'g> {
    pub section: Section,
    /// The strings printed for it: a question and its hint, a test and why it is done.
    pub text: Vec<&'g str>,
    pub source: Option<&'g str>,
    /// When it is shown; `None` for always.
    pub when: Option<&'g Condition>,
}

impl Guide {
    /// Every statement of the guide, in the order of the guide file.
    pub fn statements(&self) -> Vec<Statement<'_>> {
        fn one<'g>(
            section: Section,
            text: Vec<&'g str>,
            source: &'g Option<String>,
        ) -> Statement<'g> {
            Statement {
                section,
                text: text.into_iter().filter(|t| !t.trim().is_empty()).collect(),
                source: source.as_deref(),
                when: None,
            }
        }
        fn when<'g>(mut statement: Statement<'g>, condition: &'g Condition) -> Statement<'g> {
            if *condition != Condition::default() {
                statement.when = Some(condition);
            }
            statement
        }
        let mut out = vec![one(
            Section::Summary,
            vec![&self.summary],
            &self.summary_source,
        )];
        out.extend(self.about.iter().map(|a| {
            when(
                one(
                    Section::About,
                    vec![a.title.as_str(), a.text.as_str()],
                    &a.source,
                ),
                &a.when,
            )
        }));
        out.extend(self.doctor_questions.iter().map(|q| {
            when(
                one(
                    Section::DoctorQuestions,
                    vec![q.text.as_str(), q.hint.as_str()],
                    &q.source,
                ),
                &q.when,
            )
        }));
        out.extend(self.patient_questions.iter().map(|q| {
            when(
                one(Section::PatientQuestions, vec![q.text.as_str()], &q.source),
                &q.when,
            )
        }));
        out.extend(self.checklist.iter().map(|c| {
            when(
                one(Section::Checklist, vec![c.text.as_str()], &c.source),
                &c.when,
            )
        }));
        out.extend(self.seek_care.iter().map(|a| {
            when(
                one(Section::SeekCare, vec![a.text.as_str()], &a.source),
                &a.when,
            )
        }));
        out.extend(self.tests.iter().map(|t| {
            one(
                Section::Tests,
                vec![t.name.as_str(), t.why.as_str()],
                &t.source,
            )
        }));
        out.extend(
            self.causes
                .everyday
                .iter()
                .chain(&self.causes.diseases)
                .map(|c| one(Section::Causes, vec![c.text.as_str()], &c.source)),
        );
        out.extend(self.medication_flags.iter().map(|m| {
            one(
                Section::Medicines,
                vec![m.class.as_str(), m.explanation.as_str()],
                &m.source,
            )
        }));
        if !self.departments.is_empty() {
            out.push(one(
                Section::Departments,
                self.departments.iter().map(String::as_str).collect(),
                &self.departments_source,
            ));
        }
        out.extend(self.department_hints.iter().map(|h| {
            when(
                one(
                    Section::Departments,
                    vec![h.department.as_str(), h.why.as_str()],
                    &h.source,
                ),
                &h.when,
            )
        }));
        out.extend(self.good_to_know.iter().map(|n| {
            when(
                one(
                    Section::GoodToKnow,
                    vec![n.title.as_str(), n.text.as_str()],
                    &n.source,
                ),
                &n.when,
            )
        }));
        out
    }

    /// How many statements name no source. A guide with any has not been reviewed against
    /// its source, statement by statement.
    pub fn unsourced(&self) -> usize {
        self.statements()
            .iter()
            .filter(|s| s.source.is_none_or(|src| src.trim().is_empty()))
            .count()
    }
}

/// How an intake names its guide: a built-in id, or a path relative to the intake.
pub fn resolve(reference: &str, intake_dir: &Path) -> Result<Guide, GuideError> {
    if let Some(guide) = Guide::built_in(reference) {
        return Ok(guide);
    }
    let looks_like_path = reference.ends_with(".toml") || reference.contains(['/', '\\']);
    if looks_like_path {
        let path = intake_dir.join(reference);
        return match std::fs::metadata(&path).map(|m| Kind::of(&m)) {
            Ok(Kind::File) => Guide::load(&path).map_err(GuideError::Invalid),
            Ok(kind) => Err(GuideError::NotAFile {
                reference: reference.to_string(),
                kind,
            }),
            Err(_) => Err(GuideError::Unknown {
                reference: reference.to_string(),
                suggestion: None,
                file_missing: true,
            }),
        };
    }
    Err(GuideError::Unknown {
        reference: reference.to_string(),
        suggestion: did_you_mean(reference, Guide::built_in_ids()).map(str::to_string),
        file_missing: false,
    })
}

/// A toml/serde message without the values it may quote (`invalid type: string "…"`):
/// a guide path may name a file whose contents are not ours to print.
fn without_values(message: &str) -> String {
    match (
        message.strip_prefix("invalid type: "),
        message.find(", expected "),
    ) {
        (Some(_), Some(at)) => format!("wrong kind of value, {}", &message[at + 2..]),
        _ => message.to_string(),
    }
}

/// For an error the parser cannot place (nesting beyond its limit): the line nested deepest.
pub(crate) fn deepest_line(text: &str) -> Option<std::ops::Range<usize>> {
    let mut offset = 0;
    let mut deepest: Option<(usize, std::ops::Range<usize>)> = None;
    for line in text.split_inclusive('\n') {
        let depth = line.matches(['.', '[', '{']).count();
        if depth > 0 && deepest.as_ref().is_none_or(|(d, _)| depth > *d) {
            deepest = Some((depth, offset..offset + 1));
        }
        offset += line.len();
    }
    deepest.map(|(_, span)| span)
}

/// Placeholders a guide's text may hold: `{companion}`, in checklist items.
const PLACEHOLDERS: &[&str] = &["companion"];

/// Every `{name}` in the guide's text that is not a placeholder visitprep fills in: it would
/// be printed as it is, braces and all.
fn unknown_placeholders(text: &str) -> Vec<Diagnostic> {
    let mut found = Vec::new();
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        if !line.trim_start().starts_with('#') {
            let mut from = 0;
            while let Some(open) = line[from..].find('{') {
                let start = from + open;
                let rest = &line[start + 1..];
                let name_len = rest
                    .find(|c: char| !(c.is_alphanumeric() || c == '_'))
                    .unwrap_or(rest.len());
                if name_len > 0 && rest[name_len..].starts_with('}') {
                    let name = &rest[..name_len];
                    if !PLACEHOLDERS.contains(&name) {
                        let span = offset + start..offset + start + name_len + 2;
                        found.push(
                            Diagnostic::new(format!(
                                "`{{{}}}` is not a placeholder visitprep fills in; it would print as it is",
                                crate::diagnostic::shorten(name, 40)
                            ))
                            .at(Some(span))
                            .help("the only placeholder is {companion}, in checklist items; write the text out instead"),
                        );
                    }
                }
                from = start + 1;
            }
        }
        offset += line.len();
    }
    found
}

#[derive(Debug)]
pub enum GuideError {
    Unknown {
        reference: String,
        suggestion: Option<String>,
        file_missing: bool,
    },
    Invalid(Report),
    /// The path names a folder, a pipe or a device, not a guide file.
    NotAFile {
        reference: String,
        kind: Kind,
    },
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_built_in_guide_parses_and_is_complete() {
        for id in Guide::built_in_ids() {
            let guide = Guide::built_in(id).unwrap();
            assert_eq!(guide.id, id);
            assert!(!guide.patient_questions.is_empty(), "{id}");
            assert!(
                guide.checklist.iter().any(|c| c.id == "bring_sheet"),
                "{id}"
            );
        }
    }

    #[test]
    fn leg_cramp_guide_asks_the_seven_questions_first_in_order() {
        let guide = Guide::built_in("nocturnal-leg-cramps").unwrap();
        let first: Vec<&str> = guide.doctor_questions[..7]
            .iter()
            .map(|q| q.id.as_str())
            .collect();
        assert_eq!(
            first,
            [
                "discomfort",
                "since",
                "pattern",
                "course",
                "before",
                "treatment",
                "medications"
            ]
        );
        assert!(guide.doctor_questions.len() > 7, "follow-ups expected");
        assert_eq!(guide.patient_questions.len(), 9);
        let ids: Vec<&str> = guide.checklist.iter().map(|c| c.id.as_str()).collect();
        for id in [
            "appointment",
            "clothing",
            "records",
            "symptom_medicines",
            "family",
            "questions",
            "fasting",
            "bring_sheet",
        ] {
            assert!(ids.contains(&id), "checklist lacks {id}");
        }
    }

    #[test]
    fn conditions_match_word_starts_only() {
        assert!(mentions_word("Type 2 Diabetes", "diabetes"));
        assert!(!mentions_word("hypothyroidism", "thyroid"));
        assert!(mentions_word("thyroid disease", "thyroid"));
        let facts = Facts {
            pregnant: true,
            own_words: "numbness in my feet".into(),
            ..Facts::default()
        };
        let cond = Condition {
            pregnant: Some(true),
            mentions: vec!["numb".into()],
            ..Condition::default()
        };
        assert!(facts.holds(&cond));
        assert!(!Facts::default().holds(&cond));
        assert!(Facts::default().holds(&Condition::default()));
    }

    #[test]
    fn a_booked_department_matches_its_plain_name_or_its_term() {
        let name = "Hormones and diabetes (endocrinology)";
        assert!(same_department(name, "Endocrinology"));
        assert!(same_department(name, " hormones and diabetes "));
        assert!(same_department(
            name,
            "Hormones and diabetes (Endocrinology)"
        ));
        assert!(!same_department(name, "Neurology"));
        assert!(!same_department(name, ""));
        assert!(same_department("Neurology", "neurology"));
        assert!(!same_department("Neurology", "Neuro"));
    }

    #[test]
    fn whole_word_medicine_names() {
        assert!(contains_whole_words("Atorvastatin 20 mg", "atorvastatin"));
        assert!(contains_whole_words(
            "Lipitor (atorvastatin)",
            "atorvastatin"
        ));
        assert!(!contains_whole_words("notatorvastatin", "atorvastatin"));
        assert!(contains_whole_words("vitamin B1", "vitamin b1"));
    }

    #[test]
    fn duplicate_ids_are_rejected() {
        let text = r#"
id = "x"
title = "X"
summary = "A. B."
[[doctor_questions]]
id = "a"
text = "A?"
[[doctor_questions]]
id = "a"
text = "B?"
"#;
        let err = Guide::parse(Path::new("x.toml"), text).unwrap_err();
        assert!(err.to_string().contains("appears twice"), "{err}");
    }

    #[test]
    fn summary_labels_are_short_and_not_blank() {
        let guide = |label: &str| {
            format!(
                "id = \"x\"\ntitle = \"X\"\nsummary = \"A. B.\"\n[[doctor_questions]]\n\
                 id = \"a\"\ntext = \"A?\"\nsummary = \"{label}\"\n"
            )
        };
        let ok = Guide::parse(Path::new("x.toml"), &guide("Since")).unwrap();
        assert_eq!(ok.doctor_questions[0].summary.as_deref(), Some("Since"));
        let err = Guide::parse(Path::new("x.toml"), &guide(" ")).unwrap_err();
        assert!(err.to_string().contains("empty `summary` label"), "{err}");
        let err = Guide::parse(Path::new("x.toml"), &guide(&"x".repeat(25))).unwrap_err();
        assert!(err.to_string().contains("longer than 24"), "{err}");
        // The built-in guides put their first questions on the summary.
        for id in Guide::built_in_ids() {
            let g = Guide::built_in(id).unwrap();
            assert!(
                g.doctor_questions
                    .iter()
                    .any(|q| q.summary.as_deref() == Some("Since")),
                "{id}"
            );
        }
    }

    #[test]
    fn an_empty_source_is_rejected_and_a_missing_one_counted() {
        let head = "id = \"x\"\ntitle = \"X\"\nsummary = \"A.\"\n[[doctor_questions]]\nid = \"a\"\ntext = \"A?\"\n";
        let err =
            Guide::parse(Path::new("x.toml"), &format!("{head}source = \" ; \"\n")).unwrap_err();
        assert!(
            err.to_string()
                .contains("a `source` in Questions the doctor may ask is empty"),
            "{err}"
        );
        let guide = Guide::parse(
            Path::new("x.toml"),
            &format!("{head}source = \"practical\"\n"),
        )
        .unwrap();
        assert_eq!(guide.unsourced(), 1, "the summary names no source");
        assert_eq!(guide.statements().len(), 2);
    }

    #[test]
    fn unknown_placeholders_are_placed_and_comments_ignored() {
        let text = "# {comment} is fine\ntext = \"Ask {companion} and {nobody}\"\nwhen = {pregnant = true}\n";
        let found = unknown_placeholders(text);
        assert_eq!(found.len(), 1);
        let span = found[0].span.clone().unwrap();
        assert_eq!(&text[span], "{nobody}");
    }

    #[test]
    fn a_guide_file_is_reported_without_its_lines() {
        let dir = std::env::temp_dir().join(format!("visitprep-guide-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("g.toml");
        std::fs::write(&path, "id = \"x\"\ntitle = [\"private words\"]\n").unwrap();
        let report = Guide::load(&path).unwrap_err();
        let text = report.render(false);
        std::fs::remove_dir_all(&dir).unwrap();
        assert!(text.contains("g.toml:2:9"), "{text}");
        assert!(text.contains("`title`"), "{text}");
        assert!(!text.contains("private words"), "{text}");
    }

    #[test]
    fn unknown_guide_suggests_a_built_in_one() {
        match resolve("nocturnal-leg-cramp", Path::new(".")) {
            Err(GuideError::Unknown { suggestion, .. }) => {
                assert_eq!(suggestion.as_deref(), Some("nocturnal-leg-cramps"))
            }
            other => panic!("unexpected {other:?}"),
        }
    }
}
