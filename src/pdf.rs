//! The PDF writer: laid-out pages in, bytes out. It knows fonts, points and PDF operators,
//! and nothing of what the text says.

use std::collections::BTreeMap;

use printpdf::{
    Color, DateTime, DictItem, Greyscale, Line, LinePoint, Mm, Op, PaintMode, PdfDocument,
    PdfFontHandle, PdfPage, PdfSaveOptions, Point, Pt, Rect, TextItem, TextMatrix,
};

use crate::fonts::{FaceId, FontSet};
use crate::layout::{Item, Page};

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

/// Writes the pages as a PDF with the used faces embedded as subsets.
pub fn write(pages: &[Page], fonts: &FontSet, info: &Info) -> Vec<u8> {
    let mut doc = PdfDocument::new(&info.title);
    let m = &mut doc.metadata.info;
    m.author = info.author.clone();
    m.subject = info.subject.clone();
    m.keywords = info.keywords.clone();
    m.creator = info.creator.clone();
    m.producer = info.creator.clone();
    let created =
        DateTime::from_unix_timestamp(info.created_unix).unwrap_or_else(|_| DateTime::now());
    m.creation_date = created;
    m.modification_date = created;

    // Only faces that are drawn are registered: an unused fallback adds nothing to the file.
    let mut used: BTreeMap<FaceId, printpdf::FontId> = BTreeMap::new();
    for page in pages {
        for item in page.items.iter().chain(&page.furniture) {
            if let Item::Text { face, .. } = item {
                used.entry(*face).or_insert_with(|| {
                    let (_, f) = fonts.faces().nth(face.0).expect("face belongs to the set");
                    doc.add_font(f.font())
                });
            }
        }
    }

    let last = pages.len().saturating_sub(1);
    let pdf_pages: Vec<PdfPage> = pages
        .iter()
        .enumerate()
        .map(|(n, page)| {
            let mut ops = Vec::with_capacity((page.items.len() + page.furniture.len()) * 4);
            for item in &page.items {
                draw(&mut ops, item, page.height, &used);
            }
            // A footer between two pages would land in the middle of any sentence that runs
            // on, for search, copy and screen readers alike; an empty ActualText keeps it out
            // of the text layer. After the last page nothing runs on, so its footer stays
            // readable there and tells a text reader how many pages the sheet has.
            let hide = n != last;
            if hide {
                ops.push(Op::BeginMarkedContentWithProperties {
                    tag: "Span".into(),
                    properties: DictItem::Dict {
                        map: BTreeMap::from([(
                            "ActualText".to_string(),
                            DictItem::String {
                                data: Vec::new(),
                                literal: true,
                            },
                        )]),
                    },
                });
            }
            for item in &page.furniture {
                draw(&mut ops, item, page.height, &used);
            }
            if hide {
                ops.push(Op::EndMarkedContentWithProperties);
            }
            PdfPage::new(Mm::from(Pt(page.width)), Mm::from(Pt(page.height)), ops)
        })
        .collect();
    doc.with_pages(pdf_pages);
    let mut warnings = Vec::new();
    let mut pdf = doc.to_lopdf_document(&PdfSaveOptions::default(), &mut warnings);
    compress(&mut pdf);
    let mut bytes = Vec::new();
    // Writing into memory cannot fail.
    let _ = pdf.save_to(&mut bytes);
    bytes
}

/// Deflates every stream, as `PdfDocument::save` does (same level, same bytes), but
/// spread over the cores: compression is the largest single cost of writing a sheet.
fn compress(pdf: &mut lopdf::Document) {
    use rayon::prelude::*;
    pdf.objects.par_iter_mut().for_each(|(_, object)| {
        if let lopdf::Object::Stream(stream) = object {
            if stream.allows_compression {
                let _ = stream.compress();
            }
        }
    });
}

fn grey(v: f32) -> Color {
    Color::Greyscale(Greyscale::new(v.clamp(0.0, 1.0), None))
}

fn point(x: f32, y_from_top: f32, height: f32) -> LinePoint {
    LinePoint {
        p: Point {
            x: Pt(x),
            y: Pt(height - y_from_top),
        },
        bezier: false,
    }
}

fn draw(ops: &mut Vec<Op>, item: &Item, height: f32, fonts: &BTreeMap<FaceId, printpdf::FontId>) {
    match item {
        Item::Text {
            x,
            baseline,
            size,
            face,
            text,
        } => {
            ops.push(Op::StartTextSection);
            ops.push(Op::SetFont {
                font: PdfFontHandle::External(fonts[face].clone()),
                size: Pt(*size),
            });
            ops.push(Op::SetFillColor { col: grey(0.0) });
            ops.push(Op::SetTextMatrix {
                matrix: TextMatrix::Translate(Pt(*x), Pt(height - baseline)),
            });
            ops.push(Op::ShowText {
                items: vec![TextItem::Text(text.clone())],
            });
            ops.push(Op::EndTextSection);
        }
        Item::Line {
            from,
            to,
            width,
            grey: g,
        } => {
            ops.push(Op::SetOutlineThickness { pt: Pt(*width) });
            ops.push(Op::SetOutlineColor { col: grey(*g) });
            ops.push(Op::DrawLine {
                line: Line {
                    points: vec![point(from.0, from.1, height), point(to.0, to.1, height)],
                    is_closed: false,
                },
            });
        }
        Item::Rect {
            x,
            y,
            w,
            h,
            fill,
            stroke,
        } => {
            let mode = match (fill, stroke) {
                (Some(_), Some(_)) => PaintMode::FillStroke,
                (Some(_), None) => PaintMode::Fill,
                _ => PaintMode::Stroke,
            };
            if let Some(f) = fill {
                ops.push(Op::SetFillColor { col: grey(*f) });
            }
            if let Some((width, g)) = stroke {
                ops.push(Op::SetOutlineThickness { pt: Pt(*width) });
                ops.push(Op::SetOutlineColor { col: grey(*g) });
            }
            ops.push(Op::DrawRectangle {
                rectangle: Rect {
                    x: Pt(*x),
                    y: Pt(height - y - h),
                    width: Pt(*w),
                    height: Pt(*h),
                    mode: Some(mode),
                    winding_order: None,
                },
            });
        }
        Item::Path { points, width } => {
            ops.push(Op::SetOutlineThickness { pt: Pt(*width) });
            ops.push(Op::SetOutlineColor { col: grey(0.0) });
            ops.push(Op::DrawLine {
                line: Line {
                    points: points.iter().map(|(x, y)| point(*x, *y, height)).collect(),
                    is_closed: false,
                },
            });
        }
    }
}
