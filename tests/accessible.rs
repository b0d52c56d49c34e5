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

/// poppler's reading of the structure tree (`pdfinfo -struct-text`): each element's type on
/// a line, indented by depth, its text on the line under it in quotes.
fn struct_text(pdf: &Path) -> String {
    let o = std::process::Command::new("pdfinfo")
        .arg("-struct-text")
        .arg(pdf)
        .output()
        .expect("pdfinfo runs: install poppler-utils");
    assert!(
        o.status.success(),
        "pdfinfo -struct-text failed: {}",
        stderr(&o)
    );
    stdout(&o)
}

/// The structure tree as (depth, element type or "\"text\"") in tree order, attribute lines
/// left out.
fn tree(text: &str) -> Vec<(usize, String)> {
    text.lines()
        .filter(|l| !l.trim().is_empty() && !l.trim_start().starts_with('/'))
        .map(|l| {
            let depth = (l.len() - l.trim_start().len()) / 2;
            let t = l.trim();
            let t = t.strip_suffix(" (block)").unwrap_or(t);
            let t = t.strip_suffix(':').unwrap_or(t);
            (depth, t.to_string())
        })
        .collect()
}

/// The text of each element of type `role`, in tree order: all the quoted text under it.
fn texts_of(tree: &[(usize, String)], role: &str) -> Vec<String> {
    let mut out = Vec::new();
    for (i, (depth, t)) in tree.iter().enumerate() {
        if t != role {
            continue;
        }
        let text: Vec<&str> = tree[i + 1..]
            .iter()
            .take_while(|(d, _)| d > depth)
            .filter_map(|(_, t)| t.strip_prefix('"')?.strip_suffix('"'))
            .map(str::trim)
            .collect();
        out.push(text.join(" "));
    }
    out
}

fn rendered(name: &str, args: &[&str]) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("sheet.pdf");
    render(&example(name), &out, args);
    (dir, out)
}

/// The golden structure tree of `examples/complete.toml`, A4. When the sheet changes on
/// purpose, regenerate it with `VISITPREP_BLESS=1 cargo test --test accessible` and read
/// the difference before committing it.
#[test]
fn the_structure_of_the_complete_example_is_as_recorded() {
    let (_dir, pdf) = rendered("complete.toml", &[]);
    let got = struct_text(&pdf);
    let golden = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/structure/complete.txt");
    if std::env::var_os("VISITPREP_BLESS").is_some() {
        std::fs::create_dir_all(golden.parent().unwrap()).unwrap();
        std::fs::write(&golden, &got).unwrap();
    }
    let want = std::fs::read_to_string(&golden).unwrap_or_else(|e| {
        panic!(
            "{}: {e} (VISITPREP_BLESS=1 cargo test --test accessible writes it)",
            golden.display()
        )
    });
    if got != want {
        let first = got
            .lines()
            .zip(want.lines())
            .position(|(a, b)| a != b)
            .unwrap_or(got.lines().count().min(want.lines().count()));
        panic!(
            "the structure tree differs from {} from line {}:\n  now:      {:?}\n  recorded: {:?}\n\
             (VISITPREP_BLESS=1 cargo test --test accessible records the new one)",
            golden.display(),
            first + 1,
            got.lines().nth(first),
            want.lines().nth(first)
        );
    }
}

#[test]
fn the_structure_reads_as_a_person_reads_the_sheet() {
    let (_dir, pdf) = rendered("complete.toml", &[]);
    let text = struct_text(&pdf);
    let tree = tree(&text);
    assert_eq!(tree.first().map(|t| t.1.as_str()), Some("Document"));

    // The title once, then the sections in the order of the page.
    // The summary for the doctor, the details and the patient's part each open at level 1.
    let top = texts_of(&tree, "H1");
    assert!(
        top.first()
            .is_some_and(|h| h.starts_with("Visit summary for the doctor")),
        "{top:?}"
    );
    assert!(top.contains(&"Visit sheet".to_string()), "{top:?}");
    let sections = texts_of(&tree, "H2");
    let order = [
        "Why I am coming",
        "My answers to the doctor's questions",
        "My medicines",
        "My cramp diary",
        "Before I leave home",
        "My questions for the doctor",
    ];
    let at: Vec<usize> = order
        .iter()
        .map(|h| {
            sections
                .iter()
                .position(|s| s == h)
                .unwrap_or_else(|| panic!("no H2 {h:?} in {sections:?}"))
        })
        .collect();
    assert!(at.windows(2).all(|w| w[0] < w[1]), "{sections:?}");

    // A question, then its answer as the very next element.
    let q = tree
        .iter()
        .position(|(_, t)| t == "\"How long have you had these cramps?\"")
        .expect("the question is read");
    assert_eq!(tree[q - 1].1, "H3");
    assert_eq!(tree[q + 1].1, "P");
    assert_eq!(
        tree[q + 2].1,
        "\"About three months, since the beginning of September 2026.\""
    );
    // A paragraph's lines read as the words were written, never run together.
    assert!(
        text.contains("Worse after days when I walk a lot"),
        "lines run together:\n{text}"
    );

    // Table rows whole: each row's cells in order, the header cells column headers.
    let rows = texts_of(&tree, "TR");
    assert!(
        rows.contains(
            &"metformin 500 mg twice a day, with breakfast and dinner Feb 2019 type 2 diabetes"
                .to_string()
        ),
        "{rows:#?}"
    );
    assert!(rows.contains(&"Medicine Dose How often Since What for / notes".to_string()));
    assert!(text.contains("/Scope /Column"));

    // Checklist items with their state in words.
    let items = texts_of(&tree, "LI");
    assert!(
        items.contains(
            &"Done: Bring your ID card, health insurance card and hospital or clinic card."
                .to_string()
        ),
        "{items:#?}"
    );
    assert!(items.iter().any(|i| i.starts_with("Not done: ")));

    // The running footer is never read: not between pages, not at the end.
    assert!(!text.contains("Page 1 of"), "{text}");
    assert!(!text.contains("Visit sheet for"), "{text}");
}

#[test]
fn the_diary_chart_is_a_figure_that_says_its_data() {
    let (_dir, pdf) = rendered("complete.toml", &[]);
    let doc = lopdf::Document::load(&pdf).unwrap();
    let alts: Vec<String> = doc
        .objects
        .values()
        .filter_map(|o| o.as_dict().ok())
        .filter(|d| d.get(b"S").and_then(|s| s.as_name()).ok() == Some(b"Figure"))
        .filter_map(|d| d.get(b"Alt").ok())
        .map(|alt| lopdf::decode_text_string(alt).unwrap())
        .collect();
    // The chart is the only picture: space to write in is a form field.
    let charts: Vec<&String> = alts.iter().collect();
    assert_eq!(charts.len(), 1, "{alts:?}");
    assert!(
        charts[0].starts_with("Cramps per week") && charts[0].contains("2 Nov: 2 cramps"),
        "{}",
        charts[0]
    );
}

/// Space left to write in is announced: each line under a question and each cell of a
/// row to fill in are a Form element holding a text field's widget, whose tooltip says what
/// is to be written there; none is an artifact a screen reader skips. Read from the
/// structure tree with lopdf.
#[test]
fn space_to_write_in_is_announced() {
    let (_dir, pdf) = rendered("complete.toml", &[]);
    let doc = lopdf::Document::load(&pdf).unwrap();
    fn role(d: &lopdf::Dictionary) -> Option<&[u8]> {
        d.get(b"S").and_then(|s| s.as_name()).ok()
    }
    let parent_role = |d: &lopdf::Dictionary| {
        let parent = doc
            .get_dictionary(d.get(b"P").unwrap().as_reference().unwrap())
            .unwrap();
        (role(parent).map(<[u8]>::to_vec), parent.clone())
    };
    let (mut spaces, mut cells) = (0, 0);
    for d in doc.objects.values().filter_map(|o| o.as_dict().ok()) {
        if role(d) != Some(b"Form") {
            continue;
        }
        // Its content is one widget or more (the lines of one answer on two pages).
        let kids = match d.get(b"K").unwrap() {
            lopdf::Object::Array(kids) => kids.clone(),
            kid => vec![kid.clone()],
        };
        assert!(!kids.is_empty());
        for kid in kids {
            let objr = kid.as_dict().expect("an object reference");
            assert_eq!(objr.get(b"Type").unwrap().as_name().unwrap(), b"OBJR");
            let widget = doc
                .get_dictionary(objr.get(b"Obj").unwrap().as_reference().unwrap())
                .unwrap();
            assert_eq!(
                widget.get(b"Subtype").unwrap().as_name().unwrap(),
                b"Widget"
            );
            assert_eq!(widget.get(b"FT").unwrap().as_name().unwrap(), b"Tx");
            let tooltip = lopdf::decode_text_string(widget.get(b"TU").unwrap()).unwrap();
            assert!(!tooltip.trim().is_empty(), "{widget:?}");
        }
        match parent_role(d) {
            (Some(r), cell) if r == b"TD" => {
                // A cell to fill in is a cell of a row of the table's body.
                let (row, row_dict) = parent_role(&cell);
                assert_eq!(row.as_deref(), Some(&b"TR"[..]));
                assert_eq!(parent_role(&row_dict).0.as_deref(), Some(&b"TBody"[..]));
                cells += 1;
            }
            _ => spaces += 1,
        }
    }
    // The complete example leaves its unanswered questions and the After the visit page
    // to write in, and the "Changes to my medicines" table's rows to fill.
    assert!(spaces >= 5, "{spaces} spaces to write in");
    assert!(cells >= 12, "{cells} cells to fill in");
}

/// The outline as MuPDF reads it (`mutool show FILE outline`).
fn outline_of(pdf: &std::path::Path) -> String {
    let o = std::process::Command::new("mutool")
        .args(["show"])
        .arg(pdf)
        .arg("outline")
        .output()
        .expect("mutool runs: install mupdf-tools");
    stdout(&o)
}

#[test]
fn the_outline_lists_the_sections() {
    let (_dir, pdf) = rendered("complete.toml", &[]);
    let outline = outline_of(&pdf);
    let titles: Vec<&str> = outline
        .lines()
        .filter_map(|l| l.split('"').nth(1))
        .collect();
    assert!(
        titles
            .first()
            .is_some_and(|t| t.starts_with("Visit summary")),
        "{outline}"
    );
    for section in [
        "Visit sheet",
        "My answers to the doctor's questions",
        "My medicines",
        "Before I leave home",
    ] {
        assert!(titles.contains(&section), "{section} missing:\n{outline}");
    }
}

#[test]
fn mupdf_reads_each_table_row_whole() {
    let (_dir, pdf) = rendered("complete.toml", &[]);
    let o = std::process::Command::new("mutool")
        .args(["draw", "-q", "-F", "txt", "-o", "-"])
        .arg(&pdf)
        .output()
        .expect("mutool runs: install mupdf-tools");
    let text = squash(&stdout(&o));
    // Each row's cells one after the other, every cell's lines together, row after row.
    let rows = [
        "atorvastatin may add to the cramps (note B): keep taking it; ask your doctor 20 mg every evening Sep 2023 high cholesterol",
        "metformin 500 mg twice a day, with breakfast and dinner Feb 2019 type 2 diabetes",
        "paracetamol 500 mg only when the calf is still sore in the morning (only when needed) Sep 2026",
    ];
    let at: Vec<usize> = rows
        .iter()
        .map(|r| squash(r))
        .map(|r| {
            text.find(&r)
                .unwrap_or_else(|| panic!("row {r} is not read whole:\n{text}"))
        })
        .collect();
    assert!(at.windows(2).all(|w| w[0] < w[1]));
}

#[test]
fn extra_large_print_is_18_pt_and_sets_wide_tables_as_framed_rows() {
    let (_dir, pdf) = rendered("complete.toml", &["--print-size", "x-large"]);
    let doc = Pdf::load(&pdf);
    let mut counts: Vec<(i32, usize)> = Vec::new();
    for page in 1..=doc.pages() as u32 {
        for s in doc.font_sizes(page) {
            let k = (s * 10.0).round() as i32;
            match counts.iter_mut().find(|(v, _)| *v == k) {
                Some(c) => c.1 += 1,
                None => counts.push((k, 1)),
            }
        }
    }
    // The body is the most used size.
    let body = counts.iter().max_by_key(|c| c.1).unwrap().0 as f32 / 10.0;
    assert_eq!(body, 18.0, "{counts:?}");
    // The medication table is too wide at 18 pt: each medicine a framed block, read as a
    // list item with every "Column: value" in it, never as a table row.
    let tree = tree(&struct_text(&pdf));
    let items = texts_of(&tree, "LI");
    assert!(
        items.iter().any(|i| i.starts_with("metformin")
            && i.contains("Dose: 500 mg")
            && i.contains("How often: twice a day, with breakfast and dinner")),
        "{items:#?}"
    );
    assert!(!texts_of(&tree, "TR")
        .iter()
        .any(|r| r.contains("metformin")));
}

/// A table's header row, drawn again on every page the table continues on, is read once.
#[test]
fn a_repeated_table_header_is_read_once() {
    let dir = tempfile::tempdir().unwrap();
    let pdf = dir.path().join("stress.pdf");
    let stress = Path::new(env!("CARGO_MANIFEST_DIR")).join("benches/stress.toml");
    render(&stress, &pdf, &[]);
    let o = std::process::Command::new("pdftotext")
        .args(["-layout", "-enc", "UTF-8"])
        .arg(&pdf)
        .arg("-")
        .output()
        .expect("pdftotext runs");
    let drawn = stdout(&o)
        .lines()
        .filter(|l| l.contains("Medicine") && l.contains("Dose") && l.contains("How often"))
        .count();
    assert!(
        drawn >= 2,
        "the medication table's header is drawn {drawn} times"
    );
    let tree = tree(&struct_text(&pdf));
    let headers: Vec<String> = texts_of(&tree, "TH")
        .into_iter()
        .filter(|h| h == "Dose")
        .collect();
    assert_eq!(
        headers.len(),
        1,
        "drawn {drawn} times, read {}",
        headers.len()
    );
}

/// The outline nests as the headings do: the sheet's parts at the top, their sections below
/// them and the questions below their sections, as MuPDF reads it.
#[test]
fn the_outline_nests_as_the_headings_do() {
    let (_dir, pdf) = rendered("complete.toml", &[]);
    let outline = outline_of(&pdf);
    // Each line: an open or closed mark, a tab for each level, then the title in quotes.
    let entries: Vec<(usize, &str)> = outline
        .lines()
        .filter_map(|l| {
            let title = l.split('"').nth(1)?;
            let depth = l.split('"').next()?.matches('\t').count();
            Some((depth, title))
        })
        .collect();
    let depth_of = |title: &str| {
        entries
            .iter()
            .find(|e| e.1 == title)
            .unwrap_or_else(|| panic!("{title:?} missing:\n{outline}"))
            .0
    };
    assert_eq!(depth_of("Visit sheet"), 1, "{outline}");
    assert_eq!(depth_of("For me"), 1, "{outline}");
    assert_eq!(
        depth_of("My answers to the doctor's questions"),
        2,
        "{outline}"
    );
    assert_eq!(depth_of("My medicines"), 2, "{outline}");
    assert_eq!(depth_of("What discomfort do you have now?"), 3, "{outline}");
    assert_eq!(
        depth_of("Can I keep walking the dog every evening?"),
        3,
        "{outline}"
    );
    assert_eq!(entries[0].0, 1, "{outline}");
    for pair in entries.windows(2) {
        assert!(
            pair[1].0 <= pair[0].0 + 1,
            "{pair:?} skips a level:\n{outline}"
        );
    }
    // The question belongs to the section before it, not to the one after.
    let answers = entries
        .iter()
        .position(|e| e.1 == "My answers to the doctor's questions");
    let question = entries
        .iter()
        .position(|e| e.1 == "What discomfort do you have now?");
    assert!(answers < question, "{outline}");
}
