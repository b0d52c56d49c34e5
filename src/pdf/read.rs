//! Reading back the files a PDF carries: the `/EmbeddedFiles` name tree of its catalogue.
//!
//! The file may come from anywhere (a sheet saved again by a viewer, or something that is
//! not a sheet at all), so every step checks what it finds, sizes are bounded, and a
//! failure is an error that says what is wrong, never a crash.

use lopdf::{Dictionary, Document, Object};

/// PDFs larger than this are refused: a sheet is a few hundred kilobytes.
pub const MAX_PDF_BYTES: usize = 64 * 1024 * 1024;
/// An embedded file larger than this is refused when unpacked.
const MAX_FILE_BYTES: usize = 16 * 1024 * 1024;
/// Name trees nest; a deeper one is taken for a loop or an attack.
const MAX_DEPTH: usize = 32;

/// A file found inside a PDF.
#[derive(Debug, Clone, PartialEq)]
pub struct Embedded {
    /// The name in the name tree (what a viewer lists).
    pub name: String,
    /// The `/Subtype` of the embedded file stream, as a media type.
    pub mime: Option<String>,
    /// The `/AFRelationship` of its file specification.
    pub relationship: Option<String>,
    pub bytes: Vec<u8>,
}

/// Why a PDF's files could not be read.
#[derive(Debug, Clone, PartialEq)]
pub enum ReadError {
    NotPdf,
    TooLarge(usize),
    /// The PDF's structure could not be read.
    Damaged(String),
}

impl std::fmt::Display for ReadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ReadError::NotPdf => write!(f, "it is not a PDF file"),
            ReadError::TooLarge(n) => write!(
                f,
                "the file is {n} bytes; a PDF of more than {} MiB is not read",
                MAX_PDF_BYTES / (1024 * 1024)
            ),
            ReadError::Damaged(why) => write!(f, "the PDF cannot be read: {why}"),
        }
    }
}

impl std::error::Error for ReadError {}

/// Every file in the PDF's `/EmbeddedFiles` name tree, in the tree's order. A file whose
/// specification or stream is unreadable is left out; the others are still returned.
pub fn embedded_files(pdf: &[u8]) -> Result<Vec<Embedded>, ReadError> {
    if pdf.len() > MAX_PDF_BYTES {
        return Err(ReadError::TooLarge(pdf.len()));
    }
    // The header may follow up to 1024 bytes of anything (ISO 32000-1, 7.5.2 and Annex H).
    let head = &pdf[..pdf.len().min(1024)];
    if !head.windows(5).any(|w| w == b"%PDF-") {
        return Err(ReadError::NotPdf);
    }
    let doc = guarded(|| Document::load_mem(pdf))
        .ok_or_else(|| ReadError::Damaged("its structure is malformed".into()))?
        .map_err(|e| ReadError::Damaged(e.to_string()))?;
    guarded(|| files_of(&doc))
        .ok_or_else(|| ReadError::Damaged("its list of attached files is malformed".into()))
}

/// Runs `f`, turning a panic inside the PDF library into `None`. The reader is a general
/// one, fuzzed upstream; this is the last line that keeps a hostile file from ending the
/// program, and it prints nothing of its own.
fn guarded<T>(f: impl FnOnce() -> T) -> Option<T> {
    static QUIET: std::sync::Mutex<()> = std::sync::Mutex::new(());
    let _lock = QUIET.lock().unwrap_or_else(|e| e.into_inner());
    let hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(|_| {}));
    // Nothing outlives a panic here but the error: no state is left half-changed.
    let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(f)).ok();
    std::panic::set_hook(hook);
    result
}

fn files_of(doc: &Document) -> Vec<Embedded> {
    let mut out = Vec::new();
    let tree = doc
        .catalog()
        .ok()
        .and_then(|c| resolve_dict(doc, c.get(b"Names").ok()?))
        .and_then(|names| resolve_dict(doc, names.get(b"EmbeddedFiles").ok()?));
    if let Some(tree) = tree {
        walk(doc, tree, 0, &mut out);
    }
    out
}

/// Collects a name tree node's files, then its kids'.
fn walk(doc: &Document, node: &Dictionary, depth: usize, out: &mut Vec<Embedded>) {
    if depth > MAX_DEPTH {
        return;
    }
    if let Some(names) = node.get(b"Names").ok().and_then(|n| resolve_array(doc, n)) {
        for pair in names.chunks(2) {
            let [key, spec] = pair else { continue };
            let name = match doc.dereference(key).map(|(_, o)| o) {
                Ok(Object::String(bytes, _)) => text(bytes),
                _ => continue,
            };
            if let Some(file) = resolve_dict(doc, spec).and_then(|s| file_of(doc, name, s)) {
                out.push(file);
            }
        }
    }
    if let Some(kids) = node.get(b"Kids").ok().and_then(|k| resolve_array(doc, k)) {
        for kid in kids {
            if let Some(kid) = resolve_dict(doc, kid) {
                walk(doc, kid, depth + 1, out);
            }
        }
    }
}

fn file_of(doc: &Document, name: String, spec: &Dictionary) -> Option<Embedded> {
    let ef = resolve_dict(doc, spec.get(b"EF").ok()?)?;
    let stream_ref = ef.get(b"UF").or_else(|_| ef.get(b"F")).ok()?;
    let stream = match doc.dereference(stream_ref).ok()?.1 {
        Object::Stream(s) => s,
        _ => return None,
    };
    let bytes = if stream.dict.get(b"Filter").is_ok() {
        stream
            .decompressed_content_with_limit(MAX_FILE_BYTES)
            .ok()?
    } else {
        stream.content.clone()
    };
    let name_of = |dict: &Dictionary, key: &[u8]| {
        dict.get(key)
            .ok()
            .and_then(|o| o.as_name().ok())
            .map(|n| String::from_utf8_lossy(n).into_owned())
    };
    Some(Embedded {
        name,
        mime: name_of(&stream.dict, b"Subtype"),
        relationship: name_of(spec, b"AFRelationship"),
        bytes,
    })
}

fn resolve_dict<'a>(doc: &'a Document, o: &'a Object) -> Option<&'a Dictionary> {
    doc.dereference(o).ok()?.1.as_dict().ok()
}

fn resolve_array<'a>(doc: &'a Document, o: &'a Object) -> Option<&'a Vec<Object>> {
    doc.dereference(o).ok()?.1.as_array().ok()
}

/// A PDF text string: UTF-16 with a byte order mark, UTF-8 with one (PDF 2.0), or
/// PDFDocEncoding, which agrees with Latin-1 for the characters of a file name.
fn text(bytes: &[u8]) -> String {
    if let Some(utf16) = bytes.strip_prefix(&[0xFE, 0xFF]) {
        let units: Vec<u16> = utf16
            .chunks(2)
            .map(|c| u16::from_be_bytes([c[0], *c.get(1).unwrap_or(&0)]))
            .collect();
        return String::from_utf16_lossy(&units);
    }
    if let Some(utf8) = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]) {
        return String::from_utf8_lossy(utf8).into_owned();
    }
    bytes.iter().map(|&b| char::from(b)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_strings_decode() {
        assert_eq!(text(b"\xFE\xFF\x00Z\x00o\x00\xEB"), "Zoë");
        assert_eq!(text(b"intake.toml"), "intake.toml");
        assert_eq!(text(b"\xFE\xFF\x00"), "\u{0}");
    }

    #[test]
    fn what_is_not_a_pdf_says_so() {
        assert_eq!(embedded_files(b"guide = 1\n"), Err(ReadError::NotPdf));
        assert!(matches!(
            embedded_files(b"%PDF-1.7\nnothing else"),
            Err(ReadError::Damaged(_))
        ));
    }
}
