//! Reading back the files a PDF carries: the `/EmbeddedFiles` name tree of its catalogue.
//!
//! The file may come from anywhere (a sheet saved again by a viewer, or something made to
//! do harm), so the reader is a small one of its own that reads only what this needs: the
//! cross-reference sections, the catalogue, the name tree and the streams of the files
//! asked for. Every walk remembers where it has been and how deep it is, every stream
//! unpacked counts against one budget for the whole file, and every failure is a sentence
//! that says what is wrong, never a crash, an endless loop or a silent empty answer.

mod doc;
mod filter;
mod syntax;

use std::collections::HashSet;

use doc::{Broken, Doc};
use syntax::{Dict, Object};

use crate::input::size_in_words;

/// PDFs larger than this are refused: a sheet is a few hundred kilobytes.
pub const MAX_PDF_BYTES: usize = 32 * 1024 * 1024;
/// An embedded file larger than this is refused when unpacked.
pub const MAX_FILE_BYTES: u64 = 16 * 1024 * 1024;
/// All the streams of one file together (object streams, cross-reference streams and the
/// files taken out) unpack to at most this: with [`MAX_PDF_BYTES`] it keeps a hostile file
/// within 100 MB of memory.
pub const UNPACK_BUDGET: u64 = 32 * 1024 * 1024;
/// Name trees nest; a deeper one is taken for an attack (a sheet's is one level).
const MAX_DEPTH: usize = 32;
/// More files than this in one PDF is no visit sheet.
const MAX_FILES: usize = 100_000;

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

/// An entry of the PDF's list of attached files.
#[derive(Debug, Clone, PartialEq)]
pub struct Attached {
    pub name: String,
    /// The file, when it was asked for: read, or why it could not be.
    pub file: Option<Result<Embedded, FileProblem>>,
}

/// Why one attached file could not be taken out.
#[derive(Debug, Clone, PartialEq)]
pub enum FileProblem {
    /// The entry names no file: a later update of the PDF removed it, or it never was.
    Gone,
    /// It unpacks to more than this many bytes.
    TooLarge(u64),
    /// Unpacking it would pass the file's budget of this many bytes.
    OverBudget(u64),
    /// It is packed with a filter that is not read.
    Unsupported(String),
    Damaged(String),
}

impl std::fmt::Display for FileProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            FileProblem::Gone => f.write_str(
                "its entry points to no file (a later update of the PDF may have removed it)",
            ),
            FileProblem::TooLarge(n) => {
                write!(f, "it unpacks to more than {}", size_in_words(*n))
            }
            FileProblem::OverBudget(n) => write!(
                f,
                "unpacking it would take the PDF past {} of unpacked data in all",
                size_in_words(*n)
            ),
            FileProblem::Unsupported(filter) => write!(
                f,
                "it is packed with /{filter}, which is not read (only /FlateDecode is)"
            ),
            FileProblem::Damaged(why) => f.write_str(why),
        }
    }
}

impl From<Broken> for FileProblem {
    fn from(b: Broken) -> FileProblem {
        match b {
            Broken::Damaged(why) => FileProblem::Damaged(why),
            Broken::OverBudget => FileProblem::OverBudget(UNPACK_BUDGET),
            Broken::TooLarge(n) => FileProblem::Damaged(format!(
                "an object stream it needs unpacks to more than {}",
                size_in_words(n)
            )),
            Broken::Unsupported(filter) => FileProblem::Unsupported(filter),
            Broken::Encrypted => FileProblem::Damaged("it is encrypted".into()),
        }
    }
}

/// Why a PDF's files could not be read.
#[derive(Debug, Clone, PartialEq)]
pub enum ReadError {
    NotPdf,
    TooLarge(usize),
    /// Protected by a password, or otherwise encrypted: its files cannot be read.
    Encrypted,
    /// Its structure unpacks to more than this many bytes.
    Unpacks(u64),
    /// Its structure is packed with a filter that is not read.
    Unsupported(String),
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
            ReadError::Encrypted => f.write_str(
                "the PDF is encrypted (protected by a password), so the files it carries cannot be read",
            ),
            ReadError::Unpacks(n) => write!(
                f,
                "the PDF's packed structure would unpack to more than {}; no visit sheet needs that much",
                size_in_words(*n)
            ),
            ReadError::Unsupported(filter) => write!(
                f,
                "the PDF's structure is packed with /{filter}, which is not read (only /FlateDecode is)"
            ),
            ReadError::Damaged(why) => write!(f, "the PDF cannot be read: {why}"),
        }
    }
}

impl std::error::Error for ReadError {}

impl From<Broken> for ReadError {
    fn from(b: Broken) -> ReadError {
        match b {
            Broken::Damaged(why) => ReadError::Damaged(why),
            Broken::OverBudget => ReadError::Unpacks(UNPACK_BUDGET),
            Broken::TooLarge(n) => ReadError::Unpacks(n),
            Broken::Unsupported(filter) => ReadError::Unsupported(filter),
            Broken::Encrypted => ReadError::Encrypted,
        }
    }
}

/// True when `head`, the first bytes of a file, hold the PDF header: it may follow up to
/// 1024 bytes of anything (ISO 32000-1, 7.5.2 and Annex H).
pub fn looks_like_a_pdf(head: &[u8]) -> bool {
    head[..head.len().min(1024)]
        .windows(5)
        .any(|w| w == b"%PDF-")
}

/// Every file in the PDF's `/EmbeddedFiles` name tree, in the tree's order. A file whose
/// specification or stream is unreadable is left out; the others are still returned.
pub fn embedded_files(pdf: &[u8]) -> Result<Vec<Embedded>, ReadError> {
    Ok(attached_files(pdf, |_| true)?
        .into_iter()
        .filter_map(|a| a.file?.ok())
        .collect())
}

/// Every entry of the PDF's `/EmbeddedFiles` name tree, in the tree's order; the files
/// whose names `wanted` accepts are read (and only they are unpacked).
pub fn attached_files(
    pdf: &[u8],
    wanted: impl Fn(&str) -> bool,
) -> Result<Vec<Attached>, ReadError> {
    let carried = Carried::open(pdf)?;
    Ok(carried
        .names()
        .enumerate()
        .map(|(i, name)| Attached {
            name: name.to_string(),
            file: wanted(name).then(|| carried.read(i)),
        })
        .collect())
}

/// The list of files a PDF carries, read; each file is unpacked only when asked for.
pub struct Carried<'a> {
    doc: Doc<'a>,
    entries: Vec<(String, Object)>,
}

impl<'a> Carried<'a> {
    /// Reads the PDF's structure and its list of attached files.
    pub fn open(pdf: &'a [u8]) -> Result<Carried<'a>, ReadError> {
        if pdf.len() > MAX_PDF_BYTES {
            return Err(ReadError::TooLarge(pdf.len()));
        }
        if !looks_like_a_pdf(pdf) {
            return Err(ReadError::NotPdf);
        }
        let doc = Doc::open(pdf, UNPACK_BUDGET)?;
        let catalog = match doc.resolve(doc.trailer.get(b"Root").unwrap_or(&Object::Null))? {
            Object::Dict(d) => d,
            _ => {
                return Err(ReadError::Damaged(
                    "it has no catalogue (the trailer's /Root)".into(),
                ))
            }
        };
        let mut entries = Vec::new();
        if let Some(tree) = dict_at(&doc, &catalog, b"Names")?
            .map(|names| names.get(b"EmbeddedFiles").cloned())
            .unwrap_or_default()
        {
            walk(&doc, &tree, 0, &mut HashSet::new(), &mut entries)?;
        }
        Ok(Carried { doc, entries })
    }

    /// The names of the files, in the tree's order (the same name may come more than once).
    pub fn names(&self) -> impl Iterator<Item = &str> {
        self.entries.iter().map(|(name, _)| name.as_str())
    }

    /// The file at `index` of [`Carried::names`], unpacked.
    pub fn read(&self, index: usize) -> Result<Embedded, FileProblem> {
        let (name, spec) = self.entries.get(index).ok_or(FileProblem::Gone)?;
        file_of(&self.doc, name.clone(), spec)
    }
}

/// The dictionary under `key` in `dict`, if there is one.
fn dict_at(doc: &Doc, dict: &Dict, key: &[u8]) -> Result<Option<Dict>, Broken> {
    match dict.get(key) {
        None => Ok(None),
        Some(o) => match doc.resolve(o)? {
            Object::Dict(d) => Ok(Some(d)),
            _ => Ok(None),
        },
    }
}

/// Collects a name tree node's entries, then its kids' (ISO 32000-1, 7.9.6). A node met
/// twice is a loop (or a trick to make the walk exponential): the file is refused.
fn walk(
    doc: &Doc,
    node: &Object,
    depth: usize,
    seen: &mut HashSet<u32>,
    out: &mut Vec<(String, Object)>,
) -> Result<(), ReadError> {
    if depth > MAX_DEPTH {
        return Err(ReadError::Damaged(format!(
            "its list of attached files is nested more than {MAX_DEPTH} levels deep"
        )));
    }
    if let Object::Ref(n) = node {
        if !seen.insert(*n) {
            return Err(ReadError::Damaged(
                "its list of attached files refers back to a part of itself".into(),
            ));
        }
    }
    let Object::Dict(node) = doc.resolve(node)? else {
        return Err(ReadError::Damaged(
            "a part of its list of attached files is not a dictionary".into(),
        ));
    };
    if let Some(names) = node.get(b"Names") {
        let Object::Array(names) = doc.resolve(names)? else {
            return Err(ReadError::Damaged(
                "its list of attached files has a /Names that is not an array".into(),
            ));
        };
        let mut pairs = names.into_iter();
        while let (Some(key), Some(spec)) = (pairs.next(), pairs.next()) {
            // A key that is no string names no file: it cannot be the one asked for.
            if let Object::Str(bytes) = doc.resolve(&key)? {
                if out.len() >= MAX_FILES {
                    return Err(ReadError::Damaged(format!(
                        "it lists more than {MAX_FILES} attached files"
                    )));
                }
                out.push((text(&bytes), spec));
            }
        }
    }
    if let Some(kids) = node.get(b"Kids") {
        let Object::Array(kids) = doc.resolve(kids)? else {
            return Err(ReadError::Damaged(
                "its list of attached files has /Kids that are not an array".into(),
            ));
        };
        for kid in &kids {
            walk(doc, kid, depth + 1, seen, out)?;
        }
    }
    Ok(())
}

/// The file a file specification names: its `/EF` stream, unpacked.
fn file_of(doc: &Doc, name: String, spec: &Object) -> Result<Embedded, FileProblem> {
    let spec = match doc.resolve(spec)? {
        Object::Dict(d) => d,
        Object::Null => return Err(FileProblem::Gone),
        _ => {
            return Err(FileProblem::Damaged(
                "its file specification is not a dictionary".into(),
            ))
        }
    };
    let ef = dict_at(doc, &spec, b"EF")?.ok_or(FileProblem::Gone)?;
    let stream = ef
        .get(b"UF")
        .or_else(|| ef.get(b"F"))
        .ok_or(FileProblem::Gone)?;
    let (dict, start) = match doc.resolve(stream)? {
        Object::Stream(dict, start) => (dict, start),
        Object::Null => return Err(FileProblem::Gone),
        _ => {
            return Err(FileProblem::Damaged(
                "its embedded file is not a stream".into(),
            ))
        }
    };
    let raw = doc.stream_data(&dict, start)?;
    let bytes = filter::decode(&dict, raw, MAX_FILE_BYTES, &doc.budget).map_err(|u| match u {
        filter::Unpack::TooLarge(n) => FileProblem::TooLarge(n),
        filter::Unpack::OverBudget => FileProblem::OverBudget(UNPACK_BUDGET),
        filter::Unpack::Unsupported(f) => FileProblem::Unsupported(f),
        filter::Unpack::Damaged(why) => FileProblem::Damaged(why),
    })?;
    let name_of = |dict: &Dict, key: &[u8]| {
        dict.name(key)
            .map(|n| String::from_utf8_lossy(n).into_owned())
    };
    Ok(Embedded {
        name,
        mime: name_of(&dict, b"Subtype"),
        relationship: name_of(&spec, b"AFRelationship"),
        bytes,
    })
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
