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

use super::dates::{read_date_in, read_time, read_visit_in, DateReading, VisitReading};
use super::raw::{
    RawChecklist, RawDiaryEntry, RawHealth, RawIntake, RawMedication, RawPatient, RawQuestions,
    RawVisit,
};
use super::toml_error::type_help;
use super::VisitTime;
use crate::diagnostic::{shorten, Diagnostic};
use crate::document::Language;
use crate::words::Words;

type Value<'i> = Spanned<DeValue<'i>>;

/// Reads the table of a whole intake; every problem found is in the second value, and the
/// third says whether a table holds a key this reader does not read (an unknown key: the
/// schema's walk then names it, see [`super::toml_error::take_unknown_keys`]).
pub(super) fn read(
    root: &DeTable<'_>,
    text: &str,
    words: &'static Words,
) -> (RawIntake, Vec<Diagnostic>, bool) {
    let mut walk = Walk {
        text,
        problems: Vec::new(),
        strays: false,
        words,
    };
    let raw = walk.intake(root);
    (raw, walk.problems, walk.strays)
}

/// The language the intake's sheet is printed in, as [`super::Intake::sheet_language`]
/// chooses it, read before the rest of the file so that every problem in it can be worded
/// in that language. A value of the wrong kind counts as none: it is reported in English.
pub(super) fn language_of(root: &DeTable<'_>) -> Language {
    let text_in = |table: &str, key: &str| match get(root, table).map(Spanned::get_ref) {
        Some(DeValue::Table(t)) => match get(t, key).map(Spanned::get_ref) {
            Some(DeValue::String(s)) => Some(s.to_string()),
            _ => None,
        },
        _ => None,
    };
    text_in("visit", "sheet_language")
        .and_then(|l| Language::from_words(&l))
        .or_else(|| text_in("patient", "language").and_then(|l| Language::from_answer(&l)))
        .unwrap_or(Language::English)
}

struct Walk<'t> {
    /// The file's text, to point at a control character inside a value.
    text: &'t str,
    problems: Vec<Diagnostic>,
    /// A table holds a key not read here.
    strays: bool,
    /// The check catalogue, in the language the problems are told in.
    words: &'static Words,
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
fn kind_of(value: &DeValue<'_>, words: &Words) -> String {
    match value {
        DeValue::String(s) => say!(words, "kind-text", value = format!("{:?}", shorten(s, 40))),
        DeValue::Integer(i) => say!(words, "kind-whole", value = shorten(i.as_str(), 40)),
        DeValue::Float(f) => say!(words, "kind-decimal", value = shorten(f.as_str(), 40)),
        DeValue::Boolean(b) => format!("`{b}`"),
        DeValue::Datetime(d) => say!(words, "kind-datetime", value = d.to_string()),
        DeValue::Array(_) => words.get("kind-list"),
        DeValue::Table(_) => words.get("kind-table"),
    }
}

/// A day as the messages write it: "4 May 1950".
pub(super) fn day_in_words(date: NaiveDate, words: &Words) -> String {
    say!(
        words,
        "day-in-words",
        day = date.day().to_string(),
        month = say!(words, "month-name", month = date.month()),
        year = date.year().to_string(),
    )
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
fn control_name(c: char, words: &Words) -> String {
    let name = words.get(match c {
        '\u{0}' => "control-nul",
        '\u{7}' => "control-bel",
        '\u{8}' => "control-bs",
        '\u{b}' => "control-vt",
        '\u{c}' => "control-ff",
        '\r' => "control-cr",
        '\u{1b}' => "control-esc",
        '\u{7f}' => "control-del",
        '\u{9b}' => "control-csi",
        c if (c as u32) < 0x20 => "control-c0",
        _ => "control-c1",
    });
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

    /// `field` is not there; `help` is the check catalogue's message saying what to add.
    fn missing(&mut self, field: &str, span: Option<Range<usize>>, help: &str) {
        let w = self.words;
        self.problem(
            Diagnostic::new(say!(w, "missing", field = field))
                .at(span)
                .field(field)
                .help(w.get(help)),
        );
    }

    /// A value of another kind than `key` takes; `expected` is the check catalogue's
    /// message for the kind it takes, given the key.
    fn wrong(&mut self, value: &Value<'_>, field: &str, key: &str, expected: &str) {
        let w = self.words;
        let message = say!(
            w,
            "wrong-kind",
            found = kind_of(value.get_ref(), w),
            expected = w.with(expected, &[("key", Words::text(key))]),
        );
        self.problem(
            Diagnostic::new(message)
                .at(Some(value.span()))
                .field(field)
                .label(w.get("wrong-kind-label"))
                .help(type_help(key, w)),
        );
    }

    /// Text, or `None` (reported) when it is of another kind or holds a control character.
    fn string(&mut self, value: &Value<'_>, field: &str, key: &str) -> Option<Spanned<String>> {
        let DeValue::String(s) = value.get_ref() else {
            self.wrong(value, field, key, "expected-text");
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
        let w = self.words;
        self.problem(
            Diagnostic::new(say!(w, "control-character", name = control_name(c, w)))
                .at(Some(span))
                .field(field)
                .label(say!(
                    w,
                    "control-character-label",
                    code = format!("U+{:04X}", c as u32)
                ))
                .help(w.get("control-character-help")),
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
            self.wrong(value, &field, key, "expected-list");
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
                self.wrong(value, &path(within, key), key, "expected-flag");
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
                    let w = self.words;
                    self.problem(
                        Diagnostic::new(w.get("number-too-large"))
                            .at(Some(value.span()))
                            .field(field)
                            .label(w.get("wrong-kind-label"))
                            .help(type_help(key, w)),
                    );
                    None
                }
            },
            _ => {
                self.wrong(value, &field, key, "expected-whole");
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
            self.wrong(value, &path(within, key), key, "expected-number");
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
                match read_date_in(&text, None, self.words) {
                    Ok(DateReading::Ambiguous(day_month, month_day)) => {
                        let w = self.words;
                        self.two_ways(
                            &text,
                            span.clone(),
                            &field,
                            &day_in_words(day_month, w),
                            &day_in_words(month_day, w),
                        );
                        None
                    }
                    Ok(reading) => reading.single(),
                    Err(problem) => {
                        self.unreadable(&problem.0, span.clone(), &field);
                        None
                    }
                }
            }
            _ => {
                self.wrong(value, &field, key, "expected-date");
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
                let w = self.words;
                self.problem(
                    Diagnostic::new(say!(w, "date-only", field = field))
                        .at(Some(span))
                        .field(field)
                        .label(w.get("date-only-label"))
                        .help(w.get("date-only-help")),
                );
                None
            }
        }
    }

    fn impossible(&mut self, span: Range<usize>, field: &str, written: &str) {
        let w = self.words;
        self.problem(
            Diagnostic::new(say!(w, "not-a-real-date", date = written))
                .at(Some(span))
                .field(field)
                .label(w.get("not-a-real-date-label"))
                .help(w.get("not-a-real-date-help")),
        );
    }

    /// A numeric date whose day and month could be swapped: never guessed.
    fn two_ways(&mut self, text: &str, span: Range<usize>, field: &str, one: &str, other: &str) {
        let w = self.words;
        self.problem(
            Diagnostic::new(say!(
                w,
                "two-ways",
                written = shorten(text.trim(), 40),
                one = one,
                other = other,
            ))
            .at(Some(span))
            .field(field)
            .label(w.get("two-ways-label"))
            .help(say!(w, "two-ways-help", one = one)),
        );
    }

    fn unreadable(&mut self, why: &str, span: Range<usize>, field: &str) {
        let w = self.words;
        self.problem(
            Diagnostic::new(why.to_string())
                .at(Some(span))
                .field(field)
                .label(w.get("unreadable-date-label"))
                .help(w.get("unreadable-date-help")),
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
                match read_visit_in(&text, None, self.words) {
                    Ok(VisitReading::One { when, .. }) => Some(when),
                    Ok(VisitReading::Ambiguous(a, b)) => {
                        let said = self.words;
                        let words = |w: VisitTime| match w.time() {
                            Some(t) => say!(
                                said,
                                "day-and-time",
                                day = day_in_words(w.date(), said),
                                time = t.format("%H:%M").to_string(),
                            ),
                            None => day_in_words(w.date(), said),
                        };
                        self.two_ways(&text, span.clone(), &field, &words(a), &words(b));
                        None
                    }
                    Err(problem) => {
                        self.unreadable(&problem.0, span.clone(), &field);
                        None
                    }
                }
            }
            _ => {
                self.wrong(value, &field, "when", "expected-visit");
                None
            }
        };
        when.map(|w| Spanned::new(span, w))
    }

    fn toml_visit(&mut self, dt: &Datetime, span: Range<usize>) -> Option<VisitTime> {
        let bad_form = |walk: &mut Walk<'_>| {
            let w = walk.words;
            walk.problem(
                Diagnostic::new(w.get("visit-form"))
                    .at(Some(span.clone()))
                    .field("visit.when")
                    .help(w.get("visit-form-help")),
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
                    let w = self.words;
                    self.problem(
                        Diagnostic::new(say!(
                            w,
                            "unreadable-time",
                            written = shorten(text.trim(), 40)
                        ))
                        .at(Some(span.clone()))
                        .field(field.as_str())
                        .label(w.get("unreadable-time-label"))
                        .help(w.get("unreadable-time-help")),
                    );
                    return None;
                }
                time
            }
            _ => None,
        };
        if time.is_none() {
            let w = self.words;
            self.problem(
                Diagnostic::new(say!(w, "time-only", field = field.as_str()))
                    .at(Some(span.clone()))
                    .field(field)
                    .help(w.get("time-only-help")),
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
                self.wrong(value, &path(within, key), key, "expected-table");
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
            self.wrong(value, key, key, "expected-entries");
            return Vec::new();
        };
        let mut out = Vec::new();
        for (i, item) in items.iter().enumerate() {
            match item.get_ref() {
                DeValue::Table(t) => out.push((t, item.span())),
                _ => self.wrong(item, &format!("{key}[{i}]"), key, "expected-entry"),
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
            self.missing("guide", None, "missing-guide-help");
        }
        let patient = match get(root, "patient") {
            None => {
                self.missing("patient", None, "missing-patient-help");
                RawPatient::default()
            }
            Some(value) => match value.get_ref() {
                DeValue::Table(t) => self.patient(t, value.span()),
                _ => {
                    self.wrong(value, "patient", "patient", "expected-table");
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
            self.missing("patient.name", Some(span), "missing-name-help");
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
                "missing-medication-name-help",
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
            self.missing(&format!("{at}.night"), Some(span), "missing-night-help");
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
