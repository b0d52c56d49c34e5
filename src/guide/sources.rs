//! Every statement a guide makes, with the section of its source article it comes from.

use super::{Condition, Guide};

/// The source of a step the article does not state but that is plainly safe to take
/// (bring your card, call the emergency number).
pub const PRACTICAL: &str = "practical";

/// The parts of a `source` value, which `;` separates:
/// "Cause of symptoms: Cold stimulation; practical" names a section and a practical step.
pub fn source_parts(source: &str) -> impl Iterator<Item = &str> {
    source.split(';').map(str::trim).filter(|p| !p.is_empty())
}

/// The parts of a guide, as the patient meets them and a reviewer reads them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Section {
    Summary,
    About,
    DoctorQuestions,
    PatientQuestions,
    Checklist,
    SeekCare,
    Tests,
    Causes,
    Medicines,
    /// The departments that treat the condition, and those the patient's words point to.
    Departments,
    GoodToKnow,
}

impl Section {
    pub fn name(self) -> &'static str {
        match self {
            Section::Summary => "Summary",
            Section::About => "About this condition",
            Section::DoctorQuestions => "Questions the doctor may ask",
            Section::PatientQuestions => "Questions you may ask",
            Section::Checklist => "Before you leave home",
            Section::SeekCare => "When to get care promptly",
            Section::Tests => "Examinations and tests",
            Section::Causes => "Causes",
            Section::Medicines => "Medicines that can play a part",
            Section::Departments => "Which department",
            Section::GoodToKnow => "Good to know",
        }
    }
}

/// One thing a guide tells the patient, with where it comes from.
#[derive(Debug, Clone, PartialEq)]
pub struct Statement<'g> {
    pub section: Section,
    /// The strings printed for it: a question and its hint, a test and why it is done.
    pub text: Vec<&'g str>,
    pub source: Option<&'g str>,
    /// When it is shown; `None` for always.
    pub when: Option<&'g Condition>,
}

impl Guide {
    /// Every statement of the guide, in the order of the guide file.
    // Long because it lists each of the guide's eleven sections once, in the file's order.
    pub fn statements(&self) -> Vec<Statement<'_>> {
        fn one<'g>(
            section: Section,
            text: Vec<&'g str>,
            source: &'g Option<String>,
        ) -> Statement<'g> {
            Statement {
                section,
                text: text.into_iter().filter(|t| !t.trim().is_empty()).collect(),
                source: source.as_deref(),
                when: None,
            }
        }
        fn when<'g>(mut statement: Statement<'g>, condition: &'g Condition) -> Statement<'g> {
            if *condition != Condition::default() {
                statement.when = Some(condition);
            }
            statement
        }
        let mut out = vec![one(
            Section::Summary,
            vec![&self.summary],
            &self.summary_source,
        )];
        out.extend(self.about.iter().map(|a| {
            when(
                one(
                    Section::About,
                    vec![a.title.as_str(), a.text.as_str()],
                    &a.source,
                ),
                &a.when,
            )
        }));
        out.extend(self.doctor_questions.iter().map(|q| {
            when(
                one(
                    Section::DoctorQuestions,
                    vec![q.text.as_str(), q.hint.as_str()],
                    &q.source,
                ),
                &q.when,
            )
        }));
        out.extend(self.patient_questions.iter().map(|q| {
            when(
                one(Section::PatientQuestions, vec![q.text.as_str()], &q.source),
                &q.when,
            )
        }));
        out.extend(self.checklist.iter().map(|c| {
            when(
                one(Section::Checklist, vec![c.text.as_str()], &c.source),
                &c.when,
            )
        }));
        out.extend(self.seek_care.iter().map(|a| {
            let mut text = vec![a.text.as_str()];
            text.extend(a.flag.as_deref());
            when(one(Section::SeekCare, text, &a.source), &a.when)
        }));
        out.extend(self.tests.iter().map(|t| {
            when(
                one(
                    Section::Tests,
                    vec![t.name.as_str(), t.why.as_str()],
                    &t.source,
                ),
                &t.when,
            )
        }));
        out.extend(
            self.causes
                .everyday
                .iter()
                .chain(&self.causes.diseases)
                .map(|c| {
                    when(
                        one(Section::Causes, vec![c.text.as_str()], &c.source),
                        &c.when,
                    )
                }),
        );
        out.extend(self.medication_flags.iter().map(|m| {
            let mut text = vec![m.class.as_str(), m.explanation.as_str()];
            text.extend(m.urgent.as_deref());
            one(Section::Medicines, text, &m.source)
        }));
        if !self.departments.is_empty() {
            out.push(one(
                Section::Departments,
                self.departments.iter().map(String::as_str).collect(),
                &self.departments_source,
            ));
        }
        out.extend(self.department_hints.iter().map(|h| {
            when(
                one(
                    Section::Departments,
                    vec![h.department.as_str(), h.why.as_str()],
                    &h.source,
                ),
                &h.when,
            )
        }));
        out.extend(self.good_to_know.iter().map(|n| {
            when(
                one(
                    Section::GoodToKnow,
                    vec![n.title.as_str(), n.text.as_str()],
                    &n.source,
                ),
                &n.when,
            )
        }));
        out
    }

    /// How many statements name no source. A guide with any has not been reviewed against
    /// its source, statement by statement.
    pub fn unsourced(&self) -> usize {
        self.statements()
            .iter()
            .filter(|s| s.source.is_none_or(|src| src.trim().is_empty()))
            .count()
    }
}
