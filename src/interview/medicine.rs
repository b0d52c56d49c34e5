//! A medicine typed on one line, as it is written on the box or said aloud: "Lasix 40mg
//! once a day", "metformin 500 mg twice daily", "Vitamin D3 1000 IU every morning".
//!
//! Asking name, dose and how often as three questions is slow for someone who has the box in
//! hand; storing the whole line as the name puts the dose where the doctor reads the name.
//! The split is only a proposal: the interview reads it back for a yes or no. Lines in
//! Spanish and French split the same way: "Omeprazol 20 mg una vez al día", "aspirina cada
//! mañana", "Doliprane 1000 mg trois fois par jour".

/// A medicine line split into its parts, each as typed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MedicineLine {
    pub name: String,
    pub dose: Option<String>,
    pub how_often: Option<String>,
}

/// Units a dose is given in, in lower case; a dose is a number with one of these, joined
/// ("40mg") or as the next word ("40 mg").
const UNITS: &[&str] = &[
    "mg",
    "g",
    "gram",
    "grams",
    "mcg",
    "µg",
    "μg",
    "ug",
    "ng",
    "ml",
    "l",
    "iu",
    "unit",
    "units",
    "u",
    "%",
    "mmol",
    "tablet",
    "tablets",
    "tab",
    "tabs",
    "pill",
    "pills",
    "capsule",
    "capsules",
    "cap",
    "caps",
    "puff",
    "puffs",
    "drop",
    "drops",
    "spray",
    "sprays",
    "sachet",
    "sachets",
    "patch",
    "patches",
    "teaspoon",
    "teaspoons",
    "tsp",
    "spoonful",
    "spoonfuls",
    "injection",
    "injections",
    // Spanish
    "comprimido",
    "comprimidos",
    "pastilla",
    "pastillas",
    "cápsula",
    "cápsulas",
    "capsula",
    "capsulas",
    "gota",
    "gotas",
    "sobre",
    "sobres",
    "inhalación",
    "inhalaciones",
    "cucharada",
    "cucharadas",
    // French
    "comprimé",
    "comprimés",
    "gélule",
    "gélules",
    "goutte",
    "gouttes",
    "bouffée",
    "bouffées",
];

/// A count in words, for doses like "one tablet" or "half a tablet".
const COUNT_WORDS: &[&str] = &[
    "one", "two", "three", "four", "half", "a", "un", "una", "dos", "tres", "medio", "media",
    "une", "deux", "trois", "demi",
];

/// Words that begin a "how often" when no dose comes before it: "aspirin every morning".
const HOW_OFTEN_STARTS: &[&str] = &[
    "once", "twice", "three", "four", "every", "each", "daily", "nightly", "weekly", "monthly",
    "morning", "mornings", "evening", "evenings", "at", "in", "as", "when", "before", "after",
    "with", "on", "if", "per", "a", // Spanish
    "cada", "una", "dos", "tres", "por", "al", "diario", "diaria", "si", "cuando", "antes",
    "después", "con", // French
    "chaque", "une", "deux", "trois", "le", "la", "tous", "matin", "soir", "au", "avant", "après",
];

/// Splits `line` where it holds a dose or a how-often after the name; `None` when it reads as
/// a name alone (then the dose and how often are asked on their own).
pub fn split(line: &str) -> Option<MedicineLine> {
    let words: Vec<&str> = line.split_whitespace().collect();
    // The first word is always part of the name: "5-FU" or "10-day pack" are names too.
    for at in 1..words.len() {
        if let Some(taken) = dose_at(&words[at..]) {
            let rest = &words[at + taken..];
            return Some(MedicineLine {
                name: words[..at].join(" "),
                dose: Some(words[at..at + taken].join(" ")),
                how_often: how_often_of(rest),
            });
        }
    }
    // No dose: a how-often phrase at the end, after at least one word of name. Only the words
    // that surely start one are taken here, so "Vitamin D" or "Magne B6" stay names.
    for at in 1..words.len() {
        let word = bare(words[at]);
        let next = words.get(at + 1).map(|w| bare(w));
        let next = next.as_deref();
        let starts = matches!(
            word.as_str(),
            "once" | "twice" | "every" | "each" | "daily" | "nightly" | "weekly" | "monthly"
                | "cada" | "diario" | "diariamente" | "chaque"
        ) || (word == "as" || word == "when") && next == Some("needed")
            || word == "at" && next == Some("night")
            // "una vez al día", "dos veces", "por la noche"; "une fois", "tous les jours"
            || matches!(word.as_str(), "una" | "dos" | "tres") && matches!(next, Some("vez" | "veces"))
            || word == "por" && next == Some("la")
            || matches!(word.as_str(), "une" | "deux" | "trois") && next == Some("fois")
            || word == "tous" && next == Some("les");
        if starts {
            return Some(MedicineLine {
                name: words[..at].join(" "),
                dose: None,
                how_often: how_often_of(&words[at..]),
            });
        }
    }
    None
}

/// Whether a "how often" says the medicine is taken only when needed: "as needed", "when
/// needed", "if needed", "as required", "PRN". The sheet then lists it as such, as the
/// intake's `as_needed = true` would.
pub fn taken_as_needed(how_often: &str) -> bool {
    let words: Vec<String> = how_often.split_whitespace().map(bare).collect();
    words.iter().any(|w| w == "prn")
        || words.windows(2).any(|pair| {
            matches!(pair[0].as_str(), "as" | "when" | "if")
                && matches!(pair[1].as_str(), "needed" | "required" | "necessary")
                // "a demanda"; "si besoin", "au besoin"
                || pair[0] == "a" && pair[1] == "demanda"
                || matches!(pair[0].as_str(), "si" | "au") && pair[1] == "besoin"
        })
        // "si lo necesito", "cuando lo necesite", "si hace falta", "en cas de besoin"
        || words.windows(3).any(|w| {
            matches!(w[0].as_str(), "si" | "cuando")
                && (w[1..].iter().any(|x| x.starts_with("necesit")) || w[1] == "hace" && w[2] == "falta")
                || w[0] == "cas" && w[1] == "de" && w[2] == "besoin"
        })
}

/// A word in lower case without the punctuation around it.
fn bare(word: &str) -> String {
    word.trim_matches(|c: char| matches!(c, ',' | ';' | '(' | ')' | '.' | '-'))
        .to_lowercase()
}

/// How many words at the start of `words` make a dose: "40mg", "40 mg", "12.5 mg", "30/500",
/// "1 tablet", "one tablet", "half a tablet", "500mg/5ml". Zero is `None`.
fn dose_at(words: &[&str]) -> Option<usize> {
    let first = words.first()?.trim_end_matches([',', ';']);
    let digits = first
        .find(|c: char| !(c.is_ascii_digit() || matches!(c, '.' | ',' | '/')))
        .unwrap_or(first.len());
    let unit_of = |w: &str| UNITS.contains(&bare(w).as_str());
    if digits > 0 && first.starts_with(|c: char| c.is_ascii_digit()) {
        let rest = &first[digits..];
        if rest.is_empty() {
            // A number alone is a dose when a unit follows, or it is a strength like "30/500".
            return Some(if words.get(1).is_some_and(|w| unit_of(w)) {
                2
            } else if first.contains('/') || words.len() > 1 && starts_how_often(words[1]) {
                1
            } else {
                return None;
            });
        }
        // "40mg", "500mg/5ml": a unit, maybe per a second amount.
        let unit = rest.split('/').next().unwrap_or(rest);
        return unit_of(unit).then_some(1);
    }
    let word = bare(first);
    if COUNT_WORDS.contains(&word.as_str()) {
        // "one tablet", "half a tablet"
        if words.get(1).is_some_and(|w| unit_of(w)) && word != "a" {
            return Some(2);
        }
        if word == "half" && words.get(1).is_some_and(|w| bare(w) == "a") {
            return words.get(2).is_some_and(|w| unit_of(w)).then_some(3);
        }
    }
    None
}

fn starts_how_often(word: &str) -> bool {
    HOW_OFTEN_STARTS.contains(&bare(word).as_str())
}

fn how_often_of(words: &[&str]) -> Option<String> {
    let words: Vec<&str> = words
        .iter()
        .copied()
        .skip_while(|w| matches!(bare(w).as_str(), "" | "taken" | "take"))
        .collect();
    let text = words.join(" ");
    let text = text.trim_matches(|c: char| c == ',' || c == ';' || c.is_whitespace());
    (!text.is_empty()).then(|| text.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn as_needed_is_read_from_how_often() {
        for yes in [
            "as needed",
            "one tablet when needed for pain",
            "If required",
            "PRN",
            "2 puffs (prn)",
        ] {
            assert!(taken_as_needed(yes), "{yes}");
        }
        for yes in [
            "si lo necesito",
            "cuando lo necesite",
            "si hace falta",
            "a demanda",
            "si besoin",
            "en cas de besoin",
        ] {
            assert!(taken_as_needed(yes), "{yes}");
        }
        for no in [
            "every morning",
            "once a day",
            "needed daily",
            "as before",
            "",
            "cada mañana",
            "le soir",
        ] {
            assert!(!taken_as_needed(no), "{no}");
        }
    }

    fn parts(line: &str) -> Option<(String, Option<String>, Option<String>)> {
        split(line).map(|m| (m.name, m.dose, m.how_often))
    }

    fn some(
        name: &str,
        dose: Option<&str>,
        how_often: Option<&str>,
    ) -> Option<(String, Option<String>, Option<String>)> {
        Some((
            name.into(),
            dose.map(String::from),
            how_often.map(String::from),
        ))
    }

    #[test]
    fn name_dose_and_how_often_on_one_line() {
        let cases = [
            (
                "Lasix 40mg once a day",
                some("Lasix", Some("40mg"), Some("once a day")),
            ),
            (
                "metformin 500 mg twice daily",
                some("metformin", Some("500 mg"), Some("twice daily")),
            ),
            (
                "Vitamin D3 1000 IU every morning",
                some("Vitamin D3", Some("1000 IU"), Some("every morning")),
            ),
            (
                "hydrochlorothiazide 12.5 mg",
                some("hydrochlorothiazide", Some("12.5 mg"), None),
            ),
            (
                "Ramipril 5mg, at night",
                some("Ramipril", Some("5mg,"), Some("at night")),
            ),
            (
                "co-codamol 30/500 when needed",
                some("co-codamol", Some("30/500"), Some("when needed")),
            ),
            (
                "Lactulose 15ml/5ml twice a day",
                some("Lactulose", Some("15ml/5ml"), Some("twice a day")),
            ),
            (
                "paracetamol one tablet as needed",
                some("paracetamol", Some("one tablet"), Some("as needed")),
            ),
            (
                "Warfarin half a tablet daily",
                some("Warfarin", Some("half a tablet"), Some("daily")),
            ),
            (
                "salbutamol 2 puffs when needed",
                some("salbutamol", Some("2 puffs"), Some("when needed")),
            ),
            (
                "aspirin 75 mg taken every morning",
                some("aspirin", Some("75 mg"), Some("every morning")),
            ),
            (
                "Eliquis 5 twice a day",
                some("Eliquis", Some("5"), Some("twice a day")),
            ),
            (
                "aspirin every morning",
                some("aspirin", None, Some("every morning")),
            ),
            (
                "ibuprofen as needed",
                some("ibuprofen", None, Some("as needed")),
            ),
            (
                "Zopiclone at night",
                some("Zopiclone", None, Some("at night")),
            ),
        ];
        for (line, expected) in cases {
            assert_eq!(parts(line), expected, "{line}");
        }
    }

    #[test]
    fn spanish_and_french_lines_are_split_too() {
        let cases = [
            (
                "Omeprazol 20 mg una vez al día",
                some("Omeprazol", Some("20 mg"), Some("una vez al día")),
            ),
            (
                "Sintrom 4 mg, por la noche",
                some("Sintrom", Some("4 mg,"), Some("por la noche")),
            ),
            (
                "paracetamol una pastilla cada 8 horas",
                some("paracetamol", Some("una pastilla"), Some("cada 8 horas")),
            ),
            (
                "aspirina cada mañana",
                some("aspirina", None, Some("cada mañana")),
            ),
            (
                "Adiro dos veces al día",
                some("Adiro", None, Some("dos veces al día")),
            ),
            (
                "Doliprane 1000 mg trois fois par jour",
                some("Doliprane", Some("1000 mg"), Some("trois fois par jour")),
            ),
            (
                "Kardégic 75 mg le soir",
                some("Kardégic", Some("75 mg"), Some("le soir")),
            ),
            (
                "Levothyrox une gélule tous les matins",
                some("Levothyrox", Some("une gélule"), Some("tous les matins")),
            ),
        ];
        for (line, expected) in cases {
            assert_eq!(parts(line), expected, "{line}");
        }
        // Names of more than one word stay whole.
        for line in ["Hierro Sulfato", "Vitamina D", "Magnésium Marin"] {
            assert_eq!(parts(line), None, "{line}");
        }
    }

    #[test]
    fn a_name_alone_is_not_split() {
        for line in [
            "hydrochlorothiazide",
            "Magne B6",
            "Vitamin D",
            "Магне B6",
            "5-FU",
            "Omega 3",
            "St John's wort",
            "",
        ] {
            assert_eq!(parts(line), None, "{line}");
        }
    }
}
