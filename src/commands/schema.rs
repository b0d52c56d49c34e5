use std::path::Path;

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
    if path.is_dir() {
        return Err(format!(
            "error: {} is a folder; nothing was written\n  help: name the file, e.g. -o visitprep.schema.json",
            path.display()
        ));
    }
    if path.exists() && !force && !looks_like_json(path) {
        return Err(format!(
            "error: {} exists and is not a JSON file; nothing was written\n  help: choose another name, e.g. -o visitprep.schema.json, or add --force to replace it",
            path.display()
        ));
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
    std::fs::read(path)
        .map(|bytes| {
            bytes
                .iter()
                .find(|b| !b.is_ascii_whitespace())
                .is_some_and(|b| *b == b'{')
        })
        .unwrap_or(false)
}
