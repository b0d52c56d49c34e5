//! Just enough of the TrueType (sfnt) container to drop tables from a font program.

fn u16_at(b: &[u8], at: usize) -> Option<u16> {
    Some(u16::from_be_bytes(b.get(at..at + 2)?.try_into().ok()?))
}

fn u32_at(b: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_be_bytes(b.get(at..at + 4)?.try_into().ok()?))
}

/// The sfnt checksum: the sum of big-endian 32-bit words, the last one zero-padded.
fn checksum(data: &[u8]) -> u32 {
    data.chunks(4).fold(0u32, |sum, chunk| {
        let mut word = [0u8; 4];
        word[..chunk.len()].copy_from_slice(chunk);
        sum.wrapping_add(u32::from_be_bytes(word))
    })
}

/// A table's tag and bytes.
type Table<'a> = ([u8; 4], &'a [u8]);

/// The sfnt version and table directory of `font` (the first face of a collection).
fn tables(font: &[u8]) -> Option<(u32, Vec<Table<'_>>)> {
    let (font_start, version) = match u32_at(font, 0)? {
        0x7474_6366 /* "ttcf" */ => {
            let at = u32_at(font, 12)? as usize;
            (at, u32_at(font, at)?)
        }
        v => (0, v),
    };
    let count = usize::from(u16_at(font, font_start + 4)?);
    let mut out = Vec::with_capacity(count);
    for i in 0..count {
        let record = font_start + 12 + 16 * i;
        let tag: [u8; 4] = font.get(record..record + 4)?.try_into().ok()?;
        let offset = u32_at(font, record + 8)? as usize;
        let len = u32_at(font, record + 12)? as usize;
        out.push((tag, font.get(offset..offset.checked_add(len)?)?));
    }
    Some((version, out))
}

/// One table of `font`.
pub fn table<'a>(font: &'a [u8], tag: &[u8; 4]) -> Option<&'a [u8]> {
    tables(font)?
        .1
        .into_iter()
        .find(|(t, _)| t == tag)
        .map(|(_, d)| d)
}

/// The font's PostScript name (name id 6), which PDF uses as the font's name.
pub fn postscript_name(font: &[u8]) -> Option<String> {
    let name = table(font, b"name")?;
    let count = usize::from(u16_at(name, 2)?);
    let strings = usize::from(u16_at(name, 4)?);
    for i in 0..count {
        let record = 6 + 12 * i;
        let (platform, id) = (u16_at(name, record)?, u16_at(name, record + 6)?);
        if id != 6 {
            continue;
        }
        let len = usize::from(u16_at(name, record + 8)?);
        let at = strings + usize::from(u16_at(name, record + 10)?);
        let bytes = name.get(at..at + len)?;
        let text = match platform {
            // Windows and Unicode platforms: UTF-16BE.
            0 | 3 => String::from_utf16_lossy(
                &bytes
                    .chunks_exact(2)
                    .map(|c| u16::from_be_bytes([c[0], c[1]]))
                    .collect::<Vec<_>>(),
            ),
            _ => bytes.iter().map(|&b| char::from(b)).collect(),
        };
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
        let (_, all) = tables(font)?;
        let table = |tag: &[u8; 4]| all.iter().find(|(t, _)| t == tag).map(|(_, d)| *d);
        let head = table(b"head")?;
        let hhea = table(b"hhea")?;
        let i16_at = |b: &[u8], at| u16_at(b, at).map(|v| v as i16);
        let os2 = table(b"OS/2");
        let post = table(b"post");
        let ascent = i16_at(hhea, 4)?;
        Some(Metrics {
            units_per_em: u16_at(head, 18)?.max(16),
            bbox: [
                i16_at(head, 36)?,
                i16_at(head, 38)?,
                i16_at(head, 40)?,
                i16_at(head, 42)?,
            ],
            ascent,
            descent: i16_at(hhea, 6)?,
            // sCapHeight exists from OS/2 version 2 on; the ascent stands in before that.
            cap_height: os2
                .filter(|t| u16_at(t, 0).is_some_and(|v| v >= 2))
                .and_then(|t| i16_at(t, 88))
                .unwrap_or(ascent),
            italic_angle: post
                .and_then(|t| u32_at(t, 4))
                .map(|fixed| fixed as i32 as f32 / 65536.0)
                .unwrap_or(0.0),
            weight_class: os2.and_then(|t| u16_at(t, 4)).unwrap_or(400),
        })
    }
}

/// A TrueType font without hinting: no `fpgm`, `prep` or `cvt ` table, and no instructions
/// in any glyph, besides only the tables in `keep`. Hinting adjusts outlines to a screen's
/// pixel grid at small sizes; the sheet is made to be printed, and PDF viewers draw
/// TrueType outlines unhinted anyway, while the instructions are about half of a subset's
/// bytes. `None` when `font` has no `glyf` outlines or is not well formed.
pub fn without_hinting(font: &[u8], keep: &[&[u8; 4]]) -> Option<Vec<u8>> {
    let (version, all) = tables(font)?;
    let find = |tag: &[u8; 4]| all.iter().find(|(t, _)| t == tag).map(|(_, d)| *d);
    let head = find(b"head")?;
    let loca = find(b"loca")?;
    let glyf = find(b"glyf")?;
    let long = u16_at(head, 50)? != 0;
    let entries = if long { loca.len() / 4 } else { loca.len() / 2 };
    let offset = |i: usize| -> Option<usize> {
        if long {
            u32_at(loca, 4 * i).map(|v| v as usize)
        } else {
            u16_at(loca, 2 * i).map(|v| 2 * usize::from(v))
        }
    };

    let mut new_glyf = Vec::with_capacity(glyf.len());
    let mut starts = Vec::with_capacity(entries);
    for i in 0..entries.saturating_sub(1) {
        let glyph = glyf.get(offset(i)?..offset(i + 1)?)?;
        starts.push(new_glyf.len());
        strip_glyph(glyph, &mut new_glyf)?;
        // Short offsets count words, so every glyph starts on an even byte.
        new_glyf.resize(new_glyf.len().next_multiple_of(2), 0);
    }
    starts.push(new_glyf.len());
    let (mut new_loca, mut new_head) = loca_for(&starts, false, head)?;

    let tables: Vec<([u8; 4], std::borrow::Cow<[u8]>)> = all
        .iter()
        .filter(|(tag, _)| keep.contains(&tag) && !HINTING.contains(&tag))
        .map(|(tag, d)| {
            let data: std::borrow::Cow<[u8]> = match tag {
                b"glyf" => std::mem::take(&mut new_glyf).into(),
                b"loca" => std::mem::take(&mut new_loca).into(),
                b"head" => std::mem::take(&mut new_head).into(),
                _ => (*d).into(),
            };
            (*tag, data)
        })
        .collect();
    assemble(version, tables)
}

/// The `loca` table for glyphs starting at `starts` (the last entry the end of the last
/// glyph), in short offsets where they fit and `long` is not asked for, and `head` with its
/// `indexToLocFormat` saying which.
fn loca_for(starts: &[usize], long: bool, head: &[u8]) -> Option<(Vec<u8>, Vec<u8>)> {
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
    let mut head = head.to_vec();
    head.get_mut(50..52)?
        .copy_from_slice(&u16::from(!short).to_be_bytes());
    Some((loca, head))
}

const HINTING: &[&[u8; 4]] = &[b"fpgm", b"prep", b"cvt "];

/// Appends `glyph` to `out` without its instructions.
fn strip_glyph(glyph: &[u8], out: &mut Vec<u8>) -> Option<()> {
    if glyph.is_empty() {
        return Some(());
    }
    let contours = u16_at(glyph, 0)? as i16;
    if contours >= 0 {
        // Header, the contours' end points, then the instructions' length and bytes.
        let at = 10 + 2 * contours as usize;
        let len = usize::from(u16_at(glyph, at)?);
        out.extend_from_slice(glyph.get(..at)?);
        out.extend_from_slice(&[0, 0]);
        out.extend_from_slice(glyph.get(at + 2 + len..)?);
        return Some(());
    }
    // A composite: components up to the last, whose flags may announce instructions after it.
    const ARGS_ARE_WORDS: u16 = 0x0001;
    const SCALE: u16 = 0x0008;
    const MORE: u16 = 0x0020;
    const XY_SCALE: u16 = 0x0040;
    const TWO_BY_TWO: u16 = 0x0080;
    const INSTRUCTIONS: u16 = 0x0100;
    out.extend_from_slice(glyph.get(..10)?);
    let mut at = 10;
    loop {
        let flags = u16_at(glyph, at)?;
        let mut len = 4 + if flags & ARGS_ARE_WORDS != 0 { 4 } else { 2 };
        if flags & SCALE != 0 {
            len += 2;
        } else if flags & XY_SCALE != 0 {
            len += 4;
        } else if flags & TWO_BY_TWO != 0 {
            len += 8;
        }
        let component = out.len();
        out.extend_from_slice(glyph.get(at..at + len)?);
        out[component..component + 2].copy_from_slice(&(flags & !INSTRUCTIONS).to_be_bytes());
        at += len;
        if flags & MORE == 0 {
            break;
        }
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
    u16_at(table(font, b"maxp")?, 4)
}

/// `font` with `composites` added as TrueType composite glyphs after its own, numbered
/// from its glyph count on, each with its advance in `hmtx`; `maxp`, `hhea` and `head`
/// are kept true to what it then holds. `None` when `font` has no `glyf` outlines, is not
/// well formed, or would hold more than 65,535 glyphs.
pub fn with_composites(font: &[u8], composites: &[Composite]) -> Option<Vec<u8>> {
    let (version, all) = tables(font)?;
    let find = |tag: &[u8; 4]| all.iter().find(|(t, _)| t == tag).map(|(_, d)| *d);
    let (head, loca, glyf) = (find(b"head")?, find(b"loca")?, find(b"glyf")?);
    let (hhea, hmtx, maxp) = (find(b"hhea")?, find(b"hmtx")?, find(b"maxp")?);
    let count = usize::from(u16_at(maxp, 4)?);
    let total = count.checked_add(composites.len())?;
    if total > usize::from(u16::MAX) {
        return None;
    }
    let long = u16_at(head, 50)? != 0;
    let offset = |i: usize| -> Option<usize> {
        if long {
            u32_at(loca, 4 * i).map(|v| v as usize)
        } else {
            u16_at(loca, 2 * i).map(|v| 2 * usize::from(v))
        }
    };
    let glyph = |gid: u16| -> Option<&[u8]> {
        let i = usize::from(gid);
        if i >= count {
            return None;
        }
        glyf.get(offset(i)?..offset(i + 1)?)
    };

    // Where each glyph starts; the end of the last is pushed once all are in.
    let mut starts: Vec<usize> = (0..count).map(offset).collect::<Option<_>>()?;
    let mut new_glyf = glyf.get(..offset(count)?)?.to_vec();
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
            if part.len() >= 10 {
                let at = |k: usize, by: i16| u16_at(part, k).map(|v| (v as i16).saturating_add(by));
                own[0] = own[0].min(at(2, dx)?);
                own[1] = own[1].min(at(4, dy)?);
                own[2] = own[2].max(at(6, dx)?);
                own[3] = own[3].max(at(8, dy)?);
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
            const ARGS_ARE_WORDS: u16 = 0x0001;
            const ARGS_ARE_XY: u16 = 0x0002;
            const MORE: u16 = 0x0020;
            for (k, &(gid, dx, dy)) in composite.parts.iter().enumerate() {
                let more = if k + 1 < composite.parts.len() { MORE } else { 0 };
                new_glyf.extend_from_slice(&(ARGS_ARE_WORDS | ARGS_ARE_XY | more).to_be_bytes());
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
    let (mut new_loca, mut new_head) = loca_for(&starts, long, head)?;
    for (k, at) in [36, 38, 40, 42].into_iter().enumerate() {
        let old = u16_at(head, at)? as i16;
        let v = if k < 2 { old.min(bbox[k]) } else { old.max(bbox[k]) };
        new_head[at..at + 2].copy_from_slice(&v.to_be_bytes());
    }

    // Every glyph with an advance of its own: the ones after the font's last long metric
    // share its advance, and the new ones each have theirs.
    let long_metrics = usize::from(u16_at(hhea, 34)?).clamp(1, count.max(1));
    let mut new_hmtx = Vec::with_capacity(4 * total);
    let mut last_advance = 0;
    let mut widest = u16_at(hhea, 10)?;
    for i in 0..count {
        let (advance, lsb) = if i < long_metrics {
            (u16_at(hmtx, 4 * i)?, u16_at(hmtx, 4 * i + 2)?)
        } else {
            (last_advance, u16_at(hmtx, 4 * long_metrics + 2 * (i - long_metrics))?)
        };
        last_advance = advance;
        new_hmtx.extend_from_slice(&advance.to_be_bytes());
        new_hmtx.extend_from_slice(&lsb.to_be_bytes());
    }
    for (advance, lsb) in metrics {
        widest = widest.max(advance);
        new_hmtx.extend_from_slice(&advance.to_be_bytes());
        new_hmtx.extend_from_slice(&lsb.to_be_bytes());
    }
    let mut new_hhea = hhea.to_vec();
    new_hhea.get_mut(10..12)?.copy_from_slice(&widest.to_be_bytes());
    new_hhea.get_mut(34..36)?.copy_from_slice(&(total as u16).to_be_bytes());
    let mut new_maxp = maxp.to_vec();
    new_maxp.get_mut(4..6)?.copy_from_slice(&(total as u16).to_be_bytes());
    if u32_at(maxp, 0)? == 0x0001_0000 && maxp.len() >= 32 {
        for (at, v) in [(10, points), (12, contours), (28, elements), (30, depth)] {
            let v = u16_at(maxp, at)?.max(v);
            new_maxp[at..at + 2].copy_from_slice(&v.to_be_bytes());
        }
    }

    let tables: Vec<([u8; 4], std::borrow::Cow<[u8]>)> = all
        .iter()
        .map(|(tag, d)| {
            let data: std::borrow::Cow<[u8]> = match tag {
                b"glyf" => std::mem::take(&mut new_glyf).into(),
                b"loca" => std::mem::take(&mut new_loca).into(),
                b"head" => std::mem::take(&mut new_head).into(),
                b"hhea" => std::mem::take(&mut new_hhea).into(),
                b"hmtx" => std::mem::take(&mut new_hmtx).into(),
                b"maxp" => std::mem::take(&mut new_maxp).into(),
                _ => (*d).into(),
            };
            (*tag, data)
        })
        .collect();
    assemble(version, tables)
}

/// The points, contours and nesting depth of glyph `gid`'s outline, its components' counted
/// in; `None` past a depth no font needs (a component loop).
fn outline_size<'f>(
    glyph: &dyn Fn(u16) -> Option<&'f [u8]>,
    gid: u16,
    depth: u16,
) -> Option<(u16, u16, u16)> {
    if depth > 8 {
        return None;
    }
    let data = glyph(gid)?;
    if data.len() < 10 {
        return Some((0, 0, 0));
    }
    let contours = u16_at(data, 0)? as i16;
    if contours >= 0 {
        let points = match contours {
            0 => 0,
            n => u16_at(data, 10 + 2 * (n as usize - 1))?.saturating_add(1),
        };
        return Some((points, contours as u16, 0));
    }
    const ARGS_ARE_WORDS: u16 = 0x0001;
    const SCALE: u16 = 0x0008;
    const MORE: u16 = 0x0020;
    const XY_SCALE: u16 = 0x0040;
    const TWO_BY_TWO: u16 = 0x0080;
    let (mut points, mut all, mut deepest) = (0u16, 0u16, 0u16);
    let mut at = 10;
    loop {
        let flags = u16_at(data, at)?;
        let (p, c, d) = outline_size(glyph, u16_at(data, at + 2)?, depth + 1)?;
        points = points.saturating_add(p);
        all = all.saturating_add(c);
        deepest = deepest.max(d + 1);
        at += 4 + if flags & ARGS_ARE_WORDS != 0 { 4 } else { 2 };
        if flags & SCALE != 0 {
            at += 2;
        } else if flags & XY_SCALE != 0 {
            at += 4;
        } else if flags & TWO_BY_TWO != 0 {
            at += 8;
        }
        if flags & MORE == 0 {
            break;
        }
    }
    Some((points, all, deepest))
}

/// A font file from its tables: the directory, checksums and `head.checkSumAdjustment`.
fn assemble(version: u32, mut tables: Vec<([u8; 4], std::borrow::Cow<[u8]>)>) -> Option<Vec<u8>> {
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

    static NOTO: &[u8] = include_bytes!("../../fonts/NotoSans-Regular.ttf");

    fn tags(font: &[u8]) -> Vec<String> {
        let n = usize::from(u16_at(font, 4).unwrap());
        (0..n)
            .map(|i| String::from_utf8_lossy(&font[12 + 16 * i..16 + 16 * i]).into_owned())
            .collect()
    }

    const WITH_CMAP: &[&[u8; 4]] = &[
        b"cmap", b"cvt ", b"fpgm", b"glyf", b"head", b"hhea", b"hmtx", b"loca", b"maxp", b"prep",
    ];

    fn glyph(font: &[u8], gid: u16) -> &[u8] {
        let head = table(font, b"head").unwrap();
        let loca = table(font, b"loca").unwrap();
        let glyf = table(font, b"glyf").unwrap();
        let i = usize::from(gid);
        let (from, to) = if u16_at(head, 50).unwrap() == 0 {
            (
                2 * usize::from(u16_at(loca, 2 * i).unwrap()),
                2 * usize::from(u16_at(loca, 2 * i + 2).unwrap()),
            )
        } else {
            (
                u32_at(loca, 4 * i).unwrap() as usize,
                u32_at(loca, 4 * i + 4).unwrap() as usize,
            )
        };
        &glyf[from..to]
    }

    /// The points of a glyph's outline, as the shaper's font reader draws them.
    #[derive(Default)]
    struct Points(Vec<(i32, i32)>);

    impl harfrust::font::glyph::outline::PathSink for Points {
        fn move_to(&mut self, x: f32, y: f32) {
            self.0.push((x.round() as i32, y.round() as i32));
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
        let mut alone = Points::default();
        assert!(fonts.face(plain).outline(b, &mut alone));
        // The composite draws the second part moved right by 700 units.
        let right = |p: &Points| p.0.iter().map(|q| q.0).max().unwrap();
        assert_eq!(right(&drawn), right(&alone) + 700);
        // maxp says how many parts a composite has at most.
        let maxp = table(&font, b"maxp").unwrap();
        assert!(u16_at(maxp, 28).unwrap() >= 2, "maxComponentElements");
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
            let (old, new) = (glyph(NOTO, gid), glyph(&slim, gid));
            let contours = u16_at(old, 0).unwrap() as i16;
            if contours >= 0 {
                // Same header and contour ends, no instructions, same points.
                let at = 10 + 2 * contours as usize;
                let len = usize::from(u16_at(old, at).unwrap());
                assert!(len > 0, "{c} was hinted");
                assert_eq!(new[..at], old[..at], "{c}");
                assert_eq!(u16_at(new, at), Some(0), "{c}");
                let points = &old[at + 2 + len..];
                assert_eq!(new[at + 2..at + 2 + points.len()], *points, "{c}");
            } else {
                composites += 1;
                // The same components, none announcing instructions.
                assert_eq!(new[..10], old[..10], "{c}");
                assert!(new.len() < old.len() || old.len() - new.len() <= 1, "{c}");
                let flags = u16_at(new, 10).unwrap();
                assert_eq!(flags & 0x0100, 0, "{c}");
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
