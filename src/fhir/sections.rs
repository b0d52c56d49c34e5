//! The Composition's sections: which entries each points to, and the narrative a person
//! reads in their place. The narrative says what the entries say, in the patient's words,
//! so that a record system showing only the text loses nothing.

use std::fmt::Write;

use serde_json::{json, Value};

use super::coding::{coded, loinc, reference, LIST_EMPTY_REASON};
use super::lists::{NO_KNOWN_ALLERGIES, NO_KNOWN_MEDICATIONS, NO_KNOWN_PROBLEMS};
use super::narrative::{escape, narrative};
use super::questionnaire::answered;
use super::reported::Reported;
use crate::guide::Guide;
use crate::intake::{DiaryEntry, Intake, Medication};

/// The Composition's sections, each with its entries and the patient's words as its text.
pub(super) fn sections(intake: &Intake, guide: &Guide, reported: &Reported) -> Vec<Value> {
    let mut sections = vec![
        section(
            "Problems",
            Some(("11450-4", "Problem list - Reported")),
            &reported.conditions,
            lines_or(
                intake.health.conditions.iter().map(|c| escape(c)).collect(),
                NO_KNOWN_PROBLEMS,
            ),
            "No other illnesses were listed.",
        ),
        section(
            "Allergies and intolerances",
            Some(("48765-2", "Allergies and adverse reactions Document")),
            &reported.allergies,
            lines_or(
                intake.health.allergies.iter().map(|a| escape(a)).collect(),
                NO_KNOWN_ALLERGIES,
            ),
            "No allergies were listed.",
        ),
        section(
            "Medication summary",
            Some(("10160-0", "History of Medication use Narrative")),
            &reported.medicines,
            lines_or(
                intake.medications.iter().map(medication_line).collect(),
                NO_KNOWN_MEDICATIONS,
            ),
            "No medicines were listed.",
        ),
    ];
    if let Some(p) = &reported.pregnancy {
        sections.push(section(
            "Pregnancy",
            Some(("10162-6", "History of pregnancies Narrative")),
            std::slice::from_ref(p),
            vec![pregnancy_line(intake.patient.pregnancy_week)],
            "",
        ));
    }
    if let Some(a) = &reported.answers {
        let lines = answered(intake, guide)
            .map(|(_, q, text)| format!("{}: {}", escape(q), escape(text)))
            .collect();
        sections.push(section(
            "Answers to the doctor's likely questions",
            None,
            std::slice::from_ref(a),
            lines,
            "",
        ));
    }
    if !reported.nights.is_empty() {
        let lines = intake.diary.iter().map(night_line).collect();
        sections.push(section(
            guide.diary_title(),
            None,
            &reported.nights,
            lines,
            "",
        ));
    }
    sections.extend(notes_section(intake));
    sections
}

/// A section's lines, or the words of its one "none known" entry when it has no others.
fn lines_or(lines: Vec<String>, none: &str) -> Vec<String> {
    if lines.is_empty() {
        vec![none.to_string()]
    } else {
        lines
    }
}

/// The pregnancy section's text.
fn pregnancy_line(week: Option<u8>) -> String {
    match week {
        Some(w) => format!("Pregnant, week {w}"),
        None => "Pregnant".to_string(),
    }
}

/// The patient's own notes, reason for the visit and questions, as narrative only.
fn notes_section(intake: &Intake) -> Option<Value> {
    let mut lines = Vec::new();
    if let Some(reason) = &intake.visit.reason {
        lines.push(format!("Why I am going: {}", escape(reason)));
    }
    if let Some(notes) = &intake.health.notes {
        lines.push(format!("Also good to know: {}", escape(notes)));
    }
    for q in &intake.own_questions {
        lines.push(format!("My question: {}", escape(q)));
    }
    (!lines.is_empty()).then(|| {
        json!({
            "title": "Notes and questions from the patient",
            "text": narrative(&lines),
        })
    })
}

/// A Composition section: its entries, or why it has none; always a readable narrative.
/// `lines` are already escaped for XHTML.
fn section(
    title: &str,
    code: Option<(&str, &str)>,
    entries: &[String],
    lines: Vec<String>,
    empty: &str,
) -> Value {
    let mut s = json!({ "title": title });
    if let Some((code, display)) = code {
        s["code"] = loinc(code, display);
    }
    if entries.is_empty() {
        s["text"] = narrative(&[escape(empty)]);
        // The intake lists none: that is all that is known, not a finding that there are none.
        s["emptyReason"] = coded(LIST_EMPTY_REASON, "unavailable", "Unavailable");
    } else {
        s["text"] = narrative(&lines);
        s["entry"] = entries.iter().map(|u| reference(u)).collect();
    }
    s
}

fn medication_line(m: &Medication) -> String {
    let mut line = escape(&m.name);
    for part in [&m.dose, &m.how_often].into_iter().flatten() {
        let _ = write!(line, ", {}", escape(part));
    }
    if m.as_needed {
        line.push_str(", when needed");
    }
    if let Some(reason) = &m.reason {
        let _ = write!(line, " (for {})", escape(reason));
    }
    if let Some(since) = m.since {
        let _ = write!(line, ", since {since}");
    }
    line
}

fn night_line(e: &DiaryEntry) -> String {
    let mut line = e.night.to_string();
    if let Some(at) = e.at {
        let _ = write!(line, " at {}", at.format("%H:%M"));
    }
    if let Some(m) = e.minutes {
        let _ = write!(line, ", {m} min");
    }
    if let Some(p) = &e.place {
        let _ = write!(line, ", {}", escape(p));
    }
    if let Some(s) = e.severity {
        let _ = write!(line, ", severity {s} of 10");
    }
    if let Some(n) = &e.note {
        let _ = write!(line, ": {}", escape(n));
    }
    line
}
