//! The built-in guides' translations: every string a guide prints is translated, beside the
//! English it translates and the source of its statement; none says more than the English
//! (its numbers and placeholders are the same); each section reads "bastante fácil" or
//! plainer; and a Spanish sheet prints them.

mod common;

use std::collections::BTreeMap;

use common::readability::{spanish_counts, Counts, Inflesz};
use common::*;
use visitprep::guide::{Guide, Section, Translation, BUILT_IN_TRANSLATIONS};
use visitprep::Language;

fn each() -> Vec<(Guide, &'static Translation)> {
    BUILT_IN_TRANSLATIONS
        .iter()
        .map(|(id, language, _)| {
            (
                Guide::built_in(id).unwrap(),
                Translation::built_in(id, *language).unwrap(),
            )
        })
        .collect()
}

#[test]
fn every_string_is_translated_beside_its_english_and_source() {
    assert!(!BUILT_IN_TRANSLATIONS.is_empty());
    for (guide, translation) in each() {
        assert_eq!(translation.guide, guide.id);
        let problems = translation.problems(&guide);
        assert!(problems.is_empty(), "{}: {problems:#?}", guide.id);
        assert!(guide.is_in(translation.language));
    }
}

#[test]
fn the_tables_the_build_made_say_what_the_files_say() {
    // The program reads its built-in translations from tables the build made (build.rs);
    // they must hold what the program's own reader finds in each file, entry for entry.
    for (id, language, text) in BUILT_IN_TRANSLATIONS {
        let built = Translation::built_in(id, *language).unwrap();
        let name = format!("templates/{id}.{}.toml", language.tag());
        let parsed = Translation::parse(&name, text).unwrap();
        assert_eq!(built.entries.len(), parsed.entries.len(), "{id}");
        assert_eq!(*built, parsed, "{id}");
    }
}

#[test]
fn a_missing_translation_or_source_is_found() {
    let (guide, translation) = each().remove(0);
    let mut lacking = translation.clone();
    let dropped = lacking.entries.remove(3);
    assert_eq!(
        lacking.problems(&guide),
        [format!("not translated: {:?}", dropped.en)]
    );
    let mut unsourced = translation.clone();
    unsourced.entries[0].source = "Somewhere else".into();
    assert_eq!(unsourced.problems(&guide).len(), 1);
    let mut more = translation.clone();
    let emergency = more
        .entries
        .iter_mut()
        .find(|e| e.en.contains("911"))
        .unwrap();
    emergency.text = emergency.text.replace("911", "061");
    assert_eq!(
        more.problems(&guide).len(),
        1,
        "{:?}",
        more.problems(&guide)
    );
}

#[test]
fn a_string_two_statements_print_has_an_entry_for_each_source() {
    // The leg-cramps guide names each department in its list and again in a hint, each
    // under its own source.
    let guide = Guide::built_in("nocturnal-leg-cramps").unwrap();
    let translation = Translation::built_in("nocturnal-leg-cramps", Language::Spanish).unwrap();
    let en = "Hormones and diabetes (endocrinology)";
    let entries = || translation.entries.iter().filter(|e| e.en == en);
    assert_eq!(entries().count(), 2);
    assert!(entries().any(|e| e.source == "Treatment department"));
    // Either entry dropped: the statement it stood for is found without its source.
    for source in entries().map(|e| e.source.clone()) {
        let mut lacking = translation.clone();
        lacking
            .entries
            .retain(|e| !(e.en == en && e.source == source));
        let problems = lacking.problems(&guide);
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert!(
            problems[0].contains("but the statement's is"),
            "{problems:?}"
        );
    }
    // The two entries may not say it two ways, nor one stand under a source no statement
    // printing it has.
    let mut two_ways = translation.clone();
    let last = two_ways.entries.iter_mut().rfind(|e| e.en == en).unwrap();
    last.text = "Endocrinología".into();
    let problems = two_ways.problems(&guide);
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert!(problems[0].contains("translated two ways"), "{problems:?}");
    let mut stray = translation.clone();
    let mut extra = stray.entries.iter().find(|e| e.en == en).unwrap().clone();
    extra.source = "Somewhere else".into();
    stray.entries.push(extra);
    let problems = stray.problems(&guide);
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert!(problems[0].contains("is no statement's"), "{problems:?}");
    let mut twice = translation.clone();
    let again = twice.entries.iter().find(|e| e.en == en).unwrap().clone();
    twice.entries.push(again);
    let problems = twice.problems(&guide);
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert!(problems[0].contains("translated twice"), "{problems:?}");
}

#[test]
fn each_translated_section_reads_bastante_facil_or_plainer() {
    let mut report = Vec::new();
    for (guide, translation) in each() {
        let mut by_section: BTreeMap<Section, Counts> = BTreeMap::new();
        for p in guide.printed() {
            let text = &translation.of(p.en).unwrap().text;
            let counts = by_section.entry(p.section).or_default();
            *counts = *counts + spanish_counts(text);
        }
        for (section, counts) in by_section {
            let score = counts.perspicuity();
            let level = Inflesz::of(score);
            report.push(format!(
                "{} {}: {score:.1} ({})",
                guide.id,
                section.name(),
                level.name()
            ));
            assert!(
                level >= Inflesz::BastanteFacil,
                "{} {}: {score:.1}, {}",
                guide.id,
                section.name(),
                level.name()
            );
        }
    }
    println!("{}", report.join("\n"));
}

#[test]
fn a_spanish_sheet_prints_the_translated_guide() {
    let dir = tempfile::tempdir().unwrap();
    let intake = dir.path().join("i.toml");
    std::fs::write(
        &intake,
        "guide = \"general\"\n[patient]\nname = \"Rosa Ejemplo\"\nlanguage = \"español\"\n\
         [visit]\nwhen = 2026-12-02T16:00:00\n",
    )
    .unwrap();
    let pdf = dir.path().join("es.pdf");
    render(&intake, &pdf, &[]);
    let text = pdf_text(&pdf);
    let es = Translation::built_in("general", Language::Spanish).unwrap();
    for en in [
        "What discomfort do you have now?",
        "Bring this sheet and hand it to the doctor.",
    ] {
        let t = &es.of(en).unwrap().text;
        assert!(squash(&text).contains(&squash(t)), "{t} missing");
        assert!(!text.contains(en), "{en} in English");
    }
    assert!(
        !text.contains("están en inglés"),
        "the note on an untranslated guide"
    );
    // Bilingual: the doctor reads the questions in English, the patient the checklist in
    // Spanish.
    render(&intake, &pdf, &["--doctor-lang", "en"]);
    let text = pdf_text(&pdf);
    assert!(text.contains("What discomfort do you have now?"));
    assert!(squash(&text).contains(&squash("Lleve esta hoja y désela al médico.")));
    assert!(!text.contains("Bring this sheet and hand it to the doctor."));
}

#[test]
fn guides_sources_shows_english_and_spanish_side_by_side() {
    let o = run(&["guides", "general", "--sources", "--lang", "es"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let out = stdout(&o);
    let question = out
        .lines()
        .position(|l| l.starts_with("What discomfort do you have now?"))
        .unwrap();
    assert!(out
        .lines()
        .nth(question)
        .unwrap()
        .contains("What questions might a"));
    assert_eq!(
        out.lines().nth(question + 1).unwrap().split("  ").next(),
        Some("es: ¿Qué molestia tiene ahora?")
    );
    assert!(!out.contains("(not translated)"));
    let o = run(&[
        "guides",
        "nocturnal-leg-cramps",
        "--sources",
        "--lang",
        "fr",
    ]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).contains("no translation into \"fr\""),
        "{}",
        stderr(&o)
    );
}
