//! One sheet, two readers: page 1 is the doctor's summary and nothing else, the details follow,
//! and the patient's part starts on its own page. Every claim is read back from the PDF with
//! poppler, page by page.

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;

use common::*;
use visitprep::intake::{self, LoadedIntake};
use visitprep::sheet;

const MODES: [(&str, &[&str]); 3] = [
    ("a4", &[]),
    ("letter", &["--paper", "letter"]),
    ("large", &["--large-print"]),
];

/// The text of one page, as poppler extracts it.
fn page_text(pdf: &Path, page: usize) -> String {
    let n = page.to_string();
    let o = Command::new("pdftotext")
        .args(["-enc", "UTF-8", "-layout", "-f", &n, "-l", &n])
        .arg(pdf)
        .arg("-")
        .output()
        .expect("pdftotext runs");
    assert!(o.status.success(), "pdftotext failed on {}", pdf.display());
    String::from_utf8(o.stdout).expect("UTF-8")
}

/// Words joined by single spaces: phrases that wrap can then be found.
fn words(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn first_line(text: &str) -> &str {
    text.lines()
        .map(str::trim)
        .find(|l| !l.is_empty())
        .unwrap_or("")
}

/// A 5,000-word answer of numbered words, so that each one can be found on exactly one page.
fn numbered_words(n: usize) -> String {
    (1..=n)
        .map(|i| format!("w{i:04}"))
        .collect::<Vec<_>>()
        .join(" ")
}

/// An intake built to break the summary: a 5,000-word answer to a summary question, 40
/// medicines (every fourth one flagged), 200 diary nights, 12 allergies and five concerns.
fn hostile_intake() -> String {
    let mut t = format!(
        "guide = \"nocturnal-leg-cramps\"\n[patient]\nname = \"Hostile Example\"\nborn = 1940-02-03\n\
         needs = [\"large print\", \"hearing aid\", \"interpreter: Portuguese\"]\n\
         [visit]\nwhen = 2026-12-02\nreason = \"Cramps every night and I cannot sleep.\"\n\
         concerns = [\"First concern about sleep\", \"Second concern about my pills\", \
         \"Third concern about walking\", \"Fourth concern\", \"Fifth concern\"]\n\
         goal = \"To sleep again.\"\n\
         [answers]\nsince = \"{}\"\npattern = \"{}\"\n[health]\nallergies = [{}]\n\
         conditions = [\"asthma\", \"gout\"]\n",
        numbered_words(5000),
        "every night ".repeat(200).trim(),
        (1..=12)
            .map(|i| format!("\"allergen{i:02} (rash)\""))
            .collect::<Vec<_>>()
            .join(", ")
    );
    for i in 0..40 {
        let name = if i % 4 == 0 {
            format!("furosemide batch{i:02}")
        } else {
            format!("plainmed{i:02}")
        };
        t += &format!(
            "[[medications]]\nname = \"{name}\"\ndose = \"{i} mg\"\nhow_often = \"twice a day with food\"\n"
        );
    }
    for i in 0..200 {
        t += &format!(
            "[[diary]]\nnight = 2025-{:02}-{:02}\nat = 02:30:00\nminutes = {}\nwhere = \"calf {}\"\nseverity = {}\n",
            1 + (i / 28) % 12,
            1 + i % 28,
            1 + i % 7,
            i % 5,
            i % 11
        );
    }
    t
}

/// Nothing answered at all: a guide and a name.
const EMPTY_INTAKE: &str =
    "guide = \"nocturnal-leg-cramps\"\n[patient]\nname = \"Empty Example\"\n";

struct Sheet {
    pdf: PathBuf,
    pages: Vec<String>,
}

impl Sheet {
    fn render(intake: &Path, out: PathBuf, args: &[&str]) -> Sheet {
        render(intake, &out, args);
        let n = Pdf::load(&out).pages();
        let pages = (1..=n).map(|p| page_text(&out, p)).collect();
        Sheet { pdf: out, pages }
    }

    /// Pages (from 1) whose first line is `title`.
    fn starting_with(&self, title: &str) -> Vec<usize> {
        self.pages
            .iter()
            .enumerate()
            .filter(|(_, t)| first_line(t).starts_with(title))
            .map(|(i, _)| i + 1)
            .collect()
    }

    fn text(&self, page: usize) -> &str {
        &self.pages[page - 1]
    }
}

/// Checks one rendered sheet against its intake; returns how many cut texts it followed.
fn check_sheet(loaded: &LoadedIntake, intake_text: &str, sheet: &Sheet, mode: &str) -> usize {
    let what = format!("{} ({mode})", sheet.pdf.display());
    let allowed = if mode == "large" { 2 } else { 1 };

    // Page 1 opens the summary; the details open on the page after it.
    assert!(
        first_line(sheet.text(1)).starts_with("Visit summary for the doctor"),
        "{what}: page 1 starts with {:?}",
        first_line(sheet.text(1))
    );
    let details = sheet.starting_with("Visit sheet");
    assert_eq!(details.len(), 1, "{what}: details open on {details:?}");
    let details = details[0];
    assert!(
        (2..=allowed + 1).contains(&details),
        "{what}: the summary takes {} pages",
        details - 1
    );
    assert!(words(sheet.text(details)).contains("the details"), "{what}");
    let summary: String = (1..details)
        .map(|p| sheet.text(p))
        .collect::<Vec<_>>()
        .join("\n");
    let summary_words = words(&summary);
    // Nothing but the summary: no section of the details or of the patient's part.
    for other in [
        "My answers to the doctor's questions",
        "My medicines",
        "Before I leave home",
        "After the visit",
    ] {
        assert!(
            !summary_words.contains(other),
            "{what}: {other:?} on the summary"
        );
    }

    // What it says of the details is true.
    let for_me = sheet.starting_with("For me");
    assert_eq!(for_me.len(), 1, "{what}: For me on {for_me:?}");
    let for_me = for_me[0];
    let claim = format!(
        "This page is a summary. Details: pages {details}–{}.",
        for_me - 1
    );
    assert!(
        summary_words.contains(&claim),
        "{what}: no {claim:?} in\n{summary}"
    );

    // The patient's part opens with the checklist; After the visit has every part.
    let after_first = words(&sheet.pages[for_me - 1..].join("\n"));
    assert!(
        after_first.contains("For me Before, during and after the visit Before I leave home"),
        "{what}"
    );
    let after = sheet.starting_with("After the visit: my plan");
    assert_eq!(after.len(), 1, "{what}: After the visit on {after:?}");
    assert!(after[0] > for_me, "{what}");
    // One page in normal print; large print may need a second one.
    // It ends where the next part of the patient's part starts, on a page of its own.
    let next_part = [
        "About this condition",
        "Good to know",
        "Examinations and tests",
    ]
    .iter()
    .flat_map(|title| sheet.starting_with(title))
    .filter(|&p| p > after[0])
    .min();
    let plan_end = next_part.map_or(sheet.pages.len(), |p| p - 1);
    assert!(plan_end >= after[0], "{what}");
    if mode != "large" {
        assert_eq!(
            plan_end, after[0],
            "{what}: the plan takes more than a page"
        );
    }
    let plan = words(&sheet.pages[after[0] - 1..plan_end].join("\n"));
    for part in [
        "What the doctor thinks it is",
        "What to do at home",
        "Changes to my medicines",
        "Medicine",
        "Start, stop",
        "change?",
        "How to take it",
        "Why",
        "Tests ordered, and how the results will reach me",
        "My next appointment",
        "Whom to call with questions",
        "Say it back: I have told the doctor the plan in my own words",
    ] {
        assert!(
            plan.contains(part),
            "{what}: {part:?} not on the After the visit page"
        );
    }

    // Allergies are framed on the summary, or said not to be stated.
    let intake = &loaded.intake;
    if intake.health.allergies.is_empty() {
        assert!(summary_words.contains("Allergies: not stated"), "{what}");
    }
    assert!(!summary_words.contains("Allergies: none"), "{what}");
    for allergy in &intake.health.allergies {
        assert!(
            summary_words.contains(allergy.as_str()),
            "{what}: allergy {allergy:?}"
        );
    }
    // Every flagged medicine is named on it, marked for the doctor, with what the patient
    // was told: to keep taking it. Page 1 does not speak to the patient.
    let mut flagged = 0;
    for m in &intake.medications {
        if !sheet::flags_for(m, &loaded.guide).is_empty() {
            flagged += 1;
            assert!(
                summary_words.contains(&m.name),
                "{what}: flagged {:?}",
                m.name
            );
        }
    }
    if flagged > 0 {
        assert!(summary_words.contains("possible cause"), "{what}");
        assert!(
            summary_words.contains("patient told to keep taking flagged ones"),
            "{what}"
        );
    }
    assert!(!summary_words.contains("ask your doctor"), "{what}");
    if intake.medications.is_empty() {
        assert!(summary_words.contains("No medicines listed"), "{what}");
    }

    // The reason, the first three concerns and the key answers: whole, or cut with a page
    // reference whose page holds the rest.
    let mut followed = 0;
    let mut texts: Vec<&str> = Vec::new();
    texts.extend(intake.visit.reason.as_deref());
    texts.extend(intake.visit.concerns.iter().take(3).map(String::as_str));
    for q in loaded
        .guide
        .doctor_questions
        .iter()
        .filter(|q| q.summary.is_some() || q.pointer.is_some())
    {
        texts.extend(intake.answers.get(&q.id).map(String::as_str));
    }
    for text in texts {
        let all = words(text);
        if summary_words.contains(&all) {
            continue;
        }
        followed += 1;
        let ws: Vec<&str> = all.split(' ').collect();
        // The longest run of its first words that the summary shows, cut with a reference.
        let (shown, page) = (1..ws.len())
            .rev()
            .find_map(|n| {
                let head = format!("{} … (continued on page ", ws[..n].join(" "));
                let at = summary_words.find(&head)?;
                let rest = &summary_words[at + head.len()..];
                let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
                Some((n, digits.parse::<usize>().ok()?))
            })
            .unwrap_or_else(|| panic!("{what}: {all:.60?} is neither whole nor cut with a page"));
        assert!(
            page >= details && page < for_me,
            "{what}: continued on page {page}, not in the details"
        );
        let next = ws[shown];
        let there = words(sheet.text(page));
        assert!(
            there.contains(next),
            "{what}: page {page} does not hold {next:?}, where {all:.40?} goes on"
        );
        let next_three = ws[shown..(shown + 3).min(ws.len())].join(" ");
        let spread = words(&format!(
            "{}\n{}",
            sheet.text(page),
            sheet.pages.get(page).map_or("", String::as_str)
        ));
        assert!(
            spread.contains(&next_three),
            "{what}: {next_three:?} after page {page}"
        );
    }

    assert_nothing_lost(intake_text, &sheet.pdf);
    followed
}

fn load(path: &Path) -> LoadedIntake {
    intake::load(path, chrono::Local::now().date_naive())
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

#[test]
fn every_example_has_a_one_page_summary_then_details_then_the_patients_part() {
    let dir = tempfile::tempdir().unwrap();
    for name in ["complete", "minimal", "pregnant", "international"] {
        let path = example(&format!("{name}.toml"));
        let text = std::fs::read_to_string(&path).unwrap();
        let loaded = load(&path);
        for (mode, args) in MODES {
            let sheet = Sheet::render(&path, dir.path().join(format!("{name}-{mode}.pdf")), args);
            check_sheet(&loaded, &text, &sheet, mode);
        }
    }
}

#[test]
fn the_complete_example_shows_its_concerns_and_its_diary_in_plain_words() {
    let dir = tempfile::tempdir().unwrap();
    let sheet = Sheet::render(&example("complete.toml"), dir.path().join("c.pdf"), &[]);
    let page1 = words(sheet.text(1));
    for expected in [
        "Filled in by Anna Example (daughter) before the visit",
        "Allergies: penicillin (rash)",
        "1. The cramps wake me two or three times a week",
        "2. Whether my water pill could be the cause.",
        "3. Whether it could be something serious",
        "Since: About three months",
        "Getting worse? Getting a little worse.",
        "hydrochlorothiazide, 12.5 mg, every morning — possible cause",
        "atorvastatin, 20 mg, every evening — possible cause",
        "patient told to keep taking flagged ones",
        // Answers that point to a cause: numbness, with the diabetes.
        "Numbness: Sometimes both my feet feel numb in the",
        "7 nights logged",
        "about 2 a week",
        "Needs: reading glasses",
    ] {
        assert!(
            page1.contains(expected),
            "{expected:?} not on page 1:\n{page1}"
        );
    }
    assert!(!page1.contains("per week on average"), "{page1}");
    // Its key answers fill the page: they are whole, and the chart gives way to them. Only
    // the answer that points to a cause is given in its first words, with its page.
    assert_eq!(page1.matches("(continued on page").count(), 1, "{page1}");
    assert!(
        page1.contains("Numbness: Sometimes both my feet feel numb in the … (continued on page"),
        "{page1}"
    );

    // With room to spare, the diary's small chart is on page 1.
    let path = dir.path().join("diary.toml");
    let mut intake = String::from("guide = \"nocturnal-leg-cramps\"\n[patient]\nname = \"D\"\n");
    for day in [3, 6, 10, 14, 18] {
        intake += &format!("[[diary]]\nnight = 2026-11-{day:02}\nseverity = 6\n");
    }
    std::fs::write(&path, &intake).unwrap();
    let sheet = Sheet::render(&path, dir.path().join("d.pdf"), &[]);
    let page1 = words(sheet.text(1));
    assert!(page1.contains("Cramps per week"), "{page1}");
    assert!(page1.contains("5 nights logged"), "{page1}");
}

#[test]
fn hostile_intakes_still_fit_and_say_where_everything_is() {
    let dir = tempfile::tempdir().unwrap();
    let hostile = dir.path().join("hostile.toml");
    let hostile_text = hostile_intake();
    std::fs::write(&hostile, &hostile_text).unwrap();
    let empty = dir.path().join("empty.toml");
    std::fs::write(&empty, EMPTY_INTAKE).unwrap();
    for (mode, args) in MODES {
        let loaded = load(&hostile);
        let sheet = Sheet::render(&hostile, dir.path().join(format!("h-{mode}.pdf")), args);
        let followed = check_sheet(&loaded, &hostile_text, &sheet, mode);
        assert!(
            followed >= 2,
            "{mode}: the long answers were not cut ({followed})"
        );
        let summary = words(sheet.text(1));
        // The 5,000-word answer: its first word on the summary, its last one not.
        assert!(summary.contains("w0001"), "{mode}");
        assert!(!summary.contains("w5000"), "{mode}");
        // All 10 flagged medicines named, and the others counted with their page.
        let all: String = sheet.pages[..sheet.starting_with("Visit sheet")[0] - 1].join("\n");
        let all = words(&all);
        assert_eq!(all.matches("furosemide batch").count(), 10, "{mode}: {all}");
        assert!(all.contains("more, see page"), "{mode}: {all}");
        // Only three concerns, and where the others are.
        assert!(
            all.contains("3. Third concern about walking"),
            "{mode}: {all}"
        );
        assert!(!all.contains("Fourth concern"), "{mode}");
        assert!(all.contains("and 2 more, see page"), "{mode}: {all}");

        let loaded = load(&empty);
        let sheet = Sheet::render(&empty, dir.path().join(format!("e-{mode}.pdf")), args);
        check_sheet(&loaded, EMPTY_INTAKE, &sheet, mode);
        let summary = words(&sheet.pages[..sheet.starting_with("Visit sheet")[0] - 1].join("\n"));
        assert!(summary.contains("Since: not answered"), "{mode}: {summary}");
        assert!(
            summary.contains("Reason: not answered"),
            "{mode}: {summary}"
        );
        assert!(summary.contains("No medicines listed"), "{mode}: {summary}");
        // An unanswered question shows its hint above the lines to write on.
        let details = words(&sheet.pages.join("\n"));
        let since = loaded.guide.doctor_question("since").unwrap();
        assert!(!since.hint.is_empty());
        let expected = words(&format!("{} {}", since.text, since.hint));
        assert!(details.contains(&expected), "{mode}: no {expected:?}");
    }
}

#[test]
fn check_warns_when_more_than_three_concerns_are_listed() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("i.toml");
    std::fs::write(
        &path,
        "guide = \"general\"\n[patient]\nname = \"A\"\n[visit]\nconcerns = [\"a\", \"b\", \"c\", \"d\"]\n",
    )
    .unwrap();
    let o = run(&["check", path.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(
        stdout(&o).contains("`visit.concerns` lists 4 concerns; only the first three"),
        "{}",
        stdout(&o)
    );
    std::fs::write(
        &path,
        "guide = \"general\"\n[patient]\nname = \"A\"\n[visit]\nconcerns = [\"a\", \"b\", \"c\"]\n",
    )
    .unwrap();
    let o = run(&["check", path.to_str().unwrap()]);
    assert!(!stdout(&o).contains("concerns"), "{}", stdout(&o));
}

#[test]
fn each_medicine_on_page_1_ends_where_a_reader_of_the_structure_hears_it() {
    // Drawn one a line, the medicines reach a screen reader as one run of text: each must
    // end with a separator, and the list before the note about the details with a stop.
    let dir = tempfile::tempdir().unwrap();
    let pdf = dir.path().join("complete.pdf");
    let o = render(&example("complete.toml"), &pdf, &[]);
    assert!(o.status.success(), "{}", stderr(&o));
    let o = Command::new("pdfinfo")
        .args(["-struct-text", "-f", "1", "-l", "1"])
        .arg(&pdf)
        .output()
        .expect("pdfinfo runs");
    let tree = String::from_utf8(o.stdout).unwrap();
    let lines: Vec<&str> = tree.lines().map(str::trim).collect();
    let at = lines
        .iter()
        .position(|l| *l == "\"Medicines:\"")
        .unwrap_or_else(|| panic!("no Medicines label in\n{tree}"));
    assert_eq!(lines[at + 1], "LBody (block)", "{tree}");
    let body = lines[at + 2].trim_matches('"');
    let loaded = load(&example("complete.toml"));
    let names: Vec<&str> = loaded
        .intake
        .medications
        .iter()
        .map(|m| m.name.as_str())
        .collect();
    assert!(names.len() >= 4, "{names:?}");
    let items: Vec<&str> = body.split("; ").collect();
    assert_eq!(items.len(), names.len(), "{body}");
    for (item, name) in items.iter().zip(&names) {
        assert!(
            item.starts_with(name),
            "{item:?} does not start with {name:?}: {body}"
        );
    }
    assert!(items.last().unwrap().trim_end().ends_with('.'), "{body}");
}
