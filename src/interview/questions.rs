//! The questions, in the order they are asked, and where each answer goes in the intake.
//! What a question needs beyond one line of text is asked elsewhere: `dates`, `medicine_list`.

use std::io::{self, Write};

use super::asking::Asker;
use super::heard::{parse_week, sex_of, yes_no};
use super::hints::interview_hint_in;
use super::typing::shown;
use super::Stop;
use crate::document::Language;
use crate::intake::{age_on, NAME_TO_REPLACE};
use crate::words::Words;

/// People over this age are not asked whether they are pregnant.
const PREGNANCY_AGE_LIMIT: i32 = 60;

/// One numbered answer of the read-back, in the order the questions are asked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Field {
    Name,
    Born,
    Sex,
    Pregnant,
    Phone,
    /// The guide's question at this index.
    Doctor(usize),
    Medicines,
    OwnQuestions,
    When,
    Clinic,
    Department,
    Reason,
    Allergies,
    Illnesses,
    Companion,
    EmergencyContact,
    Language,
    Needs,
    FilledInBy,
    Concerns,
    Goal,
}

/// The parts of the interview, each under its own heading.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Part {
    AboutYou,
    Doctor,
    Medicines,
    OwnQuestions,
    Visit,
    People,
    WhatMatters,
}

impl Field {
    fn part(self) -> Part {
        match self {
            Field::Name | Field::Born | Field::Sex | Field::Pregnant | Field::Phone => {
                Part::AboutYou
            }
            Field::Doctor(_) => Part::Doctor,
            Field::Medicines => Part::Medicines,
            Field::OwnQuestions => Part::OwnQuestions,
            Field::When | Field::Clinic | Field::Department | Field::Reason => Part::Visit,
            Field::Allergies
            | Field::Illnesses
            | Field::Companion
            | Field::EmergencyContact
            | Field::Language
            | Field::Needs
            | Field::FilledInBy => Part::People,
            Field::Concerns | Field::Goal => Part::WhatMatters,
        }
    }
}

impl<W: Write> Asker<'_, W> {
    pub(super) fn introduce(&mut self) -> io::Result<()> {
        let title = self.tw(
            "intro-title",
            &[("guide", Words::text(self.guide.title.clone()))],
        );
        self.bold_line(&title)?;
        self.wrapped(&self.t("intro-how"), "")?;
        if self.input.is_terminal() {
            self.wrapped(&self.t("intro-keys"), "")?;
        }
        if !self.guide.is_in(self.options.language) {
            self.wrapped(&self.t("intro-guide-in-english"), "")?;
        }
        Ok(())
    }

    /// Every question that applies, each part under its heading.
    pub(super) fn ask_every_question(&mut self) -> Result<(), Stop> {
        // The list of questions depends on earlier answers (pregnancy on sex and age, some of
        // the guide's questions on pregnancy), so it is made anew after each one.
        let mut at = 0;
        let mut part = None;
        while let Some(&field) = self.fields().get(at) {
            if part != Some(field.part()) {
                part = Some(field.part());
                self.heading(field.part())?;
            }
            self.ask(field, false)?;
            at += 1;
        }
        Ok(())
    }

    fn heading(&mut self, part: Part) -> io::Result<()> {
        writeln!(self.out)?;
        let (title, how) = match part {
            Part::AboutYou => (self.t("part-about-you"), None),
            Part::Doctor => {
                let n = self.doctor_questions().len();
                (
                    self.tw("part-doctor", &[("count", Words::count(n))]),
                    Some("part-doctor-how"),
                )
            }
            Part::Medicines => (self.t("part-medicines"), Some("part-medicines-how")),
            Part::OwnQuestions => (self.t("part-own-questions"), Some("part-own-questions-how")),
            Part::Visit => (self.t("part-visit"), None),
            Part::People => (self.t("part-people"), None),
            Part::WhatMatters => (self.t("part-what-matters"), None),
        };
        self.bold_line(&title)?;
        match how {
            Some(id) => self.wrapped(&self.t(id), ""),
            None => Ok(()),
        }
    }

    /// Whether the pregnancy questions can apply: not for a man, not past 60. Nothing is
    /// guessed from the name.
    fn pregnancy_can_apply(&self) -> bool {
        let p = &self.intake.patient;
        let male = p.sex.as_deref() == Some("male");
        let too_old = match (p.born, self.options.today) {
            (Some(born), Some(today)) => age_on(born, today) > PREGNANCY_AGE_LIMIT,
            _ => false,
        };
        !male && !too_old
    }

    /// The guide's questions that apply, by index.
    fn doctor_questions(&self) -> Vec<usize> {
        let pregnant = self.intake.patient.pregnant;
        self.guide
            .doctor_questions
            .iter()
            .enumerate()
            .filter(|(_, q)| q.when.pregnant.is_none_or(|p| p == pregnant))
            .map(|(i, _)| i)
            .collect()
    }

    /// Every question that applies now, in order.
    pub(super) fn fields(&self) -> Vec<Field> {
        let mut fields = vec![Field::Name, Field::Born, Field::Sex];
        if self.pregnancy_can_apply() {
            fields.push(Field::Pregnant);
        }
        fields.push(Field::Phone);
        fields.extend(self.doctor_questions().into_iter().map(Field::Doctor));
        fields.extend([
            Field::Medicines,
            Field::OwnQuestions,
            Field::When,
            Field::Clinic,
            Field::Department,
            Field::Reason,
            // Asked after what came first, so that answers written for the order up to the
            // department still fit it.
            Field::Allergies,
            Field::Illnesses,
            Field::Companion,
            Field::EmergencyContact,
            Field::Language,
            Field::Needs,
            Field::FilledInBy,
            Field::Concerns,
            Field::Goal,
        ]);
        fields
    }

    /// Asks one question; `correcting` puts the earlier answer on the line to edit.
    pub(super) fn ask(&mut self, field: Field, correcting: bool) -> Result<(), Stop> {
        let old = |value: &Option<String>| {
            if correcting {
                value.clone()
            } else {
                None
            }
        };
        // The list's earlier items, to edit, when correcting.
        let earlier = |items: &[String]| {
            if correcting {
                items.to_vec()
            } else {
                Vec::new()
            }
        };
        match field {
            Field::Name => {
                let placeholder = self.name_to_replace();
                let initial = if correcting && self.intake.patient.name != placeholder {
                    self.intake.patient.name.clone()
                } else {
                    String::new()
                };
                let name = self.ask_text(&self.t("ask-name"), &initial)?;
                self.intake.patient.name = if name.is_empty() {
                    let said = self.tw(
                        "name-placeholder",
                        &[("placeholder", Words::text(placeholder.clone()))],
                    );
                    self.wrapped(&said, "  ")?;
                    placeholder
                } else {
                    name
                };
            }
            Field::Born => {
                let initial = match (correcting, self.intake.patient.born) {
                    (true, Some(born)) => self.day_month_year(born),
                    _ => String::new(),
                };
                self.intake.patient.born = self.ask_born(&initial)?;
            }
            Field::Sex => {
                let initial = old(&self.intake.patient.sex).map(|s| self.sex_shown(&s));
                let words = self.w;
                self.intake.patient.sex = self
                    .optional(&self.t("ask-sex"), initial.as_deref())?
                    .map(|s| sex_of(words, &s));
            }
            Field::Pregnant => {
                let (yes, no) = (self.t("read-back-yes"), self.t("read-back-no"));
                let initial = match (correcting, self.intake.patient.pregnant) {
                    (false, _) => "",
                    (true, true) => yes.as_str(),
                    (true, false) if self.pregnancy_said => no.as_str(),
                    (true, false) => "",
                };
                let words = self.w;
                let answer = self.ask_until(&self.t("ask-pregnant"), initial, |t| {
                    yes_no(words, t).ok_or_else(|| {
                        words.with("answer-yes-or-no", &[("text", Words::text(shown(t)))])
                    })
                })?;
                self.pregnancy_said = answer.is_some();
                let pregnant = answer.unwrap_or(false);
                let week = if pregnant {
                    let initial = match (correcting, self.intake.patient.pregnancy_week) {
                        (true, Some(w)) => w.to_string(),
                        _ => String::new(),
                    };
                    self.ask_until(&self.t("ask-pregnancy-week"), &initial, |t| {
                        parse_week(words, t)
                    })?
                } else {
                    None
                };
                self.intake.patient.pregnant = pregnant;
                self.intake.patient.pregnancy_week = week;
            }
            Field::Phone => {
                let initial = old(&self.intake.patient.phone);
                self.intake.patient.phone =
                    self.optional(&self.t("ask-phone"), initial.as_deref())?;
            }
            Field::Doctor(index) => {
                let q = &self.guide.doctor_questions[index];
                let (id, text) = (q.id.clone(), q.text.clone());
                let hint = interview_hint_in(&q.hint, self.options.language);
                let asked = self.doctor_questions();
                let number = asked.iter().position(|&i| i == index).unwrap_or(0) + 1;
                writeln!(self.out)?;
                self.bold_line(&format!("{number}/{}. {text}", asked.len()))?;
                if !hint.is_empty() {
                    self.wrapped(&hint, "   ")?;
                }
                let initial = if correcting {
                    self.intake.answers.get(&id).cloned()
                } else {
                    None
                };
                match self.optional(">", initial.as_deref())? {
                    Some(answer) => self.intake.answers.insert(id, answer),
                    None => self.intake.answers.remove(&id),
                };
            }
            Field::Medicines => {
                let old = if correcting {
                    std::mem::take(&mut self.intake.medications)
                } else {
                    Vec::new()
                };
                self.medicines(&old)?;
            }
            Field::OwnQuestions => {
                let old = earlier(&self.intake.own_questions);
                self.intake.own_questions = self.list("item-question", &old, None)?;
            }
            Field::When => {
                let initial = match (correcting, self.intake.visit.when) {
                    (true, Some(when)) => self.long_visit(when),
                    _ => String::new(),
                };
                self.intake.visit.when = self.ask_visit(&initial)?;
            }
            Field::Clinic => {
                let initial = old(&self.intake.visit.clinic);
                self.intake.visit.clinic =
                    self.optional(&self.t("ask-clinic"), initial.as_deref())?;
            }
            Field::Department => {
                let initial = old(&self.intake.visit.department);
                self.intake.visit.department =
                    self.optional(&self.t("ask-department"), initial.as_deref())?;
            }
            Field::Reason => {
                let initial = old(&self.intake.visit.reason);
                self.intake.visit.reason =
                    self.optional(&self.t("ask-reason"), initial.as_deref())?;
            }
            Field::Allergies => {
                if !correcting {
                    self.wrapped(&self.t("allergies-how"), "")?;
                }
                let old = earlier(&self.intake.health.allergies);
                let mut none = self.intake.health.no_known_allergies && correcting;
                self.intake.health.allergies = self.list("item-allergy", &old, Some(&mut none))?;
                self.intake.health.no_known_allergies = none;
            }
            Field::Illnesses => {
                if !correcting {
                    self.wrapped(&self.t("illnesses-how"), "")?;
                }
                let old = earlier(&self.intake.health.conditions);
                let mut none = self.intake.health.no_other_illnesses && correcting;
                self.intake.health.conditions = self.list("item-illness", &old, Some(&mut none))?;
                self.intake.health.no_other_illnesses = none;
            }
            Field::Companion => {
                let initial = old(&self.intake.visit.companion);
                self.intake.visit.companion =
                    self.optional(&self.t("ask-companion"), initial.as_deref())?;
            }
            Field::EmergencyContact => {
                let initial = old(&self.intake.patient.emergency_contact);
                self.intake.patient.emergency_contact =
                    self.optional(&self.t("ask-emergency-contact"), initial.as_deref())?;
            }
            Field::Language => {
                let initial = old(&self.intake.patient.language);
                self.intake.patient.language =
                    self.optional(&self.t("ask-language"), initial.as_deref())?;
            }
            Field::Needs => {
                if !correcting {
                    self.wrapped(&self.t("needs-how"), "")?;
                }
                let old = earlier(&self.intake.patient.needs);
                self.intake.patient.needs = self.list("item-need", &old, None)?;
            }
            Field::FilledInBy => {
                let initial = old(&self.intake.patient.filled_in_by);
                self.intake.patient.filled_in_by =
                    self.optional(&self.t("ask-filled-in-by"), initial.as_deref())?;
            }
            Field::Concerns => {
                if !correcting {
                    self.wrapped(&self.t("concerns-how"), "")?;
                }
                let old = earlier(&self.intake.visit.concerns);
                self.intake.visit.concerns = self.list("item-worry", &old, None)?;
            }
            Field::Goal => {
                let initial = old(&self.intake.visit.goal);
                self.intake.visit.goal = self.optional(&self.t("ask-goal"), initial.as_deref())?;
            }
        }
        Ok(())
    }

    /// The name written when none is given, in the language of the file's notes: the one
    /// `check` reminds of.
    pub(super) fn name_to_replace(&self) -> String {
        if self.options.language == Language::English {
            NAME_TO_REPLACE.to_string()
        } else {
            self.dates.get("intake-name-to-replace")
        }
    }

    /// The intake's "female" or "male" in the interview's words; any other answer as it is.
    pub(super) fn sex_shown(&self, sex: &str) -> String {
        match sex {
            "female" => self.t("sex-female"),
            "male" => self.t("sex-male"),
            other => other.to_string(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::interview::scripted::{doctor_count, flat, guide, interview, only_about, owned};

    #[test]
    fn pregnancy_is_asked_only_where_it_can_apply() {
        let asked = |about: &[&str], pregnant: bool| {
            only_about(about, pregnant).1.contains("Are you pregnant?")
        };
        // A man, a woman of 76, a woman over 60 by a day: not asked.
        assert!(!asked(&["Tom", "1990-01-01", "male", ""], false));
        assert!(!asked(&["Tom", "1990-01-01", "M", ""], false));
        assert!(!asked(&["Ann", "4 April 1950", "female", ""], false));
        assert!(!asked(&["Ann", "5 December 1965", "woman", ""], false));
        // Sixty, someone who gives no sex or age, other words for the sex: asked.
        assert!(asked(
            &["Ann", "6 December 1966", "female", "no", ""],
            false
        ));
        assert!(asked(&["Sam", "", "", "no", ""], false));
        let (intake, out) = only_about(&["Kim", "1990-01-01", "non-binary", "no", ""], false);
        assert!(out.contains("Are you pregnant?"), "{out}");
        assert_eq!(intake.patient.sex.as_deref(), Some("non-binary"));
        let (intake, _) = only_about(&["Tom", "1990-01-01", "Man", "+44 20 7946 0000"], false);
        assert_eq!(intake.patient.sex.as_deref(), Some("male"));
        assert_eq!(intake.patient.phone.as_deref(), Some("+44 20 7946 0000"));
        // The guide's pregnancy question is not asked of a man either.
        let pregnancy = guide().doctor_question("pregnancy").unwrap().text.clone();
        let (_, out) = only_about(&["Tom", "1990-01-01", "male", ""], false);
        assert!(!flat(&out).contains(&pregnancy), "{out}");
    }

    #[test]
    fn blank_name_becomes_the_placeholder_check_reminds_of() {
        let (intake, out) = only_about(&["", "", "", "", ""], false);
        assert_eq!(intake.patient.name, NAME_TO_REPLACE);
        // A pregnancy question left blank is skipped too, not a "no".
        assert!(out.contains("Skipped: 1 to 35."), "{out}");
        assert!(!out.contains("Your name:"), "{out}");
    }

    #[test]
    fn every_key_of_the_format_is_asked_or_said_not_to_be() {
        // Not asked, so that the interview stays short for someone at a keyboard: what is
        // rarely known by heart (the doctor's name, when a medicine was started), what
        // only the paper diary records night by night, and the guide's own ids. `new`'s
        // template shows every one of them to fill in later. (`guide` is chosen on the
        // command line and always written.)
        const NOT_ASKED: &[&str] = &[
            "visit.doctor",
            // Follows the language the patient speaks best, which is asked.
            "visit.sheet_language",
            "health.notes",
            "medications.note",
            "medications.since",
            "medications.as_needed",
            "diary.night",
            "diary.at",
            "diary.minutes",
            "diary.where",
            "diary.severity",
            "diary.note",
            "questions.skip",
            "checklist.done",
        ];
        let guide = guide();
        let questions = doctor_count(true);
        let mut lines = owned(&["Ann Example", "1990-01-02", "female", "yes", "29", "0123"]);
        lines.extend(std::iter::repeat_n("an answer".to_string(), questions));
        lines.extend(owned(&["Magnesium 400 mg daily", "yes", "cramps", ""]));
        lines.extend(owned(&["Can I swim?", ""]));
        lines.extend(owned(&[
            "2026-12-02 09:30",
            "St Mary",
            "Neurology",
            "Cramps at night",
        ]));
        lines.extend(owned(&[
            "penicillin (rash)",
            "",
            "asthma",
            "",
            "Anna",
            "Ben, 0123",
        ]));
        lines.extend(owned(&[
            "German",
            "glasses",
            "",
            "Anna (daughter)",
            "the cramps",
            "",
        ]));
        lines.extend(owned(&["to sleep", ""]));
        let (intake, out) = interview(&lines);
        assert_eq!(intake.answers.len(), questions, "{out}");
        assert_eq!(intake.visit.goal.as_deref(), Some("to sleep"), "{out}");
        let written = crate::skeleton::intake_filled(&guide, &intake);
        let mut asked = crate::skeleton::keys_in(&written, false);
        // The keys that say there are none are written only for an answer "none".
        let mut none = owned(&["Ben", "", "", "", ""]);
        none.extend(std::iter::repeat_n(String::new(), doctor_count(false)));
        none.extend(owned(&["none", "", "", "", "", "", "none", "none"]));
        none.extend(std::iter::repeat_n(String::new(), 8));
        let (nothing, out) = interview(&none);
        assert!(
            nothing.health.no_medicines && nothing.health.no_known_allergies,
            "{out}"
        );
        assert!(nothing.health.no_other_illnesses, "{out}");
        asked.extend(crate::skeleton::keys_in(
            &crate::skeleton::intake_filled(&guide, &nothing),
            false,
        ));
        for key in NOT_ASKED {
            assert!(!asked.contains(*key), "{key} is asked after all");
            asked.insert(key.to_string());
        }
        assert_eq!(asked, crate::intake::schema::all_keys());
    }
}
