//! Bytes → intake parser. Any input must give Ok or an error whose report renders.
#![no_main]

use std::path::Path;

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    // An empty folder: a guide named by path is never found, so no file is read.
    let dir = Path::new("/nonexistent-visitprep-fuzz");
    if let Err(e) = visitprep::intake::parse(Path::new("intake.toml"), text, dir, chrono::Local::now().date_naive()) {
        let report = e.report().render(false);
        assert!(report.contains("error"), "{report}");
    }
});
