//! A date or visit written in French, in the English words the date reader takes: "14 mars
//! 1956" is "14 march 1956", "jeudi prochain à 9h30" "next thursday at 9:30", "il y a deux
//! semaines" "two weeks ago".

/// `text` in the English words the reader takes, where it holds a date word only French
/// uses; else `None`, so that English and Spanish are read exactly as they are ("sept",
/// "six" and "un" are theirs too).
pub(super) fn in_english(text: &str) -> Option<String> {
    let french = text.split_whitespace().any(|w| {
        let w = unaccented(&w.trim_end_matches([',', '.']).to_lowercase());
        is_french(&w)
    });
    french.then(|| date_in_english(text))
}

fn is_french(word: &str) -> bool {
    let shared = matches!(word, "un" | "six" | "sept" | "oct" | "nov" | "dec");
    (english(word).is_some() && !shared)
        || unit(word).is_some()
        || matches!(
            word,
            "aujourd'hui"
                | "demain"
                | "hier"
                | "apres-demain"
                | "avant-hier"
                | "dans"
                | "prochain"
                | "prochaine"
                | "dernier"
                | "derniere"
                | "midi"
                | "minuit"
                | "1er"
                // "il y a": ago.
                | "il"
        )
}

/// `text` with its French date words in English; other words are left as they are, so a
/// date the reader cannot take still gets the reader's own answer.
fn date_in_english(text: &str) -> String {
    let lower = text.trim().to_lowercase().replace(['’', '‘'], "'");
    let words: Vec<String> = lower
        .split_whitespace()
        .map(|w| w.trim_end_matches([',', '.']).to_string())
        .filter(|w| !w.is_empty())
        .collect();
    let mut out: Vec<String> = Vec::new();
    let mut i = 0;
    while i < words.len() {
        let word = unaccented(&words[i]);
        let next = words.get(i + 1).map(|w| unaccented(w));
        let put = |out: &mut Vec<String>, w: &str| out.push(w.to_string());
        match word.as_str() {
            // "il y a 3 jours": three days ago, said after the count.
            "il" if words.get(i + 1).is_some_and(|w| w == "y")
                && words.get(i + 2).is_some_and(|w| w == "a") =>
            {
                let rest = date_in_english(&words[i + 3..].join(" "));
                return format!("{} {rest} ago", out.join(" ")).trim().to_string();
            }
            "le" | "du" | "de" | "la" | "l'" | "en" => {
                // "du matin", "de l'après-midi", "du soir" after an hour.
                let part = match (word.as_str(), next.as_deref()) {
                    ("du", Some("matin")) => Some("am"),
                    ("du", Some("soir")) => Some("pm"),
                    ("de", Some("l'apres-midi")) => Some("pm"),
                    _ => None,
                };
                if let Some(part) = part {
                    put(&mut out, part);
                    i += 1;
                }
            }
            "aujourd'hui" => put(&mut out, "today"),
            "demain" => put(&mut out, "tomorrow"),
            "hier" => put(&mut out, "yesterday"),
            "apres-demain" => out.extend(["in", "2", "days"].map(String::from)),
            "avant-hier" => out.extend(["2", "days", "ago"].map(String::from)),
            "dans" => put(&mut out, "in"),
            "a" => put(&mut out, "at"),
            "midi" => put(&mut out, "noon"),
            "minuit" => put(&mut out, "midnight"),
            "prochain" | "prochaine" if !out.is_empty() => {
                out.insert(out.len() - 1, "next".into());
            }
            "dernier" | "derniere" if !out.is_empty() => {
                out.insert(out.len() - 1, "last".into());
            }
            "1er" => put(&mut out, "1"),
            // "sept" is seven before a unit ("dans sept jours"), else September's short name.
            "sept" if next.as_deref().is_some_and(|n| unit(n).is_some()) => put(&mut out, "seven"),
            other => match english(other).or_else(|| unit(other)) {
                Some(english) => put(&mut out, english),
                None => out.push(hour(&words[i]).unwrap_or_else(|| words[i].clone())),
            },
        }
        i += 1;
    }
    out.join(" ")
}

/// "9h30" as "9:30", "14h" as "14:00"; `None` for anything else.
fn hour(word: &str) -> Option<String> {
    let (h, m) = word.split_once('h')?;
    let digits = |s: &str| !s.is_empty() && s.len() <= 2 && s.bytes().all(|b| b.is_ascii_digit());
    if !digits(h) || !(m.is_empty() || m.len() == 2 && digits(m)) {
        return None;
    }
    Some(format!("{h}:{}", if m.is_empty() { "00" } else { m }))
}

fn unaccented(word: &str) -> String {
    word.chars()
        .map(|c| match c {
            'à' | 'â' => 'a',
            'é' | 'è' | 'ê' | 'ë' => 'e',
            'î' | 'ï' => 'i',
            'ô' => 'o',
            'ù' | 'û' => 'u',
            'ç' => 'c',
            c => c,
        })
        .collect()
}

fn unit(word: &str) -> Option<&'static str> {
    Some(match word {
        "jour" => "day",
        "jours" => "days",
        "semaine" => "week",
        "semaines" => "weeks",
        "mois" => "months",
        _ => return None,
    })
}

/// A month, a weekday or a small number in English.
fn english(word: &str) -> Option<&'static str> {
    Some(match word {
        "janvier" | "janv" => "january",
        "fevrier" | "fevr" | "fev" => "february",
        "mars" => "march",
        "avril" | "avr" => "april",
        "mai" => "may",
        "juin" => "june",
        "juillet" | "juil" => "july",
        "aout" => "august",
        "septembre" | "sept" => "september",
        "octobre" | "oct" => "october",
        "novembre" | "nov" => "november",
        "decembre" | "dec" => "december",
        "lundi" => "monday",
        "mardi" => "tuesday",
        "mercredi" => "wednesday",
        "jeudi" => "thursday",
        "vendredi" => "friday",
        "samedi" => "saturday",
        "dimanche" => "sunday",
        "un" | "une" => "one",
        "deux" => "two",
        "trois" => "three",
        "quatre" => "four",
        "cinq" => "five",
        "six" => "six",
        "huit" => "eight",
        "neuf" => "nine",
        "dix" => "ten",
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::Language;
    use crate::intake::{read_date, read_visit, DateReading, VisitReading, VisitTime};
    use crate::intake::{read_date_in, read_visit_in};
    use crate::words::{Catalogue, Words};
    use chrono::NaiveDate;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn french_dates_are_read() {
        // A Sunday.
        let today = Some(day(2026, 12, 6));
        let read = |text: &str| read_date(text, today).unwrap();
        assert_eq!(read("14 mars 1956"), DateReading::Date(day(1956, 3, 14)));
        assert_eq!(read("le 1er août 1950"), DateReading::Date(day(1950, 8, 1)));
        assert_eq!(read("3 Décembre 1940"), DateReading::Date(day(1940, 12, 3)));
        assert_eq!(read("14 sept 1956"), DateReading::Date(day(1956, 9, 14)));
        assert_eq!(read("demain"), DateReading::Relative(day(2026, 12, 7)));
        assert_eq!(
            read("jeudi prochain"),
            DateReading::Relative(day(2026, 12, 10))
        );
        assert_eq!(
            read("dans sept jours"),
            DateReading::Relative(day(2026, 12, 13))
        );
        assert_eq!(
            read("il y a deux semaines"),
            DateReading::Relative(day(2026, 11, 22))
        );
        let visit = read_visit("10 décembre 2026 à 9h30", today).unwrap();
        let at = day(2026, 12, 10).and_hms_opt(9, 30, 0).unwrap();
        assert_eq!(
            visit,
            VisitReading::One {
                when: VisitTime::DayAndTime(at),
                relative: false
            }
        );
        // The read-back's own form, put back on the line to correct.
        let again = read_visit("jeudi 10 décembre 2026 à 09:30", today);
        assert!(matches!(again, Ok(VisitReading::One { .. })), "{again:?}");
        assert!(read_date("le quatorze", today).is_err());
        // In a file, where no day is known to count from, a French relative date is
        // refused as an English one is, and said in the language asked for.
        let said = Words::from(Catalogue::Check, Language::French);
        assert!(read_date_in("jeudi prochain", None, said).is_err());
        assert_eq!(
            read_visit_in("le 3 mars 2027 à 14h", None, said),
            Ok(VisitReading::One {
                when: VisitTime::DayAndTime(day(2027, 3, 3).and_hms_opt(14, 0, 0).unwrap()),
                relative: false
            })
        );
    }

    #[test]
    fn only_a_word_french_alone_uses_makes_a_date_french() {
        for (text, english) in [
            ("14 mars 1956", Some("14 march 1956")),
            ("dans sept jours", Some("in seven days")),
            ("il y a deux semaines", Some("two weeks ago")),
            // English and Spanish are left to their own readers.
            ("14 sept 1956", None),
            ("in a week", None),
            ("en dos semanas", None),
            ("el jueves que viene a las 9:30", None),
            ("next Thursday at 9:30am", None),
        ] {
            assert_eq!(in_english(text).as_deref(), english, "{text}");
        }
    }

    #[test]
    fn an_hour_is_read_as_the_french_write_it() {
        assert_eq!(hour("9h30").as_deref(), Some("9:30"));
        assert_eq!(hour("14h").as_deref(), Some("14:00"));
        assert_eq!(hour("h"), None);
        assert_eq!(hour("9h3"), None);
        assert_eq!(hour("chez"), None);
    }
}
