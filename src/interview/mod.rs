//! `visitprep interview`: the intake asked for question by question, so nobody has to know
//! TOML. On a terminal the answers are typed in a line editor ([`run_on_terminal`]); from a
//! pipe or file, one line is one answer ([`run`]). Prompts go to any [`Write`].
//!
//! A blank answer skips the question. After the last question every answer is shown,
//! numbered, to be changed by number before anything is written. Ctrl+C, or the end of the
//! input before the last question, stops the interview with nothing kept: the caller writes
//! only a finished [`Intake`], which [`crate::skeleton::intake_filled`] turns into a
//! commented file.

mod medicine;
mod typing;

use std::collections::BTreeMap;
use std::io::{self, BufRead, Write};

use chrono::NaiveDate;

use crate::guide::Guide;
use crate::intake::{
    age_on, long_date, long_visit, read_date, read_visit, says_none, DateReading, Intake,
    Medication, VisitReading, VisitTime, NAME_TO_REPLACE,
};
pub use medicine::{split as split_medicine, MedicineLine};
pub use typing::{shown, without_controls};
use typing::{Typed, Typing};

/// How the questions are shown.
#[derive(Debug, Clone, Copy, Default)]
pub struct Options {
    /// Headings in bold (terminal escape codes). Only for a terminal.
    pub styled: bool,
    /// Today: relative dates ("next Thursday") count from it, and a birth in the future or a
    /// visit more than a year away is refused. Without it relative dates are refused.
    pub today: Option<NaiveDate>,
}

/// Why the interview ended without answers to write.
#[derive(Debug)]
pub enum Stop {
    /// Ctrl+C.
    Interrupted,
    /// The input ended (Ctrl+D, or the end of a pipe) before the answers were confirmed.
    InputEnded,
    Io(io::Error),
}

impl From<io::Error> for Stop {
    fn from(e: io::Error) -> Stop {
        Stop::Io(e)
    }
}

impl std::fmt::Display for Stop {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Stop::Interrupted => f.write_str("stopped with Ctrl+C"),
            Stop::InputEnded => f.write_str("the answers ended before the interview was finished"),
            Stop::Io(e) => e.fmt(f),
        }
    }
}

const WIDTH: usize = 76;

/// People over this age are not asked whether they are pregnant.
const PREGNANCY_AGE_LIMIT: i32 = 60;

/// One numbered answer of the read-back, in the order the questions are asked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Field {
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

/// Hints are written for the intake file and the sheet; where one speaks of their layout,
/// the interview, which has no table or page, says it in its own words.
const HINTS_FOR_THE_INTERVIEW: &[(&str, &str)] = &[(
    "List them below in the medicine table.",
    "After these questions you are asked for each medicine, one at a time.",
)];

/// A guide's hint as the interview shows it.
pub fn interview_hint(hint: &str) -> String {
    let mut hint = hint.to_string();
    for (file, interview) in HINTS_FOR_THE_INTERVIEW {
        hint = hint.replace(file, interview);
    }
    hint
}

/// Asks the intake's questions with answers read one per line from `input` (a pipe, a file,
/// a test's string), and returns them once they are confirmed.
pub fn run<R: BufRead, W: Write>(
    guide: &Guide,
    input: R,
    out: W,
    options: Options,
) -> Result<Intake, Stop> {
    interview(guide, &mut typing::Lines { input }, out, options)
}

/// Asks the intake's questions on the terminal, in a line editor.
pub fn run_on_terminal<W: Write>(guide: &Guide, out: W, options: Options) -> Result<Intake, Stop> {
    interview(guide, &mut typing::Editor::new()?, out, options)
}

fn interview<W: Write>(
    guide: &Guide,
    input: &mut dyn Typing,
    out: W,
    options: Options,
) -> Result<Intake, Stop> {
    let mut a = Asker {
        input,
        out,
        options,
        guide,
        intake: Intake {
            guide: guide.id.clone(),
            patient: Default::default(),
            visit: Default::default(),
            answers: BTreeMap::new(),
            health: Default::default(),
            medications: Vec::new(),
            diary: Vec::new(),
            own_questions: Vec::new(),
            skipped_questions: Vec::new(),
            checklist_done: Vec::new(),
        },
        pregnancy_said: false,
    };
    a.introduce()?;
    // The list of questions depends on earlier answers (pregnancy on sex and age, some of
    // the guide's questions on pregnancy), so it is made anew after each one.
    let mut at = 0;
    let mut part = None;
    while let Some(&field) = a.fields().get(at) {
        if part != Some(field.part()) {
            part = Some(field.part());
            a.heading(field.part())?;
        }
        a.ask(field, false)?;
        at += 1;
    }
    a.read_back()?;
    Ok(a.intake)
}

/// A yes or no, or `None` for anything else.
fn yes_no(text: &str) -> Option<bool> {
    match text.trim().to_lowercase().as_str() {
        "yes" | "y" | "yes please" | "right" | "correct" | "true" => Some(true),
        "no" | "n" | "false" | "wrong" => Some(false),
        _ => None,
    }
}

fn parse_week(text: &str) -> Result<u8, String> {
    match text.trim().parse::<u8>() {
        Ok(w) if (1..=45).contains(&w) => Ok(w),
        _ => Err(format!(
            "\"{}\" is not a week of pregnancy: write a whole number from 1 to 45.",
            shown(text)
        )),
    }
}

/// "female" and "male" in the words people use for them; anything else as written.
fn sex_of(text: &str) -> String {
    match text.trim().to_lowercase().as_str() {
        "f" | "female" | "woman" | "a woman" | "w" => "female".into(),
        "m" | "male" | "man" | "a man" => "male".into(),
        _ => text.trim().to_string(),
    }
}

/// A date without its weekday: "4 May 1950".
fn day_month_year(date: NaiveDate) -> String {
    let long = long_date(date);
    long.split_once(' ')
        .map_or(long.clone(), |(_, rest)| rest.to_string())
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

struct Asker<'a, W> {
    input: &'a mut dyn Typing,
    out: W,
    options: Options,
    guide: &'a Guide,
    intake: Intake,
    /// Whether "Are you pregnant?" was answered: skipped, the intake says not pregnant (its
    /// `pregnant` is true or false), but the read-back says it was not said.
    pregnancy_said: bool,
}

impl<W: Write> Asker<'_, W> {
    fn say(&mut self, text: &str) -> io::Result<()> {
        writeln!(self.out, "{text}")
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
        for line in wrap(text, WIDTH - indent.chars().count()) {
            writeln!(self.out, "{indent}{line}")?;
        }
        Ok(())
    }

    /// Shows `question` (wrapped; its last line is the prompt) and reads one answer, trimmed.
    /// `initial` is put on the line to edit where a terminal can.
    fn ask_text(&mut self, question: &str, initial: &str) -> Result<String, Stop> {
        let indent = &question[..question.len() - question.trim_start().len()];
        let mut lines = wrap(question, WIDTH - indent.len());
        let prompt = format!("{indent}{}", lines.pop().unwrap_or_default());
        for line in lines {
            writeln!(self.out, "{indent}{line}")?;
        }
        let mut initial = initial.to_string();
        loop {
            match self.input.read(&mut self.out, &prompt, &initial)? {
                Typed::Answer(text) if text.chars().any(typing::is_control) => {
                    self.wrapped(
                        &format!(
                            "That answer holds keys that are not text (\"{}\"), as an arrow \
                             key or Escape type where the line cannot be edited. Please type \
                             it again.",
                            shown(&text)
                        ),
                        "  ",
                    )?;
                    initial = without_controls(&text);
                }
                Typed::Answer(text) => {
                    let text = text.trim().to_string();
                    if !text.is_empty() {
                        self.input.remember(&text);
                    }
                    return Ok(text);
                }
                Typed::Ended => return Err(Stop::InputEnded),
                Typed::Interrupted => return Err(Stop::Interrupted),
            }
        }
    }

    fn optional(&mut self, question: &str, initial: Option<&str>) -> Result<Option<String>, Stop> {
        let answer = self.ask_text(question, initial.unwrap_or(""))?;
        Ok((!answer.is_empty()).then_some(answer))
    }

    /// Asks until `parse` accepts the answer or it is blank.
    fn ask_until<T>(
        &mut self,
        question: &str,
        initial: &str,
        mut parse: impl FnMut(&str) -> Result<T, String>,
    ) -> Result<Option<T>, Stop> {
        let mut initial = initial.to_string();
        loop {
            let answer = self.ask_text(question, &initial)?;
            if answer.is_empty() {
                return Ok(None);
            }
            match parse(&answer) {
                Ok(value) => return Ok(Some(value)),
                Err(problem) => {
                    self.wrapped(&problem, "  ")?;
                    self.say("  Please try again, or leave it blank to skip it.")?;
                    initial = answer;
                }
            }
        }
    }

    /// A yes or no; asked again until it is one.
    fn confirm(&mut self, question: &str) -> Result<bool, Stop> {
        loop {
            let answer = self.ask_text(question, "")?;
            match yes_no(&answer) {
                Some(yes) => return Ok(yes),
                None => self.say(&format!(
                    "  Please answer yes or no (not \"{}\").",
                    shown(&answer)
                ))?,
            }
        }
    }

    /// One of two readings, chosen by 1 or 2; `None` to ask the question again.
    fn choose<T: Copy>(
        &mut self,
        first: (String, T),
        second: (String, T),
    ) -> Result<Option<T>, Stop> {
        let question = format!("Did you mean {} or {}? (1 or 2)", first.0, second.0);
        loop {
            let answer = self.ask_text(&question, "")?;
            match answer.trim() {
                "1" => return Ok(Some(first.1)),
                "2" => return Ok(Some(second.1)),
                "" => return Ok(None),
                other => self.say(&format!(
                    "  Please type 1 for {} or 2 for {} (not \"{}\").",
                    first.0,
                    second.0,
                    shown(other)
                ))?,
            }
        }
    }

    /// Answers to `what 1`, `what 2`, … until a blank one. When correcting, the earlier
    /// items come back one by one to edit (blank takes one out), then new ones may follow.
    /// `none`: the first answer may say there are none ("none", "nkda"): then the list stays
    /// empty and the flag says so.
    fn list(
        &mut self,
        what: &str,
        old: &[String],
        mut none: Option<&mut bool>,
    ) -> Result<Vec<String>, Stop> {
        let was_none = none.as_deref().copied().unwrap_or(false);
        if let Some(flag) = none.as_deref_mut() {
            *flag = false;
        }
        let mut items = Vec::new();
        let mut old = old.iter();
        let mut first = true;
        loop {
            let earlier = old.next();
            let initial = match earlier {
                Some(item) => item.as_str(),
                None if first && was_none => "none",
                None => "",
            };
            let question = if earlier.is_some() {
                format!("{what} {} (blank to take it out):", items.len() + 1)
            } else {
                format!("{what} {} (blank when done):", items.len() + 1)
            };
            let answer = self.ask_text(&question, initial)?;
            if answer.is_empty() {
                if earlier.is_some() {
                    first = false;
                    continue;
                }
                return Ok(items);
            }
            if let Some(flag) = none.as_deref_mut().filter(|_| says_none(&answer)) {
                // "None" first: there are none. After an item, "no" means no more.
                *flag = items.is_empty();
                return Ok(items);
            }
            first = false;
            items.push(answer);
        }
    }
}

// The questions, in the order they are asked.
impl<W: Write> Asker<'_, W> {
    fn introduce(&mut self) -> io::Result<()> {
        self.bold_line(&format!("Preparing your visit: {}", self.guide.title))?;
        self.wrapped(
            "Answer each question and press Enter. To skip a question, just press Enter: the \
             sheet then has lines to write the answer by hand. At the end you see all your \
             answers and can change any of them before anything is written.",
            "",
        )?;
        if self.input.is_terminal() {
            self.wrapped(
                "The arrow keys move along the line, Up brings back an earlier answer. To stop \
                 without writing anything, press Ctrl+C.",
                "",
            )?;
        }
        Ok(())
    }

    fn heading(&mut self, part: Part) -> io::Result<()> {
        writeln!(self.out)?;
        match part {
            Part::AboutYou => self.bold_line("About you"),
            Part::Doctor => {
                let n = self.doctor_questions().len();
                self.bold_line(&format!("Questions the doctor is likely to ask ({n})"))?;
                self.say("Answer in your own words, on one line.")
            }
            Part::Medicines => {
                self.bold_line("Your medicines")?;
                self.wrapped(
                    "One medicine at a time, as written on the box: the name, the dose and how \
                     often, on one line (e.g. Lasix 40 mg once a day). Leave it blank when done; \
                     if you take none, say none.",
                    "",
                )
            }
            Part::OwnQuestions => {
                self.bold_line("Your own questions for the doctor")?;
                self.say("One question at a time. Leave it blank when done.")
            }
            Part::Visit => self.bold_line("The visit"),
            Part::People => self.bold_line("Allergies, other illnesses, and the people with you"),
            Part::WhatMatters => self.bold_line("What matters most to you"),
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
    fn fields(&self) -> Vec<Field> {
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
    fn ask(&mut self, field: Field, correcting: bool) -> Result<(), Stop> {
        let old = |value: &Option<String>| {
            if correcting {
                value.clone()
            } else {
                None
            }
        };
        match field {
            Field::Name => {
                let initial = if correcting && self.intake.patient.name != NAME_TO_REPLACE {
                    self.intake.patient.name.clone()
                } else {
                    String::new()
                };
                let name = self.ask_text("Your full name:", &initial)?;
                self.intake.patient.name = if name.is_empty() {
                    self.say(&format!(
                        "  (Written as \"{NAME_TO_REPLACE}\": put your name in the file later.)"
                    ))?;
                    NAME_TO_REPLACE.to_string()
                } else {
                    name
                };
            }
            Field::Born => {
                let initial = match (correcting, self.intake.patient.born) {
                    (true, Some(born)) => day_month_year(born),
                    _ => String::new(),
                };
                self.intake.patient.born = self.ask_born(&initial)?;
            }
            Field::Sex => {
                let initial = old(&self.intake.patient.sex);
                self.intake.patient.sex = self
                    .optional(
                        "Your sex (female, male, or in your own words; blank to skip):",
                        initial.as_deref(),
                    )?
                    .map(|s| sex_of(&s));
            }
            Field::Pregnant => {
                let initial = match (correcting, self.intake.patient.pregnant) {
                    (false, _) => "",
                    (true, true) => "yes",
                    (true, false) if self.pregnancy_said => "no",
                    (true, false) => "",
                };
                let answer =
                    self.ask_until("Are you pregnant? (yes/no, blank to skip)", initial, |t| {
                        yes_no(t).ok_or_else(|| {
                            format!("Please answer yes or no (not \"{}\").", shown(t))
                        })
                    })?;
                self.pregnancy_said = answer.is_some();
                let pregnant = answer.unwrap_or(false);
                let week = if pregnant {
                    let initial = match (correcting, self.intake.patient.pregnancy_week) {
                        (true, Some(w)) => w.to_string(),
                        _ => String::new(),
                    };
                    self.ask_until(
                        "Which week of pregnancy are you in? (1 to 45, blank to skip)",
                        &initial,
                        parse_week,
                    )?
                } else {
                    None
                };
                self.intake.patient.pregnant = pregnant;
                self.intake.patient.pregnancy_week = week;
            }
            Field::Phone => {
                let initial = old(&self.intake.patient.phone);
                self.intake.patient.phone =
                    self.optional("Your phone number (blank to skip):", initial.as_deref())?;
            }
            Field::Doctor(index) => {
                let q = &self.guide.doctor_questions[index];
                let (id, text, hint) = (q.id.clone(), q.text.clone(), interview_hint(&q.hint));
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
                let old = if correcting {
                    self.intake.own_questions.clone()
                } else {
                    Vec::new()
                };
                self.intake.own_questions = self.list("Question", &old, None)?;
            }
            Field::When => {
                let initial = match (correcting, self.intake.visit.when) {
                    (true, Some(when)) => long_visit(when),
                    _ => String::new(),
                };
                self.intake.visit.when = self.ask_visit(&initial)?;
            }
            Field::Clinic => {
                let initial = old(&self.intake.visit.clinic);
                self.intake.visit.clinic = self.optional(
                    "Clinic or place (e.g. St. Mary Hospital):",
                    initial.as_deref(),
                )?;
            }
            Field::Department => {
                let initial = old(&self.intake.visit.department);
                self.intake.visit.department =
                    self.optional("Department (e.g. Neurology):", initial.as_deref())?;
            }
            Field::Reason => {
                let initial = old(&self.intake.visit.reason);
                self.intake.visit.reason = self.optional(
                    "Why are you going, in one or two sentences? (e.g. Painful cramps in my \
                     calves at night.)",
                    initial.as_deref(),
                )?;
            }
            Field::Allergies => {
                if !correcting {
                    self.wrapped(
                        "Allergies to medicines, foods or anything else, one at a time, with \
                         what happens (e.g. penicillin (rash)). Leave it blank when done; if \
                         you have none, say none.",
                        "",
                    )?;
                }
                let old = if correcting {
                    self.intake.health.allergies.clone()
                } else {
                    Vec::new()
                };
                let mut none = self.intake.health.no_known_allergies && correcting;
                self.intake.health.allergies = self.list("Allergy", &old, Some(&mut none))?;
                self.intake.health.no_known_allergies = none;
            }
            Field::Illnesses => {
                if !correcting {
                    self.wrapped(
                        "Other illnesses you are treated for, one at a time (e.g. high blood \
                         pressure). If there are none, say none.",
                        "",
                    )?;
                }
                let old = if correcting {
                    self.intake.health.conditions.clone()
                } else {
                    Vec::new()
                };
                let mut none = self.intake.health.no_other_illnesses && correcting;
                self.intake.health.conditions = self.list("Illness", &old, Some(&mut none))?;
                self.intake.health.no_other_illnesses = none;
            }
            Field::Companion => {
                let initial = old(&self.intake.visit.companion);
                self.intake.visit.companion = self.optional(
                    "Who is coming with you? (e.g. my daughter Anna; blank if no one):",
                    initial.as_deref(),
                )?;
            }
            Field::EmergencyContact => {
                let initial = old(&self.intake.patient.emergency_contact);
                self.intake.patient.emergency_contact = self.optional(
                    "Someone to call in an emergency, with their phone number (blank to skip):",
                    initial.as_deref(),
                )?;
            }
            Field::Language => {
                let initial = old(&self.intake.patient.language);
                self.intake.patient.language = self.optional(
                    "The language you speak best, if the doctor may not speak it (blank to \
                     skip):",
                    initial.as_deref(),
                )?;
            }
            Field::Needs => {
                if !correcting {
                    self.wrapped(
                        "Anything that helps you take part in the visit, one at a time (e.g. \
                         reading glasses, a hearing aid, an interpreter, a wheelchair). Leave \
                         it blank when done.",
                        "",
                    )?;
                }
                let old = if correcting {
                    self.intake.patient.needs.clone()
                } else {
                    Vec::new()
                };
                self.intake.patient.needs = self.list("Need", &old, None)?;
            }
            Field::FilledInBy => {
                let initial = old(&self.intake.patient.filled_in_by);
                self.intake.patient.filled_in_by = self.optional(
                    "If you are filling this in for someone else: your name, and who you are to \
                     them (e.g. Anna Example (daughter); blank if it is for you):",
                    initial.as_deref(),
                )?;
            }
            Field::Concerns => {
                if !correcting {
                    self.wrapped(
                        "What worries you most about your health problem? One worry at a time, \
                         the most important first (the first three go on the sheet's first \
                         page). Leave it blank when done.",
                        "",
                    )?;
                }
                let old = if correcting {
                    self.intake.visit.concerns.clone()
                } else {
                    Vec::new()
                };
                self.intake.visit.concerns = self.list("Worry", &old, None)?;
            }
            Field::Goal => {
                let initial = old(&self.intake.visit.goal);
                self.intake.visit.goal = self.optional(
                    "What do you hope to get from the visit? (e.g. To sleep through the night \
                     again.)",
                    initial.as_deref(),
                )?;
            }
        }
        Ok(())
    }
}

// Dates, medicines and the read-back.
impl<W: Write> Asker<'_, W> {
    /// Says what is wrong with `problem` and that the question comes again.
    fn again(&mut self, problem: &str) -> io::Result<()> {
        self.wrapped(problem, "  ")?;
        self.say("  Please try again, or leave it blank to skip it.")
    }

    fn ask_born(&mut self, initial: &str) -> Result<Option<NaiveDate>, Stop> {
        let today = self.options.today;
        let mut initial = initial.to_string();
        loop {
            let answer = self.ask_text("Date of birth (e.g. 4 April 1950):", &initial)?;
            if answer.is_empty() {
                return Ok(None);
            }
            initial.clone_from(&answer);
            let (date, relative) = match read_date(&answer, today) {
                Err(problem) => {
                    self.again(&problem.0)?;
                    continue;
                }
                Ok(DateReading::Date(d)) => (d, false),
                Ok(DateReading::Relative(d)) => (d, true),
                Ok(DateReading::Ambiguous(a, b)) => {
                    match self.choose((day_month_year(a), a), (day_month_year(b), b))? {
                        Some(d) => (d, false),
                        None => continue,
                    }
                }
            };
            if let Some(problem) = self.birth_problem(date) {
                self.again(&problem)?;
                continue;
            }
            if relative
                && !self.confirm(&format!("That is {}. Right? (yes/no)", long_date(date)))?
            {
                continue;
            }
            return Ok(Some(date));
        }
    }

    fn birth_problem(&self, born: NaiveDate) -> Option<String> {
        if self.options.today.is_some_and(|today| born > today) {
            return Some(format!(
                "{} is in the future: a date of birth cannot be. Please check the year.",
                day_month_year(born)
            ));
        }
        let visit = self.intake.visit.when?;
        (visit.date() < born).then(|| {
            format!(
                "The visit ({}) would be before this date of birth ({}).",
                long_visit(visit),
                day_month_year(born)
            )
        })
    }

    fn visit_problem(&self, when: VisitTime) -> Option<String> {
        if let Some(born) = self.intake.patient.born.filter(|&b| when.date() < b) {
            return Some(format!(
                "The visit ({}) would be before the date of birth ({}).",
                long_visit(when),
                day_month_year(born)
            ));
        }
        let a_year_on = self
            .options
            .today?
            .checked_add_months(chrono::Months::new(12))?;
        (when.date() > a_year_on).then(|| {
            format!(
                "{} is more than a year away. Please check the year.",
                long_visit(when)
            )
        })
    }

    fn ask_visit(&mut self, initial: &str) -> Result<Option<VisitTime>, Stop> {
        let today = self.options.today;
        let mut initial = initial.to_string();
        loop {
            let answer = self.ask_text(
                "Date of the visit, with the time if you know it (e.g. 10 December 2026 at \
                 9:30am):",
                &initial,
            )?;
            if answer.is_empty() {
                return Ok(None);
            }
            initial.clone_from(&answer);
            let (when, relative) = match read_visit(&answer, today) {
                Err(problem) => {
                    self.again(&problem.0)?;
                    continue;
                }
                Ok(VisitReading::One { when, relative }) => (when, relative),
                Ok(VisitReading::Ambiguous(a, b)) => {
                    match self.choose((long_visit(a), a), (long_visit(b), b))? {
                        Some(when) => (when, false),
                        None => continue,
                    }
                }
            };
            if let Some(problem) = self.visit_problem(when) {
                self.again(&problem)?;
                continue;
            }
            if relative
                && !self.confirm(&format!("That is {}. Right? (yes/no)", long_visit(when)))?
            {
                continue;
            }
            return Ok(Some(when));
        }
    }

    /// The medicines, one line each; `old` are the earlier ones when correcting.
    fn medicines(&mut self, old: &[Medication]) -> Result<(), Stop> {
        let was_none = std::mem::take(&mut self.intake.health.no_medicines);
        let mut kept: Vec<Medication> = Vec::new();
        let mut old = old.iter();
        loop {
            let earlier = old.next();
            let n = kept.len() + 1;
            let initial = match earlier {
                Some(m) => one_line(m),
                None if kept.is_empty() && was_none => "none".into(),
                None => String::new(),
            };
            let question = match earlier {
                Some(_) => format!("Medicine {n} (blank to take it out):"),
                None => format!("Medicine {n} (blank when done):"),
            };
            let line = self.ask_text(&question, &initial)?;
            if line.is_empty() {
                if earlier.is_some() {
                    continue;
                }
                break;
            }
            if says_none(&line) {
                // "None" first: no medicines. After one, "no" means no more.
                self.intake.health.no_medicines = kept.is_empty();
                break;
            }
            // What is not asked (since when, a note) stays as it was.
            let mut medication = earlier.cloned().unwrap_or_default();
            self.medicine_parts(&line, &mut medication)?;
            let reason = earlier.and_then(|m| m.reason.clone());
            medication.reason = self.optional("  What it is for:", reason.as_deref())?;
            kept.push(medication);
        }
        self.intake.medications = kept;
        Ok(())
    }

    /// Name, dose and how often from one typed line: split, read back, and asked one by one
    /// where the split is wrong or a part is missing.
    fn medicine_parts(&mut self, line: &str, m: &mut Medication) -> Result<(), Stop> {
        let Some(parts) = medicine::split(line) else {
            m.name = line.to_string();
            m.dose = self.optional("  Dose (e.g. 12.5 mg):", m.dose.clone().as_deref())?;
            m.how_often = self.optional(
                "  How often (e.g. every morning):",
                m.how_often.clone().as_deref(),
            )?;
            m.as_needed = m
                .how_often
                .as_deref()
                .is_some_and(medicine::taken_as_needed);
            return Ok(());
        };
        let not_given = "(not given)";
        self.say(&format!("  Name:       {}", parts.name))?;
        self.say(&format!(
            "  Dose:       {}",
            parts.dose.as_deref().unwrap_or(not_given)
        ))?;
        self.say(&format!(
            "  How often:  {}",
            parts.how_often.as_deref().unwrap_or(not_given)
        ))?;
        let right = self.confirm("  Is that right? (yes/no)")?;
        if !right {
            // Each part on its own, the split's reading on the line to edit.
            let name = self.ask_text("  Name:", &parts.name)?;
            m.name = if name.is_empty() {
                line.to_string()
            } else {
                name
            };
        } else {
            m.name = parts.name;
        }
        // A part the line did not hold is asked for; on "no" every part is.
        m.dose = match parts.dose {
            Some(dose) if right => Some(dose),
            dose => self.optional("  Dose (e.g. 12.5 mg):", dose.or(m.dose.clone()).as_deref())?,
        };
        m.how_often = match parts.how_often {
            Some(how_often) if right => Some(how_often),
            how_often => self.optional(
                "  How often (e.g. every morning):",
                how_often.or(m.how_often.clone()).as_deref(),
            )?,
        };
        m.as_needed = m
            .how_often
            .as_deref()
            .is_some_and(medicine::taken_as_needed);
        Ok(())
    }

    /// A field's label and answer, as the read-back shows them; `None` when it was skipped.
    fn shown_field(&self, field: Field) -> Option<(String, String)> {
        let i = &self.intake;
        let text = |v: &Option<String>| v.clone();
        let items = |v: &[String], none: bool| {
            if none {
                Some("none".to_string())
            } else if v.is_empty() {
                None
            } else {
                Some(v.join("; "))
            }
        };
        let (label, value) = match field {
            Field::Name => (
                "Your name",
                (i.patient.name != NAME_TO_REPLACE).then(|| i.patient.name.clone()),
            ),
            Field::Born => ("Date of birth", i.patient.born.map(day_month_year)),
            Field::Sex => ("Sex", text(&i.patient.sex)),
            Field::Pregnant => (
                "Pregnant",
                match (i.patient.pregnant, i.patient.pregnancy_week) {
                    (true, Some(w)) => Some(format!("yes, week {w}")),
                    (true, None) => Some("yes".into()),
                    (false, _) if self.pregnancy_said => Some("no".into()),
                    (false, _) => None,
                },
            ),
            Field::Phone => ("Your phone number", text(&i.patient.phone)),
            Field::Doctor(index) => {
                let q = &self.guide.doctor_questions[index];
                let answer = i.answers.get(&q.id)?;
                return Some((q.text.clone(), answer.clone()));
            }
            Field::Medicines => (
                "Medicines",
                if i.health.no_medicines {
                    Some("none".into())
                } else if i.medications.is_empty() {
                    None
                } else {
                    Some(
                        i.medications
                            .iter()
                            .map(|m| match &m.reason {
                                Some(reason) => format!("{} (for {reason})", one_line(m)),
                                None => one_line(m),
                            })
                            .collect::<Vec<_>>()
                            .join("; "),
                    )
                },
            ),
            Field::OwnQuestions => ("Your questions", items(&i.own_questions, false)),
            Field::When => ("The visit", i.visit.when.map(long_visit)),
            Field::Clinic => ("Clinic or place", text(&i.visit.clinic)),
            Field::Department => ("Department", text(&i.visit.department)),
            Field::Reason => ("Why you are going", text(&i.visit.reason)),
            Field::Allergies => (
                "Allergies",
                items(&i.health.allergies, i.health.no_known_allergies),
            ),
            Field::Illnesses => (
                "Other illnesses",
                items(&i.health.conditions, i.health.no_other_illnesses),
            ),
            Field::Companion => ("Coming with you", text(&i.visit.companion)),
            Field::EmergencyContact => {
                ("In an emergency, call", text(&i.patient.emergency_contact))
            }
            Field::Language => ("Language you speak best", text(&i.patient.language)),
            Field::Needs => ("What helps you take part", items(&i.patient.needs, false)),
            Field::FilledInBy => ("Filled in by", text(&i.patient.filled_in_by)),
            Field::Concerns => ("Your worries", items(&i.visit.concerns, false)),
            Field::Goal => ("What you hope for", text(&i.visit.goal)),
        };
        Some((label.to_string(), value?))
    }

    /// Every answer, numbered, to change by number until the person says all is right.
    fn read_back(&mut self) -> Result<(), Stop> {
        loop {
            let fields = self.fields();
            writeln!(self.out)?;
            self.bold_line("Your answers")?;
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
                    format!("{label}: {value}")
                };
                let lines = wrap(&entry, WIDTH - number.len());
                for (k, line) in lines.iter().enumerate() {
                    let lead = if k == 0 { number.as_str() } else { "    " };
                    writeln!(self.out, "{lead}{line}")?;
                }
            }
            if !skipped.is_empty() {
                self.wrapped(&format!("Skipped: {}.", ranges(&skipped)), "")?;
            }
            self.wrapped(
                "To change an answer, or to answer a question you skipped, type its number \
                 and press Enter. When everything is right, just press Enter (or type done).",
                "",
            )?;
            let field = loop {
                let answer = match self.ask_text("Number to change:", "") {
                    // A script that answered every question is done.
                    Err(Stop::InputEnded) if !self.input.is_terminal() => return Ok(()),
                    other => other?,
                };
                let answer = answer.trim().trim_end_matches('.').to_lowercase();
                if matches!(answer.as_str(), "" | "done" | "ok" | "okay" | "all right") {
                    return Ok(());
                }
                match answer.trim_start_matches('#').parse::<usize>() {
                    Ok(n) if (1..=fields.len()).contains(&n) => break fields[n - 1],
                    _ => self.say(&format!(
                        "  There is no answer \"{}\": type a number from 1 to {}, or press \
                         Enter when everything is right.",
                        shown(&answer),
                        fields.len()
                    ))?,
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

/// Numbers as ranges: "6 to 19, 21, 24".
fn ranges(numbers: &[usize]) -> String {
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
            _ => format!("{} to {}", numbers[at], numbers[end]),
        });
        at = end + 1;
    }
    parts.join(", ")
}

/// A medicine as one line: "Lasix 40mg once a day".
fn one_line(m: &Medication) -> String {
    [
        Some(m.name.as_str()),
        m.dose.as_deref(),
        m.how_often.as_deref(),
    ]
    .into_iter()
    .flatten()
    .collect::<Vec<_>>()
    .join(" ")
}
#[cfg(test)]
mod tests {
    use super::*;

    fn today() -> NaiveDate {
        // A Sunday: "next Thursday" is 10 December.
        NaiveDate::from_ymd_opt(2026, 12, 6).unwrap()
    }

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn options() -> Options {
        Options {
            today: Some(today()),
            ..Options::default()
        }
    }

    fn guide() -> Guide {
        Guide::built_in("nocturnal-leg-cramps").unwrap()
    }

    /// How many of the guide's questions are asked, pregnant or not.
    fn doctor_count(pregnant: bool) -> usize {
        guide()
            .doctor_questions
            .iter()
            .filter(|q| q.when.pregnant.is_none_or(|p| p == pregnant))
            .count()
    }

    fn try_interview(lines: &[String]) -> (Result<Intake, Stop>, String) {
        let input = lines.join("\n") + "\n";
        let mut out = Vec::new();
        let result = run(&guide(), input.as_bytes(), &mut out, options());
        (result, String::from_utf8(out).unwrap())
    }

    fn interview(lines: &[String]) -> (Intake, String) {
        let (result, out) = try_interview(lines);
        (result.unwrap_or_else(|e| panic!("{e}\n{out}")), out)
    }

    fn owned(lines: &[&str]) -> Vec<String> {
        lines.iter().map(|l| l.to_string()).collect()
    }

    /// The answers about oneself, then every other question skipped up to the visit's date.
    fn up_to_the_visit(about: &[&str], pregnant: bool) -> Vec<String> {
        let mut lines = owned(about);
        lines.extend(std::iter::repeat_n(String::new(), doctor_count(pregnant)));
        lines.extend(["".into(), "".into()]); // no medicines, no questions of one's own
        lines
    }

    /// After the visit's date, the other twelve questions skipped and all confirmed.
    fn after_the_visit(lines: &mut Vec<String>) {
        lines.extend(std::iter::repeat_n(String::new(), 12));
        lines.push(String::new()); // the read-back: all right
    }

    /// `about`, then everything else skipped and confirmed as it is.
    fn only_about(about: &[&str], pregnant: bool) -> (Intake, String) {
        let mut lines = up_to_the_visit(about, pregnant);
        lines.push(String::new());
        after_the_visit(&mut lines);
        interview(&lines)
    }

    /// The output with its line breaks as spaces, to find wrapped text.
    fn flat(out: &str) -> String {
        out.split_whitespace().collect::<Vec<_>>().join(" ")
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
    fn birth_dates_in_the_forms_people_write() {
        for written in [
            "4 April 1950",
            "April 4, 1950",
            "4 Apr 1950",
            "4th April 1950",
            "1950-4-4",
            "1950-04-04",
            "04/04/1950",
        ] {
            let (intake, out) = only_about(&["Ann", written, "female", ""], false);
            assert_eq!(
                intake.patient.born,
                Some(date(1950, 4, 4)),
                "{written}\n{out}"
            );
            assert!(!out.contains("Did you mean"), "{written}\n{out}");
        }
    }

    #[test]
    fn a_date_that_reads_two_ways_is_asked_back() {
        for (choice, expected) in [("1", date(1950, 5, 4)), ("2", date(1950, 4, 5))] {
            let (intake, out) =
                only_about(&["Ann", "04/05/1950", "3", choice, "female", ""], false);
            assert!(
                out.contains("Did you mean 4 May 1950 or 5 April 1950? (1 or 2)"),
                "{out}"
            );
            assert!(out.contains("Please type 1 for 4 May 1950 or 2"), "{out}");
            assert_eq!(intake.patient.born, Some(expected));
        }
    }

    #[test]
    fn a_relative_date_of_birth_is_read_back_before_it_is_kept() {
        let (intake, out) = only_about(
            &[
                "Ann",
                "yesterday",
                "no",
                "3 days ago",
                "maybe",
                "yes",
                "",
                "",
            ],
            false,
        );
        assert!(
            out.contains("That is Saturday 5 December 2026. Right? (yes/no)"),
            "{out}"
        );
        assert!(out.contains("Please answer yes or no"), "{out}");
        assert_eq!(intake.patient.born, Some(date(2026, 12, 3)));
    }

    #[test]
    fn impossible_dates_of_birth_are_said_and_asked_again() {
        let (intake, out) = only_about(
            &[
                "Ann",
                "30 February 1950",
                "2030-01-01",
                "tomorrow",
                "4 April 1950",
                "female",
                "",
            ],
            false,
        );
        let text = flat(&out);
        assert!(text.contains("1 January 2030 is in the future"), "{out}");
        assert!(text.contains("7 December 2026 is in the future"), "{out}");
        // The reader's own sentence for a day the month does not have.
        assert!(
            crate::intake::read_date("30 February 1950", None).is_err(),
            "dates.rs takes 30 February"
        );
        assert_eq!(out.matches("Please try again").count(), 3, "{out}");
        assert_eq!(intake.patient.born, Some(date(1950, 4, 4)));
    }

    /// An interview with `visit` typed for the visit's date, by someone born in 1950.
    fn visit(answers: &[&str]) -> (Intake, String) {
        let mut lines = up_to_the_visit(&["Ann", "4 April 1950", "female", ""], false);
        lines.extend(owned(answers));
        after_the_visit(&mut lines);
        interview(&lines)
    }

    #[test]
    fn visit_dates_in_every_form_read() {
        let at = |d: NaiveDate, h, m| Some(VisitTime::DayAndTime(d.and_hms_opt(h, m, 0).unwrap()));
        let cases: &[(&[&str], Option<VisitTime>)] = &[
            (
                &["10 December 2026"],
                Some(VisitTime::Day(date(2026, 12, 10))),
            ),
            (&["2026-12-10 9:30am"], at(date(2026, 12, 10), 9, 30)),
            (&["December 10, 2026 at 2pm"], at(date(2026, 12, 10), 14, 0)),
            (&["2026-12-10T09:30:00"], at(date(2026, 12, 10), 9, 30)),
            (
                &["next Thursday", "yes"],
                Some(VisitTime::Day(date(2026, 12, 10))),
            ),
            (
                &["in 2 weeks", "no", "next Thursday 9:30am", "yes"],
                at(date(2026, 12, 10), 9, 30),
            ),
            (&["05/01/2027", "2"], Some(VisitTime::Day(date(2027, 5, 1)))),
            (&["05/01/2027 10:15", "1"], at(date(2027, 1, 5), 10, 15)),
        ];
        for (typed, expected) in cases {
            let (intake, out) = visit(typed);
            assert_eq!(intake.visit.when, *expected, "{typed:?}\n{out}");
        }
        let (_, out) = visit(&["next Thursday", "yes"]);
        assert!(
            out.contains("That is Thursday 10 December 2026. Right? (yes/no)"),
            "{out}"
        );
        let (_, out) = visit(&["in 2 weeks", "no", ""]);
        assert!(
            out.contains("That is Sunday 20 December 2026. Right?"),
            "{out}"
        );
        let (_, out) = visit(&["05/01/2027", "1"]);
        assert!(
            out.contains("Did you mean Tuesday 5 January 2027 or Saturday 1 May 2027?"),
            "{out}"
        );
    }

    #[test]
    fn visits_that_cannot_be_are_said_and_asked_again() {
        let (intake, out) = visit(&["2028-03-01", "1949-12-24", "31/31/2026", "2026-12-10"]);
        let text = flat(&out);
        assert!(
            text.contains("Wednesday 1 March 2028 is more than a year away"),
            "{out}"
        );
        assert!(
            text.contains("would be before the date of birth (4 April 1950)"),
            "{out}"
        );
        assert_eq!(out.matches("Please try again").count(), 3, "{out}");
        assert_eq!(intake.visit.when, Some(VisitTime::Day(date(2026, 12, 10))));
        // Without today, a relative date cannot be counted and is refused.
        let mut lines = up_to_the_visit(&["Ann", "", "", "", ""], false);
        lines.extend(owned(&["next Thursday", "10 December 2026"]));
        after_the_visit(&mut lines);
        let input = lines.join("\n") + "\n";
        let mut out = Vec::new();
        let intake = run(&guide(), input.as_bytes(), &mut out, Options::default()).unwrap();
        let out = String::from_utf8(out).unwrap();
        assert!(out.contains("counts from today"), "{out}");
        assert_eq!(intake.visit.when, Some(VisitTime::Day(date(2026, 12, 10))));
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

    /// An interview whose medicines are typed as `medicines`.
    fn medicines(medicines: &[&str]) -> (Intake, String) {
        let mut lines = owned(&["Ann", "4 April 1950", "female", ""]);
        lines.extend(std::iter::repeat_n(String::new(), doctor_count(false)));
        lines.extend(owned(medicines));
        lines.push(String::new()); // own questions
        lines.push(String::new()); // the visit's date
        after_the_visit(&mut lines);
        interview(&lines)
    }

    #[test]
    fn a_medicine_on_one_line_is_split_and_read_back() {
        let (intake, out) = medicines(&[
            "Lasix 40mg once a day",
            "yes",
            "water",
            "metformin 500 mg twice daily",
            "no",
            "Metformin XR",
            "500 mg",
            "twice a day with food",
            "diabetes",
            "Magne B6",
            "",
            "every evening",
            "",
            "",
        ]);
        assert!(
            out.contains("  Name:       Lasix\n  Dose:       40mg\n  How often:  once a day\n"),
            "{out}"
        );
        let m = &intake.medications;
        assert_eq!(m.len(), 3, "{out}");
        assert_eq!(
            (
                m[0].name.as_str(),
                m[0].dose.as_deref(),
                m[0].how_often.as_deref(),
                m[0].reason.as_deref()
            ),
            ("Lasix", Some("40mg"), Some("once a day"), Some("water"))
        );
        assert_eq!(
            (
                m[1].name.as_str(),
                m[1].dose.as_deref(),
                m[1].how_often.as_deref(),
                m[1].reason.as_deref()
            ),
            (
                "Metformin XR",
                Some("500 mg"),
                Some("twice a day with food"),
                Some("diabetes")
            )
        );
        assert_eq!(
            (
                m[2].name.as_str(),
                m[2].dose.as_deref(),
                m[2].how_often.as_deref(),
                m[2].reason.as_deref()
            ),
            ("Magne B6", None, Some("every evening"), None)
        );
        assert!(!intake.health.no_medicines);
        // A dose without how often: only the missing part is asked.
        let (intake, out) = medicines(&["Ramipril 5 mg", "yes", "at night", "", ""]);
        assert!(out.contains("How often:  (not given)"), "{out}");
        assert_eq!(intake.medications[0].how_often.as_deref(), Some("at night"));
        assert_eq!(intake.medications[0].dose.as_deref(), Some("5 mg"));
    }

    #[test]
    fn a_medicine_taken_when_needed_is_marked_so() {
        let (intake, out) = medicines(&["Ibuprofen 200 mg as needed", "yes", "pain", "Aspirin 75 mg daily", "yes", "", ""]);
        let m = &intake.medications;
        assert_eq!(m.len(), 2, "{out}");
        assert!(m[0].as_needed, "{out}");
        assert!(!m[1].as_needed, "{out}");
    }

    #[test]
    fn a_skipped_pregnancy_is_read_back_as_not_said() {
        let (intake, out) = only_about(&["Ann", "1990-01-02", "female", ""], false);
        assert!(!intake.patient.pregnant);
        let last_read_back = &out[out.rfind("1. ").unwrap()..];
        assert!(!last_read_back.contains("Pregnant"), "{last_read_back}");
        let (_, out) = only_about(&["Ann", "1990-01-02", "female", "no"], false);
        let last_read_back = &out[out.rfind("1. ").unwrap()..];
        assert!(flat(last_read_back).contains("Pregnant: no"), "{last_read_back}");
    }

    #[test]
    fn none_means_none() {
        let (intake, out) = medicines(&["nothing"]);
        assert!(intake.medications.is_empty());
        assert!(intake.health.no_medicines, "{out}");
        let mut lines = up_to_the_visit(&["Ann", "", "", "", ""], false);
        lines.extend(std::iter::repeat_n(String::new(), 4)); // the visit
        lines.extend(owned(&["NKDA", "None."]));
        lines.extend(std::iter::repeat_n(String::new(), 7));
        lines.push(String::new());
        let (intake, out) = interview(&lines);
        assert!(intake.health.allergies.is_empty(), "{out}");
        assert!(intake.health.no_known_allergies, "{out}");
        assert!(intake.health.conditions.is_empty());
        assert!(intake.health.no_other_illnesses);
        assert!(out.contains("Allergies: none"), "{out}");
        // After an item, "no" ends the list: it is neither an item nor "none".
        let mut lines = up_to_the_visit(&["Ann", "", "", "", ""], false);
        lines.extend(std::iter::repeat_n(String::new(), 4));
        lines.extend(owned(&["penicillin", "no", "asthma", "nothing else"]));
        lines.extend(std::iter::repeat_n(String::new(), 8));
        let (intake, out) = interview(&lines);
        assert_eq!(intake.health.allergies, ["penicillin"], "{out}");
        assert!(!intake.health.no_known_allergies);
        assert_eq!(
            intake.health.conditions,
            ["asthma", "nothing else"],
            "{out}"
        );
        let (intake, _) = medicines(&["Lasix 40mg once a day", "yes", "", "none"]);
        assert_eq!(intake.medications.len(), 1);
        assert!(!intake.health.no_medicines);
        // Nothing said is not "none".
        let (intake, _) = only_about(&["Ann", "", "", "", ""], false);
        assert!(!intake.health.no_known_allergies && !intake.health.no_medicines);
    }

    #[test]
    fn control_characters_never_enter_an_answer() {
        let (intake, out) = only_about(
            &[
                "Ann pill\x1b[D\x1b[DX",
                "Ann \x1b]52;c;aGk=\x07Example\x1b[6n",
                "Ann Example",
                "",
                "",
                "",
                "",
            ],
            false,
        );
        assert_eq!(intake.patient.name, "Ann Example");
        // Echoed back escaped: not one escape character reaches the screen.
        assert!(!out.contains('\x1b') && !out.contains('\x07'), "{out:?}");
        assert!(out.contains(r"Ann pill\u{1b}[D\u{1b}[DX"), "{out}");
        assert!(out.contains(r"\u{1b}]52;c;aGk=\u{7}"), "{out}");
    }

    #[test]
    fn the_end_of_the_input_before_the_end_keeps_nothing() {
        let (result, out) = try_interview(&owned(&["Ann Example", "4 April 1950"]));
        assert!(matches!(result, Err(Stop::InputEnded)), "{out}");
        // A script that answered everything may end at the read-back.
        let mut lines = up_to_the_visit(&["Ann", "", "", "", ""], false);
        lines.extend(std::iter::repeat_n(String::new(), 13));
        let (result, _) = try_interview(&lines);
        assert_eq!(result.unwrap().patient.name, "Ann");
    }

    #[test]
    fn hints_speak_of_the_interview_not_the_file() {
        for id in Guide::built_in_ids() {
            let guide = Guide::built_in(id).unwrap();
            for q in &guide.doctor_questions {
                let hint = interview_hint(&q.hint).to_lowercase();
                for file_word in ["below", "above", "table", "in the file", "on this sheet"] {
                    assert!(!hint.contains(file_word), "{id}/{}: {hint}", q.id);
                }
            }
        }
        let medicines = guide().doctor_question("medicines").map(|q| q.hint.clone());
        if let Some(hint) = medicines {
            assert!(
                interview_hint(&hint).contains("asked for each medicine"),
                "{hint}"
            );
        }
    }

    #[test]
    fn escape_codes_only_when_styled() {
        let (_, plain) = only_about(&["A", "", "", "", ""], false);
        assert!(!plain.contains('\x1b'));
        let input = "A\n";
        let mut out = Vec::new();
        let _ = run(
            &guide(),
            input.as_bytes(),
            &mut out,
            Options {
                styled: true,
                ..options()
            },
        );
        assert!(String::from_utf8(out).unwrap().contains("\x1b[1m"));
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
    fn skipped_numbers_are_shown_as_ranges() {
        assert_eq!(ranges(&[1]), "1");
        assert_eq!(ranges(&[1, 2]), "1, 2");
        assert_eq!(
            ranges(&[6, 7, 8, 9, 21, 24, 25, 26, 30]),
            "6 to 9, 21, 24 to 26, 30"
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
