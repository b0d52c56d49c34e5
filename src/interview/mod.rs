//! `visitprep interview`: the intake asked for question by question, so nobody has to know
//! TOML. On a terminal the answers are typed in a line editor ([`run_on_terminal`]); from a
//! pipe or file, one line is one answer ([`run`]). Prompts go to any [`Write`].
//!
//! A blank answer skips the question. After the last question every answer is shown,
//! numbered, to be changed by number before anything is written. Ctrl+C, or the end of the
//! input before the last question, stops the interview with nothing kept: the caller writes
//! only a finished [`Intake`], which [`crate::skeleton::intake_filled`] turns into a
//! commented file.
//!
//! Each concern has its own file: `questions` holds what is asked and in what order,
//! `dates` and `medicine_list` the answers that take more than one line to read, `asking`
//! how any one question is asked and asked again, `heard` what a typed word means,
//! `read_back` the numbered answers to change, and `screen` and `typing` the terminal's
//! output and input.

mod asking;
mod dates;
mod heard;
mod hints;
mod medicine;
mod medicine_list;
mod questions;
mod read_back;
mod screen;
#[cfg(test)]
mod scripted;
mod typing;

use std::io::{self, BufRead, Write};

use chrono::NaiveDate;

use crate::document::Language;
use crate::guide::Guide;
use crate::intake::Intake;
use crate::words::{Catalogue, Words};
use asking::Asker;
pub use hints::{interview_hint, interview_hint_in};
pub use medicine::{split as split_medicine, MedicineLine};
pub use screen::{shell_word, wrap};
use typing::Typing;
pub use typing::{shown, without_controls};

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
    let mut a = Asker::new(guide, input, out, options);
    a.introduce()?;
    a.ask_every_question()?;
    a.read_back()?;
    Ok(a.intake)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::interview::scripted::{owned, try_interview, up_to_the_visit};

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
}
