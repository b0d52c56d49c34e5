//! After the last question, every answer shown numbered, to be changed by number before
//! anything is kept. A change can make other questions apply or stop applying (the
//! pregnancy questions, for one), so the answers are settled again after each change.

use std::io::Write;

use super::asking::Asker;
use super::heard::listed;
use super::medicine_list::one_line;
use super::questions::Field;
use super::screen::{wrap, WIDTH};
use super::typing::shown;
use super::Stop;
use crate::words::Words;

impl<W: Write> Asker<'_, W> {
    /// A field's label and answer, as the read-back shows them; `None` when it was skipped.
    fn shown_field(&self, field: Field) -> Option<(String, String)> {
        let i = &self.intake;
        let text = |v: &Option<String>| v.clone();
        let items = |v: &[String], none: Option<&str>| {
            if let Some(what) = none {
                Some(self.t(&format!("none-{what}")))
            } else if v.is_empty() {
                None
            } else {
                Some(v.join("; "))
            }
        };
        let said = |yes: bool, id: &'static str| yes.then_some(id);
        let (label, value) = match field {
            Field::Name => (
                "label-name",
                (i.patient.name != self.name_to_replace()).then(|| i.patient.name.clone()),
            ),
            Field::Born => ("label-born", i.patient.born.map(|b| self.day_month_year(b))),
            Field::Sex => (
                "label-sex",
                i.patient.sex.as_deref().map(|s| self.sex_shown(s)),
            ),
            Field::Pregnant => (
                "label-pregnant",
                match (i.patient.pregnant, i.patient.pregnancy_week) {
                    (true, Some(w)) => Some(self.tw(
                        "read-back-pregnant-week",
                        &[("week", Words::count(w.into()))],
                    )),
                    (true, None) => Some(self.t("read-back-yes")),
                    (false, _) if self.pregnancy_said => Some(self.t("read-back-no")),
                    (false, _) => None,
                },
            ),
            Field::Phone => ("label-phone", text(&i.patient.phone)),
            Field::Doctor(index) => {
                let q = &self.guide.doctor_questions[index];
                let answer = i.answers.get(&q.id)?;
                return Some((q.text.clone(), answer.clone()));
            }
            Field::Medicines => (
                "label-medicines",
                if i.health.no_medicines {
                    Some(self.t("none-item-medicine"))
                } else if i.medications.is_empty() {
                    None
                } else {
                    Some(
                        i.medications
                            .iter()
                            .map(|m| match &m.reason {
                                Some(reason) => self.tw(
                                    "read-back-medicine-for",
                                    &[
                                        ("medicine", Words::text(one_line(m))),
                                        ("reason", Words::text(reason.clone())),
                                    ],
                                ),
                                None => one_line(m),
                            })
                            .collect::<Vec<_>>()
                            .join("; "),
                    )
                },
            ),
            Field::OwnQuestions => ("label-own-questions", items(&i.own_questions, None)),
            Field::When => ("label-visit", i.visit.when.map(|w| self.long_visit(w))),
            Field::Clinic => ("label-clinic", text(&i.visit.clinic)),
            Field::Department => ("label-department", text(&i.visit.department)),
            Field::Reason => ("label-reason", text(&i.visit.reason)),
            Field::Allergies => (
                "label-allergies",
                items(
                    &i.health.allergies,
                    said(i.health.no_known_allergies, "item-allergy"),
                ),
            ),
            Field::Illnesses => (
                "label-illnesses",
                items(
                    &i.health.conditions,
                    said(i.health.no_other_illnesses, "item-illness"),
                ),
            ),
            Field::Companion => ("label-companion", text(&i.visit.companion)),
            Field::EmergencyContact => (
                "label-emergency-contact",
                text(&i.patient.emergency_contact),
            ),
            Field::Language => ("label-language", text(&i.patient.language)),
            Field::Needs => ("label-needs", items(&i.patient.needs, None)),
            Field::FilledInBy => ("label-filled-in-by", text(&i.patient.filled_in_by)),
            Field::Concerns => ("label-concerns", items(&i.visit.concerns, None)),
            Field::Goal => ("label-goal", text(&i.visit.goal)),
        };
        Some((self.t(label), value?))
    }

    /// Every answer, numbered, to change by number until the person says all is right.
    pub(super) fn read_back(&mut self) -> Result<(), Stop> {
        loop {
            let fields = self.fields();
            writeln!(self.out)?;
            self.bold_line(&self.t("read-back-title"))?;
            // Skipped questions are named by number only, so that the answers given fit on
            // one screen.
            let mut skipped = Vec::new();
            for (n, &field) in fields.iter().enumerate() {
                let Some((label, value)) = self.shown_field(field) else {
                    skipped.push(n + 1);
                    continue;
                };
                let number = format!("{:>2}. ", n + 1);
                let entry = if label.ends_with('?') {
                    format!("{label} {value}")
                } else {
                    self.tw(
                        "read-back-entry",
                        &[("label", Words::text(label)), ("value", Words::text(value))],
                    )
                };
                let lines = wrap(&entry, WIDTH - number.len());
                for (k, line) in lines.iter().enumerate() {
                    let lead = if k == 0 { number.as_str() } else { "    " };
                    writeln!(self.out, "{lead}{line}")?;
                }
            }
            if !skipped.is_empty() {
                let numbers = ranges_in(self.w, &skipped);
                let said = self.tw("read-back-skipped", &[("numbers", Words::text(numbers))]);
                self.wrapped(&said, "")?;
            }
            self.wrapped(&self.t("read-back-how"), "")?;
            let field = loop {
                let answer = match self.ask_text(&self.t("ask-number"), "") {
                    // A script that answered every question is done.
                    Err(Stop::InputEnded) if !self.input.is_terminal() => return Ok(()),
                    other => other?,
                };
                let answer = answer.trim().trim_end_matches('.').to_lowercase();
                if answer.is_empty() || listed(self.w, "words-done", &answer) {
                    return Ok(());
                }
                match answer.trim_start_matches('#').parse::<usize>() {
                    Ok(n) if (1..=fields.len()).contains(&n) => break fields[n - 1],
                    _ => {
                        let said = self.tw(
                            "no-such-answer",
                            &[
                                ("text", Words::text(shown(&answer))),
                                ("count", Words::count(fields.len())),
                            ],
                        );
                        self.say(&format!("  {said}"))?;
                    }
                }
            };
            self.ask(field, true)?;
            self.settle(fields)?;
        }
    }

    /// After a change: answers to questions that no longer apply go (pregnancy for a man),
    /// questions that apply now are asked (the pregnancy questions once "pregnant" is yes).
    fn settle(&mut self, mut before: Vec<Field>) -> Result<(), Stop> {
        loop {
            let now = self.fields();
            for gone in before.iter().filter(|f| !now.contains(f)) {
                match *gone {
                    Field::Pregnant => {
                        self.intake.patient.pregnant = false;
                        self.intake.patient.pregnancy_week = None;
                    }
                    Field::Doctor(index) => {
                        let id = &self.guide.doctor_questions[index].id;
                        self.intake.answers.remove(id);
                    }
                    _ => {}
                }
            }
            let new: Vec<Field> = now
                .iter()
                .filter(|f| !before.contains(f))
                .copied()
                .collect();
            if new.is_empty() && now.len() == before.len() {
                return Ok(());
            }
            before = now;
            for field in new {
                self.ask(field, false)?;
            }
        }
    }
}

/// Numbers as ranges in `words`' language: "6 to 19, 21, 24", "6 a 19, 21, 24".
fn ranges_in(words: &Words, numbers: &[usize]) -> String {
    let mut parts: Vec<String> = Vec::new();
    let mut at = 0;
    while at < numbers.len() {
        let mut end = at;
        while end + 1 < numbers.len() && numbers[end + 1] == numbers[end] + 1 {
            end += 1;
        }
        parts.push(match end - at {
            0 => numbers[at].to_string(),
            1 => format!("{}, {}", numbers[at], numbers[end]),
            _ => words.with(
                "read-back-range",
                &[
                    ("first", Words::count(numbers[at])),
                    ("last", Words::count(numbers[end])),
                ],
            ),
        });
        at = end + 1;
    }
    parts.join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::Language;
    use crate::intake::VisitTime;
    use crate::interview::scripted::{
        date, doctor_count, flat, guide, interview, only_about, options, owned, try_interview,
        up_to_the_visit,
    };
    use crate::interview::{run, Options};
    use crate::words::Catalogue;

    /// Numbers as ranges: "6 to 19, 21, 24".
    fn ranges(numbers: &[usize]) -> String {
        ranges_in(
            Words::from(Catalogue::Interview, Language::English),
            numbers,
        )
    }

    /// The read-back's number for an answer, from what it showed.
    fn number_of(out: &str, label: &str) -> String {
        let shown = out
            .lines()
            .rev()
            .find(|l| l.contains(&format!(". {label}")))
            .unwrap_or_else(|| panic!("{label} not in the read-back:\n{out}"));
        shown.split('.').next().unwrap().trim().to_string()
    }

    #[test]
    fn every_answer_is_read_back_and_can_be_changed_by_number() {
        let mut lines = up_to_the_visit(&["Ann Exmaple", "4 April 1950", "female", "0123"], false);
        lines.extend(owned(&["last Tuesday", "yes", "St Mary"]));
        lines.extend(std::iter::repeat_n(String::new(), 2));
        lines.extend(owned(&["latex", ""]));
        lines.extend(std::iter::repeat_n(String::new(), 8));
        // The read-back: a number that is none, then the name, the visit and the allergies.
        lines.extend(owned(&["99", "1", "Ann Example"]));
        let (_, out) = try_interview(&lines);
        let visit = number_of(&out, "The visit:");
        let allergies = number_of(&out, "Allergies:");
        lines.extend(owned(&[&visit, "10 December 2026"]));
        lines.extend(owned(&[&allergies, "latex (rash)", "plasters", ""]));
        lines.push("done".into());
        let (intake, out) = interview(&lines);
        assert!(out.contains(" 1. Your name: Ann Exmaple"), "{out}");
        assert!(out.contains(" 1. Your name: Ann Example"), "{out}");
        assert!(out.contains("There is no answer \"99\""), "{out}");
        assert!(out.contains("Allergy 1 (blank to take it out):"), "{out}");
        assert!(
            out.contains(&format!("{visit}. The visit: Thursday 10 December 2026")),
            "{out}"
        );
        assert_eq!(intake.patient.name, "Ann Example");
        assert_eq!(intake.patient.phone.as_deref(), Some("0123"));
        assert_eq!(intake.visit.when, Some(VisitTime::Day(date(2026, 12, 10))));
        assert_eq!(intake.visit.clinic.as_deref(), Some("St Mary"));
        assert_eq!(intake.health.allergies, ["latex (rash)", "plasters"]);
    }

    #[test]
    fn a_change_at_the_read_back_drops_what_no_longer_applies() {
        let pregnancy = guide().doctor_question("pregnancy").unwrap().text.clone();
        let about = ["Eve", "1 June 1994", "female", "yes", "20", ""];
        let mut lines = up_to_the_visit(&about, true);
        // The pregnancy question of the guide, answered.
        let at = about.len()
            + guide()
                .doctor_questions
                .iter()
                .filter(|q| q.when.pregnant != Some(false))
                .position(|q| q.id == "pregnancy")
                .unwrap();
        lines[at] = "cramps since week 18".into();
        lines.push(String::new());
        lines.extend(std::iter::repeat_n(String::new(), 12));
        lines.extend(owned(&["3", "male"]));
        let (_, out) = try_interview(&lines);
        assert!(flat(&out).contains(&pregnancy), "{out}");
        // The questions for someone not pregnant are asked once pregnancy no longer applies.
        let added = guide()
            .doctor_questions
            .iter()
            .filter(|q| q.when.pregnant == Some(false))
            .count();
        lines.extend(std::iter::repeat_n(String::new(), added));
        lines.push(String::new());
        let (intake, out) = interview(&lines);
        assert_eq!(intake.patient.sex.as_deref(), Some("male"));
        assert!(!intake.patient.pregnant);
        assert_eq!(intake.patient.pregnancy_week, None);
        assert!(!intake.answers.contains_key("pregnancy"), "{out}");
        let last_read_back = &out[out.rfind("Your answers").unwrap()..];
        assert!(!last_read_back.contains("Pregnant"), "{last_read_back}");
        assert!(
            !flat(last_read_back).contains(&pregnancy),
            "{last_read_back}"
        );
    }

    #[test]
    fn a_skipped_pregnancy_is_read_back_as_not_said() {
        let (intake, out) = only_about(&["Ann", "1990-01-02", "female", ""], false);
        assert!(!intake.patient.pregnant);
        let last_read_back = &out[out.rfind("1. ").unwrap()..];
        assert!(!last_read_back.contains("Pregnant"), "{last_read_back}");
        let (_, out) = only_about(&["Ann", "1990-01-02", "female", "no"], false);
        let last_read_back = &out[out.rfind("1. ").unwrap()..];
        assert!(
            flat(last_read_back).contains("Pregnant: no"),
            "{last_read_back}"
        );
    }

    #[test]
    fn skipped_numbers_are_shown_as_ranges() {
        assert_eq!(ranges(&[1]), "1");
        assert_eq!(ranges(&[1, 2]), "1, 2");
        assert_eq!(
            ranges(&[6, 7, 8, 9, 21, 24, 25, 26, 30]),
            "6 to 9, 21, 24 to 26, 30"
        );
    }

    #[test]
    fn a_spanish_interview_reads_back_in_spanish() {
        let lines = owned(&["Carmen", "ayer", "no", "04/05/1956", "2", "h", ""]);
        let mut lines = {
            let mut l = lines;
            l.extend(std::iter::repeat_n(String::new(), doctor_count(false)));
            l.extend(owned(&["nada", "", "dentro de dos semanas", "sí"]));
            l.extend(std::iter::repeat_n(String::new(), 3));
            l
        };
        lines.extend(owned(&["ninguna", "nada"]));
        lines.extend(std::iter::repeat_n(String::new(), 7));
        // The clinic, changed at the read-back: after four about him, the guide's, the
        // medicines, his questions and the visit's date.
        lines.push((4 + doctor_count(false) + 4).to_string());
        lines.push("Hospital San Juan".into());
        lines.push("listo".into());
        let input = lines.join("\n") + "\n";
        let mut out = Vec::new();
        let guide = guide().translated(Language::Spanish).unwrap();
        let options = Options {
            language: Language::Spanish,
            ..options()
        };
        let result = run(&guide, input.as_bytes(), &mut out, options);
        let out = String::from_utf8(out).unwrap();
        let intake = result.unwrap_or_else(|e| panic!("{e}\n{out}"));
        assert!(
            out.contains("Eso es el sábado 5 de diciembre de 2026. ¿Está bien? (sí/no)"),
            "{out}"
        );
        assert!(
            out.contains(
                "¿Quiere decir el 4 de mayo de 1956 o el 5 de abril de 1956? (escriba 1 o 2)"
            ),
            "{out}"
        );
        assert_eq!(intake.patient.born, Some(date(1956, 4, 5)));
        assert_eq!(intake.patient.sex.as_deref(), Some("male"));
        assert!(intake.health.no_medicines, "{out}");
        assert!(intake.health.no_known_allergies && intake.health.no_other_illnesses);
        assert_eq!(intake.visit.when, Some(VisitTime::Day(date(2026, 12, 20))));
        assert_eq!(intake.visit.clinic.as_deref(), Some("Hospital San Juan"));
        assert_eq!(intake.visit.sheet_language, Some(Language::Spanish));
        assert!(out.contains("Medicamentos: ninguno\n"), "{out}");
        assert!(out.contains("Otras enfermedades: ninguna\n"), "{out}");
        assert!(
            out.contains("La consulta: domingo 20 de diciembre de 2026\n"),
            "{out}"
        );
        assert!(out.contains("Sin contestar: "), "{out}");
        // An English interview leaves the sheet's language to the intake's other answers.
        let (english, _) = only_about(&["Ann", "", "", "", ""], false);
        assert_eq!(english.visit.sheet_language, None);
    }
}
