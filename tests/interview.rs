//! The ways into an intake without knowing TOML: `new` writes one to fill in, `interview`
//! asks for it. Both run as the real binary, with answers piped in like a script would.

mod common;

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use chrono::{NaiveDate, NaiveDateTime};
use visitprep::guide::Guide;
use visitprep::intake::{Intake, VisitTime};

fn bin() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_visitprep"));
    c.env("SOURCE_DATE_EPOCH", "1780000000")
        .env_remove("NO_COLOR");
    c
}

fn run(args: &[&str], paths: &[&Path]) -> Output {
    let mut c = bin();
    c.args(args);
    for p in paths {
        c.arg(p);
    }
    c.stdin(Stdio::null()).output().unwrap()
}

fn with_stdin(args: &[&str], out: &Path, input: &str) -> Output {
    let mut child = bin()
        .args(args)
        .arg("-o")
        .arg(out)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // Written from a thread, so a full output pipe cannot block the writing; a program that
    // stops early (refusing to start) may close its input, which is no error here.
    let mut stdin = child.stdin.take().unwrap();
    let input = input.to_string();
    let writer = std::thread::spawn(move || {
        let _ = stdin.write_all(input.as_bytes());
    });
    let output = child.wait_with_output().unwrap();
    writer.join().unwrap();
    output
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

fn parse(path: &Path) -> Intake {
    common::parse_written(path)
}

fn check_passes(path: &Path) -> String {
    let out = run(&["check"], &[path]);
    assert!(
        out.status.success(),
        "check failed:\n{}\n{}",
        text(&out.stdout),
        text(&out.stderr)
    );
    text(&out.stdout)
}

#[test]
fn new_then_check_then_render_makes_a_pdf() {
    let dir = tempfile::tempdir().unwrap();
    let intake = dir.path().join("intake.toml");
    let out = run(&["new", "-o"], &[&intake]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let stdout = check_passes(&intake);
    assert!(stdout.contains("valid"), "{stdout}");
    assert!(stdout.contains("unanswered"), "{stdout}");

    let pdf = dir.path().join("sheet.pdf");
    let out = run(&["render"], &[&intake, Path::new("-o"), &pdf]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let bytes = std::fs::read(&pdf).unwrap();
    assert!(bytes.starts_with(b"%PDF-"), "not a PDF");
    let doc = lopdf::Document::load_mem(&bytes).unwrap();
    assert!(!doc.get_pages().is_empty());

    // With an editor's schema line on top it is still a valid intake.
    let with_schema = dir.path().join("with-schema.toml");
    let out = run(
        &["new", "--schema", "./visitprep.schema.json", "-o"],
        &[&with_schema],
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    let written = std::fs::read_to_string(&with_schema).unwrap();
    assert!(written.starts_with("#:schema ./visitprep.schema.json\n"));
    check_passes(&with_schema);
}

#[test]
fn new_in_spanish_filled_in_with_spanish_dates_makes_a_spanish_sheet() {
    let dir = tempfile::tempdir().unwrap();
    let intake = dir.path().join("datos.toml");
    let out = run(&["new", "--lang", "español", "-o"], &[&intake]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let written = std::fs::read_to_string(&intake).unwrap();
    assert!(
        written.contains(
            "# Su nombre completo, como en su tarjeta sanitaria.\nname = \"Su nombre\"\n"
        ),
        "{written}"
    );
    assert!(written.contains("\nsheet_language = \"es\"\n"), "{written}");
    // As a person fills it in: the name, dates in Spanish words, one answer.
    let filled = written
        .replace("name = \"Su nombre\"", "name = \"Carmen Prueba\"")
        .replace("# born = 1956-03-14", "born = \"14 de marzo de 1956\"")
        .replace(
            "# when = 2026-12-02T09:30:00",
            "when = \"10 de diciembre de 2026 a las 9:30 de la mañana\"",
        )
        .replace(
            "# discomfort = \"\"",
            "discomfort = \"Calambres en la pantorrilla derecha por la noche.\"",
        );
    std::fs::write(&intake, &filled).unwrap();
    // A file whose sheet is in Spanish is checked in Spanish.
    let stdout = check_passes(&intake);
    assert!(stdout.contains("datos.toml: correcto"), "{stdout}");
    let parsed = parse(&intake);
    assert_eq!(parsed.patient.born, NaiveDate::from_ymd_opt(1956, 3, 14));
    assert_eq!(
        parsed.visit.when,
        Some(VisitTime::DayAndTime(
            NaiveDateTime::parse_from_str("2026-12-10 09:30", "%Y-%m-%d %H:%M").unwrap()
        ))
    );
    let pdf = dir.path().join("hoja.pdf");
    let out = run(&["render"], &[&intake, Path::new("-o"), &pdf]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let first = Command::new("pdftotext")
        .args(["-enc", "UTF-8", "-f", "1", "-l", "1"])
        .arg(&pdf)
        .arg("-")
        .output()
        .expect("pdftotext runs");
    let first = text(&first.stdout)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    // Spanish labels, the dates read from Spanish words and written back in Spanish.
    assert!(first.starts_with("Resumen para el médico"), "{first}");
    assert!(first.contains("(nació el 14 de marzo de 1956)"), "{first}");
    assert!(
        first.contains("Consulta: jue 10 de diciembre de 2026, 09:30"),
        "{first}"
    );
    assert!(
        first.contains("Calambres en la pantorrilla derecha"),
        "{first}"
    );
    assert!(first.contains("Carmen Prueba"), "{first}");
}

#[test]
fn new_with_a_language_the_sheet_lacks_is_refused() {
    let out = run(&["new", "--lang", "klingon"], &[]);
    assert_eq!(out.status.code(), Some(2), "{}", text(&out.stderr));
    assert!(
        text(&out.stderr).contains("use en, es or fr"),
        "{}",
        text(&out.stderr)
    );
    assert!(out.stdout.is_empty());
}

#[test]
fn new_never_replaces_a_file_without_force() {
    let dir = tempfile::tempdir().unwrap();
    let intake = dir.path().join("intake.toml");
    let mine = "guide = \"general\"\n[patient]\nname = \"Mine, do not touch\"\n# my notes\n";
    std::fs::write(&intake, mine).unwrap();

    let out = run(&["new", "-o"], &[&intake]);
    assert!(!out.status.success());
    assert!(
        text(&out.stderr).contains("already exists"),
        "{}",
        text(&out.stderr)
    );
    assert_eq!(std::fs::read(&intake).unwrap(), mine.as_bytes());

    let out = run(&["new", "--force", "-o"], &[&intake]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert_ne!(std::fs::read(&intake).unwrap(), mine.as_bytes());
    check_passes(&intake);
}

/// One interview's answers, and what the intake must then hold.
struct Script {
    lines: Vec<String>,
    answers: Vec<(String, String)>,
}

fn pregnant_script(guide: &Guide) -> Script {
    let mut lines: Vec<String> = vec![
        r#"Zoë "Mimi" O'Brien \ Σοφία 王秀英"#.into(),
        "the fourteenth".into(), // not a date: asked again
        "1990-14-03".into(),     // no 14th month: asked again
        "14 March 1990".into(),
        "female".into(),
        "maybe".into(), // not yes or no: asked again
        "yes".into(),
        "29".into(),
        "+44 20 7946 0001".into(),
    ];
    let mut answers = Vec::new();
    for q in &guide.doctor_questions {
        if q.id == "before" {
            lines.push(String::new()); // skipped
            continue;
        }
        let answer = format!(
            r#"For {}: "quoted", C:\temp\new, a tab	here, Ελληνικά, 日本語"#,
            q.id
        );
        lines.push(answer.clone());
        answers.push((q.id.clone(), answer));
    }
    lines.extend(
        [
            "hydrochlorothiazide",
            "12.5 mg",
            "every morning",
            r#"blood "pressure""#,
            "Магне B6",
            "",
            "twice a day",
            "",
            "",
            "Can I keep swimming?",
            r"Is a \ in my notes a problem?",
            "",
            "2026-13-02", // no 13th month: asked again
            "2026-12-02 09:30",
            r#"St. Mary's "Main" Hospital"#,
            "Obstetrics",
            "Cramps every night since the 20th week.",
            "penicillin: rash",
            "latex (itching)",
            "",
            "asthma",
            "",
            "my husband Tom",
            "Tom O'Brien, +44 20 7946 0000",
            "Greek",
            "reading glasses",
            "interpreter: Greek",
            "",
            "Tom O'Brien (husband)",
            "Whether the cramps harm the baby",
            "Whether I need calcium",
            "",
            "To sleep through the night",
            "", // every answer read back: all right
        ]
        .map(String::from),
    );
    Script { lines, answers }
}

#[test]
fn interview_writes_every_answer_into_a_valid_intake() {
    let guide = Guide::built_in("nocturnal-leg-cramps").unwrap();
    let script = pregnant_script(&guide);
    let dir = tempfile::tempdir().unwrap();
    let path: PathBuf = dir.path().join("my intake.toml");
    let input = script.lines.join("\n") + "\n";
    let out = with_stdin(&["interview"], &path, &input);
    let stdout = text(&out.stdout);
    assert!(out.status.success(), "{stdout}\n{}", text(&out.stderr));

    // Piped input: plain text, no escape codes; bad dates and answers asked again.
    assert!(!stdout.contains('\x1b'), "escape codes in:\n{stdout}");
    let flat = stdout.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        flat.contains("\"the fourteenth\" is not a date I can read"),
        "{stdout}"
    );
    assert!(
        flat.contains("\"1990-14-03\" is not a day of the calendar"),
        "{stdout}"
    );
    assert!(
        flat.contains("\"2026-13-02\" is not a day of the calendar"),
        "{stdout}"
    );
    assert!(stdout.contains("Please answer yes or no"), "{stdout}");
    // Every hint is shown, in the interview's words (compare ignoring line breaks: hints
    // are wrapped).
    for q in &guide.doctor_questions {
        let hint = visitprep::interview::interview_hint(&q.hint);
        assert!(flat.contains(&hint), "hint of {} not shown", q.id);
    }
    // And read back, numbered, before the file is written.
    assert!(stdout.contains(" 1. Your name: Zoë"), "{stdout}");
    assert!(
        stdout.find("Your answers").unwrap() < stdout.find("Wrote ").unwrap(),
        "{stdout}"
    );
    // The render command to run next, quoted for the shell.
    let quoted = format!("visitprep render '{}'", path.display());
    assert!(stdout.contains(&quoted), "{stdout}");

    let intake = parse(&path);
    let p = &intake.patient;
    assert_eq!(p.name, r#"Zoë "Mimi" O'Brien \ Σοφία 王秀英"#);
    assert_eq!(p.born, NaiveDate::from_ymd_opt(1990, 3, 14));
    assert_eq!(p.sex.as_deref(), Some("female"));
    assert_eq!(p.phone.as_deref(), Some("+44 20 7946 0001"));
    assert!(p.pregnant);
    assert_eq!(p.pregnancy_week, Some(29));
    assert!(intake.answers.contains_key("pregnancy"));
    assert!(!intake.answers.contains_key("before"));
    assert_eq!(intake.answers.len(), script.answers.len());
    for (id, answer) in &script.answers {
        // The parser prints a tab as a space, so compare what will be printed.
        assert_eq!(
            intake.answers[id],
            visitprep::intake::clean(answer),
            "answer {id}"
        );
    }
    assert_eq!(intake.medications.len(), 2);
    let m = &intake.medications[0];
    assert_eq!(m.name, "hydrochlorothiazide");
    assert_eq!(m.dose.as_deref(), Some("12.5 mg"));
    assert_eq!(m.how_often.as_deref(), Some("every morning"));
    assert_eq!(m.reason.as_deref(), Some(r#"blood "pressure""#));
    let m = &intake.medications[1];
    assert_eq!(m.name, "Магне B6");
    assert_eq!(m.dose, None);
    assert_eq!(m.how_often.as_deref(), Some("twice a day"));
    assert_eq!(m.reason, None);
    assert_eq!(
        intake.own_questions,
        ["Can I keep swimming?", r"Is a \ in my notes a problem?"]
    );
    assert_eq!(
        intake.visit.when,
        Some(VisitTime::DayAndTime(
            NaiveDateTime::parse_from_str("2026-12-02 09:30", "%Y-%m-%d %H:%M").unwrap()
        ))
    );
    assert_eq!(
        intake.visit.clinic.as_deref(),
        Some(r#"St. Mary's "Main" Hospital"#)
    );
    assert_eq!(intake.visit.department.as_deref(), Some("Obstetrics"));
    assert_eq!(
        intake.health.allergies,
        ["penicillin: rash", "latex (itching)"]
    );
    assert_eq!(intake.health.conditions, ["asthma"]);
    assert_eq!(intake.visit.companion.as_deref(), Some("my husband Tom"));
    assert_eq!(
        p.emergency_contact.as_deref(),
        Some("Tom O'Brien, +44 20 7946 0000")
    );
    assert_eq!(p.language.as_deref(), Some("Greek"));
    assert_eq!(p.needs, ["reading glasses", "interpreter: Greek"]);
    assert_eq!(p.filled_in_by.as_deref(), Some("Tom O'Brien (husband)"));
    assert_eq!(
        intake.visit.concerns,
        ["Whether the cramps harm the baby", "Whether I need calcium"]
    );
    assert_eq!(
        intake.visit.goal.as_deref(),
        Some("To sleep through the night")
    );
    assert_eq!(
        intake.visit.reason.as_deref(),
        Some("Cramps every night since the 20th week.")
    );

    let checked = check_passes(&path);
    assert!(checked.contains("1 unanswered"), "{checked}");
    assert!(checked.contains("before"), "{checked}");

    // The written file is readable: each question's text stands above its answer.
    let written = std::fs::read_to_string(&path).unwrap();
    let q = guide.doctor_question("since").unwrap();
    let at_question = written.find(&q.text).unwrap();
    let at_answer = written.find("\nsince = ").unwrap();
    assert!(at_question < at_answer);

    // And it makes a sheet.
    let pdf = dir.path().join("sheet.pdf");
    let out = run(&["render"], &[&path, Path::new("-o"), &pdf]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let sheet = Command::new("pdftotext")
        .args(["-enc", "UTF-8"])
        .arg(&pdf)
        .arg("-")
        .output()
        .expect("pdftotext runs: install poppler-utils");
    let sheet = text(&sheet.stdout);
    for expected in [
        "penicillin: rash",
        "latex (itching)",
        "asthma",
        "my husband Tom",
        "Cramps every night since the 20th week.",
        "+44 20 7946 0000",
    ] {
        assert!(
            sheet.contains(expected),
            "{expected} not on the sheet:\n{sheet}"
        );
    }
}

#[test]
fn interview_not_pregnant_skips_the_pregnancy_questions() {
    let guide = Guide::built_in("nocturnal-leg-cramps").unwrap();
    let pregnancy = guide.doctor_question("pregnancy").unwrap();
    let asked: Vec<_> = guide
        .doctor_questions
        .iter()
        .filter(|q| q.when.pregnant != Some(true))
        .collect();
    // No birth date and no sex given: the pregnancy question is asked, answered no.
    let mut lines = vec![
        "Sam Example".to_string(),
        String::new(),
        String::new(),
        "no".to_string(),
        String::new(),
    ];
    lines.extend(asked.iter().map(|q| format!("about {}", q.id)));
    // Everything after the guide's questions skipped, and the read-back confirmed.
    lines.extend(std::iter::repeat_n(String::new(), 16));
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("intake.toml");
    let out = with_stdin(&["interview"], &path, &(lines.join("\n") + "\n"));
    assert!(out.status.success(), "{}", text(&out.stderr));
    let flat = text(&out.stdout)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    assert!(!flat.contains(&pregnancy.text), "{flat}");
    let intake = parse(&path);
    assert!(!intake.patient.pregnant);
    assert_eq!(intake.answers.len(), asked.len());
    for q in asked {
        assert_eq!(intake.answers[&q.id], format!("about {}", q.id));
    }
    check_passes(&path);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&path).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600, "health data is for its owner only");
    }
}

#[test]
fn interview_cut_short_leaves_nothing_behind() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("intake.toml");
    // No newline after the last answer, then the input ends long before the last question.
    let out = with_stdin(
        &["interview", "--guide", "general"],
        &path,
        "Ann Example\n1944-02-29",
    );
    assert_eq!(out.status.code(), Some(1));
    let err = text(&out.stderr);
    assert!(
        err.contains("the answers ended before the interview was finished; nothing was written"),
        "{err}"
    );
    assert!(!path.exists(), "a file was written");
    assert_eq!(
        std::fs::read_dir(dir.path()).unwrap().count(),
        0,
        "something left behind"
    );

    // With --force, an existing file stays as it was.
    std::fs::write(&path, "mine\n").unwrap();
    let out = with_stdin(&["interview", "--force"], &path, "Ann Example\n");
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(std::fs::read_to_string(&path).unwrap(), "mine\n");
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
}

#[test]
fn interview_never_replaces_a_file_without_force() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("intake.toml");
    let mine = "my own notes\n";
    std::fs::write(&path, mine).unwrap();
    let out = with_stdin(&["interview"], &path, "Someone\n");
    assert!(!out.status.success());
    assert!(text(&out.stderr).contains("already exists"));
    // Refused before asking anything.
    assert!(!text(&out.stdout).contains("Your full name"));
    assert_eq!(std::fs::read_to_string(&path).unwrap(), mine);

    let answers = format!("Someone\n{}", "\n".repeat(60));
    let out = with_stdin(&["interview", "--force"], &path, &answers);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert_eq!(parse(&path).patient.name, "Someone");
}

/// A clinic's own guide in `dir/guides/clinic.toml`: the general guide under another id,
/// with one question of its own.
fn clinic_guide(dir: &Path) -> PathBuf {
    let general = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("templates/general.toml"),
    )
    .unwrap();
    let own = general
        .replacen("id = \"general\"", "id = \"clinic-feet\"", 1)
        .replacen("title = \"General visit\"", "title = \"Foot clinic\"", 1)
        .replacen(
            "[[doctor_questions]]",
            "[[doctor_questions]]\nid = \"shoes\"\ntext = \"Which shoes do you wear most days?\"\nhint = \"Flat, heeled, slippers, work boots.\"\n\n[[doctor_questions]]",
            1,
        );
    std::fs::create_dir_all(dir.join("guides")).unwrap();
    let path = dir.join("guides/clinic.toml");
    std::fs::write(&path, own).unwrap();
    path
}

#[test]
fn new_and_interview_follow_a_guide_file_named_from_the_intake() {
    let dir = tempfile::tempdir().unwrap();
    let guide = clinic_guide(dir.path());
    std::fs::create_dir_all(dir.path().join("patients")).unwrap();

    // Named relative to the current folder; the intake names it relative to itself.
    let new = dir.path().join("patients/ann.toml");
    let out = bin()
        .current_dir(dir.path())
        .args([
            "new",
            "--guide",
            "guides/clinic.toml",
            "-o",
            "patients/ann.toml",
        ])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", text(&out.stderr));
    let written = std::fs::read_to_string(&new).unwrap();
    assert!(
        written.contains("guide = \"../guides/clinic.toml\""),
        "{written}"
    );
    assert!(
        written.contains("Which shoes do you wear most days?"),
        "{written}"
    );
    assert!(written.contains("# shoes = \"\""), "{written}");
    check_passes(&new);

    // An absolute path works the same, and the interview asks the guide's own question.
    let asked = dir.path().join("patients/ben.toml");
    let out = with_stdin(
        &["interview", "--guide", guide.to_str().unwrap()],
        &asked,
        &format!("Ben Example\n\n\nno\n\ntrainers\n{}", "\n".repeat(60)),
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(text(&out.stdout).contains("Which shoes do you wear most days?"));
    let intake = parse(&asked);
    assert_eq!(intake.guide, "../guides/clinic.toml");
    assert_eq!(intake.answers["shoes"], "trainers");
    check_passes(&asked);
}

#[test]
fn a_guide_that_is_neither_built_in_nor_a_file_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("x.toml");
    let o = run(&["new", "--guide", "generl", "-o"], &[&out]);
    assert_eq!(o.status.code(), Some(1));
    let err = text(&o.stderr);
    assert!(err.contains("unknown guide `generl`"), "{err}");
    assert!(err.contains("did you mean `general`?"), "{err}");
    let o = run(
        &["interview", "--guide", "nosuch/guide.toml", "-o"],
        &[&out],
    );
    assert_eq!(o.status.code(), Some(1));
    let err = text(&o.stderr);
    assert!(
        err.contains("there is no guide file `nosuch/guide.toml`"),
        "{err}"
    );
    // A guide file with a mistake is reported like an intake's.
    let broken = dir.path().join("broken.toml");
    std::fs::write(&broken, "id = \"broken\"\ntitle = 3\n").unwrap();
    let o = run(&["new", "--guide", broken.to_str().unwrap(), "-o"], &[&out]);
    assert_eq!(o.status.code(), Some(1));
    let err = text(&o.stderr);
    assert!(err.contains("broken.toml"), "{err}");
    assert!(err.contains("title"), "{err}");
    assert!(!out.exists());
}

#[test]
fn guides_shows_a_guide_file_or_what_is_wrong_with_it() {
    let dir = tempfile::tempdir().unwrap();
    let guide = clinic_guide(dir.path());
    let o = run(&["guides"], &[&guide]);
    assert!(o.status.success(), "{}", text(&o.stderr));
    let shown = text(&o.stdout);
    assert!(shown.starts_with("Foot clinic (clinic-feet)"), "{shown}");
    assert!(
        shown.contains("Which shoes do you wear most days?"),
        "{shown}"
    );

    std::fs::write(&guide, "id = \"x\"\ntitle = 3\n").unwrap();
    let o = run(&["guides"], &[&guide]);
    assert_eq!(o.status.code(), Some(1));
    let err = text(&o.stderr);
    assert!(err.contains("clinic.toml:2:9"), "{err}");
}

/// The English catalogue's prompts and sentences with no value in them: none may reach the
/// screen of an interview in another language.
fn english_sentences() -> Vec<String> {
    let english = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("locales/interview/en.ftl"),
    )
    .unwrap();
    english
        .lines()
        .filter(|l| !l.starts_with('#'))
        .filter_map(|l| l.split_once(" = ").map(|(_, text)| text.to_string()))
        .filter(|text| !text.contains('{') && text.split_whitespace().count() > 2)
        .collect()
}

/// Page 1 of the sheet rendered from `intake`, its white space made single.
fn page_one(intake: &Path, dir: &Path) -> String {
    let pdf = dir.join("hoja.pdf");
    let out = run(&["render"], &[intake, Path::new("-o"), &pdf]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let first = Command::new("pdftotext")
        .args(["-enc", "UTF-8", "-f", "1", "-l", "1"])
        .arg(&pdf)
        .arg("-")
        .output()
        .expect("pdftotext runs: install poppler-utils");
    text(&first.stdout)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

#[test]
fn interview_in_spanish_is_asked_and_answered_in_spanish() {
    let guide = Guide::built_in("nocturnal-leg-cramps").unwrap();
    let spanish = guide.translated(visitprep::Language::Spanish).unwrap();
    // Born in 1956: past the age the pregnancy questions are asked at.
    let asked = guide
        .doctor_questions
        .iter()
        .filter(|q| q.when.pregnant != Some(true))
        .count();
    let visit = chrono::Local::now().date_naive() + chrono::Days::new(10);
    let visit_words = visitprep::Words::of(visitprep::Language::Spanish).long_date(visit);
    let mut lines: Vec<String> = [
        "Carmen Prueba",
        "el catorce", // not a date: asked again
        "14 de marzo de 1956",
        "Mujer",
        "600 123 456",
        "Calambres en la pantorrilla derecha",
    ]
    .map(String::from)
    .to_vec();
    lines.extend(std::iter::repeat_n(String::new(), asked - 1));
    lines.extend(
        [
            "Omeprazol 20 mg una vez al día",
            "tal vez", // neither sí nor no: asked again
            "sí",
            "el estómago",
            "",
            "¿Puedo seguir caminando?",
            "",
            &format!("{visit_words} a las 9:30"),
            "Centro de Salud Delicias",
            "Neurología",
            "Calambres por la noche",
            "ninguna",
            "tensión alta",
            "",
            "mi hija Ana",
            "",
            "español",
            "gafas",
            "",
            "",
            "no poder dormir",
            "",
            "dormir bien",
            "listo",
        ]
        .map(String::from),
    );
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("datos.toml");
    let out = with_stdin(
        &["interview", "--lang", "es"],
        &path,
        &(lines.join("\n") + "\n"),
    );
    let stdout = text(&out.stdout);
    assert!(out.status.success(), "{stdout}\n{}", text(&out.stderr));

    // Asked in Spanish, the guide's questions and hints too, and nothing of the English.
    let flat = stdout.split_whitespace().collect::<Vec<_>>().join(" ");
    for spanish_words in [
        "Su nombre completo:",
        "No entiendo «el catorce» como fecha.",
        "Conteste sí o no, por favor (no «tal vez»).",
        "Las 15 preguntas que probablemente le hará el médico",
        "Medicamento 1 (Intro cuando termine):",
        "Dosis: 20 mg",
        "Después de estas preguntas le pediremos sus medicamentos, uno por uno.",
        "Guardado en ",
        "Para ver lo que falta:",
    ] {
        assert!(flat.contains(spanish_words), "{spanish_words}:\n{stdout}");
    }
    assert_eq!(spanish.doctor_questions.len(), guide.doctor_questions.len());
    for q in spanish
        .doctor_questions
        .iter()
        .filter(|q| q.when.pregnant != Some(true))
    {
        assert!(flat.contains(&q.text), "{} not asked in Spanish", q.id);
    }
    for q in &guide.doctor_questions {
        assert!(!flat.contains(&q.text), "{} asked in English", q.id);
    }
    let english = english_sentences();
    assert!(english.len() > 40, "{english:?}");
    for sentence in english {
        assert!(!flat.contains(&sentence), "English on screen: {sentence}");
    }
    assert!(!stdout.contains("blank"), "{stdout}");
    // Read back in Spanish, the dates in Spanish words.
    assert!(
        stdout.contains(" 2. Fecha de nacimiento: 14 de marzo de 1956\n"),
        "{stdout}"
    );
    assert!(stdout.contains(" 3. Sexo: mujer\n"), "{stdout}");
    assert!(flat.contains("Alergias: ninguna"), "{stdout}");
    let weekday = visitprep::Words::of(visitprep::Language::Spanish).weekday(visit);
    assert!(
        flat.contains(&format!("La consulta: {weekday} {visit_words} a las 09:30")),
        "{stdout}"
    );

    // The file: the answers, the sheet's language, and its notes in Spanish.
    let written = std::fs::read_to_string(&path).unwrap();
    assert!(written.contains("\nsheet_language = \"es\"\n"), "{written}");
    assert!(
        written.contains("# Su nombre completo, como en su tarjeta sanitaria.\n"),
        "{written}"
    );
    assert!(
        written.contains(&spanish.doctor_questions[0].text),
        "{written}"
    );
    let intake = parse(&path);
    let p = &intake.patient;
    assert_eq!(p.name, "Carmen Prueba");
    assert_eq!(p.born, NaiveDate::from_ymd_opt(1956, 3, 14));
    assert_eq!(p.sex.as_deref(), Some("female"));
    assert_eq!(p.language.as_deref(), Some("español"));
    assert_eq!(
        intake.visit.sheet_language,
        Some(visitprep::Language::Spanish)
    );
    assert_eq!(
        intake.answers["discomfort"],
        "Calambres en la pantorrilla derecha"
    );
    assert_eq!(intake.answers.len(), 1);
    let m = &intake.medications[..];
    assert_eq!(m.len(), 1, "{m:?}");
    assert_eq!(
        (
            m[0].name.as_str(),
            m[0].dose.as_deref(),
            m[0].how_often.as_deref(),
            m[0].reason.as_deref()
        ),
        (
            "Omeprazol",
            Some("20 mg"),
            Some("una vez al día"),
            Some("el estómago")
        )
    );
    assert!(intake.health.no_known_allergies && intake.health.allergies.is_empty());
    assert_eq!(intake.health.conditions, ["tensión alta"]);
    assert_eq!(intake.own_questions, ["¿Puedo seguir caminando?"]);
    assert_eq!(
        intake.visit.when,
        Some(VisitTime::DayAndTime(visit.and_hms_opt(9, 30, 0).unwrap()))
    );

    // `check` takes it, and the sheet is in Spanish.
    check_passes(&path);
    let first = page_one(&path, dir.path());
    assert!(first.starts_with("Resumen para el médico"), "{first}");
    for expected in [
        "Carmen Prueba",
        "(nació el 14 de marzo de 1956)",
        "Calambres en la pantorrilla derecha",
        "Omeprazol",
    ] {
        assert!(
            first.contains(expected),
            "{expected} not on page 1:\n{first}"
        );
    }
}

#[test]
fn interview_in_french_with_a_guide_in_english_only() {
    let guide = Guide::built_in("general").unwrap();
    // A man: no pregnancy question, nor the guide's questions for a pregnancy.
    let asked = guide
        .doctor_questions
        .iter()
        .filter(|q| q.when.pregnant != Some(true))
        .count();
    let mut lines: Vec<String> = ["Jean Exemple", "14 mars 1956", "homme", ""]
        .map(String::from)
        .to_vec();
    lines.extend(std::iter::repeat_n(String::new(), asked));
    // No medicines, none of one's own questions, nothing about the visit, no allergies.
    lines.extend(["aucun", "", "", "", "", "", "aucune"].map(String::from));
    lines.extend(std::iter::repeat_n(String::new(), 12));
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("dossier.toml");
    let out = with_stdin(
        &["interview", "--lang", "fr", "--guide", "general"],
        &path,
        &(lines.join("\n") + "\n"),
    );
    let stdout = text(&out.stdout);
    assert!(out.status.success(), "{stdout}\n{}", text(&out.stderr));
    let flat = stdout.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(flat.contains("Votre nom complet :"), "{stdout}");
    assert!(
        flat.contains("Les questions de ce guide ne sont pas encore traduites en français"),
        "{stdout}"
    );
    // The guide's questions stay in English; the interview's own words do not.
    assert!(flat.contains(&guide.doctor_questions[0].text), "{stdout}");
    for sentence in english_sentences() {
        assert!(!flat.contains(&sentence), "English on screen: {sentence}");
    }
    assert!(
        flat.contains("Date de naissance : 14 mars 1956"),
        "{stdout}"
    );
    assert!(flat.contains("Médicaments : aucun"), "{stdout}");
    assert!(flat.contains("Enregistré dans "), "{stdout}");

    let written = std::fs::read_to_string(&path).unwrap();
    assert!(written.contains("\nsheet_language = \"fr\"\n"), "{written}");
    let intake = parse(&path);
    assert_eq!(intake.patient.born, NaiveDate::from_ymd_opt(1956, 3, 14));
    assert_eq!(intake.patient.sex.as_deref(), Some("male"));
    assert!(intake.health.no_medicines && intake.health.no_known_allergies);
    check_passes(&path);
    let first = page_one(&path, dir.path());
    assert!(first.contains("Jean Exemple"), "{first}");
}

#[test]
fn interview_in_spanish_cut_short_says_so_in_spanish() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("datos.toml");
    let out = with_stdin(&["interview", "--lang", "es"], &path, "Carmen Prueba\n");
    assert_eq!(out.status.code(), Some(1));
    let err = text(&out.stderr);
    assert!(
        err.contains(
            "Las respuestas se acabaron antes del final de la entrevista: no se ha guardado nada."
        ),
        "{err}"
    );
    assert!(!path.exists());
}
