//! Checks beyond types. Each problem is collected; all are reported together.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use toml::Spanned;

use super::model::{clean, prints_blank, says_none};
use super::plausibility::plain_number;
use super::raw::{RawDiaryEntry, RawHealth, RawIntake, RawMedication, RawPatient, RawVisit};
use super::{DiaryEntry, Health, Intake, Medication, Patient, Visit};
use crate::diagnostic::{did_you_mean, shorten, Diagnostic};
use crate::document::Language;
use crate::guide::Guide;
use crate::words::Words;

pub(super) struct Checker {
    pub(super) problems: Vec<Diagnostic>,
    /// What is possible but unlikely: shown, never silently accepted, never refused.
    pub(super) warnings: Vec<Diagnostic>,
    /// How something was read where it was not written the usual way: `check` tells them.
    pub(super) notes: Vec<Diagnostic>,
    /// The check catalogue, in the language the problems are told in.
    pub(super) words: &'static Words,
}

/// What a list that may say "none" stands for.
struct NoneList<'a> {
    /// `health.allergies`
    field: &'a str,
    /// `health.no_known_allergies`
    flag: &'a str,
    /// The check catalogue's words for what "none" means: `none-allergies`.
    meaning: &'a str,
}

impl Checker {
    pub(super) fn problem(&mut self, d: Diagnostic) {
        self.problems.push(d);
    }

    /// The intake in the patient's terms. Without a usable `guide` (already reported) the
    /// answers and ids cannot be checked; everything else still is.
    pub(super) fn intake(&mut self, raw: RawIntake, guide: Option<&Guide>) -> Intake {
        let patient = self.patient(&raw.patient);
        let visit = self.visit(&raw.visit, patient.born);
        let answers = self.answers(raw.answers, guide);
        let (medications, no_medicines) = self.medications(raw.medications, &raw.health);
        let health = self.health(&raw.health, no_medicines);
        let diary = self.diary(raw.diary);
        let patient_ids: Vec<&str> = guide
            .map(|g| g.patient_questions.iter().map(|q| q.id.as_str()).collect())
            .unwrap_or_default();
        let checklist_ids: Vec<&str> = guide
            .map(|g| g.checklist.iter().map(|c| c.id.as_str()).collect())
            .unwrap_or_default();
        let (skipped, done) = match guide {
            Some(_) => (
                self.ids(
                    &raw.questions.skip,
                    &patient_ids,
                    "questions.skip",
                    "question",
                ),
                self.ids(
                    &raw.checklist.done,
                    &checklist_ids,
                    "checklist.done",
                    "checklist",
                ),
            ),
            None => (Vec::new(), Vec::new()),
        };

        Intake {
            guide: raw.guide.map(Spanned::into_inner).unwrap_or_default(),
            patient,
            visit,
            answers,
            health,
            medications,
            diary,
            own_questions: raw.questions.own.iter().map(|s| clean(s)).collect(),
            skipped_questions: skipped,
            checklist_done: done,
        }
    }

    fn patient(&mut self, raw: &RawPatient) -> Patient {
        let born = raw.born.as_ref().map(|b| *b.get_ref());
        // Blank as printed: a name of only control characters is removed whole by `clean`.
        let name = raw
            .name
            .as_ref()
            .map(|n| clean(n.get_ref()))
            .unwrap_or_default();
        let w = self.words;
        if let Some(raw_name) = raw.name.as_ref().filter(|_| prints_blank(&name)) {
            self.problem(
                Diagnostic::new(w.get("name-blank"))
                    .at(Some(raw_name.span()))
                    .field("patient.name")
                    .label(w.get("name-blank-label"))
                    .help(w.get("name-blank-help")),
            );
        }
        let pregnancy_week = raw.pregnancy_week.as_ref().and_then(|w| {
            let week = *w.get_ref();
            if (1..=45).contains(&week) {
                Some(week as u8)
            } else {
                let words = self.words;
                self.problem(
                    Diagnostic::new(say!(
                        words,
                        "pregnancy-week-impossible",
                        week = week.to_string()
                    ))
                    .at(Some(w.span()))
                    .field("patient.pregnancy_week")
                    .label(words.get("pregnancy-week-impossible-label"))
                    .help(words.get("pregnancy-week-impossible-help")),
                );
                None
            }
        });
        if pregnancy_week.is_some() && !raw.pregnant {
            let span = raw.pregnancy_week.as_ref().map(|w| w.span());
            self.problem(
                Diagnostic::new(w.get("pregnancy-week-not-pregnant"))
                    .at(span)
                    .field("patient.pregnancy_week")
                    .help(w.get("pregnancy-week-not-pregnant-help")),
            );
        }
        Patient {
            name,
            born,
            sex: raw.sex.as_deref().map(clean),
            pregnant: raw.pregnant,
            pregnancy_week,
            phone: raw.phone.as_deref().map(clean),
            language: raw.language.as_deref().map(clean),
            emergency_contact: raw.emergency_contact.as_deref().map(clean),
            needs: raw.needs.iter().map(|s| clean(s)).collect(),
            filled_in_by: raw.filled_in_by.as_deref().map(clean),
        }
    }

    /// The visit; `born` to refuse a visit before the birth.
    fn visit(&mut self, raw: &RawVisit, born: Option<NaiveDate>) -> Visit {
        let w = self.words;
        let when = raw.when.as_ref().map(|w| *w.get_ref());
        if let (Some(born), Some(raw_when)) = (born, raw.when.as_ref()) {
            let day = raw_when.get_ref().date();
            if day < born {
                self.problem(
                    Diagnostic::new(say!(
                        w,
                        "visit-before-birth",
                        visit = day.to_string(),
                        born = born.to_string(),
                    ))
                    .at(Some(raw_when.span()))
                    .field("visit.when")
                    .label(w.get("visit-before-birth-label"))
                    .help(w.get("visit-before-birth-help")),
                );
            }
        }
        Visit {
            when,
            clinic: raw.clinic.as_deref().map(clean),
            department: raw.department.as_deref().map(clean),
            doctor: raw.doctor.as_deref().map(clean),
            companion: raw.companion.as_deref().map(clean),
            reason: raw.reason.as_deref().map(clean),
            concerns: raw.concerns.iter().map(|s| clean(s)).collect(),
            goal: raw.goal.as_deref().map(clean),
            sheet_language: raw.sheet_language.as_ref().and_then(|l| {
                let language = Language::from_words(l.get_ref());
                if language.is_none() {
                    self.problem(
                        Diagnostic::new(say!(
                            w,
                            "sheet-language-unknown",
                            language = l.get_ref().trim()
                        ))
                        .at(Some(l.span()))
                        .field("visit.sheet_language")
                        .label(w.get("sheet-language-unknown-label"))
                        .help(w.get("sheet-language-unknown-help")),
                    );
                }
                language
            }),
        }
    }

    /// The answers to the guide's questions; an id the guide does not ask is refused.
    fn answers(
        &mut self,
        raw: BTreeMap<Spanned<String>, Spanned<String>>,
        guide: Option<&Guide>,
    ) -> BTreeMap<String, String> {
        let mut answers = BTreeMap::new();
        for (id, answer) in raw {
            let Some(guide) = guide else {
                answers.insert(id.into_inner(), clean(answer.get_ref()));
                continue;
            };
            if guide.doctor_question(id.get_ref()).is_none() {
                let ids: Vec<&str> = guide
                    .doctor_questions
                    .iter()
                    .map(|q| q.id.as_str())
                    .collect();
                let w = self.words;
                let mut d = Diagnostic::new(say!(
                    w,
                    "not-a-question",
                    id = id.get_ref().as_str(),
                    guide = guide.id.as_str(),
                ))
                .at(Some(id.span()))
                .field(format!("answers.{}", id.get_ref()));
                d = match did_you_mean(id.get_ref(), ids.iter().copied()) {
                    Some(s) => d.label(say!(w, "did-you-mean", name = s)).help(say!(
                        w,
                        "rename-to",
                        name = s
                    )),
                    None => d.label(w.get("not-a-question-label")).help(say!(
                        w,
                        "question-ids-are",
                        ids = ids.join(", ")
                    )),
                };
                self.problem(d);
            } else {
                answers.insert(id.into_inner(), clean(answer.get_ref()));
            }
        }
        answers
    }

    /// Other illnesses and allergies, where "none" in the list means none.
    fn health(&mut self, raw: &RawHealth, no_medicines: bool) -> Health {
        let (allergies, no_known_allergies) = self.none_list(
            &raw.allergies,
            raw.no_known_allergies.as_ref(),
            &NoneList {
                field: "health.allergies",
                flag: "health.no_known_allergies",
                meaning: "none-allergies",
            },
        );
        let (conditions, no_other_illnesses) = self.none_list(
            &raw.conditions,
            raw.no_other_illnesses.as_ref(),
            &NoneList {
                field: "health.conditions",
                flag: "health.no_other_illnesses",
                meaning: "none-illnesses",
            },
        );
        Health {
            conditions,
            allergies,
            notes: raw.notes.as_deref().map(clean),
            no_known_allergies,
            no_medicines,
            no_other_illnesses,
        }
    }

    /// The items of a list that are not "none", and whether the patient says there are none:
    /// by the flag, or by a list that says only "none". A flag that says none beside items
    /// that are real is warned about, and the items are printed.
    fn none_list(
        &mut self,
        items: &[Spanned<String>],
        flag: Option<&Spanned<bool>>,
        list: &NoneList<'_>,
    ) -> (Vec<String>, bool) {
        let w = self.words;
        let mut kept = Vec::new();
        let mut said_none = false;
        for (i, item) in items.iter().enumerate() {
            if says_none(item.get_ref()) {
                said_none = true;
                self.notes.push(
                    Diagnostic::new(say!(
                        w,
                        "none-read-as",
                        field = format!("{}[{i}]", list.field),
                        item = shorten(item.get_ref().trim(), 30),
                        meaning = w.get(list.meaning).as_str(),
                        flag = list.flag,
                    ))
                    .at(Some(item.span()))
                    .field(format!("{}[{i}]", list.field)),
                );
            } else {
                kept.push(item);
            }
        }
        let real: Vec<&&Spanned<String>> =
            kept.iter().filter(|k| !prints_blank(k.get_ref())).collect();
        let flag_value = flag.map(|f| *f.get_ref());
        match (flag_value, real.first()) {
            (Some(true), Some(first)) => self.warnings.push(
                Diagnostic::new(say!(
                    w,
                    "none-but-listed",
                    flag = list.flag,
                    list = list.field,
                    item = shorten(first.get_ref().trim(), 40),
                ))
                .at(flag.map(|f| f.span()))
                .field(list.flag)
                .label(w.get("none-but-listed-label"))
                .help(say!(w, "none-but-listed-help", flag = list.flag))
                .warning(),
            ),
            (Some(false), None) if said_none => self.warnings.push(
                Diagnostic::new(say!(
                    w,
                    "none-but-flag-false",
                    list = list.field,
                    flag = list.flag,
                ))
                .at(flag.map(|f| f.span()))
                .field(list.flag)
                .label(w.get("none-but-flag-false-label"))
                .help(say!(w, "none-but-flag-false-help", flag = list.flag))
                .warning(),
            ),
            _ => {}
        }
        // What is listed wins: an allergy written down is never hidden behind "none".
        let none = real.is_empty() && flag_value.unwrap_or(said_none);
        (kept.iter().map(|s| clean(s.get_ref())).collect(), none)
    }

    /// The medicines, and whether the patient takes none. An entry named "none" is no
    /// medicine: it says there are none.
    fn medications(
        &mut self,
        raw: Vec<RawMedication>,
        health: &RawHealth,
    ) -> (Vec<Medication>, bool) {
        let w = self.words;
        let mut medications = Vec::new();
        let mut names = Vec::new();
        for (i, m) in raw.into_iter().enumerate() {
            let name = m
                .name
                .as_ref()
                .map(|n| clean(n.get_ref()))
                .unwrap_or_default();
            if let Some(raw_name) = &m.name {
                if says_none(raw_name.get_ref()) {
                    names.push(Spanned::new(raw_name.span(), raw_name.get_ref().clone()));
                    continue;
                }
                if prints_blank(&name) {
                    self.problem(
                        Diagnostic::new(say!(
                            w,
                            "medication-blank",
                            medication = (i + 1).to_string()
                        ))
                        .at(Some(raw_name.span()))
                        .field(format!("medications[{i}].name"))
                        .help(w.get("medication-blank-help")),
                    );
                } else if m.dose.as_deref().is_none_or(prints_blank) && !self.misspelt(i, "dose") {
                    // Page 1 sends the doctor to the details "with doses": a medicine without
                    // one is the patient's to add, or the doctor's to ask.
                    self.warnings.push(
                        Diagnostic::new(say!(
                            w,
                            "medication-no-dose",
                            medication = (i + 1).to_string(),
                            name = shorten(&name, 40),
                        ))
                        .at(Some(raw_name.span()))
                        .field(format!("medications[{i}].dose"))
                        .label(w.get("medication-no-dose-label"))
                        .help(w.get("medication-no-dose-help"))
                        .warning(),
                    );
                }
                names.push(Spanned::new(raw_name.span(), raw_name.get_ref().clone()));
            }
            medications.push(Medication {
                name,
                dose: m.dose.as_deref().map(clean),
                how_often: m.how_often.as_deref().map(clean),
                reason: m.reason.as_deref().map(clean),
                note: m.note.as_deref().map(clean),
                since: m.since.as_ref().map(|s| *s.get_ref()),
                as_needed: m.as_needed,
            });
        }
        let (_, none) = self.none_list(
            &names,
            health.no_medicines.as_ref(),
            &NoneList {
                field: "medications",
                flag: "health.no_medicines",
                meaning: "none-medicines",
            },
        );
        (medications, none)
    }

    /// Whether an unknown key of `medications[i]` was taken for a misspelt `key`: its own
    /// problem says so, and a warning that `key` is missing would say it again.
    fn misspelt(&self, i: usize, key: &str) -> bool {
        let entry = format!("medications[{i}].");
        let guess = format!("`{key}`");
        self.problems.iter().any(|d| {
            d.field.as_deref().is_some_and(|f| f.starts_with(&entry))
                && d.label.as_deref().is_some_and(|l| l.contains(&guess))
        })
    }

    /// The diary's nights; a night whose date is not real is left out (and reported).
    fn diary(&mut self, raw: Vec<RawDiaryEntry>) -> Vec<DiaryEntry> {
        let w = self.words;
        let mut diary = Vec::new();
        for (i, e) in raw.into_iter().enumerate() {
            let minutes = e.minutes.as_ref().and_then(|m| {
                let v = *m.get_ref();
                if v > 0.0 && v.is_finite() {
                    Some(v)
                } else {
                    self.problem(
                        Diagnostic::new(say!(w, "minutes-not-positive", minutes = plain_number(v)))
                            .at(Some(m.span()))
                            .field(format!("diary[{i}].minutes"))
                            .label(w.get("minutes-not-positive-label"))
                            .help(w.get("minutes-not-positive-help")),
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
                        Diagnostic::new(say!(w, "severity-off-scale", severity = v.to_string()))
                            .at(Some(s.span()))
                            .field(format!("diary[{i}].severity"))
                            .label(w.get("severity-off-scale-label"))
                            .help(w.get("severity-off-scale-help")),
                    );
                    None
                }
            });
            if let Some(night) = &e.night {
                diary.push(DiaryEntry {
                    night: *night.get_ref(),
                    at: e.at.as_ref().map(|a| *a.get_ref()),
                    minutes,
                    place: e.place.as_deref().map(clean),
                    severity,
                    note: e.note.as_deref().map(clean),
                });
            }
        }
        diary
    }

    fn ids(
        &mut self,
        given: &[Spanned<String>],
        known: &[&str],
        field: &str,
        // "question" or "checklist", for the message's select.
        what: &str,
    ) -> Vec<String> {
        let w = self.words;
        let mut out = Vec::new();
        for (i, id) in given.iter().enumerate() {
            if known.contains(&id.get_ref().as_str()) {
                out.push(id.get_ref().clone());
                continue;
            }
            let mut d =
                Diagnostic::new(say!(w, "not-an-id", id = id.get_ref().as_str(), of = what,))
                    .at(Some(id.span()))
                    .field(format!("{field}[{i}]"));
            d = match did_you_mean(id.get_ref(), known.iter().copied()) {
                Some(s) => {
                    d.label(say!(w, "did-you-mean", name = s))
                        .help(say!(w, "rename-to", name = s))
                }
                None => d.label(w.get("not-an-id-label")).help(say!(
                    w,
                    "ids-are",
                    ids = known.join(", ")
                )),
            };
            self.problem(d);
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use crate::intake::test_support::*;

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
    fn visit_before_birth_is_refused() {
        let text = "guide = \"general\"\n[patient]\nname = \"A\"\nborn = 1990-01-01\n[visit]\nwhen = 1980-01-01\n";
        assert!(error_of(text).contains("before the birth date"));
    }

    #[test]
    fn a_name_of_control_characters_is_refused_for_them() {
        let err = error_of("guide = \"general\"\n[patient]\nname = \"\\u0007\\t\"\n");
        assert!(err.contains("control character, U+0007 BEL"), "{err}");
        assert!(err.contains("intake.toml:3:9"), "{err}");
        let text = format!("{MINIMAL}[[medications]]\nname = \"\\t\\u007f\"\n");
        let err = error_of(&text);
        assert!(err.contains("U+007F DEL"), "{err}");
        assert!(err.contains("medications[0].name"), "{err}");
    }

    #[test]
    fn a_name_of_invisible_characters_is_blank() {
        let err = error_of("guide = \"general\"\n[patient]\nname = \"\\u200B\\uFEFF \\u2060\"\n");
        assert!(err.contains("patient's name is blank"), "{err}");
    }
}
