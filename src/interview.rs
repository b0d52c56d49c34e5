//! `visitprep interview`: the intake asked for question by question, so nobody has to know
//! TOML. It reads answers from any [`BufRead`] and writes prompts to any [`Write`]: on a
//! terminal that is the keyboard and the screen, in tests a string.
//!
//! One answer is one line. A blank line skips the question; the end of the input leaves all
//! remaining questions blank. The answers come back as an [`Intake`], which
//! [`crate::skeleton::intake_filled`] turns into a commented file.

use std::collections::BTreeMap;
use std::io::{self, BufRead, Write};

use chrono::{NaiveDate, NaiveDateTime};

use crate::guide::Guide;
use crate::intake::{Health, Intake, Medication, Patient, Visit, VisitTime, NAME_TO_REPLACE};

/// How the questions are shown.
#[derive(Debug, Clone, Copy, Default)]
pub struct Options {
    /// Questions in bold (terminal escape codes). Only for a terminal.
    pub styled: bool,
    /// The input is not a terminal, so what is typed is not shown: end each prompt's line.
    pub piped: bool,
    /// Today, to refuse a birth date in the future.
    pub today: Option<NaiveDate>,
}

const WIDTH: usize = 76;

struct Asker<R, W> {
    input: R,
    out: W,
    options: Options,
    /// The input has ended: every remaining question is answered blank.
    ended: bool,
}

impl<R: BufRead, W: Write> Asker<R, W> {
    fn say(&mut self, text: &str) -> io::Result<()> {
        if self.ended {
            return Ok(());
        }
        writeln!(self.out, "{text}")
    }

    fn heading(&mut self, text: &str) -> io::Result<()> {
        if self.ended {
            return Ok(());
        }
        writeln!(self.out)?;
        self.bold_line(text)
    }

    /// A question or heading: wrapped to the screen, in bold where escape codes are allowed.
    fn bold_line(&mut self, text: &str) -> io::Result<()> {
        for line in wrap(text, WIDTH) {
            if self.options.styled {
                writeln!(self.out, "\x1b[1m{line}\x1b[0m")?;
            } else {
                writeln!(self.out, "{line}")?;
            }
        }
        Ok(())
    }

    /// Text wrapped to the screen, every line starting with `indent`.
    fn wrapped(&mut self, text: &str, indent: &str) -> io::Result<()> {
        if self.ended {
            return Ok(());
        }
        for line in wrap(text, WIDTH - indent.chars().count()) {
            writeln!(self.out, "{indent}{line}")?;
        }
        Ok(())
    }

    /// Shows `prompt` and reads one line, trimmed; blank once the input has ended.
    fn ask(&mut self, prompt: &str) -> io::Result<String> {
        loop {
            if self.ended {
                return Ok(String::new());
            }
            write!(self.out, "{prompt} ")?;
            self.out.flush()?;
            let mut bytes = Vec::new();
            let read = self.input.read_until(b'\n', &mut bytes)?;
            if self.options.piped || read == 0 {
                writeln!(self.out)?;
            }
            if read == 0 {
                self.ended = true;
                return Ok(String::new());
            }
            match String::from_utf8(bytes) {
                Ok(text) => return Ok(text.trim().to_string()),
                Err(_) => writeln!(
                    self.out,
                    "  That could not be read as text (it is not UTF-8). Please type it again."
                )?,
            }
        }
    }

    /// Asks until `parse` accepts the answer or it is blank.
    fn ask_until<T>(
        &mut self,
        prompt: &str,
        mut parse: impl FnMut(&str) -> Result<T, String>,
    ) -> io::Result<Option<T>> {
        loop {
            let answer = self.ask(prompt)?;
            if answer.is_empty() {
                return Ok(None);
            }
            match parse(&answer) {
                Ok(value) => return Ok(Some(value)),
                Err(problem) => {
                    writeln!(self.out, "  {problem}")?;
                    writeln!(
                        self.out,
                        "  Please try again, or leave it blank to skip it."
                    )?;
                }
            }
        }
    }

    /// Answers to `what 1`, `what 2`, … until a blank one.
    fn list(&mut self, what: &str) -> io::Result<Vec<String>> {
        let mut items = Vec::new();
        while let Some(item) =
            self.optional(&format!("{what} {} (blank when done):", items.len() + 1))?
        {
            items.push(item);
        }
        Ok(items)
    }

    fn optional(&mut self, prompt: &str) -> io::Result<Option<String>> {
        let answer = self.ask(prompt)?;
        Ok((!answer.is_empty()).then_some(answer))
    }
}

/// `text` broken into lines of at most `width` characters, at spaces, for a terminal; a word
/// longer than the width stands on its own line.
pub fn wrap(text: &str, width: usize) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        if !line.is_empty() && line.chars().count() + 1 + word.chars().count() > width {
            lines.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

/// A calendar date written year-month-day, with a four-digit year.
pub fn parse_date(text: &str) -> Result<NaiveDate, String> {
    let date = NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d").map_err(|_| {
        format!("\"{text}\" is not a date written year-month-day, like 1956-03-14.")
    })?;
    if !(1000..=9999).contains(&chrono::Datelike::year(&date)) {
        return Err(format!(
            "\"{text}\" needs a four-digit year, like 1956-03-14."
        ));
    }
    Ok(date)
}

/// A visit day, or day and time: `2026-12-02`, `2026-12-02 09:30`, `2026-12-02T09:30:00`.
pub fn parse_visit_time(text: &str) -> Result<VisitTime, String> {
    let text = text.trim();
    if let Ok(day) = parse_date(text) {
        return Ok(VisitTime::Day(day));
    }
    let normal = text.replacen('T', " ", 1).replacen('t', " ", 1);
    let mut parts = normal.split_whitespace();
    let (Some(day), Some(time), None) = (parts.next(), parts.next(), parts.next()) else {
        return Err(visit_time_problem(text));
    };
    let day = parse_date(day).map_err(|_| visit_time_problem(text))?;
    let time = ["%H:%M", "%H:%M:%S"]
        .iter()
        .find_map(|f| chrono::NaiveTime::parse_from_str(time, f).ok())
        .ok_or_else(|| visit_time_problem(text))?;
    Ok(VisitTime::DayAndTime(NaiveDateTime::new(day, time)))
}

fn visit_time_problem(text: &str) -> String {
    format!("\"{text}\" is not a date, or a date and time, like 2026-12-02 or 2026-12-02 09:30.")
}

fn parse_yes_no(text: &str) -> Result<bool, String> {
    match text.trim().to_lowercase().as_str() {
        "yes" | "y" | "true" => Ok(true),
        "no" | "n" | "false" => Ok(false),
        _ => Err(format!("Please answer yes or no (not \"{text}\").")),
    }
}

fn parse_week(text: &str) -> Result<u8, String> {
    match text.trim().parse::<u8>() {
        Ok(w) if (1..=45).contains(&w) => Ok(w),
        _ => Err(format!(
            "\"{text}\" is not a week of pregnancy: write a whole number from 1 to 45."
        )),
    }
}

/// Asks the intake's questions in order and returns the answers as an intake for `guide`.
pub fn run<R: BufRead, W: Write>(
    guide: &Guide,
    input: R,
    out: W,
    options: Options,
) -> io::Result<Intake> {
    let mut a = Asker {
        input,
        out,
        options,
        ended: false,
    };
    a.introduce(guide)?;
    let mut patient = a.about_you()?;
    let answers = a.doctor_questions(guide, patient.pregnant)?;
    let medications = a.medicines()?;
    let own_questions = a.own_questions()?;
    let mut visit = a.the_visit(patient.born)?;
    let health = a.people_and_health(&mut patient, &mut visit)?;
    a.what_matters(&mut visit)?;
    Ok(Intake {
        guide: guide.id.clone(),
        patient,
        visit,
        answers,
        health,
        medications,
        diary: Vec::new(),
        own_questions,
        skipped_questions: Vec::new(),
        checklist_done: Vec::new(),
    })
}

// The interview's parts, in the order they are asked.
impl<R: BufRead, W: Write> Asker<R, W> {
    fn introduce(&mut self, guide: &Guide) -> io::Result<()> {
        self.bold_line(&format!("Preparing your visit: {}", guide.title))?;
        self.wrapped(
            "Answer each question and press Enter. To skip a question, just press Enter: the \
             sheet then has lines to write the answer by hand. You can change everything later \
             in the file this writes.",
            "",
        )?;
        if !self.options.piped {
            self.wrapped(
                "To stop early and keep what you have answered, press Ctrl+D (on Windows: \
                 Ctrl+Z, then Enter).",
                "",
            )?;
        }
        Ok(())
    }

    fn about_you(&mut self) -> io::Result<Patient> {
        self.heading("About you")?;
        let name = self.ask("Your full name:")?;
        let name = if name.is_empty() {
            self.say(&format!(
                "  (Written as \"{NAME_TO_REPLACE}\": put your name in the file later.)"
            ))?;
            NAME_TO_REPLACE.to_string()
        } else {
            name
        };
        let today = self.options.today;
        let born = self.ask_until("Date of birth (year-month-day, e.g. 1956-03-14):", |t| {
            let d = parse_date(t)?;
            match today {
                Some(today) if d > today => Err(format!("{d} is in the future.")),
                _ => Ok(d),
            }
        })?;
        let pregnant = self
            .ask_until("Are you pregnant? (yes/no, blank to skip)", parse_yes_no)?
            .unwrap_or(false);
        let pregnancy_week = if pregnant {
            self.ask_until(
                "Which week of pregnancy are you in? (1 to 45, blank to skip)",
                parse_week,
            )?
        } else {
            None
        };

        Ok(Patient {
            name,
            born,
            pregnant,
            pregnancy_week,
            ..Patient::default()
        })
    }

    /// The guide's questions for the doctor that apply, by id.
    fn doctor_questions(
        &mut self,
        guide: &Guide,
        pregnant: bool,
    ) -> io::Result<BTreeMap<String, String>> {
        let questions: Vec<_> = guide
            .doctor_questions
            .iter()
            .filter(|q| q.when.pregnant.is_none_or(|p| p == pregnant))
            .collect();
        self.heading(&format!(
            "Questions the doctor is likely to ask ({})",
            questions.len()
        ))?;
        self.say("Answer in your own words, on one line.")?;
        let mut answers = BTreeMap::new();
        for (i, q) in questions.iter().enumerate() {
            if !self.ended {
                writeln!(self.out)?;
                self.bold_line(&format!("{}/{}. {}", i + 1, questions.len(), q.text))?;
                if !q.hint.is_empty() {
                    self.wrapped(&q.hint, "   ")?;
                }
            }
            if let Some(answer) = self.optional(">")? {
                answers.insert(q.id.clone(), answer);
            }
        }

        Ok(answers)
    }

    fn medicines(&mut self) -> io::Result<Vec<Medication>> {
        self.heading("Your medicines")?;
        self.say("One medicine at a time, as written on the box. Leave the name blank when done.")?;
        let mut medications = Vec::new();
        loop {
            let n = medications.len() + 1;
            let Some(name) = self.optional(&format!("Medicine {n}, name (blank when done):"))?
            else {
                break;
            };
            let dose = self.optional("  Dose (e.g. 12.5 mg):")?;
            let how_often = self.optional("  How often (e.g. every morning):")?;
            let reason = self.optional("  What it is for:")?;
            medications.push(Medication {
                name,
                dose,
                how_often,
                reason,
                ..Medication::default()
            });
        }

        Ok(medications)
    }

    fn own_questions(&mut self) -> io::Result<Vec<String>> {
        self.heading("Your own questions for the doctor")?;
        self.say("One question at a time. Leave it blank when done.")?;
        self.list("Question")
    }

    /// The appointment; `born` to refuse a visit before the birth.
    fn the_visit(&mut self, born: Option<NaiveDate>) -> io::Result<Visit> {
        self.heading("The visit")?;
        let when = self.ask_until(
            "Date of the visit (e.g. 2026-12-02, or 2026-12-02 09:30 with the time):",
            |t| {
                let when = parse_visit_time(t)?;
                match born {
                    Some(born) if when.date() < born => Err(format!(
                        "The visit ({}) would be before the date of birth ({born}).",
                        when.date()
                    )),
                    _ => Ok(when),
                }
            },
        )?;
        let clinic = self.optional("Clinic or place (e.g. St. Mary Hospital):")?;
        let department = self.optional("Department (e.g. Neurology):")?;
        let reason = self.optional(
            "Why are you going, in one or two sentences? (e.g. Painful cramps in my calves at night.)",
        )?;
        Ok(Visit {
            when,
            clinic,
            department,
            reason,
            ..Visit::default()
        })
    }

    // Asked after what came first, so that answers written for the order up to the
    // department still fit it.
    fn people_and_health(
        &mut self,
        patient: &mut Patient,
        visit: &mut Visit,
    ) -> io::Result<Health> {
        self.heading("Allergies, other illnesses, and the people with you")?;
        self.wrapped(
            "Allergies to medicines, foods or anything else, one at a time, with what happens \
             (e.g. penicillin (rash)). Leave it blank when done.",
            "",
        )?;
        let allergies = self.list("Allergy")?;
        self.wrapped(
            "Other illnesses you are treated for, one at a time (e.g. high blood pressure).",
            "",
        )?;
        let conditions = self.list("Illness")?;
        let companion =
            self.optional("Who is coming with you? (e.g. my daughter Anna; blank if no one):")?;
        let emergency_contact = self.optional(
            "Someone to call in an emergency, with their phone number (blank to skip):",
        )?;
        let language = self.optional(
            "The language you speak best, if the doctor may not speak it (blank to skip):",
        )?;
        self.wrapped(
            "Anything that helps you take part in the visit, one at a time (e.g. reading glasses, \
             a hearing aid, an interpreter, a wheelchair). Leave it blank when done.",
            "",
        )?;
        let needs = self.list("Need")?;
        let filled_in_by = self.optional(
            "If you are filling this in for someone else: your name, and who you are to them \
             (e.g. Anna Example (daughter); blank if it is for you):",
        )?;
        visit.companion = companion;
        patient.emergency_contact = emergency_contact;
        patient.language = language;
        patient.needs = needs;
        patient.filled_in_by = filled_in_by;
        Ok(Health {
            conditions,
            allergies,
            ..Health::default()
        })
    }

    fn what_matters(&mut self, visit: &mut Visit) -> io::Result<()> {
        self.heading("What matters most to you")?;
        self.wrapped(
            "What worries you most about your health problem? One worry at a time, the most important first \
             (the first three go on the sheet's first page). Leave it blank when done.",
            "",
        )?;
        let concerns = self.list("Worry")?;
        let goal = self.optional(
            "What do you hope to get from the visit? (e.g. To sleep through the night again.)",
        )?;
        visit.concerns = concerns;
        visit.goal = goal;
        Ok(())
    }
}

/// A path as it should be typed in a shell: quoted when it has anything but plain characters.
pub fn shell_word(path: &str) -> String {
    let plain = !path.is_empty()
        && path
            .chars()
            .all(|c| c.is_alphanumeric() || "-_./+:@%,=".contains(c));
    if plain {
        path.to_string()
    } else {
        format!("'{}'", path.replace('\'', r"'\''"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn interview(input: &str, options: Options) -> (Intake, String) {
        let guide = Guide::built_in("nocturnal-leg-cramps").unwrap();
        let mut out = Vec::new();
        let intake = run(&guide, input.as_bytes(), &mut out, options).unwrap();
        (intake, String::from_utf8(out).unwrap())
    }

    /// The output with its line breaks as spaces, to find wrapped text.
    fn flat(out: &str) -> String {
        out.split_whitespace().collect::<Vec<_>>().join(" ")
    }

    #[test]
    fn dates_are_read_in_the_forms_shown() {
        assert_eq!(
            parse_date("1956-03-14").unwrap(),
            NaiveDate::from_ymd_opt(1956, 3, 14).unwrap()
        );
        assert!(parse_date("14.03.1956").is_err());
        assert!(parse_date("1956-02-30").is_err());
        assert!(parse_date("56-03-14").is_err());
        let day = NaiveDate::from_ymd_opt(2026, 12, 2).unwrap();
        assert_eq!(parse_visit_time("2026-12-02").unwrap(), VisitTime::Day(day));
        let at = day.and_hms_opt(9, 30, 0).unwrap();
        for text in [
            "2026-12-02 09:30",
            "2026-12-02T09:30",
            "2026-12-02 09:30:00",
        ] {
            assert_eq!(
                parse_visit_time(text).unwrap(),
                VisitTime::DayAndTime(at),
                "{text}"
            );
        }
        assert!(parse_visit_time("2026-12-02 25:00").is_err());
        assert!(parse_visit_time("next Tuesday").is_err());
    }

    #[test]
    fn end_of_input_leaves_the_rest_blank() {
        let (intake, out) = interview("Ann Example\n1950-01-02\n", Options::default());
        assert_eq!(intake.patient.name, "Ann Example");
        assert_eq!(
            intake.patient.born,
            Some(NaiveDate::from_ymd_opt(1950, 1, 2).unwrap())
        );
        assert!(intake.answers.is_empty());
        assert!(intake.medications.is_empty());
        assert!(intake.visit.when.is_none());
        // After the input ends no further question is shown.
        assert!(!out.contains("Your medicines"), "{out}");
    }

    #[test]
    fn blank_name_becomes_the_placeholder_check_reminds_of() {
        let (intake, _) = interview("", Options::default());
        assert_eq!(intake.patient.name, NAME_TO_REPLACE);
    }

    #[test]
    fn pregnancy_questions_only_when_pregnant() {
        let guide = Guide::built_in("nocturnal-leg-cramps").unwrap();
        let pregnancy = guide
            .doctor_question("pregnancy")
            .expect("the guide asks about pregnancy")
            .text
            .clone();
        // Enough blank answers to go past every question.
        let rest = "\n".repeat(guide.doctor_questions.len() + 5);
        let (not, out) = interview(&format!("A\n\nno\n{rest}"), Options::default());
        assert!(!not.patient.pregnant);
        assert!(out.contains("Date of the visit"), "{out}");
        assert!(!flat(&out).contains(&pregnancy), "{out}");
        let (is, out) = interview(&format!("A\n\nyes\n50\n29\n{rest}"), Options::default());
        assert!(is.patient.pregnant);
        assert_eq!(is.patient.pregnancy_week, Some(29));
        assert!(out.contains("is not a week of pregnancy"), "{out}");
        assert!(flat(&out).contains(&pregnancy), "{out}");
    }

    #[test]
    fn escape_codes_only_when_styled() {
        let (_, plain) = interview("A\n", Options::default());
        assert!(!plain.contains('\x1b'));
        let (_, styled) = interview(
            "A\n",
            Options {
                styled: true,
                ..Options::default()
            },
        );
        assert!(styled.contains("\x1b[1m"));
    }

    #[test]
    fn birth_in_the_future_and_visit_before_birth_are_asked_again() {
        let today = NaiveDate::from_ymd_opt(2026, 1, 1);
        let mut input = String::from("A\n2030-01-01\n1960-05-05\nno\n");
        let guide = Guide::built_in("nocturnal-leg-cramps").unwrap();
        let asked = guide
            .doctor_questions
            .iter()
            .filter(|q| q.when.pregnant != Some(true))
            .count();
        input.push_str(&"\n".repeat(asked)); // the guide's questions, skipped
        input.push_str("\n\n1950-01-01\n2026-02-03 10:15\n");
        let (intake, out) = interview(
            &input,
            Options {
                today,
                ..Options::default()
            },
        );
        assert!(out.contains("2030-01-01 is in the future"), "{out}");
        assert!(out.contains("before the date of birth"), "{out}");
        assert_eq!(
            intake.patient.born,
            Some(NaiveDate::from_ymd_opt(1960, 5, 5).unwrap())
        );
        assert_eq!(
            intake.visit.when.map(|w| w.date()),
            NaiveDate::from_ymd_opt(2026, 2, 3)
        );
    }

    #[test]
    fn paths_are_quoted_for_the_shell_when_needed() {
        assert_eq!(shell_word("intake.toml"), "intake.toml");
        assert_eq!(shell_word("my intake.toml"), "'my intake.toml'");
        assert_eq!(shell_word("Ann's.toml"), r"'Ann'\''s.toml'");
    }

    #[test]
    fn every_key_of_the_format_is_asked_or_said_not_to_be() {
        // Not asked, so that the interview stays short for someone at a keyboard: what is
        // rarely known by heart (the doctor's name, when a medicine was started), what
        // only the paper diary records night by night, and the guide's own ids. `new`'s
        // template shows every one of them to fill in later. (`guide` is chosen on the
        // command line and always written.)
        const NOT_ASKED: &[&str] = &[
            "patient.sex",
            "patient.phone",
            "visit.doctor",
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
        let guide = Guide::built_in("nocturnal-leg-cramps").unwrap();
        let questions = guide
            .doctor_questions
            .iter()
            .filter(|q| q.when.pregnant != Some(false))
            .count();
        let mut input = String::from("Ann Example\n1990-01-02\nyes\n29\n");
        input.push_str(&"an answer\n".repeat(questions));
        input.push_str("Magnesium\n400 mg\ndaily\ncramps\n\n");
        input.push_str("Can I swim?\n\n");
        input.push_str("2026-12-02 09:30\nSt Mary\nNeurology\nCramps at night\n");
        input.push_str("penicillin (rash)\n\nasthma\n\nAnna\nBen, 0123\nGerman\nglasses\n\n");
        input.push_str("Anna (daughter)\nthe cramps\n\nto sleep\n");
        let (intake, out) = interview(&input, Options::default());
        assert_eq!(intake.answers.len(), questions, "{out}");
        assert_eq!(intake.visit.goal.as_deref(), Some("to sleep"), "{out}");
        let written = crate::skeleton::intake_filled(&guide, &intake);
        let mut asked = crate::skeleton::keys_in(&written, false);
        for key in NOT_ASKED {
            assert!(!asked.contains(*key), "{key} is asked after all");
            asked.insert(key.to_string());
        }
        assert_eq!(asked, crate::intake::schema::all_keys());
    }
}
