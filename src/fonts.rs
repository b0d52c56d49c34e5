//! The faces a sheet is set in. One parser reads each font file (read-fonts, through the
//! harfrust shaper built on it) for character lookup, metrics, outlines and shaping alike;
//! it is made to read hostile files without panicking. A character the main face lacks is taken
//! from the next face that has it, so no word the patient wrote is lost.

use std::cell::RefCell;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, OnceLock};

use harfrust::font::glyph::outline::{DrawMemory, DrawOptions, PathSink};
use harfrust::{Buffer, Direction, GlyphId, Script, ShapeOptions, ShapePlan, ShaperFont};

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

/// A glyph as the shaper placed it, in font units; `cluster` is the byte offset of the
/// first character it stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ShapedGlyph {
    pub id: u16,
    pub advance: i32,
    pub x_offset: i32,
    pub y_offset: i32,
    pub cluster: u32,
    /// Breaking the text at the start of this glyph's cluster changes the shaping around it.
    pub unsafe_to_break: bool,
}

pub struct Face {
    pub name: String,
    /// The font as read-fonts reads it, sharing `source`'s bytes: a built-in face is read
    /// when a character first needs it.
    parsed: OnceLock<Option<Parsed>>,
    /// The font file: parsed the first time a character needs it, and subset into the PDF.
    source: Source,
    /// Per cached character: `KNOWN | advance << 16 | glyph id` (glyph 0: the face lacks it).
    glyphs: Box<[AtomicU64]>,
    /// Texts shaped before, by text and direction, with clusters from 0: a sheet repeats
    /// its labels, and a batch its guide's text on every sheet.
    shaped: Mutex<foldhash::HashMap<Box<str>, [Option<Shaped>; 3]>>,
}

/// A text's glyphs, for each direction it was shaped in (`None`, left, right).
type Shaped = Arc<[ShapedGlyph]>;

/// How many shaped texts a face remembers before it starts afresh.
const SHAPED_CACHE: usize = 8192;

enum Source {
    Embedded(&'static [u8]),
    User(Arc<Vec<u8>>),
}

struct Parsed {
    font: harfrust::Font,
    units_per_em: f32,
    /// Shaping plans by direction and script: making one reads the font's feature lists,
    /// far more work than shaping a line with it.
    plans: Mutex<Vec<Plan>>,
}

/// A shaping plan and the direction and script it was made for.
type Plan = (Direction, Option<Script>, Arc<ShapePlan>);

impl Parsed {
    fn new(font: harfrust::Font) -> Parsed {
        let units_per_em = f32::from(font.units_per_em()).max(1.0);
        Parsed {
            font,
            units_per_em,
            plans: Mutex::new(Vec::new()),
        }
    }

    fn plan(&self, direction: Direction, script: Option<Script>) -> Arc<ShapePlan> {
        let mut plans = self.plans.lock().unwrap_or_else(|e| e.into_inner());
        if let Some((_, _, plan)) = plans
            .iter()
            .find(|(d, s, _)| *d == direction && *s == script)
        {
            return plan.clone();
        }
        let plan = Arc::new(ShapePlan::new(&self.font, direction, script, None, &[]));
        plans.push((direction, script, plan.clone()));
        plan
    }
}

thread_local! {
    /// One shaping buffer a thread, reused from run to run.
    static BUFFER: RefCell<Option<Buffer>> = const { RefCell::new(None) };
}

impl Face {
    fn new(name: &str, source: Source, parsed: OnceLock<Option<Parsed>>) -> Face {
        Face {
            name: name.to_string(),
            parsed,
            source,
            glyphs: (0..CACHE_LEN).map(|_| AtomicU64::new(0)).collect(),
            shaped: Mutex::new(foldhash::HashMap::default()),
        }
    }

    /// A face built into the binary, parsed when first needed.
    fn embedded(name: &str, bytes: &'static [u8]) -> Face {
        Face::new(name, Source::Embedded(bytes), OnceLock::new())
    }

    /// A face from the user's file, parsed now so a bad file is reported at once.
    fn parse(name: &str, bytes: &[u8]) -> Option<Face> {
        let bytes = Arc::new(bytes.to_vec());
        let blob: Arc<dyn AsRef<[u8]> + Send + Sync> = bytes.clone();
        let font = harfrust::Font::new(blob, 0)?;
        // A font that maps no Unicode character, or has no glyphs, could draw nothing.
        let charmap = font.charmap();
        if !charmap.has_unicode() || font.num_glyphs() == 0 {
            return None;
        }
        Some(Face::new(
            name,
            Source::User(bytes),
            OnceLock::from(Some(Parsed::new(font))),
        ))
    }

    fn parsed(&self) -> &Parsed {
        self.parsed
            .get_or_init(|| match self.source {
                Source::Embedded(bytes) => harfrust::Font::new(bytes, 0).map(Parsed::new),
                Source::User(_) => None,
            })
            .as_ref()
            .expect("built-in fonts parse, and a user's font is parsed when added")
    }

    /// The font file, for embedding.
    pub fn bytes(&self) -> &[u8] {
        match &self.source {
            Source::Embedded(bytes) => bytes,
            Source::User(bytes) => bytes,
        }
    }

    /// Font units per em.
    pub fn units_per_em(&self) -> f32 {
        self.parsed().units_per_em
    }

    /// The advance width of glyph `id` in font units, as the font's metrics give it.
    pub fn glyph_advance(&self, id: u16) -> u16 {
        let advance = self
            .parsed()
            .font
            .glyph_metrics()
            .h_advance(GlyphId::new(id.into()));
        advance.clamp(0.0, f32::from(u16::MAX)) as u16
    }

    /// Traces glyph `id`'s outline, in font units; `false` when it has none.
    pub fn outline(&self, id: u16, sink: &mut dyn PathSink) -> bool {
        let font = &self.parsed().font;
        font.outline_glyphs()
            .get(GlyphId::new(id.into()))
            .is_some_and(|glyph| {
                glyph
                    .draw(&DrawOptions::new(), DrawMemory::Scratch, sink)
                    .is_ok()
            })
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
        let gid = self
            .parsed()
            .font
            .charmap()
            .map_unicode(c)
            .and_then(|g| u16::try_from(g.to_u32()).ok())
            .unwrap_or(0);
        let advance = self.glyph_advance(gid);
        if let Some(slot) = slot {
            let v = KNOWN | u64::from(advance) << 16 | u64::from(gid);
            self.glyphs[slot].store(v, Ordering::Relaxed);
        }
        (gid, advance)
    }

    pub fn has(&self, c: char) -> bool {
        self.glyph(c).0 != 0
    }

    /// Shapes `text`, all in one script, appending its glyphs in drawing order (left to
    /// right) to `out`, each cluster as a byte offset into `text` plus `base`. `rtl`: the
    /// direction, or `None` to take it from the script.
    pub fn shape(&self, text: &str, rtl: Option<bool>, base: u32, out: &mut Vec<ShapedGlyph>) {
        let slot = match rtl {
            None => 0,
            Some(false) => 1,
            Some(true) => 2,
        };
        let known = self
            .shaped
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .get(text)
            .and_then(|by_direction| by_direction[slot].clone());
        let glyphs = match known {
            Some(glyphs) => glyphs,
            None => {
                let mut fresh = Vec::new();
                self.shape_into(|buffer| buffer.push_str(text), rtl, &mut fresh);
                let glyphs: Shaped = fresh.into();
                let mut cache = self.shaped.lock().unwrap_or_else(|e| e.into_inner());
                if cache.len() >= SHAPED_CACHE {
                    cache.clear();
                }
                cache.entry(Box::from(text)).or_default()[slot] = Some(glyphs.clone());
                glyphs
            }
        };
        out.extend(glyphs.iter().map(|g| ShapedGlyph {
            cluster: g.cluster + base,
            ..*g
        }));
    }

    /// Shapes characters given with their cluster values (ascending), like [`Face::shape`].
    pub fn shape_chars(
        &self,
        chars: impl Iterator<Item = (char, u32)>,
        rtl: Option<bool>,
        out: &mut Vec<ShapedGlyph>,
    ) {
        let fill = |buffer: &mut Buffer| {
            for (c, cluster) in chars {
                buffer.push(c as u32, cluster);
            }
        };
        self.shape_into(fill, rtl, out);
    }

    /// Shapes what `fill` puts in an empty buffer, appending the glyphs to `out`.
    fn shape_into(
        &self,
        fill: impl FnOnce(&mut Buffer),
        rtl: Option<bool>,
        out: &mut Vec<ShapedGlyph>,
    ) {
        let parsed = self.parsed();
        let mut buffer = BUFFER.with(|b| b.borrow_mut().take()).unwrap_or_default();
        buffer.clear();
        fill(&mut buffer);
        match rtl {
            Some(true) => buffer.set_direction(Direction::RightToLeft),
            Some(false) => buffer.set_direction(Direction::LeftToRight),
            None => {}
        }
        buffer.guess_segment_properties();
        let plan = parsed.plan(buffer.direction(), buffer.script());
        let font = ShaperFont::new(&parsed.font);
        // Shaping refuses only a plan made for another direction or script; this one is
        // made for the buffer's own, and without a plan the shaper makes one the same way.
        let shaped = harfrust::shape(&font, &mut buffer, ShapeOptions::new().plan(Some(&plan)))
            .or_else(|_| harfrust::shape(&font, &mut buffer, ShapeOptions::new()));
        debug_assert!(shaped.is_ok(), "{shaped:?}");
        if shaped.is_ok() {
            out.extend(
                buffer
                    .glyph_infos()
                    .iter()
                    .zip(buffer.glyph_positions())
                    .map(|(info, pos)| ShapedGlyph {
                        id: u16::try_from(info.glyph_id).unwrap_or(0),
                        advance: pos.x_advance,
                        x_offset: pos.x_offset,
                        y_offset: pos.y_offset,
                        cluster: info.cluster,
                        unsafe_to_break: info.unsafe_to_break(),
                    }),
            );
        }
        BUFFER.with(|b| *b.borrow_mut() = Some(buffer));
    }
}

#[derive(Debug, Clone)]
pub struct FontError(pub String);

impl std::fmt::Display for FontError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for FontError {}

/// Characters that draw nothing but steer shaping (joiners, direction marks, variation
/// selectors): they go with the face around them and are never reported missing.
pub fn is_ignorable(c: char) -> bool {
    // Asked of every character of a sheet, most of them below the first of these.
    (c as u32) >= 0xAD
        && matches!(c as u32,
        0x00AD | 0x034F | 0x061C | 0x180B..=0x180F | 0x200B..=0x200F | 0x202A..=0x202E
        | 0x2060..=0x206F | 0xFE00..=0xFE0F | 0xFEFF | 0xE0000..=0xE0FFF)
}

/// The faces of one document: a main regular and bold face, then fallbacks in order.
pub struct FontSet {
    faces: Vec<Face>,
    /// Faces to try for each weight, the main one first.
    regular: Vec<FaceId>,
    bold: Vec<FaceId>,
    /// Unique to this set of faces in this process; see [`FontSet::generation`].
    generation: u64,
}

/// The next font set's generation.
static GENERATIONS: AtomicU64 = AtomicU64::new(0);

fn next_generation() -> u64 {
    GENERATIONS.fetch_add(1, Ordering::Relaxed)
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
            generation: next_generation(),
        }
    }

    /// A number no other font set of this process has, renewed whenever a face is added:
    /// text measured or set in one generation is set the same way every time, so it can
    /// be remembered by it.
    pub fn generation(&self) -> u64 {
        self.generation
    }

    /// Adds a user's font (for example an Arabic or CJK font) for both weights. It draws
    /// every character Noto Sans lacks that it has, before the built-in DejaVu Sans.
    pub fn add_fallback(&mut self, name: &str, bytes: &[u8]) -> Result<FaceId, FontError> {
        let face = Face::parse(name, bytes).ok_or_else(|| {
            FontError(format!(
                "`{name}` is not a TrueType or OpenType font that can be read"
            ))
        })?;
        let id = FaceId(self.faces.len());
        self.faces.push(face);
        for chain in [&mut self.regular, &mut self.bold] {
            let at = chain.len() - 1;
            chain.insert(at, id);
        }
        self.generation = next_generation();
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

    /// The first face of `weight`'s chain that has `c`, and the character it draws: `c`
    /// itself, or the placeholder when no face has `c`.
    pub fn pick(&self, c: char, weight: Weight) -> (FaceId, char) {
        let chain = self.chain(weight);
        for wanted in [c, PLACEHOLDER] {
            for &id in chain {
                if self.faces[id.0].has(wanted) {
                    return (id, wanted);
                }
            }
        }
        (chain[0], '?')
    }

    /// Characters of `text` that no face can draw (listed once each, in order).
    pub fn missing(&self, text: &str) -> Vec<char> {
        let mut out = Vec::new();
        for c in text.chars() {
            if c.is_whitespace() || is_ignorable(c) || out.contains(&c) {
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
    use crate::layout::text::{set_line, text_width};

    #[test]
    fn widths_are_the_fonts_own() {
        let fonts = FontSet::embedded();
        // Measured independently: "Hello world" at 12 pt in Noto Sans is 64.356 pt.
        let w = text_width(&fonts, "Hello world", Weight::Regular, 12.0);
        assert!((w - 64.356).abs() < 0.01, "{w}");
        assert!(text_width(&fonts, "Hello world", Weight::Bold, 12.0) > w);
    }

    #[test]
    fn latin_is_kerned() {
        let fonts = FontSet::embedded();
        for pair in ["AV", "To", "Yo", "LT"] {
            let apart: f32 = pair
                .chars()
                .map(|c| text_width(&fonts, &c.to_string(), Weight::Regular, 100.0))
                .sum();
            let kerned = text_width(&fonts, pair, Weight::Regular, 100.0);
            assert!(kerned < apart - 1.0, "{pair}: {kerned} vs {apart}");
        }
    }

    #[test]
    fn fallbacks_are_parsed_only_when_a_character_needs_them() {
        let fonts = FontSet::embedded();
        set_line(
            &fonts,
            "Zoë Müller — “quoted”",
            Weight::Regular,
            0.0,
            0.0,
            10.0,
        );
        assert!(fonts.missing("łódź Жизнь").is_empty());
        assert!(
            fonts.faces[2].parsed.get().is_none(),
            "DejaVu stays unparsed"
        );
        let runs = set_line(&fonts, "▲", Weight::Regular, 0.0, 0.0, 10.0);
        assert_eq!(runs[0].face, FaceId(2));
        assert!(fonts.faces[2].parsed.get().is_some());
        assert!(
            fonts.faces[3].parsed.get().is_none(),
            "bold fallback not needed yet"
        );
    }

    #[test]
    fn remembered_glyphs_measure_as_the_font_does() {
        let fonts = FontSet::embedded();
        let face = &fonts.faces[0];
        let independent = ttf_parser::Face::parse(NOTO_REGULAR, 0).unwrap();
        for c in ['a', 'W', 'é', '—', '“', '中', '\u{1F600}'] {
            let first = face.glyph(c);
            let gid = independent.glyph_index(c).unwrap_or_default();
            let advance = independent.glyph_hor_advance(gid).unwrap_or(0);
            assert_eq!(first, (gid.0, advance), "{c}");
            assert_eq!(face.glyph(c), first, "{c} again, from the cache");
        }
    }

    #[test]
    fn symbols_fall_back_to_dejavu() {
        let fonts = FontSet::embedded();
        let runs = set_line(&fonts, "done ☑ ok", Weight::Regular, 0.0, 0.0, 10.0);
        assert_eq!(runs.len(), 3, "{runs:?}");
        assert_eq!(runs[1].face, FaceId(2));
        assert_eq!(runs[1].text, "☑ ");
    }

    #[test]
    fn characters_no_face_has_are_reported_and_replaced() {
        let fonts = FontSet::embedded();
        assert_eq!(fonts.missing("leg 中 cramp 中"), vec!['中']);
        assert!(fonts.missing("Zoë Жизнь αβγ łódź → ✓").is_empty());
        let runs = set_line(&fonts, "a中b", Weight::Regular, 0.0, 0.0, 10.0);
        // Drawn with the placeholder's glyph, and still read as what was written.
        assert_eq!(runs.len(), 1, "{runs:?}");
        assert_eq!(runs[0].text, "a中b");
        let placeholder = fonts.face(runs[0].face).glyph(PLACEHOLDER).0;
        assert_ne!(placeholder, 0);
        assert_eq!(runs[0].glyphs[1].id, placeholder);
        assert_eq!(runs[0].glyphs[1].text, 1..4);
    }

    #[test]
    fn the_users_font_comes_before_the_built_in_fallback() {
        let path = "/usr/share/fonts/truetype/noto/NotoSansArabic-Regular.ttf";
        let bytes = std::fs::read(path)
            .unwrap_or_else(|e| panic!("{path}: {e} (scripts/test.sh installs fonts-noto-core)"));
        let mut fonts = FontSet::embedded();
        assert_eq!(
            fonts.pick('ع', Weight::Regular).0,
            FaceId(2),
            "DejaVu has Arabic"
        );
        let arabic = fonts.add_fallback("NotoSansArabic", &bytes).unwrap();
        for weight in [Weight::Regular, Weight::Bold] {
            assert_eq!(fonts.pick('ع', weight).0, arabic);
            // What Noto Sans has stays in Noto Sans; what neither has, in DejaVu.
            assert_eq!(fonts.pick('a', weight).0, fonts.chain(weight)[0]);
            assert_eq!(
                fonts.pick('☑', weight).0,
                *fonts.chain(weight).last().unwrap()
            );
        }
    }
}
