//! Interactive form fields (ISO 32000-1, 12.7): the space a sheet leaves to write in, as text
//! fields a reader can type into on a screen and save with the file, as well as write on by
//! hand once printed. Each field is one widget annotation, a content item of its structure
//! element (a `Form`, PDF/UA-1 7.18.4), announced by its tooltip (`/TU`).
//!
//! PDF/A-3 (ISO 19005-3, 6.3 and 6.4) asks each widget for a normal appearance and nothing
//! else, printed as shown, and no `NeedAppearances`: an empty field draws nothing, so every
//! widget shares one empty appearance, and a viewer draws its own once text is typed.

use crate::frame::{Field, Page};

use super::{int, num, rect, reference, text_string, File};

/// The font what is typed is shown in, as the form's default resources name it. A viewer
/// sets the text typed into a field in it; one of the standard fonts every viewer has,
/// since the sheet's embedded fonts hold only the glyphs it prints.
const TYPED_FONT: &[u8] = b"/Helv";

/// The empty appearance every widget shares.
pub(super) fn empty_appearance(file: &mut File) -> u32 {
    file.stream(
        b"/Type/XObject/Subtype/Form/BBox[0 0 1 1]/Resources<<>>".to_vec(),
        Vec::new(),
    )
}

/// A field's widget, merged with its field dictionary as one object: named `name`, on
/// `page`, with `key` its structure element's key in the parent tree. `size`: the size of
/// typed text the form sets for every field. A sheet leaves a hundred of these: the
/// optional entries are left out (`/Type`, `/P`).
pub(super) fn widget(
    field: &Field,
    name: &str,
    page: &Page,
    key: Option<usize>,
    size: f32,
    appearance: u32,
) -> Vec<u8> {
    let mut d = b"<</Subtype/Widget/FT/Tx/T".to_vec();
    text_string(&mut d, name);
    d.extend_from_slice(b"/TU");
    text_string(&mut d, &field.label);
    // Do not scroll (bit 24): a line takes no more than it shows, as on paper; the rest is
    // written on the next line.
    d.extend_from_slice(b"/Ff 8388608/Rect");
    // In whole points: a hundred fields a sheet, and a field half a point off is the same.
    rect(&mut d, &field.area, page.height, true);
    // Printed as shown (PDF/A): what was typed is on the paper too.
    d.extend_from_slice(b"/F 4");
    if let Some(key) = key {
        d.extend_from_slice(b"/StructParent ");
        int(&mut d, key as i64);
    }
    if field.size != size {
        appearance_string(&mut d, field.size);
    }
    d.extend_from_slice(b"/AP<</N ");
    reference(&mut d, appearance);
    d.extend_from_slice(b">>>>");
    d
}

/// How typed text is set: in the typed font at `size`, in black.
fn appearance_string(d: &mut Vec<u8>, size: f32) {
    d.extend_from_slice(b"/DA(");
    d.extend_from_slice(TYPED_FONT);
    d.push(b' ');
    num(d, size);
    d.extend_from_slice(b" Tf 0 g)");
}

/// The catalogue's `/AcroForm` entry for the fields `ids`, in reading order, typed text set
/// at `size` where a field says no other.
pub(super) fn acro_form(file: &mut File, ids: &[u32], size: f32) -> Vec<u8> {
    if ids.is_empty() {
        return Vec::new();
    }
    let font = file.add(
        b"<</Type/Font/Subtype/Type1/BaseFont/Helvetica/Encoding/WinAnsiEncoding>>".to_vec(),
    );
    let mut d = b"/AcroForm<</Fields[".to_vec();
    for (k, id) in ids.iter().enumerate() {
        if k > 0 {
            d.push(b' ');
        }
        reference(&mut d, *id);
    }
    d.extend_from_slice(b"]/DR<</Font<<");
    d.extend_from_slice(TYPED_FONT);
    d.push(b' ');
    reference(&mut d, font);
    d.extend_from_slice(b">>>>");
    appearance_string(&mut d, size);
    d.extend_from_slice(b">>");
    d
}
