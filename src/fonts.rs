//! The faces a sheet is set in, measured with their real glyph widths. A character the main
//! face lacks is taken from the next face that has it, so no word the patient wrote is lost.

use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, OnceLock};

use printpdf::font::AzulParsedFont;
use printpdf::ParsedFont;
use rust_fontconfig::FontBytes;

static NOTO_REGULAR: &[u8] = include_bytes!("../fonts/NotoSans-Regular.ttf");
static NOTO_BOLD: &[u8] = include_bytes!("../fonts/NotoSans-Bold.ttf");
static DEJAVU_REGULAR: &[u8] = include_bytes!("../fonts/DejaVuSans.ttf");
static DEJAVU_BOLD: &[u8] = include_bytes!("../fonts/DejaVuSans-Bold.ttf");

/// Drawn in place of a character no face has, so its absence is visible on paper.
pub const PLACEHOLDER: char = '\u{FFFD}';

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Weight {
    Regular,
    Bold,
}

/// Index of a face in its [`FontSet`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct FaceId(pub usize);

/// Characters whose glyph and advance a face remembers after the first lookup: Latin,
/// Greek, Cyrillic and the rest below U+0800, then General Punctuation to Arrows and
/// Mathematical Operators (U+2000–U+22FF: dashes, quotes, bullets, arrows).
const CACHED_LOW: u32 = 0x800;
const CACHED_HIGH: std::ops::Range<u32> = 0x2000..0x2300;
const CACHE_LEN: usize = CACHED_LOW as usize + 0x300;
/// Set in a cache slot once it holds a lookup result.
const KNOWN: u64 = 1 << 32;

pub struct Face {
    pub name: String,
    /// The font file: parsed the first time a character needs it, and subset into the PDF.
    source: Source,
    font: OnceLock<Parsed>,
    /// Per cached character: `KNOWN | advance << 16 | glyph id` (glyph 0: the face lacks it).
    glyphs: Box<[AtomicU64]>,
}

enum Source {
    Embedded(&'static [u8]),
    User(Arc<[u8]>),
}

struct Parsed {
    font: ParsedFont,
    units_per_em: f32,
}

fn parse(bytes: Arc<FontBytes>) -> Option<Parsed> {
    // The shared constructor keeps one copy of the bytes and reads the outlines only when
    // the face is subset for the PDF; the plain one copies the font twice up front.
    let font = AzulParsedFont::from_bytes_shared(bytes, 0, &mut Vec::new())?;
    let font = ParsedFont::from_azul(font);
    let units_per_em = f32::from(font.font_metrics.units_per_em).max(1.0);
    Some(Parsed { font, units_per_em })
}

impl Face {
    fn new(name: &str, source: Source, font: OnceLock<Parsed>) -> Face {
        Face {
            name: name.to_string(),
            source,
            font,
            glyphs: (0..CACHE_LEN).map(|_| AtomicU64::new(0)).collect(),
        }
    }

    /// A face built into the binary, parsed when first needed.
    fn embedded(name: &str, bytes: &'static [u8]) -> Face {
        Face::new(name, Source::Embedded(bytes), OnceLock::new())
    }

    /// A face from the user's file, parsed now so a bad file is reported at once.
    fn parse(name: &str, bytes: &[u8]) -> Option<Face> {
        let bytes: Arc<[u8]> = Arc::from(bytes);
        let parsed = parse(Arc::new(FontBytes::Owned(bytes.clone())))?;
        Some(Face::new(name, Source::User(bytes), OnceLock::from(parsed)))
    }

    fn parsed(&self) -> &Parsed {
        self.font.get_or_init(|| {
            parse(Arc::new(FontBytes::Owned(Arc::from(self.bytes()))))
                .expect("embedded font parses")
        })
    }

    /// The font file, for embedding.
    pub fn bytes(&self) -> &[u8] {
        match &self.source {
            Source::Embedded(bytes) => bytes,
            Source::User(bytes) => bytes,
        }
    }

    /// The parsed font.
    #[cfg(test)]
    fn font(&self) -> &ParsedFont {
        &self.parsed().font
    }

    /// Glyph id (0 when the face lacks `c`) and that glyph's advance in font units.
    pub fn glyph(&self, c: char) -> (u16, u16) {
        let cp = c as u32;
        let slot = if cp < CACHED_LOW {
            Some(cp as usize)
        } else if CACHED_HIGH.contains(&cp) {
            Some((CACHED_LOW + cp - CACHED_HIGH.start) as usize)
        } else {
            None
        };
        if let Some(slot) = slot {
            let v = self.glyphs[slot].load(Ordering::Relaxed);
            if v & KNOWN != 0 {
                return (v as u16, (v >> 16) as u16);
            }
        }
        let font = &self.parsed().font;
        let gid = font.lookup_glyph_index(cp).unwrap_or(0);
        let advance = font.get_horizontal_advance(gid);
        if let Some(slot) = slot {
            let v = KNOWN | u64::from(advance) << 16 | u64::from(gid);
            self.glyphs[slot].store(v, Ordering::Relaxed);
        }
        (gid, advance)
    }

    fn has(&self, c: char) -> bool {
        self.glyph(c).0 != 0
    }

    /// Advance of `c` in ems; the font must have it.
    pub fn advance(&self, c: char) -> f32 {
        f32::from(self.glyph(c).1) / self.parsed().units_per_em
    }
}

/// Text in one face, ready to draw.
#[derive(Debug, Clone, PartialEq)]
pub struct Run {
    pub face: FaceId,
    pub text: String,
    /// Width in ems (multiply by the font size for points).
    pub width_em: f32,
}

#[derive(Debug, Clone)]
pub struct FontError(pub String);

impl std::fmt::Display for FontError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for FontError {}

/// The faces of one document: a main regular and bold face, then fallbacks in order.
pub struct FontSet {
    faces: Vec<Face>,
    /// Faces to try for each weight, the main one first.
    regular: Vec<FaceId>,
    bold: Vec<FaceId>,
}

impl FontSet {
    /// Noto Sans, with DejaVu Sans for the symbols and scripts Noto lacks.
    pub fn embedded() -> FontSet {
        // Parsing is deferred: a sheet in plain Latin text never touches DejaVu.
        let faces = vec![
            Face::embedded("NotoSans-Regular", NOTO_REGULAR),
            Face::embedded("NotoSans-Bold", NOTO_BOLD),
            Face::embedded("DejaVuSans", DEJAVU_REGULAR),
            Face::embedded("DejaVuSans-Bold", DEJAVU_BOLD),
        ];
        FontSet {
            faces,
            regular: vec![FaceId(0), FaceId(2)],
            bold: vec![FaceId(1), FaceId(3)],
        }
    }

    /// Adds a user's font (for example a CJK font) as the last fallback for both weights.
    pub fn add_fallback(&mut self, name: &str, bytes: &[u8]) -> Result<FaceId, FontError> {
        let face = Face::parse(name, bytes).ok_or_else(|| {
            FontError(format!(
                "`{name}` is not a TrueType or OpenType font that can be read"
            ))
        })?;
        let id = FaceId(self.faces.len());
        self.faces.push(face);
        self.regular.push(id);
        self.bold.push(id);
        Ok(id)
    }

    pub fn face(&self, id: FaceId) -> &Face {
        &self.faces[id.0]
    }

    pub fn faces(&self) -> impl Iterator<Item = (FaceId, &Face)> {
        self.faces.iter().enumerate().map(|(i, f)| (FaceId(i), f))
    }

    fn chain(&self, weight: Weight) -> &[FaceId] {
        match weight {
            Weight::Regular => &self.regular,
            Weight::Bold => &self.bold,
        }
    }

    /// The face that draws `c`, the character actually drawn (the placeholder when none
    /// has it), and its advance in ems.
    fn pick(&self, c: char, weight: Weight) -> (FaceId, char, f32) {
        let chain = self.chain(weight);
        for wanted in [c, PLACEHOLDER] {
            for &id in chain {
                let face = &self.faces[id.0];
                let (glyph, advance) = face.glyph(wanted);
                if glyph != 0 {
                    return (id, wanted, f32::from(advance) / face.parsed().units_per_em);
                }
            }
        }
        (chain[0], '?', self.faces[chain[0].0].advance('?'))
    }

    /// Splits text into runs of one face each.
    pub fn runs(&self, text: &str, weight: Weight) -> Vec<Run> {
        let mut runs: Vec<Run> = Vec::new();
        for c in text.chars() {
            let (face, drawn, advance) = self.pick(c, weight);
            match runs.last_mut() {
                Some(run) if run.face == face => {
                    run.text.push(drawn);
                    run.width_em += advance;
                }
                _ => runs.push(Run {
                    face,
                    text: drawn.to_string(),
                    width_em: advance,
                }),
            }
        }
        runs
    }

    /// Width of `text` in points at `size`.
    pub fn width(&self, text: &str, weight: Weight, size: f32) -> f32 {
        text.chars().map(|c| self.pick(c, weight).2).sum::<f32>() * size
    }

    /// Characters of `text` that no face can draw (listed once each, in order).
    pub fn missing(&self, text: &str) -> Vec<char> {
        let mut out = Vec::new();
        for c in text.chars() {
            if c.is_whitespace() || out.contains(&c) {
                continue;
            }
            let drawable = [Weight::Regular, Weight::Bold]
                .iter()
                .any(|&w| self.chain(w).iter().any(|id| self.faces[id.0].has(c)));
            if !drawable {
                out.push(c);
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn widths_are_the_fonts_own() {
        let fonts = FontSet::embedded();
        // Measured independently: "Hello world" at 12 pt in Noto Sans is 64.356 pt.
        let w = fonts.width("Hello world", Weight::Regular, 12.0);
        assert!((w - 64.356).abs() < 0.01, "{w}");
        assert!(fonts.width("Hello world", Weight::Bold, 12.0) > w);
    }

    #[test]
    fn fallbacks_are_parsed_only_when_a_character_needs_them() {
        let fonts = FontSet::embedded();
        fonts.runs("Zoë Müller — “quoted”", Weight::Regular);
        assert!(fonts.missing("łódź Жизнь").is_empty());
        assert!(fonts.faces[2].font.get().is_none(), "DejaVu stays unparsed");
        let runs = fonts.runs("▲", Weight::Regular);
        assert_eq!(runs[0].face, FaceId(2));
        assert!(fonts.faces[2].font.get().is_some());
        assert!(
            fonts.faces[3].font.get().is_none(),
            "bold fallback not needed yet"
        );
    }

    #[test]
    fn remembered_glyphs_measure_as_the_font_does() {
        let fonts = FontSet::embedded();
        let face = &fonts.faces[0];
        for c in ['a', 'W', 'é', '—', '“', '中', '\u{1F600}'] {
            let first = face.glyph(c);
            let gid = face.font().lookup_glyph_index(c as u32).unwrap_or(0);
            assert_eq!(first, (gid, face.font().get_horizontal_advance(gid)), "{c}");
            assert_eq!(face.glyph(c), first, "{c} again, from the cache");
        }
    }

    #[test]
    fn symbols_fall_back_to_dejavu() {
        let fonts = FontSet::embedded();
        let runs = fonts.runs("done ☑ ok", Weight::Regular);
        assert_eq!(runs.len(), 3, "{runs:?}");
        assert_eq!(runs[1].face, FaceId(2));
        assert_eq!(runs[1].text, "☑");
    }

    #[test]
    fn characters_no_face_has_are_reported_and_replaced() {
        let fonts = FontSet::embedded();
        assert_eq!(fonts.missing("leg 中 cramp 中"), vec!['中']);
        assert!(fonts.missing("Zoë Жизнь αβγ łódź → ✓").is_empty());
        let drawn: String = fonts
            .runs("a中b", Weight::Regular)
            .iter()
            .map(|r| r.text.as_str())
            .collect();
        assert_eq!(drawn, format!("a{PLACEHOLDER}b"));
    }
}
