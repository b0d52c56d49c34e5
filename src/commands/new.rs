use std::path::Path;

use visitprep::output;
use visitprep::skeleton;

pub fn new(
    guide_id: &str,
    out: Option<&Path>,
    force: bool,
    schema: Option<&str>,
) -> Result<(), String> {
    // Printed, the intake is for the current folder; written, for the folder it is in.
    let (guide, reference) = super::guide_for_intake(guide_id, super::folder_of(out))?;
    let mut text = skeleton::intake_for(&guide, &reference);
    if let Some(schema) = schema {
        // Taplo (Even Better TOML) reads this directive from the first line.
        if schema.trim().is_empty() || schema.contains(['\n', '\r']) {
            return Err("error: --schema needs a path or URL on one line, e.g. --schema ./visitprep.schema.json".into());
        }
        text.insert_str(0, &format!("#:schema {}\n", schema.trim()));
    }
    match out.filter(|path| !output::is_stdout(path)) {
        None => {
            print!("{text}");
            Ok(())
        }
        Some(path) => {
            super::refuse_existing(path, force)?;
            output::write_atomic(path, text.as_bytes()).map_err(|e| format!("error: {e}"))?;
            eprintln!(
                "wrote {}: fill it in, then run `visitprep check {0}`",
                path.display()
            );
            Ok(())
        }
    }
}
