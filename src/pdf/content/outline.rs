//! Glyphs drawn as filled shapes, for a face whose marks cannot join their letter as text.

use super::*;

impl Pen<'_, '_> {
    /// Glyphs drawn as filled shapes rather than text, after the run's text object.
    pub(super) fn draw_outlines(&mut self, run: &TextRun, outlines: &[(u16, f64, i32)]) {
        let face = self.drawn.fonts.face(run.face);
        let em = f64::from(run.size) / f64::from(face.units_per_em());
        for &(id, x, y) in outlines {
            let x = f64::from(run.x) + x / 1000.0 * f64::from(run.size);
            let y = f64::from(self.height - run.baseline) + f64::from(y) * em;
            // Font units to points: a scale finer than the hundredths lengths are
            // written in.
            self.out
                .extend_from_slice(format!("q {em:.7} 0 0 {em:.7} {x:.2} {y:.2} cm\n").as_bytes());
            let mut path = Outline::default();
            face.outline(id, &mut path);
            self.out.extend_from_slice(&path.out);
            self.out.extend_from_slice(b"f Q\n");
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

impl harfrust::font::glyph::outline::PathSink for Outline {
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
