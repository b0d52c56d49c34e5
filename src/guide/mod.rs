//! Condition guides: what a doctor is likely to ask about one symptom, what the patient may
//! ask, how to prepare, and what the condition's source material says about causes, tests,
//! departments and medicines. Built-in guides live in `templates/`; a guide can also be a file.

mod check;
mod conditions;
mod de;
mod load;
mod model;
mod sources;
mod translate;

pub use conditions::{
    contains_whole_words, mentions_word, same_department, sign_sentences, Facts, OwnWords,
    SignFound,
};
pub use load::resolve;
pub use model::*;
pub use sources::{source_parts, Section, Statement, PRACTICAL};
pub use translate::{Printed, Translated, Translation, BUILT_IN_TRANSLATIONS};

use crate::diagnostic::Report;
use crate::input::Kind;

/// The guides compiled into the binary, by id.
pub const BUILT_IN: &[(&str, &str)] = &[
    (
        "nocturnal-leg-cramps",
        include_str!("../../templates/nocturnal-leg-cramps.toml"),
    ),
    ("general", include_str!("../../templates/general.toml")),
];

/// Why the guide an intake or a command names cannot be used.
#[derive(Debug)]
pub enum GuideError {
    Unknown {
        reference: String,
        suggestion: Option<String>,
        file_missing: bool,
    },
    Invalid(Report),
    /// The path names a folder, a pipe or a device, not a guide file.
    NotAFile {
        reference: String,
        kind: Kind,
    },
}

/// The problem in one line, the same wherever it is shown; each caller adds the help that
/// fits where the guide was named (an intake, or the command line).
impl std::fmt::Display for GuideError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            GuideError::Unknown {
                reference,
                file_missing: true,
                ..
            } => write!(f, "there is no guide file `{reference}`"),
            GuideError::Unknown { reference, .. } => write!(f, "unknown guide `{reference}`"),
            GuideError::Invalid(report) => report.fmt(f),
            GuideError::NotAFile { reference, kind } => write!(
                f,
                "the guide `{reference}` is {}, not a guide file",
                kind.described()
            ),
        }
    }
}

impl std::error::Error for GuideError {}
