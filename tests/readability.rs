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
