use super::*;
use crate::document::{plain, Metadata};

fn fonts() -> FontSet {
    FontSet::embedded()
}

fn texts(line: &Line) -> String {
    line.iter()
        .map(|p| p.text.as_str())
        .collect::<Vec<_>>()
        .join("|")
}

#[test]
fn wrapping_respects_the_width_and_keeps_every_word() {
    let f = fonts();
    let text = "The muscle goes hard like a stone and I cannot straighten my foot for minutes.";
    let lines = wrap(&plain(text), &f, 11.5, 150.0);
    assert!(lines.len() > 2);
    for line in &lines {
        let last = line.last().unwrap();
        let end = last.x + text::text_width(&f, &last.text, last.weight, 11.5);
        assert!(end <= 150.01, "line too wide: {end}");
    }
    let joined: Vec<String> = lines.iter().map(texts).collect();
    assert_eq!(joined.join(" "), text);
}

#[test]
fn a_word_longer_than_the_line_is_broken_without_losing_characters() {
    let f = fonts();
    let word = "Pneumonoultramicroscopicsilicovolcanoconiosis".repeat(3);
    let lines = wrap(&plain(&word), &f, 11.5, 100.0);
    assert!(lines.len() > 3);
    let joined: String = lines.iter().map(texts).collect();
    assert_eq!(joined, word);
}

#[test]
fn newlines_start_new_lines_and_blank_lines_survive() {
    let f = fonts();
    let lines = wrap(&plain("one\n\ntwo"), &f, 11.5, 400.0);
    let joined: Vec<String> = lines.iter().map(texts).collect();
    assert_eq!(joined, ["one", "", "two"]);
}

#[test]
fn empty_text_is_one_empty_line() {
    let lines = wrap(&plain(""), &fonts(), 11.5, 100.0);
    assert_eq!(lines.len(), 1);
    assert!(lines[0].is_empty());
}

#[test]
fn mixed_weights_keep_their_order_and_spaces() {
    let f = fonts();
    let mut text = crate::document::strong("Note A: ");
    text.extend(plain("water pills"));
    let lines = wrap(&text, &f, 11.5, 400.0);
    assert_eq!(lines.len(), 1);
    // The space is set in the weight it was written in.
    assert_eq!(lines[0][0].text, "Note A: ");
    assert_eq!(lines[0][1].text, "water pills");
    assert!(lines[0][1].x > text::text_width(&f, "Note A:", Weight::Bold, 11.5));
}

#[test]
fn a_word_whose_first_part_has_no_width_gets_one_space_before_it() {
    // A combining mark ends one span and starts the next: one word, in two parts, the
    // first of them zero wide. Only the first part follows the space.
    let f = fonts();
    let mut text = crate::document::strong("b \u{300}");
    text.extend(crate::document::strong("\u{300} m"));
    let lines = wrap(&text, &f, 16.0, 400.0);
    assert_eq!(lines.len(), 1);
    assert_eq!(texts(&lines[0]), "b \u{300}\u{300} m");
}

fn doc(blocks: Vec<Block>) -> Document {
    Document {
        meta: Metadata {
            title: "t".into(),
            author: "a".into(),
            subject: "s".into(),
            keywords: vec![],
            created: chrono::NaiveDate::from_ymd_opt(2026, 1, 1)
                .unwrap()
                .and_hms_opt(0, 0, 0)
                .unwrap(),
            language: crate::document::Language::English,
        },
        footer: crate::words::Words::of(crate::document::Language::English).footer("footer"),
        blocks,
    }
}

fn page_texts(page: &Page) -> Vec<(f32, String)> {
    page.drawn()
        .filter_map(|i| match i {
            // Without the space that ends a run another follows.
            Item::Text(run) => Some((run.baseline, run.text.trim_end().to_string())),
            _ => None,
        })
        .collect()
}

#[test]
fn an_answer_longer_than_a_page_flows_onto_more_pages() {
    let answer = "word ".repeat(5000);
    let pages = layout(
        &doc(vec![
            Block::Subheading("Q".into()),
            Block::Paragraph(plain(answer)),
        ]),
        &fonts(),
        PageOptions::default(),
    );
    assert!(pages.len() >= 5, "{} pages", pages.len());
    let words: usize = pages
        .iter()
        .flat_map(page_texts)
        .map(|(_, t)| t.matches("word").count())
        .sum();
    assert_eq!(words, 5000);
    for (n, page) in pages.iter().enumerate() {
        let label = format!("Page {} of {}", n + 1, pages.len());
        let furniture: Vec<&Item> = page.furniture.iter().collect();
        assert!(
            furniture
                .iter()
                .any(|i| matches!(i, Item::Text(run) if run.text == label)),
            "{label}"
        );
        for (baseline, _) in page_texts(page) {
            assert!(baseline < page.height - 40.0 && baseline > 40.0);
        }
    }
}

#[test]
fn a_heading_never_ends_a_page() {
    // Fill a page almost to the end, then a heading: it must move to the next page.
    let mut blocks = vec![Block::Paragraph(plain("x\n".repeat(41)))];
    blocks.push(Block::Heading("Next section".into()));
    blocks.push(Block::Paragraph(plain("body")));
    let pages = layout(&doc(blocks), &fonts(), PageOptions::default());
    assert_eq!(pages.len(), 2);
    let second = page_texts(&pages[1]);
    assert!(
        second.iter().any(|(_, t)| t == "Next section"),
        "{second:?}"
    );
    assert!(!page_texts(&pages[0])
        .iter()
        .any(|(_, t)| t == "Next section"));
    assert!(second.iter().any(|(_, t)| t == "body"));
}

#[test]
fn table_rows_stay_whole_and_the_header_repeats() {
    let rows: Vec<Vec<Text>> = (0..80)
        .map(|i| vec![plain(format!("med{i}")), plain("two\nlines")])
        .collect();
    let table = Table {
        columns: vec![
            crate::document::Column {
                title: "Medicine".into(),
                weight: 1.0,
                min_chars: 5,
            },
            crate::document::Column {
                title: "Dose".into(),
                weight: 1.0,
                min_chars: 5,
            },
        ],
        rows,
        blank_rows: 0,
        fill_page: false,
    };
    let pages = layout(
        &doc(vec![Block::Table(table)]),
        &fonts(),
        PageOptions::default(),
    );
    assert!(pages.len() >= 3);
    for page in &pages {
        let t = page_texts(page);
        assert!(
            t.iter().any(|(_, s)| s == "Medicine"),
            "header missing on a page"
        );
        // every row's name sits on the same page as both of its lines
        let meds = t.iter().filter(|(_, s)| s.starts_with("med")).count();
        let twos = t.iter().filter(|(_, s)| s == "two").count();
        let lines = t.iter().filter(|(_, s)| s == "lines").count();
        assert_eq!(meds, twos);
        assert_eq!(meds, lines);
    }
}

#[test]
fn a_grid_to_fill_in_fills_its_page_and_no_more() {
    let grid = Table {
        columns: vec![crate::document::Column {
            title: "Night".into(),
            weight: 1.0,
            min_chars: 5,
        }],
        rows: Vec::new(),
        blank_rows: 2,
        fill_page: true,
    };
    let pages = layout(
        &doc(vec![Block::Table(grid)]),
        &fonts(),
        PageOptions::default(),
    );
    assert_eq!(pages.len(), 1);
    let style = Style::for_options(PageOptions::default());
    let rows: Vec<f32> = pages[0]
        .drawn()
        .filter_map(|i| match i {
            Item::Line { from, to, .. } if from.1 == to.1 => Some(from.1),
            _ => None,
        })
        .collect();
    let lowest = rows.iter().copied().fold(0.0, f32::max);
    assert!(rows.len() > 2 * 2 + 2, "only {} rules", rows.len());
    // The last row ends within one row of the foot of the page's body.
    let foot = pages[0].height - style.margin - style.line(style.footer) - 6.0;
    assert!(
        lowest <= foot + 0.01 && lowest > foot - style.writing_gap - 10.0,
        "{lowest} vs {foot}"
    );
}

#[test]
fn anchors_name_the_page_where_the_text_after_the_skip_stands() {
    let answer: String = (0..900).map(|i| format!("w{i:03} ")).collect();
    // "w000" … each word is 4 characters that are not white space.
    let blocks = vec![
        Block::Anchor {
            id: "start".into(),
            skip: 0,
        },
        Block::Paragraph(plain(answer.trim())),
        Block::Anchor {
            id: "late".into(),
            skip: 4 * 800,
        },
        Block::Paragraph(plain(answer.trim())),
    ];
    let laid = layout_with_anchors(&doc(blocks), &fonts(), PageOptions::default());
    assert!(laid.pages.len() >= 3, "{}", laid.pages.len());
    assert_eq!(laid.anchors["start"], 1);
    // The second paragraph's word w800 is on the page the anchor names, two pages or so
    // after the first paragraph's.
    let late = laid.anchors["late"];
    let on = |page: usize| {
        page_texts(&laid.pages[page - 1])
            .iter()
            .filter(|(_, t)| t.contains("w800"))
            .count()
    };
    let first = (1..=laid.pages.len()).find(|&p| on(p) > 0).unwrap();
    assert!(late > first, "{late} vs {first}");
    assert!(on(late) > 0, "w800 not on page {late}");
}

#[test]
fn parts_joined_are_the_document_laid_out_whole() {
    let blocks = vec![
        Block::Heading("One".into()),
        Block::Paragraph(plain("x\n".repeat(60))),
        Block::PageBreak,
        Block::Anchor {
            id: "two".into(),
            skip: 0,
        },
        Block::Heading("Two".into()),
        Block::Paragraph(plain("y\n".repeat(90))),
    ];
    let d = doc(blocks.clone());
    let whole = layout_with_anchors(&d, &fonts(), PageOptions::default());
    let parts = vec![
        layout_part(&blocks[..3], &fonts(), PageOptions::default()),
        layout_part(&blocks[3..], &fonts(), PageOptions::default()),
    ];
    let joined = join(parts, &d.footer, &fonts(), PageOptions::default());
    assert_eq!(whole, joined);
    assert_eq!(whole.anchors["two"], 3);
}

#[test]
fn large_print_uses_at_least_14_point_body_text() {
    let pages = layout(
        &doc(vec![Block::Paragraph(plain("hello"))]),
        &fonts(),
        PageOptions {
            paper: Paper::Letter,
            print: PrintSize::Large,
        },
    );
    let size = pages[0]
        .drawn()
        .find_map(|i| match i {
            Item::Text(run) if run.text == "hello" => Some(run.size),
            _ => None,
        })
        .unwrap();
    assert!(size >= 14.0);
    assert_eq!(pages[0].width, 612.0);
}

#[test]
fn text_set_before_is_set_as_it_would_be_afresh() {
    let f = fonts();
    let text = vec![
        crate::document::Span {
            text: "Cramps: ".into(),
            strong: true,
            link: None,
        },
        crate::document::Span {
            text: "most nights, in the right calf, AVATAR To\nfor about ten minutes".into(),
            strong: false,
            link: None,
        },
    ];
    let afresh = text::wrap_afresh(&text, &f, 11.5, 120.0);
    assert!(afresh.len() > 2);
    // The first call sets and remembers it; the second is given what was remembered.
    assert_eq!(wrap(&text, &f, 11.5, 120.0), afresh);
    assert_eq!(wrap(&text, &f, 11.5, 120.0), afresh);
    // Another width, size or weight is another text.
    assert_ne!(wrap(&text, &f, 11.5, 300.0), afresh);
    assert_ne!(wrap(&text, &f, 12.0, 120.0), afresh);
    let regular = text::text_width(&f, "Cramps", Weight::Regular, 11.5);
    assert!(text::text_width(&f, "Cramps", Weight::Bold, 11.5) > regular);
    assert_eq!(
        text::text_width(&f, "Cramps", Weight::Regular, 11.5),
        regular
    );
}

#[test]
fn text_is_set_afresh_once_a_face_is_added() {
    let path = "/usr/share/fonts/truetype/noto/NotoSansArabic-Regular.ttf";
    let bytes = std::fs::read(path)
        .unwrap_or_else(|e| panic!("{path}: {e} (scripts/test.sh installs fonts-noto-core)"));
    let mut f = fonts();
    let arabic = plain("تشنجات في الساق");
    let before = wrap(&arabic, &f, 11.5, 300.0);
    let width_before = text::text_width(&f, "تشنجات", Weight::Regular, 11.5);
    let added = f.add_fallback("NotoSansArabic", &bytes).unwrap();
    let after = wrap(&arabic, &f, 11.5, 300.0);
    assert!(before[0].iter().all(|p| p.face != added));
    assert!(after[0].iter().all(|p| p.face == added), "{after:?}");
    assert_ne!(
        text::text_width(&f, "تشنجات", Weight::Regular, 11.5),
        width_before
    );
    // Another font set is another generation, though its faces are the same.
    assert_ne!(fonts().generation(), fonts().generation());
}
