use std::path::Path;

use super::error::Made;
use super::{Error, Shell};

pub fn new(
    guide_id: &str,
    out: Option<&Path>,
    force: bool,
    schema: Option<&str>,
    language: visitprep::Language,
    shell: &Shell,
) -> Result<(), Error> {
    // Printed, the intake is for the current folder; written, for the folder it is in.
    let (guide, reference) = super::guide_for_intake(guide_id, super::folder_of(out))?;
    let mut text = visitprep::new_intake_in(&guide, &reference, language);
    if let Some(schema) = schema {
        // Taplo (Even Better TOML) reads this directive from the first line.
        if schema.trim().is_empty() || schema.contains(['\n', '\r']) {
            return Err(Error::SchemaDirective);
        }
        text.insert_str(0, &format!("#:schema {}\n", schema.trim()));
    }
    match out.filter(|path| !visitprep::is_stdout(path)) {
        None => {
            print!("{text}");
            Ok(())
        }
        Some(path) => {
            visitprep::check_target(path, &[], visitprep::Overwrite::only_forced(force)).map_err(
                |error| Error::Refused {
                    error,
                    made: Made::Intake,
                },
            )?;
            super::process::write(path, text.as_bytes())?;
            shell.status(&format!(
                "wrote {}: fill it in, then run `visitprep check {0}`",
                path.display()
            ));
            Ok(())
        }
    }
}
