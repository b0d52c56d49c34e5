//! Embedded fonts: each face that draws something becomes a CID font with a subset of its
//! glyphs, their widths, and a ToUnicode map from each code to the characters it stands for.

use super::*;

/// The faces drawn so far, each with the glyphs it draws.
pub(super) struct Drawn<'a> {
    pub(super) fonts: &'a FontSet,
    /// By face index.
    pub(super) faces: Vec<Option<UsedFace<'a>>>,
}

impl<'a> Drawn<'a> {
    pub(super) fn new(fonts: &'a FontSet) -> Drawn<'a> {
        Drawn {
            fonts,
            faces: Vec::new(),
        }
    }

    pub(super) fn face(&mut self, id: FaceId) -> &mut UsedFace<'a> {
        if self.faces.len() <= id.0 {
            self.faces.resize_with(id.0 + 1, || None);
        }
        let fonts = self.fonts;
        self.faces[id.0].get_or_insert_with(|| UsedFace::new(id, fonts.face(id)))
    }
}

/// One character id (CID) of an embedded face: a glyph and the text it stands for.
pub(super) struct Cid {
    /// What the glyph reads as, in the ToUnicode map.
    pub(super) text: Box<str>,
    /// The glyph in the original font.
    pub(super) glyph: u16,
    /// In font units, from the font's metrics.
    pub(super) advance: u16,
    /// The glyph is the face's composite of this index, not `glyph` alone.
    pub(super) composite: Option<u16>,
}

/// A face drawn on the sheet. TrueType faces give each pair of a glyph and its text a CID
/// of its own (from 1), mapped to the glyph by a CIDToGIDMap, so that two characters drawn
/// with one glyph still extract as what was typed, and a ligature as all its characters.
/// CFF faces are addressed by glyph (their subset's CIDs are its glyph ids), and a glyph
/// drawn for another text than the one its CID maps to is marked with that text.
pub(super) struct UsedFace<'a> {
    pub(super) id: FaceId,
    pub(super) face: &'a Face,
    pub(super) truetype: bool,
    /// 1000 divided by the face's units per em.
    pub(super) scale: f64,
    pub(super) glyphs: GlyphRemapper,
    /// Indexed by CID − 1.
    pub(super) cids: Vec<Cid>,
    /// By glyph id: the CID of the glyph with the first text it was drawn for.
    pub(super) by_glyph: Vec<u16>,
    /// CIDs of the other pairs, by glyph, text and width in font units.
    pub(super) other: HashMap<(u16, Box<str>, u16), u16>,
    /// Glyphs made of several of the face's (TrueType faces only), added to its subset.
    pub(super) composites: Vec<sfnt::Composite>,
    /// The CID of each pair of a composite and its text.
    pub(super) composite_cids: HashMap<(u16, Box<str>), u16>,
}

impl<'a> UsedFace<'a> {
    pub(super) fn new(id: FaceId, face: &'a Face) -> UsedFace<'a> {
        UsedFace {
            id,
            face,
            truetype: sfnt::table(face.bytes(), b"glyf").is_some(),
            scale: 1000.0 / f64::from(face.units_per_em()),
            glyphs: GlyphRemapper::new(),
            cids: Vec::new(),
            by_glyph: Vec::new(),
            other: HashMap::new(),
            composites: Vec::new(),
            composite_cids: HashMap::new(),
        }
    }

    /// The CID that draws the glyphs `parts` (ids of the face, with offsets right and up in
    /// font units) as one glyph advancing by `advance`, reading as `text`, and its width in
    /// the `W` array; `None` where the face cannot hold it (a CFF face, or every code
    /// taken), and the parts are then to be drawn otherwise.
    pub(super) fn composite_cid(
        &mut self,
        parts: Vec<(u16, i16, i16)>,
        text: &str,
        advance: u16,
    ) -> Option<(u16, f64)> {
        if !self.truetype || parts.is_empty() {
            return None;
        }
        let composite = sfnt::Composite { parts, advance };
        let index = match self.composites.iter().position(|c| *c == composite) {
            Some(i) => i as u16,
            None => {
                let i = u16::try_from(self.composites.len()).ok()?;
                for &(part, _, _) in &composite.parts {
                    self.glyphs.remap(part);
                }
                self.composites.push(composite);
                i
            }
        };
        if let Some(&cid) = self.composite_cids.get(&(index, Box::from(text))) {
            return Some((cid, self.width(advance)));
        }
        if self.cids.len() >= usize::from(u16::MAX) {
            return None;
        }
        self.cids.push(Cid {
            text: Box::from(text),
            glyph: self.composites[usize::from(index)].parts[0].0,
            advance,
            composite: Some(index),
        });
        let cid = self.cids.len() as u16;
        self.composite_cids.insert((index, Box::from(text)), cid);
        Some((cid, self.width(advance)))
    }

    /// The CID that draws `glyph` reading as `text`, with `advance` (font units) as its
    /// width when given, else the glyph's own; whether it reads back as `text`; and its
    /// width in the `W` array in thousandths of an em.
    pub(super) fn cid(&mut self, glyph: u16, text: &str, advance: Option<u16>) -> (u16, bool, f64) {
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
            composite: None,
        };
        let code = if self.truetype && self.cids.len() == usize::from(u16::MAX) {
            // Every two-byte code is taken: the glyph is drawn with an earlier code for it,
            // and marked with its text.
            return match self.cids.iter().position(|c| c.glyph == glyph && c.composite.is_none()) {
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
    pub(super) fn width(&self, advance: u16) -> f64 {
        round_hundredths(f64::from(advance) * self.scale)
    }
}

/// A face's font program cut down to the glyphs drawn, numbered as `glyphs` numbers them.
pub(super) struct Subset {
    pub(super) program: Vec<u8>,
    pub(super) metrics: sfnt::Metrics,
    /// The subset's glyph id of the face's first composite; the others follow it.
    pub(super) first_composite: u16,
}

impl Subset {
    /// The subset of `face` holding `glyphs`, and `composites` of them (by the face's ids).
    pub(super) fn new(
        face: &Face,
        glyphs: &GlyphRemapper,
        composites: &[sfnt::Composite],
    ) -> Result<Subset, String> {
        let bytes = face.bytes();
        let metrics = sfnt::Metrics::read(bytes).ok_or("its head or hhea table is unreadable")?;
        // Components of composite glyphs are numbered after the glyphs drawn, which keep
        // the numbers `glyphs` gave them.
        let program = subsetter::subset(bytes, 0, glyphs).map_err(|e| e.to_string())?;
        let program = sfnt::without_hinting(&program, FONT_TABLES).unwrap_or(program);
        let first_composite = sfnt::glyph_count(&program).unwrap_or(0);
        if composites.is_empty() {
            return Ok(Subset {
                program,
                metrics,
                first_composite,
            });
        }
        let renumbered: Vec<sfnt::Composite> = composites
            .iter()
            .map(|c| sfnt::Composite {
                parts: c
                    .parts
                    .iter()
                    .map(|&(g, dx, dy)| (glyphs.get(g).unwrap_or(0), dx, dy))
                    .collect(),
                advance: c.advance,
            })
            .collect();
        let program = sfnt::with_composites(&program, &renumbered)
            .ok_or("its glyphs could not be joined into the clusters drawn")?;
        Ok(Subset {
            program,
            metrics,
            first_composite,
        })
    }
}

/// Writes the objects of one embedded face; returns the id of its font dictionary.
pub(super) fn write_font(file: &mut File, used: &UsedFace, subset: Subset) -> u32 {
    let name = base_font_name(used);
    let metrics = subset.metrics;
    // The font program.
    let length = subset.program.len();
    let program = if used.truetype {
        let mut dict = Dict::new();
        dict.int("Length1", length as i64);
        file.stream(dict, subset.program)
    } else {
        let mut dict = Dict::new();
        dict.name("Subtype", "OpenType");
        file.stream(dict, subset.program)
    };
    let descriptor = file.add(font_descriptor(&name, &metrics, used.truetype, program));
    let cid_font = write_cid_font(file, used, &name, descriptor, subset.first_composite);

    let to_unicode = file.stream(Dict::new(), to_unicode(&used.cids));
    let mut d = Dict::new();
    d.name("Type", "Font")
        .name("Subtype", "Type0")
        .name("BaseFont", &name)
        .name("Encoding", "Identity-H")
        .refs("DescendantFonts", &[cid_font])
        .reference("ToUnicode", to_unicode);
    file.add(d.finish())
}

/// The font descriptor: the face's metrics in thousandths of an em, and its program.
fn font_descriptor(name: &str, m: &sfnt::Metrics, truetype: bool, program: u32) -> Vec<u8> {
    let scale = |v: i64| v * 1000 / i64::from(m.units_per_em);
    let mut d = Dict::new();
    d.name("Type", "FontDescriptor")
        .name("FontName", name)
        // Symbolic: glyphs are picked by CID, not through a standard Latin encoding.
        .int("Flags", 4)
        .array("FontBBox", |a| {
            for v in m.bbox {
                a.int(scale(i64::from(v)));
            }
        })
        .num("ItalicAngle", m.italic_angle)
        .int("Ascent", scale(i64::from(m.ascent)))
        .int("Descent", scale(i64::from(m.descent)))
        .int("CapHeight", scale(i64::from(m.cap_height)))
        // The dominant stem width, estimated from the weight class as is usual when a font
        // does not state it (it only guides substitution when a viewer cannot use the font).
        .int(
            "StemV",
            10 + 220 * (i64::from(m.weight_class).max(50) - 50) / 900,
        )
        .reference(if truetype { "FontFile2" } else { "FontFile3" }, program);
    d.finish()
}

/// The CID font: each CID's advance width and, for a TrueType face, the glyph it draws.
fn write_cid_font(
    file: &mut File,
    used: &UsedFace,
    name: &str,
    descriptor: u32,
    first_composite: u16,
) -> u32 {
    let mut d = Dict::new();
    d.name("Type", "Font")
        .name(
            "Subtype",
            if used.truetype {
                "CIDFontType2"
            } else {
                "CIDFontType0"
            },
        )
        .name("BaseFont", name)
        .dict("CIDSystemInfo", |info| {
            info.text("Registry", "Adobe")
                .text("Ordering", "Identity")
                .int("Supplement", 0);
        })
        .reference("FontDescriptor", descriptor)
        .array("W", |w| {
            w.int(1).array(|widths| {
                for cid in &used.cids {
                    widths.num(round_hundredths(f64::from(cid.advance) * used.scale));
                }
            });
        });
    if used.truetype {
        // CID n draws the subset's glyph for the nth character.
        let mut map = vec![0u8; 2 * (used.cids.len() + 1)];
        for (i, cid) in used.cids.iter().enumerate() {
            let glyph = match cid.composite {
                Some(k) => first_composite.saturating_add(k),
                None => used.glyphs.get(cid.glyph).unwrap_or(0),
            };
            map[2 * (i + 1)..2 * (i + 2)].copy_from_slice(&glyph.to_be_bytes());
        }
        let map = file.stream(Dict::new(), map);
        d.reference("CIDToGIDMap", map);
    }
    file.add(d.finish())
}

/// `ABCDEF+Name`: the tag (ISO 32000-1, 9.6.4) is drawn from what the subset holds, so the
/// same sheet gets the same name whether rendered alone or in a batch.
pub(super) fn base_font_name(used: &UsedFace) -> String {
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
pub(super) fn to_unicode(cids: &[Cid]) -> Vec<u8> {
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
