//! The sheet knows the condition: medicine flags, departments, the cramp diary, pregnancy.

mod common;

use common::*;

fn sheet_text(intake: &std::path::Path, args: &[&str]) -> String {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("s.pdf");
    render(intake, &out, args);
    // One line per visual line; join them so phrases that wrap can be found.
    pdf_text(&out)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

#[test]
fn diuretic_and_statin_are_marked_and_explained_once() {
    let text = sheet_text(&example("complete.toml"), &[]);
    let mark = |letter: char| {
        format!("May add to the cramps (note {letter}): keep taking it; ask your doctor")
    };
    assert_eq!(text.matches(&mark('A')).count(), 1, "{text}");
    assert_eq!(text.matches(&mark('B')).count(), 1);
    assert_eq!(text.matches("Note A: Water pills (diuretics).").count(), 1);
    assert_eq!(
        text.matches("Note B: Cholesterol medicines (statins).")
            .count(),
        1
    );
    assert_eq!(text.matches("Keep taking your medicine").count(), 2);
    assert!(text.contains("Any change must come from your doctor"));
    // metformin and paracetamol are not flagged: two notes only.
    assert!(!text.contains("(note C)"));
}

#[test]
fn diabetes_suggests_endocrinology_and_the_booked_department_is_shown() {
    let text = sheet_text(&example("complete.toml"), &[]);
    assert!(
        text.contains("Hormones and diabetes (endocrinology): You wrote about diabetes"),
        "{text}"
    );
    assert!(text.contains("Booked: Neurology"));
    // Maria wrote that her feet feel numb: neurology fits, and it is the one booked.
    assert!(text.contains("Nerves and the brain (neurology, booked): You wrote about numbness"));
    assert!(!text.contains("(obstetrics)"));
}

#[test]
fn diary_figures_are_stated_correctly() {
    let text = sheet_text(&example("complete.toml"), &[]);
    // Nights 3, 6, 10, 14, 18, 22, 24 November: 22 days, severities 6 7 5 8 7 6 7,
    // minutes 3 5 2 6 4 3 4, times 02:40 03:15 01:50 03:05 04:20 02:30 03:10.
    for expected in [
        "Cramps logged: 7 entries from 3 November 2026 to 24 November 2026",
        "How often: about 2 a week",
        "Severity (0 to 10): average 6.6, worst 8",
        "How long: average 3.9 minutes, longest 6 minutes",
        "Most often in: right calf (4 of 7)",
        "When in the night: between 01:50 and 04:20, typically around 03:05",
        "Cramps per week (weeks start on Monday)",
    ] {
        assert!(text.contains(expected), "missing {expected:?} in {text}");
    }
}

#[test]
fn the_chart_is_drawn_as_grey_bars() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("s.pdf");
    render(&example("complete.toml"), &out, &[]);
    let pdf = Pdf::load(&out);
    // Weeks of 2, 9, 16 and 23 November hold 2, 2, 2 and 1 cramps: four filled rectangles.
    let mut bars = 0;
    for page in 1..=pdf.pages() as u32 {
        let id = pdf.doc.get_pages()[&page];
        let ops = pdf.doc.get_and_decode_page_content(id).unwrap().operations;
        let mut grey = None;
        for op in &ops {
            if op.operator == "g" {
                grey = op.operands[0].as_float().ok();
            }
            if op.operator == "re" && grey.is_some_and(|g| (g - 0.55).abs() < 0.01) {
                bars += 1;
            }
        }
    }
    assert_eq!(bars, 4);
}

#[test]
fn pregnancy_content_only_for_a_pregnant_patient() {
    let pregnant = sheet_text(&example("pregnant.toml"), &[]);
    let other = sheet_text(&example("complete.toml"), &[]);
    for marker in [
        "Pregnant: Yes, week 29",
        "Calcium during pregnancy",
        "Bring your maternity record",
        "Pregnancy care (obstetrics",
    ] {
        assert!(pregnant.contains(marker), "pregnant sheet lacks {marker:?}");
        assert!(
            !other.contains(marker),
            "{marker:?} shown to a patient who is not pregnant"
        );
    }
}

#[test]
fn diary_page_adds_a_blank_grid_on_its_own_page() {
    let dir = tempfile::tempdir().unwrap();
    let (plain, with) = (dir.path().join("a.pdf"), dir.path().join("b.pdf"));
    render(&example("complete.toml"), &plain, &[]);
    render(&example("complete.toml"), &with, &["--diary-page"]);
    let (a, b) = (Pdf::load(&plain), Pdf::load(&with));
    assert_eq!(b.pages(), a.pages() + 1);
    let last = b.pages();
    let o = std::process::Command::new("pdftotext")
        .args([
            "-f",
            &last.to_string(),
            "-l",
            &last.to_string(),
            "-enc",
            "UTF-8",
        ])
        .arg(&with)
        .arg("-")
        .output()
        .unwrap();
    let page = squash(&String::from_utf8(o.stdout).unwrap());
    for col in [
        "Night",
        "Time",
        "Woke me?",
        "Leg and muscle",
        "Minutes",
        "Severity 0–10",
        "What helped / trigger",
    ] {
        assert!(
            page.contains(&squash(col)),
            "blank grid lacks {col:?}: {page}"
        );
    }
}
