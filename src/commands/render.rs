use std::collections::BTreeMap;
use std::collections::HashSet;
use std::io::IsTerminal;
use std::path::{Path, PathBuf};

use indicatif::{ProgressBar, ProgressStyle};
use rayon::prelude::*;

use visitprep::fonts::FontSet;
use visitprep::intake::LoadedIntake;
use visitprep::layout::{PageOptions, Paper, PrintSize};
use visitprep::output::{self, Overwrite};
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
    pub font: Option<PathBuf>,
    pub strict: bool,
    pub force: bool,
    /// Carry the intake and its FHIR export inside the PDF.
    pub embed: bool,
    pub color: bool,
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

pub fn render(args: RenderArgs) -> Result<(), String> {
    let stdin_too = args.inputs.iter().any(|p| p == Path::new("-"));
    if stdin_too && args.inputs.len() > 1 {
        return Err("error: `-` reads one intake from standard input, so it cannot be given with other intakes\n  help: render the others in a call of their own".into());
    }
    let unnamed = args.inputs.iter().find(|p| visitprep::input::is_stream(p));
    if let (Some(stream), None, None) = (unnamed, &args.output, &args.out_dir) {
        let what = if stream == Path::new("-") {
            "standard input".to_string()
        } else {
            stream.display().to_string()
        };
        return Err(format!("error: an intake read from {what} has no name to give its sheet; nothing was written\n  help: name the sheet with -o sheet.pdf, or write it to standard output with -o -"));
    }
    if let Some(dir) = &args.out_dir {
        std::fs::create_dir_all(dir)
            .map_err(|e| format!("error: cannot create the folder {}: {e}", dir.display()))?;
    }
    let total = args.inputs.len();
    // Set up before any thread starts, so that every thread leaves the signals to one.
    output::stop_cleanly_on_signals(move |written| {
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
        render_single(&args)
    } else {
        render_many(&args)
    }
}

fn load_fonts(args: &RenderArgs) -> Result<FontSet, String> {
    let mut fonts = FontSet::embedded();
    if let Some(path) = &args.font {
        let bytes = visitprep::input::read_checked(
            path,
            visitprep::input::MAX_FONT_BYTES,
            4,
            looks_like_a_font,
        )
        .map_err(|e| {
            let why = match e {
                visitprep::input::ReadError::WrongStart => {
                    "it is not a TrueType or OpenType font (.ttf, .otf, .ttc)".to_string()
                }
                other => other.to_string(),
            };
            format!(
                "error: cannot use the font {}: {why}; nothing was written",
                path.display()
            )
        })?;
        let face = fonts
            .add_fallback(&path.display().to_string(), &bytes)
            .map_err(|e| format!("error: {e}"))?;
        visitprep::pdf::check_embeddable(fonts.face(face)).map_err(|e| format!("error: {e}"))?;
    }
    Ok(fonts)
}

/// The first four bytes of a font file: TrueType, OpenType (CFF), a collection, or an old
/// Apple TrueType. Anything else is refused before the rest of it is read.
fn looks_like_a_font(head: &[u8]) -> bool {
    [&b"\x00\x01\x00\x00"[..], b"OTTO", b"true", b"ttcf", b"typ1"].contains(&head)
}

fn render_single(args: &RenderArgs) -> Result<(), String> {
    let file = &args.inputs[0];
    let out = args
        .output
        .clone()
        .unwrap_or_else(|| args.default_output(file));
    // The target first: a refusal costs nothing to read, and standard input is read once.
    output::check_target(&out, &[file], Overwrite { force: args.force })
        .map_err(|e| format!("error: {}", nothing_written(&e.to_string())))?;
    let (loaded, warnings, source) = super::load_source(file, args.color, "nothing was written")?;
    eprint!("{}", super::warnings_text(&warnings, args.color));
    let fonts = load_fonts(args)?;
    let made = visitprep::generation_time();
    let mut notes = String::new();
    let result = finish(args, &loaded, &source, &fonts, made, None, &mut notes);
    eprint!("{notes}");
    let rendered = result?;
    output::write_atomic(&out, &rendered.pdf).map_err(|e| format!("error: {e}"))?;
    let shown = if output::is_stdout(&out) {
        "the PDF to standard output".to_string()
    } else {
        out.display().to_string()
    };
    eprintln!("wrote {shown} ({})", pages_label(rendered.pages));
    Ok(())
}

/// `message` with "nothing was written" closing its first line, before any help lines.
fn nothing_written(message: &str) -> String {
    match message.split_once('\n') {
        Some((first, rest)) => format!("{first}; nothing was written\n{rest}"),
        None => format!("{message}; nothing was written"),
    }
}

fn pages_label(pages: usize) -> String {
    if pages == 1 {
        "1 page".into()
    } else {
        format!("{pages} pages")
    }
}

/// Checks the characters and renders one loaded intake. Warnings go to `notes`;
/// `batch_name` names the intake in them when several are rendered together.
fn finish(
    args: &RenderArgs,
    loaded: &LoadedIntake,
    source: &str,
    fonts: &FontSet,
    made: chrono::NaiveDateTime,
    batch_name: Option<&str>,
    notes: &mut String,
) -> Result<Rendered, String> {
    use std::fmt::Write;
    let missing = visitprep::missing_chars(loaded, fonts);
    if !missing.is_empty() {
        let level = if args.strict { "error" } else { "warning" };
        let place = batch_name.map(|n| format!("{n}: ")).unwrap_or_default();
        for m in &missing {
            let _ = writeln!(
                notes,
                "{level}: {place}`{}` (U+{:04X}) in `{}` is in none of the fonts; it prints as {}",
                m.ch,
                m.ch as u32,
                m.field,
                visitprep::fonts::PLACEHOLDER
            );
        }
        notes.push_str("  help: add --font FILE with a font that has these characters (for Chinese, e.g. fonts-wqy-microhei)\n");
        if args.strict {
            return Err(match batch_name {
                None => "error: --strict: characters would not print; nothing was written".into(),
                Some(n) => format!(
                    "error: {n}: --strict: characters would not print; no sheet was written for it"
                ),
            });
        }
    }
    let attachments = match args.embed {
        true => visitprep::sheet_attachments(loaded, source, visitprep::generation_instant()),
        false => Vec::new(),
    };
    visitprep::render_carrying(loaded, fonts, made, args.options(), &attachments)
        .map_err(|e| format!("error: {e}"))
}

/// Every intake the inputs name: files as given, folders as their `*.toml` files, sorted.
fn expand(inputs: &[PathBuf]) -> Result<Vec<PathBuf>, String> {
    let mut files = Vec::new();
    for input in inputs {
        if input.is_dir() {
            let entries = std::fs::read_dir(input)
                .map_err(|e| format!("error: cannot read the folder {}: {e}", input.display()))?;
            let mut found: Vec<PathBuf> = entries
                .filter_map(|e| e.ok().map(|e| e.path()))
                // Regular files only: a FIFO named *.toml in the folder would wait for a writer.
                .filter(|p| p.extension().is_some_and(|x| x == "toml") && p.is_file())
                .collect();
            if found.is_empty() {
                return Err(format!(
                    "error: the folder {} has no .toml intake files",
                    input.display()
                ));
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
    notes: String,
    result: Result<(PathBuf, usize), String>,
}

/// No sheet of the batch may land on any intake of it (`render a.toml a.pdf` would write
/// a.toml's sheet over the intake a.pdf): checked for all before anything is written.
fn refuse_outputs_over_inputs(files: &[PathBuf], outputs: &[PathBuf]) -> Result<(), String> {
    // Each file is looked at once: comparing every output with every input by path would
    // cost a batch of 300 intakes 90,000 comparisons.
    let inputs: HashSet<output::FileId> =
        files.iter().filter_map(|f| output::FileId::of(f)).collect();
    let clashes: Vec<String> = files
        .iter()
        .zip(outputs)
        .filter(|(_, out)| output::FileId::of(out).is_some_and(|id| inputs.contains(&id)))
        .map(|(file, out)| {
            format!(
                "error: the sheet of {} would be written over {}, which is one of the intakes given",
                file.display(),
                out.display()
            )
        })
        .collect();
    if clashes.is_empty() {
        Ok(())
    } else {
        Err(format!(
            "{}\nerror: nothing was written\n  help: render into another folder with --out-dir DIR, or leave the other file out",
            clashes.join("\n")
        ))
    }
}

fn render_many(args: &RenderArgs) -> Result<(), String> {
    let files = expand(&args.inputs)?;
    let outputs: Vec<PathBuf> = files.iter().map(|f| args.default_output(f)).collect();
    refuse_outputs_over_inputs(&files, &outputs)?;
    let fonts = load_fonts(args)?;
    let made = visitprep::generation_time();

    // Two intakes with the same name would be written over each other in one --out-dir.
    let mut first_for: BTreeMap<PathBuf, &Path> = BTreeMap::new();
    let targets: Vec<(PathBuf, Option<String>)> = files
        .iter()
        .map(|file| {
            let out = args.default_output(file);
            let key = absolute(&out);
            match first_for.get(&key) {
                Some(first) => {
                    let clash = format!(
                        "error: {} and {} would both be written to {}; no sheet was written for {}\n  help: render them into different folders with --out-dir",
                        first.display(),
                        file.display(),
                        out.display(),
                        file.display()
                    );
                    (out, Some(clash))
                }
                None => {
                    first_for.insert(key, file);
                    (out, None)
                }
            }
        })
        .collect();

    let bar = (files.len() >= PROGRESS_FROM && std::io::stderr().is_terminal()).then(|| {
        let bar = ProgressBar::new(files.len() as u64);
        bar.set_style(
            ProgressStyle::with_template("{bar:40} {pos}/{len} sheets ({eta} left)")
                .unwrap_or_else(|_| ProgressStyle::default_bar()),
        );
        bar
    });

    // Each sheet is written (and synced to disk) by a small pool of its own, so the
    // rendering threads never wait for the disk; at most WRITE_QUEUE sheets wait in memory.
    let writers = rayon::ThreadPoolBuilder::new()
        .num_threads(WRITERS)
        .thread_name(|i| format!("visitprep-write-{i}"))
        .build()
        .map_err(|e| format!("error: cannot start the writing threads: {e}"))?;
    let queue = Slots::new(WRITE_QUEUE);
    let (done, written) = std::sync::mpsc::channel::<(usize, String)>();
    let mut outcomes: Vec<Outcome> = writers.in_place_scope_fifo(|writing| {
        files
            .par_iter()
            .zip(targets.par_iter())
            .enumerate()
            .map(|(i, (file, (out, clash)))| {
                let mut notes = String::new();
                let rendered = match clash {
                    Some(clash) => Err(clash.clone()),
                    None => render_in_batch(args, file, out, &fonts, made, &mut notes),
                };
                let result = rendered.map(|rendered| {
                    let pages = rendered.pages;
                    queue.take();
                    let (queue, bar, done) = (&queue, &bar, done.clone());
                    writing.spawn_fifo(move |_| {
                        if let Err(e) = output::write_atomic(out, &rendered.pdf) {
                            let _ = done.send((i, format!("error: {}: {e}", file.display())));
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
                    if let Some(bar) = &bar {
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
    if let Some(bar) = &bar {
        bar.finish_and_clear();
    }

    let mut failed = 0;
    for outcome in &outcomes {
        eprint!("{}", outcome.notes);
        match &outcome.result {
            Ok((out, pages)) => {
                if bar.is_none() {
                    eprintln!("wrote {} ({})", out.display(), pages_label(*pages));
                }
            }
            Err(message) => {
                failed += 1;
                eprintln!("{}", message.trim_end());
            }
        }
    }
    let total = outcomes.len();
    let sheets = if total == 1 { "sheet" } else { "sheets" };
    if failed == 0 {
        eprintln!("rendered {total} {sheets}");
        Ok(())
    } else {
        Err(format!(
            "error: {failed} of {total} intakes failed; the other {} {} written",
            total - failed,
            if total - failed == 1 { "was" } else { "were" }
        ))
    }
}

fn render_in_batch(
    args: &RenderArgs,
    file: &Path,
    out: &Path,
    fonts: &FontSet,
    made: chrono::NaiveDateTime,
    notes: &mut String,
) -> Result<Rendered, String> {
    let name = file.display().to_string();
    output::check_target(out, &[file], Overwrite { force: args.force })
        .map_err(|e| format!("error: {name}: {e}"))?;
    let (loaded, warnings, source) = super::load_source(
        file,
        args.color,
        &format!("no sheet was written for {name}"),
    )?;
    notes.push_str(&super::warnings_text(&warnings, args.color));
    finish(args, &loaded, &source, fonts, made, Some(&name), notes)
}

fn absolute(path: &Path) -> PathBuf {
    std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf())
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_font_set_can_be_shared_across_threads() {
        fn shared<T: Sync + Send>() {}
        shared::<visitprep::fonts::FontSet>();
    }
}
