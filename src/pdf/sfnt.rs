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
    let short = new_glyf.len() / 2 <= usize::from(u16::MAX);
    let mut new_loca = Vec::with_capacity(starts.len() * 4);
    for s in starts {
        if short {
            new_loca.extend_from_slice(&((s / 2) as u16).to_be_bytes());
        } else {
            new_loca.extend_from_slice(&(s as u32).to_be_bytes());
        }
    }
    let mut new_head = head.to_vec();
    new_head
        .get_mut(50..52)?
        .copy_from_slice(&u16::from(!short).to_be_bytes());

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
