//! A commented intake, written from a guide: every field and every guide question explained
//! where it is to be filled in. Empty for `visitprep new`; holding the answers for
//! `visitprep interview`. Both share one writer, so they share their wording.

use std::fmt::Write;

use crate::document::Language;
use crate::guide::Guide;
use crate::intake::{DiaryEntry, Health, Intake, Medication, Patient, Visit, VisitTime};
use crate::words::Words;

pub use crate::intake::NAME_TO_REPLACE;

/// `text` as comment lines of at most 84 characters after `#` and `indent`.
fn comment_wrapped(out: &mut String, text: &str, indent: &str) {
    for line in crate::interview::wrap(text, 84) {
        let _ = writeln!(out, "#{indent}{line}");
    }
}

/// `text` as a TOML string: quotes, backslashes, line breaks and any script survive a
/// round trip through the parser. Always in double quotes, as the notes tell people to
/// write text, and in triple double quotes when it has several lines.
pub fn quote(text: &str) -> String {
    use toml_writer::ToTomlValue as _;
    let builder = toml_writer::TomlStringBuilder::new(text);
    if text.contains(['\n', '\r']) {
        builder.as_ml_basic().to_toml_value()
    } else {
        builder.as_basic().to_toml_value()
    }
}

/// A TOML array of strings: on one line when short, else one item a line.
fn list(items: &[String]) -> Option<String> {
    if items.is_empty() {
        return None;
    }
    let quoted: Vec<String> = items.iter().map(|s| quote(s)).collect();
    let one_line = format!("[{}]", quoted.join(", "));
    if one_line.len() <= 72 && !one_line.contains('\n') {
        return Some(one_line);
    }
    let mut o = String::from("[\n");
    for q in quoted {
        let _ = writeln!(o, "  {q},");
    }
    o.push(']');
    Some(o)
}

fn date(d: chrono::NaiveDate) -> String {
    d.format("%Y-%m-%d").to_string()
}

fn visit_time(when: VisitTime) -> String {
    match when {
        VisitTime::Day(d) => date(d),
        VisitTime::DayAndTime(dt) => dt.format("%Y-%m-%dT%H:%M:%S").to_string(),
    }
}

/// A number of minutes: whole numbers without a decimal point, as a person writes them.
fn minutes(v: f64) -> String {
    if v.fract() == 0.0 && v.abs() < 1e15 {
        format!("{}", v as i64)
    } else {
        toml::Value::Float(v).to_string()
    }
}

struct Writer {
    o: String,
    w: &'static Words,
}

impl Writer {
    /// The catalogue's message `id`.
    fn say(&self, id: &str) -> String {
        self.w.get(id)
    }

    /// An example's text as a TOML string.
    fn example(&self, id: &str) -> String {
        quote(&self.say(id))
    }

    /// Examples as a TOML array on one line.
    fn examples(&self, ids: &[&str]) -> String {
        let quoted: Vec<String> = ids.iter().map(|id| self.example(id)).collect();
        format!("[{}]", quoted.join(", "))
    }

    /// A key of a block left commented out, under its note: both lines begin with `#`.
    fn commented(&mut self, id: &str, key: &str, example: &str) {
        self.note(&self.say(id));
        let _ = writeln!(self.o, "# {key} = {example}");
    }

    /// A field whose note is the catalogue's message `id`.
    fn field_said(&mut self, id: &str, key: &str, value: Option<String>, example: &str) {
        let note = self.say(id);
        self.field(&note, key, value, example);
    }

    fn note(&mut self, text: &str) {
        comment_wrapped(&mut self.o, text, " ");
    }

    /// A note, then `key = value`, or the commented-out example when there is no value.
    fn field(&mut self, note: &str, key: &str, value: Option<String>, example: &str) {
        if !note.is_empty() {
            self.note(note);
        }
        match value {
            Some(v) => {
                let _ = writeln!(self.o, "{key} = {v}");
            }
            None => {
                for (i, line) in example.lines().enumerate() {
                    if i == 0 {
                        let _ = writeln!(self.o, "# {key} = {line}");
                    } else {
                        let _ = writeln!(self.o, "# {line}");
                    }
                }
            }
        }
    }
}

/// A complete intake skeleton for `guide`, valid as written. `reference` is how the intake
/// names its guide: the guide's id, or the path of a guide file from the intake's folder.
pub fn intake_for(guide: &Guide, reference: &str) -> String {
    write(guide, None, reference, Language::English)
}

/// [`intake_for`] with its notes and examples in `language`, and the guide's questions in it
/// where the guide has a translation. The keys stay as the format names them; a language
/// other than English is written as the sheet's language, as the person asked for it.
pub fn intake_for_in(guide: &Guide, reference: &str, language: Language) -> String {
    let translated = guide.translated(language);
    write(translated.as_ref().unwrap_or(guide), None, reference, language)
}

/// An intake holding `intake`'s values under the same notes as [`intake_for`]; whatever is
/// not filled in stays a commented-out example. Parsing the result gives `intake` back.
pub fn intake_filled(guide: &Guide, intake: &Intake) -> String {
    write(guide, Some(intake), &intake.guide, Language::English)
}

/// [`intake_filled`] with its notes in `language`, and the guide's questions in it where the
/// guide has a translation: the file an interview in that language writes.
pub fn intake_filled_in(guide: &Guide, intake: &Intake, language: Language) -> String {
    let translated = guide.translated(language);
    let guide = translated.as_ref().unwrap_or(guide);
    write(guide, Some(intake), &intake.guide, language)
}

fn write(guide: &Guide, intake: Option<&Intake>, reference: &str, language: Language) -> String {
    let mut w = Writer {
        o: String::new(),
        w: Words::of(language),
    };
    w.preamble(guide, reference);
    w.patient(intake.map(|i| &i.patient));
    let asked = (intake.is_none() && language != Language::English).then_some(language);
    w.visit(intake.map(|i| &i.visit), asked);
    w.answers(guide, intake);
    w.health(intake.map(|i| &i.health));
    w.questions(guide, intake);
    w.checklist(guide, intake);
    w.blocks(intake);
    w.o
}

/// A text value as written in the file, when there is one.
fn text(value: Option<&Option<String>>) -> Option<String> {
    value.and_then(|v| v.as_deref()).map(quote)
}

// One method a table of the intake, in the order the file has them.
impl Writer {
    fn preamble(&mut self, guide: &Guide, reference: &str) {
        let title = self
            .w
            .with("intake-title", &[("guide", Words::text(guide.title.clone()))]);
        let _ = writeln!(self.o, "# {title}\n#");
        self.note(&self.say("intake-how"));
        self.note(&self.say("intake-how-text"));
        let file = self.say("intake-this-file");
        let (check, make) = (self.say("intake-check-file"), self.say("intake-make-sheet"));
        let width = check.chars().count().max(make.chars().count()) + 3;
        let pad = |s: &str| format!("{s}{}", " ".repeat(width - s.chars().count()));
        let _ = writeln!(self.o, "#\n# {}visitprep check {file}", pad(&check));
        let _ = writeln!(self.o, "# {}visitprep render {file}\n", pad(&make));
        self.field_said(
            "intake-guide",
            "guide",
            Some(quote(reference)),
            "",
        );
    }

    // Long only as [patient] has ten keys, each a note, a value and an example.
    fn patient(&mut self, p: Option<&Patient>) {
        self.o.push_str("\n[patient]\n");
        self.field_said(
            "intake-name",
            "name",
            Some(quote(&p.map_or_else(
                || self.say("intake-name-to-replace"),
                |p| p.name.clone(),
            ))),
            "",
        );
        self.field_said(
            "intake-born",
            "born",
            p.and_then(|p| p.born).map(date),
            "1956-03-14",
        );
        self.field_said(
            "intake-sex",
            "sex",
            text(p.map(|p| &p.sex)),
            &self.example("intake-example-sex"),
        );
        self.field_said(
            "intake-pregnant",
            "pregnant",
            p.filter(|p| p.pregnant).map(|_| "true".to_string()),
            "true",
        );
        self.field_said(
            "intake-pregnancy-week",
            "pregnancy_week",
            p.and_then(|p| p.pregnancy_week).map(|w| w.to_string()),
            "29",
        );
        self.field_said(
            "intake-phone",
            "phone",
            text(p.map(|p| &p.phone)),
            "\"+44 20 7946 0123\"",
        );
        self.field_said(
            "intake-language",
            "language",
            text(p.map(|p| &p.language)),
            &self.example("intake-example-language"),
        );
        self.field_said(
            "intake-emergency-contact",
            "emergency_contact",
            text(p.map(|p| &p.emergency_contact)),
            &self.example("intake-example-emergency-contact"),
        );
        self.field_said(
            "intake-needs",
            "needs",
            p.and_then(|p| list(&p.needs)),
            &self.examples(&["intake-example-need-1", "intake-example-need-2"]),
        );
        self.field_said(
            "intake-filled-in-by",
            "filled_in_by",
            text(p.map(|p| &p.filled_in_by)),
            &self.example("intake-example-filled-in-by"),
        );
    }

    /// `asked`: the language a new file was asked for in, written as the sheet's.
    fn visit(&mut self, v: Option<&Visit>, asked: Option<Language>) {
        self.o.push_str("\n[visit]\n");
        self.field_said(
            "intake-when",
            "when",
            v.and_then(|v| v.when).map(visit_time),
            "2026-12-02T09:30:00",
        );
        self.field_said(
            "intake-clinic",
            "clinic",
            text(v.map(|v| &v.clinic)),
            &self.example("intake-example-clinic"),
        );
        self.field_said(
            "intake-department",
            "department",
            text(v.map(|v| &v.department)),
            &self.example("intake-example-department"),
        );
        self.field_said(
            "intake-doctor",
            "doctor",
            text(v.map(|v| &v.doctor)),
            &self.example("intake-example-doctor"),
        );
        self.field_said(
            "intake-companion",
            "companion",
            text(v.map(|v| &v.companion)),
            &self.example("intake-example-companion"),
        );
        self.field_said(
            "intake-reason",
            "reason",
            text(v.map(|v| &v.reason)),
            &self.example("intake-example-reason"),
        );
        self.field_said(
            "intake-concerns",
            "concerns",
            v.and_then(|v| list(&v.concerns)),
            &self.examples(&["intake-example-concern-1", "intake-example-concern-2"]),
        );
        self.field_said(
            "intake-goal",
            "goal",
            text(v.map(|v| &v.goal)),
            &self.example("intake-example-goal"),
        );
        self.field_said(
            "intake-sheet-language",
            "sheet_language",
            v.and_then(|v| v.sheet_language)
                .or(asked)
                .map(|l| quote(l.tag())),
            "\"es\"",
        );
    }

    fn answers(&mut self, guide: &Guide, intake: Option<&Intake>) {
        self.o.push_str("\n[answers]\n");
        self.note(&self.say("intake-answers"));
        let _ = writeln!(
            self.o,
            "#   since = \"\"\"\n#   {}\n#   {}\"\"\"",
            self.say("intake-example-first-line"),
            self.say("intake-example-second-line")
        );
        for q in &guide.doctor_questions {
            self.o.push('\n');
            let _ = writeln!(self.o, "# {}", q.text);
            if !q.hint.is_empty() {
                comment_wrapped(&mut self.o, &q.hint, "   ");
            }
            if q.when.pregnant == Some(true) {
                let _ = writeln!(self.o, "#   {}", self.say("intake-only-in-pregnancy"));
            }
            let answer = intake.and_then(|i| i.answers.get(&q.id));
            self.field("", &q.id, answer.map(|a| quote(a)), "\"\"");
        }
        if let Some(i) = intake {
            for (id, a) in &i.answers {
                if guide.doctor_question(id).is_none() {
                    let _ = writeln!(self.o, "{} = {}", quote(id), quote(a));
                }
            }
        }
    }

    fn health(&mut self, h: Option<&Health>) {
        self.o.push_str("\n[health]\n");
        self.field_said(
            "intake-conditions",
            "conditions",
            h.and_then(|h| list(&h.conditions)),
            &self.examples(&["intake-example-condition-1", "intake-example-condition-2"]),
        );
        self.field_said(
            "intake-allergies",
            "allergies",
            h.and_then(|h| list(&h.allergies)),
            &self.examples(&["intake-example-allergy"]),
        );
        self.field_said(
            "intake-notes",
            "notes",
            text(h.map(|h| &h.notes)),
            &self.example("intake-example-notes"),
        );
        let said = |yes: bool| yes.then(|| "true".to_string());
        self.field_said(
            "intake-no-known-allergies",
            "no_known_allergies",
            h.and_then(|h| said(h.no_known_allergies)),
            "true",
        );
        self.field_said(
            "intake-no-medicines",
            "no_medicines",
            h.and_then(|h| said(h.no_medicines)),
            "true",
        );
        self.field_said(
            "intake-no-other-illnesses",
            "no_other_illnesses",
            h.and_then(|h| said(h.no_other_illnesses)),
            "true",
        );
    }

    fn questions(&mut self, guide: &Guide, intake: Option<&Intake>) {
        self.o.push_str("\n[questions]\n");
        self.field_said(
            "intake-own",
            "own",
            intake.and_then(|i| list(&i.own_questions)),
            &self.examples(&["intake-example-own"]),
        );
        if !guide.patient_questions.is_empty() {
            self.note(&self.say("intake-skip"));
            for q in &guide.patient_questions {
                let _ = writeln!(self.o, "#   {:<16} {}", q.id, q.text);
            }
            let example = format!("[\"{}\"]", guide.patient_questions[0].id);
            self.field(
                "",
                "skip",
                intake.and_then(|i| list(&i.skipped_questions)),
                &example,
            );
        }
    }

    fn checklist(&mut self, guide: &Guide, intake: Option<&Intake>) {
        self.o.push_str("\n[checklist]\n");
        self.note(&self.say("intake-done"));
        for item in &guide.checklist {
            let _ = writeln!(self.o, "#   {:<18} {}", item.id, item.text_for(None));
        }
        if let Some(first) = guide.checklist.first() {
            let example = format!("[\"{}\"]", first.id);
            self.field(
                "",
                "done",
                intake.and_then(|i| list(&i.checklist_done)),
                &example,
            );
        }
    }

    /// The lists of blocks, last in the file: in TOML every line after `[[medications]]`
    /// belongs to that medicine.
    fn blocks(&mut self, intake: Option<&Intake>) {
        self.o.push('\n');
        self.note(&self.say("intake-blocks"));
        let medications = intake.map_or(&[][..], |i| &i.medications[..]);
        if medications.is_empty() {
            self.o.push_str("#\n");
            self.note(&self.say("intake-medicines-empty"));
            self.o.push_str("# [[medications]]\n");
            self.commented("intake-medicine-name", "name", &self.example("intake-example-medicine-name"));
            self.commented("intake-medicine-dose", "dose", &self.example("intake-example-medicine-dose"));
            self.commented(
                "intake-medicine-how-often",
                "how_often",
                &self.example("intake-example-medicine-how-often"),
            );
            self.commented("intake-medicine-since", "since", "2024-05-01");
            self.commented(
                "intake-medicine-reason",
                "reason",
                &self.example("intake-example-medicine-reason"),
            );
            self.commented("intake-medicine-note", "note", "\"\"");
            self.commented("intake-medicine-as-needed", "as_needed", "true");
        } else {
            self.o.push_str("#\n");
            self.note(&self.say("intake-medicines-filled"));
            for m in medications {
                medication(&mut self.o, m);
            }
        }
        self.diary(intake);
    }

    fn diary(&mut self, intake: Option<&Intake>) {
        let diary = intake.map_or(&[][..], |i| &i.diary[..]);
        if diary.is_empty() {
            self.o.push_str("#\n");
            self.note(&self.say("intake-diary-empty"));
            self.o.push_str("# [[diary]]\n");
            self.commented("intake-diary-night", "night", "2026-11-20");
            self.commented("intake-diary-at", "at", "03:10:00");
            self.commented("intake-diary-minutes", "minutes", "4");
            self.commented(
                "intake-diary-where",
                "where",
                &self.example("intake-example-diary-where"),
            );
            self.commented("intake-diary-severity", "severity", "7");
            self.commented(
                "intake-diary-note",
                "note",
                &self.example("intake-example-diary-note"),
            );
        } else {
            self.o.push('\n');
            self.note(&self.say("intake-diary-filled"));
            for e in diary {
                diary_entry(&mut self.o, e);
            }
        }
    }
}

fn medication(o: &mut String, m: &Medication) {
    let _ = writeln!(o, "\n[[medications]]\nname = {}", quote(&m.name));
    let fields = [
        ("dose", m.dose.as_deref().map(quote)),
        ("how_often", m.how_often.as_deref().map(quote)),
        ("since", m.since.map(date)),
        ("reason", m.reason.as_deref().map(quote)),
        ("note", m.note.as_deref().map(quote)),
        ("as_needed", m.as_needed.then(|| "true".to_string())),
    ];
    for (key, value) in fields {
        if let Some(v) = value {
            let _ = writeln!(o, "{key} = {v}");
        }
    }
}

fn diary_entry(o: &mut String, e: &DiaryEntry) {
    let _ = writeln!(o, "\n[[diary]]\nnight = {}", date(e.night));
    let fields = [
        ("at", e.at.map(|t| t.format("%H:%M:%S").to_string())),
        ("minutes", e.minutes.map(minutes)),
        ("where", e.place.as_deref().map(quote)),
        ("severity", e.severity.map(|s| s.to_string())),
        ("note", e.note.as_deref().map(quote)),
    ];
    for (key, value) in fields {
        if let Some(v) = value {
            let _ = writeln!(o, "{key} = {v}");
        }
    }
}

/// The keys a written intake holds, as `table.key`, by the table header above each:
/// with `commented`, also those shown as commented-out examples. `[answers]` counts as
/// one key: its keys are the guide's question ids.
#[cfg(test)]
pub(crate) fn keys_in(text: &str, commented: bool) -> std::collections::BTreeSet<String> {
    let mut table = String::new();
    let mut keys = std::collections::BTreeSet::new();
    for line in text.lines() {
        let line = match line.strip_prefix("# ") {
            Some(example) if commented => example,
            _ => line,
        };
        let header = line
            .strip_prefix("[[")
            .and_then(|l| l.strip_suffix("]]"))
            .or_else(|| line.strip_prefix('[').and_then(|l| l.strip_suffix(']')));
        if let Some(header) = header {
            table = header.to_string();
            if table == "answers" {
                keys.insert(table.clone());
            }
            continue;
        }
        let Some((key, _)) = line.split_once(" = ") else {
            continue;
        };
        if table != "answers" && key.chars().all(|c| c.is_ascii_lowercase() || c == '_') {
            keys.insert(if table.is_empty() {
                key.to_string()
            } else {
                format!("{table}.{key}")
            });
        }
    }
    keys
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeSet;
    use std::path::Path;

    use crate::intake::test_support::today;

    #[test]
    fn every_skeleton_is_a_valid_intake_naming_every_question() {
        for id in Guide::built_in_ids() {
            let guide = Guide::built_in(id).unwrap();
            let text = intake_for(&guide, id);
            let (intake, _) =
                crate::intake::parse(Path::new("new.toml"), &text, Path::new("."), today())
                    .unwrap_or_else(|e| panic!("{id}: {e}"));
            assert_eq!(intake.patient.name, NAME_TO_REPLACE);
            for q in &guide.doctor_questions {
                assert!(
                    text.contains(&format!("# {} = \"\"", q.id)),
                    "{id}: {}",
                    q.id
                );
                assert!(text.contains(&q.text), "{id}: {}", q.text);
            }
        }
    }

    #[test]
    fn a_skeleton_in_each_language_is_valid_has_every_key_and_its_notes_in_that_language() {
        use crate::words::CATALOGUES;
        assert_eq!(
            Words::of(Language::English).get("intake-name-to-replace"),
            NAME_TO_REPLACE
        );
        let schema = crate::intake::schema::all_keys();
        for (language, _) in CATALOGUES {
            let w = Words::of(language);
            for id in Guide::built_in_ids() {
                let guide = Guide::built_in(id).unwrap();
                let text = intake_for_in(&guide, id, language);
                let at = format!("{id} in {}", language.tag());
                let (intake, _, warnings) = crate::intake::parse_with_warnings(
                    Path::new("nuevo.toml"),
                    &text,
                    Path::new("."),
                    today(),
                )
                .unwrap_or_else(|e| panic!("{at}: {e}\n{text}"));
                // The placeholder name is the language's, and check still sees it.
                assert_eq!(intake.patient.name, w.get("intake-name-to-replace"), "{at}");
                assert!(
                    warnings.to_string().contains("from the template"),
                    "{at}: {warnings}"
                );
                let expected_language = (language != Language::English).then_some(language);
                assert_eq!(intake.visit.sheet_language, expected_language, "{at}");
                assert_eq!(keys_in(&text, true), schema, "{at}");
                // Every note is the language's own: a few of them looked for word for word,
                // each wrapped onto comment lines as the file writes it.
                let flat: String = text
                    .lines()
                    .map(|l| l.trim_start_matches('#').trim())
                    .collect::<Vec<_>>()
                    .join(" ");
                for note in ["intake-name", "intake-blocks", "intake-diary-severity", "intake-how"] {
                    assert!(flat.contains(&w.get(note)), "{at}: {note}\n{text}");
                }
                if language != Language::English {
                    let english = Words::of(Language::English);
                    assert!(!flat.contains(&english.get("intake-how")), "{at}");
                    assert!(!flat.contains(&english.get("intake-name")), "{at}");
                }
                // The guide's questions, in the language where the guide has it.
                let shown = guide.translated(language).unwrap_or_else(|| guide.clone());
                for q in &shown.doctor_questions {
                    assert!(text.contains(&format!("# {}\n", q.text)), "{at}: {}", q.text);
                }
                // Every example, uncommented, is accepted.
                let all = every_example(&text);
                crate::intake::parse_with_warnings(Path::new("todo.toml"), &all, Path::new("."), today())
                    .unwrap_or_else(|e| panic!("{at}: {e}\n{all}"));
                assert_eq!(keys_in(&all, false), schema, "{at}");
            }
        }
        // The Spanish file asks the leg-cramps guide's questions in Spanish.
        let guide = Guide::built_in("nocturnal-leg-cramps").unwrap();
        let spanish = guide.translated(Language::Spanish).expect("a Spanish leg-cramps guide");
        let text = intake_for_in(&guide, &guide.id, Language::Spanish);
        assert!(text.contains(&spanish.doctor_questions[0].text));
        assert!(!text.contains(&guide.doctor_questions[0].text));
    }

    #[test]
    fn uncommenting_an_answer_gives_a_valid_intake() {
        let guide = Guide::built_in("nocturnal-leg-cramps").unwrap();
        let text =
            intake_for(&guide, &guide.id).replace("# since = \"\"", "since = \"two months\"");
        let (intake, _) =
            crate::intake::parse(Path::new("new.toml"), &text, Path::new("."), today()).unwrap();
        assert_eq!(intake.answers["since"], "two months");
    }

    #[test]
    fn filling_in_every_example_gives_the_same_intake_back() {
        for file in ["complete", "pregnant", "minimal"] {
            let path = format!("{}/examples/{file}.toml", env!("CARGO_MANIFEST_DIR"));
            let loaded = crate::intake::load(Path::new(&path), today()).unwrap();
            let text = intake_filled(&loaded.guide, &loaded.intake);
            let (again, _) =
                crate::intake::parse(Path::new("again.toml"), &text, Path::new("."), today())
                    .unwrap_or_else(|e| panic!("{file}: {e}\n{text}"));
            assert_eq!(again, loaded.intake, "{file}:\n{text}");
        }
    }

    #[test]
    fn none_said_in_the_interview_is_written_and_read_back_as_none() {
        let guide = Guide::built_in("general").unwrap();
        let (mut intake, _) = crate::intake::parse(
            Path::new("a.toml"),
            "guide = \"general\"\n[patient]\nname = \"x\"\n",
            Path::new("."),
            today(),
        )
        .unwrap();
        intake.health.no_known_allergies = true;
        intake.health.no_medicines = true;
        intake.health.no_other_illnesses = true;
        let text = intake_filled(&guide, &intake);
        for line in [
            "\nno_known_allergies = true\n",
            "\nno_medicines = true\n",
            "\nno_other_illnesses = true\n",
        ] {
            assert!(text.contains(line), "{line:?} not in\n{text}");
        }
        let (again, _) = crate::intake::parse(Path::new("a.toml"), &text, Path::new("."), today())
            .unwrap_or_else(|e| panic!("{e}\n{text}"));
        assert_eq!(again, intake, "{text}");
        // Not said: nothing written, so "not stated" stays "not stated".
        let text = intake_filled(
            &guide,
            &Intake {
                health: Health::default(),
                ..intake
            },
        );
        assert!(!text.contains("\nno_known_allergies = "), "{text}");
    }

    #[test]
    fn awkward_text_survives_quoting() {
        let guide = Guide::built_in("general").unwrap();
        let (mut intake, _) = crate::intake::parse(
            Path::new("a.toml"),
            "guide = \"general\"\n[patient]\nname = \"x\"\n",
            Path::new("."),
            today(),
        )
        .unwrap();
        let awkward = [
            "She said \"ouch\" and left",
            r#"C:\new\temp \u0041 ''' """ \"#,
            "first line\nsecond line\n\nfourth",
            "\nstarts with a line break and ends with quotes \"\"",
            "Ελένη Παπαδοπούλου, 王秀英, اختبار",
            "# not a comment = \"\" [patient]",
        ];
        intake.patient.name = awkward[0].into();
        intake.answers.insert("since".into(), awkward[1].into());
        intake.answers.insert("pattern".into(), awkward[2].into());
        intake.visit.clinic = Some(awkward[3].into());
        intake.health.notes = Some(awkward[5].into());
        intake.own_questions = awkward.iter().map(|s| s.to_string()).collect();
        intake.medications.push(Medication {
            name: awkward[4].into(),
            dose: Some(awkward[1].into()),
            ..Medication::default()
        });
        let text = intake_filled(&guide, &intake);
        let (again, _) = crate::intake::parse(Path::new("a.toml"), &text, Path::new("."), today())
            .unwrap_or_else(|e| panic!("{e}\n{text}"));
        assert_eq!(again, intake, "{text}");
        // Text is always in double quotes, as the notes at the top say.
        assert!(
            text.contains(r#"name = "She said \"ouch\" and left""#),
            "{text}"
        );
        assert!(!text.contains("= '"), "{text}");
    }

    /// A template with every commented-out example filled in.
    fn every_example(text: &str) -> String {
        text.lines()
            .map(|line| match line.strip_prefix("# ") {
                Some(example) if keys_in(example, false).len() == 1 || example.starts_with('[') => {
                    example
                }
                _ => line,
            })
            .collect::<Vec<_>>()
            .join("\n")
    }

    #[test]
    fn the_template_shows_every_key_of_the_format_and_no_other() {
        let schema = crate::intake::schema::all_keys();
        for id in Guide::built_in_ids() {
            let guide = Guide::built_in(id).unwrap();
            let shown = keys_in(&intake_for(&guide, id), true);
            assert_eq!(shown, schema, "{id}: the template and the schema disagree");
        }
    }

    #[test]
    fn every_example_of_the_template_is_accepted_and_its_text_is_kept() {
        let guide = Guide::built_in("nocturnal-leg-cramps").unwrap();
        let text = every_example(&intake_for(&guide, &guide.id));
        let (intake, _, _) = crate::intake::parse_with_warnings(
            Path::new("all.toml"),
            &text,
            Path::new("."),
            today(),
        )
        .unwrap_or_else(|e| panic!("{e}\n{text}"));
        assert_eq!(
            keys_in(&text, false),
            crate::intake::schema::all_keys(),
            "{text}"
        );
        // Every key of text the patient writes is among the texts checked for missing
        // characters and for words lost on the sheet; ids and dates are not text.
        let texts: BTreeSet<String> = intake
            .texts()
            .into_iter()
            .map(|(field, _)| {
                let plain: String = field
                    .split('[')
                    .enumerate()
                    .map(|(i, part)| {
                        if i == 0 {
                            part
                        } else {
                            part.split_once(']').map_or("", |(_, r)| r)
                        }
                    })
                    .collect();
                if plain.starts_with("answers.") {
                    "answers".to_string()
                } else {
                    plain
                }
            })
            .collect();
        let not_text = [
            "guide",
            "patient.born",
            "patient.pregnant",
            "patient.pregnancy_week",
            "visit.when",
            // A language code, not the patient's words: it does not print as written.
            "visit.sheet_language",
            "medications.since",
            "medications.as_needed",
            "health.no_known_allergies",
            "health.no_medicines",
            "health.no_other_illnesses",
            "diary.night",
            "diary.at",
            "diary.minutes",
            "diary.severity",
            "questions.skip",
            "checklist.done",
        ];
        let expected: BTreeSet<String> = crate::intake::schema::all_keys()
            .into_iter()
            .filter(|k| !not_text.contains(&k.as_str()))
            .collect();
        assert_eq!(texts, expected);
    }
}
