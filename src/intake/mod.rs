//! The intake file: what the patient wrote, read and checked against the contract in the
//! README. Every problem is reported with its line, column and field, all at once.

/// A message of the check catalogue with its values: `say!(words, "id", name = value)`;
/// a number chooses the message's plural form, text is put in as it is.
macro_rules! say {
    ($words:expr, $id:literal $(, $name:ident = $value:expr)* $(,)?) => {
        $words.with($id, &[$((stringify!($name), $crate::words::Arg::from($value))),*])
    };
}

mod check;
mod dates;
mod model;
mod plausibility;
mod raw;
mod read;
pub(crate) mod schema;
mod toml_error;
mod walk;

pub use dates::{
    long_date, long_visit, read_date, read_date_in, read_time, read_visit, read_visit_in,
    DateProblem, DateReading, VisitReading,
};
pub use model::{
    age_on, clean, prints_blank, says_none, DiaryEntry, Health, Intake, Medication, Patient, Visit,
    VisitTime, NAME_TO_REPLACE,
};
pub use read::{
    check_text, check_text_in, load, load_with_notes, load_with_notes_in, load_with_source,
    load_with_warnings, parse, parse_with_warnings, parse_with_warnings_in, IntakeError,
    LoadedIntake, WithNotes, MAX_INTAKE_BYTES, STDIN_NAME,
};
pub use schema::{json_schema, keys_of};

#[cfg(test)]
pub(crate) mod test_support {
    use std::path::Path;

    use super::{parse, Intake, IntakeError};
    use crate::guide::Guide;

    pub(crate) fn parse_str(text: &str) -> Result<(Intake, Guide), IntakeError> {
        parse(Path::new("intake.toml"), text, Path::new("."), today())
    }

    /// The day the tests run on, as the command line would give it.
    pub(crate) fn today() -> chrono::NaiveDate {
        chrono::Local::now().date_naive()
    }

    pub(crate) fn error_of(text: &str) -> String {
        parse_str(text).unwrap_err().report().render(false)
    }

    pub(crate) const MINIMAL: &str =
        "guide = \"nocturnal-leg-cramps\"\n[patient]\nname = \"Ann\"\n";
}
