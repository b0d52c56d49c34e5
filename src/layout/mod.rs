//! Layout: the document's blocks become pages of positioned text and lines. Text wraps on the
//! fonts' real glyph widths; nothing is ever split mid-line, table rows and checklist items
//! stay whole, and a heading always has something under it on the same page.
//!
//! The stage's parts: `style` (paper, print size, type sizes), `text` (shaping, bidi and line
//! breaking of a paragraph), the block kinds (`blocks`: framed text, fields, lists;
//! `table`; `chart`), and `paginate` (slabs placed on pages, the footer).

mod blocks;
mod chart;
mod paginate;
mod style;
mod table;
#[cfg(test)]
mod tests;
pub mod text;

use std::collections::BTreeMap;

use crate::document::{BarChart, Block, CheckItem, Document, Footer, Table, Text};
use crate::fonts::{FaceId, FontSet, Weight};
use crate::structure::{Artifact, Mark, NodeId, Role, Structure};

pub use crate::frame::{Item, Page};
use crate::frame::Area;
pub use paginate::join;
use paginate::{paginate, slab_chars, FieldArea, LinkArea, Slab, LAYOUT};
pub use style::{PageOptions, Paper, PrintSize, Style};
use text::text_width;
use text::{baseline_in, fit_with_ellipsis, push_text};
pub use text::{wrap, Line, Piece};

/// A laid-out document: its pages, the page (from 1) of each of its anchors, and the
/// structure its pages' items are marked with.
#[derive(Debug, Clone, PartialEq)]
pub struct Laid {
    pub pages: Vec<Page>,
    pub anchors: BTreeMap<String, usize>,
    pub structure: Structure,
}

/// Lays a document out into pages, with "Page N of M" and the footer text on each.
pub fn layout(doc: &Document, fonts: &FontSet, options: PageOptions) -> Vec<Page> {
    layout_with_anchors(doc, fonts, options).pages
}

/// Lays a document out into pages, and builds the structure its pages' items are marked with.
pub fn layout_with_structure(
    doc: &Document,
    fonts: &FontSet,
    options: PageOptions,
) -> (Vec<Page>, Structure) {
    let laid = layout_with_anchors(doc, fonts, options);
    (laid.pages, laid.structure)
}

/// Lays a document out, and reports on which page each of its anchors landed.
pub fn layout_with_anchors(doc: &Document, fonts: &FontSet, options: PageOptions) -> Laid {
    join(
        vec![layout_part(&doc.blocks, fonts, options)],
        &doc.footer,
        fonts,
        options,
    )
}

/// A page's items, and what each belongs to.
type MarkedItems = (Vec<Item>, Vec<Mark>);

/// Blocks laid out on pages of their own, without the running footer: parts laid out apart
/// are joined into one document by [`join`], as if laid out together, since each part starts
/// on a new page.
#[derive(Debug, Clone, PartialEq)]
pub struct Part {
    /// Each page's items and their marks.
    pages: Vec<MarkedItems>,
    /// Anchor id → page within the part, from 1.
    pub anchors: BTreeMap<String, usize>,
    /// Anchor id → page within the part, from 0, and how far down it the anchored text is.
    places: BTreeMap<String, (usize, f32)>,
    /// Each page's text that links somewhere.
    links: Vec<Vec<LinkArea>>,
    /// Each page's space to write in that can be typed into.
    fields: Vec<Vec<FieldArea>>,
    structure: Structure,
}

impl Part {
    pub fn pages(&self) -> usize {
        self.pages.len()
    }
}

pub fn layout_part(blocks: &[Block], fonts: &FontSet, options: PageOptions) -> Part {
    let style = Style::for_options(options);
    let (width, height) = options.paper.size();
    let mut b = Builder {
        fonts,
        style,
        left: style.margin,
        width: width - 2.0 * style.margin,
        slabs: Vec::new(),
        headers: Vec::new(),
        break_next: false,
        tree: Structure::new(part_language(blocks)),
        lang: None,
        linking: None,
    };
    let mut marks: Vec<(String, usize, usize)> = Vec::new();
    for block in blocks {
        match block {
            Block::Anchor { id, skip } => marks.push((id.clone(), *skip, b.slabs.len())),
            // What follows is in this language: its nodes say so where the part's differs.
            Block::Language(l) => {
                b.lang = (l.tag() != b.tree.lang).then(|| l.tag().to_string());
            }
            _ => b.block(block),
        }
    }
    let footer_h = style.line(style.footer) + 6.0;
    let bottom = height - style.margin - footer_h;
    // The slab holding each anchored text's character number `skip` (not counting white
    // space), found before the slabs give their items up to the pages.
    let anchored: Vec<(String, usize)> = marks
        .into_iter()
        .map(|(id, skip, first)| {
            let mut seen = 0;
            let mut at = first;
            for (i, slab) in b.slabs.iter().enumerate().skip(first) {
                at = i;
                seen += slab_chars(slab);
                if seen > skip {
                    break;
                }
            }
            (id, at)
        })
        .collect();
    let placed = paginate(b.slabs, &b.headers, style.margin, bottom);
    let places: BTreeMap<String, (usize, f32)> = anchored
        .into_iter()
        .map(|(id, at)| {
            let place = placed.slabs.get(at).or(placed.slabs.last()).copied();
            (id, place.unwrap_or((0, style.margin)))
        })
        .collect();
    let anchors = places.iter().map(|(id, p)| (id.clone(), p.0 + 1)).collect();
    Part {
        pages: placed.pages,
        anchors,
        places,
        links: placed.links,
        fields: placed.fields,
        structure: b.tree,
    }
}

/// The language a part is written in: that of its first language block, else English.
fn part_language(blocks: &[Block]) -> &'static str {
    blocks
        .iter()
        .find_map(|b| match b {
            Block::Language(l) => Some(l.tag()),
            _ => None,
        })
        .unwrap_or("en")
}

struct Builder<'a> {
    fonts: &'a FontSet,
    style: Style,
    left: f32,
    width: f32,
    slabs: Vec<Slab>,
    headers: Vec<Slab>,
    break_next: bool,
    tree: Structure,
    /// The language of the nodes now added, where it is not the part's.
    lang: Option<String>,
    /// The last link's text pushed: what it is part of, where it goes, and its node, so
    /// that a link set on several lines is one link.
    linking: Option<(NodeId, crate::document::Link, NodeId)>,
}

impl Builder<'_> {
    fn push(&mut self, mut slab: Slab) {
        if std::mem::take(&mut self.break_next) {
            slab.break_before = true;
        }
        slab.mark(Mark::Content(Structure::ROOT));
        for area in &mut slab.links {
            let Mark::Content(around) = slab.marks[area.item] else {
                continue;
            };
            let node = match &self.linking {
                Some((a, link, node)) if *a == around && *link == area.link => *node,
                _ => {
                    let node = self.tree.add(around, Role::Link);
                    self.linking = Some((around, area.link.clone(), node));
                    node
                }
            };
            slab.marks[area.item] = Mark::Content(node);
            area.node = node;
        }
        self.slabs.push(slab);
    }

    /// A new node under the document's root.
    fn node(&mut self, role: Role) -> NodeId {
        let id = self.tree.add(Structure::ROOT, role);
        self.tree.node_mut(id).lang.clone_from(&self.lang);
        id
    }

    /// Text lines drawn at `x`, one slab each, their text content of `node`.
    fn text_lines(&self, lines: Vec<Line>, x: f32, size: f32, node: NodeId) -> Vec<Slab> {
        let line_h = self.style.line(size);
        lines
            .into_iter()
            .map(|line| {
                let mut slab = Slab {
                    height: if line.is_empty() {
                        line_h * 0.5
                    } else {
                        line_h
                    },
                    ..Slab::default()
                };
                slab.draw_line(line, x, 0.0, size, line_h);
                slab.marked(Mark::Content(node))
            })
            .collect()
    }

    // Long as a whole, but one short arm per kind of block, each readable on its own.
    fn block(&mut self, block: &Block) {
        let s = self.style;
        match block {
            // Taken in `layout_part`, before a block is built.
            Block::Language(_) => {}
            Block::Title { text, subtitle } => {
                let lines = wrap(
                    &crate::document::strong(text),
                    self.fonts,
                    s.title,
                    self.width,
                );
                let h1 = self.node(Role::H1);
                self.tree.node_mut(h1).title = Some(text.clone());
                let mut slabs = self.text_lines(lines, self.left, s.title, h1);
                let sub = wrap(
                    &crate::document::plain(subtitle),
                    self.fonts,
                    s.subtitle,
                    self.width,
                );
                let p = self.node(Role::P);
                slabs.extend(self.text_lines(sub, self.left, s.subtitle, p));
                for mut slab in slabs {
                    slab.keep_with_next = true;
                    self.push(slab);
                }
            }
            Block::Heading(text) => {
                let lines = wrap(
                    &crate::document::strong(text),
                    self.fonts,
                    s.heading,
                    self.width,
                );
                let line_h = s.line(s.heading);
                let h2 = self.node(Role::H2);
                self.tree.node_mut(h2).title = Some(text.clone());
                let mut slab = Slab {
                    height: line_h * lines.len() as f32 + 4.0,
                    gap: s.body * 1.3,
                    keep_with_next: true,
                    ..Slab::default()
                };
                for (i, line) in lines.into_iter().enumerate() {
                    slab.draw_line(
                        line,
                        self.left,
                        i as f32 * line_h,
                        s.heading,
                        line_h,
                    );
                }
                slab.mark(Mark::Content(h2));
                slab.items.push(Item::Line {
                    from: (self.left, slab.height - 1.5),
                    to: (self.left + self.width, slab.height - 1.5),
                    width: 1.2,
                    grey: 0.0,
                });
                slab.mark(LAYOUT);
                self.push(slab);
            }
            Block::Subheading(text) => {
                let lines = wrap(
                    &crate::document::strong(text),
                    self.fonts,
                    s.body,
                    self.width,
                );
                let h3 = self.node(Role::H3);
                self.tree.node_mut(h3).title = Some(text.clone());
                let mut slabs = self.text_lines(lines, self.left, s.body, h3);
                if let Some(first) = slabs.first_mut() {
                    first.gap = s.body * 0.7;
                }
                for mut slab in slabs {
                    slab.keep_with_next = true;
                    self.push(slab);
                }
            }
            Block::Paragraph(text) => {
                let lines = wrap(text, self.fonts, s.body, self.width);
                let p = self.node(Role::P);
                let mut slabs = self.text_lines(lines, self.left, s.body, p);
                if let Some(first) = slabs.first_mut() {
                    first.gap = s.body * 0.3;
                }
                for slab in slabs {
                    self.push(slab);
                }
            }
            Block::Fields(fields) => self.fields(fields),
            Block::WritingLines { lines, label } => {
                // The lines are drawing alone; what a reader finds there is a field on each,
                // so that what is typed stands on the line as handwriting would. The lines
                // after the first are announced with their number, "(2/3)".
                // They stay on the page of what they answer: the question, or its hint.
                if let Some(before) = self.slabs.last_mut() {
                    before.keep_with_next = true;
                }
                for i in 0..*lines {
                    let space = self.node(Role::Form);
                    let label = match *lines {
                        1 => label.clone(),
                        n => format!("{label} ({}/{n})", i + 1),
                    };
                    // An answer's lines stay on one page: one field, where it is asked.
                    let mut slab = Slab {
                        height: s.writing_gap,
                        gap: if i == 0 { s.body * 0.2 } else { 0.0 },
                        keep_with_next: i + 1 < *lines,
                        ..Slab::default()
                    };
                    slab.items.push(Item::Line {
                        from: (self.left, s.writing_gap - 2.0),
                        to: (self.left + self.width, s.writing_gap - 2.0),
                        width: 0.6,
                        grey: 0.45,
                    });
                    // As tall as a line of text, standing on the rule.
                    let h = s.line(s.body).min(s.writing_gap - 2.0);
                    slab.fields.push(FieldArea {
                        area: Area {
                            x: self.left,
                            y: s.writing_gap - 2.0 - h,
                            w: self.width,
                            h,
                        },
                        label,
                        size: s.body,
                        node: space,
                    });
                    self.push(slab.marked(LAYOUT));
                }
            }
            Block::Table(table) => self.table(table),
            Block::Checklist(items) => self.checklist(items),
            Block::Bullets(items) => self.bullets(items),
            Block::Chart(chart) => self.chart(chart),
            Block::Rule => {
                let mut slab = Slab {
                    height: s.body * 0.6,
                    gap: s.body * 0.3,
                    ..Slab::default()
                };
                slab.items.push(Item::Line {
                    from: (self.left, s.body * 0.3),
                    to: (self.left + self.width, s.body * 0.3),
                    width: 0.8,
                    grey: 0.3,
                });
                self.push(slab.marked(LAYOUT));
            }
            Block::PageBreak => self.break_next = true,
            Block::Framed(text) => self.framed(text),
            Block::Note(text) => {
                let size = s.body * 0.85;
                let lines = wrap(text, self.fonts, size, self.width);
                let p = self.node(Role::P);
                let mut slabs = self.text_lines(lines, self.left, size, p);
                if let Some(first) = slabs.first_mut() {
                    first.gap = s.body * 0.2;
                }
                // A hint is read whole, on one page.
                let last = slabs.len().saturating_sub(1);
                for (i, mut slab) in slabs.into_iter().enumerate() {
                    slab.keep_with_next |= i < last;
                    self.push(slab);
                }
            }
            // Anchors take no room; `layout_with_anchors` notes where they fall.
            Block::Anchor { .. } => {}
        }
    }

    /// No slab may be taller than a page's body, or it could never be placed.
    fn max_slab_height(&self) -> f32 {
        // Half the smallest page body: a row this tall is split into lines rather than
        // pushed whole onto a fresh page, which would leave most of a page empty.
        let smallest_body = 792.0 - 2.0 * self.style.margin - 40.0;
        smallest_body * 0.5
    }
}
