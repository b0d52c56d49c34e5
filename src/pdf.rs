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
    // Each is named after what it draws (printpdf's own names come from one counter per
    // process, so a sheet rendered in a batch would differ from the same sheet alone).
    let mut drawn: BTreeMap<FaceId, Fnv> = BTreeMap::new();
    for page in pages {
        for item in page.items.iter().chain(&page.furniture) {
            if let Item::Text { face, text, .. } = item {
                drawn
                    .entry(*face)
                    .or_insert_with(|| Fnv::new().with(fonts.face(*face).name.as_bytes()))
                    .write(text.as_bytes());
            }
        }
    }
    let used: BTreeMap<FaceId, printpdf::FontId> = drawn
        .into_iter()
        .map(|(face, hash)| {
            // The first six letters are the subset tag (ISO 32000-1, 9.6.4).
            let id = printpdf::FontId(format!("{}{}", hash.letters(6), face.0));
            let font = printpdf::PdfFont::new(fonts.face(face).font().clone());
            doc.resources.fonts.map.insert(id.clone(), font);
            (face, id)
        })
        .collect();

    let last = pages.len().saturating_sub(1);
    let pdf_pages: Vec<PdfPage> = pages
        .iter()
        .enumerate()
        .map(|(n, page)| {
            let mut pen = Pen::new(page.height, &used);
            for item in &page.items {
                pen.draw(item);
            }
            // A footer between two pages would land in the middle of any sentence that runs
            // on, for search, copy and screen readers alike; an empty ActualText keeps it out
            // of the text layer. After the last page nothing runs on, so its footer stays
            // readable there and tells a text reader how many pages the sheet has.
            let hide = n != last;
            if hide {
                pen.end_text();
                pen.ops.push(Op::BeginMarkedContentWithProperties {
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
                pen.draw(item);
            }
            pen.end_text();
            if hide {
                pen.ops.push(Op::EndMarkedContentWithProperties);
            }
            PdfPage::new(Mm::from(Pt(page.width)), Mm::from(Pt(page.height)), pen.ops)
        })
        .collect();
    doc.with_pages(pdf_pages);
    let mut warnings = Vec::new();
    let mut pdf = doc.to_lopdf_document(&PdfSaveOptions::default(), &mut warnings);
    slim_font_programs(&mut pdf);
    set_id(&mut pdf, info);
    drop_pdfx_claim(&mut pdf);
    compress(&mut pdf);
    let mut bytes = Vec::new();
    // Writing into memory cannot fail.
    let _ = pdf.save_to(&mut bytes);
    bytes
}

/// printpdf always writes an empty `/GTS_PDFXVersion` into the document information, which
/// readers such as pdfinfo take as a claim of PDF/X conformance that this file does not make.
fn drop_pdfx_claim(pdf: &mut lopdf::Document) {
    let info = pdf
        .trailer
        .get(b"Info")
        .and_then(lopdf::Object::as_reference)
        .ok();
    if let Some(dict) = info
        .and_then(|id| pdf.get_object_mut(id).ok())
        .and_then(|o| o.as_dict_mut().ok())
    {
        dict.remove(b"GTS_PDFXVersion");
    }
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

/// Turns items into PDF operators, writing a state change only when the state changes:
/// consecutive texts share one text object, and font, colours and line width persist
/// (PDF keeps them in the graphics state across text objects).
struct Pen<'a> {
    ops: Vec<Op>,
    height: f32,
    fonts: &'a BTreeMap<FaceId, printpdf::FontId>,
    in_text: bool,
    font: Option<(FaceId, f32)>,
    fill: Option<f32>,
    stroke: Option<f32>,
    line_width: Option<f32>,
}

impl<'a> Pen<'a> {
    fn new(height: f32, fonts: &'a BTreeMap<FaceId, printpdf::FontId>) -> Pen<'a> {
        Pen {
            ops: Vec::new(),
            height,
            fonts,
            in_text: false,
            font: None,
            fill: None,
            stroke: None,
            line_width: None,
        }
    }

    fn end_text(&mut self) {
        if self.in_text {
            self.ops.push(Op::EndTextSection);
            self.in_text = false;
        }
    }

    fn fill(&mut self, g: f32) {
        if self.fill != Some(g) {
            self.ops.push(Op::SetFillColor { col: grey(g) });
            self.fill = Some(g);
        }
    }

    fn stroke(&mut self, width: f32, g: f32) {
        if self.line_width != Some(width) {
            self.ops.push(Op::SetOutlineThickness { pt: Pt(width) });
            self.line_width = Some(width);
        }
        if self.stroke != Some(g) {
            self.ops.push(Op::SetOutlineColor { col: grey(g) });
            self.stroke = Some(g);
        }
    }

    fn draw(&mut self, item: &Item) {
        let height = self.height;
        match item {
            Item::Text {
                x,
                baseline,
                size,
                face,
                text,
            } => {
                if !self.in_text {
                    self.ops.push(Op::StartTextSection);
                    self.in_text = true;
                }
                if self.font != Some((*face, *size)) {
                    self.ops.push(Op::SetFont {
                        font: PdfFontHandle::External(self.fonts[face].clone()),
                        size: Pt(*size),
                    });
                    self.font = Some((*face, *size));
                }
                self.fill(0.0);
                self.ops.push(Op::SetTextMatrix {
                    matrix: TextMatrix::Translate(Pt(*x), Pt(height - baseline)),
                });
                self.ops.push(Op::ShowText {
                    items: vec![TextItem::Text(text.clone())],
                });
            }
            Item::Line {
                from,
                to,
                width,
                grey: g,
            } => {
                self.end_text();
                self.stroke(*width, *g);
                self.ops.push(Op::DrawLine {
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
                self.end_text();
                let mode = match (fill, stroke) {
                    (Some(_), Some(_)) => PaintMode::FillStroke,
                    (Some(_), None) => PaintMode::Fill,
                    _ => PaintMode::Stroke,
                };
                if let Some(f) = fill {
                    self.fill(*f);
                }
                if let Some((width, g)) = stroke {
                    self.stroke(*width, *g);
                }
                self.ops.push(Op::DrawRectangle {
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
                self.end_text();
                self.stroke(*width, 0.0);
                self.ops.push(Op::DrawLine {
                    line: Line {
                        points: points.iter().map(|(x, y)| point(*x, *y, height)).collect(),
                        is_closed: false,
                    },
                });
            }
        }
    }
}

/// Deflates every stream, spread over the cores: compression is the largest single cost
/// of writing a sheet. zlib's default level 6 rather than printpdf's 9: on the examples it
/// costs 0.2 % in size and saves a sixth of the compression time.
fn compress(pdf: &mut lopdf::Document) {
    use rayon::prelude::*;
    use std::io::Write;
    pdf.objects.par_iter_mut().for_each(|(_, object)| {
        let lopdf::Object::Stream(stream) = object else {
            return;
        };
        if !stream.allows_compression || stream.dict.get(b"Filter").is_ok() {
            return;
        }
        let mut encoder =
            flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::default());
        if encoder.write_all(&stream.content).is_err() {
            return;
        }
        // As lopdf does: keep a stream that would not shrink as it is.
        if let Ok(compressed) = encoder.finish() {
            if compressed.len() + 19 < stream.content.len() {
                stream.dict.set("Filter", "FlateDecode");
                stream.set_content(compressed);
            }
        }
    });
}

/// FNV-1a: a small, stable hash for names and ids derived from content.
#[derive(Clone, Copy)]
struct Fnv(u64);

impl Fnv {
    fn new() -> Fnv {
        Fnv(0xcbf2_9ce4_8422_2325)
    }

    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3);
        }
    }

    fn with(mut self, bytes: &[u8]) -> Fnv {
        self.write(bytes);
        self
    }

    /// `n` capital letters (up to 13) drawn from the hash.
    fn letters(self, n: usize) -> String {
        (0..n)
            .map(|i| char::from(b'A' + ((self.0 >> (5 * i)) % 26) as u8))
            .collect()
    }
}

/// The file identifier (ISO 32000-1, 14.4) from the document's content and information,
/// instead of printpdf's per-process counter: the same sheet always gets the same bytes.
fn set_id(pdf: &mut lopdf::Document, info: &Info) {
    let mut hash = Fnv::new()
        .with(info.title.as_bytes())
        .with(info.author.as_bytes())
        .with(info.subject.as_bytes())
        .with(&info.created_unix.to_le_bytes());
    for object in pdf.objects.values() {
        if let lopdf::Object::Stream(stream) = object {
            hash.write(&stream.content);
        }
    }
    let id = lopdf::Object::String(
        format!("{:016x}{:016x}", hash.0, hash.with(b"id").0).into_bytes(),
        lopdf::StringFormat::Literal,
    );
    pdf.trailer
        .set("ID", lopdf::Object::Array(vec![id.clone(), id]));
}

/// Drops the tables of each embedded TrueType subset that no PDF viewer reads.
fn slim_font_programs(pdf: &mut lopdf::Document) {
    let programs: Vec<lopdf::ObjectId> = pdf
        .objects
        .values()
        .filter_map(|o| o.as_dict().ok())
        .filter(|d| d.has_type(b"FontDescriptor"))
        .filter_map(|d| d.get(b"FontFile2").and_then(|r| r.as_reference()).ok())
        .collect();
    for id in programs {
        let Ok(lopdf::Object::Stream(stream)) = pdf.get_object_mut(id) else {
            continue;
        };
        if stream.dict.get(b"Filter").is_ok() {
            continue;
        }
        if let Some(slim) = crate::sfnt::keep_tables(&stream.content, crate::sfnt::PDF_TABLES) {
            stream.dict.set("Length1", slim.len() as i64);
            stream.set_content(slim);
        }
    }
}
