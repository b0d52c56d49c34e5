//! A guide in another language. A translation is a file of its own beside the guide
//! (`templates/ID.LANG.toml`), one entry for each string the guide prints: the statement's
//! `source`, the English it translates (`en`) and the translation (keyed by the language's
//! tag, `es`). The guide file itself stays as it is; a string is replaced only where its
//! English matches, so a translation never says what the English does not.

use std::sync::OnceLock;

use serde::Deserialize;

use super::{Guide, Section};
use crate::document::Language;

/// The translations compiled into the binary: guide id, language, file.
pub const BUILT_IN_TRANSLATIONS: &[(&str, Language, &str)] = &[
    (
        "general",
        Language::Spanish,
        include_str!("../../templates/general.es.toml"),
    ),
    (
        "nocturnal-leg-cramps",
        Language::Spanish,
        include_str!("../../templates/nocturnal-leg-cramps.es.toml"),
    ),
];

/// A built-in translation's entry as the build read it: source, English, translation.
type Entry = (&'static str, &'static str, &'static str);

/// The built-in files' entries, as the build read them.
mod tables {
    include!(concat!(env!("OUT_DIR"), "/translations.rs"));
}

/// One translated string.
#[derive(Debug, Clone, PartialEq)]
pub struct Translated {
    pub source: String,
    pub en: String,
    pub text: String,
}

/// A guide's strings in one language.
#[derive(Debug, Clone, PartialEq)]
pub struct Translation {
    pub guide: String,
    pub language: Language,
    pub entries: Vec<Translated>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFile {
    guide: String,
    language: String,
    translation: Vec<RawEntry>,
}

/// One entry as written: its text under the language's tag. Typed, not a generic table: a
/// sheet in Spanish reads the whole file, and a table of values costs twice the time.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawEntry {
    source: Option<String>,
    en: Option<String>,
    es: Option<String>,
    fr: Option<String>,
}

impl Translation {
    /// Reads a translation file; `name` names it in an error.
    pub fn parse(name: &str, text: &str) -> Result<Translation, String> {
        let raw: RawFile = toml::from_str(text).map_err(|e| format!("{name}: {e}"))?;
        let language = Language::from_words(&raw.language)
            .ok_or_else(|| format!("{name}: no language {:?}", raw.language))?;
        let tag = language.tag();
        let entries = raw
            .translation
            .into_iter()
            .enumerate()
            .map(|(i, t)| {
                let missing = |key: &str| format!("{name}: translation {}: no `{key}`", i + 1);
                let (text, other) = match language {
                    Language::Spanish => (t.es, t.fr.map(|_| "fr")),
                    Language::French => (t.fr, t.es.map(|_| "es")),
                    Language::English => (None, t.es.map(|_| "es").or(t.fr.map(|_| "fr"))),
                };
                if let Some(extra) = other {
                    return Err(format!(
                        "{name}: translation {}: unknown key `{extra}`",
                        i + 1
                    ));
                }
                Ok(Translated {
                    source: t.source.ok_or_else(|| missing("source"))?,
                    en: t.en.ok_or_else(|| missing("en"))?,
                    text: text.ok_or_else(|| missing(tag))?,
                })
            })
            .collect::<Result<Vec<_>, String>>()?;
        Ok(Translation {
            guide: raw.guide,
            language,
            entries,
        })
    }

    /// The built-in translation of guide `id` into `language`, made once per process from
    /// the table the build read from its file (`build.rs`), so no TOML is parsed for it.
    pub fn built_in(id: &str, language: Language) -> Option<&'static Translation> {
        static MADE: [OnceLock<Translation>; BUILT_IN_TRANSLATIONS.len()] =
            [const { OnceLock::new() }; BUILT_IN_TRANSLATIONS.len()];
        let i = BUILT_IN_TRANSLATIONS
            .iter()
            .position(|(g, l, _)| *g == id && *l == language)?;
        Some(MADE[i].get_or_init(|| {
            let (guide, language, _) = BUILT_IN_TRANSLATIONS[i];
            let name = format!("{guide}.{}.toml", language.tag());
            let (_, entries) = tables::TABLES
                .iter()
                .find(|(file, _)| *file == name)
                .expect("the build reads every translation in templates/");
            Translation {
                guide: guide.to_string(),
                language,
                entries: entries
                    .iter()
                    .map(|(source, en, text)| Translated {
                        source: source.to_string(),
                        en: en.to_string(),
                        text: text.to_string(),
                    })
                    .collect(),
            }
        }))
    }

    /// What keeps this translation from standing for `guide`: a string the guide prints
    /// without a translation, one whose source is not its statement's, one that translates
    /// nothing the guide says (or under no source of a statement that says it), a string
    /// translated twice for one source or two ways for two, a translation that drops or
    /// adds a `{placeholder}` or a number (an emergency number, a dose of time), or is empty.
    pub fn problems(&self, guide: &Guide) -> Vec<String> {
        let printed = guide.printed();
        let mut out = Vec::new();
        for p in &printed {
            // A string two statements print (a department named in the list and in a hint)
            // has an entry for each statement's source.
            let same: Vec<&Translated> = self.entries.iter().filter(|e| e.en == p.en).collect();
            match same.first() {
                None => out.push(format!("not translated: {:?}", p.en)),
                Some(t) if !same.iter().any(|e| Some(e.source.as_str()) == p.source) => {
                    out.push(format!(
                        "{:?}: source {:?}, but the statement's is {:?}",
                        p.en, t.source, p.source
                    ))
                }
                Some(_) => {}
            }
        }
        for (i, t) in self.entries.iter().enumerate() {
            if let Some(other) = self.entries[..i]
                .iter()
                .find(|e| e.en == t.en && (e.source == t.source || e.text != t.text))
            {
                out.push(if other.source == t.source {
                    format!("{:?} translated twice for {:?}", t.en, t.source)
                } else {
                    format!(
                        "{:?} translated two ways: {:?} and {:?}",
                        t.en, other.text, t.text
                    )
                });
            }
            if !printed.iter().any(|p| p.en == t.en) {
                out.push(format!(
                    "translates what the guide does not say: {:?}",
                    t.en
                ));
            } else if !printed
                .iter()
                .any(|p| p.en == t.en && p.source == Some(t.source.as_str()))
                && self.entries.iter().filter(|e| e.en == t.en).count() > 1
            {
                // With one entry for a string, the loop above already names a wrong source.
                out.push(format!(
                    "{:?}: source {:?} is no statement's that prints it",
                    t.en, t.source
                ));
            }
            if t.text.trim().is_empty() {
                out.push(format!("empty translation of {:?}", t.en));
            }
            let marks = |s: &str| -> Vec<String> {
                let mut m: Vec<String> = s
                    .split(|c: char| {
                        !c.is_ascii_digit() && c != '{' && c != '}' && !c.is_alphabetic()
                    })
                    .filter(|w| w.starts_with('{') || w.chars().all(|c| c.is_ascii_digit()))
                    .filter(|w| !w.is_empty())
                    .map(str::to_string)
                    .collect();
                m.sort();
                m
            };
            if marks(&t.en) != marks(&t.text) {
                out.push(format!(
                    "{:?}: numbers or placeholders {:?} become {:?}",
                    t.en,
                    marks(&t.en),
                    marks(&t.text)
                ));
            }
        }
        out
    }

    /// The translation of `en`, if it has one.
    pub fn of(&self, en: &str) -> Option<&Translated> {
        self.entries.iter().find(|e| e.en == en)
    }
}

/// A string a guide prints, with the section and source of the statement it belongs to.
#[derive(Debug, Clone, PartialEq)]
pub struct Printed<'g> {
    pub section: Section,
    pub source: Option<&'g str>,
    pub en: &'g str,
}

impl Guide {
    /// Every string the guide prints on a sheet: its statements' strings, its title and the
    /// diary's, and the short labels its answers stand under on page 1.
    pub fn printed(&self) -> Vec<Printed<'_>> {
        let summary_source = self.summary_source.as_deref();
        let mut out = vec![Printed {
            section: Section::Summary,
            source: summary_source,
            en: &self.title,
        }];
        if let Some(title) = &self.diary_title {
            out.push(Printed {
                section: Section::Summary,
                source: summary_source,
                en: title,
            });
        }
        for s in self.statements() {
            out.extend(s.text.iter().map(|en| Printed {
                section: s.section,
                source: s.source,
                en,
            }));
        }
        for q in &self.doctor_questions {
            for label in [&q.summary, &q.pointer].into_iter().flatten() {
                out.push(Printed {
                    section: Section::DoctorQuestions,
                    source: q.source.as_deref(),
                    en: label,
                });
            }
        }
        out
    }

    /// Whether the guide's statements are in `language`: English, or a language a built-in
    /// translation of it has.
    pub fn is_in(&self, language: Language) -> bool {
        language == Language::English || Translation::built_in(&self.id, language).is_some()
    }

    /// One of the guide's strings in `language`, where its built-in translation has it, else
    /// as it is: for a caller that needs a few strings rather than the whole guide.
    pub fn text_in<'a>(&self, language: Language, en: &'a str) -> &'a str {
        Translation::built_in(&self.id, language)
            .and_then(|t| t.of(en))
            .map_or(en, |t| t.text.as_str())
    }

    /// The guide in `language`, where a built-in translation of it exists: every string
    /// with a translation replaced by it, ids, sources, conditions and the words warning
    /// signs are found by left as they are.
    pub fn translated(&self, language: Language) -> Option<Guide> {
        let translation = Translation::built_in(&self.id, language)?;
        // Sorted once and searched, which costs a third of hashing every entry.
        let mut table: Vec<(&str, &str)> = translation
            .entries
            .iter()
            .map(|e| (e.en.as_str(), e.text.as_str()))
            .collect();
        table.sort_unstable_by_key(|&(en, _)| en);
        let mut g = self.clone();
        let mut put = |s: &mut String| {
            if let Ok(i) = table.binary_search_by_key(&s.as_str(), |&(en, _)| en) {
                *s = table[i].1.to_string();
            }
        };
        let put_opt = |s: &mut Option<String>, put: &mut dyn FnMut(&mut String)| {
            if let Some(s) = s {
                put(s);
            }
        };
        put(&mut g.title);
        put(&mut g.summary);
        put_opt(&mut g.diary_title, &mut put);
        g.departments.iter_mut().for_each(&mut put);
        for a in &mut g.about {
            put(&mut a.title);
            put(&mut a.text);
        }
        for q in &mut g.doctor_questions {
            put(&mut q.text);
            put(&mut q.hint);
            put_opt(&mut q.summary, &mut put);
            put_opt(&mut q.pointer, &mut put);
        }
        for q in &mut g.patient_questions {
            put(&mut q.text);
        }
        for c in &mut g.checklist {
            put(&mut c.text);
        }
        for a in &mut g.seek_care {
            put(&mut a.text);
            put_opt(&mut a.flag, &mut put);
        }
        for t in &mut g.tests {
            put(&mut t.name);
            put(&mut t.why);
        }
        for c in g.causes.everyday.iter_mut().chain(&mut g.causes.diseases) {
            put(&mut c.text);
        }
        for m in &mut g.medication_flags {
            put(&mut m.class);
            put(&mut m.explanation);
            put_opt(&mut m.urgent, &mut put);
        }
        for h in &mut g.department_hints {
            put(&mut h.department);
            put(&mut h.why);
        }
        for n in &mut g.good_to_know {
            put(&mut n.title);
            put(&mut n.text);
        }
        Some(g)
    }
}
