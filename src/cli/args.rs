//! The command line as clap reads it: every command, option and help text. Completions and
//! the manual page are generated from this too.

use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};
use visitprep::{Language, Paper, PrintSize};

const AFTER_HELP: &str = "\
Examples:
  visitprep new -o intake.toml          write an intake to fill in
  visitprep interview -o intake.toml    answer questions instead; it writes the intake
  visitprep check intake.toml           find mistakes and what is still unanswered
  visitprep render intake.toml          make intake.pdf
  visitprep render intake.toml --large-print --paper letter -o sheet.pdf
  visitprep render intakes/ --out-dir sheets/   every intake in a folder
  visitprep render intake.toml -o - | lp         print it: the PDF goes to standard output
  cat intake.toml | visitprep render - -o sheet.pdf   the intake from standard input
  visitprep export intake.toml          the same as FHIR (intake.fhir.json) for the clinic
  visitprep extract intake.pdf -o again.toml    the intake a sheet carries inside it
  visitprep serve --open                fill it in in the web browser instead

Exit codes: 0 done; 1 invalid input or the file could not be written (nothing is written
for that intake; with several intakes, the others are still rendered); 2 wrong command-line
usage; 130, 143 or 129 stopped by Ctrl-C, SIGTERM or SIGHUP (sheets already written are
kept, no partial file is left).";

/// Turns a patient's TOML intake file into a printable PDF visit sheet.
#[derive(Parser)]
#[command(name = "visitprep", version, after_help = AFTER_HELP)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Subcommand)]
pub enum Command {
    /// Make the PDF visit sheet from an intake file.
    #[command(
        after_help = "Examples:\n  visitprep render intake.toml\n  visitprep render intake.toml -o sheet.pdf --paper letter --large-print\n  visitprep render intake.toml --print-size x-large\n  visitprep render intake.toml -o - | lp\n  cat intake.toml | visitprep render - -o sheet.pdf\n  visitprep render intake.toml --font /usr/share/fonts/truetype/wqy/wqy-microhei.ttc\n  visitprep render intakes/ --out-dir sheets/\n  visitprep render anna.toml ben.toml --paper letter"
    )]
    Render {
        /// Intake files, or folders whose *.toml intakes are all rendered. Several are
        /// rendered in parallel; one that fails does not stop the others. `-` reads one intake
        /// from standard input (a guide path in it is then taken from the current folder;
        /// name the sheet with -o). Ctrl-C, SIGTERM or SIGHUP stops a batch cleanly: the sheets
        /// already written are kept, no partial file is left.
        #[arg(required = true, value_name = "FILE")]
        files: Vec<PathBuf>,
        /// Where to write the PDF [default: the intake's name with .pdf]. Only with one FILE.
        /// `-` (or /dev/stdout) writes it to standard output, unless that is a terminal.
        /// Only a regular file is ever replaced: a folder, pipe, device or socket is refused.
        #[arg(short, long, value_name = "OUT.pdf")]
        output: Option<PathBuf>,
        /// Write the PDFs into this folder, each named after its intake
        /// [default: beside each intake].
        #[arg(long, value_name = "DIR", conflicts_with = "output")]
        out_dir: Option<PathBuf>,
        /// Paper size.
        #[arg(long, value_enum, default_value_t = PaperArg::A4)]
        paper: PaperArg,
        /// Bigger type (16 pt), more space between lines, wider margins: the same as
        /// --print-size large.
        #[arg(long, conflicts_with = "print_size")]
        large_print: bool,
        /// Type size: normal (11.5 pt), large (16 pt) or x-large (18 pt, for very low
        /// vision). Tables too wide at that size are set as one framed block per row.
        #[arg(long, value_enum, value_name = "SIZE", default_value_t = PrintSizeArg::Normal)]
        print_size: PrintSizeArg,
        /// Add a blank diary page to fill in by hand before the visit.
        #[arg(long)]
        diary_page: bool,
        /// The language of the sheet's own words: en, es or fr (or English, Spanish,
        /// español, ...). Without it, `visit.sheet_language`, else the language the patient
        /// speaks best when the sheet has it, else English.
        #[arg(long, value_name = "LANG", value_parser = language)]
        lang: Option<Language>,
        /// Page 1 and the details in this language, for the doctor, and the patient's part in
        /// the patient's (a bilingual sheet).
        #[arg(long, value_name = "LANG", value_parser = language)]
        doctor_lang: Option<Language>,
        /// An extra font for characters the built-in fonts lack (Chinese, Arabic, ...): a
        /// TrueType or OpenType file (.ttf, .otf, .ttc) of at most 64 MiB.
        #[arg(long, value_name = "FILE")]
        font: Option<PathBuf>,
        /// Fail instead of printing a placeholder for a character no font has.
        #[arg(long)]
        strict: bool,
        /// Replace an existing output file even if it is not a PDF (only ever a regular file).
        #[arg(long)]
        force: bool,
        /// Leave the intake file and its FHIR export out of the PDF (they are carried
        /// inside it by default; see `visitprep extract`).
        #[arg(long)]
        no_embed: bool,
    },
    /// Write the intake as HL7 FHIR R4 (a patient summary document) for a clinic's records.
    #[command(
        after_help = "Examples:\n  visitprep export intake.toml                 writes intake.fhir.json\n  visitprep export intake.toml -o bundle.json\n  visitprep export intake.toml -o - | jq .entry[0]"
    )]
    Export {
        /// The intake file.
        file: PathBuf,
        /// Where to write the JSON, `-` for standard output [default: the intake's name with
        /// .fhir.json].
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
        /// Replace an existing file even if it is not a FHIR JSON file.
        #[arg(long)]
        force: bool,
    },
    /// Get back the intake file (or the FHIR export) a visit sheet PDF carries.
    #[command(
        after_help = "Examples:\n  visitprep extract sheet.pdf -o intake.toml\n  visitprep extract sheet.pdf --bundle -o bundle.json\n  visitprep extract sheet.pdf -o - | less"
    )]
    Extract {
        /// A visit sheet made by `visitprep render`.
        #[arg(value_name = "SHEET.pdf")]
        sheet: PathBuf,
        /// Where to write it, `-` for standard output [default: the sheet's name with .toml,
        /// or .fhir.json with --bundle].
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
        /// The FHIR Bundle instead of the intake.
        #[arg(long)]
        bundle: bool,
        /// Replace the file if it exists.
        #[arg(long)]
        force: bool,
    },
    /// Check an intake file: mistakes, and what is still unanswered.
    #[command(
        after_help = "Examples:\n  visitprep check intake.toml\n  visitprep check --lang es datos.toml\n  cat intake.toml | visitprep check -\n\nWarnings (what is possible but unlikely, such as a pregnancy at 70 or a diary night after\nthe visit) go to standard error and do not make the intake invalid."
    )]
    Check {
        /// The intake file; `-` reads it from standard input (a guide path in it is then
        /// taken from the current folder).
        file: PathBuf,
        /// The language to say it in: en, es or fr (or English, Spanish, español, ...).
        /// Without it, the language of the intake's sheet (`visit.sheet_language`, else the
        /// language the patient speaks best when the sheet has it), else English.
        #[arg(long, value_name = "LANG", value_parser = language)]
        lang: Option<Language>,
    },
    /// Write a new intake file to fill in, with a note above every field.
    #[command(
        after_help = "Examples:\n  visitprep new -o intake.toml\n  visitprep new --guide general -o intake.toml\n  visitprep new --lang es -o datos.toml\n  visitprep new --guide guides/foot-clinic.toml -o patients/ann.toml\n  visitprep new -o intake.toml --schema ./visitprep.schema.json"
    )]
    New {
        /// The guide to follow: a built-in one (see `visitprep guides`) or a guide file.
        #[arg(long, default_value = "nocturnal-leg-cramps")]
        guide: String,
        /// Where to write it [default: print it].
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
        /// Replace the file if it exists.
        #[arg(long)]
        force: bool,
        /// Start the file with `#:schema PATH`, so an editor checks it as you type (see `visitprep schema`).
        #[arg(long, value_name = "PATH")]
        schema: Option<String>,
        /// The language of the file's notes and of the guide's questions in it: en, es or fr
        /// (or English, Spanish, español, ...). It also becomes the sheet's language. The
        /// keys stay in English, as the format names them.
        #[arg(long, value_name = "LANG", value_parser = language)]
        lang: Option<Language>,
    },
    /// Fill in an intake by answering questions, one at a time; no TOML needed.
    #[command(
        after_help = "Examples:\n  visitprep interview -o intake.toml\n  visitprep interview --guide general -o intake.toml\n  visitprep interview --lang es -o datos.toml\n\nPress Enter on a blank line to skip a question. At the end every answer is shown, numbered:\ntype a number to change it, Enter when all is right. Ctrl+C stops with nothing written.\nWith answers piped in, one line is one answer."
    )]
    Interview {
        /// The guide to follow: a built-in one (see `visitprep guides`) or a guide file.
        #[arg(long, default_value = "nocturnal-leg-cramps")]
        guide: String,
        /// The intake file to write.
        #[arg(short, long, value_name = "FILE")]
        output: PathBuf,
        /// Replace the file if it exists.
        #[arg(long)]
        force: bool,
        /// The language the questions are asked in and the answers read in: en, es or fr
        /// (or English, Spanish, español, ...). The guide's questions are in it where the
        /// guide has a translation. It also becomes the sheet's language, and the written
        /// file's notes are in it.
        #[arg(long, value_name = "LANG", value_parser = language)]
        lang: Option<Language>,
    },
    /// Fill in the intake in your web browser, on this computer only; it makes the sheet.
    #[command(
        after_help = "Examples:\n  visitprep serve --open\n  visitprep serve --port 8080\n  visitprep serve --lang es --open\n\nThe form is served to this computer alone (127.0.0.1), at an address with a secret part\nthat changes every time; nothing is sent anywhere, and nothing is kept when it stops\n(Ctrl+C). \"Make my visit sheet\" gives the same PDF as `visitprep render`; \"Save my\nanswers\" gives an intake file to open there again, or to use with the other commands."
    )]
    Serve {
        /// The port to listen on [default: a free one].
        #[arg(long)]
        port: Option<u16>,
        /// The address to listen on. Only this computer's own is taken (127.0.0.1, ::1,
        /// localhost): the form holds health details, which no other computer may reach.
        #[arg(long, default_value = "127.0.0.1", value_name = "ADDRESS")]
        host: String,
        /// Open the form in the web browser.
        #[arg(long)]
        open: bool,
        /// The language of the form: en, es or fr (or English, Spanish, español, ...). It
        /// also becomes the sheet's language. Without it, the language of the intake opened
        /// in the form (`visit.sheet_language`, else the language the patient speaks best),
        /// else English.
        #[arg(long, value_name = "LANG", value_parser = language)]
        lang: Option<Language>,
    },
    /// Print the JSON Schema of the intake file, for editors that check TOML as you type.
    #[command(
        after_help = "Examples:\n  visitprep schema -o visitprep.schema.json\n  then put this first line in the intake:  #:schema ./visitprep.schema.json"
    )]
    Schema {
        /// Where to write it [default: print it].
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
        /// Replace the file even if it is not a JSON file.
        #[arg(long)]
        force: bool,
    },
    /// Print a shell completion script, so Tab completes commands and options.
    #[command(
        after_help = "Examples (each creates the folder the shell looks in first):\n  mkdir -p ~/.local/share/bash-completion/completions && visitprep completions bash > ~/.local/share/bash-completion/completions/visitprep\n  mkdir -p ~/.zfunc && visitprep completions zsh > ~/.zfunc/_visitprep\n  mkdir -p ~/.config/fish/completions && visitprep completions fish > ~/.config/fish/completions/visitprep.fish"
    )]
    Completions {
        /// The shell.
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Print the manual page (roff), of visitprep or of one of its commands.
    #[command(
        after_help = "Examples:\n  visitprep man > visitprep.1\n  visitprep man render > visitprep-render.1\n  visitprep man | man -l -"
    )]
    Man {
        /// A command whose page to print [default: the main page].
        command: Option<String>,
    },
    /// List the built-in guides, or show one (or a guide file, checking it) in full.
    #[command(
        after_help = "Examples:\n  visitprep guides\n  visitprep guides nocturnal-leg-cramps\n  visitprep guides nocturnal-leg-cramps --sources\n  visitprep guides guides/foot-clinic.toml\n\nWith --sources, every statement of the guide is printed beside its source: the section of the\narticle it comes from, or \"practical\" for a plainly safe step the article does not state, so a\nclinician can review a guide in one sitting. A statement without one is marked unreviewed."
    )]
    Guides {
        /// A guide id, or a guide file, to show.
        id: Option<String>,
        /// Print each statement beside its source, for review.
        #[arg(long, requires = "id")]
        sources: bool,
        /// With --sources: each statement's translation into this language under its English.
        #[arg(long, value_name = "LANG", value_parser = language, requires = "sources")]
        lang: Option<Language>,
    },
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum PrintSizeArg {
    Normal,
    Large,
    XLarge,
}

/// A language the sheet has, named by its tag or its name.
fn language(words: &str) -> Result<Language, String> {
    Language::from_words(words)
        .ok_or_else(|| format!("the sheet has no words in \"{words}\"; use en, es or fr"))
}

#[derive(Clone, Copy, ValueEnum)]
pub enum PaperArg {
    A4,
    Letter,
}

impl PrintSizeArg {
    /// The type size asked for; `--large-print` is `--print-size large`.
    pub fn with_large_print(self, large_print: bool) -> PrintSize {
        match self {
            _ if large_print => PrintSize::Large,
            PrintSizeArg::Normal => PrintSize::Normal,
            PrintSizeArg::Large => PrintSize::Large,
            PrintSizeArg::XLarge => PrintSize::ExtraLarge,
        }
    }
}

impl From<PaperArg> for Paper {
    fn from(paper: PaperArg) -> Paper {
        match paper {
            PaperArg::A4 => Paper::A4,
            PaperArg::Letter => Paper::Letter,
        }
    }
}
