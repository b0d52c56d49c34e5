//! The interview as a person at a keyboard meets it: in a real pseudo-terminal, where the
//! arrow keys, Home, Backspace and Delete arrive as the bytes a terminal sends, and Ctrl+C
//! as a key. What is asserted is what was written: the intake file and page 1 of the sheet.
#![cfg(unix)]

mod common;

use std::path::Path;
use std::process::Command;

use rexpect::session::{spawn_with_options, PtySession};
use visitprep::guide::Guide;
use visitprep::intake::{Intake, VisitTime};

// The bytes an xterm sends for these keys.
const LEFT: &str = "\x1b[D";
const RIGHT: &str = "\x1b[C";
const HOME: &str = "\x1b[H";
const END: &str = "\x1b[F";
const UP: &str = "\x1b[A";
const BACKSPACE: &str = "\x7f";
const DELETE: &str = "\x1b[3~";
const ENTER: &str = "\r";

fn interview(args: &[&str], out: &Path) -> PtySession {
    let mut command = Command::new(env!("CARGO_BIN_EXE_visitprep"));
    command
        .arg("interview")
        .args(args)
        .arg("-o")
        .arg(out)
        .env("TERM", "xterm")
        .env("NO_COLOR", "1");
    let options = rexpect::reader::Options::new()
        .timeout_ms(Some(20_000))
        .strip_ansi_escape_codes(true);
    spawn_with_options(command, options).expect("the interview starts in a pseudo-terminal")
}

/// Waits for `prompt` (the line editor has the line from then on), then types `keys`.
fn answer(s: &mut PtySession, prompt: &str, keys: &[&str]) -> String {
    let before = s
        .exp_string(prompt)
        .unwrap_or_else(|e| panic!("no prompt {prompt:?}: {e}"));
    for key in keys {
        s.send(key).unwrap();
        s.flush().unwrap();
        // The editor reads an escape sequence as one key only when it comes whole; a short
        // pause between keys is also how a person types.
        std::thread::sleep(std::time::Duration::from_millis(15));
    }
    before
}

fn parse(path: &Path) -> Intake {
    common::parse_written(path)
}

fn page_one(intake: &Path, dir: &Path) -> String {
    let pdf = dir.join("sheet.pdf");
    let out = Command::new(env!("CARGO_BIN_EXE_visitprep"))
        .arg("render")
        .arg(intake)
        .arg("-o")
        .arg(&pdf)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = Command::new("pdftotext")
        .args(["-enc", "UTF-8", "-f", "1", "-l", "1"])
        .arg(&pdf)
        .arg("-")
        .output()
        .expect("pdftotext runs: install poppler-utils");
    String::from_utf8(text.stdout).unwrap()
}

#[test]
fn a_person_at_a_terminal_edits_and_corrects_their_answers() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("intake.toml");
    let mut s = interview(&["--guide", "general"], &path);

    // "Margret" put right: Home, four to the right, the missing letter.
    answer(
        &mut s,
        "Your full name:",
        &[
            "Margret Smith",
            HOME,
            RIGHT,
            RIGHT,
            RIGHT,
            RIGHT,
            "a",
            ENTER,
        ],
    );
    answer(
        &mut s,
        "Date of birth (e.g. 4 April 1950):",
        &["04/05/1950", ENTER],
    );
    answer(
        &mut s,
        "Did you mean 4 May 1950 or 5 April 1950? (1 or 2)",
        &["1", ENTER],
    );
    answer(&mut s, "blank to skip):", &["female", ENTER]);
    // 76 years old: no pregnancy question.
    let between = answer(
        &mut s,
        "Your phone number (blank to skip):",
        &["0161 496 0000", ENTER],
    );
    assert!(!between.contains("pregnant"), "{between}");

    let guide = Guide::built_in("general").unwrap();
    let asked = guide
        .doctor_questions
        .iter()
        .filter(|q| q.when.pregnant != Some(true))
        .count();
    for n in 1..=asked {
        answer(&mut s, &format!("{n}/{asked}. "), &[]);
        let keys: &[&str] = if n == 1 {
            // A typo taken back with Backspace, a letter too many with Left and Delete.
            &[
                "Pain in my kneee",
                BACKSPACE,
                BACKSPACE,
                "e, worsee",
                LEFT,
                DELETE,
                " at night",
                ENTER,
            ]
        } else {
            &[ENTER]
        };
        answer(&mut s, "> ", keys);
    }

    answer(
        &mut s,
        "Medicine 1 (blank when done):",
        &["Lasix 40mg once a day", ENTER],
    );
    answer(&mut s, "Is that right? (yes/no)", &["yes", ENTER]);
    answer(&mut s, "What it is for:", &["water pil", END, "l", ENTER]);
    answer(&mut s, "Medicine 2 (blank when done):", &[ENTER]);
    answer(
        &mut s,
        "Question 1 (blank when done):",
        &["Can I still walk to the shops?", ENTER],
    );
    answer(&mut s, "Question 2 (blank when done):", &[ENTER]);

    let visit = chrono::Local::now().date_naive() + chrono::Days::new(10);
    let written = visit.format("%-d %B %Y").to_string();
    answer(&mut s, "9:30am):", &[&written, " at 10:30am", ENTER]);
    answer(&mut s, "St. Mary Hospital):", &["St Mary", ENTER]);
    answer(&mut s, "(e.g. Neurology):", &[ENTER]);
    answer(
        &mut s,
        "calves at night.)",
        &[
            // Two letters swapped: back to them, one deleted and typed again after the other.
            "knee pain at nihgt",
            LEFT,
            LEFT,
            LEFT,
            DELETE,
            RIGHT,
            "h",
            ENTER,
        ],
    );
    answer(
        &mut s,
        "Allergy 1 (blank when done):",
        &["penicillin (rash)", ENTER],
    );
    answer(&mut s, "Allergy 2 (blank when done):", &[ENTER]);
    answer(
        &mut s,
        "Illness 1 (blank when done):",
        &["high blood pressure", ENTER],
    );
    answer(&mut s, "Illness 2 (blank when done):", &[ENTER]);
    answer(&mut s, "blank if no one):", &["my daughter Anna", ENTER]);
    // Up brings back the earlier answer, to add her number to it.
    answer(
        &mut s,
        "phone number (blank to skip):",
        &[UP, END, ", 0161 496 0001", ENTER],
    );
    answer(&mut s, "(blank to skip):", &[ENTER]);
    answer(
        &mut s,
        "Need 1 (blank when done):",
        &["reading glasses", ENTER],
    );
    answer(&mut s, "Need 2 (blank when done):", &[ENTER]);
    answer(&mut s, "blank if it is for you):", &[ENTER]);
    answer(&mut s, "Worry 1 (blank when done):", &["falling", ENTER]);
    answer(&mut s, "Worry 2 (blank when done):", &[ENTER]);
    answer(&mut s, "to get from the visit?", &[]);
    answer(&mut s, "again.)", &["to walk again", ENTER]);

    // The read-back: the reason is changed, the earlier words on the line to edit.
    let shown = answer(&mut s, "Number to change:", &[]);
    assert!(shown.contains(". Your name: Margaret Smith"), "{shown}");
    let reason = shown
        .lines()
        .find(|l| l.contains(". Why you are going: knee pain at night"))
        .unwrap_or_else(|| panic!("the reason is not read back:\n{shown}"));
    let number = reason.trim().split('.').next().unwrap().to_string();
    s.send(&format!("{number}{ENTER}")).unwrap();
    s.flush().unwrap();
    answer(&mut s, "calves at night.)", &[HOME, "Sharp ", ENTER]);
    let shown = answer(&mut s, "Number to change:", &[ENTER]);
    assert!(
        shown.contains(". Why you are going: Sharp knee pain at night"),
        "{shown}"
    );
    s.exp_string("Wrote ").unwrap();
    s.exp_eof().unwrap();

    let written = std::fs::read_to_string(&path).unwrap();
    assert!(
        !written.contains('\x1b') && !written.contains("[D"),
        "{written}"
    );
    let intake = parse(&path);
    let p = &intake.patient;
    assert_eq!(p.name, "Margaret Smith");
    assert_eq!(p.born, chrono::NaiveDate::from_ymd_opt(1950, 5, 4));
    assert_eq!(p.sex.as_deref(), Some("female"));
    assert!(!p.pregnant);
    assert_eq!(p.phone.as_deref(), Some("0161 496 0000"));
    assert_eq!(
        p.emergency_contact.as_deref(),
        Some("my daughter Anna, 0161 496 0001")
    );
    let first = &guide.doctor_questions[0].id;
    assert_eq!(intake.answers[first], "Pain in my knee, worse at night");
    assert_eq!(intake.answers.len(), 1);
    assert_eq!(
        intake.visit.reason.as_deref(),
        Some("Sharp knee pain at night")
    );
    assert_eq!(
        intake.visit.when,
        Some(VisitTime::DayAndTime(visit.and_hms_opt(10, 30, 0).unwrap()))
    );
    let m = &intake.medications[0];
    assert_eq!(
        (
            m.name.as_str(),
            m.dose.as_deref(),
            m.how_often.as_deref(),
            m.reason.as_deref()
        ),
        (
            "Lasix",
            Some("40mg"),
            Some("once a day"),
            Some("water pill")
        )
    );
    assert_eq!(intake.health.allergies, ["penicillin (rash)"]);
    assert_eq!(intake.own_questions, ["Can I still walk to the shops?"]);

    let page = page_one(&path, dir.path());
    let flat = page.split_whitespace().collect::<Vec<_>>().join(" ");
    for expected in [
        "Margaret Smith",
        "born 4 May 1950",
        "Sharp knee pain at night",
        "Pain in my knee, worse at night",
        "Lasix, 40mg, once a day",
        "penicillin (rash)",
        "reading glasses",
        "falling",
        "to walk again",
    ] {
        assert!(flat.contains(expected), "{expected} not on page 1:\n{page}");
    }
    assert!(!page.contains("[D") && !page.contains('\u{1b}'), "{page}");
}

#[test]
fn ctrl_c_leaves_nothing_behind() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("intake.toml");
    let mine = "guide = \"general\"\n[patient]\nname = \"Mine, do not touch\"\n";
    std::fs::write(&path, mine).unwrap();
    let mut s = interview(&["--guide", "general", "--force"], &path);
    answer(&mut s, "Your full name:", &["Someone Else", ENTER]);
    answer(
        &mut s,
        "Date of birth (e.g. 4 April 1950):",
        &["4 April 1950", ENTER],
    );
    answer(&mut s, "blank to skip):", &["fem", "\x03"]);
    s.exp_string("Stopped with Ctrl+C: nothing was written.")
        .unwrap();
    s.exp_eof().unwrap();
    let status = s.process().wait().unwrap();
    assert!(
        matches!(status, rexpect::process::WaitStatus::Exited(_, 130)),
        "{status:?}"
    );
    assert_eq!(std::fs::read_to_string(&path).unwrap(), mine);
    let files: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
    assert_eq!(files.len(), 1, "something left behind: {files:?}");

    // Ctrl+D on an empty line stops the same way, with nothing written.
    let fresh = dir.path().join("fresh.toml");
    let mut s = interview(&["--guide", "general"], &fresh);
    answer(&mut s, "Your full name:", &["Someone", ENTER]);
    answer(&mut s, "Date of birth (e.g. 4 April 1950):", &["\x04"]);
    s.exp_string("nothing was written").unwrap();
    s.exp_eof().unwrap();
    assert!(!fresh.exists());
}

/// [`answer`] for a prompt that is not ASCII. The session hands over what it reads a byte a
/// character, so the prompt is looked for as those bytes, and what came before it is given
/// back as the UTF-8 text it was.
fn answer_in_utf8(s: &mut PtySession, prompt: &str, keys: &[&str]) -> String {
    let as_read: String = prompt.bytes().map(char::from).collect();
    let before = answer(s, &as_read, keys);
    let bytes: Vec<u8> = before
        .chars()
        .map(|c| u8::try_from(u32::from(c)).expect("a byte a character"))
        .collect();
    String::from_utf8(bytes).expect("the interview writes UTF-8")
}

#[test]
fn a_spanish_speaker_answers_in_spanish_at_a_terminal() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("datos.toml");
    let mut s = interview(&["--lang", "es", "--guide", "general"], &path);
    let intro = answer_in_utf8(&mut s, "Su nombre completo:", &["Carmen Prueba", ENTER]);
    assert!(intro.contains("pulse Ctrl+C"), "{intro}");
    assert!(!intro.contains("Enter"), "{intro}");
    answer_in_utf8(
        &mut s,
        "(por ejemplo: 14 de marzo de 1956):",
        &["14 de marzo de 1956", ENTER],
    );
    answer_in_utf8(&mut s, "Intro para pasar):", &["mujer", ENTER]);
    // Seventy: no question about a pregnancy.
    let between = answer_in_utf8(
        &mut s,
        "Su número de teléfono (Intro para pasar):",
        &[ENTER],
    );
    assert!(!between.contains("embarazada"), "{between}");

    let guide = Guide::built_in("general").unwrap();
    let spanish = guide.translated(visitprep::Language::Spanish).unwrap();
    let asked: Vec<_> = spanish
        .doctor_questions
        .iter()
        .filter(|q| q.when.pregnant != Some(true))
        .collect();
    for (n, q) in asked.iter().enumerate() {
        answer_in_utf8(&mut s, &format!("{}/{}. ", n + 1, asked.len()), &[]);
        let keys: &[&str] = if q.id == guide.doctor_questions[0].id {
            &["Me duele la rodilla", ENTER]
        } else {
            &[ENTER]
        };
        // The question and its hint, in Spanish, stand before the line to answer on.
        let shown = answer_in_utf8(&mut s, "> ", keys);
        let flat = shown.split_whitespace().collect::<Vec<_>>().join(" ");
        assert!(flat.starts_with(&q.text), "{flat}");
    }
    answer_in_utf8(
        &mut s,
        "Medicamento 1 (Intro cuando termine):",
        &["Omeprazol 20 mg una vez al día", ENTER],
    );
    let split = answer_in_utf8(&mut s, "¿Está bien así? (sí/no)", &["sí", ENTER]);
    assert!(split.contains("Cada cuánto:  una vez al día"), "{split}");
    answer_in_utf8(&mut s, "Para qué lo toma:", &["el estómago", ENTER]);
    answer_in_utf8(&mut s, "Medicamento 2 (Intro cuando termine):", &[ENTER]);
    answer_in_utf8(&mut s, "Pregunta 1 (Intro cuando termine):", &[ENTER]);
    answer_in_utf8(&mut s, "a las 9:30):", &[ENTER]);
    answer_in_utf8(&mut s, "Hospital San Juan):", &[ENTER]);
    answer_in_utf8(&mut s, "Neurología):", &[ENTER]);
    answer_in_utf8(&mut s, "noche.)", &[ENTER]);
    answer_in_utf8(
        &mut s,
        "Alergia 1 (Intro cuando termine):",
        &["ninguna", ENTER],
    );
    answer_in_utf8(&mut s, "Enfermedad 1 (Intro cuando termine):", &[ENTER]);
    answer_in_utf8(&mut s, "Intro si va solo o sola):", &[ENTER]);
    answer_in_utf8(&mut s, "pasar):", &[ENTER]);
    answer_in_utf8(&mut s, "pasar):", &["español", ENTER]);
    answer_in_utf8(&mut s, "Ayuda 1 (Intro cuando termine):", &[ENTER]);
    answer_in_utf8(&mut s, "Intro si es para usted):", &[ENTER]);
    answer_in_utf8(&mut s, "Preocupación 1 (Intro cuando termine):", &[ENTER]);
    answer_in_utf8(&mut s, "noche.)", &["dormir bien", ENTER]);

    let shown = answer_in_utf8(&mut s, "Número que quiere cambiar:", &["listo", ENTER]);
    for expected in [
        ". Su nombre: Carmen Prueba",
        ". Fecha de nacimiento: 14 de marzo de 1956",
        ". Sexo: mujer",
        ". Alergias: ninguna",
        "Sin contestar: ",
    ] {
        assert!(shown.contains(expected), "{expected}:\n{shown}");
    }
    s.exp_string("Guardado en ").unwrap();
    s.exp_eof().unwrap();

    let written = std::fs::read_to_string(&path).unwrap();
    assert!(written.contains("\nsheet_language = \"es\"\n"), "{written}");
    let intake = parse(&path);
    assert_eq!(intake.patient.name, "Carmen Prueba");
    assert_eq!(
        intake.patient.born,
        chrono::NaiveDate::from_ymd_opt(1956, 3, 14)
    );
    assert_eq!(intake.patient.sex.as_deref(), Some("female"));
    assert!(intake.health.no_known_allergies);
    assert_eq!(
        intake.answers[&guide.doctor_questions[0].id],
        "Me duele la rodilla"
    );
    assert_eq!(intake.medications[0].name, "Omeprazol");
    assert_eq!(intake.medications[0].reason.as_deref(), Some("el estómago"));

    let page = page_one(&path, dir.path());
    let flat = page.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(flat.starts_with("Resumen para el médico"), "{flat}");
    for expected in [
        "Carmen Prueba",
        "(nació el 14 de marzo de 1956)",
        "Me duele la rodilla",
        "Omeprazol",
    ] {
        assert!(flat.contains(expected), "{expected} not on page 1:\n{page}");
    }
}
