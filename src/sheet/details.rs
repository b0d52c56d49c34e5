//! The details, for the doctor: every answer in full, the medicines, health and departments.

use chrono::NaiveDate;

use super::summary::{anchored, answer_anchor, pointer_chars};
use crate::words::Words;
use super::{diary, diary_title, header_fields, Detail};
use crate::document::{plain, strong, writing_lines, Block, Column, Span, Table, Text};
use crate::guide::{same_department, Facts, Guide, MedicationFlag, OwnWords};
use crate::intake::{Intake, Medication, Visit};

pub(super) fn details(
    intake: &Intake,
    guide: &Guide,
    facts: &Facts,
    flags: &[Vec<&MedicationFlag>],
    today: NaiveDate,
    detail: Detail,
    w: &Words,
) -> Vec<Block> {
    let mut blocks = vec![
        Block::Title {
            text: w.get("details-title"),
            subtitle: w.with(
                "details-subtitle",
                &[("condition", Words::text(&guide.title))],
            ),
        },
        Block::Anchor {
            id: "about".into(),
            skip: 0,
        },
        Block::Fields(header_fields(intake, today, w)),
        Block::Rule,
    ];

    blocks.extend(why_i_am_coming(&intake.visit, detail, w));

    blocks.extend(answers(intake, guide, facts, detail, w));

    blocks.push(Block::Anchor {
        id: "medicines".into(),
        skip: 0,
    });
    blocks.extend(medication_blocks(
        &intake.medications,
        intake.health.no_medicines,
        flags,
        guide,
        w,
    ));
    blocks.extend(health_blocks(intake, w));
    if !intake.diary.is_empty() {
        blocks.push(Block::Anchor {
            id: "diary".into(),
            skip: 0,
        });
        blocks.extend(diary::blocks(&intake.diary, &diary_title(guide, w), w));
    }
    blocks
}

/// The reason for the visit, the concerns and the hope, each in full.
fn why_i_am_coming(v: &Visit, detail: Detail, w: &Words) -> Vec<Block> {
    let mut blocks = Vec::new();
    blocks.push(Block::Heading(w.get("why-i-am-coming")));
    match v.reason.as_deref().filter(|r| !r.trim().is_empty()) {
        Some(reason) => {
            blocks.push(anchored(reason, detail.answer, "reason"));
            blocks.push(Block::Paragraph(plain(reason)));
        }
        None => blocks.push(writing_lines(2, w.get("why-i-am-coming"))),
    }
    let concerns: Vec<&String> = v.concerns.iter().filter(|c| !c.trim().is_empty()).collect();
    if !concerns.is_empty() {
        blocks.push(Block::Subheading(w.get("what-worries-me")));
        blocks.push(Block::Anchor {
            id: "concerns".into(),
            skip: 0,
        });
        for (i, c) in concerns.iter().enumerate() {
            if i < 3 {
                blocks.push(anchored(c, detail.answer * 2 / 3, &format!("concern-{i}")));
            }
            let mut text = strong(format!("{}. ", i + 1));
            text.extend(plain(c.as_str()));
            blocks.push(Block::Paragraph(text));
        }
    }
    if let Some(goal) = v.goal.as_deref().filter(|g| !g.trim().is_empty()) {
        blocks.push(Block::Subheading(w.get("what-i-hope")));
        blocks.push(anchored(goal, detail.answer * 2 / 3, "goal"));
        blocks.push(Block::Paragraph(plain(goal)));
    }
    blocks
}

/// Every answer in full; a question left open gets lines to write on.
fn answers(intake: &Intake, guide: &Guide, facts: &Facts, detail: Detail, w: &Words) -> Vec<Block> {
    let mut blocks = Vec::new();
    blocks.push(Block::Heading(w.get("my-answers")));
    for q in &guide.doctor_questions {
        let answer = intake.answers.get(&q.id).filter(|a| !a.trim().is_empty());
        // An answer is always printed, even to a question whose condition no longer holds.
        if answer.is_none() && !facts.holds(&q.when) {
            continue;
        }
        blocks.push(Block::Subheading(q.text.clone()));
        match answer {
            Some(a) => {
                let shown = if q.pointer.is_some() && q.summary.is_none() {
                    pointer_chars(detail)
                } else {
                    detail.answer
                };
                blocks.push(anchored(a, shown, &answer_anchor(&q.id)));
                blocks.push(Block::Paragraph(plain(a)));
            }
            None if q.id == "medications" && !intake.medications.is_empty() => {
                blocks.push(Block::Paragraph(plain(w.get("medicines-in-table"))));
                blocks.push(writing_lines(2, &q.text));
            }
            None => {
                // The hint tells the patient what to write on the lines.
                if !q.hint.trim().is_empty() {
                    blocks.push(Block::Note(plain(&q.hint)));
                }
                blocks.push(writing_lines(3, &q.text));
            }
        }
    }
    blocks
}

/// The guide's medication flags that a medicine's name matches.
pub fn flags_for<'g>(medication: &Medication, guide: &'g Guide) -> Vec<&'g MedicationFlag> {
    // The names lists are long: the medicine's name is cut into words once.
    let name = OwnWords::from(medication.name.as_str());
    guide
        .medication_flags
        .iter()
        .filter(|flag| flag.names.iter().any(|n| name.has_phrase(n)))
        .collect()
}

pub(super) fn medication_blocks(
    medications: &[Medication],
    no_medicines: bool,
    flags: &[Vec<&MedicationFlag>],
    guide: &Guide,
    w: &Words,
) -> Vec<Block> {
    let mut blocks = vec![Block::Heading(w.get("my-medicines"))];
    if medications.is_empty() && no_medicines {
        blocks.push(Block::Paragraph(plain(w.get("i-take-no-medicines"))));
        return blocks;
    }
    if medications.is_empty() {
        blocks.push(Block::Paragraph(plain(w.get("no-medicines-write"))));
        blocks.push(writing_lines(3, w.get("my-medicines")));
        return blocks;
    }
    // Notes are lettered in the order their class first appears in the list.
    let mut used: Vec<&MedicationFlag> = Vec::new();
    let mut rows = Vec::new();
    for (m, flags) in medications.iter().zip(flags) {
        rows.push(medicine_row(m, flags, &mut used, w));
    }
    blocks.push(Block::Table(Table {
        columns: medicine_columns(w),
        rows,
        blank_rows: 0,
        fill_page: false,
    }));
    for (i, &flag) in used.iter().enumerate() {
        // The flags were matched on the guide as written; their words are the guide's as
        // this part gives it.
        let flag = guide
            .medication_flags
            .iter()
            .find(|f| f.id == flag.id)
            .unwrap_or(flag);
        let mut text = strong(w.with(
            "medicine-note",
            &[
                ("letter", Words::text(note_letter(i).to_string())),
                ("class", Words::text(&flag.class)),
            ],
        ));
        text.push(Span {
            text: flag.explanation.clone(),
            strong: false,
            link: None,
        });
        // "Keep taking it" has its exception, set apart so that it is not read past.
        if let Some(urgent) = flag.urgent.as_deref().filter(|u| !u.trim().is_empty()) {
            text.push(Span {
                text: format!(" {urgent}"),
                strong: true,
                link: None,
            });
        }
        blocks.push(Block::Paragraph(text));
    }
    blocks
}

/// One row of the medicine table; a flag seen for the first time gets the next note letter.
fn medicine_row<'g>(
    m: &Medication,
    flags: &[&'g MedicationFlag],
    used: &mut Vec<&'g MedicationFlag>,
    w: &Words,
) -> Vec<Text> {
    let mut name = strong(&m.name);
    for &flag in flags {
        if !used.iter().any(|u| u.id == flag.id) {
            used.push(flag);
        }
        let letter = note_letter(used.iter().position(|u| u.id == flag.id).unwrap_or(0));
        name.push(Span {
            text: w.with(
                "medicine-may-add",
                &[("letter", Words::text(letter.to_string()))],
            ),
            strong: false,
            link: None,
        });
    }
    let mut how_often = m.how_often.clone().unwrap_or_default();
    if m.as_needed {
        if !how_often.is_empty() {
            how_often.push('\n');
        }
        how_often.push_str(&w.get("only-when-needed"));
    }
    let reason: Vec<&str> = [m.reason.as_deref(), m.note.as_deref()]
        .into_iter()
        .flatten()
        .collect();
    vec![
        name,
        plain(m.dose.clone().unwrap_or_default()),
        plain(how_often),
        plain(m.since.map(|d| w.month_year(d)).unwrap_or_default()),
        plain(reason.join("\n")),
    ]
}

/// The medicine table's columns, widest for the name and the notes.
fn medicine_columns(w: &Words) -> Vec<Column> {
    vec![
        Column {
            title: w.get("column-medicine"),
            weight: 3.0,
            min_chars: 12,
        },
        Column {
            title: w.get("column-dose"),
            weight: 1.6,
            min_chars: 6,
        },
        Column {
            title: w.get("column-how-often"),
            weight: 2.4,
            min_chars: 8,
        },
        Column {
            title: w.get("column-since"),
            weight: 1.4,
            min_chars: 8,
        },
        Column {
            title: w.get("column-what-for"),
            weight: 2.6,
            min_chars: 8,
        },
    ]
}

pub(super) fn note_letter(i: usize) -> char {
    (b'A' + (i % 26) as u8) as char
}

pub(super) fn health_blocks(intake: &Intake, w: &Words) -> Vec<Block> {
    let h = &intake.health;
    let mut blocks = vec![Block::Heading(w.get("my-health"))];
    blocks.push(Block::Subheading(w.get("other-illnesses")));
    blocks.push(Block::Anchor {
        id: "health".into(),
        skip: 0,
    });
    if h.conditions.is_empty() && h.no_other_illnesses {
        blocks.push(Block::Paragraph(plain(w.get("no-other-illnesses-me"))));
    } else if h.conditions.is_empty() {
        blocks.push(writing_lines(2, w.get("other-illnesses")));
    } else {
        blocks.push(Block::Bullets(h.conditions.iter().map(plain).collect()));
    }
    blocks.push(Block::Subheading(w.get("allergies")));
    blocks.push(Block::Anchor {
        id: "allergies".into(),
        skip: 0,
    });
    if h.allergies.is_empty() && h.no_known_allergies {
        blocks.push(Block::Paragraph(plain(w.get("no-known-allergies-me"))));
    } else if h.allergies.is_empty() {
        blocks.push(Block::Note(plain(w.get("allergies-write"))));
        blocks.push(writing_lines(1, w.get("allergies")));
    } else {
        blocks.push(Block::Bullets(h.allergies.iter().map(plain).collect()));
    }
    if let Some(notes) = &h.notes {
        blocks.push(Block::Subheading(w.get("other-notes")));
        blocks.push(Block::Paragraph(plain(notes)));
    }
    blocks
}

pub(super) fn department_blocks(
    intake: &Intake,
    guide: &Guide,
    facts: &Facts,
    w: &Words,
) -> Vec<Block> {
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
    let mut blocks = vec![Block::Heading(w.get("which-department"))];
    if !guide.departments.is_empty() {
        blocks.push(Block::Paragraph(plain(w.get("departments-can-help"))));
        blocks.push(Block::Bullets(
            guide.departments.iter().map(plain).collect(),
        ));
    }
    if let Some(b) = booked {
        blocks.push(Block::Paragraph(vec![
            Span {
                text: w.get("booked"),
                strong: true,
                link: None,
            },
            Span {
                text: b.to_string(),
                strong: false,
                link: None,
            },
        ]));
    }
    if !hints.is_empty() {
        blocks.push(Block::Subheading(w.get("departments-may-fit")));
        blocks.push(Block::Bullets(
            hints
                .iter()
                .map(|h| {
                    // "(neurology) (booked)" would be two brackets in a row.
                    let name = match (is_booked(&h.department), h.department.strip_suffix(')')) {
                        (true, Some(open)) => {
                            w.with("department-booked-inside", &[("open", Words::text(open))])
                        }
                        (true, None) => w.with(
                            "department-booked",
                            &[("department", Words::text(&h.department))],
                        ),
                        (false, _) => h.department.clone(),
                    };
                    vec![
                        Span {
                            text: format!("{name}: "),
                            strong: true,
                            link: None,
                        },
                        Span {
                            text: h.why.clone(),
                            strong: false,
                            link: None,
                        },
                    ]
                })
                .collect(),
        ));
    }
    blocks
}
