//! Shared helpers: run the real binary, and read its PDFs back with independent readers
//! (lopdf for structure, poppler's pdftotext for the text a reader would extract).

#![allow(dead_code)]

/// How hard a text is to read: the guides' readability tests score them with it.
pub mod readability;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use lopdf::{Document, Object};

/// The rules of PDF/UA-1 and PDF/A-3a that `pdf` fails (veraPDF's rules, in Rust).
pub fn failed_rules(pdf: &Path) -> Vec<String> {
    use page_validation::{validate_pdf, ValidationOptions, ValidationProfile};
    let mut failed = Vec::new();
    for name in ["ua1", "3a"] {
        let profile: ValidationProfile = name.parse().expect("a known profile");
        let report = validate_pdf(pdf, &ValidationOptions::default().profile(profile))
            .unwrap_or_else(|e| panic!("page_validation cannot read {}: {e}", pdf.display()));
        failed.extend(
            report
                .failures
                .iter()
                .map(|f| format!("{name} {}: {}", f.rule_id, f.message)),
        );
        if !report.is_compliant && report.failures.is_empty() {
            failed.push(format!("{name}: not compliant"));
        }
    }
    failed
}

/// The folder of the reader scripts (PyMuPDF, pdfminer, pdf.js) the tests run.
pub fn readers_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/readers")
}

/// What a reader script printed; it must run, and succeed.
pub fn run_reader(cmd: &mut Command, what: &str) -> String {
    let o = cmd
        .output()
        .unwrap_or_else(|e| panic!("{what} does not run ({e}): scripts/test.sh installs it"));
    assert!(
        o.status.success(),
        "{what} failed (scripts/test.sh installs it): {}",
        stderr(&o)
    );
    stdout(&o)
}

pub fn bin() -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_visitprep"));
    // A fixed generation time: footers and metadata are then reproducible.
    cmd.env("SOURCE_DATE_EPOCH", "1795000000");
    cmd.env("NO_COLOR", "1");
    cmd
}

pub fn example(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("examples")
        .join(name)
}

pub fn run(args: &[&str]) -> Output {
    bin().args(args).output().expect("the binary runs")
}

pub fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

pub fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

/// Renders `intake` to `out` with extra arguments; panics with stderr when it fails.
pub fn render(intake: &Path, out: &Path, extra: &[&str]) -> Output {
    let mut args = vec![
        "render",
        intake.to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
    ];
    args.extend_from_slice(extra);
    let o = run(&args);
    assert!(o.status.success(), "render failed: {}", stderr(&o));
    o
}

/// The text poppler extracts, as a patient's PDF reader would see it.
pub fn pdf_text(pdf: &Path) -> String {
    let o = Command::new("pdftotext")
        .args(["-enc", "UTF-8"])
        .arg(pdf)
        .arg("-")
        .output()
        .expect("pdftotext runs: install poppler-utils (apt-get install -y poppler-utils)");
    assert!(o.status.success(), "pdftotext failed on {}", pdf.display());
    String::from_utf8(o.stdout).expect("pdftotext gives UTF-8")
}

/// Lower-cased, with all white space removed: line breaks may fall anywhere.
pub fn squash(s: &str) -> String {
    s.chars()
        .filter(|c| !c.is_whitespace())
        .flat_map(char::to_lowercase)
        .collect()
}

/// Every string the patient wrote in an intake file, with its path (identifiers excluded).
pub fn intake_strings(toml_text: &str) -> Vec<(String, String)> {
    fn walk(v: &toml::Value, path: String, out: &mut Vec<(String, String)>) {
        match v {
            toml::Value::String(s) if !s.trim().is_empty() => out.push((path, s.clone())),
            toml::Value::Table(t) => {
                for (k, v) in t {
                    let p = if path.is_empty() {
                        k.clone()
                    } else {
                        format!("{path}.{k}")
                    };
                    walk(v, p, out);
                }
            }
            toml::Value::Array(a) => {
                for (i, v) in a.iter().enumerate() {
                    walk(v, format!("{path}[{i}]"), out);
                }
            }
            _ => {}
        }
    }
    let value: toml::Value = toml::from_str(toml_text).expect("intake parses");
    let mut out = Vec::new();
    walk(&value, String::new(), &mut out);
    out.retain(|(p, _)| {
        p != "guide" && !p.starts_with("questions.skip") && !p.starts_with("checklist.done")
    });
    out
}

/// Asserts that every string of the intake appears in the PDF's text.
pub fn assert_nothing_lost(intake_text: &str, pdf: &Path) {
    let text = squash(&pdf_text(pdf));
    let strings = intake_strings(intake_text);
    assert!(!strings.is_empty());
    for (path, value) in strings {
        assert!(
            text.contains(&squash(&value)),
            "{path} = {value:?} is missing from the text of {}",
            pdf.display()
        );
    }
}

pub struct Pdf {
    pub doc: Document,
}

impl Pdf {
    pub fn load(path: &Path) -> Pdf {
        Pdf {
            doc: Document::load(path)
                .unwrap_or_else(|e| panic!("{} is not a readable PDF: {e}", path.display())),
        }
    }

    pub fn pages(&self) -> usize {
        self.doc.get_pages().len()
    }

    /// Width and height of a page in points, from its MediaBox.
    pub fn page_size(&self, page: u32) -> (f32, f32) {
        let id = self.doc.get_pages()[&page];
        let dict = self.doc.get_dictionary(id).unwrap();
        let mb = dict.get(b"MediaBox").unwrap().as_array().unwrap();
        let n = |o: &Object| {
            o.as_float()
                .or_else(|_| o.as_i64().map(|i| i as f32))
                .unwrap()
        };
        (n(&mb[2]) - n(&mb[0]), n(&mb[3]) - n(&mb[1]))
    }

    /// A text entry of the document information dictionary (UTF-16 or PDFDocEncoding).
    pub fn info(&self, key: &str) -> String {
        let info = self.doc.trailer.get(b"Info").unwrap();
        let info = self.doc.dereference(info).unwrap().1.as_dict().unwrap();
        let bytes = info.get(key.as_bytes()).unwrap().as_str().unwrap();
        if bytes.starts_with(&[0xFE, 0xFF]) {
            let units: Vec<u16> = bytes[2..]
                .chunks(2)
                .map(|c| u16::from_be_bytes([c[0], c[1]]))
                .collect();
            String::from_utf16_lossy(&units)
        } else {
            String::from_utf8_lossy(bytes).into_owned()
        }
    }

    /// (BaseFont, embedded) for every font that carries glyphs: simple fonts and the
    /// descendants of composite (Type0) fonts.
    pub fn fonts(&self) -> Vec<(String, bool)> {
        let deref = |o: &'_ Object| -> Option<lopdf::Dictionary> {
            self.doc
                .dereference(o)
                .ok()
                .and_then(|(_, d)| d.as_dict().ok().cloned())
        };
        let mut out = Vec::new();
        for obj in self.doc.objects.values() {
            let Ok(dict) = obj.as_dict() else { continue };
            let is_font = dict
                .get(b"Type")
                .and_then(Object::as_name)
                .map(|n| n == b"Font")
                .unwrap_or(false);
            if !is_font {
                continue;
            }
            let sub = dict
                .get(b"Subtype")
                .and_then(Object::as_name)
                .unwrap_or(b"");
            let glyph_fonts: Vec<lopdf::Dictionary> = if sub == b"Type0" {
                let Ok(desc) = dict.get(b"DescendantFonts") else {
                    continue;
                };
                let Some(arr) = self
                    .doc
                    .dereference(desc)
                    .ok()
                    .and_then(|(_, a)| a.as_array().ok().cloned())
                else {
                    continue;
                };
                arr.iter().filter_map(deref).collect()
            } else if sub == b"CIDFontType2" || sub == b"CIDFontType0" {
                continue; // reached through its Type0 parent
            } else {
                vec![dict.clone()]
            };
            for f in glyph_fonts {
                let name = String::from_utf8_lossy(
                    f.get(b"BaseFont").and_then(Object::as_name).unwrap_or(b"?"),
                )
                .into_owned();
                let embedded = f
                    .get(b"FontDescriptor")
                    .ok()
                    .and_then(deref)
                    .map(|d| d.has(b"FontFile2") || d.has(b"FontFile3") || d.has(b"FontFile"))
                    .unwrap_or(false);
                out.push((name, embedded));
            }
        }
        out.sort();
        out
    }

    /// Every font size set with `Tf` in the page's content.
    pub fn font_sizes(&self, page: u32) -> Vec<f32> {
        let id = self.doc.get_pages()[&page];
        let content = self.doc.get_and_decode_page_content(id).unwrap();
        content
            .operations
            .iter()
            .filter(|op| op.operator == "Tf")
            .filter_map(|op| op.operands.get(1))
            .filter_map(|o| {
                o.as_float()
                    .ok()
                    .or_else(|| o.as_i64().ok().map(|i| i as f32))
            })
            .collect()
    }
}

/// proptest settings: `default` cases unless `PROPTEST_CASES` asks for another number, and
/// failing cases saved in `regressions` (under `proptest-regressions/`, replayed first).
pub fn proptest_config(default: u32, regressions: &'static str) -> proptest::test_runner::Config {
    let mut config = proptest::test_runner::Config::default();
    if std::env::var_os("PROPTEST_CASES").is_none() {
        config.cases = default;
    }
    config.failure_persistence = Some(Box::new(
        proptest::test_runner::FileFailurePersistence::Direct(regressions),
    ));
    config
}

/// The intake a command wrote at `path`, read back as `check` reads it today.
pub fn parse_written(path: &Path) -> visitprep::intake::Intake {
    let written = std::fs::read_to_string(path).unwrap();
    visitprep::intake::parse(
        path,
        &written,
        path.parent().unwrap(),
        chrono::Local::now().date_naive(),
    )
    .unwrap_or_else(|e| panic!("{e}\n{written}"))
    .0
}

/// Whether `../shared/tools/pdf-check` (qpdf, poppler, MuPDF, Ghostscript: structure, fonts,
/// margins, words drawn over others, every intake string) passes the PDF made from `intake`,
/// and its report.
pub fn pdf_check(pdf: &Path, intake: &Path) -> (bool, String) {
    let check = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/tools/pdf-check");
    let o = Command::new("python3")
        .arg(&check)
        .arg(pdf)
        .arg("--intake")
        .arg(intake)
        .output()
        .expect("pdf-check runs");
    (
        o.status.success(),
        String::from_utf8_lossy(&o.stdout).into_owned() + &String::from_utf8_lossy(&o.stderr),
    )
}
