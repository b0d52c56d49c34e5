//! The XHTML a section's `text` holds. FHIR allows only a subset of XHTML there, and the
//! patient's words may contain markup characters, so every narrative is built here.

use std::fmt::Write;

use serde_json::{json, Value};

/// An XHTML narrative of one line a paragraph (FHIR's narrative rules allow `p`).
pub(super) fn narrative(lines: &[String]) -> Value {
    let mut div = String::from("<div xmlns=\"http://www.w3.org/1999/xhtml\">");
    for line in lines {
        let _ = write!(div, "<p>{line}</p>");
    }
    div.push_str("</div>");
    json!({ "status": "generated", "div": div })
}

/// Text for XHTML: markup characters as entities, line breaks as `<br/>`.
pub(super) fn escape(text: &str) -> String {
    crate::markup::escape(text).replace('\n', "<br/>")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn narrative_text_is_escaped() {
        assert_eq!(escape("a<b & \"c\"\nd"), "a&lt;b &amp; &quot;c&quot;<br/>d");
    }
}
