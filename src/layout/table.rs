//! Tables: columns fitted to their content, rows kept whole, a header repeated on each page,
//! and a stacked form for columns too narrow to read.

use super::*;

impl Builder<'_> {
    /// A row of cells, each a column of lines at an x with what its text is. Returns one slab
    /// when the row fits on a page, else one slab per line band (only then may a row continue
    /// on the next page). Each cell's lines are drawn together, one cell after the other, so
    /// that a reader taking the text in drawing order reads every cell whole.
    pub(super) fn row_bands(
        &self,
        cells: Vec<(f32, Vec<Line>, Mark)>,
        size: f32,
        pad: f32,
        grid: Option<&[f32]>,
    ) -> Vec<Slab> {
        let line_h = self.style.line(size);
        let bands = cells.iter().map(|c| c.1.len()).max().unwrap_or(1).max(1);
        let total = line_h * bands as f32 + 2.0 * pad;
        if total <= self.max_slab_height() {
            let mut slab = Slab {
                height: total,
                ..Slab::default()
            };
            for (x, lines, mark) in cells {
                for (band, line) in lines.into_iter().enumerate() {
                    let top = pad + band as f32 * line_h;
                    slab.draw_line(line, x, top, size, line_h);
                }
                slab.mark(mark);
            }
            if let Some(xs) = grid {
                rule_grid(&mut slab, xs, true, true);
            }
            return vec![slab];
        }
        let mut cells: Vec<_> = cells
            .into_iter()
            .map(|(x, lines, mark)| (x, lines.into_iter(), mark))
            .collect();
        (0..bands)
            .map(|band| {
                let top = if band == 0 { pad } else { 0.0 };
                let bottom = if band + 1 == bands { pad } else { 0.0 };
                let mut slab = Slab {
                    height: top + line_h + bottom,
                    ..Slab::default()
                };
                for (x, lines, mark) in &mut cells {
                    if let Some(line) = lines.next() {
                        slab.draw_line(line, *x, top, size, line_h);
                    }
                    slab.mark(*mark);
                }
                if let Some(xs) = grid {
                    rule_grid(&mut slab, xs, band == 0, band + 1 == bands);
                }
                slab
            })
            .collect()
    }

    /// Column edges, or `None` when the columns cannot all be wide enough at this type size
    /// (large print, or a very long word): the table is then set as one block per row.
    pub(super) fn column_xs(&self, table: &Table, inset: f32, size: f32) -> Option<Vec<f32>> {
        let avg_char = size * 0.55;
        let longest_word = |i: usize| -> f32 {
            let title = text_width(self.fonts, &table.columns[i].title, Weight::Bold, size);
            let title_word = table.columns[i]
                .title
                .split(' ')
                .map(|w| text_width(self.fonts, w, Weight::Bold, size))
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
                        .map(move |w| text_width(self.fonts, w, weight, size))
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

    pub(super) fn even_columns(&self, n: usize) -> Vec<f32> {
        (0..=n)
            .map(|i| self.left + self.width * i as f32 / n as f32)
            .collect()
    }

    /// A table too wide for the page: each row becomes a framed block, its first cell as a
    /// bold title and the others as "Column: value" lines, in reading order.
    pub(super) fn stacked(&mut self, table: &Table) {
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
                        link: sp.link.clone(),
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
            let mut slabs = self.framed_paragraphs(paragraphs, self.left + inset, s.body * 0.4);
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
    pub(super) fn framed_paragraphs(
        &self,
        paragraphs: Vec<(Vec<Line>, Mark)>,
        x: f32,
        pad: f32,
    ) -> Vec<Slab> {
        let s = self.style;
        let line_h = s.line(s.body);
        let count: usize = paragraphs.iter().map(|p| p.0.len()).sum();
        let edges = [self.left, self.left + self.width];
        let total = line_h * count.max(1) as f32 + 2.0 * pad;
        if total <= self.max_slab_height() {
            let mut slab = Slab {
                height: total,
                ..Slab::default()
            };
            let mut top = pad;
            for (lines, mark) in paragraphs {
                for line in lines {
                    slab.draw_line(line, x, top, s.body, line_h);
                    top += line_h;
                }
                slab.mark(mark);
            }
            rule_grid(&mut slab, &edges, true, true);
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
                slab.draw_line(line, x, top, s.body, line_h);
                slab.mark(mark);
                rule_grid(&mut slab, &edges, n == 0, n + 1 == count);
                slabs.push(slab);
                n += 1;
            }
        }
        slabs
    }

    pub(super) fn table(&mut self, table: &Table) {
        let s = self.style;
        // Cells are set well apart: text extractors read a narrow gutter as a word space
        // and would run neighbouring cells together. A grid to fill in by hand has no text
        // to extract beyond its titles, so it keeps the room for handwriting instead.
        let inset = if table.rows.is_empty() {
            s.body * 0.3
        } else {
            s.body * 0.75
        };
        let (fitted, title_size) = self.fit_columns(table, inset);
        let xs = match fitted {
            Some(xs) => xs,
            None if table.rows.is_empty() => self.even_columns(table.columns.len()),
            None => return self.stacked(table),
        };
        let grid = Grid {
            xs,
            inset,
            pad: s.body * 0.3,
        };
        let node = self.node(Role::Table);
        let header = self.table_header(table, node, &grid, title_size);
        self.table_rows(table, node, &grid, header);
        self.blank_rows(table, node, &grid, header);
    }

    /// Column edges at body size, and the size the titles are set in. A grid filled in by
    /// hand keeps all its columns: when the titles do not fit at body size, they are set
    /// smaller (never below 11 pt) rather than broken mid-word.
    fn fit_columns(&self, table: &Table, inset: f32) -> (Option<Vec<f32>>, f32) {
        let mut title_size = self.style.body;
        let mut fitted = self.column_xs(table, inset, self.style.body);
        while fitted.is_none() && table.rows.is_empty() && title_size > 11.0 {
            title_size = (title_size - 0.5).max(11.0);
            fitted = self.column_xs(table, inset, title_size);
        }
        (fitted, title_size)
    }

    /// The row of column titles, shaded, kept to repeat at the top of every page the table
    /// runs on to. Returns its index among those kept.
    fn table_header(&mut self, table: &Table, node: NodeId, grid: &Grid, title_size: f32) -> usize {
        let xs = &grid.xs;
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
                    xs[i] + grid.inset,
                    wrap(
                        text,
                        self.fonts,
                        title_size,
                        xs[i + 1] - xs[i] - 2.0 * grid.inset,
                    ),
                    Mark::Content(cell),
                )
            })
            .collect();
        let header = self.row_bands(title_cells, title_size, grid.pad, Some(xs));
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
        header_slab.gap = self.style.body * 0.4;
        self.push(header_slab);
        header_index
    }

    /// The rows of the table's body, each with the header to repeat above it on a new page.
    fn table_rows(&mut self, table: &Table, node: NodeId, grid: &Grid, header: usize) {
        let body = (!table.rows.is_empty()).then(|| self.tree.add(node, Role::TBody));
        for row in &table.rows {
            let tr = self.tree.add(body.expect("a body for the rows"), Role::TR);
            let cells = self.cell_lines(row, tr, grid);
            for slab in self.row_bands(cells, self.style.body, grid.pad, Some(&grid.xs)) {
                self.push(Slab {
                    header: Some(header),
                    ..slab
                });
            }
        }
    }

    /// A row's cells wrapped to their columns, each a data cell of `row`.
    fn cell_lines(
        &mut self,
        cells: &[Text],
        row: NodeId,
        grid: &Grid,
    ) -> Vec<(f32, Vec<Line>, Mark)> {
        let xs = &grid.xs;
        cells
            .iter()
            .enumerate()
            .map(|(i, text)| {
                let w = xs[i + 1] - xs[i] - 2.0 * grid.inset;
                let cell = self.tree.add(row, Role::TD);
                let lines = wrap(text, self.fonts, self.style.body, w);
                (xs[i] + grid.inset, lines, Mark::Content(cell))
            })
            .collect()
    }

    /// Empty ruled rows to write in by hand, the last one stretched to the page's foot when
    /// the table asks to fill the page.
    /// Each row is a row of the table whose cells hold a field each, to type into.
    fn blank_rows(&mut self, table: &Table, node: NodeId, grid: &Grid, header: usize) {
        let s = self.style;
        let xs = &grid.xs;
        let blank_h = s.writing_gap.max(s.line(s.body) + 2.0 * grid.pad);
        let tree = &self.tree;
        let body = tree
            .node(node)
            .children
            .iter()
            .copied()
            .find(|&c| tree.node(c).role == Role::TBody);
        let body = match body {
            Some(body) => body,
            None if table.blank_rows > 0 => self.tree.add(node, Role::TBody),
            None => return,
        };
        for n in 0..table.blank_rows {
            let row = self.tree.add(body, Role::TR);
            let mut slab = Slab {
                height: blank_h,
                header: Some(header),
                fill_page: table.fill_page && n + 1 == table.blank_rows,
                ..Slab::default()
            };
            for (i, &x) in xs.iter().enumerate() {
                slab.items.push(Item::Line {
                    from: (x, 0.0),
                    to: (x, blank_h),
                    width: 0.6,
                    grey: 0.35,
                });
                if let Some(&next) = xs.get(i + 1) {
                    // Each cell holds a field a reader announces by its column's title.
                    let cell = self.tree.add(row, Role::TD);
                    let field = self.tree.add(cell, Role::Form);
                    slab.fields.push(FieldArea {
                        area: Area {
                            x,
                            y: 0.0,
                            w: next - x,
                            h: blank_h,
                        },
                        label: table.columns[i].title.clone(),
                        size: s.body,
                        node: field,
                    });
                }
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
}

/// A table's columns as set: their edges, the room between a cell's edge and its text,
/// and above and below a row's text.
struct Grid {
    xs: Vec<f32>,
    inset: f32,
    pad: f32,
}

/// Rules at each of `xs` down a slab, and across its top and bottom where asked: a row
/// split over pages is ruled across only at its ends.
fn rule_grid(slab: &mut Slab, xs: &[f32], top: bool, bottom: bool) {
    let h = slab.height;
    let (l, r) = (xs[0], xs[xs.len() - 1]);
    let across = [(top, 0.0), (bottom, h)]
        .into_iter()
        .filter(|&(on, _)| on)
        .map(|(_, y)| ((l, y), (r, y)));
    for (from, to) in xs.iter().map(|&x| ((x, 0.0), (x, h))).chain(across) {
        slab.items.push(Item::Line {
            from,
            to,
            width: 0.6,
            grey: 0.35,
        });
    }
    slab.mark(LAYOUT);
}
