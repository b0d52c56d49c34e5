//! A paragraph filled into lines at the break opportunities of UAX #14, each line's runs in
//! visual order.

use super::*;

/// A paragraph, shaped.
pub struct Paragraph<'f> {
    pub(super) fonts: &'f FontSet,
    /// The characters as written (a line feed as a space).
    pub(super) text: String,
    /// Each character's byte offset and the character drawn for it: itself, or the
    /// placeholder when no face has it (the text still reads as written).
    pub(super) drawn: Vec<(u32, char)>,
    /// The paragraph's base direction is right to left.
    pub(super) rtl: bool,
    pub(super) runs: Vec<Run>,
    /// What the parts that link somewhere link to, by the index they give.
    pub(super) links: &'f [Link],
}

/// Text in one weight, and the index of the link it is part of, if any.
pub type Part<'t> = (Weight, &'t str, Option<u16>);

impl<'f> Paragraph<'f> {
    /// Shapes text given as parts in a weight each. A `\n` inside is drawn as a space: split
    /// paragraphs first.
    pub fn new(fonts: &'f FontSet, parts: &[(Weight, &str)]) -> Paragraph<'f> {
        Paragraph::build(fonts, parts.iter().map(|&(w, t)| (w, t, None)), &[])
    }

    /// [`Paragraph::new`], with parts that link to `links`: a link's text is shaped apart
    /// from the text beside it, so that each of its pieces is the link's alone.
    pub fn linked(fonts: &'f FontSet, parts: &[Part], links: &'f [Link]) -> Paragraph<'f> {
        Paragraph::build(fonts, parts.iter().copied(), links)
    }

    fn build<'t>(
        fonts: &'f FontSet,
        parts: impl Iterator<Item = Part<'t>> + Clone,
        links: &'f [Link],
    ) -> Paragraph<'f> {
        let (text, mut chars) = read_chars(fonts, parts);
        give_shared_faces(fonts, &mut chars);
        let (levels, rtl) = levels(&text);
        let mut runs = split_runs(&text, &chars, levels.as_deref());
        let drawn: Vec<(u32, char)> = chars.iter().map(|c| (c.0 as u32, c.1)).collect();
        for run in &mut runs {
            let face = fonts.face(run.face);
            let rtl = Some(run.level % 2 == 1);
            shape_range(face, &text, &drawn, run.range.clone(), rtl, &mut run.glyphs);
        }
        Paragraph {
            fonts,
            text,
            drawn,
            rtl,
            runs,
            links,
        }
    }

    /// Advance of each byte's cluster in points at `size` (zero inside a cluster), and
    /// whether a cluster starts there.
    pub(super) fn advances(&self, size: f32) -> (Vec<f32>, Vec<bool>) {
        let mut adv = vec![0.0f32; self.text.len() + 1];
        let mut starts = vec![false; self.text.len() + 1];
        for run in &self.runs {
            let scale = size / self.fonts.face(run.face).units_per_em();
            for g in &run.glyphs {
                adv[g.cluster as usize] += g.advance as f32 * scale;
                starts[g.cluster as usize] = true;
            }
        }
        starts[self.text.len()] = true;
        (adv, starts)
    }

    /// The whole paragraph on one line, whatever its width.
    pub fn one_line(&self, size: f32) -> Line {
        self.line(0..self.text.len(), size)
    }

    /// The paragraph broken into lines no wider than `width` (a cluster wider than the
    /// line still gets a line of its own). Lines break at UAX #14 opportunities; a word
    /// longer than a line is broken between clusters. An empty paragraph is one empty line.
    pub fn lines(&self, size: f32, width: f32) -> Vec<Line> {
        self.break_ranges(size, width)
            .into_iter()
            .map(|r| {
                let mut line = self.line(r, size);
                if self.rtl {
                    let shift = (width - line_width(&line)).max(0.0);
                    line.iter_mut().for_each(|p| p.x += shift);
                }
                line
            })
            .collect()
    }

    /// Where the lines break: each line's characters, without the spaces it breaks at.
    fn break_ranges(&self, size: f32, width: f32) -> Vec<Range<usize>> {
        let (adv, starts) = self.advances(size);
        let limit = width + 0.01;
        let measure = self.measurer(&adv, size, limit);
        let mut ranges: Vec<Range<usize>> = Vec::new();
        let mut start = 0;
        // The furthest break opportunity so far whose line fits.
        let mut fitting: Option<usize> = None;
        for (at, kind) in linebreaks(&self.text) {
            if kind == BreakOpportunity::Allowed && self.in_number_range(at) {
                continue;
            }
            loop {
                let end = self.trim_end(start, at);
                if measure(start, end) <= limit {
                    fitting = Some(at);
                    break;
                }
                if let Some(b) = fitting.filter(|&b| b > start) {
                    ranges.push(start..self.trim_end(start, b));
                    start = b;
                    fitting = None;
                    continue;
                }
                let cut = self.cut_word(start..end, &starts, &measure, limit);
                if cut == start || cut >= end {
                    // One cluster, or one the break falls inside: it cannot be broken.
                    fitting = Some(at);
                    break;
                }
                ranges.push(start..cut);
                start = cut;
                fitting = None;
            }
            if kind == BreakOpportunity::Mandatory && at < self.text.len() {
                ranges.push(start..self.trim_end(start, at));
                start = at;
                fitting = None;
            }
        }
        let end = self.trim_end(start, self.text.len());
        if start < self.text.len() || ranges.is_empty() {
            ranges.push(start..end);
        }
        ranges
    }

    /// How wide the characters `from..to` are as a line, from the clusters' advances `adv`.
    /// Where a line would cut the shaping (a kerned pair, joined letters), it is reshaped,
    /// so it is measured as it will be set.
    fn measurer(&self, adv: &[f32], size: f32, limit: f32) -> impl Fn(usize, usize) -> f32 + '_ {
        let mut prefix = Vec::with_capacity(adv.len() + 1);
        let mut sum = 0.0f32;
        prefix.push(0.0);
        for a in adv {
            sum += a;
            prefix.push(sum);
        }
        let mut unsafe_at = vec![false; self.text.len() + 1];
        for run in &self.runs {
            for g in run.glyphs.iter().filter(|g| g.unsafe_to_break) {
                unsafe_at[g.cluster as usize] = true;
            }
        }
        // Only a line close to the limit is set to measure: reshaping at a cut changes the
        // letters beside it, by a kerning pair or a joining form. That can be most of an em
        // (a medial Arabic letter becoming a wide final one), so "close" is two ems.
        move |from: usize, to: usize| {
            let estimate = prefix[to] - prefix[from];
            if (unsafe_at[from] || unsafe_at[to]) && estimate > limit - size * 2.0 {
                line_width(&self.line(from..to, size))
            } else {
                estimate
            }
        }
    }

    /// One word longer than the line: where to break it between clusters (`starts` marks
    /// where a cluster starts), as far along as still fits.
    fn cut_word(
        &self,
        word: Range<usize>,
        starts: &[bool],
        measure: &impl Fn(usize, usize) -> f32,
        limit: f32,
    ) -> usize {
        let start = word.start;
        let mut cut = start;
        let mut i = start + 1;
        while i <= word.end {
            if starts[i] && self.text.is_char_boundary(i) {
                if measure(start, i) > limit && cut > start {
                    break;
                }
                cut = i;
            }
            i += 1;
        }
        cut
    }

    /// Whether `at` falls between a dash and a digit, as in "0–10" or "2-3 times": the
    /// rules allow a break after a dash, but a range of numbers reads as one.
    fn in_number_range(&self, at: usize) -> bool {
        let before = self.text[..at].chars().next_back();
        let after = self.text[at..].chars().next();
        matches!(before, Some('-' | '\u{2010}' | '\u{2011}' | '–' | '—'))
            && after.is_some_and(|c| c.is_ascii_digit())
    }

    /// `to`, moved back over the spaces a line breaks at (but not before `from`). Other
    /// white space, such as a no-break space, is text like any other.
    fn trim_end(&self, from: usize, mut to: usize) -> usize {
        while to > from && self.text.as_bytes()[to - 1] == b' ' {
            to -= 1;
        }
        to
    }

    /// The characters `range` as one line: its runs' glyphs, reshaped where the line cuts
    /// a run at a place that is unsafe to break, in visual order.
    fn line(&self, range: Range<usize>, size: f32) -> Line {
        let mut pieces: Vec<(u8, Piece)> = Vec::new();
        for run in &self.runs {
            let from = run.range.start.max(range.start);
            let to = run.range.end.min(range.end);
            if from >= to {
                continue;
            }
            let unsafe_at =
                |at: usize| run_slice(run, at, at + 1).iter().any(|g| g.unsafe_to_break);
            let reshape = (from > run.range.start && unsafe_at(from))
                || (to < run.range.end && unsafe_at(to));
            let face = self.fonts.face(run.face);
            let glyphs: Vec<ShapedGlyph> = if reshape {
                let mut out = Vec::new();
                let rtl = Some(run.level % 2 == 1);
                shape_range(face, &self.text, &self.drawn, from..to, rtl, &mut out);
                out
            } else {
                run_slice(run, from, to).to_vec()
            };
            let scale = size / face.units_per_em();
            let width = glyphs.iter().map(|g| g.advance as f32).sum::<f32>() * scale;
            pieces.push((
                run.level,
                Piece {
                    x: 0.0,
                    weight: run.weight,
                    face: run.face,
                    text: self.text[from..to].to_string(),
                    at: from,
                    glyphs: frame_glyphs(&glyphs, from, to),
                    width,
                    ends_line: to == range.end,
                    link: run.link.and_then(|l| self.links.get(usize::from(l)).cloned()),
                },
            ));
        }
        reorder(&mut pieces);
        let mut x = 0.0;
        pieces
            .into_iter()
            .map(|(_, mut p)| {
                p.x = x;
                x += p.width;
                p
            })
            .collect()
    }
}


/// Puts a line's pieces, given in reading order with their embedding levels, in visual
/// order (UAX #9, rule L2): from the highest level down to the lowest odd one, every
/// sequence of pieces at that level or higher is reversed.
pub(super) fn reorder(pieces: &mut [(u8, Piece)]) {
    let Some(highest) = pieces.iter().map(|p| p.0).max() else {
        return;
    };
    let lowest_odd = pieces
        .iter()
        .map(|p| p.0)
        .filter(|l| l % 2 == 1)
        .min()
        .unwrap_or(highest + 1);
    let mut level = highest;
    while level >= lowest_odd && level > 0 {
        let mut i = 0;
        while i < pieces.len() {
            if pieces[i].0 >= level {
                let start = i;
                while i < pieces.len() && pieces[i].0 >= level {
                    i += 1;
                }
                pieces[start..i].reverse();
            } else {
                i += 1;
            }
        }
        level -= 1;
    }
}
