//! Content streams: the pen that draws a page's glyph runs, lines and rectangles as PDF
//! operators, keeping each run's text readable (ToUnicode or ActualText).

mod clusters;
mod outline;
mod shown;

use super::*;
pub(super) use shown::Showing;
use shown::Shown;

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
        self.move_to_run(run);
        let scale = self.drawn.face(run.face).scale;
        let mut showing = Showing::default();
        let shown = self.show_plain(run, scale, &mut showing);
        self.show_clusters(run, scale, shown, showing);
    }

    /// Moves to the run's start, opening a text object if none is open, and sets its font.
    pub(super) fn move_to_run(&mut self, run: &TextRun) {
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
