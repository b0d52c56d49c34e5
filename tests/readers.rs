//! Every reader reads it right: sheets answered in Arabic, Hebrew, Greek and in Arabic mixed
//! with English words, read back by six independent PDF readers: poppler (`pdftotext`),
//! MuPDF's command line (`mutool draw -F txt`) and its library (PyMuPDF), pdfminer.six,
//! pypdf and pdf.js (Firefox's viewer, run with node). Each answer counts as read when the
//! reader's text holds it as typed: its characters in logical order with its word spaces.
//! The table of readers × answers is printed; README's "Known reader limits" is written
//! from it.
//!
//! The Python readers and pdf.js are installed by scripts/test.sh (pip, and `npm ci` in
//! tests/readers/).

mod common;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;

use common::*;

const READERS: [&str; 6] = [
    "poppler", "mutool", "PyMuPDF", "pdfminer", "pypdf", "pdf.js",
];

/// A rendered sheet and the answers in it that are written in another script than Latin.
struct Sheet {
    name: &'static str,
    pdf: PathBuf,
    answers: Vec<String>,
}

fn is_rtl(c: char) -> bool {
    matches!(c, '\u{0590}'..='\u{08FF}' | '\u{FB1D}'..='\u{FEFC}')
}

fn is_greek(c: char) -> bool {
    matches!(c, '\u{0370}'..='\u{03FF}' | '\u{1F00}'..='\u{1FFF}')
}

/// Right-to-left text with Latin words in it, in one line.
fn is_mixed(s: &str) -> bool {
    s.chars().any(is_rtl) && s.chars().any(|c| c.is_ascii_alphabetic())
}

/// The font an example names in its `# font:` line.
fn font_line(intake: &str) -> String {
    intake
        .lines()
        .find_map(|l| l.strip_prefix("# font:"))
        .map(|f| f.trim().to_string())
        .expect("the example names its font in a `# font:` line")
}

fn sheet(name: &'static str, intake: &Path, font: &str, dir: &Path) -> Sheet {
    let text = std::fs::read_to_string(intake).unwrap();
    let pdf = dir.join(format!("{name}.pdf"));
    render(intake, &pdf, &["--font", font]);
    let answers = intake_strings(&text)
        .into_iter()
        .map(|(_, s)| s)
        .filter(|s| s.chars().any(|c| is_rtl(c) || is_greek(c)))
        .collect();
    Sheet { name, pdf, answers }
}

/// The sheets: the Arabic and Hebrew (with Greek) examples, and an intake whose answers mix
/// Arabic and English words.
fn sheets(dir: &Path) -> Vec<Sheet> {
    let arabic = example("arabic.toml");
    let arabic_font = font_line(&std::fs::read_to_string(&arabic).unwrap());
    let hebrew = example("hebrew.toml");
    let hebrew_font = font_line(&std::fs::read_to_string(&hebrew).unwrap());
    let mixed = dir.join("mixed.toml");
    std::fs::write(
        &mixed,
        r#"guide = "nocturnal-leg-cramps"

[patient]
name = "Samir Example"
born = 1970-01-15

[visit]
reason = "ألم في الساق after walking"

[answers]
discomfort = "أتناول metformin مرتين كل يوم"
since = "منذ March تقريبا"

[questions]
own = ["هل يمكنني تناول magnesium كل ليلة"]
"#,
    )
    .unwrap();
    vec![
        sheet("arabic", &arabic, &arabic_font, dir),
        sheet("hebrew", &hebrew, &hebrew_font, dir),
        sheet("mixed", &mixed, &arabic_font, dir),
    ]
}

/// What each reader reads from `pdf`, and how many times PyMuPDF's `search_for` finds each
/// of `words`.
fn read_back(
    pdf: &Path,
    words: &[&str],
) -> (BTreeMap<&'static str, String>, BTreeMap<String, u64>) {
    let read = read_all(pdf, words);
    (read.texts, read.found)
}

/// What the readers make of a sheet.
struct Read {
    /// By reader, the sheet's text.
    texts: BTreeMap<&'static str, String>,
    /// How many times PyMuPDF's `search_for` finds each word asked for.
    found: BTreeMap<String, u64>,
    /// Filled paths other than rectangles on the pages (glyphs drawn as shapes), as MuPDF
    /// finds them.
    shapes: u64,
    /// The text in pieces, each with the language of the marked content it is in, as
    /// pdfminer reads them.
    languages: Vec<(Option<String>, String)>,
}

fn read_all(pdf: &Path, words: &[&str]) -> Read {
    let mut texts = BTreeMap::new();
    texts.insert("poppler", pdf_text(pdf));
    texts.insert(
        "mutool",
        run_reader(
            Command::new("mutool")
                .args(["draw", "-q", "-F", "txt", "-o", "-"])
                .arg(pdf),
            "mutool (mupdf-tools)",
        ),
    );
    let python = run_reader(
        Command::new("python3")
            .arg(readers_dir().join("read.py"))
            .arg(pdf)
            .args(words),
        "python3 with pymupdf, pdfminer.six and pypdf",
    );
    let python: serde_json::Value = serde_json::from_str(&python).expect("read.py prints JSON");
    for reader in ["PyMuPDF", "pdfminer", "pypdf"] {
        let text = python["text"][reader].as_str().expect("a text per reader");
        texts.insert(reader, text.to_string());
    }
    let found = python["found"]
        .as_object()
        .expect("search results")
        .iter()
        .map(|(w, n)| (w.clone(), n.as_u64().unwrap()))
        .collect();
    let languages = python["languages"]
        .as_array()
        .expect("pieces of text with their language")
        .iter()
        .map(|p| {
            (
                p[0].as_str().map(String::from),
                p[1].as_str().unwrap().to_string(),
            )
        })
        .collect();
    let shapes = python["shapes"].as_u64().expect("a count of shapes");
    let pdfjs = run_reader(
        Command::new("node")
            .current_dir(readers_dir())
            .arg("read.mjs")
            .arg(pdf),
        "node with pdfjs-dist (npm ci in tests/readers)",
    );
    let pages: Vec<String> = serde_json::from_str(&pdfjs).expect("read.mjs prints JSON");
    texts.insert("pdf.js", pages.join("\n"));
    Read {
        texts,
        found,
        shapes,
        languages,
    }
}

/// Without the direction marks some readers add around right-to-left text, and with every
/// run of white space (a line break inside a wrapped answer too) as one space.
fn normalized(s: &str) -> String {
    let kept: String = s
        .chars()
        .filter(|c| !matches!(c, '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}'))
        .collect();
    kept.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Reads every sheet with every reader: (sheet, answer, reader) → read as typed.
fn table(sheets: &[Sheet]) -> Vec<(&'static str, String, Vec<bool>)> {
    let mut rows = Vec::new();
    for sheet in sheets {
        let (texts, _) = read_back(&sheet.pdf, &[]);
        let texts: BTreeMap<&str, String> =
            texts.iter().map(|(r, t)| (*r, normalized(t))).collect();
        for answer in &sheet.answers {
            let want = normalized(answer);
            let read = READERS.iter().map(|r| texts[r].contains(&want)).collect();
            rows.push((sheet.name, answer.clone(), read));
        }
    }
    rows
}

#[test]
fn right_to_left_and_greek_answers_read_back_as_typed_in_most_readers() {
    let dir = tempfile::tempdir().unwrap();
    let sheets = sheets(dir.path());
    let rows = table(&sheets);
    assert!(
        rows.len() >= 20,
        "too few answers to measure: {}",
        rows.len()
    );

    println!("{:<8} {:<45} {}", "sheet", "answer", READERS.join(" | "));
    for (sheet, answer, read) in &rows {
        let cells: Vec<String> = read
            .iter()
            .zip(READERS)
            .map(|(ok, r)| format!("{:^w$}", if *ok { "yes" } else { "no" }, w = r.len()))
            .collect();
        let shown: String = answer.chars().take(45).collect();
        println!("{sheet:<8} {shown:<45} {}", cells.join(" | "));
    }
    let cells = rows.len() * READERS.len();
    let read: usize = rows
        .iter()
        .map(|r| r.2.iter().filter(|ok| **ok).count())
        .sum();
    for (k, reader) in READERS.iter().enumerate() {
        let n = rows.iter().filter(|r| r.2[k]).count();
        println!("{reader}: {n} of {}", rows.len());
    }
    let share = read as f64 / cells as f64;
    println!("read as typed: {read} of {cells} ({:.0} %)", share * 100.0);

    // Readers that take text in the order it is shown, or rebuild it from where each glyph
    // stands, read every answer that runs in one direction as typed: Arabic, Hebrew and
    // Greek alike.
    for (k, reader) in READERS.iter().enumerate().take(4) {
        for (sheet, answer, read) in &rows {
            if !is_mixed(answer) {
                assert!(
                    read[k],
                    "{reader} does not read {answer:?} ({sheet}) as typed"
                );
            }
        }
    }
    // With right-to-left runs marked with their text reversed, 62 of these 126 cells read
    // as typed (49 %): PyMuPDF read no Arabic or Hebrew answer.
    assert!(
        share >= 0.58,
        "only {read} of {cells} answers read as typed"
    );
}

#[test]
fn pymupdf_finds_every_arabic_and_hebrew_word() {
    let dir = tempfile::tempdir().unwrap();
    for sheet in sheets(dir.path()) {
        let mut words: Vec<&str> = sheet
            .answers
            .iter()
            .flat_map(|a| a.split_whitespace())
            .map(|w| w.trim_matches(|c: char| c.is_ascii_punctuation() || c == '؟'))
            .filter(|w| w.chars().any(is_rtl))
            .collect();
        words.sort_unstable();
        words.dedup();
        assert!(words.len() >= 5, "{}: {words:?}", sheet.name);
        let (_, found) = read_back(&sheet.pdf, &words);
        let missing: Vec<&String> = found
            .iter()
            .filter(|(_, n)| **n == 0)
            .map(|w| w.0)
            .collect();
        assert_eq!(found.len(), words.len());
        assert!(
            missing.is_empty(),
            "{}: search_for finds no {missing:?}",
            sheet.name
        );
    }
}

/// A lam-alef ligature with a vowel mark over it and a letter with a mark below: the letters
/// drawn as the font's glyphs, not as filled shapes (an image of text), no word drawn over
/// another, and read back as typed by the readers that read right-to-left text in order.
#[test]
fn ligatures_and_marks_are_drawn_as_glyphs_that_read_back() {
    let dir = tempfile::tempdir().unwrap();
    let intake = dir.path().join("marks.toml");
    std::fs::write(
        &intake,
        r#"guide = "nocturnal-leg-cramps"

[patient]
name = "Samir Example"
born = 1970-01-15

[visit]
reason = "لاً بِسم"

[answers]
discomfort = "ثلاث ليال"
"#,
    )
    .unwrap();
    let font = font_line(&std::fs::read_to_string(example("arabic.toml")).unwrap());
    let pdf = dir.path().join("marks.pdf");
    render(&intake, &pdf, &["--font", &font]);
    let words = ["لاً", "بِسم", "ثلاث", "ليال"];
    let Read {
        texts,
        found,
        shapes,
        ..
    } = read_all(&pdf, &words);
    // Two vowel marks start within a tenth of an em of their letters, where poppler would
    // drop one of two characters as a duplicate: each is drawn in one glyph with its letter.
    // The ligature and every letter are glyphs; nothing is drawn as a shape.
    assert_eq!(shapes, 0, "glyphs drawn as filled shapes");
    // No word is drawn over another where poppler splits words, whatever stands invisibly
    // over a ligature.
    let (passed, report) = pdf_check(&pdf, &intake);
    assert!(passed, "{report}");
    // A glyph drawn visibly keeps the font's own width (PDF/A-3 6.2.11.5, PDF/UA-1 7.21.5).
    assert_eq!(failed_rules(&pdf), Vec::<String>::new());
    for reader in &READERS[..4] {
        let text = normalized(&texts[reader]);
        for want in ["لاً بِسم", "ثلاث ليال"] {
            assert!(
                text.contains(want),
                "{reader} does not read {want:?}:\n{text}"
            );
        }
    }
    for (word, n) in &found {
        assert!(*n > 0, "search_for finds no {word:?}");
    }
}

/// Every Arabic, Hebrew, Greek and Cyrillic letter of a sheet stands in marked content with
/// the `/Lang` of its language, so that a screen reader switches voice; Latin letters stand
/// in none (the document's English). The international example's patient names Polish,
/// Greek and Russian as her languages.
#[test]
fn text_in_another_script_carries_its_language() {
    let dir = tempfile::tempdir().unwrap();
    let mut sheets = sheets(dir.path());
    let international = dir.path().join("international.pdf");
    render(&example("international.toml"), &international, &[]);
    sheets.push(Sheet {
        name: "international",
        pdf: international,
        answers: Vec::new(),
    });
    for sheet in &sheets {
        let pieces = read_all(&sheet.pdf, &[]).languages;
        let mut counted: BTreeMap<(&str, Option<&str>), usize> = BTreeMap::new();
        for (lang, text) in &pieces {
            for c in text.chars() {
                let script = match c {
                    '\u{0600}'..='\u{06FF}' | '\u{FB50}'..='\u{FEFC}' => "Arabic",
                    '\u{0590}'..='\u{05FF}' => "Hebrew",
                    '\u{0370}'..='\u{03FF}' => "Greek",
                    '\u{0400}'..='\u{04FF}' => "Cyrillic",
                    c if c.is_ascii_alphabetic() => "Latin",
                    _ => continue,
                };
                *counted.entry((script, lang.as_deref())).or_default() += 1;
            }
        }
        println!("{}: {counted:?}", sheet.name);
        for (&(script, lang), n) in &counted {
            let wanted = match script {
                "Arabic" => Some("ar"),
                "Hebrew" => Some("he"),
                "Greek" => Some("el"),
                "Cyrillic" => Some("ru"),
                _ => None,
            };
            assert_eq!(
                lang, wanted,
                "{}: {n} {script} letters with /Lang {lang:?}",
                sheet.name
            );
        }
        let foreign = counted.keys().filter(|k| k.1.is_some()).count();
        assert!(foreign > 0, "{}: no text with a /Lang", sheet.name);
        let failed = failed_rules(&sheet.pdf);
        assert!(failed.is_empty(), "{}: {failed:?}", sheet.name);
    }
}

/// Clusters the shaper draws with more glyphs than characters, or with a mark starting where
/// its letter does: each drawn with the font's glyphs (the extra glyphs joined to a glyph
/// with text in one composite glyph of the embedded font), never as a filled shape, in
/// fonts that stay valid for PDF/A-3 and PDF/UA-1.
#[test]
fn clusters_with_more_glyphs_than_characters_are_drawn_as_glyphs() {
    let noto = "/usr/share/fonts/truetype/noto";
    // Thai sara am (a ring and a vowel), Bengali o (a sign on each side of its letter),
    // pointed Hebrew (points that start where their letter's ink does).
    let cases = [
        ("thai", "NotoSansThai-Regular.ttf", "น้ำ กำลัง", true),
        ("bengali", "NotoSansBengali-Regular.ttf", "কোথায় আছে", true),
        ("hebrew", "NotoSansHebrew-Regular.ttf", "שָׁלוֹם עֲלֵיכֶם", false),
    ];
    let dir = tempfile::tempdir().unwrap();
    for (name, font, answer, every_reader) in cases {
        let intake = dir.path().join(format!("{name}.toml"));
        std::fs::write(
            &intake,
            format!(
                "guide = \"general\"\n[patient]\nname = \"Test Example\"\n\
                 [visit]\nreason = \"{answer}\"\n"
            ),
        )
        .unwrap();
        let pdf = dir.path().join(format!("{name}.pdf"));
        render(&intake, &pdf, &["--font", &format!("{noto}/{font}")]);
        let Read { texts, shapes, .. } = read_all(&pdf, &[]);
        assert_eq!(shapes, 0, "{name}: glyphs drawn as filled shapes");
        // A composite glyph's width in the font program is its width in the PDF.
        assert_eq!(failed_rules(&pdf), Vec::<String>::new(), "{name}");
        let (passed, report) = pdf_check(&pdf, &intake);
        assert!(passed, "{name}: {report}");
        // Left-to-right clusters read back as typed everywhere; pointed Hebrew, each point
        // drawn with its letter and read as its own character, in poppler and both MuPDFs
        // (pdfminer sets a letter's second point apart, pypdf and pdf.js read right-to-left
        // text in other ways: the README's reader limits).
        let readers: Vec<&str> = if every_reader {
            READERS.to_vec()
        } else {
            READERS[..3].to_vec()
        };
        for reader in readers {
            let text = normalized(&texts[reader]);
            assert!(
                text.contains(answer),
                "{reader} does not read {name} {answer:?}:\n{text}"
            );
        }
    }
}
