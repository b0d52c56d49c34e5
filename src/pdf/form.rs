//! Interactive form fields (ISO 32000-1, 12.7): the space a sheet leaves to write in, as text
//! fields a reader can type into on a screen and save with the file, as well as write on by
//! hand once printed. Each field is one widget annotation, a content item of its structure
//! element (a `Form`, PDF/UA-1 7.18.4), announced by its tooltip (`/TU`).
//!
//! PDF/A-3 (ISO 19005-3, 6.3 and 6.4) asks each widget for a normal appearance and nothing
//! else, printed as shown, and no `NeedAppearances`: an empty field draws nothing, so every
//! widget shares one empty appearance, and a viewer draws its own once text is typed.

use crate::frame::{Field, Page};

use super::{num, Dict, File};

/// The font what is typed is shown in, as the form's default resources name it. A viewer
/// sets the text typed into a field in it; one of the standard fonts every viewer has,
/// since the sheet's embedded fonts hold only the glyphs it prints.
const TYPED_FONT: &str = "Helv";

/// The empty appearance every widget shares.
pub(super) fn empty_appearance(file: &mut File) -> u32 {
    let mut dict = Dict::new();
    dict.name("Type", "XObject")
        .name("Subtype", "Form")
        .array("BBox", |a| {
            a.int(0).int(0).int(1).int(1);
        })
        .dict("Resources", |_| {});
    file.stream(dict, Vec::new())
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
    let mut d = Dict::new();
    d.name("Subtype", "Widget")
        .name("FT", "Tx")
        .text("T", name)
        .text("TU", &field.label)
        // Do not scroll (bit 24): a line takes no more than it shows, as on paper; the rest
        // is written on the next line.
        .int("Ff", 8388608)
        // In whole points: a hundred fields a sheet, and a field half a point off is the same.
        .rect("Rect", &field.area, page.height, true)
        // Printed as shown (PDF/A): what was typed is on the paper too.
        .int("F", 4);
    if let Some(key) = key {
        d.int("StructParent", key as i64);
    }
    if field.size != size {
        d.raw("DA", &appearance_string(field.size));
    }
    d.dict("AP", |ap| {
        ap.reference("N", appearance);
    });
    d.finish()
}

/// How typed text is set: in the typed font at `size`, in black.
fn appearance_string(size: f32) -> Vec<u8> {
    let mut da = format!("(/{TYPED_FONT} ").into_bytes();
    num(&mut da, size);
    da.extend_from_slice(b" Tf 0 g)");
    da
}

/// The catalogue's `/AcroForm` entry for the fields `ids`, in reading order, typed text set
/// at `size` where a field says no other.
pub(super) fn acro_form(file: &mut File, ids: &[u32], size: f32, catalog: &mut Dict) {
    if ids.is_empty() {
        return;
    }
    let mut font = Dict::new();
    font.name("Type", "Font")
        .name("Subtype", "Type1")
        .name("BaseFont", "Helvetica")
        .name("Encoding", "WinAnsiEncoding");
    let font = file.add(font.finish());
    catalog.dict("AcroForm", |form| {
        form.refs("Fields", ids)
            .dict("DR", |dr| {
                dr.dict("Font", |fonts| {
                    fonts.reference(TYPED_FONT, font);
                });
            })
            .raw("DA", &appearance_string(size));
    });
}
