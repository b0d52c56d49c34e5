//! An intake as people write it: "none" for none, dates in their own words, every mistake
//! told in one run, and no control characters on the doctor's page. Read back through the
//! real binary, page 1 with poppler's pdftotext.

mod common;

use std::path::Path;
use std::process::Command;

use common::{bin, stderr, stdout};

const HEAD: &str = "guide = \"nocturnal-leg-cramps\"\n[patient]\nname = \"Ann Example\"\n";

/// Runs `visitprep check` on `text` written as `in.toml`.
fn check(text: &str) -> (bool, String, String) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("in.toml");
    std::fs::write(&path, text).unwrap();
    let o = bin()
        .arg("check")
        .arg(&path)
        .current_dir(dir.path())
        .output()
        .unwrap();
    let err = stderr(&o).replace(&path.display().to_string(), "in.toml");
    let out = stdout(&o).replace(&path.display().to_string(), "in.toml");
    (o.status.success(), out, err)
}

/// The text of page 1 of the sheet rendered from `text`, as poppler reads it.
fn page_one(text: &str) -> String {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("in.toml");
    std::fs::write(&path, text).unwrap();
    let pdf = dir.path().join("in.pdf");
    let o = bin()
        .arg("render")
        .arg(&path)
        .arg("-o")
        .arg(&pdf)
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", stderr(&o));
    first_page(&pdf)
}

fn first_page(pdf: &Path) -> String {
    let o = Command::new("pdftotext")
        .args(["-f", "1", "-l", "1"])
        .arg(pdf)
        .arg("-")
        .output()
        .expect("pdftotext runs: install poppler-utils");
    assert!(o.status.success());
    String::from_utf8(o.stdout).unwrap()
}

#[test]
fn none_in_a_file_is_no_known_allergies_on_page_one_and_a_note_in_check() {
    for (allergies, medicine) in [
        ("\"none\"", "none"),
        ("\"No allergies\"", "Nothing."),
        ("\"NKDA\"", "nil"),
    ] {
        let text = format!(
            "{HEAD}[health]\nallergies = [{allergies}]\nconditions = [\"no\"]\n[[medications]]\nname = \"{medicine}\"\n"
        );
        let (ok, out, err) = check(&text);
        assert!(ok, "{err}");
        assert!(
            out.contains("note: in.toml:5:14: `health.allergies[0]` says"),
            "{out}"
        );
        assert!(out.contains("read as no known allergies"), "{out}");
        assert!(out.contains("read as no medicines"), "{out}");
        assert!(out.contains("read as no other illnesses"), "{out}");
        let page = page_one(&text);
        assert!(
            page.contains("No known allergies (patient-reported)"),
            "{page}"
        );
        assert!(page.contains("No medicines (patient-reported)"), "{page}");
        assert!(
            page.contains("Other illnesses: none (patient-reported)"),
            "{page}"
        );
        let lower = page.to_lowercase();
        assert!(!lower.contains("allergies: none"), "{page}");
        assert!(!lower.contains("allergies: nkda"), "{page}");
        assert!(!lower.contains("allergies: no allergies"), "{page}");
    }
}

#[test]
fn the_new_keys_say_none_and_an_empty_list_stays_not_stated() {
    let said = format!(
        "{HEAD}[health]\nno_known_allergies = true\nno_medicines = true\nno_other_illnesses = true\n"
    );
    let (ok, out, err) = check(&said);
    assert!(ok, "{err}");
    assert!(!out.contains("note:"), "{out}");
    let page = page_one(&said);
    assert!(
        page.contains("No known allergies (patient-reported)"),
        "{page}"
    );
    assert!(page.contains("No medicines (patient-reported)"), "{page}");

    let page = page_one(&format!("{HEAD}[health]\nallergies = []\n"));
    assert!(page.contains("Allergies: not stated"), "{page}");
    assert!(!page.contains("No known allergies"), "{page}");
    assert!(page.contains("Other illnesses: not stated"), "{page}");

    // What is listed is printed even beside a "none": an allergy is never hidden.
    let both = format!("{HEAD}[health]\nallergies = [\"penicillin\"]\nno_known_allergies = true\n");
    let (ok, _, err) = check(&both);
    assert!(ok, "{err}");
    assert!(err.contains("warning: `health.no_known_allergies` is true, but `health.allergies` lists \"penicillin\""), "{err}");
    let page = page_one(&both);
    assert!(page.contains("Allergies: penicillin"), "{page}");
    assert!(!page.contains("No known allergies"), "{page}");
}

#[test]
fn dates_as_people_write_them_are_read_in_the_file() {
    for (born, shown) in [
        ("\"4 April 1950\"", "born 4 April 1950"),
        ("\"April 4, 1950\"", "born 4 April 1950"),
        ("\"4 Apr 1950\"", "born 4 April 1950"),
        ("\"1950-4-4\"", "born 4 April 1950"),
        ("\"13/04/1950\"", "born 13 April 1950"),
        ("1950-04-04", "born 4 April 1950"),
    ] {
        let text = format!(
            "{HEAD}born = {born}\n[visit]\nwhen = \"2026-12-10 9:30am\"\n\
             [[medications]]\nname = \"Lasix\"\ndose = \"40 mg\"\nsince = \"1 May 2024\"\n\
             [[diary]]\nnight = \"November 20, 2026\"\nat = \"3:10am\"\n"
        );
        let (ok, out, err) = check(&text);
        assert!(ok, "{born}: {err}");
        assert!(out.contains("valid"), "{out}");
        let page = page_one(&text);
        assert!(page.contains(shown), "{born}:\n{page}");
        assert!(page.contains("10 December 2026, 09:30"), "{born}:\n{page}");
    }
}

#[test]
fn a_date_that_reads_two_ways_is_refused_with_both_readings_and_its_place() {
    let (ok, _, err) = check(&format!("{HEAD}born = \"04/05/1950\"\n"));
    assert!(!ok);
    assert!(
        err.contains("error: \"04/05/1950\" reads two ways: 4 May 1950 or 5 April 1950? (field `patient.born`)"),
        "{err}"
    );
    assert!(err.contains("in.toml:4:8"), "{err}");
    let (ok, _, err) = check(&format!("{HEAD}[visit]\nwhen = \"03/04/2027 10:00\"\n"));
    assert!(!ok);
    assert!(
        err.contains("3 April 2027 at 10:00 or 4 March 2027 at 10:00?"),
        "{err}"
    );
    assert!(err.contains("in.toml:5:8"), "{err}");
    assert!(err.contains("visit.when"), "{err}");
}

#[test]
fn relative_and_unreadable_dates_are_refused_in_a_file() {
    for (line, words) in [
        ("born = \"yesterday\"", "counts from today"),
        ("born = \"4/4/50\"", "four digits"),
        ("born = \"31 April 1950\"", "no day 31"),
        ("born = \"sometime in spring\"", "not a date I can read"),
    ] {
        let (ok, _, err) = check(&format!("{HEAD}{line}\n"));
        assert!(!ok, "{line}");
        assert!(err.contains(words), "{line}: {err}");
        assert!(err.contains("in.toml:4:8"), "{line}: {err}");
        assert!(err.contains("patient.born"), "{line}: {err}");
    }
}

#[test]
fn implausible_dates_are_said() {
    // SOURCE_DATE_EPOCH of the tests is 2026-11-18: that is "today".
    let (ok, _, err) = check(&format!(
        "{HEAD}born = \"4 April 2030\"\n[visit]\nwhen = 2031-01-01\n"
    ));
    assert!(!ok);
    assert!(
        err.contains("the date of birth 2030-04-04 is after today"),
        "{err}"
    );
    let (ok, _, err) = check(&format!(
        "{HEAD}born = \"4 April 1950\"\n[visit]\nwhen = \"1 May 1949\"\n"
    ));
    assert!(!ok);
    assert!(err.contains("is before the birth date"), "{err}");
    let (ok, out, err) = check(&format!("{HEAD}[visit]\nwhen = \"2 December 2028\"\n"));
    assert!(ok, "{err}");
    assert!(out.contains("valid, with 1 warning"), "{out}");
    assert!(
        err.contains("warning: the visit (2028-12-02) is more than a year from today"),
        "{err}"
    );
}

#[test]
fn ten_different_mistakes_are_all_told_in_one_run_in_file_order() {
    let text = "guide = \"nocturnal-leg-cramps\"\n\
                colour = \"blue\"\n\
                [patient]\n\
                name = \"Ann Example\"\n\
                born = \"04/05/1950\"\n\
                pregnant = \"no\"\n\
                phone = \"555\\u001B[D1234\"\n\
                [visit]\n\
                when = \"next Thursday\"\n\
                clinic = 7\n\
                [answers]\n\
                sinse = \"three months\"\n\
                [health]\n\
                no_medicines = \"yes\"\n\
                [[medications]]\n\
                dose = \"40 mg\"\n\
                [[diary]]\n\
                night = 2026-11-01\n\
                severity = 12\n";
    let (ok, _, err) = check(text);
    assert!(!ok);
    let expected = [
        ("in.toml:2:1", "unknown field `colour`"),
        ("in.toml:5:8", "reads two ways: 4 May 1950 or 5 April 1950?"),
        ("in.toml:6:12", "string \"no\", expected true or false"),
        ("in.toml:7:13", "control character, U+001B ESC"),
        ("in.toml:9:8", "counts from today"),
        ("in.toml:10:10", "whole number `7`, expected text in quotes"),
        ("in.toml:12:1", "`sinse` is not a question"),
        ("in.toml:14:16", "string \"yes\", expected true or false"),
        ("in.toml:15:1", "`medications[0].name` is missing"),
        ("in.toml:19:12", "severity 12 is outside the scale"),
    ];
    let mut last = 0;
    for (place, message) in expected {
        let at = err
            .find(message)
            .unwrap_or_else(|| panic!("{message:?} not in\n{err}"));
        assert!(at > last, "{message:?} is out of the file's order:\n{err}");
        let after = &err[at..];
        let place_at = after.find(" --> ").map(|i| &after[i + 5..]).unwrap_or("");
        assert!(
            place_at.starts_with(place),
            "{message:?} is not at {place}:\n{err}"
        );
        last = at;
    }
    assert!(err.contains("error: 10 problems in the intake"), "{err}");
}

#[test]
fn control_characters_are_reported_by_check_and_refused_by_render() {
    for (escape, name, column) in [
        ("\\u001B[D", "U+001B ESC", 15),
        ("\\u0007", "U+0007 BEL", 15),
        ("\\u009B", "U+009B CSI", 15),
        ("\\u0000", "U+0000 NUL", 15),
    ] {
        let text = format!("{HEAD}[answers]\ncourse = \"water pill{escape}X\"\n");
        let (ok, _, err) = check(&text.replace("water pill", "pill"));
        assert!(!ok, "{escape}");
        assert!(err.contains(&format!("control character, {name}")), "{err}");
        assert!(
            err.contains(&format!("in.toml:5:{column}")),
            "{escape}: {err}"
        );
        assert!(err.contains("answers.course"), "{err}");

        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("in.toml");
        std::fs::write(&path, &text).unwrap();
        let o = bin().arg("render").arg(&path).output().unwrap();
        assert_eq!(o.status.code(), Some(1), "{escape}");
        assert!(stderr(&o).contains(name), "{}", stderr(&o));
        assert!(
            !dir.path().join("in.pdf").exists(),
            "nothing may be written"
        );
    }
    // Tabs and line breaks are text.
    let (ok, _, err) = check(&format!(
        "{HEAD}[answers]\ncourse = \"\"\"one\ttwo\r\nthree\"\"\"\n"
    ));
    assert!(ok, "{err}");
}

#[test]
fn a_medicine_without_a_dose_is_warned_about() {
    let (ok, out, err) = check(&format!(
        "{HEAD}[[medications]]\nname = \"Lasix\"\nhow_often = \"daily\"\n"
    ));
    assert!(ok, "{err}");
    assert!(out.contains("valid, with 1 warning"), "{out}");
    assert!(
        err.contains("warning: medication 1 (\"Lasix\") has no dose (field `medications[0].dose`)"),
        "{err}"
    );
    assert!(err.contains("in.toml:5:8"), "{err}");
    let (ok, out, err) = check(&format!(
        "{HEAD}[[medications]]\nname = \"Lasix\"\ndose = \"40 mg\"\n"
    ));
    assert!(ok, "{err}");
    assert!(!out.contains("warning"), "{out}");
}

/// The details say "none" as the patient did, instead of lines to write on.
#[test]
fn the_details_say_none_where_the_patient_said_none() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("in.toml");
    let pdf = dir.path().join("in.pdf");
    for (health, said) in [
        (
            "no_known_allergies = true\nno_medicines = true\nno_other_illnesses = true\n",
            true,
        ),
        ("", false),
    ] {
        std::fs::write(&path, format!("{HEAD}[health]\n{health}")).unwrap();
        let o = bin()
            .arg("render")
            .arg(&path)
            .arg("-o")
            .arg(&pdf)
            .output()
            .unwrap();
        assert!(o.status.success(), "{}", stderr(&o));
        let all = common::pdf_text(&pdf);
        for words in [
            "I take no medicines.",
            "No known allergies: I know of none.",
            "I have no other illnesses.",
        ] {
            assert_eq!(all.contains(words), said, "{words:?} in:\n{all}");
        }
        assert_eq!(
            all.contains("Write any allergies here"),
            !said,
            "the allergy lines to write on:\n{all}"
        );
    }
}
