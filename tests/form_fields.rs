//! The space a sheet leaves to write in (the lines under an unanswered question, the After the
//! visit page, the rows of "Changes to my medicines") is a form field as well, so that the
//! sheet can be filled in on a tablet and saved, and a screen reader announces what is to be
//! written there. Read back by PyMuPDF (MuPDF's library) and by pdf.js (Firefox's viewer);
//! what is typed is read back by poppler from the file PyMuPDF saved.

mod common;

use std::path::Path;
use std::process::Command;

use common::*;
use serde_json::Value;

/// The fields of `pdf` as PyMuPDF reads them (`tests/readers/fields.py`); with `typed`,
/// PyMuPDF also types "Typed N" into field N and saves the file there.
fn mupdf_fields(pdf: &Path, typed: Option<&Path>) -> Vec<Value> {
    let mut cmd = Command::new("python3");
    cmd.arg(readers_dir().join("fields.py")).arg(pdf);
    if let Some(typed) = typed {
        cmd.arg(typed);
    }
    json_list(&run_reader(&mut cmd, "python3 with pymupdf"))
}

/// The fields of `pdf` as pdf.js reads them (`tests/readers/fields.mjs`).
fn pdfjs_fields(pdf: &Path) -> Vec<Value> {
    let mut cmd = Command::new("node");
    cmd.arg(readers_dir().join("fields.mjs")).arg(pdf);
    json_list(&run_reader(&mut cmd, "node with pdfjs-dist"))
}

fn json_list(printed: &str) -> Vec<Value> {
    let v: Value = serde_json::from_str(printed).expect("the reader prints JSON");
    v.as_array().expect("a list of fields").clone()
}

fn text(v: &Value) -> &str {
    v.as_str().unwrap_or_else(|| panic!("a string, not {v}"))
}

/// A field's label without the line number its lines after the first add ("(2/3)").
fn question_of(label: &str) -> &str {
    match label.rfind(" (") {
        Some(at)
            if label.ends_with(')')
                && label[at + 2..label.len() - 1]
                    .split('/')
                    .all(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit())) =>
        {
            &label[..at]
        }
        _ => label,
    }
}

fn rendered(args: &[&str]) -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let pdf = dir.path().join("sheet.pdf");
    render(&example("complete.toml"), &pdf, args);
    (dir, pdf)
}

/// Both readers find the same fields, each a text field open to typing, named apart, and
/// announced by what the sheet prints above it: its question, or its column's title. No
/// field lies over printed words.
fn assert_fields_read_right(pdf: &Path) -> Vec<Value> {
    let mupdf = mupdf_fields(pdf, None);
    let pdfjs = pdfjs_fields(pdf);
    assert_eq!(mupdf.len(), pdfjs.len(), "{mupdf:#?}\n{pdfjs:#?}");
    let mut names = std::collections::BTreeSet::new();
    for (m, j) in mupdf.iter().zip(&pdfjs) {
        assert_eq!(text(&m["type"]), "Text", "{m}");
        assert_eq!(text(&j["type"]), "Tx", "{j}");
        assert_eq!(j["editable"], true, "{j}");
        assert_eq!(m["label"], j["label"], "{m}\n{j}");
        assert_eq!(m["page"], j["page"], "{m}\n{j}");
        assert!(
            names.insert(text(&m["name"]).to_string()),
            "two fields named {m}"
        );
        let label = text(&m["label"]);
        let above = squash(text(&m["text_above"]));
        assert!(
            above.contains(&squash(question_of(label))),
            "the field {label:?} on page {} stands under no text saying so",
            m["page"]
        );
        assert_eq!(m["words_inside"], serde_json::json!([]), "{m}");
    }
    mupdf
}

#[test]
fn every_space_to_write_in_is_a_field_named_by_its_question() {
    let (_dir, pdf) = rendered(&[]);
    let fields = assert_fields_read_right(&pdf);
    let labels: Vec<&str> = fields.iter().map(|f| text(&f["label"])).collect();
    // The patient's own questions, each with two lines for the doctor's answer.
    let intake: toml::Value =
        toml::from_str(&std::fs::read_to_string(example("complete.toml")).unwrap()).unwrap();
    let own = intake["questions"]["own"].as_array().unwrap();
    assert!(!own.is_empty());
    for q in own {
        let q = q.as_str().unwrap();
        for line in ["(1/2)", "(2/2)"] {
            let want = format!("{q} {line}");
            assert!(
                labels.contains(&want.as_str()),
                "no field {want:?}: {labels:#?}"
            );
        }
    }
    // "Changes to my medicines": three rows of four cells, each named by its column.
    for column in [
        "Medicine",
        "Start, stop or change?",
        "How to take it",
        "Why",
    ] {
        let n = labels.iter().filter(|l| **l == column).count();
        assert_eq!(n, 3, "{column:?}: {labels:#?}");
    }
    // The After the visit page's lines.
    for line in ["What the doctor thinks it is (1/2)", "My next appointment"] {
        assert!(labels.contains(&line), "no field {line:?}: {labels:#?}");
    }
}

#[test]
fn what_is_typed_on_a_screen_is_saved_and_printed() {
    let (dir, pdf) = rendered(&[]);
    let typed = dir.path().join("typed.pdf");
    let fields = mupdf_fields(&pdf, Some(&typed));
    assert!(fields.len() > 20, "{} fields", fields.len());
    // Poppler draws what was typed from the appearance the filling viewer made.
    let printed = pdf_text(&typed);
    let shown: std::collections::BTreeSet<usize> = printed
        .split("Typed ")
        .skip(1)
        .filter_map(|t| {
            let digits: String = t.chars().take_while(char::is_ascii_digit).collect();
            digits.parse().ok()
        })
        .collect();
    let read = pdfjs_fields(&typed);
    assert_eq!(read.len(), fields.len());
    for (n, field) in (1..).zip(&read) {
        assert_eq!(text(&field["value"]), format!("Typed {n}"), "{field}");
        assert!(
            shown.contains(&n),
            "\"Typed {n}\" is not printed: {printed}"
        );
    }
}

#[test]
fn a_sheet_in_spanish_names_its_fields_in_spanish() {
    let (_en_dir, en) = rendered(&[]);
    let (_es_dir, es) = rendered(&["--lang", "es"]);
    let english = mupdf_fields(&en, None);
    let spanish = assert_fields_read_right(&es);
    assert_eq!(english.len(), spanish.len());
    let intake: toml::Value =
        toml::from_str(&std::fs::read_to_string(example("complete.toml")).unwrap()).unwrap();
    let own: Vec<&str> = intake["questions"]["own"]
        .as_array()
        .unwrap()
        .iter()
        .map(|q| q.as_str().unwrap())
        .collect();
    let mut translated = 0;
    for (e, s) in english.iter().zip(&spanish) {
        let (e, s) = (text(&e["label"]), text(&s["label"]));
        // The patient's own questions stay as they wrote them; the sheet's words do not.
        if own.contains(&question_of(e)) {
            assert_eq!(e, s);
        } else {
            assert_ne!(e, s, "left in English");
            translated += 1;
        }
    }
    assert!(translated > 20, "{translated}");
}
