//! Turns the built-in guides' translations (`templates/ID.LANG.toml`) into tables compiled
//! into the binary. A sheet in Spanish would otherwise read 40 KB of TOML on every render,
//! a tenth of what the rest of the sheet costs; the tables hold each entry's source, English
//! and translation, and the program reads them without parsing. The files stay the one
//! place a translator edits; `tests/guide_translation.rs` checks that the tables say what
//! the program's own reader (`Translation::parse`) finds in each file.

use std::env;
use std::fmt::Write as _;
use std::fs;
use std::path::Path;

fn main() {
    let templates = Path::new("templates");
    println!("cargo::rerun-if-changed=templates");
    let mut files: Vec<(String, String)> = fs::read_dir(templates)
        .expect("templates/ is readable")
        .map(|entry| entry.expect("templates/ is readable").path())
        .filter_map(|path| {
            let name = path.file_name()?.to_str()?.to_string();
            let stem = name.strip_suffix(".toml")?;
            // A translation is named after its guide and its language: `ID.LANG.toml`.
            let (_, tag) = stem.rsplit_once('.')?;
            Some((name.clone(), tag.to_string()))
        })
        .collect();
    files.sort();
    let mut out = String::from(
        "/// Each built-in translation file's entries as (source, English, translation).\n\
         pub(super) const TABLES: &[(&str, &[super::Entry])] = &[\n",
    );
    for (name, tag) in &files {
        let path = templates.join(name);
        let text = fs::read_to_string(&path).expect("a translation is UTF-8");
        let file: toml::Table =
            toml::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let entries = file
            .get("translation")
            .and_then(|t| t.as_array())
            .unwrap_or_else(|| panic!("{}: no [[translation]]", path.display()));
        writeln!(out, "    ({name:?}, &[").unwrap();
        for (i, entry) in entries.iter().enumerate() {
            let key = |k: &str| {
                entry.get(k).and_then(|v| v.as_str()).unwrap_or_else(|| {
                    panic!("{}: translation {}: no `{k}`", path.display(), i + 1)
                })
            };
            writeln!(
                out,
                "        ({:?}, {:?}, {:?}),",
                key("source"),
                key("en"),
                key(tag)
            )
            .unwrap();
        }
        writeln!(out, "    ]),").unwrap();
    }
    out.push_str("];\n");
    let target =
        Path::new(&env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("translations.rs");
    fs::write(target, out).expect("OUT_DIR is writable");
}
