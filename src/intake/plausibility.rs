//! Plausibility: what cannot be is refused, what is unlikely is said. Kept apart from the
//! checks of form; each rule is listed in the README's intake table.

use chrono::NaiveDate;
use toml::Spanned;

use super::check::Checker;
use super::raw::RawIntake;
use crate::diagnostic::Diagnostic;
use crate::guide::{Guide, Tier};

/// The earliest and latest years a date in an intake may have.
const YEARS: std::ops::RangeInclusive<i32> = 1900..=2200;
/// No one is older than this at a visit.
const OLDEST: i32 = 130;
/// One episode lasting longer than a day is a typo (hours for minutes, a digit too many).
const LONGEST_MINUTES: f64 = 24.0 * 60.0;
/// Pregnancy outside these ages is so rare that a typo is likelier.
const PREGNANCY_AGES: std::ops::RangeInclusive<i32> = 10..=60;

/// A visit further ahead than this is likelier a wrong year than a booking.
const FURTHEST_VISIT_DAYS: i64 = 366;

/// A number as a person reads it: never hundreds of digits.
pub(super) fn plain_number(v: f64) -> String {
    if v.is_finite() && v.abs() < 1e9 {
        format!("{v}")
    } else {
        format!("{v:e}")
    }
}

impl Checker {
    pub(super) fn plausibility(&mut self, raw: &RawIntake, today: NaiveDate) {
        let out_of_range = self.years(raw);
        let visit = raw.visit.when.as_ref().map(|w| w.get_ref().date());
        self.birth(raw, visit, today, out_of_range);
        self.visit_ahead(raw, today, out_of_range);
        self.diary_nights(raw, visit);
        self.medicines_since(raw, visit);
        self.template_name(raw);
        self.warning_signs(raw);
    }

    /// Every date within [`YEARS`]; true when one is not (the age is then not judged).
    fn years(&mut self, raw: &RawIntake) -> bool {
        use chrono::Datelike;
        let mut dates: Vec<(Spanned<NaiveDate>, String)> = Vec::new();
        if let Some(b) = &raw.patient.born {
            dates.push((b.clone(), "patient.born".into()));
        }
        if let Some(w) = &raw.visit.when {
            dates.push((
                Spanned::new(w.span(), w.get_ref().date()),
                "visit.when".into(),
            ));
        }
        for (i, m) in raw.medications.iter().enumerate() {
            if let Some(since) = &m.since {
                dates.push((since.clone(), format!("medications[{i}].since")));
            }
        }
        for (i, e) in raw.diary.iter().enumerate() {
            if let Some(night) = &e.night {
                dates.push((night.clone(), format!("diary[{i}].night")));
            }
        }
        let mut out_of_range = false;
        for (value, field) in &dates {
            let day = *value.get_ref();
            if !YEARS.contains(&day.year()) {
                out_of_range = true;
                let w = self.words;
                self.problem(
                    Diagnostic::new(say!(
                        w,
                        "date-out-of-range",
                        date = day.to_string(),
                        first = YEARS.start().to_string(),
                        last = YEARS.end().to_string(),
                    ))
                    .at(Some(value.span()))
                    .field(field.as_str())
                    .label(w.get("date-out-of-range-label"))
                    .help(w.get("date-out-of-range-help")),
                );
            }
        }
        out_of_range
    }

    /// The birth date against the visit (or today): an impossible age, a birth in the
    /// future, an unlikely pregnancy, diary nights before the birth.
    fn birth(
        &mut self,
        raw: &RawIntake,
        visit: Option<NaiveDate>,
        today: NaiveDate,
        out_of_range: bool,
    ) {
        let w = self.words;
        let born = raw.patient.born.as_ref().map(|b| *b.get_ref());
        if let (Some(born), Some(raw_born)) = (born, &raw.patient.born) {
            // Which day the age is counted on, for the messages' select: "visit" or "today".
            let (on, what) = match visit {
                Some(v) => (v, "visit"),
                None => (today, "today"),
            };
            let age = super::age_on(born, on);
            if !out_of_range && age > OLDEST {
                self.problem(
                    Diagnostic::new(say!(
                        w,
                        "too-old",
                        age = age.to_string(),
                        on = what,
                        oldest = OLDEST.to_string(),
                    ))
                    .at(Some(raw_born.span()))
                    .field("patient.born")
                    .label(w.get("too-old-label"))
                    .help(w.get("too-old-help")),
                );
            }
            // Whatever the visit's date, no one is born after the day the file is read.
            if !out_of_range && born > today {
                self.problem(
                    Diagnostic::new(say!(
                        w,
                        "born-in-future",
                        born = born.to_string(),
                        today = today.to_string(),
                    ))
                    .at(Some(raw_born.span()))
                    .field("patient.born")
                    .label(w.get("born-in-future-label"))
                    .help(w.get("born-in-future-help")),
                );
            }
            if raw.patient.pregnant && (0..=OLDEST).contains(&age) && !PREGNANCY_AGES.contains(&age)
            {
                self.warning(
                    Diagnostic::new(say!(w, "pregnancy-age", age = age.to_string()))
                        .at(Some(raw_born.span()))
                        .field("patient.born")
                        .label(say!(
                            w,
                            "pregnancy-age-label",
                            age = age.to_string(),
                            on = what
                        ))
                        .help(w.get("pregnancy-age-help")),
                );
            }
            for (i, e) in raw.diary.iter().enumerate() {
                let Some(raw_night) = &e.night else { continue };
                if *raw_night.get_ref() < born {
                    self.problem(
                        Diagnostic::new(say!(
                            w,
                            "night-before-birth",
                            night = (i + 1).to_string(),
                            born = born.to_string(),
                        ))
                        .at(Some(raw_night.span()))
                        .field(format!("diary[{i}].night"))
                        .label(w.get("night-before-birth-label"))
                        .help(w.get("night-before-birth-help")),
                    );
                }
            }
        }
    }

    /// Each diary night: an episode longer than a day, a night after the visit.
    fn diary_nights(&mut self, raw: &RawIntake, visit: Option<NaiveDate>) {
        let w = self.words;
        for (i, e) in raw.diary.iter().enumerate() {
            if let Some(m) = &e.minutes {
                let v = *m.get_ref();
                if v > LONGEST_MINUTES && v.is_finite() || v == f64::INFINITY {
                    self.problem(
                        Diagnostic::new(say!(w, "minutes-over-a-day", minutes = plain_number(v)))
                            .at(Some(m.span()))
                            .field(format!("diary[{i}].minutes"))
                            .label(w.get("minutes-over-a-day-label"))
                            .help(w.get("minutes-over-a-day-help")),
                    );
                }
            }
            if let (Some(visit), Some(raw_night)) = (visit, &e.night) {
                let night = *raw_night.get_ref();
                if night > visit {
                    self.warning(
                        Diagnostic::new(say!(
                            w,
                            "night-after-visit",
                            night = (i + 1).to_string(),
                            date = night.to_string(),
                            visit = visit.to_string(),
                        ))
                        .at(Some(raw_night.span()))
                        .field(format!("diary[{i}].night"))
                        .label(w.get("night-after-visit-label"))
                        .help(w.get("night-after-visit-help")),
                    );
                }
            }
        }
    }

    fn medicines_since(&mut self, raw: &RawIntake, visit: Option<NaiveDate>) {
        let w = self.words;
        for (i, m) in raw.medications.iter().enumerate() {
            let since = m.since.as_ref().map(|s| (s, *s.get_ref()));
            if let (Some(visit), Some((raw_since, since))) = (visit, since) {
                if since > visit {
                    self.warning(
                        Diagnostic::new(say!(
                            w,
                            "since-after-visit",
                            medication = (i + 1).to_string(),
                            since = since.to_string(),
                            visit = visit.to_string(),
                        ))
                        .at(Some(raw_since.span()))
                        .field(format!("medications[{i}].since"))
                        .label(w.get("since-after-visit-label"))
                        .help(w.get("since-after-visit-help")),
                    );
                }
            }
        }
    }

    /// A visit more than a year from today: a booking so far ahead is rare, a wrong year is not.
    fn visit_ahead(&mut self, raw: &RawIntake, today: NaiveDate, out_of_range: bool) {
        let Some(when) = &raw.visit.when else { return };
        let day = when.get_ref().date();
        if !out_of_range && day.signed_duration_since(today).num_days() > FURTHEST_VISIT_DAYS {
            let w = self.words;
            self.warning(
                Diagnostic::new(say!(
                    w,
                    "visit-far-ahead",
                    visit = day.to_string(),
                    today = today.to_string(),
                ))
                .at(Some(when.span()))
                .field("visit.when")
                .label(w.get("visit-far-ahead-label"))
                .help(w.get("visit-far-ahead-help")),
            );
        }
    }

    fn template_name(&mut self, raw: &RawIntake) {
        let Some(name) = &raw.patient.name else {
            return;
        };
        // `new` writes the placeholder in the language it was asked for.
        let written = name.get_ref().trim();
        if crate::words::is_plain_message("intake-name-to-replace", written) {
            let w = self.words;
            self.warning(
                Diagnostic::new(say!(w, "name-from-template", name = written))
                    .at(Some(name.span()))
                    .field("patient.name")
                    .label(w.get("name-from-template-label"))
                    .help(w.get("name-from-template-help")),
            );
        }
    }

    /// An answer, the reason or a concern that describes a sign needing care before the
    /// visit (a swollen calf, sudden breathlessness): said with the guide's advice, since
    /// the patient may read `check`'s words days before the sheet reaches a doctor.
    fn warning_signs(&mut self, raw: &RawIntake) {
        // The guide is resolved after these checks; a guide file is read only then, so
        // its signs are not known here and the general guide's, which hold for any
        // symptom, stand in for them.
        let Some(guide) = raw
            .guide
            .as_ref()
            .and_then(|g| Guide::built_in_shared(g.get_ref()))
            .or_else(|| Guide::built_in_shared("general"))
        else {
            return;
        };
        let w = self.words;
        let mut places: Vec<(String, Option<std::ops::Range<usize>>, &str)> = raw
            .answers
            .iter()
            .map(|(id, answer)| {
                (
                    format!("answers.{}", crate::diagnostic::shorten(id.get_ref(), 40)),
                    Some(answer.span()),
                    answer.get_ref().as_str(),
                )
            })
            .collect();
        places.extend(
            raw.visit
                .reason
                .as_deref()
                .map(|r| ("visit.reason".to_string(), None, r)),
        );
        places.extend(
            raw.visit
                .concerns
                .iter()
                .enumerate()
                .map(|(i, c)| (format!("visit.concerns[{i}]"), None, c.as_str())),
        );
        let texts: Vec<&str> = places.iter().map(|(_, _, t)| *t).collect();
        for found in guide.signs_in(&texts) {
            let (field, span, _) = &places[found.place];
            let how_soon = w.get(match found.advice.tier {
                Tier::Emergency => "sign-emergency",
                Tier::Today => "sign-today",
                Tier::Appointment => "sign-appointment",
            });
            // The flag and advice in the language the warnings are told in, where the guide
            // is translated into it; the words the signs are found by are the same in every
            // one, so only what is found is translated.
            let flag = found
                .advice
                .flag
                .as_deref()
                .map(|f| guide.text_in(w.language, f).to_string())
                .unwrap_or_else(|| w.get("sign-unnamed"));
            self.warning(
                Diagnostic::new(say!(
                    w,
                    "sign-found",
                    field = field.as_str(),
                    sign = flag.to_lowercase(),
                    words = crate::diagnostic::shorten(&found.sentence, 80),
                    how_soon = how_soon.as_str(),
                ))
                .at(span.clone())
                .field(field.as_str())
                .label(how_soon)
                .help(guide.text_in(w.language, &found.advice.text).to_string()),
            );
        }
    }

    fn warning(&mut self, d: Diagnostic) {
        self.warnings.push(d.warning());
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::intake::parse_with_warnings;
    use crate::intake::test_support::today;
    use std::path::Path;

    #[test]
    fn plausibility_refuses_the_impossible_and_warns_of_the_unlikely() {
        let text =
            "guide = \"general\"\n[patient]\nname = \"A\"\nborn = 1950-01-01\npregnant = true\n\
                    [visit]\nwhen = 2026-12-02\n[[diary]]\nnight = 2027-01-01\nminutes = 2000\n";
        let err =
            parse_with_warnings(Path::new("t.toml"), text, Path::new("."), today()).unwrap_err();
        let report = err.report();
        assert_eq!(report.errors(), 1, "{}", report.render(false));
        let text = report.render(false);
        assert!(
            text.contains("error: 2000 minutes is more than a day"),
            "{text}"
        );
        assert!(text.contains("warning: a pregnancy at 76 years"), "{text}");
        assert!(
            text.contains("warning: diary night 1 (2027-01-01) is after the visit"),
            "{text}"
        );
    }

    #[test]
    fn a_swollen_calf_or_sudden_breathlessness_is_warned_with_its_tier() {
        let text = "guide = \"nocturnal-leg-cramps\"\n[patient]\nname = \"A\"\n\
                    [visit]\nreason = \"Cramps. Now I am short of breath.\"\n\
                    [answers]\ndiscomfort = \"Since Sunday my left calf is swollen and red.\"\n\
                    night_legs = \"No swelling in my legs.\"\n";
        let (_, _, warnings) =
            parse_with_warnings(Path::new("t.toml"), text, Path::new("."), today())
                .unwrap_or_else(|e| panic!("{}", e.report().render(false)));
        let shown = warnings.render(false);
        assert_eq!(warnings.diagnostics.len(), 2, "{shown}");
        assert!(
            shown.contains("warning: `visit.reason` describes a warning sign (breathless, chest pain or coughing blood): \"Now I am short of breath\": call the emergency number now"),
            "{shown}"
        );
        assert!(
            shown.contains("`answers.discomfort` describes a warning sign (calf or leg swollen): \"Since Sunday my left calf is swollen and red\": get seen by a doctor today"),
            "{shown}"
        );
        // The answer is pointed at, and the guide's advice given in full.
        assert!(shown.contains("t.toml:7:"), "{shown}");
        assert!(
            shown.contains("One calf (the back of the lower leg) is swollen and painful"),
            "{shown}"
        );
        // The emergency comes first.
        assert!(shown.find("short of breath") < shown.find("swollen and red"));
    }

    #[test]
    fn numbers_are_kept_short() {
        assert_eq!(plain_number(2.5), "2.5");
        assert_eq!(plain_number(1e300), "1e300");
        assert_eq!(plain_number(-1e300), "-1e300");
    }
}
