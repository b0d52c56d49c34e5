//! visitprep turns a patient's TOML intake into a printable PDF visit sheet.
//!
//! The pipeline, one module a stage:
//! [`intake`] reads and checks the file → [`sheet`] merges it with its [`guide`] into a
//! [`document`] → [`layout`] places it on pages → [`pdf`] writes the file, and [`output`]
//! puts it on disk safely.

pub mod diagnostic;
pub mod diary;
pub mod document;
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
mod sfnt;
pub mod sheet;
pub mod skeleton;
pub mod text;

use chrono::NaiveDateTime;

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
    let doc = sheet::visit_sheet(
        &loaded.intake,
        &loaded.guide,
        made,
        &SheetOptions {
            diary_page: options.diary_page,
        },
    );
    let pages = layout::layout(&doc, fonts, options.page);
    let info = pdf_info(&doc);
    Ok(Rendered {
        pdf: pdf::write(&pages, fonts, &info)?,
        pages: pages.len(),
    })
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
