//! Reading an intake: its bytes, its TOML, its guide, then the checks, every problem told
//! with its line, column and field.

use std::ops::Range;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;

use super::check::Checker;
use super::raw::RawIntake;
use super::toml_error::{explain_toml_error, take_unknown_keys};
use super::{walk, Intake};
use crate::diagnostic::{Diagnostic, Report, SourceFile};
use crate::guide::{self, Guide, GuideError};

/// Files larger than this are refused before parsing: no honest intake comes near it.
pub const MAX_INTAKE_BYTES: u64 = crate::input::MAX_TEXT_BYTES;

/// Why an intake could not be used.
#[derive(Debug)]
pub enum IntakeError {
    /// The file itself, or its contents, break the contract.
    Invalid(Report),
    /// The guide it names is itself broken.
    Guide(Report),
}

impl std::fmt::Display for IntakeError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            IntakeError::Invalid(r) | IntakeError::Guide(r) => r.fmt(f),
        }
    }
}

impl std::error::Error for IntakeError {}

impl IntakeError {
    pub fn report(&self) -> &Report {
        match self {
            IntakeError::Invalid(r) | IntakeError::Guide(r) => r,
        }
    }
}

/// An intake with the guide it names.
#[derive(Debug, Clone)]
pub struct LoadedIntake {
    pub path: PathBuf,
    pub intake: Intake,
    pub guide: Guide,
}

/// How an intake read from standard input (`-`) is named in messages.
pub const STDIN_NAME: &str = "<stdin>";

/// Reads, parses and checks an intake file, and loads its guide. The path `-` reads the
/// intake from standard input; a guide path in it is then taken from the current folder.
/// `today` is the day the file is read on: dates such as "next Thursday" count from it, and
/// a birth after it is refused. The caller reads the clock; the library never does.
pub fn load(path: &Path, today: NaiveDate) -> Result<LoadedIntake, IntakeError> {
    load_with_warnings(path, today).map(|(loaded, _)| loaded)
}

/// As [`load`], with what is unlikely but possible (a pregnancy at 70, a template not yet
/// filled in), each warning in a report of its own file.
pub fn load_with_warnings(
    path: &Path,
    today: NaiveDate,
) -> Result<(LoadedIntake, Report), IntakeError> {
    load_with_source(path, today).map(|(loaded, warnings, _)| (loaded, warnings))
}

/// As [`load_with_warnings`], also giving the file's text exactly as read (a sheet carries it).
pub fn load_with_source(
    path: &Path,
    today: NaiveDate,
) -> Result<(LoadedIntake, Report, String), IntakeError> {
    load_with_notes(path, today).map(|(loaded, warnings, text, _)| (loaded, warnings, text))
}

/// As [`load_with_source`], with the notes on how the file was read (a list that says
/// "none" read as none), each as `file:line:column: words`.
pub fn load_with_notes(
    path: &Path,
    today: NaiveDate,
) -> Result<(LoadedIntake, Report, String, Vec<String>), IntakeError> {
    let (shown, dir) = if path == Path::new("-") {
        (Path::new(STDIN_NAME), Path::new("."))
    } else if crate::input::is_stream(path) {
        // `/dev/stdin`, `<(...)`: a guide path is taken from the current folder, as for `-`.
        (path, Path::new("."))
    } else {
        (path, path.parent().unwrap_or(Path::new(".")))
    };
    let text = read_text(path, shown).map_err(IntakeError::Invalid)?;
    let read = read_all(shown, &text, dir, today)?;
    let file = &read.warnings.file;
    let mut in_order = read.notes.clone();
    in_file_order(&mut in_order);
    let notes = in_order
        .iter()
        .map(|d| {
            let (line, col) = d.span.as_ref().map_or((1, 1), |s| file.line_col(s.start));
            format!("{}:{line}:{col}: {}", shown.display(), d.message)
        })
        .collect();
    Ok((
        LoadedIntake {
            path: path.to_path_buf(),
            intake: read.intake,
            guide: read.guide,
        },
        read.warnings,
        text,
        notes,
    ))
}

/// The intake's bytes as text; `shown` is how the file is named in messages.
fn read_text(path: &Path, shown: &Path) -> Result<String, Report> {
    let fail = |message: String, help: &str| {
        Report::about_file(shown, Diagnostic::new(message).help(help.to_string()))
    };
    let read = if path == Path::new("-") {
        crate::input::read_from(std::io::stdin().lock(), MAX_INTAKE_BYTES)
    } else {
        crate::input::read(path, MAX_INTAKE_BYTES)
    };
    let bytes = read.map_err(|e| match e {
        crate::input::ReadError::Folder => fail(
            "this is a folder, not an intake file".into(),
            "name the intake's .toml file",
        ),
        crate::input::ReadError::TooLarge { .. } => fail(
            "the input is larger than 1 MiB; an intake may be at most 1 MiB".into(),
            "is this the right file? An intake is a short text file",
        ),
        crate::input::ReadError::Io(e) if e.kind() == std::io::ErrorKind::NotFound => fail(
            format!("cannot read the intake file: {e}"),
            "check the file name and the folder it is in",
        ),
        other => fail(
            format!("cannot read the intake file: {other}"),
            "check the file's permissions",
        ),
    })?;
    String::from_utf8(bytes).map_err(|e| {
        let offset = e.utf8_error().valid_up_to();
        let text = String::from_utf8_lossy(e.as_bytes()).into_owned();
        let file = SourceFile {
            path: shown.to_path_buf(),
            text,
        };
        let (line, col) = file.line_col(offset);
        Report::single(
            file,
            Diagnostic::new(format!(
                "the file is not UTF-8 text (bad byte at line {line}, column {col})"
            ))
            .at(Some(offset..offset + 1))
            .help("save the file as UTF-8 text in your editor (\"Save as\" → encoding UTF-8)"),
        )
    })
}

/// Parses and checks intake text; `dir` is where a guide path is looked up.
/// `today` as for [`load`].
pub fn parse(
    path: &Path,
    text: &str,
    dir: &Path,
    today: NaiveDate,
) -> Result<(Intake, Guide), IntakeError> {
    parse_with_warnings(path, text, dir, today).map(|(intake, guide, _)| (intake, guide))
}

/// Checks `text` as the intake file `path` in folder `dir` would be checked on `today`.
pub fn check_text(path: &Path, text: &str, dir: &Path, today: NaiveDate) -> Result<(), IntakeError> {
    parse(path, text, dir, today).map(|_| ())
}

/// As [`parse`], with the warnings about what is unlikely but possible. When the intake is
/// refused, its report holds the warnings too, every problem in the order of the file.
pub fn parse_with_warnings(
    path: &Path,
    text: &str,
    dir: &Path,
    today: NaiveDate,
) -> Result<(Intake, Guide, Report), IntakeError> {
    read_all(path, text, dir, today).map(|r| (r.intake, r.guide, r.warnings))
}

/// A usable intake, with what was said about it.
struct Read {
    intake: Intake,
    guide: Guide,
    warnings: Report,
    /// How something was read, where it was not written the usual way.
    notes: Vec<Diagnostic>,
}

fn read_all(path: &Path, text: &str, dir: &Path, today: NaiveDate) -> Result<Read, IntakeError> {
    let file = SourceFile {
        path: path.to_path_buf(),
        text: text.to_string(),
    };
    let (raw, mut problems) = match read_raw(text) {
        Ok(read) => read,
        Err(diagnostics) => return Err(IntakeError::Invalid(Report { file, diagnostics })),
    };
    // Without a usable guide the answers cannot be checked, but everything else still is.
    let guide = match &raw.guide {
        Some(name) => match guide::resolve(name.get_ref(), dir) {
            Ok(g) => Some(g),
            Err(GuideError::Invalid(report)) => return Err(IntakeError::Guide(report)),
            Err(e) => {
                problems.push(unusable_guide(&e, name.span()));
                None
            }
        },
        None => None,
    };

    let mut check = Checker {
        problems,
        warnings: Vec::new(),
        notes: Vec::new(),
    };
    check.plausibility(&raw, today);
    let intake = check.intake(raw, guide.as_ref());
    match guide {
        Some(guide) if check.problems.is_empty() => {
            let mut diagnostics = check.warnings;
            in_file_order(&mut diagnostics);
            Ok(Read {
                intake,
                guide,
                warnings: Report { file, diagnostics },
                notes: check.notes,
            })
        }
        _ => {
            let mut diagnostics = check.problems;
            diagnostics.extend(check.warnings);
            in_file_order(&mut diagnostics);
            Err(IntakeError::Invalid(Report { file, diagnostics }))
        }
    }
}

/// Problems in the order of the file, as a person goes through it; those about the file as a
/// whole (a missing `[patient]`) first.
fn in_file_order(diagnostics: &mut [Diagnostic]) {
    diagnostics.sort_by_key(|d| d.span.as_ref().map_or(0, |s| s.start));
}

/// The intake as read, value by value, with the unknown keys taken out and described, and
/// every value of the wrong kind reported; only TOML that cannot be parsed stops the reading.
fn read_raw(text: &str) -> Result<(RawIntake, Vec<Diagnostic>), Vec<Diagnostic>> {
    let mut table =
        toml::de::DeTable::parse(text).map_err(|e| vec![explain_toml_error(&e, text)])?;
    let (raw, found, strays) = walk::read(table.get_ref(), text);
    // The unknown keys are named from the schema, which is only built when there are some:
    // a valid intake never pays for it.
    let mut problems = if strays {
        take_unknown_keys(table.get_mut())
    } else {
        Vec::new()
    };
    problems.extend(found);
    Ok((raw, problems))
}

/// Why the guide an intake names cannot be used, pointed at its `guide = ...` value.
fn unusable_guide(e: &GuideError, span: Range<usize>) -> Diagnostic {
    let d = Diagnostic::new(e.to_string()).at(Some(span)).field("guide");
    let GuideError::Unknown {
        suggestion,
        file_missing,
        ..
    } = e
    else {
        return d.help("name a guide's .toml file, relative to the intake, or a built-in guide");
    };
    let d = match suggestion {
        Some(s) => d.label(format!("did you mean `{s}`?")),
        None if *file_missing => d.label("no such file beside the intake"),
        None => d.label("not a built-in guide"),
    };
    let known: Vec<&str> = Guide::built_in_ids().collect();
    d.help(format!(
        "the built-in guides are: {}; a guide file is named by its path, relative to the intake",
        known.join(", ")
    ))
}

#[cfg(test)]
mod tests {
    use crate::intake::test_support::*;

    #[test]
    fn minimal_intake_is_valid() {
        let (intake, guide) = parse_str(MINIMAL).unwrap();
        assert_eq!(intake.patient.name, "Ann");
        assert_eq!(guide.id, "nocturnal-leg-cramps");
    }

    #[test]
    fn unknown_guide_lists_the_known_ones() {
        let err = error_of("guide = \"leg-cramps\"\n[patient]\nname = \"A\"\n");
        assert!(err.contains("unknown guide `leg-cramps`"), "{err}");
        assert!(err.contains("nocturnal-leg-cramps, general"), "{err}");
    }
}
