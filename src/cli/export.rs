use std::io::Write;
use std::path::{Path, PathBuf};

use super::error::Made;
use super::{Error, Shell};

/// Writes the intake as a FHIR R4 document Bundle: to `out`, to standard output for `-`,
/// or beside the intake as NAME.fhir.json (printed when the intake comes from a stream).
pub fn export(file: &Path, out: Option<&Path>, force: bool, shell: &Shell) -> Result<(), Error> {
    let target = match out {
        Some(p) if visitprep::is_stdout(p) => None,
        Some(p) => Some(p.to_path_buf()),
        // An intake from standard input has no name to give the export: it is printed.
        None if file == Path::new("-") || visitprep::is_stream(file) => None,
        None => Some(default_output(file)),
    };
    if let Some(target) = &target {
        // Every existing file but an earlier export needs --force; the intake never.
        let rules = visitprep::Overwrite {
            force,
            earlier: Some(is_fhir_json),
        };
        visitprep::check_target(target, &[file], rules).map_err(|error| Error::Refused {
            error,
            made: Made::Export,
        })?;
    }
    let (loaded, warnings) = super::load(file)?;
    shell.warnings(&warnings);
    let json = visitprep::fhir_bundle(&loaded, super::clock::now().utc);
    match target {
        None => std::io::stdout()
            .write_all(&json)
            .map_err(|error| Error::Print {
                what: "print the bundle",
                error,
            }),
        Some(target) => {
            super::process::write(&target, &json)?;
            shell.status(&format!(
                "wrote {} (FHIR R4 document Bundle)",
                target.display()
            ));
            Ok(())
        }
    }
}

fn default_output(intake: &Path) -> PathBuf {
    intake.with_extension("fhir.json")
}

/// An earlier export may be replaced: a JSON object naming a FHIR resource type.
fn is_fhir_json(head: &[u8]) -> bool {
    head.iter().find(|b| !b.is_ascii_whitespace()) == Some(&b'{')
        && head.windows(14).any(|w| w == b"\"resourceType\"")
}
