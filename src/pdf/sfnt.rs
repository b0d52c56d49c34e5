//! Just enough of the TrueType (sfnt) container to drop tables from a font program and add
//! glyphs to it. read-fonts reads the font; read-fonts does not write, so the tables that
//! change are written here.

use std::borrow::Cow;
use std::ops::Range;

use read_fonts::tables::glyf::{Anchor, Component, CompositeGlyph, CompositeGlyphFlags, Glyph};
use read_fonts::tables::head::Head;
use read_fonts::tables::loca::LocaGlyph;
use read_fonts::types::{GlyphId, NameId, Tag};
use read_fonts::{FontRef, TableProvider};

/// The sfnt checksum: the sum of big-endian 32-bit words, the last one zero-padded.
fn checksum(data: &[u8]) -> u32 {
    data.chunks(4).fold(0u32, |sum, chunk| {
        let mut word = [0u8; 4];
        word[..chunk.len()].copy_from_slice(chunk);
        sum.wrapping_add(u32::from_be_bytes(word))
    })
}

/// The first face of `font`, a font file or a collection.
fn face(font: &[u8]) -> Option<FontRef<'_>> {
    FontRef::from_index(font, 0).ok()
}

/// Every table of `face` in directory order; `None` when one lies outside the file, as a
/// font file made from the tables would be wrong.
fn tables<'a>(face: &FontRef<'a>) -> Option<Vec<(Tag, &'a [u8])>> {
    face.table_directory
        .table_records()
        .iter()
        .map(|record| {
            let tag = record.tag();
            Some((tag, face.table_data(tag)?.as_bytes()))
        })
        .collect()
}

/// One table of `font`.
pub fn table<'a>(font: &'a [u8], tag: &[u8; 4]) -> Option<&'a [u8]> {
    face(font)?.table_data(Tag::new(tag)).map(|d| d.as_bytes())
}

/// The font's PostScript name (name id 6), which PDF uses as the font's name.
pub fn postscript_name(font: &[u8]) -> Option<String> {
    let name = face(font)?.name().ok()?;
    let strings = name.string_data();
    for record in name.name_record() {
        if record.name_id() != NameId::POSTSCRIPT_NAME {
            continue;
        }
        let text: String = record.string(strings).ok()?.chars().collect();
        // An encoding read-fonts cannot decode reads as empty: another record may say it.
        if !text.is_empty() {
            return Some(text);
        }
    }
    None
}

/// A font's own figures for the PDF font descriptor, in font units.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Metrics {
    pub units_per_em: u16,
    /// xMin, yMin, xMax, yMax over all glyphs.
    pub bbox: [i16; 4],
    pub ascent: i16,
    pub descent: i16,
    pub cap_height: i16,
    pub italic_angle: f32,
    pub weight_class: u16,
}

impl Metrics {
    pub fn read(font: &[u8]) -> Option<Metrics> {
        let face = face(font)?;
        let head = face.head().ok()?;
        let hhea = face.hhea().ok()?;
        let os2 = face.os2().ok();
        let ascent = hhea.ascender().to_i16();
        Some(Metrics {
            units_per_em: head.units_per_em().max(16),
            bbox: [head.x_min(), head.y_min(), head.x_max(), head.y_max()],
            ascent,
            descent: hhea.descender().to_i16(),
            // sCapHeight exists from OS/2 version 2 on; the ascent stands in before that.
            cap_height: os2
                .as_ref()
                .and_then(|t| t.s_cap_height())
                .unwrap_or(ascent),
            italic_angle: face
                .post()
                .map(|t| t.italic_angle().to_f32())
                .unwrap_or(0.0),
            weight_class: os2.map(|t| t.us_weight_class()).unwrap_or(400),
        })
    }
}

/// Writes `value` over the field at `at` of a table's bytes; `None` where the table is
/// too short to hold it.
fn put(table: &mut [u8], at: Range<usize>, value: &[u8]) -> Option<()> {
    table.get_mut(at)?.copy_from_slice(value);
    Some(())
}

/// A TrueType font without hinting: no `fpgm`, `prep` or `cvt ` table, and no instructions
/// in any glyph, besides only the tables in `keep`. Hinting adjusts outlines to a screen's
/// pixel grid at small sizes; the sheet is made to be printed, and PDF viewers draw
/// TrueType outlines unhinted anyway, while the instructions are about half of a subset's
/// bytes. `None` when `font` has no `glyf` outlines or is not well formed.
pub fn without_hinting(font: &[u8], keep: &[&[u8; 4]]) -> Option<Vec<u8>> {
    let face = face(font)?;
    let all = tables(&face)?;
    let head = face.head().ok()?;
    let loca = face.loca(head.index_to_loc_format() != 0).ok()?;
    let glyf = face.glyf().ok()?;

    let mut new_glyf = Vec::with_capacity(glyf.offset_data().len());
    let mut starts = Vec::with_capacity(loca.len() + 1);
    for gid in 0..loca.len() {
        let glyph = loca.get(GlyphId::new(u32::try_from(gid).ok()?), &glyf)?;
        starts.push(new_glyf.len());
        if let Some(glyph) = glyph.glyph() {
            strip_glyph(glyph, &mut new_glyf)?;
        }
        // Short offsets count words, so every glyph starts on an even byte.
        new_glyf.resize(new_glyf.len().next_multiple_of(2), 0);
    }
    starts.push(new_glyf.len());
    let (mut new_loca, mut new_head) = loca_for(&starts, false, &head)?;

    let tables: Vec<([u8; 4], Cow<[u8]>)> = all
        .iter()
        .map(|&(tag, d)| (tag.to_be_bytes(), d))
        .filter(|(tag, _)| keep.contains(&tag) && !HINTING.contains(&tag))
        .map(|(tag, d)| {
            let data: Cow<[u8]> = match &tag {
                b"glyf" => std::mem::take(&mut new_glyf).into(),
                b"loca" => std::mem::take(&mut new_loca).into(),
                b"head" => std::mem::take(&mut new_head).into(),
                _ => d.into(),
            };
            (tag, data)
        })
        .collect();
    assemble(face.table_directory.sfnt_version(), tables)
}

/// The `loca` table for glyphs starting at `starts` (the last entry the end of the last
/// glyph), in short offsets where they fit and `long` is not asked for, and `head` with its
/// `indexToLocFormat` saying which.
fn loca_for(starts: &[usize], long: bool, head: &Head) -> Option<(Vec<u8>, Vec<u8>)> {
    let end = starts.last().copied().unwrap_or(0);
    let short = !long && end / 2 <= usize::from(u16::MAX);
    let mut loca = Vec::with_capacity(starts.len() * 4);
    for &s in starts {
        if short {
            loca.extend_from_slice(&((s / 2) as u16).to_be_bytes());
        } else {
            loca.extend_from_slice(&(s as u32).to_be_bytes());
        }
    }
    let mut new_head = head.offset_data().as_bytes().to_vec();
    put(
        &mut new_head,
        head.index_to_loc_format_byte_range(),
        &i16::from(!short).to_be_bytes(),
    )?;
    Some((loca, new_head))
}

const HINTING: &[&[u8; 4]] = &[b"fpgm", b"prep", b"cvt "];

/// The components of a composite glyph; `None` when its data ends before the last of them.
fn components(glyph: &CompositeGlyph) -> Option<Vec<Component>> {
    let all: Vec<Component> = glyph.components().collect();
    // read-fonts stops quietly where the data does: a last one announcing more was cut short.
    match all.last() {
        Some(last) if !last.flags.contains(CompositeGlyphFlags::MORE_COMPONENTS) => Some(all),
        _ => None,
    }
}

/// Appends `glyph` to `out` without its instructions.
fn strip_glyph(glyph: &Glyph, out: &mut Vec<u8>) -> Option<()> {
    match glyph {
        Glyph::Simple(simple) => {
            // Header and contour ends as they were, no instructions, the points as they were.
            // read-fonts reads the arrays lazily, empty where the glyph is cut short, so the
            // glyph is held to end after its instructions.
            let bytes = simple.offset_data().as_bytes();
            let points = bytes.get(simple.instructions_byte_range().end..)?;
            out.extend_from_slice(bytes.get(..simple.instruction_length_byte_range().start)?);
            out.extend_from_slice(&[0, 0]);
            out.extend_from_slice(points);
        }
        Glyph::Composite(composite) => {
            // The header, then every component, none announcing the instructions that
            // would follow the last.
            let bytes = composite.offset_data().as_bytes();
            out.extend_from_slice(bytes.get(..composite.y_max_byte_range().end)?);
            for component in components(composite)? {
                write_component(&component, out)?;
            }
        }
    }
    Some(())
}

/// Appends a composite glyph's component record, in the forms its flags choose, without
/// the flag announcing instructions.
fn write_component(c: &Component, out: &mut Vec<u8>) -> Option<()> {
    type Flags = CompositeGlyphFlags;
    let flags = c.flags - Flags::WE_HAVE_INSTRUCTIONS;
    out.extend_from_slice(&flags.bits().to_be_bytes());
    let gid = c.glyph.to_u32().to_be_bytes();
    out.extend_from_slice(if flags.contains(Flags::GID_IS_24_BIT) {
        &gid[1..]
    } else {
        &gid[2..]
    });
    let words = flags.contains(Flags::ARG_1_AND_2_ARE_WORDS);
    // Arguments were read as bytes or words as the flags said, so they fit again.
    let args = match c.anchor {
        Anchor::Offset { x, y } if words => [x, y].map(|v| v as u16),
        Anchor::Offset { x, y } => [x, y].map(|v| u16::from(v as i8 as u8)),
        Anchor::Point { base, component } => [base, component],
    };
    for arg in args {
        if words {
            out.extend_from_slice(&arg.to_be_bytes());
        } else {
            out.push(u8::try_from(arg).ok()?);
        }
    }
    let t = c.transform;
    let scale: &[_] = if flags.contains(Flags::WE_HAVE_A_SCALE) {
        &[t.xx]
    } else if flags.contains(Flags::WE_HAVE_AN_X_AND_Y_SCALE) {
        &[t.xx, t.yy]
    } else if flags.contains(Flags::WE_HAVE_A_TWO_BY_TWO) {
        &[t.xx, t.yx, t.xy, t.yy]
    } else {
        &[]
    };
    for v in scale {
        out.extend_from_slice(&v.to_bits().to_be_bytes());
    }
    Some(())
}

/// A glyph made of other glyphs of the font, each moved by an offset in font units: a
/// cluster the shaper drew with more glyphs than it has characters (a Thai sara am, a
/// Bengali two-part vowel sign, a Hebrew letter with a point set where its ink starts),
/// drawn by one code so that the code's text is the cluster's.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Composite {
    /// Glyph ids of the font it is added to, with their offsets right and up.
    pub parts: Vec<(u16, i16, i16)>,
    pub advance: u16,
}

/// The number of glyphs in `font` (`maxp.numGlyphs`).
pub fn glyph_count(font: &[u8]) -> Option<u16> {
    Some(face(font)?.maxp().ok()?.num_glyphs())
}

/// `font` with `composites` added as TrueType composite glyphs after its own, numbered
/// from its glyph count on, each with its advance in `hmtx`; `maxp`, `hhea` and `head`
/// are kept true to what it then holds. `None` when `font` has no `glyf` outlines, is not
/// well formed, or would hold more than 65,535 glyphs.
pub fn with_composites(font: &[u8], composites: &[Composite]) -> Option<Vec<u8>> {
    let face = face(font)?;
    let all = tables(&face)?;
    let (head, hhea, hmtx) = (face.head().ok()?, face.hhea().ok()?, face.hmtx().ok()?);
    let (maxp, glyf) = (face.maxp().ok()?, face.glyf().ok()?);
    let long = head.index_to_loc_format() != 0;
    let loca = face.loca(long).ok()?;
    let count = usize::from(maxp.num_glyphs());
    let total = count.checked_add(composites.len())?;
    if total > usize::from(u16::MAX) {
        return None;
    }
    let offset = |i: usize| loca.get_raw(i).map(|v| v as usize);
    let glyph = |gid: u16| -> Option<LocaGlyph> {
        if usize::from(gid) >= count {
            return None;
        }
        loca.get(GlyphId::from(gid), &glyf)
    };

    // Where each glyph starts; the end of the last is pushed once all are in.
    let mut starts: Vec<usize> = (0..count).map(offset).collect::<Option<_>>()?;
    let mut new_glyf = glyf.offset_data().as_bytes().get(..offset(count)?)?.to_vec();
    let mut metrics = Vec::with_capacity(composites.len());
    let (mut points, mut contours, mut elements, mut depth) = (0u16, 0u16, 0u16, 0u16);
    let mut bbox = [i16::MAX, i16::MAX, i16::MIN, i16::MIN];
    for composite in composites {
        let mut own = [i16::MAX, i16::MAX, i16::MIN, i16::MIN];
        let (mut p, mut c, mut d) = (0u16, 0u16, 1u16);
        for &(gid, dx, dy) in &composite.parts {
            let part = glyph(gid)?;
            let size = outline_size(&glyph, gid, 0)?;
            p = p.saturating_add(size.0);
            c = c.saturating_add(size.1);
            d = d.max(size.2 + 1);
            if let Some(part) = part.glyph() {
                own[0] = own[0].min(part.x_min().saturating_add(dx));
                own[1] = own[1].min(part.y_min().saturating_add(dy));
                own[2] = own[2].max(part.x_max().saturating_add(dx));
                own[3] = own[3].max(part.y_max().saturating_add(dy));
            }
        }
        new_glyf.resize(new_glyf.len().next_multiple_of(4), 0);
        starts.push(new_glyf.len());
        // Parts with no outline (a space) make an empty glyph; one with no parts is empty.
        if own[0] <= own[2] {
            new_glyf.extend_from_slice(&(-1i16).to_be_bytes());
            for v in own {
                new_glyf.extend_from_slice(&v.to_be_bytes());
            }
            type Flags = CompositeGlyphFlags;
            for (k, &(gid, dx, dy)) in composite.parts.iter().enumerate() {
                let mut flags = Flags::ARG_1_AND_2_ARE_WORDS | Flags::ARGS_ARE_XY_VALUES;
                if k + 1 < composite.parts.len() {
                    flags |= Flags::MORE_COMPONENTS;
                }
                new_glyf.extend_from_slice(&flags.bits().to_be_bytes());
                new_glyf.extend_from_slice(&gid.to_be_bytes());
                new_glyf.extend_from_slice(&dx.to_be_bytes());
                new_glyf.extend_from_slice(&dy.to_be_bytes());
            }
            for k in 0..2 {
                bbox[k] = bbox[k].min(own[k]);
                bbox[k + 2] = bbox[k + 2].max(own[k + 2]);
            }
            points = points.max(p);
            contours = contours.max(c);
            elements = elements.max(composite.parts.len().try_into().ok()?);
            depth = depth.max(d);
        }
        metrics.push((composite.advance, if own[0] <= own[2] { own[0] } else { 0 }));
    }
    new_glyf.resize(new_glyf.len().next_multiple_of(4), 0);
    starts.push(new_glyf.len());
    let (mut new_loca, mut new_head) = loca_for(&starts, long, &head)?;
    let bounds = [
        (head.x_min(), head.x_min_byte_range()),
        (head.y_min(), head.y_min_byte_range()),
        (head.x_max(), head.x_max_byte_range()),
        (head.y_max(), head.y_max_byte_range()),
    ];
    for (k, (old, at)) in bounds.into_iter().enumerate() {
        let v = if k < 2 { old.min(bbox[k]) } else { old.max(bbox[k]) };
        put(&mut new_head, at, &v.to_be_bytes())?;
    }

    // Every glyph with an advance of its own: read-fonts gives the ones after the font's
    // last long metric its advance, and the new ones each have theirs.
    let mut new_hmtx = Vec::with_capacity(4 * total);
    let mut widest = hhea.advance_width_max().to_u16();
    for i in 0..count {
        let gid = GlyphId::new(i as u32);
        new_hmtx.extend_from_slice(&hmtx.advance(gid)?.to_be_bytes());
        new_hmtx.extend_from_slice(&hmtx.side_bearing(gid)?.to_be_bytes());
    }
    for (advance, lsb) in metrics {
        widest = widest.max(advance);
        new_hmtx.extend_from_slice(&advance.to_be_bytes());
        new_hmtx.extend_from_slice(&lsb.to_be_bytes());
    }
    let mut new_hhea = hhea.offset_data().as_bytes().to_vec();
    put(&mut new_hhea, hhea.advance_width_max_byte_range(), &widest.to_be_bytes())?;
    let long_metrics = (total as u16).to_be_bytes();
    put(&mut new_hhea, hhea.number_of_h_metrics_byte_range(), &long_metrics)?;
    let mut new_maxp = maxp.offset_data().as_bytes().to_vec();
    put(&mut new_maxp, maxp.num_glyphs_byte_range(), &(total as u16).to_be_bytes())?;
    // Version 0.5 (CFF outlines) has only the glyph count.
    let most = [
        (maxp.max_points(), maxp.max_points_byte_range(), points),
        (maxp.max_contours(), maxp.max_contours_byte_range(), contours),
        (maxp.max_component_elements(), maxp.max_component_elements_byte_range(), elements),
        (maxp.max_component_depth(), maxp.max_component_depth_byte_range(), depth),
    ];
    for (old, at, v) in most {
        if let Some(old) = old {
            put(&mut new_maxp, at, &old.max(v).to_be_bytes())?;
        }
    }

    let tables: Vec<([u8; 4], Cow<[u8]>)> = all
        .iter()
        .map(|&(tag, d)| {
            let tag = tag.to_be_bytes();
            let data: Cow<[u8]> = match &tag {
                b"glyf" => std::mem::take(&mut new_glyf).into(),
                b"loca" => std::mem::take(&mut new_loca).into(),
                b"head" => std::mem::take(&mut new_head).into(),
                b"hhea" => std::mem::take(&mut new_hhea).into(),
                b"hmtx" => std::mem::take(&mut new_hmtx).into(),
                b"maxp" => std::mem::take(&mut new_maxp).into(),
                _ => d.into(),
            };
            (tag, data)
        })
        .collect();
    assemble(face.table_directory.sfnt_version(), tables)
}

/// The points, contours and nesting depth of glyph `gid`'s outline, its components' counted
/// in; `None` past a depth no font needs (a component loop).
fn outline_size<'f>(
    glyph: &dyn Fn(u16) -> Option<LocaGlyph<'f>>,
    gid: u16,
    depth: u16,
) -> Option<(u16, u16, u16)> {
    if depth > 8 {
        return None;
    }
    match glyph(gid)? {
        LocaGlyph::Empty => Some((0, 0, 0)),
        LocaGlyph::Glyph(Glyph::Simple(simple)) => {
            let contours = simple.number_of_contours() as u16;
            let ends = simple.end_pts_of_contours();
            // Read lazily: empty where the glyph is cut short before its last contour's end.
            if ends.len() != usize::from(contours) {
                return None;
            }
            let points = ends.last().map_or(0, |end| end.get().saturating_add(1));
            Some((points, contours, 0))
        }
        LocaGlyph::Glyph(Glyph::Composite(composite)) => {
            let (mut points, mut all, mut deepest) = (0u16, 0u16, 0u16);
            for component in components(&composite)? {
                let part = u16::try_from(component.glyph.to_u32()).ok()?;
                let (p, c, d) = outline_size(glyph, part, depth + 1)?;
                points = points.saturating_add(p);
                all = all.saturating_add(c);
                deepest = deepest.max(d + 1);
            }
            Some((points, all, deepest))
        }
    }
}

/// A font file from its tables: the directory, checksums and `head.checkSumAdjustment`.
fn assemble(version: u32, mut tables: Vec<([u8; 4], Cow<[u8]>)>) -> Option<Vec<u8>> {
    if !tables
        .iter()
        .any(|(tag, d)| tag == b"head" && d.len() >= 12)
    {
        return None;
    }
    tables.sort_by_key(|(tag, _)| *tag);

    let n = tables.len();
    let power = 1usize << (usize::BITS - 1 - n.leading_zeros());
    let search_range = power * 16;
    let size = 12 + 16 * n + tables.iter().map(|(_, d)| d.len() + 3).sum::<usize>();
    let mut out = Vec::with_capacity(size);
    out.extend_from_slice(&version.to_be_bytes());
    out.extend_from_slice(&(n as u16).to_be_bytes());
    out.extend_from_slice(&(search_range as u16).to_be_bytes());
    out.extend_from_slice(&(power.trailing_zeros() as u16).to_be_bytes());
    out.extend_from_slice(&((n * 16 - search_range) as u16).to_be_bytes());
    let mut offset = 12 + 16 * n;
    let mut head_at = 0;
    for (tag, data) in &tables {
        let sum = if tag == b"head" {
            head_at = offset;
            // The head checksum is taken with checkSumAdjustment as zero.
            let mut head = data.to_vec();
            head[8..12].fill(0);
            checksum(&head)
        } else {
            checksum(data)
        };
        out.extend_from_slice(tag);
        out.extend_from_slice(&sum.to_be_bytes());
        out.extend_from_slice(&(offset as u32).to_be_bytes());
        out.extend_from_slice(&(data.len() as u32).to_be_bytes());
        offset += data.len().next_multiple_of(4);
    }
    for (_, data) in &tables {
        out.extend_from_slice(data);
        out.resize(out.len().next_multiple_of(4), 0);
    }
    out[head_at + 8..head_at + 12].fill(0);
    let adjustment = 0xB1B0_AFBAu32.wrapping_sub(checksum(&out));
    out[head_at + 8..head_at + 12].copy_from_slice(&adjustment.to_be_bytes());
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use read_fonts::tables::glyf::SimpleGlyph;

    static NOTO: &[u8] = include_bytes!("../../fonts/NotoSans-Regular.ttf");

    fn tags(font: &[u8]) -> Vec<String> {
        let records = FontRef::new(font).unwrap().table_directory.table_records();
        records.iter().map(|r| r.tag().to_string()).collect()
    }

    const WITH_CMAP: &[&[u8; 4]] = &[
        b"cmap", b"cvt ", b"fpgm", b"glyf", b"head", b"hhea", b"hmtx", b"loca", b"maxp", b"prep",
    ];

    fn glyph(font: &[u8], gid: u16) -> Glyph<'_> {
        let font = FontRef::new(font).unwrap();
        let glyf = font.glyf().unwrap();
        let loca = font.loca(None).unwrap();
        loca.get_glyf(GlyphId::from(gid), &glyf).unwrap().unwrap()
    }

    /// The points of a glyph's outline, as the shaper's font reader draws them: unrounded,
    /// since a point implied between two off-curve points can lie on a half unit, which
    /// rounds away from zero the other way once a part is moved below the baseline.
    #[derive(Default)]
    struct Points(Vec<(f32, f32)>);

    impl harfrust::font::glyph::outline::PathSink for Points {
        fn move_to(&mut self, x: f32, y: f32) {
            self.0.push((x, y));
        }
        fn line_to(&mut self, x: f32, y: f32) {
            self.move_to(x, y);
        }
        fn quad_to(&mut self, _: f32, _: f32, x: f32, y: f32) {
            self.move_to(x, y);
        }
        fn curve_to(&mut self, _: f32, _: f32, _: f32, _: f32, x: f32, y: f32) {
            self.move_to(x, y);
        }
        fn close(&mut self) {}
    }

    #[test]
    fn a_composite_draws_its_parts_where_they_were_placed() {
        let mut fonts = crate::fonts::FontSet::embedded();
        let plain = fonts.add_fallback("noto", NOTO).unwrap();
        let (a, b) = (fonts.face(plain).glyph('A').0, fonts.face(plain).glyph('o').0);
        let count = glyph_count(NOTO).unwrap();
        let joined = [
            Composite {
                parts: vec![(a, 0, 0), (b, 700, -50)],
                advance: 1300,
            },
            Composite {
                parts: vec![(b, 0, 0)],
                advance: 600,
            },
        ];
        let font = with_composites(NOTO, &joined).expect("Noto takes composites");
        assert_eq!(glyph_count(&font), Some(count + 2));
        // Read back by the shaper's own font reader, not by this file's.
        let with = fonts.add_fallback("joined", &font).unwrap();
        let face = fonts.face(with);
        assert_eq!(face.glyph_advance(count), 1300);
        assert_eq!(face.glyph_advance(count + 1), 600);
        // The font's own glyphs are as they were.
        assert_eq!(face.glyph_advance(a), fonts.face(plain).glyph_advance(a));
        let mut drawn = Points::default();
        assert!(fonts.face(with).outline(count, &mut drawn));
        let (mut first, mut second) = (Points::default(), Points::default());
        assert!(fonts.face(plain).outline(a, &mut first));
        assert!(fonts.face(plain).outline(b, &mut second));
        // The composite draws the first part where it is and the second moved by (700, -50).
        let placed: Vec<_> = first.0.iter().copied()
            .chain(second.0.iter().map(|&(x, y)| (x + 700.0, y - 50.0)))
            .collect();
        assert_eq!(drawn.0, placed);
        // maxp says how many parts a composite has at most.
        let maxp = FontRef::new(&font).unwrap().maxp().unwrap();
        assert!(maxp.max_component_elements().unwrap() >= 2);
        assert!(with_composites(b"not a font", &joined).is_none());
    }

    #[test]
    fn hinting_goes_and_the_outlines_stay() {
        let slim = without_hinting(NOTO, WITH_CMAP).expect("Noto is a TrueType font");
        assert!(
            slim.len() < NOTO.len() * 3 / 4,
            "{} of {}",
            slim.len(),
            NOTO.len()
        );
        assert_eq!(
            tags(&slim),
            ["cmap", "glyf", "head", "hhea", "hmtx", "loca", "maxp"]
        );
        // The whole-file checksum of a correct font is the magic number.
        assert_eq!(checksum(&slim), 0xB1B0_AFBA);

        use ttf_parser::{Face, GlyphId};
        let font = Face::parse(&slim, 0).unwrap();
        let original = Face::parse(NOTO, 0).unwrap();
        let mut composites = 0;
        for c in ['a', 'W', 'é', 'Ж', 'ñ', 'Å', '1'] {
            let GlyphId(gid) = font.glyph_index(c).unwrap();
            assert_eq!(Some(GlyphId(gid)), original.glyph_index(c), "{c}");
            assert_eq!(
                font.glyph_hor_advance(GlyphId(gid)),
                original.glyph_hor_advance(GlyphId(gid)),
                "{c}"
            );
            match (glyph(NOTO, gid), glyph(&slim, gid)) {
                (Glyph::Simple(old), Glyph::Simple(new)) => {
                    // Same header and contour ends, no instructions, same points.
                    assert!(!old.instructions().is_empty(), "{c} was hinted");
                    assert!(new.instructions().is_empty(), "{c}");
                    assert_eq!(new.end_pts_of_contours(), old.end_pts_of_contours(), "{c}");
                    let bbox = |g: &SimpleGlyph| [g.x_min(), g.y_min(), g.x_max(), g.y_max()];
                    assert_eq!(bbox(&new), bbox(&old), "{c}");
                    assert!(new.points().eq(old.points()), "{c}");
                }
                (Glyph::Composite(old), Glyph::Composite(new)) => {
                    composites += 1;
                    // The same components, none announcing instructions.
                    assert!(new.components().eq(old.components().map(|mut c| {
                        c.flags -= CompositeGlyphFlags::WE_HAVE_INSTRUCTIONS;
                        c
                    })));
                    assert_eq!(new.instructions(), None, "{c}");
                }
                _ => panic!("{c} changed kind"),
            }
        }
        assert!(composites > 0, "accented letters are composites in Noto");
        assert!(
            without_hinting(&slim, WITH_CMAP).is_some_and(|again| again == slim),
            "stripping twice changes nothing more"
        );
    }

    #[test]
    fn reads_the_figures_a_pdf_font_descriptor_needs() {
        let m = Metrics::read(NOTO).unwrap();
        assert_eq!(m.units_per_em, 1000);
        assert_eq!((m.ascent, m.descent), (1069, -293));
        assert!(m.cap_height > 600 && m.cap_height < 800, "{}", m.cap_height);
        assert_eq!(m.italic_angle, 0.0);
        assert_eq!(m.weight_class, 400);
        assert!(m.bbox[0] < 0 && m.bbox[2] > 1000);
        assert_eq!(postscript_name(NOTO).as_deref(), Some("NotoSans-Regular"));
    }

    #[test]
    fn leaves_what_it_does_not_understand() {
        assert!(without_hinting(b"not a font at all", WITH_CMAP).is_none());
        assert!(without_hinting(&NOTO[..100], WITH_CMAP).is_none());
        assert!(Metrics::read(b"nothing").is_none());
        assert!(postscript_name(&NOTO[..64]).is_none());
    }
}
