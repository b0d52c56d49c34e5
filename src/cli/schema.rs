use std::path::Path;

use super::error::Made;
use super::{Error, Shell};

/// Prints or writes the intake's JSON Schema, for editors that check TOML against one.
pub fn schema(out: Option<&Path>, force: bool, shell: &Shell) -> Result<(), Error> {
    let mut text =
        serde_json::to_string_pretty(&visitprep::intake_schema()).map_err(Error::Schema)?;
    text.push('\n');
    let Some(path) = out else {
        print!("{text}");
        return Ok(());
    };
    if visitprep::is_stdout(path) {
        print!("{text}");
        return Ok(());
    }
    let rules = visitprep::Overwrite {
        force,
        earlier: Some(is_json),
    };
    visitprep::check_target(path, &[], rules).map_err(|error| Error::Refused {
        error,
        made: Made::Schema,
    })?;
    super::process::write(path, text.as_bytes())?;
    shell.status(&format!(
        "wrote {}\n  to use it, make this the first line of an intake: #:schema ./{}",
        path.display(),
        path.file_name().unwrap_or_default().to_string_lossy()
    ));
    Ok(())
}

/// An earlier schema may be replaced; anything else (an intake, say) needs --force.
fn is_json(head: &[u8]) -> bool {
    head.iter()
        .find(|b| !b.is_ascii_whitespace())
        .is_some_and(|b| *b == b'{')
}
