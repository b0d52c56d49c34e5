//! Checks beyond types. Each problem is collected; all are reported together.

use std::collections::BTreeMap;
use std::ops::Range;

use chrono::{NaiveDate, NaiveTime};
use toml::value::Datetime;
use toml::Spanned;

use super::model::{clean, prints_blank};
use super::plausibility::plain_number;
use super::raw::{RawDiaryEntry, RawIntake, RawMedication, RawPatient, RawVisit};
use super::{DiaryEntry, Health, Intake, Medication, Patient, Visit, VisitTime};
use crate::diagnostic::{did_you_mean, Diagnostic};
use crate::guide::Guide;

pub(super) struct Checker {
    pub(super) problems: Vec<Diagnostic>,
    /// What is possible but unlikely: shown, never silently accepted, never refused.
    pub(super) warnings: Vec<Diagnostic>,
}

impl Checker {
    pub(super) fn problem(&mut self, d: Diagnostic) {
        self.problems.push(d);
    }

    pub(super) fn intake(&mut self, raw: RawIntake, guide: &Guide) -> Intake {
        let patient = self.patient(&raw.patient);
        let visit = self.visit(&raw.visit, patient.born);
        let answers = self.answers(raw.answers, guide);
        let medications = self.medications(raw.medications);
        let diary = self.diary(raw.diary);
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
            patient,
            visit,
            answers,
            health: Health {
                conditions: raw.health.conditions.iter().map(|s| clean(s)).collect(),
                allergies: raw.health.allergies.iter().map(|s| clean(s)).collect(),
                notes: raw.health.notes.as_deref().map(clean),
                ..Health::default()
            },
            medications,
            diary,
            own_questions: raw.questions.own.iter().map(|s| clean(s)).collect(),
            skipped_questions: skipped,
            checklist_done: done,
        }
    }

    fn patient(&mut self, raw: &RawPatient) -> Patient {
        let born = raw.born.as_ref().and_then(|b| self.date(b, "patient.born"));
        // Blank as printed: a name of only control characters is removed whole by `clean`.
        let name = clean(raw.name.get_ref());
        if prints_blank(&name) {
            self.problem(
                Diagnostic::new("the patient's name is blank")
                    .at(Some(raw.name.span()))
                    .field("patient.name")
                    .label("write a name here")
                    .help("the doctor needs to know whose sheet this is: name = \"Maria Example\""),
            );
        }
        let pregnancy_week = raw.pregnancy_week.as_ref().and_then(|w| {
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
        if pregnancy_week.is_some() && !raw.pregnant {
            let span = raw.pregnancy_week.as_ref().map(|w| w.span());
            self.problem(
                Diagnostic::new("a pregnancy week is given, but `pregnant` is not true")
                    .at(span)
                    .field("patient.pregnancy_week")
                    .help("add `pregnant = true` to [patient], or remove `pregnancy_week`"),
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
        let when = raw.when.as_ref().and_then(|w| self.visit_time(w));
        if let (Some(born), Some(when), Some(raw_when)) = (born, when, raw.when.as_ref()) {
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
        Visit {
            when,
            clinic: raw.clinic.as_deref().map(clean),
            department: raw.department.as_deref().map(clean),
            doctor: raw.doctor.as_deref().map(clean),
            companion: raw.companion.as_deref().map(clean),
            reason: raw.reason.as_deref().map(clean),
            concerns: raw.concerns.iter().map(|s| clean(s)).collect(),
            goal: raw.goal.as_deref().map(clean),
        }
    }

    /// The answers to the guide's questions; an id the guide does not ask is refused.
    fn answers(
        &mut self,
        raw: BTreeMap<Spanned<String>, Spanned<String>>,
        guide: &Guide,
    ) -> BTreeMap<String, String> {
        let mut answers = BTreeMap::new();
        for (id, answer) in raw {
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
        answers
    }

    fn medications(&mut self, raw: Vec<RawMedication>) -> Vec<Medication> {
        let mut medications = Vec::new();
        for (i, m) in raw.into_iter().enumerate() {
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
        medications
    }

    /// The diary's nights; a night whose date is not real is left out (and reported).
    fn diary(&mut self, raw: Vec<RawDiaryEntry>) -> Vec<DiaryEntry> {
        let mut diary = Vec::new();
        for (i, e) in raw.into_iter().enumerate() {
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
        diary
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
    }
}
