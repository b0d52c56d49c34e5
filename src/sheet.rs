//! The merge: a checked intake and its guide become one document, the visit sheet. This is
//! where the patient's words meet what the guide knows; nothing here knows about pages.

mod about;

use chrono::{Datelike, NaiveDate, NaiveDateTime};

use crate::diary;
use crate::document::{
    plain, strong, Block, CheckItem, Column, Document, Metadata, Span, Table, Text,
};
use crate::guide::{contains_whole_words, same_department, Facts, Guide, MedicationFlag};
use crate::intake::{Intake, Medication};

/// What the user asked for beyond the intake.
#[derive(Debug, Clone, Default)]
pub struct SheetOptions {
    /// Add a blank diary grid to fill in by hand.
    pub diary_page: bool,
}

/// Builds the visit sheet. `made` is when the sheet is generated (SOURCE_DATE_EPOCH or now).
pub fn visit_sheet(
    intake: &Intake,
    guide: &Guide,
    made: NaiveDateTime,
    options: &SheetOptions,
) -> Document {
    let facts = facts_of(intake);
    let mut blocks = Vec::new();
    let p = &intake.patient;

    blocks.push(Block::Title {
        text: "Visit sheet".into(),
        subtitle: guide.title.clone(),
    });
    blocks.push(Block::Fields(header_fields(intake, made.date())));
    blocks.push(Block::Rule);

    blocks.push(Block::Heading("Why I am coming".into()));
    match &intake.visit.reason {
        Some(reason) if !reason.trim().is_empty() => blocks.push(Block::Paragraph(plain(reason))),
        _ => blocks.push(Block::WritingLines(2)),
    }

    blocks.push(Block::Heading(
        "My answers to the doctor's questions".into(),
    ));
    for q in &guide.doctor_questions {
        let answer = intake.answers.get(&q.id).filter(|a| !a.trim().is_empty());
        // An answer is always printed, even to a question whose condition no longer holds.
        if answer.is_none() && !facts.holds(&q.when) {
            continue;
        }
        blocks.push(Block::Subheading(q.text.clone()));
        match answer {
            Some(a) => blocks.push(Block::Paragraph(plain(a))),
            None if q.id == "medications" && !intake.medications.is_empty() => {
                blocks.push(Block::Paragraph(plain(
                    "My medicines are listed in the table below.",
                )));
                blocks.push(Block::WritingLines(2));
            }
            None => blocks.push(Block::WritingLines(3)),
        }
    }

    blocks.extend(medication_blocks(&intake.medications, guide));
    blocks.extend(health_blocks(intake));
    if !intake.diary.is_empty() {
        blocks.extend(diary::blocks(&intake.diary, guide.diary_title()));
    }

    let checklist: Vec<CheckItem> = guide
        .checklist
        .iter()
        .filter(|item| facts.holds(&item.when) || intake.checklist_done.contains(&item.id))
        .map(|item| CheckItem {
            done: intake.checklist_done.contains(&item.id),
            text: plain(item.text_for(intake.visit.companion.as_deref())),
        })
        .collect();
    if !checklist.is_empty() {
        blocks.push(Block::Heading("Before I leave home".into()));
        blocks.push(Block::Checklist(checklist));
    }

    let guide_questions: Vec<&str> = guide
        .patient_questions
        .iter()
        .filter(|q| facts.holds(&q.when) && !intake.skipped_questions.contains(&q.id))
        .map(|q| q.text.as_str())
        .collect();
    if !intake.own_questions.is_empty() || !guide_questions.is_empty() {
        blocks.push(Block::Heading("My questions for the doctor".into()));
        let own = intake.own_questions.iter().map(String::as_str);
        for question in own.chain(guide_questions) {
            blocks.push(Block::Subheading(question.to_string()));
            blocks.push(Block::WritingLines(2));
        }
    }

    let seek: Vec<Text> = guide
        .seek_care
        .iter()
        .filter(|s| facts.holds(&s.when))
        .map(|s| plain(&s.text))
        .collect();
    if !seek.is_empty() {
        blocks.push(Block::Heading("When to get care promptly".into()));
        blocks.push(Block::Bullets(seek));
    }

    blocks.extend(about::blocks(guide, &facts));

    let notes: Vec<_> = guide
        .good_to_know
        .iter()
        .filter(|n| facts.holds(&n.when))
        .collect();
    if !notes.is_empty() {
        blocks.push(Block::Heading("Good to know".into()));
        for note in notes {
            blocks.push(Block::Subheading(note.title.clone()));
            blocks.push(Block::Paragraph(plain(&note.text)));
        }
    }

    if !guide.tests.is_empty() {
        blocks.push(Block::Heading(
            "Examinations and tests the doctor may do".into(),
        ));
        blocks.push(Block::Bullets(
            guide
                .tests
                .iter()
                .map(|t| {
                    vec![
                        Span {
                            text: format!("{}: ", t.name),
                            strong: true,
                        },
                        Span {
                            text: t.why.clone(),
                            strong: false,
                        },
                    ]
                })
                .collect(),
        ));
    }

    blocks.extend(department_blocks(intake, guide, &facts));

    if options.diary_page {
        blocks.extend(diary::blank_grid(guide.diary_title()));
    }

    let visit_day = intake.visit.when.map(|w| long_date(w.date()));
    let subject = match (&visit_day, &intake.visit.clinic) {
        (Some(day), Some(clinic)) => format!("{}: visit on {day} at {clinic}", guide.title),
        (Some(day), None) => format!("{}: visit on {day}", guide.title),
        (None, Some(clinic)) => format!("{}: visit at {clinic}", guide.title),
        (None, None) => format!("{}: notes for the doctor's visit", guide.title),
    };
    Document {
        meta: Metadata {
            title: format!("Visit sheet: {} - {}", guide.title, p.name),
            author: p.name.clone(),
            subject,
            keywords: vec!["visit sheet".into(), guide.title.clone(), guide.id.clone()],
            created: made,
        },
        footer: format!(
            "Visit sheet for {} · made {}",
            p.name,
            long_date(made.date())
        ),
        blocks,
    }
}

/// The intake's facts in the terms a guide's conditions use.
pub fn facts_of(intake: &Intake) -> Facts {
    let mut own_words: Vec<&str> = Vec::new();
    own_words.extend(intake.health.conditions.iter().map(String::as_str));
    own_words.extend(intake.health.notes.as_deref());
    own_words.extend(intake.visit.reason.as_deref());
    own_words.extend(intake.answers.values().map(String::as_str));
    Facts {
        pregnant: intake.patient.pregnant,
        has_medications: !intake.medications.is_empty(),
        companion: intake
            .visit
            .companion
            .as_deref()
            .is_some_and(|c| !c.trim().is_empty()),
        own_words: own_words.join("\n").to_lowercase(),
    }
}

/// Age in whole years on `day`.
pub fn age_on(born: NaiveDate, day: NaiveDate) -> i32 {
    let mut age = day.year() - born.year();
    if (day.month(), day.day()) < (born.month(), born.day()) {
        age -= 1;
    }
    age
}

pub fn long_date(d: NaiveDate) -> String {
    d.format("%-d %B %Y").to_string()
}

fn header_fields(intake: &Intake, today: NaiveDate) -> Vec<(String, Text)> {
    let p = &intake.patient;
    let v = &intake.visit;
    let mut fields: Vec<(String, Text)> = vec![("Patient".into(), strong(&p.name))];
    if let Some(born) = p.born {
        let (day, at) = match v.when {
            Some(w) => (w.date(), " at the visit"),
            None => (today, ""),
        };
        let age = age_on(born, day);
        let years = if age == 1 { "year" } else { "years" };
        fields.push((
            "Born".into(),
            plain(format!("{} ({age} {years} old{at})", long_date(born))),
        ));
    }
    if let Some(sex) = &p.sex {
        fields.push(("Sex".into(), plain(sex)));
    }
    if p.pregnant {
        let text = match p.pregnancy_week {
            Some(w) => format!("Yes, week {w}"),
            None => "Yes".into(),
        };
        fields.push(("Pregnant".into(), strong(text)));
    }
    if !intake.health.allergies.is_empty() {
        fields.push((
            "Allergies".into(),
            strong(intake.health.allergies.join("; ")),
        ));
    }
    if let Some(when) = v.when {
        let mut text = when.date().format("%A ").to_string() + &long_date(when.date());
        if let Some(t) = when.time() {
            text += &t.format(", %H:%M").to_string();
        }
        fields.push(("Visit".into(), plain(text)));
    }
    let place: Vec<&str> = [v.clinic.as_deref(), v.department.as_deref()]
        .into_iter()
        .flatten()
        .collect();
    if !place.is_empty() {
        fields.push(("Where".into(), plain(place.join(", "))));
    }
    for (label, value) in [
        ("Doctor", &v.doctor),
        ("Coming with me", &v.companion),
        ("Phone", &p.phone),
        ("Language", &p.language),
        ("In an emergency", &p.emergency_contact),
    ] {
        if let Some(value) = value {
            fields.push((label.into(), plain(value)));
        }
    }
    fields
}

/// The guide's medication flags that a medicine's name matches.
pub fn flags_for<'g>(medication: &Medication, guide: &'g Guide) -> Vec<&'g MedicationFlag> {
    guide
        .medication_flags
        .iter()
        .filter(|flag| {
            flag.names
                .iter()
                .any(|n| contains_whole_words(&medication.name, n))
        })
        .collect()
}

fn medication_blocks(medications: &[Medication], guide: &Guide) -> Vec<Block> {
    let mut blocks = vec![Block::Heading("My medicines".into())];
    if medications.is_empty() {
        blocks.push(Block::Paragraph(plain(
            "No medicines are listed. Write down any medicines, vitamins or supplements you take:",
        )));
        blocks.push(Block::WritingLines(3));
        return blocks;
    }
    // Notes are lettered in the order their class first appears in the list.
    let mut used: Vec<&MedicationFlag> = Vec::new();
    let mut rows = Vec::new();
    for m in medications {
        let mut name = strong(&m.name);
        for flag in flags_for(m, guide) {
            if !used.iter().any(|u| u.id == flag.id) {
                used.push(flag);
            }
            let letter = note_letter(used.iter().position(|u| u.id == flag.id).unwrap_or(0));
            name.push(Span {
                text: format!("\nCan add to cramps: see note {letter}"),
                strong: false,
            });
        }
        let mut how_often = m.how_often.clone().unwrap_or_default();
        if m.as_needed {
            if !how_often.is_empty() {
                how_often.push('\n');
            }
            how_often.push_str("(only when needed)");
        }
        let reason: Vec<&str> = [m.reason.as_deref(), m.note.as_deref()]
            .into_iter()
            .flatten()
            .collect();
        rows.push(vec![
            name,
            plain(m.dose.clone().unwrap_or_default()),
            plain(how_often),
            plain(
                m.since
                    .map(|d| d.format("%b %Y").to_string())
                    .unwrap_or_default(),
            ),
            plain(reason.join("\n")),
        ]);
    }
    blocks.push(Block::Table(Table {
        columns: vec![
            Column {
                title: "Medicine".into(),
                weight: 3.0,
                min_chars: 12,
            },
            Column {
                title: "Dose".into(),
                weight: 1.6,
                min_chars: 6,
            },
            Column {
                title: "How often".into(),
                weight: 2.4,
                min_chars: 8,
            },
            Column {
                title: "Since".into(),
                weight: 1.4,
                min_chars: 8,
            },
            Column {
                title: "What for / notes".into(),
                weight: 2.6,
                min_chars: 8,
            },
        ],
        rows,
        blank_rows: 0,
        fill_page: false,
    }));
    for (i, flag) in used.iter().enumerate() {
        let mut text = strong(format!("Note {}: {}. ", note_letter(i), flag.class));
        text.push(Span {
            text: flag.explanation.clone(),
            strong: false,
        });
        blocks.push(Block::Paragraph(text));
    }
    blocks
}

fn note_letter(i: usize) -> char {
    (b'A' + (i % 26) as u8) as char
}

fn health_blocks(intake: &Intake) -> Vec<Block> {
    let h = &intake.health;
    let mut blocks = vec![Block::Heading("My health".into())];
    blocks.push(Block::Subheading("Other illnesses and conditions".into()));
    if h.conditions.is_empty() {
        blocks.push(Block::WritingLines(2));
    } else {
        blocks.push(Block::Bullets(h.conditions.iter().map(plain).collect()));
    }
    blocks.push(Block::Subheading("Allergies".into()));
    if h.allergies.is_empty() {
        blocks.push(Block::WritingLines(1));
    } else {
        blocks.push(Block::Bullets(h.allergies.iter().map(plain).collect()));
    }
    if let Some(notes) = &h.notes {
        blocks.push(Block::Subheading("Other notes".into()));
        blocks.push(Block::Paragraph(plain(notes)));
    }
    blocks
}

fn department_blocks(intake: &Intake, guide: &Guide, facts: &Facts) -> Vec<Block> {
    let booked = intake.visit.department.as_deref().map(str::trim);
    let is_booked = |d: &str| booked.is_some_and(|b| same_department(d, b));
    let hints: Vec<_> = guide
        .department_hints
        .iter()
        .filter(|h| facts.holds(&h.when))
        .collect();
    if guide.departments.is_empty() && hints.is_empty() {
        return Vec::new();
    }
    let mut blocks = vec![Block::Heading("Which department".into())];
    if !guide.departments.is_empty() {
        blocks.push(Block::Paragraph(plain(
            "Depending on the cause, these departments can help:",
        )));
        blocks.push(Block::Bullets(
            guide.departments.iter().map(plain).collect(),
        ));
    }
    if let Some(b) = booked {
        blocks.push(Block::Paragraph(vec![
            Span {
                text: "Booked: ".into(),
                strong: true,
            },
            Span {
                text: b.to_string(),
                strong: false,
            },
        ]));
    }
    if !hints.is_empty() {
        blocks.push(Block::Subheading(
            "Departments that may fit, from what I wrote".into(),
        ));
        blocks.push(Block::Bullets(
            hints
                .iter()
                .map(|h| {
                    let mark = if is_booked(&h.department) {
                        " (booked)"
                    } else {
                        ""
                    };
                    vec![
                        Span {
                            text: format!("{}{mark}: ", h.department),
                            strong: true,
                        },
                        Span {
                            text: h.why.clone(),
                            strong: false,
                        },
                    ]
                })
                .collect(),
        ));
    }
    blocks
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::intake;
    use std::path::Path;

    fn sheet_of(text: &str) -> Document {
        let (intake, guide) = intake::parse(Path::new("t.toml"), text, Path::new(".")).unwrap();
        let made = NaiveDate::from_ymd_opt(2026, 11, 25)
            .unwrap()
            .and_hms_opt(12, 0, 0)
            .unwrap();
        visit_sheet(&intake, &guide, made, &SheetOptions::default())
    }

    fn all_text(doc: &Document) -> String {
        format!("{:?}", doc.blocks)
    }

    #[test]
    fn age_counts_whole_years() {
        let born = NaiveDate::from_ymd_opt(1956, 3, 14).unwrap();
        assert_eq!(
            age_on(born, NaiveDate::from_ymd_opt(2026, 3, 13).unwrap()),
            69
        );
        assert_eq!(
            age_on(born, NaiveDate::from_ymd_opt(2026, 3, 14).unwrap()),
            70
        );
    }

    #[test]
    fn unanswered_questions_keep_lines_to_write_on() {
        let doc = sheet_of("guide = \"general\"\n[patient]\nname = \"A\"\n");
        let start = doc
            .blocks
            .iter()
            .position(|b| matches!(b, Block::Heading(h) if h.contains("answers")))
            .unwrap();
        let answers: Vec<&Block> = doc.blocks[start + 1..]
            .iter()
            .take_while(|b| !matches!(b, Block::Heading(_)))
            .collect();
        let lines = answers
            .iter()
            .filter(|b| matches!(b, Block::WritingLines(3)))
            .count();
        assert_eq!(lines, 7, "all seven questions unanswered: {answers:?}");
    }

    #[test]
    fn flagged_medicines_are_marked_and_explained_once() {
        let doc = sheet_of(
            "guide = \"nocturnal-leg-cramps\"\n[patient]\nname = \"A\"\n\
             [[medications]]\nname = \"Hydrochlorothiazide 25 mg\"\n\
             [[medications]]\nname = \"furosemide\"\n[[medications]]\nname = \"atorvastatin\"\n",
        );
        let text = all_text(&doc);
        assert_eq!(text.matches("see note A").count(), 2, "{text}");
        assert_eq!(text.matches("see note B").count(), 1, "{text}");
        assert_eq!(text.matches("Note A: Water pills").count(), 1, "{text}");
        assert_eq!(text.matches("Note B: Cholesterol").count(), 1, "{text}");
    }

    #[test]
    fn pregnancy_content_only_for_pregnant_patients() {
        let pregnant = all_text(&sheet_of(
            "guide = \"nocturnal-leg-cramps\"\n[patient]\nname = \"A\"\npregnant = true\npregnancy_week = 29\n",
        ));
        let other = all_text(&sheet_of(
            "guide = \"nocturnal-leg-cramps\"\n[patient]\nname = \"A\"\n",
        ));
        for marker in [
            "Yes, week 29",
            "Calcium during pregnancy",
            "maternity record",
            "Pregnancy care (obstetrics)",
        ] {
            assert!(
                pregnant.contains(marker),
                "{marker} missing for pregnant patient"
            );
            assert!(
                !other.contains(marker),
                "{marker} shown to a patient who is not pregnant"
            );
        }
    }

    #[test]
    fn department_hint_follows_the_patients_words() {
        let doc = all_text(&sheet_of(
            "guide = \"nocturnal-leg-cramps\"\n[patient]\nname = \"A\"\n[visit]\ndepartment = \"Endocrinology\"\n\
             [health]\nconditions = [\"Type 2 diabetes\"]\n",
        ));
        assert!(doc.contains("(endocrinology) (booked): "), "{doc}");
        assert!(!doc.contains("(orthopedics) (booked)"), "{doc}");
        assert!(!doc.contains("(vascular surgery): "), "{doc}");
    }

    #[test]
    fn companion_is_named_in_the_checklist() {
        let doc = all_text(&sheet_of(
            "guide = \"nocturnal-leg-cramps\"\n[patient]\nname = \"A\"\n[visit]\ncompanion = \"Anna\"\n\
             [checklist]\ndone = [\"bring_sheet\"]\n",
        ));
        assert!(doc.contains("Remind Anna"), "{doc}");
        assert!(!doc.contains("ask a family member"), "{doc}");
        assert!(
            doc.contains("done: true, text: [Span { text: \"Bring this sheet"),
            "{doc}"
        );
    }
}
