//! visitprep turns a patient's TOML intake into a printable PDF visit sheet.
//!
//! The pipeline, one module a stage:
//! [`intake`] reads and checks the file → [`sheet`] merges it with its [`guide`] into a
//! [`document`] → [`layout`] places it on pages → [`pdf`] writes the file, and [`output`]
//! puts it on disk safely.
//!
//! A front end (the `visitprep` command line) uses the items named at the top of the crate
//! (the facade below the module list), not the stages' modules.

pub mod diagnostic;
pub mod document;
pub mod fhir;
pub mod fonts;
pub mod frame;
pub mod guide;
pub mod input;
pub mod intake;
pub mod interview;
pub mod layout;
pub mod output;
pub mod pdf;
pub mod readability;
pub mod serve;
pub mod sheet;
pub mod skeleton;
pub mod structure;

use std::path::Path;

use chrono::{DateTime, NaiveDateTime, Utc};

use crate::sheet::SheetOptions;

pub use crate::document::Language;

// The facade: what a front end (the command line) needs, named at the top of the crate, so
// that it depends on this list and not on how the stages are arranged inside. The modules
// stay public for tests and benches.

// Reading and checking an intake.
pub use crate::diagnostic::Report;
pub use crate::intake::{parse as parse_intake, IntakeError, LoadedIntake, STDIN_NAME};
// The condition: guides and what they say.
pub use crate::guide::{
    source_parts, CauseKind, ChecklistItem, Condition, DoctorQuestion, Guide, GuideError,
    Section as GuideSection, Statement as GuideStatement, Translation as GuideTranslation,
    PRACTICAL,
};
// Asking for an intake, or writing one to fill in.
pub use crate::interview::{
    run as run_interview, run_on_terminal as run_interview_on_terminal, shell_word, wrap,
    Options as InterviewOptions, Stop as InterviewStop,
};
pub use crate::skeleton::{intake_filled as filled_intake, intake_for as new_intake};
// The page, the fonts and the PDF.
pub use crate::fonts::{FontError, FontSet, PLACEHOLDER};
pub use crate::layout::{PageOptions, Paper, PrintSize};
pub use crate::pdf::read::{
    looks_like_a_pdf, Attached, Carried, Embedded, FileProblem, ReadError as SheetReadError,
    MAX_PDF_BYTES,
};
pub use crate::pdf::PdfError;
// Reading whatever a path names, and writing without damage.
pub use crate::input::{
    is_stream, read_checked_within, read_from_checked, size_in_words, Bounded, Kind as FileKind,
    ReadError, MAX_TEXT_BYTES,
};
pub use crate::output::{
    check_target, is_stdout, stop_cleanly_on_signals, write_atomic, FileId, Overwrite, WriteError,
};
// The intake as a web form on the person's own computer (`visitprep serve`).
pub use crate::serve::{
    first_page as form_page, reply as form_reply, Reply as FormReply, Upload as FormUpload,
    STYLE as FORM_STYLE,
};

/// The intake at `path` (`-` for standard input), with the guide it names and its warnings.
pub fn load_intake(path: &Path) -> Result<(LoadedIntake, Report), IntakeError> {
    intake::load_with_warnings(path)
}

/// As [`load_intake`], also giving the file's text exactly as read, to carry in the sheet.
pub fn load_intake_with_source(path: &Path) -> Result<(LoadedIntake, Report, String), IntakeError> {
    intake::load_with_source(path)
}

/// As [`load_intake_with_source`], with notes on how the file was read where it was not
/// written the usual way (`allergies = ["none"]` read as no known allergies), each as
/// `file:line:column: words`.
pub fn load_intake_with_notes(
    path: &Path,
) -> Result<(LoadedIntake, Report, String, Vec<String>), IntakeError> {
    intake::load_with_notes(path)
}

/// Checks `text` as the intake file `path` in folder `dir` would be checked.
pub fn check_intake_text(path: &Path, text: &str, dir: &Path) -> Result<(), IntakeError> {
    intake::parse(path, text, dir).map(|_| ())
}

/// The JSON Schema of the intake file, for editors that check TOML as it is typed.
pub fn intake_schema() -> schemars::Schema {
    intake::json_schema()
}

/// The guide `reference` names: a built-in id, or a guide file relative to `dir`.
pub fn resolve_guide(reference: &str, dir: &Path) -> Result<Guide, GuideError> {
    guide::resolve(reference, dir)
}

/// The guide's questions that apply to this patient and are not yet answered.
pub fn open_questions(loaded: &LoadedIntake) -> Vec<&DoctorQuestion> {
    let facts = sheet::facts_of(&loaded.intake);
    loaded
        .guide
        .doctor_questions
        .iter()
        .filter(|q| facts.holds(&q.when) && !loaded.intake.answers.contains_key(&q.id))
        .collect()
}

/// The checklist items that apply to this patient and are not yet done.
pub fn open_checklist(loaded: &LoadedIntake) -> Vec<&ChecklistItem> {
    let facts = sheet::facts_of(&loaded.intake);
    loaded
        .guide
        .checklist
        .iter()
        .filter(|c| facts.holds(&c.when) && !loaded.intake.checklist_done.contains(&c.id))
        .collect()
}

/// The intake as an HL7 FHIR R4 document Bundle (JSON), made at `made`.
pub fn fhir_bundle(loaded: &LoadedIntake, made: DateTime<Utc>) -> Vec<u8> {
    fhir::bundle_json(&loaded.intake, &loaded.guide, made)
}

/// The files a sheet made by [`render_carrying`] carries.
pub fn carried_files(pdf: &[u8]) -> Result<Vec<Embedded>, SheetReadError> {
    pdf::read::embedded_files(pdf)
}

/// Why a font file named by the user cannot be used.
#[derive(Debug)]
pub enum FontFileError {
    /// It cannot be read, is too large, or does not start as a font does.
    Unreadable(ReadError),
    /// It starts as a font does but cannot be read as one.
    Rejected(FontError),
    /// Its licence or its outlines keep it out of a PDF.
    NotEmbeddable(PdfError),
}

/// Adds the font file at `path` to `fonts`, for the characters the built-in fonts lack,
/// once it is known to be a font that can be embedded. At most [`input::MAX_FONT_BYTES`] are
/// read, and nothing past the first four bytes of a file that is no font.
pub fn add_font_file(fonts: &mut FontSet, path: &Path) -> Result<(), FontFileError> {
    let bytes = input::read_checked(path, input::MAX_FONT_BYTES, 4, looks_like_a_font)
        .map_err(FontFileError::Unreadable)?;
    let face = fonts
        .add_fallback(&path.display().to_string(), &bytes)
        .map_err(FontFileError::Rejected)?;
    pdf::check_embeddable(fonts.face(face)).map_err(FontFileError::NotEmbeddable)
}

/// The first four bytes of a font file: TrueType, OpenType (CFF), a collection, or an old
/// Apple TrueType.
fn looks_like_a_font(head: &[u8]) -> bool {
    [&b"\x00\x01\x00\x00"[..], b"OTTO", b"true", b"ttcf", b"typ1"].contains(&head)
}

#[derive(Debug, Clone, Copy, Default)]
pub struct RenderOptions {
    pub page: PageOptions,
    pub diary_page: bool,
    /// The language of page 1 and the details when it is not the patient's (a bilingual
    /// sheet); the patient's is the intake's (`Intake::sheet_language`).
    pub doctor_language: Option<Language>,
}

/// A character no font can draw, and where the patient wrote it.
#[derive(Debug, Clone, PartialEq)]
pub struct MissingChar {
    pub field: String,
    pub ch: char,
}

pub struct Rendered {
    pub pdf: Vec<u8>,
    pub pages: usize,
}

/// Characters of the patient's text that no font in `fonts` has: they print as a visible
/// placeholder, and the caller decides (before rendering) whether that is acceptable.
pub fn missing_chars(loaded: &LoadedIntake, fonts: &FontSet) -> Vec<MissingChar> {
    loaded
        .intake
        .texts()
        .into_iter()
        .flat_map(|(field, text)| {
            fonts.missing(text).into_iter().map(move |ch| MissingChar {
                field: field.clone(),
                ch,
            })
        })
        .collect()
}

/// The whole pipeline after reading: merge, lay out, write. It fails only when a font
/// cannot be embedded.
pub fn render(
    loaded: &LoadedIntake,
    fonts: &FontSet,
    made: NaiveDateTime,
    options: RenderOptions,
) -> Result<Rendered, pdf::PdfError> {
    render_carrying(loaded, fonts, made, options, &[])
}

/// What a sheet carries inside it, under these names: the intake file it was made from and
/// the same content as FHIR, for the clinic's record system.
pub const INTAKE_ATTACHMENT: &str = "intake.toml";
pub const BUNDLE_ATTACHMENT: &str = "patient-summary.fhir.json";

/// The files a sheet carries: `source`, the intake's text exactly as read, and the FHIR
/// Bundle made from it at `made`.
pub fn sheet_attachments(
    loaded: &LoadedIntake,
    source: &str,
    made: DateTime<Utc>,
) -> Vec<pdf::Attachment> {
    vec![
        pdf::Attachment {
            name: INTAKE_ATTACHMENT.into(),
            mime: "application/toml".into(),
            description: "The intake file this sheet was made from; `visitprep extract` gives it back".into(),
            relationship: pdf::Relationship::Source,
            bytes: source.as_bytes().to_vec(),
        },
        pdf::Attachment {
            name: BUNDLE_ATTACHMENT.into(),
            mime: fhir::MIME_TYPE.into(),
            description: "The sheet's content as an HL7 FHIR R4 document Bundle (International Patient Summary), as reported by the patient".into(),
            relationship: pdf::Relationship::Data,
            bytes: fhir::bundle_json(&loaded.intake, &loaded.guide, made),
        },
    ]
}

/// As [`render`], with `attachments` inside the PDF.
pub fn render_carrying(
    loaded: &LoadedIntake,
    fonts: &FontSet,
    made: NaiveDateTime,
    options: RenderOptions,
    attachments: &[pdf::Attachment],
) -> Result<Rendered, pdf::PdfError> {
    let (doc, laid) = lay_out_sheet_with_structure(loaded, fonts, made, options);
    write_sheet(&doc, laid, fonts, attachments)
}

/// [`render_carrying`], with the files the sheet carries made by `attach` while the sheet is
/// laid out, on a second core where there is one: they are made from the intake alone.
pub fn render_attaching(
    loaded: &LoadedIntake,
    fonts: &FontSet,
    made: NaiveDateTime,
    options: RenderOptions,
    attach: impl FnOnce() -> Vec<pdf::Attachment> + Send,
) -> Result<Rendered, pdf::PdfError> {
    let lay_out = || lay_out_sheet_with_structure(loaded, fonts, made, options);
    // In a batch, each sheet is a task of the thread pool, which shares out the two halves
    // like any other work. A sheet on its own starts a thread: the pool's threads are not
    // yet running, and waiting for them to start costs what the overlap would save.
    let (attachments, (doc, laid)) = if rayon::current_thread_index().is_some() {
        rayon::join(attach, lay_out)
    } else {
        std::thread::scope(|scope| {
            let attaching = scope.spawn(attach);
            let laid = lay_out();
            let attachments = attaching
                .join()
                .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
            (attachments, laid)
        })
    };
    write_sheet(&doc, laid, fonts, &attachments)
}

fn write_sheet(
    doc: &document::Document,
    laid: layout::Laid,
    fonts: &FontSet,
    attachments: &[pdf::Attachment],
) -> Result<Rendered, pdf::PdfError> {
    let info = pdf_info(doc);
    Ok(Rendered {
        pdf: pdf::write_tagged(&laid.pages, &laid.structure, fonts, &info, attachments)?,
        pages: laid.pages.len(),
    })
}

/// How many pages the summary for the doctor may take: one, or two in large print.
pub fn summary_pages_allowed(options: PageOptions) -> usize {
    match options.print {
        layout::PrintSize::Normal => 1,
        layout::PrintSize::Large | layout::PrintSize::ExtraLarge => 2,
    }
}

/// Merges and lays out the sheet so that its summary fits on the pages it is allowed and every
/// page number it names is true. The summary is built at the fullest detail that fits, found
/// by laying out the summary alone; then the rest is laid out once, and the summary again with
/// the page numbers the rest was found to have. This works because the summary is followed by
/// a page break and only the summary names pages: the numbers printed on it cannot move what
/// follows. Layout itself knows nothing of this: it only reports where each anchor landed.
pub fn lay_out_sheet(
    loaded: &LoadedIntake,
    fonts: &FontSet,
    made: NaiveDateTime,
    options: RenderOptions,
) -> (document::Document, Vec<layout::Page>) {
    let (doc, laid) = lay_out_sheet_with_structure(loaded, fonts, made, options);
    (doc, laid.pages)
}

/// [`lay_out_sheet`], with the structure the pages' items are marked with.
pub fn lay_out_sheet_with_structure(
    loaded: &LoadedIntake,
    fonts: &FontSet,
    made: NaiveDateTime,
    options: RenderOptions,
) -> (document::Document, layout::Laid) {
    let sheet_options = SheetOptions {
        diary_page: options.diary_page,
        doctor_language: options.doctor_language,
    };
    let summary_of = sheet::Summary::new(&loaded.intake, &loaded.guide, made, &sheet_options);
    let summary = |detail: sheet::SummaryDetail, numbers: &sheet::PageNumbers| {
        summary_of.blocks(detail, numbers)
    };
    // Page numbers not yet known are printed as wide guesses, so a summary that fits with
    // them fits with the true ones.
    let guessed = sheet::PageNumbers::new();
    let mut detail = fitted_detail(&summary_of, fonts, options.page, &guessed);
    let allowed = summary_pages_allowed(options.page);
    loop {
        let mut doc = summary_of.sheet(&sheet_options, detail, &guessed);
        let guessed_summary = summary(detail, &guessed);
        debug_assert!(doc.blocks.starts_with(&guessed_summary));
        let head = layout::layout_part(&guessed_summary, fonts, options.page);
        let rest = layout::layout_part(&doc.blocks[guessed_summary.len()..], fonts, options.page);
        let numbers: sheet::PageNumbers = rest
            .anchors
            .iter()
            .map(|(id, p)| (id.clone(), p + head.pages()))
            .collect();
        let true_summary = summary(detail, &numbers);
        let head_now = layout::layout_part(&true_summary, fonts, options.page);
        let last = detail.level + 1 >= sheet::DETAIL_LEVELS;
        // With the true numbers the summary keeps its length (they are never wider than the
        // guesses), so the rest's pages are where they were found; the check keeps it honest.
        if head_now.pages() == head.pages() && head.pages() <= allowed || last {
            doc.blocks.splice(..guessed_summary.len(), true_summary);
            let laid = layout::join(vec![head_now, rest], &doc.footer, fonts, options.page);
            return (doc, laid);
        }
        detail.level += 1;
    }
}

/// The fullest detail at which the summary fits the pages it is allowed, laid out alone with
/// `guessed` page numbers.
fn fitted_detail(
    summary_of: &sheet::Summary,
    fonts: &FontSet,
    page: layout::PageOptions,
    guessed: &sheet::PageNumbers,
) -> sheet::SummaryDetail {
    let allowed = summary_pages_allowed(page);
    let fits = |level: usize, chart: bool| {
        let blocks = summary_of.blocks(sheet::SummaryDetail { level, chart }, guessed);
        layout::layout_part(&blocks, fonts, page).pages() <= allowed
    };
    // The fullest level that fits without the chart: most sheets fit at once; else a binary
    // search, as less detail never makes the summary longer.
    let mut level = sheet::DETAIL_LEVELS - 1;
    if fits(0, false) {
        level = 0;
    } else {
        let (mut lo, mut hi) = (1, sheet::DETAIL_LEVELS - 1);
        while lo <= hi {
            let mid = (lo + hi) / 2;
            if fits(mid, false) {
                level = mid;
                hi = mid - 1;
            } else {
                lo = mid + 1;
            }
        }
    }
    // The diary's chart is worth a little of the answers' text, not much: at that level or
    // the next one.
    if summary_of.has_diary() {
        if let Some(l) = [level, level + 1]
            .into_iter()
            .find(|&l| l < sheet::DETAIL_LEVELS && fits(l, true))
        {
            return sheet::SummaryDetail {
                level: l,
                chart: true,
            };
        }
    }
    sheet::SummaryDetail {
        level,
        chart: false,
    }
}

/// The PDF's document information for a merged sheet.
pub fn pdf_info(doc: &document::Document) -> pdf::Info {
    pdf::Info {
        title: doc.meta.title.clone(),
        author: doc.meta.author.clone(),
        subject: doc.meta.subject.clone(),
        keywords: doc.meta.keywords.clone(),
        created_unix: doc.meta.created.and_utc().timestamp(),
        creator: format!("visitprep {}", env!("CARGO_PKG_VERSION")),
    }
}

/// When the sheet is made: `SOURCE_DATE_EPOCH` when set (for reproducible output), else now.
pub fn generation_time() -> NaiveDateTime {
    std::env::var("SOURCE_DATE_EPOCH")
        .ok()
        .and_then(|s| s.trim().parse::<i64>().ok())
        .and_then(|secs| chrono::DateTime::from_timestamp(secs, 0))
        .map(|dt| dt.naive_utc())
        .unwrap_or_else(|| chrono::Local::now().naive_local())
}

/// The moment a FHIR export is made: `SOURCE_DATE_EPOCH` when set, else now, to the second.
pub fn generation_instant() -> DateTime<Utc> {
    std::env::var("SOURCE_DATE_EPOCH")
        .ok()
        .and_then(|s| s.trim().parse::<i64>().ok())
        .and_then(|secs| DateTime::from_timestamp(secs, 0))
        .unwrap_or_else(|| {
            let now = Utc::now();
            DateTime::from_timestamp(now.timestamp(), 0).unwrap_or(now)
        })
}
