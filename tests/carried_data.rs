//! The sheet carries its own data: the intake and its FHIR export as PDF/A-3 associated
//! files, seen by independent readers (qpdf, MuPDF, the PDF/A validator), and given back by
//! `visitprep extract` byte for byte.

mod common;

use std::process::Command;

use common::{bin, example, render, stderr};
use page_validation::{validate_pdf, ValidationOptions, ValidationProfile};

const EXAMPLES: &[&str] = &[
    "complete.toml",
    "minimal.toml",
    "pregnant.toml",
    "international.toml",
];

fn extract(args: &[&str]) -> std::process::Output {
    bin().arg("extract").args(args).output().unwrap()
}

#[test]
fn extract_gives_back_every_example_byte_for_byte_and_the_round_trip_is_exact() {
    let dir = tempfile::tempdir().unwrap();
    for name in EXAMPLES {
        let intake = example(name);
        let first = dir.path().join(format!("{name}.pdf"));
        render(&intake, &first, &[]);

        let again = dir.path().join(format!("again-{name}"));
        let o = extract(&[first.to_str().unwrap(), "-o", again.to_str().unwrap()]);
        assert!(o.status.success(), "{name}: {}", stderr(&o));
        assert_eq!(
            std::fs::read(&again).unwrap(),
            std::fs::read(&intake).unwrap(),
            "{name}: the extracted intake differs"
        );

        let second = dir.path().join(format!("{name}-2.pdf"));
        render(&again, &second, &[]);
        assert_eq!(
            std::fs::read(&first).unwrap(),
            std::fs::read(&second).unwrap(),
            "{name}: render → extract → render gives another PDF"
        );
    }
}

#[test]
fn the_bundle_inside_is_the_export() {
    let dir = tempfile::tempdir().unwrap();
    let intake = example("complete.toml");
    let sheet = dir.path().join("sheet.pdf");
    render(&intake, &sheet, &[]);
    let o = extract(&[sheet.to_str().unwrap(), "--bundle", "-o", "-"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let exported = bin()
        .args(["export", intake.to_str().unwrap(), "-o", "-"])
        .output()
        .unwrap();
    assert!(exported.status.success());
    assert_eq!(o.stdout, exported.stdout);
    let json: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(json["type"], "document");
}

#[test]
fn independent_readers_see_the_attachments_with_their_pdfa3_keys() {
    let dir = tempfile::tempdir().unwrap();
    let sheet = dir.path().join("sheet.pdf");
    render(&example("complete.toml"), &sheet, &[]);

    let listed = Command::new("qpdf")
        .args(["--list-attachments"])
        .arg(&sheet)
        .output()
        .expect("qpdf runs: apt-get install qpdf");
    let listed = String::from_utf8_lossy(&listed.stdout);
    assert!(listed.contains("intake.toml ->"), "{listed}");
    assert!(listed.contains("patient-summary.fhir.json ->"), "{listed}");

    // qpdf gives the file back; it must be the intake.
    let out = dir.path().join("by-qpdf.toml");
    let shown = Command::new("qpdf")
        .arg("--show-attachment=intake.toml")
        .arg(&sheet)
        .output()
        .unwrap();
    assert!(shown.status.success());
    std::fs::write(&out, &shown.stdout).unwrap();
    assert_eq!(
        shown.stdout,
        std::fs::read(example("complete.toml")).unwrap()
    );

    // MuPDF: the keys PDF/A-3 asks of an associated file.
    let show = |what: &str| -> String {
        let o = Command::new("mutool")
            .args(["show", sheet.to_str().unwrap(), what])
            .output()
            .expect("mutool runs: apt-get install mupdf-tools");
        assert!(o.status.success(), "mutool show {what}");
        String::from_utf8_lossy(&o.stdout).into_owned()
    };
    let af = show("trailer/Root/AF");
    assert_eq!(af.matches(" 0 R").count(), 2, "{af}");
    for (i, relationship, mime) in [
        // mutool counts array elements from 1.
        (1, "/Source", "/application#2Ftoml"),
        (2, "/Data", "/application#2Ffhir+json"),
    ] {
        let spec = show(&format!("trailer/Root/AF/{i}"));
        assert!(spec.contains("/Type /Filespec"), "{spec}");
        assert!(spec.contains("/F ") && spec.contains("/UF "), "{spec}");
        assert!(spec.contains("/Desc "), "{spec}");
        assert!(
            spec.contains(&format!("/AFRelationship {relationship}")),
            "{spec}"
        );
        let stream = show(&format!("trailer/Root/AF/{i}/EF/F"));
        assert!(stream.contains("/Type /EmbeddedFile"), "{stream}");
        assert!(stream.contains(&format!("/Subtype {mime}")), "{stream}");
        assert!(stream.contains("/ModDate "), "{stream}");
        assert!(stream.contains("/Size "), "{stream}");
    }
}

#[test]
fn the_pdfa_validator_finds_the_attachments_and_no_fault_with_them() {
    let dir = tempfile::tempdir().unwrap();
    let sheet = dir.path().join("sheet.pdf");
    render(&example("complete.toml"), &sheet, &[]);
    let failures = |profile: &str| -> Vec<String> {
        let profile: ValidationProfile = profile.parse().unwrap();
        let report = validate_pdf(&sheet, &ValidationOptions::default().profile(profile))
            .expect("the validator reads the sheet");
        report
            .failures
            .iter()
            .map(|f| format!("{}: {}", f.rule_id, f.message))
            .collect()
    };
    // PDF/A-2 forbids embedded files that are not PDF/A: the validator sees them.
    let a2 = failures("2b");
    assert!(a2.iter().any(|f| f.contains(":6.8:")), "{a2:?}");
    // PDF/A-3 allows them, when each has its media type, relationship and association.
    for profile in ["3b", "3a"] {
        let a3 = failures(profile);
        let about_files: Vec<&String> = a3.iter().filter(|f| f.contains(":6.8:")).collect();
        assert!(about_files.is_empty(), "{profile}: {about_files:?}");
    }
}

#[test]
fn no_embed_leaves_the_data_out() {
    let dir = tempfile::tempdir().unwrap();
    let with = dir.path().join("with.pdf");
    let without = dir.path().join("without.pdf");
    render(&example("complete.toml"), &with, &[]);
    render(&example("complete.toml"), &without, &["--no-embed"]);
    let listed = Command::new("qpdf")
        .args(["--list-attachments"])
        .arg(&without)
        .output()
        .unwrap();
    let listed = String::from_utf8_lossy(&listed.stdout);
    assert!(!listed.contains("intake.toml"), "{listed}");
    let bytes = std::fs::read(&without).unwrap();
    assert!(!bytes.windows(3).any(|w| w == b"/AF"));
    assert!(std::fs::metadata(&with).unwrap().len() > bytes.len() as u64);

    let out = dir.path().join("x.toml");
    let o = extract(&[without.to_str().unwrap(), "-o", out.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    assert!(err.contains("without.pdf"), "{err}");
    assert!(err.contains("carries no intake"), "{err}");
    assert!(!out.exists());
}

#[test]
fn extract_refuses_what_is_not_a_sheet_clearly() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("x.toml");
    let cases: Vec<(std::path::PathBuf, &str)> = vec![
        (example("complete.toml"), "not a PDF"),
        (dir.path().join("missing.pdf"), "cannot read the file"),
        (dir.path().to_path_buf(), "folder"),
    ];
    for (input, expected) in cases {
        let o = extract(&[input.to_str().unwrap(), "-o", out.to_str().unwrap()]);
        assert_eq!(o.status.code(), Some(1), "{}", input.display());
        let err = stderr(&o);
        assert!(err.contains(expected), "{err}");
        assert!(err.contains(input.file_name().unwrap().to_str().unwrap()));
        assert!(!out.exists());
    }
}

#[test]
fn extract_never_replaces_a_file_or_the_sheet() {
    let dir = tempfile::tempdir().unwrap();
    let intake = dir.path().join("intake.toml");
    std::fs::copy(example("minimal.toml"), &intake).unwrap();
    std::fs::write(&intake, "# my edits\n").unwrap();
    let sheet = dir.path().join("intake.pdf");
    render(&example("minimal.toml"), &sheet, &[]);

    // The default name, intake.toml beside the sheet, exists: refused.
    let o = extract(&[sheet.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("already exists"), "{}", stderr(&o));
    assert_eq!(std::fs::read_to_string(&intake).unwrap(), "# my edits\n");

    let o = extract(&[
        sheet.to_str().unwrap(),
        "-o",
        sheet.to_str().unwrap(),
        "--force",
    ]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("over the sheet"), "{}", stderr(&o));
    assert!(std::fs::read(&sheet).unwrap().starts_with(b"%PDF-"));

    let o = extract(&[sheet.to_str().unwrap(), "--force"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(
        std::fs::read(&intake).unwrap(),
        std::fs::read(example("minimal.toml")).unwrap()
    );
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&intake).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600);
    }
}

#[test]
fn a_damaged_sheet_is_an_error_never_a_crash() {
    let dir = tempfile::tempdir().unwrap();
    let sheet = dir.path().join("sheet.pdf");
    render(&example("complete.toml"), &sheet, &[]);
    let good = std::fs::read(&sheet).unwrap();

    // Cut short, and with bytes overwritten throughout (structure, streams, the xref).
    let mut damaged: Vec<Vec<u8>> = [10, 500, good.len() / 2, good.len() - 40]
        .iter()
        .map(|&n| good[..n].to_vec())
        .collect();
    for step in [97usize, 331, 1009] {
        let mut d = good.clone();
        for i in (step..d.len()).step_by(step) {
            d[i] = d[i].wrapping_add(0x5A);
        }
        damaged.push(d);
    }
    for (i, bytes) in damaged.iter().enumerate() {
        // In the library: an error or the files, never a panic.
        let _ = visitprep::pdf::read::embedded_files(bytes);
        // Through the command: exit 0 with the intake, or 1 with a message; never 101.
        let path = dir.path().join(format!("damaged-{i}.pdf"));
        std::fs::write(&path, bytes).unwrap();
        let out = dir.path().join(format!("out-{i}.toml"));
        let o = extract(&[path.to_str().unwrap(), "-o", out.to_str().unwrap()]);
        match o.status.code() {
            Some(0) => assert!(out.exists()),
            Some(1) => {
                assert!(stderr(&o).starts_with("error: "), "{}", stderr(&o));
                assert!(!stderr(&o).contains("panicked"), "{}", stderr(&o));
                assert!(!out.exists());
            }
            other => panic!("damaged-{i}: exit {other:?}: {}", stderr(&o)),
        }
    }
}

#[test]
fn an_intake_naming_a_guide_file_warns_when_extracted_where_the_guide_is_not() {
    let dir = tempfile::tempdir().unwrap();
    let guides = dir.path().join("guides");
    std::fs::create_dir(&guides).unwrap();
    let guide = visitprep::guide::BUILT_IN
        .iter()
        .find(|(id, _)| *id == "general")
        .unwrap()
        .1;
    std::fs::write(guides.join("mine.toml"), guide).unwrap();
    let intake = dir.path().join("ann.toml");
    std::fs::write(
        &intake,
        "guide = \"guides/mine.toml\"\n[patient]\nname = \"Ann\"\n",
    )
    .unwrap();
    let sheet = dir.path().join("ann.pdf");
    render(&intake, &sheet, &[]);

    // Beside the guide folder: found, no note.
    let here = dir.path().join("back.toml");
    let o = extract(&[sheet.to_str().unwrap(), "-o", here.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(!stderr(&o).contains("note:"), "{}", stderr(&o));

    // Elsewhere: the intake is still given back, with a note on the guide.
    let elsewhere = dir.path().join("elsewhere");
    std::fs::create_dir(&elsewhere).unwrap();
    let there = elsewhere.join("back.toml");
    let o = extract(&[sheet.to_str().unwrap(), "-o", there.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("guide file `guides/mine.toml`"),
        "{}",
        stderr(&o)
    );
    assert_eq!(
        std::fs::read(&there).unwrap(),
        std::fs::read(&intake).unwrap()
    );
}

#[test]
fn the_library_reads_back_what_the_writer_attached() {
    use visitprep::pdf::read;
    let dir = tempfile::tempdir().unwrap();
    let sheet = dir.path().join("sheet.pdf");
    render(&example("international.toml"), &sheet, &[]);
    let files = read::embedded_files(&std::fs::read(&sheet).unwrap()).unwrap();
    let names: Vec<&str> = files.iter().map(|f| f.name.as_str()).collect();
    assert_eq!(names, ["intake.toml", "patient-summary.fhir.json"]);
    assert_eq!(files[0].mime.as_deref(), Some("application/toml"));
    assert_eq!(files[0].relationship.as_deref(), Some("Source"));
    assert_eq!(files[1].relationship.as_deref(), Some("Data"));
}

#[test]
fn any_named_file_survives_the_trip_through_the_writer_and_reader() {
    use visitprep::pdf::{read, Attachment, Relationship};
    let loaded =
        visitprep::intake::load(&example("minimal.toml"), chrono::Local::now().date_naive())
            .unwrap();
    let fonts = visitprep::fonts::FontSet::embedded();
    let attachment = Attachment {
        name: "Zoë (notes).txt".into(),
        mime: "text/plain".into(),
        description: "Notizen für die Ärztin".into(),
        relationship: Relationship::Supplement,
        bytes: (0..=255u8).cycle().take(5000).collect(),
    };
    let made = chrono::NaiveDate::from_ymd_opt(2026, 11, 25)
        .unwrap()
        .and_hms_opt(12, 0, 0)
        .unwrap();
    let rendered = visitprep::render_carrying(
        &loaded,
        &fonts,
        made,
        visitprep::RenderOptions::default(),
        std::slice::from_ref(&attachment),
    )
    .unwrap();
    // Made while the sheet is laid out, on a thread of their own here and as a pool task in
    // a batch, the same files give the same sheet.
    let attaching = || {
        visitprep::render_attaching(
            &loaded,
            &fonts,
            made,
            visitprep::RenderOptions::default(),
            || vec![attachment.clone()],
        )
        .unwrap()
    };
    assert!(rendered.pdf == attaching().pdf, "made while laying out");
    let pool = rayon::ThreadPoolBuilder::new().num_threads(2).build();
    let pooled = pool.unwrap().install(attaching);
    assert!(rendered.pdf == pooled.pdf, "made in a pool");
    let files = read::embedded_files(&rendered.pdf).unwrap();
    assert_eq!(files.len(), 1);
    assert_eq!(files[0].name, attachment.name);
    assert_eq!(files[0].bytes, attachment.bytes);
    assert_eq!(files[0].mime.as_deref(), Some("text/plain"));
    assert_eq!(files[0].relationship.as_deref(), Some("Supplement"));
}
