//! Text blocks: framed text, labelled fields, checklists and bulleted lists.

use super::text::run_in_face;
use super::*;

impl Builder<'_> {
    /// Text inside a heavy black frame.
    pub(super) fn framed(&mut self, text: &Text) {
        let s = self.style;
        let inset = s.body * 0.6;
        let lines = wrap(text, self.fonts, s.body, self.width - 2.0 * inset);
        let p = self.node(Role::P);
        let cells = vec![(self.left + inset, lines, Mark::Content(p))];
        let mut slabs = self.row_bands(
            cells,
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

    pub(super) fn fields(&mut self, fields: &[(String, Text)]) {
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
            .map(|(l, _)| text_width(self.fonts, &labelled(l), Weight::Bold, s.body))
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
                let used = line.last().map_or(0.0, |p| {
                    p.x + text_width(self.fonts, &p.text, p.weight, s.body)
                });
                line.iter_mut().for_each(|p| p.x += label_w - used);
            }
            let value_lines = wrap(value, self.fonts, s.body, value_w);
            // A label and its value: a list item, its label the item's label.
            let item = self.tree.add(list, Role::LI);
            let lbl = self.tree.add(item, Role::Lbl);
            let body = self.tree.add(item, Role::LBody);
            let cells = vec![
                (self.left, label_lines, Mark::Content(lbl)),
                (value_x, value_lines, Mark::Content(body)),
            ];
            for (n, mut slab) in self
                .row_bands(cells, s.body, 0.0, None)
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

    pub(super) fn checklist(&mut self, items: &[CheckItem]) {
        let s = self.style;
        let line_h = s.line(s.body);
        let box_size = s.body * 0.95;
        let indent = box_size + s.body * 0.8;
        let list = self.node(Role::L);
        for (i, item) in items.iter().enumerate() {
            let li = self.tree.add(list, Role::LI);
            // The box is the item's label, read as the words its tick (or none) stands for.
            let lbl = self.tree.add(li, Role::Lbl);
            let words = item.box_words.as_str();
            self.tree.node_mut(lbl).actual_text = Some(words.to_string());
            let body = self.tree.add(li, Role::LBody);
            let lines = wrap(&item.text, self.fonts, s.body, self.width - indent);
            let mut slab = Slab {
                height: line_h * lines.len() as f32,
                gap: if i == 0 { s.body * 0.4 } else { s.body * 0.45 },
                ..Slab::default()
            };
            let top = (line_h - box_size) / 2.0;
            self.draw_tick_box(&mut slab.items, words, item.done, top, box_size);
            slab.mark(Mark::Content(lbl));
            self.push_item_lines(slab, lines, self.left + indent, body);
        }
    }

    /// An item's box at the margin, `top` below the slab's top, read as `words`, and
    /// ticked when the item is done.
    fn draw_tick_box(&self, items: &mut Vec<Item>, words: &str, done: bool, top: f32, size: f32) {
        items.push(Item::Rect {
            x: self.left,
            y: top,
            w: size,
            h: size,
            fill: None,
            stroke: Some((1.1, 0.0)),
        });
        // The words are the sheet's own few, plain letters the body face holds.
        let run = run_in_face(
            self.fonts,
            FaceId(0),
            words,
            self.left,
            top + size * 0.88,
            size / 0.95,
        );
        items.push(Item::Hidden { run, width: size });
        if done {
            let (x, y, b) = (self.left, top, size);
            items.push(Item::Path {
                points: vec![
                    (x + b * 0.18, y + b * 0.52),
                    (x + b * 0.42, y + b * 0.78),
                    (x + b * 0.86, y + b * 0.18),
                ],
                width: 1.8,
            });
        }
    }

    /// An item's lines at `x`, beside its box in `slab`, their text content of `body`. An
    /// item is kept whole unless it is longer than half a page.
    fn push_item_lines(&mut self, mut slab: Slab, lines: Vec<Line>, x: f32, body: NodeId) {
        let s = self.style;
        let line_h = s.line(s.body);
        if slab.height > self.max_slab_height() {
            let mut box_slab = Some(slab);
            for l in self.text_lines(lines, x, s.body, body) {
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
            for (n, line) in lines.into_iter().enumerate() {
                slab.draw_line(line, x, n as f32 * line_h, s.body, line_h);
            }
            slab.mark(Mark::Content(body));
            self.push(slab);
        }
    }

    pub(super) fn bullets(&mut self, items: &[Text]) {
        let s = self.style;
        let indent = s.body * 1.2;
        let list = self.node(Role::L);
        for (i, item) in items.iter().enumerate() {
            let li = self.tree.add(list, Role::LI);
            let lbl = self.tree.add(li, Role::Lbl);
            let body = self.tree.add(li, Role::LBody);
            let lines = wrap(item, self.fonts, s.body, self.width - indent);
            let mut slabs = self.text_lines(lines, self.left + indent, s.body, body);
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
}
