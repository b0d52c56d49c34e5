//! Every statement of a built-in guide names its source, and every source that names the
//! article names a section the article has. The article's section names are kept in
//! `tests/fixtures/`; where the article itself is at hand (`../shared/seeds/`, as in CI), an
//! ignored-by-default test checks that list against the article's own headings.

mod common;

use std::path::{Path, PathBuf};

use visitprep::guide::{source_parts, Guide, PRACTICAL};

/// The file name of the article a guide names in `source_article`.
fn article_file(guide: &Guide) -> String {
    let article = guide
        .source_article
        .as_deref()
        .unwrap_or_else(|| panic!("guide {} names no source_article", guide.id));
    let start = article.rfind(['/', '(', ' ']).map_or(0, |i| i + 1);
    article[start..].trim_end_matches([')', '.']).to_string()
}

fn fixture(article: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(article.replace(".txt", ".sections"))
}

/// The section names of the article as kept in the fixture: one a line, `#` starts a comment.
fn sections_of(article: &str) -> Vec<String> {
    let path = fixture(article);
    std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()))
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(str::to_string)
        .collect()
}

/// The section names of the article text itself. The article is plain text, one paragraph
/// a line: its opening paragraph (called "Introduction" here) comes before any heading; a
/// heading is a short line that is not a sentence, or a question standing alone; a numbered
/// heading ("3. Tendon reflex test") or a titled item ("(3) Cold stimulation: If the legs…")
/// is named after the heading above it ("Physical examination: Tendon reflex test").
pub fn parse_sections(article: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut parent: Option<String> = None;
    for (i, line) in article
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .enumerate()
    {
        if line.starts_with("By ") {
            break; // the byline: what follows is the web page's comment form
        }
        if i == 0 {
            out.push("Introduction".to_string());
            continue;
        }
        let numbered = line
            .split_once(". ")
            .filter(|(n, _)| !n.is_empty() && n.chars().all(|c| c.is_ascii_digit()))
            .map(|(_, rest)| rest);
        let titled = line
            .strip_prefix('(')
            .and_then(|l| l.split_once(") "))
            .filter(|(n, _)| n.chars().all(|c| c.is_ascii_digit()))
            .and_then(|(_, rest)| rest.split_once(':'))
            .map(|(title, _)| title.trim());
        let is_sentence = line.ends_with(['.', '!', '*']) || line.contains(',');
        let short = line.split_whitespace().count() <= 8;
        if let Some(title) = titled {
            if let Some(p) = &parent {
                out.push(format!("{p}: {title}"));
            }
        } else if let Some(title) = numbered {
            if !is_sentence && !title.ends_with('?') && short {
                if let Some(p) = &parent {
                    out.push(format!("{p}: {title}"));
                }
            }
        } else if (!is_sentence && short) || (line.ends_with('?') && !line.contains(',')) {
            out.push(line.to_string());
            parent = Some(line.to_string());
        }
    }
    out
}

#[test]
fn every_statement_of_a_built_in_guide_names_its_source() {
    for id in Guide::built_in_ids() {
        let guide = Guide::built_in(id).unwrap();
        let missing: Vec<String> = guide
            .statements()
            .iter()
            .filter(|s| {
                s.source
                    .is_none_or(|src| source_parts(src).next().is_none())
            })
            .map(|s| format!("{}: {}", s.section.name(), s.text.join(" / ")))
            .collect();
        assert!(
            missing.is_empty(),
            "{id}: statements without a source: {missing:#?}"
        );
        assert_eq!(guide.unsourced(), 0, "{id}");
        assert!(guide.statements().len() > 20, "{id}");
    }
}

#[test]
fn every_source_names_a_section_of_the_article() {
    for id in Guide::built_in_ids() {
        let guide = Guide::built_in(id).unwrap();
        let sections = sections_of(&article_file(&guide));
        assert!(sections.len() > 40, "{sections:?}");
        let known =
            |part: &str| part == PRACTICAL || sections.iter().any(|s| s.eq_ignore_ascii_case(part));
        let mut from_article = 0;
        for statement in guide.statements() {
            for part in source_parts(statement.source.unwrap_or_default()) {
                assert!(
                    known(part),
                    "{id}: {:?} names {part:?}, which is not a section of the article\n  (its sections: {})",
                    statement.text,
                    fixture(&article_file(&guide)).display()
                );
                from_article += usize::from(part != PRACTICAL);
            }
        }
        assert!(
            from_article > 10,
            "{id}: {from_article} sources from the article"
        );
    }
}

#[test]
fn a_made_up_section_is_caught() {
    let sections = sections_of("nocturnal-leg-cramps.txt");
    let has = |s: &str| sections.iter().any(|k| k.eq_ignore_ascii_case(s));
    assert!(has("Cause of symptoms: Cold stimulation"));
    assert!(has("Physical examination: Tendon reflex test"));
    assert!(has("complication"));
    assert!(!has("Cause of symptoms: Thyroid disease"));
    assert!(!has("Physical examination".trim_end_matches('n')));
}

#[test]
fn the_heading_rule_reads_an_article_shaped_text() {
    let text = "An opening paragraph, with a comma.\n\nsymptom\n\nTypical signs\n\nThey hurt.\n\n\
                Cause of symptoms\n\n1. Non-disease factors\n\n(1) Cold: If legs are cold, they cramp.\n\n\
                Seeking care\n\n1. Cramps that do not stop.\n\nWhat might a doctor ask?\n\n\
                1. How long have you had it?\n\nRelated drugs\n\nCalcium, insulin\n\nBy admin\n\nLeave a Reply";
    assert_eq!(
        parse_sections(text),
        [
            "Introduction",
            "symptom",
            "Typical signs",
            "Cause of symptoms",
            "Cause of symptoms: Non-disease factors",
            "Cause of symptoms: Cold",
            "Seeking care",
            "What might a doctor ask?",
            "Related drugs",
        ]
    );
}

/// Run by `scripts/test.sh` when the article is at hand (it is in CI):
/// `cargo test --test guide_sources -- --ignored`.
#[test]
#[ignore = "needs the source article at ../shared/seeds/"]
fn the_fixture_lists_exactly_the_articles_sections() {
    let dir = std::env::var_os("VISITPREP_SOURCES")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/seeds"));
    for id in Guide::built_in_ids() {
        let guide = Guide::built_in(id).unwrap();
        let name = article_file(&guide);
        let path = dir.join(&name);
        let article = std::fs::read_to_string(&path).unwrap_or_else(|e| {
            panic!(
                "{}: {e} (set VISITPREP_SOURCES to its folder)",
                path.display()
            )
        });
        let parsed = parse_sections(&article);
        assert_eq!(
            parsed,
            sections_of(&name),
            "the article's sections, one a line:\n{}",
            parsed.join("\n")
        );
    }
}
