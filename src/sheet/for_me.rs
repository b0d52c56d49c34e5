//! "For me": the patient's part, before, during and after the visit.

use super::details::{department_blocks, flags_for};
use super::{about, AFTER_THE_VISIT};
use crate::document::{plain, Block, CheckItem, Column, Span, Table, Text};
use crate::guide::{Facts, Guide, Tier};
use crate::intake::Intake;

pub(super) fn for_me(intake: &Intake, guide: &Guide, facts: &Facts) -> Vec<Block> {
    let mut blocks = vec![Block::Title {
        text: "For me".into(),
        subtitle: "Before, during and after the visit".into(),
    }];

    blocks.extend(before_leaving_home(intake, guide, facts));

    blocks.extend(my_questions(intake, guide, facts));

    blocks.push(Block::PageBreak);
    blocks.push(Block::Anchor {
        id: AFTER_THE_VISIT.into(),
        skip: 0,
    });
    blocks.extend(after_the_visit());
    // The plan stands on a page of its own, to show at the next visit.
    blocks.push(Block::PageBreak);

    blocks.extend(about::blocks(guide, facts));

    blocks.extend(good_to_know(guide, facts));
    blocks.extend(tests(guide, facts));
    blocks.extend(department_blocks(intake, guide, facts));
    blocks
}

/// The checklist, and when not to wait for the visit.
fn before_leaving_home(intake: &Intake, guide: &Guide, facts: &Facts) -> Vec<Block> {
    let mut blocks = Vec::new();
    let checklist: Vec<CheckItem> = guide
        .checklist
        .iter()
        .filter(|item| facts.holds(&item.when) || intake.checklist_done.contains(&item.id))
        .map(|item| CheckItem {
            done: intake.checklist_done.contains(&item.id),
            text: plain(item.text_for(intake.visit.companion.as_deref())),
        })
        .collect();
    blocks.push(Block::Heading("Before I leave home".into()));
    if checklist.is_empty() {
        blocks.push(Block::Checklist(vec![CheckItem {
            done: false,
            text: plain("Bring this sheet, my medicines or their boxes, and my health card."),
        }]));
    } else {
        blocks.push(Block::Checklist(checklist));
    }

    blocks.extend(get_care(intake, guide, facts));
    blocks
}

/// When to get care, by how soon: the emergency number now, a doctor today, or the visit.
fn get_care(intake: &Intake, guide: &Guide, facts: &Facts) -> Vec<Block> {
    let mut blocks = Vec::new();
    // A medicine's own warning (a statin's muscle pain) is an emergency for whoever takes it.
    let mut urgent: Vec<&str> = Vec::new();
    for m in &intake.medications {
        for flag in flags_for(m, guide) {
            if let Some(text) = flag.urgent.as_deref().filter(|t| !t.trim().is_empty()) {
                if !urgent.contains(&text) {
                    urgent.push(text);
                }
            }
        }
    }
    for tier in Tier::ALL {
        let mut items: Vec<Text> = guide
            .seek_care
            .iter()
            .filter(|s| s.tier == tier && facts.holds(&s.when))
            .map(|s| plain(&s.text))
            .collect();
        if tier == Tier::Emergency {
            items.extend(urgent.iter().map(|t| plain(*t)));
        }
        if items.is_empty() {
            continue;
        }
        if blocks.is_empty() {
            blocks.push(Block::Heading(SEEK_CARE.into()));
        }
        blocks.push(Block::Subheading(tier_heading(tier, intake)));
        blocks.push(Block::Bullets(items));
    }
    blocks
}

pub(super) const SEEK_CARE: &str = "When to get care promptly";

/// What to do, as the heading of each tier: a booked visit is kept, not waited for.
fn tier_heading(tier: Tier, intake: &Intake) -> String {
    match (tier, intake.visit.when) {
        (Tier::Emergency, _) => "Now: call the emergency number".into(),
        (Tier::Today, Some(_)) => "Today: see a doctor, do not wait for your visit".into(),
        (Tier::Today, None) => "Today: see a doctor".into(),
        (Tier::Appointment, Some(when)) => format!(
            "At your visit on {}: keep it, and tell the doctor",
            when.date().format("%-d %B")
        ),
        (Tier::Appointment, None) => "Soon: make an appointment and tell the doctor".into(),
    }
}

/// The patient's own questions, then the guide's, each with room for the answer.
fn my_questions(intake: &Intake, guide: &Guide, facts: &Facts) -> Vec<Block> {
    let mut blocks = Vec::new();
    let guide_questions: Vec<&str> = guide
        .patient_questions
        .iter()
        .filter(|q| facts.holds(&q.when) && !intake.skipped_questions.contains(&q.id))
        .map(|q| q.text.as_str())
        .collect();
    blocks.push(Block::Heading("My questions for the doctor".into()));
    let own = intake.own_questions.iter().map(String::as_str);
    for question in own.chain(guide_questions) {
        blocks.push(Block::Subheading(question.to_string()));
        blocks.push(Block::WritingLines(2));
    }
    blocks.push(Block::Subheading("Other questions".into()));
    blocks.push(Block::WritingLines(2));
    blocks
}

fn good_to_know(guide: &Guide, facts: &Facts) -> Vec<Block> {
    let mut blocks = Vec::new();
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
    blocks
}

fn tests(guide: &Guide, facts: &Facts) -> Vec<Block> {
    let mut blocks = Vec::new();
    let tests: Vec<_> = guide
        .tests
        .iter()
        .filter(|t| facts.holds(&t.when))
        .collect();
    if !tests.is_empty() {
        blocks.push(Block::Heading(
            "Examinations and tests the doctor may do".into(),
        ));
        blocks.push(Block::Bullets(
            tests
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
    blocks
}

/// The page filled in with the doctor before leaving: the plan, in the patient's hand.
pub(super) fn after_the_visit() -> Vec<Block> {
    let column = |title: &str, weight: f32| Column {
        title: title.into(),
        weight,
        min_chars: 8,
    };
    vec![
        Block::Heading("After the visit: my plan".into()),
        Block::Paragraph(plain(
            "Fill this in with the doctor or nurse before you leave, or ask them to write it.",
        )),
        Block::Subheading("What the doctor thinks it is".into()),
        Block::WritingLines(2),
        Block::Subheading("What to do at home".into()),
        Block::WritingLines(3),
        Block::Subheading("Changes to my medicines".into()),
        Block::Table(Table {
            columns: vec![
                column("Medicine", 2.2),
                column("Start, stop or change?", 1.6),
                column("How to take it", 2.4),
                column("Why", 2.0),
            ],
            rows: Vec::new(),
            blank_rows: 3,
            fill_page: false,
        }),
        Block::Subheading("Tests ordered, and how the results will reach me".into()),
        Block::WritingLines(2),
        Block::Subheading("My next appointment".into()),
        Block::WritingLines(1),
        Block::Subheading("Whom to call with questions".into()),
        Block::WritingLines(1),
        Block::Checklist(vec![CheckItem {
            done: false,
            text: vec![
                Span {
                    text: "Say it back: ".into(),
                    strong: true,
                },
                Span {
                    text: "I have told the doctor the plan in my own words, and it was right."
                        .into(),
                    strong: false,
                },
            ],
        }]),
    ]
}
