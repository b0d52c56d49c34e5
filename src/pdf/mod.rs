//! The PDF writer: laid-out pages in, bytes out. It knows fonts, points and PDF operators,
//! and nothing of what the text says.
//!
//! The file is written directly, not through a general PDF object model: a sheet needs a
//! handful of object kinds, and writing them straight from the laid-out items is most of
//! the difference between a sheet in a few milliseconds and one in several times that.
//! What goes in:
//!
//! - each page's content stream, with text as two-byte character ids;
//! - each face that draws something, as a CID font: a subset of its glyphs without hinting,
//!   the advance widths, and a ToUnicode map so that every character can be searched,
//!   copied and read aloud as the patient typed it;
//! - the catalogue, page tree, resources and document information, packed into one
//!   compressed object stream with a cross-reference stream (PDF 1.5);
//! - the structure tree, with every drawn item marked as content of a structure element or
//!   as an artifact, the outline, XMP metadata and a grey output intent: the file is a
//!   tagged PDF/UA-1 and PDF/A-3a document (see [`tags`] and [`archive`]).

use std::cell::RefCell;
use std::collections::HashMap;

use rayon::prelude::*;
use subsetter::GlyphRemapper;

mod attachments;
pub mod read;

pub use attachments::{Attachment, Relationship};

use crate::fonts::{Face, FaceId, FontSet};
use crate::frame::{Item, Page, TextRun};
use crate::structure::Structure;

mod archive;
mod content;
mod file;
mod fonts;
mod form;
mod sfnt;
mod syntax;
mod tags;

use content::Pen;
use file::{File, Fnv};
use fonts::{write_font, Drawn, Subset, UsedFace};
use syntax::*;

/// Document information written into the PDF.
#[derive(Debug, Clone)]
pub struct Info {
    pub title: String,
    pub author: String,
    pub subject: String,
    pub keywords: Vec<String>,
    /// Seconds since 1970-01-01 UTC.
    pub created_unix: i64,
    pub creator: String,
}

/// A face that could not be embedded.
#[derive(Debug, Clone)]
pub struct PdfError {
    pub font: String,
    pub reason: String,
}

impl std::fmt::Display for PdfError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "the font {} cannot be embedded in the PDF: {}",
            self.font, self.reason
        )
    }
}

impl std::error::Error for PdfError {}

/// The tables a PDF viewer reads from an embedded TrueType font program (ISO 32000-1, 9.9):
/// outlines and metrics. Glyph names, copyright strings and the character map are not
/// used when a CID font is drawn or its text extracted.
const FONT_TABLES: &[&[u8; 4]] = &[b"glyf", b"head", b"hhea", b"hmtx", b"loca", b"maxp"];

/// Checks that `face` can be embedded, so that a font the user names is refused at once
/// rather than after the work of laying out a sheet.
pub fn check_embeddable(face: &Face) -> Result<(), PdfError> {
    Subset::new(face, &GlyphRemapper::new(), &[])
        .map(|_| ())
        .map_err(|reason| PdfError {
            font: face.name.clone(),
            reason,
        })
}

/// Writes the pages as a PDF with the faces they use embedded as subsets, all their items
/// read as the content of one document.
pub fn write(pages: &[Page], fonts: &FontSet, info: &Info) -> Result<Vec<u8>, PdfError> {
    write_tagged(pages, &Structure::default(), fonts, info, &[])
}

/// Writes the pages as a PDF with the faces they use embedded as subsets, tagged with
/// `structure`, which the pages' marks refer to, and carrying `attachments` as associated
/// files of the document.
pub fn write_tagged(
    pages: &[Page],
    structure: &Structure,
    fonts: &FontSet,
    info: &Info,
    attachments: &[Attachment],
) -> Result<Vec<u8>, PdfError> {
    let mut drawn = Drawn::new(fonts);
    let mut marked = tags::Marked::new(structure);
    let contents = draw_pages(pages, &mut drawn, &mut marked);

    let mut file = File::default();
    let catalog = file.reserve();
    let tree = file.reserve();
    let resources = file.reserve();
    let info_id = file.reserve();

    let font_refs = embed_fonts(&mut file, &drawn)?;
    let (kids, annotations) = write_pages(&mut file, pages, contents, tree, resources);
    file.set(tree, page_tree(&kids));
    file.set(resources, font_resources(&font_refs));

    let mut dict = Dict::new();
    dict.name("Type", "Catalog")
        .reference("Pages", tree)
        .name("PageLayout", "OneColumn")
        // The sheet's title, not its file name, in the viewer's title bar.
        .dict("ViewerPreferences", |v| {
            v.bool("DisplayDocTitle", true);
        });
    marked.write(&mut file, &kids, pages, &annotations, &mut dict);
    archive::write(&mut file, info, &structure.lang, &mut dict);
    let date = pdf_date(info.created_unix);
    attachments::write(&mut file, attachments, &date, &mut dict);
    file.set(catalog, dict.finish());

    file.set(info_id, info_dict(info));
    let id = file_id(info, &kids, &file);
    Ok(file.finish(catalog, info_id, &id))
}

/// Each page's content stream: its items, marked as the structure says, then its footer.
fn draw_pages<'a>(
    pages: &[Page],
    drawn: &mut Drawn<'a>,
    marked: &mut tags::Marked,
) -> Vec<Vec<u8>> {
    let last = pages.len().saturating_sub(1);
    pages
        .iter()
        .enumerate()
        .map(|(n, page)| {
            let mut pen = Pen::new(page.height, drawn);
            marked.draw_page(&mut pen, page, n);
            // A footer between two pages would land in the middle of any sentence that runs
            // on, for search, copy and untagged readers alike; an empty ActualText keeps it
            // out of their text. After the last page nothing runs on, so its footer stays
            // readable there and tells a text reader how many pages the sheet has. For
            // tagged readers it is an artifact on every page.
            pen.out.extend_from_slice(tags::FOOTER);
            let hide = n != last;
            if hide {
                pen.out.extend_from_slice(b"/Span<</ActualText()>>BDC\n");
            }
            pen.draw_all(&page.furniture);
            pen.end_text();
            if hide {
                pen.out.extend_from_slice(b"EMC\n");
            }
            pen.out.extend_from_slice(b"EMC\n");
            pen.out
        })
        .collect()
}

/// Embeds a subset of every face the pages draw with; returns each face's font object.
fn embed_fonts(file: &mut File, drawn: &Drawn) -> Result<Vec<(FaceId, u32)>, PdfError> {
    // Fonts are subset one per thread: the slowest step after compression.
    let used: Vec<&UsedFace> = drawn.faces.iter().flatten().collect();
    let subsets: Vec<Result<Subset, PdfError>> = used
        .par_iter()
        .map(|used| {
            Subset::new(used.face, &used.glyphs, &used.composites).map_err(|reason| PdfError {
                font: used.face.name.clone(),
                reason,
            })
        })
        .collect();
    let mut font_refs = Vec::new();
    for (used, subset) in used.iter().zip(subsets) {
        let id = write_font(file, used, subset?);
        font_refs.push((used.id, id));
    }
    Ok(font_refs)
}

/// Writes each page's object and content stream; returns the pages' objects in order, and
/// the annotations they hold, their objects reserved (see [`tags::Annotation`]).
fn write_pages(
    file: &mut File,
    pages: &[Page],
    contents: Vec<Vec<u8>>,
    tree: u32,
    resources: u32,
) -> (Vec<u32>, Vec<tags::Annotation>) {
    let mut kids = Vec::with_capacity(pages.len());
    let mut annotations = Vec::new();
    for (n, (page, content)) in pages.iter().zip(contents).enumerate() {
        let page_id = file.reserve();
        let content_id = file.stream(Dict::new(), content);
        let first = annotations.len();
        for (link, l) in page.links.iter().enumerate() {
            for area in 0..l.areas.len() {
                let id = file.reserve();
                annotations.push(tags::Annotation {
                    page: n,
                    what: tags::Annotated::Link { link, area },
                    id,
                });
            }
        }
        for field in 0..page.fields.len() {
            let id = file.reserve();
            annotations.push(tags::Annotation {
                page: n,
                what: tags::Annotated::Field(field),
                id,
            });
        }
        let mut dict = Dict::new();
        dict.name("Type", "Page")
            .reference("Parent", tree)
            // Where the page's marked content finds its structure elements, in the parent
            // tree; and annotations, if any, taken in the structure's order.
            .name("Tabs", "S")
            .int("StructParents", n as i64)
            .array("MediaBox", |a| {
                a.int(0).int(0).num(page.width).num(page.height);
            })
            .reference("Resources", resources)
            .reference("Contents", content_id);
        if annotations.len() > first {
            dict.array("Annots", |a| {
                for annotation in &annotations[first..] {
                    a.reference(annotation.id);
                }
            });
        }
        file.set(page_id, dict.finish());
        kids.push(page_id);
    }
    (kids, annotations)
}

/// The page tree: every page, in order.
fn page_tree(kids: &[u32]) -> Vec<u8> {
    let mut dict = Dict::new();
    dict.name("Type", "Pages")
        .refs("Kids", kids)
        .int("Count", kids.len() as i64);
    dict.finish()
}

/// The resources all pages share: the embedded fonts, each named by its face.
fn font_resources(font_refs: &[(FaceId, u32)]) -> Vec<u8> {
    let mut dict = Dict::new();
    dict.dict("Font", |fonts| {
        for (face, id) in font_refs {
            fonts.reference(&format!("F{}", face.0), *id);
        }
    });
    dict.finish()
}

/// The document information dictionary.
fn info_dict(info: &Info) -> Vec<u8> {
    let date = pdf_date(info.created_unix);
    let mut dict = Dict::new();
    dict.text("Title", &info.title)
        .text("Author", &info.author)
        .text("Subject", &info.subject)
        .text("Keywords", &info.keywords.join(", "))
        .text("Creator", &info.creator)
        .text("Producer", &info.creator)
        .text("CreationDate", &date)
        .text("ModDate", &date);
    dict.finish()
}

/// A date as PDF writes them (ISO 32000-1, 7.9.4), in UTC.
fn pdf_date(unix: i64) -> String {
    chrono::DateTime::from_timestamp(unix, 0)
        .unwrap_or_default()
        .format("D:%Y%m%d%H%M%S+00'00'")
        .to_string()
}

/// The file identifier (ISO 32000-1, 14.4), from the document's content and information:
/// the same sheet always gets the same bytes.
fn file_id(info: &Info, kids: &[u32], file: &File) -> [u64; 2] {
    let mut hash = Fnv::new()
        .with(info.title.as_bytes())
        .with(info.author.as_bytes())
        .with(info.subject.as_bytes())
        .with(&info.created_unix.to_le_bytes())
        .with(&(kids.len() as u64).to_le_bytes());
    for stream in &file.streams {
        hash.write(&stream.data);
    }
    [hash.0, hash.with(b"id").0]
}

#[cfg(test)]
mod tests;
