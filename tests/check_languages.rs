//! `visitprep check` in the patient's language: its own lines, the warnings and the errors,
//! with the file, line, column and field named as in English, and the patient's words and
//! the file's keys quoted as written.

use std::collections::BTreeSet;
use std::process::{Command, Output};

const ENGLISH: &str = include_str!("../locales/check/en.ftl");
const SPANISH: &str = include_str!("../locales/check/es.ftl");
const FRENCH: &str = include_str!("../locales/check/fr.ftl");

/// A placeholder name, a visit years ahead and a swollen calf, in Spanish.
const WARNED: &str = "guide = \"nocturnal-leg-cramps\"\n\n[patient]\nname = \"Su nombre\"\n\
                      born = 1980-04-04\n\n[visit]\nwhen = 2100-01-10\n\n[answers]\n\
                      discomfort = \"Desde el domingo la pantorrilla está hinchada y roja.\"\n";

/// Two values of the wrong kind and a date that counts from a day a file cannot know.
const REFUSED: &str = "guide = \"nocturnal-leg-cramps\"\n\n[patient]\nname = \"Ana\"\n\
                       born = \"el martes que viene\"\npregnant = 1\n\n[[diary]]\n\
                       night = 2026-11-01\nseverity = \"alta\"\n";

fn check(name: &str, intake: &str, args: &[&str]) -> (Output, String, String) {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join(name), intake).unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_visitprep"))
        .current_dir(dir.path())
        .arg("check")
        .args(args)
        .arg(name)
        .env("NO_COLOR", "1")
        .output()
        .unwrap();
    let stdout = String::from_utf8(out.stdout.clone()).unwrap();
    let stderr = String::from_utf8(out.stderr.clone()).unwrap();
    (out, stdout, stderr)
}

/// Text with what is not the program's own words taken out: `keys`, "the patient's
/// words", the quoted lines of the file and the lines naming where it is.
fn own_words(text: &str) -> String {
    let mut kept = String::new();
    for line in text.lines() {
        let quoted_line = line
            .trim_start()
            .split_once(" |")
            .is_some_and(|(n, _)| n.chars().all(|c| c.is_ascii_digit()));
        if quoted_line || line.trim_start().starts_with("-->") {
            continue;
        }
        // A list of questions or checklist items starts each line with the item's id.
        let line = match line.strip_prefix("    ") {
            Some(item) => item
                .trim_start()
                .split_once(' ')
                .map_or("", |(_, text)| text),
            None => line,
        };
        let mut inside = None;
        for c in line.chars() {
            match (inside, c) {
                (None, '`' | '"') => inside = Some(c),
                (Some(open), c) if c == open => inside = None,
                (None, c) => kept.push(c),
                _ => {}
            }
        }
        kept.push('\n');
    }
    kept
}

fn words_of(text: &str) -> BTreeSet<String> {
    text.split(|c: char| !c.is_alphabetic())
        .filter(|w| w.chars().count() >= 4)
        .map(str::to_lowercase)
        .collect()
}

/// The words of a catalogue's messages, without their values, keys or quoted examples.
fn catalogue_words(source: &str) -> BTreeSet<String> {
    let texts: String = source
        .lines()
        .filter(|l| !l.trim_start().starts_with('#'))
        // A message's id starts its line; the lines of a select are indented.
        .map(|l| match l.starts_with(' ') {
            true => l,
            false => l.split_once(" =").map_or(l, |(_, text)| text),
        })
        .map(|l| {
            let mut out = String::new();
            let mut depth = 0;
            for c in l.chars() {
                match c {
                    '{' => depth += 1,
                    '}' => depth -= 1,
                    c if depth == 0 => out.push(c),
                    _ => {}
                }
            }
            out
        })
        .collect::<Vec<_>>()
        .join("\n");
    words_of(&own_words(&texts))
}

/// Every English word `check` can say that the other language's catalogue does not use too
/// (such as "error", the same in Spanish).
fn english_only(other: &str) -> BTreeSet<String> {
    let theirs = catalogue_words(other);
    catalogue_words(ENGLISH)
        .into_iter()
        .filter(|w| !theirs.contains(w))
        .collect()
}

fn assert_no_english(output: &str, other: &str) {
    let english = english_only(other);
    assert!(english.len() > 200, "{} English words", english.len());
    let found: Vec<String> = words_of(&own_words(output))
        .into_iter()
        .filter(|w| english.contains(w))
        .collect();
    assert!(found.is_empty(), "English words {found:?} in\n{output}");
}

#[test]
fn english_words_are_found_in_english_output() {
    // The check below must see English: the English output of the same intake fails it.
    let (_, stdout, stderr) = check("intake.toml", WARNED, &["--lang", "en"]);
    let english = english_only(SPANISH);
    let found = words_of(&own_words(&format!("{stdout}{stderr}")));
    for word in ["valid", "warning", "unanswered", "template", "filled"] {
        assert!(english.contains(word), "{word}");
        assert!(found.contains(word), "{word} not in\n{stdout}{stderr}");
    }
}

#[test]
fn warnings_are_told_in_spanish() {
    let (out, stdout, stderr) = check("datos.toml", WARNED, &["--lang", "es"]);
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    assert!(
        stdout.starts_with("datos.toml: correcto, con 3 avisos (guía: nocturnal-leg-cramps)\n"),
        "{stdout}"
    );
    for expected in [
        "aviso: `patient.name` todavía dice \"Su nombre\", como en la plantilla\n --> datos.toml:4:8",
        "^^^^^^^^^^^ sin rellenar",
        "ayuda: escriba el nombre del paciente tal como sale en la tarjeta sanitaria",
        "aviso: falta más de un año para la consulta (2100-01-10; hoy es ",
        "(campo `visit.when`)\n --> datos.toml:8:8",
        "aviso: `answers.discomfort` describe una señal de alarma (pantorrilla o pierna hinchada): \
         \"Desde el domingo la pantorrilla está hinchada y roja\": vaya hoy mismo al médico\n  --> datos.toml:11:14",
    ] {
        assert!(stderr.contains(expected), "{expected:?} not in\n{stderr}");
    }
    assert_no_english(&format!("{stdout}{stderr}"), SPANISH);
}

#[test]
fn unanswered_questions_and_the_checklist_are_in_spanish() {
    let (_, stdout, _) = check("datos.toml", WARNED, &["--lang", "es"]);
    for expected in [
        "  14 preguntas sin respuesta (salen en la hoja con líneas para escribir):\n",
        "    since          ¿Desde cuándo tiene estos calambres?\n",
        "  8 tareas de la lista sin hacer:\n",
        "    bring_sheet        Lleve esta hoja y désela al médico.\n",
    ] {
        assert!(stdout.contains(expected), "{expected:?} not in\n{stdout}");
    }
    // Every question but one answered: the singular.
    let mut answered = WARNED.to_string();
    for id in [
        "since",
        "pattern",
        "course",
        "before",
        "treatment",
        "medications",
        "numbness",
        "spasms",
        "walking_pain",
        "back_pain",
        "thirst",
        "exercise",
        "night_legs",
    ] {
        answered.push_str(&format!("{id} = \"no\"\n"));
    }
    let (_, stdout, _) = check("datos.toml", &answered, &["--lang", "es"]);
    assert!(
        stdout.contains("  1 pregunta sin respuesta (sale en la hoja con líneas para escribir):\n"),
        "{stdout}"
    );
}

#[test]
fn errors_are_told_in_spanish_with_their_places() {
    let (out, stdout, stderr) = check("datos.toml", REFUSED, &["--lang", "es"]);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert_eq!(stdout, "");
    for expected in [
        "error: \"el martes que viene\" cuenta desde hoy, y un archivo guardado no sabe qué día es hoy; \
         escriba la fecha misma, como 4 de abril de 1950 o 1950-04-04. (campo `patient.born`)\n --> datos.toml:5:8",
        "no es una fecha que se pueda leer",
        "error: este valor no es del tipo correcto: es el número entero `1` y debe ser true o false \
         (campo `patient.pregnant`)\n --> datos.toml:6:12",
        "ayuda: `pregnant` es true o false, sin comillas",
        "error: este valor no es del tipo correcto: es el texto \"alta\" y debe ser un número entero \
         (campo `diary[0].severity`)\n  --> datos.toml:10:12",
        "tipo de valor equivocado",
    ] {
        assert!(stderr.contains(expected), "{expected:?} not in\n{stderr}");
    }
    assert!(
        stderr.ends_with("error: 3 problemas en el archivo; corríjalo y vuelva a usar check\n"),
        "{stderr}"
    );
    assert_no_english(&stderr, SPANISH);
}

#[test]
fn a_date_that_is_no_day_and_one_read_two_ways_are_in_spanish() {
    let intake = "guide = \"general\"\n[patient]\nname = \"Ana\"\nborn = \"31 de abril de 1950\"\n\
                  [[medications]]\nname = \"furosemida\"\ndose = \"40 mg\"\nsince = \"04/05/2020\"\n";
    let (out, _, stderr) = check("datos.toml", intake, &["--lang", "es"]);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    for expected in [
        "error: \"31 de abril de 1950\" no es un día del calendario: abril de 1950 no tiene día 31.",
        "error: \"04/05/2020\" se puede leer de dos maneras: ¿4 de mayo de 2020 o 5 de abril de 2020?",
        "ayuda: escriba el mes con letras, como \"4 de mayo de 2020\", o año-mes-día sin comillas",
    ] {
        assert!(stderr.contains(expected), "{expected:?} not in\n{stderr}");
    }
    assert_no_english(&stderr, SPANISH);
}

#[test]
fn the_intakes_own_language_is_spoken_without_lang() {
    let spanish = WARNED.replace("[visit]\n", "[visit]\nsheet_language = \"es\"\n");
    let (_, stdout, stderr) = check("datos.toml", &spanish, &[]);
    assert!(
        stdout.starts_with("datos.toml: correcto, con 3 avisos"),
        "{stdout}"
    );
    assert!(
        stderr.contains("aviso: `patient.name` todavía dice"),
        "{stderr}"
    );
    // The language the patient speaks best, when the sheet has it.
    let speaks = WARNED.replace("[patient]\n", "[patient]\nlanguage = \"español\"\n");
    let (_, stdout, _) = check("datos.toml", &speaks, &[]);
    assert!(
        stdout.starts_with("datos.toml: correcto, con 3 avisos"),
        "{stdout}"
    );
    // --lang stands over the file's own.
    let (_, stdout, _) = check("datos.toml", &spanish, &["--lang", "en"]);
    assert!(
        stdout.starts_with("datos.toml: valid, with 3 warnings"),
        "{stdout}"
    );
    // An error is told in the file's language too.
    let refused = REFUSED.replace("[patient]\n", "[patient]\nlanguage = \"Spanish\"\n");
    let (_, _, stderr) = check("datos.toml", &refused, &[]);
    assert!(
        stderr.ends_with("error: 3 problemas en el archivo; corríjalo y vuelva a usar check\n"),
        "{stderr}"
    );
}

#[test]
fn a_file_whose_toml_cannot_be_read_is_told_in_english_without_lang() {
    let broken = "guide = \"general\"\n[visit]\nsheet_language = \"es\"\n[patient]\nname = \"Ana\n";
    let (out, _, stderr) = check("datos.toml", broken, &[]);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains(" --> datos.toml:5:"), "{stderr}");
    assert!(
        stderr.ends_with("error: 1 problem in the intake; run check again once fixed\n"),
        "{stderr}"
    );
    // With --lang, the words around the TOML's message are in that language.
    let (_, _, stderr) = check("datos.toml", broken, &["--lang", "es"]);
    assert!(
        stderr.ends_with("error: 1 problema en el archivo; corríjalo y vuelva a usar check\n"),
        "{stderr}"
    );
}

#[test]
fn french_is_spoken_once_asked_for() {
    // Without the Spanish answer: the guide's advice on a sign has no French translation.
    let intake = &WARNED[..WARNED.find("\n[answers]").unwrap()];
    let (out, stdout, stderr) = check("donnees.toml", intake, &["--lang", "fr"]);
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    for expected in [
        "donnees.toml : valide, avec 2 avertissements (guide : nocturnal-leg-cramps)\n",
        // The guide has no French translation: said, and its questions stay in English.
        "  remarque : le guide `nocturnal-leg-cramps` n'est pas traduit en français : ses questions \
         et sa liste de choses à faire sont en anglais\n",
        "  15 questions sans réponse (imprimées avec des lignes pour écrire) :\n",
        "    since          How long have you had these cramps?",
    ] {
        assert!(stdout.contains(expected), "{expected:?} not in\n{stdout}");
    }
    for expected in [
        // The report puts the colon after its level's name itself, as in English.
        "attention: `patient.name` dit encore « Su nombre », comme dans le modèle\n --> donnees.toml:4:8",
        "aide: écrivez le nom du patient comme sur la carte d'assurance maladie",
    ] {
        assert!(stderr.contains(expected), "{expected:?} not in\n{stderr}");
    }
    // The guide's own questions are English by design; the rest is French.
    let own: String = stdout
        .lines()
        .filter(|l| !l.starts_with("    "))
        .map(|l| format!("{l}\n"))
        .collect();
    assert_no_english(&format!("{own}{stderr}"), FRENCH);
}

/// `text` without what is quoted in « » (the TOML reader's own English, quoted after a
/// lead-in in the reader's language), for [`assert_no_english`].
fn unquoted(text: &str) -> String {
    let mut kept = String::new();
    let mut rest = text;
    while let Some((before, after)) = rest.split_once('«') {
        kept.push_str(before);
        rest = after.split_once('»').map_or("", |(_, after)| after);
    }
    kept.push_str(rest);
    kept
}

#[test]
fn a_toml_syntax_error_is_told_in_spanish_with_the_readers_words_quoted() {
    let broken = "guide = \"general\"\n[patient]\nname = \"Ana\nborn = 1950-04-04\n";
    let (out, stdout, stderr) = check("datos.toml", broken, &["--lang", "es"]);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert_eq!(stdout, "");
    assert!(
        stderr.starts_with(
            "error: el archivo no es TOML válido y no se puede leer; el lector de TOML dice, en inglés: «"
        ),
        "{stderr}"
    );
    for expected in [
        "» (campo `patient.name`)\n --> datos.toml:3:",
        "ayuda: un texto va entre comillas dobles en una sola línea: clave = \"texto\"",
    ] {
        assert!(stderr.contains(expected), "{expected:?} not in\n{stderr}");
    }
    assert!(
        stderr.ends_with("error: 1 problema en el archivo; corríjalo y vuelva a usar check\n"),
        "{stderr}"
    );
    assert_no_english(&unquoted(&stderr), SPANISH);
    // In French, the same lead-in and help, in French.
    let (out, _, stderr) = check("donnees.toml", broken, &["--lang", "fr"]);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.starts_with("erreur: le fichier n'est pas du TOML valide"),
        "{stderr}"
    );
    assert!(
        stderr.contains("(champ `patient.name`)\n --> donnees.toml:3:"),
        "{stderr}"
    );
    assert_no_english(&unquoted(&stderr), FRENCH);
    // Without --lang the file's language cannot be read from it: English, without a lead-in.
    let spanish = broken.replace("[patient]\n", "[patient]\nlanguage = \"es\"\n");
    let (_, _, stderr) = check("datos.toml", &spanish, &[]);
    assert!(
        !stderr.contains("TOML válido") && !stderr.contains('«'),
        "{stderr}"
    );
    assert!(
        stderr.contains("help: text goes between double quotes"),
        "{stderr}"
    );
}

#[test]
fn an_unknown_key_and_its_suggestion_are_in_spanish() {
    let intake = "guide = \"general\"\n[patient]\nname = \"Ana\"\nnmae = \"Ana\"\n\
                  [[medications]]\nname = \"furosemida\"\ndose = \"40 mg\"\nallergies = [\"penicilina\"]\n";
    let (out, stdout, stderr) = check("datos.toml", intake, &["--lang", "es"]);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert_eq!(stdout, "");
    for expected in [
        "error: campo desconocido `nmae` (campo `patient.nmae`)\n --> datos.toml:4:1",
        "^^^^ ¿quería decir `name`?",
        "ayuda: cambie `nmae` por `name`",
        // A key of [health] written under the last medicine belongs to that medicine.
        "error: campo desconocido `allergies` (campo `medications[0].allergies`)\n --> datos.toml:8:1",
        "esto ha ido a parar a la última entrada [[medications]]",
        "ponga `allergies` encima de la primera línea [[medications]], dentro de [health]",
    ] {
        assert!(stderr.contains(expected), "{expected:?} not in\n{stderr}");
    }
    assert!(
        stderr.ends_with("error: 2 problemas en el archivo; corríjalo y vuelva a usar check\n"),
        "{stderr}"
    );
    // `[health]` is the file's own table, named as it is written.
    assert_no_english(&stderr.replace("[health]", ""), SPANISH);
}

#[test]
fn a_key_given_twice_and_a_day_that_does_not_exist_are_in_spanish() {
    let twice = "guide = \"general\"\n[patient]\nname = \"Ana\"\nname = \"Eva\"\n";
    let (out, stdout, stderr) = check("datos.toml", twice, &["--lang", "es"]);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert_eq!(stdout, "");
    for expected in [
        "error: `name` aparece dos veces en [patient] (campo `patient.name`)\n --> datos.toml:4:1",
        "^^^^ segunda vez",
        "ayuda: cada clave puede aparecer una sola vez en cada tabla",
    ] {
        assert!(stderr.contains(expected), "{expected:?} not in\n{stderr}");
    }
    assert_no_english(&stderr, SPANISH);
    let no_day = "guide = \"general\"\n[patient]\nname = \"Ana\"\nborn = 1950-02-30\n";
    let (out, _, stderr) = check("datos.toml", no_day, &["--lang", "es"]);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains(
            "error: 1950-02-30 no es un día que exista: febrero de 1950 tiene 28 días (campo `patient.born`)\n --> datos.toml:4:8"
        ),
        "{stderr}"
    );
    assert_no_english(&stderr, SPANISH);
}

#[test]
fn a_guide_that_is_a_folder_is_said_in_spanish() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("guia.toml")).unwrap();
    std::fs::write(
        dir.path().join("datos.toml"),
        "guide = \"guia.toml\"\n[patient]\nname = \"Ana\"\n",
    )
    .unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_visitprep"))
        .current_dir(dir.path())
        .args(["check", "--lang", "es", "datos.toml"])
        .env("NO_COLOR", "1")
        .output()
        .unwrap();
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains(
            "error: la guía `guia.toml` es una carpeta, no un archivo de guía (campo `guide`)\n --> datos.toml:1:9"
        ),
        "{stderr}"
    );
    assert_no_english(&stderr, SPANISH);
}

/// `visitprep render` of `intake` as `name`, with `args`, into `hoja.pdf`: its output (with
/// the sheet itself on standard output, if written), its messages, and whether the sheet
/// was written.
fn render(name: &str, intake: &str, args: &[&str]) -> (Output, String, bool) {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join(name), intake).unwrap();
    let mut out = Command::new(env!("CARGO_BIN_EXE_visitprep"))
        .current_dir(dir.path())
        .arg("render")
        .args(args)
        .args([name, "-o", "hoja.pdf"])
        .env("NO_COLOR", "1")
        .env("SOURCE_DATE_EPOCH", "1780000000")
        .output()
        .unwrap();
    let stderr = String::from_utf8(out.stderr.clone()).unwrap();
    let sheet = dir.path().join("hoja.pdf");
    let written = sheet.exists();
    if written {
        out.stdout = std::fs::read(sheet).unwrap();
    }
    (out, stderr, written)
}

/// The pages of the sheet `render` left on `out`'s standard output, as poppler counts them.
fn sheet_pages(out: &Output) -> usize {
    let dir = tempfile::tempdir().unwrap();
    let pdf = dir.path().join("sheet.pdf");
    std::fs::write(&pdf, &out.stdout).unwrap();
    let info = Command::new("pdfinfo").arg(&pdf).output().unwrap();
    let info = String::from_utf8(info.stdout).unwrap();
    info.lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .and_then(|n| n.trim().parse().ok())
        .unwrap_or_else(|| panic!("no page count in\n{info}"))
}

#[test]
fn a_batch_says_what_it_wrote_and_what_failed_in_the_language_asked_for() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.toml"), WARNED).unwrap();
    std::fs::write(dir.path().join("b.toml"), REFUSED).unwrap();
    let batch = |lang: &str| {
        let out = Command::new(env!("CARGO_BIN_EXE_visitprep"))
            .current_dir(dir.path())
            .args(["render", "--lang", lang, "--force", "a.toml", "b.toml"])
            .args(["--out-dir", "hojas"])
            .env("NO_COLOR", "1")
            .env("SOURCE_DATE_EPOCH", "1780000000")
            .output()
            .unwrap();
        (out.status.code(), String::from_utf8(out.stderr).unwrap())
    };
    let (code, stderr) = batch("es");
    assert_eq!(code, Some(1), "{stderr}");
    assert!(dir.path().join("hojas/a.pdf").exists(), "{stderr}");
    assert!(!dir.path().join("hojas/b.pdf").exists(), "{stderr}");
    assert!(stderr.contains("escrito: hojas/a.pdf ("), "{stderr}");
    assert!(
        stderr.ends_with("error: no se pudieron hacer 1 de 2 hojas; la otra se ha escrito\n"),
        "{stderr}"
    );
    assert_no_english(&stderr, SPANISH);
    let (code, stderr) = batch("en");
    assert_eq!(code, Some(1), "{stderr}");
    assert!(
        stderr.ends_with("error: 1 of 2 intakes failed; the other 1 was written\n"),
        "{stderr}"
    );
}

#[test]
fn render_tells_an_intakes_warnings_and_errors_in_its_language() {
    let (out, stderr, written) = render("datos.toml", WARNED, &["--lang", "es"]);
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    assert!(written, "{stderr}");
    for expected in [
        "aviso: `patient.name` todavía dice \"Su nombre\", como en la plantilla\n --> datos.toml:4:8",
        "ayuda: escriba el nombre del paciente tal como sale en la tarjeta sanitaria",
        "(campo `visit.when`)\n --> datos.toml:8:8",
    ] {
        assert!(stderr.contains(expected), "{expected:?} not in\n{stderr}");
    }
    // The line naming the sheet written too, with its page count in words.
    let pages = sheet_pages(&out);
    assert!(
        stderr.ends_with(&format!("escrito: hoja.pdf ({pages} páginas)\n")),
        "{stderr}"
    );
    assert_no_english(&stderr, SPANISH);

    let (out, stderr, written) = render("datos.toml", REFUSED, &["--lang", "es"]);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(
        !written,
        "a sheet was written for a refused intake:\n{stderr}"
    );
    assert!(
        stderr.contains("(campo `patient.pregnant`)\n --> datos.toml:6:12"),
        "{stderr}"
    );
    assert!(
        stderr.ends_with("error: 3 problemas en el archivo; no se ha creado nada\n"),
        "{stderr}"
    );
    assert_no_english(&stderr, SPANISH);

    // Without --lang, the language the intake's sheet is printed in.
    let spanish = WARNED.replace("[visit]\n", "[visit]\nsheet_language = \"es\"\n");
    let (out, stderr, _) = render("datos.toml", &spanish, &[]);
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    assert!(
        stderr.contains("aviso: `patient.name` todavía dice"),
        "{stderr}"
    );
    // --lang stands over it, for the messages as for the sheet.
    let (_, stderr, _) = render("datos.toml", &spanish, &["--lang", "en"]);
    assert!(
        stderr.contains("warning: `patient.name` is still \"Su nombre\" from the template"),
        "{stderr}"
    );
}

#[test]
fn render_tells_a_toml_error_in_the_language_asked_for() {
    let twice = "guide = \"general\"\n[patient]\nname = \"Ana\"\nname = \"Eva\"\n";
    let (out, stderr, written) = render("datos.toml", twice, &["--lang", "es"]);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(!written, "{stderr}");
    assert!(
        stderr.starts_with(
            "error: `name` aparece dos veces en [patient] (campo `patient.name`)\n --> datos.toml:4:1"
        ),
        "{stderr}"
    );
    assert!(
        stderr.ends_with("error: 1 problema en el archivo; no se ha creado nada\n"),
        "{stderr}"
    );
    // Without --lang a file whose TOML cannot be read is told in English, as today.
    let (_, stderr, written) = render("datos.toml", twice, &[]);
    assert!(!written, "{stderr}");
    assert!(
        stderr.ends_with("error: 1 problem in the intake; nothing was written\n"),
        "{stderr}"
    );
}
