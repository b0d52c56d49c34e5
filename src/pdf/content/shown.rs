//! The `TJ` array a run's glyph codes are written into, and the pen that moves through it.

use super::*;

/// Where a run's text stands while it is shown: the `TJ` array, its pen, and the glyphs
/// left to draw as shapes.
#[derive(Default)]
pub(in crate::pdf) struct Showing {
    pub(super) shown: Shown,
    /// The pen of the text being shown, in thousandths of an em from the run's start.
    pub(super) at: f64,
    pub(super) outlines: Vec<(u16, f64, i32)>,
}

/// One glyph code to show: at `target` (thousandths of an em from the run's start), moving
/// the pen by `width`, raised by `rise` points, and invisible where only its text counts.
pub(in crate::pdf) struct Code {
    pub(super) cid: u16,
    pub(super) target: f64,
    pub(super) width: f64,
    pub(super) rise: f32,
    pub(super) invisible: bool,
}

/// The state of a `TJ` array being written.
#[derive(Default)]
pub(in crate::pdf) struct Shown {
    pub(in crate::pdf) array: bool,
    pub(in crate::pdf) string: bool,
}

impl Shown {
    /// Moves the pen from `at` to `to` (thousandths of an em), opening the array if needed.
    pub(in crate::pdf) fn move_to(&mut self, out: &mut Vec<u8>, at: &mut f64, to: f64) {
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
    pub(in crate::pdf) fn close(&mut self, out: &mut Vec<u8>, _at: &mut f64) {
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
