//! Finding a guide (built in, or a file beside the intake), reading it and parsing it.

use std::path::Path;

use super::check::unknown_placeholders;
use super::{Guide, GuideError, BUILT_IN};
use crate::diagnostic::{deepest_line, did_you_mean, key_before, Diagnostic, Report, SourceFile};
use crate::input::{Kind, ReadError};

impl Guide {
    /// A built-in guide by id.
    pub fn built_in(id: &str) -> Option<Guide> {
        // Parsed once per process and then copied: a batch names the same guide hundreds
        // of times, and copying is a tenth of the cost of parsing.
        Guide::built_in_shared(id).cloned()
    }

    /// A built-in guide by id, parsed once per process and lent, for a look without a copy.
    pub fn built_in_shared(id: &str) -> Option<&'static Guide> {
        static PARSED: [std::sync::OnceLock<Guide>; BUILT_IN.len()] =
            [const { std::sync::OnceLock::new() }; BUILT_IN.len()];
        let i = BUILT_IN.iter().position(|(known, _)| *known == id)?;
        Some(PARSED[i].get_or_init(|| {
            let (known, text) = BUILT_IN[i];
            Guide::parse(Path::new(&format!("templates/{known}.toml")), text)
                .unwrap_or_else(|report| panic!("built-in guide is invalid:\n{report}"))
        }))
    }

    pub fn built_in_ids() -> impl Iterator<Item = &'static str> {
        BUILT_IN.iter().map(|(id, _)| *id)
    }

    /// A guide file on disk. Its problems are told by line and column without quoting it:
    /// a guide path may name any file, and its lines are not ours to print.
    pub fn load(path: &Path) -> Result<Guide, Report> {
        let fail = |message: String| Report::about_file(path, Diagnostic::new(message));
        let bytes =
            crate::input::read(path, crate::input::MAX_GUIDE_BYTES).map_err(|e| match e {
                ReadError::TooLarge { limit } => fail(format!(
                    "the guide file is larger than {}",
                    crate::input::size_in_words(limit)
                ))
                .with_help("is this the right file? A guide is a short text file"),
                ReadError::Folder => fail("this is a folder, not a guide file".into()),
                other => fail(format!("cannot read the guide: {other}")),
            })?;
        let text = String::from_utf8(bytes).map_err(|e| {
            let file = SourceFile {
                path: path.to_path_buf(),
                text: String::from_utf8_lossy(e.as_bytes()).into_owned(),
            };
            let at = e.utf8_error().valid_up_to();
            Report::single(
                file,
                Diagnostic::new("the guide file is not UTF-8 text").at(Some(at..at + 1)),
            )
            .without_quotes()
        })?;
        Guide::parse(path, &text).map_err(Report::without_quotes)
    }

    pub fn parse(path: &Path, text: &str) -> Result<Guide, Report> {
        let file = SourceFile {
            path: path.to_path_buf(),
            text: text.to_string(),
        };
        let guide: Guide = toml::from_str(text).map_err(|e| {
            let span = e.span().or_else(|| deepest_line(text));
            let mut d = Diagnostic::new(format!(
                "this guide is not valid: {}",
                without_values(e.message().trim())
                    .replace("recursion limit", "keys are nested too deeply")
            ));
            // The key is named, never its value: a guide path may name any file.
            let key = span
                .as_ref()
                .and_then(|s| key_before(text, s.start))
                .filter(|k| {
                    k.len() <= 60
                        && k.chars()
                            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | '.'))
                });
            if let Some(key) = key {
                d = d.field(crate::diagnostic::shorten(&key, 60));
            }
            Report::single(file.clone(), d.at(span))
        })?;
        let mut diagnostics: Vec<Diagnostic> =
            guide.problems().into_iter().map(Diagnostic::new).collect();
        diagnostics.extend(unknown_placeholders(text));
        if diagnostics.is_empty() {
            Ok(guide)
        } else {
            Err(Report { file, diagnostics })
        }
    }
}

/// How an intake names its guide: a built-in id, or a path relative to the intake.
pub fn resolve(reference: &str, intake_dir: &Path) -> Result<Guide, GuideError> {
    if let Some(guide) = Guide::built_in(reference) {
        return Ok(guide);
    }
    let looks_like_path = reference.ends_with(".toml") || reference.contains(['/', '\\']);
    if looks_like_path {
        let path = intake_dir.join(reference);
        return match std::fs::metadata(&path).map(|m| Kind::of(&m)) {
            Ok(Kind::File) => Guide::load(&path).map_err(GuideError::Invalid),
            Ok(kind) => Err(GuideError::NotAFile {
                reference: reference.to_string(),
                kind,
            }),
            Err(_) => Err(GuideError::Unknown {
                reference: reference.to_string(),
                suggestion: None,
                file_missing: true,
            }),
        };
    }
    Err(GuideError::Unknown {
        reference: reference.to_string(),
        suggestion: did_you_mean(reference, Guide::built_in_ids()).map(str::to_string),
        file_missing: false,
    })
}

/// A toml/serde message without the values it may quote (`invalid type: string "…"`):
/// a guide path may name a file whose contents are not ours to print.
fn without_values(message: &str) -> String {
    match (
        message.strip_prefix("invalid type: "),
        message.find(", expected "),
    ) {
        (Some(_), Some(at)) => format!("wrong kind of value, {}", &message[at + 2..]),
        _ => message.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_built_in_guide_parses_and_is_complete() {
        for id in Guide::built_in_ids() {
            let guide = Guide::built_in(id).unwrap();
            assert_eq!(guide.id, id);
            assert!(!guide.patient_questions.is_empty(), "{id}");
            assert!(
                guide.checklist.iter().any(|c| c.id == "bring_sheet"),
                "{id}"
            );
        }
    }

    #[test]
    fn leg_cramp_guide_asks_the_seven_questions_first_in_order() {
        let guide = Guide::built_in("nocturnal-leg-cramps").unwrap();
        let first: Vec<&str> = guide.doctor_questions[..7]
            .iter()
            .map(|q| q.id.as_str())
            .collect();
        assert_eq!(
            first,
            [
                "discomfort",
                "since",
                "pattern",
                "course",
                "before",
                "treatment",
                "medications"
            ]
        );
        assert!(guide.doctor_questions.len() > 7, "follow-ups expected");
        assert_eq!(guide.patient_questions.len(), 9);
        let ids: Vec<&str> = guide.checklist.iter().map(|c| c.id.as_str()).collect();
        for id in [
            "appointment",
            "clothing",
            "records",
            "symptom_medicines",
            "family",
            "questions",
            "fasting",
            "bring_sheet",
        ] {
            assert!(ids.contains(&id), "checklist lacks {id}");
        }
    }

    #[test]
    fn a_guide_file_is_reported_without_its_lines() {
        let dir = std::env::temp_dir().join(format!("visitprep-guide-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("g.toml");
        std::fs::write(&path, "id = \"x\"\ntitle = [\"private words\"]\n").unwrap();
        let report = Guide::load(&path).unwrap_err();
        let text = report.render(false);
        std::fs::remove_dir_all(&dir).unwrap();
        assert!(text.contains("g.toml:2:9"), "{text}");
        assert!(text.contains("`title`"), "{text}");
        assert!(!text.contains("private words"), "{text}");
    }

    #[test]
    fn unknown_guide_suggests_a_built_in_one() {
        match resolve("nocturnal-leg-cramp", Path::new(".")) {
            Err(GuideError::Unknown { suggestion, .. }) => {
                assert_eq!(suggestion.as_deref(), Some("nocturnal-leg-cramps"))
            }
            other => panic!("unexpected {other:?}"),
        }
    }

    /// The toml crate's messages that a guide's report rewrites, produced by the TOML behind
    /// them: new wording fails here instead of quoting a guide's values or its jargon.
    #[test]
    fn translated_toml_messages_of_a_guide_are_still_recognised() {
        for (text, message) in [
            (
                "id = \"x\"\ntitle = \"secret words\"\nsummary = 5\n".to_string(),
                "error: this guide is not valid: wrong kind of value, expected a string",
            ),
            (
                format!("{}b = 1\n", "a.".repeat(300)),
                "error: this guide is not valid: keys are nested too deeply",
            ),
        ] {
            let report = Guide::parse(Path::new("g.toml"), &text).unwrap_err();
            let shown = report.render(false);
            assert!(shown.starts_with(message), "{shown}");
        }
    }
}
