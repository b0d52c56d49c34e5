//! What a parsed guide must also be: unique ids, short labels, named sources, and only the
//! placeholders visitprep fills in.

use std::collections::HashSet;

use super::{source_parts, Guide, MAX_SUMMARY_LABEL, PRACTICAL};
use crate::diagnostic::Diagnostic;

impl Guide {
    pub(super) fn problems(&self) -> Vec<String> {
        let mut problems = Vec::new();
        if self.doctor_questions.is_empty() {
            problems.push("a guide needs at least one `[[doctor_questions]]`".to_string());
        }
        problems.extend(self.id_problems());
        for q in &self.doctor_questions {
            for (key, label) in [("summary", &q.summary), ("pointer", &q.pointer)] {
                let Some(label) = label else { continue };
                if label.trim().is_empty() {
                    problems.push(format!(
                        "doctor question `{}` has an empty `{key}` label",
                        q.id
                    ));
                } else if label.chars().count() > MAX_SUMMARY_LABEL {
                    problems.push(format!(
                        "the `{key}` label of doctor question `{}` is longer than {MAX_SUMMARY_LABEL} characters: it is a short label for the first page",
                        q.id
                    ));
                }
            }
        }
        problems.extend(self.sign_problems());
        for statement in self.statements() {
            let blank = statement
                .source
                .is_some_and(|src| source_parts(src).next().is_none());
            if blank {
                problems.push(format!(
                    "a `source` in {} is empty: name the section of the article it comes from, or write \"{PRACTICAL}\" (or leave the key out)",
                    statement.section.name()
                ));
            }
        }
        for item in &self.checklist {
            if item.text.contains("{companion}") && item.when.companion != Some(true) {
                problems.push(format!(
                    "checklist item `{}` uses {{companion}} but lacks `when = {{ companion = true }}`",
                    item.id
                ));
            }
        }
        problems
    }

    /// A sign must be able to match, and the first page must have words for it.
    fn sign_problems(&self) -> Vec<String> {
        let mut problems = Vec::new();
        for (i, advice) in self.seek_care.iter().enumerate() {
            let n = i + 1;
            for sign in advice.signs.iter().filter(|s| s.is_malformed()) {
                problems.push(format!(
                    "sign \"{}\" of `seek_care` item {n} has an empty part: write words joined by `|`, groups joined by `+` (\"swollen|swelling + calf|leg\")",
                    crate::diagnostic::shorten(&sign.pattern, 60)
                ));
            }
            let flag = advice.flag.as_deref().map(str::trim);
            if !advice.signs.is_empty() && flag.is_none_or(str::is_empty) {
                problems.push(format!(
                    "`seek_care` item {n} has `signs` but no `flag`: the first page names a sign the patient wrote with it"
                ));
            }
            if advice.signs.is_empty() && flag.is_some() {
                problems.push(format!(
                    "`seek_care` item {n} has a `flag` but no `signs`: the flag is shown only when a sign is found"
                ));
            }
        }
        problems
    }

    /// Ids must be unique within each list, and not blank: intakes name items by them.
    fn id_problems(&self) -> Vec<String> {
        let mut problems = Vec::new();
        let lists: [(&str, Vec<&str>); 4] = [
            (
                "doctor_questions",
                self.doctor_questions
                    .iter()
                    .map(|q| q.id.as_str())
                    .collect(),
            ),
            (
                "patient_questions",
                self.patient_questions
                    .iter()
                    .map(|q| q.id.as_str())
                    .collect(),
            ),
            (
                "checklist",
                self.checklist.iter().map(|c| c.id.as_str()).collect(),
            ),
            (
                "medication_flags",
                self.medication_flags
                    .iter()
                    .map(|m| m.id.as_str())
                    .collect(),
            ),
        ];
        for (list, ids) in lists {
            let mut seen = HashSet::new();
            for id in ids {
                if id.trim().is_empty() {
                    problems.push(format!("an item in `{list}` has an empty id"));
                } else if !seen.insert(id) {
                    problems.push(format!("the id `{id}` appears twice in `{list}`"));
                }
            }
        }
        problems
    }
}

/// Placeholders a guide's text may hold: `{companion}`, in checklist items.
const PLACEHOLDERS: &[&str] = &["companion"];

/// Every `{name}` in the guide's text that is not a placeholder visitprep fills in: it would
/// be printed as it is, braces and all.
pub(super) fn unknown_placeholders(text: &str) -> Vec<Diagnostic> {
    let mut found = Vec::new();
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        if !line.trim_start().starts_with('#') {
            let mut from = 0;
            while let Some(open) = line[from..].find('{') {
                let start = from + open;
                let rest = &line[start + 1..];
                let name_len = rest
                    .find(|c: char| !(c.is_alphanumeric() || c == '_'))
                    .unwrap_or(rest.len());
                if name_len > 0 && rest[name_len..].starts_with('}') {
                    let name = &rest[..name_len];
                    if !PLACEHOLDERS.contains(&name) {
                        let span = offset + start..offset + start + name_len + 2;
                        found.push(
                            Diagnostic::new(format!(
                                "`{{{}}}` is not a placeholder visitprep fills in; it would print as it is",
                                crate::diagnostic::shorten(name, 40)
                            ))
                            .at(Some(span))
                            .help("the only placeholder is {companion}, in checklist items; write the text out instead"),
                        );
                    }
                }
                from = start + 1;
            }
        }
        offset += line.len();
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    #[test]
    fn duplicate_ids_are_rejected() {
        let text = r#"
id = "x"
title = "X"
summary = "A. B."
[[doctor_questions]]
id = "a"
text = "A?"
[[doctor_questions]]
id = "a"
text = "B?"
"#;
        let err = Guide::parse(Path::new("x.toml"), text).unwrap_err();
        assert!(err.to_string().contains("appears twice"), "{err}");
    }

    #[test]
    fn summary_labels_are_short_and_not_blank() {
        let guide = |label: &str| {
            format!(
                "id = \"x\"\ntitle = \"X\"\nsummary = \"A. B.\"\n[[doctor_questions]]\n\
                 id = \"a\"\ntext = \"A?\"\nsummary = \"{label}\"\n"
            )
        };
        let ok = Guide::parse(Path::new("x.toml"), &guide("Since")).unwrap();
        assert_eq!(ok.doctor_questions[0].summary.as_deref(), Some("Since"));
        let err = Guide::parse(Path::new("x.toml"), &guide(" ")).unwrap_err();
        assert!(err.to_string().contains("empty `summary` label"), "{err}");
        let err = Guide::parse(Path::new("x.toml"), &guide(&"x".repeat(25))).unwrap_err();
        assert!(err.to_string().contains("longer than 24"), "{err}");
        // The built-in guides put their first questions on the summary.
        for id in Guide::built_in_ids() {
            let g = Guide::built_in(id).unwrap();
            assert!(
                g.doctor_questions
                    .iter()
                    .any(|q| q.summary.as_deref() == Some("Since")),
                "{id}"
            );
        }
    }

    #[test]
    fn an_empty_source_is_rejected_and_a_missing_one_counted() {
        let head = "id = \"x\"\ntitle = \"X\"\nsummary = \"A.\"\n[[doctor_questions]]\nid = \"a\"\ntext = \"A?\"\n";
        let err =
            Guide::parse(Path::new("x.toml"), &format!("{head}source = \" ; \"\n")).unwrap_err();
        assert!(
            err.to_string()
                .contains("a `source` in Questions the doctor may ask is empty"),
            "{err}"
        );
        let guide = Guide::parse(
            Path::new("x.toml"),
            &format!("{head}source = \"practical\"\n"),
        )
        .unwrap();
        assert_eq!(guide.unsourced(), 1, "the summary names no source");
        assert_eq!(guide.statements().len(), 2);
    }

    #[test]
    fn unknown_placeholders_are_placed_and_comments_ignored() {
        let text = "# {comment} is fine\ntext = \"Ask {companion} and {nobody}\"\nwhen = {pregnant = true}\n";
        let found = unknown_placeholders(text);
        assert_eq!(found.len(), 1);
        let span = found[0].span.clone().unwrap();
        assert_eq!(&text[span], "{nobody}");
    }
}
