//! Scripts set as their readers write them: the glyphs layout places for an answer in
//! Arabic, Hebrew, Devanagari, Bengali and Thai, in the script's Noto font, are HarfBuzz's
//! (`hb-shape`, the reference implementation) glyph for glyph, offset for offset; and the
//! sheet made from them reads back as typed.

mod common;

use std::process::Command;

use common::*;
use visitprep::document::{plain, Block, Document, Metadata};
use visitprep::fonts::FontSet;
use visitprep::layout::{self, Item, PageOptions};

const NOTO: &str = "/usr/share/fonts/truetype/noto";

/// One glyph as HarfBuzz places it, in font units.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Placed {
    id: u16,
    cluster: u32,
    x_offset: i32,
    y_offset: i32,
    advance: i32,
}

/// `hb-shape`'s output for `text` in `font`: `[gid=cluster@x,y+advance|…]` (clusters as byte offsets), where the
/// offsets are left out when both are zero.
fn harfbuzz(font: &str, text: &str) -> Vec<Placed> {
    let o = Command::new("hb-shape")
        .args(["--no-glyph-names", "--utf8-clusters", font, text])
        // The default language comes from the locale: the same for every run of the test.
        .env("LC_ALL", "C.UTF-8")
        .output()
        .expect("hb-shape runs: install libharfbuzz-bin (scripts/test.sh does)");
    assert!(o.status.success(), "hb-shape failed: {}", stderr(&o));
    let out = stdout(&o);
    let inner = out
        .trim()
        .strip_prefix('[')
        .and_then(|s| s.strip_suffix(']'))
        .unwrap_or_else(|| panic!("unexpected hb-shape output: {out}"));
    inner
        .split('|')
        .map(|entry| {
            let (id, rest) = entry.split_once('=').expect("gid=cluster");
            let (rest, advance) = rest.split_once('+').expect("+advance");
            let (cluster, offsets) = match rest.split_once('@') {
                Some((c, o)) => (c, Some(o)),
                None => (rest, None),
            };
            let (x_offset, y_offset) = offsets.map_or((0, 0), |o| {
                let (x, y) = o.split_once(',').expect("x,y");
                (x.parse().unwrap(), y.parse().unwrap())
            });
            Placed {
                id: id.parse().unwrap(),
                cluster: cluster.parse().unwrap(),
                x_offset,
                y_offset,
                advance: advance.parse().unwrap(),
            }
        })
        .collect()
}

fn document(answer: &str) -> Document {
    Document {
        meta: Metadata {
            title: "t".into(),
            author: "a".into(),
            subject: "s".into(),
            keywords: vec![],
            created: chrono::NaiveDate::from_ymd_opt(2026, 1, 1)
                .unwrap()
                .and_hms_opt(0, 0, 0)
                .unwrap(),
            language: visitprep::document::Language::English,
        },
        footer: visitprep::words::Words::of(visitprep::document::Language::English)
            .footer("footer"),
        blocks: vec![Block::Paragraph(plain(answer))],
    }
}

/// The glyphs layout places for `answer` set as a paragraph with `font` given as the
/// user's font, left to right across the page, with each glyph's cluster as a byte offset
/// into the answer.
fn layout_glyphs(font: &str, answer: &str) -> Vec<Placed> {
    let mut fonts = FontSet::embedded();
    let bytes = std::fs::read(font)
        .unwrap_or_else(|e| panic!("{font}: {e} (scripts/test.sh installs fonts-noto-core)"));
    let face = fonts.add_fallback(font, &bytes).unwrap();
    let pages = layout::layout(&document(answer), &fonts, PageOptions::default());
    let mut runs: Vec<_> = pages[0]
        .drawn()
        .filter_map(|item| match item {
            Item::Text(run) => Some(run),
            _ => None,
        })
        .collect();
    assert!(!runs.is_empty());
    assert!(
        runs.iter()
            .all(|r| r.face == face && r.baseline == runs[0].baseline),
        "one line, all in {font}: {runs:?}"
    );
    runs.sort_by(|a, b| a.x.total_cmp(&b.x));
    runs.iter()
        .flat_map(|run| {
            // Where the run's text starts in the answer: runs hold whole clusters.
            let at = answer
                .find(run.text.as_str())
                .expect("run text is in the answer") as u32;
            run.glyphs.iter().map(move |g| Placed {
                id: g.id,
                cluster: at + g.text.start,
                x_offset: g.x_offset,
                y_offset: g.y_offset,
                advance: g.advance,
            })
        })
        .collect()
}

fn assert_shaped_as_harfbuzz(font_file: &str, answer: &str) {
    let font = format!("{NOTO}/{font_file}");
    let ours = layout_glyphs(&font, answer);
    let reference = harfbuzz(&font, answer);
    assert_eq!(
        ours.len(),
        reference.len(),
        "glyph count\nours: {ours:?}\nhb:   {reference:?}"
    );
    for (i, (a, b)) in ours.iter().zip(&reference).enumerate() {
        assert_eq!(a, b, "glyph {i} of {answer:?}");
    }
}

#[test]
fn arabic_is_shaped_as_harfbuzz_shapes_it() {
    // "I have painful cramps in my leg at night": joined letters, the lam-alef ligature and
    // the tanween mark, right to left.
    assert_shaped_as_harfbuzz(
        "NotoSansArabic-Regular.ttf",
        "أعاني من تشنجات مؤلمة في الساق ليلاً",
    );
}

#[test]
fn hebrew_is_shaped_as_harfbuzz_shapes_it() {
    // With points (niqqud), which are placed as marks.
    assert_shaped_as_harfbuzz(
        "NotoSansHebrew-Regular.ttf",
        "יש לי התכווצויות כואבות ברגל בלילה וְכוֹאֵב לִי",
    );
}

#[test]
fn devanagari_is_shaped_as_harfbuzz_shapes_it() {
    // Conjuncts (क्ष, र्द), the reordered vowel sign ि and the candrabindu.
    assert_shaped_as_harfbuzz(
        "NotoSansDevanagari-Regular.ttf",
        "मुझे रात में पैर में दर्दनाक ऐंठन होती है, क्षमा कीजिए",
    );
}

#[test]
fn bengali_is_shaped_as_harfbuzz_shapes_it() {
    // The two-part vowel sign ো and the conjunct ক্ত.
    assert_shaped_as_harfbuzz(
        "NotoSansBengali-Regular.ttf",
        "রাতে পায়ে ব্যথাযুক্ত খিঁচুনি হয়, কোনো",
    );
}

#[test]
fn thai_is_shaped_as_harfbuzz_shapes_it() {
    // Stacked tone marks and sara am (ำ).
    assert_shaped_as_harfbuzz(
        "NotoSansThai-Regular.ttf",
        "ฉันเป็นตะคริวที่ขาตอนกลางคืนซึ่งทำให้นอนไม่หลับ",
    );
}

#[test]
fn latin_is_kerned_as_harfbuzz_kerns_it() {
    // The built-in Noto Sans, whose kerning pairs hb-shape applies as well.
    let answer = "AVATAR To Yves: WAVY Lava";
    let fonts = FontSet::embedded();
    let pages = layout::layout(&document(answer), &fonts, PageOptions::default());
    let run = pages[0]
        .drawn()
        .find_map(|item| match item {
            Item::Text(run) if run.text == answer => Some(run),
            _ => None,
        })
        .expect("the answer in one run");
    let ours: Vec<(u16, i32)> = run.glyphs.iter().map(|g| (g.id, g.advance)).collect();
    let font = concat!(env!("CARGO_MANIFEST_DIR"), "/fonts/NotoSans-Regular.ttf");
    let reference: Vec<(u16, i32)> = harfbuzz(font, answer)
        .iter()
        .map(|p| (p.id, p.advance))
        .collect();
    assert_eq!(ours, reference);
    let unkerned: Vec<i32> = answer
        .chars()
        .map(|c| fonts.face(run.face).glyph(c).1.into())
        .collect();
    let kerned = ours
        .iter()
        .zip(&unkerned)
        .filter(|(o, u)| o.1 != **u)
        .count();
    assert!(kerned >= 4, "only {kerned} glyphs kerned");
}

/// Renders an intake whose answer is in `script`'s Noto font and reads it back.
fn rendered_text(font_file: &str, answer: &str) -> (String, String) {
    let dir = tempfile::tempdir().unwrap();
    let intake = dir.path().join("intake.toml");
    let mut patient = toml::Table::new();
    patient.insert("name".into(), "Script Example".into());
    let mut answers = toml::Table::new();
    answers.insert("discomfort".into(), answer.into());
    let mut root = toml::Table::new();
    root.insert("guide".into(), "nocturnal-leg-cramps".into());
    root.insert("patient".into(), toml::Value::Table(patient));
    root.insert("answers".into(), toml::Value::Table(answers));
    std::fs::write(&intake, toml::to_string(&root).unwrap()).unwrap();
    let out = dir.path().join("sheet.pdf");
    let font = format!("{NOTO}/{font_file}");
    render(&intake, &out, &["--font", &font]);
    let mupdf = Command::new("mutool")
        .args(["draw", "-q", "-N", "-F", "txt", "-o", "-"])
        .arg(&out)
        .output()
        .expect("mutool runs: install mupdf-tools");
    (pdf_text(&out), stdout(&mupdf))
}

/// Poppler marks a right-to-left line with embedding controls; they are not text.
fn without_controls(s: &str) -> String {
    s.chars()
        .filter(|c| !matches!(c, '\u{202A}'..='\u{202E}'))
        .collect()
}

fn has_line(text: &str, answer: &str) -> bool {
    text.lines().any(|l| l.trim() == answer)
}

fn without_spaces(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

#[test]
fn every_script_reads_back_as_typed() {
    for (font, answer) in [
        (
            "NotoSansArabic-Regular.ttf",
            "أعاني من تشنجات مؤلمة في الساق لا أنام",
        ),
        (
            "NotoSansHebrew-Regular.ttf",
            "יש לי התכווצויות כואבות ברגל בלילה",
        ),
        (
            "NotoSansDevanagari-Regular.ttf",
            "मुझे रात में पैर में दर्दनाक ऐंठन होती है, क्षमा कीजिए",
        ),
        (
            "NotoSansBengali-Regular.ttf",
            "রাতে পায়ে ব্যথাযুক্ত খিঁচুনি হয়, কোনো",
        ),
        (
            "NotoSansThai-Regular.ttf",
            "ฉันเป็นตะคริวที่ขาตอนกลางคืนซึ่งทำให้นอนไม่หลับ",
        ),
    ] {
        let (poppler, mupdf) = rendered_text(font, answer);
        let poppler = without_controls(&poppler);
        assert!(
            has_line(&poppler, answer),
            "pdftotext lost {answer:?}:\n{poppler}"
        );
        // MuPDF reads a gap where the second part of a two-part vowel sign (Bengali ো,
        // Thai ำ) is drawn as a word space; every character is there, in order.
        if font.contains("Bengali") || font.contains("Thai") {
            assert!(
                without_spaces(&mupdf).contains(&without_spaces(answer)),
                "mutool lost {answer:?}:\n{mupdf}"
            );
        } else {
            assert!(has_line(&mupdf, answer), "mutool lost {answer:?}:\n{mupdf}");
        }
    }
}

#[test]
fn arabic_with_a_mark_on_lam_alef_reads_back_in_mupdf() {
    // The issue's own sentence. Poppler reads the mark on the lam-alef ligature (ـلاً)
    // before the alef; MuPDF reads it as typed.
    let answer = "أعاني من تشنجات مؤلمة في الساق ليلاً";
    let (poppler, mupdf) = rendered_text("NotoSansArabic-Regular.ttf", answer);
    assert!(has_line(&mupdf, answer), "mutool lost {answer:?}:\n{mupdf}");
    let poppler = without_controls(&poppler);
    assert!(
        poppler.contains("أعاني من تشنجات مؤلمة في الساق"),
        "pdftotext lost the words before: {poppler}"
    );
}
