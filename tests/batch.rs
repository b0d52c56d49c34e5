//! Rendering many intakes in one call, through the real binary.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const BIN: &str = env!("CARGO_BIN_EXE_visitprep");

fn example(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("examples")
        .join(name)
}

fn visitprep(args: &[&std::ffi::OsStr]) -> Output {
    Command::new(BIN)
        .args(args)
        .env("SOURCE_DATE_EPOCH", "1764072000")
        .env("NO_COLOR", "1")
        .output()
        .expect("the binary runs")
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// The file is a PDF that lopdf reads, with at least one page.
fn assert_valid_pdf(path: &Path) {
    let doc = lopdf::Document::load(path)
        .unwrap_or_else(|e| panic!("{} is not a readable PDF: {e}", path.display()));
    assert!(
        !doc.get_pages().is_empty(),
        "{} has no pages",
        path.display()
    );
}

/// A folder with the three examples and, between them, an intake with an impossible date.
fn folder_with_one_bad_intake() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for name in ["complete.toml", "minimal.toml", "pregnant.toml"] {
        std::fs::copy(example(name), dir.path().join(name)).unwrap();
    }
    std::fs::write(
        dir.path().join("broken.toml"),
        "guide = \"nocturnal-leg-cramps\"\n\n[patient]\nname = \"Bad Date\"\nborn = 1950-13-01\n",
    )
    .unwrap();
    std::fs::write(dir.path().join("notes.txt"), "not an intake").unwrap();
    dir
}

#[test]
fn a_bad_intake_in_a_folder_fails_alone() {
    let dir = folder_with_one_bad_intake();
    let out = visitprep(&["render".as_ref(), dir.path().as_os_str()]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(out.stdout.is_empty(), "stdout stays clean");

    for name in ["complete.pdf", "minimal.pdf", "pregnant.pdf"] {
        assert_valid_pdf(&dir.path().join(name));
    }
    assert!(
        !dir.path().join("broken.pdf").exists(),
        "no PDF for the bad intake"
    );
    assert!(
        !dir.path().join("notes.pdf").exists(),
        "only *.toml is read"
    );

    // The full diagnostic, pointing into the file at fault, and a last line that names it.
    assert!(err.contains("broken.toml:5:8"), "{err}");
    assert!(err.contains("born = 1950-13-01"), "{err}");
    assert!(err.contains("month between 01 and 12"), "{err}");
    assert!(
        err.contains("no sheet was written for") && err.contains("broken.toml\n"),
        "{err}"
    );
    assert!(err.contains("1 of 4 intakes failed"), "{err}");
    // The good ones are reported in order, one line each (stderr is not a terminal here).
    let wrote: Vec<&str> = err.lines().filter(|l| l.starts_with("wrote ")).collect();
    assert_eq!(wrote.len(), 3, "{err}");
    assert!(wrote[0].contains("complete.pdf") && wrote[2].contains("pregnant.pdf"));
}

#[test]
fn out_dir_collects_the_sheets_and_applies_the_options_to_each() {
    let dir = tempfile::tempdir().unwrap();
    let sheets = dir.path().join("sheets");
    let out = visitprep(&[
        "render".as_ref(),
        example("complete.toml").as_os_str(),
        example("minimal.toml").as_os_str(),
        "--out-dir".as_ref(),
        sheets.as_os_str(),
        "--paper".as_ref(),
        "letter".as_ref(),
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    for name in ["complete.pdf", "minimal.pdf"] {
        let path = sheets.join(name);
        assert_valid_pdf(&path);
        let doc = lopdf::Document::load(&path).unwrap();
        let (_, page) = doc.get_pages().into_iter().next().unwrap();
        let page = doc.get_dictionary(page).unwrap();
        let media_box = page.get(b"MediaBox").unwrap().as_array().unwrap();
        let width = media_box[2].as_float().unwrap();
        assert!((width - 612.0).abs() < 0.5, "Letter width, got {width}");
    }
    assert!(
        !example("complete.pdf").exists(),
        "nothing is written beside the intakes"
    );
}

#[test]
fn several_intakes_with_one_output_is_a_usage_error() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("one.pdf");
    let out = visitprep(&[
        "render".as_ref(),
        example("complete.toml").as_os_str(),
        example("minimal.toml").as_os_str(),
        "-o".as_ref(),
        target.as_os_str(),
    ]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(err.contains("--out-dir"), "{err}");
    assert!(err.contains("Usage: visitprep render"), "{err}");
    assert!(!target.exists());

    // A folder is several intakes too.
    let out = visitprep(&[
        "render".as_ref(),
        dir.path().as_os_str(),
        "-o".as_ref(),
        target.as_os_str(),
    ]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
}

#[test]
fn intakes_that_share_a_name_do_not_overwrite_each_other() {
    let dir = tempfile::tempdir().unwrap();
    for sub in ["a", "b"] {
        std::fs::create_dir(dir.path().join(sub)).unwrap();
        std::fs::copy(
            example("minimal.toml"),
            dir.path().join(sub).join("same.toml"),
        )
        .unwrap();
    }
    let sheets = dir.path().join("sheets");
    let out = visitprep(&[
        "render".as_ref(),
        dir.path().join("a").as_os_str(),
        dir.path().join("b").as_os_str(),
        "--out-dir".as_ref(),
        sheets.as_os_str(),
    ]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(err.contains("would both be written to"), "{err}");
    assert_valid_pdf(&sheets.join("same.pdf"));
}

#[test]
fn a_sheet_made_in_a_batch_is_the_same_file_as_made_alone() {
    let dir = tempfile::tempdir().unwrap();
    let sheets = dir.path().join("sheets");
    let alone = dir.path().join("alone.pdf");
    let names = ["complete.toml", "minimal.toml", "pregnant.toml"];
    let mut args: Vec<std::ffi::OsString> = vec!["render".into()];
    // The same intakes more than once, so that sheets are rendered side by side.
    for i in 0..3 {
        for name in names {
            let copy = dir.path().join(format!("{i}-{name}"));
            std::fs::copy(example(name), &copy).unwrap();
            args.push(copy.into());
        }
    }
    args.extend(["--out-dir".into(), sheets.clone().into_os_string()]);
    let refs: Vec<&std::ffi::OsStr> = args.iter().map(|a| a.as_os_str()).collect();
    let out = visitprep(&refs);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));

    for name in names {
        let out = visitprep(&[
            "render".as_ref(),
            example(name).as_os_str(),
            "-o".as_ref(),
            alone.as_os_str(),
        ]);
        assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
        let expected = std::fs::read(&alone).unwrap();
        for i in 0..3 {
            let pdf = sheets.join(format!("{i}-{name}")).with_extension("pdf");
            assert!(
                std::fs::read(&pdf).unwrap() == expected,
                "{} differs from {name} rendered alone",
                pdf.display()
            );
        }
    }
}
