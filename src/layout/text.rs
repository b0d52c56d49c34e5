//! Setting text: a paragraph's characters become lines of shaped glyph runs.
//!
//! Each character is given a face (the first of its weight's chain that has it; spaces,
//! punctuation and marks stay with the face around them, so a run of Arabic is shaped
//! whole), an embedding level by the Unicode Bidirectional Algorithm (UAX #9), and break
//! opportunities by the Unicode Line Breaking Algorithm (UAX #14). Runs of one face,
//! weight, level and script are shaped by harfrust; lines are filled on the shaped
//! advances, reshaped only where a break falls inside a run at a place the shaper marks
//! unsafe, and their runs put in visual order. Lines never add a hyphen.

use std::hash::{BuildHasher, Hash, Hasher};
use std::ops::Range;

use unicode_bidi::{BidiClass, BidiInfo};
use unicode_linebreak::{linebreaks, BreakOpportunity};
use unicode_script::{Script, UnicodeScript};

use crate::document::Text;
use crate::fonts::{is_ignorable, Face, FaceId, FontSet, ShapedGlyph, Weight, PLACEHOLDER};
use crate::frame::{Glyph, Item, TextRun};

/// A piece of one set line: glyphs of one face and weight, at an x offset from the
/// line's start. Pieces are in visual order, left to right.
#[derive(Debug, Clone, PartialEq)]
pub struct Piece {
    pub x: f32,
    pub weight: Weight,
    pub face: FaceId,
    /// The characters the piece stands for, in reading order.
    pub text: String,
    /// Where `text` starts in its paragraph: pieces sorted by it are in reading order.
    pub at: usize,
    pub glyphs: Vec<Glyph>,
    /// In points.
    pub width: f32,
    /// The piece holds the line's last character in reading order.
    pub ends_line: bool,
}

impl Piece {
    /// The piece as a run of the frame, with its line starting at `x`.
    pub fn into_run(self, x: f32, baseline: f32, size: f32) -> TextRun {
        TextRun {
            x: x + self.x,
            baseline,
            size,
            face: self.face,
            text: self.text,
            glyphs: self.glyphs,
            ends_line: self.ends_line,
        }
    }
}

/// A set line: its pieces in visual order.
pub type Line = Vec<Piece>;

/// The width of a set line, in points.
pub fn line_width(line: &Line) -> f32 {
    line.iter().map(|p| p.x + p.width).fold(0.0, f32::max)
}

/// The script of `c`, looked up only beyond ASCII.
fn script(c: char) -> Script {
    if c.is_ascii_alphabetic() {
        Script::Latin
    } else if c.is_ascii() {
        Script::Common
    } else {
        c.script()
    }
}

/// Whether `c` belongs to no script of its own (spaces, digits, punctuation, marks).
fn is_common(c: char) -> bool {
    matches!(script(c), Script::Common | Script::Inherited) || is_ignorable(c)
}

/// A run of one face, weight, embedding level and script, shaped.
#[derive(Debug, Clone)]
struct Run {
    range: Range<usize>,
    face: FaceId,
    weight: Weight,
    level: u8,
    /// Clusters are byte offsets into the paragraph.
    glyphs: Vec<ShapedGlyph>,
}

/// A paragraph, shaped.
pub struct Paragraph<'f> {
    fonts: &'f FontSet,
    /// The characters as written (a line feed as a space).
    text: String,
    /// Each character's byte offset and the character drawn for it: itself, or the
    /// placeholder when no face has it (the text still reads as written).
    drawn: Vec<(u32, char)>,
    /// The paragraph's base direction is right to left.
    rtl: bool,
    runs: Vec<Run>,
}

impl<'f> Paragraph<'f> {
    /// Shapes text given as parts in a weight each. A `\n` inside is drawn as a space: split
    /// paragraphs first.
    pub fn new(fonts: &'f FontSet, parts: &[(Weight, &str)]) -> Paragraph<'f> {
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
        }
    }

    /// Whether the paragraph reads right to left (its first strong character does): its
    /// lines are then set flush right.
    pub fn rtl(&self) -> bool {
        self.rtl
    }

    /// Advance of each byte's cluster in points at `size` (zero inside a cluster), and
    /// whether a cluster starts there.
    fn advances(&self, size: f32) -> (Vec<f32>, Vec<bool>) {
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

/// A character of a paragraph: its byte offset, the character drawn for it, its weight, and
/// its face (`None` while a character without a script of its own waits to join the face
/// beside it).
type Char = (usize, char, Weight, Option<FaceId>);

/// The parts' text (a line feed as a space), and each character's face, weight and drawn
/// character.
fn read_chars(fonts: &FontSet, parts: &[(Weight, &str)]) -> (String, Vec<Char>) {
    let bytes = parts.iter().map(|p| p.1.len()).sum();
    let mut text = String::with_capacity(bytes);
    let mut chars: Vec<Char> = Vec::with_capacity(bytes);
    for &(weight, part) in parts {
        for c in part.chars() {
            let c = if c == '\n' { ' ' } else { c };
            let at = text.len();
            text.push(c);
            let (face, drawn) = if is_common(c) {
                let drawable = is_ignorable(c) || fonts.faces().any(|(_, f)| f.has(c));
                (None, if drawable { c } else { PLACEHOLDER })
            } else {
                let (face, drawn) = fonts.pick(c, weight);
                (Some(face), drawn)
            };
            chars.push((at, drawn, weight, face));
        }
    }
    (text, chars)
}

/// A shared character takes the face before it, else the one after it, when that face has
/// it; else the first that has it.
fn give_shared_faces(fonts: &FontSet, chars: &mut [Char]) {
    let mut next: Vec<Option<(FaceId, Weight)>> = vec![None; chars.len()];
    let mut after = None;
    for i in (0..chars.len()).rev() {
        next[i] = after;
        if let Some(face) = chars[i].3 {
            after = Some((face, chars[i].2));
        }
    }
    let mut before: Option<(FaceId, Weight)> = None;
    for i in 0..chars.len() {
        let (_, c, weight, face) = chars[i];
        let face = face.unwrap_or_else(|| {
            let fits =
                |(f, w): (FaceId, Weight)| w == weight && (is_ignorable(c) || fonts.face(f).has(c));
            match (before, next[i]) {
                (Some(b), _) if fits(b) => b.0,
                (_, Some(n)) if fits(n) => n.0,
                _ => fonts.pick(c, weight).0,
            }
        });
        chars[i].3 = Some(face);
        before = Some((face, weight));
    }
}

/// The text cut into runs of one face, weight, bidi level and script, not yet shaped.
fn split_runs(text: &str, chars: &[Char], levels: Option<&[u8]>) -> Vec<Run> {
    let mut runs: Vec<Run> = Vec::new();
    let mut script = Script::Common;
    for (i, &(at, c, weight, face)) in chars.iter().enumerate() {
        let face = face.expect("every character has a face");
        let len = chars.get(i + 1).map_or(text.len(), |n| n.0) - at;
        let level = levels.map_or(0, |l| l[at]);
        let own = self::script(c);
        let common = matches!(own, Script::Common | Script::Inherited) || is_ignorable(c);
        let new_script = !common && own != script && script != Script::Common;
        match runs.last_mut() {
            Some(run)
                if run.face == face
                    && run.weight == weight
                    && run.level == level
                    && !new_script =>
            {
                run.range.end = at + len;
            }
            _ => {
                runs.push(Run {
                    range: at..at + len,
                    face,
                    weight,
                    level,
                    glyphs: Vec::new(),
                });
                script = Script::Common;
            }
        }
        if !common {
            script = own;
        }
    }
    runs
}

/// Shapes the characters `range` of `text` into `out`: as written when every one is drawn
/// as itself, else the characters drawn (the placeholder for one no face has).
fn shape_range(
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
fn run_slice(run: &Run, from: usize, to: usize) -> &[ShapedGlyph] {
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
fn chars_in(drawn: &[(u32, char)], range: Range<usize>) -> impl Iterator<Item = (char, u32)> + '_ {
    let from = drawn.partition_point(|c| (c.0 as usize) < range.start);
    let to = drawn.partition_point(|c| (c.0 as usize) < range.end);
    drawn[from..to].iter().map(|&(at, c)| (c, at))
}

/// Each glyph with the bytes of `from..to` that its cluster stands for, relative to `from`.
fn frame_glyphs(glyphs: &[ShapedGlyph], from: usize, to: usize) -> Vec<Glyph> {
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

/// Puts a line's pieces, given in reading order with their embedding levels, in visual
/// order (UAX #9, rule L2): from the highest level down to the lowest odd one, every
/// sequence of pieces at that level or higher is reversed.
fn reorder(pieces: &mut [(u8, Piece)]) {
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

/// Each byte's embedding level, when the text holds anything right to left (else `None`,
/// all left to right), and whether the paragraph's base direction is right to left.
fn levels(text: &str) -> (Option<Vec<u8>>, bool) {
    use BidiClass::*;
    let bidi = text.chars().any(|c| {
        c >= '\u{590}'
            && matches!(
                unicode_bidi::bidi_class(c),
                R | AL | AN | RLE | RLO | RLI | FSI | LRE | LRO | LRI | PDF | PDI
            )
    });
    if !bidi {
        return (None, false);
    }
    let info = BidiInfo::new(text, None);
    let rtl = info.paragraphs.first().is_some_and(|p| p.level.is_rtl());
    (Some(info.levels.iter().map(|l| l.number()).collect()), rtl)
}

/// Width of `text` in one weight, set on one line, in points.
pub fn text_width(fonts: &FontSet, text: &str, weight: Weight, size: f32) -> f32 {
    let key = WidthKey { text, weight, size };
    if let Some(width) = with_memo(fonts, |memo| memo.width(&key)) {
        return width;
    }
    let (adv, _) = Paragraph::new(fonts, &[(weight, text)]).advances(size);
    let width = adv.iter().sum();
    with_memo(fonts, |memo| memo.remember_width(&key, width));
    width
}

/// Text set on one line starting at `x`, as runs of the frame (white space only is not
/// drawn). The last run in reading order ends the line.
pub fn set_line(
    fonts: &FontSet,
    text: &str,
    weight: Weight,
    x: f32,
    baseline: f32,
    size: f32,
) -> Vec<TextRun> {
    Paragraph::new(fonts, &[(weight, text)])
        .one_line(size)
        .into_iter()
        .filter(|p| !p.text.trim().is_empty())
        .map(|p| p.into_run(x, baseline, size))
        .collect()
}

/// Text shaped in one given face (no fallback), as one run of the frame at `x` that ends
/// its line. For drawing with a face chosen by hand.
pub fn run_in_face(
    fonts: &FontSet,
    face: FaceId,
    text: &str,
    x: f32,
    baseline: f32,
    size: f32,
) -> TextRun {
    let mut glyphs = Vec::new();
    fonts.face(face).shape(text, None, 0, &mut glyphs);
    TextRun {
        x,
        baseline,
        size,
        face,
        text: text.to_string(),
        glyphs: frame_glyphs(&glyphs, 0, text.len()),
        ends_line: true,
    }
}

/// Sets text in lines no wider than `width` at `size`, breaking where the Unicode line
/// breaking rules allow (at spaces, between Thai or Chinese words, …); a word longer than
/// the line is broken between characters, never with an added hyphen, so the text still
/// reads back exactly as written. Each `\n` starts a new line; an empty line stays as an
/// empty line. A paragraph that reads right to left is set flush right.
pub fn wrap(text: &Text, fonts: &FontSet, size: f32, width: f32) -> Vec<Line> {
    let key = WrapKey { text, size, width };
    if let Some(lines) = with_memo(fonts, |memo| memo.lines(&key)) {
        return lines;
    }
    let lines = wrap_afresh(text, fonts, size, width);
    with_memo(fonts, |memo| memo.remember_lines(&key, &lines));
    lines
}

pub(super) fn wrap_afresh(text: &Text, fonts: &FontSet, size: f32, width: f32) -> Vec<Line> {
    // Spaces between words count once, and a paragraph starts at its first word.
    let mut paragraphs: Vec<Vec<(Weight, String)>> = vec![Vec::new()];
    let mut after_space = true;
    for span in text {
        let weight = if span.strong {
            Weight::Bold
        } else {
            Weight::Regular
        };
        for (i, part) in span.text.split('\n').enumerate() {
            if i > 0 {
                paragraphs.push(Vec::new());
                after_space = true;
            }
            let mut kept = String::with_capacity(part.len());
            for c in part.chars() {
                if c == ' ' && after_space {
                    continue;
                }
                after_space = c == ' ';
                kept.push(c);
            }
            if !kept.is_empty() {
                paragraphs
                    .last_mut()
                    .expect("a paragraph")
                    .push((weight, kept));
            }
        }
    }
    paragraphs
        .iter()
        .flat_map(|parts| {
            let parts: Vec<(Weight, &str)> = parts.iter().map(|(w, t)| (*w, t.as_str())).collect();
            Paragraph::new(fonts, &parts).lines(size, width)
        })
        .collect()
}

/// What a text is wrapped for.
struct WrapKey<'t> {
    text: &'t Text,
    size: f32,
    width: f32,
}

impl WrapKey<'_> {
    fn hash(&self) -> u64 {
        let mut h = hasher();
        for span in self.text {
            span.text.hash(&mut h);
            span.strong.hash(&mut h);
        }
        self.size.to_bits().hash(&mut h);
        self.width.to_bits().hash(&mut h);
        h.finish()
    }

    fn is(&self, wrapped: &Wrapped) -> bool {
        wrapped.size == self.size.to_bits()
            && wrapped.width == self.width.to_bits()
            && wrapped.text.len() == self.text.len()
            && wrapped
                .text
                .iter()
                .zip(self.text)
                .all(|(a, b)| a.strong == b.strong && a.text == b.text)
    }
}

/// A text wrapped before, with its lines.
struct Wrapped {
    text: Text,
    size: u32,
    width: u32,
    lines: Vec<Line>,
}

/// A text measured before: its text, weight, size (as bits) and width.
type Measured = (Box<str>, Weight, u32, f32);

/// What a text is measured for.
struct WidthKey<'t> {
    text: &'t str,
    weight: Weight,
    size: f32,
}

impl WidthKey<'_> {
    fn hash(&self) -> u64 {
        let mut h = hasher();
        self.text.hash(&mut h);
        self.weight.hash(&mut h);
        self.size.to_bits().hash(&mut h);
        h.finish()
    }
}

fn hasher() -> impl Hasher {
    foldhash::fast::FixedState::default().build_hasher()
}

/// Texts wrapped and measured before on this thread, by hash, for one font set's
/// generation: a sheet measures its labels again and again and wraps its summary again for
/// each amount of detail it tries, and a batch sets its guide's text on every sheet.
/// Setting text is a function of the text, the fonts, the size and the width alone, so a
/// remembered text is set exactly as it would be afresh.
struct Memo {
    generation: u64,
    wrapped: foldhash::HashMap<u64, Vec<Wrapped>>,
    widths: foldhash::HashMap<u64, Vec<Measured>>,
    count: usize,
}

/// How many texts a thread remembers before it starts afresh.
const MEMO_LEN: usize = 8192;

thread_local! {
    static MEMO: std::cell::RefCell<Memo> = std::cell::RefCell::new(Memo {
        generation: u64::MAX,
        wrapped: foldhash::HashMap::default(),
        widths: foldhash::HashMap::default(),
        count: 0,
    });
}

/// Runs `f` on this thread's memo, emptied first if it was filled for other fonts.
fn with_memo<T>(fonts: &FontSet, f: impl FnOnce(&mut Memo) -> T) -> T {
    MEMO.with(|memo| {
        let mut memo = memo.borrow_mut();
        if memo.generation != fonts.generation() || memo.count >= MEMO_LEN {
            memo.generation = fonts.generation();
            memo.wrapped.clear();
            memo.widths.clear();
            memo.count = 0;
        }
        f(&mut memo)
    })
}

impl Memo {
    fn lines(&self, key: &WrapKey) -> Option<Vec<Line>> {
        let texts = self.wrapped.get(&key.hash())?;
        texts.iter().find(|w| key.is(w)).map(|w| w.lines.clone())
    }

    fn remember_lines(&mut self, key: &WrapKey, lines: &[Line]) {
        self.count += 1;
        self.wrapped.entry(key.hash()).or_default().push(Wrapped {
            text: key.text.clone(),
            size: key.size.to_bits(),
            width: key.width.to_bits(),
            lines: lines.to_vec(),
        });
    }

    fn width(&self, key: &WidthKey) -> Option<f32> {
        let texts = self.widths.get(&key.hash())?;
        let size = key.size.to_bits();
        texts
            .iter()
            .find(|w| *w.0 == *key.text && w.1 == key.weight && w.2 == size)
            .map(|w| w.3)
    }

    fn remember_width(&mut self, key: &WidthKey, width: f32) {
        self.count += 1;
        self.widths.entry(key.hash()).or_default().push((
            Box::from(key.text),
            key.weight,
            key.size.to_bits(),
            width,
        ));
    }
}

pub(super) fn fit_with_ellipsis(
    fonts: &FontSet,
    text: &str,
    weight: Weight,
    size: f32,
    room: f32,
) -> String {
    let text = text.replace('\n', " ");
    if text_width(fonts, &text, weight, size) <= room {
        return text;
    }
    let mut out = String::new();
    for c in text.chars() {
        out.push(c);
        if text_width(fonts, &format!("{out}…"), weight, size) > room {
            out.pop();
            break;
        }
    }
    format!("{}…", out.trim_end())
}

/// Draws `text` on one line starting at `x`; returns where it ends.
pub(super) fn push_text(
    items: &mut Vec<Item>,
    fonts: &FontSet,
    x: f32,
    baseline: f32,
    size: f32,
    weight: Weight,
    text: &str,
) -> f32 {
    let line = Paragraph::new(fonts, &[(weight, text)]).one_line(size);
    let end = x + line_width(&line);
    for piece in line {
        if !piece.text.trim().is_empty() {
            items.push(Item::Text(piece.into_run(x, baseline, size)));
        }
    }
    end
}

pub(super) fn baseline_in(line_h: f32, size: f32) -> f32 {
    line_h * 0.5 + size * 0.36
}

pub(super) fn draw_line(
    items: &mut Vec<Item>,
    line: Line,
    x: f32,
    top: f32,
    size: f32,
    line_h: f32,
) {
    let baseline = top + baseline_in(line_h, size);
    for piece in line {
        if !piece.text.trim().is_empty() {
            items.push(Item::Text(piece.into_run(x, baseline, size)));
        }
    }
}
