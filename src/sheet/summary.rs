//! Page 1: the summary, for the doctor, who gives it one minute.

use super::{age_on, diary, visit_when, Detail, Summary, DETAILS, FOR_ME};
use crate::document::{plain, strong, Block, Link, Span, Text};
use crate::guide::{Guide, MedicationFlag, Tier};
use crate::intake::{Intake, Medication};
use crate::words::Words;

/// Text collapsed to one line and cut at a word boundary to at most `max` characters.
/// Returns what is shown and, when cut, how many characters that are not white space it
/// holds, so that a reference can name the page where the rest of the original goes on.
pub(super) fn cut(text: &str, max: usize) -> (String, Option<usize>) {
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
pub(super) fn summary_text(
    w: &Words,
    text: &str,
    max: usize,
    id: &str,
    page: &dyn Fn(&str) -> usize,
) -> Text {
    let (shown, rest) = cut(text, max);
    let mut out = plain(shown);
    if rest.is_some() {
        out.push(Span {
            text: on_page(w, "continued-on-page", page(id)),
            strong: true,
            link: Some(link_to(w, id, page)),
        });
    }
    out
}

/// A link to the place anchor `id` marks, described by the page it is on.
fn link_to(w: &Words, id: &str, page: &dyn Fn(&str) -> usize) -> Link {
    Link {
        to: id.to_string(),
        description: on_page(w, "go-to-page", page(id)),
    }
}

/// A message naming a page.
fn on_page(w: &Words, id: &str, page: usize) -> String {
    w.with(id, &[("page", Words::count(page))])
}

/// Where a page reference starts and ends inside a message that holds a short item, so
/// that the reference can be made a link once the message is formatted around it.
const REFERENCE_FROM: char = '\u{E002}';
const REFERENCE_TO: char = '\u{E003}';

/// A short item cut for the summary: when cut, it says on which page it stands in full,
/// between the marks [`linked`] turns into a link to anchor `id`.
pub(super) fn short(
    w: &Words,
    text: &str,
    max: usize,
    id: &str,
    page: &dyn Fn(&str) -> usize,
) -> String {
    // Marks typed by the patient would make a link of their own text.
    let text = text.replace([REFERENCE_FROM, REFERENCE_TO], "");
    match cut(&text, max) {
        (shown, None) => shown,
        (shown, Some(_)) => format!(
            "{shown}{REFERENCE_FROM}{}{REFERENCE_TO}",
            on_page(w, "in-full-on-page", page(id))
        ),
    }
}

/// A message that may hold [`short`] items, as spans: each page reference between marks a
/// link to anchor `id`, the rest plain (or strong).
fn linked(w: &Words, message: &str, strong: bool, id: &str, page: &dyn Fn(&str) -> usize) -> Text {
    let span = |text: &str, link: Option<Link>| Span {
        text: text.to_string(),
        strong,
        link,
    };
    let mut out = Vec::new();
    let mut rest = message;
    while let Some((before, after)) = rest.split_once(REFERENCE_FROM) {
        let Some((reference, after)) = after.split_once(REFERENCE_TO) else {
            break;
        };
        if !before.is_empty() {
            out.push(span(before, None));
        }
        out.push(span(reference, Some(link_to(w, id, page))));
        rest = after;
    }
    let rest = rest.replace([REFERENCE_FROM, REFERENCE_TO], "");
    if !rest.is_empty() || out.is_empty() {
        out.push(span(&rest, None));
    }
    out
}

/// The anchor for a text the summary may cut: it marks where the part after the cut stands.
pub(super) fn anchored(text: &str, max: usize, id: &str) -> Block {
    Block::Anchor {
        id: id.to_string(),
        skip: cut(text, max).1.unwrap_or(0),
    }
}

pub(super) fn summary(s: &Summary, detail: Detail, page: &dyn Fn(&str) -> usize) -> Vec<Block> {
    let mut blocks = introduction(s, detail, page);
    blocks.push(Block::Fields(who(s, detail, page)));
    // Allergies: framed, and never silent.
    blocks.push(Block::Framed(allergies(s, detail, page)));
    // Warning signs the patient described: framed too, before anything is read past.
    if let Some(signs) = warning_signs(s, detail, page) {
        blocks.push(Block::Framed(signs));
    }
    blocks.push(Block::Fields(why(s, detail, page)));
    // The key answers, under the guide's short labels, then those that point to a cause.
    let mut key = key_answers(s, detail, page);
    key.extend(pointers(s, detail, page));
    if !key.is_empty() {
        blocks.push(Block::Rule);
        blocks.push(Block::Fields(key));
    }
    blocks.push(Block::Rule);
    blocks.push(Block::Fields(health(s, detail, page)));
    if detail.chart {
        if let Some(mut chart) = diary::chart(&s.intake.diary, s.doctor) {
            chart.small = true;
            blocks.push(Block::Chart(chart));
        }
    }
    blocks
}

/// The heading, and who filled the sheet in.
fn introduction(s: &Summary, detail: Detail, page: &dyn Fn(&str) -> usize) -> Vec<Block> {
    let (p, guide, w) = (&s.intake.patient, s.doctor_guide(), s.doctor);
    let mut blocks = vec![Block::Heading(w.with(
        "summary-heading",
        &[("condition", Words::text(&guide.title))],
    ))];
    let by = match &p.filled_in_by {
        Some(by) if !by.trim().is_empty() => w.with(
            "filled-in-by",
            &[("who", Words::text(short(w, by, detail.item, "about", page)))],
        ),
        _ => w.get("filled-in-by-patient"),
    };
    let (from, to) = (
        page(DETAILS),
        page(FOR_ME).saturating_sub(1).max(page(DETAILS)),
    );
    // The note is formatted with marks where the page numbers go, so that the numbers and
    // what stands between them ("2–6") can link to the details in any language's wording.
    let (from_mark, to_mark) = ("\u{E000}", "\u{E001}");
    let note = w.with(
        "summary-note",
        &[
            ("by", Words::text(by)),
            ("from", Words::text(from_mark)),
            ("to", Words::text(to_mark)),
        ],
    );
    let text = match (note.find(from_mark), note.find(to_mark)) {
        (Some(a), Some(b)) if a < b => {
            let pages = format!("{from}{}{to}", &note[a + from_mark.len()..b]);
            let mut text = linked(w, &note[..a], false, "about", page);
            text.push(Span {
                text: pages,
                strong: false,
                link: Some(link_to(w, DETAILS, page)),
            });
            text.extend(linked(w, &note[b + to_mark.len()..], false, "about", page));
            text
        }
        _ => linked(
            w,
            &note
                .replace(from_mark, &from.to_string())
                .replace(to_mark, &to.to_string()),
            false,
            "about",
            page,
        ),
    };
    blocks.push(Block::Note(text));
    blocks
}

/// Who the patient is, and when and where the visit is.
fn who(s: &Summary, detail: Detail, page: &dyn Fn(&str) -> usize) -> Vec<(String, Text)> {
    let (p, v, w) = (&s.intake.patient, &s.intake.visit, s.doctor);
    let mut who: Vec<(String, Text)> = Vec::new();
    who.push((w.get("label-patient"), patient(s, detail, page)));
    if p.pregnant {
        let text = match p.pregnancy_week {
            Some(week) => w.with("pregnant-week", &[("week", Words::count(week as usize))]),
            None => w.get("pregnant-no-week"),
        };
        who.push((w.get("label-pregnant"), strong(text)));
    }
    if let Some(when) = &v.when {
        let mut text = visit_when(w, when, true);
        let place: Vec<String> = [v.clinic.as_deref(), v.department.as_deref()]
            .into_iter()
            .flatten()
            .filter(|s| !s.trim().is_empty())
            .map(|s| short(w, s, detail.item, "about", page))
            .collect();
        if !place.is_empty() {
            text += &format!(", {}", place.join(", "));
        }
        who.push((w.get("label-visit"), linked(w, &text, false, "about", page)));
    }
    if let Some(lang) = p.language.as_deref().filter(|s| !s.trim().is_empty()) {
        who.push((
            w.get("label-speaks-best"),
            summary_text(w, lang, detail.item, "about", page),
        ));
    }
    if !p.needs.is_empty() {
        who.push((
            w.get("label-needs"),
            summary_text(w, &p.needs.join("; "), detail.item * 2, "about", page),
        ));
    }
    who
}

/// The patient's name, age and sex, in one line.
fn patient(s: &Summary, detail: Detail, page: &dyn Fn(&str) -> usize) -> Text {
    let (p, v, today, w) = (&s.intake.patient, &s.intake.visit, s.made.date(), s.doctor);
    let mut name = strong(cut(&p.name, detail.item.max(60)).0);
    if cut(&p.name, detail.item.max(60)).1.is_some() {
        name.push(Span {
            text: on_page(w, "in-full-on-page", page(DETAILS)),
            strong: false,
            link: Some(link_to(w, DETAILS, page)),
        });
    }
    let mut age_sex = Vec::new();
    if let Some(born) = p.born {
        let day = v.when.map_or(today, |when| when.date());
        let age = age_on(born, day);
        let id = if v.when.is_some() {
            "age-at-visit-born"
        } else {
            "age-born"
        };
        age_sex.push(w.with(
            id,
            &[
                ("age", Words::count(age as usize)),
                ("born", Words::text(w.long_date(born))),
            ],
        ));
    }
    if let Some(sex) = p.sex.as_deref().filter(|s| !s.trim().is_empty()) {
        age_sex.push(short(w, sex, detail.item, "about", page));
    }
    if !age_sex.is_empty() {
        let text = format!(", {}", age_sex.join(", "));
        name.extend(linked(w, &text, false, "about", page));
    }
    name
}

fn allergies(s: &Summary, detail: Detail, page: &dyn Fn(&str) -> usize) -> Text {
    let (intake, w) = (s.intake, s.doctor);
    let mut allergy = strong(w.get("allergies-label"));
    let none_listed = intake.health.allergies.iter().all(|a| a.trim().is_empty());
    if none_listed && intake.health.no_known_allergies {
        // Said by the patient, and framed as what it is: never an allergy called "none".
        return strong(w.get("no-known-allergies"));
    }
    if none_listed {
        allergy.push(Span {
            text: w.get("allergies-not-stated"),
            strong: true,
            link: None,
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
            link: None,
        });
        if long {
            allergy.push(Span {
                text: on_page(w, "in-full-on-page-after", page("allergies")),
                strong: false,
                link: Some(link_to(w, "allergies", page)),
            });
        }
    }
    allergy
}

/// Why the patient comes: the reason, the first concerns, the hope.
fn why(s: &Summary, detail: Detail, page: &dyn Fn(&str) -> usize) -> Vec<(String, Text)> {
    let (v, w) = (&s.intake.visit, s.doctor);
    let mut why: Vec<(String, Text)> = Vec::new();
    why.push((
        w.get("label-reason"),
        match v.reason.as_deref().filter(|r| !r.trim().is_empty()) {
            Some(r) => summary_text(w, r, detail.answer, "reason", page),
            None => plain(w.get("not-answered")),
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
                    link: None,
                });
            }
            text.push(Span {
                text: format!("{}. ", i + 1),
                strong: true,
                link: None,
            });
            text.extend(summary_text(
                w,
                c,
                detail.answer * 2 / 3,
                &format!("concern-{i}"),
                page,
            ));
        }
        if concerns.len() > 3 {
            text.push(Span {
                text: w.with(
                    "concerns-more",
                    &[
                        ("more", Words::count(concerns.len() - 3)),
                        ("page", Words::count(page("concerns"))),
                    ],
                ),
                strong: true,
                link: Some(link_to(w, "concerns", page)),
            });
        }
        why.push((w.get("label-concerns"), text));
    }
    if let Some(goal) = v.goal.as_deref().filter(|g| !g.trim().is_empty()) {
        why.push((
            w.get("label-hopes-for"),
            summary_text(w, goal, detail.answer * 2 / 3, "goal", page),
        ));
    }
    why
}

fn key_answers(s: &Summary, detail: Detail, page: &dyn Fn(&str) -> usize) -> Vec<(String, Text)> {
    let (intake, guide, facts, w) = (s.intake, s.doctor_guide(), &s.facts, s.doctor);
    guide
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
                    Some(a) => summary_text(w, a, detail.answer, &answer_anchor(&q.id), page),
                    None => plain(w.get("not-answered")),
                },
            ))
        })
        .collect()
}

/// Warning signs named on the first page, the most urgent first; the rest are counted.
const MAX_SIGNS: usize = 3;

/// Characters of an answer at the fullest detail level.
const FULLEST_ANSWER: usize = 480;

/// Characters of an answer that may point to a cause: its first words tell the doctor
/// whether to turn to it, and the page where it stands in full.
pub(super) fn pointer_chars(detail: Detail) -> usize {
    (detail.answer / 8).max(40)
}

/// The answers that may point to a cause: each one given, and the labels of those still open.
fn pointers(s: &Summary, detail: Detail, page: &dyn Fn(&str) -> usize) -> Vec<(String, Text)> {
    let (intake, facts, w) = (s.intake, &s.facts, s.doctor);
    let mut fields = Vec::new();
    let mut open = Vec::new();
    for q in &s.doctor_guide().doctor_questions {
        let Some(label) = q.pointer.as_ref().filter(|_| q.summary.is_none()) else {
            continue;
        };
        match intake.answers.get(&q.id).filter(|a| !a.trim().is_empty()) {
            Some(a) => fields.push((
                label.clone(),
                summary_text(w, a, pointer_chars(detail), &answer_anchor(&q.id), page),
            )),
            None if facts.holds(&q.when) => open.push(label.as_str()),
            None => {}
        }
    }
    // The open ones are the first thing the page gives up when it is short of room: the
    // details have them with lines to write on.
    if !open.is_empty() && detail.answer >= FULLEST_ANSWER {
        fields.push((w.get("label-not-answered"), plain(open.join("; "))));
    }
    fields
}

/// A warning sign found in the patient's words.
pub(super) struct FoundSign {
    /// Which of the places searched holds it.
    place: usize,
    /// The sentence that holds it, as written.
    sentence: String,
    /// Its `[[seek_care]]` item, by its place in the guide (the same in every translation).
    advice: usize,
}

/// The signs the patient described in their own words that the guide says need care before
/// the visit, and the names of the places searched (the reason, each concern, each answer) in
/// the doctor's words: found once, as they do not change with the summary's detail. The
/// signs are found with `guide`'s words; `named` (the guide in the doctor's language) names
/// the answers.
pub(super) fn signs_of(
    intake: &Intake,
    guide: &Guide,
    named: &Guide,
    w: &Words,
) -> (Vec<FoundSign>, Vec<String>) {
    let mut places: Vec<(String, &str)> = Vec::new();
    places.extend(
        intake
            .visit
            .reason
            .as_deref()
            .map(|r| (w.get("sign-place-reason"), r)),
    );
    places.extend(intake.visit.concerns.iter().enumerate().map(|(i, c)| {
        (
            w.with("sign-place-concern", &[("n", Words::count(i + 1))]),
            c.as_str(),
        )
    }));
    for q in &named.doctor_questions {
        if let Some(a) = intake.answers.get(&q.id) {
            let label = q.summary.as_deref().or(q.pointer.as_deref());
            places.push((
                label.map_or_else(|| q.id.replace('_', " "), str::to_lowercase),
                a,
            ));
        }
    }
    let texts: Vec<&str> = places.iter().map(|(_, t)| *t).collect();
    let found = guide
        .signs_in(&texts)
        .into_iter()
        .filter_map(|f| {
            let advice = guide
                .seek_care
                .iter()
                .position(|a| std::ptr::eq(a, f.advice))?;
            Some(FoundSign {
                place: f.place,
                sentence: f.sentence,
                advice,
            })
        })
        .collect();
    (found, places.into_iter().map(|(name, _)| name).collect())
}

/// The signs the patient described in their own words that the guide says need care
/// before the visit, with how soon the sheet tells the patient to get it.
fn warning_signs(s: &Summary, detail: Detail, page: &dyn Fn(&str) -> usize) -> Option<Text> {
    let (found, places, w) = (&s.signs, &s.sign_places, s.doctor);
    let guide = s.doctor_guide();
    if found.is_empty() {
        return None;
    }
    let mut text = strong(w.get("warning-signs"));
    for f in found.iter().take(MAX_SIGNS) {
        let advice = &guide.seek_care[f.advice];
        let told = w.get(match advice.tier {
            Tier::Emergency => "told-emergency",
            Tier::Today => "told-today",
            Tier::Appointment => "told-appointment",
        });
        let flag = match advice.flag.as_deref() {
            Some(flag) => flag.to_string(),
            None => w.get("warning-sign"),
        };
        text.push(Span {
            text: format!("\n{flag}"),
            strong: true,
            link: None,
        });
        let (quote, rest) = cut(&f.sentence, detail.item * 2);
        let quote = if rest.is_some() {
            format!("{quote} …")
        } else {
            quote
        };
        text.push(Span {
            text: w.with(
                "sign-quote",
                &[
                    ("place", Words::text(&places[f.place])),
                    ("quote", Words::text(quote)),
                    ("told", Words::text(told)),
                ],
            ),
            strong: false,
            link: None,
        });
    }
    if found.len() > MAX_SIGNS {
        text.push(Span {
            text: w.with(
                "signs-more",
                &[
                    ("more", Words::count(found.len() - MAX_SIGNS)),
                    ("page", Words::count(page(DETAILS))),
                ],
            ),
            strong: true,
            link: Some(link_to(w, DETAILS, page)),
        });
    }
    Some(text)
}

/// The diary in a few words, and the page its details are on, which links there.
fn diary_details(w: &Words, diary: &str, page: &dyn Fn(&str) -> usize) -> Text {
    // Formatted with a mark for the diary's words, so that what the message says around
    // them in any language ("(details on page 5)") can be the link.
    let mark = "\u{E000}";
    let text = w.with(
        "diary-details-on-page",
        &[
            ("diary", Words::text(mark)),
            ("page", Words::count(page("diary"))),
        ],
    );
    let Some(at) = text.find(mark) else {
        return plain(text);
    };
    let span = |text: &str, link: Option<Link>| Span {
        text: text.to_string(),
        strong: false,
        link,
    };
    let (before, after) = (&text[..at], &text[at + mark.len()..]);
    let mut out: Text = vec![span(before, None), span(diary, None)];
    out.push(span(after, Some(link_to(w, "diary", page))));
    out.retain(|s| !s.text.is_empty());
    out
}

/// Medicines, other illnesses and the diary in a few words.
fn health(s: &Summary, detail: Detail, page: &dyn Fn(&str) -> usize) -> Vec<(String, Text)> {
    let (intake, w) = (s.intake, s.doctor);
    let mut health: Vec<(String, Text)> = vec![(
        w.get("label-medicines"),
        summary_medicines(
            w,
            &intake.medications,
            intake.health.no_medicines,
            &s.flags,
            detail,
            page,
        ),
    )];
    let conditions: Vec<&str> = intake
        .health
        .conditions
        .iter()
        .map(String::as_str)
        .filter(|c| !c.trim().is_empty())
        .collect();
    health.push((
        w.get("label-other-illnesses"),
        if conditions.is_empty() && intake.health.no_other_illnesses {
            plain(w.get("no-other-illnesses"))
        } else if conditions.is_empty() {
            plain(w.get("not-stated"))
        } else {
            summary_text(w, &conditions.join("; "), detail.conditions, "health", page)
        },
    ));
    if let Some(s) = diary::summarize(&intake.diary) {
        health.push((
            w.get("label-diary"),
            diary_details(w, &diary::in_words(&s, w), page),
        ));
    }
    health
}

pub(super) fn answer_anchor(id: &str) -> String {
    format!("answer-{id}")
}

pub(super) fn summary_medicines(
    w: &Words,
    medications: &[Medication],
    no_medicines: bool,
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
        return plain(w.get(if no_medicines {
            "no-medicines"
        } else {
            "no-medicines-listed"
        }));
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
    let any_flagged = shown.iter().any(|(_, flagged)| *flagged);
    let mut out = medicine_spans(w, &shown, detail);
    let details_note = if hidden > 0 {
        w.with(
            "medicines-more",
            &[
                ("more", Words::count(hidden)),
                ("page", Words::count(page("medicines"))),
            ],
        )
    } else {
        on_page(w, "medicines-all", page("medicines"))
    };
    // The list ends as a sentence does, so that a reader of the text hears where the note
    // about the details begins.
    let ended = out
        .last()
        .is_some_and(|s| s.text.trim_end().ends_with(['.', '!', '?']));
    separate(&mut out, if ended { "\n" } else { ".\n" });
    out.push(Span {
        text: details_note,
        strong: hidden > 0,
        link: Some(link_to(w, "medicines", page)),
    });
    if any_flagged {
        // What the patient was told about the flagged medicines: part of the mark, so that
        // it never reads as a reason to stop.
        out.push(Span {
            text: format!("; {}", w.get("flag-told")),
            strong: false,
            link: None,
        });
    }
    out
}

/// The medicines shown, flagged ones marked: in two runs when compact, else one a line.
fn medicine_spans(w: &Words, shown: &[(&Medication, bool)], detail: Detail) -> Text {
    let mut out: Text = Vec::new();
    if detail.compact_medicines {
        let (f, o): (Vec<_>, Vec<_>) = shown.iter().copied().partition(|(_, flagged)| *flagged);
        if !f.is_empty() {
            let medicines = f
                .iter()
                .map(|(m, _)| medicine_line(w, m, detail))
                .collect::<Vec<_>>()
                .join("; ");
            out.push(Span {
                text: w.with(
                    "flagged-medicines",
                    &[("medicines", Words::text(medicines))],
                ),
                strong: true,
                link: None,
            });
        }
        if !o.is_empty() {
            // The others start a line of their own; the semicolon tells a reader of the text
            // that the flagged list has ended.
            separate(&mut out, ";\n");
            out.push(Span {
                text: o
                    .iter()
                    .map(|(m, _)| medicine_line(w, m, detail))
                    .collect::<Vec<_>>()
                    .join("; "),
                strong: false,
                link: None,
            });
        }
    } else {
        for &(m, is_flagged) in shown {
            // One a line for the eye; the semicolon tells a reader of the text where one
            // medicine ends, as the compact paragraph's do.
            separate(&mut out, ";\n");
            out.push(Span {
                text: medicine_line(w, m, detail),
                strong: is_flagged,
                link: None,
            });
            if is_flagged {
                out.push(Span {
                    text: w.get("flagged-mark"),
                    strong: true,
                    link: None,
                });
            }
        }
    }
    out
}

/// One medicine: its name, and when there is room its dose and how often.
fn medicine_line(w: &Words, m: &Medication, detail: Detail) -> String {
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
            text.push(' ');
            text.push_str(&w.get("only-when-needed"));
        }
    }
    text
}

/// A line break (or `s`) between spans, none before the first.
fn separate(out: &mut Text, s: &str) {
    if !out.is_empty() {
        out.push(Span {
            text: s.into(),
            strong: false,
            link: None,
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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

    /// Read as text, as a screen reader reads it, the flagged medicines and the others stay
    /// apart when the summary is short of room and sets them as two runs.
    #[test]
    fn compact_medicines_read_apart_from_the_flagged_ones() {
        let w = Words::of(crate::document::Language::English);
        let medicine = |name: &str| Medication {
            name: name.into(),
            dose: None,
            how_often: None,
            reason: None,
            note: None,
            since: None,
            as_needed: false,
        };
        let (a, b, c) = (medicine("atorvastatin"), medicine("metformin"), medicine("aspirin"));
        let shown = [(&a, true), (&b, false), (&c, false)];
        let detail = (0..super::super::DETAIL_LEVELS)
            .map(super::super::detail_at)
            .find(|d| d.compact_medicines)
            .expect("a compact level");
        let read: String = medicine_spans(w, &shown, detail)
            .iter()
            .map(|s| s.text.as_str())
            .collect();
        let read = read.replace('\n', " ");
        assert!(read.contains("atorvastatin; metformin; aspirin"), "{read}");
    }
}
