//! The form as posted: every value under the name of the intake field it fills
//! (`patient.name`, `medications[2].dose`, `visit.concerns[0]`), read into an intake the
//! way `check` reads a file, with each problem kept beside the field it is about.

use std::collections::BTreeMap;
use std::path::Path;

use chrono::{NaiveDate, NaiveTime};

use crate::diagnostic::Diagnostic;
use crate::document::Language;
use crate::guide::Guide;
use crate::intake::{
    long_date, long_visit, read_date_in, read_time, read_visit_in, DateReading, DiaryEntry, Health,
    Intake, IntakeError, LoadedIntake, Medication, Patient, Visit, VisitReading, VisitTime,
    NAME_TO_REPLACE,
};
use crate::words::{Catalogue, Words};

/// The lists of single answers, each shown as rows of one box.
pub const LISTS: [&str; 5] = [
    "patient.needs",
    "visit.concerns",
    "questions.own",
    "health.conditions",
    "health.allergies",
];
/// The lists of blocks, and the keys of one block, in the order they are shown.
pub const MEDICATIONS: &str = "medications";
pub const MEDICATION_KEYS: [&str; 7] = [
    "name",
    "dose",
    "how_often",
    "since",
    "reason",
    "note",
    "as_needed",
];
pub const DIARY: &str = "diary";
pub const DIARY_KEYS: [&str; 6] = ["night", "at", "minutes", "where", "severity", "note"];

/// Posted with the guide's id where the page showed the guide's suggested questions as
/// boxes to keep ticked: an unticked one is then a question to leave off.
pub const QUESTIONS_SHOWN: &str = "questions.shown";

/// How a ticked box is posted.
pub const TICKED: &str = "yes";

/// The intake's `visit.sheet_language`, carried by the page as a hidden field.
pub const SHEET_LANGUAGE: &str = "visit.sheet_language";

/// A date as a person reads it back in `language`, in words its date reader takes again:
/// "Wednesday 14 March 1956", "miércoles 14 de marzo de 1956".
pub fn written_date(d: NaiveDate, language: Language) -> String {
    if language == Language::English {
        return long_date(d);
    }
    let sheet = Words::of(language);
    Words::from(Catalogue::Form, language).with(
        "form-date-with-weekday",
        &[
            ("weekday", Words::text(sheet.weekday(d))),
            ("date", Words::text(sheet.long_date(d))),
        ],
    )
}

/// A visit as a person reads it back in `language`: "Wednesday 2 December 2026 at 09:30",
/// "miércoles 2 de diciembre de 2026 a las 09:30".
pub fn written_visit(when: VisitTime, language: Language) -> String {
    if language == Language::English {
        return long_visit(when);
    }
    match when {
        VisitTime::Day(d) => written_date(d, language),
        VisitTime::DayAndTime(dt) => Words::from(Catalogue::Form, language).with(
            "form-date-at-time",
            &[
                ("date", Words::text(written_date(dt.date(), language))),
                ("time", Words::text(Words::of(language).time(dt.time()))),
            ],
        ),
    }
}

/// The name a posted reading of an ambiguous date is given for the field `name`.
pub fn reading_name(name: &str) -> String {
    format!("reading.{name}")
}

/// The form's values by field name, and how many rows each list shows.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Form {
    pub values: BTreeMap<String, String>,
    pub rows: BTreeMap<String, usize>,
}

/// What is said next to one field.
#[derive(Debug, Clone, PartialEq)]
pub struct Message {
    pub text: String,
    /// Said, and nothing refused for it.
    pub warning: bool,
    /// The two dates an ambiguous numeric date could be, as (value to post, as read back).
    pub readings: Vec<(String, String)>,
}

impl Message {
    fn error(text: impl Into<String>) -> Message {
        Message {
            text: text.into(),
            warning: false,
            readings: Vec::new(),
        }
    }
}

/// The form read as an intake.
pub struct Read {
    /// The intake file the answers make, when they make one.
    pub toml: Option<String>,
    /// The intake and its guide, when the file passes every check.
    pub loaded: Option<LoadedIntake>,
    /// Messages by field name; those about no field of the form under "".
    pub messages: BTreeMap<String, Vec<Message>>,
}

impl Read {
    pub fn errors(&self) -> usize {
        self.messages
            .values()
            .flatten()
            .filter(|m| !m.warning)
            .count()
    }
}

fn iso(d: NaiveDate) -> String {
    d.format("%Y-%m-%d").to_string()
}

fn iso_visit(when: VisitTime) -> String {
    match when {
        VisitTime::Day(d) => iso(d),
        VisitTime::DayAndTime(dt) => dt.format("%Y-%m-%dT%H:%M:%S").to_string(),
    }
}

/// A number of minutes as a person writes it: whole numbers without a decimal point.
fn minutes_text(v: f64) -> String {
    if v.fract() == 0.0 && v.abs() < 1e15 {
        format!("{}", v as i64)
    } else {
        v.to_string()
    }
}

fn row_name(list: &str, row: usize, key: &str) -> String {
    format!("{list}[{row}].{key}")
}

fn item_name(list: &str, row: usize) -> String {
    format!("{list}[{row}]")
}

impl Form {
    /// The form as posted: `rows.LIST` says how many rows a list had on the page.
    pub fn from_posted(fields: &[(String, String)]) -> Form {
        let mut form = Form::default();
        for (name, value) in fields {
            if let Some(list) = name.strip_prefix("rows.") {
                if let Ok(n) = value.trim().parse::<usize>() {
                    // A page never shows more rows than an intake may hold.
                    form.rows.insert(list.to_string(), n.min(MAX_ROWS));
                }
            } else if name != "do" {
                // A browser posts a text area's line breaks as CR LF.
                let value = value.replace("\r\n", "\n");
                form.values.insert(name.clone(), value);
            }
        }
        form
    }

    pub fn get(&self, name: &str) -> &str {
        self.values.get(name).map_or("", |v| v.as_str())
    }

    fn text(&self, name: &str) -> Option<String> {
        let v = self.get(name).trim();
        (!v.is_empty()).then(|| v.to_string())
    }

    pub fn ticked(&self, name: &str) -> bool {
        self.get(name) == TICKED
    }

    /// Whether the guide's suggested question `id` is to be left off the sheet. The page
    /// asks which to keep (a box left unticked is not posted); an intake names those skipped.
    pub fn skips(&self, id: &str) -> bool {
        if self.get(QUESTIONS_SHOWN) == self.guide() {
            !self.ticked(&format!("questions.keep.{id}"))
        } else {
            self.ticked(&format!("questions.skip.{id}"))
        }
    }

    pub fn guide(&self) -> &str {
        match self.get("guide").trim() {
            "" => DEFAULT_GUIDE,
            g => g,
        }
    }

    /// How many rows `list` shows: all it holds, at least one to fill in.
    pub fn row_count(&self, list: &str) -> usize {
        let prefix = format!("{list}[");
        let held = self
            .values
            .keys()
            .filter_map(|k| k.strip_prefix(&prefix))
            .filter_map(|rest| rest.split(']').next()?.parse::<usize>().ok())
            .map(|i| i + 1)
            .max()
            .unwrap_or(0);
        held.max(self.rows.get(list).copied().unwrap_or(0))
            .clamp(1, MAX_ROWS)
    }

    /// The value names of row `row` of `list`, prefixed `list[row]`.
    fn row_keys(&self, list: &str, row: usize) -> Vec<String> {
        let prefix = item_name(list, row);
        self.values
            .keys()
            .filter(|k| {
                k.strip_prefix(&prefix)
                    .is_some_and(|rest| rest.is_empty() || rest.starts_with('.'))
            })
            .cloned()
            .collect()
    }

    pub fn add_row(&mut self, list: &str) {
        let n = self.row_count(list);
        self.rows.insert(list.to_string(), (n + 1).min(MAX_ROWS));
    }

    /// Takes row `row` out of `list`; the rows after it move up.
    pub fn remove_row(&mut self, list: &str, row: usize) {
        let n = self.row_count(list);
        if row >= n {
            return;
        }
        for key in self.row_keys(list, row) {
            self.values.remove(&key);
        }
        for from in row + 1..n {
            for key in self.row_keys(list, from) {
                if let Some(v) = self.values.remove(&key) {
                    let rest = &key[item_name(list, from).len()..];
                    self.values
                        .insert(format!("{}{rest}", item_name(list, from - 1)), v);
                }
            }
        }
        self.rows.insert(list.to_string(), n - 1);
    }

    /// Swaps row `row` of `list` with the one above it.
    pub fn move_up(&mut self, list: &str, row: usize) {
        if row == 0 || row >= self.row_count(list) {
            return;
        }
        let take = |form: &mut Form, r: usize| -> Vec<(String, String)> {
            let prefix = item_name(list, r);
            form.row_keys(list, r)
                .into_iter()
                .filter_map(|k| {
                    let v = form.values.remove(&k)?;
                    Some((k[prefix.len()..].to_string(), v))
                })
                .collect()
        };
        let upper = take(self, row - 1);
        let lower = take(self, row);
        for (rest, v) in lower {
            self.values
                .insert(format!("{}{rest}", item_name(list, row - 1)), v);
        }
        for (rest, v) in upper {
            self.values
                .insert(format!("{}{rest}", item_name(list, row)), v);
        }
    }

    /// The form holding an intake's answers, dates written out as a person reads them in
    /// `language`.
    pub fn from_intake(intake: &Intake, language: Language) -> Form {
        let long_date = |d| written_date(d, language);
        let long_visit = |w| written_visit(w, language);
        let mut form = Form::default();
        let mut put = |name: String, value: Option<String>| {
            if let Some(v) = value {
                form.values.insert(name, v);
            }
        };
        let p = &intake.patient;
        put("guide".into(), Some(intake.guide.clone()));
        put("patient.name".into(), Some(p.name.clone()));
        put("patient.born".into(), p.born.map(long_date));
        put("patient.sex".into(), p.sex.clone());
        put(
            "patient.pregnant".into(),
            p.pregnant.then(|| TICKED.to_string()),
        );
        put(
            "patient.pregnancy_week".into(),
            p.pregnancy_week.map(|w| w.to_string()),
        );
        put("patient.phone".into(), p.phone.clone());
        put("patient.language".into(), p.language.clone());
        put(
            "patient.emergency_contact".into(),
            p.emergency_contact.clone(),
        );
        put("patient.filled_in_by".into(), p.filled_in_by.clone());
        let v = &intake.visit;
        put("visit.when".into(), v.when.map(long_visit));
        put("visit.clinic".into(), v.clinic.clone());
        put("visit.department".into(), v.department.clone());
        put("visit.doctor".into(), v.doctor.clone());
        put("visit.companion".into(), v.companion.clone());
        put("visit.reason".into(), v.reason.clone());
        put("visit.goal".into(), v.goal.clone());
        put(
            SHEET_LANGUAGE.into(),
            v.sheet_language.map(|l| l.tag().to_string()),
        );
        for (id, answer) in &intake.answers {
            put(format!("answers.{id}"), Some(answer.clone()));
        }
        put("health.notes".into(), intake.health.notes.clone());
        for id in &intake.skipped_questions {
            put(format!("questions.skip.{id}"), Some(TICKED.into()));
        }
        for id in &intake.checklist_done {
            put(format!("checklist.done.{id}"), Some(TICKED.into()));
        }
        let h = &intake.health;
        let none = || vec!["none".to_string()];
        let allergies = match (&h.allergies[..], h.no_known_allergies) {
            ([], true) => none(),
            _ => h.allergies.clone(),
        };
        let conditions = match (&h.conditions[..], h.no_other_illnesses) {
            ([], true) => none(),
            _ => h.conditions.clone(),
        };
        let lists: [(&str, &[String]); 5] = [
            ("patient.needs", &p.needs),
            ("visit.concerns", &v.concerns),
            ("questions.own", &intake.own_questions),
            ("health.conditions", &conditions),
            ("health.allergies", &allergies),
        ];
        for (list, items) in lists {
            for (i, item) in items.iter().enumerate() {
                form.values.insert(item_name(list, i), item.clone());
            }
            form.rows.insert(list.into(), items.len());
        }
        for (i, m) in intake.medications.iter().enumerate() {
            let fields = [
                ("name", Some(m.name.clone())),
                ("dose", m.dose.clone()),
                ("how_often", m.how_often.clone()),
                ("since", m.since.map(long_date)),
                ("reason", m.reason.clone()),
                ("note", m.note.clone()),
                ("as_needed", m.as_needed.then(|| TICKED.to_string())),
            ];
            for (key, value) in fields {
                if let Some(value) = value {
                    form.values.insert(row_name(MEDICATIONS, i, key), value);
                }
            }
        }
        form.rows
            .insert(MEDICATIONS.into(), intake.medications.len());
        for (i, e) in intake.diary.iter().enumerate() {
            let fields = [
                ("night", Some(long_date(e.night))),
                ("at", e.at.map(|t| t.format("%H:%M").to_string())),
                ("minutes", e.minutes.map(minutes_text)),
                ("where", e.place.clone()),
                ("severity", e.severity.map(|s| s.to_string())),
                ("note", e.note.clone()),
            ];
            for (key, value) in fields {
                if let Some(value) = value {
                    form.values.insert(row_name(DIARY, i, key), value);
                }
            }
        }
        form.rows.insert(DIARY.into(), intake.diary.len());
        form
    }
}

/// The guide a new form follows.
pub const DEFAULT_GUIDE: &str = "nocturnal-leg-cramps";
/// The most rows a list shows: far more than any intake holds, few enough for one page.
pub const MAX_ROWS: usize = 200;

/// Reads the form into an intake. `today` is the day relative dates count from; `dir` is
/// where a guide file the form names is looked up. With `for_saving`, a blank name is
/// written as the name to replace (as `interview` does), so answers can be kept unfinished.
/// What is found is said in `language`, the page's, and dates are read in it as well as in
/// English.
pub fn read(
    form: &mut Form,
    guide: &Guide,
    today: NaiveDate,
    dir: &Path,
    for_saving: bool,
    language: Language,
) -> Read {
    let mut reader = Reader {
        form,
        today,
        messages: BTreeMap::new(),
        language,
        w: Words::from(Catalogue::Form, language),
        said: Words::from(Catalogue::Check, language),
    };
    let (intake, places) = reader.intake(guide, for_saving);
    let mut messages = reader.messages;
    let toml = crate::skeleton::intake_filled_in(guide, &intake, language);
    let shown = Path::new("intake.toml");
    let mut loaded = None;
    let (_, parsed) =
        crate::intake::parse_with_warnings_in(shown, &toml, dir, today, Some(language));
    match parsed {
        Ok((intake, guide, warnings)) => {
            for d in &warnings.diagnostics {
                place(&mut messages, &places, d);
            }
            loaded = Some(LoadedIntake {
                path: shown.to_path_buf(),
                intake,
                guide,
            });
        }
        Err(IntakeError::Invalid(report)) => {
            for d in &report.diagnostics {
                place(&mut messages, &places, d);
            }
        }
        Err(IntakeError::Guide(report)) => {
            for d in &report.diagnostics {
                messages
                    .entry(String::new())
                    .or_default()
                    .push(Message::error(reader_words(language).with(
                        "form-guide-problem",
                        &[("message", Words::text(d.message.as_str()))],
                    )));
            }
        }
    }
    let clean = messages.values().flatten().all(|m| m.warning);
    Read {
        loaded: loaded.filter(|_| clean),
        toml: clean.then_some(toml),
        messages,
    }
}

/// Where each row of the intake came from on the form: blank rows are left out of the
/// intake, so its `medications[1]` may be the form's third row.
#[derive(Default)]
struct Places {
    rows: BTreeMap<&'static str, Vec<usize>>,
}

/// Files `d` under the form field it is about.
fn place(messages: &mut BTreeMap<String, Vec<Message>>, places: &Places, d: &Diagnostic) {
    let field = d.field.as_deref().and_then(|f| form_field(f, places));
    let text = said(d);
    messages
        .entry(field.unwrap_or_default())
        .or_default()
        .push(Message {
            text,
            warning: d.warning,
            readings: Vec::new(),
        });
}

/// A checker's message as a sentence: capitalised, its key names in plain text.
fn said(d: &Diagnostic) -> String {
    let text = d.message.replace('`', "");
    let mut chars = text.chars();
    let mut out: String = match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => text,
    };
    if !out.ends_with(['.', '?', '!']) {
        out.push('.');
    }
    out
}

/// The form field a checker's field path (`medications[1].since`) names.
fn form_field(path: &str, places: &Places) -> Option<String> {
    for (list, rows) in &places.rows {
        let Some(rest) = path.strip_prefix(&format!("{list}[")) else {
            continue;
        };
        let (index, after) = rest.split_once(']')?;
        let row = *rows.get(index.parse::<usize>().ok()?)?;
        return Some(match after {
            "" if *list == MEDICATIONS => row_name(list, row, "name"),
            "" if *list == DIARY => row_name(list, row, "night"),
            _ => format!("{}{after}", item_name(list, row)),
        });
    }
    // Skipped questions and checklist items are ticked boxes of known ids: never wrong.
    (!path.contains('[')).then(|| path.to_string())
}

fn reader_words(language: Language) -> &'static Words {
    Words::from(Catalogue::Form, language)
}

struct Reader<'a> {
    form: &'a mut Form,
    today: NaiveDate,
    messages: BTreeMap<String, Vec<Message>>,
    language: Language,
    /// The form's words, and `check`'s, in the page's language.
    w: &'static Words,
    said: &'static Words,
}

impl Reader<'_> {
    fn problem(&mut self, name: &str, message: Message) {
        self.messages
            .entry(name.to_string())
            .or_default()
            .push(message);
    }

    fn text(&self, name: &str) -> Option<String> {
        self.form.text(name)
    }

    /// The form's message `id` about what was typed, `text`.
    fn about(&self, id: &str, text: &str, more: &[(&str, String)]) -> String {
        let mut args = vec![("text", Words::text(text))];
        args.extend(more.iter().map(|(k, v)| (*k, Words::text(v.as_str()))));
        self.w.with(id, &args)
    }

    fn long_date(&self, d: NaiveDate) -> String {
        written_date(d, self.language)
    }

    fn long_visit(&self, when: VisitTime) -> String {
        written_visit(when, self.language)
    }

    /// The reading of an ambiguous date the person chose, if it is one of `readings`.
    fn chosen(&self, name: &str, readings: &[String]) -> Option<String> {
        let chosen = self.form.get(&reading_name(name));
        readings.iter().find(|r| *r == chosen).cloned()
    }

    /// A relative date ("yesterday") written out in the field, and shown once to be checked.
    fn read_as(&mut self, name: &str, text: &str, date: String) {
        self.form.values.insert(name.into(), date.clone());
        let said = self.about("form-read-as", text, &[("date", date)]);
        self.problem(name, Message::error(said));
    }

    /// An ambiguous numeric date ("03/04"): the reading the person chose, written out in the
    /// field; else both readings offered beside it. `iso` names a reading, `long` writes it
    /// out in the form's language.
    fn one_of<T: Copy>(
        &mut self,
        name: &str,
        text: &str,
        [a, b]: [T; 2],
        iso: fn(T) -> String,
        long: impl Fn(&Self, T) -> String,
    ) -> Option<T> {
        if let Some(c) = self.chosen(name, &[iso(a), iso(b)]) {
            let when = if c == iso(a) { a } else { b };
            let date = long(self, when);
            self.form.values.insert(name.into(), date);
            self.form.values.remove(&reading_name(name));
            return Some(when);
        }
        let readings = vec![(iso(a), long(self, a)), (iso(b), long(self, b))];
        self.problem(
            name,
            Message {
                text: self.about("form-two-dates", text, &[]),
                warning: false,
                readings,
            },
        );
        None
    }

    /// A date as a person writes it. A relative one is written out and shown once to be
    /// checked; an ambiguous numeric one is kept as the reading chosen, else both are offered.
    fn date(&mut self, name: &str) -> Option<NaiveDate> {
        let text = self.text(name)?;
        match read_date_in(&text, Some(self.today), self.said) {
            Ok(DateReading::Date(d)) => Some(d),
            Ok(DateReading::Relative(d)) => {
                let date = self.long_date(d);
                self.read_as(name, &text, date);
                None
            }
            Ok(DateReading::Ambiguous(a, b)) => {
                self.one_of(name, &text, [a, b], iso, |form, d| form.long_date(d))
            }
            Err(problem) => {
                self.problem(name, Message::error(problem.0));
                None
            }
        }
    }

    fn visit_time(&mut self, name: &str) -> Option<VisitTime> {
        let text = self.text(name)?;
        match read_visit_in(&text, Some(self.today), self.said) {
            Ok(VisitReading::One {
                when,
                relative: false,
            }) => Some(when),
            Ok(VisitReading::One { when, .. }) => {
                let date = self.long_visit(when);
                self.read_as(name, &text, date);
                None
            }
            Ok(VisitReading::Ambiguous(a, b)) => self.one_of(name, &text, [a, b], iso_visit, |form, w| {
                form.long_visit(w)
            }),
            Err(problem) => {
                self.problem(name, Message::error(problem.0));
                None
            }
        }
    }

    fn time(&mut self, name: &str) -> Option<NaiveTime> {
        let text = self.text(name)?;
        let time = read_time(&text).or_else(|| {
            // "2h40", "23 h", as a time is written in French (and often in Spanish).
            let (hour, minute) = text.trim().split_once(['h', 'H'])?;
            let (hour, minute) = (hour.trim(), minute.trim());
            let minute = if minute.is_empty() { "00" } else { minute };
            let numeric =
                |s: &str| !s.is_empty() && s.len() <= 2 && s.bytes().all(|b| b.is_ascii_digit());
            (self.language != Language::English && numeric(hour) && numeric(minute))
                .then(|| read_time(&format!("{hour}:{minute}")))?
        });
        if time.is_none() {
            let said = self.about("form-not-time", &text, &[]);
            self.problem(name, Message::error(said));
        }
        time
    }

    /// A whole number of at most 255; the message `refused` says which numbers make sense.
    fn whole(&mut self, name: &str, refused: &str) -> Option<u8> {
        let text = self.text(name)?;
        let n = text.parse::<u8>().ok();
        if n.is_none() {
            let said = self.about(refused, &text, &[]);
            self.problem(name, Message::error(said));
        }
        n
    }

    fn minutes(&mut self, name: &str) -> Option<f64> {
        let text = self.text(name)?;
        let n = text
            .replace(',', ".")
            .parse::<f64>()
            .ok()
            .filter(|n| n.is_finite());
        if n.is_none() {
            let said = self.about("form-not-minutes", &text, &[]);
            self.problem(name, Message::error(said));
        }
        n
    }

    /// The filled rows of a list of single answers, and which form row each came from.
    fn list(&self, list: &'static str, places: &mut Places) -> Vec<String> {
        let mut items = Vec::new();
        let rows = places.rows.entry(list).or_default();
        for row in 0..self.form.row_count(list) {
            if let Some(item) = self.text(&item_name(list, row)) {
                items.push(item);
                rows.push(row);
            }
        }
        items
    }

    /// As [`Reader::list`], for a list where "none" is an answer: a lone "ninguna" or
    /// "aucune" in the page's language is written as the "none" the intake reader takes.
    fn list_or_none(&self, list: &'static str, places: &mut Places) -> Vec<String> {
        let mut items = self.list(list, places);
        if let [only] = &mut items[..] {
            let interview = Words::from(Catalogue::Interview, self.language);
            let folded = |s: &str| s.trim().trim_end_matches(['.', '!']).to_lowercase();
            let says_none = self.language != Language::English
                && interview
                    .get("words-none")
                    .split(',')
                    .any(|w| folded(w) == folded(only));
            if says_none {
                *only = "none".into();
            }
        }
        items
    }

    fn intake(&mut self, guide: &Guide, for_saving: bool) -> (Intake, Places) {
        let mut places = Places::default();
        let name = match self.text("patient.name") {
            None if for_saving => NAME_TO_REPLACE.to_string(),
            name => name.unwrap_or_default(),
        };
        let patient = Patient {
            name,
            born: self.date("patient.born"),
            sex: self.text("patient.sex"),
            pregnant: self.form.ticked("patient.pregnant"),
            pregnancy_week: self.whole("patient.pregnancy_week", "form-not-week"),
            phone: self.text("patient.phone"),
            language: self.text("patient.language"),
            emergency_contact: self.text("patient.emergency_contact"),
            needs: self.list("patient.needs", &mut places),
            filled_in_by: self.text("patient.filled_in_by"),
        };
        let visit = Visit {
            when: self.visit_time("visit.when"),
            clinic: self.text("visit.clinic"),
            department: self.text("visit.department"),
            doctor: self.text("visit.doctor"),
            companion: self.text("visit.companion"),
            reason: self.text("visit.reason"),
            concerns: self.list("visit.concerns", &mut places),
            goal: self.text("visit.goal"),
            // As the intake opened had it, or the language the form was asked for in:
            // otherwise the sheet follows `patient.language`.
            sheet_language: Language::from_words(self.form.get(SHEET_LANGUAGE).trim()),
        };
        let answers = guide
            .doctor_questions
            .iter()
            .filter_map(|q| Some((q.id.clone(), self.text(&format!("answers.{}", q.id))?)))
            .collect();
        let health = Health {
            conditions: self.list_or_none("health.conditions", &mut places),
            allergies: self.list_or_none("health.allergies", &mut places),
            notes: self.text("health.notes"),
            ..Health::default()
        };
        let own_questions = self.list("questions.own", &mut places);
        let skipped_questions = guide
            .patient_questions
            .iter()
            .filter(|q| self.form.skips(&q.id))
            .map(|q| q.id.clone())
            .collect();
        let checklist_done = guide
            .checklist
            .iter()
            .filter(|c| self.form.ticked(&format!("checklist.done.{}", c.id)))
            .map(|c| c.id.clone())
            .collect();
        let medications = self.medications(&mut places);
        let diary = self.diary(&mut places);
        let intake = Intake {
            guide: self.form.guide().to_string(),
            patient,
            visit,
            answers,
            health,
            medications,
            diary,
            own_questions,
            skipped_questions,
            checklist_done,
        };
        (intake, places)
    }

    fn medications(&mut self, places: &mut Places) -> Vec<Medication> {
        let mut out = Vec::new();
        for row in 0..self.form.row_count(MEDICATIONS) {
            let at = |key: &str| row_name(MEDICATIONS, row, key);
            let as_needed = self.form.ticked(&at("as_needed"));
            let filled = MEDICATION_KEYS.iter().any(|k| self.text(&at(k)).is_some());
            if !filled {
                continue;
            }
            out.push(Medication {
                name: self.text(&at("name")).unwrap_or_default(),
                dose: self.text(&at("dose")),
                how_often: self.text(&at("how_often")),
                reason: self.text(&at("reason")),
                note: self.text(&at("note")),
                since: self.date(&at("since")),
                as_needed,
            });
            places.rows.entry(MEDICATIONS).or_default().push(row);
        }
        out
    }

    fn diary(&mut self, places: &mut Places) -> Vec<DiaryEntry> {
        let mut out = Vec::new();
        for row in 0..self.form.row_count(DIARY) {
            let at = |key: &str| row_name(DIARY, row, key);
            if !DIARY_KEYS.iter().any(|k| self.text(&at(k)).is_some()) {
                continue;
            }
            if self.text(&at("night")).is_none() {
                let example = self.w.get("form-example-night");
                let said = self
                    .w
                    .with("form-night-missing", &[("example", Words::text(example))]);
                self.problem(&at("night"), Message::error(said));
            }
            let night = self.date(&at("night"));
            let time = self.time(&at("at"));
            let minutes = self.minutes(&at("minutes"));
            let severity = self.whole(&at("severity"), "form-not-severity");
            let Some(night) = night else { continue };
            out.push(DiaryEntry {
                night,
                at: time,
                minutes,
                place: self.text(&at("where")),
                severity,
                note: self.text(&at("note")),
            });
            places.rows.entry(DIARY).or_default().push(row);
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn guide() -> Guide {
        Guide::built_in(DEFAULT_GUIDE).unwrap()
    }

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 12, 1).unwrap()
    }

    fn posted(pairs: &[(&str, &str)]) -> Form {
        let fields: Vec<(String, String)> = pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        Form::from_posted(&fields)
    }


    /// The form read as an English one from this folder, without a sheet.
    fn read_in_english(form: &mut Form) -> Read {
        read(form, &guide(), today(), Path::new("."), false, Language::English)
    }

    #[test]
    fn a_blank_name_is_refused_beside_the_name() {
        let mut form = posted(&[("patient.name", "  ")]);
        let read = read_in_english(&mut form);
        assert!(read.toml.is_none());
        let said = &read.messages["patient.name"];
        assert!(said[0].text.contains("name is blank"), "{said:?}");
    }

    #[test]
    fn an_ambiguous_date_offers_both_readings_and_keeps_the_one_chosen() {
        let mut form = posted(&[("patient.name", "Ann"), ("patient.born", "04/05/1950")]);
        let first = read_in_english(&mut form);
        let readings = &first.messages["patient.born"][0].readings;
        assert_eq!(readings.len(), 2);
        assert_eq!(readings[0].0, "1950-05-04");
        assert_eq!(readings[1].0, "1950-04-05");
        form.values
            .insert(reading_name("patient.born"), "1950-04-05".into());
        let second = read_in_english(&mut form);
        assert_eq!(second.errors(), 0, "{:?}", second.messages);
        let intake = second.loaded.unwrap().intake;
        assert_eq!(intake.patient.born, NaiveDate::from_ymd_opt(1950, 4, 5));
        assert_eq!(form.get("patient.born"), "Wednesday 5 April 1950");
    }

    #[test]
    fn an_ambiguous_visit_date_offers_both_readings_and_keeps_the_one_chosen() {
        let mut form = posted(&[
            ("patient.name", "Ann"),
            ("visit.when", "3/2/2027 at 9:30am"),
        ]);
        let first = read_in_english(&mut form);
        assert!(first.toml.is_none());
        let readings = &first.messages["visit.when"][0].readings;
        assert_eq!(readings.len(), 2, "{readings:?}");
        let march = readings
            .iter()
            .find(|(_, long)| long.contains("March"))
            .expect("a reading in March")
            .0
            .clone();
        assert!(readings.iter().any(|(_, long)| long.contains("February")));
        form.values.insert(reading_name("visit.when"), march);
        let second = read_in_english(&mut form);
        assert_eq!(second.errors(), 0, "{:?}", second.messages);
        assert!(form.get("visit.when").contains("2 March 2027"), "{}", form.get("visit.when"));
        assert!(second.toml.unwrap().contains("when = 2027-03-02T09:30:00"));
    }

    #[test]
    fn a_relative_date_is_written_out_to_be_checked_first() {
        let mut form = posted(&[
            ("patient.name", "Ann"),
            ("visit.when", "tomorrow at 9:30am"),
        ]);
        let first = read_in_english(&mut form);
        assert!(first.toml.is_none());
        assert!(first.messages["visit.when"][0].text.contains("was read as"));
        assert_eq!(form.get("visit.when"), "Wednesday 2 December 2026 at 09:30");
        // Posted again as written out, it is taken.
        let second = read_in_english(&mut form);
        assert_eq!(second.errors(), 0, "{:?}", second.messages);
        assert!(second.toml.unwrap().contains("when = 2026-12-02T09:30:00"));
    }

    #[test]
    fn a_problem_in_a_later_row_is_told_beside_that_row() {
        // The blank first row is not in the intake: the checker's medications[0] is row 1.
        let mut form = posted(&[
            ("patient.name", "Ann"),
            ("medications[1].dose", "5 mg"),
            ("diary[0].night", "3 November 2026"),
            ("diary[0].severity", "12"),
        ]);
        let read = read_in_english(&mut form);
        assert!(
            read.messages.contains_key("medications[1].name"),
            "{:?}",
            read.messages
        );
        assert!(
            read.messages.contains_key("diary[0].severity"),
            "{:?}",
            read.messages
        );
        assert!(!read.messages.contains_key(""), "{:?}", read.messages);
    }

    #[test]
    fn rows_are_removed_and_moved_with_their_values() {
        let mut form = posted(&[
            ("visit.concerns[0]", "a"),
            ("visit.concerns[1]", "b"),
            ("visit.concerns[2]", "c"),
        ]);
        form.move_up("visit.concerns", 2);
        assert_eq!(form.get("visit.concerns[1]"), "c");
        assert_eq!(form.get("visit.concerns[2]"), "b");
        form.remove_row("visit.concerns", 0);
        assert_eq!(form.get("visit.concerns[0]"), "c");
        assert_eq!(form.get("visit.concerns[1]"), "b");
        assert_eq!(form.row_count("visit.concerns"), 2);
        form.add_row("visit.concerns");
        assert_eq!(form.row_count("visit.concerns"), 3);
    }

    #[test]
    fn an_intake_comes_back_through_the_form_unchanged() {
        let text = std::fs::read_to_string(
            Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/complete.toml"),
        )
        .unwrap();
        let (intake, guide) =
            crate::intake::parse(Path::new("complete.toml"), &text, Path::new("."), today())
                .unwrap();
        let mut form = Form::from_intake(&intake, Language::English);
        let read = read(
            &mut form,
            &guide,
            today(),
            Path::new("."),
            false,
            Language::English,
        );
        assert_eq!(read.errors(), 0, "{:?}", read.messages);
        assert_eq!(read.loaded.unwrap().intake, intake);
    }
}
