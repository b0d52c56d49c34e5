//! Layout: the document's blocks become pages of positioned text and lines. Text wraps on the
//! fonts' real glyph widths; nothing is ever split mid-line, table rows and checklist items
//! stay whole, and a heading always has something under it on the same page.

use std::collections::BTreeMap;

use crate::document::{BarChart, Block, CheckItem, Document, Table, Text};
use crate::fonts::{FontSet, Weight};
use crate::text::Paragraph;

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

#[derive(Debug, Clone, Copy, Default)]
pub struct PageOptions {
    pub paper: Paper,
    pub large_print: bool,
}

/// Type sizes and spacing, in points. Large print follows older-adult reading guidance:
/// 16 pt body, 1.55 line spacing, wider margins.
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
        if options.large_print {
            Style {
                body: 16.0,
                leading: 1.55,
                heading: 21.0,
                title: 30.0,
                subtitle: 20.0,
                footer: 11.0,
                margin: 58.0,
                writing_gap: 34.0,
            }
        } else {
            Style {
                body: 11.5,
                leading: 1.45,
                heading: 15.5,
                title: 24.0,
                subtitle: 15.0,
                footer: 9.0,
                margin: 50.0,
                writing_gap: 26.0,
            }
        }
    }

    fn line(&self, size: f32) -> f32 {
        size * self.leading
    }
}

pub use crate::frame::{Item, Page};
pub use crate::text::{Line, Piece};

/// A laid-out document: its pages, and the page (from 1) of each of its anchors.
#[derive(Debug, Clone, PartialEq)]
pub struct Laid {
    pub pages: Vec<Page>,
    pub anchors: BTreeMap<String, usize>,
}

/// Lays a document out into pages, with "Page N of M" and the footer text on each.
pub fn layout(doc: &Document, fonts: &FontSet, options: PageOptions) -> Vec<Page> {
    layout_with_anchors(doc, fonts, options).pages
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

/// Blocks laid out on pages of their own, without the running footer: parts laid out apart
/// are joined into one document by [`join`], as if laid out together, since each part starts
/// on a new page.
#[derive(Debug, Clone, PartialEq)]
pub struct Part {
    pages: Vec<Vec<Item>>,
    /// Anchor id → page within the part, from 1.
    pub anchors: BTreeMap<String, usize>,
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
    Part { pages, anchors }
}

/// Parts, one after the other, as one document with "Page N of M" and `footer_text` on every
/// page; the anchors' pages counted from the first page of the first part.
pub fn join(parts: Vec<Part>, footer_text: &str, fonts: &FontSet, options: PageOptions) -> Laid {
    let style = Style::for_options(options);
    let (width, height) = options.paper.size();
    let total: usize = parts.iter().map(|p| p.pages.len()).sum();
    let mut anchors = BTreeMap::new();
    let mut pages = Vec::with_capacity(total);
    for part in parts {
        let before = pages.len();
        anchors.extend(part.anchors.into_iter().map(|(id, p)| (id, p + before)));
        for items in part.pages {
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
                furniture,
            });
        }
    }
    Laid { pages, anchors }
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
    keep_with_next: bool,
    break_before: bool,
    /// A table header to repeat when this slab opens a page.
    header: Option<usize>,
    /// Placed again and again below itself until the page is full (rows to write in).
    fill_page: bool,
}

struct Builder<'a> {
    fonts: &'a FontSet,
    style: Style,
    left: f32,
    width: f32,
    slabs: Vec<Slab>,
    headers: Vec<Slab>,
    break_next: bool,
}

impl Builder<'_> {
    fn push(&mut self, mut slab: Slab) {
        if std::mem::take(&mut self.break_next) {
            slab.break_before = true;
        }
        self.slabs.push(slab);
    }

    /// Text lines drawn at `x`, one slab each.
    fn text_lines(&self, lines: &[Line], x: f32, size: f32) -> Vec<Slab> {
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
                slab
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
                let mut slabs = self.text_lines(&lines, self.left, s.title);
                let sub = wrap(
                    &crate::document::plain(subtitle),
                    self.fonts,
                    s.subtitle,
                    self.width,
                );
                slabs.extend(self.text_lines(&sub, self.left, s.subtitle));
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
                slab.items.push(Item::Line {
                    from: (self.left, slab.height - 1.5),
                    to: (self.left + self.width, slab.height - 1.5),
                    width: 1.2,
                    grey: 0.0,
                });
                self.push(slab);
            }
            Block::Subheading(text) => {
                let lines = wrap(
                    &crate::document::strong(text),
                    self.fonts,
                    s.body,
                    self.width,
                );
                let mut slabs = self.text_lines(&lines, self.left, s.body);
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
                let mut slabs = self.text_lines(&lines, self.left, s.body);
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
                    self.push(slab);
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
                self.push(slab);
            }
            Block::PageBreak => self.break_next = true,
            Block::Framed(text) => self.framed(text),
            Block::Note(text) => {
                let size = s.body * 0.85;
                let lines = wrap(text, self.fonts, size, self.width);
                let mut slabs = self.text_lines(&lines, self.left, size);
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
        let cells = [(self.left + inset, lines)];
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
            let cells = [(self.left, label_lines), (value_x, value_lines)];
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

    /// A row of cells, each a column of lines at an x. Returns one slab when the row fits on a
    /// page, else one slab per line band (only then may a row continue on the next page).
    fn row_bands(
        &self,
        cells: &[(f32, Vec<Line>)],
        size: f32,
        pad: f32,
        grid: Option<&[f32]>,
    ) -> Vec<Slab> {
        let line_h = self.style.line(size);
        let bands = cells.iter().map(|(_, l)| l.len()).max().unwrap_or(1).max(1);
        let mut slabs: Vec<Slab> = (0..bands)
            .map(|band| {
                let top = if band == 0 { pad } else { 0.0 };
                let bottom = if band + 1 == bands { pad } else { 0.0 };
                let mut slab = Slab {
                    height: top + line_h + bottom,
                    ..Slab::default()
                };
                for (x, lines) in cells {
                    if let Some(line) = lines.get(band) {
                        draw_line(&mut slab.items, line, *x, top, size, line_h);
                    }
                }
                if let Some(xs) = grid {
                    for &x in xs {
                        slab.items.push(Item::Line {
                            from: (x, 0.0),
                            to: (x, slab.height),
                            width: 0.6,
                            grey: 0.35,
                        });
                    }
                    let (l, r) = (xs[0], xs[xs.len() - 1]);
                    if band == 0 {
                        slab.items.push(Item::Line {
                            from: (l, 0.0),
                            to: (r, 0.0),
                            width: 0.6,
                            grey: 0.35,
                        });
                    }
                    if band + 1 == bands {
                        let h = slab.height;
                        slab.items.push(Item::Line {
                            from: (l, h),
                            to: (r, h),
                            width: 0.6,
                            grey: 0.35,
                        });
                    }
                }
                slab
            })
            .collect();
        let total: f32 = slabs.iter().map(|s| s.height).sum();
        if total <= self.max_slab_height() {
            let mut whole = Slab {
                height: total,
                ..Slab::default()
            };
            let mut y = 0.0;
            for slab in slabs.drain(..) {
                whole
                    .items
                    .extend(slab.items.into_iter().map(|i| shift(i, y)));
                y += slab.height;
            }
            return vec![whole];
        }
        slabs
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
        for (r, row) in table.rows.iter().enumerate() {
            let mut lines: Vec<Line> = Vec::new();
            if let Some(first) = row.first() {
                let bold: Text = first
                    .iter()
                    .map(|sp| crate::document::Span {
                        text: sp.text.clone(),
                        strong: true,
                    })
                    .collect();
                lines.extend(wrap(&bold, self.fonts, s.body, inner));
            }
            for (col, cell) in table.columns.iter().zip(row).skip(1) {
                if cell.iter().all(|sp| sp.text.trim().is_empty()) {
                    continue;
                }
                let mut text = crate::document::strong(format!("{}: ", col.title));
                text.extend(cell.iter().cloned());
                lines.extend(wrap(&text, self.fonts, s.body, inner));
            }
            let cells = [(self.left + inset, lines)];
            let mut slabs = self.row_bands(
                &cells,
                s.body,
                s.body * 0.4,
                Some(&[self.left, self.left + self.width]),
            );
            if let Some(first) = slabs.first_mut() {
                first.gap = if r == 0 { s.body * 0.4 } else { s.body * 0.3 };
            }
            for slab in slabs {
                self.push(slab);
            }
        }
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
        let cell_lines = |cells: &[Text], builder: &Builder| -> Vec<(f32, Vec<Line>)> {
            cells
                .iter()
                .enumerate()
                .map(|(i, text)| {
                    let w = xs[i + 1] - xs[i] - 2.0 * inset;
                    (xs[i] + inset, wrap(text, builder.fonts, s.body, w))
                })
                .collect()
        };
        let titles: Vec<Text> = table
            .columns
            .iter()
            .map(|c| crate::document::strong(&c.title))
            .collect();
        let title_cells: Vec<(f32, Vec<Line>)> = titles
            .iter()
            .enumerate()
            .map(|(i, text)| {
                (
                    xs[i] + inset,
                    wrap(
                        text,
                        self.fonts,
                        title_size,
                        xs[i + 1] - xs[i] - 2.0 * inset,
                    ),
                )
            })
            .collect();
        let mut header = self.row_bands(&title_cells, title_size, pad, Some(&xs));
        // Header cells are shaded; the shading goes under the text and rules.
        for slab in &mut header {
            slab.items.insert(
                0,
                Item::Rect {
                    x: xs[0],
                    y: 0.0,
                    w: xs[xs.len() - 1] - xs[0],
                    h: slab.height,
                    fill: Some(0.87),
                    stroke: None,
                },
            );
        }
        let header_index = self.headers.len();
        let mut header_slab = Slab::default();
        let mut y = 0.0;
        for slab in header {
            header_slab
                .items
                .extend(slab.items.into_iter().map(|i| shift(i, y)));
            y += slab.height;
        }
        header_slab.height = y;
        header_slab.keep_with_next = true;
        self.headers.push(header_slab.clone());
        header_slab.gap = s.body * 0.4;
        self.push(header_slab);

        for row in &table.rows {
            for slab in self.row_bands(&cell_lines(row, self), s.body, pad, Some(&xs)) {
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
            self.push(slab);
        }
    }

    fn checklist(&mut self, items: &[CheckItem]) {
        let s = self.style;
        let line_h = s.line(s.body);
        let box_size = s.body * 0.95;
        let indent = box_size + s.body * 0.8;
        for (i, item) in items.iter().enumerate() {
            let lines = wrap(&item.text, self.fonts, s.body, self.width - indent);
            let mut slab = Slab {
                height: line_h * lines.len() as f32,
                gap: if i == 0 { s.body * 0.4 } else { s.body * 0.45 },
                ..Slab::default()
            };
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
            let top = (line_h - box_size) / 2.0;
            slab.items.push(Item::Rect {
                x: self.left,
                y: top,
                w: box_size,
                h: box_size,
                fill: None,
                stroke: Some((1.1, 0.0)),
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
            // An item is kept whole unless it is longer than half a page.
            if slab.height > self.max_slab_height() {
                let lines_slabs = self.text_lines(&lines, self.left + indent, s.body);
                let mut first = true;
                for mut l in lines_slabs {
                    if first {
                        l.gap = slab.gap;
                        l.items.extend(
                            slab.items
                                .iter()
                                .filter(|i| !matches!(i, Item::Text(_)))
                                .cloned(),
                        );
                        first = false;
                    }
                    self.push(l);
                }
            } else {
                self.push(slab);
            }
        }
    }

    fn bullets(&mut self, items: &[Text]) {
        let s = self.style;
        let indent = s.body * 1.2;
        for (i, item) in items.iter().enumerate() {
            let lines = wrap(item, self.fonts, s.body, self.width - indent);
            let mut slabs = self.text_lines(&lines, self.left + indent, s.body);
            if let Some(first) = slabs.first_mut() {
                first.gap = if i == 0 { s.body * 0.3 } else { s.body * 0.25 };
                let baseline = baseline_in(s.line(s.body), s.body);
                push_text(
                    &mut first.items,
                    self.fonts,
                    self.left + s.body * 0.2,
                    baseline,
                    s.body,
                    Weight::Bold,
                    "•",
                );
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
        self.push(slab);
    }
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
    }
}

/// Places slabs on pages from `top` down to `bottom`. Returns the pages' items, and for each
/// slab the index of the page it was placed on.
fn paginate(
    slabs: &[Slab],
    headers: &[Slab],
    top: f32,
    bottom: f32,
) -> (Vec<Vec<Item>>, Vec<usize>) {
    let body = bottom - top;
    let mut pages: Vec<Vec<Item>> = vec![Vec::new()];
    let mut slab_pages = Vec::with_capacity(slabs.len());
    let mut y = top;
    let mut at_top = true;
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
            pages.push(Vec::new());
            y = top;
            at_top = true;
            // A table continuing on a new page shows its header again.
            if let Some(h) = repeat {
                let page = pages.last_mut().expect("a page");
                page.extend(h.items.iter().cloned().map(|it| shift(it, y)));
                y += h.height;
                at_top = false;
            }
        }
        let gap = if at_top { 0.0 } else { slab.gap };
        y += gap;
        slab_pages.push(pages.len() - 1);
        let page = pages.last_mut().expect("a page");
        page.extend(slab.items.iter().cloned().map(|it| shift(it, y)));
        y += slab.height;
        at_top = false;
        while slab.fill_page && slab.height > 0.0 && y + slab.height <= bottom + 0.01 {
            page.extend(slab.items.iter().cloned().map(|it| shift(it, y)));
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
                Item::Text(run) => Some((run.baseline, run.text.clone())),
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
                large_print: true,
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
