//! The whole pipeline after reading: merge, lay out, write; and what a sheet carries.

use std::path::Path;

use chrono::{DateTime, NaiveDateTime, Utc};

use crate::document::{Document, Language};
use crate::fonts::{FontError, FontSet};
use crate::input::{self, ReadError};
use crate::intake::LoadedIntake;
use crate::layout::{self, PageOptions};
use crate::pdf::{self, PdfError};
use crate::{fhir, fit};

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
) -> Result<Rendered, PdfError> {
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
) -> Result<Rendered, PdfError> {
    let (doc, laid) = fit::lay_out_sheet_with_structure(loaded, fonts, made, options);
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
) -> Result<Rendered, PdfError> {
    let lay_out = || fit::lay_out_sheet_with_structure(loaded, fonts, made, options);
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
    doc: &Document,
    laid: layout::Laid,
    fonts: &FontSet,
    attachments: &[pdf::Attachment],
) -> Result<Rendered, PdfError> {
    let info = pdf_info(doc);
    Ok(Rendered {
        pdf: pdf::write_tagged(&laid.pages, &laid.structure, fonts, &info, attachments)?,
        pages: laid.pages.len(),
    })
}

/// The PDF's document information for a merged sheet.
pub fn pdf_info(doc: &Document) -> pdf::Info {
    pdf::Info {
        title: doc.meta.title.clone(),
        author: doc.meta.author.clone(),
        subject: doc.meta.subject.clone(),
        keywords: doc.meta.keywords.clone(),
        created_unix: doc.meta.created.and_utc().timestamp(),
        creator: format!("visitprep {}", env!("CARGO_PKG_VERSION")),
    }
}
