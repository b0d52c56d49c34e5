//! What the guides put on a patient's sheet, read back from the PDF with poppler: medicines
//! flagged by generic or brand name and by no other, the blood-clot warning for everyone,
//! an emergency line in the general guide, and the part about the condition.

mod common;

use std::path::Path;

use common::*;
use visitprep::guide::{contains_whole_words, Guide};

const SEEK_CARE: &str = "When to get care promptly";
/// Headings that can follow "When to get care promptly" on a sheet.
const LATER_HEADINGS: [&str; 5] = [
    "About this condition",
    "Good to know",
    "Examinations and tests the doctor may do",
    "Which department",
    "My questions for the doctor",
];

/// The diuretic and statin notes, as their explanations begin.
const DIURETIC_NOTE: &str = "Water pills may upset the balance of salts";
const STATIN_NOTE: &str = "Statins are among the medicines that can lead to leg cramps";

fn render_intake(dir: &Path, name: &str, intake: &str) -> String {
    let path = dir.join(format!("{name}.toml"));
    std::fs::write(&path, intake).unwrap();
    let out = dir.join(format!("{name}.pdf"));
    render(&path, &out, &[]);
    pdf_text(&out)
}

fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The text under a heading: from the line that is the heading to the next heading line.
fn section(text: &str, heading: &str) -> Option<String> {
    let lines: Vec<&str> = text.lines().map(str::trim).collect();
    let start = lines.iter().position(|l| *l == heading)?;
    let end = lines[start + 1..]
        .iter()
        .position(|l| LATER_HEADINGS.contains(l) || *l == heading)
        .map_or(lines.len(), |i| start + 1 + i);
    Some(one_line(&lines[start + 1..end].join("\n")))
}

fn medicine_intake(names: &[&str]) -> String {
    let mut intake =
        String::from("guide = \"nocturnal-leg-cramps\"\n[patient]\nname = \"Ann Example\"\n");
    for name in names {
        intake.push_str(&format!("[[medications]]\nname = \"{name}\"\n"));
    }
    intake
}

#[test]
fn brand_names_abbreviations_and_combinations_are_flagged_from_the_pdf() {
    let dir = tempfile::tempdir().unwrap();
    // Each medicine alone: the sheet explains its class, or nothing.
    let cases = [
        ("Lasix 40 mg", Some(DIURETIC_NOTE)),
        ("Lipitor", Some(STATIN_NOTE)),
        ("HCTZ", Some(DIURETIC_NOTE)),
        ("losartan/hydrochlorothiazide", Some(DIURETIC_NOTE)),
        ("Levothyroxine", None),
        ("metformin", None),
    ];
    for (i, (name, note)) in cases.iter().enumerate() {
        let text = one_line(&render_intake(
            dir.path(),
            &format!("m{i}"),
            &medicine_intake(&[name]),
        ));
        assert!(text.contains(name), "{name} is not on its sheet");
        for other in [DIURETIC_NOTE, STATIN_NOTE] {
            assert_eq!(
                text.contains(other),
                *note == Some(other),
                "{name}: the note {other:?} is {} on the sheet",
                if text.contains(other) {
                    "wrongly"
                } else {
                    "not"
                }
            );
        }
    }
    // All six in one list: four marks ("… note A …" beside a medicine; the notes themselves
    // start "Note A:"), two notes.
    let names: Vec<&str> = cases.iter().map(|(n, _)| *n).collect();
    let text = one_line(&render_intake(dir.path(), "all", &medicine_intake(&names)));
    assert_eq!(text.matches("(note A)").count(), 3, "{text}");
    assert_eq!(text.matches("(note B)").count(), 1, "{text}");
    assert_eq!(text.matches(DIURETIC_NOTE).count(), 1);
    assert_eq!(text.matches(STATIN_NOTE).count(), 1);
}

#[test]
fn medicine_names_match_as_the_patient_writes_them() {
    let guide = Guide::built_in("nocturnal-leg-cramps").unwrap();
    let class_of = |medicine: &str| -> Vec<&str> {
        guide
            .medication_flags
            .iter()
            .filter(|f| f.names.iter().any(|n| contains_whole_words(medicine, n)))
            .map(|f| f.id.as_str())
            .collect()
    };
    for (medicine, class) in [
        ("Lasix 40 mg", "diuretics"),
        ("LASIX", "diuretics"),
        ("HCTZ 25mg", "diuretics"),
        ("Lisinopril-HCTZ 20/12.5", "diuretics"),
        ("losartan/hydrochlorothiazide", "diuretics"),
        ("losartan-hydrochlorothiazide 50/12.5 mg", "diuretics"),
        ("Co-amilofruse 5/40", "diuretics"),
        ("co amilofruse", "diuretics"),
        ("Diovan HCT", "diuretics"),
        ("Cozaar-Comp", "diuretics"),
        ("Bendroflumethiazide 2.5 mg", "diuretics"),
        ("chlortalidone", "diuretics"),
        ("Furosemide (Lasix)", "diuretics"),
        ("Aldactone 25", "diuretics"),
        ("Lipitor 20 mg", "statins"),
        ("Zocor", "statins"),
        ("Crestor 10mg", "statins"),
        ("Simvastatin", "statins"),
        ("ezetimibe/simvastatin (Inegy)", "statins"),
        ("amlodipine/atorvastatin", "statins"),
    ] {
        assert_eq!(class_of(medicine), [class], "{medicine}");
    }
    // Not members of either class, though some sit beside them in the same box or sound alike.
    for medicine in [
        "Levothyroxine",
        "metformin",
        "losartan",
        "Cozaar",
        "Diovan",
        "Atacand",
        "lisinopril",
        "amlodipine",
        "ezetimibe",
        "Ezetrol",
        "Zetia",
        "Nexlizet",
        "bempedoic acid",
        "fenofibrate",
        "paracetamol",
        "ibuprofen",
        "calcium carbonate",
        "insulin",
        "vitamin D",
        "prenatal vitamin",
        "Lasixx",
        "hctzone",
        "co",
        "plus",
    ] {
        assert!(
            class_of(medicine).is_empty(),
            "{medicine} is flagged: {:?}",
            class_of(medicine)
        );
    }
}

#[test]
fn no_name_is_in_two_classes_and_every_class_has_brands() {
    let guide = Guide::built_in("nocturnal-leg-cramps").unwrap();
    let flags = &guide.medication_flags;
    assert_eq!(flags.len(), 2, "only the classes the article names");
    for a in flags[0].names.iter() {
        assert!(
            !flags[1].names.iter().any(|b| b.eq_ignore_ascii_case(a)),
            "{a} is in both classes"
        );
    }
    for f in flags {
        let capitalised = f
            .names
            .iter()
            .filter(|n| n.starts_with(char::is_uppercase))
            .count();
        assert!(capitalised >= 10, "{}: {capitalised} brand names", f.id);
    }
}

#[test]
fn a_seventy_year_old_who_is_not_pregnant_is_warned_about_a_clot() {
    let dir = tempfile::tempdir().unwrap();
    let intake = "guide = \"nocturnal-leg-cramps\"\n[patient]\nname = \"Ann Example\"\n\
                  born = 1956-03-14\npregnant = false\n[visit]\nwhen = 2026-12-02T09:30:00\n";
    let text = render_intake(dir.path(), "ann", intake);
    assert!(one_line(&text).contains("70 years old"), "{text}");
    let care = section(&text, SEEK_CARE).unwrap_or_else(|| panic!("no {SEEK_CARE}: {text}"));
    for warning in [
        "One leg changes colour, or feels warmer or colder than the other leg.",
        "it can be a sign of a blood clot. Get seen by a doctor today.",
        "One calf (the back of the lower leg) is swollen and painful: get seen by a doctor today.",
        "You suddenly find it hard to breathe (breathlessness), have chest pain, or cough up blood: call the emergency number",
        "One leg suddenly turns cold and pale: call the emergency number",
        "call the emergency number",
    ] {
        assert!(
            care.contains(warning),
            "{warning:?} is not under {SEEK_CARE}: {care}"
        );
    }
    // The pregnancy content stays for pregnant patients.
    assert!(!text.contains("maternity record"));
}

#[test]
fn the_general_guide_has_an_emergency_line() {
    let dir = tempfile::tempdir().unwrap();
    let text = render_intake(
        dir.path(),
        "g",
        "guide = \"general\"\n[patient]\nname = \"Ann Example\"\n",
    );
    let care = section(&text, SEEK_CARE).unwrap_or_else(|| panic!("no {SEEK_CARE}: {text}"));
    assert!(
        care.contains("Something sudden and very bad happens: call the emergency number"),
        "{care}"
    );
    assert!(care.contains("at once"), "{care}");
    // No condition, so no part about one.
    assert!(!text.contains("About this condition"));
}

#[test]
fn the_sheet_says_what_the_condition_is_and_points_to_a_heading_it_has() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("c.pdf");
    render(&example("complete.toml"), &out, &[]);
    let text = pdf_text(&out);
    let about = section(&text, "About this condition").expect("an About part");
    for expected in [
        "A leg cramp at night is a sudden, strong tightening of a leg muscle",
        "more common in older people and in pregnant women",
        "Cold legs: legs left uncovered at night",
        "usually do not lead to other health problems",
        "It may feel tired or sore for a while",
        "Treatment aims at that cause",
    ] {
        assert!(about.contains(expected), "{expected:?} not in: {about}");
    }
    // "What to watch for" sends the reader to a heading: it must be on the sheet.
    assert!(about.contains(&format!("\"{SEEK_CARE}\"")));
    assert!(section(&text, SEEK_CARE).is_some());
    // The reflex test, lying on the back; the examination first.
    let line = one_line(&text);
    assert!(line.contains("You lie on your back. The doctor bends your hip and knee"));
    assert!(line.contains("The doctor usually examines you first. Tests may come after"));
    assert!(line.contains("test it with your hand so it cannot burn you"));
}

#[test]
fn check_says_a_guide_file_without_sources_is_unreviewed() {
    let dir = tempfile::tempdir().unwrap();
    let guide = "id = \"foot\"\ntitle = \"Foot clinic\"\nsummary = \"For sore feet.\"\n\
                 [[doctor_questions]]\nid = \"where\"\ntext = \"Where does it hurt?\"\n\
                 [[doctor_questions]]\nid = \"since\"\ntext = \"Since when?\"\nsource = \"practical\"\n";
    std::fs::write(dir.path().join("foot.toml"), guide).unwrap();
    let intake = dir.path().join("ann.toml");
    std::fs::write(
        &intake,
        "guide = \"foot.toml\"\n[patient]\nname = \"Ann\"\n",
    )
    .unwrap();
    let o = run(&["check", intake.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    let out = stdout(&o);
    assert!(
        out.contains("the guide is unreviewed: 2 of its statements name no `source`"),
        "{out}"
    );

    let o = bin()
        .current_dir(dir.path())
        .args(["guides", "foot.toml", "--sources"])
        .output()
        .unwrap();
    let out = stdout(&o);
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(out.matches("(none: unreviewed)").count(), 2, "{out}");
    assert!(
        out.contains("3 statements: 0 from the article, 1 practical only, 2 without a source."),
        "{out}"
    );

    // A built-in guide is reviewed: check says nothing of the kind.
    let o = run(&["check", example("complete.toml").to_str().unwrap()]);
    assert!(!stdout(&o).contains("unreviewed"), "{}", stdout(&o));
}

#[test]
fn guides_sources_shows_a_source_beside_every_statement() {
    let o = run(&["guides", "nocturnal-leg-cramps", "--sources"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let out = stdout(&o);
    let guide = Guide::built_in("nocturnal-leg-cramps").unwrap();
    let n = guide.statements().len();
    assert!(out.contains(&format!("{n} statements: ")), "{out}");
    assert!(out.contains(" 0 without a source."), "{out}");
    assert!(!out.contains("(none: unreviewed)"));
    // Side by side: the statement's first words and its source on one line.
    assert!(
        out.lines()
            .any(|l| l.starts_with("One leg changes colour")
                && l.ends_with("- Physical examination:")),
        "{out}"
    );
    assert!(out
        .lines()
        .any(|l| l.contains("Something sudden and very bad") && l.ends_with("- practical")));
    assert!(out.contains("Source article: Nocturnal leg cramps"));
    // --sources needs a guide.
    assert_eq!(run(&["guides", "--sources"]).status.code(), Some(2));
}

#[test]
fn department_hints_follow_only_what_the_article_links_to_them() {
    use visitprep::guide::Facts;
    let guide = Guide::built_in("nocturnal-leg-cramps").unwrap();
    let hints = |words: &str| -> Vec<String> {
        let facts = Facts {
            own_words: words.into(),
            ..Facts::default()
        };
        guide
            .department_hints
            .iter()
            .filter(|h| facts.holds(&h.when))
            .map(|h| h.department.clone())
            .collect()
    };
    // Thyroid disease is not in the article; cold legs are an everyday cause, not vascular
    // disease; a suspected clot goes to prompt care, not to a department.
    for words in [
        "thyroid disease",
        "hypothyroidism, on levothyroxine",
        "overactive thyroid",
        "my legs are cold at night and my feet are cold",
        "cold feet",
        "pale skin",
        "I had a blood clot in 2019",
        "thrombosis",
    ] {
        assert!(
            hints(words).is_empty(),
            "{words:?} gives {:?}",
            hints(words)
        );
    }
    for (words, department) in [
        ("type 2 diabetes", "(endocrinology)"),
        ("hyperparathyroidism", "(endocrinology)"),
        ("low calcium", "(endocrinology)"),
        ("my feet feel numb", "(neurology)"),
        ("lumbar disc herniation", "(orthopedics)"),
        ("pain when I walk far", "(vascular surgery)"),
        ("narrowed arteries in my legs", "(vascular surgery)"),
    ] {
        let found = hints(words);
        assert!(
            found.iter().any(|d| d.ends_with(department)),
            "{words:?} gives {found:?}"
        );
    }
}
