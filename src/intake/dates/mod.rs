//! Dates and times as people write them: "4 April 1950", "April 4, 1950", "4/4/1950",
//! "1950-4-4", "next Thursday", "2026-12-10 9:30am", in Spanish "14 de marzo de 1956",
//! "el jueves que viene a las 9:30", "hace dos semanas", and in French "14 mars 1956",
//! "jeudi prochain à 9h30", "il y a deux semaines".
//!
//! A form that only takes `1950-04-04` refuses most of what an older person types. This
//! reads the usual English forms and says exactly what it cannot take: a numeric date whose
//! day and month could be swapped ("04/05/1950") is never guessed, both readings are given
//! back for the person to choose; a relative date ("next Thursday") is only read where the
//! day it is counted from is known, and is meant to be read back before it is kept.

use chrono::{Datelike, Days, Months, NaiveDate, NaiveDateTime, NaiveTime, Weekday};

use super::VisitTime;
use crate::document::Language;
use crate::words::{Catalogue, Words};

mod french;

/// What a written date was read as.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateReading {
    /// A date written out in full: nothing to confirm.
    Date(NaiveDate),
    /// A date counted from today ("tomorrow", "next Thursday", "in 2 weeks"): to be read
    /// back as a full date before it is kept.
    Relative(NaiveDate),
    /// A numeric date that reads as day-month and as month-day ("04/05/1950"): the first is
    /// the day-month reading, the second the month-day one.
    Ambiguous(NaiveDate, NaiveDate),
}

impl DateReading {
    /// The date, where there is only one.
    pub fn single(self) -> Option<NaiveDate> {
        match self {
            DateReading::Date(d) | DateReading::Relative(d) => Some(d),
            DateReading::Ambiguous(..) => None,
        }
    }
}

/// A visit's day, or day and time, as read.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum VisitReading {
    One {
        when: VisitTime,
        relative: bool,
    },
    /// A numeric date that reads two ways, with the same time of day (if any) for both.
    Ambiguous(VisitTime, VisitTime),
}

/// Why a written date or time could not be read; the message is a whole sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateProblem(pub String);

impl std::fmt::Display for DateProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// Reads a date. `today` is the day relative dates count from; without it ("in a file",
/// which is read on another day than it was written) a relative date is refused.
pub fn read_date(text: &str, today: Option<NaiveDate>) -> Result<DateReading, DateProblem> {
    read_date_in(text, today, english())
}

/// The check catalogue in English, which [`read_date`] and [`read_visit`] say their
/// problems in.
fn english() -> &'static Words {
    Words::from(Catalogue::Check, Language::English)
}

/// As [`read_date`], with the problem said in the check catalogue's `said`.
pub fn read_date_in(
    text: &str,
    today: Option<NaiveDate>,
    said: &Words,
) -> Result<DateReading, DateProblem> {
    // The text as written stays for the messages; its words are read in English.
    let french = french::in_english(text);
    let words = in_english(words_of(french.as_deref().unwrap_or(text)));
    if words.is_empty() {
        return Err(DateProblem(said.get("date-none")));
    }
    if let Some(found) = relative(&words, text, today, said) {
        return found;
    }
    let (weekday, words) = match words.first().and_then(|w| weekday_of(w)) {
        Some(day) => (Some(day), &words[1..]),
        None => (None, &words[..]),
    };
    let reading = absolute(words, text, said)?;
    if let (Some(named), Some(date)) = (weekday, reading.single()) {
        if date.weekday() != named {
            return Err(DateProblem(say!(
                said,
                "date-wrong-weekday",
                date = say!(
                    said,
                    "weekday-and-day",
                    weekday = weekday_in(date.weekday(), said),
                    day = super::walk::day_in_words(date, said),
                ),
                weekday = weekday_in(date.weekday(), said),
                named = weekday_in(named, said),
            )));
        }
    }
    Ok(reading)
}

/// A day of the week by its name in the check catalogue's `said`.
fn weekday_in(day: Weekday, said: &Words) -> String {
    say!(said, "weekday", day = day.number_from_monday())
}

/// Reads a visit: a date as [`read_date`] takes it, optionally followed by a time of day
/// ("10 December 2026 at 9:30am", "2026-12-10 09:30", "2026-12-10T09:30:00", "next
/// Thursday 2pm").
pub fn read_visit(text: &str, today: Option<NaiveDate>) -> Result<VisitReading, DateProblem> {
    read_visit_in(text, today, english())
}

/// As [`read_visit`], with the problem said in the check catalogue's `said`.
pub fn read_visit_in(
    text: &str,
    today: Option<NaiveDate>,
    said: &Words,
) -> Result<VisitReading, DateProblem> {
    let french = french::in_english(text);
    let trimmed = french.as_deref().unwrap_or(text).trim();
    // ISO's `T` between day and time, as TOML writes a local date-time.
    let spaced = match trimmed.split_once(['T', 't']) {
        Some((day, time))
            if day.len() == 10
                && day.as_bytes()[4] == b'-'
                && time.starts_with(char::is_numeric) =>
        {
            format!("{day} {time}")
        }
        _ => trimmed.to_string(),
    };
    let words = spanish_time_of_day(words_of(&spaced));
    // The time is at the end: one word ("9:30am", "14:00") or two ("9:30 am").
    for take in [2, 1] {
        if words.len() <= take {
            continue;
        }
        let (day, time) = words.split_at(words.len() - take);
        let Some(time) = read_time_words(time) else {
            continue;
        };
        let day = match day {
            [rest @ .., a, the] if a == "a" && (the == "las" || the == "la") => rest,
            [rest @ .., at] if at == "at" || at == "a" => rest,
            _ => day,
        };
        let with = |d: NaiveDate| VisitTime::DayAndTime(NaiveDateTime::new(d, time));
        return Ok(match read_date_in(&day.join(" "), today, said)? {
            DateReading::Date(d) => VisitReading::One {
                when: with(d),
                relative: false,
            },
            DateReading::Relative(d) => VisitReading::One {
                when: with(d),
                relative: true,
            },
            DateReading::Ambiguous(a, b) => VisitReading::Ambiguous(with(a), with(b)),
        });
    }
    Ok(match read_date_in(text.trim(), today, said) {
        Ok(DateReading::Date(d)) => VisitReading::One {
            when: VisitTime::Day(d),
            relative: false,
        },
        Ok(DateReading::Relative(d)) => VisitReading::One {
            when: VisitTime::Day(d),
            relative: true,
        },
        Ok(DateReading::Ambiguous(a, b)) => {
            VisitReading::Ambiguous(VisitTime::Day(a), VisitTime::Day(b))
        }
        Err(problem) => {
            return Err(DateProblem(say!(
                said,
                "visit-time-may-follow",
                problem = problem.0
            )))
        }
    })
}

/// Reads a time of day: "9:30", "09:30:00", "9.30pm", "9 am", "9am", "noon", "midnight".
pub fn read_time(text: &str) -> Option<NaiveTime> {
    read_time_words(&words_of(text))
}

/// A date as a person reads it back: "Thursday 10 December 2026".
pub fn long_date(date: NaiveDate) -> String {
    format!(
        "{} {} {} {}",
        weekday_name(date.weekday()),
        date.day(),
        MONTHS[date.month0() as usize],
        date.year()
    )
}

/// A visit as a person reads it back: "Thursday 10 December 2026 at 9:30".
pub fn long_visit(when: VisitTime) -> String {
    match when {
        VisitTime::Day(d) => long_date(d),
        VisitTime::DayAndTime(dt) => {
            format!("{} at {}", long_date(dt.date()), dt.time().format("%H:%M"))
        }
    }
}

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

fn weekday_name(day: Weekday) -> &'static str {
    match day {
        Weekday::Mon => "Monday",
        Weekday::Tue => "Tuesday",
        Weekday::Wed => "Wednesday",
        Weekday::Thu => "Thursday",
        Weekday::Fri => "Friday",
        Weekday::Sat => "Saturday",
        Weekday::Sun => "Sunday",
    }
}

/// Lower-case words, with commas and a trailing full stop dropped: "April 4, 1950." is
/// `["april", "4", "1950"]`. Slashes and dots inside a word are kept for numeric dates.
fn words_of(text: &str) -> Vec<String> {
    text.split(|c: char| c.is_whitespace() || c == ',')
        .map(|w| w.trim_end_matches('.').to_lowercase())
        .filter(|w| !w.is_empty())
        .collect()
}

/// `word` lower-cased without its accents, as Spanish is often typed: "miércoles" and
/// "miercoles", "mañana" and "manana" are one word.
fn unaccented(word: &str) -> String {
    word.chars()
        .map(|c| match c {
            'á' | 'à' => 'a',
            'é' | 'è' => 'e',
            'í' => 'i',
            'ó' => 'o',
            'ú' | 'ü' => 'u',
            'ñ' => 'n',
            c => c,
        })
        .collect()
}

/// The English word a Spanish date word stands for. Abbreviations are only those no
/// English date word shares: "ago" (agosto) would turn "3 days ago" into a month.
fn spanish_word(word: &str) -> Option<&'static str> {
    Some(match unaccented(word).as_str() {
        "enero" | "ene" => "january",
        "febrero" => "february",
        "marzo" => "march",
        "abril" | "abr" => "april",
        "mayo" => "may",
        "junio" => "june",
        "julio" => "july",
        "agosto" => "august",
        "septiembre" | "setiembre" | "set" => "september",
        "octubre" => "october",
        "noviembre" => "november",
        "diciembre" | "dic" => "december",
        "lunes" => "monday",
        "martes" => "tuesday",
        "miercoles" => "wednesday",
        "jueves" => "thursday",
        "viernes" => "friday",
        "sabado" => "saturday",
        "domingo" => "sunday",
        "hoy" => "today",
        "manana" => "tomorrow",
        "ayer" => "yesterday",
        "dia" => "day",
        "dias" => "days",
        "semana" => "week",
        "semanas" => "weeks",
        "mes" => "month",
        "meses" => "months",
        "un" | "una" | "uno" => "a",
        "dos" => "two",
        "tres" => "three",
        "cuatro" => "four",
        "cinco" => "five",
        "seis" => "six",
        "siete" => "seven",
        "ocho" => "eight",
        "nueve" => "nine",
        "diez" => "ten",
        "proximo" | "proxima" => "next",
        "pasado" | "pasada" => "last",
        "este" | "esta" => "this",
        "dentro" | "en" => "in",
        "hace" => "hace",
        _ => return None,
    })
}

/// A date written in Spanish, in the English words the readers below take: "14 de marzo
/// de 1956" is "14 march 1956", "el jueves que viene" "next thursday", "hace dos semanas"
/// "two weeks ago", "pasado mañana" "in 2 days". Words with no Spanish in them are left as
/// they are, so that an English date reads exactly as before.
fn in_english(words: Vec<String>) -> Vec<String> {
    if !words.iter().any(|w| spanish_word(w).is_some() && w != "en") {
        return words;
    }
    let folded: Vec<String> = words.iter().map(|w| unaccented(w)).collect();
    if let ["pasado", "manana"] = folded.iter().map(String::as_str).collect::<Vec<_>>()[..] {
        return ["in", "2", "days"].map(String::from).to_vec();
    }
    let mut out: Vec<String> = Vec::new();
    let mut i = 0;
    while i < words.len() {
        let w = folded[i].as_str();
        match w {
            // Articles and "of": "el 14 de marzo de 1956", "dentro de 2 semanas".
            "el" | "la" | "los" | "las" | "de" | "del" => {}
            // "que viene" after a day or a week: the next one.
            "que" if folded.get(i + 1).is_some_and(|v| v == "viene") => {
                out.insert(out.len().saturating_sub(1), "next".into());
                i += 1;
            }
            _ => match spanish_word(&words[i]) {
                // "el jueves pasado", "la semana pasada": the word it follows is the day.
                Some("last") if !out.is_empty() => {
                    out.insert(out.len() - 1, "last".into());
                }
                Some("next") if !out.is_empty() && i + 1 == words.len() => {
                    out.insert(out.len() - 1, "next".into());
                }
                Some(english) => out.push(english.into()),
                None => out.push(words[i].clone()),
            },
        }
        i += 1;
    }
    // "hace 3 días": three days ago.
    if out.first().is_some_and(|w| w == "hace") && out.len() == 3 {
        out.remove(0);
        out.push("ago".into());
    }
    out
}

/// A Spanish time of day at the end of a visit, as the English the time reader takes: "9:30
/// de la mañana" is "9:30am", "4 de la tarde" "4pm", "16 h" and "16 horas" "16:00",
/// "mediodía" noon.
fn spanish_time_of_day(mut words: Vec<String>) -> Vec<String> {
    let folded: Vec<String> = words.iter().map(|w| unaccented(w)).collect();
    let n = folded.len();
    let tail: Vec<&str> = folded[n.saturating_sub(3)..]
        .iter()
        .map(String::as_str)
        .collect();
    let half = match tail[..] {
        ["de", "la", "manana" | "madrugada"] => Some("am"),
        ["de", "la", "tarde" | "noche"] => Some("pm"),
        _ => None,
    };
    if let (Some(half), true) = (half, n >= 4) {
        words.truncate(n - 3);
        if let Some(time) = words.last_mut() {
            time.push_str(half);
        }
        return words;
    }
    match folded.last().map(String::as_str) {
        Some("mediodia") => {
            words.pop();
            words.push("noon".into());
        }
        Some("medianoche") => {
            words.pop();
            words.push("midnight".into());
        }
        // A 24-hour time: "16 h", "16:30 horas"; a bare hour is then whole.
        Some("h" | "hs" | "hrs" | "horas") if n >= 2 => {
            words.pop();
            if let Some(time) = words.last_mut() {
                if !time.is_empty() && time.bytes().all(|b| b.is_ascii_digit()) {
                    time.push_str(":00");
                }
            }
        }
        Some(w) if w.len() > 1 && w.ends_with('h') => {
            let hour = &w[..w.len() - 1];
            if !hour.is_empty() && hour.bytes().all(|b| b.is_ascii_digit()) {
                let whole = format!("{hour}:00");
                words.pop();
                words.push(whole);
            }
        }
        _ => {}
    }
    words
}

fn month_of(word: &str) -> Option<u32> {
    let word = word.trim_end_matches('.');
    MONTHS
        .iter()
        .map(|m| m.to_lowercase())
        .position(|m| {
            m == word
                || (word.len() == 3 && m.starts_with(word))
                || (word == "sept" && m == "september")
        })
        .map(|i| i as u32 + 1)
}

fn weekday_of(word: &str) -> Option<Weekday> {
    let word = word.trim_end_matches('.');
    let days = [
        ("monday", Weekday::Mon),
        ("tuesday", Weekday::Tue),
        ("wednesday", Weekday::Wed),
        ("thursday", Weekday::Thu),
        ("friday", Weekday::Fri),
        ("saturday", Weekday::Sat),
        ("sunday", Weekday::Sun),
    ];
    days.iter()
        .find(|(name, _)| *name == word || (word.len() >= 3 && name.starts_with(word)))
        .map(|&(_, day)| day)
}

/// A day of the month: "4", "04", "4th", "1st", "22nd", "23rd", and Spanish "1º", "1o".
fn day_of(word: &str) -> Option<u32> {
    let digits = ["st", "nd", "rd", "th", "º", "°", "o"]
        .iter()
        .find_map(|s| word.strip_suffix(s))
        .unwrap_or(word);
    let day: u32 = digits.parse().ok()?;
    (1..=31).contains(&day).then_some(day)
}

fn number_of(word: &str) -> Option<u32> {
    let small = [
        "a", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    ];
    if let Some(n) = small.iter().position(|w| *w == word) {
        return Some(n.max(1) as u32);
    }
    word.parse().ok().filter(|n| *n <= 520)
}

fn four_digit_year(word: &str) -> Option<i32> {
    (word.len() == 4 && word.bytes().all(|b| b.is_ascii_digit()) && !word.starts_with('0'))
        .then(|| word.parse().ok())
        .flatten()
}

fn absolute(words: &[String], text: &str, said: &Words) -> Result<DateReading, DateProblem> {
    let not_a_date = || DateProblem(say!(said, "date-unreadable", written = text.trim()));
    let year_in_full = |text: &str| year_in_full(text, said);
    let made = |year: i32, month: u32, day: u32| {
        NaiveDate::from_ymd_opt(year, month, day).ok_or_else(|| {
            DateProblem(match month {
                1..=12 => say!(
                    said,
                    "date-no-such-day",
                    written = text.trim(),
                    month = say!(said, "month-name", month = month),
                    year = year.to_string(),
                    day = day.to_string(),
                ),
                _ => say!(
                    said,
                    "date-no-such-month",
                    written = text.trim(),
                    month = month.to_string(),
                    day = day.to_string(),
                ),
            })
        })
    };
    match words {
        // "4 April 1950", "4th April 1950"
        [d, m, y] if day_of(d).is_some() && month_of(m).is_some() => {
            let year = four_digit_year(y).ok_or_else(|| year_in_full(text))?;
            made(year, month_of(m).unwrap_or(1), day_of(d).unwrap_or(1)).map(DateReading::Date)
        }
        // "April 4, 1950", "April 4th 1950"
        [m, d, y] if month_of(m).is_some() && day_of(d).is_some() => {
            let year = four_digit_year(y).ok_or_else(|| year_in_full(text))?;
            made(year, month_of(m).unwrap_or(1), day_of(d).unwrap_or(1)).map(DateReading::Date)
        }
        // "4 of April 1950"
        [d, of, m, y] if of == "of" && day_of(d).is_some() && month_of(m).is_some() => {
            let year = four_digit_year(y).ok_or_else(|| year_in_full(text))?;
            made(year, month_of(m).unwrap_or(1), day_of(d).unwrap_or(1)).map(DateReading::Date)
        }
        [one] => numeric(one, text, made, said).unwrap_or_else(|| Err(not_a_date())),
        _ => Err(not_a_date()),
    }
}

fn year_in_full(text: &str, said: &Words) -> DateProblem {
    DateProblem(say!(said, "date-year-in-full", written = text.trim()))
}

/// "1950-4-4", "1950-04-04", "1950/4/4" (year first), "4/4/1950", "13.04.1950",
/// "04-05-1950" (year last). `None` when the word is not made of three numbers.
fn numeric(
    word: &str,
    text: &str,
    made: impl Fn(i32, u32, u32) -> Result<NaiveDate, DateProblem>,
    said: &Words,
) -> Option<Result<DateReading, DateProblem>> {
    let separator = ['-', '/', '.'].into_iter().find(|s| word.contains(*s))?;
    let parts: Vec<&str> = word.split(separator).collect();
    let [a, b, c] = parts[..] else {
        return None;
    };
    if ![a, b, c]
        .iter()
        .all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()))
    {
        return None;
    }
    let (a_num, b_num): (u32, u32) = (a.parse().ok()?, b.parse().ok()?);
    if let Some(year) = four_digit_year(a) {
        let c_num: u32 = c.parse().ok()?;
        return Some(made(year, b_num, c_num).map(DateReading::Date));
    }
    let Some(year) = four_digit_year(c) else {
        return Some(Err(year_in_full(text, said)));
    };
    let day_month = made(year, b_num, a_num).ok();
    let month_day = made(year, a_num, b_num).ok();
    Some(match (day_month, month_day) {
        (Some(x), Some(y)) if x == y => Ok(DateReading::Date(x)),
        (Some(x), Some(y)) => Ok(DateReading::Ambiguous(x, y)),
        (Some(x), None) | (None, Some(x)) => Ok(DateReading::Date(x)),
        (None, None) => Err(DateProblem(say!(
            said,
            "date-neither-way",
            written = text.trim()
        ))),
    })
}

/// "today", "tomorrow", "yesterday", "next Thursday", "last Tuesday", "Thursday", "on
/// Thursday", "in 2 weeks", "3 days ago", "a week ago". `None` when the words are not a
/// relative date at all.
/// `text` is the date as written, which a message in another language than English quotes
/// rather than the English words it was read as.
fn relative(
    words: &[String],
    text: &str,
    today: Option<NaiveDate>,
    said: &Words,
) -> Option<Result<DateReading, DateProblem>> {
    let words: Vec<&str> = words
        .iter()
        .map(String::as_str)
        .filter(|w| *w != "on")
        .collect();
    let counted = |f: &dyn Fn(NaiveDate) -> Option<NaiveDate>| -> Result<DateReading, DateProblem> {
        let Some(today) = today else {
            return Err(DateProblem(say!(
                said,
                "date-counts-from-today",
                written = words.join(" "),
                text = text.trim(),
            )));
        };
        f(today)
            .map(DateReading::Relative)
            .ok_or_else(|| DateProblem(said.get("date-out-of-calendar")))
    };
    let found = match words[..] {
        ["today"] => counted(&Some),
        ["tomorrow"] => counted(&|t| t.succ_opt()),
        ["yesterday"] => counted(&|t| t.pred_opt()),
        ["next" | "this" | "coming", day] | [day] if weekday_of(day).is_some() => {
            let wanted = weekday_of(day)?;
            counted(&move |t| {
                let ahead =
                    (7 + wanted.num_days_from_monday() - t.weekday().num_days_from_monday()) % 7;
                t.checked_add_days(Days::new(if ahead == 0 { 7 } else { ahead } as u64))
            })
        }
        ["last", day] if weekday_of(day).is_some() => {
            let wanted = weekday_of(day)?;
            counted(&move |t| {
                let back =
                    (7 + t.weekday().num_days_from_monday() - wanted.num_days_from_monday()) % 7;
                t.checked_sub_days(Days::new(if back == 0 { 7 } else { back } as u64))
            })
        }
        ["next", "week"] => counted(&|t| t.checked_add_days(Days::new(7))),
        ["last", "week"] => counted(&|t| t.checked_sub_days(Days::new(7))),
        ["next", "month"] => counted(&|t| t.checked_add_months(Months::new(1))),
        ["last", "month"] => counted(&|t| t.checked_sub_months(Months::new(1))),
        ["in", n, unit] | ["in", n, unit, "time"] if number_of(n).is_some() => {
            let n = number_of(n)?;
            let shift = shift_of(unit)?;
            counted(&move |t| shift(t, n, true))
        }
        [n, unit, "ago"] if number_of(n).is_some() => {
            let n = number_of(n)?;
            let shift = shift_of(unit)?;
            counted(&move |t| shift(t, n, false))
        }
        _ => return None,
    };
    Some(found)
}

type Shift = fn(NaiveDate, u32, bool) -> Option<NaiveDate>;

fn shift_of(unit: &str) -> Option<Shift> {
    let unit = unit.trim_end_matches('s');
    Some(match unit {
        "day" => |t, n, ahead| {
            if ahead {
                t.checked_add_days(Days::new(n.into()))
            } else {
                t.checked_sub_days(Days::new(n.into()))
            }
        },
        "week" => |t, n, ahead| {
            let days = Days::new(u64::from(n) * 7);
            if ahead {
                t.checked_add_days(days)
            } else {
                t.checked_sub_days(days)
            }
        },
        "month" => |t, n, ahead| {
            if ahead {
                t.checked_add_months(Months::new(n))
            } else {
                t.checked_sub_months(Months::new(n))
            }
        },
        _ => return None,
    })
}

fn read_time_words(words: &[String]) -> Option<NaiveTime> {
    let joined: String = words.concat();
    match joined.as_str() {
        "noon" | "midday" | "12noon" => return NaiveTime::from_hms_opt(12, 0, 0),
        "midnight" => return NaiveTime::from_hms_opt(0, 0, 0),
        _ => {}
    }
    let (clock, half) = if let Some(c) = joined.strip_suffix("am").or(joined.strip_suffix("a.m")) {
        (c, Some(false))
    } else if let Some(c) = joined.strip_suffix("pm").or(joined.strip_suffix("p.m")) {
        (c, Some(true))
    } else {
        (joined.as_str(), None)
    };
    let clock = clock.trim_end_matches('.');
    let parts: Vec<&str> = clock.split([':', '.']).collect();
    if parts.is_empty() || parts.len() > 3 || parts.iter().any(|p| p.is_empty() || p.len() > 2) {
        return None;
    }
    if !parts.iter().all(|p| p.bytes().all(|b| b.is_ascii_digit())) {
        return None;
    }
    // A bare number is an hour only with am/pm: "9" alone may be anything.
    if parts.len() == 1 && half.is_none() {
        return None;
    }
    let mut numbers = parts.iter().map(|p| p.parse::<u32>().ok());
    let hour = numbers.next()??;
    let minute = numbers.next().unwrap_or(Some(0))?;
    let second = numbers.next().unwrap_or(Some(0))?;
    if parts.get(1).is_some_and(|m| m.len() != 2) || parts.get(2).is_some_and(|s| s.len() != 2) {
        return None;
    }
    let hour = match half {
        Some(pm) if (1..=12).contains(&hour) => hour % 12 + if pm { 12 } else { 0 },
        Some(_) => return None,
        None => hour,
    };
    NaiveTime::from_hms_opt(hour, minute, second)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn date(text: &str) -> DateReading {
        read_date(text, None).unwrap_or_else(|e| panic!("{text}: {e}"))
    }

    #[test]
    fn written_dates_are_read() {
        let april = DateReading::Date(day(1950, 4, 4));
        for text in [
            "4 April 1950",
            "4th April 1950",
            "April 4, 1950",
            "april 4 1950",
            "4 Apr 1950",
            "Apr. 4, 1950",
            "4 of April 1950",
            "1950-04-04",
            "1950-4-4",
            "1950/4/4",
            "04/04/1950",
            "4.4.1950",
            "Tuesday 4 April 1950",
            " 4 April 1950. ",
        ] {
            assert_eq!(date(text), april, "{text}");
        }
        assert_eq!(date("13/04/1950"), DateReading::Date(day(1950, 4, 13)));
        assert_eq!(date("04/13/1950"), DateReading::Date(day(1950, 4, 13)));
        assert_eq!(date("1 Sept 2020"), DateReading::Date(day(2020, 9, 1)));
    }

    #[test]
    fn a_day_and_month_that_swap_are_given_back_both_ways() {
        assert_eq!(
            date("04/05/1950"),
            DateReading::Ambiguous(day(1950, 5, 4), day(1950, 4, 5))
        );
    }

    #[test]
    fn what_cannot_be_read_says_why() {
        let problem = |t: &str| read_date(t, None).unwrap_err().0;
        assert!(
            problem("4/4/50").contains("four digits"),
            "{}",
            problem("4/4/50")
        );
        assert!(problem("31 April 1950").contains("no day 31"));
        assert!(problem("sometime in spring").contains("not a date"));
        assert!(problem("Friday 4 April 1950").contains("is a Tuesday, not a Friday"));
        assert!(problem("next Thursday").contains("counts from today"));
        assert!(problem("").contains("No date"));
        assert!(problem("13/13/1950").contains("not a day of the calendar"));
    }

    #[test]
    fn relative_dates_count_from_today() {
        let today = day(2026, 12, 6); // a Sunday
        let rel = |t: &str| read_date(t, Some(today)).unwrap();
        assert_eq!(rel("today"), DateReading::Relative(today));
        assert_eq!(rel("tomorrow"), DateReading::Relative(day(2026, 12, 7)));
        assert_eq!(rel("yesterday"), DateReading::Relative(day(2026, 12, 5)));
        assert_eq!(
            rel("next Thursday"),
            DateReading::Relative(day(2026, 12, 10))
        );
        assert_eq!(rel("on Thursday"), DateReading::Relative(day(2026, 12, 10)));
        assert_eq!(rel("next Sunday"), DateReading::Relative(day(2026, 12, 13)));
        assert_eq!(rel("last Tuesday"), DateReading::Relative(day(2026, 12, 1)));
        assert_eq!(rel("in 2 weeks"), DateReading::Relative(day(2026, 12, 20)));
        assert_eq!(
            rel("in two weeks"),
            DateReading::Relative(day(2026, 12, 20))
        );
        assert_eq!(rel("3 days ago"), DateReading::Relative(day(2026, 12, 3)));
        assert_eq!(rel("a week ago"), DateReading::Relative(day(2026, 11, 29)));
        assert_eq!(rel("in 1 month"), DateReading::Relative(day(2027, 1, 6)));
        // A written date stays a written date when today is known.
        assert_eq!(rel("4 April 1950"), DateReading::Date(day(1950, 4, 4)));
    }

    #[test]
    fn times_are_read_with_am_and_pm() {
        let t = |h, m| NaiveTime::from_hms_opt(h, m, 0);
        assert_eq!(read_time("9:30"), t(9, 30));
        assert_eq!(read_time("09:30:00"), t(9, 30));
        assert_eq!(read_time("9:30am"), t(9, 30));
        assert_eq!(read_time("9:30 pm"), t(21, 30));
        assert_eq!(read_time("9.30pm"), t(21, 30));
        assert_eq!(read_time("9 am"), t(9, 0));
        assert_eq!(read_time("12pm"), t(12, 0));
        assert_eq!(read_time("12am"), t(0, 0));
        assert_eq!(read_time("noon"), t(12, 0));
        assert_eq!(read_time("9"), None);
        assert_eq!(read_time("13pm"), None);
        assert_eq!(read_time("25:00"), None);
        assert_eq!(read_time("9:3"), None);
    }

    #[test]
    fn visits_are_read_with_or_without_a_time() {
        let at = |d: NaiveDate, h, m| {
            VisitTime::DayAndTime(NaiveDateTime::new(
                d,
                NaiveTime::from_hms_opt(h, m, 0).unwrap(),
            ))
        };
        let one = |when| VisitReading::One {
            when,
            relative: false,
        };
        let dec10 = day(2026, 12, 10);
        assert_eq!(
            read_visit("2026-12-10", None),
            Ok(one(VisitTime::Day(dec10)))
        );
        assert_eq!(
            read_visit("2026-12-10 9:30am", None),
            Ok(one(at(dec10, 9, 30)))
        );
        assert_eq!(
            read_visit("2026-12-10T09:30:00", None),
            Ok(one(at(dec10, 9, 30)))
        );
        assert_eq!(
            read_visit("10 December 2026 at 2:15 pm", None),
            Ok(one(at(dec10, 14, 15)))
        );
        assert_eq!(
            read_visit("next Thursday 9am", Some(day(2026, 12, 6))),
            Ok(VisitReading::One {
                when: at(dec10, 9, 0),
                relative: true
            })
        );
        assert_eq!(
            read_visit("04/05/2027 10:00", None),
            Ok(VisitReading::Ambiguous(
                at(day(2027, 5, 4), 10, 0),
                at(day(2027, 4, 5), 10, 0)
            ))
        );
        assert!(read_visit("2026-12-10 25:00", None).is_err());
    }

    #[test]
    fn dates_written_in_spanish_are_read() {
        let march = DateReading::Date(day(1956, 3, 14));
        for text in [
            "14 de marzo de 1956",
            "14 marzo 1956",
            "el 14 de marzo de 1956",
            "marzo 14 de 1956",
            "Miércoles 14 de marzo de 1956",
            "miercoles 14 de marzo de 1956",
            "14/03/1956",
        ] {
            assert_eq!(date(text), march, "{text}");
        }
        assert_eq!(
            date("1º de mayo de 2020"),
            DateReading::Date(day(2020, 5, 1))
        );
        assert_eq!(date("4 ene 1950"), DateReading::Date(day(1950, 1, 4)));
        assert_eq!(
            date("2 de setiembre de 2020"),
            DateReading::Date(day(2020, 9, 2))
        );
        let problem = |t: &str| read_date(t, None).unwrap_err().0;
        assert!(problem("31 de abril de 1950").contains("no day 31"));
        assert!(problem("lunes 14 de marzo de 1956").contains("is a Wednesday, not a Monday"));
        // Without today, a relative Spanish date is refused as an English one is.
        assert!(problem("el jueves que viene").contains("counts from today"));

        let today = day(2026, 12, 6); // a Sunday
        let rel = |t: &str| read_date(t, Some(today)).unwrap_or_else(|e| panic!("{t}: {e}"));
        for (text, want) in [
            ("hoy", today),
            ("mañana", day(2026, 12, 7)),
            ("manana", day(2026, 12, 7)),
            ("ayer", day(2026, 12, 5)),
            ("pasado mañana", day(2026, 12, 8)),
            ("el jueves", day(2026, 12, 10)),
            ("el jueves que viene", day(2026, 12, 10)),
            ("el próximo jueves", day(2026, 12, 10)),
            ("el jueves próximo", day(2026, 12, 10)),
            ("este jueves", day(2026, 12, 10)),
            ("el martes pasado", day(2026, 12, 1)),
            ("la semana que viene", day(2026, 12, 13)),
            ("la próxima semana", day(2026, 12, 13)),
            ("la semana pasada", day(2026, 11, 29)),
            ("el mes que viene", day(2027, 1, 6)),
            ("el mes pasado", day(2026, 11, 6)),
            ("dentro de 2 semanas", day(2026, 12, 20)),
            ("en dos semanas", day(2026, 12, 20)),
            ("hace 3 días", day(2026, 12, 3)),
            ("hace una semana", day(2026, 11, 29)),
            ("hace dos meses", day(2026, 10, 6)),
        ] {
            assert_eq!(rel(text), DateReading::Relative(want), "{text}");
        }
        // English is read as before: "ago" is not August, "in" is not Spanish.
        assert_eq!(rel("3 days ago"), DateReading::Relative(day(2026, 12, 3)));
        assert_eq!(rel("in 2 weeks"), DateReading::Relative(day(2026, 12, 20)));
    }

    #[test]
    fn visits_written_in_spanish_are_read_with_their_time() {
        let at = |d: NaiveDate, h, m| {
            VisitTime::DayAndTime(NaiveDateTime::new(
                d,
                NaiveTime::from_hms_opt(h, m, 0).unwrap(),
            ))
        };
        let dec10 = day(2026, 12, 10);
        for (text, want) in [
            ("10 de diciembre de 2026 a las 9:30", at(dec10, 9, 30)),
            (
                "10 de diciembre de 2026, 9:30 de la mañana",
                at(dec10, 9, 30),
            ),
            (
                "10 de diciembre de 2026 a las 4 de la tarde",
                at(dec10, 16, 0),
            ),
            (
                "10 de diciembre de 2026 a las 8:15 de la noche",
                at(dec10, 20, 15),
            ),
            ("10 de diciembre de 2026 a las 16 h", at(dec10, 16, 0)),
            ("10 de diciembre de 2026 16h", at(dec10, 16, 0)),
            (
                "10 de diciembre de 2026 a las 16:30 horas",
                at(dec10, 16, 30),
            ),
            ("10 de diciembre de 2026 a mediodía", at(dec10, 12, 0)),
        ] {
            assert_eq!(
                read_visit(text, None),
                Ok(VisitReading::One {
                    when: want,
                    relative: false
                }),
                "{text}"
            );
        }
        assert_eq!(
            read_visit("el jueves que viene a las 9:30", Some(day(2026, 12, 6))),
            Ok(VisitReading::One {
                when: at(dec10, 9, 30),
                relative: true
            })
        );
        assert_eq!(
            read_visit("mañana a las 10:00", Some(day(2026, 12, 9))),
            Ok(VisitReading::One {
                when: at(dec10, 10, 0),
                relative: true
            })
        );
        // A bare hour stays refused, as "at 9" is: morning or evening is not said.
        assert!(read_visit("10 de diciembre de 2026 a las 9", None).is_err());
    }

    #[test]
    fn dates_are_read_back_in_full() {
        assert_eq!(long_date(day(2026, 12, 10)), "Thursday 10 December 2026");
        let at = VisitTime::DayAndTime(NaiveDateTime::new(
            day(2026, 12, 10),
            NaiveTime::from_hms_opt(9, 30, 0).unwrap(),
        ));
        assert_eq!(long_visit(at), "Thursday 10 December 2026 at 09:30");
    }
}
