//! The intake in the patient's terms: what the sheet, the interview and the exports read.

use std::collections::BTreeMap;

use chrono::{Datelike, NaiveDate, NaiveDateTime, NaiveTime};

use crate::document::Language;

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
    /// The language the sheet prints its own words in, as the intake chose it.
    pub sheet_language: Option<Language>,
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
    /// The patient said they have no known allergies: printed as such, never as an allergy
    /// called "none". An empty list with this `false` is "not stated".
    pub no_known_allergies: bool,
    /// The patient said they take no medicines.
    pub no_medicines: bool,
    /// The patient said they have no other illnesses.
    pub no_other_illnesses: bool,
}

/// Whether an answer to "which allergies / medicines / other illnesses?" says there are
/// none ("none", "no", "nothing", "no allergies", "NKDA", "nil"): such an answer is not an
/// allergy, a medicine or an illness by that name.
pub fn says_none(answer: &str) -> bool {
    let words: String = answer
        .trim()
        .trim_end_matches(['.', '!'])
        .to_lowercase()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    const NONE: &[&str] = &[
        "none",
        "no",
        "nothing",
        "nil",
        "n/a",
        "na",
        "nkda",
        "nka",
        "none known",
        "no known allergies",
        "no known allergy",
        "no known drug allergies",
        "no allergies",
        "no allergy",
        "no medicines",
        "no medicine",
        "no medications",
        "no medication",
        "no other illnesses",
        "no other illness",
        "no illnesses",
        "none that i know of",
        "not that i know of",
    ];
    NONE.contains(&words.as_str())
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

/// The name written into a new intake, for the patient to replace; `check` reminds them.
pub const NAME_TO_REPLACE: &str = "Your name";

/// Age in whole years on `day`.
pub fn age_on(born: NaiveDate, day: NaiveDate) -> i32 {
    let mut age = day.year() - born.year();
    if (day.month(), day.day()) < (born.month(), born.day()) {
        age -= 1;
    }
    age
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
    /// The language the sheet prints its own words in: `visit.sheet_language`, else the
    /// language the patient speaks best when the sheet has it, else English.
    pub fn sheet_language(&self) -> Language {
        self.visit
            .sheet_language
            .or_else(|| {
                self.patient
                    .language
                    .as_deref()
                    .and_then(Language::from_answer)
            })
            .unwrap_or(Language::English)
    }

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

    #[test]
    fn text_is_cleaned_for_print() {
        assert_eq!(clean("a\tb\r\nc\u{7}d  \n"), "a b\ncd");
        assert!(!prints_blank("Zoë"));
        assert!(prints_blank("\u{200B}\u{FEFF} \u{2060}"));
    }

    #[test]
    fn age_counts_whole_years() {
        let born = NaiveDate::from_ymd_opt(1956, 3, 14).unwrap();
        assert_eq!(
            age_on(born, NaiveDate::from_ymd_opt(2026, 3, 13).unwrap()),
            69
        );
        assert_eq!(
            age_on(born, NaiveDate::from_ymd_opt(2026, 3, 14).unwrap()),
            70
        );
    }
}

#[cfg(test)]
mod none_answers {
    use super::says_none;

    #[test]
    fn none_in_its_usual_words_means_none() {
        for answer in [
            "none",
            "None.",
            "NO",
            "nothing",
            "No allergies",
            "NKDA",
            "no known  allergies",
        ] {
            assert!(says_none(answer), "{answer}");
        }
        for answer in [
            "penicillin",
            "no idea which one",
            "nuts",
            "",
            "non-steroidal drugs",
        ] {
            assert!(!says_none(answer), "{answer}");
        }
    }
}
