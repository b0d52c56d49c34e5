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

use crate::document::{Link, Text};
use crate::fonts::{is_ignorable, Face, FaceId, FontSet, ShapedGlyph, Weight, PLACEHOLDER};
use crate::frame::{Glyph, Item, TextRun};

mod cache;
mod linebreak;
mod prepare;
mod shaping;

use cache::*;
use linebreak::*;
use prepare::*;
use shaping::*;

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
    /// Where its text links to.
    pub link: Option<Link>,
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
    let mut paragraphs: Vec<Vec<(Weight, String, Option<u16>)>> = vec![Vec::new()];
    let mut links: Vec<Link> = Vec::new();
    let mut after_space = true;
    for span in text {
        let weight = if span.strong {
            Weight::Bold
        } else {
            Weight::Regular
        };
        let link = span.link.as_ref().map(|l| {
            links.push(l.clone());
            (links.len() - 1) as u16
        });
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
                    .push((weight, kept, link));
            }
        }
    }
    paragraphs
        .iter()
        .flat_map(|parts| {
            let parts: Vec<Part> = parts.iter().map(|(w, t, l)| (*w, t.as_str(), *l)).collect();
            Paragraph::linked(fonts, &parts, &links).lines(size, width)
        })
        .collect()
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

