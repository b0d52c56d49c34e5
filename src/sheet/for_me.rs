//! "For me": the patient's part, before, during and after the visit.

use super::details::{department_blocks, flags_for};
use crate::words::Words;
use super::{about, AFTER_THE_VISIT};
use crate::document::{plain, writing_lines, Block, CheckItem, Column, Span, Table, Text};
use crate::guide::{Facts, Guide, Tier};
use crate::intake::Intake;

pub(super) fn for_me(intake: &Intake, guide: &Guide, facts: &Facts, w: &Words) -> Vec<Block> {
    let mut blocks = vec![Block::Title {
        text: w.get("for-me-title"),
        subtitle: w.get("for-me-subtitle"),
    }];
    if !guide.is_in(w.language) {
        // The sheet's own words are in the patient's language, the guide's advice is not:
        // said at the top, so that no one takes it for a mistake.
        blocks.push(Block::Note(plain(w.get("guide-in-english"))));
    }

    blocks.extend(before_leaving_home(intake, guide, facts, w));

    blocks.extend(my_questions(intake, guide, facts, w));

    blocks.push(Block::PageBreak);
    blocks.push(Block::Anchor {
        id: AFTER_THE_VISIT.into(),
        skip: 0,
    });
    blocks.extend(after_the_visit(w));
    // The plan stands on a page of its own, to show at the next visit.
    blocks.push(Block::PageBreak);

    blocks.extend(about::blocks(guide, facts, w));

    blocks.extend(good_to_know(guide, facts, w));
    blocks.extend(tests(guide, facts, w));
    blocks.extend(department_blocks(intake, guide, facts, w));
    blocks
}

/// The checklist, and when not to wait for the visit.
/// A checklist item, its box read as done or not done.
fn check_item(done: bool, text: Text, w: &Words) -> CheckItem {
    CheckItem {
        done,
        box_words: w.get(if done { "box-done" } else { "box-not-done" }),
        text,
    }
}

fn before_leaving_home(intake: &Intake, guide: &Guide, facts: &Facts, w: &Words) -> Vec<Block> {
    let mut blocks = Vec::new();
    let checklist: Vec<CheckItem> = guide
        .checklist
        .iter()
        .filter(|item| facts.holds(&item.when) || intake.checklist_done.contains(&item.id))
        .map(|item| {
            let companion = match intake.visit.companion.as_deref() {
                Some(c) => c.to_string(),
                None => w.get("your-companion"),
            };
            check_item(
                intake.checklist_done.contains(&item.id),
                plain(item.text_for(Some(&companion))),
                w,
            )
        })
        .collect();
    blocks.push(Block::Heading(w.get("before-i-leave-home")));
    if checklist.is_empty() {
        blocks.push(Block::Checklist(vec![check_item(
            false,
            plain(w.get("checklist-default")),
            w,
        )]));
    } else {
        blocks.push(Block::Checklist(checklist));
    }

    blocks.extend(get_care(intake, guide, facts, w));
    blocks
}

/// When to get care, by how soon: the emergency number now, a doctor today, or the visit.
fn get_care(intake: &Intake, guide: &Guide, facts: &Facts, w: &Words) -> Vec<Block> {
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
            blocks.push(Block::Heading(w.get("seek-care")));
        }
        blocks.push(Block::Subheading(tier_heading(tier, intake, w)));
        blocks.push(Block::Bullets(items));
    }
    blocks
}

/// What to do, as the heading of each tier: a booked visit is kept, not waited for.
fn tier_heading(tier: Tier, intake: &Intake, w: &Words) -> String {
    match (tier, intake.visit.when) {
        (Tier::Emergency, _) => w.get("tier-emergency"),
        (Tier::Today, Some(_)) => w.get("tier-today-booked"),
        (Tier::Today, None) => w.get("tier-today"),
        (Tier::Appointment, Some(when)) => w.with(
            "tier-appointment-booked",
            &[("day", Words::text(w.day_month(when.date())))],
        ),
        (Tier::Appointment, None) => w.get("tier-appointment"),
    }
}

/// The patient's own questions, then the guide's, each with room for the answer.
fn my_questions(intake: &Intake, guide: &Guide, facts: &Facts, w: &Words) -> Vec<Block> {
    let mut blocks = Vec::new();
    let guide_questions: Vec<&str> = guide
        .patient_questions
        .iter()
        .filter(|q| facts.holds(&q.when) && !intake.skipped_questions.contains(&q.id))
        .map(|q| q.text.as_str())
        .collect();
    blocks.push(Block::Heading(w.get("my-questions")));
    let own = intake.own_questions.iter().map(String::as_str);
    for question in own.chain(guide_questions) {
        blocks.push(Block::Subheading(question.to_string()));
        blocks.push(writing_lines(2, question));
    }
    blocks.push(Block::Subheading(w.get("other-questions")));
    blocks.push(writing_lines(2, w.get("other-questions")));
    blocks
}

fn good_to_know(guide: &Guide, facts: &Facts, w: &Words) -> Vec<Block> {
    let mut blocks = Vec::new();
    let notes: Vec<_> = guide
        .good_to_know
        .iter()
        .filter(|n| facts.holds(&n.when))
        .collect();
    if !notes.is_empty() {
        blocks.push(Block::Heading(w.get("good-to-know")));
        for note in notes {
            blocks.push(Block::Subheading(note.title.clone()));
            blocks.push(Block::Paragraph(plain(&note.text)));
        }
    }
    blocks
}

fn tests(guide: &Guide, facts: &Facts, w: &Words) -> Vec<Block> {
    let mut blocks = Vec::new();
    let tests: Vec<_> = guide
        .tests
        .iter()
        .filter(|t| facts.holds(&t.when))
        .collect();
    if !tests.is_empty() {
        blocks.push(Block::Heading(w.get("tests-heading")));
        blocks.push(Block::Bullets(
            tests
                .iter()
                .map(|t| {
                    vec![
                        Span {
                            text: format!("{}: ", t.name),
                            strong: true,
                            link: None,
                        },
                        Span {
                            text: t.why.clone(),
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

/// The page filled in with the doctor before leaving: the plan, in the patient's hand.
pub(super) fn after_the_visit(w: &Words) -> Vec<Block> {
    let column = |id: &str, weight: f32| Column {
        title: w.get(id),
        weight,
        min_chars: 8,
    };
    vec![
        Block::Heading(w.get("after-heading")),
        Block::Paragraph(plain(w.get("after-fill-in"))),
        Block::Subheading(w.get("after-thinks")),
        writing_lines(2, w.get("after-thinks")),
        Block::Subheading(w.get("after-at-home")),
        writing_lines(3, w.get("after-at-home")),
        Block::Subheading(w.get("after-changes")),
        Block::Table(Table {
            columns: vec![
                column("column-medicine", 2.2),
                column("column-start-stop", 1.6),
                column("column-how-to-take", 2.4),
                column("column-why", 2.0),
            ],
            rows: Vec::new(),
            blank_rows: 3,
            fill_page: false,
        }),
        Block::Subheading(w.get("after-tests")),
        writing_lines(2, w.get("after-tests")),
        Block::Subheading(w.get("after-next")),
        writing_lines(1, w.get("after-next")),
        Block::Subheading(w.get("after-whom")),
        writing_lines(1, w.get("after-whom")),
        Block::Checklist(vec![check_item(
            false,
            vec![
                Span {
                    text: w.get("say-it-back"),
                    strong: true,
                    link: None,
                },
                Span {
                    text: w.get("say-it-back-text"),
                    strong: false,
                    link: None,
                },
            ],
            w,
        )]),
    ]
}
