//! One module a subcommand; `main` only parses the command line and dispatches.

pub mod check;
pub mod completions;
pub mod export;
pub mod extract;
pub mod guides;
pub mod interview;
pub mod new;
pub mod render;
pub mod schema;

use std::path::{Path, PathBuf};

use visitprep::diagnostic::Report;
use visitprep::guide::{self, Guide, GuideError};
use visitprep::input::Kind;
use visitprep::intake::{self, LoadedIntake};

/// An intake that exists is never replaced without --force, and anything but a regular
/// file (a folder, a FIFO, a device) never: those are not even opened.
pub fn refuse_existing(out: &Path, force: bool) -> Result<(), String> {
    let kind = match std::fs::metadata(out) {
        Ok(meta) => Kind::of(&meta),
        Err(_) => return Ok(()),
    };
    match kind {
        Kind::File if force => Ok(()),
        Kind::File => Err(format!(
            "error: {} already exists; nothing was written\n  help: choose another name, or add --force to replace it",
            out.display()
        )),
        Kind::Folder => Err(format!(
            "error: {} is a folder; nothing was written\n  help: name the file, e.g. -o intake.toml",
            out.display()
        )),
        other => Err(format!(
            "error: {} is {}, not a file; nothing was written\n  help: name a regular file with -o",
            out.display(),
            other.described()
        )),
    }
}

/// A guide named on the command line, built in or a guide file (relative to the current
/// folder), with how an intake written into `intake_dir` refers to it.
pub fn guide_for_intake(reference: &str, intake_dir: &Path) -> Result<(Guide, String), String> {
    match guide::resolve(reference, Path::new(".")) {
        Ok(guide) if Guide::built_in_ids().any(|id| id == reference) => {
            Ok((guide, reference.to_string()))
        }
        Ok(guide) => {
            let written = relative_path(Path::new(reference), intake_dir);
            Ok((guide, written.to_string_lossy().into_owned()))
        }
        Err(e @ GuideError::NotAFile { .. }) => Err(format!(
            "error: {e}\n  help: name a guide's .toml file, or a built-in guide (see `visitprep guides`)"
        )),
        Err(GuideError::Invalid(report)) => Err(format!(
            "{}error: the guide {reference} has problems; fix them first",
            report.render(false)
        )),
        Err(ref e @ GuideError::Unknown { ref suggestion, .. }) => {
            let known: Vec<&str> = Guide::built_in_ids().collect();
            let problem = format!("error: {e}");
            let hint = suggestion
                .as_ref()
                .map(|s| format!("\n  help: did you mean `{s}`?"))
                .unwrap_or_default();
            Err(format!(
                "{problem}{hint}\n  help: the built-in guides are: {}; a guide file is named by its path, ending in .toml",
                known.join(", ")
            ))
        }
    }
}

/// The folder an intake file is in (the current one for a bare name or none).
pub fn folder_of(intake: Option<&Path>) -> &Path {
    intake
        .and_then(Path::parent)
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."))
}

/// `file` as seen from `dir`: relative when both are on one root (`../guides/x.toml`),
/// otherwise absolute. Either path may be relative to the current folder.
fn relative_path(file: &Path, dir: &Path) -> PathBuf {
    let absolute = |p: &Path| {
        p.canonicalize()
            .or_else(|_| std::path::absolute(p))
            .unwrap_or_else(|_| p.to_path_buf())
    };
    let (file, dir) = (absolute(file), absolute(dir));
    let (f, d): (Vec<_>, Vec<_>) = (file.components().collect(), dir.components().collect());
    let shared = f.iter().zip(&d).take_while(|(a, b)| a == b).count();
    if shared == 0 {
        return file;
    }
    let mut out = PathBuf::new();
    for _ in shared..d.len() {
        out.push("..");
    }
    for part in &f[shared..] {
        out.push(part);
    }
    out
}

/// Prints an intake problem the way the user should see it.
pub fn load(file: &Path, color: bool) -> Result<(LoadedIntake, Report), String> {
    load_reporting(file, color, "nothing was written")
}

/// As [`load`], with `outcome` closing the summary line (what was not written). The intake
/// comes with its warnings: what is unlikely, to be shown, never silently accepted.
pub fn load_reporting(
    file: &Path,
    color: bool,
    outcome: &str,
) -> Result<(LoadedIntake, Report), String> {
    intake::load_with_warnings(file).map_err(|e| explain(&e, color, outcome))
}

/// As [`load_reporting`], also giving the file's text exactly as read.
pub fn load_source(
    file: &Path,
    color: bool,
    outcome: &str,
) -> Result<(LoadedIntake, Report, String), String> {
    intake::load_with_source(file).map_err(|e| explain(&e, color, outcome))
}

fn explain(e: &intake::IntakeError, color: bool, outcome: &str) -> String {
    {
        let report = e.report();
        let n = report.errors();
        let mut summary = if n == 1 {
            "1 problem".to_string()
        } else {
            format!("{n} problems")
        };
        match report.diagnostics.len() - n {
            0 => {}
            1 => summary.push_str(" (and 1 warning)"),
            w => summary.push_str(&format!(" (and {w} warnings)")),
        }
        let what = match e {
            intake::IntakeError::Guide(_) => "the guide",
            intake::IntakeError::Invalid(_) => "the intake",
        };
        format!(
            "{}error: {summary} in {what}; {outcome}",
            report.render(color)
        )
    }
}

/// The warnings of an intake as printed, or nothing when it has none.
pub fn warnings_text(warnings: &Report, color: bool) -> String {
    if warnings.diagnostics.is_empty() {
        String::new()
    } else {
        warnings.render(color)
    }
}
