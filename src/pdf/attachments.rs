//! Files carried inside the PDF as associated files (ISO 32000-2, 14.13; PDF/A-3, 6.8):
//! each is an embedded file stream with its media type, size and date, a file specification
//! saying how it relates to the document, listed in the catalogue's `/AF` array and in the
//! `/EmbeddedFiles` name tree, where viewers show them as attachments.

use super::{text_string, Dict, File};

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
    fn name(self) -> &'static str {
        match self {
            Relationship::Source => "Source",
            Relationship::Data => "Data",
            Relationship::Alternative => "Alternative",
            Relationship::Supplement => "Supplement",
        }
    }
}

/// Writes the attachments' objects, and the entries the catalogue needs
/// (`/AF[...]/Names<</EmbeddedFiles ...>>`), none when there are none.
pub(super) fn write(file: &mut File, attachments: &[Attachment], date: &str, catalog: &mut Dict) {
    if attachments.is_empty() {
        return;
    }
    let specs: Vec<(&str, u32)> = attachments
        .iter()
        .map(|a| (a.name.as_str(), write_one(file, a, date)))
        .collect();
    catalog.array("AF", |af| {
        for (_, id) in &specs {
            af.reference(*id);
        }
    });
    let tree = file.add(name_tree(&specs));
    catalog.dict("Names", |names| {
        names.reference("EmbeddedFiles", tree);
    });
}

/// Writes one attachment's embedded file stream and file specification; returns the
/// specification's id.
fn write_one(file: &mut File, a: &Attachment, date: &str) -> u32 {
    let mut dict = Dict::new();
    dict.name("Type", "EmbeddedFile")
        .name("Subtype", &a.mime)
        .dict("Params", |p| {
            p.int("Size", a.bytes.len() as i64).text("ModDate", date);
        });
    let stream = file.stream(dict, a.bytes.clone());

    let mut spec = Dict::new();
    spec.name("Type", "Filespec")
        .text("F", &a.name)
        .text("UF", &a.name)
        .text("Desc", &a.description)
        .name("AFRelationship", a.relationship.name())
        .dict("EF", |ef| {
            ef.reference("F", stream).reference("UF", stream);
        });
    file.add(spec.finish())
}

/// The `/EmbeddedFiles` name tree: each file specification under its file name.
fn name_tree(specs: &[(&str, u32)]) -> Vec<u8> {
    // A name tree's keys are in byte order of their encoded strings (ISO 32000-1, 7.9.6).
    let mut keyed: Vec<(Vec<u8>, &str, u32)> = specs
        .iter()
        .map(|&(name, id)| {
            let mut key = Vec::new();
            text_string(&mut key, name);
            (key, name, id)
        })
        .collect();
    keyed.sort();
    let mut tree = Dict::new();
    tree.array("Names", |a| {
        for (_, name, id) in keyed {
            a.text(name).reference(id);
        }
    });
    tree.finish()
}
