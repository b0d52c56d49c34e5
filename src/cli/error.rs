//! What went wrong in a command, in the user's words: the problem, and the way out named in
//! the options they typed. The library says what happened; only here are flags named.

use std::path::Path;

use visitprep::input::Kind;
use visitprep::output::WriteError;

/// What a command writes: it decides which existing files may be replaced and how a refusal
/// is explained.
#[derive(Clone, Copy)]
pub enum Made<'a> {
    Sheet,
    Export,
    Schema,
    /// An intake file, from `new` or `interview`.
    Intake,
    /// What `extract` takes out of `sheet`.
    Extracted {
        sheet: &'a Path,
    },
}

/// Why the target was refused, as the command says it, and the help line that follows.
pub fn refusal(e: &WriteError, made: Made) -> (String, Option<String>) {
    let shown = |p: &Path| p.display().to_string();
    let nothing = "nothing was written";
    match (made, e) {
        (Made::Export, WriteError::Exists(p)) => (
            format!("{} exists and is not a FHIR JSON file; {nothing}", shown(p)),
            Some("choose another name with -o, or add --force to replace it".into()),
        ),
        (Made::Schema, WriteError::Exists(p)) => (
            format!("{} exists and is not a JSON file; {nothing}", shown(p)),
            Some("choose another name, e.g. -o visitprep.schema.json, or add --force to replace it".into()),
        ),
        (Made::Schema, WriteError::NotAFile { path, kind: Kind::Folder }) => (
            format!("{} is a folder; {nothing}", shown(path)),
            Some("name the file, e.g. -o visitprep.schema.json".into()),
        ),
        (Made::Schema, WriteError::NotAFile { path, kind }) => (
            format!("{} is {}, not a file; {nothing}", shown(path), kind.described()),
            Some("name a regular file with -o, or leave -o out to print the schema".into()),
        ),
        (Made::Extracted { sheet }, WriteError::WouldOverwriteIntake(_)) => (
            format!("{}: refusing to write over the sheet itself; {nothing}", shown(sheet)),
            Some("choose another name with -o".into()),
        ),
        (Made::Intake | Made::Extracted { .. }, WriteError::Exists(p)) => (
            format!("{} already exists; {nothing}", shown(p)),
            Some("choose another name, or add --force to replace it".into()),
        ),
        (Made::Intake | Made::Extracted { .. }, WriteError::NotAFile { path, kind: Kind::Folder }) => (
            format!("{} is a folder; {nothing}", shown(path)),
            Some("name the file, e.g. -o intake.toml".into()),
        ),
        (Made::Intake | Made::Extracted { .. }, WriteError::NotAFile { path, kind }) => (
            format!("{} is {}, not a file; {nothing}", shown(path), kind.described()),
            Some("name a regular file with -o".into()),
        ),
        (_, WriteError::WouldOverwriteIntake(p)) => (
            format!("refusing to write the sheet over the intake file {}", shown(p)),
            Some("choose another name with -o, e.g. -o visit-sheet.pdf".into()),
        ),
        (_, WriteError::Exists(p)) => (
            format!("{} exists and is not a PDF; refusing to replace it", shown(p)),
            Some("choose another name with -o, or add --force to replace it".into()),
        ),
        (_, WriteError::NotAFile { path, kind }) => (
            format!(
                "{} is {}, not a file; refusing to write to it",
                shown(path),
                kind.described()
            ),
            Some(match kind {
                Kind::Folder => "name a file in it, e.g. -o folder/visit-sheet.pdf".into(),
                _ => "name a regular file with -o, or use -o - to write the PDF to standard output".into(),
            }),
        ),
        (_, WriteError::Terminal) => (
            "refusing to write a PDF to the terminal (-o -)".into(),
            Some("send it to a program or a file: visitprep render intake.toml -o - | lp, or -o sheet.pdf".into()),
        ),
        (_, other) => (other.to_string(), None),
    }
}

/// A refused target as the command prints it.
pub fn refused(e: &WriteError, made: Made) -> String {
    let (problem, help) = refusal(e, made);
    format!("error: {problem}{}", help_lines(help))
}

/// "\n  help: ..." for a help line, or nothing.
pub fn help_lines(help: Option<String>) -> String {
    help.map(|h| format!("\n  help: {h}")).unwrap_or_default()
}
