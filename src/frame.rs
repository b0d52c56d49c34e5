//! The frame: pages of positioned glyphs, lines and rectangles, between layout and the PDF
//! writer and owned by neither. Layout shapes and places everything; a writer draws what it
//! is given and never looks a character up or measures text again.
//!
//! Coordinates are points from the page's top-left corner, y growing downwards.

use std::ops::Range;

use crate::fonts::FaceId;
use crate::structure::{Mark, NodeId};

/// One page.
#[derive(Debug, Clone, PartialEq)]
pub struct Page {
    pub width: f32,
    pub height: f32,
    /// The page's content in reading order, each item with what it belongs to in the
    /// sheet's structure (a node's content, or an artifact).
    pub items: Vec<(Mark, Item)>,
    /// The running footer: page furniture, not part of the document's reading flow.
    pub furniture: Vec<Item>,
    /// Places on the page that take the reader to another page when followed.
    pub links: Vec<Link>,
    /// Space to write in that can be typed into on a screen as well, in reading order.
    pub fields: Vec<Field>,
}

/// Space to write in (a line under a question, an empty table cell), which a reader on a
/// screen can type into and save with the file: one line of text, as on paper.
#[derive(Debug, Clone, PartialEq)]
pub struct Field {
    pub area: Area,
    /// What is to be written there, as a screen reader announces it.
    pub label: String,
    /// The type size of what is typed, in points.
    pub size: f32,
    /// The structure node (a form) the field is the content of.
    pub node: NodeId,
}

/// Text on a page that goes to a place in the document, such as a page number it names.
#[derive(Debug, Clone, PartialEq)]
pub struct Link {
    /// Where it is followed from: one rectangle for each line its text stands on.
    pub areas: Vec<Area>,
    /// The page it goes to, from 0.
    pub page: usize,
    /// How far down that page the place it goes to starts.
    pub y: f32,
    /// Where it goes, in words, for a reader that cannot see it ("Go to page 4").
    pub description: String,
    /// The structure node its text is the content of.
    pub node: NodeId,
}

/// A rectangle on a page: its top-left corner and its size.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Area {
    pub x: f32,
    pub y: f32,
    pub w: f32,
    pub h: f32,
}

impl Page {
    /// The items of the page's flow, without what they belong to.
    pub fn drawn(&self) -> impl Iterator<Item = &Item> {
        self.items.iter().map(|(_, item)| item)
    }
}

/// Something drawn on a page.
#[derive(Debug, Clone, PartialEq)]
pub enum Item {
    Text(TextRun),
    Line {
        from: (f32, f32),
        to: (f32, f32),
        width: f32,
        grey: f32,
    },
    Rect {
        x: f32,
        y: f32,
        w: f32,
        h: f32,
        fill: Option<f32>,
        /// Line width and grey level of the outline.
        stroke: Option<(f32, f32)>,
    },
    /// An open path, such as a tick mark.
    Path {
        points: Vec<(f32, f32)>,
        width: f32,
    },
    /// Text that is read but not seen: the words a drawn mark stands for (a tick box's
    /// "Done: "), over the mark and squeezed to `width` when wider, so that every reader of
    /// the text layer, tagged or not, finds them where the mark stands.
    Hidden {
        run: TextRun,
        width: f32,
    },
}

/// Glyphs of one face at one size on one baseline, shaped and ready to draw, with the
/// characters they stand for.
#[derive(Debug, Clone, PartialEq)]
pub struct TextRun {
    /// Where the first glyph (the leftmost) starts.
    pub x: f32,
    pub baseline: f32,
    /// Type size in points.
    pub size: f32,
    pub face: FaceId,
    /// The characters the run stands for, in reading order (right-to-left text too).
    pub text: String,
    /// In drawing order, left to right.
    pub glyphs: Vec<Glyph>,
    /// The run holds the last character of its line in reading order: nothing follows it
    /// on the line. (A hyphen there is one somebody wrote, never one added by a break.)
    pub ends_line: bool,
}

impl TextRun {
    /// The run's width in points.
    pub fn width(&self, units_per_em: f32) -> f32 {
        self.glyphs.iter().map(|g| g.advance as f32).sum::<f32>() * self.size / units_per_em
    }
}

/// A glyph placed by the shaper. Lengths are in the face's font units.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Glyph {
    /// The glyph id in the face's own font file.
    pub id: u16,
    /// How far the pen moves after the glyph (kerning included).
    pub advance: i32,
    /// Where the glyph is drawn relative to the pen: right and up.
    pub x_offset: i32,
    pub y_offset: i32,
    /// The bytes of the run's `text` that this glyph's cluster stands for. The glyphs of one
    /// cluster (a base letter and its marks, a conjunct) share the same range; a ligature
    /// covers several characters with one glyph.
    pub text: Range<u32>,
}
