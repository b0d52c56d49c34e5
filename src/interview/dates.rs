//! The dates of birth and of the visit, typed as people write them. The date reader only
//! proposes: a date that reads two ways (04/05/1950) is asked back as a choice, one counted
//! from today ("next Thursday") is read back for a yes, and one that cannot be (a birth in
//! the future, a visit before the birth or more than a year away) is said and asked again.

use std::io::Write;

use chrono::NaiveDate;

use super::asking::Asker;
use super::typing::shown;
use super::Stop;
use crate::document::Language;
use crate::intake::{read_date, read_visit, DateReading, VisitReading, VisitTime};
use crate::words::Words;

impl<W: Write> Asker<'_, W> {
    /// A date without its weekday: "4 May 1950", "4 de mayo de 1950".
    pub(super) fn day_month_year(&self, date: NaiveDate) -> String {
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
    pub(super) fn long_visit(&self, when: VisitTime) -> String {
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

    pub(super) fn ask_born(&mut self, initial: &str) -> Result<Option<NaiveDate>, Stop> {
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

    pub(super) fn ask_visit(&mut self, initial: &str) -> Result<Option<VisitTime>, Stop> {
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
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::intake::Intake;
    use crate::interview::scripted::{
        after_the_visit, date, flat, guide, interview, only_about, owned, up_to_the_visit,
    };
    use crate::interview::{run, Options};

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
}
