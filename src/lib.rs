//! visitprep turns a patient's TOML intake into a printable PDF visit sheet.
//!
//! The pipeline, one module a stage:
//! [`intake`] reads and checks the file → [`sheet`] merges it with its [`guide`] into a
//! [`document`] → [`layout`] places it on pages → [`pdf`] writes the file, and [`output`]
//! puts it on disk safely.

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
pub mod sheet;
pub mod skeleton;
pub mod structure;

use chrono::{DateTime, NaiveDateTime, Utc};

use crate::fonts::FontSet;
use crate::intake::LoadedIntake;
use crate::layout::PageOptions;
use crate::sheet::SheetOptions;

#[derive(Debug, Clone, Copy, Default)]
pub struct RenderOptions {
    pub page: PageOptions,
    pub diary_page: bool,
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
    let (pages, structure) = (laid.pages, laid.structure);
    let info = pdf_info(&doc);
    Ok(Rendered {
        pdf: pdf::write_tagged(&pages, &structure, fonts, &info, attachments)?,
        pages: pages.len(),
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
    };
    let allowed = summary_pages_allowed(options.page);
    let summary_of = sheet::Summary::new(&loaded.intake, &loaded.guide, made);
    let summary = |detail: sheet::SummaryDetail, numbers: &sheet::PageNumbers| {
        summary_of.blocks(detail, numbers)
    };
    // Page numbers not yet known are printed as wide guesses, so a summary that fits with
    // them fits with the true ones.
    let guessed = sheet::PageNumbers::new();
    let fits = |level: usize, chart: bool| {
        let blocks = summary(sheet::SummaryDetail { level, chart }, &guessed);
        layout::layout_part(&blocks, fonts, options.page).pages() <= allowed
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
    let mut detail = sheet::SummaryDetail {
        level,
        chart: false,
    };
    if !loaded.intake.diary.is_empty() {
        if let Some(l) = [level, level + 1]
            .into_iter()
            .find(|&l| l < sheet::DETAIL_LEVELS && fits(l, true))
        {
            detail = sheet::SummaryDetail {
                level: l,
                chart: true,
            };
        }
    }
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
