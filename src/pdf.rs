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
use crate::sfnt;
use crate::structure::Structure;

mod archive;
mod tags;

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
            "the font {} cannot be embedded in the PDF: {}\n  help: the file may be damaged; try \
             another TrueType or OpenType font (.ttf, .ttc, .otf). Variable fonts with CFF2 \
             outlines cannot be embedded",
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
    Subset::new(face, &GlyphRemapper::new())
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
    let last = pages.len().saturating_sub(1);
    let contents: Vec<Vec<u8>> = pages
        .iter()
        .enumerate()
        .map(|(n, page)| {
            let mut pen = Pen::new(page.height, &mut drawn);
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
        .collect();

    let mut file = File::default();
    let catalog = file.reserve();
    let tree = file.reserve();
    let resources = file.reserve();
    let info_id = file.reserve();

    // Fonts are subset one per thread: the slowest step after compression.
    let used: Vec<&UsedFace> = drawn.faces.iter().flatten().collect();
    let subsets: Vec<Result<Subset, PdfError>> = used
        .par_iter()
        .map(|used| {
            Subset::new(used.face, &used.glyphs).map_err(|reason| PdfError {
                font: used.face.name.clone(),
                reason,
            })
        })
        .collect();
    let mut font_refs = Vec::new();
    for (used, subset) in used.iter().zip(subsets) {
        let id = write_font(&mut file, used, subset?);
        font_refs.push((used.id, id));
    }

    let mut kids = Vec::with_capacity(pages.len());
    for (n, (page, content)) in pages.iter().zip(contents).enumerate() {
        let page_id = file.reserve();
        let content_id = file.stream(Vec::new(), content);
        let mut dict = b"<</Type/Page/Parent ".to_vec();
        reference(&mut dict, tree);
        // Where the page's marked content finds its structure elements, in the parent tree;
        // and annotations, if any, taken in the structure's order.
        dict.extend_from_slice(b"/Tabs/S/StructParents ");
        int(&mut dict, n as i64);
        dict.extend_from_slice(b"/MediaBox[0 0 ");
        num(&mut dict, page.width);
        dict.push(b' ');
        num(&mut dict, page.height);
        dict.extend_from_slice(b"]/Resources ");
        reference(&mut dict, resources);
        dict.extend_from_slice(b"/Contents ");
        reference(&mut dict, content_id);
        dict.extend_from_slice(b">>");
        file.set(page_id, dict);
        kids.push(page_id);
    }

    let mut dict = b"<</Type/Pages/Kids[".to_vec();
    for (i, kid) in kids.iter().enumerate() {
        if i > 0 {
            dict.push(b' ');
        }
        reference(&mut dict, *kid);
    }
    dict.extend_from_slice(format!("]/Count {}>>", kids.len()).as_bytes());
    file.set(tree, dict);

    let mut dict = b"<</Font<<".to_vec();
    for (face, id) in &font_refs {
        dict.extend_from_slice(format!("/F{}", face.0).as_bytes());
        dict.push(b' ');
        reference(&mut dict, *id);
    }
    dict.extend_from_slice(b">>>>");
    file.set(resources, dict);

    let tagged = marked.write(&mut file, &kids, pages);
    let archival = archive::write(&mut file, info);
    // The sheet's title, not its file name, in the viewer's title bar.
    let mut dict = b"<</Type/Catalog/Pages ".to_vec();
    reference(&mut dict, tree);
    dict.extend_from_slice(b"/PageLayout/OneColumn/ViewerPreferences<</DisplayDocTitle true>>");
    dict.extend_from_slice(&tagged);
    dict.extend_from_slice(&archival);
    dict.extend_from_slice(&attachments::write(
        &mut file,
        attachments,
        &pdf_date(info.created_unix),
    ));
    dict.extend_from_slice(b">>");
    file.set(catalog, dict);

    file.set(info_id, info_dict(info));
    let id = file_id(info, &kids, &file);
    Ok(file.finish(catalog, info_id, &id))
}

/// The document information dictionary.
fn info_dict(info: &Info) -> Vec<u8> {
    let date = pdf_date(info.created_unix);
    let mut dict = b"<<".to_vec();
    for (key, value) in [
        ("Title", info.title.as_str()),
        ("Author", &info.author),
        ("Subject", &info.subject),
        ("Keywords", &info.keywords.join(", ")),
        ("Creator", &info.creator),
        ("Producer", &info.creator),
        ("CreationDate", &date),
        ("ModDate", &date),
    ] {
        dict.push(b'/');
        dict.extend_from_slice(key.as_bytes());
        text_string(&mut dict, value);
    }
    dict.extend_from_slice(b">>");
    dict
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

/// A PDF text string: PDFDocEncoding when plain ASCII, else UTF-16 with a byte order mark.
fn text_string(out: &mut Vec<u8>, s: &str) {
    if s.bytes().all(|b| (0x20..0x7f).contains(&b)) {
        out.push(b'(');
        for b in s.bytes() {
            if matches!(b, b'(' | b')' | b'\\') {
                out.push(b'\\');
            }
            out.push(b);
        }
        out.push(b')');
    } else {
        out.extend_from_slice(b"<FEFF");
        for unit in s.encode_utf16() {
            hex16(out, unit);
        }
        out.push(b'>');
    }
}

fn hex16(out: &mut Vec<u8>, v: u16) {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    for shift in [12, 8, 4, 0] {
        out.push(HEX[usize::from(v >> shift & 0xF)]);
    }
}

fn reference(out: &mut Vec<u8>, id: u32) {
    int(out, i64::from(id));
    out.extend_from_slice(b" 0 R");
}

fn int(out: &mut Vec<u8>, v: i64) {
    let mut digits = [0u8; 20];
    let mut n = v.unsigned_abs();
    let mut at = digits.len();
    loop {
        at -= 1;
        digits[at] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    if v < 0 {
        out.push(b'-');
    }
    out.extend_from_slice(&digits[at..]);
}

/// A length in points, to the hundredth (0.0035 mm: finer than any printer resolves).
fn num(out: &mut Vec<u8>, v: f32) {
    hundredths(out, to_hundredths(v));
}

fn to_hundredths(v: f32) -> i64 {
    (f64::from(v) * 100.0).round() as i64
}

fn hundredths(out: &mut Vec<u8>, h: i64) {
    if h < 0 {
        out.push(b'-');
    }
    let h = h.unsigned_abs();
    int(out, (h / 100) as i64);
    let frac = h % 100;
    if frac != 0 {
        out.push(b'.');
        out.push(b'0' + (frac / 10) as u8);
        if !frac.is_multiple_of(10) {
            out.push(b'0' + (frac % 10) as u8);
        }
    }
}

/// A number in thousandths of an em (widths, `TJ` moves), to the hundredth.
fn thousandths(out: &mut Vec<u8>, v: f64) {
    hundredths(out, (v * 100.0).round() as i64);
}

/// The faces drawn so far, each with the glyphs it draws.
struct Drawn<'a> {
    fonts: &'a FontSet,
    /// By face index.
    faces: Vec<Option<UsedFace<'a>>>,
}

impl<'a> Drawn<'a> {
    fn new(fonts: &'a FontSet) -> Drawn<'a> {
        Drawn {
            fonts,
            faces: Vec::new(),
        }
    }

    fn face(&mut self, id: FaceId) -> &mut UsedFace<'a> {
        if self.faces.len() <= id.0 {
            self.faces.resize_with(id.0 + 1, || None);
        }
        let fonts = self.fonts;
        self.faces[id.0].get_or_insert_with(|| UsedFace::new(id, fonts.face(id)))
    }
}

/// One character id (CID) of an embedded face: a glyph and the text it stands for.
struct Cid {
    /// What the glyph reads as, in the ToUnicode map.
    text: Box<str>,
    /// The glyph in the original font.
    glyph: u16,
    /// In font units, from the font's metrics.
    advance: u16,
}

/// A face drawn on the sheet. TrueType faces give each pair of a glyph and its text a CID
/// of its own (from 1), mapped to the glyph by a CIDToGIDMap, so that two characters drawn
/// with one glyph still extract as what was typed, and a ligature as all its characters.
/// CFF faces are addressed by glyph (their subset's CIDs are its glyph ids), and a glyph
/// drawn for another text than the one its CID maps to is marked with that text.
struct UsedFace<'a> {
    id: FaceId,
    face: &'a Face,
    truetype: bool,
    /// 1000 divided by the face's units per em.
    scale: f64,
    glyphs: GlyphRemapper,
    /// Indexed by CID − 1.
    cids: Vec<Cid>,
    /// By glyph id: the CID of the glyph with the first text it was drawn for.
    by_glyph: Vec<u16>,
    /// CIDs of the other pairs, by glyph, text and width in font units.
    other: HashMap<(u16, Box<str>, u16), u16>,
}

impl<'a> UsedFace<'a> {
    fn new(id: FaceId, face: &'a Face) -> UsedFace<'a> {
        UsedFace {
            id,
            face,
            truetype: sfnt::table(face.bytes(), b"glyf").is_some(),
            scale: 1000.0 / f64::from(face.units_per_em()),
            glyphs: GlyphRemapper::new(),
            cids: Vec::new(),
            by_glyph: Vec::new(),
            other: HashMap::new(),
        }
    }

    /// The CID that draws `glyph` reading as `text`, with `advance` (font units) as its
    /// width when given, else the glyph's own; whether it reads back as `text`; and its
    /// width in the `W` array in thousandths of an em.
    fn cid(&mut self, glyph: u16, text: &str, advance: Option<u16>) -> (u16, bool, f64) {
        let slot = usize::from(glyph);
        let own = advance.is_none();
        if let Some(&cid) = self.by_glyph.get(slot).filter(|&&cid| cid != 0) {
            let known = &self.cids[usize::from(cid) - 1];
            if (*known.text == *text && own) || !self.truetype {
                return (cid, *known.text == *text, self.width(known.advance));
            }
            let advance = advance.unwrap_or(known.advance);
            if let Some(&cid) = self.other.get(&(glyph, Box::from(text), advance)) {
                return (cid, true, self.width(advance));
            }
        }
        let new_glyph = self.glyphs.remap(glyph);
        let advance = advance.unwrap_or_else(|| self.face.glyph_advance(glyph));
        let cid = Cid {
            text: Box::from(text),
            glyph,
            advance,
        };
        let code = if self.truetype && self.cids.len() == usize::from(u16::MAX) {
            // Every two-byte code is taken: the glyph is drawn with an earlier code for it,
            // and marked with its text.
            return match self.cids.iter().position(|c| c.glyph == glyph) {
                Some(i) => (i as u16 + 1, false, self.width(self.cids[i].advance)),
                None => (0, false, 0.0),
            };
        } else if self.truetype {
            self.cids.push(cid);
            self.cids.len() as u16
        } else {
            if usize::from(new_glyph) > self.cids.len() {
                self.cids.push(cid);
            }
            new_glyph
        };
        if self.by_glyph.len() <= slot {
            self.by_glyph.resize(slot + 1, 0);
        }
        if self.by_glyph[slot] == 0 && own {
            self.by_glyph[slot] = code;
        } else {
            self.other.insert((glyph, Box::from(text), advance), code);
        }
        let width = match self.cids.get(usize::from(code).wrapping_sub(1)) {
            Some(cid) => cid.advance,
            None => advance,
        };
        (code, true, self.width(width))
    }

    /// An advance in font units as written in the font's `W` array, in thousandths of an em.
    fn width(&self, advance: u16) -> f64 {
        round_hundredths(f64::from(advance) * self.scale)
    }
}

fn round_hundredths(v: f64) -> f64 {
    (v * 100.0).round() / 100.0
}

/// A face's font program cut down to the glyphs drawn, numbered as `glyphs` numbers them.
struct Subset {
    program: Vec<u8>,
    metrics: sfnt::Metrics,
}

impl Subset {
    fn new(face: &Face, glyphs: &GlyphRemapper) -> Result<Subset, String> {
        let bytes = face.bytes();
        let metrics = sfnt::Metrics::read(bytes).ok_or("its head or hhea table is unreadable")?;
        // Components of composite glyphs are numbered after the glyphs drawn, which keep
        // the numbers `glyphs` gave them.
        let program = subsetter::subset(bytes, 0, glyphs).map_err(|e| e.to_string())?;
        let program = sfnt::without_hinting(&program, FONT_TABLES).unwrap_or(program);
        Ok(Subset { program, metrics })
    }
}

/// Writes the objects of one embedded face; returns the id of its font dictionary.
fn write_font(file: &mut File, used: &UsedFace, subset: Subset) -> u32 {
    let m = subset.metrics;
    let scale = |v: i64| v * 1000 / i64::from(m.units_per_em);
    let name = base_font_name(used);

    // The font program.
    let length = subset.program.len();
    let program = if used.truetype {
        file.stream(format!("/Length1 {length}").into_bytes(), subset.program)
    } else {
        file.stream(b"/Subtype/OpenType".to_vec(), subset.program)
    };

    let mut d = b"<</Type/FontDescriptor/FontName/".to_vec();
    d.extend_from_slice(name.as_bytes());
    // Symbolic: glyphs are picked by CID, not through a standard Latin encoding.
    d.extend_from_slice(b"/Flags 4/FontBBox[");
    for (i, v) in m.bbox.iter().enumerate() {
        if i > 0 {
            d.push(b' ');
        }
        int(&mut d, scale(i64::from(*v)));
    }
    d.extend_from_slice(b"]/ItalicAngle ");
    num(&mut d, m.italic_angle);
    d.extend_from_slice(b"/Ascent ");
    int(&mut d, scale(i64::from(m.ascent)));
    d.extend_from_slice(b"/Descent ");
    int(&mut d, scale(i64::from(m.descent)));
    d.extend_from_slice(b"/CapHeight ");
    int(&mut d, scale(i64::from(m.cap_height)));
    // The dominant stem width, estimated from the weight class as is usual when a font
    // does not state it (it only guides substitution when a viewer cannot use the font).
    d.extend_from_slice(b"/StemV ");
    int(
        &mut d,
        10 + 220 * (i64::from(m.weight_class).max(50) - 50) / 900,
    );
    d.extend_from_slice(if used.truetype {
        b"/FontFile2 "
    } else {
        b"/FontFile3 "
    });
    reference(&mut d, program);
    d.extend_from_slice(b">>");
    let descriptor = file.add(d);

    let mut d = b"<</Type/Font/Subtype/".to_vec();
    d.extend_from_slice(if used.truetype {
        b"CIDFontType2"
    } else {
        b"CIDFontType0"
    });
    d.extend_from_slice(b"/BaseFont/");
    d.extend_from_slice(name.as_bytes());
    d.extend_from_slice(
        b"/CIDSystemInfo<</Registry(Adobe)/Ordering(Identity)/Supplement 0>>/FontDescriptor ",
    );
    reference(&mut d, descriptor);
    d.extend_from_slice(b"/W[1[");
    for (i, cid) in used.cids.iter().enumerate() {
        if i > 0 {
            d.push(b' ');
        }
        thousandths(
            &mut d,
            round_hundredths(f64::from(cid.advance) * used.scale),
        );
    }
    d.extend_from_slice(b"]]");
    if used.truetype {
        // CID n draws the subset's glyph for the nth character.
        let mut map = vec![0u8; 2 * (used.cids.len() + 1)];
        for (i, cid) in used.cids.iter().enumerate() {
            let glyph = used.glyphs.get(cid.glyph).unwrap_or(0);
            map[2 * (i + 1)..2 * (i + 2)].copy_from_slice(&glyph.to_be_bytes());
        }
        let map = file.stream(Vec::new(), map);
        d.extend_from_slice(b"/CIDToGIDMap ");
        reference(&mut d, map);
    }
    d.extend_from_slice(b">>");
    let cid_font = file.add(d);

    let to_unicode = file.stream(Vec::new(), to_unicode(&used.cids));
    let mut d = b"<</Type/Font/Subtype/Type0/BaseFont/".to_vec();
    d.extend_from_slice(name.as_bytes());
    d.extend_from_slice(b"/Encoding/Identity-H/DescendantFonts[");
    reference(&mut d, cid_font);
    d.extend_from_slice(b"]/ToUnicode ");
    reference(&mut d, to_unicode);
    d.extend_from_slice(b">>");
    file.add(d)
}

/// `ABCDEF+Name`: the tag (ISO 32000-1, 9.6.4) is drawn from what the subset holds, so the
/// same sheet gets the same name whether rendered alone or in a batch.
fn base_font_name(used: &UsedFace) -> String {
    let mut hash = Fnv::new().with(used.face.name.as_bytes());
    for cid in &used.cids {
        hash.write(cid.text.as_bytes());
        hash.write(&cid.glyph.to_le_bytes());
    }
    let postscript = sfnt::postscript_name(used.face.bytes()).unwrap_or_else(|| {
        std::path::Path::new(&used.face.name)
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default()
    });
    // A PDF name can hold these without escapes, and PostScript names are made of them.
    let clean: String = postscript
        .chars()
        .filter(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_')
        .take(56)
        .collect();
    let clean = if clean.is_empty() {
        format!("Face{}", used.id.0)
    } else {
        clean
    };
    format!("{}+{clean}", hash.letters(6))
}

/// The ToUnicode CMap (Adobe technical note 5411) from each CID to its character.
fn to_unicode(cids: &[Cid]) -> Vec<u8> {
    let mut out = Vec::with_capacity(300 + cids.len() * 16);
    out.extend_from_slice(
        b"/CIDInit/ProcSet findresource begin\n12 dict begin\nbegincmap\n\
/CIDSystemInfo<</Registry(Adobe)/Ordering(UCS)/Supplement 0>>def\n\
/CMapName/Adobe-Identity-UCS def\n/CMapType 2 def\n\
1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n",
    );
    // At most 100 entries to a block.
    for (block, chunk) in cids.chunks(100).enumerate() {
        int(&mut out, chunk.len() as i64);
        out.extend_from_slice(b" beginbfchar\n");
        for (i, cid) in chunk.iter().enumerate() {
            out.push(b'<');
            hex16(&mut out, (block * 100 + i + 1) as u16);
            out.extend_from_slice(b"> <");
            for unit in cid.text.encode_utf16() {
                hex16(&mut out, unit);
            }
            out.extend_from_slice(b">\n");
        }
        out.extend_from_slice(b"endbfchar\n");
    }
    out.extend_from_slice(b"endcmap\nCMapName currentdict/CMap defineresource pop\nend\nend\n");
    out
}

/// Turns items into content-stream operators, writing a state change only when the state
/// changes: consecutive texts share one text object, each line placed relative to the one
/// before, and font, colours and line width persist (PDF keeps them in the graphics state
/// across text objects).
struct Pen<'p, 'a> {
    out: Vec<u8>,
    height: f32,
    drawn: &'p mut Drawn<'a>,
    /// The start of the last line placed in the current text object, in hundredths.
    line: Option<(i64, i64)>,
    font: Option<(FaceId, f32)>,
    // PDF's initial graphics state: black fill and stroke, 1 pt lines.
    fill: f32,
    stroke: f32,
    line_width: f32,
}

impl<'p, 'a> Pen<'p, 'a> {
    fn new(height: f32, drawn: &'p mut Drawn<'a>) -> Pen<'p, 'a> {
        Pen {
            out: Vec::with_capacity(8 * 1024),
            height,
            drawn,
            line: None,
            font: None,
            fill: 0.0,
            stroke: 0.0,
            line_width: 1.0,
        }
    }

    fn end_text(&mut self) {
        if self.line.take().is_some() {
            self.out.extend_from_slice(b"ET\n");
        }
    }

    fn point(&mut self, x: f32, y_from_top: f32) {
        num(&mut self.out, x);
        self.out.push(b' ');
        num(&mut self.out, self.height - y_from_top);
    }

    fn fill(&mut self, g: f32) {
        if self.fill != g {
            num(&mut self.out, g);
            self.out.extend_from_slice(b" g\n");
            self.fill = g;
        }
    }

    fn stroke(&mut self, width: f32, g: f32) {
        if self.line_width != width {
            num(&mut self.out, width);
            self.out.extend_from_slice(b" w\n");
            self.line_width = width;
        }
        if self.stroke != g {
            num(&mut self.out, g);
            self.out.extend_from_slice(b" G\n");
            self.stroke = g;
        }
    }

    /// One glyph's two-byte code inside a string, escaped as PDF strings need.
    fn code(&mut self, cid: u16) {
        for b in cid.to_be_bytes() {
            // A bare end-of-line inside a string reads back as a line feed.
            match b {
                b'(' | b')' | b'\\' => self.out.extend_from_slice(&[b'\\', b]),
                b'\r' => self.out.extend_from_slice(b"\\r"),
                b'\n' => self.out.extend_from_slice(b"\\n"),
                _ => self.out.push(b),
            }
        }
    }

    fn draw_all(&mut self, items: &[Item]) {
        for item in items {
            self.draw(item);
        }
    }

    /// Draws a run's glyphs where the shaper placed them, in one `TJ` where it can.
    ///
    /// Text extractors read glyphs in the order they are shown, each as its ToUnicode
    /// text. So the glyphs are shown in reading order, cluster by cluster, each moved to
    /// its place (right-to-left text is shown from its right end leftwards); the glyphs of
    /// one cluster share out its characters in order. Then the text reads back as written
    /// whatever the shaper did: joined Arabic forms, reordered Indic vowel signs,
    /// conjuncts and ligatures alike.
    fn text(&mut self, run: &TextRun) {
        self.fill(0.0);
        let at = (
            to_hundredths(run.x),
            to_hundredths(self.height - run.baseline),
        );
        let (dx, dy) = match self.line {
            Some((lx, ly)) => (at.0 - lx, at.1 - ly),
            None => {
                self.out.extend_from_slice(b"BT\n");
                at
            }
        };
        self.line = Some(at);
        if self.font != Some((run.face, run.size)) {
            self.out.extend_from_slice(b"/F");
            int(&mut self.out, run.face.0 as i64);
            self.out.push(b' ');
            num(&mut self.out, run.size);
            self.out.extend_from_slice(b" Tf\n");
            self.font = Some((run.face, run.size));
        }
        hundredths(&mut self.out, dx);
        self.out.push(b' ');
        hundredths(&mut self.out, dy);
        self.out.extend_from_slice(b" Td\n");

        let scale = self.drawn.face(run.face).scale;
        // Where each glyph's pen position is, in thousandths of an em from the run's start.
        let mut pen = Vec::with_capacity(run.glyphs.len());
        let mut x = 0.0f64;
        for g in &run.glyphs {
            pen.push(x);
            x += f64::from(g.advance) * scale;
        }
        // Clusters in reading order; the glyphs of a cluster in the direction the text
        // runs, each where it is drawn, so readers that rebuild words from positions find
        // no gap or step back inside a word.
        let rtl = run
            .glyphs
            .windows(2)
            .any(|w| w[0].text.start > w[1].text.start);
        let place = |i: usize| pen[i] + f64::from(run.glyphs[i].x_offset) * scale;
        let mut order: Vec<usize> = (0..run.glyphs.len()).collect();
        order.sort_by(|&a, &b| {
            let (ga, gb) = (&run.glyphs[a], &run.glyphs[b]);
            ga.text.start.cmp(&gb.text.start).then_with(|| {
                let by_x = place(a).total_cmp(&place(b));
                if rtl {
                    by_x.reverse()
                } else {
                    by_x
                }
            })
        });

        // pdftotext takes a hyphen at the end of a line for a word broken across lines and
        // drops it, joining the lines; but every hyphen on a sheet is one somebody wrote
        // (lines never break with an added hyphen). Read as "- ", the hyphen stays.
        let hyphen_ends = run.ends_line && run.text.ends_with('-');
        // Poppler rebuilds words from where glyphs stand, and a mark set over its letter
        // (or a vowel sign drawn before it) reads to it as the start of a new word. In
        // text that runs left to right, such a run is marked with its text as well, which
        // poppler reads instead; MuPDF reads the glyphs' own text, in the order shown.
        let marked = rtl
            || (run.glyphs.windows(2).any(|w| w[0].text == w[1].text)
                || run
                    .glyphs
                    .iter()
                    .any(|g| g.advance == 0 || g.x_offset != 0 || g.y_offset != 0));
        if marked {
            let mut actual = run.text.clone();
            if hyphen_ends {
                actual.push(' ');
            }
            if rtl {
                // Poppler lays the marked text out left to right and then reverses what
                // reads right to left: it is given in the order drawn.
                actual = actual.chars().rev().collect();
            }
            self.begin_actual(&actual);
        }
        let mut outlines: Vec<(u16, f64, i32)> = Vec::new();
        let mut shown = Shown::default();
        // The pen of the text being shown, in thousandths of an em from the run's start.
        let mut at = 0.0f64;
        let mut k = 0;
        while k < order.len() {
            let range = run.glyphs[order[k]].text.clone();
            let mut end = k + 1;
            while end < order.len() && run.glyphs[order[end]].text == range {
                end += 1;
            }
            let cluster = &run.text[range.start as usize..range.end as usize];
            let hyphen = hyphen_ends && range.end as usize == run.text.len() && cluster == "-";
            if end == k + 1 && !hyphen && !(rtl && cluster.chars().nth(1).is_some()) {
                // The common case: one glyph that reads as its cluster.
                let i = order[k];
                let g = &run.glyphs[i];
                let used = self.drawn.face(run.face);
                let (cid, reads, width) = used.cid(g.id, cluster, None);
                if reads {
                    let rise =
                        (f64::from(g.y_offset) * scale / 1000.0 * f64::from(run.size)) as f32;
                    self.glyph(&mut shown, &mut at, cid, place(i), width, rise);
                    k = end;
                    continue;
                }
            }
            let shares = share(cluster, end - k);
            let mut exact = true;
            let mut codes = Vec::with_capacity(end - k);
            let chars = cluster.chars().count();
            if rtl && (end - k > 1 || chars > 1) {
                // Joined letters with marks or a ligature in right-to-left text: poppler
                // orders characters by where they stand and MuPDF by the order shown, and
                // a mark over a ligature stands nowhere that suits both. So the glyphs
                // are drawn as shapes, and the characters are shown invisibly, each over
                // its share of the cluster's width, right to left, in reading order.
                let left = order[k..end]
                    .iter()
                    .map(|&j| pen[j])
                    .fold(f64::MAX, f64::min);
                let right = order[k..end]
                    .iter()
                    .map(|&j| pen[j] + f64::from(run.glyphs[j].advance) * scale)
                    .fold(f64::MIN, f64::max);
                let each = (right - left).max(0.0) / chars as f64;
                let units = (each / scale).round().clamp(0.0, 65535.0) as u16;
                let id = run.glyphs[order[k]].id;
                for &j in &order[k..end] {
                    let g = &run.glyphs[j];
                    outlines.push((g.id, place(j), g.y_offset));
                }
                let used = self.drawn.face(run.face);
                for (n, c) in cluster.chars().enumerate() {
                    let mut buf = [0u8; 4];
                    let (cid, _, width) = used.cid(id, c.encode_utf8(&mut buf), Some(units));
                    let x = left + (chars - 1 - n) as f64 * each;
                    codes.push((cid, x, width, 0.0, true));
                }
            }
            // The last glyph with text in a cluster whose later glyphs have none spans them
            // too, so that no reader sees a gap where they stand.
            let last_with_text = shares.iter().rposition(|t| !t.is_empty());
            let spans_rest = last_with_text.filter(|&n| n + 1 < shares.len()).map(|n| {
                let i = order[k + n];
                let cluster_end = order[k..end]
                    .iter()
                    .map(|&j| pen[j] + f64::from(run.glyphs[j].advance) * scale)
                    .fold(0.0, f64::max);
                (
                    n,
                    ((cluster_end - place(i)) / scale)
                        .round()
                        .clamp(0.0, 65535.0) as u16,
                )
            });
            let simple = codes.is_empty();
            for (n, (&i, text)) in order[k..end].iter().zip(&shares).enumerate() {
                if !simple {
                    break;
                }
                let g = &run.glyphs[i];
                if text.is_empty() {
                    // A glyph that stands for no character of its own (the second part of
                    // a two-part vowel sign): drawn as a shape, so it adds nothing to the
                    // text.
                    outlines.push((g.id, place(i), g.y_offset));
                    continue;
                }
                let rise = (f64::from(g.y_offset) * scale / 1000.0 * f64::from(run.size)) as f32;
                let used = self.drawn.face(run.face);
                let advance = spans_rest.filter(|s| s.0 == n).map(|s| s.1);
                let (cid, reads, width) = used.cid(g.id, text, advance);
                exact &= reads;
                codes.push((cid, place(i), width, rise, false));
            }
            // A glyph of a CFF face drawn for another text than its code reads as.
            let actual = match () {
                _ if marked => None,
                _ if hyphen => Some("- "),
                _ if !exact => Some(cluster),
                _ => None,
            };
            if let Some(actual) = actual {
                shown.close(&mut self.out, &mut at);
                self.begin_actual(actual);
            }
            for (cid, target, width, rise, invisible) in codes {
                if invisible {
                    shown.close(&mut self.out, &mut at);
                    self.out.extend_from_slice(b"3 Tr\n");
                }
                self.glyph(&mut shown, &mut at, cid, target, width, rise);
                if invisible {
                    shown.close(&mut self.out, &mut at);
                    self.out.extend_from_slice(b"0 Tr\n");
                }
            }
            if actual.is_some() {
                shown.close(&mut self.out, &mut at);
                self.out.extend_from_slice(b"EMC\n");
            }
            k = end;
        }
        shown.close(&mut self.out, &mut at);
        if marked {
            self.out.extend_from_slice(b"EMC\n");
        }
        if !outlines.is_empty() {
            self.end_text();
            let face = self.drawn.fonts.face(run.face);
            let em = f64::from(run.size) / f64::from(face.units_per_em());
            for (id, x, y) in outlines {
                let x = f64::from(run.x) + x / 1000.0 * f64::from(run.size);
                let y = f64::from(self.height - run.baseline) + f64::from(y) * em;
                // Font units to points: a scale finer than the hundredths lengths are
                // written in.
                self.out.extend_from_slice(
                    format!("q {em:.7} 0 0 {em:.7} {x:.2} {y:.2} cm\n").as_bytes(),
                );
                let mut path = Outline::default();
                face.outline(id, &mut path);
                self.out.extend_from_slice(&path.out);
                self.out.extend_from_slice(b"f Q\n");
            }
        }
    }

    fn begin_actual(&mut self, text: &str) {
        self.out.extend_from_slice(b"/Span<</ActualText");
        text_string(&mut self.out, text);
        self.out.extend_from_slice(b">>BDC\n");
    }

    /// Shows one glyph at `target` (thousandths of an em from the run's start), raised by
    /// `rise` points; `at` is the pen, moved on by the glyph's `width` in the `W` array.
    fn glyph(
        &mut self,
        shown: &mut Shown,
        at: &mut f64,
        cid: u16,
        target: f64,
        width: f64,
        rise: f32,
    ) {
        if rise != 0.0 {
            // A mark raised or lowered: shown on its own, with a text rise.
            shown.close(&mut self.out, at);
            num(&mut self.out, rise);
            self.out.extend_from_slice(b" Ts\n");
        }
        shown.move_to(&mut self.out, at, target);
        if !shown.string {
            self.out.push(b'(');
            shown.string = true;
        }
        self.code(cid);
        *at += width;
        if rise != 0.0 {
            shown.close(&mut self.out, at);
            self.out.extend_from_slice(b"0 Ts\n");
        }
    }

    fn draw(&mut self, item: &Item) {
        match item {
            Item::Text(run) => self.text(run),
            Item::Line {
                from,
                to,
                width,
                grey,
            } => {
                self.end_text();
                self.stroke(*width, *grey);
                self.point(from.0, from.1);
                self.out.extend_from_slice(b" m ");
                self.point(to.0, to.1);
                self.out.extend_from_slice(b" l S\n");
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
                if let Some(f) = fill {
                    self.fill(*f);
                }
                if let Some((width, g)) = stroke {
                    self.stroke(*width, *g);
                }
                self.point(*x, y + h);
                self.out.push(b' ');
                num(&mut self.out, *w);
                self.out.push(b' ');
                num(&mut self.out, *h);
                self.out.extend_from_slice(match (fill, stroke) {
                    (Some(_), Some(_)) => b" re B\n",
                    (Some(_), None) => b" re f\n",
                    _ => b" re S\n",
                });
            }
            Item::Path { points, width } => {
                self.end_text();
                self.stroke(*width, 0.0);
                for (i, (x, y)) in points.iter().enumerate() {
                    self.point(*x, *y);
                    self.out
                        .extend_from_slice(if i == 0 { b" m " } else { b" l " });
                }
                self.out.extend_from_slice(b"S\n");
            }
            Item::Hidden { run, width } => self.hidden(run, *width),
        }
    }

    /// Draws `run` invisible (rendering mode 3), squeezed to `width` when it is wider.
    fn hidden(&mut self, run: &TextRun, width: f32) {
        let natural = run.width(self.drawn.fonts.face(run.face).units_per_em());
        self.end_text();
        self.out.extend_from_slice(b"3 Tr\n");
        if natural > width {
            num(&mut self.out, 100.0 * width / natural);
            self.out.extend_from_slice(b" Tz\n");
        }
        self.text(run);
        self.end_text();
        self.out.extend_from_slice(b"0 Tr\n");
        if natural > width {
            self.out.extend_from_slice(b"100 Tz\n");
        }
    }
}

/// The state of a `TJ` array being written.
#[derive(Default)]
struct Shown {
    array: bool,
    string: bool,
}

impl Shown {
    /// Moves the pen from `at` to `to` (thousandths of an em), opening the array if needed.
    fn move_to(&mut self, out: &mut Vec<u8>, at: &mut f64, to: f64) {
        if !self.array {
            out.push(b'[');
            self.array = true;
        }
        let by = round_hundredths(to - *at);
        if by != 0.0 {
            if self.string {
                out.push(b')');
                self.string = false;
            }
            // In a TJ array a number moves the pen left.
            thousandths(out, -by);
        }
        *at += by;
    }

    /// Ends the array. A new one starts where this one's pen was left.
    fn close(&mut self, out: &mut Vec<u8>, _at: &mut f64) {
        if self.array {
            if self.string {
                out.push(b')');
                self.string = false;
            }
            out.extend_from_slice(b"]TJ\n");
            self.array = false;
        }
    }
}

/// A glyph outline as PDF path operators, in font units.
#[derive(Default)]
struct Outline {
    out: Vec<u8>,
    at: (f32, f32),
}

impl Outline {
    fn point(&mut self, x: f32, y: f32) {
        for v in [x, y] {
            num(&mut self.out, v);
            self.out.push(b' ');
        }
    }
}

impl rustybuzz::ttf_parser::OutlineBuilder for Outline {
    fn move_to(&mut self, x: f32, y: f32) {
        self.point(x, y);
        self.out.extend_from_slice(b"m\n");
        self.at = (x, y);
    }

    fn line_to(&mut self, x: f32, y: f32) {
        self.point(x, y);
        self.out.extend_from_slice(b"l\n");
        self.at = (x, y);
    }

    fn quad_to(&mut self, x1: f32, y1: f32, x: f32, y: f32) {
        // The cubic Bézier curve that traces the same quadratic one.
        let (x0, y0) = self.at;
        self.curve_to(
            x0 + 2.0 / 3.0 * (x1 - x0),
            y0 + 2.0 / 3.0 * (y1 - y0),
            x + 2.0 / 3.0 * (x1 - x),
            y + 2.0 / 3.0 * (y1 - y),
            x,
            y,
        );
    }

    fn curve_to(&mut self, x1: f32, y1: f32, x2: f32, y2: f32, x: f32, y: f32) {
        self.point(x1, y1);
        self.point(x2, y2);
        self.point(x, y);
        self.out.extend_from_slice(b"c\n");
        self.at = (x, y);
    }

    fn close(&mut self) {
        self.out.extend_from_slice(b"h\n");
    }
}

/// A cluster's characters shared out in order among its `n` glyphs: one each, the last
/// glyph taking the rest; when there are more glyphs than characters, the extra glyphs
/// stand for nothing.
fn share(cluster: &str, n: usize) -> Vec<&str> {
    let mut out = Vec::with_capacity(n);
    let mut rest = cluster;
    for k in 0..n {
        if k + 1 == n {
            out.push(rest);
        } else {
            let len = rest.chars().next().map_or(0, char::len_utf8);
            out.push(&rest[..len]);
            rest = &rest[len..];
        }
    }
    out
}

/// The objects of one PDF file. Dictionaries are packed into an object stream; streams
/// stand on their own, as they must.
#[derive(Default)]
struct File {
    /// By object id − 1: a dictionary's bytes, or `None` for a stream (or one reserved).
    objects: Vec<Option<Vec<u8>>>,
    streams: Vec<Stream>,
}

struct Stream {
    id: u32,
    /// The entries of its dictionary other than Length and Filter.
    dict: Vec<u8>,
    data: Vec<u8>,
    /// Written as it is, uncompressed.
    plain: bool,
}

impl File {
    fn reserve(&mut self) -> u32 {
        self.objects.push(None);
        self.objects.len() as u32
    }

    fn set(&mut self, id: u32, dict: Vec<u8>) {
        self.objects[id as usize - 1] = Some(dict);
    }

    fn add(&mut self, dict: Vec<u8>) -> u32 {
        let id = self.reserve();
        self.set(id, dict);
        id
    }

    fn stream(&mut self, dict: Vec<u8>, data: Vec<u8>) -> u32 {
        let id = self.reserve();
        self.streams.push(Stream {
            id,
            dict,
            data,
            plain: false,
        });
        id
    }

    /// A stream left uncompressed, for readers that look for it without a PDF parser.
    fn plain_stream(&mut self, dict: Vec<u8>, data: Vec<u8>) -> u32 {
        let id = self.stream(dict, data);
        self.streams.last_mut().expect("just added").plain = true;
        id
    }

    /// The whole file: streams, the object stream, then the cross-reference stream.
    fn finish(mut self, catalog: u32, info: u32, id: &[u64; 2]) -> Vec<u8> {
        // Compression is the largest cost of writing a sheet, and the streams are independent.
        let compressed: Vec<Vec<u8>> = self
            .streams
            .par_iter()
            .map(|s| match s.plain {
                true => Vec::new(),
                false => deflate(&s.data),
            })
            .collect();

        let packed: Vec<(u32, Vec<u8>)> = self
            .objects
            .iter_mut()
            .enumerate()
            .filter_map(|(i, o)| o.take().map(|d| (i as u32 + 1, d)))
            .collect();
        let object_stream = self.reserve();
        let xref = self.reserve();
        let size = xref + 1;

        // Where each object is: (type, field 2, field 3) as in ISO 32000-1, 7.5.8.3.
        let mut entries = vec![(0u8, 0u64, 0xFFFFu16); size as usize];
        let mut out = Vec::with_capacity(
            1024 + compressed.iter().map(Vec::len).sum::<usize>()
                + packed.iter().map(|(_, d)| d.len() / 3).sum::<usize>(),
        );
        // The second line's bytes above 127 mark the file as binary for transfer tools.
        out.extend_from_slice(b"%PDF-1.7\n%\xE2\xE3\xCF\xD3\n");
        for (stream, data) in self.streams.iter().zip(&compressed) {
            entries[stream.id as usize] = (1, out.len() as u64, 0);
            if stream.plain {
                write_plain_stream(&mut out, stream.id, &stream.dict, &stream.data);
            } else {
                write_stream(&mut out, stream.id, &stream.dict, data);
            }
        }

        let mut header = Vec::new();
        let mut bodies = Vec::new();
        for (index, (id, dict)) in packed.iter().enumerate() {
            entries[*id as usize] = (2, u64::from(object_stream), index as u16);
            int(&mut header, i64::from(*id));
            header.push(b' ');
            int(&mut header, bodies.len() as i64);
            header.push(b' ');
            bodies.extend_from_slice(dict);
            bodies.push(b'\n');
        }
        let first = header.len();
        header.extend_from_slice(&bodies);
        let dict = format!("/Type/ObjStm/N {}/First {first}", packed.len()).into_bytes();
        entries[object_stream as usize] = (1, out.len() as u64, 0);
        write_stream(&mut out, object_stream, &dict, &deflate(&header));

        let xref_at = out.len() as u64;
        entries[xref as usize] = (1, xref_at, 0);
        let width = (1..8).find(|w| xref_at < 1 << (8 * w)).unwrap_or(8);
        let mut table = Vec::with_capacity(entries.len() * (3 + width));
        for (kind, field, generation) in entries {
            table.push(kind);
            table.extend_from_slice(&field.to_be_bytes()[8 - width..]);
            table.extend_from_slice(&generation.to_be_bytes());
        }
        let mut dict = format!("/Type/XRef/Size {size}/W[1 {width} 2]/Root ").into_bytes();
        reference(&mut dict, catalog);
        dict.extend_from_slice(b"/Info ");
        reference(&mut dict, info);
        dict.extend_from_slice(
            format!("/ID[<{0:016X}{1:016X}><{0:016X}{1:016X}>]", id[0], id[1]).as_bytes(),
        );
        write_stream(&mut out, xref, &dict, &deflate(&table));
        out.extend_from_slice(b"startxref\n");
        int(&mut out, xref_at as i64);
        out.extend_from_slice(b"\n%%EOF\n");
        out
    }
}

/// A stream whose `data` is already deflated.
fn write_stream(out: &mut Vec<u8>, id: u32, dict: &[u8], data: &[u8]) {
    let mut dict = dict.to_vec();
    dict.extend_from_slice(b"/Filter/FlateDecode");
    write_plain_stream(out, id, &dict, data);
}

/// The end of a stream's data. Data that ends in a carriage return gets a whole CR LF after
/// it: with a bare line feed, a reader would take the CR for part of the end of line and
/// count one byte fewer than /Length says (PDF/A checks that they agree).
fn end_stream(out: &mut Vec<u8>, data: &[u8]) {
    if data.last() == Some(&b'\r') {
        out.push(b'\r');
    }
    out.extend_from_slice(b"\nendstream\nendobj\n");
}

fn write_plain_stream(out: &mut Vec<u8>, id: u32, dict: &[u8], data: &[u8]) {
    int(out, i64::from(id));
    out.extend_from_slice(b" 0 obj\n<<");
    out.extend_from_slice(dict);
    out.extend_from_slice(b"/Length ");
    int(out, data.len() as i64);
    out.extend_from_slice(b">>\nstream\n");
    out.extend_from_slice(data);
    end_stream(out, data);
}

thread_local! {
    /// One compressor a thread, reset between streams: setting one up zeroes several
    /// hundred kilobytes of tables, more work than compressing a page.
    static DEFLATE: RefCell<flate2::Compress> =
        RefCell::new(flate2::Compress::new(flate2::Compression::default(), true));
}

/// `data` in zlib format (FlateDecode).
fn deflate(data: &[u8]) -> Vec<u8> {
    DEFLATE.with(|compressor| {
        let mut compressor = compressor.borrow_mut();
        compressor.reset();
        let mut out = Vec::with_capacity(data.len() / 2 + 64);
        loop {
            let consumed = compressor.total_in() as usize;
            let status = compressor
                .compress_vec(&data[consumed..], &mut out, flate2::FlushCompress::Finish)
                // Compressing into memory only fails on a full buffer, made room for below.
                .unwrap_or(flate2::Status::BufError);
            if status == flate2::Status::StreamEnd {
                return out;
            }
            out.reserve(out.capacity().max(64));
        }
    })
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

#[cfg(test)]
mod tests {
    use super::*;

    fn written(f: impl Fn(&mut Vec<u8>)) -> String {
        let mut out = Vec::new();
        f(&mut out);
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn lengths_are_written_to_the_hundredth_without_trailing_zeros() {
        for (v, s) in [
            (0.0, "0"),
            (10.0, "10"),
            (1.5, "1.5"),
            (595.276, "595.28"),
            (0.05, "0.05"),
            (-0.05, "-0.05"),
            (-2.25, "-2.25"),
            (-0.004, "0"),
            (841.89, "841.89"),
        ] {
            assert_eq!(written(|o| num(o, v)), s, "{v}");
        }
        assert_eq!(written(|o| int(o, -1234567)), "-1234567");
        assert_eq!(written(|o| int(o, i64::MIN)), i64::MIN.to_string());
    }

    #[test]
    fn text_strings_escape_or_switch_to_utf16() {
        assert_eq!(
            written(|o| text_string(o, r"O'Brien (Test) \ 100%")),
            r"(O'Brien \(Test\) \\ 100%)"
        );
        assert_eq!(written(|o| text_string(o, "Zoë")), "<FEFF005A006F00EB>");
        // Control characters are not left bare in a literal string.
        assert_eq!(written(|o| text_string(o, "a\nb")), "<FEFF0061000A0062>");
        assert_eq!(written(|o| text_string(o, "😀")), "<FEFFD83DDE00>");
    }

    #[test]
    fn a_face_out_of_codes_reuses_the_code_of_the_same_glyph() {
        let fonts = FontSet::embedded();
        let face = fonts.face(FaceId(0));
        let mut used = UsedFace::new(FaceId(0), face);
        let [a, b, c] = ['a', 'b', 'c'].map(|ch| face.glyph(ch).0);
        let code = |used: &mut UsedFace, g, t| {
            let (cid, reads, _) = used.cid(g, t, None);
            (cid, reads)
        };
        assert_eq!(
            (
                code(&mut used, a, "a"),
                code(&mut used, b, "b"),
                code(&mut used, a, "a")
            ),
            ((1, true), (2, true), (1, true))
        );
        // One glyph drawn for two texts (a ligature's text, say) gets a code for each, and
        // one drawn wider than itself too.
        assert_eq!(code(&mut used, a, "ä"), (3, true));
        assert_eq!(code(&mut used, a, "a"), (1, true));
        let (wide, _, width) = used.cid(a, "a", Some(2000));
        assert_eq!((wide, width), (4, 2000.0));
        // Fill every remaining code with stand-ins.
        while used.cids.len() < usize::from(u16::MAX) {
            used.cids.push(Cid {
                text: "z".into(),
                glyph: a.wrapping_add(1),
                advance: 0,
            });
        }
        // 'c' is new, but its glyph is not: none left, so a known glyph's code is reused,
        // and it does not read as the text.
        used.cids[10].glyph = c;
        assert_eq!(code(&mut used, c, "c"), (11, false));
        assert_eq!(used.cids.len(), usize::from(u16::MAX));
    }
}
