//! Reading an intake: its bytes, its TOML, its guide, then the checks, every problem told
//! with its line, column and field.

use std::ops::Range;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;

use super::check::Checker;
use super::raw::RawIntake;
use super::toml_error::{explain_toml_error, take_unknown_keys};
use super::{walk, Intake};
use crate::diagnostic::{Diagnostic, Report, SourceFile};
use crate::document::Language;
use crate::guide::{self, Guide, GuideError};
use crate::input::Kind;
use crate::words::{Catalogue, Words};

/// Files larger than this are refused before parsing: no honest intake comes near it.
pub const MAX_INTAKE_BYTES: u64 = crate::input::MAX_TEXT_BYTES;

/// Why an intake could not be used.
#[derive(Debug)]
pub enum IntakeError {
    /// The file itself, or its contents, break the contract.
    Invalid(Report),
    /// The guide it names is itself broken.
    Guide(Report),
}

impl std::fmt::Display for IntakeError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            IntakeError::Invalid(r) | IntakeError::Guide(r) => r.fmt(f),
        }
    }
}

impl std::error::Error for IntakeError {}

impl IntakeError {
    pub fn report(&self) -> &Report {
        match self {
            IntakeError::Invalid(r) | IntakeError::Guide(r) => r,
        }
    }
}

/// An intake with the guide it names.
#[derive(Debug, Clone)]
pub struct LoadedIntake {
    pub path: PathBuf,
    pub intake: Intake,
    pub guide: Guide,
}

/// How an intake read from standard input (`-`) is named in messages.
pub const STDIN_NAME: &str = "<stdin>";

/// Reads, parses and checks an intake file, and loads its guide. The path `-` reads the
/// intake from standard input; a guide path in it is then taken from the current folder.
/// `today` is the day the file is read on: dates such as "next Thursday" count from it, and
/// a birth after it is refused. The caller reads the clock; the library never does.
pub fn load(path: &Path, today: NaiveDate) -> Result<LoadedIntake, IntakeError> {
    load_with_warnings(path, today).map(|(loaded, _)| loaded)
}

/// As [`load`], with what is unlikely but possible (a pregnancy at 70, a template not yet
/// filled in), each warning in a report of its own file.
pub fn load_with_warnings(
    path: &Path,
    today: NaiveDate,
) -> Result<(LoadedIntake, Report), IntakeError> {
    load_with_source(path, today).map(|(loaded, warnings, _)| (loaded, warnings))
}

/// As [`load_with_warnings`], also giving the file's text exactly as read (a sheet carries it).
pub fn load_with_source(
    path: &Path,
    today: NaiveDate,
) -> Result<(LoadedIntake, Report, String), IntakeError> {
    load_with_notes(path, today).map(|(loaded, warnings, text, _)| (loaded, warnings, text))
}

/// An intake as [`load_with_notes`] gives it: the intake with its guide, its warnings, its
/// text exactly as read, and the notes on how it was read.
pub type WithNotes = (LoadedIntake, Report, String, Vec<String>);

/// As [`load_with_source`], with the notes on how the file was read (a list that says
/// "none" read as none), each as `file:line:column: words`.
pub fn load_with_notes(path: &Path, today: NaiveDate) -> Result<WithNotes, IntakeError> {
    load_with_notes_in(path, today, Some(Language::English)).1
}

/// The intake, its warnings, its text and its notes as [`load_with_notes`] gives them,
/// every message worded in `language`; without one, in the intake's own language as its
/// sheet would print ([`Intake::sheet_language`]), or English when the file's TOML cannot be
/// read. The language the messages were worded in comes first, so that what the caller adds
/// around them is said in it too.
pub fn load_with_notes_in(
    path: &Path,
    today: NaiveDate,
    language: Option<Language>,
) -> (Language, Result<WithNotes, IntakeError>) {
    let (shown, dir) = if path == Path::new("-") {
        (Path::new(STDIN_NAME), Path::new("."))
    } else if crate::input::is_stream(path) {
        // `/dev/stdin`, `<(...)`: a guide path is taken from the current folder, as for `-`.
        (path, Path::new("."))
    } else {
        (path, path.parent().unwrap_or(Path::new(".")))
    };
    let asked = Words::from(Catalogue::Check, language.unwrap_or(Language::English));
    let text = match read_text(path, shown, asked) {
        Ok(text) => text,
        Err(report) => {
            return (
                language.unwrap_or(Language::English),
                Err(IntakeError::Invalid(report)),
            )
        }
    };
    let (language, read) = read_all(shown, &text, dir, today, language);
    let read = match read {
        Ok(read) => read,
        Err(e) => return (language, Err(e)),
    };
    let file = &read.warnings.file;
    let mut in_order = read.notes.clone();
    in_file_order(&mut in_order);
    let notes = in_order
        .iter()
        .map(|d| {
            let (line, col) = d.span.as_ref().map_or((1, 1), |s| file.line_col(s.start));
            format!("{}:{line}:{col}: {}", shown.display(), d.message)
        })
        .collect();
    let loaded = LoadedIntake {
        path: path.to_path_buf(),
        intake: read.intake,
        guide: read.guide,
    };
    (language, Ok((loaded, read.warnings, text, notes)))
}

/// The intake's bytes as text; `shown` is how the file is named in messages.
fn read_text(path: &Path, shown: &Path, words: &Words) -> Result<String, Report> {
    let fail = |message: String, help: &str| {
        Report::about_file(shown, Diagnostic::new(message).help(words.get(help)))
    };
    let read = if path == Path::new("-") {
        crate::input::read_from(std::io::stdin().lock(), MAX_INTAKE_BYTES)
    } else {
        crate::input::read(path, MAX_INTAKE_BYTES)
    };
    let bytes = read.map_err(|e| match e {
        crate::input::ReadError::Folder => fail(words.get("file-folder"), "file-folder-help"),
        crate::input::ReadError::TooLarge { .. } => {
            fail(words.get("file-too-large"), "file-too-large-help")
        }
        crate::input::ReadError::Io(e) if e.kind() == std::io::ErrorKind::NotFound => fail(
            say!(words, "file-not-found", error = e.to_string()),
            "file-not-found-help",
        ),
        other => fail(
            say!(words, "file-unreadable", error = other.to_string()),
            "file-unreadable-help",
        ),
    })?;
    String::from_utf8(bytes).map_err(|e| {
        let offset = e.utf8_error().valid_up_to();
        let text = String::from_utf8_lossy(e.as_bytes()).into_owned();
        let file = SourceFile {
            path: shown.to_path_buf(),
            text,
        };
        let (line, col) = file.line_col(offset);
        Report::single(
            file,
            Diagnostic::new(say!(
                words,
                "file-not-utf8",
                line = line.to_string(),
                column = col.to_string(),
            ))
            .at(Some(offset..offset + 1))
            .help(words.get("file-not-utf8-help")),
        )
    })
}

/// Parses and checks intake text; `dir` is where a guide path is looked up.
/// `today` as for [`load`].
pub fn parse(
    path: &Path,
    text: &str,
    dir: &Path,
    today: NaiveDate,
) -> Result<(Intake, Guide), IntakeError> {
    parse_with_warnings(path, text, dir, today).map(|(intake, guide, _)| (intake, guide))
}

/// Checks `text` as the intake file `path` in folder `dir` would be checked on `today`.
pub fn check_text(
    path: &Path,
    text: &str,
    dir: &Path,
    today: NaiveDate,
) -> Result<(), IntakeError> {
    check_text_in(path, text, dir, today, Language::English)
}

/// As [`check_text`], every problem worded in `language`: for a front end that asks its
/// questions in that language and checks the file it is about to write.
pub fn check_text_in(
    path: &Path,
    text: &str,
    dir: &Path,
    today: NaiveDate,
    language: Language,
) -> Result<(), IntakeError> {
    read_all(path, text, dir, today, Some(language))
        .1
        .map(|_| ())
}

/// As [`parse`], with the warnings about what is unlikely but possible. When the intake is
/// refused, its report holds the warnings too, every problem in the order of the file.
pub fn parse_with_warnings(
    path: &Path,
    text: &str,
    dir: &Path,
    today: NaiveDate,
) -> Result<(Intake, Guide, Report), IntakeError> {
    read_all(path, text, dir, today, Some(Language::English))
        .1
        .map(|r| (r.intake, r.guide, r.warnings))
}

/// As [`parse_with_warnings`], every message worded in `language`; without one, in the
/// intake's own language (as [`load_with_notes_in`]), which comes first: for the web form,
/// which shows what it says in the language of the intake it opens.
pub fn parse_with_warnings_in(
    path: &Path,
    text: &str,
    dir: &Path,
    today: NaiveDate,
    language: Option<Language>,
) -> (Language, Result<(Intake, Guide, Report), IntakeError>) {
    let (language, read) = read_all(path, text, dir, today, language);
    (language, read.map(|r| (r.intake, r.guide, r.warnings)))
}

/// A usable intake, with what was said about it.
struct Read {
    intake: Intake,
    guide: Guide,
    warnings: Report,
    /// How something was read, where it was not written the usual way.
    notes: Vec<Diagnostic>,
}

/// The intake read and checked, with its messages in `language`, or in the file's own when
/// none is given; that language comes first.
fn read_all(
    path: &Path,
    text: &str,
    dir: &Path,
    today: NaiveDate,
    language: Option<Language>,
) -> (Language, Result<Read, IntakeError>) {
    let file = SourceFile {
        path: path.to_path_buf(),
        text: text.to_string(),
    };
    let mut table = match toml::de::DeTable::parse(text) {
        Ok(table) => table,
        Err(e) => {
            // The file's own language is in the TOML that cannot be read: only `--lang` counts.
            let language = language.unwrap_or(Language::English);
            let words = Words::from(Catalogue::Check, language);
            let diagnostics = vec![explain_toml_error(&e, text, words)];
            return (
                language,
                Err(IntakeError::Invalid(Report { file, diagnostics })),
            );
        }
    };
    let language = language.unwrap_or_else(|| walk::language_of(table.get_ref()));
    let words = Words::from(Catalogue::Check, language);
    (language, checked(file, &mut table, dir, today, words))
}

fn checked(
    file: SourceFile,
    table: &mut toml::Spanned<toml::de::DeTable<'_>>,
    dir: &Path,
    today: NaiveDate,
    words: &'static Words,
) -> Result<Read, IntakeError> {
    let (raw, mut problems) = read_raw(table, &file.text, words);
    // Without a usable guide the answers cannot be checked, but everything else still is.
    let guide = match &raw.guide {
        Some(name) => match guide::resolve(name.get_ref(), dir) {
            Ok(g) => Some(g),
            Err(GuideError::Invalid(report)) => return Err(IntakeError::Guide(report)),
            Err(e) => {
                problems.push(unusable_guide(&e, name.span(), words));
                None
            }
        },
        None => None,
    };

    let mut check = Checker {
        problems,
        warnings: Vec::new(),
        notes: Vec::new(),
        words,
    };
    check.plausibility(&raw, today);
    let intake = check.intake(raw, guide.as_ref());
    match guide {
        Some(guide) if check.problems.is_empty() => {
            let mut diagnostics = check.warnings;
            in_file_order(&mut diagnostics);
            Ok(Read {
                intake,
                guide,
                warnings: Report { file, diagnostics },
                notes: check.notes,
            })
        }
        _ => {
            let mut diagnostics = check.problems;
            diagnostics.extend(check.warnings);
            in_file_order(&mut diagnostics);
            Err(IntakeError::Invalid(Report { file, diagnostics }))
        }
    }
}

/// Problems in the order of the file, as a person goes through it; those about the file as a
/// whole (a missing `[patient]`) first.
fn in_file_order(diagnostics: &mut [Diagnostic]) {
    diagnostics.sort_by_key(|d| d.span.as_ref().map_or(0, |s| s.start));
}

/// The intake as read, value by value, with the unknown keys taken out and described, and
/// every value of the wrong kind reported; only TOML that cannot be parsed stops the reading.
fn read_raw(
    table: &mut toml::Spanned<toml::de::DeTable<'_>>,
    text: &str,
    words: &'static Words,
) -> (RawIntake, Vec<Diagnostic>) {
    let (raw, found, strays) = walk::read(table.get_ref(), text, words);
    // The unknown keys are named from the schema, which is only built when there are some:
    // a valid intake never pays for it.
    let mut problems = if strays {
        take_unknown_keys(table.get_mut(), words)
    } else {
        Vec::new()
    };
    problems.extend(found);
    (raw, problems)
}

/// Why the guide an intake names cannot be used, pointed at its `guide = ...` value.
fn unusable_guide(e: &GuideError, span: Range<usize>, words: &Words) -> Diagnostic {
    let GuideError::Unknown {
        reference,
        suggestion,
        file_missing,
    } = e
    else {
        let message = match e {
            GuideError::NotAFile { reference, kind } => {
                let kind = match kind {
                    Kind::File => "file",
                    Kind::Folder => "folder",
                    Kind::Pipe => "pipe",
                    Kind::Device => "device",
                    Kind::Socket => "socket",
                    Kind::Other => "other",
                };
                say!(
                    words,
                    "guide-not-a-file",
                    guide = reference.as_str(),
                    kind = kind
                )
            }
            // A broken guide is its own report (`IntakeError::Guide`), never one problem here.
            other => other.to_string(),
        };
        return Diagnostic::new(message)
            .at(Some(span))
            .field("guide")
            .help(words.get("guide-unusable-help"));
    };
    let message = if *file_missing {
        say!(words, "guide-no-file", guide = reference.as_str())
    } else {
        say!(words, "guide-unknown", guide = reference.as_str())
    };
    let d = Diagnostic::new(message).at(Some(span)).field("guide");
    let d = match suggestion {
        Some(s) => d.label(say!(words, "did-you-mean", name = s.as_str())),
        None if *file_missing => d.label(words.get("guide-no-file-label")),
        None => d.label(words.get("guide-unknown-label")),
    };
    let known: Vec<&str> = Guide::built_in_ids().collect();
    d.help(say!(words, "guide-unknown-help", guides = known.join(", ")))
}

#[cfg(test)]
mod tests {
    use crate::intake::test_support::*;

    #[test]
    fn minimal_intake_is_valid() {
        let (intake, guide) = parse_str(MINIMAL).unwrap();
        assert_eq!(intake.patient.name, "Ann");
        assert_eq!(guide.id, "nocturnal-leg-cramps");
    }

    #[test]
    fn a_check_in_spanish_words_every_problem_in_spanish() {
        use crate::document::Language;
        use std::path::Path;
        let text = "guide = \"general\"\n[patient]\nname = \" \"\n[[diary]]\nnight = 2026-11-01\nseverity = 12\n";
        let spanish = |language| {
            super::check_text_in(Path::new("d.toml"), text, Path::new("."), today(), language)
                .unwrap_err()
                .report()
                .render_in(false, language)
        };
        let es = spanish(Language::Spanish);
        assert!(
            es.contains("error: el nombre del paciente está vacío"),
            "{es}"
        );
        assert!(
            es.contains("la intensidad 12 está fuera de la escala de 0 a 10"),
            "{es}"
        );
        assert!(es.contains("(campo `diary[0].severity`)"), "{es}");
        assert!(!es.contains("blank") && !es.contains("field"), "{es}");
        // The same file in English reads as `check_text` has always said it.
        let en = spanish(Language::English);
        assert_eq!(en, error_of(text).replace("intake.toml", "d.toml"));
        assert!(en.contains("error: the patient's name is blank"), "{en}");
    }

    #[test]
    fn the_language_is_the_files_own_as_its_sheet_would_print() {
        use crate::document::Language;
        let language = |text: &str| {
            let table = toml::de::DeTable::parse(text).unwrap();
            super::walk::language_of(table.get_ref())
        };
        assert_eq!(language(MINIMAL), Language::English);
        let with = |extra: &str| language(&format!("{MINIMAL}{extra}"));
        assert_eq!(
            with("language = \"Spanish (some English)\"\n"),
            Language::Spanish
        );
        assert_eq!(with("language = \"Polish\"\n"), Language::English);
        assert_eq!(
            with("language = \"es\"\n[visit]\nsheet_language = \"fr\"\n"),
            Language::French
        );
        // A value of the wrong kind is no language: the problem about it is said in English.
        assert_eq!(with("[visit]\nsheet_language = 5\n"), Language::English);
    }

    #[test]
    fn a_guide_that_is_no_file_is_worded_in_english_as_the_guide_error_says_it() {
        use crate::document::Language;
        use crate::guide::GuideError;
        use crate::input::Kind;
        use crate::words::{Catalogue, Words};
        let english = Words::from(Catalogue::Check, Language::English);
        let spanish = Words::from(Catalogue::Check, Language::Spanish);
        for kind in [
            Kind::File,
            Kind::Folder,
            Kind::Pipe,
            Kind::Device,
            Kind::Socket,
            Kind::Other,
        ] {
            let e = GuideError::NotAFile {
                reference: "g.toml".into(),
                kind,
            };
            // English output stays what the guide's own error says, wherever it is shown.
            assert_eq!(
                super::unusable_guide(&e, 0..1, english).message,
                e.to_string()
            );
            let es = super::unusable_guide(&e, 0..1, spanish).message;
            assert!(es.starts_with("la guía `g.toml` "), "{es}");
            assert!(es.ends_with("archivo de guía"), "{es}");
        }
    }

    #[test]
    fn unknown_guide_lists_the_known_ones() {
        let err = error_of("guide = \"leg-cramps\"\n[patient]\nname = \"A\"\n");
        assert!(err.contains("unknown guide `leg-cramps`"), "{err}");
        assert!(err.contains("nocturnal-leg-cramps, general"), "{err}");
    }
}
