//! The command line goes through the library's facade (the names `lib.rs` lists), never
//! around it into a stage's module: the stages can then be rearranged without touching the
//! command line. The compiler is the judge: with the `facade-check` feature the stages'
//! modules are private to the library, and the command line must still build.

use std::path::Path;
use std::process::Command;

/// `cargo check` of the binary with `facade-check`, in a target folder of its own (the one
/// running these tests is locked by the build that started them), with `extra` appended to
/// one of the command line's files. Gives whether it built, and what the compiler said.
fn check_facade(extra: Option<&str>) -> (bool, String) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let copy = tempfile::tempdir().unwrap();
    // A copy of the sources (all but the build, the history and the tests with their node
    // packages), so that a line added for the test never touches the real tree.
    for entry in std::fs::read_dir(root).unwrap() {
        let entry = entry.unwrap();
        let name = entry.file_name();
        if !["target", ".git", "tests", "fuzz"].contains(&name.to_str().unwrap_or("")) {
            copy_all(&entry.path(), &copy.path().join(&name));
        }
    }
    if let Some(extra) = extra {
        let file = copy.path().join("src/cli/guides.rs");
        let mut text = std::fs::read_to_string(&file).unwrap();
        text.push_str(extra);
        std::fs::write(&file, text).unwrap();
    }
    // Benches and examples named in Cargo.toml are not needed to check the binary.
    let manifest = std::fs::read_to_string(copy.path().join("Cargo.toml")).unwrap();
    std::fs::write(copy.path().join("Cargo.toml"), without_benches(&manifest)).unwrap();
    let target = root.join("target").join("facade-check");
    let out = Command::new(env!("CARGO"))
        .args([
            "check",
            "--offline",
            "--locked",
            "--quiet",
            "--bin",
            "visitprep",
        ])
        .args(["--features", "facade-check", "--message-format", "short"])
        .current_dir(copy.path())
        .env("CARGO_TARGET_DIR", &target)
        .env_remove("RUSTFLAGS")
        .output()
        .unwrap();
    (
        out.status.success(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn copy_all(from: &Path, to: &Path) {
    if from.is_dir() {
        std::fs::create_dir_all(to).unwrap();
        for entry in std::fs::read_dir(from).unwrap() {
            let entry = entry.unwrap();
            copy_all(&entry.path(), &to.join(entry.file_name()));
        }
    } else {
        std::fs::copy(from, to).unwrap();
    }
}

/// The manifest without its `[[bench]]` tables, whose files the copy does not hold.
fn without_benches(manifest: &str) -> String {
    let mut out = String::new();
    let mut skipping = false;
    for line in manifest.lines() {
        if line.starts_with('[') {
            skipping = line.trim() == "[[bench]]";
        }
        if !skipping {
            out.push_str(line);
            out.push('\n');
        }
    }
    out
}

#[test]
fn the_command_line_builds_on_the_facade_alone() {
    let (built, said) = check_facade(None);
    assert!(built, "the command line reaches past the facade:\n{said}");
    // The check has teeth: the same build refuses a line that reaches into a stage.
    let (built, said) = check_facade(Some(
        "\nfn _reaches_in() -> visitprep::layout::Paper { visitprep::layout::Paper::A4 }\n",
    ));
    assert!(
        !built,
        "a stage's module was reachable from the command line"
    );
    assert!(said.contains("module `layout` is private"), "{said}");
}
