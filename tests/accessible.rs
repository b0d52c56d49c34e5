//! The sheet is tagged for screen readers and made for archives: every example, in every
//! paper and print size, validates as PDF/UA-1 and PDF/A-3a (page_validation, veraPDF's
//! rules), and reads in the order a person reads it (poppler's structure tree, MuPDF's text).

mod common;

use std::path::{Path, PathBuf};

use common::*;
use page_validation::{validate_pdf, ValidationOptions, ValidationProfile};

/// Every rule `profile` ("ua1", "3a") fails on `pdf`, as "rule: message" lines.
fn failures(pdf: &Path, profile: &str) -> Vec<String> {
    let profile: ValidationProfile = profile.parse().expect("a known profile");
    let report = validate_pdf(pdf, &ValidationOptions::default().profile(profile))
        .unwrap_or_else(|e| panic!("page_validation cannot read {}: {e}", pdf.display()));
    let mut out: Vec<String> = report
        .failures
        .iter()
        .map(|f| format!("{}: {}", f.rule_id, f.message))
        .collect();
    out.dedup();
    if !report.is_compliant && out.is_empty() {
        out.push("not compliant, with no rule named".into());
    }
    out
}

/// The modes CI renders every intake in: A4, Letter, and both large print sizes.
const MODES: &[(&str, &[&str])] = &[
    ("a4", &[]),
    ("letter", &["--paper", "letter"]),
    ("large", &["--large-print", "--diary-page"]),
    (
        "x-large",
        &[
            "--print-size",
            "x-large",
            "--paper",
            "letter",
            "--diary-page",
        ],
    ),
];

/// Every example and the stress intake.
fn intakes() -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut all: Vec<PathBuf> = std::fs::read_dir(root.join("examples"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "toml"))
        .collect();
    all.sort();
    all.push(root.join("benches/stress.toml"));
    all
}

#[test]
fn every_example_in_every_mode_is_pdf_ua_1_and_pdf_a_3a() {
    let dir = tempfile::tempdir().unwrap();
    let mut failed = Vec::new();
    let mut checked = 0;
    for intake in intakes() {
        let name = intake.file_stem().unwrap().to_string_lossy().into_owned();
        for (mode, args) in MODES {
            let out = dir.path().join(format!("{name}-{mode}.pdf"));
            render(&intake, &out, args);
            for profile in ["ua1", "3a"] {
                for f in failures(&out, profile) {
                    failed.push(format!("{name} {mode} {profile}: {f}"));
                }
                checked += 1;
            }
        }
    }
    assert!(checked >= 5 * 4 * 2, "only {checked} validations");
    assert!(failed.is_empty(), "{}", failed.join("\n"));
}

/// The validation above can fail: the same file with its PDF/UA and PDF/A identifiers
/// altered (same length, so every offset stays right) fails both profiles.
#[test]
fn a_sheet_that_claims_no_standard_fails_validation() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("complete.pdf");
    render(&example("complete.toml"), &out, &[]);
    let bytes = std::fs::read(&out).unwrap();
    let altered = replace(
        &replace(
            &bytes,
            b"<pdfuaid:part>1</pdfuaid:part>",
            b"<pdfuaid:part>7</pdfuaid:part>",
        ),
        b"<pdfaid:conformance>A</pdfaid:conformance>",
        b"<pdfaid:conformance>Q</pdfaid:conformance>",
    );
    let bad = dir.path().join("altered.pdf");
    std::fs::write(&bad, altered).unwrap();
    assert!(
        !failures(&bad, "ua1").is_empty(),
        "UA-1 passes without its identifier"
    );
    assert!(
        !failures(&bad, "3a").is_empty(),
        "PDF/A-3a passes without conformance A"
    );
}

fn replace(haystack: &[u8], from: &[u8], to: &[u8]) -> Vec<u8> {
    let at = haystack
        .windows(from.len())
        .position(|w| w == from)
        .unwrap_or_else(|| panic!("{} not in the file", String::from_utf8_lossy(from)));
    [&haystack[..at], to, &haystack[at + from.len()..]].concat()
}
