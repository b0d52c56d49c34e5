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

use crate::document::{plain, strong, Block, Document, Footer, Language, Metadata, Text};
use crate::guide::{ChecklistItem, DoctorQuestion, Facts, Guide, MedicationFlag};
pub use crate::intake::age_on;
use crate::intake::{Intake, LoadedIntake};
use crate::words::Words;

/// What the user asked for beyond the intake.
#[derive(Debug, Clone, Default)]
pub struct SheetOptions {
    /// Add a blank diary grid to fill in by hand.
    pub diary_page: bool,
    /// The language of page 1 and the details, where it is not the patient's: the sheet is
    /// then bilingual, the patient's part in the patient's language.
    pub doctor_language: Option<Language>,
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
    /// The words of page 1 and the details.
    doctor: &'static Words,
    /// The words of the patient's part.
    patient: &'static Words,
    /// The guide in the doctor's language and in the patient's, where it is translated; the
    /// patient's only where it is not the doctor's, as translating a guide is costly.
    doctor_guide: Option<Guide>,
    patient_guide: Option<Guide>,
    /// The warning signs in the patient's words, and the names of the places they are in.
    signs: Vec<summary::FoundSign>,
    sign_places: Vec<String>,
}

impl<'a> Summary<'a> {
    pub fn new(
        intake: &'a Intake,
        guide: &'a Guide,
        made: NaiveDateTime,
        options: &SheetOptions,
    ) -> Summary<'a> {
        let language = intake.sheet_language();
        let doctor_language = options.doctor_language.unwrap_or(language);
        let doctor_guide = guide.translated(doctor_language);
        let doctor = Words::of(doctor_language);
        let (signs, sign_places) =
            summary::signs_of(intake, guide, doctor_guide.as_ref().unwrap_or(guide), doctor);
        Summary {
            signs,
            sign_places,
            intake,
            guide,
            facts: facts_of(intake),
            made,
            doctor,
            patient: Words::of(language),
            doctor_guide,
            patient_guide: if language == doctor_language {
                None
            } else {
                guide.translated(language)
            },
            flags: intake
                .medications
                .iter()
                .map(|m| flags_for(m, guide))
                .collect(),
        }
    }

    /// The guide as page 1 and the details give it.
    fn doctor_guide(&self) -> &Guide {
        self.doctor_guide.as_ref().unwrap_or(self.guide)
    }

    /// The guide as the patient's part gives it.
    fn patient_guide(&self) -> &Guide {
        if self.patient.language == self.doctor.language {
            return self.doctor_guide();
        }
        self.patient_guide.as_ref().unwrap_or(self.guide)
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
        let mut blocks = vec![Block::Language(self.doctor.language)];
        blocks.extend(summary(self, detail, &page));
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
    Summary::new(intake, guide, made, options).sheet(options, summary_detail, pages)
}

impl Summary<'_> {
    /// The whole sheet with this summary at `summary_detail`: see [`visit_sheet_at`].
    pub fn sheet(
        &self,
        options: &SheetOptions,
        summary_detail: SummaryDetail,
        pages: &PageNumbers,
    ) -> Document {
        let (intake, guide, facts, made) =
            (self.intake, self.doctor_guide(), &self.facts, self.made);
        let my_guide = self.patient_guide();
        let detail = Detail {
            chart: summary_detail.chart,
            ..detail_at(summary_detail.level)
        };
        let p = &intake.patient;
        let (w, me) = (self.doctor, self.patient);

        let mut blocks = self.blocks(summary_detail, pages);
        blocks.push(Block::Language(w.language));
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
            w,
        ));
        blocks.push(Block::PageBreak);
        blocks.push(Block::Language(me.language));
        blocks.push(Block::Anchor {
            id: FOR_ME.into(),
            skip: 0,
        });
        blocks.extend(for_me(intake, my_guide, facts, me));
        if options.diary_page {
            blocks.extend(diary::blank_grid(&diary_title(my_guide, me), me));
        }

        // The document's description is read first by whoever opens the file: the doctor.
        let visit_day = intake.visit.when.map(|when| w.long_date(when.date()));
        let condition = || ("condition", Words::text(&guide.title));
        let subject = match (visit_day, &intake.visit.clinic) {
            (Some(day), Some(clinic)) => w.with(
                "meta-subject-day-clinic",
                &[
                    condition(),
                    ("day", Words::text(day)),
                    ("clinic", Words::text(clinic)),
                ],
            ),
            (Some(day), None) => w.with(
                "meta-subject-day",
                &[condition(), ("day", Words::text(day))],
            ),
            (None, Some(clinic)) => w.with(
                "meta-subject-clinic",
                &[condition(), ("clinic", Words::text(clinic))],
            ),
            (None, None) => w.with("meta-subject", &[condition()]),
        };
        Document {
            meta: Metadata {
                title: w.with("meta-title", &[condition(), ("name", Words::text(&p.name))]),
                author: p.name.clone(),
                subject,
                keywords: vec![w.get("meta-keyword"), guide.title.clone(), guide.id.clone()],
                created: made,
                language: w.language,
            },
            footer: Footer {
                text: w.with(
                    "footer",
                    &[
                        ("name", Words::text(&p.name)),
                        ("date", Words::text(w.long_date(made.date()))),
                    ],
                ),
                page: w.page_label(),
            },
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

/// What the diary is called: the guide's name for it, else the sheet's own.
fn diary_title(guide: &Guide, w: &Words) -> String {
    guide
        .diary_title
        .clone()
        .unwrap_or_else(|| w.get("diary-title-default"))
}

/// A date with its weekday, and the time when given: "Wednesday 2 December 2026, 09:30".
fn visit_when(w: &Words, when: &crate::intake::VisitTime, short_weekday: bool) -> String {
    let day = when.date();
    let weekday = if short_weekday {
        w.weekday_short(day)
    } else {
        w.weekday(day)
    };
    let date = w.with(
        "weekday-date",
        &[
            ("weekday", Words::text(weekday)),
            ("date", Words::text(w.long_date(day))),
        ],
    );
    match when.time() {
        Some(t) => w.with(
            "date-time",
            &[
                ("date", Words::text(date)),
                ("time", Words::text(w.time(t))),
            ],
        ),
        None => date,
    }
}

fn header_fields(intake: &Intake, today: NaiveDate, w: &Words) -> Vec<(String, Text)> {
    let p = &intake.patient;
    let v = &intake.visit;
    let mut fields: Vec<(String, Text)> = vec![(w.get("label-patient"), strong(&p.name))];
    if let Some(born) = p.born {
        let (day, id) = match v.when {
            Some(when) => (when.date(), "born-at-visit"),
            None => (today, "born-today"),
        };
        let age = age_on(born, day);
        fields.push((
            w.get("label-born"),
            plain(w.with(
                id,
                &[
                    ("born", Words::text(w.long_date(born))),
                    ("age", Words::count(age as usize)),
                ],
            )),
        ));
    }
    if let Some(sex) = &p.sex {
        fields.push((w.get("label-sex"), plain(sex)));
    }
    if !p.needs.is_empty() {
        fields.push((w.get("label-what-helps-me"), plain(p.needs.join("; "))));
    }
    if let Some(by) = &p.filled_in_by {
        fields.push((w.get("label-filled-in-by"), plain(by)));
    }
    if p.pregnant {
        let text = match p.pregnancy_week {
            Some(week) => w.with("pregnant-week", &[("week", Words::count(week as usize))]),
            None => w.get("pregnant-yes"),
        };
        fields.push((w.get("label-pregnant"), strong(text)));
    }
    if !intake.health.allergies.is_empty() {
        fields.push((
            w.get("label-allergies"),
            strong(intake.health.allergies.join("; ")),
        ));
    }
    if let Some(when) = &v.when {
        fields.push((w.get("label-visit"), plain(visit_when(w, when, false))));
    }
    let place: Vec<&str> = [v.clinic.as_deref(), v.department.as_deref()]
        .into_iter()
        .flatten()
        .collect();
    if !place.is_empty() {
        fields.push((w.get("label-where"), plain(place.join(", "))));
    }
    for (label, value) in [
        ("label-doctor", &v.doctor),
        ("label-coming-with-me", &v.companion),
        ("label-phone", &p.phone),
        ("label-language", &p.language),
        ("label-in-an-emergency", &p.emergency_contact),
    ] {
        if let Some(value) = value {
            fields.push((w.get(label), plain(value)));
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
            .filter(|b| matches!(b, Block::WritingLines { lines: 3, .. }))
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
        let flag_words = Words::of(Language::English).get("flag-words");
        assert_eq!(text.matches(&flag_words).count(), 3, "{text}");
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
            doc.contains(
                "done: true, box_words: \"Done: \", text: [Span { text: \"Bring this sheet"
            ),
            "{doc}"
        );
    }
}
