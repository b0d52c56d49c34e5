//! Just enough of the TrueType (sfnt) container to drop tables from a font program.

/// The tables a PDF viewer reads from an embedded TrueType font program (ISO 32000-1,
/// 9.9: glyph outlines, metrics and the hinting programs), plus `cmap`, which some
/// tools inspect. `name` (the copyright and licence strings) and `post` (glyph names)
/// are not used for drawing or text extraction and only add weight.
pub const PDF_TABLES: &[&[u8; 4]] = &[
    b"cmap", b"cvt ", b"fpgm", b"glyf", b"head", b"hhea", b"hmtx", b"loca", b"maxp", b"prep",
];

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

/// `font` with only the tables named in `keep`, its directory, checksums and
/// `head.checkSumAdjustment` rebuilt. `None` when there is nothing to drop or `font` is
/// not a well-formed single TrueType font (it is then best left as it is).
pub fn keep_tables(font: &[u8], keep: &[&[u8; 4]]) -> Option<Vec<u8>> {
    let version = u32_at(font, 0)?;
    if version != 0x0001_0000 && version != u32::from_be_bytes(*b"true") {
        return None;
    }
    let count = usize::from(u16_at(font, 4)?);
    let mut tables: Vec<([u8; 4], &[u8])> = Vec::with_capacity(count);
    for i in 0..count {
        let record = 12 + 16 * i;
        let tag: [u8; 4] = font.get(record..record + 4)?.try_into().ok()?;
        let offset = u32_at(font, record + 8)? as usize;
        let len = u32_at(font, record + 12)? as usize;
        let data = font.get(offset..offset.checked_add(len)?)?;
        if keep.contains(&&tag) {
            tables.push((tag, data));
        }
    }
    if tables.len() == count
        || !tables
            .iter()
            .any(|(tag, d)| tag == b"head" && d.len() >= 12)
    {
        return None;
    }
    tables.sort_by_key(|(tag, _)| *tag);

    let n = tables.len();
    let power = 1usize << (usize::BITS - 1 - n.leading_zeros());
    let search_range = power * 16;
    let mut out = Vec::with_capacity(font.len());
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

    static NOTO: &[u8] = include_bytes!("../fonts/NotoSans-Regular.ttf");

    fn tags(font: &[u8]) -> Vec<String> {
        let n = usize::from(u16_at(font, 4).unwrap());
        (0..n)
            .map(|i| String::from_utf8_lossy(&font[12 + 16 * i..16 + 16 * i]).into_owned())
            .collect()
    }

    #[test]
    fn drops_only_what_is_not_kept_and_stays_a_valid_font() {
        let slim = keep_tables(NOTO, PDF_TABLES).expect("Noto has tables to drop");
        assert!(slim.len() < NOTO.len());
        assert_eq!(
            tags(&slim),
            ["cmap", "cvt ", "fpgm", "glyf", "head", "hhea", "hmtx", "loca", "maxp", "prep"]
        );
        // The whole-file checksum of a correct font is the magic number.
        assert_eq!(checksum(&slim), 0xB1B0_AFBA);
        // And it still parses, with the same metrics and glyphs.
        let font = printpdf::ParsedFont::from_bytes(&slim, 0, &mut Vec::new()).unwrap();
        let original = printpdf::ParsedFont::from_bytes(NOTO, 0, &mut Vec::new()).unwrap();
        for c in ['a', 'W', 'é', 'Ж'] {
            let gid = font.lookup_glyph_index(c as u32);
            assert_eq!(gid, original.lookup_glyph_index(c as u32));
            assert_eq!(
                font.get_horizontal_advance(gid.unwrap()),
                original.get_horizontal_advance(gid.unwrap())
            );
        }
        assert!(
            keep_tables(&slim, PDF_TABLES).is_none(),
            "nothing left to drop"
        );
    }

    #[test]
    fn leaves_what_it_does_not_understand() {
        assert!(keep_tables(b"not a font at all", PDF_TABLES).is_none());
        assert!(keep_tables(&NOTO[..100], PDF_TABLES).is_none());
    }
}
