//! What went wrong in a command, in the user's words, and how the program ends because of
//! it. The library's errors are converted here, at the edge; only here are options named,
//! since only the command line knows how the user named a file.

use std::path::{Path, PathBuf};

use visitprep::{
    Catalogue, FileKind as Kind, FileProblem, FontFileError, Guide, GuideError, IntakeError,
    Language, PdfError, ReadError, Report, SheetReadError, Words, WriteError, MAX_PDF_BYTES,
};

/// What to do about a font that cannot be embedded.
const FONT_HELP: &str = "the file may be damaged; try another TrueType or OpenType font (.ttf, \
     .ttc, .otf). Variable fonts with CFF2 outlines cannot be embedded";

/// Everything a command can fail with. [`Error::code`] is the exit code; the message is
/// what [`super::Shell`] prints.
#[derive(Debug)]
pub enum Error {
    /// Wrong command-line usage that clap alone cannot see, reported the way clap does.
    Usage(clap::Error),
    /// The file to write was refused before any work was done.
    Refused {
        error: WriteError,
        made: Made,
    },
    /// Writing the file failed, or a signal stopped it.
    Write(WriteError),
    /// One intake of a batch: its name comes first.
    InBatch {
        intake: String,
        error: Box<Error>,
    },
    /// The intake, or the guide it names, has problems; `outcome` says what was not done.
    Intake {
        error: IntakeError,
        outcome: String,
    },
    /// As `Intake`, with its problems and the line after them in `language`: `check`'s, and
    /// `render`'s when the intake or `--lang` chooses a language. `outcome` is already in it.
    Checked {
        error: IntakeError,
        language: Language,
        outcome: String,
    },
    /// A guide named on the command line cannot be used.
    Guide {
        reference: String,
        error: GuideError,
    },
    /// The `--font` file cannot be used.
    Font {
        path: PathBuf,
        error: FontFileError,
    },
    /// A font cannot be embedded, so the PDF cannot be made.
    Pdf(PdfError),
    /// `-` with other intakes: standard input holds one.
    StdinWithOthers,
    /// An intake from a stream, and no name for its sheet.
    Unnamed {
        stream: PathBuf,
    },
    CreateFolder {
        dir: PathBuf,
        error: std::io::Error,
    },
    ReadFolder {
        dir: PathBuf,
        error: std::io::Error,
    },
    /// A folder given as input holds no intake.
    NoIntakes(PathBuf),
    /// `guides --sources --lang` for a guide that has no translation into that language.
    NoTranslation {
        guide: String,
        language: String,
    },
    /// `--strict` and a character no font has; `intake` names it within a batch.
    Strict {
        intake: Option<String>,
    },
    /// Sheets of a batch that would land on intakes of it: (intake, sheet).
    OverIntakes(Vec<(PathBuf, PathBuf)>),
    /// Two intakes of a batch whose sheets would have the same name.
    SameSheet {
        first: PathBuf,
        file: PathBuf,
        sheet: PathBuf,
    },
    Threads(String),
    /// Some intakes of a batch failed (each said why); the others were written.
    BatchFailed {
        failed: usize,
        total: usize,
        language: Language,
    },
    /// A sheet given to `extract` that does not give what was asked.
    Sheet {
        sheet: PathBuf,
        problem: SheetProblem,
    },
    /// Standard output could not be written; `what` is what was being done.
    Print {
        what: &'static str,
        error: std::io::Error,
    },
    /// `man` with a command that does not exist.
    NoSuchCommand {
        name: String,
        known: Vec<String>,
    },
    ManPage(std::io::Error),
    Schema(serde_json::Error),
    /// `--schema` without a path, or over several lines.
    SchemaDirective,
    /// `interview -o -`: the questions go to standard output.
    InterviewToStdout,
    /// The questions could not be asked or the answers read.
    Interview(std::io::Error),
    /// The answers ended before the interview did, said in the interview's language.
    InterviewEnded(String),
    /// Ctrl+C stopped the interview before the file was begun, said in the interview's
    /// language: printed on a line of its own, without `error:`, as a shell reports a program
    /// Ctrl+C ended, and the program ends with 130 as such a program does.
    InterviewInterrupted(String),
    /// `serve --host` with an address other computers could reach.
    NotLoopback {
        host: String,
    },
    /// `serve` cannot listen where it was asked to.
    Listen {
        addr: String,
        error: String,
    },
    /// The interview's answers could not be written: they are shown, so none is lost.
    AnswersKept {
        error: Box<Error>,
        answers: String,
    },
}

/// Why `extract` cannot take anything out of a file.
#[derive(Debug)]
pub enum SheetProblem {
    Unreadable(std::io::Error),
    Folder,
    /// Larger than a PDF that is read.
    TooLarge,
    Unread(std::io::Error),
    /// A named pipe that nothing writes to.
    NoWriter,
    /// Read from standard input or a pipe, and no `-o`: there is no name to write beside.
    Unnamed {
        bundle: bool,
    },
    NotASheet(SheetReadError),
    /// The PDF carries no `what`; `carried` says what it does carry.
    Lacks {
        what: &'static str,
        carried: String,
    },
    /// More than one attached file has the name asked for: which is meant cannot be told.
    Twice {
        name: &'static str,
        count: usize,
    },
    /// The attached file is there but cannot be taken out.
    Unpacked {
        what: &'static str,
        name: &'static str,
        problem: FileProblem,
    },
    /// The attached file was taken out but is not what `check` accepts.
    Carried {
        what: &'static str,
        why: String,
    },
}

/// What a command writes: it decides which existing files may be replaced and how a refusal
/// is explained.
#[derive(Debug, Clone)]
pub enum Made {
    Sheet,
    Export,
    Schema,
    /// An intake file, from `new` or `interview`.
    Intake,
    /// What `extract` takes out of `sheet`.
    Extracted {
        sheet: PathBuf,
    },
}

impl From<IntakeError> for Error {
    fn from(error: IntakeError) -> Error {
        Error::Intake {
            error,
            outcome: "nothing was written".into(),
        }
    }
}

impl From<WriteError> for Error {
    fn from(error: WriteError) -> Error {
        Error::Write(error)
    }
}

impl From<PdfError> for Error {
    fn from(error: PdfError) -> Error {
        Error::Pdf(error)
    }
}

impl From<clap::Error> for Error {
    fn from(error: clap::Error) -> Error {
        Error::Usage(error)
    }
}

impl Error {
    /// The exit code: 2 for wrong usage (as clap ends), 130 for an interview Ctrl+C stopped,
    /// 1 for everything else. The codes of a signal that stops writing a file (130, 143, 129)
    /// come from the handler in `output`, which ends the program itself.
    pub fn code(&self) -> u8 {
        match self {
            Error::Usage(e) => u8::try_from(e.exit_code()).unwrap_or(2),
            Error::NotLoopback { .. } => 2,
            Error::InterviewInterrupted(_) => 130,
            _ => 1,
        }
    }

    /// The message as printed, without a final newline; `color` styles an intake's report.
    pub fn render(&self, color: bool) -> String {
        match self {
            Error::Usage(e) => e.render().to_string(),
            Error::Intake { error, outcome } => {
                intake_message(error, color, outcome, Language::English)
            }
            Error::Checked {
                error,
                language,
                outcome,
            } => intake_message(error, color, outcome, *language),
            Error::Guide {
                reference,
                error: GuideError::Invalid(report),
            } => format!(
                "{}error: the guide {reference} has problems; fix them first",
                report.render(false)
            ),
            Error::Guide { error, .. } => {
                format!("error: {error}{}", help_lines(guide_help(error)))
            }
            Error::OverIntakes(clashes) => {
                let mut lines: Vec<String> = clashes
                    .iter()
                    .map(|(intake, sheet)| {
                        format!(
                            "error: the sheet of {} would be written over {}, which is one of the intakes given",
                            intake.display(),
                            sheet.display()
                        )
                    })
                    .collect();
                lines.push("error: nothing was written\n  help: render into another folder with --out-dir DIR, or leave the other file out".into());
                lines.join("\n")
            }
            Error::AnswersKept { error, answers } => {
                format!("{}\n\nYour answers:\n{answers}", error.render(color))
            }
            // Below the line the Ctrl+C was typed on.
            Error::InterviewInterrupted(said) => format!("\n{said}"),
            Error::InBatch { intake, error } => {
                let (problem, help) = error.said(true);
                format!("error: {intake}: {problem}{}", help_lines(help))
            }
            other => {
                let (problem, help) = other.said(false);
                format!("error: {problem}{}", help_lines(help))
            }
        }
    }

    /// A one-sentence error as (problem, help). Within a batch a refused sheet does not say
    /// that nothing was written: the batch's last line says what was.
    // Long because it is the table of every message, one arm a variant, kept in one place.
    fn said(&self, in_batch: bool) -> (String, Option<String>) {
        let nothing = "nothing was written";
        let plain = |text: String| (text, None);
        match self {
            Error::Refused {
                error,
                made: Made::Sheet,
            } if !in_batch => {
                let (problem, help) = refusal(error, &Made::Sheet);
                (format!("{problem}; {nothing}"), help)
            }
            Error::Refused { error, made } => refusal(error, made),
            Error::Write(e) => plain(e.to_string()),
            Error::Font { path, error } => match error {
                FontFileError::Unreadable(ReadError::WrongStart) => plain(format!(
                    "cannot use the font {}: it is not a TrueType or OpenType font (.ttf, .otf, .ttc); {nothing}",
                    path.display()
                )),
                FontFileError::Unreadable(e) => {
                    plain(format!("cannot use the font {}: {e}; {nothing}", path.display()))
                }
                FontFileError::Rejected(e) => plain(e.to_string()),
                FontFileError::NotEmbeddable(e) => (e.to_string(), Some(FONT_HELP.into())),
            },
            Error::Pdf(e) => (e.to_string(), Some(FONT_HELP.into())),
            Error::StdinWithOthers => (
                "`-` reads one intake from standard input, so it cannot be given with other intakes".into(),
                Some("render the others in a call of their own".into()),
            ),
            Error::Unnamed { stream } => {
                let what = if stream == Path::new("-") {
                    "standard input".to_string()
                } else {
                    stream.display().to_string()
                };
                (
                    format!("an intake read from {what} has no name to give its sheet; {nothing}"),
                    Some("name the sheet with -o sheet.pdf, or write it to standard output with -o -".into()),
                )
            }
            Error::CreateFolder { dir, error } => {
                plain(format!("cannot create the folder {}: {error}", dir.display()))
            }
            Error::ReadFolder { dir, error } => {
                plain(format!("cannot read the folder {}: {error}", dir.display()))
            }
            Error::NoIntakes(dir) => plain(format!(
                "the folder {} has no .toml intake files",
                dir.display()
            )),
            Error::NoTranslation { guide, language } => (
                format!("the guide {guide} has no translation into \"{language}\""),
                Some("leave out --lang to review the English statements and their sources".into()),
            ),
            Error::Strict { intake: None } => plain(format!(
                "--strict: characters would not print; {nothing}"
            )),
            Error::Strict {
                intake: Some(name),
            } => plain(format!(
                "{name}: --strict: characters would not print; no sheet was written for it"
            )),
            Error::SameSheet { first, file, sheet } => (
                format!(
                    "{} and {} would both be written to {}; no sheet was written for {}",
                    first.display(),
                    file.display(),
                    sheet.display(),
                    file.display()
                ),
                Some("render them into different folders with --out-dir".into()),
            ),
            Error::Threads(e) => plain(format!("cannot start the writing threads: {e}")),
            Error::BatchFailed {
                failed,
                total,
                language,
            } => plain(Words::from(Catalogue::Render, *language).with(
                "render-batch-failed",
                &[
                    ("failed", Words::count(*failed)),
                    ("total", Words::count(*total)),
                    ("written", Words::count(total - failed)),
                ],
            )),
            Error::Sheet { sheet, problem } => {
                let (problem, help) = sheet_problem(problem);
                (
                    format!("{}: {problem}; {nothing}", sheet.display()),
                    Some(help.into()),
                )
            }
            Error::Print { what, error } => plain(format!("cannot {what}: {error}")),
            Error::NoSuchCommand { name, known } => (
                format!("there is no command `{name}`"),
                Some(format!("the commands are: {}", known.join(", "))),
            ),
            Error::ManPage(e) => plain(format!("cannot write the manual page: {e}")),
            Error::Schema(e) => plain(format!("cannot write the schema: {e}")),
            Error::SchemaDirective => plain(
                "--schema needs a path or URL on one line, e.g. --schema ./visitprep.schema.json"
                    .into(),
            ),
            Error::InterviewToStdout => (
                "the interview asks its questions on standard output, so it cannot write the intake there too".into(),
                Some("name the intake file, e.g. -o intake.toml".into()),
            ),
            Error::Interview(e) => plain(format!("cannot ask the questions: {e}; {nothing}")),
            Error::InterviewEnded(said) | Error::InterviewInterrupted(said) => plain(said.clone()),
            Error::NotLoopback { host } => (
                format!("`--host {host}` is not this computer's own address, so the form is not served: it holds health details, and on another address other computers could read them"),
                Some("leave --host out (the form is then at 127.0.0.1), or give 127.0.0.1, ::1 or localhost".into()),
            ),
            Error::Listen { addr, error } => (
                format!("cannot serve the form at {addr}: {error}"),
                Some("leave --port out to take a free port".into()),
            ),
            Error::Usage(_)
            | Error::Intake { .. }
            | Error::Checked { .. }
            | Error::Guide { .. }
            | Error::OverIntakes(_)
            | Error::AnswersKept { .. }
            | Error::InBatch { .. } => plain(self.render(false)),
        }
    }
}

/// An intake's (or its guide's) report, then one line: how many problems, and what was not done.
fn intake_message(error: &IntakeError, color: bool, outcome: &str, language: Language) -> String {
    let words = Words::from(Catalogue::Check, language);
    let report: &Report = error.report();
    let errors = report.errors();
    let warnings = report.diagnostics.len() - errors;
    let summary = match error {
        IntakeError::Guide(_) => words.with(
            "problems-in-guide",
            &[
                ("errors", Words::count(errors)),
                ("warnings", Words::count(warnings)),
                ("outcome", Words::text(outcome)),
            ],
        ),
        IntakeError::Invalid(_) => words.with(
            "problems-in-intake",
            &[
                ("errors", Words::count(errors)),
                ("warnings", Words::count(warnings)),
                ("outcome", Words::text(outcome)),
            ],
        ),
    };
    let missing = &report.file.path;
    // The library says the file cannot be found; the way to make one is the command line's.
    let start = if matches!(error, IntakeError::Invalid(_))
        && report.diagnostics.iter().all(|d| d.span.is_none())
        && missing != Path::new(visitprep::STDIN_NAME)
        && !missing.exists()
    {
        let command = format!(
            "visitprep new -o {}",
            visitprep::shell_word(&missing.display().to_string())
        );
        format!(
            "\n  {}",
            words.with("new-writes-one", &[("command", Words::text(command))])
        )
    } else {
        String::new()
    };
    format!("{}{summary}{start}", report.render_in(color, language))
}

/// The way out of a guide that cannot be used: its likely name, or what a guide can be.
fn guide_help(error: &GuideError) -> Vec<String> {
    match error {
        GuideError::Unknown { suggestion, .. } => {
            let known: Vec<&str> = Guide::built_in_ids().collect();
            let mut helps: Vec<String> = suggestion
                .iter()
                .map(|s| format!("did you mean `{s}`?"))
                .collect();
            helps.push(format!(
                "the built-in guides are: {}; a guide file is named by its path, ending in .toml",
                known.join(", ")
            ));
            helps
        }
        _ => vec!["name a guide's .toml file, or a built-in guide (see `visitprep guides`)".into()],
    }
}

fn sheet_problem(problem: &SheetProblem) -> (String, &'static str) {
    let made_by_render = "name a visit sheet PDF made by `visitprep render`";
    match problem {
        SheetProblem::Unreadable(e) => (format!("cannot read the file: {e}"), made_by_render),
        SheetProblem::Folder => (
            "this is a folder, not a PDF".into(),
            "name a visit sheet PDF",
        ),
        SheetProblem::TooLarge => (
            format!(
                "it is larger than {} MiB, more than a PDF that is read may be",
                MAX_PDF_BYTES / (1024 * 1024)
            ),
            "is this the right file? A visit sheet is a few hundred kilobytes",
        ),
        SheetProblem::Unread(e) => (
            format!("cannot read the file: {e}"),
            "check the file's permissions",
        ),
        SheetProblem::NoWriter => (
            "it is a named pipe (FIFO) that nothing writes to".into(),
            "start the program that writes the PDF into it first, or name the PDF file itself",
        ),
        SheetProblem::Unnamed { bundle } => (
            "a sheet read from a stream has no name to give what is taken out of it".into(),
            if *bundle {
                "name the file with -o bundle.fhir.json, or print it with -o -"
            } else {
                "name the file with -o intake.toml, or print it with -o -"
            },
        ),
        SheetProblem::NotASheet(SheetReadError::Encrypted) => (
            SheetReadError::Encrypted.to_string(),
            "open it with its password and save a copy without one (e.g. qpdf --decrypt), then extract from that",
        ),
        SheetProblem::NotASheet(e) => (e.to_string(), made_by_render),
        SheetProblem::Lacks { what, carried } => (
            format!("the PDF carries no {what} ({carried})"),
            "only sheets made by `visitprep render` without --no-embed carry their data",
        ),
        SheetProblem::Twice { name, count } => (
            format!("the PDF carries {count} files named {name}, so which one is the sheet's cannot be told"),
            "a sheet made by `visitprep render` carries one: extract from the sheet as it was made",
        ),
        SheetProblem::Unpacked { what, name, problem } => (
            format!("the {what} it carries ({name}) cannot be taken out: {problem}"),
            match problem {
                FileProblem::Unsupported(_) => "the program that saved the PDF packed it in a way not read here: extract from the sheet as `visitprep render` made it",
                _ => made_by_render,
            },
        ),
        SheetProblem::Carried { what, why } => (
            format!("the {what} it carries is refused: {why}"),
            "only an intake that `visitprep check` accepts is written; extract from the sheet as `visitprep render` made it",
        ),
    }
}

/// Why the target was refused, as the command says it, and the help line that follows.
// Long because it is one table: each refusal for each kind of file, side by side.
fn refusal(e: &WriteError, made: &Made) -> (String, Option<String>) {
    let shown = |p: &Path| p.display().to_string();
    let nothing = "nothing was written";
    match (made, e) {
        (Made::Export, WriteError::Exists(p)) => (
            format!("{} exists and is not a FHIR JSON file; {nothing}", shown(p)),
            Some("choose another name with -o, or add --force to replace it".into()),
        ),
        (Made::Export, WriteError::WouldOverwriteIntake(p)) => (
            format!("refusing to write the FHIR export over the intake file {}", shown(p)),
            Some("choose another name with -o, e.g. -o visit.fhir.json".into()),
        ),
        (Made::Export, WriteError::NotAFile { path, kind }) => (
            format!("{} is {}, not a file; {nothing}", shown(path), kind.described()),
            Some(match kind {
                Kind::Folder => "name a file in it, e.g. -o folder/visit.fhir.json".into(),
                _ => "name a regular file with -o, or use -o - to write the JSON to standard output".into(),
            }),
        ),
        (Made::Schema, WriteError::Exists(p)) => (
            format!("{} exists and is not a JSON file; {nothing}", shown(p)),
            Some("choose another name, e.g. -o visitprep.schema.json, or add --force to replace it".into()),
        ),
        (Made::Schema, WriteError::NotAFile { path, kind: Kind::Folder }) => (
            format!("{} is a folder; {nothing}", shown(path)),
            Some("name the file, e.g. -o visitprep.schema.json".into()),
        ),
        (Made::Schema, WriteError::NotAFile { path, kind }) => (
            format!("{} is {}, not a file; {nothing}", shown(path), kind.described()),
            Some("name a regular file with -o, or leave -o out to print the schema".into()),
        ),
        (Made::Extracted { sheet }, WriteError::WouldOverwriteIntake(_)) => (
            format!("{}: refusing to write over the sheet itself; {nothing}", shown(sheet)),
            Some("choose another name with -o".into()),
        ),
        (Made::Intake | Made::Extracted { .. }, WriteError::Exists(p)) => (
            format!("{} already exists; {nothing}", shown(p)),
            Some("choose another name, or add --force to replace it".into()),
        ),
        (Made::Intake | Made::Extracted { .. }, WriteError::NotAFile { path, kind: Kind::Folder }) => (
            format!("{} is a folder; {nothing}", shown(path)),
            Some("name the file, e.g. -o intake.toml".into()),
        ),
        (Made::Intake | Made::Extracted { .. }, WriteError::NotAFile { path, kind }) => (
            format!("{} is {}, not a file; {nothing}", shown(path), kind.described()),
            Some("name a regular file with -o".into()),
        ),
        (_, WriteError::WouldOverwriteIntake(p)) => (
            format!("refusing to write the sheet over the intake file {}", shown(p)),
            Some("choose another name with -o, e.g. -o visit-sheet.pdf".into()),
        ),
        (_, WriteError::Exists(p)) => (
            format!("{} exists and is not a PDF; refusing to replace it", shown(p)),
            Some("choose another name with -o, or add --force to replace it".into()),
        ),
        (_, WriteError::NotAFile { path, kind }) => (
            format!(
                "{} is {}, not a file; refusing to write to it",
                shown(path),
                kind.described()
            ),
            Some(match kind {
                Kind::Folder => "name a file in it, e.g. -o folder/visit-sheet.pdf".into(),
                _ => "name a regular file with -o, or use -o - to write the PDF to standard output".into(),
            }),
        ),
        (_, WriteError::Terminal) => (
            "refusing to write a PDF to the terminal (-o -)".into(),
            Some("send it to a program or a file: visitprep render intake.toml -o - | lp, or -o sheet.pdf".into()),
        ),
        (_, other) => (other.to_string(), None),
    }
}

/// "\n  help: ..." for each help line.
fn help_lines(helps: impl IntoIterator<Item = String>) -> String {
    helps
        .into_iter()
        .map(|h| format!("\n  help: {h}"))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn usage_ends_with_2_and_every_other_error_with_1() {
        let usage = clap::Error::new(clap::error::ErrorKind::ArgumentConflict);
        assert_eq!(Error::Usage(usage).code(), 2);
        assert_eq!(Error::StdinWithOthers.code(), 1);
        assert_eq!(
            Error::BatchFailed {
                failed: 1,
                total: 3,
                language: Language::English,
            }
            .code(),
            1
        );
        assert_eq!(
            Error::Write(WriteError::Interrupted("a.pdf".into())).code(),
            1
        );
    }

    /// As the interview said it when it printed and ended the program itself: the words on
    /// a line of their own below the one Ctrl+C was typed on, and 130.
    #[test]
    fn an_interrupted_interview_ends_with_130_and_its_words_alone() {
        let stopped =
            Error::InterviewInterrupted("Stopped with Ctrl+C: nothing was written.".into());
        assert_eq!(stopped.code(), 130);
        assert_eq!(
            stopped.render(false),
            "\nStopped with Ctrl+C: nothing was written."
        );
    }

    #[test]
    fn a_refused_sheet_says_nothing_was_written_unless_in_a_batch() {
        let refused = || Error::Refused {
            error: WriteError::Exists("notes.pdf".into()),
            made: Made::Sheet,
        };
        assert_eq!(
            refused().render(false),
            "error: notes.pdf exists and is not a PDF; refusing to replace it; nothing was written\n  help: choose another name with -o, or add --force to replace it"
        );
        let in_batch = Error::InBatch {
            intake: "a.toml".into(),
            error: Box::new(refused()),
        };
        assert_eq!(
            in_batch.render(false),
            "error: a.toml: notes.pdf exists and is not a PDF; refusing to replace it\n  help: choose another name with -o, or add --force to replace it"
        );
    }

    #[test]
    fn a_device_is_never_offered_force() {
        for made in [Made::Sheet, Made::Export, Made::Schema, Made::Intake] {
            let text = Error::Refused {
                error: WriteError::NotAFile {
                    path: "/dev/null".into(),
                    kind: Kind::Device,
                },
                made,
            }
            .render(false);
            assert!(text.starts_with("error: /dev/null is a device"), "{text}");
            assert!(text.contains("\n  help: name a"), "{text}");
            assert!(!text.contains("--force"), "{text}");
        }
    }
}
