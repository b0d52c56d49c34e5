//! The sheet's promise, as a property: whatever ordinary text a patient writes, in any field,
//! every word of it can be read back from the PDF, by poppler and by MuPDF alike.

mod common;

use common::*;
use proptest::collection::vec;
use proptest::prelude::*;
use toml::{Table, Value};

/// A word as people write them: letters of several scripts, digits, punctuation, the
/// characters TOML and PDF escape, hyphens and dashes, sometimes very long.
fn word() -> BoxedStrategy<String> {
    let letter = prop_oneof![
        6 => prop::char::range('a', 'z'),
        2 => prop::char::range('A', 'Z'),
        2 => prop::char::range('0', '9'),
        2 => prop::sample::select("-.,;:!?()'\"\\/%&+*=#@_".chars().collect::<Vec<_>>()),
        1 => prop::sample::select("éüßøłąćżŁÅñçœ".chars().collect::<Vec<_>>()),
        1 => prop::sample::select("αβγδΩЖжяшё".chars().collect::<Vec<_>>()),
        1 => prop::sample::select("—–“”‘’…°½€→✓".chars().collect::<Vec<_>>()),
    ];
    // Words in scripts that are shaped: Devanagari conjuncts and vowel signs, Thai tone
    // marks and sara am, written as whole syllables.
    let devanagari = prop::sample::select(vec![
        "क",
        "कि",
        "क्ष",
        "र्द",
        "मु",
        "झे",
        "पै",
        "ऐं",
        "ठ",
        "न",
        "हो",
        "ती",
        "ज़्या",
        "श्र",
    ]);
    let thai = prop::sample::select(vec![
        "ฉัน",
        "เป็น",
        "ตะ",
        "คริว",
        "ที่",
        "ขา",
        "ทำ",
        "ให้",
        "นอน",
        "ไม่",
        "หลับ",
        "ค่ะ",
    ]);
    prop_oneof![
        12 => vec(letter.clone(), 1..12).prop_map(String::from_iter),
        1 => vec(letter, 30..90).prop_map(String::from_iter),
        1 => vec(devanagari, 1..5).prop_map(|s| s.concat()),
        1 => vec(thai, 1..6).prop_map(|s| s.concat()),
    ]
    .boxed()
}

/// The Noto fonts for the shaped scripts the words are written in (scripts/test.sh installs
/// them): one is given as `--font`, the other script then prints as placeholders whose text
/// is still the patient's.
const SCRIPT_FONTS: [&str; 2] = [
    "/usr/share/fonts/truetype/noto/NotoSansDevanagari-Regular.ttf",
    "/usr/share/fonts/truetype/noto/NotoSansThai-Regular.ttf",
];

/// Words joined by one or more spaces, now and then a new paragraph.
fn text() -> BoxedStrategy<String> {
    vec(
        (
            word(),
            prop_oneof![8 => Just(" "), 1 => Just("  "), 1 => Just("\n")],
        ),
        1..60,
    )
    .prop_map(|parts| {
        parts
            .into_iter()
            .map(|(w, sep)| w + sep)
            .collect::<String>()
            .trim()
            .to_string()
    })
    .boxed()
}

#[derive(Debug, Clone)]
struct Fields {
    reason: String,
    answers: Vec<String>,
    allergies: Vec<String>,
    medication: [String; 4],
    own: Vec<String>,
}

fn fields() -> impl Strategy<Value = Fields> {
    (
        text(),
        vec(text(), 1..4),
        vec(word(), 0..3),
        [word(), word(), text(), text()],
        vec(text(), 0..3),
    )
        .prop_map(|(reason, answers, allergies, medication, own)| Fields {
            reason,
            answers,
            allergies,
            medication,
            own,
        })
}

/// The intake as TOML, every string escaped by the `toml` serializer.
fn intake(f: &Fields) -> String {
    let s = |v: &str| Value::String(v.to_string());
    let mut patient = Table::new();
    patient.insert("name".into(), s("Property Example"));
    let mut visit = Table::new();
    visit.insert("reason".into(), s(&f.reason));
    let ids = ["discomfort", "since", "pattern"];
    let answers: Table = ids
        .iter()
        .zip(&f.answers)
        .map(|(id, a)| (id.to_string(), s(a)))
        .collect();
    let mut health = Table::new();
    health.insert(
        "allergies".into(),
        Value::Array(f.allergies.iter().map(|a| s(a)).collect()),
    );
    let mut medication = Table::new();
    for (key, value) in ["name", "dose", "how_often", "reason"]
        .iter()
        .zip(&f.medication)
    {
        medication.insert(key.to_string(), s(value));
    }
    let mut questions = Table::new();
    questions.insert(
        "own".into(),
        Value::Array(f.own.iter().map(|q| s(q)).collect()),
    );

    let mut root = Table::new();
    root.insert("guide".into(), s("nocturnal-leg-cramps"));
    root.insert("patient".into(), Value::Table(patient));
    root.insert("visit".into(), Value::Table(visit));
    root.insert("answers".into(), Value::Table(answers));
    root.insert("health".into(), Value::Table(health));
    root.insert("questions".into(), Value::Table(questions));
    root.insert(
        "medications".into(),
        Value::Array(vec![Value::Table(medication)]),
    );
    toml::to_string(&root).expect("the test's intake serializes")
}

/// The text MuPDF extracts.
fn mupdf_text(pdf: &std::path::Path) -> String {
    let o = std::process::Command::new("mutool")
        .args(["draw", "-q", "-N", "-F", "txt", "-o", "-"])
        .arg(pdf)
        .output()
        .expect("mutool runs: install mupdf-tools");
    assert!(o.status.success(), "mutool failed on {}", pdf.display());
    String::from_utf8(o.stdout).expect("mutool gives UTF-8")
}

/// `text` without the lines of the running footer ("Visit sheet for … · made …", "Page N of M").
fn without_footers(text: &str) -> String {
    text.lines()
        .filter(|l| {
            let l = l.trim();
            let page_n_of_m = l
                .strip_prefix("Page ")
                .and_then(|rest| rest.split_once(" of "))
                .is_some_and(|(n, m)| {
                    n.chars().all(|c| c.is_ascii_digit()) && m.chars().all(|c| c.is_ascii_digit())
                });
            let footer = l.starts_with("Visit sheet for ") && l.contains(" · made ");
            !page_n_of_m && !footer
        })
        .collect::<Vec<_>>()
        .join("\n")
}

proptest! {
    #![proptest_config(proptest_config(24, "proptest-regressions/nothing_lost.txt"))]

    #[test]
    fn every_word_written_is_read_back(
        f in fields(),
        large_print in any::<bool>(),
        font in prop::sample::select(SCRIPT_FONTS.to_vec()),
    ) {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("intake.toml");
        let text = intake(&f);
        std::fs::write(&path, &text).unwrap();
        let out = dir.path().join("sheet.pdf");
        let mut args = vec!["--font", font];
        if large_print {
            args.push("--large-print");
        }
        render(&path, &out, &args);
        // A medicine row too tall for half a page is set band by band, and a band that
        // opens a page sits under the table's repeated header: readers then read across the
        // row's cells and the header between the lines of one cell. In the table every word
        // must be there; everywhere else, every field whole.
        let read = squash(&pdf_text(&out));
        for (field, value) in intake_strings(&text) {
            if field.starts_with("medications") {
                for word in value.split_whitespace() {
                    prop_assert!(read.contains(&squash(word)), "{} = {:?}: {:?} is missing in poppler's text", field, value, word);
                }
            } else {
                prop_assert!(read.contains(&squash(&value)), "{} = {:?} is missing in poppler's text", field, value);
            }
        }
        // And through MuPDF, which reads text by its own rules: page by page, so the running
        // footer stands between the pages' text and is taken out first; and line by line
        // across a table, so the cells of the medication table are left to poppler.
        let read = squash(&without_footers(&mupdf_text(&out)));
        for (field, value) in intake_strings(&text) {
            if field.starts_with("medications") {
                continue;
            }
            prop_assert!(read.contains(&squash(&value)), "{} = {:?} is missing in MuPDF's text", field, value);
        }
    }
}
