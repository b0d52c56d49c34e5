//! Files carried inside the PDF as associated files (ISO 32000-2, 14.13; PDF/A-3, 6.8):
//! each is an embedded file stream with its media type, size and date, a file specification
//! saying how it relates to the document, listed in the catalogue's `/AF` array and in the
//! `/EmbeddedFiles` name tree, where viewers show them as attachments.

use super::{reference, text_string, File};

/// A named file to carry inside the PDF.
#[derive(Debug, Clone, PartialEq)]
pub struct Attachment {
    /// The file name a viewer offers when saving it.
    pub name: String,
    /// Its media type, e.g. `application/json`.
    pub mime: String,
    pub description: String,
    pub relationship: Relationship,
    pub bytes: Vec<u8>,
}

/// How an associated file relates to the document (the `/AFRelationship` values).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Relationship {
    /// The original content the document was made from.
    Source,
    /// Data the document's content represents, e.g. for a machine to read.
    Data,
    /// A representation of the document's content in another form.
    Alternative,
    /// Extra content that supplements the document.
    Supplement,
}

impl Relationship {
    fn name(self) -> &'static [u8] {
        match self {
            Relationship::Source => b"Source",
            Relationship::Data => b"Data",
            Relationship::Alternative => b"Alternative",
            Relationship::Supplement => b"Supplement",
        }
    }
}

/// Writes the attachments' objects; returns the entries the catalogue needs
/// (`/AF[...]/Names<</EmbeddedFiles ...>>`), empty when there are none.
pub(super) fn write(file: &mut File, attachments: &[Attachment], date: &str) -> Vec<u8> {
    if attachments.is_empty() {
        return Vec::new();
    }
    let specs: Vec<(&str, u32)> = attachments
        .iter()
        .map(|a| (a.name.as_str(), write_one(file, a, date)))
        .collect();
    let mut af = b"/AF[".to_vec();
    for (i, (_, id)) in specs.iter().enumerate() {
        if i > 0 {
            af.push(b' ');
        }
        reference(&mut af, *id);
    }
    af.push(b']');
    let tree = file.add(name_tree(&specs));
    af.extend_from_slice(b"/Names<</EmbeddedFiles ");
    reference(&mut af, tree);
    af.extend_from_slice(b">>");
    af
}

/// Writes one attachment's embedded file stream and file specification; returns the
/// specification's id.
fn write_one(file: &mut File, a: &Attachment, date: &str) -> u32 {
    let mut dict = b"/Type/EmbeddedFile/Subtype/".to_vec();
    name_bytes(&mut dict, &a.mime);
    dict.extend_from_slice(format!("/Params<</Size {}/ModDate", a.bytes.len()).as_bytes());
    text_string(&mut dict, date);
    dict.extend_from_slice(b">>");
    let stream = file.stream(dict, a.bytes.clone());

    let mut spec = b"<</Type/Filespec/F".to_vec();
    text_string(&mut spec, &a.name);
    spec.extend_from_slice(b"/UF");
    text_string(&mut spec, &a.name);
    spec.extend_from_slice(b"/Desc");
    text_string(&mut spec, &a.description);
    spec.extend_from_slice(b"/AFRelationship/");
    spec.extend_from_slice(a.relationship.name());
    spec.extend_from_slice(b"/EF<</F ");
    reference(&mut spec, stream);
    spec.extend_from_slice(b"/UF ");
    reference(&mut spec, stream);
    spec.extend_from_slice(b">>>>");
    file.add(spec)
}

/// The `/EmbeddedFiles` name tree: each file specification under its file name.
fn name_tree(specs: &[(&str, u32)]) -> Vec<u8> {
    // A name tree's keys are in byte order of their encoded strings (ISO 32000-1, 7.9.6).
    let mut keyed: Vec<(Vec<u8>, u32)> = specs
        .iter()
        .map(|(name, id)| {
            let mut key = Vec::new();
            text_string(&mut key, name);
            (key, *id)
        })
        .collect();
    keyed.sort();
    let mut tree = b"<</Names[".to_vec();
    for (i, (key, id)) in keyed.iter().enumerate() {
        if i > 0 {
            tree.push(b' ');
        }
        tree.extend_from_slice(key);
        tree.push(b' ');
        reference(&mut tree, *id);
    }
    tree.extend_from_slice(b"]>>");
    tree
}

/// A PDF name: bytes outside the regular characters, and `#`, written as `#XX`
/// (ISO 32000-1, 7.3.5), so `application/json` becomes `application#2Fjson`.
fn name_bytes(out: &mut Vec<u8>, name: &str) {
    for b in name.bytes() {
        let regular = b.is_ascii_graphic()
            && !matches!(
                b,
                b'#' | b'/' | b'(' | b')' | b'<' | b'>' | b'[' | b']' | b'{' | b'}' | b'%'
            );
        if regular {
            out.push(b);
        } else {
            out.extend_from_slice(format!("#{b:02X}").as_bytes());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn media_types_are_escaped_as_names() {
        let mut out = Vec::new();
        name_bytes(&mut out, "application/fhir+json");
        assert_eq!(out, b"application#2Ffhir+json");
    }
}
