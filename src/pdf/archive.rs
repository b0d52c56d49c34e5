//! What makes the file PDF/A-3a (ISO 19005-3) and PDF/UA-1 (ISO 14289-1) beyond its tags: XMP
//! metadata that repeats the document information and names both standards, and an output
//! intent with an embedded ICC profile, which gives the grey the pages are drawn in a
//! device-independent meaning.

use super::{Dict, File, Info};
use crate::markup::escape;

/// A grey monitor profile (ICC Profiles Free, zlib licence: `icc/LICENSE`).
const GRAY_PROFILE: &[u8] = include_bytes!("../../icc/Gray.icc");

/// Writes the metadata stream and the output intent, and the catalogue's entries for them.
/// `lang`: the document's language, as a BCP 47 tag.
pub(super) fn write(file: &mut File, info: &Info, lang: &str, catalog: &mut Dict) {
    let mut dict = Dict::new();
    dict.name("Type", "Metadata").name("Subtype", "XML");
    let metadata = file.plain_stream(dict, xmp(info, lang));
    let mut dict = Dict::new();
    dict.int("N", 1);
    let profile = file.stream(dict, GRAY_PROFILE.to_vec());
    let mut intent = Dict::new();
    intent
        .name("Type", "OutputIntent")
        .name("S", "GTS_PDFA1")
        .text("OutputConditionIdentifier", "Gray")
        .text("Info", "Gray, gamma 1.0, D50")
        .reference("DestOutputProfile", profile);
    let intent = file.add(intent.finish());

    catalog
        .reference("Metadata", metadata)
        .refs("OutputIntents", &[intent]);
}

/// The XMP packet: the same title, author, subject, keywords, tools and dates as the
/// document information dictionary (PDF/A requires them to agree), and the two standards'
/// identifiers with the extension schema PDF/A needs for the PDF/UA one.
fn xmp(info: &Info, lang: &str) -> Vec<u8> {
    let date = chrono::DateTime::from_timestamp(info.created_unix, 0)
        .unwrap_or_default()
        .format("%Y-%m-%dT%H:%M:%S+00:00")
        .to_string();
    let title = escape(&info.title);
    let author = escape(&info.author);
    let subject = escape(&info.subject);
    let keywords = escape(&info.keywords.join(", "));
    let creator = escape(&info.creator);
    let lang = escape(lang);
    format!(
        r#"<?xpacket begin="{bom}" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/">
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/">
<dc:format>application/pdf</dc:format>
<dc:title><rdf:Alt><rdf:li xml:lang="x-default">{title}</rdf:li></rdf:Alt></dc:title>
<dc:creator><rdf:Seq><rdf:li>{author}</rdf:li></rdf:Seq></dc:creator>
<dc:description><rdf:Alt><rdf:li xml:lang="x-default">{subject}</rdf:li></rdf:Alt></dc:description>
<dc:language><rdf:Bag><rdf:li>{lang}</rdf:li></rdf:Bag></dc:language>
</rdf:Description>
<rdf:Description rdf:about="" xmlns:pdf="http://ns.adobe.com/pdf/1.3/">
<pdf:Keywords>{keywords}</pdf:Keywords>
<pdf:Producer>{creator}</pdf:Producer>
</rdf:Description>
<rdf:Description rdf:about="" xmlns:xmp="http://ns.adobe.com/xap/1.0/">
<xmp:CreatorTool>{creator}</xmp:CreatorTool>
<xmp:CreateDate>{date}</xmp:CreateDate>
<xmp:ModifyDate>{date}</xmp:ModifyDate>
<xmp:MetadataDate>{date}</xmp:MetadataDate>
</rdf:Description>
<rdf:Description rdf:about="" xmlns:pdfaid="http://www.aiim.org/pdfa/ns/id/">
<pdfaid:part>3</pdfaid:part>
<pdfaid:conformance>A</pdfaid:conformance>
</rdf:Description>
<rdf:Description rdf:about="" xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/">
<pdfuaid:part>1</pdfuaid:part>
</rdf:Description>
<rdf:Description rdf:about="" xmlns:pdfaExtension="http://www.aiim.org/pdfa/ns/extension/" xmlns:pdfaSchema="http://www.aiim.org/pdfa/ns/schema#" xmlns:pdfaProperty="http://www.aiim.org/pdfa/ns/property#">
<pdfaExtension:schemas><rdf:Bag><rdf:li rdf:parseType="Resource">
<pdfaSchema:schema>PDF/UA Universal Accessibility Schema</pdfaSchema:schema>
<pdfaSchema:namespaceURI>http://www.aiim.org/pdfua/ns/id/</pdfaSchema:namespaceURI>
<pdfaSchema:prefix>pdfuaid</pdfaSchema:prefix>
<pdfaSchema:property><rdf:Seq><rdf:li rdf:parseType="Resource">
<pdfaProperty:name>part</pdfaProperty:name>
<pdfaProperty:valueType>Integer</pdfaProperty:valueType>
<pdfaProperty:category>internal</pdfaProperty:category>
<pdfaProperty:description>Indicates which part of ISO 14289 the document follows</pdfaProperty:description>
</rdf:li></rdf:Seq></pdfaSchema:property>
</rdf:li></rdf:Bag></pdfaExtension:schemas>
</rdf:Description>
</rdf:RDF>
</x:xmpmeta>
<?xpacket end="w"?>"#,
        bom = '\u{FEFF}',
    )
    .into_bytes()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn xml_special_characters_are_escaped() {
        assert_eq!(
            escape("a<b & \"c\">\u{1}"),
            "a&lt;b &amp; &quot;c&quot;&gt; "
        );
    }

    #[test]
    fn what_xml_cannot_hold_becomes_a_space() {
        assert_eq!(
            escape("Zo\u{FFFE}\u{FFFF}\u{0}ë\u{1F600}"),
            "Zo   ë\u{1F600}"
        );
        // Every character of the first plane and a few beyond: what is left is XML.
        let all: String = (0..=0x10FFFFu32).filter_map(char::from_u32).collect();
        let escaped = escape(&all);
        for c in escaped.chars() {
            let u = c as u32;
            assert!(
                u == 9
                    || u == 10
                    || u == 13
                    || (0x20..=0xD7FF).contains(&u)
                    || (0xE000..=0xFFFD).contains(&u)
                    || u >= 0x10000,
                "U+{u:04X} left in the XMP"
            );
        }
    }
}
