use std::io::Write;
use std::path::Path;

use visitprep::guide::Guide;
use visitprep::pdf::read::{self, Embedded};
use visitprep::{output, BUNDLE_ATTACHMENT, INTAKE_ATTACHMENT};

/// Writes the intake (or with `bundle`, the FHIR Bundle) a sheet carries: to `out`, to
/// standard output for `-`, or beside the sheet as NAME.toml (NAME.fhir.json).
pub fn extract(sheet: &Path, out: Option<&Path>, bundle: bool, force: bool) -> Result<(), String> {
    let fail = |problem: String, help: &str| {
        format!(
            "error: {}: {problem}; nothing was written\n  help: {help}",
            sheet.display()
        )
    };
    let target = match out {
        Some(p) if p == Path::new("-") => None,
        Some(p) => Some(p.to_path_buf()),
        None => Some(sheet.with_extension(if bundle { "fhir.json" } else { "toml" })),
    };
    if let Some(target) = &target {
        if visitprep::output::same_file(target, sheet) {
            return Err(fail(
                "refusing to write over the sheet itself".into(),
                "choose another name with -o",
            ));
        }
        super::refuse_existing(target, force)?;
    }

    let meta = std::fs::metadata(sheet).map_err(|e| {
        fail(
            format!("cannot read the file: {e}"),
            "name a visit sheet PDF made by `visitprep render`",
        )
    })?;
    if meta.is_dir() {
        return Err(fail(
            "this is a folder, not a PDF".into(),
            "name a visit sheet PDF",
        ));
    }
    if meta.len() > read::MAX_PDF_BYTES as u64 {
        return Err(fail(
            read::ReadError::TooLarge(meta.len() as usize).to_string(),
            "is this the right file? A visit sheet is a few hundred kilobytes",
        ));
    }
    let pdf = std::fs::read(sheet).map_err(|e| {
        fail(
            format!("cannot read the file: {e}"),
            "check the file's permissions",
        )
    })?;
    let files = read::embedded_files(&pdf).map_err(|e| {
        fail(
            e.to_string(),
            "name a visit sheet PDF made by `visitprep render`",
        )
    })?;
    let wanted = if bundle {
        BUNDLE_ATTACHMENT
    } else {
        INTAKE_ATTACHMENT
    };
    let Some(found) = files.iter().find(|f| f.name == wanted) else {
        let what = if bundle { "FHIR bundle" } else { "intake" };
        return Err(fail(
            format!("the PDF carries no {what} ({})", carried(&files)),
            "only sheets made by `visitprep render` without --no-embed carry their data",
        ));
    };

    match &target {
        None => std::io::stdout()
            .write_all(&found.bytes)
            .map_err(|e| format!("error: cannot print the file: {e}"))?,
        Some(target) => {
            output::write_atomic(target, &found.bytes).map_err(|e| format!("error: {e}"))?;
            eprintln!("wrote {}", target.display());
        }
    }
    if !bundle {
        let dir = super::folder_of(target.as_deref());
        if let Some(note) = guide_note(&found.bytes, dir) {
            eprintln!("{note}");
        }
    }
    Ok(())
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
/// may lead nowhere. Says so, rather than leaving it for `render` to find.
fn guide_note(intake: &[u8], dir: &Path) -> Option<String> {
    let text = std::str::from_utf8(intake).ok()?;
    let table: toml::Table = toml::from_str(text).ok()?;
    let reference = table.get("guide")?.as_str()?;
    if Guide::built_in(reference).is_some() || dir.join(reference).is_file() {
        return None;
    }
    Some(format!(
        "note: the intake names the guide file `{reference}`, which is not found from {}\n  help: copy the guide file there (the path is relative to the intake), or change the `guide` line",
        dir.display()
    ))
}
