//! Condition guides: what a doctor is likely to ask about one symptom, what the patient may
//! ask, how to prepare, and what the condition's source material says about causes, tests,
//! departments and medicines. Built-in guides live in `templates/`; a guide can also be a file.

use std::collections::HashSet;
use std::path::Path;

use serde::Deserialize;

use crate::diagnostic::{did_you_mean, Diagnostic, Report, SourceFile};

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
    /// What the patient's `[[diary]]` log is called on the sheet.
    #[serde(default)]
    pub diary_title: Option<String>,
    #[serde(default)]
    pub departments: Vec<String>,
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
}

#[derive(Debug, Clone, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct ChecklistItem {
    pub id: String,
    /// May contain `{companion}`, replaced by the companion's name.
    pub text: String,
    #[serde(default)]
    pub when: Condition,
}

#[derive(Debug, Clone, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Advice {
    pub text: String,
    #[serde(default)]
    pub when: Condition,
}

#[derive(Debug, Clone, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Test {
    pub name: String,
    pub why: String,
}

#[derive(Debug, Clone, Default, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Causes {
    #[serde(default)]
    pub everyday: Vec<String>,
    #[serde(default)]
    pub diseases: Vec<String>,
}

/// A class of medicines the source links to the symptom, recognised by generic name.
#[derive(Debug, Clone, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct MedicationFlag {
    pub id: String,
    pub class: String,
    pub names: Vec<String>,
    pub explanation: String,
}

#[derive(Debug, Clone, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct DepartmentHint {
    pub department: String,
    pub why: String,
    #[serde(default)]
    pub when: Condition,
}

#[derive(Debug, Clone, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Note {
    pub title: String,
    pub text: String,
    #[serde(default)]
    pub when: Condition,
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

    /// A guide file on disk.
    pub fn load(path: &Path) -> Result<Guide, Report> {
        let too_big =
            std::fs::metadata(path).is_ok_and(|m| m.len() > crate::intake::MAX_INTAKE_BYTES);
        if too_big {
            return Err(Report::about_file(
                path,
                Diagnostic::new("the guide file is larger than 1 MiB")
                    .help("is this the right file? A guide is a short text file"),
            ));
        }
        let text = std::fs::read_to_string(path).map_err(|e| {
            Report::about_file(path, Diagnostic::new(format!("cannot read the guide: {e}")))
        })?;
        Guide::parse(path, &text)
    }

    pub fn parse(path: &Path, text: &str) -> Result<Guide, Report> {
        let file = SourceFile {
            path: path.to_path_buf(),
            text: text.to_string(),
        };
        let guide: Guide = toml::from_str(text).map_err(|e| {
            Report::single(
                file.clone(),
                Diagnostic::new(format!("this guide is not valid: {}", e.message().trim()))
                    .at(e.span()),
            )
        })?;
        let problems = guide.problems();
        if problems.is_empty() {
            Ok(guide)
        } else {
            Err(Report {
                file,
                diagnostics: problems.into_iter().map(Diagnostic::new).collect(),
            })
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

/// How an intake names its guide: a built-in id, or a path relative to the intake.
pub fn resolve(reference: &str, intake_dir: &Path) -> Result<Guide, GuideError> {
    if let Some(guide) = Guide::built_in(reference) {
        return Ok(guide);
    }
    let looks_like_path = reference.ends_with(".toml") || reference.contains(['/', '\\']);
    if looks_like_path {
        let path = intake_dir.join(reference);
        if path.is_file() {
            return Guide::load(&path).map_err(GuideError::Invalid);
        }
        return Err(GuideError::Unknown {
            reference: reference.to_string(),
            suggestion: None,
            file_missing: true,
        });
    }
    Err(GuideError::Unknown {
        reference: reference.to_string(),
        suggestion: did_you_mean(reference, Guide::built_in_ids()).map(str::to_string),
        file_missing: false,
    })
}

#[derive(Debug)]
pub enum GuideError {
    Unknown {
        reference: String,
        suggestion: Option<String>,
        file_missing: bool,
    },
    Invalid(Report),
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
    fn unknown_guide_suggests_a_built_in_one() {
        match resolve("nocturnal-leg-cramp", Path::new(".")) {
            Err(GuideError::Unknown { suggestion, .. }) => {
                assert_eq!(suggestion.as_deref(), Some("nocturnal-leg-cramps"))
            }
            other => panic!("unexpected {other:?}"),
        }
    }
}
