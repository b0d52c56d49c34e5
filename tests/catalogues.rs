//! Every catalogue of the program's words (the sheet's, the interview's, `check`'s, the web
//! form's) holds every message the English one has, and no other: a language is added by
//! adding complete files, and a message missing from one would print in English on a sheet,
//! in an interview or on the form, in another language.

use std::collections::BTreeSet;

use visitprep::words::{message_ids, Catalogue, Words, CATALOGUES};
use visitprep::Language;

fn ids(source: &str) -> BTreeSet<String> {
    message_ids(source).into_iter().collect()
}

#[test]
fn every_catalogue_has_every_english_message_and_no_other() {
    assert!(ids(CATALOGUES[0].1).len() > 150);
    for catalogue in Catalogue::ALL {
        let sources = catalogue.sources();
        let english = ids(sources[0].1);
        for (language, source) in &sources[1..] {
            let here = ids(source);
            let missing: Vec<_> = english.difference(&here).collect();
            let extra: Vec<_> = here.difference(&english).collect();
            assert!(
                missing.is_empty() && extra.is_empty(),
                "{}: missing {missing:?}, not in English {extra:?}",
                catalogue.path(*language)
            );
        }
    }
}

#[test]
fn a_missing_message_is_found() {
    // The check above must see a gap: the Spanish catalogue without its page label.
    let (_, spanish) = CATALOGUES[1];
    let cut: String = spanish
        .lines()
        .filter(|l| !l.starts_with("page-of "))
        .map(|l| format!("{l}\n"))
        .collect();
    let missing: Vec<String> = ids(CATALOGUES[0].1)
        .difference(&ids(&cut))
        .cloned()
        .collect();
    assert_eq!(missing, ["page-of"]);
}

/// Each one-line message's text as written in the catalogue.
fn texts(source: &str) -> Vec<(String, String)> {
    source
        .lines()
        .filter(|l| !l.starts_with('#') && !l.starts_with(' '))
        .filter_map(|l| l.split_once(" = "))
        .map(|(id, text)| (id.to_string(), text.to_string()))
        .collect()
}

#[test]
fn no_message_of_another_language_is_english_by_accident() {
    // A message copied over untranslated reads the same as the English one. Some words are
    // the same in two languages ("Patient", "Minutes" in French), and a date's pattern has
    // no words, so only a message of more than one word counts.
    for catalogue in Catalogue::ALL {
        let sources = catalogue.sources();
        let english = texts(sources[0].1);
        for (language, source) in &sources[1..] {
            let here = texts(source);
            let same: Vec<&String> = english
                .iter()
                .filter(|(_, text)| {
                    text.split_whitespace()
                        .filter(|w| w.chars().all(char::is_alphabetic))
                        .count()
                        > 1
                })
                .filter(|e| here.contains(e))
                .map(|(id, _)| id)
                .collect();
            assert!(same.is_empty(), "{}: {same:?}", catalogue.path(*language));
        }
    }
}

#[test]
fn dates_and_numbers_follow_the_language() {
    let day = chrono::NaiveDate::from_ymd_opt(1956, 3, 14).unwrap();
    let en = Words::of(Language::English);
    let es = Words::of(Language::Spanish);
    let fr = Words::of(Language::French);
    assert_eq!(en.long_date(day), "14 March 1956");
    assert_eq!(es.long_date(day), "14 de marzo de 1956");
    assert_eq!(fr.long_date(day), "14 mars 1956");
    assert_eq!(en.weekday(day), "Wednesday");
    assert_eq!(es.weekday(day), "miércoles");
    assert_eq!(en.one_decimal(6.5), "6.5");
    assert_eq!(es.one_decimal(6.5), "6,5");
    assert_eq!(fr.number(2.5), "2,5");
    assert_eq!(es.page_label().of(2, 13), "Página 2 de 13");
    assert_eq!(en.page_label().of(2, 13), "Page 2 of 13");
}

#[test]
fn plural_forms_follow_the_language() {
    let day = chrono::NaiveDate::from_ymd_opt(2026, 11, 3).unwrap();
    let en = Words::of(Language::English);
    let es = Words::of(Language::Spanish);
    let logged = |w: &Words, n: usize| {
        w.with(
            "diary-logged",
            &[
                ("count", Words::count(n)),
                ("first", Words::text(w.long_date(day))),
                ("last", Words::text(w.long_date(day))),
            ],
        )
    };
    assert_eq!(
        logged(en, 1),
        "1 entry from 3 November 2026 to 3 November 2026"
    );
    assert!(logged(en, 2).starts_with("2 entries "));
    assert!(logged(es, 1).starts_with("1 anotación del 3 de noviembre de 2026"));
    assert!(logged(es, 7).starts_with("7 anotaciones "));
}

#[test]
fn languages_are_named_as_people_name_them() {
    for words in [
        "es",
        "ES",
        "es-MX",
        "Spanish",
        "español",
        "Español",
        "castellano",
    ] {
        assert_eq!(
            Language::from_words(words),
            Some(Language::Spanish),
            "{words}"
        );
    }
    assert_eq!(Language::from_words("français"), Some(Language::French));
    assert_eq!(Language::from_words("English"), Some(Language::English));
    assert_eq!(Language::from_words("Klingon"), None);
    assert_eq!(Language::from_words("estonian"), None);
    assert_eq!(
        Language::from_answer("Spanish (some English)"),
        Some(Language::Spanish)
    );
    assert_eq!(Language::from_answer("Urdu"), None);
}

#[test]
fn the_web_form_has_its_own_catalogue_with_a_message_for_each_list() {
    assert!(Catalogue::ALL.contains(&Catalogue::Form));
    let english = ids(Catalogue::Form.sources()[0].1);
    assert!(english.len() > 150, "{} messages", english.len());
    // Each list says "add another" in words of its own, never a noun put in a pattern:
    // in Spanish a medicine is "otro", an allergy "otra".
    let es = Words::from(Catalogue::Form, Language::Spanish);
    assert_eq!(es.get("form-add-medicine"), "Añadir otro medicamento");
    assert_eq!(es.get("form-add-allergy"), "Añadir otra alergia");
    let fr = Words::from(Catalogue::Form, Language::French);
    assert_eq!(fr.get("form-add-allergy"), "Ajouter une autre allergie");
    let en = Words::from(Catalogue::Form, Language::English);
    assert_eq!(en.get("form-add-medicine"), "Add another medicine");
    assert_eq!(
        en.with("form-remove-medicine", &[("n", Words::count(2))]),
        "Remove medicine 2"
    );
    // The summary's count chooses the plural form.
    let summary = |w: &Words, n| w.with("form-summary-title", &[("count", Words::count(n))]);
    assert_eq!(summary(en, 1), "Please check 1 answer");
    assert_eq!(summary(en, 3), "Please check 3 answers");
    assert_eq!(summary(es, 1), "Revise 1 respuesta");
    assert_eq!(summary(es, 3), "Revise 3 respuestas");
    assert_eq!(summary(fr, 2), "Vérifiez 2 réponses");
}
