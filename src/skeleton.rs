//! A commented intake, written from a guide: every field and every guide question explained
//! where it is to be filled in. Empty for `visitprep new`; holding the answers for
//! `visitprep interview`. Both share one writer, so they share their wording.

use std::fmt::Write;

use crate::guide::Guide;
use crate::intake::{DiaryEntry, Health, Intake, Medication, Patient, Visit, VisitTime};

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
}

impl Writer {
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
    write(guide, None, reference)
}

/// An intake holding `intake`'s values under the same notes as [`intake_for`]; whatever is
/// not filled in stays a commented-out example. Parsing the result gives `intake` back.
pub fn intake_filled(guide: &Guide, intake: &Intake) -> String {
    write(guide, Some(intake), &intake.guide)
}

fn write(guide: &Guide, intake: Option<&Intake>, reference: &str) -> String {
    let mut w = Writer { o: String::new() };
    w.preamble(guide, reference);
    w.patient(intake.map(|i| &i.patient));
    w.visit(intake.map(|i| &i.visit));
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
        let _ = writeln!(self.o, "# Visit intake: {}", guide.title);
        self.o.push_str(
            "#\n\
             # Fill in what you know and leave the rest. Lines starting with # are notes and are\n\
             # ignored: to fill in a line, remove the # in front of it and change the example.\n\
             # Text goes between double quotes. Dates are written year-month-day, without quotes.\n\
             #\n\
             # Check the file:   visitprep check THIS-FILE\n\
             # Make the sheet:   visitprep render THIS-FILE\n\n",
        );
        self.field(
            "The guide this intake follows (`visitprep guides` lists them).",
            "guide",
            Some(quote(reference)),
            "",
        );
    }

    // Long only as [patient] has ten keys, each a note, a value and an example.
    fn patient(&mut self, p: Option<&Patient>) {
        self.o.push_str("\n[patient]\n");
        self.field(
            "Your full name, as on your health insurance card.",
            "name",
            Some(quote(p.map_or(NAME_TO_REPLACE, |p| p.name.as_str()))),
            "",
        );
        self.field(
            "Date of birth (your age is worked out from it).",
            "born",
            p.and_then(|p| p.born).map(date),
            "1956-03-14",
        );
        self.field(
            "Sex, as you would tell the doctor.",
            "sex",
            text(p.map(|p| &p.sex)),
            "\"female\"",
        );
        self.field(
            "Are you pregnant? true or false.",
            "pregnant",
            p.filter(|p| p.pregnant).map(|_| "true".to_string()),
            "true",
        );
        self.field(
            "If you are pregnant: which week of pregnancy (1 to 45)?",
            "pregnancy_week",
            p.and_then(|p| p.pregnancy_week).map(|w| w.to_string()),
            "29",
        );
        self.field(
            "Your phone number.",
            "phone",
            text(p.map(|p| &p.phone)),
            "\"+44 20 7946 0123\"",
        );
        self.field(
            "Language you prefer to speak with the doctor.",
            "language",
            text(p.map(|p| &p.language)),
            "\"English\"",
        );
        self.field(
            "Who to call in an emergency, with their phone number.",
            "emergency_contact",
            text(p.map(|p| &p.emergency_contact)),
            "\"Anna Example (daughter), +44 7700 900123\"",
        );
        self.field(
            "What helps you take part in the visit, each in quotes, separated by commas: glasses, a hearing aid, an interpreter, a wheelchair, more time. They are on the sheet's first page.",
            "needs",
            p.and_then(|p| list(&p.needs)),
            "[\"reading glasses\", \"interpreter: Polish\"]",
        );
        self.field(
            "If someone else fills in this file for you: their name, and who they are to you.",
            "filled_in_by",
            text(p.map(|p| &p.filled_in_by)),
            "\"Anna Example (daughter)\"",
        );
    }

    fn visit(&mut self, v: Option<&Visit>) {
        self.o.push_str("\n[visit]\n");
        self.field(
            "Date and time of the appointment (or only the date: 2026-12-02).",
            "when",
            v.and_then(|v| v.when).map(visit_time),
            "2026-12-02T09:30:00",
        );
        self.field(
            "The hospital, clinic or practice.",
            "clinic",
            text(v.map(|v| &v.clinic)),
            "\"St. Mary Hospital\"",
        );
        self.field(
            "The department, or the kind of doctor.",
            "department",
            text(v.map(|v| &v.department)),
            "\"Neurology\"",
        );
        self.field(
            "The doctor's name, if you know it.",
            "doctor",
            text(v.map(|v| &v.doctor)),
            "\"Dr. Elena Mueller\"",
        );
        self.field(
            "Who comes with you (named on your checklist).",
            "companion",
            text(v.map(|v| &v.companion)),
            "\"Anna (daughter)\"",
        );
        self.field(
            "In one or two sentences: why you are going.",
            "reason",
            text(v.map(|v| &v.reason)),
            "\"Painful cramps in my calves at night.\"",
        );
        self.field(
            "What worries you, most important first, each in quotes, separated by commas. The first three are on the sheet's first page.",
            "concerns",
            v.and_then(|v| list(&v.concerns)),
            "[\"The cramps wake me every night.\", \"Could it be my water pill?\"]",
        );
        self.field(
            "What you hope to get from the visit.",
            "goal",
            text(v.map(|v| &v.goal)),
            "\"To sleep through the night again.\"",
        );
        self.field(
            "The language of the sheet's own words: \"en\" (English), \"es\" (Spanish) or \"fr\" (French). Left out, it follows the language you speak best when the sheet has it.",
            "sheet_language",
            v.and_then(|v| v.sheet_language).map(|l| quote(l.tag())),
            "\"es\"",
        );
    }

    fn answers(&mut self, guide: &Guide, intake: Option<&Intake>) {
        self.o.push_str(
            "\n[answers]\n\
             # Your answers to the questions the doctor is likely to ask. A question you leave\n\
             # out is printed with lines to write on. For several lines, use three quotes:\n\
             #   since = \"\"\"\n\
             #   first line\n\
             #   second line\"\"\"\n",
        );
        for q in &guide.doctor_questions {
            self.o.push('\n');
            let _ = writeln!(self.o, "# {}", q.text);
            if !q.hint.is_empty() {
                comment_wrapped(&mut self.o, &q.hint, "   ");
            }
            if q.when.pregnant == Some(true) {
                self.o.push_str("#   (Only asked during pregnancy.)\n");
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
        self.field(
            "Other illnesses you have, each in quotes, separated by commas.",
            "conditions",
            h.and_then(|h| list(&h.conditions)),
            "[\"type 2 diabetes\", \"high blood pressure\"]",
        );
        self.field(
            "Allergies, and what happens.",
            "allergies",
            h.and_then(|h| list(&h.allergies)),
            "[\"penicillin (rash)\"]",
        );
        self.field(
            "Anything else the doctor should know.",
            "notes",
            text(h.map(|h| &h.notes)),
            "\"Cataract operation in 2022.\"",
        );
        let said = |yes: bool| yes.then(|| "true".to_string());
        self.field(
            "No allergies that you know of? Then say so, and leave `allergies` out.",
            "no_known_allergies",
            h.and_then(|h| said(h.no_known_allergies)),
            "true",
        );
        self.field(
            "You take no medicines at all? Then say so, and add no medicine blocks.",
            "no_medicines",
            h.and_then(|h| said(h.no_medicines)),
            "true",
        );
        self.field(
            "No other illnesses? Then say so, and leave `conditions` out.",
            "no_other_illnesses",
            h.and_then(|h| said(h.no_other_illnesses)),
            "true",
        );
    }

    fn questions(&mut self, guide: &Guide, intake: Option<&Intake>) {
        self.o.push_str("\n[questions]\n");
        self.field(
            "Your own questions for the doctor, each in quotes, separated by commas.",
            "own",
            intake.and_then(|i| list(&i.own_questions)),
            "[\"Can I keep swimming?\"]",
        );
        if !guide.patient_questions.is_empty() {
            self.o.push_str(
                "# The sheet also prints these questions. To leave one out, list its id under skip:\n",
            );
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
        self.o.push_str(
            "\n[checklist]\n# What you have already done; these are printed ticked. The ids:\n",
        );
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
        self.o.push_str(
            "\n# Everything from here on is a list of blocks. Keep them at the end of the file: in\n\
             # TOML a line after [[medications]] belongs to that medicine.\n",
        );
        let medications = intake.map_or(&[][..], |i| &i.medications[..]);
        if medications.is_empty() {
            self.o.push_str(
                "#\n\
                 # Your medicines: copy these lines once for each medicine and remove the #.\n\
                 # [[medications]]\n\
                 # The medicine's name, as on the box.\n\
                 # name = \"hydrochlorothiazide\"\n\
                 # How much you take each time.\n\
                 # dose = \"12.5 mg\"\n\
                 # How often you take it.\n\
                 # how_often = \"every morning\"\n\
                 # Since when you take it.\n\
                 # since = 2024-05-01\n\
                 # What it is for.\n\
                 # reason = \"blood pressure\"\n\
                 # Anything else about it.\n\
                 # note = \"\"\n\
                 # Only taken when needed? Then add:\n\
                 # as_needed = true\n",
            );
        } else {
            self.o.push_str(
                "#\n\
                 # Your medicines, one [[medications]] block each: name, dose, how_often, since\n\
                 # (year-month-day), reason (what it is for), note, and as_needed = true for one\n\
                 # taken only when needed. For another medicine, add another block like these.\n",
            );
            for m in medications {
                medication(&mut self.o, m);
            }
        }
        self.diary(intake);
    }

    fn diary(&mut self, intake: Option<&Intake>) {
        let diary = intake.map_or(&[][..], |i| &i.diary[..]);
        if diary.is_empty() {
            self.o.push_str(
                "#\n\
                 # A diary: one block for each night with symptoms.\n\
                 # [[diary]]\n\
                 # The night, year-month-day.\n\
                 # night = 2026-11-20\n\
                 # The time it started.\n\
                 # at = 03:10:00\n\
                 # How long it lasted, in minutes.\n\
                 # minutes = 4\n\
                 # Where in the body.\n\
                 # where = \"right calf\"\n\
                 # Severity from 0 (no pain) to 10 (worst pain you can imagine).\n\
                 # severity = 7\n\
                 # Anything else about that night.\n\
                 # note = \"long walk that day\"\n",
            );
        } else {
            self.o.push_str(
                "\n# Your diary, one [[diary]] block for each night with symptoms: night\n\
                 # (year-month-day), at (time, like 03:10:00), minutes, where, severity from 0 (no\n\
                 # pain) to 10 (worst pain you can imagine), and note.\n",
            );
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
