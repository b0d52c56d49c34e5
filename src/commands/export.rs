use std::io::Write;
use std::path::{Path, PathBuf};

use visitprep::fhir;
use visitprep::output::{self, Overwrite};

/// Writes the intake as a FHIR R4 document Bundle: to `out`, to standard output for `-`,
/// or beside the intake as NAME.fhir.json (printed when the intake comes from a stream).
pub fn export(file: &Path, out: Option<&Path>, force: bool, color: bool) -> Result<(), String> {
    let target = match out {
        Some(p) if p == Path::new("-") => None,
        Some(p) => Some(p.to_path_buf()),
        // An intake from standard input has no name to give the export: it is printed.
        None if file == Path::new("-") || visitprep::input::is_stream(file) => None,
        None => Some(default_output(file)),
    };
    if let Some(target) = &target {
        // Every existing file but an earlier export needs --force; the intake never.
        output::check_target(target, &[file], Overwrite { force: true })
            .map_err(|e| format!("error: {e}"))?;
        if target.exists() && !force && !is_fhir_json(target) {
            return Err(format!(
                "error: {} exists and is not a FHIR JSON file; nothing was written\n  help: choose another name with -o, or add --force to replace it",
                target.display()
            ));
        }
    }
    let (loaded, warnings) = super::load(file, color)?;
    eprint!("{}", super::warnings_text(&warnings, color));
    let json = fhir::bundle_json(
        &loaded.intake,
        &loaded.guide,
        visitprep::generation_instant(),
    );
    match target {
        None => std::io::stdout()
            .write_all(&json)
            .map_err(|e| format!("error: cannot print the bundle: {e}")),
        Some(target) => {
            output::write_atomic(&target, &json).map_err(|e| format!("error: {e}"))?;
            eprintln!("wrote {} (FHIR R4 document Bundle)", target.display());
            Ok(())
        }
    }
}

fn default_output(intake: &Path) -> PathBuf {
    intake.with_extension("fhir.json")
}

/// An earlier export may be replaced: a JSON object naming a FHIR resource type.
pub fn is_fhir_json(path: &Path) -> bool {
    let Ok(bytes) = std::fs::read(path) else {
        return false;
    };
    let head = &bytes[..bytes.len().min(4096)];
    head.iter().find(|b| !b.is_ascii_whitespace()) == Some(&b'{')
        && head.windows(14).any(|w| w == b"\"resourceType\"")
}
