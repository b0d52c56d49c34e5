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

use crate::document::Language;
use crate::guide::Guide;
use crate::intake::{
    age_on, read_date, read_visit, DateReading, Intake, Medication, VisitReading, VisitTime,
    NAME_TO_REPLACE,
};
use crate::words::{Arg, Catalogue, Words};
pub use medicine::{split as split_medicine, MedicineLine};
pub use typing::{shown, without_controls};
use typing::{Typed, Typing};

/// How the questions are shown.
#[derive(Debug, Clone, Copy)]
pub struct Options {
    /// Headings in bold (terminal escape codes). Only for a terminal.
    pub styled: bool,
    /// Today: relative dates ("next Thursday") count from it, and a birth in the future or a
    /// visit more than a year away is refused. Without it relative dates are refused.
    pub today: Option<NaiveDate>,
    /// The language the questions are asked in and the answers read in. Other than English,
    /// it is also the sheet's language in the intake written.
    pub language: Language,
}

impl Default for Options {
    fn default() -> Options {
        Options {
            styled: false,
            today: None,
            language: Language::English,
        }
    }
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
        // In English: the command's error message around it is.
        let words = Words::from(Catalogue::Interview, Language::English);
        match self {
            Stop::Interrupted => f.write_str(&words.get("stop-interrupted")),
            Stop::InputEnded => f.write_str(&words.get("stop-input-ended")),
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
/// the interview, which has no table or page, says it in its own words: the sentence of a
/// guide or of its translation, and the interview's message said instead.
const HINTS_FOR_THE_INTERVIEW: &[(&str, &str)] = &[
    (
        "List them below in the medicine table.",
        "hint-medicines-asked-after",
    ),
    (
        "Escríbalos abajo, en la tabla de medicamentos.",
        "hint-medicines-asked-after",
    ),
];

/// A guide's hint as the interview shows it.
pub fn interview_hint(hint: &str) -> String {
    interview_hint_in(hint, Language::English)
}

/// A guide's hint as the interview in `language` shows it.
pub fn interview_hint_in(hint: &str, language: Language) -> String {
    let words = Words::from(Catalogue::Interview, language);
    let mut hint = hint.to_string();
    for (file, interview) in HINTS_FOR_THE_INTERVIEW {
        hint = hint.replace(file, &words.get(interview));
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
    let not_text = Words::from(Catalogue::Interview, options.language).get("not-utf8");
    interview(guide, &mut typing::Lines { input, not_text }, out, options)
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
    let language = options.language;
    let mut a = Asker {
        input,
        out,
        options,
        guide,
        w: Words::from(Catalogue::Interview, language),
        dates: Words::of(language),
        intake: Intake {
            guide: guide.id.clone(),
            patient: Default::default(),
            // The sheet is made in the language the questions were answered in.
            visit: crate::intake::Visit {
                sheet_language: (language != Language::English).then_some(language),
                ..Default::default()
            },
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

/// `text` as the catalogues' lists of answers hold it: in lower case, its spaces single,
/// without accents (so "si" is "sí", as it is often typed) and with one kind of apostrophe.
fn folded(text: &str) -> String {
    let text: String = text
        .trim()
        .to_lowercase()
        .chars()
        .map(|c| match c {
            'á' | 'à' | 'â' | 'ä' => 'a',
            'é' | 'è' | 'ê' | 'ë' => 'e',
            'í' | 'ì' | 'î' | 'ï' => 'i',
            'ó' | 'ò' | 'ô' | 'ö' => 'o',
            'ú' | 'ù' | 'û' | 'ü' => 'u',
            'ç' => 'c',
            '’' | '‘' => '\'',
            c => c,
        })
        .collect();
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Whether `text` is one of the answers the catalogue's list `id` holds.
fn listed(words: &Words, id: &str, text: &str) -> bool {
    let text = folded(text);
    words.get(id).split(',').any(|w| folded(w) == text)
}

/// A yes or no in `words`' language, or `None` for anything else.
fn yes_no(words: &Words, text: &str) -> Option<bool> {
    if listed(words, "words-yes", text) {
        Some(true)
    } else if listed(words, "words-no", text) {
        Some(false)
    } else {
        None
    }
}

/// Whether an answer to a list says there are none: in English words ("none", "NKDA") or
/// in those of `words`' language ("ninguna", "aucun").
fn says_none(words: &Words, answer: &str) -> bool {
    crate::intake::says_none(answer)
        || listed(
            words,
            "words-none",
            answer.trim().trim_end_matches(['.', '!']),
        )
}

fn parse_week(words: &Words, text: &str) -> Result<u8, String> {
    match text.trim().parse::<u8>() {
        Ok(w) if (1..=45).contains(&w) => Ok(w),
        _ => Err(words.with("not-a-week", &[("text", Words::text(shown(text)))])),
    }
}

/// "female" and "male" in the words people use for them; anything else as written.
fn sex_of(words: &Words, text: &str) -> String {
    if listed(words, "words-female", text) {
        "female".into()
    } else if listed(words, "words-male", text) {
        "male".into()
    } else {
        text.trim().to_string()
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
    /// The interview's words, in the language it is asked in.
    w: &'static Words,
    /// The sheet's words in that language, for the names and order of a date's parts.
    dates: &'static Words,
    intake: Intake,
    /// Whether "Are you pregnant?" was answered: skipped, the intake says not pregnant (its
    /// `pregnant` is true or false), but the read-back says it was not said.
    pregnancy_said: bool,
}

impl<W: Write> Asker<'_, W> {
    /// The catalogue's message `id`.
    fn t(&self, id: &str) -> String {
        self.w.get(id)
    }

    /// The catalogue's message `id` with its values.
    fn tw(&self, id: &str, args: &[(&str, Arg)]) -> String {
        self.w.with(id, args)
    }

    /// A date without its weekday: "4 May 1950", "4 de mayo de 1950".
    fn day_month_year(&self, date: NaiveDate) -> String {
        self.dates.long_date(date)
    }

    /// A date as a person reads it back: "Thursday 10 December 2026".
    fn long_date(&self, date: NaiveDate) -> String {
        self.tw(
            "date-with-weekday",
            &[
                ("weekday", Words::text(self.dates.weekday(date))),
                ("date", Words::text(self.dates.long_date(date))),
            ],
        )
    }

    /// A visit as a person reads it back: "Thursday 10 December 2026 at 09:30".
    fn long_visit(&self, when: VisitTime) -> String {
        match when {
            VisitTime::Day(d) => self.long_date(d),
            VisitTime::DayAndTime(dt) => self.tw(
                "date-at-time",
                &[
                    ("date", Words::text(self.long_date(dt.date()))),
                    ("time", Words::text(self.dates.time(dt.time()))),
                ],
            ),
        }
    }

    /// The name written when none is given, in the language of the file's notes: the one
    /// `check` reminds of.
    fn name_to_replace(&self) -> String {
        if self.options.language == Language::English {
            NAME_TO_REPLACE.to_string()
        } else {
            self.dates.get("intake-name-to-replace")
        }
    }

    /// The intake's "female" or "male" in the interview's words; any other answer as it is.
    fn sex_shown(&self, sex: &str) -> String {
        match sex {
            "female" => self.t("sex-female"),
            "male" => self.t("sex-male"),
            other => other.to_string(),
        }
    }

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
                    let problem = self.tw("not-text-keys", &[("text", Words::text(shown(&text)))]);
                    self.wrapped(&problem, "  ")?;
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
                    self.again(&problem)?;
                    initial = answer;
                }
            }
        }
    }

    /// A yes or no; asked again until it is one.
    fn confirm(&mut self, question: &str) -> Result<bool, Stop> {
        loop {
            let answer = self.ask_text(question, "")?;
            match yes_no(self.w, &answer) {
                Some(yes) => return Ok(yes),
                None => {
                    let again =
                        self.tw("answer-yes-or-no", &[("text", Words::text(shown(&answer)))]);
                    self.say(&format!("  {again}"))?;
                }
            }
        }
    }

    /// One of two readings, chosen by 1 or 2; `None` to ask the question again.
    fn choose<T: Copy>(
        &mut self,
        first: (String, T),
        second: (String, T),
    ) -> Result<Option<T>, Stop> {
        let readings = [
            ("first", Words::text(first.0.clone())),
            ("second", Words::text(second.0.clone())),
        ];
        let question = self.tw("choose-one", &readings);
        loop {
            let answer = self.ask_text(&question, "")?;
            match answer.trim() {
                "1" => return Ok(Some(first.1)),
                "2" => return Ok(Some(second.1)),
                "" => return Ok(None),
                other => {
                    let mut args = readings.to_vec();
                    args.push(("text", Words::text(shown(other))));
                    let again = self.tw("choose-again", &args);
                    self.say(&format!("  {again}"))?;
                }
            }
        }
    }

    /// Answers to `what 1`, `what 2`, … until a blank one (`what` is the catalogue's word
    /// for an item). When correcting, the earlier
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
        // Only a list that can say "none" has the word for it.
        let none_said = if was_none {
            self.t(&format!("none-{what}"))
        } else {
            String::new()
        };
        loop {
            let earlier = old.next();
            let initial = match earlier {
                Some(item) => item.as_str(),
                None if first && was_none => none_said.as_str(),
                None => "",
            };
            let question = self.item_question(what, items.len() + 1, earlier.is_some());
            let answer = self.ask_text(&question, initial)?;
            if answer.is_empty() {
                if earlier.is_some() {
                    first = false;
                    continue;
                }
                return Ok(items);
            }
            if let Some(flag) = none.as_deref_mut().filter(|_| says_none(self.w, &answer)) {
                // "None" first: there are none. After an item, "no" means no more.
                *flag = items.is_empty();
                return Ok(items);
            }
            first = false;
            items.push(answer);
        }
    }

    /// "Allergy 2 (blank when done):", or "(blank to take it out):" for an earlier item.
    fn item_question(&self, what: &str, n: usize, earlier: bool) -> String {
        let id = if earlier {
            "list-item-again"
        } else {
            "list-item"
        };
        self.tw(
            id,
            &[("what", Words::text(self.t(what))), ("n", Words::count(n))],
        )
    }
}

// The questions, in the order they are asked.
impl<W: Write> Asker<'_, W> {
    fn introduce(&mut self) -> io::Result<()> {
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
}

// Dates, medicines and the read-back.
impl<W: Write> Asker<'_, W> {
    /// Says what is wrong with `problem` and that the question comes again.
    fn again(&mut self, problem: &str) -> io::Result<()> {
        self.wrapped(problem, "  ")?;
        self.wrapped(&self.t("try-again"), "  ")
    }

    /// What the date reader says about `text`, in the interview's language: its own
    /// sentence in English, the catalogue's message `id` in another.
    fn date_problem(&self, id: &str, text: &str, english: String) -> String {
        if self.options.language == Language::English {
            english
        } else {
            self.tw(id, &[("text", Words::text(shown(text)))])
        }
    }

    /// "That is Thursday 10 December 2026. Right? (yes/no)"
    fn confirm_date(&mut self, date: String) -> Result<bool, Stop> {
        let question = self.tw("date-is", &[("date", Words::text(date))]);
        self.confirm(&question)
    }

    fn ask_born(&mut self, initial: &str) -> Result<Option<NaiveDate>, Stop> {
        let today = self.options.today;
        let mut initial = initial.to_string();
        loop {
            let answer = self.ask_text(&self.t("ask-born"), &initial)?;
            if answer.is_empty() {
                return Ok(None);
            }
            initial.clone_from(&answer);
            let (date, relative) = match read_date(&answer, today) {
                Err(problem) => {
                    let problem = self.date_problem("date-not-read", &answer, problem.0);
                    self.again(&problem)?;
                    continue;
                }
                Ok(DateReading::Date(d)) => (d, false),
                Ok(DateReading::Relative(d)) => (d, true),
                Ok(DateReading::Ambiguous(a, b)) => {
                    let (first, second) = (self.day_month_year(a), self.day_month_year(b));
                    match self.choose((first, a), (second, b))? {
                        Some(d) => (d, false),
                        None => continue,
                    }
                }
            };
            if let Some(problem) = self.birth_problem(date) {
                self.again(&problem)?;
                continue;
            }
            if relative && !self.confirm_date(self.long_date(date))? {
                continue;
            }
            return Ok(Some(date));
        }
    }

    fn birth_problem(&self, born: NaiveDate) -> Option<String> {
        if self.options.today.is_some_and(|today| born > today) {
            return Some(self.tw(
                "born-in-future",
                &[("date", Words::text(self.day_month_year(born)))],
            ));
        }
        let visit = self.intake.visit.when?;
        (visit.date() < born).then(|| {
            self.tw(
                "born-after-visit",
                &[
                    ("visit", Words::text(self.long_visit(visit))),
                    ("born", Words::text(self.day_month_year(born))),
                ],
            )
        })
    }

    fn visit_problem(&self, when: VisitTime) -> Option<String> {
        if let Some(born) = self.intake.patient.born.filter(|&b| when.date() < b) {
            return Some(self.tw(
                "visit-before-birth",
                &[
                    ("visit", Words::text(self.long_visit(when))),
                    ("born", Words::text(self.day_month_year(born))),
                ],
            ));
        }
        let a_year_on = self
            .options
            .today?
            .checked_add_months(chrono::Months::new(12))?;
        (when.date() > a_year_on).then(|| {
            self.tw(
                "visit-too-far",
                &[("visit", Words::text(self.long_visit(when)))],
            )
        })
    }

    fn ask_visit(&mut self, initial: &str) -> Result<Option<VisitTime>, Stop> {
        let today = self.options.today;
        let mut initial = initial.to_string();
        loop {
            let answer = self.ask_text(&self.t("ask-visit"), &initial)?;
            if answer.is_empty() {
                return Ok(None);
            }
            initial.clone_from(&answer);
            let (when, relative) = match read_visit(&answer, today) {
                Err(problem) => {
                    let problem = self.date_problem("visit-not-read", &answer, problem.0);
                    self.again(&problem)?;
                    continue;
                }
                Ok(VisitReading::One { when, relative }) => (when, relative),
                Ok(VisitReading::Ambiguous(a, b)) => {
                    let (first, second) = (self.long_visit(a), self.long_visit(b));
                    match self.choose((first, a), (second, b))? {
                        Some(when) => (when, false),
                        None => continue,
                    }
                }
            };
            if let Some(problem) = self.visit_problem(when) {
                self.again(&problem)?;
                continue;
            }
            if relative && !self.confirm_date(self.long_visit(when))? {
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
                None if kept.is_empty() && was_none => self.t("none-item-medicine"),
                None => String::new(),
            };
            let question = self.item_question("item-medicine", n, earlier.is_some());
            let line = self.ask_text(&question, &initial)?;
            if line.is_empty() {
                if earlier.is_some() {
                    continue;
                }
                break;
            }
            if says_none(self.w, &line) {
                // "None" first: no medicines. After one, "no" means no more.
                self.intake.health.no_medicines = kept.is_empty();
                break;
            }
            // What is not asked (since when, a note) stays as it was.
            let mut medication = earlier.cloned().unwrap_or_default();
            self.medicine_parts(&line, &mut medication)?;
            let reason = earlier.and_then(|m| m.reason.clone());
            let question = format!("  {}", self.t("ask-medicine-reason"));
            medication.reason = self.optional(&question, reason.as_deref())?;
            kept.push(medication);
        }
        self.intake.medications = kept;
        Ok(())
    }

    /// Name, dose and how often from one typed line: split, read back, and asked one by one
    /// where the split is wrong or a part is missing.
    fn medicine_parts(&mut self, line: &str, m: &mut Medication) -> Result<(), Stop> {
        let ask_dose = format!("  {}", self.t("ask-dose"));
        let ask_how_often = format!("  {}", self.t("ask-how-often"));
        let Some(parts) = medicine::split(line) else {
            m.name = line.to_string();
            m.dose = self.optional(&ask_dose, m.dose.clone().as_deref())?;
            m.how_often = self.optional(&ask_how_often, m.how_often.clone().as_deref())?;
            m.as_needed = m
                .how_often
                .as_deref()
                .is_some_and(medicine::taken_as_needed);
            return Ok(());
        };
        let not_given = self.t("medicine-not-given");
        let labels = [
            self.t("medicine-name"),
            self.t("medicine-dose"),
            self.t("medicine-how-often"),
        ];
        // The parts in a column two spaces after the longest label.
        let width = labels.iter().map(|l| l.chars().count()).max().unwrap_or(0) + 2;
        let values = [
            parts.name.as_str(),
            parts.dose.as_deref().unwrap_or(&not_given),
            parts.how_often.as_deref().unwrap_or(&not_given),
        ];
        for (label, value) in labels.iter().zip(values) {
            let pad = " ".repeat(width - label.chars().count());
            self.say(&format!("  {label}{pad}{value}"))?;
        }
        let right = self.confirm(&format!("  {}", self.t("medicine-right")))?;
        if !right {
            // Each part on its own, the split's reading on the line to edit.
            let name = self.ask_text(&format!("  {}", labels[0]), &parts.name)?;
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
            dose => self.optional(&ask_dose, dose.or(m.dose.clone()).as_deref())?,
        };
        m.how_often = match parts.how_often {
            Some(how_often) if right => Some(how_often),
            how_often => {
                self.optional(&ask_how_often, how_often.or(m.how_often.clone()).as_deref())?
            }
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
    fn read_back(&mut self) -> Result<(), Stop> {
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

/// Numbers as ranges: "6 to 19, 21, 24".
#[cfg(test)]
fn ranges(numbers: &[usize]) -> String {
    ranges_in(
        Words::from(Catalogue::Interview, Language::English),
        numbers,
    )
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

    fn words(language: Language) -> &'static Words {
        Words::from(Catalogue::Interview, language)
    }

    #[test]
    fn yes_and_no_are_heard_in_the_interview_s_language() {
        // Each language: answers heard as yes, as no, and as neither.
        type Heard = (Language, &'static [&'static str], &'static [&'static str], &'static [&'static str]);
        let cases: &[Heard] = &[
            (
                Language::English,
                &["yes", "Y", "yes please", "Correct"],
                &["no", "N", "wrong"],
                &["sí", "oui", "maybe", ""],
            ),
            (
                Language::Spanish,
                &["sí", "si", "S", "Sí", "  claro ", "vale"],
                &["no", "N", "No"],
                &["yes", "oui", "quizá", "sí, pero", ""],
            ),
            (
                Language::French,
                &["oui", "O", "Oui", "d’accord", "d'accord"],
                &["non", "n", "NON"],
                &["si", "yes", "peut-être", ""],
            ),
        ];
        for (language, yes, no, neither) in cases {
            let w = words(*language);
            for t in *yes {
                assert_eq!(yes_no(w, t), Some(true), "{language:?} {t:?}");
            }
            for t in *no {
                assert_eq!(yes_no(w, t), Some(false), "{language:?} {t:?}");
            }
            for t in *neither {
                assert_eq!(yes_no(w, t), None, "{language:?} {t:?}");
            }
        }
    }

    #[test]
    fn none_and_the_sex_are_heard_in_the_interview_s_language() {
        let (es, fr) = (words(Language::Spanish), words(Language::French));
        for none in [
            "ninguna",
            "Ninguno.",
            "nada",
            "nada más",
            "No tengo alergias",
            "none",
        ] {
            assert!(says_none(es, none), "{none}");
        }
        for none in ["aucun", "Rien", "je n’en ai pas", "aucune allergie"] {
            assert!(says_none(fr, none), "{none}");
        }
        for item in ["penicilina", "nada de nueces", "pénicilline"] {
            assert!(!says_none(es, item) && !says_none(fr, item), "{item}");
        }
        assert!(!says_none(words(Language::English), "ninguna"));
        assert_eq!(sex_of(es, "Mujer"), "female");
        assert_eq!(sex_of(es, "un hombre"), "male");
        assert_eq!(sex_of(es, "varón"), "male");
        // "m" is "mujer" to some and "masculino" to others: kept as typed.
        assert_eq!(sex_of(es, "m"), "m");
        assert_eq!(sex_of(fr, "Femme"), "female");
        assert_eq!(sex_of(fr, "homme"), "male");
        assert_eq!(sex_of(fr, "M"), "male");
        assert_eq!(sex_of(words(Language::English), "mujer"), "mujer");
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
