//! A guide's hints as the interview shows them: as written, but for a sentence that points
//! at a table or a page, which the interview does not have.

use crate::document::Language;
use crate::words::{Catalogue, Words};

/// Hints are written for the intake file and the sheet; where one speaks of their layout,
/// the interview, which has no table or page, says it in its own words: the sentence of a
/// guide or of its translation, and the interview's message said instead.
const HINTS_FOR_THE_INTERVIEW: &[(&str, &str)] = &[
    (
        "List them below in the medicine table.",
        "hint-medicines-asked-after",
    ),
    (
        "Escríbalos abajo, en la tabla de medicamentos.",
        "hint-medicines-asked-after",
    ),
];

/// A guide's hint as the interview shows it.
pub fn interview_hint(hint: &str) -> String {
    interview_hint_in(hint, Language::English)
}

/// A guide's hint as the interview in `language` shows it.
pub fn interview_hint_in(hint: &str, language: Language) -> String {
    let words = Words::from(Catalogue::Interview, language);
    let mut hint = hint.to_string();
    for (file, interview) in HINTS_FOR_THE_INTERVIEW {
        hint = hint.replace(file, &words.get(interview));
    }
    hint
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::guide::Guide;
    use crate::interview::scripted::guide;

    #[test]
    fn hints_speak_of_the_interview_not_the_file() {
        for id in Guide::built_in_ids() {
            let guide = Guide::built_in(id).unwrap();
            for q in &guide.doctor_questions {
                let hint = interview_hint(&q.hint).to_lowercase();
                for file_word in ["below", "above", "table", "in the file", "on this sheet"] {
                    assert!(!hint.contains(file_word), "{id}/{}: {hint}", q.id);
                }
            }
        }
        let medicines = guide().doctor_question("medicines").map(|q| q.hint.clone());
        if let Some(hint) = medicines {
            assert!(
                interview_hint(&hint).contains("asked for each medicine"),
                "{hint}"
            );
        }
    }
}
