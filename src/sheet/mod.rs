//! The merge: a checked intake and its guide become one document, the visit sheet. This is
//! where the patient's words meet what the guide knows; nothing here knows about pages.

mod about;
mod details;
pub mod diary;
mod for_me;
mod summary;

use details::details;
pub use details::flags_for;
use for_me::for_me;
use summary::summary;

use std::collections::BTreeMap;

use chrono::{NaiveDate, NaiveDateTime, Timelike};

use crate::document::{plain, strong, Block, Document, Metadata, Text};
use crate::guide::{ChecklistItem, DoctorQuestion, Facts, Guide, MedicationFlag, SignFound};
pub use crate::intake::age_on;
use crate::intake::{Intake, LoadedIntake};

/// What the user asked for beyond the intake.
#[derive(Debug, Clone, Default)]
pub struct SheetOptions {
    /// Add a blank diary grid to fill in by hand.
    pub diary_page: bool,
}

/// Pages of the sheet's anchors, as a layout found them: the summary names them ("continued on
/// page 4"). An anchor not yet laid out is printed as a wide guess, so that the real number
/// never takes more room than the guess did.
pub type PageNumbers = BTreeMap<String, usize>;

/// The guess printed for a page not yet known: two wide digits.
const PAGE_GUESS: usize = 88;

/// Anchors of the sheet's parts.
pub const DETAILS: &str = "details";
pub const FOR_ME: &str = "for-me";
pub const AFTER_THE_VISIT: &str = "after-the-visit";

/// How much of the patient's own text the first page shows. The render pipeline tries the
/// levels in order and keeps the first whose summary fits on its page.
#[derive(Debug, Clone, Copy)]
struct Detail {
    /// Characters of an answer, the reason, the goal or one concern.
    answer: usize,
    /// Characters of a short item: one allergy, one need, the name.
    item: usize,
    /// Characters of the other illnesses, all together.
    conditions: usize,
    /// Medicines shown one a line; flagged ones are always shown.
    medicines: usize,
    /// Medicines in one running paragraph instead of a line each.
    compact_medicines: bool,
    chart: bool,
}

/// Characters of an answer at each level: each about a sixth shorter than the one before.
const ANSWER_CHARS: [usize; 14] = [
    480, 400, 330, 280, 240, 200, 170, 145, 120, 100, 80, 64, 50, 36,
];

/// How many detail levels the summary can be built at; 0 shows the most.
pub const DETAIL_LEVELS: usize = ANSWER_CHARS.len();

fn detail_at(level: usize) -> Detail {
    let answer = ANSWER_CHARS[level.min(DETAIL_LEVELS - 1)];
    Detail {
        answer,
        item: (answer / 2).clamp(30, 200),
        conditions: (answer * 2 / 3).max(40),
        medicines: match answer {
            240.. => 12,
            145.. => 8,
            100.. => 6,
            64.. => 4,
            50.. => 2,
            _ => 0,
        },
        compact_medicines: answer < 100,
        chart: true,
    }
}

/// Builds the visit sheet at the fullest detail, with page numbers guessed. The render
/// pipeline uses [`visit_sheet_at`] to make the summary fit and its page numbers true.
pub fn visit_sheet(
    intake: &Intake,
    guide: &Guide,
    made: NaiveDateTime,
    options: &SheetOptions,
) -> Document {
    visit_sheet_at(
        intake,
        guide,
        made,
        options,
        SummaryDetail {
            level: 0,
            chart: true,
        },
        &PageNumbers::new(),
    )
}

/// How much the summary shows: its detail level (0 to [`DETAIL_LEVELS`] - 1, 0 the most)
/// and whether it has the diary's small chart.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SummaryDetail {
    pub level: usize,
    pub chart: bool,
}

/// The summary alone, as [`visit_sheet_at`] begins it (up to and with the page break after
/// it), to be built again and again while it is fitted: what it needs from the guide is
/// worked out once.
pub struct Summary<'a> {
    intake: &'a Intake,
    guide: &'a Guide,
    facts: Facts,
    made: NaiveDateTime,
    /// For each medicine, the guide's flags it matches: the names lists are long, so they
    /// are matched once.
    flags: Vec<Vec<&'a MedicationFlag>>,
    /// The warning signs in the patient's words, and the names of the places they are in.
    signs: Vec<SignFound<'a>>,
    sign_places: Vec<String>,
}

impl<'a> Summary<'a> {
    pub fn new(intake: &'a Intake, guide: &'a Guide, made: NaiveDateTime) -> Summary<'a> {
        let (signs, sign_places) = summary::signs_of(intake, guide);
        Summary {
            signs,
            sign_places,
            intake,
            guide,
            facts: facts_of(intake),
            made,
            flags: intake
                .medications
                .iter()
                .map(|m| flags_for(m, guide))
                .collect(),
        }
    }

    /// Whether the patient kept a diary: only then can the summary show its chart.
    pub fn has_diary(&self) -> bool {
        !self.intake.diary.is_empty()
    }

    /// The summary's blocks at `summary_detail`, naming the pages in `pages`.
    pub fn blocks(&self, summary_detail: SummaryDetail, pages: &PageNumbers) -> Vec<Block> {
        let detail = Detail {
            chart: summary_detail.chart,
            ..detail_at(summary_detail.level)
        };
        let page = |id: &str| pages.get(id).copied().unwrap_or(PAGE_GUESS);
        let mut blocks = summary(self, detail, &page);
        blocks.push(Block::PageBreak);
        blocks
    }
}

/// Builds the visit sheet with its summary at `detail`, naming the pages in `pages`. `made` is when the sheet is generated (SOURCE_DATE_EPOCH or
/// now).
pub fn visit_sheet_at(
    intake: &Intake,
    guide: &Guide,
    made: NaiveDateTime,
    options: &SheetOptions,
    summary_detail: SummaryDetail,
    pages: &PageNumbers,
) -> Document {
    Summary::new(intake, guide, made).sheet(options, summary_detail, pages)
}

impl Summary<'_> {
    /// The whole sheet with this summary at `summary_detail`: see [`visit_sheet_at`].
    pub fn sheet(
        &self,
        options: &SheetOptions,
        summary_detail: SummaryDetail,
        pages: &PageNumbers,
    ) -> Document {
        let (intake, guide, facts, made) = (self.intake, self.guide, &self.facts, self.made);
        let detail = Detail {
            chart: summary_detail.chart,
            ..detail_at(summary_detail.level)
        };
        let p = &intake.patient;

        let mut blocks = self.blocks(summary_detail, pages);
        blocks.push(Block::Anchor {
            id: DETAILS.into(),
            skip: 0,
        });
        blocks.extend(details(
            intake,
            guide,
            facts,
            &self.flags,
            made.date(),
            detail,
        ));
        blocks.push(Block::PageBreak);
        blocks.push(Block::Anchor {
            id: FOR_ME.into(),
            skip: 0,
        });
        blocks.extend(for_me(intake, guide, facts));
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
        own_words: own_words.join("\n").into(),
        booked: intake.visit.when.is_some(),
        afternoon: intake
            .visit
            .when
            .and_then(|w| w.time())
            .is_some_and(|t| t.hour() >= 12),
    }
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
    if !p.needs.is_empty() {
        fields.push(("What helps me".into(), plain(p.needs.join("; "))));
    }
    if let Some(by) = &p.filled_in_by {
        fields.push(("Filled in by".into(), plain(by)));
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

/// The guide's questions that apply to this patient and are not yet answered.
pub fn open_questions(loaded: &LoadedIntake) -> Vec<&DoctorQuestion> {
    let facts = facts_of(&loaded.intake);
    loaded
        .guide
        .doctor_questions
        .iter()
        .filter(|q| facts.holds(&q.when) && !loaded.intake.answers.contains_key(&q.id))
        .collect()
}

/// The checklist items that apply to this patient and are not yet done.
pub fn open_checklist(loaded: &LoadedIntake) -> Vec<&ChecklistItem> {
    let facts = facts_of(&loaded.intake);
    loaded
        .guide
        .checklist
        .iter()
        .filter(|c| facts.holds(&c.when) && !loaded.intake.checklist_done.contains(&c.id))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::summary::FLAG_WORDS;
    use super::*;
    use crate::intake;
    use std::path::Path;

    fn sheet_of(text: &str) -> Document {
        let (intake, guide) = intake::parse(
            Path::new("t.toml"),
            text,
            Path::new("."),
            crate::intake::test_support::today(),
        )
        .unwrap();
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
        assert_eq!(text.matches("(note A)").count(), 2, "{text}");
        assert_eq!(text.matches("(note B)").count(), 1, "{text}");
        // The summary marks all three in words that say to keep taking them.
        assert_eq!(text.matches(FLAG_WORDS).count(), 3, "{text}");
        assert!(!text.to_lowercase().contains("stop taking"), "{text}");
        assert_eq!(text.matches("Note A: Water pills").count(), 1, "{text}");
        assert_eq!(text.matches("Note B: Cholesterol").count(), 1, "{text}");
    }

    #[test]
    fn missing_allergies_are_not_stated_never_none() {
        let doc = sheet_of("guide = \"general\"\n[patient]\nname = \"A\"\n");
        let framed: Vec<String> = doc
            .blocks
            .iter()
            .filter_map(|b| match b {
                Block::Framed(t) => Some(t.iter().map(|s| s.text.as_str()).collect()),
                _ => None,
            })
            .collect();
        assert_eq!(framed, ["Allergies: not stated (ask the patient)"]);
        let text = all_text(&doc);
        assert!(text.contains("No medicines listed"), "{text}");
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
        assert!(doc.contains("(endocrinology, booked): "), "{doc}");
        assert!(!doc.contains("(orthopedics, booked)"), "{doc}");
        assert!(!doc.contains(") (booked)"), "{doc}");
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
