use std::collections::BTreeMap;
use std::collections::HashSet;
use std::io::IsTerminal;
use std::path::{Path, PathBuf};

use indicatif::{ProgressBar, ProgressStyle};
use rayon::prelude::*;

use visitprep::{Catalogue, FontSet, Language, LoadedIntake, PageOptions, Paper, PrintSize, Words};

use super::error::Made;
use super::{Error, Shell};
use visitprep::{RenderOptions, Rendered};

/// From this many intakes on, a terminal shows a progress bar instead of one line a sheet.
const PROGRESS_FROM: usize = 8;

pub struct RenderArgs {
    /// Intake files and folders of intakes, as given.
    pub inputs: Vec<PathBuf>,
    pub output: Option<PathBuf>,
    pub out_dir: Option<PathBuf>,
    pub paper: Paper,
    pub print: PrintSize,
    pub diary_page: bool,
    /// The sheet's language, over the intake's choice.
    pub lang: Option<Language>,
    pub doctor_lang: Option<Language>,
    pub font: Option<PathBuf>,
    pub strict: bool,
    pub force: bool,
    /// Carry the intake and its FHIR export inside the PDF.
    pub embed: bool,
}

impl RenderArgs {
    /// One intake file named on its own: the only case where `-o` makes sense.
    pub fn is_single_file(&self) -> bool {
        self.inputs.len() == 1 && !self.inputs[0].is_dir()
    }

    fn options(&self) -> RenderOptions {
        RenderOptions {
            page: PageOptions {
                paper: self.paper,
                print: self.print,
            },
            diary_page: self.diary_page,
            doctor_language: self.doctor_lang,
        }
    }

    /// `--lang` stands over the intake's `visit.sheet_language`, for the sheet and the FHIR
    /// it carries alike.
    fn choose_language(&self, loaded: &mut LoadedIntake) {
        if let Some(lang) = self.lang {
            loaded.intake.visit.sheet_language = Some(lang);
        }
    }

    /// Where the sheet for `file` goes when no `-o` is given.
    fn default_output(&self, file: &Path) -> PathBuf {
        match &self.out_dir {
            Some(dir) => {
                let name = file.file_stem().unwrap_or(file.as_os_str());
                dir.join(name).with_extension("pdf")
            }
            None => file.with_extension("pdf"),
        }
    }
}

pub fn render(args: RenderArgs, shell: &Shell) -> Result<(), Error> {
    let stdin_too = args.inputs.iter().any(|p| p == Path::new("-"));
    if stdin_too && args.inputs.len() > 1 {
        return Err(Error::StdinWithOthers);
    }
    let unnamed = args.inputs.iter().find(|p| visitprep::is_stream(p));
    if let (Some(stream), None, None) = (unnamed, &args.output, &args.out_dir) {
        return Err(Error::Unnamed {
            stream: stream.clone(),
        });
    }
    if let Some(dir) = &args.out_dir {
        std::fs::create_dir_all(dir).map_err(|error| Error::CreateFolder {
            dir: dir.clone(),
            error,
        })?;
    }
    let total = args.inputs.len();
    // Set up before any thread starts, so that every thread leaves the signals to one.
    super::process::stop_cleanly_on_signals(move |written| {
        let sheets = if written == 1 { "sheet" } else { "sheets" };
        if total == 1 && written == 0 {
            "interrupted: nothing was written".to_string()
        } else {
            format!(
                "interrupted: {written} {sheets} written before stopping; no partial file was left"
            )
        }
    });
    if args.is_single_file() {
        render_single(&args, shell)
    } else {
        render_many(&args, shell)
    }
}

fn load_fonts(args: &RenderArgs) -> Result<FontSet, Error> {
    let mut fonts = FontSet::embedded();
    if let Some(path) = &args.font {
        visitprep::add_font_file(&mut fonts, path).map_err(|error| Error::Font {
            path: path.clone(),
            error,
        })?;
    }
    Ok(fonts)
}

fn render_single(args: &RenderArgs, shell: &Shell) -> Result<(), Error> {
    let file = &args.inputs[0];
    let out = args
        .output
        .clone()
        .unwrap_or_else(|| args.default_output(file));
    // The target first: a refusal costs nothing to read, and standard input is read once.
    visitprep::check_target(&out, &[file], visitprep::Overwrite::pdf(args.force)).map_err(
        |error| Error::Refused {
            error,
            made: Made::Sheet,
        },
    )?;
    let (mut loaded, warnings, source, language) =
        super::load_source(file, args.lang, |words| words.get("render-outcome"))?;
    args.choose_language(&mut loaded);
    shell.warnings_in(&warnings, language);
    let fonts = load_fonts(args)?;
    let now = super::clock::now();
    let rendered = finish(args, &loaded, &source, &fonts, now, None, shell)?;
    super::process::write(&out, &rendered.pdf)?;
    let words = Words::from(Catalogue::Render, language);
    let shown = if visitprep::is_stdout(&out) {
        words.get("render-standard-output")
    } else {
        out.display().to_string()
    };
    shell.status(&wrote(words, shown, rendered.pages));
    Ok(())
}

/// "wrote sheet.pdf (2 pages)", in the language the intake's problems are told in.
fn wrote(words: &Words, file: String, pages: usize) -> String {
    words.with(
        "render-wrote",
        &[("file", Words::text(file)), ("pages", Words::count(pages))],
    )
}

/// Checks the characters and renders one loaded intake; `batch_name` names the intake in
/// the warnings when several are rendered together.
fn finish(
    args: &RenderArgs,
    loaded: &LoadedIntake,
    source: &str,
    fonts: &FontSet,
    now: visitprep::Moment,
    batch_name: Option<&str>,
    shell: &Shell,
) -> Result<Rendered, Error> {
    let missing = visitprep::missing_chars(loaded, fonts);
    if !missing.is_empty() {
        let place = batch_name.map(|n| format!("{n}: ")).unwrap_or_default();
        for m in &missing {
            let text = format!(
                "{place}`{}` (U+{:04X}) in `{}` is in none of the fonts; it prints as {}",
                m.ch,
                m.ch as u32,
                m.field,
                visitprep::PLACEHOLDER
            );
            if args.strict {
                shell.problem(&text);
            } else {
                shell.warning(&text);
            }
        }
        shell.help("add --font FILE with a font that has these characters (for Chinese, e.g. fonts-wqy-microhei)");
        if args.strict {
            return Err(Error::Strict {
                intake: batch_name.map(String::from),
            });
        }
    }
    if !args.embed {
        return Ok(visitprep::render_carrying(
            loaded,
            fonts,
            now.local,
            args.options(),
            &[],
        )?);
    }
    let attach = || visitprep::sheet_attachments(loaded, source, now.utc);
    Ok(visitprep::render_attaching(
        loaded,
        fonts,
        now.local,
        args.options(),
        attach,
    )?)
}

/// Every intake the inputs name: files as given, folders as their `*.toml` files, sorted.
fn expand(inputs: &[PathBuf]) -> Result<Vec<PathBuf>, Error> {
    let mut files = Vec::new();
    for input in inputs {
        if input.is_dir() {
            let entries = std::fs::read_dir(input).map_err(|error| Error::ReadFolder {
                dir: input.clone(),
                error,
            })?;
            let mut found: Vec<PathBuf> = entries
                .filter_map(|e| e.ok().map(|e| e.path()))
                // Regular files only: a FIFO named *.toml in the folder would wait for a writer.
                .filter(|p| p.extension().is_some_and(|x| x == "toml") && p.is_file())
                .collect();
            if found.is_empty() {
                return Err(Error::NoIntakes(input.clone()));
            }
            found.sort();
            files.extend(found);
        } else {
            files.push(input.clone());
        }
    }
    Ok(files)
}

/// Threads that write finished sheets to disk: mostly waiting for `fsync`, not computing.
const WRITERS: usize = 4;
/// Rendered sheets that may wait for a writer before rendering pauses.
const WRITE_QUEUE: usize = 16;

/// A counting semaphore: `take` waits until one of the slots is free.
struct Slots {
    free: std::sync::Mutex<usize>,
    freed: std::sync::Condvar,
}

impl Slots {
    fn new(n: usize) -> Slots {
        Slots {
            free: std::sync::Mutex::new(n),
            freed: std::sync::Condvar::new(),
        }
    }

    fn take(&self) {
        let mut free = self.free.lock().unwrap_or_else(|e| e.into_inner());
        while *free == 0 {
            free = self.freed.wait(free).unwrap_or_else(|e| e.into_inner());
        }
        *free -= 1;
    }

    fn give(&self) {
        *self.free.lock().unwrap_or_else(|e| e.into_inner()) += 1;
        self.freed.notify_one();
    }
}

/// What happened to one intake of a batch.
struct Outcome {
    /// What was said while rendering it, printed when its turn comes.
    notes: Shell,
    result: Result<(PathBuf, usize), Error>,
}

/// No sheet of the batch may land on any intake of it (`render a.toml a.pdf` would write
/// a.toml's sheet over the intake a.pdf): checked for all before anything is written.
fn refuse_outputs_over_inputs(files: &[PathBuf], outputs: &[PathBuf]) -> Result<(), Error> {
    // Each file is looked at once: comparing every output with every input by path would
    // cost a batch of 300 intakes 90,000 comparisons.
    let inputs: HashSet<visitprep::FileId> = files
        .iter()
        .filter_map(|f| visitprep::FileId::of(f))
        .collect();
    let clashes: Vec<(PathBuf, PathBuf)> = files
        .iter()
        .zip(outputs)
        .filter(|(_, out)| visitprep::FileId::of(out).is_some_and(|id| inputs.contains(&id)))
        .map(|(file, out)| (file.clone(), out.clone()))
        .collect();
    if clashes.is_empty() {
        Ok(())
    } else {
        Err(Error::OverIntakes(clashes))
    }
}

/// A batch: every intake is rendered, in parallel, and reported in the order given; one
/// that fails does not stop the others.
fn render_many(args: &RenderArgs, shell: &Shell) -> Result<(), Error> {
    let files = expand(&args.inputs)?;
    let outputs: Vec<PathBuf> = files.iter().map(|f| args.default_output(f)).collect();
    refuse_outputs_over_inputs(&files, &outputs)?;
    let fonts = load_fonts(args)?;
    let now = super::clock::now();
    let targets = sheet_paths(args, &files);
    let bar = progress_bar(files.len());
    let outcomes = render_and_write(args, shell, &files, &targets, &fonts, now, &bar)?;
    if let Some(bar) = &bar {
        bar.finish_and_clear();
    }
    // A batch's own lines in the language asked for: its intakes may each be in another.
    let words = Words::from(Catalogue::Render, args.lang.unwrap_or(Language::English));
    report(shell, outcomes, bar.is_none(), words)
}

/// Each sheet's path, and the intake already given that path if any: two intakes with the
/// same name would be written over each other in one --out-dir.
fn sheet_paths(args: &RenderArgs, files: &[PathBuf]) -> Vec<(PathBuf, Option<PathBuf>)> {
    let mut first_for: BTreeMap<PathBuf, &Path> = BTreeMap::new();
    files
        .iter()
        .map(|file| {
            let out = args.default_output(file);
            let key = absolute(&out);
            match first_for.get(&key) {
                Some(first) => (out, Some(first.to_path_buf())),
                None => {
                    first_for.insert(key, file);
                    (out, None)
                }
            }
        })
        .collect()
}

/// A progress bar for a long batch on a terminal, instead of one line a sheet.
fn progress_bar(sheets: usize) -> Option<ProgressBar> {
    (sheets >= PROGRESS_FROM && std::io::stderr().is_terminal()).then(|| {
        let bar = ProgressBar::new(sheets as u64);
        bar.set_style(
            ProgressStyle::with_template("{bar:40} {pos}/{len} sheets ({eta} left)")
                .unwrap_or_else(|_| ProgressStyle::default_bar()),
        );
        bar
    })
}

/// Renders every intake and hands each finished sheet to a writer; the outcomes come back
/// in the order of `files`, write failures included.
// Long because the rendering threads, the writers and the queue between them share a scope.
fn render_and_write(
    args: &RenderArgs,
    shell: &Shell,
    files: &[PathBuf],
    targets: &[(PathBuf, Option<PathBuf>)],
    fonts: &FontSet,
    now: visitprep::Moment,
    bar: &Option<ProgressBar>,
) -> Result<Vec<Outcome>, Error> {
    // Each sheet is written (and synced to disk) by a small pool of its own, so the
    // rendering threads never wait for the disk; at most WRITE_QUEUE sheets wait in memory.
    let writers = rayon::ThreadPoolBuilder::new()
        .num_threads(WRITERS)
        .thread_name(|i| format!("visitprep-write-{i}"))
        .build()
        .map_err(|e| Error::Threads(e.to_string()))?;
    let queue = Slots::new(WRITE_QUEUE);
    let (done, written) = std::sync::mpsc::channel::<(usize, Error)>();
    let mut outcomes: Vec<Outcome> = writers.in_place_scope_fifo(|writing| {
        files
            .par_iter()
            .zip(targets.par_iter())
            .enumerate()
            .map(|(i, (file, (out, clash)))| {
                let notes = shell.held();
                let rendered = match clash {
                    Some(first) => Err(Error::SameSheet {
                        first: first.clone(),
                        file: file.clone(),
                        sheet: out.clone(),
                    }),
                    None => render_in_batch(args, file, out, fonts, now, &notes),
                };
                let result = rendered.map(|rendered| {
                    let pages = rendered.pages;
                    queue.take();
                    let (queue, done) = (&queue, done.clone());
                    writing.spawn_fifo(move |_| {
                        if let Err(e) = super::process::write(out, &rendered.pdf) {
                            let failed = Error::InBatch {
                                intake: file.display().to_string(),
                                error: Box::new(Error::Write(e)),
                            };
                            let _ = done.send((i, failed));
                        }
                        drop(rendered);
                        queue.give();
                        if let Some(bar) = bar {
                            bar.inc(1);
                        }
                    });
                    (out.clone(), pages)
                });
                if result.is_err() {
                    if let Some(bar) = bar {
                        bar.inc(1);
                    }
                }
                Outcome { notes, result }
            })
            .collect()
    });
    drop(done);
    for (i, message) in written {
        outcomes[i].result = Err(message);
    }
    Ok(outcomes)
}

/// Prints each intake's messages and outcome in order (each sheet written, unless a
/// progress bar showed them), then the batch fails if any intake did.
fn report(
    shell: &Shell,
    outcomes: Vec<Outcome>,
    each_sheet: bool,
    words: &Words,
) -> Result<(), Error> {
    let total = outcomes.len();
    let mut failed = 0;
    for outcome in outcomes {
        shell.release(outcome.notes);
        match &outcome.result {
            Ok((out, pages)) => {
                if each_sheet {
                    shell.status(&wrote(words, out.display().to_string(), *pages));
                }
            }
            Err(error) => {
                failed += 1;
                shell.error(error);
            }
        }
    }
    if failed == 0 {
        shell.status(&words.with("render-batch-done", &[("count", Words::count(total))]));
        Ok(())
    } else {
        Err(Error::BatchFailed {
            failed,
            total,
            language: words.language,
        })
    }
}

fn render_in_batch(
    args: &RenderArgs,
    file: &Path,
    out: &Path,
    fonts: &FontSet,
    now: visitprep::Moment,
    notes: &Shell,
) -> Result<Rendered, Error> {
    let name = file.display().to_string();
    visitprep::check_target(out, &[file], visitprep::Overwrite::pdf(args.force)).map_err(
        |error| Error::InBatch {
            intake: name.clone(),
            error: Box::new(Error::Refused {
                error,
                made: Made::Sheet,
            }),
        },
    )?;
    let (mut loaded, warnings, source, language) = super::load_source(file, args.lang, |words| {
        words.with(
            "render-outcome-batch",
            &[("intake", Words::text(name.as_str()))],
        )
    })?;
    args.choose_language(&mut loaded);
    notes.warnings_in(&warnings, language);
    finish(args, &loaded, &source, fonts, now, Some(&name), notes)
}

fn absolute(path: &Path) -> PathBuf {
    std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf())
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_font_set_can_be_shared_across_threads() {
        fn shared<T: Sync + Send>() {}
        shared::<visitprep::FontSet>();
    }
}
