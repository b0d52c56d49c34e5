//! The sheet in the patient's language, and bilingual for the doctor: every example rendered
//! with `--lang es` and with `--lang es --doctor-lang en`, its pages read back with poppler.
//! Page 1 and the details hold no label of the other language, the patient's part none of
//! the doctor's; dates are in Spanish form; every string of the intake is there
//! (../shared/tools/pdf-check); the patient's part is marked `/Lang (es)`; the sheet still
//! validates as PDF/UA-1 and PDF/A-3a; the FHIR it carries names its language.

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;

use chrono::DateTime;
use common::*;
use lopdf::{Document, Object};
use page_validation::{validate_pdf, ValidationOptions, ValidationProfile};
use visitprep::words::{message_ids, Words, CATALOGUES};
use visitprep::Language;

fn examples() -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples");
    let mut all: Vec<PathBuf> = std::fs::read_dir(root)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "toml"))
        .collect();
    all.sort();
    all
}

/// The `--font` an example names in its `# font:` line, if any.
fn font_args(intake: &Path) -> Vec<String> {
    let text = std::fs::read_to_string(intake).unwrap();
    text.lines()
        .find_map(|l| l.strip_prefix("# font:"))
        .map(|f| vec!["--font".to_string(), f.trim().to_string()])
        .unwrap_or_default()
}

fn page_text(pdf: &Path, page: usize) -> String {
    let o = Command::new("pdftotext")
        .args([
            "-enc",
            "UTF-8",
            "-f",
            &page.to_string(),
            "-l",
            &page.to_string(),
        ])
        .arg(pdf)
        .arg("-")
        .output()
        .expect("pdftotext runs");
    assert!(o.status.success());
    String::from_utf8(o.stdout).unwrap()
}

fn page_count(pdf: &Path) -> usize {
    Document::load(pdf).unwrap().get_pages().len()
}

/// The sheet's own labels and headings in `language`: its messages of a few words without
/// values, as each stands on a line of its own or before a colon.
fn labels(language: Language) -> Vec<String> {
    let words = Words::of(language);
    let english = CATALOGUES[0].1;
    message_ids(english)
        .into_iter()
        .filter(|id| {
            let line = english
                .lines()
                .find(|l| l.starts_with(&format!("{id} = ")))
                .unwrap_or("");
            (id.starts_with("label-")
                || id.starts_with("column-")
                || HEADINGS.contains(&id.as_str()))
                && !line.contains('$')
        })
        .map(|id| words.get(&id).trim_end_matches(':').trim().to_string())
        .collect()
}

/// Messages that are headings of the sheet's parts and sections.
const HEADINGS: &[&str] = &[
    "why-i-am-coming",
    "what-worries-me",
    "what-i-hope",
    "my-answers",
    "my-medicines",
    "my-health",
    "other-illnesses",
    "other-notes",
    "for-me-title",
    "for-me-subtitle",
    "before-i-leave-home",
    "seek-care",
    "tier-emergency",
    "my-questions",
    "other-questions",
    "good-to-know",
    "tests-heading",
    "after-heading",
    "after-thinks",
    "after-at-home",
    "after-changes",
    "after-tests",
    "after-next",
    "after-whom",
    "about-heading",
    "which-department",
    "departments-may-fit",
    "details-title",
    "warning-signs",
];

/// Lines of `text` that are one of `labels`, or start with one and a colon.
fn labels_in(text: &str, labels: &[String], except: &[String]) -> Vec<String> {
    let mut found = Vec::new();
    for line in text.lines().map(str::trim) {
        for label in labels.iter().filter(|l| !except.contains(l)) {
            let colon = line
                .strip_prefix(label.as_str())
                .is_some_and(|rest| rest.starts_with(':') || rest.starts_with(" :"));
            if line == label || colon {
                found.push(format!("{label:?} in {line:?}"));
            }
        }
    }
    found
}

/// The labels the intake's guide gives its answers on page 1 ("Since"): English until the
/// guide is translated, so they may stand in a Spanish summary.
fn guide_labels(intake: &Path) -> Vec<String> {
    let text = std::fs::read_to_string(intake).unwrap();
    let value: toml::Value = toml::from_str(&text).unwrap();
    let id = value["guide"].as_str().unwrap();
    let guide = visitprep::resolve_guide(id, intake.parent().unwrap()).unwrap();
    guide
        .doctor_questions
        .iter()
        .flat_map(|q| [q.summary.clone(), q.pointer.clone()])
        .flatten()
        .collect()
}

/// The first page of the patient's part: where its title stands at the top.
fn patient_part(pdf: &Path, pages: usize, title: &str) -> usize {
    (2..=pages)
        .find(|&p| page_text(pdf, p).lines().next().map(str::trim) == Some(title))
        .unwrap_or_else(|| panic!("no page starts with {title:?} in {}", pdf.display()))
}

/// pdf-check's report when a check fails, other than the footer it looks for in English
/// ("Page N of N"; the Spanish footer is checked on its own), or when an intake string is lost.
fn pdf_check_but_footer(pdf: &Path, intake: &Path) -> Option<String> {
    let (_, report) = pdf_check(pdf, intake);
    let failed = report
        .lines()
        .any(|l| l.starts_with("FAIL") && !l.contains("'Page "));
    (failed || !report.contains("intake_strings_lost=0")).then_some(report)
}

fn validation_failures(pdf: &Path) -> Vec<String> {
    let mut out = Vec::new();
    for profile in ["ua1", "3a"] {
        let p: ValidationProfile = profile.parse().unwrap();
        let r = validate_pdf(pdf, &ValidationOptions::default().profile(p)).unwrap();
        out.extend(
            r.failures
                .iter()
                .map(|f| format!("{profile} {}", f.rule_id)),
        );
        if !r.is_compliant && r.failures.is_empty() {
            out.push(format!("{profile}: not compliant"));
        }
    }
    out
}

/// The catalogue's `/Lang`, and the languages its structure elements are given.
fn languages(pdf: &Path) -> (String, Vec<String>) {
    let doc = Document::load(pdf).unwrap();
    let text = |o: &Object| match o {
        Object::String(b, _) => String::from_utf8_lossy(b).into_owned(),
        _ => String::new(),
    };
    let catalog = doc.catalog().unwrap();
    let lang = text(catalog.get(b"Lang").unwrap());
    let mut elements = Vec::new();
    for (_, object) in doc.objects.iter() {
        if let Ok(d) = object.as_dict() {
            if d.has(b"S") && d.has(b"P") {
                if let Ok(l) = d.get(b"Lang") {
                    elements.push(text(l));
                }
            }
        }
    }
    (lang, elements)
}

/// The FHIR Bundle a sheet carries.
fn carried_bundle(pdf: &Path) -> serde_json::Value {
    let o = run(&["extract", pdf.to_str().unwrap(), "--bundle", "-o", "-"]);
    assert!(o.status.success(), "{}", stderr(&o));
    serde_json::from_slice(&o.stdout).unwrap()
}

/// When the tests' sheets are made (SOURCE_DATE_EPOCH in `common::bin`).
fn made() -> chrono::NaiveDate {
    DateTime::from_timestamp(1_795_000_000, 0)
        .unwrap()
        .date_naive()
}

#[test]
fn every_example_in_spanish_and_bilingual() {
    let dir = tempfile::tempdir().unwrap();
    let (en, es) = (Words::of(Language::English), Words::of(Language::Spanish));
    let (en_labels, es_labels) = (labels(Language::English), labels(Language::Spanish));
    assert!(en_labels.len() > 40 && es_labels.len() == en_labels.len());
    let mut problems = Vec::new();
    for intake in examples() {
        let name = intake.file_stem().unwrap().to_string_lossy().into_owned();
        let text = std::fs::read_to_string(&intake).unwrap();
        let guide_labels = guide_labels(&intake);
        let visit = toml::from_str::<toml::Value>(&text)
            .unwrap()
            .get("visit")
            .and_then(|v| v.get("when"))
            .cloned()
            .and_then(|w| w.as_datetime().and_then(|d| d.date))
            .map(|d| {
                chrono::NaiveDate::from_ymd_opt(d.year.into(), d.month.into(), d.day.into())
                    .unwrap()
            });
        let fonts = font_args(&intake);
        let fonts: Vec<&str> = fonts.iter().map(String::as_str).collect();

        // Spanish throughout.
        let pdf = dir.path().join(format!("{name}-es.pdf"));
        let mut args = vec!["--lang", "es"];
        args.extend(&fonts);
        render(&intake, &pdf, &args);
        let pages = page_count(&pdf);
        let whole: String = (1..=pages).map(|p| page_text(&pdf, p)).collect();
        for found in labels_in(&whole, &en_labels, &guide_labels) {
            problems.push(format!("{name} es: English label {found}"));
        }
        // The footer is in the text layer of the last page only.
        let footer_date = es.long_date(made());
        if !page_text(&pdf, pages).contains(&footer_date) {
            problems.push(format!(
                "{name} es: no Spanish date {footer_date:?} in the footer"
            ));
        }
        if let Some(day) = visit {
            if !page_text(&pdf, 1).contains(&es.long_date(day)) {
                problems.push(format!(
                    "{name} es: the visit's day not in Spanish on page 1"
                ));
            }
        }
        if !page_text(&pdf, pages).contains(&format!("Página {pages} de {pages}")) {
            problems.push(format!("{name} es: no \"Página {pages} de {pages}\""));
        }
        if let Some(report) = pdf_check_but_footer(&pdf, &intake) {
            problems.push(format!("{name} es: pdf-check: {report}"));
        }
        let (lang, elements) = languages(&pdf);
        if lang != "es" || !elements.is_empty() {
            problems.push(format!("{name} es: /Lang {lang}, elements {elements:?}"));
        }
        for f in validation_failures(&pdf) {
            problems.push(format!("{name} es: {f}"));
        }
        let bundle = carried_bundle(&pdf);
        if bundle["entry"][0]["resource"]["language"] != "es" {
            problems.push(format!("{name} es: the Composition's language is not es"));
        }

        // Bilingual: page 1 and the details for the doctor in English.
        let pdf = dir.path().join(format!("{name}-bi.pdf"));
        let mut args = vec!["--lang", "es", "--doctor-lang", "en"];
        args.extend(&fonts);
        render(&intake, &pdf, &args);
        let pages = page_count(&pdf);
        let first_mine = patient_part(&pdf, pages, &es.get("for-me-title"));
        let doctors: String = (1..first_mine).map(|p| page_text(&pdf, p)).collect();
        let mine: String = (first_mine..=pages).map(|p| page_text(&pdf, p)).collect();
        for found in labels_in(&doctors, &es_labels, &[]) {
            problems.push(format!(
                "{name} bilingual: Spanish label for the doctor {found}"
            ));
        }
        for found in labels_in(&mine, &en_labels, &[]) {
            problems.push(format!(
                "{name} bilingual: English label for the patient {found}"
            ));
        }
        if let Some(day) = visit {
            if !page_text(&pdf, 1).contains(&en.long_date(day)) {
                problems.push(format!("{name} bilingual: the visit's day not in English"));
            }
        }
        let (ok, report) = pdf_check(&pdf, &intake);
        if !ok {
            problems.push(format!("{name} bilingual: pdf-check: {report}"));
        }
        let (lang, elements) = languages(&pdf);
        if lang != "en" || elements.is_empty() || elements.iter().any(|l| l != "es") {
            problems.push(format!(
                "{name} bilingual: /Lang {lang}, elements {elements:?}"
            ));
        }
        for f in validation_failures(&pdf) {
            problems.push(format!("{name} bilingual: {f}"));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn the_checks_see_a_label_of_the_other_language() {
    // The same lists find the English labels on an English sheet, and the Spanish on a
    // Spanish one: the test above would see them.
    let dir = tempfile::tempdir().unwrap();
    let intake = example("complete.toml");
    let pdf = dir.path().join("en.pdf");
    render(&intake, &pdf, &[]);
    let english = page_text(&pdf, 1) + &page_text(&pdf, 2);
    assert!(labels_in(&english, &labels(Language::English), &[]).len() > 5);
    assert!(labels_in(&english, &labels(Language::Spanish), &[]).is_empty());
    render(&intake, &pdf, &["--lang", "es"]);
    let spanish = page_text(&pdf, 1) + &page_text(&pdf, 2);
    assert!(labels_in(&spanish, &labels(Language::Spanish), &[]).len() > 5);
}

#[test]
fn the_intake_chooses_the_language() {
    let dir = tempfile::tempdir().unwrap();
    let base = "guide = \"general\"\n[patient]\nname = \"Rosa Ejemplo\"\n";
    for (extra, title) in [
        ("language = \"Spanish\"\n", "Resumen para el médico"),
        ("language = \"español\"\n", "Resumen para el médico"),
        ("language = \"es\"\n", "Resumen para el médico"),
        ("language = \"Polski\"\n", "Visit summary"),
        (
            "[visit]\nsheet_language = \"fr\"\n",
            "Résumé de la consultation",
        ),
        (
            "language = \"English\"\n[visit]\nsheet_language = \"español\"\n",
            "Resumen para el médico",
        ),
    ] {
        let intake = dir.path().join("i.toml");
        std::fs::write(&intake, format!("{base}{extra}")).unwrap();
        let pdf = dir.path().join("i.pdf");
        render(&intake, &pdf, &[]);
        let first = page_text(&pdf, 1);
        assert!(first.starts_with(title), "{extra}: {first}");
    }
    // --lang stands over the intake's choice.
    let intake = dir.path().join("i.toml");
    std::fs::write(&intake, format!("{base}language = \"Spanish\"\n")).unwrap();
    let pdf = dir.path().join("i.pdf");
    render(&intake, &pdf, &["--lang", "English"]);
    assert!(page_text(&pdf, 1).starts_with("Visit summary"));
}

#[test]
fn a_language_the_sheet_lacks_is_refused_with_its_place() {
    let dir = tempfile::tempdir().unwrap();
    let intake = dir.path().join("i.toml");
    std::fs::write(
        &intake,
        "guide = \"general\"\n[patient]\nname = \"A\"\n[visit]\nsheet_language = \"Klingon\"\n",
    )
    .unwrap();
    let pdf = dir.path().join("i.pdf");
    let o = run(&[
        "render",
        intake.to_str().unwrap(),
        "-o",
        pdf.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    assert!(err.contains("i.toml:5:18"), "{err}");
    assert!(err.contains("visit.sheet_language"), "{err}");
    assert!(err.contains("Klingon"), "{err}");
    assert!(!pdf.exists());
    let o = run(&["render", intake.to_str().unwrap(), "--lang", "xx"]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(stderr(&o).contains("use en, es or fr"), "{}", stderr(&o));
}

#[test]
fn french_says_the_guide_is_in_english() {
    let dir = tempfile::tempdir().unwrap();
    let pdf = dir.path().join("fr.pdf");
    render(&example("complete.toml"), &pdf, &["--lang", "fr"]);
    let pages = page_count(&pdf);
    let fr = Words::of(Language::French);
    let first = patient_part(&pdf, pages, &fr.get("for-me-title"));
    let mine = page_text(&pdf, first);
    assert!(mine.contains(&fr.get("guide-in-english")), "{mine}");
    assert!(page_text(&pdf, pages).contains(&format!("Page {pages} sur {pages}")));
    assert!(page_text(&pdf, 1).starts_with("Résumé de la consultation"));
    // An English sheet has no such note.
    render(&example("complete.toml"), &pdf, &[]);
    let en = Words::of(Language::English);
    let first = patient_part(&pdf, page_count(&pdf), &en.get("for-me-title"));
    assert!(!page_text(&pdf, first).contains("not been translated"));
}

#[test]
fn every_example_in_spanish_in_large_print_keeps_every_string() {
    // Longer Spanish labels wrap sooner: in large print a label on two lines must not split
    // the value beside it for a reader of the text.
    let dir = tempfile::tempdir().unwrap();
    let mut problems = Vec::new();
    for intake in examples() {
        let name = intake.file_stem().unwrap().to_string_lossy().into_owned();
        let fonts = font_args(&intake);
        for (mode, extra) in [
            ("large", &["--large-print", "--diary-page"][..]),
            (
                "x-large",
                &["--print-size", "x-large", "--paper", "letter"][..],
            ),
        ] {
            for lang in [
                &["--lang", "es"][..],
                &["--lang", "es", "--doctor-lang", "en"][..],
            ] {
                let pdf = dir.path().join(format!("{name}-{mode}-{}.pdf", lang.len()));
                let mut args: Vec<&str> = extra.to_vec();
                args.extend(lang);
                args.extend(fonts.iter().map(String::as_str));
                render(&intake, &pdf, &args);
                if let Some(report) = pdf_check_but_footer(&pdf, &intake) {
                    problems.push(format!("{name} {mode} {lang:?}: {report}"));
                }
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}
