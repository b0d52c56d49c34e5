//! What a guide holds, as its file spells it: questions, checklist, advice, causes, tests,
//! departments, medicines, and the conditions under which each applies.

use serde::Deserialize;

#[derive(Debug, Clone, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Guide {
    pub id: String,
    pub title: String,
    pub summary: String,
    /// Where the summary comes from (see [`Source`]).
    #[serde(default)]
    pub summary_source: Option<String>,
    /// The article the guide's statements come from: its title and where to find it.
    #[serde(default)]
    pub source_article: Option<String>,
    /// What the patient's `[[diary]]` log is called on the sheet.
    #[serde(default)]
    pub diary_title: Option<String>,
    #[serde(default)]
    pub departments: Vec<String>,
    /// Where the list of departments comes from.
    #[serde(default)]
    pub departments_source: Option<String>,
    /// A short part on the patient's pages: what the condition is, who gets it, its causes.
    #[serde(default)]
    pub about: Vec<AboutItem>,
    pub doctor_questions: Vec<DoctorQuestion>,
    #[serde(default)]
    pub patient_questions: Vec<PatientQuestion>,
    #[serde(default)]
    pub checklist: Vec<ChecklistItem>,
    #[serde(default)]
    pub seek_care: Vec<Advice>,
    #[serde(default)]
    pub tests: Vec<Test>,
    #[serde(default)]
    pub causes: Causes,
    #[serde(default)]
    pub medication_flags: Vec<MedicationFlag>,
    #[serde(default)]
    pub department_hints: Vec<DepartmentHint>,
    #[serde(default)]
    pub good_to_know: Vec<Note>,
}

/// A summary label is set in a narrow column on the first page.
pub const MAX_SUMMARY_LABEL: usize = 24;

#[derive(Debug, Clone, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct DoctorQuestion {
    pub id: String,
    pub text: String,
    #[serde(default)]
    pub hint: String,
    #[serde(default)]
    pub when: Condition,
    #[serde(default)]
    pub source: Option<String>,
    /// A short label ("Since", "Getting worse?"): the answer then stands on the sheet's first
    /// page, the summary, under this label.
    #[serde(default)]
    pub summary: Option<String>,
    /// A short label for an answer that may point to a cause ("Numbness"): answered, it
    /// stands on the first page under "Pointing to a cause"; unanswered, its label is listed
    /// there as not answered, so the doctor knows what to ask.
    #[serde(default)]
    pub pointer: Option<String>,
}

#[derive(Debug, Clone, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct PatientQuestion {
    pub id: String,
    pub text: String,
    #[serde(default)]
    pub when: Condition,
    #[serde(default)]
    pub source: Option<String>,
}

#[derive(Debug, Clone, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct ChecklistItem {
    pub id: String,
    /// May contain `{companion}`, replaced by the companion's name.
    pub text: String,
    #[serde(default)]
    pub when: Condition,
    #[serde(default)]
    pub source: Option<String>,
}

/// When to get care, and how soon.
#[derive(Debug, Clone, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Advice {
    pub text: String,
    #[serde(default)]
    pub when: Condition,
    #[serde(default)]
    pub source: Option<String>,
    /// How soon: call the emergency number now, get seen today, or keep the appointment.
    #[serde(default)]
    pub tier: Tier,
    /// What the patient's own words say when they describe this sign, each a pattern of
    /// word groups (see [`Sign`]): `check` then warns the patient, and the first page shows
    /// the doctor the words under `flag`.
    #[serde(default)]
    pub signs: Vec<Sign>,
    /// The sign in a few words for the doctor ("Calf swollen or red"), on the first page.
    #[serde(default)]
    pub flag: Option<String>,
}

/// How soon to get care. The order is the order of urgency, the most urgent first.
#[derive(Debug, Clone, Copy, Default, Deserialize, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[serde(rename_all = "lowercase")]
pub enum Tier {
    /// Call the emergency number now.
    Emergency,
    /// Get seen by a doctor today; do not wait for the visit.
    Today,
    /// A reason for the visit: keep the appointment (or book one) and tell the doctor.
    #[default]
    Appointment,
}

impl Tier {
    pub const ALL: [Tier; 3] = [Tier::Emergency, Tier::Today, Tier::Appointment];

    pub fn name(self) -> &'static str {
        match self {
            Tier::Emergency => "emergency",
            Tier::Today => "today",
            Tier::Appointment => "appointment",
        }
    }
}

/// A sign in the patient's words, written `"swollen|swelling + calf|leg"`: groups joined by
/// `+`, each a list of whole words or phrases joined by `|`. It is found when one sentence
/// holds a word or phrase of every group, none of them just after "no", "not" or "without".
#[derive(Debug, Clone, PartialEq)]
pub struct Sign {
    pub pattern: String,
    /// The groups, each its words or phrases, lower-cased.
    pub groups: Vec<Vec<String>>,
    /// The first word of each phrase of each group: a sentence without it is passed over
    /// at the cost of a lookup, and the phrases are many (English and Spanish).
    pub first_words: Vec<Vec<String>>,
}

impl Sign {
    pub fn parse(pattern: &str) -> Sign {
        let groups: Vec<Vec<String>> = pattern
            .split('+')
            .map(|group| {
                group
                    .split('|')
                    .map(|w| w.split_whitespace().collect::<Vec<_>>().join(" "))
                    .map(|w| w.to_lowercase())
                    .collect()
            })
            .collect();
        let first_words = groups
            .iter()
            .map(|group| {
                group
                    .iter()
                    .map(|phrase| {
                        phrase
                            .split(|c: char| !c.is_alphanumeric())
                            .find(|w| !w.is_empty())
                            .unwrap_or("")
                            .to_string()
                    })
                    .collect()
            })
            .collect();
        Sign {
            pattern: pattern.to_string(),
            groups,
            first_words,
        }
    }

    /// True when a group is empty or holds an empty alternative: it would match nothing or
    /// everything.
    pub fn is_malformed(&self) -> bool {
        self.groups.is_empty()
            || self
                .groups
                .iter()
                .any(|g| g.is_empty() || g.iter().any(|w| w.is_empty()))
    }
}

impl<'de> Deserialize<'de> for Sign {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Sign, D::Error> {
        String::deserialize(deserializer).map(|p| Sign::parse(&p))
    }
}

#[derive(Debug, Clone, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Test {
    pub name: String,
    pub why: String,
    #[serde(default)]
    pub source: Option<String>,
    #[serde(default)]
    pub when: Condition,
}

#[derive(Debug, Clone, Default, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Causes {
    #[serde(default)]
    pub everyday: Vec<Cause>,
    #[serde(default)]
    pub diseases: Vec<Cause>,
}

/// One cause: written as a plain string, or as `{ text = "…", source = "…", when = { … } }`
/// to name its source and the patients it can apply to.
#[derive(Debug, Clone, PartialEq)]
pub struct Cause {
    pub text: String,
    pub source: Option<String>,
    pub when: Condition,
}

impl<'de> Deserialize<'de> for Cause {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Cause, D::Error> {
        #[derive(Deserialize)]
        #[serde(deny_unknown_fields)]
        struct Sourced {
            text: String,
            #[serde(default)]
            source: Option<String>,
            #[serde(default)]
            when: Condition,
        }
        struct CauseVisitor;
        impl<'de> serde::de::Visitor<'de> for CauseVisitor {
            type Value = Cause;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a string, or a table with `text` and `source`")
            }
            fn visit_str<E: serde::de::Error>(self, text: &str) -> Result<Cause, E> {
                Ok(Cause {
                    text: text.to_string(),
                    source: None,
                    when: Condition::default(),
                })
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(self, map: A) -> Result<Cause, A::Error> {
                let sourced =
                    Sourced::deserialize(serde::de::value::MapAccessDeserializer::new(map))?;
                Ok(Cause {
                    text: sourced.text,
                    source: sourced.source,
                    when: sourced.when,
                })
            }
        }
        deserializer.deserialize_any(CauseVisitor)
    }
}

/// Which of the guide's causes an `[[about]]` item lists under its text.
#[derive(Debug, Clone, Copy, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub enum CauseKind {
    Everyday,
    Diseases,
}

/// One part of "About this condition" on the patient's pages.
#[derive(Debug, Clone, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct AboutItem {
    pub title: String,
    pub text: String,
    /// The guide's causes of this kind, listed under the text.
    #[serde(default)]
    pub causes: Option<CauseKind>,
    #[serde(default)]
    pub source: Option<String>,
    #[serde(default)]
    pub when: Condition,
}

/// A class of medicines the source links to the symptom, recognised by generic name.
#[derive(Debug, Clone, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct MedicationFlag {
    pub id: String,
    pub class: String,
    pub names: Vec<String>,
    pub explanation: String,
    #[serde(default)]
    pub source: Option<String>,
    /// When someone who takes it must get care at once, and not just keep taking it: under
    /// the note, and on the patient's "When to get care promptly" as an emergency.
    #[serde(default)]
    pub urgent: Option<String>,
}

#[derive(Debug, Clone, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct DepartmentHint {
    pub department: String,
    pub why: String,
    #[serde(default)]
    pub when: Condition,
    #[serde(default)]
    pub source: Option<String>,
}

#[derive(Debug, Clone, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Note {
    pub title: String,
    pub text: String,
    #[serde(default)]
    pub when: Condition,
    #[serde(default)]
    pub source: Option<String>,
}

/// When a guide item applies. Every key that is set must hold; an empty condition always holds.
#[derive(Debug, Clone, Default, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Condition {
    pub pregnant: Option<bool>,
    pub has_medications: Option<bool>,
    pub companion: Option<bool>,
    /// Words, any of which must start a word of the patient's own text.
    #[serde(default)]
    pub mentions: Vec<String>,
    /// Whole words or phrases, any of which must stand in the patient's own text as they
    /// are: "disc" is found in "slipped disc", not in "discomfort".
    #[serde(default)]
    pub words: Vec<String>,
    /// The visit's day is given (`visit.when`).
    pub booked: Option<bool>,
    /// The visit's time is given and it is at noon or later.
    pub afternoon: Option<bool>,
}

impl ChecklistItem {
    /// The item as printed, with the companion named where the guide asks for it.
    pub fn text_for(&self, companion: Option<&str>) -> String {
        self.text
            .replace("{companion}", companion.unwrap_or("your companion"))
    }
}

impl Guide {
    pub fn diary_title(&self) -> &str {
        self.diary_title.as_deref().unwrap_or("My symptom diary")
    }

    pub fn doctor_question(&self, id: &str) -> Option<&DoctorQuestion> {
        self.doctor_questions.iter().find(|q| q.id == id)
    }
}
