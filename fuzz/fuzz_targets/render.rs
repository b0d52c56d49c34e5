//! Bytes → intake parser → whole pipeline. Every accepted intake must render to a PDF.
#![no_main]

use std::path::Path;
use std::sync::LazyLock;

use libfuzzer_sys::fuzz_target;
use visitprep::fonts::FontSet;
use visitprep::intake::LoadedIntake;
use visitprep::layout::{PageOptions, Paper, PrintSize};
use visitprep::RenderOptions;

static FONTS: LazyLock<FontSet> = LazyLock::new(FontSet::embedded);

fuzz_target!(|data: &[u8]| {
    // The first byte picks the paper, the print size and the diary page.
    let Some((&mode, rest)) = data.split_first() else {
        return;
    };
    let Ok(text) = std::str::from_utf8(rest) else {
        return;
    };
    let dir = Path::new("/nonexistent-visitprep-fuzz");
    let Ok((intake, guide)) = visitprep::intake::parse(Path::new("intake.toml"), text, dir, chrono::Local::now().date_naive()) else {
        return;
    };
    let loaded = LoadedIntake {
        path: "intake.toml".into(),
        intake,
        guide,
    };
    let options = RenderOptions {
        page: PageOptions {
            paper: if mode & 1 == 0 {
                Paper::A4
            } else {
                Paper::Letter
            },
            print: match mode >> 1 & 3 {
                0 => PrintSize::Normal,
                1 => PrintSize::Large,
                _ => PrintSize::ExtraLarge,
            },
        },
        diary_page: mode & 8 != 0,
    };
    let made = chrono::NaiveDate::from_ymd_opt(2026, 11, 30)
        .and_then(|d| d.and_hms_opt(8, 0, 0))
        .expect("a real time");
    let rendered = visitprep::render(&loaded, &FONTS, made, options).expect("embedded fonts embed");
    assert!(rendered.pdf.starts_with(b"%PDF-"));
    assert!(rendered.pages >= 1);
});
