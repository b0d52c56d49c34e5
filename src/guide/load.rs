//! Finding a guide (built in, or a file beside the intake), reading it and parsing it.

use std::path::Path;

use super::check::unknown_placeholders;
use super::{de, Guide, GuideError, BUILT_IN};
use crate::diagnostic::{
    did_you_mean, trouble, Diagnostic, ErrorPlace, Report, SourceFile, TomlPlace, Trouble,
    MAX_TOML_NESTING,
};
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

    /// A guide from its text: its TOML is parsed, read into the guide's types ([`de`]), and
    /// checked. Every problem is told with its line and column, in words of ours.
    pub fn parse(path: &Path, text: &str) -> Result<Guide, Report> {
        let file = SourceFile {
            path: path.to_path_buf(),
            text: text.to_string(),
        };
        let root = toml::de::DeTable::parse(text)
            .map_err(|e| Report::single(file.clone(), syntax_problem(&e, text)))?;
        let span = root.span();
        let root = toml::de::DeValue::Table(root.into_inner());
        let guide: Guide =
            de::read(&root, span).map_err(|r| Report::single(file.clone(), refused(&r)))?;
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

/// Every problem of a guide's TOML starts so: the guide's author then knows which file is meant.
const NOT_VALID: &str = "this guide is not valid";

/// A TOML syntax error. What it is about is read from the file at the error's place, as the
/// intake's reader reads it ([`trouble`]); where that tells nothing more than the parser's
/// message, the message is quoted whole (it names the TOML expected, never the file's text).
fn syntax_problem(e: &toml::de::Error, text: &str) -> Diagnostic {
    let ErrorPlace {
        span,
        events,
        place,
    } = ErrorPlace::of(e, text);
    let mut field = field_of(&place);
    let message = match trouble(&events, text, e.span()) {
        Trouble::TooDeep => {
            format!("{NOT_VALID}: keys are nested too deeply (more than {MAX_TOML_NESTING} levels)")
        }
        Trouble::Duplicate => {
            // The span is the key given the second time.
            let key = span
                .as_ref()
                .and_then(|s| text.get(s.clone()))
                .map(|k| k.trim().trim_matches('"'))
                .filter(|k| de::plain_key(k));
            let within = match (place.table.as_str(), place.entry) {
                ("", _) => String::new(),
                (table, Some(i)) => format!("{table}[{i}]"),
                (table, None) => table.to_string(),
            };
            field = key.map(|k| match within.as_str() {
                "" => k.to_string(),
                within => format!("{within}.{k}"),
            });
            let key = key.map_or("a key".to_string(), |k| format!("`{k}`"));
            match (place.table.as_str(), place.entry) {
                ("", _) => format!("{NOT_VALID}: {key} appears twice at the top of the file"),
                (table, Some(_)) => {
                    format!("{NOT_VALID}: {key} appears twice in one [[{table}]] entry")
                }
                (table, None) => format!("{NOT_VALID}: {key} appears twice in [{table}]"),
            }
        }
        Trouble::Text | Trouble::DateOrTime | Trouble::Other => {
            format!("{NOT_VALID}: {}", e.message().trim())
        }
    };
    let mut d = Diagnostic::new(message).at(span);
    if let Some(field) = field {
        d = d.field(field);
    }
    d
}

/// The field of a place in the TOML (`doctor_questions[2].hint`), when each of its keys is a
/// plain name: a quoted key may be any text of the file.
fn field_of(place: &TomlPlace) -> Option<String> {
    let key = place.key.as_deref()?;
    let named = |dotted: &str| dotted.split('.').all(de::plain_key);
    if !named(key) || !(place.table.is_empty() || named(&place.table)) {
        return None;
    }
    Some(match (place.table.as_str(), place.entry) {
        ("", _) => key.to_string(),
        (table, Some(i)) => format!("{table}[{i}].{key}"),
        (table, None) => format!("{table}.{key}"),
    })
}

/// TOML that does not make a guide: a value of the wrong kind, a key the guide does not have
/// or one it lacks, in our words, from what serde's derives told [`de::read`]; no value of
/// the file is repeated.
fn refused(refusal: &de::Refusal) -> Diagnostic {
    let mut d = Diagnostic::new(format!("{NOT_VALID}: {refusal}")).at(refusal.span.clone());
    if let Some(field) = refusal.field() {
        d = d.field(field);
    }
    if let de::What::UnknownKey { key, known } = &refusal.what {
        if let Some(name) = did_you_mean(key, known.iter().copied()).filter(|_| de::plain_key(key))
        {
            d = d.help(format!("did you mean `{name}`?"));
        }
    }
    d
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

    /// The guide's own reader ([`de`]) makes of each built-in guide what the toml crate's
    /// deserializer makes of it: only the errors differ.
    #[test]
    fn the_guide_reader_reads_a_guide_as_toml_reads_it() {
        for (id, text) in BUILT_IN {
            let ours = Guide::parse(Path::new("g.toml"), text).unwrap();
            let toml: Guide = toml::from_str(text).unwrap();
            assert!(ours == toml, "{id}");
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

    /// The start of every guide in the tests below: complete, so that only what a test adds
    /// is wrong.
    const GUIDE: &str = "id = \"x\"\ntitle = \"t\"\nsummary = \"s\"\n\
                         [[doctor_questions]]\nid = \"q\"\ntext = \"T\"\n";

    /// The first problem of a guide, as its author reads it from `load`: no line quoted.
    fn problem_of(text: &str) -> String {
        match Guide::parse(Path::new("g.toml"), text) {
            Ok(_) => panic!("{text:?} is a valid guide"),
            Err(report) => report.without_quotes().render(false),
        }
    }

    /// Each kind of problem a guide's TOML can have, produced by the TOML behind it, with the
    /// message and place its author reads. What the problem is comes from the error's place
    /// in the parsed file and from what serde's derives asked for, and the words are ours:
    /// new wording in the toml crate or in serde changes none of these.
    #[test]
    fn each_kind_of_problem_in_a_guide_is_told_in_our_words() {
        for (text, message, place) in [
            (
                "id = \"x\"\ntitle = \"secret words\"\nsummary = 5\n".to_string(),
                "wrong kind of value: a whole number, expected text in quotes (field `summary`)",
                "g.toml:3:11",
            ),
            (
                format!("{}b = 1\n", "a.".repeat(300)),
                "keys are nested too deeply (more than 80 levels)",
                "g.toml:1:1",
            ),
            (
                "id = \"x\"\n".to_string(),
                "`title` is missing",
                "g.toml:1:1",
            ),
            (
                format!("{GUIDE}[[doctor_questions]]\nid = \"r\"\n"),
                "`doctor_questions[1].text` is missing",
                "g.toml:7:1",
            ),
            (
                format!("{GUIDE}hnit = \"h\"\n"),
                "unknown field `hnit`, expected one of `id`, `text`, `hint`, `when`, `source`, `summary`, `pointer` (field `doctor_questions[0].hnit`)",
                "g.toml:7:1",
            ),
            (
                format!("{GUIDE}when = {{ pregnant = \"yes\" }}\n"),
                "wrong kind of value: text, expected true or false (field `doctor_questions[0].when.pregnant`)",
                "g.toml:7:21",
            ),
            (
                format!("{GUIDE}[[seek_care]]\ntext = \"a\"\ntier = \"soon\"\n"),
                "unknown value, expected one of `emergency`, `today`, `appointment` (field `seek_care[0].tier`)",
                "g.toml:9:8",
            ),
            (
                format!("{GUIDE}[[seek_care]]\ntext = \"a\"\ntier = 3\n"),
                "wrong kind of value: a whole number, expected one of `emergency`, `today`, `appointment` (field `seek_care[0].tier`)",
                "g.toml:9:8",
            ),
            (
                format!("{GUIDE}[causes]\neveryday = [\"cold\", 1979-05-27]\n"),
                "wrong kind of value: a date or time, expected a string, or a table with `text` and `source` (field `causes.everyday[1]`)",
                "g.toml:8:21",
            ),
            (
                format!("diary_title = []\n{GUIDE}"),
                "wrong kind of value: a list, expected text in quotes (field `diary_title`)",
                "g.toml:1:15",
            ),
            (
                "id = \"x\"\nid = \"y\"\n".to_string(),
                "`id` appears twice at the top of the file",
                "g.toml:2:1",
            ),
            (
                format!("{GUIDE}id = \"r\"\n"),
                "`id` appears twice in one [[doctor_questions]] entry (field `doctor_questions[0].id`)",
                "g.toml:7:1",
            ),
        ] {
            let shown = problem_of(&text);
            assert!(
                shown.starts_with(&format!("error: this guide is not valid: {message}\n")),
                "{text:?}:\n{shown}"
            );
            assert!(shown.contains(&format!("--> {place}")), "{text:?}:\n{shown}");
        }
    }

    /// A syntax error the file tells no more about is the parser's message, quoted whole
    /// after our lead-in, with the field it is in.
    #[test]
    fn a_syntax_error_is_the_parsers_message_whole() {
        let text = format!("{GUIDE}hint = \"not closed\n");
        let parser_says = toml::de::DeTable::parse(&text)
            .unwrap_err()
            .message()
            .trim()
            .to_string();
        let shown = problem_of(&text);
        assert!(
            shown.starts_with(&format!(
                "error: this guide is not valid: {parser_says} (field `doctor_questions[0].hint`)\n"
            )),
            "{shown}"
        );
    }

    #[test]
    fn a_misspelt_key_of_a_guide_gets_a_suggestion() {
        let shown = problem_of(&format!("{GUIDE}hnit = \"h\"\n"));
        assert!(shown.contains("help: did you mean `hint`?"), "{shown}");
    }

    /// A guide path may name any file: no problem repeats a value of it, whether a text, a
    /// word an enum does not take, a list item or a key written in quotes, and none quotes
    /// its lines.
    #[test]
    fn no_problem_of_a_guide_repeats_its_values() {
        for text in [
            "id = \"x\"\ntitle = \"t\"\nsummary = [\"SECRET\"]\n".to_string(),
            "id = \"x\"\ntitle = \"SECRET\"\nsummary = 5\n".to_string(),
            format!("{GUIDE}when = {{ pregnant = \"SECRET\" }}\n"),
            format!("{GUIDE}[[seek_care]]\ntext = \"a\"\ntier = \"SECRET\"\n"),
            format!("{GUIDE}[[about]]\ntitle = \"a\"\ntext = \"b\"\ncauses = \"SECRET\"\n"),
            format!("{GUIDE}[[seek_care]]\ntext = \"a\"\nsigns = [\"SECRET\", 3]\n"),
            format!("{GUIDE}[causes]\neveryday = [{{ text = \"SECRET\", why = \"SECRET\" }}]\n"),
            format!("{GUIDE}\"SECRET words\" = \"SECRET\"\n"),
            format!("{GUIDE}\"SECRET words\" = 1\n\"SECRET words\" = 2\n"),
            format!("{GUIDE}hint = \"SECRET\nwhen = 1\n"),
        ] {
            let shown = problem_of(&text);
            assert!(shown.starts_with("error: "), "{text:?}:\n{shown}");
            assert!(!shown.contains("SECRET"), "{text:?}:\n{shown}");
        }
    }
}
