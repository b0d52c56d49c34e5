//! Every part of every built-in guide reads at school grade 8 or below (Flesch-Kincaid), so a
//! patient who left school early can follow it. Each section is scored as a whole, as it is read.

use std::collections::BTreeMap;

use visitprep::guide::{Guide, Section};
use visitprep::readability::{grade, Counts};

const HIGHEST_GRADE: f64 = 8.0;

fn sections(guide: &Guide) -> BTreeMap<Section, Vec<&str>> {
    let mut by_section: BTreeMap<Section, Vec<&str>> = BTreeMap::new();
    by_section
        .entry(Section::Summary)
        .or_default()
        .extend([guide.title.as_str(), guide.diary_title()]);
    for statement in guide.statements() {
        by_section
            .entry(statement.section)
            .or_default()
            .extend(statement.text.iter().copied());
    }
    by_section
}

#[test]
fn every_section_of_every_guide_reads_at_grade_8_or_below() {
    let mut report = Vec::new();
    let mut too_hard = Vec::new();
    for id in Guide::built_in_ids() {
        let guide = Guide::built_in(id).unwrap();
        for (section, strings) in sections(&guide) {
            let counts = strings
                .iter()
                .map(|s| Counts::of(s))
                .fold(Counts::default(), |a, b| a + b);
            assert!(counts.words > 0, "{id}: {} is empty", section.name());
            let g = counts.grade();
            report.push(format!("{id:<22} {:<32} grade {g:4.1}", section.name()));
            if g > HIGHEST_GRADE {
                let mut hardest: Vec<(f64, &str)> =
                    strings.iter().map(|s| (grade(s), *s)).collect();
                hardest.sort_by(|a, b| b.0.total_cmp(&a.0));
                too_hard.push(format!(
                    "{id}: {} reads at grade {g:.1}; its hardest strings:\n{}",
                    section.name(),
                    hardest
                        .iter()
                        .take(3)
                        .map(|(g, s)| format!("  {g:4.1}  {s}"))
                        .collect::<Vec<_>>()
                        .join("\n")
                ));
            }
        }
    }
    eprintln!("{}", report.join("\n"));
    assert!(too_hard.is_empty(), "{}", too_hard.join("\n\n"));
}

#[test]
fn the_score_catches_hard_text() {
    // The summary this guide had before it was rewritten for plain reading.
    let old = "Nocturnal leg cramps are sudden, strong and painful tightenings of the leg muscles during sleep that can last from a few seconds to several minutes. They are common in older people and in pregnant women, and can come from cold legs, tired muscles, too little calcium, some medicines or an illness.";
    assert!(grade(old) > HIGHEST_GRADE, "{}", grade(old));
    let guide = Guide::built_in("nocturnal-leg-cramps").unwrap();
    assert!(
        grade(&guide.summary) <= HIGHEST_GRADE,
        "{}",
        grade(&guide.summary)
    );
}

/// The text of the messages under a `## heading` of a catalogue, each a sentence or a
/// heading, their values (`{ $day }`) left out.
fn catalogue_section(source: &str, heading: &str) -> Vec<String> {
    source
        .lines()
        .skip_while(|l| *l != heading)
        .skip(1)
        .take_while(|l| !l.starts_with("## "))
        .filter(|l| !l.starts_with('#'))
        .filter_map(|l| l.split_once(" = ").map(|(_, text)| text))
        .map(|text| {
            let mut out = String::new();
            let mut depth = 0;
            for c in text.chars() {
                match c {
                    '{' => depth += 1,
                    '}' => depth -= 1,
                    _ if depth == 0 => out.push(c),
                    _ => {}
                }
            }
            out.trim().to_string()
        })
        .filter(|t| !t.is_empty())
        .collect()
}

#[test]
fn the_spanish_words_for_the_patient_read_bastante_facil_or_plainer() {
    use visitprep::readability::{spanish_counts, Inflesz};
    use visitprep::words::CATALOGUES;
    let (_, spanish) = CATALOGUES[1];
    let mut report = Vec::new();
    for heading in ["## La parte del paciente", "## El diario"] {
        let texts = catalogue_section(spanish, heading);
        assert!(texts.len() > 10, "{heading}: {texts:?}");
        let counts = texts
            .iter()
            .map(|t| spanish_counts(t))
            .fold(Counts::default(), |a, b| a + b);
        let score = counts.perspicuity();
        report.push(format!(
            "{heading}: {score:.1} ({})",
            Inflesz::of(score).name()
        ));
        assert!(
            Inflesz::of(score) >= Inflesz::BastanteFacil,
            "{heading} reads {score:.1}, {}: {texts:?}",
            Inflesz::of(score).name()
        );
    }
    println!("{}", report.join("\n"));
}
