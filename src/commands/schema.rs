use std::path::Path;

use visitprep::input::{self, Kind};
use visitprep::intake;
use visitprep::output;

/// Prints or writes the intake's JSON Schema, for editors that check TOML against one.
pub fn schema(out: Option<&Path>, force: bool) -> Result<(), String> {
    let mut text = serde_json::to_string_pretty(&intake::json_schema())
        .map_err(|e| format!("error: cannot write the schema: {e}"))?;
    text.push('\n');
    let Some(path) = out else {
        print!("{text}");
        return Ok(());
    };
    if output::is_stdout(path) {
        print!("{text}");
        return Ok(());
    }
    let kind = std::fs::metadata(path).map(|m| Kind::of(&m)).ok();
    match kind {
        None => {}
        Some(Kind::Folder) => {
            return Err(format!(
                "error: {} is a folder; nothing was written\n  help: name the file, e.g. -o visitprep.schema.json",
                path.display()
            ))
        }
        Some(Kind::File) if force || looks_like_json(path) => {}
        Some(Kind::File) => {
            return Err(format!(
                "error: {} exists and is not a JSON file; nothing was written\n  help: choose another name, e.g. -o visitprep.schema.json, or add --force to replace it",
                path.display()
            ))
        }
        Some(other) => {
            return Err(format!(
                "error: {} is {}, not a file; nothing was written\n  help: name a regular file with -o, or leave -o out to print the schema",
                path.display(),
                other.described()
            ))
        }
    }
    output::write_atomic(path, text.as_bytes()).map_err(|e| format!("error: {e}"))?;
    eprintln!(
        "wrote {}\n  to use it, make this the first line of an intake: #:schema ./{}",
        path.display(),
        path.file_name().unwrap_or_default().to_string_lossy()
    );
    Ok(())
}

/// An earlier schema may be replaced; anything else (an intake, say) needs --force.
fn looks_like_json(path: &Path) -> bool {
    // The first non-blank byte tells; a schema file is small, so this reads little.
    input::read(path, input::MAX_TEXT_BYTES)
        .map(|bytes| {
            bytes
                .iter()
                .find(|b| !b.is_ascii_whitespace())
                .is_some_and(|b| *b == b'{')
        })
        .unwrap_or(false)
}
