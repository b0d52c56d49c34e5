//! PDF syntax: numbers, names, strings, references and dictionaries as the file writes them.
//!
//! Dictionaries are written compactly, as [`Dict`] and [`Array`] write them: a space only
//! where two tokens would otherwise run together (`/Type/Page`, `/K[`, `/Count 5`).

/// A PDF text string: PDFDocEncoding when plain ASCII, else UTF-16 with a byte order mark.
pub(super) fn text_string(out: &mut Vec<u8>, s: &str) {
    if s.bytes().all(|b| (0x20..0x7f).contains(&b)) {
        out.push(b'(');
        for b in s.bytes() {
            if matches!(b, b'(' | b')' | b'\\') {
                out.push(b'\\');
            }
            out.push(b);
        }
        out.push(b')');
    } else {
        out.extend_from_slice(b"<FEFF");
        for unit in s.encode_utf16() {
            hex16(out, unit);
        }
        out.push(b'>');
    }
}

pub(super) fn hex16(out: &mut Vec<u8>, v: u16) {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    for shift in [12, 8, 4, 0] {
        out.push(HEX[usize::from(v >> shift & 0xF)]);
    }
}

fn reference(out: &mut Vec<u8>, id: u32) {
    int(out, i64::from(id));
    out.extend_from_slice(b" 0 R");
}

pub(super) fn int(out: &mut Vec<u8>, v: i64) {
    let mut digits = [0u8; 20];
    let mut n = v.unsigned_abs();
    let mut at = digits.len();
    loop {
        at -= 1;
        digits[at] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    if v < 0 {
        out.push(b'-');
    }
    out.extend_from_slice(&digits[at..]);
}

/// A length in points, to the hundredth (0.0035 mm: finer than any printer resolves).
pub(super) fn num(out: &mut Vec<u8>, v: f32) {
    hundredths(out, to_hundredths(v));
}

pub(super) fn to_hundredths(v: f32) -> i64 {
    (f64::from(v) * 100.0).round() as i64
}

pub(super) fn hundredths(out: &mut Vec<u8>, h: i64) {
    if h < 0 {
        out.push(b'-');
    }
    let h = h.unsigned_abs();
    int(out, (h / 100) as i64);
    let frac = h % 100;
    if frac != 0 {
        out.push(b'.');
        out.push(b'0' + (frac / 10) as u8);
        if !frac.is_multiple_of(10) {
            out.push(b'0' + (frac % 10) as u8);
        }
    }
}

/// A number in thousandths of an em (widths, `TJ` moves), to the hundredth.
pub(super) fn thousandths(out: &mut Vec<u8>, v: f64) {
    hundredths(out, (v * 100.0).round() as i64);
}

pub(super) fn round_hundredths(v: f64) -> f64 {
    (v * 100.0).round() / 100.0
}

/// `area`, measured from the top of a page `page_height` high as the frame measures, as the
/// rectangle `[x0 y0 x1 y1]` PDF measures from the page's foot; in whole points where `whole`.
fn rect(out: &mut Vec<u8>, area: &crate::frame::Area, page_height: f32, whole: bool) {
    out.push(b'[');
    let corners = [
        area.x,
        page_height - (area.y + area.h),
        area.x + area.w,
        page_height - area.y,
    ];
    for (k, v) in corners.into_iter().enumerate() {
        if k > 0 {
            out.push(b' ');
        }
        match whole {
            true => int(out, v.round() as i64),
            false => num(out, v),
        }
    }
    out.push(b']');
}

/// A PDF name: bytes outside the regular characters, and `#`, written as `#XX`
/// (ISO 32000-1, 7.3.5), so `application/json` becomes `/application#2Fjson`.
fn name(out: &mut Vec<u8>, name: &str) {
    out.push(b'/');
    for b in name.bytes() {
        let regular = b.is_ascii_graphic()
            && !matches!(
                b,
                b'#' | b'/' | b'(' | b')' | b'<' | b'>' | b'[' | b']' | b'{' | b'}' | b'%'
            );
        if regular {
            out.push(b);
        } else {
            out.extend_from_slice(format!("#{b:02X}").as_bytes());
        }
    }
}

/// A dictionary or array written inside another, on at the end of the same bytes, so that
/// nesting copies nothing.
fn nest<T>(
    out: &mut Vec<u8>,
    open: fn(Vec<u8>) -> T,
    fill: impl FnOnce(&mut T),
    close: fn(T) -> Vec<u8>,
) {
    let mut inner = open(std::mem::take(out));
    fill(&mut inner);
    *out = close(inner);
}

/// A dictionary being written. Keys are the program's own names, written as they are;
/// values that are names are escaped. Each method adds one entry.
pub(super) struct Dict {
    out: Vec<u8>,
}

impl Dict {
    pub(super) fn new() -> Dict {
        Dict::within(Vec::new())
    }

    /// A dictionary written on at the end of `out`, so that nesting copies nothing.
    fn within(mut out: Vec<u8>) -> Dict {
        out.extend_from_slice(b"<<");
        Dict { out }
    }

    /// The key; then a space if the value does not begin with a delimiter.
    fn key(&mut self, key: &str, spaced: bool) {
        self.out.push(b'/');
        self.out.extend_from_slice(key.as_bytes());
        if spaced {
            self.out.push(b' ');
        }
    }

    pub(super) fn name(&mut self, key: &str, value: &str) -> &mut Self {
        self.key(key, false);
        name(&mut self.out, value);
        self
    }

    pub(super) fn int(&mut self, key: &str, v: i64) -> &mut Self {
        self.key(key, true);
        int(&mut self.out, v);
        self
    }

    /// A number to the hundredth.
    pub(super) fn num(&mut self, key: &str, v: f32) -> &mut Self {
        self.key(key, true);
        num(&mut self.out, v);
        self
    }

    pub(super) fn bool(&mut self, key: &str, v: bool) -> &mut Self {
        self.key(key, true);
        self.out
            .extend_from_slice(if v { b"true" } else { b"false" });
        self
    }

    pub(super) fn reference(&mut self, key: &str, id: u32) -> &mut Self {
        self.key(key, true);
        reference(&mut self.out, id);
        self
    }

    pub(super) fn text(&mut self, key: &str, s: &str) -> &mut Self {
        self.key(key, false);
        text_string(&mut self.out, s);
        self
    }

    /// An array of references.
    pub(super) fn refs(&mut self, key: &str, ids: &[u32]) -> &mut Self {
        self.array(key, |a| {
            for &id in ids {
                a.reference(id);
            }
        })
    }

    /// `area` as a rectangle on a page `page_height` high, in whole points where `whole`
    /// (see [`rect`]).
    pub(super) fn rect(
        &mut self,
        key: &str,
        area: &crate::frame::Area,
        page_height: f32,
        whole: bool,
    ) -> &mut Self {
        self.key(key, false);
        rect(&mut self.out, area, page_height, whole);
        self
    }

    pub(super) fn dict(&mut self, key: &str, f: impl FnOnce(&mut Dict)) -> &mut Self {
        self.key(key, false);
        nest(&mut self.out, Dict::within, f, Dict::finish);
        self
    }

    pub(super) fn array(&mut self, key: &str, f: impl FnOnce(&mut Array)) -> &mut Self {
        self.key(key, false);
        nest(&mut self.out, Array::within, f, Array::finish);
        self
    }

    /// An array, or its one element alone where it has one, as a structure element's
    /// kids may be written (`/K 3 0 R`, `/K[3 0 R 4]`).
    pub(super) fn one_or_array(&mut self, key: &str, f: impl FnOnce(&mut Array)) -> &mut Self {
        self.key(key, false);
        let bracket = self.out.len();
        let mut inner = Array::within(std::mem::take(&mut self.out));
        f(&mut inner);
        if inner.len == 1 {
            // The element takes the bracket's place, so a space stands before it even when
            // it begins with a delimiter (`/K <<`): the bytes the file has always had.
            inner.out[bracket] = b' ';
            self.out = inner.out;
        } else {
            self.out = inner.finish();
        }
        self
    }

    /// A value already written as PDF syntax: spaced from its key as any other would be.
    pub(super) fn raw(&mut self, key: &str, value: &[u8]) -> &mut Self {
        let delimited = matches!(value.first(), Some(b'/' | b'(' | b'<' | b'['));
        self.key(key, !delimited);
        self.out.extend_from_slice(value);
        self
    }

    pub(super) fn finish(mut self) -> Vec<u8> {
        self.out.extend_from_slice(b">>");
        self.out
    }
}

/// An array being written: its elements apart by a space, but for a name or an array,
/// which begin with a delimiter and follow the element before without one (`[1[2 3]]`,
/// `[3 0 R/XYZ null]`).
pub(super) struct Array {
    out: Vec<u8>,
    len: usize,
}

impl Array {
    fn within(mut out: Vec<u8>) -> Array {
        out.push(b'[');
        Array { out, len: 0 }
    }

    fn item(&mut self, spaced: bool) {
        if spaced && self.len > 0 {
            self.out.push(b' ');
        }
        self.len += 1;
    }

    pub(super) fn int(&mut self, v: i64) -> &mut Self {
        self.item(true);
        int(&mut self.out, v);
        self
    }

    /// A number to the hundredth.
    pub(super) fn num(&mut self, v: impl Into<f64>) -> &mut Self {
        self.item(true);
        thousandths(&mut self.out, v.into());
        self
    }

    pub(super) fn null(&mut self) -> &mut Self {
        self.item(true);
        self.out.extend_from_slice(b"null");
        self
    }

    pub(super) fn name(&mut self, value: &str) -> &mut Self {
        self.item(false);
        name(&mut self.out, value);
        self
    }

    pub(super) fn reference(&mut self, id: u32) -> &mut Self {
        self.item(true);
        reference(&mut self.out, id);
        self
    }

    pub(super) fn text(&mut self, s: &str) -> &mut Self {
        self.item(true);
        text_string(&mut self.out, s);
        self
    }

    pub(super) fn dict(&mut self, f: impl FnOnce(&mut Dict)) -> &mut Self {
        self.item(true);
        nest(&mut self.out, Dict::within, f, Dict::finish);
        self
    }

    pub(super) fn array(&mut self, f: impl FnOnce(&mut Array)) -> &mut Self {
        self.item(false);
        nest(&mut self.out, Array::within, f, Array::finish);
        self
    }

    fn finish(mut self) -> Vec<u8> {
        self.out.push(b']');
        self.out
    }
}
