//! One module a subcommand; `main` only parses the command line and dispatches.

pub mod check;
pub mod guides;
pub mod new;
pub mod render;

use std::path::Path;

use visitprep::intake::{self, LoadedIntake};

/// Prints an intake problem the way the user should see it.
pub fn load(file: &Path, color: bool) -> Result<LoadedIntake, String> {
    load_reporting(file, color, "nothing was written")
}

/// As [`load`], with `outcome` closing the summary line (what was not written).
pub fn load_reporting(file: &Path, color: bool, outcome: &str) -> Result<LoadedIntake, String> {
    intake::load(file).map_err(|e| {
        let report = e.report();
        let n = report.diagnostics.len();
        let summary = if n == 1 {
            "1 problem".to_string()
        } else {
            format!("{n} problems")
        };
        let what = match e {
            intake::IntakeError::Guide(_) => "the guide",
            intake::IntakeError::Invalid(_) => "the intake",
        };
        format!(
            "{}error: {summary} in {what}; {outcome}",
            report.render(color)
        )
    })
}
