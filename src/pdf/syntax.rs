//! PDF syntax: numbers, names, strings and references as the file writes them.

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

pub(super) fn reference(out: &mut Vec<u8>, id: u32) {
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
pub(super) fn rect(out: &mut Vec<u8>, area: &crate::frame::Area, page_height: f32, whole: bool) {
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
