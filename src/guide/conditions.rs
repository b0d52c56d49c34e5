//! When a guide item applies: its condition, tested against facts from the intake.

use super::Condition;

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
        parts.join("; ")
    }
}

/// What a guide's conditions are tested against: facts from the intake, in the guide's terms.
#[derive(Debug, Clone, Default)]
pub struct Facts {
    pub pregnant: bool,
    pub has_medications: bool,
    pub companion: bool,
    /// The patient's own free text (conditions, notes, reason, answers), lower-cased.
    pub own_words: String,
}

impl Facts {
    pub fn holds(&self, condition: &Condition) -> bool {
        condition.pregnant.is_none_or(|p| p == self.pregnant)
            && condition
                .has_medications
                .is_none_or(|m| m == self.has_medications)
            && condition.companion.is_none_or(|c| c == self.companion)
            && (condition.mentions.is_empty()
                || condition
                    .mentions
                    .iter()
                    .any(|word| mentions_word(&self.own_words, word)))
    }
}

/// True when `word` (case-insensitive) starts a word somewhere in `text`.
pub fn mentions_word(text: &str, word: &str) -> bool {
    let text = text.to_lowercase();
    let word = word.to_lowercase();
    if word.is_empty() {
        return false;
    }
    text.match_indices(&word).any(|(i, _)| {
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
    let words = |s: &str| -> Vec<String> {
        s.split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(str::to_lowercase)
            .collect()
    };
    let haystack = words(text);
    let needle = words(phrase);
    !needle.is_empty()
        && haystack
            .windows(needle.len())
            .any(|w| w == needle.as_slice())
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
