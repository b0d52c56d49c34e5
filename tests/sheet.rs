//! The visit sheet end to end: the real binary renders, independent readers read it back.

mod common;

use common::*;

const MODES: [(&str, &[&str]); 3] = [
    ("a4", &[]),
    ("letter", &["--paper", "letter"]),
    ("large", &["--large-print"]),
];

#[test]
fn every_example_renders_in_every_mode_and_loses_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let mut names: Vec<String> = std::fs::read_dir(example(""))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".toml"))
        .collect();
    names.sort();
    assert!(names.len() >= 4, "{names:?}");
    for name in &names {
        let intake = example(name);
        let text = std::fs::read_to_string(&intake).unwrap();
        // An example in a script the built-in fonts lack names its font in a comment.
        let font = text
            .lines()
            .find_map(|l| l.strip_prefix("# font: "))
            .map(str::trim);
        for (mode, args) in MODES {
            let out = dir.path().join(format!("{name}-{mode}.pdf"));
            let mut args = args.to_vec();
            if let Some(font) = font {
                args.extend(["--font", font]);
            }
            render(&intake, &out, &args);
            let pdf = Pdf::load(&out);
            assert!(pdf.pages() >= 1);
            let (w, h) = pdf.page_size(1);
            if mode == "letter" {
                assert_eq!((w.round(), h.round()), (612.0, 792.0), "{name}");
            } else {
                assert_eq!((w.round(), h.round()), (595.0, 842.0), "{name}");
            }
            assert_nothing_lost(&text, &out);
            let last = pdf.pages();
            assert!(
                pdf_text(&out).contains(&format!("Page {last} of {last}")),
                "{name} {mode}: no 'Page {last} of {last}'"
            );
        }
    }
}

#[test]
fn fonts_are_embedded_subsets() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("s.pdf");
    render(&example("complete.toml"), &out, &[]);
    let fonts = Pdf::load(&out).fonts();
    assert!(
        fonts.iter().any(|(n, _)| n.ends_with("NotoSans-Regular")),
        "{fonts:?}"
    );
    assert!(
        fonts.iter().any(|(n, _)| n.ends_with("NotoSans-Bold")),
        "{fonts:?}"
    );
    // Text typed into the form's fields is shown in Helvetica, which every viewer has (the
    // subsets cannot show what is typed); no page draws with it.
    let doc = lopdf::Document::load(&out).unwrap();
    let form = doc
        .catalog()
        .unwrap()
        .get(b"AcroForm")
        .unwrap()
        .as_dict()
        .unwrap();
    let typed = form
        .get(b"DR")
        .unwrap()
        .as_dict()
        .unwrap()
        .get(b"Font")
        .unwrap();
    let typed: Vec<_> = typed.as_dict().unwrap().iter().collect();
    assert_eq!(typed.len(), 1, "{typed:?}");
    let helvetica = typed[0].1.as_reference().unwrap();
    let font = doc.get_dictionary(helvetica).unwrap();
    assert_eq!(
        font.get(b"BaseFont").unwrap().as_name().unwrap(),
        b"Helvetica"
    );
    for (n, page) in doc.get_pages() {
        let drawn = doc.get_page_fonts(page).unwrap();
        assert!(!drawn.is_empty());
        for (key, font) in drawn {
            let name = font.get(b"BaseFont").unwrap().as_name().unwrap();
            assert!(!name.ends_with(b"Helvetica"), "page {n} draws with {key:?}");
        }
    }
    for (name, embedded) in fonts.iter().filter(|(n, _)| n != "Helvetica") {
        assert!(embedded, "{name} is not embedded");
        // A subset's name carries a six-letter tag: ABCDEF+NotoSans-Regular.
        let tag = name.split('+').next().unwrap();
        assert!(
            name.contains('+') && tag.len() == 6 && tag.chars().all(|c| c.is_ascii_uppercase()),
            "{name} is not a subset"
        );
    }
    let size = std::fs::metadata(&out).unwrap().len();
    assert!(
        size < 200_000,
        "subsetting should keep the file small, got {size} bytes"
    );
}

#[test]
fn metadata_names_the_sheet_patient_and_visit() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("s.pdf");
    render(&example("complete.toml"), &out, &[]);
    let pdf = Pdf::load(&out);
    assert_eq!(
        pdf.info("Title"),
        "Visit sheet: Leg cramps at night - Maria Example"
    );
    assert_eq!(pdf.info("Author"), "Maria Example");
    assert!(
        pdf.info("Subject").contains("2 December 2026"),
        "{}",
        pdf.info("Subject")
    );
    // SOURCE_DATE_EPOCH 1795000000 is 2026-11-18 11:06:40 UTC.
    assert!(
        pdf.info("CreationDate").starts_with("D:20261118110640"),
        "{}",
        pdf.info("CreationDate")
    );
    // The file claims no PDF/X conformance it does not have.
    let info = pdf.doc.trailer.get(b"Info").unwrap();
    let info = pdf.doc.dereference(info).unwrap().1.as_dict().unwrap();
    assert!(!info.has(b"GTS_PDFXVersion"), "{info:?}");
}

#[test]
fn same_input_and_source_date_give_the_same_bytes() {
    let dir = tempfile::tempdir().unwrap();
    let (a, b) = (dir.path().join("a.pdf"), dir.path().join("b.pdf"));
    render(&example("complete.toml"), &a, &[]);
    render(&example("complete.toml"), &b, &[]);
    assert_eq!(std::fs::read(&a).unwrap(), std::fs::read(&b).unwrap());
}

#[test]
fn header_shows_age_at_the_visit_and_the_footer_the_generation_date() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("s.pdf");
    render(&example("complete.toml"), &out, &[]);
    let text = pdf_text(&out);
    assert!(
        text.contains("14 March 1956 (70 years old at the visit)"),
        "{text}"
    );
    assert!(text.contains("Wednesday 2 December 2026, 09:30"));
    assert!(text.contains("St. Mary Hospital, Neurology"));
    assert!(text.contains("made 18 November 2026"));
}

#[test]
fn body_text_is_at_least_11_pt_and_14_pt_in_large_print() {
    let dir = tempfile::tempdir().unwrap();
    for (args, least) in [(&[][..], 11.0f32), (&["--large-print"][..], 14.0)] {
        let out = dir.path().join("s.pdf");
        render(&example("complete.toml"), &out, args);
        let pdf = Pdf::load(&out);
        let mut sizes = Vec::new();
        for page in 1..=pdf.pages() as u32 {
            sizes.extend(pdf.font_sizes(page));
        }
        // The body is the most used size; smaller sizes are kept to footers and chart labels.
        let mut counts: Vec<(i32, usize)> = Vec::new();
        for s in &sizes {
            let k = (s * 10.0).round() as i32;
            match counts.iter_mut().find(|(v, _)| *v == k) {
                Some(c) => c.1 += 1,
                None => counts.push((k, 1)),
            }
        }
        let body = counts.iter().max_by_key(|c| c.1).unwrap().0 as f32 / 10.0;
        assert!(body >= least, "body text is {body} pt");
        let small = sizes.iter().filter(|s| **s < least).count();
        assert!(
            small * 4 < sizes.len(),
            "too much small text: {small} of {}",
            sizes.len()
        );
    }
}

#[test]
fn unanswered_questions_print_with_lines_and_answers_keep_paragraphs() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("s.pdf");
    render(&example("complete.toml"), &out, &[]);
    let text = pdf_text(&out);
    // walking_pain is left open in the example: its question must still be there.
    assert!(
        text.contains("Do your legs hurt or feel weak when you walk"),
        "{text}"
    );
    let pos = text.find("The pain is about 7 out of 10.").unwrap();
    assert!(text[pos..].contains("After a cramp the calf stays sore"));
}

fn stress_intake() -> String {
    let words = [
        "cramp", "calf", "night", "pain", "sleep", "walk", "leg", "muscle",
    ];
    let answer: Vec<&str> = (0..5000).map(|i| words[i * 7 % words.len()]).collect();
    let mut t = format!(
        "guide = \"nocturnal-leg-cramps\"\n[patient]\nname = \"O'Brien (Test) \\\\ back\\\\slash %\"\n\
         born = 1950-01-02\n[visit]\nwhen = 2026-12-02\nreason = \"Ζωή Жизнь zażółć gęślą jaźń → ← ✓\"\n\
         [answers]\ndiscomfort = \"{}\"\nsince = \"\"\"one\n\ntwo {}\"\"\"\n",
        answer.join(" "),
        "x".repeat(300)
    );
    for i in 0..40 {
        t += &format!(
            "[[medications]]\nname = \"medicine {i} atorvastatin\"\ndose = \"{i} mg\"\n\
             how_often = \"twice a day with food, and a long note about when\"\nreason = \"reason {i}\"\n"
        );
    }
    for i in 0..200 {
        t += &format!(
            "[[diary]]\nnight = 2025-{:02}-{:02}\nat = 02:30:00\nminutes = {}\nwhere = \"place {}\"\nseverity = {}\nnote = \"note {i}\"\n",
            1 + (i / 28) % 12,
            1 + i % 28,
            1 + i % 7,
            i % 5,
            i % 11
        );
    }
    t
}

#[test]
fn a_huge_intake_renders_to_a_complete_multi_page_sheet() {
    let dir = tempfile::tempdir().unwrap();
    let intake = dir.path().join("stress.toml");
    let text = stress_intake();
    std::fs::write(&intake, &text).unwrap();
    for (mode, args) in MODES {
        let out = dir.path().join(format!("stress-{mode}.pdf"));
        render(&intake, &out, args);
        let pages = Pdf::load(&out).pages();
        assert!(pages >= 15, "{mode}: only {pages} pages");
        assert_nothing_lost(&text, &out);
    }
}

#[test]
fn greek_cyrillic_polish_and_arrows_print_without_warnings() {
    let dir = tempfile::tempdir().unwrap();
    let intake = dir.path().join("i.toml");
    let text = "guide = \"general\"\n[patient]\nname = \"Zoë Łukasiewicz-Ødegård\"\n[answers]\n\
                discomfort = \"Πόνος — боль в ноге → хуже ночью ← ✓ ☐ ☑ €\"\n";
    std::fs::write(&intake, text).unwrap();
    let out = dir.path().join("i.pdf");
    let o = render(&intake, &out, &[]);
    assert!(!stderr(&o).contains("warning"), "{}", stderr(&o));
    assert_nothing_lost(text, &out);
}

#[test]
fn a_hyphen_at_the_end_of_a_line_stays_in_the_text() {
    // Spaced hyphens all through a long answer: some line is bound to end with one.
    let answer = "Cramps - left calf - at night - worse after walking - ".repeat(12);
    let intake = format!(
        "guide = \"nocturnal-leg-cramps\"\n[patient]\nname = \"Hyphen Example\"\n[answers]\ndiscomfort = \"{}\"\n",
        answer.trim()
    );
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("intake.toml");
    std::fs::write(&path, &intake).unwrap();
    let out = dir.path().join("s.pdf");
    render(&path, &out, &[]);
    let text = pdf_text(&out);
    assert!(
        text.lines().any(|l| l.trim_end().ends_with(" -")),
        "no line ends with a hyphen, so this test tests nothing:\n{text}"
    );
    assert_nothing_lost(&intake, &out);
}
