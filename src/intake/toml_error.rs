//! A toml or serde error turned into a diagnostic a non-programmer can act on.

use std::ops::Range;

use chrono::NaiveDate;

use super::schema::{array_tables, intake_schema, keys_of, plain_tables};
use crate::diagnostic::{
    did_you_mean, shorten, trouble, Diagnostic, ErrorPlace, TomlPlace, Trouble, MAX_TOML_NESTING,
};
use crate::words::Words;

/// Turns a TOML syntax error into a diagnostic a non-programmer can act on.
///
/// Only what stops the parsing arrives here: values of the wrong kind, missing keys and
/// unknown keys are found value by value by the reader (`walk`, [`take_unknown_keys`]). What
/// the error is about is read from the file at its place (a key given twice, a text, a date),
/// never from the wording of the parser's message, which is only shown; a test feeds the TOML
/// behind each kind. Every word of ours is the check catalogue's, in `words`; in English the
/// parser's message is the problem itself, in another language it is quoted after a lead-in
/// that says what it is.
pub(super) fn explain_toml_error(e: &toml::de::Error, text: &str, words: &Words) -> Diagnostic {
    let message = e.message().trim().to_string();
    let ErrorPlace {
        span,
        events,
        place,
    } = ErrorPlace::of(e, text);
    let within = place.table.clone();
    // Everything below concerns one value or key: name its field when the line shows it.
    let mut d =
        Diagnostic::new(say!(words, "toml-syntax", message = message.as_str())).at(span.clone());
    if let Some(path) = field_path(&place) {
        d = d.field(path);
    }
    match trouble(&events, text, e.span()) {
        Trouble::TooDeep => {
            d.message = say!(
                words,
                "toml-too-deep",
                levels = MAX_TOML_NESTING.to_string()
            );
            d.help(words.get("toml-too-deep-help"))
        }
        Trouble::Duplicate => duplicate_key(d, text, &within, span, words),
        Trouble::Text => d.help(words.get("toml-text-help")),
        Trouble::DateOrTime => not_a_date(d, &message, text, span, words),
        Trouble::Other => d.help(words.get("toml-other-help")),
    }
}

/// The field a key names, as the other checks name it: `diary[2].severity` in an array of
/// tables, `patient.born` in a table.
fn field_path(place: &TomlPlace) -> Option<String> {
    let key = place.key.as_deref()?;
    let within = place.table.as_str();
    let entry = place.entry.filter(|_| array_tables().contains(&within));
    Some(match entry {
        _ if within.is_empty() => key.to_string(),
        Some(i) => format!("{within}[{i}].{key}"),
        None => format!("{within}.{key}"),
    })
}

fn duplicate_key(
    mut d: Diagnostic,
    text: &str,
    within: &str,
    span: Option<Range<usize>>,
    words: &Words,
) -> Diagnostic {
    let key_here = span
        .as_ref()
        .and_then(|s| text.get(s.clone()))
        .map(|k| k.trim().trim_matches('"').to_string())
        .filter(|k| !k.is_empty());
    if let Some(k) = key_here {
        d.message = if within.is_empty() {
            say!(words, "toml-twice-at-top", key = k.as_str())
        } else {
            say!(words, "toml-twice-in", key = k.as_str(), table = within)
        };
        d = d.field(if within.is_empty() {
            k
        } else {
            format!("{within}.{k}")
        });
    }
    d.label(words.get("toml-twice-label"))
        .help(words.get("toml-twice-help"))
}

fn not_a_date(
    mut d: Diagnostic,
    message: &str,
    text: &str,
    span: Option<Range<usize>>,
    words: &Words,
) -> Diagnostic {
    if let Some(written) = span.as_ref().and_then(|s| text.get(s.clone())) {
        let written = shorten(written.trim(), 40);
        d.message = match impossible_day(&written, words) {
            Some(why) => say!(
                words,
                "toml-no-such-day",
                written = written.as_str(),
                why = why
            ),
            None => say!(
                words,
                "toml-not-a-date",
                written = written.as_str(),
                message = message
            ),
        };
    }
    d.label(words.get("toml-not-a-date-label"))
        .help(words.get("toml-not-a-date-help"))
}

/// A key the intake format does not have, in table `within` (`medications` for any of its
/// entries), with the keys that table does have.
fn unknown_field(
    field: &str,
    within: &str,
    path: String,
    candidates: &[&str],
    span: Option<Range<usize>>,
    words: &Words,
) -> Diagnostic {
    let field = shorten(field, 60);
    let d = Diagnostic::new(say!(words, "unknown-field", field = field.as_str()))
        .at(span)
        .field(path);
    let array_table = array_tables().contains(&within);
    let belongs_to = plain_tables()
        .into_iter()
        .find(|t| keys_of(t).contains(&field.as_str()));
    if array_table
        && !candidates.contains(&field.as_str())
        && (belongs_to.is_some() || keys_of("").contains(&field.as_str()))
    {
        let help = match belongs_to {
            Some(home) => say!(
                words,
                "unknown-field-landed-help",
                table = within,
                field = field.as_str(),
                home = home
            ),
            None => say!(
                words,
                "unknown-field-landed-top-help",
                table = within,
                field = field.as_str()
            ),
        };
        return d
            .label(say!(words, "unknown-field-landed", table = within))
            .help(help);
    }
    match did_you_mean(&field, candidates.iter().copied()) {
        Some(s) => d.label(say!(words, "did-you-mean", name = s)).help(say!(
            words,
            "unknown-field-rename",
            field = field.as_str(),
            name = s
        )),
        None => d
            .label(words.get("unknown-field-label"))
            .help(if candidates.is_empty() {
                words.get("unknown-field-none-help")
            } else {
                say!(words, "unknown-field-known", fields = candidates.join(", "))
            }),
    }
}

/// Takes every key out of `table` that the intake format does not have, in every table and
/// every `[[medications]]` and `[[diary]]` entry, and describes each in `words`.
pub(super) fn take_unknown_keys(
    table: &mut toml::de::DeTable<'_>,
    words: &Words,
) -> Vec<Diagnostic> {
    let mut problems = Vec::new();
    take_unknown_in(table, intake_schema(), "", "", &mut problems, words);
    problems
}

fn take_unknown_in(
    table: &mut toml::de::DeTable<'_>,
    schema: &serde_json::Value,
    within: &str,
    path: &str,
    problems: &mut Vec<Diagnostic>,
    words: &Words,
) {
    let Some(properties) = schema.get("properties").and_then(|p| p.as_object()) else {
        return;
    };
    let closed = schema.get("additionalProperties") == Some(&serde_json::Value::Bool(false));
    if closed {
        let candidates: Vec<&str> = properties.keys().map(String::as_str).collect();
        let all = std::mem::take(table);
        for (key, value) in all {
            let field = key.get_ref().as_ref();
            if properties.contains_key(field) {
                table.insert(key, value);
                continue;
            }
            let full = if path.is_empty() {
                shorten(field, 60)
            } else {
                format!("{path}.{}", shorten(field, 60))
            };
            problems.push(unknown_field(
                field,
                within,
                full,
                &candidates,
                Some(key.span()),
                words,
            ));
        }
    }
    for (key, value) in table.iter_mut() {
        let name = key.get_ref().as_ref();
        let Some(sub) = properties.get(name) else {
            continue;
        };
        let here = if path.is_empty() {
            name.to_string()
        } else {
            format!("{path}.{name}")
        };
        match value.get_mut() {
            toml::de::DeValue::Table(t) => take_unknown_in(t, sub, name, &here, problems, words),
            toml::de::DeValue::Array(items) => {
                let Some(item) = sub.get("items") else {
                    continue;
                };
                for (i, entry) in items.iter_mut().enumerate() {
                    if let toml::de::DeValue::Table(t) = entry.get_mut() {
                        take_unknown_in(t, item, name, &format!("{here}[{i}]"), problems, words);
                    }
                }
            }
            _ => {}
        }
    }
}

/// For a date written right (year-month-day) whose day the month does not have: why not,
/// in `words` ("February 1950 has 28 days").
fn impossible_day(written: &str, words: &Words) -> Option<String> {
    let date = written.get(..10)?;
    let mut parts = date.split('-');
    let (y, m, d) = (parts.next()?, parts.next()?, parts.next()?);
    if y.len() != 4 || m.len() != 2 || d.len() != 2 {
        return None;
    }
    let (y, m, d): (i32, u32, u32) = (y.parse().ok()?, m.parse().ok()?, d.parse().ok()?);
    let first = NaiveDate::from_ymd_opt(y, m, 1)?;
    let next = first.checked_add_months(chrono::Months::new(1))?;
    let days = next.signed_duration_since(first).num_days();
    if d == 0 || i64::from(d) > days {
        Some(say!(
            words,
            "days-in-month",
            month = say!(words, "month-name", month = m),
            year = y.to_string(),
            days = days,
        ))
    } else {
        None
    }
}

/// The keys whose help is their own, naming their range or the forms they take. Every other
/// key's help is the one for the kind of value the schema gives it.
const OWN_TYPE_HELP: [(&str, &str); 5] = [
    ("when", "type-when"),
    ("at", "type-at"),
    ("severity", "type-severity"),
    ("minutes", "type-minutes"),
    ("pregnancy_week", "type-pregnancy-week"),
];

/// What a value of `key` is and how it is written, in the check catalogue's `words`.
pub(super) fn type_help(key: &str, words: &Words) -> String {
    words.with(type_help_id(key), &[("key", Words::text(key))])
}

/// The message for `key`, read from the schema where it can be, so that a key added to the
/// intake format is described by its type without being listed here too.
fn type_help_id(key: &str) -> &'static str {
    OWN_TYPE_HELP
        .iter()
        .find(|(k, _)| *k == key)
        .map(|(_, id)| *id)
        .or_else(|| schema_of_key(key).map(kind_help))
        .unwrap_or("type-text")
}

/// The schema of `key` in whichever table has it: the reader names a value by its key alone,
/// and a test holds every table to one kind for one name.
fn schema_of_key(key: &str) -> Option<&'static serde_json::Value> {
    let tables = intake_schema().get("properties")?;
    tables.get(key).or_else(|| {
        let table = keys_of("")
            .into_iter()
            .find(|t| keys_of(t).contains(&key))?;
        let table = &tables[table];
        table
            .get("items")
            .unwrap_or(table)
            .get("properties")?
            .get(key)
    })
}

/// The help for a kind of value whose words fit any key. A number or a time of day is
/// described by the key's own message instead (`OWN_TYPE_HELP`), which a test holds to.
fn kind_help(node: &serde_json::Value) -> &'static str {
    let text_at = |pointer: &str| node.pointer(pointer).and_then(|v| v.as_str());
    let date = node
        .get("anyOf")
        .and_then(|a| a.as_array())
        .into_iter()
        .flatten()
        .any(|form| form.get("format").and_then(|f| f.as_str()) == Some("date"));
    match text_at("/type") {
        Some("boolean") => "type-flag",
        Some("object") => "type-table",
        Some("array") if text_at("/items/type") == Some("object") => "type-entries",
        Some("array") => "type-list",
        _ if date => "type-date",
        _ => "type-text",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::intake::schema::all_keys;
    use crate::intake::test_support::*;

    #[test]
    fn misspelt_table_suggests_the_right_one() {
        let text = format!("{MINIMAL}[[medicaton]]\nname = \"x\"\n");
        let err = error_of(&text);
        assert!(err.contains("unknown field `medicaton`"), "{err}");
        assert!(err.contains("did you mean `medications`"), "{err}");
        assert!(err.contains("intake.toml:4:3"), "{err}");
    }

    #[test]
    fn bare_key_after_array_table_gets_its_own_hint() {
        let text = format!("{MINIMAL}[[medications]]\nname = \"x\"\nconditions = [\"asthma\"]\n");
        let err = error_of(&text);
        assert!(err.contains("last [[medications]] entry"), "{err}");
        assert!(err.contains("into [health]"), "{err}");
    }

    #[test]
    fn impossible_date_points_at_it() {
        let err = error_of("guide = \"general\"\n[patient]\nname = \"A\"\nborn = 1956-02-30\n");
        assert!(err.contains("intake.toml:4:8"), "{err}");
        assert!(err.contains("born = 1956-02-30"), "{err}");
        assert!(err.contains("help: write dates as"), "{err}");
    }

    /// Whether message `id` of `type_help` describes a value as the schema `node` does. Read
    /// from the message's side, apart from `kind_help`, so the two cannot share a mistake.
    fn says_what_the_schema_says(id: &str, node: &serde_json::Value) -> bool {
        fn str_of<'a>(n: &'a serde_json::Value, k: &str) -> Option<&'a str> {
            n.get(k).and_then(|v| v.as_str())
        }
        let ty = str_of(node, "type");
        let forms: Vec<&serde_json::Value> = match node.get("anyOf").and_then(|a| a.as_array()) {
            Some(forms) => forms.iter().collect(),
            None => vec![node],
        };
        let all_text = forms.iter().all(|f| str_of(f, "type") == Some("string"));
        let date = forms.iter().any(|f| str_of(f, "format") == Some("date"));
        // JSON Schema's `time` format needs a time zone, which a TOML local time never has:
        // the schema writes a time of day as a pattern of the hours 00 to 23.
        let clock = forms
            .iter()
            .filter_map(|f| str_of(f, "pattern"))
            .any(|p| p.contains("([01][0-9]|2[0-3]):"));
        let items = node.pointer("/items/type").and_then(|t| t.as_str());
        match id {
            "type-flag" => ty == Some("boolean"),
            "type-table" => ty == Some("object"),
            "type-entries" => ty == Some("array") && items == Some("object"),
            "type-list" => ty == Some("array") && items == Some("string"),
            "type-severity" | "type-pregnancy-week" => ty == Some("integer"),
            "type-minutes" => ty == Some("number"),
            "type-date" => all_text && date && !clock,
            "type-when" => all_text && date && clock,
            "type-at" => all_text && clock && !date,
            "type-text" => {
                ty == Some("string")
                    && node.get("format").is_none()
                    && node.get("pattern").is_none()
            }
            _ => false,
        }
    }

    /// Every key of the intake format with its schema: the top level's as `guide`, a
    /// table's as `patient.born`, an entry's as `diary.at`.
    fn schema_keys() -> Vec<(String, &'static serde_json::Value)> {
        let tables = &intake_schema()["properties"];
        let mut keys: Vec<_> = keys_of("")
            .into_iter()
            .map(|t| (t.to_string(), &tables[t]))
            .collect();
        keys.extend(all_keys().into_iter().filter_map(|field| {
            let (table, key) = field.split_once('.')?;
            let table = &tables[table];
            let node = &table.get("items").unwrap_or(table)["properties"][key];
            Some((field.clone(), node))
        }));
        keys
    }

    fn key_of(field: &str) -> &str {
        field.rsplit('.').next().unwrap_or(field)
    }

    #[test]
    fn the_type_help_says_what_the_schema_says() {
        let keys = schema_keys();
        for (field, node) in &keys {
            let id = type_help_id(key_of(field));
            assert!(
                says_what_the_schema_says(id, node),
                "`{field}`: type_help says {id}, the schema says {}",
                shorten(&node.to_string(), 300)
            );
        }
        assert!(keys.len() > 40, "only {} keys checked", keys.len());
        for (key, _) in OWN_TYPE_HELP {
            assert!(
                keys.iter().any(|(field, _)| key_of(field) == key),
                "type_help names `{key}`, which the intake format does not have"
            );
        }
    }

    #[test]
    fn whole_number_help_gives_the_schemas_range() {
        use crate::document::Language;
        use crate::words::Catalogue;
        let whole: Vec<_> = schema_keys()
            .into_iter()
            .filter(|(_, node)| node["type"] == "integer")
            .collect();
        assert!(!whole.is_empty());
        for (field, node) in whole {
            let range = [&node["minimum"], &node["maximum"]].map(|n| n.as_i64());
            for language in Language::ALL {
                let help = type_help(key_of(&field), Words::from(Catalogue::Check, language));
                let numbers: Vec<i64> = help
                    .split(|c: char| !c.is_ascii_digit())
                    .filter_map(|n| n.parse().ok())
                    .collect();
                for bound in range {
                    assert!(
                        bound.is_some_and(|b| numbers.contains(&b)),
                        "`{field}` is from {range:?} in the schema; the help says: {help}"
                    );
                }
            }
        }
    }

    #[test]
    fn a_table_header_inside_a_text_is_not_a_table() {
        let err = error_of(&format!(
            "{MINIMAL}[health]\nnotes = \"\"\"\n[[diary]]\n\"\"\"\nsince = 1950-02-30\n"
        ));
        assert!(err.contains("(field `health.since`)"), "{err}");
    }

    #[test]
    fn wrong_type_names_the_field() {
        let text = format!("{MINIMAL}[[diary]]\nnight = 2026-11-01\nseverity = \"high\"\n");
        let err = error_of(&text);
        assert!(err.contains("diary[0].severity"), "{err}");
        assert!(err.contains("whole number from 0"), "{err}");
    }

    #[test]
    fn a_missing_guide_is_the_files_own_key_whatever_table_comes_first() {
        for text in [
            "[patient]\nname = \"A\"\n",
            "\n[patient]\nname = \"A\"\n[[medications]]\nname = \"b\"\n",
        ] {
            let err = error_of(text);
            assert!(err.starts_with("error: `guide` is missing\n"), "{err}");
            assert!(err.contains("as the first line"), "{err}");
            assert!(!err.contains("patient.guide"), "{err}");
        }
    }

    #[test]
    fn missing_patient_says_what_to_add() {
        let err = error_of("guide = \"general\"\n");
        assert!(err.contains("`patient` is missing"), "{err}");
        assert!(err.contains("add a [patient] table"), "{err}");
    }

    #[test]
    fn unknown_keys_of_every_entry_are_all_reported() {
        let text = format!(
            "{MINIMAL}[[medications]]\nname = \"a\"\nextra = 1\n[[diary]]\nnight = 2026-11-01\nsevrity = 1\n[[diary]]\nnight = 2026-11-02\nwher = \"x\"\n"
        );
        let err = error_of(&text);
        for expected in ["medications[0].extra", "diary[0].sevrity", "diary[1].wher"] {
            assert!(err.contains(expected), "missing {expected} in\n{err}");
        }
    }

    #[test]
    fn type_errors_speak_no_rust() {
        for (value, words) in [
            ("born = 1956", "whole number `1956`, expected a date"),
            (
                "pregnancy_week = 2.5",
                "decimal number `2.5`, expected a whole number",
            ),
            ("pregnant = 1", "whole number `1`, expected true or false"),
        ] {
            let err = error_of(&format!("{MINIMAL}{value}\n"));
            assert!(err.contains(words), "{words:?} not in\n{err}");
            for jargon in [
                "TOML datetime",
                "floating point",
                "integer",
                "i64",
                "f64",
                "u8",
            ] {
                assert!(!err.contains(jargon), "{jargon:?} in\n{err}");
            }
        }
        let err = error_of("guide = \"general\"\nanswers = 5\n[patient]\nname = \"A\"\n");
        assert!(err.contains("expected a table"), "{err}");
    }

    #[test]
    fn impossible_days_are_named() {
        use crate::document::Language;
        use crate::words::Catalogue;
        let in_ = |language| Words::from(Catalogue::Check, language);
        let en = in_(Language::English);
        assert_eq!(
            impossible_day("1950-02-30", en).as_deref(),
            Some("February 1950 has 28 days")
        );
        assert_eq!(
            impossible_day("2024-02-30", en).as_deref(),
            Some("February 2024 has 29 days")
        );
        assert_eq!(impossible_day("2024-02-29", en), None);
        assert_eq!(impossible_day("1950-13-01", en), None);
        assert_eq!(
            impossible_day("1950-02-30", in_(Language::Spanish)).as_deref(),
            Some("febrero de 1950 tiene 28 días")
        );
        assert_eq!(
            impossible_day("1950-04-31", in_(Language::French)).as_deref(),
            Some("avril 1950 a 30 jours")
        );
    }

    /// Each message of the toml crate that is translated, produced by the TOML behind it,
    /// with the message and help the patient reads. New wording in the crate fails here
    /// instead of reaching the patient untranslated or with the wrong help.
    #[test]
    fn every_translated_toml_message_is_still_recognised() {
        const TYPE_HELP: &str = "help: `";
        for (toml, message, help) in [
            (
                "pregnancy_week = \"x\"",
                "wrong kind of value: string \"x\", expected a whole number (field `patient.pregnancy_week`)",
                TYPE_HELP,
            ),
            (
                "[[diary]]\nnight = 2026-11-01\nminutes = \"x\"",
                "wrong kind of value: string \"x\", expected a number (field `diary[0].minutes`)",
                TYPE_HELP,
            ),
            (
                "pregnant = 1",
                "wrong kind of value: whole number `1`, expected true or false (field `patient.pregnant`)",
                TYPE_HELP,
            ),
            (
                "sex = 1",
                "wrong kind of value: whole number `1`, expected text in quotes (field `patient.sex`)",
                TYPE_HELP,
            ),
            (
                "needs = \"glasses\"",
                "wrong kind of value: string \"glasses\", expected a list in square brackets (field `patient.needs`)",
                TYPE_HELP,
            ),
            (
                "born = 1956",
                "wrong kind of value: whole number `1956`, expected a date, like 1956-03-14 (field `patient.born`)",
                TYPE_HELP,
            ),
            (
                "pregnancy_week = 2.5",
                "wrong kind of value: decimal number `2.5`, expected a whole number (field `patient.pregnancy_week`)",
                TYPE_HELP,
            ),
            (
                "[[diary]]\nnight = 2026-11-01\nseverity = 99999999999999999999",
                "the number is far too large: expected a whole number (field `diary[0].severity`)",
                TYPE_HELP,
            ),
            (
                "name = \"B\"",
                "`name` appears twice in [patient] (field `patient.name`)",
                "help: each key may appear once per table",
            ),
            (
                "sex = \"x",
                "invalid basic string, expected `\"` (field `patient.sex`)",
                "help: text goes between double quotes on one line",
            ),
            (
                "born = 1950-02-30",
                "1950-02-30 is not a real day: February 1950 has 28 days (field `patient.born`)",
                "help: write dates as year-month-day",
            ),
            (
                "born = 1950-13-01",
                "1950-13-01 is not a valid date or time: invalid date, expected month between 01 and 12 (field `patient.born`)",
                "help: write dates as year-month-day",
            ),
            (
                "[[diary]]\nnight = 2026-11-01\nat = 25:00:00",
                "25:00:00 is not a valid date or time: invalid time, expected hour between 00 and 23 (field `diary[0].at`)",
                "help: write dates as year-month-day",
            ),
            (
                "[[medications]]\nname = \"a\"\ndose = \"2 mg\"\n[[medications]]\ndose = \"1 mg\"",
                "`medications[1].name` is missing",
                "help: add `name = ...` to this medications entry",
            ),
            (
                &format!("{}b = 1", "a.".repeat(300)),
                "keys are nested too deeply (more than 80 levels)",
                "help: an intake needs at most two levels",
            ),
        ] {
            let err = error_of(&format!("{MINIMAL}{toml}\n"));
            assert!(
                err.starts_with(&format!("error: {message}\n")),
                "{toml:?}:\n{err}"
            );
            assert!(err.contains(help), "{toml:?}:\n{err}");
        }
        let err = error_of("guide = \"general\"\nanswers = 5\n[patient]\nname = \"A\"\n");
        assert!(
            err.starts_with("error: wrong kind of value: whole number `5`, expected a table, like [answers] with keys below it (field `answers`)\n"),
            "{err}"
        );
        let err = error_of("guide = \"general\"\n");
        assert!(err.starts_with("error: `patient` is missing\n"), "{err}");
        assert!(err.contains("help: add a [patient] table"), "{err}");
    }
}
