//! How the command line ends: the exit code comes from the kind of failure, every refusal
//! names the way out, and colour follows one rule for every message.

mod common;

use std::path::Path;
use std::process::Command;

use common::*;

const INTAKE: &str = "guide = \"nocturnal-leg-cramps\"\n[patient]\nname = \"Ann\"\n";
const BAD: &str = "guide = \"nocturnal-leg-cramps\"\n[patient]\nname = \"Ann\"\nage = 200\n";

fn in_dir(dir: &Path, args: &[&str]) -> std::process::Output {
    bin().args(args).current_dir(dir).output().unwrap()
}

#[test]
fn the_exit_code_says_what_kind_of_failure_it_was() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.toml"), INTAKE).unwrap();
    std::fs::write(dir.path().join("b.toml"), INTAKE).unwrap();
    std::fs::write(dir.path().join("bad.toml"), BAD).unwrap();

    let done = in_dir(dir.path(), &["render", "a.toml"]);
    assert_eq!(done.status.code(), Some(0), "{}", stderr(&done));
    assert!(pdf_text(&dir.path().join("a.pdf")).contains("Ann"));

    // Usage, as clap reports it: 2, with the usage line.
    for usage in [
        &["render", "a.toml", "--no-such-option"][..],
        &["render", "a.toml", "b.toml", "-o", "x.pdf"],
        &[],
    ] {
        let o = in_dir(dir.path(), usage);
        assert_eq!(o.status.code(), Some(2), "{usage:?}: {}", stderr(&o));
        assert!(stderr(&o).contains("Usage: visitprep"), "{}", stderr(&o));
    }
    assert!(!dir.path().join("x.pdf").exists());

    // Input that cannot be used, and files that cannot be written: 1, with the reason.
    let cases: [(&[&str], &str); 5] = [
        (
            &["render", "bad.toml"],
            "error: 1 problem in the intake; nothing was written",
        ),
        (&["render", "missing.toml"], "missing.toml"),
        (&["check", "bad.toml"], "run check again once fixed"),
        (
            &["new", "--guide", "no-such-guide"],
            "unknown guide `no-such-guide`",
        ),
        (
            &["man", "no-such-command"],
            "there is no command `no-such-command`",
        ),
    ];
    for (args, expected) in cases {
        let o = in_dir(dir.path(), args);
        assert_eq!(o.status.code(), Some(1), "{args:?}: {}", stderr(&o));
        assert!(stderr(&o).contains(expected), "{args:?}: {}", stderr(&o));
        assert!(!stderr(&o).contains("panicked"), "{}", stderr(&o));
    }
    assert!(!dir.path().join("bad.pdf").exists());
}

/// Each command that writes a file refuses an existing one the same way, and its message
/// names the option that gets past it; the file is left as it was.
#[test]
fn an_existing_file_is_kept_and_the_way_past_it_is_named() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.toml"), INTAKE).unwrap();
    let keep = b"my own notes\n";
    for (args, target, expected) in [
        (
            &["render", "a.toml", "-o", "kept"][..],
            "kept",
            "is not a PDF",
        ),
        (
            &["export", "a.toml", "-o", "kept"],
            "kept",
            "is not a FHIR JSON file",
        ),
        (&["new", "-o", "kept"], "kept", "already exists"),
        (&["schema", "-o", "kept"], "kept", "is not a JSON file"),
        (&["interview", "-o", "kept"], "kept", "already exists"),
    ] {
        let path = dir.path().join(target);
        std::fs::write(&path, keep).unwrap();
        let o = in_dir(dir.path(), args);
        let err = stderr(&o);
        assert_eq!(o.status.code(), Some(1), "{args:?}: {err}");
        assert!(err.contains(expected), "{args:?}: {err}");
        assert!(err.contains("nothing was written"), "{args:?}: {err}");
        assert!(
            err.contains("  help: ") && err.contains("--force"),
            "{args:?}: {err}"
        );
        assert_eq!(
            std::fs::read(&path).unwrap(),
            keep,
            "{args:?} changed the file"
        );

        let mut forced = args.to_vec();
        forced.push("--force");
        let o = in_dir(dir.path(), &forced);
        if args[0] == "interview" {
            // No answers at all: an interview cut short writes nothing, forced or not.
            assert_eq!(o.status.code(), Some(1), "{forced:?}: {}", stderr(&o));
            assert!(stderr(&o).contains("nothing was written"), "{}", stderr(&o));
            assert_eq!(std::fs::read(&path).unwrap(), keep, "{forced:?}");
            continue;
        }
        assert_eq!(o.status.code(), Some(0), "{forced:?}: {}", stderr(&o));
        assert_ne!(
            std::fs::read(&path).unwrap(),
            keep,
            "{forced:?} kept the file"
        );
    }
}

/// `export` refuses a folder, a device or the intake itself as its target in its own words:
/// a FHIR export, with a JSON file name, never the sheet's PDF.
#[cfg(unix)]
#[test]
fn export_refusals_speak_of_the_export() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.toml"), INTAKE).unwrap();
    std::fs::create_dir(dir.path().join("out")).unwrap();
    for (target, expected, help) in [
        (
            "out",
            "out is a folder, not a file",
            "-o folder/visit.fhir.json",
        ),
        (
            "/dev/null",
            "is a device, not a file",
            "write the JSON to standard output",
        ),
        (
            "a.toml",
            "the FHIR export over the intake file",
            "-o visit.fhir.json",
        ),
    ] {
        let o = in_dir(dir.path(), &["export", "a.toml", "-o", target]);
        let err = stderr(&o);
        assert_eq!(o.status.code(), Some(1), "{target}: {err}");
        assert!(err.contains(expected), "{target}: {err}");
        assert!(err.contains(help), "{target}: {err}");
        assert!(
            !err.contains("PDF") && !err.contains("sheet"),
            "{target}: {err}"
        );
    }
    assert_eq!(
        std::fs::read_to_string(dir.path().join("a.toml")).unwrap(),
        INTAKE
    );
}

/// `-o /dev/stdout` is standard output for every command that writes a file.
#[cfg(unix)]
#[test]
fn dev_stdout_is_standard_output_for_extract_and_export() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.toml"), INTAKE).unwrap();
    let o = in_dir(dir.path(), &["render", "a.toml"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let o = in_dir(dir.path(), &["extract", "a.pdf", "-o", "/dev/stdout"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(stdout(&o), INTAKE);
    let o = in_dir(dir.path(), &["export", "a.toml", "-o", "/dev/stdout"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let bundle: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(bundle["resourceType"], "Bundle");
}

/// Colour on a terminal, none with NO_COLOR set: one decision for every message. A
/// terminal is made with `script` (util-linux), which every Debian system has.
#[cfg(unix)]
#[test]
fn colour_only_on_a_terminal_and_never_with_no_color() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("bad.toml"), BAD).unwrap();
    let on_a_terminal = |no_color: Option<&str>| {
        let mut cmd = Command::new("script");
        let line = format!("{} check bad.toml", env!("CARGO_BIN_EXE_visitprep"));
        cmd.args(["-qec", &line, "/dev/null"])
            .current_dir(dir.path())
            .env_remove("NO_COLOR");
        if let Some(value) = no_color {
            cmd.env("NO_COLOR", value);
        }
        let o = cmd.output().expect("script (util-linux) runs");
        String::from_utf8_lossy(&o.stdout).into_owned()
    };
    let styled = on_a_terminal(None);
    assert!(styled.contains("\u{1b}["), "{styled}");
    assert!(styled.contains("unknown field"), "{styled}");
    let plain = on_a_terminal(Some("1"));
    assert!(!plain.contains("\u{1b}["), "{plain}");
    assert!(plain.contains("unknown field"), "{plain}");
    // An empty NO_COLOR does not count, as no-color.org says.
    assert!(on_a_terminal(Some("")).contains("\u{1b}["));
    // Not a terminal: no colour either.
    let piped = bin()
        .env_remove("NO_COLOR")
        .args(["check", "bad.toml"])
        .current_dir(dir.path())
        .output()
        .unwrap();
    assert!(!stderr(&piped).contains("\u{1b}["), "{}", stderr(&piped));
}
