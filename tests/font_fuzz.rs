//! No font file makes visitprep panic. Real TrueType and OpenType fonts, corrupted the ways
//! files get corrupted (cut short, bits flipped, tables swapped or pointed elsewhere), are
//! read, shaped, measured, subset and written as `--font` would use them: each step may
//! refuse the font, none may panic.

mod common;

use std::sync::LazyLock;

use common::*;
use proptest::prelude::*;
use visitprep::fonts::{FontSet, Weight};
use visitprep::frame::{Item, Page};
use visitprep::layout::text;
use visitprep::pdf;
use visitprep::structure::Mark;

/// Fonts to corrupt: the built-in Noto Sans and DejaVu Sans (TrueType outlines, kerning),
/// Noto Sans Arabic (joining and marks in GSUB and GPOS) and Nimbus Sans (CFF outlines).
static FONTS: LazyLock<Vec<(&'static str, Vec<u8>)>> = LazyLock::new(|| {
    [
        concat!(env!("CARGO_MANIFEST_DIR"), "/fonts/NotoSans-Regular.ttf"),
        concat!(env!("CARGO_MANIFEST_DIR"), "/fonts/DejaVuSans.ttf"),
        "/usr/share/fonts/truetype/noto/NotoSansArabic-Regular.ttf",
        "/usr/share/fonts/opentype/urw-base35/NimbusSans-Regular.otf",
    ]
    .into_iter()
    .map(|path| {
        let bytes = std::fs::read(path)
            .unwrap_or_else(|e| panic!("{path}: {e} (scripts/test.sh installs the fonts)"));
        (path, bytes)
    })
    .collect()
});

/// Text in the scripts these fonts cover, so every table that shaping reads is read.
const SAMPLE: &str = "AVATAR To Wavy — “fine” 123 أعاني من تشنجات ليلاً ☑ ñ";

#[derive(Debug, Clone)]
enum Damage {
    /// Cut short after this fraction of the file.
    Truncate(f64),
    /// These bytes (positions as fractions of the file) XORed with these masks.
    Flip(Vec<(f64, u8)>),
    /// The directory records of two tables exchanged (their offsets and lengths).
    SwapTables(usize, usize),
    /// A table's offset or length in the directory replaced.
    Pointer(usize, bool, u32),
}

fn damage() -> impl Strategy<Value = Damage> {
    prop_oneof![
        (0.0f64..1.0).prop_map(Damage::Truncate),
        prop::collection::vec((0.0f64..1.0, 1u8..=255), 1..40).prop_map(Damage::Flip),
        (0usize..40, 0usize..40).prop_map(|(a, b)| Damage::SwapTables(a, b)),
        (0usize..40, any::<bool>(), any::<u32>()).prop_map(|(t, o, v)| Damage::Pointer(t, o, v)),
    ]
}

fn u16_at(b: &[u8], at: usize) -> usize {
    usize::from(u16::from_be_bytes([b[at], b[at + 1]]))
}

fn apply(font: &[u8], damage: &Damage) -> Vec<u8> {
    let mut out = font.to_vec();
    let tables = u16_at(font, 4);
    match damage {
        Damage::Truncate(f) => out.truncate((font.len() as f64 * f) as usize),
        Damage::Flip(flips) => {
            for (at, mask) in flips {
                let i = ((out.len() - 1) as f64 * at) as usize;
                out[i] ^= mask;
            }
        }
        Damage::SwapTables(a, b) => {
            let (a, b) = (12 + 16 * (a % tables), 12 + 16 * (b % tables));
            for k in 8..16 {
                out.swap(a + k, b + k);
            }
        }
        Damage::Pointer(t, offset, v) => {
            let at = 12 + 16 * (t % tables) + if *offset { 8 } else { 12 };
            out[at..at + 4].copy_from_slice(&v.to_be_bytes());
        }
    }
    out
}

/// Everything `render --font` does with a font: read it, check it embeds, set text in it
/// and write the PDF. Errors are fine; a panic fails the test.
fn use_font(bytes: &[u8]) {
    let mut fonts = FontSet::embedded();
    let Ok(face) = fonts.add_fallback("damaged.ttf", bytes) else {
        return;
    };
    if pdf::check_embeddable(fonts.face(face)).is_err() {
        return;
    }
    let _ = fonts.missing(SAMPLE);
    let mut items = Vec::new();
    for (i, weight) in [Weight::Regular, Weight::Bold].into_iter().enumerate() {
        let baseline = 80.0 + 20.0 * i as f32;
        items.extend(
            text::set_line(&fonts, SAMPLE, weight, 56.0, baseline, 11.0)
                .into_iter()
                .map(Item::Text),
        );
    }
    items.push(Item::Text(text::run_in_face(
        &fonts, face, SAMPLE, 56.0, 140.0, 11.0,
    )));
    let wrapped = visitprep::layout::wrap(&visitprep::document::plain(SAMPLE), &fonts, 11.0, 60.0);
    assert!(!wrapped.is_empty());
    let page = Page {
        width: 595.276,
        height: 841.89,
        items: items.into_iter().map(|i| (Mark::DOCUMENT, i)).collect(),
        furniture: Vec::new(),
        links: Vec::new(),
        fields: Vec::new(),
    };
    let info = pdf::Info {
        title: "t".into(),
        author: "a".into(),
        subject: "s".into(),
        keywords: Vec::new(),
        created_unix: 0,
        creator: "test".into(),
    };
    if let Ok(bytes) = pdf::write(&[page], &fonts, &info) {
        assert!(bytes.starts_with(b"%PDF-"));
    }
}

proptest! {
    #![proptest_config(proptest_config(96, "proptest-regressions/font_fuzz.txt"))]

    #[test]
    fn no_damaged_font_makes_it_panic(which in 0usize..4, damage in damage()) {
        let (_, font) = &FONTS[which];
        use_font(&apply(font, &damage));
    }
}

#[test]
fn the_undamaged_fonts_are_used() {
    // The damage is measured against fonts that work: each embeds and draws the sample.
    for (path, bytes) in FONTS.iter() {
        let mut fonts = FontSet::embedded();
        let face = fonts
            .add_fallback(path, bytes)
            .expect("an intact font reads");
        pdf::check_embeddable(fonts.face(face)).expect("an intact font embeds");
        let letters = if path.contains("Arabic") {
            "عا"
        } else {
            "Aa"
        };
        let run = text::run_in_face(&fonts, face, letters, 0.0, 0.0, 10.0);
        assert!(run.glyphs.iter().all(|g| g.id != 0), "{path}");
    }
}

#[test]
fn a_truncated_font_is_refused_with_an_error_not_a_panic() {
    let dir = tempfile::tempdir().unwrap();
    let (_, noto) = &FONTS[0];
    for (name, bytes) in [
        ("half.ttf", &noto[..noto.len() / 2]),
        ("header.ttf", &noto[..12]),
        ("empty.ttf", &noto[..0]),
    ] {
        let font = dir.path().join(name);
        std::fs::write(&font, bytes).unwrap();
        let out = dir.path().join(format!("{name}.pdf"));
        let o = run(&[
            "render",
            example("minimal.toml").to_str().unwrap(),
            "-o",
            out.to_str().unwrap(),
            "--font",
            font.to_str().unwrap(),
        ]);
        assert_eq!(o.status.code(), Some(1), "{name}: {}", stderr(&o));
        assert!(stderr(&o).contains(name), "{name}: {}", stderr(&o));
        assert!(!out.exists(), "{name}: nothing is written");
    }
}
