//! Shaping a run with harfrust, and the shaped glyphs as the frame's glyphs.

use super::*;

/// Shapes the characters `range` of `text` into `out`: as written when every one is drawn
/// as itself, else the characters drawn (the placeholder for one no face has).
pub(super) fn shape_range(
    face: &Face,
    text: &str,
    drawn: &[(u32, char)],
    range: Range<usize>,
    rtl: Option<bool>,
    out: &mut Vec<ShapedGlyph>,
) {
    let as_written =
        chars_in(drawn, range.clone()).all(|(c, at)| text[at as usize..].starts_with(c));
    if as_written {
        face.shape(&text[range.clone()], rtl, range.start as u32, out);
    } else {
        face.shape_chars(chars_in(drawn, range), rtl, out);
    }
}

/// The glyphs of `run` for the characters `from..to`: clusters rise left to right, or fall
/// in a right-to-left run, so they are one slice of the run's.
pub(super) fn run_slice(run: &Run, from: usize, to: usize) -> &[ShapedGlyph] {
    let (from, to) = (from as u32, to as u32);
    let glyphs = &run.glyphs;
    let (start, end) = if run.level.is_multiple_of(2) {
        (
            glyphs.partition_point(|g| g.cluster < from),
            glyphs.partition_point(|g| g.cluster < to),
        )
    } else {
        (
            glyphs.partition_point(|g| g.cluster >= to),
            glyphs.partition_point(|g| g.cluster >= from),
        )
    };
    &glyphs[start..end]
}

/// The drawn characters whose offsets lie in `range`, with their offsets.
pub(super) fn chars_in(drawn: &[(u32, char)], range: Range<usize>) -> impl Iterator<Item = (char, u32)> + '_ {
    let from = drawn.partition_point(|c| (c.0 as usize) < range.start);
    let to = drawn.partition_point(|c| (c.0 as usize) < range.end);
    drawn[from..to].iter().map(|&(at, c)| (c, at))
}

/// Each glyph with the bytes of `from..to` that its cluster stands for, relative to `from`.
pub(super) fn frame_glyphs(glyphs: &[ShapedGlyph], from: usize, to: usize) -> Vec<Glyph> {
    let (from, to) = (from as u32, to as u32);
    let glyph = |g: &ShapedGlyph, text: Range<u32>| Glyph {
        id: g.id,
        advance: g.advance,
        x_offset: g.x_offset,
        y_offset: g.y_offset,
        text: text.start - from..text.end - from,
    };
    if glyphs.is_sorted_by_key(|g| g.cluster) {
        // Left to right, as nearly every run is: a cluster ends where the next glyph's
        // starts.
        let mut out = Vec::with_capacity(glyphs.len());
        let mut i = 0;
        while i < glyphs.len() {
            let cluster = glyphs[i].cluster;
            let mut next = i + 1;
            while glyphs.get(next).is_some_and(|g| g.cluster == cluster) {
                next += 1;
            }
            let end = glyphs.get(next).map_or(to, |g| g.cluster);
            // Characters before the first glyph's cluster (ones the shaper dropped) go
            // with it.
            let start = if i == 0 { from } else { cluster };
            out.extend(glyphs[i..next].iter().map(|g| glyph(g, start..end)));
            i = next;
        }
        return out;
    }
    let mut starts: Vec<u32> = glyphs.iter().map(|g| g.cluster).collect();
    starts.sort_unstable();
    starts.dedup();
    if let Some(first) = starts.first_mut() {
        *first = from;
    }
    glyphs
        .iter()
        .map(|g| {
            let i = starts.partition_point(|&s| s <= g.cluster).max(1);
            let end = starts.get(i).map_or(to, |&s| s);
            glyph(g, starts[i - 1]..end)
        })
        .collect()
}
