//! The PDF writer on its own: hand-made pages in, files that independent readers (poppler,
//! qpdf, MuPDF, lopdf) read back exactly.

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;

use common::*;
use visitprep::fonts::{FaceId, FontSet};
use visitprep::frame::{Item, Page};
use visitprep::layout::text;
use visitprep::pdf;
use visitprep::structure::Mark;

const CJK: &str = "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc";
const CFF: &str = "/usr/share/fonts/opentype/urw-base35/NimbusSans-Regular.otf";

fn info() -> pdf::Info {
    pdf::Info {
        title: "Writer test".into(),
        author: "Zoë Example".into(),
        subject: "Fonts".into(),
        keywords: vec!["one".into(), "two".into()],
        created_unix: 1_795_000_000,
        creator: "visitprep test".into(),
    }
}

/// One A4 page with each text on a line of its own.
fn page(fonts: &FontSet, lines: &[(FaceId, &str)]) -> Page {
    Page {
        width: 595.276,
        height: 841.89,
        items: lines
            .iter()
            .enumerate()
            .map(|(i, (face, line))| {
                let run = text::run_in_face(fonts, *face, line, 56.0, 80.0 + 20.0 * i as f32, 11.0);
                (Mark::DOCUMENT, Item::Text(run))
            })
            .collect(),
        furniture: Vec::new(),
        links: Vec::new(),
        fields: Vec::new(),
    }
}

fn write(dir: &Path, name: &str, pages: &[Page], fonts: &FontSet) -> PathBuf {
    let bytes = pdf::write(pages, fonts, &info()).expect("the fonts embed");
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    path
}

fn font_from(path: &str) -> Vec<u8> {
    std::fs::read(path)
        .unwrap_or_else(|e| panic!("{path}: {e} (scripts/test.sh installs the system fonts)"))
}

/// qpdf finds nothing wrong with the file's structure.
fn assert_well_formed(pdf: &Path) {
    let o = Command::new("qpdf")
        .arg("--check")
        .arg(pdf)
        .output()
        .expect("qpdf runs: install qpdf");
    assert!(
        o.status.success(),
        "qpdf --check {}:\n{}{}",
        pdf.display(),
        stdout(&o),
        stderr(&o)
    );
}

/// MuPDF draws every page without a complaint (colour management off: the pages are grey).
fn assert_draws_cleanly(pdf: &Path) {
    let o = Command::new("mutool")
        .args(["draw", "-q", "-N", "-o", "/dev/null"])
        .arg(pdf)
        .output()
        .expect("mutool runs: install mupdf-tools");
    let complaints = stderr(&o);
    assert!(
        o.status.success() && complaints.trim().is_empty(),
        "mutool draw {}:\n{complaints}",
        pdf.display()
    );
}

#[test]
fn every_character_reads_back_as_written() {
    let dir = tempfile::tempdir().unwrap();
    let fonts = FontSet::embedded();
    // Enough different characters that the two-byte codes include the bytes a PDF string
    // must escape: ( ) \ and the two ends of line.
    let chars: String = (' '..='~')
        .chain('¡'..='ÿ')
        .filter(|c| *c != '\u{AD}')
        .collect();
    let chunks: Vec<String> = chars
        .chars()
        .collect::<Vec<_>>()
        .chunks(40)
        .map(|c| c.iter().collect::<String>().trim().to_string())
        .collect();
    let lines: Vec<(FaceId, &str)> = chunks.iter().map(|c| (FaceId(0), c.as_str())).collect();
    let path = write(dir.path(), "chars.pdf", &[page(&fonts, &lines)], &fonts);
    assert_well_formed(&path);
    assert_draws_cleanly(&path);
    let text = pdf_text(&path);
    let read: Vec<&str> = text.lines().filter(|l| !l.trim().is_empty()).collect();
    assert_eq!(read, chunks);
}

#[test]
fn two_characters_drawn_with_one_glyph_stay_two_characters() {
    let dir = tempfile::tempdir().unwrap();
    let mut fonts = FontSet::embedded();
    let cjk = fonts.add_fallback("wqy-microhei", &font_from(CJK)).unwrap();
    // WenQuanYi draws the compatibility ideograph U+F967 with the glyph of U+4E0D.
    let text = "\u{4E0D}\u{F967} \u{5E74}\u{F98E}";
    let path = write(
        dir.path(),
        "cjk.pdf",
        &[page(&fonts, &[(cjk, text)])],
        &fonts,
    );
    assert_well_formed(&path);
    assert_eq!(pdf_text(&path).trim(), text);
}

#[test]
fn a_font_with_cff_outlines_embeds_as_opentype() {
    let dir = tempfile::tempdir().unwrap();
    let mut fonts = FontSet::embedded();
    let cff = fonts.add_fallback("NimbusSans", &font_from(CFF)).unwrap();
    pdf::check_embeddable(fonts.face(cff)).unwrap();
    let path = write(
        dir.path(),
        "cff.pdf",
        &[page(
            &fonts,
            &[(cff, "Nimbus (CFF) \\ text"), (FaceId(1), "Noto Bold")],
        )],
        &fonts,
    );
    assert_well_formed(&path);
    assert_draws_cleanly(&path);
    let text = pdf_text(&path);
    assert!(text.contains("Nimbus (CFF) \\ text"), "{text}");
    assert!(text.contains("Noto Bold"), "{text}");

    let pdf = Pdf::load(&path);
    let mut kinds = Vec::new();
    for object in pdf.doc.objects.values() {
        let Ok(dict) = object.as_dict() else { continue };
        if dict.get(b"Type").and_then(|t| t.as_name()).ok() != Some(b"FontDescriptor") {
            continue;
        }
        let name = String::from_utf8_lossy(dict.get(b"FontName").unwrap().as_name().unwrap());
        let program = if let Ok(r) = dict.get(b"FontFile3") {
            let stream = pdf.doc.get_object(r.as_reference().unwrap()).unwrap();
            let subtype = stream.as_stream().unwrap().dict.get(b"Subtype").unwrap();
            format!(
                "FontFile3/{}",
                String::from_utf8_lossy(subtype.as_name().unwrap())
            )
        } else if dict.has(b"FontFile2") {
            "FontFile2".to_string()
        } else {
            "none".to_string()
        };
        kinds.push((name.split('+').nth(1).unwrap().to_string(), program));
    }
    kinds.sort();
    assert_eq!(
        kinds,
        [
            (
                "NimbusSans-Regular".to_string(),
                "FontFile3/OpenType".to_string()
            ),
            ("NotoSans-Bold".to_string(), "FontFile2".to_string()),
        ]
    );
}

/// The table tags of a TrueType font program.
fn tables(font: &[u8]) -> Vec<String> {
    let n = usize::from(u16::from_be_bytes([font[4], font[5]]));
    (0..n)
        .map(|i| String::from_utf8_lossy(&font[12 + 16 * i..16 + 16 * i]).into_owned())
        .collect()
}

#[test]
fn embedded_programs_hold_outlines_and_metrics_only() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("complete.pdf");
    render(&example("complete.toml"), &out, &[]);
    assert_well_formed(&out);
    let pdf = Pdf::load(&out);
    let mut programs = 0;
    for object in pdf.doc.objects.values() {
        let Ok(dict) = object.as_dict() else { continue };
        let Ok(r) = dict.get(b"FontFile2") else {
            continue;
        };
        let stream = pdf.doc.get_object(r.as_reference().unwrap()).unwrap();
        let font = stream.as_stream().unwrap().decompressed_content().unwrap();
        assert_eq!(
            tables(&font),
            ["glyf", "head", "hhea", "hmtx", "loca", "maxp"],
            "no hinting, names or character map"
        );
        programs += 1;
    }
    assert_eq!(programs, 2, "Noto Sans regular and bold");
}

#[test]
fn the_same_pages_give_the_same_bytes_and_names() {
    let fonts = FontSet::embedded();
    let pages = [page(
        &fonts,
        &[(FaceId(0), "Same text"), (FaceId(1), "Same bold")],
    )];
    let a = pdf::write(&pages, &fonts, &info()).unwrap();
    let b = pdf::write(&pages, &FontSet::embedded(), &info()).unwrap();
    assert_eq!(a, b);
    let other = [page(
        &fonts,
        &[(FaceId(0), "Other text"), (FaceId(1), "Same bold")],
    )];
    let c = pdf::write(&other, &fonts, &info()).unwrap();
    assert_ne!(a, c);
}

mod round_trip {
    use super::*;
    use proptest::prelude::*;
    use visitprep::fonts::Weight;

    /// Letters, digits and punctuation from the scripts the embedded faces cover, with the
    /// characters that PDF strings escape. Poppler gives each back as itself.
    fn line() -> impl Strategy<Value = String> {
        let chars = prop_oneof![
            8 => prop::char::range('!', '~'),
            3 => prop::char::range('À', 'ž'),
            2 => prop::char::range('Α', 'ω')
                // U+03A2 is unassigned: there is no capital final sigma.
                .prop_filter("assigned", |c| *c != '\u{3A2}'),
            2 => prop::char::range('А', 'я'),
            1 => prop::sample::select(vec!['€', '—', '“', '”', '→', '✓', '½', '°']),
        ];
        prop::collection::vec(chars, 1..40).prop_map(String::from_iter)
    }

    /// Each line set as the layout sets it: shaped runs of one face each.
    fn page_of(lines: &[(String, Weight)], fonts: &FontSet) -> Page {
        let mut items = Vec::new();
        for (i, (line, weight)) in lines.iter().enumerate() {
            let baseline = 80.0 + 18.0 * i as f32;
            for run in text::set_line(fonts, line, *weight, 56.0, baseline, 10.0) {
                items.push((Mark::DOCUMENT, Item::Text(run)));
            }
        }
        Page {
            width: 595.276,
            height: 841.89,
            items,
            furniture: Vec::new(),
            links: Vec::new(),
            fields: Vec::new(),
        }
    }

    proptest! {
        #![proptest_config(proptest_config(40, "proptest-regressions/pdf_writer.txt"))]

        /// Whatever the text, the file is well formed and its text reads back exactly.
        #[test]
        fn text_reads_back_as_written(
            lines in prop::collection::vec((line(), prop_oneof![Just(Weight::Regular), Just(Weight::Bold)]), 1..12)
        ) {
            let fonts = FontSet::embedded();
            let dir = tempfile::tempdir().unwrap();
            let path = write(dir.path(), "p.pdf", &[page_of(&lines, &fonts)], &fonts);
            assert_well_formed(&path);
            let text = pdf_text(&path);
            // A hyphen that ends a line reads as "- " (see pdf.rs), so lines are trimmed.
            let read: Vec<&str> = text.lines().map(str::trim).filter(|l| !l.is_empty()).collect();
            let wanted: Vec<&str> = lines.iter().map(|(t, _)| t.as_str()).collect();
            prop_assert_eq!(read, wanted);
        }
    }
}

#[test]
fn only_a_hyphen_that_ends_a_line_is_marked() {
    let dir = tempfile::tempdir().unwrap();
    let fonts = FontSet::embedded();
    let size = 11.0;
    let pre_width = text::text_width(&fonts, "pre-", visitprep::fonts::Weight::Regular, size);
    let text = |x: f32, baseline: f32, face: usize, line: &str, ends_line: bool| {
        let mut run = text::run_in_face(&fonts, FaceId(face), line, x, baseline, size);
        run.ends_line = ends_line;
        (Mark::DOCUMENT, Item::Text(run))
    };
    let page = Page {
        width: 595.276,
        height: 841.89,
        items: vec![
            // Line ends: before another line, and before another column.
            text(56.0, 80.0, 0, "calf -", true),
            text(56.0, 95.0, 0, "sometimes pre-", true),
            text(300.0, 95.0, 0, "other column", true),
            text(56.0, 110.0, 0, "and post", true),
            // Mid-line: the next run (another face) starts where this one ends.
            text(56.0, 140.0, 0, "pre-", false),
            text(56.0 + pre_width, 140.0, 1, "natal", true),
        ],
        furniture: Vec::new(),
        links: Vec::new(),
        fields: Vec::new(),
    };
    let path = write(dir.path(), "hyphens.pdf", &[page], &fonts);
    let text = pdf_text(&path);
    let lines: Vec<&str> = text.lines().map(str::trim_end).collect();
    for wanted in ["calf -", "sometimes pre-", "pre-natal"] {
        assert!(lines.contains(&wanted), "{wanted:?} not a line of\n{text}");
    }
    assert!(text.contains("and post"), "{text}");
    // Two line ends are marked, the hyphen in the middle of a line is not.
    let pdf = Pdf::load(&path);
    let id = pdf.doc.get_pages()[&1];
    let content = pdf.doc.get_page_content(id);
    let marked = content
        .windows(b"ActualText(- )".len())
        .filter(|w| w == b"ActualText(- )")
        .count();
    assert_eq!(marked, 2);
}

/// Pages laid out with a structure and written without it (`pdf::write`) are an untagged
/// document, whose text still reads back, rather than a failure.
#[test]
fn laid_out_pages_written_without_their_structure_still_read_back() {
    let dir = tempfile::tempdir().unwrap();
    let fonts = FontSet::embedded();
    let doc = visitprep::document::Document {
        meta: visitprep::document::Metadata {
            title: "t".into(),
            author: "a".into(),
            subject: "s".into(),
            keywords: vec![],
            created: chrono::DateTime::from_timestamp(1_764_072_000, 0)
                .unwrap()
                .naive_utc(),
            language: visitprep::document::Language::English,
        },
        footer: visitprep::words::Words::of(visitprep::document::Language::English)
            .footer("footer"),
        blocks: vec![
            visitprep::document::Block::Heading("Heading one".into()),
            visitprep::document::Block::Paragraph(visitprep::document::plain(
                "A paragraph under its heading",
            )),
        ],
    };
    let pages = visitprep::layout::layout(&doc, &fonts, Default::default());
    let pdf = write(dir.path(), "untagged.pdf", &pages, &fonts);
    assert_well_formed(&pdf);
    let text = squash(&pdf_text(&pdf));
    assert!(text.contains(&squash("Heading one")), "{text}");
    assert!(
        text.contains(&squash("A paragraph under its heading")),
        "{text}"
    );
}

/// A field of the frame becomes a text field of the file's form where the frame puts it (the
/// frame measures from the page's top, PDF from its foot), named by its label, typed text set
/// at its size; a file whose pages have no field has no form. Read back with lopdf, checked
/// by qpdf and drawn by MuPDF.
#[test]
fn a_field_to_type_into_is_written_where_the_frame_puts_it() {
    use visitprep::frame::{Area, Field};
    use visitprep::structure::NodeId;
    let dir = tempfile::tempdir().unwrap();
    let fonts = FontSet::embedded();
    let plain = write(
        dir.path(),
        "plain.pdf",
        &[page(&fonts, &[(FaceId(0), "Notes")])],
        &fonts,
    );
    let doc = lopdf::Document::load(&plain).unwrap();
    assert!(doc.catalog().unwrap().get(b"AcroForm").is_err());

    let mut with_field = page(&fonts, &[(FaceId(0), "Notes")]);
    with_field.fields.push(Field {
        area: Area {
            x: 56.0,
            y: 100.0,
            w: 300.0,
            h: 16.0,
        },
        label: "Notes (1/2)".into(),
        size: 11.5,
        node: NodeId(0),
    });
    let pdf = write(dir.path(), "field.pdf", &[with_field], &fonts);
    assert_well_formed(&pdf);
    assert_draws_cleanly(&pdf);
    let doc = lopdf::Document::load(&pdf).unwrap();
    let catalog = doc.catalog().unwrap();
    let form = catalog.get(b"AcroForm").unwrap().as_dict().unwrap();
    let da = String::from_utf8(form.get(b"DA").unwrap().as_str().unwrap().to_vec()).unwrap();
    assert_eq!(da, "/Helv 11.5 Tf 0 g");
    let fields = form.get(b"Fields").unwrap().as_array().unwrap();
    assert_eq!(fields.len(), 1);
    let widget = doc
        .get_dictionary(fields[0].as_reference().unwrap())
        .unwrap();
    assert_eq!(widget.get(b"FT").unwrap().as_name().unwrap(), b"Tx");
    let label = lopdf::decode_text_string(widget.get(b"TU").unwrap()).unwrap();
    assert_eq!(label, "Notes (1/2)");
    let rect: Vec<f32> = widget
        .get(b"Rect")
        .unwrap()
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_float().unwrap())
        .collect();
    // 841.89 high: from 100 to 116 below the top is from 742 down to 726 above the foot.
    assert_eq!(rect, vec![56.0, 726.0, 356.0, 742.0]);
    // Shown in print as on screen, and on the page's list of annotations.
    assert_eq!(widget.get(b"F").unwrap().as_i64().unwrap(), 4);
    let (_, page_id) = doc.get_pages().into_iter().next().unwrap();
    let annots = doc
        .get_dictionary(page_id)
        .unwrap()
        .get(b"Annots")
        .unwrap()
        .as_array()
        .unwrap()
        .clone();
    assert_eq!(annots, vec![fields[0].clone()]);
}
