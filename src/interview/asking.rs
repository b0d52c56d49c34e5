//! How any one question is asked: shown wrapped to the screen, read, and refused and asked
//! again until the answer can be kept. The questions themselves then only say what to ask
//! and where the answer goes.

use std::collections::BTreeMap;
use std::io::{self, Write};

use super::heard::{says_none, yes_no};
use super::screen::{wrap, WIDTH};
use super::typing::{self, shown, without_controls, Typed, Typing};
use super::{Options, Stop};
use crate::document::Language;
use crate::guide::Guide;
use crate::intake::Intake;
use crate::words::{Arg, Catalogue, Words};

/// An interview under way, shared by every file that asks a part of it.
pub(super) struct Asker<'a, W> {
    pub(super) input: &'a mut dyn Typing,
    pub(super) out: W,
    pub(super) options: Options,
    pub(super) guide: &'a Guide,
    /// The interview's words, in the language it is asked in.
    pub(super) w: &'static Words,
    /// The sheet's words in that language, for the names and order of a date's parts.
    pub(super) dates: &'static Words,
    pub(super) intake: Intake,
    /// Whether "Are you pregnant?" was answered: skipped, the intake says not pregnant (its
    /// `pregnant` is true or false), but the read-back says it was not said.
    pub(super) pregnancy_said: bool,
}

impl<'a, W: Write> Asker<'a, W> {
    /// Ready to ask `guide`'s interview, nothing answered yet.
    pub(super) fn new(
        guide: &'a Guide,
        input: &'a mut dyn Typing,
        out: W,
        options: Options,
    ) -> Asker<'a, W> {
        let language = options.language;
        Asker {
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
        }
    }
}

impl<W: Write> Asker<'_, W> {
    /// The catalogue's message `id`.
    pub(super) fn t(&self, id: &str) -> String {
        self.w.get(id)
    }

    /// The catalogue's message `id` with its values.
    pub(super) fn tw(&self, id: &str, args: &[(&str, Arg)]) -> String {
        self.w.with(id, args)
    }

    /// Shows `question` (wrapped; its last line is the prompt) and reads one answer, trimmed.
    /// `initial` is put on the line to edit where a terminal can.
    pub(super) fn ask_text(&mut self, question: &str, initial: &str) -> Result<String, Stop> {
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

    pub(super) fn optional(
        &mut self,
        question: &str,
        initial: Option<&str>,
    ) -> Result<Option<String>, Stop> {
        let answer = self.ask_text(question, initial.unwrap_or(""))?;
        Ok((!answer.is_empty()).then_some(answer))
    }

    /// Asks until `parse` accepts the answer or it is blank.
    pub(super) fn ask_until<T>(
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

    /// Says what is wrong with `problem` and that the question comes again.
    pub(super) fn again(&mut self, problem: &str) -> io::Result<()> {
        self.wrapped(problem, "  ")?;
        self.wrapped(&self.t("try-again"), "  ")
    }

    /// A yes or no; asked again until it is one.
    pub(super) fn confirm(&mut self, question: &str) -> Result<bool, Stop> {
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
    pub(super) fn choose<T: Copy>(
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
    pub(super) fn list(
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
    pub(super) fn item_question(&self, what: &str, n: usize, earlier: bool) -> String {
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

#[cfg(test)]
mod tests {
    use crate::interview::scripted::{interview, medicines, only_about, owned, up_to_the_visit};

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
}
