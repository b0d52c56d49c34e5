//! Checks PDFs against PDF/UA-1 and PDF/A-3a with page_validation (veraPDF's rules), as CI
//! does for every sheet it renders:
//!
//!     cargo run --release --example validate -- sheet.pdf [more.pdf ...]
//!
//! Prints every failed rule and exits with 1 when any file fails either profile.

use std::process::ExitCode;

use page_validation::{validate_pdf, ValidationOptions, ValidationProfile};

fn main() -> ExitCode {
    let files: Vec<String> = std::env::args().skip(1).collect();
    if files.is_empty() {
        eprintln!("usage: validate FILE.pdf [FILE.pdf ...]");
        return ExitCode::from(2);
    }
    let mut failed = false;
    for file in &files {
        for name in ["ua1", "3a"] {
            let profile: ValidationProfile = name.parse().expect("a known profile");
            match validate_pdf(file, &ValidationOptions::default().profile(profile)) {
                Ok(report) if report.is_compliant && report.failures.is_empty() => {
                    println!("ok   {file} {name} ({} rules passed)", report.rules.passed);
                }
                Ok(report) => {
                    failed = true;
                    println!("FAIL {file} {name}");
                    for f in &report.failures {
                        println!("     {}: {}", f.rule_id, f.message);
                    }
                }
                Err(e) => {
                    failed = true;
                    println!("FAIL {file} {name}: cannot be read: {e}");
                }
            }
        }
    }
    if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}
