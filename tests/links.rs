//! The page numbers page 1 names ("continued on page 3", "Details: pages 2–6") are links a
//! reader can follow, as PDF/UA-1 asks (7.18.5): each a Link annotation that goes to the page
//! it names, described in words, and held in the structure tree by a Link element with the
//! link's text. Read back by PyMuPDF, which looks at the file's objects, and by pdf.js, which
//! follows a link as Firefox's viewer does.

mod common;

use std::process::Command;

use common::*;

/// Page 1's links and text, as PyMuPDF reads them (`tests/readers/links.py`).
fn page_1_links(pdf: &std::path::Path) -> serde_json::Value {
    run_reader_json(
        Command::new("python3")
            .arg(readers_dir().join("links.py"))
            .arg(pdf),
        "python3 with pymupdf",
    )
}

/// What a reader script printed, as the JSON it prints.
fn run_reader_json(cmd: &mut Command, what: &str) -> serde_json::Value {
    serde_json::from_str(&run_reader(cmd, what))
        .unwrap_or_else(|e| panic!("{what} prints JSON: {e}"))
}

/// The page numbers `text` names, in order: the first of each "page N" and "pages N–M".
fn pages_named(text: &str) -> Vec<usize> {
    let mut named = Vec::new();
    for (at, _) in text.match_indices("page") {
        let rest = text[at + 4..].trim_start_matches('s');
        let Some(rest) = rest.strip_prefix(' ') else {
            continue;
        };
        let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
        if let Ok(n) = digits.parse() {
            named.push(n);
        }
    }
    named
}

/// Asserts that every page number page 1 of `pdf` names is a link, in PyMuPDF and pdf.js,
/// that goes to that page and is described in words and held by a Link element; returns
/// the page numbers named, in order.
fn assert_every_page_named_is_a_link(pdf: &std::path::Path) -> Vec<usize> {
    let read = page_1_links(pdf);
    let links = read["links"].as_array().expect("a list of links");
    let page_1 = read["page_1_text"].as_str().expect("page 1's text");
    let named = pages_named(page_1);
    assert_eq!(
        links.len(),
        named.len(),
        "page 1 names {named:?} but has {} links: {links:#?}",
        links.len()
    );
    let mut to = Vec::new();
    for link in links {
        let text = link["text"].as_str().unwrap();
        // The area of a line reaches the text before the link on its line: the number it
        // names is the last one under it.
        let under = *pages_named(text)
            .last()
            .or(text
                .split(|c: char| !c.is_ascii_digit())
                .find(|d| !d.is_empty())
                .and_then(|d| d.parse().ok())
                .as_ref())
            .unwrap_or_else(|| panic!("no page number under the link {link}"));
        let goes = link["to"].as_u64().expect("a link within the document") as usize;
        assert_eq!(goes, under, "the link over {text:?} goes to page {goes}");
        assert_eq!(
            link["contents"].as_str(),
            Some(format!("Go to page {under}").as_str()),
            "{link}"
        );
        assert_eq!(
            link["in_link_element"], true,
            "no Link element holds {link}"
        );
        assert_eq!(link["parent_tree_names_it"], true, "{link}");
        to.push(goes);
    }
    assert_eq!(to, named, "the links go to other pages than page 1 names");

    // pdf.js finds the same links and follows each to the same page.
    let pdfjs = run_reader_json(
        Command::new("node")
            .current_dir(readers_dir())
            .arg("links.mjs")
            .arg(pdf),
        "node with pdfjs-dist (npm ci in tests/readers)",
    );
    let followed: Vec<(usize, String)> = pdfjs
        .as_array()
        .expect("a list of links")
        .iter()
        .map(|l| {
            let page = l["to"].as_u64().expect("a destination pdf.js can follow") as usize;
            (page, l["contents"].as_str().unwrap_or_default().to_string())
        })
        .collect();
    let wanted: Vec<(usize, String)> = named
        .iter()
        .map(|&n| (n, format!("Go to page {n}")))
        .collect();
    assert_eq!(followed, wanted);
    named
}

#[test]
fn page_numbers_named_on_page_1_are_links_to_those_pages() {
    let dir = tempfile::tempdir().unwrap();
    let pdf = dir.path().join("complete.pdf");
    render(&example("complete.toml"), &pdf, &[]);
    let named = assert_every_page_named_is_a_link(&pdf);
    // The complete example names the details' pages, a cut answer's page, the medicines'
    // and the diary's.
    assert!(named.len() >= 4, "page 1 names only {named:?}");
}

/// Items cut short inside a longer sentence of page 1 (who filled the sheet in, the place
/// of the visit, the patient's sex) end with "(in full on page N)": a link as well.
#[test]
fn a_page_named_inside_a_longer_sentence_is_a_link_too() {
    let dir = tempfile::tempdir().unwrap();
    let text = std::fs::read_to_string(example("complete.toml")).unwrap();
    let long = |field: &str, value: &str| {
        let line = text
            .lines()
            .find(|l| l.starts_with(&format!("{field} = ")))
            .unwrap_or_else(|| panic!("the complete example has no {field}"));
        (line.to_string(), format!("{field} = \"{value}\""))
    };
    let mut intake = text.clone();
    for (from, to) in [
        long(
            "filled_in_by",
            "Anna Example, my daughter, who lives two streets away and has come with me to \
             every appointment since my husband died three years ago",
        ),
        long(
            "clinic",
            "St. Mary Hospital, outpatient building B, second floor, the entrance opposite \
             the car park on the north side",
        ),
        long(
            "sex",
            "female, and I would rather be examined by a woman doctor where that can be \
             arranged, please",
        ),
    ] {
        intake = intake.replacen(&from, &to, 1);
    }
    let path = dir.path().join("long.toml");
    std::fs::write(&path, intake).unwrap();
    let pdf = dir.path().join("long.pdf");
    render(&path, &pdf, &[]);
    let page_1 = page_1_links(&pdf)["page_1_text"]
        .as_str()
        .expect("page 1's text")
        .to_string();
    // Each of the three items is cut, and so says where it stands in full.
    let in_full = page_1.matches("in full on page").count();
    assert!(in_full >= 3, "{in_full} items cut short:\n{page_1}");
    assert_every_page_named_is_a_link(&pdf);
    // A link inside a sentence is a Link element inside the paragraph's, with its text.
    assert_eq!(failed_rules(&pdf), Vec::<String>::new());
}

#[test]
fn a_sheet_in_another_language_describes_its_links_in_that_language() {
    let dir = tempfile::tempdir().unwrap();
    let intake = dir.path().join("es.toml");
    let text = std::fs::read_to_string(example("complete.toml")).unwrap();
    assert!(text.contains("\n[visit]\n") && !text.contains("sheet_language"));
    let spanish = text.replace("\n[visit]\n", "\n[visit]\nsheet_language = \"es\"\n");
    std::fs::write(&intake, spanish).unwrap();
    let pdf = dir.path().join("es.pdf");
    render(&intake, &pdf, &[]);
    let read = page_1_links(&pdf);
    let links = read["links"].as_array().expect("a list of links");
    assert!(!links.is_empty(), "no links on page 1");
    for link in links {
        let to = link["to"].as_u64().unwrap();
        assert_eq!(
            link["contents"].as_str(),
            Some(format!("Ir a la página {to}").as_str()),
            "{link}"
        );
    }
}
