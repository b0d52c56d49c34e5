//! One module a subcommand; `main` only parses the command line and dispatches.

pub mod check;
pub mod completions;
pub mod guides;
pub mod interview;
pub mod new;
pub mod render;
pub mod schema;

use std::path::Path;

use visitprep::guide::Guide;
use visitprep::intake::{self, LoadedIntake};

/// An intake that exists is never replaced without --force, and a folder never.
pub fn refuse_existing(out: &Path, force: bool) -> Result<(), String> {
    if out.is_dir() {
        return Err(format!(
            "error: {} is a folder; nothing was written\n  help: name the intake file, e.g. -o intake.toml",
            out.display()
        ));
    }
    if out.exists() && !force {
        return Err(format!(
            "error: {} already exists; nothing was written\n  help: choose another name, or add --force to replace it",
            out.display()
        ));
    }
    Ok(())
}

/// A built-in guide, or an error that lists the ones there are.
pub fn built_in_guide(id: &str) -> Result<Guide, String> {
    Guide::built_in(id).ok_or_else(|| {
        let known: Vec<&str> = Guide::built_in_ids().collect();
        format!(
            "error: unknown guide `{id}`\n  help: the built-in guides are: {}",
            known.join(", ")
        )
    })
}

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
