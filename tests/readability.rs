//! Every part of every built-in guide reads at school grade 8 or below (Flesch-Kincaid), so a
//! patient who left school early can follow it. Each section is scored as a whole, as it is read.

mod common;

use std::collections::BTreeMap;

use common::readability::{grade, Counts};
use visitprep::guide::{Guide, Section};

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
    use common::readability::{spanish_counts, Inflesz};
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

/// The scores themselves (`tests/common/readability.rs`): syllables, sentences and the
/// published formulas.
mod scores {
    use super::common::readability::*;

    #[test]
    fn syllables_of_known_words() {
        // Counts as a dictionary divides the words (Merriam-Webster).
        let known = [
            ("the", 1),
            ("cat", 1),
            ("cramp", 1),
            ("make", 1),
            ("makes", 1),
            ("walked", 1),
            ("pressed", 1),
            ("tired", 1),
            ("wanted", 2),
            ("needed", 2),
            ("table", 2),
            ("muscle", 2),
            ("muscles", 2),
            ("people", 2),
            ("changes", 2),
            ("boxes", 2),
            ("creature", 2),
            ("hybrid", 2),
            ("mammal", 2),
            ("question", 2),
            ("nation", 2),
            ("water", 2),
            ("doctor", 2),
            ("calcium", 3),
            ("sodium", 3),
            ("platypus", 3),
            ("seemingly", 3),
            ("pregnancy", 3),
            ("period", 3),
            ("usual", 3),
            ("radio", 3),
            ("medicine", 3),
            ("magnesium", 4),
            ("diabetes", 4),
            ("diabetic", 4),
            ("Australian", 4),
            ("reptilian", 4),
            ("ultrasound", 3),
            ("hypocalcemia", 6),
            ("yes", 1),
            ("you", 1),
            ("language", 2),
            ("EEG", 3),
            ("MRI", 3),
            ("CT", 2),
            ("X-ray", 2),
            ("112", 1),
        ];
        let wrong: Vec<String> = known
            .iter()
            .filter(|(w, n)| word_syllables(w) != *n)
            .map(|(w, n)| format!("{w}: {} (expected {n})", word_syllables(w)))
            .collect();
        assert!(wrong.is_empty(), "{wrong:?}");
    }

    #[test]
    fn the_published_examples() {
        // Wikipedia, "Flesch–Kincaid readability tests": this sentence is grade 13.1 and
        // reading ease 24.4; "The cat sat on the mat." has reading ease 116.
        let platypus =
            "The Australian platypus is seemingly a hybrid of a mammal and reptilian creature.";
        let c = Counts::of(platypus);
        assert_eq!((c.words, c.sentences, c.syllables), (13, 1, 26));
        assert!((c.grade() - 13.1).abs() < 0.05, "{}", c.grade());
        assert!(
            (c.reading_ease() - 24.4).abs() < 0.05,
            "{}",
            c.reading_ease()
        );
        let cat = Counts::of("The cat sat on the mat.");
        assert!((cat.reading_ease() - 116.1).abs() < 0.05);
        assert!(cat.grade() < 0.0);
    }

    #[test]
    fn sentences_end_at_full_stops_questions_and_the_end() {
        assert_eq!(Counts::of("One. Two? Three! Four").sentences, 4);
        assert_eq!(Counts::of("He said \"stop.\" Then left.").sentences, 2);
        assert_eq!(Counts::of("12.5 mg a day").sentences, 1);
        assert_eq!(Counts::of("(a test).").sentences, 1);
        assert_eq!(Counts::of("").words, 0);
        assert_eq!(grade(""), 0.0);
    }

    #[test]
    fn spanish_syllables_of_known_words() {
        // Counts as the Real Academia divides the words.
        let known = [
            ("de", 1),
            ("que", 1),
            ("muy", 1),
            ("hoy", 1),
            ("y", 1),
            ("pierna", 2),
            ("agua", 2),
            ("noche", 2),
            ("día", 2),
            ("frío", 2),
            ("médico", 3),
            ("calambre", 3),
            ("guerra", 2),
            ("aguja", 3),
            ("poeta", 3),
            ("leer", 2),
            ("caer", 2),
            ("país", 2),
            ("ciudad", 2),
            ("cuidado", 3),
            ("buey", 1),
            ("medicamento", 5),
            ("enfermería", 5),
            ("emergencias", 4),
            ("electrolitos", 5),
            ("TAC", 3),
            ("112", 1),
        ];
        let wrong: Vec<String> = known
            .iter()
            .filter(|(w, n)| spanish_syllables(w) != *n)
            .map(|(w, n)| format!("{w}: {} (expected {n})", spanish_syllables(w)))
            .collect();
        assert!(wrong.is_empty(), "{wrong:?}");
    }

    #[test]
    fn the_spanish_formula_by_hand() {
        // "El gato duerme en la casa." 6 words, 1 sentence, 9 syllables (el ga-to duer-me
        // en la ca-sa): 206.835 − 62.3 × 9/6 − 6 = 107.385.
        let c = spanish_counts("El gato duerme en la casa.");
        assert_eq!((c.words, c.sentences, c.syllables), (6, 1, 9));
        assert!((c.perspicuity() - 107.385).abs() < 1e-9);
        assert_eq!(Inflesz::of(c.perspicuity()), Inflesz::MuyFacil);
        assert_eq!(Inflesz::of(70.0).name(), "bastante fácil");
        assert_eq!(Inflesz::of(64.9), Inflesz::Normal);
        assert_eq!(Inflesz::of(39.0), Inflesz::MuyDificil);
        assert_eq!(perspicuity(""), 100.0);
    }

    #[test]
    fn plain_spanish_reads_easier_than_terms() {
        let plain = perspicuity(
            "Si tiene poco calcio en la sangre, las piernas le pueden dar calambres por la noche.",
        );
        let term = perspicuity("La hipocalcemia induce hiperexcitabilidad neuromuscular nocturna con contracturas dolorosas.");
        assert!(Inflesz::of(plain) >= Inflesz::BastanteFacil, "{plain}");
        assert!(Inflesz::of(term) <= Inflesz::AlgoDificil, "{term}");
    }

    #[test]
    fn plain_words_read_easier_than_terms() {
        let plain = grade("Too little calcium in the blood can make the legs cramp at night.");
        let term = grade("Hypocalcemia induces nocturnal neuromuscular hyperexcitability.");
        assert!(plain < 8.0, "{plain}");
        assert!(term > 12.0, "{term}");
    }
}
