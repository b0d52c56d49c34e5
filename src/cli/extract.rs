use std::io::Write;
use std::path::Path;

use visitprep::{Embedded, Guide, BUNDLE_ATTACHMENT, INTAKE_ATTACHMENT, MAX_PDF_BYTES};

use super::error::{Made, SheetProblem};
use super::{Error, Shell};

/// Writes the intake (or with `bundle`, the FHIR Bundle) a sheet carries: to `out`, to
/// standard output for `-`, or beside the sheet as NAME.toml (NAME.fhir.json).
pub fn extract(
    sheet: &Path,
    out: Option<&Path>,
    bundle: bool,
    force: bool,
    shell: &Shell,
) -> Result<(), Error> {
    let target = match out {
        Some(p) if visitprep::is_stdout(p) => None,
        Some(p) => Some(p.to_path_buf()),
        None => Some(sheet.with_extension(if bundle { "fhir.json" } else { "toml" })),
    };
    if let Some(target) = &target {
        visitprep::check_target(target, &[sheet], visitprep::Overwrite::only_forced(force))
            .map_err(|error| Error::Refused {
                error,
                made: Made::Extracted {
                    sheet: sheet.to_path_buf(),
                },
            })?;
    }

    let wanted = if bundle {
        BUNDLE_ATTACHMENT
    } else {
        INTAKE_ATTACHMENT
    };
    let found = carried_file(sheet, wanted).map_err(|problem| Error::Sheet {
        sheet: sheet.to_path_buf(),
        problem,
    })?;

    match &target {
        None => std::io::stdout()
            .write_all(&found.bytes)
            .map_err(|error| Error::Print {
                what: "print the file",
                error,
            })?,
        Some(target) => {
            visitprep::write_atomic(target, &found.bytes)?;
            shell.status(&format!("wrote {}", target.display()));
        }
    }
    if !bundle {
        let dir = super::folder_of(target.as_deref());
        if let Some(reference) = unreachable_guide(&found.bytes, dir) {
            shell.note(&format!(
                "the intake names the guide file `{reference}`, which is not found from {}",
                dir.display()
            ));
            shell.help("copy the guide file there (the path is relative to the intake), or change the `guide` line");
        }
    }
    Ok(())
}

/// The file named `wanted` that the PDF at `sheet` carries. The PDF is looked at before it
/// is read: a folder, or a file too large to be a sheet, is refused as it is.
fn carried_file(sheet: &Path, wanted: &str) -> Result<Embedded, SheetProblem> {
    let meta = std::fs::metadata(sheet).map_err(SheetProblem::Unreadable)?;
    if meta.is_dir() {
        return Err(SheetProblem::Folder);
    }
    if meta.len() > MAX_PDF_BYTES as u64 {
        return Err(SheetProblem::TooLarge(meta.len()));
    }
    let pdf = std::fs::read(sheet).map_err(SheetProblem::Unread)?;
    let mut files = visitprep::carried_files(&pdf).map_err(SheetProblem::NotASheet)?;
    match files.iter().position(|f| f.name == wanted) {
        Some(at) => Ok(files.swap_remove(at)),
        None => Err(SheetProblem::Lacks {
            what: if wanted == BUNDLE_ATTACHMENT {
                "FHIR bundle"
            } else {
                "intake"
            },
            carried: carried(&files),
        }),
    }
}

/// What the PDF does carry, for the error message.
fn carried(files: &[Embedded]) -> String {
    if files.is_empty() {
        return "it has no attached files".into();
    }
    let names: Vec<&str> = files.iter().map(|f| f.name.as_str()).collect();
    format!("its attached files are: {}", names.join(", "))
}

/// A guide file is named relative to the intake: extracted into another folder, the path
/// may lead nowhere. It is said then, rather than left for `render` to find.
fn unreachable_guide(intake: &[u8], dir: &Path) -> Option<String> {
    let text = std::str::from_utf8(intake).ok()?;
    let table: toml::Table = toml::from_str(text).ok()?;
    let reference = table.get("guide")?.as_str()?;
    if Guide::built_in(reference).is_some() || dir.join(reference).is_file() {
        return None;
    }
    Some(reference.to_string())
}
