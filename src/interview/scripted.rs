//! An interview answered by a script, one line an answer, for the tests of every part: a
//! part is reached only through the questions before it, so each test types those too.

use chrono::NaiveDate;

use super::{run, Options, Stop};
use crate::guide::Guide;
use crate::intake::Intake;

fn today() -> NaiveDate {
    // A Sunday: "next Thursday" is 10 December.
    NaiveDate::from_ymd_opt(2026, 12, 6).unwrap()
}

pub(super) fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

pub(super) fn options() -> Options {
    Options {
        today: Some(today()),
        ..Options::default()
    }
}

pub(super) fn guide() -> Guide {
    Guide::built_in("nocturnal-leg-cramps").unwrap()
}

/// How many of the guide's questions are asked, pregnant or not.
pub(super) fn doctor_count(pregnant: bool) -> usize {
    guide()
        .doctor_questions
        .iter()
        .filter(|q| q.when.pregnant.is_none_or(|p| p == pregnant))
        .count()
}

pub(super) fn try_interview(lines: &[String]) -> (Result<Intake, Stop>, String) {
    let input = lines.join("\n") + "\n";
    let mut out = Vec::new();
    let result = run(&guide(), input.as_bytes(), &mut out, options());
    (result, String::from_utf8(out).unwrap())
}

pub(super) fn interview(lines: &[String]) -> (Intake, String) {
    let (result, out) = try_interview(lines);
    (result.unwrap_or_else(|e| panic!("{e}\n{out}")), out)
}

pub(super) fn owned(lines: &[&str]) -> Vec<String> {
    lines.iter().map(|l| l.to_string()).collect()
}

/// The answers about oneself, then every other question skipped up to the visit's date.
pub(super) fn up_to_the_visit(about: &[&str], pregnant: bool) -> Vec<String> {
    let mut lines = owned(about);
    lines.extend(std::iter::repeat_n(String::new(), doctor_count(pregnant)));
    lines.extend(["".into(), "".into()]); // no medicines, no questions of one's own
    lines
}

/// After the visit's date, the other twelve questions skipped and all confirmed.
pub(super) fn after_the_visit(lines: &mut Vec<String>) {
    lines.extend(std::iter::repeat_n(String::new(), 12));
    lines.push(String::new()); // the read-back: all right
}

/// `about`, then everything else skipped and confirmed as it is.
pub(super) fn only_about(about: &[&str], pregnant: bool) -> (Intake, String) {
    let mut lines = up_to_the_visit(about, pregnant);
    lines.push(String::new());
    after_the_visit(&mut lines);
    interview(&lines)
}

/// The output with its line breaks as spaces, to find wrapped text.
pub(super) fn flat(out: &str) -> String {
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// An interview whose medicines are typed as `medicines`.
pub(super) fn medicines(medicines: &[&str]) -> (Intake, String) {
    let mut lines = owned(&["Ann", "4 April 1950", "female", ""]);
    lines.extend(std::iter::repeat_n(String::new(), doctor_count(false)));
    lines.extend(owned(medicines));
    lines.push(String::new()); // own questions
    lines.push(String::new()); // the visit's date
    after_the_visit(&mut lines);
    interview(&lines)
}
