//! Content streams: the pen that draws a page's glyph runs, lines and rectangles as PDF
//! operators, keeping each run's text readable (ToUnicode or ActualText).

use super::*;

/// Turns items into content-stream operators, writing a state change only when the state
/// changes: consecutive texts share one text object, each line placed relative to the one
/// before, and font, colours and line width persist (PDF keeps them in the graphics state
/// across text objects).
pub(super) struct Pen<'p, 'a> {
    pub(super) out: Vec<u8>,
    pub(super) height: f32,
    pub(super) drawn: &'p mut Drawn<'a>,
    /// The start of the last line placed in the current text object, in hundredths.
    pub(super) line: Option<(i64, i64)>,
    pub(super) font: Option<(FaceId, f32)>,
    // PDF's initial graphics state: black fill and stroke, 1 pt lines.
    pub(super) fill: f32,
    pub(super) stroke: f32,
    pub(super) line_width: f32,
}

impl<'p, 'a> Pen<'p, 'a> {
    pub(super) fn new(height: f32, drawn: &'p mut Drawn<'a>) -> Pen<'p, 'a> {
        Pen {
            out: Vec::with_capacity(8 * 1024),
            height,
            drawn,
            line: None,
            font: None,
            fill: 0.0,
            stroke: 0.0,
            line_width: 1.0,
        }
    }

    pub(super) fn end_text(&mut self) {
        if self.line.take().is_some() {
            self.out.extend_from_slice(b"ET\n");
        }
    }

    pub(super) fn point(&mut self, x: f32, y_from_top: f32) {
        num(&mut self.out, x);
        self.out.push(b' ');
        num(&mut self.out, self.height - y_from_top);
    }

    pub(super) fn fill(&mut self, g: f32) {
        if self.fill != g {
            num(&mut self.out, g);
            self.out.extend_from_slice(b" g\n");
            self.fill = g;
        }
    }

    pub(super) fn stroke(&mut self, width: f32, g: f32) {
        if self.line_width != width {
            num(&mut self.out, width);
            self.out.extend_from_slice(b" w\n");
            self.line_width = width;
        }
        if self.stroke != g {
            num(&mut self.out, g);
            self.out.extend_from_slice(b" G\n");
            self.stroke = g;
        }
    }

    /// One glyph's two-byte code inside a string, escaped as PDF strings need.
    pub(super) fn code(&mut self, cid: u16) {
        for b in cid.to_be_bytes() {
            // A bare end-of-line inside a string reads back as a line feed.
            match b {
                b'(' | b')' | b'\\' => self.out.extend_from_slice(&[b'\\', b]),
                b'\r' => self.out.extend_from_slice(b"\\r"),
                b'\n' => self.out.extend_from_slice(b"\\n"),
                _ => self.out.push(b),
            }
        }
    }

    pub(super) fn draw_all(&mut self, items: &[Item]) {
        for item in items {
            self.draw(item);
        }
    }

    /// Draws a run's glyphs where the shaper placed them, in one `TJ` where it can.
    ///
    /// Text extractors read glyphs in the order they are shown, each as its ToUnicode
    /// text. So the glyphs are shown in reading order, cluster by cluster, each moved to
    /// its place (right-to-left text is shown from its right end leftwards); the glyphs of
    /// one cluster share out its characters in order. Then the text reads back as written
    /// whatever the shaper did: joined Arabic forms, reordered Indic vowel signs,
    /// conjuncts and ligatures alike.
    pub(super) fn text(&mut self, run: &TextRun) {
        self.fill(0.0);
        let at = (
            to_hundredths(run.x),
            to_hundredths(self.height - run.baseline),
        );
        let (dx, dy) = match self.line {
            Some((lx, ly)) => (at.0 - lx, at.1 - ly),
            None => {
                self.out.extend_from_slice(b"BT\n");
                at
            }
        };
        self.line = Some(at);
        if self.font != Some((run.face, run.size)) {
            self.out.extend_from_slice(b"/F");
            int(&mut self.out, run.face.0 as i64);
            self.out.push(b' ');
            num(&mut self.out, run.size);
            self.out.extend_from_slice(b" Tf\n");
            self.font = Some((run.face, run.size));
        }
        hundredths(&mut self.out, dx);
        self.out.push(b' ');
        hundredths(&mut self.out, dy);
        self.out.extend_from_slice(b" Td\n");

        let scale = self.drawn.face(run.face).scale;
        // Where each glyph's pen position is, in thousandths of an em from the run's start.
        let mut pen = Vec::with_capacity(run.glyphs.len());
        let mut x = 0.0f64;
        for g in &run.glyphs {
            pen.push(x);
            x += f64::from(g.advance) * scale;
        }
        // Clusters in reading order; the glyphs of a cluster in the direction the text
        // runs, each where it is drawn, so readers that rebuild words from positions find
        // no gap or step back inside a word.
        let rtl = run
            .glyphs
            .windows(2)
            .any(|w| w[0].text.start > w[1].text.start);
        let place = |i: usize| pen[i] + f64::from(run.glyphs[i].x_offset) * scale;
        let mut order: Vec<usize> = (0..run.glyphs.len()).collect();
        order.sort_by(|&a, &b| {
            let (ga, gb) = (&run.glyphs[a], &run.glyphs[b]);
            ga.text.start.cmp(&gb.text.start).then_with(|| {
                let by_x = place(a).total_cmp(&place(b));
                if rtl {
                    by_x.reverse()
                } else {
                    by_x
                }
            })
        });

        // pdftotext takes a hyphen at the end of a line for a word broken across lines and
        // drops it, joining the lines; but every hyphen on a sheet is one somebody wrote
        // (lines never break with an added hyphen). Read as "- ", the hyphen stays.
        let hyphen_ends = run.ends_line && run.text.ends_with('-');
        // Poppler rebuilds words from where glyphs stand, and a mark set over its letter
        // (or a vowel sign drawn before it) reads to it as the start of a new word. In
        // text that runs left to right, such a run is marked with its text as well, which
        // poppler reads instead; MuPDF reads the glyphs' own text, in the order shown.
        let marked = rtl
            || (run.glyphs.windows(2).any(|w| w[0].text == w[1].text)
                || run
                    .glyphs
                    .iter()
                    .any(|g| g.advance == 0 || g.x_offset != 0 || g.y_offset != 0));
        if marked {
            let mut actual = run.text.clone();
            if hyphen_ends {
                actual.push(' ');
            }
            if rtl {
                // Poppler lays the marked text out left to right and then reverses what
                // reads right to left: it is given in the order drawn.
                actual = actual.chars().rev().collect();
            }
            self.begin_actual(&actual);
        }
        let mut outlines: Vec<(u16, f64, i32)> = Vec::new();
        let mut shown = Shown::default();
        // The pen of the text being shown, in thousandths of an em from the run's start.
        let mut at = 0.0f64;
        let mut k = 0;
        while k < order.len() {
            let range = run.glyphs[order[k]].text.clone();
            let mut end = k + 1;
            while end < order.len() && run.glyphs[order[end]].text == range {
                end += 1;
            }
            let cluster = &run.text[range.start as usize..range.end as usize];
            let hyphen = hyphen_ends && range.end as usize == run.text.len() && cluster == "-";
            if end == k + 1 && !hyphen && !(rtl && cluster.chars().nth(1).is_some()) {
                // The common case: one glyph that reads as its cluster.
                let i = order[k];
                let g = &run.glyphs[i];
                let used = self.drawn.face(run.face);
                let (cid, reads, width) = used.cid(g.id, cluster, None);
                if reads {
                    let rise =
                        (f64::from(g.y_offset) * scale / 1000.0 * f64::from(run.size)) as f32;
                    self.glyph(&mut shown, &mut at, cid, place(i), width, rise);
                    k = end;
                    continue;
                }
            }
            let shares = share(cluster, end - k);
            let mut exact = true;
            let mut codes = Vec::with_capacity(end - k);
            let chars = cluster.chars().count();
            if rtl && (end - k > 1 || chars > 1) {
                // Joined letters with marks or a ligature in right-to-left text: poppler
                // orders characters by where they stand and MuPDF by the order shown, and
                // a mark over a ligature stands nowhere that suits both. So the glyphs
                // are drawn as shapes, and the characters are shown invisibly, each over
                // its share of the cluster's width, right to left, in reading order.
                let left = order[k..end]
                    .iter()
                    .map(|&j| pen[j])
                    .fold(f64::MAX, f64::min);
                let right = order[k..end]
                    .iter()
                    .map(|&j| pen[j] + f64::from(run.glyphs[j].advance) * scale)
                    .fold(f64::MIN, f64::max);
                let each = (right - left).max(0.0) / chars as f64;
                let units = (each / scale).round().clamp(0.0, 65535.0) as u16;
                let id = run.glyphs[order[k]].id;
                for &j in &order[k..end] {
                    let g = &run.glyphs[j];
                    outlines.push((g.id, place(j), g.y_offset));
                }
                let used = self.drawn.face(run.face);
                for (n, c) in cluster.chars().enumerate() {
                    let mut buf = [0u8; 4];
                    let (cid, _, width) = used.cid(id, c.encode_utf8(&mut buf), Some(units));
                    let x = left + (chars - 1 - n) as f64 * each;
                    codes.push((cid, x, width, 0.0, true));
                }
            }
            // The last glyph with text in a cluster whose later glyphs have none spans them
            // too, so that no reader sees a gap where they stand.
            let last_with_text = shares.iter().rposition(|t| !t.is_empty());
            let spans_rest = last_with_text.filter(|&n| n + 1 < shares.len()).map(|n| {
                let i = order[k + n];
                let cluster_end = order[k..end]
                    .iter()
                    .map(|&j| pen[j] + f64::from(run.glyphs[j].advance) * scale)
                    .fold(0.0, f64::max);
                (
                    n,
                    ((cluster_end - place(i)) / scale)
                        .round()
                        .clamp(0.0, 65535.0) as u16,
                )
            });
            let simple = codes.is_empty();
            for (n, (&i, text)) in order[k..end].iter().zip(&shares).enumerate() {
                if !simple {
                    break;
                }
                let g = &run.glyphs[i];
                if text.is_empty() {
                    // A glyph that stands for no character of its own (the second part of
                    // a two-part vowel sign): drawn as a shape, so it adds nothing to the
                    // text.
                    outlines.push((g.id, place(i), g.y_offset));
                    continue;
                }
                let rise = (f64::from(g.y_offset) * scale / 1000.0 * f64::from(run.size)) as f32;
                let used = self.drawn.face(run.face);
                let advance = spans_rest.filter(|s| s.0 == n).map(|s| s.1);
                let (cid, reads, width) = used.cid(g.id, text, advance);
                exact &= reads;
                codes.push((cid, place(i), width, rise, false));
            }
            // A glyph of a CFF face drawn for another text than its code reads as.
            let actual = match () {
                _ if marked => None,
                _ if hyphen => Some("- "),
                _ if !exact => Some(cluster),
                _ => None,
            };
            if let Some(actual) = actual {
                shown.close(&mut self.out, &mut at);
                self.begin_actual(actual);
            }
            for (cid, target, width, rise, invisible) in codes {
                if invisible {
                    shown.close(&mut self.out, &mut at);
                    self.out.extend_from_slice(b"3 Tr\n");
                }
                self.glyph(&mut shown, &mut at, cid, target, width, rise);
                if invisible {
                    shown.close(&mut self.out, &mut at);
                    self.out.extend_from_slice(b"0 Tr\n");
                }
            }
            if actual.is_some() {
                shown.close(&mut self.out, &mut at);
                self.out.extend_from_slice(b"EMC\n");
            }
            k = end;
        }
        shown.close(&mut self.out, &mut at);
        if marked {
            self.out.extend_from_slice(b"EMC\n");
        }
        if !outlines.is_empty() {
            self.end_text();
            let face = self.drawn.fonts.face(run.face);
            let em = f64::from(run.size) / f64::from(face.units_per_em());
            for (id, x, y) in outlines {
                let x = f64::from(run.x) + x / 1000.0 * f64::from(run.size);
                let y = f64::from(self.height - run.baseline) + f64::from(y) * em;
                // Font units to points: a scale finer than the hundredths lengths are
                // written in.
                self.out.extend_from_slice(
                    format!("q {em:.7} 0 0 {em:.7} {x:.2} {y:.2} cm\n").as_bytes(),
                );
                let mut path = Outline::default();
                face.outline(id, &mut path);
                self.out.extend_from_slice(&path.out);
                self.out.extend_from_slice(b"f Q\n");
            }
        }
    }

    pub(super) fn begin_actual(&mut self, text: &str) {
        self.out.extend_from_slice(b"/Span<</ActualText");
        text_string(&mut self.out, text);
        self.out.extend_from_slice(b">>BDC\n");
    }

    /// Shows one glyph at `target` (thousandths of an em from the run's start), raised by
    /// `rise` points; `at` is the pen, moved on by the glyph's `width` in the `W` array.
    pub(super) fn glyph(
        &mut self,
        shown: &mut Shown,
        at: &mut f64,
        cid: u16,
        target: f64,
        width: f64,
        rise: f32,
    ) {
        if rise != 0.0 {
            // A mark raised or lowered: shown on its own, with a text rise.
            shown.close(&mut self.out, at);
            num(&mut self.out, rise);
            self.out.extend_from_slice(b" Ts\n");
        }
        shown.move_to(&mut self.out, at, target);
        if !shown.string {
            self.out.push(b'(');
            shown.string = true;
        }
        self.code(cid);
        *at += width;
        if rise != 0.0 {
            shown.close(&mut self.out, at);
            self.out.extend_from_slice(b"0 Ts\n");
        }
    }

    pub(super) fn draw(&mut self, item: &Item) {
        match item {
            Item::Text(run) => self.text(run),
            Item::Line {
                from,
                to,
                width,
                grey,
            } => {
                self.end_text();
                self.stroke(*width, *grey);
                self.point(from.0, from.1);
                self.out.extend_from_slice(b" m ");
                self.point(to.0, to.1);
                self.out.extend_from_slice(b" l S\n");
            }
            Item::Rect {
                x,
                y,
                w,
                h,
                fill,
                stroke,
            } => {
                self.end_text();
                if let Some(f) = fill {
                    self.fill(*f);
                }
                if let Some((width, g)) = stroke {
                    self.stroke(*width, *g);
                }
                self.point(*x, y + h);
                self.out.push(b' ');
                num(&mut self.out, *w);
                self.out.push(b' ');
                num(&mut self.out, *h);
                self.out.extend_from_slice(match (fill, stroke) {
                    (Some(_), Some(_)) => b" re B\n",
                    (Some(_), None) => b" re f\n",
                    _ => b" re S\n",
                });
            }
            Item::Path { points, width } => {
                self.end_text();
                self.stroke(*width, 0.0);
                for (i, (x, y)) in points.iter().enumerate() {
                    self.point(*x, *y);
                    self.out
                        .extend_from_slice(if i == 0 { b" m " } else { b" l " });
                }
                self.out.extend_from_slice(b"S\n");
            }
            Item::Hidden { run, width } => self.hidden(run, *width),
        }
    }

    /// Draws `run` invisible (rendering mode 3), squeezed to `width` when it is wider.
    pub(super) fn hidden(&mut self, run: &TextRun, width: f32) {
        let natural = run.width(self.drawn.fonts.face(run.face).units_per_em());
        self.end_text();
        self.out.extend_from_slice(b"3 Tr\n");
        if natural > width {
            num(&mut self.out, 100.0 * width / natural);
            self.out.extend_from_slice(b" Tz\n");
        }
        self.text(run);
        self.end_text();
        self.out.extend_from_slice(b"0 Tr\n");
        if natural > width {
            self.out.extend_from_slice(b"100 Tz\n");
        }
    }
}

/// The state of a `TJ` array being written.
#[derive(Default)]
pub(super) struct Shown {
    pub(super) array: bool,
    pub(super) string: bool,
}

impl Shown {
    /// Moves the pen from `at` to `to` (thousandths of an em), opening the array if needed.
    pub(super) fn move_to(&mut self, out: &mut Vec<u8>, at: &mut f64, to: f64) {
        if !self.array {
            out.push(b'[');
            self.array = true;
        }
        let by = round_hundredths(to - *at);
        if by != 0.0 {
            if self.string {
                out.push(b')');
                self.string = false;
            }
            // In a TJ array a number moves the pen left.
            thousandths(out, -by);
        }
        *at += by;
    }

    /// Ends the array. A new one starts where this one's pen was left.
    pub(super) fn close(&mut self, out: &mut Vec<u8>, _at: &mut f64) {
        if self.array {
            if self.string {
                out.push(b')');
                self.string = false;
            }
            out.extend_from_slice(b"]TJ\n");
            self.array = false;
        }
    }
}

/// A glyph outline as PDF path operators, in font units.
#[derive(Default)]
pub(super) struct Outline {
    pub(super) out: Vec<u8>,
    pub(super) at: (f32, f32),
}

impl Outline {
    pub(super) fn point(&mut self, x: f32, y: f32) {
        for v in [x, y] {
            num(&mut self.out, v);
            self.out.push(b' ');
        }
    }
}

impl rustybuzz::ttf_parser::OutlineBuilder for Outline {
    fn move_to(&mut self, x: f32, y: f32) {
        self.point(x, y);
        self.out.extend_from_slice(b"m\n");
        self.at = (x, y);
    }

    fn line_to(&mut self, x: f32, y: f32) {
        self.point(x, y);
        self.out.extend_from_slice(b"l\n");
        self.at = (x, y);
    }

    fn quad_to(&mut self, x1: f32, y1: f32, x: f32, y: f32) {
        // The cubic Bézier curve that traces the same quadratic one.
        let (x0, y0) = self.at;
        self.curve_to(
            x0 + 2.0 / 3.0 * (x1 - x0),
            y0 + 2.0 / 3.0 * (y1 - y0),
            x + 2.0 / 3.0 * (x1 - x),
            y + 2.0 / 3.0 * (y1 - y),
            x,
            y,
        );
    }

    fn curve_to(&mut self, x1: f32, y1: f32, x2: f32, y2: f32, x: f32, y: f32) {
        self.point(x1, y1);
        self.point(x2, y2);
        self.point(x, y);
        self.out.extend_from_slice(b"c\n");
        self.at = (x, y);
    }

    fn close(&mut self) {
        self.out.extend_from_slice(b"h\n");
    }
}

/// A cluster's characters shared out in order among its `n` glyphs: one each, the last
/// glyph taking the rest; when there are more glyphs than characters, the extra glyphs
/// stand for nothing.
pub(super) fn share(cluster: &str, n: usize) -> Vec<&str> {
    let mut out = Vec::with_capacity(n);
    let mut rest = cluster;
    for k in 0..n {
        if k + 1 == n {
            out.push(rest);
        } else {
            let len = rest.chars().next().map_or(0, char::len_utf8);
            out.push(&rest[..len]);
            rest = &rest[len..];
        }
    }
    out
}
