//! The command line: its definition (`args`), one module a command, and what they share.
//! `main` only parses the arguments, runs the command and ends with its exit code.

mod args;
pub mod check;
mod clock;
pub mod completions;
mod error;
pub mod export;
pub mod extract;
pub mod guides;
pub mod interview;
pub mod new;
mod process;
pub mod render;
pub mod schema;
pub mod serve;
mod shell;

use std::path::{Path, PathBuf};

use clap::error::ErrorKind;
use clap::CommandFactory;

use visitprep::{Catalogue, Guide, Language, LoadedIntake, Report, Words};

pub use args::Cli;
use args::Command;
pub use error::Error;
use render::RenderArgs;
pub use shell::Shell;

/// Runs the command the arguments name; `shell` prints what it has to say on the way.
pub fn run(args: Cli, shell: &Shell) -> Result<(), Error> {
    match args.command {
        Command::Render {
            files,
            output,
            out_dir,
            paper,
            large_print,
            print_size,
            diary_page,
            lang,
            doctor_lang,
            font,
            strict,
            force,
            no_embed,
        } => {
            let args = RenderArgs {
                inputs: files,
                output,
                out_dir,
                paper: paper.into(),
                print: print_size.with_large_print(large_print),
                diary_page,
                lang,
                doctor_lang,
                font,
                strict,
                force,
                embed: !no_embed,
            };
            one_output_for_one_intake(&args)?;
            render::render(args, shell)
        }
        Command::Check { file, lang } => check::check(&file, lang, shell),
        Command::Export {
            file,
            output,
            force,
        } => export::export(&file, output.as_deref(), force, shell),
        Command::Extract {
            sheet,
            output,
            bundle,
            force,
        } => extract::extract(&sheet, output.as_deref(), bundle, force, shell),
        Command::New {
            guide,
            output,
            force,
            schema,
            lang,
        } => new::new(
            &guide,
            output.as_deref(),
            force,
            schema.as_deref(),
            lang.unwrap_or(Language::English),
            shell,
        ),
        Command::Interview {
            guide,
            output,
            force,
            lang,
        } => interview::interview(&guide, &output, force, lang, shell),
        Command::Serve {
            port,
            host,
            open,
            lang,
        } => serve::serve(&host, port, open, lang, shell),
        Command::Schema { output, force } => schema::schema(output.as_deref(), force, shell),
        Command::Completions { shell } => completions::completions(shell, Cli::command()),
        Command::Man { command } => completions::man(Cli::command(), command.as_deref()),
        Command::Guides { id, sources, lang } => guides::guides(id.as_deref(), sources, lang),
    }
}

/// `-o` names one PDF: with several intakes it is wrong usage, reported as clap reports it.
fn one_output_for_one_intake(args: &RenderArgs) -> Result<(), Error> {
    if args.output.is_none() || args.is_single_file() {
        return Ok(());
    }
    let mut cmd = Cli::command();
    cmd.build();
    let render = cmd.find_subcommand_mut("render").expect("render exists");
    Err(render
        .error(
            ErrorKind::ArgumentConflict,
            "-o/--output names one PDF, so it works with one intake file only\n\n  tip: with several intakes or a folder, use --out-dir DIR",
        )
        .into())
}

/// A guide named on the command line, built in or a guide file (relative to the current
/// folder), with how an intake written into `intake_dir` refers to it.
pub fn guide_for_intake(reference: &str, intake_dir: &Path) -> Result<(Guide, String), Error> {
    let guide =
        visitprep::resolve_guide(reference, Path::new(".")).map_err(|error| Error::Guide {
            reference: reference.into(),
            error,
        })?;
    if Guide::built_in_ids().any(|id| id == reference) {
        return Ok((guide, reference.to_string()));
    }
    let written = relative_path(Path::new(reference), intake_dir);
    Ok((guide, written.to_string_lossy().into_owned()))
}

/// The folder an intake file is in (the current one for a bare name or none).
pub fn folder_of(intake: Option<&Path>) -> &Path {
    intake
        .and_then(Path::parent)
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."))
}

/// `file` as seen from `dir`: relative when both are on one root (`../guides/x.toml`),
/// otherwise absolute. Either path may be relative to the current folder.
fn relative_path(file: &Path, dir: &Path) -> PathBuf {
    let absolute = |p: &Path| {
        p.canonicalize()
            .or_else(|_| std::path::absolute(p))
            .unwrap_or_else(|_| p.to_path_buf())
    };
    let (file, dir) = (absolute(file), absolute(dir));
    let (f, d): (Vec<_>, Vec<_>) = (file.components().collect(), dir.components().collect());
    let shared = f.iter().zip(&d).take_while(|(a, b)| a == b).count();
    if shared == 0 {
        return file;
    }
    let mut out = PathBuf::new();
    for _ in shared..d.len() {
        out.push("..");
    }
    for part in &f[shared..] {
        out.push(part);
    }
    out
}

/// The intake at `file` with its warnings (what is unlikely, to be shown, never silently
/// accepted); its problems end the command with "nothing was written".
pub fn load(file: &Path) -> Result<(LoadedIntake, Report), Error> {
    Ok(visitprep::load_intake(file, clock::now().today())?)
}

/// As [`load`], also giving the file's text exactly as read and the language its warnings
/// and problems are worded in: `lang`, else the intake's own. `outcome` says what was not
/// done, in that language's check catalogue, to close the summary line of the problems; it
/// is asked for only when there are some, so an intake without a problem never reads the
/// catalogue.
pub fn load_source(
    file: &Path,
    lang: Option<Language>,
    outcome: impl FnOnce(&Words) -> String,
) -> Result<(LoadedIntake, Report, String, Language), Error> {
    let (language, loaded) = visitprep::load_intake_with_notes_in(file, clock::now().today(), lang);
    match loaded {
        Ok((loaded, warnings, source, _)) => Ok((loaded, warnings, source, language)),
        Err(error) => Err(Error::Checked {
            outcome: outcome(Words::from(Catalogue::Check, language)),
            error,
            language,
        }),
    }
}
