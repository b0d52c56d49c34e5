//! When a guide item applies: its condition, tested against facts from the intake.

use super::{Advice, Condition, Guide, Sign};

impl Condition {
    /// When the condition holds, in words: "pregnant; mentions diabetes or low calcium".
    pub fn describe(&self) -> String {
        let yes_no = |v: bool, yes: &str, no: &str| if v { yes } else { no }.to_string();
        let mut parts = Vec::new();
        parts.extend(self.pregnant.map(|p| yes_no(p, "pregnant", "not pregnant")));
        parts.extend(
            self.has_medications
                .map(|m| yes_no(m, "takes medicines", "takes no medicines")),
        );
        parts.extend(
            self.companion
                .map(|c| yes_no(c, "someone comes along", "nobody comes along")),
        );
        if !self.mentions.is_empty() {
            parts.push(format!("mentions {}", self.mentions.join(" or ")));
        }
        if !self.words.is_empty() {
            parts.push(format!("writes {}", self.words.join(" or ")));
        }
        parts.extend(
            self.booked
                .map(|b| yes_no(b, "the visit is booked", "no visit booked yet")),
        );
        parts.extend(self.afternoon.map(|a| {
            yes_no(
                a,
                "the visit is in the afternoon",
                "the visit is not in the afternoon",
            )
        }));
        parts.join("; ")
    }
}

/// What a guide's conditions are tested against: facts from the intake, in the guide's terms.
#[derive(Debug, Clone, Default)]
pub struct Facts {
    pub pregnant: bool,
    pub has_medications: bool,
    pub companion: bool,
    /// The patient's own free text (conditions, notes, reason, answers).
    pub own_words: OwnWords,
    /// The visit's day is given.
    pub booked: bool,
    /// The visit's time is given, at noon or later.
    pub afternoon: bool,
}

impl Facts {
    pub fn holds(&self, condition: &Condition) -> bool {
        condition.pregnant.is_none_or(|p| p == self.pregnant)
            && condition
                .has_medications
                .is_none_or(|m| m == self.has_medications)
            && condition.companion.is_none_or(|c| c == self.companion)
            && condition.booked.is_none_or(|b| b == self.booked)
            && condition.afternoon.is_none_or(|a| a == self.afternoon)
            && (condition.words.is_empty()
                || condition
                    .words
                    .iter()
                    .any(|word| self.own_words.has_phrase(word)))
            && (condition.mentions.is_empty()
                || condition
                    .mentions
                    .iter()
                    .any(|word| self.own_words.has_word_start(word)))
    }
}

/// The patient's own free text, lower-cased and cut into words once: a guide's conditions
/// are tested against it for every item of every part of the sheet.
#[derive(Debug, Clone, Default)]
pub struct OwnWords {
    text: String,
    words: Vec<String>,
}

impl OwnWords {
    /// The text lower-cased.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// [`contains_whole_words`] on this text.
    pub fn has_phrase(&self, phrase: &str) -> bool {
        let needle = words_of(phrase);
        !needle.is_empty()
            && self
                .words
                .windows(needle.len())
                .any(|w| w == needle.as_slice())
    }

    /// [`mentions_word`] on this text.
    fn has_word_start(&self, word: &str) -> bool {
        starts_a_word(&self.text, &word.to_lowercase())
    }
}

impl From<String> for OwnWords {
    fn from(text: String) -> OwnWords {
        let text = text.to_lowercase();
        OwnWords {
            words: words_of(&text),
            text,
        }
    }
}

impl From<&str> for OwnWords {
    fn from(text: &str) -> OwnWords {
        OwnWords::from(text.to_string())
    }
}

/// The words of `s`, lower-cased, without punctuation.
fn words_of(s: &str) -> Vec<String> {
    s.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// True when `word` (case-insensitive) starts a word somewhere in `text`.
pub fn mentions_word(text: &str, word: &str) -> bool {
    starts_a_word(&text.to_lowercase(), &word.to_lowercase())
}

/// [`mentions_word`] on text and word already lower-cased.
fn starts_a_word(text: &str, word: &str) -> bool {
    if word.is_empty() {
        return false;
    }
    text.match_indices(word).any(|(i, _)| {
        text[..i]
            .chars()
            .next_back()
            .is_none_or(|c| !c.is_alphanumeric())
    })
}

/// True when `booked`, as the patient wrote it, names the department `name`. A guide writes a
/// department plain words first, its term after: "Neurology" and "nerves and the brain" both
/// name "Nerves and the brain (neurology)".
pub fn same_department(name: &str, booked: &str) -> bool {
    let norm = |s: &str| s.trim().to_lowercase();
    let booked = norm(booked);
    if booked.is_empty() {
        return false;
    }
    let name = norm(name);
    let (plain, term) = match name.rsplit_once('(') {
        Some((plain, term)) => (
            plain.trim().to_string(),
            term.trim_end_matches(')').trim().to_string(),
        ),
        None => (name.clone(), name.clone()),
    };
    booked == name || booked == plain || booked == term
}

/// True when `phrase` appears in `text` as whole words, ignoring case and punctuation:
/// "Atorvastatin 20 mg" contains "atorvastatin", "Lipitor (atorvastatin)" does too.
pub fn contains_whole_words(text: &str, phrase: &str) -> bool {
    OwnWords::from(text).has_phrase(phrase)
}

/// A sign of one of the guide's `[[seek_care]]` items in the patient's own words.
#[derive(Debug, Clone, PartialEq)]
pub struct SignFound<'g> {
    /// Which of the texts searched holds it.
    pub place: usize,
    /// The sentence that holds it, as written.
    pub sentence: String,
    pub advice: &'g Advice,
}

impl Guide {
    /// The signs in `texts`, most urgent first and then in the order of the texts. A
    /// sentence is named once, under the most urgent item it is a sign of.
    pub fn signs_in(&self, texts: &[&str]) -> Vec<SignFound<'_>> {
        let mut found: Vec<SignFound> = Vec::new();
        let mut items: Vec<&Advice> = self
            .seek_care
            .iter()
            .filter(|a| !a.signs.is_empty())
            .collect();
        items.sort_by_key(|a| a.tier);
        // Each text is cut into sentences and words once: the signs are many and the
        // answers long, and a page 1 is built several times while it is fitted.
        let read: Vec<Vec<Sentence>> = texts.iter().map(|t| sentences_of(t)).collect();
        for advice in items {
            for (place, sentences_here) in read.iter().enumerate() {
                let mut sentences: Vec<&str> = advice
                    .signs
                    .iter()
                    .flat_map(|sign| {
                        sentences_here
                            .iter()
                            .filter(|s| s.holds(sign))
                            .map(|s| s.written.as_str())
                    })
                    .collect();
                sentences.dedup();
                for sentence in sentences {
                    let named = found
                        .iter()
                        .any(|f| f.place == place && f.sentence == sentence);
                    if !named {
                        found.push(SignFound {
                            place,
                            sentence: sentence.to_string(),
                            advice,
                        });
                    }
                }
            }
        }
        found.sort_by_key(|f| (f.advice.tier, f.place));
        found
    }
}

/// One sentence of the patient's text: as written (white space collapsed), and its words
/// lower-cased.
struct Sentence {
    written: String,
    words: Vec<String>,
    /// The same words sorted, so that a phrase whose first word is not in the sentence (as
    /// nearly all are not) is passed over at the cost of a lookup.
    sorted: Vec<String>,
}

impl Sentence {
    fn holds(&self, sign: &Sign) -> bool {
        sign.groups
            .iter()
            .zip(&sign.first_words)
            .all(|(group, firsts)| {
                group.iter().zip(firsts).any(|(phrase, first)| {
                    !first.is_empty()
                        && self
                            .sorted
                            .binary_search_by(|w| w.as_str().cmp(first))
                            .is_ok()
                        && affirmed_at(&self.words, phrase).is_some()
                })
            })
    }
}

fn sentences_of(text: &str) -> Vec<Sentence> {
    text.split(['.', '!', '?', ';', '\n'])
        .map(|sentence| {
            let words = words_of(sentence);
            let mut sorted = words.clone();
            sorted.sort_unstable();
            Sentence {
                written: sentence.split_whitespace().collect::<Vec<_>>().join(" "),
                words,
                sorted,
            }
        })
        .filter(|s| !s.written.is_empty())
        .collect()
}

/// Words that turn what follows into its opposite: "no swelling", "not swollen", "isn't"
/// (split at the apostrophe, its "t" stands alone), and in Spanish "no está hinchada", "sin
/// hinchazón", "ni roja". Spanish "nada" is left out: it follows the "no" it doubles ("no
/// noto nada"), and it ends many a clause that is not denied.
const NEGATIONS: &[&str] = &[
    "no", "not", "never", "without", "none", "nor", "t", "sin", "nunca", "jamás", "jamas", "ni",
    "ningún", "ningun", "ninguna", "ninguno", "tampoco",
];
/// Words that end what a negation before them covers: "no pain but a swollen calf", "no
/// duele pero está hinchada"; "embargo" ends "sin embargo" ("however"), which denies nothing.
const CLAUSE_TURNS: &[&str] = &[
    "but", "yet", "though", "although", "however", "pero", "aunque", "sino", "embargo",
];
/// How many words before a sign a negation still covers it.
const NEGATION_REACH: usize = 3;

/// The sentences of `text` in which `sign` is found, as written (white space collapsed).
pub fn sign_sentences(text: &str, sign: &Sign) -> Vec<String> {
    sentences_of(text)
        .into_iter()
        .filter(|s| s.holds(sign))
        .map(|s| s.written)
        .collect()
}

/// Where `phrase` (whole words) stands in `words` with no negation just before it.
fn affirmed_at(words: &[String], phrase: &str) -> Option<usize> {
    // Called for every sentence, sign and phrase: the phrase is walked in place rather than
    // cut into a list each time.
    let needle = || {
        phrase
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
    };
    let first = needle().next()?;
    let len = needle().count();
    if len > words.len() {
        return None;
    }
    (0..=words.len() - len).find(|&i| {
        words[i] == first
            && words[i..i + len].iter().zip(needle()).all(|(w, n)| w == n)
            && !words[i.saturating_sub(NEGATION_REACH)..i]
                .iter()
                .rev()
                .take_while(|w| !CLAUSE_TURNS.contains(&w.as_str()))
                .any(|w| NEGATIONS.contains(&w.as_str()))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn conditions_match_word_starts_only() {
        assert!(mentions_word("Type 2 Diabetes", "diabetes"));
        assert!(!mentions_word("hypothyroidism", "thyroid"));
        assert!(mentions_word("thyroid disease", "thyroid"));
        let facts = Facts {
            pregnant: true,
            own_words: "numbness in my feet".into(),
            ..Facts::default()
        };
        let cond = Condition {
            pregnant: Some(true),
            mentions: vec!["numb".into()],
            ..Condition::default()
        };
        assert!(facts.holds(&cond));
        assert!(!Facts::default().holds(&cond));
        assert!(Facts::default().holds(&Condition::default()));
    }

    #[test]
    fn whole_words_are_not_word_starts() {
        let facts = Facts {
            own_words: "some discomfort in my calf".into(),
            ..Facts::default()
        };
        let disc = Condition {
            words: vec!["disc".into(), "slipped disc".into()],
            ..Condition::default()
        };
        assert!(!facts.holds(&disc));
        let facts = Facts {
            own_words: "a slipped disc in 2019".into(),
            ..Facts::default()
        };
        assert!(facts.holds(&disc));
    }

    #[test]
    fn the_visit_day_and_time_are_facts() {
        let afternoon = Facts {
            booked: true,
            afternoon: true,
            ..Facts::default()
        };
        let not_booked = Condition {
            booked: Some(false),
            ..Condition::default()
        };
        let morning = Condition {
            afternoon: Some(false),
            ..Condition::default()
        };
        assert!(!afternoon.holds(&not_booked));
        assert!(!afternoon.holds(&morning));
        assert!(Facts::default().holds(&not_booked));
        assert!(Facts::default().holds(&morning));
    }

    #[test]
    fn signs_are_found_in_one_sentence_and_not_when_denied() {
        let calf = Sign::parse("swollen|swelling + calf|leg");
        let found = sign_sentences(
            "Cramps at night. Since Sunday my left calf is swollen and red; it hurts.",
            &calf,
        );
        assert_eq!(found, ["Since Sunday my left calf is swollen and red"]);
        // The words in two sentences, or denied, are not the sign.
        for text in [
            "My calf is sore. My ankle is swollen.",
            "No swelling in my legs.",
            "My calf is not swollen.",
            "The calf isn't swollen",
            "Swollen ankles in the evening.",
        ] {
            assert!(sign_sentences(text, &calf).is_empty(), "{text}");
        }
        // A negation before a turn does not reach past it.
        assert_eq!(sign_sentences("No pain but swollen calf", &calf).len(), 1);
        let breath = Sign::parse("short of breath|chest pain");
        assert_eq!(
            sign_sentences("I get chest pain when I climb stairs", &breath).len(),
            1
        );
        assert!(sign_sentences("I have no chest pain", &breath).is_empty());
        assert!(Sign::parse("a||b").is_malformed());
        assert!(Sign::parse("a + ").is_malformed());
        assert!(!calf.is_malformed());
    }

    #[test]
    fn spanish_signs_are_found_and_spanish_denials_are_heard() {
        let guide = crate::guide::Guide::built_in("nocturnal-leg-cramps").unwrap();
        let flags = |text: &str| -> Vec<String> {
            guide
                .signs_in(&[text])
                .iter()
                .map(|f| f.advice.flag.clone().unwrap_or_default())
                .collect()
        };
        for (text, flag) in [
            (
                "Desde el domingo tengo la pantorrilla izquierda hinchada y me duele.",
                "Calf or leg swollen",
            ),
            (
                "La pierna derecha está más caliente y roja que la otra.",
                "Leg colour or warmth changed",
            ),
            (
                "Esta mañana el pie se me puso frío y pálido.",
                "Leg cold and pale",
            ),
            (
                "Me falta el aire al subir la escalera.",
                "Breathless, chest pain or coughing blood",
            ),
            (
                "No me duele, pero la pierna está hinchada.",
                "Calf or leg swollen",
            ),
            (
                "Sin embargo, la pierna está hinchada.",
                "Calf or leg swollen",
            ),
            (
                "Me quedo sin aire.",
                "Breathless, chest pain or coughing blood",
            ),
        ] {
            assert_eq!(
                flags(text).first().map(String::as_str),
                Some(flag),
                "{text}"
            );
        }
        for text in [
            "No tengo la pierna hinchada.",
            "La pantorrilla no está hinchada, solo dolorida.",
            "Sin hinchazón en las piernas.",
            "Ni roja ni más caliente la pierna.",
            "Nunca he tenido dolor en el pecho.",
            "Pongo una bolsa de agua caliente en la pierna.",
        ] {
            assert!(flags(text).is_empty(), "{text}: {:?}", flags(text));
        }
    }

    #[test]
    fn a_booked_department_matches_its_plain_name_or_its_term() {
        let name = "Hormones and diabetes (endocrinology)";
        assert!(same_department(name, "Endocrinology"));
        assert!(same_department(name, " hormones and diabetes "));
        assert!(same_department(
            name,
            "Hormones and diabetes (Endocrinology)"
        ));
        assert!(!same_department(name, "Neurology"));
        assert!(!same_department(name, ""));
        assert!(same_department("Neurology", "neurology"));
        assert!(!same_department("Neurology", "Neuro"));
    }

    #[test]
    fn whole_word_medicine_names() {
        assert!(contains_whole_words("Atorvastatin 20 mg", "atorvastatin"));
        assert!(contains_whole_words(
            "Lipitor (atorvastatin)",
            "atorvastatin"
        ));
        assert!(!contains_whole_words("notatorvastatin", "atorvastatin"));
        assert!(contains_whole_words("vitamin B1", "vitamin b1"));
    }
}
