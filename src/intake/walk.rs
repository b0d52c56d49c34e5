//! Reading the intake's TOML value by value, so that every value of the wrong kind, every
//! date that cannot be read and every control character is reported in one run.
//!
//! serde stops at the first value it cannot take, which made a person run `check` once per
//! mistake. Here each value is taken on its own: one of the wrong kind is described and
//! left out, and the reading goes on. The unknown keys are already taken out
//! ([`super::toml_error::take_unknown_keys`]); what is left is read into [`RawIntake`].

use std::collections::BTreeMap;
use std::ops::Range;

use chrono::{Datelike, NaiveDate, NaiveTime};
use toml::de::{DeTable, DeValue};
use toml::value::Datetime;
use toml::Spanned;

use super::dates::{read_date, read_time, read_visit, DateReading, VisitReading};
use super::raw::{
    RawChecklist, RawDiaryEntry, RawHealth, RawIntake, RawMedication, RawPatient, RawQuestions,
    RawVisit,
};
use super::toml_error::type_help;
use super::VisitTime;
use crate::diagnostic::{shorten, Diagnostic};

type Value<'i> = Spanned<DeValue<'i>>;

/// Reads the table of a whole intake; every problem found is in the second value, and the
/// third says whether a table holds a key this reader does not read (an unknown key: the
/// schema's walk then names it, see [`super::toml_error::take_unknown_keys`]).
pub(super) fn read(root: &DeTable<'_>, text: &str) -> (RawIntake, Vec<Diagnostic>, bool) {
    let mut walk = Walk {
        text,
        problems: Vec::new(),
        strays: false,
    };
    let raw = walk.intake(root);
    (raw, walk.problems, walk.strays)
}

struct Walk<'t> {
    /// The file's text, to point at a control character inside a value.
    text: &'t str,
    problems: Vec<Diagnostic>,
    /// A table holds a key not read here.
    strays: bool,
}

/// The value of `key` in `table`.
fn get<'a, 'i>(table: &'a DeTable<'i>, key: &str) -> Option<&'a Value<'i>> {
    table
        .iter()
        .find(|(k, _)| k.get_ref().as_ref() == key)
        .map(|(_, v)| v)
}

/// The dotted name of `key` in the table named `within` (`""` for the top of the file).
fn path(within: &str, key: &str) -> String {
    if within.is_empty() {
        key.to_string()
    } else {
        format!("{within}.{key}")
    }
}

/// A value in the words of the messages: `string "x"`, ``whole number `5` ``.
fn kind_of(value: &DeValue<'_>) -> String {
    match value {
        DeValue::String(s) => format!("string {:?}", shorten(s, 40)),
        DeValue::Integer(i) => format!("whole number `{}`", shorten(i.as_str(), 40)),
        DeValue::Float(f) => format!("decimal number `{}`", shorten(f.as_str(), 40)),
        DeValue::Boolean(b) => format!("`{b}`"),
        DeValue::Datetime(d) => format!("date or time `{d}`"),
        DeValue::Array(_) => "a list".to_string(),
        DeValue::Table(_) => "a table".to_string(),
    }
}

/// A day as the messages write it: "4 May 1950".
fn day_in_words(date: NaiveDate) -> String {
    format!("{} {} {}", date.day(), date.format("%B"), date.year())
}

/// The first character of `text` that must not be in an intake: a control character (C0,
/// DEL or C1), which a terminal reads as a command (ESC starts the arrow keys' `^[[D`) and
/// which would print as nothing or as garbage. Tabs and line breaks are text.
pub(super) fn control_in(text: &str) -> Option<(usize, char)> {
    let mut chars = text.char_indices().peekable();
    while let Some((at, c)) = chars.next() {
        match c {
            '\t' | '\n' => {}
            '\r' if chars.peek().is_some_and(|(_, next)| *next == '\n') => {}
            c if c.is_control() => return Some((at, c)),
            _ => {}
        }
    }
    None
}

/// A control character by its name, as a person may know it from a keyboard or a manual.
fn control_name(c: char) -> String {
    let name = match c {
        '\u{0}' => "NUL (null)",
        '\u{7}' => "BEL (bell)",
        '\u{8}' => "BS (backspace)",
        '\u{b}' => "VT (vertical tab)",
        '\u{c}' => "FF (form feed)",
        '\r' => "CR (a carriage return without a line break)",
        '\u{1b}' => "ESC (escape, as arrow keys send it)",
        '\u{7f}' => "DEL (delete)",
        '\u{9b}' => "CSI (control sequence introducer)",
        c if (c as u32) < 0x20 => "a C0 control character",
        _ => "a C1 control character",
    };
    format!("U+{:04X} {name}", c as u32)
}

/// Where in the file's value the character at `at` of its text was written: the character
/// itself, or the escape that wrote it (`\u001B`, `\e`, `\x1b`). The whole value when it
/// cannot be told.
fn control_span(source: &str, value: Range<usize>, c: char) -> Range<usize> {
    let Some(written) = source.get(value.clone()) else {
        return value;
    };
    let code = c as u32;
    let mut forms = vec![
        c.to_string(),
        format!("\\u{code:04x}"),
        format!("\\U{code:08x}"),
        format!("\\x{code:02x}"),
    ];
    if c == '\u{1b}' {
        forms.push("\\e".into());
    }
    let lower = written.to_ascii_lowercase();
    forms
        .iter()
        .filter_map(|f| {
            let f = if f.len() > 1 {
                f.to_ascii_lowercase()
            } else {
                f.clone()
            };
            let haystack = if f.len() > 1 { &lower } else { written };
            haystack.find(&f).map(|i| (i, f.len()))
        })
        .min()
        .map_or(value.clone(), |(i, len)| {
            value.start + i..value.start + i + len
        })
}

impl Walk<'_> {
    /// Notes a key of `table` that is none of `keys`, the keys its reader reads.
    fn only(&mut self, table: &DeTable<'_>, keys: &[&str]) {
        self.strays |= table
            .iter()
            .any(|(k, _)| !keys.contains(&k.get_ref().as_ref()));
    }

    fn problem(&mut self, d: Diagnostic) {
        self.problems.push(d);
    }

    fn missing(&mut self, field: &str, span: Option<Range<usize>>, help: &str) {
        self.problem(
            Diagnostic::new(format!("`{field}` is missing"))
                .at(span)
                .field(field)
                .help(help),
        );
    }

    /// A value of another kind than `key` takes.
    fn wrong(&mut self, value: &Value<'_>, field: &str, key: &str, expected: &str) {
        let message = format!(
            "wrong kind of value: {}, expected {expected}",
            kind_of(value.get_ref())
        );
        self.problem(
            Diagnostic::new(message)
                .at(Some(value.span()))
                .field(field)
                .label("wrong kind of value")
                .help(type_help(key)),
        );
    }

    /// Text, or `None` (reported) when it is of another kind or holds a control character.
    fn string(&mut self, value: &Value<'_>, field: &str, key: &str) -> Option<Spanned<String>> {
        let DeValue::String(s) = value.get_ref() else {
            self.wrong(value, field, key, "text in quotes");
            return None;
        };
        if let Some((_, c)) = control_in(s) {
            self.control(value.span(), c, field);
            return None;
        }
        Some(Spanned::new(value.span(), s.to_string()))
    }

    fn control(&mut self, span: Range<usize>, c: char, field: &str) {
        let span = control_span(self.text, span, c);
        self.problem(
            Diagnostic::new(format!(
                "the text holds a control character, {}",
                control_name(c)
            ))
            .at(Some(span))
            .field(field)
            .label(format!("U+{:04X} here", c as u32))
            .help(
                "remove it: control characters are keyboard commands, not text \
                     (an arrow key pressed while typing leaves ESC [ D); retype the words",
            ),
        );
    }

    fn text(&mut self, table: &DeTable<'_>, key: &str, within: &str) -> Option<Spanned<String>> {
        let value = get(table, key)?;
        self.string(value, &path(within, key), key)
    }

    fn plain_text(&mut self, table: &DeTable<'_>, key: &str, within: &str) -> Option<String> {
        self.text(table, key, within).map(Spanned::into_inner)
    }

    /// A list of texts; each item of the wrong kind is reported and left out.
    fn texts(&mut self, table: &DeTable<'_>, key: &str, within: &str) -> Vec<Spanned<String>> {
        let Some(value) = get(table, key) else {
            return Vec::new();
        };
        let field = path(within, key);
        let DeValue::Array(items) = value.get_ref() else {
            self.wrong(value, &field, key, "a list in square brackets");
            return Vec::new();
        };
        items
            .iter()
            .enumerate()
            .filter_map(|(i, item)| self.string(item, &format!("{field}[{i}]"), key))
            .collect()
    }

    fn plain_texts(&mut self, table: &DeTable<'_>, key: &str, within: &str) -> Vec<String> {
        self.texts(table, key, within)
            .into_iter()
            .map(Spanned::into_inner)
            .collect()
    }

    fn flag(&mut self, table: &DeTable<'_>, key: &str, within: &str) -> Option<Spanned<bool>> {
        let value = get(table, key)?;
        match value.get_ref() {
            DeValue::Boolean(b) => Some(Spanned::new(value.span(), *b)),
            _ => {
                self.wrong(value, &path(within, key), key, "true or false");
                None
            }
        }
    }

    fn whole(&mut self, table: &DeTable<'_>, key: &str, within: &str) -> Option<Spanned<i64>> {
        let value = get(table, key)?;
        let field = path(within, key);
        match value.get_ref() {
            DeValue::Integer(i) => match i64::from_str_radix(i.as_str(), i.radix()) {
                Ok(n) => Some(Spanned::new(value.span(), n)),
                Err(_) => {
                    self.problem(
                        Diagnostic::new("the number is far too large: expected a whole number")
                            .at(Some(value.span()))
                            .field(field)
                            .label("wrong kind of value")
                            .help(type_help(key)),
                    );
                    None
                }
            },
            _ => {
                self.wrong(value, &field, key, "a whole number");
                None
            }
        }
    }

    fn number(&mut self, table: &DeTable<'_>, key: &str, within: &str) -> Option<Spanned<f64>> {
        let value = get(table, key)?;
        let read = match value.get_ref() {
            DeValue::Integer(i) => i64::from_str_radix(i.as_str(), i.radix())
                .ok()
                .map(|n| n as f64),
            DeValue::Float(f) => f.as_str().parse::<f64>().ok(),
            _ => None,
        };
        if read.is_none() {
            self.wrong(value, &path(within, key), key, "a number");
        }
        read.map(|n| Spanned::new(value.span(), n))
    }

    /// A date: a TOML date, or text as people write dates ("4 April 1950").
    fn date(&mut self, table: &DeTable<'_>, key: &str, within: &str) -> Option<Spanned<NaiveDate>> {
        let value = get(table, key)?;
        let field = path(within, key);
        let span = value.span();
        let date = match value.get_ref() {
            DeValue::Datetime(dt) => self.toml_date(dt, span.clone(), &field),
            DeValue::String(_) => {
                let text = self.string(value, &field, key)?.into_inner();
                match read_date(&text, None) {
                    Ok(DateReading::Ambiguous(day_month, month_day)) => {
                        self.two_ways(
                            &text,
                            span.clone(),
                            &field,
                            &day_in_words(day_month),
                            &day_in_words(month_day),
                        );
                        None
                    }
                    Ok(reading) => reading.single(),
                    Err(problem) => {
                        self.unreadable(&problem.0, span.clone(), &field, "date");
                        None
                    }
                }
            }
            _ => {
                self.wrong(value, &field, key, "a date, like 1956-03-14");
                None
            }
        };
        date.map(|d| Spanned::new(span, d))
    }

    fn toml_date(&mut self, dt: &Datetime, span: Range<usize>, field: &str) -> Option<NaiveDate> {
        match (dt.date, dt.time) {
            (Some(d), None) => {
                let date = NaiveDate::from_ymd_opt(d.year.into(), d.month.into(), d.day.into());
                if date.is_none() {
                    self.impossible(span, field, &dt.to_string());
                }
                date
            }
            _ => {
                self.problem(
                    Diagnostic::new(format!("`{field}` must be a date only"))
                        .at(Some(span))
                        .field(field)
                        .label("a date without a time")
                        .help("write it as year-month-day, without quotes: 2024-05-01"),
                );
                None
            }
        }
    }

    fn impossible(&mut self, span: Range<usize>, field: &str, written: &str) {
        self.problem(
            Diagnostic::new(format!("{written} is not a real date"))
                .at(Some(span))
                .field(field)
                .label("no such day in the calendar")
                .help("check the day and the month: year-month-day, like 1956-03-14"),
        );
    }

    /// A numeric date whose day and month could be swapped: never guessed.
    fn two_ways(&mut self, text: &str, span: Range<usize>, field: &str, one: &str, other: &str) {
        self.problem(
            Diagnostic::new(format!(
                "\"{}\" reads two ways: {one} or {other}?",
                shorten(text.trim(), 40)
            ))
            .at(Some(span))
            .field(field)
            .label("the day and the month could be swapped")
            .help(format!(
                "write the month as a word, like \"{one}\", or year-month-day without quotes"
            )),
        );
    }

    fn unreadable(&mut self, why: &str, span: Range<usize>, field: &str, what: &str) {
        self.problem(
            Diagnostic::new(why.to_string())
                .at(Some(span))
                .field(field)
                .label(format!("not a {what} that can be read"))
                .help(
                    "write a date like \"4 April 1950\" or \"April 4, 1950\", or year-month-day \
                     without quotes: 1950-04-04",
                ),
        );
    }

    /// The visit's day, or day and time: TOML's, or as people write them.
    fn visit_time(&mut self, table: &DeTable<'_>, within: &str) -> Option<Spanned<VisitTime>> {
        let value = get(table, "when")?;
        let field = path(within, "when");
        let span = value.span();
        let when = match value.get_ref() {
            DeValue::Datetime(dt) => self.toml_visit(dt, span.clone()),
            DeValue::String(_) => {
                let text = self.string(value, &field, "when")?.into_inner();
                match read_visit(&text, None) {
                    Ok(VisitReading::One { when, .. }) => Some(when),
                    Ok(VisitReading::Ambiguous(a, b)) => {
                        let words = |w: VisitTime| match w.time() {
                            Some(t) => {
                                format!("{} at {}", day_in_words(w.date()), t.format("%H:%M"))
                            }
                            None => day_in_words(w.date()),
                        };
                        self.two_ways(&text, span.clone(), &field, &words(a), &words(b));
                        None
                    }
                    Err(problem) => {
                        self.unreadable(&problem.0, span.clone(), &field, "date");
                        None
                    }
                }
            }
            _ => {
                self.wrong(value, &field, "when", "a date, or a date and time");
                None
            }
        };
        when.map(|w| Spanned::new(span, w))
    }

    fn toml_visit(&mut self, dt: &Datetime, span: Range<usize>) -> Option<VisitTime> {
        let bad_form = |walk: &mut Walk<'_>| {
            walk.problem(
                Diagnostic::new("`visit.when` must be a local date, or a date and time")
                    .at(Some(span.clone()))
                    .field("visit.when")
                    .help("write 2026-12-02 or 2026-12-02T09:30:00 without quotes and without a time zone, or \"2 December 2026 at 9:30am\""),
            );
            None
        };
        if dt.offset.is_some() {
            return bad_form(self);
        }
        let Some(d) = dt.date else {
            return bad_form(self);
        };
        let Some(date) = NaiveDate::from_ymd_opt(d.year.into(), d.month.into(), d.day.into())
        else {
            self.impossible(span.clone(), "visit.when", &dt.to_string());
            return None;
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

    /// A time of day: TOML's (03:10:00), or as people write it ("3:10am").
    fn time(&mut self, table: &DeTable<'_>, key: &str, within: &str) -> Option<Spanned<NaiveTime>> {
        let value = get(table, key)?;
        let field = path(within, key);
        let span = value.span();
        let time = match value.get_ref() {
            DeValue::Datetime(Datetime {
                date: None,
                time: Some(t),
                offset: None,
            }) => NaiveTime::from_hms_opt(
                t.hour.into(),
                t.minute.into(),
                t.second.unwrap_or(0).into(),
            ),
            DeValue::String(_) => {
                let text = self.string(value, &field, key)?.into_inner();
                let time = read_time(&text);
                if time.is_none() {
                    self.problem(
                        Diagnostic::new(format!(
                            "\"{}\" is not a time of day that can be read",
                            shorten(text.trim(), 40)
                        ))
                        .at(Some(span.clone()))
                        .field(field.as_str())
                        .label("not a time of day")
                        .help("write the time like 03:10:00 without quotes, or \"3:10am\""),
                    );
                    return None;
                }
                time
            }
            _ => None,
        };
        if time.is_none() {
            self.problem(
                Diagnostic::new(format!("`{field}` must be a time of day"))
                    .at(Some(span.clone()))
                    .field(field)
                    .help("write the time without quotes, like 03:10:00"),
            );
        }
        time.map(|t| Spanned::new(span, t))
    }

    /// The table under `key`; `None` when it is not there, or reported when it is not a table.
    fn table<'a, 'i>(
        &mut self,
        table: &'a DeTable<'i>,
        key: &str,
        within: &str,
    ) -> Option<&'a DeTable<'i>> {
        let value = get(table, key)?;
        match value.get_ref() {
            DeValue::Table(t) => Some(t),
            _ => {
                self.wrong(
                    value,
                    &path(within, key),
                    key,
                    &format!("a table, like [{key}] with keys below it"),
                );
                None
            }
        }
    }

    /// The entries of an array of tables (`[[medications]]`), each with its span.
    fn entries<'a, 'i>(
        &mut self,
        table: &'a DeTable<'i>,
        key: &str,
    ) -> Vec<(&'a DeTable<'i>, Range<usize>)> {
        let Some(value) = get(table, key) else {
            return Vec::new();
        };
        let DeValue::Array(items) = value.get_ref() else {
            self.wrong(
                value,
                key,
                key,
                &format!("one [[{key}]] block for each, with its keys below"),
            );
            return Vec::new();
        };
        let mut out = Vec::new();
        for (i, item) in items.iter().enumerate() {
            match item.get_ref() {
                DeValue::Table(t) => out.push((t, item.span())),
                _ => self.wrong(
                    item,
                    &format!("{key}[{i}]"),
                    key,
                    &format!("a [[{key}]] block with its keys below"),
                ),
            }
        }
        out
    }

    fn intake(&mut self, root: &DeTable<'_>) -> RawIntake {
        self.only(
            root,
            &[
                "guide",
                "patient",
                "visit",
                "answers",
                "health",
                "medications",
                "diary",
                "questions",
                "checklist",
            ],
        );
        let guide = self.text(root, "guide", "");
        if get(root, "guide").is_none() {
            self.missing(
                "guide",
                None,
                "add `guide = \"nocturnal-leg-cramps\"` (or `general`) as the first line",
            );
        }
        let patient = match get(root, "patient") {
            None => {
                self.missing(
                    "patient",
                    None,
                    "add a [patient] table with at least `name = \"Your Name\"`",
                );
                RawPatient::default()
            }
            Some(value) => match value.get_ref() {
                DeValue::Table(t) => self.patient(t, value.span()),
                _ => {
                    self.wrong(
                        value,
                        "patient",
                        "patient",
                        "a table, like [patient] with keys below it",
                    );
                    RawPatient::default()
                }
            },
        };
        let visit = self
            .table(root, "visit", "")
            .map(|t| self.visit(t))
            .unwrap_or_default();
        let answers = self
            .table(root, "answers", "")
            .map(|t| self.answers(t))
            .unwrap_or_default();
        let health = self
            .table(root, "health", "")
            .map(|t| self.health(t))
            .unwrap_or_default();
        let medications = self
            .entries(root, "medications")
            .into_iter()
            .enumerate()
            .map(|(i, (t, span))| self.medication(t, i, span))
            .collect();
        let diary = self
            .entries(root, "diary")
            .into_iter()
            .enumerate()
            .map(|(i, (t, span))| self.night(t, i, span))
            .collect();
        let questions = self
            .table(root, "questions", "")
            .inspect(|t| self.only(t, &["own", "skip"]))
            .map(|t| RawQuestions {
                own: self.plain_texts(t, "own", "questions"),
                skip: self.texts(t, "skip", "questions"),
            })
            .unwrap_or_default();
        let checklist = self
            .table(root, "checklist", "")
            .inspect(|t| self.only(t, &["done"]))
            .map(|t| RawChecklist {
                done: self.texts(t, "done", "checklist"),
            })
            .unwrap_or_default();
        RawIntake {
            guide,
            patient,
            visit,
            answers,
            health,
            medications,
            diary,
            questions,
            checklist,
        }
    }

    fn patient(&mut self, t: &DeTable<'_>, span: Range<usize>) -> RawPatient {
        const AT: &str = "patient";
        self.only(
            t,
            &[
                "name",
                "born",
                "sex",
                "pregnant",
                "pregnancy_week",
                "phone",
                "language",
                "emergency_contact",
                "needs",
                "filled_in_by",
            ],
        );
        let name = self.text(t, "name", AT);
        if get(t, "name").is_none() {
            self.missing(
                "patient.name",
                Some(span),
                "add `name = \"Your Name\"` to [patient], as on the health insurance card",
            );
        }
        RawPatient {
            name,
            born: self.date(t, "born", AT),
            sex: self.plain_text(t, "sex", AT),
            pregnant: self
                .flag(t, "pregnant", AT)
                .is_some_and(Spanned::into_inner),
            pregnancy_week: self.whole(t, "pregnancy_week", AT),
            phone: self.plain_text(t, "phone", AT),
            language: self.plain_text(t, "language", AT),
            emergency_contact: self.plain_text(t, "emergency_contact", AT),
            needs: self.plain_texts(t, "needs", AT),
            filled_in_by: self.plain_text(t, "filled_in_by", AT),
        }
    }

    fn visit(&mut self, t: &DeTable<'_>) -> RawVisit {
        const AT: &str = "visit";
        self.only(
            t,
            &[
                "when",
                "clinic",
                "department",
                "doctor",
                "companion",
                "reason",
                "concerns",
                "goal",
                "sheet_language",
            ],
        );
        RawVisit {
            when: self.visit_time(t, AT),
            clinic: self.plain_text(t, "clinic", AT),
            department: self.plain_text(t, "department", AT),
            doctor: self.plain_text(t, "doctor", AT),
            companion: self.plain_text(t, "companion", AT),
            reason: self.plain_text(t, "reason", AT),
            concerns: self.plain_texts(t, "concerns", AT),
            goal: self.plain_text(t, "goal", AT),
            sheet_language: self.text(t, "sheet_language", AT),
        }
    }

    fn answers(&mut self, t: &DeTable<'_>) -> BTreeMap<Spanned<String>, Spanned<String>> {
        let mut answers = BTreeMap::new();
        for (id, value) in t.iter() {
            let id_text = id.get_ref().as_ref();
            let field = format!("answers.{}", shorten(id_text, 60));
            if let Some(answer) = self.string(value, &field, "answer") {
                answers.insert(Spanned::new(id.span(), id_text.to_string()), answer);
            }
        }
        answers
    }

    fn health(&mut self, t: &DeTable<'_>) -> RawHealth {
        const AT: &str = "health";
        self.only(
            t,
            &[
                "conditions",
                "allergies",
                "notes",
                "no_known_allergies",
                "no_medicines",
                "no_other_illnesses",
            ],
        );
        RawHealth {
            conditions: self.texts(t, "conditions", AT),
            allergies: self.texts(t, "allergies", AT),
            notes: self.plain_text(t, "notes", AT),
            no_known_allergies: self.flag(t, "no_known_allergies", AT),
            no_medicines: self.flag(t, "no_medicines", AT),
            no_other_illnesses: self.flag(t, "no_other_illnesses", AT),
        }
    }

    fn medication(&mut self, t: &DeTable<'_>, i: usize, span: Range<usize>) -> RawMedication {
        let at = format!("medications[{i}]");
        self.only(
            t,
            &[
                "name",
                "dose",
                "how_often",
                "reason",
                "note",
                "since",
                "as_needed",
            ],
        );
        let name = self.text(t, "name", &at);
        if get(t, "name").is_none() {
            self.missing(
                &format!("{at}.name"),
                Some(span),
                "add `name = ...` to this medications entry: the medicine's name, as on the box",
            );
        }
        RawMedication {
            name,
            dose: self.plain_text(t, "dose", &at),
            how_often: self.plain_text(t, "how_often", &at),
            reason: self.plain_text(t, "reason", &at),
            note: self.plain_text(t, "note", &at),
            since: self.date(t, "since", &at),
            as_needed: self
                .flag(t, "as_needed", &at)
                .is_some_and(Spanned::into_inner),
        }
    }

    fn night(&mut self, t: &DeTable<'_>, i: usize, span: Range<usize>) -> RawDiaryEntry {
        let at = format!("diary[{i}]");
        self.only(t, &["night", "at", "minutes", "where", "severity", "note"]);
        let night = self.date(t, "night", &at);
        if get(t, "night").is_none() {
            self.missing(
                &format!("{at}.night"),
                Some(span),
                "add `night = ...` to this diary entry: the date of the night, like 2026-11-20",
            );
        }
        RawDiaryEntry {
            night,
            at: self.time(t, "at", &at),
            minutes: self.number(t, "minutes", &at),
            place: self.plain_text(t, "where", &at),
            severity: self.whole(t, "severity", &at),
            note: self.plain_text(t, "note", &at),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_characters_are_found_but_tabs_and_line_breaks_are_text() {
        assert_eq!(control_in("water pill\u{1b}[D"), Some((10, '\u{1b}')));
        assert_eq!(control_in("ring\u{7}"), Some((4, '\u{7}')));
        assert_eq!(control_in("a\u{9b}b"), Some((1, '\u{9b}')));
        assert_eq!(control_in("a\u{7f}"), Some((1, '\u{7f}')));
        assert_eq!(control_in("a\rb"), Some((1, '\r')));
        assert_eq!(control_in("one\ttwo\r\nthree\nfour"), None);
        assert_eq!(control_in("Zoë 東京"), None);
    }

    #[test]
    fn a_control_character_is_found_where_it_was_written() {
        let text = r#"course = "pill\u001B[DX""#;
        let value = 9..text.len();
        assert_eq!(control_span(text, value, '\u{1b}'), 14..20);
        let text = "note = \"a\u{7}b\"";
        assert_eq!(control_span(text, 7..text.len(), '\u{7}'), 9..10);
    }
}
