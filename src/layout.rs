//! Layout: the document's blocks become pages of positioned text and lines. Text wraps on the
//! fonts' real glyph widths; nothing is ever split mid-line, table rows and checklist items
//! stay whole, and a heading always has something under it on the same page.

use std::collections::BTreeMap;

use crate::document::{BarChart, Block, CheckItem, Document, Table, Text};
use crate::fonts::{FaceId, FontSet, Weight};
use crate::structure::{Artifact, Mark, NodeId, Role, Structure};
use crate::text::{run_in_face, Paragraph};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Paper {
    #[default]
    A4,
    Letter,
}

impl Paper {
    /// Width and height in points.
    pub fn size(self) -> (f32, f32) {
        match self {
            Paper::A4 => (595.276, 841.89),
            Paper::Letter => (612.0, 792.0),
        }
    }
}

/// How big the type is. Large and extra large follow older-adult reading guidance (16 to
/// 18 pt, about 1.5 line spacing, wider margins); extra large is for very low vision.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum PrintSize {
    /// 11.5 pt body text.
    #[default]
    Normal,
    /// 16 pt body text.
    Large,
    /// 18 pt body text.
    ExtraLarge,
}

#[derive(Debug, Clone, Copy, Default)]
pub struct PageOptions {
    pub paper: Paper,
    pub print: PrintSize,
}

/// Type sizes and spacing, in points.
#[derive(Debug, Clone, Copy)]
pub struct Style {
    pub body: f32,
    pub leading: f32,
    pub heading: f32,
    pub title: f32,
    pub subtitle: f32,
    pub footer: f32,
    pub margin: f32,
    /// Distance between ruled lines to write on by hand.
    pub writing_gap: f32,
}

impl Style {
    pub fn for_options(options: PageOptions) -> Style {
        match options.print {
            PrintSize::Normal => Style {
                body: 11.5,
                leading: 1.45,
                heading: 15.5,
                title: 24.0,
                subtitle: 15.0,
                footer: 9.0,
                margin: 50.0,
                writing_gap: 26.0,
            },
            PrintSize::Large => Style {
                body: 16.0,
                leading: 1.55,
                heading: 21.0,
                title: 30.0,
                subtitle: 20.0,
                footer: 11.0,
                margin: 58.0,
                writing_gap: 34.0,
            },
            PrintSize::ExtraLarge => Style {
                body: 18.0,
                leading: 1.55,
                heading: 23.0,
                title: 32.0,
                subtitle: 22.0,
                footer: 12.0,
                margin: 54.0,
                writing_gap: 38.0,
            },
        }
    }

    fn line(&self, size: f32) -> f32 {
        size * self.leading
    }
}

use crate::frame::Glyph;
pub use crate::frame::{Item, Page};
pub use crate::text::{Line, Piece};

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
        tree: Structure::new(SHEET_LANGUAGE),
    };
    let mut marks: Vec<(String, usize, usize)> = Vec::new();
    for block in blocks {
        match block {
            Block::Anchor { id, skip } => marks.push((id.clone(), *skip, b.slabs.len())),
            _ => b.block(block),
        }
    }
    let footer_h = style.line(style.footer) + 6.0;
    let bottom = height - style.margin - footer_h;
    let (pages, slab_pages) = paginate(&b.slabs, &b.headers, style.margin, bottom);
    let anchors = marks
        .into_iter()
        .map(|(id, skip, first)| {
            // The slab holding the text's character number `skip` (not counting white space).
            let mut seen = 0;
            let mut at = first;
            for (i, slab) in b.slabs.iter().enumerate().skip(first) {
                at = i;
                seen += slab_chars(slab);
                if seen > skip {
                    break;
                }
            }
            let page = slab_pages
                .get(at)
                .or(slab_pages.last())
                .copied()
                .unwrap_or(0);
            (id, page + 1)
        })
        .collect();
    Part {
        pages,
        anchors,
        structure: b.tree,
    }
}

/// Parts, one after the other, as one document with "Page N of M" and `footer_text` on every
/// page; the anchors' pages counted from the first page of the first part, and the parts'
/// structures one after the other under one root.
pub fn join(parts: Vec<Part>, footer_text: &str, fonts: &FontSet, options: PageOptions) -> Laid {
    let style = Style::for_options(options);
    let (width, height) = options.paper.size();
    let total: usize = parts.iter().map(|p| p.pages.len()).sum();
    let mut anchors = BTreeMap::new();
    let mut pages = Vec::with_capacity(total);
    let mut structure = Structure::new(SHEET_LANGUAGE);
    for part in parts {
        let before = pages.len();
        anchors.extend(part.anchors.into_iter().map(|(id, p)| (id, p + before)));
        let moved = structure.append(part.structure);
        for (mut items, marks) in part.pages {
            end_runs_with_spaces(&mut items, &marks, fonts);
            let mut furniture = Vec::new();
            footer(
                &mut furniture,
                fonts,
                &style,
                footer_text,
                pages.len() + 1,
                total,
                width,
                height,
            );
            pages.push(Page {
                width,
                height,
                items,
                marks: marks.into_iter().map(&moved).collect(),
                furniture,
            });
        }
    }
    structure.level_headings();
    Laid {
        pages,
        anchors,
        structure,
    }
}

/// Ends with a space each text run that another of the same structure element follows on a
/// later line, or further along its own line after a gap (a change of weight): the space
/// the break or the gap stands for. It is drawn (it shows nothing) so that a reader of the text layer,
/// one joining a paragraph's lines by its tags above all, keeps the last word of one run
/// and the first of the next apart. A run ending in a hyphen at its line's end is left as
/// it is: the writer keeps that hyphen in the text in its own way. Right-to-left runs are
/// left too: their end in reading order is at their left, where a space would move them.
fn end_runs_with_spaces(items: &mut [Item], marks: &[Mark], fonts: &FontSet) {
    let mark_of = |i: usize| marks.get(i).copied();
    // Where the next text of the same element starts, if any does.
    let mut next: Option<(f32, f32, Option<Mark>)> = None;
    for (i, item) in items.iter_mut().enumerate().rev() {
        let mark = mark_of(i);
        if next.is_some_and(|n| n.2 != mark) {
            next = None;
        }
        let Item::Text(run) = item else { continue };
        let follows = next.replace((run.x, run.baseline, mark));
        let Some((next_x, next_baseline, _)) = follows else {
            continue;
        };
        if run.text.ends_with(char::is_whitespace)
            || (run.ends_line && run.text.ends_with('-'))
            || run
                .glyphs
                .windows(2)
                .any(|g| g[1].text.start < g[0].text.start)
        {
            continue;
        }
        let face = fonts.face(run.face);
        let runs_on = next_baseline > run.baseline + 0.01
            || ((next_baseline - run.baseline).abs() <= 0.01
                && next_x - (run.x + run.width(face.units_per_em())) > 0.15 * run.size);
        let (space, advance) = face.glyph(' ');
        if runs_on && space != 0 {
            let at = run.text.len() as u32;
            run.text.push(' ');
            run.glyphs.push(Glyph {
                id: space,
                advance: i32::from(advance),
                x_offset: 0,
                y_offset: 0,
                text: at..at + 1,
            });
        }
    }
}

/// Characters of text drawn in a slab, white space not counted.
fn slab_chars(slab: &Slab) -> usize {
    slab.items
        .iter()
        .map(|item| match item {
            Item::Text(run) => run.text.chars().filter(|c| !c.is_whitespace()).count(),
            _ => 0,
        })
        .sum()
}

/// The language of the sheet's own words (its headings, labels and guides).
const SHEET_LANGUAGE: &str = "en";

#[allow(clippy::too_many_arguments)]
fn footer(
    items: &mut Vec<Item>,
    fonts: &FontSet,
    style: &Style,
    text: &str,
    n: usize,
    total: usize,
    width: f32,
    height: f32,
) {
    let size = style.footer;
    let baseline = height - style.margin;
    let rule_y = baseline - style.line(size);
    items.push(Item::Line {
        from: (style.margin, rule_y),
        to: (width - style.margin, rule_y),
        width: 0.5,
        grey: 0.5,
    });
    let label = format!("Page {n} of {total}");
    let label_w = fonts.width(&label, Weight::Bold, size);
    let right = width - style.margin;
    push_text(
        items,
        fonts,
        right - label_w,
        baseline,
        size,
        Weight::Bold,
        &label,
    );
    // The footer repeats what the header says in full; here it is shortened to fit one line.
    let room = right - label_w - 2.0 * size - style.margin;
    let shown = fit_with_ellipsis(fonts, text, Weight::Regular, size, room);
    push_text(
        items,
        fonts,
        style.margin,
        baseline,
        size,
        Weight::Regular,
        &shown,
    );
}

fn fit_with_ellipsis(fonts: &FontSet, text: &str, weight: Weight, size: f32, room: f32) -> String {
    let text = text.replace('\n', " ");
    if fonts.width(&text, weight, size) <= room {
        return text;
    }
    let mut out = String::new();
    for c in text.chars() {
        out.push(c);
        if fonts.width(&format!("{out}…"), weight, size) > room {
            out.pop();
            break;
        }
    }
    format!("{}…", out.trim_end())
}

/// Draws `text` on one line starting at `x`; returns where it ends.
fn push_text(
    items: &mut Vec<Item>,
    fonts: &FontSet,
    x: f32,
    baseline: f32,
    size: f32,
    weight: Weight,
    text: &str,
) -> f32 {
    let line = Paragraph::new(fonts, &[(weight, text)]).one_line(size);
    for piece in &line {
        if !piece.text.trim().is_empty() {
            items.push(Item::Text(piece.run(x, baseline, size)));
        }
    }
    x + crate::text::line_width(&line)
}

// --- Wrapping ---

/// Sets text in lines no wider than `width` at `size`, breaking where the Unicode line
/// breaking rules allow (at spaces, between Thai or Chinese words, …); a word longer than
/// the line is broken between characters, never with an added hyphen, so the text still
/// reads back exactly as written. Each `\n` starts a new line; an empty line stays as an
/// empty line. A paragraph that reads right to left is set flush right.
pub fn wrap(text: &Text, fonts: &FontSet, size: f32, width: f32) -> Vec<Line> {
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

// --- Slabs: the unbreakable units that pagination moves between pages ---

#[derive(Debug, Clone, Default)]
struct Slab {
    height: f32,
    /// Space above, dropped at the top of a page.
    gap: f32,
    /// Items with y measured from the slab's top.
    items: Vec<Item>,
    /// What each item belongs to; see [`Slab::mark`].
    marks: Vec<Mark>,
    keep_with_next: bool,
    break_before: bool,
    /// A table header to repeat when this slab opens a page.
    header: Option<usize>,
    /// Placed again and again below itself until the page is full (rows to write in).
    fill_page: bool,
}

impl Slab {
    /// Marks the items added since the last call as `mark`.
    fn mark(&mut self, mark: Mark) {
        let n = self.items.len() - self.marks.len();
        self.marks.extend(std::iter::repeat_n(mark, n));
    }

    fn marked(mut self, mark: Mark) -> Slab {
        self.mark(mark);
        self
    }

    /// Appends `other`'s items and marks, `dy` lower.
    fn append(&mut self, other: Slab, dy: f32) {
        self.mark(Mark::Content(Structure::ROOT));
        self.items
            .extend(other.items.into_iter().map(|i| shift(i, dy)));
        self.marks.extend(other.marks);
    }
}

const LAYOUT: Mark = Mark::Artifact(Artifact::Layout);

struct Builder<'a> {
    fonts: &'a FontSet,
    style: Style,
    left: f32,
    width: f32,
    slabs: Vec<Slab>,
    headers: Vec<Slab>,
    break_next: bool,
    tree: Structure,
}

impl Builder<'_> {
    fn push(&mut self, mut slab: Slab) {
        if std::mem::take(&mut self.break_next) {
            slab.break_before = true;
        }
        slab.mark(Mark::Content(Structure::ROOT));
        self.slabs.push(slab);
    }

    /// A new node under the document's root.
    fn node(&mut self, role: Role) -> NodeId {
        self.tree.add(Structure::ROOT, role)
    }

    /// Text lines drawn at `x`, one slab each, their text content of `node`.
    fn text_lines(&self, lines: &[Line], x: f32, size: f32, node: NodeId) -> Vec<Slab> {
        let line_h = self.style.line(size);
        lines
            .iter()
            .map(|line| {
                let mut slab = Slab {
                    height: if line.is_empty() {
                        line_h * 0.5
                    } else {
                        line_h
                    },
                    ..Slab::default()
                };
                draw_line(&mut slab.items, line, x, 0.0, size, line_h);
                slab.marked(Mark::Content(node))
            })
            .collect()
    }

    fn block(&mut self, block: &Block) {
        let s = self.style;
        match block {
            Block::Title { text, subtitle } => {
                let lines = wrap(
                    &crate::document::strong(text),
                    self.fonts,
                    s.title,
                    self.width,
                );
                let h1 = self.node(Role::H1);
                self.tree.node_mut(h1).title = Some(text.clone());
                let mut slabs = self.text_lines(&lines, self.left, s.title, h1);
                let sub = wrap(
                    &crate::document::plain(subtitle),
                    self.fonts,
                    s.subtitle,
                    self.width,
                );
                let p = self.node(Role::P);
                slabs.extend(self.text_lines(&sub, self.left, s.subtitle, p));
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
                for (i, line) in lines.iter().enumerate() {
                    draw_line(
                        &mut slab.items,
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
                let mut slabs = self.text_lines(&lines, self.left, s.body, h3);
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
                let mut slabs = self.text_lines(&lines, self.left, s.body, p);
                if let Some(first) = slabs.first_mut() {
                    first.gap = s.body * 0.3;
                }
                for slab in slabs {
                    self.push(slab);
                }
            }
            Block::Fields(fields) => self.fields(fields),
            Block::WritingLines(n) => {
                for i in 0..*n {
                    let mut slab = Slab {
                        height: s.writing_gap,
                        gap: if i == 0 { s.body * 0.2 } else { 0.0 },
                        ..Slab::default()
                    };
                    slab.items.push(Item::Line {
                        from: (self.left, s.writing_gap - 2.0),
                        to: (self.left + self.width, s.writing_gap - 2.0),
                        width: 0.6,
                        grey: 0.45,
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
                let mut slabs = self.text_lines(&lines, self.left, size, p);
                if let Some(first) = slabs.first_mut() {
                    first.gap = s.body * 0.2;
                }
                for slab in slabs {
                    self.push(slab);
                }
            }
            // Anchors take no room; `layout_with_anchors` notes where they fall.
            Block::Anchor { .. } => {}
        }
    }

    /// Text inside a heavy black frame.
    fn framed(&mut self, text: &Text) {
        let s = self.style;
        let inset = s.body * 0.6;
        let lines = wrap(text, self.fonts, s.body, self.width - 2.0 * inset);
        let p = self.node(Role::P);
        let cells = [(self.left + inset, lines, Mark::Content(p))];
        let mut slabs = self.row_bands(
            &cells,
            s.body,
            s.body * 0.35,
            Some(&[self.left, self.left + self.width]),
        );
        for slab in &mut slabs {
            for item in &mut slab.items {
                if let Item::Line { width, grey, .. } = item {
                    *width = 2.0;
                    *grey = 0.0;
                }
            }
        }
        if let Some(first) = slabs.first_mut() {
            first.gap = s.body * 0.5;
        }
        for slab in slabs {
            self.push(slab);
        }
    }

    fn fields(&mut self, fields: &[(String, Text)]) {
        let s = self.style;
        // A label ends with a colon, unless it is a question.
        let labelled = |l: &str| {
            if l.ends_with(['?', ':']) {
                l.to_string()
            } else {
                format!("{l}:")
            }
        };
        // At least a common width, so that short lists of fields one after another line up.
        let label_w = fields
            .iter()
            .map(|(l, _)| self.fonts.width(&labelled(l), Weight::Bold, s.body))
            .fold(s.body * 8.5, f32::max)
            .min(self.width * 0.35);
        // Labels are set flush right, close to their values, so that a reader that extracts
        // the text reads "Born: 14 March 1956" as one line rather than two columns.
        let gap = s.body * 0.4;
        let value_x = self.left + label_w + gap;
        let value_w = self.width - label_w - gap;
        let list = self.node(Role::L);
        let mut first = true;
        for (label, value) in fields {
            let mut label_lines = wrap(
                &crate::document::strong(labelled(label)),
                self.fonts,
                s.body,
                label_w,
            );
            for line in &mut label_lines {
                let used = line
                    .last()
                    .map_or(0.0, |p| p.x + self.fonts.width(&p.text, p.weight, s.body));
                line.iter_mut().for_each(|p| p.x += label_w - used);
            }
            let value_lines = wrap(value, self.fonts, s.body, value_w);
            // A label and its value: a list item, its label the item's label.
            let item = self.tree.add(list, Role::LI);
            let lbl = self.tree.add(item, Role::Lbl);
            let body = self.tree.add(item, Role::LBody);
            let cells = [
                (self.left, label_lines, Mark::Content(lbl)),
                (value_x, value_lines, Mark::Content(body)),
            ];
            for (n, mut slab) in self
                .row_bands(&cells, s.body, 0.0, None)
                .into_iter()
                .enumerate()
            {
                if first && n == 0 {
                    slab.gap = s.body * 0.6;
                }
                self.push(slab);
            }
            first = false;
        }
    }

    /// A row of cells, each a column of lines at an x with what its text is. Returns one slab
    /// when the row fits on a page, else one slab per line band (only then may a row continue
    /// on the next page). Each cell's lines are drawn together, one cell after the other, so
    /// that a reader taking the text in drawing order reads every cell whole.
    fn row_bands(
        &self,
        cells: &[(f32, Vec<Line>, Mark)],
        size: f32,
        pad: f32,
        grid: Option<&[f32]>,
    ) -> Vec<Slab> {
        let line_h = self.style.line(size);
        let bands = cells.iter().map(|c| c.1.len()).max().unwrap_or(1).max(1);
        let total = line_h * bands as f32 + 2.0 * pad;
        let rule = |slab: &mut Slab, from: (f32, f32), to: (f32, f32)| {
            slab.items.push(Item::Line {
                from,
                to,
                width: 0.6,
                grey: 0.35,
            });
        };
        if total <= self.max_slab_height() {
            let mut slab = Slab {
                height: total,
                ..Slab::default()
            };
            for (x, lines, mark) in cells {
                for (band, line) in lines.iter().enumerate() {
                    let top = pad + band as f32 * line_h;
                    draw_line(&mut slab.items, line, *x, top, size, line_h);
                }
                slab.mark(*mark);
            }
            if let Some(xs) = grid {
                for &x in xs {
                    rule(&mut slab, (x, 0.0), (x, total));
                }
                let (l, r) = (xs[0], xs[xs.len() - 1]);
                rule(&mut slab, (l, 0.0), (r, 0.0));
                rule(&mut slab, (l, total), (r, total));
                slab.mark(LAYOUT);
            }
            return vec![slab];
        }
        (0..bands)
            .map(|band| {
                let top = if band == 0 { pad } else { 0.0 };
                let bottom = if band + 1 == bands { pad } else { 0.0 };
                let mut slab = Slab {
                    height: top + line_h + bottom,
                    ..Slab::default()
                };
                for (x, lines, mark) in cells {
                    if let Some(line) = lines.get(band) {
                        draw_line(&mut slab.items, line, *x, top, size, line_h);
                    }
                    slab.mark(*mark);
                }
                if let Some(xs) = grid {
                    let h = slab.height;
                    for &x in xs {
                        rule(&mut slab, (x, 0.0), (x, h));
                    }
                    let (l, r) = (xs[0], xs[xs.len() - 1]);
                    if band == 0 {
                        rule(&mut slab, (l, 0.0), (r, 0.0));
                    }
                    if band + 1 == bands {
                        rule(&mut slab, (l, h), (r, h));
                    }
                    slab.mark(LAYOUT);
                }
                slab
            })
            .collect()
    }

    /// No slab may be taller than a page's body, or it could never be placed.
    fn max_slab_height(&self) -> f32 {
        // Half the smallest page body: a row this tall is split into lines rather than
        // pushed whole onto a fresh page, which would leave most of a page empty.
        let smallest_body = 792.0 - 2.0 * self.style.margin - 40.0;
        smallest_body * 0.5
    }

    /// Column edges, or `None` when the columns cannot all be wide enough at this type size
    /// (large print, or a very long word): the table is then set as one block per row.
    fn column_xs(&self, table: &Table, inset: f32, size: f32) -> Option<Vec<f32>> {
        let avg_char = size * 0.55;
        let longest_word = |i: usize| -> f32 {
            let title = self
                .fonts
                .width(&table.columns[i].title, Weight::Bold, size);
            let title_word = table.columns[i]
                .title
                .split(' ')
                .map(|w| self.fonts.width(w, Weight::Bold, size))
                .fold(0.0, f32::max);
            let cells = table
                .rows
                .iter()
                .flat_map(|row| row.get(i))
                .flat_map(|text| text.iter())
                .flat_map(|span| {
                    let weight = if span.strong {
                        Weight::Bold
                    } else {
                        Weight::Regular
                    };
                    span.text
                        .split(' ')
                        .map(move |w| self.fonts.width(w, weight, size))
                })
                .fold(0.0, f32::max);
            // Blank grids are written in by hand: their titles may wrap, but not mid-word.
            let wanted = if table.rows.is_empty() {
                title_word
            } else {
                title.min(cells.max(title_word))
            };
            wanted.max(cells)
        };
        let mins: Vec<f32> = (0..table.columns.len())
            .map(|i| {
                longest_word(i).max(f32::from(table.columns[i].min_chars) * avg_char) + 2.0 * inset
            })
            .collect();
        let sum_min: f32 = mins.iter().sum();
        if sum_min > self.width + 0.01 {
            return None;
        }
        let total_weight: f32 = table.columns.iter().map(|c| c.weight).sum();
        let spare = self.width - sum_min;
        let mut xs = vec![self.left];
        for (i, min) in mins.iter().enumerate() {
            let w = min + spare * table.columns[i].weight / total_weight;
            xs.push(xs[xs.len() - 1] + w);
        }
        Some(xs)
    }

    fn even_columns(&self, n: usize) -> Vec<f32> {
        (0..=n)
            .map(|i| self.left + self.width * i as f32 / n as f32)
            .collect()
    }

    /// A table too wide for the page: each row becomes a framed block, its first cell as a
    /// bold title and the others as "Column: value" lines, in reading order.
    fn stacked(&mut self, table: &Table) {
        let s = self.style;
        let inset = s.body * 0.6;
        let inner = self.width - 2.0 * inset;
        // Read as a list of rows, each a title and "Column: value" paragraphs.
        let list = self.node(Role::L);
        for (r, row) in table.rows.iter().enumerate() {
            let item = self.tree.add(list, Role::LI);
            let body = self.tree.add(item, Role::LBody);
            let mut paragraphs: Vec<(Vec<Line>, Mark)> = Vec::new();
            if let Some(first) = row.first() {
                let bold: Text = first
                    .iter()
                    .map(|sp| crate::document::Span {
                        text: sp.text.clone(),
                        strong: true,
                    })
                    .collect();
                let p = self.tree.add(body, Role::P);
                paragraphs.push((wrap(&bold, self.fonts, s.body, inner), Mark::Content(p)));
            }
            for (col, cell) in table.columns.iter().zip(row).skip(1) {
                if cell.iter().all(|sp| sp.text.trim().is_empty()) {
                    continue;
                }
                let mut text = crate::document::strong(format!("{}: ", col.title));
                text.extend(cell.iter().cloned());
                let p = self.tree.add(body, Role::P);
                paragraphs.push((wrap(&text, self.fonts, s.body, inner), Mark::Content(p)));
            }
            let mut slabs = self.framed_paragraphs(&paragraphs, self.left + inset, s.body * 0.4);
            if let Some(first) = slabs.first_mut() {
                first.gap = if r == 0 { s.body * 0.4 } else { s.body * 0.3 };
            }
            for slab in slabs {
                self.push(slab);
            }
        }
    }

    /// Paragraphs one under the other at `x`, inside a frame as wide as the text column:
    /// one slab, or one a line when they are too long to keep together.
    fn framed_paragraphs(&self, paragraphs: &[(Vec<Line>, Mark)], x: f32, pad: f32) -> Vec<Slab> {
        let s = self.style;
        let line_h = s.line(s.body);
        let count: usize = paragraphs.iter().map(|p| p.0.len()).sum();
        let (l, r) = (self.left, self.left + self.width);
        let frame = |slab: &mut Slab, top: bool, bottom: bool| {
            let h = slab.height;
            for (from, to, on) in [
                ((l, 0.0), (l, h), true),
                ((r, 0.0), (r, h), true),
                ((l, 0.0), (r, 0.0), top),
                ((l, h), (r, h), bottom),
            ] {
                if on {
                    slab.items.push(Item::Line {
                        from,
                        to,
                        width: 0.6,
                        grey: 0.35,
                    });
                }
            }
            slab.mark(LAYOUT);
        };
        let total = line_h * count.max(1) as f32 + 2.0 * pad;
        if total <= self.max_slab_height() {
            let mut slab = Slab {
                height: total,
                ..Slab::default()
            };
            let mut top = pad;
            for (lines, mark) in paragraphs {
                for line in lines {
                    draw_line(&mut slab.items, line, x, top, s.body, line_h);
                    top += line_h;
                }
                slab.mark(*mark);
            }
            frame(&mut slab, true, true);
            return vec![slab];
        }
        let mut slabs = Vec::new();
        let mut n = 0;
        for (lines, mark) in paragraphs {
            for line in lines {
                let top = if n == 0 { pad } else { 0.0 };
                let bottom = if n + 1 == count { pad } else { 0.0 };
                let mut slab = Slab {
                    height: top + line_h + bottom,
                    ..Slab::default()
                };
                draw_line(&mut slab.items, line, x, top, s.body, line_h);
                slab.mark(*mark);
                frame(&mut slab, n == 0, n + 1 == count);
                slabs.push(slab);
                n += 1;
            }
        }
        slabs
    }

    fn table(&mut self, table: &Table) {
        let s = self.style;
        let pad = s.body * 0.3;
        // Cells are set well apart: text extractors read a narrow gutter as a word space
        // and would run neighbouring cells together. A grid to fill in by hand has no text
        // to extract beyond its titles, so it keeps the room for handwriting instead.
        let inset = if table.rows.is_empty() {
            s.body * 0.3
        } else {
            s.body * 0.75
        };
        // A grid filled in by hand keeps all its columns: when the titles do not fit at body
        // size, they are set smaller (never below 11 pt) rather than broken mid-word.
        let mut title_size = s.body;
        let mut fitted = self.column_xs(table, inset, s.body);
        while fitted.is_none() && table.rows.is_empty() && title_size > 11.0 {
            title_size = (title_size - 0.5).max(11.0);
            fitted = self.column_xs(table, inset, title_size);
        }
        let xs = match fitted {
            Some(xs) => xs,
            None if table.rows.is_empty() => self.even_columns(table.columns.len()),
            None => return self.stacked(table),
        };
        let node = self.node(Role::Table);
        let cell_lines = |cells: &[Text], row: NodeId, builder: &mut Builder| {
            cells
                .iter()
                .enumerate()
                .map(|(i, text)| {
                    let w = xs[i + 1] - xs[i] - 2.0 * inset;
                    let cell = builder.tree.add(row, Role::TD);
                    let lines = wrap(text, builder.fonts, s.body, w);
                    (xs[i] + inset, lines, Mark::Content(cell))
                })
                .collect::<Vec<_>>()
        };
        let titles: Vec<Text> = table
            .columns
            .iter()
            .map(|c| crate::document::strong(&c.title))
            .collect();
        // A grid to fill in by hand has only its header row, which then stands alone.
        let head = match table.rows.is_empty() {
            true => node,
            false => self.tree.add(node, Role::THead),
        };
        let head_row = self.tree.add(head, Role::TR);
        let title_cells: Vec<(f32, Vec<Line>, Mark)> = titles
            .iter()
            .enumerate()
            .map(|(i, text)| {
                let cell = self.tree.add(head_row, Role::TH);
                (
                    xs[i] + inset,
                    wrap(
                        text,
                        self.fonts,
                        title_size,
                        xs[i + 1] - xs[i] - 2.0 * inset,
                    ),
                    Mark::Content(cell),
                )
            })
            .collect();
        let header = self.row_bands(&title_cells, title_size, pad, Some(&xs));
        let header_index = self.headers.len();
        let mut header_slab = Slab::default();
        let mut y = 0.0;
        for slab in header {
            // Header cells are shaded; the shading goes under the text and rules.
            header_slab.items.push(Item::Rect {
                x: xs[0],
                y,
                w: xs[xs.len() - 1] - xs[0],
                h: slab.height,
                fill: Some(0.87),
                stroke: None,
            });
            header_slab.mark(LAYOUT);
            let h = slab.height;
            header_slab.append(slab, y);
            y += h;
        }
        header_slab.height = y;
        header_slab.keep_with_next = true;
        self.headers.push(header_slab.clone());
        header_slab.gap = s.body * 0.4;
        self.push(header_slab);

        let body = (!table.rows.is_empty()).then(|| self.tree.add(node, Role::TBody));
        for row in &table.rows {
            let tr = self.tree.add(body.expect("a body for the rows"), Role::TR);
            let cells = cell_lines(row, tr, self);
            for slab in self.row_bands(&cells, s.body, pad, Some(&xs)) {
                self.push(Slab {
                    header: Some(header_index),
                    ..slab
                });
            }
        }
        let blank_h = s.writing_gap.max(s.line(s.body) + 2.0 * pad);
        for n in 0..table.blank_rows {
            let mut slab = Slab {
                height: blank_h,
                header: Some(header_index),
                fill_page: table.fill_page && n + 1 == table.blank_rows,
                ..Slab::default()
            };
            for &x in &xs {
                slab.items.push(Item::Line {
                    from: (x, 0.0),
                    to: (x, blank_h),
                    width: 0.6,
                    grey: 0.35,
                });
            }
            slab.items.push(Item::Line {
                from: (xs[0], blank_h),
                to: (xs[xs.len() - 1], blank_h),
                width: 0.6,
                grey: 0.35,
            });
            slab.items.push(Item::Line {
                from: (xs[0], 0.0),
                to: (xs[xs.len() - 1], 0.0),
                width: 0.6,
                grey: 0.35,
            });
            self.push(slab.marked(LAYOUT));
        }
    }

    fn checklist(&mut self, items: &[CheckItem]) {
        let s = self.style;
        let line_h = s.line(s.body);
        let box_size = s.body * 0.95;
        let indent = box_size + s.body * 0.8;
        let list = self.node(Role::L);
        for (i, item) in items.iter().enumerate() {
            let li = self.tree.add(list, Role::LI);
            // The box is the item's label, read as the words its tick (or none) stands for.
            let lbl = self.tree.add(li, Role::Lbl);
            let words = if item.done { "Done: " } else { "Not done: " };
            self.tree.node_mut(lbl).actual_text = Some(words.to_string());
            let body = self.tree.add(li, Role::LBody);
            let lines = wrap(&item.text, self.fonts, s.body, self.width - indent);
            let mut slab = Slab {
                height: line_h * lines.len() as f32,
                gap: if i == 0 { s.body * 0.4 } else { s.body * 0.45 },
                ..Slab::default()
            };
            let top = (line_h - box_size) / 2.0;
            slab.items.push(Item::Rect {
                x: self.left,
                y: top,
                w: box_size,
                h: box_size,
                fill: None,
                stroke: Some((1.1, 0.0)),
            });
            // The words are the sheet's own few, plain letters the body face holds.
            let run = run_in_face(
                self.fonts,
                FaceId(0),
                words,
                self.left,
                top + box_size * 0.88,
                box_size / 0.95,
            );
            slab.items.push(Item::Hidden {
                run,
                width: box_size,
            });
            if item.done {
                let (x, y, b) = (self.left, top, box_size);
                slab.items.push(Item::Path {
                    points: vec![
                        (x + b * 0.18, y + b * 0.52),
                        (x + b * 0.42, y + b * 0.78),
                        (x + b * 0.86, y + b * 0.18),
                    ],
                    width: 1.8,
                });
            }
            slab.mark(Mark::Content(lbl));
            // An item is kept whole unless it is longer than half a page.
            if slab.height > self.max_slab_height() {
                let mut box_slab = Some(slab);
                for l in self.text_lines(&lines, self.left + indent, s.body, body) {
                    match box_slab.take() {
                        Some(mut first) => {
                            first.height = l.height;
                            first.append(l, 0.0);
                            self.push(first);
                        }
                        None => self.push(l),
                    }
                }
            } else {
                for (n, line) in lines.iter().enumerate() {
                    draw_line(
                        &mut slab.items,
                        line,
                        self.left + indent,
                        n as f32 * line_h,
                        s.body,
                        line_h,
                    );
                }
                slab.mark(Mark::Content(body));
                self.push(slab);
            }
        }
    }

    fn bullets(&mut self, items: &[Text]) {
        let s = self.style;
        let indent = s.body * 1.2;
        let list = self.node(Role::L);
        for (i, item) in items.iter().enumerate() {
            let li = self.tree.add(list, Role::LI);
            let lbl = self.tree.add(li, Role::Lbl);
            let body = self.tree.add(li, Role::LBody);
            let lines = wrap(item, self.fonts, s.body, self.width - indent);
            let mut slabs = self.text_lines(&lines, self.left + indent, s.body, body);
            if let Some(first) = slabs.first_mut() {
                first.gap = if i == 0 { s.body * 0.3 } else { s.body * 0.25 };
                let baseline = baseline_in(s.line(s.body), s.body);
                let mut bullet = Slab::default();
                push_text(
                    &mut bullet.items,
                    self.fonts,
                    self.left + s.body * 0.2,
                    baseline,
                    s.body,
                    Weight::Bold,
                    "•",
                );
                bullet.mark(Mark::Content(lbl));
                // The bullet first, as it is read.
                let text = std::mem::replace(first, bullet);
                first.gap = text.gap;
                first.height = text.height;
                first.append(text, 0.0);
            }
            for slab in slabs {
                self.push(slab);
            }
        }
    }

    fn chart(&mut self, chart: &BarChart) {
        let s = self.style;
        let size = s.footer.max(s.body * 0.8);
        let line_h = s.line(size);
        let height = match (chart.small, s.body > 12.0) {
            (true, true) => 96.0,
            (true, false) => 64.0,
            (false, true) => 230.0,
            (false, false) => 170.0,
        };
        let mut slab = Slab {
            height,
            gap: s.body * 0.6,
            ..Slab::default()
        };
        let items = &mut slab.items;
        push_text(
            items,
            self.fonts,
            self.left,
            baseline_in(line_h, size),
            size,
            Weight::Bold,
            &chart.caption,
        );
        let max = chart
            .bars
            .iter()
            .map(|b| b.1)
            .fold(0.0, f32::max)
            .max(1.0)
            .ceil();
        let step = nice_step(max, if chart.small { 1.0 } else { 6.0 });
        let top_v = (max / step).ceil() * step;
        let tick_labels: Vec<String> = (0..=(top_v / step) as usize)
            .map(|i| format!("{}", i as f32 * step))
            .collect();
        let axis_label_w = tick_labels
            .iter()
            .map(|t| self.fonts.width(t, Weight::Regular, size))
            .fold(0.0, f32::max);
        let plot_left = self.left + axis_label_w + size * 0.6;
        let plot_right = self.left + self.width;
        // Caption, then the axis label, then room for the count above the tallest bar.
        let plot_top = if chart.small {
            line_h + size * 1.2
        } else {
            line_h * 2.0 + size * 1.4
        };
        let plot_bottom = height - line_h * 1.4;
        let scale = (plot_bottom - plot_top) / top_v;
        for (i, label) in tick_labels.iter().enumerate() {
            let v = i as f32 * step;
            let y = plot_bottom - v * scale;
            items.push(Item::Line {
                from: (plot_left, y),
                to: (plot_right, y),
                width: 0.4,
                grey: if i == 0 { 0.0 } else { 0.75 },
            });
            let w = self.fonts.width(label, Weight::Regular, size);
            push_text(
                items,
                self.fonts,
                plot_left - size * 0.4 - w,
                y + size * 0.35,
                size,
                Weight::Regular,
                label,
            );
        }
        // A small chart has no room for the axis label; its caption says what is counted.
        if !chart.small {
            push_text(
                items,
                self.fonts,
                self.left,
                line_h + baseline_in(line_h, size),
                size,
                Weight::Regular,
                &chart.y_label,
            );
        }
        items.push(Item::Line {
            from: (plot_left, plot_top),
            to: (plot_left, plot_bottom),
            width: 0.8,
            grey: 0.0,
        });

        let n = chart.bars.len().max(1);
        let slot = (plot_right - plot_left) / n as f32;
        let bar_w = (slot * 0.62).min(60.0);
        // Show every k-th label so that labels never run into each other.
        let widest = chart
            .bars
            .iter()
            .map(|b| self.fonts.width(&b.0, Weight::Regular, size))
            .fold(0.0, f32::max);
        let every = ((widest + size) / slot).ceil().max(1.0) as usize;
        for (i, (label, value)) in chart.bars.iter().enumerate() {
            let cx = plot_left + slot * (i as f32 + 0.5);
            let h = value * scale;
            if h > 0.0 {
                items.push(Item::Rect {
                    x: cx - bar_w / 2.0,
                    y: plot_bottom - h,
                    w: bar_w,
                    h,
                    fill: Some(0.55),
                    stroke: Some((0.6, 0.0)),
                });
            }
            if i % every == 0 {
                let w = self.fonts.width(label, Weight::Regular, size);
                // Centred under its bar, but never out into the margin.
                let x = (cx - w / 2.0).clamp(self.left, plot_right - w);
                push_text(
                    items,
                    self.fonts,
                    x,
                    plot_bottom + line_h * 0.9,
                    size,
                    Weight::Regular,
                    label,
                );
            }
            let count = format!("{value}");
            let cw = self.fonts.width(&count, Weight::Bold, size);
            if *value > 0.0 && cw < slot {
                push_text(
                    items,
                    self.fonts,
                    cx - cw / 2.0,
                    plot_bottom - h - size * 0.35,
                    size,
                    Weight::Bold,
                    &count,
                );
            }
        }
        let figure = self.node(Role::Figure);
        self.tree.node_mut(figure).alt = Some(chart_alt(chart));
        self.push(slab.marked(Mark::Content(figure)));
    }
}

/// What a chart shows, in words: its caption, then every bar's label and value.
fn chart_alt(chart: &BarChart) -> String {
    let bars: Vec<String> = chart
        .bars
        .iter()
        .map(|(label, value)| format!("{label}: {value} {}", chart.y_label))
        .collect();
    format!("{}. {}.", chart.caption, bars.join(", "))
}

/// A step of 1, 2, 5, 10, 20, 50 … that gives at most `ticks` ticks above zero.
fn nice_step(max: f32, ticks: f32) -> f32 {
    let mut step = 1.0;
    loop {
        for m in [1.0, 2.0, 5.0] {
            if max / (step * m) <= ticks {
                return step * m;
            }
        }
        step *= 10.0;
    }
}

fn baseline_in(line_h: f32, size: f32) -> f32 {
    line_h * 0.5 + size * 0.36
}

fn draw_line(items: &mut Vec<Item>, line: &Line, x: f32, top: f32, size: f32, line_h: f32) {
    let baseline = top + baseline_in(line_h, size);
    for piece in line {
        if !piece.text.trim().is_empty() {
            items.push(Item::Text(piece.run(x, baseline, size)));
        }
    }
}

fn shift(item: Item, dy: f32) -> Item {
    match item {
        Item::Text(mut run) => {
            run.baseline += dy;
            Item::Text(run)
        }
        Item::Line {
            from,
            to,
            width,
            grey,
        } => Item::Line {
            from: (from.0, from.1 + dy),
            to: (to.0, to.1 + dy),
            width,
            grey,
        },
        Item::Rect {
            x,
            y,
            w,
            h,
            fill,
            stroke,
        } => Item::Rect {
            x,
            y: y + dy,
            w,
            h,
            fill,
            stroke,
        },
        Item::Path { points, width } => Item::Path {
            points: points.into_iter().map(|(x, y)| (x, y + dy)).collect(),
            width,
        },
        Item::Hidden { mut run, width } => {
            run.baseline += dy;
            Item::Hidden { run, width }
        }
    }
}

/// Places slabs on pages from `top` down to `bottom`. Returns each page's items and their
/// marks, and for each slab the index of the page it was placed on.
fn paginate(
    slabs: &[Slab],
    headers: &[Slab],
    top: f32,
    bottom: f32,
) -> (Vec<MarkedItems>, Vec<usize>) {
    let body = bottom - top;
    let mut pages: Vec<MarkedItems> = vec![Default::default()];
    let mut slab_pages = Vec::with_capacity(slabs.len());
    let mut y = top;
    let mut at_top = true;
    let place = |page: &mut MarkedItems, slab: &Slab, y: f32, mark: Option<Mark>| {
        page.0
            .extend(slab.items.iter().cloned().map(|it| shift(it, y)));
        match mark {
            Some(mark) => page.1.extend(std::iter::repeat_n(mark, slab.items.len())),
            None => page.1.extend_from_slice(&slab.marks),
        }
    };
    for (i, slab) in slabs.iter().enumerate() {
        let repeat = slab.header.map(|h| &headers[h]);
        // What must fit together: this slab and everything it is kept with.
        let mut need = slab.height;
        let mut j = i;
        while slabs[j].keep_with_next && j + 1 < slabs.len() {
            j += 1;
            need += slabs[j].gap + slabs[j].height;
        }
        if need > body {
            need = slab.height;
        }
        let gap = if at_top { 0.0 } else { slab.gap };
        let fits = y + gap + need <= bottom + 0.01;
        if (!fits || slab.break_before) && !at_top {
            pages.push(Default::default());
            y = top;
            at_top = true;
            // A table continuing on a new page shows its header again, read only once.
            if let Some(h) = repeat {
                let page = pages.last_mut().expect("a page");
                place(page, h, y, Some(Mark::Artifact(Artifact::Header)));
                y += h.height;
                at_top = false;
            }
        }
        let gap = if at_top { 0.0 } else { slab.gap };
        y += gap;
        slab_pages.push(pages.len() - 1);
        let page = pages.last_mut().expect("a page");
        place(page, slab, y, None);
        y += slab.height;
        at_top = false;
        while slab.fill_page && slab.height > 0.0 && y + slab.height <= bottom + 0.01 {
            place(page, slab, y, Some(LAYOUT));
            y += slab.height;
        }
    }
    (pages, slab_pages)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::{plain, Metadata};

    fn fonts() -> FontSet {
        FontSet::embedded()
    }

    fn texts(line: &Line) -> String {
        line.iter()
            .map(|p| p.text.as_str())
            .collect::<Vec<_>>()
            .join("|")
    }

    #[test]
    fn wrapping_respects_the_width_and_keeps_every_word() {
        let f = fonts();
        let text = "The muscle goes hard like a stone and I cannot straighten my foot for minutes.";
        let lines = wrap(&plain(text), &f, 11.5, 150.0);
        assert!(lines.len() > 2);
        for line in &lines {
            let last = line.last().unwrap();
            let end = last.x + f.width(&last.text, last.weight, 11.5);
            assert!(end <= 150.01, "line too wide: {end}");
        }
        let joined: Vec<String> = lines.iter().map(texts).collect();
        assert_eq!(joined.join(" "), text);
    }

    #[test]
    fn a_word_longer_than_the_line_is_broken_without_losing_characters() {
        let f = fonts();
        let word = "Pneumonoultramicroscopicsilicovolcanoconiosis".repeat(3);
        let lines = wrap(&plain(&word), &f, 11.5, 100.0);
        assert!(lines.len() > 3);
        let joined: String = lines.iter().map(texts).collect();
        assert_eq!(joined, word);
    }

    #[test]
    fn newlines_start_new_lines_and_blank_lines_survive() {
        let f = fonts();
        let lines = wrap(&plain("one\n\ntwo"), &f, 11.5, 400.0);
        let joined: Vec<String> = lines.iter().map(texts).collect();
        assert_eq!(joined, ["one", "", "two"]);
    }

    #[test]
    fn empty_text_is_one_empty_line() {
        let lines = wrap(&plain(""), &fonts(), 11.5, 100.0);
        assert_eq!(lines.len(), 1);
        assert!(lines[0].is_empty());
    }

    #[test]
    fn mixed_weights_keep_their_order_and_spaces() {
        let f = fonts();
        let mut text = crate::document::strong("Note A: ");
        text.extend(plain("water pills"));
        let lines = wrap(&text, &f, 11.5, 400.0);
        assert_eq!(lines.len(), 1);
        // The space is set in the weight it was written in.
        assert_eq!(lines[0][0].text, "Note A: ");
        assert_eq!(lines[0][1].text, "water pills");
        assert!(lines[0][1].x > f.width("Note A:", Weight::Bold, 11.5));
    }

    #[test]
    fn a_word_whose_first_part_has_no_width_gets_one_space_before_it() {
        // A combining mark ends one span and starts the next: one word, in two parts, the
        // first of them zero wide. Only the first part follows the space.
        let f = fonts();
        let mut text = crate::document::strong("b \u{300}");
        text.extend(crate::document::strong("\u{300} m"));
        let lines = wrap(&text, &f, 16.0, 400.0);
        assert_eq!(lines.len(), 1);
        assert_eq!(texts(&lines[0]), "b \u{300}\u{300} m");
    }

    fn doc(blocks: Vec<Block>) -> Document {
        Document {
            meta: Metadata {
                title: "t".into(),
                author: "a".into(),
                subject: "s".into(),
                keywords: vec![],
                created: chrono::NaiveDate::from_ymd_opt(2026, 1, 1)
                    .unwrap()
                    .and_hms_opt(0, 0, 0)
                    .unwrap(),
            },
            footer: "footer".into(),
            blocks,
        }
    }

    fn page_texts(page: &Page) -> Vec<(f32, String)> {
        page.items
            .iter()
            .filter_map(|i| match i {
                // Without the space that ends a run another follows.
                Item::Text(run) => Some((run.baseline, run.text.trim_end().to_string())),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn an_answer_longer_than_a_page_flows_onto_more_pages() {
        let answer = "word ".repeat(5000);
        let pages = layout(
            &doc(vec![
                Block::Subheading("Q".into()),
                Block::Paragraph(plain(answer)),
            ]),
            &fonts(),
            PageOptions::default(),
        );
        assert!(pages.len() >= 5, "{} pages", pages.len());
        let words: usize = pages
            .iter()
            .flat_map(page_texts)
            .map(|(_, t)| t.matches("word").count())
            .sum();
        assert_eq!(words, 5000);
        for (n, page) in pages.iter().enumerate() {
            let label = format!("Page {} of {}", n + 1, pages.len());
            let furniture: Vec<&Item> = page.furniture.iter().collect();
            assert!(
                furniture
                    .iter()
                    .any(|i| matches!(i, Item::Text(run) if run.text == label)),
                "{label}"
            );
            for (baseline, _) in page_texts(page) {
                assert!(baseline < page.height - 40.0 && baseline > 40.0);
            }
        }
    }

    #[test]
    fn a_heading_never_ends_a_page() {
        // Fill a page almost to the end, then a heading: it must move to the next page.
        let mut blocks = vec![Block::Paragraph(plain("x\n".repeat(41)))];
        blocks.push(Block::Heading("Next section".into()));
        blocks.push(Block::Paragraph(plain("body")));
        let pages = layout(&doc(blocks), &fonts(), PageOptions::default());
        assert_eq!(pages.len(), 2);
        let second = page_texts(&pages[1]);
        assert!(
            second.iter().any(|(_, t)| t == "Next section"),
            "{second:?}"
        );
        assert!(!page_texts(&pages[0])
            .iter()
            .any(|(_, t)| t == "Next section"));
        assert!(second.iter().any(|(_, t)| t == "body"));
    }

    #[test]
    fn table_rows_stay_whole_and_the_header_repeats() {
        let rows: Vec<Vec<Text>> = (0..80)
            .map(|i| vec![plain(format!("med{i}")), plain("two\nlines")])
            .collect();
        let table = Table {
            columns: vec![
                crate::document::Column {
                    title: "Medicine".into(),
                    weight: 1.0,
                    min_chars: 5,
                },
                crate::document::Column {
                    title: "Dose".into(),
                    weight: 1.0,
                    min_chars: 5,
                },
            ],
            rows,
            blank_rows: 0,
            fill_page: false,
        };
        let pages = layout(
            &doc(vec![Block::Table(table)]),
            &fonts(),
            PageOptions::default(),
        );
        assert!(pages.len() >= 3);
        for page in &pages {
            let t = page_texts(page);
            assert!(
                t.iter().any(|(_, s)| s == "Medicine"),
                "header missing on a page"
            );
            // every row's name sits on the same page as both of its lines
            let meds = t.iter().filter(|(_, s)| s.starts_with("med")).count();
            let twos = t.iter().filter(|(_, s)| s == "two").count();
            let lines = t.iter().filter(|(_, s)| s == "lines").count();
            assert_eq!(meds, twos);
            assert_eq!(meds, lines);
        }
    }

    #[test]
    fn a_grid_to_fill_in_fills_its_page_and_no_more() {
        let grid = Table {
            columns: vec![crate::document::Column {
                title: "Night".into(),
                weight: 1.0,
                min_chars: 5,
            }],
            rows: Vec::new(),
            blank_rows: 2,
            fill_page: true,
        };
        let pages = layout(
            &doc(vec![Block::Table(grid)]),
            &fonts(),
            PageOptions::default(),
        );
        assert_eq!(pages.len(), 1);
        let style = Style::for_options(PageOptions::default());
        let rows: Vec<f32> = pages[0]
            .items
            .iter()
            .filter_map(|i| match i {
                Item::Line { from, to, .. } if from.1 == to.1 => Some(from.1),
                _ => None,
            })
            .collect();
        let lowest = rows.iter().copied().fold(0.0, f32::max);
        assert!(rows.len() > 2 * 2 + 2, "only {} rules", rows.len());
        // The last row ends within one row of the foot of the page's body.
        let foot = pages[0].height - style.margin - style.line(style.footer) - 6.0;
        assert!(
            lowest <= foot + 0.01 && lowest > foot - style.writing_gap - 10.0,
            "{lowest} vs {foot}"
        );
    }

    #[test]
    fn anchors_name_the_page_where_the_text_after_the_skip_stands() {
        let answer: String = (0..900).map(|i| format!("w{i:03} ")).collect();
        // "w000" … each word is 4 characters that are not white space.
        let blocks = vec![
            Block::Anchor {
                id: "start".into(),
                skip: 0,
            },
            Block::Paragraph(plain(answer.trim())),
            Block::Anchor {
                id: "late".into(),
                skip: 4 * 800,
            },
            Block::Paragraph(plain(answer.trim())),
        ];
        let laid = layout_with_anchors(&doc(blocks), &fonts(), PageOptions::default());
        assert!(laid.pages.len() >= 3, "{}", laid.pages.len());
        assert_eq!(laid.anchors["start"], 1);
        // The second paragraph's word w800 is on the page the anchor names, two pages or so
        // after the first paragraph's.
        let late = laid.anchors["late"];
        let on = |page: usize| {
            page_texts(&laid.pages[page - 1])
                .iter()
                .filter(|(_, t)| t.contains("w800"))
                .count()
        };
        let first = (1..=laid.pages.len()).find(|&p| on(p) > 0).unwrap();
        assert!(late > first, "{late} vs {first}");
        assert!(on(late) > 0, "w800 not on page {late}");
    }

    #[test]
    fn parts_joined_are_the_document_laid_out_whole() {
        let blocks = vec![
            Block::Heading("One".into()),
            Block::Paragraph(plain("x\n".repeat(60))),
            Block::PageBreak,
            Block::Anchor {
                id: "two".into(),
                skip: 0,
            },
            Block::Heading("Two".into()),
            Block::Paragraph(plain("y\n".repeat(90))),
        ];
        let d = doc(blocks.clone());
        let whole = layout_with_anchors(&d, &fonts(), PageOptions::default());
        let parts = vec![
            layout_part(&blocks[..3], &fonts(), PageOptions::default()),
            layout_part(&blocks[3..], &fonts(), PageOptions::default()),
        ];
        let joined = join(parts, &d.footer, &fonts(), PageOptions::default());
        assert_eq!(whole, joined);
        assert_eq!(whole.anchors["two"], 3);
    }

    #[test]
    fn large_print_uses_at_least_14_point_body_text() {
        let pages = layout(
            &doc(vec![Block::Paragraph(plain("hello"))]),
            &fonts(),
            PageOptions {
                paper: Paper::Letter,
                print: PrintSize::Large,
            },
        );
        let size = pages[0]
            .items
            .iter()
            .find_map(|i| match i {
                Item::Text(run) if run.text == "hello" => Some(run.size),
                _ => None,
            })
            .unwrap();
        assert!(size >= 14.0);
        assert_eq!(pages[0].width, 612.0);
    }
}
