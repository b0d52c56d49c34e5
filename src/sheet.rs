//! The merge: a checked intake and its guide become one document, the visit sheet. This is
//! where the patient's words meet what the guide knows; nothing here knows about pages.

mod about;

use std::collections::BTreeMap;

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
}

impl<'a> Summary<'a> {
    pub fn new(intake: &'a Intake, guide: &'a Guide, made: NaiveDateTime) -> Summary<'a> {
        Summary {
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

// --- Page 1: the summary, for the doctor ---

/// Text collapsed to one line and cut at a word boundary to at most `max` characters.
/// Returns what is shown and, when cut, how many characters that are not white space it
/// holds, so that a reference can name the page where the rest of the original goes on.
fn cut(text: &str, max: usize) -> (String, Option<usize>) {
    let one_line = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if one_line.chars().count() <= max {
        return (one_line, None);
    }
    let mut end = one_line
        .char_indices()
        .nth(max)
        .map_or(one_line.len(), |(i, _)| i);
    // Back to the last space, unless that would leave too little: a very long word is cut.
    if let Some(space) = one_line[..end].rfind(' ') {
        if one_line[..space].chars().count() * 2 >= max {
            end = space;
        }
    }
    let shown = one_line[..end].trim_end().to_string();
    let kept = shown.chars().filter(|c| !c.is_whitespace()).count();
    (shown, Some(kept))
}

/// Text cut for the summary, with "… (continued on page N)" when it was cut. When cut, the
/// anchor `id` goes in the details just before the full text (see [`anchored`]).
fn summary_text(text: &str, max: usize, id: &str, page: &dyn Fn(&str) -> usize) -> Text {
    let (shown, rest) = cut(text, max);
    let mut out = plain(shown);
    if rest.is_some() {
        out.push(Span {
            text: format!(" … (continued on page {})", page(id)),
            strong: true,
        });
    }
    out
}

/// A short item cut for the summary: when cut, it says on which page it stands in full.
fn short(text: &str, max: usize, id: &str, page: &dyn Fn(&str) -> usize) -> String {
    match cut(text, max) {
        (shown, None) => shown,
        (shown, Some(_)) => format!("{shown} … (in full on page {})", page(id)),
    }
}

/// The anchor for a text the summary may cut: it marks where the part after the cut stands.
fn anchored(text: &str, max: usize, id: &str) -> Block {
    Block::Anchor {
        id: id.to_string(),
        skip: cut(text, max).1.unwrap_or(0),
    }
}

fn summary(s: &Summary, detail: Detail, page: &dyn Fn(&str) -> usize) -> Vec<Block> {
    let (intake, guide, facts) = (s.intake, s.guide, &s.facts);
    let today = s.made.date();
    let p = &intake.patient;
    let v = &intake.visit;
    let mut blocks = vec![Block::Heading(format!(
        "Visit summary for the doctor: {}",
        guide.title
    ))];
    let by = match &p.filled_in_by {
        Some(by) if !by.trim().is_empty() => {
            format!(
                "Filled in by {} before the visit",
                short(by, detail.item, "about", page)
            )
        }
        _ => "Filled in by the patient before the visit".to_string(),
    };
    blocks.push(Block::Note(plain(format!(
        "{by}, in the patient's own words. This page is a summary. Details: pages {}–{}.",
        page(DETAILS),
        page(FOR_ME).saturating_sub(1).max(page(DETAILS))
    ))));

    // Who
    let mut who: Vec<(String, Text)> = Vec::new();
    let mut name = strong(cut(&p.name, detail.item.max(60)).0);
    if cut(&p.name, detail.item.max(60)).1.is_some() {
        name.push(Span {
            text: format!(" … (in full on page {})", page(DETAILS)),
            strong: false,
        });
    }
    let mut age_sex = Vec::new();
    if let Some(born) = p.born {
        let day = v.when.map_or(today, |w| w.date());
        let age = age_on(born, day);
        let at = if v.when.is_some() {
            " at the visit"
        } else {
            ""
        };
        age_sex.push(format!("{age} years old{at} (born {})", long_date(born)));
    }
    if let Some(sex) = p.sex.as_deref().filter(|s| !s.trim().is_empty()) {
        age_sex.push(short(sex, detail.item, "about", page));
    }
    if !age_sex.is_empty() {
        name.push(Span {
            text: format!(", {}", age_sex.join(", ")),
            strong: false,
        });
    }
    who.push(("Patient".into(), name));
    if p.pregnant {
        let text = match p.pregnancy_week {
            Some(w) => format!("Yes, week {w}"),
            None => "Yes (week not given)".into(),
        };
        who.push(("Pregnant".into(), strong(text)));
    }
    if let Some(when) = v.when {
        let mut text = when.date().format("%a ").to_string() + &long_date(when.date());
        if let Some(t) = when.time() {
            text += &t.format(", %H:%M").to_string();
        }
        let place: Vec<String> = [v.clinic.as_deref(), v.department.as_deref()]
            .into_iter()
            .flatten()
            .filter(|s| !s.trim().is_empty())
            .map(|s| short(s, detail.item, "about", page))
            .collect();
        if !place.is_empty() {
            text += &format!(", {}", place.join(", "));
        }
        who.push(("Visit".into(), plain(text)));
    }
    if let Some(lang) = p.language.as_deref().filter(|s| !s.trim().is_empty()) {
        who.push((
            "Speaks best".into(),
            summary_text(lang, detail.item, "about", page),
        ));
    }
    if !p.needs.is_empty() {
        who.push((
            "Needs".into(),
            summary_text(&p.needs.join("; "), detail.item * 2, "about", page),
        ));
    }
    blocks.push(Block::Fields(who));

    // Allergies: framed, and never silent.
    let mut allergy = strong("Allergies: ");
    if intake.health.allergies.iter().all(|a| a.trim().is_empty()) {
        allergy.push(Span {
            text: "not stated (ask the patient)".into(),
            strong: true,
        });
    } else {
        let mut long = false;
        let shown: Vec<String> = intake
            .health
            .allergies
            .iter()
            .filter(|a| !a.trim().is_empty())
            .map(|a| {
                let (s, rest) = cut(a, detail.item);
                long |= rest.is_some();
                if rest.is_some() {
                    format!("{s} …")
                } else {
                    s
                }
            })
            .collect();
        allergy.push(Span {
            text: shown.join("; "),
            strong: true,
        });
        if long {
            allergy.push(Span {
                text: format!(" (in full on page {})", page("allergies")),
                strong: false,
            });
        }
    }
    blocks.push(Block::Framed(allergy));

    // Why
    let mut why: Vec<(String, Text)> = Vec::new();
    why.push((
        "Reason".into(),
        match v.reason.as_deref().filter(|r| !r.trim().is_empty()) {
            Some(r) => summary_text(r, detail.answer, "reason", page),
            None => plain("not answered"),
        },
    ));
    let concerns: Vec<&String> = v.concerns.iter().filter(|c| !c.trim().is_empty()).collect();
    if !concerns.is_empty() {
        let mut text: Text = Vec::new();
        for (i, c) in concerns.iter().take(3).enumerate() {
            if i > 0 {
                text.push(Span {
                    text: "\n".into(),
                    strong: false,
                });
            }
            text.push(Span {
                text: format!("{}. ", i + 1),
                strong: true,
            });
            text.extend(summary_text(
                c,
                detail.answer * 2 / 3,
                &format!("concern-{i}"),
                page,
            ));
        }
        if concerns.len() > 3 {
            text.push(Span {
                text: format!(
                    "\n… and {} more, see page {}",
                    concerns.len() - 3,
                    page("concerns")
                ),
                strong: true,
            });
        }
        why.push(("Concerns".into(), text));
    }
    if let Some(goal) = v.goal.as_deref().filter(|g| !g.trim().is_empty()) {
        why.push((
            "Hopes for".into(),
            summary_text(goal, detail.answer * 2 / 3, "goal", page),
        ));
    }
    blocks.push(Block::Fields(why));

    // The key answers, under the guide's short labels.
    let key: Vec<(String, Text)> = guide
        .doctor_questions
        .iter()
        .filter_map(|q| {
            let label = q.summary.as_ref()?;
            let answer = intake.answers.get(&q.id).filter(|a| !a.trim().is_empty());
            if answer.is_none() && !facts.holds(&q.when) {
                return None;
            }
            Some((
                label.clone(),
                match answer {
                    Some(a) => summary_text(a, detail.answer, &answer_anchor(&q.id), page),
                    None => plain("not answered"),
                },
            ))
        })
        .collect();
    if !key.is_empty() {
        blocks.push(Block::Rule);
        blocks.push(Block::Fields(key));
    }

    blocks.push(Block::Rule);
    let mut health: Vec<(String, Text)> = vec![(
        "Medicines".into(),
        summary_medicines(&intake.medications, &s.flags, detail, page),
    )];
    let conditions: Vec<&str> = intake
        .health
        .conditions
        .iter()
        .map(String::as_str)
        .filter(|c| !c.trim().is_empty())
        .collect();
    health.push((
        "Other illnesses".into(),
        if conditions.is_empty() {
            plain("not stated")
        } else {
            summary_text(&conditions.join("; "), detail.conditions, "health", page)
        },
    ));
    if let Some(s) = diary::summarize(&intake.diary) {
        health.push((
            "Diary".into(),
            plain(format!(
                "{} (details on page {})",
                diary::in_words(&s),
                page("diary")
            )),
        ));
    }
    blocks.push(Block::Fields(health));
    if detail.chart {
        if let Some(mut chart) = diary::chart(&intake.diary) {
            chart.small = true;
            blocks.push(Block::Chart(chart));
        }
    }
    blocks
}

fn answer_anchor(id: &str) -> String {
    format!("answer-{id}")
}

/// The words that mark a flagged medicine: what to do is part of the mark, so that it never
/// reads as a reason to stop.
const FLAG_WORDS: &str = "may add to cramps: keep taking it; ask your doctor";

fn summary_medicines(
    medications: &[Medication],
    flags: &[Vec<&MedicationFlag>],
    detail: Detail,
    page: &dyn Fn(&str) -> usize,
) -> Text {
    let named: Vec<(&Medication, bool)> = medications
        .iter()
        .zip(flags.iter().map(|f| !f.is_empty()))
        .filter(|(m, _)| !m.name.trim().is_empty())
        .collect();
    if named.is_empty() {
        return plain("No medicines listed");
    }
    // Every flagged medicine is shown; the others fill the room left.
    let room = detail
        .medicines
        .saturating_sub(named.iter().filter(|(_, f)| *f).count());
    let mut others = 0;
    let shown: Vec<(&Medication, bool)> = named
        .iter()
        .copied()
        .filter(|(_, flagged)| {
            if *flagged {
                return true;
            }
            others += 1;
            others <= room
        })
        .collect();
    let hidden = named.len() - shown.len();
    let line = |m: &Medication| -> String {
        let (mut text, rest) = cut(&m.name, detail.item);
        if rest.is_some() {
            text.push_str(" …");
        }
        if !detail.compact_medicines {
            for extra in [m.dose.as_deref(), m.how_often.as_deref()]
                .into_iter()
                .flatten()
                .filter(|t| !t.trim().is_empty())
            {
                let (shown, rest) = cut(extra, detail.item / 2);
                text.push_str(", ");
                text.push_str(&shown);
                if rest.is_some() {
                    text.push_str(" …");
                }
            }
            if m.as_needed {
                text.push_str(" (only when needed)");
            }
        }
        text
    };
    let mut out: Text = Vec::new();
    let sep = |out: &mut Text, s: &str| {
        if !out.is_empty() {
            out.push(Span {
                text: s.into(),
                strong: false,
            });
        }
    };
    if detail.compact_medicines {
        let (f, o): (Vec<_>, Vec<_>) = shown.iter().copied().partition(|(_, flagged)| *flagged);
        if !f.is_empty() {
            out.push(Span {
                text: format!(
                    "Flagged, {FLAG_WORDS}: {}",
                    f.iter()
                        .map(|(m, _)| line(m))
                        .collect::<Vec<_>>()
                        .join("; ")
                ),
                strong: true,
            });
        }
        if !o.is_empty() {
            sep(&mut out, "\n");
            out.push(Span {
                text: o
                    .iter()
                    .map(|(m, _)| line(m))
                    .collect::<Vec<_>>()
                    .join("; "),
                strong: false,
            });
        }
    } else {
        for &(m, is_flagged) in &shown {
            sep(&mut out, "\n");
            out.push(Span {
                text: line(m),
                strong: is_flagged,
            });
            if is_flagged {
                out.push(Span {
                    text: format!(" — {FLAG_WORDS}"),
                    strong: true,
                });
            }
        }
    }
    let details_note = if hidden > 0 {
        format!(
            "… and {hidden} more, see page {} (doses and notes there)",
            page("medicines")
        )
    } else {
        format!(
            "All in full, with doses and notes, on page {}",
            page("medicines")
        )
    };
    sep(&mut out, "\n");
    out.push(Span {
        text: details_note,
        strong: hidden > 0,
    });
    out
}

// --- The details, for the doctor ---

fn details(
    intake: &Intake,
    guide: &Guide,
    facts: &Facts,
    flags: &[Vec<&MedicationFlag>],
    today: NaiveDate,
    detail: Detail,
) -> Vec<Block> {
    let v = &intake.visit;
    let mut blocks = vec![
        Block::Title {
            text: "Visit sheet".into(),
            subtitle: format!("{}: the details", guide.title),
        },
        Block::Anchor {
            id: "about".into(),
            skip: 0,
        },
        Block::Fields(header_fields(intake, today)),
        Block::Rule,
    ];

    blocks.push(Block::Heading("Why I am coming".into()));
    match v.reason.as_deref().filter(|r| !r.trim().is_empty()) {
        Some(reason) => {
            blocks.push(anchored(reason, detail.answer, "reason"));
            blocks.push(Block::Paragraph(plain(reason)));
        }
        None => blocks.push(Block::WritingLines(2)),
    }
    let concerns: Vec<&String> = v.concerns.iter().filter(|c| !c.trim().is_empty()).collect();
    if !concerns.is_empty() {
        blocks.push(Block::Subheading(
            "What worries me, most important first".into(),
        ));
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
        blocks.push(Block::Subheading(
            "What I hope to get from this visit".into(),
        ));
        blocks.push(anchored(goal, detail.answer * 2 / 3, "goal"));
        blocks.push(Block::Paragraph(plain(goal)));
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
            Some(a) => {
                blocks.push(anchored(a, detail.answer, &answer_anchor(&q.id)));
                blocks.push(Block::Paragraph(plain(a)));
            }
            None if q.id == "medications" && !intake.medications.is_empty() => {
                blocks.push(Block::Paragraph(plain(
                    "My medicines are listed in the table below.",
                )));
                blocks.push(Block::WritingLines(2));
            }
            None => {
                // The hint tells the patient what to write on the lines.
                if !q.hint.trim().is_empty() {
                    blocks.push(Block::Note(plain(&q.hint)));
                }
                blocks.push(Block::WritingLines(3));
            }
        }
    }

    blocks.push(Block::Anchor {
        id: "medicines".into(),
        skip: 0,
    });
    blocks.extend(medication_blocks(&intake.medications, flags));
    blocks.extend(health_blocks(intake));
    if !intake.diary.is_empty() {
        blocks.push(Block::Anchor {
            id: "diary".into(),
            skip: 0,
        });
        blocks.extend(diary::blocks(&intake.diary, guide.diary_title()));
    }
    blocks
}

// --- "For me": the patient's part ---

fn for_me(intake: &Intake, guide: &Guide, facts: &Facts) -> Vec<Block> {
    let mut blocks = vec![Block::Title {
        text: "For me".into(),
        subtitle: "Before, during and after the visit".into(),
    }];

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

    blocks.push(Block::PageBreak);
    blocks.push(Block::Anchor {
        id: AFTER_THE_VISIT.into(),
        skip: 0,
    });
    blocks.extend(after_the_visit());
    // The plan stands on a page of its own, to show at the next visit.
    blocks.push(Block::PageBreak);

    blocks.extend(about::blocks(guide, facts));

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

    blocks.extend(department_blocks(intake, guide, facts));
    blocks
}

/// The page filled in with the doctor before leaving: the plan, in the patient's hand.
fn after_the_visit() -> Vec<Block> {
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

fn medication_blocks(medications: &[Medication], flags: &[Vec<&MedicationFlag>]) -> Vec<Block> {
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
    for (m, flags) in medications.iter().zip(flags) {
        let mut name = strong(&m.name);
        for &flag in flags {
            if !used.iter().any(|u| u.id == flag.id) {
                used.push(flag);
            }
            let letter = note_letter(used.iter().position(|u| u.id == flag.id).unwrap_or(0));
            name.push(Span {
                text: format!(
                    "\nMay add to the cramps (note {letter}): keep taking it; ask your doctor"
                ),
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
    blocks.push(Block::Anchor {
        id: "health".into(),
        skip: 0,
    });
    if h.conditions.is_empty() {
        blocks.push(Block::WritingLines(2));
    } else {
        blocks.push(Block::Bullets(h.conditions.iter().map(plain).collect()));
    }
    blocks.push(Block::Subheading("Allergies".into()));
    blocks.push(Block::Anchor {
        id: "allergies".into(),
        skip: 0,
    });
    if h.allergies.is_empty() {
        blocks.push(Block::Note(plain(
            "None written down. Write any allergies here, or \"none known\" if you have none:",
        )));
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
        assert_eq!(text.matches("(note A)").count(), 2, "{text}");
        assert_eq!(text.matches("(note B)").count(), 1, "{text}");
        // The summary marks all three in words that say to keep taking them.
        assert_eq!(text.matches(FLAG_WORDS).count(), 3, "{text}");
        assert!(!text.to_lowercase().contains("stop taking"), "{text}");
        assert_eq!(text.matches("Note A: Water pills").count(), 1, "{text}");
        assert_eq!(text.matches("Note B: Cholesterol").count(), 1, "{text}");
    }

    #[test]
    fn a_cut_stops_at_a_word_and_counts_what_it_kept() {
        assert_eq!(cut("short", 10), ("short".to_string(), None));
        let (shown, kept) = cut("one two\nthree four five", 14);
        assert_eq!(shown, "one two three");
        assert_eq!(kept, Some(11));
        // A single very long word is cut inside it rather than not at all.
        let (shown, kept) = cut(&"x".repeat(50), 20);
        assert_eq!(shown.len(), 20);
        assert_eq!(kept, Some(20));
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
