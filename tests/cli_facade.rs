//! The command line goes through the library's facade (the items `lib.rs` names at the top
//! of the crate), never around it into a stage's module: the stages can then be rearranged
//! without touching the command line.

use std::path::Path;

/// The library's modules, as `lib.rs` declares them.
fn modules() -> Vec<String> {
    let lib =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("src/lib.rs")).unwrap();
    lib.lines()
        .filter_map(|l| l.trim().strip_prefix("pub mod "))
        .map(|m| m.trim_end_matches(';').trim().to_string())
        .collect()
}

/// Every name the file takes from the library: `visitprep::NAME` and the names inside
/// `use visitprep::{...}`.
fn names_used(source: &str) -> Vec<String> {
    let mut names = Vec::new();
    for (at, _) in source.match_indices("visitprep::") {
        let rest = &source[at + "visitprep::".len()..];
        if let Some(group) = rest.strip_prefix('{') {
            let inside = &group[..group.find('}').unwrap()];
            names.extend(
                inside
                    .split(',')
                    .map(|n| n.split_whitespace().next().unwrap_or("").to_string())
                    .filter(|n| !n.is_empty()),
            );
        } else {
            let end = rest
                .find(|c: char| !(c.is_alphanumeric() || c == '_'))
                .unwrap_or(rest.len());
            names.push(rest[..end].to_string());
        }
    }
    names
}

#[test]
fn the_command_line_uses_only_the_facade() {
    let modules = modules();
    assert!(modules.iter().any(|m| m == "layout"), "{modules:?}");
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = vec![root.join("main.rs")];
    for entry in std::fs::read_dir(root.join("cli")).unwrap() {
        files.push(entry.unwrap().path());
    }
    let mut seen = 0;
    for file in &files {
        let source = std::fs::read_to_string(file).unwrap();
        for name in names_used(&source) {
            seen += 1;
            assert!(
                !modules.contains(&name),
                "{} reaches into `visitprep::{name}`: use (or add) an item of the facade in lib.rs",
                file.display()
            );
        }
    }
    assert!(
        seen > 20,
        "the command line names only {seen} items of the library"
    );
}

#[test]
fn names_are_found_in_use_groups_and_paths() {
    let names = names_used(
        "use visitprep::{Guide, FileKind as Kind};\nlet x = visitprep::layout::Paper::A4;",
    );
    assert_eq!(names, ["Guide", "FileKind", "layout"]);
}
