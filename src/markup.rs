//! Text made safe inside XML and HTML: the sheet's XMP, the FHIR narrative and the web form
//! all put the patient's words between tags.

/// `text` as XML or HTML character data, safe in an attribute value in double quotes too;
/// what XML 1.0 cannot hold at all, not even as a character reference (control characters,
/// U+FFFE and U+FFFF), as spaces.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            c if !is_xml_char(c) => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// The `Char` production of XML 1.0 (2.2). A Rust `char` is never a surrogate, so only the
/// C0 controls and the two noncharacters at the end of the first plane fall outside it.
fn is_xml_char(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_and_what_xml_cannot_hold_are_escaped() {
        assert_eq!(
            escape("a<b & \"c\" > d\u{1}\u{FFFE}\n"),
            "a&lt;b &amp; &quot;c&quot; &gt; d  \n"
        );
        assert_eq!(escape("Zoë 東京 🙂"), "Zoë 東京 🙂");
    }
}
