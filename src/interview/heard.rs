//! What a typed answer means where the interview acts on it: yes or no, none, the sex, a
//! week of pregnancy. People type these in their own words and language, with or without
//! accents, so each is compared as the catalogues' lists of answers hold it.

use super::typing::shown;
use crate::words::Words;

/// `text` as the catalogues' lists of answers hold it: in lower case, its spaces single,
/// without accents (so "si" is "sí", as it is often typed) and with one kind of apostrophe.
fn folded(text: &str) -> String {
    let text: String = text
        .trim()
        .to_lowercase()
        .chars()
        .map(|c| match c {
            'á' | 'à' | 'â' | 'ä' => 'a',
            'é' | 'è' | 'ê' | 'ë' => 'e',
            'í' | 'ì' | 'î' | 'ï' => 'i',
            'ó' | 'ò' | 'ô' | 'ö' => 'o',
            'ú' | 'ù' | 'û' | 'ü' => 'u',
            'ç' => 'c',
            '’' | '‘' => '\'',
            c => c,
        })
        .collect();
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Whether `text` is one of the answers the catalogue's list `id` holds.
pub(super) fn listed(words: &Words, id: &str, text: &str) -> bool {
    let text = folded(text);
    words.get(id).split(',').any(|w| folded(w) == text)
}

/// A yes or no in `words`' language, or `None` for anything else.
pub(super) fn yes_no(words: &Words, text: &str) -> Option<bool> {
    if listed(words, "words-yes", text) {
        Some(true)
    } else if listed(words, "words-no", text) {
        Some(false)
    } else {
        None
    }
}

/// Whether an answer to a list says there are none: in English words ("none", "NKDA") or
/// in those of `words`' language ("ninguna", "aucun").
pub(super) fn says_none(words: &Words, answer: &str) -> bool {
    crate::intake::says_none(answer)
        || listed(
            words,
            "words-none",
            answer.trim().trim_end_matches(['.', '!']),
        )
}

pub(super) fn parse_week(words: &Words, text: &str) -> Result<u8, String> {
    match text.trim().parse::<u8>() {
        Ok(w) if (1..=45).contains(&w) => Ok(w),
        _ => Err(words.with("not-a-week", &[("text", Words::text(shown(text)))])),
    }
}

/// "female" and "male" in the words people use for them; anything else as written.
pub(super) fn sex_of(words: &Words, text: &str) -> String {
    if listed(words, "words-female", text) {
        "female".into()
    } else if listed(words, "words-male", text) {
        "male".into()
    } else {
        text.trim().to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::Language;
    use crate::words::Catalogue;

    fn words(language: Language) -> &'static Words {
        Words::from(Catalogue::Interview, language)
    }

    #[test]
    fn yes_and_no_are_heard_in_the_interview_s_language() {
        // Each language: answers heard as yes, as no, and as neither.
        type Heard = (
            Language,
            &'static [&'static str],
            &'static [&'static str],
            &'static [&'static str],
        );
        let cases: &[Heard] = &[
            (
                Language::English,
                &["yes", "Y", "yes please", "Correct"],
                &["no", "N", "wrong"],
                &["sí", "oui", "maybe", ""],
            ),
            (
                Language::Spanish,
                &["sí", "si", "S", "Sí", "  claro ", "vale"],
                &["no", "N", "No"],
                &["yes", "oui", "quizá", "sí, pero", ""],
            ),
            (
                Language::French,
                &["oui", "O", "Oui", "d’accord", "d'accord"],
                &["non", "n", "NON"],
                &["si", "yes", "peut-être", ""],
            ),
        ];
        for (language, yes, no, neither) in cases {
            let w = words(*language);
            for t in *yes {
                assert_eq!(yes_no(w, t), Some(true), "{language:?} {t:?}");
            }
            for t in *no {
                assert_eq!(yes_no(w, t), Some(false), "{language:?} {t:?}");
            }
            for t in *neither {
                assert_eq!(yes_no(w, t), None, "{language:?} {t:?}");
            }
        }
    }

    #[test]
    fn none_and_the_sex_are_heard_in_the_interview_s_language() {
        let (es, fr) = (words(Language::Spanish), words(Language::French));
        for none in [
            "ninguna",
            "Ninguno.",
            "nada",
            "nada más",
            "No tengo alergias",
            "none",
        ] {
            assert!(says_none(es, none), "{none}");
        }
        for none in ["aucun", "Rien", "je n’en ai pas", "aucune allergie"] {
            assert!(says_none(fr, none), "{none}");
        }
        for item in ["penicilina", "nada de nueces", "pénicilline"] {
            assert!(!says_none(es, item) && !says_none(fr, item), "{item}");
        }
        assert!(!says_none(words(Language::English), "ninguna"));
        assert_eq!(sex_of(es, "Mujer"), "female");
        assert_eq!(sex_of(es, "un hombre"), "male");
        assert_eq!(sex_of(es, "varón"), "male");
        // "m" is "mujer" to some and "masculino" to others: kept as typed.
        assert_eq!(sex_of(es, "m"), "m");
        assert_eq!(sex_of(fr, "Femme"), "female");
        assert_eq!(sex_of(fr, "homme"), "male");
        assert_eq!(sex_of(fr, "M"), "male");
        assert_eq!(sex_of(words(Language::English), "mujer"), "mujer");
    }
}
